"""`fakta eval`: precision, recall and F1 per kind against gold files; --save and --compare."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub) -> None:
    ev = sub.add_parser("eval", help="score extraction against gold files (format: ../shared/seeds/GOLD.md)")
    ev.add_argument("gold_dir", metavar="GOLD_DIR", help="directory of <article>.json gold files")
    ev.add_argument("--texts", help="directory of the articles (default: GOLD_DIR's parent)")
    ev.add_argument("--min-f1", type=float, default=0.0, help="exit 1 if any kind's F1 is below this")
    ev.add_argument("--min-precision", type=float, default=0.0, help="exit 1 if any kind's precision is below this")
    ev.add_argument("--details", action="store_true", help="list misses and spurious facts with their sentences")
    ev.add_argument("--save", metavar="FILE", help="write the result (scores and every fact's verdict) as JSON")
    ev.add_argument("--compare", metavar="REF", help="show what changed against a result saved with --save")
    ev.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    import extractors

    from .eval_results import ResultError, compare, load_result, to_json
    from .evaluate import GoldError, evaluate
    from .extract import Engine

    gold = Path(args.gold_dir)
    if not gold.is_dir():
        print(f"fakta: {gold} is not a directory of gold files", file=sys.stderr)
        return 2
    try:
        ref = load_result(Path(args.compare)) if args.compare else None
    except ResultError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    texts = Path(args.texts) if args.texts else gold.parent
    engine = Engine()
    try:
        scores, missing = evaluate(gold, texts, lambda a: engine.extract(a).facts)
    except GoldError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    for stem in missing:
        print(f"fakta: no article text found for gold {stem}", file=sys.stderr)
    print(f"{'kind':13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    failed = bool(missing)
    for kind, s in scores.items():
        print(f"{kind:13} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5} {s.fp:5} {s.fn:5}")
        failed |= s.f1 < args.min_f1 or s.precision < args.min_precision
    if args.details:
        for kind, s in scores.items():
            for article, key in s.misses:
                print(f"miss      {kind:13} {article}: {key}")
            for article, key, sentence in s.spurious:
                print(f"spurious  {kind:13} {article}: {key}  <- {sentence}")
    result = to_json(scores, str(gold), str(texts), extractors.rules_version())
    if ref is not None:
        print(f"\ncompared with {args.compare}:")
        print("\n".join(compare(ref, result)))
    if args.save:
        try:
            Path(args.save).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"fakta: cannot write {args.save}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    return 1 if failed else 0
