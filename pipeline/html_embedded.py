"""The story a page carries in its scripts instead of (or besides) its markup.

Sites built on JavaScript frameworks may be saved before their story is rendered: the
visible body is an empty app shell, and the story lives in the page's JSON: the JSON-LD
article's `articleBody` (plain text), or the page data of a framework
(`<script id="__NEXT_DATA__" type="application/json">`, Nuxt's, ...) as an HTML string.
pipeline.html reads this story only when the markup's own text is much shorter.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from lxml import etree
from lxml import html as lxml_html

_JSON_SCRIPTS = etree.XPath("//script[@type='application/json' or @type='application/ld+json']")
PARAGRAPH_MARKS = ("<p>", "<p ")  # a JSON string holding a story's HTML has paragraphs


def embedded_story(doc: etree._Element, article_body: str | None,
                   to_text: Callable[[etree._Element], str]) -> str:
    """The longest story a page's JSON holds: the JSON-LD `articleBody` (plain text, one
    paragraph per line), or the longest JSON string holding paragraphs of HTML, made text by
    `to_text` (pipeline.html's own block reader). '' when there is none."""
    best = ""
    if article_body and not _holds_paragraphs(article_body):  # (HTML there is one of the strings below)
        best = "\n\n".join(line.strip() for line in article_body.splitlines() if line.strip())
    for fragment in sorted(_html_strings(doc), key=len, reverse=True):
        if len(fragment) <= len(best):
            break  # (a fragment's text is never longer than its HTML)
        try:
            text = to_text(lxml_html.fragment_fromstring(fragment, create_parent="div"))
        except (etree.ParserError, ValueError):
            continue
        if len(text) > len(best):
            best = text
    return best


def _holds_paragraphs(text: str) -> bool:
    return any(mark in text for mark in PARAGRAPH_MARKS)


def _html_strings(doc: etree._Element) -> Iterator[str]:
    """Every string value in the page's JSON scripts that holds HTML paragraphs."""
    for script in _JSON_SCRIPTS(doc):
        text = script.text or ""
        if not _holds_paragraphs(text) and "\\u003cp" not in text:
            continue  # (cheap test before parsing: most pages' JSON holds no HTML)
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str) and _holds_paragraphs(item):
                yield item
