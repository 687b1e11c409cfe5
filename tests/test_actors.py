"""Who is blamed: armed groups, state forces and generic perpetrators, from sentences the gold
never saw (Somalia, Yemen, Myanmar, Colombia, South Sudan, Libya, Ethiopia, Nigeria)."""

from __future__ import annotations

from tocsin import lang
from tocsin.extract import actors, extract
from tocsin.types import Claim

META = {"date": "2024-06-01"}


def accused(text: str, language: str = "en") -> list[tuple[str, tuple[str, ...]]]:
    return [(c.event, c.accused) for c in extract(text, META, language=language)]


def blamed(text: str, language: str = "en") -> set[str]:
    return {a for c in extract(text, META, language=language) for a in c.accused}


def claims(text: str, language: str = "en") -> list[Claim]:
    return extract(text, META, language=language)


def test_a_named_group_as_subject_is_blamed_by_its_name() -> None:
    text = "Al-Shabaab fighters stormed a hotel in Mogadishu on 5 May 2024, killing 12 civilians."
    assert blamed(text) == {"Al-Shabaab"}


def test_by_and_at_the_hands_of_name_the_doer() -> None:
    assert blamed("At least 30 villagers were killed by ISWAP in Borno state in June 2023.") == {
        "ISWAP"
    }
    text = "Dozens of civilians were killed at the hands of Houthi fighters in Taiz in 2022."
    assert blamed(text) == {"Houthis"}


def test_an_acronym_matches_only_as_written() -> None:
    # "ADF" is the group; "adf" in running text is not
    assert blamed("Houses were burned by the ADF in Beni in May 2023.") == {"ADF"}
    assert actors.armed_group_spans("the adf file", 0, 12, lang.load("en")) == []


def test_accused_of_blames_the_accused_not_the_accuser() -> None:
    text = (
        "The government accused the Arakan Army of killing 15 villagers in Buthidaung in May 2024."
    )
    assert blamed(text) == {"Arakan Army"}


def test_the_target_of_an_attack_is_not_blamed() -> None:
    text = "An Israeli airstrike killed 12 Hezbollah members in Nabatieh on 3 October 2024."
    assert blamed(text) == {"ISR"}


def test_a_party_called_on_to_act_is_not_blamed() -> None:
    text = (
        "The Security Council called on the Taliban to protect civilians after 20 people "
        "were killed in Kabul in May 2023."
    )
    assert "Taliban" not in blamed(text)


def test_parties_to_clashes_are_not_blamed() -> None:
    text = "Clashes between the SPLA-IO and the SSPDF killed 25 people in Nasir in March 2024."
    assert blamed(text) == set()


def test_a_state_force_is_blamed_as_its_state() -> None:
    text = (
        "The Tatmadaw shelled a school in Let Yet Kone on 16 September 2022, killing 11 children."
    )
    assert blamed(text) == {"MMR"}
    assert blamed("Ethiopian soldiers killed 40 men in Mahbere Dego in January 2021.") == {"ETH"}


def test_an_unnamed_army_is_the_state_the_text_is_about() -> None:
    text = "In Colombia, the army killed 6 farmers in the Catatumbo region in March 2023."
    assert blamed(text) == {"COL"}


def test_foreign_troops_are_nobody_named() -> None:
    text = "Foreign troops shelled the village of Arsal in 2014, killing 9 civilians."
    assert blamed(text) == set()


def test_generic_perpetrators_are_blamed_by_what_they_are() -> None:
    assert blamed("Gunmen killed 17 worshippers at a church in Owo on 5 June 2022.") == {"gunmen"}
    text = "Residents say armed men abducted 40 farmers near Zurmi in March 2024."
    assert blamed(text) == {"gunmen"}
    text = "Criminal gangs killed 70 people in Pont-Sondé on 3 October 2024."
    assert blamed(text) == {"gangs"}


