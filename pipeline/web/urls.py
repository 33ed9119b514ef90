"""URL normalisation: one spelling per page to fetch, and one key per story.

`clean_url` is what we fetch: scheme and host lower-cased, default port, fragment and
tracking parameters (utm_*, fbclid, gclid, ...) dropped. `article_key` is the identity of
the story: `clean_url` without the AMP and mobile markers (amp./m./mobile./www. host
prefixes, /amp path segments, .amp suffixes, ?amp=1), with the query sorted, so the AMP,
mobile and desktop editions of one story get one key.
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import (
    parse_qsl,
    unquote_plus,
    urlencode,
    urljoin,
    urlsplit,
    urlunsplit,
)

from . import settings

DEFAULT_PORTS = {"http": 80, "https": 443}
_SCHEME = re.compile(r"^https?://", re.I)


class BadUrl(ValueError):
    """Not an absolute http(s) URL."""


def is_web_url(text: str) -> bool:
    return bool(_SCHEME.match(text.strip()))


@cache
def _rules() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    s = settings()["urls"]
    return (
        frozenset(p.lower() for p in s["tracking_params"]),
        tuple(s["tracking_prefixes"]),
        tuple(s["host_prefixes"]),
        frozenset(s["amp_segments"]),
        frozenset(p.lower() for p in s["amp_params"]),
    )


def clean_url(url: str, base: str | None = None) -> str:
    """The URL to fetch: absolute, tidy, without fragment and tracking parameters."""
    url = url.strip()
    if base is not None:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise BadUrl(f"not an http(s) URL: {url[:200]}")
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        raise BadUrl(f"bad port in URL: {url[:200]}") from None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]" + (f":{port}" if port not in (None, DEFAULT_PORTS[scheme]) else "")
    params, prefixes, *_ = _rules()

    def kept(pair: str) -> bool:
        name = unquote_plus(pair.split("=", 1)[0]).lower()
        return name not in params and not name.startswith(prefixes)

    # the kept parameters as written: re-encoding would turn "?/berita/detail/123" or "?123"
    # into "?%2Fberita%2Fdetail%2F123=" / "?123=", which such sites do not serve
    query = "&".join(pair for pair in parts.query.split("&") if pair and kept(pair))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def article_key(url: str) -> str:
    """The story's identity: clean_url without AMP/mobile markers, query sorted."""
    parts = urlsplit(clean_url(url))
    _, _, host_prefixes, amp_segments, amp_params = _rules()
    host = parts.netloc
    stripped = True
    while stripped:
        stripped = False
        for prefix in host_prefixes:
            if host.startswith(prefix) and host.count(".") > 1:
                host, stripped = host[len(prefix):], True
    segments = parts.path.split("/")
    if len(segments) > 1 and segments[1].lower() in amp_segments:
        del segments[1]
    while segments and segments[-1] == "":
        segments.pop()
    if segments and segments[-1].lower() in amp_segments:
        segments.pop()
    path = "/".join(segments) or "/"
    for suffix in (".amp.html", ".amp"):
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)] + (".html" if suffix == ".amp.html" else "")
    if not path.startswith("/"):
        path = "/" + path
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in amp_params)
    return urlunsplit(("https" if parts.scheme == "http" else parts.scheme, host, path, urlencode(query), ""))


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


_SECOND_LEVEL = {"co", "go", "ac", "or", "web", "my", "sch", "mil", "net", "biz", "ponpes", "desa", "com", "org", "gov"}


def site_of(url: str) -> str:
    """The registrable domain, roughly: kompas.com, antaranews.com, jatengprov.go.id."""
    host = urlsplit(url).hostname or ""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
