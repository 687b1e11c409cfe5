from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tocsin import read_document
from tocsin.ingest.citations import cited_symbols, normalise_symbol
from tocsin.ingest.metadata import dateline_span, infer
from tocsin.lang import load
from tocsin.sources import find_known, known_sources, lookup
from tocsin.types import MetaValue

from .conftest import GOLD

EN = load("en")


def gold_metadata() -> list[dict[str, object]]:
    path = GOLD / "seed_metadata.jsonl"
    if not path.is_file():
        pytest.skip(f"gold annotations not found at {path}")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_seed_metadata_matches_gold_field_by_field(seeds: Path) -> None:
    for gold in gold_metadata():
        doc = read_document((seeds / str(gold["doc"])).read_bytes(), str(gold["doc"]))
        for field, expected in gold.items():
            if field == "doc":
                continue
            got = doc.meta_value(field)
            if field == "cites":
                assert isinstance(got, list)
                assert sorted(got) == sorted(expected), (gold["doc"], field)  # type: ignore[arg-type]
            else:
                assert got == expected, (gold["doc"], field, got)
        # fields the gold leaves out must not be invented
        assert ("meeting" in gold) == ("meeting" in doc.meta), gold["doc"]
        # every inferred value points at the text it was read from
        for name, value in doc.meta.items():
            assert value.origin == "inferred"
            if value.start is not None and name not in ("cites", "speaker_country"):
                span = " ".join(doc.text[value.start : value.end].split())
                assert span == value.value or name in ("date", "body"), (name, span)


def meta(text: str, entities: str | None = None) -> dict[str, object]:
    return {k: v.value for k, v in infer(text, EN, entities=entities).items()}


def test_statement_by_another_state_with_title_after_a_comma() -> None:
    text = (
        "Statement by Ambassador Jane Q. Doe, Permanent Representative of the United Kingdom of "
        "Great Britain and Northern Ireland to the United Nations\n\n"
        "Security Council, 9381st meeting, open debate on the protection of civilians\n\n"
        "New York, 23 May 2023\n\nMadam President,\n\nOn 4 June 2023 something else happened."
    )
    m = meta(text)
    assert m["speaker"] == "Jane Q. Doe"
    assert m["speaker_title"].startswith("Permanent Representative of the United Kingdom")  # type: ignore[union-attr]
    assert m["speaker_country"] == "GBR"
    assert m["date"] == "2023-05-23"
    assert m["body"] == "Security Council"
    assert m["meeting"] == "9381st meeting"


def test_inverted_iso_names_and_letterhead_in_capitals() -> None:
    text = (
        "PERMANENT MISSION OF THE PLURINATIONAL STATE OF BOLIVIA TO THE UNITED NATIONS\n\n"
        "Statement by Mr. Diego Pary\n\n"
        "General Assembly, agenda item 69 (b)\n\nJune 5, 2023\n\nMr. President,\n\nText."
    )
    m = meta(text)
    assert m["speaker_country"] == "BOL"
    assert m["speaker"] == "Diego Pary"
    assert m["agenda_item"] == "69(b)"
    assert m["date"] == "2023-06-05"


def test_organisation_speaking_on_behalf() -> None:
    text = (
        "Statement on behalf of the European Union and its Member States\n\n"
        "Statement by Mr. Olof Skoog, Head of the Delegation of the European Union to the United Nations\n\n"
        "Human Rights Council, 52nd session\n\n3 March 2023\n\nMr. President,\n\nText."
    )
    m = meta(text)
    assert m["speaker_org"] == "EU"
    assert "speaker_country" not in m
    assert m["body"] == "Human Rights Council"


def test_title_only_speaker() -> None:
    text = "Remarks by the Secretary-General to the Security Council\n\n12 January 2024\n\nMr. President,\n\nText."
    m = meta(text)
    assert "speaker" not in m
    assert m["speaker_title"] == "the Secretary-General to the Security Council"


