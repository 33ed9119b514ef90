"""Ready-made SQL views over the fact tables, shared by the CLI, Datasette and any SQLite client.

VIEWS maps a view name to its SELECT; `ensure_views` (re)creates any view that is
missing or whose definition changed, so an older database gets the current views.

Where a fact belongs and when: each fact row carries `region_code`, `attribution`,
`regions_named` and `mentioned_date`, decided at extraction time (pipeline/placement.py
explains how); `fact_details.date` is the date mentioned in the fact's sentence, else the
article's publication date (`date_source` says which). `region_gazetteer` and
`office_area_provinces` are tables (pipeline/gazetteer.py).
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from extractors.common import read_csv

DATA = Path(__file__).parent / "data" / "views"


def _literal(value) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def government_words(sentence: str) -> str:
    """SQL: the sentence holds a regional-government word (pipeline/data/views/government_words.csv)."""
    words = [row["word"] for row in read_csv(DATA / "government_words.csv")]
    return "(" + " OR ".join(f"instr({sentence}, {_literal(w)}) > 0" for w in words) + ")"


FACT_REGIONS = """
SELECT kind, fact_id, article_id, region_code, attribution, regions_named FROM facts WHERE region_code IS NOT NULL
"""

FACT_DETAILS = """
SELECT kind, fact_id, summary, value, text, region_code, region, region_level, province_code, province,
  attribution, regions_named, coalesce(mentioned, published) AS date,
  CASE WHEN mentioned IS NOT NULL THEN 'sentence' WHEN published IS NOT NULL THEN 'published' END AS date_source,
  substr(coalesce(mentioned, published), 1, 4) AS year,
  sentence, title, outlet, published, link, source, url, article_id, start, "end", rule, confidence
FROM (
  SELECT f.kind, f.fact_id, f.summary, f.value, f.text, f.region_code, g.name AS region, g.level AS region_level,
    g.province_code, g.province, f.attribution, f.regions_named, f.mentioned_date AS mentioned, a.published_date AS published,
    f.sentence, a.title, a.outlet, coalesce(a.url, a.source) AS link, a.source, a.url, f.article_id,
    f.start, f."end", f.rule, f.confidence
  FROM facts f JOIN articles a ON a.id = f.article_id
  LEFT JOIN region_gazetteer g ON g.code = f.region_code
)
"""

OFFICIALS_BY_REGION = """
SELECT d.region, d.region_code, d.province, o.name, o.position, o.organization,
  min(d.date) AS first_seen, max(d.date) AS last_seen,
  count(DISTINCT d.article_id) AS articles, count(*) AS mentions, group_concat(DISTINCT d.link) AS sources
FROM fact_details d JOIN officials o ON o.id = d.fact_id
WHERE d.kind = 'official' AND d.attribution = 'official'
GROUP BY d.region_code, o.name, o.position, coalesce(o.organization, '')
"""

AMOUNTS_BY_REGION_YEAR = """
SELECT region, region_code, province, year, count(*) AS amounts, count(DISTINCT article_id) AS articles,
  sum(value) AS total_idr, max(value) AS largest_idr,
  group_concat(DISTINCT link) AS sources
FROM fact_details WHERE kind = 'amount' AND attribution = 'sentence'
GROUP BY region_code, year
"""

WORKER_COUNTS_BY_REGION = """
SELECT d.region, d.region_code, d.province, w.value AS workers, w.unit AS counted, d.date, d.date_source,
  d.attribution, d.sentence, d.title, d.outlet, d.link, d.article_id, d.fact_id
FROM fact_details d JOIN worker_counts w ON w.id = d.fact_id
WHERE d.kind = 'worker_count' AND d.attribution = 'sentence'
"""

REGULATIONS_CITED = """
SELECT r.type, r.number, r.year, max(r.issuer) AS issuer,
  (SELECT t.title FROM regulations t WHERE t.type = r.type AND t.number IS r.number AND t.year IS r.year
   ORDER BY length(t.title) DESC LIMIT 1) AS title,
  count(DISTINCT d.article_id) AS articles, count(*) AS mentions,
  group_concat(DISTINCT d.region) AS regions, min(d.date) AS first_cited, max(d.date) AS last_cited,
  group_concat(DISTINCT d.link) AS sources
FROM fact_details d JOIN regulations r ON r.id = d.fact_id
WHERE d.kind = 'regulation'
GROUP BY r.type, r.number, r.year
"""

REGIONAL_COMMITMENTS = f"""
SELECT d.region, d.region_code, d.region_level, d.province, d.kind,
  CASE d.kind WHEN 'regulation' THEN d.summary || coalesce(' tentang ' || r.title, '')
    WHEN 'worker_count' THEN w.unit ELSE 'rupiah' END AS what,
  d.value, d.date, d.date_source, d.attribution, d.sentence, d.title, d.outlet, d.link, d.article_id, d.fact_id
FROM fact_details d
LEFT JOIN regulations r ON d.kind = 'regulation' AND r.id = d.fact_id
LEFT JOIN worker_counts w ON d.kind = 'worker_count' AND w.id = d.fact_id
JOIN region_gazetteer g ON g.code = d.region_code
WHERE (d.kind = 'regulation' AND d.attribution = 'issuer')
   OR (d.kind IN ('worker_count', 'amount') AND d.attribution = 'sentence' AND d.regions_named = 1
       AND ({government_words('d.sentence')} OR instr(d.sentence, 'Pemerintah ' || g.bare_name) > 0))
"""

FACTS_WITH_SOURCES = """
SELECT coalesce(d.duplicate_of, f.article_id) AS story_id, f.kind, f.summary, max(f.value) AS value,
       count(DISTINCT f.article_id) AS sources,
       json_group_array(DISTINCT coalesce(a.url, a.source)) AS urls,
       json_group_array(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL) AS outlets,
       min(f.text) AS text, min(f.sentence) AS sentence
FROM facts f
JOIN articles a ON a.id = f.article_id
LEFT JOIN article_duplicates d ON d.article_id = f.article_id
GROUP BY 1, 2, 3
"""

VIEWS: dict[str, str] = {
    "fact_regions": FACT_REGIONS,
    "fact_details": FACT_DETAILS,
    "officials_by_region": OFFICIALS_BY_REGION,
    "amounts_by_region_year": AMOUNTS_BY_REGION_YEAR,
    "worker_counts_by_region": WORKER_COUNTS_BY_REGION,
    "regulations_cited": REGULATIONS_CITED,
    "regional_commitments": REGIONAL_COMMITMENTS,
    "facts_with_sources": FACTS_WITH_SOURCES,
}
VIEWS = {name: select.strip() for name, select in VIEWS.items()}  # SQLite stores it stripped


def ensure_views(db: sqlite_utils.Database) -> None:
    for name, select in VIEWS.items():
        ensure_view(db, name, select)


def ensure_view(db: sqlite_utils.Database, name: str, select: str) -> None:
    """Create the view, or replace it if its definition changed."""
    sql = f"CREATE VIEW [{name}] AS {select.strip()}"
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [name]).fetchone()
    if row is None or row[0] != sql:
        with db.atomic():
            db.execute(f"DROP VIEW IF EXISTS [{name}]")
            db.execute(sql)
