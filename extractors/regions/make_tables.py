"""Regenerate regions.csv, subregions.csv, districts.csv, villages.txt and
homonym_districts.csv from the shared wilayah data (maintainer tool).

    python -m extractors.regions.make_tables ../shared/data/regions

Run again after adding aliases (subregions.csv never lists a region name or alias).
"""
from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

from extractors.common import read_csv

from .data import HERE, bare_name

REGIONS_HEADER = """\
# Indonesian provinces (38) and kabupaten/kota (514) with their Kemendagri codes.
# Source: public repository cahyadsn/wilayah (db/wilayah.sql, commit b7ad440, based on
# Kepmendagri 300.2.2-2138/2025), via shared/data/regions/wilayah.csv; MIT licence, see
# LICENSE-cahyadsn-wilayah.txt beside this file (keep it with any copy of these rows).
# Changes from the source: level 'regency_or_city' split into regency (Kabupaten ...) and
# city (Kota ...); 'Daerah Khusus Ibukota Jakarta' renamed to the canonical 'DKI Jakarta'.
# Every other name is the source's, quirks included (Kota Bau Bau, Kabupaten Fak Fak,
# Kota Pangkal Pinang, Kota Tanjung Pinang): common spellings live in aliases.csv.
# Kecamatan and desa are not regions and are not listed here (see subregions.csv).
# Columns: code (Kemendagri), name (canonical), level (province | regency | city).
"""
SUBREGIONS_HEADER = """\
# Kecamatan and desa/kelurahan names that begin with a region name or alias and go on
# ("Medan Johor", "Padang Bulan", "Binjai Kota"): a capitalised mention of one of these is
# a sub-region, so the region name inside it is not a region mention. Derived from
# cahyadsn/wilayah (MIT, see LICENSE-cahyadsn-wilayah.txt) by keeping the district and
# village names that strictly extend a name or alias of regions.csv/aliases.csv.
# Column: name.
"""
DISTRICTS_HEADER = """\
# Kecamatan (district) names, one per row, for reading places the regions list lacks: a BPJS
# branch ("Kepala BPJS Ketenagakerjaan Cabang Tobelo Rudi Hartono") or a camat's district.
# Kecamatan are not regions: no fact is made of them. Derived from cahyadsn/wilayah (MIT, see
# LICENSE-cahyadsn-wilayah.txt); names that equal a region name or alias are left out.
# Column: name.
"""
VILLAGES_HEADER = """\
# Desa and kelurahan (village) names, one a line, each once: where a village head's place
# ends ("Lurah Kalibaru Ahmad Fauzi Ramdhani"). Villages are not regions: no fact is made of
# them. Derived from cahyadsn/wilayah (MIT, see LICENSE-cahyadsn-wilayah.txt).
"""
HOMONYM_DISTRICTS_HEADER = """\
# Kecamatan whose name is also a region's name or alias, with the kabupaten/kota they lie in:
# "di Rembang, Pasuruan" names the kecamatan Rembang of Kabupaten Pasuruan, not Kabupaten
# Rembang. Derived from cahyadsn/wilayah (MIT, see LICENSE-cahyadsn-wilayah.txt).
# Columns: name, regency (Kemendagri code of the kabupaten/kota holding it).
"""


def main(source: Path) -> None:
    rows = list(csv.DictReader(open(source / "wilayah.csv", encoding="utf-8")))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "level"])
    keys = set()
    for row in rows:
        if row["level"] == "province":
            name, level = ("DKI Jakarta" if row["code"] == "31" else row["name"]), "province"
        elif row["level"] == "regency_or_city":
            name = row["name"]
            level = "regency" if name.startswith("Kabupaten ") else "city"
        else:
            continue
        writer.writerow([row["code"], name, level])
        keys |= {name.lower(), bare_name(name).lower()}
    (HERE / "regions.csv").write_text(REGIONS_HEADER + out.getvalue(), encoding="utf-8")

    keys |= {row["alias"].lower() for row in read_csv(HERE / "aliases.csv")}
    villages = list(csv.DictReader(gzip.open(source / "wilayah-villages.csv.gz", "rt", encoding="utf-8")))
    subregions = set()
    for row in [*rows, *villages]:
        if row["level"] in ("district", "village"):
            name = " ".join(row["name"].split())
            low = name.lower()
            if low not in keys and any(low.startswith(key + " ") for key in keys):
                subregions.add(name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name"])
    writer.writerows([name] for name in sorted(subregions))
    (HERE / "subregions.csv").write_text(SUBREGIONS_HEADER + out.getvalue(), encoding="utf-8")

    districts = {" ".join(row["name"].split()) for row in rows if row["level"] == "district"}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name"])
    writer.writerows([name] for name in sorted(districts, key=str.lower) if name.lower() not in keys)
    (HERE / "districts.csv").write_text(DISTRICTS_HEADER + out.getvalue(), encoding="utf-8")

    village_names = {" ".join(row["name"].split()) for row in villages if row["level"] == "village"}
    lines = "".join(f"{name}\n" for name in sorted(village_names, key=str.lower))
    (HERE / "villages.txt").write_text(VILLAGES_HEADER + lines, encoding="utf-8")

    homonyms = {(" ".join(row["name"].split()), row["code"][:5]) for row in rows
                if row["level"] == "district" and " ".join(row["name"].split()).lower() in keys}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "regency"])
    writer.writerows(sorted(homonyms, key=lambda r: (r[0].lower(), r[1])))
    (HERE / "homonym_districts.csv").write_text(HOMONYM_DISTRICTS_HEADER + out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
