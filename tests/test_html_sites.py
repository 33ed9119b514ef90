"""read_page / join_pages on full pages in the layouts of Indonesian outlets (tests/fixtures/sites)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cleaning import clean_text
from pipeline.html import PageContent, join_pages, read_page
from pipeline.models import Article

SITES = Path(__file__).parent / "fixtures" / "sites"
NAMES = sorted(p.stem for p in SITES.glob("*.json"))
FIELDS = ("title", "published", "dateline", "author", "outlet", "url", "amp_url", "language", "next_pages")


def expected(name: str) -> dict:
    return json.loads((SITES / f"{name}.json").read_text(encoding="utf-8"))


def fixture_page(name: str, url: str | None = None) -> PageContent:
    return read_page((SITES / f"{name}.html").read_text(encoding="utf-8"), url or expected(name)["fetched_url"])


def test_fixtures_cover_the_outlet_layouts_of_issue_3():
    layouts = " ".join(expected(n)["layout"] for n in NAMES)
    for kind in ("antaranews", "detik", "kompas", "liputan6", "tribun", "WordPress", "cnbcindonesia", "sumutpos", "disway"):
        assert kind in layouts, kind


@pytest.mark.parametrize("name", NAMES)
def test_page_metadata(name):
    page, want = fixture_page(name), expected(name)
    assert {f: getattr(page, f) for f in FIELDS} == {f: want[f] for f in FIELDS}


@pytest.mark.parametrize("name", NAMES)
def test_page_main_text_is_the_gold_text(name):
    assert clean_text(fixture_page(name).text).split("\n\n") == expected(name)["text"]


@pytest.mark.parametrize("name", [n for n in NAMES if "story" in expected(n)])
def test_multi_page_story_joins_into_one_article(name):
    want = expected(name)
    pages = [fixture_page(Path(f).stem) for f in want["story"]]
    assert len(pages[0].next_pages) == len(pages) - 1
    story = join_pages(pages)
    assert clean_text(story.text).split("\n\n") == want["story_text"]
    assert story.next_pages == [] and story.title == pages[0].title and story.published == pages[0].published


def test_amp_and_canonical_pages_are_one_story():
    canonical, amp = fixture_page("detik_sumut"), fixture_page("detik_sumut_amp")
    assert amp.url == canonical.url and amp.amp_url == canonical.amp_url
    assert clean_text(amp.text) == clean_text(canonical.text) and amp.published == canonical.published


def test_join_drops_what_later_pages_repeat():
    first = PageContent(text="Liputan6.com, Jambi - Paragraf pembuka.\n\nParagraf kedua.", title="Judul")
    second = PageContent(text="Liputan6.com, Jambi - Paragraf pembuka.\n\nParagraf ketiga.", title="Judul Halaman 2")
    assert join_pages([first, second]) == PageContent(
        text="Liputan6.com, Jambi - Paragraf pembuka.\n\nParagraf kedua.\n\nParagraf ketiga.", title="Judul")
    with pytest.raises(ValueError):
        join_pages([])


STORY = "".join(f"<p>Paragraf {i}: pemerintah kota menanggung iuran jaminan sosial pekerja rentan di wilayahnya.</p>"
                for i in range(4))


def page_with(head: str = "", before: str = "", after: str = "", url: str | None = None) -> PageContent:
    return read_page(f"<html><head>{head}</head><body><div class='top'><span class='date'>Jumat, 29 November 2024"
                     f"</span></div><article>{before}<div class='entry-content'>{STORY}</div>{after}</article>"
                     f"<aside><span class='date'>28 November 2024 08:00 WIB</span></aside></body></html>", url)


@pytest.mark.parametrize("head, before, url, published", [
    # a true UTC instant, confirmed by the local time the header shows, in that zone
    ('<meta property="article:published_time" content="2024-03-01T02:00:00Z">',
     "<header><time>Jumat, 1 Maret 2024 10:00 WITA</time></header>", "https://makassar.tribunnews.com/x", "2024-03-01T10:00:00+08:00"),
    # a +00:00 stamp nothing confirms (local time with a wrong offset, or true UTC?): its day
    # when both readings agree on it, else no date at all
    ('<meta property="article:published_time" content="2024-03-01T02:00:00Z">', "", "https://makassar.tribunnews.com/x", "2024-03-01"),
    ('<meta property="article:published_time" content="2024-03-01T02:00:00Z">', "", "https://kabar.example/x", "2024-03-01"),
    ('<meta property="article:published_time" content="2024-03-01T20:30:00+00:00">', "", "https://makassar.tribunnews.com/x", None),
    # "+00:00" on the clock time the story header shows in WIT: a wrong offset
    ('<meta property="article:published_time" content="2024-03-01T09:15:00+00:00">',
     "<header><time>Jumat, 1 Maret 2024 09:15 WIT</time></header>", None, "2024-03-01T09:15:00+09:00"),
    # no offset and no known zone: stays without offset, never a guessed one
    ('<meta name="pubdate" content="2024-03-01 09:15:00">', "", "https://kabar.example/x", "2024-03-01T09:15:00"),
    # no markup: the story header's date with its zone label
    ("", '<div class="meta"><span class="post-date">1 Maret 2024, 09:15 WIB</span></div>', None, "2024-03-01T09:15:00+07:00"),
    # a date-only stamp gains the header's time when the days agree
    ('<meta property="article:published_time" content="2024-03-01">', '<p class="date">01/03/2024 09:15 WITA</p>', None,
     "2024-03-01T09:15:00+08:00"),
    # a modified date is not a publication date; the today widget and the sidebar are never read
    ('<meta property="article:modified_time" content="2024-03-02T10:00:00+07:00">', "", None, None),
])
def test_publication_date_and_zone(head, before, url, published):
    assert page_with(head, before, url=url).published == published


@pytest.mark.parametrize("head, before, dateline", [
    # the date's own words: no byline before it, no updated day beside it (WordPress prints both)
    ('<meta property="article:published_time" content="2024-06-03T14:20:00+07:00">',
     '<div class="entry-meta">Diposting pada <time class="published">3 Juni 2024</time><time class="updated">'
     '5 Juni 2024</time> oleh admin</div>', "3 Juni 2024"),
    ('<meta property="article:published_time" content="2024-06-03T14:20:00+07:00">',
     '<div class="meta">Reporter: Rina Siregar Editor: Andi Lubis Senin, 3 Juni 2024 - 14:20 WIB</div>',
     "Senin, 3 Juni 2024 - 14:20 WIB"),
    # a shown date of another day than the markup's, or only the markup's: no dateline
    ('<meta property="article:published_time" content="2024-06-03T14:20:00+07:00">',
     '<div class="meta"><span class="date">Rabu, 5 Juni 2024</span></div>', None),
    ('<meta property="article:published_time" content="2024-06-03T14:20:00+07:00">', "", None),
])
def test_the_dateline_is_the_publication_date_as_the_story_header_shows_it(head, before, dateline):
    page = page_with(head, before)
    assert page.dateline == dateline
    assert page.story.split("\n\n")[0] == dateline if dateline else page.story.startswith("Paragraf 0")


def test_an_html_story_s_publication_date_is_a_fact_at_its_dateline(engine):
    page = page_with('<title>Pemkot Tanggung Iuran Pekerja Rentan</title>'
                     '<meta property="article:published_time" content="2024-06-03T14:20:00+07:00">',
                     '<div class="meta">Oleh: Rina Siregar | Senin, 3 Juni 2024 | 14:20 WIB</div>')
    text = clean_text(page.story)
    dates = [f for f in engine.extract(Article(source="x.html", key="x.html", text=text, published=page.published)).facts
             if f.kind == "date"]
    assert [(d.text, d.value.isoformat(), d.role) for d in dates] == [("Senin, 3 Juni 2024", "2024-06-03", "published")]
    assert text[dates[0].start:dates[0].end] == dates[0].text


def test_dates_after_the_story_body_are_not_its_date():
    related = '<div class="related"><h3>Berita Terkait</h3><span class="date">1 Juni 2024 10:00 WIB</span></div>'
    comments = '<div class="comments"><time datetime="2024-06-02T08:00:00+07:00">2 Juni 2024</time></div>'
    assert page_with(after=related + comments).published is None


@pytest.mark.parametrize("links, url, html_extra, pages", [
    # WordPress <!--nextpage--> links /2/ and /3/
    ['<a href="/2024/06/03/judul-berita/2/">2</a> <a href="/2024/06/03/judul-berita/3/">3</a>',
     "https://kabar.example/2024/06/03/judul-berita/", "",
     ["https://kabar.example/2024/06/03/judul-berita/2/", "https://kabar.example/2024/06/03/judul-berita/3/"]],
    # on page 2 only the pages after it; another story's page links and ?page=all are no continuation
    ['<a href="?page=1">1</a> <a href="?page=3">3</a> <a href="?page=all">Semua</a> <a href="/indeks?page=2">Indeks</a>'
     ' <a href="/read/999/lain?page=2">2</a>', "https://kabar.example/read/123/judul?page=2", "",
     ["https://kabar.example/read/123/judul?page=3"]],
    # a stated total fills in the pages a pagination window leaves out
    ['<a href="/d-123/judul/2">Selanjutnya</a>', "https://www.detik.com/d-123/judul", "<p>Halaman 1 dari 4</p>",
     [f"https://www.detik.com/d-123/judul/{n}" for n in (2, 3, 4)]],
    # a date-like path is not a page number; without a URL nothing can be resolved
    ['<a href="/arsip/2024/06/03">3</a>', "https://kabar.example/arsip/2024/06/02", "", []],
    ['<a href="?page=2">2</a>', None, "", []],
])
def test_next_pages(links, url, html_extra, pages):
    assert page_with(after=f"<div class='pagination'>{links}</div>{html_extra}", url=url).next_pages == pages


@pytest.mark.parametrize("head, language", [
    ("", None), ('<meta property="og:locale" content="id_ID">', "id"), ('<meta http-equiv="content-language" content="in">', "id"),
    ('<meta property="og:locale" content="en_US">', "en"),
])
def test_language(head, language):
    assert page_with(head).language == language


def test_outlet_from_known_host_and_author_that_is_only_the_outlet_is_dropped():
    page = page_with('<meta name="author" content="Kompas.com">', url="https://regional.kompas.com/read/1/judul")
    assert page.outlet == "Kompas.com" and page.author is None


def test_a_today_widget_beside_the_story_block_is_not_its_date():
    html = (f"<html><body><div id='wrap'><div class='site-header'><span class='tanggal'>Jumat, 29 November 2024 10:00 WIB"
            f"</span></div><div class='top-bar'><time datetime='2024-11-29'>Hari ini</time></div>"
            f"<div class='isi-berita'>{STORY}</div></div></body></html>")
    assert read_page(html).published is None


def test_malformed_links_and_urls_do_not_fail_the_page():
    page = page_with('<link rel="canonical" href="http://[rusak"><link rel="amphtml" href="http://[x/amp">',
                     after='<a href="http://[rusak/2">2</a> <a href="?page=2">2</a>', url="https://kabar.example/read/1/judul")
    assert page.url is None and page.amp_url is None
    assert page.next_pages == ["https://kabar.example/read/1/judul?page=2"] and page.text.count("Paragraf") == 4
