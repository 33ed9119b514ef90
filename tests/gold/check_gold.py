"""Sanity check for a held-out gold set: evidence strings occur verbatim in the article,
regions are canonical names in /work/shared/data/regions/wilayah.csv, ids match files (.txt, .html pages, or lines of a .jsonl export, `text` or `html`: <name>_L<n>).
Run: python3 tests/gold/check_gold.py tests/gold/heldout4"""
import csv, datetime, html, json, os, re, sys
D = os.path.abspath(sys.argv[1])
W = os.environ.get("WILAYAH", "/work/shared/data/regions/wilayah.csv")
names = {r["name"] for r in csv.DictReader(open(W)) if r["level"] in ("province", "regency_or_city")}
bad = 0
files = {os.path.splitext(f)[0]: f for f in os.listdir(os.path.join(D, "articles")) if f.endswith((".txt", ".html"))}
texts = {}  # stem -> text of each line of a .jsonl export: <name>_L<n>, n from 1
for f in os.listdir(os.path.join(D, "articles")):
    if f.endswith(".jsonl"):
        for n, line in enumerate(open(os.path.join(D, "articles", f), encoding="utf-8"), 1):
            if line.strip():
                record = json.loads(line)  # a line's article: its text, else its page HTML (entities decoded)
                texts[f"{f[:-6]}_L{n}"] = record["text"] if "text" in record else html.unescape(record["html"])
arts = sorted([*files, *texts])
golds = sorted(f[:-5] for f in os.listdir(D) if f.endswith(".json"))
if arts != golds:
    print("article/gold mismatch", set(arts) ^ set(golds)); bad += 1
for stem in golds:
    g = json.load(open(os.path.join(D, stem + ".json")))
    if stem in texts:
        text = texts[stem]
    else:
        raw = open(os.path.join(D, "articles", files.get(stem, stem + ".txt")), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # a page saved in its declared legacy charset
            text = raw.decode("cp1252")
    if files.get(stem, "").endswith(".html"):  # evidence is page text: entities decoded
        text = html.unescape(text)
    if g["id"] != stem: print(stem, "id mismatch"); bad += 1
    for k in ("worker_counts", "other_counts", "amounts", "regulations"):
        for e in g.get(k, []):
            if e["evidence"] not in text:
                print(stem, k, "evidence not found:", repr(e["evidence"])); bad += 1
    for r in g["regions"] + g.get("regions_ignore", []):
        if r not in names: print(stem, "region not canonical:", r); bad += 1
    for o in g["officials"]:
        if o["region"] and o["region"] not in names: print(stem, "official region:", o["region"]); bad += 1
        if o["name"].split()[0] not in text: print(stem, "official name not in text:", o["name"]); bad += 1
    for b in g.get("bylines", []):
        if b not in text: print(stem, "byline not in text:", b); bad += 1
    for d in g.get("dates", []) + ([{"value": g["published"]}] if g["published"] else []):
        datetime.date.fromisoformat(d["value"])
    words = len(text.split())
    print(f"{stem}: {words} words, {len(g['officials'])} officials, {len(g['regions'])} regions, "
          f"{len(g['worker_counts'])} workers, {len(g['amounts'])} amounts, {len(g['regulations'])} regs")
print("OK" if not bad else f"{bad} problems"); sys.exit(1 if bad else 0)
