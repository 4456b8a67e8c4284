"""Canonical matching keys for name parts, identical across scripts and spelling systems.

The same name written in Kazakh Cyrillic, Russian Cyrillic, BGN/PCGN Latin, press Latin, a
passport's capitals or the 2021 Kazakh Latin alphabet gives the same key:
Бақытжан = Бахытжан = Bakhytzhan = Bahytzhan = Baqytjan → ``bakitjan``.

Fold rules (both scripts are first brought to one sound alphabet):

| sound | Cyrillic | Latin spellings | key |
|---|---|---|---|
| a | а ә | a ä | a |
| e | е э ё | e ye yo (ye/yo anywhere: Yerlan, Aliyev, Fyodorov) | e |
| i | и і ы й | i ı y | i |
| o | о ө | o ö | o |
| u | у ұ ү | u ū ü w (Dawren) | u |
| g | г ғ | g gh ğ | g |
| k | к қ х һ | k q kh h | k |
| n | н ң | n ñ | n |
| zh/j | ж дж | zh j dzh dj | j |
| sh | ш щ | sh ş shch | 1 |
| ch | ч | ch ç | 2 |
| ts | ц | ts c | 3 |
| ya, yu | я ю | ya ia, yu iu | ia, iu |
| — | ъ ь | ' ` | (dropped) |

then doubled letters collapse (Аллаяров = Alayarov) and case, marks and punctuation go. Names
that differ in a consonant or a full vowel stay apart (Ерлан/Ернар, Асель/Асем, Марат/Мурат).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Cyrillic straight to the key alphabet (lower case); й becomes "y" so that it meets the
# Latin digraph rules ("йе" = "ye" = "e") like a Latin spelling would.
_CYRILLIC = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "і": "i",
    "ы": "i",
    "й": "y",
    "к": "k",
    "қ": "k",
    "х": "k",
    "һ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "ц": "3",
    "ч": "2",
    "ш": "1",
    "щ": "1",
    "ъ": "",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
# Latin letters with a sound of their own in the 2021 alphabet and Turkic habits, before
# anyascii strips their marks.
_LATIN_SPECIAL = str.maketrans({"ş": "1", "Ş": "1", "ç": "2", "Ç": "2", "ı": "i", "İ": "i"})
_LATIN_DIGRAPHS = re.compile(r"shch|sh|dzh|dj|zh|kh|gh|ch|ts|ye|yo|yu|ya|iu|ia")
_DIGRAPH = {
    "shch": "1",
    "sh": "1",
    "dzh": "j",
    "dj": "j",
    "zh": "j",
    "kh": "k",
    "gh": "g",
    "ch": "2",
    "ts": "3",
    "ye": "e",
    "yo": "e",
    "yu": "iu",
    "ya": "ia",
    "iu": "iu",
    "ia": "ia",
}
_LATIN_SINGLE = str.maketrans({"h": "k", "q": "k", "c": "3", "w": "u", "y": "i", "x": "ks"})
_NOT_KEY = re.compile(r"[^a-z0-9]")
_DOUBLE = re.compile(r"(.)\1+")
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# "i" written between a vowel and "e" is a glide some spellings add (Serikbaiev = Serikbayev).
_GLIDE = re.compile(r"(?<=[aeiou])ie")


@lru_cache(maxsize=200_000)
def name_key(part: str) -> str:
    """The matching key of one name part (given name, surname or patronymic)."""
    text = part.strip().lower()
    if _HAS_CYRILLIC.search(text):
        text = text.translate(_CYRILLIC_TABLE)
        # Latin letters mixed into a Cyrillic name (a common typo: Latin "a" or "o") remain.
    text = anyascii(text.translate(_LATIN_SPECIAL)).lower()
    text = _LATIN_DIGRAPHS.sub(lambda m: _DIGRAPH[m.group()], text)
    text = text.translate(_LATIN_SINGLE)
    text = _NOT_KEY.sub("", text)
    text = _GLIDE.sub("e", text.replace("dj", "j"))
    return _DOUBLE.sub(r"\1", text)


# Surname endings by gender, on keys: the feminine form folds to the masculine.
_FEMININE = (("skaia", "ski"), ("3kaia", "3ki"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"))
_MASCULINE_ALIASES = (("skii", "ski"), ("ski", "ski"))


@lru_cache(maxsize=200_000)
def surname_key(part: str) -> str:
    """``name_key`` with the gender forms of a surname folded (Абенова → Абенов)."""
    key = name_key(part)
    for feminine, masculine in _FEMININE:
        if key.endswith(feminine) and len(key) > len(feminine) + 2:
            return key[: -len(feminine)] + masculine
    return key


# Patronymic endings on keys, longest first: Russian -ович/-евич/-ич, -овна/-евна/-ична;
# Kazakh -ұлы/-улы/-uly, -қызы/-кызы/-kyzy/-qyzy.
_PATRONYMIC_ENDINGS = ("ovi2", "evi2", "ovna", "evna", "i2na", "ina2", "uli", "kizi", "i2")


def _strip_patronymic(key: str) -> str | None:
    for ending in _PATRONYMIC_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key[: -len(ending)]
    return None


def is_patronymic(part: str) -> bool:
    """Whether a name part is a patronymic (Russian or Kazakh form, any script)."""
    key = name_key(part.replace(" ", "").replace("-", ""))
    return _strip_patronymic(key) is not None and not key.endswith("ina")


@lru_cache(maxsize=200_000)
def patronymic_key(part: str) -> str:
    """The father's given-name key of a patronymic: Мухтарович = Мұхтарұлы = Mukhtaruly =
    Мухтаровна = Mukhtarkyzy → name_key("Мухтар"). Not a patronymic: its plain name key."""
    key = name_key(part.replace(" ", "").replace("-", ""))
    return _strip_patronymic(key) or key


def initial_key(part: str) -> str:
    """The first sound of a name part in a script-independent form, so that the initials of
    ``Серикбаев Е.Б.`` can be compared with ``Yerlan Bolatovich Serikbayev``."""
    key = name_key(part)
    return key[:1]


def initials_compatible(initials: str, full_name_part: str) -> bool:
    """Whether an initial (``Е.``) can stand for a full name part (``Yerlan``)."""
    a, b = initial_key(initials), initial_key(full_name_part)
    return bool(a) and a == b


def is_initial(part: str) -> bool:
    """Whether a name part is only an initial (``Е.``, ``Е``, ``Ye.``)."""
    letters = [c for c in part if c.isalpha()]
    return 0 < len(letters) <= 1 or (part.strip().endswith(".") and len(letters) <= 2)


def full_name_keys(text: str) -> tuple[str, ...]:
    """The sorted name keys of every part of a full name (order-free), initials skipped."""
    parts = re.split(r"[\s,]+", text.replace(".", ". "))
    return tuple(sorted(name_key(p) for p in parts if p and not is_initial(p) and name_key(p)))
