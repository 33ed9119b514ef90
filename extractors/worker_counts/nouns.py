"""The nouns of nouns.csv, looked up at a token by the hash of its lower-case form.

token.lower is an int attribute, several times cheaper than token.lower_; phrases are
tokenized with the pipeline's tokenizer so "non-ASN" matches as the text splits it.
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

from spacy.language import Language
from spacy.tokens import Doc


class Noun(NamedTuple):
    role: str  # unit | classifier | cue | soft_cue | never
    unit: str
    confidence: float
    length: int  # tokens


class NounTable:
    def __init__(self, nlp: Language, rows: Sequence[dict]) -> None:
        strings = nlp.vocab.strings
        self.nouns: dict[tuple[int, ...], Noun] = {}
        for row in rows:
            words = tuple(strings.add(t.lower_) for t in nlp.make_doc(row["phrase"]))
            self.nouns[words] = Noun(row["role"], row["unit"], float(row["confidence"] or 0), len(words))
        # Phrase lengths to try, longest first, by first word and by last word.
        self.lengths_from: dict[int, tuple[int, ...]] = {}
        self.lengths_to: dict[int, tuple[int, ...]] = {}
        for words in self.nouns:
            for table, key in ((self.lengths_from, words[0]), (self.lengths_to, words[-1])):
                table[key] = tuple(sorted({*table.get(key, ()), len(words)}, reverse=True))

    def at(self, doc: Doc, i: int) -> Noun | None:
        """The longest phrase that starts at token i."""
        first = doc[i].lower
        lengths = self.lengths_from.get(first)
        if lengths is None:
            return None
        words = [first, *(doc[j].lower for j in range(i + 1, min(i + lengths[0], len(doc))))]
        for n in lengths:
            noun = self.nouns.get(tuple(words[:n])) if n <= len(words) else None
            if noun is not None:
                return noun
        return None

    def ending_at(self, doc: Doc, i: int) -> tuple[Noun, int] | None:
        """The longest phrase that ends at token i, and its first token."""
        last = doc[i].lower
        lengths = self.lengths_to.get(last)
        if lengths is None:
            return None
        words = [*(doc[j].lower for j in range(max(i + 1 - lengths[0], 0), i)), last]
        for n in lengths:
            noun = self.nouns.get(tuple(words[-n:])) if n <= len(words) else None
            if noun is not None:
                return noun, i + 1 - n
        return None
