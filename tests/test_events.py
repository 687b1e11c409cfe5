"""Events in the words of real reporting, on sentences of our own from other conflicts: the
trigger families, one claim per event stated, the scope of modals and negation, denials
without the word "deny", harm that is no violation, headlines as sentences of their own."""

from __future__ import annotations

from tocsin.extract import extract
from tocsin.ingest.segment import segment
from tocsin.lang import load
from tocsin.types import Claim

META = {"speaker": "A. Reporter", "date": "2024-03-01"}


def claims(text: str, language: str = "en") -> list[Claim]:
    return extract(text, META, language=language)


def events(text: str, language: str = "en") -> list[str]:
    return [c.event for c in claims(text, language)]


def test_the_vocabulary_of_killing() -> None:
    assert events("Gunmen beheaded nine villagers near Mocímboa da Praia in June 2020.") == [
        "killing"
    ]
    assert events("Fighters were massacring farmers in Ituri province in May 2023.") == ["killing"]
    assert events("The bodies of 14 men were found dumped near Bucha in April 2022.") == ["killing"]
    assert "killing" in events("Armed groups executing local people in Mopti in 2022.")


def test_the_vocabulary_of_destruction() -> None:
    for text in (
        "Militiamen torched 30 homes in Jonglei state in March 2023.",
        "Soldiers looted shops and livestock in Tigray in December 2020.",
        "The market of Bambari was ransacked in 2021.",
        "Attackers set several houses on fire in Benue state in 2023.",
        "Whole neighbourhoods of Marawi were reduced to rubble in 2017.",
    ):
        assert events(text) == ["destruction_property"], text


def test_places_of_worship_destroyed_are_heritage_and_attacked_are_attacks() -> None:
    assert events("Militias destroyed three mosques in Rakhine state in 2017.") == [
        "destruction_cultural_heritage"
    ]
    assert events("A church was bombed in Mosul in 2015.")[0] == "attack_on_civilians"
    assert events("Hospitals in Aleppo have been repeatedly targeted since 2016.") == [
        "attack_on_civilians"
    ]
    # a word for a church is no event by itself
    assert claims("Church representatives met the governor of Rakhine state in 2017.") == []


def test_siege_blockade_and_closing_a_corridor_deny_access() -> None:
    for text in (
        "The besieged town of Madaya received no food in January 2016.",
        "Troops tightened the siege of Taiz in 2016.",
        "The army closed the only humanitarian corridor to Kharkiv in March 2022.",
        "Fighters prevented aid workers from reaching Mekelle in 2021.",
    ):
        assert events(text) == ["humanitarian_access_denial"], text


def test_flight_and_displacement_in_many_forms() -> None:
    for text in (
        "The fighting has displaced more than 40,000 people in Cabo Delgado since 2020.",
        "Attacks forced thousands of families to flee their homes in Kasai in 2017.",
        "Civilians are fleeing Khartoum in April 2023.",
        "About 3,000 people were newly displaced in Rakhine in 2024.",
    ):
        assert events(text) == ["displacement"], text


def test_abduction_arrest_and_recruitment() -> None:
    assert events("Rebels abducted 20 schoolgirls in Zamfara in February 2021.") == ["detention"]
    assert events("Soldiers rounded up dozens of men in Aleppo in 2012.") == ["detention"]
    assert events("The militia's forced recruitment of boys continued in Jonglei in 2015.") == [
        "recruitment_of_children"
    ]


def test_two_events_joined_in_one_clause_are_two_claims() -> None:
    found = claims("Paramilitaries executed 31 men and raped 12 women in Geneina in June 2023.")
    assert [(c.event, c.count.value if c.count else None) for c in found] == [
        ("killing", 31),
        ("sexual_violence", 12),
    ]
    found = claims("At least 15 people were killed and 40 wounded in Kramatorsk in April 2022.")
    assert [c.event for c in found] == ["killing", "injury"]
    assert found[0].quote == "At least 15 people were killed"
    assert found[1].quote == "40 wounded in Kramatorsk in April 2022"


def test_one_phrase_stays_one_event() -> None:
    # the shooting is the killing; the mine is the cause of both outcomes
    assert events("Two farmers were shot dead near Kidal in 2022.") == ["killing"]
    assert events(
        "In 2021, 57 people were killed and 247 injured by landmines in Nagorno-Karabakh."
    ) == ["mine_incident", "mine_incident"]


def test_a_list_of_deeds_by_one_subject_is_one_claim_per_type() -> None:
    found = claims("In 2022, gangs in Haiti were killing, raping, kidnapping and looting.")
    assert sorted(c.event for c in found) == [
        "destruction_property",
        "detention",
        "killing",
        "sexual_violence",
    ]


def test_a_count_after_including_is_a_claim_of_its_own() -> None:
    found = claims("Twenty people were killed in Marib in 2021, including seven children.")
    assert [(c.event, c.count.value if c.count else None) for c in found] == [
        ("killing", 20),
        ("killing", 7),
    ]
    assert [(s.count.value, s.victims) for s in found[0].includes] == [(7, "children")]


def test_another_event_after_including_is_a_claim_of_its_own() -> None:
    found = claims("Militias in Ituri committed grave abuses in 2023, including killings.")
    assert "killing" in [c.event for c in found]


def test_the_reporting_frame_stays_out_of_the_quote() -> None:
    (c,) = claims("Amnesty said it had confirmed that 23 civilians were killed in Idlib in 2019.")
    assert c.event == "killing" and c.quote == "23 civilians were killed in Idlib in 2019"


