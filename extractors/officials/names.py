"""Reading a person's name forwards (after a title) or backwards (before one)."""
from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import BIRTH_NAME_OPENERS, Lexicon, longest
from .spans import Tokens

MAX_WORDS = 5
BALINESE_WORDS = 2  # more words a name opened by "I"/"Ni" and a birth-order word may run to ("I Gusti Ngurah Agung Putra Wirawan")
ADAT_TITLE_WORDS = 3  # more words a name may run to after a conferred title inside it ("Datuak Rajo Nan Sati")
NICKNAME_WORDS = 3  # words of a quoted nickname inside a name ('Muhammad Yusran "Abu Yus" Daud')
INITIALS = re.compile(r"^[A-Z](?:\.[A-Z])+$")  # initials the tokenizer keeps in one token: "A.A", "I.B"
QUOTES = frozenset({'"', "“", "”"})
REGNAL_NUMBERS = frozenset("II III IV V VI VII VIII IX X XI XII XIII".split())  # "Hamengku Buwono X", "Paku Alam X"


class Name(NamedTuple):
    text: str
    start: int  # token index of the first name word
    end: int  # token index after the last name word
    next: int  # token index after everything read (a repeated slip is skipped)
    words: int  # end - start


_new_name = tuple.__new__  # builds a Name without NamedTuple's Python-level __new__


def quoted_words_end(toks: Tokens, n: int, q: int, most: int) -> int | None:
    """The token after the closing quote of capitalised words (`most` at most) that the quote
    at token q opens ('"Abu Yus"', '"Lawo Mere"'), else None."""
    for k in range(q + 2, min(n, q + 2 + most)):
        if toks[k].text in QUOTES:
            return k + 1 if all(toks[m].cap for m in range(q + 1, k)) else None
    return None


