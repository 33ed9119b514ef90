"""An HTML news page -> its main text (paragraphs joined by a blank line) and metadata.

read_page() parses a page once with lxml and returns a PageContent: the story text, the
metadata of pipeline.html_meta (title, author, outlet, canonical and AMP URLs, language),
the publication date of pipeline.html_dates (with its zone; a "today" widget is never taken)
and the continuation pages of a multi-page story (pipeline.html_pages). join_pages() makes
one story of its pages.

The main text is the first content element (the outlet's own selector from
data/outlets.csv, then the selectors of data/html.csv) that holds enough text, or else
the element with the most paragraph text, without the tags and the furniture (share bars,
"baca juga" boxes, ads, ...) that data/html.csv lists. Remaining furniture lines are left
to pipeline.cleaning. A page whose markup holds less than half the story its JSON carries
(an unrendered app shell, a teaser) is read from that JSON (pipeline.html_embedded).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from extractors.common import read_csv

from .html_dates import iso_datetime, outlet_dates, published_date, record_published, shown_dateline, story_header_dates
from .html_embedded import embedded_story
from .html_meta import Outlet, css_xpath, json_ld_article, page_metadata, strip_site_suffix
from .html_pages import continuation_pages, page_links
from .html_tables import CELLS as _CELLS, HAS_BLOCK as _HAS_BLOCK, spread_merged_cells

__all__ = ["PageContent", "read_page", "join_pages", "html_to_article_text", "html_to_story", "iso_datetime",
           "record_published", "strip_site_suffix"]

HTML_CSV = Path(__file__).parent / "data" / "html.csv"
LATE_DROP_TAGS = ("header", "h1")  # may hold or mark the story's date: stripped after the dates are read
MIN_CONTENT_CHARS = 150  # a content element with less text is passed over
EMBEDDED_FACTOR = 2  # the story in a page's JSON is read when the markup holds less than half of it
LEGACY_FIELDS = ("title", "published", "outlet", "url", "author")  # html_to_article_text's metadata
_WS = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TABLE_FIGURES = etree.XPath("//figure[.//table]")
_LEAF_TAGS = frozenset({"div", "span", "font"})
_DENSE_TAGS = etree.XPath("//div | //section | //article | //main | //td | //body")


@dataclass(frozen=True)
class PageContent:
    """One page of a story: main text and metadata (None where the page does not say)."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date, or datetime with its UTC offset when known
    author: str | None = None
    outlet: str | None = None
    url: str | None = None  # canonical URL
    language: str | None = None
    amp_url: str | None = None
    next_pages: list[str] = field(default_factory=list)  # absolute URLs of continuation pages, in order
    dateline: str | None = None  # the publication date as the story's header shows it

    @property
    def story(self) -> str:
        """The article text as a .txt article is written: headline, the dateline the story's
        header shows (so that the publication date, too, points at characters of the text),
        then the main text, a blank line between them (the headline's facts count: "Klaim
        Rp155 Miliar di Kepri"). The headline is left out when the main text opens with it,
        the dateline when the main text holds it already; the main text alone stays alone."""
        title, text = (self.title or "").strip(), self.text.strip()
        if not text:
            return text
        head = [] if not title or " ".join(text[:len(title) + 50].split()).startswith(" ".join(title.split())) else [title]
        if self.dateline and self.dateline not in text:
            head.append(self.dateline)
        return "\n\n".join([*head, text])


@dataclass(frozen=True)
class HtmlRules:
    content: tuple[etree.XPath, ...]
    drop_tags: tuple[str, ...]  # stripped from the page before the story is looked for
    late_drop_tags: tuple[str, ...]  # stripped from the story once its header dates are read
    junk: re.Pattern
    blocks: frozenset[str]
    drop_line: re.Pattern
    caption_credit: re.Pattern


LEAD_FIGURE_SIBLINGS = 3  # elements before the story's block searched for its lead photo
CAPTION_TAGS = ("figure", "figcaption")  # a photo's caption is story text, whatever its class ("wp-caption")


@cache
def html_rules(path: Path = HTML_CSV) -> HtmlRules:
    """data/html.csv, read once per process."""
    by_kind: dict[str, list[str]] = {}
    for row in read_csv(path):
        by_kind.setdefault(row["kind"], []).append(row["value"])
    words = sorted(by_kind.get("junk", []), key=len, reverse=True)
    return HtmlRules(
        content=tuple(css_xpath(s) for s in by_kind.get("content", [])),
        drop_tags=tuple(t for t in by_kind.get("drop_tag", []) if t not in LATE_DROP_TAGS),
        late_drop_tags=tuple(t for t in by_kind.get("drop_tag", []) if t in LATE_DROP_TAGS),
        junk=re.compile("-(?:" + "|".join(map(re.escape, words)) + r")\d*-"),
        blocks=frozenset(by_kind.get("block", [])),
        drop_line=_any_of(by_kind.get("drop_line", [])),
        caption_credit=_any_of(by_kind.get("caption_credit", [])),
    )


