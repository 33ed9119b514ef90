"""Reading the title phrase after a position word: field, organisation, unit, region.

"Kepala BPJamsostek Cabang Padang Sidempuan," -> one chunk {org, unit, region};
"Kepala BPJamsostek Nias dan Cabang Sibolga" -> two chunks (two posts, two names).
"""
from __future__ import annotations

import dataclasses
import re

from ..common import Hit
from .lexicon import BIRTH_NAME_OPENERS, Lexicon, Organization, Trie, Unit, longest
from .names import MAX_WORDS, QUOTES, quoted_words_end
from .spans import Tokens

CONJUNCTIONS = frozenset({"dan", "&", "serta"})
FIELD_JOINERS = frozenset({"dan", "&", "/", "kepada"})  # "Penelitian dan Pengabdian kepada Masyarakat"
ORG_JOINERS = frozenset({"dan", "&", "-", "/", "di", "wilayah"})  # "Kelompok Tani Sipakainga di Bontonompo,", "PT X wilayah Sumatera,", "Forum RT/RW"
ORG_PREPOSITIONS = frozenset({"dari", "pada"})  # before the organisation of a post: "Koordinator aksi dari KSBSI"
MAX_PAREN = 5
SUBREGION_WORDS = frozenset({"kecamatan", "kelurahan", "desa", "distrik", "dusun", "kapanewon", "kemantren", "kalurahan"})  # after a village, its district...
ACRONYM = re.compile(r"[A-Z]{2,6}")  # an organisation's short name: "UBB", "BEM"
GOVERNMENT_OFFICES = frozenset({"dinas"})  # a field after it names the office's work, never a body of its own
LOCAL_PLACES = frozenset({"local", "district", "village"})  # place modes of positions.csv: a local place follows
MAX_ORG_NUMBER_DIGITS = 3  # a school's number inside an unknown organisation's name
MAX_ORG = 10
MAX_PLACE = 7  # tokens of an untagged place or name tail before its comma (a bracketed short form counts once)
GLOSS_WORDS = 3  # lower-case words of a title's gloss in brackets
TAIL_WORDS = 3  # words after a known body's name that its bracketed acronym shows are its own
QUOTED_NAME_WORDS = 4  # words of a group's own name in quotes inside its name
COMPANY_UNIT_WORDS = 4  # capitalised words of a company's unit before the company's name
LISTED_NAME_WORDS = 3  # capitalised words of each item of a list inside an organisation's name
MAX_FULL_NAME_WORDS, MAX_FULL_NAME_CHARS = 9, 120  # an organisation's full name before its bracketed short name
BRACKETED_ACRONYM = re.compile(r" \(([A-Z][A-Z0-9]{1,6}|[A-Z][a-z]+[A-Z][A-Za-z]{1,8})\)")  # "PT Samudra Baja Galangan Tbk (SBGL)", "(KirimGo)"


class Chunk:
    """One post's qualifiers as read from the text."""

    __slots__ = ("org", "unit", "regions", "areas", "place", "anaphor")

    def __init__(self) -> None:
        self.anaphor = False  # "perusahaan tersebut": an organisation named before
        self.org: Organization | None = None
        self.unit: Unit | None = None
        self.regions: list[Hit] = []
        self.areas: list[Hit] = []
        self.place: tuple[int, int] | None = None  # tokens of a place the lists do not know