class NameReader:
    """Name rules over one doc; a title or another fact (Tokens.blocked) ends a name."""

    def __init__(self, toks: Tokens, lex: Lexicon) -> None:
        self.toks, self.lex, self.n, self.blocked = toks, lex, toks.n, toks.blocked

    def is_blocked(self, i: int) -> bool:
        """Whether token i is part of a title or another extractor's hit: no name takes it."""
        self.toks[i]  # reading it notes another extractor's hit over it
        return i in self.blocked

    def _initial(self, i: int) -> bool:
        text = self.toks[i].text
        return len(text) == 1 and text.isupper() and i not in self.blocked

    def is_honorific(self, i: int) -> bool:
        return self.toks[i].honorific

    def _glued(self, i: int, text: str) -> bool:
        """Token i is `text` written without spaces around it ("Al-Farisi", "M.")."""
        toks = self.toks
        return i < self.n and toks[i].text == text and not toks.space(i - 1)

    def _doubled(self, i: int) -> bool:
        """Whether token i, a glued hyphen and a word its own ends with (3 letters at least) make
        one doubled name word ("Karo-Karo", "Perangin-angin"), none of them taken."""
        toks, blocked = self.toks, self.blocked
        if i + 2 >= self.n or toks[i + 1].text != "-" or toks.space(i) or toks.space(i + 1):
            return False
        tail = toks[i + 2].lower
        return len(tail) >= 3 and toks[i].lower.endswith(tail) and not {i, i + 1, i + 2} & blocked

    def _town_before(self, start: int, i: int) -> bool:
        """Whether the words from `start` to token i are a town that branch offices are named after
        (branch_places.txt), not the first words of a name."""
        place = longest(self.lex.branch_places, self.toks, i, start)
        return place is not None and place[0] == i

    def _title_run(self, i: int) -> int:
        """The length of the title run (lexicon.title_runs) at token i when an honorific or
        a name follows it; else 0."""
        toks, n = self.toks, self.n
        for run in self.lex.title_runs:
            k = i + len(run)
            if k < n and all(toks[i + j].lower == word for j, word in enumerate(run)) \
                    and (toks[k].honorific or toks[k].name):
                return len(run)
        return 0

    def skip_honorifics(self, i: int) -> int:
        toks, n = self.toks, self.n
        while i < n:
            tok = toks[i]
            run = self._title_run(i) if tok.lower in self.lex.title_run_starts else 0
            if run:
                i += run  # "Datuk Seri H. Mahmuddin Yusuf", "Komisaris Besar Hari Setiawan"
            elif tok.honorific or (tok.lower in self.lex.leading and i + 1 < n and (toks[i + 1].honorific or toks[i + 1].name)):
                i += 1
                if i < n and toks[i].text in (".", "'") and not toks.space(i - 1):
                    i += 1  # "H.", "Ne'" (Toraja)
            elif tok.text == "(" and i + 2 < n and toks[i + 1].lower in self.lex.honorifics and (
                    close := i + 3 if toks[i + 2].text == "." and i + 3 < n else i + 2) and toks[close].text == ")":
                i = close + 1  # "Komjen Pol (Purn) Drs. Hendra Wibisono", "Irjen Pol. (Purn.) Hadi Sucipto"
            elif tok.text == "TNI" and i > 0 and toks[i - 1].honorific:
                i += 1  # "Brigjen TNI Eko Wahyudi Santoso": a rank's service
            else:
                break
        return i

    def forward(self, i: int) -> Name | None:
        """The name starting at token i (after honorifics), or None if it is not clearly one."""
        toks, n, lex, glued, blocked = self.toks, self.n, self.lex, self._glued, self.blocked
        particles, shortened = lex.particles, lex.shortened  # (reading a token puts it in `blocked` if another fact covers it)
        j = start = self.skip_honorifics(i)
        words: list[int] = []
        cut: tuple[int, int] | None = None  # tokens inside the name left out of it: a nickname
        most, regnal = MAX_WORDS, False
        if j + 1 < n and toks[j].text in BIRTH_NAME_OPENERS and toks[j + 1].lower in lex.birth_orders:
            most = MAX_WORDS + BALINESE_WORDS
        while j < n and len(words) <= most:
            tok = toks[j]
            if words and cut is None and tok.text in QUOTES:
                close = self._nickname_end(j)
                if close is not None:  # 'Muhammad Yusran "Abu Yus" Daud': the name goes on after it
                    cut, j = (j, close), close
                    continue
            if words and cut is None and tok.lower in lex.inner_honorifics and glued(j + 1, ".") \
                    and j + 2 < n and toks[j + 2].name and j + 2 not in blocked:
                j += 2  # "Sofyan Hi. Puhi": a pilgrim's title inside the name, kept as written there
                continue
            if words and tok.lower in lex.title_run_starts and (run := self._title_run(j)) and toks[j + run].honorific:
                words, cut, most = [], None, MAX_WORDS  # a conferred title and an honorific open the name:
                j = start = self.skip_honorifics(j)  # "LAM Riau Datuk Seri H. Marjohan Yusuf"
                continue
            if words and tok.honorific and self._town_before(start, j) and glued(j + 1, ".") \
                    and j + 2 < n and toks[j + 2].name and j + 2 not in blocked:
                words, cut = [], None  # a town no list of regions holds, then the honorific of the name:
                j = start = self.skip_honorifics(j)  # "Ketua APKW Labuan Bajo H. Syahrul Baco"
                continue
            if words and tok.cap and self._doubled(j):
                words.append(j)  # a doubled family name: "Rosmini br Karo-Karo", "Siti Aisyah Perangin-angin"
                j += 3
                continue
            if tok.name and j not in blocked:
                if words and tok.lower in lex.leading:
                    most = MAX_WORDS + ADAT_TITLE_WORDS  # "Nasrul Efendi Datuak Rajo Nan Sati"
                if tok.lower in lex.short_only and not (glued(j + 1, ".") and j + 2 < n and toks[j + 2].name):
                    break  # "Budi Santoso St.": the degree ST; "St. Aminah": Sitti
                words.append(j)
                j += 1
                if tok.lower in shortened and glued(j, ".") and j + 1 < n \
                        and (toks[j + 1].name or _letter(toks[j + 1].text)):
                    j += 1  # "Andi Muh. Ilham", "Kgs. M. Rizal Effendi"
                elif glued(j, "'") and ((toks.space(j) and j + 1 < n and toks[j + 1].name and j + 1 not in blocked)
                                        or (j + 1 < n and toks[j + 1].text == "," and not toks.space(j))):
                    j += 1  # a glottal stop ending a name word: "Yusuf Bura' Sampe Lolo", "Markus Sampe Bua'," (Toraja)
                while j + 1 < n and toks[j].text == "-" and not toks.space(j - 1) and not toks.space(j) \
                        and toks[j + 1].name and j + 1 not in blocked:
                    j += 2  # Al-Farisi
                continue
            text = tok.text
            initials = len(text) == 1 and text.isupper() or (  # "A.A. Ngurah Bagus" (Anak Agung): one token
                INITIALS.match(text) is not None and glued(j + 1, ".") and tok.lower not in lex.degrees)
            if initials and j not in blocked and j + 1 < n \
                    and ((toks[j + 1].name and j + 1 not in blocked) or toks[j + 1].text == "."):
                words.append(j)
                j += 1
                if glued(j, "."):
                    j += 1
            elif not words:
                break
            elif tok.lower in lex.mid_name and j + 1 < n and toks[j + 1].name and j + 1 not in blocked \
                    and j not in blocked:
                words.append(j)  # an honorific inside a name: "Ardiansyah Puang Rahim"
                j += 1
            elif (tok.suffixed_name or tok.rank_name or (tok.field and len(words) > 1)) and j not in blocked \
                    and j + 1 < n and (toks[j + 1].text in {",", ".", ")", "("} or toks[j + 1].lower == "dan") \
                    and not (tok.honorific and glued(j + 1, ".") and j + 2 < n and toks[j + 2].name):
                words.append(j)  # a last name word that looks like a verb, a rank or a field:
                j += 1  # "Yosef Lamatokan,", "(Fransina Mayor)", "Budi Perwira Negara,", "Yosias Abdon Mayor dan"
            elif tok.lower in lex.after_name and j + 1 < n and toks[j + 1].name and j + 1 not in blocked \
                    and j not in blocked:
                words.append(j)  # a day or month inside a name: "Ahmad Sabtu Hasan"
                j += 1
            elif tok.lower in lex.after_name and j not in blocked and j + 2 < n \
                    and toks[j + 1].text == "," and toks[j + 2].lower.rstrip(".") in lex.degrees:
                words.append(j)  # a day or month ending a name before its degrees: "Samsul Bahri Ode Kamis, M.T.",
                # "Hj. Nurhasanah Sabtu, S.E."
                j += 1
                break
            elif words and tok.text in REGNAL_NUMBERS and j not in blocked and toks[start].lower in lex.regnal_names:
                words.append(j)  # a ruler's regnal number ends the name: "Sri Sultan Hamengku Buwono X"
                j, regnal = j + 1, True
                break
            elif tok.lower in particles and j + 1 < n and toks[j + 1].name and j + 1 not in blocked:
                j += 1  # bin, van
            elif tok.lower in particles and glued(j + 1, ".") and j + 2 < n and toks[j + 2].name \
                    and j + 2 not in blocked:
                j += 2  # "Tiurma br. Siregar"
            elif tok.lower in particles and glued(j + 1, "-") and not toks.space(j + 1) \
                    and j + 2 < n and toks[j + 2].name and j + 2 not in blocked:
                j += 2  # al-Assad
            elif tok.lower in particles and j + 1 < n and toks[j + 1].cap:
                return None  # a particle before a word no name takes ("Rosmini br Karo-Karo", Karo a
                # post): where the name ends is unknown
            else:
                break
        if not words:
            return None
        first = toks[words[0]].text
        for k in range(1, len(words)):
            if toks[words[k]].text == first:  # an editing slip repeats the name: "Asep Rahmat Suwanda Asep Rahmat Suwand"
                words = words[:k]
                end = words[-1] + 1
                while j < n and ((toks[j].name and j not in blocked) or self._initial(j)):
                    j += 1
                break
        else:
            if len(words) > most or (j < n and not toks[j].ends_name):
                return None
            end = j
        if len(toks[words[-1]].text) == 1 and not regnal:  # ends in an initial: not a full name
            return None
        if len(words) == 1 and j < n and toks[j].text[:1].isdigit():
            return None  # "Regional 4", "Kodim 1311": a unit's name and number, not a person
        while toks[end - 1].text in {"-", "."}:
            end -= 1
        if cut is not None and cut[1] < end:
            text = f"{toks.text(start, cut[0])} {toks.text(cut[1], end)}"
        else:
            text = toks.text(start, end)
        return _new_name(Name, (text, start, end, j, end - start))

    def _nickname_end(self, q: int) -> int | None:
        """The token after a quoted nickname opened at token q ('"Abu Yus"', at most
        NICKNAME_WORDS capitalised words), when a name word follows it; else None."""
        after = quoted_words_end(self.toks, self.n, q, NICKNAME_WORDS)
        ok = after is not None and after < self.n and self.toks[after].name and after not in self.blocked
        return after if ok else None

    def backward(self, k: int) -> Name | None:
        """The name ending just before token k, or None if it is not clearly one."""
        toks, blocked = self.toks, self.blocked
        j = k - 1
        words: list[int] = []
        initials = 0  # written with a period: "Maria C. Leiwakabessy" (not "Jalan A. Yani")
        while j >= 0 and len(words) <= MAX_WORDS:
            if (toks[j].name and j not in blocked) or (words and self._initial(j)):
                words.append(j)
                j -= 1
            elif words and toks[j].lower in self.lex.particles:
                j -= 1
            elif words and toks[j].text == "." and j > 0 and toks[j - 1].lower in self.lex.shortened \
                    and not toks.space(j - 1):
                j -= 1  # "Andi Muh. Ilham", read backwards
            elif words and toks[j].text == "." and j > 1 and toks[j - 1].lower in self.lex.inner_honorifics \
                    and not toks.space(j - 1) and toks[j - 2].name and j - 2 not in blocked:
                j -= 2  # "Abdul Latif Hi. Sangaji": a pilgrim's title inside the name, read backwards
            elif words and toks[j].text == "." and j > 1 and self._initial(j - 1) and not toks.space(j - 1) \
                    and not self.is_honorific(j - 1) and toks[j - 2].name and j - 2 not in blocked:
                initials += 1
                j -= 1
            else:
                break
        if not words or len(words) > MAX_WORDS or len(words) - initials < 2 <= len(words):
            return None
        start = words[-1]
        if j >= 0:
            before = toks[j]
            if not (before.blank or before.punct or before.text[:1].islower() or before.text.isdigit()
                    or self.is_honorific(j) or before.lower in self.lex.stops):  # "Adapun Yamin Dukalang
                return None  # selaku ...", "calon nomor urut 1 Ramli Nurhadi, yang juga ..."
        return _new_name(Name, (toks.text(start, k), start, k, k, k - start))


def _letter(text: str) -> bool:
    """One capital letter: an initial ("M" of "Kgs. M. Rizal")."""
    return len(text) == 1 and text.isupper()
