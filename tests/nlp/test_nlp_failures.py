"""pw_mentions fails the purgewatch way: the failure is noted on the document, the batch goes on."""

from __future__ import annotations

import purgewatch.nlp.mentions as mentions


def test_nlp_mentions_failure_recorded(nlp, monkeypatch):
    real = mentions.collect

    def fragile(doc, onto, extra=()):
        if doc.text.startswith("BAD"):
            raise RuntimeError("mentions broke")
        return real(doc, onto, extra)

    monkeypatch.setattr(mentions, "collect", fragile)
    texts = ["General Ivan Popov was dismissed.", "BAD text about Oleg Vetrov.", "Semyon Lazin was arrested."]
    out = list(nlp.pipe(texts))
    assert len(out) == 3
    assert out[1]._.pw_error == "pw_mentions: RuntimeError: mentions broke"
    assert list(out[1].spans["pw_persons"]) == []
    assert out[0]._.pw_error is None and [s.id_ for s in out[0].spans["pw_persons"]] == ["Ivan Popov"]
    assert out[2]._.pw_error is None and [e.person for e in out[2]._.pw_events] == ["Semyon Lazin"]
