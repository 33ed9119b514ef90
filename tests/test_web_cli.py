"""`fakta run URL`, `fakta run --urls`, `fakta crawl --feed/--sitemap` and `fakta reprocess`, end to end."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline import cli

from .web_server import ANTARA, LIPUTAN6, NEWS_SITE, WebServer, serve

FAST = ("--delay", "0", "--max-age", "0", "--quiet")


@pytest.fixture()
def site():
    with WebServer() as server:
        yield serve(server, NEWS_SITE)


def fakta(*args: str) -> int:
    return cli.main(list(args))


def query(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_run_urls_extracts_like_files_and_reports_a_failed_url(site, tmp_path, capsys):
    db = tmp_path / "facts.db"
    code = fakta("run", site.url(ANTARA) + "?utm_source=x", site.url("/hilang"), "--db", str(db), *FAST)
    out, err = capsys.readouterr()
    assert code == 1 and "articles read: 1" in out and "failures: 1" in out
    assert f"fakta: skipped {site.url('/hilang')}: HTTP 404" in err and "Traceback" not in err
    assert query(db, "SELECT source, url, outlet FROM articles") == [(site.url(ANTARA) + "?utm_source=x", site.url(ANTARA), "ANTARA News")]
    facts = query(db, "SELECT f.text, f.start, f.end, a.text FROM facts f JOIN articles a ON a.id = f.article_id")
    assert (12_500, "pekerja rentan") in query(db, "SELECT value, unit FROM worker_counts")
    assert all(text == article[start:end] for text, start, end, article in facts)


def test_run_urls_file_with_comments_and_a_bad_line(site, tmp_path, capsys):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# berita pekan ini\n{site.url(ANTARA)}\n\nbukan-url\n{site.url(LIPUTAN6)}\n", encoding="utf-8")
    db = tmp_path / "facts.db"
    assert fakta("run", "--urls", str(listing), "--db", str(db), *FAST) == 1
    out, err = capsys.readouterr()
    assert "articles read: 2" in out and f"{listing}:4: not an http(s) URL: bukan-url" in err
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]  # the bundled corpus is not read


def test_crawl_feed_then_reprocess_without_the_site(site, tmp_path, capsys):
    db = str(tmp_path / "facts.db")
    assert fakta("crawl", "--feed", site.url("/rss"), "--since", "2024-03-01", "--db", db, *FAST) == 0
    assert "articles read: 2 (extracted 2, unchanged 0)" in capsys.readouterr().out
    site.__exit__()  # the site is gone: reprocessing must not need it
    assert fakta("reprocess", "--db", db, "--quiet") == 0
    assert "articles read: 2 (extracted 0, unchanged 2)" in capsys.readouterr().out
    assert fakta("reprocess", "--db", db, "--quiet", "--force") == 0
    assert "articles read: 2 (extracted 2, unchanged 0)" in capsys.readouterr().out
    [(text,)] = query(db, "SELECT text FROM articles WHERE url LIKE '%pemprov-jambi%'")
    assert "Peraturan Gubernur Jambi Nomor 12 Tahun 2024" in text  # page 2, from the store
    assert ("Pergub", "12", 2024) in query(db, "SELECT type, number, year FROM regulations")


def test_crawl_sitemap_with_limit(site, tmp_path, capsys):
    db = str(tmp_path / "facts.db")
    assert fakta("crawl", "--sitemap", site.url("/sitemap.xml"), "--limit", "1", "--db", db, *FAST) == 0
    assert "articles read: 1" in capsys.readouterr().out
    assert query(db, "SELECT url FROM articles") == [(site.url(ANTARA),)]


@pytest.mark.parametrize("args, message", [
    (("crawl",), "crawl needs --feed URL or --sitemap URL"),
    (("crawl", "--feed", "http://127.0.0.1:9/rss", "--since", "minggu lalu"), "--since wants a date"),
    (("crawl", "--feed", "rss.xml"), "not an http(s) URL: rss.xml"),
    (("reprocess", "--db", "tidak/ada.db"), "no database at tidak/ada.db"),
])
def test_bad_crawl_and_reprocess_arguments_are_one_line_errors(args, message, capsys):
    assert fakta(*args) == 2
    err = capsys.readouterr().err
    assert err.startswith("fakta: ") and message in err and err.count("\n") == 1


def test_bad_fetch_option_is_an_argument_error(capsys):
    with pytest.raises(SystemExit) as exited:
        fakta("run", "http://127.0.0.1:9/x", "--delay", "-1")
    assert exited.value.code == 2 and "not a number of seconds" in capsys.readouterr().err
