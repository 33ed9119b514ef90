"""The regions extractor: PhraseMatcher candidates, then per-candidate context checks.

Order per article: match every written form (canonical names, bare kabupaten/kota names,
aliases, office-area aliases, sub-region and blocked phrases, and the organisation words
that may follow a name) with one PhraseMatcher on LOWER; decide office areas; keep the
longest region candidates; then for each candidate look only at a few neighbouring tokens
(cue before it, dateline, capitalisation, organisation words) and emit a hit, or defer a
homonym to the article-level context pass.

Speed: this runs on every article, so the per-candidate code reads as few tokens as it can
(each `doc[i]` builds a Token object) and compares string ids, not strings; cues are a trie
read backwards from the name, and organisation words are classified once per word (cached).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from itertools import chain
from types import MappingProxyType
from typing import Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from extractors.common import BREADCRUMB, Context, Found, Hit, read_csv
from extractors.numerals.tables import pipe_tables

from . import data
from .data import Cue, NameEntry, OfficeArea, RegionRef

CONFIDENCE = {
    "region.canonical": 0.95, "region.alias": 0.9, "region.pemprov": 0.9, "region.pemkab": 0.9,
    "region.pemkot": 0.9, "region.encloses_regencies": 0.85, "region.dateline": 0.9, "region.bare_name": 0.85,
    "region.context": 0.75, "region.capital": 0.75, "region.province_context": 0.7, "region.table_column": 0.85,
    "region.listed": 0.85, "region.province_gloss": 0.85, "region.province_list": 0.85,
    "region.listed_neighbour": 0.8, "region.short_name": 0.8,
    "office_area.name": 0.9, "office_area.kanwil": 0.85,
}
SENTENCE_OPENERS = {".", "!", "?", ":", '"', "“", "”", "'", "-", "–", "—", "•"}
DATELINE_AFTER = {",", "(", "-", "–", "—", "--"}
DATELINE_DASHES = frozenset(DATELINE_AFTER - {",", "("})
DATELINE_OUTLET_WORDS = 2  # capitalised words of an outlet's name before a region name in it ("Ekora NTT")
DATELINE_PLACE_WORDS = 3  # words of the dateline's place before the comma ("Teluk Dalam, ...")
ROAD_OPENERS = frozenset({"jalan", "jl", "jln"})  # "Jalan Medan - Banda Aceh": a road between two towns
ROAD_KINDS = frozenset({"lintas", "raya", "nasional", "provinsi"})  # "jalan lintas Medan-Banda Aceh"
ROAD_KIND_WORDS = 2  # such words between the road word and the first town ("Jalan Raya Lintas ...")
ROAD_LEADS = ROAD_OPENERS | ROAD_KINDS  # a word right before a road's first town
ROAD_WORDS = 3  # words of the first town's name in such a road's name
LIST_JOINERS = ("dan", "serta")  # "Kabupaten Kampar dan Siak": the second name is listed under the cue
MAX_ORG_RUN = 6
FOUR_LETTER_ABBREVIATIONS = frozenset({"Prov", "Prop", "Corp", "Dept", "Kota"})  # "Prov." may stand inside a name
LIST_GAP = 4  # tokens between two listed names ("Bengkayang 142,7; Landak")
ROW_GAP = 12  # tokens between names in two rows of a table ("Paser | 3.800 |\n| 2 | Kukar")
JAKARTA = "31"  # a province that lists name as one of their cities ("Pekanbaru, Jakarta, Yogyakarta")
SUBREGION = "subregion"  # the level of a table column of kecamatan or villages: no region
NOT_REGION_CUES = frozenset({"subregion", "person", "people"})  # cue types after which a name is no region
PRECEDING_CUES = frozenset({"prefix", "office"})  # cue types whose first word is checked for an organisation
CAPITAL_GAP = 40  # characters from a province's name to a bare name that may be its capital ("Provinsi NTT di Kupang")
SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")
DEGREE = re.compile(r"[A-Z][a-z]{0,2}\.[A-Z][A-Za-z]{0,4}")  # "S.H", "M.Si", "S.Sos", "S.STP" (its last period apart)
LIST_CONTEXT_CHARS = 40  # characters around a name searched for a kecamatan listed with it
_CAPITALISED_RUN = r"([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})"
PEOPLE_LIST_WORDS = ("orang",)  # besides the people cues of cues.csv, a word opening a list of peoples
# ("identitas orang Tehit, Imekko dan Maybrat"; alone, "orang Medan" may name the city's people)
PEOPLE_LIST_CHARS = 80  # characters searched back for such a list
LIST_LINKS = ("dan", "serta", "atau")  # the word before a list's last name (as people_list ends)
BARE_RULES = frozenset({"region.alias", "region.bare_name", "region.canonical"})  # a name read without a cue
LEVEL_PREFIX = re.compile(r"(?:provinsi|prov|kabupaten|kab|kota)\b")  # lower-cased: "Kabupaten Bone" is no bare name
LOOSE_RULES = frozenset({"region.dateline", "region.bare_name"})  # names with no cue of their own
HOMONYM_RULES = frozenset({"region.bare_name", "region.canonical"})  # a kecamatan's name as written
VILLAGE_WORDS = frozenset({"desa", "kelurahan", "kel.", "dusun", "nagari", "gampong", "kampung", "kalurahan"})
DISTRICT_WORDS = frozenset({"kecamatan", "kec."})
CAPS_KINDS = frozenset({"KABUPATEN", "KOTA", "PROVINSI"})  # an ALL-CAPS name right after one is a region, off an all-caps line too
KIND_REACH = 12  # characters before a name searched for such a word ("Kelurahan ")
_LISTED_COUNT = r"(?:\s+\d[\d.,]*(?:\s+[a-z]+)?)?"  # a list item's count after its name: "Mrebet 470 orang, Karanganyar"
LISTED_BEFORE = re.compile(_CAPITALISED_RUN + _LISTED_COUNT + r"\s*(?:,?\s*\b(?:dan|serta|atau)|,)\s+$")  # "Ngemplak, dan "
LISTED_AFTER = re.compile(_LISTED_COUNT + r"\s*(?:,?\s*(?:dan|serta|atau)\b|,)\s*" + _CAPITALISED_RUN)
MAX_KANWIL_RUN = 16  # tokens before an office-area alias searched for a Kanwil phrase
# what a word before a name is to _inside_organisation
_DOT, _END, _ORGANISATION, _CAPITALISED = "dot", "end", "organisation", "capitalised"


@dataclass(frozen=True, slots=True)
class Form:
    """Everything one matched lower-cased form can be."""

    region: NameEntry | None = None
    office: tuple[OfficeArea, frozenset[str]] | None = None
    subregion: bool = False  # kecamatan/desa extending a region name (blocks when capitalised)
    blocked: bool = False  # blocked phrase (blocks as written in any case)
    bpjs: bool = False  # names BPJS Ketenagakerjaan (office_cues.csv)
    risk: str = ""  # word | place | admin (risky_names.csv)
    org_after: bool = False  # a word that ends an organisation's name after a region ("Pos")


@dataclass(frozen=True, slots=True)
class Plan:
    """A region form's NameEntry, with what _region asks of it precomputed."""

    entry: NameEntry
    risk: str
    form_ids: frozenset[int]  # string ids of the spellings (a one-token match is compared by id)
    single: tuple[RegionRef, str] | None  # (ref, how) when the name has one meaning
    by_level: dict[str, tuple[RegionRef, str]]  # level -> its (ref, how) when exactly one (never changed)
    cities: tuple[RegionRef, ...]
    refs: tuple[RegionRef, ...]

    @staticmethod
    def of(form: Form) -> "Plan":
        entry = form.region
        refs = entry.refs
        levels = {ref.level for ref, _ in refs}
        by_level = {}
        for level in levels:
            at_level = [(ref, how) for ref, how in refs if ref.level == level]
            if len(at_level) == 1:
                by_level[level] = at_level[0]
        return Plan(
            entry, form.risk, frozenset(map(get_string_id, entry.forms)),
            refs[0] if len(refs) == 1 else None, by_level,
            tuple(ref for ref, _ in refs if ref.level == "city"), tuple(ref for ref, _ in refs),
        )


