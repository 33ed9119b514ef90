"""Where and when each fact belongs: at most one region, how that was decided, and the date
its sentence mentions. A pure function of one article's hits, computed at extraction time
so that the database's views only read columns.

How a fact is placed (`attribution`; a wrong region is worse than none):
  self      a region fact is its region; an office-area fact covering one province is it
  official  an official's own region (the region the post serves)
  issuer    a regulation whose issuer names a region ("Gubernur Jawa Barat", "Wali Kota
            Medan", "Pemkab Gowa")
  sentence  otherwise, the regions named in the fact's own sentence, datelines
            ("Bandung (ANTARA) - ...") left out
  article   only when the sentence names no region: the regions of the whole article. The
            fact may be national, so summaries should leave these out.
Several regions become one: the one region, else their province if they all lie in one,
else none (`regions_named` says how many there were).
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import NamedTuple

from extractors.common import Hit
from extractors.regions import resolve


DATELINE_RULE = "region.dateline"


class Placement(NamedTuple):  # a tuple: 3x cheaper to make than a frozen dataclass, one per fact
    region_code: str | None
    attribution: str | None
    regions_named: int
    mentioned_date: str | None  # the first date its sentence mentions (a date fact: itself)


@lru_cache(maxsize=4096)
def _region_code(name: str) -> str | None:
    """Code of the region a canonical name or an issuer ("Gubernur Jawa Barat") names."""
    ref = resolve(name)
    return ref.code if ref is not None else None


def one_region(codes: set[str]) -> str | None:
    """The one region of a set of codes, else their common province, else None."""
    if len(codes) == 1:
        return next(iter(codes))
    provinces = {code.split(".")[0] for code in codes}
    return provinces.pop() if len(provinces) == 1 else None


class Placer:
    """Placements for one article's facts, from all its hits (every mention, before dedup)."""

    def __init__(self, found: dict[str, list[Hit]]) -> None:
        mentions = sorted((h.start, h.fields["code"]) for h in found.get("region", ()) if h.rule != DATELINE_RULE)
        self.mention_starts = [start for start, _ in mentions]
        self.mention_codes = [code for _, code in mentions]
        codes = set(self.mention_codes)
        self.article_region = one_region(codes) if codes else None  # the same for every fact
        self.article_regions_named = len(codes)
        dates = sorted((h.start, h.fields["value"]) for h in found.get("date", ()) if h.fields.get("role") == "mentioned")
        self.date_starts = [start for start, _ in dates]
        self.date_values = [str(value) for _, value in dates]
        self._sentence_regions: dict[tuple[int, int], tuple[str | None, int]] = {}  # (lo, hi) -> (region, named)

    def place(self, hit: Hit, lo: int, hi: int) -> Placement:
        """The placement of a hit whose sentence spans characters lo..hi."""
        kind = hit.kind
        date = str(hit.fields["value"]) if kind == "date" else self._first_in(self.date_starts, self.date_values, lo, hi)
        own = self._own_region(kind, hit.fields)
        if own is not None:
            return Placement(own[0], own[1], 1, date)
        if kind == "region" or kind == "office_area":
            return Placement(None, None, 0, date)
        region, named = self._sentence_region(lo, hi)
        if named:
            return Placement(region, "sentence" if region else None, named, date)
        region = self.article_region
        return Placement(region, "article" if region else None, self.article_regions_named, date)

    def _sentence_region(self, lo: int, hi: int) -> tuple[str | None, int]:
        """(one region, how many were named) of the region mentions in characters lo..hi,
        once per sentence (a sentence listing thirty kabupaten may hold as many facts)."""
        got = self._sentence_regions.get((lo, hi))
        if got is None:
            starts = self.mention_starts
            named = set(self.mention_codes[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)])
            got = self._sentence_regions[lo, hi] = (one_region(named) if named else None, len(named))
        return got

    @staticmethod
    def _own_region(kind: str, fields) -> tuple[str, str] | None:
        if kind == "region":
            return fields["code"], "self"
        if kind == "office_area":
            codes = fields["province_codes"]
            return (codes[0], "self") if len(codes) == 1 else None
        if kind == "official":
            code = _region_code(fields["region"]) if fields.get("region") else None
            return (code, "official") if code else None
        if kind == "regulation":
            code = _region_code(fields["issuer"]) if fields.get("issuer") else None
            return (code, "issuer") if code else None
        return None

    @staticmethod
    def _first_in(starts: list[int], values: list[str], lo: int, hi: int) -> str | None:
        i = bisect.bisect_left(starts, lo)
        return values[i] if i < len(starts) and starts[i] < hi else None
