"""Read an HTML page into a Document: main text via trafilatura, metadata read by us with lxml."""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from tidings.errors import IngestError
from tidings.ingest.text import MAX_BYTES, make_document
from tidings.types import Document

LOGGER = logging.getLogger(__name__)

# Strong signals first; JSON-LD sits between these and the generic "date"-like names.
_STRONG_META = ("article:published_time", "og:published_time", "og:article:published_time", "published_time",
                "datepublished", "article.published", "parsely-pub-date", "sailthru.date")
_WEAK_META = ("pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "dc.date",
              "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "dc.date.created",
              "citation_publication_date", "originalpublicationdate", "article_date_original", "date",
              "displaydate", "date.available")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_WHATWG_1252 = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "us-ascii", "ascii", "l1"}
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WORDY = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))"
                    r"|(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))")


@dataclass(frozen=True, slots=True)
class HtmlMetadata:
    """What a page says about itself: title, byline, canonical URL, publication date, site name."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    site_name: str | None = None


def read_html(
    html: str | bytes, *, url: str | None = None, source: str | None = None,
    published: str | None = None, max_bytes: int = MAX_BYTES,
) -> Document:
    """Read an HTML page into a Document of its main text and metadata.

    Args:
        html: the page; bytes are decoded by BOM, then ``<meta charset>``, then UTF-8, then cp1252.
        url: where the page came from; resolves a relative canonical link and is the fallback ``url``.
        source: the name of the input (a path or label) for error messages and the fallback id.
        published: a date used only when the page carries none of its own.
        max_bytes: larger pages are refused.

    Returns:
        A Document whose id is the canonical URL if known, else ``url``, else the file name of ``source``.

    Raises:
        IngestError: empty, binary or too big input, or no main text could be extracted.
    """
    name = source or url or "<html>"
    text_html = _decode(html, name=name, max_bytes=max_bytes)
    tree = _parse(text_html, name=name)
    meta = read_html_metadata(tree, url=url)
    body, fallback = _extract(tree, url=meta.url or url, name=name)
    doc_id = meta.url or url or (Path(source).name if source else None)
    return make_document(
        body, id=doc_id, title=meta.title or fallback.title, url=meta.url or url,
        source=meta.site_name or fallback.site_name,
        published=meta.published or fallback.published or published, author=meta.author or fallback.author,
    )


def read_html_metadata(html: HtmlElement | str, *, url: str | None = None) -> HtmlMetadata:
    """Read title, byline, canonical URL, publication date and site name from a page's markup."""
    tree = _parse(html, name=url or "<html>") if isinstance(html, str) else html
    metas = _meta_map(tree)
    ld = list(_json_ld(tree))
    published = (_first_date(metas.get(k) for k in _STRONG_META)
                 or _first_date(_ld_values(ld, "datePublished"))
                 or _first_date(metas.get(k) for k in _WEAK_META)
                 or _first_date(_time_values(tree)))
    title = metas.get("og:title") or metas.get("twitter:title") or _first(_ld_values(ld, "headline"))
    author = _author(tree, metas, ld)
    return HtmlMetadata(
        title=_clean(title), author=author, url=_canonical(tree, metas, url), published=published,
        site_name=_clean(metas.get("og:site_name")),
    )


def parse_published(value: str | None) -> str | None:
    """Return ``value`` as ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS[+HH:MM]" when it has a time.

    Accepts ISO 8601 (extended or compact), RFC 822 ("Tue, 06 Oct 2020 14:03:00 GMT") and
    "6 October 2020" / "October 6, 2020"; returns None for anything else. A time without a zone
    keeps no zone (it is not assumed to be UTC); a zone is kept as given, so ``[:10]`` is the local date.
    """
    value = (value or "").strip()
    if not value:
        return None
    m = _ISO.match(value) or _COMPACT.match(value)
    if m:
        return _format(*m.groups())
    if re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", value):
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None and 1900 <= parsed.year <= 2100:
            return parsed.isoformat(timespec="seconds")
    return _wordy(value)