class RegionsExtractor:
    """Built once per process; calling it is a pure function of the doc."""

    def __init__(self, nlp: Language) -> None:
        here = data.HERE
        office_cues = read_csv(here / "office_cues.csv")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[int, Form] = {}
        region_words: dict[tuple[int, ...], int] = {}  # a region form's lower-case token ids -> its match id
        for key, (what, spellings) in _form_table(here, office_cues).items():
            match_id = nlp.vocab.strings.add("REGION:" + key)
            self.forms[match_id] = Form(**what)
            patterns = {tuple(t.text for t in doc): doc for doc in map(nlp.make_doc, spellings)}
            self.matcher.add("REGION:" + key, list(patterns.values()))
            if "region" in what:
                region_words.update((tuple(t.lower for t in doc), match_id) for doc in patterns.values())
        # one-word region, kecamatan and village names: "SIBOLGA, METRO -", "PARAPAT, METRO-" open
        # with a place, so METRO is the outlet
        villages = (name.lower() for name in data.village_names() if " " not in name)
        self.place_word_ids = frozenset(words[0] for words in region_words if len(words) == 1) \
            | frozenset(map(nlp.vocab.strings.add, chain(data.district_names(), villages)))
        # "Ogan Komering Ulu (OKU) Timur": a name whose last word follows its glossed head
        self.split_names: dict[tuple[int, ...], dict[int, int]] = {}
        for words, match_id in region_words.items():
            if len(words) > 1 and words[:-1] in region_words:
                self.split_names.setdefault(words[:-1], {})[words[-1]] = match_id

        # the hit fields of every region, built once and read-only (shared by all its hits)
        self.fields: dict[str, Mapping[str, str]] = {
            code: MappingProxyType(ref.fields()) for code, ref in data.regions().items()
        }
        self.follow_ok = {c.tokens[0] for c in data.cues() if c.type == "follow_ok"}

        org = read_csv(here / "org_words.csv")
        self.org_before = {r["word"] for r in org if r["side"] == "before"}
        self.org_after = {r["word"] for r in org if r["side"] == "after"}
        self.org_release = {r["word"] for r in org if r["side"] == "release"}
        # the "after" words are matched too, each as one token in any case, so that the token
        # after a name is read only when one of them may stand there
        org_after_id = nlp.vocab.strings.add("REGION-ORG-AFTER")
        self.forms[org_after_id] = Form(org_after=True)
        self.matcher.add("REGION-ORG-AFTER", [Doc(nlp.vocab, words=[w]) for w in sorted(self.org_after)])

        # the same tables by string hash (Token.orth / Token.lower), so that the per-candidate
        # checks read token ids instead of building token strings
        self.org_after_ids = frozenset(map(get_string_id, self.org_after))
        self.cue_trie = _cue_trie(c for c in data.cues() if c.type != "follow_ok")
        self.org_before_ids = frozenset(map(get_string_id, self.org_before))
        self.org_release_ids = frozenset(map(get_string_id, self.org_release))
        self.follow_ok_ids = frozenset(map(get_string_id, self.follow_ok))
        self.dateline_after_ids = frozenset(map(get_string_id, DATELINE_AFTER))
        self.comma_id = get_string_id(",")
        self.open_paren_id = get_string_id("(")
        self.gloss_ids = frozenset(map(get_string_id, (",", "di")))  # "Rejang Lebong, Bengkulu", "Tanjab Barat di Jambi"
        self.homonym_districts = data.homonym_districts()
        people_words = {cue.tokens[0] for cue in data.cues() if cue.type == "people"} | set(PEOPLE_LIST_WORDS)
        people = "|".join(map(re.escape, sorted(people_words)))
        links = "|".join(LIST_LINKS)  # "orang Tehit, Imekko dan " before a name
        self.people_list = re.compile(rf"\b(?:{people})\s+((?:[A-Z][\w'-]*\s*,\s*)*[A-Z][\w'-]*)\s*,?\s*(?:{links})\s+$")
        self.column_levels = {cue.tokens: cue.level for cue in data.cues() if cue.type == "prefix" and cue.level}
        self.column_levels.update((cue.tokens, SUBREGION) for cue in data.cues() if cue.type == "subregion")
        self.capitals = data.capitals()
        self.district_names = data.district_names()
        self.list_ids = frozenset(map(get_string_id, LIST_JOINERS))
        self.gap_ids = self.list_ids | {self.comma_id, get_string_id(";")}
        self.org_word = _org_word_kinds(nlp.vocab.strings, self.org_release_ids, self.org_before_ids)
        self.plans: dict[int, Plan] = {
            match_id: Plan.of(form) for match_id, form in self.forms.items() if form.region is not None
        }
        plain = Form(region=None)  # a form that is a region name and nothing else
        self.plain_names: frozenset[int] = frozenset(
            match_id for match_id, form in self.forms.items()
            if form.region is not None and replace(form, region=None, risk="") == plain
        )
        self.new_hit = Hit

        bpjs = _alternation(r["words"] for r in office_cues if r["type"] == "bpjs")
        kanwil = _alternation(r["words"] for r in office_cues if r["type"] == "kanwil")
        # last words of the phrases the Kanwil pattern can end with: a word before an office
        # area can end such a phrase only if it ends in one of them or is the end of one
        ends = {r["words"].split()[-1].lower() for r in office_cues if r["type"] in ("bpjs", "kanwil")}
        self.kanwil_ends = tuple(sorted(ends))
        self.kanwil_end_parts = frozenset(w[k:] for w in ends for k in range(len(w)))
        self.bare_kanwil_re = re.compile(rf"\b(?:{kanwil})\s*$", re.IGNORECASE)
        own = _alternation(r["words"] for r in office_cues if r["type"] == "own_kanwil")
        self.own_kanwil_re = re.compile(rf"\b(?:{own})\s*$", re.IGNORECASE)
        self.kanwil_re = re.compile(
            rf"(?:\b(?:{kanwil})(?:\s*\([^)\n]*\))?\s+(?:{bpjs})"  # Kanwil (Kakanwil) BPJS Ketenagakerjaan
            rf"|\b(?:{bpjs})\s+(?:Kantor\s+)?(?:{kanwil}))\s*$",  # BPJS Ketenagakerjaan Kantor Wilayah
            re.IGNORECASE,
        )
        self.bpjs_after_re = re.compile(rf"\s*(?:\([^)\n]*\)\s*)?(?:{bpjs})\b", re.IGNORECASE)

    # ---- the per-article function -------------------------------------------------------
    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]:
        # doc.text is rebuilt from all tokens on each access: this code reads tokens only, and
        # compares them by string id (Token.orth / Token.lower) where it can
        matches = self.matcher(doc)
        if not matches:
            return []
        hits: list[Hit] = []
        blocked: list[tuple[int, int]] = []
        candidates: list[tuple[int, int, int]] = []  # the matches of region names
        offices: list[tuple[int, int, int]] = []
        org_after: list[int] = []  # where a word like "Pos" stands (any case)
        has_bpjs = False
        forms, plain_names = self.forms, self.plain_names
        for match in matches:
            if match[0] in plain_names:  # most matches: only a region name
                candidates.append(match)
                continue
            match_id, start, end = match
            form = forms[match_id]
            if form.org_after:
                org_after.append(start)
            if form.bpjs:
                has_bpjs = True
            if form.blocked or (form.subregion and _titled(doc, start, end)):
                blocked.append((start, end))
            if form.office is not None:
                offices.append(match)
            if form.region is not None:
                candidates.append(match)
        if offices:
            for match_id, start, end in _leftmost_longest(offices, ()):
                office = forms[match_id].office
                if self._office_area(doc, start, end, office, has_bpjs, hits) and not office[0].also_region:
                    blocked.append((start, end))
        n = len(doc)
        kept = _leftmost_longest(candidates, blocked, n)
        if any(end + 3 < n and doc[end].orth == self.open_paren_id for _, _, end in kept):
            kept = self._joined_split_names(doc, n, kept)  # (doc.text would rebuild the whole text)
        deferred = []
        plans, region = self.plans, self._region
        last = None  # (end token, start token, cue it stood under or None) of the last region hit
        org_end = -9  # end token of the last name read as part of an organisation's name, whose
        # list goes on in the name only when the organisation's short name follows in brackets
        risky: list[tuple[int, int, int]] = []  # risky names no cue cleared: (match id, start, end)
        accepted: list[tuple[int, int, str]] = []  # token spans and codes of the region hits
        for k, (match_id, start, end) in enumerate(kept):
            if end < n and doc[end].orth == self.comma_id and self._kecamatan_of_next(doc, start, end, kept, k):
                continue  # "di Rembang, Pasuruan": the kecamatan Rembang of Kabupaten Pasuruan
            if start - org_end <= 2 and end < n and doc[end].text == "(" and self._joins(doc, org_end, start):
                continue  # "Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara (Bankaltimtara)"
            listed = None  # "Kabupaten Kampar dan Siak": a list's cue holds for all its names
            if last is not None and start - last[0] <= 2 and self._joins(doc, last[0], start):
                listed = last[2] or self._cue_before(doc, last[1])
            outcome = region(doc, n, start, end, plans[match_id], kept, org_after)
            if outcome is INSIDE_ORGANISATION:
                org_end = end
                continue
            left_risky = outcome is RISKY
            if left_risky:
                outcome = None
            if listed is not None and type(outcome) is tuple and hits and not self._list_goes_on(doc, n, end):
                outcome = self._province_by_neighbour(doc, start, plans[match_id], last[0], hits[-1], outcome)
                # "Kabupaten Bone Bolango, Gorontalo, yang ...": the list's last name glosses the one before
            if listed is not None and (outcome is None or type(outcome) is tuple):
                outcome = self._listed(doc, n, start, end, plans[match_id], listed, kept) or outcome
            if type(outcome) is tuple and last is not None and hits:
                outcome = self._province_by_neighbour(doc, start, plans[match_id], last[0], hits[-1], outcome)
            if type(outcome) is tuple and k + 1 < len(kept):
                outcome = self._province_before_province(doc, end, plans[match_id], plans[kept[k + 1][0]],
                                                         kept[k + 1][1], outcome)
            if outcome is None:
                if left_risky and plans[match_id].single is not None:
                    risky.append((match_id, start, end))
                continue
            if type(outcome) is tuple:
                deferred.append(outcome)
            else:
                hits.append(outcome)
                accepted.append((start, end, outcome.fields["code"]))
                last = (end, start, listed)
        if risky and accepted:
            hits += self._risky_by_neighbours(doc, n, risky, accepted, kept)
        text = context.text or doc.text if hits or deferred else ""
        columns = self._column_levels(doc) if "|" in text else {}
        if hits and SUBREGION in columns.values():  # "Kecamatan | ..." over "Kotabaru | 215"
            hits = [hit for hit in hits if columns.get(hit.start) != SUBREGION]
        if hits and context.outlet:
            hits = _drop_outlet_named(text, hits, context.outlet)
        if hits:
            hits = _drop_peoples_listed(text, hits, self.people_list)
        if hits and ("›" in text or "»" in text or " > " in text or " / " in text):  # "Home › Daerah › Kaur"
            hits = [hit for hit in hits if not BREADCRUMB.match(_line_of(text, hit.start).strip())]
        if hits:
            hits = _drop_village_named(text, self._drop_kecamatan_of_named(text, _drop_before_other_province(text, hits)))
        if deferred:
            named = {h.fields["code"] for h in hits if h.kind == "region"}
            for start_char, end_char, refs in deferred:
                level = columns.get(start_char)
                if level == SUBREGION:
                    continue
                known, rule = [ref for ref in refs if ref.level == level], "region.table_column"
                if len(known) != 1:
                    known, rule = [ref for ref in refs if ref.code in named], "region.context"
                if len(known) != 1:
                    known, rule = self._capital_after_province(text, hits, start_char, refs), "region.capital"
                if len(known) != 1:
                    known, rule = _in_named_province(refs, named), "region.province_context"
                if len(known) == 1:
                    hits.append(self._hit(start_char, end_char, rule, known[0]))
        if hits and "(" in text:
            hits += _short_named(text, hits, self.new_hit)
        return hits

    def _joined_split_names(self, doc: Doc, n: int, kept: list) -> list:
        """The matches with a name split by its head's short form in brackets made whole: "Ogan
        Komering Ulu (OKU) Timur" is Ogan Komering Ulu Timur, not Ogan Komering Ulu."""
        joined, covered = [], -1  # (the end of the last name made whole: its short form is inside)
        for match in kept:
            _, start, end = match
            if start < covered:
                continue
            if end + 3 < n and doc[end].orth == self.open_paren_id and doc[end + 2].text == ")" and doc[end + 3].is_title:
                tails = self.split_names.get(tuple(doc[k].lower for k in range(start, end)))
                whole = tails.get(doc[end + 3].lower) if tails else None
                if whole is not None and _abbreviates(doc[end + 1].lower_, [doc[k].lower_ for k in range(start, end)]):
                    match, covered = (whole, start, end + 4), end + 4
            joined.append(match)
        return joined

    def _column_levels(self, doc: Doc) -> dict[int, str]:
        """Character start -> level of the cells under a table's header cell that is a level's
        prefix ("Kabupaten | Nelayan terdaftar" over "Gorontalo | 960": Kabupaten Gorontalo), or
        SUBREGION under a kecamatan's or village's ("Kecamatan | ..." over "Kotabaru | 215")."""
        levels = {}
        for table in pipe_tables(doc):
            for index, (lo, hi) in enumerate(table.header):
                level = self.column_levels.get(tuple(doc[k].lower_ for k in range(lo, hi)))
                if level:
                    levels.update((doc[first].idx, level) for first, end in table.column(index) if first < end)
        return levels

    def _drop_kecamatan_of_named(self, text: str, hits: list[Hit]) -> list[Hit]:
        """A bare name that is also a kecamatan of a kabupaten/kota the article names (bare too)
        is that kecamatan when it is listed with another kecamatan, or when the article calls it
        a kecamatan: "buruh tani di Kroya dan Sampang" in a story on Cilacap is Kecamatan Sampang
        of Cilacap, not Kabupaten Sampang (Jawa Timur); after "pabrik di Kecamatan Karanganyar,
        Kabupaten Pekalongan", a bare "Karanganyar" is that kecamatan, not Kabupaten Karanganyar.
        So is a city's full name that is a kecamatan's whole name ("Kecamatan Sindang Kelingi dan
        Kota Padang" in a story on Rejang Lebong)."""
        districts = self.homonym_districts
        bare = {id(h): parents for h in hits if h.rule in HOMONYM_RULES
                and (parents := districts.get(text[h.start:h.end].lower())) is not None}
        if not bare:
            return hits
        named = {h.fields["code"] for h in hits if h.kind == "region"}  # a bare homonym too ("Di Sleman, ... di
        # Kecamatan Prambanan, Ngemplak, dan Depok": Sleman is also a kecamatan's name)
        return [h for h in hits if id(h) not in bare or not (bare[id(h)] & (named - {h.fields["code"]}) and (
            self._listed_with_district(text, h.start, h.end) or _called_kecamatan(text, text[h.start:h.end]))
            or _kecamatan_at_home(h, bare[id(h)], named) and _listed_with_unknown(text, h, hits))]

    def _ends_district(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the name at tokens start..end ends a kecamatan's name with the capitalised
        word or two before it ("Ulu Belu" of Tanggamus, not Kabupaten Belu)."""
        for k in (1, 2):
            if start - k < 0 or not all(doc[j].is_title for j in range(start - k, start)):
                return False
            if _span(doc, start - k, end)[0].lower() in self.district_names:
                return True
        return False

    def _listed_with_district(self, text: str, start: int, end: int) -> bool:
        """Whether the name at characters start..end is listed ("dan", "serta", "atau", a comma) right
        after or before a kecamatan's name ("Kroya dan Sampang", "Sampang, Kroya"). A city's
        "Kota" alone is no kecamatan ("Kota Padang dan Kota Bukittinggi")."""
        before = LISTED_BEFORE.search(text, max(0, start - LIST_CONTEXT_CHARS), start)
        after = LISTED_AFTER.match(text, end, end + LIST_CONTEXT_CHARS)
        runs = [before[1].split()[-k:] for k in (1, 2, 3)] if before else []
        following = after[1].split() if after else []
        city = following[:1] == ["Kota"] and len(following) > 1  # "Kota Bukittinggi", not the kecamatan Kota
        runs += [following[:k] for k in (1, 2, 3) if following and not (k == 1 and city)]
        return any(" ".join(words).lower() in self.district_names for words in runs)

    def _capital_after_province(self, text: str, hits: list[Hit], start: int, refs) -> list[RegionRef]:
        """The refs that are the capital of a province named just before character `start`, in
        the same sentence ("Dinas Sosial Provinsi NTT di Kupang": Kota Kupang)."""
        for hit in hits:
            if hit.kind == "region" and hit.fields["level"] == "province" and hit.end <= start <= hit.end + CAPITAL_GAP \
                    and not SENTENCE_BREAK.search(text, hit.end, start):
                capital = self.capitals.get(hit.fields["code"])
                return [ref for ref in refs if ref.code == capital]
        return []

    def _risky_by_neighbours(self, doc: Doc, n: int, risky: list, accepted: list, kept: list) -> list[Hit]:
        """Risky names ("Landak", "Karimun") listed right next to a region of their province
        ("Bengkayang 142,7; Landak 207,3", "dari Karimun, Bintan, Tanjungpinang"), or in the
        next or the last row of a table ("| 1 | Paser | 3.800 |" over "| 2 | Kukar | 8.200 |"):
        regions too, the list telling what they are; a name so kept vouches for its own
        neighbours."""
        found, progress = [], True
        while progress and risky:
            progress = False
            for item in list(risky):
                match_id, start, end = item
                ref = self.plans[match_id].single[0]
                province = ref.code.split(".")[0]
                if not any(code.split(".")[0] == province and (self._list_gap(doc, e, start) or self._list_gap(doc, end, s)
                                                               or _row_gap(doc, e, start) or _row_gap(doc, end, s))
                           for s, e, code in accepted) or self._continues_name(doc, n, end, kept):
                    continue
                start_char, end_char, _ = _written(doc, start, end, self.plans[match_id])
                found.append(self._hit(start_char, end_char, "region.listed_neighbour", ref))
                accepted.append((start, end, ref.code))
                risky.remove(item)
                progress = True
        return found

    def _list_gap(self, doc: Doc, end: int, start: int) -> bool:
        """Whether tokens end..start are only list separators (",", ";", "dan", "serta") and
        the figures of a table row ("Bengkayang 142,7; Landak"), each figure perhaps with its
        lower-case unit ("Tanimbar 4.200 orang, Buru 2.050 orang"), at least one separator."""
        if not 0 < start - end <= LIST_GAP:
            return False
        between = [doc[i] for i in range(end, start)]
        return any(t.lower in self.gap_ids for t in between) and all(
            t.like_num or t.lower in self.gap_ids or (k and between[k - 1].like_num and t.is_lower and t.is_alpha)
            for k, t in enumerate(between))

    def _province_by_neighbour(self, doc: Doc, start: int, plan: Plan, last_end: int, last: Hit, outcome):
        """A name of a province and of a city, right after another region hit: the province
        when it glosses that hit ("Kabupaten Rejang Lebong, Bengkulu", "Tanjab Barat di Jambi")
        or continues a list of provinces ("Riau, Sumbar, Kepri dan Jambi"); else `outcome`
        unchanged."""
        one = plan.by_level.get("province")
        if one is None or last.kind != "region":
            return outcome
        ref, level = one[0], last.fields["level"]
        if level == "province":  # not after Jakarta, listed among cities as one of them
            joined = last.fields["code"] != JAKARTA and self._joins(doc, last_end, start)
            rule = "region.province_list" if joined else None
        else:
            glossed = start == last_end + 1 and doc[last_end].lower in self.gloss_ids
            rule = "region.province_gloss" if glossed and last.fields["code"].split(".")[0] == ref.code else None
        return outcome if rule is None else self._hit(outcome[0], outcome[1], rule, ref)

    def _province_before_province(self, doc: Doc, end: int, plan: Plan, nxt: Plan, nxt_start: int, outcome):
        """A name of a province and of a city that a list joins to another province: the province
        ("di perbatasan Jambi dan Sumatera Barat"); else `outcome` unchanged."""
        one = plan.by_level.get("province")
        if one is None or nxt.single is None or nxt.single[0].level != "province" \
                or nxt.single[0].code == one[0].code or not self._joins(doc, end, nxt_start):
            return outcome
        return self._hit(outcome[0], outcome[1], "region.province_list", one[0])

    def _kecamatan_of_next(self, doc: Doc, start: int, end: int, kept: list, k: int) -> bool:
        """Whether the name at tokens start..end is a kecamatan of the region named right after
        its comma (a "Kabupaten"/"Kota" cue may stand between): "Rembang, Pasuruan"; not when a
        level's prefix stands before it ("Kota Sorong, Kabupaten Sorong": two regions)."""
        parents = self.homonym_districts.get(_span(doc, start, end)[0].lower())
        if parents is None or k + 1 == len(kept):
            return False
        cue = self._cue_before(doc, start)
        if cue is not None and cue.type == "prefix" and cue.level:
            return False
        next_id, next_start, _ = kept[k + 1]
        if next_start - end > 3:
            return False
        return any(ref.code in parents for ref in self.plans[next_id].refs)

    # ---- office areas -------------------------------------------------------------------
    def _office_area(self, doc, start, end, office, has_bpjs: bool, hits) -> bool:
        area, spellings = office
        if area.standalone and not has_bpjs:
            return False
        if end - start == 1:
            token = doc[start]
            surface, start_char = token.text, token.idx
            end_char = start_char + len(surface)
        else:
            surface, start_char, end_char = _span(doc, start, end)
        if end < len(doc) and doc[end].is_alpha and data.resolve(f"{surface} {doc[end].text}") is not None:
            return False  # the first words of a region's name: "di wilayah Kalimantan Utara"
        if not area.standalone and not self._kanwil_before(doc, start) and not _gloss_of(doc, start, area, hits) and not (
            has_bpjs and (self._glossed(doc, end, area) or self._bare_kanwil_before(doc, start, surface)
                          or self._kanwil_area_bpjs(doc, start, end) or self._own_kanwil_before(doc, start))
        ):
            return False
        if not (surface in spellings or _title_case(doc, start, end)
                or (surface.isupper() and _line_is_upper(doc, start, end, surface))):
            return False  # (an all-caps line: "KANWIL BPJS KETENAGAKERJAAN SULAWESI MALUKU")
        rule = "office_area.name" if area.standalone else "office_area.kanwil"
        fields = {"name": area.name, "province_codes": list(area.province_codes)}
        hits.append(self.new_hit("office_area", start_char, end_char, rule, CONFIDENCE[rule], fields))
        return True

    @staticmethod
    def _glossed(doc: Doc, end: int, area: OfficeArea) -> bool:
        """Whether a bracketed standalone alias of the same area follows token `end - 1`:
        "Deputi Direktur Wilayah Bali Nusa Tenggara dan Papua (Banuspa)"."""
        inside = _bracketed_after(doc, end, 4)
        office = data.office_aliases().get(data.normalise(inside)) if inside is not None else None
        return office is not None and office[0].standalone and office[0].name == area.name

    def _bare_kanwil_before(self, doc: Doc, start: int, surface: str) -> bool:
        """ "Kantor Wilayah Sulawesi Maluku" in an article that names BPJS Ketenagakerjaan: right
        after a Kanwil word, an alias that names no region ("Kanwil Jabar" without BPJS may be
        another body's)."""
        return bool(start) and data.resolve(surface) is None and self._kanwil_word_before(doc, start)

    def _own_kanwil_before(self, doc: Doc, start: int) -> bool:
        """Whether a phrase that, in an article naming BPJS Ketenagakerjaan, means its own regional
        office ends right before token `start`: "Kanwil DKI Jakarta", "Deputi Direktur Wilayah
        Jawa Timur" (not a bare "wilayah": "se-wilayah Jawa Timur" is the province)."""
        return bool(start) and self.own_kanwil_re.search(_line_before(doc, max(0, start - 4), start)) is not None

    def _kanwil_word_before(self, doc: Doc, start: int) -> bool:
        """Whether a Kanwil word ("Kanwil", "Kantor Wilayah", "Wilayah") ends right before token `start`."""
        return self.bare_kanwil_re.search(_line_before(doc, max(0, start - 2), start)) is not None

    def _kanwil_area_bpjs(self, doc: Doc, start: int, end: int) -> bool:
        """ "Kepala Kantor Wilayah Jawa Barat BPJS Ketenagakerjaan": a Kanwil word right before
        the area, the BPJS name right after it."""
        return (0 < start and end < len(doc) and self._kanwil_word_before(doc, start)
                and self.bpjs_after_re.match(doc[end:end + 6].text) is not None)

    def _kanwil_before(self, doc: Doc, start: int) -> bool:
        """Whether a Kanwil phrase ("Kanwil BPJS Ketenagakerjaan", "BPJamsostek Kantor Wilayah")
        ends right before token `start` on its line. The regex runs only when the last word
        there could end such a phrase (it ends in, or is the end of, one of its last words)."""
        low = max(0, start - MAX_KANWIL_RUN)
        j = start - 1
        while j >= low:
            token = doc[j]
            if not token.is_space:
                break
            if "\n" in token.text:
                return False  # the line before the office area holds no words
            j -= 1
        else:
            return False
        word = token.text
        if word.isascii():
            word = word.lower()
            if word not in self.kanwil_end_parts and not word.endswith(self.kanwil_ends):
                return False
        return self.kanwil_re.search(_line_before(doc, low, start)) is not None

    # ---- regions --------------------------------------------------------------------------
    def _list_goes_on(self, doc: Doc, n: int, end: int) -> bool:
        """Whether a list joiner follows token end - 1: "dan", "serta", or a comma before a
        capitalised word ("Kota Bima, Sumbawa dan ...", "Kota Bima, Sumbawa, Dompu ...")."""
        if end >= n:
            return False
        after = doc[end]
        if after.lower in self.list_ids:
            return True
        return after.orth == self.comma_id and end + 1 < n and doc[end + 1].text[:1].isupper()

    def _joins(self, doc: Doc, end: int, start: int) -> bool:
        """Whether only a list joiner ("dan", "serta", ",", ", dan") stands between tokens."""
        between = [doc[i].lower for i in range(end, start)]
        return bool(between) and (between == [self.comma_id] or between[-1] in self.list_ids) and \
            all(w == self.comma_id for w in between[:-1])

    def _cue_at(self, doc: Doc, start: int, prev) -> tuple[Cue | None, int]:
        """(the longest cue ending right before token `start`, its first token), or (None,
        start); `prev`: token start - 1."""
        node = self.cue_trie.get(prev.lower)
        if node is None:
            return None, start
        return _longest_cue(doc, start, node) if node[1] else (node[0], start - 1)

    def _cue_before(self, doc: Doc, start: int) -> Cue | None:
        """The longest cue ending right before token `start` (None at a sub-region cue)."""
        cue = self._cue_at(doc, start, doc[start - 1])[0] if start else None
        return None if cue is None or cue.type in NOT_REGION_CUES else cue

    def _region(self, doc: Doc, n: int, start: int, end: int, plan: Plan, kept: list, org_after: list):
        """A Hit, a (start_char, end_char, refs) homonym to decide from the article,
        INSIDE_ORGANISATION, RISKY (a risky name with no cue), or None."""
        if end in org_after and doc[end].orth in self.org_after_ids:
            return None  # "Sumut Pos", "Bali United"
        if _web_address_after(doc, n, end):
            return None  # "JAMBI-INDEPENDENT.CO.ID": an outlet's address
        if start:
            prev = doc[start - 1]
            cue, cue_start = self._cue_at(doc, start, prev)  # the longest cue ending right before `start`
            if cue is not None and (cue.type in ("subregion", "people", "rank") or (cue.type == "person" and _after_name(doc, cue_start))):
                return None  # "Kecamatan Medan Johor"; "bahasa Banjar"; "AKBP Bima Sakti"; "Jubang anak Sanggau": a person's father
            if cue is None and start >= 2 and prev.is_title and (
                    outer := self._cue_at(doc, start - 1, doc[start - 2])[0]) is not None and outer.type == "subregion":
                return None  # "Desa Larangan Badung": the last word of a village's name
            if cue is not None and cue.type == "prefix" and cue.level == "city" and cue_start and (
                    outer := self._cue_at(doc, cue_start, doc[cue_start - 1])[0]) is not None \
                    and outer.type == "subregion":
                return None  # "Camat Kota Padang": the kecamatan Kota Padang (Rejang Lebong)
        else:
            prev, cue, cue_start = None, None, start
        start_char, end_char, spelled = _written(doc, start, end, plan)
        dateline = None  # decided only when needed
        if not spelled:
            if plan.entry.acronym:
                return None
            surface = _span(doc, start, end)[0]
            if surface.isupper():
                dateline = self._is_dateline(doc, n, start, end, prev)
                if not (dateline or (start > 0 and doc[start - 1].text in CAPS_KINDS)
                        or _line_is_upper(doc, start, end, surface)):  # "KABUPATEN FLORES TIMUR: 7.300 orang"
                    return None
            elif not _title_case(doc, start, end) and not (
                    cue is not None and cue.type == "prefix" and cue.level in plan.by_level and not plan.risk):
                return None  # (in lower case only after a level's prefix: "kab. kubu raya", "kota pontianak")
        if cue is None and end + 1 < n and doc[end].orth == self.comma_id and DEGREE.fullmatch(doc[end + 1].text) \
                and _after_name(doc, start):
            return None  # "Wakil Wali Kota Ternate, Abdurrahman Hi. Saleh Tidore, S.H.": a family name
        if cue is None and end + 2 < n and doc[end].text == "(" and doc[end + 2].text == ")" \
                and doc[end + 1].text.isdigit() and len(doc[end + 1].text) <= 2:
            return None  # "Salah seorang penerima, Sarmi (52), buruh giling": a person and her age
        if cue is not None and cue.type in PRECEDING_CUES:
            before = doc[cue_start - 1] if cue_start else None
            run_end = cue_start
        else:
            before, run_end = prev, start
        if before is not None and (not before.is_lower or before.orth in self.org_before_ids) \
                and (self._inside_organisation(doc, run_end, before.orth) or _dateline_outlet(doc, run_end, end)
                     or _road_between(doc, run_end)):
            return INSIDE_ORGANISATION  # (another lowercase word needs no text read)
        if before is not None and before.lower_ in ROAD_LEADS and _road_from(doc, run_end, end):
            return INSIDE_ORGANISATION
        if cue is not None and cue.level:
            one = plan.by_level.get(cue.level)
            if one is not None:
                ref, how = one
                if cue.type == "prefix":
                    rule = "region.alias" if how == "alias" else "region.canonical"
                    start_char = (prev if cue_start == start - 1 else doc[cue_start]).idx
                else:
                    rule = cue.rule
                return self._hit(start_char, end_char, rule, ref)
        if plan.risk:
            if dateline is None:
                dateline = self._is_dateline(doc, n, start, end, prev)
            if not dateline and not _risk_cleared(plan.risk, cue, prev) and not _province_glossed(doc, end, plan):
                return RISKY
            if plan.risk == "place" and not dateline and cue is not None and cue.type == "place" and cue_start \
                    and doc[cue_start - 1].is_lower and self._continues_name(doc, n, end, kept):
                return None  # a longer name a place cue opens in a sentence: "berlatih di Batang Kuantan" (a
                # river); not in a headline's title case ("Pekerja Rentan di Padang Dapat Kartu")
        single = plan.single
        if single is not None:
            ref, how = single
            if how == "bare":
                if dateline is None:
                    if prev is None or prev.is_space:
                        dateline = self._is_dateline(doc, n, start, end, prev)
                    else:  # as _is_dateline: only "Outlet.com, Medan" after a word
                        dateline = start >= 2 and prev.orth == self.comma_id and _after_outlet(doc, start, self.place_word_ids)
                if not dateline and cue is None and (self._runs_on(doc, n, start, end, kept)
                                                     or self._ends_district(doc, start, end)):
                    return None
                rule = "region.dateline" if dateline else "region.bare_name"
            else:
                rule = "region.canonical" if how == "canonical" else "region.alias"
            return self._hit(start_char, end_char, rule, ref)
        if dateline is None:
            dateline = self._is_dateline(doc, n, start, end, prev)
        if dateline:
            if len(plan.cities) == 1:
                return self._hit(start_char, end_char, "region.dateline", plan.cities[0])
        elif cue is None and self._runs_on(doc, n, start, end, kept):
            return None
        return start_char, end_char, plan.refs

    def _listed(self, doc: Doc, n: int, start: int, end: int, plan: Plan, cue: Cue, kept: list):
        """A name that _region left out or undecided, with no cue of its own, that continues a
        list under a cue ("di Kota Bima, Sumbawa dan Lombok Timur"): the cue's level picks
        among homonyms and clears a risky name; as written (or in title case), and not the
        start of a longer name."""
        if self._cue_before(doc, start) is not None:
            return None
        start_char, end_char, spelled = _written(doc, start, end, plan)
        if not (spelled or (not plan.entry.acronym and _title_case(doc, start, end))):
            return None
        if self._continues_name(doc, n, end, kept):
            return None
        one = plan.by_level.get(cue.level) if cue.level else None
        if one is None:
            one = plan.single
        if one is None or (plan.risk and not _risk_cleared(plan.risk, cue, doc[start - 1])):
            return None
        return self._hit(start_char, end_char, "region.listed", one[0])

    def _hit(self, start: int, end: int, rule: str, ref: RegionRef) -> Hit:
        return self.new_hit("region", start, end, rule, CONFIDENCE[rule], self.fields[ref.code])

    def _inside_organisation(self, doc: Doc, run_end: int, last: int) -> bool:
        """ "Universitas Sumatera Utara", "Tribun Medan", "ANTARA News Sumatera Utara", "Danau Toba":
        the capitalised words ending before token `run_end` (the last of them `last`, by id) open
        with an organisation word."""
        org_word = self.org_word
        if run_end >= 2 and doc[run_end - 1].text == "-" and not doc[run_end - 2].whitespace_ \
                and not doc[run_end - 1].whitespace_:
            run_end -= 1  # "HKBP Distrik X Medan-Aceh": the run goes on through a glued hyphen
            last = doc[run_end - 1].orth
        kind = org_word(last)
        if kind is not _CAPITALISED:
            return kind is _ORGANISATION  # (a dot or a lowercase word right before: no run)
        j, steps = run_end - 2, 1
        while j >= 0 and steps < MAX_ORG_RUN:
            kind = org_word(doc[j].orth)
            if kind is _DOT:
                if j and _ends_sentence(doc[j - 1].text):
                    return False  # "... Kota Tidore Kepulauan. Untuk Pulau Morotai"
                j -= 1
                continue
            if kind is not _CAPITALISED:
                return kind is _ORGANISATION
            j -= 1
            steps += 1
        return False

    def _runs_on(self, doc: Doc, n: int, start: int, end: int, kept: list) -> bool:
        """Whether the bare name at tokens start..end runs on into a longer name (_continues_name),
        unless it is a body's branch after its short form, a person's name after it (_after_acronym)."""
        return self._continues_name(doc, n, end, kept) and not _after_acronym(doc, start)

    def _continues_name(self, doc: Doc, n: int, end: int, kept: list) -> bool:
        """A capitalised word right after a bare name makes it part of a longer name ("Bima Arya"),
        unless a kept name starts there."""
        if end == n:
            return False
        after = doc[end]
        if not (after.is_alpha and after.text[0].isupper()) or after.lower in self.follow_ok_ids:
            return False
        return all(match[1] != end for match in kept)

    def _is_dateline(self, doc: Doc, n: int, start: int, end: int, prev) -> bool:
        """ "Medan (ANTARA) -", "MEDAN, SUMUTPOS.CO -", "Liputan6.com, Medan ..." at a line start
        (`prev`: the token before the name, None at the start)."""
        if prev is None or (prev.is_space and "\n" in prev.text):
            return end < n and doc[end].orth in self.dateline_after_ids
        if start >= 2 and prev.orth == self.comma_id:
            return _after_outlet(doc, start, self.place_word_ids)
        return False


# ---- helpers --------------------------------------------------------------------------------
def _row_gap(doc: Doc, end: int, start: int) -> bool:
    """Whether tokens end..start are the rest of one table row and the start of the next:
    cell bars "|" and figures, one line break between them."""
    if not 0 < start - end <= ROW_GAP:
        return False
    between = doc[end:start]
    breaks = [t for t in between if t.is_space and "\n" in t.text]
    return len(breaks) == 1 and any(t.text == "|" for t in between) and all(
        t.text == "|" or t.like_num or t.is_space for t in between)


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


def _gloss_of(doc: Doc, start: int, area, hits: list[Hit]) -> bool:
    """Whether token `start` opens a bracket right after a mention of the same office area:
    "Wilayah Jawa Tengah dan DI Yogyakarta (Jateng DIY)"."""
    if start < 2 or doc[start - 1].text != "(" or not hits:
        return False
    last, before = hits[-1], doc[start - 2]
    return last.kind == "office_area" and last.fields["name"] == area.name and before.idx + len(before) == last.end


def _alternation(words) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


SHORT_NAME = re.compile(r" ?\(([A-Z][a-z]{2,11})\)")  # "Kabupaten Bengkulu Tengah (Benteng)"


def _short_named(text: str, hits: list[Hit], new_hit) -> list[Hit]:
    """The later mentions of a short name an article gives a kabupaten/kota in brackets after
    its name ("Kabupaten Bengkulu Tengah (Benteng)", then "di Benteng"), when the short name
    is made of the first letters of the name's words in order and names no region itself."""
    defined: dict[str, Hit] = {}
    for hit in hits:
        m = SHORT_NAME.match(text, hit.end)
        if m and hit.kind == "region" and hit.fields["level"] != "province" and m[1] not in defined \
                and data.resolve(m[1]) is None and _abbreviates(m[1].lower(), _bare_words(hit.fields["name"])):
            defined[m[1]] = hit
    found, taken = [], [(h.start, h.end) for h in hits]
    for short, hit in defined.items():
        for m in re.finditer(rf"\b{short}\b", text):
            if not any(lo <= m.start() < hi for lo, hi in taken) and text[m.start() - 1:m.start()] != "(":
                found.append(new_hit("region", m.start(), m.end(), "region.short_name", CONFIDENCE["region.short_name"],
                                     dict(hit.fields)))
    return found


def _bare_words(name: str) -> list[str]:
    """A kabupaten/kota's canonical name without its level, as lower-case words."""
    return name.lower().split()[1:] if name.startswith(("Kabupaten ", "Kota ")) else name.lower().split()


def _abbreviates(short: str, words: list[str]) -> bool:
    """Whether `short` is a prefix of each of `words` in turn, joined ("benteng": "ben" +
    "teng"[ah]; "taput": "ta" + "put"[ra]), using every word."""
    if not words:
        return not short
    first = words[0].replace("-", "")
    return any(short.startswith(first[:k]) and _abbreviates(short[k:], words[1:])
               for k in range(1, min(len(first), len(short)) + 1))


def _written(doc: Doc, start: int, end: int, plan: Plan) -> tuple[int, int, bool]:
    """(start char, end char, whether the name is written as one of its spellings)."""
    if end - start == 1:  # most names: no Span needed
        token = doc[start]
        start_char = token.idx
        return start_char, start_char + len(token), token.orth in plan.form_ids
    surface, start_char, end_char = _span(doc, start, end)
    return start_char, end_char, surface in plan.entry.forms


def _span(doc: Doc, start: int, end: int) -> tuple[str, int, int]:
    """(text, start_char, end_char) of tokens start..end, as a Span would give, without one."""
    first = doc[start]
    if end - start == 1:
        text = first.text
        return text, first.idx, first.idx + len(text)
    parts = [first.text_with_ws]
    for k in range(start + 1, end - 1):
        parts.append(doc[k].text_with_ws)
    last = doc[end - 1]
    parts.append(last.text)
    return "".join(parts), first.idx, last.idx + len(last)


def _line_before(doc: Doc, low: int, start: int) -> str:
    """The text of tokens low..start after its last line break (`doc[low:start].text`, from
    its last newline on), read backwards without a Span."""
    last = doc[start - 1].text
    parts = [last]
    if "\n" not in last:
        for k in range(start - 2, low - 1, -1):
            text = doc[k].text_with_ws
            if "\n" in text:
                parts.append(text.rsplit("\n", 1)[-1])
                break
            parts.append(text)
    else:
        parts[0] = last.rsplit("\n", 1)[-1]
    return "".join(reversed(parts))


def _titled(doc: Doc, start: int, end: int) -> bool:
    for k in range(start, end):
        text = doc[k].text
        if text[:1].isalpha() and not text[0].isupper():
            return False
    return True


def _org_word_kinds(strings, release_ids: frozenset[int], before_ids: frozenset[int]):
    """A function telling what a word (by string id) is to _inside_organisation: a dot, a
    organisation word ("Universitas", or a feature's "sungai" in either case), a word that ends
    the run (another lowercase word, or a branch word: "Perwakilan", "Cabang") or another
    capitalised word. Pure, so cached."""
    dot_id = get_string_id(".")

    @functools.lru_cache(maxsize=1 << 16)
    def kind(orth: int) -> str:
        if orth == dot_id:
            return _DOT
        if orth in before_ids:
            return _ORGANISATION
        if orth in release_ids or not strings[orth][:1].isupper():
            return _END
        return _CAPITALISED

    return kind


def _cue_trie(cues) -> dict[int, tuple]:
    """Cues as a trie read backwards from their last word: lower-cased word id -> (the cue
    ending there or None, the trie of the words before it). Longest cues first, so that of
    two cues of the same words the first in cues.csv is kept."""
    trie: dict[int, tuple] = {}
    for cue in sorted(cues, key=lambda c: -len(c.tokens)):
        level = trie
        for depth, word in enumerate(reversed(cue.tokens), 1):
            key = get_string_id(word)
            here, before = level.get(key, (None, {}))
            if depth == len(cue.tokens) and here is None:
                here = cue
            level[key] = (here, before)
            level = before
    return trie


def _longest_cue(doc: Doc, start: int, node: tuple) -> tuple[Cue | None, int]:
    """(the longest cue ending right before token `start`, its first token), or (None, start);
    `node` is the cue trie's entry for the word before `start`."""
    cue, before = node
    cue_start = start - 1 if cue is not None else start
    j = start - 2
    while before and j >= 0:
        node = before.get(doc[j].lower)
        if node is None:
            break
        if node[0] is not None:
            cue, cue_start = node[0], j
        before = node[1]
        j -= 1
    return cue, cue_start


def _leftmost_longest(matches, blocked, length: int = 0):
    """Leftmost-longest (match_id, start, end) matches without overlaps; drop any overlapping a
    blocked span that it does not strictly contain ("Medan" in "Medan Johor"). The matches
    come by start, as the matcher gives them: of those sharing a start the longest unblocked
    one counts (the first of equally long ones). `length`: the doc's, when spans are blocked."""
    mask = None  # 1 at the tokens of blocked spans: most matches touch none
    if blocked:
        mask = bytearray(length)
        for s, e in blocked:
            mask[s:e] = b"\x01" * (e - s)
    kept = []
    last_start = last_end = -1
    for match in matches:
        _, start, end = match
        if start == last_start:  # longer than the last one kept, at its start: replaces it
            if end > last_end and not (mask is not None and _is_blocked(start, end, blocked, mask)):
                kept[-1] = match
                last_end = end
        elif start >= last_end and not (mask is not None and _is_blocked(start, end, blocked, mask)):
            kept.append(match)
            last_start, last_end = start, end
    return kept


def _is_blocked(start: int, end: int, blocked, mask: bytearray) -> bool:
    """Whether tokens start..end overlap a blocked span they do not strictly contain."""
    if 1 not in mask[start:end]:
        return False
    for s, e in blocked:
        if s < end and start < e and not (start <= s and e <= end and e - s < end - start):
            return True
    return False


def _bracketed_after(doc: Doc, end: int, most: int) -> str | None:
    """The text of a bracket (`most` tokens inside at most) that opens at token `end`, else None."""
    if end + 2 >= len(doc) or doc[end].text != "(":
        return None
    close = next((k for k in range(end + 2, min(len(doc), end + 2 + most)) if doc[k].text == ")"), None)
    return doc[end + 1:close].text if close is not None else None


def _province_glossed(doc: Doc, end: int, plan: Plan) -> bool:
    """Whether the province of a name's one region follows it in brackets: "3. Mataram (NTB)"."""
    inside = _bracketed_after(doc, end, 3) if plan.single is not None else None
    ref = data.resolve(inside) if inside is not None else None
    return ref is not None and ref.level == "province" and plan.single[0].code.split(".")[0] == ref.code


def _risk_cleared(risk: str, cue, prev) -> bool:
    """risky_names.csv: word -> a cue or not sentence-initial; place -> a cue; admin -> an admin cue."""
    if risk == "word":
        return cue is not None or not (prev is None or prev.is_space or prev.text in SENTENCE_OPENERS)
    if risk == "place":
        return cue is not None
    return cue is not None and cue.type in ("prefix", "office", "admin")


INSIDE_ORGANISATION = "inside an organisation's name"  # what _region answers for "Universitas Sumatera Utara"
RISKY = "a risky name without its cue"  # what _region answers for "Landak" alone (risky_names.csv)


def _ends_sentence(word: str) -> bool:
    """Whether a period after this word ends a sentence: after a word of five letters or more
    not in capitals ("Kepulauan."), or of four in lower case after a capital ("Kuta."), not
    after an abbreviation ("PT.", "Tbk.", "H.", "Prov.")."""
    if len(word) == 4:
        return word[0].isupper() and word[1:].islower() and word not in FOUR_LETTER_ABBREVIATIONS
    return len(word) > 4 and not word.isupper()


def _title_case(doc: Doc, start: int, end: int) -> bool:
    """Every word capitalised, none in ALL CAPS (a one-letter word may be either)."""
    for k in range(start, end):
        word = doc[k].text
        if word[:1].isalpha() and (not word[0].isupper() or (len(word) > 1 and word.isupper())):
            return False
    return True


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text)


