"""The engine: one article in, its clean text and source-grounded facts out.

`Engine` is built once per process (spaCy pipeline plus every extractor's
compiled rules, all read-only afterwards); `Engine.extract` is then a pure
function of the article, so a distributed runner can map it over a cluster.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter

import extractors
from extractors.common import Context, Hit
from extractors.numerals import Denials, Denied, Retractions

from .cleaning import clean_text
from .models import FACT_MODELS, Article, FactBase
from .nlp import build_nlp
from .placement import Placement, Placer
from .sentences import Sentences

PIPELINE_VERSION = "0.3"  # 0.3: sentence hashes for near-duplicates ignore a final period

# What makes two facts of one kind the same fact within one article.
IDENTITY = {
    "official": ("name",),
    "region": ("code",),
    "office_area": ("name",),
    "worker_count": ("value", "unit"),
    "amount": ("value_idr",),
    "regulation": ("type", "number", "year"),
    "date": ("value", "precision", "role"),  # "Juli 2025" and "1 Juli 2025" are two facts
}
# Regulation types issued by the central government (pipeline/models.py RegulationType).
NATIONAL_REGULATIONS = frozenset({"UUD", "UU", "Perppu", "PP", "Perpres", "Inpres", "Keppres", "Permen"})
# Facts of one identity that differ in this field stay apart ("Permenaker 5/2021" and
# "Permendagri 5/2021" are both Permen 5/2021); a mention without it, or with a vaguer
# value ("Permen 5/2021": issuer "Menteri"), is one of the others.
SEPARATED_BY = {"regulation": "issuer"}

# Each kind's model validator: a dict of field values in, a validated fact out (what
# Model(**values) does, without its Python frame).
_VALIDATORS = {kind: model.__pydantic_validator__.validate_python for kind, model in FACT_MODELS.items()}
_TEXT_ORDER, _START, _CONFIDENCE = attrgetter("start", "kind"), attrgetter("start"), attrgetter("confidence")


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article after cleaning and extraction, ready to store."""

    article: Article
    article_id: str
    clean_text: str
    content_hash: str
    facts: list[FactBase]
    placements: list[Placement]  # where and when each fact belongs, in the order of `facts`


def engine_version() -> str:
    """The pipeline's version and a digest of every rule file: stored with each article."""
    return f"{PIPELINE_VERSION}+{extractors.rules_version()}"


def article_id(key: str) -> str:
    """Stable id from the article's identity (path, path#line, or URL)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Engine:
    def __init__(self) -> None:
        self.nlp = build_nlp()
        self.extractors = extractors.build_all(self.nlp)
        self.retractions = Retractions()
        self.denials = Denials()
        self.version = engine_version()

    def extract(self, article: Article) -> Extracted:
        return self.extract_clean(article, clean_text(article.text))

    def extract_clean(self, article: Article, text: str) -> Extracted:
        """Extract from text that clean_text() already produced for this article."""
        return self.records(article, text, self.find(self.nlp(text), text, self.context(article, text)))

    def find(self, doc, text: str, context: Context) -> dict[str, list[Hit]]:
        """Every extractor's hits on a tokenized text (`doc` of `text`), by kind (later
        extractors see earlier hits)."""
        found: dict[str, list[Hit]] = {}
        for extractor in self.extractors:
            for hit in extractor(doc, context, found):
                found.setdefault(hit.kind, []).append(hit)
        if "regulation" in found:
            _drop_mentions_in_titles(found, text)
        retracted = self.retractions.spans(text)
        if retracted:
            _drop_within(found, ("worker_count", "amount"), retracted)
        denied = self.denials.find(text)
        if denied:
            _drop_denied(found, denied)
        return found

    def records(self, article: Article, text: str, found: dict[str, list[Hit]]) -> Extracted:
        """Hits -> one fact record per identity, in text order, each with its sentence."""
        aid = article_id(article.key)
        sentences = Sentences(text)
        hits = sorted(chain.from_iterable(_first_of_each(kind, hits) for kind, hits in found.items()),
                      key=_TEXT_ORDER)
        placer = Placer(found)
        source, facts, placements = article.source, [], []
        for hit in hits:
            lo, hi = sentences.bounds(hit.start, hit.end)
            facts.append(_fact(source, aid, text, text[lo:hi].strip(), hit))
            placements.append(placer.place(hit, lo, hi))
        return Extracted(article, aid, text, content_hash(text), facts, placements)

    @staticmethod
    def context(article: Article, text: str | None = None) -> Context:
        """What extractors may know of an article besides its doc (and its clean text)."""
        return Context(published=article.published, title=article.title, outlet=article.outlet, text=text)


def _fact(source: str, aid: str, text: str, sentence: str, hit: Hit) -> FactBase:
    """The validated fact of a hit, from its article, span, sentence and rule."""
    start, end = hit.start, hit.end
    return _VALIDATORS[hit.kind]({
        "source": source, "article_id": aid, "text": text[start:end], "start": start, "end": end,
        "sentence": sentence, "rule": hit.rule, "confidence": hit.confidence, **hit.fields,
    })


def _drop_mentions_in_titles(found: dict[str, list[Hit]], text: str) -> None:
    """Regions, dates and posts named inside a regulation's title are the law's words, not
    the story's place, time or people: "UU 21/2001 tentang Otonomi Khusus bagi Provinsi Papua"
    in a story on Manokwari, "Permendagri 15/2024 tentang Pedoman Penyusunan APBD Tahun
    Anggaran 2025", "Perwal ... bagi Ketua Rukun Tetangga, Juru Parkir dan Pekerja Rentan".
    A regional regulation's title names its own region ("Perda ... tentang APBD Kabupaten
    Puncak Jaya"), which stays."""
    titles, national = [], []
    for hit in found["regulation"]:
        title = hit.fields.get("title")
        if title:
            start = text.find(title, hit.end)  # the title follows its citation, after "tentang"
            if start < 0:
                continue
            titles.append((start, start + len(title)))
            if hit.fields["type"] in NATIONAL_REGULATIONS:
                national.append(titles[-1])
    _drop_within(found, ("region",), national)
    _drop_within(found, ("date", "official"), titles)


