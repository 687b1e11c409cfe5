"""Normalisation every reader applies, so offsets mean the same thing whatever the format."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that break matching but carry no meaning in running text.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_TRAILING_WS = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_MANY_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, Unix line ends, no invisible or control characters, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = _TRAILING_WS.sub("", text)
    text = _MANY_BLANKS.sub("\n\n", text)
    return text.strip("\n ")
