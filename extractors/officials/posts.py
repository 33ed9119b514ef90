"""From a title read in the text to the fact's fields: position, organization, region."""
from __future__ import annotations

from ..common import Hit
from .lexicon import Lexicon, Organization, Title, Unit
from .titles import Chunk

GOVERNMENT = {"province": "Pemprov", "regency": "Pemkab", "city": "Pemkot"}
LEVEL_PREFIXES = ("Kabupaten ", "Kota ")
BRANCH_LEVELS = frozenset({"regency", "city"})
SHORTENED_LETTERS = 3  # letters of a name word cut short at least ("Abd." of Abdul, "Frans" of Fransiskus)


def short_region(name: str) -> str:
    """ "Kabupaten Nias Selatan" -> "Nias Selatan"; provinces stay as they are."""
    for prefix in LEVEL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def fill(template: str, region: Hit | None, field_text: str) -> str | None:
    """An organisation template with {gov}, {region}, {place}, {field} filled, or None if it
    cannot be ({gov} without a region, {field} without a field; {region}/{place} just drop)."""
    if not template:
        return None
    if "{gov}" in template:
        if region is None:
            return None
        gov = f"{GOVERNMENT[region.fields['level']]} {short_region(region.fields['name'])}"
        template = template.replace("{gov}", gov)
    if "{region}" in template:
        template = template.replace("{region}", short_region(region.fields["name"]) if region else "").strip()
    if "{place}" in template:
        template = template.replace("{place}", region.fields["name"] if region else "").strip()
    if "{field}" in template:
        if not field_text:
            return None
        template = template.replace("{field}", field_text)
    return template


def post_scope(title: Title, chunk: Chunk) -> frozenset[str]:
    """Region levels the post serves: its unit's, else its organisation's, else the title's."""
    org, unit = chunk.org, chunk.unit
    if unit is not None and title.refine:
        return unit.scope
    return org.scope if org is not None and org.scope and title.scope else title.scope


def post_fields(lex: Lexicon, title: Title, modifier: str, field_text: str, chunk: Chunk,
                chunks: list[Chunk], name: str) -> dict | None:
    """name, position, organization and region of one post; None if the title is too bare to be one.

    Organisation and unit are shared by coordinated posts ("Kepala BPJamsostek Nias dan
    Cabang Sibolga"); each post keeps its own region.
    """
    org, unit, areas = chunk.org, chunk.unit, chunk.areas
    if len(chunks) > 1:
        org = org or next((c.org for c in chunks if c.org), None)
        unit = unit or next((c.unit for c in chunks if c.unit), None)
        areas = areas or [a for c in chunks for a in c.areas]
    if title.needs_qualifier and not (field_text or org or unit or areas or chunk.anaphor):
        return None
    scope = org.scope if org is not None and org.scope and title.scope else title.scope
    position = title.position + (f" {field_text}" if field_text else "")
    if title.refine and not field_text:
        unit = unit or implied_unit(lex, org, areas, chunk)
        if unit is not None:
            head = title.position
            if head.endswith(" Kantor") and unit.name.startswith("Kantor "):
                head = head[: -len(" Kantor")]
            position, scope = f"{head} {unit.name}", unit.scope
    region = None
    for hit in reversed(chunk.regions):
        if hit.fields.get("level") in scope:
            region = hit
            break
    return {
        "name": name,
        "position": f"{modifier} {position}" if modifier else position,
        "organization": fill(org.name if org is not None else title.org, region, field_text),
        "region": region.fields["name"] if region is not None else None,
    }


def implied_unit(lex: Lexicon, org: Organization | None, areas: list[Hit], chunk: Chunk) -> Unit | None:
    """BPJS-like bodies: an office area means the regional office, a kota/kabupaten a branch."""
    if org is None:
        return None
    if areas and org.area_unit:
        return lex.unit_by_name.get(org.area_unit) or Unit(org.area_unit, frozenset())
    if org.branch_unit and any(h.fields.get("level") in BRANCH_LEVELS for h in chunk.regions):
        return lex.unit_by_name.get(org.branch_unit) or Unit(org.branch_unit, BRANCH_LEVELS)
    return None


def drop_short_mentions(hits: list[Hit]) -> list[Hit]:
    """Drop a hit whose name is only part of another official's name here ("Hilarius" vs
    "Hilarius Duha"), or the same name with a word cut to its initial or its first letters
    ("Dominggus N. Tuhumury" vs "Dominggus Nikolas Tuhumury", "Frans Openg" vs "Fransiskus
    Xaverius Openg")."""
    if len(hits) < 2:
        return hits
    names = {h.fields["name"] for h in hits}
    if len(names) < 2:
        return hits
    word_sets = [(name, set(name.split())) for name in names]
    shorter = {a for a, words_a in word_sets for b, words_b in word_sets
               if words_a < words_b or (a != b and _abbreviates(words_a, words_b))}
    return [h for h in hits if h.fields["name"] not in shorter] if shorter else hits


def _abbreviates(short: set[str], full: set[str]) -> bool:
    """Whether every word of `short` is in `full` or is the initial ("N.", "N") or the first
    SHORTENED_LETTERS letters at least ("Frans", "Abd.") of a longer word of `full` that
    `short` lacks, and at least one is such a shortening."""
    spelled = full - short
    cut = short - full
    return bool(cut) and all(_shortens(w.rstrip("."), spelled) for w in cut)


def _shortens(word: str, spelled: set[str]) -> bool:
    """Whether `word` is the initial or the first letters of one of the words `spelled`."""
    if len(word) == 1:
        return any(f[0] == word and len(f) > 1 for f in spelled)
    return len(word) >= SHORTENED_LETTERS and any(f.startswith(word) and len(f) > len(word) for f in spelled)
