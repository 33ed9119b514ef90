"""Placeholder: replaced by the real worker_counts extractor."""
from __future__ import annotations

KINDS = ("worker_counts",)


def build(nlp):
    return lambda doc, context, found: []
