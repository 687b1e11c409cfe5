"""What the desk shows, derived once from the store and swapped whole when the record changes.

Pages never recompute a million claims: a `Snapshot` holds the record (claims, incidents),
the monthly matrix and its quarters, the stored alerts and indexes over them; building one
raises the alerts new evidence calls for (as `tocsin alerts` does). The `Desk` makes the next
one when the record's version moves (`Store.record_version`): from the live state when only
new documents came (`update`), else by reading everything again — in the background for a
large store, serving the previous snapshot meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from tocsin.assess import Profile, load_weights, rules
from tocsin.assess.areas import where_of
from tocsin.assess.profile import Key, day_of, period_of
from tocsin.corroborate import Incident
from tocsin.gcpause import paused
from tocsin.record import Live, Record, rules_for
from tocsin.report.export import private_sources
from tocsin.store import Store
from tocsin.store.claims import matches
from tocsin.types import Claim
from tocsin.web.index import IncidentIndex, Located, WordIndex

log = logging.getLogger("tocsin")
SPARK_QUARTERS = 8  # trend sparklines: the last two years


@dataclass
class Snapshot:
    seq: int  # the record's version (store.record_version) when this was read
    seconds: float  # how long it took to build
    record: Record
    live: Live
    quarters: dict[Key, Profile]
    alerts: list[dict[str, Any]]  # newest first
    incidents: dict[str, Incident]
    located: IncidentIndex
    claims: list[Claim]  # newest first: what the explorer lists
    words: WordIndex  # over the quotes of `claims`
    private_sources: frozenset[str]  # sources that are private persons (pseudonymised)

    @property
    def incident_of(self) -> dict[str, Incident]:
        """Each claim's incident."""
        return self.live.incident_of

    @cached_property
    def periods(self) -> dict[str, list[str]]:
        """Each area's quarters with evidence, in order."""
        out: dict[str, list[str]] = {}
        for area, period in sorted(self.quarters):
            out.setdefault(area, []).append(period)
        return out

    @cached_property
    def alerts_of(self) -> dict[str, list[dict[str, Any]]]:
        """Each country's alerts (its sub-national areas' included), newest first."""
        out: dict[str, list[dict[str, Any]]] = {}
        for a in self.alerts:
            out.setdefault(a["area"].split("/")[0], []).append(a)
        return out

    @cached_property
    def country_rows(self) -> list[dict[str, Any]]:
        """Each country's latest quarter: score, change, evidence, trend."""
        w = load_weights()
        out = []
        for country, periods in self.periods.items():
            if "/" in country:
                continue  # sub-national areas are on their country's page
            latest = self.quarters[(country, periods[-1])]
            previous = self.quarters.get((country, periods[-2])) if len(periods) > 1 else None
            score = latest.score(w)
            claims = {c for cell in latest.cells.values() for c in cell.claims}
            sources = latest.sources()
            status = Counter(map(self.live.matrix.status, claims))
            out.append(
                {
                    "country": country,
                    "period": latest.period,
                    "score": score,
                    "change": round(score - (previous.score(w) if previous else 0.0), 3),
                    "claims": len(claims),
                    "sources": len(sources),
                    # distinct claims, as "claims" counts them (a cell counts per indicator)
                    "single_source": status["single-source"] + status["repeated"],
                    "contested": status["contested"],
                    # the one party all of it comes from, when one party alone says it
                    "one_party": latest.one_party(),
                    "trend": [
                        (p, self.quarters[(country, p)].score(w)) for p in periods[-SPARK_QUARTERS:]
                    ],
                }
            )
        return sorted(out, key=lambda r: (-r["score"], r["country"]))

    def search(
        self,
        q: str = "",
        event: str | None = None,
        stance: str | None = None,
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        speaker: str | None = None,
        doc: str | None = None,
        source: str | None = None,
    ) -> Iterable[Claim]:
        """Claims whose quote has every word of `q`, newest first, filtered as `tocsin claims`."""
        if q.strip():
            candidates: Iterable[Claim] = map(self.claims.__getitem__, self.words.matching(q))
        else:
            candidates = self.claims
        for c in candidates:
            if event and c.event != event and not c.event.startswith(event + "."):
                continue
            if stance and c.stance != stance:
                continue
            if doc and not c.doc_sha256.startswith(doc.lower()):
                continue
            if matches(c, country, speaker, date_from, date_to, source):
                yield c