def _after_name(doc: Doc, i: int) -> bool:
    """Whether token i follows a capitalised word inside a sentence (a name, not the
    sentence's first word: "..., Jubang anak Sanggau", not "Banyak anak Sanggau")."""
    if i < 2 or not doc[i - 1].is_title:
        return False
    before = doc[i - 2]
    if before.text == "." and i >= 3 and len(doc[i - 3]) <= 3 and doc[i - 3].is_title:
        return True  # after an abbreviated title: "H. Mustari Daeng Bali"
    return not (before.is_space or before.text in ".!?\"“")


def _after_acronym(doc: Doc, start: int) -> bool:
    """Whether a name in title case at token `start` follows a body's short form in capitals,
    bracketed or not: the body's regional branch, so a capitalised word after the name opens its
    head's name ("Kepala DPMD Banyuasin Rita Kurniasih", "Ketua DPC SPN Karanganyar Suwarno",
    "Serikat Buruh Perkebunan (SBP) Seluma Tarmizi", "... (Disnakertrans) Gunungkidul Supardiyono");
    ranks are cues of type rank."""
    k = start - 1
    bracketed = k >= 2 and doc[k].text == ")" and doc[k - 2].text == "("
    if bracketed:
        k -= 1
    if k < 0 or not doc[start].is_title:
        return False
    short = doc[k].text  # in brackets after its full name, a short form may be written "(Disnakertrans)"
    return len(short) >= 2 and short.isalpha() and (short.isupper() or bracketed and short[0].isupper())


