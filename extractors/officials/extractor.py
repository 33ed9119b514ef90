"""Officials: a position title (positions.csv) tied to a person's name.

A PhraseMatcher finds titles and acting-post modifiers (Pj, Plt, Plh); per title, Python
reads the title phrase and the name (reading.py). Region and office-area spans come from
the regions extractor (found["region"], found["office_area"]); any other fact's span
(a date, an amount) can never be part of a name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..common import Context, Found, Hit
from .led_by import led_by
from .lexicon import Lexicon
from .names import NameReader
from .places import UntaggedPlaces
from .posts import drop_short_mentions
from .reading import AUTHOR_RULE, FORM_RULE, LABEL_RULE, LIST_LINE_RULE, NAME_LINE_RULE, SIGNATURE_RULE, DocReader
from .spans import Lines, Tokens, tok_reader
from .titles import TitleReader

try:  # the regions extractor's lookup: "Medan" -> Kota Medan, for places it leaves untagged
    from ..regions import resolve as resolve_region
except ImportError:  # regions extractor absent: titles then take only tagged regions
    resolve_region = None

LINE_RULES = frozenset({NAME_LINE_RULE, LIST_LINE_RULE, AUTHOR_RULE, SIGNATURE_RULE, FORM_RULE, LABEL_RULE})  # rules whose line
# is no headline (a contact block, an author line, a signature block, a form)

RESOLVED_CACHED = 4096  # place names whose region the extractor keeps (resolve is pure and costly)
ABBREVIATION_CHARS = 3  # "Jl", "Jln", "Gg": a word written short before its period


class OfficialsExtractor:
    def __init__(self, nlp: Language) -> None:
        self.lex = Lexicon(nlp)
        self.resolve = lru_cache(maxsize=RESOLVED_CACHED)(resolve_region) if resolve_region else None
        self.tok = tok_reader(nlp.vocab.strings, self.lex)  # orth id -> Tok
        self.negator_ids = frozenset(map(get_string_id, self.lex.negators))  # Token.lower of "calon", "mantan"
        self.joiner_ids = frozenset(map(get_string_id, ("dan", "serta")))  # join two title phrases
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # match id -> (True, Title, whether its last word is numbered: "Komisi") | (False, "Pj", False)
        self.entries: dict[int, tuple[bool, object, bool]] = {}
        tables = {"title": self.lex.titles, "mod": self.lex.modifiers}
        for label, surfaces in self.lex.surfaces.items():
            for surface in surfaces:
                pattern = nlp.make_doc(surface)
                if any(t.is_space for t in pattern):  # (Lines takes title words for words of one line)
                    raise ValueError(f"officials: white space inside the surface {surface!r}")
                key = f"official_{label}:{surface}"
                self.matcher.add(key, [pattern])
                words = tuple(t.lower_ for t in pattern)
                self.entries[nlp.vocab.strings[key]] = (
                    label == "title", tables[label][words], words[-1] in self.lex.numbered_any
                )
        for word in self.lex.led_by:  # "Cabang Sintang yang dipimpin Heribertus Nyangun"
            key = f"official_led_by:{word}"
            self.matcher.add(key, [nlp.make_doc(word)])
            self.entries[nlp.vocab.strings[key]] = (None, word, False)

    def __call__(self, doc: Doc, context: Context, found: Found) -> list[Hit]:
        titles, modifiers, led = self._titles(doc)
        if not titles and not led:
            return []
        negators, negator_pairs, tok = self.negator_ids, self.lex.negator_pairs, self.tok
        reader = lines = None  # the rules over this doc, built for the first title worth reading
        hits: list[Hit] = []
        consumed = 0
        unnamed_end = -1  # where the last title phrase read ended, if it was given no name
        for start, end, title, numbered in titles:
            if start < consumed:
                continue
            if end - start > 1:
                end, title, numbered = self._yield_to_org(doc, start, end, title, numbered)
            if start in modifiers:
                first, modifier = modifiers[start]
            else:
                first, modifier = start, ""
            token = doc[first]
            lowercase = not tok(token.orth).cap
            if lowercase and not (title.needs_qualifier and first == start):
                continue  # only a qualified post may be written in lower case: "ketua DPRD Gianyar, ..."
            if first > 0 and (doc[first - 1].lower in negators or _after_abbreviated(doc, first, negators)
                              or first > 1 and (doc[first - 2].lower_, doc[first - 1].lower_) in negator_pairs):
                # "calon Gubernur", "mantan Menteri", "Jl. Gubernur Suryo", "Ruang Rapat Bupati"
                consumed = end
                continue
            if reader is None:
                reader, lines = self._reader(doc, found, titles, modifiers, context.text)
            joined = first > 0 and unnamed_end == first - 1 and doc[first - 1].lower in self.joiner_ids  # "Ketua dan Sekretaris"
            new, stop = reader.read(first, token.idx, end, title, modifier, numbered, joined, lowercase)
            unnamed_end = -1 if new else stop
            if new and new[0].rule not in LINE_RULES and lines.is_headline(first, end, stop):  # "Bupati Sambut Baik ..."
                new = []
            if new and hits and new[0].start < hits[-1].end:  # a name read back into the last post's span:
                new = []  # "Sekretaris Daerah (Sekda) Bojonegoro Sutrisno ... selaku Ketua Tim Anggaran"
            hits.extend(new)
            stop = stop if new else end
            if stop > consumed:  # (cheaper than max())
                consumed = stop
        if led:
            if reader is None:
                reader, lines = self._reader(doc, found, titles, modifiers, context.text)
            for k in led:
                hit = led_by(reader.toks, reader.names, reader.titles, k, found.get("region", ()))
                if hit is not None:
                    hits.append(hit)
        hits = drop_short_mentions(hits)
        if reader is not None and any(" " not in hit.fields["name"] for hit in hits):
            hits = _completed_names(doc, context.text or doc.text, reader.names, hits)  # (names no other hit gives in full)
        return hits

    def _reader(self, doc: Doc, found: Found, titles, modifiers, text: str | None) -> tuple[DocReader, Lines]:
        """The rules over this doc (`text`: its text, if known); no name may take a token of a
        title or modifier."""
        title_tokens = set(map(_first, modifiers.values()))
        for start, end, _, _ in titles:
            if end - start == 1:  # (most titles are one word: "Bupati")
                title_tokens.add(start)
            else:
                title_tokens.update(range(start, end))
        toks = Tokens(doc, self.tok, found, title_tokens)
        names = NameReader(toks, self.lex)
        untagged = UntaggedPlaces(toks, self.lex, names, self.resolve) if self.resolve else None
        reader = DocReader(toks, self.lex, names, TitleReader(toks, self.lex, text), untagged)
        return reader, Lines(toks, self.lex.handover_words)

    def _yield_to_org(self, doc: Doc, start: int, end: int, title, numbered: bool):
        """(end, title, numbered) of a title at tokens start..end, or of its first words when its
        last word opens a known organisation that runs past it, beyond what field words would
        read, or that the organisations list knows by another name: "Kepala Balai Pelayanan
        Pelindungan Pekerja Migran Indonesia" is "Kepala" of that Balai (BP3MI); "Kepala Dinas
        Tenaga Kerja" stays a title and its field."""
        lex, last = self.lex, end - 1
        entries = lex.elements.get(doc[last].lower_)
        if not entries:
            return end, title, numbered
        for words, (kind, org) in entries:
            if kind == "org" and 1 < len(words) and last + len(words) <= len(doc) and all(
                    doc[last + k].lower_ == word for k, word in enumerate(words)) and (
                    not lex.field_words.issuperset(words[1:]) or org.name.lower() != " ".join(words)):
                shorter = lex.titles.get(tuple(doc[k].lower_ for k in range(start, last)))
                if shorter is not None:
                    return last, shorter, doc[last - 1].lower_ in lex.numbered_any
                break
        return end, title, numbered

    def _titles(self, doc: Doc):
        """Longest non-overlapping titles (start, end, Title, numbered) and modifiers by the title they precede."""
        titles, modifiers, led = [], {}, []
        matches = self.matcher(doc)
        matches.sort(key=_end, reverse=True)  # by start, then longest first (sorts are stable)
        matches.sort(key=_start)
        last_end = 0
        entries = self.entries
        for match_id, start, end in matches:
            is_title, value, numbered = entries[match_id]
            if is_title is None:
                led.append(start)  # a led_by word
            elif is_title:
                if start >= last_end or not titles:
                    titles.append((start, end, value, numbered))
                    last_end = end
            elif end not in modifiers or modifiers[end][0] > start:
                modifiers[end] = (start, value)
        return titles, modifiers, led


