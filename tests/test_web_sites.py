"""Issue 3 end to end: the outlet-layout pages of tests/fixtures/sites, served by a loopback
server at their own URLs (a test transport sends every host to 127.0.0.1), crawled by
`fakta run URL` into a database: metadata, joined multi-page text and facts as expected."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from pipeline import cli
from pipeline.cleaning import clean_text

from .web_server import WebServer

SITES = Path(__file__).parent / "fixtures" / "sites"
# The first page of every story (a continuation page is fetched by following the first).
STORIES = sorted(p.stem for p in SITES.glob("*.json") if "_page" not in p.stem and not p.stem.endswith("_amp"))
FIELDS = ("title", "published", "author", "outlet", "url", "language")


def expected(name: str) -> dict:
    return json.loads((SITES / f"{name}.json").read_text(encoding="utf-8"))


class ToLoopback(httpx.HTTPTransport):
    """Sends a request for any host to the loopback server, keeping its path and Host header."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        there = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return super().handle_request(httpx.Request(request.method, there, headers=request.headers))


@pytest.fixture()
def outlets(monkeypatch):
    """Every fixture page served at the path of its own URL; fetchers talk to the server only."""
    with WebServer() as server:
        for path in SITES.glob("*.json"):
            url = expected(path.stem)["fetched_url"]
            if path.stem.endswith("_page2") or path.stem.endswith("_page3"):
                url = expected(path.stem.rsplit("_", 1)[0])["next_pages"][int(path.stem[-1]) - 2]
            parts = urlsplit(url)
            server.page(parts.path + (f"?{parts.query}" if parts.query else ""), (SITES / f"{path.stem}.html").read_bytes())
        real_client = httpx.Client

        def loopback_client(*args, **kwargs):
            return real_client(*args, transport=ToLoopback(server.port), **kwargs)

        monkeypatch.setattr(httpx, "Client", loopback_client)  # pipeline/web/fetch.py's client
        yield server


def test_every_outlet_layout_is_crawled_into_the_database(outlets, tmp_path, capsys):
    db = tmp_path / "facts.db"
    urls = [expected(name)["fetched_url"] for name in STORIES]
    assert cli.main(["run", *urls, "--db", str(db), "--delay", "0", "--quiet"]) == 0, capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        stored = {row["source"]: dict(row) for row in conn.execute("SELECT * FROM articles")}
        spans = conn.execute("SELECT a.source, f.text, substr(a.text, f.start + 1, f.end - f.start) "
                             "FROM facts f JOIN articles a ON a.id = f.article_id").fetchall()
    assert len(stored) == len(STORIES)
    assert {source for source, _, _ in spans} == set(stored)  # every story yields facts
    assert all(text == span for _, text, span in spans)  # each pointing at its exact characters
    for name in STORIES:
        want, got = expected(name), stored[expected(name)["fetched_url"]]
        want["url"] = want["url"] or want["fetched_url"]  # no canonical link: the URL fetched
        assert {f: got[f] for f in FIELDS} == {f: want[f] for f in FIELDS}, name
        paragraphs = want.get("story_text") or want["text"]
        # the headline, the date the story's header shows, then the pages joined, furniture gone
        story = [want["title"], *filter(None, [want["dateline"]]), *paragraphs]
        assert got["text"] == clean_text("\n\n".join(story)), name


def test_the_amp_edition_is_the_same_article_as_its_canonical_page(outlets, tmp_path, capsys):
    db = tmp_path / "facts.db"
    canonical, amp = expected("detik_sumut")["fetched_url"], expected("detik_sumut_amp")["fetched_url"]
    assert cli.main(["run", canonical, amp, "--db", str(db), "--delay", "0", "--quiet"]) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), min(url) FROM articles").fetchone() == (1, canonical)
