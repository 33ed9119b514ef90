"""The date rules compiled once: month and weekday names, cue words, date shapes.

Word lists and shapes live in data files beside this module (months.csv,
weekdays.csv, cues.csv, patterns.jsonl); this module only reads and compiles them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from extractors.common import read_csv, read_jsonl

HERE = Path(__file__).parent

MONTH_CLASS = {"id": "M", "abbr": "m", "en": "E"}
WEEKDAY_CLASS = {"id": "W", "en": "V"}
CUE_CLASS = {"year_keyword": "T", "fiscal": "a", "year_prefix": "p", "number_keyword": "K"}


@dataclass(frozen=True, slots=True)
class Shape:
    """One date shape of patterns.jsonl, compiled."""

    rule: str
    regex: re.Pattern
    precision: str
    yearless: bool
    confidence: float
    order: int


@dataclass(frozen=True, slots=True)
class Rules:
    words: PhraseMatcher  # "month" names and "year_keyword" (tahun), case-insensitive
    year_keyword_id: int  # match id of "year_keyword" in `words`
    shapes_matcher: PhraseMatcher  # numeric dates by token shape
    word_class: dict[str, str]  # lowercase word -> class letter
    shape_class: dict[str, str]  # token shape -> class letter (N, n, I)
    months: dict[str, int]  # lowercase month form -> month number
    month_names: dict[int, str]  # month number -> Indonesian name, for dateparser
    weekdays: dict[str, int]  # lowercase weekday -> 0 (Monday) .. 6
    shapes: tuple[Shape, ...]
    combined: re.Pattern  # every shape as one alternation, in file order; group s<n> = shape n
    published_labels: frozenset[str]  # lowercase words that announce the publication date
    published_label: re.Pattern  # the line before the date is such a label
    time_after: re.Pattern  # "14:30 WIB" right after a header date


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

    words = PhraseMatcher(nlp.vocab, attr="LOWER")
    words.add("month", [nlp.make_doc(w) for w, c in word_class.items() if c in ("M", "m", "E")])
    words.add("year_keyword", [nlp.make_doc(w) for w, c in word_class.items() if c == "T"])
    shapes_matcher = PhraseMatcher(nlp.vocab, attr="SHAPE")
    shapes_matcher.add("date_shape", [nlp.make_doc(s.replace("d", "1")) for s in shape_class])

    shapes = tuple(_shape(n, p) for n, p in enumerate(read_jsonl(HERE / "patterns.jsonl")))
    labels = "|".join(re.escape(w) for w in cues["published_label"])
    zones = "|".join(re.escape(w) for w in cues["time_zone"])
    return Rules(
        words=words,
        year_keyword_id=nlp.vocab.strings.add("year_keyword"),
        shapes_matcher=shapes_matcher,
        word_class=word_class,
        shape_class=shape_class,
        months=months,
        month_names=month_names,
        weekdays=weekdays,
        shapes=shapes,
        combined=re.compile("|".join(f"(?P<s{s.order}>{_prefixed(s)})" for s in shapes)),
        published_labels=frozenset(w.lower() for w in cues["published_label"]),
        published_label=re.compile(rf"^(?:{labels})\b\s*(?:pada|tanggal|tgl|on)?\s*[:\-–—]?\s*$", re.IGNORECASE),
        time_after=re.compile(rf"^(?:[|,\-–—]\s*)?(?:pukul\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:{zones})?(?:\s|$)"),
    )


def _prefixed(shape: Shape) -> str:
    """The shape's regex with its group names prefixed (day -> s3_day), to join them all."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<s{shape.order}_{m.group(1)}>", shape.regex.pattern)


def _shape(order: int, p: dict) -> Shape:
    return Shape(
        rule=p["rule"],
        regex=re.compile(p["regex"]),
        precision=p["precision"],
        yearless=bool(p.get("yearless", False)),
        confidence=float(p["confidence"]),
        order=order,
    )
