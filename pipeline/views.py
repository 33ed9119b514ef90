"""Ready-made SQL views over the fact tables, shared by the CLI, Datasette and any SQLite client.

VIEWS maps a view name to its SELECT; `ensure_views` (re)creates any view that is
missing or whose definition changed, so an older database gets the current views.

Where a fact belongs (view `fact_regions`, at most one region per fact; `attribution` says
how it was decided; a wrong attribution is worse than none):
  self      a region fact is its region; an office-area fact covering one province is it
  official  an official's own `region` (the region the post serves)
  issuer    a regulation whose issuer names a region ("Gubernur Jawa Barat", "Bupati
            Malang", "Wali Kota Medan", a Perda's province)
  sentence  otherwise, the regions of the article named in the fact's own sentence (as the
            article wrote them, canonical, or without "Kabupaten"/"Kota"; whole words). Not
            counted: a dateline ("Bandung (ANTARA) - ..."), a name inside another region's
            name at the same place ("Bandung" in "Kota Bandung"), a name two regions share
  article   only when the sentence names no region at all: the regions the article names;
            the fact itself may be national, so the summary views leave these out
Several regions become one: the one region, else their province if they all lie in one,
else none (a sentence or article that spans provinces attributes nothing).
Dates (`fact_details.date`): a date mentioned in the fact's sentence, else the article's
publication date (`date_source` says which).
"""
from __future__ import annotations

import functools
from pathlib import Path

import sqlite_utils

from extractors.common import read_csv
from extractors.regions import data as regions_data

DATA = Path(__file__).parent / "data" / "views"


def _literal(value) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def _values(rows: list[tuple], names: tuple[str, ...]) -> str:
    """SELECT over a VALUES list with named columns (plain SQL any client can read)."""
    columns = ", ".join(f"column{i + 1} AS {name}" for i, name in enumerate(names))
    body = ",\n".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in rows)
    return f"SELECT {columns} FROM (VALUES\n{body})"


@functools.cache
def gazetteer_sql() -> str:
    rows = []
    for ref in sorted(regions_data.regions().values(), key=lambda r: r.code):
        province = regions_data.province_of(ref.code)
        rows.append((ref.code, ref.name, ref.level, regions_data.bare_name(ref.name), province.code, province.name))
    return _values(rows, ("code", "name", "level", "bare_name", "province_code", "province"))


@functools.cache
def office_areas_sql() -> str:
    rows = []
    for row in read_csv(regions_data.HERE / "office_areas.csv"):
        for code in row["province_codes"].split(";"):
            rows.append((row["name"], code, regions_data.by_code(code).name))
    return _values(rows, ("office_area", "province_code", "province"))


def _word_in(haystack: str, needle: str) -> str:
    """SQL: `needle` occurs in `haystack` (first occurrence) as whole words."""
    at = f"instr({haystack}, {needle})"
    return (
        f"({needle} <> '' AND {at} > 0"
        f" AND substr({haystack}, {at} - 1, 1) NOT GLOB '[A-Za-z0-9]'"
        f" AND substr({haystack}, {at} + length({needle}), 1) NOT GLOB '[A-Za-z0-9]')"
    )


def _one_region(code: str) -> str:
    """SQL aggregate: a set of region codes -> the one region, or their province, or NULL."""
    return (
        f"CASE WHEN count(DISTINCT {code}) = 1 THEN min({code})"
        f" WHEN count(DISTINCT substr({code}, 1, 2)) = 1 THEN substr(min({code}), 1, 2) END"
    )


def government_words(sentence: str) -> str:
    """SQL: the sentence holds a regional-government word (pipeline/data/views/government_words.csv)."""
    words = [row["word"] for row in read_csv(DATA / "government_words.csv")]
    return "(" + " OR ".join(f"instr({sentence}, {_literal(w)}) > 0" for w in words) + ")"


ISSUER_REGION = """
SELECT r.id AS fact_id, r.article_id, min(g.code) AS region_code
FROM regulations r JOIN region_gazetteer g ON
     (r.issuer LIKE 'Gubernur %' AND g.level = 'province' AND g.name = substr(r.issuer, 10))
  OR (r.issuer LIKE 'Bupati %' AND g.level = 'regency' AND g.bare_name = substr(r.issuer, 8))
  OR (r.issuer LIKE 'Wali Kota %' AND g.level = 'city' AND g.bare_name = substr(r.issuer, 11))
  OR (r.issuer LIKE 'Walikota %' AND g.level = 'city' AND g.bare_name = substr(r.issuer, 10))
  OR g.name = r.issuer
GROUP BY r.id HAVING count(DISTINCT g.code) = 1
"""

# "Kabupaten Nias Selatan" -> "Nias Selatan" (extractors/regions/data.py NAME_PREFIXES), in SQL
BARE_NAME = "CASE" + "".join(
    f" WHEN name LIKE '{p}%' THEN substr(name, {len(p) + 1})" for p in regions_data.NAME_PREFIXES
) + " ELSE name END"

