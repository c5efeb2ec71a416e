"""Read the items of an RSS 2.0, Atom or JSON Feed file into Documents, parsing XML safely."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import lxml.etree
import lxml.html
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from tidings.errors import IngestError
from tidings.ingest.html import parse_published
from tidings.ingest.text import MAX_BYTES, make_document
from tidings.types import Document

LOGGER = logging.getLogger(__name__)

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "figcaption", "pre", "ul", "ol", "table", "hr"}
_JSONFEED = re.compile(r"https?://jsonfeed\.org/version/", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Item:
    html: str | None
    text: str | None
    title: str | None
    link: str | None
    id: str | None
    date: str | None


def read_feed(
    data: bytes | str, *, source: str | None = None, published: str | None = None, max_bytes: int = MAX_BYTES,
) -> Iterator[Document]:
    """Read every item of a feed that has text into a Document; the feed is parsed before this returns.

    Args:
        data: the feed file's content (RSS 2.0, Atom or JSON Feed).
        source: the name of the input, for error messages and ids of items with no link or id.
        published: a date for items that carry none.
        max_bytes: larger feeds are refused.

    Returns:
        An iterator of Documents (id = the item's link, else its id, else ``source#N``); items with
        no text are skipped with a warning.

    Raises:
        IngestError: too big, empty, not a feed, malformed, or XML that declares entities (refused unexpanded).
    """
    name = source or "<feed>"
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "replace"))
    if size > max_bytes:
        raise IngestError("E105", source=name, size=size, limit=max_bytes)
    if not data.strip():
        raise IngestError("E102", source=name)
    head = data[:2048].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2048]
    items, site = _json_items(data, name) if head.lstrip("\ufeff \t\r\n").startswith("{") else _xml_items(data, name)
    return _documents(items, name=name, site=site, published=published)


def _documents(items: list[_Item], *, name: str, site: str | None, published: str | None) -> Iterator[Document]:
    for n, item in enumerate(items, start=1):
        text = _html_text(item.html) if item.html else (item.text or "").strip()
        if not text:
            LOGGER.warning("%s: item %s has no text (only a title/link); skipped", name, n)
            continue
        yield make_document(
            text, id=item.link or item.id or f"{name}#{n}", title=item.title, url=item.link, source=site,
            published=parse_published(item.date) or published,
        )


def _xml_items(data: bytes | str, name: str) -> tuple[list[_Item], str | None]:
    try:
        root = safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise IngestError("E110", source=name, detail=type(e).__name__) from e
    except (ParseError, ValueError) as e:
        raise IngestError("E111", source=name, detail=f"XML error: {e}") from e
    kind = _local(root.tag)
    if kind == "rss" or kind == "RDF":
        channel = _child(root, "channel")
        entries = [e for e in root.iter() if _local(e.tag) == "item"]
        return [_rss_item(e) for e in entries], _text(_child(channel, "title")) if channel is not None else None
    if kind == "feed":
        entries = [e for e in root if _local(e.tag) == "entry"]
        return [_atom_item(e) for e in entries], _text(_child(root, "title"))
    raise IngestError("E111", source=name, detail=f"root element <{kind}> is not <rss> or <feed>")


def _rss_item(el: Element) -> _Item:
    content = _text(_child(el, "encoded")) or _text(_child(el, "description"))
    link = _text(_child(el, "link")) or el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    date = _text(_child(el, "pubDate")) or _text(_child(el, "date")) or _text(_child(el, "published"))
    return _Item(content, None, _text(_child(el, "title")), link, _text(_child(el, "guid")), date)


def _atom_item(el: Element) -> _Item:
    links = [e for e in el if _local(e.tag) == "link"]
    best = [e for e in links if e.get("rel", "alternate") == "alternate"] or links
    content = _child(el, "content")
    if content is None or not _text(content):
        content = _child(el, "summary")
    body = _text(content)
    is_html = content is not None and content.get("type", "text") in ("html", "xhtml", "text/html")
    if content is not None and content.get("type") == "xhtml":
        for node in content.iter():
            node.tag = _local(node.tag)
        body = "".join(_serialise(c) for c in content)
    date = _text(_child(el, "published")) or _text(_child(el, "updated"))
    return _Item(body if is_html else None, None if is_html else body, _text(_child(el, "title")),
                 best[0].get("href") if best else None, _text(_child(el, "id")), date)


def _json_items(data: bytes | str, name: str) -> tuple[list[_Item], str | None]:
    try:
        feed: Any = json.loads(data)
    except ValueError as e:
        raise IngestError("E111", source=name, detail=f"JSON error: {e}") from e
    version = feed.get("version", "") if isinstance(feed, dict) else ""
    if not _JSONFEED.match(str(version)) or not isinstance(feed.get("items", []), list):
        raise IngestError("E111", source=name, detail="JSON without a jsonfeed.org version and an items list")
    items = []
    for entry in feed.get("items", []):
        if not isinstance(entry, dict):
            continue
        items.append(_Item(_str(entry.get("content_html")), _str(entry.get("content_text") or entry.get("summary")),
                           _str(entry.get("title")), _str(entry.get("url")), _str(entry.get("id")),
                           _str(entry.get("date_published") or entry.get("date_modified"))))
    return items, _str(feed.get("title"))


def _html_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block element, whitespace collapsed."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 -- lxml raises several kinds on odd fragments; keep the raw text
        return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag in _BLOCKS
        if block:
            parts.append("\n")
        if event == "start" and el.text and isinstance(el.tag, str):
            parts.append(el.text)
        elif event == "end" and el is not root and el.tail:
            parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: Element | None, local: str) -> Element | None:
    if el is None:
        return None
    return next((c for c in el if _local(c.tag) == local), None)


def _text(el: Element | None) -> str | None:
    if el is None:
        return None
    text = "".join(el.itertext()).strip()
    return text or None


def _serialise(el: Element) -> str:
    from xml.etree.ElementTree import tostring

    return tostring(el, encoding="unicode")


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
