"""From month names, numeric dates and "tahun" in the doc to date Hits.

One PhraseMatcher finds the anchors (month names and "tahun" by lowercase, numeric
dates by token shape: tokens with the rules' AnchorFlag) and publication labels; the
few tokens around each anchor become one class letter per token and the date shapes of
patterns.jsonl, joined into one regex, run over those letters.

Touching spaCy tokens from Python is the cost (each doc[i] makes a Token object), so a
token near an anchor is read once, as its orth id, and everything else comes from pure
functions memoised per build (Memo): a token's text and class letter from its orth id,
the shapes matched in a string of letters, the date that a shape's tokens name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, NamedTuple

from spacy.strings import StringStore
from spacy.tokens import Doc

from extractors.common import BREADCRUMB, Hit

from .rules import Rules, Shape

WINDOW_BEFORE = 5  # tokens looked at before an anchor ("Kamis , 21" before "Maret"; "Juli , Agustus dan" before "September")
ANCHOR_GAPS = frozenset({".", "-", "–"})  # between a month name and the number that anchors it
RELATIVE = frozenset("PF")  # class letters of "lalu", "mendatang" (cues.csv past / future)
WINDOW_AFTER = 4  # tokens from the anchor on ("November 24 , 2024")
HEADER_CHARS = 600  # a publication header line starts within this many characters
EDITION = re.compile(r"(?<=[|/\-–—])\s*Edisi\s*$", re.IGNORECASE)  # before an outlet's edition date
OUTLET_WORDS = 3  # words of an outlet's name on a line of its own between headline and date
TAGLINE = re.compile(r"\s[—–-]\s")  # between an outlet's name and its tagline on that line
BYLINE = re.compile(r"(?:Oleh|Penulis|Reporter|Laporan)\b[^\d|]{0,60}$")  # "Oleh Maria Yasinta Ndolu" over the date
SECTION_AFTER = re.compile(r"^[|/]\s*[^|/\d]{1,30}$")  # the rest of a header line: "| Opini", "/ KOMISI IX"
SECTION_BEFORE = re.compile(r"[A-Z][^\W\d_]*(?: [A-Z][^\W\d_]*)?\s*")  # a site's section before a header date
HEADER_SEPARATORS = "|-–—/·•["  # what may stand between an outlet's name (or a byline) and the header date
# ("[" opens a chat message's stamp: "Kabar Tanah Papua, [23.07.25 09:12]")
CENTURY = 2000  # of a two-digit year
AUDIENCE_AFTER = re.compile(r"^[·•]\s*[^\w\s]*\s*$")  # a post stamp's audience icon after its date
HIJRI_AFTER = re.compile(r"^[/|·•\-–—]\s*\d{1,2}\s+\S+(?:\s+\S+)?\s+1[45]\d\d\s*H(?:ijriah|ijriyah)?\.?\s*$")  # "/ 17
# Sya'ban 1446 H" ending the line: the same day in the Hijri calendar, as an Islamic site's header gives it
# the place opening a release ("Kupang,", "Lahömi,"), perhaps after an outlet ("SUMEKS.CO - PALEMBANG,")
RELEASE_PLACE = re.compile(r"(?:[A-Z][\w.]*(?: [A-Z][\w.]*){0,2} [-–—|] )?"
                           r"[A-Z](?:[^\W\d_]|['.-])*(?: [A-Z](?:[^\W\d_]|['.-])*){0,2},$")
RELEASE_DASHES = {"-", "–", "—", "--"}  # ("--": a typed em dash)
NUMBER_LOOK = 12  # tokens walked back to the start of a document number's line
DOCUMENT_NUMBER = re.compile(r"^(?:No|Nomor)\.?\s*:?\s*\d[\w./-]*(?:\s+[\w./-]+){0,2},$")  # "No. 62/11/82/Th. XXIV,"
EMPHASIS = "*_"  # a chat message's bold and italic marks
CHAT_STAMP = re.compile(r"\[\d{1,2}[.:]\d{2},$")  # "[09.14, 5/8/2025]": an exported chat message's time and day
PLACE_NAME_WORDS = 3  # a place's name head and the capitalised words after it, before its day and month
YEARLESS_LEAD = timedelta(days=31)  # a yearless date may lie this far after publication
WEEKDAY_MISMATCH = 0.7  # confidence factor when the written weekday disagrees with the date
HEADLINE_WORDS = 4  # words of a headline at least, above a bare date line that is the story's own
HEADLINE_AGAIN_CHARS = 300  # characters after a bare date line in which the headline may come again (a page header's date)
FIELD_SEPARATOR = re.compile(r"[|•]")  # between the fields of a meta line ("Kategori: ... | Diterbitkan: ...")
LINE_LOOK = 8  # tokens walked to find a date's line start or end (label, "14:30 WIB")
META_LOOK = 14  # tokens walked back to the start of a post's meta line ("Diposting oleh: Admin Diskominfo Papua Tengah |")
LABEL_LOOK = 3  # tokens before a date searched for a publication label ("Diterbitkan : ...")
MEMO_SIZE = 1 << 16  # entries each memoised function keeps
NUMERIC_PARTS = re.compile(r"[/.-]")
DIGIT = re.compile(r"\d")
PUNCT_CLASSES = frozenset("(),.:")
WIDGET = "widget"  # _role: a bare date line at the top, the story's or the site's (extract decides)
WEB_ADDRESS = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z]{2,})+$")  # a site's name as its address
UNIT_WORDS = 8  # words of the unit named after a date line's bar ("| Biro Administrasi Pimpinan Setda Provinsi Jambi")
WIDGET_EVENT_DAYS = 3  # such a line is the story's when it falls this many days at most after a day the story names
SIGNER_LINES = 3  # lines under a signature block's "Place, date" that may hold the signer's post
SIGNER_CHARS = 400  # characters read for them
SIGNER_WORDS = 10  # words of a signer's post line ("SEKRETARIS DPRD KABUPATEN MOROWALI,") at most
RANGE_GROUPS = frozenset({"days", "dmys"})  # groups of two days: a match gives a date for each


class Matched(NamedTuple):
    """A shape matched in a string of class letters: letters [start, end) and where its parts are."""

    start: int
    end: int
    shape: Shape
    group_names: tuple[str, ...]  # the groups that matched (day, month, dmy...)
    group_at: tuple[int, ...]  # and the positions of their letters
    weekdays: tuple[int, ...]  # positions in [start, end) of letters a weekday name can have
    ranged: bool  # a day range ("14-15 Mei 2025"): two dates, its first and its last day


class Memo:
    """The pure functions the rules apply, memoised per build (bounded caches)."""

    def __init__(self, rules: Rules, strings: StringStore, normalise: Callable[[str], date | None]):
        self.rules, self.normalise = rules, normalise
        self.text: Callable[[int], str] = lru_cache(maxsize=MEMO_SIZE)(strings.__getitem__)  # orth id -> text
        self.letter: Callable[[int], str] = lru_cache(maxsize=MEMO_SIZE)(
            lambda orth: _token_class(self.text(orth), rules))
        self.shapes_in: Callable[[str], tuple[Matched, ...]] = lru_cache(maxsize=MEMO_SIZE)(self._shapes_in)
        self.date_of: Callable[..., date | None] = lru_cache(maxsize=MEMO_SIZE)(self._date_of)
        forms = rules.weekdays
        # a weekday name's class letter is its word_class; anything else could be any letter
        self.weekday_letters = (frozenset(_token_class(f, rules) for f in forms)
                                if all(f.isalpha() for f in forms) else None)

    def _shapes_in(self, letters: str) -> tuple[Matched, ...]:
        """Every shape match in the letters: leftmost first, then the earliest line of patterns.jsonl."""
        out = []
        for m in self.rules.combined.finditer(letters):
            shape = self.rules.shape_of_group[m.lastindex]
            groups = [(name, at) for name, number in shape.groups.items() if (at := m.start(number)) >= 0]
            weekday_letters = self.weekday_letters
            weekdays = tuple(at for at in range(m.start(), m.end())
                             if weekday_letters is None or letters[at] in weekday_letters)
            names = tuple(name for name, _ in groups)
            out.append(Matched(m.start(), m.end(), shape, names, tuple(at for _, at in groups), weekdays,
                               not RANGE_GROUPS.isdisjoint(names)))
        return tuple(out)

    def _date_of(self, shape_order: int, parts: tuple[tuple[str, int], ...], published: date | None) -> date | None:
        """The date named by a shape's parts ((group name, orth id) pairs), checked by dateparser."""
        rules, text = self.rules, self.text
        shape, parts = rules.shapes[shape_order], dict(parts)
        day = month = year = None
        last = parts.pop("last", None) is not None  # of a range: its last day, not its first
        if (orth := parts.get("dmy")) is not None:
            day, month, year = (int(p) for p in NUMERIC_PARTS.split(text(orth)))
        elif (orth := parts.get("dmy2")) is not None:  # a chat stamp's "12/05/25"
            day, month, year = (int(p) for p in NUMERIC_PARTS.split(text(orth)))
            year += CENTURY
        elif (orth := parts.get("dmys")) is not None:
            first_day, last_day, month, year = (int(p) for p in NUMERIC_PARTS.split(text(orth)))
            day = last_day if last else first_day
        elif (orth := parts.get("dm")) is not None:
            day, month = (int(p) for p in NUMERIC_PARTS.split(text(orth)))
        elif (orth := parts.get("iso")) is not None:
            year, month, day = (int(p) for p in NUMERIC_PARTS.split(text(orth)))
        else:
            if (orth := parts.get("day")) is not None:
                day = int(text(orth))
            elif (orth := parts.get("days")) is not None:
                day = int(NUMERIC_PARTS.split(text(orth))[1 if last else 0])
            if (orth := parts.get("month")) is not None:
                month = rules.months[text(orth).lower()]
            if (orth := parts.get("yy")) is not None:
                year = CENTURY + int(text(orth))
            if (orth := parts.get("year")) is not None:
                year = int(text(orth))
                if (orth := parts.get("until")) is not None and month > rules.months[text(orth).lower()]:
                    year -= 1  # "25 Desember hingga 5 Januari 2025": the range starts the year before
        if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
            return None
        if year is None and shape.relative and published:
            year = _year_relative(published, month, day, shape.relative == "past")
        elif year is None:
            year = _year_near(published, month, day) if shape.yearless and published else None
            if year is None:
                return None
        if shape.precision == "day":
            canonical = f"{day} {rules.month_names[month]} {year}"
        elif shape.precision == "month":
            canonical = f"{rules.month_names[month]} {year}"
        else:
            canonical = f"1 {rules.month_names[1]} {year}"
        value = self.normalise(canonical)
        if value is None or value.year != year or (month is not None and value.month != month):
            return None
        return value


