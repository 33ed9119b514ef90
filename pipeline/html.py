"""An HTML news page -> its main text (paragraphs joined by a blank line) and metadata.

Metadata comes only from structured markup (<meta>, <link rel=canonical>,
JSON-LD, itemprop), never from text shown on the page, so a "today" date
widget cannot become the publication date: no date is better than a wrong one.
The main text is the first content element of data/html.csv that holds enough
text (or else the element with the most paragraph text), without the tags and
the furniture (share bars, "baca juga" boxes, ads, ...) that file lists.
Remaining furniture lines are left to pipeline.cleaning.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag

HTML_CSV = Path(__file__).parent / "data" / "html.csv"
MIN_CONTENT_CHARS = 150  # a content element with less text is passed over
ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage"}
_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"\d{4}[-/]\d{2}[-/]\d{2}")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|id|co\.id|net|org|news|tv)\b", re.I)


@dataclass(frozen=True)
class HtmlRules:
    content: tuple[str, ...]
    drop_tags: tuple[str, ...]
    junk: re.Pattern
    blocks: frozenset[str]


@cache
def html_rules(path: Path = HTML_CSV) -> HtmlRules:
    """data/html.csv, read once per process."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    by_kind: dict[str, list[str]] = {}
    for row in csv.DictReader(lines):
        by_kind.setdefault(row["kind"].strip(), []).append(row["value"].strip())
    words = sorted(by_kind.get("junk", []), key=len, reverse=True)
    return HtmlRules(
        content=tuple(by_kind.get("content", [])),
        drop_tags=tuple(by_kind.get("drop_tag", [])),
        junk=re.compile("-(?:" + "|".join(map(re.escape, words)) + r")\d*-"),
        blocks=frozenset(by_kind.get("block", [])),
    )


def html_to_article_text(html: str) -> tuple[str, dict]:
    """(main text, {title, published, outlet, url, author}) of an HTML page; missing values are None."""
    rules = html_rules()
    soup = BeautifulSoup(html, "lxml")
    meta = page_metadata(soup)
    for tag in soup.find_all(rules.drop_tags):
        if not tag.decomposed:
            tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    container = _main_container(soup, rules)
    if container is None:
        return "", meta
    _drop_junk(container, rules)
    return _block_text(container, rules), meta


# --- main text ------------------------------------------------------------------
def _text_length(el: Tag) -> int:
    return len(_WS.sub(" ", el.get_text()).strip())


def _main_container(soup: BeautifulSoup, rules: HtmlRules) -> Tag | None:
    for selector in rules.content:
        candidates = [(_text_length(el), el) for el in soup.select(selector)]
        if candidates:
            length, best = max(candidates, key=lambda c: c[0])
            if length >= MIN_CONTENT_CHARS:
                return best
    return _densest(soup)


def _densest(soup: BeautifulSoup) -> Tag | None:
    """The element whose own paragraphs and text nodes hold the most text."""
    best, best_score = None, 0
    for el in soup.find_all(["div", "section", "article", "main", "td", "body"]):
        score = 0
        for child in el.children:
            if isinstance(child, Tag) and child.name == "p":
                score += _text_length(child)
            elif type(child) is NavigableString:
                score += len(child.strip())
        if score > best_score:
            best, best_score = el, score
    return best if best is not None else (soup.body or soup)


def _is_junk(el: Tag, rules: HtmlRules) -> bool:
    names = " ".join(el.get("class") or []) + " " + (el.get("id") or "")
    return bool(rules.junk.search("-" + re.sub(r"[\s_]+", "-", names.strip().lower()) + "-"))


def _drop_junk(container: Tag, rules: HtmlRules) -> None:
    """Remove furniture inside the story, but never an element holding half its text."""
    total = _text_length(container)
    for el in container.find_all(True):
        if not el.decomposed and _is_junk(el, rules) and _text_length(el) * 2 < total:
            el.decompose()


