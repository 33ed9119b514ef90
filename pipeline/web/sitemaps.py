"""Sitemaps: a sitemap index (its child sitemaps) or a urlset (its pages), Google News
sitemaps included (news:publication_date is the entry's date, else lastmod). Gzipped
sitemaps are unpacked (bounded). Parsed with lxml, no entities resolved, no network."""
from __future__ import annotations

import gzip
import io

from lxml import etree

from .entries import Entry, parse_when

MAX_UNPACKED = 50_000_000


class SitemapError(ValueError):
    """Not a readable sitemap."""


def parse_sitemap(body: bytes) -> tuple[str, list[Entry]]:
    """("index", child sitemaps) or ("urlset", pages), each with its date."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(MAX_UNPACKED + 1)
        except (OSError, EOFError) as exc:
            raise SitemapError(f"broken gzip: {exc}") from None
        if len(body) > MAX_UNPACKED:
            raise SitemapError("sitemap too large once unpacked")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"not XML: {exc}") from None
    kind = etree.QName(root).localname if root is not None else ""
    if kind not in ("sitemapindex", "urlset"):
        raise SitemapError(f"not a sitemap (root element {kind or 'missing'})")
    entries = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        fields: dict[str, str] = {}
        for el in item.iter():  # the first of each name: an image:loc must not pass for the page's loc
            if isinstance(el.tag, str):
                fields.setdefault(etree.QName(el).localname, (el.text or "").strip())
        loc = next((c.text.strip() for c in item if isinstance(c.tag, str) and etree.QName(c).localname == "loc" and c.text), "")
        if loc:
            published = parse_when(fields.get("publication_date"))
            when = published or parse_when(fields.get("lastmod"))
            entries.append(Entry(loc, when, fields.get("title") or None, is_publication_date=published is not None))
    return ("index" if kind == "sitemapindex" else "urlset"), entries
