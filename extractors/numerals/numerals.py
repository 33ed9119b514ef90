"""Digit strings as Indonesian writes them: dot groups thousands, comma marks decimals.

Policy (precision first; see tests/test_numbers.py):
- "10.000", "3.657.527,37", "365,86", "2500": read the Indonesian way.
- "1,500" (one comma, exactly three decimals, no dots) and "365.86" / "2.5"
  (one dot, one or two decimals: English style) are only read when a scale word
  follows ("6,157 juta", "Rp2.5 miliar"): alone they are ambiguous, so skipped.
- "1,500,000" / "1,234,567.89" (English thousands) cannot be Indonesian: read them.
- A whole part with a leading zero ("0812", "05") is a code or phone number: skipped.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

# One alternative per way of writing a number; the group name says how to read it.
_NUMERAL = re.compile(r"""
    (?P<id>\d{1,3}(?:\.\d{3})+)(?:,(?P<id_frac>\d+))?   # 10.000 / 2.500.000,37
  | (?P<amb>\d+),(?P<amb_frac>\d{3})                  # 1,500: decimal or English thousands?
  | (?P<dec>\d+),(?P<dec_frac>\d+)                    # 365,86
  | (?P<en>\d{1,3}(?:,\d{3})+)(?:\.(?P<en_frac>\d+))?  # 1,500,000 / 1,500.50
  | (?P<dot>\d+)\.(?P<dot_frac>\d{1,2})               # 365.86 / 2.5: English decimals?
""", re.VERBOSE)
_NEEDS_SCALE = frozenset({"amb", "dot"})
# The two commonest forms, read by _NUMERAL just as by these, which are cheaper to apply.
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")  # 2.500.000: "id" without a fraction
_COMMA = re.compile(r"(\d+),(\d+)")  # 365,86 / 1,500: "dec" or "amb"
_SIGN = "±~"
# A numeral at the start of a token, then what may follow it inside the token.
_HEAD = re.compile(r"[±~]?\d[\d.,]*\d|[±~]?\d")
_RANGE = re.compile(r"([±~]?\d[\d.,]*)\s?[-–—]\s?(\d[\d.,]*)")


class Numeral(NamedTuple):
    value: int | Decimal  # int when whole
    needs_scale: bool  # readable only when a scale word (juta, miliar...) follows


def is_year(text: str) -> bool:
    """"2023": four digits from 1900 to 2100."""
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def is_grouped(text: str) -> bool:
    """A whole number with dot thousands and no fraction: "12.000", "41.650.560.000" (not "12", "2,5")."""
    return _GROUPED.fullmatch(text) is not None


def parse_numeral(text: str) -> Numeral | None:
    """The value of a whole digit string, or None if it is not a number we can read."""
    read = read_numeral(text)
    return None if read is None else Numeral(*read)


def read_numeral(text: str) -> tuple[int | Decimal, bool] | None:
    """parse_numeral as a plain (value, needs_scale) tuple: cheaper for the grammar's inner loop."""
    text = text.lstrip(_SIGN)
    if text.isdecimal():  # the common case, fast (an int: Decimal only for fractions)
        return None if len(text) > 1 and text[0] == "0" else (int(text), False)
    if _GROUPED.fullmatch(text):
        return None if text[0] == "0" else (int(text.replace(".", "")), False)
    if m := _COMMA.fullmatch(text):
        whole, frac = m.groups()
        if len(whole) > 1 and whole[0] == "0":
            return None
        return Decimal(f"{whole}.{frac}"), len(frac) == 3
    m = _NUMERAL.fullmatch(text)
    if m is None:
        return None
    style = m.lastgroup.removesuffix("_frac")  # the alternative that matched
    whole, frac = m.group(style), m.group(style + "_frac")
    if len(whole) > 1 and whole[0] == "0":
        return None
    whole = whole.replace("," if style == "en" else ".", "")
    value = Decimal(f"{whole}.{frac}") if frac else int(whole)
    return value, style in _NEEDS_SCALE


def split_head(text: str) -> tuple[str, str]:
    """("500.000", "/bulan") for "500.000/bulan": the numeral prefix and the rest
    (("", "dua") for a token that does not start with a numeral)."""
    if text[:1].isdecimal() and text[-1:].isdecimal() and \
            text.replace(".", "").replace(",", "").isdecimal():
        return text, ""  # all numeral, the common case: what _HEAD matches, found without it
    m = _HEAD.match(text)
    if not m:
        return "", text
    head = m.group(0)
    return head, text[len(head):]


def split_range(text: str) -> tuple[str, str] | None:
    """("100", "150") for "100-150" or "100–150"; None if the token is not a range."""
    if "-" not in text and "–" not in text and "—" not in text:
        return None  # the common case, found without the regex
    m = _RANGE.fullmatch(text)
    return (m.group(1), m.group(2)) if m else None
