"""html_to_article_text: main text and metadata from realistic pages (fixtures we wrote)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import extract_text
from pipeline.cleaning import clean_text
from pipeline.html import html_to_article_text, iso_datetime, strip_site_suffix

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def page(name: str) -> tuple[str, dict]:
    return html_to_article_text((FIXTURES / name).read_text(encoding="utf-8"))


def test_wordpress_page_metadata():
    _, meta = page("wordpress.html")
    assert meta == {
        "title": "Pemkab Deli Serdang Tanggung Iuran 12.500 Pekerja Rentan",
        "published": "2024-05-14T09:12:30+07:00",
        "outlet": "Warta Sumatera",
        "url": "https://wartasumatera.example/2024/05/14/pemkab-deli-serdang-tanggung-iuran/",
        "author": "Rina Siregar",
    }


def test_wordpress_page_main_text():
    text, _ = page("wordpress.html")
    paras = text.split("\n\n")
    assert paras[0].startswith("LUBUK PAKAM, Warta Sumatera") and paras[0].endswith("Rp2,4 miliar.")
    # a line break inside a <p> in the source is not a paragraph break
    assert any(p.startswith("Kepala Dinas Tenaga Kerja") and p.endswith("(14/5/2024).") for p in paras)
    assert "Dasar Hukum" in paras and "Petani: 5.200 orang" in paras
    assert any("Peraturan Bupati Deli Serdang Nomor 18 Tahun 2023" in p for p in paras)
    for furniture in ("Beranda", "Senin, 25 November 2024", "31 °C", "Bagikan", "Facebook", "ADVERTISEMENT",
                      "Festival Kuliner", "Tags", "Gubernur Resmikan", "Tinggalkan Balasan", "Terpopuler",
                      "Dok Humas", "adalah wartawan", "Hak cipta", "googletag", "entry-content", "14 Mei 2024"):
        assert furniture not in text, furniture


def test_wordpress_page_after_cleaning_has_no_teaser():
    text, _ = page("wordpress.html")
    clean = clean_text(text)
    assert "Baca Juga" not in clean and "Harga Cabai" not in clean
    assert '"Kami ingin para pekerja ini bekerja dengan tenang," ujar Hendra.' in clean.split("\n\n")


def test_detik_page():
    text, meta = page("detik.html")
    assert meta["title"] == "BPJS Ketenagakerjaan Bayar Klaim Rp 48 Miliar di Jambi"
    assert meta["published"] == "2024-04-02T15:05:11+07:00"
    assert meta["outlet"] == "detiksumbagsel" and meta["author"] == "Yusuf Hakim"
    assert meta["url"].endswith("/d-7301234/bpjs-bayar-klaim-jambi")
    paras = text.split("\n\n")
    assert paras[0].startswith("Jambi - BPJS Ketenagakerjaan Cabang Jambi membayar klaim sebesar Rp 48 miliar")
    assert "Ia menambahkan Pemprov Jambi menanggung iuran 15 ribu pekerja rentan melalui APBD." in paras
    for furniture in ("Rabu, 27 Nov", "Baca juga", "Titik Parkir", "ADVERTISEMENT", "bpjs ketenagakerjaan",
                      "Banjir Rendam", "Foto:", "Copyright"):
        assert furniture not in text, furniture
    clean = clean_text(text)
    assert "Gambas" not in clean and "Simak Video" not in clean


def test_antaranews_page():
    text, meta = page("antaranews.html")
    assert meta["title"] == "Pemprov Bengkulu lindungi 9.800 nelayan lewat BPJamsostek"
    assert meta["published"] == "2023-08-09T13:47:00+07:00"
    assert meta["outlet"] == "ANTARA News Bengkulu"
    paras = text.split("\n\n")
    assert paras[0].startswith("Bengkulu (ANTARA) - Pemerintah Provinsi Bengkulu mendaftarkan 9.800 nelayan")
    for furniture in ("Kamis, 28 November 2024", "Beranda", "Pelabuhan Pulau Baai", "Harga ikan tongkol",
                      "Copy Link", "Gubernur tinjau", "Harga emas", "Rabu, 9 Agustus 2023"):
        assert furniture not in text, furniture
    clean = clean_text(text)
    assert "Pewarta" not in clean and "Editor" not in clean and "COPYRIGHT" not in clean
    assert clean.endswith("di enam kabupaten pesisir.")


def test_a_visible_today_date_is_never_the_publication_date():
    html = """<html><head><title>Warga Terima Kartu Peserta - Kabar Kota</title></head><body>
      <div class="top"><span>Kamis, 28 November 2024</span> <time datetime="2024-11-28">Hari ini</time></div>
      <article><p>Sebanyak 300 warga menerima kartu peserta jaminan sosial ketenagakerjaan dari
      pemerintah kota pada acara yang digelar di balai kota, kata kepala dinas kepada wartawan.</p></article>
    </body></html>"""
    text, meta = html_to_article_text(html)
    assert meta["published"] is None
    assert meta["title"] == "Warga Terima Kartu Peserta - Kabar Kota"  # a dash suffix that is not the outlet stays
    assert text.startswith("Sebanyak 300 warga") and "Hari ini" not in text


def test_a_lower_case_zone_label_in_the_story_header_gives_the_zone():
    body = "<p>" + "Pemerintah Kota Palu menanggung iuran 3.000 pekerja rentan tahun ini. " * 4 + "</p>"
    html = f"""<html><body><article><div class="post-meta"><span class="date">Selasa, 5 Maret 2024 | 14:20 wita</span>
      </div><div class="isi-berita">{body}</div></article></body></html>"""
    _, meta = html_to_article_text(html)
    assert meta["published"] == "2024-03-05T14:20:00+08:00"


def test_json_ld_graph_and_densest_block_fallback():
    html = """<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Kabar Kota"},
        {"@type": ["NewsArticle"], "headline": "Iuran Pekerja Ditanggung", "datePublished": "2023-02-01",
         "author": [{"@type": "Person", "name": "Ani"}, {"@type": "Person", "name": "Budi"}],
         "publisher": {"@type": "Organization", "name": "Kabar Kota"}}]}</script></head>
      <body><div class="menu"><p>Beranda</p><p>Daerah</p></div>
      <div class="isi"><p>Pemerintah desa menanggung iuran 45 pekerja rentan tahun ini.</p>
      <p>Dananya berasal dari dana desa sebesar Rp16,2 juta, kata kepala desa.</p></div></body></html>"""
    text, meta = html_to_article_text(html)
    assert meta == {"title": "Iuran Pekerja Ditanggung", "published": "2023-02-01", "outlet": "Kabar Kota",
                    "url": None, "author": "Ani, Budi"}
    assert text == ("Pemerintah desa menanggung iuran 45 pekerja rentan tahun ini.\n\n"
                    "Dananya berasal dari dana desa sebesar Rp16,2 juta, kata kepala desa.")


def test_a_table_wrapped_in_a_figure_is_story_text_not_an_image():
    html = """<html><body><article><div class="entry-content">
      <p>Pemerintah Kabupaten Langkat menanggung iuran BPJS Ketenagakerjaan bagi 4.200 pekerja rentan pada
      tahun ini, kata Kepala Dinas Tenaga Kerja Langkat kepada wartawan di Stabat.</p>
      <figure class="wp-block-image"><img src="a.jpg"><figcaption>Foto: Dok Humas</figcaption></figure>
      <p>Rinciannya sebagai berikut:</p>
      <figure class="wp-block-table"><table><tbody><tr><td>Nelayan</td><td>1.500 orang</td></tr>
      <tr><td>Petani</td><td>2.700 orang</td></tr></tbody></table><figcaption>Sumber: Disnaker</figcaption></figure>
    </div></article></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n")[-2:] == ["Nelayan | 1.500 orang", "Petani | 2.700 orang"]
    assert "Dok Humas" not in text and "Sumber: Disnaker" not in text


