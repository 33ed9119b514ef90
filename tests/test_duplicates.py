"""Near-duplicate links: one press release carried by several outlets becomes one story."""
from __future__ import annotations

from pipeline.models import Article
from pipeline.runner import run_items
from pipeline.storage import open_db

RELEASE = [
    "Pemerintah Provinsi Jambi mendaftarkan 4.200 pekerja rentan ke program BPJS Ketenagakerjaan tahun ini.",
    "Iuran mereka dibayar dari APBD provinsi sebesar Rp1,2 miliar untuk dua belas bulan kepesertaan.",
    "Kepala Dinas Tenaga Kerja Provinsi Jambi Ahmad Faisal menyebut para penerima adalah petani dan nelayan.",
    "Program ini melindungi pekerja dari risiko kecelakaan kerja dan kematian selama mereka bekerja.",
    "Pendaftaran dilakukan bertahap melalui kantor desa dan kelurahan di sebelas kabupaten dan kota.",
]
OTHER = [
    "Bupati Gowa meninjau pembangunan pasar tradisional yang ditargetkan selesai pada akhir tahun depan.",
    "Pasar baru itu akan menampung lebih dari tiga ratus pedagang yang selama ini berjualan di pinggir jalan.",
    "Pemerintah kabupaten juga menyiapkan lahan parkir dan fasilitas umum di sekitar kawasan pasar tersebut.",
]


def _article(name: str, sentences: list[str], dateline: str = "") -> Article:
    return Article(source=f"{name}.txt", key=f"{name}.txt", text=dateline + " ".join(sentences))


def _links(path) -> dict[str, str]:
    db = open_db(path)
    ids = {aid: source for aid, source in db.execute("SELECT id, source FROM articles")}
    return {ids[a]: ids[b] for a, b in db.execute("SELECT article_id, duplicate_of FROM article_duplicates")}


def test_copies_link_to_the_first_stored_article_across_and_within_batches(tmp_path):
    path = tmp_path / "facts.db"
    run_items([_article("antara", RELEASE, "Jambi (ANTARA) - "), _article("pasar", OTHER)], path, progress=False)
    later = [_article("tribun", RELEASE[::-1], "JAMBI, TRIBUN - "),
             # shares two sentences with antara's (whose first holds the dateline), three with tribun's
             _article("detik", RELEASE[:3] + ["Kalimat penutup yang lain sekali dari rilis aslinya ditulis ulang redaksi."]),
             _article("lokal", RELEASE[:2] + OTHER)]  # two sentences shared: below min_shared
    run_items(later, path, progress=False)
    assert _links(path) == {"tribun.txt": "antara.txt", "detik.txt": "antara.txt"}


def test_a_copy_of_a_copy_joins_the_first_story_and_links_survive_re_extraction(tmp_path):
    path = tmp_path / "facts.db"
    first, second = _article("a", RELEASE), _article("b", RELEASE[1:] + OTHER[:1])
    run_items([first], path, progress=False)
    run_items([second], path, progress=False)
    third = _article("c", RELEASE[1:] + OTHER[:1])  # closest to b, which belongs to a's story
    run_items([third], path, progress=False, batch_size=1)
    assert _links(path) == {"b.txt": "a.txt", "c.txt": "a.txt"}
    run_items([first, second, third], path, progress=False, force=True)  # a is a story others point to
    assert _links(path) == {"b.txt": "a.txt", "c.txt": "a.txt"}


ABOUT = ("\n\nTentang BPJS Ketenagakerjaan\n"
         "BPJS Ketenagakerjaan adalah badan hukum publik yang menyelenggarakan program jaminan sosial bagi pekerja. "
         "Program yang diselenggarakan meliputi jaminan kecelakaan kerja, jaminan kematian, jaminan hari tua "
         "dan jaminan pensiun. "
         "Peserta dapat membayar iuran melalui kanal perbankan, minimarket dan aplikasi pembayaran digital.")


def test_two_releases_sharing_only_their_about_section_are_not_linked_but_copies_are(tmp_path):
    path = tmp_path / "facts.db"
    jambi = Article(source="jambi.txt", key="jambi.txt", text=" ".join(RELEASE[:3]) + ABOUT)
    gowa = Article(source="gowa.txt", key="gowa.txt", text=OTHER[0] + ABOUT)
    copy = Article(source="copy.txt", key="copy.txt", text=" ".join(RELEASE[2::-1]) + ABOUT)
    run_items([jambi, gowa], path, progress=False)
    assert _links(path) == {}  # three long sentences in common, all of them the about section
    run_items([copy], path, progress=False)
    assert _links(path) == {"copy.txt": "jambi.txt"}  # the same story: linked


def test_a_batch_of_copies_links_to_its_first_member(tmp_path):
    path = tmp_path / "facts.db"
    copies = [_article(f"outlet{i}", RELEASE[i % 2:] + RELEASE[:i % 2]) for i in range(4)]
    run_items(copies, path, progress=False)
    assert _links(path) == {f"outlet{i}.txt": "outlet0.txt" for i in range(1, 4)}


def test_an_edited_article_loses_its_old_link(tmp_path):
    path = tmp_path / "facts.db"
    run_items([_article("a", RELEASE), _article("b", RELEASE)], path, progress=False)
    assert _links(path) == {"b.txt": "a.txt"}
    run_items([_article("b", OTHER)], path, progress=False)
    assert _links(path) == {}


def test_an_outlet_footer_is_boilerplate_not_evidence_and_stays_out_of_the_index(tmp_path):
    path = tmp_path / "facts.db"
    footer = ["Redaksi menerima tanggapan pembaca melalui surel yang tercantum pada halaman kontak kami.",
              "Seluruh isi berita ini dilindungi undang-undang dan tidak boleh disalin tanpa izin tertulis.",
              "Ikuti kanal berita kami di media sosial untuk mendapatkan kabar terbaru setiap harinya."]
    stories = [[f"Pemerintah kabupaten nomor {i} meresmikan jembatan gantung ke-{i} untuk warga desa terpencil.",
                f"Jembatan ke-{i} sepanjang {40 + i} meter itu dibangun dengan dana desa selama {i + 2} bulan terakhir.",
                f"Warga dusun {i} sebelumnya harus menyeberangi sungai selebar {i + 20} meter dengan rakit bambu.",
                f"Camat berharap jembatan nomor {i} ikut memperlancar angkutan hasil kebun ke pasar kecamatan."]
               for i in range(30)]
    run_items([_article(f"berita{i}", story + footer) for i, story in enumerate(stories)], path,
              progress=False, batch_size=8)
    assert _links(path) == {}
    db = open_db(path)
    most = db.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM sentence_hashes GROUP BY hash)").fetchone()[0]
    assert most == 21  # max_holders (20) + the article that showed the sentence is boilerplate
