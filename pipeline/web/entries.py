"""What feeds and sitemaps list: entries (URL + date), and the --since / --limit selection."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7))  # a date or time without a zone is read as Jakarta time


@dataclass(frozen=True)
class Entry:
    url: str
    published: datetime | None = None  # aware; used by --since
    title: str | None = None
    is_publication_date: bool = True  # False for a sitemap's lastmod (a change, not a publication)

    @property
    def publication_date(self) -> str | None:
        return iso(self.published) if self.is_publication_date else None


def parse_when(text: str | None) -> datetime | None:
    """An aware datetime from a W3C/ISO date or datetime ("2024-03-05", "2024-03-05T10:00+07:00",
    "...Z"); None if unreadable. No zone means WIB."""
    if not text:
        return None
    text = text.strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=WIB)


def parse_since(text: str) -> datetime:
    """--since: an ISO date (midnight WIB) or datetime; ValueError with a readable message otherwise."""
    when = parse_when(text)
    if when is None:
        raise ValueError(f"--since wants a date like 2024-03-05 (or 2024-03-05T08:00+07:00), not {text!r}")
    return when


def select(entries: list[Entry], since: datetime | None = None, limit: int | None = None) -> list[Entry]:
    """Entries dated `since` or later (undated ones are left out when `since` is given), newest
    first (undated last, in listed order), at most `limit`, each URL once."""
    if since is not None:
        entries = [e for e in entries if e.published is not None and e.published >= since]
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    ordered = sorted(entries, key=lambda e: e.published or oldest, reverse=True)
    seen: set[str] = set()
    unique = [e for e in ordered if not (e.url in seen or seen.add(e.url))]
    return unique[:limit] if limit is not None else unique


def iso(when: datetime | date | None) -> str | None:
    return when.isoformat() if when is not None else None
