"""Figures a correction notice takes back (retractions.csv): no worker count or amount is
read from them, since a wrong fact is worse than a missing one."""
from __future__ import annotations

import re
from pathlib import Path

from ..common import read_csv

SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


class Retractions:
    """spans(text): the character spans of a text's retracted figures."""

    def __init__(self, path: Path = Path(__file__).with_name("retractions.csv")) -> None:
        rows = read_csv(path)
        phrases: dict[str, list[str]] = {}
        for row in rows:
            phrases.setdefault(row["role"], []).append(re.escape(row["phrase"]))

        def words(role: str) -> re.Pattern:
            return re.compile(r"\b(?:" + "|".join(sorted(phrases[role], key=len, reverse=True)) + r")\b", re.IGNORECASE)

        self.notice, self.retracted, self.corrected = words("notice"), words("retracted"), words("corrected")
        # the retracted phrases, lower case: one must be in a text for the regexes to run (plain
        # substring tests are far cheaper than a case-blind search)
        self.clues = tuple(row["phrase"].lower() for row in rows if row["role"] == "retracted")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """From the start of each sentence with a `retracted` phrase, inside a paragraph with a
        `notice` word, to its first `corrected` phrase or its end."""
        lower = text.lower()
        if not any(clue in lower for clue in self.clues):
            return []
        found = []
        for m in self.retracted.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            if not self.notice.search(text, line_start, line_end):
                continue
            start = line_start
            for end in SENTENCE_END.finditer(text, line_start, m.start()):
                start = end.end()
            stop = SENTENCE_END.search(text, m.end(), line_end)
            stop = stop.start() if stop else line_end
            right = self.corrected.search(text, m.end(), stop)
            found.append((start, right.start() if right else stop))
        return found
