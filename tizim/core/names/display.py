"""Names as people read them: proper case for names typed in lower case, and one sort order
for every script.

Display only: the registry keeps every name exactly as its source wrote it.
"""

from __future__ import annotations

import re

from tizim.core.names.translit import to_latin

# The second word of a Kazakh or Azerbaijani patronymic is written in lower case
# (Мұхтар ұлы, Ахмед оглы): proper case leaves it so.
_LOWER_PARTICLES = frozenset({"ұлы", "улы", "қызы", "кызы", "оглы", "uly", "kyzy", "ogly"})
_WORD = re.compile(r"\S+")


def proper_case(name: str) -> str:
    """``name`` with each word typed all in lower case given a capital (``абенов нурлан`` →
    ``Абенов Нурлан``, ``сейткали-улы`` → ``Сейткали-Улы``); words with any capital (``McLean``,
    ``ДЖАКУПОВ``) are left as typed, and so are the lower-case particles of patronymics."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if not word.islower() or (match.start() > 0 and word in _LOWER_PARTICLES):
            return word
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))

    return _WORD.sub(fix, name)


def sort_key(name: str) -> str:
    """The key lists sort names by, the same whatever the script: the name in Latin letters,
    case-folded, so that Abenov, Абенов and Әбенов sit together between Abdrakhmanov and
    Abilov, not Latin names first and Cyrillic ones after."""
    return to_latin(name).casefold()