def _drop_within(found: dict[str, list[Hit]], kinds: tuple[str, ...], spans: list[tuple[int, int]]) -> None:
    """Drops the hits of these kinds that start inside one of the character spans."""
    if spans:
        for kind in kinds:
            _drop_hits(found, kind, lambda h: any(lo <= h.start < hi for lo, hi in spans))


def _drop_denied(found: dict[str, list[Hit]], denied: Denied) -> None:
    """Drops every count and amount of a value the text calls false (a figure in a denied
    span, or a hit there): its headline and the quoted claim give no fact either; and the
    officials it says do not exist."""
    if denied.people:
        _drop_hits(found, "official", lambda h: h.fields["name"].lower() in denied.people)
    spans = denied.spans
    for kind, field, values in (("worker_count", "value", denied.counts), ("amount", "value_idr", denied.amounts)):
        values = values | {h.fields[field] for h in found.get(kind, ()) if any(lo <= h.start < hi for lo, hi in spans)}
        if values:
            _drop_hits(found, kind, lambda h: h.fields[field] in values)


def _drop_hits(found: dict[str, list[Hit]], kind: str, dropped) -> None:
    """Drops a kind's hits for which `dropped(hit)` holds (the kind itself, when none is left)."""
    if kind in found:
        kept = [h for h in found[kind] if not dropped(h)]
        if kept:
            found[kind] = kept
        else:
            del found[kind]


def _first_of_each(kind: str, hits: list[Hit]) -> list[Hit]:
    """One hit per identity (the earliest mention, or the surest one at the same place; of an
    official named with and without dots, the fuller form)."""
    identity, separator = _identity_of(kind), SEPARATED_BY.get(kind)
    ordered = sorted(hits, key=_CONFIDENCE, reverse=True)  # stable: the surest first at one place...
    ordered.sort(key=_START)  # ...once in text order
    if separator is None:
        best: dict[object, Hit] = {}
        for hit in ordered:
            key = identity(hit.fields)
            kept = best.setdefault(key, hit)
            if kind == "official" and len(hit.fields["name"]) > len(kept.fields["name"]):
                best[key] = hit  # one person written with and without dots: the fuller form
        return list(best.values())
    groups: dict[object, dict] = {}
    for hit in ordered:
        group = groups.setdefault(identity(hit.fields), {})
        group.setdefault(hit.fields.get(separator), hit)
    out = []
    for group in groups.values():
        values = [v for v in group if v is not None]
        out.extend(hit for value, hit in group.items() if len(group) == 1 or not _vaguer(value, values))
    return out


@cache
def _identity_of(kind: str):
    """fields -> a kind's identity: the one field's value, or a tuple of several fields' values."""
    names = IDENTITY[kind]
    if kind == "official":  # "Kms. Herry Firmansyah" and "Kms Herry Firmansyah": one person
        return lambda fields: " ".join(fields["name"].replace(".", " ").split()).casefold()
    if len(names) == 1:
        name = names[0]
        return lambda fields: fields.get(name)
    return lambda fields: tuple(map(fields.get, names))


def _vaguer(value: str | None, values: list[str]) -> bool:
    """None, or the first words of another value ("Menteri" of "Menteri Dalam Negeri")."""
    return value is None or any(v != value and v.startswith(value + " ") for v in values)
