"""Crawling against loopback news sites: page store, conditional GET, multi-page stories,
AMP/canonical identity, charset, failures, and near-duplicates across two outlets."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.loading import LoadError
from pipeline.runner import run_items
from pipeline.web.crawl import Crawler
from pipeline.web.entries import parse_since
from pipeline.web.fetch import FetchSettings

from .web_server import ANTARA, ANTARA_AMP, LIPUTAN6, NEWS_SITE, TRIBUN, WORDPRESS, Reply, WebServer, fixture, serve


def quick(**overrides) -> FetchSettings:
    return FetchSettings.load(**{"delay": 0.0, "backoff": 0.01, "retries": 1, "read_timeout": 1.0, "max_age": 0, **overrides})


@pytest.fixture()
def site():
    with WebServer() as server:
        yield serve(server, NEWS_SITE)


@pytest.fixture()
def crawler(tmp_path):
    made = []

    def make(**overrides) -> Crawler:
        made.append(Crawler(tmp_path / "facts.db", quick(**overrides)))
        return made[-1]

    yield make
    for c in made:
        c.close()


def rows(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_a_story_becomes_an_article_with_canonical_url_and_page_metadata(site, crawler):
    given = site.url(ANTARA) + "?utm_source=whatsapp"
    [article] = crawler().articles([given])
    assert article.source == given
    assert article.url == site.url(ANTARA)
    assert article.key == "https://" + site.host + ANTARA
    assert article.title == "Pemkot Medan lindungi 12.500 pekerja rentan lewat BPJS Ketenagakerjaan"
    assert article.published == "2024-03-05T14:20:00+07:00" and article.outlet == "ANTARA News"
    assert "Rp1,2 miliar" in article.text and "Baca juga" not in article.text and "Bagikan" not in article.text


def test_amp_and_canonical_editions_are_one_article(site, crawler, tmp_path):
    [amp] = crawler().articles([site.url(ANTARA_AMP)])
    assert amp.url == site.url(ANTARA) and amp.source == site.url(ANTARA_AMP)  # the AMP page's canonical
    assert list(crawler().articles([site.url(ANTARA_AMP), site.url(ANTARA)])) == [amp]  # known AMP form: one fetch
    site.page("/view?id=3921&format=lite", fixture("antara_rilis_amp.html", site))  # a form no rule knows
    articles = list(crawler().articles([site.url("/view?id=3921&format=lite"), site.url(ANTARA)]))
    assert len(articles) == 2 and articles[0].key == articles[1].key  # the canonical link makes them one
    summary = run_items(articles, tmp_path / "facts.db", progress=False)
    assert summary.read == 1
    assert rows(tmp_path / "facts.db", "SELECT count(*) FROM articles") == [(1,)]


def test_the_same_url_with_tracking_or_mobile_host_is_fetched_once(site, crawler):
    urls = [site.url(ANTARA), site.url(ANTARA) + "?utm_source=fb&fbclid=1", site.url(ANTARA) + "#komentar"]
    assert len(list(crawler().articles(urls))) == 1
    assert len(site.hits(ANTARA)) == 1


def test_multi_page_story_is_followed_and_joined(site, crawler, tmp_path):
    [article] = crawler().articles([site.url(LIPUTAN6)])
    first, second = "8.000 nelayan tradisional", "Peraturan Gubernur Jambi Nomor 12 Tahun 2024"
    assert first in article.text and second in article.text and article.text.index(first) < article.text.index(second)
    assert article.text.count("Pemerintah Provinsi Jambi menanggung") == 1
    parts = rows(tmp_path / "facts.db", "SELECT url, kind, part_of, part FROM pages WHERE kind = 'part'")
    assert parts == [(site.url(LIPUTAN6) + "?page=2", "part", site.url(LIPUTAN6), 2)]


def test_a_failing_continuation_page_keeps_the_pages_before_it(site, crawler, capsys):
    site.route(LIPUTAN6 + "?page=2", Reply(404, "tidak ada"))
    [article] = crawler().articles([site.url(LIPUTAN6)])
    assert "8.000 nelayan" in article.text and "Peraturan Gubernur Jambi" not in article.text
    assert "page 2" in capsys.readouterr().err


def test_pages_are_stored_compressed_with_their_headers(site, crawler, tmp_path):
    site.route(ANTARA, Reply(200, fixture("antara_rilis.html", site), headers={"ETag": '"v1"', "Last-Modified": "Tue, 05 Mar 2024 07:20:00 GMT"}))
    list(crawler().articles([site.url(ANTARA)]))
    [(final, status, ctype, etag, modified, size, body, digest)] = rows(
        tmp_path / "facts.db", "SELECT final_url, status, content_type, etag, last_modified, size, body, content_hash FROM pages")
    assert (final, status, etag) == (site.url(ANTARA), 200, '"v1"') and ctype.startswith("text/html")
    assert modified.endswith("GMT") and len(body) < size and len(digest) == 40


def test_unchanged_pages_are_not_downloaded_again(site, crawler):
    calls = []

    def conditional(handler):
        calls.append(handler.headers.get("If-None-Match"))
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", content_type=None)
        return Reply(200, fixture("antara_rilis.html", site), headers={"ETag": '"v1"'})

    site.route(ANTARA, conditional)
    first = list(crawler().articles([site.url(ANTARA)]))
    again = list(crawler(max_age=0).articles([site.url(ANTARA)]))  # asks, gets 304, uses the stored page
    cached = list(crawler(max_age=3600).articles([site.url(ANTARA)]))  # recent: does not ask at all
    assert calls == [None, '"v1"']
    assert first[0].text == again[0].text == cached[0].text


def test_wrong_charset_header_does_not_garble_the_text(site, crawler):
    html = fixture("antara_rilis.html", site).replace("Rahmat Siregar", "Rahmat Siregar — “Pak Wali” —")
    site.page(ANTARA, html.encode("utf-8"), content_type="text/html; charset=iso-8859-1")
    [article] = crawler().articles([site.url(ANTARA)])
    assert "— “Pak Wali” —" in article.text and "â€" not in article.text


def test_failures_are_load_errors_and_the_crawl_goes_on(site, crawler):
    site.route("/robots.txt", Reply(200, "User-agent: *\nDisallow: /rahasia\n", content_type="text/plain"))
    site.route("/dokumen.pdf", Reply(200, b"%PDF-1.4", content_type="application/pdf"))
    site.page("/kosong", "<html><body><nav>Beranda</nav></body></html>")
    urls = [site.url("/rahasia/x"), site.url("/hilang"), site.url("/dokumen.pdf"), site.url("/kosong"), site.url(ANTARA)]
    results = list(crawler().articles(urls))
    errors = {r.source.rsplit("/", 1)[1]: r.message for r in results if isinstance(r, LoadError)}
    assert "disallowed by robots.txt" in errors["x"] and errors["hilang"] == "HTTP 404"
    assert "not an HTML page" in errors["dokumen.pdf"] and "no article text" in errors["kosong"]
    assert results[-1].url == site.url(ANTARA)


def test_feed_since_and_limit(site, crawler):
    since = parse_since("2024-03-01")
    articles = list(crawler().feed(site.url("/rss"), since))
    assert [a.url for a in articles] == [site.url(ANTARA), site.url(LIPUTAN6)]
    assert site.hits(WORDPRESS) == []  # older than --since: not fetched
    assert [a.url for a in crawler().feed(site.url("/rss"), limit=1)] == [site.url(ANTARA)]


def test_fetching_a_listed_page_again_by_its_url_keeps_its_feed_date(site, crawler):
    body = "".join(f"<p>Paragraf {i}: Pemkab Langkat menanggung iuran 4.200 pekerja rentan tahun ini.</p>" for i in range(4))
    site.page("/berita/tanpa-tanggal", f"<html><body><article><div class='entry-content'>{body}</div></article></body></html>")
    site.page("/rss-langkat", f'''<?xml version="1.0"?><rss version="2.0"><channel><title>Langkat</title><item><title>Iuran</title>
      <link>{site.url("/berita/tanpa-tanggal")}</link><pubDate>Tue, 05 Mar 2024 14:20:00 +0700</pubDate></item></channel></rss>''',
              content_type="application/rss+xml")
    [listed] = crawler().feed(site.url("/rss-langkat"))
    assert listed.published == "2024-03-05T14:20:00+07:00"  # the page shows no date: the feed's
    list(crawler().articles([site.url("/berita/tanpa-tanggal")]))  # `fakta run URL` later: fetched again
    [stored] = crawler().stored()
    assert stored.published == "2024-03-05T14:20:00+07:00"


def test_sitemap_index_with_news_sitemap(site, crawler):
    articles = list(crawler().sitemap(site.url("/sitemap.xml"), parse_since("2024-03-01")))
    assert [a.url for a in articles] == [site.url(ANTARA), site.url(LIPUTAN6)]  # AMP duplicate listed once
    assert site.hits("/sitemap-2023.xml") == []  # its lastmod is before --since
    everything = list(crawler().sitemap(site.url("/sitemap.xml")))
    assert isinstance(everything[-1], LoadError) and everything[-1].message == "HTTP 404"  # the 2023 page


def test_an_unreadable_feed_or_sitemap_is_one_load_error(site, crawler):
    [error] = crawler().feed(site.url(ANTARA))
    assert isinstance(error, LoadError) and "not a readable RSS/Atom feed" in error.message
    [error] = crawler().sitemap(site.url("/hilang.xml"))
    assert isinstance(error, LoadError) and error.message == "HTTP 404"


def test_a_malformed_host_in_a_sitemap_or_feed_is_a_load_error_not_a_crash(site, crawler):
    index = fixture("sitemap_index.xml", site).replace(
        "<sitemap>", "<sitemap><loc>https://berita..contoh.co.id/sitemap.xml</loc></sitemap><sitemap>", 1)
    site.page("/sitemap-rusak.xml", index, content_type="application/xml")
    results = list(crawler().sitemap(site.url("/sitemap-rusak.xml"), parse_since("2024-03-01")))
    bad = [r for r in results if isinstance(r, LoadError)]
    assert [r.source for r in bad] == ["https://berita..contoh.co.id/sitemap.xml"]
    assert [a.url for a in results if not isinstance(a, LoadError)] == [site.url(ANTARA), site.url(LIPUTAN6)]
    [error] = crawler().feed("https://berita..contoh.co.id/feed")
    assert isinstance(error, LoadError)


def test_a_press_release_carried_by_two_outlets_is_linked_as_one_story(site, crawler, tmp_path):
    db = tmp_path / "facts.db"
    with WebServer() as tribun:
        serve(tribun, {TRIBUN: ("tribun_rilis.html", "text/html; charset=utf-8")})
        articles = list(crawler().articles([site.url(ANTARA), tribun.url(TRIBUN), site.url(LIPUTAN6)]))
    run_items(articles, db, progress=False)
    ids = {url: aid for aid, url in rows(db, "SELECT id, url FROM articles")}
    links = rows(db, "SELECT article_id, duplicate_of, shared, similarity FROM article_duplicates")
    assert [(a, b) for a, b, *_ in links] == [(ids[tribun.url(TRIBUN)], ids[site.url(ANTARA)])]
    assert links[0][2] >= 3 and links[0][3] >= 0.5
    [(sources, urls, outlets)] = rows(db, "SELECT sources, urls, outlets FROM facts_with_sources WHERE kind = 'amount' AND value = 2040000000")
    assert sources == 2 and tribun.url(TRIBUN) in urls and "ANTARA News" in outlets
    stories = rows(db, "SELECT count(DISTINCT story_id) FROM facts_with_sources")
    assert stories == [(2,)]  # Medan (two outlets) and Jambi
    run_items(articles, db, progress=False, force=True)  # re-extraction keeps one link, same direction
    assert [(a, b) for a, b, *_ in rows(db, "SELECT * FROM article_duplicates")] == [(a, b) for a, b, *_ in links]
