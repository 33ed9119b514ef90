"""The publication date of a news page, with the right zone (WIB +07:00, WITA +08:00, WIT +09:00).

Sources, most trusted first: machine-readable markup (meta, JSON-LD, itemprop), then the
date shown in the story's own header (the outlet's date element from data/outlets.csv, or a
<time>/date-classed element inside the story's <article> before the body, or before the
body's first paragraph in the block that holds the story's title heading). A date shown
anywhere else (a "today" widget in the page header, teasers in sidebars) is never read:
no date is better than a wrong one. Nothing is guessed from the URL or the body text.

The zone: a local offset (+07/+08/+09) in the markup is kept; a +00:00 stamp whose clock
time the story header shows as local time ("14:20 WIB") was a local time with a wrong
offset; one whose instant another stamp gives in local time is true UTC, shown in that zone;
one that nothing on the page confirms either way keeps only its day, when both readings
agree on it (else no date); a stamp without offset takes the zone of the header's label or
of the outlet, and stays without offset when neither is known.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterator

from lxml import etree

from .html_meta import ZONE_HOURS, Outlet, css_xpath

MONTHS = {"jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "pebruari": 2, "february": 2,
          "mar": 3, "maret": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6,
          "june": 6, "jul": 7, "juli": 7, "july": 7, "agu": 8, "agt": 8, "agus": 8, "agustus": 8, "aug": 8,
          "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10,
          "october": 10, "nov": 11, "nop": 11, "november": 11, "nopember": 11, "des": 12, "desember": 12,
          "dec": 12, "december": 12}
_CLOCK = r"(?:[\s,|\-–]*(?:pukul|jam)?\s*(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*(WIB|WITA|WIT)?\b)?"
_WORD_DATE = re.compile(r"\b(\d{1,2})(?:\s*[-–]\s*|\s+)([A-Za-z]{3,9})\.?(?:\s*[-–]\s*|\s+)(\d{4})" + _CLOCK, re.I)  # "14:20 wib" too;
# the parts may stand apart by dashes: "23 - Oct - 2025"
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})" + _CLOCK, re.I)
_WEEKDAY_BEFORE = re.compile(r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b[\s,]*$", re.I)
_ISO_DATE = re.compile(r"\d{4}[-/]\d{2}[-/]\d{2}")
_DATE_ELEMENTS = etree.XPath(
    ".//time | .//*[contains(translate(@class, 'DT', 'dt'), 'date') or contains(translate(@class, 'T', 't'), 'time')"
    " or contains(@class, 'tanggal') or contains(@class, 'tgl') or contains(@class, 'publish') or contains(@class, 'waktu')"
    " or contains(@class, 'meta') or contains(@class, 'info')]")  # a post's meta or info line:
# "Admin | Kamis, 18 September 2025 | 10:45 WIB", "Rabu, 3 September 2025 | Kategori: Berita Daerah"
_TITLE_HEADINGS = etree.XPath("boolean(.//h1 | .//h2)")
_TEXT_LEAVES = etree.XPath(".//p | .//span | .//div | .//small")
LOCAL_HOURS = frozenset(ZONE_HOURS.values())
WIDGET_WORDS = frozenset({"top", "topbar", "today", "now", "nav", "navbar", "menu", "clock", "jam", "weather", "cuaca"})
LAYOUT_WORDS = frozenset({"section", "column", "container", "row"})  # a page builder's blocks
STORY_WORDS = frozenset({"entry", "post", "article", "detail", "read", "story", "single", "content", "news", "berita"})
META_PARAGRAPH_WORDS = frozenset({"byline", "author", "date", "tanggal", "meta", "info"})  # a story's meta line
MAX_DATE_TEXT = 120  # a longer element is a block holding a date, not a date
BARE_DATE_EXTRA = 12  # characters besides its date in a date line of no date class ("Selasa, ")


@dataclass(frozen=True)
class Stamp:
    value: datetime
    has_time: bool
    labelled: bool = False  # the zone came from a WIB/WITA/WIT label shown on the page


def outlet_dates(doc: etree._Element, outlet: Outlet | None) -> list[tuple[str | None, str]]:
    """(datetime attribute, text) of the outlet's own date element(s), from data/outlets.csv."""
    if not (outlet and outlet.date):
        return []
    return [(el.get("datetime") or el.get("content"), _shown_text(el))
            for el in css_xpath(outlet.date)(doc)]


