"""fakta: source-grounded facts from Indonesian news, into SQLite.

Python API (see pipeline/api.py):
    extract_text(text) -> [fact records]            nothing stored
    query_facts(db, region=..., kinds=[...], ...)   -> [dict rows with article and sentence]
    read_facts(db, ...)                             -> [fact records] for the same filters
    read_table(db, "officials_by_region")           -> [dict rows] of any table or view
"""

__version__ = "0.1.0"

__all__ = ["__version__", "extract_text", "query_facts", "read_facts", "read_table"]


def __getattr__(name: str):
    """Load the API on first use, so `import pipeline` (and the CLI) stay light."""
    if name in __all__[1:]:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
