"""End to end through the `fakta` command: run, extract, schema; bad input; re-runs."""
from __future__ import annotations

import functools
import json
import sqlite3
import subprocess
import sys

import pytest

from pipeline import cli, runner

JATENG = """Pemprov Jateng Tanggung Iuran 25.000 Pekerja Rentan

SEMARANG (ANTARA) - Pemerintah Provinsi Jawa Tengah menanggung iuran BPJS Ketenagakerjaan bagi 25.000 pekerja rentan melalui APBD 2024 dengan anggaran Rp4,2 miliar.

Program itu, kata Gubernur Jawa Tengah Ahmad Luthfi, menjalankan Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan.
"""

BALI = """Klaim JKM di Bali Capai Rp12 Miliar

DENPASAR - BPJS Ketenagakerjaan membayarkan klaim Jaminan Kematian senilai Rp12 miliar kepada ahli waris 286 peserta di Bali sepanjang 2023.
"""


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "jateng.txt").write_text(JATENG, encoding="utf-8")
    (folder / "sub" / "bali.txt").write_text(BALI, encoding="utf-8")
    return folder


def fakta(*args: str) -> int:
    return cli.main(list(args))


def query(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_run_stores_articles_and_facts_with_exact_offsets(inputs, tmp_path, capsys):
    db = tmp_path / "facts.db"
    assert fakta("run", str(inputs), "--db", str(db), "--quiet") == 0
    out = capsys.readouterr().out
    assert "articles read: 2" in out and f"database: {db}" in out and "failures: 0" in out
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 2
    rows = query(db, "SELECT f.text, f.start, f.end, a.text FROM facts f JOIN articles a ON a.id = f.article_id")
    assert len(rows) >= 4
    for text, start, end, article_text in rows:
        assert article_text[start:end] == text
    assert (4_200_000_000,) in query(db, "SELECT value_idr FROM amounts")
    assert (25_000, "pekerja rentan") in query(db, "SELECT value, unit FROM worker_counts")
    sources = {r[0] for r in query(db, "SELECT source FROM articles")}
    assert sources == {str(inputs / "jateng.txt"), str(inputs / "sub" / "bali.txt")}


def test_rerun_replaces_instead_of_duplicating(inputs, tmp_path, capsys):
    db = tmp_path / "facts.db"
    fakta("run", str(inputs), "--db", str(db), "--quiet")
    before = query(db, "SELECT kind, summary FROM facts ORDER BY 1, 2")
    assert fakta("run", str(inputs), "--db", str(db), "--quiet") == 0
    assert "unchanged 2" in capsys.readouterr().out
    assert fakta("run", str(inputs), "--db", str(db), "--quiet", "--force") == 0
    assert query(db, "SELECT kind, summary FROM facts ORDER BY 1, 2") == before
    (inputs / "jateng.txt").write_text(JATENG.replace("Rp4,2 miliar", "Rp5 miliar"), encoding="utf-8")
    fakta("run", str(inputs), "--db", str(db), "--quiet")
    amounts = {r[0] for r in query(db, "SELECT value_idr FROM amounts")}
    assert 5_000_000_000 in amounts and 4_200_000_000 not in amounts
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 2


def test_bad_inputs_are_reported_and_skipped(inputs, tmp_path, capsys):
    (inputs / "empty.txt").write_text("  \n", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (inputs / "feed.jsonl").write_text(
        json.dumps({"text": BALI.replace("Bali", "Denpasar"), "url": "https://contoh.id/a"}) + "\n{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "facts.db"
    code = fakta("run", str(inputs), str(tmp_path / "missing.txt"), "--db", str(db), "--quiet")
    captured = capsys.readouterr()
    assert code == 1
    for name in ("empty.txt", "binary.txt", "feed.jsonl:2", "missing.txt"):
        assert name in captured.err
    assert "Traceback" not in captured.err
    assert "failures: 4" in captured.out
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 3  # two files plus the good JSONL line


def test_unopenable_database_is_a_clear_error(inputs, tmp_path, capsys):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not a database\n" * 100)
    assert fakta("run", str(inputs), "--db", str(not_a_db), "--quiet") == 2
    assert "cannot open database" in capsys.readouterr().err


def test_database_locked_by_another_writer_is_a_clear_error(inputs, tmp_path, capsys, monkeypatch):
    db = tmp_path / "facts.db"
    assert fakta("run", str(inputs / "jateng.txt"), "--db", str(db), "--quiet") == 0
    holder = sqlite3.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another process writing
    monkeypatch.setattr(sqlite3, "connect", functools.partial(sqlite3.connect, timeout=0.1))  # not 5 s
    try:
        code = fakta("run", str(inputs), "--db", str(db), "--quiet")
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot write to database" in err and "locked" in err and "Traceback" not in err
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 1  # what the first run stored is intact


def test_run_killed_halfway_keeps_whole_batches_and_resumes(inputs, tmp_path, monkeypatch, capsys):
    for i in range(5):
        (inputs / f"copy{i}.txt").write_text(JATENG.replace("25.000", f"2{i}.500"), encoding="utf-8")
    db = tmp_path / "facts.db"
    real_write = runner.write_batch
    calls = []

    def dying_write(db_, batch, version):
        if calls:
            raise KeyboardInterrupt  # the second batch never commits
        calls.append(len(batch))
        real_write(db_, batch, version)

    monkeypatch.setattr(runner, "write_batch", dying_write)
    assert fakta("run", str(inputs), "--db", str(db), "--quiet", "--batch-size", "3") == 130
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 3
    orphans = query(db, "SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans[0][0] == 0
    monkeypatch.setattr(runner, "write_batch", real_write)
    assert fakta("run", str(inputs), "--db", str(db), "--quiet", "--batch-size", "3") == 0
    assert "unchanged 3" in capsys.readouterr().out
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 7
    per_article = query(db, "SELECT article_id, value FROM worker_counts GROUP BY article_id, value HAVING count(*) > 1")
    assert per_article == []


def test_extract_jsonl_prints_only_facts_on_stdout(inputs, capsys):
    assert fakta("extract", str(inputs / "jateng.txt"), "--format", "jsonl") == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert records
    contract = {"source", "article_id", "kind", "text", "start", "end", "sentence", "rule", "confidence"}
    for record in records:
        assert contract <= record.keys()
        assert record["source"] == str(inputs / "jateng.txt")
        assert record["text"] in record["sentence"]
    kinds = {r["kind"] for r in records}
    assert {"amount", "worker_count", "regulation"} <= kinds


def test_extract_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(BALI))
    assert fakta("extract", "-", "--format", "jsonl") == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"source": "-", "kind": "amount", "value_idr": 12_000_000_000}.items() <= next(
        r for r in records if r["kind"] == "amount"
    ).items()


def test_schema_describes_every_kind(capsys):
    assert fakta("schema") == 0
    schema = json.loads(capsys.readouterr().out)
    text = json.dumps(schema)
    for kind in ("official", "region", "office_area", "worker_count", "amount", "regulation", "date"):
        assert f'"{kind}"' in text
    assert "value_idr" in text and "province_codes" in text


def test_python_dash_m_runs_the_same_command(inputs, tmp_path):
    db = tmp_path / "m.db"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(inputs), "--db", str(db), "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "articles read: 2" in result.stdout


def test_workers_give_the_same_facts_as_one_process(inputs, tmp_path, capsys):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert fakta("run", str(inputs), "--db", str(one), "--quiet") == 0
    assert fakta("run", str(inputs), "--db", str(two), "--quiet", "--workers", "2") == 0
    sql = "SELECT kind, source, start, end, summary FROM facts ORDER BY 1, 2, 3"
    assert query(one, sql) == query(two, sql) != []


def test_run_without_inputs_or_corpus_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "bundled_corpus", lambda: None)  # as from an installed wheel
    db = tmp_path / "out" / "facts.db"
    assert fakta("run", "--db", str(db)) == 2
    assert "nothing to read" in capsys.readouterr().err
    assert not db.exists()
