"""clean_text: character and whitespace normalisation, page furniture, repeated bodies, speed."""
from __future__ import annotations

import json
import random
import re

import pytest

from pipeline.cleaning import clean_text, furniture, normalize_chars, read_furniture_rows
from tests.paths import SEEDS

BODY = ("Pemerintah kabupaten menanggung iuran jaminan sosial bagi 4.200 pekerja rentan "
        "mulai bulan depan, kata kepala dinas tenaga kerja setempat kepada wartawan.")
BODY2 = ("Anggaran untuk program itu mencapai Rp1,2 miliar dan diambil dari APBD perubahan, "
         "sementara pendataan dilakukan oleh perangkat desa bersama pendamping.")


def paragraphs(text: str) -> list[str]:
    return clean_text(text).split("\n\n")


def seed(prefix: str) -> str:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip("seed articles not available")
    return paths[0].read_text(encoding="utf-8")


# --- characters and whitespace ---------------------------------------------------------
def test_spaces_quotes_dashes_and_invisible_characters():
    raw = ("\ufeffKepala\u00a0dinas\u200b berkata: \u201cSiap\u201d \u2013 \u2018ya\u2019 \u2014 "
           "pen\u00addataan\u2060 selesai\x07.\r\nBaris\tkedua\u2003di sini.")
    assert clean_text(raw) == "Kepala dinas berkata: \"Siap\" - 'ya' - pendataan selesai.\n\nBaris kedua di sini."


def test_cp1252_punctuation_read_as_latin1_is_repaired():
    assert normalize_chars("\x93Tepat waktu\x94 \x96 kata dia\x85") == '"Tepat waktu" - kata dia...'


def test_letters_digits_and_symbols_stay():
    text = "Kafe milik José di Medan, suhu 30°C, luas 10⁶ m², naik 5%… © ANTARA"
    assert clean_text(text) == text
    assert clean_text("Jose\u0301 hadir.") == "José hadir."  # decomposed -> composed (NFC)


def test_every_line_is_a_paragraph_separated_by_one_blank_line():
    raw = "  Baris   pertama.  \n\n\n\t Baris\t\tkedua. \nBaris ketiga.\n\n"
    assert clean_text(raw) == "Baris pertama.\n\nBaris kedua.\n\nBaris ketiga."


def test_two_columns_read_as_a_table_only_when_their_second_cells_align():
    table = "Kabupaten        Peserta\nCilacap          6.250\nKebumen          5.200\n"
    assert clean_text(table) == "Kabupaten | Peserta\n\nCilacap | 6.250\n\nKebumen | 5.200"
    ragged = "Tahun lalu  2.100 orang.\nKini sudah mencapai  3.400\nTarget  5.000\n"
    assert "|" not in clean_text(ragged)


@pytest.mark.parametrize("raw", ["", "   ", "\n\n \t\n", "\u00a0\u200b"])
def test_blank_input_gives_empty_text(raw):
    assert clean_text(raw) == ""


# --- furniture: every example in the data file, positive ------------------------------
ROWS = read_furniture_rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['example'][:30]}" for r in ROWS])
def test_furniture_example_is_removed(row):
    example, kind = row["example"], row["kind"]
    if kind == "strip_inline":
        matched = re.search(row["pattern"], normalize_chars(example), re.M)
        assert matched, "the example does not match its own pattern"
        cleaned = clean_text(example)
        assert len(cleaned) < len(example) and matched.group(0).strip() not in cleaned
    elif kind in ("drop_line", "drop_teaser", "drop_from_here", "drop_widget"):
        assert paragraphs(f"{BODY}\n{example}\n{BODY2}")[0] == BODY
        assert example.strip() not in paragraphs(f"{BODY}\n{example}\n{BODY2}")
    elif kind in ("drop_top", "drop_toast"):
        assert paragraphs(f"{example}\n{BODY}") == [BODY]
    elif kind == "top_neighbor":
        assert paragraphs(f"30 C\n{example}\n{BODY}") == [BODY]
    else:
        pytest.fail(f"no test for kind {kind}")


def test_furniture_rules_compile():
    rules = furniture()
    assert rules.inline and rules.top and rules.body


