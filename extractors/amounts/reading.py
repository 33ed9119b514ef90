"""Read rupiah amounts around currency anchors: value, exact span, ranges.

Speed: an article holds a few anchors, each read from the few tokens after (or before)
it. Words are compared by the hash of their text or lower case (token.orth, token.lower:
ints, cheaper than token.text), and each token is fetched once where it is reused. What a
run of number tokens after a currency says depends on their texts alone, so that reading
is cached by the tokens' hashes (`_read_run`): articles repeat amounts, and a repeated one
costs neither the texts nor the number grammar.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..common import Context, Found, Hit, read_csv, read_lines
from ..numerals import NumberGrammar, Quantity, build_phrase_matcher, in_text_order, is_grouped, read_phrase_patterns
from ..numerals import column_figures, row_figures
from ..numerals.matching import bracket_opening
from ..numerals.tables import PipeTable, column_figures_of, heading_scale, pipe_tables, vague_scale
from ..numerals import split_head, split_range

HERE = Path(__file__).parent
NUMBERS = HERE.parent / "numerals"
MAX_NUMBER_TOKENS = 8  # "dua ratus lima puluh juta": longer runs are not one number
NOT_MONEY_AFTER = frozenset({"%", "persen", "kali", "ribuan", "jutaan", "miliaran", "triliunan"})
EVEN = "pun"  # "satu rupiah pun": an idiom of none at all, no amount
TIMES = "kali"  # after a currency it multiplies the amount: "Rp16.800 kali 12 bulan" is money
CONFIDENCE = {"plain": 0.95, "loose": 0.85}  # loose: M/T, English-style decimals, ranges
CACHE_SIZE = 8192  # runs of number tokens whose reading is remembered
TABLE_CONFIDENCE = 0.85  # a table cell's figure, its currency in the header


class AmountReader:
    """Built once from the shared nlp; then a pure function of a doc."""

    def __init__(self, nlp: Language) -> None:
        strings = self.strings = nlp.vocab.strings  # hashes of words: token.orth / token.lower
        self.grammar = NumberGrammar.load()
        anchors = read_phrase_patterns(HERE / "anchors.jsonl")
        def words(label: str) -> frozenset[int]:  # the (first) word of each pattern of a label
            return frozenset(strings.add((p if isinstance(p, str) else p[0]["LOWER"]).lower()) for p in anchors[label])

        self.currencies = words("currency_before")
        self.money_words = self.currencies | words("currency_after")  # a table header's "(Rp)", "(juta rupiah)"
        self.money_headings = frozenset(strings.add(w) for w in read_lines(HERE / "money_headings.txt"))
        self.matcher = build_phrase_matcher(nlp, anchors)
        self.before = strings["currency_before"]
        exact, folded = self.grammar.spelled_forms()  # number and scale words, as is_spelled
        self.spelled_exact = frozenset(strings.add(w) for w in exact)
        self.spelled_folded = frozenset(strings.add(w) for w in folded)
        self.not_money_after = frozenset(strings.add(w) for w in NOT_MONEY_AFTER)
        self.not_money_after_currency = self.not_money_after - {strings.add(TIMES)}
        self.dot, self.dash_tail = strings.add("."), strings.add(",-")
        self.even = strings.add(EVEN)
        # Range words by their first word: (all words, borrow_scale, may be followed by ".").
        self.range_words: dict[int, list[tuple[tuple[int, ...], bool, bool]]] = {}
        for row in read_csv(NUMBERS / "range_words.csv"):
            words = [t.lower_ for t in nlp.make_doc(row["word"])]
            self.range_words.setdefault(strings.add(words[0]), []).append(
                (tuple(strings.add(w) for w in words), row["borrow_scale"] == "yes", "." in words[-1]))
        self._read_run = lru_cache(maxsize=CACHE_SIZE)(self._read_run)

    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]:
        hits: list[Hit] = []
        for label, start, end in in_text_order(self.matcher(doc)):
            if label == self.before:
                hits.extend(self._currency_first(doc, start, end) or self._table_rows(doc, end))
            else:
                hits.extend(self._rupiah_last(doc, start) or self._table_rows(doc, end))
        for table in pipe_tables(doc):
            hits.extend(self._pipe_column(doc, table))
        return [h for h in hits if h.fields["value_idr"] > 0]

    def _pipe_column(self, doc: Doc, table: PipeTable) -> list[Hit]:
        """"NO | KABUPATEN/KOTA | JUMLAH PEKERJA | ANGGARAN (Rp)" over "1 | Kota Jambi | 12.500 |
        2.520.000.000": each column whose header cell names the rupiah (and its scale, if
        any: "Nilai (Rp juta)") holds an amount in each row's cell that is one number (see
        cell_figure); so does one whose subheader cell does ("Realisasi" over "(Rp)"), and
        every column after the first headed by a word of money_headings.txt when the table's title
        names the rupiah in brackets ("UMK 2025 dan 2026 ... (dalam rupiah)" over "No |
        Kabupaten/Kota | UMK 2025 | UMK 2026"). A
        cell with its own "Rp" is read as any amount is."""
        hits: list[Hit] = []
        title = [table.title] if table.title is not None and self._bracketed_money(doc, table.title) else []
        if title and vague_scale(doc, title):
            title = []
        for index in range(len(table.header)):
            heading = table.heading(index)
            if vague_scale(doc, heading):
                continue
            if not any(doc[k].lower in self.money_words for cell in heading for k in range(*cell)):
                if not title or index == 0 or not any(doc[k].lower in self.money_headings
                                                      for cell in heading for k in range(*cell)):
                    continue
                heading = heading + title  # the title's scale, if any: "(dalam juta rupiah)"
            scale = heading_scale(doc, heading, self.grammar, money=True)
            hits.extend(Hit("amount", first, last, "amount.table_row", TABLE_CONFIDENCE, {"value_idr": value})
                        for value, first, last in column_figures_of(doc, table, index, self.grammar, scale, money=True))
        return hits

    def _bracketed_money(self, doc: Doc, cell: tuple[int, int]) -> bool:
        """Whether a money word stands in brackets in the cell's tokens as the unit of figures
        elsewhere ("(dalam rupiah)", "(Rp)"), not before a figure of its own ("(iuran Rp16.800/orang/bulan)")."""
        opened = False
        for k in range(*cell):
            text = doc[k].text
            if text == "(":
                opened = True
            elif text == ")":
                opened = False
            elif opened and doc[k].lower in self.money_words and not (k + 1 < cell[1] and doc[k + 1].like_num):
                return True
        return False

    def _is_numberish(self, token: Token) -> bool:
        """NumberGrammar.is_numberish, on the token's hashes."""
        return token.like_num or token.lower in self.spelled_folded or token.orth in self.spelled_exact

    def _number_run(self, doc: Doc, i: int,
                    first: Token | None = None) -> tuple[list[Token], Token | None]:
        """The run of number-like tokens from i (the first may be "100-150", "5.000/bln"),
        and the token after it (None at the end of the doc); `first`: token i, if known."""
        run: list[Token] = []
        folded, exact = self.spelled_folded, self.spelled_exact
        for k in range(i, len(doc)):
            token = first if k == i and first is not None else doc[k]
            if len(run) == MAX_NUMBER_TOKENS or not (
                    token.like_num or token.lower in folded or token.orth in exact
                    or (k == i and token.text[:1].isdigit())):
                return run, token
            run.append(token)
        return run, None

    def _followed_by_percent(self, doc: Doc, i: int) -> bool:
        return i < len(doc) and doc[i].lower in self.not_money_after

    # -- currency first: "Rp365,86 miliar" -------------------------------------------
    def _currency_first(self, doc: Doc, start: int, end: int) -> list[Hit]:
        currency, i = doc[start], end
        following = doc[end] if end < len(doc) else None
        if following is not None and following.orth == self.dot and not currency.text.endswith("."):
            i, following = end + 1, None  # "Rp. 500": the number after the dot
        run, after = self._number_run(doc, i, following)
        if not run:
            return []
        reading = self._read_run(tuple([token.orth for token in run]))
        if reading is None:
            return []
        if reading[0] == "range":
            return self._range_token(doc, start, i, reading[1])
        if reading[0] == "head":  # "Rp 500.000/bulan": the numeral, alone
            _, value, length = reading
            return [Hit("amount", currency.idx, run[0].idx + length, "amount.currency_number",
                        CONFIDENCE["plain"], {"value_idr": value})]
        _, quantity, value, n, confidence = reading
        stop, last = i + n, run[n - 1]
        if n < len(run):
            after = run[n]
        if after is not None and after.orth == self.dash_tail:
            stop, last = stop + 1, after
            after = doc[stop] if stop < len(doc) else None
        if after is not None and after.lower in self.not_money_after_currency:
            return []
        first = Hit("amount", currency.idx, last.idx + len(last), "amount.currency_number",
                    confidence, {"value_idr": value})
        if after is None or after.lower not in self.range_words:
            return [first]  # the common case: no range word follows
        return self._with_range_end(doc, first, [token.text for token in run[:n]], quantity, stop)

    def _table_rows(self, doc: Doc, end: int) -> list[Hit]:
        """"Berikut alokasinya (anggaran dalam Rp):" (or "rupiah") then one row a line ("Kota Jayapura:
        82.640 jiwa, 41.650.560.000"): a currency closing a bracket at the end of a line names
        the unit of the figure each following line ends with (a whole rupiah figure,
        thousands grouped), up to the first line that ends otherwise; or a table header's
        column ("... Iuran setahun (Rp)" over "1 Sanggau 5.200 1.048.320.000", see
        column_figures). `end`: the token after the currency."""
        if end >= len(doc) or doc[end].text != ")":
            return []
        opening = bracket_opening(doc, end)
        unit = None if opening is None else (opening + 1, end)
        if unit is None or vague_scale(doc, [unit]):
            return []  # "(dalam ribuan rupiah)": the figures' scale unstated
        if any(self.grammar.scale(doc[k].text, money=True) for k in range(*unit)):
            return []  # "(juta rupiah)": rows without cells are not read in a scale (see _pipe_column)
        hits: list[Hit] = []
        for figure in list(row_figures(doc, end + 1)) or column_figures(doc, end):
            value = self.grammar.parse([figure.text], money=True) if is_grouped(figure.text) else None
            if value is None:
                break
            hits.append(Hit("amount", figure.idx, figure.idx + len(figure), "amount.table_row", TABLE_CONFIDENCE,
                            {"value_idr": value.as_int()}))
        return hits

    def _read_run(self, orths: tuple[int, ...]) -> tuple | None:
        """What a run of number tokens after a currency writes, from their texts alone
        (cached by the tokens' hashes, see __init__): ("range", (low, high)) for "100-150";
        ("head", value, numeral length) for "500.000/bulan"; ("number", quantity, value,
        tokens read, confidence); None if it is no amount ("5.000an", "Rp 365.86")."""
        texts = [self.strings[orth] for orth in orths]
        pair = split_range(texts[0])
        if pair is not None:
            return "range", pair
        head, rest = split_head(texts[0])
        if head and rest:  # the numeral, alone, before "/bulan"; "5.000an" is no amount
            if self.grammar.scale(rest, money=True):  # "Rp16,8rb/org/bln": a glued scale the
                quantity = self.grammar.parse([head, rest], money=True)  # tokenizer kept before "/"
                return None if quantity is None else ("number", quantity, quantity.as_int(), 1, _confidence(texts[:1]))
            quantity = self.grammar.parse([head], money=True) if rest.startswith("/") else None
            return None if quantity is None else ("head", quantity.as_int(), len(head))
        got = self.grammar.longest_prefix(texts, money=True)
        if got is None:
            return None
        quantity, n = got
        return "number", quantity, quantity.as_int(), n, _confidence(texts[:n])

    def _range_token(self, doc: Doc, start: int, i: int, pair, end: int | None = None) -> list[Hit]:
        """"Rp100-150 juta": one token holds both ends; a scale after it serves both. The
        span runs from `start` to the scale, or to token `end` ("10.000-20.000 rupiah")."""
        stop = i + 1
        while stop < len(doc) and stop - i < 3 and self.grammar.scale(doc[stop].text, True):
            stop += 1
        scale = [doc[n].text for n in range(i + 1, stop)]
        low = self.grammar.parse([pair[0], *scale], money=True)
        high = self.grammar.parse([pair[1], *scale], money=True)
        if (low is None or high is None or not _same_order(low, high)
                or self._followed_by_percent(doc, stop)):
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
        "Rp 10.000 - 20.000", "Rp 100 - 150 juta" (the scale serves both ends; not when the
        second end has its own "Rp": "Rp150.000 hingga Rp2,4 juta")."""
        j, borrow = self._range_word_at(doc, stop)
        if j is None or j >= len(doc):
            return [first]
        opener = doc[j]
        own_currency = opener.lower in self.currencies
        k = j + own_currency + (own_currency and j + 1 < len(doc) and doc[j + 1].orth == self.dot)
        texts = [token.text for token in self._number_run(doc, k)[0]]
        if opener.text[:2].lower() == "rp" and opener.text[2:3].isdigit():  # "ribu-Rp150 ribu"
            texts = [opener.text[2:], *(token.text for token in self._number_run(doc, j + 1)[0])]
        got = self.grammar.longest_prefix(texts, money=True) if texts else None
        if got is None or self._followed_by_percent(doc, k + got[1]):
            return [first]
        second, n = got
        second_end = _end_char(doc, k + n)
        hits = [first]
        last = texts[n - 1]
        if not own_currency and not first_q.scaled and second.scaled and self.grammar.scale(last, True):
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
        for words, borrow, dotted in self.range_words.get(doc[i].lower, ()):
            j = i + len(words)
            if tuple(doc[n].lower for n in range(i, min(j, len(doc)))) == words:
                if dotted and j < len(doc) and doc[j].orth == self.dot:
                    j += 1  # "s.d." splits as "s.d" "."
                return j, borrow
        return None, False

    # -- "rupiah" last: "16.800 rupiah" ------------------------------------------------
    def _rupiah_last(self, doc: Doc, anchor: int) -> list[Hit]:
        k = anchor
        while k > 0 and anchor - k < MAX_NUMBER_TOKENS and self._is_numberish(doc[k - 1]):
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
        if first > 0 and doc[first - 1].lower in self.currencies:
            return []  # "Rp 5 juta rupiah": read from its "Rp"
        if first > 0 and self.grammar.is_spelled(doc[first - 1].text):
            return []  # only the tail of a longer number could be read
        if anchor + 1 < len(doc) and doc[anchor + 1].lower == self.even:
            return []  # "tanpa menambah satu rupiah pun": not any rupiah at all
        return [Hit("amount", doc[first].idx, _end_char(doc, anchor + 1), "amount.number_rupiah",
                    _confidence(texts[offset:]), {"value_idr": quantity.as_int()})]


def _end_char(doc: Doc, stop: int) -> int:
    """Character offset just after token stop-1."""
    last = doc[stop - 1]
    return last.idx + len(last)


def _confidence(texts) -> float:
    """Lower for readings a careful reader would double-check: M/T, English decimals
    (one or two digits after the last dot, no comma)."""
    for t in texts:
        if t in ("M", "T") or (len(t) - t.rfind(".") < 4 and "." in t and "," not in t):
            return CONFIDENCE["loose"]
    return CONFIDENCE["plain"]


def _same_order(a: Quantity, b: Quantity) -> bool:
    """Two ends of one range: within a factor of ten of each other."""
    return a.value > 0 and b.value > 0 and a.value * 10 >= b.value and b.value * 10 >= a.value
