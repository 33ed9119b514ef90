"""Score extracted facts against gold annotations (format: ../shared/seeds/GOLD.md).

Per article, on sets: officials by name, regions by Kemendagri code, office
areas by name, worker counts and amounts by value, regulations by (type,
number, year), dates by (value, precision) where the gold lists dates, and the
publication day ("published") as fakta stores it: the article's metadata, else
the date its text gives as published.
Entries marked ambiguous or ignore, other_counts and bylines are neither
rewarded nor penalised.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .cleaning import normalize_chars
from .loading import iter_articles
from .models import Article, FactBase

KINDS = ("official", "region", "office_area", "worker_count", "amount", "regulation", "date")
PUBLISHED = "published"  # scored beside the kinds: one day per article, or none


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, object]] = field(default_factory=list)  # (article id, key)
    # every predicted key: (article id, key, sentence, verdict: correct | spurious | ignored)
    predictions: list[tuple[str, object, str, str]] = field(default_factory=list)

    @property
    def spurious(self) -> list[tuple[str, object, str]]:
        """(article id, key, sentence) of every spurious prediction."""
        return [(article, key, sentence) for article, key, sentence, verdict in self.predictions if verdict == "spurious"]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _norm(name: str) -> str:
    """A name as the clean text writes it (curly quotes straight: "Mas’ud" is "Mas'ud"), folded."""
    return " ".join(normalize_chars(name).split()).casefold()


def fact_key(fact: FactBase):
    """The key a predicted fact is scored on."""
    match fact.kind:
        case "official" | "office_area":
            return _norm(fact.name)
        case "region":
            return fact.code
        case "worker_count":
            return fact.value
        case "amount":
            return fact.value_idr
        case "regulation":
            return (fact.type, fact.number, fact.year)
        case "date":
            return (fact.value.isoformat(), fact.precision)


def gold_keys(gold: dict, region_code: Callable[[str], str | None]) -> tuple[dict, dict]:
    """(keys to find, keys to ignore) per kind for one gold file."""
    want: dict[str, set] = defaultdict(set)
    skip: dict[str, set] = defaultdict(set)

    def add(kind, key, entry=None):
        ignored = isinstance(entry, dict) and (entry.get("ambiguous") or entry.get("ignore"))
        (skip if ignored else want)[kind].add(key)

    for e in gold.get("officials", []):
        add("official", _norm(e["name"]), e)
    for name in gold.get("bylines", []):
        skip["official"].add(_norm(name))
    for name in gold.get("regions", []):
        add("region", region_code(name) or f"?{name}")
    for name in gold.get("regions_ignore", []):
        skip["region"].add(region_code(name) or f"?{name}")
    for name in gold.get("office_areas", []):
        add("office_area", _norm(office_area_name(name)))
    for e in gold.get("worker_counts", []):
        add("worker_count", e["value"], e)
    for e in gold.get("other_counts", []):
        skip["worker_count"].add(e["value"] if isinstance(e, dict) else e)
    for e in gold.get("amounts", []):
        add("amount", e["value_idr"], e)
    for e in gold.get("regulations", []):
        add("regulation", (e["type"], e["number"], e["year"]), e)
    if "dates" in gold:
        for e in gold["dates"]:
            add("date", (e["value"], e["precision"]), e)
    return want, skip


def score_article(
    article_id: str,
    gold: dict,
    facts: Iterable[FactBase],
    scores: dict[str, Score],
    region_code: Callable[[str], str | None],
    published: str | None = None,
) -> None:
    """Add one article's comparison to `scores` (kind -> Score); `published`: the article's
    metadata date, if any."""
    facts = list(facts)
    want, skip = gold_keys(gold, region_code)
    got: dict[str, dict] = defaultdict(dict)
    for fact in facts:
        got[fact.kind].setdefault(fact_key(fact), fact.sentence)
    for kind in KINDS:
        if kind == "date" and "dates" not in gold:
            continue
        score = scores.setdefault(kind, Score())
        predicted = got.get(kind, {})
        for key in want[kind]:
            if key in predicted:
                score.tp += 1
            else:
                score.fn += 1
                score.misses.append((article_id, key))
        for key, sentence in predicted.items():
            if key in want[kind]:
                verdict = "correct"
            elif key in skip[kind]:
                verdict = "ignored"
            else:
                verdict = "spurious"
                score.fp += 1
            score.predictions.append((article_id, key, sentence, verdict))
    if "published" in gold:
        _score_published(article_id, gold["published"], published, facts, scores.setdefault(PUBLISHED, Score()))


def _score_published(article_id: str, gold_day: str | None, metadata: str | None,
                     facts: list[FactBase], score: Score) -> None:
    """The publication day fakta stores (metadata, else the text's) against the gold's."""
    from .storage import publication_day

    day = publication_day(metadata, facts)
    want = gold_day[:10] if gold_day else None
    if want is not None and day != want:
        score.fn += 1
        score.misses.append((article_id, want))
    if day is not None:
        sentence = next((f.sentence for f in facts if f.kind == "date" and f.value.isoformat() == day),
                        "(article metadata)")
        verdict = "correct" if day == want else "spurious"
        score.tp += verdict == "correct"
        score.fp += verdict == "spurious"
        score.predictions.append((article_id, day, sentence, verdict))


class GoldError(ValueError):
    """A gold file that cannot be scored (a hand edit gone wrong): reported as one line."""


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path} is not valid JSON ({exc})") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{path} is not a gold record (a JSON object, see GOLD.md)")
    try:
        gold_keys(gold, lambda name: None)
    except (KeyError, TypeError, AttributeError) as exc:
        raise GoldError(f"{path} has an entry fakta cannot read ({type(exc).__name__}: {exc}; see GOLD.md)") from None
    return gold


def region_code(name: str) -> str | None:
    """Kemendagri code of a canonical region name as gold files write it."""
    from extractors.regions import resolve

    ref = resolve(name)
    return ref.code if ref else None


OFFICE_WORDS = re.compile(r"^\s*(?:kantor\s+wilayah|kanwil|wilayah)\s+", re.IGNORECASE)  # before an office area's name


def office_area_name(name: str) -> str:
    """The canonical name of an office area a gold file names by another of its names
    ("Sumbarriau" is Sumbagteng; "Kanwil Jawa Barat", "Kantor Wilayah Banten": the office
    word aside); a name fakta does not know, as written."""
    from extractors.regions import data

    aliases = data.office_aliases()
    known = aliases.get(data.normalise(name)) or aliases.get(data.normalise(OFFICE_WORDS.sub("", name)))
    return known[0].name if known else name


_JSONL_LINE = re.compile(r"(.+)_L(\d+)$")


def find_article(texts: Path, stem: str) -> Article | None:
    """The article a gold file names: <stem>.txt/.html/.htm, or line N of <name>.jsonl for <name>_LN."""
    for suffix in (".txt", ".html", ".htm"):
        path = texts / f"{stem}{suffix}"
        if path.is_file():
            item = next(iter_articles([str(path)]), None)
            return item if isinstance(item, Article) else None
    m = _JSONL_LINE.match(stem)
    if m and (texts / f"{m[1]}.jsonl").is_file():
        items = list(iter_articles([str(texts / f"{m[1]}.jsonl")]))
        n = int(m[2])
        return items[n - 1] if n <= len(items) and isinstance(items[n - 1], Article) else None
    return None


def evaluate(gold_dir: Path, texts: Path, extract) -> tuple[dict[str, Score], list[str]]:
    """Score `extract(article) -> facts` on every gold file; also return the stems with no article."""
    scores: dict[str, Score] = {}
    missing = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        article = find_article(texts, gold_path.stem)
        if article is None:
            missing.append(gold_path.stem)
            continue
        score_article(gold_path.stem, load_gold(gold_path), extract(article), scores, region_code, article.published)
    return scores, missing
