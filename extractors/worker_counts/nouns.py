"""The nouns of nouns.csv, looked up at a token by the hash of its lower-case form.

token.lower is an int attribute, several times cheaper than token.lower_; phrases are
tokenized with the pipeline's tokenizer so "non-ASN" matches as the text splits it.
A lookup reads one word at a time and stops as soon as no longer phrase begins (or
ends) with the words read so far, so it usually reads one or two tokens.
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

from spacy.language import Language
from spacy.tokens import Doc


POSSESSIVE = "nya"  # written onto a worker unit's last word: the same workers, someone's ("nelayannya")


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
        for words, noun in list(self.nouns.items()):  # "120 awak kapalnya", "64 nelayannya": their workers
            if noun.role == "unit":
                self.nouns.setdefault((*words[:-1], strings.add(strings[words[-1]] + POSSESSIVE)), noun)
        # Word sequences that a longer phrase starts with (heads) or ends with (tails).
        self.heads = frozenset(words[:n] for words in self.nouns for n in range(1, len(words)))
        self.tails = frozenset(words[-n:] for words in self.nouns for n in range(1, len(words)))
        self.first_words = frozenset(words[0] for words in self.nouns)
        self.last_words = frozenset(words[-1] for words in self.nouns)

    def at(self, doc: Doc, i: int) -> Noun | None:
        """The longest phrase that starts at token i."""
        first = doc[i].lower
        if first not in self.first_words:
            return None
        words = (first,)
        noun = self.nouns.get(words)
        j = i + 1
        while words in self.heads and j < len(doc):
            words += (doc[j].lower,)
            noun = self.nouns.get(words, noun)
            j += 1
        return noun

    def ending_at(self, doc: Doc, i: int, last: int | None = None) -> tuple[Noun, int] | None:
        """The longest phrase that ends at token i, and its first token (`last`: the
        lower-case hash of token i, if known)."""
        if last is None:
            last = doc[i].lower
        if last not in self.last_words:
            return None
        words = (last,)
        found = self.nouns.get(words), i
        j = i - 1
        while words in self.tails and j >= 0:
            words = (doc[j].lower, *words)
            noun = self.nouns.get(words)
            if noun is not None:
                found = noun, j
            j -= 1
        return found if found[0] is not None else None
