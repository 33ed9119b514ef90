"""The regulation rules compiled once: type spellings, keywords, issuer aliases, citation shapes.

Every word list lives in a data file beside this module (types.csv, keywords.csv,
issuers.csv, patterns.jsonl); this module only reads and compiles them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from extractors.common import read_csv, read_jsonl
from extractors.dates.rules import month_forms

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class TypeSpelling:
    """One way of writing a regulation type ("Permenaker") and what it implies."""

    words: tuple[str, ...]  # the tokens as written in types.csv
    orths: tuple[int, ...]  # their orth ids (to compare with tokens' without reading texts)
    exact: bool  # must match with this capitalisation
    type: str
    issuer: str  # implied issuer or office ("Presiden", "Gubernur"), "" if none
    issuer_follows: bool


@dataclass(frozen=True, slots=True)
class Shape:
    """One citation shape of patterns.jsonl, compiled."""

    rule: str
    after: re.Pattern
    before: re.Pattern | None
    types: frozenset[str] | None  # None: every type not in not_types
    not_types: frozenset[str]
    require: tuple[str, ...]
    confidence: float

    def applies_to(self, type_: str) -> bool:
        if type_ in self.not_types:
            return False
        return self.types is None or type_ in self.types


@dataclass(frozen=True, slots=True)
class Rules:
    matcher: PhraseMatcher
    spellings: dict[int, TypeSpelling]  # match id -> spelling
    shapes: tuple[Shape, ...]
    shapes_for: dict[str, tuple[Shape, ...]]  # type -> the shapes that apply to it, in file order
    keywords: dict[str, str]  # lowercase word -> role (number, year, title, article, paragraph)
    dated_words: frozenset[str]  # "tanggal": a signing day follows the number
    months: frozenset[str]  # every written form of a month's name, lower-case
    title_words: frozenset[str]  # "tentang"
    issuer_noise: frozenset[str]
    title_connectors: frozenset[str]
    title_breaks: frozenset[str]
    offices: frozenset[str]
    private_issuers: frozenset[str]  # words of a body that issues no regulation ("PSSI", "PT")
    village_issuers: frozenset[str]  # first words of a village issuer, whose instruments have no type ("Gampong")
    issuer_aliases: dict[str, str]  # lowercase alias -> issuer


def load(nlp: Language) -> Rules:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    spellings: dict[int, TypeSpelling] = {}
    for n, row in enumerate(read_csv(HERE / "types.csv")):
        surface = nlp.make_doc(row["surface"])
        key = f"regulation_type_{n}"
        spellings[nlp.vocab.strings.add(key)] = TypeSpelling(
            words=tuple(t.text for t in surface),
            orths=tuple(t.orth for t in surface),
            exact=row["case"] == "exact",
            type=row["type"],
            issuer=row["issuer"],
            issuer_follows=row["issuer_follows"] == "yes",
        )
        matcher.add(key, [nlp.make_doc(row["surface"])])
    keywords: dict[str, str] = {}
    groups: dict[str, set[str]] = {}
    for row in read_csv(HERE / "keywords.csv"):
        word = row["word"].lower()
        groups.setdefault(row["role"], set()).add(word)
        if row["role"] in {"number", "year", "title", "article", "paragraph"}:
            keywords[word] = row["role"]
    shapes = tuple(_shape(p) for p in read_jsonl(HERE / "patterns.jsonl"))
    types = {spelling.type for spelling in spellings.values()}
    return Rules(
        matcher=matcher,
        spellings=spellings,
        shapes=shapes,
        shapes_for={t: tuple(s for s in shapes if s.applies_to(t)) for t in types},
        keywords=keywords,
        title_words=frozenset(groups.get("title", ())),
        dated_words=frozenset(groups.get("dated", ())),
        months=month_forms(),
        issuer_noise=frozenset(groups.get("issuer_noise", ())),
        title_connectors=frozenset(groups.get("title_connector", ())),
        title_breaks=frozenset(groups.get("title_break", ())),
        offices=frozenset(groups.get("office", ())),
        private_issuers=frozenset(groups.get("private_issuer", ())),
        village_issuers=frozenset(groups.get("village_issuer", ())),
        issuer_aliases={r["alias"].lower(): r["issuer"] for r in read_csv(HERE / "issuers.csv")},
    )


def _shape(p: dict) -> Shape:
    return Shape(
        rule=p["rule"],
        after=re.compile(p.get("after", "")),
        before=re.compile(p["before"]) if p.get("before") else None,
        types=frozenset(p["types"]) if "types" in p else None,
        not_types=frozenset(p.get("not_types", ())),
        require=tuple(p.get("require", ())),
        confidence=float(p["confidence"]),
    )