def extract(doc: Doc, rules: Rules, memo: Memo, published: date | None, text: str | None = None) -> list[Hit]:
    """The doc's date hits (`text`: the doc's text, if known; else it is rebuilt when needed)."""
    anchors, labels_at = _anchors(doc, rules, memo)
    if not anchors:
        return []
    hits, yearless = [], []
    for lo, hi in _segments(anchors, len(doc)):
        orths = [doc[i].orth for i in range(lo, hi)]
        for matched in memo.shapes_in("".join(map(memo.letter, orths))):
            for last in (False, True) if matched.ranged else (False,):
                if matched.shape.yearless and published is None:
                    yearless.append((lo, orths, matched, last))  # no fact, but may tell a date line's role
                    continue
                hit = _hit(doc, lo, orths, matched, labels_at, rules, memo, published, last)
                if hit is not None:
                    hits.append(hit)
    if any(h.fields["role"] == WIDGET for h in hits):
        hits = _story_or_site(hits, lambda day: [
            (h.start, h.fields["value"]) for lo, orths, matched, last in yearless
            if (h := _hit(doc, lo, orths, matched, labels_at, rules, memo, day, last)) is not None
            and h.fields["precision"] == "day" and h.fields["role"] == "mentioned"
            and h.confidence >= round(matched.shape.confidence, 3)])  # its weekday, if written, agreeing
    if hits:
        text = doc.text if text is None else text
        hits = [h for h in hits if not _copy_stamped(text, h.start, rules)]
    header = min((h.start for h in hits if h.fields["role"] == "published"), default=None)
    for k, hit in enumerate(hits):
        if hit.fields["role"] == "mentioned" and hit.fields["precision"] == "day" and \
                (header is None or hit.start < header):  # below the story's own date: a quoted letter's
            text = doc.text if text is None else text
            if _signed(text, hit.start, hit.end, rules):
                hits[k] = replace(hit, fields={**hit.fields, "role": "published"})
    if sum(h.fields["role"] == "published" for h in hits) > 1:
        text = doc.text if text is None else text
        labelled = {h.fields["value"] for h in hits if h.fields["role"] == "published" and _after_label(text, h.start, rules)}
    else:
        labelled = set()
    hits = _one_publication_date(hits, published, labelled)
    if yearless and (own := {h.fields["value"] for h in hits if h.fields["role"] == "published"}) and len(own) == 1:
        day = own.pop()  # no metadata: the text's own publication date dates the days its weekday
        # confirms, and the months and days it places before or after it ("Juni lalu")
        known = {(h.fields["value"], h.fields["precision"]) for h in hits}  # (a day also written with
        # its year keeps that span)
        hits += [h for lo, orths, matched, last in yearless
                 if (matched.shape.relative or _weekday_written(matched.weekdays, orths, rules, memo))
                 and (h := _hit(doc, lo, orths, matched, labels_at, rules, memo, day, last)) is not None
                 and h.fields["role"] == "mentioned" and (h.fields["value"], h.fields["precision"]) not in known]
        hits.sort(key=lambda h: h.start)
    return hits


