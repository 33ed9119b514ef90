"""Number expressions over tokens: "90 ribu", "6,157 juta", "dua ribu", "1 juta 500 ribu".

`NumberGrammar` is read once from the CSV files beside this module; `parse` reads a
whole token sequence or returns None. Digits and number words are not mixed ("5 juta
dua" is not a number); a numeral may follow a scale only to form a chain with a
smaller scale ("1 juta 500 ribu", not "5 juta 2024").
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import NamedTuple, Sequence

from ..common import read_csv
from .numerals import read_numeral

HERE = Path(__file__).parent
ZERO = 0


class Quantity(NamedTuple):
    value: int | Decimal  # int when whole and read without decimals
    from_words: bool  # spelled out ("dua ribu") rather than digits
    scaled: bool  # a scale word took part ("90 ribu")

    def as_int(self) -> int:
        """Integer value, rounded half up (Rp3.657.527,50 -> 3657528)."""
        if isinstance(self.value, int):
            return self.value
        return int(self.value.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def is_whole(self) -> bool:
        return isinstance(self.value, int) or self.value == self.value.to_integral_value()


_ENGLISH_NUMERAL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 1,500 / 1.2 / 16


def _english_numeral(text: str) -> tuple[int | Decimal, bool] | None:
    """(value, False) of a numeral written the English way (comma thousands, point decimals)
    before an English scale word, or None."""
    if _ENGLISH_NUMERAL.fullmatch(text) is None or (len(text) > 1 and text[0] == "0" and text[1] != "."):
        return None
    plain = text.replace(",", "")
    return (Decimal(plain) if "." in plain else int(plain)), False


class NumberGrammar:
    def __init__(self, multipliers: Sequence[dict], words: Sequence[dict]) -> None:
        self._exact: dict[str, tuple[int, str]] = {}
        self._folded: dict[str, tuple[int, str]] = {}
        for row in multipliers:  # lower-case words match any case, others only exactly
            table = self._folded if row["word"].islower() else self._exact
            table[row["word"]] = (int(row["factor"]), row["scope"])
        self._words = {r["word"].lower(): (Decimal(r["value"] or 0), r["role"]) for r in words}
        self._spelled = frozenset(self._words) | frozenset(self._folded)
        self._points = frozenset(w for w, (_, role) in self._words.items() if role == "point")  # "koma"
        self._english = frozenset(w for w, (_, scope) in self._folded.items() if scope == "en")  # "million"

    @classmethod
    def load(cls) -> "NumberGrammar":
        return cls(read_csv(HERE / "multipliers.csv"), read_csv(HERE / "number_words.csv"))

    def spelled_words(self) -> list[str]:
        """Number words and scale words, lower-cased ("dua", "sejuta", "juta", "jt", "m")."""
        return sorted(self._spelled | {w.lower() for w in self._exact})

    def spelled_forms(self) -> tuple[frozenset[str], frozenset[str]]:
        """(exact, folded): `is_spelled(text)` is `text in exact or text.lower() in folded`,
        for readers that compare a token's hashes instead of its text."""
        return frozenset(self._exact), self._spelled

    def is_numberish(self, token) -> bool:
        """Could be part of a number expression: digits, a number word or a scale word."""
        return token.like_num or self.is_spelled(token.text)

    def is_spelled(self, text: str) -> bool:
        """A number word or scale word ("dua", "juta", "jt"), not digits."""
        return text in self._exact or text.lower() in self._spelled

    def scale(self, text: str, money: bool) -> int | None:
        hit = self._exact.get(text) or self._folded.get(text.lower())
        if hit and (money or hit[1] != "money"):
            return hit[0]
        return None

    def parse(self, texts: Sequence[str], money: bool = False) -> Quantity | None:
        """The quantity the whole token sequence writes, or None."""
        if not texts:
            return None
        if texts[0][0].isdecimal() or texts[0][0] in "±~":
            return self._parse_digits(texts, money)
        return self._parse_words(texts, money)

    def _parse_digits(self, texts: Sequence[str], money: bool) -> Quantity | None:
        """ "90", "6,157 juta", "1 juta 500 ribu": numerals, each but a lone one with its scale."""
        total, last_scale, i, n = ZERO, None, 0, len(texts)
        while i < n:
            if i + 1 < n and texts[i + 1].lower() in self._english:
                numeral = _english_numeral(texts[i])  # "Rp 1,500 billion", "1.2 million workers"
            else:
                numeral = read_numeral(texts[i]) if texts[i][0].isdecimal() or texts[i][0] in "±~" else None
            if numeral is None:
                return None
            value, needs_scale = numeral
            factor = self.scale(texts[i + 1], money) if i + 1 < n else None
            if factor is None:
                if i + 1 < n or needs_scale or last_scale is not None:
                    return None
                return Quantity(value, False, False)
            part = value * factor
            if part == 0 or (last_scale is not None and part >= last_scale):
                return None
            total, last_scale, i = total + part, factor, i + 2
        return Quantity(total, False, True)

    def _parse_words(self, texts: Sequence[str], money: bool) -> Quantity | None:
        """ "dua ribu", "lima puluh ribu", "seratus dua puluh", "satu setengah juta"."""
        total = small = ZERO
        pending: Decimal | None = None  # a digit word waiting for belas/puluh/ratus/scale
        last_part = None  # the last part added to `small` (parts must shrink)
        last_scale = None
        for text in texts:
            factor = self.scale(text, money)
            if factor is not None:
                amount = small + (pending or 0)
                if amount == 0 or (last_scale is not None and amount * factor >= last_scale):
                    return None
                total += amount * factor
                small, pending, last_part, last_scale = ZERO, None, None, factor
                continue
            word = self._words.get(text.lower())
            if word is None:
                return None
            value, role = word
            if role == "point" or role == "zero":  # "nol" only before "koma" or in a fraction
                return self._spelled_decimal(texts, money)
            if role == "one_scale":
                if pending is not None or small or (last_scale is not None and value >= last_scale):
                    return None
                total, last_scale, last_part = total + value, value, None
            elif role == "digit":
                if pending is not None:
                    return None
                pending = value
            elif role == "half":
                if pending is not None and pending != pending.to_integral_value():
                    return None
                pending = (pending or 0) + value
            else:
                if role == "direct":
                    if pending is not None:
                        return None
                    part = value
                elif pending is None or pending != pending.to_integral_value():
                    return None
                else:
                    part = pending + value if role == "belas" else pending * value
                if last_part is not None and part >= last_part:
                    return None
                small, pending, last_part = small + part, None, part
        if pending is not None and last_part is not None and pending >= last_part:
            return None
        value = total + small + (pending or 0)
        return Quantity(value, True, last_scale is not None) if value else None

    def _spelled_decimal(self, texts: Sequence[str], money: bool) -> Quantity | None:
        """ "empat koma dua miliar", "dua koma tiga lima juta": a whole spelled number without a
        scale, "koma", its fraction's digits one by one, then at most a scale word."""
        lowered = [t.lower() for t in texts]
        point = next((i for i, word in enumerate(lowered) if word in self._points), None)
        if point is None:
            return None
        before = [self._words.get(word) for word in lowered[:point]]
        zero = len(before) == 1 and before[0] is not None and before[0][1] == "zero"  # "nol koma lima"
        whole = Quantity(0, True, False) if zero else self._parse_words(texts[:point], money)
        if whole is None or whole.scaled:
            return None
        rest, factor = texts[point + 1:], 1
        if rest and (scale := self.scale(rest[-1], money)) is not None:
            rest, factor = rest[:-1], scale
        digits = [self._words.get(t.lower()) for t in rest]
        if not digits or any(d is None or d[1] not in ("digit", "zero") for d in digits):
            return None
        value = Decimal(f"{whole.value}.{''.join(str(int(d[0])) for d in digits)}") * factor
        return Quantity(int(value) if value == value.to_integral_value() else value, True, factor != 1)

    def longest_prefix(self, texts: Sequence[str], money: bool = False) -> tuple[Quantity, int] | None:
        """The longest leading run of `texts` that is a number, with its length."""
        for n in range(len(texts), 0, -1):
            q = self.parse(texts[:n], money)
            if q is not None:
                return q, n
        return None

    def longest_suffix(self, texts: Sequence[str], money: bool = False) -> tuple[Quantity, int] | None:
        """The longest trailing run of `texts` that is a number, with its start index."""
        for k in range(len(texts)):
            q = self.parse(texts[k:], money)
            if q is not None:
                return q, k
        return None
