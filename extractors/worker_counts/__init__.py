"""Worker counts (kind "worker_count", fields value and unit): "10.000 tenaga kerja".

Every number that counts people as workers or programme participants. Anchors are
the unit nouns of nouns.csv (PhraseMatcher); around each, reading.py applies:
  worker.number_unit         "90 ribu pekerja rentan", "dua ribu buruh"
  worker.number_orang_unit   "1.250 orang tenaga honorer"
  worker.number_filler_unit  "45.900 jumlah pekerja rentan"
  worker.context_orang       "tenaga kerja ... aktif sebanyak 726.119 orang" (unit "orang":
                             the clause before names workers, or a cue follows)
  worker.list_orang          "780 orang, disusul Kota X sebanyak 410 orang" (also a row
                             opening the next sentence: "... 410 orang. Jatim 365 orang, ...")
  worker.per_place           "Setiap desa mengusulkan paling sedikit 30 orang." (after a count)
  worker.unit_link_number    "Jumlah peserta aktif ... mencapai 1,2 juta."
  worker.range_start         "5.000 hingga 7.500 pekerja", "100-150 marbot"
The span runs from the number to the unit noun (or from the unit to the number).
Years, references ("Pasal 5"), rates ("setiap 100"), ratios ("1 dari 3"), percentages,
money and non-worker nouns ("jiwa", "warga", "peserta didik") give nothing.
Rules as data: nouns.csv, number_context.csv, extractors/numerals/*.csv.
"""
from __future__ import annotations

from .reading import WorkerCountReader

KINDS = ("worker_count",)


def build(nlp):
    return WorkerCountReader(nlp)
