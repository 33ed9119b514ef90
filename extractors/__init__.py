"""Fact extractors, one package per fact kind, each with its rule files beside it.

Order matters: a later extractor sees the hits of the earlier ones (officials
use regions to tell which region a post serves).
"""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing the extractors loads spaCy: only build_all needs them
    from spacy.language import Language

    from .common import Extractor

ORDER = ("regions", "dates", "amounts", "worker_counts", "regulations", "officials")


def modules() -> list[ModuleType]:
    """The extractor packages, in the order they run."""
    return [importlib.import_module(f"{__name__}.{name}") for name in ORDER]


def build_all(nlp: Language) -> list[Extractor]:
    return [module.build(nlp) for module in modules()]


def rules_version() -> str:
    """A digest of every extractor's code and rule files: changes when any rule does."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".jsonl", ".txt", ".json"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
