"""Where the time goes: CPU milliseconds per article for each stage of `fakta run`.

Runs the stages of pipeline.runner one after another over a directory of .txt
articles (e.g. the one `throughput.py --keep DIR` writes), measuring process CPU
time, so the figures hold on a busy machine too:

    python benchmarks/throughput.py --articles 3000 --keep /tmp/fakta-bench
    python benchmarks/stages.py /tmp/fakta-bench/articles
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractors  # noqa: E402
from pipeline.cleaning import clean_text  # noqa: E402
from pipeline.runner import long_lived_engine, run_collector  # noqa: E402
from pipeline.loading import iter_articles  # noqa: E402
from pipeline.storage import open_db, write_batch  # noqa: E402


@run_collector()  # as a run collects garbage
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", help="directory of .txt articles")
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()
    engine = long_lived_engine()
    cost: Counter = Counter()
    clock = time.process_time

    t = clock()
    articles = [a for a in iter_articles([args.articles]) if hasattr(a, "text")]
    cost["load"] += clock() - t
    t = clock()
    texts = [clean_text(a.text) for a in articles]
    cost["clean"] += clock() - t
    docs = []
    t = clock()
    for text in texts:
        docs.append(engine.nlp(text))
    cost["tokenize"] += clock() - t
    names = extractors.ORDER
    extracted = []
    for article, text, doc in zip(articles, texts, docs):
        context, found = engine.context(article, text), {}
        for name, extractor in zip(names, engine.extractors):
            t = clock()
            for hit in extractor(doc, context, found):
                found.setdefault(hit.kind, []).append(hit)
            cost[f"extract.{name}"] += clock() - t
        t = clock()
        extracted.append(engine.records(article, text, found))
        cost["fact records"] += clock() - t
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "stages.db")
        t = clock()
        for i in range(0, len(extracted), args.batch_size):
            write_batch(db, extracted[i:i + args.batch_size], engine.version)
        cost["store"] += clock() - t
        db.close()
    n = len(articles)
    total = sum(cost.values())
    print(f"{n} articles; CPU ms per article by stage (first pass: the vocabulary starts empty):")
    for stage, seconds in cost.items():
        print(f"  {stage:45} {1000 * seconds / n:6.3f}")
    print(f"  {'total':45} {1000 * total / n:6.3f}  (~{n / total:.0f} articles/s per core)")


if __name__ == "__main__":
    main()
