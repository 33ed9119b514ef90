"""`fakta explain`: an article's clean text with every fact highlighted, and why a span gave none.

Each fact is numbered and shown with its kind, rule id and normalised value. In a
terminal the facts are coloured by kind (the innermost one where facts nest), elsewhere
they are bracketed: "[Kota Medan]2". `--html FILE` writes the same as a self-contained
page (template: data/explain/page.html). `--why-not SPAN` is pipeline/why_not.py.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from string import Template

from .loading import LoadError, iter_articles
from .models import Article, FactBase

if TYPE_CHECKING:
    from .extract import Extracted

COMMON = frozenset(FactBase.model_fields)  # what every fact carries; fact_value shows the rest
ANSI = {  # kind -> SGR codes (underlined, coloured)
    "official": "4;35", "region": "4;32", "office_area": "4;36", "worker_count": "4;33",
    "amount": "4;34", "regulation": "4;31", "date": "4;90",
}
PAGE = Path(__file__).parent / "data" / "explain" / "page.html"
FILE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


class ExplainError(Exception):
    """Bad input for explain: reported as one line."""


def register(sub) -> None:
    p = sub.add_parser("explain", help="show an article's facts in its clean text, with rule ids; --why-not a span")
    p.add_argument("source", metavar="FILE|-|TEXT", help="an article file, - for stdin, or the text itself")
    p.add_argument("--why-not", metavar="SPAN", help="report what came close to a span that yielded no fact")
    p.add_argument("--html", metavar="FILE", help="also write a self-contained HTML page with the highlights")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="ANSI colours (default: in a terminal)")
    p.set_defaults(func=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    from .extract import Engine  # loads spaCy: only when the command runs
    from .why_not import why_not

    try:
        articles = load(args.source)
    except ExplainError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    engine = Engine()
    results = [engine.extract(article) for article in articles]
    for n, result in enumerate(results):
        if n:
            print()
        print(render_text(result, colour))
        if args.why_not:
            print("\n".join(why_not(engine, result, args.why_not)))
    if args.html:
        try:
            Path(args.html).write_text(render_page(results), encoding="utf-8")
        except OSError as exc:
            print(f"fakta: cannot write {args.html}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"html: {args.html}", file=sys.stderr)
    return 0


def load(source: str) -> list[Article]:
    """The articles of a file, of stdin ("-"), or of the argument itself taken as text."""
    if source == "-" or os.path.exists(source):
        items = list(iter_articles([source], stdin=sys.stdin))
        errors = [item for item in items if isinstance(item, LoadError)]
        if errors:
            raise ExplainError(str(errors[0]))
        return items
    if "\n" not in source and " " not in source.strip() and source.lower().endswith(FILE_SUFFIXES):
        raise ExplainError(f"{source}: no such file")
    if not source.strip():
        raise ExplainError("nothing to explain: the text is empty")
    key = "text:" + hashlib.sha1(source.encode("utf-8")).hexdigest()
    return [Article(source="<text>", key=key, text=source)]


def fact_value(fact: FactBase) -> str:
    """The normalised fields of a fact: "name=Ahmad Yani; position=Bupati"."""
    fields = fact.model_dump(mode="json", exclude=COMMON)
    return "; ".join(f"{k}={_show(v)}" for k, v in fields.items() if v not in (None, [], ""))


def _show(value) -> str:
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def segments(text: str, facts: list[FactBase]):
    """(start, end, covering fact numbers) for each stretch of text between fact boundaries."""
    cuts = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    for a, b in zip(cuts, cuts[1:]):
        yield a, b, [n for n, f in enumerate(facts, 1) if f.start <= a and f.end >= b]


def _opening(facts, at: int) -> list[int]:
    """Facts starting at `at`, outer (longer) first."""
    return [n for n, f in sorted(enumerate(facts, 1), key=lambda p: -p[1].end) if f.start == at]


def _closing(facts, at: int) -> list[int]:
    """Facts ending at `at`, inner (later-starting) first."""
    return [n for n, f in sorted(enumerate(facts, 1), key=lambda p: -p[1].start) if f.end == at]


def highlight(text: str, facts: list[FactBase], colour: bool) -> str:
    out = []
    for a, b, covering in segments(text, facts):
        if not colour:
            out.append("[" * len(_opening(facts, a)))
        piece = text[a:b]
        if colour and covering:
            inner = min(covering, key=lambda n: facts[n - 1].end - facts[n - 1].start)
            piece = f"\x1b[{ANSI[facts[inner - 1].kind]}m{piece}\x1b[0m"
        out.append(piece)
        for n in _closing(facts, b):
            out.append(f"\x1b[2m[{n}]\x1b[0m" if colour else f"]{n}")
    return "".join(out)


def fact_table(facts: list[FactBase]) -> list[str]:
    lines = []
    for n, f in enumerate(facts, 1):
        lines.append(f"{n:>3}  {f.kind:12} {f.rule:28} {f.start}-{f.end}  {f.text!r}")
        lines.append(f"{'':5}{fact_value(f)}  (confidence {f.confidence:.2f})")
    return lines


def render_text(result: Extracted, colour: bool) -> str:
    facts = result.facts
    head = f"== {result.article.source}: {len(facts)} fact{'s' * (len(facts) != 1)}"
    body = highlight(result.clean_text, facts, colour)
    table = fact_table(facts) or ["(no facts)"]
    return "\n".join([head, "", body, "", *table])


def _html_text(text: str, facts: list[FactBase]) -> str:
    out = []
    for a, b, covering in segments(text, facts):
        piece = html.escape(text[a:b])
        if covering:
            inner = min(covering, key=lambda n: facts[n - 1].end - facts[n - 1].start)
            tip = " | ".join(f"{n} {facts[n - 1].kind} {facts[n - 1].rule}" for n in covering)
            piece = f'<span class="f k-{facts[inner - 1].kind}" title="{html.escape(tip)}">{piece}</span>'
        out.append(piece)
        out.extend(f'<sup class="n">{n}</sup>' for n in _closing(facts, b))
    return "".join(out)


def _html_article(result: Extracted) -> str:
    facts = result.facts
    rows = "".join(
        f'<tr><td>{n}</td><td><span class="f k-{f.kind}">{f.kind}</span></td><td><code>{html.escape(f.rule)}</code></td>'
        f"<td>{html.escape(f.text)}</td><td>{html.escape(fact_value(f))}</td><td>{f.confidence:.2f}</td></tr>"
        for n, f in enumerate(facts, 1)
    )
    table = (
        f"<table><tr><th>#</th><th>kind</th><th>rule</th><th>text</th><th>value</th><th>conf.</th></tr>{rows}</table>"
        if facts else "<p>No facts.</p>"
    )
    return (
        f"<section><h2>{html.escape(result.article.source)}</h2>"
        f'<div class="text">{_html_text(result.clean_text, facts)}</div>{table}</section>'
    )


def render_page(results: list[Extracted]) -> str:
    legend = "".join(f'<span class="f k-{kind}">{kind}</span> ' for kind in ANSI)
    body = "\n".join(_html_article(r) for r in results)
    title = results[0].article.source if len(results) == 1 else f"{len(results)} articles"
    return Template(PAGE.read_text(encoding="utf-8")).substitute(
        title=html.escape(f"fakta explain: {title}"), legend=legend, body=body
    )