def story_header_dates(container: etree._Element | None) -> list[tuple[str | None, str]]:
    """(datetime attribute, text) of the dates shown in the story's <article> (or the block
    around the body) before the body: never inside the body or after it (related lists,
    comments); else those of the block that holds the story's title heading. Call before
    the story header is stripped, after nav/aside/footer are."""
    if container is None:
        return []
    return _around_body_dates(container) or _titled_block_dates(container)


def _around_body_dates(container: etree._Element) -> list[tuple[str | None, str]]:
    region = next((a for a in (container, *container.iterancestors()) if a.tag == "article"), None)
    if region is None:
        region = container.getparent()
        while region is not None and region.tag in ("tr", "tbody"):  # a table layout: the story's table
            region = region.getparent()
        if region is None or region.tag in ("body", "html"):
            return []  # no story block to tell its header from the page's
    if region is container:  # the <article> is the body's element: its header is what precedes the text
        return _shown_dates(region, _before_first_paragraph(region, container).__contains__)
    skip: set = set(container.iter())
    for el in (container, *container.iterancestors()):
        if el is region:
            break
        for sibling in el.itersiblings():
            skip.update(sibling.iter())
    return _shown_dates(region, lambda el: el not in skip)


def _titled_block_dates(container: etree._Element) -> list[tuple[str | None, str]]:
    """The dates shown before the body's first paragraph in the smallest block around it
    (or the body's own element) that holds a title heading: a CMS's story header outside
    the body's parent ("itemView" > "itemHeader" date, title; "itemBody" > body), or
    inside a body element that starts with the header (<main>: title, meta line, text)."""
    region = next((el for el in (container, *container.iterancestors())
                   if el.tag in ("body", "html") or _TITLE_HEADINGS(el)), None)
    if region is None or region.tag in ("body", "html"):
        return []
    return _shown_dates(region, _before_first_paragraph(region, container).__contains__)


def _before_first_paragraph(region: etree._Element, container: etree._Element) -> set:
    """The elements of region before the body's first paragraph (none if it has none); a
    paragraph in the story's <header>, or one whose class names a meta line (<p
    class="byline">, <p class="post-date">), is none of the body's."""
    first = next((p for p in container.iter("p") if not _in_story_header(p, container)
                  and not META_PARAGRAPH_WORDS.intersection(_class_words(p))), None)
    header = set()
    if first is not None:
        for el in region.iter():
            if el is first:
                break
            header.add(el)
    return header


def _in_story_header(el: etree._Element, container: etree._Element) -> bool:
    """Whether el sits in a <header> inside the container."""
    for node in el.iterancestors():
        if node is container:
            return False
        if node.tag == "header":
            return True
    return False


def _shown_dates(region: etree._Element, wanted) -> list[tuple[str | None, str]]:
    """(datetime attribute, text) of the date elements in region that `wanted(el)` keeps,
    outside page widgets, short enough to be a date alone; else of the elements there that
    hold a date and little else, whatever their class (<p class="simple-share">Selasa, 10
    Februari 2026 13:20 WIB</p> under the headline)."""
    found = []
    for el in _DATE_ELEMENTS(region):
        if wanted(el) and not _in_page_widget(el, region):
            text = _shown_text(el)
            if len(text) <= MAX_DATE_TEXT:
                found.append((el.get("datetime"), text))
    return found or _bare_dates(region, wanted)


def _bare_dates(region: etree._Element, wanted) -> list[tuple[str | None, str]]:
    """(None, text) of the leaf elements in region that `wanted(el)` keeps whose text is a date
    and at most BARE_DATE_EXTRA characters more; of an element of lines broken by <br> only,
    its first line ("Kamis, 11 September 2025 14:30 WIB<br>Penulis: ...")."""
    found = []
    for el in _TEXT_LEAVES(region):
        if not wanted(el) or _in_page_widget(el, region):
            continue
        if len(el):  # an element with elements inside is a block, not a date line, unless lines
            if not el.text or any(child.tag != "br" for child in el):
                continue
            text = " ".join(el.text.split())
        else:
            text = _shown_text(el)
        dated = next(_dated_words(text), None)
        if dated is not None and len(text) - len(dated[0][0]) <= BARE_DATE_EXTRA:
            found.append((None, text))
    return found


