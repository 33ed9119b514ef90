"""Metadata of a news page from its markup: title, author, outlet, canonical and AMP URLs,
language, and the machine-readable publication dates (resolved by pipeline.html_dates).

Values come from <meta>, <link>, JSON-LD and itemprop markup, and from the outlet's own
byline element named in data/outlets.csv; never from free text on the page.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from cssselect import GenericTranslator
from lxml import etree

from extractors.common import read_csv

OUTLETS_CSV = Path(__file__).parent / "data" / "outlets.csv"
ZONE_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}
ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage"}
# machine-readable publication dates, most trusted first (JSON-LD datePublished is inserted second)
DATE_KEYS = ("article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
             "content_publisheddate", "dtk:publishdate", "dc.date.issued", "dc.date", "sailthru.date")
AUTHOR_KEYS = ("author", "article:author", "dtk:author", "content_author", "dc.creator")
BYLINE_PREFIX = re.compile(r"^(?:oleh|penulis|reporter|pewarta|editor|by|ditulis oleh)\s*:?\s*", re.I)
_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|id|co\.id|net|org|news|tv)\b", re.I)
_SITE_WORDS = re.compile(r"\b(?:portal|situs|website|web resmi|official|media online|berita online)\b", re.I)
_PAGE_SUFFIX = re.compile(r"\s+(?:Halaman|Hal\.?|Page)\s+(?:\d{1,3}|all|semua)\s*$", re.I)
_LD_SCRIPTS = etree.XPath("//script[@type='application/ld+json']")
_LINKS = etree.XPath("//link[@rel][@href]")
_ITEMPROP_DATES = etree.XPath("//*[@itemprop='datePublished']")
_AUTHOR_MARKUP = etree.XPath("//*[@rel='author'] | //*[@itemprop='author']")


@cache
def css_xpath(selector: str) -> etree.XPath:
    """A CSS selector compiled once to an XPath over the whole document."""
    return etree.XPath(GenericTranslator().css_to_xpath(selector))


@dataclass(frozen=True)
class Outlet:
    """A known outlet (data/outlets.csv): its name, time zone and page quirks."""

    host: str
    name: str
    zone_hours: int | None
    content: str  # CSS selector of the story body ('' = the generic ones)
    date: str  # CSS selector of the visible publication date ('' = none known)
    byline: str  # CSS selector of the byline ('' = none known)


@cache
def outlets(path: Path = OUTLETS_CSV) -> dict[str, Outlet]:
    """data/outlets.csv by host, read once per process."""
    table = {}
    for row in read_csv(path):
        table[row["host"].lower()] = Outlet(row["host"].lower(), row["outlet"], ZONE_HOURS.get(row["zone"].upper()),
                                            row["content"], row["date"], row["byline"])
    return table


def outlet_for(*urls: str | None) -> Outlet | None:
    """The known outlet of the first URL whose host (or a parent domain of it) is listed."""
    table = outlets()
    for url in urls:
        try:
            host = (urlsplit(url).hostname or "") if url else ""
        except ValueError:
            continue
        parts = host.lower().split(".")
        for i in range(len(parts) - 1):
            outlet = table.get(".".join(parts[i:]))
            if outlet:
                return outlet
    return None


def page_metadata(doc: etree._Element, url: str | None = None, ld: dict | None = None,
                  ) -> tuple[dict, list[str], Outlet | None]:
    """({title, author, outlet, url, language, amp_url}, machine-readable publication dates
    most trusted first, the known outlet) of a parsed page; missing values are None. `ld`:
    the page's JSON-LD article (json_ld_article), when the caller has read it already."""
    meta: dict[str, str] = {}
    for tag in doc.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv") or "")
        content = (tag.get("content") or "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), content)
    links: dict[str, str] = {}
    for link in _LINKS(doc):
        for rel in link.get("rel").lower().split():
            links.setdefault(rel, link.get("href").strip())
    ld = json_ld_article(doc) if ld is None else ld
    canonical = _absolute(links.get("canonical"), url) or _absolute(meta.get("og:url"), url)
    known = outlet_for(url, canonical)
    outlet = meta.get("og:site_name") or _name(ld.get("publisher")) or (known.name if known and known.name else None)
    outlet = _WS.sub(" ", outlet).strip() if outlet else None
    title = meta.get("og:title") or meta.get("twitter:title") or _str(ld.get("headline")) or doc.findtext(".//title")
    dates = [meta.get(DATE_KEYS[0]), _str(ld.get("datePublished"))]
    dates += [el.get("content") or el.get("datetime") for el in _ITEMPROP_DATES(doc)]
    dates += [meta.get(k) for k in DATE_KEYS[1:]]
    fields = {
        "title": strip_site_suffix(_WS.sub(" ", title).strip(), outlet) if title and title.strip() else None,
        "author": _author(doc, meta, ld, outlet, known),
        "outlet": outlet,
        "url": canonical,
        "language": _language(doc, meta, ld),
        "amp_url": _absolute(links.get("amphtml"), url) or (url if _is_amp(doc) else None),
    }
    return fields, [d for d in dates if d], known


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    try:
        href = urljoin(base, href) if base else href
    except ValueError:
        return None
    return href if href.lower().startswith(("http://", "https://")) else None


def _is_amp(doc: etree._Element) -> bool:
    return doc.get("amp") is not None or doc.get("\u26a1") is not None


def json_ld_article(doc: etree._Element) -> dict:
    """The first JSON-LD object of an article type ({} if none or unreadable)."""
    for script in _LD_SCRIPTS(doc):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # broken, or nested past the parser's depth
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types) and (
                    "datePublished" in item or "headline" in item
                ):
                    return item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))
    return {}


