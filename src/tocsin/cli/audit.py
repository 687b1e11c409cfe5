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
    entries = obj.store.audit_entries()
    console.print(entries[-1].hash if entries else "empty")


@audit_group.command("log")
@format_option
@click.pass_obj
def log_cmd(obj: Context, fmt: str) -> None:
    """List the entries (ids and hashes only)."""
    rows = [asdict(e) for e in obj.store.audit_entries()]
    emit(rows, fmt, ["seq", "at", "actor", "action", "object", "hash"])