def test_header_dates_prefer_a_dated_line_and_reject_impossible_dates() -> None:
    text = "Report on the events of 12 February 2024\n\nPublished: 31 June 2024\n\nDate: 20 February 2024\n\nBody."
    assert meta(text)["date"] == "2024-02-20"


def test_no_metadata_is_invented_for_plain_prose() -> None:
    text = "The river rose in the night. Farmers moved their animals to higher ground.\n\nNothing more."
    assert meta(text) == {}


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("A/75/863–S/2021/424", "A/75/863-S/2021/424"),
        ("A/77/910 — S/2023/409", "A/77/910-S/2023/409"),
        ("S/RES/2417(2018)", "S/RES/2417 (2018)"),
        ("A/HRC/RES/47/1", "A/HRC/RES/47/1"),
    ],
)
def test_symbols_are_normalised(raw: str, normalised: str) -> None:
    assert normalise_symbol(raw) == normalised


def cites(text: str) -> list[str]:
    return [c.symbol for c in cited_symbols(text, EN)]


def test_symbols_and_resolutions_cited_in_running_text() -> None:
    text = (
        "Recalling S/RES/2417 (2018), the report (A/75/863–S/2021/424) and draft resolution A/75/L.82. "
        "In 1993, the Security Council adopted four resolutions – 822, 853, 874 and 884. "
        "General Assembly resolution 60/1 and Human Rights Council resolution 47/1 apply. "
        "Security Council resolutions 1325 (2000) and 2573 (2021) are relevant. "
        "The meeting ended at 5 p.m. on A/B street with 300 people."
    )
    assert cites(text) == [
        "S/RES/2417 (2018)",
        "A/75/863-S/2021/424",
        "A/75/L.82",
        "S/RES/822 (1993)",
        "S/RES/853 (1993)",
        "S/RES/874 (1993)",
        "S/RES/884 (1993)",
        "A/RES/60/1",
        "A/HRC/RES/47/1",
        "S/RES/1325 (2000)",
        "S/RES/2573 (2021)",
    ]


def test_user_entities_name_fictional_states(tmp_path: Path) -> None:
    entities = tmp_path / "e.json"
    entities.write_text(
        json.dumps({"entities": [{"code": "XVR", "names": ["Republic of Varosia"]}]})
    )
    text = "Statement by Mr. A. Person\nMinister for Foreign Affairs of the Republic of Varosia\n\n1 May 2024\n\nMr. President,"
    assert meta(text, str(entities))["speaker_country"] == "XVR"
    assert "speaker_country" not in meta(text)


FRENCH = """MISSION PERMANENTE DE LA FRANCE AUPRÈS DE L'ORGANISATION DES NATIONS UNIES

Déclaration de S. E. M. Jean-Pierre Martin
Représentant permanent de la République française auprès de l'Organisation des Nations Unies

Assemblée générale, 64e séance plénière, point 135 de l'ordre du jour : « La responsabilité de protéger »

1er juin 2021

Monsieur le Président,

Je remercie le Secrétaire général de son rapport (A/75/863–S/2021/424). En 1993, le Conseil \
de sécurité a adopté les résolutions 822, 853 et 874. M. Dupont l'a rappelé.
"""


def test_french_statement_is_read_with_the_french_pack_alone() -> None:
    doc = read_document(FRENCH.encode(), "declaration.txt")
    assert doc.language == "fr"
    assert {k: v.value for k, v in doc.meta.items()} == {
        "speaker": "Jean-Pierre Martin",
        "speaker_title": "Représentant permanent de la République française auprès de "
        "l'Organisation des Nations Unies",
        "speaker_country": "FRA",
        "publisher": "MISSION PERMANENTE DE LA FRANCE AUPRÈS DE L'ORGANISATION DES NATIONS UNIES",
        "date": "2021-06-01",
        "body": "General Assembly",
        "meeting": "64e séance plénière",
        "agenda_item": "135",
        "agenda_title": "La responsabilité de protéger",
        "cites": [
            "A/75/863-S/2021/424",
            "S/RES/822 (1993)",
            "S/RES/853 (1993)",
            "S/RES/874 (1993)",
        ],
    }
    sentences = [doc.span(s.start, s.end) for s in doc.sentences()]
    assert "M. Dupont l'a rappelé." in sentences  # "M." is an abbreviation in French


