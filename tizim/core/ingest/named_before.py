"""Which person a name in a text is: one told of before, by surname alone ("Sarsenov was
detained"), by given name alone, by surname and initial ("Оспанова Н." then "Оспанов Нурлан
Бейсенович"), or in another spelling or script ("Кенжалин Серик | KENZHALIN SERIK"), else a new
one; and the order running text writes a name in ("Мәдина Исраилова": given name first)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from tizim.core.fates import Fate
from tizim.core.ingest.lexicon import LATIN_DIGRAPH_INITIALS
from tizim.core.ingest.names_ru import given_name_before_surname
from tizim.core.ingest.text import Sentence
from tizim.core.names.keys import name_key
from tizim.core.names.split import NameParts, split_full_name


@dataclass
class Mention:
    """One naming of a person in a sentence (offsets within the sentence), and how: speaking
    ("…, said X"), telling of themselves, or named after a title or as someone's relative."""

    key: str
    start: int
    end: int
    speaker: bool
    self_report: bool
    role: bool = False


@dataclass
class PersonTold:
    """What a text has told of one person so far."""

    written: str
    parts: tuple[str, str, str]
    fate: Fate | None = None
    fate_sentence: Sentence | None = None
    date: datetime.date | None = None
    age: int | None = None
    places: list[str] = field(default_factory=list)
    acts: list[str] = field(default_factory=list)
    first_sentence: Sentence | None = None
    last_date: datetime.date | None = None
    mentions: list[tuple[Sentence, Mention]] = field(default_factory=list)


def key_for(name: str, surname_only: bool, people: dict[str, PersonTold]) -> str | None:
    """The person a mention is of: "Mr. Kim" is the Timur Kim told of before (else nobody);
    a word that may be a name alone ("Asel, a protester") is a new person unless it is the
    surname of one told of ("Zhabarbekov, who lives in the suburbs")."""
    if surname_only or len(name.split()) == 1:
        word = name.split()[-1].lower()
        for key, person in people.items():
            if person.parts[0].lower() == word or key.split()[-1] == word:
                return key
        # "Багдат вышел из дома": the given name of the one person told of by it
        by_given = _the_one_by_given(word, people)
        if by_given is not None:
            return by_given
    if surname_only:
        return None
    parts = _running_text_order(name, split_full_name(name))
    if re.fullmatch(r"(?:\w{1,2}\.\s?)+", parts.given_name or "x"):
        # "Мусина Е. Б." after "Ерлан Мусин": the one told of with that surname and initial
        initial = parts.given_name.split()[0]
        for key, person in people.items():
            fits = bool(person.parts[1]) and _initial_fits(initial, person.parts[1])
            if person.parts[0].lower() == parts.surname.lower() and fits:
                return key
    if not parts.surname and parts.patronymic:
        # "Thank you, Berik Sagyndykovich": someone told of by name and patronymic
        return _the_one_by_given(parts.given_name, people)
    initialled = _initialled_before(parts, people)
    if initialled is None and parts.surname and parts.given_name:
        # "ұлым Дархан … хабар-ошарсыз. … Жақсылықов Дархан, 29 жаста": the one told of by
        # given name alone before, now named fully
        initialled = _the_one_by_given(parts.given_name, people, without_surname=True)
    if initialled is not None:
        # "Оспанова Н." first, "Оспанов Нурлан Бейсенович" later: the one person, named fully
        people[initialled].written = name
        people[initialled].parts = (parts.surname, parts.given_name, parts.patronymic)
        return initialled
    key = f"{parts.given_name} {parts.surname}".strip().lower()
    if key not in people:
        spelt_before = _spelt_otherwise(parts, people)
        if spelt_before is not None:
            return spelt_before
        people[key] = PersonTold(name, (parts.surname, parts.given_name, parts.patronymic))
    return key


def _initial_fits(initial: str, given: str) -> bool:
    """Whether an initial ("Е.", "Ye.", "Zh.") stands for the given name ``given``: its letters
    open it; "E." also stands for a "Ye…" (Yerlan, written Ерлан, is "E." in a transliteration
    letter by letter), and "Ye." for an "E…"."""
    letters, name = initial.rstrip(". ").lower(), given.lower()
    return (
        name.startswith(letters)
        or (letters == "e" and name.startswith("ye"))
        or (letters == "ye" and name.startswith("e"))
    )


def _spelt_otherwise(parts: NameParts, people: dict[str, PersonTold]) -> str | None:
    """The person told of before under another spelling or script of the same name
    ("Кенжалин Серик | KENZHALIN SERIK | Серік Кенжалин"): the first spelling stays."""
    if not parts.surname or not parts.given_name or parts.given_name.endswith("."):
        return None
    wanted = (name_key(parts.surname), name_key(parts.given_name))
    for key, person in people.items():
        if (name_key(person.parts[0]), name_key(person.parts[1])) == wanted:
            return key
    return None


def _the_one_by_given(
    given: str, people: dict[str, PersonTold], *, without_surname: bool = False
) -> str | None:
    """The one person told of before by the given name ``given`` (with no surname told, when
    ``without_surname``), or None when nobody or more than one is."""
    found = [
        key
        for key, person in people.items()
        if person.parts[1].lower() == given.lower() and not (without_surname and person.parts[0])
    ]
    return found[0] if len(found) == 1 else None


