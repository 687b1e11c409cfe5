"""The ingest command as a user meets it: paths, globs, stdin, summaries and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tocsin.store import Store
from tocsin.synth.minipdf import make_pdf

from .conftest import GOLD, Run, docs_json, seed_paths, snapshot, tamper

STATEMENT = (
    "Statement by Mr. Jean Martin\nPermanent Representative of France to the United Nations\n\n"
    "Security Council, 9500th meeting\n\n2 February 2024\n\nMr. President,\n\n"
    "France recalls resolution 2417 (2018). Civilians must be protected.\n"
)


def test_seeds_ingest_and_docs_json_follow_the_gold_fields(run: Run, seeds: Path) -> None:
    result = run("ingest", *seed_paths(seeds))
    assert result.exit_code == 0, result.output
    assert "2 ingested, 0 already present, 0 failed" in result.output
    docs = {d["filename"]: d for d in docs_json(run)}
    for line in (GOLD / "seed_metadata.jsonl").read_text().splitlines():
        gold = json.loads(line)
        doc = docs[gold.pop("doc")]
        assert len(str(doc["sha256"])) == 64
        for field, value in gold.items():
            got = doc[field]
            assert (sorted(got) if field == "cites" else got) == (
                sorted(value) if field == "cites" else value
            )
        assert doc["meta_origin"]["speaker"]["origin"] == "inferred"


def test_reingesting_the_same_bytes_creates_nothing_and_says_so(
    run: Run, tmp_path: Path, open_store
) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    assert run("ingest", str(f)).exit_code == 0
    before = snapshot(open_store())
    copy = tmp_path / "copy-with-other-name.txt"
    copy.write_bytes(f.read_bytes())
    result = run("ingest", str(f), str(copy))
    assert result.exit_code == 0
    assert "0 ingested, 2 already present" in result.output
    assert "present" in result.output
    assert snapshot(open_store()) == before


def test_folders_recursive_globs_and_stdin(run: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub" / "deeper").mkdir(parents=True)
    (corpus / "a.txt").write_text("Alpha text about the valley.")
    (corpus / "sub" / "b.md").write_text("# Beta\n\nBeta **text**.")
    (corpus / "sub" / "deeper" / "c.pdf").write_bytes(make_pdf(["Gamma text."]))
    (corpus / ".hidden.txt").write_text("never read")
    (tmp_path / "g1.html").write_text("<html><body><p>Glob one.</p></body></html>")
    (tmp_path / "g2.html").write_text("<html><body><p>Glob two.</p></body></html>")
    assert run("ingest", str(corpus)).exit_code == 0
    assert run("ingest", str(tmp_path / "g*.html")).exit_code == 0
    result = run("ingest", "-", "--name", "from-pipe.txt", input=b"Delta text from a pipe.")
    assert result.exit_code == 0, result.output
    names = sorted(str(d["filename"]) for d in docs_json(run))
    assert names == ["a.txt", "b.md", "c.pdf", "from-pipe.txt", "g1.html", "g2.html"]


def test_given_metadata_overrides_inferred_and_records_its_origin(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    sidecar = tmp_path / "s.txt.meta.json"
    sidecar.write_text(json.dumps({"body": "General Assembly", "agenda_item": "7"}))
    result = run(
        "ingest",
        str(f),
        "--speaker",
        "J. Martin",
        "--date",
        "2024-02-03",
        "--speaker-country",
        "Chile",
        "--publisher",
        "Mission of Chile",
    )
    assert result.exit_code == 0, result.output
    (doc,) = docs_json(run)
    assert doc["speaker"] == "J. Martin"
    assert doc["date"] == "2024-02-03"
    assert doc["speaker_country"] == "CHL"
    assert doc["body"] == "General Assembly"
    assert doc["agenda_item"] == "7"
    assert doc["publisher"] == "Mission of Chile"
    assert doc["meeting"] == "9500th meeting"
    origin = doc["meta_origin"]
    assert origin["speaker"] == {"origin": "given", "producer": "cli"}
    assert origin["body"]["producer"] == "sidecar:s.txt.meta.json"
    assert origin["meeting"]["origin"] == "inferred"
    assert origin["meeting"]["producer"] == "meta.header@1"


def test_invalid_given_metadata_is_a_usage_error_and_stores_nothing(
    run: Run, tmp_path: Path, open_store
) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    for args in (["--date", "3 Feb 2024"], ["--speaker-country", "Atlantis"]):
        result = run("ingest", str(f), *args)
        assert result.exit_code == 2
        assert "date" in result.output or "unknown country" in result.output
    assert open_store().count() == 0


def test_data_dir_from_environment(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from tocsin.cli import cli

    target = tmp_path / "env-data"
    monkeypatch.setenv("TOCSIN_DATA_DIR", str(target))
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    result = CliRunner().invoke(cli, ["ingest", str(f)])
    assert result.exit_code == 0, result.output
    assert Store(target).count() == 1
    assert (target / "tocsin.db").is_file()


def test_doc_command_shows_provenance_of_each_field(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    run("ingest", str(f))
    sha = str(docs_json(run)[0]["sha256"])
    result = run("doc", sha[:10], "--sentences")
    assert result.exit_code == 0
    assert "speaker_country  FRA" in result.output
    assert "inferred by meta.header@1" in result.output
    assert "Civilians must be protected." in result.output
    assert run("doc", "ffffff").exit_code == 1


def test_verify_detects_an_altered_original(run: Run, tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    run("ingest", str(f))
    assert run("verify").exit_code == 0
    tamper(open_store(), "update originals set data = 'tampered'")
    result = run("verify")
    assert result.exit_code == 1
    assert "original altered" in result.output


def test_unusable_data_dir_or_database_is_one_clear_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tocsin.cli import cli

    f = tmp_path / "s.txt"
    f.write_text(STATEMENT)
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "tocsin.db").write_bytes(b"this is not a database" * 100)
    for data_dir, words in (
        (not_a_dir / "sub", "cannot use data directory"),
        (broken, "cannot open database"),
    ):
        result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "ingest", str(f)])
        assert result.exit_code == 1
        assert words in result.output
        assert "Traceback" not in result.output
    assert (broken / "tocsin.db").read_bytes() == b"this is not a database" * 100


def test_stdin_format_is_recognised_from_content(run: Run) -> None:
    result = run("ingest", "-", input=make_pdf(["Text piped in as a PDF."]))
    assert result.exit_code == 0, result.output
    (doc,) = docs_json(run)
    assert doc["filename"] == "<stdin>"
    assert doc["reader"] == "pdf@1"
