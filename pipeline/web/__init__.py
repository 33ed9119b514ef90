"""The web: fetch pages politely, follow feeds and sitemaps, keep raw pages.

Tunables live in pipeline/data/web.toml (read once per process by `settings()`).
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

WEB_TOML = Path(__file__).resolve().parent.parent / "data" / "web.toml"


@cache
def settings() -> dict:
    """pipeline/data/web.toml as a dict of sections."""
    with open(WEB_TOML, "rb") as fh:
        return tomllib.load(fh)