def _place_named_before(doc: Doc, start: int, rules: Rules) -> bool:
    """Whether a name head ("Jalan", "Pasar", "Jl.") opens the capitalised words right before
    token `start` (PLACE_NAME_WORDS of them at most), the head included."""
    if start >= 2 and doc[start - 1].text == "." and doc[start - 2].lower_ in rules.name_heads:
        return True  # "Jl. 10 November"
    for k in range(start - 1, max(-1, start - 1 - PLACE_NAME_WORDS), -1):
        if not doc[k].is_title:
            return False
        if doc[k].lower_ in rules.name_heads:
            return True
    return False


def _after_label(text: str, start: int, rules: Rules) -> bool:
    """Whether the date at character `start` follows a publication label on its line, alone
    or as a meta line's field ("Diterbitkan: 25 Juli 2024 | Kategori: ...")."""
    before = text[text.rfind("\n", 0, start) + 1:start].strip()
    return rules.published_label.match(FIELD_SEPARATOR.split(before)[-1].strip()) is not None


def _story_or_site(hits: list[Hit], yearless_days) -> list[Hit]:
    """A bare date line at the top (WIDGET) is the story's publication date when nothing else
    is and it falls at most WIDGET_EVENT_DAYS after a day the story names ("Senin, 10 November
    2025" over a small site's report of "Ahad (9/11/2025)", or of "Senin (9/11)", dated from the
    line by `yearless_days(day)`, its weekday agreeing); otherwise it is a site's date widget,
    no fact ("Sunday, November 24, 2024" above a 2017 story)."""
    published = any(h.fields["role"] == "published" for h in hits)
    days = [(h.start, h.fields["value"]) for h in hits if h.fields["role"] == "mentioned" and h.fields["precision"] == "day"]
    kept = []
    for hit in hits:
        if hit.fields["role"] == WIDGET:
            if published or not any(start > hit.start and 0 <= (hit.fields["value"] - day).days <= WIDGET_EVENT_DAYS
                                    for start, day in days + yearless_days(hit.fields["value"])):  # a day the
                continue  # story names, below the line
            hit = replace(hit, fields={**hit.fields, "role": "published"})
            published = True
        kept.append(hit)
    return kept


