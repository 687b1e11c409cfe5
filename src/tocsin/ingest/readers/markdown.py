"""Markdown, including Markdown converted from PDF: markup and stray HTML removed.

A real CommonMark parser (markdown-it-py) does the work, so ``**bold**``, escapes, links and
inline HTML such as ``64<sup>th</sup>`` come out as the words a reader sees ("64th").
Every block (heading, paragraph, list item) becomes its own paragraph in the text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tocsin.ingest.encoding import decode
from tocsin.ingest.readers.html import html_fragment_text
from tocsin.ingest.textnorm import normalise
from tocsin.types import ReadResult

_SIGNALS = (
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # bold
    re.compile(r"^#{1,6} \S", re.MULTILINE),  # ATX heading
    re.compile(r"^(?:-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE),  # horizontal rule
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # link
    re.compile(r"</?(?:sup|sub|br|b|i|em|strong|span)\b[^>]*>", re.IGNORECASE),  # inline HTML
    re.compile(r"^```", re.MULTILINE),  # code fence
)
_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "html_inline":
            if child.content.lower().startswith("<br"):
                parts.append("\n")
        elif kind == "image":
            parts.append(_inline(child))
    return "".join(parts)


def markdown_text(source: str) -> str:
    blocks: list[str] = []
    row: list[str] | None = None
    for token in _PARSER.parse(source):
        kind = token.type
        if kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append("\t".join(row))
            row = None
        elif kind == "inline":
            text = _inline(token).strip()
            if row is not None:
                row.append(text)
            elif text:
                blocks.append(text)
        elif kind in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif kind == "html_block":
            blocks.extend(html_fragment_text(token.content))
    return "\n\n".join(b for b in blocks if b.strip())


class MarkdownReader:
    name = "markdown"
    version = 1
    refines: str | None = "text"
    extensions = (".md", ".markdown", ".mdown")

    def sniff(self, head: bytes) -> bool:
        """Two or more distinct Markdown conventions in the first bytes of a "text" file."""
        sample = head.decode("utf-8", errors="ignore")
        return sum(bool(p.search(sample)) for p in _SIGNALS) >= 2

    def read(self, data: bytes) -> ReadResult:
        text, encoding = decode(data)
        return ReadResult(
            normalise(markdown_text(text)), f"{self.name}@{self.version}", "text/markdown", encoding
        )


READER = MarkdownReader()
