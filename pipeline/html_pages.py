"""Continuation pages of a multi-page story.

A link continues the story when it is the story's own URL with a page number: a query
parameter (`?page=2`, kompas, tribun, liputan6; also `hal=`, `halaman=`) or a last
path segment (`/2`, `/2/`: detik, WordPress `<!--nextpage-->`). Pages after the current one
are returned in order. When the page states its total ("2 dari 5 halaman", "Halaman 1/5")
and shows only a window of numbered links, the missing numbers are filled in from the
pattern of the links seen. Links to other stories, category indexes and `?page=all`
(the whole story again) are not continuations.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

MAX_PAGES = 50
PAGE_PARAMS = ("page", "hal", "halaman")  # not "p": WordPress post ids
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|amp|_ga|ref|src|source|medium)$", re.I)
_LINK_HREFS = etree.XPath("//a/@href | //link[@rel='next']/@href", smart_strings=False)
_MAYBE_PAGE = re.compile(r"[?&](?:page|hal|halaman)=\d|/\d{1,2}/?(?:$|[?#])", re.I)
_PATH_PAGE = re.compile(r"^(.*[A-Za-z][^/]*)/(\d{1,2})/?$")
_TOTAL = re.compile(r"\b(\d{1,2})\s+dari\s+(\d{1,2})\s+halaman\b|\bhalaman\s*:?\s*(\d{1,2})\s*(?:/|dari)\s*(\d{1,2})\b", re.I)


def page_links(doc: etree._Element) -> list[str]:
    """The hrefs that may point to a numbered page (read before navigation is stripped)."""
    return [href.strip() for href in _LINK_HREFS(doc) if _MAYBE_PAGE.search(href)]


def continuation_pages(hrefs: list[str], page_url: str | None, html: str) -> list[str]:
    """Absolute URLs of the story's pages after this one, in order ([] for a single page)."""
    if not page_url:
        return []
    try:
        story, current, _ = split_page(page_url)
    except ValueError:
        return []
    found: dict[int, tuple[str, str]] = {}
    for href in hrefs:
        try:
            url = urljoin(page_url, href)
            key, number, style = split_page(url)
        except ValueError:  # a malformed link ("http://[x") is no page
            continue
        if key == story and number > current and number <= MAX_PAGES:
            found.setdefault(number, (url.split("#")[0], style))
    if found:
        total = _stated_total(html)
        if total and max(found) < total <= MAX_PAGES:
            number, (url, style) = next(iter(found.items()))
            for n in range(current + 1, total + 1):
                found.setdefault(n, (_renumber(url, style, number, n), style))
    return [found[n][0] for n in sorted(found)]


def split_page(url: str) -> tuple[str, int, str]:
    """(the story's URL without page number or tracking, page number, how it was written)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    query, number, style = [], 1, ""
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in PAGE_PARAMS and value.isdigit():
            number, style = int(value), "query:" + name
        elif not TRACKING.match(name) and not (name.lower() in PAGE_PARAMS and value.lower() == "all"):
            query.append((name, value))
    path = parts.path.rstrip("/") or "/"
    if not style and (m := _PATH_PAGE.match(path)):
        path, number, style = m.group(1), int(m.group(2)), "path"
    path = re.sub(r"/amp$", "", path)
    return urlunsplit(("", host, path, urlencode(sorted(query)), "")), number, style


def _renumber(url: str, style: str, old: int, new: int) -> str:
    if style == "path":
        return re.sub(rf"/{old}(/?)(?=$|[?#])", rf"/{new}\1", url, count=1)
    name = style.split(":", 1)[1]
    return re.sub(rf"([?&]{re.escape(name)}=){old}(?=&|#|$)", rf"\g<1>{new}", url, count=1)


def _stated_total(html: str) -> int | None:
    m = _TOTAL.search(html)
    if not m:
        return None
    return int(m.group(2) or m.group(4))
