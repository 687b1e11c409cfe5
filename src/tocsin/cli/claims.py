"""tocsin extract / tocsin claims: source-attributed claims, each with its span."""

from __future__ import annotations

import sys
from itertools import groupby
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from tocsin import lang
from tocsin.assess.areas import where_of
from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, err_console, format_option, progress
from tocsin.corroborate.sources import is_private, label_of
from tocsin.extract import extract_document, taxonomy, version
from tocsin.report.export import pseudonym
from tocsin.store.claims import claim_to_dict
from tocsin.types import STANCES, Claim, Count

_STYLES = {"count": "bold cyan", "victims": "magenta", "when": "green", "place": "yellow"}


def count_text(c: Count | None) -> str:
    if c is None:
        return ""
    if c.qualifier == "unquantified":
        return "unquantified"
    if c.qualifier in ("vague", "between"):
        amount = f"{c.low:,}–{c.high:,}"
    else:
        amount = f"{c.value:,}"
        if c.qualifier != "exact":
            amount = f"{c.qualifier.replace('_', ' ')} {amount}"
    return amount + (f" {c.unit}" if c.unit else "")


def source_text(c: Claim, redacted: bool = False) -> str:
    """Who says it, in words: "Amnesty International (ngo)", "Ministry of Defence (UKR), via
    Reuters"; claims stored before sources show their speaker. Redacted, a private person
    appears under the pseudonym public exports use."""
    s = c.source
    if s is not None and redacted and is_private(c):
        return f"{pseudonym(label_of(s))} (person)"
    if s is None:
        party = f" ({c.speaker_country})" if c.speaker_country else ""
        return f"{c.speaker or 'speaker not named'}{party}"
    kind = s.country if s.kind == "state" and s.country else s.kind
    via = f", via {s.relayed_by}" if s.relayed_by else ""
    return f"{s.name} ({kind}){via}"


def highlighted(c: Claim) -> Text:
    """The quoted span with the words behind each field highlighted."""
    text = Text(c.quote)
    for start, end, what in c.matched:
        s, e = max(start, c.start) - c.start, min(end, c.end) - c.start
        if s < e:
            style = "bold red" if what.startswith("event") else _STYLES.get(what, "underline")
            text.stylize(style, s, e)
    return text


@cli.command("extract")
@click.argument("shas", nargs=-1)
@click.pass_obj
def extract_cmd(obj: Context, shas: tuple[str, ...]) -> None:
    """(Re)extract claims from stored documents: all of them, or those whose sha256 starts with SHAS."""
    obj.require("analyst", "extract")
    store = obj.store
    targets = [store.resolve(s) for s in shas] if shas else store.shas()
    missing = [s for s, full in zip(shas, targets, strict=False) if full is None]
    if missing:
        err_console.print(
            f"no document matches {', '.join(missing)}: give 6 or more leading characters"
        )
        sys.exit(1)
    total = 0
    with progress(len(targets), "extracting") as advance:
        for sha in targets:
            doc = store.get(sha) if sha else None
            if doc is None:
                continue  # removed by another process meanwhile
            note = lang.no_pack_note(doc.language)
            if note:
                console.print(f"{doc.sha256[:12]} {doc.filename}: {note}")
                advance()
                continue
            found = extract_document(doc, entities=obj.entities)
            store.replace_claims(doc.sha256, found, version(doc.language))
            total += len(found)
            console.print(f"{doc.sha256[:12]} {doc.filename}: {len(found)} claims")
            advance()
    console.print(f"{total} claims from {len(targets)} documents")


def _row(c: Claim, filename: str, redacted: bool = False) -> dict[str, Any]:
    if redacted:
        from tocsin.report.export import claim_record

        row = claim_record(c, filename, public=True)
        row.pop("kind", None)
        return row
    row = claim_to_dict(c)
    row["filename"] = filename
    row["area"] = where_of(c).record()  # where the risk matrix counts it, and why
    return row