def test_a_data_tables_cells_are_set_apart_by_bars_and_a_layout_tables_are_not():
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<html><body><article><div class="entry-content">{story}
      <table><thead><tr><th>No</th><th>Kecamatan</th><th>Jumlah Pekerja</th><th>Iuran (Rp)</th></tr></thead>
      <tbody><tr><td>1</td><td>Sipirok</td><td>1.250</td><td>252.000.000</td></tr>
      <tr><td colspan="2">Jumlah</td><td>1.250</td><td>252.000.000</td></tr></tbody></table>
      <table><tr><td><p>Kolom kiri berisi paragraf yang cukup panjang.</p></td><td><p>Kolom kanan juga.</p></td></tr></table>
    </div></article></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n")[3:] == ["No | Kecamatan | Jumlah Pekerja | Iuran (Rp)", "1 | Sipirok | 1.250 | 252.000.000",
                                       "Jumlah | 1.250 | 252.000.000",
                                       "Kolom kiri berisi paragraf yang cukup panjang.", "Kolom kanan juga."]


def test_a_two_line_headers_merged_cells_are_spread_so_its_columns_line_up():
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<html><body><article><div class="entry-content">{story}
      <table><thead><tr><th rowspan="2">Program</th><th colspan="2">Kapuas Hulu</th><th colspan="2">Melawi</th></tr>
      <tr><th>Kasus</th><th>Nominal (Rp)</th><th>Kasus</th><th>Nominal (Rp)</th></tr></thead>
      <tbody><tr><td>JKK</td><td>214</td><td>3.118.250.000</td><td>127</td><td>1.046.900.000</td></tr>
      <tr><td>JKM</td><td>41</td><td>1.722.000.000</td><td>27</td><td>1.134.000.000</td></tr></tbody></table>
    </div></article></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n")[3:5] == ["Program | Kapuas Hulu | Kapuas Hulu | Melawi | Melawi",
                                        "| Kasus | Nominal (Rp) | Kasus | Nominal (Rp)"]
    amounts = {f.value_idr for f in extract_text(text) if f.kind == "amount"}
    assert amounts >= {3118250000, 1046900000, 1722000000, 1134000000} and not amounts & {214, 127, 41, 27}


