"""docs/RULES.md's worked examples, run as written: each added row must make its text yield
its fact (or, for "drops", stop yielding it), and the text must not do so without the row.

Each example is a fenced block tagged `fakta-example` in RULES.md:
  add <file>: <row>       a line appended to a data file (one or more)
  text: <paragraph>       the article text (several lines = several paragraphs)
  yields: {json}          fields of a fact the text gives once the row is added
  drops: {json}           fields of a fact the text gives now and no longer gives with the row
The "with the row" run copies pipeline/ and extractors/ to a temporary directory, appends the
rows there and runs a fresh Engine from that copy in a subprocess (what `fakta extract` does).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from pipeline.models import Article

from .paths import ROOT

RULES_MD = ROOT / "docs" / "RULES.md"
BLOCK = re.compile(r"^### (?P<title>.+?)$(?:(?!^### ).)*?^```fakta-example\n(?P<body>.*?)^```", re.M | re.S)
TOPICS = ("position title", "region alias", "office area", "counts workers", "never", "regulation", "furniture")


@dataclass
class Example:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    yields: dict | None = None
    drops: dict | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def parse_examples(markdown: str) -> list[Example]:
    examples = []
    for m in BLOCK.finditer(markdown):
        ex = Example(m["title"].strip())
        for line in m["body"].splitlines():
            if not line.strip():
                continue
            key, _, value = line.partition(":")
            if key.startswith("add "):
                ex.rows.append((key[4:].strip(), value.strip()))
            elif key == "text":
                ex.paragraphs.append(value.strip())
            elif key in ("yields", "drops"):
                setattr(ex, key, json.loads(value))
            else:
                raise ValueError(f"{ex.title}: unknown line {line!r}")
        assert ex.rows and ex.paragraphs and (ex.yields is None) != (ex.drops is None), ex.title
        examples.append(ex)
    return examples


# The copy's engine on stdin, facts as JSON lines (sys.path[0] is the copy: cwd and PYTHONPATH).
EXTRACT_STDIN = """
import sys
from pipeline.extract import Engine
from pipeline.models import Article
article = Article(source="-", key="rules-doc", text=sys.stdin.read())
for fact in Engine().extract(article).facts:
    print(fact.model_dump_json())
"""

EXAMPLES = parse_examples(RULES_MD.read_text(encoding="utf-8"))


def matches(record: dict, wanted: dict) -> bool:
    return all(record.get(k) == v for k, v in wanted.items())


def facts_now(engine, text: str) -> list[dict]:
    article = Article(source="-", key=f"rules-doc:{hash(text)}", text=text)
    return [f.model_dump(mode="json") for f in engine.extract(article).facts]


def facts_with_rows(tmp_path, example: Example) -> list[dict]:
    for package in ("pipeline", "extractors"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, row in example.rows:
        path = tmp_path / rel
        assert path.is_file(), f"{example.title}: no data file {rel}"
        text = path.read_text(encoding="utf-8")
        path.write_text(text + ("" if text.endswith("\n") else "\n") + row + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", EXTRACT_STDIN], input=example.text, capture_output=True, text=True,
        cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_every_topic_has_a_worked_example():
    titles = " | ".join(ex.title.lower() for ex in EXAMPLES)
    assert all(topic in titles for topic in TOPICS), titles


@pytest.mark.parametrize("example", EXAMPLES, ids=[ex.title for ex in EXAMPLES])
def test_worked_example(example, engine, tmp_path):
    wanted = example.yields or example.drops
    before = [f for f in facts_now(engine, example.text) if matches(f, wanted)]
    after = [f for f in facts_with_rows(tmp_path, example) if matches(f, wanted)]
    if example.yields:
        assert not before, f"the fact comes without the row (already in the data?): {before}"
        assert after, f"the documented row does not yield {wanted}"
        for fact in after:
            assert example.text[fact["start"]:fact["end"]] == fact["text"]
    else:
        assert before, f"the text does not yield {wanted} to begin with"
        assert not after, f"the documented row does not remove {after}"


def test_every_rule_file_opens_with_a_header_explaining_it():
    from pipeline.rule_files import has_header, rule_files

    files = rule_files()
    assert len(files) > 30
    assert [str(p.relative_to(ROOT)) for p in files if not has_header(p)] == []
