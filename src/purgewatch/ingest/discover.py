"""Which files to load: the named files, and the files found under the named folders.

Order is sorted and so deterministic; each real directory and file is visited once, so symlink
loops end and a file reachable twice is loaded (or reported) once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LoadError
from .loaders import SUPPORTED_EXTENSIONS, describe_os_error, unsupported_type
from .manifest import MANIFEST_NAME


@dataclass
class Walker:
    """Yields the files to load from user-given paths, remembering what it has already visited."""

    seen_dirs: set[str] = field(default_factory=set)
    seen_files: set[str] = field(default_factory=set)

    def walk(self, paths: Iterable[str | Path]) -> Iterator[Path | LoadError]:
        """Files to load, in order, and a LoadError for each path that cannot be searched.

        A named file is always returned (the loader reports an unsupported type). Inside folders a
        file of an unsupported type is a LoadError in its place (the README lists it as rejected,
        and a silent skip hid whole formats from users); hidden entries (".git", ".DS_Store") and
        manifests, which are not documents, are skipped without a word.
        """
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                yield from self._walk_dir(path)
            elif path.exists() or path.is_symlink():
                # A broken or looping link is passed on too: the loader says which it is.
                yield from self._once(path)
            else:
                yield LoadError(str(path), "no such file or directory")

    def _walk_dir(self, folder: Path) -> Iterator[Path | LoadError]:
        real = os.path.realpath(folder)
        if real in self.seen_dirs:
            return
        self.seen_dirs.add(real)
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            yield LoadError(str(folder), describe_os_error(exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if _is_dir(entry):
                yield from self._walk_dir(path)
            elif entry.name == MANIFEST_NAME:
                continue
            elif path.suffix.lower() in SUPPORTED_EXTENSIONS:
                yield from self._once(path)
            else:
                yield from (LoadError(str(found), unsupported_type(found)) for found in self._once(path))

    def _once(self, path: Path) -> Iterator[Path]:
        real = os.path.realpath(path)
        if real not in self.seen_files:
            self.seen_files.add(real)
            yield path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks; the realpath check in _walk_dir stops loops
    except OSError:
        return False
