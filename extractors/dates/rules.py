"""The date rules compiled once: month and weekday names, cue words, date shapes.

Word lists and shapes live in data files beside this module (months.csv,
weekdays.csv, cues.csv, patterns.jsonl); this module only reads and compiles them.

The words and token shapes that anchor a date (and publication labels) are found in
one pass over the doc: they share a lexeme flag (AnchorFlag, registered once per vocab)
and one PhraseMatcher finds the flagged tokens, instead of one matcher per attribute.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable, Iterable

from spacy import attrs
from spacy.language import Language
from spacy.lang.lex_attrs import lower as default_lower, word_shape as default_shape
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractors.common import read_csv, read_jsonl

HERE = Path(__file__).parent

# A weather reading, a town's perhaps, after a date and a bar or on the line under a bare date
# line: the site's header ("Jumat, 21 November 2025 | Bau-Bau 29°C Cerah", "Kamis, 4 September
# 2025 / Medan 31°C / WASPADA.ID"), so the date is its widget.
WEATHER = r"(?:[^\W\d][\w.\- ]{0,30}\s)?\d{1,2}(?:[.,]\d)?\s?°\s?C"
MONTH_CLASS = {"id": "M", "abbr": "m", "en": "E"}
WEEKDAY_CLASS = {"id": "W", "en": "V"}
CUE_CLASS = {"until": "u", "until_tail": "g", "number_keyword": "K", "list_joiner": "l", "range_joiner": "r",
             "published_label": "L", "past": "P", "future": "F"}


@dataclass(frozen=True, slots=True)
class Shape:
    """One date shape of patterns.jsonl, compiled."""

    rule: str
    regex: re.Pattern
    precision: str
    yearless: bool
    header_only: bool  # read only as the publication date near the top (a chat message's stamp)
    weekday_checked: bool  # read only when its weekday agrees with the date ("Selasa 22 Jul 25")
    relative: str  # "past" / "future": a yearless date before / after publication ("Juni lalu"); else ""
    confidence: float
    order: int
    groups: dict[str, int] = dataclasses.field(default_factory=dict)  # group name -> number in `combined`


@dataclass(frozen=True)
class AnchorFlag:
    """Lexeme flag of the words that anchor a date or label its publication, by lowercase
    form, and of the numeric date shapes ("dd/dd/dddd"): a pure function of the word."""

    words: frozenset[str]  # lowercase forms (token LOWER)
    shapes: frozenset[str]  # token shapes (SHAPE)
    marks: frozenset[str] | None  # characters one of which every shape holds ("/", "-"), None if not so
    lower: Callable[[str], str]  # the vocab's own LOWER and SHAPE functions
    shape: Callable[[str], str]

    def __call__(self, word: str) -> bool:
        if self.lower(word) in self.words:
            return True
        return (self.marks is None or not self.marks.isdisjoint(word)) and self.shape(word) in self.shapes


@dataclass(frozen=True, slots=True)
class Rules:
    anchors: PhraseMatcher  # every token with the AnchorFlag
    month_ids: frozenset[int]  # LOWER ids of one-token month names
    label_ids: frozenset[int]  # LOWER ids of publication labels
    shape_ids: frozenset[int]  # SHAPE ids of numeric dates
    words: PhraseMatcher | None  # month names of more than one token, if any
    shapes_matcher: PhraseMatcher | None  # numeric date shapes of more than one token, if any
    word_class: dict[str, str]  # lowercase word -> class letter
    shape_class: dict[str, str]  # token shape -> class letter (N, n, I)
    months: dict[str, int]  # lowercase month form -> month number
    month_names: dict[int, str]  # month number -> Indonesian name, for dateparser
    weekdays: dict[str, int]  # lowercase weekday -> 0 (Monday) .. 6
    shapes: tuple[Shape, ...]
    combined: re.Pattern  # every shape as one alternation, in file order; group s<n> = shape n
    shape_of_group: dict[int, Shape]  # number of group s<n> in `combined` -> shape n
    published_labels: frozenset[str]  # lowercase words that announce the publication date
    published_label: re.Pattern  # the line before the date is such a label
    post_meta: re.Pattern  # the line before the date opens a post's meta line and ends in a bar, or
    # names its writer in capitalised words before "pada"/"tanggal" ("Ditulis oleh Admin Diskominfo pada <date>")
    counted_meta: re.Pattern  # the line before the date is a count and a post-meta word: "1.532 x ditonton"
    post_meta_after: re.Pattern  # the rest of a line a date opens: a post-meta word, after a bar or dash,
    # one more bar-separated part, or nothing, perhaps after a count ("| Humas Undana", "- Humas Setwan",
    # "| Biro Adpim | Dilihat ...", "| 1.208 kali dibaca", "Diposting oleh")
    time_after: re.Pattern  # "14:30 WIB" right after a header date
    widget_after: re.Pattern  # the rest of a site's date-widget line: "| E-Paper | Indeks", "· Pontianak 31°C · Masuk"
    widget_line: re.Pattern  # the site's line under a bare date line of its header: "PORTAL RESMI PEMERINTAH ..."
    signed_date: re.Pattern  # the line before a document's signature date: "[Ditetapkan di Pelaihari] pada tanggal"
    # (group `at` holds the place when the line names it)
    signed_at: re.Pattern  # a line that opens a signature block: "Ditetapkan di Pelaihari"
    release_label: re.Pattern  # a press release's label line: "Siaran Pers", "SIARAN PERS NOMOR: 045/HM/IX/2025"
    copy_stamp: re.Pattern  # a line's field before a date that stamps a copy: "Dicetak dari jdih... pada"
    name_heads: frozenset[str]  # lowercase words opening a place named by a day and month: "jalan", "pasar"


@cache
def month_forms() -> frozenset[str]:
    """Every written form of a month's name, lower-case ("maret", "des", "march")."""
    return frozenset(row["form"].lower() for row in read_csv(HERE / "months.csv"))


