"""Canonical matching keys for name parts, identical across scripts and spelling systems.

One name written in Kazakh Cyrillic, Russian Cyrillic, BGN/PCGN Latin, press Latin, a Kazakh
passport's capitals or the 2021 Kazakh Latin alphabet gives one key:
Бақытжан = Бахытжан = Bakhytzhan = Bahytzhan = BAKYTZHAN = Baqytjan → ``bakitjan``.

A key is short, lower-case ASCII and stable (it is stored and used for blocking); it need not
be readable. ``1``, ``2`` and ``3`` stand for the sounds sh, ch and ts.

Fold rules. Cyrillic goes letter by letter to the key alphabet; Latin is lower-cased, its
marks are stripped (ä ö ü ū ğ ñ → a o u u g n) and its digraphs read; then both meet the same
context rules ("C" = consonant, "V" = vowel).

| key | Cyrillic | Latin | for example |
|---|---|---|---|
| a | а ә | a ä á ə | Әбішев = Abishev = Äbişev |
| e | е э ё | e; ye at the start or after V; yo | Yerlan = Erlan; Aliyev = Aliev |
| ie | ье, ъе | ye after C | Юрьев = Yuryev = Yuriev |
| i | и і ы й | i ı y | Қайрат = Kayrat = Qaırat |
| o | о ө | o ö ó | Төрегожина = Toregozhina |
| u | у ұ ү | u ū ü ú ý w | Дәурен = Dawren |
| u | в between V and C | v between V and C | Даврен = Дәурен, Давлет = Дәулет |
| g | г ғ | g gh ğ ǵ | Toreghozhina = Торегожина |
| k | к қ х һ | k q kh h | Бахытжан = Bahytzhan = Baqytjan |
| n | н ң; нг before C or at the end | n ñ ń; ng before C or at the end | Мыңбай = Myngbay |
| j | ж дж | zh j dzh dj | Zhagiparov = Jagiparov; Джамбул = Jambul |
| 1 (sh) | ш щ | sh ş shch | Щукин = Shchukin |
| 2 (ch) | ч | ch ç | Чингиз = Çingiz |
| 3 (ts) | ц тс | ts c | Цой = Tsoy = Coi |
| ks | кс | ks x | Алексей = Alexei |
| ia, iu | я ю (ия, ию) | ya ia, yu iu | Юлия = Yuliya = Iuliia |
| (dropped) | и between V and е | i between V and e | Serikbaiev = Serikbayev |
| (dropped) | ы in ауы before C | y in auy before C | Бауыржан = Бауржан = Baurzhan |
| (dropped) | ъ ь, other signs | ' ` - spaces, digits, other signs | Ol'ga = Ольга |
| one letter | doubled letters | doubled letters | Аллаяров = Alayarov, Asset = Асет |

Why: Kazakh passports and the press write ә ө ұ ү і ы ғ қ ң without marks; Russian-language
documents fold ә→а, қ→к or х, ғ→г, ң→н, ү/ұ→у, і→и; Latin spellers write х as kh, h or q,
ж as zh or j, and Е at a word's start as Ye or E. The 2021 Kazakh alphabet's ä ğ q ñ ö ū ü ı ş
and the 2018 one's á ǵ ń ó ú ý are read as the letters they stand for.

Latin letters typed inside a Cyrillic word (a Latin "i" for "і", "C" for "С", "H" for "Н") are read
as the Cyrillic letters they look like.

What is *not* folded, on purpose: a different consonant or a different full vowel (Ерлан/Ернар,
Асель/Асем, Марат/Мурат, Нурлан/Нуржан, Серик/Сергей, Айдос/Айдар, Данияр/Даниял, Болат/Булат,
Нурсултан/Нурсолтан, -ов/-ев); ш against ч (so the French "Abichev" for Абишев and the Russian
Чокан for Шоқан do not match, but Шукин and Чукин stay apart); я after л against а (Ляззат
against Ләззат: folding it would join Лиана and Лана); ng before a vowel against n (Тенгиз
against Теңіз: folding it would join Инга and Инна). Those are related *names* rather than
spellings of one name, or spellings outside the systems above; they belong to a variant table or
to string similarity in linkage, not to an exact key. Known over-folds, the price of
k = q = kh = h: Хан = Кан, Хасен = Касен. ``tests/core/data/name_pairs.csv`` measures all this.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from anyascii import anyascii

_CYRILLIC_RANGE = "\u0400-\u04ff"
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC_RANGE}]")

# Cyrillic straight to the key alphabet (lower case). й becomes "y" and ё "yo" so that "йе",
# "йа" and "ьё" meet the Latin digraph rules as "ye", "ya" and "yo" would; ъ and ь become "'" so
# that "ье" can become "ie" (Юрьев = Yuryev) before the apostrophe is dropped, and э is "E"
# until then, for "ьэ" is not "ье".
_CYRILLIC_LOWER = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
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
    "ъ": "'",
    "ь": "'",
    "э": "E",
    "ю": "iu",
    "я": "ia",
    "є": "ie",
    "ї": "i",
    "ґ": "g",
    "ў": "u",
}
# Latin letters that look like Cyrillic ones are read as those when a part has Cyrillic in it
# (a Latin "i" typed for "і", "C" for "С"). Case matters: "H" and "B" look like Н and В, "h"
# like һ, while "b" looks like no Cyrillic letter.
_HOMOGLYPHS = dict(zip("ABCEHIKMOPTXYacehikopxy", "АВСЕНІКМОРТХУасеһікорху", strict=True))
# Latin letters with a sound of their own in the Kazakh alphabets of 2018 and 2021 and in Turkic
# habits, read before anyascii strips their marks (it would make ş "s" and ý "y").
_LATIN_MARKS = {"ş": "1", "ç": "2", "ı": "i", "ə": "a", "ý": "u"}
# Digits are dropped on the way in, because 1, 2 and 3 are key letters.
_NO_DIGITS: dict[str, str | None] = {d: None for d in "0123456789"}
# One pass for a Cyrillic part: both cases, look-alikes, marks and digits.
_CYRILLIC = str.maketrans(
    _CYRILLIC_LOWER
    | {c.upper(): k for c, k in _CYRILLIC_LOWER.items()}
    | {latin: _CYRILLIC_LOWER[cyr.lower()] for latin, cyr in _HOMOGLYPHS.items()}
    | _LATIN_MARKS
    | _NO_DIGITS
)
_LATIN_FIRST = str.maketrans(_LATIN_MARKS | _NO_DIGITS)
_DIGRAPHS = re.compile(r"shch|sh|dzh|dj|zh|kh|gh|ch|ts|ye|yo|yu|ya")
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
    "yo": "e",
    "yu": "iu",
    "ya": "ia",
}
_VOWELS = frozenset("aeiouy")


def _digraph(match: re.Match[str]) -> str:
    found = match.group()
    if found != "ye":
        return _DIGRAPH[found]
    # "ye" is e at a word's start and after a vowel (Yerlan, Aliyev) but "ie" after a consonant,
    # where it stands for "ье" (Yuryev = Юрьев).
    start = match.start()
    return "e" if start == 0 or match.string[start - 1] in _VOWELS else "ie"


_SINGLES = str.maketrans({"h": "k", "q": "k", "c": "3", "w": "u", "y": "i", "x": "ks"})
_NOT_KEY = re.compile(r"[^a-z123]+")
# After the letters: "ng" before a consonant or at the end is ң written "ng" (Myngbay = Мыңбай);
# before a vowel it stays, for Инга is not Инна. v between a vowel and a consonant is the Kazakh
# у (Даврен = Дәурен), and an "i" between a vowel and e is a glide some spellings add
# (Serikbaiev = Serikbayev).
_NG = re.compile(r"ng(?![aeiou])")
_V = re.compile(r"(?<=[aeiou])v(?=[^aeiou])")
_GLIDE = re.compile(r"(?<=[aeiou])i+(?=e)")
# Kazakh "ауы" before a consonant is written "ау" in Russian (Бауыржан = Бауржан = Baurzhan).
_AUY = re.compile(r"(?<=au)i+(?=[^aeiou])")
_DOUBLE = re.compile(r"(.)\1+")


def _letters(part: str) -> str:
    """A part in the key alphabet, before the context rules and before doubles collapse."""
    if _HAS_CYRILLIC.search(part):
        # Lower-cased after the table, which tells Latin "H" (Н) from "h" (һ).
        text = part.translate(_CYRILLIC)
        if "'" in text:
            # "ье" is "ye" after a consonant in Latin (Yuryev = Юрьев); a plain "е" is "e".
            text = text.replace("'e", "ie")
        text = text.lower()
    else:
        text = part.lower().translate(_LATIN_FIRST)
    if not text.isascii():
        text = anyascii(text).lower()
    text = _DIGRAPHS.sub(_digraph, text)
    return _NOT_KEY.sub("", text.translate(_SINGLES))


def _finish(letters: str) -> str:
    text = _NG.sub("n", letters)
    if "v" in text:
        text = _V.sub("u", text)
    if "ie" in text:
        text = _GLIDE.sub("", text)
    if "aui" in text:
        text = _AUY.sub("", text)
    return _DOUBLE.sub(r"\1", text)


@lru_cache(maxsize=500_000)
def name_key(part: str) -> str:
    """The matching key of one name part (given name, surname or patronymic).

    Equal for one name in any script or spelling system listed in the module's fold table
    (Бақытжан, BAKHYTZHAN, Bahytzhan, Baqytjan → ``bakitjan``); case, marks, apostrophes, spaces
    and digits are ignored. "" when the part has no letters.
    """
    return _finish(_letters(part))


# Surname endings by gender, in the key alphabet, longest first: the feminine form (and the
# spelling variants of the masculine) fold to the masculine, so that a masculine surname keeps
# its name_key (linkage blocks on name order being free and mixes the two). -ев and -ов are
# kept apart: Dostyarev for Достияров is a known miss rather than a fold on every surname.
_SURNAME_ENDINGS = (
    ("skaia", "ski"),
    ("3kaia", "3ki"),
    ("skii", "ski"),
    ("3kii", "3ki"),
    ("kizi", "uli"),
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
    ("aia", "oi"),
)


@lru_cache(maxsize=500_000)
def surname_key(part: str) -> str:
    """``name_key`` with a surname's gender forms folded, so a brother and sister share it.

    Абенов = Абенова = Abenova, Серікбаев = Serikbayeva, Никитин = Nikitina, Сухомлинский =
    Sukhomlinskaya = Sukhomlinsky, Толстой = Толстая, Жұмабекұлы = Жұмабекқызы. The masculine
    form keeps its ``name_key``: ``surname_key("Абенов") == name_key("Абенов")``.
    """
    # On the letters before doubles collapse, so that Жұмабекқызы keeps the к of its stem.
    letters = _letters(part)
    for ending, common in _SURNAME_ENDINGS:
        # A stem of at least two letters: "Ина", "Ева", "Нина" are whole names, not endings.
        if letters.endswith(ending) and len(letters) >= len(ending) + 2:
            return _finish(letters[: -len(ending)] + common)
    return _finish(letters)


# Patronymic endings in the key alphabet (before doubles collapse), longest first: Russian
# -ович/-евич, -овна/-евна; Kazakh -ұлы/-улы/-uly, -қызы/-кызы/-kyzy/-qyzy; Azerbaijani оглы.
# The flag says whether a stem ending in a vowel gets back the й that -евич swallowed
# (Сергеевич ← Сергей, Николаевич ← Николай, Дмитриевич ← Дмитрий, Жұмабаевич ← Жұмабай).
_PATRONYMIC_ENDINGS = (
    ("ovi2", False),
    ("evi2", True),
    ("ovna", False),
    ("evna", True),
    ("uli", False),
    ("kizi", False),
    ("ogli", False),
)
# The short Russian forms in -ич/-ична belong to a handful of names ending in -а/-я; listed,
# because a general -ич rule would take surnames such as Бабич for patronymics.
_IRREGULAR_PATRONYMICS = {
    "Ильич": "Илья",
    "Ильинична": "Илья",
    "Никитич": "Никита",
    "Никитична": "Никита",
    "Фомич": "Фома",
    "Фоминична": "Фома",
    "Кузьмич": "Кузьма",
    "Кузьминична": "Кузьма",
    "Лукич": "Лука",
    "Лукинична": "Лука",
    "Саввич": "Савва",
    "Саввична": "Савва",
}


def _father_letters(letters: str) -> str | None:
    for ending, restores_y in _PATRONYMIC_ENDINGS:
        if letters.endswith(ending) and len(letters) >= len(ending) + 2:
            stem = letters[: -len(ending)]
            if restores_y and stem[-1] in "aeiou":
                stem += "i"
            return stem
    return None


_IRREGULAR_KEYS = {name_key(p): name_key(n) for p, n in _IRREGULAR_PATRONYMICS.items()} | {
    name_key("Ilyich"): name_key("Илья"),
    name_key("Ilyinichna"): name_key("Илья"),
    name_key("Nikitichna"): name_key("Никита"),
}


def is_patronymic(part: str) -> bool:
    """Whether a name part is a patronymic: Мухтарович, Мухтаровна, Мұхтарұлы, Мұхтарқызы,
    Mukhtaruly, Mukhtarkyzy, "Мұхтар ұлы" (a two-word form the caller has joined or not)."""
    letters = _letters(part)
    return _father_letters(letters) is not None or _finish(letters) in _IRREGULAR_KEYS


@lru_cache(maxsize=500_000)
def patronymic_key(part: str) -> str:
    """The father's given-name key of a patronymic, whatever its language, script and gender.

    Мухтарович = Мухтаровна = Мұхтарұлы = Мұхтарқызы = "Мухтар улы" = Mukhtaruly =
    Mukhtarovich = Mukhtarkyzy → ``name_key("Мухтар")``. A part that is not a patronymic gives
    its plain ``name_key``.
    """
    letters = _letters(part)
    stem = _father_letters(letters)
    if stem is not None:
        return _finish(stem)
    key = _finish(letters)
    return _IRREGULAR_KEYS.get(key, key)


# The two-letter starts of a key that are one letter in Cyrillic (Я, Ю).
_TWO_LETTER_INITIALS = ("ia", "iu")


def initial_key(part: str) -> str:
    """The first sound of a name part in a script-independent form.

    ``initial_key("Е.") == initial_key("Yerlan") == initial_key("Erlan") == "e"``; Ж/Zh/J give
    "j", Х/Kh/H/Қ/Q/К give "k", Ш/Sh "1", Ч/Ch "2", Ю/Yu "iu", Я/Ya "ia", Ы/И/І/Й/Y/I "i".
    "" when the part has no letters.
    """
    key = name_key(part)
    if key.startswith(_TWO_LETTER_INITIALS):
        return key[:2]
    return key[:1]


# What a bare Latin initial may abbreviate: "Y." is Ye, Yu, Ya or Y; "Z." may be cut from
# "Zh.", "S." from "Sh." and so on.
_LATIN_INITIAL_OPTIONS = {
    "i": frozenset({"i", "ia", "iu"}),
    "z": frozenset({"z", "j"}),
    "s": frozenset({"s", "1"}),
    "3": frozenset({"3", "2", "k"}),
    "t": frozenset({"t", "3"}),
    "d": frozenset({"d", "j"}),
}


def _initial_options(part: str) -> frozenset[str]:
    key = initial_key(part)
    if not key:
        return frozenset()
    letters = [c for c in part if c.isalpha()]
    if len(letters) == 1 and letters[0].isascii():
        if letters[0] in "yY":
            return frozenset({"i", "ia", "iu", "e"})
        return _LATIN_INITIAL_OPTIONS.get(key, frozenset({key}))
    return frozenset({key})


def initials_compatible(initials: str, full_name_part: str) -> bool:
    """Whether an initial (``Е.``, ``Ye.``, ``Y.``) can stand for a full name part (``Yerlan``).

    A Cyrillic initial is one letter of the Cyrillic name, so ``Д.`` also fits ``Джамбул`` and
    ``Jambul``; a bare Latin letter may be a cut digraph (``Y.`` for Yerlan, ``Z.`` for Zhanna).
    """
    options = _initial_options(initials)
    if not options:
        return False
    full = initial_key(full_name_part)
    if full in options:
        return True
    # Дж is one sound but two Cyrillic letters, and a Cyrillic initial takes the first.
    return full == "j" and "d" in options and _starts_with_dzh(full_name_part)


def initial_search_keys(part: str) -> frozenset[str]:
    """The starts of the name keys an initial (``Д.``, ``D``, ``Ye.``) may abbreviate, for
    finding ``Абдикадыров Д.`` among full names: ``Д.`` may be Даурен or Джамбул (d, j)."""
    options = set(_initial_options(part))
    if "d" in options:
        options.add("j")
    return frozenset(options)


def _starts_with_dzh(part: str) -> bool:
    return part.strip().lower().startswith(("дж", "dzh", "dj", "j"))


def is_initial(part: str) -> bool:
    """Whether a name part is only an initial (``Е.``, ``Е``, ``Ye.``, ``Zh.``)."""
    letters = sum(map(str.isalpha, part))
    # Two letters with a full stop are a Latin digraph's initial (Zh., Sh., Ye.), not a name.
    return 0 < letters <= 1 or (part.strip().endswith(".") and letters <= 2)


_WORDS = re.compile(r"[^\s,;.]+\.?")
# The second word of a two-word Kazakh patronymic (Мұхтар ұлы), joined to the first.
_PATRONYMIC_WORDS = frozenset({"uli", "kizi", "ogli"})


def full_name_keys(text: str) -> tuple[str, ...]:
    """The sorted ``name_key`` of every part of a full name, for order-free comparison.

    Initials (``Е.Б.``) and punctuation are skipped, and the two words of a Kazakh patronymic
    (``Мұхтар ұлы``) are keyed as one, so ``Торегожина Бахытжан`` = ``Bakhytzhan Toregozhina``.
    """
    words: list[str] = []
    for word in _WORDS.findall(text):
        if is_initial(word):
            continue
        key = name_key(word)
        if key in _PATRONYMIC_WORDS and words:
            words[-1] += word
        elif key:
            words.append(word)
    return tuple(sorted(name_key(word) for word in words))


# Two spellings of one word in keys ("toregozhina"/"toregozhena") are at least this alike.
_SAME_WORD_RATIO = 0.8


def names_may_match(name_a: str, name_b: str) -> bool:
    """Could two rows naming someone by surname and given name (``"Абенов Нурлан"``, in any
    order and script) name the same person? For deciding whether a re-sent row with a known
    id is that record's new version or someone else who took over the id (a renumbered sheet).

    True when either has no name (nothing contradicts), or when every word of the shorter
    name has the same or an alike key in the other: a spelling fixed or a script changed
    keeps the match; brothers (``Абенов Нурлан`` / ``Абенов Ерлан``), sisters and neighbours
    sharing one word do not match. Patronymics are left out by the caller: they are often
    added later and brothers share them.
    """
    keys_a = {name_key(word) for word in _WORDS.findall(name_a) if not is_initial(word)}
    keys_b = {name_key(word) for word in _WORDS.findall(name_b) if not is_initial(word)}
    keys_a.discard("")
    keys_b.discard("")
    if not keys_a or not keys_b:
        return True
    shorter, longer = sorted((keys_a, keys_b), key=len)
    return all(
        word in longer
        or any(
            difflib.SequenceMatcher(None, word, other).ratio() >= _SAME_WORD_RATIO
            for other in longer
        )
        for word in shorter
    )