# --- furniture: article text that looks like furniture stays --------------------------
@pytest.mark.parametrize("line", [
    "Ia meminta warga membaca juga aturan baru itu sebelum mendaftar.",
    "Baca juga merupakan rubrik yang dikelola para pelajar, kata pengelola perpustakaan.",
    "Foto bersama dilakukan usai penandatanganan nota kesepahaman.",
    "Halaman kantor dipenuhi warga sejak pagi untuk mengurus kartu peserta.",
    "Selanjutnya, tim akan turun ke desa-desa untuk mendata pekerja.",
    "Terpopuler di kalangan petani adalah program jaminan kecelakaan kerja.",
    "Editor senior itu kini bekerja sebagai juru bicara pemerintah provinsi.",
    "Share kepemilikan pemda di bank daerah mencapai 20 persen.",
    "Klik Pintar merupakan aplikasi layanan milik pemerintah kota.",
    "Ikuti saja prosedurnya, kata petugas di loket pendaftaran.",
    "Hak cipta lagu itu dimiliki oleh pencipta aslinya.",
    "Simak baik-baik penjelasan petugas sebelum menandatangani formulir.",
    "Sumber dana berasal dari APBD provinsi.",
    "Komentar itu disampaikan gubernur saat rapat paripurna.",
    "2024 menjadi tahun pertama program berjalan penuh.",
    "Diposting oleh Admin Dinas Kominfo | Rabu, 15 Mei 2024",
    "Selasa, 12 Maret 2024 10:15 WIB",
    "Tentang BPJS Ketenagakerjaan",
    "Jambi - Pemerintah kota menambah kuota peserta - detik ini juga.",
])
def test_article_lines_that_resemble_furniture_stay(line):
    assert paragraphs(f"{BODY}\n{line}\n{BODY2}") == [BODY, line, BODY2]


def test_widgets_are_dropped_only_in_the_leading_block():
    text = f"Judul Berita Tentang Pekerja Rentan\nMinggu, 24 November 2024\n{BODY}\nSukses\n30 C\nMedan"
    assert paragraphs(text) == ["Judul Berita Tentang Pekerja Rentan", "Minggu, 24 November 2024",
                                BODY, "Sukses", "30 C", "Medan"]


def test_leading_weather_and_date_widget_block_is_dropped():
    text = f"31 C\nPalembang\nSunday, November 24, 2024\nspot_img\nJudul Berita Pekerja\n{BODY}"
    assert paragraphs(text) == ["Judul Berita Pekerja", BODY]
    assert paragraphs(f"Medan\nJudul Berita Pekerja\n{BODY}")[0] == "Medan"  # no widget: a city line stays


def test_a_section_heading_that_resembles_a_tail_heading_keeps_the_section():
    assert paragraphs(f"{BODY}\nRekomendasi\n{BODY2}") == [BODY, BODY2]


def test_tail_heading_cuts_the_rest_only_after_enough_text():
    teasers = "Gubernur Resmikan Jembatan Baru\nHarga Beras Stabil Menjelang Lebaran"
    assert paragraphs(f"{BODY}\n{BODY2}\nBerita Terkait\n{teasers}") == [BODY, BODY2]
    short = paragraphs(f"Judul Pendek\nArtikel Terkait\n{BODY}")
    assert short == ["Judul Pendek", BODY]


def test_a_list_widget_inside_the_article_goes_and_the_article_goes_on_after_it():
    widget = ("TERPOPULER\n1. Dua Pekerja Tertimbun Longsor di Tambang Emas Poboya\n"
              "2. Harga Cabai di Pasar Masomba Tembus Rp80 Ribu\n3. Jembatan di Donggala Putus Diterjang Banjir")
    later = ("Manajer operasional perusahaan mengatakan, perusahaannya mempekerjakan 127 pekerja, termasuk "
             "40 pekerja harian lepas, dan seluruhnya sudah didaftarkan sebagai peserta BPJS Ketenagakerjaan.")
    page = f"{BODY}\n{BODY2}\n{widget}\n{later}\nEditor: Ilham\nFacebook Twitter WhatsApp"
    assert paragraphs(page) == [BODY, BODY2, later]
    # at the article's end the same widget still cuts the rest: a short line after its headlines is no article text
    assert paragraphs(f"{BODY}\n{BODY2}\n{widget}\nCopyright 2025 Metro Sulawesi.") == [BODY, BODY2]


