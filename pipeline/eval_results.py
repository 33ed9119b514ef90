"""Saved evaluation results (`fakta eval --save FILE`) and what changed since one (`--compare`).

A saved result is JSON:
  {"format": "fakta-eval/1", "gold_dir": ..., "texts": ..., "rules_version": ...,
   "scores": {kind: {"tp", "fp", "fn", "precision", "recall", "f1"}},
   "articles": {article: {kind: {"predicted": [{"key", "sentence", "verdict"}], "missed": [key, ...]}}}}
`verdict` is correct, spurious or ignored (an ambiguous / teaser / byline / other-count gold
entry). Keys are the scoring keys of pipeline.evaluate in JSON form (a tuple as a list).
"""
from __future__ import annotations

import json
from pathlib import Path

from .evaluate import Score

FORMAT = "fakta-eval/1"


class ResultError(Exception):
    """A saved result that cannot be read."""


def _json_key(key) -> object:
    return list(key) if isinstance(key, tuple) else key


def to_json(scores: dict[str, Score], gold_dir: str, texts: str, rules_version: str) -> dict:
    articles: dict[str, dict] = {}
    for kind, score in scores.items():
        for article, key, sentence, verdict in score.predictions:
            entry = articles.setdefault(article, {}).setdefault(kind, {"predicted": [], "missed": []})
            entry["predicted"].append({"key": _json_key(key), "sentence": sentence, "verdict": verdict})
        for article, key in score.misses:
            entry = articles.setdefault(article, {}).setdefault(kind, {"predicted": [], "missed": []})
            entry["missed"].append(_json_key(key))
    return {
        "format": FORMAT,
        "gold_dir": gold_dir,
        "texts": texts,
        "rules_version": rules_version,
        "scores": {
            kind: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                   "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
            for kind, s in scores.items()
        },
        "articles": {a: articles[a] for a in sorted(articles)},
    }


def load_result(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ResultError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ResultError(f"{path} is not a saved eval result (not JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultError(f"{path} is not a saved eval result (expected format {FORMAT!r}; write one with --save)")
    return data


def _predicted(result: dict) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(article, kind, key as JSON) -> (verdict, sentence)."""
    out = {}
    for article, kinds in result["articles"].items():
        for kind, entry in kinds.items():
            for p in entry["predicted"]:
                out[(article, kind, json.dumps(p["key"], ensure_ascii=False))] = (p["verdict"], p["sentence"])
    return out


LABELS = {  # (was predicted, verdict) -> heading
    (False, "correct"): "gained (correct)", (True, "correct"): "lost (was correct)",
    (False, "spurious"): "new spurious", (True, "spurious"): "spurious fixed",
    (False, "ignored"): "new (ignored by gold)", (True, "ignored"): "gone (ignored by gold)",
}


def compare(ref: dict, new: dict) -> list[str]:
    """Per-kind deltas of P/R/F1, then every fact gained or lost with its sentence."""
    lines = []
    if ref.get("gold_dir") != new.get("gold_dir"):
        lines.append(f"warning: the reference scored {ref.get('gold_dir')}, this run {new.get('gold_dir')}")
    lines.append(f"{'kind':13} {'P':>6} {'dP':>7} {'R':>6} {'dR':>7} {'F1':>6} {'dF1':>7}")
    for kind in sorted(set(ref["scores"]) | set(new["scores"])):
        old_s, new_s = ref["scores"].get(kind), new["scores"].get(kind)
        if not (old_s and new_s):
            lines.append(f"{kind:13} only in the {'new run' if new_s else 'reference'}")
            continue
        cells = []
        for metric in ("precision", "recall", "f1"):
            cells.append(f"{new_s[metric]:6.3f} {new_s[metric] - old_s[metric]:+7.3f}")
        lines.append(f"{kind:13} " + " ".join(cells))
    before, after = _predicted(ref), _predicted(new)
    changes = [(True, k, *before[k]) for k in before.keys() - after.keys()]
    changes += [(False, k, *after[k]) for k in after.keys() - before.keys()]
    changes.sort(key=lambda c: (list(LABELS).index((c[0], c[2])), c[1]))
    for was, (article, kind, key), verdict, sentence in changes:
        lines.append(f"{LABELS[(was, verdict)]:22} {kind:13} {article}: {key}  <- {sentence}")
    lines.append(f"facts gained {sum(not c[0] for c in changes)}, lost {sum(c[0] for c in changes)}")
    return lines
