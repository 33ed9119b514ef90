"""Region tables (read once, cached, read-only) and the pure lookup API.

`resolve("Sumsel")` -> RegionRef("Sumatera Selatan", "16", "province");
`resolve("Kota Bandung")` -> Kota Bandung; `resolve("Bandung")` -> None (a kabupaten and a
kota share the name: pass `level=`); `resolve("Jambi")` -> the province (its canonical
name); `province_of("12.77")` -> Sumatera Utara.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from extractors.common import read_csv, read_lines

HERE = Path(__file__).parent
NAME_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
LEVELS = ("province", "regency", "city")


@dataclass(frozen=True, slots=True)
class RegionRef:
    name: str  # canonical: "Sumatera Utara", "Kota Medan", "Kabupaten Nias Selatan"
    code: str  # Kemendagri: "12", "12.71"
    level: str  # province | regency | city

    def fields(self) -> dict[str, str]:
        return {"name": self.name, "code": self.code, "level": self.level}


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What one written form (its lower-cased key) can mean."""

    refs: tuple[tuple[RegionRef, str], ...]  # (region, how: canonical | bare | alias)
    forms: frozenset[str]  # the spellings as written in the data
    acronym: bool  # no lowercase letter: must match exactly


@dataclass(frozen=True, slots=True)
class Cue:
    tokens: tuple[str, ...]  # lower-cased tokens, as the tokenizer splits them
    type: str  # prefix | office | admin | place | subregion | person | people | rank | follow_ok
    level: str  # "" or a level
    rule: str


def bare_name(canonical: str) -> str:
    """ "Kabupaten Nias Selatan" -> "Nias Selatan"; provinces are returned unchanged."""
    for prefix in NAME_PREFIXES:
        if canonical.startswith(prefix):
            return canonical[len(prefix):]
    return canonical


def normalise(name: str) -> str:
    return " ".join(name.split()).lower()


@functools.cache
def regions() -> dict[str, RegionRef]:
    """Every province and kabupaten/kota by code."""
    out = {}
    for row in read_csv(HERE / "regions.csv"):
        if row["level"] not in LEVELS:
            raise ValueError(f"regions.csv: bad level {row}")
        out[row["code"]] = RegionRef(row["name"], row["code"], row["level"])
    return out


@functools.cache
def name_index() -> dict[str, NameEntry]:
    """Lower-cased written form -> its meanings: canonical names, bare kab/kota names, aliases."""
    by_code = regions()
    raw: dict[str, tuple[list, set]] = {}

    def add(form: str, ref: RegionRef, how: str) -> None:
        refs, forms = raw.setdefault(normalise(form), ([], set()))
        if all(r.code != ref.code for r, _ in refs):
            refs.append((ref, how))
        forms.add(" ".join(form.split()))

    for ref in by_code.values():
        if ref.level == "province":
            add(ref.name, ref, "canonical")
        else:
            add(bare_name(ref.name), ref, "bare")
    for row in read_csv(HERE / "aliases.csv"):
        if row["code"] not in by_code:
            raise ValueError(f"aliases.csv: unknown code {row}")
        add(row["alias"], by_code[row["code"]], "alias")
    return {
        key: NameEntry(tuple(refs), frozenset(forms), not any(c.islower() for f in forms for c in f))
        for key, (refs, forms) in raw.items()
    }


@functools.cache
def homonym_districts() -> dict[str, frozenset[str]]:
    """Lowercase kecamatan name -> codes of the kabupaten/kota holding a kecamatan of that name,
    for the kecamatan that share a region's name (homonym_districts.csv)."""
    parents: dict[str, set[str]] = {}
    for row in read_csv(HERE / "homonym_districts.csv"):
        parents.setdefault(row["name"].lower(), set()).add(row["regency"])
    return {name: frozenset(codes) for name, codes in parents.items()}


@functools.cache
def village_names() -> tuple[str, ...]:
    """Desa and kelurahan names as written (villages.txt), read once for every extractor."""
    return tuple(read_lines(HERE / "villages.txt"))


