"""`fakta eval` through the CLI: the seeds' scores as a hand count gives them; --save and --compare."""
from __future__ import annotations

import json
import re

import pytest

from pipeline import cli
from pipeline.eval_results import compare

from .paths import CORPUS, CORPUS_GOLD, SEEDS

# Counted by hand from ../shared/seeds/gold/*.json (entries per kind, none ambiguous or ignored),
# and every one of them found, with no spurious fact: tp = gold entries, fp = fn = 0.
# "published": 0: no seed states its own publication date, and none is predicted.
SEED_GOLD_ENTRIES = {"official": 14, "region": 13, "office_area": 4, "worker_count": 11, "amount": 2, "regulation": 6,
                     "published": 0}
ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)$", re.M)


@pytest.fixture(autouse=True)
def one_engine(monkeypatch, engine):
    monkeypatch.setattr("pipeline.extract.Engine", lambda: engine)


def test_seed_gold_scored_by_the_cli_as_by_hand(capsys):
    if not (SEEDS / "gold").is_dir():
        pytest.skip(f"{SEEDS} is not there (../shared beside the project)")
    code = cli.main(["eval", str(SEEDS / "gold"), "--min-precision", "1", "--min-f1", "1"])
    out = capsys.readouterr().out
    table = {m[1]: m.groups()[1:] for m in ROW.finditer(out)}
    assert code == 0
    assert set(table) == set(SEED_GOLD_ENTRIES)  # no date: the seed gold does not annotate dates
    for kind, n in SEED_GOLD_ENTRIES.items():
        assert table[kind] == ("1.000", "1.000", "1.000", str(n), "0", "0"), kind


@pytest.fixture()
def saved(tmp_path, capsys):
    path = tmp_path / "corpus.json"
    assert cli.main(["eval", str(CORPUS_GOLD), "--texts", str(CORPUS), "--save", str(path)]) == 0
    capsys.readouterr()
    return path


def test_saved_result_holds_scores_and_every_verdict(saved):
    result = json.loads(saved.read_text(encoding="utf-8"))
    assert result["format"] == "fakta-eval/1" and result["gold_dir"] == str(CORPUS_GOLD)
    assert set(result["scores"]) == {"official", "region", "office_area", "worker_count", "amount", "regulation", "date", "published"}
    article = result["articles"]["003_kompas_diy_marbot"]
    assert {"key": "34", "sentence": article["region"]["predicted"][0]["sentence"], "verdict": "correct"} in article["region"]["predicted"]
    total_correct = sum(p["verdict"] == "correct" for a in result["articles"].values() for k in a.values() for p in k["predicted"])
    assert total_correct == sum(s["tp"] for s in result["scores"].values())


def test_compare_lists_gains_losses_and_deltas(saved, tmp_path, capsys):
    ref = json.loads(saved.read_text(encoding="utf-8"))
    worker = ref["articles"]["001_antara_jabar_pekerja_rentan"]["worker_count"]
    gained = worker["predicted"].pop(0)  # the reference lacked a correct fact...
    worker["predicted"].append({"key": 123, "sentence": "Kalimat lama yang salah dibaca.", "verdict": "spurious"})
    ref["scores"]["worker_count"]["recall"] -= 0.25  # ...and had a lower recall
    ref_path = tmp_path / "ref.json"
    ref_path.write_text(json.dumps(ref), encoding="utf-8")
    assert cli.main(["eval", str(CORPUS_GOLD), "--texts", str(CORPUS), "--compare", str(ref_path)]) == 0
    out = capsys.readouterr().out.split(f"compared with {ref_path}:\n", 1)[1]
    assert re.search(r"^worker_count\s+1\.000\s+\+0\.000\s+[\d.]+\s+\+0\.250\s", out, re.M)
    assert re.search(r"^region\s+1\.000\s+\+0\.000\s+1\.000\s+\+0\.000\s", out, re.M)
    assert f"gained (correct)       worker_count  001_antara_jabar_pekerja_rentan: {gained['key']}  <- {gained['sentence']}" in out
    assert "spurious fixed         worker_count  001_antara_jabar_pekerja_rentan: 123  <- Kalimat lama yang salah dibaca." in out
    assert out.rstrip().endswith("facts gained 1, lost 1")
    backwards = "\n".join(compare(json.loads(saved.read_text(encoding="utf-8")), ref))
    assert "lost (was correct)" in backwards and "new spurious" in backwards