def _copy_stamped(text: str, start: int, rules: Rules) -> bool:
    """Whether the date at `start` stamps a copy of the page or document: the field of its line
    before it (set off by "|"; the one before, when the date opens its own) opens with a
    copy_stamp word ("Dicetak dari jdih... pada", "| diunduh", "Dicetak oleh: kc.x | 09/06/2025")."""
    fields = [f.strip() for f in text[text.rfind("\n", 0, start) + 1:start].split("|")]
    field = next((f for f in reversed(fields) if f), "")
    return bool(field) and rules.copy_stamp.match(field) is not None


def _signed(text: str, start: int, end: int, rules: Rules) -> bool:
    """Whether the date at text[start:end] is a document's own, in its signature block: after
    "pada tanggal" under "Ditetapkan di Pelaihari" (or on its line), or a "Bungku, 11 Maret
    2025" line over the signer's post ("SEKRETARIS DPRD KABUPATEN MOROWALI,") within
    SIGNER_LINES lines. (extract asks only of dates above the story's own publication date,
    if it has one: below it, a signed date is that of a letter the story quotes.)"""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[end:line_end].strip(" ,."):
        return False  # more follows the date on its line
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    if (m := rules.signed_date.match(before)) is not None:
        if m.group("at"):
            return True
        above = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
        return rules.signed_at.match(above) is not None
    if RELEASE_PLACE.match(before):
        below = [line.strip() for line in text[line_end:line_end + SIGNER_CHARS].split("\n") if line.strip()]
        return any(line.endswith(",") and len(line.split()) <= SIGNER_WORDS for line in below[:SIGNER_LINES])
    return False