def _initialled_before(parts: NameParts, people: dict[str, PersonTold]) -> str | None:
    """The person told of before by surname and initial whom ``parts`` names in full: the same
    initial, and the same surname or its Russian genitive ("Оспанова Н." of Оспанов)."""
    if not parts.surname or not parts.given_name or parts.given_name.endswith("."):
        return None
    surname = parts.surname.lower()
    for key, person in people.items():
        told, given = person.parts[0].lower(), person.parts[1]
        if not re.fullmatch(r"(?:\w{1,2}\.\s?)+", given or "x"):
            continue
        if not _initial_fits(given.split()[0], parts.given_name):
            continue
        if told in (surname, surname + "а") or surname in (told, told + "а"):
            return key
    return None


# a surname, then an initial of two Latin letters for one Cyrillic ("Zh.")
_DIGRAPH_INITIAL_LAST = re.compile(rf"(\S+) ((?:{LATIN_DIGRAPH_INITIALS})\.)")
# a Kazakh family name made of a father's name ("Серкебайқызы", "Nurlanuly")
_KAZAKH_FAMILY_NAME = re.compile(r"(?:ұлы|улы|қызы|кызы|uly|kyzy|qyzy)$", re.IGNORECASE)
# how the surnames end that lists write before initials ("Сулейменов Д.", "Ткаченко В.")
_SURNAME_FIRST = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ына|ко|ук|юк|ұлы|улы|қызы|кызы|ov|ev|in|ova|eva|enko|uk|"
    r"uly|kyzy)$",
    re.IGNORECASE,
)


# how surnames end that registers write before a given name the dictionary knows ("Зуев
# Константин", "Классен Давид", "Бойко Олег"); Kazakh given names do not end so
_REGISTER_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ен|ко|ук|юк|ак|ай|ич|ер|ман)$")


def _running_text_order(name: str, parts: NameParts) -> NameParts:
    """Running text names the given name first: "Мәдина Исраилова", "Yerkin Sagyndykov" are a
    given name in "-ина" or "-in" and a surname in "-ова" or "-ov", whatever lists would make of
    two words with surname endings; "Timur K." is a given name and an initial."""
    words = name.split()
    digraph = _DIGRAPH_INITIAL_LAST.fullmatch(parts.surname)
    if digraph is not None and re.fullmatch(r"\w\.", parts.given_name):
        # "SARKYTBAYEV N.Zh.": the second initial is of two Latin letters, not the surname's
        parts = NameParts(digraph[1], parts.given_name, parts.patronymic or digraph[2])
    if re.fullmatch(r"[^\W\d_]", parts.given_name) and parts.given_name.isupper():
        # "… погибли двое: Мырзахметов Жасулан и Ахметжанов Р.": the sentence's full stop
        # was the initial's
        parts = NameParts(parts.surname, f"{parts.given_name}.", parts.patronymic)
    if (
        len(words) == 2
        and re.fullmatch(r"\w\.", words[1])
        and len(words[0]) > 3  # "Ким В.", "Ли А.": Korean surnames are short
        and not _SURNAME_FIRST.search(words[0])
    ):
        # "Timur K.", "Руслан Ж.": a given name and the surname's initial, as a family asked
        return NameParts(words[1], words[0], "")
    if (
        len(words) == 2
        and parts.surname == words[0]
        and (
            (
                re.search(r"(?:ина|ына|ina|ин|ын|in|yn)$", words[0], re.IGNORECASE)
                and re.search(r"(?:ов|ова|ев|ева|ёв|ёва|ov|ova|ev|eva)$", words[1], re.IGNORECASE)
            )
            # "Константин Фаст": a given name the dictionary knows, before a plain surname
            # (not "Легай Р.В.": a surname before initials)
            or ("." not in words[1] and given_name_before_surname(words[0], words[1]))
        )
    ):
        return NameParts(words[1], words[0], "")
    if (
        len(words) == 2
        and parts.surname == words[1]
        and not re.search(r"[әғқңөұүһі.]", name, re.IGNORECASE)  # Kazakh names, initials
        and _REGISTER_SURNAME.search(words[0])  # not "Жанболат Мамай"
        and given_name_before_surname(words[1], words[0])
    ):
        # "Зуев Константин", "Классен Давид": a register's order, the surname first, told by
        # the given name the dictionary knows after it (whatever "-ин" ends)
        return NameParts(words[0], words[1], "")
    if (
        len(words) == 2
        and (parts.surname, parts.patronymic) == (words[0], words[1])
        and _KAZAKH_FAMILY_NAME.search(words[1])
    ):
        # "Мәдина Серкебайқызы": a given name in "-ина" and a family name in "-қызы", which a
        # list would read as a surname and a patronymic with no given name between
        return NameParts(words[1], words[0], "")
    if (
        len(words) == 3
        and parts.patronymic == words[2]
        and parts.surname == words[1]
        and (
            given_name_before_surname(words[1], words[0])
            or re.search(r"(?:вич|вна|чна)$", words[2]) is not None
        )
    ):
        # "Дзюба Олег Викторович": a given name the dictionary knows before the patronymic,
        # a surname with no telling ending before it; a Russian patronymic last follows the
        # given name, whatever the dictionary knows ("ЛИГАЙ Вадим Олегович")
        surname = words[0].title() if words[0].isupper() else words[0]
        return NameParts(surname, words[1], words[2])
    return parts
