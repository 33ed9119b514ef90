"""The one spaCy pipeline fakta uses: a blank `id` pipeline with a lean tokenizer.

The stock Indonesian tokenizer carries ~16,000 special cases (reduplicated words
and the like) and runs ~40x slower. Even a few dozen special cases containing
"." make spaCy run a phrase matcher over every doc (3x slower), so abbreviations
("Dr.", "No.", "M.Si.") are not tokenizer exceptions: they split as "Dr" + "."
and pipeline/sentences.py knows not to end a sentence there.
"""
from __future__ import annotations

import re

import spacy
from spacy import attrs
from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

_PREFIXES = [
    r"""[\(\[\{"'“”‘’«<*_•·–—/|]""",  # ("*bold*" and "_italic_" of a chat message; a table's "|")
    r"-+",
    r"(?:Rp\.?|rp\.?|RP\.?|IDR|USD|US\$)(?=\d)",
]
_SUFFIXES = [
    r"""[\)\]\}"'“”‘’»>,;:!?…*_|]""",
    r"\.+",
    r"-+",
    r"(?<=\d)%",
    r"(?<=\d),-",
    r"(?<=\d)(?:jt|rb|juta|ribu|miliar|triliun|M|T)",
]
_INFIXES = [
    r"\|",  # a table's cells: "miliar|9.315"
    r"(?<=[A-Za-z])[-–—](?=[A-Za-z0-9])",
    r"(?<=[0-9])[-–—](?=[A-Za-z])",
    r"(?<=[a-z])\.(?=[A-Z])",
    r"(?<=[A-Za-z0-9])\.(?=[\(\[])",  # "Rp 42 juta.(fer)": a sentence's end, then the writer's initials
    r"(?<=[A-Za-z])[,;]\.?(?=[A-Za-z])",
    r"(?<=[A-Za-z])[/:&](?=[A-Za-z])",
    r"(?<=[0-9])/(?=[A-Za-z])",  # "Rp16.800/jam"
    r"(?<=[A-Za-z])[\(\)](?=[A-Za-z])",
    r"(?<=\d{4}),(?=\d{1,2}[:.]\d{2})",  # "25-03-2025,19:20 WIB": the date, then its time
]


@registry.tokenizers("fakta.lean_tokenizer.v1")
def lean_tokenizer_factory():
    """Registered so that spacy.blank never builds (and discards) the stock tokenizer."""
    return make_tokenizer


# Registry numbers stay one token: "560/7095/2021", "1245/SE/DISNAKERTRANS/2023",
# "561/Kep.271-Huk/2023", "M/3/HK.04/II/2024", "562-798-2024", "400.5/2167/SJ" (a slash, or
# three hyphenated numbers; ends with a digit, or after a number with an office's capitals,
# so "100/bulan" still splits).
REGISTRY_NUMBER = re.compile(r"(?=.*\d)[A-Za-z0-9][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?<=\d)|\d+(?:-\d+){2,}"
                             r"|\d[\d.]*(?:/[A-Za-z0-9.\-]+)*/[A-Z]{2,8}")


def make_tokenizer(nlp: Language) -> Tokenizer:
    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=compile_prefix_regex(_PREFIXES).search,
        suffix_search=compile_suffix_regex(_SUFFIXES).search,
        infix_finditer=compile_infix_regex(_INFIXES).finditer,
        url_match=URL_MATCH,
        token_match=REGISTRY_NUMBER.fullmatch,
    )


# The lexical attributes the rules read (PhraseMatcher LOWER/SHAPE, token.is_*/like_num).
# Every new word computes each attribute kept here once, so the other ~14 (stop words,
# norms, prefixes, URL/e-mail shapes...) are dropped: they cost a third of tokenizing.
LEXICAL_ATTRIBUTES = (attrs.LOWER, attrs.SHAPE, attrs.IS_ALPHA, attrs.IS_DIGIT, attrs.IS_LOWER,
                      attrs.IS_UPPER, attrs.IS_TITLE, attrs.IS_SPACE, attrs.LIKE_NUM)


def build_nlp() -> Language:
    """A fresh blank `id` pipeline with the lean tokenizer (no trained components)."""
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "fakta.lean_tokenizer.v1"}}})
    nlp.max_length = 200_000_000  # only a tokenizer runs: no parser/NER memory to guard
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in LEXICAL_ATTRIBUTES}
    return nlp