def _one_publication_date(hits: list[Hit], published: date | None, labelled: set[date]) -> list[Hit]:
    """Two header dates that both read as the publication date ("Selasa, 22 April 2025 | 08:14
    WIT" above the title, "Senin, 21 Apr 2025 11:32 WIT" under the byline): a page's
    current-date bar shows the day it was read, never before the story's, so the earliest is
    the publication date and a later one is no fact. The metadata's publication day
    (`published`) counts among them: a header date after it is no fact either; and when one
    of them is that day, it is the publication date, and an earlier one a date the story
    mentions (a press release's dateline, "Tarempa, 27 Agustus 2025 -", under the page's
    "Kabar Cabang | 28 Agustus 2025"). Without that day, the one date a publication label gives
    ("Diterbitkan: 25 Juli 2024", `labelled`) is the publication date, and an earlier dateline
    ("Lewoleba, 24 Juli 2024 –") one the story mentions."""
    days = {h.fields["value"] for h in hits if h.fields["role"] == "published"}
    if published is not None and days:
        days.add(published)
    if len(days) < 2:
        return hits
    if any(h.fields["role"] == "published" and h.fields["value"] == published for h in hits):
        first = published
    else:
        first = next(iter(labelled)) if len(labelled) == 1 else min(days)
    return [h if h.fields["role"] != "published" or h.fields["value"] == first
            else replace(h, fields={**h.fields, "role": "mentioned"})
            for h in hits if h.fields["role"] != "published" or h.fields["value"] <= first]


def _anchors(doc: Doc, rules: Rules, memo: Memo) -> tuple[list[int], set[int]]:
    """Numeric dates, and month names with a number next to them; where publication labels stand."""
    anchors: set[int] = set()
    labels_at: set[int] = set()
    for _, start, _ in rules.anchors(doc):  # the flagged tokens: one of the below, or more
        token = doc[start]
        lower = token.lower
        if token.shape in rules.shape_ids:
            anchors.add(start)
        if lower in rules.label_ids:
            labels_at.add(start)
        if lower in rules.month_ids and _month_anchor(doc, start, memo):
            anchors.add(start)
    if rules.shapes_matcher is not None:  # shapes of more than one token
        anchors.update(start for _, start, _ in rules.shapes_matcher(doc))
    if rules.words is not None:  # words of more than one token
        for _, start, _ in rules.words(doc):
            if _month_anchor(doc, start, memo):
                anchors.add(start)
    return sorted(anchors), labels_at


def _month_anchor(doc: Doc, start: int, memo: Memo) -> bool:
    """A month name at token start anchors a date when a number stands next to it (after
    the period of a short month: "Des. 2025"; or a dash between: "23 - Oct - 2025"), or a
    word placing it before or after publication ("Juni lalu")."""
    if start + 1 < len(doc) and (memo.text(doc[start + 1].orth).isdigit() or memo.letter(doc[start + 1].orth) in RELATIVE):
        return True
    if start + 2 < len(doc) and memo.text(doc[start + 1].orth) in ANCHOR_GAPS and memo.text(doc[start + 2].orth).isdigit():
        return True
    return start > 0 and memo.text(doc[start - 1].orth).isdigit()


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


