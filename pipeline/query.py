"""Fact queries with the filters people use, over the `fact_details` view.

Shared by `fakta facts`, `fakta report`, the Python API and the tests. Every row carries
its article (title, outlet, link = URL or input path) and the sentence it came from.
Region filters roll up: a province takes in its kabupaten/kota (codes "12.*"), a BPJS office
area ("Sumbagut") its provinces. Attribution of facts to regions: see pipeline/views.py.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.request import pathname2url

import sqlite_utils

from extractors.regions import data as regions_data

from .storage import TABLES, open_db

KINDS = tuple(TABLES)
ATTRIBUTIONS = ("self", "official", "issuer", "sentence", "article")
COLUMNS = (
    "kind", "summary", "value", "text", "region", "region_code", "province", "attribution", "date",
    "date_source", "title", "outlet", "published", "link", "sentence", "start", "end", "rule",
    "confidence", "article_id", "fact_id",
)
FTS_OPERATORS = re.compile(r'["*()]|\b(AND|OR|NOT|NEAR)\b')


class QueryError(ValueError):
    """A bad filter or database: the message is meant for the user, on one line."""


@dataclass(frozen=True)
class RegionScope:
    """What a --region value means: a label and the region codes whose facts it takes in."""

    label: str
    codes: tuple[str, ...]  # a province code takes in its kabupaten/kota too
    level: str  # province | regency | city | office_area


@dataclass
class Filters:
    kinds: list[str] = field(default_factory=list)
    region: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    official: str | None = None
    text: str | None = None
    min_value: int | None = None
    attributions: list[str] = field(default_factory=list)
    limit: int | None = None


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open an existing fakta database (adding any missing views); never creates one."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"no database at {path} (build one with `fakta run`)")
    try:
        probe = open_read_only(path)
        try:  # look before open_db, which would add fakta's tables to any SQLite file
            tables = {name for name, in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            probe.close()
        if "articles" not in tables:
            raise QueryError(f"{path} is not a fakta database (no articles table)")
        db = open_db(path)
        db.execute("SELECT 1 FROM fact_details LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise QueryError(f"{path} is not a fakta database ({exc})") from None
    return db


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing SQLite file (a URI, so '#', '?', '%' in its name are safe)."""
    return sqlite3.connect(f"file:{pathname2url(str(Path(path).resolve()))}?mode=ro", uri=True)


def resolve_region(value: str) -> RegionScope:
    """A region name, alias or Kemendagri code, or a BPJS office area, as a RegionScope."""
    text = " ".join(value.split())
    ref = regions_data.by_code(text) or regions_data.resolve(text)
    if ref is not None:
        return RegionScope(ref.name, (ref.code,), ref.level)
    office = regions_data.office_aliases().get(regions_data.normalise(text))
    if office is not None:
        area = office[0]
        return RegionScope(area.name, area.province_codes, "office_area")
    hint = ""
    if regions_data.resolve(text, "regency") and regions_data.resolve(text, "city"):
        hint = f': say "Kabupaten {text}" or "Kota {text}"'
    raise QueryError(f"unknown or ambiguous region {value!r}{hint}")


def parse_day(value: str, end: bool = False) -> str:
    """'2024', '2024-03' or '2024-03-12' -> an ISO day (the first, or with end=True the last)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
        if day is None:
            day = (date(year + month // 12, month % 12 + 1, 1) - date.resolution).day if end else 1
        return date(year, month, int(day)).isoformat()
    except ValueError:
        raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def parse_number(value: str | int | float) -> int:
    """'1000000', '1.000.000', '1,000,000' or '1_000_000' -> 1000000 (a Python number as it is)."""
    if isinstance(value, (int, float)):
        return value
    digits = re.sub(r"[.,_ ]", "", value.strip())
    if not digits.isdigit():
        raise QueryError(f"bad number {value!r}: use digits, e.g. 1000000 or 1.000.000")
    return int(digits)


def fts_query(text: str) -> str:
    """Plain words become quoted terms (so "non-ASN" works); FTS5 syntax is passed through."""
    if FTS_OPERATORS.search(text):
        return text
    return " ".join('"' + word.replace('"', "") + '"' for word in text.split())


def _host(column: str) -> str:
    rest = f"substr({column}, instr({column}, '://') + 3)"
    return f"lower(substr({rest}, 1, instr({rest} || '/', '/') - 1))"


def build_sql(filters: Filters) -> tuple[str, list]:
    where, params = [], []
    for column, values, allowed in (("kind", filters.kinds, KINDS), ("attribution", filters.attributions, ATTRIBUTIONS)):
        if values:
            unknown = sorted(set(values) - set(allowed))
            if unknown:
                raise QueryError(f"unknown {column} {unknown[0]!r}: choose from {', '.join(allowed)}")
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
    if filters.region:
        scope = resolve_region(filters.region)
        parts = []
        for code in scope.codes:
            parts.append("region_code = ? OR region_code LIKE ?" if "." not in code else "region_code = ?")
            params += [code, code + ".%"] if "." not in code else [code]
        if scope.level == "office_area":  # and the mentions of the office area itself
            parts.append("kind = 'office_area' AND summary = ?")
            params.append(scope.label)
        where.append("(" + " OR ".join(parts) + ")")
    if filters.since:
        where.append("date >= ?")
        params.append(parse_day(filters.since))
    if filters.until:
        where.append("date <= ?")
        params.append(parse_day(filters.until, end=True))
    if filters.outlet:
        where.append(f"(lower(outlet) LIKE ? OR {_host('url')} LIKE ?)")
        params += [f"%{filters.outlet.lower()}%"] * 2
    if filters.official:
        where.append(
            "(CASE WHEN kind = 'official' THEN"
            " fact_id IN (SELECT id FROM officials WHERE name LIKE ? OR position LIKE ?)"
            " ELSE article_id IN (SELECT article_id FROM officials WHERE name LIKE ?) END)"
        )
        params += [f"%{filters.official}%"] * 3
    if filters.text:
        where.append(
            "article_id IN (SELECT a.id FROM articles a JOIN articles_fts ON articles_fts.rowid = a.rowid"
            " WHERE articles_fts MATCH ?)"
        )
        params.append(fts_query(filters.text))
    if filters.min_value is not None:
        where.append("kind IN ('worker_count', 'amount') AND value >= ?")
        params.append(parse_number(filters.min_value))
    sql = f"SELECT {', '.join(f'[{c}]' for c in COLUMNS)} FROM fact_details"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date IS NULL, date, link, start"
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    return sql, params


def query(db: sqlite_utils.Database, filters: Filters) -> list[dict]:
    """Rows of `fact_details` that pass the filters, as dicts with COLUMNS as keys."""
    sql, params = build_sql(filters)
    if filters.text:
        try:
            db.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", [fts_query(filters.text)])
        except sqlite3.OperationalError as exc:
            raise QueryError(f"bad --text query {filters.text!r}: {exc}") from None
    return list(db.query(sql, params))