def test_a_release_contact_block_stays_with_its_heading_but_an_outlet_contact_footer_goes():
    contact = "Kontak Media:\nDewi Anggraini\nKepala Bidang Kepesertaan BPJS Ketenagakerjaan Cabang Pontianak"
    assert paragraphs(f"{BODY}\n{BODY2}\n{contact}") == [BODY, BODY2, *contact.split("\n")]
    footer = "Jl. Gatot Subroto No. 12, Medan\nTelepon (061) 4567890"
    assert paragraphs(f"{BODY}\n{BODY2}\nKontak Redaksi:\n{footer}") == [BODY, BODY2]


def test_teaser_heading_takes_its_headline_but_not_a_sentence():
    assert paragraphs(f"{BODY}\nBaca Juga:\nGubernur Resmikan Jembatan Baru\n{BODY2}") == [BODY, BODY2]
    assert paragraphs(f"{BODY}\nBaca juga\n{BODY2}") == [BODY, BODY2]


def test_inline_credits_and_end_marker():
    assert clean_text("Warga antre di loket pelayanan. Foto: Dok Humas--") == "Warga antre di loket pelayanan."
    assert clean_text("Petugas memeriksa berkas (Foto: ANTARA/Budi) di loket.") == "Petugas memeriksa berkas di loket."
    assert clean_text(f"{BODY} (*)") == BODY
    assert clean_text("Ia menunjukkan hasil foto: semua peserta hadir.") == "Ia menunjukkan hasil foto: semua peserta hadir."


def test_a_breadcrumb_before_the_date_on_one_line_goes_and_the_date_stays():
    date = "Kamis, 18 Desember 2025 - 07:45 WIT"
    assert clean_text(f"Beranda / Ekonomi / {date}\n{BODY}") == f"{date}\n\n{BODY}"
    assert clean_text(f"Home | Daerah | 18 Desember 2025\n{BODY}") == f"18 Desember 2025\n\n{BODY}"
    assert clean_text(f"Beranda / Ekonomi / UMP 2026 Naik\n{BODY}") == BODY  # no date: the line goes


def test_a_byline_before_the_date_on_one_line_goes_and_the_date_stays():
    date = "Rabu, 14 Mei 2025 | 16:05 WIB"
    assert clean_text(f"Reporter: Munawar Khalis | {date}\n{BODY}") == f"{date}\n\n{BODY}"
    assert clean_text(f"Penulis: Ani | Editor: Budi Santoso | {date}\n{BODY}") == f"{date}\n\n{BODY}"
    assert clean_text(f"Reporter: Munawar Khalis | Editor: Budi Santoso\n{BODY}") == BODY  # no date: the line goes
    assert clean_text(f"{BODY} Reporter: Ani | 2025") == f"{BODY} Reporter: Ani | 2025"  # not at a line start
    assert clean_text(f"Reporter: Nur Hikmah - {date}\n{BODY}") == f"{date}\n\n{BODY}"  # a spaced dash sets it off
    assert clean_text(f"Reporter: Siti Nur-Aini\n{BODY}") == BODY  # a hyphen inside a name: no date, the line goes


def test_chat_bold_and_italic_marks_go_but_other_asterisks_and_underscores_stay():
    text = "*PEMBAYARAN KLAIM* 📢\n_Rabu, 9 Juli 2025_\nSebanyak *12.480 pekerja rentan* terlindungi."
    assert clean_text(text) == "PEMBAYARAN KLAIM 📢\n\nRabu, 9 Juli 2025\n\nSebanyak 12.480 pekerja rentan terlindungi."
    kept = "Akun @kang_asep_88 membalas. Skor 2*3*4 dan mama_pedagang_bpjstk. *) Penulis adalah dosen. Rp 48,7 M* ok."
    assert clean_text(kept) == kept


# --- hard-wrapped text (pipeline/unwrap.py) ----------------------------------------------
WRAPPED = """Pemerintah Kabupaten Ogan Komering Ulu Timur resmi menanggung iuran
jaminan sosial ketenagakerjaan bagi 27.400 pekerja rentan melalui APBD
2025. Kesepakatan itu ditandatangani Bupati OKU Timur dan Kepala Kantor
Cabang BPJS Ketenagakerjaan Baturaja Rini Anggraini di ruang rapat bupati.

Iuran sebesar Rp16.800 per orang per bulan dibayarkan untuk program
jaminan kecelakaan kerja dan jaminan kematian selama dua belas bulan, dan
anggarannya mencapai Rp5,52 miliar dari pos belanja dinas tenaga kerja.

Narahubung:
Dimas Arya Putra
Humas BPJS Ketenagakerjaan Baturaja"""


