"""fakta's own Datasette hooks (loaded with plugins_dir): an `article_id` cell in any view or
query links to that article's row, so every fact leads back to its article; the SQL function
fakta_fts(q) reads a search as `fakta facts --text` does (plain words quoted: "non-ASN")."""
import markupsafe
from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    from pipeline.query import fts_query

    conn.create_function("fakta_fts", 1, lambda q: fts_query(q or ""), deterministic=True)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column != "article_id" or not isinstance(value, str) or table == "articles":
        return None
    url = datasette.urls.row(database, "articles", value)
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, value)