@pytest.mark.parametrize("caption, kept", [
    ("Peserta JKN menunggu layanan di Kediri, Rabu (9/7/2025). (ILHAM MAULANA/JAWA POS RADAR KEDIRI)",
     "Peserta JKN menunggu layanan di Kediri, Rabu (9/7/2025)."),
    ("Wakil Bupati HSS memimpin rapat di Kandangan, Selasa (13/5/2025). BANJARMASINPOST.CO.ID/FAUZI RAHMAN",
     "Wakil Bupati HSS memimpin rapat di Kandangan, Selasa (13/5/2025)."),
    ("Rapat TAPD di Kupang, Rabu (15/10/2025). &copy;2025 Merdeka.com/Yohana Ndun", "Rapat TAPD di Kupang, Rabu (15/10/2025)."),
    ("Penyerahan santunan JKM kepada ahli waris. (Dok. BPJS Ketenagakerjaan)", "Penyerahan santunan JKM kepada ahli waris."),
    ("Rapat KUA/PPAS di DPRD Jambi, Senin (3/11/2025).", "Rapat KUA/PPAS di DPRD Jambi, Senin (3/11/2025)."),
    ("Pemanen sawit di Bilah Hulu. UMK 2026 ditetapkan Rp3.521.581. TRIBUN-MEDAN.COM/FREDY SANTOSO",
     "Pemanen sawit di Bilah Hulu. UMK 2026 ditetapkan Rp3.521.581."),  # the credit opens after the number
])
def test_a_photo_caption_is_story_text_without_its_credit(caption, kept):
    html = f"""<html><body><article><div class="entry-content">
      <p>Pemerintah Kabupaten Kediri menunggak iuran PBI JKN sebesar Rp18,6 miliar untuk semester pertama tahun ini.</p>
      <figure class="wp-caption"><img src="a.jpg"><figcaption class="wp-caption-text">{caption}</figcaption></figure>
      <p>Bupati berjanji melunasi tunggakan itu sebelum akhir Agustus agar status UHC tidak dicabut.</p>
    </div></article></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n")[1] == kept


def test_a_gallery_counter_is_not_caption_text():
    html = """<html><body><article class="gallery">
      <p>Pencairan bantuan subsidi upah di Kulon Progo berlangsung sejak pagi dengan antrean panjang di kantor pos.</p>
      <figure><img src="a.jpg"><figcaption><span class="num">1/6</span>Kepala Kantor Pos Wates, Agus Pramono, menyiapkan 12 loket. (KRJOGJA/Bagus)</figcaption></figure>
      <figure><img src="b.jpg"><figcaption><span class="num">2/6</span>Sebanyak 3.120 pekerja menerima BSU di Wates.</figcaption></figure>
    </article></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n")[1:] == ["Kepala Kantor Pos Wates, Agus Pramono, menyiapkan 12 loket.",
                                      "Sebanyak 3.120 pekerja menerima BSU di Wates."]