def test_a_hard_wrapped_release_gets_its_paragraphs_back():
    paras = paragraphs(WRAPPED)
    assert paras[0].startswith("Pemerintah Kabupaten") and paras[0].endswith("di ruang rapat bupati.")
    assert "Kepala Kantor Cabang BPJS Ketenagakerjaan Baturaja Rini Anggraini" in paras[0]
    assert paras[1].endswith("dinas tenaga kerja.") and len(paras) == 5
    assert paras[2:] == ["Narahubung:", "Dimas Arya Putra", "Humas BPJS Ketenagakerjaan Baturaja"]  # short lines stay
    assert clean_text(clean_text(WRAPPED)) == clean_text(WRAPPED)


def test_an_indented_block_of_a_pdf_is_joined_but_a_deeper_first_line_starts_a_paragraph():
    """pdftotext indents a whole block ("Mengingat" items, a letter's body): its lines run on
    like any other; a line indented deeper than the text above it opens a paragraph."""
    lines = WRAPPED.split("\n")
    block = [" " * 20 + line if line else line for line in lines]
    assert paragraphs("\n".join(block)) == paragraphs(WRAPPED)
    deeper = block[:2] + [" " * 24 + lines[2]] + block[3:]
    assert paragraphs("\n".join(deeper))[1].startswith(lines[2])


def test_a_word_split_at_a_line_end_is_joined_and_a_doubled_word_keeps_its_hyphen():
    raw = "Klaim yang dibayar-\nkan mencapai Rp3,87 mi-\nliar bagi masing-\nmasing pe-\nkerja."
    assert clean_text(raw) == "Klaim yang dibayarkan mencapai Rp3,87 miliar bagi masing-masing pekerja."
    assert paragraphs("Tim dari Dinas Sosial-\nDinas Kesehatan datang.") == ["Tim dari Dinas Sosial-", "Dinas Kesehatan datang."]


def test_lines_of_web_text_lists_and_tables_are_not_joined():
    web = [BODY, BODY2, "Penyerahan kartu dilakukan di aula kantor bupati pada Senin pagi."]
    assert paragraphs("\n".join(web)) == web  # paragraphs one a line, of any length
    rows = ["- Kabupaten Sambas sebanyak 1.200 pekerja rentan dari sektor perikanan,",
            "- Kabupaten Bengkayang sebanyak 950 pekerja rentan dari sektor pertanian,",
            "- Kabupaten Landak sebanyak 1.120 pekerja rentan dari sektor perkebunan,",
            "- Kabupaten Sanggau sebanyak 1.640 pekerja rentan dari sektor perkebunan,",
            "- Kabupaten Sekadau sebanyak 730 pekerja rentan dari sektor perdagangan,",
            "- Kabupaten Sintang sebanyak 1.310 pekerja rentan dari sektor pertanian, dan",
            "- Kabupaten Melawi sebanyak 690 pekerja rentan dari sektor perikanan."]
    assert paragraphs("\n".join(rows)) == rows
    table = ["NO | KABUPATEN/KOTA | JUMLAH PEKERJA | ANGGARAN (Rp) | KETERANGAN SUMBER",
             *(f"{i} | Kabupaten Contoh {i} | {i}.250 | {i}.600.000.000 | APBD Kabupaten" for i in range(1, 7))]
    assert paragraphs("\n".join(table)) == table
    tabbed = [f"{i}\tKabupaten Contoh {i}\t{i}.250 orang\tRp {i}.600.000.000\tAPBD Kabupaten" for i in range(1, 8)]
    assert paragraphs("\n".join(tabbed)) == [row.replace("\t", " | ") for row in tabbed]


