"""`fakta facts`: every filter and format on the corpus database, region roll-ups and aliases."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from pipeline import cli
from pipeline.query import Filters, QueryError, connect, query, resolve_region


@pytest.fixture(scope="module")
def db(corpus_db):
    return connect(corpus_db)


def facts(db, **filters):
    return query(db, Filters(**filters))


def test_every_row_carries_its_article_and_sentence(db):
    rows = facts(db)
    assert len(rows) > 300
    for row in rows:
        assert row["link"] and row["sentence"] and row["text"] in row["sentence"]
        assert "title" in row and "outlet" in row


def test_region_alias_of_a_province_takes_in_its_kota(db):
    rows = facts(db, region="Sumut")
    assert {r["region_code"] for r in rows} == {"12", "12.07", "12.71"}
    assert {r["region"] for r in rows} >= {"Kota Medan", "Sumatera Utara"}
    assert facts(db, region="12") == rows == facts(db, region="Provinsi Sumatera Utara")


def test_a_kota_does_not_take_in_its_province(db):
    rows = facts(db, region="Kota Medan")
    assert rows and {r["region"] for r in rows} == {"Kota Medan"}
    assert facts(db, region="12.71") == rows


def test_office_area_takes_in_its_provinces(db):
    rows = facts(db, region="Sumbagut")
    assert {r["province"] for r in rows} == {"Aceh", "Sumatera Utara", None}
    assert [r["summary"] for r in rows if r["province"] is None] == ["Sumbagut"]  # the office area itself
    assert facts(db, region="sumatera bagian utara") == rows


def test_unknown_and_ambiguous_regions_are_errors(db):
    with pytest.raises(QueryError, match='"Kabupaten Bandung" or "Kota Bandung"'):
        facts(db, region="Bandung")
    with pytest.raises(QueryError, match="unknown"):
        resolve_region("Atlantis")


def test_kind_and_min_value(db):
    rows = facts(db, kinds=["worker_count", "amount"], min_value="1.000.000")
    assert rows and {r["kind"] for r in rows} == {"worker_count", "amount"}
    assert min(r["value"] for r in rows) >= 1_000_000
    assert 1_610_000_000_000 in {r["value"] for r in rows}
    assert all(r["kind"] == "worker_count" for r in facts(db, kinds=["worker_count"], min_value=100))


def test_since_and_until(db):
    rows = facts(db, since="2024-03", until="2024-06")
    assert rows and all("2024-03-01" <= r["date"] <= "2024-06-30" for r in rows)
    assert "2024-06-30" in {r["date"] for r in rows}  # a date mentioned in the sentence
    assert {r["date_source"] for r in rows} == {"sentence", "published"}
    assert all(r["date"] <= "2023-12-31" for r in facts(db, until="2023"))
    with pytest.raises(QueryError, match="bad date"):
        facts(db, since="12/03/2024")


def test_outlet_matches_name_or_web_address(db):
    rows = facts(db, outlet="antara")
    assert rows and {r["outlet"] for r in rows} == {"ANTARA Aceh"}
    assert {r["outlet"] for r in facts(db, outlet="papuanews")} == {"papuanews.id"}


def test_official(db):
    rows = facts(db, official="Surya Wiradinata")
    officials = [r for r in rows if r["kind"] == "official"]
    assert [r["summary"] for r in officials] == ["Surya Wiradinata — Pj Gubernur"]
    assert {r["link"].rsplit("/", 1)[-1] for r in rows} == {"001_antara_jabar_pekerja_rentan.txt"}
    assert any(r["kind"] == "amount" for r in rows)


def test_full_text_search(db):
    rows = facts(db, text="marbot")
    assert {r["link"].rsplit("/", 1)[-1] for r in rows} >= {"003_kompas_diy_marbot.txt"}
    assert all("marbot" in " ".join(str(v) for v in db.execute("SELECT title, text FROM articles WHERE id = ?", [r["article_id"]]).fetchone()).lower() for r in rows)
    assert facts(db, text="non-ASN")  # a hyphen is not FTS syntax here
    with pytest.raises(QueryError, match="bad --text"):
        facts(db, text='"unclosed')


def test_attribution_and_limit(db):
    rows = facts(db, attributions=["issuer"])
    assert rows and {r["kind"] for r in rows} == {"regulation"}
    assert len(facts(db, limit=5)) == 5


def fakta(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_formats(corpus_db, capsys, tmp_path):
    code, out, _ = fakta(capsys, "facts", "--db", corpus_db, "--region", "Kota Medan", "--kind", "amount", "--format", "table")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["kind", "summary", "region", "attribution", "date", "outlet", "title", "link", "sentence"]
    assert "Rp 403200000" in out and "Pemko Medan menganggarkan Rp403,2 juta." in out and lines[-1] == "(1 facts)"
    assert lines[0].index("region") == lines[1].index("Kota Medan")  # aligned

    code, out, _ = fakta(capsys, "facts", "--db", corpus_db, "--region", "Kota Medan", "--kind", "amount")
    assert code == 0 and json.loads(out.splitlines()[0])["value"] == 403_200_000  # not a tty: jsonl

    code, out, _ = fakta(capsys, "facts", "--db", corpus_db, "--region", "Kota Medan", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["region"] for r in table} == {"Kota Medan"} and all(r["sentence"] for r in table)

    path = tmp_path / "medan.xlsx"
    code, _, err = fakta(capsys, "facts", "--db", corpus_db, "--region", "Kota Medan", "--output", str(path))
    from openpyxl import load_workbook

    sheet = load_workbook(path)["facts"]
    header = [c.value for c in sheet[1]]
    assert code == 0 and f"-> {path}" in err and sheet.max_row == len(table) + 1
    assert {r[header.index("region")] for r in sheet.iter_rows(min_row=2, values_only=True)} == {"Kota Medan"}

    code, _, _ = fakta(capsys, "facts", "--db", corpus_db, "--kind", "amount", "--output", str(tmp_path / "a.csv"))
    assert code == 0 and (tmp_path / "a.csv").read_text(encoding="utf-8").startswith("kind,summary,value")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "xlsx"], "needs --output"),
        (["--region", "Atlantis"], "unknown or ambiguous region"),
        (["--since", "kemarin"], "bad date"),
        (["--min-value", "sejuta"], "bad number"),
        (["--output", "out.pdf"], "cannot tell the format"),
    ],
)
def test_cli_bad_filters_are_one_line_errors(corpus_db, capsys, args, message):
    code, out, err = fakta(capsys, "facts", "--db", corpus_db, *args)
    assert code == 2 and out == "" and err.startswith("fakta: ") and message in err and err.count("\n") == 1


def test_cli_missing_or_foreign_database(tmp_path, capsys):
    code, _, err = fakta(capsys, "facts", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no database" in err
    junk = tmp_path / "junk.db"
    junk.write_text("bukan basis data", encoding="utf-8")
    code, _, err = fakta(capsys, "facts", "--db", str(junk))
    assert code == 2 and "not a fakta database" in err and "Traceback" not in err


def test_cli_another_programs_database_is_refused_and_left_alone(tmp_path, capsys):
    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    code, _, err = fakta(capsys, "facts", "--db", str(other))
    assert code == 2 and "not a fakta database" in err
    with sqlite3.connect(other) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    conn.close()
    empty = tmp_path / "empty.db"
    empty.touch()
    code, _, err = fakta(capsys, "facts", "--db", str(empty))
    assert code == 2 and "not a fakta database" in err and empty.stat().st_size == 0


def test_unknown_kind_or_attribution_from_python(db):
    with pytest.raises(QueryError, match="unknown kind 'officials'"):
        facts(db, kinds=["officials"])
    with pytest.raises(QueryError, match="unknown attribution 'guess'"):
        facts(db, attributions=["guess"])


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """Articles whose title and sentences open with spreadsheet formula characters or hold
    control characters, as a scraped page can."""
    from pipeline.runner import run

    folder = tmp_path_factory.mktemp("hostile")
    records = [
        {"text": "=SUM(1+1) Pemprov Jawa Barat menanggung iuran 150 ribu pekerja rentan.",
         "title": '=HYPERLINK("http://evil.example","klik")', "outlet": "@outlet", "published": "2024-03-01"},
        {"text": "-Pemprov Jawa Barat menganggarkan Rp 5 miliar untuk iuran pekerja rentan.",
         "title": "Judul\x07 dengan\x1b kontrol", "published": "2024-03-02"},
    ]
    source = folder / "hostile.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    path = folder / "facts.db"
    assert not run([str(source)], path, progress=False).failures
    return str(path)


def test_xlsx_keeps_formula_text_as_text_and_survives_control_characters(hostile_db, capsys, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    code, _, err = fakta(capsys, "facts", "--db", hostile_db, "--output", str(path))
    assert code == 0, err
    sheet = load_workbook(path)["facts"]
    header = [c.value for c in sheet[1]]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]  # no formula from article text
    titles = {row[header.index("title")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert titles == {'=HYPERLINK("http://evil.example","klik")', "Judul dengan kontrol"}


def test_csv_keeps_values_exactly_as_stored(hostile_db, capsys):
    """CSV is data: even a title a spreadsheet would run stays as written (xlsx guards it)."""
    code, out, _ = fakta(capsys, "facts", "--db", hostile_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert {r["title"] for r in rows} >= {'=HYPERLINK("http://evil.example","klik")'}
    assert {r["value"] for r in rows if r["kind"] == "amount"} == {"5000000000"}


@pytest.mark.parametrize("name", ["out.csv", "out.jsonl", "out.xlsx"])
def test_output_into_a_missing_directory_is_a_one_line_error(corpus_db, capsys, tmp_path, name):
    code, _, err = fakta(capsys, "facts", "--db", corpus_db, "--region", "Kota Medan", "--output", str(tmp_path / "no" / name))
    assert code == 2 and err.startswith("fakta: cannot write") and err.count("\n") == 1
