"""Regions: provinces and kabupaten/kota (kind "region") and BPJS Ketenagakerjaan office
areas (kind "office_area") mentioned in an article.

Hits: region {name, code, level} with canonical names and Kemendagri codes (regions.csv,
from cahyadsn/wilayah, MIT); office_area {name, province_codes} ("Sumbagut" ->
["11", "12"]). One hit per mention; the engine keeps the earliest per code / name.

Rules (data files beside this module; see each file's header):
  aliases.csv       abbreviations and spellings ("Sumut", "Nisel", "Padang Sidempuan")
  cues.csv          words before a name: prefixes ("Kabupaten", "Kota", "Provinsi"), offices
                    ("Pemprov", "Bupati", "Wali Kota"), place words ("di", "ke"), sub-region
                    words ("Kecamatan"), which also choose among homonyms
  risky_names.csv   names that are ordinary words or islands ("Medan", "Padang", "Nias")
  org_words.csv     organisation/outlet/building words ("Universitas", "Tribun", "Pos")
  subregions.csv    kecamatan/desa names extending a region name ("Medan Johor")
  capitals.csv      the kabupaten/kota holding each province's capital
  blocked_phrases.csv, office_areas.csv, office_area_aliases.csv, office_cues.csv
Rule ids: region.canonical (a province name, or "Kabupaten/Kota/Provinsi" + name),
region.alias, region.pemprov / region.pemkab / region.pemkot (an office word decides:
"Gubernur Jambi", "Bupati Bandung", "Wali Kota Bandung"; span = the name only),
region.encloses_regencies (a province, as what holds kabupaten: "kabupaten lain di Jambi"),
region.bare_name ("di Medan"), region.dateline ("MEDAN, ..."), region.context (a
homonym decided by the article); office_area.name ("Sumbagut" in an article naming BPJS
Ketenagakerjaan), office_area.kanwil ("BPJS Ketenagakerjaan Kanwil Jabar").
Homonyms (a kabupaten and a kota of one name, "Jambi" province and city, "Yogyakarta"):
a prefix/office cue decides; else a dateline picks the city; else a table's header cell
over the name's column ("Kabupaten | ..." over "Gorontalo | 960", rule region.table_column);
else the one of them the article names unambiguously elsewhere (rule region.context); else
the province's capital when its province stands just before in the sentence ("Provinsi NTT
di Kupang": Kota Kupang, capitals.csv, rule region.capital); else, of homonyms in different
provinces, the one in a province the article names (itself or a kabupaten/kota of it:
"Banjar" beside "Tapin" is Kabupaten Banjar, not Kota Banjar in Jawa Barat; rule
region.province_context); else no fact.
In a BPJS "Kanwil" phrase a province-named office area ("Kanwil Jabar") gives the
office area and the province; multi-province areas ("Sumbagut") never give a region.

Lookup API for other extractors (pure, cached read-only tables):
  resolve(name, level=None) -> RegionRef | None   "Sumsel" -> Sumatera Selatan; "Kota
      Bandung" -> Kota Bandung; "Bandung" -> None (ambiguous: pass level=); "Pemkab
      Nisel" works too; a canonical name means itself ("Jambi" -> the province)
  province_of(code) -> RegionRef                   "12.77" -> Sumatera Utara
  by_code(code) -> RegionRef | None
RegionRef(name, code, level) is a frozen dataclass; .fields() gives the hit fields.
"""
from __future__ import annotations

from .data import RegionRef, by_code, province_of, resolve

KINDS = ("region", "office_area")

__all__ = ["KINDS", "build", "RegionRef", "resolve", "province_of", "by_code"]


def build(nlp):
    from .extractor import RegionsExtractor  # loads spaCy; the lookups above do not need it

    return RegionsExtractor(nlp)
