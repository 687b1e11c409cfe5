"""Bad input: one clear line naming the file and the reason, the rest still go in, non-zero
exit, and nothing partial in the store."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tocsin.synth.minipdf import make_pdf

from .conftest import Run, docs_json, snapshot

GOOD = "Statement by Mr. Good Example\n\n1 May 2024\n\nMr. President,\n\nA good document."


def _encrypted() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Locked."]))))
    writer.encrypt("password", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _make(kind: str, tmp: Path) -> tuple[Path, str]:
    """A bad file of the given kind, and the words its error must contain."""
    if kind == "empty":
        p = tmp / "empty.txt"
        p.write_bytes(b"")
        return p, "empty file"
    if kind == "binary":
        p = tmp / "garbage.txt"
        p.write_bytes(os.urandom(20_000))
        return p, "not text"
    if kind == "truncated_pdf":
        data = make_pdf(["Some text."] * 100)
        p = tmp / "truncated.pdf"
        p.write_bytes(data[: len(data) // 2])
        return p, "truncated PDF"
    if kind == "encrypted_pdf":
        p = tmp / "locked.pdf"
        p.write_bytes(_encrypted())
        return p, "encrypted PDF"
    if kind == "huge":
        p = tmp / "huge.txt"
        with p.open("wb") as fh:  # sparse: 200 MiB on paper, nothing on disk
            fh.truncate(200 * 1024 * 1024)
        return p, "file too large"
    if kind == "scripts_only":
        p = tmp / "scripts.html"
        p.write_text(
            "<html><head><script>"
            + "var x=1;" * 5000
            + "</script></head><body><script>go()</script></body></html>"
        )
        return p, "no readable text"
    if kind == "missing":
        return tmp / "does-not-exist.pdf", "no such file"
    if kind == "no_text":
        p = tmp / "blank.txt"
        p.write_text("   \n\n\t  \n")
        return p, "no readable text"
    if kind == "scanned_pdf":
        p = tmp / "scan.pdf"
        p.write_bytes(make_pdf(["", ""]))
        return p, "no extractable text"
    if kind == "corrupt_docx":
        p = tmp / "broken.docx"
        p.write_bytes(b"PK\x03\x04not really a zip" * 10)
        return p, "docx"
    raise AssertionError(kind)


KINDS = [
    "empty",
    "binary",
    "truncated_pdf",
    "encrypted_pdf",
    "huge",
    "scripts_only",
    "missing",
    "no_text",
    "scanned_pdf",
    "corrupt_docx",
]


@pytest.mark.parametrize("kind", KINDS)
def test_bad_file_gets_one_clear_line_and_others_still_go_in(
    kind: str, run: Run, tmp_path: Path, open_store
) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    bad, reason = _make(kind, tmp_path)
    before = snapshot(open_store())
    result = run("ingest", str(bad), str(good))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert len(lines) == 1, result.output
    assert str(bad) in lines[0] and reason in lines[0], lines[0]
    assert "1 ingested, 0 already present, 1 failed" in result.output
    assert [d["filename"] for d in docs_json(run)] == ["good.txt"]
    # the bad file left no trace: only the good document was added
    after = snapshot(open_store())
    assert len(after["documents"]) == len(before.get("documents", [])) + 1  # type: ignore[arg-type]
    assert len(after["originals"]) == len(before.get("originals", [])) + 1  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["empty", "binary", "encrypted_pdf"])
def test_only_bad_input_leaves_the_store_exactly_as_it_was(
    kind: str, run: Run, tmp_path: Path, open_store
) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    assert run("ingest", str(good)).exit_code == 0
    before = snapshot(open_store())
    bad, _ = _make(kind, tmp_path)
    assert run("ingest", str(bad)).exit_code == 1
    assert snapshot(open_store()) == before


def test_max_size_is_adjustable(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 300_000)  # about 1.4 MiB
    result = run("ingest", "--max-size", "1", str(f))
    assert result.exit_code == 1 and "--max-size" in result.output
    assert run("ingest", "--no-extract", "--max-size", "2", str(f)).exit_code == 0


def test_json_output_reports_each_file(run: Run, tmp_path: Path) -> None:
    import json

    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = run("ingest", "--format", "json", str(good), str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["ingested", "failed"]
    assert rows[1]["reason"] == "no such file or directory"
