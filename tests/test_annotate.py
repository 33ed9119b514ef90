"""`fakta annotate`: pre-filled gold files that `fakta eval` scores 1.00 until someone edits them."""
from __future__ import annotations

import json

import pytest

from pipeline import cli

from .paths import CORPUS, SEEDS

INPUTS = ["001_antara_jabar_pekerja_rentan.txt", "016_pengumuman_senam_donor_darah.txt",
          "018_gorontalokini_marbot.html", "batch_releases.jsonl"]
GOLDS = ["001_antara_jabar_pekerja_rentan", "016_pengumuman_senam_donor_darah",
         "018_gorontalokini_marbot_L1", "batch_releases_L1", "batch_releases_L2", "batch_releases_L3"]


@pytest.fixture(autouse=True)
def one_engine(monkeypatch, engine):
    monkeypatch.setattr("pipeline.extract.Engine", lambda: engine)  # one engine for annotate and eval


@pytest.fixture()
def annotated(tmp_path, capsys):
    out = tmp_path / "gold"
    assert cli.main(["annotate", *(str(CORPUS / name) for name in INPUTS), "--output", str(out)]) == 0
    assert f"check and score: fakta eval {out} --texts {out / 'articles'}" in capsys.readouterr().out
    return out


def test_one_gold_file_per_article_in_the_seed_format(annotated):
    assert sorted(p.stem for p in annotated.glob("*.json")) == sorted(GOLDS)
    gold = json.loads((annotated / "001_antara_jabar_pekerja_rentan.json").read_text(encoding="utf-8"))
    if SEEDS.is_dir():
        seed = json.loads(next((SEEDS / "gold").glob("*.json")).read_text(encoding="utf-8"))
        assert set(seed) - {"notes"} <= set(gold)
    assert gold["id"] == "001_antara_jabar_pekerja_rentan"
    assert gold["officials"] and all(set(o) == {"name", "position", "organization", "region"} for o in gold["officials"])
    text = (annotated / "articles" / "001_antara_jabar_pekerja_rentan.txt").read_text(encoding="utf-8")
    for entry in gold["worker_counts"] + gold["amounts"] + gold["regulations"]:
        assert entry["evidence"] in text
    assert "Sumatera" not in " ".join(gold["regions"]) and "Jawa Barat" in gold["regions"]


def test_an_article_without_facts_gets_a_file_with_empty_lists(annotated):
    gold = json.loads((annotated / "016_pengumuman_senam_donor_darah.json").read_text(encoding="utf-8"))
    lists = {k: v for k, v in gold.items() if isinstance(v, list)}
    assert len(lists) == 9 and not any(lists.values())
    assert gold["published"] is None


def test_unedited_annotation_scores_one_and_an_edit_shows(annotated, tmp_path, capsys):
    saved = tmp_path / "result.json"
    code = cli.main(["eval", str(annotated), "--texts", str(annotated / "articles"), "--save", str(saved), "--min-f1", "1"])
    assert code == 0, capsys.readouterr()
    result = json.loads(saved.read_text(encoding="utf-8"))
    assert set(result["articles"]) == set(GOLDS) - {"016_pengumuman_senam_donor_darah"}
    assert len(result["scores"]) == 8  # the seven kinds and the publication day
    assert all(s["precision"] == s["recall"] == 1.0 and s["tp"] > 0 for s in result["scores"].values())
    capsys.readouterr()
    path = annotated / "001_antara_jabar_pekerja_rentan.json"  # a person removes a region
    gold = json.loads(path.read_text(encoding="utf-8"))
    removed = gold["regions"].pop()
    path.write_text(json.dumps(gold), encoding="utf-8")
    code = cli.main(["eval", str(annotated), "--texts", str(annotated / "articles"), "--min-precision", "1", "--details"])
    out = capsys.readouterr().out
    assert code == 1
    assert "spurious  region        001_antara_jabar_pekerja_rentan:" in out and removed.split()[-1] in out


def test_existing_gold_is_kept_unless_forced(annotated, capsys):
    path = annotated / "016_pengumuman_senam_donor_darah.json"
    path.write_text('{"id": "corrected by hand"}', encoding="utf-8")
    source = str(CORPUS / "016_pengumuman_senam_donor_darah.txt")
    assert cli.main(["annotate", source, "--output", str(annotated)]) == 1
    assert "exists (use --force to overwrite)" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == '{"id": "corrected by hand"}'
    assert cli.main(["annotate", source, "--output", str(annotated), "--force"]) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["id"] == "016_pengumuman_senam_donor_darah"


def test_every_line_of_a_jsonl_of_plain_texts_gets_its_gold(tmp_path, capsys):
    source = tmp_path / "plain.jsonl"
    source.write_text(json.dumps({"text": "Pemprov Jawa Barat menanggung iuran 150 ribu pekerja rentan."}) + "\n"
                      + json.dumps({"text": "Pemko Medan menganggarkan Rp403,2 juta untuk 2.000 pengemudi ojol."}) + "\n",
                      encoding="utf-8")
    out = tmp_path / "gold"
    assert cli.main(["annotate", str(source), "--output", str(out)]) == 0, capsys.readouterr().err
    assert sorted(p.stem for p in out.glob("*.json")) == ["plain_L1", "plain_L2"]
    capsys.readouterr()
    assert cli.main(["eval", str(out), "--texts", str(out / "articles"), "--min-f1", "1"]) == 0


def test_a_kept_gold_keeps_its_article_line(tmp_path, capsys):
    """A second input of the same name must not swap the text under an existing gold file."""
    first, second = tmp_path / "a" / "rilis.jsonl", tmp_path / "b" / "rilis.jsonl"
    for path, text in ((first, "Pemprov Jawa Barat menanggung iuran 150 ribu pekerja rentan."),
                       (second, "Pemko Medan menganggarkan Rp403,2 juta untuk 2.000 pengemudi ojol.")):
        path.parent.mkdir()
        path.write_text(json.dumps({"text": text, "url": f"https://contoh.id/{path.parent.name}"}) + "\n", encoding="utf-8")
    out = tmp_path / "gold"
    assert cli.main(["annotate", str(first), "--output", str(out)]) == 0
    articles = (out / "articles" / "rilis.jsonl").read_text(encoding="utf-8")
    assert cli.main(["annotate", str(second), "--output", str(out)]) == 1
    assert "exists (use --force to overwrite)" in capsys.readouterr().err
    assert (out / "articles" / "rilis.jsonl").read_text(encoding="utf-8") == articles
    assert cli.main(["eval", str(out), "--texts", str(out / "articles"), "--min-f1", "1"]) == 0
