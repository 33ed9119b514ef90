"""From a type spelling found in the doc to a regulation Hit: number, year, issuer, title.

The PhraseMatcher finds type spellings ("Inpres", "Peraturan Gubernur"); for each,
the few tokens around it are turned into one class letter per token and the citation
shapes of patterns.jsonl are matched as regexes over those letters (C speed, no
per-doc token loop).
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from spacy.tokens import Doc

from extractors.common import Found, Hit
from extractors.regions import resolve as resolve_region

from .rules import Rules, TypeSpelling

AFTER = 16  # tokens looked at after the type words
BEFORE = 8  # tokens looked at before them ("Pasal 28H ayat (3) UUD 1945")
TITLE_MAX = 30  # tokens of a title at most

ROLE_CLASS = {"number": "K", "year": "Y", "title": "t", "article": "P", "paragraph": "A"}
GLUED = re.compile(r"^(?:no|nomor)\.?:?(\d[\w./-]*)$", re.IGNORECASE)
COMPOSITE = re.compile(r"^(?=.*\d)(?=.*[/.-])[A-Za-z0-9][A-Za-z0-9./-]*[A-Za-z0-9]$")
NUMBER_LETTER = re.compile(r"^\d{1,4}[A-Za-z]$")
NUMBER_SLASH_YEAR = re.compile(r"^(\d+[A-Za-z]?)/((?:19|20)\d\d)$")
TRAILING_YEAR = re.compile(r"[/-]((?:19|20)\d\d)$")


def extract(doc: Doc, rules: Rules, found: Found) -> list[Hit]:
    heads = _type_spellings(doc, rules)
    if not heads:
        return []
    head_starts = frozenset(start for start, _, _ in heads)
    hits: list[Hit] = []
    taken_until = -1
    for start, end, spelling in heads:
        if doc[start].idx < taken_until:
            continue  # "(Pergub)" inside a citation already read
        hit = _citation(doc, start, end, spelling, rules, head_starts, found)
        if hit is not None:
            hits.append(hit)
            taken_until = hit.end
    return _fill_years(hits)


def _type_spellings(doc: Doc, rules: Rules) -> list[tuple[int, int, TypeSpelling]]:
    """Longest non-overlapping type spellings, exact-case ones checked, in text order."""
    found = []
    for match_id, start, end in rules.matcher(doc):
        spelling = rules.spellings[match_id]
        if spelling.exact and tuple(t.text for t in doc[start:end]) != spelling.words:
            continue
        found.append((start, end, spelling))
    found.sort(key=lambda m: (m[0] - m[1], m[0]))
    chosen: list[tuple[int, int, TypeSpelling]] = []
    for m in found:
        if all(m[1] <= c[0] or m[0] >= c[1] for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m[0])


def _window(doc: Doc, start: int, end: int, keywords: dict[str, str], stop: bool) -> tuple[str, list[str]]:
    """Class letters and texts of doc[start:end]; with stop, up to the first token no shape can use."""
    classes, texts = [], []
    for tok in doc[start:end]:
        text = tok.text
        c = _token_class(text, keywords)
        if stop and c in "x|t":  # no shape reads past these ("tentang" starts the title)
            break
        classes.append(c)
        texts.append(text)
    return "".join(classes), texts


def _token_class(text: str, keywords: dict[str, str]) -> str:
    if text in ("(", ")", ".", ":", ","):
        return text
    if text.isspace():
        return "|"
    role = keywords.get(text.lower())
    if role is not None:
        return ROLE_CLASS[role]
    if text.isalpha():
        return "T" if text[0].isupper() else "x"
    if text.isdigit():
        return "4" if len(text) == 4 and 1900 <= int(text) <= 2099 else "D"
    if NUMBER_LETTER.match(text):
        return "D"
    if GLUED.match(text):
        return "G"
    if COMPOSITE.match(text):
        return "S"
    return "x"


def _citation(doc, start, end, spelling, rules, head_starts, found) -> Hit | None:
    after, after_texts = _window(doc, end, min(end + AFTER, len(doc)), rules.keywords, stop=True)
    if not after:
        return None
    before = before_texts = None
    for shape in rules.shapes:
        if not shape.applies_to(spelling.type):
            continue
        m = shape.after.match(after)
        if m is None or m.end() == 0:
            continue
        first, mb = start, None
        if shape.before is not None:
            if before is None:
                before, before_texts = _window(doc, max(0, start - BEFORE), start, rules.keywords, stop=False)
            mb = shape.before.search(before)
            if mb is None:
                continue
            first = start - len(before) + mb.start()
        fields = _fields(doc, end, m, after_texts, mb, before_texts, spelling, rules, found)
        if fields is None or any(fields.get(f) is None for f in shape.require):
            continue
        following = end + m.end()
        # the window stopped right after the match: on "tentang" the title follows
        if m.end() == len(after) and following < len(doc) and doc[following].lower_ in rules.title_words:
            fields["title"] = _title(doc, following, rules, head_starts)
        last = doc[following - 1]
        return Hit(
            kind="regulation",
            start=doc[first].idx,
            end=last.idx + len(last.text),
            rule=shape.rule,
            confidence=shape.confidence,
            fields=fields,
        )
    return None


def _fields(doc, after_start, m, after_texts, mb, before_texts, spelling, rules, found) -> dict | None:
    """type, number, year, issuer from the named groups of the matched shape."""
    def text(match, texts, group):
        if match is None or group not in match.re.groupindex or match.start(group) < 0:
            return None
        return texts[match.start(group)]

    year_text = text(m, after_texts, "year")
    year = int(year_text) if year_text else None
    number = text(m, after_texts, "number")
    if number is not None:
        glued = GLUED.match(number)
        if glued:
            number = glued.group(1)
        number, number_year = _split_number(number)
        year = year or number_year
    article = text(m, after_texts, "article") or text(mb, before_texts, "article")
    if article is not None:
        paragraph = text(m, after_texts, "paragraph") or text(mb, before_texts, "paragraph")
        number = f"{article} ayat ({paragraph})" if paragraph else article
    if number is None and year is None:
        return None
    issuer = spelling.issuer or None
    if spelling.issuer_follows and "issuer" in m.re.groupindex and m.start("issuer") < m.end("issuer"):
        i, j = after_start + m.start("issuer"), after_start + m.end("issuer")
        issuer = _issuer(doc, i, j, spelling, rules, found)
    return {"type": spelling.type, "number": number, "year": year, "issuer": issuer, "title": None}


def _split_number(number: str) -> tuple[str, int | None]:
    """"44/2015" -> ("44", 2015); "560/7095/2021" -> (as written, 2021); "088" stays "088"."""
    short = NUMBER_SLASH_YEAR.match(number)
    if short:
        return short.group(1), int(short.group(2))
    trailing = TRAILING_YEAR.search(number)
    return number, (int(trailing.group(1)) if trailing else None)


def _issuer(doc, i, j, spelling: TypeSpelling, rules: Rules, found: Found) -> str | None:
    """The office of the type plus the words naming who issued it, regions canonicalised.

    A region takes its name from the regions extractor's hits (it runs earlier); failing
    those, from the regions lookup API on the words after the office ("Gubernur Sumut").
    """
    while i < j and doc[i].lower_ in rules.issuer_noise:
        i += 1
    while j > i and doc[j - 1].lower_ in rules.issuer_noise:
        j -= 1
    if i == j:
        return spelling.issuer or None
    a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    regions = [h for h in found.get("region", ()) if h.start < b and h.end > a and "name" in h.fields]
    pieces: list[str] = [spelling.issuer] if spelling.issuer else []
    if not regions:
        return _issuer_by_lookup(doc, i, j, pieces, rules)
    named = set()
    for tok in doc[i:j]:
        region = next((h for h in regions if h.start <= tok.idx < h.end), None)
        if region is None:
            pieces.append(rules.issuer_aliases.get(tok.lower_, tok.text))
        elif id(region) not in named:
            named.add(id(region))
            pieces.append(_region_name(region.fields["name"], pieces))
    return " ".join(pieces) or None


def _issuer_by_lookup(doc, i, j, pieces: list[str], rules: Rules) -> str | None:
    """Issuer words with the longest region name at their end resolved ("Sumsel" -> "Sumatera Selatan")."""
    for k in range(i, j):
        if doc[k].lower_ in rules.offices or doc[k].lower_ in rules.issuer_aliases:
            continue
        ref = resolve_region(doc[k:j].text)
        if ref is not None:
            head = [rules.issuer_aliases.get(t.lower_, t.text) for t in doc[i:k]]
            return " ".join(pieces + head + [_region_name(ref.name, pieces + head)])
    words = [rules.issuer_aliases.get(t.lower_, t.text) for t in doc[i:j]]
    return " ".join(pieces + words) or None


def _region_name(name: str, before: list[str]) -> str:
    """ "Bupati" + "Kabupaten Nias Selatan" -> "Nias Selatan"; a region alone keeps its prefix."""
    return name.removeprefix("Kabupaten ").removeprefix("Kota ") if before else name


def _title(doc: Doc, k: int, rules: Rules, head_starts: frozenset[int]) -> str | None:
    """The capitalised title after "tentang" at token k, up to where the clause ends."""
    n = len(doc)
    i, last = k + 1, None
    while i < min(n, k + 1 + TITLE_MAX):
        text = doc[i].text
        if text.isalpha() and text[0].isupper() or text.isdigit() or COMPOSITE.match(text):
            last = i
        elif text.lower() in rules.title_connectors and last is not None:
            nxt = doc[i + 1].text if i + 1 < n else ""
            if not (nxt[:1].isupper() or nxt.isdigit()):
                break  # "tentang BPJS dan merujuk ...": the clause goes on, the title ended
            if text.lower() in rules.title_breaks and (i + 1) in head_starts:
                break  # "... di Sumatera Utara dan Keputusan Kepala Daerah ...": a new citation
        elif not (text in ("-", "/", "&") and last == i - 1):
            break
        i += 1
    if last is None:
        return None
    return doc[k + 1:last + 1].text


def _fill_years(hits: Sequence[Hit]) -> list[Hit]:
    """A short mention without year takes the year of the same type and number named elsewhere."""
    years: dict[tuple, set[int]] = {}
    for h in hits:
        if h.fields["number"] is not None and h.fields["year"] is not None:
            years.setdefault((h.fields["type"], h.fields["number"]), set()).add(h.fields["year"])
    out = []
    for h in hits:
        known = years.get((h.fields["type"], h.fields["number"]), set())
        if h.fields["year"] is None and len(known) == 1:
            h = dataclasses.replace(h, fields={**h.fields, "year": next(iter(known))})
        out.append(h)
    return out