def _any_of(patterns: list[str]) -> re.Pattern:
    """One case-insensitive regex matching where any of the patterns does (none: never)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.I)


def read_page(html: str, url: str | None = None) -> PageContent:
    """Main text and metadata of one HTML page; `url` (where it was fetched) resolves
    relative links and picks the outlet's rules by host."""
    doc = parse_html(html)
    if doc is None:
        return PageContent(text="")
    ld = json_ld_article(doc)
    meta, structured_dates, outlet = page_metadata(doc, url, ld)
    shown_dates = outlet_dates(doc, outlet)
    links = page_links(doc)
    rules = html_rules()
    body = ld.get("articleBody")
    embedded = embedded_story(doc, body if isinstance(body, str) else None, lambda el: _block_text(el, rules))
    for figure in _TABLE_FIGURES(doc):  # WordPress wraps tables in <figure>: data, not an image
        figure.tag = "div"
    etree.strip_elements(doc, etree.Comment, etree.ProcessingInstruction, *rules.drop_tags, with_tail=False)
    container = _main_container(doc, rules, outlet)
    shown_dates += story_header_dates(container)  # read before the story header goes
    published = published_date(structured_dates, shown_dates, outlet)
    dateline = shown_dateline(shown_dates, published)
    pages = continuation_pages(links, url or meta["url"], html)
    text = ""
    if container is not None:
        etree.strip_elements(container, *rules.late_drop_tags, with_tail=False)
        _drop_junk(container, rules)
        _drop_credits(container, rules)
        spread_merged_cells(container)
        text = "\n\n".join(filter(None, [_block_text(container, rules), *_lead_captions(container, rules)]))
    if len(text) * EMBEDDED_FACTOR < len(embedded):  # an app shell, or a teaser of the story its JSON holds
        text = embedded
    return PageContent(text=text, published=published, next_pages=pages, dateline=dateline, **meta)


def join_pages(pages: list[PageContent]) -> PageContent:
    """One story from its pages in order: the first page's metadata, the texts joined by a
    blank line, without the paragraphs a later page repeats (lead, byline, furniture)."""
    if not pages:
        raise ValueError("join_pages needs at least one page")
    seen: set[str] = set()
    kept: list[str] = []
    for page in pages:
        for para in page.text.split("\n\n"):
            if para and para not in seen:
                seen.add(para)
                kept.append(para)
    return replace(pages[0], text="\n\n".join(kept), next_pages=[])


def html_to_article_text(html: str) -> tuple[str, dict]:
    """(main text, {title, published, outlet, url, author}) of an HTML page; missing values are None."""
    page = read_page(html)
    return page.text, _legacy_metadata(page)


def html_to_story(html: str) -> tuple[str, dict]:
    """As html_to_article_text, with the headline before the main text (PageContent.story)."""
    page = read_page(html)
    return page.story, _legacy_metadata(page)


def _legacy_metadata(page: PageContent) -> dict:
    return {k: getattr(page, k) for k in LEGACY_FIELDS}


def parse_html(html: str) -> etree._Element | None:
    """The lxml tree of a page (None for a page with no markup or text)."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    if not html.strip():
        return None
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


# --- main text ------------------------------------------------------------------
def _text_length(el: etree._Element) -> int:
    return len(_WS.sub(" ", el.text_content()).strip())


def _main_container(doc: etree._Element, rules: HtmlRules, outlet: Outlet | None) -> etree._Element | None:
    if outlet and outlet.content:  # the outlet's own story blocks: all of them, in page order
        parts = css_xpath(outlet.content)(doc)  # (a story paged within one page: "1 dari 2 halaman")
        if sum(map(_text_length, parts)) >= MIN_CONTENT_CHARS:
            return _joined(parts)
    for selector in rules.content:
        matched = selector(doc)
        candidates = [(_text_length(el), el) for el in matched]
        if candidates:
            length, best = max(candidates, key=lambda c: c[0])
            if length >= MIN_CONTENT_CHARS:
                return _with_sibling_parts(best, matched)
    best = _densest(doc)
    return _with_sibling_parts(best) if best is not None else None


def _with_sibling_parts(best: etree._Element, matched: list[etree._Element] = ()) -> etree._Element:
    """The story's block joined with its sibling blocks of the same tag and class (it must
    have one), or that the same content selector matched (`matched`), that hold
    MIN_CONTENT_CHARS of text or more: a story split around a related-links box
    ("post-body-1", "Baca Juga", "post-body-2"), or paged within one page, its later pages
    prefetched ("read__content" and "read__content read__content--lazy")."""
    parent = best.getparent()
    if parent is None or not best.get("class"):  # (unnamed blocks say nothing of what they hold)
        return best
    parts = [el for el in parent if el is best or (
        (el.tag == best.tag and el.get("class") == best.get("class") or el in matched)
        and _text_length(el) >= MIN_CONTENT_CHARS)]
    return _joined(parts)


def _joined(parts: list[etree._Element]) -> etree._Element:
    """One block holding the story's parts in page order (the only part, when there is one)."""
    if len(parts) == 1:
        return parts[0]
    joined = parts[0].makeelement("div", {})
    parts[0].addprevious(joined)  # where the first block stood: the story's header stays before it
    joined.extend(parts)  # (moved, in page order)
    return joined


