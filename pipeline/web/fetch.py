"""A polite HTTP client over httpx: robots.txt, per-host delay, retries, limits.

`Fetcher.get(url)` returns a `Fetched` page (2xx, or 304 for a conditional request) or
raises `FetchError` with a one-line reason. It honours robots.txt (see robots.py), waits
`delay` seconds between two requests to one host (more if robots.txt asks, up to a cap),
follows redirects itself (at most `max_redirects`, loops detected, robots checked at every
hop), retries 429, 5xx and network errors with exponential backoff (a Retry-After is
honoured, but one longer than `max_retry_after` ends the attempt), and stops reading a
response past `max_bytes` or after `total_timeout` seconds. Safe to share between threads.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import httpx

from .. import __version__
from . import settings
from .robots import Robots
from .urls import BadUrl, clean_url, host_of

KEPT_HEADERS = ("content-type", "etag", "last-modified", "content-language", "retry-after")
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that gave no page; str() is a one-line reason."""


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = ""
    delay: float = 1.0
    concurrency: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    max_bytes: int = 10_000_000
    max_redirects: int = 10
    max_crawl_delay: float = 30.0
    max_age: float = 86400.0

    @classmethod
    def load(cls, **overrides) -> "FetchSettings":
        """web.toml's [fetch] values, then the given overrides (None means: keep the file's)."""
        values = dict(settings()["fetch"])
        contact = os.environ.get("FAKTA_CONTACT") or values.pop("contact")
        values["user_agent"] = values["user_agent"].format(version=__version__, contact=contact)
        values = {k: v for k, v in values.items() if k in {f.name for f in fields(cls)}}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def utc_now() -> str:
    """Now in UTC, to the second, as ISO text (the stamps of the page store)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Fetched:
    """One response: where it was asked and where it ended, its status, kept headers, body."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str = field(default_factory=utc_now)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class HostGate:
    """One request at a time per host, `delay` seconds apart (end of one to start of the next)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    def hold(self, host: str, delay: float) -> "_Turn":
        with self._lock:
            entry = self._hosts.setdefault(host, (threading.Lock(), [0.0]))
        return _Turn(entry, delay)


class _Turn:
    def __init__(self, entry: tuple[threading.Lock, list[float]], delay: float) -> None:
        self.lock, self.last = entry
        self.delay = delay

    def __enter__(self) -> None:
        self.lock.acquire()
        wait = self.last[0] + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def __exit__(self, *exc) -> None:
        self.last[0] = time.monotonic()
        self.lock.release()


class Fetcher:
    def __init__(self, config: FetchSettings | None = None, *, robots: bool = True) -> None:
        self.config = config or FetchSettings.load()
        c = self.config
        self.client = httpx.Client(
            headers={"User-Agent": c.user_agent, "Accept-Language": "id,en;q=0.5"},
            timeout=httpx.Timeout(c.read_timeout, connect=c.connect_timeout),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=max(1, c.concurrency), max_keepalive_connections=max(1, c.concurrency)),
            trust_env=False,
        )
        self.gate = HostGate()
        self.robots = Robots(self._fetch_robots, c.user_agent) if robots else None

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """The page at `url` (redirects followed); FetchError if there is none to be had."""
        try:
            current = clean_url(url)
        except BadUrl as exc:
            raise FetchError(str(exc)) from None
        seen = {current}
        for _ in range(self.config.max_redirects + 1):
            refusal = self.robots.refusal(current) if self.robots is not None else None
            if refusal:
                raise FetchError(refusal)
            response = self._request_with_retries(current, headers, self._delay_for(current))
            if response.status not in REDIRECT_STATUSES:
                if response.status >= 400:
                    raise FetchError(f"HTTP {response.status}")
                return replace(response, url=clean_url(url))
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status} without a Location")
            try:
                current = clean_url(location, base=current)
            except BadUrl as exc:
                raise FetchError(f"redirect to {exc}") from None
            if current in seen:
                raise FetchError(f"redirect loop at {current}")
            seen.add(current)
        raise FetchError(f"more than {self.config.max_redirects} redirects")

    # --- one URL, with retries -------------------------------------------------------
    def _delay_for(self, url: str) -> float:
        """The per-host delay, or robots.txt's Crawl-delay when longer (up to max_crawl_delay)."""
        c = self.config
        asked = self.robots.crawl_delay(url) if self.robots is not None else None
        return max(c.delay, min(asked or 0.0, c.max_crawl_delay))

    def _request_with_retries(self, url: str, headers: dict[str, str] | None, delay: float) -> Fetched:
        c = self.config
        for attempt in range(c.retries + 1):
            last_try = attempt == c.retries
            try:
                with self.gate.hold(host_of(url), delay):
                    response = self._request(url, headers)
            except (httpx.InvalidURL, UnicodeError) as exc:  # a host no resolver takes ("a..b.id", bad xn--)
                raise FetchError(f"bad URL: {type(exc).__name__}: {exc}"[:300]) from None
            except httpx.TimeoutException:
                if last_try:
                    raise FetchError(f"timed out (after {attempt + 1} tries)") from None
                time.sleep(c.backoff * 2**attempt)
                continue
            except httpx.HTTPError as exc:
                if last_try:
                    raise FetchError(f"network error: {type(exc).__name__}: {exc}"[:300]) from None
                time.sleep(c.backoff * 2**attempt)
                continue
            if response.status not in RETRY_STATUSES or last_try:
                return response
            wait = c.backoff * 2**attempt
            asked = retry_after_seconds(response.headers.get("retry-after"))
            if asked is not None:
                if asked > c.max_retry_after:
                    raise FetchError(f"HTTP {response.status}; the server asks to wait {asked:.0f} s "
                                     f"(more than max_retry_after {c.max_retry_after:.0f} s)")
                wait = max(wait, asked)
            time.sleep(wait)
        raise AssertionError("unreachable")

    def _request(self, url: str, headers: dict[str, str] | None) -> Fetched:
        """One GET, read in chunks, cut off past max_bytes or total_timeout."""
        c = self.config
        began = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as response:
            kept = {k: response.headers[k] for k in (*KEPT_HEADERS, "location") if k in response.headers}
            if response.status_code >= 300:
                return Fetched(url, url, response.status_code, kept, b"")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > c.max_bytes:
                raise FetchError(f"page too large ({int(declared):,} bytes; the limit is {c.max_bytes:,})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > c.max_bytes:
                    raise FetchError(f"page too large (over {c.max_bytes:,} bytes)")
                if time.monotonic() - began > c.total_timeout:
                    raise FetchError(f"too slow (over {c.total_timeout:g} s for one response)")
                chunks.append(chunk)
            return Fetched(url, str(response.url), response.status_code, kept, b"".join(chunks))

    def _fetch_robots(self, url: str) -> tuple[int, bytes]:
        """(status, body) of a robots.txt, redirects followed; status 0 when it could not be had."""
        try:
            for _ in range(5):
                response = self._request_with_retries(url, None, self.config.delay)
                if response.status not in REDIRECT_STATUSES or "location" not in response.headers:
                    return response.status, response.body[:500_000]
                url = clean_url(response.headers["location"], base=url)
        except (FetchError, BadUrl):
            return 0, b""
        return 0, b""


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
