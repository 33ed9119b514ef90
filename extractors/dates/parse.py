"""From month names, numeric dates and "tahun" in the doc to date Hits.

Two PhraseMatchers find anchors (month names and "tahun" by lowercase, numeric dates
by token shape); the few tokens around each anchor become one class letter per token
and the date shapes of patterns.jsonl, joined into one regex, run over those letters.
Token texts are read once per window: touching spaCy tokens from Python is the cost.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from spacy.tokens import Doc

from extractors.common import Hit

from .rules import Rules, Shape

WINDOW_BEFORE = 3  # tokens looked at before an anchor ("Kamis , 21" before "Maret")
WINDOW_AFTER = 4  # tokens from the anchor on ("November 24 , 2024")
HEADER_CHARS = 600  # a publication header line starts within this many characters
HEADER_SEPARATORS = "|-–—/"  # what may stand between an outlet's name and the header date
YEARLESS_LEAD = timedelta(days=31)  # a yearless date may lie this far after publication
WEEKDAY_MISMATCH = 0.7  # confidence factor when the written weekday disagrees with the date
LINE_LOOK = 6  # tokens walked to find a date's line start or end (label, "14:30 WIB")
NUMERIC_PARTS = re.compile(r"[/-]")
DIGIT = re.compile(r"\d")
PUNCT_CLASSES = frozenset("(),.:")


class Found:
    """A shape matched over a window: tokens [start, end) of the doc, texts of the window."""

    __slots__ = ("start", "end", "shape", "match", "lo", "texts")

    def __init__(self, start: int, end: int, shape: Shape, match: re.Match, lo: int, texts: list[str]):
        self.start, self.end, self.shape, self.match = start, end, shape, match
        self.lo = lo  # doc index of the window's first token
        self.texts = texts  # token texts of the window

    def group(self, name: str) -> str | None:
        """Text of the token the shape's group `name` matched (groups are named s<n>_<name>)."""
        name = f"{self.match.lastgroup}_{name}"
        if name not in self.match.re.groupindex or self.match.start(name) < 0:
            return None
        return self.texts[self.match.start(name)]

    def words(self) -> list[str]:
        return self.texts[self.start - self.lo:self.end - self.lo]


def extract(doc: Doc, rules: Rules, normalise: Callable[[str], date | None],
            published: date | None) -> list[Hit]:
    anchors = _anchors(doc, rules)
    if not anchors:
        return []
    hits = []
    for found in _matches(doc, rules, anchors):
        shape = found.shape
        if shape.yearless and published is None:
            continue  # no invented years
        value = _value(found, rules, normalise, published)
        if value is None:
            continue
        role = _role(doc, found, rules)
        if role is None:
            continue
        first, last = doc[found.start], doc[found.end - 1]
        confidence = shape.confidence * _weekday_agreement(found, rules, value)
        hits.append(Hit("date", first.idx, last.idx + len(last.text), shape.rule, round(confidence, 3),
                        {"value": value, "precision": shape.precision, "role": role}))
    return hits


def _anchors(doc: Doc, rules: Rules) -> list[int]:
    """Numeric dates, and month names or "tahun" with a number next to them."""
    anchors = {start for _, start, _ in rules.shapes_matcher(doc)}
    n = len(doc)
    for match_id, start, _ in rules.words(doc):
        nxt = doc[start + 1].text if start + 1 < n else ""
        if match_id == rules.year_keyword_id:  # "sejak tahun 2023", "tahun anggaran 2024"
            if rules.word_class.get(nxt.lower()) == "a" or (
                    nxt.isdigit() and len(nxt) == 4 and start > 0
                    and rules.word_class.get(doc[start - 1].text.lower()) == "p"):
                anchors.add(start)
        elif nxt.isdigit() or start > 0 and doc[start - 1].text.isdigit():
            anchors.add(start)
    return sorted(anchors)


def _matches(doc: Doc, rules: Rules, anchors: list[int]) -> list[Found]:
    """Shape matches around the anchors: leftmost first, then the earliest line of patterns.jsonl.

    Windows around nearby anchors merge into one segment, read and matched once.
    """
    out = []
    for lo, hi in _segments(anchors, len(doc)):
        texts = [t.text for t in doc[lo:hi]]
        classes = "".join([_token_class(text, rules) for text in texts])
        for m in rules.combined.finditer(classes):
            shape = rules.shapes[int(m.lastgroup[1:])]
            out.append(Found(lo + m.start(), lo + m.end(), shape, m, lo, texts))
    return out


