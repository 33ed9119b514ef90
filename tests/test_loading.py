"""iter_articles: every input kind, every error kind, directory order, stdin, streaming."""
from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest

import pipeline.loading as loading
from pipeline.loading import MAX_BYTES, LoadError, iter_articles
from pipeline.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "html"
TEXT = "Pemerintah kota menanggung iuran 1.250 pekerja rentan tahun ini, kata kepala dinas.\n"


def load(*paths, stdin=None) -> list:
    return list(iter_articles([str(p) for p in paths], stdin=stdin))


def only(items: list):
    assert len(items) == 1, items
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# --- input kinds ------------------------------------------------------------------------
def test_text_file(tmp_path):
    path = write(tmp_path / "a.txt", TEXT)
    article = only(load(path))
    assert article == Article(source=str(path), key=str(path), text=TEXT)


def test_source_is_the_path_exactly_as_given(tmp_path, monkeypatch):
    write(tmp_path / "dir" / "a.txt", TEXT)
    monkeypatch.chdir(tmp_path)
    assert only(load("./dir/a.txt")).source == "./dir/a.txt"
    assert only(load("dir")).source == os.path.join("dir", "a.txt")
    assert only(load("dir/")).source == "dir/a.txt"


def test_text_encodings(tmp_path):
    assert only(load(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + TEXT.encode()))).text == TEXT
    assert only(load(write(tmp_path / "w.txt", "Kafe \u201cmurah\u201d".encode("cp1252")))).text == "Kafe \u201cmurah\u201d"
    assert only(load(write(tmp_path / "u16.txt", TEXT.encode("utf-16")))).text == TEXT


def test_html_file(tmp_path):
    article = only(load(FIXTURES / "detik.html"))
    assert article.key == str(FIXTURES / "detik.html")
    assert article.title == "BPJS Ketenagakerjaan Bayar Klaim Rp 48 Miliar di Jambi"
    assert article.published == "2024-04-02T15:05:11+07:00"
    assert article.outlet == "detiksumbagsel" and article.url.startswith("https://www.detik.example/")
    # headline first, then the date as the story's header shows it, then the story
    assert article.text.startswith(article.title + "\n\nSelasa, 02 Apr 2024 15:05 WIB\n\nJambi - BPJS Ketenagakerjaan Cabang Jambi")
    htm = write(tmp_path / "p.HTM", (FIXTURES / "antaranews.html").read_bytes())
    assert only(load(htm)).outlet == "ANTARA News Bengkulu"


def test_jsonl_file(tmp_path):
    html = (FIXTURES / "antaranews.html").read_text(encoding="utf-8")
    lines = [
        {"text": TEXT, "url": "https://kabar.example/a", "title": "Judul A", "published": "2024-03-21", "outlet": "Kabar"},
        {"text": "Teks kedua tanpa url."},
        {"html": html, "title": "Judul dari JSONL"},
        {"text": "Tanggal bukan ISO.", "published": "Kamis, 21 Maret 2024 | 14:20 WIB"},
        {"text": "Tanggal angka saja.", "published": "03/04/2024"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x) for x in lines[:2]) + "\n\n"
                 + "\n".join(json.dumps(x) for x in lines[2:]) + "\n")
    a, b, c, d, e = load(path)
    assert a == Article(source=str(path), key="https://kabar.example/a", text=TEXT, url="https://kabar.example/a",
                        title="Judul A", published="2024-03-21", outlet="Kabar")
    assert (b.key, b.url, b.text) == (f"{path}#L2", None, "Teks kedua tanpa url.")
    assert c.key == f"{path}#L4" and c.title == "Judul dari JSONL"  # given fields win over the page's
    assert c.outlet == "ANTARA News Bengkulu" and c.url.startswith("https://bengkulu.")
    headline, lead = c.text.split("\n\n")[:2]  # the page's own headline, then its story
    assert headline.startswith("Pemprov Bengkulu") and lead.startswith("Bengkulu (ANTARA) - ")
    assert d.published == "2024-03-21T14:20:00+07:00"  # a site's own date string, its month in words
    assert e.published is None  # 3 April or March 4: a numeric date of unknown order gives nothing


