"""The Python API for analysts who script (re-exported by `pipeline`).

    from pipeline import extract_text, query_facts, read_table
    facts = extract_text("Pemprov Jabar menanggung iuran 150 ribu pekerja rentan.")
    rows = query_facts("outputs/facts.db", region="Sumut", kinds=["worker_count"], since="2024")
    officials = read_table("outputs/facts.db", "officials_by_region")
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

from pydantic import TypeAdapter

from .models import Article, Fact


@functools.cache
def _engine():
    from .extract import Engine

    return Engine()


def extract_text(text: str, *, source: str = "<text>", published: str | None = None, title: str | None = None) -> list:
    """The facts (pydantic records: OfficialFact, AmountFact, ...) of one article's text.

    Nothing is stored. The first call builds the pipeline (about a second)."""
    from .cleaning import clean_text

    article = Article(source=source, key=source, text=text, published=published, title=title)
    return _engine().extract(article).facts if clean_text(text).strip() else []


def query_facts(db_path: str | Path, **filters) -> list[dict]:
    """Rows of stored facts with region, date, article and sentence (the columns of
    `fakta facts --format jsonl`). Filters: kinds, region, since, until, outlet, official,
    text, min_value, attributions, limit, as for `fakta facts`. Raises QueryError."""
    from .query import Filters, connect, query

    return query(connect(db_path), Filters(**filters))


def read_facts(db_path: str | Path, **filters) -> list:
    """As query_facts, but each stored fact as its pydantic record (kind-specific fields)."""
    from .query import Filters, connect, query
    from .storage import TABLES

    db = connect(db_path)
    adapter = TypeAdapter(Fact)
    out = []
    for row in query(db, Filters(**filters)):
        record = next(db[TABLES[row["kind"]]].rows_where("id = ?", [row["fact_id"]]))
        record.pop("id")
        if "province_codes" in record:
            record["province_codes"] = json.loads(record["province_codes"])
        out.append(adapter.validate_python({**record, "kind": row["kind"]}))
    return out


def read_table(db_path: str | Path, name: str, where: str | None = None, params: list | dict | None = None) -> list[dict]:
    """Rows of any table or view (articles, officials, fact_details, regional_commitments...) as dicts."""
    from .query import QueryError, connect

    db = connect(db_path)
    if name not in db.table_names() + db.view_names():
        raise QueryError(f"no table or view {name!r}")
    return list(db[name].rows_where(where, params))
