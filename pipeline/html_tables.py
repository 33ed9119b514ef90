"""Merged cells of a data table's header, spread to one cell per column before the table is read.

A header of two lines, whose first line's cells span columns ("Barito Utara" over "Kasus |
Nominal (Rp)") and rows ("Program" beside both), does not line up with its second line or with
the rows under it once read as text, one line a row ("JHT | 1.842 | 21.356.400.000 | ...",
extractors.numerals.tables). Spread out, each header line holds a cell per column. Rows of
figures stay as they are: a total's label over two columns ("Jumlah") is read by aligning the
row on its last cell.
"""
from __future__ import annotations

import re

from lxml import etree

CELLS = ("td", "th")
MAX_SPAN = 20  # a larger colspan/rowspan is a layout trick, not a data table's merged cell
_DIGIT = re.compile(r"\d")
_WS = re.compile(r"\s+")
_MERGED = etree.XPath(".//table[.//td[@colspan or @rowspan] or .//th[@colspan or @rowspan]]")
HAS_BLOCK = etree.XPath("boolean(.//p | .//div | .//table | .//ul | .//ol | .//section | .//article)")


def spread_merged_cells(container: etree._Element) -> None:
    """The header lines (the rows before the first row holding a digit) of every data table under
    `container` with one cell per column: a cell that spans columns is followed by copies of its
    words; a cell that spans rows leaves an empty cell in the header lines below it."""
    for table in _MERGED(container):
        rows = [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]
        if any(HAS_BLOCK(cell) for row in rows for cell in row if cell.tag in CELLS):
            continue  # a layout table: its cells hold paragraphs, not figures
        covered: dict[int, int] = {}  # column -> header lines below still covered by a cell above
        for row in rows:
            if _DIGIT.search("".join(row.itertext())):
                break  # the first row of figures: the header ended
            column = 0
            for cell in [c for c in row if c.tag in CELLS]:
                column = _fill_covered(covered, column, cell.addprevious, cell.tag)
                across, down = _span(cell, "colspan"), _span(cell, "rowspan")
                words, last = _WS.sub(" ", "".join(cell.itertext())).strip(), cell
                for _ in range(across - 1):
                    copy = etree.Element(cell.tag)
                    copy.text = words
                    last.addnext(copy)
                    last = copy
                for k in range(column, column + across):
                    covered[k] = down - 1
                column += across
            _fill_covered(covered, column, row.append, "td")


def _fill_covered(covered: dict[int, int], column: int, put, tag: str) -> int:
    """Empty cells (put in place by `put`) for the columns from `column` on that a cell above
    still covers; the column after them."""
    while covered.get(column, 0) > 0:
        covered[column] -= 1
        put(etree.Element(tag))
        column += 1
    return column


def _span(cell: etree._Element, attribute: str) -> int:
    value = cell.get(attribute, "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1
