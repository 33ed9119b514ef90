"""Placeholder: replaced by the real regulations extractor."""
from __future__ import annotations

KINDS = ("regulations",)


def build(nlp):
    return lambda doc, context, found: []
