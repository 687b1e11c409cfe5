"""tocsin incidents / tocsin incident ID: claims grouped into incidents: corroborated or resting
on one source, contested (a source denies it), their figures agreed or disputed."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from tocsin.assess.areas import where_of
from tocsin.cli import Context, cli
from tocsin.cli.claims import count_text, highlighted
from tocsin.cli.output import console, emit, err_console, format_option
from tocsin.corroborate import Incident, claim_source
from tocsin.record import Record, incidents_of, merge_pairs, record_of, split_pairs
from tocsin.report.export import private_sources, pseudonym
from tocsin.types import STATUSES, Claim


def incident_row(inc: Incident, reviewed: dict[tuple[str, str], Any]) -> dict[str, Any]:
    row = asdict(inc)
    row["when"] = {"from": row.pop("when_from"), "to": row.pop("when_to")}
    review = reviewed.get(("incident", inc.id))
    row["review"] = {"credibility": review.value, "reason": review.reason} if review else None
    row["source_reliability"] = {
        s: reviewed[("source", s)].value for s in inc.sources if ("source", s) in reviewed
    }
    return row


def who_says_it(claim: Claim, record: Record, private: set[str]) -> str:
    """The claim's source as independence counts it (corroborate.claim_source), what kind of
    source it is, and who relayed it; a private person under a pseudonym for viewers."""
    label = claim_source(claim, record.sources.get(claim.doc_sha256, claim.doc_sha256))
    who = pseudonym(label) if label in private else label
    s = claim.source
    if s is None:
        return f"{who} (the document's)"
    kind = s.kind if s.origin == "text" else f"{s.kind}, the document's"
    relayed = f", relayed by {s.relayed_by}" if s.relayed_by else ""
    return f"{who} ({kind}{relayed})"


def _find(incidents: list[Incident], prefix: str) -> Incident:
    found = [i for i in incidents if i.id.startswith(prefix)]
    if len(found) != 1:
        err_console.print(f"no single incident matches {prefix!r}: see `tocsin incidents`")
        sys.exit(1)
    return found[0]


@cli.command("incidents")
@click.option("--event", help="Event type.")
@click.option("--status", type=click.Choice(STATUSES))
@click.option(
    "--country", help="ISO alpha-3 of a source, a denying party, or a claim's area (where it is)."
)
@format_option
@click.pass_obj
def incidents_cmd(
    obj: Context, event: str | None, status: str | None, country: str | None, fmt: str
) -> None:
    """Incidents: claims about the same event across sources, with their status."""
    obj.require("viewer", "reading")
    incidents, by_id = incidents_of(obj.store)
    reviewed = obj.store.current_reviews()
    redacted = obj.redacted
    rows = []
    for inc in incidents:
        if (event and inc.event != event) or (status and inc.status != status):
            continue
        if country:
            areas = {a for cid in inc.claims if cid in by_id for a in where_of(by_id[cid][0]).areas}
            if country.upper() not in {*inc.sources, *inc.contested_by, *areas}:
                continue
        row = incident_row(inc, reviewed)
        if redacted:
            row["explanation"] = []  # explanations quote the claims
            row["places"] = sorted(  # countries only: towns can point at people
                {
                    x.country or ""
                    for cid in inc.claims
                    if cid in by_id
                    for x in by_id[cid][0].places
                }
            )
        rows.append(row)
    if fmt == "table":
        for r in rows:
            c = r["count"]
            r["count_lbh"] = f"{c['low']}/{c['best']}/{c['high']}" if c["best"] is not None else ""
            r["when_text"] = f"{r['when']['from'] or ''}…{r['when']['to'] or ''}".strip("…")
            r["n_claims"] = len(r["claims"])
            r["reviewed"] = r["review"]["credibility"] if r["review"] else ""
        columns = [
            "id",
            "event",
            "status",
            "count_lbh",
            "when_text",
            "places",
            "sources",
            "contested_by",
            "disputed_by",
            "n_claims",
            "reviewed",
        ]
    else:
        columns = ["id", "event", "status", "sources", "contested_by", "disputed_by", "claims"]
    emit(rows, fmt, columns, title=f"{len(rows)} incidents (count: low/best/high)")


@cli.command("incident")
@click.argument("incident_id")
@click.pass_obj
def incident_cmd(obj: Context, incident_id: str) -> None:
    """One incident: every claim side by side, who asserts it and who denies it, and why they
    were grouped."""
    obj.require("viewer", "reading")
    record = record_of(obj.store)
    by_id = record.by_id
    inc = _find(record.incidents, incident_id)
    redacted = obj.redacted
    private = (
        private_sources(obj.store.list_documents(), (c for c, _ in by_id.values()))
        if redacted
        else set()
    )

    def shown(labels: list[str]) -> str:
        return ", ".join(pseudonym(s) if s in private else s for s in labels) or "—"

    c = inc.count
    console.print(
        f"[bold]{inc.event}[/bold] {inc.id}  status [bold]{inc.status}[/bold]  "
        f"when {inc.when_from}…{inc.when_to}  places {', '.join(inc.places) or '—'}"
    )
    console.print(
        f"count low/best/high: {c['low']}/{c['best']}/{c['high']}  "
        f"sources: {shown(inc.sources)}  denied by: {shown(inc.contested_by)}  "
        f"figures disputed by: {shown(inc.disputed_by)}"
    )
    table = Table(show_lines=True, expand=True)
    for col, ratio in (("stance", 1), ("count", 1), ("who says it", 2), ("span", 6)):
        table.add_column(col, ratio=ratio, overflow="fold")
    for cid in inc.claims:
        if cid not in by_id:
            continue
        claim, filename = by_id[cid]
        who = who_says_it(claim, record, private)
        where = "" if redacted else f"\n{filename}"
        span = Text("[redacted for viewers]") if redacted else highlighted(claim)
        table.add_row(
            claim.stance, count_text(claim.count), f"{who}{where}\n{claim.doc_date or ''}", span
        )
    console.print(table)
    for s in inc.series:
        figures = s["figures"]
        assert isinstance(figures, list)
        text = ", ".join(f"{f['date']}: {f['qualifier']} {f['value']}" for f in figures)
        console.print(f"series from {shown([str(s['source'])])}: {text}")
    for line in [] if redacted else inc.explanation:
        console.print(f"[dim]{line}[/dim]")


@cli.command("merge")
@click.argument("first")
@click.argument("second")
@click.option("--reason", required=True, help="Why these are one incident (kept with the change).")
@click.pass_obj
def merge_cmd(obj: Context, first: str, second: str, reason: str) -> None:
    """Merge two incidents the grouping kept apart."""
    obj.require("analyst", "merge")
    incidents, _ = incidents_of(obj.store)
    a, b = _find(incidents, first), _find(incidents, second)
    obj.store.link_claims("merge", merge_pairs(a, b), reason)
    console.print(f"merged {a.id} and {b.id}")


@cli.command("split")
@click.argument("incident_id")
@click.option(
    "--claims", "claim_ids", required=True, help="Comma-separated ids of the claims to set apart."
)
@click.option("--reason", required=True, help="Why they are a different incident.")
@click.pass_obj
def split_cmd(obj: Context, incident_id: str, claim_ids: str, reason: str) -> None:
    """Split claims out of an incident into their own."""
    obj.require("analyst", "split")
    incidents, _ = incidents_of(obj.store)
    inc = _find(incidents, incident_id)
    apart = [c.strip() for c in claim_ids.split(",") if c.strip()]
    obj.store.link_claims("split", split_pairs(inc, apart), reason)
    console.print(f"split {len(apart)} claim(s) out of {inc.id}")


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "geojson"]),
    default="json",
    show_default=True,
)
@click.option(
    "--public",
    is_flag=True,
    help="For publication: no quotes, private names, filenames or exact places.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of standard output."
)
@click.pass_obj
def export_cmd(obj: Context, fmt: str, public: bool, output: str | None) -> None:
    """Every claim and every incident, one row each."""
    obj.require("viewer", "reading")
    if not public and obj.redacted:
        public = True  # viewers get the public export
    from pathlib import Path

    from tocsin.report.export import claim_record, incident_record, private_sources, render

    incidents, by_id = incidents_of(obj.store)
    claims_by_id = {cid: c for cid, (c, _) in by_id.items()}
    private = private_sources(obj.store.list_documents(), claims_by_id.values())
    records = [claim_record(c, f, public) for c, f in by_id.values()]
    records += [incident_record(i, claims_by_id, public, private) for i in incidents]
    text = render(records, fmt)
    obj.store.log_export(fmt, public, len(records))
    if output:
        Path(output).write_text(text, encoding="utf-8")
        console.print(
            f"{output}: {len(by_id)} claims, {len(incidents)} incidents ({'public' if public else 'full'})"
        )
    else:
        sys.stdout.write(text + ("" if text.endswith("\n") else "\n"))
