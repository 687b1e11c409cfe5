"""Domain types shared by every stage. Plain, typed, immutable; no I/O here."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, get_args

Origin = Literal["given", "inferred"]
SegmentKind = Literal["paragraph", "sentence"]
Stance = Literal["asserts", "accuses", "denies", "calls_for", "reports"]
STANCES: tuple[Stance, ...] = get_args(Stance)
# An incident's status: whether it happened, as its sources say. "contested": a source denies
# it. Figures that cannot all hold are not a denial: Incident.disputed_by says so apart.
Status = Literal["single-source", "repeated", "corroborated", "contested"]
STATUSES: tuple[Status, ...] = get_args(Status)

#: Metadata fields a document can carry, in the order they are shown.
META_FIELDS: tuple[str, ...] = (
    "speaker",
    "speaker_title",
    "speaker_country",
    "speaker_org",
    "publisher",
    "date",
    "title",
    "body",
    "meeting",
    "agenda_item",
    "agenda_title",
    "cites",
)


@dataclass(frozen=True, slots=True)
class Page:
    """A page of a paginated original: its number and its span in the extracted text."""

    number: int  # 1-based physical page
    start: int
    end: int
    label: str | None = None  # printed page label where the PDF declares one


def page_number(pages: tuple[Page, ...], offset: int) -> int | None:
    """The page holding `offset`: the last page starting at or before it (a page break
    between two pages counts with the page before it). None for unpaginated text."""
    if not pages:
        return None
    return pages[max(0, bisect_right([p.start for p in pages], offset) - 1)].number


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or sentence, as half-open character offsets into `Document.text`."""

    kind: SegmentKind
    index: int
    start: int
    end: int
    page: int | None = None  # page the segment starts on, for paginated originals
    paragraph: int | None = None  # for sentences: index of the enclosing paragraph


@dataclass(frozen=True, slots=True)
class MetaValue:
    """One metadata field, with where it came from."""

    value: str | list[str]
    origin: Origin
    producer: str  # rule or input that set it, with version: "meta.header@1", "cli"
    start: int | None = None  # evidence span in the text, for inferred values
    end: int | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader makes of raw bytes: text, optional pages, and how it got there."""

    text: str
    reader: str  # "pdf@1"
    media_type: str
    encoding: str | None = None
    pages: tuple[Page, ...] = ()
    warnings: tuple[str, ...] = ()
    hints: dict[str, str] = field(default_factory=dict)  # metadata the format itself declares


@dataclass(frozen=True, slots=True)
class Document:
    """A faithful, content-addressed document: the stage every later one reads."""

    sha256: str  # of the original bytes
    filename: str
    size: int
    media_type: str
    reader: str
    encoding: str | None
    language: str
    text: str
    pages: tuple[Page, ...]
    segments: tuple[Segment, ...]
    meta: dict[str, MetaValue] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def page_at(self, offset: int) -> int | None:
        """The page on which a character offset falls (None for unpaginated originals)."""
        return page_number(self.pages, offset)

    def sentences(self) -> list[Segment]:
        return [s for s in self.segments if s.kind == "sentence"]

    def paragraphs(self) -> list[Segment]:
        return [s for s in self.segments if s.kind == "paragraph"]

    def meta_value(self, name: str) -> str | list[str] | None:
        mv = self.meta.get(name)
        return None if mv is None else mv.value


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document without its text: what listings show."""

    sha256: str
    filename: str
    media_type: str
    reader: str
    language: str
    size: int
    n_pages: int
    n_segments: int
    ingested_at: str
    meta: dict[str, MetaValue] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


Qualifier = Literal[
    "exact", "about", "more_than", "at_least", "almost", "between", "vague", "unquantified"
]


@dataclass(frozen=True, slots=True)
class Count:
    """How many, as the source says it: a value and qualifier, or the range a phrase implies."""

    value: int | None
    qualifier: Qualifier
    low: int | None = None
    high: int | None = None
    unit: str | None = None  # None: people; else "buildings", "settlements", "mines"...
    start: int | None = None  # span of the count phrase in the document text
    end: int | None = None
    noun: str | None = None  # the counted noun as written ("civilians")


@dataclass(frozen=True, slots=True)
class SubCount:
    count: Count
    victims: str | None


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # as written
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None  # "geonames:587084", "iso3166:AZE"
    admin1: str | None = None


SourceKind = Literal["state", "un", "ngo", "outlet", "person", "group"]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a claim: named in the text ("X said", "according to X") or, failing that,
    the document's author or publisher. Independence of sources is judged on this."""

    name: str
    kind: str  # one of SOURCE_KINDS
    country: str | None = None  # ISO 3166-1 alpha-3, for a state (or the state an organ serves)
    start: int | None = None  # span of the attribution in the document text; None: the document's
    end: int | None = None
    relayed_by: str | None = None  # "Reuters reported that the ministry said": Reuters
    origin: str = "text"  # "text" (attributed in the sentence) | "document" (author, publisher)
    affiliation: str | None = None  # the organisation a person speaks for ("OHCHR")
    # named by no name ("officials", "witnesses"): `relayed_by` vouches for it
    anonymous: bool = False

    @property
    def key(self) -> str:
        """One source for independence: a state is its country; others their folded name."""
        if self.kind == "state" and self.country:
            return f"state:{self.country}"
        return f"{self.kind}:{' '.join(self.name.casefold().split())}"


@dataclass(frozen=True, slots=True)
class Claim:
    """SOURCE says X: one claim, traced to its span, never upgraded to a fact."""

    id: str
    doc_sha256: str
    sentence: int
    start: int
    end: int
    quote: str
    event: str
    stance: str  # asserts | accuses | denies | calls_for | reports
    count: Count | None = None
    includes: tuple[SubCount, ...] = ()
    victims: str | None = None
    victim_group: str | None = None
    outcome: str | None = None  # killed | injured | killed_or_injured
    when_from: str | None = None
    when_to: str | None = None
    places: tuple[Place, ...] = ()
    accused: tuple[str, ...] = ()  # ISO codes (or names) of those the claim blames
    claimed_by: tuple[str, ...] = ()  # for denials: whose allegation is rejected
    denies: str | None = None  # for denials: the allegation, as written
    other_events: tuple[str, ...] = ()  # further event types triggered in the same clause
    source: Source | None = None  # who says it (see Source); None only for old stored claims
    speaker: str | None = None
    speaker_country: str | None = None
    doc_date: str | None = None
    risk_indicators: tuple[str, ...] = ()
    matched: tuple[tuple[int, int, str], ...] = ()  # (start, end, what) spans behind the fields
    produced_by: dict[str, str] = field(default_factory=dict)
