"""Candidate anchors for the number extractors: a PhraseMatcher over lower-cased phrases.

Why not the token Matcher: in spaCy 3.8 `Matcher.__call__` walks every token in
Python (it builds a Token object per position), ~0.6 us per token whatever the
patterns, i.e. ~0.3 ms on a news article. The PhraseMatcher stays in C (~0.1 us per
token). So the extractors find cheap anchors (a currency word, a unit noun) with it
and read the few tokens around each anchor in Python.

Phrase patterns use spaCy's EntityRuler JSONL format: {"label": ..., "pattern": "..."}
(a string, tokenized by the pipeline's tokenizer), or a list of one-key token dicts
{"LOWER": ...} for a token the tokenizer makes only in context ("Rp." in "Rp.500").
"""
from __future__ import annotations

from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..common import read_jsonl


def read_phrase_patterns(path: Path) -> dict[str, list]:
    """Patterns by label from a JSONL file of {"label": ..., "pattern": ...} lines."""
    out: dict[str, list[str]] = {}
    for entry in read_jsonl(path):
        out.setdefault(entry["label"], []).append(entry["pattern"])
    return out


def _pattern_doc(nlp: Language, pattern) -> Doc:
    if isinstance(pattern, str):
        return nlp.make_doc(pattern.lower())
    return Doc(nlp.vocab, words=[next(iter(spec.values())).lower() for spec in pattern])


def build_phrase_matcher(nlp: Language, patterns: Mapping[str, Iterable]) -> PhraseMatcher:
    """A PhraseMatcher on LOWER: each label matches its patterns in any capitalisation."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, items in patterns.items():
        matcher.add(label, [_pattern_doc(nlp, p) for p in items])
    return matcher


def in_text_order(matches: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """PhraseMatcher matches (match id, start, end) sorted by their start token."""
    return sorted(matches, key=itemgetter(1))


MAX_TABLE_ROWS = 60  # rows of a table set out one a line


def row_figures(doc: Doc, colon: int) -> Iterator[Token]:
    """The figure each row ends with, of a table set out one row a line after the colon at
    token `colon` and its line break ("Percut Sei Tuan 8.412", "Kota Jayapura: 82.640 jiwa,
    41.650.560.000"): a label, then a number that is the line's last token and stands alone.
    Stops at the first line that ends otherwise, or after MAX_TABLE_ROWS rows."""
    n = len(doc)
    if not (colon + 1 < n and doc[colon].text == ":" and doc[colon + 1].is_space and "\n" in doc[colon + 1].text):
        return
    for k, end in _lines(doc, colon + 2):
        if end - k < 2 or not doc[end - 1].like_num or doc[end - 2].like_num:
            return
        yield doc[end - 1]


def _lines(doc: Doc, k: int) -> Iterator[tuple[int, int]]:
    """(first token, token after the last) of each line from token k on, up to MAX_TABLE_ROWS
    lines (cleaning sets every line off as a paragraph)."""
    n = len(doc)
    for _ in range(MAX_TABLE_ROWS):
        end = k
        while end < n and not doc[end].is_space:
            end += 1
        yield k, end
        if end >= n or "\n" not in doc[end].text:
            return
        k = end + 1


UNIT_WORDS = 3  # tokens a bracketed unit of a table header may hold: "(ribu orang)"


def column_figures(doc: Doc, close: int) -> Iterator[Token]:
    """The figure of each row in one column of a table set out one row a line under a header
    line of bracketed units ("No Kabupaten Pekerja rentan (orang) Iuran setahun (Rp)" over
    "1 Sanggau 5.200 1.048.320.000"): `close` is the ")" of that column's unit. A row is a
    label, then one figure per bracketed unit of the header, ending the line; stops at the
    first line that is not, or after MAX_TABLE_ROWS rows."""
    n = len(doc)
    start, end = close, close
    while start > 0 and not doc[start - 1].is_space:
        start -= 1
    while end < n and not doc[end].is_space:
        end += 1
    if end >= n or "\n" not in doc[end].text or (start > 0 and "\n" not in doc[start - 1].text):
        return  # the header is a line of its own
    barred = any(doc[k].text == "|" for k in range(start, end))  # a header of "|" cells: its rows have them too,
    # and a line after the table that ends in a figure is none ("Sumber: Disnakertrans Kaur, September 2025")
    units = [k for k in range(start, end) if doc[k].text == ")" and _opened(doc, k, start)]
    if close not in units:
        return
    column = units.index(close) - len(units)  # counted from the row's end
    for k, stop in _lines(doc, end + 1):
        if k == end + 1 and _column_numbers(doc, k, stop):
            continue  # the columns' numbers under the header: "1 2 3 4"
        figures = stop
        while figures > k and doc[figures - 1].like_num:
            figures -= 1
        if stop - figures < len(units) or figures == k or (
                barred and not any(doc[j].text == "|" for j in range(k, stop))):
            return
        yield doc[stop + column]


def _column_numbers(doc: Doc, k: int, stop: int) -> bool:
    """Whether tokens k to stop are "1 2 3 ...", the line a printed table numbers its columns by."""
    return stop - k >= 2 and all(doc[i].text == str(i - k + 1) for i in range(k, stop))


def _opened(doc: Doc, close: int, start: int) -> bool:
    """Whether the ")" at token `close` closes a "(" at most UNIT_WORDS tokens before it."""
    return bracket_opening(doc, close, start) is not None


def bracket_opening(doc: Doc, close: int, start: int = 0) -> int | None:
    """The "(" that the ")" at token `close` closes, at most UNIT_WORDS tokens before it
    and not before token `start` ("(dalam ribuan rupiah)"); None if there is none."""
    for k in range(close - 1, max(start, close - UNIT_WORDS - 1) - 1, -1):
        if doc[k].text == "(":
            return k
    return None
