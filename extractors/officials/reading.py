"""Reading one title occurrence: the title phrase, then the name(s) it is given to.

  [modifier] TITLE [field] [org | unit | region | office area | (abbrev)]... [,] [honorifics] NAME
  TITLE-phrase-1 dan TITLE-phrase-2 NAME-1 dan NAME-2       (paired in order)
  NAME, TITLE-phrase   /   NAME selaku TITLE-phrase   /   NAME (TITLE-phrase)
"""
from __future__ import annotations

import re

from ..common import BULLETS, Hit
from .lexicon import Lexicon, Organization, Title
from .names import Name, NameReader
from .places import UntaggedPlaces
from .posts import post_fields, post_scope
from .spans import Tokens
from .titles import CONJUNCTIONS, FIELD_JOINERS, LOCAL_PLACES, Chunk, TitleReader

KIND = "official"
NAME_LINE_RULE = "official.name_line_title_line"  # a contact block: never a headline
LIST_LINE_RULE = "official.list_line_name_dash_title"  # "1. Budi Santoso – Kepala Dinas ...": never a headline
DASHES = frozenset({"–", "—", "-"})
LIST_JOINERS = frozenset({"dan", "serta", "atau"})  # "Budi Santoso, Andi Saputra, dan Rina": a list of people
PAIR_JOINERS = frozenset({"dan", "serta"})  # "Taufiq Saleh dan Koeswoto": two names under one title
SIGNATURE_RULE = "official.signature_block"  # a document's signer: post line, "ttd", name line
FORM_RULE = "official.form_fields"  # a form's "Nama : ..." line over its "Jabatan : ..." line
LABEL_RULE = "official.title_colon_name"  # "Kepala BPS Provinsi Maluku Utara: Ridwan Hasan Umasugi"
AUTHOR_RULE = "official.op_ed_author"  # the post in "Penulis adalah ...", the name in the byline "Oleh: ..."
FOOTNOTE_MARKS = frozenset({"*", ")", "*)"})  # before "Penulis adalah" at a line start
MEMBER = "Anggota"  # the post of a member (positions.csv), no post in a body of words.csv role membership
PHONE = re.compile(r"\+?\d[\d-]{7,}\d")  # "0812-7788-2025", "081377881234"
EMPHASIS = "*"  # a chat message's bold marker ("*Hj. Marlina Usman*")
NO_NAMES: tuple[list[Name], str, float] = ([], "", 0.0)
MAX_ASIDE = 8  # words of a second post after "selaku" ("Ketua DPRD selaku Ketua Banggar, ...")
MAX_PLACE_WORDS = 3  # capitalised words of the place after "di" between a post and its holder's comma
MAX_ORG_WORDS = 8  # words of an organisation that opens a list line before its officer's title
ORG_GLUE = frozenset({"&", "-", "dan"})  # lower-case or punctuation inside such an organisation's name
MAX_NAME_WORDS = 5  # words of a name in capitals
ACRONYM_TAIL_WORDS = 6  # capitalised words after a body's bracketed acronym, before the comma and its holder's name
FORM_LINE_TOKENS = 30  # tokens of a form's name line at most
LIST_NUMBER = re.compile(r"^\d{1,2}[.)]?$")  # a list item's number: "1", "1.", "2)"
LABEL_CONFIDENCE = 0.8  # a name after a post and a colon, ending its line
SIGNATURE_CONFIDENCE = 0.85  # a signature block's name under its post
ELECTED_BODIES = frozenset({"DPRD", "DPR", "DPD", "DPRK"})  # a lower-case "anggota" of one may be named without a comma
LEGISLATURE_UNITS = frozenset({"komisi"})  # so may one of a legislature's numbered commission ("Komisi V")
LOWER_FIELD = 3  # lower-case words of a descriptive role's field ("pengamat kebijakan publik")


