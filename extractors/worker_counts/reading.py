"""Read worker counts around unit-noun anchors: number, unit, guards, clause context.

Speed: most anchors are rejected by the one token before them; the others are read from
a few tokens around. Words are compared by hash (token.lower, token.orth: ints, cheaper
than token.text), and a token is fetched once where it is reused. What the number tokens
before a unit write depends on their texts alone, so that reading is cached by the
tokens' hashes (`_read_count`): articles repeat counts, and a repeated one costs neither
the texts nor the number grammar.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..common import BULLETS, Context, Found, Hit, read_csv
from ..dates.rules import month_forms
from ..numerals import NumberGrammar, Quantity, build_phrase_matcher, column_figures, in_text_order, is_grouped, is_year, \
    row_figures
from ..numerals.tables import Cell, PipeTable, cell_figure, column_figures_of, header_scale, pipe_tables, vague_scale
from ..numerals import split_range
from .nouns import POSSESSIVE, Noun, NounTable

HERE = Path(__file__).parent
NUMBERS = HERE.parent / "numerals"
MAX_NUMBER_TOKENS = 8
ROW_DIGITS = 3  # digits of a table row's number at most
ROW_TOKENS = 60  # tokens walked to the line before or after a table row
CURRENCIES = frozenset({"rp", "rp.", "idr", "usd", "us$", "$"})
CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "•"})
GLUE = frozenset({"-", "/", ".", ":", "–"})  # "ke-3", "No.5": part of an identifier
CONTEXT_WINDOW = 12  # tokens searched before "N orang" for a worker noun
PARTITIVE_FACTOR = 0.9  # "dari N pekerja, M orang": a little less sure than "M orang pekerja"
LINK_WINDOW = 8  # tokens searched after "jumlah <unit>" for its link word ("mencapai")
LIST_WINDOW = 25  # tokens allowed between two counts of one list
PLACE_WORDS = 3  # capitalised words of a place that opens a list's row ("Di Kabupaten Tanjung Jabung Barat" is longer)
LIST_LICENCE = 0.75  # how sure a count that continues a list of worker counts is
REVISED_LICENCE = 0.75  # how sure "kuota ... menjadi N orang" after a worker count is
PER_PLACE_LICENCE = 0.75  # how sure "minimal 20 orang per desa" after a worker count is
REVISED_WINDOW = 10  # tokens from a quota's head word to its "menjadi"
REVISED_CHARS = 800  # characters from the last worker count before to that "N orang" (a paragraph or two)
SUBJECT_SKIPPED = frozenset({"classifier", "cue", "soft_cue"})  # noun roles passed over looking for a heading's subject
LIST_MARKS = frozenset({".", ")"})  # after a list item's number: "1. Kabupaten Asahan", "2) Kota Medan"
FUNDER_WORDS = 2  # capitalised words of who pays after an achieved verb ("yang dibiayai Dana Desa sekitar 3.600 orang")
COMPARED_TIME_WORDS = 4  # words of the earlier time a compared number is given for ("tahun lalu")
CHANGE_SIZE_WORDS = 5  # words of a change's size between its verb and the compared word ("naik lebih dari dua kali lipat dibanding")
INTRO_FOLLOWERS = frozenset({"yang", ",", "adalah", "sebagai", "berikut"})  # after a table's introducing
INTRO_CONJUNCTIONS = frozenset({"dan", "serta", "beserta"})  # subject: "jumlah pekerja rentan yang ..."
OTHER_WORKERS = "pekerja"  # the unit of a table's column of other workers ("Lainnya") and of a total over it
CUE_ROLES = frozenset({"cue", "soft_cue"})  # nouns.csv roles that make a later "N orang" count
PEOPLE_ROLES = frozenset({"classifier", "recipient"})  # "Jumlah Penerima" heads a total of people
PARTICIPANT_UNITS = frozenset({"peserta"})  # no occupation: see _occupation_starts_at
RELATIVE_ASIDE = 12  # tokens of a relative clause set off by commas before a figure
RELATIVE_WORDS = 3  # lower-case words of a relative clause between a unit and "di": "yang tercatat di"
DASHES = frozenset({"-", "–", "—"})  # a table cell holding nothing of its part
TABLE_FACTOR = 0.85  # a table row's figure, its unit in the header: a little less sure
TITLE_WORDS = 16  # tokens of a table's title line that may name the unit its "(orang)" column counts
TABLE_LEAD = 8  # tokens between a table header's noun and its bracket, and its bracket and colon
LABEL_FACTOR = 0.9  # "Nelayan: 1.915 orang": a little less sure than "1.915 orang nelayan"
LABEL_WORDS = 4  # words (or a bracketed acronym) between a line's opening unit and its colon
VERB_GAP = 3  # lower-case words between a list's first name and its count ("Kupang menanggung 3.000 orang, TTS 2.500")
LABEL_WINDOW = 12  # tokens of a label before its colon
PLACE_ASIDE = 5  # words of a place set off by commas inside a clause (", Kecamatan Asakota,")
HEADING_LINES = 12  # list lines walked back to the heading of a bulleted list
ROW_LINES = 24  # lines walked back from a total row over the rows that may add up to it
_PARTITIVE_NUMBER = re.compile(r"ari (?=\d[^,\n]{0,40},)(?<=\b[Dd]ari )(?!(?:19|20)\d\d\b)")  # "dari 31 ribu itu,":
# maybe a whole restated (a comma close after it; not a year). Opening with a literal makes the search fast.
CLOSERS = frozenset({")", '"', "”", "’", "'"})
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”"})
RESIDENT_CONFIDENCE = 0.8  # "320 warganya bekerja sebagai nelayan": residents said to work
BRACKET_WORDS = 12  # tokens inside brackets a clause's reading passes over ("(APBD, APBNag dan CSR)")
QUOTA_LICENCE = 0.65  # "N orang" of a quota named in its sentence
REST_CHARS = 120  # characters after a table searched for the count of the rest of its workers
FUNDING_REACH = 8  # tokens from a funding word ("iuran") to the beneficiary word ("bagi 85 warga")
RULE_FACTOR = {  # confidence of a rule relative to that of its noun
    "worker.number_unit": 1.0,
    "worker.number_orang_unit": 0.95,
    "worker.range_start": 0.9,
    "worker.number_filler_unit": 0.85,
    "worker.number_copula_unit": 0.8,
    "worker.context_orang": 0.85,
    "worker.unit_link_number": 0.8,
    "worker.label_number": 0.8,
    "worker.possessed_number": 0.8,
    "worker.list_orang": 0.85,
    "worker.revised_orang": 1.0,  # (its licence, REVISED_LICENCE, says how sure)
    "worker.enrolled_orang": 1.0,  # (its licence, ENROL_LICENCE, says how sure)
    "worker.table_row_unit": 1.0,
    "worker.compared_orang": 1.0,  # (its licence, REVISED_LICENCE, says how sure)
    "worker.per_place": 1.0,  # (its licence, PER_PLACE_LICENCE, says how sure)
    "worker.summed_total": 1.0,  # (its licence, TOTAL_LICENCE, says how sure)
    "worker.answer_orang": 1.0,  # (its licence: the question's noun, times ANSWER_FACTOR)
    "worker.summed_list": 1.0,  # (its licence: the whole count's confidence, times PART_FACTOR)
    "worker.working_residents": 1.0,  # (its noun's confidence: RESIDENT_CONFIDENCE)
    "worker.enrolled_residents": 1.0,  # (its noun's confidence: RESIDENT_CONFIDENCE)
    "worker.quota_orang": 1.0,  # (its licence: QUOTA_LICENCE)
}
GAP_CHARS = 120  # characters between two worker counts of a list with a bare number between
PART_WINDOW = 100  # tokens after a worker count searched for the parts that add up to it
PARTS_BEFORE_CHARS = 200  # characters from the last of the parts before a total to the total
LIST_BREAKS = frozenset({":", ";"})  # a line break after one stays inside a sentence's list
LIST_PARTS = 3  # "N orang" in a list that adds up to a worker count named before it, at least
TOTAL_LICENCE = 0.75  # "N orang" that worker counts after it add up to
ANSWER_FACTOR = 0.8  # an answer's "N orang", its unit named in the question before it
APPOSED_NUMBER = 4  # tokens of a number at most ("19 ribu") before the "orang" of an apposition
RESTATED_WORDS = 3  # words at most between a restated whole's number and its comma ("dari 31 ribu itu,")
LOOSE_PARTS = 3  # numbers before words that are no part words may be parts only in a run this long,
# after an elaboration word ("terdiri atas 186 pendeta, ...")
OTHERS_WORD = "lainnya"  # "sedangkan 2.330 lainnya": the rest of the workers just counted
PART_FACTOR = 0.85  # a part of a count, its unit the count's: a little less sure than the count
EVENT_WINDOW = 8  # tokens searched before an attendance word for the event
EVENT_HEAD, CLAUSE_WINDOW = 3, 30  # the first words of a clause before ", diikuti N peserta" and its length at most
HEAD_WORDS = 3  # words of a count of heads joined before another ("20 camat dan 299 kepala pekon")
ATTENDED_UNITS = frozenset({"peserta", "anggota"})  # units (their first word: "anggota BPD") an attendance
# word makes an event's headcount
# Counts whose unit a bare number listed before them shares ("600 dan 450 pengemudi", "masing-masing
# 3.210 dan 2.480 orang"), and that a number before "dari" or "menjadi" is compared with ("9.412 dari
# 38 ribu pekerja", "dari 5.000 menjadi 15.000 orang").
SHARING_RULES = frozenset({"worker.number_unit", "worker.number_orang_unit", "worker.context_orang"})
SUBSET_ROLES = ("subset_after", "subset_before", "subset_including", "subset_contrast")  # number_context.csv: "N di antaranya",
# "Dari jumlah itu, N", "termasuk N orang"
CONTEXT_ROLES = {"recipient": "programme", "member": "union", "volunteer": "insurer"}  # nouns.csv: a noun counts workers
ENROLLED = "enrolled"  # nouns.csv: a noun that counts workers only in a sentence naming the insurer
ENROLLED_WINDOW = 40  # tokens between an `enrolled` noun and the insurer named in its sentence
ELABORATION_LINKS = 2  # lower-case words between an elaboration word and the worker noun it names ("terdiri atas")
ELABORATED_FACTOR = 0.9  # an "N orang" named as workers by the elaboration after it
ENROL_GAP = 4  # number_context.csv enrol_gap words allowed between "N orang" and its enrolment verb
ENROL_LINK = 4  # enrol_link words allowed between the verb and the insurer
ENROL_LICENCE = 0.8  # "N orang telah didaftarkan sebagai peserta BPJS Ketenagakerjaan"
# only in an article that names one of the phrases of its context role
RATIO_BASE = 10  # "N dari M" is a ratio when M is this small or a power of ten
RATIO_MAX = 10  # "N dari M pekerja" is a ratio ("satu dari lima pekerja") when N is at most this
CACHE_SIZE = 8192  # runs of number tokens whose reading is remembered


def _phrase_index(nlp: Language, phrases) -> dict[int, list[tuple[int, ...]]]:
    """Phrases ("di antaranya", "hingga") as tuples of lower-case word hashes, by their last
    word, longest first ("yang tercatat sebagai" before "tercatat sebagai")."""
    index: dict[int, list[tuple[int, ...]]] = {}
    for text in phrases:
        phrase = tuple(nlp.vocab.strings.add(t.lower_) for t in nlp.make_doc(text))
        index.setdefault(phrase[-1], []).append(phrase)
    return {last: sorted(found, key=len, reverse=True) for last, found in index.items()}


def _phrase_before(doc: Doc, end: int, index: dict[int, list[tuple[int, ...]]]) -> int:
    """Length of the first phrase of `index` that ends just before token `end` and does not
    start the doc, or 0."""
    for words in index.get(doc[end - 1].lower, ()):
        j = end - len(words)
        if j > 0 and all(doc[j + n].lower == w for n, w in enumerate(words)):
            return len(words)
    return 0


class Count(NamedTuple):
    """What the number tokens before a unit write, from their texts alone (_read_count)."""

    quantity: Quantity
    value: int  # quantity.as_int()
    offset: int  # index of the count's first token among them
    text: str  # that token's text
    year: bool  # it looks like a year ("2023"): a count only after a quantity cue
    range: tuple[str, str] | None  # "100-150": the texts of both ends, in that token
    high: Quantity | None  # the high end of that range, with the scale after it


# A count read before its unit, as _number returns it (a plain tuple: one is made per
# anchor): (its Count, index of its first token, that token, the token before it or None).
Reading = tuple[Count, int, Token, "Token | None"]


class WorkerCountReader:
    """Built once from the shared nlp; then a pure function of a doc."""

    def __init__(self, nlp: Language) -> None:
        strings = self.strings = nlp.vocab.strings  # words are compared by their hashes
        self.grammar = NumberGrammar.load()
        rows = read_csv(HERE / "nouns.csv")
        contexts = {label: [r["phrase"] for r in rows if r["role"] == label] for label in CONTEXT_ROLES.values()}
        rows = [r for r in rows if r["role"] not in contexts]
        self.nouns = NounTable(nlp, rows)
        context = read_csv(HERE / "number_context.csv")

        def words(role: str) -> frozenset[int]:
            return frozenset(strings.add(r["word"]) for r in context if r["role"] == role)

        self.reference, self.quantity_cues = words("reference"), words("quantity")
        self.short_reference = words("short_reference")
        self.casualties = words("casualty")
        self.not_subset = self.casualties | words("percent") | words("business") | words("place_word")  # ("Sisanya
        # 153 desa belum menganggarkan": places)
        self.sufferings = words("suffering")
        self.shares = words("percent")  # a table column of shares, not of counts
        self.origins = words("origin")  # "41 di antaranya warga Dolo Barat": residents, still workers
        self.subset_adverbs = words("subset_adverb")
        self.ordinals = words("ordinal")
        self.total_words = words("total_word")
        self.fillers, self.heads, self.links = words("filler"), words("head"), words("link")
        self.own_heads = frozenset(strings.add(r["word"] + "nya") for r in context if r["role"] == "head")  # "jumlahnya"
        self.approx, self.follow, self.list_words = words("approx"), words("follow"), words("list")
        self.targets, self.changes = words("target"), words("change")
        self.formerly = words("formerly")
        self.recap_words, self.breakdown_words = words("recap"), words("breakdown")
        self.money_title_words = words("money_title")
        self.months = frozenset(strings.add(form) for form in month_forms())
        self.contrasts, self.achieved = words("contrast"), words("achieved")
        self.attendance, self.events = words("attendance"), words("event")
        self.attendance_gap = self.approx | {strings.add("oleh")}  # "diikuti oleh sekitar 300 peserta"
        self.suffixes, self.partitives = words("suffix"), words("partitive")
        self.demonstratives, self.anaphors = words("demonstrative"), words("anaphor")
        self.anaphor_gaps = words("anaphor_gap")
        self.companions = words("companion")
        self.companion_units = frozenset(r["word"] for r in context if r["role"] == "companion_unit")
        self.elaborations, self.others = words("elaboration"), words("other")
        self.topics = words("topic")
        self.part_follow = words("part") | frozenset(strings.add(w) for w in (*CLAUSE_BREAKS, ")"))
        self.bullets = frozenset(strings.add(w) for w in BULLETS)
        self.unit_openers = self.heads | {strings.add(w) for w in SENTENCE_ENDS} | self.bullets
        self.clause_breaks = frozenset(strings.add(w) for w in CLAUSE_BREAKS)
        self.sentence_ends = frozenset(strings.add(w) for w in (".", "!", "?"))
        self.currencies = frozenset(strings.add(w) for w in CURRENCIES)
        self.money_headings = self.currencies | (self.money_title_words - {strings.add("dana")})  # money in a
        # table's header, but not a "Dana Desa" column: the workers that fund pays for
        # the counting word for people and its spellings ("18.200 org" in a chat message)
        self.orangs = frozenset(strings.add(r["phrase"]) for r in rows if r["role"] == "classifier")
        self.target_follow = self.clause_breaks | self.orangs | {strings.add("(")}  # after a target's number
        self.colon = strings.add(":")
        self.dashes = frozenset(strings.add(w) for w in DASHES)
        self.dari = strings.add("dari")
        self.dan = strings.add("dan")
        self.atau = strings.add("atau")
        self.orang = strings.add("orang")
        self.di = strings.add("di")
        self.yangs = frozenset(strings.add(w) for w in ("yang", "yg"))
        self.becomes = strings.add("menjadi")
        self.revisions = words("revision")  # "menjadi", "jadi": before a quota's new number
        self.compared, self.compared_adverbs = words("compared"), words("compared_adverb")
        self.compared_verbs = words("compared_verb")
        self.share_openers, self.share_places, self.floors = words("share_opener"), words("share_place"), words("floor")
        self.revised_heads = self.heads | self.anaphors | self.targets
        self.others_word = strings.add("lainnya")
        self.list_joiners = frozenset({self.dan, strings.add("serta")})
        self.change_follow = self.target_follow | words("change_follow") | (  # after "naik dari N": "pada
            self.follow - self.list_joiners - {strings.add(w) for w in ("atau", "dari", "dengan")})  # tahun lalu", not "dan"
        self.row_ends = frozenset(strings.add(w) for w in (";", ","))
        self.row_closers = self.clause_breaks | self.list_joiners  # after a row's "N orang"
        spelled = {strings.add(w) for w in self.grammar.spelled_words()}
        exact, folded = self.grammar.spelled_forms()  # number and scale words, as is_spelled
        self.spelled_exact = frozenset(strings.add(w) for w in exact)
        self.spelled_folded = frozenset(strings.add(w) for w in folded)
        self.hyphen = strings.add("-")
        self.open_paren, self.close_paren = strings.add("("), strings.add(")")
        self.glue = frozenset(strings.add(w) for w in GLUE)
        self.comma = strings.add(",")
        self.copulas = _phrase_index(nlp, (r["word"] for r in context if r["role"] == "copula"))
        self.before_unit = self.fillers | self.orangs | {strings.add("(")} | spelled | set(self.copulas)  # may stand
        # just before a unit ("(" before a table header's "orang)")
        self.neighbours = self.before_unit | self.unit_openers | self.suffixes  # of an anchor read
        self.range_words = _phrase_index(nlp, (r["word"] for r in read_csv(NUMBERS / "range_words.csv")))
        # Anchors: the first word of every unit phrase (NounTable.at finds the longest).
        anchors = {nlp.make_doc(r["phrase"])[0].text for r in rows if r["role"] in ("unit", "classifier", ENROLLED, *CONTEXT_ROLES)}
        anchors |= {r["phrase"] + POSSESSIVE for r in rows  # a one-word unit with -nya: "nelayannya"
                    if r["role"] == "unit" and len(nlp.make_doc(r["phrase"])) == 1}
        subsets = {role: [r["word"] for r in context if r["role"] == role] for role in SUBSET_ROLES}
        occupations = {role: [r["word"] for r in context if r["role"] == role] for role in ("occupation", "occupation_unit")}
        possessives = [r["word"] for r in context if r["role"] == "possessive"]
        enrolling = {role: [r["word"] for r in context if r["role"] == role]
                     for role in ("enrolling", "funding", "enrolled_after")}
        self.matcher = build_phrase_matcher(nlp, {"anchor": sorted(anchors), **contexts, **subsets,
                                                  **occupations, "possessive": possessives, **enrolling})
        self.occupation, self.possessive = strings.add("occupation"), strings.add("possessive")
        self.enrolling, self.funding = strings.add("enrolling"), strings.add("funding")
        self.enrolled_after = strings.add("enrolled_after")
        self.beneficiaries, self.health_words, self.needy = words("beneficiary"), words("health"), words("needy")
        self.legislatures, self.quota_words = words("legislature"), words("quota")
        self.share_verbs, self.quota_receivers = words("share_verb"), words("quota_receive")
        self.schemes = words("scheme")
        self.earlier_times = frozenset(r["word"] for r in context if r["role"] == "earlier_time")
        self.additions, self.additions_end = words("addition"), words("addition_end")
        self.enrolled_members = words("enrolled_member")
        self.occupation_unit = strings.add("occupation_unit")
        self.residents, self.resident_gaps = words("resident"), words("resident_gap")
        self.cue_gaps, self.place_words = words("cue_gap"), words("place_word")
        self.payers = words("payer")
        self.status_words = words("status_column")
        self.enrol_verbs, self.enrol_gaps, self.enrol_links = words("enrol"), words("enrol_gap"), words("enrol_link")
        self.subset_labels = {strings.add(role): role for role in SUBSET_ROLES}
        self.context_roles = {strings.add(label): role for role, label in CONTEXT_ROLES.items()}
        self.insurer = strings.add(CONTEXT_ROLES["volunteer"])
        self._read_count = lru_cache(maxsize=CACHE_SIZE)(self._read_count)

    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]:
        hits: list[Hit] = []
        unsaid: list[tuple[Reading, int]] = []  # "N orang" whose clause says nothing: maybe a total
        recipients: list[tuple[Reading, int, Noun]] = []  # "N penerima" outside a programme: maybe a total
        tables: list[list[tuple[int, int, int]]] = []  # rows of "(orang):" tables, not yet licensed
        done = 0  # tokens before this index belong to a unit already read
        matches = self.matcher(doc)
        roles = self.context_roles
        licensed = frozenset(roles[label] for label, _, _ in matches if label in roles)  # "recipient", "member"
        insurers = [start for label, start, _ in matches if label == self.insurer]  # in text order
        subsets = [(self.subset_labels[label], start, end) for label, start, end in matches if label in self.subset_labels]
        occupations = [start for label, start, end in matches if label == self.occupation or (
            label == self.occupation_unit and self._occupation_starts_at(doc, end))]
        possessed = [start for label, start, _ in matches if label == self.possessive]
        enrollers = [(end, label == self.funding) for label, start, end in matches
                     if label == self.enrolling or label == self.funding] if insurers else []
        enrolled = [start for label, start, _ in matches if label == self.enrolled_after] if insurers else []
        for label, start, _ in in_text_order(matches):
            if start < done or label in roles or label in self.subset_labels \
                    or label in (self.occupation, self.occupation_unit, self.possessive, self.enrolling, self.funding,
                                 self.enrolled_after):
                continue
            if start:
                prev = doc[start - 1]
                lower = prev.lower
                glossed = lower == self.close_paren and self._gloss_start(doc, start - 1) is not None
                if not (prev.like_num or prev.is_space or lower in self.neighbours or glossed):
                    continue  # the common case: a plain word before the noun
                suffixed = lower in self.suffixes and self._suffixed(doc, start)
                after_number = prev.like_num or lower in self.before_unit or suffixed or glossed
                before_number = lower in self.unit_openers or prev.is_space
                if not (after_number or before_number):
                    continue
            else:
                prev, suffixed, after_number, before_number = None, False, False, True
            noun = self.nouns.at(doc, start)
            if noun is not None and (noun.role in licensed or (
                    noun.role == ENROLLED and self._insured_sentence(doc, start, insurers)) or (
                    noun.role == "member" and self._enrolled_later(doc, start, insurers))) \
                    and not (noun.role == "member" and self._legislature_others(doc, start + noun.length)):
                noun = noun._replace(role="unit")
            if noun is not None and noun.role == "recipient" and after_number:
                got = self._number(doc, start, prev)
                if got is not None:
                    recipients.append((got, start, noun))
            if noun is None or noun.role not in ("unit", "classifier"):
                continue
            done = start + noun.length
            new = []
            if after_number:
                new = self._unit(doc, start, noun, prev, suffixed) if noun.role == "unit" else \
                    self._classifier(doc, start, prev, hits[-1] if hits else None, unsaid, tables, licensed, insurers)
            if not new and before_number and noun.role == "unit":
                new = self._unit_then_number(doc, start, noun)
            hits.extend(new)
        for table in pipe_tables(doc):
            hits.extend(self._pipe_column(doc, table, licensed, hits))
        if possessed:
            hits.extend(self._possessed_counts(doc, possessed, licensed))
        if occupations:
            hits.extend(self._working_residents(doc, occupations))
        if enrolled:
            hits.extend(self._working_residents(doc, enrolled, "worker.enrolled_residents"))
        if enrollers:
            hits.extend(self._enrolled_residents(doc, enrollers, {hit.start for hit in hits}))
        if unsaid:
            answered = self._answered(doc, unsaid, licensed)
            if answered:
                hits.extend(answered)
                starts = {hit.start for hit in answered}
                unsaid = [u for u in unsaid if u[0][2].idx not in starts]
        if hits:
            hits.extend(self._shared_units(doc, hits))
            hits.extend(self._compared_counts(doc, hits))
            hits.extend(self._targets(doc, hits))
            subsets += self._partitive_wholes(doc, hits)
            if subsets:
                hits.extend(self._subsets(doc, hits, subsets, (*found.get("date", ()), *found.get("amount", ()))))
            hits.extend(self._list_gaps(doc, hits))
            hits.extend(self._list_tails(doc, hits))
            hits.extend(self._summed_parts(doc, hits, context.text if context is not None and context.text else doc.text))
            hits.extend(self._summed_rows(doc, hits, licensed, found))
            if unsaid or recipients:
                hits.extend(self._summed_totals(doc, hits, unsaid, recipients))
            if unsaid:
                hits.extend(self._summed_list(doc, hits, unsaid))
            if tables:
                hits.extend(_summed_tables(hits, tables))
            if context is not None and context.text and OTHERS_WORD in context.text:
                hits.extend(self._bare_others(doc, hits))
        if unsaid:
            hits.extend(self._place_rows(doc, hits, unsaid, licensed))
            hits.extend(self._quota_counts(doc, hits, unsaid))
        return _outside(_one_per_number(hits), found.get("amount", ()))

    def _shared_units(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """"sekitar 600 dan 450 pengemudi", "1.200, 800 dan 450 pekerja": bare numbers listed
        right before a worker count ("dan", "serta" or a comma between) count in its unit,
        when of the same order of magnitude."""
        new: list[Hit] = []
        counted = {hit.start for hit in hits}
        for hit, span in _spans(doc, hits, SHARING_RULES):
            first, value = span.start, hit.fields["value"]
            while first >= 2 and (doc[first - 1].lower in self.list_joiners or doc[first - 1].orth == self.comma):
                got = self._number(doc, first - 1)
                if got is None or got[0].range is not None or got[0].year or got[2].idx in counted:
                    break
                if not _within_tenfold(got[0].value, value):
                    break
                joiner = doc[first - 1]
                end = doc[first - 2]
                counted.add(got[2].idx)
                new.append(Hit("worker_count", got[2].idx, end.idx + len(end), "worker.shared_unit",
                               round(hit.confidence * PART_FACTOR, 3), {"value": got[0].value, "unit": hit.fields["unit"]}))
                first = got[1]
                if joiner.orth != self.comma and not (first >= 1 and doc[first - 1].orth == self.comma):
                    break
        return new

    def _compared_counts(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """"baru 9.412 dari sekitar 38 ribu pekerja": a bare number before "dari" and a worker
        count counts some of them, in its unit; "dari 5.000 menjadi 15.400 pekerja": a bare
        number before "menjadi" (after "dari") counts the same workers at another time, when of
        the same order of magnitude; so does one after "tetapi yang tercapai (baru)": the
        workers reached of it ("target kami 50.000 orang, tetapi yang tercapai baru 31.000")."""
        new: list[Hit] = []
        counted = {hit.start for hit in hits}
        for hit, span in _spans(doc, hits, SHARING_RULES):
            k, value = span.start, hit.fields["value"]
            while k > 0 and doc[k - 1].lower in self.approx and doc[k - 1].lower != self.dari:
                k -= 1
            if k < 2 or doc[k - 1].lower not in (self.dari, self.becomes):
                continue
            got = self._number(doc, k - 1)
            if got is None or got[0].range is not None or got[0].year or got[2].idx in counted:
                continue
            other = got[0].value
            if doc[k - 1].lower == self.dari:
                fits = other < value
            else:
                fits = got[1] > 0 and doc[got[1] - 1].lower == self.dari and _within_tenfold(other, value)
            if fits:
                counted.add(got[2].idx)
                end = doc[k - 2]
                new.append(Hit("worker_count", got[2].idx, end.idx + len(end), "worker.compared",
                               round(hit.confidence * PART_FACTOR, 3), {"value": other, "unit": hit.fields["unit"]}))
        return new

    def _targets(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """"121.540 tenaga kerja dari target 128.000 (94,95 persen)": a larger bare number (or
        "N orang") after a worker count, "dari" and a target word counts the workers planned,
        in the count's unit (also after "yang" and an `achieved` verb: "38.400 pekerja yang
        terlindungi, dari potensi 210 ribu orang"); "28.400 pekerja rentan, naik dari 19.000
        pada tahun lalu", "85.000 orang, dari sebelumnya 62.500 orang": a bare number (or "N
        orang") after a change verb and "dari", or after "dari sebelumnya/semula", counts the
        same workers at another time, when of the same order of magnitude."""
        new: list[Hit] = []
        n, counted = len(doc), {hit.start for hit in hits}
        for hit, span in _spans(doc, hits, SHARING_RULES):
            k = span.end
            reached = k + 1 < n and doc[k].lower in self.yangs and doc[k + 1].lower in self.achieved
            if reached:  # "38.400 pekerja yang terlindungi, dari potensi 210 ribu orang"
                k += 2
            if k < n and doc[k].orth == self.comma:
                k += 1
            if k + 2 >= n:
                continue
            if doc[k].lower == self.dari and doc[k + 1].lower in self.targets and (k == span.end or reached):
                rule, follow = "worker.target", self.target_follow
            elif (doc[k].lower in self.changes and doc[k + 1].lower == self.dari) or (
                    doc[k].lower == self.dari and doc[k + 1].lower in self.formerly):  # "dari sebelumnya"
                rule, follow = "worker.changed", self.change_follow
            elif doc[k].lower in self.contrasts and doc[k + 1].lower in self.yangs and doc[k + 2].lower in self.achieved:
                rule, follow = "worker.achieved", self.change_follow
                k += 1
            else:
                continue
            k += 2
            if rule == "worker.achieved":  # who pays: "sedangkan yang dibiayai CSR sekitar 3.600 orang"
                funder = k
                while k < n and k - funder < FUNDER_WORDS and doc[k].text[:1].isupper() \
                        and doc[k].is_alpha and doc[k].lower not in self.currencies:
                    k += 1
            while k < n and (doc[k].lower in self.approx or (rule == "worker.achieved" and doc[k].lower in self.subset_adverbs)):
                k += 1
            if k >= n or not self._is_numberish(doc[k]):
                continue
            got, after = self._number_from(doc, k)
            if got is None or got[0].range is not None or got[0].year or got[2].idx in counted:
                continue
            value, other = hit.fields["value"], got[0].value
            if not (other > value if rule == "worker.target" else _within_tenfold(other, value)):
                continue
            follower = doc[after] if after < n else None
            if follower is not None and not (follower.is_space or follower.lower in follow):
                continue  # "dari target 40 perusahaan", "naik dari 19.000 perusahaan"
            counted.add(got[2].idx)
            end = doc[after - 1]
            new.append(Hit("worker_count", got[2].idx, end.idx + len(end), rule,
                           round(hit.confidence * PART_FACTOR, 3), {"value": other, "unit": hit.fields["unit"]}))
        return new

    def _answered(self, doc: Doc, unsaid: list[tuple[Reading, int]], licensed: frozenset[str]) -> list[Hit]:
        """An interview's answer: "Tanya: Berapa PMI yang sudah dideportasi tahun ini? / Jawab:
        ... tercatat 1.478 orang.": an "N orang" whose clause says nothing counts in the unit
        of the question just before its paragraph (a line ending in "?" naming workers)."""
        new: list[Hit] = []
        for got, orang in unsaid:
            line = self._line_start(doc, got[1], len(doc))
            if line < 2 or doc[line - 2].text != "?":  # the question: the line before, ending in "?"
                continue
            noun = self._question_noun(doc, self._line_start(doc, line - 2, len(doc)), line - 1, licensed)
            if noun is not None:
                noun = Noun("unit", "orang", round(noun.confidence * ANSWER_FACTOR, 3), 1)
                new.extend(self._count(doc, got, orang, orang + 1, noun, "worker.answer_orang"))
        return new

    def _question_noun(self, doc: Doc, start: int, end: int, licensed: frozenset[str]) -> Noun | None:
        """The first worker unit named in tokens start..end, if no "never" noun comes first."""
        for i in range(start, end):
            if doc[i].lower in self.nouns.first_words:
                noun = self.nouns.at(doc, i)
                if noun is not None and noun.role in licensed:
                    noun = noun._replace(role="unit")
                if noun is not None and noun.role in ("unit", "never"):
                    return noun if noun.role == "unit" else None
        return None

    def _subsets(self, doc: Doc, hits: list[Hit], subsets: list[tuple[str, int, int]], figures) -> list[Hit]:
        """"sekitar 21.400 pengemudi ojol ... Baru 6.200 orang di antaranya yang tercatat", "1,25
        juta pekerja formal. Dari jumlah itu, lebih dari 410 ribu bekerja di ...", "26 pekerja
        ..., tetapi hanya 11 orang yang didaftarkan": a number (bare or "N orang") before "di
        antaranya" or after "Dari jumlah itu," or "tetapi hanya" is part of the worker count
        before it, and counts in its unit: the nearest count, ending at most PARTS_BEFORE_CHARS
        before it with no other number between (but a date's or an amount's, the `figures`),
        and a larger one. Not when a noun, a casualty word, a business's verb or a percent
        follows ("612 klaim", "dua di antaranya meninggal", "sembilan di antaranya bergerak di
        bidang sawit", "Dari angka itu, 68 persen ..."), nor when a casualty word stands
        between the count and its part ("empat nelayan yang meninggal, dua di antaranya ...")."""
        ordered = sorted(hits, key=attrgetter("start"))
        ends = [hit.end for hit in ordered]
        counted = {hit.start for hit in hits if hit.fields["unit"] != "orang"}  # (a subset names the unit
        new: list[Hit] = []  # of an "N orang" read already: _one_per_number keeps it)
        for role, start, end in subsets:
            if role == "subset_after" and start > 1 and doc[start - 1].lower in self.shares:
                role, end = "subset_before", self._share_glossed(doc, end)  # "38 persen di antaranya atau 695 orang"
                if end is None:
                    continue
            if role == "subset_after":  # "6.200 orang di antaranya"
                k = start - 1 if start > 1 and doc[start - 1].lower in self.orangs else start
                got, last = (self._number(doc, k) if k > 0 else None), doc[start - 1]
            else:  # "Dari jumlah itu, lebih dari 410 ribu bekerja", "termasuk 23.420 orang"
                i = end + 1 if end < len(doc) and doc[end].orth == self.comma else end
                while i < len(doc) and (doc[i].lower in self.approx or doc[i].lower in self.subset_adverbs):
                    i += 1
                got, k = self._number_from(doc, i)
                last = doc[k] if got is not None and k < len(doc) and doc[k].lower in self.orangs else doc[k - 1]
            if got is None or got[0].range is not None or got[2].idx in counted:
                continue
            after = k + 1 if role != "subset_after" and last.lower in self.orangs else (end if role == "subset_after" else k)
            noun = self.nouns.at(doc, after) if after < len(doc) else None
            registered = role == "subset_contrast" and self._registered_at(doc, after)
            if role in ("subset_including", "subset_contrast") and not (
                    last.lower in self.orangs or (noun is not None and noun.role == "unit") or registered):
                continue  # "termasuk 23.420 orang", "baru 2.860 yang terdaftar"; not "termasuk 16 digit NIK"
            if role == "subset_contrast" and self._past_enrol_verb(doc, after) is None and not registered:
                continue  # "tetapi hanya 11 orang yang didaftarkan"; not "... yang terluka"
            if noun is not None and noun.role == "never" and doc[after].lower not in self.origins \
                    or after < len(doc) and doc[after].lower in self.not_subset or self._suffered(doc, after):
                continue  # "dua di antaranya meninggal", "612 klaim sudah dibayar": not a count of workers
            first_char = got[2].idx
            w = bisect_right(ends, first_char)
            whole = ordered[w - 1] if w else None
            if whole is None or first_char - whole.end > PARTS_BEFORE_CHARS or got[0].value >= whole.fields["value"]:
                continue
            between = doc.char_span(whole.end, first_char, alignment_mode="expand")
            if between is None or any(t.like_num and not _inside(t.idx, figures) and self._may_be_whole(doc, t.i, got[0].value)
                                      for t in between):
                continue  # (not "dari tiga perusahaan ..., 864 di antaranya": three cannot hold 864)
            if any(t.lower in self.casualties for t in between):
                continue  # "empat nelayan yang meninggal saat melaut, dua di antaranya ...": casualties
            if self._rival_whole(doc, whole.start, between.start, got[0].value):
                continue
            counted.add(first_char)
            new.append(Hit("worker_count", first_char, last.idx + len(last), "worker.subset",
                           round(whole.confidence * PART_FACTOR, 3), {"value": got[0].value, "unit": whole.fields["unit"]}))
        return new

    def _suffered(self, doc: Doc, k: int) -> bool:
        """Whether a suffering verb and a casualty word stand at token k ("mengalami patah tulang")."""
        return k + 1 < len(doc) and doc[k].lower in self.sufferings and doc[k + 1].lower in self.casualties

    def _share_glossed(self, doc: Doc, end: int) -> int | None:
        """After "38 persen di antaranya" (ending before token `end`), the token that an "atau"
        glossing the share in people ends before, a comma allowed before it ("..., atau
        sekitar 129.300 orang"); None if no such "atau" follows. The count after it is then
        read as after "Dari jumlah itu"."""
        if end < len(doc) and doc[end].orth == self.comma:
            end += 1
        if end + 1 >= len(doc) or doc[end].lower != self.atau:
            return None
        return end + 1 if doc[end + 1].like_num or doc[end + 1].lower in self.approx else None

    def _rival_whole(self, doc: Doc, whole: int, end: int, part: int) -> bool:
        """Whether the sentence of the whole (starting at character `whole`, ending at token
        `end`) counts things ("never" nouns) before it in a number that may hold the part as
        well: "1.240 perusahaan ... mempekerjakan 1,1 juta pekerja. Sepanjang tahun ini, 37 di
        antaranya sudah memindahkan ..."."""
        for k in range(self._sentence_start(doc, end - 1), end - 1):
            if doc[k].idx >= whole:
                break
            if doc[k].like_num:
                got, after = self._number_from(doc, k)
                if got is not None and got[0].value >= part and after < len(doc):  # (as _may_be_whole)
                    noun = self.nouns.at(doc, after)
                    if noun is not None and noun.role == "never":
                        return True
        return False

    def _may_be_whole(self, doc: Doc, i: int, part: int) -> bool:
        """Whether the number at token i may be what a subset of `part` is taken from (it is
        not smaller than the part; not a year: "25.000 pemanen terdaftar hingga akhir 2025, dengan
        15 ribu di antaranya ...")."""
        got, _ = self._number_from(doc, i)
        return got[0].value >= part if got is not None else not is_year(doc[i].text)

    def _working_residents(self, doc: Doc, occupations: list[int], rule: str = "worker.working_residents") -> list[Hit]:
        """"320 warganya bekerja sebagai nelayan", "146 warganya yang kini bekerja sebagai
        pemanen", "4.800 warga Sangihe bekerja sebagai nelayan", "delapan ribu warga NTT bekerja
        di Malaysia": residents counted (of a place named in capitals), then said to work (the
        occupation phrase at each token of `occupations`), are workers. So are residents then
        said to be enrolled (rule worker.enrolled_residents: "64 warga yang didaftarkan", "35
        warga yang kami daftarkan"; the caller checks that the article names the insurer), but
        not near a health scheme."""
        hits = []
        for at in occupations:
            k = at - 1
            while k > 0 and at - k <= 4 and doc[k].lower not in self.residents and (
                    doc[k].lower in self.resident_gaps or doc[k].is_title or doc[k].is_upper):
                k -= 1
            if k < 1 or doc[k].lower not in self.residents:
                continue
            got = self._number(doc, k)
            if got is not None and not got[0].year \
                    and not (rule == "worker.enrolled_residents" and self._health_nearby(doc, k)):
                unit = _resident_unit(doc[k].lower_)
                unit = "penduduk bekerja" if unit == "penduduk" else unit  # as the unit phrase
                hits.extend(self._count(doc, got, k, k + 1, Noun("unit", unit, RESIDENT_CONFIDENCE, 1), rule))
        return hits

    def _enrolled_residents(self, doc: Doc, enrollers: list[tuple[int, bool]], counted: set[int]) -> list[Hit]:
        """"desanya mendaftarkan 45 warga", "menganggarkan iuran BPJS Ketenagakerjaan bagi 85
        warga", "koperasinya menanggung iuran bagi 1.450 anggota": residents (or members) right
        after an enrolling word, or after a beneficiary word that follows a funding word in its
        clause (`enrollers`: the token after each such word, and whether it funds), are
        participants, in an article that names the insurer (the caller checks); not the poor
        ("warga miskin"), nor near a health scheme ("PBI daerah untuk sekitar 6 ribu warganya")."""
        hits, n = [], len(doc)
        for k, funding in enrollers:
            if funding:
                reach = min(n, k + FUNDING_REACH)
                while k < reach and doc[k].lower not in self.beneficiaries and doc[k].lower not in self.clause_breaks:
                    k += 1
                if k == reach or doc[k].lower not in self.beneficiaries:
                    continue
                k += 1
            while k < n and doc[k].lower in self.approx:
                k += 1
            if k >= n or not self._is_numberish(doc[k]):
                continue  # (most enrolling and funding words: no number after them)
            got, end = self._number_from(doc, k)
            if got is None or got[0].year or end >= n or doc[k].idx in counted:
                continue
            member = doc[end].lower in self.enrolled_members
            if not (member or doc[end].lower in self.residents) \
                    or end + 1 < n and doc[end + 1].lower in self.needy or self._health_nearby(doc, end):
                continue
            unit = "anggota" if member else _resident_unit(doc[end].lower_)
            hits.extend(self._count(doc, got, end, end + 1, Noun("unit", unit, RESIDENT_CONFIDENCE, 1),
                                    "worker.enrolled_residents"))
        return hits

    def _health_nearby(self, doc: Doc, i: int) -> bool:
        """Whether the sentence of token i or the one before names a health scheme ("... iuran
        JKN segmen PBI daerah. Pemprov menyiapkan Rp157,2 miliar untuk iuran 312 ribu warga")."""
        start = self._sentence_start(doc, i)
        return self._health_sentence(doc, i) or (start > 1 and self._health_sentence(doc, start - 2))

    def _health_sentence(self, doc: Doc, i: int) -> bool:
        """Whether the sentence of token i (LIST_WINDOW tokens each way at most) names a health scheme."""
        k = self._sentence_start(doc, i)
        while k < len(doc) and k - i < LIST_WINDOW and (k <= i or not self._ends_sentence(doc[k])):
            if doc[k].lower in self.health_words:
                return True
            k += 1
        return False

    def _partitive_wholes(self, doc: Doc, hits: list[Hit]) -> list[tuple[str, int, int]]:
        """"Dari 6.842 calon PMI tadi, 6.311 sudah terdaftar": a worker count after a partitive
        word, before a comma, opens a subset (as "Dari jumlah itu," does): (role, its first
        token, the comma). So does any worker count whose comma is followed by a share said to
        be enrolled ("sekitar 41 ribu nelayan tradisional, baru 9.870 yang terdaftar"). A place
        may stand between the count and its comma ("290 ribu pekerja informal di Maluku,")."""
        opened = []
        for _, span in _spans(doc, hits):
            comma = self._count_comma(doc, span.end)
            if comma is None:
                continue
            if span.start > 0 and doc[span.start - 1].lower in self.partitives:
                opened.append(("subset_before", span.start - 1, comma))
            elif self._enrolled_share(doc, comma + 1):
                opened.append(("subset_before", span.start, comma))
        return opened

    def _count_comma(self, doc: Doc, k: int) -> int | None:
        """The comma closing a worker count that ends at token k: right after it, after a
        demonstrative ("tadi"), or after "di" and up to three capitalised words; with up to
        two lower-case words first ("41 ribu nelayan tradisional,")."""
        n, first = len(doc), k
        while k < n and k - first < 2 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower != self.di:
            k += 1
        if k < n and doc[k].lower in self.demonstratives:
            k += 1
        elif k + 1 < n and doc[k].lower == self.di and doc[k + 1].is_title:
            place = k + 1
            k = place
            while k < n and k - place < 3 and doc[k].is_title:
                k += 1
        return k if k < n and doc[k].orth == self.comma else None

    def _enrolled_share(self, doc: Doc, i: int) -> bool:
        """Whether tokens from i are a subset adverb, a bare number and "yang" with an
        enrolment verb ("baru 9.870 yang terdaftar", "hanya 38.714 yang sudah terlindungi")."""
        n = len(doc)
        if i >= n or doc[i].lower not in self.subset_adverbs:
            return False
        got, k = self._number_from(doc, i + 1)
        if got is None or got[0].range is not None or k >= n or doc[k].lower not in self.yangs:
            return False
        return self._past_enrol_verb(doc, k + 1) is not None

    def _list_gaps(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """"Lotim menanggung 18.000 pekerja, Lombok Barat 9.400, dan Kota Mataram 6.250
        pekerja": a bare number after a capitalised name, in a list between two worker counts
        of one unit (nothing but names, numbers, commas and "dan" between them), counts in
        that unit."""
        new: list[Hit] = []
        ordered = sorted(hits, key=attrgetter("start"))
        for a, c in zip(ordered, ordered[1:]):
            if c.start - a.end > GAP_CHARS or a.fields["unit"] != c.fields["unit"] or c.start <= a.end:
                continue
            left, right = doc.char_span(a.start, a.end), doc.char_span(c.start, c.end)
            if left is None or right is None or left.end >= right.start or doc[left.end].orth != self.comma:
                continue
            conf = round(min(a.confidence, c.confidence) * PART_FACTOR, 3)
            new.extend(Hit("worker_count", start, end, "worker.list_gap", conf, {"value": value, "unit": a.fields["unit"]})
                       for value, start, end in self._named_numbers(doc, left.end, right.start))
        return new

    def _list_tails(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """"... belum terlindungi: Kampar 21.400 orang, Rokan Hulu 18.750, dan Kepulauan Meranti
        1.260.": bare numbers after capitalised names, from a worker count that follows a
        capitalised name to the end of its sentence (nothing but names, numbers, commas and
        "dan" between), count in its unit."""
        new: list[Hit] = []
        for a, span in _spans(doc, hits):
            if span.end < len(doc) and doc[span.end].lower == self.di:
                new.extend(self._placed_tail(doc, a, span.end))
                continue
            if span.start == 0 or span.end >= len(doc) or doc[span.end].orth != self.comma:
                continue
            if not self._after_name(doc, span.start):
                continue
            stop = span.end
            while stop < len(doc) and not doc[stop].is_space and doc[stop].orth not in self.sentence_ends:
                stop += 1
            if stop == len(doc) or any(a.end <= hit.start < doc[stop].idx for hit in hits):
                continue  # no sentence end, or another count before it (a gap, see _list_gaps)
            conf = round(a.confidence * PART_FACTOR, 3)
            new.extend(Hit("worker_count", start, end, "worker.list_tail", conf, {"value": value, "unit": a.fields["unit"]})
                       for value, start, end in self._named_numbers(doc, span.end, stop))
        return new

    def _bare_others(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """"5.120 petani berada di Sanggau, sedangkan 2.330 lainnya di Sekadau": a bare number
        that "lainnya" follows, not yet counted, counts the rest of the workers of the count
        before it in its sentence (LIST_WINDOW tokens at most, no other number between), in its
        unit; a worker unit named right after "lainnya" ("41 lainnya pekerja mandiri", "480
        lainnya petani kakao") makes it a count of that unit, with no count before it needed."""
        new: list[Hit] = []
        ordered = sorted(hits, key=attrgetter("start"))
        counted = {hit.start for hit in hits}
        for k in range(1, len(doc)):
            if doc[k].lower != self.others_word or not self._is_numberish(doc[k - 1]):
                continue
            first = k - 1
            while first > 0 and self._is_numberish(doc[first - 1]):
                first -= 1
            got, end = self._number_from(doc, first, k)
            if got is None or end != k or got[0].range is not None or got[0].year:
                continue
            start = doc[first].idx
            if start in counted:
                continue
            named = self.nouns.at(doc, k + 1) if k + 1 < len(doc) else None
            if named is not None and named.role == "unit":  # "480 lainnya petani kakao": the unit said
                new.append(Hit("worker_count", start, doc[k - 1].idx + len(doc[k - 1]), "worker.others",
                               round(named.confidence * PART_FACTOR, 3), {"value": got[0].value, "unit": named.unit}))
                continue
            last = next((h for h in reversed(ordered) if h.end <= start), None)
            if last is None or not self._same_sentence_run(doc, first, last.end):
                continue
            new.append(Hit("worker_count", start, doc[k - 1].idx + len(doc[k - 1]), "worker.others",
                           round(last.confidence * PART_FACTOR, 3), {"value": got[0].value, "unit": last.fields["unit"]}))
        return new

    def _same_sentence_run(self, doc: Doc, first: int, after: int) -> bool:
        """Whether the tokens before token `first` back to character `after` (LIST_WINDOW at
        most) hold no sentence end, line break or number."""
        i = first - 1
        while i >= 0 and doc[i].idx >= after:
            if first - i > LIST_WINDOW or self._ends_sentence(doc[i]) or self._is_numberish(doc[i]):
                return False
            i -= 1
        return True

    def _placed_tail(self, doc: Doc, a: Hit, k: int) -> list[Hit]:
        """"1.106 penenun di Kabupaten Ende, 688 di Nagekeo, 412 di Ngada dan 236 di Lembata": a
        count placed by "di" and a capitalised name (token k: the "di"), then only items of a
        number, "di" and a capitalised name, joined by commas and "dan", up to the sentence's
        end, each counted in its unit."""
        n, found = len(doc), []
        while True:
            k = self._placed_name_end(doc, k)
            if k is None or k >= n:
                return []
            if doc[k].lower in self.sentence_ends:
                break
            if doc[k].orth != self.comma and doc[k].lower != self.dan:
                return []
            k += 1 + (k + 1 < n and doc[k].orth == self.comma and doc[k + 1].lower == self.dan)
            got, end = self._number_from(doc, k)
            if got is None or got[0].year or got[0].range is not None or end >= n or doc[end].lower != self.di:
                return []
            found.append((got[0].value, doc[k].idx, doc[end - 1].idx + len(doc[end - 1])))
            k = end
        conf = round(a.confidence * PART_FACTOR, 3)
        return [Hit("worker_count", start, end, "worker.list_tail", conf, {"value": value, "unit": a.fields["unit"]})
                for value, start, end in found]

    @staticmethod
    def _placed_name_end(doc: Doc, k: int) -> int | None:
        """The token after "di" (token k) and the capitalised name after it, if there is one."""
        j = k + 1
        while j < len(doc) and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha:
            j += 1
        return j if j > k + 1 else None

    def _after_name(self, doc: Doc, start: int) -> bool:
        """Whether a capitalised name stands before token `start` ("Kampar 21.400 orang"), or
        opens its clause with at most VERB_GAP lower-case words between ("Kabupaten Kupang
        menanggung 3.000 orang": the list after it elides the verb, "TTS 2.500")."""
        j = start - 1
        while j > 0 and start - j <= VERB_GAP and doc[j].is_lower and doc[j].is_alpha:
            j -= 1
        if not (doc[j].is_title or doc[j].is_upper):
            return False
        if j == start - 1:
            return True
        while j > 0 and (doc[j - 1].is_title or doc[j - 1].is_upper):
            j -= 1
        return j == 0 or doc[j - 1].is_space or doc[j - 1].lower in self.sentence_ends

    def _named_numbers(self, doc: Doc, k: int, stop: int) -> list[tuple[int, int, int]]:
        """(value, start, end character) of each number after a capitalised name in tokens
        k..stop, if nothing but names, such numbers, commas and "dan" stand there (no year)."""
        found = []
        while k < stop:
            tok = doc[k]
            if tok.orth == self.comma or tok.lower == self.dan or tok.is_title or tok.is_upper:
                k += 1
                continue
            got, end = self._number_from(doc, k, stop)
            after = doc[end] if end < stop else None
            if got is None or not (doc[k - 1].is_title or doc[k - 1].is_upper) or got[0].year or (
                    after is not None and after.orth != self.comma and after.lower != self.dan):
                return []
            found.append((got[0].value, doc[k].idx, doc[end - 1].idx + len(doc[end - 1])))
            k = end
        return found

    def _summed_parts(self, doc: Doc, hits: list[Hit], text: str) -> list[Hit]:
        """"2.870 orang tercatat sebagai peserta, terdiri atas 1.240 di Malaysia, 980 di Taiwan,
        dan 650 di Hong Kong": bare numbers after a worker count, up to the end of the next
        sentence, that add up to it exactly (two or more in a row, counted ones included) are
        its parts, counted in its unit; so are numbers before other words that are no `never`
        nouns ("186 pendeta"), in a run of LOOSE_PARTS or more after an elaboration word (or
        shorter, when one of them is a worker count already: "598 pekerja wisata, terdiri atas
        186 anggota Balawista dan 412 instruktur selancar"). A whole restated later ("Dari 31
        ribu itu, 14.600 berada di Labuhanbatu, ...") is followed the same way, its run of
        parts opening right after its comma."""
        counted = {hit.start for hit in hits}
        new: list[Hit] = []
        anchors = [(hit, span.end, False) for hit in sorted(hits, key=_plain_orang)  # a count's own noun before "orang"
                   if (span := doc.char_span(hit.start, hit.end)) is not None]
        for hit, after, restated in anchors + self._restated_wholes(doc, hits, text):
            parts = self._parts_after(doc, after, counted, loose=True)
            strict = [part for part in parts if part[3] < 0]
            run = _summing_run([part[0] for part in strict], hit.fields["value"])
            if run is None:  # "terdiri atas 186 pendeta, 2.430 majelis jemaat serta 124 guru PAUD"
                run = _summing_run([part[0] for part in parts], hit.fields["value"])
                if run is None or (run[1] - run[0] < LOOSE_PARTS and not self._vouched(doc, parts[run[0]:run[1]], counted)) \
                        or not (restated and run[0] == 0 or self._elaboration_before(doc, after, parts[run[0]][1])) \
                        or any(word >= 0 and (noun := self.nouns.at(doc, word)) is not None and noun.role == "never"
                               for _, _, _, word in parts[run[0]:run[1]]):  # not "120 desa"
                    continue
            else:
                parts = strict
            conf = round(hit.confidence * PART_FACTOR, 3)
            for value, start, end, _ in parts[run[0]:run[1]]:
                if start not in counted:
                    counted.add(start)
                    new.append(Hit("worker_count", start, end, "worker.summed_part", conf,
                                   {"value": value, "unit": hit.fields["unit"]}))
        return new

    def _restated_wholes(self, doc: Doc, hits: list[Hit], text: str) -> list[tuple[Hit, int, bool]]:
        """(count, token after the comma, True) for each "dari N[ word...]," that restates the
        value N of a worker count before it ("dari 40 ribu kuota Provinsi, sebanyak 15.400 ...");
        `text`: the doc's text (doc.text rebuilds it)."""
        found = []
        first_end = min(hit.end for hit in hits)
        for m in _PARTITIVE_NUMBER.finditer(text, first_end):
            at = m.start() - 1  # the "d" of "dari"
            span = doc.char_span(at, at + 4)
            if span is None:
                continue
            got, k = self._number_from(doc, span.end)
            if got is None or got[0].range is not None or got[2].idx in (hit.start for hit in hits):
                continue  # "Dari 6.842 calon PMI tadi, ...": a count of its own
            value = got[0].value
            same = [hit for hit in hits if hit.end <= at and hit.fields["value"] == value]
            words = k
            while same and k < len(doc) and k - words < RESTATED_WORDS and doc[k].is_alpha:
                noun = self.nouns.at(doc, k)
                if noun is not None and noun.role == "never":
                    same = []  # "dari 5 kabupaten, ...": no workers
                k += 1
            if same and k < len(doc) and doc[k].orth == self.comma:
                found.append((same[-1], k + 1, True))
        return found

    def _summed_rows(self, doc: Doc, hits: list[Hit], licensed: frozenset[str], found: Found) -> list[Hit]:
        """"• Kota Kendari: 6.000" / "• Kabupaten Konawe: 4.500" / "• TOTAL: 10.500 pekerja
        rentan": the "label: N" rows on the lines right above a worker count written as a row
        itself count in its unit when the nearest two or more of them add up to it exactly
        and each names a place or workers, or some of them are worker counts already; rows
        ending "orang" are tried first ("KABUPATEN SIKKA: 12.400 orang", with its own
        "Petani: 5.100" rows under it). Rows without a figure are passed over; a line without
        a colon (the heading) ends the walk."""
        counted = {hit.start for hit in hits}
        taken = {hit.start for hit in found.get("amount", ())}
        places = sorted(hit.start for hit in found.get("region", ()))
        new: list[Hit] = []
        for hit in list(hits):
            span = doc.char_span(hit.start, hit.end)
            line = None if span is None else self._line_start(doc, span.start, LABEL_WINDOW)
            if line is None or not any(doc[k].orth == self.colon for k in range(line, span.start)):
                continue
            rows: dict[bool, list[tuple[int, int, int, bool]]] = {True: [], False: []}  # by "orang" ending
            for _ in range(ROW_LINES):
                last = line - 1
                while last >= 0 and doc[last].is_space:
                    last -= 1
                line = None if last < 0 else self._line_start(doc, last, LIST_WINDOW)
                if line is None:
                    break
                colon = next((k for k in range(line, last) if doc[k].orth == self.colon), None)
                if colon is None:
                    break
                row = self._row_figure(doc, line, colon, last, licensed, places)
                if row is not None and row[1][1] not in taken:
                    rows[row[0]].append(row[1])
            for orang in (True, False):
                span_of = _summing_run([row[0] for row in rows[orang]], hit.fields["value"])
                run = rows[orang][:span_of[1]] if span_of is not None and span_of[0] == 0 else []  # the nearest rows
                if run and (all(named for *_, named in run) or any(start in counted for _, start, _, _ in run)):
                    conf = round(hit.confidence * PART_FACTOR, 3)
                    for value, start, end, _ in run:
                        if start not in counted:
                            counted.add(start)
                            new.append(Hit("worker_count", start, end, "worker.summed_row", conf,
                                           {"value": value, "unit": hit.fields["unit"]}))
                    break
        return new

    def _row_figure(self, doc: Doc, line: int, colon: int, last: int, licensed: frozenset[str],
                    places: list[int]) -> tuple[bool, tuple[int, int, int, bool]] | None:
        """(whether it ends "orang", (value, start, end, whether its label names a place or
        workers)) of the figure that ends a row's line after its colon (tokens line..last);
        None without one, or when its label names a "never" noun."""
        got, k = self._number_from(doc, colon + 1, last + 1)
        if got is None or got[0].range is not None or got[0].year:
            return None
        orang = k == last and doc[k].lower in self.orangs
        said = self._names_workers(doc, line, colon, licensed)
        if not (k == last + 1 or orang) or said == 0.0:
            return None
        named = bool(said) or bisect_left(places, doc[colon].idx) > bisect_left(places, doc[line].idx)
        end = doc[k] if orang else doc[k - 1]
        return orang, (got[0].value, got[2].idx, end.idx + len(end), named)

    def _vouched(self, doc: Doc, parts: list[tuple[int, int, int, int]], counted: set[int]) -> bool:
        """Whether a short run of parts may stand: one is a worker count already and every other
        one's word is a listed noun ("186 anggota Balawista"), not an unlisted one ("200 hektare")."""
        return any(start in counted for _, start, _, _ in parts) and all(
            start in counted or word < 0 or self.nouns.at(doc, word) is not None for _, start, _, word in parts)

    def _elaboration_before(self, doc: Doc, k: int, end_char: int) -> bool:
        """Whether an elaboration ("terdiri", "yakni", "di antaranya") opens at a token from k
        up to character end_char."""
        n = len(doc)
        while k < n and doc[k].idx < end_char:
            if self._elaborates(doc, k):
                return True
            k += 1
        return False

    def _summed_totals(self, doc: Doc, hits: list[Hit], unsaid: list[tuple[Reading, int]],
                       recipients: list[tuple[Reading, int, Noun]]) -> list[Hit]:
        """"... mencapai 198.406 orang. Jumlah itu terdiri atas 141.230 pekerja penerima upah,
        52.884 pekerja bukan penerima upah dan 4.292 pekerja jasa konstruksi.": an "N orang"
        whose clause says nothing is a worker count when worker counts after it, up to the end
        of the next sentence, add up to it exactly (two or more in a row); or when the last
        two or more worker counts before it, within PARTS_BEFORE_CHARS, do ("2.316 pamong,
        3.878 ketua RT, dan 1.082 ketua RW sudah didaftarkan. Total 7.276 orang itu ...").
        So is an "N penerima" of an article that names no programme for workers, in its own
        noun ("8.660 penerima, terdiri atas 6.500 guru ngaji, 1.340 marbot, dan 820 amil")."""
        counted = {hit.start for hit in hits}
        ordered = sorted(hits, key=attrgetter("start"))
        new = []
        orang = Noun("unit", "orang", TOTAL_LICENCE, 1)
        for got, at, noun in [(got, at, orang) for got, at in unsaid] + recipients:
            end = at + noun.length
            parts = [part for part in self._parts_after(doc, end, counted) if part[1] in counted]
            if _summing_run([part[0] for part in parts], got[0].value) is not None or \
                    _sums_before(ordered, got[2].idx, got[0].value):
                new.extend(self._count(doc, got, at, end, Noun("unit", noun.unit, TOTAL_LICENCE, noun.length),
                                       "worker.summed_total"))
        return new

    def _summed_list(self, doc: Doc, hits: list[Hit], unsaid: list[tuple[Reading, int]]) -> list[Hit]:
        """"27.600 nelayan dan petani ... Sebaran penerima per kabupaten/kota: Kabupaten Banjar
        3.940 orang, ..., dan Kota Banjarbaru 660 orang.": a list of LIST_PARTS or more "N orang"
        whose clauses say nothing (each within LIST_WINDOW tokens of the one before) is the
        breakdown of a worker count named before it when the whole list adds up to it exactly;
        so are two such lists with a sentence between (within 2 * LIST_WINDOW tokens: "...
        Malaysia dengan 3.046 orang. ... Taiwan 512 orang, Hong Kong 287 orang, ..."), and a
        list of two in a sentence that an elaboration word opens ("Rincian penerima, Laweyan
        2.780 orang dan Kauman 1.470 orang."). A worker count right after the list (within
        PARTS_BEFORE_CHARS) may be its whole as well ("...: - Kabupaten Katingan: 187 orang ...
        - Kota Palangka Raya: 41 orang / Totalnya 896 pemangku adat.")."""
        counted = {hit.start for hit in hits if hit.rule != "worker.list_orang"}  # a list's rows: their whole names the unit
        new: list[Hit] = []
        runs = _runs([(got, orang) for got, orang in unsaid if got[2].idx not in counted])
        for k, run in enumerate(runs):
            joined = runs[k - 1] + run if k and run[0][1] - runs[k - 1][-1][1] <= 2 * LIST_WINDOW else None
            for parts in (run, joined):
                if parts is None or len(parts) < LIST_PARTS and not (
                        len(parts) == 2 and self._elaborated_sentence(doc, parts[0][0][1])):
                    continue
                total = sum(got[0].value for got, _ in parts)
                whole = _count_before(hits, parts[0][0][2].idx, total) or _count_after(hits, doc[parts[-1][1]].idx, total)
                if whole is None:
                    continue
                noun = Noun("unit", whole.fields["unit"], round(whole.confidence * PART_FACTOR, 3), 1)
                for got, orang in parts:
                    if got[2].idx not in counted:
                        counted.add(got[2].idx)
                        new.extend(self._count(doc, got, orang, orang + 1, noun, "worker.summed_list"))
                break
        return new

    def _elaborated_sentence(self, doc: Doc, i: int) -> bool:
        """Whether an elaboration word stands in the sentence before token i (LIST_WINDOW tokens
        at most): "Rincian penerima, Laweyan 2.780 orang ..."."""
        return any(self._elaborates(doc, k) for k in range(self._sentence_start(doc, i), i))

    def _sentence_start(self, doc: Doc, i: int) -> int:
        """The first token of the sentence that token i is in, LIST_WINDOW tokens back at most."""
        j = i
        while j > 0 and i - j < LIST_WINDOW and not self._ends_sentence(doc[j - 1]):
            j -= 1
        return j

    def _sentence_end(self, doc: Doc, i: int) -> int:
        """The token that ends the sentence token i is in (a full stop or line break; the doc's
        end), LIST_WINDOW tokens on at most."""
        j, n = i, len(doc)
        while j < n and j - i < LIST_WINDOW and not self._ends_sentence(doc[j]):
            j += 1
        return j

    def _sentence_before(self, doc: Doc, opener: int) -> int:
        """The first token of the sentence before the one that token `opener` opens (0 at the start)."""
        return self._sentence_start(doc, opener - 1) if opener > 1 else 0

    def _enrolment_licence(self, doc: Doc, i: int, insurers: list[int]) -> float | None:
        """ENROL_LICENCE when tokens from i are a few enrol_gap words, an enrolment verb, a few
        enrol_link words and the insurer ("yang terdaftar sebagai peserta BPJS Ketenagakerjaan")."""
        n = len(doc)
        k = verb = self._past_enrol_verb(doc, self._labelled_items_end(doc, i))
        if k is None:
            return None
        while k < n and k - verb < ENROL_LINK and doc[k].lower in self.enrol_links:
            k += 1
        return ENROL_LICENCE if k in insurers else None

    def _elaborated_licence(self, doc: Doc, k: int) -> float | None:
        """How sure "N orang" before token k counts workers when an elaboration right after it
        names them by a worker noun: "kuota yang dibiayai APBD baru 48.600 orang, terdiri atas
        guru honorer, guru mengaji, marbot dan imam masjid" (a comma, an elaboration word, up to
        ELABORATION_LINKS lower-case words that are no nouns, then the unit); None otherwise."""
        n = len(doc)
        if k < n and doc[k].orth == self.comma:
            k += 1
        if k >= n or not self._elaborates(doc, k):
            return None
        k += 2 if doc[k].lower == self.di else 1
        for _ in range(ELABORATION_LINKS + 1):
            if k >= n or not doc[k].is_alpha:
                return None
            noun = self.nouns.at(doc, k)
            if noun is not None:
                return round(noun.confidence * ELABORATED_FACTOR, 3) if noun.role == "unit" else None
            if not doc[k].is_lower:
                return None
            k += 1
        return None

    def _past_enrol_verb(self, doc: Doc, k: int) -> int | None:
        """The token after an enrolment verb that stands at token k after a few enrol_gap
        words ("yang sudah terdaftar"), else None."""
        n, first = len(doc), k
        while k < n and k - first < ENROL_GAP and doc[k].lower in self.enrol_gaps:
            k += 1
        return k + 1 if k < n and doc[k].lower in self.enrol_verbs else None

    def _labelled_items_end(self, doc: Doc, i: int) -> int:
        """The token after the labelled "N orang" items that continue a list from token i
        ("PPK 75 orang[, PPS 408 orang dan KPPS 4.088 orang], telah didaftarkan ..."), else i."""
        n, end, k = len(doc), i, i
        while k < n and (doc[k].orth == self.comma or doc[k].lower == self.dan):
            k += 1
            labels = k
            while k < n and k - labels < 3 and (doc[k].is_upper or doc[k].is_title) and not doc[k].like_num:
                k += 1
            if k == labels or k + 1 >= n or not doc[k].like_num or doc[k + 1].lower != self.orang:
                break
            k = end = k + 2
        return end

    def _insured_sentence(self, doc: Doc, i: int, insurers: list[int]) -> bool:
        """Whether the sentence of token i names the insurer ("seluruh 32 pemain dan 14 ofisial
        tim telah didaftarkan sebagai peserta BPJS Ketenagakerjaan"), within ENROLLED_WINDOW
        tokens of it."""
        for k in insurers:
            lo, hi = min(i, k), max(i, k)
            if hi - lo <= ENROLLED_WINDOW and not any(self._ends_sentence(doc[j]) for j in range(lo, hi)):
                return True
        return False

    def _legislature_others(self, doc: Doc, i: int) -> bool:
        """Whether "lainnya" stands at token i (after "N anggota") and its sentence names a
        legislature before it: "Anggota Komisi IV, Sri Wahyuningsih, dan delapan anggota
        lainnya" counts the commission's other members, not workers."""
        return i < len(doc) and doc[i].lower in self.others \
            and any(doc[k].lower in self.legislatures for k in range(self._sentence_start(doc, i), i))

    def _enrolled_later(self, doc: Doc, i: int, insurers: list[int]) -> bool:
        """Whether an enrolment verb and then the insurer follow token i in its sentence, within
        ENROLLED_WINDOW tokens: "1.250 anggota MPA dari lima kabupaten didaftarkan sebagai
        peserta BPJS Ketenagakerjaan" (members of any body, enrolled)."""
        k = next((k for k in insurers if k > i), None)
        if k is None or k - i > ENROLLED_WINDOW:
            return False
        words = doc[i:k]
        return not any(self._ends_sentence(t) for t in words) and any(t.lower in self.enrol_verbs for t in words)

    def _ends_sentence(self, token: Token) -> bool:
        """A full stop, "!" or "?", or a line break."""
        return token.lower in self.sentence_ends or _breaks_line(token)

    def _parts_after(self, doc: Doc, i: int, counted: set[int], loose: bool = False) -> list[tuple[int, int, int, int]]:
        """(value, start, end, word) of the numbers from token i to the end of the next
        sentence (PART_WINDOW tokens at most) that may be parts of a count: each followed by a
        part word, punctuation or a line end, or already counted (word: -1); with `loose`, also
        one followed by another lower-case word (word: that word's token). (_ends_sentence and
        _is_numberish are inlined: this loop reads up to PART_WINDOW tokens for each count.)"""
        parts: list[tuple[int, int, int, int]] = []
        n, ends, ended = len(doc), 0, False
        limit = min(n, i + PART_WINDOW)
        sentence_ends, folded, exact = self.sentence_ends, self.spelled_folded, self.spelled_exact
        while i < limit:
            tok = doc[i]
            lower = tok.lower
            if lower in sentence_ends or (tok.is_space and "\n" in tok.text):
                if self._list_goes_on(doc, i):
                    i += 1
                    continue
                if not ended:  # a sentence's full stop and the line break after it: one end
                    ends += 1
                    if ends == 2:
                        break
                ended = True
                i += 1
                continue
            ended = False
            if not (tok.like_num or lower in folded or tok.orth in exact):
                i += 1
                continue
            got, k = self._number_from(doc, i)
            if got is not None and got[0].range is None:
                start = got[2].idx
                after = doc[k] if k < n else None
                end = doc[k - 1].idx + len(doc[k - 1])
                if start in counted or after is None or after.is_space or after.lower in self.part_follow:
                    parts.append((got[0].value, start, end, -1))
                elif loose and after.is_lower and after.is_alpha and not got[0].year:
                    parts.append((got[0].value, start, end, k))
            i = k
        return parts

    def _list_goes_on(self, doc: Doc, i: int) -> bool:
        """Whether the line break or full stop at token i stays inside a sentence's list: a
        break after a colon or semicolon ("terdiri atas:" / "a. petani padi: 8.600 orang;" /
        "b. ..."), or the stop of a line's item letter or number ("a.", "2.")."""
        if i == 0:
            return False
        before = doc[i - 1].text
        if doc[i].is_space:
            return before in LIST_BREAKS
        return len(before) <= 2 and before.isalnum() and (i == 1 or _breaks_line(doc[i - 2]))

    def _unit(self, doc: Doc, start: int, noun: Noun, prev: Token, suffixed: bool) -> list[Hit]:
        """"10.000 tenaga kerja", "100 orang pekerja", "45.900 jumlah pekerja rentan"
        (`prev`: the token before the unit; `suffixed`: whether it ends "3.400-an")."""
        before = prev.lower
        if suffixed:  # "3.400-an pekerja"
            num_end, rule, last = start - 2, "worker.number_unit", None
        elif before in self.copulas:  # "312 ribu di antaranya merupakan pekerja formal"
            num_end, rule, last = self._before_copulas(doc, start), "worker.number_copula_unit", None
            if num_end is None:
                return []
        elif before in self.orangs or before in self.fillers:
            rule = "worker.number_orang_unit" if before in self.orangs else "worker.number_filler_unit"
            num_end, last = start - 1, None
            if before in self.fillers and start >= 2 and doc[start - 2].lower in self.orangs:
                num_end, rule = start - 2, "worker.number_orang_unit"  # "300 orang eks pekerja smelter"
        else:
            num_end, rule, last = start, "worker.number_unit", prev
        got = self._number(doc, num_end, last)
        if got is None or (noun.unit.split()[0] in ATTENDED_UNITS and self._attended(doc, got[1])) or (
                noun.unit in self.companion_units and self._accompanied(doc, got[1])):
            return []
        return self._count(doc, got, num_end, start + noun.length, noun, rule)

    def _accompanied(self, doc: Doc, first: int) -> bool:
        """Whether a companion word ("bersama") stands before the number at token `first`
        (approx words between), or before a count of other heads joined to it ("diikuti 20 camat
        dan 299 kepala pekon"): the heads counted there are partners, not workers."""
        k = first - 1
        while k >= 0 and doc[k].lower in self.approx:
            k -= 1
        if k >= 2 and (doc[k].lower == self.dan or doc[k].orth == self.comma):
            j = k - 1  # back over the heads named before: "20 camat dan"
            while j > 0 and k - j <= HEAD_WORDS and doc[j].is_alpha and doc[j].is_lower:
                j -= 1
            if j < k - 1 and doc[j].like_num:
                return self._accompanied(doc, j)
        return k >= 0 and doc[k].lower in self.companions

    def _attended(self, doc: Doc, first: int) -> bool:
        """Whether the number at token `first` counts the people at an event: an attendance
        word before it, an event word before that in the clause ("Seminar diikuti sekitar 300
        peserta"; not "Program ini diikuti 1.500 peserta")."""
        k = first - 1
        while k >= 0 and first - k <= 4 and doc[k].lower in self.attendance_gap:
            k -= 1
        if k < 0 or doc[k].lower not in self.attendance:
            return False
        if k > 0 and doc[k - 1].text == ",":  # "Pawai budaya bergerak dari ... menuju ..., diikuti":
            return self._clause_opens_with_event(doc, k - 1)  # the clause before says what is attended
        for j in range(k - 1, max(-1, k - 1 - EVENT_WINDOW), -1):
            tok = doc[j]
            if tok.is_space or tok.lower in self.clause_breaks:
                return False
            if tok.lower in self.events:
                return True
        return False

    def _clause_opens_with_event(self, doc: Doc, comma: int) -> bool:
        """Whether one of the first EVENT_HEAD words of the clause ending at token `comma`
        (of CLAUSE_WINDOW tokens at most: a longer one does not tell what it is about) is an
        event word."""
        start = self._clause_start(doc, comma, CLAUSE_WINDOW + 1)
        if comma - start > CLAUSE_WINDOW:
            return False
        return any(doc[j].lower in self.events for j in range(start, min(comma, start + EVENT_HEAD)))

    def _before_copulas(self, doc: Doc, end: int) -> int | None:
        """Where one or two copula phrases ending just before token `end` begin, if a number
        (or "N orang") stands right before them ("3,2 juta di antaranya merupakan buruh",
        "1.980 orang di antaranya yang tercatat sebagai peserta"): the number's end."""
        for _ in range(2):
            length = _phrase_before(doc, end, self.copulas)
            if not length:
                return None
            end -= length
            if end >= 2 and doc[end - 1].lower in self.orangs:
                return end - 1 if self._counts(doc[end - 2]) else None
            if self._counts(doc[end - 1]):
                return end
        return None

    def _counts(self, token: Token) -> bool:
        """Whether a token is a number, in digits or spelled out ("tujuh")."""
        return token.like_num or self._is_spelled(token)

    def _suffixed(self, doc: Doc, i: int) -> bool:
        """Whether a number with an approximating suffix ends just before token i ("3.400-an")."""
        return (i >= 3 and doc[i - 1].lower in self.suffixes and doc[i - 2].orth == self.hyphen
                and not doc[i - 3].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 3].like_num)

    def _unit_then_number(self, doc: Doc, start: int, noun: Noun) -> list[Hit]:
        """"Jumlah peserta aktif di Jawa Barat mencapai 4,5 juta.": a unit after a head word
        (or starting the sentence), a link word in the same clause, then a number that
        ends the clause or is followed by a neutral word (no "jiwa", "persen", "kasus")."""
        begin, limit = start + noun.length, min(len(doc), start + noun.length + LINK_WINDOW)
        link = next((i for i in range(begin, limit) if doc[i].lower in self.links), None)
        if link is None:
            return self._labelled_figure(doc, start, noun)
        for i in range(begin, link):
            tok = doc[i]
            if tok.like_num or tok.is_space or tok.lower in self.clause_breaks:
                return []
            other = self.nouns.at(doc, i)
            if other is not None and other.role not in CUE_ROLES:
                return []  # another noun takes over: "jumlah pekerja di 300 perusahaan"
        j = link + 1
        while j < len(doc) and doc[j].lower in self.approx:
            j += 1
        got, end = self._number_from(doc, j)
        if got is None or not self._figure_ends(doc, end):
            return []
        quantity = got[0].quantity
        conf = round(noun.confidence * RULE_FACTOR["worker.unit_link_number"], 3)
        return [Hit("worker_count", doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                    "worker.unit_link_number", conf, {"value": quantity.as_int(), "unit": noun.unit})]

    def _figure_ends(self, doc: Doc, end: int) -> bool:
        """Whether the figure a link word joins to its unit ends before token `end`: the doc's or
        the clause's end, a closing mark or a neutral word (not "jiwa", "persen", "kasus")."""
        if end >= len(doc):
            return True
        after = doc[end]
        return after.is_space or after.lower in self.clause_breaks or after.text in CLOSERS or after.lower in self.follow

    def _possessed_counts(self, doc: Doc, possessed: list[int], licensed: frozenset[str]) -> list[Hit]:
        """"peserta aktif kami 43,7 juta", "anggota kita sekitar 9.400": a unit (and at most
        one plain lower-case word) right before "kami"/"kita", then a number that ends the
        clause, as after a link word: the speaker's workers number N."""
        hits = []
        for p in possessed:
            j = p + 1
            while j < len(doc) and doc[j].lower in self.approx:
                j += 1
            got, end = self._number_from(doc, j)
            if got is None or got[0].year or got[0].range is not None or not self._figure_ends(doc, end):
                continue  # ("pekerja kita 500 orang": the "N orang" rules read it)
            noun = None
            for i in (p - 1, p - 2):
                named = self.nouns.ending_at(doc, i) if i >= 0 else None
                if named is not None:
                    noun, first = named
                    break
                if i < 0 or not (doc[i].is_lower and doc[i].is_alpha) or self.nouns.at(doc, i) is not None:
                    break
            if noun is not None and noun.role in licensed:
                noun = noun._replace(role="unit")
            if noun is None or noun.role != "unit" or (first > 0 and doc[first - 1].like_num):
                continue  # "500 pekerja kami": counted before
            conf = round(noun.confidence * RULE_FACTOR["worker.possessed_number"], 3)
            last = doc[end - 1]
            hits.append(Hit("worker_count", doc[first].idx, last.idx + len(last), "worker.possessed_number", conf,
                            {"value": got[0].value, "unit": noun.unit}))
        return hits

    def _labelled_figure(self, doc: Doc, start: int, noun: Noun) -> list[Hit]:
        """"Peserta aktif: 128.400", "• Penerima Upah (PU): 96.150": a line (or bullet) that opens
        with a unit, a few words and a colon, and ends with a bare number (an infographic's or
        a fact sheet's lines)."""
        n = len(doc)
        if start > 0 and not (doc[start - 1].is_space or doc[start - 1].orth in self.bullets):
            return []
        k = start + noun.length
        while k < n and k - start - noun.length < LABEL_WORDS and doc[k].orth != self.colon:
            tok = doc[k]
            if not (tok.is_alpha or tok.text in "()") or self.nouns.at(doc, k) is not None:
                return []
            k += 1
        if k >= n or doc[k].orth != self.colon:
            return []
        got, end = self._number_from(doc, k + 1)
        if got is None or got[0].range is not None or (end < n and not _breaks_line(doc[end])):
            return []
        conf = round(noun.confidence * RULE_FACTOR["worker.label_number"], 3)
        return [Hit("worker_count", got[2].idx, doc[end - 1].idx + len(doc[end - 1]),
                    "worker.label_number", conf, {"value": got[0].quantity.as_int(), "unit": noun.unit})]

    def _classifier(self, doc: Doc, start: int, prev: Token, last: Hit | None,
                    unsaid: list[tuple[Reading, int]], tables: list, licensed: frozenset[str],
                    insurers: list[int]) -> list[Hit]:
        """"726.119 orang": a count only when a unit follows (read by _unit), a cue follows
        ("500 orang bekerja di ...", "96 orang akan bekerja ..."), the clause before it names
        workers, its enrolment with the insurer (token starts: `insurers`) follows ("1.046 orang,
        telah didaftarkan ke BPJS Ketenagakerjaan"), or it continues a list of worker counts ("780 orang, disusul Kota X
        sebanyak 410 orang"); "orang warga", "orang tua" never count. `prev`: the token before
        it. A count whose clause says nothing either way goes to `unsaid` (the parts after it
        may make it a total), the rows of a table headed "(orang):" to `tables`. `licensed`:
        the context roles the article makes workers (nouns.csv: recipients of a programme
        paid to workers, members of a union)."""
        after = self.nouns.at(doc, start + 1) if start + 1 < len(doc) else None
        if after is None and start + 2 < len(doc) and doc[start + 1].lower in self.cue_gaps:
            gapped = self.nouns.at(doc, start + 2)  # "96 orang akan bekerja di pabrik", not "... akan bekerja sama"
            if gapped is not None and gapped.role in ("cue", "never"):
                after = gapped
        if after is not None and after.role not in CUE_ROLES:
            return []
        got = self._number(doc, start, prev)
        if got is None:
            if 0 < start < len(doc) - 2 and doc[start - 1].text == "(" and doc[start + 1].text == ")":
                rows = self._line_rows(doc, start + 2)  # "Sebarannya per kecamatan (orang):"
                if rows:
                    tables.append(rows)
            return self._table_rows(doc, start) or self._column_rows(doc, start, tables)
        rule = "worker.context_orang"
        others = start + 1 < len(doc) and doc[start + 1].lower in self.others  # "200 orang lainnya"
        first = self._range_low(doc, got)  # the words before the count: before its low end if a range
        licence = after.confidence if after is not None and after.role == "cue" else \
            self._clause_licence(doc, first, others, licensed)
        if licence is None and insurers:
            licence = self._enrolment_licence(doc, start + 1, insurers)
        if licence is None:
            licence = self._elaborated_licence(doc, start + 1)
        if licence is None and after is None:
            unsaid.append((got, start))
        if licence is None:
            licence = self._anaphor_licence(doc, first, licensed)
        if licence is None and last is not None:
            licence = self._revised_licence(doc, first, last)
            rule = "worker.revised_orang"
        if licence is None and last is not None:
            licence = self._enrolled_of_count(doc, first, start, last)
            rule = "worker.enrolled_orang"
        if licence is None and last is not None:
            licence = self._compared_licence(doc, first, last)
            rule = "worker.compared_orang"
        if licence is None and last is not None:
            licence = self._list_licence(doc, first, start, last, others) or self._breakdown_licence(doc, first, last)
            rule = "worker.list_orang"
        if not licence and last is not None:
            licence = self._per_place_licence(doc, first, start, last)
            rule = "worker.per_place"
        elif licence is None and last is None:
            licence = self._per_place_licence(doc, first, start, None, licensed)
            rule = "worker.per_place"
        if not licence:
            licence = self._bare_row_licence(doc, first, licensed)
            rule = "worker.list_orang"
        if not licence:
            return []
        return self._count(doc, got, start, start + 1, Noun("unit", "orang", licence, 1), rule)

    def _table_rows(self, doc: Doc, orang: int) -> list[Hit]:
        """"penduduk bekerja menurut kabupaten/kota (ribu orang) adalah sebagai berikut: Sambas
        317,6; Bengkayang 142,7; ...": a worker noun, its scale in brackets, a colon, then
        rows of a name and a figure up to the sentence's end, each a count in that scale."""
        n = len(doc)
        if not (2 <= orang < n - 1 and doc[orang - 2].text == "(" and doc[orang + 1].text == ")"):
            return []
        scale = doc[orang - 1].text
        noun = self._header_noun(doc, orang - 2)
        colon = next((k for k in range(orang + 2, min(n, orang + 2 + TABLE_LEAD)) if doc[k].orth == self.colon), None)
        if noun is None or colon is None:
            return []
        hits, k = [], colon + 1
        conf = round(noun.confidence * TABLE_FACTOR, 3)
        while k < n:
            j = k
            while j < n and doc[j].is_title:  # the row's name ("Kota Pontianak", "Kapuas Hulu")
                j += 1
            if j == k or j >= n or not doc[j].like_num:
                break
            figure = doc[j]
            quantity = self.grammar.parse([figure.text, scale])
            if not _countable(quantity):
                break
            hits.append(Hit("worker_count", figure.idx, figure.idx + len(figure), "worker.table_row", conf,
                            {"value": quantity.as_int(), "unit": noun.unit}))
            k = j + 1
            if k < n and doc[k].lower == self.dan:
                k += 1
            elif k < n and doc[k].lower in self.row_ends:
                k += 1 + (k + 1 < n and doc[k + 1].lower == self.dan)
            else:
                break
        return hits if len(hits) >= 2 else []  # a table has rows

    def _line_rows(self, doc: Doc, k: int) -> list[tuple[int, int, int]]:
        """(value, start, end) of each row of a table set out one row a line after the colon
        at token k: a label, then a whole number that ends the line ("Percut Sei Tuan 8.412").
        At least LIST_PARTS rows."""
        rows = []
        for figure in row_figures(doc, k):
            quantity = self.grammar.parse([figure.text])
            if not _countable(quantity):
                break
            rows.append((quantity.as_int(), figure.idx, figure.idx + len(figure)))
        return rows if len(rows) >= LIST_PARTS else []

    def _column_rows(self, doc: Doc, orang: int, tables: list) -> list[Hit]:
        """"No Kabupaten Pekerja rentan (orang) Iuran setahun (Rp)" over "1 Sanggau 5.200
        1.048.320.000": a table column headed by a worker noun and "(orang)" counts workers
        in each row; not "(ribu orang)", whose rows are in thousands. The rows of a column
        headed by "(orang)" and no worker noun ("Jumlah (orang)", "KUOTA (ORANG)") go to
        `tables`: they count only if they add up to a worker count named before them."""
        if not (0 < orang < len(doc) - 1 and doc[orang - 1].text == "(" and doc[orang + 1].text == ")"):
            return []
        rows = []
        for figure in column_figures(doc, orang + 1):
            quantity = self.grammar.parse([figure.text])
            if not _countable(quantity):
                break
            rows.append((quantity.as_int(), figure.idx, figure.idx + len(figure)))
        noun = self._header_noun(doc, orang - 1) if rows else None
        if noun is None:
            if len(rows) >= LIST_PARTS:
                tables.append(rows)
            return []
        conf = round(noun.confidence * TABLE_FACTOR, 3)
        return [Hit("worker_count", start, end, "worker.table_column", conf, {"value": value, "unit": noun.unit})
                for value, start, end in rows]

    def _pipe_column(self, doc: Doc, table: PipeTable, licensed: frozenset[str], before: list[Hit]) -> list[Hit]:
        """"NO | KABUPATEN/KOTA | JUMLAH PEKERJA | ANGGARAN (Rp)" over "1 | Kota Jambi | 12.500 |
        2.520.000.000": each column whose header cell names a worker unit (and no share, "%")
        counts workers in each row's cell that holds a whole number (in the header's scale,
        "(ribu orang)"; see cell_figure); other cells ("-", "n/a") are passed over. A column
        headed by enrolment status words alone ("Terdaftar", "Belum Terdaftar") or by a target
        ("Target 2026", "Kuota") counts in the unit of the table's first worker column ("Jumlah
        Pekerja Tambang", "Peserta s.d. Oktober 2025"); one headed "Jumlah
        (orang)", in the unit of the table's title or of its label column's header ("Kelompok
        Peserta"), and so is one headed "Jumlah" alone under such a label column ("Kelompok
        Pekerja | Jumlah"). `before`: the worker counts read so far (see _summed_to_count)."""
        hits: list[Hit] = []
        titled = None  # the worker unit of the table's title, for a column headed "Penerima (orang)"
        if table.title is not None and table.title[1] - table.title[0] <= TITLE_WORDS:
            titled = self._cell_unit(doc, *table.title, licensed)[0]
        units = [self._heading_unit(doc, table.heading(index), licensed) for index in range(len(table.header))]
        first_unit = next((noun for noun, _ in units if noun is not None), None)
        label_unit = units[0][0]  # "Kelompok Peserta | Jumlah (orang)": the label column says who is counted
        for index, (start, end) in enumerate(table.header):
            noun, scale = units[index]
            heading = table.heading(index)
            if noun is None and (titled or label_unit) is not None and index > 0 \
                    and any(self._counts_people(doc, *cell) for cell in heading):
                noun = titled or label_unit
            if noun is None and label_unit is not None and index > 0 and self._total_alone(doc, (start, end)):
                noun = label_unit  # "Kelompok Pekerja | Jumlah": the number of each row's workers
            if noun is None and first_unit is not None and (
                    all(doc[k].lower in self.status_words for k in range(start, end)) or self._target_heading(doc, start, end)):
                noun = first_unit
            if noun is None and index > 0 and not vague_scale(doc, heading) \
                    and any(self._counts_people(doc, *cell, members=True) for cell in heading):
                hits.extend(self._column_summed_to_count(doc, table, index, scale, before))
                continue
            if noun is None or vague_scale(doc, heading):
                continue
            conf = round(noun.confidence * TABLE_FACTOR, 3)
            hits.extend(Hit("worker_count", first, last, "worker.table_column", conf, {"value": value, "unit": noun.unit})
                        for value, first, last in column_figures_of(doc, table, index, self.grammar, scale, money=False,
                                                                    counted_in=self.orangs))
        return hits + self._total_column(doc, table, units) + self._part_columns(doc, table, units) + (
            self._titled_sums(doc, table, units, before) or self._summed_to_count(doc, table, units, before)
            or self._period_columns(doc, table, units) or self._columns_summed_to_counts(doc, table, units, before)
            or self._unit_rows(doc, table, units, licensed, before))

    def _target_heading(self, doc: Doc, start: int, end: int) -> bool:
        """Whether header tokens start..end are a target or quota word and at most a year after
        it ("Target 2026", "Kuota")."""
        if end - start not in (1, 2) or not (doc[start].lower in self.targets or doc[start].lower in self.quota_words):
            return False
        return end - start == 1 or is_year(doc[start + 1].text)

    def _unit_rows(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]],
                   licensed: frozenset[str], before: list[Hit]) -> list[Hit]:
        """"Segmen | Kota Kediri | Kabupaten Kediri" over "Penerima Upah (PU) | 71.260 | 58.915": a
        table turned on its side, whose row labels open with worker units (two rows at least)
        and whose header names no workers, no scale and no currency, counts those workers in
        each figure of their rows; its total row ("Jumlah | 93.870 | 111.840") counts them too,
        in the unit of a worker count named before the table whose value its figures sum to."""
        if any(noun is not None or scale for noun, scale in units) \
                or self._header_holds(doc, table, self.currencies):
            return []
        hits, labelled = [], 0
        figured = self._first_figure_column(doc, table)
        rows = [row for row in table.rows if len(row) == len(table.header)]
        for row in rows:
            noun = self._cell_unit(doc, *row[0], licensed)[0] if row[0][0] < row[0][1] else None
            if noun is None or noun.role != "unit" or self.nouns.at(doc, row[0][0]) is None:
                continue  # (the label must open with the unit: not "Iuran Penerima Upah")
            labelled += 1
            conf = round(noun.confidence * TABLE_FACTOR, 3)
            for first, end in row[figured:]:
                value = cell_figure(doc, (first, end), self.grammar, [], money=False)
                if value is not None:
                    hits.append(_cell_hit(doc, (first, end), "worker.table_row_unit", conf, value, noun.unit))
        if labelled < 2:
            return []
        total = rows[-1]
        if self._total_alone(doc, total[0]):
            figures = [cell_figure(doc, cell, self.grammar, [], money=False) for cell in total[figured:]]
            top = doc[table.header[0][0]].idx
            whole = next((hit for hit in reversed(before) if hit.end <= top and None not in figures
                          and hit.fields["value"] == sum(figures)), None)
            if whole is not None:
                conf = round(whole.confidence * TABLE_FACTOR, 3)
                hits += [_cell_hit(doc, cell, "worker.table_row_unit", conf, value, whole.fields["unit"])
                         for cell, value in zip(total[figured:], figures)]
        return hits

    def _total_column(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]]) -> list[Hit]:
        """"Kabupaten | Nelayan | Petani | Jumlah": a column headed by a total word (alone, or
        with a word that counts people without saying who: "Jumlah Penerima"), right after
        worker columns alone (two or more, no scale; after the label column and others:
        "Kecamatan | Jumlah Desa | Nelayan | Buruh Tani | Jumlah"), counts them all ("nelayan
        dan petani") in each row where it is the sum of the row's worker cells; other columns
        may follow it ("| Jumlah Penerima | Nilai BLT (Rp)"). A column of the others among them
        ("Petani | Buruh Bangunan | Nelayan | Lainnya | Jumlah") counts workers too: it and the
        total then count OTHER_WORKERS."""
        hits = []
        for last in range(3, len(table.header)):
            first = last
            while first > 1 and (units[first - 1][0] is not None and not units[first - 1][1]
                                 or self._others_column(doc, table, units, first - 1)):
                first -= 1
            workers = [noun for noun, _ in units[first:last] if noun is not None]
            if len(workers) < 2:
                continue
            others = [index for index in range(first, last) if units[index][0] is None]
            unit = OTHER_WORKERS if others else " dan ".join(dict.fromkeys(noun.unit for noun in workers))
            conf = round(min(noun.confidence for noun in workers) * TABLE_FACTOR, 3)
            for row, figures in self._summed_table_rows(doc, table, first, last):
                hits.append(_cell_hit(doc, row[last], "worker.table_total", conf, figures[-1], unit))
                hits += [_cell_hit(doc, row[index], "worker.table_total", conf, figures[index - first], OTHER_WORKERS)
                         for index in others if figures[index - first] is not None]
        return hits

    def _others_column(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]], index: int) -> bool:
        """Whether column `index` is headed by an others word alone ("Lainnya", "Lain-lain")."""
        words = [doc[k] for cell in table.heading(index) for k in range(*cell)]
        return units[index][0] is None and not units[index][1] and bool(words) \
            and all(t.lower in self.others or t.text == "-" for t in words)

    def _part_columns(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]]) -> list[Hit]:
        """"Kabupaten/Kota | APBD Provinsi | APBD Kab/Kota | Jumlah (pekerja)", "Daerah | Peserta
        BPU | Dibiayai pemerintah | Mandiri": adjacent columns right before or after a worker
        column, their headers naming no workers, no scale, no share and nothing never counted,
        count its workers in each figure when in each row their figures ("-": none) sum to its
        figure: its workers split by who pays or by kind. Two such rows at least, and no row
        that does not sum unless the worker column heads a total ("Jumlah Peserta"); rows are
        read as in _row_sums. Not in a table whose header names money ("Iuran (Rp)")."""
        if self._header_holds(doc, table, self.money_headings):
            return []
        hits: list[Hit] = []
        figured = max(1, self._first_figure_column(doc, table))  # (not the label columns: "No | Kabupaten")
        for whole, (noun, scale) in enumerate(units):
            if whole < figured or noun is None or scale:
                continue
            before = whole
            while before > figured and self._plain_column(doc, table, units, before - 1):
                before -= 1
            after = whole + 1
            while after < len(units) and self._plain_column(doc, table, units, after):
                after += 1
            for parts in (range(before, whole), range(whole + 1, after)):
                if len(parts) >= 2:
                    hits += self._summed_parts_of(doc, table, list(parts), whole, noun)
        return hits

    def _plain_column(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]], index: int) -> bool:
        """Whether column `index` is headed by words that name no workers, no scale, no share
        and nothing never counted ("APBD Provinsi", "Mandiri")."""
        noun, scale = units[index]
        if noun is not None or scale:
            return False
        tokens = [doc[k] for cell in table.heading(index) for k in range(*cell)]
        return any(t.is_alpha for t in tokens) and not any(t.lower in self.shares or t.text == "%" for t in tokens) \
            and not self._never_headed(doc, table, index)

    def _never_headed(self, doc: Doc, table: PipeTable, index: int) -> bool:
        """Whether column `index`'s heading holds a noun never counted ("Jumlah Perusahaan"), or
        counts places: a place word, perhaps after total words ("Jumlah Desa"; not "Dana Desa")."""
        tokens = [k for cell in table.heading(index) for k in range(*cell)]
        if any((noun := self.nouns.at(doc, k)) is not None and noun.role == "never" for k in tokens):
            return True
        words = [doc[k].lower for k in tokens if doc[k].is_alpha]
        return bool(words) and words[-1] in self.place_words and all(w in self.total_words for w in words[:-1])

    def _summed_parts_of(self, doc: Doc, table: PipeTable, parts: list[int], whole: int, noun: Noun) -> list[Hit]:
        """The figures of columns `parts` and of worker column `whole`, in its unit, of each row
        whose part figures sum to its whole figure (see _part_columns)."""
        lenient = self._total_heading(doc, table.header[whole], unit=True)
        conf = round(noun.confidence * TABLE_FACTOR, 3)
        columns = [*parts, whole]
        hits: list[Hit] = []
        summed = 0
        for row, figures, adds_up in self._row_sums(doc, table, columns):
            if not adds_up:
                if lenient:
                    continue
                return []
            summed += 1
            hits += [_cell_hit(doc, row[index], "worker.table_summed_count", conf, value, noun.unit)
                     for index, value in zip(columns, figures) if value is not None]
        return hits if summed >= 2 else []

    def _titled_sums(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]],
                     before: list[Hit]) -> list[Hit]:
        """"Rekap peserta pekerja rentan per provinsi:" over "Provinsi | Dibiayai APBD | Baitul
        Mal/CSR | Jumlah": a table whose title names workers (or points back to a worker count,
        see _pointed_title), whose header names none, and whose last column is headed by a
        total word alone counts those workers in every figure of each row where that column is
        the sum of the others (their parts by source or kind)."""
        if table.title is None or len(table.header) < 3 or any(noun is not None or scale for noun, scale in units):
            return []
        titled = self._recap_title(doc, table.title)
        figured = self._first_figure_column(doc, table)
        summed = self._summed_table_rows(doc, table, figured)
        if titled is None and summed:
            titled = self._pointed_title(doc, table, before, max(figures[-1] for _, figures in summed))
        if titled is None:
            return []
        conf = round(titled.confidence * TABLE_FACTOR, 3)
        hits = []
        for row, figures in summed:
            for cell, value in zip(row[figured:], figures):
                if value is not None:
                    hits.append(_cell_hit(doc, cell, "worker.table_titled_sum", conf, value, titled.unit))
        return hits

    def _summed_to_count(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]],
                         before: list[Hit]) -> list[Hit]:
        """"... 312.400 pekerja rentan ..." over "Provinsi | APBD | Dana Desa & CSR | Jumlah" with
        a row "Total | 239.250 | 73.150 | 312.400": a table whose header names no workers, no
        scale and no currency, and whose last column, headed by a total word alone, sums each
        row, counts the workers of a count named before it in every figure of those rows when
        one row's sum is that count's value (a last column that names its workers: see
        _part_columns)."""
        if len(table.header) < 3 or any(noun is not None or scale for noun, scale in units) \
                or self._header_holds(doc, table, self.currencies):
            return []
        figured = self._first_figure_column(doc, table)
        summed = self._summed_table_rows(doc, table, figured)
        if len(summed) < 2:
            return []
        top = doc[table.header[0][0]].idx
        totals = {figures[-1] for _, figures in summed}
        counted = next((hit for hit in reversed(before) if hit.end <= top and hit.fields["value"] in totals), None)
        if counted is None:
            return []
        whole = Noun("unit", counted.fields["unit"], counted.confidence, 1)
        conf = round(whole.confidence * TABLE_FACTOR, 3)
        return [_cell_hit(doc, cell, "worker.table_summed_count", conf, value, whole.unit)
                for row, figures in summed for cell, value in zip(row[figured:], figures) if value is not None]

    def _columns_summed_to_counts(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]],
                                  before: list[Hit]) -> list[Hit]:
        """"25.000 pekerja rentan dibiayai APBD ... 7.500 pekerja lainnya ditanggung CSR" over
        "Kabupaten/Kota | APBD Provinsi | CSR" whose last row "Jumlah | 25.000 | 7.500" sums the
        rows above it: a column whose header names no workers, no scale and no currency counts
        the workers of a count named before the table in each figure, when its figure in that
        total row sums the others and is that count's value."""
        total = table.rows[-1] if table.rows else None
        if total is None or len(total) != len(table.header) or not self._total_alone(doc, total[0]) \
                or self._header_holds(doc, table, self.currencies):
            return []
        hits, columns = [], []
        for index in range(1, len(table.header)):
            if units[index][0] is not None or units[index][1] or self._never_headed(doc, table, index):
                continue  # (not "Jumlah Perusahaan")
            columns.append(index)
            hits.extend(self._column_summed_to_count(doc, table, index, [], before, total[index]))
        if hits and len(columns) >= 3:
            return self._row_summed_columns(doc, table, columns, hits[0]) or hits
        return hits

    def _row_summed_columns(self, doc: Doc, table: PipeTable, columns: list[int], counted: Hit) -> list[Hit]:
        """Every column of `columns` in the unit of `counted` (a figure of one of them, see
        _columns_summed_to_counts), adjacent, when every row sums to the last under a total
        heading (see _summed_table_rows) and each column's last figure sums those above it:
        "APBD Provinsi | APBD Kabupaten | Dana Desa | Jumlah" over "Bone | 4.200 | 6.850 | 9.120 |
        20.170" and a total row. Workers plus workers make workers: what the one column counts,
        they all count."""
        rows = len(table.rows)
        if rows < 3 or columns != list(range(columns[0], columns[-1] + 1)) \
                or len(self._summed_table_rows(doc, table, columns[0], columns[-1])) != rows:
            return []
        figures = [list(column_figures_of(doc, table, index, self.grammar, [], money=False)) for index in columns]
        if any(len(column) != rows or sum(value for value, _, _ in column[:-1]) != column[-1][0] for column in figures):
            return []
        unit, conf = counted.fields["unit"], counted.confidence
        return [Hit("worker_count", first, end, "worker.table_summed_count", conf, {"value": value, "unit": unit})
                for column in figures for value, first, end in column]

    @staticmethod
    def _header_holds(doc: Doc, table: PipeTable, words: frozenset[int]) -> bool:
        """Whether a word of `words` (string ids) stands in the table's header ("APBD (Rp)")."""
        return any(doc[k].lower in words for start, end in table.header for k in range(start, end))

    @staticmethod
    def _first_figure_column(doc: Doc, table: PipeTable) -> int:
        """The first column of figures: 1, after the label column; 2 when a first column numbers
        the rows ("No | Kabupaten/Kota | ..." over "1 | Kota Metro | ..."; a total row may leave
        it empty: "| Total | ...")."""
        numbered = [row[0] for row in table.rows if len(row) == len(table.header) and row[0][0] < row[0][1]]
        return 2 if numbered and all(end - start == 1 and doc[start].text.isdigit() and len(doc[start].text) <= ROW_DIGITS
                                     for start, end in numbered) else 1

    def _column_summed_to_count(self, doc: Doc, table: PipeTable, index: int, scale: list[str],
                                before: list[Hit], total: Cell | None = None) -> list[Hit]:
        """"... 45.000 pekerja rentan ..." over "Kabupaten/Kota | Kuota (orang)" whose last row
        "Jumlah | 45.000" sums the rows above it: a column (one that counts people without
        saying who, see _counts_people; or see _columns_summed_to_counts) counts the workers of
        a count named before the table, when its last figure (the one in cell `total`, if
        given) sums the others and is that count's value."""
        figures = list(column_figures_of(doc, table, index, self.grammar, scale, money=False, counted_in=self.orangs))
        if len(figures) < 3 or sum(value for value, _, _ in figures[:-1]) != figures[-1][0] \
                or total is not None and (total[0] == total[1] or figures[-1][1] != doc[total[0]].idx):
            return []
        top = doc[table.header[0][0]].idx
        whole = next((hit for hit in reversed(before) if hit.end <= top and hit.fields["value"] == figures[-1][0]), None)
        if whole is None:
            return []
        conf = round(whole.confidence * TABLE_FACTOR, 3)
        return [Hit("worker_count", first, last, "worker.table_summed_count", conf, {"value": value, "unit": whole.fields["unit"]})
                for value, first, last in figures]

    def _period_columns(self, doc: Doc, table: PipeTable, units: list[tuple[Noun | None, list[str]]]) -> list[Hit]:
        """"Berikut perbandingan jumlah peserta aktif di lima provinsi:" over "Provinsi | Des 2024 |
        Sep 2025 | Pertumbuhan": a table whose title names workers by place (see _recap_title),
        whose header names no workers, no scale and no currency, and whose header cells after
        the first include two or more periods alone (a year, or a month and its year) counts
        those workers in each figure under the periods."""
        header = table.header
        if table.title is None or any(noun is not None or scale for noun, scale in units) \
                or self._header_holds(doc, table, self.currencies):
            return []
        periods = [index for index in range(1, len(header)) if self._is_period(doc, header[index])]
        titled = self._recap_title(doc, table.title) if len(periods) >= 2 else None
        if titled is None:
            return []
        conf = round(titled.confidence * TABLE_FACTOR, 3)
        return [Hit("worker_count", first, last, "worker.table_period_column", conf, {"value": value, "unit": titled.unit})
                for index in periods
                for value, first, last in column_figures_of(doc, table, index, self.grammar, [], money=False)]

    def _is_period(self, doc: Doc, cell: Cell) -> bool:
        """Whether a header cell holds a year and at most a month's name before it ("Sep 2025", "2024")."""
        words = [doc[k] for k in range(*cell)]
        return 1 <= len(words) <= 2 and is_year(words[-1].text) and (len(words) == 1 or words[0].lower in self.months)

    def _summed_table_rows(self, doc: Doc, table: PipeTable, first: int = 1,
                           last: int | None = None) -> list[tuple[list[Cell | None], list[int | None]]]:
        """(row, its figures from cell `first` to cell `last`, the last by default) of each row
        whose cell `last`, under a total heading (see _total_heading), is the sum of the figures
        before it (see _row_sums)."""
        last = len(table.header) - 1 if last is None else last
        if not self._total_heading(doc, table.header[last]):
            return []
        return [(row, figures) for row, figures, adds_up in self._row_sums(doc, table, list(range(first, last + 1)))
                if adds_up]

    def _row_sums(self, doc: Doc, table: PipeTable, columns: list[int]):
        """(row, its figures in `columns`, whether the last is the sum of the others) of each row
        that has all those cells. A part written "-" is none (its figure None): "Kota Ambon |
        6.500 | - | 6.500". A row with fewer cells than the header (a total row whose label spans
        two columns) is aligned on its last cell, its first cells None."""
        header = table.header
        for row in table.rows:
            if len(row) < len(header):
                row = [None] * (len(header) - len(row)) + row
            cells = [row[index] for index in columns]
            if None in cells:
                continue
            dashes = [_is_dash(doc, cell) for cell in cells]
            figures = [None if dash else cell_figure(doc, cell, self.grammar, [], money=False)
                       for cell, dash in zip(cells, dashes)]
            parts = [figure for figure, dash in zip(figures[:-1], dashes) if not dash]
            whole = figures[-1]
            yield row, figures, bool(parts) and None not in parts and whole is not None and whole == sum(parts)

    def _total_heading(self, doc: Doc, cell: Cell, unit: bool = False) -> bool:
        """Whether a header cell heads a total: total words alone ("Jumlah", "Total"), or a
        total word and a word that counts people without saying who ("Jumlah Penerima");
        with `unit`, also a total word and a worker unit ("Jumlah Peserta")."""
        if self._total_alone(doc, cell):
            return True
        if cell[1] - cell[0] < 2 or doc[cell[0]].lower not in self.total_words:
            return False
        noun = self.nouns.at(doc, cell[0] + 1)
        return noun is not None and (noun.role in PEOPLE_ROLES or unit and noun.role == "unit") \
            and cell[0] + 1 + noun.length == cell[1]

    def _total_alone(self, doc: Doc, cell: Cell) -> bool:
        """Whether a header cell is total words alone ("Jumlah", "Total")."""
        return all(doc[k].lower in self.total_words for k in range(*cell))

    def _recap_title(self, doc: Doc, title: Cell) -> Noun | None:
        """The worker unit of a table's title that counts workers by place (see _recap_line),
        or of a sentence introducing it (see _introducing_sentence)."""
        return self._recap_line(doc, title) or self._introducing_sentence(doc, title)

    def _pointed_title(self, doc: Doc, table: PipeTable, before: list[Hit], total: int) -> Noun | None:
        """The unit of the last worker count (of `before`) in the sentence before a table's
        title sentence when that sentence ends with a colon and points back ("... sebanyak
        96.350 pekerja rentan ... telah didaftarkan. Rinciannya untuk empat daerah sebagai
        berikut:"), neither it nor the header names money ("Rp", "anggaran", "iuran"), and the
        table's `total` and a count right after the table make that count's value ("Sisanya, 16
        ribu peserta, tersebar di delapan kabupaten/kota lain"; a total that is the value alone
        is _summed_to_count's)."""
        start, end = table.title
        colon = end - 1
        if colon <= start or doc[colon].text != ":" or self._header_holds(doc, table, self.money_headings):
            return None
        opener = max(start, self._sentence_start(doc, colon))
        said = range(opener, colon)
        if not any(doc[k].lower in self.anaphors or doc[k].lower in self.targets for k in said) \
                or any(doc[k].lower in self.money_title_words for k in said):
            return None
        low, high = doc[self._sentence_before(doc, opener)].idx, doc[opener].idx
        counted = next((hit for hit in reversed(before) if low <= hit.start and hit.end <= high), None)
        if counted is None:
            return None
        whole, bottom = counted.fields["value"], doc[table.rows[-1][-1][1] - 1].idx
        rest = next((hit for hit in before if bottom < hit.start <= bottom + REST_CHARS), None)
        if rest is None or total + rest.fields["value"] != whole:
            return None
        return Noun("unit", counted.fields["unit"], counted.confidence, 1)

    def _introducing_sentence(self, doc: Doc, title: Cell) -> Noun | None:
        """The worker unit of a sentence ending in "(sebagai) berikut:" before a table whose
        subject is a total of those workers: "... jumlah pekerja rentan yang iurannya dibiayai
        APBD kabupaten/kota dan APBDes di Maluku adalah sebagai berikut:"; not "jumlah iuran
        pekerja rentan ...", nor "jumlah pekerja rentan dan anggarannya ..."."""
        start, k = title[0], title[1] - 1
        if k > start and doc[k].text == ":":
            k -= 1
        if k > start and doc[k].lower_ == "ini":
            k -= 1
        if k <= start or doc[k].lower_ != "berikut":
            return None
        subject = next((j for j in range(k - 2, start - 1, -1) if doc[j].lower in self.total_words), None)
        noun = self.nouns.at(doc, subject + 1) if subject is not None else None
        if noun is None or noun.role != "unit":
            return None
        after = subject + 1 + noun.length
        if doc[after].lower_ not in INTRO_FOLLOWERS and doc[after].lower not in self.breakdown_words:
            return None
        if any(doc[j].lower_ in INTRO_CONJUNCTIONS and doc[j + 1].lower in self.money_title_words for j in range(after, k)):
            return None
        return noun

    def _recap_line(self, doc: Doc, title: Cell) -> Noun | None:
        """The worker unit of a table's title that says only that it counts workers by place:
        recap words, the worker units (each may have its short form in brackets), then a
        breakdown word and no word of money ("Rekap peserta pekerja rentan per provinsi (per 30
        November 2025):", "Berikut capaian kepesertaan bukan penerima upah (BPU) di tujuh
        kabupaten/kota ..."; not "Anggaran iuran pekerja rentan per kabupaten", "Peserta per
        kecamatan dan anggarannya"); None for any other title."""
        k, end, unit = title[0], title[1], None
        while k < end and doc[k].lower in self.recap_words:
            k += 1
        while k < end and doc[k].lower not in self.breakdown_words:
            noun = self.nouns.at(doc, k)
            if noun is None or noun.role != "unit":
                return None
            unit, k = unit or noun, k + noun.length
            if k + 2 < end and doc[k].text == "(" and doc[k + 2].text == ")":
                k += 3  # its short form: "(BPU)"
        if unit is None or k >= end or any(doc[j].lower in self.money_title_words for j in range(k, end)):
            return None
        return unit

    def _counts_people(self, doc: Doc, start: int, end: int, members: bool = False) -> bool:
        """Whether a header cell counts people without saying who: "Penerima (orang)", "Jumlah
        (orang)" (a classifier, and no noun that never counts workers); with `members`, also
        "Anggota terdaftar" (a noun that counts workers only in some context)."""
        nouns = [self.nouns.at(doc, i) for i in range(start, end)]
        people = ("classifier", *CONTEXT_ROLES, ENROLLED) if members else ("classifier",)
        return any(noun is not None and noun.role in people for noun in nouns) and \
            not any(noun is not None and noun.role == "never" for noun in nouns)

    def _cell_unit(self, doc: Doc, start: int, end: int, licensed: frozenset[str]) -> tuple[Noun | None, list[str]]:
        """The worker unit a table's header cell names (None if it names none, a thing
        first, or a share) and the scale word it holds, if any ("Pekerja (ribu orang)")."""
        noun = None
        for i in range(start, end):
            if doc[i].lower in self.shares:
                return None, []
            if noun is None:
                got = self.nouns.at(doc, i)
                if got is not None and got.role in licensed:
                    got = got._replace(role="unit")
                if got is not None and got.role in ("unit", "never"):
                    noun = got
        scale = header_scale(doc, (start, end), self.grammar, money=False)
        return (noun if noun is not None and noun.role == "unit" else None), scale

    def _heading_unit(self, doc: Doc, heading: list[Cell], licensed: frozenset[str]) -> tuple[Noun | None, list[str]]:
        """_cell_unit of a column's header cell, or of the subheader cell under it where the
        header cell names none ("Peserta" over "(ribu orang)"; see PipeTable.heading)."""
        noun, scale = self._cell_unit(doc, *heading[0], licensed)
        if len(heading) > 1 and (noun is None or not scale):
            below, below_scale = self._cell_unit(doc, *heading[1], licensed)
            noun, scale = noun or below, scale or below_scale
        return noun, scale

    def _header_noun(self, doc: Doc, bracket: int) -> Noun | None:
        """The worker unit a table header names before its bracket ("penduduk bekerja menurut
        kabupaten/kota (ribu orang)"), within TABLE_LEAD tokens of its sentence."""
        for i in range(bracket - 1, max(-1, bracket - 1 - TABLE_LEAD), -1):
            if doc[i].lower in self.sentence_ends or doc[i].is_space:
                return None
            got = self.nouns.ending_at(doc, i)
            if got is not None:
                noun, begin = got
                counted = begin > 0 and doc[begin - 1].like_num
                return noun if noun.role == "unit" and not counted else None
        return None

    def _count(self, doc: Doc, got: Reading, num_end: int, unit_end: int, noun: Noun,
               rule: str) -> list[Hit]:
        """Hits for the count `got` that _number read before token num_end, with its unit
        up to unit_end."""
        count, first, number, before = got
        quantity = count.quantity
        unit_last = doc[unit_end - 1]
        char_end = unit_last.idx + len(unit_last)
        conf = round(noun.confidence * RULE_FACTOR[rule], 3)
        fields = {"value": count.value, "unit": noun.unit}
        if count.range is not None:  # "100-150 pekerja": both ends, a scale shared
            high = count.high
            if not _countable(high) or not _same_order(quantity, high):
                return []
            high_start = number.idx + count.text.rindex(count.range[1])
            return [Hit("worker_count", number.idx, char_end, "worker.range_start", conf, fields),
                    Hit("worker_count", high_start, char_end, rule, conf,
                        {"value": high.as_int(), "unit": noun.unit})]
        hits = [Hit("worker_count", number.idx, char_end, rule, conf, fields)]
        low = self._range_start(doc, first, quantity) if first >= 2 and \
            before.lower in self.range_words else None
        if low is not None:
            hits.append(Hit("worker_count", doc[low[1]].idx, char_end, "worker.range_start",
                            round(conf * RULE_FACTOR["worker.range_start"], 3),
                            {"value": low[0].as_int(), "unit": noun.unit}))
        return hits

    def _number(self, doc: Doc, num_end: int, last: Token | None = None) -> Reading | None:
        """The count that ends just before token num_end (`last`: that token, if known)."""
        run: list[Token] = []  # the number-like tokens before num_end, last first
        folded, exact = self.spelled_folded, self.spelled_exact
        tok = last if last is not None or num_end == 0 else doc[num_end - 1]
        if tok is not None and tok.orth == self.close_paren:  # "7.500 (tujuh ribu lima ratus) orang"
            gloss = self._gloss_start(doc, num_end - 1)
            if gloss is not None:
                num_end, tok = gloss, None
        k, before = num_end, None
        while k > 0:
            if tok is None:
                tok = doc[k - 1]
            if len(run) == MAX_NUMBER_TOKENS or not (
                    tok.like_num or tok.lower in folded or tok.orth in exact):
                before = tok
                break
            run.append(tok)
            k, tok = k - 1, None
        if not run:
            return None
        run.reverse()
        count = self._read_count(tuple([tok.orth for tok in run]))
        if count is None:
            return None
        first, before = k + count.offset, run[count.offset - 1] if count.offset else before
        if not self._stands_alone(doc, first, before):
            return None
        if before is not None and _breaks_line(before) and self._row_number(doc, first, count):
            return None  # "3 Peserta pelatihan ... orang 600 640": a table row's number
        if before is not None and before.lower in self.ordinals and not (
                count.quantity.scaled or is_grouped(count.text)):
            return None  # "tahap ke 2 pekerja"; not "sampai ke 3,6 juta pekerja"
        if count.year and (before is None or before.lower not in self.quantity_cues):
            return None  # a year: "Pada 2023 pekerja migran ..."
        return count, first, run[count.offset], before

    def _read_count(self, orths: tuple[int, ...]) -> Count | None:
        """The count that number tokens with these hashes write before a unit, from their
        texts alone (cached, see __init__); None if they write none, whatever the context."""
        texts = [self.strings[orth] for orth in orths]
        if len(texts) <= 2 and (pair := split_range(texts[0])) is not None:
            quantity, offset = self.grammar.parse([pair[0], *texts[1:]]), 0
        else:
            got = self.grammar.longest_suffix(texts)
            if got is None:
                return None
            quantity, offset = got
        if not _countable(quantity):
            return None
        if quantity.from_words and quantity.value == 1:
            return None  # "satu pekerja", "salah satu pekerja": an article, not a count
        text = texts[offset]
        if quantity.scaled and is_grouped(text):
            return None  # "12.000 ribu pekerja": a typo for 12.000 or 12 ribu; no guess
        year = is_year(text) and not quantity.scaled
        pair = split_range(text)  # "100-150 pekerja": the high end too, a scale shared
        high = self.grammar.parse([pair[1], *texts[offset + 1:]]) if pair is not None else None
        return Count(quantity, quantity.as_int(), offset, text, year, pair, high)

    def _gloss_start(self, doc: Doc, close: int) -> int | None:
        """Where the bracket opens that glosses a number in words, ending at token `close` (a
        ")"): "7.500 (tujuh ribu lima ratus)", the legal style of writing a figure twice. Its
        words must name the figure before it; None if they are no such gloss."""
        k = close - 1
        while k > 0 and close - k <= MAX_NUMBER_TOKENS and self._is_spelled(doc[k]):
            k -= 1
        if k == close - 1 or k < 1 or doc[k].orth != self.open_paren or not doc[k - 1].like_num:
            return None
        words = self._read_count(tuple(doc[j].orth for j in range(k + 1, close)))
        figure = self._read_count((doc[k - 1].orth,))
        if words is None or figure is None or words.offset or words.value != figure.value:
            return None
        return k

    def _row_number(self, doc: Doc, first: int, count: Count) -> bool:
        """Whether the plain number opening a line at token `first` numbers a table's rows:
        the line before opens with the number before it, or the line after with the one after
        ("2 Persentase ... / 3 Peserta pelatihan ... orang 600 640 / 4 Persentase ...")."""
        text = count.text
        if not text.isdigit() or len(text) > ROW_DIGITS:
            return False
        value = int(text)
        return self._line_opening(doc, first, -1) == str(value - 1) or \
            self._line_opening(doc, first, +1) == str(value + 1)

    def _line_opening(self, doc: Doc, first: int, step: int) -> str | None:
        """The first word of the line before (step -1) or after (+1) the line that token `first`
        opens, within ROW_TOKENS tokens."""
        n, k = len(doc), first - 1 if step < 0 else first
        for _ in range(ROW_TOKENS):
            k += step
            if k < 0:
                return doc[0].text  # the line before is the text's first
            if k >= n:
                return None
            if _breaks_line(doc[k]):
                return doc[k + 1].text if k + 1 < n else None
        return None

    def _stands_alone(self, doc: Doc, first: int, prev: Token | None) -> bool:
        """Not an identifier, rate, ratio, money amount, or the tail of a longer number
        (`prev`: the token before the number, token first - 1)."""
        if prev is None:
            return True
        if prev.lower in self.reference or prev.lower in self.currencies:
            return False
        if prev.lower in self.short_reference and not is_grouped(doc[first].text):
            return False  # "RT 05", not "ketua RT 5.430 orang"
        if prev.orth in self.glue and not prev.whitespace_:
            return False  # "ke-3", "No.5"
        if prev.lower == self.dari and first >= 2 and doc[first - 2].like_num:
            part = self._number(doc, first - 1)  # "1 dari 3 pekerja": a ratio; not "12 ribu dari
            if part is None or part[0].value <= RATIO_MAX:  # 96 ribu pekerja informal", nor "satu dari
                end = self._numberish_end(doc, first, len(doc))  # 180 buruh angkut": a group
                whole = self._read_count(tuple(doc[k].orth for k in range(first, end)))
                if whole is None or _ratio_base(whole.value):
                    return False
        if not self._is_spelled(prev):
            return True
        # only the tail of a number was read, unless the word ends a name: "Kepulauan Seribu 500 orang"
        return prev.is_title and first >= 2 and doc[first - 2].is_title and not self._is_numberish(doc[first - 2])

    def _is_spelled(self, token: Token) -> bool:
        """NumberGrammar.is_spelled, on the token's hashes."""
        return token.lower in self.spelled_folded or token.orth in self.spelled_exact

    def _is_numberish(self, token: Token) -> bool:
        """NumberGrammar.is_numberish, on the token's hashes."""
        return token.like_num or token.lower in self.spelled_folded or token.orth in self.spelled_exact

    def _numberish_end(self, doc: Doc, first: int, stop: int) -> int:
        """The token after the number-like tokens from `first` (MAX_NUMBER_TOKENS at most, before `stop`)."""
        end = first
        while end < stop and end - first < MAX_NUMBER_TOKENS and self._is_numberish(doc[end]):
            end += 1
        return end

    def _number_from(self, doc: Doc, first: int, stop: int | None = None) -> tuple[Reading | None, int]:
        """The count whose first token is `first` (its number-like tokens end before `stop`),
        or None when no count starts there; and the token after those number-like tokens."""
        end = self._numberish_end(doc, first, len(doc) if stop is None else stop)
        got = self._number(doc, end) if end > first else None
        return (got if got is not None and got[1] == first else None), end

    def _range_low(self, doc: Doc, got: Reading) -> int:
        """The token that opens the count `got` (_number), or the low end of the range it ends
        ("diperkirakan 2.000 sampai 2.500 orang"): where the words before it stand."""
        count, first, _, before = got
        if count.range is None and first >= 2 and before is not None and before.lower in self.range_words:
            low = self._range_start(doc, first, count.quantity)
            if low is not None:
                return low[1]
        return first

    def _range_start(self, doc: Doc, first: int, high: Quantity) -> tuple[Quantity, int] | None:
        """"5.000 hingga 10.000 pekerja": the low end, counted in the high end's unit."""
        length = _phrase_before(doc, first, self.range_words)
        if not length:
            return None
        got = self._number(doc, first - length)
        if got is None:
            return None
        low, lo = got[0].quantity, got[1]
        if high.scaled and not low.scaled:
            return None  # "5 - 10 ribu pekerja": ambiguous low end
        if _same_order(low, high) and low.value < high.value:
            return low, lo
        return None

    def _clause_licence(self, doc: Doc, first: int, others: bool, licensed: frozenset[str]) -> float | None:
        """How sure "N orang" at token `first` counts workers: the nearest listed noun
        before it in the same clause must be a unit not counted itself, or a cue; a clause
        that opens with an elaboration word ("yakni") reads on before its comma. With
        `others` ("N orang lainnya") a counted unit licenses it too, and so it does before an
        elaboration ("760 pekerja di 11 desa, antara lain Desa Sumare 96 orang"), where other
        counted things ("11 desa") are passed over. A context noun ("penerima", "anggota")
        is a unit if the article licenses it, else passed over. "N orang" set off by commas
        (_apposed) or in a relative clause giving a figure (_relative_figure) reads on before
        its comma, as part of the clause there.
        0.0: something in the clause rules it out; None: the clause says nothing."""
        soft = None  # a soft cue seen: it holds unless a "never" noun comes before it
        i = first - 1
        noun_ends = self.nouns.last_words  # a cheap test before the phrase lookup
        elaborated, apposed, limit = False, False, first - CONTEXT_WINDOW
        while i >= 0 and i >= limit:
            tok = doc[i]
            lower = tok.lower
            if lower == self.close_paren and (opened := self._bracket_start(doc, i)) is not None:
                limit -= i - opened + 1  # "... dari berbagai sumber pembiayaan (APBD, APBNag dan CSR) mencapai
                i = opened - 1  # 9.870 orang": an aside in brackets, its commas no clause breaks
                continue
            if tok.is_space or lower in self.clause_breaks:
                if tok.orth == self.comma and not (i + 1 < first and self._elaborates(doc, i + 1)) \
                        and (opened := self._place_aside(doc, i) or self._relative_aside(doc, i)) is not None:
                    limit -= i - opened + 1  # "di Kelurahan Kolo, Kecamatan Asakota, sebanyak 620 orang",
                    i = opened - 1  # "..., yang meliputi Kabupaten Blitar dan Kota Blitar, mencapai 9.120
                    continue  # orang": a place or relative clause set off, not counted in the window
                if soft is None and tok.orth == self.colon:
                    return self._label_licence(doc, i, licensed)
                if soft is None and tok.orth == self.comma:
                    if not elaborated and i + 1 < first and self._elaborates(doc, i + 1):
                        elaborated, i, limit = True, i - 1, i - CONTEXT_WINDOW
                        continue
                    if not (apposed or elaborated) and (self._apposed(doc, i, first) or self._relative_figure(doc, i)):
                        apposed, i, limit = True, i - 1, i - CONTEXT_WINDOW  # read on: the noun it stands for
                        continue
                    return self._topic_licence(doc, i, first, licensed) or self._partitive_licence(doc, i)
                return soft
            if (tok.orth in self.dashes or lower in self.links) and soft is None and self._separates(doc, i):
                return self._label_licence(doc, i, licensed)  # "Seluma - 1.870 orang": a row's label
            if self._inside_name(doc, i, tok):
                limit -= 1  # a name's words count once: "dalam Kartu Pelaku Usaha Kelautan dan Perikanan (Kusuka)"
            got = self.nouns.ending_at(doc, i, lower) if lower in noun_ends else None
            if got is not None:
                noun, begin = got
                if _passed_over(noun, licensed):
                    i = begin - 1
                    continue
                counted = begin > 0 and doc[begin - 1].like_num and not is_year(doc[begin - 1].text)  # not "2026 ASN"
                if noun.role == "never":
                    if counted and (elaborated or (i + 1 < first and doc[i + 1].lower == self.others_word)):
                        i = begin - 1  # "di 11 desa, antara lain ...", "dan sembilan kabupaten/kota
                        continue  # lainnya 2.110 orang": a count of places, not what is counted
                    if not counted and begin > 0 and (
                            self._unit_ends_at(doc, begin - 1) or doc[begin - 1].lower in self.payers):
                        i = begin - 1  # "jumlah karyawan tetap perusahaan mencapai 4.870 orang": whose
                        continue  # workers; "dibayar oleh CSR perusahaan": who pays; not what is counted
                    if begin > 1 and doc[begin - 1].text == "-" and doc[begin - 2].lower == doc[begin].lower:
                        begin -= 2  # doubled for the plural: "perusahaan-perusahaan"
                    at = begin - 1 - counted  # "di" before the noun (and its count)?
                    if at > 0 and doc[at].lower == self.di and (where := self._where_of_unit(doc, at)) is not None:
                        i = where  # "total pekerja di 23 perusahaan tersebut tercatat 11.860 orang", "jumlah
                        continue  # pekerja yang tercatat di perusahaan itu 186 ribu orang": where they are
                    return 0.0  # "orang warga", "warga yang didaftarkan 300 orang"
                if soft is None:
                    if noun.role == "classifier":
                        return None  # an earlier "N orang": maybe a list, see _list_licence
                    if counted and not (others or elaborated):
                        return 0.0  # "20 pekerja menolong 300 orang": that count is taken
                    if noun.role != "soft_cue":
                        return noun.confidence
                    soft = noun.confidence
                i = begin
            i -= 1
        return soft

    def _inside_name(self, doc: Doc, i: int, tok: Token) -> bool:
        """Whether token i (`tok`) goes on a capitalised name from the token before it: a
        capitalised word after another, "dan" between two, or the brackets of an acronym after one."""
        if i == 0:
            return False
        before = doc[i - 1]
        if tok.is_title:
            return before.is_title or before.is_upper
        if tok.lower == self.dan:
            return i + 1 < len(doc) and before.is_title and doc[i + 1].is_title
        if tok.text == ")":
            return i > 2 and doc[i - 2].text == "(" and before.is_alpha and not before.is_lower
        return tok.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")" and before.is_title

    def _place_aside(self, doc: Doc, comma: int) -> int | None:
        """The comma that opens a place set off by commas and closed by the comma at token
        `comma` (", Kecamatan Asakota,": a place word, then capitalised words), else None."""
        k = comma - 1
        while k > 0 and comma - k <= PLACE_ASIDE and doc[k].is_title:
            k -= 1
        if k < comma - 1 and doc[k].orth == self.comma and doc[k + 1].lower in self.place_words:
            return k
        return None

    def _relative_aside(self, doc: Doc, comma: int) -> int | None:
        """The comma that opens a relative clause set off by commas, with no figure in it, and
        closed by the comma at token `comma` (", yang meliputi Kabupaten Blitar dan Kota
        Blitar,"; a list of names in it: ", yang meliputi Aceh Barat, Nagan Raya dan Simeulue,"),
        else None."""
        k = comma - 1
        while k > 0 and comma - k <= RELATIVE_ASIDE:
            tok = doc[k]
            if tok.like_num:
                return None
            if (tok.is_space or tok.lower in self.clause_breaks) and not (tok.orth == self.comma and doc[k + 1].is_title):
                break
            k -= 1
        if k < comma - 2 and doc[k].orth == self.comma and doc[k + 1].lower in self.yangs:
            return k
        return None

    def _topic_licence(self, doc: Doc, comma: int, first: int, licensed: frozenset[str]) -> float | None:
        """How sure a sentence's fronted topic before `comma` makes "N orang" at token `first`
        a count of workers, when a head word ("target", "jumlah") between, or a link word
        right after the comma, says the number is the topic's figure: "Untuk pekerja rentan,
        target kami 50.000 orang", "Khusus pappalimbang, tercatat 120 orang" (its worker noun,
        as a label's; not "Untuk pekerja, pemerintah menolong 300 orang"). None when the
        clause is no such topic or names none."""
        start = self._clause_start(doc, comma, LABEL_WINDOW)
        if doc[start].lower not in self.topics or not (doc[comma + 1].lower in self.links or any(
                doc[k].lower in self.heads for k in range(comma + 1, first))):
            return None
        if start > 0 and not (doc[start - 1].is_space or doc[start - 1].lower in self.sentence_ends
                              or doc[start - 1].orth == self.colon):
            return None  # the clause opens after a comma: no sentence's topic
        return self._names_workers(doc, start + 1, comma, licensed)

    def _where_of_unit(self, doc: Doc, di: int) -> int | None:
        """The token of the unit that "di" at token `di` places: the unit right before it
        ("pekerja di ..."), or before a "yang" and a few lower-case words that are no listed
        noun ("pekerja formal yang tercatat di ..."); else None."""
        if self._unit_ends_at(doc, di - 1):
            return di - 1
        k = di - 1
        while k > 0 and di - k <= RELATIVE_WORDS and doc[k].is_lower and doc[k].is_alpha \
                and doc[k].lower not in self.yangs and self._no_noun_but_cue(doc, k):
            k -= 1
        if k > 0 and k < di - 1 and doc[k].lower in self.yangs and self._unit_ends_at(doc, k - 1):
            return k - 1
        return None

    def _no_noun_but_cue(self, doc: Doc, k: int) -> bool:
        """Whether token k opens no listed noun, or only a cue ("bekerja")."""
        noun = self.nouns.at(doc, k)
        return noun is None or noun.role in CUE_ROLES

    def _occupation_starts_at(self, doc: Doc, i: int) -> bool:
        """Whether a unit noun that names an occupation ("PMI", "pekerja migran") starts at
        token i; not "peserta", which a health scheme has too ("terdaftar sebagai peserta
        Jaminan Kesehatan Nasional")."""
        noun = self.nouns.at(doc, i) if i < len(doc) else None
        return noun is not None and noun.role == "unit" and noun.unit not in PARTICIPANT_UNITS

    def _unit_ends_at(self, doc: Doc, i: int) -> bool:
        """Whether a unit noun ("karyawan tetap") ends at token i."""
        lower = doc[i].lower
        got = self.nouns.ending_at(doc, i, lower) if lower in self.nouns.last_words else None
        return got is not None and got[0].role == "unit"

    def _label_licence(self, doc: Doc, colon: int, licensed: frozenset[str]) -> float | None:
        """"Nelayan: 1.915 orang", or under a bulleted list's heading ("PESERTA" / "- Petani
        sawit: 6.820 orang"), or under a heading ending with a colon over rows of the same
        shape ("... peserta terbanyak yakni:" / "Kec. Rambutan : 610 orang"): the label, else
        the heading, names workers. None when neither says anything."""
        start = self._line_start(doc, colon, LABEL_WINDOW)
        if start is None:  # a colon inside a long sentence: the words before it in its clause
            # ("... menunjukkan BHL sawit yang belum terlindungi: Kampar 21.400 orang")
            return self._names_workers(doc, self._clause_start(doc, colon, LABEL_WINDOW), colon, licensed) or None
        said = self._names_workers(doc, start, colon, licensed)
        bulleted = doc[start].orth in self.bullets
        if said is not None:
            return said
        for _ in range(HEADING_LINES):  # back over the list's other lines to its heading
            if start < 2:
                return None
            previous = self._line_start(doc, start - 1, LIST_WINDOW)
            if previous is None:  # a long paragraph over the list: its last sentence heads it when
                # it ends with the colon ("... Berdasarkan pendataan Otorita, asal pekerja terbanyak sebagai berikut:")
                heading = start - 2
                if heading < 0 or doc[heading].orth != self.colon:
                    return None
                return self._heading_licence(doc, heading, licensed)
            if bulleted and doc[previous].orth not in self.bullets:
                said = self._heading_licence(doc, start - 2, licensed) if doc[start - 2].orth == self.colon else None
                return self._names_workers(doc, previous, start - 1, licensed) if said is None else said
            if not bulleted and not self._row(doc, previous, start - 1):  # rows "Kec. Rambutan : 610
                # orang" under a heading that ends with a colon ("... peserta terbanyak yakni:"): its last sentence
                heading = start - 2
                if doc[heading].orth != self.colon:
                    return None
                return self._heading_licence(doc, heading, licensed, previous)
            start = previous
        return None

    def _heading_licence(self, doc: Doc, colon: int, licensed: frozenset[str], line: int = 0) -> float | None:
        """How sure the sentence a list's heading colon ends makes a count of its items: its own
        nouns, or, when it points back ("Di lima distrik terjauh saja jumlahnya:", "kuota untuk
        wilayah pantai timur dibagi sebagai berikut:"), the sentence before it ("... ada 287
        nakes honorer yang bertugas di puskesmas"). The worker unit nearest the colon is what
        the list counts, whatever the sentence names first ("data dari 64 perusahaan perkebunan
        menunjukkan sebaran pemanen yang belum terlindungi sebagai berikut:"). `line`: the first
        token of the heading's line, where its sentence starts at the earliest."""
        opener = max(line, self._sentence_start(doc, colon))
        said = self._subject_licence(doc, opener, colon, licensed) or self._names_workers(doc, opener, colon, licensed)
        if said is None and any(doc[k].lower in self.anaphors or doc[k].lower in self.targets for k in range(opener, colon)):
            said = self._names_workers(doc, self._sentence_before(doc, opener), opener, licensed, counted=True)
        return said

    def _subject_licence(self, doc: Doc, start: int, end: int, licensed: frozenset[str]) -> float | None:
        """As _names_workers, for the listed noun nearest token `end` (read back from it), when
        it is a unit not counted there; else None."""
        noun_ends = self.nouns.last_words
        for i in range(end - 1, start - 1, -1):
            lower = doc[i].lower
            got = self.nouns.ending_at(doc, i, lower) if lower in noun_ends else None
            if got is None or got[0].role in SUBJECT_SKIPPED or _passed_over(got[0], licensed):
                continue  # (a cue is no subject: "... yang belum terlindungi sebagai berikut:")
            noun, begin = got
            if noun.role != "unit" or (begin > start and doc[begin - 1].like_num):
                return None
            return round(noun.confidence * LABEL_FACTOR, 3)
        return None

    def _row(self, doc: Doc, start: int, end: int) -> bool:
        """Whether tokens start..end are a list row: a colon, or a dash or link word after its
        label, followed by a number."""
        return any(self._is_numberish(doc[k + 1]) and (doc[k].orth == self.colon or (
            (doc[k].orth in self.dashes or doc[k].lower in self.links) and self._separates(doc, k)))
            for k in range(start, end - 1))

    def _separates(self, doc: Doc, k: int) -> bool:
        """Whether the spaced dash or link word at token k sets a line's label off from its
        figure as a colon would ("Bengkulu Selatan - 1.330 orang", "1. Kabupaten Asahan
        sebanyak 9.800 orang;"): after capitalised words that open the line (a list number or
        bullet may come first), before a number."""
        if not (doc[k - 1].is_title and doc[k - 1].whitespace_ and doc[k].whitespace_ and k + 1 < len(doc)
                and self._is_numberish(doc[k + 1])):
            return False  # (the label's last word first: most link words follow a lower-case one)
        start = self._line_start(doc, k, LABEL_WINDOW)
        return start is not None and self._list_label(doc, start, k)

    def _names_workers(self, doc: Doc, start: int, end: int, licensed: frozenset[str],
                       counted: bool = False) -> float | None:
        """How sure a short label or heading (tokens start..end) makes a count of its list
        items: the first listed noun in it, a unit or cue not counted there (with `counted`,
        also one counted: the total a list breaks down); 0.0 for a "never" noun; None when it
        names none, or names residents to be enrolled ("jumlah warga yang akan didaftarkan di
        masing-masing desa:"): its items may still sum to a worker count (_summed_list)."""
        for k in range(start, end):
            noun = self.nouns.at(doc, k)
            if noun is None or noun.role == "classifier" or _passed_over(noun, licensed):
                continue
            if doc[k].lower in self.origins and self._past_enrol_verb(doc, k + 1) is not None:
                return None
            if noun.role == "never" or (not counted and k > start and doc[k - 1].like_num):
                return 0.0
            return round(noun.confidence * LABEL_FACTOR, 3)
        return None

    def _apposed(self, doc: Doc, comma: int, first: int) -> bool:
        """Whether "N orang" at token `first` stands between two commas, only approx words
        between the first and it: an apposition of the noun before it ("seluruh pelayan
        gereja di Tanah Papua, sekitar 19 ribu orang, terdaftar")."""
        k, n = comma + 1, len(doc)
        while k < first and doc[k].lower in self.approx:
            k += 1
        if k != first:
            return False
        while k < n and k - first < APPOSED_NUMBER and doc[k].lower not in self.orangs:
            k += 1
        return k + 1 < n and doc[k].lower in self.orangs and doc[k + 1].orth == self.comma

    def _registered_at(self, doc: Doc, k: int) -> bool:
        """Whether "yang" and a word of what was reached stand at token k, approx words
        ("lebih") before them: "baru 171 ribu lebih yang terdaftar"."""
        n = len(doc)
        while k < n and doc[k].lower in self.approx:
            k += 1
        return k + 1 < n and doc[k].lower in self.yangs and doc[k + 1].lower in self.achieved

    def _relative_figure(self, doc: Doc, comma: int) -> bool:
        """Whether a relative clause giving a figure opens after the comma at token `comma`:
        "pekerja harian lepas (BHL) di kebun rakyat, yang jumlahnya ditaksir 9.000 orang"."""
        return comma + 2 < len(doc) and doc[comma + 1].lower in self.yangs and doc[comma + 2].lower in self.own_heads

    def _elaborates(self, doc: Doc, k: int) -> bool:
        """Whether token k opens an elaboration: "yakni", "antara lain", "di antaranya"."""
        if doc[k].lower == self.di and k + 1 < len(doc):
            k += 1
        return doc[k].lower in self.elaborations

    def _clause_start(self, doc: Doc, i: int, window: int) -> int:
        """The first token of the clause that ends before token i, at most `window` tokens back."""
        j = i
        while j > 0 and i - j < window:
            before = doc[j - 1]
            if (before.is_space and "\n" in before.text) or before.lower in self.clause_breaks:
                break
            j -= 1
        return j

    def _quota_counts(self, doc: Doc, hits: list[Hit], unsaid: list[tuple[Reading, int]]) -> list[Hit]:
        """"Kuota terbesar untuk Kabupaten Pesisir Selatan, yakni 3.400 orang": "N orang" whose
        clause said nothing (`unsaid`, and no other rule counted it) counts the people of a
        quota when a quota word stands before it in its sentence; after the lists and totals
        had their turn, so that a list's items keep its unit. So does an addition to a quota or
        to workers counted shortly before (see _added), and so do the rows of a list that
        goes on from a quota's count ("... yaitu 18.000 orang. Kabupaten Tasikmalaya memperoleh
        12.500 orang, Kabupaten Ciamis 9.750 orang, ...": see _list_licence)."""
        def licence(first: int, orang: int, new: list[Hit]) -> float | None:
            quota = any(doc[k].lower in self.quota_words for k in range(self._sentence_start(doc, first), first))
            return QUOTA_LICENCE if quota or self._added(doc, first, orang + 1, hits) \
                or (new and self._list_licence(doc, first, orang, new[-1])) \
                or (hits and self._each_place_share(doc, first, orang)) or self._received_quota(doc, first) else None
        return self._unsaid_counted(doc, hits, unsaid, licence, "worker.quota_orang")

    def _received_quota(self, doc: Doc, first: int) -> bool:
        """Whether the sentence of token `first` opens with a place's capitalised name and a
        receiving verb right before it (approx words between), right after a sentence of its
        paragraph naming a quota ("... kuota dari provinsi dibagikan ke 14 kabupaten/kota.
        Kabupaten Sintang mendapat 3.000 orang")."""
        start = self._sentence_start(doc, first)
        verb = start
        while verb < first and doc[verb].is_title:
            verb += 1
        if verb == start or verb == first or doc[verb].lower not in self.quota_receivers \
                or any(doc[k].lower not in self.approx for k in range(verb + 1, first)):
            return False
        if start < 2 or doc[start - 1].lower not in self.sentence_ends:  # (a line break: another paragraph)
            return False
        return any(doc[k].lower in self.quota_words for k in range(self._sentence_start(doc, start - 1), start))

    def _each_place_share(self, doc: Doc, first: int, orang: int) -> bool:
        """Whether a share of each place stands right after "orang" at token `orang` ("antara 20
        sampai 35 orang per desa"), or "setiap desa" and then a share verb before token `first`
        in its sentence ("Setiap desa mengusulkan antara 30 hingga 90 orang")."""
        if self._share_at(doc, orang + 1):
            return True
        place = self._each_place_before(doc, first)
        return place is not None and any(doc[j].lower in self.share_verbs for j in range(place + 1, first))

    def _unsaid_counted(self, doc: Doc, hits: list[Hit], unsaid: list[tuple[Reading, int]],
                        licence: Callable[[int, int, list[Hit]], float | None], rule: str) -> list[Hit]:
        """The counts of `unsaid` ("N orang" no rule counted; no year) that `licence` licenses, in
        text order: it is given the count's first token, the token of "orang" and the counts
        licensed so far (a list's later rows go on from the last of them)."""
        counted = {hit.start for hit in hits}
        new: list[Hit] = []
        for got, start in unsaid:
            first = got[1]
            if doc[first].idx in counted or got[0].year:
                continue
            sure = licence(first, start, new)
            if sure:
                new.extend(self._count(doc, got, start, start + 1, Noun("unit", "orang", sure, 1), rule))
        return new

    def _added(self, doc: Doc, first: int, after: int, hits: list[Hit]) -> bool:
        """"Kuota tahun ini 4.700 orang. Tahun depan kami usulkan tambahan 1.450 orang", "...
        melindungi 40 warga yang bekerja sebagai petani kopi. Tahun depan kami akan tambah
        menjadi seratus orang": whether the number at token `first` follows an addition word
        (approx words and "menjadi" between) or a change word and "menjadi" ("naik menjadi"),
        with a quota or target word or a worker count in its sentence or the one before; or a
        worker count at most REVISED_CHARS before, no other people named since, when its clause
        ends right after "orang" (token `after`; not "tambahan 30 orang yang mengungsi"): more of
        the same people."""
        i = first - 1
        if (length := _phrase_before(doc, first, self.range_words)) and first - length > 0 \
                and doc[first - length - 1].like_num:
            i = first - length - 2  # the high end of a range: "tambah lagi sekitar 3.000 sampai 4.000 orang"
        while i > 0 and (doc[i].lower in self.approx or doc[i].lower in self.revisions or doc[i].lower in self.additions_end):
            i -= 1
        changed = doc[i].lower in self.changes and doc[i + 1].lower in self.revisions  # "naik menjadi"
        if doc[i].lower not in self.additions and not changed:
            return False
        since = self._sentence_before(doc, self._sentence_start(doc, i))
        if any(doc[k].lower in self.quota_words or doc[k].lower in self.targets for k in range(since, i)):
            return True
        lo, hi = doc[since].idx, doc[i].idx
        if any(lo <= hit.start and hit.end <= hi for hit in hits):
            return True
        if not (after < len(doc) and (not doc[after].text[:1].isalnum() or doc[after].lower in self.additions_end)):
            return False
        last = max((hit.end for hit in hits if hi - REVISED_CHARS <= hit.start and hit.end <= hi), default=None)
        k = i - 1
        while last is not None and k > 0 and doc[k].idx >= last:
            noun = self.nouns.at(doc, k)
            if noun is not None and noun.role == "never":
                return False  # others counted since: "Korban banjir bertambah. ... tambahan 30 orang."
            k -= 1
        return last is not None

    def _bracket_start(self, doc: Doc, close: int) -> int | None:
        """The "(" that the ")" at token `close` closes, BRACKET_WORDS tokens back at most, on its line."""
        for k in range(close - 1, max(-1, close - BRACKET_WORDS - 1), -1):
            tok = doc[k]
            if tok.orth == self.open_paren:
                return k
            if tok.orth == self.close_paren or (tok.is_space and "\n" in tok.text):
                return None
        return None

    def _bare_row_licence(self, doc: Doc, first: int, licensed: frozenset[str]) -> float | None:
        """"Berikut jumlah pekerja rentan yang ditanggung APBD di lima kecamatan terbesar:" over
        "1. Majenang 820 orang" / "2. Kroya 760 orang": a line of a list number or bullet, a
        capitalised name and "N orang" (its number from token `first`), under rows of that shape
        and a heading ending with a colon, is licensed as the heading licenses its rows (see
        _heading_licence)."""
        start = self._line_start(doc, first, LABEL_WINDOW)
        if start is None or not self._list_label(doc, start, first, marked=True):
            return None
        for _ in range(HEADING_LINES):
            if start < 2:
                return None
            previous = self._line_start(doc, start - 1, LIST_WINDOW)
            if previous is None:
                return None
            heading = start - 2  # (the token before the line break)
            if doc[heading].orth == self.colon:
                return self._heading_licence(doc, heading, licensed, previous)
            numbers = next((k for k in range(previous, heading + 1) if self._is_numberish(doc[k]) and k > previous + 1), None)
            if numbers is None or not self._list_label(doc, previous, numbers, marked=True):
                return None
            start = previous
        return None

    def _list_label(self, doc: Doc, start: int, end: int, marked: bool = False) -> bool:
        """Whether tokens start..end are a list number or bullet (required if `marked`), then
        capitalised words only: a list line's label ("1. Kabupaten Asahan", "- Seluma")."""
        if doc[start].orth in self.bullets:
            start += 1
        elif start + 1 < end and doc[start].text.isdigit() and doc[start + 1].text in LIST_MARKS:
            start += 2
        elif marked:
            return False
        return start < end and all(doc[k].is_title for k in range(start, end))

    @staticmethod
    def _line_start(doc: Doc, i: int, window: int) -> int | None:
        """The first token of the line that holds token i, if at most `window` tokens back."""
        j = i
        while j > 0 and i - j < window:
            before = doc[j - 1]
            if before.is_space and "\n" in before.text:
                return j
            j -= 1
        return 0 if j == 0 else None

    def _anaphor_licence(self, doc: Doc, first: int, licensed: frozenset[str]) -> float | None:
        """"... sudah terdaftar sebagai peserta BPJS Ketenagakerjaan. Jumlahnya 1.235 orang": a
        sentence that opens with an anaphor (after anaphor_gap words: "Kini"), then only link
        or approx words (or a change verb before "menjadi") before the number,
        counts what the sentence before (in the same paragraph) names first, if workers; so
        does a clause after a comma, what its sentence names before it ("Seluruh petugas ad
        hoc di dua kabupaten itu, totalnya 15.010 orang, ...", "..., yang jumlahnya 61 juta orang")."""
        i = first - 1
        while i > 0 and (doc[i].lower in self.links or doc[i].lower in self.approx or (
                doc[i].lower in self.changes and doc[i + 1].lower == self.becomes)):  # "jumlahnya naik menjadi"
            i -= 1
        if i < 2 or doc[i].lower not in self.anaphors:
            return None
        if doc[i - 1].lower in self.yangs and doc[i - 2].orth == self.comma:
            i -= 1  # "pekerja formal penerima upah, yang jumlahnya sekitar 61 juta orang"
        while i > 2 and doc[i - 1].lower in self.anaphor_gaps:
            i -= 1  # "... pada 2023. Kini jumlahnya tinggal sekitar 29.500 orang"
        if doc[i - 1].orth != self.comma and doc[i - 1].lower not in self.sentence_ends:
            return None  # after a comma its own sentence names them, after a full stop the one before
        return self._names_workers(doc, self._sentence_ending_at(doc, i - 1), i - 1, licensed) or None

    def _sentence_ending_at(self, doc: Doc, stop: int) -> int:
        """The first token of the sentence or clause that token `stop` (a full stop or comma)
        ends, in its paragraph and 2 * LIST_WINDOW tokens back at most."""
        j = stop - 1
        while j >= 0 and stop + 1 - j <= 2 * LIST_WINDOW and doc[j].lower not in self.sentence_ends \
                and not doc[j].is_space:
            j -= 1
        return j + 1

    def _place_rows(self, doc: Doc, hits: list[Hit], unsaid: list[tuple[Reading, int]],
                    licensed: frozenset[str]) -> list[Hit]:
        """The rows of a list of places' "N orang" that opens a sentence after one naming workers
        (see _place_rows_licence), among the counts no rule counted (`unsaid`), after the lists
        that sum to a total had their turn."""
        return self._unsaid_counted(doc, hits, unsaid, lambda first, orang, new: self._place_rows_licence(
            doc, first, orang, licensed) or (new and self._list_licence(doc, first, orang, new[-1])) or None,
            "worker.list_orang")

    def _place_rows_licence(self, doc: Doc, first: int, orang: int, licensed: frozenset[str]) -> float | None:
        """"... merupakan pekerja rentan yang iurannya ditanggung pemerintah daerah. Di Merangin
        sebanyak 7.500 orang, Bungo 4.250 orang dan ...": "N orang" (tokens `first` to `orang`)
        after a place alone (PLACE_WORDS capitalised words, "di" and link words around them) that
        opens its sentence (perhaps after an anaphor and a comma: "Sebarannya, Kecamatan Kalisat
        1.240 orang, ..."), and before the next row of a list ("," or "dan" and a capitalised
        word), counts what the sentence before names, if workers (its later rows: _list_licence)."""
        i = first - 1
        while i > 0 and (doc[i].lower in self.links or doc[i].lower in self.approx):
            i -= 1
        k = i
        while k > 0 and i - k < PLACE_WORDS and doc[k].is_title:
            k -= 1
        if k == i:
            return None
        if doc[k].lower_ == "di":
            k -= 1
        if k >= 2 and doc[k].orth == self.comma and doc[k - 1].lower in self.anaphors:
            k -= 2  # "Sebarannya, Kecamatan Kalisat 1.240 orang, ..."
        after = orang + 1
        if k < 2 or doc[k].lower not in self.sentence_ends or after + 1 >= len(doc) or not doc[after + 1].is_title \
                or not (doc[after].orth == self.comma or doc[after].lower in self.list_joiners):
            return None
        return self._names_workers(doc, self._sentence_ending_at(doc, k), k, licensed) or None

    def _revised_licence(self, doc: Doc, first: int, last: Hit) -> float | None:
        """"Tahun depan kuota ditambah menjadi 5.000 orang", "Jumlah itu akan ditingkatkan
        menjadi 35 ribu orang": "N orang" right after "menjadi"/"jadi", whose sentence names a
        quota head (kuota, target, jumlah...) at most REVISED_WINDOW tokens before, with no
        number or other noun between, after a worker count (`last`) at most REVISED_CHARS
        before: the same workers' number revised or planned. So does a change verb after that
        worker count itself, in its sentence ("mempekerjakan sekitar 2.800 orang, dan
        diperkirakan bertambah menjadi 7 ribu orang")."""
        i = first - 1
        while i > 0 and doc[i].lower in self.approx:
            i -= 1
        if i <= 0 or doc[i].lower not in self.revisions or doc[first].idx - last.end > REVISED_CHARS:
            return None
        k, changed = i - 1, False
        while k >= 0 and i - k <= REVISED_WINDOW:
            tok = doc[k]
            if tok.lower in self.revised_heads or (changed and tok.idx < last.end):
                break
            changed = changed or tok.lower in self.changes
            if tok.like_num or tok.lower in self.sentence_ends or _breaks_line(tok) or self.nouns.at(doc, k) is not None:
                return None
            k -= 1
        else:
            return None
        return REVISED_LICENCE

    def _compared_licence(self, doc: Doc, first: int, last: Hit) -> float | None:
        """".. bagi 2.640 pekerja rentan pada tahun ini. Jumlah itu naik dibandingkan tahun lalu
        yang hanya dua ribu orang": "N orang" (from token `first`) after "yang" and compared
        adverbs, after a few words of an earlier time, after a compared word ("dibanding") that a
        change verb follows (its size between: "naik hampir dua kali lipat dibanding") right after
        a demonstrative ("itu", "tersebut"), or right after a comma in the sentence of a worker
        count (`last`, at most REVISED_CHARS before): the same workers' number at that time; a
        verb of the figure may follow "yang" ("yang baru mencapai 6.150 orang"). So is one right
        after "dari" and such a change verb ("Jumlah itu naik dari 3,1 juta orang pada akhir 2023")."""
        i = first - 1
        while i > 0 and (doc[i].lower in self.compared_adverbs or doc[i].lower in self.approx):
            i -= 1
        verb = doc[i].lower in self.compared_verbs
        if verb:  # "yang baru mencapai 6.150 orang", "yang tercatat 68 ribu orang"
            i -= 1
            while i > 0 and doc[i].lower in self.compared_adverbs:
                i -= 1
        if i < 4:
            return None
        near = doc[first].idx - last.end <= REVISED_CHARS
        s = self._sentence_start(doc, i)
        if verb and near and last.end <= doc[s].idx and self._opens_earlier_time(doc, s) \
                and any(doc[m].lower in self.schemes for m in range(s, i + 1)):
            return REVISED_LICENCE  # "... 1.550 buruh harian lepas. Tahun lalu, program serupa baru menjangkau
            # 3.000 orang": the same scheme's number a year before
        if doc[i + 1].lower == self.dari and doc[i].lower in self.changes and doc[i - 1].lower in self.demonstratives:
            return REVISED_LICENCE if near and doc[i - 1].idx > last.end else None
        if doc[i].lower not in self.yangs:
            return None
        if doc[i - 1].orth == self.comma:
            i -= 1  # "dibanding tahun ini, yang baru menjangkau 9.600 orang"
        k = i - 1
        while k > i - 1 - COMPARED_TIME_WORDS and k > 2 and doc[k].lower not in self.compared:
            if not (doc[k].is_alpha or is_year(doc[k].text)) or self.nouns.at(doc, k) is not None:
                return None
            k -= 1
        if doc[k].lower not in self.compared or k == i - 1:
            return None
        j = k - 1  # the change verb: right before the compared word, or before the change's size
        while j > k - 1 - CHANGE_SIZE_WORDS and j > 1 and doc[j].lower not in self.changes \
                and (doc[j].is_alpha or doc[j].like_num) and self.nouns.at(doc, j) is None:
            j -= 1  # ("naik hampir dua kali lipat dibanding ...")
        if doc[j].lower not in self.changes:
            return None
        if any((noun := self.nouns.at(doc, m)) is not None and noun.role == "unit"
               for m in range(self._sentence_start(doc, j), j)):
            return REVISED_LICENCE  # the change's subject counts workers: "jumlah peserta tahun ini naik
            # hampir dua kali lipat dibanding tahun lalu yang hanya 7.650 orang"
        if not near:
            return None
        if doc[j - 1].lower in self.demonstratives or doc[j - 1].lower in self.anaphors:  # "Angkanya naik ..."
            return REVISED_LICENCE if doc[j - 1].idx > last.end else None
        if doc[j - 1].orth == self.comma and doc[self._sentence_start(doc, j)].idx <= last.start < doc[j].idx:
            return REVISED_LICENCE  # "... bagi 1.500 pekerja rentan pada 2026, naik dua kali lipat dibanding ..."
        return None

    def _opens_earlier_time(self, doc: Doc, s: int) -> bool:
        """Whether the sentence at token s opens with an earlier time: "Tahun lalu," "Sebelumnya,"."""
        words = [doc[k].lower_ for k in range(s, min(s + 2, len(doc)))]
        return " ".join(words) in self.earlier_times or words[0] in self.earlier_times

    def _enrolled_of_count(self, doc: Doc, first: int, orang: int, last: Hit) -> float | None:
        """"Ada sekitar seribu lima ratus perajin batik ... Tahun ini 620 orang sudah terdaftar,":
        "N orang" (tokens `first` to `orang`) whose clause ends with an enrolment verb right after
        it, a worker count (`last`) at most REVISED_CHARS before in this sentence or the one
        before it: the enrolled ones among those workers."""
        verb_end = self._past_enrol_verb(doc, orang + 1)
        if verb_end is None or doc[first].idx - last.end > REVISED_CHARS:
            return None
        if verb_end < len(doc) and not (doc[verb_end].is_space or doc[verb_end].lower in self.clause_breaks
                                        or doc[verb_end].text in CLOSERS):
            return None  # "... terdaftar sebagai peserta JKN": enrolled in something else
        before = self._sentence_before(doc, self._sentence_start(doc, first))
        return ENROL_LICENCE if last.end > doc[before].idx else None

    def _breakdown_licence(self, doc: Doc, first: int, last: Hit) -> float:
        """"12.418 tenaga honorer ... belum didaftarkan. Rinciannya, Kabupaten Langkat 4.206
        orang, ...", "Disusul perdagangan 418,2 ribu orang": a sentence that opens with an
        elaboration word breaks down the worker count of the sentence before it (or continues
        its own list of them)."""
        i = first - 1
        while i > 0 and first - i <= LIST_WINDOW and doc[i].lower not in self.sentence_ends and not doc[i].is_space:
            i -= 1
        opener = i + 1  # the sentence's first word
        if 0 < i and opener < first and doc[i].is_space and not self._elaborates(doc, opener):
            return self._breakdown_rows(doc, opener, first, last)
        if i <= 0 or opener >= first or not self._elaborates(doc, opener):
            return 0.0
        j = i - 1  # back over the sentence before, to where it starts
        while j >= 0 and doc[j].lower not in self.sentence_ends and not doc[j].is_space:
            j -= 1
        return LIST_LICENCE if last.end > doc[j + 1].idx else 0.0  # the last count: in that sentence or this

    def _breakdown_rows(self, doc: Doc, start: int, first: int, last: Hit) -> float:
        """"... kuota 50 ribu peserta dibagi ... Alokasi terbesar antara lain:" / "Kabupaten
        Langkat: 4.800 orang" / "Kabupaten Asahan: 4.500 orang": rows ("label: N", tokens
        `start` to the number at `first`) under a heading that ends with a colon and holds an
        elaboration word break down the last worker count, if that stands in the heading's
        sentence or the one before it."""
        if not self._row(doc, start, first + 1):
            return 0.0
        for _ in range(HEADING_LINES):  # back over the list's other rows
            previous = self._line_start(doc, start - 1, LIST_WINDOW) if start > 1 else None
            if previous is None or not self._row(doc, previous, start - 1):
                break
            start = previous
        heading = start - 2  # its colon, before the line break
        if heading < 1 or doc[heading].orth != self.colon:
            return 0.0
        opener = self._sentence_start(doc, heading)
        if not any(self._elaborates(doc, k) for k in range(opener, heading)):
            return 0.0
        return LIST_LICENCE if last.end > doc[self._sentence_before(doc, opener)].idx else 0.0

    def _partitive_licence(self, doc: Doc, comma: int) -> float | None:
        """"Dari (sekitar) 98 ribu pekerja, baru 40.180 orang ...", "Dari peserta BPU tersebut,
        21.460 orang ...": the clause before the comma opens with a partitive word and counts
        workers, or names them with a demonstrative, so the "N orang" after it are some of them.
        None when the clause is anything else."""
        i, unit = comma - 1, None
        while i >= 0 and comma - i <= CONTEXT_WINDOW:
            tok = doc[i]
            lower = tok.lower
            if tok.is_space or lower in self.clause_breaks:
                return None
            if lower in self.partitives:
                return unit
            got = self.nouns.ending_at(doc, i, lower) if unit is None else None
            if got is not None:
                noun, begin = got
                if noun.role != "unit" or begin == 0 or not (
                        doc[begin - 1].like_num or i + 2 == comma and doc[i + 1].lower in self.demonstratives):
                    return None
                unit, i = noun.confidence * PARTITIVE_FACTOR, begin
            i -= 1
        return None

    def _list_licence(self, doc: Doc, first: int, orang: int, last: Hit, others: bool = False) -> float:
        """"780 orang, disusul Kota X sebanyak 410 orang dan Kabupaten Y 365 orang": a count
        whose own clause holds nothing but names, numbers and list words continues the list
        of the last worker count, if that is in the same sentence, or ends the sentence before
        and this count is a row of its own ("... Kota Kediri 9.870 orang. Kabupaten Madiun baru
        18.240 orang dan ..."). With `others` ("N orang lainnya") any words may stand between,
        but no other number; before "lainnya" ("dan sembilan kabupaten/kota lainnya 2.110
        orang") any words too."""
        in_clause = not (first >= 1 and doc[first - 1].lower == self.others_word)
        i = first - 1
        while i >= 0:
            tok = doc[i]
            if tok.idx < last.end:
                break
            lower = tok.lower
            if first - i > LIST_WINDOW or tok.is_space:
                return 0.0
            if lower in self.sentence_ends:
                return LIST_LICENCE if self._next_sentence_row(doc, first, orang, tok, last) else 0.0
            if others:
                if tok.like_num:
                    return 0.0
            elif lower in self.clause_breaks:
                in_clause = False
            elif in_clause and tok.is_alpha and tok.is_lower and lower not in self.list_words:
                return 0.0
            i -= 1
        return LIST_LICENCE

    def _per_place_licence(self, doc: Doc, first: int, orang: int, last: Hit | None,
                           licensed: frozenset[str] = frozenset()) -> float | None:
        """PER_PLACE_LICENCE for "N orang" (tokens `first` to `orang`) that ends its clause after
        a share of each place ("minimal 20 orang per desa,"; a floor word before it, or the
        last worker count just before: "36 anggota linmas, dua orang per TPS"), or after which
        its clause ends when a floor word opens it in a sentence naming each place ("Setiap
        desa mengusulkan paling sedikit 30 orang."). With no worker count before (`last`
        None), a share after a floor word counts when its sentence names workers uncounted
        ("iuran bagi pekerja rentan melalui Dana Desa 2025, minimal 10 orang per desa")."""
        n, k = len(doc), orang + 1
        shared = self._share_at(doc, k)
        k += 2 if shared else 0
        floor = first > 0 and doc[first - 1].lower in self.floors
        if k < n and not (doc[k].is_space or doc[k].lower in self.clause_breaks or doc[k].text in CLOSERS
                          or (shared and floor)):  # "minimal 100 orang per desa yang didaftarkan"
            return None
        if last is None:  # (the workers may be named after the share: "minimal 50 orang per desa, diprioritaskan buruh ...")
            return PER_PLACE_LICENCE if shared and floor and self._uncounted_unit(
                doc, self._sentence_start(doc, first), self._sentence_end(doc, k), licensed) else None
        if shared:
            near = first > 1 and doc[first - 1].orth == self.comma and doc[first - 2].idx < last.end
            return PER_PLACE_LICENCE if floor or near else None
        return PER_PLACE_LICENCE if floor and self._each_place_before(doc, first - 1) is not None else None

    def _uncounted_unit(self, doc: Doc, start: int, end: int, licensed: frozenset[str]) -> bool:
        """Whether tokens start..end name a worker unit with no number before it."""
        for k in range(start, end):
            noun = self.nouns.at(doc, k)
            if noun is not None and (noun.role == "unit" or noun.role in licensed) and not (k > start and doc[k - 1].like_num):
                return True
        return False

    def _share_at(self, doc: Doc, k: int) -> bool:
        """Whether a share of each place ("per desa", "setiap nagari") opens at token k."""
        return k + 1 < len(doc) and doc[k].lower in self.share_openers and doc[k + 1].lower in self.share_places

    def _each_place_before(self, doc: Doc, i: int) -> int | None:
        """The place's token of "setiap desa" (a share opener and a place) in the sentence before token i, if any."""
        return next((j for j in range(max(1, self._sentence_start(doc, i)), i)
                     if doc[j].lower in self.share_places and doc[j - 1].lower in self.share_openers), None)

    def _next_sentence_row(self, doc: Doc, first: int, orang: int, stop: Token, last: Hit) -> bool:
        """Whether the count from token `first` to "orang" (token `orang`) opens a row of the list
        that the last count ended at the full stop `stop`: nothing but a closing mark between
        that count and the stop, a name just before the number (list words aside: "Jatim
        mencatat 1.204 orang"), and the row's end, a list word or a clause break just after
        "orang"."""
        k = stop.i - 1
        while k >= 0 and doc[k].idx >= last.end:
            if doc[k].text not in CLOSERS:
                return False
            k -= 1
        k = first - 1
        while k > stop.i and doc[k].lower in self.list_words and doc[k].is_lower:
            k -= 1
        if k <= stop.i or not doc[k].is_title:
            return False
        after = orang + 1
        return after >= len(doc) or doc[after].is_space or doc[after].lower in self.row_closers


