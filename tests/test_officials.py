"""The officials extractor on its own (regions given as hand-built hits), and on the seeds.

Sentences here are written for these tests; the seed articles are only read from
../shared/seeds at test time.
"""
from __future__ import annotations

import json
import re

import pytest

from extractors import officials
from extractors.common import Context, Hit, read_csv

from .paths import SEEDS

REGIONS = {  # surface -> (canonical name, code, level): stands in for the regions extractor
    "Sumut": ("Sumatera Utara", "12", "province"),
    "Sumatera Utara": ("Sumatera Utara", "12", "province"),
    "Jabar": ("Jawa Barat", "32", "province"),
    "Jawa Barat": ("Jawa Barat", "32", "province"),
    "Riau": ("Riau", "14", "province"),
    "Medan": ("Kota Medan", "12.71", "city"),
    "Binjai": ("Kota Binjai", "12.75", "city"),
    "Pekanbaru": ("Kota Pekanbaru", "14.71", "city"),
    "Langkat": ("Kabupaten Langkat", "12.05", "regency"),
    "Deli Serdang": ("Kabupaten Deli Serdang", "12.07", "regency"),
    "Nias Utara": ("Kabupaten Nias Utara", "12.24", "regency"),
    "Nisut": ("Kabupaten Nias Utara", "12.24", "regency"),
}
OFFICE_AREAS = ("Sumbagut", "Sumbagsel", "Jabodebek")
SURFACES = sorted(map(re.escape, [*REGIONS, *OFFICE_AREAS]), key=len, reverse=True)
PLACES = re.compile(r"\b(" + "|".join(SURFACES) + r")\b")


@pytest.fixture(scope="module")
def run(nlp):
    """run(text, places=True) -> official hits, with region/office-area hits built by hand."""
    extractor = officials.build(nlp)

    def go(text: str, places: bool = True) -> list[Hit]:
        found: dict[str, list[Hit]] = {"region": [], "office_area": []}
        for m in PLACES.finditer(text) if places else ():
            if m.group(1) in REGIONS:
                name, code, level = REGIONS[m.group(1)]
                fields = {"name": name, "code": code, "level": level}
                found["region"].append(Hit("region", m.start(), m.end(), "test", 1.0, fields))
            else:
                fields = {"name": m.group(1), "province_codes": []}
                found["office_area"].append(Hit("office_area", m.start(), m.end(), "test", 1.0, fields))
        return extractor(nlp(text), Context(), found)

    return go


def only(hits: list[Hit]) -> dict:
    assert len(hits) == 1, hits
    return dict(hits[0].fields)


def test_regional_office_head_has_no_region(run):
    fields = only(run("Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagut Rina Marpaung mengatakan target tercapai."))
    assert fields == {"name": "Rina Marpaung", "position": "Kepala Kantor Wilayah",
                      "organization": "BPJS Ketenagakerjaan", "region": None}


@pytest.mark.parametrize("text", [
    "Acara dibuka Kepala Kantor BPJS Ketenagakerjaan Wilayah Sumbagsel Dedi Kurniawan di aula kantor.",
    "Kepala BPJS Ketenagakerjaan Kantor Wilayah Jabodebek, Dedi Kurniawan saat memberi sambutan.",
    "Kakanwil BPJS Ketenagakerjaan Sumbagut, Dedi Kurniawan, menyerahkan santunan.",
    "Kepala Kantor Wilayah (Kakanwil) BPJamsostek Sumbagsel, Dedi Kurniawan yang ikut dalam rombongan.",
])
def test_regional_office_head_in_any_word_order(run, text):
    fields = only(run(text))
    assert (fields["name"], fields["position"], fields["organization"]) == (
        "Dedi Kurniawan", "Kepala Kantor Wilayah", "BPJS Ketenagakerjaan")


def test_acting_governor_keeps_pj_and_gets_provincial_government(run):
    fields = only(run("Hal itu disampaikan Pj. Gubernur Jawa Barat, Bey Machmudin, di Bandung."))
    assert fields == {"name": "Bey Machmudin", "position": "Pj Gubernur",
                      "organization": "Pemprov Jawa Barat", "region": "Jawa Barat"}


