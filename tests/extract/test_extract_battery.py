"""A battery of common phrasings, one invented sentence each: the extractor must find the event, about
the named person, as asserted or reported. Written from how reports are worded, not from any corpus."""

from __future__ import annotations

import pytest

PHRASES = [
 ("arrested", "Security officers detained Oleg Varin at his home on Monday."),
 ("arrested", "Oleg Varin was picked up by investigators on 3 May."),
 ("arrested", "Oleg Varin has been placed under house arrest."),
 ("arrested", "Police arrested three officials, including Oleg Varin and Ilya Dorin."),
 ("arrested", "Oleg Varin, who was arrested in May, denies wrongdoing."),
 ("arrested", "Oleg Varin was arrested along with his deputy, Ilya Dorin."),
 ("arrested", "The FSB said it had arrested Oleg Varin on suspicion of treason."),
 ("arrested", "Oleg Varin was remanded in custody."),
 ("arrested", "Oleg Varin was jailed pending trial."),
 ("arrested", "Investigators have charged and arrested Oleg Varin."),
 ("arrested", "Oleg Varin was taken into custody in March."),
 ("arrested", "Oleg Varin was seized by security agents in Ankara."),
 ("arrested", "Oleg Varin has been held since March on bribery charges."),
 ("convicted", "A military court sentenced Oleg Varin to 12 years in prison."),
 ("convicted", "Oleg Varin was jailed for 12 years."),
 ("convicted", "Oleg Varin received a 10-year sentence."),
 ("convicted", "Oleg Varin was found guilty of taking bribes."),
 ("convicted", "Oleg Varin was handed a life sentence."),
 ("convicted", "Oleg Varin was given a suspended sentence."),
 ("convicted", "Oleg Varin was convicted in absentia."),
 ("convicted", "The court convicted Oleg Varin and Ilya Dorin of fraud."),
 ("convicted", "Oleg Varin was sentenced to death by a military tribunal."),
 ("convicted", "Oleg Varin got nine years in a penal colony."),
 ("convicted", "Oleg Varin was sentenced to aggravated life imprisonment."),
 ("convicted", "A court in Ankara gave Oleg Varin a life sentence."),
 ("convicted", "Oleg Varin pleaded guilty and was sentenced to six years."),
 ("convicted", "Oleg Varin's conviction for fraud was upheld."),
 ("charged", "Prosecutors charged Oleg Varin with fraud."),
 ("charged", "Oleg Varin faces charges of abuse of office."),
 ("charged", "Oleg Varin was indicted on corruption charges."),
 ("charged", "Oleg Varin stands accused of taking bribes."),
 ("appointed", "Oleg Varin was named defense minister on Monday."),
 ("appointed", "Putin appointed Oleg Varin as his new chief of staff."),
 ("appointed", "Oleg Varin has been tapped to lead the general staff."),
 ("appointed", "Oleg Varin was sworn in as prime minister."),
 ("appointed", "Oleg Varin was promoted to deputy minister."),
 ("appointed", "The Kremlin named Oleg Varin to head the ministry."),
 ("appointed", "Oleg Varin succeeded Ilya Dorin as chief of the general staff."),
 ("appointed", "Oleg Varin became interior minister in 2019."),
 ("appointed", "Oleg Varin replaced Ilya Dorin as governor."),
 ("released", "Oleg Varin was released from custody in June."),
 ("released", "Oleg Varin was freed after two years in prison."),
 ("released", "Oleg Varin was acquitted of all charges."),
 ("released", "Oleg Varin was pardoned by the president."),
 ("released", "Oleg Varin was rehabilitated posthumously in 1957."),
 ("dismissed", "Oleg Varin was sacked as defense minister."),
 ("dismissed", "Oleg Varin was fired on Friday."),
 ("dismissed", "Oleg Varin was ousted as party chief."),
 ("dismissed", "Putin removed Oleg Varin from his post."),
 ("dismissed", "Oleg Varin was relieved of command."),
 ("dismissed", "Oleg Varin was expelled from the party."),
 ("dismissed", "Oleg Varin lost his job as head of the directorate."),
 ("retired", "Oleg Varin was forced into retirement."),
 ("retired", "Oleg Varin retired from the army in 2020."),
 ("resigned", "Oleg Varin stepped down as governor."),
 ("resigned", "Oleg Varin resigned citing health reasons."),
 ("executed", "Oleg Varin was executed by firing squad."),
 ("executed", "Oleg Varin was shot the same day."),
 ("executed", "Oleg Varin was hanged in 1980."),
]


@pytest.mark.parametrize(("type_", "text"), PHRASES)
def test_common_phrasings(extract, type_, text):
    events = extract(text)
    assert any(e.type == type_ and e.person and "Varin" in e.person and e.factuality in {"asserted", "reported"}
               for e in events), [(e.type, e.person, e.factuality) for e in events]


def test_future_and_orders_stay_unasserted(extract):
    assert all(e.factuality == "speculative" for e in extract("Oleg Varin will take over as commander of the navy."))


