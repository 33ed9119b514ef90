"""From a type spelling found in the doc to a regulation Hit: number, year, issuer, title.

The PhraseMatcher finds type spellings ("Inpres", "Peraturan Gubernur"); for each,
the few tokens around it are turned into one class letter per token and the citation
shapes of patterns.jsonl are matched as regexes over those letters (C speed, no
per-doc token loop).

Touching spaCy tokens from Python is the cost (each doc[i] makes a Token object), so a
token the rules look at is read once, as its orth id (and offset), and what the rules
ask of its text comes from pure functions memoised per build (Memo).
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Callable, NamedTuple, Sequence

from spacy.strings import StringStore
from spacy.tokens import Doc

from extractors.common import Found, Hit
from extractors.dates.rules import month_forms, weekday_forms
from extractors.numerals import is_year
from extractors.regions import RegionRef, resolve as resolve_region

from .rules import Rules, TypeSpelling

AFTER = 16  # tokens looked at after the type words
BEFORE = 8  # tokens looked at before them ("Pasal 28H ayat (3) UUD 1945")
TITLE_MAX = 30  # tokens of a title at most
MEMO_SIZE = 1 << 16  # entries each memoised function keeps

ROLE_CLASS = {"number": "K", "year": "Y", "title": "t", "article": "P", "paragraph": "A"}
GLUED = re.compile(r"^(?:no|nomor)\.?:?(\d[\w./-]*)$", re.IGNORECASE)
COMPOSITE = re.compile(r"^(?=.*\d)(?=.*[/.-])[A-Za-z0-9][A-Za-z0-9./-]*[A-Za-z0-9]$")
NUMBER_LETTER = re.compile(r"^\d{1,4}[A-Za-z]$")
NUMBER_SLASH_YEAR = re.compile(r"^(\d+[A-Za-z]?)/((?:19|20)\d\d)$")
TRAILING_YEAR = re.compile(r"[/-]((?:19|20)\d\d)$")
INNER_YEAR = re.compile(r"(?<=/)((?:19|20)\d\d)(?=/)")
YEAR = re.compile(r"(?:19|20)\d\d")
TITLE_JOINERS = ("-", "/", "&")  # may stand between two title words
LIST_ENDS = ("dan", "serta")  # close a list of title items: "A, B, dan C"


# What _title asks of a token text (Memo.title_word), as bits
TITLED = 1  # capitalised word, number or composite number: part of a title
CONNECTOR = 2  # "dan", "di": inside a title when a capitalised word follows
BREAKING = 4  # "dan", "serta": ends the title when another citation follows
JOINER = 8  # "-", "/", "&" right after a title word


class Memo:
    """The pure functions the rules apply to token texts, memoised per build (bounded caches)."""

    def __init__(self, rules: Rules, strings: StringStore):
        self.text: Callable[[int], str] = lru_cache(maxsize=MEMO_SIZE)(strings.__getitem__)  # orth id -> text
        self.letter: Callable[[int], str] = lru_cache(maxsize=MEMO_SIZE)(
            lambda orth: _token_class(self.text(orth), rules.keywords))
        self.title_word: Callable[[int], int] = lru_cache(maxsize=MEMO_SIZE)(
            lambda orth: _title_word(self.text(orth), rules))  # orth id -> TITLED | CONNECTOR ... bits
        self.number: Callable[[str], tuple[str, int | None]] = lru_cache(maxsize=MEMO_SIZE)(_number)
        self.region: Callable[[str], RegionRef | None] = lru_cache(maxsize=MEMO_SIZE)(resolve_region)


class Window(NamedTuple):
    """Tokens start.. of the doc as class letters, orth ids and character offsets."""

    start: int
    letters: str
    orths: list[int]
    idxs: list[int]
    stop_orth: int | None  # the token the window stopped on, if it stopped before its end


def extract(doc: Doc, rules: Rules, memo: Memo, found: Found) -> list[Hit]:
    heads = _type_spellings(doc, rules)
    if not heads:
        return []
    hits: list[Hit] = []
    taken_until = -1  # the token after the last citation read
    for start, end, spelling in heads:
        if start < taken_until:
            continue  # "(Pergub)" inside a citation already read
        cited = _citation(doc, start, end, spelling, rules, memo, heads, found)
        if cited is not None:
            hits.append(cited[0])
            taken_until = cited[1]
    return _fill_years(hits)


def _type_spellings(doc: Doc, rules: Rules) -> list[tuple[int, int, TypeSpelling]]:
    """Longest non-overlapping type spellings, exact-case ones checked, in text order."""
    found = []
    for match_id, start, end in rules.matcher(doc):
        spelling = rules.spellings[match_id]
        if spelling.exact and (doc[start].orth != spelling.orths[0] if end - start == 1
                               else tuple([doc[i].orth for i in range(start, end)]) != spelling.orths):
            continue
        found.append((start, end, spelling))
    if len(found) < 2 or all(a[1] <= b[0] for a, b in zip(found, found[1:])):
        return found  # in text order and apart: nothing to choose
    found.sort(key=lambda m: (m[0] - m[1], m[0]))
    chosen: list[tuple[int, int, TypeSpelling]] = []
    for m in found:
        if all(m[1] <= c[0] or m[0] >= c[1] for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m[0])


def _window(doc: Doc, start: int, end: int, memo: Memo, stop: bool) -> Window:
    """Tokens start..end; with stop, up to the first token no shape can use."""
    letters, orths, idxs = [], [], []
    for i in range(start, end):
        token = doc[i]
        orth = token.orth
        letter = memo.letter(orth)
        if stop and letter in "x|t":  # no shape reads past these ("tentang" starts the title)
            return Window(start, "".join(letters), orths, idxs, orth)
        letters.append(letter)
        orths.append(orth)
        idxs.append(token.idx)
    return Window(start, "".join(letters), orths, idxs, None)


def _token_class(text: str, keywords: dict[str, str]) -> str:
    if text in ("(", ")", ".", ":", ","):
        return text
    if text.isspace():
        return "|"
    if text == "-":
        return "h"
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
        return "C" if text[0].isalpha() else "S"
    return "x"


def _citation(doc, start, end, spelling, rules, memo, heads, found) -> tuple[Hit, int] | None:
    """The citation whose type words are tokens start..end, and the token after it."""
    n = len(doc)
    after = _window(doc, end, min(end + AFTER, n), memo, stop=True)
    if not after.letters:
        return None
    before = None
    for shape in rules.shapes_for[spelling.type]:
        m = shape.after.match(after.letters)
        if m is None or m.end() == 0:
            continue
        first, mb = start, None
        if shape.before is not None:
            if before is None:
                before = _window(doc, max(0, start - BEFORE), start, memo, stop=False)
            mb = shape.before.search(before.letters)
            if mb is None:
                continue
            first = start - len(before.letters) + mb.start()
        fields = _fields(doc, m, after, mb, before, spelling, rules, memo, found)
        if fields is None or shape.require and any(fields.get(f) is None for f in shape.require):
            continue
        following = stop = end + m.end()
        if "number" in m.re.groupindex and m.end("number") == m.end() > m.start("number") >= 0:
            following = _number_tail(doc, following, fields, rules.keywords)
            if fields["year"] is None and (dated := _signing_year(doc, following, rules)) is not None:
                fields["year"], following = dated
        # the window stopped right after the match: on "tentang" the title follows
        if m.end() == len(after.letters) and following < n:
            stop_orth = after.stop_orth if after.stop_orth is not None and following == stop else doc[following].orth
            if memo.text(stop_orth).lower() in rules.title_words:
                fields["title"] = _title(doc, following, rules, memo, heads)
        last_token = doc[following - 1]
        end_char = last_token.idx + len(last_token)
        return Hit("regulation", doc[first].idx, end_char, shape.rule, shape.confidence, fields), following
    return None


def _fields(doc, m, after: Window, mb, before: Window | None, spelling, rules, memo, found) -> dict | None:
    """type, number, year, issuer from the named groups of the matched shape."""
    got = _group_texts(m, after, memo)
    year = int(got["year"]) if got.get("year") else None
    number = got.get("number")
    if number is not None:
        number, number_year = memo.number(number)
        year = year or number_year
    if mb is not None:
        for name, text in _group_texts(mb, before, memo).items():
            got.setdefault(name, text)  # "Pasal 28H ayat (3) UUD 1945": the article came first
    article = got.get("article")
    if article is not None:
        paragraph = got.get("paragraph")
        number = f"{article} ayat ({paragraph})" if paragraph else article
    if number is None and year is None:
        return None
    issuer = spelling.issuer or None
    if spelling.issuer_follows and "issuer" in m.re.groupindex and m.start("issuer") < m.end("issuer"):
        issuer = _issuer(doc, after, m.start("issuer"), m.end("issuer"), spelling, rules, memo, found)
        if issuer and not rules.private_issuers.isdisjoint(issuer.lower().split()):
            return None  # "Keputusan Komdis PSSI Nomor ...": a federation's or a company's decision
        if issuer and issuer.split()[0].lower() in rules.village_issuers:
            return None  # "Qanun Gampong Lhok Meuria Nomor 3 Tahun 2025": a village's own instrument
    return {"type": spelling.type, "number": number, "year": year, "issuer": issuer, "title": None}


def _number_tail(doc: Doc, k: int, fields: dict, keywords: dict[str, str]) -> int:
    """A letter number's office code, which the tokenizer splits off the digits: "Nomor
    500.15/412/Disnakertrans" -> number "500.15/412/Disnakertrans". Glued "/" or "-" + word tokens
    from token k join fields["number"], but not a keyword other than a "Tahun" before a year; a
    number ending in "/TAHUN" takes the year after it ("100.3.3.1/241/TAHUN 2025",
    "1987/XI/Tahun 2026"), and so does a number whose tail holds no year from a "Tahun" after
    it. Returns the token after them."""
    n, tail = len(doc), ""
    while k + 1 < n and not doc[k - 1].whitespace_ and doc[k].text in ("/", "-") and not doc[k].whitespace_ \
            and doc[k + 1].text.isalnum() and (doc[k + 1].lower_ not in keywords or _year_after(doc, k + 1)):
        tail += doc[k].text + doc[k + 1].text
        k += 2
    if tail:
        fields["number"], year = _split_number(fields["number"] + tail)
        fields["year"] = fields["year"] or year
        if fields["year"] is None and k < n and _year_after(doc, k):
            fields["year"] = int(doc[k + 1].text)  # "Nomor 500.15/0412/Disnakertrans Tahun 2025"
            k += 2
    number = fields["number"]
    if number.lower().endswith("/tahun") and _is_year(doc, k):
        fields["number"] = f"{number} {doc[k].text}"  # "Nomor 100.3.3.1/241/TAHUN 2025": the year ends it
        fields["year"] = fields["year"] or int(doc[k].text)
        k += 1
    return k


def _signing_year(doc: Doc, k: int, rules: Rules) -> tuple[int, int] | None:
    """(year, token after) of the day a letter was signed, at token k: "tanggal 6 Januari 2025"
    ("tgl." too); None if no such day stands there."""
    n = len(doc)
    if k >= n or doc[k].lower_ not in rules.dated_words:
        return None
    j = k + 2 if k + 1 < n and doc[k + 1].text == "." else k + 1
    if j + 2 < n and doc[j].text.isdigit() and doc[j + 1].lower_ in rules.months and is_year(doc[j + 2].text):
        return int(doc[j + 2].text), j + 3
    return None


def _year_after(doc: Doc, k: int) -> bool:
    """Token k is "Tahun" with a year after it: the end of "1987/XI/Tahun 2026"."""
    return doc[k].lower_ == "tahun" and _is_year(doc, k + 1)


def _is_year(doc: Doc, k: int) -> bool:
    """Token k exists and is a year."""
    return k < len(doc) and is_year(doc[k].text)


def _group_texts(match: re.Match, window: Window, memo: Memo) -> dict[str, str]:
    """Text of the tokens each named group of the match (but issuer) took, for the groups that
    matched; tokens joined by a space ("PM 152")."""
    got = {}
    for name in match.re.groupindex:
        if name != "issuer" and (at := match.start(name)) >= 0:
            end = match.end(name)
            got[name] = memo.text(window.orths[at]) if end == at + 1 else \
                " ".join(memo.text(orth) for orth in window.orths[at:end])
    return got


def _number(number: str) -> tuple[str, int | None]:
    """The number as cited and the year it holds: "No.5/2021" -> ("5", 2021)."""
    glued = GLUED.match(number)
    if glued:
        number = glued.group(1)
    return _split_number(number)


def _split_number(number: str) -> tuple[str, int | None]:
    """"44/2015" -> ("44", 2015); "560/7095/2021" and "561/KPTS/2025/412" -> (as written,
    2021 / 2025); "088" stays "088"."""
    short = NUMBER_SLASH_YEAR.match(number)
    if short:
        return short.group(1), int(short.group(2))
    trailing = TRAILING_YEAR.search(number)
    if trailing:
        return number, int(trailing.group(1))
    inner = INNER_YEAR.findall(number)  # "561/KPTS/2025/412": the year between the office's codes
    return number, (int(inner[0]) if len(inner) == 1 else None)


def _issuer(doc, window: Window, i, j, spelling: TypeSpelling, rules: Rules, memo: Memo, found: Found) -> str | None:
    """The office of the type plus the words naming who issued it (window tokens i..j), regions canonicalised.

    A region takes its name from the regions extractor's hits (it runs earlier); failing
    those, from the regions lookup API on the words after the office ("Gubernur Sumut").
    """
    texts = list(map(memo.text, window.orths[i:j]))
    lo, hi = 0, len(texts)
    while lo < hi and texts[lo].lower() in rules.issuer_noise:
        lo += 1
    while hi > lo and texts[hi - 1].lower() in rules.issuer_noise:
        hi -= 1
    if lo == hi:
        return spelling.issuer or None
    texts, i = texts[lo:hi], i + lo
    idxs = window.idxs[i:i + len(texts)]
    a, b = idxs[0], idxs[-1] + len(texts[-1])
    regions = [h for h in found.get("region", ()) if h.start < b and h.end > a and "name" in h.fields]
    pieces: list[str] = [spelling.issuer] if spelling.issuer else []
    if not regions:
        return _issuer_by_lookup(doc, window.start + i, texts, pieces, rules, memo)
    named = set()
    for text, idx in zip(texts, idxs):
        for region in regions:
            if region.start <= idx < region.end:
                if id(region) not in named:
                    named.add(id(region))
                    pieces.append(_region_name(region.fields["name"], pieces))
                break
        else:
            pieces.append(rules.issuer_aliases.get(text.lower(), text))
    return " ".join(pieces) or None


def _issuer_by_lookup(doc, i, texts: list[str], pieces: list[str], rules: Rules, memo: Memo) -> str | None:
    """Issuer words (doc tokens from i on) with the longest region name at their end resolved ("Sumsel")."""
    j = i + len(texts)
    aliased = [rules.issuer_aliases.get(text.lower(), text) for text in texts]
    for k, text in enumerate(texts):
        if text.lower() in rules.offices or text.lower() in rules.issuer_aliases:
            continue
        ref = memo.region(doc[i + k:j].text)
        if ref is not None:
            head = aliased[:k]
            return " ".join(pieces + head + [_region_name(ref.name, pieces + head)])
    return " ".join(pieces + aliased) or None


def _region_name(name: str, before: list[str]) -> str:
    """ "Bupati" + "Kabupaten Nias Selatan" -> "Nias Selatan"; a region alone keeps its prefix."""
    return name.removeprefix("Kabupaten ").removeprefix("Kota ") if before else name


def _title_word(text: str, rules: Rules) -> int:
    titled = text.isalpha() and text[0].isupper() or text.isdigit() or COMPOSITE.match(text)
    return ((TITLED if titled else 0) | (CONNECTOR if text.lower() in rules.title_connectors else 0)
            | (BREAKING if text.lower() in rules.title_breaks else 0) | (JOINER if text in TITLE_JOINERS else 0))


def _title(doc: Doc, k: int, rules: Rules, memo: Memo, heads: list) -> str | None:
    """The capitalised title after "tentang" at token k, up to where the clause ends."""
    n, text, title_word = len(doc), memo.text, memo.title_word
    orths, spaces = [], []  # of the tokens read from k + 1 on
    last = ahead = None  # ahead: the token after a connector, read to look at it
    for i in range(k + 1, min(n, k + 1 + TITLE_MAX)):
        token, ahead = (ahead if ahead is not None else doc[i]), None
        orths.append(token.orth)
        spaces.append(token.whitespace_)
        word = title_word(token.orth)
        if word & TITLED:
            last = i
        elif word & CONNECTOR and last is not None:
            ahead = doc[i + 1] if i + 1 < n else None
            nxt = text(ahead.orth) if ahead is not None else ""
            if not (nxt[:1].isupper() or nxt.isdigit()):
                break  # "tentang BPJS dan merujuk ...": the clause goes on, the title ended
            if (nxt.isdigit() and i + 2 < n and doc[i + 2].lower_ in month_forms()) or nxt.lower() in weekday_forms() \
                    or (nxt.lower() in month_forms() and i + 2 < n and YEAR.fullmatch(doc[i + 2].text)):
                break  # "... Minuman Tradisional Moke pada 2 Juni 2025", "... bagi Pekerja Rentan pada Senin
                # (12/1)", "... pada Oktober 2025": the day or month it was set, not the title
            if word & BREAKING and any(start == i + 1 for start, _, _ in heads):
                break  # "... di Sumatera Utara dan Keputusan Kepala Daerah ...": a new citation
        elif token.text == "," and last == i - 1 and _list_goes_on(doc, i + 1, min(n, k + 1 + TITLE_MAX), title_word,
                                                                   frozenset(orths), heads):
            continue  # "Jaminan Kecelakaan Kerja, Jaminan Kematian, dan Jaminan Hari Tua"
        elif not (word & JOINER and last == i - 1):
            break
    if last is None:
        return None
    # doc[k + 1:last + 1].text: the words and the spaces between them
    size = last - k
    return "".join([text(orth) + space for orth, space in zip(orths[:size - 1], spaces)]) + text(orths[size - 1])


def _list_goes_on(doc: Doc, i: int, stop: int, title_word, read: frozenset[int], heads: list) -> bool:
    """Whether the comma before token i separates items of a title ("Jaminan Kecelakaan Kerja,
    Jaminan Kematian, dan Jaminan Hari Tua"), not the title from the clause that goes on
    ("tentang BPJS, Pemprov menanggung ..."): titled items set off by commas reach "dan"/"serta"
    and a last item, and each item opens with a word the title has read (`read`, orth ids),
    or the last item ends the sentence ("... bagi Ketua Rukun Tetangga, Juru Parkir dan
    Pekerja Rentan."); no item is another citation (`heads`: (start, ...) of each)."""
    citations = {start for start, _, _ in heads}  # "... Batubara, Peraturan Menteri ESDM Nomor 26 ..."
    opened = unread = False  # inside an item; an item opens with a word the title has not read
    for j in range(i, stop):
        token = doc[j]
        if title_word(token.orth) & TITLED:
            if not opened and token.orth not in read:
                if j in citations:
                    return False
                unread = True
            opened = True
        elif token.text == "," and opened:
            opened = False
        elif token.lower_ in LIST_ENDS and (opened or doc[j - 1].text == ","):
            last = j + 1
            if not (last < stop and title_word(doc[last].orth) & TITLED) or last in citations:
                return False
            return (doc[last].orth in read and not unread) or _titled_to_sentence_end(doc, last, stop, title_word)
        else:
            return False
    return False


def _titled_to_sentence_end(doc: Doc, i: int, stop: int, title_word) -> bool:
    """Whether titled words run from token i to a full stop or line break."""
    for j in range(i, stop):
        token = doc[j]
        if token.text == "." or (token.is_space and "\n" in token.text):
            return j > i
        if not title_word(token.orth) & TITLED:
            return False
    return False


def _fill_years(hits: Sequence[Hit]) -> list[Hit]:
    """A short mention without year takes the year of the same type and number named elsewhere."""
    if len(hits) < 2:
        return list(hits)
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
