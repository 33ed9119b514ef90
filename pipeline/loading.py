"""Inputs -> Article records, one at a time (nothing is read before it is asked for).

Inputs are paths as given on the command line:
  - a .txt file: the article text (UTF-8; cp1252 accepted when the bytes are not UTF-8;
    UTF-16 with a BOM);
  - a .html / .htm file: reduced to its headline, main text and metadata by pipeline.html;
  - a .jsonl file: one article per line, {"text": ...} or {"html": ...}, with optional
    "url", "title", "published" (ISO, or a date with its month in words, "Senin, 03
    November 2025"; anything else is dropped), "outlet";
  - a directory: walked recursively in name order, taking .txt/.html/.htm/.jsonl files and
    skipping other files, hidden entries and symlinked directories (a file of another type
    named explicitly is an error);
  - "-": standard input, read as JSONL when every non-empty line is a {...} object, as HTML
    when it opens with an HTML tag, else as text.
An input that cannot be used becomes a LoadError (source, line, message) in the stream, and
the stream goes on. Article.source is the path as given (joined onto the directory as given
for files found inside one); Article.key is the path, "path#L<n>" for a JSONL line (its
"url" when it has one), or "stdin:<sha1>" for standard input.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterator, Sequence, TextIO

from .html import html_to_story, record_published
from .models import Article

MAX_BYTES = 50 * 1024 * 1024  # a bigger input (file, JSONL line or stdin) is refused
SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
OPTIONAL_FIELDS = ("url", "title", "published", "outlet", "author", "language")
_LOOKS_LIKE_HTML = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


@dataclass(frozen=True, slots=True)
class LoadError:
    """An input that yielded no article: where (path, JSONL line) and why, in a few words."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


class _Unusable(Exception):
    """Raised inside this module for an input that yields no article; becomes a LoadError."""


def iter_articles(paths: Sequence[str], stdin: TextIO | None = None) -> Iterator[Article | LoadError]:
    """Articles (and LoadErrors) from the given paths, in order, streamed."""
    for path in paths:
        if path == "-":
            yield from _from_stdin(stdin if stdin is not None else sys.stdin)
        else:
            yield from _from_path(path)


# --- paths -------------------------------------------------------------------------
def _from_path(path: str) -> Iterator[Article | LoadError]:
    try:
        is_dir = os.path.isdir(path)
        if not is_dir:
            os.stat(path)
    except OSError as exc:
        yield LoadError(path, None, _reason(exc))
        return
    if is_dir:
        yield from _walk(path)
        return
    kind = SUFFIXES.get(os.path.splitext(path)[1].lower())
    if kind is None:
        yield LoadError(path, None, "unsupported file type (expected .txt, .html, .htm or .jsonl)")
    else:
        yield from _from_file(path, kind)


def _walk(directory: str) -> Iterator[Article | LoadError]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield LoadError(directory, None, _reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            kind = None if is_dir else SUFFIXES.get(os.path.splitext(entry.name)[1].lower())
        except OSError as exc:
            yield LoadError(path, None, _reason(exc))
            continue
        if is_dir:
            yield from _walk(path)
        elif kind is not None:
            yield from _from_file(path, kind)


def _from_file(path: str, kind: str) -> Iterator[Article | LoadError]:
    if kind == "jsonl":
        yield from _from_jsonl_file(path)
        return
    try:
        yield _document(path, path, _decode(_read_bytes(path)), kind)
    except _Unusable as exc:
        yield LoadError(path, None, str(exc))
    except OSError as exc:
        yield LoadError(path, None, _reason(exc))


def _read_bytes(path: str) -> bytes:
    size = os.stat(path).st_size
    if size > MAX_BYTES:
        raise _Unusable(_too_large(size))
    with open(path, "rb") as fh:
        return fh.read(MAX_BYTES + 1)


# --- JSONL -------------------------------------------------------------------------
def _from_jsonl_file(path: str) -> Iterator[Article | LoadError]:
    seen_any = False
    try:
        with open(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                seen_any = True
                try:
                    if len(raw) > MAX_BYTES:
                        raise _Unusable("line " + _too_large(len(raw)))
                    yield _jsonl_record(raw.decode("utf-8-sig" if n == 1 else "utf-8"), path, f"{path}#L{n}")
                except UnicodeDecodeError:
                    yield LoadError(path, n, "line is not valid UTF-8")
                except _Unusable as exc:
                    yield LoadError(path, n, str(exc))
    except OSError as exc:
        yield LoadError(path, None, _reason(exc))
        return
    if not seen_any:
        yield LoadError(path, None, "empty file")


def _jsonl_record(line: str, source: str, default_key: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Unusable(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _Unusable("not a JSON object")
    for field in ("text", "html", *OPTIONAL_FIELDS):
        if record.get(field) is not None and not isinstance(record[field], str):
            raise _Unusable(f"'{field}' is not a string")
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise _Unusable("neither 'text' nor 'html' given")
    url = (record.get("url") or "").strip() or None
    kind, content = ("text", text) if text is not None and text.strip() else ("html", html)
    if content is None:
        raise _Unusable("empty text")
    given = {**{k: record.get(k) for k in OPTIONAL_FIELDS}, "url": url}
    return _document(source, url or default_key, content, kind, given)


# --- standard input ------------------------------------------------------------------
def _from_stdin(stream: TextIO) -> Iterator[Article | LoadError]:
    try:
        raw = stream.buffer.read(MAX_BYTES + 1) if hasattr(stream, "buffer") else stream.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _Unusable("input " + _too_large(len(raw)))
        text = _decode(raw) if isinstance(raw, bytes) else raw
    except _Unusable as exc:
        yield LoadError("-", None, str(exc))
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield LoadError("-", None, _reason(exc) if isinstance(exc, OSError) else "not valid UTF-8 text")
        return
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip()]
    if lines and all(ln.strip().startswith("{") and ln.strip().endswith("}") for _, ln in lines):
        for n, line in lines:
            try:
                yield _jsonl_record(line, "-", "stdin:" + _sha1(line.strip()))
            except _Unusable as exc:
                yield LoadError("-", n, str(exc))
        return
    kind = "html" if _LOOKS_LIKE_HTML.match(text[:2000]) else "text"
    try:
        yield _document("-", "stdin:" + _sha1(text), text, kind)
    except _Unusable as exc:
        yield LoadError("-", None, str(exc))


# --- shared --------------------------------------------------------------------------
def _document(source: str, key: str, content: str, kind: str, given: dict | None = None) -> Article:
    """An Article from text or HTML content; fields in `given` win over the page's metadata."""
    meta: dict = {}
    if kind == "html":
        try:
            content, meta = html_to_story(content)
        except Exception as exc:  # a parser failure on one page must not end the stream
            raise _Unusable(f"could not parse HTML ({type(exc).__name__})") from None
        if not content.strip():
            raise _Unusable("no article text found in the HTML")
    elif not content.strip():
        raise _Unusable("empty text" if given is not None else "empty file")
    fields = {k: (given or {}).get(k) or meta.get(k) for k in OPTIONAL_FIELDS}
    fields["published"] = record_published(fields["published"])
    return Article(source=source, key=key, text=content, **fields)


def _decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16 with a BOM, else cp1252; NUL bytes mean binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Unusable("not valid UTF-16 text") from None
    if b"\x00" in data:
        raise _Unusable("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise _Unusable("not valid UTF-8 (nor cp1252) text") from None


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or type(exc).__name__).lower()


def _too_large(size: int) -> str:
    return f"too large ({size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)"


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
