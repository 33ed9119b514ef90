"""URLs, feeds and sitemaps -> Article | LoadError, fetched politely and kept in the page store.

A story is its first page plus the continuation pages pipeline.html finds (same host, at
most `max_pages`), joined into one text. Article.source is the URL as given, Article.url
the page's canonical URL (when it is on the same site and not the home page; else the
final URL), Article.key = urls.article_key(Article.url), so the AMP, mobile and desktop
editions of a story are one article. A failed URL becomes a LoadError and the crawl goes on.
"""
from __future__ import annotations

import sys
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO
from urllib.parse import urlsplit

from ..html import PageContent, join_pages, read_page
from ..loading import LoadError
from ..models import Article
from . import settings
from .charset import decode_page
from .entries import Entry, select
from .feeds import FeedError, parse_feed
from .fetch import Fetched, Fetcher, FetchError, FetchSettings
from .pages import PageStore, StoredPage
from .sitemaps import SitemapError, parse_sitemap
from .urls import BadUrl, article_key, clean_url, host_of, site_of

HTML_TYPES = ("text/html", "application/xhtml")  # and pages that name no type


@dataclass
class CrawlLimits:
    max_pages: int = 10
    max_sitemaps: int = 50
    max_sitemap_depth: int = 3

    @classmethod
    def load(cls) -> "CrawlLimits":
        return cls(**settings()["crawl"])


class Crawler:
    """Fetches stories into the page store of the database at `db_path` and yields articles."""

    def __init__(self, db_path: str | Path, config: FetchSettings | None = None, *,
                 limits: CrawlLimits | None = None, stderr: TextIO | None = None) -> None:
        self.config = config or FetchSettings.load()
        self.limits = limits or CrawlLimits.load()
        self.fetcher = Fetcher(self.config)
        self.store = PageStore(db_path)
        self.stderr = stderr

    def close(self) -> None:
        self.fetcher.close()
        self.store.close()

    def warn(self, message: str) -> None:
        print(f"fakta: {message}", file=self.stderr or sys.stderr)

    # --- stories -----------------------------------------------------------------------
    def articles(self, urls: Iterable[str | Entry]) -> Iterator[Article | LoadError]:
        """One Article (or LoadError) per distinct story URL, in the given order."""
        def unique() -> Iterator[Entry]:
            seen: set[str] = set()
            for item in urls:
                entry = item if isinstance(item, Entry) else Entry(item.strip())
                try:
                    key = article_key(entry.url)
                except BadUrl:
                    key = entry.url
                if key not in seen:
                    seen.add(key)
                    yield entry

        yield from ordered_map(self.story, unique(), self.config.concurrency)

    def story(self, entry: Entry) -> Article | LoadError:
        source = entry.url
        try:
            url = clean_url(source)
            first = self.store.fetch(self.fetcher, url, "article", source=source, max_age=self.config.max_age,
                                     listed_date=entry.publication_date)
            pages = [read_fetched(first)]
            pages += self._continuations(url, first, pages[0])
            return build_article(source, first.final_url, pages, listed_date=entry.publication_date)
        except (FetchError, BadUrl, NotHtml) as exc:
            return LoadError(source, None, str(exc))
        except Exception as exc:  # a parser bug on one page must not end the crawl
            return LoadError(source, None, f"internal error reading the page: {type(exc).__name__}: {exc}"[:300])

    def _continuations(self, url: str, first: Fetched, page: PageContent) -> list[PageContent]:
        """Pages 2, 3, ... of a story, on the first page's host; a page that fails ends the story there."""
        host, seen = host_of(first.final_url), {url, first.final_url}
        queue, found = deque(page.next_pages), []
        while queue and len(found) + 1 < self.limits.max_pages:
            try:
                next_url = clean_url(queue.popleft())
            except BadUrl:
                continue
            if next_url in seen or host_of(next_url) != host:
                continue
            seen.add(next_url)
            try:
                fetched = self.store.fetch(self.fetcher, next_url, "part", source=next_url, max_age=self.config.max_age,
                                           part_of=url, part=len(found) + 2)
                more = read_fetched(fetched)
            except (FetchError, NotHtml) as exc:
                self.warn(f"{url}: page {len(found) + 2} ({next_url}) left out: {exc}")
                break
            found.append(more)
            queue.extend(u for u in more.next_pages if u not in seen)
        return found

    # --- feeds and sitemaps --------------------------------------------------------------
    def feed(self, url: str, since: datetime | None = None, limit: int | None = None) -> Iterator[Article | LoadError]:
        try:
            fetched = self.store.fetch(self.fetcher, clean_url(url), "feed", source=url)
            entries = parse_feed(fetched.body, fetched.final_url, fetched.content_type)
        except (FetchError, BadUrl, FeedError) as exc:
            yield LoadError(url, None, str(exc))
            return
        yield from self.articles(select(entries, since, limit))

    def sitemap(self, url: str, since: datetime | None = None, limit: int | None = None) -> Iterator[Article | LoadError]:
        pages: list[Entry] = []
        failures = list(self._walk_sitemaps(url, since, pages))
        yield from failures
        yield from self.articles(select(pages, since, limit))

    def _walk_sitemaps(self, url: str, since: datetime | None, pages: list[Entry]) -> Iterator[LoadError]:
        """Collect the pages of a sitemap (index) into `pages`, breadth first, newest child
        sitemaps first, bounded in depth and count; yield a LoadError per unreadable sitemap."""
        queue, seen = deque([(url, 0)]), set()
        while queue and len(seen) < self.limits.max_sitemaps:
            sitemap_url, depth = queue.popleft()
            try:
                clean = clean_url(sitemap_url)
                if clean in seen:
                    continue
                seen.add(clean)
                fetched = self.store.fetch(self.fetcher, clean, "sitemap", source=sitemap_url)
                kind, entries = parse_sitemap(fetched.body)
            except (FetchError, BadUrl, SitemapError) as exc:
                yield LoadError(sitemap_url, None, str(exc))
                continue
            if kind == "urlset":
                pages.extend(entries)
            elif depth < self.limits.max_sitemap_depth:
                children = [e for e in entries if since is None or e.published is None or e.published >= since]
                queue.extend((e.url, depth + 1) for e in select(children))
            else:
                yield LoadError(sitemap_url, None, f"sitemap index nested deeper than {self.limits.max_sitemap_depth}; not followed")
        if queue:
            self.warn(f"{url}: stopped after {len(seen)} sitemaps (max_sitemaps); {len(queue)} not read")

    # --- stored pages --------------------------------------------------------------------
    def stored(self) -> Iterator[Article | LoadError]:
        """Articles from the stored pages, without any download (for `fakta reprocess`)."""
        yield from stored_articles(self.store)