def test_a_narrow_column_line_that_opens_with_a_year_and_a_comma_runs_on():
    """OCR of a newspaper column: "... Nomor 33 Tahun" / "2025, yang ditetapkan pada 30 Juni
    2025." is a sentence going on, not a table row of numbers."""
    column = ["Pemkab Gianyar mendaftarkan 3.600 pe-", "rajin, pemahat, dan pengukir sebagai",
              "peserta BPJS Ketenagakerjaan. Iurannya", "ditanggung APBD Gianyar melalui Pera-",
              "turan Bupati Gianyar Nomor 33 Tahun", "2025, yang ditetapkan pada 30 Juni 2025.",
              "Kepala Dinas Tenaga Kerja Kabupaten", "Gianyar, I Wayan Suardana Putra, Selasa",
              "(15/7), mengatakan para perajin selama", "ini bekerja tanpa perlindungan."]
    assert "Nomor 33 Tahun 2025, yang ditetapkan pada 30 Juni 2025." in clean_text("\n".join(column))
    column[4:6] = ["turan Bupati Gianyar Nomor 188.4/33/KPTS/", "2025. Perbup itu ditetapkan pada 30 Juni",
                   "12 Tahun 2025 yang ditetapkan 5 Mei", "2025 oleh bupati."]  # a number split at its "/"
    cleaned = clean_text("\n".join(column))
    assert "Nomor 188.4/33/KPTS/2025. Perbup" in cleaned and "Juni 12 Tahun 2025 yang ditetapkan 5 Mei 2025 oleh" in cleaned


def test_a_table_laid_out_with_spaces_gets_its_cells_back():
    """pdftotext keeps a table's columns as runs of spaces: its rows are written with " | "
    between cells, a second header line's cells placed under the columns they stand under."""
    layout = ["Tabel 3.3 Kuota dan Realisasi Peserta per Kabupaten",
              "",
              " No  Kabupaten            Kuota    Realisasi      %",
              "                         (orang)      (orang)",
              "  1  Kab. Lebong            1.400       1.362    97,29",
              "  2  Kab. Kepahiang         1.100       1.145   104,09",
              "     Jumlah                 2.500       2.507   100,28"]
    assert paragraphs("\n".join(layout)) == [
        "Tabel 3.3 Kuota dan Realisasi Peserta per Kabupaten",
        "No | Kabupaten | Kuota | Realisasi | %",
        "| | (orang) | (orang) |",
        "1 | Kab. Lebong | 1.400 | 1.362 | 97,29",
        "2 | Kab. Kepahiang | 1.100 | 1.145 | 104,09",
        "| Jumlah | 2.500 | 2.507 | 100,28"]
    assert clean_text(clean_text("\n".join(layout))) == clean_text("\n".join(layout))
    budget = ["   a. Dana Desa                     Rp 812.450.000,00",
              "   b. Bagi Hasil Pajak              Rp  32.000.000,00",
              "   c. Bantuan Keuangan Provinsi     Rp 100.000.000,00"]
    assert paragraphs("\n".join(budget)) == [  # two cells a line, "Rp" kept with its figure: no table
        "a. Dana Desa Rp 812.450.000,00", "b. Bagi Hasil Pajak Rp 32.000.000,00", "c. Bantuan Keuangan Provinsi Rp 100.000.000,00"]
    typed = ["Iuran dibayar dari APBD.  Sebanyak 1.200 pekerja terdaftar.  Kartu dibagikan",
             "di tiga kecamatan.  Jumlah itu naik dari 950 orang.  Pendaftaran dibuka lagi",
             "pada Maret 2026.  Kuota tahap dua 400 orang.  Data dari 12 desa masuk."]
    assert "|" not in clean_text("\n".join(typed))  # two spaces after each full stop: prose



