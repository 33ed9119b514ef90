"""Near-duplicates: the same press release carried by several outlets, linked.

Each stored article's long sentences (at least `min_sentence_chars`, lower-cased; the
clean text has its spaces, quotes and dashes normalised already) are hashed (CRC-32 and
Adler-32 side by side: 63 bits, 0.5 µs); all of an article's hashes are kept in
`article_hashes` (one row per article), and half of them, chosen by the hash value (so the
same sentence is chosen in every article), are indexed in `sentence_hashes` (hash,
article_id), up to `max_holders` + 1 articles per sentence: one held by more is
boilerplate (an outlet's footer), no evidence. Articles sharing an indexed hash with a new one are its candidates; a
candidate that shares at least `min_shared` of all its long sentences with the new
article, and at least `min_share` of the shorter article's, is linked in `article_duplicates`
(article_id -> duplicate_of, the story's first-stored article, with the shared count and
that share as `similarity`). Sentence, not paragraph, hashes: outlets re-split paragraphs
and rewrite the dateline, but carry a release's sentences verbatim.

The view `facts_with_sources` (pipeline/views.py) groups facts by story (an article and its
near-duplicates), kind and summary: one fact, several sources.
Cost: ~0.14 ms per article of CPU (benchmarks/web_duplicates.py).
"""
from __future__ import annotations

import re
import tomllib
import zlib
from array import array
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import sqlite_utils

if TYPE_CHECKING:  # the engine loads spaCy: storage only needs its record type
    from .extract import Extracted


SETTINGS = Path(__file__).parent / "data" / "duplicates.toml"

SCHEMA = """
CREATE TABLE IF NOT EXISTS sentence_hashes (   -- which articles hold which long sentence
    hash INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (hash, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_hashes (    -- an article's hashes, to replace them on re-extraction
    article_id TEXT PRIMARY KEY, hashes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS article_duplicates (
    article_id TEXT PRIMARY KEY,     -- the later article
    duplicate_of TEXT NOT NULL,      -- the story's first-stored article
    shared INTEGER NOT NULL,         -- long sentences in common
    similarity REAL NOT NULL         -- shared / long sentences of the shorter article
);
CREATE INDEX IF NOT EXISTS article_duplicates_of ON article_duplicates (duplicate_of);
"""

MAX_CANDIDATES = 5  # earlier articles compared in full with a new one: those sharing most indexed sentences


@cache
def _settings() -> dict:
    """pipeline/data/duplicates.toml, read once per process."""
    with open(SETTINGS, "rb") as fh:
        return tomllib.load(fh)


def _limits() -> tuple[int, int, float, int]:
    s = _settings()
    return s["min_sentence_chars"], s["min_shared"], s["min_share"], s["max_holders"]


@cache
def _about_heading() -> re.Pattern:
    return re.compile(_settings()["about_heading"])


def ensure_duplicate_tables(db: sqlite_utils.Database) -> None:
    for statement in SCHEMA.split(";"):  # not executescript: that would commit the caller's transaction
        if statement.strip():
            db.execute(statement)


def sentence_hashes(text: str) -> set[int]:
    """63-bit hashes of the text's long sentences, lower-cased, up to an "about us" section
    (two releases of one office share its boilerplate, not their story)."""
    min_chars = _limits()[0]
    about = _about_heading()
    out = set()
    for line in text.lower().split("\n"):
        if len(line) < min_chars and about.match(line):
            break
        if len(line) >= min_chars:
            for sentence in line.split(". "):  # str.split: ten times a regex's speed
                sentence = sentence.rstrip(" .")  # a paragraph's last sentence keeps no period either
                if len(sentence) >= min_chars:
                    data = sentence.encode()
                    out.add((zlib.crc32(data) << 31) ^ zlib.adler32(data))
    return out


def sampled(hashes: set[int]) -> list[int]:
    """The half of an article's hashes that goes into the index: chosen by the hash itself, so
    two outlets carrying the same sentence sample it alike (half the index writes and reads)."""
    return [h for h in hashes if not (h >> 31) & 1]


