"""Near-duplicates: the same press release carried by several outlets, linked.

Each stored article's long sentences (at least `min_sentence_chars`, lower-cased; the
clean text has its spaces, quotes and dashes normalised already) are hashed (CRC-32 and
Adler-32 side by side: 63 bits, 0.5 µs); all of an article's hashes are kept in
`article_hashes` (one row per article), and half of them, chosen by the hash value (so the
same sentence is chosen in every article), are indexed in `sentence_hashes` (hash,
article_id). Articles sharing an indexed hash with a new one are its candidates; a
candidate that shares at least `min_shared` of all its long sentences with the new
article, and at least `min_share` of the shorter article's, is linked in `article_duplicates`
(article_id -> duplicate_of, the story's first-stored article, with the shared count and
that share as `similarity`). Sentence, not paragraph, hashes: outlets re-split paragraphs
and rewrite the dateline, but carry a release's sentences verbatim.

The view `facts_with_sources` (pipeline/views.py) groups facts by story (an article and its
near-duplicates), kind and summary: one fact, several sources.
Cost: ~0.15 ms per article (benchmarks/web_duplicates.py).
"""
from __future__ import annotations

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
def _limits() -> tuple[int, int, float, int]:
    """pipeline/data/duplicates.toml, read once per process."""
    with open(SETTINGS, "rb") as fh:
        s = tomllib.load(fh)
    return s["min_sentence_chars"], s["min_shared"], s["min_share"], s["max_holders"]


def ensure_duplicate_tables(db: sqlite_utils.Database) -> None:
    for statement in SCHEMA.split(";"):  # not executescript: that would commit the caller's transaction
        if statement.strip():
            db.execute(statement)


def sentence_hashes(text: str) -> set[int]:
    """63-bit hashes of the text's long sentences, lower-cased."""
    min_chars = _limits()[0]
    out = set()
    for line in text.lower().split("\n"):
        if len(line) >= min_chars:
            for sentence in line.split(". "):  # str.split: ten times a regex's speed
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
    links made. Runs inside storage.write_batch's transaction: the links land with the facts."""
    if not batch:
        return 0
    _, min_shared, min_share, max_holders = _limits()
    hashes = {e.article_id: sentence_hashes(e.clean_text) for e in batch}
    samples = {aid: sampled(own) for aid, own in hashes.items()}
    links = 0
    _forget(db, list(hashes))
    holders = _holders(db, [h for sample in samples.values() for h in sample], max_holders)
    known = dict(hashes)  # article id -> all its hashes, read from the store when needed
    for aid, own in hashes.items():  # in batch order: an article may match one before it
        hits = Counter(other for h in samples[aid] for other in holders.get(h, ()))
        candidates = [other for other, _ in hits.most_common(MAX_CANDIDATES)]
        if candidates:
            known.update(_stored_hashes(db, [c for c in candidates if c not in known]))
            scored = [(len(own & known[c]) / max(1, min(len(own), len(known[c]))), len(own & known[c]), c)
                      for c in candidates if c in known]
            similarity, shared, best = max(scored, default=(0.0, 0, ""))
            if shared >= min_shared and similarity >= min_share and _link(db, aid, best, shared, similarity):
                links += 1
        for h in samples[aid]:
            holders.setdefault(h, []).append(aid)
    db.conn.executemany("INSERT OR IGNORE INTO sentence_hashes (hash, article_id) VALUES (?, ?)",
                        sorted((h, aid) for aid, sample in samples.items() for h in sample))  # key order: faster
    db.conn.executemany("INSERT INTO article_hashes (article_id, hashes) VALUES (?, ?)",
                        [(aid, array("q", sorted(own)).tobytes()) for aid, own in hashes.items()])
    return links


def _forget(db: sqlite_utils.Database, ids: list[str]) -> None:
    """Drop the stored hashes and outgoing link of articles about to be stored again."""
    marks = ",".join("?" * len(ids))
    old = db.execute(f"SELECT article_id, hashes FROM article_hashes WHERE article_id IN ({marks})", ids).fetchall()
    if old:
        db.conn.executemany("DELETE FROM sentence_hashes WHERE hash = ? AND article_id = ?",
                            [(h, aid) for aid, blob in old for h in sampled(set(array("q", blob)))])
        db.execute(f"DELETE FROM article_hashes WHERE article_id IN ({marks})", ids)
    db.execute(f"DELETE FROM article_duplicates WHERE article_id IN ({marks})", ids)


def _holders(db: sqlite_utils.Database, wanted: list[int], max_holders: int) -> dict[int, list[str]]:
    """hash -> ids of stored articles holding it, for the wanted hashes; a sentence held by
    more than `max_holders` articles is boilerplate (a disclaimer, a standard closing) and left out."""
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(wanted), 30000):
        chunk = wanted[start:start + 30000]
        rows = db.execute(f"SELECT hash, article_id FROM sentence_hashes WHERE hash IN ({','.join('?' * len(chunk))})", chunk)
        for h, aid in rows:
            found[h].append(aid)
    return {h: ids for h, ids in found.items() if len(ids) <= max_holders}


def _stored_hashes(db: sqlite_utils.Database, ids: list[str]) -> dict[str, set[int]]:
    if not ids:
        return {}
    rows = db.execute(f"SELECT article_id, hashes FROM article_hashes WHERE article_id IN ({','.join('?' * len(ids))})", ids)
    return {aid: set(array("q", blob)) for aid, blob in rows}


def _link(db: sqlite_utils.Database, aid: str, other: str, shared: int, similarity: float) -> bool:
    """Link `aid` to the story `other` belongs to, unless `aid` is itself a story others point to."""
    if db.execute("SELECT 1 FROM article_duplicates WHERE duplicate_of = ? LIMIT 1", [aid]).fetchone():
        return False
    row = db.execute("SELECT duplicate_of FROM article_duplicates WHERE article_id = ?", [other]).fetchone()
    root = row[0] if row else other
    if root == aid:
        return False
    db.execute("INSERT OR REPLACE INTO article_duplicates VALUES (?, ?, ?, ?)", [aid, root, shared, round(similarity, 3)])
    return True