class DocReader:
    """The rules applied to one doc's title occurrences."""

    def __init__(self, toks: Tokens, lex: Lexicon, names: NameReader, titles: TitleReader,
                 places: UntaggedPlaces | None) -> None:
        self.toks, self.lex, self.names, self.titles, self.places = toks, lex, names, titles, places
        self.n = toks.n
        self.unnamed: tuple | None = None  # the last title phrase read without a name, to pair later
        self.last_post: tuple[int, Chunk] | None = None  # where the last hit's reading stopped, its post's chunk

    def read(self, first: int, first_char: int, end: int, title: Title, modifier: str,
             numbered: bool, joined: bool = False, lowercase: bool = False) -> tuple[list[Hit], int]:
        """Hits for the title at tokens first..end (first_char: where token `first` starts;
        numbered: the title ends in a numbered word), and the token where reading stopped.
        `joined`: "dan" joins it to a title phrase just read that was given no name;
        `lowercase`: the title is written in lower case, so only a comma sets off its name."""
        toks, n, titles = self.toks, self.n, self.titles
        designated, commission = "", False  # "Ketua Komisi IV", "Asisten I": the numeral is part of the office
        if numbered and end < n:
            designated_end = titles.designator(end)
            if designated_end > end:
                commission = toks[end - 1].text.lower() in LEGISLATURE_UNITS
                designated, end = toks.text(end, designated_end), designated_end
        if end < n and toks[end].text == "(":  # "Kepala Bidang (Kabid) Pengawasan", "Pambakal (kepala desa) Lok Baintan"
            end = titles.paren_end(end) or titles.gloss_end(end) or end
        field_end = titles.field(end, lowercase) if title.field != "no" and not designated else end
        if title.field == "unit" and not designated:  # "Manajer Kebun Bah Butong PTPN IV": the company's unit
            field_end = max(field_end, titles.company_unit(end))
        if field_end > end:
            field_text = toks.text(end, field_end)
            if lowercase:  # "kepala dinas tenaga kerja Badung" -> "Kepala Dinas Tenaga Kerja"
                field_text = " ".join(w if w in FIELD_JOINERS else w[:1].upper() + w[1:] for w in field_text.split())
            elif field_text.isupper() and toks[first].text.isupper():  # a line in capitals: "KEPALA BAGIAN HUKUM,"
                field_text = " ".join(w.lower() if w.lower() in FIELD_JOINERS else w[:1] + w[1:].lower()
                                      for w in field_text.split())
        elif title.field == "req" and not designated:
            field_text = self._field_of_named_body(end, title)
            if not field_text:
                return [], end
        else:
            field_text = designated
        if title.position == MEMBER and field_end == end and end < n and toks[end].lower in self.lex.memberships:
            return [], end  # "anggota koperasi, La Ode Musa": a member of the cooperative, who holds no post
        if title.descriptive and field_end == end:  # "pengamat ketenagakerjaan Universitas X, ...":
            field_end = self._lowercase_field(end)  # the lower-case words are passed over
        chunks, post_end, unreadable = titles.chunks(field_end, title.place, self._after_apposition(first))
        if unreadable:
            return [], post_end
        named_as_place = title.place == "district" and self._degreed_place(chunks, post_end)
        if named_as_place:  # "Camat Roni Pangaribuan, S.STP., M.Si., menyebut": a name, not a place
            post_end, chunks[0].place = chunks[0].place[0], None
        if title.needs_qualifier and not any(c.org or c.unit or c.areas for c in chunks):
            chunks[0].org = self._org_before(first)  # "1. PT Borneo Kurir Nusantara, Direktur Utama Stevanus Lawing"
            if chunks[0].org is None and not field_text and not chunks[0].regions:
                self._escorted(first, chunks[0])  # "Ketua DPRD Kalsel X didampingi Wakil Ketua Y"
        if title.scope and self.places is not None:
            for chunk in chunks:
                if chunk.place is not None and not chunk.regions:
                    self.places.region_of_place(chunk, post_scope(title, chunk))
            if not chunks[-1].regions:
                at = self.places.region_at(chunks[-1], post_end, post_scope(title, chunks[-1]))
                if at is None:
                    return [], post_end  # a region and a name, or one person's name
                post_end = at
        if post_end < n and toks[post_end].text[:1] == "@":
            post_end += 1  # "Bupati Klaten @agusprasetyo.n (H. Agus ...)": the post's social account
        status = 1 if post_end < n and toks[post_end].lower in self.lex.statuses else (
            2 if post_end + 1 < n and (toks[post_end].lower, toks[post_end + 1].lower) in self.lex.status_pairs else 0)
        if status and post_end + status < n and (toks[post_end + status].text == "," or (
                status == 1 and toks[post_end + 1].cap)):  # a comma after two words
            post_end += status  # "Bupati Boalemo nonaktif Hamzah Pakaya", "Kepala Bidang ... Disnaker setempat, Rudi",
            # "Pj Gubernur Jawa Tengah saat itu, Drs. Sugeng ..." (the post then held)
        if post_end + 2 < n and toks[post_end].text == "," and self._electoral_at(post_end + 1):
            post_end = self._past_electoral(post_end)  # "Anggota DPRD Jatim dari Fraksi PKB, Dapil Jatim XI, Ahmad"
        if post_end < n and toks[post_end].lower in self.lex.asides and not lowercase:
            post_end = self._past_aside(post_end)  # "Ketua DPRD Muba selaku Ketua Banggar, H. Sugondo"
        elif post_end + 1 < n and (toks[post_end].lower, toks[post_end + 1].lower) in self.lex.constituencies:
            post_end = self._past_constituency(post_end)  # "Anggota Depekab dari unsur akademisi, Dr. ..."
        elif post_end < n and toks[post_end].lower in self.lex.relatives and not lowercase:
            post_end = self._past_relative(post_end)  # "Kepala Cabang Bangka yang berkantor di Pangkalpinang, Yudha"
        elif post_end + 1 < n and toks[post_end].text == "," and toks[post_end + 1].lower in self.lex.relatives \
                and not lowercase and (closed := self._past_relative(post_end + 1)) > post_end + 1:
            post_end = closed  # "Kepala Cabang Poso, yang wilayah kerjanya meliputi Morowali Utara, Hj. Sitti ..."
        elif post_end < n and toks[post_end].lower in self.lex.locatives and not lowercase:
            post_end = self._past_location(post_end)  # "Kepala UPTD BLK Provinsi Kalsel di Banjarbaru, Hairiyah"
        bracketed = post_end < n and toks[post_end].text == "("  # "Kepala Dinas Perikanan OKI (Ir. Hendri Saputra)"
        i = post_end + 1 if post_end < n and (bracketed or toks[post_end].text == ",") else post_end
        while i < n and toks[i].blank and "\n" not in toks[i].text:  # "Utara,\xa0Hassanudin"
            i += 1
        unset = title.place in LOCAL_PLACES and i == post_end < n and not toks[i].honorific \
            and not titles.opens_birth_name(i) and not named_as_place  # no comma: only a title or "I Wayan" tells where the place ends
        if unset and not (title.place == "district" and self._known_district(chunks[-1])
                          or title.place == "village" and self._known_village(chunks[-1])
                          or title.place == "local" and chunks[-1].regions and chunks[-1].place is None):
            return [], post_end  # "Kades Sukamaju Ahmad Yani": where the village ends is unknown
        if lowercase and (bracketed or i == post_end and not (
                self._elected_body(chunks) or commission and post_end == end)):
            found, rule, confidence = NO_NAMES  # "dosen UI Budi": no comma, no name (but "anggota
            # Komisi E DPRD Sumut Jonner Simanjuntak", "anggota Komisi V Lim Kiat Siong": a
            # legislature's member, named right after it or right after its commission)
        elif i < n and i > post_end and _breaks_line(toks[i]) and toks[post_end].text == ",":
            signer = self._signer(first, i)  # "BUPATI TANAH LAUT,\n\nttd\n\nHAMDANI SYAHRIR"
            found, rule, confidence = ([signer], SIGNATURE_RULE, SIGNATURE_CONFIDENCE) if signer else NO_NAMES
        elif post_end + 1 < n and toks[post_end].text == ":":  # (a label opens its line: not a headline's
            named = self._line_name(post_end + 1) if self._opens_line(first) else None  # "..., Wali Kota: Pengusaha
            # Jangan Cari Celah"); "Kepala BPS Provinsi Maluku Utara: Ridwan Hasan Umasugi"
            found, rule, confidence = ([named], LABEL_RULE, LABEL_CONFIDENCE) if named else NO_NAMES
        else:
            found, rule, confidence = self._names_after(i, chunks, field_text)
            if i == post_end and len(found) == 1 and found[0].start == i \
                    and self._body_name_after_holder(first, found[0]):
                found, post_end = [], found[0].next  # the words run on from the post: its body's own name
        if unset and title.place == "village" and found and not (
                len(found) == 1 and (found[0].words >= 2 or self._lone_name(found[0]))):
            return [], post_end  # "Lurah Kalibaru Ahmad Fauzi", not "Kades Kalibaru Sari" (one word, a place's)
        if unset and title.place == "village" and found:
            found = [self._from_opener(found[0])]  # "Keuchik Gampong Lhok Meuria Teuku Mirza Fahlevi"
        if bracketed and not (len(found) == 1 and (close := titles.after_degrees(found[0].next)) < n
                              and toks[close].text == ")"):
            found = []
        first_person = None
        if joined and len(found) == 1 and len(chunks) == 1:
            first_person, found = self._paired_names(found[0])  # "Ketua dan Sekretaris Apindo, A dan B"
        if len(found) == 1 and (title.needs_qualifier or title.scope or chunks[0].org):
            found = self._org_then_name(found, chunks, not title.scope)
        if found:
            stop, start, last = found[-1].next, first_char, -1  # each hit ends with its name
        else:
            before = self._name_before(first, post_end) if len(chunks) == 1 else None
            if before is None and first > 1 and toks[first - 1].text == ":" and toks[first - 2].lower in self.lex.form_posts:
                named = self._form_name(first - 2)  # "Nama : Dr. La Ode Mustari Hamzah / Jabatan : Wali Kota Kendari"
                before = (named, FORM_RULE) if named is not None else None
            if lowercase and before is not None and toks[first - 1].text != ",":
                before = None  # "Budi dosen UI": no comma, no name
            author = self._op_ed_author(first) if before is None else None
            signer = self._signer(first, post_end, capitals=True) if before is None and author is None and \
                len(chunks) == 1 and post_end < n and _breaks_line(toks[post_end]) else None
            if author is not None:  # "Penulis adalah dosen ...": the hit is the post, its name the byline's
                found, rule, confidence, stop = [author], AUTHOR_RULE, 0.75, post_end
                start, last = first_char, post_end - 1
            elif signer is not None:  # "Kasi Humas Polres Lampung Tengah\nIPTU SRI WAHYUNINGSIH": a
                found, rule, confidence, stop = [signer], SIGNATURE_RULE, SIGNATURE_CONFIDENCE, signer.next
                start, last = first_char, -1  # release's signature without a comma, no name above the post
            elif before is None:
                self.unnamed = (post_end, first_char, title, modifier, field_text, chunks)
                return [], post_end
            else:
                name, rule = before
                found, confidence, stop = [name], 0.75, post_end
                start, last = toks.idx(name.start), post_end - 1  # the hit ends with the title phrase
        hits = []
        for chunk, name in zip(chunks, found):
            fields = post_fields(self.lex, title, modifier, field_text, chunk, chunks, name.text)
            if fields is not None:
                end = toks.end_char(name.end - 1 if last < 0 else last)
                hits.append(Hit(KIND, start, end, rule, confidence, fields))
        if first_person is not None:
            hits.extend(self._unnamed_post(first, first_person, chunks[0]))
        if hits:
            self.last_post = (stop, chunks[-1])
        return hits, stop

    def _field_of_named_body(self, i: int, title: Title) -> str:
        """The field of a post whose body is named by its short name instead of field words:
        "Wakil Menteri P2MI" is Wakil Menteri of the Kementerian Pelindungan Pekerja Migran
        Indonesia, so its field is "Pelindungan Pekerja Migran Indonesia"; "" if none."""
        prefix = title.org.removesuffix("{field}")
        element = self.titles.element(i) if prefix != title.org and prefix else None
        if element is None or element[1] != "org" or not element[2].name.startswith(prefix):
            return ""
        return element[2].name[len(prefix):]

    def _signer(self, first: int, i: int, capitals: bool = False) -> Name | None:
        """The signer of a document whose post (from token `first`, alone on its line) ends in a
        comma and a line break (token i): the name alone on a line below, perhaps under a
        signature mark ("ttd"), its degrees after it ("NORHALIZAH, S.H., M.H."). A one-word name
        only under a mark. With `capitals` (a post without its comma) only a name written in
        capitals, perhaps under one line of the post's office ("KEPALA SEKSI INTELIJEN /
        KEJAKSAAN NEGERI PURWAKARTA / ANDIKA PRATAMA NUGRAHA, S.H.", or with a mark between:
        "KEPALA BAGIAN HUKUM / SEKRETARIAT DAERAH KABUPATEN KAPUAS HULU, / ttd / YULIANA
        MERRY, S.H."), or one with its degrees right below the post (_degreed_line_name)."""
        toks, n = self.toks, self.n
        if not self._opens_line(first):
            return None
        j = i
        while j < n and toks[j].blank:
            j += 1
        if capitals and j < n and self._capitals_start(j) is None:
            return self._degreed_line_name(j)
        if capitals and j < n and self._name_at(j) is None:
            while j < n and not _breaks_line(toks[j]):
                j += 1  # the office's line
            while j < n and toks[j].blank:
                j += 1
            if j >= n or (self._capitals_start(j) is None and toks[j].lower not in self.lex.signature_marks):
                return None
        marked = j < n and toks[j].lower in self.lex.signature_marks
        if marked:
            j += 1
            if j < n and toks[j].text == ".":
                j += 1
            if j < n and not _breaks_line(toks[j]):
                return None
            while j < n and toks[j].blank:
                j += 1
        if j >= n or (capitals and marked and self._capitals_start(j) is None):
            return None
        name = self._name_at(j)
        if name is None or (name.words < 2 and not marked) or self._holds_title(name):
            return None  # (not the heading "KEPUTUSAN BUPATI GORONTALO" under the post's lines)
        return name if self._ends_line(name) else None

    def _degreed_line_name(self, j: int) -> Name | None:
        """A name of two words or more alone on its line from token j with its degrees after it
        ("Kepala Biro Humas Kemnaker" / "Rizal Fahmi Tanjung, S.Sos., M.Si."): a release's
        signature under its post; None for anything else."""
        name = self._name_at(j)
        if name is None or name.words < 2 or self._holds_title(name):
            return None
        if self.titles.after_degrees(name.next) == name.next:  # no degrees after it
            return None
        return name if self._ends_line(name) else None

    def _holds_title(self, name: Name) -> bool:
        """Whether a word of the name is a one-word title ("Bupati")."""
        toks, titles = self.toks, self.lex.titles
        return any((toks[k].lower,) in titles for k in range(name.start, name.end))

    def _ends_line(self, name: Name) -> bool:
        """Whether nothing but degrees, and the ";" of a list item, follows the name on its line."""
        end = self.titles.after_degrees(name.next)
        if end < self.n and self.toks[end].text == ";":
            end += 1
        return end >= self.n or _breaks_line(self.toks[end])

    def _opens_line(self, i: int) -> bool:
        """Whether token i opens its line, perhaps after a list item's number or bullet ("2.
        Kepala ...", "• Kepala Seksi Jaminan Sosial: ...")."""
        toks, k = self.toks, i - 1
        if k >= 1 and toks[k].text in {".", ")"} and LIST_NUMBER.match(toks[k - 1].text):
            k -= 2
        elif k >= 0 and (LIST_NUMBER.match(toks[k].text) or toks[k].text in BULLETS):
            k -= 1
        return k < 0 or _breaks_line(toks[k])

    def _line_name(self, i: int) -> Name | None:
        """A full name from token i (after honorifics) that ends its line, perhaps with degrees."""
        toks, n = self.toks, self.n
        while i < n and toks[i].blank and "\n" not in toks[i].text:
            i += 1
        if i >= n:
            return None
        name = self._name_at(i)
        return name if name is not None and name.words >= 2 and self._ends_line(name) else None

    def _name_at(self, i: int) -> Name | None:
        """The name from token i (after honorifics), in capitals ("Hj. FADLIAH MOODUTO") or not."""
        first = self._capitals_start(i)
        return self._capitals_name(first) if first is not None else self.names.forward(i)

    def _capitals_start(self, i: int) -> int | None:
        """The first word from token i after honorifics, if it is written in capitals."""
        first = self.names.skip_honorifics(i)
        text = self.toks[first].text if first < self.n else ""
        return first if len(text) > 1 and text.isupper() else None

    def _form_name(self, label: int) -> Name | None:
        """The name a form gives on the line above its post's ("1. Nama : Dr. Ir. H. La Ode
        Mustari Hamzah, M.T." over "Jabatan : Wali Kota Kendari"; token `label`: "Jabatan")."""
        toks = self.toks
        if label < 2 or not _breaks_line(toks[label - 1]):
            return None
        k = label - 2
        while k >= 0 and not _breaks_line(toks[k]):
            if label - k > FORM_LINE_TOKENS:
                return None
            k -= 1
        j = k + 1  # the line above opens here, perhaps with its number ("1.", "2)")
        if LIST_NUMBER.match(toks[j].text):
            j += 2 if toks[j + 1].text in {".", ")"} else 1
        if toks[j].lower not in self.lex.form_names or toks[j + 1].text != ":":
            return None
        return self._line_name(j + 2)  # (its line ends at the break before the post's line)

    def _capitals_name(self, i: int) -> Name | None:
        """A name written in capitals from token i, as signature blocks write it ("MOH. YAMIN
        LATJEDI"), in title case ("Moh. Yamin Latjedi"): words that would be name words so
        written, up to a comma, a semicolon or the line's end."""
        toks, n, lex = self.toks, self.n, self.lex
        words: list[str] = []
        j = i
        while j < n and len(words) <= MAX_NAME_WORDS:
            text = toks[j].text
            if not (text.isupper() and text.replace("'", "").replace("-", "").isalpha()):
                break
            initial = len(text) == 1 and j + 2 < n and toks[j + 1].text == "." and not toks.space(j)
            if initial and toks[j + 2].text.isupper():
                words.append(text + ".")  # an initial inside the name: "RAHMAN T. PAKAYA"
                j += 2
                continue
            word = "-".join("'".join(p[:1] + p[1:].lower() for p in part.split("'")) for part in text.split("-"))
            if (not lex.is_name_word(word, toks[j].lower) and not ("-" in word or "'" in word)) or toks[j].lower in lex.escorts:
                return None  # (not "BUKA FESTIVAL BUNGA DAN BUAH")
            j += 1
            if j < n and toks[j].text == "." and toks[j - 1].lower in lex.shortened:
                word, j = word + ".", j + 1  # "MOH."
            words.append(word)
        if not words or len(words) > MAX_NAME_WORDS or (j < n and not (toks[j].blank or toks[j].text in {",", ";"})):
            return None
        return Name(" ".join(words), i, j, j, len(words))

    def _names_after(self, i: int, chunks: list[Chunk], field_text: str) -> tuple[list[Name], str, float]:
        """One name per chunk after the title phrase: (names, rule, confidence)."""
        toks, n, names = self.toks, self.n, self.names
        if i >= n:
            return NO_NAMES
        rule, confidence = "official.title_name", 0.9 if toks[i - 1].text == "," else 0.85
        if toks[i].text == EMPHASIS and i + 1 < n:
            i += 1  # a chat message's bold name: "Ketua DPRD Beltim *Hj. Marlina Usman, S.Sos*"
        i = self._after_distributive(i)
        first = names.forward(i)
        if toks[i - 1].text == ")" and (first is None or first.next >= n or toks[first.next].text != ","):
            # "Ketua Panitia Khusus (Pansus) III DPRK Aceh Utara, Tgk. Zainal Abidin, dalam ..."
            first = self._name_after_acronym_tail(i) or first
        if first is None and toks[i - 1].text == "," and self._capitals_start(i) is not None:
            first = self._line_name(i)  # a document's list: "1. Wakil Bupati Boalemo, ARMAN KATILI, S.H.;"
        if first is not None and self._after_place_word(first):
            return NO_NAMES  # "... Provinsi Kalimantan / Barat": the province's name, cut by a line break
        if first is not None:
            first = self._behind_acronym(first)
        else:
            qualified = bool(field_text) or any(c.org or c.unit or c.areas for c in chunks)
            first = self._after_place(i, qualified)
            rule, confidence = "official.title_place_name", 0.7
        if first is not None and first.next < n and toks[first.next].text == "," and \
                self._is_place(first) and not self._named_again(first):
            if toks[i - 1].text == ",":
                return NO_NAMES  # "Rektor Universitas Andalas, Padang, dan ...": a place, no name
            first = names.forward(first.next + 1)  # "Kepala Dinas Sosial Kotabumi, Sumarno"
            rule, confidence = "official.title_place_name", 0.7
        if first is None:
            return NO_NAMES
        if toks[i - 1].text != "," and len(chunks) == 1 and first.start == i and first.words > 1:
            first = self._apposed_name(first) or first
        if toks[i - 1].text == "," and self._named_for_next_title(first):
            return NO_NAMES
        count = len(chunks)
        if count == 1 and first.words == 1 and self._continues(first.next):
            return NO_NAMES  # "Deputi Bidang Kepesertaan Korporasi dan Institusi": field, not name
        found = [first]
        while len(found) < count:
            k = found[-1].next
            if k < n and toks[k].text == ",":
                k += 1
            if k < n and toks[k].lower in PAIR_JOINERS:
                k += 1
            nxt = names.forward(k) if k > found[-1].next else None
            if nxt is None:
                return NO_NAMES
            found.append(nxt)
        if count > 1:
            rule, confidence = "official.titles_names_paired", 0.8
        return found, rule, confidence

    def _name_after_acronym_tail(self, i: int) -> Name | None:
        """After a body's bracketed acronym, up to ACRONYM_TAIL_WORDS capitalised words from token
        i (its own name, number or place: "Tunas Harapan Kecamatan Tomilito", "III DPRK Aceh
        Utara"), then the name set off by commas with a lower-case word after it (_apposed_name)."""
        toks, n, k = self.toks, self.n, i
        while k < n and k - i < ACRONYM_TAIL_WORDS and toks[k].cap and not toks[k].punct and not toks[k].honorific:
            k += 1
        if k == i or k >= n or toks[k].text != ",":
            return None
        return self._apposed_name(Name(toks.text(i, k), i, k, k, k - i))

    def _apposed_name(self, first: Name) -> Name | None:
        """The name set off by commas right after capitalised words that ran on from the post
        with no comma, when a lower-case word follows it: "Ketua Komunitas PMI Purna Sekarbela,
        Zainul Muttaqin, menyebut" (the words before are the body's name, not a person's)."""
        toks, n, k = self.toks, self.n, first.next
        if k + 1 >= n or toks[k].text != ",":
            return None
        second = self.names.forward(k + 1)
        if second is None:
            return None
        j = self.titles.after_degrees(second.next)  # "Arif Tri Wicaksono, S.Sos., M.AP., menjelaskan"
        if j == second.next:
            if j + 1 >= n or toks[j].text != ",":
                return None
            j += 1
        elif toks[j - 1].text != ",":
            return None
        word = toks[j].text if j < n else ""
        return second if word.isalpha() and word.islower() and word not in LIST_JOINERS else None

    def _after_place_word(self, name: Name) -> bool:
        """Whether a word that opens a place's name ("Provinsi", "Kabupaten"), outside any
        title, stands right before the name: then it is the place's name."""
        k = name.start - 1
        return k >= 0 and self.toks[k].lower in self.lex.place_openers and k not in self.toks.blocked

    def _named_for_next_title(self, name: Name) -> bool:
        """Whether the name (and any joined to it) is followed by "sebagai"/"selaku" and a
        capitalised title: after a comma, "Kaur Umum, Taufiq Saleh dan Koeswoto sebagai Kadus"
        names the Kadus, not the Kaur Umum."""
        toks, n, k = self.toks, self.n, name.next
        while k + 1 < n and toks[k].lower in PAIR_JOINERS:
            joined = self.names.forward(k + 1)
            if joined is None:
                break
            k = joined.next
        return k + 1 < n and toks[k].lower in self.lex.apposition and toks[k + 1].cap

    def _paired_names(self, name: Name) -> tuple[Name | None, list[Name]]:
        """After two joined titles, names "A dan B" pair with them in order: (A, [B]), B this
        title's. A single name stays this title's: (None, [name])."""
        k = name.next
        if self._continues(k):
            second = self.names.forward(k + 1)
            if second is not None:
                return name, [second]
        return None, [name]

    def _unnamed_post(self, first: int, name: Name, shared: Chunk) -> list[Hit]:
        """The hit of the title phrase read without a name just before token `first`, for the
        first of two paired names; a bare title takes the second one's qualifiers ("Ketua dan
        Sekretaris Apindo Jateng": both of Apindo Jateng)."""
        if self.unnamed is None or self.unnamed[0] != first - 1:
            return []
        _, start, title, modifier, field_text, chunks = self.unnamed
        chunk = chunks[-1]
        if not (field_text or chunk.org or chunk.unit or chunk.regions or chunk.areas or chunk.place):
            chunk, chunks = shared, [shared]
        fields = post_fields(self.lex, title, modifier, field_text, chunk, chunks, name.text)
        if fields is None:
            return []
        return [Hit(KIND, start, self.toks.end_char(name.end - 1), "official.titles_names_paired", 0.75, fields)]

    def _continues(self, k: int) -> bool:
        """Whether "dan"/"&" and a capitalised word that opens no title follow token k-1."""
        toks = self.toks
        return (
            k + 1 < self.n and toks[k].lower in CONJUNCTIONS
            and toks[k + 1].cap and not self.names.is_blocked(k + 1)
        )

    def _after_distributive(self, i: int) -> int:
        """Token i, or the token after "masing-masing" there ("..., masing-masing A dan B")."""
        toks = self.toks
        for phrase in self.lex.distributive:
            end = i + len(phrase)
            if end < self.n and all(toks[i + k].lower == w for k, w in enumerate(phrase)):
                return end
        return i

    def _is_place(self, name: Name) -> bool:
        """Whether a name is a province, kabupaten/kota or kecamatan name ("Padang", "Kotabumi",
        "Lubuk Basung") that the regions extractor left untagged."""
        return self.places.resolve(name.text) is not None or self.titles.district_before_comma(name.start) == name.end

    def _named_again(self, name: Name) -> bool:
        """Whether the text names this one-word name again right after a speech word ("kata
        Nofriadi"): then it is a person's name, not a word opening a sentence."""
        return self.titles.named_after_speech(name.text)

    def _known_district(self, chunk: Chunk) -> bool:
        """Whether the chunk's place is a known kecamatan read to its end ("Camat Dolo Selatan
        Ahmad Yani"): then the name after it can be told apart without a comma."""
        return chunk.place is not None and self.titles.district(chunk.place[0]) == chunk.place[1]

    def _org_before(self, first: int) -> Organization | None:
        """The organisation that opens the line before a comma and the title at token `first`,
        as in a list of award winners ("2. CV Apau Kayan Logistik, Direktur Hj. Siti Rahmawati"):
        its name opens with an organisation word (PT, CV, Koperasi), after a list number or
        bullet if any, and nothing else stands between but handover words ("PT X, diterima
        Direktur Utama Y"). The officer may stand in brackets, after the organisation's place
        ("1. PT Sriwijaya Agro Lestari, Musi Banyuasin (Direktur Utama Benny Halim)"): the
        organisation then ends at the line's first comma."""
        toks, lex = self.toks, self.lex
        link = first - 1
        for length in (1, 2):
            if link - length >= 0 and tuple(toks[k].lower for k in range(first - length, first)) in lex.handovers:
                link = first - 1 - length
        if link < 2 or toks[link].text not in {",", "("}:
            return None
        comma = link
        if toks[link].text == "(":
            k = link - 1
            while k >= 0 and link - k <= 2 * MAX_ORG_WORDS and (toks[k].cap or toks[k].text in ORG_GLUE or toks[k].text == ","):
                if toks[k].text == ",":
                    comma = k
                k -= 1
        start = comma - 1
        while start >= 0 and comma - start <= MAX_ORG_WORDS and not (toks[start].cap and toks[start].lower in lex.org_start):
            if not (toks[start].cap or toks[start].text in ORG_GLUE):
                return None
            start -= 1
        if start < 0 or comma - start > MAX_ORG_WORDS:
            return None
        before = start - 1
        if before >= 1 and toks[before].text in {".", ")"} and toks[before - 1].text.isdigit():
            before -= 2  # "1." or "1)"
        elif before >= 0 and toks[before].text in BULLETS:
            before -= 1
        if before >= 0 and not _breaks_line(toks[before]):
            return None
        if self.titles.unknown_org(start) != comma:
            return None
        return Organization(toks.text(start, comma), frozenset(), "", "")

    def _from_opener(self, name: Name) -> Name:
        """The name from a word inside it that only opens names ("Meuria Teuku Mirza Fahlevi"
        -> "Teuku Mirza Fahlevi": the first word was the village's), if two words or more."""
        toks = self.toks
        for k in range(name.start + 1, name.end - 1):
            if toks[k].lower in self.lex.name_openers:
                later = self.names.forward(k)
                return later if later is not None and later.words >= 2 else name
        return name

    def _degreed_place(self, chunks: list[Chunk], post_end: int) -> bool:
        """Whether the unknown place read after a kecamatan's post is a name: a degree set off
        by a comma follows it, then no capitalised word ("Camat Roni Pangaribuan, S.STP.,
        menyebut"). Not for villages: too many are missing from the lists ("Kepala Desa
        Gelanglor Eko Prasetyo Nugroho, S.Sos.")."""
        chunk, toks, n = chunks[0], self.toks, self.n
        if len(chunks) > 1 or chunk.place is None or chunk.place[1] != post_end or \
                chunk.org or chunk.unit or chunk.regions or chunk.areas:
            return False
        if not (post_end + 1 < n and toks[post_end].text == ","):
            return False
        after = self.titles.after_degrees(post_end + 1)
        if after == post_end + 1 or (after < n and toks[after].cap):
            return False
        start = chunk.place[0]
        if self.titles.village(start) is not None or self.titles.district(start) is not None:
            return False  # "Kepala Desa Sukamaju Asep Saepudin, S.Pd.": a known place, then the name
        name = self.names.forward(start)
        return name is not None and name.start == start and name.end == post_end

    def _lone_name(self, name: Name) -> bool:
        """Whether a one-word name after a known village is whole: a comma or a lower-case word
        follows it, and it names no village, kecamatan or region ("Kepala Desa Karanggandu
        Sumarno mengatakan", not "Kepala Desa Karanggandu Watulimo, ...")."""
        toks, word, after = self.toks, name.start, name.next
        return after < self.n and (toks[after].text == "," or toks[after].text[:1].islower()) \
            and toks[word].lower not in self.lex.villages and not self.titles.starts_place(word)

    def _known_village(self, chunk: Chunk) -> bool:
        """Whether the chunk's place is a known desa/kelurahan read to its end ("Lurah Kalibaru
        Ahmad Fauzi Ramdhani")."""
        return chunk.place is not None and self.titles.village(chunk.place[0]) == chunk.place[1]

    def _past_aside(self, k: int) -> int:
        """The comma that closes a second post after "selaku"/"sekaligus" at token k (capitalised
        words and short brackets, up to MAX_ASIDE tokens), or k when none does."""
        toks, titles, j = self.toks, self.titles, k + 1
        while j < self.n and j - k <= MAX_ASIDE:
            if toks[j].cap or (j > k + 1 and toks[j].lower in {"dan", "&"}):
                j += 1
            elif (paren := titles.paren_end(j)) is not None:
                j = paren  # "sekaligus Kepala Badan Pengusahaan (BP) Batam, ..."
            else:
                break
        return j if j > k + 1 and j < self.n and toks[j].text == "," else k

    def _past_constituency(self, k: int) -> int:
        """The comma that closes "dari unsur akademisi" at token k (words only, up to MAX_ASIDE
        tokens; a district's number after a word: "dari daerah pemilihan Sumbawa 4"), or k when
        none does."""
        toks, j = self.toks, k + 2
        while j < self.n and j - k <= MAX_ASIDE and (toks[j].text.isalpha() or toks[j].text == "-" or (
                toks[j].text.isdigit() and len(toks[j].text) <= 2 and toks[j - 1].text.isalpha())):
            j += 1  # ("Halmahera Utara-Pulau Morotai")
        if not (j > k + 2 and j < self.n and toks[j].text == ","):
            return k
        return self._past_listed_places(j)

    def _past_listed_places(self, comma: int) -> int:
        """The comma after a list of regions that goes on after the comma at token `comma` and
        closes with "dan" ("dari daerah pemilihan Aceh Barat, Nagan Raya, Aceh Jaya dan
        Simeulue, H. Tgk. ..."), or `comma` when no such list follows."""
        toks, j = self.toks, comma + 1
        while (place := self._region_at(j)) is not None:
            after = toks[place]
            if after.text == ",":
                j = place + 1
            elif after.lower == "dan" and (last := self._region_at(place + 1)) is not None and toks[last].text == ",":
                return last
            else:
                break
        return comma

    def _region_at(self, i: int) -> int | None:
        """The token after a region tagged at token i (see TitleReader.element), if a token follows it."""
        found = self.titles.element(i)
        return found[0] if found is not None and found[1] == "region" and found[0] < self.n else None

    def _electoral_at(self, k: int) -> int:
        """How many words open an electoral district at token k ("Dapil", "Daerah Pemilihan"); 0 if none."""
        toks, pairs = self.toks, self.lex.electorals
        if (toks[k].lower,) in pairs:
            return 1
        return 2 if k + 1 < self.n and (toks[k].lower, toks[k + 1].lower) in pairs else 0

    def _past_electoral(self, comma: int) -> int:
        """The comma that closes an electoral district after the comma at token `comma` ("Dapil
        Jatim XI", "Dapil Sulsel I meliputi ..." is no such aside: capitalised words and numerals
        only, up to MAX_ASIDE tokens), or `comma` when none does."""
        toks, j = self.toks, comma + 1 + self._electoral_at(comma + 1)
        start = j
        while j < self.n and j - comma <= MAX_ASIDE and (toks[j].cap or toks[j].text.isdigit()):
            j += 1
        return j if j > start and j < self.n and toks[j].text == "," else comma

    def _escorted(self, first: int, chunk: Chunk) -> None:
        """A post with no organisation right after an official and an escort word gets that
        official's organisation and regions: "Ketua DPRD Kalsel H. Abdul Hafiz, S.H.,
        didampingi Wakil Ketua Hj. Norhalimah, S.E., dan Wakil Ketua Muhammad Yamin"."""
        if self.last_post is None or first < 1 or self.toks[first - 1].lower not in self.lex.escorts:
            return
        stop, previous = self.last_post
        k = self.titles.after_degrees(stop)
        while k < first - 1 and self.toks[k].text == ",":
            k += 1
        if k == first - 1 and previous.org is not None:
            chunk.org, chunk.regions = previous.org, list(previous.regions)

    def _op_ed_author(self, first: int) -> Name | None:
        """An opinion column's author, when "Penulis adalah" opens the line of the post at token
        `first` ("Penulis adalah dosen Universitas Andalas."): the full name (two words or
        more) of the first byline "Oleh: Dr. Rahmi Yusnita, M.Kes." before it, when the name
        and its degrees fill that line."""
        toks, lex = self.toks, self.lex
        if first < 2 or (toks[first - 2].lower, toks[first - 1].lower) not in lex.author_lines:
            return None
        opens = first - 3  # the token before "Penulis", past a footnote mark ("*) Penulis adalah ...")
        while opens >= 0 and toks[opens].text in FOOTNOTE_MARKS:
            opens -= 1
        if opens >= 0 and not _breaks_line(toks[opens]):
            return None
        for i in range(first - 2):
            if toks[i].lower in lex.bylines and toks[i].cap and (i == 0 or _breaks_line(toks[i - 1])):
                k = i + 2 if toks[i + 1].text == ":" else i + 1
                name = self.names.forward(self.names.skip_honorifics(k))
                if name is None or name.words < 2:
                    return None
                k = name.next
                while k < self.n and not _breaks_line(toks[k]):
                    text = toks[k].text  # only degrees after the name: ", S.K.M., M.Kes."
                    if not (text == "," or "." in text or toks[k].lower in lex.degrees):
                        return None
                    k += 1
                return name
        return None

    def _past_relative(self, k: int) -> int:
        """The comma that closes a relative clause at token k ("yang berkantor di Pangkalpinang":
        words only, up to MAX_ASIDE tokens, the first in lower case) when a name follows it,
        or k otherwise. A clause with a word in -nya tells what someone else did ("sambutan
        Bupati yang dibacakannya, Cut Nurul ...": she read it), so the name is not the post's,
        unless the word tells the post's remit ("yang wilayah kerjanya meliputi ..."); so does
        one with an escort word ("yang didampingi Sekretaris Dinas, Budi": Budi is the other)."""
        toks, j = self.toks, k + 1
        if j >= self.n or not toks[j].text.islower():
            return k
        while j < self.n and j - k <= MAX_ASIDE and toks[j].text.isalpha():
            if (toks[j].text.endswith("nya") and toks[j].lower not in self.lex.remits) or toks[j].lower in self.lex.escorts:
                return k  # (escorted: "Kepala Dinas yang didampingi Sekretaris Dinas, Budi" names the other)
            j += 1
        return j if j < self.n and toks[j].text == "," and self.titles.name_at(j + 1) else k

    def _past_location(self, k: int) -> int:
        """The comma after the place at token k ("di Banjarbaru", up to MAX_PLACE_WORDS
        capitalised words) when a name of two words or more, or an honorific, follows it; or k."""
        toks, j = self.toks, k + 1
        while j < self.n and j - k <= MAX_PLACE_WORDS and toks[j].cap and toks[j].text.isalpha():
            j += 1
        if j == k + 1 or j >= self.n or toks[j].text != ",":
            return k
        at = j + 1
        while at < self.n and toks[at].blank and "\n" not in toks[at].text:
            at += 1
        if at < self.n and toks[at].honorific:
            return j
        name = self.names.forward(at) if self.titles.name_at(at) else None
        return j if name is not None and name.words >= 2 else k

    def _lowercase_field(self, k: int) -> int:
        """Token k, or past up to LOWER_FIELD lower-case words there when a capitalised word
        (the organisation) follows them: "kebijakan publik" in "pengamat kebijakan publik
        Universitas Riau"."""
        toks, j = self.toks, k
        while j < self.n and j - k < LOWER_FIELD and toks[j].text.isalpha() and toks[j].text.islower():
            j += 1
        return j if j > k and j < self.n and toks[j].cap else k

    def _before_degrees(self, k: int) -> int:
        """Token k, or where degrees set off before it start: "Siti Rahma, S.Sos., M.Si, Kepala ..."
        -> the comma after "Rahma"; "Fitri Handayani SE MM, Kepala ..." -> "SE"."""
        toks, degrees = self.toks, self.lex.degrees
        j = k - 1
        while j >= 1 and (toks[j].text in {".", ","} or toks[j].lower.rstrip(".") in degrees):
            j -= 1
        if toks[j + 1].text != "," and toks[j + 1].lower.rstrip(".") in degrees:
            return j + 1  # degrees right after the name, without a comma
        while j + 1 < k and toks[j + 1].text != ",":
            j += 1  # back to the first comma: the one that sets off the degrees
        return j + 1 if j + 1 < k and any(toks[m].lower.rstrip(".") in degrees for m in range(j + 1, k)) else k

    def _before_age(self, k: int, phone: bool = False) -> int:
        """Token k, or where an age in brackets just before it starts: "Syafrizal (58)"; with
        `phone`, a phone number in brackets too (a contact line: "Yuliana Saputri (0812-7788-2025)")."""
        toks = self.toks
        if k >= 3 and toks[k - 1].text == ")" and toks[k - 3].text == "(":
            inside = toks[k - 2].text
            if (inside.isdigit() and len(inside) <= 2) or (phone and PHONE.fullmatch(inside)):
                return k - 3
        return k

    def _behind_acronym(self, run: Name) -> Name | None:
        """ "Nahdlatul Ulama (PBNU) Slamet Effendy Yusuf": a run with its acronym, then a name.
        A run whose acronym no name follows is an organisation's name, not a person's
        ("Koperasi Tenaga Kerja Bongkar Muat (TKBM) Pelabuhan Jayapura, ...": None)."""
        toks, k = self.toks, run.next
        if k + 3 < self.n and toks[k].text == "(" and toks[k + 2].text == ")":
            acronym = toks[k + 1].text
            if len(acronym) > 1 and acronym.isupper():
                return self.names.forward(k + 3)
        return run

    def _org_then_name(self, found: list[Name], chunks: list[Chunk], as_org: bool) -> list[Name]:
        """ "Direktur Keuangan Medco, D Cyril Noerhadi": one unknown word (an organisation, or
        for a regional post a place), a comma, a full name; or "Kepala UPP Kelas III Dabo
        Singkep, Capt. Hendra Saputra": the two-word place of an organisation that takes one,
        before a name an honorific opens."""
        word, toks = found[0], self.toks
        if word.words > 2 or word.next >= self.n or toks[word.next].text != ",":
            return found
        if word.words == 2 and not (chunks[0].org is not None and "{place}" in chunks[0].org.name
                                    and not chunks[0].regions and toks[word.next + 1].honorific):
            return found  # two words are a place only where the organisation takes one
        name = self.names.forward(word.next + 1)
        if name is None or name.words < 2:
            return found
        if as_org and chunks[0].org is None and word.words == 1:
            chunks[0].org = Organization(word.text, frozenset(), "", "")
        return [name]

    def _list_line_name(self, dash: int, after) -> tuple[Name, str] | None:
        """A list's line "1. Silvester Bria Seran, S.H., M.Si. – Kepala Dinas ..." or "🎙 Johanis
        Pattipeilohy – Kepala Kantor Cabang ...": a full name opening the line (after its
        number or bullet), a dash, and a post that runs to the line's end."""
        toks = self.toks
        if after is not None and not _breaks_line(after):
            return None
        name = self.names.backward(self._before_degrees(dash))
        if name is None or name.words < 2:
            return None
        j = self._before_honorifics(name.start)
        if j >= 1 and toks[j].text in {".", ")"} and toks[j - 1].text.isdigit():
            j -= 2  # "1."
        elif j >= 0 and not toks[j].blank and _marks_item(toks[j].text):
            j -= 1  # "-", "🎙"
        if j >= 0 and not _breaks_line(toks[j]):
            return None
        return name, LIST_LINE_RULE

    @staticmethod
    def _elected_body(chunks: list[Chunk]) -> bool:
        """Whether the title's organisation is a legislature (DPRD, DPR, DPD: ELECTED_BODIES)."""
        org = chunks[-1].org
        return org is not None and org.name.split(" ")[0] in ELECTED_BODIES

    def _after_apposition(self, first: int) -> bool:
        """Whether an apposition word or phrase stands right before the title at token `first`,
        so the holder's name is before it: "Budi selaku Ketua ...", "Usman Gumay, yang juga Ketua ..."."""
        return (first > 0 and self.toks[first - 1].lower in self.lex.apposition) or self._apposition_phrase(first) > 0

    def _apposition_phrase(self, first: int) -> int:
        """The length of the apposition phrase that ends right before token `first` ("yang juga"), else 0."""
        toks, lex = self.toks, self.lex
        return next((length for length in lex.apposition_lengths if first > length and tuple(
            toks[k].lower for k in range(first - length, first)) in lex.apposition_phrases), 0)

    def _before_honorifics(self, start: int) -> int:
        """The token before a name starting at token `start` and the honorifics before it."""
        toks, j = self.toks, start - 1
        while j >= 0 and (toks[j].honorific or (toks[j].text == "." and j > 0 and toks[j - 1].honorific)):
            j -= 1
        return j

    def _after_place(self, i: int, qualified: bool) -> Name | None:
        """A name after a short place the regions extractor did not tag ("..., Dr Sanco")."""
        toks, n, names = self.toks, self.n, self.names
        if i < n and toks[i].lower in self.lex.venues:
            return None  # "di ruang rapat Bupati, Kompleks Perkantoran Fonuasingko, Bungku": where it took place
        j, words, stop_word = i, 0, False
        most = 4 if i < n and toks[i].lower in self.lex.not_name else 3  # "Kecamatan Mentawa Baru Ketapang"
        while j < n and words <= most:
            tok = toks[j]
            if tok.text == "," or names.is_honorific(j):
                break
            paren = self.titles.paren_end(j)
            if paren is not None:
                j = paren
                continue
            if not tok.cap or tok.punct or names.is_blocked(j):
                return None
            stop_word = stop_word or tok.lower in self.lex.not_name
            words, j = words + 1, j + 1
        if j >= n or not 0 < words <= most:
            return None
        if toks[j].lower in self.lex.mid_name:
            return None  # "..., Ardiansyah Puang Rahim": a title that stands inside names too
        if toks[j].text == ",":
            if not (qualified or stop_word):
                return None
            j += 1
        return names.forward(j)

    def _body_name_after_holder(self, first: int, run: Name) -> bool:
        """Whether the capitalised words run on from the title phrase at token `first` with no
        comma (`run`), then a comma and a lower-case word, while a name and a comma stand
        before the post: the holder is named before it, the words are the body's own name
        ("Sumarno, Ketua Gabungan Kelompok Tani (Gapoktan) Sido Makmur Bagia, mengatakan")."""
        toks, k = self.toks, run.next
        if not (k + 1 < self.n and toks[k].text == "," and toks[k + 1].text[:1].islower()
                and first > 1 and toks[first - 1].text == ","):
            return False
        holder = self.names.backward(first - 1)
        if holder is None:
            return False
        if holder.start == 0:
            return True
        before = toks[holder.start - 1]  # the holder opens a sentence or a line
        if before.text != ".":
            return _breaks_line(before) or before.text in "!?\"“"
        word = toks[holder.start - 2].text if holder.start > 1 else ""
        return word[:1].islower() or word.isdigit() or word == ")"  # a sentence's end, not "Drs. H. A."

    def _name_before(self, first: int, post_end: int) -> tuple[Name, str] | None:
        """ "Budi Santoso, Kepala Dinas ..." / "Budi selaku Kepala ..." / "Budi (Bupati Nisel)",
        or a contact block: the name alone on its line, the post alone on the next. With the
        rule that read it."""
        toks = self.toks
        if first == 0:
            return None
        at = first - 1  # the link: "(", ",", a line break or an apposition word
        phrase = self._apposition_phrase(first)
        if phrase:  # "Haris Mustafa, yang juga Bupati Mamuju": read as after a comma, with or without one
            at = first - phrase - 1 if toks[first - phrase - 1].text == "," else first - phrase
        link = toks[at]
        comma = bool(phrase) or link.text == ","
        after = toks[post_end] if post_end < self.n else None
        own_lines = _breaks_line(link)
        if link.text in DASHES:
            return self._list_line_name(at, after)
        if link.text == "(":
            if after is None or after.text != ")":
                return None
        elif comma:
            if after is not None and not (after.punct or after.blank or after.text[:1].islower()):
                return None
        elif own_lines:
            if after is not None and not _breaks_line(after):
                return None
        elif link.lower not in self.lex.apposition:
            return None
        end = self._before_degrees(at)
        if comma or own_lines:
            end = self._before_age(end, phone=own_lines)  # "Syafrizal (58), Wali Nagari ..."
        name = self.names.backward(end)
        if name is None or (own_lines and name.words < 2) or self._after_place_word(name):
            return None  # "Para Kepala Desa se-Kecamatan Sungai Kakap, Ketua BPD": a place
        if comma and name.words < 2 and not self._named_again(name):
            return None  # "Namun, Kepala Dinas ..."
        if name.words < 2 and link.lower in self.lex.copulas:
            return None  # "Kristian adalah Wakil Wali Kota ...": the man named in full before
        if not own_lines:
            return name, "official.name_then_title"
        j = self._before_honorifics(name.start)  # "Dr. Hj. Siti Aminah"
        if j >= 0 and not _breaks_line(toks[j]):
            return None
        return name, NAME_LINE_RULE


def _marks_item(text: str) -> bool:
    """Whether a token opens a list's item: a bullet or symbol ("-", "•", "🎙"), not a word."""
    return not any(c.isalnum() for c in text)


def _breaks_line(tok) -> bool:
    """Whether a token is white space holding a line break."""
    return tok.blank and "\n" in tok.text