def _densest(doc: etree._Element) -> etree._Element | None:
    """The element whose own paragraphs and text nodes hold the most text; its parent instead
    when the parent's own <p> children hold MIN_CONTENT_CHARS (a story whose lead stands
    before a collapsed "Baca selengkapnya" block holding the rest)."""
    best, best_score = None, 0
    for el in _DENSE_TAGS(doc):
        score = _paragraph_chars(el)
        if score > best_score:
            best, best_score = el, score
    if best is not None:
        parent = best.getparent()
        lead = sum(_text_length(child) for child in parent if child.tag == "p") if parent is not None else 0
        return parent if lead >= MIN_CONTENT_CHARS else best
    body = doc.find("body")
    return body if body is not None else doc


def _paragraph_chars(el: etree._Element) -> int:
    """Characters of an element's own text, its <p> children and its leaf blocks."""
    score = len(el.text.strip()) if el.text else 0
    for child in el:
        if child.tag == "p":
            score += _text_length(child)
        elif child.tag in _LEAF_TAGS and not _HAS_BLOCK(child):  # old CMSs: a <div>/<span> per paragraph
            score += _text_length(child) - sum(map(_text_length, child.iter("a")))  # link lists do not count
        if child.tail:
            score += len(child.tail.strip())
    return score


def _is_junk(el: etree._Element, rules: HtmlRules) -> bool:
    names = (el.get("class") or "") + " " + (el.get("id") or "")
    return bool(names.strip()) and bool(rules.junk.search("-" + re.sub(r"[\s_]+", "-", names.strip().lower()) + "-"))


def _drop_junk(container: etree._Element, rules: HtmlRules) -> None:
    """Remove furniture inside the story, but never an element holding half its text."""
    total = _text_length(container)
    junk = [el for el in container.iterdescendants()
            if isinstance(el.tag, str) and el.tag not in CAPTION_TAGS and _is_junk(el, rules) and not _photo_set(el)]
    for el in junk:
        if el.getparent() is not None and _text_length(el) * 2 < total:
            el.drop_tree()  # keeps the text that follows the element


def _photo_set(el: etree._Element) -> bool:
    """Whether an element holds only `<figure>`s, two or more, none linking elsewhere: the
    story's own photo gallery, whose captions are story text (a gallery of other stories links
    to them; a lone lead photo in a wrapper is passed over, as before)."""
    return len(el) > 1 and all(child.tag == "figure" for child in el) and next(el.iter("a"), None) is None


def _lead_captions(container: etree._Element, rules: HtmlRules) -> list[str]:
    """The captions of the lead photos set just before the story's block (a `<figure>`, or a
    gallery: an element holding only `<figure>`s, among its LEAD_FIGURE_SIBLINGS preceding
    siblings), in page order, without their credits: they follow the story's text."""
    figures = []
    for _, el in zip(range(LEAD_FIGURE_SIBLINGS), container.itersiblings(preceding=True)):
        if el.tag == "figure":
            figures.append(el)
        elif _photo_set(el):
            figures.extend(reversed(el))
    captions = []
    for figure in reversed(figures):
        for caption in figure.iter("figcaption"):
            text = _caption_text(caption, rules)
            if text:
                captions.append(text)
    return captions


def _drop_credits(container: etree._Element, rules: HtmlRules) -> None:
    """Each caption as its plain text, without the photo credit at its end."""
    for caption in container.iter("figcaption"):
        tail = caption.tail
        text = _caption_text(caption, rules)
        caption.clear()  # (clears the tail too)
        caption.text, caption.tail = text, tail


def _caption_text(caption: etree._Element, rules: HtmlRules) -> str:
    """A caption's plain text without the photo credit at its end."""
    return rules.caption_credit.sub("", _WS.sub(" ", "".join(caption.itertext())).strip())


def _cell_opening(cell: etree._Element, container: etree._Element) -> str:
    """What opens a table cell's text: " | " after a cell before it in its row, so that
    the row reads "1 | Kota Jambi | 12.500" (extractors.numerals.tables); a space in a
    layout table, whose cells hold paragraphs, and for the story's own cell."""
    before = cell.getprevious()
    if cell is container or before is None or before.tag not in _CELLS or _HAS_BLOCK(cell) or _HAS_BLOCK(before):
        return " "
    return " | "


def _block_text(container: etree._Element, rules: HtmlRules) -> str:
    """Text with a line break around every block element and at <br>; one paragraph per line."""
    blocks, out = rules.blocks, []
    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag
        if event == "start":
            out.append("\n" if tag in blocks or tag == "br" else _cell_opening(el, container) if tag in _CELLS else "")
            if el.text:
                out.append(_WS.sub(" ", el.text))
        else:
            if tag in blocks:
                out.append("\n")
            if el.tail and el is not container:
                out.append(_WS.sub(" ", el.tail))
    lines = (ln.strip() for ln in "".join(out).split("\n"))
    return "\n\n".join(ln for ln in lines if ln and not rules.drop_line.fullmatch(ln))
