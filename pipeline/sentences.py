"""Sentence boundaries that know Indonesian abbreviations ("Dr.", "No.", "M.Si.").

Computed lazily, once per doc, only when a fact asks for its sentence.
"""
from __future__ import annotations

import bisect
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

ENDERS = frozenset({".", "!", "?", "…", "..."})


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations from data/abbreviations.txt, without their final period."""
    path = Path(__file__).parent / "data" / "abbreviations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().rstrip(".") for s in lines if s.strip() and not s.startswith("#"))


def _is_abbreviation(word: str) -> bool:
    return word in abbreviations() or (len(word) == 1 and word.isupper())


CLOSERS = frozenset({'"', "”", "’", "'", ")"})


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where sentences start (cached in doc.user_data)."""
    cached = doc.user_data.get("fakta_sentence_starts")
    if cached is not None:
        return cached
    starts = [0]
    n = len(doc)
    for tok in doc:
        text = tok.text
        if "\n" not in text:
            if text not in ENDERS:
                continue
            if text == "." and tok.i and _is_abbreviation(doc[tok.i - 1].text):
                continue
        j = tok.i + 1
        while j < n and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:  # closing quote
            j += 1
        while j < n and doc[j].is_space:
            j += 1
        if j < n:
            starts.append(doc[j].idx)
    starts = sorted(set(starts))
    doc.user_data["fakta_sentence_starts"] = starts
    return starts


def sentence_at(doc: Doc, start: int, end: int) -> str:
    """The sentence holding characters start..end, stripped of surrounding space."""
    starts = sentence_starts(doc)
    i = bisect.bisect_right(starts, start) - 1
    j = bisect.bisect_left(starts, end)
    lo = starts[max(i, 0)]
    hi = starts[j] if j < len(starts) else len(doc.text)
    return doc.text[lo:hi].strip()
