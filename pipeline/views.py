"""Ready-made SQL views over the fact tables, shared by the CLI, Datasette and any SQLite client.

VIEWS maps a view name to its SELECT; `ensure_views` (re)creates any view that is
missing or whose definition changed, so an older database gets the current views.
"""
from __future__ import annotations

import sqlite_utils

VIEWS: dict[str, str] = {}


def ensure_views(db: sqlite_utils.Database) -> None:
    existing = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, select in VIEWS.items():
        sql = f"CREATE VIEW [{name}] AS {select}"
        if existing.get(name) != sql:
            with db.atomic():
                db.execute(f"DROP VIEW IF EXISTS [{name}]")
                db.execute(sql)
