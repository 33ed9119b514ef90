"""`fakta crawl`, `fakta reprocess`, and URLs for `fakta run` (URL arguments and --urls FILE)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from .urls import is_web_url

if TYPE_CHECKING:
    from ..loading import LoadError
    from ..models import Article


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return int(text)


def add_fetch_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("fetching (defaults in pipeline/data/web.toml)")
    g.add_argument("--delay", type=_seconds, metavar="SECONDS", help="pause between two requests to one host (default: 1)")
    g.add_argument("--concurrency", type=_count, metavar="N", help="requests in flight at once, over all hosts (default: 4)")
    g.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="read timeout of one request (default: 20)")
    g.add_argument("--max-age", type=_seconds, metavar="SECONDS",
                   help="reuse a stored page fetched less than this long ago without asking the site (default: 86400; "
                        "0: always ask, with a conditional request)")


def add_run_options(run: argparse.ArgumentParser) -> None:
    """What `fakta run` needs for URLs: --urls FILE and the fetch options."""
    run.add_argument("--urls", metavar="FILE", help="also fetch the URLs in FILE (one per line, # comments; - for stdin)")
    add_fetch_options(run)


def register(sub: argparse._SubParsersAction) -> None:
    from ..cli import add_store_options

    crawl = sub.add_parser("crawl", help="fetch the articles a feed or sitemap lists, and extract them",
                           description="Fetch the articles listed by RSS/Atom feeds or sitemaps (sitemap indexes and "
                                       "Google News sitemaps included), politely, into the database.")
    crawl.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed (repeatable)")
    crawl.add_argument("--sitemap", action="append", default=[], metavar="URL", help="a sitemap or sitemap index (repeatable)")
    crawl.add_argument("--since", metavar="DATE", help="only entries dated on or after DATE (2024-03-05, WIB; or an ISO datetime)")
    crawl.add_argument("--limit", type=_count, metavar="N", help="at most the N newest entries of each feed or sitemap")
    add_store_options(crawl, batch_size=32)
    add_fetch_options(crawl)
    crawl.set_defaults(func=cmd_crawl)

    again = sub.add_parser("reprocess", help="re-extract every stored web page, without downloading anything",
                           description="Re-read the pages kept in the database (after a rule or reader change) "
                                       "and re-extract the articles whose text or rules changed.")
    add_store_options(again, batch_size=256)
    again.set_defaults(func=cmd_reprocess)


def fetch_settings(args: argparse.Namespace):
    from .fetch import FetchSettings

    return FetchSettings.load(delay=args.delay, concurrency=args.concurrency, read_timeout=args.timeout, max_age=args.max_age)


def run_inputs(paths: Sequence[str], args: argparse.Namespace) -> Iterator[Article | LoadError]:
    """`fakta run`'s inputs: the files and directories first, then the URLs (arguments, then --urls)."""
    files = [p for p in paths if not is_web_url(p)]
    urls = [p for p in paths if is_web_url(p)]
    return _run_inputs(files, urls, args)


def _run_inputs(files: list[str], urls: list[str], args: argparse.Namespace) -> Iterator[Article | LoadError]:
    from ..loading import iter_articles

    yield from iter_articles(files)
    bad: list[LoadError] = []
    if args.urls:
        urls = urls + list(_url_file(args.urls, bad))
    yield from bad
    if urls:
        yield from _crawl(args, lambda crawler: crawler.articles(urls))


def _url_file(path: str, bad: list[LoadError]) -> Iterator[str]:
    from ..loading import LoadError

    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        bad.append(LoadError(path, None, f"cannot read the URL list: {getattr(exc, 'strerror', None) or exc}"))
        return
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_web_url(line):
            yield line
        else:
            bad.append(LoadError(path, n, f"not an http(s) URL: {line[:100]}"))


def _crawl(args: argparse.Namespace, walk) -> Iterator[Article | LoadError]:
    from .crawl import Crawler

    crawler = Crawler(args.db, fetch_settings(args))
    try:
        yield from walk(crawler)
    finally:
        crawler.close()


def cmd_crawl(args: argparse.Namespace) -> int:
    from ..cli import cmd_run
    from .entries import parse_since

    if not args.feed and not args.sitemap:
        return _fail("crawl needs --feed URL or --sitemap URL")
    try:
        since = parse_since(args.since) if args.since else None
    except ValueError as exc:
        return _fail(str(exc))
    problem = next((f"not an http(s) URL: {u}" for u in args.feed + args.sitemap if not is_web_url(u)), None)
    if problem:
        return _fail(problem)

    def walk(crawler):
        for url in args.feed:
            yield from crawler.feed(url, since, args.limit)
        for url in args.sitemap:
            yield from crawler.sitemap(url, since, args.limit)

    return cmd_run(args, items=_crawl(args, walk))


def cmd_reprocess(args: argparse.Namespace) -> int:
    from ..cli import cmd_run
    from .crawl import stored_articles
    from .pages import PageStore

    if not Path(args.db).is_file():
        return _fail(f"no database at {args.db} (crawl or run some URLs first)")

    def items():
        store = PageStore(args.db)
        try:
            yield from stored_articles(store)
        finally:
            store.close()

    return cmd_run(args, items=items())


def _fail(message: str) -> int:
    print(f"fakta: {message}", file=sys.stderr)
    return 2
