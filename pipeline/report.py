"""`fakta report`: one self-contained HTML page about a province or kabupaten/kota.

Headline figures, a chart of worker counts and amounts over time (matplotlib, inlined as
SVG), the officials, the regulations, and every fact linked to its source sentence, which
the page embeds (no network fetches). Facts are those `fakta facts --region` returns; the
chart and figures leave out facts placed in the region only by their article.
"""
from __future__ import annotations

import argparse
import io
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from .cli import DEFAULT_DB
from .query import Filters, QueryError, connect, parse_day, query, resolve_region

TEMPLATE_DIR = Path(__file__).parent / "data" / "report"
CHARTED = {"worker_count": "Worker counts", "amount": "Amounts (rupiah)"}


def rupiah(value: int | float | None) -> str:
    return "" if value is None else "Rp " + number(value)


def number(value: int | float | None) -> str:
    return "" if value is None else f"{int(value):,}".replace(",", ".")


def chart_svg(rows: list[dict]) -> str | None:
    """Worker counts and amounts by date, one panel each (log scale), as inline SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = {kind: [(date.fromisoformat(r["date"]), r["value"]) for r in rows if r["kind"] == kind and r["date"]] for kind in CHARTED}
    series = {k: v for k, v in series.items() if v}
    if not series:
        return None
    plt.rcParams["svg.hashsalt"] = "fakta"
    fig, axes = plt.subplots(len(series), 1, figsize=(8, 2.6 * len(series)), squeeze=False, sharex=True)
    for ax, (kind, points) in zip(axes[:, 0], series.items()):
        points.sort()
        ax.plot([p[0] for p in points], [p[1] for p in points], "o", color="#1f6f8b" if kind == "worker_count" else "#c0392b")
        ax.set_yscale("log")
        ax.set_title(CHARTED[kind], loc="left", fontsize=10)
        ax.grid(True, alpha=0.3)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: number(v)))
        ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    fig.autofmt_xdate()
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = out.getvalue()
    return svg[svg.index("<svg"):]


def report_context(db_path: str | Path, region: str, since: str | None = None) -> dict:
    scope = resolve_region(region)
    if scope.level == "office_area":
        raise QueryError(f"{region!r} is a BPJS office area: report on one of its provinces")
    since_day = parse_day(since) if since else None
    db = connect(db_path)
    rows = query(db, Filters(region=region, since=since))
    for n, row in enumerate(rows, 1):
        row["anchor"] = f"f{n}"
    placed = [r for r in rows if r["attribution"] != "article"]
    officials = [r for r in rows if r["kind"] == "official"]
    regulations: dict[str, list[dict]] = {}
    for r in rows:
        if r["kind"] == "regulation":
            regulations.setdefault(r["summary"], []).append(r)
    articles: dict[str, dict] = {}
    for r in rows:
        articles.setdefault(r["article_id"], {"title": r["title"], "outlet": r["outlet"], "link": r["link"], "published": r["published"], "facts": []})["facts"].append(r)
    figures = [
        ("articles", number(len(articles))),
        ("facts", number(len(rows))),
        ("officials named", number(len({r["summary"] for r in officials}))),
        ("regulations cited", number(len(regulations))),
    ]
    counts = [r["value"] for r in placed if r["kind"] == "worker_count"]
    amounts = [r["value"] for r in placed if r["kind"] == "amount"]
    if counts:
        figures.append(("largest worker count", number(max(counts))))
    if amounts:
        figures.append(("largest amount", rupiah(max(amounts))))
    commitments = _commitments(db, scope)
    return {
        "region": scope.label,
        "level": scope.level,
        "since": since_day,
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "database": str(db_path),
        "figures": figures,
        "chart": chart_svg(placed),
        "officials": officials,
        "regulations": regulations,
        "commitments": [c for c in commitments if not since_day or (c["date"] or "") >= since_day],
        "rows": rows,
        "articles": articles,
    }


def _commitments(db, scope) -> list[dict]:
    code = scope.codes[0]
    return list(db.query(
        "SELECT * FROM regional_commitments WHERE region_code = ? OR region_code LIKE ? ORDER BY region_code, kind, date",
        [code, code + ".%" if scope.level == "province" else code],
    ))


def render(context: dict) -> str:
    import jinja2
    import markupsafe

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(rupiah=rupiah, number=number, marked=marked)
    context = dict(context, chart=markupsafe.Markup(context["chart"]) if context["chart"] else None)
    return env.get_template("report.html.j2").render(**context)


def marked(row: dict):
    """The fact's sentence with its span in <mark>, escaped."""
    import markupsafe

    sentence, text = row["sentence"], row["text"]
    at = sentence.find(text)
    if at < 0:
        return markupsafe.escape(sentence)
    esc = markupsafe.escape
    return esc(sentence[:at]) + markupsafe.Markup("<mark>") + esc(text) + markupsafe.Markup("</mark>") + esc(sentence[at + len(text):])


def cmd_report(args: argparse.Namespace) -> int:
    try:
        html = render(report_context(args.db, args.region, args.since))
    except QueryError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    try:
        Path(args.output).write_text(html, encoding="utf-8")
    except OSError as exc:
        print(f"fakta: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"report -> {args.output}", file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("report", help="write a self-contained HTML report on a province or kabupaten/kota")
    p.add_argument("--region", required=True, help='province or kabupaten/kota: name, alias or code ("Jabar", "Kota Medan", "12.71")')
    p.add_argument("--since", help="only facts dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--db", default=str(DEFAULT_DB), help=f"SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--output", required=True, help="HTML file to write")
    p.set_defaults(func=cmd_report)
