"""The rule data files beside the extractors: each row is there once, so a maintainer who
adds a row finds an earlier copy instead of a second one that hides it."""
from __future__ import annotations

from collections import Counter

import pytest

from .paths import ROOT

DATA_FILES = sorted(p for p in (ROOT / "extractors").rglob("*") if p.suffix in (".csv", ".txt")
                    and not p.name.startswith("LICENSE"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT / "extractors")))
def test_no_rule_file_lists_a_row_twice(path):
    rows = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    repeated = [row for row, count in Counter(rows).items() if count > 1]
    assert not repeated, f"{path.name} lists these rows more than once: {repeated}"


def test_the_data_files_are_found():
    assert {"words.csv", "nouns.csv", "regions.csv", "cues.csv"} <= {p.name for p in DATA_FILES}