def test_country_names_come_translated_from_iso_codes() -> None:
    from tocsin import countries

    assert countries.resolve("République d'Azerbaïdjan", "fr") == "AZE"
    assert countries.resolve("Fédération de Russie", "fr") == "RUS"
    assert countries.resolve("Republic of Azerbaijan", "en") == "AZE"


# --- News and web pages: datelines, credits, mastheads, publication dates -------------------
# Headers of our own, in the forms real pages use, from other outlets and conflicts.


def values(text: str, pack: str = "en") -> dict[str, MetaValue]:
    return infer(text, load(pack))


def test_wire_dateline_gives_the_place_filed_from_and_the_agency() -> None:
    text = (
        "Fighters storm camp for displaced families in Darfur\n\n"
        "EL GENEINA, Sudan (AP) — Paramilitary fighters stormed a camp for displaced families "
        "and killed at least 14 people, aid workers said on Tuesday.\n"
    )
    m = values(text)
    place = m["dateline"]
    assert place.value == "EL GENEINA, Sudan"
    assert text[place.start : place.end] == "EL GENEINA, Sudan"  # extraction skips this span
    assert m["publisher"].value == "Associated Press"
    assert m["author"].value == "Associated Press"
    assert m["publisher"].producer == "meta.source.credit@1"
    assert "date" not in m  # "on Tuesday" is the event's day, and no year is given
    assert dateline_span(text, EN) == (place.start, place.end)


def test_a_labelled_publication_date_beats_the_datelines_month_and_day() -> None:
    text = (
        "Published on March 4, 2024\n\n"
        "JUBA, March 3 (Reuters) - South Sudanese troops shelled a village in Upper Nile state, "
        "killing nine civilians, a local official said.\n"
    )
    m = values(text)
    assert m["date"].value == "2024-03-04"
    assert m["publisher"].value == "Reuters"
    assert m["dateline"].value == "JUBA"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("28 FEBRUARY 2022", "2022-02-28"),
        ("Published on 2 December 2024", "2024-12-02"),
        ("2 December 2024 12:00 GMT", "2024-12-02"),
        ("Dec. 2, 2024", "2024-12-02"),
        ("Sept. 4, 2025", "2025-09-04"),
        ("LAST UPDATED Oct 26, 2022", "2022-10-26"),
    ],
)
def test_publication_dates_in_the_forms_pages_write_them(line: str, iso: str) -> None:
    text = f"Shelling hits Kharkiv suburbs\n\n{line}\n\nShells struck two districts overnight."
    assert meta(text)["date"] == iso


def test_a_date_in_the_body_or_an_events_date_is_not_the_publication_date() -> None:
    lead = (
        "BOGOTA (AFP) — Gunmen killed 12 farmers on 14 February 2023 in the Cauca department, "
        "the ombudsman's office said, the latest in a wave of massacres.\n\n"
    )
    filler = "".join(
        f"Paragraph {i} of the story says more about the armed groups in the region and the "
        "fear among the farmers who stayed behind.\n\n"
        for i in range(6)
    )
    text = lead + filler + "On 3 March 2023 the army sent troops.\n\n2 March 2023\n"
    m = meta(text)
    assert "date" not in m
    assert m["publisher"] == "Agence France-Presse"


def test_a_photo_captions_date_is_not_the_publication_date() -> None:
    text = (
        "FILE: Displaced families queue for food in Goma, Monday January 9, 2023.\n\n"
        "Rebels have cut the last road into the city, aid agencies said, leaving thousands "
        "without supplies as fighting moved closer."
    )
    assert "date" not in meta(text)