def test_the_fields_of_a_wrapped_letter_stay_on_their_own_lines():
    letter = ["NOTA DINAS", "",
              "Kepada : Yth. Sekretaris Daerah Provinsi Bengkulu melalui Asisten Perekonomian",
              "Dari : Kepala Dinas Tenaga Kerja dan Transmigrasi Provinsi Bengkulu",
              "Tembusan : Kepala Badan Pengelola Keuangan dan Aset Daerah Provinsi Bengkulu",
              "Perihal: Usulan tambahan kuota pekerja rentan penerima bantuan iuran tahun 2026", "",
              "Dengan hormat, bersama ini kami sampaikan bahwa hingga akhir Agustus 2025 sebanyak",
              "18.400 pekerja rentan di Provinsi Bengkulu telah didaftarkan dalam program jaminan",
              "kecelakaan kerja dan jaminan kematian dengan iuran yang dibayar dari APBD provinsi,",
              "sementara usulan kabupaten dan kota untuk tahun depan mencapai 9.600 orang lagi."]
    paras = paragraphs("\n".join(letter))
    assert paras[1:5] == letter[2:6]  # each field its own paragraph
    assert paras[5].startswith("Dengan hormat") and paras[5].endswith("9.600 orang lagi.")  # the prose is joined
    header = ["MEDIA CENTER PROVINSI JAMBI", "BERANDA / DAERAH / KETENAGAKERJAAN",
              "Rabu, 14 Mei 2025 - 10:20 WIB", "Penulis: Tim Media Center | Editor: Rahmat"]
    listing = ["Sebaran peserta menurut kabupaten:", "- Kabupaten Bungo: 1.124 pekerja",
               "- Kabupaten Tebo: 683 pekerja", "- Kabupaten Merangin: 506 pekerja"]
    closing = ("Kepala dinas meminta perusahaan yang belum mendaftarkan pekerjanya segera melapor, "
               "karena pengawas akan turun ke lapangan mulai bulan depan untuk memeriksa kepatuhan.")
    text = "\n".join([*header, "", BODY, "", BODY2, "", *listing, "", closing])
    assert paragraphs(text) == [header[0], header[2], BODY, BODY2, *listing, closing]  # (a breadcrumb and
    # a byline are furniture)

# --- text glued throughout (pipeline/respace.py) ----------------------------------------
GLUED = ('SumutNews.id,Medan,Kamis(3/7/2025).Sebanyak412.350 pekerja di Sumatera Utara(Sumut)tercatat '
         'menerima BSU.Masing-masing mendapatRp600ribu,sehingga totalnya Rp247,41miliar sesuai PP51/2023.'
         '"Syaratnya aktif,"ujar Harianto Simanjuntak,S.H.,M.H.usai rapat.')


def test_a_text_glued_throughout_gets_its_spaces_back():
    assert clean_text(GLUED) == (
        'SumutNews.id, Medan, Kamis (3/7/2025). Sebanyak 412.350 pekerja di Sumatera Utara (Sumut) tercatat '
        'menerima BSU. Masing-masing mendapat Rp600 ribu, sehingga totalnya Rp247,41 miliar sesuai PP 51/2023. '
        '"Syaratnya aktif," ujar Harianto Simanjuntak, S.H., M.H. usai rapat.')
    assert clean_text(clean_text(GLUED)) == clean_text(GLUED)


def test_ordinary_text_with_a_few_glued_marks_is_left_as_it_is():
    text = ("Kepala Disnaker Kab.Deli Serdang, Hendra, mengatakan iuran Rp3,5 juta per tahun mengacu pada "
            "Permenaker No.5/2021. Data dari SumutNews.id menyebut 12.500 pekerja,sementara BPS mencatat "
            "covid19 menurunkan kunjungan. Program itu berjalan di 21 kecamatan.")
    assert clean_text(text) == text


# --- repeated bodies ---------------------------------------------------------------------
def test_a_repeated_run_of_paragraphs_is_kept_once():
    a, b, c = BODY, BODY2, "Penyerahan kartu dilakukan di aula kantor bupati."
    assert paragraphs("\n".join([a, b, c, a, b, c])) == [a, b, c]
    assert paragraphs("\n".join([c, a, "Selingan singkat.", b, c])) == [c, a, "Selingan singkat.", b, c]


def test_short_single_repeats_stay_long_single_repeats_go():
    short = '"Terima kasih," kata dia.'
    assert paragraphs("\n".join([BODY, short, BODY2, short])) == [BODY, short, BODY2, short]
    long = BODY + " " + BODY2
    assert paragraphs("\n".join([long, "Selingan singkat.", long])) == [long, "Selingan singkat."]


# --- the seed articles (read at test time, never copied) ----------------------------------
def test_seed_002_body_once_without_widgets_or_furniture():
    clean = clean_text(seed("002"))
    paras = clean.split("\n\n")
    assert clean.count("726.119") == 1 and clean.count("53.055") == 1
    assert "Sunday" not in clean and "spot_img" not in clean and "Foto:" not in clean
    assert not {"Medan", "30 C", "/", "Artikel Terkait", "Terpopuler", "Artikel Terbaru"} & set(paras)
    assert len(paras) == len(set(paras))


