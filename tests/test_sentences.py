"""Sentence boundaries: abbreviations, initials, quotes and paragraphs."""
import pytest

from pipeline.sentences import Sentences

TEXT = (
    'Bupati Dr. H. Sutrisno, S.E., M.Si. meninjau Kab. Kudus. "Kami siap." katanya. '
    "Dasarnya Perbup No. 7 Tahun 2023! Realisasi 3.5 persen naik?\n\n"
    "Judul Tanpa Titik\n\nFoto bersama (Foto: A. Rahman). Selesai."
)


@pytest.mark.parametrize(
    "word, sentence",
    [
        ("Sutrisno", "Bupati Dr. H. Sutrisno, S.E., M.Si. meninjau Kab. Kudus."),
        ("Kudus", "Bupati Dr. H. Sutrisno, S.E., M.Si. meninjau Kab. Kudus."),
        ("Kami", '"Kami siap."'),
        ("katanya", "katanya."),
        ("Perbup", "Dasarnya Perbup No. 7 Tahun 2023!"),
        ("3.5", "Realisasi 3.5 persen naik?"),
        ("Judul", "Judul Tanpa Titik"),
        ("Rahman", "Foto bersama (Foto: A. Rahman)."),
        ("Selesai", "Selesai."),
    ],
)
def test_sentence_at(word, sentence):
    start = TEXT.index(word)
    assert Sentences(TEXT).sentence_at(start, start + len(word)) == sentence


def test_a_span_across_a_boundary_gets_both_sentences():
    start, end = TEXT.index("katanya"), TEXT.index("Perbup") + 6
    assert Sentences(TEXT).sentence_at(start, end) == "katanya. Dasarnya Perbup No. 7 Tahun 2023!"