_start, _end = itemgetter(1), itemgetter(2)  # of a match (match id, start, end)
_first = itemgetter(0)  # of a modifier (start, "Pj")


def _after_abbreviated(doc: Doc, i: int, words: frozenset[int]) -> bool:
    """Whether token i follows one of `words` (lower-case hashes) written short with its
    period ("Jl. Gubernur Suryo")."""
    return i > 1 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ and doc[i - 2].lower in words \
        and len(doc[i - 2]) <= ABBREVIATION_CHARS


def _completed_names(doc: Doc, text: str, names: NameReader, hits: list[Hit]) -> list[Hit]:
    """A one-word name ("Kini Amos, yang menjabat Kepala Kampung Wunabunggu") made the full
    name the article (`text`: the doc's) gives that person elsewhere ("Amos Yikwa masih ingat
    ..."), when it gives exactly one full name opening with that word."""
    done = []
    for hit in hits:
        word = hit.fields["name"]
        if " " not in word:
            spans = (doc.char_span(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(word)}\b", text)
                     if not hit.start <= m.start() < hit.end)
            full = {name.text for span in spans if span is not None and len(span) == 1
                    and (name := names.forward(span.start)) is not None and name.start == span.start and name.words > 1}
            if len(full) == 1:
                hit = replace(hit, fields={**hit.fields, "name": full.pop()})
        done.append(hit)
    return done