def test_seed_004_has_no_teasers():
    clean = clean_text(seed("004"))
    assert "Will Smith" not in clean and "BACA JUGA" not in clean.upper()
    assert "Foto: istimewa" not in clean and "30,2jt" in clean


def test_seed_001_has_no_page_markers_or_toast():
    clean = clean_text(seed("001"))
    assert "dari 3 halaman" not in clean and "(*)" not in clean
    assert not clean.startswith("Sukses") and "Rp365,86 miliar" in clean


def test_seed_003_drops_bylines_and_copyright():
    clean = clean_text(seed("003"))
    assert "Pewarta" not in clean and "Editor" not in clean and "COPYRIGHT" not in clean
    assert "45.900" in clean


def test_seed_000_keeps_every_line_as_a_paragraph():
    raw = seed("000")
    assert len(paragraphs(raw)) == len([ln for ln in raw.splitlines() if ln.strip()])


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_is_idempotent_and_keeps_every_gold_evidence(prefix):
    raw = seed(prefix)
    clean = clean_text(raw)
    assert clean_text(clean) == clean
    assert clean == clean.strip() and "\n\n\n" not in clean and "  " not in clean
    gold_path = next(SEEDS.glob(f"gold/{prefix}_*.json"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for kind in ("worker_counts", "amounts", "regulations"):
        for fact in gold.get(kind, []):
            assert normalize_chars(fact["evidence"]) in clean, fact["evidence"]


@pytest.mark.parametrize("raw", [
    "30 C\nMedan\nSunday, November 24, 2024\nJudul\nIsi.\nIsi.",
    f"Sukses\nJudul Dua Kata\n{BODY}\nBaca Juga:\nJudul Teaser\n{BODY2}\n{BODY}\n{BODY2}\nTerpopuler\nX",
    "Baris (Foto: A) dan (*)\n(*)\n\u201ckutip\u201d\u00a0\u00a0x",
])
def test_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once


def test_idempotent_on_random_mixes_of_furniture_and_text():
    rng = random.Random(20241124)
    pool = [r["example"] for r in ROWS] + [BODY, BODY2, "Medan", "Judul Berita Yang Cukup Panjang", "Isi pendek.",
                                           "", f"{BODY}\n{BODY2}", "Gubernur Resmikan Jembatan"]
    for _ in range(3000):
        raw = "\n".join(rng.choice(pool) for _ in range(rng.randint(1, 14)))
        once = clean_text(raw)
        assert clean_text(once) == once, raw


# --- size ----------------------------------------------------------------------------------
def test_twenty_megabytes_clean_without_error():
    lines = [f"Paragraf nomor {i}: {BODY}" for i in range(20 * 2**20 // (len(BODY) + 20))]
    raw = "\n\n".join(lines)
    assert len(raw) > 20 * 10**6
    clean = clean_text(raw)
    assert clean.count("\n\n") == len(lines) - 1


def test_a_teaser_heading_takes_up_to_three_linked_headlines_with_it():
    story = ("Pemkab menanggung iuran 5.200 pekerja rentan tahun ini.\n\nBaca Juga\n\n"
             "* Ratusan Petugas KPPS di Parigi Moutong Jalani Bimtek\n\n* Bawaslu Temukan 3.400 Pemilih Ganda di Sulawesi Utara\n\n"
             "Dananya berasal dari APBD perubahan.\n\nBaca juga:\n\nHarga Beras di Bukittinggi Naik\n\n"
             "Gubernur Lepas 300 Relawan ke Agam\n\nBanjir Rendam 3 Desa di Muaro Jambi\n\nSubjudul Setelah Tiga Teaser\n\n"
             "Program berlanjut tahun depan.")
    assert clean_text(story).split("\n\n") == [
        "Pemkab menanggung iuran 5.200 pekerja rentan tahun ini.", "Dananya berasal dari APBD perubahan.",
        "Subjudul Setelah Tiga Teaser", "Program berlanjut tahun depan."]


def test_a_foto_line_that_describes_people_is_a_caption_and_stays_without_its_credit():
    text = ("Bansos Disalurkan\n\nFoto: Dok Humas\n\nFoto: Bupati SBD, Yohanis Lede Kaka, saat menyerahkan beras "
            "kepada warga, Senin (24/2/2025). (VICTORYNEWS/Yanto)\n\nWarga RT 03 hadir (RT/RW).\n\n"
            "Rapat membahas rancangan (KUA/PPAS)")
    assert clean_text(text).split("\n\n") == [
        "Bansos Disalurkan",
        "Foto: Bupati SBD, Yohanis Lede Kaka, saat menyerahkan beras kepada warga, Senin (24/2/2025).",
        "Warga RT 03 hadir (RT/RW).",
        "Rapat membahas rancangan (KUA/PPAS)",
    ]



def test_a_tail_heading_right_after_a_teaser_still_cuts_the_tail():
    story = (f"{BODY}\n\n{BODY2}\n\nBaca Juga:\nSubak Jatiluwih Terima 1.200 Wisatawan per Hari\n\n"
             "Tags: subak, petani, Tabanan\n\nBerita Terkait\n- Petani Badung Terima Bantuan Benih Rp 600 Juta\n"
             "- Gubernur Bali Tinjau Bendungan Sidan, Target Rampung 2026\n\nKomentar (0)")
    assert paragraphs(story) == [BODY, BODY2]


def test_a_wrapped_legal_text_with_many_headings_is_still_unwrapped():
    qanun = "\n".join([
        "QANUN ACEH", "NOMOR 4 TAHUN 2025", "TENTANG", "PERLINDUNGAN PEKERJA RENTAN", "",
        "BAB IV", "PEMBIAYAAN", "Pasal 7",
        "    (1) Iuran bagi pekerja rentan bersumber dari anggaran pendapatan dan belanja",
        "    Aceh, anggaran gampong, zakat yang dikelola melalui Baitul Mal, dan sumber",
        "    lain yang sah menurut ketentuan peraturan perundang-undangan yang berlaku.",
        "    (2) Setiap gampong mengalokasikan iuran paling sedikit bagi 10 (sepuluh)",
        "    orang pekerja rentan setiap tahun sesuai dengan kemampuan keuangan gampong.",
        "Pasal 15",
        "    Pada saat Qanun ini mulai berlaku, Peraturan Gubernur Aceh Nomor 31 Tahun",
        "    2022 tentang Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Ren-",
        "    tan, dicabut dan dinyatakan tidak berlaku sejak tanggal qanun ini diundangkan.",
        "Pasal 16",
        "    Rapat koordinasi dihadiri Panglima Laot Kabupaten Aceh Besar dan Camat Zainal",
        "    Abidin, S.STP, yang menyatakan bahwa keuchik di 38 gampong pesisir bersedia."])
    text = clean_text(qanun)
    assert "Peraturan Gubernur Aceh Nomor 31 Tahun 2022 tentang Perlindungan Jaminan Sosial " \
           "Ketenagakerjaan bagi Pekerja Rentan, dicabut" in text
    assert "Camat Zainal Abidin, S.STP" in text
    assert "BAB IV\n\nPEMBIAYAAN\n\nPasal 7\n\n(1) Iuran" in text


def test_two_rows_that_end_in_figures_are_not_joined_in_a_wrapped_text():
    doc = "\n".join([
        "Kartu peserta Jaminan Kecelakaan Kerja dan Jaminan Kematian diserahkan kepada",
        "3.250 peserta yang iurannya dibayarkan Pemerintah Kabupaten Boalemo sejak bulan",
        "Agustus tahun ini sampai dengan bulan Januari tahun depan, dengan rincian sebagai",
        "berikut menurut kelompok pekerjaan yang ditetapkan oleh dinas tenaga kerja itu:",
        "1 Nelayan 1.430", "2 Petani jagung 1.615",
        "3 Pekerja keagamaan imam marbot dan pegawai syara di seluruh kecamatan 205",
        "Jumlah 3.250",
        "Iuran sebesar Rp16.800 per orang per bulan dibayarkan untuk enam bulan penuh dan",
        "bersumber dari anggaran pendapatan dan belanja daerah kabupaten tahun anggaran ini."])
    lines = paragraphs(doc)
    assert "Jumlah 3.250" in lines
    assert lines[0].startswith("Kartu peserta") and lines[0].endswith("dinas tenaga kerja itu:")
