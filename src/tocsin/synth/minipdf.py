"""A minimal PDF writer: text pages in a standard font, nothing else.

Enough to make real, valid PDFs for the demo corpus, tests and benchmarks without another
dependency. Text is set in Helvetica with WinAnsiEncoding (Windows-1252), so any character
outside that code page is replaced by "?".
"""

from __future__ import annotations

import textwrap
import zlib

LINES_PER_PAGE = 48
WRAP = 92


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _layout(paragraphs: list[str]) -> list[list[str]]:
    lines: list[str] = []
    for para in paragraphs:
        for raw in para.split("\n"):
            lines.extend(textwrap.wrap(raw, WRAP) or [""])
        lines.append("")
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    return pages or [[""]]


def _content(lines: list[str]) -> bytes:
    out = [b"BT /F1 11 Tf 14 TL 56 790 Td"]
    for line in lines:
        out.append(b"(" + _escape(line) + b") Tj T*")
    out.append(b"ET")
    return zlib.compress(b"\n".join(out))


def make_pdf(
    paragraphs: list[str], title: str | None = None, page_labels_from: int | None = None
) -> bytes:
    """A PDF whose pages hold `paragraphs`; page labels start at `page_labels_from` if given."""
    pages = _layout(paragraphs)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree exists
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = _content(lines)
        content = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (tree, font, content)
            )
        )
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    labels = b""
    if page_labels_from is not None:
        labels = b" /PageLabels << /Nums [0 << /S /D /St %d >>] >>" % page_labels_from
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, labels)
    info = None
    if title:
        info = add(b"<< /Title (" + _escape(title) + b") >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
