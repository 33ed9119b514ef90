"""The worker_counts extractor on its own: values, units, spans, guards, context, seeds."""
from __future__ import annotations


import pytest

from extractors import amounts, worker_counts
from extractors.common import Context, read_csv
from extractors.worker_counts.reading import HERE



@pytest.fixture(scope="module")
def extract(nlp):
    counts, money = worker_counts.build(nlp), amounts.build(nlp)

    def run(text: str):
        doc = nlp(text)
        hits = counts(doc, Context(), {"amount": money(doc, Context(), {})})
        for hit in hits:
            assert hit.kind == "worker_count" and set(hit.fields) == {"value", "unit"}
            assert 0 < hit.confidence <= 1 and hit.rule.startswith("worker.")
        return hits, doc

    return run


@pytest.fixture(scope="module")
def read(extract):
    def run(text: str):
        hits, doc = extract(text)
        return [(doc.text[h.start:h.end], h.fields["value"], h.fields["unit"]) for h in hits]

    return run


@pytest.mark.parametrize("text, expected", [
    ("sejak tahun 2022 sebanyak 10.000 tenaga kerja dibiayai",
     ("10.000 tenaga kerja", 10000, "tenaga kerja")),
    ("iuran bagi 90 ribu pekerja rentan", ("90 ribu pekerja rentan", 90000, "pekerja rentan")),
    ("potensi sebesar 30,2jt pekerja", ("30,2jt pekerja", 30200000, "pekerja")),
    ("ada sekitar 45.900 jumlah pekerja rentan",
     ("45.900 jumlah pekerja rentan", 45900, "pekerja rentan")),
    ("gerakan satu desa 100 Pekerja Rentan", ("100 Pekerja Rentan", 100, "pekerja rentan")),
    ("dua ribu buruh berunjuk rasa", ("dua ribu buruh", 2000, "buruh")),
    ("sejuta buruh turun ke jalan", ("sejuta buruh", 1000000, "buruh")),
    ("melatih lima puluh ribu petani", ("lima puluh ribu petani", 50000, "petani")),
    ("menyiapkan setengah juta pekerja", ("setengah juta pekerja", 500000, "pekerja")),
    ("sebanyak 1.250 orang tenaga honorer", ("1.250 orang tenaga honorer", 1250, "honorer")),
    ("melindungi 300 pegawai non-ASN", ("300 pegawai non-ASN", 300, "pegawai non-ASN")),
    ("mendaftarkan 3.000 marbot masjid", ("3.000 marbot masjid", 3000, "marbot")),
])
def test_number_then_unit(read, text, expected):
    assert read(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("jumlah penduduk yang bekerja sebanyak 6,157 juta orang", ("6,157 juta orang", 6157000, "orang")),
    ("jumlah tenaga kerja formal (Penerima Upah) aktif sebanyak 726.119 orang dengan 37.249 perusahaan",
     ("726.119 orang", 726119, "orang")),
    ("mewujudkan peserta 100 orang perdesa", ("100 orang", 100, "orang")),
    ("perusahaan itu melakukan PHK 1.200 orang", ("1.200 orang", 1200, "orang")),
])
def test_orang_counts_when_the_clause_names_workers(read, text, expected):
    assert read(text) == [expected]


def test_orang_continues_a_list_of_worker_counts(read):
    def values(text):
        return [value for _, value, _ in read(text)]

    text = ("Kota Kupang menyumbang peserta terbanyak dengan 900 orang, disusul Kabupaten Kupang "
            "sebanyak 450 orang dan Kabupaten Rote Ndao 320 orang.")
    assert values(text) == [900, 450, 320]
    assert values("Tahun lalu 2.500 pekerja terkena PHK, dan tahun ini 3.100 orang.") == [2500, 3100]
    assert values("BPJS melindungi 500 pekerja, sementara Dinsos membantu 300 orang.") == [500]
    assert values("Sebanyak 500 pekerja terdaftar. Acara itu dihadiri 300 orang.") == [500]


def test_soft_cues_hold_only_without_a_non_worker_noun(read):
    assert read("Pemkab menanggung iuran 7.250 orang.") == [("7.250 orang", 7250, "orang")]
    assert read("Warga yang didaftarkan sebanyak 300 orang.") == []
    assert read("Sebanyak 120 orang terdaftar sebagai pemilih.") == []  # only before the number


def test_a_strong_cue_after_orang(read):
    assert read("Sebanyak 800 orang bekerja di kawasan itu.") == [("800 orang", 800, "orang")]
    assert read("Sebanyak 40 orang bekerja sama membersihkan pantai.") == []