def test_penjabat_abbreviation_honorifics_and_degree(run):
    fields = only(run("Penjabat (Pj) Gubernur Riau, Dr H Rahman Hadi,M.Si menerima kunjungan itu."))
    assert (fields["name"], fields["position"], fields["organization"]) == ("Rahman Hadi", "Pj Gubernur", "Pemprov Riau")


def test_head_of_provincial_agency(run):
    fields = only(run("Kepala Dinas Ketenagakerjaan Provinsi Sumatera Utara Agus Tripriyono yang hadir mewakili gubernur."))
    assert fields == {"name": "Agus Tripriyono", "position": "Kepala Dinas Ketenagakerjaan",
                      "organization": "Pemprov Sumatera Utara", "region": "Sumatera Utara"}


def test_regent_with_abbreviation_in_brackets(run):
    fields = only(run("Bupati Nias Utara (Nisut) Dr Amizaro Waruwu bertemu jajaran BPJS Ketenagakerjaan."))
    assert fields == {"name": "Amizaro Waruwu", "position": "Bupati",
                      "organization": "Pemkab Nias Utara", "region": "Kabupaten Nias Utara"}


def test_post_level_must_match_region_level(run):
    fields = only(run("Gubernur Medan Budi Santoso hadir."))  # a city is no province: no region, no Pemprov
    assert (fields["region"], fields["organization"]) == (None, None)


def test_branch_head_from_bpjamsostek_and_city(run):
    fields = only(run("Kepala BPJamsostek Cabang Binjai, Dr Yusuf Harahap menyerahkan beasiswa."))
    assert fields == {"name": "Yusuf Harahap", "position": "Kepala Cabang",
                      "organization": "BPJS Ketenagakerjaan", "region": "Kota Binjai"}


def test_two_posts_two_names_paired_in_order(run):
    hits = run("Ia didampingi Kepala BPJamsostek Langkat dan Cabang Binjai Hendra dan Siti Aminah Lubis.")
    got = [(h.fields["name"], h.fields["position"], h.fields["region"]) for h in hits]
    assert got == [("Hendra", "Kepala Cabang", "Kabupaten Langkat"), ("Siti Aminah Lubis", "Kepala Cabang", "Kota Binjai")]


def test_field_with_ampersand_and_initial(run):
    fields = only(run("Direktur Pengembangan & TI R Bayu Saputra menjelaskan sistem baru itu kepada peserta."))
    assert (fields["name"], fields["position"]) == ("R Bayu Saputra", "Direktur Pengembangan & TI")


def test_repeated_name_slip_gives_one_correct_name(run):
    fields = only(run("Direktur Keuangan BPJS Ketenagakerjaan Dian Pratiwi Lestari Dian Pratiwi Lestar mengapresiasi dukungan itu."))
    assert fields["name"] == "Dian Pratiwi Lestari"


@pytest.mark.parametrize("text, name, position", [
    ("Kadisnaker Sumut Rahmat Siregar membuka pelatihan.", "Rahmat Siregar", "Kepala Dinas Tenaga Kerja"),
    ("Sekda Langkat Amril Nasution memimpin rapat.", "Amril Nasution", "Sekretaris Daerah"),
    ("Walikota Binjai Amir Hamzah meresmikan posko.", "Amir Hamzah", "Wali Kota"),
    ("Wagub Riau Edy Natar Nasution hadir.", "Edy Natar Nasution", "Wakil Gubernur"),
    ("Wabup Langkat Tiorita Surbakti hadir.", "Tiorita Surbakti", "Wakil Bupati"),
    ("Wawali Medan Aulia Rachman hadir.", "Aulia Rachman", "Wakil Wali Kota"),
    ("Wapres Gibran Rakabuming Raka meninjau lokasi.", "Gibran Rakabuming Raka", "Wakil Presiden"),
    ("Menaker Ida Fauziyah menerima laporan.", "Ida Fauziyah", "Menteri Ketenagakerjaan"),
    ("Kacab BPJS Ketenagakerjaan Medan, Doni Saputra, hadir.", "Doni Saputra", "Kepala Cabang"),
    ("Dirut BPJS Ketenagakerjaan Rudi Hartono hadir.", "Rudi Hartono", "Direktur Utama"),
    ("Kajari Deli Serdang Sabri Marbun hadir.", "Sabri Marbun", "Kepala Kejaksaan Negeri"),
    ("Kapolres Langkat AKBP Faisal Rahmat Simatupang hadir.", "Faisal Rahmat Simatupang", "Kepala Kepolisian Resor"),
    ("Plt Kadis Kesehatan Medan Taufik Ririansyah hadir.", "Taufik Ririansyah", "Plt Kepala Dinas Kesehatan"),
])
def test_abbreviated_titles_are_spelled_out(run, text, name, position):
    fields = only(run(text))
    assert (fields["name"], fields["position"]) == (name, position)