# --- standard input -----------------------------------------------------------------------
def test_stdin_text():
    article = only(load("-", stdin=io.StringIO(TEXT)))
    assert article.source == "-" and article.text == TEXT
    assert article.key == "stdin:" + hashlib.sha1(TEXT.encode()).hexdigest()


def test_stdin_bytes_stream_and_html():
    html = (FIXTURES / "wordpress.html").read_bytes()
    article = only(load("-", stdin=io.TextIOWrapper(io.BytesIO(html), encoding="utf-8")))
    assert article.title == "Pemkab Deli Serdang Tanggung Iuran 12.500 Pekerja Rentan"
    assert article.text.startswith(article.title + "\n\n14 Mei 2024\n\nLUBUK PAKAM")  # headline, shown date, story


def test_stdin_jsonl_with_a_bad_line():
    stream = io.StringIO('{"text": "Baris pertama."}\n\n{"text": 3}\n{"text": "Baris ketiga.", "url": "https://k.example/3"}\n')
    first, error, third = load("-", stdin=stream)
    assert first.text == "Baris pertama." and first.key.startswith("stdin:")
    assert error == LoadError("-", 3, "'text' is not a string")
    assert third.key == "https://k.example/3"


def test_stdin_text_with_braces_is_not_jsonl():
    text = "{Catatan redaksi}\nPemerintah kota menambah kuota peserta."
    assert only(load("-", stdin=io.StringIO(text))).text == text


def test_stdin_empty():
    assert only(load("-", stdin=io.StringIO("  \n"))) == LoadError("-", None, "empty file")


# --- directories ----------------------------------------------------------------------------
def test_directory_recursive_sorted_and_filtered(tmp_path):
    root = tmp_path / "corpus"
    for rel in ["b.txt", "a.txt", "sub/c.html", "sub/deeper/d.htm", "a2/e.txt", "z.jsonl", "notes.md",
                "img.png", ".hidden.txt", ".cache/f.txt"]:
        content = (FIXTURES / "detik.html").read_text() if rel.endswith((".html", ".htm")) else TEXT
        write(root / rel, json.dumps({"text": TEXT}) + "\n" if rel.endswith(".jsonl") else content)
    sources = [item.source for item in load(root)]
    base = str(root)
    assert sources == [os.path.join(base, p) for p in
                       ["a.txt", "a2/e.txt", "b.txt", "sub/c.html", "sub/deeper/d.htm", "z.jsonl"]]


def test_symlinked_directories_are_not_followed(tmp_path):
    write(tmp_path / "real" / "a.txt", TEXT)
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert load(tmp_path / "root") == []


# --- errors -----------------------------------------------------------------------------------
def test_missing_path(tmp_path):
    path = tmp_path / "tidak-ada.txt"
    error = only(load(path))
    assert error == LoadError(str(path), None, "no such file or directory")
    assert str(error) == f"{path}: no such file or directory"


def test_unsupported_type_named_explicitly(tmp_path):
    error = only(load(write(tmp_path / "laporan.pdf", b"%PDF-1.4")))
    assert isinstance(error, LoadError) and "unsupported file type" in error.message


def test_binary_undecodable_and_empty_files(tmp_path):
    assert only(load(write(tmp_path / "bin.txt", b"GIF89a\x00\x01\x02"))).message == "binary file (contains NUL bytes)"
    assert only(load(write(tmp_path / "bad.txt", b"ab\x81\x8d\x90"))).message == "not valid UTF-8 (nor cp1252) text"
    assert only(load(write(tmp_path / "empty.txt", b""))).message == "empty file"
    assert only(load(write(tmp_path / "blank.txt", " \n\t\n"))).message == "empty file"
    assert only(load(write(tmp_path / "blank.jsonl", "\n\n"))).message == "empty file"
    assert only(load(write(tmp_path / "menu.html", "<html><body><nav>Beranda</nav></body></html>"))).message == \
        "no article text found in the HTML"


