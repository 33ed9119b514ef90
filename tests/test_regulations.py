"""The regulations extractor on its own: citations, numbers, years, issuers, titles, traps."""
from __future__ import annotations

import typing
from pathlib import Path

import pytest

from extractors import regulations
from extractors.common import Context, Hit, read_csv, read_jsonl
from pipeline.models import RegulationFact, RegulationType

from .paths import SEEDS

HERE = Path(regulations.__file__).parent


@pytest.fixture(scope="module")
def run(nlp):
    extract = regulations.build(nlp)

    def run(text: str, found=None):
        doc = nlp(text)
        hits = extract(doc, Context(), found or {})
        for hit in hits:  # offsets are exact and the fields fit the record contract
            assert doc.text[hit.start:hit.end] == text[hit.start:hit.end]
            RegulationFact(source="t", article_id="t", text=text[hit.start:hit.end], start=hit.start,
                           end=hit.end, sentence="s", rule=hit.rule, confidence=hit.confidence, **hit.fields)
        return hits

    return run


def key(hit: Hit) -> tuple:
    return hit.fields["type"], hit.fields["number"], hit.fields["year"]


def region(text: str, words: str, name: str) -> Hit:
    start = text.index(words)
    return Hit("region", start, start + len(words), "test", 1.0, {"name": name, "code": "00", "level": "province"})


def test_inpres_forms_give_one_identity(run):
    text = ("Daerah menjalankan Inpres No 2 tahun 2021. Instruksi Presiden RI Nomor 2 tahun 2021 "
            "meminta hal yang sama, dan Inpres 2/2021 juga disebut lagi. Inpres tersebut penting.")
    hits = run(text)
    assert {key(h) for h in hits} == {("Inpres", "2", 2021)}
    assert [text[h.start:h.end] for h in hits] == [
        "Inpres No 2 tahun 2021", "Instruksi Presiden RI Nomor 2 tahun 2021", "Inpres 2/2021"]
    assert all(h.fields["issuer"] == "Presiden" for h in hits)


@pytest.mark.parametrize("text, expected", [
    ("menurut Surat Edaran Gubernur Bali Nomor: 560/7095/2021 itu", ("SE", "560/7095/2021", 2021)),
    ("lewat Keputusan Kepala Daerah 415.4/7839/2022 kemarin", ("Keputusan", "415.4/7839/2022", 2022)),
    ("lewat Keputusan Gubernur (Kepgub) Nomor 188.44/77/KPTS/2023 kemarin", ("Kepgub", "188.44/77/KPTS/2023", 2023)),
    ("sesuai SE Menaker No. M/3/HK.04/II/2024 soal THR", ("SE", "M/3/HK.04/II/2024", 2024)),
    ("PP 44/2015 berlaku", ("PP", "44", 2015)),
    ("Perpres No 82/2018 berlaku", ("Perpres", "82", 2018)),
    ("UU No.24/2011 berlaku", ("UU", "24", 2011)),
    ("Perda Nomor 03 Tahun 2019 berlaku", ("Perda", "03", 2019)),
    ("Perppu Nomor 2 Tahun 2022 berlaku", ("Perppu", "2", 2022)),
    ("Keppres Nomor 12 Tahun 2020 berlaku", ("Keppres", "12", 2020)),
    ("Perbup Nomor 12 Tahun 2023 berlaku", ("Perbup", "12", 2023)),
    ("Instruksi Gubernur (Ingub) Nomor 1 Tahun 2022 berlaku", ("Ingub", "1", 2022)),
    ("Peraturan Wali Kota (Perwal) Medan Nomor 7 Tahun 2021 berlaku", ("Perwal", "7", 2021)),
    ("Perda Tahun 2019 tentang Ketertiban berlaku", ("Perda", None, 2019)),
    ("dijamin UUD 1945 pasal 28H ayat (3) bagi semua", ("UUD", "28H ayat (3)", 1945)),
    ("sesuai Pasal 28H ayat (3) UUD 1945, setiap orang", ("UUD", "28H ayat (3)", 1945)),
])
def test_citation_shapes(run, text, expected):
    assert [key(h) for h in run(text)] == [expected]


@pytest.mark.parametrize("text, issuer", [
    ("Permenaker No. 5 Tahun 2021", "Menteri Ketenagakerjaan"),
    ("Permendagri No. 15 Tahun 2024", "Menteri Dalam Negeri"),
    ("Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021", "Menteri Ketenagakerjaan"),
    ("SE Menaker No. M/3/HK.04/II/2024", "Menteri Ketenagakerjaan"),
    ("Surat Edaran Gubernur Sumatera Utara Nomor: 560/7095/2021", "Gubernur Sumatera Utara"),
    ("Keputusan Kepala Daerah 415.4/7839/2022", "Kepala Daerah"),
    ("UU Nomor 24 Tahun 2011", None),
    ("UU ITE Nomor 19 Tahun 2016", None),  # a nickname, not an issuer
    ("Peraturan Pemerintah Nomor 44 Tahun 2015", None),
])
def test_issuer(run, text, issuer):
    (hit,) = run(text)
    assert hit.fields["issuer"] == issuer
    assert (hit.start, hit.end) == (0, len(text))


