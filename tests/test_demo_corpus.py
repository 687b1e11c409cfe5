"""The bundled demo corpus: every document goes in, with the metadata a reader would expect."""

from __future__ import annotations

from .conftest import EXAMPLES, Run, docs_json

EXPECTED = {
    "velmora-ga-statement-2024-03-04.md": ("Irena Valk", "XVM", "2024-03-04", "General Assembly"),
    "astrel-right-of-reply-2024-03-04.txt": ("Tomas Rell", "XAS", "2024-03-04", "General Assembly"),
    "velmora-hrc-statement-2023-10-02.txt": (
        "Darius Moln",
        "XVM",
        "2023-10-02",
        "Human Rights Council",
    ),
    "unmdv-sc-briefing-2024-02-14.html": ("Amara Okonjo", None, "2024-02-14", "Security Council"),
    "meridian-post-kessa-2024-02-13.html": ("Lena Hartwig", None, "2024-02-13", None),
    "meridian-post-astrel-denies-2024-02-15.html": ("Lena Hartwig", None, "2024-02-15", None),
    "dravin-watch-report-2024-02-20.pdf": (None, None, "2024-02-20", None),
    "astrel-sc-statement-2024-04-02.pdf": ("Viktor Hale", "XAS", "2024-04-02", "Security Council"),
    "relief-alliance-field-report-2024-01-20.md": (None, None, "2024-01-20", None),
    "coi-press-release-2024-04-15.md": (None, None, "2024-04-15", None),
    "wire-lorn-landmine-2024-06-01.txt": (None, None, "2024-06-01", None),
    "velmora-sc-letter-2024-05-10.docx": ("Irena Valk", "XVM", "2024-05-10", "Security Council"),
    # the press of the region, in the other UN languages
    "agencia-sur-lorn-2024-06-02.txt": (None, None, "2024-06-02", None),
    "vestnik-kessa-2024-02-13.txt": (None, None, "2024-02-13", None),
    "wadi-news-kessa-2024-02-13.txt": (None, None, "2024-02-13", None),
    "valley-daily-lorn-2024-06-02.txt": (None, None, "2024-06-02", None),
}
LANGUAGES = {
    "agencia-sur-lorn-2024-06-02.txt": "es",
    "vestnik-kessa-2024-02-13.txt": "ru",
    "wadi-news-kessa-2024-02-13.txt": "ar",
    "valley-daily-lorn-2024-06-02.txt": "zh",
}


def test_demo_corpus_ingests_whole_with_expected_metadata(run: Run, open_store) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    assert result.exit_code == 0, result.output
    assert "16 ingested, 0 already present, 0 failed" in result.output
    docs = {d["filename"]: d for d in docs_json(run)}
    assert set(docs) == set(EXPECTED)
    for name, (speaker, country, date, body) in EXPECTED.items():
        doc = docs[name]
        assert (
            doc.get("speaker"),
            doc.get("speaker_country"),
            doc.get("date"),
            doc.get("body"),
        ) == (
            speaker,
            country,
            date,
            body,
        ), name
    for name, code in LANGUAGES.items():
        assert docs[name]["language"] == code and not docs[name].get("warnings"), name
    assert docs["unmdv-sc-briefing-2024-02-14.html"]["speaker_org"] == "UN"
    # news: the outlet is the source, read from the page title; a dateline is no title
    kessa_news = docs["meridian-post-kessa-2024-02-13.html"]
    assert kessa_news["publisher"] == "The Meridian Post"
    assert kessa_news["title"] == "Shells hit crowded Kessa market, at least 18 dead"
    assert "speaker_title" not in kessa_news
    # originals come back byte for byte
    store = open_store()
    for name, doc in docs.items():
        assert store.original(str(doc["sha256"])) == (EXAMPLES / "corpus" / name).read_bytes()
    # the windows-1252 page was decoded, not mangled
    kessa = store.get(str(docs["meridian-post-kessa-2024-02-13.html"]["sha256"]))
    assert kessa is not None and kessa.encoding == "cp1252"
    assert "KESSA, Feb 13 — At least 18 people" in kessa.text
    assert "cookies" not in kessa.text and "Related" not in kessa.text


def test_demo_corpus_claims_show_a_repeated_figure_corroboration_and_a_denial(run: Run) -> None:
    import json

    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    rows = json.loads(run("claims", "--format", "json").stdout)
    kessa_killings = {
        r["filename"]
        for r in rows
        if r["event"] == "killing" and r["when"] and r["when"]["from"] == "2024-02-12"
    }
    # Velmora, the NGO report and more: the same incident from several sources
    assert {
        "velmora-ga-statement-2024-03-04.md",
        "dravin-watch-report-2024-02-20.pdf",
    } <= kessa_killings
    missing = sorted(
        (r["doc_date"], r["count"]["qualifier"], r["count"]["value"])
        for r in rows
        if r["event"] == "missing_persons" and r["count"] and r["count"]["value"]
    )
    assert missing[0] == ("2023-10-02", "about", 4000)  # the figure Velmora repeats over time
    assert ("2024-03-04", "almost", 4000) in missing
    denials = [r for r in rows if r["event"] == "denial" and r["speaker_country"] == "XAS"]
    assert denials and any("attack_on_civilians" in r["other_events"] for r in denials)


def test_reports_in_six_languages_of_one_event_are_one_incident(run: Run) -> None:
    """The same killing told in English, Russian and Arabic, the same mine blast in English,
    Spanish and Chinese: one incident each, its places the same ids whatever the script."""
    import json

    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    docs = {d["sha256"]: d["filename"] for d in docs_json(run)}
    rows = json.loads(run("incidents", "--format", "json").stdout)
    claims = {c["id"]: c for c in json.loads(run("claims", "--format", "json").stdout)}

    def languages(row: dict[str, object]) -> set[str]:
        names = {docs[claims[c]["doc_sha256"]] for c in row["claims"]}  # type: ignore[attr-defined]
        return {LANGUAGES.get(n, "en") for n in names}

    kessa = next(r for r in rows if r["event"] == "killing" and "Kessa" in r["places"])
    assert {"en", "ru", "ar"} <= languages(kessa)
    lorn = next(r for r in rows if r["event"] == "mine_incident" and "Lorn" in r["places"])
    assert {"en", "es", "zh"} <= languages(lorn)