class TitleReader:
    """Title-phrase rules over one doc (Tokens.places: the regions and office areas by token)."""

    def __init__(self, toks: Tokens, lex: Lexicon, text: str | None = None) -> None:
        self.toks, self.lex, self.n, self.places = toks, lex, toks.n, toks.places
        self.text = text  # the doc's text, if the caller has it
        self.acronyms: dict[str, Organization] | None = None  # defined_acronyms(), read when first asked

    def _field_word(self, i: int, lowercase: bool = False) -> bool:
        """Whether token i is a field word; after a title written in lower case, also in lower
        case ("kepala dinas tenaga kerja Badung, ...")."""
        tok = self.toks[i]
        return (tok.field or (lowercase and tok.lower in self.lex.field_words)) and i not in self.places

    def opens_org(self, i: int) -> bool:
        """Whether a capitalised word at token i opens an organisation: a known one, or a word
        that opens one the lists do not know ("Universitas")."""
        tok = self.toks[i]
        if not tok.cap:
            return False
        if tok.lower in self.lex.org_start:
            return True
        known = self.element(i)
        return known is not None and known[1] == "org"

    def designator(self, i: int) -> int:
        """After a numbered word ("Komisi"), the end of its letter or roman numeral ("E", "IX");
        after a word numbered only before an organisation, when one follows ("Wakil Ketua I
        DPRD Kotim", not "Ketua I Nyoman Sudarsa")."""
        toks = self.toks
        if i < self.n and i > 0 and toks[i].designator:
            word = toks[i - 1].lower
            if word in self.lex.numbered or word in self.lex.numbered_before_org and (
                    (known := self.element(i + 1)) is not None and known[1] == "org"):
                return i + 1
        return i

    def field(self, i: int, lowercase: bool = False) -> int:
        """End of the field words starting at token i (== i when there are none); `lowercase`:
        the title is written in lower case, and its field words may be too."""
        toks, n = self.toks, self.n
        j = end = i
        while j < n:
            tok = toks[j]
            if self._field_word(j, lowercase):
                j = end = j + 1
            elif end == i:
                break
            elif tok.lower in FIELD_JOINERS and j + 1 < n and self._field_word(j + 1, lowercase):
                j += 1
            elif tok.text == "," and j + 2 < n and toks[j + 1].lower == "dan" and self._field_word(j + 2):
                j += 2  # "Politik, Hukum, dan Keamanan"
            elif tok.text == "," and self._listed_field(j + 1):
                j += 1
            else:
                break
        if i > 0 and toks[i - 1].lower in GOVERNMENT_OFFICES:
            return end  # "Dinas Koperasi dan UKM Agam": the office's work, its place after it
        if end == i + 1 and self._names_an_org(i):
            return i  # "Ketua Koperasi Produsen Kopi Arabika Colol, ...": an organisation, not a field
        if end > i + 1 and self._org_name_goes_on(i, end):
            return i  # "Ketua Koperasi Tambang Rakyat Sepakat Jaya di ...": the cooperative's name
        return end

    def company_unit(self, i: int) -> int:
        """End of capitalised words from token i (COMPANY_UNIT_WORDS at most) that a company's
        name follows, naming the company's unit a post heads ("Kebun Bah Butong" in "Manajer
        Kebun Bah Butong PTPN IV", "Corporate Social Responsibility" in "General Manager
        Corporate Social Responsibility PT Bumi Kusan Sejahtera"); i when there are none."""
        toks, n, j, lex = self.toks, self.n, i, self.lex
        while j < n and j - i < COMPANY_UNIT_WORDS and toks[j].cap and toks[j].text.isalpha() and not (
                toks[j].honorific or toks[j].lower in lex.companies or j in self.places):
            j += 1
        return j if i < j < n and toks[j].lower in lex.companies and toks[j].text.isupper() else i

    def _org_name_goes_on(self, i: int, end: int) -> bool:
        """Whether field words from token i that open with an organisation word ("Koperasi")
        run on into capitalised words no list knows (no honorific, no element): the
        organisation's own name ("Koperasi Tambang Rakyat Sepakat Jaya"), which a person's name
        right after the field could not be told from."""
        toks = self.toks
        if toks[i].lower not in self.lex.org_start or end >= self.n:
            return False
        after = toks[end]
        return after.cap and not after.punct and not after.honorific and not after.text.isupper() \
            and after.lower not in self.lex.org_start and self.element(end) is None
        # (not "Ketua Pusat Studi Ketenagakerjaan Universitas Lampung", "... LPPM Unila")

    def _names_an_org(self, i: int) -> bool:
        """Whether the field word at token i opens an organisation's name instead: a word that
        opens one ("Koperasi", "Lembaga") followed by capitalised words, no field word or known
        element first, that a comma closes before a name ("Koperasi Produsen Kopi Colol, Name")."""
        toks, j = self.toks, i + 1
        if toks[i].lower not in self.lex.org_start or j >= self.n or not toks[j].cap or toks[j].punct \
                or self._field_word(j) or self.element(j) is not None:
            return False
        return self._run_before_name(j) is not None

    def _listed_field(self, i: int) -> bool:
        """Whether a comma at i-1 continues a listed field that a "dan" closes ("Politik,
        Hukum, dan Keamanan"; "Koperasi, UKM, Tenaga Kerja dan Transmigrasi")."""
        toks, j = self.toks, i
        while True:
            start = j
            while j < self.n and self._field_word(j):
                j += 1
            if j == start or j + 1 >= self.n:
                return False
            if toks[j].text == ",":
                j += 1
                if toks[j].lower not in CONJUNCTIONS:
                    continue  # another item of the list
            return toks[j].lower in CONJUNCTIONS and j + 1 < self.n and self._field_word(j + 1)

    def element(self, i: int):
        """(end, kind, value) of a title element at token i: region, office area, org, unit,
        foreign place, glue word; or None."""
        n = self.n
        if i >= n:
            return None
        toks = self.toks
        tok = toks[i]
        if not tok.cap:  # regions, office areas, organisations and units are all capitalised
            return None
        place = self.places.get(i)
        if place is not None:
            return self._branch_place(i, place)
        lex = self.lex
        if tok.lower in lex.elements:
            hit = longest(lex.elements, toks, n, i)
            if hit:
                if hit[1][0] == "place" and hit[0] == i + 1 and tok.lower in lex.name_ok \
                        and i + 1 < n and toks[i + 1].name:
                    return None  # a country that is also a first name: "KSPSI Kabupaten Cirebon Oman Abdurrohman"
                return hit[0], hit[1][0], hit[1][1]
        if tok.lower in lex.glue:
            end = i + 1
            if end < n and toks[end].text == "." and not toks.space(i):
                end += 1
            return end, "glue", None
        if tok.text[:1].isupper() and not tok.text[1:].islower() and (org := self.defined_acronyms().get(tok.text)) is not None:
            return i + 1, "org", org  # "SBGL", "KirimGo"
        return None

    def _regions_within(self, i: int, end: int) -> list:
        """The regions tagged inside an organisation's name (tokens i..end)."""
        places = self.places
        return [place[2] for k in range(i, end) if (place := places.get(k)) is not None and place[1] == "region"]

    def defined_acronyms(self) -> dict[str, Organization]:
        """Short names the article gives organisations in brackets after their full name
        ("PT Samudra Baja Galangan Tbk (SBGL)"): in a title, "Direktur Keuangan SBGL Melinda"
        is then a known organisation's post, and the organisation the full name. The full name
        opens with an organisation word (org_start), whose initial or the next word's is the
        short name's ("Dewan Masjid Indonesia (DMI)" is no "Masjid Indonesia"). A short name the
        lexicon numbers ("Rukun Tetangga (RT)": "RT 05") keeps that reading."""
        if self.acronyms is None:
            text = self.text if self.text is not None else self.toks.doc.text
            self.acronyms = {}
            for m in BRACKETED_ACRONYM.finditer(text):
                words = text[max(0, m.start() - MAX_FULL_NAME_CHARS):m.start()].split()[-MAX_FULL_NAME_WORDS:]
                run = len(words)  # the capitalised words before the bracket
                while run > 0 and words[run - 1][:1].isupper():
                    run -= 1
                start = next((j for j in range(run, len(words) - 1) if words[j].rstrip(".").lower() in self.lex.org_start), None)
                acronym = m.group(1)
                if start is not None and acronym[0] in (words[start][0], words[start + 1][0]) \
                        and acronym.lower() not in self.lex.numbered_any:
                    self.acronyms[acronym] = Organization(" ".join(words[start:]), frozenset(), "", "")
        return self.acronyms

    def _branch_place(self, i: int, place: tuple):
        """A tagged place, through the part of town a branch is named after ("Batam Nagoya")."""
        branch = longest(self.lex.branch_places, self.toks, self.n, i)
        if branch is not None and branch[0] > place[0]:
            return (branch[0], *place[1:])
        return place

    def paren_end(self, i: int) -> int | None:
        """End of a short capitalised parenthesis at token i: "(Nisel)", "(Kakanwil)", "(Sudin
        Gulkarmat) Jakarta Barat"; not of a bracketed name ("(Ir. Hendri Saputra)", "(Fransina
        Wambrauw)")."""
        if i + 2 < self.n and self.toks[i + 1].honorific and not self.toks[i + 1].field and self.toks[i + 2].text != ")":
            return None  # a bracketed name; "(Irjen)" after "Inspektur Jenderal" is its short form, and so
            # is "(HI-Jamsos)" after "Hubungan Industrial dan Jaminan Sosial" ("HI" as written: a field word)
        close = self._paren_close(i)
        if close is None:
            return None
        if self._bracketed_name(i + 1, close):  # a name, unless the post goes on after it with a
            after = self.element(close + 1) if close + 1 < self.n else None  # region or organisation:
            if after is None or after[1] not in ("region", "org"):  # "(Sudin Gulkarmat) Jakarta Barat, Hotman"
                return None
        return close + 1

    def name_in_paren(self, i: int) -> bool:
        """Whether token i opens a bracketed full name: "Cabang Sorong (Fransina Wambrauw)",
        "Distrik Sentani (Yohanis Wally, S.STP)"."""
        close = self._paren_close(i)
        if close is not None:
            return self._bracketed_name(i + 1, close)
        toks, n = self.toks, self.n
        if toks[i].text != "(":
            return False
        comma = next((j for j in range(i + 1, min(n, i + 2 + MAX_PAREN)) if not toks[j].name), n)
        if comma >= n or toks[comma].text != "," or not self._bracketed_name(i + 1, comma):
            return False
        k = self.after_degrees(comma)
        return k > comma and k < n and toks[k].text == ")"

    def after_degrees(self, k: int) -> int:
        """Token k, or the token after the degrees set off from a name there: "(Yohanis Wally,
        S.STP)" -> the bracket."""
        toks, degrees, j = self.toks, self.lex.degrees, k
        while j < self.n and (toks[j].text in {".", ","} or toks[j].lower.rstrip(".") in degrees):
            j += 1
        return j if j > k and any(toks[m].lower.rstrip(".") in degrees for m in range(k, j)) else k

    def gloss_end(self, i: int) -> int | None:
        """End of a lower-case gloss in brackets at token i (GLOSS_WORDS at most) that explains
        the title before it: "Pambakal (kepala desa) Lok Baintan"; else None."""
        toks = self.toks
        if toks[i].text != "(":
            return None
        for j in range(i + 1, min(self.n, i + 2 + GLOSS_WORDS)):
            if toks[j].text == ")":
                return j + 1 if j > i + 1 else None
            if not (toks[j].text.isalpha() and toks[j].text.islower()):
                return None
        return None

    def _paren_close(self, i: int) -> int | None:
        """The ")" of a short parenthesis of capitalised words opened at token i, or None."""
        toks = self.toks
        if toks[i].text != "(":
            return None
        for j in range(i + 1, min(self.n, i + 2 + MAX_PAREN)):
            tok = toks[j]
            text = tok.text
            if text == ")":
                return j if j > i + 1 else None
            if text == "-" and j > i + 1 and not toks.space(j - 1) and not toks.space(j):
                continue  # "(Disnaker-PMPTSP)"
            if not (tok.cap or text == "." or j in self.places or (text in CONJUNCTIONS and j > i + 1)):
                return None  # "(Binwasnaker dan K3)"
        return None

    def _bracketed_name(self, start: int, end: int) -> bool:
        """Whether tokens start..end are a person's full name, not an abbreviation or place:
        "Kepala Cabang Sorong (Fransina Mayor)", not "(Nisel)", "(Kakanwil)"."""
        toks = self.toks
        return end - start >= 2 and all(
            (toks[j].name or (j == end - 1 and toks[j].rank_name))  # "(Fransina Mayor)"
            and not toks[j].text.isupper() and j not in toks.blocked
            for j in range(start, end)
        )

    def acronym_org(self, i: int) -> int | None:
        """End of an organisation the lists do not know written as acronyms ("UBB", "BEM UBB"):
        2-6 capitals each, closed by a comma, an honorific, a region (one the regions left
        untagged when an honorific follows it) or a larger organisation (a known one, or a word
        that opens one), whose unit it then is, or a name whose first word the article says after
        a speech word (without one, where the organisation's name ends is unknown: "Koperasi TKBM
        Pelabuhan Tual")."""
        toks, n = self.toks, self.n
        j, words = i, 0
        while j < n and words < 3 and ACRONYM.fullmatch(toks[j].text) and j not in self.places:
            j, words = j + 1, words + 1
            if j + 1 < n and toks[j].text == "-" and not toks.space(j - 1) and not toks.space(j) \
                    and ACRONYM.fullmatch(toks[j + 1].text):
                j += 2  # "FK-KMK", "PC FSP RTMM-SPSI": a hyphen joins two into one short name
        if j == i and i + 1 < n and toks[i].cap and toks[i].name and toks.place(i + 1) is not None:
            return i + 1  # a one-word short name before a tagged region: "Ketua Perpadi Sidrap, H. Lukman"
        if j == i or j >= n or toks[j - 1].text == "-":
            return None
        nxt = toks[j]
        if nxt.text == "," or nxt.honorific or j in self.places or self.opens_org(j) or self._opens_unit(j):
            return j  # "Ketua DPC HNSI Kota Tarakan, ...", "dosen FKIP Universitas Jambi, ...", "Ketua LPPM Undana",
            # "Ketua GAPKI Cabang Kalimantan Tengah, ..."
        if (end := self._district_end(j)) is not None and end < n and toks[end].honorific:
            return j  # a place the regions left untagged, then an honorific: "Kepala DKPP Pamekasan Ir. H. Moh. ..."
        if nxt.cap and (end := self._run_before_name(j)) is not None:
            return end  # the rest of its name up to a comma and a name: "Ketua KUD Mekar Jaya, Paino"
        if nxt.name and self.named_after_speech(nxt.text) and not self._defined_or_known(i, j):
            return j  # the person's first name said after a speech word: "Direktur YPMAK Yakobus
        return None  # Beanal ... Menurut Yakobus,"

    def _defined_or_known(self, i: int, j: int) -> bool:
        """Whether short names at tokens i..j hold an honorific or a known element ("AKP"), or
        one the article defines in brackets ("Kabupaten Sumba Barat Daya (SBD)")."""
        toks = self.toks
        text = self.text if self.text is not None else toks.doc.text
        return any(toks[k].honorific or self.element(k) is not None or f"({toks[k].text})" in text
                   for k in range(i, j))

    def _opens_unit(self, j: int) -> bool:
        """Whether an office unit ("Cabang", "Wilayah") that a tagged region follows stands at token j."""
        el = self.element(j)
        return el is not None and el[1] == "unit" and el[0] in self.places

    def unknown_org(self, i: int, open_end: bool = False) -> int | None:
        """End of an organisation the lists do not know ("Partai Keadilan Sejahtera"), when a
        comma, an honorific, a closing bracket, the sentence's or line's end, a relative word
        ("Panitia Khusus yang membahas ...") or a known organisation (its last part) closes it, or
        with `open_end` any lower-case word ("Budi selaku Direktur PT Sinar Jaya mengatakan");
        None when the name after it cannot be told apart."""
        toks, n = self.toks, self.n
        if toks[i].lower in self.lex.numbered and i + 2 < n and toks[i + 1].designator and toks[i + 2].name \
                and self.element(i + 2) is None:
            return i + 2  # a numbered body, then the name: "Wakil Ketua Komisi IV Muhammad Arsyad"
        j, limit = i + 1, i + MAX_ORG
        while j < n and j < limit:
            tok = toks[j]
            if j in self.places and toks[j - 1].text in ORG_JOINERS:
                return j - 1  # "PT Hanjin Footwear di Kabupaten Serang": the place is not the name's
            if self._glued_hyphen(j):
                j += 3  # a doubled word: "Paguyuban Mama-Mama Pedagang Pasar Mopah"
                continue
            if self._glottal_stop(j):
                j += 1  # a glottal stop ending a word of the name: "Kelompok Nelayan Sipakainge' Desa Pallime",
                continue  # "Kelompok Tani Kopi Sipakaboro Pangala', Simon ..."
            if tok.text == "," and (listed := self._listed_name_end(j)) is not None:
                j, limit = listed, limit + listed - j  # a list its short form closes: "Serikat Pekerja
                continue  # Kimia, Energi dan Pertambangan (SP KEP)"
            if tok.text in QUOTES and (close := quoted_words_end(toks, n, j, QUOTED_NAME_WORDS)) is not None:
                j, limit = close, limit + 2  # its own name in quotes, the marks no words of it:
                continue  # 'Kelompok Petambak Garam "Segara Bersatu" Desa Pijot,'
            if tok.text in {",", "("} or (tok.cap and tok.lower in self.lex.honorifics) or j in self.places \
                    or self.opens_birth_name(j):
                return j  # closed: "Federasi Serikat Pekerja Metal Indonesia (FSPMI) Jateng,", "Pengadilan
                # Negeri Polewali Ni Putu Indrayani"
            if j > i + 1 and (tok.text in {".", ")"} or (tok.blank and "\n" in tok.text) or tok.lower in self.lex.relatives):
                return j  # "..., Guru Besar Fakultas Hukum Universitas Riau.", a contact block's line
            if tok.lower == "dan" and j + 1 < n and toks[j + 1].cap and toks[j + 1].lower in self.lex.title_heads:
                return j  # "PT Garam Ahmad Rifqi Maulana dan Kepala BPJS Ketenagakerjaan ...": another post follows
            known = self.element(j) if tok.cap else None
            if known is not None and known[1] == "org":
                return known[0]  # "Fraksi Partai Demokrat Saan Mustopa": a known organisation ends it
            if tok.cap or (tok.text in ORG_JOINERS and j + 1 < n and toks[j + 1].cap) or (
                    tok.text.isdigit() and len(tok.text) <= MAX_ORG_NUMBER_DIGITS):  # "SMK Negeri 1"
                j += 1
            elif open_end and j > i + 1 and tok.text[:1].islower():
                return j
            else:
                return self._end_told_by_article(i, j)
        return None

    def _glottal_stop(self, j: int) -> bool:
        """Whether token j is an apostrophe that ends the capitalised word before it, a glottal
        stop (Toraja, Bugis: "Sipakainge'", "Pangala'"), before a comma or another capitalised word."""
        toks = self.toks
        return toks[j].text == "'" and j > 0 and toks[j - 1].cap and not toks.space(j - 1) and j + 1 < self.n \
            and (toks[j + 1].cap or toks[j + 1].text == ",")

    def _org_by_last_word(self, i: int) -> int | None:
        """End of capitalised words from token i (no honorific, no tagged place) whose last word
        names a kind of business (words.csv org_end: "Penida Cliff Resort", "Siberut Surf Lodge")
        right before a comma; None otherwise."""
        toks, n, j = self.toks, self.n, i
        while j < n and j - i < MAX_ORG and j not in self.places and (
                toks[j].cap and not toks[j].punct and not toks[j].honorific
                or j > i and toks[j].text == "&" and j + 1 < n and toks[j + 1].cap):
            j += 1
        if j > i + 1 and j < n and toks[j].text == "," and toks[j - 1].lower in self.lex.org_end:
            return j
        return None

    def _listed_name_end(self, comma: int) -> int | None:
        """The "(" of a bracketed short form that closes a list inside an organisation's name
        after the comma at token `comma` ("Kimia, Energi dan Pertambangan (SP KEP)"): items of
        capitalised words, more commas, "dan" and a last item; else None."""
        toks, n, k = self.toks, self.n, comma
        while k < n and toks[k].text == ",":
            start = k = k + 1
            while k < n and k - start < LISTED_NAME_WORDS and toks[k].cap \
                    and toks[k].lower not in self.lex.honorifics:
                k += 1
            if k == start or k >= n:
                return None
        if toks[k].lower not in CONJUNCTIONS:
            return None
        start = k = k + 1
        while k < n and k - start < LISTED_NAME_WORDS and toks[k].cap:
            k += 1
        return k if k > start and k < n and toks[k].text == "(" and self.paren_end(k) is not None else None

    def _end_told_by_article(self, i: int, j: int) -> int | None:
        """Where an organisation's name that runs into its holder's name (tokens i..j, no comma
        between) ends, when the article tells: the organisation named alone elsewhere, not
        followed by a capitalised word ("... operator crane di PT Cilegon Baja Nusantara yang
        meninggal"), or the name's first word said again after a speech word ("Menurut Dian,").
        The organisation keeps two words at least, the name two to MAX_WORDS name words."""
        toks, doc = self.toks, self.toks.doc
        text = self.text if self.text is not None else doc.text
        for k in range(max(i + 2, j - MAX_WORDS), j - 1):
            if all(toks[m].name and m not in self.places for m in range(k, j)):
                org, at = toks.text(i, k), doc[i].idx
                if _named_alone(text, org, at) or self.named_after_speech(toks[k].text):
                    return k
        return None

    def named_after_speech(self, word: str) -> bool:
        """Whether the text names this word right after a speech word ("kata Nofriadi", "Menurut
        Dian,"): then it is a person's name."""
        text = self.text if self.text is not None else self.toks.doc.text
        speech = self.lex.speech
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not text[end:end + 1].isalnum():
                before = text[max(0, at - 12):at].split()
                if before and before[-1].lower() in speech:
                    return True
            at = text.find(word, end)
        return False

    def _acronym_named_tail(self, i: int, org_name: str) -> int | None:
        """End of capitalised words from token i (TAIL_WORDS at most) that a bracketed acronym
        follows whose letters are the initials of `org_name` and those words ("Dewan Adat" +
        "Dayak (DAD)"), else None."""
        toks, n, j = self.toks, self.n, i
        while j < n and j - i < TAIL_WORDS and toks[j].cap and toks[j].text.isalpha():
            j += 1
        if j == i or j + 2 >= n or toks[j].text != "(" or toks[j + 2].text != ")":
            return None
        initials = "".join(w[0] for w in f"{org_name} {toks.text(i, j)}".split() if w[0].isupper())
        return j if toks[j + 1].text == initials else None

    def opens_birth_name(self, j: int) -> bool:
        """Whether "I" or "Ni" and a Balinese birth-order name open a person's name at token j
        ("I Wayan", "Ni Putu", "I Gusti"): no place or organisation name goes on past them."""
        toks = self.toks
        return toks[j].text in BIRTH_NAME_OPENERS and j + 1 < self.n and toks[j + 1].lower in self.lex.birth_orders

    def _glued_hyphen(self, j: int) -> bool:
        """Whether a capitalised word at token j is joined by a hyphen, without spaces, to
        the capitalised word after it ("Mama-Mama", "Tanjung-Tanjung") or to itself doubled
        in lower case ("Jukung Wisata Lumba-lumba Lovina")."""
        toks = self.toks
        return j + 2 < self.n and toks[j].cap and toks[j + 1].text == "-" \
            and (toks[j + 2].cap or toks[j + 2].lower == toks[j].lower) and not toks.space(j) and not toks.space(j + 1)

    def place_run(self, i: int, local: bool = False, village: bool = False) -> int | None:
        """End of a place the lists do not know ("Sukamakmur", "Batam Nagoya", "Sulawesi dan"),
        when a comma, an honorific or a known element (region, organisation) closes it;
        None when the name after it cannot be told apart ("Kalianda Rizal Effendi mengatakan")
        unless the place is a known kecamatan ("Cabang Tobelo Rudi Hartono"). A `local` place
        (a village) is closed by a comma first: "Desa Tanjung Laut Jaya, Mat Sani"; with
        `village`, a known village ends it too ("Lurah Kalibaru Ahmad Fauzi"). A known place
        inside the run before the comma ends it when no name follows the comma: the name is
        then in the run ("Camat Cilincing Dwi Prasetyo, Lurah ...", not "Camat Sekayu
        Yuliansyah, S.Sos")."""
        known = self.village(i) if village else None
        if known is None:
            known = self.district(i)
        if local:
            closed = self._closed_run(i)
            if closed is not None and not (known is not None and known < closed and not self.name_at(closed + 1)
                                           and not self._subregion_at(closed + 1)):
                return closed  # (", Kecamatan Sampoiniet, ...": the village's district follows its comma)
        if known is not None:
            return known
        if local:
            return None
        closed = self._closed_run(i)
        return closed if closed is not None else self._name_named_elsewhere(i)

    def _name_named_elsewhere(self, i: int) -> int | None:
        """Where a place's run of capitalised words from token i ends and a name begins with no
        comma between: at the first name of two words or more that the text also writes on its
        own, after no capitalised word ("Kepala BPJS Ketenagakerjaan Kantor Cabang Pasir Pengaraian
        Rina Marlina Sitompul ... Sementara itu, Rina Marlina Sitompul menyebut")."""
        toks, n = self.toks, self.n
        text = self.text if self.text is not None else toks.doc.text
        for k in range(i + 1, min(n - 1, i + MAX_PLACE)):
            if not toks[k - 1].cap or toks[k - 1].punct:
                return None
            if not (toks[k].name and toks[k + 1].name) or k in toks.blocked or k + 1 in toks.blocked:
                continue
            here, name = toks.idx(k), toks.text(k, k + 2)
            at = text.find(name)
            while at >= 0:
                before = text[max(0, at - 40):at].rstrip()
                if at != here and not text[at + len(name):at + len(name) + 1].isalnum() \
                        and (not before or not before[-1].isalpha() or before.split()[-1].islower()):
                    return k
                at = text.find(name, at + 1)
        return None

    def _subregion_at(self, i: int) -> bool:
        return i < self.n and self.toks[i].lower in SUBREGION_WORDS

    def name_at(self, i: int) -> bool:
        """Whether a name (or its honorific, or a Balinese "I"/"Ni") may start at token i."""
        if i >= self.n:
            return False
        tok = self.toks[i]
        return tok.honorific or (tok.name and i not in self.toks.blocked) or self.opens_birth_name(i)

    def village(self, i: int) -> int | None:
        """End of a desa/kelurahan of regions/villages.txt at token i, if a capitalised word
        follows that cannot still be the village's ("Kalibaru Ahmad", not "Sumber Jaya", nor
        "Teluk Nilau" after the village "Teluk"), or a lower-case one (no name: "X selaku Lurah
        Hadimulyo Barat menyebut")."""
        toks, lex = self.toks, self.lex
        if not toks[i].cap:
            return None
        for end in range(min(self.n - 1, i + lex.village_words), i, -1):  # the longest first
            if " ".join([toks[k].lower for k in range(i, end)]) in lex.villages:
                nxt = toks[end]
                if nxt.text[:1].islower():
                    return end
                if end == i + 1 and toks[i].lower in lex.village_heads:
                    return None  # "Teluk Nilau Hasanuddin": a longer village the list lacks may start here
                return end if nxt.cap and nxt.lower not in lex.village_tails else None
        return None

    def district(self, i: int) -> int | None:
        """End of a kecamatan of regions/districts.csv at token i, if a capitalised word (a name)
        or a lower-case one (no name: "Cabang Lubuk Pakam menjelaskan") follows."""
        end = self._district_end(i)
        if end is not None and end < self.n and (self.toks[end].cap or self.toks[end].text[:1].islower()):
            return end
        return None

    def starts_place(self, i: int) -> bool:
        """Whether a kecamatan, region or branch place name of the lexicon starts at token i."""
        return self._district_end(i) is not None

    def _district_end(self, i: int) -> int | None:
        """End of the longest kecamatan of regions/districts.csv at token i, if any."""
        district = longest(self.lex.districts, self.toks, self.n, i) if self.toks[i].cap else None
        return district[0] if district is not None else None

    def _org_name_tail(self, i: int, named_before: bool = False, past_honorifics: bool = False) -> int | None:
        """End of the rest of an organisation's name after its bracketed short form, at token i:
        a capitalised run that a comma closes with a name after it ("(Pokdarwis) Bono Bergulung,
        Syafrizal, ...", also past its village and kecamatan: ", Desa X, Kecamatan Y,"); None
        when the run may be the name itself ("(KSPSI) Budi Santoso, mengatakan"). With the name
        before the post (`named_before`), a run that a comma and a clause close: "Usman Gumay,
        yang juga Ketua Kelompok Usaha Bersama (KUB) Nelayan Bintang Laut, mengatakan ...".
        `past_honorifics`: the name after the comma may open with honorifics ("..., H. Bakri Latif,")."""
        toks = self.toks
        if i >= self.n or not toks[i].cap or toks[i].honorific or self.element(i) is not None:
            return None
        end = self._closed_run(i)
        if end is None or toks[end].text != ",":
            return None
        if named_before:
            return end if self._clause_after(end) else None
        k = end + 1
        while self._subregion_at(k):  # "(KUB) Nelayan Bahari, Desa Bumi Bahari, Kecamatan Popayato, Hamzah"
            close = self._closed_run(k + 1)
            if close is None or toks[close].text != ",":
                return None
            k = close + 1
        if not self.name_at(k):
            return None
        opened = k
        while past_honorifics and k < self.n and toks[k].honorific:  # "H. Bakri Latif"
            k += 2 if k + 1 < self.n and toks[k + 1].text == "." else 1
        after = self._closed_run(k)  # the name, closed by a comma and a clause that goes on
        if after is None:
            j = k
            while j < self.n and toks[j].name:
                j += 1
            if k < j and j + 3 < self.n and toks[j].text == "(" and toks[j + 1].text.isdigit() \
                    and toks[j + 2].text == ")":
                after = j + 3  # the name and its age: "(Poktan) Hurip Mandiri, Suparman (48), mengaku ..."
            elif k > opened:  # a name its honorific marks, ending the sentence: "(KSU) Jagung Emas, Hj. Nurhayati Usman."
                return end if k < j < self.n and toks[j].text == "." else None
        return end if after is not None and self._clause_after(after) else None  # ("..., yang juga
        # ...", "..., menuturkan"; not a list of names "..., Andi Rahman, dan Joko")

    def _clause_after(self, comma: int) -> bool:
        """Whether a comma at token `comma` is followed by a clause: a lower-case word, no conjunction."""
        toks = self.toks
        if toks[comma].text != "," or comma + 1 >= self.n:
            return False
        nxt = toks[comma + 1]
        return nxt.text[:1].islower() and nxt.lower not in CONJUNCTIONS

    def district_before_comma(self, i: int) -> int | None:
        """End of a kecamatan of regions/districts.csv at token i that a comma follows."""
        end = self._district_end(i)
        return end if end is not None and end < self.n and self.toks[end].text == "," else None

    def _run_before_name(self, i: int) -> int | None:
        """End of a run of capitalised words from token i that a comma closes with a name after
        it ("Produsen Kopi Arabika Colol, Kornelis ..."), or a region and such a comma ("Bahari
        Karya Makassar, H. Andi ..."), else None."""
        end = self._closed_run(i)
        if end is None:
            return None
        close = place[0] if (place := self.places.get(end)) is not None else end
        return end if self.toks[close].text == "," and self.name_at(close + 1) else None

    def _closed_run(self, i: int) -> int | None:
        """End of a run of capitalised words from token i that a comma, an honorific, a known
        element or the end of its line closes; None if something else ends it first. A name in
        quotes or a short form in brackets inside it counts as one word ('Sanggar Tenun Ikat
        "Lawo Mere" Desa Wolojita,', "Lembaga Kerapatan Adat Alam Minangkabau (LKAAM) Sumbar,")."""
        toks, n = self.toks, self.n
        j, limit = i, i + MAX_PLACE
        while j < n and j < limit:
            tok = toks[j]
            if j > i and (tok.text == "," or (tok.cap and tok.lower in self.lex.honorifics) or self.element(j)
                          or self.name_in_paren(j) or (tok.blank and "\n" in tok.text) or self.opens_birth_name(j)):
                return j
            if j > i and self._glottal_stop(j):
                j += 1  # "Kepala Lembang Pangala', Ne' Lai' Bombong" (Toraja)
                continue
            paren = self.paren_end(j)
            if paren is None and tok.text in QUOTES:
                paren = quoted_words_end(toks, n, j, QUOTED_NAME_WORDS)
            if paren is not None:
                limit += paren - j - 1
                j = paren
            elif (tok.cap and not tok.punct) or (
                j > i and tok.lower in ORG_JOINERS and j + 1 < n and toks[j + 1].cap
            ):
                j += 1
            else:
                return None
        return None

    def _org_follows(self, i: int) -> bool:
        """Whether an organisation opens at token i: a known one, a body named by field words
        ("Dinas Pemberdayaan Masyarakat dan Desa") or an acronym read as one ("DPMD")."""
        el = self.element(i)
        if el is not None:
            return el[1] == "org"
        tok = self.toks[i] if i < self.n else None
        return tok is not None and tok.cap and (
            (tok.lower in self.lex.bodies and self.field(i + 1) > i + 1) or self.acronym_org(i) is not None)

    def _unit_code(self, i: int) -> bool:
        """Whether a military unit's code and slash stand at token i, after the unit or its
        commander's title, before its capitalised place: "Kodim 0207/Simalungun"."""
        toks = self.toks
        return (0 < i and i + 2 < self.n and toks[i - 1].lower in self.lex.coded and toks[i].text.isdigit()
                and toks[i + 1].text == "/" and toks[i + 2].cap)

    def chunks(self, i: int, place: str = "", named_before: bool = False) -> tuple[list[Chunk], int, bool]:
        """Qualifier chunks from token i, the token where they end, and whether an unknown
        organisation or place made the name unreadable (`named_before`: the name stands before
        the title, so an unknown organisation may end at a lower-case word). `place` is the
        title's place mode (positions.csv): "local" or "district" always, "area" when no tagged
        place is there, reads an unknown place up to a comma, honorific or known element."""
        toks, n, lex, element = self.toks, self.n, self.lex, self.element
        numbered, first = lex.numbered, i
        chunks = [Chunk()]
        unknown_place, region_end = False, -1
        if i > 0 and self._glued_hyphen(i - 1) and toks[i + 1].text.isupper():
            i += 2  # "Kepala Disnaker-PMPTSP": the title's body merged with another, named by its first
        while i < n:
            el = element(i)
            if el is not None and el[1] == "glue" and (place == "village" and (self.village(i) or 0) > i + 1
                                                       or place == "district" and (self.district(i) or 0) > i + 1):
                el = None  # "Lurah Kota Wetan Dedi Kurniadi", "Camat Kota Agung Zulhendra": a village's or a
                # kecamatan's name, not "Kota" before a region
            chunk = chunks[-1]
            if el is not None:
                end, kind, value = el
                if kind == "region":
                    chunk.regions.append(value)
                    if i == first:
                        region_end = end
                elif kind == "office_area":
                    chunk.areas.append(value)
                elif kind == "org" and chunk.org is None:
                    chunk.org = value
                    chunk.regions.extend(self._regions_within(i + 1, end))  # "DPR Papua Selatan": its province
                    if self._glued_hyphen(end - 1) and toks[end + 1].text.isupper():
                        end += 2  # "Disnaker-PMPTSP": a body merged with another, named by its first
                    # "Dinas Tenaga Kerja dan Transmigrasi": field words go on past a known body's name
                    if toks[i].lower in lex.bodies and (longer := self.field(i + 1)) > end:
                        chunk.org, end = Organization(toks.text(i, longer), frozenset(), "", ""), longer
                    elif end == i + 1 and toks[i].text in self.defined_acronyms() and (tail := self._org_name_tail(end)):
                        chunk.org, end = Organization(toks.text(i, tail), frozenset(), "", ""), tail
                        # the short name of a kind of body, then its own: "Ketua KUD Sawit Makmur, Jamaluddin,"
                elif kind == "unit" and chunk.unit is None:
                    chunk.unit = value
                    if chunk.org is not None and chunk.place is None and (tail := self._org_name_tail(end)) is not None:
                        chunk.place, end = (end, tail), tail  # "Aliansi Buruh Aceh (ABA) Wilayah Pase, Murdani, ..."
                i = end  # after a numbered word ("Komisi"), its letter or numeral ("E")
                if i < n and toks[i].designator and toks[i - 1].lower in numbered:
                    i += 1
                continue
            tok = toks[i]
            if chunk.org is not None and tok.lower in lex.grades and i + 1 < n and toks[i + 1].designator:
                i += 2  # "UPP Kelas II Tual", "PT Pelindo Regional 2 Jambi"
                if "{place}" not in chunk.org.name and i + 1 < n and toks[i].cap and not toks[i].punct \
                        and not toks[i].honorific and element(i) is None:  # the seat of the class or region,
                    if toks[i + 1].text != "," and not toks[i + 1].honorific:  # a name only a comma or title ends
                        return chunks, i, True
                    chunk.place, i = (i, i + 1), i + 1
                continue
            if self._unit_code(i):
                i += 2  # "Dandim 0207/Simalungun": the code, then its place
                if self.element(i) is None and not toks[i].honorific:
                    chunk.place, i = (i, i + 1), i + 1  # a place the regions left untagged ("1304/Gorontalo")
                continue
            if tok.lower in lex.anaphors and not tok.cap and chunk.org is None and len(chunks) == 1:
                end = i + 1
                if end + 1 < n and toks[end].text.isalpha() and toks[end].text.islower() \
                        and toks[end + 1].lower in lex.determiners:
                    end += 1  # "Ketua kelompok tani tersebut, Sutrisno"
                if end < n and toks[end].lower in lex.determiners:
                    end += 1
                if end < n and toks[end].text == ",":  # "HR Manager perusahaan tersebut, Jessica Tan"
                    chunk.anaphor = True
                    return chunks, end, False
                if tok.lower in lex.org_start and i + 1 < n and toks[i + 1].cap \
                        and (end := self.unknown_org(i)) is not None and end < n and toks[end].text == ",":
                    chunk.org = Organization(toks.text(i, end), frozenset(), "", "")  # its own name after
                    i = end  # it, up to the comma: "Ketua komunitas Ojol Arema Bersatu, Yudi ..."
                    continue
            if tok.cap:
                if (not unknown_place and chunk.org is not None and "{place}" in chunk.org.name
                        and not chunk.regions and (end := self.district(i)) is not None):
                    unknown_place, chunk.place, i = True, (i, end), end  # "Kepala KSOP Namlea Yohanis"
                    continue
                if not unknown_place and (tok.lower not in lex.opens_name_or_org or (
                        place == "village" and self.village(i) is not None)):  # "Kepala Desa Tepas Bambang"
                    mode = place or ("area" if chunk.unit is not None else "")
                    local = mode in LOCAL_PLACES
                    if mode == "local" and i == region_end and self._district_end(first) in (None, i) and self.name_at(i):
                        return chunks, i, False  # a region is the place: "Kepala Adat Besar Kutai Barat Paulus Jiu Ngau"
                    if local or (mode == "area" and not chunk.regions and not chunk.areas):
                        end = self.place_run(i, local, mode == "village")
                        if end is None:
                            return chunks, i, True
                        unknown_place, chunk.place, i = True, (i, end), end
                        continue
                if tok.lower in lex.bodies:
                    end = self.field(i + 1)
                    if end > i + 1:  # "Dinas Pertanian dan Peternakan": a body named by field words
                        chunk.org = chunk.org or Organization(toks.text(i, end), frozenset(), "", "")
                        i = end
                        continue
                if tok.lower in lex.org_start:
                    end = self.unknown_org(i, named_before)
                    if end is None:
                        return chunks, i, True
                    chunk.org = chunk.org or Organization(toks.text(i, end), frozenset(), "", "")
                    i = end
                    continue
                if chunk.org is None and (end := self._org_by_last_word(i)) is not None:
                    chunk.org = Organization(toks.text(i, end), frozenset(), "", "")
                    i = end  # "HR Manager Penida Cliff Resort, Ni Komang ...": a business its last word names
                    continue
                end = self.acronym_org(i)
                if end is not None:  # "Rektor UBB Prof. Hamdani", "Ketua BEM UBB, Rizky"
                    inside = self.opens_org(end)  # "FKIP Universitas Jambi": a unit of that
                    if chunk.org is None and not chunks[0].org:
                        if not inside:
                            chunk.org = Organization(toks.text(i, end), frozenset(), "", "")
                        i = end
                        continue
                    if inside:  # "Departemen ... FK-KMK Universitas Gadjah Mada"
                        i = end
                        continue
            if tok.lower == "dari" and i + 1 < n and toks[i + 1].cap and toks[i + 1].lower in lex.org_start:
                end = self.unknown_org(i + 1)  # "Ketua Komisi E dari Fraksi Golkar, ...": a party,
                if end is None:  # not the post's organisation
                    return chunks, i, True
                i = end
                continue
            if tok.lower in ORG_PREPOSITIONS and chunk.org is None and len(chunks) == 1 and self._org_follows(i + 1):
                # "Koordinator aksi dari KSBSI Kalteng, ...", "Pengantar Kerja pada Disnaker ...", "Kabid
                # Pemerintahan Desa pada Dinas Pemberdayaan Masyarakat dan Desa (DPMD) ...": the post's organisation
                i += 1
                continue
            if tok.text == "(":
                paren = self.paren_end(i)
                if paren is not None:
                    named = chunk.org is not None or i == first  # an organisation's or the field's short form
                    i = paren
                    if named and not chunk.regions and chunk.place is None:
                        end = self._org_name_tail(i, named_before, chunk.org is not None)
                        if end is not None:  # "Kelompok Sadar Wisata (Pokdarwis) Bono Bergulung, Syafrizal,",
                            chunk.place, i = (i, end), end  # "Ketua Lembaga Masyarakat Adat (LMA) Malind Anim, Benediktus"
                    continue
            if tok.cap and not tok.punct and i + 1 < n and toks.place(i + 1) is not None:
                i += 1  # an island or area word before a region: "Nias Gunung Sitoli"
                continue
            if tok.cap and chunk.org is not None and (end := self._acronym_named_tail(i, chunk.org.name)) is not None:
                chunk.org = dataclasses.replace(chunk.org, name=f"{chunk.org.name} {toks.text(i, end)}")
                i = self.paren_end(end) or end  # "Dewan Adat Dayak (DAD)": the rest of a known body's name
                continue
            if tok.lower in CONJUNCTIONS or tok.text == ",":
                nxt = element(i + 1)
                if nxt is not None and nxt[1] != "glue":
                    if tok.text != ",":
                        chunks.append(Chunk())
                    i += 1
                    continue
                if tok.text == "," and chunk.place is not None and i + 2 < n:
                    end = self._closed_run(i + 2) if self._subregion_at(i + 1) else self.district_before_comma(i + 1)
                    if end is not None:  # "Kepala Desa Oelbubuk, Kecamatan Mollo Tengah, Kabupaten TTS, ...",
                        i = end  # "Bendesa Adat Peliatan, Ubud, I Ketut Wirata"
                        continue
            break
        return chunks, i, False


def _named_alone(text: str, org: str, here: int) -> bool:
    """Whether the text names `org` somewhere other than at character `here` with no
    capitalised word right after it: the organisation's whole name."""
    at = text.find(org)
    while at >= 0:
        end = at + len(org)
        rest = text[end:end + 2]
        if at != here and not rest[:1].isalnum() and not (rest[:1] == " " and rest[1:].isupper()):
            return True
        at = text.find(org, end)
    return False
