"""Article text -> clean text: the text every fact's offsets point into.

clean_text() runs once per article, before extraction, and its output is what
gets stored. It
  1. normalises characters: NBSP and other spaces -> " " (a tab -> two, a cell gap); zero-width characters,
     BOM, soft hyphen and control characters removed; curly quotes -> straight;
     every dash (en, em, minus, ...) -> "-"; cp1252 bytes mis-decoded as C1
     controls (\\x93 ...) -> their characters; NFC when combining marks occur.
     No NFKC: it would turn "10⁶" into "106". "…", "°", "©", letters with
     diacritics stay.
  2. removes page furniture listed in data/furniture.csv (kinds explained there),
     and puts back the spaces of a text glued throughout (respace.py);
  3. normalises whitespace: a table laid out with runs of spaces or tabs gets " | "
     between its cells (_aligned_tables), inner runs of spaces become one space, a hard-wrapped
     paragraph's lines and a word split at a line end are joined (unwrap.py), every
     non-empty line becomes one paragraph, paragraphs are joined by "\\n\\n";
  4. keeps the first copy of a body that a page repeats: a run of >= 2
     paragraphs that repeats an earlier run in order, or one repeated paragraph
     longer than 200 characters.
It is idempotent: clean_text(clean_text(x)) == clean_text(x).

Speed (the whole pipeline targets 1,000 articles/s per core): one C pass over
the UTF-8 bytes tells which characters need fixing; the line rules are one
compiled alternation, tried only on lines short enough to be furniture.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .respace import respace
from .unwrap import unwrap

FURNITURE_CSV = Path(__file__).parent / "data" / "furniture.csv"
# Line kinds in the order their patterns are tried: the first that matches a line decides.
LINE_KINDS = ("drop_line", "drop_teaser", "drop_from_here", "drop_widget", "drop_top", "drop_toast", "top_neighbor")
TOP_KINDS = ("drop_top", "drop_toast", "top_neighbor")  # only apply before the first kept line
TAIL_MIN_CHARS = 200  # article text that must precede a tail heading before the rest is cut
TEASER_HEADLINE_MAX = 150
TEASER_HEADLINES = 3  # linked headlines a "Baca juga" line may head, one a line
WIDGET_HEADLINES = (2, 8)  # linked headlines a list widget set inside the article holds, fewest and most
WIDGET_BODY_MIN = 150  # characters of the article paragraph that must follow them
REPEAT_MIN_CHARS = 200  # a single repeated paragraph longer than this is dropped

# --- characters ---------------------------------------------------------------
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u202a\u202b\u202c\u202d\u202e"
CHAR_MAP = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_INVISIBLE, ""),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),  # not « »: breadcrumb arrows
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    "\u2028": "\n", "\u2029": "\n", "\ufb01": "fi", "\ufb02": "fl",
    # cp1252 punctuation that arrived as C1 controls (text decoded as latin-1)
    "\x80": "€", "\x85": "...", "\x91": "'", "\x92": "'", "\x93": '"', "\x94": '"',
    "\x95": "•", "\x96": "-", "\x97": "-", "\x99": "™",
    **{chr(c): "" for c in range(0x80, 0xa0) if c not in (0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99)},
}
_ASCII_DELETE = [*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f]
CHAR_MAP.update({chr(c): "" for c in _ASCII_DELETE})
CHAR_MAP.update({"\t": "  ", "\v": " ", "\f": " ", "\r": "\n", "`": "'"})
# Plain ASCII (everything but the characters above): deleting it from the UTF-8 bytes
# leaves whole non-ASCII characters and ASCII specials, so one C pass tells what to fix.
_PLAIN_ASCII = bytes(b for b in range(128) if chr(b) not in CHAR_MAP)

_INNER_SPACE = re.compile("  +")  # (" {2,}" has no literal prefix: 4x slower)
CELL_BAR = " | "  # between the cells of a table row, as pipeline.html writes HTML tables
TABLE_MIN_LINES = 3  # an aligned table: a header and two rows at least
TABLE_MIN_CELLS = 3  # cells of its widest line
TABLE_FIGURE_ROWS = 2  # its lines holding a cell that is a figure ("3.200", "Rp 1.046.220.000", "97,11")
CELL_MAX_CHARS = 80
_CELL_GAP = re.compile(r"(?<! )(?<!Rp)(?<!Rp\.)  +")  # not inside "Rp  32.000.000,00"
_FIGURE_CELL = re.compile(r"(?:Rp\.? ?)?\d[\d.,]*%?")
_HEADLINE_END = re.compile(r"""[.!?"']$""")
_SENTENCE_END = re.compile(r"""[.!?]["']?$""")
LINE_RULE_MAX_CHARS = 300  # longer lines are article text: line rules are not tried on them


