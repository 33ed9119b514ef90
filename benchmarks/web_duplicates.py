"""Cost of near-duplicate linking (pipeline.duplicates) per stored article, one core.

Builds N articles (default 3,000) of paragraphs drawn at random from all the bundled
corpus's paragraphs, about as long as the corpus's articles (mean 2,055 characters), numbers redrawn as throughput.py does and a random name put into every
sentence (the corpus is small: unchanged, its sentences would recur in hundreds of the
articles, which distinct news articles do not do); every 10th article is a copy of an earlier one with its first
paragraph rewritten, as a press release carried by another outlet. Cleans them and stores
them with write_batch in batches of 256 into a fresh database, as the runner does, twice:
with near-duplicate linking and without; the difference in CPU time is linking's cost.
Prints ms per article and the links found.

    python benchmarks/web_duplicates.py [--articles 3000]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import corpus_texts, vary  # noqa: E402  (benchmarks/throughput.py)

from pipeline.cleaning import clean_text  # noqa: E402
from pipeline.extract import Extracted, article_id, content_hash  # noqa: E402
from pipeline.models import Article  # noqa: E402
from pipeline import storage  # noqa: E402
from pipeline.duplicates import link_near_duplicates  # noqa: E402
from pipeline.storage import open_db, write_batch  # noqa: E402


SENTENCE_END = re.compile(r"\.(?=\s+[A-Z\"]|[ \t]*$)", re.M)
NAMES = ["Siregar", "Nasution", "Harahap", "Lubis", "Wibowo", "Santoso", "Pratama", "Hidayat", "Saragih", "Putri"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rng = random.Random(7)
    paragraphs = [p for text in corpus_texts() for p in text.split("\n\n") if len(p) > 80]
    bodies: list[str] = []
    for n in range(args.articles):
        if n % 10 == 9:
            copied = bodies[rng.randrange(len(bodies))].split("\n\n")
            bodies.append("\n\n".join(["JAKARTA - Siaran pers yang dimuat ulang oleh media lain.", *copied[1:]]))
        else:
            chosen: list[str] = []
            while sum(map(len, chosen)) < 2000:
                chosen.append(rng.choice(paragraphs))
            text = vary("\n\n".join(chosen), rng)
            bodies.append(SENTENCE_END.sub(lambda m: f" kata {rng.choice(NAMES)}{rng.randrange(10**6)}.", text))
    items = []
    for n, body in enumerate(bodies):
        text = clean_text(body)
        article = Article(source=f"bench/{n}", key=f"bench/{n}", text=body)
        items.append(Extracted(article, article_id(article.key), text, content_hash(text), [], []))
    with_links, links = _store(items)
    without_links, _ = _store(items, link=lambda db, batch: 0)
    spent = with_links - without_links
    mean = sum(len(e.clean_text) for e in items) / len(items)
    print(f"articles: {len(items)} (mean {mean:,.0f} characters), links made: {links} (every 10th article is a copy: {len(items) // 10})")
    print(f"near-duplicate linking: {spent / len(items) * 1000:.3f} ms per article ({len(items) / spent:,.0f} articles/s)")


def _store(items: list[Extracted], link=None) -> tuple[float, int]:
    """CPU seconds write_batch takes over all items into a fresh database; links made."""
    if link is not None:
        storage.link_near_duplicates = link
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_db(Path(tmp) / "bench.db")
            began = time.process_time()
            for start in range(0, len(items), 256):
                write_batch(db, items[start:start + 256], "bench")
            spent = time.process_time() - began
            links = db.execute("SELECT count(*) FROM article_duplicates").fetchone()[0]
            db.close()
    finally:
        storage.link_near_duplicates = link_near_duplicates
    return spent, links


if __name__ == "__main__":
    main()
