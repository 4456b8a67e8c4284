"""Numbers written the way each language of the site writes them, and the Kazakh case endings
a number takes when a word follows it.

* Thousands: English writes ``10,000``; Kazakh and Russian write ``10 000`` with a space —
  here a no-break space (U+00A0), so that ``10 000`` never breaks across two lines, in a
  table cell or on a chart's axis. Decimals: a point in English, a comma in Kazakh and Russian.
* In Kazakh, "nearly 10 000" is ``10 000-ға жуық``: the word follows the number, which takes
  the dative ending; "more than" takes the ablative (``10 000-нан астам``). The ending depends
  on how the number is *read* — on its last spoken word (``10 000`` is "он мың", ending in
  "мың": ``-ға``), by vowel harmony and by the sound the word ends in.
* A day and its month: Kazakh and Russian write the month lower case after the number
  (``6 қаңтар``, ``6 января``), English capitalises it (``6 Jan``).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence

NO_BREAK_SPACE = "\u00a0"
LANGUAGES = ("kk", "ru", "en")

# The last spoken word of a number, by the part of it read last: whether its vowels are back
# (a, o, ұ, ы …) or front (ә, е, і, ү …), and how it ends: "v" a vowel or voiced consonant,
# "n" a nasal (м, н, ң), "k" a voiceless consonant.
_UNITS = {
    1: ("front", "v"),  # бір
    2: ("front", "v"),  # екі
    3: ("front", "k"),  # үш
    4: ("front", "k"),  # төрт
    5: ("front", "k"),  # бес
    6: ("back", "v"),  # алты
    7: ("front", "v"),  # жеті
    8: ("front", "v"),  # сегіз
    9: ("back", "v"),  # тоғыз
}
_TENS = {
    1: ("back", "n"),  # он
    2: ("back", "v"),  # жиырма
    3: ("back", "v"),  # отыз
    4: ("back", "k"),  # қырық
    5: ("front", "v"),  # елу
    6: ("back", "k"),  # алпыс
    7: ("front", "k"),  # жетпіс
    8: ("front", "n"),  # сексен
    9: ("back", "n"),  # тоқсан
}
_HUNDRED = ("front", "v")  # жүз
_THOUSAND = ("back", "n")  # мың
_MILLION = ("back", "n")  # миллион (and миллиард)
_ZERO = ("back", "v")  # нөл

# case → (harmony, ending class) → suffix
_SUFFIXES = {
    "dative": {
        ("back", "v"): "ға",
        ("back", "n"): "ға",
        ("back", "k"): "қа",
        ("front", "v"): "ге",
        ("front", "n"): "ге",
        ("front", "k"): "ке",
    },
    "ablative": {
        ("back", "v"): "дан",
        ("back", "n"): "нан",
        ("back", "k"): "тан",
        ("front", "v"): "ден",
        ("front", "n"): "нен",
        ("front", "k"): "тен",
    },
}
KAZAKH_CASES = frozenset(_SUFFIXES)


def format_number(value: float, language: str = "en", decimals: int | None = None) -> str:
    """``value`` as ``language`` writes it: ``12,345.5`` in English, ``12 345,5`` in Kazakh
    and Russian (a no-break space between thousands).

    Without ``decimals``, whole numbers and values of 100 or more are rounded to integers and
    smaller fractions get up to two decimals. Infinity is "∞"; NaN is "–".
    """
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    auto = decimals is None
    if decimals is None:
        decimals = 0 if abs(value) >= 100 or value == round(value) else 2
    text = f"{value:,.{decimals}f}"
    if auto and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    text = text.replace("-", "−")
    if language[:2] in ("kk", "ru"):
        return text.replace(",", NO_BREAK_SPACE).replace(".", ",")
    return text


def kazakh_suffix(number: int, case: str) -> str:
    """The Kazakh ending of ``case`` (``dative`` or ``ablative``) for ``number`` read aloud:
    ``kazakh_suffix(10_000, "dative")`` is ``"ға"`` (он мың-ға), 225 gives ``"ке"`` (бес)."""
    if case not in _SUFFIXES:
        raise ValueError(f"case {case!r} is not one of {sorted(_SUFFIXES)}")
    return _SUFFIXES[case][_last_word(abs(int(number)))]


def _last_word(n: int) -> tuple[str, str]:
    if n == 0:
        return _ZERO
    if n % 10:
        return _UNITS[n % 10]
    if n % 100:
        return _TENS[n % 100 // 10]
    if n % 1000:
        return _HUNDRED
    if n % 1_000_000:
        return _THOUSAND
    return _MILLION


def number_in_case(value: float, language: str, case: str = "") -> str:
    """``value`` written for ``language``, with the Kazakh ending of ``case`` when the language
    is Kazakh and a case is asked for (``10 000-ға``); otherwise just the number."""
    text = format_number(value, language, 0)
    if case and language[:2] == "kk" and math.isfinite(value):
        return f"{text}-{kazakh_suffix(round(value), case)}"
    return text


def day_and_month(day: datetime.date, months: Sequence[str], language: str = "en") -> str:
    """``day`` as its number and its month's name from ``months`` (twelve names in
    ``language``), cased as the language writes a month after a number: ``6 қаң``, ``6 янв``,
    ``6 Jan``. Django's Kazakh catalogue capitalises month names ("Қаңтар"), which Kazakh writes
    lower case mid-sentence."""
    name = months[day.month - 1]
    name = name.lower() if language[:2] in ("kk", "ru") else name[:1].upper() + name[1:]
    return f"{day.day} {name}"
