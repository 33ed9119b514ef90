"""The regions extractor (kinds "region" and "office_area") and its lookup API, tested directly."""
from __future__ import annotations

from collections import Counter

import pytest

from extractors import regions
from extractors.common import Context, read_csv
from extractors.regions import data



@pytest.fixture(scope="module")
def run(nlp):
    extractor = regions.build(nlp)

    def hits(text: str, kind: str = "region"):
        doc = nlp(text)
        found = [h for h in extractor(doc, Context(), {}) if h.kind == kind]
        for hit in found:  # every hit points at exactly the words it came from
            assert doc.text[hit.start:hit.end].strip() == doc.text[hit.start:hit.end] != ""
        return found

    return hits


def codes(hits) -> set[str]:
    return {h.fields["code"] for h in hits}


def spans(text: str, hits) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.fields.get("code") or h.fields.get("name")) for h in hits]


# ---- data -------------------------------------------------------------------------------------
def test_region_table_has_every_province_and_kabupaten_kota():
    levels = Counter(ref.level for ref in data.regions().values())
    assert levels == {"province": 38, "regency": 416, "city": 98}
    assert data.by_code("31").name == "DKI Jakarta"
    assert data.by_code("34").name == "Daerah Istimewa Yogyakarta"
    assert data.by_code("12.77") == data.RegionRef("Kota Padangsidimpuan", "12.77", "city")
    assert all(r.name.startswith("Kabupaten ") for r in data.regions().values() if r.level == "regency")
    header = (data.HERE / "regions.csv").read_text(encoding="utf-8").split("\ncode,name,level", 1)[0]
    assert "cahyadsn/wilayah" in header and "MIT" in header
    assert "Cahya DSN" in (data.HERE / "LICENSE-cahyadsn-wilayah.txt").read_text(encoding="utf-8")


def test_homonyms_are_the_26_kabupaten_kota_pairs():
    bare = Counter(data.bare_name(r.name) for r in data.regions().values() if r.level != "province")
    twins = {name for name, n in bare.items() if n == 2}
    assert len(twins) == 26 and {"Bandung", "Bogor", "Malang", "Sorong", "Banjar", "Gorontalo"} <= twins
    provinces = {r.name for r in data.regions().values() if r.level == "province"}
    for name in twins:
        assert data.resolve(name) is None or name in provinces  # "Gorontalo": the province
        assert data.resolve("Kabupaten " + name).level == "regency"
        assert data.resolve("Kota " + name).level == "city"


def test_rule_files_name_only_known_forms_and_codes():
    forms = data.name_index()
    for row in read_csv(data.HERE / "risky_names.csv"):
        assert row["name"] in forms, row
        assert row["needs"] in {"word", "place", "admin"}, row
    for office, _ in data.office_aliases().values():
        assert all(code in data.regions() and data.by_code(code).level == "province" for code in office.province_codes)
    assert {o.name for o, _ in data.office_aliases().values()} >= {"Sumbagut", "Sumbagsel", "Sumbagteng", "Sulama", "Banuspa"}
    assert {c.type for c in data.cues()} == {"prefix", "office", "admin", "place", "subregion", "person", "people", "rank", "follow_ok"}


# ---- lookup API ---------------------------------------------------------------------------------
@pytest.mark.parametrize("written, code", [
    ("Sumsel", "16"), ("Sumut", "12"), ("sumatera utara", "12"), ("Jabar", "32"), ("DIY", "34"),
    ("Nisel", "12.14"), ("Pemkab Nisel", "12.14"), ("Kab. Deli Serdang", "12.07"), ("Kota Bandung", "32.73"),
    ("Bupati Bandung", "32.04"), ("Provinsi Gorontalo", "75"), ("Padang Sidempuan", "12.77"),
    ("Kota Bau Bau", "74.72"), ("Baubau", "74.72"), ("Pangkalpinang", "19.71"), ("Fakfak", "92.03"),
    ("Daerah Khusus Ibukota Jakarta", "31"), ("Jakarta", "31"), ("Wali Kota Medan", "12.71"), ("Medan", "12.71"),
])
def test_resolve(written, code):
    assert data.resolve(written).code == code


