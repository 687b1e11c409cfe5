"""Formatting for the terminal and for other programs: table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

FORMATS = ("table", "json", "csv")


def format_choice(
    help: str = "table for people; json or csv for programs.",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The --format option every listing command shares."""
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help=help
    )


format_option = format_choice()

# Wide when writing to a file or pipe, so tables and lines are not folded at 80 columns.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
err_console = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 200)


def emit(
    rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str], title: str | None = None
) -> None:
    """Print rows: `columns` picks and orders table/CSV columns; JSON keeps every field."""
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(row.get(k)) for k in columns})
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_flat(row.get(c)) for c in columns))
        console.print(table)


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


@contextmanager
def progress(total: int, what: str, show: bool = True) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long work; yields the function that advances it.
    Shown only on a terminal and for more than one item."""
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        disable=not (show and total > 1 and sys.stderr.isatty()),
        transient=True,
    ) as bar:
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)