def test_a_photo_gallery_block_inside_the_story_keeps_its_captions_and_a_linked_one_goes():
    html = """<html><body><article>
      <h1>FOTO: Nelayan Muna Didaftarkan BPJS Ketenagakerjaan</h1>
      <div class="gallery" data-count="2">
        <figure class="gallery-item"><img src="1.jpg"><figcaption>1/2 Kepala Bidang Perikanan Tangkap DKP Sultra, Hasan Basri, membagikan kartu peserta.</figcaption></figure>
        <figure class="gallery-item"><img src="2.jpg"><figcaption>2/2 Santunan JKM Rp42 juta diserahkan kepada ahli waris nelayan.</figcaption></figure>
      </div>
      <p>Pemerintah Kabupaten Muna mendaftarkan 1.200 nelayan sebagai peserta BPJS Ketenagakerjaan dengan iuran dari APBD.</p>
      <p>Pendaftaran tahap kedua dibuka bulan depan untuk petani rumput laut di pesisir timur.</p>
      <div class="related-gallery">
        <figure><a href="/foto/1"><img src="r.jpg"></a><figcaption><a href="/foto/1">Festival layang-layang di Raha</a></figcaption></figure>
        <figure><a href="/foto/2"><img src="s.jpg"></a><figcaption><a href="/foto/2">Panen jagung di Tongkuno</a></figcaption></figure>
      </div>
    </article></body></html>"""
    text, _ = html_to_article_text(html)
    paragraphs = text.split("\n\n")
    assert "Kepala Bidang Perikanan Tangkap DKP Sultra, Hasan Basri, membagikan kartu peserta." in paragraphs
    assert "Santunan JKM Rp42 juta diserahkan kepada ahli waris nelayan." in paragraphs
    assert "layang-layang" not in text and "Tongkuno" not in text


