"""Indonesian numbers for the number-based extractors (amounts, worker_counts).

Not a fact kind: a helper package with no build(). `NumberGrammar` reads digit
strings (Indonesian dot thousands, comma decimals), number words and scale words
from the CSV files beside it; `build_phrase_matcher` compiles the anchors the
extractors start from; range_words.csv lists the words that join a range's ends;
`Retractions` finds the figures a correction notice takes back (retractions.csv), `Denials`
those a fact-check or clarification calls false (denials.csv).
"""
from .grammar import NumberGrammar, Quantity
from .matching import build_phrase_matcher, column_figures, in_text_order, read_phrase_patterns, row_figures
from .denials import Denials, Denied
from .retractions import Retractions
from .numerals import Numeral, is_grouped, is_year, parse_numeral, split_head, split_range

__all__ = ["NumberGrammar", "Quantity", "Numeral", "is_grouped", "is_year", "parse_numeral", "split_head", "split_range",
           "build_phrase_matcher", "in_text_order", "read_phrase_patterns", "row_figures",
           "column_figures", "Denials", "Denied", "Retractions"]
