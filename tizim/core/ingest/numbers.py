"""Numbers as articles write them: ``10,000``, ``10 000``, ``почти 10 тысяч``, ``более 12 тыс.``,
``10 мыңға жуық``, ``two hundred``, ``екі жүз``.

Each number found is a :class:`NumberMention` with its span in the text, so that a claim can
quote exactly what was written. Words are read by number-parser for English and Russian and by
a small table for Kazakh (no library reads Kazakh number words; decision 0015).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number

from tizim.core.ingest import lexicon as lx

_DIGITS = r"\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
# the words that multiply a number ("12 тыс.", "10 мыңға", "3 million"); not_counts reads sums
# written with them
MULTIPLIER_WORDS = (
    # "over 2K people": a headline's thousands
    r"(?-i:K)|thousand|тысяч[аиу]?|тыс\.?|мың(?:ға|нан|нан астам|дай)?|мыңға|мыңнан|мыңдаған|"
    r"млн\.?|million|миллион[аов]*"
)
# A Kazakh case ending written after a hyphen: "700-ге жуық", "30-ға", "олардың 60-ы".
_KK_NUMBER_CASE = (
    r"(?:ге|ке|ға|қа|ден|тен|дан|тан|нан|нен|ын|ін|сын|сін|ы|і|сы|сі|ның|нің|дың|дің|да|де|та|те|"
    # a possessive, then a case: "28-іне оқ тиіп, 177-сінің сүйегі сынған"
    r"іне|ына|сіне|сына|інің|ының|сінің|сының|не|на|"
    # a collective numeral: "оның 4-еуі босатылды" (four of them), "6-ауына", "3-еуін", "6-уы"
    r"еуі|ауы|еуін|ауын|еуіне|ауына|еуінің|ауының|еуіміз|еу|ау|уы|уі|уын|уін|уына|уіне)"
)
_DIGIT_NUMBER = re.compile(
    # not after "1." or "ст." (a decimal, an abbreviation), but after "«...4 мыңға"
    rf"(?<![\w,/:-])(?<!\w\.)(?P<digits>{_DIGITS})(?:\s?(?P<mult>{MULTIPLIER_WORDS})(?!\w))?"
    rf"(?:-{_KK_NUMBER_CASE}(?!\w))?"
    # "a 500-strong crowd"
    r"(?:-strong(?!\w))?"
    rf"(?!(?-i:[a-zа-яёәғқңөұүһі0-9_%/:-])|[.,]\d|[\ufe0f\u20e3])",  # not "2️⃣", an emoji
    re.IGNORECASE,
)

_EN_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand"
).split()
_RU_WORDS = (
    "один одного два две двух три трех трёх четыре четырех четырёх пять пяти шесть шести семь "
    "семи восемь восьми девять девяти десять десяти одиннадцать двенадцать тринадцать "
    "четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать двадцать "
    "двадцати тридцать тридцати сорок сорока пятьдесят пятидесяти шестьдесят семьдесят "
    "восемьдесят девяносто сто ста двести двухсот триста трехсот четыреста пятьсот шестьсот "
    "семьсот восемьсот девятьсот тысяча тысячи тысяч "
    # oblique cases: "более шестисот человек", "около пятнадцати задержанных"
    "одной двум трем трём четырем четырём одиннадцати двенадцати тринадцати четырнадцати "
    "пятнадцати шестнадцати семнадцати восемнадцати девятнадцати шестидесяти семидесяти "
    "восьмидесяти девяноста четырехсот четырёхсот пятисот шестисот семисот восьмисот "
    "девятисот"
).split()
# Collective numerals count people: "погибли трое", "семеро из них", "пятерых погибших".
_RU_COLLECTIVE = {
    stem + ending: value
    for value, stem in enumerate(
        ("дво", "тро", "четвер", "пятер", "шестер", "семер", "восьмер", "девятер", "десятер"),
        start=2,
    )
    for ending in (("е", "их", "им") if value < 4 else ("о", "ых", "ым"))
}
# Kazakh: units, tens, and the multipliers (with the case endings an article puts on them).
_KK_UNITS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90,
}  # fmt: skip
# collective numerals: "олардың екеуі" (two of them)
_KK_COLLECTIVES = {"екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7}
_KK_MULTIPLIERS = {"жүз": 100, "мың": 1000}
# "олардың біреуі қаза тапты" (one of them died); "біреу" alone is "someone", no figure
_KK_ONE_OF_THEM = r"біреу(?:іне|інің|ін|і)"
_KK_COUNTED = {**_KK_UNITS, **_KK_COLLECTIVES, "біреу": 1}
_KK_CASE = (
    r"(?:ге|ке|ға|қа|ден|тен|нан|нен|дан|тан|де|те|да|та|дай|дей|ның|нің|ды|ді|"
    # a possessive after a vowel: "оның он екісі" (twelve of them)
    r"сінің|сының|сіне|сына|сін|сын|сі|сы|і|ы)?"
)

_EN_RUN = re.compile(
    rf"(?<!\w)(?:{'|'.join(_EN_WORDS)})(?:(?:[\s-]+|\s+and\s+)(?:{'|'.join(_EN_WORDS)}))*(?!\w)",
    re.IGNORECASE,
)
_RU_RUN = re.compile(
    rf"(?<!\w)(?:{'|'.join(_RU_COLLECTIVE)}|(?:{'|'.join(_RU_WORDS)})(?:\s+(?:{'|'.join(_RU_WORDS)}))*)"
    r"(?!\w)",
    re.IGNORECASE,
)
_BARE_MULTIPLIERS = frozenset("hundred thousand тысяч тысячи тысяча сотни сотен жүз мың".split())
_VAGUE_BEFORE = re.compile(
    r"(?<!\w)(?:several|a few|some|many|несколько|нескольк\w+|бірнеше|ондаған|жүздеген)\s+$",
    re.IGNORECASE,
)
# "11 in Almaty, eight in the region and one in Taraz", "три — в ВКО и еще один — в
# Талдыкоргане": after other figures, "one" is the last of a list.
_LAST_OF_A_LIST = re.compile(r"(?:,|(?<!\w)and|(?<!\w)и|ещ[её])\s*$", re.IGNORECASE)
# "под стражей четверо, ранены двое, погиб один.": the list's last item, its verb first
_LAST_ITEM_VERB_BEFORE = re.compile(r",\s*[^\W\d_]+\s+$")
# "погиб один человек", "one person was killed": one person is a figure, wherever the verb
_ONE_PERSON = re.compile(r"\s+(?:person|человек)(?!\w)", re.IGNORECASE)
_ENDS_THE_SENTENCE = re.compile(r"\s*(?:[.;!]|$)")
# "онда", "оны": "there", "him" — not ten; "бірге": "together", "бірден": "at once",
# "бірдей": "alike", "бірде": "once" — not one where a number would begin ("онда екі адам"
# is two people there); "бірде-бір адам" is no one at all
_KK_PRONOUNS = "онда оны оның онан ондағы ондай онымен оған бірге бірден бірдей бірде".split()
_KK_NOT_A_START = rf"(?<!бірде[\s-])(?!(?:{'|'.join(_KK_PRONOUNS)})(?!\w))"
_KK_COLLECTIVE = (
    rf"(?:{'|'.join(_KK_COLLECTIVES)})(?:іне|ына|і|ін|ы|ын|не|на|ге|ға|ден|дан)?|{_KK_ONE_OF_THEM}"
)
_KK_PLAIN = rf"(?:{'|'.join([*_KK_UNITS, *_KK_MULTIPLIERS])}){_KK_CASE}"
# a collective numeral ends a number: "жетеуі бір аптадан соң" is seven, then a week
_KK_RUN = re.compile(
    rf"(?<!\w){_KK_NOT_A_START}(?:{_KK_PLAIN}\s+)*(?:{_KK_COLLECTIVE}|{_KK_PLAIN})(?!\w)",
    re.IGNORECASE,
)


# "two dozen", "два десятка": the number before counts twelves or tens ("dozens" and "десятки"
# are no figure)
_DOZENS = re.compile(r"\s+(dozen|десят(?:ка|ков|ок))(?!\w)", re.IGNORECASE)
# "a dozen", "около десятка": one of them
_A_DOZEN = re.compile(
    r"(?<=\ba )dozen(?!\w)|(?<=около )десятка(?!\w)|(?<=более )десятка(?!\w)", re.IGNORECASE
)


@dataclass(frozen=True)
class NumberMention:
    """A number as written: its value and where it stands (``text[start:end]``)."""

    value: int
    start: int
    end: int
    written: str


def _multiplier(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    if word.startswith(("млн", "million", "миллион")):
        return 1_000_000
    return 1000


def _digit_value(digits: str, multiplier: int) -> int | None:
    compact = (
        re.sub(r"[\s\u00a0\u202f,]", "", digits)
        if re.search(r"\d[ ,\u00a0\u202f]\d{3}(?!\d)", digits)
        else digits
    )
    if multiplier > 1:
        return round(float(compact.replace(",", ".")) * multiplier)
    if not compact.isdigit():
        return None
    return int(compact)


_KK_STEMS = sorted([*_KK_COUNTED, *_KK_MULTIPLIERS], key=len, reverse=True)


def _kazakh_stem(word: str) -> str | None:
    return next((stem for stem in _KK_STEMS if word.lower().startswith(stem)), None)


def _kazakh_run_end(run: re.Match[str]) -> int:
    """Where the number of a run of Kazakh number words ends: a unit never follows a unit
    within one number, so "жүз бір бірге" is a hundred and one, then "together"."""
    unit_before = False
    for word in re.finditer(r"\S+", run[0]):
        value = _KK_COUNTED.get(_kazakh_stem(word[0]) or "")
        unit = value is not None and value < 10
        if unit and unit_before:
            return run.start() + len(run[0][: word.start()].rstrip())
        unit_before = unit
    return run.end()


def _kazakh_value(words: str) -> int | None:
    total, current = 0, 0
    for raw in words.lower().split():
        stem = _kazakh_stem(raw)
        if stem is None:
            return None
        if stem in _KK_COUNTED:
            current += _KK_COUNTED[stem]
        elif stem == "жүз":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * 1000
            current = 0
    value = total + current
    return value or None


@lru_cache(maxsize=4096)
def _word_value(words: str, language: str) -> int | None:
    if language == "kk":
        return _kazakh_value(words)
    if words.lower() in _RU_COLLECTIVE:
        return _RU_COLLECTIVE[words.lower()]
    inverted = _RU_THOUSANDS_FIRST.fullmatch(words)
    if language == "ru" and inverted:
        units = _word_value(inverted[1], language)
        if units is not None and 2 <= units <= 9:
            return units * 1000  # "тысячи две человек": about two thousand, not 1,002
    try:
        value = parse_number(words, language=language)
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if value else None


# "тысячи две": the plural before a unit is said the other way round ("тысяча два" is 1,002)
_RU_THOUSANDS_FIRST = re.compile(r"тысяч[иу]\s+(\w+)", re.IGNORECASE)

# "около полутора тысяч", "полтора десятка": one and a half of a hundred, a thousand or ten
_RU_ONE_AND_A_HALF = re.compile(
    r"(?<!\w)(?:(?:полтор[аы]|полутор[аы])\s+(?P<of>тысяч\w*|сот\w*|десят\w*)"
    # "тысячи полторы человек": about one and a half thousand, said the other way round
    r"|(?P<of2>тысяч\w*)\s+(?:полтор[аы]|полутор[аы]))(?!\w)",
    re.IGNORECASE,
)


def _one_and_a_half(of: str) -> int:
    of = of.lower()
    return 1500 if of.startswith("тысяч") else 150 if of.startswith("сот") else 15


def find_numbers(text: str, language: str) -> list[NumberMention]:
    """Every number in ``text``, in order; words are read in ``language`` (kk, ru or en)."""
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    if language == "ru":
        for m in _RU_ONE_AND_A_HALF.finditer(text):
            of = m["of"] or m["of2"]
            found.append(NumberMention(_one_and_a_half(of), m.start(), m.end(), m[0]))
            taken.append((m.start(), m.end()))
    for m in _DIGIT_NUMBER.finditer(text):
        value = _digit_value(m["digits"], _multiplier(m["mult"]))
        if value is not None:
            found.append(NumberMention(value, m.start(), m.end(), m[0]))
            taken.append((m.start(), m.end()))
    runs = {"en": _EN_RUN, "ru": _RU_RUN, "kk": _KK_RUN}[language]
    for m in runs.finditer(text):
        start, end = m.start(), _kazakh_run_end(m) if language == "kk" else m.end()
        words = text[start:end]
        if any(a < end and start < b for a, b in taken):
            continue
        if (
            language != "kk"
            and words.lower() in {"one", "один", "одного"}
            and not (found and _LAST_OF_A_LIST.search(text, 0, start))
            and not (
                found
                and _LAST_ITEM_VERB_BEFORE.search(text, 0, start)
                and _ENDS_THE_SENTENCE.match(text, end)
            )
            and not lx.ONE_OF_THEM_DID.match(text, end)
            and not _ONE_PERSON.match(text, end)
        ):
            continue  # "one lawyer", "one of them": an article, not a count
        if words.lower() in _BARE_MULTIPLIERS and _VAGUE_BEFORE.search(text, 0, start):
            continue  # "several thousand people", "бірнеше мың": no definite figure
        value = _word_value(words, language)
        dozens = _DOZENS.match(text, end)
        if value is not None and dozens is not None:
            # "two dozen residents" (24), "два десятка задержанных" (20)
            size = 12 if dozens[1].lower().startswith("dozen") else 10
            written = text[start : dozens.end()]
            found.append(NumberMention(value * size, start, dozens.end(), written))
        elif value is not None:
            found.append(NumberMention(value, start, end, words))
    for m in _A_DOZEN.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken) and not any(
            n.start <= m.start() < n.end for n in found
        ):
            size = 12 if "dozen" in m[0].lower() else 10
            found.append(NumberMention(size, m.start(), m.end(), m[0]))
    found.sort(key=lambda n: n.start)
    return found