FACT_REGIONS = f"""
WITH forms AS (  -- ways each region of an article may be written: as found, canonical, bare
  SELECT article_id, code, text AS form FROM regions
  UNION SELECT article_id, code, name FROM regions
  UNION SELECT article_id, code, {BARE_NAME} FROM regions
),
mentions AS (  -- forms found as whole words in a fact's sentence, datelines ("Bandung (ANTARA) -") left out
  SELECT f.kind, f.fact_id, f.article_id, m.code, m.form, instr(f.sentence, m.form) AS at
  FROM facts f JOIN forms m ON m.article_id = f.article_id
  WHERE f.kind NOT IN ('region', 'office_area') AND {_word_in('f.sentence', 'm.form')}
    AND NOT (instr(f.sentence, m.form) = 1
             AND substr(f.sentence, length(m.form) + 1, 2) IN (',', ', ', ' (', ' -', ' –', ' —'))
),
kept AS (  -- a form found only inside another region's form, or shared by two regions, counts for neither
  SELECT * FROM mentions m WHERE NOT EXISTS (
    SELECT 1 FROM mentions o WHERE o.kind = m.kind AND o.fact_id = m.fact_id AND o.code <> m.code
      AND o.at <= m.at AND o.at + length(o.form) >= m.at + length(m.form))
),
by_sentence AS (
  SELECT kind, fact_id, article_id, {_one_region('code')} AS region_code, count(DISTINCT code) AS regions_named
  FROM kept GROUP BY kind, fact_id
),
by_article AS (
  SELECT article_id, {_one_region('code')} AS region_code, count(DISTINCT code) AS regions_named
  FROM regions GROUP BY article_id
),
issued AS ({ISSUER_REGION}),
own AS (
  SELECT 'region' AS kind, id AS fact_id, article_id, code AS region_code, 'self' AS attribution, 1 AS regions_named
  FROM regions
  UNION ALL
  SELECT 'office_area', id, article_id, json_extract(province_codes, '$[0]'), 'self', 1
  FROM office_areas WHERE json_array_length(province_codes) = 1
  UNION ALL
  SELECT 'official', o.id, o.article_id, g.code, 'official', 1
  FROM officials o JOIN region_gazetteer g ON g.name = o.region
  UNION ALL
  SELECT 'regulation', fact_id, article_id, region_code, 'issuer', 1 FROM issued
)
SELECT * FROM own
UNION ALL
SELECT s.kind, s.fact_id, s.article_id, s.region_code, 'sentence', s.regions_named FROM by_sentence s
WHERE s.region_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM own WHERE own.kind = s.kind AND own.fact_id = s.fact_id)
UNION ALL
SELECT f.kind, f.fact_id, f.article_id, a.region_code, 'article', a.regions_named
FROM facts f JOIN by_article a ON a.article_id = f.article_id
WHERE a.region_code IS NOT NULL AND f.kind NOT IN ('region', 'office_area')
  AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.kind = f.kind AND m.fact_id = f.fact_id)
  AND NOT EXISTS (SELECT 1 FROM own WHERE own.kind = f.kind AND own.fact_id = f.fact_id)
"""

_PUBLISHED = (
    "coalesce(CASE WHEN a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
    " THEN substr(a.published, 1, 10) END,"
    " (SELECT min(d.value) FROM dates d WHERE d.article_id = f.article_id AND d.role = 'published'))"
)
_MENTIONED = (
    "CASE WHEN f.kind = 'date' THEN substr(f.summary, 1, 10) ELSE"
    " (SELECT min(d.value) FROM dates d WHERE d.article_id = f.article_id"
    " AND d.sentence = f.sentence AND d.role = 'mentioned') END"
)

FACT_DETAILS = f"""
SELECT kind, fact_id, summary, value, text, region_code, region, region_level, province_code, province,
  attribution, regions_named, coalesce(mentioned, published) AS date,
  CASE WHEN mentioned IS NOT NULL THEN 'sentence' WHEN published IS NOT NULL THEN 'published' END AS date_source,
  substr(coalesce(mentioned, published), 1, 4) AS year,
  sentence, title, outlet, published, link, source, url, article_id, start, "end", rule, confidence
FROM (
  SELECT f.kind, f.fact_id, f.summary, f.value, f.text, fr.region_code, g.name AS region, g.level AS region_level,
    g.province_code, g.province, fr.attribution, fr.regions_named, {_MENTIONED} AS mentioned, {_PUBLISHED} AS published,
    f.sentence, a.title, a.outlet, coalesce(a.url, a.source) AS link, a.source, a.url, f.article_id,
    f.start, f."end", f.rule, f.confidence
  FROM facts f JOIN articles a ON a.id = f.article_id
  LEFT JOIN fact_regions fr ON fr.kind = f.kind AND fr.fact_id = f.fact_id
  LEFT JOIN region_gazetteer g ON g.code = fr.region_code
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

VIEWS: dict[str, str] = {
    "region_gazetteer": gazetteer_sql(),
    "office_area_provinces": office_areas_sql(),
    "fact_regions": FACT_REGIONS,
    "fact_details": FACT_DETAILS,
    "officials_by_region": OFFICIALS_BY_REGION,
    "amounts_by_region_year": AMOUNTS_BY_REGION_YEAR,
    "worker_counts_by_region": WORKER_COUNTS_BY_REGION,
    "regulations_cited": REGULATIONS_CITED,
    "regional_commitments": REGIONAL_COMMITMENTS,
}
VIEWS = {name: select.strip() for name, select in VIEWS.items()}  # SQLite stores it stripped


def ensure_views(db: sqlite_utils.Database) -> None:
    existing = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, select in VIEWS.items():
        sql = f"CREATE VIEW [{name}] AS {select}"
        if existing.get(name) != sql:
            with db.atomic():
                db.execute(f"DROP VIEW IF EXISTS [{name}]")
                db.execute(sql)
