"""Placeholder: replaced by the real officials extractor."""
from __future__ import annotations

KINDS = ("officials",)


def build(nlp):
    return lambda doc, context, found: []
