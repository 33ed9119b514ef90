"""Where test material lives: the project, its corpus, and ../shared beside it."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = ROOT / "corpus"
CORPUS_GOLD = ROOT / "tests" / "gold" / "corpus"