def normalize_chars(text: str) -> str:
    """Straight quotes, one kind of dash and space, no invisible or control characters."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    if not rest:
        return text
    present = set(rest.decode("utf-8", "surrogatepass"))
    for ch in present.intersection(CHAR_MAP):
        text = text.replace(ch, CHAR_MAP[ch])
    if any(unicodedata.combining(ch) for ch in present):
        text = unicodedata.normalize("NFC", text)
    return text


# --- furniture rules ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LineRules:
    """Line rules compiled into one alternation; the first rule that matches decides."""

    regex: re.Pattern | None
    group_kind: dict[str, str]

    def kind(self, line: str) -> str | None:
        """The furniture kind of a stripped, non-empty line, or None for article text."""
        if self.regex is None or len(line) > LINE_RULE_MAX_CHARS:
            return None
        m = self.regex.fullmatch(line)
        return self.group_kind[m.lastgroup] if m else None


@dataclass(frozen=True, slots=True)
class Furniture:
    """Compiled furniture rules (see data/furniture.csv)."""

    inline: tuple[tuple[re.Pattern, str], ...]  # (regex, replacement)
    top: LineRules  # every line rule: for the leading block
    body: LineRules  # without TOP_KINDS: for the rest

    def strip_inline(self, text: str) -> str:
        for rx, replacement in self.inline:
            text = rx.sub(replacement, text)
        return text


def read_furniture_rows(path: Path = FURNITURE_CSV) -> list[dict[str, str]]:
    """Rows of furniture.csv (pattern, kind, example), '#' comment lines skipped."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines))
    bad = [r for r in rows if None in r or None in r.values()]
    if bad:
        raise ValueError(f"{path}: row with a wrong number of fields (quote patterns with commas): {bad[0]}")
    unknown = {r["kind"].strip() for r in rows} - {"strip_inline", *LINE_KINDS}
    if unknown:
        raise ValueError(f"{path}: unknown furniture kind(s) {sorted(unknown)}")
    return [{k: v if k == "pattern" else v.strip() for k, v in row.items()} for row in rows]


@cache
def furniture(path: Path = FURNITURE_CSV) -> Furniture:
    """Compile data/furniture.csv once per process."""
    rows = read_furniture_rows(path)
    inline = []
    for row in (r for r in rows if r["kind"] == "strip_inline"):
        rx = re.compile(row["pattern"], re.M)
        inline.append((rx, r"\1" if rx.groups else ""))
    line_rows = sorted((r for r in rows if r["kind"] != "strip_inline"), key=lambda r: LINE_KINDS.index(r["kind"]))
    body_rows = [r for r in line_rows if r["kind"] not in TOP_KINDS]
    return Furniture(tuple(inline), _line_rules(line_rows), _line_rules(body_rows))


def _line_rules(rows: list[dict[str, str]]) -> LineRules:
    if not rows:
        return LineRules(None, {})
    alternatives = "|".join(f"(?P<g{i}>{r['pattern']})" for i, r in enumerate(rows))
    return LineRules(re.compile(alternatives, re.I), {f"g{i}": r["kind"] for i, r in enumerate(rows)})


# --- cleaning ----------------------------------------------------------------------
def clean_text(text: str) -> str:
    """The article's clean text: normalised, furniture removed, paragraphs joined by a blank line."""
    rules = furniture()
    text = respace(rules.strip_inline(normalize_chars(text)))
    indents = _indents(text)  # before runs of spaces go
    if "  " in text:
        text = _INNER_SPACE.sub(" ", _aligned_tables(text))
    lines = [ln for ln in unwrap(text.split("\n"), indents) if ln]
    return "\n\n".join(_drop_repeated_body(_drop_furniture(lines, rules)))


