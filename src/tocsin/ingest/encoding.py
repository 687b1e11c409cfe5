"""Decode raw bytes to text without crashing and without guessing wildly.

Order of evidence: a byte-order mark; strict UTF-8; the NUL pattern of BOM-less UTF-16;
a declared charset (HTML meta); Windows-1252, then Latin-1. Bytes that decode to mostly
control characters are refused as binary rather than stored as mojibake.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from tocsin.errors import RejectedInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of characters that may be control/unassigned before a text is judged binary.
MAX_CONTROL_SHARE = 0.02


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, (0 if name == "utf-8-sig" else len(bom))
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-ASCII UTF-16 has a NUL in every other byte; which half tells the byte order."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


_NON_LATIN = frozenset(
    [
        "Cyrillic",
        "Arabic",
        "Hebrew",
        "Greek",
        "CJK",
        "Hiragana",
        "Katakana",
        "Hangul",
        "Thai",
        "Devanagari",
        "Armenian",
        "Georgian",
        "Bopomofo",
        "Syriac",
        "Thaana",
        "Bengali",
        "Tamil",
        "Ethiopic",
        "Khmer",
        "Lao",
        "Myanmar",
    ]
)


def _legacy_non_latin(data: bytes) -> str | None:
    """A legacy code page for Cyrillic, Arabic, CJK... text (cp1251, cp1256, gb18030).

    Statistical guesses are unreliable between Latin code pages, so a guess is only
    taken when it reads the bytes as a non-Latin script; Latin text falls to cp1252.
    """
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported lazily: only legacy bytes need it

    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    non_latin = any(a.split()[0] in _NON_LATIN for a in best.alphabets)
    return str(best.encoding) if non_latin else None


def control_share(text: str) -> float:
    """Share of characters that no human text contains: C0/C1 controls, unassigned, NUL."""
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        if ch in "\n\r\t\f":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Cs", "Co"):
            bad += 1
    return bad / len(text)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raise RejectedInput for bytes that are not text."""
    candidates: list[str] = []
    bom = _bom(data)
    if bom is not None:
        name, skip = bom
        data = data[skip:]
        candidates.append(name)
    else:
        candidates.append("utf-8")
        utf16 = _utf16_without_bom(data)
        if utf16:
            candidates.insert(0, utf16)
        if declared:
            with contextlib.suppress(LookupError):
                candidates.append(codecs.lookup(declared).name)
        guess = _legacy_non_latin(data)
        if guess:
            candidates.append(guess)
        candidates += ["cp1252", "latin-1"]
    for name in dict.fromkeys(candidates):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        share = control_share(text[:200_000])
        if share > MAX_CONTROL_SHARE:
            raise RejectedInput(
                f"not text: {share:.0%} of characters are control codes (binary file?)"
            )
        return text, name.replace("-sig", "")
    raise RejectedInput("cannot decode as UTF-8, UTF-16, Windows-1252 or Latin-1")
