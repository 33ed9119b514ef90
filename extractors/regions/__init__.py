"""Placeholder: replaced by the real regions extractor."""
from __future__ import annotations

KINDS = ("regions",)


def build(nlp):
    return lambda doc, context, found: []