def _shown_text(el: etree._Element) -> str:
    """An element's text as a reader sees it: its parts apart ("<time>11 Februari 2025</time>
    <time>13 Februari 2025</time>" side by side, as WordPress prints published and updated)."""
    return " ".join(" ".join(el.itertext()).split())


def _in_page_widget(el: etree._Element, region: etree._Element) -> bool:
    """Whether el sits in a top bar, menu, clock or page header (not the story's own header)."""
    for node in (el, *el.iterancestors()):
        if node is region:
            return False
        tokens = _class_words(node)
        if tokens & WIDGET_WORDS or ("header" in tokens and not tokens & STORY_WORDS):
            return True
    return False


def _class_words(node: etree._Element) -> set[str]:
    """The words of an element's class names and id ("elementor-widget-post-info": elementor,
    widget, post, info), but for "top" in a page builder's layout block ("elementor-top-section"),
    which is no top bar."""
    words: set[str] = set()
    for name in ((node.get("class") or "") + " " + (node.get("id") or "")).lower().split():
        parts = set(re.split(r"[_-]+", name))
        words |= parts - {"top"} if parts & LAYOUT_WORDS else parts
    return words


def published_date(structured: list[str], shown: list[tuple[str | None, str]], outlet: Outlet | None) -> str | None:
    """ISO date or datetime (with offset when the zone is known) of publication, or None.
    `structured`: machine-readable values, most trusted first; `shown`: dates shown on the page."""
    zone = outlet.zone_hours if outlet else None
    stamps = [s for s in map(machine_stamp, structured) if s]
    shown_stamps = [s for attr, text in shown for s in _shown_stamps(attr, text)]
    timed = [s for s in stamps + shown_stamps if s.has_time]
    primary = next((s for s in stamps if s.has_time), None) or next(iter(stamps + shown_stamps), None)
    if primary is None:
        return None
    if not primary.has_time:
        primary = next((s for s in timed if s.value.date() == primary.value.date()), primary)
        if not primary.has_time:
            return primary.value.date().isoformat()
    when = _zoned(primary, [s for s in timed if s is not primary], zone)
    return when.isoformat() if when is not None else None


def shown_dateline(shown: list[tuple[str | None, str]], published: str | None) -> str | None:
    """The words of the first shown date that give the publication day, as shown: the date,
    its clock time and the weekday before it ("Selasa, 14 Oktober 2025 10:25 WIB" out of
    "Reporter: ... Editor: ... Selasa, 14 Oktober 2025 10:25 WIB"), or None. Bylines and
    the day a story was updated, shown beside it, stay out."""
    if not published:
        return None
    day = published[:10]
    for _, text in shown:
        for m, stamp in _dated_words(text):
            if stamp.value.date().isoformat() == day:
                weekday = _WEEKDAY_BEFORE.search(text, 0, m.start())
                return text[weekday.start() if weekday else m.start():m.end()]
    return None


def iso_datetime(value: str | None) -> str | None:
    """An ISO date or datetime from a machine-readable timestamp; None unless it parses cleanly.
    A +00:00 time nothing confirms (a JSONL line's "published") keeps only its day, when
    both of its readings agree on it (_day_of_either_reading), else gives nothing."""
    stamp = machine_stamp(value)
    if stamp is None:
        return None
    if not stamp.has_time:
        return stamp.value.date().isoformat()
    if _hours(stamp.value) == 0:
        day = _day_of_either_reading(stamp.value, None)
        return day.isoformat() if day is not None else None
    return stamp.value.isoformat()


def record_published(value: str | None) -> str | None:
    """A record's own publication field (a JSONL line's "published") as ISO: a machine-readable
    timestamp (iso_datetime), else a site's date string with the month in words ("Senin, 03
    November 2025", "13 Nov 2025 08:15 WIB"); a numeric one ("03/11/2025") may be either order
    in an export, so it gives nothing, as does anything else."""
    if not value or len(value) > MAX_DATE_TEXT or _ISO_DATE.match(value.strip()):
        return iso_datetime(value)
    stamp = next((stamp for match, stamp in _dated_words(value) if match.re is _WORD_DATE), None)
    if stamp is None:
        return None
    return stamp.value.isoformat() if stamp.has_time else stamp.value.date().isoformat()


