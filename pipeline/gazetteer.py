"""The regions data as database tables, so that views and any SQLite client can join on them:
`region_gazetteer` (the provinces and kabupaten/kota of extractors/regions/regions.csv, with
bare name and province) and `office_area_provinces` (extractors/regions/office_areas.csv).
Rewritten whenever they differ from the data files (a maintainer added a row)."""
from __future__ import annotations

import sqlite_utils

from extractors.common import read_csv
from extractors.regions import data as regions_data

GAZETTEER_COLUMNS = ("code", "name", "level", "bare_name", "province_code", "province")
OFFICE_AREA_COLUMNS = ("office_area", "province_code", "province")


def gazetteer_rows() -> list[tuple]:
    rows = []
    for ref in sorted(regions_data.regions().values(), key=lambda r: r.code):
        province = regions_data.province_of(ref.code)
        rows.append((ref.code, ref.name, ref.level, regions_data.bare_name(ref.name), province.code, province.name))
    return rows


def office_area_rows() -> list[tuple]:
    rows = []
    for row in read_csv(regions_data.HERE / "office_areas.csv"):
        for code in row["province_codes"].split(";"):
            rows.append((row["name"], code, regions_data.by_code(code).name))
    return rows


def ensure_gazetteer(db: sqlite_utils.Database) -> None:
    for name in ("region_gazetteer", "office_area_provinces"):  # views in databases of version 0.1
        if name in db.view_names():
            db.execute(f"DROP VIEW [{name}]")
    _ensure_table(db, "region_gazetteer", GAZETTEER_COLUMNS, gazetteer_rows(), pk="code", indexes=[["name"], ["province_code"]])
    _ensure_table(db, "office_area_provinces", OFFICE_AREA_COLUMNS, office_area_rows(), indexes=[["office_area"]])


def _ensure_table(db, name: str, columns: tuple[str, ...], rows: list[tuple], pk=None, indexes=()) -> None:
    table = db[name]
    if table.exists() and sorted(db.execute(f"SELECT {', '.join(columns)} FROM [{name}]").fetchall()) == sorted(rows):
        return
    table.drop(ignore=True)
    table.create({c: str for c in columns}, pk=pk)
    db.conn.executemany(f"INSERT INTO [{name}] VALUES ({', '.join('?' * len(columns))})", rows)
    for index in indexes:
        table.create_index(index)
