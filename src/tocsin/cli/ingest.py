"""tocsin ingest PATH...: files, folders, globs and - (standard input)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console, err_console, format_choice, progress
from tocsin.errors import RejectedInput
from tocsin.ingest.given import from_mapping, read_sidecar
from tocsin.ingest.readers import registry
from tocsin.ingest.run import Options, Outcome, ingest
from tocsin.ingest.sources import DEFAULT_MAX_BYTES, expand
from tocsin.lang import available


def _summary(outcome: Outcome) -> str:
    doc = outcome.document
    if doc is None:
        return ""
    m = doc.meta
    parts = []
    if doc.pages:
        parts.append(f"{len(doc.pages)} p.")
    parts.append(f"{len(doc.sentences())} sentences")
    who = m.get("speaker") or m.get("speaker_title")
    party = m.get("speaker_country") or m.get("speaker_org")
    if who:
        parts.append(f"{who.value}" + (f" ({party.value})" if party else ""))
    elif party:
        parts.append(str(party.value))
    for key in ("date", "body", "meeting"):
        if key in m:
            parts.append(str(m[key].value))
    if "agenda_item" in m:
        parts.append(f"item {m['agenda_item'].value}")
    if "cites" in m:
        parts.append(f"{len(m['cites'].value)} UN doc(s) cited")
    if outcome.claims:
        parts.append(f"{len(outcome.claims)} claims")
    return ", ".join(parts)


def _as_json(o: Outcome) -> dict[str, object]:
    row: dict[str, object] = {"source": o.source, "status": o.status, "sha256": o.sha256}
    if o.reason:
        row["reason"] = o.reason
    if o.document:
        row["filename"] = o.document.filename
        row["warnings"] = list(o.document.warnings)
        row["claims"] = len(o.claims)
        row["language"] = o.document.language
    if o.note:
        row["note"] = o.note
    return row


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--speaker", help="Speaker's name (overrides what is read from the text).")
@click.option("--speaker-title", help="Speaker's title.")
@click.option(
    "--speaker-country", help="ISO 3166-1 alpha-3 code (or name) of the state spoken for."
)
@click.option("--speaker-org", help="Organisation spoken for.")
@click.option("--publisher", help="Outlet or organisation that published it (the source).")
@click.option("--date", "date_", help="Document date, YYYY-MM-DD.")
@click.option("--body", help="Body: General Assembly, Security Council...")
@click.option("--meeting", help="Meeting, e.g. '64th plenary meeting'.")
@click.option("--agenda-item", help="Agenda item number.")
@click.option(
    "--meta",
    "meta_file",
    type=click.Path(dir_okay=False, exists=True),
    help="JSON file of metadata for every file given (FILE.meta.json beside a file "
    "applies to that file alone).",
)
@click.option("--lang", type=click.Choice(available()), help="Language (default: detected).")
@click.option(
    "--reader",
    "reader_name",
    type=click.Choice(sorted(registry())),
    help="Force a reader instead of detecting the format.",
)
@click.option("--name", help="Filename to record for standard input (-).")
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES // 2**20,
    show_default=True,
    help="Refuse files larger than this many MiB.",
)
@format_choice("json: one object per file, for programs.")
@click.option(
    "--extract/--no-extract",
    "do_extract",
    default=True,
    show_default=True,
    help="Extract claims as each document goes in.",
)
@click.pass_obj
def ingest_cmd(
    obj: Context,
    paths: tuple[str, ...],
    speaker: str | None,
    speaker_title: str | None,
    speaker_country: str | None,
    speaker_org: str | None,
    publisher: str | None,
    date_: str | None,
    body: str | None,
    meeting: str | None,
    agenda_item: str | None,
    meta_file: str | None,
    lang: str | None,
    reader_name: str | None,
    name: str | None,
    max_size: int,
    fmt: str,
    do_extract: bool,
) -> None:
    """Ingest documents: each file is stored whole, or not at all.

    PATHS may be files, folders (read recursively), glob patterns or - for standard input.
    Exit status is 1 when any file failed; the others still go in.
    """
    obj.require("analyst", "ingest")
    flags = {
        "speaker": speaker,
        "speaker_title": speaker_title,
        "speaker_country": speaker_country,
        "speaker_org": speaker_org,
        "publisher": publisher,
        "date": date_,
        "body": body,
        "meeting": meeting,
        "agenda_item": agenda_item,
    }
    try:
        given = read_sidecar(Path(meta_file), obj.entities) if meta_file else {}
        given.update(from_mapping(flags, "cli", obj.entities))
    except RejectedInput as exc:
        raise click.UsageError(str(exc)) from None
    opts = Options(given, lang, reader_name, max_size * 2**20, obj.entities, name, do_extract)
    sources = expand(list(paths))
    store = obj.store
    tally = {"ingested": 0, "present": 0, "failed": 0}

    def report(o: Outcome) -> None:
        tally[o.status] += 1
        if fmt != "table":
            return
        sys.stdout.flush()  # keep stdout and stderr lines in order when both go to one log
        short = (o.sha256 or "")[:12]
        if o.status == "failed":
            err_console.print(f"[red]failed[/red]   {o.source}: {o.reason}")
        elif o.status == "present":
            console.print(f"[dim]present[/dim]  {o.source} {short} (same bytes already stored)")
        else:
            console.print(f"[green]ingested[/green] {o.source} {short}  {_summary(o)}")
            notes = (*(o.document.warnings if o.document else ()), *([o.note] if o.note else []))
            for w in dict.fromkeys(notes):  # the no-pack note is both a warning and the outcome's
                console.print(f"         [yellow]note:[/yellow] {w}")

    with progress(len(sources), "ingesting", show=fmt == "table") as advance:

        def step(o: Outcome) -> None:
            report(o)
            advance()

        outcomes = ingest(store, sources, opts, step)
    if fmt == "json":
        sys.stdout.write(json.dumps([_as_json(o) for o in outcomes], indent=2) + "\n")
    else:
        sys.stdout.flush()
        err_console.print(
            f"{tally['ingested']} ingested, {tally['present']} already present, {tally['failed']} failed"
            f"  →  {store.data_dir}"
        )
    if tally["failed"]:
        sys.exit(1)