def test_unchanged_rules_compare_to_no_change(saved, capsys):
    assert cli.main(["eval", str(CORPUS_GOLD), "--texts", str(CORPUS), "--compare", str(saved)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("facts gained 0, lost 0")


@pytest.mark.parametrize("content, message", [
    ("not json", "is not a saved eval result (not JSON"),
    ('{"scores": {}}', "is not a saved eval result (expected format 'fakta-eval/1'"),
])
def test_bad_reference_is_a_clear_error(tmp_path, capsys, content, message):
    ref = tmp_path / "ref.json"
    ref.write_text(content, encoding="utf-8")
    assert cli.main(["eval", str(CORPUS_GOLD), "--texts", str(CORPUS), "--compare", str(ref)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fakta: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize("edit, message", [
    (lambda text: text.replace('"regions": [', '"regions": [,', 1), "is not valid JSON"),  # a slip in a hand edit
    (lambda text: re.sub(r'"value": \d+, ', "", text, count=1), "KeyError"),  # a count without its value
])
def test_a_broken_gold_file_is_a_one_line_error(tmp_path, capsys, edit, message):
    gold = tmp_path / "gold"
    gold.mkdir()
    name = "005_tribun_medan_ojol.json"
    (gold / name).write_text(edit((CORPUS_GOLD / name).read_text(encoding="utf-8")), encoding="utf-8")
    assert cli.main(["eval", str(gold), "--texts", str(CORPUS)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"fakta: {gold / name}") and message in err and err.count("\n") == 1


def test_publication_day_is_scored_from_metadata_else_from_the_text(engine):
    from pipeline.evaluate import PUBLISHED, Score, score_article
    from pipeline.models import Article

    text = "Judul\n\nKupang, 2 Oktober 2024 – BPJS Ketenagakerjaan mencatat 312 desa menganggarkan iuran."
    facts = engine.extract(Article(source="a", key="a", text=text)).facts
    cases = [  # (gold day, metadata, (tp, fp, fn))
        ("2024-10-02", None, (1, 0, 0)),  # the release's dateline
        ("2024-10-02", "2024-10-03T08:00:00+07:00", (0, 1, 1)),  # metadata wins over the text
        (None, None, (0, 1, 0)),  # a day where the gold says the text states none
    ]
    for gold_day, metadata, expected in cases:
        scores: dict = {}
        score_article("a", {"published": gold_day}, facts, scores, lambda name: None, metadata)
        s: Score = scores[PUBLISHED]
        assert (s.tp, s.fp, s.fn) == expected, (gold_day, metadata)



def test_gold_office_areas_are_read_by_any_of_their_names():
    from pipeline.evaluate import gold_keys

    want, _ = gold_keys({"office_areas": ["Sumbarriau", "Kanwil Entah", "Kantor Wilayah Banten"]}, lambda name: None)
    assert want["office_area"] == {"sumbagteng", "kanwil entah", "banten"}  # an alias read as its area, with
    # or without the office's word before it; unknown as written


def test_gold_names_are_keyed_as_the_clean_text_writes_them():
    from pipeline.evaluate import gold_keys

    want, _ = gold_keys({"officials": [{"name": "Hendri Mas’ud"}, {"name": "Dedi  Kurniawan"}]}, lambda name: None)
    assert {"hendri mas'ud", "dedi kurniawan"} <= want["official"]  # a curly apostrophe is the text's straight one
