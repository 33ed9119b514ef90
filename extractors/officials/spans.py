"""Per-doc lookups, all lazy so that the cost follows the few tokens the rules look at:
token text (read once each), other extractors' hits by token, line breaks."""
from __future__ import annotations

import bisect
from itertools import accumulate
from operator import itemgetter
from typing import Callable, NamedTuple

from spacy.tokens import Doc

from ..common import Found, Hit

PLACE_KINDS = frozenset({"region", "office_area"})
SENTENCE_ENDS = frozenset({".", '"', "”"})
MAX_HEADLINE_TOKENS = 40
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 4, 25
MAX_HEADLINE_LOWER = 5  # more lowercase words than 20% of 25 words: not a headline
HEADLINE_LOWERCASE = frozenset({"ke", "di", "dan", "untuk", "dari", "dengan", "yang", "atau", "pada", "bagi", "jadi"})


class Tok(NamedTuple):
    text: str
    lower: str
    idx: int  # character offset
    cap: bool  # starts with an uppercase letter
    blank: bool  # whitespace token (line break)
    punct: bool  # punctuation or symbol only


_new_tok = tuple.__new__  # builds a Tok without NamedTuple's Python-level __new__


class Tokens(dict):
    """tokens[i] -> Tok, built on first use: a seed-sized doc needs ~60 of its ~600 tokens,
    so reading them one by one beats any whole-doc array (doc.to_array costs ~50 µs)."""

    def __init__(self, doc: Doc, name_word: Callable[[str, str], bool]) -> None:
        super().__init__()
        self.doc, self.n = doc, len(doc)
        self.name_word = name_word  # (text, lowercase) -> a name-shaped word (names.py)

    def __missing__(self, i: int) -> Tok:
        t = self.doc[i]
        text = t.text
        lower = text.lower()
        first = text[:1]
        blank = first.isspace()
        cap = first.isupper()
        tok = self[i] = _new_tok(Tok, (text, lower, t.idx, cap, blank, not blank and not first.isalnum()))
        return tok

    def idx(self, i: int) -> int:
        """Character offset of token i."""
        return self[i].idx

    def offset(self, i: int) -> int:
        """Character offset of token i, without building its Tok when it has none yet."""
        tok = self.get(i)
        return tok.idx if tok is not None else self.doc[i].idx

    def end_char(self, i: int) -> int:
        """Character offset just after token i."""
        tok = self[i]
        return tok.idx + len(tok.text)

    def space(self, i: int) -> bool:
        """Whether a space follows token i (a gap before the next token: spaCy's whitespace is
        one space or none, any other whitespace is a token of its own)."""
        if 0 <= i < self.n - 1:
            tok = self[i]
            return self[i + 1].idx > tok.idx + len(tok.text)
        return bool(self.doc[i].whitespace_)

    def text(self, start: int, end: int) -> str:
        """The text of tokens start..end as written (as doc[start:end].text, without a Span)."""
        tok = self[start]
        if end - start == 1:
            return tok.text
        parts = [tok.text]
        pos = tok.idx + len(tok.text)
        for k in range(start + 1, end):
            tok = self[k]
            if tok.idx > pos:
                parts.append(" ")
            parts.append(tok.text)
            pos = tok.idx + len(tok.text)
        return "".join(parts)


class FoundSpans(dict):
    """Hits of earlier extractors by token: spans[i] -> (end token, hit, kind) or None."""

    def __init__(self, toks: Tokens, found: Found) -> None:
        super().__init__()
        self.toks = toks
        entries = [(h.start, h.end, h, kind) for kind, hits in found.items() for h in hits]
        entries.sort(key=_first)
        self.entries = entries
        self.starts = [e[0] for e in entries]
        self.reach = [0, *accumulate([e[1] for e in entries], max)]  # reach[k]: max end of entries[:k]

    def __missing__(self, i: int) -> tuple[int, Hit, str] | None:
        result = None
        starts = self.starts
        if starts:
            toks = self.toks
            char = toks.offset(i)
            k = bisect.bisect_right(starts, char)
            best = None  # the longest covering span: "Jawa Tengah dan DIY" over "Jawa Tengah"
            if char < self.reach[k]:
                for e in self.entries[k - 4 if k > 4 else 0: k]:
                    if char < e[1] and (best is None or e[1] > best[1]):
                        best = e
            if best is not None:
                _, end, hit, kind = best
                j = i + 1
                n = toks.n
                while j < n and toks.offset(j) < end:
                    j += 1
                result = (j, hit, kind)
        self[i] = result
        return result


_first = itemgetter(0)


class Places:
    """Region and office-area tokens: get(i) -> (end token, hit, kind); `i in places`."""

    def __init__(self, spans: FoundSpans) -> None:
        self.spans = spans

    def get(self, i: int):
        found = self.spans[i]
        return found if found is not None and found[2] in PLACE_KINDS else None

    def __contains__(self, i: int) -> bool:
        found = self.spans[i]
        return found is not None and found[2] in PLACE_KINDS


class Blocked:
    """Tokens no name may include: titles and anything another extractor found."""

    def __init__(self, spans: FoundSpans, tokens: set[int]) -> None:
        self.spans, self.tokens = spans, tokens
        self.any_found = bool(spans.entries)

    def __contains__(self, i: int) -> bool:
        return i in self.tokens or (self.any_found and self.spans[i] is not None)


class Lines:
    """Whether a token stands in a short Title-Case line (headline, caption), not in a sentence."""

    def __init__(self, doc: Doc, toks: Tokens) -> None:
        self.doc, self.toks = doc, toks

    def is_headline(self, i: int, after: int) -> bool:
        """Token i opens a hit that ends before token `after`. A lowercase word there that
        headlines keep lowercase too ("ke", "di") says nothing; any other one ends the
        question cheaply: headlines capitalise their verbs ("Bupati X Sambut Baik ...").

        The line is the run of tokens between whitespace tokens around i: at most
        MAX_HEADLINE_TOKENS tokens, not ending in SENTENCE_ENDS, 4-25 words of which at
        least 80% Title or UPPER case. The scan outwards from i stops at the first sign
        that it is not one (too long, too many words, more than 5 lowercase words)."""
        toks, n = self.toks, self.toks.n
        if after < n:
            nxt = toks[after]
            if nxt.text[:1].islower() and nxt.lower not in HEADLINE_LOWERCASE:
                return False
        forward = self._scan(range(i, n), 0, 0, 0)
        if forward is None:
            return False
        counted, words, lower = forward
        if toks[i + counted - 1].text in SENTENCE_ENDS:
            return False
        backward = self._scan(range(i - 1, -1, -1), counted, words, lower)
        if backward is None:
            return False
        _, words, lower = backward
        return words >= MIN_HEADLINE_WORDS and words - lower >= 0.8 * words

    def _scan(self, indices: range, counted: int, words: int, lower: int) -> tuple[int, int, int] | None:
        """Walk tokens of the line in `indices` order up to white space, adding to the counts of
        tokens, words and lowercase words; None as soon as the line cannot be a headline."""
        doc = self.doc
        for j in indices:
            tok = doc[j]
            if tok.is_space:
                break
            if tok.is_alpha:
                words += 1
                if not (tok.is_title or tok.is_upper):
                    lower += 1
                    if lower > MAX_HEADLINE_LOWER:
                        return None
            counted += 1
            if counted > MAX_HEADLINE_TOKENS or words > MAX_HEADLINE_WORDS:
                return None
        return counted, words, lower