def _web_address_after(doc: Doc, n: int, end: int) -> bool:
    """Whether the name ending before token `end` runs on, through a hyphen and no space, into
    a web address ("JAMBI-INDEPENDENT.CO.ID", "RIAU-POS.CO")."""
    return end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and "." in doc[end + 1].text.strip(".")


def _after_outlet(doc: Doc, start: int, places: frozenset[int]) -> bool:
    """ "Liputan6.com, Medan", "RUAITV, PONTIANAK": the name follows an outlet and a comma at a
    line start; not after a place (`places`: lower-case ids of one-word place names) written in
    capitals, where the name is the outlet's ("SIBOLGA, METRO -", "BULELENG, BALI EXPRESS -")."""
    j, upper = start - 2, doc[start].is_upper and doc[start - 2].lower in places
    for _ in range(4):
        token = doc[j]
        if token.is_space:
            return False
        if _line_start(doc, j):
            outlet = doc[j:start - 1]
            return any("." in t.text or (t.is_upper and len(t) > 2 and not upper) for t in outlet)
        j -= 1
        if j < 0:
            return False
    return False


def _dateline_outlet(doc: Doc, run_end: int, end: int) -> bool:
    """ "Labuan Bajo, Ekora NTT – ...", "Taliwang (Gaung NTB) - ...": the name ends an outlet's
    name between a dateline's place and its dash (capitalised words from token `run_end` back
    to the comma or bracket after the place, which opens its line)."""
    bracketed = end < len(doc) and doc[end].text == ")"
    dash = end + 1 if bracketed else end
    if dash >= len(doc) or doc[dash].text not in DATELINE_DASHES:
        return False
    j = run_end - 1
    while j >= 0 and run_end - j <= DATELINE_OUTLET_WORDS and doc[j].text[:1].isupper():
        j -= 1
    if j == run_end - 1 or j < 1 or doc[j].text != ("(" if bracketed else ","):
        return False
    k = j - 1
    while k >= 0 and j - k <= DATELINE_PLACE_WORDS and doc[k].text[:1].isupper() and not _line_start(doc, k):
        k -= 1
    return k >= 0 and k < j and doc[k].text[:1].isupper() and _line_start(doc, k)