def link_near_duplicates(db: sqlite_utils.Database, batch: Sequence[Extracted]) -> int:
    """Index the batch's sentences and link each article to an earlier near-duplicate; returns
    links made. Runs inside storage.write_batch's transaction: the links land with the facts.
    A handful of queries per batch, whatever its size (not one per article or link)."""
    if not batch:
        return 0
    _, min_shared, min_share, max_holders = _limits()
    hashes = {e.article_id: sentence_hashes(e.clean_text) for e in batch}
    samples = {aid: sampled(own) for aid, own in hashes.items()}
    _forget(db, list(hashes))
    holders, boilerplate = _holders(db, [h for sample in samples.values() for h in sample], max_holders)
    candidates, indexed = _candidates(samples, holders, boilerplate, max_holders)
    stored = {c for cs in candidates.values() for c in cs} - hashes.keys()
    known = hashes | _stored_hashes(db, sorted(stored))
    stories = _Stories(db, list(hashes), sorted(stored))
    links = []
    for aid, own in hashes.items():
        scored = [(len(own & known[c]) / max(1, min(len(own), len(known[c]))), len(own & known[c]), c)
                  for c in candidates[aid] if c in known]
        similarity, shared, best = max(scored, default=(0.0, 0, ""))
        if shared >= min_shared and similarity >= min_share:
            root = stories.join(aid, best)
            if root is not None:
                links.append((aid, root, shared, round(similarity, 3)))
    db.conn.executemany("INSERT OR REPLACE INTO article_duplicates VALUES (?, ?, ?, ?)", links)
    db.conn.executemany("INSERT OR IGNORE INTO sentence_hashes (hash, article_id) VALUES (?, ?)",
                        sorted(indexed))  # key order: faster
    db.conn.executemany("INSERT INTO article_hashes (article_id, hashes) VALUES (?, ?)",
                        [(aid, array("q", sorted(own)).tobytes()) for aid, own in hashes.items()])
    return len(links)


def _candidates(samples: dict[str, list[int]], holders: dict[int, list[str]], boilerplate: set[int],
                max_holders: int) -> tuple[dict[str, list[str]], list[tuple[int, str]]]:
    """Each article's candidates (the earlier articles sharing most of its indexed sentences,
    in batch order: an article may match one before it) and the (hash, article) rows to index:
    a sentence is indexed up to the holder that shows it is boilerplate."""
    candidates, indexed = {}, []
    for aid, sample in samples.items():
        hits = Counter(other for h in sample for other in holders.get(h, ()))
        candidates[aid] = [other for other, _ in hits.most_common(MAX_CANDIDATES)]
        for h in sample:
            if h not in boilerplate:
                holding = holders.setdefault(h, [])
                holding.append(aid)
                indexed.append((h, aid))
                if len(holding) > max_holders:
                    boilerplate.add(h)
                    del holders[h]
    return candidates, indexed


class _Stories:
    """Which story each article belongs to, for one batch: the stored links of its candidates
    and of its own articles, read once, then the links the batch makes."""

    def __init__(self, db: sqlite_utils.Database, batch_ids: list[str], stored_ids: list[str]) -> None:
        self.root_of = dict(_select(db, "SELECT article_id, duplicate_of FROM article_duplicates WHERE article_id IN", stored_ids))
        self.roots = {r for (r,) in _select(db, "SELECT DISTINCT duplicate_of FROM article_duplicates WHERE duplicate_of IN", batch_ids)}

    def join(self, aid: str, other: str) -> str | None:
        """Link `aid` to the story `other` belongs to, unless `aid` is itself a story others point to."""
        root = self.root_of.get(other, other)
        if aid in self.roots or root == aid:
            return None
        self.root_of[aid] = root
        self.roots.add(root)
        return root


def _select(db: sqlite_utils.Database, sql: str, ids: list[str]) -> list[tuple]:
    """Rows of `sql` + ` (?, ?, ...)` over ids, in chunks SQLite's parameter limit allows."""
    rows = []
    for start in range(0, len(ids), 30000):
        chunk = ids[start:start + 30000]
        rows += db.execute(f"{sql} ({','.join('?' * len(chunk))})", chunk).fetchall()
    return rows


def _forget(db: sqlite_utils.Database, ids: list[str]) -> None:
    """Drop the stored hashes and outgoing link of articles about to be stored again."""
    marks = ",".join("?" * len(ids))
    old = db.execute(f"SELECT article_id, hashes FROM article_hashes WHERE article_id IN ({marks})", ids).fetchall()
    if old:
        db.conn.executemany("DELETE FROM sentence_hashes WHERE hash = ? AND article_id = ?",
                            [(h, aid) for aid, blob in old for h in sampled(set(array("q", blob)))])
        db.execute(f"DELETE FROM article_hashes WHERE article_id IN ({marks})", ids)
    db.execute(f"DELETE FROM article_duplicates WHERE article_id IN ({marks})", ids)


def _holders(db: sqlite_utils.Database, wanted: list[int], max_holders: int) -> tuple[dict[int, list[str]], set[int]]:
    """(hash -> ids of stored articles holding it, boilerplate hashes) for the wanted hashes. A
    sentence held by more than `max_holders` articles is boilerplate (a disclaimer, an outlet's
    standard closing): no evidence, and no longer indexed, so no hash ever has more rows than that."""
    found: dict[int, list[str]] = defaultdict(list)
    for h, aid in _select(db, "SELECT hash, article_id FROM sentence_hashes WHERE hash IN", wanted):
        found[h].append(aid)
    boilerplate = {h for h, ids in found.items() if len(ids) > max_holders}
    return {h: ids for h, ids in found.items() if h not in boilerplate}, boilerplate


def _stored_hashes(db: sqlite_utils.Database, ids: list[str]) -> dict[str, set[int]]:
    rows = _select(db, "SELECT article_id, hashes FROM article_hashes WHERE article_id IN", ids)
    return {aid: set(array("q", blob)) for aid, blob in rows}
