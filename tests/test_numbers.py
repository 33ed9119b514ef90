"""Indonesian number reading (extractors/numerals): digit strings, number words, scales."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractors.common import read_csv
from extractors.numerals import NumberGrammar, parse_numeral, split_head, split_range
from extractors.numerals.grammar import HERE
from extractors.numerals.tables import pipe_tables
from pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def grammar() -> NumberGrammar:
    return NumberGrammar.load()


@pytest.mark.parametrize("text, value", [
    ("10.000", 10000), ("31.570", 31570), ("726.119", 726119), ("2.500.000", 2500000),
    ("365,86", Decimal("365.86")), ("30,2", Decimal("30.2")), ("0,5", Decimal("0.5")),
    ("3.657.527,37", Decimal("3657527.37")), ("2022", 2022), ("±5.000", 5000),
    ("1,500,000", 1500000), ("1,234,567.89", Decimal("1234567.89")),
])
def test_numerals_read_the_indonesian_way(text, value):
    numeral = parse_numeral(text)
    assert numeral is not None and numeral.value == value and not numeral.needs_scale


@pytest.mark.parametrize("text, value", [("6,157", Decimal("6.157")), ("1,500", Decimal("1.5")),
                                         ("365.86", Decimal("365.86")), ("2.5", Decimal("2.5"))])
def test_ambiguous_numerals_need_a_scale_word(text, value):
    numeral = parse_numeral(text)
    assert numeral.value == value and numeral.needs_scale


@pytest.mark.parametrize("text", ["0812", "05", "1.0000", "1.5.2", "10.000an", "abc", "13/2003", ""])
def test_codes_and_malformed_numerals_are_not_read(text):
    assert parse_numeral(text) is None


def test_token_heads_and_ranges():
    assert split_head("500.000/bulan") == ("500.000", "/bulan")
    assert split_head("dua") == ("", "dua")
    assert split_range("100-150") == ("100", "150")
    assert split_range("100–150") == ("100", "150")
    assert split_range("13/2003") is None and split_range("100") is None


@pytest.mark.parametrize("words, value", [
    ("90 ribu", 90000), ("6,157 juta", 6157000), ("30,2 jt", 30200000), ("2,97 jt", 2970000),
    ("365 miliar", 365000000000), ("365,86 miliar", 365860000000), ("1,2 triliun", 1200000000000),
    ("1,500 juta", 1500000), ("2.5 miliar", 2500000000), ("1.500 juta", 1500000000),
    ("1 juta 500 ribu", 1500000), ("Juta", None), ("dua ribu", 2000), ("sejuta", 1000000),
    ("satu juta", 1000000), ("seratus", 100), ("lima puluh ribu", 50000), ("setengah juta", 500000),
    ("satu setengah juta", 1500000), ("dua ratus lima puluh ribu", 250000), ("dua belas", 12),
    ("seratus dua puluh lima", 125), ("seribu lima ratus", 1500), ("sebelas ribu", 11000),
    ("empat koma dua miliar", 4200000000), ("dua koma tiga lima juta", 2350000),
    ("nol koma lima juta", 500000), ("dua puluh koma nol lima ribu", 20050),
])
def test_number_expressions(grammar, words, value):
    quantity = grammar.parse(words.split())
    assert (quantity.value if quantity else None) == value


@pytest.mark.parametrize("words", [
    "juta", "ribu juta", "5 juta 2024", "5 juta dua", "dua 2", "lima puluh dua ratus",
    "500 ribu 1 juta", "1,500", "365.86", "Rp", "koma", "koma dua juta", "dua koma", "dua juta koma lima",
    "empat koma dua puluh miliar", "nol", "nol ribu",
])
def test_non_numbers(grammar, words):
    assert grammar.parse(words.split()) is None


def test_m_and_t_are_scales_only_for_money_and_only_in_capitals(grammar):
    assert grammar.parse(["1,5", "M"], money=True).value == 1500000000
    assert grammar.parse(["2", "T"], money=True).value == 2000000000000
    assert grammar.parse(["1,5", "M"]) is None
    assert grammar.parse(["1,5", "m"], money=True) is None


def test_longest_prefix_and_suffix(grammar):
    assert grammar.longest_prefix(["5", "juta", "2024"], money=True)[1] == 2
    quantity, start = grammar.longest_suffix(["sebanyak", "6,157", "juta"])
    assert (quantity.value, start) == (6157000, 1)


def test_integer_rupiah_is_rounded_half_up(grammar):
    assert grammar.parse(["3.657.527,37"]).as_int() == 3657527
    assert grammar.parse(["2.500,50"]).as_int() == 2501
    assert grammar.parse(["365,86", "miliar"]).as_int() == 365860000000


def test_rule_files_are_well_formed():
    for row in read_csv(HERE / "multipliers.csv"):
        assert int(row["factor"]) >= 1000 and row["scope"] in {"any", "money", "en"}
    roles = {"digit", "direct", "belas", "times", "half", "one_scale"}
    for row in read_csv(HERE / "number_words.csv"):
        assert row["word"] == row["word"].lower()
        if row["role"] == "zero":
            assert Decimal(row["value"]) == 0
        elif row["role"] == "point":
            assert row["value"] == ""
        else:
            assert row["role"] in roles and Decimal(row["value"]) > 0
    for row in read_csv(HERE / "range_words.csv"):
        assert row["borrow_scale"] in {"yes", "no"}


def test_a_markdown_tables_outer_bars_make_no_cells_but_an_empty_inner_cell_stays():
    nlp = build_nlp()
    markdown = ("| Kab/Kota | Penerima | Nilai (Rp juta) |\n| Kota Kupang | 1.250 | 252,5 |\n"
                "| Kupang | 980 | 198 |\n|  | 2.230 | 450,5 |")
    doc = nlp(markdown)
    table, = pipe_tables(doc)
    assert [[doc[a:b].text for a, b in line] for line in (table.header, *table.rows)] == [
        ["Kab/Kota", "Penerima", "Nilai (Rp juta)"], ["Kota Kupang", "1.250", "252,5"],
        ["Kupang", "980", "198"], ["", "2.230", "450,5"]]