def _language(doc: etree._Element, meta: dict[str, str], ld: dict) -> str | None:
    """Primary language subtag ('id', 'en'); the old code 'in' is Indonesian."""
    for value in (doc.get("lang"), meta.get("content-language"), meta.get("og:locale"), _str(ld.get("inLanguage"))):
        code = re.split(r"[-_,\s]", value.strip().lower())[0] if value and value.strip() else ""
        if re.fullmatch(r"[a-z]{2,3}", code):
            return "id" if code in ("in", "ind") else code
    return None


def _author(doc, meta: dict[str, str], ld: dict, outlet: str | None, known: Outlet | None) -> str | None:
    values = [meta.get(k) for k in AUTHOR_KEYS] + [_name(ld.get("author"))]
    if known and known.byline:
        values += [" ".join(el.text_content().split()) for el in css_xpath(known.byline)(doc)]
    values += [el.get("content") or " ".join(el.text_content().split()) for el in _AUTHOR_MARKUP(doc)]
    for value in values:
        value = _WS.sub(" ", BYLINE_PREFIX.sub("", value or "")).strip(" -|,")
        if outlet and " - " in value and _squash(value.rpartition(" - ")[2]) == _squash(outlet):
            value = value.rpartition(" - ")[0].strip()  # "Yusuf Hakim - detikSumbagsel"
        if (not value or len(value) > 80 or value.lower().startswith(("http://", "https://"))
                or _DOMAIN.fullmatch(value) or (outlet and _squash(value) == _squash(outlet))):
            continue
        return value
    return None


def _squash(text: str) -> str:
    """Letters and digits only, lower-cased: "detik Sumbagsel" == "detikSumbagsel"."""
    return _NON_WORD.sub("", text.lower())


def _name(value) -> str | None:
    """A name from a JSON-LD person/organisation (or a list of them)."""
    if isinstance(value, list):
        names = [n for n in map(_name, value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _str(value.get("name"))
    return _str(value)


def _str(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def strip_site_suffix(title: str, outlet: str | None) -> str:
    """'Judul | Situs' / 'Judul - Situs.com' / 'Judul Halaman all - Kompas.com' -> 'Judul'.
    A ' - ' suffix goes only when it is the outlet's name or a domain (headlines use dashes
    too); a ' | ' suffix when it is short or names a site ("Portal Resmi Pemerintah ...")."""
    while True:
        head, sep, tail = max((title.rpartition(s) for s in (" | ", " - ", " – ", " — ", " :: ")), key=lambda p: len(p[0]))
        if not sep or len(head.strip()) < 10:
            break
        is_site = (outlet and _squash(tail) == _squash(outlet)) or _DOMAIN.fullmatch(tail.strip())
        if not (is_site or (sep == " | " and (len(tail) <= 40 or _SITE_WORDS.search(tail)))):
            break
        title = head.strip()
    stripped = _PAGE_SUFFIX.sub("", title)
    return stripped if len(stripped) >= 10 else title
