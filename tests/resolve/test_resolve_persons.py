"""Person resolution across documents (issue 4), on invented names."""

from __future__ import annotations

import pytest

from purgewatch.resolve.persons import Mention, compare, name_tokens, resolve_mentions


def people(*mentions: Mention, overrides=()) -> dict[str, set[str]]:
    """person id -> the (doc:name) strings resolved to it."""
    out: dict[str, set[str]] = {}
    for (doc, name), r in resolve_mentions(mentions, overrides).items():
        out.setdefault(r.person_id, set()).add(f"{doc}:{name}")
    return out


def m(doc: str, name: str, posts=(), years=()) -> Mention:
    return Mention(doc, name, set(posts), set(years))


@pytest.mark.parametrize(("a", "b"), [
    ("Sergei Lomov", "Sergey Lomov"),
    ("Yury Kuznetsov", "Iurii Kuznetsov"),
    ("Yuri Kuznetsov", "Yury Kuznetsov"),
    ("Alexei Dronov", "Aleksei Dronov"),
    ("K.A. Meretskov", "Kirill Meretskov"),
    ("Yu.V. Andropov", "Yuri Andropov"),
    ("Ivan Ivanovich Popov", "Ivan Popov"),
    ("Тимур Иванов", "Timur Ivanov"),
    ("Putin Vladimir", "Vladimir Putin"),
    ("General Pyotr Orlov", "Pyotr Orlov"),
    ("Marshal Semyon Budyonny", "Semyon Budyonny"),
])
def test_same_person(a, b):
    assert compare(name_tokens(a), name_tokens(b)) is not None
    assert len(people(m("d1", a), m("d2", b))) == 1


@pytest.mark.parametrize(("a", "b"), [
    ("Ivan Popov", "Pavel Popov"),
    ("Li Shangwen", "Li Yumin"),
    ("Wang Jin", "Jin Gao"),
    ("Vladimir Putin", "Vladimir Ustinov"),
    ("K. Orlov", "Pavel Orlov"),
])
def test_different_people(a, b):
    assert compare(name_tokens(a), name_tokens(b)) is None
    assert len(people(m("d1", a), m("d2", b))) == 2


def test_ranks_and_titles_are_not_names():
    assert [t.text for t in name_tokens("Colonel General Yakov Smirin")] == ["Yakov", "Smirin"]


def test_reason_is_recorded_for_every_merge():
    resolved = resolve_mentions([m("a", "Тимур Иванов"), m("b", "Timur Ivanov"), m("c", "Ivanov")])
    reasons = {k: r.reason for k, r in resolved.items()}
    assert reasons[("a", "Тимур Иванов")].startswith("transliteration")
    assert "only person with this surname" in reasons[("c", "Ivanov")]
    assert {r.person_name for r in resolved.values()} == {"Timur Ivanov"}


def test_initials_that_fit_two_people_stay_apart():
    got = people(m("a", "Kirill Orlov"), m("b", "Konstantin Orlov"), m("c", "K. Orlov"))
    assert len(got) == 3


def test_bare_surname_goes_to_the_person_with_the_same_post_or_years():
    got = people(m("a", "Ivan Popov", posts={"minister of transport"}, years={2012}),
                 m("b", "Pavel Popov", posts={"commander of 20th army"}, years={1941}),
                 m("c", "Popov", posts={"minister of transport"}),
                 m("d", "Popov", years={1940}),
                 m("e", "Popov"))
    groups = sorted(sorted(g) for g in got.values())
    assert ["a:Ivan Popov", "c:Popov"] in groups
    assert ["b:Pavel Popov", "d:Popov"] in groups
    assert ["e:Popov"] in groups  # fits both: kept apart


def test_analyst_merge_and_split_apply_after_the_automatic_pass():
    base = [m("a", "Ivan Popov"), m("b", "I. Popov"), m("c", "Ivan Popov")]
    assert len(people(*base)) == 1
    split = people(*base, overrides=[("split", "Ivan Popov", "I. Popov")])
    assert sorted(sorted(g) for g in split.values()) == [["a:Ivan Popov", "c:Ivan Popov"], ["b:I. Popov"]]
    merged = people(m("a", "Ivan Popov"), m("b", "Pavel Popov"), overrides=[("merge", "Ivan Popov", "Pavel Popov")])
    assert len(merged) == 1
    reasons = {r.reason for r in resolve_mentions([m("a", "Ivan Popov"), m("b", "Pavel Popov")],
                                                  [("merge", "Ivan Popov", "Pavel Popov")]).values()}
    assert any(r.startswith("analyst merge") for r in reasons)


def test_person_ids_are_stable_across_runs_and_input_order():
    a = resolve_mentions([m("a", "Sergei Lomov"), m("b", "Sergey Lomov")])
    b = resolve_mentions([m("b", "Sergey Lomov"), m("a", "Sergei Lomov")])
    assert {k: r.person_id for k, r in a.items()} == {k: r.person_id for k, r in b.items()}
