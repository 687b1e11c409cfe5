"""The mechanisms scripts need, added once for every pack that declares them (lang/script.py):
folded letters and digits, words set apart where a script writes none, clitics, sentence
ends without spaces, and a word search that works in every script."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tocsin import lang
from tocsin.ingest.segment import sentences
from tocsin.lang import script
from tocsin.lang.script import Script, search_keys

# Packs written for these tests only, in a folder of their own: a Chinese-like pack that
# reads its text through a segmenter, and an Arabic-like one with clitics and folds.
UNSPACED = """
code = "xz"
name = "unspaced test"
version = 1
[segment]
terminators = "。！？"
[script]
segmenter = "jieba"
cased = false
words = ["加沙地带"]
split = ["万人"]
"""
CLITICS = """
code = "xa"
name = "clitics test"
version = 1
[script]
cased = false
fold = { "أ" = "ا", "إ" = "ا", "آ" = "ا" }
clitics = ["و", "ب", "ال", "وال", "بال"]
"""


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "xz.toml").write_text(UNSPACED, encoding="utf-8")
    (tmp_path / "xa.toml").write_text(CLITICS, encoding="utf-8")
    monkeypatch.setenv("TOCSIN_LANG_PATH", str(tmp_path))
    lang.available.cache_clear()
    yield
    for cached in (lang.available, lang.load, lang.pack_for, script._clitics_by_letter):
        cached.cache_clear()


def test_a_segmenter_sets_words_apart_and_offsets_come_back(packs: None) -> None:
    text = "军队袭击加沙地带已造成10022人死亡，超过2.5万人受伤。"
    seen = script.view(text, lang.load("xz"))
    assert "加沙地带" in seen.text.split()  # the pack's word is kept whole
    assert "万 人" in seen.text  # ...and its split word cut
    assert re.search(r"\b10022\b", seen.text)  # word boundaries work in the view
    for pos in range(len(text) + 1):
        assert seen.original(seen.at(pos)) == pos
    start = seen.text.index("10022")
    assert text[seen.original(start) : seen.original(start + 5)] == "10022"


def test_names_read_from_the_view_lose_the_spaces_put_in(packs: None) -> None:
    assert script.unspace("加沙 地带") == "加沙地带"
    assert script.unspace("Gaza City") == "Gaza City"  # spaces between other letters stay


def test_digits_of_every_script_and_letter_variants_are_folded_in_place(packs: None) -> None:
    pack = lang.load("xa")
    text = "قتل ٢٥ شخصا في إدلب و٣٠٠ آخرين"
    folded = script.fold(text, pack)
    assert len(folded) == len(text)
    assert "25" in folded and "300" in folded and "ادلب" in folded
    # every pack reads other scripts' digits, none of its letters changed
    assert script.fold("１２ people", lang.load("en")) == "12 people"


def test_a_word_is_found_after_a_clitic_and_the_match_is_the_word() -> None:
    writing = Script(clitics=("و", "ال", "وال", "ب"), suffixes=("ها", "ه"))
    pattern = re.compile(writing.bounded("قتل|مدنيين"))
    found = [m.group(0) for m in pattern.finditer("وقتل المدنيين بقتلها مقتل")]
    assert found == ["قتل", "مدنيين", "قتل"]  # not inside "مقتل"
    assert writing.bare("والمدنيين") == ["والمدنيين", "المدنيين", "مدنيين"]


def test_full_width_sentence_ends_need_no_space(packs: None) -> None:
    text = "三人死亡。五人受伤！他们说？"
    spans = sentences(text, 0, len(text), lang.load("xz"))
    assert [text[s:e] for s, e in spans] == ["三人死亡。", "五人受伤！", "他们说？"]


def test_a_script_without_capitals_finds_countries_by_looking_words_up(packs: None) -> None:
    from tocsin import countries

    found = countries.find("وقتل 20 شخصا في سوريا وبالعراق", "ar")
    assert {m.code for m in found} >= {"SYR", "IRQ"}


def test_word_search_works_in_every_script(packs: None) -> None:
    text = (
        "以色列军队袭击加沙地带造成人员死亡. وقتل المدنيين. Civilians KILLED. Убиты мирные жители."
    )

    def finds(query: str) -> bool:
        return search_keys(query, query=True) <= search_keys(text)

    assert finds("死亡") and finds("加沙地带") and finds("死")  # characters, no spaces needed
    assert finds("军队 死亡") and not finds("军队死亡")  # two words; not a phrase the text lacks
    assert finds("قتل")  # "وقتل": found without its clitic
    assert finds("killed") and finds("убиты")
    assert not finds("injured")


def test_a_verb_of_saying_right_after_the_clause_has_its_speaker_after_it() -> None:
    """Inverted attribution ("..., said the ministry") in every language that writes it."""
    from tocsin.extract import extract

    cases = [
        ("At least 12 villagers were killed in the raid, said the provincial governor.", "en"),
        (
            "Al menos 12 aldeanos murieron en el ataque, dijeron las autoridades locales.",
            "es",
        ),
        (
            "Не менее 12 жителей деревни погибли при нападении, сообщили местные власти.",
            "ru",
        ),
    ]
    for text, code in cases:
        [claim] = [c for c in extract(text, {"date": "2024-03-01"}, language=code)]
        assert claim.source is not None and claim.source.origin == "text", text
        said = text[claim.source.start or 0 : claim.source.end or 0]
        assert said.split()[-1] in {"governor", "locales", "власти"}, said
    # an apposition before the verb keeps the speaker before it
    [claim] = extract(
        "Maria Lopez, the UN envoy, told reporters that 30 civilians were killed in Beni.",
        {"date": "2024-03-01"},
    )
    assert claim.source is not None and claim.source.name.startswith("Maria Lopez")


def test_an_inflected_place_name_is_found_in_its_dictionary_form() -> None:
    from tocsin.extract import extract

    [claim] = extract(
        "В Харькове погибли пять мирных жителей, сообщили местные власти.",
        {"date": "2024-03-01"},
        language="ru",
    )
    names = [p.name for p in claim.places]
    assert names[0] == "Харьков" and claim.places[0].country == "UKR"


def test_a_contracted_clitic_and_a_country_name_that_is_also_a_word() -> None:
    """ "للسودان" is "ل" + "السودان" (the pack's contractions); "مالي" is Mali only after a
    place or institution word (the pack's [countries] word_too), else "financial"."""
    from tocsin import countries

    found = countries.find("قدمت الدول دعم مالي للسودان، وقتل 20 مدنيا في مالي", "ar")
    assert [(m.code, m.name) for m in found] == [("SDN", "للسودان"), ("MLI", "مالي")]
    assert Script(clitics=("لل",), contractions=(("لل", "ال"),)).bare("للسودان")[1:] == [
        "السودان",
        "سودان",
    ]
