"""Tables whose cells are set apart by "|": text tables pasted into a story, and HTML
tables as pipeline.html writes them, one row a line ("1 | Kota Jambi | 12.500 | 2.520.000.000").

The extractors decide what a column counts from its header cell; this module only finds
the tables and the cell of each row under a header cell.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc

from .grammar import NumberGrammar, Quantity
from .numerals import is_grouped, is_year

PIPE = "|"
CACHE_KEY = "fakta.pipe_tables"
RULE_CHARS = frozenset("-+=:|_")  # a ruled line between a header and its rows ("---+----")
MIN_ROWS = 2  # a table has a header and at least this many rows
RULE_TOKENS = 5  # tokens a ruled line without a "|" may hold ("---+-----+---")
VAGUE_SCALES = frozenset({"puluhan", "ratusan", "ribuan", "jutaan", "miliaran", "triliunan"})  # "(dalam
# ribuan rupiah)": a header's unit that no scale word states; its column is not read

SMALL_NUMBER = re.compile(r"[1-9]\d?")  # a header word's count ("Iuran 6 Bulan"), not a scale ("000")

Cell = tuple[int, int]  # (first token, token after the last); first == end for an empty cell


@dataclass(frozen=True, slots=True)
class PipeTable:
    header: list[Cell]
    rows: list[list[Cell]]
    title: Cell | None = None  # the line just before the header ("Penerima Bansos Nelayan per Kecamatan")
    subheader: list[Cell] | None = None  # a second header line, cell under cell ("| | (orang) | (orang)")

    def heading(self, index: int) -> list[Cell]:
        """Header cell `index` and the subheader cell under it, if not empty."""
        if self.subheader is None or self.subheader[index][0] == self.subheader[index][1]:
            return [self.header[index]]
        return [self.header[index], self.subheader[index]]

    def column(self, index: int) -> Iterator[Cell]:
        """The cell of each row under header cell `index`. A row with fewer cells than the
        header (a total row whose label spans two columns) is aligned on its last cell."""
        width = len(self.header)
        for row in self.rows:
            k = index if len(row) == width else index - width + len(row)
            if 0 < k < len(row) or (k == 0 and len(row) == width):
                yield row[k]


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+")  # "9,800", "7 250"


def cell_figure(doc: Doc, cell: Cell, grammar: NumberGrammar, scale: list[str], money: bool) -> int | None:
    """The whole number a cell holds and nothing else: one numeral in the header's scale
    ("56,2" under "(Rp juta)") or its own ("5,8 juta"), or without a scale thousands grouped by dots ("12.500"; for
    a count also plain digits), commas or spaces ("9,800", "7 250": in a column of counts
    or rupiah no decimal with three places is written)."""
    first, end = cell
    if end - first == 1 and doc[first].like_num:
        text = doc[first].text
        if not scale and "," in text:
            return int(text.replace(",", "")) if _GROUPED.fullmatch(text) else None
        if scale or is_grouped(text) or not money:
            return _value(grammar.parse([text, *scale], money=money), money)
        return None
    if end - first == 2 and not scale and doc[first].like_num and grammar.scale(doc[first + 1].text, money=money):
        return _value(grammar.parse([doc[first].text, doc[first + 1].text], money=money), money)  # "5,8 juta"
    text = doc[first:end].text if end > first else ""
    return int(text.replace(" ", "")) if not scale and _GROUPED.fullmatch(text) else None


def _value(quantity: Quantity | None, money: bool) -> int | None:
    """A positive quantity as an integer: rupiah rounded (Rp3.657.527,37), a count only if whole."""
    if quantity is None or quantity.value <= 0 or not (money or quantity.is_whole()):
        return None
    return quantity.as_int()


def column_figures_of(doc: Doc, table: PipeTable, index: int, grammar: NumberGrammar, scale: list[str],
                      money: bool, counted_in: frozenset[int] = frozenset()) -> Iterator[tuple[int, int, int]]:
    """(value, start, end character) of each row's figure under header cell `index` (see
    cell_figure); a cell may end in one of the words `counted_in` (lower-case hashes): "312 orang"."""
    for first, last in table.column(index):
        end = last - 1 if last - first == 2 and doc[last - 1].lower in counted_in else last
        value = cell_figure(doc, (first, end), grammar, scale, money)
        if value is not None:
            tail = doc[last - 1]
            yield value, doc[first].idx, tail.idx + len(tail)


def header_scale(doc: Doc, cell: Cell, grammar: NumberGrammar, money: bool) -> list[str]:
    """The scale word a header cell gives its column ("Nilai (Rp juta)"), as a list of at most one."""
    return [doc[k].text for k in range(*cell) if grammar.scale(doc[k].text, money=money)][-1:]


def heading_scale(doc: Doc, heading: list[Cell], grammar: NumberGrammar, money: bool) -> list[str]:
    """The scale word of a column's heading (see PipeTable.heading), its last cell's first."""
    return next((scale for cell in reversed(heading) if (scale := header_scale(doc, cell, grammar, money))), [])


def vague_scale(doc: Doc, heading: list[Cell]) -> bool:
    """Whether a column's heading gives its scale in a word no scale reads ("ribuan")."""
    return any(doc[k].lower_ in VAGUE_SCALES for cell in heading for k in range(*cell))


