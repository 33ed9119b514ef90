"""`fakta report`: one self-contained HTML page per region, checked for content and in a browser."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline import cli

from .browser import CHROMIUM, NO_CHROMIUM, render


class Page(HTMLParser):
    """Ids, local links and external references of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.ids, self.anchors, self.fetches, self.links = set(), [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.anchors.append(href[1:])
        elif tag == "a" and href:
            self.links.append(href)
        if tag in ("script", "img", "link", "iframe") and (attrs.get("src") or attrs.get("href")):
            self.fetches.append(attrs.get("src") or attrs.get("href"))


@pytest.fixture(scope="module")
def aceh(corpus_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "aceh.html"
    assert cli.main(["report", "--db", corpus_db, "--region", "Aceh", "--output", str(path)]) == 0
    return path


def test_report_content(aceh):
    html = aceh.read_text(encoding="utf-8")
    page = Page(html)
    assert "<h1>Aceh</h1>" in html
    figures = dict((label, value) for value, label in re.findall(r"<li><b>(.*?)</b>(.*?)</li>", html))
    assert figures["articles"] == "1" and figures["officials named"] == "4" and figures["regulations cited"] == "1"
    assert figures["largest worker count"] == "2.451.000" and figures["largest amount"] == "Rp 87.000.000.000"
    assert html.count("<svg") == 1 and "Worker counts" in html  # the matplotlib chart, inline
    for name in ("Teuku Mahdi Ramli", "Cut Rahmi Fitriani", "Zulkifli Usman", "Rika Marlina"):
        assert name in html
    assert "Ingub 4/2023" in html and "Rp 12.100.000.000" in html
    # every fact links to its sentence, embedded in the page with the span marked
    assert page.anchors and set(page.anchors) <= page.ids
    assert len([a for a in page.anchors if a.startswith("f")]) >= html.count('<p class="source"')
    assert "<mark>812.406 orang</mark>" in html
    assert page.fetches == []  # self-contained: nothing to fetch
    assert page.links == ["https://aceh.antaranews-contoh.id/berita/412873/pemerintah-aceh-tanggung-iuran-jaminan-sosial-60-ribu-pekerja-rentan"]


def test_report_on_a_kota_and_since(corpus_db, tmp_path):
    path = tmp_path / "medan.html"
    assert cli.main(["report", "--db", corpus_db, "--region", "12.71", "--since", "2024-03", "--output", str(path)]) == 0
    html = path.read_text(encoding="utf-8")
    assert "<h1>Kota Medan</h1>" in html and "since 2024-03-01" in html
    assert "Ahmad Fauzan Harahap" in html and "Perwal 8/2024" in html and "Rp 403.200.000" in html
    assert "Deli Serdang" not in html.split('id="facts"')[1].split('id="sources"')[0].replace("Kabupaten Deli Serdang (12.07)", "")


@pytest.mark.parametrize(
    "region, message",
    [("Sumbagut", "office area"), ("Atlantis", "unknown or ambiguous region")],
)
def test_report_bad_region(corpus_db, tmp_path, capsys, region, message):
    assert cli.main(["report", "--db", corpus_db, "--region", region, "--output", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fakta: ") and message in err and not (tmp_path / "r.html").exists()


def test_report_into_a_missing_directory_is_a_one_line_error(corpus_db, tmp_path, capsys):
    assert cli.main(["report", "--db", corpus_db, "--region", "Aceh", "--output", str(tmp_path / "no" / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fakta: cannot write") and err.count("\n") == 1


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_report_in_a_real_browser(aceh, tmp_path_factory):
    dom = render(aceh.as_uri(), tmp_path_factory.mktemp("screenshots") / "report.png", size="1200,2400")
    assert "Teuku Mahdi Ramli" in dom and "<svg" in dom and "2.451.000" in dom
