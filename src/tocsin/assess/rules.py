"""Alert rules: read from YAML, checked field by field, refused with a line that says where.

The defaults are assess/alerts.yaml; a desk copies and edits it. A rule file with a typo must
not silently watch nothing, so every key is known, every id and event type exists, and every
number is in range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tocsin import framework
from tocsin.errors import TocsinError
from tocsin.extract import taxonomy

DEFAULT = Path(__file__).parent / "alerts.yaml"
KINDS = ("first_evidence", "escalation", "new_incident")
SEVERITIES = ("low", "medium", "high", "critical")
LEVELS = ("country", "admin1")
MEASURES = ("incidents", "claims", "people")
_COMMON = {"name", "kind", "severity", "level", "caveat", "description"}
_KEYS = {
    "first_evidence": _COMMON | {"risk_factors", "indicators"},
    "escalation": _COMMON | {"events", "measure", "baseline_months", "factor", "minimum"},
    "new_incident": _COMMON | {"events"},
}
_DEFAULT_CAVEAT = {
    "first_evidence": "First evidence may rest on one party's word; check who says it.",
    "escalation": "A rise in reports can mean more reporting rather than more violence.",
    "new_incident": "First reports are often revised; treat details as provisional.",
}


class RulesError(TocsinError):
    """An alert rules file that cannot be used, with where and why."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    severity: str
    level: str
    caveat: str
    indicators: tuple[str, ...] = ()  # first_evidence: the indicators watched
    events: tuple[str, ...] = ()  # escalation, new_incident
    measure: str = "incidents"
    baseline_months: int = 6
    factor: float = 2.0
    minimum: int = 3


@dataclass(frozen=True)
class OneParty:
    """The tier rule for evidence from one party to a conflict alone (one state or armed
    group, no one else): an alert resting on it is raised at most at `max_severity`, with
    `caveat` before the rule's own. A file without the section gets these defaults."""

    max_severity: str = "medium"
    caveat: str = (
        "All of this evidence comes from one party to the conflict and no one else; a "
        "party's account of its adversary is a claim, not a finding."
    )


@dataclass(frozen=True)
class Rules:
    version: int
    rules: tuple[Rule, ...]
    origin: str  # the file they came from
    one_party: OneParty = OneParty()

    @property
    def producer(self) -> str:
        return f"rules:{Path(self.origin).name}@{self.version}"


def load(path: str | Path | None = None) -> Rules:
    where = Path(path) if path else DEFAULT
    try:
        text = where.read_text(encoding="utf-8")
    except OSError as e:
        raise RulesError(f"{where}: cannot read the alert rules ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise RulesError(f"{where}: not UTF-8 text") from e
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{where}: not valid YAML{at}: {getattr(e, 'problem', e)}") from e
    return parse(data, str(where))


def parse(data: Any, origin: str) -> Rules:
    def fail(msg: str) -> RulesError:
        return RulesError(f"{origin}: {msg}")

    if not isinstance(data, dict):
        raise fail("expected a mapping with `version` and `rules`")
    extra = set(data) - {"version", "rules", "one_party"}
    if extra:
        raise fail(
            f"unknown top-level key {sorted(extra)[0]!r} (expected version, rules, one_party)"
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail("`version` must be a whole number ≥ 1 (raise it whenever the rules change)")
    items = data.get("rules")
    if not isinstance(items, list) or not items:
        raise fail("`rules` must be a non-empty list")
    rules = [_rule(item, i, fail) for i, item in enumerate(items)]
    seen: set[str] = set()
    for r in rules:
        if r.name in seen:
            raise fail(f"rule name {r.name!r} is used twice; names must be unique")
        seen.add(r.name)
    return Rules(version, tuple(rules), origin, _one_party(data.get("one_party", {}), fail))


def _one_party(item: Any, fail: Any) -> OneParty:
    if not isinstance(item, dict):
        raise fail("`one_party` must be a mapping with `max_severity` and `caveat`")
    extra = set(item) - {"max_severity", "caveat"}
    if extra:
        raise fail(f"one_party: unknown key {sorted(extra)[0]!r} (allowed: caveat, max_severity)")
    default = OneParty()
    severity = item.get("max_severity", default.max_severity)
    if severity not in SEVERITIES:
        raise fail(
            f"one_party: `max_severity` must be one of {', '.join(SEVERITIES)}, not {severity!r}"
        )
    caveat = item.get("caveat", default.caveat)
    if not isinstance(caveat, str) or not caveat.strip():
        raise fail("one_party: `caveat` must be text")
    return OneParty(str(severity), " ".join(caveat.split()))


def _rule(item: Any, i: int, fail: Any) -> Rule:
    if not isinstance(item, dict):
        raise fail(f"rules[{i}] must be a mapping")
    name = item.get("name")
    where = f"rules[{i}]" + (f" ({name})" if isinstance(name, str) else "")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise fail(f"{where}: `name` must be lower-case letters, digits and dashes")
    kind = item.get("kind")
    if kind not in KINDS:
        raise fail(f"{where}: `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
    extra = set(item) - _KEYS[kind]
    if extra:
        allowed = ", ".join(sorted(_KEYS[kind]))
        raise fail(f"{where}: unknown key {sorted(extra)[0]!r} for {kind} (allowed: {allowed})")

    def choice(key: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = item.get(key, default)
        if value not in options:
            raise fail(f"{where}: `{key}` must be one of {', '.join(options)}, not {value!r}")
        return str(value)

    def number(key: str, default: float, low: float, high: float, whole: bool) -> float:
        value = item.get(key, default)
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or (whole and not isinstance(value, int)) or not low <= value <= high:
            kind_of = "a whole number" if whole else "a number"
            raise fail(
                f"{where}: `{key}` must be {kind_of} from {low:g} to {high:g}, not {value!r}"
            )
        return float(value)

    def ids(key: str, known: set[str], what: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{where}: `{key}` must be a list of {what}")
        unknown = [v for v in value if v not in known]
        if unknown:
            raise fail(f"{where}: unknown {what} {unknown[0]!r} in `{key}`")
        return tuple(value)

    caveat = item.get("caveat", _DEFAULT_CAVEAT[kind])
    if not isinstance(caveat, str) or not caveat.strip():
        raise fail(f"{where}: `caveat` must be text")
    common = {
        "name": name,
        "kind": kind,
        "severity": choice("severity", SEVERITIES),
        "level": choice("level", LEVELS, "country"),
        "caveat": " ".join(caveat.split()),
    }
    fw = framework.load()
    if kind == "first_evidence":
        factors = ids("risk_factors", set(fw.risk_factors), "risk factor")
        indicators = ids("indicators", set(fw.indicators), "indicator")
        watched = [i.id for rf in factors for i in fw.risk_factors[rf].indicators]
        watched += [i for i in indicators if i not in watched]
        if not watched:
            raise fail(f"{where}: give `risk_factors` or `indicators` to watch")
        return Rule(**common, indicators=tuple(watched))
    events = ids("events", set(taxonomy.load().events), "event type")
    if not events:
        raise fail(f"{where}: give the `events` to watch")
    if kind == "new_incident":
        return Rule(**common, events=events)
    return Rule(
        **common,
        events=events,
        measure=choice("measure", MEASURES, "incidents"),
        baseline_months=int(number("baseline_months", 6, 1, 120, True)),
        factor=number("factor", 2.0, 1.0, 1000.0, False),
        minimum=int(number("minimum", 3, 1, 1_000_000, True)),
    )