def test_a_lead_photo_before_the_story_block_gives_its_caption_after_the_story():
    html = """<html><body><article class="read">
      <h1>Tunggakan PBI Kabupaten Kediri Capai Rp18,6 Miliar</h1>
      <figure class="read__photo"><img src="a.jpg">
        <figcaption>Peserta JKN menunggu layanan di Kediri, Rabu (9/7/2025). (ILHAM MAULANA/RADAR KEDIRI)</figcaption></figure>
      <div class="read__content">
        <p>Pemerintah Kabupaten Kediri masih menunggak iuran JKN peserta PBI yang dibiayai APBD sebesar Rp18,6 miliar.</p>
        <p>Bupati berjanji melunasi tunggakan itu sebelum akhir Agustus agar status UHC tidak dicabut.</p>
      </div>
      <div class="sidebar"><figure><figcaption>Iklan: promo akhir pekan</figcaption></figure></div>
    </article></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n") == [
        "Pemerintah Kabupaten Kediri masih menunggak iuran JKN peserta PBI yang dibiayai APBD sebesar Rp18,6 miliar.",
        "Bupati berjanji melunasi tunggakan itu sebelum akhir Agustus agar status UHC tidak dicabut.",
        "Peserta JKN menunggu layanan di Kediri, Rabu (9/7/2025).",
    ]


def test_a_story_split_around_a_related_box_is_read_whole():
    first = ("Posko pengaduan THR Kabupaten Tegal telah menerima 37 aduan yang mewakili 412 pekerja dari 19 perusahaan "
             "di sektor garmen. Sebagian besar aduan menyangkut THR yang dicicil.")
    second = ("Di Kota Tegal, posko serupa mencatat 11 aduan dari 57 pekerja hingga Senin, dan pemanggilan perusahaan "
              "dimulai pekan depan. Perusahaan yang membandel dilaporkan ke pengawas.")
    html = f"""<html><body><div class="col-8">
      <div class="post" id="post-body-1"><p>{first}</p></div>
      <div class="related-box"><div class="related-title">Baca Juga</div><ul><li><a href="/a">Harga bawang turun</a></li></ul></div>
      <div class="post" id="post-body-2"><p>{second}</p></div>
      <div class="comments"><p>Pabrik tempat adik saya juga belum bayar THR sampai sekarang, tolong dicek pak dinas.</p></div>
    </div></body></html>"""
    text, _ = html_to_article_text(html)
    assert text.split("\n\n") == [first, second]


PARAGRAPHS = ["Pemerintah Kabupaten Tapanuli Selatan menanggung iuran BPJS Ketenagakerjaan bagi 2.300 pekerja rentan.",
              "Bupati menyebutkan anggaran yang disiapkan mencapai Rp1,1 miliar dari APBD kabupaten tahun ini.",
              "Para penerima terdiri atas petani, nelayan, dan pedagang kecil di empat belas kecamatan."]


@pytest.mark.parametrize("body", [
    # no known content class; one <div> per paragraph, a sidebar of links beside it
    "<div class='kiri'><div class='isi'>" + "".join(f"<div>{p}</div>" for p in PARAGRAPHS) + "</div></div><div class='kanan'>"
    + "".join(f"<div><a href='/berita/{i}'>Judul berita lain yang cukup panjang nomor {i}</a></div>" for i in range(20)) + "</div>",
    # a table layout: <span> paragraphs split by <br>, the menu in the next cell
    "<table><tr><td>Beranda</td><td>" + "".join(f"<span>{p}</span><br><br>" for p in PARAGRAPHS) + "</td></tr></table>",
], ids=["div-per-paragraph", "table-of-spans"])
def test_densest_block_fallback_keeps_every_paragraph_of_div_and_span_layouts(body):
    text, _ = html_to_article_text(f"<html><body>{body}</body></html>")
    assert text.split("\n\n") == PARAGRAPHS


def test_a_lead_before_a_collapsed_read_more_block_stays_with_the_story():
    lead = ["KUALA KURUN - Pemkab Gunung Mas menambah 2.400 pekerja rentan yang iurannya dibayar dari APBD mulai Oktober.",
            "Sekda Gunung Mas, Yantrie Rahman, mengatakan anggaran tambahan Rp403 juta sudah disahkan bersama DPRD."]
    rest = [f"Paragraf lanjutan {i} menjelaskan pendataan peserta bersama desa dan kelurahan di kabupaten itu." for i in range(5)]
    html = ("<html><body><div id='isi' class='content'>" + "".join(f"<p>{p}</p>" for p in lead)
            + "<button>Baca selengkapnya</button><div id='more' style='display:none'>"
            + "".join(f"<p>{p}</p>" for p in rest) + "</div></div>"
            + "<div class='left'><div class='info'>Senin, 6 Oktober 2025 | Penulis: Redaksi Kalteng</div>"
            + "<div class='post'><p>Komentar pembaca: Bupati Katingan juga harus menyusul, jangan kalah.</p></div></div>"
            + "</body></html>")
    text, _ = html_to_article_text(html)
    assert text.split("\n\n") == lead + rest


def test_junk_class_never_removes_the_story_itself():
    story = "".join(f"<p>Paragraf {i} tentang kepesertaan pekerja informal di kabupaten.</p>" for i in range(6))
    html = f'<html><body><div class="entry-content"><div class="content has-ads">{story}</div></div></body></html>'
    text, _ = html_to_article_text(html)
    assert text.count("Paragraf") == 6


@pytest.mark.parametrize("html", ["", "<html></html>", "<p></p>", "bukan html sama sekali",
                                  '<script type="application/ld+json">' + "[" * 100_000 + "</script><p>Isi berita.</p>"])
def test_degenerate_pages_do_not_fail(html):
    text, meta = html_to_article_text(html)
    assert set(meta) == {"title", "published", "outlet", "url", "author"}
    assert isinstance(text, str)


@pytest.mark.parametrize("title, outlet, expected", [
    ("Judul Berita Panjang | Warta Sumatera", None, "Judul Berita Panjang"),
    ("Judul Berita Panjang - Kompas.com", None, "Judul Berita Panjang"),
    ("Judul Berita Panjang - ANTARA News", "ANTARA News", "Judul Berita Panjang"),
    ("Judul Berita Panjang - detikNews", "detiknews", "Judul Berita Panjang"),
    ("Banjir Rendam Medan - Warga Mengungsi", "Kabar Kota", "Banjir Rendam Medan - Warga Mengungsi"),
    ("Pendek | Situs", None, "Pendek | Situs"),
])
def test_strip_site_suffix(title, outlet, expected):
    assert strip_site_suffix(title, outlet) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-04-02T15:05:11+07:00", "2024-04-02T15:05:11+07:00"),
    ("2024/04/02 15:05:11", "2024-04-02T15:05:11"),
    ("2024-04-02", "2024-04-02"),
    # a +00:00 time nothing confirms (local time with a wrong offset, or true UTC?): its day
    # when both readings agree on it, else nothing
    ("2024-04-02T08:05:11.000Z", "2024-04-02"),
    ("2025-08-18T23:45:00+00:00", None),
    ("Selasa, 02 Apr 2024 15:05 WIB", None),
    ("20240402", None),
    ("1970-01-01", None),
    ("2024-13-45", None),
    ("", None),
    (None, None),
])
def test_iso_datetime(value, expected):
    assert iso_datetime(value) == expected


def test_a_story_paged_inside_one_page_keeps_every_page():
    """Liputan6 sets a long story out as "1 dari 2 halaman", "2 dari 2 halaman" blocks of one page."""
    pages = [["Pemkot Palangka Raya menanggung iuran BPJS Ketenagakerjaan bagi 6.200 pekerja rentan sejak 2023.",
              "Pasangan calon berjanji menambah kuota menjadi 25 ribu pekerja informal bila terpilih."],
             ["Kepala BPJS Ketenagakerjaan Cabang Palangka Raya menyebut peserta aktif 71.340 pekerja.",
              "Ketua KPU Kota Palangka Raya menyebut masa kampanye berakhir 23 November 2024."]]
    blocks = "".join(
        f'<div class="article-content-body__item-page" data-page="{n}">'
        f'<div class="article-content-body__item-page-number">{n} dari 2 halaman</div>'
        f'<div class="article-content-body__item-content">{"".join(f"<p>{p}</p>" for p in page)}</div></div>'
        '<div class="advertisement-text">Advertisement</div>'
        for n, page in enumerate(pages, 1))
    html = ('<html><head><meta property="og:url" content="https://www.liputan6.com/regional/read/5765432/janji">'
            f'</head><body><article><div class="article-content-body">{blocks}</div></article></body></html>')
    text, _ = html_to_article_text(html)
    assert text.split("\n\n") == pages[0] + pages[1]


def test_a_story_paged_with_its_later_pages_prefetched_keeps_the_first():
    """Page 1 shown as "read__content", pages 2 and 3 prefetched and hidden as "read__content
    read__content--lazy", the page links between them: the story is all three, in order."""
    pages = [["Pemkab Halmahera Utara menanggung iuran BPJS Ketenagakerjaan bagi 3.150 pekerja rentan tahun ini.",
              "Kepala Disnakertrans Halmahera Utara, Yulius Duan, mengatakan pendataan dimulai sejak Februari."],
             ["Penerima terbanyak adalah nelayan di Kecamatan Tobelo dan petani kelapa di Kecamatan Galela.",
              "Anggaran iuran yang disiapkan dalam APBD 2026 mencapai Rp680 juta untuk dua belas bulan."],
             ["Kepala BPJS Ketenagakerjaan Cabang Ternate menyebut klaim JKM telah dibayarkan kepada sembilan ahli waris.",
              "Pemkab menargetkan penerima bantuan iuran naik menjadi 5.000 pekerja rentan pada 2027."]]

    def block(n: int, lazy: str) -> str:
        return (f'<div class="read__content{lazy}" data-page="{n}"><div class="clearfix">'
                + "".join(f"<p>{p}</p>" for p in pages[n - 1]) + "</div></div>")
    paging = ('<div class="paging"><a href="?page=1">1</a> <a href="?page=2">2</a> <a href="?page=3">3</a>'
              ' <a href="?page=2">Selanjutnya</a></div>')
    html = ('<html><body><div class="read"><h1 class="read__title">Iuran pekerja rentan Halut</h1>'
            + block(1, "") + paging + block(2, " read__content--lazy") + block(3, " read__content--lazy")
            + '<div class="related"><a href="/x">Harga cengkih naik di Ternate</a></div></div></body></html>')
    text, _ = html_to_article_text(html)
    assert text.split("\n\n") == pages[0] + pages[1] + pages[2]


