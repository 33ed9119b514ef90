"""fakta: source-grounded facts from Indonesian news, into SQLite."""

__version__ = "0.1.0"
