"""`fakta rules`: every rule id, its fact count in a database, and the rules that never fired."""
from __future__ import annotations

import re
import sqlite3

from pipeline import cli
from pipeline.rule_stats import known_rules


def rules_output(capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["rules", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_rule_ids_come_from_code_and_data_files():
    rules = known_rules()
    assert rules["worker.number_unit"].startswith("extractors/worker_counts/")  # a literal in code
    assert rules["region.pemkab"].startswith("extractors/regions/cues.csv:")  # a rule column
    assert rules["date.iso"].startswith("extractors/dates/patterns.jsonl:")  # a JSONL rule key
    assert "official.place" not in rules  # internal: a region hit the officials extractor keeps to itself
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+", r) for r in rules)


def test_counts_match_the_database_and_unfired_rules_are_flagged(capsys, corpus_db):
    code, out, _ = rules_output(capsys, "--db", corpus_db)
    assert code == 0
    printed = {m[1]: int(m[2]) for m in re.finditer(r"^(\S+)\s+(\d+)\s", out, re.M)}
    with sqlite3.connect(corpus_db) as db:
        in_db = dict(db.execute("SELECT rule, count(*) FROM facts GROUP BY rule").fetchall())
        total = db.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert {r: n for r, n in printed.items() if n} == in_db
    never = set(known_rules()) - set(in_db)
    assert never  # the corpus does not exercise every rule
    for rule in never:
        assert re.search(rf"^{re.escape(rule)}\s+0\s.*NEVER FIRED$", out, re.M)
    assert out.rstrip().endswith(f"never fired: {len(never)}; facts: {total}")
    code, unused, _ = rules_output(capsys, "--db", corpus_db, "--unused")
    assert {m[1] for m in re.finditer(r"^(\S+)\s+0\s", unused, re.M)} == never
    assert "worker.number_unit" not in unused


def test_missing_or_foreign_database_is_a_clear_error(capsys, tmp_path):
    code, _, err = rules_output(capsys, "--db", str(tmp_path / "none.db"))
    assert code == 2 and err.startswith("fakta: no database at") and err.count("\n") == 1
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    code, _, err = rules_output(capsys, "--db", str(other))
    assert code == 2 and "not a fakta database" in err


def test_a_database_whose_name_holds_uri_characters(capsys, corpus_db, tmp_path):
    folder = tmp_path / "rapat #2 50%"
    folder.mkdir()
    path = folder / "facts?.db"
    with sqlite3.connect(corpus_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    code, out, err = rules_output(capsys, "--db", str(path))
    assert code == 0, err
    assert all(p.name.startswith("facts?.db") for p in folder.iterdir())  # nothing else opened or created
    assert not re.search(r"facts: 0$", out.rstrip())