def test_numeric_dates_are_read_only_when_one_reading_is_possible() -> None:
    story = "\n\nMilitias burned homes in three villages and killed dozens of residents, officials said.\n"
    assert meta("25/11/2022" + story)["date"] == "2022-11-25"
    assert "date" not in meta("03/11/2022" + story)  # 3 November or March 11
    settled = (
        "03/11/2022\n\nPORT SUDAN, Nov. 3 (AFP) — Militias burned homes in three villages and "
        "killed dozens of residents, officials said.\n"
    )
    assert meta(settled)["date"] == "2022-11-03"


def test_bracketed_places_and_dated_datelines() -> None:
    ngo = (
        "(Mandalay) – Myanmar's military carried out airstrikes on a monastery sheltering "
        "displaced people, killing at least 20, a rights group said.\n"
    )
    assert values(ngo)["dateline"].value == "Mandalay"
    office = (
        "GENEVA (14 March 2023) - UN experts expressed alarm at reports of mass executions of "
        "detainees in eastern Ukraine and called for an investigation.\n"
    )
    m = meta(office)
    assert m["dateline"] == "GENEVA" and m["date"] == "2023-03-14"
    credited = (
        "Aden, 12 June 2019 (SABA): The ministry said a missile struck a market in the city, "
        "killing seven civilians and wounding twenty.\n"
    )
    m = meta(credited)
    assert (m["dateline"], m["date"], m["publisher"]) == ("Aden", "2019-06-12", "SABA")


def test_a_headline_with_a_dash_or_colon_is_no_dateline() -> None:
    text = (
        "Colombia – Armed Groups Recruit Children in Catatumbo\n\n"
        "Background: In 2019, armed groups expanded their presence along the Venezuelan border "
        "and recruited children from displaced families.\n"
    )
    assert "dateline" not in meta(text)


def test_mastheads_name_the_publisher() -> None:
    report = (
        "Skip to main content\n\nMyanmar: Airstrikes on Sagaing Villages\n\n"
        "Fortify Rights Report\n\nMilitary airstrikes killed civilians in three villages."
    )
    assert meta(report)["publisher"] == "Fortify Rights"
    office = (
        "Press briefing notes UN Refugee Agency\n\n"
        "Thousands have fled fighting in Tigray this week, our teams on the border report."
    )
    assert meta(office)["publisher"] == "United Nations High Commissioner for Refugees"
    outlet = (
        "Drone strike kills eight at wedding in Tigray\n\nAl Jazeera\n\n"
        "A drone strike killed eight people at a wedding, residents said."
    )
    m = meta(outlet)
    assert (m["publisher"], m["author"]) == ("Al Jazeera", "Al Jazeera")


def test_a_headline_naming_an_organisation_is_no_masthead() -> None:
    text = (
        "UNICEF says 40 children killed in Cabo Delgado attacks\n\n"
        "At least 40 children were killed in attacks in northern Mozambique, the UN "
        "children's agency said on Friday."
    )
    assert "publisher" not in meta(text)


def test_labelled_and_service_lines_name_the_publisher() -> None:
    reliefweb = (
        "Informing humanitarians worldwide 24/7 — a service provided by UN OCHA\n\n"
        "Flash Update: floods and fighting displace thousands in Jonglei."
    )
    assert meta(reliefweb)["publisher"] == "Office for the Coordination of Humanitarian Affairs"
    labelled = (
        "Yemen: Cholera and conflict update\n\nSources\nWorld Health Organization\n\n"
        "Cases rose again in Hodeidah as fighting continued."
    )
    assert meta(labelled)["publisher"] == "World Health Organization"


