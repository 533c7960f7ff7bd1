"""Post normalisation: keys, display forms, organisations and countries (purgewatch.normalize.posts)."""

from __future__ import annotations

import pytest

from purgewatch.normalize.posts import (
    display_post,
    document_country,
    post_country,
    post_key,
    post_org,
    same_post,
)

# Each group is one post written several ways; every spelling in a group must share one key.
SAME_POST_GROUPS = {
    "minister of defense": [
        "Minister of Defense",
        "Defense Minister",
        "Defence Minister",
        "defence minister",
        "the new Defence Minister",
        "Russia's defense minister",
        "Minister of Defence of the Russian Federation",
        "Soviet defence minister",
        "then-defence minister",
        "the country's former defense minister",
        "defense ministers",
    ],
    "deputy minister of defense": [
        "deputy defense minister",
        "Deputy Minister of Defense",
        "Deputy Defence Minister",
        "defence deputy minister",
    ],
    "first deputy minister of defense": [
        "first deputy defence minister",
        "First Deputy Minister of Defense",
        "First Deputy Defense Minister of the USSR",
    ],
    "head of general staff": [
        "head of the General Staff",
        "chief of the General Staff",
        "Chief of General Staff",
        "General Staff chief",
        "Russian General Staff chief",
    ],
    "people's commissar of defense": [
        "People's Commissar of Defense",
        "People's Commissar for Defence",
        "Defense Commissar",
        "people’s commissar of defence",
        "Narkom of Defence",
    ],
    "minister of foreign affairs": [
        "Foreign Minister",
        "Minister of Foreign Affairs",
        "foreign affairs minister",
        "Chinese Foreign Minister",
    ],
    "minister of internal affairs": [
        "Interior Minister",
        "Minister of Internal Affairs",
        "minister of the interior",
    ],
    "commander of western front": [
        "commander of the Western Front",
        "Western Front commander",
        "Commander of Western Front",
    ],
    "commander of 58th army": ["commander of the 58th Army", "58th Army commander"],
    "secretary of central committee": [
        "Secretary of the Central Committee",
        "Central Committee secretary",
    ],
    "chairman of state security committee": [
        "Chairman of the State Security Committee",
        "State Security Committee chairman",
    ],
}

SAME_PAIRS = [(group[0], other) for group in SAME_POST_GROUPS.values() for other in group[1:]]

DIFFERENT_POSTS = [
    "Minister of Defense",
    "Deputy Minister of Defense",
    "First Deputy Minister of Defense",
    "Acting Minister of Defense",
    "Minister of Foreign Affairs",
    "Minister of Finance",
    "Head of the General Staff",
    "Deputy Head of the General Staff",
    "Commander of the 58th Army",
    "Commander of the 20th Army",
    "Commander of the Western Front",
    "Commander of the Eastern Front",
    "People's Commissar of Defense",
    "Commissar of the 5th Army",
    "Prime Minister",
    "Deputy Prime Minister",
    "Chief of Staff of the Western Front",
    "Chief Military Prosecutor",
    "governor",
    "ambassador to China",
    "ambassador to Russia",
]
DIFFERENT_PAIRS = [
    (a, b) for i, a in enumerate(DIFFERENT_POSTS) for b in DIFFERENT_POSTS[i + 1:]
]


@pytest.mark.parametrize(("key", "variants"), list(SAME_POST_GROUPS.items()))
def test_posts_key_of_each_variant(key: str, variants: list[str]) -> None:
    assert [post_key(v) for v in variants] == [key] * len(variants)


@pytest.mark.parametrize(("a", "b"), SAME_PAIRS)
def test_posts_same_post_for_variants(a: str, b: str) -> None:
    assert same_post(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_PAIRS)
def test_posts_different_posts_stay_apart(a: str, b: str) -> None:
    assert post_key(a) != post_key(b)
    assert not same_post(a, b)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", ""),
        ("   ", ""),
        (None, ""),
        ("ambassador", "ambassador"),
        ("Ambassador to China", "ambassador to china"),
        ("Soviet ambassador to China", "ambassador to china"),
        ("Chairman of the Supreme Soviet", "chairman of supreme soviet"),
        ("Commander-in-Chief of the Navy", "commander in chief of navy"),
        ("Western Front chief of staff", "chief of staff of western front"),
        ("First Guards Tank Army commander", "commander of first guards tank army"),
        ("Kursk governor", "governor of kursk"),
    ],
)
def test_posts_key_examples(text: str | None, key: str) -> None:
    assert post_key(text) == key


@pytest.mark.parametrize("text", [v for group in SAME_POST_GROUPS.values() for v in group])
def test_posts_key_is_idempotent(text: str) -> None:
    assert post_key(post_key(text)) == post_key(text)


