"""robots.txt, read once per site (scheme + host + port) and per run, as RFC 9309 says:
a 2xx file is obeyed, a 4xx (no file) allows everything, a 5xx or an unreachable server
allows nothing, since the site may be in trouble. Rules are matched by Protego (Scrapy's
parser) as RFC 9309 says and Google and Bing do: `*` and `$` wildcards, and the longest
matching rule wins whatever the order of the lines (urllib.robotparser takes the first
matching line and no wildcards, so "Allow: /" above "Disallow: /cari" would let /cari through)."""
from __future__ import annotations

import threading
from typing import Callable
from urllib.parse import urlsplit

from protego import Protego

from .charset import decode_page


class Robots:
    def __init__(self, fetch: Callable[[str], tuple[int, bytes]], user_agent: str) -> None:
        self._fetch = fetch  # robots.txt URL -> (status, body); status 0 if unreachable
        self._agent = user_agent.split("/")[0].strip() or "fakta"
        self._lock = threading.Lock()
        self._sites: dict[str, tuple[threading.Lock, list]] = {}

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids `url` to us, or None if it may be fetched."""
        rules = self._rules(url)
        if isinstance(rules, str):
            return rules
        if rules is not None and urlsplit(url).path != "/robots.txt" and not rules.can_fetch(url, self._agent):
            return f"disallowed by robots.txt: {url}"
        return None

    def crawl_delay(self, url: str) -> float | None:
        rules = self._rules(url)
        if isinstance(rules, Protego):
            delay = rules.crawl_delay(self._agent)
            return float(delay) if delay is not None else None
        return None

    def _rules(self, url: str) -> Protego | str | None:
        """The parsed file, None (no file: all allowed) or a reason nothing is allowed."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock, slot = self._sites.setdefault(site, (threading.Lock(), []))
        with lock:  # one fetch per site, even with several threads asking at once
            if not slot:
                slot.append(self._load(site))
        return slot[0]

    def _load(self, site: str) -> Protego | str | None:
        status, body = self._fetch(site + "/robots.txt")
        if 200 <= status < 300:
            return Protego.parse(decode_page(body)[0])
        if 400 <= status < 500:
            return None
        what = f"HTTP {status}" if status else "unreachable"
        return f"robots.txt of {site} {what}: the site is not crawled"