def _road_between(doc: Doc, run_end: int) -> bool:
    """ "Jalan Medan - Banda Aceh": the name (from token `run_end`) ends a road named by the two
    towns it links, after a dash and a capitalised run that a road word ("Jalan", "Jl", "jalan
    lintas") opens."""
    if run_end < 3 or doc[run_end - 1].text not in DATELINE_DASHES:
        return False
    return _after_road_word(doc, run_end - 1, ROAD_WORDS)


def _road_from(doc: Doc, run_end: int, end: int) -> bool:
    """ "jalan lintas Medan-Banda Aceh": the name (tokens run_end..end) opens such a road, right
    after its road words, a dash and a capitalised word after it."""
    return end + 1 < len(doc) and doc[end].text in DATELINE_DASHES and doc[end + 1].is_title \
        and _after_road_word(doc, run_end, 0)


def _after_road_word(doc: Doc, k: int, words: int) -> bool:
    """Whether a road word opens the tokens before token k: up to `words` capitalised words (or
    periods) of a town's name, then road kinds ("lintas", "Raya"), then "Jalan", "Jl" or "jalan"."""
    j = k - 1
    while j >= 0 and k - j <= words + ROAD_KIND_WORDS + 1:
        tok = doc[j]
        if tok.lower_ in ROAD_OPENERS:
            return True
        if not (tok.lower_ in ROAD_KINDS or (k - j <= words and (tok.is_title or tok.text == "."))):
            return False
        j -= 1
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


