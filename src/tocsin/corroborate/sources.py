"""Who a claim's evidence comes from: decided here, once, for every surface (incidents'
independent sources and deniers, the risk matrix's source counts, alerts, the desk's
"who says it", exports and reports).

A claim carries its own source (`Claim.source`: named in the sentence, or the document's
author or publisher). Claims stored before sources were extracted carry none: for them the
document's label (`incidents.source_label`) stands in, as it always did.
"""

from __future__ import annotations

from tocsin.types import Claim, Source

# Parties to a conflict: their word about their adversary is one side's account.
PARTY_KINDS = frozenset({"state", "group"})


def label_of(s: Source) -> str:
    """A source as people read it and independence counts it: a state is its ISO code (as
    documents by a state are labelled), someone speaking for an organisation is that
    organisation (two UN officials are one source, the UN), an anonymous one ("officials
    said") whoever relays it, anyone else their name."""
    if s.kind == "state" and s.country:
        return s.country
    if s.anonymous and s.relayed_by:
        return " ".join(s.relayed_by.split())
    return " ".join((s.affiliation or s.name).split())


def _named_denier(c: Claim) -> str | None:
    """For an old claim with no source: a news report of a denial ("Astrel denies shelling
    Kessa market") names the state that denies; the document's writer does not deny."""
    if c.event == "denial" and c.speaker_country is None and c.claimed_by:
        return c.claimed_by[0]
    return None


def claim_source(c: Claim, doc_label: str) -> str:
    """The label a claim's source is counted under for independence: its own source when it
    has one (for a denial, the denier), else the document's label `doc_label`."""
    if c.source is not None:
        return label_of(c.source)
    return _named_denier(c) or doc_label


def claim_party(c: Claim, doc_label: str) -> str | None:
    """The party to a conflict (a state, an armed group) the claim comes from, or None when
    its source is not a party (the UN, an NGO, an outlet, a person)."""
    if c.source is not None:
        return label_of(c.source) if c.source.kind in PARTY_KINDS else None
    named = _named_denier(c)
    if named is not None:
        return named
    # an old claim: a document is labelled by its state when a state speaks
    return doc_label if c.speaker_country and doc_label == c.speaker_country else None


def is_private(c: Claim) -> bool:
    """Whether the claim's own source is a private person (a witness, a resident), speaking
    for no organisation: their name is pseudonymised in public outputs (report/export.py)."""
    return c.source is not None and c.source.kind == "person" and not c.source.affiliation
