"""The raw page store: every fetched page in the `pages` table of the fakta database.

One row per URL fetched (as cleaned by urls.clean_url): final URL after redirects, status,
the headers that matter (content type, ETag, Last-Modified, language), when the body was
downloaded (fetched_at) and last confirmed unchanged (checked_at), a SHA-1 of the body and
the body itself, zlib-compressed. `kind` says what the page was fetched as (article, part
of a multi-page article, feed, sitemap); a part names its first page in `part_of`.

`PageStore.fetch` is the cache in front of the network: a page confirmed less than
`max_age` seconds ago is served from the store, an older one is asked for with
If-None-Match / If-Modified-Since, and a 304 answer serves the stored body.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .fetch import Fetched, Fetcher, FetchError, utc_now

PAGES_SQL = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,      -- as fetched (tracking parameters dropped)
    source TEXT,               -- the URL as given
    final_url TEXT NOT NULL,   -- after redirects
    status INTEGER NOT NULL,
    kind TEXT NOT NULL,        -- article, part, feed, sitemap
    part_of TEXT,              -- a part's first page (pages.url)
    part INTEGER,              -- 2, 3, ... for the parts of a multi-page article
    listed_date TEXT,          -- the date a feed or sitemap gave the page, if any
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    content_language TEXT,
    fetched_at TEXT NOT NULL,  -- body downloaded (UTC)
    checked_at TEXT NOT NULL,  -- body last confirmed current (UTC)
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,     -- uncompressed bytes
    body BLOB NOT NULL         -- zlib-compressed
);
CREATE INDEX IF NOT EXISTS pages_part_of ON pages (part_of);
CREATE INDEX IF NOT EXISTS pages_kind ON pages (kind);
"""
COLUMNS = ("url", "source", "final_url", "status", "kind", "part_of", "part", "listed_date", "content_type", "etag",
           "last_modified", "content_language", "fetched_at", "checked_at", "content_hash", "size", "body")

# a page fetched again replaces its row, but keeps the date a feed or sitemap gave it when
# this fetch has none (`fakta run URL` after `fakta crawl --feed`)
_UPSERT = (f"INSERT INTO pages ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) ON CONFLICT (url) DO UPDATE SET "
           + ", ".join(f"{c} = excluded.{c}" if c != "listed_date" else "listed_date = COALESCE(excluded.listed_date, listed_date)"
                       for c in COLUMNS if c != "url"))


@dataclass(frozen=True)
class StoredPage:
    url: str
    source: str | None
    final_url: str
    kind: str
    part_of: str | None
    part: int | None
    listed_date: str | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    checked_at: str
    body: bytes

    def as_fetched(self) -> Fetched:
        headers = {"content-type": self.content_type or ""}
        return Fetched(self.url, self.final_url, 200, headers, self.body, fetched_at=self.checked_at)


class PageStore:
    """The `pages` table, safe to use from several threads (one connection, one lock)."""

    def __init__(self, db_path: str | Path) -> None:
        self.conn = sqlite3.connect(str(db_path), timeout=60, check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.executescript(PAGES_SQL)
        self.lock = threading.Lock()

    def close(self) -> None:
        self.conn.close()

    def get(self, url: str) -> StoredPage | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT url, source, final_url, kind, part_of, part, listed_date, content_type, etag, last_modified, "
                "checked_at, body FROM pages WHERE url = ? AND status = 200", (url,)).fetchone()
        return StoredPage(*row[:-1], zlib.decompress(row[-1])) if row else None

    def put(self, page: Fetched, kind: str, source: str | None = None, part_of: str | None = None,
            part: int | None = None, listed_date: str | None = None) -> None:
        h = page.headers
        row = (page.url, source, page.final_url, page.status, kind, part_of, part, listed_date, h.get("content-type"),
               h.get("etag"), h.get("last-modified"), h.get("content-language"), page.fetched_at, page.fetched_at,
               hashlib.sha1(page.body).hexdigest(), len(page.body), zlib.compress(page.body, 6))
        with self.lock:
            self.conn.execute(_UPSERT, row)

    def touch(self, url: str) -> None:
        with self.lock:
            self.conn.execute("UPDATE pages SET checked_at = ? WHERE url = ?", (utc_now(), url))

    def fetch(self, fetcher: Fetcher, url: str, kind: str, *, source: str | None = None, max_age: float = 0.0,
              part_of: str | None = None, part: int | None = None, listed_date: str | None = None) -> Fetched:
        """The page at `url`, from the store when it is recent or the server says it is unchanged."""
        stored = self.get(url)
        if stored is not None and max_age > 0 and _age(stored.checked_at) < max_age:
            return stored.as_fetched()
        headers = {}
        if stored is not None:
            if stored.etag:
                headers["If-None-Match"] = stored.etag
            if stored.last_modified:
                headers["If-Modified-Since"] = stored.last_modified
        page = fetcher.get(url, headers)
        if page.status == 304:
            if stored is None:
                raise FetchError("HTTP 304 for a page we do not have")
            self.touch(url)
            return stored.as_fetched()
        self.put(page, kind, source, part_of, part, listed_date)
        return page

    def articles(self) -> Iterator[tuple[StoredPage, list[StoredPage]]]:
        """Every stored article page with its stored parts (in order), oldest fetch first."""
        with self.lock:
            urls = [r[0] for r in self.conn.execute(
                "SELECT url FROM pages WHERE kind = 'article' AND status = 200 ORDER BY fetched_at, url")]
        for url in urls:
            first = self.get(url)
            with self.lock:
                part_urls = [r[0] for r in self.conn.execute(
                    "SELECT url FROM pages WHERE part_of = ? AND kind = 'part' AND status = 200 ORDER BY part", (url,))]
            if first is not None:
                yield first, [p for p in map(self.get, part_urls) if p is not None]


def _age(stamp: str) -> float:
    try:
        return (datetime.now(timezone.utc) - datetime.fromisoformat(stamp)).total_seconds()
    except ValueError:
        return float("inf")
