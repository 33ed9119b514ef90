"""`fakta explain --why-not SPAN`: what came close to a span, from evidence only.

Reports (1) where the span is in the clean text, or that cleaning removed it (and which
furniture rows match its line); (2) the facts that cover or touch it; (3) every rule-file
row whose entry is made of words of the span (file:line and its columns: a "never" noun,
a risky name, an alias...); (4) what the sentence alone and the span alone yield (context
sensitivity); (5) how extractors.numerals reads the numbers in it. It never guesses a
reason: where nothing matched, it says so.
"""
from __future__ import annotations

import re
from functools import cache

from .cleaning import FURNITURE_CSV, normalize_chars
from .extract import Engine, Extracted
from .models import Article, FactBase
from .rule_files import ROOT, Row, rows, rule_files
from .sentences import Sentences

# Columns that hold what a row matches in the text (the other columns say what it means).
ENTRY_COLUMNS = ("surface", "alias", "phrase", "word", "words", "cue", "name", "form", "entry", "pattern")
NAME_PREFIXES = ("kabupaten", "kota", "provinsi")  # regions.csv names also match without these
MAX_ROWS_PER_FILE = 8
BLOCKING_ROLES = {"never", "reference", "negator"}
BLOCKING_FILES = {"blocked_phrases.csv", "org_words.csv", "subregions.csv"}
_WORD = re.compile(r"\w+(?:[-.'/]\w+)*\.?|[^\w\s]")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _entries(row: Row) -> list[list[str]]:
    """Word sequences a row matches: its entry columns (a region name also without its prefix)."""
    if row.path == FURNITURE_CSV:
        return []  # regexes: tried on whole lines in _furniture_rows
    if row.path.suffix == ".jsonl" and "label" not in row.fields:
        return []  # regex shapes over token classes, not words
    out = []
    for column in ENTRY_COLUMNS:
        value = row.fields.get(column, "")
        if value and any(c.isalnum() for c in value):
            seq = words(value)
            out.append(seq)
            if len(seq) > 1 and seq[0] in NAME_PREFIXES:
                out.append(seq[1:])
    return out


@cache
def _all_rows() -> tuple[Row, ...]:
    return tuple(row for path in rule_files() for row in rows(path))


def matching_rows(span: str) -> list[Row]:
    """Rule-file rows with an entry made of whole words of the span (case ignored)."""
    span_words = words(span)
    return [row for row in _all_rows() if any(_contains(span_words, e) for e in _entries(row))]


def _blocks(row: Row) -> bool:
    """A row whose match vetoes a rule: a never noun, a reference word, a blocked phrase, an
    organisation or sub-region name around a region."""
    return row.fields.get("role") in BLOCKING_ROLES or row.path.name in BLOCKING_FILES


def _unlisted_words(span: str) -> list[str]:
    """Words of the span (letters only) that are no row's entry nor part of one."""
    listed = {w for row in _all_rows() for entry in _entries(row) for w in entry}
    return list(dict.fromkeys(w for w in words(span) if w.isalpha() and w not in listed))


def _furniture_rows(line: str) -> list[tuple[Row, str]]:
    """furniture.csv rows whose pattern matches this raw line (as cleaning tries them)."""
    collapsed = " ".join(normalize_chars(line).split())
    hits = []
    for row in rows(FURNITURE_CSV):
        pattern, kind = row.fields.get("pattern", ""), row.fields.get("kind", "")
        try:
            if kind == "strip_inline":
                matched = re.search(pattern, line, re.M) is not None
            else:
                matched = re.fullmatch(pattern, collapsed, re.I) is not None
        except re.error:
            continue
        if matched:
            hits.append((row, kind))
    return hits


def _locate(text: str, span: str) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(span), text)]
    if not found:
        loose = r"\s+".join(re.escape(w) for w in span.split())
        found = [(m.start(), m.end()) for m in re.finditer(loose, text, re.I)]
    return found


def _fact_line(fact: FactBase, n: int | None = None) -> str:
    from .explain import fact_value

    tag = f"fact {n}: " if n else ""
    return f"{tag}{fact.kind} {fact.text!r} [{fact.rule}] {fact_value(fact)}"


def _removed_by_cleaning(raw: str, span: str) -> list[str]:
    lines = raw.splitlines()
    at = next((i for i, ln in enumerate(lines) if span.casefold() in " ".join(ln.split()).casefold()), None)
    if at is None:
        return [f"  {span!r} is not in the article's text at all (nor in its clean text)."]
    out = [f"  {span!r} is in the input (line {at + 1}) but not in the clean text: cleaning removed it."]
    own = _furniture_rows(lines[at])
    for row, kind in own:
        out.append(f"  its line matches {row.where} ({kind}): {row.fields['pattern']}")
    if not own:
        earlier = [(i, row, kind) for i in range(at) for row, kind in _furniture_rows(lines[i])
                   if kind in ("drop_from_here", "drop_widget", "drop_teaser")]
        for i, row, kind in earlier[-3:]:
            out.append(f"  an earlier line ({i + 1}) matches {row.where} ({kind}); such a line can take the lines after it")
        if not earlier:
            out.append("  no furniture row matches its line; it may repeat an earlier paragraph (cleaning keeps the first copy).")
    return out