@pytest.mark.parametrize(
    ("variants", "display"),
    [
        (SAME_POST_GROUPS["minister of defense"], "Minister of Defense"),
        (SAME_POST_GROUPS["deputy minister of defense"], "Deputy Minister of Defense"),
        (SAME_POST_GROUPS["first deputy minister of defense"], "First Deputy Minister of Defense"),
        (SAME_POST_GROUPS["head of general staff"], "Head of the General Staff"),
        (SAME_POST_GROUPS["people's commissar of defense"], "People's Commissar of Defense"),
        (SAME_POST_GROUPS["minister of foreign affairs"], "Minister of Foreign Affairs"),
        (SAME_POST_GROUPS["commander of western front"], "Commander of the Western Front"),
        (SAME_POST_GROUPS["commander of 58th army"], "Commander of the 58th Army"),
        (["head of the nkvd", "NKVD head"], "Head of the NKVD"),
        (["Commander-in-Chief of the Navy"], "Commander-in-Chief of the Navy"),
        ([""], ""),
    ],
)
def test_posts_display_is_shared_by_variants(variants: list[str], display: str) -> None:
    assert [display_post(v) for v in variants] == [display] * len(variants)


@pytest.mark.parametrize(
    ("text", "country", "org"),
    [
        ("Minister of Defense", None, "Ministry of Defense"),
        ("deputy defence minister", None, "Ministry of Defense"),
        ("Minister of Defense", "Russia", "Ministry of Defense of Russia"),
        ("Foreign Minister", None, "Ministry of Foreign Affairs"),
        ("People's Commissar of Defense", "USSR", "People's Commissariat of Defense of the USSR"),
        ("Defense Commissar", "Soviet Union", "People's Commissariat of Defense of the USSR"),
        ("People's Commissar of the Navy", None, "People's Commissariat of the Navy"),
        ("Head of the General Staff", None, "General Staff"),
        ("General Staff chief", "Russia", "General Staff of Russia"),
        ("commander of the 58th Army", None, "58th Army"),
        ("Western Front commander", None, "Western Front"),
        ("Secretary of the Central Committee", None, "Central Committee"),
        ("head of the NKVD", None, "NKVD"),
        ("Russia's defense minister", None, "Ministry of Defense of Russia"),
        ("governor", None, None),
        ("ambassador", "Russia", None),
        ("Prime Minister", None, None),
        ("", None, None),
    ],
)
def test_posts_org(text: str, country: str | None, org: str | None) -> None:
    assert post_org(text, country) == org


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Russia's defense minister", "Russia"),
        ("Minister of Defence of the Russian Federation", "Russia"),
        ("Soviet defence minister", "USSR"),
        ("First Deputy Defense Minister of the USSR", "USSR"),
        ("Chinese foreign minister", "China"),
        ("North Korean defence minister", "North Korea"),
        ("Turkish Land Forces commander", "Turkey"),
        ("Soviet ambassador to China", "USSR"),
        ("ambassador to China", None),
        ("Chairman of the Supreme Soviet", None),
        ("Minister of Defense", None),
        ("", None),
    ],
)
def test_posts_post_country(text: str, country: str | None) -> None:
    assert post_country(text) == country


@pytest.mark.parametrize(
    ("text", "year", "country"),
    [
        ("The Kremlin replaced the commander. Moscow said Russia would not comment.", 2023, "Russia"),
        ("The Kremlin replaced the commander. Moscow said Russia would not comment.", 1938, "USSR"),
        ("The Kremlin replaced the commander. Moscow said Russia would not comment.", None, "Russia"),
        ("A Soviet marshal was arrested; the Soviet Union denied it. Russian papers were silent.", 2001, "USSR"),
        ("Veterans of the Soviet army met in Moscow.", 2015, "USSR"),
        ("Veterans met in Moscow with Soviet flags.", 2015, "Russia"),
        ("Beijing removed two PLA generals; Chinese media and one Russian paper reported it.", 2023, "China"),
        ("Pyongyang named a new North Korean army chief.", None, "North Korea"),
        ("Ankara dismissed Turkish officers after talks with Iraq.", 2016, "Turkey"),
        ("Iraq and Turkey met; later Turkey and Iraq met again.", None, "Iraq"),
        ("Addis Ababa reshuffled the Ethiopian army.", None, "Ethiopia"),
        ("Kyiv dismissed a Ukrainian general.", 2024, "Ukraine"),
        ("They served turkey and china plates.", None, None),
        ("", None, None),
    ],
)
def test_posts_document_country(text: str, year: int | None, country: str | None) -> None:
    assert document_country(text, year) == country


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Minister of Justice", "Minister of Justise", True),
        ("Commander of the Baltc Fleet", "Commander of the Baltic Fleet", True),
        ("Deputy Minister of Justice", "Minister of Justise", False),
        ("acting commander of the Baltic Fleet", "commander of the Baltic Fleet", False),
        ("commander of the 51st Army", "commander of the 57th Army", False),
        ("commander of the 1st Guards Army", "commander of the 2nd Guards Army", False),
        ("Commander of the Northern Fleet", "Commander of the Southern Fleet", False),
        ("", "", False),
        (None, "Minister of Defense", False),
    ],
)
def test_posts_same_post_fuzzy_fallback(a: str | None, b: str | None, same: bool) -> None:
    assert same_post(a, b) is same
