"""The officials extractor's rule files, loaded once into read-only lookup tables."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from spacy.language import Language

from ..common import read_csv, read_lines
from ..regions.data import name_index, village_names

if TYPE_CHECKING:
    from .spans import Tokens

HERE = Path(__file__).parent
BIRTH_NAME_OPENERS = frozenset({"I", "Ni"})  # before a Balinese birth-order name (words.csv birth_order)
NAME_WORD = re.compile(r"^(?=..)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]*(?:['’][A-Za-zÀ-ÖØ-öø-ÿ][a-zß-öø-ÿ]*)?$")  # Budi, Ma'ruf, Rifa'i
REGIONS = HERE.parent / "regions"
VILLAGE_TAIL_NAMES = 10


@dataclass(frozen=True, slots=True)
class Title:
    """A row of positions.csv."""

    position: str
    field: str  # no | opt | req | unit
    needs_qualifier: bool
    org: str  # template or literal, "" = none
    scope: frozenset[str]
    refine: bool
    place: str  # "local" | "district" | "village" | "area" | ""
    descriptive: bool = False  # a role named by a lower-case field ("pengamat ketenagakerjaan Universitas X")


@dataclass(frozen=True, slots=True)
class Organization:
    """A row of organizations.csv."""

    name: str  # template or literal
    scope: frozenset[str]
    area_unit: str
    branch_unit: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A row of units.csv."""

    name: str
    scope: frozenset[str]


Trie = dict[str, tuple[tuple[tuple[str, ...], object], ...]]


def _trie(entries: dict[tuple[str, ...], object]) -> Trie:
    """First lowercase word -> (word tuple, value) pairs, longest first."""
    by_first: dict[str, list] = {}
    for words, value in entries.items():
        by_first.setdefault(words[0], []).append((words, value))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_first.items()}


def longest(trie: Trie, toks: Tokens, n: int, i: int):
    """Longest trie entry at token i (of n): (end token, value) or None."""
    entries = trie.get(toks[i].lower)
    if entries is None:
        return None
    for words, value in entries:
        end = i + len(words)
        if end > n:
            continue
        k = 1
        while k < len(words) and toks[i + k].lower == words[k]:
            k += 1
        if k == len(words):
            return end, value
    return None


def _joined(names: list[str]) -> frozenset[str]:
    """Names of two words or more, written as one ("Tegal Ratu" as "Tegalratu"), lower case."""
    return frozenset(name.replace(" ", "").lower() for name in names if " " in name and name.replace(" ", "").isalpha())


def _regulation_heads() -> frozenset[str]:
    """One-word regulation types that match in any case (regulations/types.csv: "pergub",
    "perbup", "inpres"): never part of a person's name."""
    rows = read_csv(HERE.parent / "regulations" / "types.csv")
    return frozenset(r["surface"] for r in rows if r["case"] == "any" and " " not in r["surface"])


