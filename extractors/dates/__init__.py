"""Dates: "Kamis, 21 Maret 2024", "Jumat (6/1/2023)", "posisi Februari 2017", "Minggu (11/6)".

Rules as data beside this file: months.csv, weekdays.csv, cues.csv, patterns.jsonl.
A date is "published" only when the text itself states the publication date (a header
line with a time, or "Diterbitkan: ..."); everything else is "mentioned". Yearless
dates take their year from the article's publication date (metadata); without it, from the
text's own publication date, for a day whose written weekday agrees or a month or day that
"lalu"/"mendatang" places before or after it; else they are dropped.
"""
from __future__ import annotations

from datetime import date

from extractors.common import Context, Found, Hit

from . import parse, rules
from .normalise import make_normaliser

KINDS = ("date",)


def build(nlp):
    compiled = rules.load(nlp)
    memo = parse.Memo(compiled, nlp.vocab.strings, make_normaliser())

    def extract(doc, context: Context, found: Found) -> list[Hit]:
        return parse.extract(doc, compiled, memo, _published(context), context.text if context else None)

    return extract


def _published(context: Context | None) -> date | None:
    """The publication date from metadata ("2024-03-21" or an ISO datetime), if valid."""
    if context is None or not context.published:
        return None
    try:
        return date.fromisoformat(context.published[:10])
    except ValueError:
        return None
