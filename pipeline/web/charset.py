"""Bytes of a web page -> text, with the charset a browser would end up with on Indonesian pages.

Order: a byte-order mark; then UTF-8 whenever the bytes are valid UTF-8 (a server that says
iso-8859-1 in its header but sends UTF-8, common on Indonesian WordPress hosts, would
otherwise garble every "é" and curly quote); then the charset of the Content-Type header;
then a <meta charset> / http-equiv in the first 4 KB; then UTF-8 with the odd broken byte
replaced when the bytes are mostly UTF-8 (whatever was declared); else windows-1252, which
decodes any byte. Labels are mapped as browsers do (iso-8859-1, latin1 and ascii mean windows-1252).
"""
from __future__ import annotations

import codecs
import re

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_BROWSER_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(content_type: str | None, body: bytes) -> str | None:
    """The charset named by the header, else by a <meta> near the top; None if neither."""
    found = _HEADER_CHARSET.search(content_type or "")
    codec = _codec(found.group(1)) if found else None
    if codec is None:
        meta = _META_CHARSET.search(body[:4096])
        codec = _codec(meta.group(1).decode("ascii", "replace")) if meta else None
    return codec


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, codec used) for the bytes of a page."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), codec
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = declared_charset(content_type, body)
    if codec and codec != "utf-8":
        try:
            return body.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass
    lenient = body.decode("utf-8", errors="replace")
    if _mostly_utf8(lenient):
        return lenient, "utf-8"
    return body.decode("cp1252", errors="replace"), "cp1252"


def _mostly_utf8(text: str) -> bool:
    """UTF-8 with a few broken bytes (a truncated page, one bad paste), not a legacy charset."""
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    # legacy (cp1252) text almost never forms a valid multi-byte UTF-8 sequence, so even a few
    # good ones outweigh a broken one; Indonesian stories hold few non-ASCII characters at all
    return good >= bad