STORY_PARAGRAPHS = [f"Wali Kota menyerahkan {n} kartu BPJS Ketenagakerjaan kepada pedagang kaki lima di pasar."
                    for n in (120, 340, 560)]


@pytest.mark.parametrize("html, published", [
    # a post's meta line above the story block (the page carries no date metadata)
    ('<html><body><div class="col"><h2 class="judul-berita">Kartu untuk PKL</h2>'
     '<div class="meta-berita"><i class="bi bi-person"></i> Admin Diskominfo | <i class="bi bi-calendar"></i>'
     ' Kamis, 18 September 2025 | 10:45 WIB | Dibaca 987 kali</div>'
     '<div class="isi-berita">' + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div>'
     '<div class="komentar"><small>19-09-2025 13:20</small><p>Terima kasih Pak Wali.</p></div></div>'
     '<div class="sidebar"><span class="tanggal-hari-ini">Minggu, 22 November 2026</span></div></body></html>',
     "2025-09-18T10:45:00+07:00"),  # its clock time and zone too
    # an old table layout: the info row above the story's row
    ('<html><body><table><tr><td class="konten"><table>'
     '<tr><td class="judul_berita"><b>Kartu untuk PKL</b></td></tr>'
     '<tr><td class="info_berita">Rabu, 3 September 2025 | Kategori: Berita Daerah | Dilihat: 1.204 kali</td></tr>'
     '<tr><td class="isi_berita">' + "<br><br>".join(STORY_PARAGRAPHS) + '</td></tr>'
     '<tr><td class="komentar">Hasnawati - 04/09/2025 09:12 Terima kasih Pak Wali.</td></tr>'
     '</table></td><td class="sidebar">Minggu, 22 November 2026</td></tr></table></body></html>',
     "2025-09-03"),
    # a "tgl" (tanggal) line between the headline and the story
    ('<html><body><section class="berita-detail"><h1>Kartu untuk PKL</h1>'
     '<p class="tgl"><i class="icon-calendar"></i> 03 Desember 2025 &nbsp; <i class="icon-user"></i> Humas Setwan</p>'
     '<div class="isi">' + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div></section>'
     '<div class="sidebar"><span class="tgl-hari-ini">Minggu, 22 November 2026</span></div></body></html>',
     "2025-12-03"),
    # Joomla K2: the item's header (date, then title) beside the body's own block
    ('<html><body><div class="itemView"><div class="itemHeader">'
     '<span class="itemDateCreated">Rabu, 21 Januari 2026 09:40</span><h2 class="itemTitle">Kartu untuk PKL</h2></div>'
     '<div class="itemBody"><div class="itemFullText">' + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS)
     + '</div></div></div></body></html>',
     "2026-01-21T09:40:00"),
    # a portal whose <main> holds title, meta line and text in one block
    ('<html><body><main class="py-4"><div class="card-body"><h2 class="news-title">Kartu untuk PKL</h2>'
     '<div class="news-meta"><span>Admin Diskominfo</span> <span class="ms-3">14/05/2025</span></div>'
     + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div></main></body></html>',
     "2025-05-14"),
    # the same block with its only date below the first paragraph (a related list): no date
    ('<html><body><main class="py-4"><div class="card-body"><h2 class="news-title">Kartu untuk PKL</h2>'
     + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS)
     + '<div class="news-meta"><span class="date">Senin, 12 Mei 2025</span> Pasar baru dibuka</div></div></main></body></html>',
     None),
    # a date line of no date class in the <article>'s own <header>, the article the body's block
    ('<html><body><article class="post-content"><header><h1>Kartu untuk PKL</h1>'
     '<p class="simple-share">Selasa, 10 Februari 2026 13:20 WIB</p></header>'
     '<figure><figcaption>Wali Kota menyerahkan kartu, Selasa (10/2/2026). ANTARA/Budi</figcaption></figure>'
     + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</article></body></html>',
     "2026-02-10T13:20:00+07:00"),
    # a paragraph that only mentions a date in passing is no date line
    ('<html><body><article class="post-content"><header><h1>Kartu untuk PKL</h1>'
     '<p class="lead">Kartu diserahkan kepada pedagang pasar pada Selasa, 10 Februari 2026.</p></header>'
     + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</article></body></html>',
     None),
    # a page builder's layout blocks ("elementor-top-section" is no top bar), the title an <h1>
    ('<html><body><div class="elementor-section elementor-top-section"><div class="elementor-column elementor-top-column">'
     '<div class="elementor-widget-wrap"><div class="elementor-widget-heading"><h1>Kartu untuk PKL</h1></div>'
     '<div class="elementor-widget-post-info"><ul class="elementor-post-info"><li><span class="elementor-post-info__item'
     ' elementor-post-info__item--type-date">Selasa, 14 Oktober 2025</span></li><li><span class="elementor-post-info__item'
     ' elementor-post-info__item--type-author">Admin Diskominfo</span></li></ul></div>'
     '<div class="elementor-widget-theme-post-content"><div class="elementor-widget-container">'
     + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div></div></div></div></div></body></html>',
     "2025-10-14"),
    # an <article> whose meta lines are paragraphs: the byline, then the date, then the body
    ('<html><body><div id="top-bar"><span class="tanggal">Senin, 22 Desember 2025</span></div>'
     '<article class="post"><h1>Kartu untuk PKL</h1><p class="byline">Reporter: Fajar &middot; Editor: Dwi</p>'
     '<p class="post-date">19/12/2025 &middot; 13:05 WIB</p>'
     + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</article></body></html>',
     "2025-12-19"),
    # a meta block's date field written with dashes, a widget's date in the top bar
    ('<html><body><div id="topbar">Kamis, 23 Oktober 2025</div><div class="detail"><h1>Kartu untuk PKL</h1>'
     '<div class="meta"><span class="penulis">Penulis : Fajar</span><br><span class="tanggal">21 - Oct - 2025, 13:47</span></div>'
     '<div class="post-body">' + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div></div></body></html>',
     "2025-10-21T13:47:00"),
    # a byline block of lines broken by <br>: the date on its first line, the author on the next
    ('<html><body><div id="article"><h1>Kartu untuk PKL</h1>'
     '<div class="byline">Kamis, 11 September 2025 14:30 WIB<br>Penulis: Fajar | Editor: Dwi</div>'
     '<div class="txt-article">' + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div></div></body></html>',
     "2025-09-11T14:30:00+07:00"),
    # such a block whose first line is no date: the date in a later line of prose is none
    ('<html><body><div id="article"><h1>Kartu untuk PKL</h1>'
     '<div class="byline">Penulis: Fajar | Editor: Dwi<br>Kartu diserahkan pada 11 September 2025 di pasar.</div>'
     '<div class="txt-article">' + "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS) + '</div></div></body></html>',
     None),
], ids=["post-meta-line", "table-info-row", "tgl-line", "k2-item-header", "main-block-meta", "main-block-late-date",
        "header-date-line-no-class", "header-lead-mentions-a-date", "page-builder-post-info", "meta-paragraphs",
        "dashed-date-field", "br-lined-byline", "br-lined-byline-no-date-first"])
