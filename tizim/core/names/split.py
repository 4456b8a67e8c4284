"""Splitting a full name into surname, given name and patronymic, whatever the order.

Lists write ``Торегожина Бахытжан`` (official order), ``Бақытжан Төрегожина`` (everyday order),
``ТОРЕГОЖИНА БАХЫТЖАН КАЙРАТОВНА``, ``Серикбаев Е.Б.`` (initials), ``Жағыпаров Ерлан Мұхтар
ұлы`` (a two-word Kazakh patronymic). Parts are recognised by their endings; when nothing
decides between two plain words, a first word with a surname ending is taken as the surname
(official order), else the order "Given Surname" is assumed ("Abzhan Makhambet" → surname
Makhambet: a guess, which is why matching compares names in both orders).
A Kazakh -ұлы/-қызы word beside a lone given name is a surname ("Бекжан Бекжанулы"); beside
a surname it is the patronymic. A Kazakh patronymic last puts the other two in official order
even when neither has a surname ending ("Жұмабай Әсет Ерланұлы"), and of three words the only
one with a surname ending is the surname. Digits make a name cell a ParseError, never a name
part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tizim.core.errors import ParseError

_SURNAME_ENDINGS = re.compile(
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ко|швили|ян|янц|ук|юк|"
    r"ev|eva|ov|ova|yev|yeva|iev|ieva|in|ina|yn|yna|sky|skaya|skiy|skii|ski|enko)$",
    re.IGNORECASE,
)
_PATRONYMIC_ENDINGS = re.compile(
    r"(?:ович|евич|ич|овна|евна|ична|инична|ұлы|улы|uly|ulı|ogly|оглы|қызы|кызы|kyzy|qyzy|"
    r"qızı|kizi|ovich|evich|ovna|evna|ichna)$",
    re.IGNORECASE,
)
_PATRONYMIC_SUFFIX_WORDS = {
    "ұлы",
    "улы",
    "uly",
    "ulı",
    "қызы",
    "кызы",
    "kyzy",
    "qyzy",
    "qızı",
    "оглы",
    "ogly",
    "кизи",
}
# Kazakh patronymic forms that families also use as surnames ("Бекжанулы").
_SURNAME_LIKE_PATRONYMIC = re.compile(
    r"(?:ұлы|улы|uly|ulı|ogly|оглы|қызы|кызы|kyzy|qyzy|qızı)$", re.IGNORECASE
)
#: Common surnames with no telling ending (Korean families of Kazakhstan, mostly): without
#: them "Ким Тимур" would be read as given name Ким.
PLAIN_SURNAMES = frozenset(
    (
        *("ким", "пак", "цой", "ли", "тен", "югай", "хегай", "огай", "когай", "шин", "хван"),
        *("тян", "нам", "kim", "pak", "park", "tsoy", "tsoi", "li", "lee", "ten", "yugay"),
        *("yugai", "khegay", "ogay", "kogay"),
    )
)
_FEMALE_PATRONYMIC = re.compile(
    r"(?:овна|евна|ична|қызы|кызы|kyzy|qyzy|qızı|ovna|evna|ichna)$", re.IGNORECASE
)
_FEMALE_SURNAME = re.compile(
    r"(?:ова|ева|ёва|ина|ына|ская|цкая|ova|eva|yeva|ina|yna|skaya)$", re.IGNORECASE
)
_MALE_SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ov|ev|yev|in|yn|sky|skiy|skii)$", re.IGNORECASE
)


@dataclass(frozen=True)
class NameParts:
    """The parts of a person's name, in the script they were written in ("" when absent)."""

    surname: str
    given_name: str
    patronymic: str

    @property
    def full(self) -> str:
        """Surname, given name, patronymic: the order official lists use."""
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)


def _is_initial(word: str) -> bool:
    return len(word) <= 3 and sum(c.isalpha() for c in word) == 1


def _tidy(word: str) -> str:
    """ALL-CAPS words become title case; others keep the case they were given."""
    if word.isupper() and sum(c.isalpha() for c in word) > 1:
        return "-".join(p.capitalize() for p in word.split("-"))
    return word


def _words(cleaned: str) -> list[str]:
    """The words of a name; a bracketed aside ("Нурлан (Нуржан)") stays with the word before
    it, so that nothing written is dropped and it never becomes a part of its own."""
    words: list[str] = []
    for token in _TOKENS.findall(cleaned):
        if token.startswith("(") and words:
            words[-1] = f"{words[-1]} {token}"
        elif (word := _name_word(token)) is not None:
            words.append(word)
        # else a dash or a stray mark between words: a separator, not part of a name
    return words


