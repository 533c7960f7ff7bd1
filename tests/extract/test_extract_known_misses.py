"""Known misses of the rules, recorded so that they are seen: each case is a phrasing real reports use that
the extractor gets wrong today. `xfail(strict=True)`: when a change fixes one, the test fails until the case
is moved to the passing tests. Sentences are the team's own, written from how reports are worded."""

from __future__ import annotations

import pytest

CASES = [
    # (sentence, type, surname, what is known to fail)
    ("Colonel Pyotr Ilyin was hauled from his office by security agents on Tuesday.", "arrested", "Ilyin",
     "'hauled from' is not a cue"),
    ("The following officers were executed:\nIvan Petrov\nSemyon Lakin\nOleg Vasin\n", "executed", "Lakin",
     "a vertical list of names under an introducing sentence"),
    ("Defence minister Karl Ostrov arrested over bribery claims\n\nThe minister denied wrongdoing.", "arrested", "Ostrov",
     "a headline with no finite verb"),
    ("Rebels captured the provincial governor, Amos Dlamini, near the border on Sunday.", "arrested", "Dlamini",
     "'captured' is not a cue"),
    ("Investigators named former deputy minister Pavel Lunin a formal suspect in the case.", "charged", "Lunin",
     "'named a formal suspect' is a charge, not an appointment"),
    ("Former interior minister Dmitri Orlov was given life in prison on Friday.", "convicted", "Orlov",
     "'given life' is a sentence"),
    ("Officers led General Taras Bulba out of the ministry in handcuffs.", "arrested", "Bulba",
     "'led out in handcuffs' is not a cue"),
]


@pytest.mark.parametrize("text,type_,surname,why", CASES, ids=[c[3] for c in CASES])
@pytest.mark.xfail(strict=True, reason="known miss of the rules (see the case's id)")
def test_extract_known_miss(extract, text, type_, surname, why):
    events = extract(text)
    assert any(e.type == type_ and e.person and e.person.split()[-1] == surname for e in events), why
