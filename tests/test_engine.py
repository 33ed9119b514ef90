"""Engine invariants: exact offsets, purity, one fact per identity, huge input."""
from __future__ import annotations

import random
import sqlite3

from pipeline.extract import Engine
from pipeline.models import Article
from pipeline.runner import run

TEXT = """Bupati Sleman Kustini Sri Purnomo menyerahkan kartu BPJS Ketenagakerjaan kepada 1.250 pekerja rentan di Sleman.

"Iurannya kami tanggung dari APBD senilai Rp1,8 miliar," kata Kustini di Sleman, Senin (15/1/2024).

Kustini menyebut Sleman menargetkan 5.000 pekerja rentan terlindungi pada 2025. Pemkab Sleman mengacu pada Inpres Nomor 2 Tahun 2021, dan Inpres Nomor 2 Tahun 2021 itu pula yang menjadi dasar Perbup Sleman Nomor 14 Tahun 2023.
"""


def article(text: str, key: str = "k") -> Article:
    return Article(source="engine-test.txt", key=key, text=text)


def test_offsets_point_at_the_exact_characters(engine):
    extracted = engine.extract(article(TEXT))
    assert extracted.facts
    for fact in extracted.facts:
        assert extracted.clean_text[fact.start:fact.end] == fact.text
        assert fact.text in fact.sentence
        assert fact.sentence in extracted.clean_text


def test_extraction_is_a_pure_function_of_the_article(engine):
    first = engine.extract(article(TEXT)).facts
    engine.extract(article("Wali Kota Bogor Dedie Rachim menerima 300 peserta magang."))
    again = engine.extract(article(TEXT)).facts
    other_engine = Engine().extract(article(TEXT)).facts
    assert first == again == other_engine


def test_one_fact_per_identity(engine):
    facts = engine.extract(article(TEXT)).facts
    regulations = [(f.type, f.number, f.year) for f in facts if f.kind == "regulation"]
    assert regulations.count(("Inpres", "2", 2021)) == 1
    officials = [f.name for f in facts if f.kind == "official"]
    assert officials.count("Kustini Sri Purnomo") == 1
    assert "Kustini" not in officials


def test_one_official_when_a_name_is_written_with_and_without_dots(engine):
    text = ("Kepala Dinas Tenaga Kerja dan Transmigrasi Sumsel Kms Herry Firmansyah memberi keterangan di Palembang.\n\n"
            "UMP Sumsel 2026 diumumkan Kepala Dinas Tenaga Kerja dan Transmigrasi Sumsel Kms. Herry Firmansyah, S.H., "
            "di Palembang, Rabu.")
    officials = [f for f in engine.extract(article(text)).facts if f.kind == "official"]
    assert [f.name for f in officials] == ["Kms. Herry Firmansyah"]
    assert officials[0].text.endswith("Kms. Herry Firmansyah")


def test_article_id_depends_on_identity_not_on_text(engine):
    a = engine.extract(article(TEXT, key="corpus/a.txt"))
    b = engine.extract(article(TEXT.replace("1.250", "1.300"), key="corpus/a.txt"))
    c = engine.extract(article(TEXT, key="corpus/b.txt"))
    assert a.article_id == b.article_id != c.article_id
    assert a.content_hash != b.content_hash


def test_a_20_mb_text_is_stored_without_losing_earlier_articles(tmp_path):
    rng = random.Random(7)
    paragraphs = [
        f"Pemkab {rng.choice(['Sleman', 'Bantul', 'Klaten'])} mendaftarkan {rng.randrange(100, 99999)} "
        f"pekerja rentan dengan anggaran Rp{rng.randrange(1, 999)} juta pada tahap ke-{i}."
        for i in range(240_000)
    ]
    big = "\n\n".join(paragraphs)
    assert len(big) > 20_000_000
    (tmp_path / "a_small.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "big.db"
    run([str(tmp_path / "a_small.txt")], db, progress=False)
    (tmp_path / "b_big.txt").write_text(big, encoding="utf-8")
    summary = run([str(tmp_path)], db, progress=False)
    assert summary.failures == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        big_id = conn.execute("SELECT id FROM articles WHERE source LIKE '%b_big.txt'").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM amounts WHERE article_id = ?", (big_id,)).fetchone()[0] > 100


def test_a_fresh_engine_mid_run_changes_no_fact(tmp_path, monkeypatch):
    """Long runs replace their engine (spaCy's vocabulary only grows); the facts stay the same."""
    from pipeline import runner

    from .paths import CORPUS

    def facts(db):
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT a.source, f.kind, f.summary, f.start, f.end, f.region_code FROM facts f "
                                "JOIN articles a ON a.id = f.article_id ORDER BY 1, 4, 2").fetchall()

    run([str(CORPUS)], tmp_path / "once.db", progress=False)
    built = []
    monkeypatch.setattr(runner, "ENGINE_LIFETIME", 3)
    monkeypatch.setattr(runner, "Engine", lambda: built.append(1) or Engine())
    run([str(CORPUS)], tmp_path / "recycled.db", progress=False, batch_size=4)
    assert len(built) > 3  # one engine per 3 articles
    assert facts(tmp_path / "recycled.db") == facts(tmp_path / "once.db") != []


def test_a_run_collects_garbage_at_its_own_thresholds_and_restores_the_callers(tmp_path, monkeypatch):
    import gc

    from pipeline import runner

    seen = []
    extract_clean = Engine.extract_clean
    monkeypatch.setattr(Engine, "extract_clean", lambda self, a, t: seen.append(gc.get_threshold()) or extract_clean(self, a, t))
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    before = gc.get_threshold()
    try:
        gc.set_threshold(900, 11, 12)
        run([str(tmp_path / "a.txt")], tmp_path / "gc.db", progress=False)
        assert seen == [runner.RUN_GC_THRESHOLDS]
        assert gc.get_threshold() == (900, 11, 12)
    finally:
        gc.set_threshold(*before)
