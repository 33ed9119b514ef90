"""Hard-wrapped text (a PDF or a print page copied line by line) -> its paragraphs.

clean_text() makes every line a paragraph, which is right for web text but cuts a
wrapped paragraph into pieces: "Kepala Dinas Tenaga" | "Kerja ...", "Rp3,87 mi-" | "liar".
Two repairs, on the lines of one text, before that happens:
  1. a word split by a hyphen at a line end is joined ("pe-" + "kerja" -> "pekerja"), when
     both halves are lower-case letters; a doubled word keeps its hyphen ("masing-masing");
     in a wrapped text, so is a number or date split after a "/" ("188.44/1021/KPTS/" + "2025");
  2. when most lines that run on into the next are about as long as the longest of them
     (a fixed width of at most MAX_WIDTH characters), each such long line is joined to the
     next with a space (short lines that end where they stand, a heading in capitals,
     "Pasal 7", a sentence's end, do not count against the layout). A short line ends its
     paragraph (a heading, a contact block's line); a line ending in ":", a table row, two
     lines ending in figures ("... 205" / "Jumlah 3.250") and a next line indented deeper, or
     that opens a list item or a form's field ("Tembusan : ...") are never joined. A text
     with three lines or more over twice that width is web text: its paragraphs are single
     lines, and its short lines a header block and lists, never joined.
The text's runs of spaces are already collapsed to one. Only single line breaks are
joined, so cleaned text (paragraphs apart by a blank line) is left as it is.
"""
from __future__ import annotations

import re

MAX_WIDTH = 110  # wrapped lines longer than this are not a fixed-width layout
WIDTH_PERCENTILE = 0.9  # the width: this share of the lines that run on are no longer
LONG_SHARE = 0.7  # a line at least this share of the width was wrapped, not ended
MIN_WRAPPED = 5  # long lines that run on, at least, before a text counts as wrapped
WRAPPED_SHARE = 0.6  # of the lines that run on, the long ones, at least
ROW_NUMBERS = 3  # numbers in a line that opens with one: a table row
OVERLONG, OVERLONG_LINES = 2, 3  # a line this many times the width was never wrapped at it; a text
# with this many such lines is not wrapped
OPEN_END_SHARE = 0.5  # of the long ones, those ending inside a sentence (a letter, comma or hyphen), at least

_SPLIT_WORD = re.compile(r"(?:^|\s)(\w*[a-z])-$")  # "... pe-": the first half of a split word
_NEXT_HALF = re.compile(r"[a-z]\w*")  # "kerja ...": the second half
_LIST_ITEM = re.compile(r"(?:[-•*·▪●]|\d{1,2}[.)]|[a-z][.)])\s")
_CLAUSE_GOES_ON = re.compile(r"\d[\d.]*, ")  # "2025, yang ditetapkan pada 30 Juni 2025.": a wrapped clause, no row
_LOWER_WORDS = re.compile(r"(?<!\S)[a-z]+ [a-z]+(?!\S)")  # "12 Tahun 2025 yang ditetapkan 5 Mei": prose, no row
_NUMBER = re.compile(r"(?<!\S)\d[\d.,]*(?!\S)")
_FORM_FIELD = re.compile(r"[A-Z][A-Za-z./]*(?: [A-Za-z./]+){0,2} : |[A-Z][A-Za-z.]*: ")  # "Tembusan : ", "Perihal: "
_OPEN_END = re.compile(r"[A-Za-z,-]$")
_ENDS_IN_FIGURE = re.compile(r"(?<!\S)\d[\d.,]*$")
_CLAUSE_HEADING = re.compile(r"(?:Pasal|BAB|Bab|Bagian|Paragraf) [\dIVXLC]+$")  # "Pasal 7", "BAB IV"