def _facts_of(engine: Engine, text: str) -> list[FactBase]:
    return engine.extract(Article(source="<why-not>", key=f"why-not:{text}", text=text)).facts


def _numbers(engine: Engine, span: str) -> list[str]:
    from extractors.numerals import NumberGrammar, parse_numeral

    grammar = NumberGrammar.load()
    doc = engine.nlp.make_doc(span)
    out, run = [], []
    for token in [*doc, None]:
        if token is not None and not token.is_space and grammar.is_numberish(token):
            run.append(token.text)
            continue
        if run:
            as_count, as_money = grammar.parse(run), grammar.parse(run, money=True)
            shown = " ".join(run)
            if as_count is not None:
                out.append(f"  {shown!r} reads as {as_count.as_int()}" + (" (spelled out)" if as_count.from_words else ""))
            elif as_money is not None:
                out.append(f"  {shown!r} reads as {as_money.as_int()} only in a rupiah amount (scale word for money)")
            else:
                numeral = parse_numeral(run[0]) if run[0][:1].isdigit() else None
                why = ("needs a scale word after it (ambiguous alone: '1,500' / '2.5')" if numeral and numeral.needs_scale
                       else "is not a number extractors.numerals can read")
                out.append(f"  {shown!r} {why}")
            run = []
    return out


def why_not(engine: Engine, result: Extracted, span: str) -> list[str]:
    text, facts = result.clean_text, result.facts
    out = ["", f"== why not {span!r}"]
    where = _locate(text, span)
    evidence = False
    if where:
        starts = ", ".join(f"{a}-{b}" for a, b in where)
        out.append(f"  found in the clean text at {starts}")
    else:
        out.extend(_removed_by_cleaning(result.article.text, span))

    out.append("-- facts covering or near the span")
    sentences = Sentences(text)
    near = []
    for n, fact in enumerate(facts, 1):
        for a, b in where:
            if fact.start < b and fact.end > a:
                near.append(f"  overlaps  {_fact_line(fact, n)}")
                break
            if sentences.sentence_at(a, b) == fact.sentence:
                near.append(f"  same sentence  {_fact_line(fact, n)}")
                break
    out.extend(near or ["  none"])
    evidence |= bool(near)

    out.append("-- rule-file rows naming words of the span (case ignored; see each file's header)")
    span_rows = matching_rows(span)
    by_file: dict[str, list[Row]] = {}
    for row in span_rows:
        by_file.setdefault(str(row.path.relative_to(ROOT)), []).append(row)
    for name, found in by_file.items():
        for row in found[:MAX_ROWS_PER_FILE]:
            out.append(f"  {row.where}  {row.describe()}")
        if len(found) > MAX_ROWS_PER_FILE:
            out.append(f"  ... and {len(found) - MAX_ROWS_PER_FILE} more rows in {name}")
    if where:
        line = text[text.rfind("\n", 0, where[0][0]) + 1:].split("\n", 1)[0]
        for row, kind in _furniture_rows(line):
            out.append(f"  {row.where}  furniture {kind} matches the span's line: {row.fields['pattern']}")
    if not by_file:
        out.append("  none: no data file lists any word of the span")
    unknown = _unlisted_words(span)
    if unknown:
        out.append("  words no rule file lists as an entry: " + ", ".join(unknown))
    evidence |= bool(by_file)

    if where:
        sentence = sentences.sentence_at(*where[0])
        blockers = [r for r in matching_rows(sentence) if _blocks(r) and r not in span_rows]
        if blockers:
            out.append("-- rows elsewhere in the sentence that stop or veto rules")
            out.extend(f"  {row.where}  {row.describe()}" for row in blockers[:MAX_ROWS_PER_FILE * 2])

    out.append("-- context: the span's sentence alone, and the span alone")
    if where:
        sentence = sentences.sentence_at(*where[0])
        alone = _facts_of(engine, sentence)
        out.append(f"  sentence {sentence!r}:")
        out.extend(f"    {_fact_line(f)}" for f in alone) if alone else out.append("    no facts")
    alone = _facts_of(engine, span)
    out.append("  span alone:")
    out.extend(f"    {_fact_line(f)}" for f in alone) if alone else out.append("    no facts")

    numbers = _numbers(engine, span)
    if numbers:
        out.append("-- numbers in the span (extractors/numerals)")
        out.extend(numbers)
    if not evidence and not alone:
        out.append("== no rule matched: no fact touches the span and no rule file names its words")
    return out
