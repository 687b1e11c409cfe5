"""tocsin alerts, tocsin deliver, tocsin watch FOLDER: rules over the record, alerts out."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, err_console, format_option
from tocsin.ingest.run import Options, Outcome, ingest
from tocsin.ingest.sources import expand
from tocsin.record import Live, raise_alerts, rules_for
from tocsin.report import deliver
from tocsin.report.export import private_sources, public_alert
from tocsin.store import Store
from tocsin.store.users import at_least

COLUMNS = [
    "raised_at",
    "severity",
    "area",
    "period",
    "rule",
    "corroboration",
    "one_party",
    "title",
    "id",
]


def _print(records: list[dict[str, Any]], fmt: str, redacted: bool) -> None:
    if fmt != "table":
        emit(records, fmt, COLUMNS)
        return
    if not records:
        console.print("no alerts")
    for r in records:
        colour = {"critical": "red", "high": "red", "medium": "yellow"}.get(r["severity"], "cyan")
        console.print(
            f"[{colour}]{r['severity'].upper()}[/{colour}] {r['title']}  "
            f"[dim]{r['id']} · rule {r['rule']} · raised {r['raised_at'][:19]}[/dim]"
        )
        alone = f" — one party alone ({r['one_party']})" if r.get("one_party") else ""
        console.print(
            f"  evidence: {len(r['evidence'])} claim(s), {r['corroboration']}, "
            f"from {', '.join(r['sources'])}{alone}"
            + (f"; previous alert on {r['area']}: {r['previous']}" if r["previous"] else "")
        )
        for e in r["evidence"][:5]:
            quote = "" if redacted else f" “{e['quote'][:100]}”"
            console.print(
                f"   - {e['claim']} {e['source']} {e['date']} {e['stance']} [{e['status']}] "
                f"{e['doc_sha256'][:12]}:{e['start']}-{e['end']}{quote}"
            )
        if len(r["evidence"]) > 5:
            console.print(f"   … and {len(r['evidence']) - 5} more (--format json lists all)")
        console.print(f"  [dim]caveat: {r['caveat']}[/dim]")


@cli.command("alerts")
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False), help="Alert rules (YAML).")
@click.option("--area", help="Only alerts on this country or area (XVM, XVM/North).")
@click.option("--check-rules", is_flag=True, help="Validate the rules file and stop.")
@format_option
@click.pass_obj
def alerts_cmd(
    obj: Context, rules_path: str | None, area: str | None, check_rules: bool, fmt: str
) -> None:
    """Alerts, newest first: the rules are applied to the record first (when your role may
    write), so any new evidence raises its alerts; an alert never fires twice for the same
    evidence. Rules: --rules FILE, else DATA_DIR/alerts.yaml, else the built-in defaults."""
    ruleset = rules_for(obj.store, rules_path)
    if check_rules:
        console.print(f"{ruleset.origin}: {len(ruleset.rules)} rules, valid")
        return
    obj.require("viewer", "reading alerts")
    if at_least(obj.role(), "analyst"):
        raise_alerts(obj.store, ruleset)
    records = obj.store.alerts()
    if area:
        records = [r for r in records if r["area"] == area or r["area"].startswith(area + "/")]
    rank = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    records.sort(key=lambda r: rank.get(r["severity"], 9))
    records.sort(key=lambda r: (r["period"], r["raised_at"]), reverse=True)  # newest first
    if obj.redacted:  # viewers: as a public export shows them
        private = private_sources(obj.store.list_documents(), (c for c, _ in obj.store.claims()))
        records = [public_alert(r, private) for r in records]
    _print(records, fmt, obj.redacted)


def _deliver(
    store: Store, feed: str | None, webhooks: tuple[str, ...], backoff: float, quotes: bool
) -> list[deliver.Delivered]:
    done = []
    if feed:
        done.append(deliver.to_feed(store, Path(feed), quotes))
    for url in webhooks:
        done.append(deliver.to_webhook(store, url, backoff, quotes))
    return done


def _report(done: list[deliver.Delivered]) -> None:
    for d in done:
        if d.sent:
            console.print(f"delivered {len(d.sent)} alert(s) to {d.target}")
        for alert_id, why in d.failed.items():
            err_console.print(f"[yellow]not delivered[/yellow] {alert_id} to {d.target}: {why}")


_delivery_options = [
    click.option("--feed", type=click.Path(dir_okay=False), help="JSON Feed file to keep."),
    click.option("--webhook", "webhooks", multiple=True, help="URL to POST each alert to."),
    click.option(
        "--backoff",
        type=click.FloatRange(min=0.01),
        default=30.0,
        show_default=True,
        help="Seconds before the first retry; doubles each failure (at most an hour).",
    ),
    click.option("--quotes", is_flag=True, help="Include quoted text (may name people)."),
]


def delivery_options(f: Any) -> Any:
    for option in reversed(_delivery_options):
        f = option(f)
    return f


@cli.command("deliver")
@delivery_options
@click.pass_obj
def deliver_cmd(
    obj: Context, feed: str | None, webhooks: tuple[str, ...], backoff: float, quotes: bool
) -> None:
    """Deliver alerts not yet delivered to a JSON Feed file and/or webhooks. Each alert reaches
    each target once; failures are retried on later runs, in order."""
    obj.require("analyst", "delivering alerts")
    if not feed and not webhooks:
        raise click.UsageError("give --feed FILE and/or --webhook URL")
    done = _deliver(obj.store, feed, webhooks, backoff, quotes)
    _report(done)
    if any(d.failed for d in done):
        sys.exit(1)


def _settled(folder: Path, last: dict[Path, tuple[int, int]]) -> list[Path]:
    """Files whose size and modification time held still since the previous look: a file
    still being copied in is left for the next round."""
    ready = []
    for s in expand([str(folder)]):
        if s.path is None or s.path.name.startswith(".") or s.path.suffix in (".part", ".tmp"):
            continue
        try:
            st = s.path.stat()
        except OSError:
            continue
        sig = (st.st_size, st.st_mtime_ns)
        if last.get(s.path) == sig:
            ready.append(s.path)
        last[s.path] = sig
    return ready


@cli.command("watch")
@click.argument("folder", type=click.Path(file_okay=False, exists=True))
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False), help="Alert rules (YAML).")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    default=5.0,
    show_default=True,
    help="Seconds between looks at the folder.",
)
@click.option("--cycles", type=click.IntRange(min=1), help="Stop after this many looks.")
@delivery_options
@click.pass_obj
def watch_cmd(
    obj: Context,
    folder: str,
    rules_path: str | None,
    interval: float,
    cycles: int | None,
    feed: str | None,
    webhooks: tuple[str, ...],
    backoff: float,
    quotes: bool,
) -> None:
    """Watch FOLDER: ingest files as they appear (once they stop growing), raise alerts, and
    deliver them to --feed and --webhook targets, retrying those that are down. Stops on
    Ctrl-C (or after --cycles looks)."""
    obj.require("analyst", "watching a folder (ingesting and raising alerts)")
    ruleset = rules_for(obj.store, rules_path)
    store = obj.store
    opts = Options(entities=obj.entities)
    last: dict[Path, tuple[int, int]] = {}
    handled: dict[Path, tuple[int, int]] = {}
    console.print(f"watching {folder} every {interval:g}s with {ruleset.producer}; Ctrl-C stops")
    n = 0
    live: Live | None = None
    try:
        while cycles is None or n < cycles:
            n += 1
            ready = [p for p in _settled(Path(folder), last) if handled.get(p) != last[p]]
            new: list[Outcome] = []
            if ready:
                outcomes = ingest(store, expand([str(p) for p in ready]), opts)
                for p in ready:
                    handled[p] = last[p]
                _outcomes(outcomes)
                new = [o for o in outcomes if o.status == "ingested" and o.document]
            if live is None:
                live = Live(store, ruleset)
                raised = live.raised
            elif new:
                documents = [o.document for o in new if o.document]
                raised = live.add(documents, [c for o in new for c in o.claims])
            else:
                raised = []
            for r in raised:
                console.print(f"[red]ALERT[/red] [{r['severity']}] {r['title']} ({r['id']})")
            _report(_deliver(store, feed, webhooks, backoff, quotes))
            sys.stdout.flush()
            if cycles is None or n < cycles:
                time.sleep(interval)
    except KeyboardInterrupt:
        console.print("stopped")


def _outcomes(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if o.status == "failed":
            err_console.print(f"[red]failed[/red]   {o.source}: {o.reason}")
        elif o.status == "ingested":
            console.print(f"[green]ingested[/green] {o.source} ({len(o.claims)} claims)")
