"""`fakta serve`: browse a fakta database in Datasette, read-only, with the shipped metadata.

pipeline/data/datasette/metadata.json gives titles, descriptions, facets and canned queries;
its "columns" map describes every column of every table and view (a table's own "columns"
win); plugins/ holds the hook that links each fact's article_id to its article.
The database is served immutable (never written, never locked) after its views are brought
up to date and its write-ahead log folded in: restart the server after a `fakta run`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .cli import DEFAULT_DB

HERE = Path(__file__).parent / "data" / "datasette"
SETTINGS = {"sql_time_limit_ms": 3000, "default_page_size": 50, "facet_time_limit_ms": 500, "suggest_facets": False}


def metadata(db_path: str | Path) -> dict:
    """The shipped metadata for a database file: every table, view and column described."""
    from .query import open_read_only

    template = json.loads((HERE / "metadata.json").read_text(encoding="utf-8"))
    shared = template.pop("columns")
    database = template["databases"].pop("fakta")
    conn = open_read_only(db_path)
    try:
        for name, in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"):
            entry = database["tables"].get(name)
            if entry is None:
                continue
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
            own = entry.get("columns", {})
            entry["columns"] = {c: own.get(c) or shared.get(c, "") for c in columns}
    finally:
        conn.close()
    template["databases"][Path(db_path).stem] = database
    return template


def prepare(db_path: str | Path) -> Path:
    """Check the database, bring its views up to date and fold its WAL into the main file."""
    from .query import connect

    db = connect(db_path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return Path(db_path)


def datasette(db_path: str | Path):
    """A Datasette instance on the database (immutable), with fakta's metadata and hook."""
    from datasette.app import Datasette

    return Datasette(
        immutables=[str(db_path)],
        metadata=metadata(db_path),
        plugins_dir=str(HERE / "plugins"),
        settings=SETTINGS,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    import asyncio

    import uvicorn

    from .query import QueryError

    try:
        path = prepare(args.db)
    except QueryError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    ds = datasette(path)
    asyncio.run(ds.invoke_startup())
    print(f"fakta: serving {path} read-only at http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        uvicorn.run(ds.app(), host=args.host, port=args.port, log_level="warning")
    except OSError as exc:
        print(f"fakta: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    return 0


def register(sub) -> None:
    p = sub.add_parser("serve", help="browse the database in Datasette (read-only)")
    p.add_argument("--db", default=str(DEFAULT_DB), help=f"SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8001, help="port (default: 8001)")
    p.set_defaults(func=cmd_serve)
