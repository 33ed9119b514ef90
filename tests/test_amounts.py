"""The amounts extractor on its own: values, exact spans, ranges, traps, seeds."""
from __future__ import annotations


import pytest

from extractors import amounts
from extractors.common import Context
from pipeline.nlp import build_nlp



@pytest.fixture(scope="module")
def read():
    nlp = build_nlp()
    extractor = amounts.build(nlp)

    def run(text: str):
        doc = nlp(text)
        hits = extractor(doc, Context(), {})
        for hit in hits:
            assert hit.kind == "amount" and set(hit.fields) == {"value_idr"}
            assert 0 < hit.confidence <= 1 and hit.rule.startswith("amount.")
        return [(doc.text[h.start:h.end], h.fields["value_idr"]) for h in hits]

    return run


@pytest.mark.parametrize("text, span, value", [
    ("Klaim dibayar Rp365,86 miliar.", "Rp365,86 miliar", 365860000000),
    ("sudah membayarkan Rp365 miliar atas klaim", "Rp365 miliar", 365000000000),
    ("anggaran Rp 1,2 triliun tahun ini", "Rp 1,2 triliun", 1200000000000),
    ("bantuan Rp500 ribu per bulan", "Rp500 ribu", 500000),
    ("iuran Rp 10.000.", "Rp 10.000", 10000),
    ("gaji Rp. 2.500.000,- per bulan", "Rp. 2.500.000,-", 2500000),
    ("saldo Rp3.657.527,37 saja", "Rp3.657.527,37", 3657527),
    ("dana IDR 5 juta", "IDR 5 juta", 5000000),
    ("harga 16.800 rupiah per liter", "16.800 rupiah", 16800),
    ("nilai Rp1,5 M", "Rp1,5 M", 1500000000),
    ("nilai Rp 2 T", "Rp 2 T", 2000000000000),
    ("Rp 100 juta per desa", "Rp 100 juta", 100000000),
    ("tarif Rp 500.000/bulan", "Rp 500.000", 500000),
    ("hadiah dua juta rupiah", "dua juta rupiah", 2000000),
    ("uang saku Rp sejuta", "Rp sejuta", 1000000),
    ("harga Rp.500.000 per orang", "Rp.500.000", 500000),
    ("RP 5.000 saja", "RP 5.000", 5000),
    ("hadiah Rp 1 juta 500 ribu", "Rp 1 juta 500 ribu", 1500000),
    ("kontrak Rp2.5 miliar", "Rp2.5 miliar", 2500000000),
])
def test_amount_forms(read, text, span, value):
    assert read(text) == [(span, value)]


@pytest.mark.parametrize("text, expected", [
    ("Rp100-150 juta per kelompok", [("Rp100-150 juta", 100000000), ("150 juta", 150000000)]),
    ("Rp100 juta hingga Rp150 juta", [("Rp100 juta", 100000000), ("Rp150 juta", 150000000)]),
    ("Rp 100 - 150 juta", [("Rp 100 - 150 juta", 100000000), ("150 juta", 150000000)]),
    ("Rp 10.000 - 20.000 per hari", [("Rp 10.000", 10000), ("20.000", 20000)]),
    ("naik dari Rp2,5 juta menjadi 2,8 juta", [("Rp2,5 juta", 2500000), ("2,8 juta", 2800000)]),
    ("Rp100 ribu-Rp150 ribu per sak", [("Rp100 ribu", 100000), ("Rp150 ribu", 150000)]),
    ("Rp 1 juta s/d 2 juta", [("Rp 1 juta", 1000000), ("2 juta", 2000000)]),
    ("Rp 1 juta s.d. Rp 2 juta", [("Rp 1 juta", 1000000), ("Rp 2 juta", 2000000)]),
    ("sekitar 2-3 juta rupiah", [("2-3 juta rupiah", 2000000), ("3 juta rupiah", 3000000)]),
])
def test_ranges_give_both_ends(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "USD 5 juta dan US$ 2 miliar", "5 juta dolar AS", "iuran naik 2 persen", "naik 9,83%",
    "nilai tukar rupiah melemah", "Pasal 5 ayat 2 Nomor 15 Tahun 2014", "Rp 365.86", "Rp 1,500",
    "dijual Rp 5 ribuan", "Rp 5.000an", "Rp", "sebanyak 10.000 pekerja",
])
def test_not_rupiah_amounts(read, text):
    assert read(text) == []


def test_second_end_of_another_magnitude_is_not_read(read):
    assert read("Rp 50.000 diberikan ke 20 warga") == [("Rp 50.000", 50000)]
    assert read("Rp 500 - 2 juta") == []  # which scale the first end has cannot be known


def test_rupiah_after_an_rp_amount_is_one_amount(read):
    assert read("Rp 5 juta rupiah") == [("Rp 5 juta", 5000000)]


def test_weaker_readings_have_lower_confidence():
    nlp = build_nlp()
    extractor = amounts.build(nlp)
    plain, = extractor(nlp("Rp 2 miliar"), Context(), {})
    short, = extractor(nlp("Rp 2 M"), Context(), {})
    assert short.confidence < plain.confidence


def test_a_pasted_table_with_bars_glued_to_its_cells_is_read_by_column(read):
    table = "Kab/Kota|Penerima|Nilai (Rp juta)\nKota Kupang|1.250|252,5\nKupang|980|Rp 198 juta\nJumlah|2.230|451,5"
    assert sorted(value for _, value in read(table)) == [198_000_000, 252_500_000, 451_500_000]
