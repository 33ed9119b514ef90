"""`fakta serve`: Datasette on the corpus database, through its test client and a real browser."""
from __future__ import annotations

import asyncio
import socket
import sqlite3
import threading
import time

import pytest

from pipeline import serve

from .browser import CHROMIUM, NO_CHROMIUM, render


@pytest.fixture(scope="module")
def db_path(corpus_db, tmp_path_factory):
    """A copy of the corpus database (serving folds its log in), named facts.db."""
    path = tmp_path_factory.mktemp("serve") / "facts.db"
    with sqlite3.connect(corpus_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return serve.prepare(path)


@pytest.fixture(scope="module")
def ds(db_path):
    instance = serve.datasette(db_path)
    asyncio.run(instance.invoke_startup())
    return instance


def get(ds, path):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return response


def count(db_path, sql, *params):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchone()[0]


def test_every_table_view_and_column_is_described(db_path):
    from pipeline.storage import TABLES
    from pipeline.views import VIEWS

    meta = serve.metadata(db_path)
    tables = meta["databases"]["facts"]["tables"]
    names = ["articles", "facts", *TABLES.values(), *VIEWS]
    for name in names:
        assert tables[name]["title"] and tables[name]["description"], name
        assert tables[name]["columns"] and all(tables[name]["columns"].values()), name
    assert tables["fact_details"]["facets"] == ["kind", "province", "year", "outlet"]


VIEW_ROWS = [
    ("fact_details", "kind=amount&region=Kota+Medan", "value", [403_200_000]),
    ("officials_by_region", "name=Surya+Wiradinata", "region", ["Jawa Barat"]),
    ("amounts_by_region_year", "region=Kota+Medan", "total_idr", [403_200_000]),
    ("worker_counts_by_region", "region=Aceh&workers=812406", "date", ["2024-06-30"]),
    ("regulations_cited", "type=UU&number=24", "articles", [3]),
    ("regional_commitments", "region=Kota+Medan&kind=amount", "value", [403_200_000]),
    ("region_gazetteer", "code=12.71", "name", ["Kota Medan"]),
    ("office_area_provinces", "office_area=Sumbagut", "province", ["Aceh", "Sumatera Utara"]),
    ("fact_regions", "kind=regulation&attribution=issuer&region_code=12.71", "region_code", ["12.71"]),
    ("facts", "kind=amount&summary=Rp+403200000", "text", ["Rp403,2 juta"]),
]


@pytest.mark.parametrize("view, query, column, expected", VIEW_ROWS)
def test_views_page_and_json(ds, view, query, column, expected):
    page = get(ds, f"/facts/{view}?{query}")
    assert "<table" in page.text
    rows = get(ds, f"/facts/{view}.json?{query}&_shape=array").json()
    assert sorted(r[column] for r in rows) == expected


CANNED = [
    ("facts_in_region", "region=Sumbagut&kind=worker_count", "summary", {"2451000 orang", "812406 orang", "60000 pekerja rentan", "3000 nelayan", "2000 pengemudi ojol", "15000 orang", "2000 peserta"}),
    ("facts_in_region", "region=12.71&kind=regulation", "summary", {"Perwal 8/2024"}),
    ("officials_in_region", "region=Jawa+Barat", "name", {"Surya Wiradinata", "Asep Mulyana Hidayat"}),
    ("officials_in_region", "region=Jabar", "name", {"Surya Wiradinata", "Asep Mulyana Hidayat"}),  # an alias
    ("facts_in_region", "region=Sumut&kind=regulation", "summary", {"Perwal 8/2024"}),  # a province takes in Medan
    ("amounts_in_region", "region=Kota+Medan&year=2024", "total_idr", {403_200_000}),
    ("worker_counts_in_region", "region=Aceh&min_workers=100000", "workers", {2_451_000, 812_406}),
    ("worker_counts_in_region", "region=Aceh&min_workers=100.000", "workers", {2_451_000, 812_406}),  # Indonesian
    ("worker_counts_in_region", "region=Aceh&min_workers=1,000,000", "workers", {2_451_000}),
    ("commitments_of_region", "region=Kota+Palu", "kind", {"amount", "regulation", "worker_count"}),
    ("regulation_citations", "type=Inpres&words=", "summary", {"Inpres 2/2021"}),
    ("search_articles", "q=marbot", "title", {None, "Pemprov Gorontalo Tanggung Iuran BPJS Ketenagakerjaan 2.150 Marbot dan Guru Ngaji"}),
    ("search_articles", "q=non-ASN", "title", {None, "Pemkot Jayapura Teken PKS, 4.000 Pegawai Non-ASN Dilindungi BPJS Ketenagakerjaan"}),
    ("search_articles", "q=marbot+OR+%22non-ASN%22", "title", {None, "Pemprov Gorontalo Tanggung Iuran BPJS Ketenagakerjaan 2.150 Marbot dan Guru Ngaji", "Pemkot Jayapura Teken PKS, 4.000 Pegawai Non-ASN Dilindungi BPJS Ketenagakerjaan"}),
]


@pytest.mark.parametrize("name, query, column, expected", CANNED)
def test_canned_queries_page_and_json(ds, name, query, column, expected):
    assert "<form" in get(ds, f"/facts/{name}?{query}").text
    rows = get(ds, f"/facts/{name}.json?{query}&_shape=array").json()
    assert rows and {r[column] for r in rows} == expected


def test_facets_search_and_links_to_articles(ds, db_path):
    facets = get(ds, "/facts/fact_details.json?_facet=kind&_facet=province&_facet=year&_facet=outlet").json()["facet_results"]
    kinds = {f["value"]: f["count"] for f in facets["kind"]["results"]}
    assert kinds["amount"] == count(db_path, "SELECT count(*) FROM amounts")
    assert {"province", "year", "outlet"} <= set(facets)
    found = get(ds, "/facts/articles.json?_search=marbot&_shape=array").json()
    assert len(found) == 2
    page = get(ds, "/facts/worker_counts_by_region?region=Kota+Palu").text
    article = count(db_path, "SELECT article_id FROM worker_counts WHERE value = 5000 AND unit = 'pekerja rentan'")
    assert f'<a href="/facts/articles/{article}">{article}</a>' in page
    assert "Wali Kota Palu" in get(ds, f"/facts/articles/{article}").text


def test_read_only(ds, db_path):
    assert not ds.databases["facts"].is_mutable
    before = count(db_path, "SELECT count(*) FROM articles")
    response = asyncio.run(ds.client.get("/facts.json?sql=DELETE+FROM+articles"))
    assert response.status_code == 400
    assert count(db_path, "SELECT count(*) FROM articles") == before


def test_missing_database_is_a_one_line_error(tmp_path, capsys):
    from pipeline import cli

    assert cli.main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert capsys.readouterr().err.startswith("fakta: no database")


def test_metadata_of_a_database_whose_name_holds_uri_characters(db_path, tmp_path):
    path = tmp_path / "rapat #2" / "facts?.db"
    path.parent.mkdir()
    with sqlite3.connect(db_path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    tables = serve.metadata(path)["databases"]["facts?"]["tables"]
    assert "sentence" in tables["fact_details"]["columns"]
    assert [p.name for p in tmp_path.iterdir()] == ["rapat #2"]  # no stray file opened instead


@pytest.fixture(scope="module")
def server(ds):
    """The Datasette app on a real loopback port, in a thread."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(ds.app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_in_a_real_browser(server, tmp_path_factory):
    shots = tmp_path_factory.mktemp("screenshots")
    home = render(f"{server}/", shots / "home.png")
    assert "fakta: facts from Indonesian news" in home and "officials" in home
    facet = render(f"{server}/facts/fact_details?_facet=kind&_facet=province", shots / "facet.png")
    assert 'class="facet-info' in facet and "worker_count" in facet and "Sumatera Utara" in facet
    canned = render(f"{server}/facts/facts_in_region?region=Sumbagut&kind=worker_count", shots / "canned.png")
    assert "Facts in a region" in canned and "812406 orang" in canned and "/facts/articles/" in canned
