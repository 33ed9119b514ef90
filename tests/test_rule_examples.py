"""Every extractor's examples.jsonl is run here: a rule without a passing example cannot land.

Line format (one JSON object per line, '#' lines are comments):
  {"text": "...", "kind": "amount", "expect": [{"value_idr": 365000000000}], "reject": [{"value_idr": 2024}]}
`expect`: each object must match (on the fields it names) some fact of `kind`;
an empty list means the text must yield no fact of that kind.
`reject`: no fact of `kind` may match any of these objects.
Optional `published` and `outlet`: the article's metadata, as a loader would give it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.common import read_jsonl

EXTRACTORS = Path(__file__).resolve().parent.parent / "extractors"


def _examples():
    for path in sorted(EXTRACTORS.glob("*/examples.jsonl")):
        for n, example in enumerate(read_jsonl(path), 1):
            yield pytest.param(example, id=f"{path.parent.name}:{n}")


def _matches(fact, wanted: dict) -> bool:
    """Compare on the JSON form, so that dates and lists are written as in the JSONL."""
    record = fact.model_dump(mode="json")
    return all(record.get(key) == value for key, value in wanted.items())


@pytest.mark.parametrize("example", list(_examples()))
def test_rule_example(example, extract):
    facts = extract(example["text"], example["kind"], published=example.get("published"), outlet=example.get("outlet"))
    expect = example.get("expect")
    if expect == []:
        assert facts == [], f"expected no {example['kind']} facts, got {facts}"
    for wanted in expect or []:
        assert any(_matches(f, wanted) for f in facts), f"missing {wanted}; got {[f.model_dump(exclude={'sentence'}) for f in facts]}"
    for unwanted in example.get("reject", []):
        bad = [f for f in facts if _matches(f, unwanted)]
        assert not bad, f"rejected fact produced: {bad}"
    for fact in facts:  # every fact points back to its exact characters
        assert fact.text and fact.start < fact.end