def _segments(anchors: list[int], n: int) -> list[tuple[int, int]]:
    """Token ranges around the anchors, overlapping windows merged."""
    segments: list[list[int]] = []
    for i in anchors:
        lo, hi = max(0, i - WINDOW_BEFORE), min(n, i + WINDOW_AFTER)
        if segments and lo <= segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], hi)
        else:
            segments.append([lo, hi])
    return [(lo, hi) for lo, hi in segments]


def _token_class(text: str, rules: Rules) -> str:
    if text in PUNCT_CLASSES:
        return text
    if text.isspace():
        return "|"
    if text.isdigit():
        if len(text) <= 2:
            return "D" if 1 <= int(text) <= 31 else "x"
        return "4" if len(text) == 4 and 1900 <= int(text) <= 2100 else "x"
    word = rules.word_class.get(text.lower())
    if word is not None:
        return word
    if "/" in text or "-" in text:  # numeric dates: their shape ("d/d/dddd")
        return rules.shape_class.get(DIGIT.sub("d", text), "x")
    return "x"


def _value(found: Found, rules: Rules, normalise, published: date | None) -> date | None:
    """The date the span names, as a canonical string checked by dateparser."""
    day = month = year = None
    if (text := found.group("dmy")) is not None:
        day, month, year = (int(p) for p in NUMERIC_PARTS.split(text))
    elif (text := found.group("dm")) is not None:
        day, month = (int(p) for p in NUMERIC_PARTS.split(text))
    elif (text := found.group("iso")) is not None:
        year, month, day = (int(p) for p in NUMERIC_PARTS.split(text))
    else:
        if (text := found.group("day")) is not None:
            day = int(text)
        if (text := found.group("month")) is not None:
            month = rules.months[text.lower()]
        if (text := found.group("year")) is not None:
            year = int(text)
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        year = _year_near(published, month, day) if found.shape.yearless and published else None
        if year is None:
            return None
    precision = found.shape.precision
    if precision == "day":
        canonical = f"{day} {rules.month_names[month]} {year}"
    elif precision == "month":
        canonical = f"{rules.month_names[month]} {year}"
    else:
        canonical = f"1 {rules.month_names[1]} {year}"
    value = normalise(canonical)
    if value is None or value.year != year or (month is not None and value.month != month):
        return None
    return value


def _year_near(published: date, month: int, day: int) -> int | None:
    """The publication year, or the year before if the date would lie well after publication."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + YEARLESS_LEAD:
            return year
    return None


def _weekday_agreement(found: Found, rules: Rules, value: date) -> float:
    """1.0 unless the span names a weekday that the date does not fall on."""
    for word in found.words():
        weekday = rules.weekdays.get(word.lower())
        if weekday is not None and weekday != value.weekday():
            return WEEKDAY_MISMATCH
    return 1.0


def _role(doc: Doc, found: Found, rules: Rules) -> str | None:
    """published, mentioned, or None for a bare date line at the top (a site's date widget).

    Only the few tokens on either side of the span are read (doc.text would rebuild the
    whole text): a publication label or header time sits right next to the date.
    """
    start, end = found.start, found.end
    near_top = doc[start].idx < HEADER_CHARS
    labelled = any(t.text.lower() in rules.published_labels for t in doc[max(0, start - 3):start])
    if not (near_top or labelled):
        return "mentioned"  # the common case: a date in the body
    before = _line_part(doc, start - 1, -1)
    after = _line_part(doc, end, +1)
    if before and rules.published_label.match(before):
        return "published"
    if near_top and before is not None and after is not None:
        if not before or before[-1] in HEADER_SEPARATORS:  # "Kompas.com - 21/03/2024, 14:30 WIB"
            if rules.time_after.match(after):
                return "published"
            if not after:
                return None
    return "mentioned"


def _line_part(doc: Doc, k: int, step: int) -> str | None:
    """Text from token k to the line's start (step -1) or end (+1); None if more than LINE_LOOK tokens."""
    edge, n = k, len(doc)
    for _ in range(LINE_LOOK):
        if edge < 0 or edge >= n or "\n" in doc[edge].text:
            break
        edge += step
    else:
        return None
    lo, hi = (edge + 1, k + 1) if step < 0 else (k, edge)
    return doc[lo:hi].text.strip() if lo < hi else ""
