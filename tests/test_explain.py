"""`fakta explain`: highlighted facts with rule ids, --why-not evidence, --html page."""
from __future__ import annotations

import re

import pytest

from pipeline import cli
from pipeline.loading import iter_articles
from pipeline.rule_files import ROOT, rows

from .paths import CORPUS

NEVER_TEXT = "Pemkab menanggung iuran JKN bagi lansia sebanyak 1.500 orang."


@pytest.fixture(autouse=True)
def one_engine(monkeypatch, engine):
    monkeypatch.setattr("pipeline.extract.Engine", lambda: engine)


def fakta(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def row_line(rel: str, **fields) -> int:
    """Line number of the row of a rule file with these column values."""
    return next(r.line for r in rows(ROOT / rel) if all(r.fields.get(k) == v for k, v in fields.items()))


def test_corpus_article_facts_are_bracketed_with_number_rule_and_value(capsys, engine):
    path = CORPUS / "005_tribun_medan_ojol.txt"
    facts = engine.extract(next(iter_articles([str(path)]))).facts
    assert len(facts) >= 5
    code, out, _ = fakta(capsys, "explain", str(path), "--color", "never")
    assert code == 0
    assert out.startswith(f"== {path}: {len(facts)} facts")
    for n, fact in enumerate(facts, 1):
        inner = re.escape(fact.text).replace(r"\ ", r"[\[\]\d ]*?\ ")
        assert re.search(inner + r"\]" + str(n) + r"\b", out.replace("\n", " ")), fact.text
        assert re.search(rf"^\s+{n}\s+{fact.kind}\s+{re.escape(fact.rule)}\s+{fact.start}-{fact.end}\s", out, re.M)
    assert "\x1b[" not in out


def test_colour_marks_facts_by_kind(capsys):
    code, out, _ = fakta(capsys, "explain", "Rapat digelar di Kabupaten Deli Serdang.", "--color", "always")
    assert code == 0 and "\x1b[4;32mKabupaten Deli Serdang\x1b[0m" in out


def test_article_without_facts_says_so(capsys):
    code, out, _ = fakta(capsys, "explain", str(CORPUS / "016_pengumuman_senam_donor_darah.txt"), "--color", "never")
    assert code == 0
    assert ": 0 facts" in out and "(no facts)" in out and "]1" not in out


def test_why_not_points_at_the_missing_title_and_the_fact_inside(capsys):
    text = "Kadispora Kota Medan, Rizky Syahputra, membuka turnamen sepak bola."
    code, out, _ = fakta(capsys, "explain", text, "--why-not", "Kadispora Kota Medan, Rizky Syahputra", "--color", "never")
    assert code == 0
    assert "found in the clean text at 0-37" in out
    assert "overlaps  fact 1: region 'Kota Medan' [region.canonical]" in out
    assert "words no rule file lists as an entry: kadispora, rizky, syahputra" in out
    line = row_line("extractors/regions/risky_names.csv", name="medan")
    assert f"extractors/regions/risky_names.csv:{line}  name=medan, needs=word" in out


def test_why_not_shows_the_never_noun_and_how_the_number_reads(capsys):
    code, out, _ = fakta(capsys, "explain", NEVER_TEXT, "--why-not", "sebanyak 1.500 orang", "--color", "never")
    assert code == 0
    never = row_line("extractors/worker_counts/nouns.csv", phrase="lansia")
    assert f"extractors/worker_counts/nouns.csv:{never}  phrase=lansia, role=never" in out
    classifier = row_line("extractors/worker_counts/nouns.csv", phrase="orang")
    assert f"nouns.csv:{classifier}  phrase=orang, role=classifier" in out
    assert "'1.500' reads as 1500" in out
    assert f"sentence {NEVER_TEXT!r}:\n    no facts" in out


def test_why_not_span_removed_by_cleaning_names_the_furniture_row(capsys, monkeypatch):
    import io
    text = "Pemkab menanggung iuran pekerja.\n\nBaca juga: Pemkab Karo Tanggung Iuran 2.000 Pekerja\n\nSelesai."
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code, out, _ = fakta(capsys, "explain", "-", "--why-not", "2.000 Pekerja", "--color", "never")
    assert code == 0
    assert "is in the input (line 3) but not in the clean text: cleaning removed it" in out
    assert re.search(r"its line matches pipeline/data/furniture.csv:\d+ \(drop_line\)", out)
    assert "worker_count '2.000 Pekerja' [worker.number_unit] value=2000" in out  # the span alone


def test_why_not_absent_span_and_no_rule(capsys):
    code, out, _ = fakta(capsys, "explain", "Zyxw qvbn hadir di acara itu.", "--why-not", "Zyxw qvbn", "--color", "never")
    assert code == 0
    assert "-- rule-file rows naming words of the span" in out and "  none: no data file lists" in out
    assert "== no rule matched" in out
    code, out, _ = fakta(capsys, "explain", "Zyxw qvbn hadir.", "--why-not", "tenaga kerja", "--color", "never")
    assert "'tenaga kerja' is not in the article's text at all" in out
    assert "== no rule matched" not in out  # nouns.csv lists "tenaga kerja"


def test_html_page_is_self_contained_with_highlights_and_legend(capsys, tmp_path, engine):
    path = CORPUS / "001_antara_jabar_pekerja_rentan.txt"
    page = tmp_path / "out.html"
    code, _, err = fakta(capsys, "explain", str(path), "--html", str(page), "--color", "never")
    assert code == 0 and f"html: {page}" in err
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"<script|<link|src=|https?://", html)
    facts = engine.extract(next(iter_articles([str(path)]))).facts
    for kind in {f.kind for f in facts}:
        assert f'<span class="f k-{kind}">{kind}</span>' in html  # legend
    for n, fact in enumerate(facts, 1):
        assert f'<code>{fact.rule}</code>' in html and f'<sup class="n">{n}</sup>' in html


@pytest.mark.parametrize("args, message", [
    (["missing_article.txt"], "fakta: missing_article.txt: no such file"),
    (["  "], "fakta: nothing to explain"),
])
def test_bad_input_is_one_line_on_stderr(capsys, args, message):
    code, out, err = fakta(capsys, "explain", *args)
    assert code == 2 and err.startswith(message) and err.count("\n") == 1
