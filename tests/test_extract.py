"""Claims from sentences the gold never saw: other conflicts, phrasings, voices, modality."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin import read_document
from tocsin.extract import extract, extract_document
from tocsin.types import Claim

META = {"speaker": "A. Speaker", "speaker_country": "FRA", "date": "2024-03-01"}


def claims(text: str, meta: dict[str, str] | None = None) -> list[Claim]:
    return extract(text, meta or META, language="en")


def one(text: str, meta: dict[str, str] | None = None) -> Claim:
    found = claims(text, meta)
    assert len(found) == 1, [(c.event, c.quote) for c in found]
    return found[0]


def test_active_voice_with_a_named_perpetrator_is_an_accusation() -> None:
    found = claims(
        "On 3 May 2023, Syrian forces shelled the town of Idlib, killing 14 civilians, including 5 children."
    )
    # the attack and what it caused are two claims about one incident, as the gold splits them;
    # the count after "including" is a claim of its own as well (the gold annotates it so)
    assert [c.event for c in found] == ["attack_on_civilians", "killing", "killing"]
    c = found[1]
    assert c.count is not None and (c.count.value, c.count.qualifier) == (14, "exact")
    assert [(s.count.value, s.victims) for s in c.includes] == [(5, "children")]
    assert c.victims == "civilians"
    assert c.accused == ("SYR",)
    assert c.stance == "accuses"
    assert (c.when_from, c.when_to) == ("2023-05-03", "2023-05-03")
    assert any(p.name == "Idlib" and p.country == "SYR" for p in c.places)


def test_passive_voice_report_is_an_assertion() -> None:
    c = one("In March 2022, more than 3,000 civilians were forcibly displaced from Mariupol.")
    assert (c.event, c.stance) == ("displacement", "asserts")
    assert c.count is not None and (c.count.value, c.count.qualifier) == (3000, "more_than")
    assert (c.when_from, c.when_to) == ("2022-03", "2022-03")
    assert any(p.name == "Mariupol" and p.country == "UKR" for p in c.places)


def test_two_counts_in_one_sentence_are_two_outcomes() -> None:
    found = claims("A rocket attack killed 12 people and injured 40 in Kharkiv on 5 January 2024.")
    outcomes = sorted((c.event, c.count.value if c.count else None) for c in found)
    assert ("killing", 12) in outcomes
    assert any(c.count and c.count.value == 40 for c in found)


def test_negated_event_yields_no_claim() -> None:
    assert claims("No civilians were killed in the operation near Goma on 2 June 2024.") == []


def test_hypothetical_yields_no_claim() -> None:
    assert (
        claims("Such rhetoric could lead to mass killings of Rohingya in Rakhine State in 2017.")
        == []
    )
    assert (
        claims("If the convoy is blocked, thousands of children may die of hunger in Darfur.") == []
    )


def test_procedural_sentence_yields_no_claim() -> None:
    assert (
        claims(
            "I would like to thank the Secretary-General for his report on the killing of civilians."
        )
        == []
    )


def test_counts_that_are_not_violations_yield_no_claim() -> None:
    assert claims("The army liberated more than 300 villages in 2020.") == []
    assert (
        claims("The conference brought together 400 delegates from 40 countries in Geneva.") == []
    )


def test_denial_records_the_allegation_and_who_made_it() -> None:
    found = claims(
        "The Government of Rwanda categorically rejects the allegations about the massacre in Kiwanja "
        "made by the Democratic Republic of the Congo.",
        {"speaker_country": "RWA", "date": "2009-01-10"},
    )
    c = next(c for c in found if c.event == "denial")
    assert c.stance == "denies"
    assert "massacre in Kiwanja" in (c.denies or "")
    assert c.claimed_by == ("COD",)
    assert "killing" in c.other_events
    assert c.source is not None and c.source.country == "RWA"
    # the allegation it rejects is a claim of its own: the accuser's, against the denier
    alleged = [c for c in found if c.event != "denial"]
    assert [(a.event, a.accused) for a in alleged] == [("killing", ("RWA",))]
    assert alleged[0].source is not None and alleged[0].source.country == "COD"


def test_speaker_denying_own_forces_did_it() -> None:
    c = one(
        "The armed forces of the Russian Federation did not shell the market of Kramatorsk on 12 February 2024.",
        {"speaker_country": "RUS", "date": "2024-03-04"},
    )
    assert c.event == "denial"
    assert "attack_on_civilians" in c.other_events


def test_call_for_action() -> None:
    c = one("We call on Myanmar to release the 300 detainees held in Sittwe since February 2021.")
    assert c.event == "detention" and c.stance == "calls_for"
    assert c.when_from == "2021-02" and c.when_to == "2024-03-01"


def test_quoted_report_of_another_party() -> None:
    c = one(
        "According to hospital officials, at least 18 people were killed when shells hit the market of Bucha in 2022."
    )
    assert c.stance == "reports"
    assert c.count is not None and (c.count.value, c.count.qualifier) == (18, "at_least")


def test_hate_speech_and_dehumanisation() -> None:
    c = one("Broadcasts on Radio Mille Collines in Rwanda described Tutsi as cockroaches in 1994.")
    assert c.event == "hate_speech"
    assert c.risk_indicators and "FoA-10.1" in c.risk_indicators


def test_every_claim_carries_its_provenance() -> None:
    text = "On 12 May 2023, 27 civilians were killed in Khartoum. Over 400 were wounded."
    for c in extract(text, META, doc_sha256="ab" * 32):
        assert text[c.start : c.end] == c.quote
        assert c.doc_sha256 == "ab" * 32
        assert c.speaker_country == "FRA" and c.doc_date == "2024-03-01"
        assert {"event", "count", "stance", "when", "places"} <= set(c.produced_by)
        for s, e, _what in c.matched:
            assert 0 <= s < e <= len(text)


def test_seed_statements_yield_claims_of_every_kind_they_contain(seeds: Path) -> None:
    events: set[str] = set()
    for path in sorted(seeds.glob("0*.txt")):
        doc = read_document(path.read_bytes(), path.name)
        found = extract_document(doc)
        assert found
        for c in found:
            assert c.speaker_country == "AZE"
            assert doc.text[c.start : c.end] == c.quote
        events |= {c.event for c in found}
    assert {
        "killing",
        "displacement",
        "missing_persons",
        "mine_incident",
        "denial",
        "mass_grave",
        "destruction_property",
        "destruction_cultural_heritage",
        "hate_speech",
    } <= events


@pytest.mark.parametrize(
    ("name", "country"),
    [("Barda", "AZE"), ("Ganja", "AZE"), ("Lachin", "AZE"), ("Khankandi", "AZE")],
)
def test_seed_places_are_geocoded_in_context(name: str, country: str) -> None:
    from tocsin.extract.places import geocode

    place = geocode(name, {"AZE", "ARM"})
    assert place is not None and place.country == country
    assert (
        place.lat is not None and place.gazetteer_id and place.gazetteer_id.startswith("geonames:")
    )


def test_periods_and_durations_are_normalised_against_the_document_date() -> None:
    meta = {"speaker_country": "AZE", "date": "2023-06-26"}
    c = one("After nearly thirty years of occupation, 20 civilians were killed in Aghdam.", meta)
    assert (c.when_from, c.when_to) == ("1993", "2023-06-26")
    c = one("In the fall of 2020, more than 80 civilians were wounded in Tartar.", meta)
    assert (c.when_from, c.when_to) == ("2020-09", "2020-11")
    c = one("In the early 1990s, thousands of people were expelled from Shusha.", meta)
    assert (c.when_from, c.when_to) == ("1990", "1994")


def test_time_carries_within_a_paragraph_but_not_beyond() -> None:
    text = (
        "On 4 April 2017 the town of Khan Shaykhun was attacked with chemical weapons. "
        "At least 89 people were killed.\n\n"
        "Dozens of families fled the area."
    )
    found = extract(text, META, language="en")
    killing = next(c for c in found if c.event == "killing")
    assert killing.when_from == "2017-04-04"
    fled = next(c for c in found if c.event == "displacement")
    assert fled.when_from is None


def test_ethnic_and_religious_groups_are_named_as_victim_groups() -> None:
    c = one("In August 2017, more than 700,000 Rohingya were forced to flee Rakhine State.")
    assert c.victim_group == "Rohingya"
    assert c.count is not None and c.count.value == 700000


def test_quoted_incitement_reported_by_a_third_party() -> None:
    c = one(
        'A commander told the crowd the Tutsi were "cockroaches" to be crushed, witnesses said in 1994.'
    )
    assert c.event == "hate_speech"
    assert c.stance == "reports"
    assert c.victim_group == "Tutsi"


def test_consequences_of_a_dated_offensive_span_its_whole_period() -> None:
    text = (
        "The offensive against the province began on 3 March 2021. Over 300 civilians were killed "
        "and some 20,000 people were forced to leave their homes.\n\n"
        "The fighting lasted 12 days and ended with a ceasefire.\n\n"
        "After the cessation of hostilities, dozens of civilians were injured by landmines."
    )
    found = extract(text, {"speaker_country": "FRA", "date": "2021-06-30"}, language="en")
    by_event = {c.event: c for c in found}
    assert (by_event["killing"].when_from, by_event["killing"].when_to) == (
        "2021-03-03",
        "2021-03-15",
    )
    assert (by_event["displacement"].when_from, by_event["displacement"].when_to) == (
        "2021-03-03",
        "2021-03-15",
    )
    mine = by_event["mine_incident"]
    assert (mine.when_from, mine.when_to) == ("2021-03-15", "2021-06-30")


def test_a_date_that_starts_no_war_is_not_stretched() -> None:
    text = "The mission visited the camp on 3 March 2021. Over 300 detainees were tortured there."
    (c,) = extract(text, {"speaker_country": "FRA", "date": "2021-06-30"}, language="en")
    assert (c.when_from, c.when_to) == ("2021-03-03", "2021-03-03")


def test_places_missing_from_the_gazetteer_come_from_the_entities_file(tmp_path: Path) -> None:
    import json

    entities = tmp_path / "entities.json"
    entities.write_text(
        json.dumps(
            {
                "entities": [{"code": "XVR", "names": ["Republic of Varosia", "Varosia"]}],
                "places": [{"name": "Ostrel", "country": "XVR", "lat": 10.5, "lon": 20.25}],
            }
        )
    )
    (c,) = extract(
        "On 1 May 2024, 12 civilians were killed in Ostrel.",
        META,
        language="en",
        entities=str(entities),
    )
    (place,) = [p for p in c.places if p.name == "Ostrel"]
    assert (place.country, place.lat, place.lon, place.gazetteer_id) == (
        "XVR",
        10.5,
        20.25,
        "user:Ostrel",
    )
