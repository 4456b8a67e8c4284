"""Sentences, language and folding: what the claim and person readers share.

Spans are kept everywhere (``text[start:end]``), because every proposal quotes the sentence it
comes from and the review page highlights it where it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tizim.core.ingest.lexicon import ENGLISH_MONTHS

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]+")
_QUOTED = re.compile(r"«[^»]*»|\"[^\"\n]*\"|“[^”]*”")
# "не" is a Kazakh word too (a question particle), and so not among them
_RUSSIAN_LITTLE_WORDS = frozenset(
    "и в на что по с к для из от это как его о за он она они был была были также при".split()
)
_KAZAKH_LITTLE_WORDS = frozenset(
    "және мен бен пен деп бұл осы бойынша туралы үшін болды еді екен бар жоқ ол олар біз "
    "кейін қазір әлі".split()
)

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr st prof gen col lt sgt no vs jan feb mar apr jun jul aug sep sept oct nov "
        "dec p.m a.m u.s u.n art approx incl tel "
        "г гг ул им т.е т.д т.п т.ч тыс млн обл р-н ст ж жж т.б н.э тел "
        # a Cyrillic letter's two Latin letters as an initial: "Kempirbayev Ye. S."
        "ye yu ya zh sh ch kh ts"
    ).split()
)
# initials, one letter or several capitals joined by full stops: "Т", "t", "С.А" (the last
# stop aside; not "г.р", "e.g")
_INITIALS = re.compile(r"[^\W\d_]|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:\.[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])+")
# a capitalised word, as a surname before its initials is
_SURNAME_BEFORE = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+[^\S\n]+$")
_CAPITAL_NEXT = re.compile(r"\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
# an opened bracket not closed yet on its line, and its closing a few words on
_INSIDE_BRACKETS = re.compile(r"\([^()\n]*$")
_CLOSED_SOON = re.compile(r"[^()\n.]{0,40}\)")
# a row's columns, lined up with spaces after a cell ending in a full stop
_COLUMN_GAP = re.compile(r"[^\S\n]{3,}\S")
_MONTH_NEXT = re.compile(rf" *(?:{ENGLISH_MONTHS})(?!\w)", re.IGNORECASE)
# the next line, its indent and all
_NEXT_LINE = re.compile(r"[^\n]+")
# words no sentence ends with: an auxiliary, an article, a preposition, a conjunction
_NO_SENTENCE_ENDS = re.compile(
    r"(?<![\w-])(?:was|were|is|are|has|have|had|been|the|a|an|of|to|and|or|on|in|at|by|for|"
    r"with|from|that|who|whose|which|и|в|во|на|с|по|из|к|у|о|от|до|за|что|который|которые|"
    r"был|была|были|не)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»’)]*(?=\s+[\"'“«‘(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|\n\s*\n|\n")
_FULL_STOP_AND_SPACE = re.compile(r"\.\s")
# "3\nЖамбыл ауданының … қаза тапқан тұрғындарының саны": a figure standing alone on its line,
# as "the numbers of the week" columns print them, with what it counts on the line below
_FIGURE_LINE = re.compile(
    r"\d{1,3}(?:[ \u00a0,]\d{3})*(?:-[а-яәғқңөұүһі]+)?(?:\s+(?:жуық|астам|and more|plus|\+))?"
)
_LEADER_DOTS = re.compile(r"\.{2,}$")
# a line that opens with a label or a chat's speaker and time: "Outlet: …", "Тел.: …",
# "Ayan, 14 Jan 2022 10:05: …"
_LABEL_LINE = re.compile(r"[^\n]{0,30}?:\s")
# the next line of a wrapped paragraph: its indent, then a word in lower case (and a full stop
# after it, if any) or a capital
_WRAPPED_ON = re.compile(r"( *)(?:([a-zа-яёәғқңөұүһі]+)(\.?)|(?P<capital>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))")
# … in words opening with a capital or not ("26\nчеловек задержаны в районе")
_WORDS_NEXT = re.compile(r"\n[ \t]*(?:[^\W\d_]|[«\"“])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the text: ``text[start:end]`` is ``text``; ``paragraph`` counts from 0."""

    text: str
    start: int
    end: int
    paragraph: int


