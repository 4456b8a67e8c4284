"""Russian names natasha found, read together: halves of one name joined, a family's surname
given to the members it lists, a woman named by initials kept a woman, and later mentions by
surname alone that natasha missed."""

from __future__ import annotations

import itertools
import re

from tizim.core.ingest.names_ru_words import (
    NOMINATIVE_PATRONYMIC,
    SURNAME_BEFORE,
    consonant_a,
    dictionary,
    first_reading,
)


def names_read_together(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``names`` (start, end, name in the nominative) as the whole text reads them, and the
    later mentions by surname alone."""
    names = _siblings_listed(text, _brothers(text, _halves_joined(text, names)))
    names = _women_by_initials(text, names)
    names = sorted(names + _names_missed(text, names))
    return names + _surnames_again(text, names)


# a Russian or Kazakh surname in the nominative, as a list writes it first
_SURNAME = r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына)"
# names natasha misses: a full name in the nominative, surname, given name and patronymic, as
# documents write it ("житель нашего посёлка Жумабаев Арман Серикович, 1997 г. р."); a
# table's cell holding a name alone, surname first ("| Утепов А. |", "| Абилов Руслан |")
_MISSED = (
    re.compile(
        rf"(?<![\w-])(?P<name>{_SURNAME}[^\S\n]+(?P<given>[А-ЯЁ][а-яё]+)[^\S\n]+[А-ЯЁ][а-яё]+"
        r"(?:ович|евич|ич|овна|евна|ична|инична))(?![\w-])"
    ),
    re.compile(
        rf"(?<=\|)[^\S\n]*(?P<name>{_SURNAME}[^\S\n]+"
        r"(?P<given>[А-ЯЁ][а-яё]+|[А-ЯЁ]\.(?:[^\S\n]?[А-ЯЁ]\.)?))(?=[^\S\n]*(?:,[^|\n]*)?\|)"
    ),
)


def _names_missed(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names natasha missed, written surname first in the nominative, in a document's full
    form or a table's cell ("4 | Утепова Айнура (сестра) | Утепов А. | суд 9.01 — 10 суток"):
    the given name must be one the dictionary knows, or an initial (not "Абаев Строй")."""
    found: list[tuple[int, int, str]] = []
    for pattern in _MISSED:
        for m in pattern.finditer(text):
            taken = [*names, *found]
            if any(start < m.end("name") and m.start("name") < end for start, end, _ in taken):
                continue
            given = m["given"]
            read = first_reading(given, dictionary())
            if given.endswith(".") or ("Name" in read.tag and read.tag.case == "nomn"):
                found.append((m.start("name"), m.end("name"), m["name"]))
    return found


def _halves_joined(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """natasha's two names that are one, a surname and then a given name the dictionary knows
    ("Сержант полиции Литвиненко Иван получил травму": "Литвиненко", "Иван")."""
    out: list[tuple[int, int, str]] = []
    for name in names:
        if out and text[out[-1][1] : name[0]] == " " and " " not in out[-1][2] + name[2]:
            surname, given = out[-1][2], name[2]
            read = first_reading(given, dictionary())
            if SURNAME_BEFORE.search(surname + " ") and "Name" in read.tag:
                out[-1] = (out[-1][0], name[1], f"{surname} {given}")
                continue
        out.append(name)
    return out


def _women_by_initials(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A woman named by surname and initials in an oblique case ("Тлеубаевой С.Б.") is a woman
    wherever the text names her so: "Тлеубаева С.Б." is not read as a man's genitive."""
    women = {name.split()[0] for _, _, name in names if re.fullmatch(r"\w+а (?:\w\.)+", name)}
    out = []
    for start, end, name in names:
        written = text[start:end].split()
        if written and written[0] in women and name.split()[0] + "а" == written[0]:
            name = " ".join([written[0], *name.split()[1:]])
        out.append((start, end, name))
    return out


def _surnames_again(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Later mentions by surname alone that natasha missed ("Сагындыкова была задержана",
    "по Соколову"): a surname of a name found, in any case, as one word of its own."""
    taken = [(start, end) for start, end, _ in names]
    again: list[tuple[int, int, str]] = []
    for surname in {_surname_of(name) for _, _, name in names if len(name.split()) > 1}:
        if surname is None:
            continue
        stem = surname[:-1] if surname.endswith("а") else surname
        pattern = rf"(?<!\w){re.escape(stem)}(?:а|у|ым|е|ой|ов)?(?!\w)"
        for m in re.finditer(pattern, text):
            if not any(a <= m.start() < b for a, b in taken):
                again.append((m.start(), m.end(), surname))
    return again


def _surname_of(name: str) -> str | None:
    """The surname of a name in the nominative, if it has one of the Slavic endings (a
    Kazakh given name alone is too common a word to look for)."""
    words = name.split()
    surname = words[0] if NOMINATIVE_PATRONYMIC.search(words[-1]) and len(words) == 3 else words[-1]
    return surname if re.search(r"(?:ов|ев|ёв|ин|ын)а?$", surname) else None


# two given names before one surname in the plural: "братьев Рашида и Ильдара Хабибуллиных"
_PLURAL_SURNAME = re.compile(r"(?P<stem>\w+(?:ин|ын|ов|ев|ёв))(?:ых|ыми|ым|ы)$")


def _brothers(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two given names joined by "и" and one surname in the plural after the second: both
    take the surname in the singular ("Рашида и Ильдара Хабибуллиных" → "Рашид Хабибуллин",
    "Ильдар Хабибуллин")."""
    out = list(names)
    for i, ((_, end, first), (start, _, second)) in enumerate(itertools.pairwise(names)):
        words = second.split()
        plural = _PLURAL_SURNAME.fullmatch(words[-1])
        if len(first.split()) != 1 or len(words) != 2 or plural is None:
            continue
        if not re.fullmatch(r"\s+и\s+", text[end:start]):
            continue
        out[i] = (out[i][0], out[i][1], f"{first} {plural['stem']}")
        out[i + 1] = (out[i + 1][0], out[i + 1][1], f"{words[0]} {plural['stem']}")
    return out


# what comes between a family's surname in the plural and the list of its members' given names:
# "братьев Есенжоловых — Асета, Ерната и младшего, 19-летнего Мираса"
_LIST_OF_GIVEN = re.compile(r"\s*[,—–:-]?\s*(?:(?:и|а также)\s+)?(?:[\w-]+,?\s+){0,2}$")


def _siblings_listed(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A family named by its surname in the plural, then its members by given name alone:
    each takes the surname ("братьев Есенжоловых — Асета, Ерната и … Мираса" → "Асет
    Есенжолов", "Ернат Есенжолов", "Мирас Есенжолов"); the family is nobody's name."""
    out = list(names)
    for i, (start, end, family) in enumerate(names):
        plural = _PLURAL_SURNAME.fullmatch(family)
        if plural is None or " " in family:
            continue
        members, last = [], end
        for j in range(i + 1, len(names)):
            between = text[last : names[j][0]]
            if " " in names[j][2] or "." in between or not _LIST_OF_GIVEN.fullmatch(between):
                break
            members.append(j)
            last = names[j][1]
        if not members:
            continue
        for j in members:
            given = text[names[j][0] : names[j][1]]
            read = first_reading(given, dictionary())
            woman = "Name" in read.tag and "femn" in read.tag
            if "Name" in read.tag and read.tag.case != "nomn":
                given = read.normal_form.capitalize()
            elif family.endswith("ых") and consonant_a(given) and not woman:
                given = given[:-1]  # "Ерната", a name the dictionary does not know
            surname = plural["stem"] + ("а" if woman else "")
            out[j] = (names[j][0], names[j][1], f"{given} {surname}")
        out[i] = (start, end, "")
    return [name for name in out if name[2]]