def test_a_copyright_line_names_the_publisher_and_a_photo_credit_does_not() -> None:
    text = (
        "Villagers describe the night the soldiers came.\n\n"
        "A mother mourns her son in Bucha. ©Olena Shevchuk, 2022\n\n"
        "© 2023 The Kyiv Independent. All rights reserved."
    )
    assert meta(text)["publisher"] == "The Kyiv Independent"
    unknown = "Reporting from Juba.\n\nCopyright 2021 Juba Evening Star"
    assert meta(unknown)["publisher"] == "Juba Evening Star"


def test_an_organisations_own_release_but_not_a_story_about_it() -> None:
    release = (
        "Sri Lanka: Justice still denied\n\n"
        "Families of the disappeared in Sri Lanka are still waiting for answers fifteen years "
        "on, Save the Children said today in a new briefing on the northern province."
    )
    m = meta(release)
    assert (m["publisher"], m["author"]) == ("Save the Children", "Save the Children")
    story = (
        "Families of the disappeared in Sri Lanka are still waiting for answers fifteen years "
        "on, Save the Children said on Friday in a new briefing on the northern province."
    )
    assert "publisher" not in meta(story)
    headline = "Families still wait for the disappeared, Save the Children says\n\nMore text."
    assert "publisher" not in meta(headline)


def test_an_outlet_speaking_of_itself_wrote_the_story() -> None:
    text = (
        "Survivors of the attack on the village near Bunia described gunmen arriving at dawn. "
        "One survivor told Reuters she hid in the forest for two days. Reuters could not "
        "independently verify the account."
    )
    m = meta(text)
    assert (m["publisher"], m["author"]) == ("Reuters", "Reuters")


def test_bylines_and_reported_statements_give_the_speaker() -> None:
    byline = (
        "Ceasefire collapses in Tigray\n\nBy Amina Yusuf - 3 April 2023 at 9:15 am\n\n"
        "Fighting resumed around Mekelle despite the truce, residents said."
    )
    m = meta(byline)
    assert (m["speaker"], m["date"]) == ("Amina Yusuf", "2023-04-03")
    assert "speaker" not in meta("By Tuesday, the death toll had risen to 50.\n\nMore.")
    act = (
        "Deputy Permanent Representative Ms. Ana Ruiz delivered a statement at the Security "
        "Council open debate on the protection of civilians in armed conflict."
    )
    assert meta(act)["speaker"] == "Ana Ruiz"
    titled = (
        "Comment by UN Human Rights Office spokesperson Marta Lindqvist on attacks in Rakhine\n\n"
        "We are deeply alarmed by reports of killings of civilians."
    )
    m = meta(titled)
    assert m["speaker"] == "Marta Lindqvist"
    assert m["speaker_title"] == "UN Human Rights Office spokesperson"


def test_a_un_press_release_symbol_names_the_meetings_coverage() -> None:
    text = "9301st Meeting (PM)\nSC/15290\n\nSpeakers Warn of Famine in Gaza\n\nText."
    assert meta(text)["publisher"] == "United Nations Meetings Coverage and Press Releases"


def test_a_labelled_partial_date_stays_as_precise_as_written() -> None:
    text = " date 2021-06 TRIPOLI — Armed groups clashed in the capital overnight, killing four civilians, the health ministry said."
    m = meta(text)
    assert m["date"] == "2021-06"
    assert m["dateline"] == "TRIPOLI"


def test_french_wire_story_and_publication_date() -> None:
    text = (
        "Le Burkina Faso rejette les accusations\n\n"
        "Publié le 3 mars 2024 à 14h05\n\n"
        "OUAGADOUGOU (AFP) - Le gouvernement a rejeté jeudi les accusations de l'ONG, qu'il "
        "juge infondées. Un habitant joint par l'AFP a raconté l'attaque.\n"
    )
    m = {k: v.value for k, v in values(text, "fr").items()}
    assert (m["date"], m["dateline"], m["publisher"]) == (
        "2024-03-03",
        "OUAGADOUGOU",
        "Agence France-Presse",
    )
    assert "date" not in meta_fr("Des civils ont été tués le 3 mars 2024 à Djibo, selon l'ONU.")


