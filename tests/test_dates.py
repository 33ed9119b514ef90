"""The dates extractor on its own: values, precision, roles, yearless dates, traps, seeds."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors import dates
from extractors.common import Context, read_jsonl
from extractors.dates.normalise import make_normaliser
from pipeline.models import DateFact

from .paths import SEEDS

HERE = Path(dates.__file__).parent


@pytest.fixture(scope="module")
def run(nlp):
    extract = dates.build(nlp)

    def run(text: str, published: str | None = None):
        doc = nlp(text)
        hits = extract(doc, Context(published=published), {})
        for hit in hits:  # offsets are exact and the fields fit the record contract
            assert doc.text[hit.start:hit.end] == text[hit.start:hit.end]
            DateFact(source="t", article_id="t", text=text[hit.start:hit.end], start=hit.start, end=hit.end,
                     sentence="s", rule=hit.rule, confidence=hit.confidence, **hit.fields)
        return [(text[h.start:h.end], h.fields["value"], h.fields["precision"], h.fields["role"]) for h in hits]

    return run


def test_months_listed_before_one_year_share_it(run):
    found = run("Subsidi dibayarkan untuk bulan Juli, Agustus dan September 2024, lalu Juni dan Juli 2025.")
    assert [(span, value) for span, value, _, _ in found] == [
        ("Juli", date(2024, 7, 1)), ("Agustus", date(2024, 8, 1)), ("September 2024", date(2024, 9, 1)),
        ("Juni", date(2025, 6, 1)), ("Juli 2025", date(2025, 7, 1))]
    assert run("Rapat digelar 5 Juni dan Juli 2025.") == [("Juli 2025", date(2025, 7, 1), "month", "mentioned")]


@pytest.mark.parametrize("text, span, value, precision", [
    ("Pertemuan digelar Kamis, 21 Maret 2024 di kantor.", "Kamis, 21 Maret 2024", date(2024, 3, 21), "day"),
    ("Rapat pada 5 Agustus 2023 berjalan lancar.", "5 Agustus 2023", date(2023, 8, 5), "day"),
    ("Data BPS posisi Februari 2017 menunjukkan kenaikan.", "Februari 2017", date(2017, 2, 1), "month"),
    ("Per 30 September 2017 peserta aktif bertambah.", "30 September 2017", date(2017, 9, 30), "day"),
    ("Kegiatan digelar Jumat (6/1/2023) di aula.", "Jumat (6/1/2023)", date(2023, 1, 6), "day"),
    ("Surat ditandatangani 14/02/2024 oleh kedua pihak.", "14/02/2024", date(2024, 2, 14), "day"),
    ("Ditetapkan 21-03-2024 di Palembang.", "21-03-2024", date(2024, 3, 21), "day"),
    ("Laporan per 2023-12-31 sudah diaudit.", "2023-12-31", date(2023, 12, 31), "day"),
    ("Sosialisasi Selasa, 12 Sep 2023 di balai desa.", "Selasa, 12 Sep 2023", date(2023, 9, 12), "day"),
    ("Pendaftaran ditutup 30 Agt 2024 sore.", "30 Agt 2024", date(2024, 8, 30), "day"),
    ("Pendaftaran ditutup 30 Agt. 2024 sore.", "30 Agt. 2024", date(2024, 8, 30), "day"),
    ("Berlaku mulai 1 Nopember 2019 bagi semua.", "1 Nopember 2019", date(2019, 11, 1), "day"),
    ("Acara serupa digelar March 21, 2024 di Jakarta.", "March 21, 2024", date(2024, 3, 21), "day"),
    ("Acara serupa digelar 21 March 2024 di Jakarta.", "21 March 2024", date(2024, 3, 21), "day"),
])
def test_value_precision_and_span(run, text, span, value, precision):
    assert run(text) == [(span, value, precision, "mentioned")]


@pytest.mark.parametrize("text", [
    "Program berjalan sejak tahun 2022 di seluruh kabupaten.",
    "Pada tahun 2024 yang lalu, kami baru mampu menanggung iuran untuk 8.200 pekerja rentan.",
    "Pemda menganggarkan iuran pada 2025 untuk 3.000 nelayan.",
])
def test_a_year_alone_is_no_date(run, text):
    """Writers leave a year alone out of a story's dates: 18 of 19 "pada/sejak/akhir tahun YYYY"
    and 113 of 126 "pada YYYY" in the gold sets."""
    assert run(text) == []


@pytest.mark.parametrize("text, published, value", [
    ("Hal itu disampaikan Minggu (11/6) di kantor cabang.", "2023-06-12", date(2023, 6, 11)),
    ("Hal itu disampaikan Kamis (28/12) di kantor cabang.", "2024-01-03", date(2023, 12, 28)),
    ("Hal itu disampaikan Kamis (28/12) di kantor cabang.", "2024-01-03T08:15:00+07:00", date(2023, 12, 28)),
    ("Upacara digelar 17 Agustus di lapangan.", "2023-08-20", date(2023, 8, 17)),
    ("Posko dibuka 10 April di kecamatan.", "2024-04-05", date(2024, 4, 10)),  # within a month after
    ("Upah minimum 2026 berlaku mulai 1 Januari.", "2025-12-24", date(2026, 1, 1)),  # next year's, days ahead
    ("Rapat digelar 1 Januari di balai desa.", "2025-03-01", date(2025, 1, 1)),
])
def test_yearless_dates_take_the_year_from_publication(run, text, published, value):
    ((_, got, precision, role),) = run(text, published)
    assert (got, precision, role) == (value, "day", "mentioned")


@pytest.mark.parametrize("published", [None, "", "not a date"])
def test_yearless_dates_without_publication_give_nothing(run, published):
    assert run("Hal itu disampaikan Minggu (11/6) dan diulang 17 Agustus.", published) == []


def test_weekday_that_disagrees_lowers_confidence(nlp):
    extract = dates.build(nlp)
    right = extract(nlp("Rapat Kamis, 21 Maret 2024 di kantor."), Context(), {})[0]
    wrong = extract(nlp("Rapat Senin, 21 Maret 2024 di kantor."), Context(), {})[0]
    assert right.fields["value"] == wrong.fields["value"] == date(2024, 3, 21)
    assert wrong.confidence < right.confidence


@pytest.mark.parametrize("text, span", [
    ("Kamis, 21 Mar 2024 14:30 WIB\n\nBPJS membayar klaim peserta.", "Kamis, 21 Mar 2024"),
    ("Rabu, 4 Januari 2023 | 10:15 WIB\n\nPemkab menyerahkan santunan.", "Rabu, 4 Januari 2023"),
    ("Portal Berita | Jumat, 5 Januari 2024 08.05 WITA\n\nIsi berita.", "Jumat, 5 Januari 2024"),
    ("Judul\n\nDiterbitkan: 8 Mei 2024\n\nIsi berita.", "8 Mei 2024"),
    ("Judul\n\nDipublikasikan pada 8 Mei 2024\n\nIsi berita.", "8 Mei 2024"),
    # an outlet's masthead line gives the edition's date, with or without a time
    ("Judul Berita\n\nHARIAN PESISIR | Kamis, 13 Februari 2025\n\nIsi berita.", "Kamis, 13 Februari 2025"),
])
def test_published_only_when_the_text_states_it(run, text, span):
    assert [(s, role) for s, _, _, role in run(text)] == [(span, "published")]


@pytest.mark.parametrize("text", [
    "31 C\nPalembang\nMonday, March 4, 2024\nspot_img\n\nJudul berita",  # a site's date widget
    "Sabtu, 2 Maret 2024\n\nIsi berita tanpa jam terbit.",  # a bare date line at the top
])
def test_page_widget_dates_are_dropped(run, text):
    assert run(text) == []


def test_dates_with_a_time_in_the_body_are_mentioned(run):
    text = "Judul\n\n" + "Isi berita yang panjang. " * 30 + "Rapat digelar 12 Maret 2024 14:00 WIB."
    assert [role for *_, role in run(text)] == ["mentioned"]
    assert [role for *_, role in run("Rapat lanjutan digelar pada 12 Maret 2024 pukul 09.00 WIB di kantor.")] == ["mentioned"]


@pytest.mark.parametrize("text", [
    "Hal itu sesuai Inpres 2/2021 dan Perpres No 82/2018.",
    "Klaim mencapai Rp 1,5 miliar atau 9,83% dari target.",
    "Pemprov menerbitkan Pergub Nomor 15 Tahun 2014 tentang perlindungan pekerja.",
    "Surat bernomor Nomor: 12/3/2023 dikirim ke bupati.",
    "Sepertiga (1/3) peserta belum membayar iuran.",
    "Sebanyak 459 desa menjadi sasaran dalam beberapa tahun ini.",
    "Paritrana Award 2022 diberikan kepada pemda.",
    "Ibu Mei Lestari dan Agus Fatoni meninjau lokasi.",
    "Undangan menyebut 31 Februari 2024.",
    "Tahun 2023 sebanyak 31 ribu pekerja didaftarkan.",
    "Periode 2020-2024 menjadi fokus evaluasi.",
    "Skor akhir 21 Mar berakhir imbang.",  # a short month needs a day and a year
    "Iuran dianggarkan dalam APBD tahun anggaran 2024.",  # a budget's year, not a time in the story
])
def test_traps_give_no_date(run, text):
    assert run(text, published="2024-05-01") == []


def test_normaliser_is_cached_and_validates():
    normalise = make_normaliser()
    assert normalise("21 Maret 2024") == date(2024, 3, 21)
    assert normalise("Maret 2024") == date(2024, 3, 1)
    assert normalise("31 Februari 2024") is None
    normalise("21 Maret 2024")
    assert normalise.cache_info().hits == 1


def test_every_pattern_has_an_example(nlp):
    extract = dates.build(nlp)
    rules_used = set()
    for example in read_jsonl(HERE / "examples.jsonl"):
        hits = extract(nlp(example["text"]), Context(published=example.get("published")), {})
        rules_used.update(h.rule for h in hits)
    assert {p["rule"] for p in read_jsonl(HERE / "patterns.jsonl")} <= rules_used


def seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip("seed articles not available")
    return path.read_text(encoding="utf-8").strip()


def test_seed_dates(run):
    found = run(seed("004_aa7edff8e34da852.txt"))
    assert (date(2024, 3, 21), "day", "mentioned") in [f[1:] for f in found]
    found = [f[1:] for f in run(seed("002_6bc9552184375743.txt"))]
    assert (date(2017, 9, 30), "day", "mentioned") in found
    assert (date(2017, 2, 1), "month", "mentioned") in found
    assert all(value != date(2024, 11, 24) for value, _, _ in found)  # the page's date widget
    found = run(seed("000_6b0da639df6cfb8d.txt"))
    assert ("Maret 2024", date(2024, 3, 1), "month", "mentioned") in found


def test_no_seed_states_its_publication_date(run):
    for name in ("000_6b0da639df6cfb8d.txt", "001_c12b802493df6703.txt", "002_6bc9552184375743.txt",
                 "003_80174f63e9d03e19.txt", "004_aa7edff8e34da852.txt"):
        assert all(role == "mentioned" for *_, role in run(seed(name)))


def test_one_fact_per_date_through_the_engine(extract):
    facts = extract("Rapat digelar 5 Agustus 2023. Pada 5 Agustus 2023 pula santunan diserahkan.", "date")
    assert [(f.text, f.value, f.start) for f in facts] == [("5 Agustus 2023", date(2023, 8, 5), 14)]
