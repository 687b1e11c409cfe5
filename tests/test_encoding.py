from __future__ import annotations

import codecs

import pytest

from tocsin.errors import RejectedInput
from tocsin.ingest.encoding import decode

SAMPLE = "Le Conseil de sécurité a réaffirmé « l’intégrité territoriale » — 5 € à Genève."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_common_encodings(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text == SAMPLE
    assert found == encoding


def test_latin1_without_cp1252_specials_reads_the_same() -> None:
    text, _ = decode("Naïve café in Zürich, señor.".encode("latin-1"))
    assert text == "Naïve café in Zürich, señor."


def test_declared_charset_is_used_for_non_latin_legacy_text() -> None:
    russian = "Совет Безопасности вновь подтвердил территориальную целостность государств."
    text, found = decode(russian.encode("cp1251"), declared="windows-1251")
    assert text == russian
    assert found == "cp1251"


def test_undeclared_cyrillic_code_page_is_recognised() -> None:
    russian = (
        "Совет Безопасности вновь подтвердил территориальную целостность и суверенитет "
        "государств и призвал стороны немедленно прекратить огонь и обеспечить доступ "
        "гуманитарной помощи к мирному населению."
    )
    text, _ = decode(russian.encode("cp1251"))
    assert text == russian


def test_binary_garbage_is_refused() -> None:
    garbage = bytes(range(256)) * 40
    with pytest.raises(RejectedInput, match="not text"):
        decode(garbage)
