"""The SQL views: where each fact belongs (attribution), dates, and the ready-made summaries."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.models import Article
from pipeline.runner import run_items
from pipeline.storage import open_db
from pipeline.views import VIEWS, ensure_views


def rows(db, sql, *params):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def placed(db, kind, needle):
    """(region, attribution) of the one fact of `kind` whose span contains `needle`."""
    found = rows(db, "SELECT region, attribution FROM fact_details WHERE kind = ? AND text LIKE ?", kind, f"%{needle}%")
    assert len(found) == 1, found
    return found[0]["region"], found[0]["attribution"]


def test_every_fact_has_one_detail_row(corpus_db):
    facts = rows(corpus_db, "SELECT count(*) AS n FROM facts")[0]["n"]
    details = rows(corpus_db, "SELECT count(*) AS n, count(DISTINCT kind || ':' || fact_id) AS d FROM fact_details")[0]
    assert facts == details["n"] == details["d"] > 300


def test_regulation_goes_to_its_issuer(corpus_db):
    assert placed(corpus_db, "regulation", "Perwal) Medan Nomor 8") == ("Kota Medan", "issuer")
    assert placed(corpus_db, "regulation", "Perbup) Malang") == ("Kabupaten Malang", "issuer")
    national = rows(corpus_db, "SELECT attribution FROM fact_details WHERE kind = 'regulation' AND summary = 'UU 24/2011'")
    assert len(national) == 3 and "issuer" not in {r["attribution"] for r in national}


def test_official_goes_to_the_region_of_the_post(corpus_db):
    assert placed(corpus_db, "official", "Surya Wiradinata") == ("Jawa Barat", "official")


def test_a_dateline_city_does_not_take_the_province_commitment(corpus_db):
    # "Bandung (ANTARA) - Pemerintah Provinsi Jawa Barat menanggung ... Rp30,24 miliar"
    assert placed(corpus_db, "amount", "30,24 miliar") == ("Jawa Barat", "sentence")


def test_kabupaten_of_one_province_in_a_sentence_give_the_province(corpus_db):
    # "Kabupaten Gorontalo menyumbang ... 780 orang, disusul Kota Gorontalo ..."
    assert placed(corpus_db, "worker_count", "780 orang") == ("Gorontalo", "sentence")


def test_an_office_area_name_places_nothing(corpus_db):
    # "Kanwil ... Jawa Tengah dan DIY, ... Kabupaten Sleman dengan 1.320 orang, disusul Bantul
    # dan Kulon Progo": the office's name is no region, its kabupaten all lie in DIY
    assert placed(corpus_db, "worker_count", "1.320 orang") == ("Daerah Istimewa Yogyakarta", "sentence")


def test_a_sentence_spanning_provinces_attributes_nothing(tmp_path):
    text = ("Pekerja Rentan Terlindungi\n\nBogor - Pemkab Bogor menanggung iuran 1.200 pekerja rentan.\n\n"
            "Skema serupa di Kabupaten Bogor dan Kota Tangerang sudah melindungi 3.100 pekerja.\n")
    run_items([Article(source="bogor.txt", key="bogor.txt", text=text)], tmp_path / "facts.db", progress=False)
    # "Kabupaten Bogor" (Jawa Barat) and "Kota Tangerang" (Banten) in one sentence
    assert placed(str(tmp_path / "facts.db"), "worker_count", "3.100 pekerja") == (None, None)


def test_a_name_two_regions_share_attributes_nothing(corpus_db):
    # "Pemkab Jayapura ... 2.600 pegawai" in an article naming Kota and Kabupaten Jayapura
    region, attribution = placed(corpus_db, "worker_count", "2.600 pegawai")
    assert region != "Kota Jayapura"


def test_commitments_need_the_region_government_in_the_sentence(corpus_db):
    medan = rows(corpus_db, "SELECT kind, value FROM regional_commitments WHERE region = 'Kota Medan'")
    assert {"kind": "amount", "value": 403_200_000} in medan
    assert {"kind": "regulation", "value": 2024} in medan
    # "Pemkab Pelalawan ... 4.500 petani" names Pelalawan and Riau: not the province's commitment
    assert not rows(corpus_db, "SELECT 1 FROM regional_commitments WHERE region = 'Riau' AND value = 4500")
    # BPJS's claim payments are nobody's commitment
    assert not rows(corpus_db, "SELECT 1 FROM regional_commitments WHERE value = 13100000000")


def test_summary_views(corpus_db):
    uu = rows(corpus_db, "SELECT * FROM regulations_cited WHERE type = 'UU' AND number = '24' AND year = 2011")
    assert len(uu) == 1 and uu[0]["articles"] == 3 and uu[0]["title"] == "Badan Penyelenggara Jaminan Sosial"
    officials = rows(corpus_db, "SELECT * FROM officials_by_region WHERE name = 'Surya Wiradinata'")
    assert officials[0]["region"] == "Jawa Barat" and officials[0]["position"] == "Pj Gubernur"
    medan = rows(corpus_db, "SELECT * FROM amounts_by_region_year WHERE region = 'Kota Medan'")
    assert medan == [{**medan[0], "year": "2024", "amounts": 1, "total_idr": 403_200_000}]
    counts = rows(corpus_db, "SELECT workers, counted, date FROM worker_counts_by_region WHERE region = 'Aceh'")
    assert {"workers": 812_406, "counted": "orang", "date": "2024-06-30"} in counts
    assert len(rows(corpus_db, "SELECT * FROM region_gazetteer")) == 552


NATIONAL_IN_REGIONAL = """Pemkab Sleman Tanggung Iuran 2.400 Petani

Sleman - Pemerintah Kabupaten Sleman menanggung iuran BPJS Ketenagakerjaan bagi 2.400 petani dengan anggaran Rp483,8 juta dari APBD 2024.

Secara nasional, pemerintah menargetkan 20 juta pekerja rentan terlindungi pada 2026.
"""


@pytest.fixture()
def small_db(tmp_path):
    db = tmp_path / "facts.db"
    article = Article(source="sleman.txt", key="sleman.txt", text=NATIONAL_IN_REGIONAL, published="2024-05-02")
    run_items([article], db, progress=False)
    return str(db)


def test_a_national_figure_in_a_regional_article_is_marked_article(small_db):
    assert placed(small_db, "worker_count", "2.400 petani") == ("Kabupaten Sleman", "sentence")
    assert placed(small_db, "worker_count", "20 juta") == ("Kabupaten Sleman", "article")
    by_region = rows(small_db, "SELECT workers FROM worker_counts_by_region")
    assert by_region == [{"workers": 2400}]
    dated = rows(small_db, "SELECT date, date_source FROM fact_details WHERE kind = 'worker_count' ORDER BY value")
    assert dated == [{"date": "2024-05-02", "date_source": "published"}] * 2


def test_ensure_views_replaces_an_outdated_view(small_db):
    db = open_db(small_db)
    db.execute("DROP VIEW regulations_cited")
    db.execute("CREATE VIEW regulations_cited AS SELECT 1 AS stale")
    ensure_views(db)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'regulations_cited'").fetchone()[0]
    assert sql == f"CREATE VIEW [regulations_cited] AS {VIEWS['regulations_cited']}"


def test_ensure_views_leaves_current_views_alone(small_db):
    db = open_db(small_db)
    before = db.execute("PRAGMA schema_version").fetchone()[0]
    ensure_views(db)
    assert db.execute("PRAGMA schema_version").fetchone()[0] == before
