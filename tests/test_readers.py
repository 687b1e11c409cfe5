from __future__ import annotations

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from tocsin import read_document
from tocsin.errors import RejectedInput
from tocsin.ingest.readers import choose
from tocsin.synth.minipdf import make_pdf


def read(data: bytes, name: str) -> str:
    return read_document(data, name).text


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_leftovers_from_pdf_conversion_are_stripped() -> None:
    md = (
        "**Statement by Mr. A. Example\nMinister**\n\n---\n\n"
        "**at the 64<sup>th</sup> plenary meeting**\n\n"
        "- first item with a [link](http://example.org)\n- second *item*\n\n"
        "A \\*literal\\* star and `code`."
    )
    text = read(md.encode(), "s.md")
    assert "**" not in text and "<sup>" not in text and "---" not in text
    assert "64th plenary meeting" in text
    assert "first item with a link" in text
    assert "second item" in text
    assert "A *literal* star and code." in text
    # each list item is its own paragraph
    doc = read_document(md.encode(), "s.md")
    paragraphs = [doc.span(p.start, p.end) for p in doc.paragraphs()]
    assert "first item with a link" in paragraphs and "second item" in paragraphs


def test_txt_that_is_really_converted_markdown_is_read_as_markdown() -> None:
    data = b"**Title**\n\n---\n\nBody text with 64<sup>th</sup> meeting."
    choice = choose("statement.txt", data)
    assert choice.reader.name == "markdown"
    assert read(data, "statement.txt") == "Title\n\nBody text with 64th meeting."


def test_plain_text_stays_plain() -> None:
    data = b"Line one - with a dash.\n\n* not really markdown\n"
    assert choose("notes.txt", data).reader.name == "text"
    assert read(data, "notes.txt") == "Line one - with a dash.\n\n* not really markdown"


# -- HTML -----------------------------------------------------------------------------------

PAGE = b"""<!DOCTYPE html><html><head><title>T</title>
<script>alert('x'); document.write('<p>injected</p>')</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="menu"><a href="/a">A</a> <a href="/b">B</a></div>
<main><h1>Headline</h1><p>First paragraph with <b>bold</b> and<br>a break.</p>
<script>var hidden = "SECRET SCRIPT TEXT";</script>
<table><tr><td>cell one</td><td>cell two</td></tr></table>
<p>Second &amp; last paragraph.</p></main>
<footer>Copyright footer</footer><script>track()</script></body></html>"""


def test_html_main_text_without_scripts_or_boilerplate() -> None:
    text = read(PAGE, "page.html")
    assert text.startswith("Headline\n\nFirst paragraph with bold and\na break.")
    assert "Second & last paragraph." in text
    assert "cell one" in text and "cell two" in text
    for junk in ("alert", "SECRET", "injected", "Home", "Copyright", "track"):
        assert junk not in text


def test_html_without_main_drops_link_heavy_blocks() -> None:
    page = b"""<html><body><div class="top"><a href="1">World</a> | <a href="2">Sport</a> |
    <a href="3">Business</a></div><div><p>The real story has enough words to matter here.</p>
    <p>More text of the story.</p></div><div><a href="x">Related one</a> <a href="y">Related two</a>
    </div></body></html>"""
    text = read(page, "news.html")
    assert text == "The real story has enough words to matter here.\n\nMore text of the story."


def test_html_only_scripts_has_no_readable_text() -> None:
    page = (
        b"<html><head><script>"
        + b"var a = 1;" * 1000
        + b"</script></head><body><script>x()</script></body></html>"
    )
    with pytest.raises(RejectedInput, match="no readable text"):
        read_document(page, "scripts.html")


def test_hostile_html_is_parsed_safely() -> None:
    nested = b"<html><body>" + b"<div>" * 200 + b"deep text" + b"</div>" * 200
    assert "deep text" in read(nested, "nested.html")
    # Nesting beyond libxml2's depth limit loses the text: a clear refusal, never a crash.
    abyss = b"<html><body>" + b"<div>" * 50_000 + b"lost" + b"</div>" * 50_000
    try:
        assert "lost" in read(abyss, "abyss.html")
    except RejectedInput as exc:
        assert "no readable text" in str(exc)
    entity = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e; safe</p></body></html>'
    text = read(entity, "entity.html")
    assert "root:" not in text and "safe" in text


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “quoted” – dash</p></body></html>'
    assert read(page.encode("cp1252"), "p.html") == "Café “quoted” – dash"


# -- PDF ------------------------------------------------------------------------------------


def test_pdf_pages_and_labels_are_kept() -> None:
    paragraphs = [f"Paragraph {i} on the shelling of the market." for i in range(120)]
    data = make_pdf(paragraphs, page_labels_from=7)
    doc = read_document(data, "r.pdf")
    assert len(doc.pages) >= 3
    assert doc.pages[0].label == "7" and doc.pages[1].label == "8"
    for page in doc.pages:
        assert doc.text[page.start : page.end].strip()
    for sentence in doc.sentences():
        page = doc.page_at(sentence.start)
        assert page == sentence.page
        # the page's own text holds the sentence
        p = doc.pages[page - 1]
        assert p.start <= sentence.start and sentence.end <= p.end
    last = doc.sentences()[-1]
    assert doc.span(last.start, last.end) == "Paragraph 119 on the shelling of the market."
    assert last.page == len(doc.pages)


def _encrypted(password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret text."]))))
    writer.encrypt(password, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_encrypted_pdf_is_refused_with_a_reason() -> None:
    with pytest.raises(RejectedInput, match="encrypted PDF"):
        read_document(_encrypted("s3cret"), "locked.pdf")


def test_pdf_encrypted_with_empty_password_is_read() -> None:
    assert read(_encrypted(""), "open.pdf") == "Secret text."


def test_truncated_pdf_is_refused() -> None:
    data = make_pdf(["Some text here."] * 50)
    with pytest.raises(RejectedInput, match="truncated PDF"):
        read_document(data[: len(data) // 2], "cut.pdf")


def test_corrupt_pdf_is_refused() -> None:
    with pytest.raises(RejectedInput, match="PDF"):
        read_document(b"%PDF-1.4\n" + b"\x00garbage" * 200 + b"\n%%EOF\n", "bad.pdf")


def test_pdf_without_text_says_so() -> None:
    with pytest.raises(RejectedInput, match="no extractable text"):
        read_document(make_pdf([""]), "scan.pdf")


def test_pdf_named_txt_is_read_as_pdf_and_noted() -> None:
    doc = read_document(make_pdf(["Hidden PDF text."]), "misnamed.txt")
    assert doc.text == "Hidden PDF text."
    assert doc.reader == "pdf@1"
    assert any("content looks like pdf" in w for w in doc.warnings)


# -- DOCX -----------------------------------------------------------------------------------


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("First paragraph.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "left"
    table.rows[0].cells[1].text = "right"
    document.add_paragraph("Last paragraph.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order() -> None:
    assert read(_docx(), "letter.docx") == "First paragraph.\n\nleft\tright\n\nLast paragraph."


def test_docx_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    with pytest.raises(RejectedInput, match="zip bomb"):
        read_document(buf.getvalue(), "bomb.docx")


def test_corrupt_docx_is_refused() -> None:
    with pytest.raises(RejectedInput, match="docx"):
        read_document(b"PK\x03\x04" + b"\x00" * 100, "broken.docx")
