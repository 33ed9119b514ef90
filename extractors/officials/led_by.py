""""Cabang Sintang yang dipimpin Heribertus Nyangun": the head of an office unit named before
"yang dipimpin" (words.csv role led_by), when no title word names the post."""
from __future__ import annotations

from ..common import Hit
from .lexicon import longest
from .names import NameReader
from .spans import Tokens
from .titles import TitleReader

KIND = "official"
RULE = "official.led_by"
CONFIDENCE = 0.75
MAX_PHRASE = 8  # tokens from the unit to "yang": "Cabang Perintis Sidrap", "(KCP) Sidrap"


def led_by(toks: Tokens, names: NameReader, titles: TitleReader, k: int, found_regions: list[Hit]) -> Hit | None:
    """The hit for the led_by word at token k ("dipimpin"), or None: "yang" before it, an office
    unit (units.csv) within MAX_PHRASE tokens before that with only capitalised words and
    brackets between, an organisation right before the unit or a tagged region after it, and a
    full name (two words or more) after "dipimpin" ("oleh" may come first) that ends its clause."""
    lex, n = titles.lex, toks.n
    if k < 2 or toks[k - 1].lower != "yang":
        return None
    unit_at = unit = unit_end = None
    for i in range(k - 2, max(-1, k - 2 - MAX_PHRASE), -1):  # the first unit of the phrase
        tok = toks[i]
        if not (tok.cap or tok.text in "()"):
            break
        hit = longest(lex.units, toks, n, i) if tok.cap else None
        if hit is not None:
            unit_at, (unit_end, unit) = i, hit
    if unit is None:
        return None
    start, org = unit_at, None
    for i in range(max(0, unit_at - 3), unit_at):  # "BPJS Ketenagakerjaan Cabang Sintang"
        el = titles.element(i)
        if el is not None and el[1] == "org" and el[0] == unit_at:
            org, start = el[2], i
            break
    first = k + 2 if k + 1 < n and toks[k + 1].lower == "oleh" else k + 1
    name = names.forward(first)
    if name is None or name.words < 2 or (name.next < n and toks[name.next].cap):
        return None
    position = "Kepala " + unit.name
    if unit_end < n and toks[unit_end].lower == "perintis":
        position += " Perintis"
    lo, hi = toks.idx(start), toks.idx(k - 1)
    region = next((h.fields["name"] for h in found_regions if lo <= h.start < hi), None)
    if org is None and region is None:
        return None  # "Cabang Olahraga Dayung yang dipimpin ...": a sports branch, not an office
    return Hit(KIND, lo, toks.end_char(name.end - 1), RULE, CONFIDENCE, {
        "name": name.text, "position": position,
        "organization": org.name if org is not None and "{" not in org.name else None, "region": region,
    })