@functools.cache
def district_names() -> frozenset[str]:
    """Lowercase kecamatan names that are no region's name (districts.csv)."""
    return frozenset(row["name"].lower() for row in read_csv(HERE / "districts.csv"))


@functools.cache
def capitals() -> dict[str, str]:
    """Province code -> code of the kabupaten/kota holding its capital (capitals.csv)."""
    return {row["province"]: row["capital"] for row in read_csv(HERE / "capitals.csv")}


@functools.cache
def cues() -> tuple[Cue, ...]:
    return tuple(
        Cue(tuple(row["cue"].lower().split()), row["type"], row["level"], row["rule"])
        for row in read_csv(HERE / "cues.csv")
    )


@functools.cache
def _prefix_pattern() -> re.Pattern:
    """Leading cue words that give a level: "Kab. ", "Pemprov ", "Wali Kota "."""
    alts = []
    for cue in sorted(cues(), key=lambda c: -len(c.tokens)):
        if cue.type in ("prefix", "office") and cue.level:
            words = r"\s*".join(re.escape(t) for t in cue.tokens)
            alts.append(f"(?P<{cue.level}{len(alts)}>{words})")
    return re.compile(r"^(?:" + "|".join(alts) + r")\s+", re.IGNORECASE)


def resolve(name: str, level: str | None = None) -> RegionRef | None:
    """The region a written name means, or None when unknown or ambiguous.

    A canonical name means itself ("Gorontalo" is the province, "Kota Gorontalo" the
    city). Otherwise a leading "Provinsi"/"Kabupaten"/"Kab."/"Kota"/"Pemprov"/"Pemkab"/
    "Bupati"/... picks the level, as does `level`; aliases ("Sumsel", "Nisel") and
    spellings ("Baubau", "Padang Sidempuan") resolve to the canonical region.
    """
    text = " ".join(name.split())
    exact = _by_canonical_name().get(text.lower())
    if exact is not None and level in (None, exact.level):
        return exact  # a canonical name means itself: "Gorontalo" is the province
    found = _prefix_pattern().match(text)
    if found:
        cue_level = re.sub(r"\d+$", "", found.lastgroup or "")
        if level and level != cue_level:
            return None
        level, text = cue_level, text[found.end():]
    entry = name_index().get(text.lower())
    if entry is None:
        return None
    refs = [ref for ref, _ in entry.refs if level is None or ref.level == level]
    return refs[0] if len(refs) == 1 else None


@functools.cache
def _by_canonical_name() -> dict[str, RegionRef]:
    return {ref.name.lower(): ref for ref in regions().values()}


def by_code(code: str) -> RegionRef | None:
    return regions().get(code)


def province_of(code: str) -> RegionRef:
    """The province a region code belongs to ("12.77" -> Sumatera Utara)."""
    return regions()[code.split(".")[0]]


@dataclass(frozen=True, slots=True)
class OfficeArea:
    name: str
    province_codes: tuple[str, ...]
    also_region: bool
    standalone: bool  # of the alias: an office area without a Kanwil phrase


@functools.cache
def office_aliases() -> dict[str, tuple[OfficeArea, frozenset[str]]]:
    """Lower-cased alias -> (office area, spellings)."""
    areas = {row["name"]: row for row in read_csv(HERE / "office_areas.csv")}
    out: dict[str, tuple[OfficeArea, frozenset[str]]] = {}
    for row in read_csv(HERE / "office_area_aliases.csv"):
        area = areas[row["name"]]
        codes = tuple(area["province_codes"].split(";"))
        if any(c not in regions() for c in codes):
            raise ValueError(f"office_areas.csv: unknown code in {area}")
        office = OfficeArea(area["name"], codes, area["also_region"] == "yes", row["standalone"] == "yes")
        key = normalise(row["alias"])
        previous = out.get(key, (office, frozenset()))[1]
        out[key] = (office, previous | {row["alias"]})
    return out
