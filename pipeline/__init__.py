"""fakta: source-grounded facts from Indonesian news, into SQLite."""
