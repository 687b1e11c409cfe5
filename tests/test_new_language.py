"""Adding a language is data only: a small pack in a folder of its own, named by
TOCSIN_LANG_PATH, and claims come out of text in that language with no code change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tocsin import lang
from tocsin.extract import extract

# Portuguese, which Tocsin does not ship: only the sections this test needs; a pack leaves
# out what its language does not use and those rules simply find nothing.
PACK = r"""
code = "pt"
name = "Português"
version = 1
iso_locale = "pt"
stopwords = ["o", "a", "os", "as", "de", "do", "da", "em", "no", "na", "que", "e", "foram"]

[segment]
terminators = ".!?"

[dates]
patterns = ['{day}\s+de\s+{month}\s+de\s+{year}']

[dates.months]
janeiro = 1
maio = 5

[numbers]
units = { dois = 2, "três" = 3, dez = 10 }
multipliers = { mil = 1000 }
decimal_point = ","
group_separators = ["."]

[quantities]
qualifiers = [["pelo menos", "at_least"], ["mais de", "more_than"]]
vague = [["centenas de", 100, 999]]

[units]
people = ["pessoas", "civis", "crianças", "moradores"]

[victims]
civilians = ["civis", "moradores"]
children = ["crianças"]

[events]
killing = ['mort[oa]s?', 'assassinad[oa]s?']
displacement = ['deslocad[oa]s', 'fugiram']

[modality]
negation = '\b(?:não|nenhum)\b'

[attribution]
verbs = '\b(?:disse|afirmou|denunciou)\b'
strip_lead = '^(?:a|o)\s+'
"""


@pytest.fixture
def portuguese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "pt.toml").write_text(PACK, encoding="utf-8")
    monkeypatch.setenv("TOCSIN_LANG_PATH", str(tmp_path))
    lang.available.cache_clear()
    yield
    lang.available.cache_clear()
    lang.load.cache_clear()
    lang.pack_for.cache_clear()


def test_a_pack_in_a_folder_of_its_own_reads_its_language(portuguese: None) -> None:
    assert lang.has_pack("pt")
    claims = extract(
        "Pelo menos 40 civis foram mortos na aldeia, disse a ONU. Mais de 2.000 moradores fugiram.",
        {"date": "2024-05-03"},
        language="pt",
    )
    by_event = {c.event: c for c in claims}
    killed = by_event["killing"]
    assert (killed.count.value, killed.count.qualifier) == (40, "at_least")  # type: ignore[union-attr]
    assert killed.victims == "civilians"
    assert killed.source is not None and killed.source.kind == "un"
    assert killed.produced_by["event"].startswith("lexicon.pt@1")  # provenance: the pack
    fled = by_event["displacement"]
    assert (fled.count.value, fled.count.qualifier) == (2000, "more_than")  # type: ignore[union-attr]


def test_a_negated_event_in_the_new_language_is_no_claim(portuguese: None) -> None:
    assert extract("Nenhum civil foi morto.", {}, language="pt") == []