def build(
    store: Store, ruleset: rules.Rules, write: bool = True, incremental: bool = False
) -> Snapshot:
    """The snapshot of the store now; `write`: raise (store) the alerts new evidence calls
    for first, as `tocsin alerts` does for an analyst; `incremental`: keep what `update`
    needs to take in new documents without reading everything again."""
    # a snapshot lives until the next one: frozen out of the cycle collector's sight, so that
    # a full collection does not walk a million claims in the middle of a page (gcpause)
    with paused():
        start = time.perf_counter()
        seq = store.record_version()  # before reading: a write during the read is not missed
        live = Live(store, ruleset, incremental=incremental, write=write)
        return _derive(store, live, _settled(store, seq), start)


def update(snap: Snapshot, store: Store) -> Snapshot | None:
    """The next snapshot when all that changed is new documents (ingests, and the alerts
    they raised): only they are read, and `Live` re-groups only what they can change (the
    same incidents as a full read). None when anything else changed: read it all again."""
    changes = store.record_changes(snap.seq)
    if not snap.live.incremental or not changes:
        return None
    if any(action not in ("ingest", "alert") for _, action, _ in changes):
        return None
    with paused():
        start = time.perf_counter()
        seq = changes[-1][0]
        shas = [sha for _, action, sha in changes if action == "ingest"]
        docs = [info for sha in shas if (info := store.info(sha)) is not None]
        found = [c for sha in shas for c, _ in store.claims(doc=sha)]
        snap.live.add(docs, found)
        return _derive(store, snap.live, _settled(store, seq), start)


def _settled(store: Store, seq: int) -> int:
    """The version a snapshot read at `seq` holds: newer if only the alerts it raised
    itself came after (they are in it)."""
    return store.record_version() if not store.record_version(seq, but="alert") else seq


def _derive(store: Store, live: Live, seq: int, start: float) -> Snapshot:
    record = live.record
    by_id = {i.id: i for i in record.incidents}
    located: list[Located] = []
    for inc in record.incidents:
        members = [record.by_id[cid][0] for cid in inc.claims]
        places = [p for c in members for p in c.places]
        point = next((p for p in places if p.lat is not None and p.lon is not None), None)
        row = Located(
            inc,
            period_of(inc.when_from, "month") if inc.when_from else "",
            # the countries its claims are placed in: the one rule the matrix uses too
            frozenset(a.split("/")[0] for c in members for a in where_of(c).areas),
            point.lon if point else None,
            point.lat if point else None,
            point.name if point else "",
        )
        located.append(row)
    claims = sorted(record.claims, key=lambda c: (day_of(c) or "", c.id), reverse=True)
    private = frozenset(private_sources(store.list_documents(), record.claims))
    quarters = {(p.area, p.period): p for p in live.matrix.quarters()}
    return Snapshot(
        seq=seq,
        seconds=time.perf_counter() - start,
        record=record,
        live=live,
        quarters=quarters,
        alerts=sorted(store.alerts(), key=lambda a: a.get("raised_at", ""), reverse=True),
        incidents=by_id,
        located=IncidentIndex(located),
        claims=claims,
        words=WordIndex(c.quote for c in claims),
        private_sources=private,
    )


class Desk:
    """The current snapshot of one store, rebuilt when the store changes."""

    SYNC_BELOW = 5.0  # seconds: a rebuild this quick is waited for; a longer one is not

    def __init__(
        self,
        store: Store,
        rules_path: str | None = None,
        entities: str | None = None,
    ) -> None:
        self.store, self.entities = store, entities
        self.rules = rules_for(store, rules_path)
        self._lock = threading.Lock()
        self._building: threading.Thread | None = None
        self.snapshot = self._read_all()

    def _read_all(self) -> Snapshot:
        return build(self.store, self.rules, incremental=True)

    @property
    def updating(self) -> bool:
        return self._building is not None and self._building.is_alive()

    def current(self) -> Snapshot:
        """The snapshot to answer with; starts a rebuild if the store moved on."""
        if self.store.record_version() != self.snapshot.seq:
            self.refresh(wait=self.snapshot.seconds < self.SYNC_BELOW)
        return self.snapshot

    def refresh(self, wait: bool = True) -> None:
        with self._lock:
            if not self.updating:
                self._building = threading.Thread(target=self._rebuild, daemon=True)
                self._building.start()
            building = self._building
        if wait and building is not None:
            building.join()

    def _rebuild(self) -> None:
        try:
            try:
                taken = update(self.snapshot, self.store)
            except Exception:  # a half-taken update: read everything again
                log.exception("could not take in new documents; reading the whole record")
                taken = None
            self.snapshot = taken or self._read_all()
        except Exception:  # the desk goes on with what it had, and says why in the log
            log.exception("could not rebuild the desk's view of the store")
