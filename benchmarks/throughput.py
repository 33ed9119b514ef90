"""Throughput of `fakta run`: text files -> SQLite, pinned to one core.

Builds N articles (default 3,000) from the bundled corpus, shuffling the body
paragraphs and redrawing the digits of every grouped or decimal number (counts,
amounts: "31.570", "365,86") so that no two files are the same text; plain
integers (days, years) stay, so dates repeat as they do across real news, and
dateparser's per-date cache works as it would there. Writes them as .txt files
to a temporary directory (removed afterwards, unless --keep), then times
pipeline.runner.run on them into a fresh database. Prints articles/s and
facts/s with the machine it ran on, and the rate without the one-time engine
build (timed separately), which a long run approaches.

    python benchmarks/throughput.py [--articles 3000] [--workers 1] [--keep DIR]

With --workers N the run uses N extraction processes (no core pinning).
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import Engine  # noqa: E402
from pipeline.loading import iter_articles  # noqa: E402
from pipeline.runner import run  # noqa: E402

GROUPED_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")


def corpus_texts() -> list[str]:
    return [a.text for a in iter_articles([str(ROOT / "corpus")]) if hasattr(a, "text")]


def vary(text: str, rng: random.Random) -> str:
    """Same shape, different text: shuffle body paragraphs, redraw grouped numbers' digits (not the first)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    out = "\n\n".join(head + body)
    redraw = lambda m: m.group(0)[0] + re.sub(r"\d", lambda _: str(rng.randrange(10)), m.group(0)[1:])
    return GROUPED_NUMBER.sub(redraw, out)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=1, help="extraction processes (1 = pinned to one core)")
    ap.add_argument("--keep", help="write the articles and database here instead of a temp dir")
    args = ap.parse_args()
    if args.workers == 1 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    texts = corpus_texts()
    rng = random.Random(20261121)
    work = Path(args.keep or tempfile.mkdtemp(prefix="fakta-bench-"))
    src = work / "articles"
    src.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(args.articles):
        text = vary(texts[i % len(texts)], rng)
        chars += len(text)
        (src / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    db = work / "bench.db"
    if db.exists():
        db.unlink()

    build_began = time.perf_counter()
    Engine()  # timed alone, to tell the rate a long run approaches (the run builds its own)
    build = time.perf_counter() - build_began

    began, cpu_began = time.perf_counter(), time.process_time()
    summary = run([str(src)], db, progress=False, workers=args.workers)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    facts = sum(summary.facts.values())
    cores = "1 core pinned" if args.workers == 1 else f"{args.workers} workers on {os.cpu_count()} cores"
    print(f"machine: {cpu_model()}, {cores}, Python {platform.python_version()}, {platform.system()}")
    print(f"corpus: {args.articles} articles varied from the {len(texts)} bundled corpus articles, mean {chars // args.articles} chars")
    print(f"run: {seconds:.2f} s (engine build included), {summary.stored} articles stored, {len(summary.failures)} failures")
    print(f"throughput: {summary.stored / seconds:.0f} articles/s, {facts / seconds:.0f} facts/s ({facts} facts)")
    if args.workers == 1 and seconds > build:
        print(f"without the engine build ({build:.2f} s, paid once per process): "
              f"{summary.stored / (seconds - build):.0f} articles/s")
    if args.workers == 1:  # CPU time is the fairer figure on a shared machine
        print(f"per CPU-second of this process: {summary.stored / cpu:.0f} articles, {facts / cpu:.0f} facts")
    print(f"database: {db.stat().st_size / 1e6:.1f} MB" + (f" at {db}" if args.keep else " (temporary, removed)"))
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
