"""RSS 2.0 and Atom feeds (through feedparser) -> entries with their dates."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import feedparser

from ..html_meta import ZONE_HOURS
from .entries import WIB, Entry, parse_when

# "Tue, 05 Mar 2024 10:15:00 WIB": the Indonesian zone names email.utils does not know
_LOCAL_ZONE = re.compile(r"\s+(WIB|WITA|WIT)\s*$", re.I)
_ZONE_OFFSETS = {zone: f"+{hours:02d}00" for zone, hours in ZONE_HOURS.items()}
_NO_ZONE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*$")


class FeedError(ValueError):
    """Not a readable feed."""


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> list[Entry]:
    """The entries of a feed, in feed order; relative links resolved against `url`."""
    feed = feedparser.parse(body, response_headers={"content-location": url, "content-type": content_type or "application/xml"})
    if not feed.entries and (feed.bozo or not feed.version):
        reason = getattr(feed, "bozo_exception", None) or "no RSS or Atom entries"
        raise FeedError(f"not a readable RSS/Atom feed: {str(reason)[:200]}")
    entries = []
    for item in feed.entries:
        link = item.get("link") or next((l.get("href") for l in item.get("links", []) if l.get("href")), None)
        if link:
            entries.append(Entry(link.strip(), _entry_date(item), item.get("title")))
    return entries


def _entry_date(item) -> datetime | None:
    """The entry's publication date with the zone it was given in (else updated date; UTC as parsed)."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = item.get(raw_key)
        if raw:
            rfc822 = _LOCAL_ZONE.sub(lambda m: " " + _ZONE_OFFSETS[m.group(1).upper()], raw.strip())
            try:
                when = parsedate_to_datetime(rfc822)  # RSS: "Tue, 05 Mar 2024 10:15:00 +0700"
                if when.tzinfo is not None:
                    return when
                if _NO_ZONE.search(rfc822):  # no zone at all (not "-0000"): Jakarta time, as elsewhere
                    return when.replace(tzinfo=WIB)
            except (TypeError, ValueError):
                pass
            when = parse_when(raw)  # Atom: ISO 8601
            if when is not None:
                return when
        parsed = item.get(parsed_key)
        if parsed:
            return datetime(*parsed[:6], tzinfo=timezone.utc)
    return None
