"""Regions the regions extractor leaves untagged because they lack a cue; inside a title
phrase the title is the cue ("Kajari Medan", "Kepala Cabang BPJS Ketenagakerjaan Kupang").
Uses the regions extractor's lookup API, never its data."""
from __future__ import annotations

from typing import Callable

from ..common import Hit
from .lexicon import Lexicon, longest
from .names import NameReader
from .spans import Tokens
from .titles import Chunk


class UntaggedPlaces:
    """resolve(name, level=None) -> RegionRef | None (extractors.regions.resolve)."""

    def __init__(self, toks: Tokens, lex: Lexicon, names: NameReader, resolve: Callable) -> None:
        self.toks, self.lex, self.names, self.resolve = toks, lex, names, resolve
        self.n = toks.n

    def _hit(self, start: int, end: int, ref) -> Hit:
        toks = self.toks
        return Hit("region", toks.idx(start), toks.end_char(end - 1), "official.place", 1.0, ref.fields())

    def resolve_at(self, text: str, scope: frozenset[str]):
        """The region `text` names at a level the post serves: unambiguous names first; a
        kabupaten/kota homonym ("Kupang") only when the post allows one level, or branch
        offices (kota before kabupaten: branches are named after cities)."""
        ref = self.resolve(text)
        if ref is not None and ref.level in scope:
            return ref
        if len(scope) <= 2 and "province" not in scope:
            for level in ("city", "regency"):
                if level in scope:
                    ref = self.resolve(text, level=level)
                    if ref is not None:
                        return ref
        return None

    def region_of_place(self, chunk: Chunk, scope: frozenset[str]) -> None:
        """The region an untagged branch place starts with: "Batam Nagoya" -> Kota Batam,
        "Medan Kota" -> Kota Medan, "Kupang" -> Kota Kupang; "Kepanjen" -> none."""
        start, end = chunk.place
        for stop in range(min(end, start + 3), start, -1):
            ref = self.resolve_at(self.toks.text(start, stop), scope)
            if ref is not None:
                chunk.regions.append(self._hit(start, stop, ref))
                return

    def region_at(self, chunk: Chunk, i: int, scope: frozenset[str]) -> int | None:
        """A region the regions extractor left untagged (it needs a cue; a title is one):
        "Kajari Medan Muttaqin Harahap". Taken only if what follows still reads as a
        full name, is set off by a comma or honorific, or is no name at all ("Kepala Dinas
        Tenaga Kerja Lebak meminta ...": Lebak is no one-word name), so "Bima Arya" stays a name;
        a region of two or more words may be followed by a one-word name ("Kepala Dinas Sosial
        Muaro Jambi Syarifuddin"). None when a one-word region and a one-word name may as well
        be one person's name ("Kepala Dinas Sosial Sarolangun Syarifuddin"): no name is read."""
        toks, names = self.toks, self.names
        if i >= self.n or not toks[i].cap or toks[i].lower in self.lex.not_name:
            return i
        for size in (3, 2, 1):
            end = i + size
            if end > self.n or not all(toks[k].cap and not toks[k].punct for k in range(i, end)):
                continue
            ref = self.resolve_at(toks.text(i, end), scope)
            if ref is None:
                continue
            after = end
            branch = longest(self.lex.branch_places, toks, self.n, i)
            if branch is not None and branch[0] > after:
                return branch[0]  # a town whose name holds a region's ("Tanjung Balai Karimun", in Karimun):
                # the place ends there, no Karimun person, and no region of it is known
            while after < self.n and toks[after].cap and toks[after].lower in self.lex.glue:
                after += 1  # branch names: "Pekanbaru Kota"
            nxt = toks[after] if after < self.n else None
            name = names.forward(after)
            if (nxt is not None and nxt.text in {",", "("}) or names.is_honorific(after) \
                    or (name is not None and (name.words >= 2 or size >= 2)) \
                    or (name is None and not (nxt is not None and nxt.cap)):
                chunk.regions.append(self._hit(i, end, ref))
                return after
            return None if name is not None and name.words == 1 else i
        if i + 1 < self.n and (not toks[i + 1].cap or names.is_honorific(i + 1)) \
                and any(self.resolve(toks[i].text, level=level) for level in scope):
            return i + 1  # a homonym of another level ("Kepala Dinas ... Bandung meminta", "(APTRI)
            # Kediri H. Mulyono"): no one-word name
        return i
