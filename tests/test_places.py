"""Places from sentences the gold never saw: regions, marked villages, datelines, titles,
groups and the country of each town, most specific first."""

from __future__ import annotations

from tocsin import countries
from tocsin.extract import extract
from tocsin.extract.places import COUNTRY, REGION, SITE, level
from tocsin.types import Claim, Place

META = {"date": "2024-03-01"}


def claims(text: str, language: str = "en", meta: dict[str, str] | None = None) -> list[Claim]:
    return extract(text, META if meta is None else meta, language=language)


def names(c: Claim) -> list[str]:
    return [p.name for p in c.places]


def first(text: str, language: str = "en") -> Claim:
    found = claims(text, language)
    assert found, text
    return found[0]


def test_a_region_written_with_its_region_word_is_geocoded_to_its_subdivision() -> None:
    c = first("Military airstrikes killed 12 civilians in Rakhine State on Monday.")
    rakhine, myanmar = c.places
    assert (rakhine.name, rakhine.country, rakhine.gazetteer_id) == (
        "Rakhine State",
        "MMR",
        "iso3166-2:MM-16",
    )
    assert (myanmar.name, myanmar.gazetteer_id) == ("Myanmar", "iso3166:MMR")
    assert [level(p) for p in c.places] == [REGION, COUNTRY]


def test_english_spellings_of_subdivisions_and_a_lower_case_region_word() -> None:
    c = first("Drone strikes killed 9 farmers in the Tigray region last week.")
    assert names(c)[:1] == ["Tigray"] and c.places[0].gazetteer_id == "iso3166-2:ET-TI"
    assert "Ethiopia" in names(c)


def test_a_direction_before_a_country_names_a_part_of_it() -> None:
    c = first("Shelling killed nine civilians in northwest Syria, rescuers said.")
    assert names(c)[0] == "northwest Syria"
    assert c.places[0].country == "SYR" and level(c.places[0]) == REGION


def test_named_areas_that_are_no_subdivision_come_from_the_pack() -> None:
    c = first("Settlers burned 30 homes in the West Bank in February.")
    bank = c.places[0]
    assert (bank.name, bank.country, bank.gazetteer_id) == ("West Bank", "PSE", "iso3166:PSE")
    assert names(c) == ["West Bank", "Palestine"]


def test_a_town_brings_its_country_and_comes_first() -> None:
    c = first("Gunmen killed 14 villagers in Maiduguri, police said.")
    assert names(c) == ["Maiduguri", "Nigeria"]
    assert [level(p) for p in c.places] == [SITE, COUNTRY]


def test_a_village_the_gazetteer_lacks_is_marked_by_the_words_around_it() -> None:
    c = first("Soldiers killed 20 men in the Sudanese village of Tamberlo on Sunday.")
    assert names(c)[:2] == ["Tamberlo", "Sudan"]
    assert (c.places[0].country, c.places[0].gazetteer_id) == ("SDN", None)
    c = first("Rebels shelled Ngalewa village in Sri Lanka, killing 6 people.")
    assert names(c) == ["Ngalewa", "Sri Lanka"]


def test_a_village_marked_once_is_a_place_wherever_the_document_names_it() -> None:
    found = claims(
        "The Kalehe massacre left 40 dead. Militiamen entered the village of Kalehe at dawn."
    )
    headline = next(c for c in found if "massacre" in c.quote)
    assert "Kalehe" in names(headline)


def test_organisations_groups_months_and_titles_are_no_places() -> None:
    c = first(
        "Amnesty International said on Friday that Hezbollah fighters and Wagner "
        "mercenaries killed 17 civilians near Bucha in March, President Zelensky said."
    )
    assert names(c) == ["Bucha", "Ukraine"]
    c = first("Mr Jaffna told reporters that 30 civilians were killed in Kilinochchi.")
    assert "Jaffna" not in names(c)


