"""`fakta annotate FILE... --output DIR`: a gold file per article, pre-filled from extraction.

Writes DIR/<stem>.json in the format of ../shared/seeds/GOLD.md (plus "dates", "bylines"
and "other_counts" as tests/gold/corpus has them) for a person to correct, and the article
beside it in DIR/articles/ so that `fakta eval DIR --texts DIR/articles` finds it: a plain
text as <stem>.txt; an article with metadata (an HTML page, a JSONL record: its publication
date decides yearless dates) as line N of <stem>.jsonl, whose gold is <stem>_L<N>.json as
pipeline.evaluate.find_article expects. An unedited annotation scores 1.00 everywhere.
An existing gold file is never overwritten without --force.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .loading import iter_articles
from .storage import publication_day

if TYPE_CHECKING:
    from .extract import Extracted

NOTE = ("Pre-filled by `fakta annotate` from extraction (rules {version}): check every entry "
        "against the text, add what is missing, move bylines and non-worker counts to their "
        "lists, then replace this note with your own.")


def register(sub) -> None:
    p = sub.add_parser("annotate", help="write a pre-filled gold file per article, for a person to correct")
    p.add_argument("paths", nargs="+", metavar="FILE", help=".txt/.html/.jsonl files, directories, or - for stdin")
    p.add_argument("--output", "-o", required=True, metavar="DIR", help="directory for the gold files (articles go to DIR/articles)")
    p.add_argument("--force", action="store_true", help="overwrite existing gold files")
    p.set_defaults(func=cmd_annotate)


def gold_of(result: Extracted, gold_id: str, version: str) -> dict:
    """The gold record of one extraction, in GOLD.md's format."""
    by_kind: dict[str, list] = {}
    for fact in result.facts:
        by_kind.setdefault(fact.kind, []).append(fact)
    facts = lambda kind: by_kind.get(kind, [])  # noqa: E731
    return {
        "id": gold_id,
        "published": publication_day(result.article.published, result.facts),
        "officials": [{"name": f.name, "position": f.position, "organization": f.organization, "region": f.region}
                      for f in facts("official")],
        "bylines": [],
        "regions": list(dict.fromkeys(f.name for f in facts("region"))),
        "office_areas": list(dict.fromkeys(f.name for f in facts("office_area"))),
        "worker_counts": [{"value": f.value, "unit": f.unit, "evidence": f.text} for f in facts("worker_count")],
        "amounts": [{"value_idr": f.value_idr, "evidence": f.text} for f in facts("amount")],
        "regulations": [{"type": f.type, "number": f.number, "year": f.year, "issuer": f.issuer, "evidence": f.text}
                        for f in facts("regulation")],
        "dates": [{"value": f.value.isoformat(), "precision": f.precision, "evidence": f.text} for f in facts("date")],
        "other_counts": [],
        "notes": NOTE.format(version=version),
    }


def _stem(source: str, key: str) -> str:
    if source == "-" or not source:
        return "stdin_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return Path(source).stem


def _article_record(result: Extracted) -> dict | None:
    """The article as a JSONL record if it carries metadata a .txt would lose, or is a line of
    a JSONL file (its lines share one name), else None."""
    a = result.article
    meta = {"url": a.url, "title": a.title, "published": a.published, "outlet": a.outlet}
    if not any(meta.values()) and (a.source == "-" or a.key == a.source):
        return None
    return {"text": a.text, **{k: v for k, v in meta.items() if v}}


def cmd_annotate(args: argparse.Namespace) -> int:
    import extractors

    out = Path(args.output)
    texts = out / "articles"
    try:
        texts.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"fakta: cannot create {texts}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    failures: list[str] = []
    from .extract import Engine  # loads spaCy: only when the command runs
    from .runner import articles_only
    engine, version = Engine(), extractors.rules_version()
    done: set[str] = set()
    records: dict[str, list[str]] = {}  # stem -> JSONL lines of DIR/articles/<stem>.jsonl
    kept: dict[str, set[int]] = {}  # stem -> indexes of lines whose existing gold was kept
    for article in articles_only(iter_articles(args.paths, stdin=sys.stdin), failures, None):
        result = engine.extract(article)
        stem = _stem(article.source, article.key)
        record = _article_record(result)
        if record:  # line N of <stem>.jsonl, as a JSONL source's own lines are
            lines = records.setdefault(stem, [])
            lines.append(json.dumps(record, ensure_ascii=False))
            gold_id, text_path = f"{stem}_L{len(lines)}", texts / f"{stem}.jsonl"
        else:
            gold_id, text_path = stem, texts / f"{stem}.txt"
        gold_path = out / f"{gold_id}.json"
        if gold_id in done or (gold_path.exists() and not args.force):
            why = "another input of this run has the same name" if gold_id in done else "exists (use --force to overwrite)"
            failures.append(f"{gold_path}: {why}")
            print(f"fakta: skipped {gold_path}: {why}", file=sys.stderr)
            if record:
                kept.setdefault(stem, set()).add(len(records[stem]) - 1)
            continue
        done.add(gold_id)
        if not record:
            text_path.write_text(article.text, encoding="utf-8")
        gold = gold_of(result, gold_id, version)
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{gold_path}: {len(result.facts)} facts (article: {text_path})")
    for stem, lines in records.items():  # a kept gold file keeps the line it was written for
        path = texts / f"{stem}.jsonl"
        old = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()] if path.is_file() else []
        for i in kept.get(stem, ()):
            if i < len(old):
                lines[i] = old[i]
        path.write_text("\n".join(lines + old[len(lines):]) + "\n", encoding="utf-8")
    if done:
        print(f"check and score: fakta eval {out} --texts {texts}")
    return 1 if failures else 0
