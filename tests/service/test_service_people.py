"""People and posts use cases: profile, merge and split, post succession; and the one --format check."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from purgewatch.cli.main import app
from purgewatch.errors import PurgewatchError
from purgewatch.service.ingesting import ingest
from purgewatch.service.people import merge_people, person_profile, split_person
from purgewatch.service.posts import post_profile
from purgewatch.store import Store

TEXTS = {
    "a.txt": "On 3 May 2023 General Ivan Popov was dismissed as commander of the 58th Army.",
    "b.txt": "On 9 May 2023 Colonel Pavel Popov was arrested in Moscow.",
}


@pytest.fixture()
def url(tmp_path) -> str:
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = f"sqlite:///{tmp_path / 'p.db'}"
    assert ingest([folder], Store(out)).ok
    return out


@pytest.fixture()
def store(url) -> Store:
    return Store(url)


def test_service_person_profile_has_spellings_events_tenures(store):
    p = person_profile(store, "Ivan Popov")
    assert p.name == "Ivan Popov" and [e["type"] for e in p.events] == ["dismissed"]
    assert p.names and all(n["reason"] for n in p.names)
    assert p.as_dict()["tenures"] == [t.as_dict() for t in p.tenures]
    assert person_profile(store, "Ivan Popov", events=False).events == []
    with pytest.raises(PurgewatchError):
        person_profile(store, "Nobody Atall")


def test_service_merge_then_split(store):
    merged = merge_people(store, "Ivan Popov", "Pavel Popov")
    assert (merged.spellings, merged.documents) == (2, 2)
    display, now = split_person(store, "Ivan Popov")
    assert len(now) == 2 and display in {"Ivan Popov", "Pavel Popov"}


def test_service_post_profile_unknown_post_suggests(store):
    with pytest.raises(PurgewatchError, match="no events or holders"):
        post_profile(store, "Minister of Fisheries")


@pytest.mark.parametrize("command", [["events"], ["person", "Ivan Popov"], ["waves"], ["succession", "commander of the 58th Army"],
                                     ["compare", "--period", "2023:2024"]])
def test_service_unknown_format_is_one_line_error(url, command):
    result = CliRunner().invoke(app, [*command, "--db", url, "--format", "xml"])
    assert result.exit_code == 1
    assert "unknown format 'xml'" in result.output + result.stderr and "Traceback" not in result.output