def _format(y: str, mo: str, d: str, h: str | None = None, mi: str | None = None, s: str | None = None,
            tz: str | None = None) -> str | None:
    try:
        date = dt.date(int(y), int(mo), int(d))
        if not 1900 <= date.year <= 2100:
            return None
        if h is None:
            return date.isoformat()
        clock = dt.time(int(h), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    zone = ""
    if tz:
        digits = tz.replace(":", "")
        zone = "+00:00" if tz == "Z" else f"{digits[:3]}:{(digits[3:] or '00')}"
    return f"{date.isoformat()}T{clock.isoformat()}{zone}"


def _wordy(value: str) -> str | None:
    m = _WORDY.search(value[:60])
    if not m:
        return None
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    number = _MONTHS.get(month[:3].lower())
    return _format(year, str(number), day) if number else None


def _decode(html: str | bytes, *, name: str, max_bytes: int) -> str:
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "replace"))
    if size > max_bytes:
        raise IngestError("E105", source=name, size=size, limit=max_bytes)
    if isinstance(html, str):
        text = html
    else:
        if html.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return html.decode("utf-16", "replace")
        if b"\x00" in html[:8192]:
            raise IngestError("E103", source=name, detail="it contains NUL bytes")
        text = _decode_bytes(html.removeprefix(codecs.BOM_UTF8))
    if not text.strip():
        raise IngestError("E102", source=name)
    return text


def _decode_bytes(data: bytes) -> str:
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    declared = "cp1252" if declared in _WHATWG_1252 else declared
    if declared:
        try:
            return data.decode(declared)
        except LookupError:
            LOGGER.info("unknown charset %s; trying UTF-8", declared)
        except UnicodeDecodeError:
            return data.decode(declared, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _parse(text_html: str, *, name: str) -> HtmlElement:
    from trafilatura.utils import load_html

    try:
        tree = load_html(re.sub(r"^\s*<\?xml[^>]*>", "", text_html))
    except Exception as e:  # lxml and trafilatura raise many kinds on broken markup
        raise IngestError("E109", source=name, detail=f"unparseable HTML: {e}") from e
    if tree is None:
        raise IngestError("E109", source=name, detail="not an HTML page")
    return tree


def _extract(tree: HtmlElement, *, url: str | None, name: str) -> tuple[str, HtmlMetadata]:
    from trafilatura import bare_extraction

    try:
        result: Any = bare_extraction(tree, url=url, favor_precision=False, include_comments=False,
                                      with_metadata=True, output_format="python")
    except Exception as e:  # trafilatura is not exception-safe on every malformed page
        raise IngestError("E109", source=name, detail=f"{type(e).__name__}: {e}") from e
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:
        raise IngestError("E109", source=name, detail="no main text found")
    fallback = HtmlMetadata(title=_clean(result.title), author=_clean(result.author),
                            published=parse_published(result.date), site_name=_clean(result.sitename))
    return body, fallback


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), value.strip())
    return out


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text.strip().removesuffix(";"))
        except ValueError:
            LOGGER.debug("skipping unparseable JSON-LD")
            continue
        yield from _ld_objects(data, depth=0)


def _ld_objects(data: Any, *, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth=depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _ld_objects(data[key], depth=depth + 1)


def _ld_values(objects: list[dict[str, Any]], key: str) -> Iterator[str]:
    for obj in objects:
        value = obj.get(key)
        if isinstance(value, str):
            yield value


def _time_values(tree: HtmlElement) -> Iterator[str]:
    marked = tree.xpath('//*[@itemprop="datePublished"]|//time[@pubdate]')
    for el in [*marked, *tree.iter("time")]:
        value = el.get("datetime") or el.get("content")
        if value:
            yield value


def _first_date(values: Iterator[str | None] | Any) -> str | None:
    for value in values:
        parsed = parse_published(value)
        if parsed:
            return parsed
    return None


def _first(values: Iterator[str]) -> str | None:
    return next(values, None)


def _author(tree: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    for obj in ld:
        names = _ld_names(obj.get("author"))
        if names:
            return "; ".join(names)
    value = metas.get("author") or metas.get("article:author") or metas.get("byl") or metas.get("dc.creator")
    if value and not value.startswith("http"):
        return _clean(re.sub(r"^by\s+", "", value, flags=re.IGNORECASE))
    rel = tree.xpath('//a[@rel="author"]//text()|//*[@itemprop="author"]//*[@itemprop="name"]//text()')
    return _clean(" ".join(str(t) for t in rel[:1]))


def _ld_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [n.strip() for n in names if isinstance(n, str) and n.strip() and not n.startswith("http")]


def _canonical(tree: HtmlElement, metas: dict[str, str], url: str | None) -> str | None:
    links = tree.xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href')
    for href in [*links, metas.get("og:url")]:
        if href and href.strip():
            full = urljoin(url or "", str(href).strip())
            if full.startswith(("http://", "https://")):
                return full
    return None


def _clean(value: str | None) -> str | None:
    cleaned = " ".join(value.split()) if value else ""
    return cleaned or None