def test_every_canonical_name_resolves_to_itself():
    for ref in data.regions().values():
        assert data.resolve(ref.name) == ref
        assert data.resolve(ref.name.upper(), level=ref.level) == ref
    assert data.resolve("Gorontalo").level == "province"
    assert data.resolve("Gorontalo", level="regency").name == "Kabupaten Gorontalo"


def test_resolve_refuses_ambiguous_and_unknown_names():
    assert data.resolve("Bandung") is None
    assert data.resolve("Yogyakarta") is None
    assert data.resolve("Yogyakarta", level="province").code == "34"
    assert data.resolve("Sumbagut") is None  # an office area, not a region
    assert data.resolve("Kota Baru") is None
    assert data.resolve("Pemprov Medan") is None  # the cue's level contradicts the name


def test_province_of():
    assert regions.province_of("12.77").name == "Sumatera Utara"
    assert regions.province_of("16").name == "Sumatera Selatan"
    assert regions.resolve is data.resolve


# ---- extractor: aliases, prefixes, offsets ------------------------------------------------------
def test_prefix_is_part_of_the_mention_and_office_words_are_not(run):
    text = "Bupati Nias Selatan bertemu Kepala Dinas Kabupaten Nias Barat dan Pemprov Sumut."
    found = run(text)
    assert spans(text, found) == [("Nias Selatan", "12.14"), ("Kabupaten Nias Barat", "12.25"), ("Sumut", "12")]
    assert [h.rule for h in found] == ["region.pemkab", "region.canonical", "region.pemprov"]
    assert found[0].fields == {"name": "Kabupaten Nias Selatan", "code": "12.14", "level": "regency"}


def test_aliases_and_source_spellings(run):
    text = "Tim bergerak dari Tapsel ke Labura, lalu ke Kab. Toli-Toli, Kota Bau-Bau dan Muko-Muko."
    assert spans(text, run(text)) == [
        ("Tapsel", "12.03"), ("Labura", "12.23"), ("Kab. Toli-Toli", "72.04"), ("Kota Bau-Bau", "74.72"), ("Muko-Muko", "17.06"),
    ]


def test_one_hit_per_mention(run):
    text = "Pemprov Sumut dan warga Sumut. Di Sumatera Utara juga."
    assert [h.fields["code"] for h in run(text)] == ["12", "12", "12"]


def test_acronyms_must_match_their_case(run):
    assert codes(run("Warga NTT dan NTB.")) == {"53", "52"}
    assert codes(run("Kata ntt dan Ntb di sini.")) == set()


# ---- extractor: kabupaten vs kota -----------------------------------------------------------------
def test_homonym_decided_by_cue(run):
    text = "Wali Kota Bogor, Bupati Bogor, Kota Tegal dan Kab. Tegal hadir."
    assert spans(text, run(text)) == [("Bogor", "32.71"), ("Bogor", "32.01"), ("Kota Tegal", "33.76"), ("Kab. Tegal", "33.28")]


def test_bare_homonym_follows_the_one_named_in_the_article(run):
    text = "Banjir di Bekasi meluas. Pemkab Bekasi mendirikan posko."
    found = run(text)
    assert spans(text, found) == [("Bekasi", "32.16"), ("Bekasi", "32.16")]
    assert {h.rule for h in found} == {"region.context", "region.pemkab"}


def test_bare_homonym_without_context_gives_nothing(run):
    assert run("Banjir di Bekasi meluas hingga ke Malang.") == []
    both = run("Kabupaten Bekasi dan Kota Bekasi sepakat; warga Bekasi senang.")
    assert [h.fields["code"] for h in both] == ["32.16", "32.75"]  # the bare third mention: no fact