def _outside(hits: list[Hit], spans) -> list[Hit]:
    """The hits that start outside every span (money amounts read before), in O(n log n)."""
    if not hits or not spans:
        return hits
    spans = sorted([(h.start, h.end) for h in spans])
    starts = [a for a, _ in spans]
    reach = list(accumulate([b for _, b in spans], max))  # furthest end among spans so far
    return [h for h in hits if (i := bisect_right(starts, h.start)) == 0 or reach[i - 1] <= h.start]


def _runs(items: list[tuple[Reading, int]]) -> list[list[tuple[Reading, int]]]:
    """Counts before "orang" grouped into lists: each within LIST_WINDOW tokens of the last."""
    runs: list[list[tuple[Reading, int]]] = []
    for item in items:
        if runs and item[0][1] - runs[-1][-1][1] <= LIST_WINDOW:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _summed_tables(hits: list[Hit], tables: list[list[tuple[int, int, int]]]) -> list[Hit]:
    """"52.318 pekerja rentan ... Sebarannya per kecamatan (orang):" / "Percut Sei Tuan 8.412" /
    ... / "Jumlah 52.318": a table's rows count workers when they add up exactly to a worker
    count named before the table (its last row may be that total)."""
    new = []
    for rows in tables:
        values = [value for value, _, _ in rows]
        if values[-1] == sum(values[:-1]):
            rows, values = rows[:-1], values[:-1]  # a total line
        whole = _count_before(hits, rows[0][1], sum(values))
        if whole is None:
            continue
        conf = round(whole.confidence * TABLE_FACTOR, 3)
        new.extend(Hit("worker_count", start, end, "worker.table_row", conf, {"value": value, "unit": whole.fields["unit"]})
                   for value, start, end in rows)
    return new


