"""Loaders: one real file of each kind to SourceDocuments, metadata precedence, and every refusal."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import date
from pathlib import Path

import pytest
from conftest import write
from pypdf import PdfReader, PdfWriter

from purgewatch.errors import LoadError
from purgewatch.ingest import LoadWarning, loaders
from purgewatch.ingest.formats import plain_text
from purgewatch.ingest.loaders import iter_file, load_file
from purgewatch.ingest.manifest import ManifestEntry
from purgewatch.records import SourceDocument

PARAGRAPH = (
    "General Timur Ivanov, the deputy defence minister, was arrested on charges of bribery "
    "and later dismissed from his post by presidential decree, the court said on 3 April 2023. "
)


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text stream per page, one line per string.

    pypdf cannot typeset text, so the objects and the xref table are written by hand.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages))), len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    info = b""
    if title is not None:
        objects.append(b"<< /Title (%s) >>" % title.encode("latin-1"))
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    return bytes(out)


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_html(head: str = "", body: str = PARAGRAPH * 3, lang: str = "en") -> str:
    """A news page with navigation, a cookie banner and a footer around the article."""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Purge widens | The Daily</title>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sub">Subscribe now</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience.</div>
<article><h1>Purge widens</h1><p>{body}</p>
<p>A second general was moved to the reserve, and his deputy followed him within weeks.</p>
<table><tr><td>Tabulated rank</td><td>Tabulated name</td></tr></table></article>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Reader comment: nobody believes this.</p></div></section>
<footer><p>Copyright 2024 The Daily. All rights reserved. Privacy policy. Contact us.</p></footer>
</body></html>"""




