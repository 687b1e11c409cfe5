"""The record: what the store holds, read once and derived — claims, incidents (with the
analysts' merges and splits), the evidence matrix and alerts — for the CLI and the desk alike.
I/O at this edge; everything it derives comes from the pure stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tocsin.assess import Alert, Fired, RiskMatrix, evaluate, rules, statuses
from tocsin.corroborate import Incident, corroborate, source_label
from tocsin.corroborate.neighbourhood import Neighbourhoods
from tocsin.errors import TocsinError
from tocsin.store import Store
from tocsin.types import Claim, Document, DocumentInfo


@dataclass
class Record:
    """What the store says, read once: claims (with their filenames), each document's
    label (who a claim comes from when it names no source of its own: every surface asks
    corroborate.claim_source), the analysts' merges and splits, and the incidents."""

    incidents: list[Incident]
    by_id: dict[str, tuple[Claim, str]]
    sources: dict[str, str]
    links: tuple[set[frozenset[str]], set[frozenset[str]]]

    @property
    def claims(self) -> list[Claim]:
        return [c for c, _ in self.by_id.values()]


def record_of(store: Store) -> Record:
    found = store.claims()
    sources = {info.sha256: source_label(info) for info in store.list_documents()}
    merge, split = links = store.incident_links()
    incidents = corroborate([c for c, _ in found], sources, merge=merge, split=split)
    return Record(incidents, {c.id: (c, f) for c, f in found}, sources, links)


def incidents_of(store: Store) -> tuple[list[Incident], dict[str, tuple[Claim, str]]]:
    """Every incident, from the stored claims and the analysts' stored merges and splits,
    with the claims by id (and their filenames)."""
    record = record_of(store)
    return record.incidents, record.by_id


def risk_matrix(record: Record, granularity: str) -> RiskMatrix:
    """Every stored claim in a matrix, weighted by the status of its incident."""
    matrix = RiskMatrix(granularity)
    matrix.update(record.claims, statuses(record.incidents), record.sources)
    return matrix


def rules_for(store: Store, given: str | None = None) -> rules.Rules:
    """A rules file given, else DATA_DIR/alerts.yaml when the desk has one, else the defaults."""
    if given:
        return rules.load(given)
    local = store.data_dir / "alerts.yaml"
    return rules.load(local if local.is_file() else None)


def merge_pairs(a: Incident, b: Incident) -> list[tuple[str, str]]:
    """An analyst's merge of two incidents, as claim pairs: every pair across the two, so
    that this newest decision outweighs any earlier split."""
    if a.id == b.id:
        raise TocsinError("an incident cannot be merged with itself")
    return [(x, y) for x in a.claims for y in b.claims if x != y]


def split_pairs(inc: Incident, apart: Sequence[str]) -> list[tuple[str, str]]:
    """An analyst's split of some of an incident's claims into their own, as claim pairs."""
    unknown = [c for c in apart if c not in inc.claims]
    if unknown or not apart or len(set(apart)) >= len(inc.claims):
        raise TocsinError(
            f"give some, not all, of the incident's claims (not in it: {', '.join(unknown) or '—'})"
        )
    rest = [c for c in inc.claims if c not in apart]
    return [(a, b) for a in apart for b in rest]


def raise_alerts(store: Store, ruleset: rules.Rules) -> list[dict[str, Any]]:
    """Apply the rules to the whole record; store and return the alerts that are new."""
    return Live(store, ruleset, incremental=False).raised


class Live:
    """The record's incidents, monthly matrix and alerts, kept up to date document by
    document for `tocsin watch`: a new document re-groups only what it can change
    (corroborate.neighbourhood; the same incidents as a full run) and the rules run only on
    the areas it touched. Built in full at the start, and again whenever analysts' merges or
    splits change, or every `full_every` updates, to take in what other processes did."""

    def __init__(
        self,
        store: Store,
        ruleset: rules.Rules,
        full_every: int = 50,
        incremental: bool = True,  # False: one full run, no index kept for later documents
        write: bool = True,  # False: a reader's view; alerts not yet raised stay unraised
    ) -> None:
        self.store, self.rules, self.full_every = store, ruleset, full_every
        self.incremental, self.write = incremental, write
        self.raised = self.full()

    def full(self) -> list[dict[str, Any]]:
        record = self.record = record_of(self.store)
        self.links, self.sources = record.links, record.sources
        self.matrix = risk_matrix(record, "month")
        self.incident_of = {cid: inc for inc in record.incidents for cid in inc.claims}
        self.hood = Neighbourhoods(record.claims if self.incremental else (), self.sources)
        self.updates = 0
        return self._raise(None)

    def add(
        self, documents: Sequence[Document | DocumentInfo], found: list[Claim]
    ) -> list[dict[str, Any]]:
        """Take in newly stored documents and their claims; store and return the alerts
        that are new. The record follows: its claims, and its incidents (those the new
        claims regrouped replace the ones their claims were in)."""
        self.updates += 1
        if (
            not self.incremental
            or self.updates >= self.full_every
            or self.store.incident_links() != self.links
        ):
            return self.full()
        self.sources.update((d.sha256, source_label(d)) for d in documents)
        self.hood.add(found, self.sources)
        merge, split = self.links
        regrouped = corroborate(
            self.hood.around(found, self.incident_of), self.sources, merge=merge, split=split
        )
        touched = self.matrix.update(found, statuses(regrouped), self.sources)
        names = {d.sha256: d.filename for d in documents}
        self.record.by_id.update((c.id, (c, names.get(c.doc_sha256, ""))) for c in found)
        stale = {
            id(self.incident_of[cid])
            for inc in regrouped
            for cid in inc.claims
            if cid in self.incident_of
        }
        self.record.incidents = [i for i in self.record.incidents if id(i) not in stale] + regrouped
        self.incident_of.update((cid, inc) for inc in regrouped for cid in inc.claims)
        return self._raise({area for area, _ in touched})

    def _raise(self, areas: set[str] | None) -> list[dict[str, Any]]:
        if not self.write:
            return []
        fired = Fired.of(Alert.from_record(r) for r in self.store.alerts())
        new = evaluate(self.rules, self.matrix, self.incident_of, fired, areas)
        return self.store.add_alerts([a.record() for a in new])