def detect_language(text: str) -> str:
    """kk, ru or en: Latin letters mean English; in Cyrillic, the language whose little words
    ("и", "что", "на" or "және", "деп", "бойынша") the text uses more, and where it has too few
    of either, Kazakh letters mean Kazakh. A Russian article quoting "Жаңа Қазақстан" or a
    Kazakh name is still Russian."""
    sample = text[:20_000]
    cyrillic = len(_CYRILLIC.findall(sample)) + len(_KAZAKH_LETTERS.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic <= latin:
        return "en"
    # what the text's own words are, not a quotation in the other language
    words = _CYRILLIC_WORD.findall(_QUOTED.sub(" ", sample).lower())
    russian = sum(word in _RUSSIAN_LITTLE_WORDS for word in words)
    kazakh_words = sum(word in _KAZAKH_LITTLE_WORDS for word in words)
    if russian + kazakh_words >= 5 and (russian >= 2 * kazakh_words or kazakh_words >= russian):
        return "kk" if kazakh_words >= russian else "ru"
    kazakh = len(_KAZAKH_LETTERS.findall(sample))
    return "kk" if kazakh * 200 >= cyrillic else "ru"


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their spans; a line break ends one, unless a figure
    alone on its line heads the words on the next, or the line is prose wrapped onto it."""
    sentences: list[Sentence] = []
    start, paragraph = 0, 0
    for m in _SENTENCE_END.finditer(text):
        if m[0].startswith((".", "…")) and not m[0].strip().startswith("\n"):
            before = re.search(r"([\w.]+)\.?$", text[start : m.start()])
            word = before[1].lower().rstrip(".") if before else ""
            number_next = text[m.end() : m.end() + 3].strip()[:1].isdigit()
            if word in ("no", "art") and not number_next:
                pass  # "Mostly, no. Eight were released": "No.", "Art." stand before numbers
            elif word in _ABBREVIATIONS or (
                before
                and _INITIALS.fullmatch(before[1])
                and not _a_surnames_initials_end(text, start + before.start(1), m.end())
            ):
                continue  # "ул.", "Т.", "Дәуренбеков С.А. (2001 ж.т.)", "А.Ж. Дүйсенбаев"
            if _INSIDE_BRACKETS.search(text, start, m.start()) and _CLOSED_SOON.match(
                text, m.end()
            ):
                continue  # "Кочетков Р.А. (ваг. 9, место 14) и …": a bracket's abbreviation
            if _COLUMN_GAP.match(text, m.start() + 1):
                continue  # "PASTUKHOV D.A.     driller's asst.    U-REL    detained": columns
            if before and is_item_number(text, start + before.start(1), m.start()):
                continue  # "1. БЕКЕНОВ Арман …": a list's item number opens its sentence
        if m[0] == "\n" and (
            _figure_over_its_words(text, start, m.start())
            or _wrapped(text, m.start())
            or _runs_on(text, m.start())
        ):
            continue
        if _LEADER_DOTS.match(m[0]) and text[m.end() : m.end() + 40].lstrip()[:1].isdigit():
            continue  # "House arrest ........ 1": a row's label, dots, and its figure
        end = m.end() if not m[0].isspace() else m.start()
        _add(sentences, text, start, end, paragraph)
        if "\n" in m[0]:
            paragraph += 1
        start = m.end()
    _add(sentences, text, start, len(text), paragraph)
    return sentences


def _a_surnames_initials_end(text: str, initials_start: int, end: int) -> bool:
    """Whether initials of two letters or more at ``initials_start`` end a surname's name and
    its sentence: "СЛУШАЛИ: Ержанову А.М. Сергей Валерьевич …" (a capitalised word next); not
    "А.Ж. Дүйсенбаев" (no surname before), nor "Кочетков Р.А. (ваг. 9 …)"."""
    return (
        "." in text[initials_start:end].rstrip(".")
        and _SURNAME_BEFORE.search(text, 0, initials_start) is not None
        and _CAPITAL_NEXT.match(text, end - 1 if text[end - 1].isspace() else end) is not None
    )


def _figure_over_its_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a figure alone on its line, what it counts told on the
    next line: the two are read as one sentence."""
    line = text[start:end].strip()
    return (
        len(line) <= 25
        and opens_its_line(text, start)
        and _FIGURE_LINE.fullmatch(line) is not None
        and _WORDS_NEXT.match(text, end) is not None
    )


def _wrapped(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` goes on, wrapped, on the next: a long line of prose
    (no table's bars, columns or leader dots, no label ending it or opening the next), the
    next at the same indent opening in lower case ("a market trader\nfrom Tauturgen, died of
    gunshot wounds"), or with a capital after a line that stops mid-clause."""
    line = text[text.rfind("\n", 0, end) + 1 : end]
    wrapped = _WRAPPED_ON.match(text, end + 1)
    return (
        wrapped is not None
        and len(line.strip()) >= 40
        and not line.rstrip().endswith(":")  # "(…, психолог С. Ақбөпе):" before an item
        and "|" not in line
        and "\t" not in line
        and "   " not in line.strip()
        and ".." not in line  # "Shifts worked ........ 47 of 58 rostered": a row and its dots
        and wrapped[1] == line[: len(line) - len(line.lstrip(" "))]
        and not (wrapped[3] and wrapped[2] in _ABBREVIATIONS)  # "тел." under an address
        and _LABEL_LINE.match(text, end + 1) is None  # "mainText: …", a record's next field
        # a word with a capital goes on a long line that stops mid-clause ("20 жастағы Әлішер
        # Дилмұратов 4 қаңтарда\nАлматыға жұмысқа кеткен")
        and (not wrapped["capital"] or _stops_mid_clause(line))
    )


def _runs_on(text: str, end: int) -> bool:
    """Whether the line ending at ``end``, however short, cannot end its sentence: it ends in a
    comma or a word no sentence ends with ("Один житель, Бекмаханов Т.С.,\n1998 г. р., получил
    …", "Driver Ruslan Kenzhebekov (41) was\ndetained"), or in a day whose month opens the next
    line ("on 6\nJanuary"); the next line goes on in small letters or a digit, no table's."""
    line = text[text.rfind("\n", 0, end) + 1 : end].rstrip()
    following = _NEXT_LINE.match(text, end + 1)
    if not line or following is None or "|" in line or "|" in following[0]:
        return False
    if re.search(r"(?<!\d)\d{1,2}$", line) and _MONTH_NEXT.match(following[0]):
        return True
    goes_on = following[0].lstrip()[:1].islower() or following[0].lstrip()[:1].isdigit()
    return goes_on and (line.endswith(",") or _NO_SENTENCE_ENDS.search(line) is not None)


def _stops_mid_clause(line: str) -> bool:
    """Whether a line, wrapped before a word with a capital, stops mid-clause: a line as long
    as wrapped prose runs, ending in a word or a comma (not a row's figure, not a heading, a
    headline in title case or a record's fields)."""
    last, words = line.rstrip()[-1], re.findall(r"[^\W\d_][\w'’-]*", line)
    # a headline, nearly every word capitalised (not a dateline's "ZHANATAS, Kazakhstan, Jan
    # 12 (SW) - Police in Zhanatas detained 42 people on")
    title_case = sum(w[0].isupper() for w in words) * 4 > len(words) * 3
    fields = len(re.findall(r"\w: ", line)) >= 2  # "RU-1: … / KK-1: … / V: yes": a record
    return (
        len(line.strip()) >= 60
        and (last.islower() or last == ",")
        and not title_case
        and not fields
    )


def opens_its_line(text: str, start: int) -> bool:
    """Whether nothing but spaces stands before ``start`` on its line."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def is_item_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a list's item number: one to three digits opening a
    line, a full stop and a space after ("1. БЕКЕНОВ Арман …")."""
    return (
        0 < end - start <= 3
        and text[start:end].isdigit()
        and opens_its_line(text, start)
        and _FULL_STOP_AND_SPACE.match(text, end) is not None
    )


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    offset = start + (len(piece) - len(piece.lstrip()))
    sentences.append(Sentence(stripped, offset, offset + len(stripped), paragraph))


def fold(text: str) -> str:
    """Lower case with ё → е, typographic quotes and dashes made plain and a line break a
    space (a sentence wrapped across lines reads as one line), same length."""
    return (
        text.lower()
        .replace("\n", " ")
        .replace("ё", "е")
        .replace("’", "'")
        .replace("‘", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace("«", '"')
        .replace("»", '"')
        .replace("–", "-")
        .replace("—", "-")
    )