def _ratio_base(value: int) -> bool:
    """Whether "N dari <value>" reads as a ratio: "1 dari 3", "satu dari 10", "2 dari 100"."""
    return value <= RATIO_BASE or str(value).rstrip("0") == "1"


def _count_before(hits: list[Hit], char: int, value: int) -> Hit | None:
    """The last worker count of this value that ends before character `char`, if any."""
    return next((hit for hit in reversed(hits) if hit.end <= char and hit.fields["value"] == value), None)


def _count_after(hits: list[Hit], char: int, value: int) -> Hit | None:
    """The first worker count of this value that starts after character `char`, within
    PARTS_BEFORE_CHARS of it, if any."""
    return min((hit for hit in hits if char < hit.start <= char + PARTS_BEFORE_CHARS and hit.fields["value"] == value),
               key=attrgetter("start"), default=None)


def _breaks_line(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _passed_over(noun: Noun, licensed: frozenset[str]) -> bool:
    """A context noun the article does not license, or an `enrolled` noun: it says nothing
    of a count near it."""
    return (noun.role in CONTEXT_ROLES and noun.role not in licensed) or noun.role == ENROLLED


def _resident_unit(word: str) -> str:
    """The unit of a count of residents: its resident word without "-nya" ("warganya": warga)."""
    return word.removesuffix("nya")


def _plain_orang(hit: Hit) -> bool:
    return hit.fields["unit"] == "orang"


def _inside(char: int, hits) -> bool:
    """Whether character `char` lies inside one of the hits."""
    return any(hit.start <= char < hit.end for hit in hits)


def _spans(doc: Doc, hits: list[Hit], rules: frozenset[str] | None = None) -> Iterator[tuple[Hit, Span]]:
    """(hit, its token span) of each hit (of one of `rules`, if given)."""
    for hit in hits:
        if rules is None or hit.rule in rules:
            span = doc.char_span(hit.start, hit.end)
            if span is not None:
                yield hit, span


def _within_tenfold(a: int, b: int) -> bool:
    """Whether two counts are of one order of magnitude (neither ten times the other)."""
    return a * 10 >= b and b * 10 >= a


def _cell_hit(doc: Doc, cell: Cell, rule: str, confidence: float, value: int, unit: str) -> Hit:
    """A worker count read in a table's cell (its tokens start..end)."""
    start, end = cell
    last = doc[end - 1]
    return Hit("worker_count", doc[start].idx, last.idx + len(last), rule, confidence, {"value": value, "unit": unit})


def _one_per_number(hits: list[Hit]) -> list[Hit]:
    """One count per figure: where two rules read the same one ("2.870 orang tercatat sebagai
    peserta": "orang" and "peserta"), the one that names its unit."""
    best: dict[int, Hit] = {}
    for hit in hits:
        kept = best.get(hit.start)
        if kept is None or (kept.fields["unit"] == "orang" and hit.fields["unit"] != "orang"):
            best[hit.start] = hit
    return hits if len(best) == len(hits) else list(best.values())


def _sums_before(ordered: list[Hit], char: int, total: int) -> bool:
    """Whether the last two or more worker counts (in text order) ending before character
    `char`, the nearest within PARTS_BEFORE_CHARS of it, add up to total exactly."""
    k = bisect_right([hit.end for hit in ordered], char)
    if k < 2 or char - ordered[k - 1].end > PARTS_BEFORE_CHARS:
        return False
    subtotal = ordered[k - 1].fields["value"]
    for hit in reversed(ordered[:k - 1]):
        subtotal += hit.fields["value"]
        if subtotal >= total:
            return subtotal == total
    return False


def _summing_run(values: list[int], total: int) -> tuple[int, int] | None:
    """(start, end) of the first run of two or more values in a row that add up to total."""
    for a in range(len(values)):
        subtotal = values[a]
        for b in range(a + 1, len(values)):
            subtotal += values[b]
            if subtotal == total:
                return a, b + 1
            if subtotal > total:
                break
    return None


def _countable(q: Quantity | None) -> bool:
    return q is not None and q.value > 0 and q.is_whole()


def _is_dash(doc: Doc, cell: Cell) -> bool:
    """Whether a table cell holds only a dash: nothing of that part ("Kota Tual | 2.400 | - | 2.400")."""
    first, end = cell
    return end - first == 1 and doc[first].text in DASHES


def _same_order(a: Quantity, b: Quantity) -> bool:
    return a.value * 10 >= b.value and b.value * 10 >= a.value
