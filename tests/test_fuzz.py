"""Property tests (hypothesis): loaders, the date resolver and the extractor never raise on arbitrary
input, and every event's character offsets point at its evidence sentence."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from purgewatch.errors import LoadError
from purgewatch.extract.dates import resolve_date
from purgewatch.ingest import iter_file

WORDS = ["General", "Ivan", "Petrov", "Marshal", "Li", "Wei", "was", "were", "arrested", "dismissed", "appointed",
         "replaced", "by", "as", "minister", "of", "defense", "on", "May", "14", "2024", "in", "1937", "he", "him",
         "they", "the", "executed", "not", "may", "be", "charged", "with", "treason", ",", ".", ";", ":", "and",
         "K.A.", "Тимур", "Иванов", "\n\n", "(", ")", "\"", "'s", "former", "head", "Ministry", "Staff", "who",
         "accused", "sentenced", "to", "death", "later", "that", "year", "December", "Sunday", "deputy", "said"]
sentences = st.lists(st.sampled_from(WORDS), min_size=0, max_size=60).map(" ".join)
texts = st.one_of(st.text(max_size=400), sentences)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".pdf"]))
def test_loaders_never_raise_on_arbitrary_bytes(tmp_path, data, ext):
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    for item in iter_file(path):
        if isinstance(item, LoadError):
            assert item.reason and "\n" not in item.reason
        else:
            assert isinstance(item.text, str) and item.text.strip()


@FAST
@given(text=texts, base=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))),
       year=st.one_of(st.none(), st.integers(1800, 2100)))
def test_date_resolver_never_raises_and_answers_iso(text, base, year):
    out = resolve_date(text, base=base, context_year=year, narrative_year=year)
    assert out is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", out)


@FAST
@given(text=texts)
def test_extractor_never_raises_and_offsets_point_at_evidence(extract, text):
    for ev in extract(text):
        assert text[ev.start:ev.end] == ev.evidence
        assert ev.type and ev.factuality in {"asserted", "reported", "speculative", "negated"}
        assert ev.person or ev.group
