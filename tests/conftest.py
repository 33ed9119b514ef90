"""Shared fixtures: one engine per test session, helpers to extract from a string."""
from __future__ import annotations

import pytest

from pipeline.extract import Engine
from pipeline.models import Article
from pipeline.nlp import build_nlp


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline alone, for testing one extractor directly."""
    return build_nlp()


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def extract(engine):
    """extract(text, kind=None) -> facts of the whole pipeline on that text."""

    def run(text: str, kind: str | None = None, published: str | None = None, outlet: str | None = None):
        article = Article(source="<test>", key=f"test:{hash(text)}", text=text, published=published, outlet=outlet)
        facts = engine.extract(article).facts
        return [f for f in facts if kind is None or f.kind == kind]

    return run


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    """Path of a database built once per session from the bundled corpus (treat as read-only)."""
    from pipeline.runner import run

    from .paths import CORPUS

    path = tmp_path_factory.mktemp("corpus_db") / "facts.db"
    summary = run([str(CORPUS)], path, progress=False)
    assert not summary.failures, summary.failures
    return str(path)