class NotHtml(Exception):
    """A fetched page that is not HTML (a PDF, an image...)."""


def read_fetched(fetched: Fetched | StoredPage) -> PageContent:
    content_type = (fetched.content_type or "").split(";")[0].strip().lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        raise NotHtml(f"not an HTML page ({content_type})")
    text, _ = decode_page(fetched.body, fetched.content_type)
    return read_page(text, fetched.final_url)


def build_article(source: str, final_url: str, pages: list[PageContent], listed_date: str | None = None) -> Article | LoadError:
    """The article of a story's pages; its date is the page's own, else the one its feed or
    sitemap gave (publisher metadata too), else none."""
    page = join_pages(pages) if len(pages) > 1 else pages[0]
    if not page.text.strip():
        return LoadError(source, None, "no article text found in the page")
    url = canonical_url(page.url, final_url)
    return Article(
        source=source, key=article_key(url), text=page.story, url=url, title=page.title,
        published=page.published or listed_date, outlet=page.outlet, author=page.author, language=page.language,
    )


def canonical_url(declared: str | None, final_url: str) -> str:
    """The page's canonical URL when it is on the same site and not the home page; else the final URL."""
    try:
        final = clean_url(final_url)
        canonical = clean_url(declared) if declared else None
    except BadUrl:
        return final_url
    if canonical is None or site_of(canonical) != site_of(final):
        return final
    if urlsplit(canonical).path in ("", "/") and urlsplit(final).path not in ("", "/"):
        return final  # a template that declares the home page canonical everywhere
    return canonical


def stored_articles(store: PageStore) -> Iterator[Article | LoadError]:
    for first, parts in store.articles():
        source = first.source or first.url
        try:
            pages = [read_fetched(first)] + [read_fetched(p) for p in parts]
        except NotHtml as exc:
            yield LoadError(source, None, str(exc))
            continue
        yield build_article(source, first.final_url, pages, first.listed_date)


def ordered_map(fn: Callable, items: Iterable, workers: int) -> Iterator:
    """fn over items on `workers` threads, results in input order, a bounded number in flight."""
    if workers <= 1:
        yield from map(fn, items)
        return
    pool = ThreadPoolExecutor(workers, thread_name_prefix="fakta-fetch")
    pending: deque = deque()
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