@pytest.mark.parametrize("text, issuer", [
    ("Peraturan Gubernur (Pergub) Sumsel Nomor 15 Tahun 2014", "Gubernur Sumatera Selatan"),
    ("Keputusan Gubernur (Kepgub) Sumut Nomor 188.44/12/KPTS/2023", "Gubernur Sumatera Utara"),
    ("Keputusan Bupati Nisel Nomor 5 Tahun 2023", "Bupati Nias Selatan"),
    ("Perwal Medan Nomor 2 Tahun 2020", "Wali Kota Medan"),
    ("Perda Provinsi Sumatera Utara Nomor 1 Tahun 2018", "Sumatera Utara"),
    ("Perda Kota Medan Nomor 3 Tahun 2019", "Kota Medan"),
])
def test_issuer_region_canonical_by_lookup(run, text, issuer):
    (hit,) = run(text)
    assert hit.fields["issuer"] == issuer


def test_issuer_region_prefers_region_hits(run):
    text = "Pemprov menerbitkan Pergub Bumi Sriwijaya Nomor 15 Tahun 2014 tentang Perlindungan."
    assert run(text)[0].fields["issuer"] == "Gubernur Bumi Sriwijaya"  # unknown to the lookup: kept
    (hit,) = run(text, {"region": [region(text, "Bumi Sriwijaya", "Sumatera Selatan")]})
    assert hit.fields["issuer"] == "Gubernur Sumatera Selatan"
    text = "Pemkot menerbitkan Peraturan Wali Kota Medan Nomor 7 Tahun 2021."
    (hit,) = run(text, {"region": [region(text, "Kota Medan", "Kota Medan")]})
    assert hit.fields["issuer"] == "Wali Kota Medan"


@pytest.mark.parametrize("text, title", [
    ("Inpres No 2 tahun 2021 tentang BPJS Ketenagakerjaan dan merujuk pada aturan lain.", "BPJS Ketenagakerjaan"),
    ("SE Nomor 5 Tahun 2021 tentang Pelaksanaan Program di Provinsi Bali dan Keputusan Kepala Daerah 1/2/2022 tentang Tim.",
     "Pelaksanaan Program di Provinsi Bali"),
    ("UU No. 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional (SJSN) mengatur itu.", "Sistem Jaminan Sosial Nasional"),
    ("UU Nomor 24 Tahun 2011 tentang BPJS, katanya.", "BPJS"),
    ("Perda Nomor 3 Tahun 2019 tentang perlindungan pekerja.", None),
    ("Perda Nomor 3 Tahun 2019 berlaku.", None),
])
def test_title_stops_where_the_clause_ends(run, text, title):
    assert run(text)[0].fields["title"] == title


def test_short_mention_without_year_takes_the_known_year(run):
    hits = run("Pergub Nomor 15 sudah lama berlaku. Pergub Nomor 15 Tahun 2014 itu direvisi.")
    assert [key(h) for h in hits] == [("Pergub", "15", 2014), ("Pergub", "15", 2014)]


@pytest.mark.parametrize("text", [
    "Buruh menolak UU Cipta Kerja di depan kantor DPRD.",
    "Pemda menerbitkan Inpres dan surat edaran.",
    "Inpres tersebut meminta kepala daerah bergerak.",
    "Ahmad Yani, SE menyerahkan 25 kartu peserta.",
    "Tiket PP Jakarta-Medan naik Rp 1,5 juta.",
    "Keputusan itu diambil pada 12 Maret 2024.",
    "UUD 1945 menjamin hak atas pekerjaan.",  # no article: no fact (see README of patterns)
    "keputusan nomor urut 2 tahun 2024 ditunda",  # lowercase "keputusan" is not a type
])
def test_no_fact_without_type_and_number_or_year(run, text):
    assert run(text) == []


def test_article_of_a_statute_is_not_a_constitution_article(run):
    (hit,) = run("Mengacu Pasal 5 UU Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial.")
    assert key(hit) == ("UU", "11", 2009)


def test_types_file_uses_only_canonical_types():
    canonical = set(typing.get_args(RegulationType))
    assert {row["type"] for row in read_csv(HERE / "types.csv")} <= canonical


def test_every_pattern_has_an_example(run):
    rules_used = set()
    for example in read_jsonl(HERE / "examples.jsonl"):
        rules_used.update(h.rule for h in run(example["text"]))
    assert {p["rule"] for p in read_jsonl(HERE / "patterns.jsonl")} <= rules_used


def test_seed_pergub_issuer_with_region_hit(run):
    path = SEEDS / "004_aa7edff8e34da852.txt"
    if not path.exists():
        pytest.skip("seed articles not available")
    text = path.read_text(encoding="utf-8").strip()
    cite = text.index("Peraturan Gubernur (Pergub)")
    alias = text.index("Sumsel", cite)
    found = {"region": [Hit("region", alias, alias + 6, "test", 1.0, {"name": "Sumatera Selatan", "code": "16", "level": "province"})]}
    (hit,) = run(text, found)
    assert key(hit) == ("Pergub", "15", 2014)
    assert hit.fields["issuer"] == "Gubernur Sumatera Selatan"


def test_one_fact_per_regulation_through_the_engine(extract):
    facts = extract("Sesuai Inpres Nomor 2 Tahun 2021, pemda bergerak. Inpres 2/2021 itu juga menyebut BPJS.", "regulation")
    assert [(f.type, f.number, f.year, f.text) for f in facts] == [("Inpres", "2", 2021, "Inpres Nomor 2 Tahun 2021")]
