"""Layers whose imports only go down the data flow (issue 12): every module of src/purgewatch may import
only from its own layer or lower ones. Imports are read with ast, at the top of a module and inside
functions alike, so a deferred import cannot hide a dependency that runs back up."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "purgewatch"

LAYERS: dict[str, int] = {
    "errors": 0, "records": 0, "ontology": 0, "normalize": 0, "__init__": 0, "data": 0,
    "ingest": 1,
    "nlp": 2,
    "extract": 3,
    "resolve": 4,
    "store": 5,
    "analyze": 6, "evaluate": 6,
    "export": 7,
    "service": 8, "workflow": 8, "scale": 8,
    "cli": 9, "serve": 9,
}

# Known offenders in layers other teams own, to be emptied by the lead: "importer -> imported", each with
# a comment saying why it is still there. Empty: no import runs back up at the time of writing.
ALLOWED: set[str] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int | None:
    """The layer of a purgewatch module name, None for anything outside the package."""
    parts = module.split(".")
    if parts[0] != "purgewatch":
        return None
    if len(parts) == 1:
        return LAYERS["__init__"]
    if parts[1] not in LAYERS:
        raise AssertionError(f"{module}: no layer for 'purgewatch.{parts[1]}' in LAYERS")
    return LAYERS[parts[1]]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every purgewatch import in the file, relative ones made absolute."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "purgewatch":  # "from purgewatch import store": the subpackage named
                found += [(node.lineno, f"purgewatch.{a.name}") if a.name in LAYERS else (node.lineno, target)
                          for a in node.names]
            else:
                found.append((node.lineno, target))
    return [(line, m) for line, m in found if m == "purgewatch" or m.startswith("purgewatch.")]


def upward_imports(src: Path = SRC) -> list[str]:
    """Every import of a higher layer, as "importer -> imported (file:line)"."""
    offenders = []
    for path in sorted(src.rglob("*.py")):
        module = _module_name(path)
        own = _layer(module)
        assert own is not None
        for line, target in _imports(path):
            layer = _layer(target)
            if layer is not None and layer > own:
                offenders.append(f"{module} -> {target} ({path.relative_to(SRC.parent)}:{line})")
    return offenders


def test_architecture_every_module_has_a_layer() -> None:
    for path in SRC.rglob("*.py"):
        assert _layer(_module_name(path)) is not None


def test_architecture_imports_only_go_down() -> None:
    offenders = [o for o in upward_imports() if o.split(" (")[0] not in ALLOWED]
    assert not offenders, "imports that run back up the layers:\n" + "\n".join(offenders)


def test_architecture_allow_list_has_no_stale_entries() -> None:
    current = {o.split(" (")[0] for o in upward_imports()}
    assert not ALLOWED - current, f"allowed but no longer imported: {sorted(ALLOWED - current)}"


@pytest.mark.parametrize(("module", "layer"), [
    ("purgewatch", 0), ("purgewatch.normalize.posts", 0), ("purgewatch.resolve.persons", 4),
    ("purgewatch.store.browse", 5), ("purgewatch.serve.api", 9), ("json", None),
])
def test_architecture_layer_of_a_module(module: str, layer: int | None) -> None:
    assert _layer(module) == layer


def test_architecture_finds_upward_imports_in_functions_and_relative_ones(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "purgewatch"
    (pkg / "store").mkdir(parents=True)
    (pkg / "store" / "__init__.py").write_text("")
    (pkg / "store" / "x.py").write_text(
        "from purgewatch.normalize import fold\n"
        "def f():\n    from purgewatch.analyze.tenures import Tenure\n"
        "from ..serve import app\n"
        "from purgewatch import cli\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", pkg)
    assert sorted(o.split(" (")[0] for o in upward_imports(pkg)) == [
        "purgewatch.store.x -> purgewatch.analyze.tenures",
        "purgewatch.store.x -> purgewatch.cli",
        "purgewatch.store.x -> purgewatch.serve",
    ]
