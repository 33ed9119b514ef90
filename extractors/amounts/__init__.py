"""Placeholder: replaced by the real amounts extractor."""
from __future__ import annotations

KINDS = ("amounts",)


def build(nlp):
    return lambda doc, context, found: []