@pytest.mark.parametrize("text", [
    "Kegiatan itu dihadiri 300 orang.",
    "Untuk pekerja, pemerintah juga menolong 300 orang.",  # a comma ends the clause
    "pekerja sebanyak 100 orang warga",
    "pekerja sebanyak 2.500 orang tua",
    "jumlah penduduk 360 ribu jiwa",
    "20 pekerja tambang menolong 300 orang",
    "Jumlah peserta JKN mencapai 250 juta orang.",
])
def test_orang_without_workers_is_no_count(read, text):
    assert not any(unit == "orang" for _, _, unit in read(text))


@pytest.mark.parametrize("text", [
    "sebanyak 39,88% pekerja formal", "39,88 persen pekerja", "Pasal 5 pekerja berhak",
    "1 dari 3 pekerja", "satu dari tiga pekerja", "setiap 100 pekerja", "Pada 2023 pekerja migran",
    "Inpres Nomor 2 Tahun 2021 pekerja rentan", "salah satu pekerja", "berusia 45 tahun",
    "1.000 peserta didik", "Covid-19 pekerja", "industri 4.0 pekerja", "Rp 2,4 juta per pekerja",
    "Rp 5 juta pekerja", "459 desa", "37.249 perusahaan", "1,500 pekerja", "ribuan pekerja",
    "puluhan ribu pekerja", "Minggu (11/6) pekerja",
])
def test_traps(read, text):
    assert read(text) == []


def test_bare_year_counts_only_after_a_quantity_word(read):
    assert read("sebanyak 2022 pekerja") == [("2022 pekerja", 2022, "pekerja")]


def test_ranges(read):
    assert read("5.000 hingga 7.500 pekerja rentan") == [
        ("7.500 pekerja rentan", 7500, "pekerja rentan"),
        ("5.000 hingga 7.500 pekerja rentan", 5000, "pekerja rentan")]
    assert [v for _, v, _ in read("100-150 marbot")] == [100, 150]


def test_unit_before_its_number(read):
    assert read("Jumlah peserta aktif di provinsi itu mencapai 1,2 juta.") == [
        ("peserta aktif di provinsi itu mencapai 1,2 juta", 1200000, "peserta")]
    assert read("Jumlah peserta aktif mencapai 1,2 juta jiwa.") == []
    assert read("Jumlah perusahaan peserta mencapai 20.000.") == []
    assert read("Upah pekerja mencapai 3 juta.") == []
    assert read("Total pekerja yang terdaftar mencapai 30 persen.") == []


def test_weaker_rules_have_lower_confidence(extract):
    (direct,), _ = extract("sebanyak 500 pekerja")
    (context,), _ = extract("pekerja sebanyak 500 orang")
    assert context.confidence < direct.confidence


def test_longest_unit_phrase_wins(read):
    assert read("10 pekerja rentan") == [("10 pekerja rentan", 10, "pekerja rentan")]


def test_noun_file_is_well_formed():
    rows = read_csv(HERE / "nouns.csv")
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases))
    for row in rows:
        assert row["role"] in {"unit", "classifier", "cue", "soft_cue", "never", "recipient", "programme", "member",
                               "union", "volunteer", "insurer", "enrolled"}
        assert row["phrase"] == row["phrase"].lower()
        if row["role"] in {"unit", "cue", "soft_cue", "recipient", "member", "volunteer", "enrolled"}:
            assert 0 < float(row["confidence"]) <= 1
        if row["role"] in {"unit", "recipient", "member", "volunteer", "enrolled"}:
            assert row["unit"]


def test_a_web_pages_table_gives_each_rows_count_and_amount_under_its_header(nlp, read):
    from pipeline.cleaning import clean_text
    from pipeline.html import html_to_article_text

    rows = "".join(f"<tr><td>{i}</td><td>{name}</td><td>{count}</td><td>{rupiah}</td><td>{share}</td></tr>"
                   for i, (name, count, rupiah, share) in enumerate([
                       ("Kediri", "2.100", "423.360.000", "41"), ("Marga", "1.900", "383.040.000", "38")], 1))
    html = ("<html><body><article><p>TABANAN - Pemkab Tabanan menanggung iuran BPJS Ketenagakerjaan bagi 4.000 "
            "pekerja rentan pada 2025, dengan rincian per kecamatan sebagai berikut di bawah ini.</p><table>"
            "<tr><th>No</th><th>Kecamatan</th><th>Jumlah Pekerja</th><th>Iuran (Rp)</th><th>Cakupan (%)</th></tr>"
            f"{rows}<tr><td colspan='2'>Jumlah</td><td>4.000</td><td>806.400.000</td><td>40</td></tr></table>"
            "</article></body></html>")
    text = clean_text(html_to_article_text(html)[0])
    assert [(t, v) for t, v, _ in read(text)] == [("4.000 pekerja rentan", 4000), ("2.100", 2100), ("1.900", 1900),
                                                  ("4.000", 4000)]
    money = amounts.build(nlp)(nlp(text), Context(), {})
    assert [h.fields["value_idr"] for h in money] == [423360000, 383040000, 806400000]
