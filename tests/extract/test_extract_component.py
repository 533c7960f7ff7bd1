"""The extraction components the spaCy way: declared requires/assigns, and a failing document recorded in
`doc._.pw_error` instead of aborting the batch."""

from __future__ import annotations

from datetime import date

import pytest

import purgewatch.extract.rules as rules
from purgewatch.records import Event

TEXTS = [
    "General Ivan Popov was dismissed as commander of the 58th Army on 3 May 2023.",
    "BAD: Colonel Oleg Vetrov was arrested on 4 May 2023.",
    "Marshal Semyon Lazin was appointed chief of the General Staff on 5 May 2023.",
]


def test_component_pipeline_has_holdings_after_events(nlp):
    names = nlp.pipe_names
    assert names.index("pw_mentions") < names.index("pw_events") < names.index("pw_holdings")


def test_component_factories_declare_what_they_assign(nlp):
    events = nlp.get_pipe_meta("pw_events")
    holdings = nlp.get_pipe_meta("pw_holdings")
    assert "doc._.pw_events" in events.assigns and "doc.spans" in events.requires
    assert "doc._.pw_holdings" in holdings.assigns and "doc._.pw_events" in holdings.requires


def test_component_error_recorded_and_batch_goes_on(nlp, monkeypatch):
    real = rules.gapped_sentences

    def fragile(asm, found):  # a rule that breaks on one document only
        if asm.doc.text.startswith("BAD"):
            raise ValueError("rule broke")
        return real(asm, found)

    monkeypatch.setattr(rules, "gapped_sentences", fragile)
    docs = []
    for text in TEXTS:
        doc = nlp.make_doc(text)
        doc._.pw_published = date(2023, 6, 1)
        docs.append(doc)
    out = list(nlp.pipe(docs, batch_size=3))
    assert len(out) == 3
    good = [out[0], out[2]]
    assert all(d._.pw_error is None for d in good)
    assert [e.person for e in out[0]._.pw_events] == ["Ivan Popov"]
    assert [e.person for e in out[2]._.pw_events] == ["Semyon Lazin"]
    assert all(isinstance(e, Event) for d in good for e in d._.pw_events)
    bad = out[1]
    assert bad._.pw_error == "pw_events: ValueError: rule broke"
    assert bad._.pw_events == [] and bad._.pw_holdings == []


def test_component_error_without_failure_is_none(nlp):
    doc = nlp("Nothing happened to anyone.")
    assert doc._.pw_error is None
    assert doc._.pw_events == []


@pytest.mark.parametrize("attr", ["pw_events", "pw_holdings", "pw_error", "pw_published"])
def test_component_extensions_registered(nlp, attr):
    from spacy.tokens import Doc
    assert Doc.has_extension(attr)
