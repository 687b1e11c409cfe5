"""Which language a document is in, whether or not it has a pack; a language without one is
stored under its own code, with a warning, and never read with another language's pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin import extract, lang, read_document

from .conftest import Run, docs_json

# A language Tocsin has no pack for (the six UN languages all have one).
PORTUGUESE = (
    "Os insurgentes atacaram a aldeia durante a noite e queimaram as casas dos "
    "camponeses, segundo a polícia da província.\n\n"
    "O exército negou as acusações e disse que as suas tropas não estavam na zona.\n"
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The militia burned the village and the families fled to the hills.", "en"),
        ("Les miliciens ont incendié le village et les familles se sont enfuies.", "fr"),
        ("Los milicianos incendiaron el pueblo y las familias huyeron a los cerros.", "es"),
        ("Os milicianos incendiaram a aldeia e as famílias fugiram para as colinas.", "pt"),
        ("Die Miliz brannte das Dorf nieder und die Familien flohen in die Berge.", "de"),
        ("I miliziani hanno incendiato il villaggio e le famiglie sono fuggite.", "it"),
        ("Боевики сожгли деревню, и семьи бежали в горы.", "ru"),
        ("أحرق المسلحون القرية وفرت العائلات إلى التلال في الليل.", "ar"),
        ("武装分子烧毁了村庄，家庭逃往山区。", "zh"),
        ("武装勢力が村を焼き、家族は山へ逃げた。", "ja"),
        ("무장 세력이 마을을 불태웠고 가족들은 산으로 피신했다.", "ko"),
    ],
)
def test_the_script_then_function_words_name_the_language(text: str, code: str) -> None:
    assert lang.detect(text) == code


def test_spanish_is_not_french_even_with_shared_words() -> None:
    # "de", "la", "que", "en" are French too; "el", "los", "y", "del" are not
    text = "La misión de la ONU dijo que el ataque contra los desplazados en la provincia de Ituri fue grave."
    assert lang.identify(text) == ("es", "words:es")


def test_a_text_without_letters_falls_back_to_the_default() -> None:
    assert lang.detect("2024-03-01 12:00 | 45 / 67") == lang.DEFAULT
    assert lang.identify("")[1] == "default"


def test_packs_and_the_identification_data_are_apart() -> None:
    assert "identify" not in lang.available()
    assert lang.has_pack("en") and lang.has_pack("fr") and not lang.has_pack("pt")
    assert all(lang.has_pack(code) for code in ("es", "ru", "ar", "zh"))
    assert lang.no_pack_note("pt") == "no claims extracted: no language pack for pt"
    assert lang.no_pack_note("fr") is None


def test_a_document_without_a_pack_is_stored_under_its_code_with_a_warning() -> None:
    doc = read_document(PORTUGUESE.encode(), "relatorio.txt")
    assert doc.language == "pt"
    assert "no claims extracted: no language pack for pt" in doc.warnings
    assert len(doc.sentences()) == 2  # segmented with the generic rules
    assert extract(PORTUGUESE) == []  # never read with the English or French lexicons


def test_text_in_a_script_without_spaces_is_segmented_without_error() -> None:
    text = "联合国表示，武装团体袭击了难民营。至少十人死亡！\n\n救援人员无法进入该地区。"
    doc = read_document(text.encode(), "zh.txt")
    assert doc.language == "zh"
    assert doc.paragraphs() and doc.sentences()


def test_ingest_and_docs_say_why_there_are_no_claims(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "relatorio.txt"
    f.write_text(PORTUGUESE, encoding="utf-8")
    result = run("ingest", str(f))
    assert result.exit_code == 0, result.output
    assert "no claims extracted: no language pack for pt" in result.output
    assert result.output.count("no language pack for pt") == 1  # said once, not twice
    [doc] = docs_json(run)
    assert doc["language"] == "pt"
    assert doc["warnings"] == ["no claims extracted: no language pack for pt"]
    table = run("docs")
    assert "no claims extracted: no language pack for pt" in " ".join(table.stdout.split())
    again = run("extract")
    assert again.exit_code == 0, again.output
    assert "no language pack for pt" in again.output
    claims = run("claims", "--format", "json")
    assert claims.exit_code == 0 and claims.stdout.strip() == "[]"


def test_ingest_json_carries_the_language_and_the_note(run: Run, tmp_path: Path) -> None:
    import json

    f = tmp_path / "relatorio.txt"
    f.write_text(PORTUGUESE, encoding="utf-8")
    result = run("ingest", "--format", "json", str(f))
    [row] = json.loads(result.stdout)
    assert row["language"] == "pt"
    assert row["claims"] == 0
    assert row["note"] == "no claims extracted: no language pack for pt"
