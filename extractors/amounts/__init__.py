"""Rupiah amounts (kind "amount", field value_idr): "Rp365,86 miliar" -> 365860000000.

Every amount written with a rupiah marker (anchors.jsonl): Rp / Rp. / IDR before the
number, or "rupiah" after it; other currencies and percentages give nothing. The span
is the whole money expression: currency, number, scale word and a ",-" tail
("Rp. 2.500.000,-"). value_idr is rounded half up to whole rupiah ("Rp3.657.527,37"
-> 3657527). Ranges give two facts ("Rp100-150 juta" -> 100000000 and 150000000).
Rules: amount.currency_number, amount.number_rupiah, amount.range_shared_scale,
amount.range_end (reading.py); data: anchors.jsonl, extractors/numerals/*.csv.
"""
from __future__ import annotations

from .reading import AmountReader

KINDS = ("amount",)


def build(nlp):
    return AmountReader(nlp)
