"""The ``tocsin`` command: parses arguments, calls the Python API, formats the answer."""

from __future__ import annotations

import logging
import sys

import click
from rich.markup import escape

from tocsin import __version__
from tocsin.cli.output import err_console
from tocsin.errors import TocsinError
from tocsin.store import Store


class Context:
    def __init__(self, data_dir: str | None, db: str | None, entities: str | None) -> None:
        self.data_dir = data_dir
        self.db = db
        self.entities = entities
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.data_dir, self.db)
        return self._store

    def role(self) -> str | None:
        from tocsin.store.audit import actor

        return self.store.role_of(actor())

    def require(self, needed: str, what: str) -> None:
        """Stop with one clear line unless the current user's role allows `what`."""
        from tocsin.store.audit import actor
        from tocsin.store.users import at_least

        role = self.role()
        if not at_least(role, needed):
            who = actor()
            has = f"is a {role}" if role else "has no role in this store"
            err_console.print(
                f"[red]refused:[/red] {who} {has}; {what} needs {needed} "
                f"(an admin can run: tocsin users add {who} --role {needed})"
            )
            sys.exit(1)

    @property
    def redacted(self) -> bool:
        """Viewers see what a public export shows: no quotes, names or exact places."""
        return self.role() == "viewer"


class _Group(click.Group):
    """Turns a TocsinError from any command into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TocsinError as exc:
            # one line whatever the terminal's width: scripts and logs read it whole
            err_console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tocsin")
@click.option(
    "--data-dir",
    envvar="TOCSIN_DATA_DIR",
    type=click.Path(file_okay=False),
    help="Where the store and originals live [env TOCSIN_DATA_DIR; default ./tocsin-data].",
)
@click.option(
    "--db", envvar="TOCSIN_DB", help="Database URL (default: SQLite in the data directory)."
)
@click.option(
    "--entities",
    envvar="TOCSIN_ENTITIES",
    type=click.Path(dir_okay=False, exists=True),
    help='JSON file of extra states or parties: {"entities": [{"code", "names"}]}.',
)
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, db: str | None, entities: str | None) -> None:
    """Tocsin: atrocity-crimes early warning and documentation, offline."""
    _log_to_stderr()
    ctx.obj = Context(data_dir, db, entities)


def _log_to_stderr() -> None:
    """The library reports slow one-off work (building an index) through logging; show it."""
    log = logging.getLogger("tocsin")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("tocsin: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def main() -> None:
    cli.main()


# Commands register themselves on `cli` when imported.
from tocsin.cli import (  # noqa: E402, F401
    alerts,
    audit,
    claims,
    docs,
    forecast,
    incidents,
    ingest,
    risk,
    serve,
    users,
)
