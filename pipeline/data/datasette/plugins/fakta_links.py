"""fakta's own Datasette hook (loaded with plugins_dir): an `article_id` cell in any view or
query links to that article's row, so every fact leads back to its article."""
import markupsafe
from datasette import hookimpl


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column != "article_id" or not isinstance(value, str) or table == "articles":
        return None
    url = datasette.urls.row(database, "articles", value)
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, value)