def machine_stamp(value: str | None) -> Stamp | None:
    if not value or not _ISO_DATE.match(value.strip()):
        return None
    text = value.strip()
    text = text[:10].replace("/", "-") + text[10:]
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return Stamp(parsed, len(text) > 10) if 1990 <= parsed.year <= 2100 else None


def _shown_stamps(attr: str | None, text: str) -> list[Stamp]:
    """The stamps of one shown date: its machine-readable attribute, then its text (which may
    confirm the attribute's zone: datetime="...T07:20:00+00:00" shown as "14:20 WIB")."""
    stamps = [stamp] if attr and (stamp := machine_stamp(attr)) else []
    shown = _text_stamp(text)
    return stamps + [shown] if shown else stamps


def _text_stamp(text: str) -> Stamp | None:
    return next((stamp for _, stamp in _dated_words(text)), None)


def _dated_words(text: str) -> Iterator[tuple[re.Match, Stamp]]:
    """Each date written in text ("14 Oktober 2025 10:25 WIB", "14/10/2025") with its stamp."""
    for pattern in (_WORD_DATE, _NUMERIC_DATE):
        for m in pattern.finditer(text):
            day, month, year, hour, minute, label = m.groups()
            month = MONTHS.get(month.lower()) if not month.isdigit() else int(month)
            try:
                value = datetime(int(year), month or 0, int(day), int(hour or 0), int(minute or 0))
            except (ValueError, TypeError):
                continue
            if not 1990 <= value.year <= 2100:
                continue
            if label and hour:
                yield m, Stamp(value.replace(tzinfo=_tz(ZONE_HOURS[label.upper()])), True, labelled=True)
            else:
                yield m, Stamp(value, bool(hour))


def _zoned(p: Stamp, witnesses: list[Stamp], zone: int | None) -> datetime | date | None:
    """p's time with the right offset, using the other stamps of the page and the outlet's zone;
    only its day, or None, when nothing on the page tells which reading of a +00:00 stamp is right."""
    wall = p.value.replace(tzinfo=None, second=0, microsecond=0)
    same_wall = [w for w in witnesses if w.value.replace(tzinfo=None, second=0, microsecond=0) == wall]
    local = [w for w in same_wall if _hours(w.value) in LOCAL_HOURS]
    hours = _hours(p.value)
    if hours is None:  # no offset: the page's label, else the outlet's zone, else none
        tz = local[0].value.tzinfo if local else _tz(zone) if zone is not None else None
        return p.value.replace(tzinfo=tz)
    if hours == 0:
        if local:  # the clock time the page shows as local: "+00:00" was a wrong offset
            return p.value.replace(tzinfo=local[0].value.tzinfo)
        if zone is not None and any(w.value.tzinfo is None for w in same_wall):
            return p.value.replace(tzinfo=_tz(zone))  # shown unlabelled at the same clock time
        instant = [w for w in witnesses if _hours(w.value) in LOCAL_HOURS and w.value == p.value]
        if instant:  # the same instant in local time elsewhere on the page: a true UTC stamp
            return p.value.astimezone(instant[0].value.tzinfo)
        return _day_of_either_reading(p.value, zone)
    if hours in LOCAL_HOURS:
        relabel = [w for w in local if w.labelled and _hours(w.value) != hours and _hours(w.value) == zone]
        return p.value.replace(tzinfo=relabel[0].value.tzinfo) if relabel else p.value
    return p.value.astimezone(_tz(zone)) if zone is not None else p.value


def _day_of_either_reading(value: datetime, zone: int | None) -> date | None:
    """A +00:00 stamp nothing confirms: Indonesian sites often write local time with a wrong
    +00:00 offset, and some write true UTC. Its day when both readings fall on the same local
    day (for the outlet's zone, or for every Indonesian zone), else nothing."""
    days = {value.date()} | {value.astimezone(_tz(h)).date() for h in ([zone] if zone is not None else LOCAL_HOURS)}
    return days.pop() if len(days) == 1 else None


def _hours(value: datetime) -> float | None:
    offset = value.utcoffset()
    return None if offset is None else offset.total_seconds() / 3600


def _tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))

