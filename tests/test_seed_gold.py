"""Acceptance on the five seeds against their hand-made gold (../shared/seeds/gold).

Precision >= 0.95 and recall >= 0.90 for every kind. The seeds are the
development set; tests/test_corpus_gold.py holds the rules to our own articles.
"""
from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate

from .paths import SEEDS

pytestmark = pytest.mark.skipif(not (SEEDS / "gold").is_dir(), reason="../shared/seeds is not beside the project")

KINDS = ["official", "region", "office_area", "worker_count", "amount", "regulation"]


def grounded_facts(engine):
    """extract(article) -> facts, checking that every fact points at its exact characters."""

    def extract(article):
        extracted = engine.extract(article)
        for fact in extracted.facts:
            assert extracted.clean_text[fact.start:fact.end] == fact.text
        return extracted.facts

    return extract


@pytest.fixture(scope="module")
def seed_scores(engine):
    scores, missing = evaluate(SEEDS / "gold", SEEDS, grounded_facts(engine))
    assert missing == []
    return scores


@pytest.mark.parametrize("kind", KINDS)
def test_seed_precision_and_recall(kind, seed_scores):
    score = seed_scores[kind]
    detail = f"P={score.precision:.2f} R={score.recall:.2f} misses={score.misses} spurious={score.spurious}"
    assert score.precision >= 0.95, detail
    assert score.recall >= 0.90, detail
