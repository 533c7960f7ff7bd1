"""Documentation the tests enforce: every command has help with an example and a row in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from purgewatch.cli.main import app

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, (*prefix, name)))
    return out


COMMANDS = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


def _readme_commands() -> set[str]:
    """The command names in the first column of the table under '## Commands'."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Commands", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if line.startswith("|"):
            first = line.split("|")[1]
            names.update(" ".join(m.split()[:2]) for m in re.findall(r"`purgewatch ([a-z][a-z-]*(?: [a-z][a-z-]*)?)", first))
            names.update(m for m in re.findall(r"`purgewatch ([a-z][a-z-]*)", first))
    return names


def test_cli_help_commands_found():
    assert {("ingest",), ("events",), ("eval",), ("serve",)} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_cli_help_has_example(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_cli_help_command_in_readme_table(command):
    assert " ".join(command) in _readme_commands(), f"add a row for `purgewatch {' '.join(command)}` to README.md"