def _kecamatan_at_home(hit: Hit, parents, named: set[str]) -> bool:
    """Whether a bare name is a kecamatan's of the provinces the story is set in, and the
    region it names lies elsewhere: "di sembilan pantai, mulai dari Parangtritis, Depok, Samas"
    in a story on Bantul (Depok is a kecamatan of Sleman) is no mention of Kota Depok (Jawa
    Barat), which the story would name alongside its own province's places."""
    if hit.rule != "region.bare_name":
        return False
    provinces = {code.split(".")[0] for code in named if code != hit.fields["code"]}
    return hit.fields["code"].split(".")[0] not in provinces and any(
        parent.split(".")[0] in provinces for parent in parents)


def _listed_with_unknown(text: str, hit: Hit, hits: list[Hit]) -> bool:
    """Whether the name of `hit` is listed right after or before capitalised words that are no
    region here ("Parangtritis, Depok, Samas": beaches, villages)."""
    starts, ends = {h.start for h in hits}, {h.end for h in hits}
    before = LISTED_BEFORE.search(text, max(0, hit.start - LIST_CONTEXT_CHARS), hit.start)
    after = LISTED_AFTER.match(text, hit.end, hit.end + LIST_CONTEXT_CHARS)
    return (before is not None and before.end(1) not in ends) or (after is not None and after.start(1) not in starts)


