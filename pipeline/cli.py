"""The `fakta` command: run, extract, schema."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from pydantic import TypeAdapter

from . import __version__
from . import evaluate_cli  # maintainers: `fakta eval`
from .models import Article, Fact
from .web import commands as web

DEFAULT_DB = Path("outputs") / "facts.db"


def bundled_corpus() -> str | None:
    """The sample corpus: ./corpus if present, else the one of the source checkout, if any."""
    for place in (Path("corpus"), Path(__file__).resolve().parent.parent / "corpus"):
        if place.is_dir():
            return str(place)
    return None  # an installed wheel ships no corpus


def cmd_run(args: argparse.Namespace, items=None) -> int:
    from .runner import RunError, run_items
    from .web.commands import run_inputs

    if items is None:  # `fakta run`: files, directories, stdin and URLs (`fakta crawl` passes its own)
        paths = args.paths
        if not paths and not args.urls:
            corpus = bundled_corpus()
            if corpus is None:
                print("fakta: nothing to read: give files, directories or URLs "
                      "(the sample corpus comes only with the source checkout)", file=sys.stderr)
                return 2
            paths = [corpus]
        items = run_inputs(paths, args)
    try:
        summary = run_items(
            items, args.db, batch_size=args.batch_size, force=args.force, progress=not args.quiet, workers=args.workers
        )
    except RunError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(summary.facts.items())) or "none"
    rate = summary.read / summary.seconds if summary.seconds else 0.0
    lines = [
        f"articles read: {summary.read} (extracted {summary.stored}, unchanged {summary.unchanged})",
        f"facts: {sum(summary.facts.values())} ({kinds})",
        f"failures: {len(summary.failures)}",
        f"seconds: {summary.seconds:.2f} ({rate:.0f} articles/s)",
        f"database: {summary.db_path}",
    ]
    print("\n".join(lines))
    return 1 if summary.failures else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from .cleaning import clean_text
    from .extract import Engine
    from .loading import iter_articles
    from .runner import articles_only, extract_or_report, report

    failures: list[str] = []
    engine = Engine()
    fmt = args.format or ("text" if sys.stdout.isatty() else "jsonl")
    for article in articles_only(iter_articles(args.paths, stdin=sys.stdin), failures, None):
        result = extract_or_report(engine, (article, clean_text(article.text)))
        if isinstance(result, str):
            failures.append(result)
            report(result)
            continue
        for fact in result.facts:
            print(fact.model_dump_json() if fmt == "jsonl" else _fact_line(fact))
    return 1 if failures else 0


def _fact_line(fact) -> str:
    fields = fact.model_dump(mode="json", exclude={"source", "article_id", "kind", "text", "start", "end", "sentence", "rule", "confidence"})
    detail = ", ".join(f"{k}={v}" for k, v in fields.items() if v is not None)
    return f"{fact.source}:{fact.start}-{fact.end}\t{fact.kind}\t{fact.text!r}\t{detail}\t[{fact.rule}]"


def cmd_schema(args: argparse.Namespace) -> int:
    schema = {"fact": TypeAdapter(Fact).json_schema(), "article": Article.model_json_schema()}
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0


def add_store_options(p: argparse.ArgumentParser, batch_size: int) -> None:
    """The options of every command that extracts into the database (run, crawl, reprocess)."""
    p.add_argument("--db", default=str(DEFAULT_DB), help=f"SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--batch-size", type=int, default=batch_size, help=f"articles per transaction (default: {batch_size})")
    p.add_argument("--force", action="store_true", help="re-extract articles even if unchanged")
    p.add_argument("--workers", type=int, default=1, help="extraction processes (default: 1)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fakta", description="Source-grounded facts from Indonesian news into SQLite.")
    p.add_argument("--version", action="version", version=f"fakta {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract articles into the database (default: the bundled corpus)")
    run.add_argument("paths", nargs="*", metavar="PATH", help=".txt/.html/.jsonl files, directories, - for stdin, or http(s) URLs")
    add_store_options(run, batch_size=256)
    web.add_run_options(run)
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="print the facts of articles, without storing them")
    ext.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.html/.jsonl files, directories, or - for stdin")
    ext.add_argument("--format", choices=["jsonl", "text"], help="jsonl (one fact per line) or text; default: text in a terminal, else jsonl")
    ext.set_defaults(func=cmd_extract)

    evaluate_cli.register(sub)  # eval: pipeline/evaluate_cli.py

    schema = sub.add_parser("schema", help="print the JSON Schema of the fact and article records")
    schema.set_defaults(func=cmd_schema)
    web.register(sub)
    from . import export, report, serve  # analysts: facts, report, serve
    for module in (export, report, serve): module.register(sub)
    from . import annotate, explain, rule_stats  # maintainers: explain, annotate, rules
    for module in (explain, annotate, rule_stats): module.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("fakta: interrupted; everything committed so far is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