def _block_text(container: Tag, rules: HtmlRules) -> str:
    """Text with a line break around every block element and at <br>; one paragraph per line."""
    out: list[str] = []
    stack, closes = [iter(container.contents)], [False]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if closes.pop():
                out.append("\n")
        elif isinstance(child, Tag):
            if child.name == "br":
                out.append("\n")
                continue
            block = child.name in rules.blocks
            out.append("\n" if block else " " if child.name in ("td", "th") else "")
            stack.append(iter(child.contents))
            closes.append(block)
        elif type(child) is NavigableString or isinstance(child, CData):
            out.append(_WS.sub(" ", child))
    lines = (ln.strip() for ln in "".join(out).split("\n"))
    return "\n\n".join(ln for ln in lines if ln)


# --- metadata ------------------------------------------------------------------------
def page_metadata(soup: BeautifulSoup) -> dict:
    """title, published (ISO), outlet, url (canonical), author from the page's markup."""
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key and content:
            meta.setdefault(key, content)
    ld = _json_ld_article(soup)
    outlet = meta.get("og:site_name") or _name(ld.get("publisher")) or None
    title = meta.get("og:title") or meta.get("twitter:title") or _str(ld.get("headline"))
    if not title and soup.title and soup.title.string:
        title = soup.title.string
    return {
        "title": strip_site_suffix(_WS.sub(" ", title).strip(), outlet) if title else None,
        "published": _published(soup, meta, ld),
        "outlet": _WS.sub(" ", outlet).strip() if outlet else None,
        "url": _canonical_url(soup, meta),
        "author": _author(meta, ld),
    }


def _json_ld_article(soup: BeautifulSoup) -> dict:
    """The first JSON-LD object of an article type ({} if none or unreadable)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text(), strict=False)
        except ValueError:
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


def _published(soup: BeautifulSoup, meta: dict[str, str], ld: dict) -> str | None:
    candidates = [meta.get("article:published_time"), meta.get("datepublished")]
    for el in soup.find_all(attrs={"itemprop": "datePublished"}):
        candidates.append(el.get("content") or el.get("datetime"))
    candidates += [_str(ld.get("datePublished")), meta.get("pubdate"), meta.get("publishdate"),
                   meta.get("content_publisheddate"), meta.get("dtk:publishdate"), meta.get("dc.date.issued")]
    for value in candidates:
        iso = iso_datetime(value)
        if iso:
            return iso
    return None


def iso_datetime(value: str | None) -> str | None:
    """An ISO date or datetime from a machine-readable timestamp; None unless it parses cleanly."""
    if not value or not _ISO_DATE.match(value.strip()):
        return None
    text = value.strip()
    text = text[:10].replace("/", "-") + text[10:]
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if not 1990 <= parsed.year <= 2100:
        return None
    return date.isoformat(parsed.date()) if len(text) == 10 else parsed.isoformat()


def _canonical_url(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    link = soup.find("link", rel="canonical")
    for url in ((link.get("href") if link else None), meta.get("og:url")):
        if url and url.strip().lower().startswith(("http://", "https://")):
            return url.strip()
    return None


def _author(meta: dict[str, str], ld: dict) -> str | None:
    for value in (meta.get("author"), meta.get("article:author"), meta.get("dtk:author"), _name(ld.get("author"))):
        if value and not value.lower().startswith(("http://", "https://")):
            return _WS.sub(" ", value).strip()
    return None


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
    """'Judul | Situs' / 'Judul - Situs.com' -> 'Judul'. A ' - ' suffix goes only when it is
    the outlet's name or a domain (headlines use dashes too); a ' | ' suffix when it is short."""
    squash = (lambda s: re.sub(r"[\W_]+", "", s.lower()))
    while True:
        head, sep, tail = max((title.rpartition(s) for s in (" | ", " - ", " – ", " — ", " :: ")), key=lambda p: len(p[0]))
        if not sep or len(head.strip()) < 10:
            return title
        is_site = (outlet and squash(tail) == squash(outlet)) or _DOMAIN.fullmatch(tail.strip())
        if not (is_site or (sep == " | " and len(tail) <= 40)):
            return title
        title = head.strip()