def content_id(prefix: str, text: str) -> str:
    """The id of a JSONL line without one: the file stem, "-", 12 hex digits of the text's SHA-256."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def only(documents: list[SourceDocument]) -> SourceDocument:
    assert len(documents) == 1
    return documents[0]


def error_of(path: Path) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.path == str(path)
    return caught.value


# --- plain text and Markdown ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("report.txt", "\n\nPurge of the military\n\nBody text.\n", "Purge of the military"),
        ("notes.md", "# Purge of the *military*\n\nBody **text**.\n", "Purge of the *military*"),
        ("long.txt", "x" * 200 + "\n\nBody.\n", None),
    ],
)
def test_loaders_text_keeps_text_verbatim_and_titles_short_first_line(
    tmp_path: Path, name: str, content: str, title: str | None
) -> None:
    document = only(load_file(write(tmp_path / name, content)))
    assert document.text == content
    assert document.title == title
    assert document.doc_id == Path(name).stem
    assert document.path == str(tmp_path / name)
    assert document.language == "en"


def test_loaders_text_normalises_crlf_only(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"Title\r\n\r\n  Indented  line\r\nend")
    assert only(load_file(path)).text == "Title\n\n  Indented  line\nend"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_loaders_text_decodes_legacy_cyrillic(tmp_path: Path, encoding: str) -> None:
    text = "Чистка в армии\n\nЗаместитель министра обороны Тимур Иванов был арестован по обвинению во взяточничестве.\n"
    path = write(tmp_path / "ru.txt", text.encode(encoding))
    document = only(load_file(path))
    assert document.text == text
    assert document.title == "Чистка в армии"


# --- HTML -------------------------------------------------------------------------------------


def test_loaders_html_keeps_main_text_and_drops_boilerplate(tmp_path: Path) -> None:
    document = only(load_file(write(tmp_path / "page.html", make_html())))
    assert "General Timur Ivanov" in document.text
    assert "A second general was moved to the reserve" in document.text
    for boilerplate in ("Subscribe now", "cookies", "Copyright 2024", "Privacy policy", "Tabulated", "Reader comment"):
        assert boilerplate not in document.text
    assert document.title == "Purge widens"


def test_loaders_html_takes_metadata_from_the_page(tmp_path: Path) -> None:
    head = (
        '<meta property="article:published_time" content="2024-05-14T09:00:00+00:00">'
        '<meta property="og:site_name" content="The Daily">'
        '<link rel="canonical" href="https://example.org/purge">'
    )
    document = only(load_file(write(tmp_path / "page.htm", make_html(head=head, lang="ru-RU"))))
    assert document.published == date(2024, 5, 14)
    assert document.url == "https://example.org/purge"
    assert document.outlet == "The Daily"
    assert document.language == "ru"


def test_loaders_html_keeps_archival_meta_dates(tmp_path: Path) -> None:
    # htmldate refuses pre-1995 dates unless told otherwise; archives are older than that.
    head = '<meta property="article:published_time" content="1937-06-12">'
    assert only(load_file(write(tmp_path / "a.html", make_html(head=head)))).published == date(1937, 6, 12)


def test_loaders_html_does_not_take_a_date_from_the_body(tmp_path: Path) -> None:
    # PARAGRAPH mentions 3 April 2023; without a meta date or a dateline the date is unknown.
    assert only(load_file(write(tmp_path / "a.html", make_html()))).published is None


def test_loaders_html_honours_a_declared_charset(tmp_path: Path) -> None:
    page = make_html(body="Заместитель министра обороны был арестован. " * 8).replace(
        '<meta charset="utf-8">', '<meta charset="windows-1251">'
    )
    document = only(load_file(write(tmp_path / "ru.html", page.encode("cp1251"))))
    assert "Заместитель министра обороны был арестован." in document.text


# --- PDF --------------------------------------------------------------------------------------


def test_loaders_pdf_joins_pages_with_a_blank_line(tmp_path: Path) -> None:
    data = make_pdf([["Purge report", "21 June 2024", "General Ivanov was arrested."], ["Second page."]], title="Report")
    document = only(load_file(write(tmp_path / "report.pdf", data)))
    first, second = document.text.split("\n\n", 1)
    assert "General Ivanov was arrested." in first
    assert second.strip() == "Second page."
    assert document.title == "Report"
    assert document.published == date(2024, 6, 21)
    assert document.doc_id == "report"


def test_loaders_pdf_reads_one_encrypted_without_a_user_password(tmp_path: Path) -> None:
    data = encrypt_pdf(make_pdf([["Readable with an empty password."]]), user_password="")
    assert "Readable with an empty password." in only(load_file(write(tmp_path / "open.pdf", data))).text


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t\n", "no text (whitespace only)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary content, not text"),
        ("image.html", bytes(range(256)) * 3, "binary content, not text"),
        ("image.jsonl", b"\x00\x01\x02" * 100, "binary content, not text"),
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "corrupt PDF"),
        ("cut.pdf", make_pdf([["Some text."]])[:150], "corrupt PDF"),
        ("locked.pdf", encrypt_pdf(make_pdf([["Secret."]]), user_password="secret"), "encrypted PDF (password required)"),
        ("scan.pdf", make_pdf([[], []]), "no extractable text in PDF"),
        (
            "menu.html",
            (b"<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li></ul></nav>"
            b"<footer>Copyright 2024</footer></body></html>"),
            "no main text found in HTML",
        ),
        ("headonly.html", b"<html><head><title>Nothing here</title></head></html>", "no main text found in HTML"),
        ("report.docx", b"PK\x03\x04", "unsupported file type '.docx' (supported: .txt, .md, .html, .htm, .pdf, .jsonl)"),
        ("README", b"text", "unsupported file type (no extension)"),
        ("manifest.jsonl", b'{"file": "a.txt"}\n', "a manifest holds metadata, not documents"),
    ],
)
def test_loaders_refuse_with_a_one_line_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    error = error_of(write(tmp_path / name, content))
    assert error.reason.startswith(reason)
    assert "\n" not in error.reason
    assert str(error) == f"{tmp_path / name}: {error.reason}"


def test_loaders_refuse_a_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "gone.txt").reason == "no such file"


def test_loaders_refuse_a_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert error_of(link).reason == "broken symbolic link"


def test_loaders_refuse_a_self_referencing_symlink(tmp_path: Path) -> None:
    link = tmp_path / "loop.txt"
    link.symlink_to(link)
    assert error_of(link).reason == "symbolic link loop"


def test_loaders_refuse_an_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: root can read a chmod 000 file, so permissions cannot be denied")
    path = write(tmp_path / "secret.txt", "text")
    path.chmod(0)
    try:
        assert error_of(path).reason == "permission denied"
    finally:
        path.chmod(0o600)


def test_loaders_report_a_permission_error_raised_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs as root too: the OS check above cannot, so the read itself is made to fail.
    path = write(tmp_path / "secret.txt", "text")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert error_of(path).reason == "permission denied"


def test_loaders_refuse_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: no disk is used, and the guard runs before reading
    assert error_of(path).reason == "file too large (51.0 MB > 50 MB limit)"


def test_loaders_size_limit_is_the_module_constant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "small.txt", "twelve bytes")
    assert load_file(path)
    monkeypatch.setattr(loaders, "MAX_FILE_BYTES", 10)
    assert error_of(path).reason.startswith("file too large")


# --- JSONL ------------------------------------------------------------------------------------

JSONL = '{"id": "a1", "text": "First report.", "title": "One", "url": "https://x.org/1", "published": "2024-06-21", "language": "ru"}\n{"text": "Second report.\\r\\nWith a CRLF escaped in JSON."}\n\n{not json\n{"title": "no text here"}\n{"text": "   "}\n["a", "list"]\n{"text": "Bad date.", "published": "soon"}\n{"id": "a1", "text": "Same id again."}\n{"id": 42, "text": "MOSCOW, May 14, 2024 (Reuters) - Numeric id, dateline date.", "extra": "ignored"}'


def test_loaders_jsonl_yields_good_lines_and_names_bad_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", JSONL)
    items = list(iter_file(path))
    documents = [item for item in items if isinstance(item, SourceDocument)]
    errors = [item.reason for item in items if isinstance(item, LoadError)]
    second_id = content_id("batch", "Second report.\nWith a CRLF escaped in JSON.")
    assert [d.doc_id for d in documents] == ["a1", second_id, content_id("batch", "Bad date."), "42"]
    assert errors == [
        "line 4: invalid JSON",
        "line 5: no 'text' field",
        "line 6: empty 'text'",
        "line 7: not a JSON object",
        "line 8: invalid 'published' date 'soon' (ignored; the rest of the line is used)",  # a LoadWarning
        "line 9: duplicate id 'a1' (first on line 1)",
    ]
    assert [type(item) for item in items if isinstance(item, LoadError)].count(LoadWarning) == 1
    first, second, bad_date, fourth = documents
    assert (first.title, first.url, first.published, first.language) == ("One", "https://x.org/1", date(2024, 6, 21), "ru")
    assert second.text == "Second report.\nWith a CRLF escaped in JSON."
    assert second.title is None and second.published is None
    assert bad_date.text == "Bad date." and bad_date.published is None
    assert fourth.published == date(2024, 5, 14)


def test_loaders_load_file_is_strict_about_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", JSONL)
    assert error_of(path).reason == "line 4: invalid JSON"


def test_loaders_jsonl_takes_prefix_and_defaults_from_the_manifest_entry(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", '{"text": "No metadata."}\n{"text": "Own.", "language": "de", "outlet": "Own"}\n')
    meta = ManifestEntry(file="batch.jsonl", doc="feed", outlet="Wire", language="ru", published=date(2024, 1, 2))
    first, second = load_file(path, meta=meta)
    assert (first.doc_id, first.outlet, first.language, first.published) == (
        content_id("feed", "No metadata."), "Wire", "ru", date(2024, 1, 2),
    )
    assert (second.doc_id, second.outlet, second.language) == (content_id("feed", "Own."), "Own", "de")


# --- precedence -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "meta_date", "expected"),
    [
        (date(2020, 1, 1), date(2021, 1, 1), date(2020, 1, 1)),
        (None, date(2021, 1, 1), date(2021, 1, 1)),
        (None, None, date(2022, 3, 4)),
    ],
)
def test_loaders_published_precedence_for_html(
    tmp_path: Path, argument: date | None, meta_date: date | None, expected: date
) -> None:
    head = '<meta property="article:published_time" content="2022-03-04">'
    page = make_html(head=head, body="MOSCOW, May 14, 2019 (Reuters) - " + PARAGRAPH * 3)
    path = write(tmp_path / "p.html", page)
    meta = ManifestEntry(file="p.html", published=meta_date)
    assert only(load_file(path, published=argument, meta=meta)).published == expected


@pytest.mark.parametrize(
    ("argument", "meta_date", "expected"),
    [
        (date(2020, 1, 1), date(2021, 1, 1), date(2020, 1, 1)),
        (None, date(2021, 1, 1), date(2021, 1, 1)),
        (None, None, date(2019, 5, 14)),
    ],
)
def test_loaders_published_precedence_for_text(
    tmp_path: Path, argument: date | None, meta_date: date | None, expected: date
) -> None:
    path = write(tmp_path / "p.txt", "Headline\nMay 14, 2019\n\n" + PARAGRAPH)
    meta = ManifestEntry(file="p.txt", published=meta_date)
    assert only(load_file(path, published=argument, meta=meta)).published == expected


def test_loaders_jsonl_published_argument_beats_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "b.jsonl", '{"text": "x", "published": "2024-06-21"}\n')
    assert only(load_file(path, published=date(2000, 1, 1))).published == date(2000, 1, 1)


def test_loaders_manifest_entry_overrides_file_metadata(tmp_path: Path) -> None:
    head = '<meta property="og:site_name" content="The Daily"><link rel="canonical" href="https://example.org/purge">'
    path = write(tmp_path / "page.html", make_html(head=head))
    meta = ManifestEntry(file="page.html", doc="doc-7", title="Given", outlet="Outlet", url="https://given.org", language="fr")
    document = only(load_file(path, meta=meta))
    assert (document.doc_id, document.title, document.outlet, document.url, document.language) == (
        "doc-7", "Given", "Outlet", "https://given.org", "fr",
    )


@pytest.mark.parametrize(("name", "doc_id"), [("2024.06.report.txt", "2024.06.report"), ("Über.md", "Über")])
def test_loaders_id_is_the_file_name_without_extension(tmp_path: Path, name: str, doc_id: str) -> None:
    assert only(load_file(write(tmp_path / name, "Text.\n"))).doc_id == doc_id


# --- text that used to be refused as binary ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("stray-nul.txt", ("Purge report\n\n" + PARAGRAPH).encode("utf-8").replace(b" ", b" \x00", 1)),
        ("utf16le.txt", ("Purge report\n\n" + PARAGRAPH).encode("utf-16-le")),
        ("utf16be.md", ("Purge report\n\n" + PARAGRAPH).encode("utf-16-be")),
        ("utf16le.jsonl", ('{"id": "u1", "text": "' + PARAGRAPH + '"}\n').encode("utf-16-le")),
    ],
)
def test_loaders_read_text_with_stray_nul_bytes_or_in_bomless_utf16(tmp_path: Path, name: str, content: bytes) -> None:
    document = only(load_file(write(tmp_path / name, content)))
    assert "\x00" not in document.text
    assert PARAGRAPH in document.text


# --- HTML nested deeper than lxml's default limit (256 levels) ----------------------------------


def nested_page(depth: int) -> str:
    """An article whose second paragraph sits `depth` <div>s deep, as unclosed tags in old pages make it."""
    return make_html(body=PARAGRAPH).replace(
        "<p>A second general", "<div>" * depth + "<p>Deep inside, the chief of staff was arrested too.</p>"
        + "</div>" * depth + "<p>A second general",
    )


@pytest.mark.parametrize("depth", [300, 1000, 4000])
def test_loaders_html_keeps_the_text_of_a_deeply_nested_page(tmp_path: Path, depth: int) -> None:
    document = only(load_file(write(tmp_path / "deep.html", nested_page(depth))))
    assert "General Timur Ivanov" in document.text
    assert "Deep inside, the chief of staff was arrested too." in document.text
    assert "A second general was moved to the reserve" in document.text
    assert "<div>" not in document.text and "<p>" not in document.text
    if depth < 2000:  # libxml2 builds the whole tree: trafilatura still drops the boilerplate
        assert "We use cookies" not in document.text and "Copyright 2024" not in document.text


def test_loaders_html_deep_nesting_only_page_is_still_read(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 1000 + "<p>" + PARAGRAPH * 3 + "</p>" + "</div>" * 1000 + "</body></html>"
    document = only(load_file(write(tmp_path / "deep.html", page)))
    assert document.text.strip() == (PARAGRAPH * 3).strip()


def test_loaders_html_plain_text_fallback_shows_only_visible_text() -> None:
    page = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body><!-- a comment -->"
        "<p>First &amp; foremost</p>tail text<script>var x = '<p>no</p>';</script><div>Second</div></body></html>"
    )
    assert plain_text(page) == "First & foremost\ntail text\nSecond"


# --- JSONL ids that survive edits; bad fields dropped, not the line ------------------------------


def test_loaders_jsonl_line_without_id_gets_a_content_id_stable_across_edits(tmp_path: Path) -> None:
    lines = ['{"text": "First report."}', '{"text": "Second report."}', '{"id": "x", "text": "Third."}', '{"text": "Fourth."}']
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    before = [d.doc_id for d in load_file(path)]
    assert before == [content_id("feed", "First report."), content_id("feed", "Second report."), "x", content_id("feed", "Fourth.")]
    write(path, "\n".join(lines[1:]) + "\n")  # the first line deleted: every other id is unchanged
    assert [d.doc_id for d in load_file(path)] == before[1:]


def test_loaders_jsonl_same_text_twice_without_id_is_a_duplicate(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "Same."}\n{"text": "Same."}\n')
    items = list(iter_file(path))
    assert [d.doc_id for d in items if isinstance(d, SourceDocument)] == [content_id("feed", "Same.")]
    assert [e.reason for e in items if isinstance(e, LoadError)] == [f"line 2: duplicate id '{content_id('feed', 'Same.')}' (first on line 1)"]


def test_loaders_jsonl_bad_date_keeps_the_document_and_warns(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"id": "d1", "title": "T", "text": "Headline\\n21 June 2024\\nBody.", "published": "soon"}\n')
    items = list(iter_file(path))
    [document] = [d for d in items if isinstance(d, SourceDocument)]
    assert (document.doc_id, document.title, document.published) == ("d1", "T", date(2024, 6, 21))
    [warning] = [e for e in items if isinstance(e, LoadError)]
    assert isinstance(warning, LoadWarning)
    assert warning.reason == "line 1: invalid 'published' date 'soon' (ignored; the rest of the line is used)"
    assert load_file(path) == [document]  # a warning is not a failure, even for the strict form


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_loaders_refuse_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert error_of(fifo).reason == "not a regular file"
