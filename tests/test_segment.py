from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tocsin.ingest.segment import segment
from tocsin.lang import load
from tocsin.types import Page

EN = load("en")

# Text built from the pieces that make segmentation hard: terminators, abbreviations,
# initials, numbers, quotes, blank lines, non-Latin scripts.
pieces = st.sampled_from(
    [
        "Mr.",
        "H.E.",
        "Ms.",
        "No.",
        "F.",
        "killed",
        "12.",
        "1.2",
        "million",
        "civilians",
        "the",
        "Council",
        "“quoted.”",
        "(A/75/L.82).",
        "?",
        "!",
        "…",
        "  ",
        "\n",
        "\n\n",
        "\n \n",
        "Совет.",
        "安全理事会。",
        "é",
        "e.g.",
        "4,000",
        "—",
        "\t",
    ]
)
texts = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=60).map(" ".join)


def _check(text: str, pages: tuple[Page, ...] = ()) -> None:
    segs = segment(text, EN, pages)
    paragraphs = [s for s in segs if s.kind == "paragraph"]
    sentences = [s for s in segs if s.kind == "sentence"]
    for group in (paragraphs, sentences):
        assert [s.index for s in group] == list(range(len(group)))
        for a, b in itertools.pairwise(group):
            assert a.end <= b.start, "segments overlap or are out of order"
    for s in segs:
        span = text[s.start : s.end]
        assert 0 <= s.start < s.end <= len(text)
        assert span == span.strip(), "a span carries surrounding whitespace"
        assert span, "empty segment"
    for s in sentences:
        p = paragraphs[s.paragraph]  # type: ignore[index]
        assert p.start <= s.start and s.end <= p.end
    # Nothing but whitespace is lost between paragraphs.
    covered = "".join(text[p.start : p.end] for p in paragraphs)
    assert "".join(covered.split()) == "".join(text.split())


@given(texts)
@settings(max_examples=300, deadline=None)
def test_any_text_segments_into_exact_trimmed_spans(text: str) -> None:
    _check(text)


@given(texts, st.lists(st.integers(min_value=0, max_value=400), max_size=5))
@settings(max_examples=150, deadline=None)
def test_every_segment_starts_on_the_page_that_holds_its_offset(text: str, cuts: list[int]) -> None:
    bounds = sorted({0, *(c for c in cuts if c < len(text)), len(text)})
    pages = tuple(Page(i + 1, a, b) for i, (a, b) in enumerate(itertools.pairwise(bounds)))
    _check(text, pages)
    for s in segment(text, EN, pages):
        if pages:
            holder = next(p for p in pages if p.start <= s.start < p.end)
            assert s.page == holder.number


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text, EN) if s.kind == "sentence"]


def test_abbreviations_initials_and_numbers_do_not_split() -> None:
    text = (
        "Statement by H.E. Mr. Yashar Aliyev and Ms. Tofiq F. Musayev on item No. 5. "
        "The war displaced 1.2 million people. Armenia killed 12. The next sentence starts here."
    )
    assert sentences(text) == [
        "Statement by H.E. Mr. Yashar Aliyev and Ms. Tofiq F. Musayev on item No. 5.",
        "The war displaced 1.2 million people.",
        "Armenia killed 12.",
        "The next sentence starts here.",
    ]


def test_quotes_and_brackets_close_the_sentence_they_end() -> None:
    text = "He said: “They were buying bread.” Then he left. (See A/75/L.82.) Next?"
    assert sentences(text) == [
        "He said: “They were buying bread.”",
        "Then he left.",
        "(See A/75/L.82.)",
        "Next?",
    ]


def test_numbered_paragraph_marker_is_not_a_sentence() -> None:
    assert sentences("1. The Council met. 2. It adjourned.") == [
        "1. The Council met.",
        "2. It adjourned.",
    ]


def test_unknown_abbreviation_followed_by_lower_case_does_not_split() -> None:
    assert sentences("Troops approx. two hundred arrived. Then calm.") == [
        "Troops approx. two hundred arrived.",
        "Then calm.",
    ]