def _hit(doc: Doc, lo: int, orths: list[int], matched: Matched, labels_at: set[int], rules: Rules,
         memo: Memo, published: date | None, last: bool = False) -> Hit | None:
    """The Hit of a shape matched over the segment starting at token lo (orth ids `orths`), if
    any; of a day range ("14-15 Mei 2025"), its first day, or with `last` its last."""
    shape = matched.shape
    if shape.yearless and published is None:
        return None  # no invented years
    parts = tuple(zip(matched.group_names, map(orths.__getitem__, matched.group_at)))
    if last:
        parts += (("last", 0),)
    value = memo.date_of(shape.order, parts, published if shape.yearless else None)
    if value is None:
        return None
    start, end = lo + matched.start, lo + matched.end
    if shape.precision == "day" and _place_named_before(doc, start, rules):
        return None  # "Pasar Batik 17 Agustus": a market's name, not a date
    first = doc[start]
    if first.idx >= HEADER_CHARS and not _labelled(start, labels_at):
        role = "mentioned"  # the common case: a date in the body
    else:
        role = _role(doc, start, end, first.idx < HEADER_CHARS, rules)
        if role is None:
            return None
    if shape.header_only and role not in ("published", WIDGET) or role == WIDGET and shape.precision != "day":
        return None
    if role == "published" and shape.precision != "day":
        role = "mentioned"  # a publication date is a day: "Klaim Terbayar Jan-Mar 2025" in a title is a period
    last = doc[end - 1] if end - start > 1 else first
    agreement = _weekday_agreement(matched.weekdays, orths, rules, memo, value)
    if shape.weekday_checked and agreement < 1.0:
        return None
    confidence = shape.confidence * agreement
    return Hit("date", first.idx, last.idx + len(last), shape.rule, round(confidence, 3),
               {"value": value, "precision": shape.precision, "role": role})


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
        return word if word != "E" or text[0].isupper() else "x"  # "may 2025" is no month
    if "/" in text or "-" in text or "." in text:  # numeric dates: their shape ("d/d/dddd", "dd.dd.dddd")
        return rules.shape_class.get(DIGIT.sub("d", text), "x")
    return "x"


