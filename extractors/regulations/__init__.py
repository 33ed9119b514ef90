"""Regulations: "Inpres No 2 tahun 2021", "Pergub Sumsel Nomor 15 Tahun 2014", "PP 44/2015".

Rules as data beside this file: types.csv (type spellings and the issuer they imply),
keywords.csv, issuers.csv (short issuer names), patterns.jsonl (citation shapes).
Regions named in an issuer ("Pergub Sumsel") take their canonical name from the
regions extractor's hits (found["region"], which run earlier), else from its lookup API.
"""
from __future__ import annotations

from extractors.common import Context, Found, Hit

from . import parse, rules

KINDS = ("regulation",)


def build(nlp):
    compiled = rules.load(nlp)
    memo = parse.Memo(compiled, nlp.vocab.strings)

    def extract(doc, context: Context, found: Found) -> list[Hit]:
        return parse.extract(doc, compiled, memo, found)

    return extract