def test_a_modal_scopes_its_own_clause_only() -> None:
    found = claims(
        "The shelling of Sievierodonetsk killed 12 civilians in May 2022, and more could die."
    )
    assert [c.event for c in found] == ["killing"]
    # an uncertain report of a past event is still a claim of it
    assert events("At least 150 civilians may have been killed in Karma in April 2023.") == [
        "killing"
    ]
    assert claims("If the siege of El Fasher continues, thousands will starve in 2024.") == []
    assert claims("Observers warned of revenge killings in Tigray in 2021.") == []


def test_a_negation_scopes_its_own_statement() -> None:
    found = claims("No one was killed in Kherson in June 2023, and 30 people were injured.")
    assert [c.event for c in found] == ["injury"]


def test_crime_names_in_a_list_are_categories_not_events() -> None:
    assert (
        claims(
            "States must protect populations in Myanmar from genocide, war crimes, ethnic cleansing "
            "and crimes against humanity."
        )
        == []
    )


def test_denials_without_the_word_deny() -> None:
    for text in (
        "The ministry dismissed the reports of killings in Tigray as fabricated.",
        "A spokesman for the army said the claims about the massacre in Bucha were untrue.",
        "The government called the allegations of torture in Xinjiang outrageous lies.",
        "Officials said the report on Idlib lacked credibility.",
        "The army said it was unaware of any attack on civilians in Rakhine.",
        "The defence ministry said no attack occurred in Kramatorsk on that day.",
        "The junta said the air strike in Sagaing targeted insurgents.",
        "The commander refuted allegations of looting in Wad Madani.",
    ):
        assert "denial" in events(text), text


def test_harm_that_is_no_violation_makes_no_claim() -> None:
    assert claims("In 2022, 1,200 people were killed in road accidents in Kenya.") == []
    assert claims("The cholera outbreak killed 300 people in Yemen in 2019.") == []
    assert claims("Floods displaced 20,000 people in South Sudan in 2021.") == []


def test_a_document_about_accidents_makes_no_claim_even_where_a_sentence_says_not() -> None:
    text = (
        "Road safety report for 2023.\n\n"
        "Traffic crashes remain the main cause of death among young adults. "
        "Most crashes happen at night.\n\n"
        "In all, 4,100 people were killed and 25,000 were injured last year."
    )
    assert claims(text) == []


def test_a_headline_is_a_sentence_of_its_own() -> None:
    text = (
        "By A. Writer - 3 May 2023 at 10:02 am\n"
        "Militia denies attack on Ituri camp\n\n"
        "The militia said on Tuesday that its fighters were not in Djugu."
    )
    pack = load("en")
    found = [text[s.start : s.end] for s in segment(text, pack) if s.kind == "sentence"]
    assert found[:2] == [
        "By A. Writer - 3 May 2023 at 10:02 am",
        "Militia denies attack on Ituri camp",
    ]


def test_prose_wrapped_at_a_line_width_is_not_cut_at_each_line() -> None:
    text = (
        "Government forces shelled the town for three\n"
        "days and at least twelve civilians were killed\n"
        "in the market, witnesses told the mission in\n"
        "Goma."
    )
    pack = load("en")
    assert len([s for s in segment(text, pack) if s.kind == "sentence"]) == 1


def test_an_event_named_again_is_not_a_new_claim() -> None:
    # "the death toll", "such killings": told already, or a category; no victims, no count
    assert (
        claims("While the exact death toll is unclear, fighting went on in Marawi in 2017.") == []
    )
    assert claims("For Myanmar, such killings are crimes against humanity.") == []
    # the same noun with whose it is or by whom is a claim: "the massacre of civilians"
    assert events("Mourning began in Mali after the massacre of civilians in Moura in 2022.") == [
        "killing"
    ]
    # and so with a participle, a date or a count: "the plundered town", "on 20 April"
    assert events("Television showed images of the plundered hotel in Palma in 2021.") == [
        "destruction_property"
    ]


def test_not_only_is_no_negation() -> None:
    assert events("Children in Sanaa are not only dying from bombs in 2018.") == ["killing"]


def test_a_subordinate_clause_with_its_own_subject_is_its_own_statement() -> None:
    found = claims("Insurgents were murdering residents of Palma in 2021 as thousands fled.")
    assert [c.event for c in found] == ["killing", "displacement"]


def test_a_title_case_headline_is_no_proper_name() -> None:
    text = "Myanmar – Army Executes Dozens in Sagaing Region\n\nThe report came out in 2023."
    assert "killing" in events(text)
    # mid-sentence, the same words in Title Case name an institution
    assert claims("She spoke to the Working Group on Enforced Disappearances in 2023.") == []


def test_a_condition_opening_a_later_sentence_is_hypothetical() -> None:
    text = (
        "The siege of El Fasher entered its second year in 2024. "
        "If the city falls, thousands of civilians could be killed."
    )
    assert [c.event for c in claims(text)] == ["humanitarian_access_denial"]


def test_trigger_words_in_their_ordinary_sense_make_no_claim() -> None:
    for text in (
        "The government executed the plan in Juba in 2023.",
        "Police arrested three suspects in Goma in 2022.",
        "The UN body found that Myanmar violated the convention in 2019.",
        "The army vowed to destroy the rebels in Kidal in 2023.",
        "The minister was fired on Monday in Kyiv in 2023.",
    ):
        assert claims(text) == [], text
    assert events("The army was executing prisoners in Tigray in 2021.") == ["killing"]
    assert events("Troops fired on protesters in Khartoum in 2019.") == ["attack_on_civilians"]


def test_a_denial_reaches_the_including_that_follows_it() -> None:
    found = claims(
        "Eritrea denied any role in Tigray, including any responsibility for the deaths of "
        "40 villagers in Axum in 2020."
    )
    kinds = [c.event for c in found]
    assert kinds.count("denial") == 2 and "killing" in kinds
