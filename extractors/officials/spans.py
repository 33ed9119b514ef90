"""Per-doc lookups, all lazy so that the cost follows the few tokens the rules look at:
each token read once (its text, and any hit of another extractor over it), line breaks."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Callable

from spacy.strings import StringStore
from spacy.tokens import Doc

from ..common import BULLETS, Found, Hit
from .lexicon import NAME_WORD, Lexicon

DESIGNATOR = re.compile(r"^(?:[A-Z]|[IVX]{1,5}|\d{1,3})$")  # a letter or numeral naming a post
PLACE_KINDS = frozenset({"region", "office_area"})
SENTENCE_ENDS = frozenset({".", ";", '"', "”"})  # a line ending in one is no headline (";": a list item)
MAX_HEADLINE_TOKENS = 40
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 4, 25
LIST_MARKS = frozenset({".", ")"})  # after a list item's number: "1.", "2)"
LABEL_REACH = 16  # tokens from a form line's start to the post of its value, at most
LABEL_WORDS = 3  # words of a contact block's label line at most ("Informasi lebih lanjut:")
MAX_HEADLINE_COMMAS = 2  # a line with more commas is a sentence
MAX_HEADLINE_LOWER = 5  # more lowercase words than 20% of 25 words: not a headline
HEADLINE_LOWERCASE = frozenset({"ke", "di", "dan", "untuk", "dari", "dengan", "yang", "atau", "pada", "bagi", "jadi"})
TOKS_CACHED = 1 << 15  # word forms whose Tok tok_reader keeps (~250 bytes each)
NEAREST_SPANS = 4  # a token's covering hit is sought among the 4 hits starting last before it
OTHER, TITLED, LOWER, SPACE = range(4)  # Tok.line: a Title/UPPER word, a lowercase word, white space


class Tok:
    """What the rules read of a token's word form (the same wherever it stands), so that each
    distinct word is judged once: its shape and the word lists it is in."""

    __slots__ = ("blank", "cap", "designator", "ends_name", "field", "field_next", "field_prev", "honorific",
                 "line", "lower", "name", "name_honorific", "punct", "rank_name", "suffixed_name", "text")

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lower = lower = text.lower()
        first = text[:1]
        self.cap = cap = first.isupper()  # starts with an uppercase letter
        self.blank = blank = first.isspace()  # whitespace token (line break)
        self.punct = punct = not blank and not first.isalnum()  # punctuation or symbol only
        # capitalised, name-shaped, in no list that rules names out
        self.name = cap and lex.is_name_word(text, lower)
        self.suffixed_name = cap and not self.name and lex.is_suffixed_name_word(text, lower)  # "Lamatokan"
        self.honorific = lower in lex.honorifics and (len(text) > 1 or text == "H")  # "Dr", "H", not "h"
        self.rank_name = self.honorific and NAME_WORD.match(text) is not None  # "Mayor": may end a name too
        self.name_honorific = cap and lower in lex.name_honorifics  # "Mas": an honorific before a name only
        # may directly follow a name: punctuation, lowercase, a number, a date word, a degree
        self.ends_name = (
            blank or punct or first.islower() or first.isdigit()
            or lower in lex.after_name or (lower.rstrip(".") in lex.degrees and not lex.titled_degree(text, lower))
        )
        self.field = cap and (lower in lex.field_words or text in lex.field_acronyms)  # a capitalised word of a post's field
        # the other word of a two-word field ("Budi Daya"): a field word only beside it
        self.field_next = cap and lex.field_pair_next.get(lower)
        self.field_prev = cap and lex.field_pair_prev.get(lower)
        self.designator = DESIGNATOR.match(text) is not None  # after a numbered word: "Komisi E"
        # what Lines counts, as spaCy's is_alpha, is_title or is_upper, is_space tell it
        if text.isalpha():
            self.line = TITLED if text.istitle() or text.isupper() else LOWER
        else:
            self.line = SPACE if text.isspace() else OTHER

    def as_field(self) -> Tok:
        """This word read as a field word: one of a two-word field beside its other word."""
        tok = object.__new__(Tok)
        for slot in Tok.__slots__:
            setattr(tok, slot, getattr(self, slot))
        tok.field, tok.name, tok.suffixed_name = True, False, False
        return tok

    def as_honorific(self) -> Tok:
        """This word read as an honorific: a name_honorific right before a name ("Mas Bimo")."""
        tok = object.__new__(Tok)
        for slot in Tok.__slots__:
            setattr(tok, slot, getattr(self, slot))
        tok.honorific, tok.name, tok.suffixed_name, tok.name_honorific = True, False, False, False
        return tok


_start, _end = attrgetter("start"), attrgetter("end")


def tok_reader(strings: StringStore, lex: Lexicon) -> Callable[[int], Tok]:
    """orth id -> the Tok of that string, built once (a bounded cache of a pure function)."""

    @lru_cache(maxsize=TOKS_CACHED)
    def tok(orth: int) -> Tok:
        return Tok(strings[orth], lex)

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

    __slots__ = ("blocked", "doc", "hits", "n", "offsets", "places", "reach", "starts", "tok")

    def __init__(self, doc: Doc, tok: Callable[[int], Tok], found: Found, blocked: set[int]) -> None:
        self.doc, self.n, self.tok, self.blocked = doc, len(doc), tok, blocked
        self.offsets: dict[int, int] = {}
        self.places: dict[int, tuple[int, str, Hit]] = {}
        hits = self.hits = sorted(chain.from_iterable(found.values()), key=_start)  # found: by kind
        self.starts = list(map(_start, hits))
        self.reach = reach = [0]  # reach[k]: the furthest end of hits[:k]
        furthest = 0
        for end in map(_end, hits):
            if end > furthest:  # (cheaper than max(), as in _past_limit)
                furthest = end
            reach.append(furthest)

    def __missing__(self, i: int) -> Tok:
        t = self.doc[i]
        tok = self[i] = self.tok(t.orth)
        if tok.name_honorific and self._before_name(i):
            tok = self[i] = tok.as_honorific()
        elif (tok.field_next or tok.field_prev) and self._in_field_pair(i, tok):
            tok = self[i] = tok.as_field()
        char = self.offsets[i] = t.idx
        k = bisect_right(self.starts, char)
        if char < self.reach[k]:  # some hit may be over it
            self._cover(i, char, char + len(tok.text), k)
        return tok

    def _in_field_pair(self, i: int, tok: Tok) -> bool:
        """Whether token i and its neighbour make a two-word field ("Bidang Budi Daya")."""
        doc = self.doc
        return bool((tok.field_next and i + 1 < self.n and doc[i + 1].lower_ == tok.field_next and doc[i + 1].is_title)
                    or (tok.field_prev and i > 0 and doc[i - 1].lower_ == tok.field_prev and doc[i - 1].is_title))

    def _before_name(self, i: int) -> bool:
        """Whether a capitalised word follows token i, right after it or after a period ("R.A. Sekar");
        a one-letter title only with its period ("R. Bagus" is Raden Bagus, "R Bayu" an initial)."""
        j = i + 1
        if j < self.n and self[j].text in (".", "'"):
            j += 1  # "R.A. Sekar", "Ne' Marthen" (Toraja)
        elif len(self[i].text) == 1:
            return False
        return j < self.n and self[j].cap and not self[j].punct

    def _cover(self, i: int, char: int, end_char: int, k: int) -> None:
        """Note the hit over token i (characters char..end_char; hits[:k] start at or before
        it), if any of the last NEAREST_SPANS: blocked, places."""
        best = None  # the longest hit over `char` among the last ones starting before starts[k]
        for hit in self.hits[k - NEAREST_SPANS if k > NEAREST_SPANS else 0: k]:
            if char < hit.end and (best is None or hit.end > best.end):
                best = hit
        if best is not None:
            self.blocked.add(i)
            if best.kind in PLACE_KINDS:
                end = i + 1 if best.end <= end_char else self._end_token(i, best.end)
                self.places[i] = end, best.kind, best

    def _end_token(self, i: int, end: int) -> int:
        """The first token after token i that starts at or after character `end`."""
        j, n, offsets, doc = i + 1, self.n, self.offsets, self.doc
        while j < n:
            offset = offsets.get(j)
            if (offset if offset is not None else doc[j].idx) >= end:
                break
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

    def __init__(self, toks: Tokens, handovers: frozenset[str] = frozenset()) -> None:
        self.doc, self.toks, self.n = toks.doc, toks, toks.n
        self.handovers = handovers  # words between a list item's organisation and its officer
        self.plain = (0, 0)

    def is_headline(self, i: int, title_end: int, after: int) -> bool:
        """Token i opens a hit that ends before token `after` (tokens i..title_end are its title's
        words, never white space). A lowercase word at `after` that headlines keep lowercase
        too ("ke", "di") says nothing; any other one ends the question cheaply: headlines
        capitalise their verbs ("Bupati X Sambut Baik ..."). Next cheapest, the words after
        the hit alone may pass a limit; if the line ends first, their counts are kept and
        only the hit's own words are added (read already, as Toks)."""
        toks, n = self.toks, self.n
        if self.plain[0] <= i < self.plain[1] or self._labelled_field(i, after) or self._under_label(i):
            return False
        if i > 0 and toks[i - 1].text in BULLETS and (i == 1 or toks[i - 2].blank):
            return False  # a list's item line: "- Wakil Bupati Tanah Laut, Jamaluddin Noor"
        if i > 1 and toks[i - 1].text in LIST_MARKS and self._list_item(i - 2) and (i == 2 or toks[i - 3].blank):
            return False  # a numbered one: "4. Kepala BPJS Ketenagakerjaan Cabang Banjarmasin, Rizky"
        forward = None
        if after < n:
            nxt = toks[after]
            if nxt.text[:1].islower() and nxt.lower not in HEADLINE_LOWERCASE:
                return False
            if nxt.text == "," and after + 1 < n and toks[after + 1].text[:1].islower() and \
                    toks[after + 1].lower not in HEADLINE_LOWERCASE:
                return False  # "Kepala ... Makassar, Andi Muhammad Arief Rahman, merinci syaratnya:"
            end, rest = self._past_limit(after, after - i, nxt.line)
            if self._unbroken(title_end, after):
                if end >= 0:
                    self.plain = (i, end)
                    return False
                forward = self._with_hit(i, after, *rest)
                if forward is None:
                    return False
        if forward is None:
            forward = self._scan(i, 1, 0, 0, 0)
            if forward is None:
                return False
        counted, titled, lower = forward
        if toks[i + counted - 1].text in SENTENCE_ENDS:
            return False
        backward = self._scan(i - 1, -1, counted, titled, lower)
        if backward is None:
            return False
        comma = i - 1
        while comma > 0 and toks[comma].lower in self.handovers:  # "PT X, diterima Direktur Y"
            comma -= 1
        if comma >= 0 and toks[comma].text in {",", "("} and self._list_item(i - (backward[0] - counted)):
            return False  # a list item's officer after its organisation: "1. PT Borneo Kurir, Direktur Utama X",
            # "2. RSUD Curup, Rejang Lebong (Direktur Maya)"
        _, titled, lower = backward
        words = titled + lower
        if words < MIN_HEADLINE_WORDS or words - lower < 0.8 * words:
            return False
        start = i - (backward[0] - counted)  # a sentence crowded with names may be 80% capitalised, but
        # sets them off with commas as no headline does ("..., Yakobus Itlay, M.Si, bersama Kepala ..., Benny Mambor, di ...")
        return sum(1 for k in range(start, i + counted) if toks[k].text == ",") <= MAX_HEADLINE_COMMAS

    def _labelled_field(self, i: int, after: int) -> bool:
        """Whether the hit is the value of a form's line, after a label of one or two words and
        a colon, names its person after a comma and runs to the line's end ("Pejabat: Wakil
        Bupati Manokwari Selatan, Elias Ullo"), as no headline does ("VIDEO: Wakil Bupati
        Kaimana Buka Festival Teluk"); or names the person first and the post (from token i) in
        brackets ("Pimpinan Rapat : H. Dedi Supriatna, S.H. (Ketua Komisi IV)")."""
        toks, n = self.toks, self.n
        end = after + 1 if after < n and toks[after].text == ")" else after
        if end < n and not toks[end].blank:
            return False
        bracketed = end > after and i > 0 and toks[i - 1].text == "("
        if not bracketed and not any(toks[k].text == "," for k in range(i, after)):
            return False
        k = i - 1
        while k >= 0 and not toks[k].blank:
            if i - k > LABEL_REACH:
                return False
            k -= 1
        start = k + 1  # the line's first token
        colon = next((j for j in (start + 1, start + 2) if j < i and toks[j].text == ":"), None)
        if colon is None or any(toks[j].punct for j in range(start, colon)):
            return False
        return bracketed or colon == i - 1

    def _under_label(self, i: int) -> bool:
        """Whether token i's line follows a label line of LABEL_WORDS words at most ending in a
        colon, as a contact block's does ("Narahubung:", "Informasi lebih lanjut:" above "Gracia
        Tumbelaka, Penata Madya Komunikasi ..."), a blank line between or not: no headline sits
        under such a line."""
        toks = self.toks
        k = i - 1
        while k >= 0 and not toks[k].blank:
            if i - k > LABEL_REACH:
                return False
            k -= 1
        if k < 2 or toks[k - 1].text != ":" or "\n" not in toks[k].text:
            return False
        words = 0
        for j in range(k - 2, -1, -1):
            if toks[j].blank:
                return "\n" in toks[j].text and 0 < words
            if toks[j].punct or words == LABEL_WORDS:
                return False
            words += 1
        return 0 < words

    def _list_item(self, start: int) -> bool:
        """Whether the line from token `start` opens with a list number ("1.", "2)") or a bullet."""
        toks, n = self.toks, self.n
        if start + 1 >= n:
            return False
        first = toks[start].text
        return first in BULLETS or (first.isdigit() and toks[start + 1].text in LIST_MARKS)

    def _unbroken(self, i: int, after: int) -> bool:
        """Whether tokens i..after are all on one line (no whitespace token among them)."""
        toks = self.toks  # (the rules have read them all, or nearly)
        for j in range(i, after):
            if toks[j].blank:
                return False
        return True

    def _past_limit(self, start: int, counted: int, first: int) -> tuple[int, tuple[int, int, int] | None]:
        """Reading the line on from token `start` (`first`: its Tok.line), `counted` tokens of
        it already read: the token where it has passed a limit (exclusive end of the tokens
        read), or -1 if it ends first, with (the token where it ends, Title/UPPER words,
        lowercase words)."""
        stop = start + MAX_HEADLINE_TOKENS - counted + 1  # one token past the limit
        if stop > self.n:
            stop = self.n
        if stop <= start:  # the hit alone is too long
            return stop, None
        if first == SPACE:
            return -1, (start, 0, 0)
        titled, lower = (1, 0) if first == TITLED else (0, 1) if first == LOWER else (0, 0)
        j, titled, lower, ok = self._count_line(start + 1, stop, 1, titled, lower)
        if not ok:
            return j + 1, None
        if j < stop:  # white space ends the line
            return (j, None) if titled + lower > MAX_HEADLINE_WORDS else (-1, (j, titled, lower))
        counted += stop - start  # the tokens read, none of them white space
        if counted > MAX_HEADLINE_TOKENS or titled + lower > MAX_HEADLINE_WORDS:
            return stop, None
        return -1, (stop, titled, lower)

    def _with_hit(self, i: int, after: int, end: int, titled: int, lower: int) -> tuple[int, int, int] | None:
        """The counts of the line from token i to its end (token `end`), given those from token
        `after` on and no white space in i..after; None if they pass a limit."""
        toks = self.toks
        for j in range(i, after):
            line = toks[j].line
            if line == TITLED:
                titled += 1
            elif line == LOWER:
                lower += 1
        if lower > MAX_HEADLINE_LOWER or titled + lower > MAX_HEADLINE_WORDS:
            return None
        return end - i, titled, lower

    def _count_line(self, start: int, stop: int, step: int, titled: int,
                    lower: int) -> tuple[int, int, int, bool]:
        """Add the Title/UPPER and lowercase words from token `start` towards `stop` (exclusive,
        direction `step`) to the counts, up to white space: (the token where it stopped, titled,
        lower, ok); not ok when the lowercase words passed MAX_HEADLINE_LOWER at that token."""
        doc = self.doc
        for j in range(start, stop, step):
            tok = doc[j]
            if tok.is_alpha:
                if tok.is_title or tok.is_upper:
                    titled += 1
                else:
                    lower += 1
                    if lower > MAX_HEADLINE_LOWER:
                        return j, titled, lower, False
            elif tok.is_space:
                return j, titled, lower, True
        return stop, titled, lower, True

    def _scan(self, start: int, step: int, counted: int, titled: int, lower: int) -> tuple[int, int, int] | None:
        """Read the line from token `start` in direction `step` up to white space, adding to the
        counts of tokens, Title/UPPER words and lowercase words; None once it passes a limit."""
        last = start + step * (MAX_HEADLINE_TOKENS - counted)  # one token past the limit
        stop = min(last + 1, self.n) if step > 0 else max(last - 1, -1)
        end, titled, lower, ok = self._count_line(start, stop, step, titled, lower)
        if not ok:
            return None
        counted += max((end - start) * step, 0)  # the tokens read before white space or the limit
        if counted > MAX_HEADLINE_TOKENS or titled + lower > MAX_HEADLINE_WORDS:
            return None
        return counted, titled, lower