@cli.command("claims")
@click.option("--event", help="Event type (see `tocsin claims --types`).")
@click.option("--stance", type=click.Choice(STANCES))
@click.option("--country", help="ISO alpha-3: speaker's state, accused, or place.")
@click.option("--speaker", help="Part of the speaker's name.")
@click.option(
    "--source",
    "source_name",
    help="Who says it: part of the source's name (or of the outlet relaying it), or a state's code.",
)
@click.option("--from", "date_from", help="Claims about events on or after YYYY[-MM[-DD]].")
@click.option("--to", "date_to", help="Claims about events on or before YYYY[-MM[-DD]].")
@click.option("--doc", help="Only the document whose sha256 starts with this.")
@click.option(
    "--types", is_flag=True, help="List the event types and the indicators they evidence."
)
@format_option
@click.pass_obj
def claims_cmd(
    obj: Context,
    event: str | None,
    stance: str | None,
    country: str | None,
    speaker: str | None,
    source_name: str | None,
    date_from: str | None,
    date_to: str | None,
    doc: str | None,
    types: bool,
    fmt: str,
) -> None:
    """List claims, grouped by event type: who says what, how many, when, where, with the span."""
    obj.require("viewer", "reading")
    if types:
        tax = taxonomy.load()
        rows = [
            {
                "event": e.name,
                "label": e.label,
                "indicators": list(e.indicators),
                "risk_factors": tax.risk_factors_of(e.name),
            }
            for e in tax.events.values()
        ]
        emit(rows, fmt, ["event", "label", "risk_factors", "indicators"])
        return
    if event and event.split(".")[0] not in taxonomy.load().events:
        raise click.BadParameter(f"unknown event type {event!r}; see --types", param_hint="--event")
    found = obj.store.claims(
        event=event,
        stance=stance,
        country=country,
        speaker=speaker,
        source=source_name,
        date_from=date_from,
        date_to=date_to,
        doc=doc,
    )
    if fmt != "table":
        columns = [
            "id",
            "filename",
            "event",
            "stance",
            "count",
            "victims",
            "victim_group",
            "source",
            "speaker",
            "speaker_country",
            "doc_date",
            "when",
            "places",
            "area",
            "accused",
            "quote",
            "doc_sha256",
            "start",
            "end",
        ]
        claim_rows: list[dict[str, Any]] = []
        redacted = obj.redacted
        for c, filename in found:
            row = _row(c, filename, redacted)
            if fmt == "csv":  # flat cells for spreadsheets
                row["count"] = count_text(c.count)
                row["when"] = f"{c.when_from}/{c.when_to}" if c.when_from else ""
                row["places"] = [p.name for p in c.places]
                row["source"] = source_text(c)
            claim_rows.append(row)
        emit(claim_rows, fmt, columns)
        return
    found.sort(key=lambda cf: cf[0].event)
    for ev, group in groupby(found, key=lambda cf: cf[0].event):
        items = list(group)
        table = Table(
            title=f"{ev} ({len(items)})", title_justify="left", show_lines=True, expand=True
        )
        for col, ratio in (
            ("stance", 1),
            ("count", 2),
            ("who says it", 2),
            ("when", 2),
            ("where", 2),
            ("span", 6),
        ):
            table.add_column(col, ratio=ratio, overflow="fold")
        for c, filename in items:
            who = f"{source_text(c, obj.redacted)}\n{filename}"
            when = (
                f"{c.when_from}–{c.when_to}"
                if c.when_from and c.when_to != c.when_from
                else (c.when_from or "")
            )
            where = ", ".join(p.name for p in c.places)
            stance = c.stance + (f"\n→ {', '.join(c.accused)}" if c.accused else "")
            stance += f"\n✗ {c.denies}" if c.denies else ""
            span = Text("[redacted for viewers]") if obj.redacted else highlighted(c)
            table.add_row(stance, count_text(c.count), who, when, where, span)
        console.print(table)
    console.print(f"{len(found)} claims")
