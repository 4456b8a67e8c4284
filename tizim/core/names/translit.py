"""Transliteration of Kazakh and Russian Cyrillic names, for display beside the original.

``to_latin`` writes the press style that grew out of BGN/PCGN and that Kazakh passports and
the international press mostly use: plain ASCII, digraphs for the hissing sounds, no marks.

| Cyrillic | Latin | note |
|---|---|---|
| а ә | a | ә loses its mark (Әбішев → Abishev) |
| е | ye, e | "ye" at a word's start and after a vowel, ъ or ь (Ерлан → Yerlan, Алиев → Aliyev) |
| э | e | |
| ё | yo | Фёдоров → Fyodorov |
| ж | zh | Жағыпаров → Zhagyparov |
| и і | i | |
| й | y | Кайрат → Kayrat, Дмитрий → Dmitriy |
| ы | y | Бақытжан → Bakytzhan |
| г ғ | g | Есенғазы → Yesengazy (BGN's "gh" is rarely seen in the press) |
| к қ | k | Бақытжан → Bakytzhan (not "q": that is the 2021 Kazakh alphabet) |
| х | kh | Махамбет → Makhambet |
| һ | h | |
| н ң | n | Шыңғыс → Shyngys |
| о ө | o | Төрегожина → Toregozhina |
| у ұ ү | u | Мұратбек → Muratbek |
| ц ч ш щ | ts ch sh shch | |
| ю я | yu ya | |
| ъ ь | (dropped) | the press drops BGN's apostrophes |

The initial "Ye" for Е is a choice: it is what BGN/PCGN, Kazakh passports of the 2000s and most
English-language reporting use (Yerlan, Yesengazy), and it keeps the reader from saying a Russian
"e" as in "bed"; "Erlan" and "Esengazy" match it anyway in ``keys.name_key``. Case is kept
(ТОРЕГОЖИНА → TOREGOZHINA, Жағыпаров → Zhagyparov) and every other character passes through, so
Latin input comes out unchanged. The output is for reading; matching uses ``keys.name_key``.

``to_russian_cyrillic`` folds the nine Kazakh-only letters onto the Russian alphabet the way
Russian-language documents write Kazakh names (Серікбаев → Серикбаев, Мұхтарұлы → Мухтарулы).
"""

from __future__ import annotations

import re

_LATIN: dict[str, str] = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "қ": "k",
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
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Ukrainian and Belarusian letters turn up in the names of people from elsewhere.
    "є": "ye",
    "ї": "yi",
    "ґ": "g",
    "ў": "w",
}
# A vowel (or a sign) before "е" makes it "ye": Алиев → Aliyev, Подъезд → Podyezd.
_YE_AFTER = frozenset("аәеёиоөуұүыіэюяъьaeiouy")

_RUSSIAN = str.maketrans("әғқңөұүіһӘҒҚҢӨҰҮІҺ", "агкноууихАГКНОУУИХ")
# Kazakh text is often typed on a Russian keyboard with the Latin "i"/"I" standing in for "і"/"І";
# inside a Cyrillic word it can only mean that letter.
_LATIN_I_IN_CYRILLIC = re.compile(r"(?<=[\u0400-\u04ff])[iI]|[iI](?=[\u0400-\u04ff])")


def _case_like(latin: str, text: str, i: int) -> str:
    """Upper-case a digraph in the shape of its surroundings: Zh in Zhan, ZH in ZHAN."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prv = text[i - 1] if i else ""
    in_caps = (nxt.isalpha() and nxt.isupper()) or (
        prv.isalpha() and prv.isupper() and not nxt.isalpha()
    )
    return latin.upper() if in_caps else latin.capitalize()


def to_latin(text: str) -> str:
    """Readable press-style Latin for a Kazakh or Russian Cyrillic name.

    Бақытжан Төрегожина → Bakytzhan Toregozhina, Мұратбек Есенғазы → Muratbek Yesengazy.
    Case and non-letters are kept; Latin (and any other) text passes through unchanged.
    """
    if text.isascii():
        return text
    out: list[str] = []
    previous = ""
    for i, char in enumerate(text):
        lower = char.lower()
        latin = _LATIN.get(lower)
        if latin is None:
            out.append(char)
        else:
            if lower == "е" and (not previous.isalpha() or previous in _YE_AFTER):
                latin = "ye"
            if latin and char.isupper():
                latin = _case_like(latin, text, i)
            out.append(latin)
        previous = lower
    return "".join(out)


def to_russian_cyrillic(text: str) -> str:
    """Kazakh Cyrillic folded to the Russian alphabet: Серікбаев Жұмабек → Серикбаев Жумабек.

    ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, і→и, һ→х, keeping case. ы stays ы, as Russian documents
    keep it (Бақытжан → Бакытжан, not Бакитжан); a Latin "i" typed for "і" inside a Cyrillic word
    becomes "и". Text without Kazakh letters is returned unchanged.
    """
    if "i" in text or "I" in text:
        text = _LATIN_I_IN_CYRILLIC.sub(lambda m: "И" if m.group() == "I" else "и", text)
    return text.translate(_RUSSIAN)
