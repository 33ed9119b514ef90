"""The polite HTTP client against a loopback server: robots.txt, errors, retries, limits, charsets."""
from __future__ import annotations

import time

import pytest

from pipeline import __version__
from pipeline.web.fetch import Fetcher, FetchError, FetchSettings, retry_after_seconds

from .web_server import Reply, WebServer

PARAGRAPH = "Pemerintah Provinsi Sumatera Utara menanggung iuran 7.500 pekerja rentan di Kabupaten Deli Serdang."


def settings(**overrides) -> FetchSettings:
    base = dict(delay=0.0, backoff=0.01, retries=2, connect_timeout=1.0, read_timeout=0.3, total_timeout=5.0,
                max_retry_after=2.0, max_bytes=200_000, max_age=0)
    return FetchSettings.load(**{**base, **overrides})


@pytest.fixture()
def site():
    with WebServer() as server:
        yield server


def get(site: WebServer, path: str, **overrides):
    with Fetcher(settings(**overrides)) as fetcher:
        return fetcher.get(site.url(path))


def failure(site: WebServer, path: str, **overrides) -> str:
    with pytest.raises(FetchError) as caught:
        get(site, path, **overrides)
    return str(caught.value)


def test_user_agent_names_fakta_its_version_and_a_contact(site):
    site.page("/", f"<p>{PARAGRAPH}</p>")
    get(site, "/")
    agent = site.hits("/")[0]["user-agent"]
    assert agent.startswith(f"fakta/{__version__} (+contact: ") and agent.endswith(")")


def test_robots_txt_that_disallows_is_obeyed_and_nothing_is_requested(site):
    site.route("/robots.txt", Reply(200, "User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /rahasia/\n",
                                    content_type="text/plain"))
    site.page("/rahasia/memo", "<p>rahasia</p>")
    site.page("/berita/1", f"<p>{PARAGRAPH}</p>")
    with Fetcher(settings()) as fetcher:
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            fetcher.get(site.url("/rahasia/memo"))
        assert fetcher.get(site.url("/berita/1")).status == 200  # the Googlebot group is not ours
    assert site.hits("/rahasia/memo") == []
    assert len(site.hits("/robots.txt")) == 1  # read once per site


def test_robots_txt_longest_rule_wins_whatever_the_line_order_and_wildcards_count(site):
    # a common layout: "Allow: /" first, then the exceptions; and Google-style wildcards
    site.route("/robots.txt", Reply(200, "User-agent: *\nAllow: /\nDisallow: /cari\nDisallow: /*?s=\n"
                                         "Disallow: /*/cetak$\nAllow: /cari/panduan\n", content_type="text/plain"))
    for path in ("/cari/iuran", "/?s=iuran", "/berita/1/cetak", "/cari/panduan", "/berita/1"):
        site.page(path, f"<p>{PARAGRAPH}</p>")
    with Fetcher(settings()) as fetcher:
        for path in ("/cari/iuran", "/?s=iuran", "/berita/1/cetak"):
            with pytest.raises(FetchError, match="disallowed by robots.txt"):
                fetcher.get(site.url(path))
        assert fetcher.get(site.url("/cari/panduan")).status == 200  # the longer Allow wins
        assert fetcher.get(site.url("/berita/1")).status == 200
    assert [p for _, p, _ in site.requests if p != "/robots.txt"] == ["/cari/panduan", "/berita/1"]


def test_robots_txt_failing_with_5xx_means_the_site_is_not_crawled(site):
    site.route("/robots.txt", Reply(503, "sedang perbaikan"))
    site.page("/berita/1", f"<p>{PARAGRAPH}</p>")
    assert "robots.txt" in failure(site, "/berita/1") and site.hits("/berita/1") == []


def test_a_redirect_followed_to_its_end_and_robots_checked_there(site):
    site.route("/robots.txt", Reply(200, "User-agent: *\nDisallow: /tertutup\n", content_type="text/plain"))
    site.route("/lama", Reply(301, headers={"Location": "/baru?utm_source=x"}))
    site.page("/baru", f"<p>{PARAGRAPH}</p>")
    site.route("/ke-tertutup", Reply(302, headers={"Location": "/tertutup"}))
    page = get(site, "/lama")
    assert page.url == site.url("/lama") and page.final_url == site.url("/baru") and PARAGRAPH.encode() in page.body
    assert "disallowed by robots.txt" in failure(site, "/ke-tertutup")


def test_redirect_loop_and_too_many_redirects_fail(site):
    site.route("/a", Reply(302, headers={"Location": "/b"}))
    site.route("/b", Reply(302, headers={"Location": "/a"}))
    assert "redirect loop" in failure(site, "/a")
    for n in range(5):
        site.route(f"/r{n}", Reply(302, headers={"Location": f"/r{n + 1}"}))
    assert "more than 3 redirects" in failure(site, "/r0", max_redirects=3)


def test_404_fails_at_once_and_500_after_its_retries(site):
    assert failure(site, "/hilang") == "HTTP 404"
    assert len(site.hits("/hilang")) == 1
    site.route("/rusak", Reply(500, "galat"))
    assert failure(site, "/rusak") == "HTTP 500"
    assert len(site.hits("/rusak")) == 3  # one try and two retries


def test_429_with_retry_after_is_waited_out_then_succeeds(site):
    site.route("/sibuk", Reply(429, headers={"Retry-After": "1"}), Reply(200, f"<p>{PARAGRAPH}</p>"))
    began = time.monotonic()
    page = get(site, "/sibuk")
    assert page.status == 200 and time.monotonic() - began >= 1.0
    assert len(site.hits("/sibuk")) == 2


def test_a_retry_after_longer_than_the_cap_gives_up_without_hammering(site):
    site.route("/sibuk", Reply(503, headers={"Retry-After": "3600"}))
    assert "asks to wait 3600 s" in failure(site, "/sibuk")
    assert len(site.hits("/sibuk")) == 1


def test_slow_server_times_out(site):
    site.route("/lambat", Reply(200, "<p>terlambat</p>", delay=1.5))
    began = time.monotonic()
    assert "timed out" in failure(site, "/lambat", retries=0)
    assert time.monotonic() - began < 1.4


def test_huge_page_is_cut_off_with_or_without_content_length(site):
    body = "<p>" + PARAGRAPH * 5_000 + "</p>"  # ~500 KB
    site.page("/besar", body)
    site.route("/besar-stream", Reply(200, body, send_length=False))
    assert "too large" in failure(site, "/besar")
    assert "too large" in failure(site, "/besar-stream")
    assert len(get(site, "/besar", max_bytes=1_000_000).body) == len(body.encode())


def test_per_host_delay_spaces_requests(site):
    arrivals = []  # when each request reaches the server (not when its answer came back: load varies that)

    def arrive(body):
        return lambda handler: arrivals.append(time.monotonic()) or Reply(200, body)

    site.route("/1", arrive("<p>satu</p>"))
    site.route("/2", arrive("<p>dua</p>"))
    with Fetcher(settings(delay=0.3)) as fetcher:
        for path in ("/1", "/2"):
            fetcher.get(site.url(path))
    assert len(arrivals) == 2 and arrivals[1] - arrivals[0] >= 0.25  # 0.3 s apart, less the network's jitter


def test_retry_after_forms():
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0  # in the past
    assert retry_after_seconds("nanti saja") is None