def pipe_tables(doc: Doc) -> list[PipeTable]:
    """Every table of the doc: a run of lines holding "|" (ruled lines allowed between them)
    whose first line, the header, holds no digit and whose rows have no more cells than it.
    Kept on the doc (amounts and worker counts both ask): a pure function of it."""
    if CACHE_KEY not in doc.user_data:
        doc.user_data[CACHE_KEY] = _tables(doc)
    return doc.user_data[CACHE_KEY]


def _tables(doc: Doc) -> list[PipeTable]:
    """Only the lines holding a "|" are read token by token (a page's "Kamis | 14.05 WIB"
    lines are common; tables are not)."""
    bars = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings.add(PIPE))  # cheaper than doc.text
    if len(bars) <= MIN_ROWS:
        return []
    tables: list[PipeTable] = []
    lines: list[list[Cell]] = []
    title = before = None
    for line in _lines(doc, numpy.flatnonzero(doc.to_array(IS_SPACE))):
        first_bar = bisect_left(bars, line[0])
        barred = first_bar < len(bars) and bars[first_bar] < line[1]
        if (barred or line[1] - line[0] <= RULE_TOKENS) and _is_rule(doc, line):
            continue
        cells = _cells(doc, line) if barred else None
        if cells is None:
            tables.extend(_table(doc, lines, title))
            lines, before = [], line
        else:
            if not lines:
                title = before
            lines.append(cells)
    tables.extend(_table(doc, lines, title))
    return tables


def _table(doc: Doc, lines: list[list[Cell]], title: Cell | None) -> list[PipeTable]:
    if len(lines) <= MIN_ROWS:
        return []
    header, *rows = _inside_outer_bars(lines)
    if _holds_figure(doc, header):
        return []  # a row of figures, or a header with an unread unit ("Rp 000"); a year may head a
        # column ("Anggaran 2025")
    if any(len(row) > len(header) for row in rows):
        return []
    subheader = None
    if len(rows[0]) == len(header) and not _holds_figure(doc, rows[0]) and (
            any(doc[start].text == "(" for start, end in rows[0] if end > start) or _spread(doc, header)):
        subheader, rows = rows[0], rows[1:]  # "| | (orang) | (orang) |" under "No | Wilayah | Kuota | Realisasi";
        # "| Kasus | Nominal (Rp) | Kasus | ..." under "Program | Barito Utara | Barito Utara | ..."
    return [PipeTable(header, rows, title, subheader)]


def _spread(doc: Doc, header: list[Cell]) -> bool:
    """Whether two neighbouring header cells say the same words: a merged cell spread over its
    columns (pipeline.html_tables), whose line below names each column."""
    words = [doc[start:end].text for start, end in header]
    return any(a and a == b for a, b in zip(words, words[1:]))


def _inside_outer_bars(lines: list[list[Cell]]) -> list[list[Cell]]:
    """The lines of a Markdown table ("| a | b |"), its header opening or ending with a bar,
    without the empty cells outside those bars; other tables' lines as they are."""
    header = lines[0]
    lead = len(header) > 2 and header[0][0] == header[0][1]
    trail = len(header) > 2 and header[-1][0] == header[-1][1]
    if not (lead or trail):
        return lines
    inside = []
    for line in lines:
        a = 1 if lead and line and line[0][0] == line[0][1] else 0
        b = len(line) - (1 if trail and len(line) > a and line[-1][0] == line[-1][1] else 0)
        inside.append(line[a:b])
    return inside


def _holds_figure(doc: Doc, line: list[Cell]) -> bool:
    """Whether a line's cells hold a digit other than a year's ("Anggaran 2025" holds none) or
    a small number among words ("Iuran 6 Bulan (Rp)", "Tahap 2"; not "Nilai (Rp 000)")."""
    for start, end in line:
        worded = any(doc[k].is_alpha for k in range(start, end))
        for k in range(start, end):
            text = doc[k].text
            if _has_digit(text) and not is_year(text) and not (worded and SMALL_NUMBER.fullmatch(text)):
                return True
    return False


def _has_digit(text: str) -> bool:
    return any(ch.isdecimal() for ch in text)


def _lines(doc: Doc, spaces) -> Iterator[tuple[int, int]]:
    """(first token, token after the last) of each line of the doc (`spaces`: the indices
    of its whitespace tokens, the line breaks among them)."""
    start = 0
    for k in spaces:
        if "\n" in doc[k].text:
            if k > start:
                yield start, int(k)
            start = int(k) + 1
    if start < len(doc):
        yield start, len(doc)


def _is_rule(doc: Doc, line: tuple[int, int]) -> bool:
    return all(set(doc[k].text) <= RULE_CHARS for k in range(*line))


def _cells(doc: Doc, line: tuple[int, int]) -> list[Cell] | None:
    """The cells of a line split at its "|" tokens (None for a line without one), each
    without the spaces around it."""
    start, end = line
    bars = [k for k in range(start, end) if doc[k].text == PIPE]
    if not bars:
        return None
    cells, first = [], start
    for stop in [*bars, end]:
        a, b = first, stop
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        cells.append((a, b))
        first = stop + 1
    return cells
