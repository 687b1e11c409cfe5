"""tocsin audit verify / log / head: the tamper-evident record of every write."""

from __future__ import annotations

import sys
from dataclasses import asdict

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, err_console, format_option


@cli.group("audit")
def audit_group() -> None:
    """The append-only, hash-chained audit log."""


@audit_group.command("verify")
@click.option(
    "--head", help="A head hash written down earlier: also detects removed newest entries."
)
@click.pass_obj
def verify_cmd(obj: Context, head: str | None) -> None:
    """Check that no past entry was edited, deleted or reordered."""
    obj.require("viewer", "reading")
    store = obj.store
    problems = store.audit_verify(head)
    for p in problems:
        err_console.print(p)
    n = len(store.audit_entries())
    if problems:
        err_console.print(f"[red]audit log broken[/red]: {len(problems)} problem(s) in {n} entries")
        sys.exit(1)
    console.print(f"ok: {n} entries, chain intact")


@audit_group.command("head")
@click.pass_obj
def head_cmd(obj: Context) -> None:
    """Print the newest entry's hash, to keep somewhere safe."""
    obj.require("viewer", "reading")
    entries = obj.store.audit_entries()
    console.print(entries[-1].hash if entries else "empty")


@audit_group.command("log")
@format_option
@click.pass_obj
def log_cmd(obj: Context, fmt: str) -> None:
    """List the entries (ids and hashes only)."""
    obj.require("viewer", "reading")
    rows = [asdict(e) for e in obj.store.audit_entries()]
    emit(rows, fmt, ["seq", "at", "actor", "action", "object", "hash"])


@cli.command("backup")
@click.argument("archive", type=click.Path(dir_okay=False))
@click.pass_obj
def backup_cmd(obj: Context, archive: str) -> None:
    """Write one archive: database, every original, and a manifest of sha256 sums."""
    obj.require("admin", "backup")
    from pathlib import Path

    from tocsin.store.backup import backup

    manifest = backup(obj.store, Path(archive))
    console.print(
        f"{archive}: {manifest['documents']} documents, {len(manifest['files'])} files, "
        f"audit head {str(manifest['audit_head'])[:12]}"
    )


@cli.command("restore")
@click.argument("archive", type=click.Path(dir_okay=False, exists=True))
@click.pass_obj
def restore_cmd(obj: Context, archive: str) -> None:
    """Restore an archive into an empty data directory, after checking every hash."""
    from pathlib import Path

    from tocsin.store import resolve_data_dir
    from tocsin.store.backup import restore

    target = resolve_data_dir(obj.data_dir)
    manifest = restore(Path(archive), target)
    console.print(f"restored {manifest['documents']} documents into {target}; every hash checked")


@cli.group("review")
def review_group() -> None:
    """Analysts' judgements: credibility of claims and incidents, reliability of sources."""


def _review(obj: Context, kind: str, target: str, value: str, reason: str) -> None:
    obj.require("analyst", "review")
    review = obj.store.review(kind, target, value, reason)
    console.print(f"{kind} {target}: {review.field} {review.value} ({review.actor}, {review.at})")


@review_group.command("claim")
@click.argument("claim_id")
@click.argument(
    "credibility", type=click.Choice(["verified", "plausible", "unverified", "rejected"])
)
@click.option("--reason", required=True)
@click.pass_obj
def review_claim(obj: Context, claim_id: str, credibility: str, reason: str) -> None:
    """Mark a claim verified, plausible, unverified or rejected."""
    if not obj.store.claims(claim_id=claim_id):
        raise click.BadParameter(f"no claim {claim_id!r}", param_hint="CLAIM_ID")
    _review(obj, "claim", claim_id, credibility, reason)


@review_group.command("incident")
@click.argument("incident_id")
@click.argument(
    "credibility", type=click.Choice(["verified", "plausible", "unverified", "rejected"])
)
@click.option("--reason", required=True)
@click.pass_obj
def review_incident(obj: Context, incident_id: str, credibility: str, reason: str) -> None:
    """Mark an incident verified, plausible, unverified or rejected."""
    _review(obj, "incident", incident_id, credibility, reason)


@review_group.command("source")
@click.argument("source")
@click.argument("reliability", type=click.Choice(["A", "B", "C", "D", "E", "F"]))
@click.option("--reason", required=True)
@click.pass_obj
def review_source(obj: Context, source: str, reliability: str, reason: str) -> None:
    """Grade a source's reliability, A (completely reliable) to F (cannot be judged);
    separate from the credibility of any one claim."""
    _review(obj, "source", source, reliability, reason)


@review_group.command("history")
@click.argument("kind", type=click.Choice(["claim", "incident", "source"]))
@click.argument("target")
@format_option
@click.pass_obj
def review_history(obj: Context, kind: str, target: str, fmt: str) -> None:
    """Every version of the judgement on one claim, incident or source."""
    obj.require("analyst", "reading review reasons")
    rows = [asdict(r) for r in obj.store.review_history(kind, target)]
    emit(rows, fmt, ["at", "actor", "field", "value", "reason"])