def test_malformed_jsonl_lines_are_reported_with_their_line(tmp_path):
    path = write(tmp_path / "x.jsonl", "\n".join([
        '{"text": "Baris yang sah."}',
        '[1, 2]',
        '{"text": "tanpa penutup"',
        '{"title": "tanpa isi"}',
        '{"text": "ok", "url": 7}',
        '{"text": "   "}',
    ]).encode() + b"\n\xff\xfe{}\n")
    items = load(path)
    assert isinstance(items[0], Article)
    errors = [(e.line, e.message) for e in items[1:]]
    assert errors[0] == (2, "not a JSON object")
    assert errors[1][0] == 3 and errors[1][1].startswith("invalid JSON: ")
    assert errors[2:] == [(4, "neither 'text' nor 'html' given"), (5, "'url' is not a string"),
                          (6, "empty text"), (7, "line is not valid UTF-8")]
    assert str(items[1]) == f"{path}:2: not a JSON object"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path / "rahasia.txt", TEXT)
    path.chmod(0)
    assert only(load(path)) == LoadError(str(path), None, "permission denied")


def test_permission_error_becomes_a_load_error(tmp_path, monkeypatch):
    path = write(tmp_path / "rahasia.txt", TEXT)
    real = loading._read_bytes

    def deny(p):
        if p == str(path):
            raise PermissionError(13, "Permission denied", p)
        return real(p)

    monkeypatch.setattr(loading, "_read_bytes", deny)
    assert only(load(path)) == LoadError(str(path), None, "permission denied")


def test_large_files_load_and_oversized_ones_are_refused(tmp_path, monkeypatch):
    big = TEXT * (20 * 2**20 // len(TEXT))
    assert len(only(load(write(tmp_path / "big.txt", big))).text) == len(big)
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    error = only(load(write(tmp_path / "huge.txt", "x" * 5000)))
    assert error.message.startswith("too large")
    assert MAX_BYTES == 50 * 2**20


# --- streaming ------------------------------------------------------------------------------
def test_inputs_are_read_only_when_asked_for(tmp_path, monkeypatch):
    first = write(tmp_path / "1.txt", TEXT)
    later = tmp_path / "2.txt"  # does not exist yet
    read: list[str] = []
    real = loading._read_bytes
    monkeypatch.setattr(loading, "_read_bytes", lambda p: read.append(p) or real(p))
    stream = iter_articles([str(first), str(later)])
    assert next(stream).source == str(first)
    assert read == [str(first)]
    write(later, "Ditulis setelah artikel pertama dibaca.")
    assert next(stream).text == "Ditulis setelah artikel pertama dibaca."


def test_an_error_later_in_the_stream_comes_after_the_earlier_articles(tmp_path):
    good = write(tmp_path / "a.txt", TEXT)
    stream = iter_articles([str(good), str(tmp_path / "missing.txt"), str(good)])
    assert isinstance(next(stream), Article)
    assert isinstance(next(stream), LoadError)
    assert isinstance(next(stream), Article)


def test_jsonl_lines_are_streamed(tmp_path):
    path = write(tmp_path / "s.jsonl", '{"text": "Satu."}\n{"text": "Dua."}\n')
    stream = iter_articles([str(path)])
    assert next(stream).text == "Satu."
    with open(path, "a", encoding="utf-8") as fh:  # appended after the first line was handed out
        fh.write('{"text": "Tiga."}\n')
    assert [a.text for a in stream] == ["Dua.", "Tiga."]


def test_jsonl_published_in_utc_keeps_only_a_day_both_readings_agree_on(tmp_path):
    """A crawler's "+00:00" time may be true UTC or local time with a wrong offset: 23:45 on the
    18th is the 19th in every Indonesian zone if it is UTC, so the line gives no date and the
    text's own date line dates the article; 08:00 is the 18th either way."""
    header = "Klaim JKK Tembus Rp8,6 Miliar\n\nSelasa, 19 Agustus 2025 07:45 WITA\n\nPALU - BPJS Ketenagakerjaan mencatat 612 klaim."
    lines = [{"text": header, "published": "2025-08-18T23:45:00+00:00"},
             {"text": header, "published": "2025-08-18T08:00:00Z"}]
    path = write(tmp_path / "utc.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    late, early = load(path)
    assert late.published is None and early.published == "2025-08-18"
    from pipeline.extract import Engine
    from pipeline.storage import publication_day
    assert publication_day(late.published, Engine().extract(late).facts) == "2025-08-19"
