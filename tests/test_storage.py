"""Storage: schema upgrades of older databases, rows as the models define them."""
from __future__ import annotations

from pipeline.models import Article
from pipeline.runner import run_items
from pipeline.placement import Placement
from pipeline.storage import PLACEMENT_COLUMNS, open_db


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


def test_placement_columns_follow_the_placement_fields():
    assert tuple(PLACEMENT_COLUMNS) == Placement._fields  # rows splat a placement in this order


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


def _search(db, words: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT a.source FROM articles a JOIN articles_fts f ON f.rowid = a.rowid WHERE articles_fts MATCH ?", [words])]


def test_full_text_index_follows_new_changed_and_older_articles(tmp_path):
    path = tmp_path / "facts.db"
    other = Article(source="lain.txt", key="lain.txt", text="Bupati Gowa meninjau nelayan di pesisir.")
    run_items([_article(), other], path, progress=False)
    db = open_db(path)
    assert _search(db, "Jambi") == ["rilis.txt"] and _search(db, "nelayan") == ["lain.txt"]
    changed = Article(source="rilis.txt", key="rilis.txt", text=_article().text.replace("Jambi", "Bengkulu"))
    run_items([changed], path, progress=False)
    assert _search(db, "Jambi") == [] and _search(db, "Bengkulu") == ["rilis.txt"]
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 2
    # a database whose insert trigger (earlier versions) still exists indexes each article once
    db.execute("""CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
      INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END""")
    db.close()
    run_items([Article(source="baru.txt", key="baru.txt", text="Wali Kota Medan menyerahkan santunan.")], path, progress=False)
    db = open_db(path)
    assert _search(db, "santunan") == ["baru.txt"]
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 3
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")  # raises if index != content


def test_an_article_given_twice_in_one_batch_is_stored_and_indexed_once(tmp_path):
    from pipeline.extract import Engine
    from pipeline.storage import write_batch
    engine = Engine()
    first = engine.extract(_article())
    second = engine.extract(Article(source="rilis.txt", key="rilis.txt", text=_article().text.replace("Jambi", "Bengkulu")))
    db = open_db(tmp_path / "facts.db")
    write_batch(db, [first, second], engine.version)
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1
    assert _search(db, "Bengkulu") == ["rilis.txt"] and _search(db, "Jambi") == []
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")  # raises if index != content
