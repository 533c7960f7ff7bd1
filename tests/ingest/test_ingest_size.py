"""Long documents: texts of 1 to 10 million characters load whole, in time linear in their size.

The 50 MB file limit (MAX_FILE_BYTES) is the only size refusal of the ingest stage; anything under
it is read. (spaCy's own length limit is the nlp stage's business.)
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import write

from purgewatch.ingest import MAX_FILE_BYTES, load_file

PARAGRAPH = "General Timur Ivanov, the deputy defence minister, was arrested on 3 April 2023 by decree.\n"
RUSSIAN = "Заместитель министра обороны Тимур Иванов был арестован по обвинению во взяточничестве.\n"
HEAD = "Purge report\n21 June 2024\n\n"


def long_text(chars: int, paragraph: str = PARAGRAPH) -> str:
    return HEAD + (paragraph * (chars // len(paragraph) + 1))[: chars - len(HEAD)]


def as_file(kind: str, text: str) -> str | bytes:
    if kind == "jsonl":
        return json.dumps({"id": "big", "text": text}) + "\n"
    if kind == "html":  # one block: a text node over libxml2's default 10,000,000-character limit
        return f"<html><body><article><p>{text}</p></article></body></html>"
    if kind == "cp1251":
        return text.encode("cp1251")
    return text


@pytest.mark.parametrize("chars", [1_000_000, 10_000_000])
@pytest.mark.parametrize("kind", ["txt", "md", "jsonl", "cp1251", "html"])
def test_size_long_text_loads_whole_and_fast(tmp_path: Path, kind: str, chars: int) -> None:
    text = long_text(chars, RUSSIAN if kind == "cp1251" else PARAGRAPH)
    suffix = "txt" if kind == "cp1251" else kind
    path = write(tmp_path / f"big.{suffix}", as_file(kind, text))
    assert path.stat().st_size < MAX_FILE_BYTES
    started = time.perf_counter()
    [document] = load_file(path)
    elapsed = time.perf_counter() - started
    if kind == "html":  # white space inside a block is not significant in HTML
        assert document.text == " ".join(text.split())
    else:
        assert document.text == text
        assert document.published is not None and document.published.isoformat() == "2024-06-21"
    assert elapsed < 15  # a guard against super-linear work only; 10 MB takes well under 2 s