_TOKENS = re.compile(r"\([^)]*\)?|[^\s(]+")


# Lists of a million rows are written with a few thousand distinct words (names repeat far
# more than persons do), so each word is judged once per process, not once per row.
@lru_cache(maxsize=65_536)
def _name_word(token: str) -> str | None:
    """The token as a word of a name (tidied), or None when it has no letter."""
    return _tidy(token) if any(c.isalpha() for c in token) else None


@lru_cache(maxsize=65_536)
def _has_patronymic_ending(word: str) -> bool:
    """Whether a word (its first part, when a -ұлы/-қызы word was joined to it) ends like a
    patronymic and is long enough to be one."""
    bare = word.split(" ")[0]
    return bool(_PATRONYMIC_ENDINGS.search(bare)) and len(bare) > 5


@lru_cache(maxsize=65_536)
def _has_surname_ending(word: str) -> bool:
    """Whether a word (not the patronymic) looks like a surname: -ов/-ова…, a Kazakh
    -ұлы/-қызы form, or one of the common surnames without a telling ending. A double
    surname (Абенов-Ким, Сулейменова-Ли) is one when a part of it ends like a surname, or
    when every part is a surname without a telling ending (Ким-Пак)."""
    bare = word.split(" ")[0]
    if _ends_like_surname(bare) or bare.casefold() in PLAIN_SURNAMES:
        return True
    parts = [p for p in bare.split("-") if p]
    if len(parts) < 2:
        return False
    return any(_ends_like_surname(p) for p in parts) or all(
        p.casefold() in PLAIN_SURNAMES for p in parts
    )


def _ends_like_surname(word: str) -> bool:
    return (bool(_SURNAME_ENDINGS.search(word)) and len(word) > 4) or bool(
        _SURNAME_LIKE_PATRONYMIC.search(word)
    )


# A word ending in a capital followed by a word starting with a small letter: the space was
# typed one letter early ("ЖасұланШ алабаев" for "Жасұлан Шалабаев").
_LATE_CAPITAL = re.compile(r"(?<=[^\W\d_])([^\W\d_]) (?=[^\W\d_])")
# Prefixes written with a capital inside one surname: McDonald, DiCaprio, МакДональд.
_INNER_CAPITAL_PREFIXES = frozenset({"mc", "mac", "di", "de", "le", "la", "fitz", "van", "мак"})


def _split_glued(word: str) -> str:
    for at in range(len(word) - 2, 1, -1):
        if (
            word[at - 1].islower()
            and word[at].isupper()
            and word[at + 1].islower()
            and word[:at].casefold() not in _INNER_CAPITAL_PREFIXES
            and sum(map(str.isalpha, word[:at])) >= 3
        ):
            return f"{_split_glued(word[:at])} {word[at:]}"
    return word


def _late_capital(match: re.Match[str]) -> str:
    before = match.string[match.start() - 1]
    after = match.string[match.end()]
    if before.islower() and match.group(1).isupper() and after.islower():
        return f" {match.group(1)}"
    return match.group()


def _mend_word_breaks(text: str) -> str:
    """Put back spaces typed in the wrong place when the capitals show where words begin.

    Only in a name written in mixed case (a name in capitals or in small letters says nothing
    of where its words begin). A word starting with one small letter and a capital ("рМахамбетова")
    is left alone: it may be the end of the word before it or two letters swapped
    ("еКнжегалиов" for "Кенжегалиов"); linkage compares such names by string distance.
    """
    if text.isupper() or text.islower():
        return text
    text = " ".join(_split_glued(word) for word in text.split(" "))
    return _LATE_CAPITAL.sub(_late_capital, text)