PEOPLE_PHRASES = [
 ("arrested", "Varin", "Former deputy defense minister Pavel Varin was detained on Tuesday."),
 ("arrested", "Varin", "Lieutenant General Pavel Varin, head of the logistics directorate, was detained."),
 ("arrested", "Zhenhua", "Wang Zhenhua, a vice admiral, was placed under investigation and detained."),
 ("dismissed", "Zhenhua", "The legislature removed Wang Zhenhua from his post as minister."),
 ("dismissed", "Varin", "Varin was dismissed, the Kremlin said."),
 ("dismissed", "Varin", "President Karimov dismissed Defense Minister Pavel Varin by decree."),
 ("dismissed", "Varin", "Pavel Varin has been removed as head of the tax service."),
 ("dismissed", "Varin", "The president fired Pavel Varin and replaced him with Ilya Dorin."),
 ("appointed", "Dorin", "The president fired Pavel Varin and replaced him with Ilya Dorin."),
 ("appointed", "Dorin", "Ilya Dorin, a former auditor, was appointed in his place."),
 ("convicted", "Varin", "In 2021 a court sentenced Pavel Varin to nine years for fraud."),
 ("executed", "Varin", "Pavel Varin was executed in 1938 after a closed trial."),
 ("arrested", "Varin", "The arrest of Pavel Varin in May stunned the ministry."),
 ("arrested", "Varin", "Pavel Varin's detention was announced on Friday."),
 ("convicted", "Varin", "The verdict against Pavel Varin was read out on Monday: 13 years."),
 ("resigned", "Varin", "Pavel Varin submitted his resignation on Monday."),
 ("resigned", "Varin", "Pavel Varin quit as chairman in protest."),
 ("retired", "Varin", "Pavel Varin was retired from the army at 60."),
 ("released", "Varin", "Pavel Varin was set free in 1954."),
 ("dismissed", "Varin", "Pavel Varin was purged from the party leadership in 1957."),
 ("appointed", "Varin", "Pavel Varin was elected general secretary of the party."),
 ("appointed", "Varin", "Pavel Varin took command of the Western Front in October."),
 ("dismissed", "Varin", "Pavel Varin was stripped of his military rank."),
 ("charged", "Varin", "Pavel Varin was accused of espionage."),
 ("arrested", "Varin", "NKVD officers arrested Pavel Varin at his dacha."),
 ("executed", "Varin", "Pavel Varin was put to death in 1939."),
]


@pytest.mark.parametrize(("type_", "surname", "text"), PEOPLE_PHRASES)
def test_common_phrasings_with_titles_possessives_and_pronouns(extract, type_, surname, text):
    events = extract(text)
    assert any(e.type == type_ and e.person and surname in e.person and e.factuality in {"asserted", "reported"}
               for e in events), [(e.type, e.person, e.factuality) for e in events]


# (text, events that must be found as (type, surname, factuality), events that must not be asserted)
FACTUALITY = [
 ("Pavel Varin might soon be dismissed, officials said.", set(), {("dismissed", "Varin")}),
 ("Pavel Varin is expected to be replaced next week.", set(), {("dismissed", "Varin")}),
 ("The ministry denied that Pavel Varin had been arrested.", set(), {("arrested", "Varin")}),
 ("Pavel Varin was not arrested, his lawyer said.", set(), {("arrested", "Varin")}),
 ("Rumours that Pavel Varin had been detained were false.", set(), {("arrested", "Varin")}),
 ("Prosecutors have asked for Pavel Varin to be jailed for 15 years.", set(), {("convicted", "Varin")}),
 ("If convicted, Pavel Varin faces up to 20 years.", set(), {("convicted", "Varin")}),
 ("Pavel Varin could be arrested as early as Monday.", set(), {("arrested", "Varin")}),
 ("According to Interfax, Pavel Varin was detained in Moscow.", {("arrested", "Varin", "reported")}, set()),
 ("Pavel Varin was detained, state media reported.", {("arrested", "Varin", "reported")}, set()),
 ("Pavel Varin was sentenced to death in 1938; the sentence was commuted.", {("convicted", "Varin", "asserted")}, {("executed", "Varin")}),
 ("Pavel Varin and Ilya Dorin were arrested in June.", {("arrested", "Varin", "asserted"), ("arrested", "Dorin", "asserted")}, set()),
 ("Pavel Varin, Ilya Dorin and Semyon Lavrov were dismissed on Friday.", {("dismissed", "Lavrov", "asserted"), ("dismissed", "Dorin", "asserted")}, set()),
 ("Both Pavel Varin and Ilya Dorin were later shot.", {("executed", "Varin", "asserted"), ("executed", "Dorin", "asserted")}, set()),
 ("Pavel Varin ordered the arrest of Ilya Dorin, but Dorin fled abroad.", set(), {("arrested", "Dorin")}),
]


@pytest.mark.parametrize(("text", "want", "forbid"), FACTUALITY)
def test_factuality_and_lists(extract, text, want, forbid):
    got = {(e.type, e.person.split()[-1] if e.person else None, e.factuality) for e in extract(text)}
    assert want <= got, sorted(got, key=str)
    assert not {(t, s) for t, s, f in got if f in {"asserted", "reported"}} & forbid, sorted(got, key=str)
