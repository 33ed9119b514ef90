"""Main-text quality against trafilatura, publication dates, and pages/s from stored HTML to facts.

    python3 benchmarks/extraction_quality.py            # needs the bench extra: pip install -e '.[bench]'
    python3 benchmarks/extraction_quality.py --repeat 50
    python3 benchmarks/extraction_quality.py --sites tests/fixtures/sites_heldout   # pages nobody tuned on

Pages: tests/fixtures/sites (outlet layouts, with gold text) and tests/fixtures/html.
Text metric: the ScrapingHub article-extraction-benchmark one (github.com/scrapinghub/
article-extraction-benchmark, evaluate.py): token 4-gram shingles of extracted and gold
text; per page TP/FP/FN normalised to sum 1; precision averaged over pages that predicted
something, recall over pages with gold text; F1 = harmonic mean of the two averages.
Dates: our `published` and htmldate's (trafilatura's date finder) against the gold;
"wrong" = a date that differs from the gold (or any date where the gold has none).
Speed: read_page + clean_text + Engine.extract per page, on one pinned core.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import clean_text
from pipeline.html import read_page
from pipeline.models import Article

SITES = ROOT / "tests" / "fixtures" / "sites"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp, fn = sum((p - g).values()), sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def ratio(a: float, b: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if a == b == 0 else a / (a + b)
    precision = statistics.mean(ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def fixtures(sites: Path = SITES) -> list[tuple[str, str, dict]]:
    out = []
    for path in sorted(sites.glob("*.json")):
        out.append((path.stem, (sites / f"{path.stem}.html").read_text(encoding="utf-8"), json.loads(path.read_text())))
    return out


def trafilatura_text(html: str, url: str) -> str:
    import trafilatura
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def htmldate_date(html: str, url: str) -> str | None:
    from htmldate import find_date
    return find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")


def quality(pages: list[tuple[str, str, dict]]) -> None:
    rows = {"fakta": [], "trafilatura": [], "trafilatura + fakta cleaning": []}
    print(f"{'page':<28} {'fakta F1':>9} {'trafilatura F1':>15}")
    for name, html, want in pages:
        gold = "\n\n".join(want["text"])
        ours = clean_text(read_page(html, want["fetched_url"]).text)
        theirs = trafilatura_text(html, want["fetched_url"])
        for key, text in (("fakta", ours), ("trafilatura", theirs), ("trafilatura + fakta cleaning", clean_text(theirs))):
            rows[key].append(tp_fp_fn(gold, text))
        print(f"{name:<28} {scores([rows['fakta'][-1]])['f1']:>9.3f} {scores([rows['trafilatura'][-1]])['f1']:>15.3f}")
    print(f"\nmain text, {len(pages)} pages (ScrapingHub 4-gram metric):")
    for key, counts in rows.items():
        s = scores(counts)
        print(f"  {key:<30} precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}")


def dates(pages: list[tuple[str, str, dict]]) -> None:
    tally = {"fakta": Counter(), "htmldate": Counter()}
    for name, html, want in pages:
        gold = want["published"]
        ours = read_page(html, want["fetched_url"]).published
        found = {"fakta": ours, "htmldate": htmldate_date(html, want["fetched_url"])}
        for key, value in found.items():
            exact = value == gold if key == "fakta" else (value == (gold or "")[:10] or value is gold)
            day_only = key == "fakta" and value is not None and len(value) == 10 and value == (gold or "")[:10]
            verdict = "right" if exact else "day only" if day_only else "missing" if value is None else "wrong"
            tally[key][verdict] += 1
            if verdict != "right":
                print(f"  {key}: {name}: {verdict} ({value!r}, gold {gold!r})")
    print(f"\npublication dates, {len(pages)} pages (fakta: date, time and offset must match, or a right day"
          " without a time it could not confirm; htmldate: the day):")
    for key, t in tally.items():
        print(f"  {key:<9} right {t['right']}  day only {t['day only']}  missing {t['missing']}  wrong {t['wrong']}")


def speed(pages: list[tuple[str, str, dict]], repeat: int) -> None:
    from pipeline.extract import Engine
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    engine = Engine()
    htmls = [(html, want["fetched_url"]) for _, html, want in pages]
    htmls += [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))]
    for html, url in htmls:  # warm up
        engine.extract(Article(source="warm", key="warm", text=read_page(html, url).text or "-"))
    parse = total = 0.0
    facts = 0
    for _ in range(repeat):
        for html, url in htmls:
            start = time.process_time()
            page = read_page(html, url)
            parse += time.process_time() - start
            article = Article(source=url or "page", key=url or "page", text=page.text, url=page.url, title=page.title,
                              published=page.published, outlet=page.outlet, author=page.author)
            facts += len(engine.extract(article).facts)
            total += time.process_time() - start
    n = repeat * len(htmls)
    size = statistics.mean(len(h) for h, _ in htmls) / 1024
    print(f"\nspeed, one core, {len(htmls)} pages (mean {size:.1f} KB) x {repeat}:")
    print(f"  read_page {parse / n * 1000:.2f} ms/page; stored HTML -> facts {n / total:.0f} pages/s ({facts / n:.1f} facts/page)")
    heavy = [(_with_page_weight(h), u) for h, u in htmls]
    start = time.process_time()
    for _ in range(max(1, repeat // 4)):
        for html, url in heavy:
            read_page(html, url)
    per_page = (time.process_time() - start) / (max(1, repeat // 4) * len(heavy))
    print(f"  read_page on the same pages grown to news-site weight (mean {statistics.mean(len(h) for h, _ in heavy) / 1024:.0f} KB:"
          f" 400 teaser links with dates, 150 KB of inline script): {per_page * 1000:.2f} ms/page")
    start = time.process_time()
    for html, url in htmls:
        trafilatura_text(html, url or "")
    print(f"  (trafilatura.extract alone: {(time.process_time() - start) / len(htmls) * 1000:.2f} ms/page)")


def _with_page_weight(html: str) -> str:
    """The page with the bulk real news pages carry: long teaser lists and inline scripts."""
    teasers = "".join(f'<li><a href="/read/2024/01/{i}/berita-{i}">Berita nomor {i} dari daerah</a>'
                      f'<span class="date">{i % 28 + 1} Januari 2024</span></li>' for i in range(400))
    script = "<script>var feed=[" + ",".join(['"' + "x" * 1000 + '"'] * 150) + "];</script>"
    return html.replace("</body>", f"<div class='indeks'><ul>{teasers}</ul></div>{script}</body>", 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the pages for the speed figure")
    parser.add_argument("--sites", type=Path, default=SITES, help=f"folder of <name>.html + <name>.json pages (default: {SITES.relative_to(ROOT)})")
    args = parser.parse_args()
    pages = fixtures(args.sites)
    quality(pages)
    dates(pages)
    speed(pages, args.repeat)


if __name__ == "__main__":
    main()
