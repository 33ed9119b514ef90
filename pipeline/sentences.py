"""Sentence boundaries that know Indonesian abbreviations ("Dr.", "No.", "M.Si.").

A sentence ends at a paragraph break, or at . ! ? … followed by white space
(closing quotes and brackets stay with the sentence they close), except after
an abbreviation from data/abbreviations.txt or a single capital initial.
Computed with one regex pass over the text, lazily, once per article.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path

# One leading character class lets the regex engine skip ahead fast (5x quicker than an alternation).
_BOUNDARY = re.compile(r"""[.!?…\n](?:(?<=[.!?…])[.!?…]*["'”’)\]]*[ \t]+|(?<=\n)\n*)(?=\S)""")


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations from data/abbreviations.txt, without their final period."""
    path = Path(__file__).parent / "data" / "abbreviations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().rstrip(".") for s in lines if s.strip() and not s.startswith("#"))


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(\"'")
    return word in abbreviations() or (len(word) == 1 and word.isupper())


class Sentences:
    """Sentence lookup for one text: sentence_at(start, end) -> the sentence holding that span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            text, starts = self.text, [0]
            for m in _BOUNDARY.finditer(text):
                at = m.start()
                if m.group(0) == ". " or (text[at] == "." and text[at + 1] in " \t"):
                    word = text[max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1 : at]
                    if _is_abbreviation(word):
                        continue
                starts.append(m.end())
            self._starts = starts
        return self._starts

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """(first, last + 1) character of the sentence(s) holding the span, spaces included."""
        starts = self.starts
        i = bisect.bisect_right(starts, start) - 1
        j = bisect.bisect_left(starts, end)
        return starts[max(i, 0)], starts[j] if j < len(starts) else len(self.text)

    def sentence_at(self, start: int, end: int) -> str:
        lo, hi = self.bounds(start, end)
        return self.text[lo:hi].strip()