@cache
def weekday_forms() -> frozenset[str]:
    """Every written form of a weekday's name, lower-case ("senin", "kamis", "monday")."""
    return frozenset(row["form"].lower() for row in read_csv(HERE / "weekdays.csv"))


def load(nlp: Language) -> Rules:
    word_class: dict[str, str] = {}
    months: dict[str, int] = {}
    month_names: dict[int, str] = {}
    for row in read_csv(HERE / "months.csv"):
        word_class[row["form"].lower()] = MONTH_CLASS[row["style"]]
        months[row["form"].lower()] = int(row["month"])
        if row["style"] == "id":
            month_names.setdefault(int(row["month"]), row["form"].capitalize())
    weekdays: dict[str, int] = {}
    for row in read_csv(HERE / "weekdays.csv"):
        word_class[row["form"].lower()] = WEEKDAY_CLASS[row["lang"]]
        weekdays[row["form"].lower()] = int(row["weekday"])
    cues: dict[str, list[str]] = {}
    for row in read_csv(HERE / "cues.csv"):
        cues.setdefault(row["role"], []).append(row["word"])
        if row["role"] in CUE_CLASS:
            word_class[row["word"].lower()] = CUE_CLASS[row["role"]]
    shape_class = {s: "N" for s in cues["dmy_shape"]}
    shape_class.update({s: "n" for s in cues["dm_shape"]})
    shape_class.update({s: "I" for s in cues["iso_shape"]})
    shape_class.update({s: "Q" for s in cues.get("dmy_range_shape", ())})
    shape_class.update({s: "C" for s in cues.get("chat_dmy_shape", ())})

    month_docs = [nlp.make_doc(w) for w, c in word_class.items() if c in ("M", "m", "E")]
    shape_docs = [nlp.make_doc(s.replace("d", "1")) for s in shape_class]  # anchors on their own
    shape_class.update({s: "R" for s in cues.get("day_range_shape", ())})  # (a month anchors these)
    published_labels = frozenset(w.lower() for w in cues["published_label"])
    words = PhraseMatcher(nlp.vocab, attr="LOWER")  # the rare words of more than one token
    if long_months := [d for d in month_docs if len(d) > 1]:
        words.add("month", long_months)
    shapes_matcher = PhraseMatcher(nlp.vocab, attr="SHAPE")
    if long_shapes := [d for d in shape_docs if len(d) > 1]:
        shapes_matcher.add("date_shape", long_shapes)
    lower = nlp.vocab.lex_attr_getters.get(attrs.LOWER, default_lower)
    one_token_words = {d[0].lower_ for d in month_docs if len(d) == 1}
    flag = AnchorFlag(
        words=frozenset(one_token_words | {lower(w) for w in published_labels}),
        shapes=frozenset(d[0].shape_ for d in shape_docs if len(d) == 1),
        marks=_marks(d[0].shape_ for d in shape_docs if len(d) == 1),
        lower=lower,
        shape=nlp.vocab.lex_attr_getters.get(attrs.SHAPE, default_shape),
    )
    anchors = PhraseMatcher(nlp.vocab, attr=_flag_id(nlp.vocab, flag))
    if flagged := _flagged_doc(nlp, flag, [d for d in month_docs + shape_docs if len(d) == 1]):
        anchors.add("anchor", [flagged])
    strings = nlp.vocab.strings

    shapes = tuple(_shape(n, p) for n, p in enumerate(read_jsonl(HERE / "patterns.jsonl")))
    combined = re.compile("|".join(f"(?P<s{s.order}>{_prefixed(s)})" for s in shapes))
    shapes = tuple(dataclasses.replace(s, groups=_groups(s, combined)) for s in shapes)
    labels = "|".join(re.escape(w) for w in cues["published_label"])
    zones = "|".join(re.escape(w) for w in cues["time_zone"])
    meta = "|".join(re.escape(w) for w in cues["post_meta"])
    widget = "|".join(re.escape(w) for w in cues["widget"])
    site_headers = "|".join(re.escape(w.upper()) for w in cues["site_header"])  # in capitals only
    signed = "|".join(re.escape(w) for w in cues["signed_at"])
    stamps = "|".join(re.escape(w) for w in cues["copy_stamp"])
    releases = "|".join(re.escape(w) for w in cues["release_label"])
    return Rules(
        anchors=anchors,
        month_ids=frozenset(d[0].lower for d in month_docs if len(d) == 1),
        label_ids=frozenset(strings.add(lower(w)) for w in published_labels),
        shape_ids=frozenset(d[0].shape for d in shape_docs if len(d) == 1),
        words=words if len(words) else None,
        shapes_matcher=shapes_matcher if len(shapes_matcher) else None,
        word_class=word_class,
        shape_class=shape_class,
        months=months,
        month_names=month_names,
        weekdays=weekdays,
        shapes=shapes,
        combined=combined,
        shape_of_group={combined.groupindex[f"s{s.order}"]: s for s in shapes},
        published_labels=published_labels,
        post_meta=re.compile(rf"^(?:{meta})\b(?:.*\||\s*(?:oleh\b|:)?\s*(?:(?-i:[A-Z])[\w.]*\s+){{1,5}}(?:pada|tanggal|tgl\.?))$",
                             re.IGNORECASE),
        counted_meta=re.compile(rf"^[\d.,]+\s*(?:rb|ribu|k)?\s*(?:x|kali)?\s*(?:{meta})\s*[|·•\-–—]?$", re.IGNORECASE),
        post_meta_after=re.compile(rf"^(?:[|/\-–—·•](?:[^|/·•]*[|/·•])?)?\s*(?:[\d.,]+\s+(?:kali\s+)?)?(?:{meta})\b", re.IGNORECASE),
        published_label=re.compile(rf"^(?:(?:tanggal|tgl)\.?\s+)?(?:{labels})\b\s*(?:pada|tanggal|tgl|on)?\s*[:\-–—]?\s*$", re.IGNORECASE),
        time_after=re.compile(rf"^(?:[|,/\-–—·•]\s*)?(?:pukul\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:{zones})?(?:[\s\]]|$)"),
        widget_after=re.compile(rf"^[|·•]\s*(?:[^|·•\n]{{1,40}}[|·•]\s*)?(?:{widget}|{WEATHER})(?:\W|$)", re.IGNORECASE),
        widget_line=re.compile(rf"^(?:(?i:{widget})|{site_headers}|{WEATHER})(?:\W|$)"),
        signed_date=re.compile(rf"^(?:(?P<at>(?:{signed})\s+di\s+[^,\n]{{1,40}}?)\s*,?\s+)?pada\s+tanggal\s*:?$", re.IGNORECASE),
        signed_at=re.compile(rf"^(?:{signed})\s+di\s", re.IGNORECASE),
        release_label=re.compile(rf"^(?:{releases})(?:\s+(?:nomor|no\.?)\s*:?\s*\S+)?$", re.IGNORECASE),
        copy_stamp=re.compile(rf"^(?:(?:dokumen|halaman) ini\s+)?(?:{stamps})\b", re.IGNORECASE),
        name_heads=frozenset(w.lower() for w in cues.get("name_head", ())),
    )


