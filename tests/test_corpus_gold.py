"""Our own corpus: its shape, and the article that must yield nothing (scores: test_gold_sets.py)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path


from pipeline.evaluate import load_gold
from pipeline.loading import iter_articles
from pipeline.models import Article

from .paths import CORPUS, CORPUS_GOLD

def corpus_articles() -> list[tuple[str, Article]]:
    """(gold stem, article) for every corpus article; JSONL lines are <stem>_L<n>."""
    out = []
    lines: Counter = Counter()
    for item in iter_articles([str(CORPUS)]):
        assert isinstance(item, Article), f"corpus input failed to load: {item}"
        path = Path(item.source)
        if path.suffix == ".jsonl":
            lines[path] += 1
            out.append((f"{path.stem}_L{lines[path]}", item))
        else:
            out.append((path.stem, item))
    return out


def test_corpus_is_large_and_varied():
    articles = corpus_articles()
    assert len(articles) >= 15
    assert {Path(a.source).suffix for _, a in articles} >= {".txt", ".html", ".jsonl"}
    assert {stem for stem, _ in articles} == {p.stem for p in CORPUS_GOLD.glob("*.json")}


def test_the_article_without_facts_yields_none(engine):
    empty = [a for stem, a in corpus_articles() if not _has_facts(load_gold(CORPUS_GOLD / f"{stem}.json"))]
    assert empty, "the corpus keeps one article with no facts"
    for article in empty:
        kinds = {f.kind for f in engine.extract(article).facts} - {"date"}
        assert kinds == set()


def _has_facts(gold: dict) -> bool:
    keys = ("officials", "regions", "office_areas", "worker_counts", "amounts", "regulations")
    return any(gold.get(k) for k in keys)
