"""Read rupiah amounts around currency anchors: value, exact span, ranges."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..common import Context, Found, Hit, read_csv
from ..numerals import NumberGrammar, Quantity, build_phrase_matcher, read_phrase_patterns
from ..numerals import split_head, split_range

HERE = Path(__file__).parent
NUMBERS = HERE.parent / "numerals"
MAX_NUMBER_TOKENS = 8  # "dua ratus lima puluh juta": longer runs are not one number
NOT_MONEY_AFTER = frozenset({"%", "persen", "kali", "ribuan", "jutaan", "miliaran", "triliunan"})
CONFIDENCE = {"plain": 0.95, "loose": 0.85}  # loose: M/T, English-style decimals, ranges


class AmountReader:
    """Built once from the shared nlp; then a pure function of a doc."""

    def __init__(self, nlp: Language) -> None:
        self.grammar = NumberGrammar.load()
        anchors = read_phrase_patterns(HERE / "anchors.jsonl")
        self.currencies = frozenset(
            (p if isinstance(p, str) else p[0]["LOWER"]).lower() for p in anchors["currency_before"])
        self.matcher = build_phrase_matcher(nlp, anchors)
        self.before = nlp.vocab.strings["currency_before"]
        self.range_words: dict[str, list[tuple[tuple[str, ...], bool]]] = {}  # by first word
        for row in read_csv(NUMBERS / "range_words.csv"):
            words = tuple(t.lower_ for t in nlp.make_doc(row["word"]))
            self.range_words.setdefault(words[0], []).append((words, row["borrow_scale"] == "yes"))

    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]:
        hits: list[Hit] = []
        for label, start, end in sorted(self.matcher(doc), key=_start):
            if label == self.before:
                hits.extend(self._currency_first(doc, start, end))
            else:
                hits.extend(self._rupiah_last(doc, start))
        return [h for h in hits if h.fields["value_idr"] > 0]

    # -- currency first: "Rp365,86 miliar" -------------------------------------------
    def _currency_first(self, doc: Doc, start: int, end: int) -> list[Hit]:
        i = end + (end < len(doc) and doc[end].text == "." and not doc[start].text.endswith("."))
        stop = self._number_run(doc, i)
        if stop == i:
            return []
        texts = [doc[n].text for n in range(i, stop)]
        pair = split_range(texts[0])
        if pair is not None:
            return self._range_token(doc, start, i, pair)
        head, rest = split_head(texts[0])
        if head and rest:  # "Rp 500.000/bulan": the numeral, alone; "5.000an" is no amount
            quantity = self.grammar.parse([head], money=True) if rest.startswith("/") else None
            if quantity is None:
                return []
            return [Hit("amount", doc[start].idx, doc[i].idx + len(head), "amount.currency_number",
                        CONFIDENCE["plain"], {"value_idr": quantity.as_int()})]
        got = self.grammar.longest_prefix(texts, money=True)
        if got is None:
            return []
        quantity, n = got
        stop = i + n
        if stop < len(doc) and doc[stop].text == ",-":
            stop += 1
        if _followed_by_percent(doc, stop):
            return []
        first = Hit("amount", doc[start].idx, _end_char(doc, stop), "amount.currency_number",
                    _confidence(texts[:n]), {"value_idr": quantity.as_int()})
        return self._with_range_end(doc, first, texts[:n], quantity, stop)

    def _number_run(self, doc: Doc, i: int) -> int:
        """End of the run of number-like tokens from i (the first may be "100-150", "5.000/bln")."""
        k = i
        while k < len(doc) and k - i < MAX_NUMBER_TOKENS and (
                self.grammar.is_numberish(doc[k]) or (k == i and doc[k].text[:1].isdigit())):
            k += 1
        return k

    def _range_token(self, doc: Doc, start: int, i: int, pair, end: int | None = None) -> list[Hit]:
        """"Rp100-150 juta": one token holds both ends; a scale after it serves both. The
        span runs from `start` to the scale, or to token `end` ("10.000-20.000 rupiah")."""
        stop = i + 1
        while stop < len(doc) and stop - i < 3 and self.grammar.scale(doc[stop].text, True):
            stop += 1
        scale = [doc[n].text for n in range(i + 1, stop)]
        low = self.grammar.parse([pair[0], *scale], money=True)
        high = self.grammar.parse([pair[1], *scale], money=True)
        if low is None or high is None or not _same_order(low, high) or _followed_by_percent(doc, stop):
            return []
        char_end = _end_char(doc, end or stop)
        high_start = doc[i].idx + doc[i].text.rindex(pair[1])
        conf = CONFIDENCE["loose"]
        return [Hit("amount", doc[start].idx, char_end, "amount.range_shared_scale", conf,
                    {"value_idr": low.as_int()}),
                Hit("amount", high_start, char_end, "amount.range_end", conf,
                    {"value_idr": high.as_int()})]

    def _with_range_end(self, doc: Doc, first: Hit, first_texts: list[str], first_q: Quantity,
                        stop: int) -> list[Hit]:
        """The first end of a range, and its second end when that has no currency of its own:
        "Rp 10.000 - 20.000", "Rp 100 - 150 juta" (the scale serves both ends)."""
        j, borrow = self._range_word_at(doc, stop)
        if j is None or j >= len(doc):
            return [first]
        own_currency = doc[j].lower_ in self.currencies
        k = j + own_currency + (own_currency and j + 1 < len(doc) and doc[j + 1].text == ".")
        texts = [doc[n].text for n in range(k, self._number_run(doc, k))]
        if doc[j].text[:2].lower() == "rp" and doc[j].text[2:3].isdigit():  # "ribu-Rp150 ribu"
            texts = [doc[j].text[2:], *(t.text for t in doc[j + 1:self._number_run(doc, j + 1)])]
        got = self.grammar.longest_prefix(texts, money=True) if texts else None
        if got is None or _followed_by_percent(doc, k + got[1]):
            return [first]
        second, n = got
        second_end = _end_char(doc, k + n)
        hits = [first]
        last = texts[n - 1]
        if not first_q.scaled and second.scaled and self.grammar.scale(last, True):
            borrowed = self.grammar.parse([*first_texts, last], money=True) if borrow else None
            if borrowed is None or not _same_order(borrowed, second):
                return []  # "Rp 500 - 2 juta": the first end cannot be read
            hits = [Hit("amount", first.start, second_end, "amount.range_shared_scale",
                        CONFIDENCE["loose"], {"value_idr": borrowed.as_int()})]
            first_q = borrowed
        if own_currency or not _same_order(first_q, second) or (first_q.scaled and not second.scaled):
            return hits  # an own "Rp" is read by its own anchor
        hits.append(Hit("amount", doc[k].idx, second_end, "amount.range_end", CONFIDENCE["loose"],
                        {"value_idr": second.as_int()}))
        return hits

    def _range_word_at(self, doc: Doc, i: int) -> tuple[int | None, bool]:
        """Index after the range word at token i ("-", "hingga", "s.d."), and whether the
        first end may borrow the second end's scale."""
        if i >= len(doc):
            return None, False
        for words, borrow in self.range_words.get(doc[i].lower_, ()):
            j = i + len(words)
            if tuple(doc[n].lower_ for n in range(i, min(j, len(doc)))) == words:
                if j < len(doc) and doc[j].text == "." and "." in words[-1]:
                    j += 1  # "s.d." splits as "s.d" "."
                return j, borrow
        return None, False

    # -- "rupiah" last: "16.800 rupiah" ------------------------------------------------
    def _rupiah_last(self, doc: Doc, anchor: int) -> list[Hit]:
        k = anchor
        while k > 0 and anchor - k < MAX_NUMBER_TOKENS and self.grammar.is_numberish(doc[k - 1]):
            k -= 1
        if k == anchor:
            return []
        texts = [doc[n].text for n in range(k, anchor)]
        got = self.grammar.longest_suffix(texts, money=True)
        if got is None:
            pair = split_range(texts[0]) if len(texts) <= 3 else None
            if pair is None or not all(self.grammar.scale(t, True) for t in texts[1:]):
                return []  # else "10.000-20.000 rupiah", "2-3 juta rupiah": a range
            return self._range_token(doc, k, k, pair, anchor + 1)
        quantity, offset = got
        first = k + offset
        if first > 0 and doc[first - 1].lower_ in self.currencies:
            return []  # "Rp 5 juta rupiah": read from its "Rp"
        if first > 0 and self.grammar.is_spelled(doc[first - 1].text):
            return []  # only the tail of a longer number could be read
        return [Hit("amount", doc[first].idx, _end_char(doc, anchor + 1), "amount.number_rupiah",
                    _confidence(texts[offset:]), {"value_idr": quantity.as_int()})]


def _start(match: tuple[int, int, int]) -> int:
    return match[1]


def _end_char(doc: Doc, stop: int) -> int:
    """Character offset just after token stop-1."""
    return doc[stop - 1].idx + len(doc[stop - 1])


def _confidence(texts) -> float:
    """Lower for readings a careful reader would double-check: M/T, English decimals."""
    loose = any(t in ("M", "T") or ("." in t and "," not in t and len(t.rsplit(".", 1)[1]) < 3)
                for t in texts)
    return CONFIDENCE["loose" if loose else "plain"]


def _followed_by_percent(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in NOT_MONEY_AFTER


def _same_order(a: Quantity, b: Quantity) -> bool:
    """Two ends of one range: within a factor of ten of each other."""
    return a.value > 0 and b.value > 0 and a.value * 10 >= b.value and b.value * 10 >= a.value