def test_name_before_title(run):
    fields = only(run('"Kami siap," kata Maria Simbolon, Kepala Dinas Sosial Kabupaten Langkat, kepada wartawan.'))
    assert (fields["name"], fields["position"], fields["organization"]) == ("Maria Simbolon", "Kepala Dinas Sosial", "Pemkab Langkat")


def test_short_re_mention_is_not_a_second_official(run):
    hits = run("Bupati Langkat Syah Afandin hadir. Menurut Bupati Syah, banyak nelayan belum terlindungi.")
    assert [h.fields["name"] for h in hits] == ["Syah Afandin"]


def test_village_head_place_is_not_the_name(run):
    fields = only(run("Kepala Desa Sukamakmur, Ahmad Yani, mengaku senang."))
    assert (fields["name"], fields["position"]) == ("Ahmad Yani", "Kepala Desa")


@pytest.mark.parametrize("text", [
    "Pewarta: Rizky Ananda\nEditor: Maria Rosari",
    "Ia optimistis Kadisnaker Sumut dan jajaran bisa mendorong perusahaan.",
    "Pak Wapres juga meminta BPJS Ketenagakerjaan bekerja profesional.",
    "Gubernur mengatakan Kepala Dinas akan menindaklanjuti usulan itu.",
    "Bupati Langkat Sambut Baik Program Perlindungan Pekerja Rentan",
    "Calon Gubernur Sumut Budi Hartono berjanji menanggung iuran nelayan.",
    "Aturan itu tertuang dalam Surat Edaran Gubernur Sumatera Utara Nomor 560/123/2022.",
    '"Kami terbantu," kata Rudi Hartono, nelayan di Medan.',
    "Ketua Koperasi Maju Bersama Budi Santoso mengatakan anggotanya sudah terdaftar.",
])
def test_no_official_without_a_person_in_a_post(run, text):
    assert run(text) == []


def test_span_runs_from_title_to_name(run, nlp):
    text = "Kemarin Direktur Kepesertaan BPJS Ketenagakerjaan Zulkifli Amri beserta jajaran berkunjung."
    (hit,) = run(text)
    assert text[hit.start:hit.end] == "Direktur Kepesertaan BPJS Ketenagakerjaan Zulkifli Amri"
    assert hit.rule.startswith("official.") and 0 < hit.confidence <= 1


def test_untagged_place_before_a_comma_is_not_taken_as_the_name(run):
    fields = only(run("Pj. Gubernur Sumatera Utara, Hassan Basri, membuka acara.", places=False))
    assert (fields["name"], fields["position"]) == ("Hassan Basri", "Pj Gubernur")


def test_data_files_are_consistent():
    from pathlib import Path

    here = Path(officials.__file__).parent
    units = {r["unit"] for r in read_csv(here / "units.csv")}
    for row in read_csv(here / "positions.csv"):
        assert row["field"] in {"no", "opt", "req", "unit"} and row["needs"] in {"", "qual", "lower"}, row
        assert set(row["scope"].split()) <= {"province", "regency", "city"}, row
    for row in read_csv(here / "organizations.csv"):
        assert {row["area_unit"], row["branch_unit"]} - {""} <= units, row


def _gold(stem: str) -> dict:
    return json.loads((SEEDS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
