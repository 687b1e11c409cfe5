"""tocsin docs / tocsin doc SHA / tocsin verify: what the store holds, and whether it is whole."""

from __future__ import annotations

import sys
from typing import Any

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, err_console, format_option
from tocsin.lang import NO_CLAIMS
from tocsin.types import META_FIELDS, DocumentInfo, MetaValue


def doc_row(info: DocumentInfo) -> dict[str, Any]:
    """One document as other tools read it: sha256, filename and the metadata fields by name."""
    row: dict[str, Any] = {
        "sha256": info.sha256,
        "filename": info.filename,
        "media_type": info.media_type,
        "reader": info.reader,
        "language": info.language,
        "size": info.size,
        "pages": info.n_pages,
        "ingested_at": info.ingested_at,
    }
    for name in META_FIELDS:
        if name in info.meta:
            row[name] = info.meta[name].value
    # Fields beyond the fixed list (author, dateline...) by name too, never over a column.
    for name, value in info.meta.items():
        row.setdefault(name, value.value)
    row["meta_origin"] = {k: _origin(v) for k, v in info.meta.items()}
    row["warnings"] = list(info.warnings)
    return row


def _origin(v: MetaValue) -> dict[str, Any]:
    out: dict[str, Any] = {"origin": v.origin, "producer": v.producer}
    if v.start is not None:
        out["span"] = [v.start, v.end]
    return out


@cli.command("docs")
@format_option
@click.pass_obj
def docs_cmd(obj: Context, fmt: str) -> None:
    """List stored documents with their metadata."""
    obj.require("viewer", "reading")
    rows = [doc_row(i) for i in obj.store.list_documents()]
    if fmt == "csv":
        columns = ["sha256", "filename", *META_FIELDS]
    elif fmt == "table":
        for r in rows:
            r["sha"] = r["sha256"][:12]
            r["cited"] = len(r.get("cites", []))
            r["lang"] = r["language"]
            r["note"] = "; ".join(w for w in r["warnings"] if w.startswith(NO_CLAIMS))
        columns = [
            "sha",
            "filename",
            "lang",
            "speaker",
            "speaker_country",
            "publisher",
            "date",
            "body",
            "agenda_item",
            "cited",
        ]
        if any(r["note"] for r in rows):
            columns.append("note")
    else:
        columns = []
    emit(rows, fmt, columns, title=f"{len(rows)} documents")


@cli.command("doc")
@click.argument("sha")
@click.option("--text", "show_text", is_flag=True, help="Print the extracted text.")
@click.option("--sentences", is_flag=True, help="List sentences with offsets (and pages).")
@click.pass_obj
def doc_cmd(obj: Context, sha: str, show_text: bool, sentences: bool) -> None:
    """Show one document: metadata with where each value came from."""
    obj.require("viewer", "reading")
    store = obj.store
    full = store.resolve(sha)
    doc = store.get(full) if full else None
    if doc is None:
        err_console.print(
            f"no document matches {sha!r}: give 6 or more leading characters of its sha256"
        )
        sys.exit(1)
    console.print(f"[bold]{doc.filename}[/bold]  sha256 {doc.sha256}")
    console.print(
        f"{doc.media_type} read by {doc.reader}, {doc.size} bytes, language {doc.language}, "
        f"{len(doc.pages)} pages, {len(doc.paragraphs())} paragraphs, {len(doc.sentences())} sentences"
    )
    extra = [k for k in doc.meta if k not in META_FIELDS]  # author, dateline...
    for name in (*META_FIELDS, *extra):
        if name not in doc.meta:
            continue
        v = doc.meta[name]
        where = f" chars {v.start}-{v.end}" if v.start is not None else ""
        page = doc.page_at(v.start) if v.start is not None else None
        where += f" p.{page}" if page else ""
        console.print(f"  {name:16} {v.value}  [dim]({v.origin} by {v.producer}{where})[/dim]")
    for w in doc.warnings:
        console.print(f"  [yellow]note:[/yellow] {w}")
    if sentences:
        for s in doc.sentences():
            on_page = f" p.{s.page}" if s.page else ""
            console.print(
                f"[dim]{s.index:4} {s.start}-{s.end}{on_page}[/dim] {doc.span(s.start, s.end)}"
            )
    if show_text:
        console.print(doc.text, markup=False)


@cli.command("verify")
@click.pass_obj
def verify_cmd(obj: Context) -> None:
    """Check every original against its sha256 and every document for missing rows."""
    obj.require("viewer", "reading")
    store = obj.store
    problems = store.verify()
    for p in problems:
        err_console.print(f"{p.sha256[:12]}  {p.what}")
    n = store.count()
    if problems:
        err_console.print(f"[red]{len(problems)} problem(s)[/red] in {n} documents")
        sys.exit(1)
    console.print(f"ok: {n} documents, every original matches its sha256")