def _in_named_province(refs, named: set[str]) -> list:
    """The one ref in a province the article names (itself or one of its kabupaten/kota), when
    the homonyms lie in different provinces: "Banjar" in a Kalimantan Selatan story is Kabupaten
    Banjar, not Kota Banjar (Jawa Barat)."""
    provinces = {code.split(".")[0] for code in named}
    inside = [ref for ref in refs if ref.code.split(".")[0] in provinces]
    return inside if len(inside) == 1 else []


def _drop_before_other_province(text: str, hits: list[Hit]) -> list[Hit]:
    """A bare name right before another province's name is no region of its own: "Penderes di
    Pesisir Selatan Jawa Timur" is Jawa Timur's southern coast, not Kabupaten Pesisir Selatan
    (Sumatera Barat); "Pesisir Selatan Sumatera Barat" stays."""
    dropped = set()
    for h, after in zip(hits, hits[1:]):
        if h.rule == "region.bare_name" and h.fields["level"] != "province" and after.kind == "region" \
                and after.fields["level"] == "province" \
                and not text[h.end:after.start].strip() and not h.fields["code"].startswith(after.fields["code"] + "."):
            dropped.add(id(h))
    return [h for h in hits if id(h) not in dropped] if dropped else hits


def _drop_peoples_listed(text: str, hits: list[Hit], people_list: re.Pattern) -> list[Hit]:
    """A bare name that ends a list of peoples (`people_list`: "identitas orang Tehit, Imekko
    dan Maybrat", "suku Moi, Tehit dan Maybrat"), a list holding a name that is no region, is a
    people's name too, not the kabupaten of that name."""
    starts = {hit.start for hit in hits}
    kept = []
    for hit in hits:
        lo = max(0, hit.start - PEOPLE_LIST_CHARS)
        head = text[lo:hit.start]  # the list's last link word and a space must end it: tested first, as
        # the search tries every position of the window
        m = people_list.search(text, lo, hit.start) \
            if hit.rule in BARE_RULES and head[-1:].isspace() and head.rstrip().endswith(LIST_LINKS) else None
        if m is None or all(m.start(1) + item.start() in starts for item in re.finditer(r"[A-Z][\w'-]*", m[1])):
            kept.append(hit)
    return kept


