"""The phenomena issue 3 lists, each on sentences written for the tests (no corpus sentence)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import named


def test_nominal_cues_arrest_and_replacement(extract):
    events = extract("The arrest of Colonel Anton Rubin shocked the staff. The replacement of Ilya Dorin by "
                     "Pavel Kasyanov followed.", published=None)
    assert "Rubin" in named(events, "arrested")
    assert named(events, "dismissed")["Dorin"].replaced_by == "Pavel Kasyanov"
    assert named(events, "appointed")["Kasyanov"].replaces == "Ilya Dorin"


def test_lost_his_post_to_successor(extract):
    events = extract("In 1939 Maxim Litovsky lost his post to Vyacheslav Morin.", published=None)
    assert named(events, "dismissed")["Litovsky"].replaced_by == "Vyacheslav Morin"


def test_stripped_of_all_his_posts(extract):
    events = extract("Genrikh Yagodin was stripped of all his posts in March 1937.", published=None)
    assert named(events, "dismissed")["Yagodin"].date == "1937-03"


def test_in_place_of_the_executed(extract):
    text = "Stalin chose Lev Mekhov as head of the political department in place of the executed Yan Garin."
    events = extract(text, published=None)
    assert named(events, "appointed")["Mekhov"].replaces == "Yan Garin"
    assert "Garin" in named(events, "executed")


def test_named_as_deputy(extract):
    events = extract("Pyotr Ustinov was named as the minister's deputy on 3 May 2024.")
    assert named(events, "appointed")["Ustinov"].date == "2024-05-03"


def test_conferred_the_rank(extract):
    events = extract("The rank of general was conferred on Wang Jiamin and Xu Dongbo on Monday.")
    assert {"Jiamin", "Dongbo"} <= set(named(events, "appointed"))


def test_filling_the_vacancy(extract):
    events = extract("Boris Kalinin was dismissed in May. Nikolai Sedov was appointed to fill the vacancy.")
    assert named(events, "appointed")["Sedov"].replaces == "Boris Kalinin"


def test_ranks_are_titles_not_names(extract):
    events = extract("Colonel General Yuri Kadyshev and Lieutenant General Ivan Lutsky were dismissed.")
    assert {e.person for e in events if e.type == "dismissed"} == {"Yuri Kadyshev", "Ivan Lutsky"}


def test_apposition_gives_the_post(extract):
    events = extract("Ivan Gorbin, the former commander of the 41st Army, was detained on Friday.")
    assert named(events, "arrested")["Gorbin"].position == "commander of the 41st Army"


def test_future_and_hypothetical_are_not_asserted(extract):
    events = extract("Investigators say Oleg Bykov will be arrested if the charges are confirmed.")
    assert named(events)["Bykov"].factuality == "speculative"


def test_surname_tagged_as_place_is_a_person(extract):
    events = extract("Zhdarov has been removed from his position as chief of the propaganda department.",
                     published=date(1940, 10, 5))
    assert named(events, "dismissed")["Zhdarov"].date == "1940"


@pytest.mark.parametrize("text,surname,full", [
    ("The tribunal sentenced Jang Song-min to death.", "Song-min", "Jang Song-min"),
    ("Police detained Akın Yıldız on Saturday.", "Yıldız", "Akın Yıldız"),
    ("I.P. Belyakov was arrested in 1938.", "Belyakov", "I.P. Belyakov"),
])
def test_transliterated_hyphenated_and_initialled_names(extract, text, surname, full):
    events = extract(text)
    assert any(e.person == full for e in events), [(e.type, e.person) for e in events]


def test_dates_without_publication_date(extract):
    events = extract("Semyon Ardov was arrested in June 1938 and shot in February 1939.", published=None)
    assert named(events, "arrested")["Ardov"].date == "1938-06"
    assert named(events, "executed")["Ardov"].date == "1939-02"


def test_date_range_takes_its_start(extract):
    events = extract("From March to October 2023 Igor Rodin was detained in Moscow.", published=None)
    assert named(events, "arrested")["Rodin"].date == "2023-03"


def test_in_december_of_that_year(extract):
    events = extract("Viktor Abramov became minister in 1952. In December of that year he was arrested.",
                     published=None)
    assert named(events, "arrested")["Abramov"].date == "1952-12"


def test_timeline_headline_passive(extract):
    events = extract("12 March 2022 - Ivan Bakanov dismissed as head of the security service.", published=None)
    ev = named(events, "dismissed")["Bakanov"]
    assert (ev.date, ev.position) == ("2022-03-12", "head of the security service")


def test_released_from_post_is_a_dismissal(extract):
    events = extract("On Tuesday Oleg Danko was released from his post as governor.")
    assert "Danko" in named(events, "dismissed") and "Danko" not in named(events, "released")
    assert "Gorin" in named(extract("The court released Ilya Gorin from prison."), "released")


def test_question_is_not_an_assertion(extract):
    assert named(extract("Was Samat Abenov arrested?"))["Abenov"].factuality == "speculative"


@pytest.mark.parametrize("text,expected", [("last Wednesday", "2024-06-19"), ("on Friday", "2024-06-21"),
                                           ("last Friday", "2024-06-14")])
def test_weekdays_against_publication(text, expected):
    from purgewatch.extract.dates import resolve_date
    assert resolve_date(text, date(2024, 6, 21)) == expected


def test_gapped_verdict_list(extract):
    events = extract("Wang Hong was sentenced to death, Zhang Lin to life imprisonment and Yao Wen to 20 years.",
                     published=None)
    assert {"Wang Hong", "Zhang Lin", "Yao Wen"} == {e.person for e in events if e.type == "convicted"}


@pytest.mark.parametrize("text", ["Oleg Danko got 18 years in a penal colony.",
                                  "The verdict against Oleg Danko was read out on Monday."])
def test_verdict_phrasings(extract, text):
    assert "Danko" in named(extract(text), "convicted")


def test_among_those_in_custody(extract):
    text = ("Among those in custody are General Ilya Gorin, a former air force commander, General Oleg Danko, "
            "commander of the Second Army, and Pavel Rudin.")
    events = named(extract(text), "arrested")
    assert {"Gorin", "Danko", "Rudin"} <= set(events)
    assert events["Danko"].position == "commander of the Second Army"


def test_list_with_apposition_before_verb_group(extract):
    text = "Avgust Korin, head of the Frunze Military Academy, Robert Eidel and Boris Feld were already in custody."
    assert {"Korin", "Eidel", "Feld"} <= set(named(extract(text, published=None), "arrested"))


def test_taken_away_for_questioning_is_reported_arrest(extract):
    text = "The paper said Li Wenhua and Liu Guo had been taken away for questioning."
    events = named(extract(text), "arrested")
    assert {"Wenhua", "Guo"} <= set(events) and events["Guo"].factuality == "reported"


def test_one_event_per_coordinated_post(extract):
    text = "In 1921 Vasily Blyukhin was appointed Minister of War of the Far Eastern Republic and commander-in-chief."
    posts = {e.position for e in extract(text, published=None) if e.type == "appointed"}
    assert posts == {"Minister of War of the Far Eastern Republic", "commander-in-chief"}


def test_sent_to_command_is_an_appointment(extract):
    events = extract("Marshal Ivan Tukhin was relieved of his duties and sent to command the Volga Military District.")
    assert "Tukhin" in named(events, "dismissed") and "Tukhin" in named(events, "appointed")


def test_pronoun_continues_the_person_already_called_him(extract):
    # "him" in the first sentence is the biography's subject, so the next "He" is too (centering),
    # although the other man is the grammatical subject of the sentence before.
    text = ("Arkady Lenkov was born in 1901. In 1936 Lenkov commanded a corps. In May 1938 Kaganin promoted him "
            "to commander of the Far Eastern Army. He was appointed commander of the Ural District in 1940.")
    events = extract(text, published=None)
    appointed = [e for e in events if e.type == "appointed" and e.date == "1940"]
    assert [e.person for e in appointed] == ["Arkady Lenkov"]


def test_list_after_a_colon_the_sentencizer_cut_off(extract):
    text = ("The council confirmed that the following three deputies have been removed from the assembly and that "
            "their credentials have been terminated:\n\nWu Bingde, Gao Xiaolin and Sun Qiming.")
    events = extract(text, published=None)
    assert set(named(events, "dismissed")) == {"Bingde", "Xiaolin", "Qiming"}


def test_list_with_post_phrases_and_a_fronted_participle(extract):
    text = ("General Pyotr Orlov and General Ivan Belinsky were arrested in 1937. Charged with treason, Orlov, Belinsky, the corps's artillery chief Semyon Ardov and the commander of "
            "the 9th Army, Nikolai Zuyev, were sentenced to death on 2 March 1938 and shot the same day.")
    events = extract(text, published=None)
    people = {"Orlov", "Belinsky", "Ardov", "Zuyev"}
    for type_ in ("charged", "convicted", "executed"):
        assert set(named(events, type_)) == people, type_
    assert {e.date for e in events if e.type != "arrested"} == {"1938-03-02"}


def test_list_does_not_swallow_a_possessor_or_a_relative(extract):
    events = extract("Three weeks earlier Marov's deputy Ilya Tenkov was arrested. Officials executed Lim Dae-sok, "
                     "the uncle of leader Kim Sung-ho and his closest adviser.", published=None)
    assert set(named(events, "arrested")) == {"Tenkov"}
    assert set(named(events, "executed")) == {"Dae-sok"}


def test_second_verb_of_a_passive_shares_its_subject(extract):
    text = ("Semyon Volkov was born in 1899. In June 1940 he was promoted to deputy commissar and appointed "
            "commander of the Western Military District.")
    events = [e for e in extract(text, published=None) if e.type == "appointed" and e.person == "Semyon Volkov"]
    assert {e.position for e in events} == {"deputy commissar", "commander of the Western Military District"}


def test_gapped_second_post_with_its_own_date(extract):
    text = ("Boris Lentov was born in 1901. In May 1938 he became commander of the Volga Military District, "
            "and in March 1940 head of the Frunze Academy.")
    events = {e.position: e.date for e in extract(text, published=None)
              if e.type == "appointed" and e.person == "Boris Lentov"}
    assert events == {"commander of the Volga Military District": "1938-05", "head of the Frunze Academy": "1940-03"}


def test_among_them_were_names_the_people_of_the_sentence_before(extract):
    text = ("The tribunal sentenced nineteen officers to death. The condemned were shot by firing squads within "
            "days. Among them were Omar Zaidan, Karim Hadi and Salim Nouri.")
    events = extract(text, published=None)
    assert set(named(events, "executed")) == {"Zaidan", "Hadi", "Nouri"}
    assert not named(events, "dismissed")  # a firing squad is not a firing


def test_a_conferred_rank_is_its_own_event_beside_an_appointment(extract):
    text = ("The rank of General of the Army is conferred on P.I. Lomov and V.K. Serin. "
            "General of the Army P.I. Lomov is appointed Chief of the General Staff of the Red Army.")
    posts = {e.position for e in extract(text, published=None) if e.type == "appointed" and e.person == "P.I. Lomov"}
    assert posts == {"General of the Army", "Chief of the General Staff of the Red Army"}


def test_a_post_word_tagged_as_a_person_is_still_a_post(extract):
    events = extract("Wu Jiangming is removed from the post of Minister of Finance. "
                     "Wu Jiangming is removed from the post of State Councillor.", published=None)
    assert {e.position for e in events if e.type == "dismissed"} == {"Minister of Finance", "State Councillor"}
    assert all(e.person == "Wu Jiangming" for e in events)
