"""HTML: the main text of the page, without scripts, navigation or other boilerplate.

Main content is the page's own declaration when it makes one (``<main>``, ``role=main``,
``<article>``); otherwise the body, with link-heavy blocks (menus, footers) dropped.
Hostile pages are parsed by libxml2's forgiving HTML parser with no network access and
no entity expansion; scripts never run.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from tocsin.errors import RejectedInput
from tocsin.ingest.encoding import decode
from tocsin.ingest.textnorm import normalise
from tocsin.types import ReadResult

DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "form",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "nav",
        "aside",
        "menu",
        "dialog",
        "head",
        "title",
        "meta",
        "link",
    ]
)
BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "caption",
        "figcaption",
        "address",
        "header",
        "footer",
        "hr",
        "body",
    ]
)
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_BOILERPLATE_NAMES = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|cookies?|consent|sidebar|share|social|related|"
    r"advert|ads?|promo|subscribe|newsletter|comments?|skip-link)($|[\s_-])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_TAIL = re.compile(r"\s+[-|–—]\s+([^-|–—]{2,60})$")
_CELL = "\x1f"  # marks a table-cell boundary until whitespace is collapsed, then becomes a tab
_SPACES = re.compile(r"[ \t\n\u00a0]+")

# Safe parser: no network, no entity expansion, tolerant of broken markup.
_PARSER = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)


def _is_boilerplate(el: etree._Element) -> bool:
    role = (el.get("role") or "").lower()
    if role in _BOILERPLATE_ROLES:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(_BOILERPLATE_NAMES.search(names))


def _skipped(el: etree._Element, tag: str | None, prune: bool) -> bool:
    if tag is None or tag in DROP:
        return True
    # Without a declared main element, page-level headers, footers and menus are boilerplate.
    return prune and (tag in ("header", "footer") or _is_boilerplate(el))


def _blocks(root: etree._Element, prune_boilerplate: bool) -> list[str]:
    # Each block: its text pieces and how many of its characters sit inside links.
    out: list[tuple[list[str], list[int]]] = [([], [0])]

    def add(text: str, in_link: bool) -> None:
        out[-1][0].append(text)
        if in_link:
            out[-1][1][0] += len(text.strip())

    def walk(el: etree._Element, in_link: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if not _skipped(el, tag, prune_boilerplate):
            block = tag in BLOCK
            link = in_link or tag == "a"
            if block:
                out.append(([], [0]))
            if tag == "br":
                add("\n", False)
            elif tag in ("td", "th") and el.getprevious() is not None:
                add(_CELL, False)
            if el.text:
                add(el.text, link)
            for child in el:
                walk(child, link)
            if block:
                out.append(([], [0]))
        if el.tail:
            add(el.tail, in_link)

    walk(root, False)
    blocks = []
    for parts, link_chars in out:
        lines = [_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line).replace(f" {_CELL} ", "\t")
        text = text.replace(_CELL, "\t")
        # Mostly-link blocks are menus and "related stories", not the document's own words.
        if text and not (prune_boilerplate and link_chars[0] > 0.5 * len(text)):
            blocks.append(text)
    return blocks


def _xpath(el: etree._Element, expr: str) -> list[Any]:
    found = el.xpath(expr)
    return found if isinstance(found, list) else []


def _main_root(doc: etree._Element) -> tuple[etree._Element, bool]:
    """The element holding the main content, and whether boilerplate must still be pruned."""
    for xpath in ("//main", "//*[@role='main']"):
        found = _xpath(doc, xpath)
        if found:
            return found[0], False
    articles = _xpath(doc, "//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content())), False
    body = doc.find("body")
    return (body if body is not None else doc), True


def html_fragment_text(fragment: str) -> list[str]:
    """Text blocks of an HTML fragment (used for HTML embedded in Markdown)."""
    if not fragment.strip():
        return []
    root = html.fragment_fromstring(fragment, create_parent="div", parser=_PARSER)
    return _blocks(root, prune_boilerplate=False)


def _hints(doc: etree._Element) -> dict[str, str]:
    hints: dict[str, str] = {}
    for prop in (
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "date",
        "dc.date",
        "DC.date.issued",
    ):
        found = _xpath(doc, f"//meta[@property='{prop}' or @name='{prop}']/@content")
        if found:
            hints["date"] = str(found[0])
            break
    else:
        times = _xpath(doc, "//article//time/@datetime | //time[@pubdate]/@datetime")
        if times:
            hints["date"] = str(times[0])
    title = _xpath(doc, "//meta[@property='og:title']/@content") or _xpath(doc, "//title/text()")
    if title and str(title[0]).strip():
        hints["title"] = _SPACES.sub(" ", str(title[0])).strip()
    # Who published the page: the site's declared name, else the tail of its <title>
    # ("Shells hit Kessa market - The Meridian Post"). The source, for independence checks.
    author = _xpath(
        doc,
        "//meta[@name='author' or @property='article:author' or @name='byl']/@content",
    )
    if author and str(author[0]).strip() and not str(author[0]).startswith("http"):
        hints["author"] = _SPACES.sub(" ", str(author[0])).strip().removeprefix("By ")
    site = _xpath(doc, "//meta[@property='og:site_name' or @name='publisher']/@content")
    if site and str(site[0]).strip():
        hints["publisher"] = _SPACES.sub(" ", str(site[0])).strip()
    elif "title" in hints:
        tail = _TITLE_TAIL.search(hints["title"])
        if tail:
            hints["publisher"] = tail.group(1).strip()
            hints["title"] = hints["title"][: tail.start()].strip()
    return hints


class HtmlReader:
    name = "html"
    version = 1
    refines: str | None = None
    extensions = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
        return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:256]

    def read(self, data: bytes) -> ReadResult:
        declared = _META_CHARSET.search(data[:4096])
        text, encoding = decode(data, declared.group(1).decode("ascii") if declared else None)
        text = _XML_DECL.sub("", text)
        if not text.strip():
            raise RejectedInput("empty HTML page")
        try:
            doc = html.document_fromstring(text, parser=_PARSER)
        except (etree.ParserError, ValueError) as exc:
            raise RejectedInput(f"unparseable HTML: {exc}") from None
        root, prune = _main_root(doc)
        body = "\n\n".join(_blocks(root, prune_boilerplate=prune))
        return ReadResult(
            normalise(body),
            f"{self.name}@{self.version}",
            "text/html",
            encoding,
            hints=_hints(doc),
        )


READER = HtmlReader()