def test_an_ethnic_group_is_a_place_only_with_a_region_word_or_a_location() -> None:
    ethiopia = {"speaker_country": "ETH"}
    c = claims("Amhara civilians were killed by drones, witnesses said.", meta=ethiopia)[0]
    assert "Amhara" not in names(c)
    c = claims("Drones killed 30 civilians in Amhara, witnesses said.", meta=ethiopia)[0]
    assert names(c)[0] == "Amhara" and c.places[0].gazetteer_id == "iso3166-2:ET-AM"


def test_a_dateline_is_where_the_reporter_filed_from_not_where_it_happened() -> None:
    c = first("KYIV, Ukraine (AP) — Russian missiles killed 11 civilians in Kharkiv on Tuesday.")
    assert names(c) == ["Kharkiv", "Ukraine"]
    c = first("NAIROBI, Kenya (Reuters) — Gunmen killed 11 civilians on Tuesday.")
    assert c.places == ()
    c = first("BAMAKO (AFP) — Jihadists killed 25 villagers in Bankass on Sunday.")
    assert names(c) == ["Bankass", "Mali"]


def test_a_country_as_a_landmark_or_in_a_name_is_no_place() -> None:
    found = claims(
        "Fighters attacked the border town of Kramatorsk and killed 8 people. "
        "They burned houses near the Russia border."
    )
    burned = next(c for c in found if "burned" in c.quote)
    assert "Russia" not in names(burned) and "Kramatorsk" in names(burned)


def test_places_carry_to_sentences_that_name_none() -> None:
    found = claims(
        "Militias attacked the town of Jaffna on 3 May.\n\nAt least 12 civilians were killed."
    )
    killed = next(c for c in found if c.event == "killing")
    assert names(killed)[:2] == ["Jaffna", "Sri Lanka"]


def test_a_state_named_alone_stands_for_where_its_war_is_reported() -> None:
    c = first("Yemen accused the rebels of killing 40 civilians.")
    assert names(c) == ["Yemen"]
    # a delegation naming the other party: that party is the accused, not the place
    c = claims(
        "Velmora accused Astrelia of killing 40 civilians.", meta={"speaker_country": "FRA"}
    )[0]
    assert c.places == ()


def test_a_demonym_after_a_location_word_names_the_country() -> None:
    c = first("Hate speech against minorities is rising in Serbian society, the report said.")
    assert names(c) == ["Serbia"]


def test_french_regions_directions_and_marked_villages() -> None:
    c = first("Au moins 30 civils ont été tués dans la région de Tillabéri.", "fr")
    assert names(c)[:2] == ["Tillabéri", "Niger"]
    assert c.places[0].gazetteer_id == "iso3166-2:NE-6"
    c = first("Des colons ont incendié 12 maisons en Cisjordanie.", "fr")
    assert names(c)[0] == "Cisjordanie" and c.places[0].country == "PSE"
    c = first("Des soldats ont tué 15 civils dans le village de Tamberlo au Soudan.", "fr")
    assert names(c)[:2] == ["Tamberlo", "Soudan"]


def test_country_names_in_the_pack_language() -> None:
    assert countries.name_of("SYR", "en") == "Syria"
    assert countries.name_of("SYR", "fr") == "Syrie"
    assert countries.name_of("COD", "en") == "DR Congo"  # the shortest alias, no acronym
    assert countries.name_of("USA", "en") == "United States"
    assert level(Place("Soudan", "SDN", gazetteer_id="iso3166:SDN"), "fr") == COUNTRY


def test_names_joined_by_particles_stay_whole() -> None:
    c = first("Armed groups displaced 400 families in Valle del Cauca in April.")
    assert names(c) == ["Valle del Cauca", "Colombia"]
    assert c.places[0].gazetteer_id == "iso3166-2:CO-VAC"
    c = first("Gunmen killed 7 people in Port-au-Prince, officials said.")
    assert names(c) == ["Port-au-Prince", "Haiti"]
