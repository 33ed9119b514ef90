"""URL keys, charsets, feeds and sitemaps: the parts of crawling that need no server."""
from __future__ import annotations

import gzip
from datetime import datetime, timedelta, timezone

import pytest

from pipeline.web.charset import decode_page
from pipeline.web.entries import Entry, parse_since, select
from pipeline.web.feeds import FeedError, parse_feed
from pipeline.web.sitemaps import SitemapError, parse_sitemap
from pipeline.web.urls import BadUrl, article_key, clean_url

from .web_server import FIXTURES

WIB = timezone(timedelta(hours=7))
BASE = "https://www.antaranews.com"


@pytest.mark.parametrize("given, cleaned", [
    ("HTTPS://WWW.Antaranews.com:443/berita/3921/judul?utm_source=fb&utm_medium=social&fbclid=IwAR0#komentar",
     "https://www.antaranews.com/berita/3921/judul"),
    ("https://news.detik.com/berita/d-7221/judul?gclid=abc&single=1", "https://news.detik.com/berita/d-7221/judul?single=1"),
    ("https://regional.kompas.com/read/2024/03/05/judul?page=2&_ga=1.2", "https://regional.kompas.com/read/2024/03/05/judul?page=2"),
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
    # kept parameters stay as written: query-string routes and bare ids are not re-encoded
    ("https://disnaker.langkatkab.go.id/index.php?/berita/detail/123&utm_source=wa",
     "https://disnaker.langkatkab.go.id/index.php?/berita/detail/123"),
    ("https://www.pemkomedan.go.id/baca.php?123&fbclid=x", "https://www.pemkomedan.go.id/baca.php?123"),
    ("https://a.go.id/berita.php?id=12;cetak=1&q=iuran+pekerja%20rentan", "https://a.go.id/berita.php?id=12;cetak=1&q=iuran+pekerja%20rentan"),
])
def test_clean_url_drops_tracking_but_keeps_what_selects_content(given, cleaned):
    assert clean_url(given) == cleaned


@pytest.mark.parametrize("variant", [
    "https://www.antaranews.com/berita/3921/judul",
    "https://m.antaranews.com/berita/3921/judul",
    "https://www.antaranews.com/amp/berita/3921/judul",
    "https://amp.antaranews.com/berita/3921/judul/",
    "https://mobile.antaranews.com/berita/3921/judul?utm_campaign=x",
    "http://antaranews.com/berita/3921/judul.amp",
    "https://www.antaranews.com/berita/3921/judul/amp",
    "https://www.antaranews.com/berita/3921/judul?amp=1",
])
def test_amp_mobile_and_desktop_editions_share_one_key(variant):
    assert article_key(variant) == "https://antaranews.com/berita/3921/judul"


def test_keys_keep_different_stories_and_pages_apart():
    keys = {article_key(u) for u in (
        "https://news.detik.com/berita/d-1/a", "https://news.detik.com/berita/d-2/a",
        "https://www.liputan6.com/news/read/5/a?page=2", "https://www.liputan6.com/news/read/5/a",
        "https://medan.tribunnews.com/2024/03/05/a", "https://www.tribunnews.com/2024/03/05/a")}
    assert len(keys) == 6
    assert article_key("https://www.tribunnews.com/amp/x.amp.html") == "https://tribunnews.com/x.html"


@pytest.mark.parametrize("bad", ["ftp://example.com/x", "mailto:redaksi@antaranews.com", "berita/3921", "http://"])
def test_non_http_urls_are_refused(bad):
    with pytest.raises(BadUrl):
        clean_url(bad)


TEXT = "Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagut menyerahkan santunan “JKM” — senilai Rp42 juta — kepada ahli waris."