def _marks(shapes: Iterable[str]) -> frozenset[str] | None:
    """Characters (not d, x, X) such that every shape holds one of them; None if some shape has none."""
    marks = set()
    for shape in shapes:
        own = set(shape) - set("dxX")
        if not own:
            return None
        marks |= own
    return frozenset(marks)


def _flag_id(vocab: Vocab, flag: AnchorFlag) -> int:
    """The lexeme flag bit that `flag` sets: the one already registered for it, else a free one."""
    for flag_id, getter in vocab.lex_attr_getters.items():
        if flag_id < attrs.FLAG63 + 1 and getter == flag:
            return flag_id
    free = next(i for i in range(attrs.FLAG19, attrs.FLAG63 + 1) if i not in vocab.lex_attr_getters)
    return vocab.add_flag(flag, free)


def _flagged_doc(nlp: Language, flag: AnchorFlag, docs: list[Doc]) -> Doc | None:
    """A one-token doc whose word has the flag (the pattern "a flagged token"), if there is any."""
    for doc in docs + [nlp.make_doc(w) for w in sorted(flag.words)]:
        if len(doc) == 1 and flag(doc[0].text):
            return doc
    return None


def _prefixed(shape: Shape) -> str:
    """The shape's regex with its group names prefixed (day -> s3_day), to join them all."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<s{shape.order}_{m.group(1)}>", shape.regex.pattern)


def _groups(shape: Shape, combined: re.Pattern) -> dict[str, int]:
    """The shape's group names (day, month...) and their numbers in the combined regex."""
    return {name: combined.groupindex[f"s{shape.order}_{name}"] for name in shape.regex.groupindex}


def _shape(order: int, p: dict) -> Shape:
    return Shape(
        rule=p["rule"],
        regex=re.compile(p["regex"]),
        precision=p["precision"],
        yearless=bool(p.get("yearless", False)),
        header_only=bool(p.get("header_only", False)),
        weekday_checked=bool(p.get("weekday_checked", False)),
        relative=p.get("relative", ""),
        confidence=float(p["confidence"]),
        order=order,
    )