def test_a_deed_named_after_its_doer() -> None:
    text = "Russian shelling killed 8 civilians in Kherson on 2 May 2023."
    assert blamed(text) == {"RUS"}
    text = "Three farmers were injured in a jihadist attack near Djibo in April 2023."
    assert blamed(text) == {"jihadists"}


def test_the_armed_group_stands_for_the_group_named_before() -> None:
    text = (
        "Fano militias seized the town of Lalibela in August 2023.\n\n"
        "The armed group killed 12 civilians there on 9 August 2023."
    )
    found = [c for c in claims(text) if c.event == "killing"]
    assert found and found[0].accused == ("Fano",)


def test_a_speaker_or_a_victim_is_not_the_doer() -> None:
    # the army speaks; the militants were killed
    assert blamed("The army said 20 militants were killed in Sirte in May 2016.") == set()
    text = "Twenty Wagner mercenaries were killed in an ambush near Tinzaouaten in July 2024."
    assert "Wagner" not in blamed(text)


def test_groups_joined_by_and_share_the_blame() -> None:
    text = "Homes were burned by the ADF and allied militias in Beni in May 2023."
    assert blamed(text) == {"ADF", "militias"}


def test_a_sentence_about_the_whole_war_takes_no_doer_from_before() -> None:
    text = (
        "RSF fighters burned 20 villages in West Darfur in June 2023. Since the fighting "
        "began, more than 12,000 people have been killed across the country."
    )
    found = claims(text)
    first = [c for c in found if "burned" in c.quote]
    toll = [c for c in found if "12,000" in c.quote]
    assert first and first[0].accused == ("RSF",)
    assert toll and toll[0].accused == ()


def test_a_deed_that_is_not_violence_makes_no_doer() -> None:
    text = (
        "Twelve people were killed in Tanjay in March 2019 during a meeting organised by the NPA."
    )
    assert "NPA" not in blamed(text)


def test_armed_group_spans_are_not_places() -> None:
    pack = lang.load("en")
    text = "The Arakan Army took Paletwa."
    assert actors.armed_group_spans(text, 0, len(text), pack) == [(4, 15)]


def test_french_named_group_and_state_army() -> None:
    text = "Selon l'ONU, les FSR auraient tué au moins 50 civils à el-Fasher en octobre 2024."
    assert blamed(text, "fr") == {"RSF"}
    text = "L'armée malienne a exécuté 20 civils à Diallassagou en juin 2022."
    assert blamed(text, "fr") == {"MLI"}
    text = "Au moins 30 civils ont été tués par des jihadistes dans la région de Mopti en 2023."
    assert blamed(text, "fr") == {"jihadists"}


def test_french_victims_and_parties_are_not_blamed() -> None:
    text = "Douze combattants du Hezbollah ont été tués par une frappe israélienne en 2024."
    assert "Hezbollah" not in blamed(text, "fr")
    text = "Des combats entre les FARDC et le M23 ont fait 15 morts à Sake en février 2024."
    assert blamed(text, "fr") == set()


def test_armed_groups_stand_for_the_groups_the_paragraph_named() -> None:
    text = (
        "HTS and the SNA have fought for control of the countryside around Afrin for years. "
        "Armed groups have killed 14 civilians there in March 2023."
    )
    killing = [c for c in claims(text) if c.event == "killing"]
    assert killing and set(killing[0].accused) == {"HTS", "SNA"}


def test_an_armed_group_in_a_paragraph_about_one_group_is_that_group() -> None:
    text = (
        "The TTP has expanded across Khyber Pakhtunkhwa this year. Officials say an armed "
        "group killed 12 police officers in Bannu on 5 May 2023."
    )
    assert blamed(text) == {"TTP"}


def test_footage_showing_soldiers_doing_names_them() -> None:
    text = "A video showed soldiers shooting 5 unarmed men in Ethiopia's Tigray region in 2021."
    assert blamed(text) == {"ETH"}
