"""Officials: named people given a position ("Pj Gubernur Sumatera Utara, Hassanudin").

Rules live beside this file (each explains its columns in its header):
  positions.csv       titles: canonical position, field, organisation template, region levels
  modifiers.csv       acting posts kept in the position: Pj, Plt, Plh ("Penjabat (Pj)" -> "Pj")
  organizations.csv   bodies named in titles (BPJamsostek -> BPJS Ketenagakerjaan, Pemprov, DPRD)
  units.csv           office units refining "Kepala" (Kantor Wilayah, Cabang)
  field_words.txt     words of a post's field ("Direktur Perluasan Kepesertaan & HAL")
  foreign_places.txt  countries in titles ("Presiden Prancis ...")
  words.csv           honorifics, degrees, particles, stop words, negators ("calon", "mantan")
  examples.jsonl      our own sentences, positive and trap, run by tests/test_rule_examples.py
Code: extractor.py (matcher, loop) -> reading.py (one title) -> titles.py (title phrase),
names.py (names), places.py (untagged regions), posts.py (fields), spans.py (per-doc lookups).
"""
from __future__ import annotations

from spacy.language import Language

from .extractor import OfficialsExtractor

KINDS = ("official",)


def build(nlp: Language) -> OfficialsExtractor:
    return OfficialsExtractor(nlp)
