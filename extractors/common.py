"""What every extractor shares: the Hit it returns and readers for its data files.

Rule files live beside each extractor (extractors/<kind>/). CSV files may open
with '#' comment lines that explain the columns; blank lines are ignored.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Protocol, Sequence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BULLETS = frozenset({"-", "•", "*", "·"})  # marks that open the item lines of a list
BREADCRUMB = re.compile(r"^[^/>»›\d]{1,25}(?:\s[/>»›]\s[^/>»›\d]{1,25}){1,5}$")  # a site's navigation line,
# stripped: "Beranda / Berita / Komisi IX", "Waspada.id › Aceh › Nagan Raya"


@dataclass(slots=True)  # not frozen: a frozen dataclass costs 4x as much to make (~50 hits per article)
class Hit:
    """One extracted fact before the engine wraps it: kind, span, rule, kind-specific fields.
    Treat it as immutable (dataclasses.replace makes a changed copy)."""

    kind: str
    start: int  # character offsets into the clean text (doc.text)
    end: int
    rule: str
    confidence: float
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may know about the article besides its text."""

    published: str | None = None  # ISO date from metadata, if any
    title: str | None = None
    outlet: str | None = None
    text: str | None = None  # the doc's text, when the caller has it (doc.text rebuilds it from every token)


Found = Mapping[str, Sequence[Hit]]  # hits of the extractors that ran earlier, by kind


class Extractor(Protocol):
    """Built once per process from the shared nlp; then a pure function of one doc."""

    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]: ...


class ExtractorModule(Protocol):
    KINDS: tuple[str, ...]

    def build(self, nlp: Language) -> Extractor: ...


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV rule file, skipping '#' comment lines and blank lines."""
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(io.StringIO("\n".join(lines)))
    ]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Objects of a JSONL rule file (spaCy patterns, examples); '#' lines are comments."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return out


def read_lines(path: Path) -> list[str]:
    """Non-comment, non-blank lines of a plain word list."""
    return [
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
