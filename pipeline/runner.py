"""Streaming runs: inputs -> clean -> extract -> SQLite, in batches, with a summary."""
from __future__ import annotations

import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from tqdm import tqdm

from .cleaning import clean_text
from .extract import Engine, Extracted, article_id, content_hash
from .loading import LoadError, iter_articles
from .models import Article
from .storage import open_db, stored_versions, write_batch


class RunError(Exception):
    """A run cannot start (e.g. the database cannot be opened); nothing was written."""


@dataclass
class RunSummary:
    db_path: str
    stored: int = 0  # articles extracted and stored by this run
    unchanged: int = 0  # articles already stored with the same text and rules
    failures: list[str] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def read(self) -> int:
        return self.stored + self.unchanged


def report(message: str, stream: TextIO | None = None) -> None:
    print(f"fakta: {message}", file=stream or sys.stderr)


def describe(error: LoadError) -> str:
    where = f"{error.source}:{error.line}" if error.line else error.source
    return f"{where}: {error.message}"


def articles_only(items: Iterable[Article | LoadError], failures: list[str], stream: TextIO | None) -> Iterator[Article]:
    """Pass articles on; report and record load errors as they come."""
    for item in items:
        if isinstance(item, LoadError):
            failures.append(describe(item))
            report(f"skipped {describe(item)}", stream)
        else:
            yield item


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    paths: Sequence[str],
    db_path: str | Path,
    *,
    batch_size: int = 256,
    force: bool = False,
    progress: bool = True,
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
) -> RunSummary:
    """Extract every article under `paths` into the database at `db_path`."""
    began = time.perf_counter()
    summary = RunSummary(db_path=str(db_path))
    engine = Engine()
    try:
        db = open_db(db_path)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise RunError(f"cannot open database {db_path}: {exc}") from exc
    articles = articles_only(iter_articles(paths, stdin=stdin), summary.failures, stderr)
    bar = tqdm(unit=" articles", file=stderr or sys.stderr, disable=None if progress else True)
    try:
        for batch in batched(articles, batch_size):
            extracted = _extract_batch(engine, db, batch, force, summary, stderr)
            write_batch(db, extracted, engine.version)
            summary.stored += len(extracted)
            for item in extracted:
                summary.facts.update(f.kind for f in item.facts)
            bar.update(len(batch))
    finally:
        bar.close()
        db.close()
    summary.seconds = time.perf_counter() - began
    return summary


def _extract_batch(engine, db, batch, force, summary, stderr) -> list[Extracted]:
    unique = {article_id(a.key): a for a in batch}  # a repeated article counts once (the last)
    known = {} if force else stored_versions(db, unique)
    out = []
    for aid, article in unique.items():
        text = clean_text(article.text)
        if not text:
            message = f"{article.source}: no article text left after cleaning"
            summary.failures.append(message)
            report(f"skipped {message}", stderr)
            continue
        if known.get(aid) == (content_hash(text), engine.version):
            summary.unchanged += 1
            continue
        try:
            out.append(engine.extract_clean(article, text))
        except Exception as exc:  # an extractor bug must not cost the rest of the run
            message = f"{article.source}: internal error during extraction: {type(exc).__name__}: {exc}"
            summary.failures.append(message)
            report(message, stderr)
    return out