def _indents(text: str) -> list[int] | None:
    """The spaces each line of `text` opens with; None when no line opens with one."""
    if not text.startswith(" ") and "\n " not in text:
        return None
    return [len(ln) - len(ln.lstrip(" ")) for ln in text.split("\n")]


def _aligned_tables(text: str) -> str:
    """Tables laid out with runs of spaces (a PDF's text, rows pasted from a spreadsheet
    with tabs) rewritten with CELL_BAR between cells, so they read as tables once the runs
    collapse: a block of TABLE_MIN_LINES or more lines, each split by runs of two or more
    spaces into two or more cells of at most CELL_MAX_CHARS, the widest into
    TABLE_MIN_CELLS (or every line into two, aligned), and TABLE_FIGURE_ROWS of them holding
    a figure cell; no line holds a "|" already. A line keeps the spaces it opens with."""
    lines = text.split("\n")
    split = [_CELL_GAP.split(line.strip()) for line in lines]
    k, n = 0, len(lines)
    while k < n:
        end = k
        while end < n and len(split[end]) >= 2 and max(map(len, split[end])) <= CELL_MAX_CHARS \
                and "|" not in lines[end]:
            end += 1
        block = split[k:end]
        if len(block) >= TABLE_MIN_LINES and (max(map(len, block)) >= TABLE_MIN_CELLS or _aligned_pairs(lines[k:end])) and \
                sum(any(_FIGURE_CELL.fullmatch(cell) for cell in cells) for cells in block) >= TABLE_FIGURE_ROWS:
            columns = _column_spans(lines[k + max(range(len(block)), key=lambda i: len(block[i]))])
            for i in range(k, end):
                cells = _aligned_cells(lines[i], columns) or split[i]
                lines[i] = lines[i][:len(lines[i]) - len(lines[i].lstrip(" "))] + CELL_BAR.join(cells)
        k = end + 1
    return "\n".join(lines)


def _aligned_pairs(lines: list[str]) -> bool:
    """Whether lines of two cells each have their second cells start at one column, under a
    header line without a figure: a table of two columns ("Cilacap            6.250" under
    "Kabupaten          Pekerja rentan"), not a list of items and sums."""
    starts = {spans[1][0] if len(spans := _column_spans(line)) == 2 else -1 for line in lines}
    return len(starts) == 1 and -1 not in starts and not _FIGURE_CELL.search(lines[0])


