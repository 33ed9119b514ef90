"""fakta's rule data files and their rows with line numbers (for `fakta explain` and `fakta rules`).

Rule files are the CSV, word-list (.txt) and JSONL files beside the extractors
(extractors/<kind>/) and in pipeline/data/, except the examples.jsonl test sentences
and licence texts. '#' lines and blank lines are comments, as extractors.common reads them.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
RULE_DIRS = (ROOT / "extractors", ROOT / "pipeline" / "data")
SUFFIXES = (".csv", ".txt", ".jsonl")
NOT_RULES = ("examples.jsonl",)


@dataclass(frozen=True, slots=True)
class Row:
    path: Path
    line: int  # 1-based line number in the file
    fields: dict[str, str]  # column -> value (a word list's line is {"entry": ...})

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    def describe(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.fields.items() if v)


def rule_files() -> list[Path]:
    """Every rule data file, sorted."""
    files = []
    for top in RULE_DIRS:
        for path in top.rglob("*"):
            if path.suffix in SUFFIXES and path.name not in NOT_RULES and not path.name.startswith("LICENSE"):
                files.append(path)
    return sorted(files)


def _content_lines(path: Path) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line


def rows(path: Path) -> Iterator[Row]:
    """The rows of one rule file, each with its line number."""
    lines = _content_lines(path)
    if path.suffix == ".txt":
        for n, line in lines:
            yield Row(path, n, {"entry": line.strip()})
    elif path.suffix == ".jsonl":
        for n, line in lines:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            yield Row(path, n, {k: _flat(v) for k, v in obj.items()})
    else:
        header = None
        for n, line in lines:
            cells = [c.strip() for c in next(csv.reader([line]))]
            if header is None:
                header = cells
                continue
            yield Row(path, n, dict(zip(header, cells)))


def _flat(value) -> str:
    """A JSONL value as text; a spaCy token pattern [{"LOWER": "rp."}] becomes its words."""
    if isinstance(value, list) and all(isinstance(t, dict) for t in value):
        return " ".join(str(next(iter(t.values()), "")) for t in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


RULE_ID = re.compile(r"^(?:official|region|office_area|worker|amount|regulation|date)\.[a-z_]+$")


def rule_ids_in_data() -> dict[str, str]:
    """Rule ids named in rule files (a `rule` column or key) -> where first seen."""
    found: dict[str, str] = {}
    for path in rule_files():
        for row in rows(path):
            rule = row.fields.get("rule", "")
            if RULE_ID.match(rule):
                found.setdefault(rule, row.where)
    return found


def has_header(path: Path) -> bool:
    """Whether the file opens with '#' comment lines (the explanation of its columns)."""
    first = path.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()[:1]
    return bool(first) and first[0].startswith("#")