def _common_words(names: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(heads, tails) of the village names of several words, each word in VILLAGE_TAIL_NAMES
    names or more: heads open them ("teluk", "sungai": a one-word village of that spelling may
    be the start of a longer one), tails go on after their first word ("jaya", "baru": after a
    known village, such a word may still be the village's)."""
    split = [name.split() for name in names if " " in name]
    heads = Counter(words[0] for words in split)
    tails = Counter(word for words in split for word in set(words[1:]))
    return tuple(frozenset(w for w, n in c.items() if n >= VILLAGE_TAIL_NAMES) for c in (heads, tails))


def _wildcard_regex(patterns: list[str]) -> re.Pattern | None:
    """'*kan' (suffix) and 'Kemen*' (prefix) as one regex; a suffix needs a 4-letter stem."""
    parts = []
    for p in patterns:
        if p.startswith("*"):
            parts.append(r"[a-z]{4,}" + re.escape(p[1:].lower()))
        else:
            parts.append(re.escape(p[:-1].lower()) + r"[a-z]*")
    return re.compile("^(?:" + "|".join(parts) + ")$") if parts else None


class Lexicon:
    """Every word list and table the officials rules use, keyed by lowercase tokens."""

    def __init__(self, nlp: Language) -> None:
        words = lambda text: tuple(t.lower_ for t in nlp.make_doc(text))  # noqa: E731
        title_rows = read_csv(HERE / "positions.csv")
        modifier_rows = read_csv(HERE / "modifiers.csv")
        self.surfaces = {"title": [r["surface"] for r in title_rows], "mod": [r["surface"] for r in modifier_rows]}
        self.titles: dict[tuple[str, ...], Title] = {
            words(r["surface"]): Title(
                r["position"], r["field"] or "no", r["needs"] in ("qual", "lower"), r["org"],
                frozenset(r["scope"].split()), r["refine"] == "yes", r["place"], r["needs"] == "lower",
            )
            for r in title_rows
        }
        self.title_heads = frozenset(words[0] for words in self.titles)  # "kepala", "ketua", "bupati" ...
        self.modifiers: dict[tuple[str, ...], str] = {
            words(r["surface"]): r["modifier"] for r in modifier_rows
        }
        self.orgs: Trie = _trie({
            words(r["surface"]): Organization(
                r["organization"], frozenset(r["scope"].split()), r["area_unit"], r["branch_unit"]
            )
            for r in read_csv(HERE / "organizations.csv")
        })
        unit_rows = read_csv(HERE / "units.csv")
        self.units: Trie = _trie({
            words(r["surface"]): Unit(r["unit"], frozenset(r["scope"].split())) for r in unit_rows
        })
        self.unit_by_name = {r["unit"]: Unit(r["unit"], frozenset(r["scope"].split())) for r in unit_rows}
        branch_places = read_lines(HERE / "branch_places.txt")
        place_names = [r["name"] for r in read_csv(REGIONS / "districts.csv")] + list(name_index()) + branch_places
        self.districts: Trie = _trie({  # kecamatan, region and branch names: where an untagged place ends
            tuple(name.lower().split()) if name.replace(" ", "").isalpha() else words(name): "place"
            for name in place_names
        })
        self.branch_places: Trie = _trie({words(p): "place" for p in branch_places})
        villages = village_names()  # desa/kelurahan: where a village head's place ends
        self.villages = frozenset(  # lower case, words as the tokenizer splits them, joined by spaces
            name.lower() if name.replace(" ", "").isalpha() else " ".join(words(name)) for name in villages
        ) | _joined(villages)
        self.village_words = 1 + max(name.count(" ") for name in self.villages)
        self.village_heads, self.village_tails = _common_words(self.villages)
        foreign = read_lines(HERE / "foreign_places.txt")
        self.foreign: Trie = _trie({words(p): "place" for p in foreign})
        elements: dict[tuple[str, ...], tuple[str, object]] = {}  # title elements, longest wins
        for kind, trie in (("place", self.foreign), ("unit", self.units), ("org", self.orgs)):
            for entries in trie.values():
                elements.update((words, (kind, value)) for words, value in entries)
        self.elements: Trie = _trie(elements)
        fields = read_lines(HERE / "field_words.txt")
        self.field_words = frozenset(w.lower() for w in fields if not w.startswith("=") and " " not in w)
        self.field_acronyms = frozenset(w[1:] for w in fields if w.startswith("="))  # as written only
        pairs = [w.lower().split() for w in fields if " " in w]  # "Budi Daya": field words only together
        self.field_pair_next = {first: second for first, second in pairs}
        self.field_pair_prev = {second: first for first, second in pairs}
        roles: dict[str, set[str]] = {}
        wildcards, capital_degrees = [], set()
        for r in read_csv(HERE / "words.csv"):
            if r["role"] == "degree" and r["word"].isupper() and len(r["word"]) >= 3:
                capital_degrees.add(r["word"].lower())  # "DEA", "MARS": written "Dea", a name word
            if "*" in r["word"]:
                wildcards.append(r["word"])
            else:
                roles.setdefault(r["role"], set()).add(r["word"].lower())
        self.honorifics = frozenset(roles.get("honorific", ()))
        self.name_honorifics = frozenset(roles.get("name_honorific", ()))
        self.degrees = frozenset(roles.get("degree", ()))
        self.capital_degrees = frozenset(capital_degrees)  # degrees only in capitals (see is_name_word)
        self.particles = frozenset(roles.get("particle", ()))
        self.shortened = frozenset(roles.get("shortened", ()))
        self.birth_orders = frozenset(roles.get("birth_order", ()))
        self.short_only = self.shortened & self.degrees  # a name part only as "St." before a name (Sitti), else a degree
        self.inner_honorifics = frozenset(roles.get("inner_honorific", ()))
        self.after_name = frozenset(roles.get("after", ()))
        self.glue = frozenset(roles.get("glue", ()))
        self.copulas = frozenset(roles.get("copula", ()))  # (after a full name only)
        self.apposition = frozenset(w for w in roles.get("apposition", ()) if " " not in w) | self.copulas
        self.apposition_phrases = frozenset(tuple(w.split()) for w in roles.get("apposition", ()) if " " in w)
        self.apposition_lengths = sorted({len(p) for p in self.apposition_phrases}, reverse=True)  # longest first
        self.stops = frozenset(roles.get("stop", ()))
        self.speech = frozenset(roles.get("speech", ()))
        self.distributive = frozenset(words(w) for w in roles.get("distributive", ()))  # as tokens
        self.org_start = frozenset(roles.get("org_start", ()))
        self.org_end = frozenset(roles.get("org_end", ()))
        self.memberships = frozenset(roles.get("membership", ()))
        self.companies = frozenset(roles.get("company", ()))
        self.led_by = frozenset(roles.get("led_by", ()))
        self.signature_marks = frozenset(roles.get("signature", ()))
        self.place_openers = frozenset(roles.get("place_opener", ()))
        self.form_names, self.form_posts = frozenset(roles.get("form_name", ())), frozenset(roles.get("form_post", ()))
        self.negators = frozenset(w for w in roles.get("negator", ()) if " " not in w)
        self.negator_pairs = frozenset(tuple(w.split()) for w in roles.get("negator", ()) if " " in w)
        self.bodies = frozenset(roles.get("body", ()))
        self.numbered = frozenset(roles.get("numbered", ()))
        self.numbered_before_org = frozenset(roles.get("numbered_before_org", ()))
        self.numbered_any = self.numbered | self.numbered_before_org
        self.grades = frozenset(roles.get("grade", ()))
        self.coded = frozenset(roles.get("coded", ()))
        self.asides = frozenset(roles.get("aside", ()))
        statuses = roles.get("status", ())
        self.statuses = frozenset(w for w in statuses if " " not in w)
        self.status_pairs = frozenset(tuple(w.split()) for w in statuses if " " in w)  # "saat itu"
        self.leading = frozenset(w for w in roles.get("leading", ()) if " " not in w)
        runs = [w for w in roles.get("leading", ()) if " " in w] + list(roles.get("spelled_rank", ()))
        # words dropped together before a name ("Datuk Seri", "Komisaris Besar Polisi"): longest first
        self.title_runs = tuple(sorted({tuple(w.split()) for w in runs}, key=len, reverse=True))
        self.title_run_starts = frozenset(run[0] for run in self.title_runs)
        self.name_openers = frozenset(roles.get("name_opener", ()))
        self.mid_name = frozenset(roles.get("mid_name", ()))
        self.regnal_names = frozenset(roles.get("regnal", ()))
        self.constituencies = frozenset(tuple(w.split()) for w in roles.get("constituency", ()))
        self.electorals = frozenset(tuple(w.split()) for w in roles.get("electoral", ()))
        self.author_lines = frozenset(tuple(w.split()) for w in roles.get("author_line", ()))
        self.bylines = frozenset(roles.get("byline", ()))
        self.escorts = frozenset(roles.get("escort", ()))
        self.relatives = frozenset(roles.get("relative", ()))
        self.remits = frozenset(roles.get("remit", ()))
        self.locatives = frozenset(roles.get("locative", ()))
        self.venues = frozenset(w.lower() for w in roles.get("venue", ()))
        self.handovers = frozenset(tuple(w.split()) for w in roles.get("handover", ()))
        self.handover_words = frozenset(w for words in self.handovers for w in words)
        self.anaphors = frozenset(roles.get("anaphor", ()))
        self.determiners = frozenset(roles.get("determiner", ()))
        self.opens_name_or_org = self.bodies | self.org_start | self.honorifics
        self.not_name = (
            frozenset(roles.get("stop", ())) | self.after_name | self.glue | self.field_words
            | self.honorifics | self.degrees | self.org_start
            | {w for place in foreign for w in words(place)}
            | {entry[0] for entries in self.orgs.values() for entry, _ in entries if len(entry) == 1}  # "Unkhair"
            | _regulation_heads()  # "Menurut Sekda, Pergub tersebut ...": no name
        ) - roles.get("name_ok", set())
        self.name_ok = frozenset(roles.get("name_ok", ()))
        self.not_name_shape = _wildcard_regex(wildcards)

    def is_suffixed_name_word(self, text: str, lower: str) -> bool:
        """A name-shaped word that only a verb suffix pattern rules out ("Lamatokan"): a name's
        last word before a comma, where no verb stands."""
        shape = self.not_name_shape
        return bool(shape) and lower not in self.not_name and NAME_WORD.match(text) is not None \
            and shape.match(lower) is not None

    def is_name_word(self, text: str, lower: str) -> bool:
        """Whether a word can be part of a person's name, by shape and lists."""
        shape = self.not_name_shape
        return (lower not in self.not_name or self.titled_degree(text, lower)) and NAME_WORD.match(text) is not None \
            and not (shape and shape.match(lower))

    def titled_degree(self, text: str, lower: str) -> bool:
        """Whether a word is a degree written only in capitals ("DEA") written as a name word
        ("Syarafuddin Dea Muhammad"): a name part, not a degree."""
        return lower in self.capital_degrees and text.istitle()