def _year_near(published: date, month: int, day: int) -> int | None:
    """The year that puts the date latest but at most YEARLESS_LEAD after publication: the next
    year for "1 Januari" in a story of 24 December, else the publication year, else the year
    before."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + YEARLESS_LEAD:
            return year
    return None


def _year_relative(published: date, month: int, day: int | None, past: bool) -> int | None:
    """The year that puts "Juni lalu" (`past`) last before the publication's month, or
    "September mendatang" first after it; None in the publication's own month (for a day:
    on its own day), which could be either."""
    here = (published.month, published.day if day is not None else 0)
    there = (month, day or 0)
    if here == there:
        return None
    if past:
        return published.year if there < here else published.year - 1
    return published.year if there > here else published.year + 1


def _weekday_written(positions: tuple[int, ...], orths: list[int], rules: Rules, memo: Memo) -> bool:
    """Whether a weekday name stands at one of the positions."""
    return any(memo.text(orths[at]).lower() in rules.weekdays for at in positions)


def _weekday_agreement(positions: tuple[int, ...], orths: list[int], rules: Rules, memo: Memo, value: date) -> float:
    """1.0 unless a word of the span (at one of the positions) is a weekday that the date does not fall on."""
    for at in positions:
        weekday = rules.weekdays.get(memo.text(orths[at]).lower())
        if weekday is not None and weekday != value.weekday():
            return WEEKDAY_MISMATCH
    return 1.0


def _role(doc: Doc, start: int, end: int, near_top: bool, rules: Rules) -> str | None:
    """published, mentioned, WIDGET for a bare date line at the top (the story's or a site's
    date widget: extract decides) or None for a widget's line ("| E-Paper | Indeks"), for a
    date near the top or after a publication label (_hit answers the other dates). A date
    line that opens with an outlet's name ("GORONTALO POST | Kamis, 13 Februari 2025") is its
    edition's date: published, also with a section name after it ("| Opini"), and so is a
    press release's dateline ("Kupang, 2 Oktober 2024 – ...").

    Only the few tokens on either side of the span are read (doc.text would rebuild the
    whole text): a publication label or header time sits right next to the date.
    """
    before = _line_part(doc, start - 1, -1)
    if before:
        before = EDITION.sub("", before).lstrip(EMPHASIS)  # "MALUT POST | Edisi Selasa, 21 Oktober 2025": the
        # outlet's edition; "*Pontianak, Jumat (14/2/2025)* -": a chat message's bold dateline
    if near_top and before and CHAT_STAMP.match(before) and end < len(doc) and doc[end].text == "]":
        return "published"  # "[09.14, 5/8/2025] Pak RT 27: ...": a chat message's time stamp
    if end < len(doc) - 1 and doc[end].text in EMPHASIS:
        end += 1  # "...(14/2/2025)* -": the dateline's dash comes after the bold mark
    if before and rules.published_label.match(before):
        return "published"
    near = _line_part(doc, start - 1, -1, whole=False)  # the line's last tokens before the date
    if near and FIELD_SEPARATOR.search(near) and rules.published_label.match(FIELD_SEPARATOR.split(near)[-1].strip()):
        return "published"  # a meta line's field: "Kategori: Berita Daerah | Diterbitkan: Rabu, 4 Juni 2025 | ..."
    meta = before if before is not None or not near_top else _line_part(doc, start - 1, -1, look=META_LOOK)
    if near_top and meta and (rules.post_meta.match(meta) or rules.counted_meta.match(meta) or any(
            rules.post_meta.match(meta[bar.end():].lstrip()) for bar in FIELD_SEPARATOR.finditer(meta))):
        return "published"  # "Diposting oleh: Admin Diskominfo | Kamis, 14 November 2024 | Dibaca ...", also
        # after a section's field ("Berita Daerah | Diposting oleh Admin | 14 Januari 2026"); a video page's
        # "1.532 x ditonton  3 Jun 2025"
    if near_top and (end == len(doc) or "\n" in doc[end].text) and (
            numbered := before if before is not None else _line_part(doc, start - 1, -1, look=NUMBER_LOOK)) \
            and DOCUMENT_NUMBER.match(numbered):
        return "published"  # a numbered release's line: "No. 62/11/82/Th. XXIV, 5 November 2025"
    if near_top and before and RELEASE_PLACE.match(before) and (
        end == len(doc) or doc[end].text in RELEASE_DASHES or "\n" in doc[end].text
        or rules.time_after.match(_line_part(doc, end, +1, whole=False))
    ):
        return "published"  # a release's dateline: "Kupang, 2 Oktober 2024 – BPJS ...", "Airmadidi, 14 Agustus 2024",
        # an outlet's: "BALIPOST.com, 12 Februari 2025 | 09:15 WITA", "SUMEKS.CO - PALEMBANG, Rabu 4 Desember 2024"
    if near_top and before and SECTION_BEFORE.fullmatch(before) \
            and rules.time_after.match(_line_part(doc, end, +1, whole=False)):
        return "published"  # a section's name, the date and its time: "Kalbar   Rabu, 24 Desember 2025 16:40 WIB"
    if near_top and before is not None and (not before or before[-1] in HEADER_SEPARATORS):
        after = _line_part(doc, end, +1, whole=False, look=META_LOOK)  # "Kompas.com - 21/03/2024, 14:30 WIB"
        if rules.time_after.match(after):
            return "published"
        if AUDIENCE_AFTER.match(after):
            return "published"  # a social post's stamp: "5 Juni 2025 · 🌎", "Admin · 15 Mei 2025 · 👥"
        if not before and rules.widget_after.match(after):
            return None  # "Senin, 15 September 2025 | E-Paper | Indeks", "Sabtu, 6 Desember 2025 | Redaksi | Pedoman
            # Media Siber | Login": the site's, not the story's
        if rules.post_meta_after.match(after):
            return "published"  # "Kamis, 21 Agustus 2025 | Humas Undana", "Siwalima News | <date> | Dibaca: ..."
        if HIJRI_AFTER.match(after):
            return WIDGET  # "Ahad, 16 Februari 2025 / 17 Sya'ban 1446 H": the story's date line or an
            # Islamic site's date widget, as a bare date line (extract decides)
        if not after and not before and rules.widget_line.match(_next_line(doc, end) or ""):
            return None  # "Kamis, 20 November 2025 / PORTAL RESMI PEMERINTAH KABUPATEN MERANGIN": the site's header
        if not after:  # a bare date line: after an outlet name, its edition date, and under the
            # headline, the story's ("Judul ... / Kamis, 6 Maret 2025 / Laporan ..."); else a widget's or the story's
            return "published" if before or _under_headline(doc, start) or _under_release_label(doc, start, rules) \
                else WIDGET
        if SECTION_AFTER.match(_line_part(doc, end, +1) or "") and (before or _under_headline(doc, start)):
            return "published"  # "balipost.com | Selasa, 9 September 2025 | Opini": outlet, date, section;
            # "Kamis, 4 September 2025 | Ekonomi" under the headline
        if not before and _signed_by_unit(_line_part(doc, end, +1)) and _under_headline(doc, start):
            return "published"  # "Rabu, 11 Juni 2025 | Biro Administrasi Pimpinan Setda ..." under the headline
    return "mentioned"


def _signed_by_unit(after: str | None) -> bool:
    """Whether the rest of a date line is a bar and the name of who wrote it: UNIT_WORDS
    capitalised words at most, no digit ("| Biro Administrasi Pimpinan Setda Provinsi Jambi";
    not a widget's "| Jadwal Sholat Painan: Subuh 05:07"); a middle dot or a dash may be the
    bar ("· Dinas Komunikasi dan Informatika", "- Diskominfo Ketapang")."""
    if not after or after[0] not in "|·•-–—":
        return False
    words = after[1:].split()
    return 0 < len(words) <= UNIT_WORDS and all(w[0].isupper() and w.isalpha() or w in ("dan", "&") for w in words)


def _under_release_label(doc: Doc, start: int, rules: Rules) -> bool:
    """Whether the line over the one token `start` opens is a press release's label ("Siaran
    Pers", "SIARAN PERS NOMOR: 045/HM/IX/2025")."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    label = _line_part(doc, k, -1) if k >= 0 else None
    return bool(label) and rules.release_label.match(label) is not None


def _under_headline(doc: Doc, start: int) -> bool:
    """Whether the line that token `start` opens comes right after the article's first line,
    a headline (HEADLINE_WORDS words or more, no sentence's end), with at most a site's
    widget line ("Senin, 15 September 2025 | E-Paper | Indeks") or the outlet's name ("Ambon
    Ekspres": a few capitalised words, no digit; a tagline after a dash aside; or its web
    address, "madiunkota.go.id") between, and any breadcrumb line ("Beranda / Berita /
    Komisi IX"), byline ("Oleh Maria Yasinta Ndolu") or the headline again (a page's own
    over a feed's title); the site's name may also stand over the headline ("Pemerintah
    Kabupaten Natuna"). Not when the headline comes again in the lines below it: then the
    date stands over the page's own headline, in the site's header ("Rabu, 4 Februari 2026 /
    radarbanyumas.disway.id / Home > Banyumas / <headline>")."""
    text, at = doc.text, doc[start].idx  # (doc.text builds the whole text: once)
    lines = [line.strip() for line in text[:at].split("\n") if line.strip()]
    if len(lines) > 1 and _outlet_name(lines[0]):
        lines = lines[1:]
    lines = lines[:1] + [line for line in lines[1:] if not BREADCRUMB.match(line) and line != lines[0]
                         and not BYLINE.match(line)]
    if not lines or len(lines) > 2 or len(lines[0].split()) < HEADLINE_WORDS or lines[0][-1] in ".!?":
        return False
    if lines[0] in (line.strip() for line in text[at:at + HEADLINE_AGAIN_CHARS].split("\n")[1:]):
        return False  # the page's own headline below it: the date heads the page, not the story
    return len(lines) == 1 or "|" in lines[1] or WEB_ADDRESS.match(lines[1]) is not None or _outlet_name(lines[1])


def _outlet_name(line: str) -> bool:
    """Whether a line is an outlet's or site's name: OUTLET_WORDS capitalised words at most, no
    digit; a tagline after a dash aside ("KUPANG POS — Harian Pagi Nusa Tenggara Timur")."""
    words = [w for w in TAGLINE.split(line)[0].split() if any(c.isalnum() for c in w)]  # not an emoji
    return len(words) <= OUTLET_WORDS and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in line)


def _labelled(start: int, labels_at: set[int]) -> bool:
    """A publication label ("Diterbitkan") is one of the LABEL_LOOK tokens before token start."""
    return bool(labels_at) and not labels_at.isdisjoint(range(max(0, start - LABEL_LOOK), start))


def _next_line(doc: Doc, end: int) -> str | None:
    """The first tokens of the line after the one token `end` stands on (or ends)."""
    while end < len(doc) and doc[end].is_space:
        end += 1
    return _line_part(doc, end, +1, whole=False) if end < len(doc) else None


def _line_part(doc: Doc, k: int, step: int, whole: bool = True, look: int = LINE_LOOK) -> str | None:
    """Text from token k to the line's start (step -1) or end (+1); None if more than `look`
    tokens, unless not `whole`: then its first `look` tokens."""
    pieces = []  # texts with their trailing space, as the doc's text has them
    edge, n = k, len(doc)
    for _ in range(look):
        if edge < 0 or edge >= n:
            break
        piece = doc[edge].text_with_ws
        if "\n" in piece:
            break
        pieces.append(piece)
        edge += step
    else:
        if whole:
            return None
    if step < 0:
        pieces.reverse()
    return "".join(pieces).strip()
