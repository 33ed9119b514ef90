"""`fakta rules [--db FILE]`: every rule id, how many facts it produced in a database, and
the rules that never fired.

Rule ids are collected from the extractors as they are: the `rule` column/key of their
data files (extractors/regions/cues.csv, dates and regulations patterns.jsonl) and the
rule-id string literals of their code ("worker.number_unit"), read with `ast` without
importing anything. Ids found in the database but in neither place are listed too.
"""
from __future__ import annotations

import argparse
import ast
import sqlite3
import sys
from pathlib import Path

from .cli import DEFAULT_DB
from .rule_files import RULE_ID, ROOT, rule_ids_in_data
from .storage import TABLES

FACT_TABLES = tuple(TABLES.values())


def register(sub) -> None:
    p = sub.add_parser("rules", help="list every rule id with its fact count in a database; flag rules that never fired")
    p.add_argument("--db", default=str(DEFAULT_DB), help=f"SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--unused", action="store_true", help="list only the rules that never fired")
    p.set_defaults(func=cmd_rules)


def rule_ids_in_code() -> tuple[dict[str, str], set[str]]:
    """Rule-id string literals in extractors/**/*.py -> where first seen (file:line), and the
    internal ones: a Hit("region", ..., "official.place") of another kind than its id says,
    which an extractor uses itself and the engine never stores."""
    found: dict[str, str] = {}
    internal: set[str] = set()
    for path in sorted((ROOT / "extractors").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and RULE_ID.match(node.value):
                found.setdefault(node.value, f"{path.relative_to(ROOT)}:{node.lineno}")
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Hit" and len(node.args) >= 4:
                kind, rule = (getattr(node.args[i], "value", None) for i in (0, 3))
                if isinstance(kind, str) and isinstance(rule, str) and not kind.startswith(rule.split(".")[0]):
                    internal.add(rule)
    return found, internal


def known_rules() -> dict[str, str]:
    """Every rule id the extractors define that can produce a stored fact -> where it is defined."""
    in_code, internal = rule_ids_in_code()
    return {k: v for k, v in {**in_code, **rule_ids_in_data()}.items() if k not in internal}


def rule_counts(db_path: Path) -> dict[tuple[str, str], int]:
    """(kind table, rule) -> number of facts, from each per-kind table's `rule` column."""
    from .query import open_read_only

    with open_read_only(db_path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in FACT_TABLES if t not in tables]
        if missing:
            raise sqlite3.DatabaseError(f"not a fakta database (no table {missing[0]})")
        counts = {}
        for table in FACT_TABLES:
            for rule, n in db.execute(f"SELECT rule, count(*) FROM {table} GROUP BY rule"):
                counts[(table, rule)] = n
    return counts


def cmd_rules(args: argparse.Namespace) -> int:
    db_path = Path(args.db)
    if not db_path.is_file():
        print(f"fakta: no database at {db_path} (build one with `fakta run`)", file=sys.stderr)
        return 2
    try:
        counts = rule_counts(db_path)
    except sqlite3.Error as exc:
        print(f"fakta: cannot read {db_path}: {exc}", file=sys.stderr)
        return 2
    rules = known_rules()
    fired: dict[str, int] = {}
    for (_, rule), n in counts.items():
        fired[rule] = fired.get(rule, 0) + n
    width = max(map(len, [*rules, *fired, "rule"]))
    print(f"{'rule':{width}} {'facts':>7}  defined at")
    for rule in sorted(set(rules) | set(fired)):
        n = fired.get(rule, 0)
        if args.unused and n:
            continue
        where = rules.get(rule, "(not found in extractors: an old rule?)")
        flag = "  NEVER FIRED" if not n else ""
        print(f"{rule:{width}} {n:7}  {where}{flag}")
    unused = sorted(set(rules) - set(fired))
    print(f"rules: {len(rules)}, fired: {len(set(rules) & set(fired))}, never fired: {len(unused)}; facts: {sum(fired.values())}")
    return 0
