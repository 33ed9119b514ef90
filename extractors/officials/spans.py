"""Per-doc lookups, all lazy so that the cost follows the few tokens the rules look at:
each token read once (its text, and any hit of another extractor over it), line breaks."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Callable

from spacy.strings import StringStore
from spacy.tokens import Doc

from ..common import Found, Hit

PLACE_KINDS = frozenset({"region", "office_area"})
SENTENCE_ENDS = frozenset({".", '"', "”"})
MAX_HEADLINE_TOKENS = 40
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 4, 25
MAX_HEADLINE_LOWER = 5  # more lowercase words than 20% of 25 words: not a headline
HEADLINE_LOWERCASE = frozenset({"ke", "di", "dan", "untuk", "dari", "dengan", "yang", "atau", "pada", "bagi", "jadi"})
TOKS_CACHED = 1 << 15  # word forms whose Tok tok_reader keeps (~250 bytes each)
NEAREST_SPANS = 4  # a token's covering hit is sought among the 4 hits starting last before it


class Tok:
    """What the rules read of a token's word form (the same wherever it stands)."""

    __slots__ = ("blank", "cap", "lower", "name", "punct", "text")

    def __init__(self, text: str, name_word: Callable[[str, str], bool]) -> None:
        self.text = text
        self.lower = lower = text.lower()
        first = text[:1]
        self.cap = cap = first.isupper()  # starts with an uppercase letter
        self.blank = blank = first.isspace()  # whitespace token (line break)
        self.punct = not blank and not first.isalnum()  # punctuation or symbol only
        # capitalised, name-shaped, in no list that rules names out (names.name_word)
        self.name = cap and name_word(text, lower)


_start, _end = attrgetter("start"), attrgetter("end")


def tok_reader(strings: StringStore, name_word: Callable[[str, str], bool]) -> Callable[[int], Tok]:
    """orth id -> the Tok of that string, built once (a bounded cache of a pure function)."""

    @lru_cache(maxsize=TOKS_CACHED)
    def tok(orth: int) -> Tok:
        return Tok(strings[orth], name_word)

    return tok


class Tokens(dict):
    """tokens[i] -> Tok, read on first use: a seed-sized doc needs ~60 of its ~600 tokens,
    so reading them one by one beats any whole-doc array (doc.to_array costs ~50 µs).

    Reading token i also records its character offset (offsets[i]) and the hit of an
    earlier extractor over it: the token joins `blocked` (no name takes it; titles and
    modifiers are there from the start), and a region or office area goes to places[i] as
    (end token, kind, hit). Sorted by start, a token's hit is the longest of the
    NEAREST_SPANS hits starting last at or before it that covers it ("Jawa Tengah dan DIY"
    over "Jawa Tengah")."""

    def __init__(self, doc: Doc, tok: Callable[[int], Tok], found: Found, blocked: set[int]) -> None:
        self.doc, self.n, self.tok, self.blocked = doc, len(doc), tok, blocked
        self.offsets: dict[int, int] = {}
        self.places: dict[int, tuple[int, str, Hit]] = {}
        hits = self.hits = sorted(chain.from_iterable(found.values()), key=_start)  # found: by kind
        self.starts = list(map(_start, hits))
        self.reach = reach = [0]  # reach[k]: the furthest end of hits[:k]
        furthest = 0
        for end in map(_end, hits):
            if end > furthest:  # (cheaper than max())
                furthest = end
            reach.append(furthest)

    def __missing__(self, i: int) -> Tok:
        t = self.doc[i]
        char = self.offsets[i] = t.idx
        k = bisect_right(self.starts, char)
        if char < self.reach[k]:
            hit = self._hit(char, k)
            if hit is not None:
                self.blocked.add(i)
                if hit.kind in PLACE_KINDS:
                    self.places[i] = self._end_token(i, hit.end), hit.kind, hit
        tok = self[i] = self.tok(t.orth)
        return tok

    def _hit(self, char: int, k: int) -> Hit | None:
        """The longest hit over character `char` among the last ones starting before starts[k]."""
        best = None
        for hit in self.hits[k - NEAREST_SPANS if k > NEAREST_SPANS else 0: k]:
            if char < hit.end and (best is None or hit.end > best.end):
                best = hit
        return best

    def _end_token(self, i: int, end: int) -> int:
        """The first token after token i that starts at or after character `end`."""
        j, n = i + 1, self.n
        while j < n and self.offset(j) < end:
            j += 1
        return j

    def place(self, i: int) -> tuple[int, str, Hit] | None:
        """The region or office area over token i: (end token, kind, hit)."""
        self[i]
        return self.places.get(i)

    def idx(self, i: int) -> int:
        """Character offset of token i."""
        self[i]
        return self.offsets[i]

    def offset(self, i: int) -> int:
        """Character offset of token i, without reading it when it is not read yet."""
        offset = self.offsets.get(i)
        return offset if offset is not None else self.doc[i].idx

    def end_char(self, i: int) -> int:
        """Character offset just after token i."""
        return len(self[i].text) + self.offsets[i]

    def space(self, i: int) -> bool:
        """Whether a space follows token i (a gap before the next token: spaCy's whitespace is
        one space or none, any other whitespace is a token of its own)."""
        if 0 <= i < self.n - 1:
            end = len(self[i].text) + self.offsets[i]
            self[i + 1]
            return self.offsets[i + 1] > end
        return bool(self.doc[i].whitespace_)

    def text(self, start: int, end: int) -> str:
        """The text of tokens start..end as written (as doc[start:end].text, without a Span)."""
        text = self[start].text
        if end - start == 1:
            return text
        offsets = self.offsets
        parts = [text]
        pos = offsets[start] + len(text)
        for k in range(start + 1, end):
            text = self[k].text
            if offsets[k] > pos:
                parts.append(" ")
            parts.append(text)
            pos = offsets[k] + len(text)
        return "".join(parts)


