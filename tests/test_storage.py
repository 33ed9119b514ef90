"""Storage: schema upgrades of older databases, rows as the models define them."""
from __future__ import annotations

from pipeline.models import Article
from pipeline.runner import run_items
from pipeline.storage import open_db


def _article(author: str | None = None) -> Article:
    text = ("Kepala Dinas Tenaga Kerja Provinsi Jambi Ahmad Faisal menyebut 4.200 pekerja rentan "
            "didaftarkan pada Maret 2025, dengan anggaran Rp1,2 miliar dari APBD.")
    return Article(source="rilis.txt", key="rilis.txt", text=text, author=author, language="id")


def test_an_older_database_gains_the_new_article_columns(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    for column in ("author", "language"):  # as databases written before these columns existed
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    db.close()
    summary = run_items([_article(author="Rina Wulandari")], path, progress=False)
    assert summary.stored == 1 and not summary.failures
    row = next(open_db(path)["articles"].rows)
    assert (row["author"], row["language"]) == ("Rina Wulandari", "id")


def test_fact_rows_hold_the_model_values(tmp_path):
    path = tmp_path / "facts.db"
    run_items([_article()], path, progress=False)
    db = open_db(path)
    count = next(db["worker_counts"].rows)
    assert (count["value"], count["unit"]) == (4200, "pekerja rentan")
    article_text = next(db["articles"].rows)["text"]
    assert article_text[count["start"]:count["end"]] == count["text"]
    date = next(db["dates"].rows)
    assert (date["value"], date["precision"]) == ("2025-03-01", "month")
    assert [r["value_idr"] for r in db["amounts"].rows] == [1_200_000_000]
    official = next(db["officials"].rows)
    assert (official["name"], official["region"]) == ("Ahmad Faisal", "Jambi")
