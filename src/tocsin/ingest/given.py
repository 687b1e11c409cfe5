"""Metadata the user gives (command-line flags, sidecar JSON), checked before anything is stored."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from tocsin import countries
from tocsin.errors import RejectedInput
from tocsin.types import META_FIELDS, MetaValue

SIDECAR_SUFFIX = ".meta.json"


def _check(field: str, value: Any, producer: str, entities: str | None) -> MetaValue:
    if field not in META_FIELDS:
        raise RejectedInput(
            f"{producer}: unknown metadata field {field!r} (known: {', '.join(META_FIELDS)})"
        )
    if field == "cites":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RejectedInput(f"{producer}: 'cites' must be a list of document symbols")
        return MetaValue(value, "given", producer)
    if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
        raise RejectedInput(f"{producer}: {field!r} must be a non-empty string")
    text = str(value).strip()
    if field == "date":
        try:
            text = date.fromisoformat(text).isoformat()
        except ValueError:
            raise RejectedInput(f"{producer}: date {text!r} is not YYYY-MM-DD") from None
    if field == "speaker_country":
        code = text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None
        known = set(countries.index("en", entities).values())
        if code not in known:
            code = countries.resolve(text, "en", entities)
        if code is None:
            raise RejectedInput(
                f"{producer}: unknown country {text!r}: give an ISO 3166-1 alpha-3 code or add it "
                "to an entities file (--entities)"
            )
        text = code
    return MetaValue(text, "given", producer)


def from_mapping(
    data: dict[str, Any], producer: str, entities: str | None = None
) -> dict[str, MetaValue]:
    return {k: _check(k, v, producer, entities) for k, v in data.items() if v is not None}


def sidecar_for(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path, entities: str | None = None) -> dict[str, MetaValue]:
    """Metadata from ``FILE.meta.json`` beside FILE, or from a file named with --meta."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RejectedInput(f"metadata file {path.name}: {exc}") from None
    if not isinstance(data, dict):
        raise RejectedInput(f"metadata file {path.name}: expected a JSON object")
    return from_mapping(data, f"sidecar:{path.name}", entities)