def meta_fr(text: str) -> dict[str, object]:
    return {k: v.value for k, v in values(text, "fr").items()}


def test_declared_html_metadata_beats_guesses_from_the_text() -> None:
    page = (
        b"<html><head><title>Gunmen kill 30 in Plateau</title>"
        b'<meta property="og:site_name" content="Plateau Daily Monitor">'
        b'<meta property="article:published_time" content="2023-05-17T08:00:00Z">'
        b'<meta name="author" content="By Musa Ibrahim"></head><body><article>'
        b"<h1>Gunmen kill 30 in Plateau</h1><p>JOS, Nigeria (AP) \xe2\x80\x94 Gunmen killed 30 "
        b"villagers in an overnight attack on three communities, residents said.</p>"
        b"</article></body></html>"
    )
    doc = read_document(page, "plateau.html")
    assert doc.meta_value("publisher") == "Plateau Daily Monitor"
    assert doc.meta_value("date") == "2023-05-17"
    assert doc.meta_value("author") == "Musa Ibrahim"
    assert doc.meta_value("dateline") == "JOS, Nigeria"


def test_every_page_value_records_its_rule_and_span() -> None:
    text = (
        "Published on 9 May 2024\n\nKHARKIV (Reuters) - Russian missiles hit a printing house, "
        "killing seven workers, regional officials said."
    )
    for name, v in values(text).items():
        assert v.origin == "inferred"
        assert re.fullmatch(r"meta\.[a-z.-]+@\d+", v.producer), (name, v.producer)
        assert v.start is not None and v.end is not None and v.start < v.end, name


# --- Known sources (data/sources.toml) ---------------------------------------------------


def test_known_sources_are_found_with_case_on_word_boundaries_longest_first() -> None:
    text = "WHO said; who knows. The UN Human Rights Office and UNICEF’s teams; UNHCRs; B’Tselem."
    found = [(text[s:e], k.name, k.kind) for s, e, k in find_known(text)]
    assert found == [
        ("WHO", "World Health Organization", "un"),
        (
            "UN Human Rights Office",
            "Office of the United Nations High Commissioner for Human Rights",
            "un",
        ),
        ("UNICEF", "United Nations Children's Fund", "un"),  # "UNICEF’s", not "UNHCRs"
        ("B’Tselem", "B'Tselem", "ngo"),
    ]


def test_known_source_entries_and_lookup() -> None:
    ap = lookup("The Associated Press")
    assert ap is not None and (ap.name, ap.kind, ap.country, ap.wire) == (
        "Associated Press",
        "outlet",
        "USA",
        True,
    )
    assert lookup("Rapid Support Forces") is None  # "RSF" is left out: it names both
    kinds = {k.kind for k in known_sources()}
    assert kinds <= {"un", "ngo", "outlet", "state"}
    assert len({k.name for k in known_sources()}) == len(known_sources())


def test_only_the_storys_opening_line_may_have_a_bare_title_case_dateline() -> None:
    text = (
        "Shelling resumes near Kadugli\n\n"
        "Fighting between the army and the rebels resumed on Sunday, residents said, and "
        "families fled towards the hills.\n\n"
        "In Darfur — where the war began — the situation is no better, aid groups said on Monday."
    )
    assert "dateline" not in meta(text)


def test_a_byline_name_stops_at_the_end_of_its_line() -> None:
    text = (
        "Gunmen kill villagers in Benue\n\nBy AMINU ABUBAKAR\nAssociated Press\n"
        "MAKURDI, Nigeria (AP) — Gunmen killed at least 15 villagers in an overnight raid on a "
        "farming community, police said on Sunday."
    )
    m = meta(text)
    assert (m["speaker"], m["dateline"], m["publisher"]) == (
        "AMINU ABUBAKAR",
        "MAKURDI, Nigeria",
        "Associated Press",
    )
