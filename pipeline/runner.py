"""Streaming runs: inputs -> clean -> extract -> SQLite, in batches, with a summary."""
from __future__ import annotations

import gc
import multiprocessing
import sqlite3
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TextIO

from tqdm import tqdm

from .cleaning import clean_text
from .extract import Engine, Extracted, article_id, content_hash, engine_version
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


def articles_only(items: Iterable[Article | LoadError], failures: list[str], stream: TextIO | None) -> Iterator[Article]:
    """Pass articles on; report and record load errors as they come."""
    for item in items:
        if isinstance(item, LoadError):
            failures.append(str(item))
            report(f"skipped {item}", stream)
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


# Articles one engine extracts before a fresh one replaces it: spaCy's vocabulary keeps every
# new word it meets (numbers, names), so one engine over millions of articles would grow
# without bound. A fresh engine costs ~0.5 s, 10 µs an article at this lifetime.
ENGINE_LIFETIME = 50_000
WORKER_TASK_ARTICLES = 32  # about the articles of one pool task at the default batch size


class ExtractionPool:
    """Extraction of (article, clean text) pairs, in this process or over a pool of processes.

    Either way each pair is extracted by Engine.extract_clean, a pure function of the pair;
    a failure is returned as a message instead of stopping the run. Engines (and worker
    processes) are replaced after ENGINE_LIFETIME articles, which changes no fact.
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self.version = engine_version()
        self.engine = long_lived_engine() if workers <= 1 else None  # the workers build their own
        self.engine_uses = 0
        self.pool = None
        if workers > 1:
            tasks = max(1, ENGINE_LIFETIME // WORKER_TASK_ARTICLES)
            self.pool = multiprocessing.get_context("spawn").Pool(workers, _start_worker, maxtasksperchild=tasks)

    def submit(self, pairs: list[tuple[Article, str]]) -> Callable[[], list[Extracted | str]]:
        """Start extracting; the returned function waits for the results. Over a pool, the
        caller stores one batch while the workers extract the next."""
        if self.pool is None:
            if self.engine_uses >= ENGINE_LIFETIME:
                self.engine = None  # collectable before the next one is built
                self.engine, self.engine_uses = long_lived_engine(), 0
            self.engine_uses += len(pairs)
            results = [extract_or_report(self.engine, pair) for pair in pairs]
            return lambda: results
        chunk = max(1, len(pairs) // (4 * self.workers))
        return self.pool.map_async(_extract_in_worker, pairs, chunksize=chunk).get

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()


def long_lived_engine() -> Engine:
    """A new engine, kept out of the cyclic garbage collector's scans (gc.freeze): its objects
    and the loaded modules' (~120,000) live as long as the run, and each full collection would
    otherwise walk them all (~50 ms, several times a run). An earlier freeze is undone first,
    so that a replaced engine can be collected."""
    gc.unfreeze()
    gc.collect()
    engine = Engine()
    gc.freeze()
    return engine


# The cyclic collector's thresholds during a run. An article's extraction allocates thousands
# of container objects that reference counting frees at once; at Python's default (a young
# collection every 700 net allocations, ~700 per 3,000 articles) the collector's scans cost
# ~7% of a run. Cycles left over still go, a few times per run.
RUN_GC_THRESHOLDS = (50_000, 20, 20)


@contextmanager
def run_collector():
    """Collect cyclic garbage at RUN_GC_THRESHOLDS while the block runs, then as before."""
    before = gc.get_threshold()
    gc.set_threshold(*RUN_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


_worker_engine: Engine | None = None  # one per worker process, built once, read-only after


def _start_worker() -> None:
    global _worker_engine
    gc.set_threshold(*RUN_GC_THRESHOLDS)  # the worker process lives only for the run
    _worker_engine = long_lived_engine()


def _extract_in_worker(pair: tuple[Article, str]) -> Extracted | str:
    return extract_or_report(_worker_engine, pair)


def extract_or_report(engine: Engine, pair: tuple[Article, str]) -> Extracted | str:
    """The extraction of (article, clean text), or a one-line message if an extractor failed."""
    article, text = pair
    try:
        return engine.extract_clean(article, text)
    except Exception as exc:  # an extractor bug must not cost the rest of the run
        return f"{article.source}: internal error during extraction: {type(exc).__name__}: {exc}"


def run(
    paths: Sequence[str],
    db_path: str | Path,
    *,
    batch_size: int = 256,
    force: bool = False,
    progress: bool = True,
    workers: int = 1,
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
) -> RunSummary:
    """Extract every article under `paths` into the database at `db_path`."""
    return run_items(
        iter_articles(paths, stdin=stdin), db_path,
        batch_size=batch_size, force=force, progress=progress, workers=workers, stderr=stderr,
    )


@run_collector()
def run_items(
    items: Iterable[Article | LoadError],
    db_path: str | Path,
    *,
    batch_size: int = 256,
    force: bool = False,
    progress: bool = True,
    workers: int = 1,
    stderr: TextIO | None = None,
) -> RunSummary:
    """Extract a stream of articles (load errors are reported and counted) into the database."""
    began = time.perf_counter()
    summary = RunSummary(db_path=str(db_path))
    try:
        db = open_db(db_path)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise RunError(f"cannot open database {db_path}: {exc}") from exc
    extractor = ExtractionPool(workers)
    version = extractor.version
    articles = articles_only(items, summary.failures, stderr)
    bar = tqdm(unit=" articles", file=stderr or sys.stderr, disable=None if progress else True)
    pending = None  # the batch being extracted while the one before it is stored
    try:
        for batch in batched(articles, batch_size):
            job = (len(batch), extractor.submit(_to_extract(db, batch, version, force, summary, stderr)))
            if pending is not None:
                _store(db, *pending, version, summary, stderr, bar)
            pending = job
        if pending is not None:
            _store(db, *pending, version, summary, stderr, bar)
    except sqlite3.OperationalError as exc:  # locked by another writer, read-only, disk full
        raise RunError(f"cannot write to database {db_path}: {exc}. Every batch committed before "
                       f"this is kept ({summary.stored} articles of this run); run again to carry on") from exc
    finally:
        bar.close()
        extractor.close()
        db.close()
    summary.seconds = time.perf_counter() - began
    return summary


def _store(db, read: int, results: Callable[[], list], version, summary, stderr, bar) -> None:
    """Wait for a batch's extraction, report its failures, store the rest in one transaction."""
    extracted = []
    for result in results():
        if isinstance(result, str):
            summary.failures.append(result)
            report(result, stderr)
        else:
            extracted.append(result)
    write_batch(db, extracted, version)
    summary.stored += len(extracted)
    for item in extracted:
        summary.facts.update(f.kind for f in item.facts)
    bar.update(read)


def _to_extract(db, batch, version, force, summary, stderr) -> list[tuple[Article, str]]:
    """(article, clean text) for the batch's articles that are new or changed."""
    unique = {article_id(a.key): a for a in batch}  # a repeated article counts once (the last)
    known = {} if force else stored_versions(db, unique)
    out = []
    for aid, article in unique.items():
        text = clean_text(article.text)
        if not text:
            message = f"{article.source}: no article text left after cleaning"
            summary.failures.append(message)
            report(f"skipped {message}", stderr)
        elif known.get(aid) == (content_hash(text), version):
            summary.unchanged += 1
        else:
            out.append((article, text))
    return out
