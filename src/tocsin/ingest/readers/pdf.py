"""PDF: text page by page, each page's span in the text kept, printed page labels too."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from tocsin.errors import RejectedInput
from tocsin.ingest.textnorm import normalise
from tocsin.types import Page, ReadResult

PAGE_BREAK = "\n\n"
_RUNS = re.compile(r"[ \t]{2,}")


def _page_text(page: PageObject) -> str:
    """Layout mode keeps the vertical gaps that separate paragraphs as blank lines; the
    horizontal padding it adds to reproduce the page is removed again."""
    try:
        raw = page.extract_text(extraction_mode="layout")
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        raw = page.extract_text()  # plain mode copes with some pages layout mode cannot
    lines = (_RUNS.sub(" ", line).strip() for line in (raw or "").split("\n"))
    return normalise("\n".join(lines))


# pypdf reports recoverable damage through logging; we report it once, as a warning.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _open(data: bytes) -> PdfReader:
    if b"%%EOF" not in data[-2048:]:
        raise RejectedInput("truncated PDF: no end-of-file marker (incomplete download?)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RejectedInput("encrypted PDF: it needs a password; decrypt it and ingest again")
        _ = len(reader.pages)
    except RejectedInput:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RejectedInput(f"corrupt PDF: {exc}") from None
    except NotImplementedError as exc:  # encryption algorithms pypdf cannot undo
        raise RejectedInput(f"encrypted PDF: {exc}") from None
    return reader


class PdfReaderPlugin:
    name = "pdf"
    version = 1
    refines: str | None = None
    extensions = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes) -> ReadResult:
        reader = _open(data)
        try:
            labels: list[str] | None = list(reader.page_labels)
        except (PyPdfError, ValueError, KeyError, TypeError, IndexError):
            labels = None
        texts: list[str] = []
        warnings: list[str] = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                texts.append(_page_text(page))
            except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
                warnings.append(f"page {number}: text unreadable ({exc})")
                texts.append("")
        pages: list[Page] = []
        parts: list[str] = []
        offset = 0
        for number, text in enumerate(texts, start=1):
            if parts:
                parts.append(PAGE_BREAK)
                offset += len(PAGE_BREAK)
            label = labels[number - 1] if labels and len(labels) >= number else None
            pages.append(Page(number, offset, offset + len(text), label))
            parts.append(text)
            offset += len(text)
        full = "".join(parts)
        if not full.strip():
            raise RejectedInput(
                f"no extractable text in {len(texts)} page(s): scanned images? run OCR first"
            )
        empty = [p.number for p in pages if p.start == p.end]
        if empty:
            warnings.append(f"{len(empty)} page(s) without text: {empty[:10]}")
        info = reader.metadata
        title = str(info.title or "").strip() if info is not None else ""
        hints = {"title": title} if title else {}
        return ReadResult(
            full,
            f"{self.name}@{self.version}",
            "application/pdf",
            None,
            tuple(pages),
            tuple(warnings),
            hints,
        )


READER = PdfReaderPlugin()