@pytest.mark.parametrize("body, header, codec", [
    (TEXT.encode("utf-8"), "text/html; charset=iso-8859-1", "utf-8"),  # wrong header, UTF-8 bytes
    (TEXT.encode("utf-8"), None, "utf-8"),
    (TEXT.encode("cp1252"), "text/html; charset=utf-8", "cp1252"),  # wrong header, legacy bytes
    (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' + TEXT.encode("cp1252"), None, "cp1252"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "text/html; charset=iso-8859-1", "utf-8-sig"),
])
def test_charset_detection_gets_the_text_right_whatever_the_header_says(body, header, codec):
    text, used = decode_page(body, header)
    assert TEXT in text and used == codec


def test_a_stray_byte_in_a_utf8_page_does_not_turn_it_into_mojibake():
    text, used = decode_page(TEXT.encode("utf-8") * 3 + b"\xff", "text/html; charset=utf-8")
    assert used == "utf-8" and text.startswith(TEXT)


def test_one_cut_character_in_a_utf8_page_with_few_accents_does_not_garble_it():
    cut = "Santunan “JKM”".encode()[:-2]  # a CMS cut the description inside the closing quote
    body = (b'<html><head><meta charset="utf-8"><meta name="description" content="' + cut + b'"></head><body><p>'
            + TEXT.encode("utf-8") + b"</p></body></html>")
    text, used = decode_page(body, "text/html; charset=utf-8")
    assert used == "utf-8" and TEXT in text


# --- feeds ---------------------------------------------------------------------------
def test_rss_entries_with_dates_in_their_own_zone():
    body = (FIXTURES / "rss.xml").read_text(encoding="utf-8").replace("{base}", BASE).encode()
    entries = parse_feed(body, BASE + "/rss")
    assert [e.url for e in entries][1] == BASE + "/regional/read/5521/pemprov-jambi-tanggung-iuran-8000-nelayan"
    assert entries[0].published == datetime(2024, 3, 5, 14, 20, tzinfo=WIB)
    assert entries[2].published.isoformat() == "2024-02-20T10:00:00+08:00"  # WITA kept


def test_rss_dates_labelled_wib_wita_or_without_zone_are_local_time():
    items = "".join(f"<item><title>{n}</title><link>{BASE}/berita/{n}</link><pubDate>{d}</pubDate></item>" for n, d in enumerate((
        "Tue, 05 Mar 2024 14:20:00 WIB", "Tue, 05 Mar 2024 14:20:00 WITA", "Tue, 05 Mar 2024 14:20:00",
        "Tue, 05 Mar 2024 07:20:00 GMT")))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Terkini</title>{items}</channel></rss>'.encode()
    dates = [e.published.isoformat() for e in parse_feed(body, BASE + "/rss")]
    assert dates == ["2024-03-05T14:20:00+07:00", "2024-03-05T14:20:00+08:00", "2024-03-05T14:20:00+07:00",
                     "2024-03-05T07:20:00+00:00"]


def test_atom_entries_relative_links_and_updated_dates():
    entries = parse_feed((FIXTURES / "atom.xml").read_bytes(), "https://jatengprov.go.id/feed/atom")
    assert entries[0].url == "https://jatengprov.go.id/siaran-pers/2024/03/santunan-jkm"
    assert entries[0].published.isoformat() == "2024-03-05T08:00:00+07:00"  # published, not updated
    assert entries[1].published == datetime(2024, 2, 28, 13, 0, tzinfo=timezone.utc)


def test_a_page_that_is_not_a_feed_is_refused():
    with pytest.raises(FeedError):
        parse_feed(b"<html><body><p>Bukan feed</p></body></html>", "https://example.com/feed")


def test_since_and_limit_select_the_newest_dated_entries():
    dated = [Entry(f"https://a.id/{d}", datetime(2024, 3, d, tzinfo=WIB)) for d in (1, 5, 3)]
    undated = Entry("https://a.id/tanpa-tanggal")
    assert [e.url for e in select(dated + [undated], limit=2)] == ["https://a.id/5", "https://a.id/3"]
    assert [e.url for e in select(dated + [undated], since=parse_since("2024-03-03"))] == ["https://a.id/5", "https://a.id/3"]
    assert select(dated + [undated])[-1] is undated
    with pytest.raises(ValueError, match="--since"):
        parse_since("kemarin")


# --- sitemaps ------------------------------------------------------------------------
def test_sitemap_index_lists_child_sitemaps_with_lastmod():
    kind, entries = parse_sitemap((FIXTURES / "sitemap_index.xml").read_bytes())
    assert kind == "index" and [e.url for e in entries] == ["{base}/sitemap-2023.xml", "{base}/sitemap-news.xml"]
    assert entries[1].published.isoformat() == "2024-03-05T15:00:00+07:00"


def test_news_sitemap_gives_publication_dates_and_ignores_image_locs():
    kind, entries = parse_sitemap((FIXTURES / "sitemap_news.xml").read_bytes())
    assert kind == "urlset" and len(entries) == 3
    assert entries[0].url == "{base}/berita/3921/pemkot-medan-lindungi-12500-pekerja-rentan"
    assert entries[0].publication_date == "2024-03-05T14:20:00+07:00"


def test_plain_sitemap_lastmod_filters_but_is_not_a_publication_date():
    _, entries = parse_sitemap((FIXTURES / "sitemap_2023.xml").read_bytes())
    assert entries[0].published.year == 2023 and entries[0].publication_date is None


def test_gzipped_sitemap_and_non_sitemaps():
    kind, entries = parse_sitemap(gzip.compress((FIXTURES / "sitemap_2023.xml").read_bytes()))
    assert kind == "urlset" and len(entries) == 1
    for bad in (b"<html><body>bukan sitemap</body></html>", b"\x1f\x8b rusak", b""):
        with pytest.raises(SitemapError):
            parse_sitemap(bad)
