"""The regions extractor: PhraseMatcher candidates, then per-candidate context checks.

Order per article: match every written form (canonical names, bare kabupaten/kota names,
aliases, office-area aliases, sub-region and blocked phrases) with one PhraseMatcher on
LOWER; decide office areas; keep the longest region candidates; then for each candidate
look only at a few neighbouring tokens (cue before it, dateline, capitalisation,
organisation words) and emit a hit, or defer a homonym to the article-level context pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractors.common import Context, Found, Hit, read_csv

from . import data
from .data import Cue, NameEntry, OfficeArea, RegionRef

CONFIDENCE = {
    "region.canonical": 0.95, "region.alias": 0.9, "region.pemprov": 0.9, "region.pemkab": 0.9,
    "region.pemkot": 0.9, "region.dateline": 0.9, "region.bare_name": 0.85, "region.context": 0.75,
    "office_area.name": 0.9, "office_area.kanwil": 0.85,
}
SENTENCE_OPENERS = {".", "!", "?", ":", '"', "“", "”", "'", "-", "–", "—", "•"}
DATELINE_AFTER = {",", "(", "-", "–", "—", "--"}
MAX_ORG_RUN = 6
MAX_KANWIL_RUN = 16  # tokens before an office-area alias searched for a Kanwil phrase


@dataclass(frozen=True, slots=True)
class Form:
    """Everything one matched lower-cased form can be."""

    region: NameEntry | None = None
    office: tuple[OfficeArea, frozenset[str]] | None = None
    subregion: bool = False  # kecamatan/desa extending a region name (blocks when capitalised)
    blocked: bool = False  # blocked phrase (blocks as written in any case)
    bpjs: bool = False  # names BPJS Ketenagakerjaan (office_cues.csv)
    risk: str = ""  # word | place | admin (risky_names.csv)


class RegionsExtractor:
    """Built once per process; calling it is a pure function of the doc."""

    def __init__(self, nlp: Language) -> None:
        here = data.HERE
        office_cues = read_csv(here / "office_cues.csv")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[int, Form] = {}
        for key, (what, spellings) in _form_table(here, office_cues).items():
            match_id = nlp.vocab.strings.add("REGION:" + key)
            self.forms[match_id] = Form(**what)
            patterns = {tuple(t.text for t in doc): doc for doc in map(nlp.make_doc, spellings)}
            self.matcher.add("REGION:" + key, list(patterns.values()))

        # the hit fields of every region, built once and read-only (shared by all its hits)
        self.fields: dict[str, Mapping[str, str]] = {
            code: MappingProxyType(ref.fields()) for code, ref in data.regions().items()
        }
        self.cues_by_last: dict[str, list[Cue]] = {}
        for cue in sorted(data.cues(), key=lambda c: -len(c.tokens)):
            if cue.type != "follow_ok":
                self.cues_by_last.setdefault(cue.tokens[-1], []).append(cue)
        self.follow_ok = {c.tokens[0] for c in data.cues() if c.type == "follow_ok"}

        org = read_csv(here / "org_words.csv")
        self.org_before = {r["word"] for r in org if r["side"] == "before"}
        self.org_after = {r["word"] for r in org if r["side"] == "after"}
        self.org_release = {r["word"] for r in org if r["side"] == "release"}

        bpjs = _alternation(r["words"] for r in office_cues if r["type"] == "bpjs")
        kanwil = _alternation(r["words"] for r in office_cues if r["type"] == "kanwil")
        self.kanwil_re = re.compile(
            rf"(?:\b(?:{kanwil})(?:\s*\([^)\n]*\))?\s+(?:{bpjs})"  # Kanwil (Kakanwil) BPJS Ketenagakerjaan
            rf"|\b(?:{bpjs})\s+(?:Kantor\s+)?(?:{kanwil}))\s*$",  # BPJS Ketenagakerjaan Kantor Wilayah
            re.IGNORECASE,
        )

    # ---- the per-article function -------------------------------------------------------
    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]:
        # doc.text is rebuilt from all tokens on each access: this code reads spans only
        matches = self.matcher(doc)
        if not matches:
            return []
        hits: list[Hit] = []
        blocked: list[tuple[int, int]] = []
        candidates: list[tuple[int, int, Form]] = []
        offices: list[tuple[int, int, Form]] = []
        has_bpjs = False
        for match_id, start, end in matches:
            form = self.forms[match_id]
            if form.bpjs:
                has_bpjs = True
            if form.blocked or (form.subregion and _titled(doc[start:end])):
                blocked.append((start, end))
            if form.office is not None:
                offices.append((start, end, form))
            if form.region is not None:
                candidates.append((start, end, form))
        for start, end, form in _leftmost_longest(offices, (), 0):
            if self._office_area(doc, start, end, form.office, has_bpjs, hits):
                if not form.office[0].also_region:
                    blocked.append((start, end))
        kept = _leftmost_longest(candidates, blocked, len(doc))
        starts = {start for start, _, _ in kept}
        deferred = []
        for start, end, form in kept:
            outcome = self._region(doc, start, end, form.region, form.risk, starts)
            if isinstance(outcome, Hit):
                hits.append(outcome)
            elif outcome is not None:
                deferred.append(outcome)
        if deferred:
            named = {h.fields["code"] for h in hits if h.kind == "region"}
            for start_char, end_char, refs in deferred:
                known = [ref for ref in refs if ref.code in named]
                if len(known) == 1:
                    hits.append(self._hit(start_char, end_char, "region.context", known[0]))
        return hits

    # ---- office areas -------------------------------------------------------------------
    def _office_area(self, doc, start, end, office, has_bpjs: bool, hits) -> bool:
        area, spellings = office
        span = doc[start:end]
        if not (span.text in spellings or _title_case(span)):
            return False
        if area.standalone:
            if not has_bpjs:
                return False
            rule = "office_area.name"
        else:
            left = doc[max(0, start - MAX_KANWIL_RUN):start].text
            if not self.kanwil_re.search(left.rsplit("\n", 1)[-1]):
                return False
            rule = "office_area.kanwil"
        fields = {"name": area.name, "province_codes": list(area.province_codes)}
        hits.append(Hit("office_area", span.start_char, span.end_char, rule, CONFIDENCE[rule], fields))
        return True

    # ---- regions --------------------------------------------------------------------------
    def _region(self, doc: Doc, start: int, end: int, entry: NameEntry, risk: str, starts: set[int]):
        """A Hit, a (start_char, end_char, refs) homonym to decide from the article, or None."""
        prev = doc[start - 1] if start else None
        after = doc[end] if end < len(doc) else None
        if after is not None and after.text in self.org_after:
            return None  # "Sumut Pos", "Bali United"
        cue, cue_start = self._cue(doc, start, prev)
        if cue is not None and cue.type == "subregion":
            return None
        if end - start == 1:  # most names: no Span needed
            span = doc[start]
            surface = span.text
            start_char = span.idx
            end_char = start_char + len(surface)
        else:
            span = doc[start:end]
            surface = span.text
            start_char, end_char = span.start_char, span.end_char
        dateline = None  # decided only when needed
        if surface not in entry.forms:
            if entry.acronym:
                return None
            if surface.isupper():
                dateline = _is_dateline(doc, start, end, prev, after)
                if not (dateline or _line_is_upper(doc, start, end, surface)):
                    return None
            elif not _title_case(doc[start:end]):
                return None
        run_end = cue_start if cue is not None and cue.type in ("prefix", "office") else start
        before = prev if run_end == start else (doc[run_end - 1] if run_end else None)
        if before is not None and before.text[:1].isupper() and self._inside_organisation(doc, run_end):
            return None
        refs = entry.refs
        if cue is not None and cue.level:
            at_level = [(ref, how) for ref, how in refs if ref.level == cue.level]
            if len(at_level) == 1:
                ref, how = at_level[0]
                if cue.type == "prefix":
                    rule = "region.alias" if how == "alias" else "region.canonical"
                    return self._hit(doc[cue_start].idx, end_char, rule, ref)
                return self._hit(start_char, end_char, cue.rule, ref)
        if risk:
            if dateline is None:
                dateline = _is_dateline(doc, start, end, prev, after)
            if not dateline and not _risk_cleared(risk, cue, prev):
                return None
        if len(refs) == 1:
            ref, how = refs[0]
            if how == "bare":
                if dateline is None:
                    dateline = _is_dateline(doc, start, end, prev, after)
                if not dateline and cue is None and self._continues_name(after, end, starts):
                    return None
                rule = "region.dateline" if dateline else "region.bare_name"
            else:
                rule = "region.canonical" if how == "canonical" else "region.alias"
            return self._hit(start_char, end_char, rule, ref)
        if dateline is None:
            dateline = _is_dateline(doc, start, end, prev, after)
        if dateline:
            cities = [ref for ref, _ in refs if ref.level == "city"]
            if len(cities) == 1:
                return self._hit(start_char, end_char, "region.dateline", cities[0])
        elif cue is None and self._continues_name(after, end, starts):
            return None
        return start_char, end_char, [ref for ref, _ in refs]

    def _hit(self, start: int, end: int, rule: str, ref: RegionRef) -> Hit:
        return Hit("region", start, end, rule, CONFIDENCE[rule], self.fields[ref.code])

    def _cue(self, doc: Doc, start: int, prev) -> tuple[Cue | None, int]:
        """The longest cue ending right before `start`, and where it begins."""
        if prev is None:
            return None, start
        for cue in self.cues_by_last.get(prev.lower_, ()):
            first = start - len(cue.tokens)
            if first == start - 1 or (
                first >= 0 and all(doc[first + k].lower_ == t for k, t in enumerate(cue.tokens[:-1]))
            ):
                return cue, first
        return None, start

    def _inside_organisation(self, doc: Doc, first: int) -> bool:
        """ "Universitas Sumatera Utara", "Tribun Medan", "ANTARA News Sumatera Utara", "Danau Toba"."""
        j, steps = first - 1, 0
        while j >= 0 and steps < MAX_ORG_RUN:
            word = doc[j].text
            if word == ".":
                j -= 1
                continue
            if not word[:1].isupper() or word in self.org_release:
                return False
            if word in self.org_before:
                return True
            j -= 1
            steps += 1
        return False

    def _continues_name(self, after, end: int, starts: set[int]) -> bool:
        """A capitalised word right after a bare name makes it part of a longer name ("Bima Arya")."""
        if after is None or end in starts:
            return False
        return after.is_alpha and after.text[0].isupper() and after.lower_ not in self.follow_ok


# ---- helpers --------------------------------------------------------------------------------
def _form_table(here, office_cues) -> dict[str, tuple[dict, set[str]]]:
    """Lower-cased form -> (Form fields, spellings) from every data file."""
    table: dict[str, tuple[dict, set[str]]] = {}

    def add(text: str, **what) -> None:
        fields, spellings = table.setdefault(data.normalise(text), ({}, set()))
        fields.update(what)
        spellings.add(" ".join(text.split()))

    for entry in data.name_index().values():
        for spelling in entry.forms:
            add(spelling, region=entry)
    for office in data.office_aliases().values():
        for spelling in office[1]:
            add(spelling, office=office)
    for row in read_csv(here / "subregions.csv"):
        add(row["name"], subregion=True)
    for row in read_csv(here / "blocked_phrases.csv"):
        add(row["phrase"], blocked=True)
    for row in office_cues:
        if row["type"] == "bpjs":
            add(row["words"], bpjs=True)
    for row in read_csv(here / "risky_names.csv"):
        if row["name"] in table:
            table[row["name"]][0]["risk"] = row["needs"]
    return table


def _alternation(words) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def _titled(span: Span) -> bool:
    return all(not t.text[:1].isalpha() or t.text[0].isupper() for t in span)


def _leftmost_longest(candidates, blocked, length: int):
    """Leftmost-longest candidates without overlaps; drop any overlapping a blocked span
    that it does not strictly contain ("Medan" in "Medan Johor")."""
    kept = []
    last_end = -1
    mask = bytearray(length) if blocked else None
    for s, e in blocked:
        mask[s:e] = b"\x01" * (e - s)
    for start, end, form in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < last_end:
            continue
        if mask is not None and any(mask[start:end]) and any(
            s < end and start < e and not (start <= s and e <= end and e - s < end - start) for s, e in blocked
        ):
            continue
        kept.append((start, end, form))
        last_end = end
    return kept


def _risk_cleared(risk: str, cue, prev) -> bool:
    """risky_names.csv: word -> a cue or not sentence-initial; place -> a cue; admin -> an admin cue."""
    if risk == "word":
        return cue is not None or not (prev is None or prev.is_space or prev.text in SENTENCE_OPENERS)
    if risk == "place":
        return cue is not None
    return cue is not None and cue.type in ("prefix", "office", "admin")


def _title_case(span: Span) -> bool:
    """Every word capitalised, none in ALL CAPS (a one-letter word may be either)."""
    for token in span:
        word = token.text
        if word[:1].isalpha() and (not word[0].isupper() or (len(word) > 1 and word.isupper())):
            return False
    return True


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text)


def _is_dateline(doc: Doc, start: int, end: int, prev, after) -> bool:
    """ "Medan (ANTARA) -", "MEDAN, SUMUTPOS.CO -", "Liputan6.com, Medan ..." at a line start."""
    if prev is None or (prev.is_space and "\n" in prev.text):
        return after is not None and after.text in DATELINE_AFTER
    if start >= 2 and prev.text == ",":
        j = start - 2
        for _ in range(4):
            token = doc[j]
            if token.is_space:
                return False
            if _line_start(doc, j):
                outlet = doc[j:start - 1]
                return any("." in t.text or (t.is_upper and len(t) > 2) for t in outlet)
            j -= 1
            if j < 0:
                return False
    return False


def _line_is_upper(doc: Doc, start: int, end: int, surface: str) -> bool:
    """An ALL-CAPS headline line (called only for an ALL-CAPS name, so rarely)."""
    first, last = start, end
    while first > 0 and not (doc[first - 1].is_space and "\n" in doc[first - 1].text):
        first -= 1
    while last < len(doc) and not (doc[last].is_space and "\n" in doc[last].text):
        last += 1
    line = doc[first:last].text
    return sum(c.isalpha() for c in line) > len(surface) + 3 and line.isupper()
