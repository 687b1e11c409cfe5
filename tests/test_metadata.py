from __future__ import annotations

import json
from pathlib import Path

import pytest

from tocsin import read_document
from tocsin.ingest.citations import cited_symbols, normalise_symbol
from tocsin.ingest.metadata import infer
from tocsin.lang import load

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