def test_a_date_line_above_the_story_dates_a_page_without_date_metadata(html, published):
    _, meta = html_to_article_text(html)
    assert meta["published"] == published


def _json_page(head: str, body: str) -> str:
    return f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


KAMPAR_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
             '"headline": "Pemkab Kampar Daftarkan 2.500 Petani Karet", "datePublished": "2025-10-14T09:12:00+07:00", '
             '"articleBody": "BANGKINANG - Pemerintah Kabupaten Kampar mendaftarkan 2.500 petani karet sebagai peserta '
             'BPJS Ketenagakerjaan.\\nKepala Dinas Tenaga Kerja Kampar, Sutrisno, mengatakan iuran Rp16.800 per orang '
             'per bulan dibayar dari APBD 2025."}</script>')


def test_an_unrendered_app_shell_is_read_from_its_json_ld_article_body():
    html = _json_page(KAMPAR_LD, '<div id="app"></div><noscript>Aktifkan JavaScript untuk membaca berita ini.</noscript>')
    text, meta = html_to_article_text(html)
    assert text.split("\n\n") == [
        "BANGKINANG - Pemerintah Kabupaten Kampar mendaftarkan 2.500 petani karet sebagai peserta BPJS Ketenagakerjaan.",
        "Kepala Dinas Tenaga Kerja Kampar, Sutrisno, mengatakan iuran Rp16.800 per orang per bulan dibayar dari APBD 2025.",
    ]
    assert meta["published"] == "2025-10-14T09:12:00+07:00"


