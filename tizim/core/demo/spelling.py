"""How the demo's lists spell a name: Kazakh letters folded into Russian, four Latin styles,
typos, feminine surnames and patronymics. The generator's own transliteration, independent of
the name matcher it is used to evaluate."""

from __future__ import annotations

import random

from tizim.core.demo.vocabulary import RU_FEMININE, RUSSIAN_MALE


def ru_for(text: str, sex: str) -> str:
    """Russian text about a man, made to agree with a woman when ``sex`` is "f"."""
    if sex != "f":
        return text
    return " ".join(
        RU_FEMININE.get(word.rstrip(","), word.rstrip(",")) + ("," if word.endswith(",") else "")
        for word in text.split(" ")
    )


# --- spelling ------------------------------------------------------------------------------

_KK_TO_RU = str.maketrans("әғқңөұүіһӘҒҚҢӨҰҮІҺ", "агкноууихАГКНОУУИХ")

# Russian BGN/PCGN-like base; the styles below change what each writer does differently.
_LATIN_BASE = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya "
        "a g k ng o u u i h".split(),
        strict=True,
    )
)
_LATIN_BASE["ъ"] = _LATIN_BASE["ь"] = ""
# 2018-style Kazakh Latin (Қайрат → Qaırat), which many people still type.
_KZ_LATIN = {
    **_LATIN_BASE,
    **dict(
        zip(
            "әғжиймқңөұүхшчыюяё",
            "ä ğ j ı ı m q ñ ö ū ü h sh ch y ıu ıa ıo".split(),
            strict=True,
        )
    ),
}
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
LATIN_STYLES = ("bgn", "press", "kazakh", "kz-latin")


def to_russian(text: str) -> str:
    """Kazakh letters folded into the Russian alphabet, as Russian-language lists write them."""
    return text.translate(_KK_TO_RU)


def latin(text: str, style: str = "bgn", *, j: bool = False, h: bool = False) -> str:
    """A Latin rendering of a Cyrillic name as one writer would type it.

    ``bgn``: Yerlan Serikbayev, Kayrat (Kazakh letters folded as in Russian); ``press``: Erlan
    Serikbaev, Kairat; ``kazakh``: Kazakh letters kept apart (Qairat, Ghalymzhan); ``kz-latin``:
    the Kazakh Latin alphabet (Qaırat, Jūmabek). ``j`` writes ж as j, ``h`` writes х as h.
    """
    kz = style == "kz-latin"
    table = _KZ_LATIN if kz else _LATIN_BASE
    source = text if style in ("kazakh", "kz-latin") else to_russian(text)
    out: list[str] = []
    for i, char in enumerate(source):
        low = char.lower()
        prev = source[i - 1].lower() if i else ""
        piece = table.get(low, char)
        if style == "kazakh":
            piece = {"қ": "q", "ғ": "gh"}.get(low, piece)
        if low == "е" and not kz and (not prev or prev in _VOWELS or prev in "ъь"):
            # BGN spells an initial or post-vowel е as ye; the press mostly does not.
            piece = "ye" if style in ("bgn", "kazakh") else "e"
        elif low == "й" and style == "press" and prev in _VOWELS:
            piece = "i"
        if j and low == "ж":
            piece = "j"
        if h and low == "х":
            piece = "h"
        if char != low and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)


def typo(word: str, rng: random.Random) -> str:
    """One slip of a volunteer's keyboard: a letter dropped, doubled or swapped."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def feminine(surname: str) -> str:
    """The feminine form of a surname (Серікбаев → Серікбаева; Ким stays Ким)."""
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин", "ын")) else surname


def patronymic_of(father: str, sex: str, *, kazakh_style: bool) -> str:
    """A patronymic in Kazakh (Мұхтарұлы/Мұхтарқызы) or Russian (Мұхтарович/-овна) style."""
    male = sex == "m"
    if kazakh_style:
        return father + ("ұлы" if male else "қызы")
    if father.endswith("ий"):  # Юрий → Юрьевич
        return father[:-2] + ("ьевич" if male else "ьевна")
    if father.endswith("й"):  # Сергей → Сергеевич, Николай → Николаевич
        return father[:-1] + ("евич" if male else "евна")
    return father + ("ович" if male else "овна")


def other_style(patronymic: str, father: str, sex: str) -> str:
    """The same patronymic in the other style, as a volunteer may write it (a Russian
    father's name is never given the Kazakh -ұлы/-қызы)."""
    if father in RUSSIAN_MALE:
        return patronymic
    kazakh = patronymic.endswith(("ұлы", "қызы"))
    return patronymic_of(father, sex, kazakh_style=not kazakh)