def unwrap(raw: list[str], indents: list[int] | None) -> list[str]:
    """The text's lines, stripped, with split words and wrapped paragraphs joined (see the
    module's docstring). `indents`: the spaces each line opened with before runs of spaces
    were collapsed (None: no line opened with one). A line indented deeper than the text of
    the line before (a print paragraph's first) is not joined to it; a line of an indented
    block, or one under a list item's text ("e. Surat Edaran ... tanggal 6" / "   Januari
    2025 ..."), may be."""
    lines = [r.strip() for r in raw]
    prose = [bool(line) and not _cells(line) for line in lines]  # (blank lines and table rows are not)
    runs_on = [i for i in range(len(lines) - 1) if prose[i] and prose[i + 1]]
    if not runs_on:
        return lines
    width = _wrap_width(lines, runs_on)
    if width is None and not any(lines[i].endswith("-") for i in runs_on):
        return lines
    run_on = frozenset(runs_on)
    out: list[str] = []
    for i, line in enumerate(lines):
        joined = _joined(out[-1], lines[i - 1], line, _deeper(indents, lines, i), width) if i - 1 in run_on else None
        if joined is None:
            out.append(line)
        else:
            out[-1] = joined
    return out


def _deeper(indents: list[int] | None, lines: list[str], i: int) -> bool:
    """Whether line i is indented deeper than the text of line i - 1 (after its list marker)."""
    if indents is None:
        return False
    item = _LIST_ITEM.match(lines[i - 1])
    return indents[i] > indents[i - 1] + (len(item.group(0)) if item else 0)


def _cells(line: str) -> bool:
    """Whether a line is a table row pasted as text ("1 | Kota Jambi | 12.500 | ...", or
    with tabs, now spaces: "1 Kota Jambi 12.500 2.520.000.000 APBD Kota"); not a wrapped
    sentence that a number opens ("2025, yang ...", "12 Tahun 2025 yang ditetapkan 5 Mei")."""
    return line.count("|") >= 2 or line.startswith("---") or (
        line[:1].isdigit() and not _CLAUSE_GOES_ON.match(line) and not _LOWER_WORDS.search(line)
        and len(_NUMBER.findall(line)) >= ROW_NUMBERS)


def _wrap_width(lines: list[str], runs_on: list[int]) -> int | None:
    """The fixed width the text is wrapped at, or None when it is not wrapped."""
    if len(runs_on) < MIN_WRAPPED:
        return None
    lengths = sorted(len(lines[i]) for i in runs_on)
    width = lengths[min(len(lengths) - 1, int(len(lengths) * WIDTH_PERCENTILE))]
    if width > MAX_WIDTH:
        return None
    long = [lines[i] for i in runs_on if len(lines[i]) >= LONG_SHARE * width]
    open_short = sum(1 for i in runs_on if len(lines[i]) < LONG_SHARE * width and not _closed(lines[i]))
    if len(long) < MIN_WRAPPED or len(long) < WRAPPED_SHARE * (len(long) + open_short):
        return None
    if sum(1 for line in long if _OPEN_END.search(line)) < OPEN_END_SHARE * len(long):
        return None
    if sum(1 for line in lines if len(line) > OVERLONG * width) >= OVERLONG_LINES:
        return None  # paragraphs written as single lines far past the width: the short lines are headers, lists
    return width


def _closed(line: str) -> bool:
    """A short line that ends where it stands in any layout: a heading in capitals ("BAB
    IV", "PEMBIAYAAN"), a clause's heading ("Pasal 7"), or a line ending a sentence, a
    list item or a label ("Cukup jelas.", "Jaminan Sosial;", "MEMUTUSKAN:")."""
    return line.isupper() or line[-1] in ".;:!?)" or _CLAUSE_HEADING.match(line) is not None


def _joined(text: str, line: str, after: str, indented: bool, width: int | None) -> str | None:
    """`text` (ending as `line` does) with the line `after` joined to it, if `line` ends in a
    split word or was wrapped; else None."""
    if line.endswith("-"):
        first, second = _SPLIT_WORD.search(line), _NEXT_HALF.match(after)
        if first and second:  # "masing-" + "masing" keeps its hyphen, "pe-" + "kerja" does not
            return text + after if first.group(1) == second.group(0) else text[:-1] + after
    if width is not None and line.endswith("/") and after[:1].isalnum():
        return text + after  # "Nomor 188.44/1021/KPTS/" + "2025", "Senin (13/10/" + "2025)": one token split
    if width is not None and len(line) >= LONG_SHARE * width and not line.endswith(":") \
            and not indented and not _LIST_ITEM.match(after) and not _FORM_FIELD.match(after) \
            and not (_ENDS_IN_FIGURE.search(line) and _ENDS_IN_FIGURE.search(after)):  # two rows: "... 205" / "Jumlah 3.250"
        return f"{text} {after}"
    return None
