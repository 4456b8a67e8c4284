"""Words of Russian names as the dictionary natasha brings reads them, and the shapes the
readers of names share: a surname before a given name, a patronymic in the nominative."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def dictionary() -> Any:
    """natasha's morphological dictionary (pymorphy's), loaded once per process."""
    from natasha import MorphVocab

    return MorphVocab()


def first_reading(word: str, vocab: Any) -> Any:
    """The dictionary's likeliest reading of ``word``."""
    return vocab.parse(word.lower())[0]


def consonant_a(word: str) -> bool:
    """A word ending in "-а" after a consonant ("Каната"), as a man's name in the genitive."""
    return len(word) > 3 and word.endswith("а") and word[-2].lower() not in "аеёиоуыэюяәөұүі"


#: a surname right before a given name and patronymic that natasha found without it
SURNAME_BEFORE = re.compile(
    r"(?<![\w-])([А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ко|ук|юк|ий|ая))[^\S\n]+$"
)
#: A patronymic in the nominative ends the name as written: "Сейдахметов Канат Болатович" is
#: nominative throughout, whatever natasha makes of a surname written first.
NOMINATIVE_PATRONYMIC = re.compile(r"(?:вич|вна|чна|ична|ұлы|улы|қызы|кызы)$")
