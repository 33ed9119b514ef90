"""`fakta facts`: query the facts and write them as an aligned table, CSV, JSON Lines or .xlsx."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import IO, Sequence

from .cli import DEFAULT_DB
from .query import ATTRIBUTIONS, COLUMNS, KINDS, Filters, QueryError, connect, query

FORMATS = ("table", "csv", "jsonl", "xlsx")
TABLE_COLUMNS = ("kind", "summary", "region", "attribution", "date", "outlet", "title", "link", "sentence")
TABLE_WIDTH = {"summary": 48, "region": 28, "outlet": 20, "title": 40}


def write_table(rows: Sequence[dict], out: IO[str]) -> None:
    """Aligned columns; long cells cut with '…' except the last (the sentence), kept whole."""
    columns = TABLE_COLUMNS

    def cell(row: dict, column: str) -> str:
        text = "" if row.get(column) is None else " ".join(str(row[column]).split())
        width = TABLE_WIDTH.get(column)
        return text if width is None or len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(row, c) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    for line in [list(columns)] + cells:
        padded = [value.ljust(widths[i]) for i, value in enumerate(line[:-1])] + [line[-1]]
        out.write("  ".join(padded).rstrip() + "\n")
    out.write(f"({len(rows)} facts)\n")


def write_csv(rows: Sequence[dict], out: IO[str]) -> None:
    """The values exactly as stored (a span stays equal to its article text): CSV is data for
    scripts; open it in a spreadsheet through its import dialog, or ask for xlsx."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def write_jsonl(rows: Sequence[dict], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_xlsx(rows: Sequence[dict], path: Path) -> None:
    """One sheet 'facts' with a frozen, filterable header row (openpyxl)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "facts"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:  # control characters are refused by the format; "=..." would be a formula
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in (row.get(c) for c in COLUMNS)])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":
                cell.data_type = "s"
    for i, column in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = {"sentence": 100, "summary": 40, "title": 40, "link": 40}.get(column, 14)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)


def output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix in ("csv", "jsonl", "xlsx"):
            return suffix
        raise QueryError(f"cannot tell the format from {args.output!r}: give --format")
    return "table" if sys.stdout.isatty() else "jsonl"


def filters_from(args: argparse.Namespace) -> Filters:
    return Filters(
        kinds=args.kind or [], region=args.region, since=args.since, until=args.until, outlet=args.outlet,
        official=args.official, text=args.text, min_value=args.min_value, attributions=args.attribution or [],
        limit=args.limit,
    )


def cmd_facts(args: argparse.Namespace) -> int:
    try:
        fmt = output_format(args)
        if fmt == "xlsx" and not args.output:
            raise QueryError("--format xlsx needs --output FILE.xlsx")
        filters = filters_from(args)
        rows = query(connect(args.db), filters)
    except QueryError as exc:
        print(f"fakta: {exc}", file=sys.stderr)
        return 2
    try:
        if fmt == "xlsx":
            write_xlsx(rows, Path(args.output))
        else:
            writer = {"table": write_table, "csv": write_csv, "jsonl": write_jsonl}[fmt]
            if args.output:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    writer(rows, out)
            else:
                writer(rows, sys.stdout)
    except OSError as exc:
        if not args.output:
            raise
        print(f"fakta: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if args.output:
        print(f"{len(rows)} facts -> {args.output}", file=sys.stderr)
    return 0


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=str(DEFAULT_DB), help=f"SQLite database (default: {DEFAULT_DB})")
    p.add_argument("--kind", action="append", choices=KINDS, help="only this kind (repeatable)")
    p.add_argument("--region", help='name, alias or code ("Sumut", "Kota Medan", "12.71") or office area ("Sumbagut"); a province takes in its kabupaten/kota')
    p.add_argument("--since", help="fact date on or after (YYYY, YYYY-MM or YYYY-MM-DD): a date in its sentence, else the publication date")
    p.add_argument("--until", help="fact date on or before (same forms)")
    p.add_argument("--outlet", help="outlet name or web address contains this (case-insensitive)")
    p.add_argument("--official", help="officials named like this, and other facts of the articles naming them")
    p.add_argument("--text", help='full-text search of the articles ("pekerja rentan", FTS5 syntax allowed)')
    p.add_argument("--min-value", help="worker counts and amounts (rupiah) of at least this value")
    p.add_argument("--attribution", action="append", choices=ATTRIBUTIONS, help="only facts placed in their region this way (repeatable)")
    p.add_argument("--limit", type=int, help="at most this many rows")


def register(sub) -> None:
    p = sub.add_parser("facts", help="query stored facts: table, CSV, JSON Lines or .xlsx")
    add_filter_arguments(p)
    p.add_argument("--format", choices=FORMATS, help="default: from --output's suffix, else table in a terminal, else jsonl")
    p.add_argument("--output", help="write to this file (needed for xlsx)")
    p.set_defaults(func=cmd_facts)