def test_a_framework_page_is_read_from_the_html_in_its_page_data():
    data = ('{"props": {"pageProps": {"article": {"title": "Disnaker Palu Periksa 40 Perusahaan", "content": '
            '"<p>PALU - Dinas Tenaga Kerja Kota Palu memeriksa 40 perusahaan.</p>\\n<p>Kepala Dinas Tenaga Kerja '
            'Kota Palu, Andi Rahman, menyebut 1.250 pekerja <b>belum</b> terdaftar.</p>", '
            '"related": [{"snippet": "<p>Wali Kota Palu resmikan pasar.</p>"}]}}}}')
    html = _json_page('<title>Disnaker Palu Periksa 40 Perusahaan</title>',
                      f'<div id="__next"><nav>Beranda Berita</nav></div>'
                      f'<script id="__NEXT_DATA__" type="application/json">{data}</script>')
    text, _ = html_to_article_text(html)
    assert text.split("\n\n") == [
        "PALU - Dinas Tenaga Kerja Kota Palu memeriksa 40 perusahaan.",
        "Kepala Dinas Tenaga Kerja Kota Palu, Andi Rahman, menyebut 1.250 pekerja belum terdaftar.",
    ]


def test_a_teaser_article_body_does_not_replace_the_story_on_the_page():
    story = "".join(f"<p>{p}</p>" for p in (
        "BANGKINANG - Pemerintah Kabupaten Kampar mendaftarkan 2.500 petani karet sebagai peserta BPJS Ketenagakerjaan.",
        "Kepala Dinas Tenaga Kerja Kampar, Sutrisno, mengatakan iuran Rp16.800 per orang per bulan dibayar dari APBD 2025.",
        "Program ini didasarkan pada Peraturan Bupati Kampar Nomor 21 Tahun 2024 tentang perlindungan pekerja rentan.",
    ))
    html = _json_page(KAMPAR_LD, f'<article class="detail">{story}</article>')
    text, _ = html_to_article_text(html)
    assert text.split("\n\n")[-1].startswith("Program ini didasarkan pada Peraturan Bupati Kampar")
