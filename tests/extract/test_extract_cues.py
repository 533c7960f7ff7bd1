"""Each event type's cues, on sentences written for the tests (not corpus sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import named


@pytest.mark.parametrize("text,type_,surname", [
    ("The president appointed Nikolai Petrov as head of the navy on March 3.", "appointed", "Petrov"),
    ("Anna Kovalenko was named governor of the region last week.", "appointed", "Kovalenko"),
    ("General Boris Lenko took over the Western Military District in 2019.", "appointed", "Lenko"),
    ("Colonel Pavel Orlov became the new commander of the airborne troops.", "appointed", "Orlov"),
    ("Defense Minister Igor Sokolov was dismissed on Friday.", "dismissed", "Sokolov"),
    ("The Kremlin removed Mikhail Zorin from his post as deputy chief of staff.", "dismissed", "Zorin"),
    ("Vasily Gromov was relieved of his duties as head of the border service.", "dismissed", "Gromov"),
    ("Ilya Markov lost his post to a younger rival.", "dismissed", "Markov"),
    ("Foreign Minister Oleg Danilov resigned in protest.", "resigned", "Danilov"),
    ("Admiral Fyodor Belov stepped down as commander of the Pacific Fleet.", "resigned", "Belov"),
    ("Marshal Semyon Rudin was retired for health reasons.", "retired", "Rudin"),
    ("Police arrested former deputy minister Kirill Tarasov on Tuesday.", "arrested", "Tarasov"),
    ("The detention of Roman Fedin was confirmed by the court.", "arrested", "Fedin"),
    ("Investigators charged Denis Volkov with fraud.", "charged", "Volkov"),
    ("Artem Zhukovsky was accused of abuse of office.", "charged", "Zhukovsky"),
    ("A military court convicted Gleb Kuzmin of bribery.", "convicted", "Kuzmin"),
    ("Lev Sorin was sentenced to nine years in a penal colony.", "convicted", "Sorin"),
    ("Army commander Iona Yakimenko was executed in 1938.", "executed", "Yakimenko"),
    ("Former marshal Grigory Kulin was shot in August 1950.", "executed", "Kulin"),
    ("Stepan Rybin was released from prison in 1954.", "released", "Rybin"),
    ("The court acquitted Yevgeny Lapin of all charges.", "released", "Lapin"),
    ("Konstantin Rokov was rehabilitated in 1956.", "released", "Rokov"),
])
def test_extract_cue_types(extract, text, type_, surname):
    events = extract(text)
    assert surname in named(events, type_), [(e.type, e.person) for e in events]


def test_extract_no_event_in_plain_news(extract):
    assert extract("The minister visited a tank factory in the Urals and praised its workers.") == []


def test_extract_coordination_one_event_per_person(extract):
    events = extract("Generals Ivan Osipov, Pyotr Gusev and Anton Lebedev were arrested in May 2024.")
    assert set(named(events, "arrested")) == {"Osipov", "Gusev", "Lebedev"}
    assert all(e.date == "2024-05" for e in events if e.type == "arrested")


def test_extract_replacement_links_both_ways(extract):
    events = extract("Sergei Voronin was replaced by Dmitry Chernov as head of the railway ministry.")
    dismissed, appointed = named(events, "dismissed"), named(events, "appointed")
    assert dismissed["Voronin"].replaced_by == "Dmitry Chernov"
    assert appointed["Chernov"].replaces == "Sergei Voronin"


def test_extract_instead_links_to_previous_removal(extract):
    events = extract("On May 3 the governor, Yuri Kalin, was dismissed. Instead, Maria Ostrova was appointed governor.")
    assert named(events, "appointed")["Ostrova"].replaces == "Yuri Kalin"
    assert named(events, "dismissed")["Kalin"].replaced_by == "Maria Ostrova"


def test_extract_pronoun_takes_previous_person(extract):
    events = extract("Police detained Arkady Semin, a deputy minister, on April 2. He was accused of taking bribes.")
    charged = named(events, "charged")
    assert "Semin" in charged and charged["Semin"].person == "Arkady Semin"
    assert charged["Semin"].charge == "bribery"


def test_extract_bare_surname_gets_fullest_name(extract):
    events = extract("Viktor Zaitsev ran the tank directorate for years. In June, Zaitsev was dismissed.")
    assert named(events, "dismissed")["Zaitsev"].person == "Viktor Zaitsev"


def test_extract_initials_are_names(extract):
    events = extract("In 1938 the commissar V.K. Lomov was arrested.", published=None)
    assert named(events, "arrested")["Lomov"].person == "V.K. Lomov"


def test_extract_titles_are_not_names(extract):
    events = extract("Colonel General Roman Gusakov was dismissed.")
    assert named(events, "dismissed")["Gusakov"].person == "Roman Gusakov"


def test_extract_group_event_with_count(extract):
    events = extract("On June 17 the president dismissed four deputy ministers of energy.")
    groups = [e for e in events if e.group]
    assert len(groups) == 1 and groups[0].type == "dismissed" and groups[0].group.count == 4
    assert groups[0].date == "2024-06-17"


def test_extract_evidence_offsets_point_at_sentence(extract):
    text = "Nothing happened on Monday. Then Oleg Sitnikov was arrested on June 3. Markets rose."
    events = extract(text)
    (ev,) = [e for e in events if e.type == "arrested"]
    assert text[ev.start:ev.end] == ev.evidence == "Then Oleg Sitnikov was arrested on June 3."


def test_extract_headline_and_dateline_are_not_the_first_sentence(extract):
    text = "Minister Ousted In Shake-Up\n\nMOSCOW, May 15, 2024\n\nOleg Rudnev was dismissed on Tuesday."
    (ev,) = [e for e in extract(text, published=date(2024, 5, 15)) if e.type == "dismissed"]
    assert ev.evidence == "Oleg Rudnev was dismissed on Tuesday." and ev.date == "2024-05-14"


def test_extract_colon_list_after_group_noun(extract):
    events = extract("Three generals were arrested on May 2: Ivan Belyaev, Oleg Demin and Pyotr Sokolenko.")
    assert set(named(events, "arrested")) == {"Belyaev", "Demin", "Sokolenko"}


def test_extract_takes_over_from_implies_end_of_tenure(extract):
    events = extract("Admiral Yuri Tsvetkov takes over from Boris Kasatkin as commander of the fleet.")
    assert named(events, "appointed")["Tsvetkov"].replaces == "Boris Kasatkin"
    assert named(events, "dismissed")["Kasatkin"].replaced_by == "Yuri Tsvetkov"


def test_extract_family_name_first_bare_reference(extract):
    events = extract("Wang Jiaming commanded the rocket force. In July, Wang was removed from his post.")
    assert named(events, "dismissed")["Jiaming"].person == "Wang Jiaming"


def test_extract_verdict_with_split_find_guilty(extract):
    events = extract("The court found Anton Brusov and Ilya Kedrin guilty of treason.", published=None)
    assert set(named(events, "convicted")) == {"Brusov", "Kedrin"}


def test_extract_narrative_dates_follow_the_story_not_publication(extract):
    text = ("In 1937 the purge reached the army. On 11 May Marshal Pavel Dybov was relieved of his command. "
            "He was arrested the following day.")
    events = extract(text, published=date(2021, 5, 1))
    assert named(events, "dismissed")["Dybov"].date == "1937-05-11"
    assert named(events, "arrested")["Dybov"].date == "1937-05-12"


def test_extract_list_before_verb_group_when_parse_loses_subject(extract):
    text = "Of the officers who served under him, Ivan Sorin, Pyotr Malin and Oleg Dudko were arrested and shot in 1938."
    events = extract(text, published=None)
    assert {"Sorin", "Malin", "Dudko"} <= set(named(events, "arrested"))
    assert {"Sorin", "Malin", "Dudko"} <= set(named(events, "executed"))


def test_extract_fronted_participle_shares_the_people(extract):
    text = "Charged with treason, Ivan Sorin and Oleg Dudko were sentenced to death."
    events = extract(text, published=None)
    assert set(named(events, "charged")) == {"Sorin", "Dudko"}
    assert set(named(events, "convicted")) == {"Sorin", "Dudko"}


def test_extract_conjoined_verbs_share_the_person(extract):
    text = "Marshal of the Soviet Union P.I. Dankov is relieved of his duties as commander and appointed inspector of cavalry."
    events = extract(text, published=None)
    assert "Dankov" in named(events, "dismissed") and "Dankov" in named(events, "appointed")


def test_extract_replace_with_pronoun_gives_both_events(extract):
    events = extract("Ilya Gorin was dropped from the council. Later that year Pavel Surkov replaced him as chairman.")
    assert named(events, "appointed")["Surkov"].replaces == "Ilya Gorin"
    assert named(events, "dismissed")["Gorin"].replaced_by == "Pavel Surkov"
    assert "Surkov" not in named(events, "dismissed")


@pytest.mark.parametrize("text", [
    "In 1919 Ivan Orlov was given command of the 51st Rifle Division.",
    "The council installed General Ivan Orlov as chairman of the government.",
    "In 1948 Ivan Orlov was placed in command of the Urals Military District.",
    "Ivan Orlov was sent to Mongolia as ambassador.",
])
def test_extract_appointment_idioms(extract, text):
    assert "Orlov" in named(extract(text, published=None), "appointed")


def test_extract_plural_pronoun_takes_the_list_before(extract):
    events = extract("In June 1957 Ilya Markin, Oleg Vetrov and Semyon Lazin tried to oust the leader and failed. "
                     "They were expelled from the Presidium.", published=None)
    assert {"Markin", "Vetrov", "Lazin"} <= set(named(events, "dismissed"))


def test_extract_people_listed_after_a_group_noun(extract):
    events = extract("Officials said two of his closest associates, Ri Yong-sop and Kim Hak-chol, were executed.",
                     published=None)
    assert {"Yong-sop", "Hak-chol"} <= {e.person.split()[-1] for e in events if e.type == "executed" and e.person}


def test_extract_companions_of_a_pronoun_patient(extract):
    text = ("Lavrin Bedia ran the police for years. In December a court convicted him of treason together with "
            "two of his deputies, Pyotr Kobin and Sergei Golin.")
    assert {"Bedia", "Kobin", "Golin"} <= set(named(extract(text, published=None), "convicted"))
