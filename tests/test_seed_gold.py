"""Acceptance on the five seeds against their hand-made gold (../shared/seeds/gold).

Precision >= 0.95 and recall >= 0.90 for every kind. The seeds are the
development set; tests/test_corpus_gold.py holds the rules to our own articles.
"""
from __future__ import annotations

import pytest

from pipeline.evaluate import load_gold, region_code, score_article
from pipeline.models import Article

from .paths import SEEDS

pytestmark = pytest.mark.skipif(not (SEEDS / "gold").is_dir(), reason="../shared/seeds is not beside the project")

KINDS = ["official", "region", "office_area", "worker_count", "amount", "regulation"]


@pytest.fixture(scope="module")
def seed_scores(engine):
    scores: dict = {}
    for gold_path in sorted((SEEDS / "gold").glob("*.json")):
        path = SEEDS / f"{gold_path.stem}.txt"
        article = Article(source=str(path), key=str(path), text=path.read_text(encoding="utf-8"))
        extracted = engine.extract(article)
        for fact in extracted.facts:
            assert extracted.clean_text[fact.start:fact.end] == fact.text
        score_article(gold_path.stem, load_gold(gold_path), extracted.facts, scores, region_code)
    return scores


@pytest.mark.parametrize("kind", KINDS)
def test_seed_precision_and_recall(kind, seed_scores):
    score = seed_scores[kind]
    detail = f"P={score.precision:.2f} R={score.recall:.2f} misses={score.misses} spurious={score.spurious}"
    assert score.precision >= 0.95, detail
    assert score.recall >= 0.90, detail