def _column_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line, runs of two or more spaces between cells."""
    spans, start = [], None
    for m in _CELL_GAP.finditer(line):
        if m.start() > 0:
            spans.append((0 if start is None else start, m.start()))
        start = m.end()
    if (start or 0) < len(line):
        spans.append((start or 0, len(line)))
    return [(a + len(line[a:b]) - len(line[a:b].lstrip(" ")), b) for a, b in spans if line[a:b].strip()]


def _aligned_cells(line: str, columns: list[tuple[int, int]]) -> list[str] | None:
    """A line's cells placed under the columns of the table's widest line, by the
    characters they share with it (or, sharing none, the nearest), empty cells between:
    "(orang)   (orang)" under "Kuota   Realisasi". None when two cells fall under one column."""
    spans = _column_spans(line)
    if len(spans) == len(columns):
        return None
    cells = [""] * len(columns)
    for a, b in spans:
        index = min(range(len(columns)), key=lambda j: (-max(0, min(b, columns[j][1]) - max(a, columns[j][0])),
                                                        abs(a + b - sum(columns[j]))))
        if cells[index]:
            return None
        cells[index] = line[a:b]
    return cells


_DROPPED_ANYWHERE = ("drop_line", "drop_teaser", "drop_from_here", "drop_widget")
_TAIL_KINDS = ("drop_from_here", "drop_widget")


def _drop_furniture(lines: list[str], rules: Furniture) -> list[str]:
    kept: list[str] = []
    kept_chars = 0
    after_widget = False  # a leading widget was dropped, and only furniture since
    skip_headlines = 0  # teaser headlines that may still follow a "Baca juga" line
    top_kind, body_kind = rules.top.kind, rules.body.kind
    resume = 0  # the line after a list widget set inside the article
    for i, line in enumerate(lines):
        if i < resume:
            continue
        if skip_headlines:
            skip_headlines -= 1
            if _is_teaser_headline(line) and body_kind(line) not in _TAIL_KINDS:
                continue  # a tail heading is no headline: "Baca Juga: / <headline> / Tags: ..." cuts at "Tags"
            skip_headlines = 0
        if kept:
            kind = body_kind(line)
        else:  # the leading block, where widgets sit
            kind = top_kind(line)
            if kind == "top_neighbor" and not (after_widget or _next_kind(lines, i, top_kind) == "drop_top"):
                kind = None
            if kind not in _DROPPED_ANYWHERE:
                after_widget = kind == "drop_top"
            if kind in TOP_KINDS:
                continue
        if kind is None:
            kept.append(line)
            kept_chars += len(line)
        elif kind == "drop_teaser":
            skip_headlines = TEASER_HEADLINES
        elif kind in _TAIL_KINDS and kept_chars >= TAIL_MIN_CHARS:
            resume = _widget_end(lines, i, body_kind) if kind == "drop_widget" else None
            if resume is None:
                break
    return kept


def _next_kind(lines: list[str], i: int, line_kind) -> str | None:
    """Kind of the first line after i that is not dropped anywhere (so that the
    neighbours seen here are those a second cleaning would see)."""
    skip_headlines = 0
    for line in lines[i + 1:]:
        kind = line_kind(line)
        if skip_headlines and _is_teaser_headline(line) and kind not in _TAIL_KINDS:
            skip_headlines -= 1
            continue
        if kind not in _DROPPED_ANYWHERE:
            return kind
        skip_headlines = TEASER_HEADLINES if kind == "drop_teaser" else 0
    return None


def _widget_end(lines: list[str], i: int, line_kind) -> int | None:
    """The line after a list widget whose heading is line i ("TERPOPULER", then "1. Dua Pekerja
    Tertimbun ...", "2. ..."), when the article goes on after its headlines: the next line is a
    paragraph of article text. None when no paragraph follows: the heading ends the article."""
    j, fewest, most = i + 1, *WIDGET_HEADLINES
    while j < len(lines) and j - i - 1 < most and _is_teaser_headline(lines[j]) and line_kind(lines[j]) is None:
        j += 1
    if j - i - 1 < fewest or j == len(lines):
        return None
    body = lines[j]
    return j if len(body) >= WIDGET_BODY_MIN and _SENTENCE_END.search(body) and line_kind(body) is None else None


def _is_teaser_headline(line: str) -> bool:
    """A line that reads as a linked headline: short, with no final . ! ? or closing quote."""
    return len(line) <= TEASER_HEADLINE_MAX and not _HEADLINE_END.search(line)


def _drop_repeated_body(paragraphs: list[str]) -> list[str]:
    """Drop later copies of repeated paragraph runs (linear: one dict of first positions)."""
    if len(set(paragraphs)) == len(paragraphs):
        return paragraphs
    first: dict[str, int] = {}
    origin = []  # index of the paragraph's first copy, or -1 if this is the first
    for i, p in enumerate(paragraphs):
        j = first.setdefault(p, i)
        origin.append(j if j != i else -1)
    keep = [True] * len(paragraphs)
    i, n = 0, len(paragraphs)
    while i < n:
        if origin[i] < 0:
            i += 1
            continue
        j = i + 1  # extend the run while the copies follow their originals in order
        while j < n and origin[j] >= 0 and origin[j] == origin[j - 1] + 1:
            j += 1
        if j - i >= 2 or len(paragraphs[i]) > REPEAT_MIN_CHARS:
            keep[i:j] = [False] * (j - i)
        i = j
    return [p for p, k in zip(paragraphs, keep) if k]
