"""Figures the text itself calls false (denials.csv): a fact-check or a clarification quotes a
claim to deny it, so its figure is no fact, wherever the article repeats it (the headline,
the quoted post)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..common import read_csv
from .grammar import NumberGrammar

SENTENCE_START = re.compile(r"[.!?](?=\s)|\n")
# A figure as written: digits with dot thousands or comma decimals, maybe "Rp" before and a
# scale word after ("Rp50.000", "150 ribu", "2,5 juta").
FIGURE = r"(?P<rp>Rp\.?\s?)?(?P<number>\d(?:[\d.,]*\d)?)(?:\s?(?P<scale>ribu|juta|miliar|triliun|rb|jt)\b)?"
FIGURE_PARTS = re.compile(FIGURE, re.IGNORECASE)
DIGIT = re.compile(r"\d")


class Denied(NamedTuple):
    spans: list[tuple[int, int]]  # characters holding denied figures
    counts: frozenset[int]  # values of the grouped or scaled figures in them ("30.000", "150 ribu")
    amounts: frozenset[int]  # values of their rupiah figures ("Rp50.000")
    people: frozenset[str]  # names, lower case, of officials the text says do not exist


class Denials:
    """find(text): the figures that the text calls false."""

    def __init__(self, path: Path = Path(__file__).with_name("denials.csv")) -> None:
        phrases: dict[str, list[str]] = {}
        for row in read_csv(path):
            phrases.setdefault(row["role"], []).append(row["phrase"])

        def words(role: str) -> str:
            return r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases[role], key=len, reverse=True)) + r")\b"

        self.claim = re.compile(words("claim"), re.IGNORECASE)
        self.false = re.compile(rf"(?<![\w-]){words('false')}(?!-)", re.IGNORECASE)
        self.negated = re.compile(rf"{words('negator')}\s+$", re.IGNORECASE)
        self.contrasted = re.compile(
            rf"{words('not')}\s+({FIGURE})(?:\s+[^\W\d]+){{0,2}}\s*,?\s+{words('contrast')}\s+"
            rf"(?:sekitar\s+|sebanyak\s+|hanya\s+)?(?:Rp\.?\s?)?\d", re.IGNORECASE)
        self.nobody = re.compile(rf"\btidak\s+ada\s+{words('nobody')}(?:\s+[^\W\d]+){{0,3}}?\s+bernama\s+"
                                 r"([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,4})")
        # each role's phrases, lower case: a regex runs only on a text holding those it needs
        # (a substring test is far cheaper than a case-blind search of the whole text)
        self.clues = {role: tuple(p.lower() for p in ps) for role, ps in phrases.items()}
        self.grammar = NumberGrammar.load()

    def find(self, text: str) -> Denied | None:
        lower = text.lower()
        spans = self._spans(text, lower)
        people = frozenset(" ".join(m[1].split()).lower() for m in self.nobody.finditer(text)) \
            if "bernama" in text and "tidak" in text else frozenset()
        if not spans and not people:
            return None
        counts, amounts = set(), set()
        for lo, hi in spans:
            for m in FIGURE_PARTS.finditer(text, lo, hi):
                number, scale, money = m["number"], m["scale"], bool(m["rp"])
                if not (scale or money or "." in number or "," in number):
                    continue  # a plain integer: a day, a year
                got = self.grammar.parse([number, scale] if scale else [number], money=money)
                if got is not None and got.is_whole():
                    (amounts if money else counts).add(got.as_int())
        return Denied(spans, frozenset(counts), frozenset(amounts), people)

    def _spans(self, text: str, lower: str) -> list[tuple[int, int]]:
        found = []
        if self._holds(lower, "not") and self._holds(lower, "contrast"):
            found += [m.span(1) for m in self.contrasted.finditer(text)]
        falses = self.false.finditer(text) if self._holds(lower, "false") else ()
        for m in falses:
            start = m.start()
            if self.negated.search(text, max(0, start - 20), start):
                continue  # "bukan hoaks"
            sentence = 0
            for end in SENTENCE_START.finditer(text, max(0, start - 400), start):
                sentence = end.end()
            claims = list(self.claim.finditer(text, sentence, start))
            if claims and DIGIT.search(text, claims[-1].end(), start):
                found.append((claims[-1].end(), start))
        return found

    def _holds(self, lower: str, role: str) -> bool:
        """Whether the lower-cased text holds one of a role's phrases."""
        return any(phrase in lower for phrase in self.clues[role])
