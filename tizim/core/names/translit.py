"""Transliteration of Kazakh and Russian Cyrillic names, for display beside the original.

``to_latin`` follows the press habit based on BGN/PCGN (Бақытжан → Bakytzhan, Төрегожина →
Toregozhina, Мұратбек Есенғазы → Muratbek Yesengazy, Жағыпаров → Zhagyparov): Kazakh letters
lose their marks (ә→a, ғ→g, қ→k, ң→n, ө→o, ұ/ү→u, і→i, һ→h) and е is "ye" at the start of a
word and after a vowel. It is for reading, not matching: matching uses ``keys.name_key``.
"""

from __future__ import annotations

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
}
_VOWELS = set("аәеёиоөуұүыіэюяaeiouy")
_RUSSIAN = str.maketrans(
    "әғқңөұүіһӘҒҚҢӨҰҮІҺ", "агкноуyихАГКНОУYИХ".replace("y", "у").replace("Y", "У")
)


def to_latin(text: str) -> str:
    """Readable Latin for a Kazakh or Russian Cyrillic name; other characters pass through."""
    out: list[str] = []
    for i, char in enumerate(text):
        lower = char.lower()
        latin = _LATIN.get(lower)
        if latin is None:
            out.append(char)
            continue
        previous = text[i - 1].lower() if i else ""
        if lower == "е" and (not previous.isalpha() or previous in _VOWELS or previous in "ъь"):
            latin = "ye"
        if char.isupper() and latin:
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prv = text[i - 1] if i else ""
            in_caps = (nxt.isalpha() and nxt.isupper()) or (
                prv.isalpha() and prv.isupper() and not nxt.isalpha()
            )
            latin = latin.upper() if in_caps else latin.capitalize()
        out.append(latin)
    return "".join(out)


def to_russian_cyrillic(text: str) -> str:
    """Kazakh Cyrillic folded to the Russian alphabet (Серікбаев → Серикбаев)."""
    return text.translate(_RUSSIAN)
