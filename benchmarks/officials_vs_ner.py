"""Officials' name precision on text nobody tuned on: every official found in the sentences of
the two NER sets (../shared/data/ner, general Indonesian news) should name a PERSON span of
their annotation. Prints the names that do not, and the count.

    python3 benchmarks/officials_vs_ner.py [--ner DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import Engine  # noqa: E402
from pipeline.models import Article  # noqa: E402

PERSON_TAGS = {"PER", "PERSON"}


def sentences(ner_dir: Path):
    """(tokens, BIO tags) per sentence of every *.txt file (token first, tag last on a line)."""
    for path in sorted(ner_dir.glob("*/*.txt")):
        tokens, tags = [], []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            parts = re.split(r"[\t ]", line.strip())
            tokens.append(parts[0])
            tags.append(parts[-1])
        if tokens:
            yield tokens, tags


def detokenize(tokens: list[str]) -> str:
    text = re.sub(r" ([,.;:!?)\]])", r"\1", " ".join(tokens))
    return re.sub(r"([(\[]) ", r"\1", text)


def persons(tokens: list[str], tags: list[str]) -> list[str]:
    spans, current = [], []
    for token, tag in zip(tokens, tags):
        if tag[2:] in PERSON_TAGS and (tag.startswith("B-") or (tag.startswith("I-") and current)):
            if tag.startswith("B-") and current:
                spans.append(" ".join(current))
                current = []
            current.append(token)
        elif current:
            spans.append(" ".join(current))
            current = []
    if current:
        spans.append(" ".join(current))
    return spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ner", default=str(ROOT.parent / "shared" / "data" / "ner"))
    args = ap.parse_args()
    engine = Engine()
    named = unnamed = sentence_count = 0
    for tokens, tags in sentences(Path(args.ner)):
        sentence_count += 1
        people = persons(tokens, tags)
        extracted = engine.extract(Article(source="ner", key="ner", text="Berita\n\n" + detokenize(tokens)))
        for fact in extracted.facts:
            if fact.kind != "official":
                continue
            words = set(fact.name.split())
            if any(fact.name in p or p in fact.name or words & set(p.split()) for p in people):
                named += 1
            else:
                unnamed += 1
                print(f"not a PERSON span: {fact.name!r}  ({fact.text})")
    total = named + unnamed
    print(f"{sentence_count} sentences; {total} officials, {named} name a PERSON span "
          f"({named / total:.3f})" if total else f"{sentence_count} sentences; no officials")


if __name__ == "__main__":
    main()