def split_full_name(text: str) -> NameParts:
    """Surname, given name and patronymic of a full name in any order.

    Raises ParseError when there is no name: empty text, no letters, or digits (a date or a
    number in the name cell is a mistake a person should look at, not a part of a name).
    """
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    if not any(map(str.isalpha, cleaned)):
        raise ParseError("empty name" if not cleaned else f"not a name: {cleaned}")
    if any(map(str.isdigit, cleaned)):
        raise ParseError(f"not a name (it has digits): {cleaned}")
    # Initials written together ("Е.Б.") become separate words.
    cleaned = re.sub(r"(?<=\w)\.(?=\w)", ". ", cleaned)
    cleaned = _mend_word_breaks(cleaned)
    # A two-word Kazakh patronymic ("Мұхтар ұлы") becomes one word of the name.
    split_patronymic: set[int] = set()
    words: list[str] = []
    for word in _words(cleaned.replace(",", " ")):
        if words and word.casefold() in _PATRONYMIC_SUFFIX_WORDS:
            words[-1] = f"{words[-1]} {word.lower()}"
            split_patronymic.add(len(words) - 1)
        else:
            words.append(word)

    candidates = [
        i for i, word in enumerate(words) if i in split_patronymic or _has_patronymic_ending(word)
    ]
    patronymic = ""
    if candidates:
        at = candidates[-1]  # "Бекжанулы Бекжан Маратович": the -ұлы word is a surname
        if (
            len(candidates) == 1
            and len(words) == 2
            and not any(_is_initial(w) for w in words)
            and at not in split_patronymic
            and _SURNAME_LIKE_PATRONYMIC.search(words[at])
            and not _has_surname_ending(words[1 - at])
        ):
            # "Бекжан Бекжанулы": a Kazakh -ұлы/-қызы name beside a given name alone is a
            # surname; since the 1990s many families use the patronymic form as one.
            return NameParts(words[at], words[1 - at], "")
        # a Kazakh patronymic last is the order of official lists: surname, given name,
        # patronymic, the surname often of no telling ending ("Жұмабай Әсет Ерланұлы")
        official = (
            at == len(words) - 1
            and len(words) == 3
            and bool(_SURNAME_LIKE_PATRONYMIC.search(words[at]))
        )
        patronymic = words.pop(at)
    else:
        official = False

    initials = [w for w in words if _is_initial(w)]
    names = [w for w in words if not _is_initial(w)]
    if len(names) == 2 and len(initials) == 1 and not patronymic and _is_initial(words[-1]):
        # "Iskakov Dauren S.", "Иванов Иван И.": a surname, a given name, the patronymic's initial
        surname_at = _surname_position(names)
        return NameParts(names[surname_at], names[1 - surname_at], initials[0])
    if initials:
        # "Серикбаев Е.Б.": the full words are the surname, initials the given name and
        # patronymic; any further initials stay with the given name, nothing is dropped.
        rest = list(initials)
        given = rest.pop(0)
        if not patronymic and rest:
            patronymic = rest.pop(0)
        return NameParts(" ".join(names), " ".join([given, *rest]), patronymic)
    if not names:
        return NameParts("", "", patronymic)
    if len(names) == 1:
        only = names[0]
        if _has_surname_ending(only):
            return NameParts(only, "", patronymic)
        return NameParts("", only, patronymic)
    surname_at = 0 if official and not _has_surname_ending(names[1]) else _surname_position(names)
    surname = names.pop(surname_at)
    given = names.pop(0) if names else ""
    if names and not patronymic:
        patronymic = names.pop(0)
    if names:  # more words than parts: keep them with the given name, nothing dropped
        given = " ".join([given, *names])
    return NameParts(surname, given, patronymic)


def _surname_position(names: list[str]) -> int:
    endings = [_has_surname_ending(w) for w in names]
    if endings[0] and not all(endings):
        return 0
    if endings[-1] and not endings[0]:
        return len(names) - 1
    if sum(endings) == 1:
        return endings.index(True)  # "Мұрат Қожахметов Шиеліде": the one surname among them
    # Nothing decides: official lists write the surname first, everyday lists last; three
    # words without a recognised patronymic are official order (Фамилия Имя Отчество).
    if len(names) >= 3 or endings[0]:
        return 0
    return len(names) - 1


def guess_sex(parts: NameParts) -> str:
    """ "f", "m" or "" from the patronymic, else from the surname's ending."""
    return _sex_of(parts.patronymic, parts.surname)


@lru_cache(maxsize=65_536)
def _sex_of(patronymic: str, surname: str) -> str:
    if patronymic and not _is_initial(patronymic):
        if _FEMALE_PATRONYMIC.search(patronymic):
            return "f"
        if _PATRONYMIC_ENDINGS.search(patronymic):
            return "m"
    # A double surname tells the sex by whichever part has a gendered ending: Абенов-Ким
    # is a man's, Ким-Абенова a woman's.
    for part in reversed(surname.split("-")):
        if _SURNAME_LIKE_PATRONYMIC.search(part):
            return "f" if _FEMALE_PATRONYMIC.search(part) else "m"
        if _FEMALE_SURNAME.search(part):
            return "f"
        if _MALE_SURNAME.search(part):
            return "m"
    return ""