def test_dateline_city(run):
    assert spans("KEDIRI, RADAR - Hujan.", run("KEDIRI, RADAR - Hujan.")) == [("KEDIRI", "35.71")]
    assert codes(run("Jambi (ANTARA) - Hujan turun.")) == {"15.71"}
    assert codes(run("Liputan6.com, Medan - Hujan turun.")) == {"12.71"}


def test_province_and_city_homonym(run):
    assert codes(run("Gubernur Bengkulu melantik pejabat di Bengkulu.")) == {"17"}
    assert codes(run("Wali Kota Bengkulu meresmikan pasar.")) == {"17.71"}
    assert run("Hujan deras turun di Bengkulu.") == []


# ---- extractor: ordinary words, outlets, organisations ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Pasukan bergerak ke medan laga.",
    "Medan magnet bumi melemah.",
    "Ia membeli batu bata dan semen.",
    "Harga Batu Bara naik lagi.",
    "Rumah Makan Padang ramai.",
    "Mereka berlibur ke Danau Toba dan Pulau Bangka.",
    "Kantor itu di Jalan Sumatera Utara nomor 5.",
    "Dosen Universitas Negeri Medan dan Institut Teknologi Bandung.",
    "Dilansir Tribun Medan, Sumut Pos dan Bali Post.",
    "COPYRIGHT © ANTARA News Sumatera Utara 2023",
    "PT Semen Padang dan Bank Sumut Syariah.",
    "Bima Arya menyapa warga.",
    "Pencairan JHT peserta PPU diproses.",
])
def test_not_region_mentions(run, text):
    assert run(text) == []


def test_risky_names_with_a_place_cue(run):
    assert codes(run("Ia pulang ke Padang.")) == {"13.71"}
    assert codes(run("Bupati Nias dan Pemkab Toba.")) == {"12.04", "12.12"}
    assert codes(run("Banjir melanda Nias.")) == set()  # the island


def test_regional_branch_counts_but_company_does_not(run):
    assert codes(run("Bank Indonesia Perwakilan Sumut mencatat inflasi.")) == {"12"}
    assert codes(run("Kepala BPJamsostek Cabang Padang Sidempuan hadir.")) == {"12.77"}
    assert codes(run("Kepala BPJamsostek Nias Gunung Sitoli hadir.")) == {"12.78"}  # not Kabupaten Nias


def test_subregion_is_not_the_city(run):
    assert run("Banjir di Medan Johor dan Kecamatan Medan Baru.") == []
    assert codes(run("Banjir di Medan, terutama di Medan Johor.")) == {"12.71"}


# ---- office areas -------------------------------------------------------------------------------
def test_standalone_office_area_needs_a_bpjs_article(run):
    text = "Kepala BPJS Ketenagakerjaan Kantor Wilayah Sumbagut hadir."
    found = run(text, "office_area")
    assert spans(text, found) == [("Sumbagut", "Sumbagut")]
    assert found[0].fields == {"name": "Sumbagut", "province_codes": ["11", "12"]}
    assert run(text) == []  # never a region
    assert run("PLN UID Sumbagut memulihkan listrik.", "office_area") == []


def test_province_named_office_area_only_in_a_kanwil_phrase(run):
    text = "Kakanwil (Kepala Kantor Wilayah) BPJS Ketenagakerjaan Jatim menyerahkan santunan di Jatim."
    offices = run(text, "office_area")
    assert [(h.fields["name"], h.rule) for h in offices] == [("Jawa Timur", "office_area.kanwil")]
    assert codes(run(text)) == {"35"}
    assert run("Warga Jatim dan BPJS Ketenagakerjaan.", "office_area") == []


def test_multi_province_office_area_gives_no_region(run):
    text = "BPJS Ketenagakerjaan Kanwil Sulawesi dan Maluku meresmikan kantor."
    assert [h.fields["name"] for h in run(text, "office_area")] == ["Sulama"]
    assert run(text) == []


def test_extractor_is_pure(nlp, run):
    text = "Pemkot Medan, Pemkab Bandung dan warga Bandung."
    first = run(text)
    assert run(text) == first
    assert run("Hujan di Bandung.") == []  # nothing carried over from the previous article