def _line_of(text: str, at: int) -> str:
    """The line of the text holding character `at`."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


def _drop_outlet_named(text: str, hits: list[Hit], outlet: str) -> list[Hit]:
    """A bare name inside the article's own outlet name where the text prints it ("20 Juni
    2025 | Rakyat Sulsel", its metadata's outlet "Rakyat Sulsel") is the outlet, not a place.
    An outlet that is a government office or branch ("Pemkot Tarakan", "Pemerintah Kabupaten
    Polewali Mandar", "BPJS Ketenagakerjaan Cabang Samarinda") names its region as usual."""
    wanted, width = outlet.lower(), len(outlet)
    kept = []
    for hit in hits:
        name = text[hit.start:hit.end].lower()
        lo = max(0, hit.end - width)  # an outlet name holding the hit starts here or after
        inside = (hit.rule in BARE_RULES and not LEVEL_PREFIX.match(name) and name in wanted
                  and wanted in text[lo:hit.start + width].lower())
        if not inside:
            kept.append(hit)
    return kept


def _drop_village_named(text: str, hits: list[Hit]) -> list[Hit]:
    """A dateline or bare name that the article calls a village ("Desa Pasuruan", "Kelurahan
    ...") and names no other way is that village: a village site's "Pasuruan, Bulu –" in a
    story on Temanggung is not Kota Pasuruan."""
    sure = {h.fields["code"] for h in hits if h.kind == "region" and h.rule not in LOOSE_RULES}
    loose = [h for h in hits if h.rule in LOOSE_RULES and h.fields["code"] not in sure]
    if not loose:
        return hits
    lowered = text.lower()
    dropped = {id(h) for h in loose if _called(lowered, text[h.start:h.end].lower(), VILLAGE_WORDS)}
    return [h for h in hits if id(h) not in dropped] if dropped else hits


def _called(lowered: str, name: str, kinds: frozenset[str]) -> bool:
    """Whether the lower-cased text names "<kind> <name>" somewhere, a word of `kinds` before
    the whole word(s) of the name ("desa pasuruan", "kec. karanganyar")."""
    at = lowered.find(name)
    while at >= 0:
        end = at + len(name)
        before = lowered[max(0, at - KIND_REACH):at]
        words = before.split()
        if words and words[-1] in kinds and before[-1].isspace() and not lowered[end:end + 1].isalnum():
            return True
        at = lowered.find(name, end)
    return False


def _called_kecamatan(text: str, name: str) -> bool:
    """Whether the text names "Kecamatan <name>" (or "Kec. <name>") somewhere."""
    return _called(text.lower(), name.lower(), DISTRICT_WORDS)
