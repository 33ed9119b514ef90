"""fakta's own Datasette hooks (loaded with plugins_dir): an `article_id` cell in any view or
query links to that article's row, so every fact leads back to its article; the SQL function
fakta_fts(q) reads a search as `fakta facts --text` does (plain words quoted: "non-ASN"), and
fakta_region(q) gives the canonical name of a region or office area as `fakta facts --region`
reads it ("Sumut" -> "Sumatera Utara"; anything else comes back as it was)."""
import markupsafe
from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    from pipeline.query import fts_query

    conn.create_function("fakta_fts", 1, lambda q: fts_query(q or ""), deterministic=True)
    conn.create_function("fakta_region", 1, _region_name, deterministic=True)


def _region_name(value):
    from pipeline.query import QueryError, resolve_region

    try:
        return resolve_region(value).label if value else value
    except QueryError:
        return value


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column != "article_id" or not isinstance(value, str) or table == "articles":
        return None
    url = datasette.urls.row(database, "articles", value)
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, value)
