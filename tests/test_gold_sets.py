"""Acceptance against hand-made gold: precision >= 0.95 and recall >= 0.90 for every kind.

The five seeds (../shared/seeds/gold) are the development set; our corpus
(tests/gold/corpus) holds the rules to articles beyond them. Held-out sets are
measured with `fakta eval`, not gated here, so that nobody tunes rules on them.
"""
from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate

from .paths import CORPUS, CORPUS_GOLD, SEEDS

KINDS = ["official", "region", "office_area", "worker_count", "amount", "regulation", "date", "published"]
GOLD_SETS = {"seeds": (SEEDS / "gold", SEEDS), "corpus": (CORPUS_GOLD, CORPUS)}


@pytest.fixture(scope="module")
def scores(engine):
    """Scores per gold set, computed once; every fact is checked to point at its exact characters."""

    def grounded_facts(article):
        extracted = engine.extract(article)
        for fact in extracted.facts:
            assert extracted.clean_text[fact.start:fact.end] == fact.text
        return extracted.facts

    computed: dict = {}

    def of(name: str) -> dict:
        if name not in computed:
            gold_dir, texts = GOLD_SETS[name]
            if not gold_dir.is_dir():
                pytest.skip(f"{gold_dir} is not there (../shared beside the project)")
            result, missing = evaluate(gold_dir, texts, grounded_facts)
            assert missing == []
            computed[name] = result
        return computed[name]

    return of


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_precision_and_recall(gold_set, kind, scores):
    by_kind = scores(gold_set)
    if kind not in by_kind:
        pytest.skip(f"the {gold_set} gold does not annotate {kind}")
    score = by_kind[kind]
    detail = f"P={score.precision:.2f} R={score.recall:.2f} misses={score.misses} spurious={score.spurious}"
    assert score.precision >= 0.95, detail
    assert score.recall >= 0.90, detail
