"""Fact extractors, one package per fact kind, each with its rule files beside it.

Order matters: a later extractor sees the hits of the earlier ones (officials
use regions to tell which region a post serves).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from spacy.language import Language

from . import amounts, dates, officials, regions, regulations, worker_counts
from .common import Extractor

MODULES = (regions, dates, amounts, worker_counts, regulations, officials)


def build_all(nlp: Language) -> list[Extractor]:
    return [module.build(nlp) for module in MODULES]


def rules_version() -> str:
    """A digest of every extractor's code and rule files: changes when any rule does."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".jsonl", ".txt", ".json"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