class Lines:
    """Whether a token stands in a short Title-Case line (headline, caption), not in a sentence.

    The line is the run of tokens between whitespace tokens: a headline has at most
    MAX_HEADLINE_TOKENS tokens, does not end in SENTENCE_ENDS, and has 4-25 words of which
    at least 80% in Title or UPPER case. The counts only grow as the line is read, so
    reading stops at the first limit passed; and a line found too long or too lowercase
    (tokens plain[0]..plain[1]) settles every later hit in it."""

    def __init__(self, toks: Tokens) -> None:
        self.doc, self.toks, self.n = toks.doc, toks, toks.n
        self.plain = (0, 0)

    def is_headline(self, i: int, after: int) -> bool:
        """Token i opens a hit that ends before token `after`. A lowercase word there that
        headlines keep lowercase too ("ke", "di") says nothing; any other one ends the
        question cheaply: headlines capitalise their verbs ("Bupati X Sambut Baik ...").
        Next cheapest, the words after the hit alone may pass a limit."""
        toks, n = self.toks, self.n
        if self.plain[0] <= i < self.plain[1]:
            return False
        if after < n:
            nxt = toks[after]
            if nxt.text[:1].islower() and nxt.lower not in HEADLINE_LOWERCASE:
                return False
            end = self._past_limit(after, after - i)
            if end >= 0 and self._unbroken(i, after):
                self.plain = (i, end)
                return False
        forward = self._scan(i, 1, 0, 0, 0)
        if forward is None:
            return False
        counted, titled, lower = forward
        if toks[i + counted - 1].text in SENTENCE_ENDS:
            return False
        backward = self._scan(i - 1, -1, counted, titled, lower)
        if backward is None:
            return False
        _, titled, lower = backward
        words = titled + lower
        return words >= MIN_HEADLINE_WORDS and words - lower >= 0.8 * words

    def _unbroken(self, i: int, after: int) -> bool:
        """Whether tokens i..after are all on one line (no whitespace token among them)."""
        get, doc = self.toks.get, self.doc
        for j in range(i, after):
            tok = get(j)
            if tok.blank if tok is not None else doc[j].is_space:
                return False
        return True

    def _past_limit(self, start: int, counted: int) -> int:
        """Reading the line on from token `start`, `counted` tokens of it already read: the
        token where it has passed a limit (exclusive end of the tokens read), or -1 if it
        ends first."""
        doc = self.doc
        titled = lower = 0
        stop = min(start + MAX_HEADLINE_TOKENS - counted + 1, self.n)  # one token past the limit
        for j in range(start, stop):
            tok = doc[j]
            if tok.is_alpha:
                if tok.is_title or tok.is_upper:
                    titled += 1
                else:
                    lower += 1
                    if lower > MAX_HEADLINE_LOWER:
                        return j + 1
            elif tok.is_space:
                return j if titled + lower > MAX_HEADLINE_WORDS else -1
        counted += max(stop - start, 0)  # the tokens read, none of them white space
        return stop if counted > MAX_HEADLINE_TOKENS or titled + lower > MAX_HEADLINE_WORDS else -1

    def _scan(self, start: int, step: int, counted: int, titled: int, lower: int) -> tuple[int, int, int] | None:
        """Read the line from token `start` in direction `step` up to white space, adding to the
        counts of tokens, Title/UPPER words and lowercase words; None once it passes a limit."""
        doc = self.doc
        last = start + step * (MAX_HEADLINE_TOKENS - counted)  # one token past the limit
        stop = min(last + 1, self.n) if step > 0 else max(last - 1, -1)
        end = stop
        for j in range(start, stop, step):
            tok = doc[j]
            if tok.is_alpha:
                if tok.is_title or tok.is_upper:
                    titled += 1
                else:
                    lower += 1
                    if lower > MAX_HEADLINE_LOWER:
                        return None
            elif tok.is_space:
                end = j
                break
        counted += max((end - start) * step, 0)  # the tokens read before white space or the limit
        if counted > MAX_HEADLINE_TOKENS or titled + lower > MAX_HEADLINE_WORDS:
            return None
        return counted, titled, lower
