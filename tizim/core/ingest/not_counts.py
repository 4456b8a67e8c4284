"""Numbers in a sentence that count no people: dates, ages, durations, sentence lengths,
article and phone numbers, hotlines, footnotes, places and things, a town's population, and
figures told before ("Of those 31, …").

Read before anything else about a number: ``claims`` reads only the numbers this module lets
through.
"""

from __future__ import annotations

import re

from tizim.core.ingest import lexicon as lx
from tizim.core.ingest.names_ru import given_name_before_surname
from tizim.core.ingest.numbers import MULTIPLIER_WORDS, NumberMention
from tizim.core.ingest.text import fold, is_item_number, opens_its_line

_PARENT_BEFORE = re.compile(
    r"(?<!\w)(?:у (?:него|нее|неё|них|меня|нас)|отец|отца|мать|матери|father of|mother of|"
    r"has|had|have|leaves|left behind|оставил\w*|осталось|осталис\w*)\s+$"
)
_CHILDREN_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:children|kids|sons|daughters|детей|дети|сыновей|дочерей|бала\w*)(?!\w)"
)
_A_QUARTER_AFTER = re.compile(r"\s+(?:ішінде|бойы|сайын|соңында|басында|қорытындысы)")
# a sum written in words in brackets after its figures, then its currency
_SUM_IN_WORDS_AFTER = re.compile(
    r"\s*\([^()\n]{3,160}\)\s*(?:теңге|тенге|tenge|₸|рубл\w*|доллар\w*|dollars|евро|euros?)"
)
# the Kazakh "father (mother) of N children", the number first: "үш баланың әкесі"
_CHILDRENS_PARENT_AFTER = re.compile(r"\s+(?:баланың|перзенттің)\s+(?:әкесі|анасы)")
# a street named, then a comma and the house: "ул. Сатпаева, 104" (not "на улицах города 300")
_STREET_BEFORE = re.compile(
    r"(?<!\w)(?:ул\.|пр\.|улиц[аеыу]|проспект[аеу]?|көшесі|даңғылы)\s*"
    r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+[\w-]+)?,\s*$"
)
_STREET_AFTER = re.compile(
    r"\s+[A-ZА-ЯЁ][\w-]+\s+(?:Street|Avenue|Road|Lane|Boulevard|улиц\w*|проспект\w*|көшесі\w*)"
)
# a meeting's minutes: who was present ("Қатысқандар: 14 адам", "Присутствовали: 11 членов")
_PRESENT_AT_THE_MEETING = re.compile(
    r"(?:^|\n)[^\S\n]*(?:присутствовал\w*(?: \w+){0,3}|қатысқандар|қатысушылар|present|"
    r"in attendance|attendance)\s*:[^\S\n]*"
    # who they were, then a dash: "Қатысқандар: аппарат қызметкерлері – 9 адам", "Қатысқандар:
    # алқа төрағасы А. Бекмұхамедова; мүшелер — 4 адам"
    r"(?:[^\d\n:]{2,80}\s[–—-]\s*)?$",
    re.IGNORECASE,
)
_DIGITS_THEN_BRACKET = re.compile(r"\d\s*\($")  # "7 (" before "seven)"
_TIME_OF_DAY_BEFORE = re.compile(r"(?<!\w)(?:түнгі|таңғы|кешкі|сағат)\s+$")
_PEOPLE = lx.PEOPLE_AHEAD
# "четыре с лишним часа": a unit after "odd" is still a unit
_NOT_PEOPLE = re.compile(
    rf"^\s*(?:с лишним\s+|с половиной\s+|-?odd\s+|and a half\s+|жарым\s+)?(?:-|‑)?\s*"
    # a document's number written again in words: "300 (үш жүз) айлық есептік көрсеткіш"
    r"(?:\([^\d()]{1,40}\)\s*)?"
    rf"(?:{lx.NOT_PEOPLE_UNITS}|{lx.BODY_PARTS})(?!\w)"
)
# a part, then the whole it is of, told before: "two of those three", "двое из этих трёх"
# (not "of these 9 released": the nine are the part)
_PART_OF_A_WHOLE_BEFORE = re.compile(
    r"(?<!\w)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|одн\w+|дв\w+|тр\w+|"
    r"четвер\w+|пятер\w+) (?:of those|of these|из этих|из тех)\s+$"
)
# "three of the seven were released": the seven, with nothing after them, are those told before
_PART_OF_THE_BEFORE = re.compile(
    r"(?<!\w)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?) of the\s+$"
)
# the same in Russian: "девять из восемнадцати" (not "трое из 18 задержанных": a whole
# counted anew)
_RU_PART_OF_BEFORE = re.compile(
    r"(?<!\w)(?:\d+|одн\w+|дв\w+|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восем\w+|девят\w+|"
    r"десят\w+) из\s+$"
)
# (not "одно из двух таких дел": cases, counted)
_CASES_OR_SUCH_AFTER = re.compile(r"\s*(?:таких|этих|тех|дел|уголовн\w*|случа\w*|жалоб\w*)")
_NOTHING_COUNTED_AFTER = re.compile(r"^\s*(?:,|who\b|were\b|are\b|have\b|had\b|remain|still\b)")
# where people are, not things counted: "over 2,600 in hospitals", "12 в больницах"
_WHERE = re.compile(r"^\s*(?:are |were |remain |still )?(?:in|at|в|во)\s")
_THINGS = re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?(?:{lx.THING_NOUNS})(?!\w)")
_FACILITIES = re.compile(rf"(?:{lx.FACILITY_COUNTS})")
_ONE_OF = re.compile(r"^\s*(?:of|из)(?!\w)")
_OF_THOSE_BEFORE = re.compile(r"(?:of those|of these|of the|of our|of their|из этих|из них|из)\s+$")
_DAY_AFTER_A_DATE = re.compile(rf"(?:{lx.ENGLISH_MONTHS})\s+\d{{1,2}}\s*(?:and|to|-|–)\s*$")
_HOTLINE_BEFORE = re.compile(
    r"(?<!\w)(?:телефон\w*|лини\w*|line|hotline|call|звон\w*|қоңырау\w*|нөмір\w*)(?!\w)"
)
# "January 5": English writes the day after the month; Russian and Kazakh before it ("5–7
# қаңтарда алпыстан астам адам" is sixty people, not a date)
# a month's name right before: the number is its day (not "as of 1 February 146 people")
_MONTH_BEFORE = re.compile(rf"(?:^|(?<!\d)\s)(?:{lx.ENGLISH_MONTHS})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:{lx.MONTHS})(?!\w)")
_ARTICLE_BEFORE = re.compile(
    # a military unit's number too: "в/ч 5517", "military unit 3656", "әскери бөлім 6655"
    r"(?:в/ч|воинск\w+ част\w+|military unit|әскери бөлім\w*|km|км|"
    r"article|articles|art\.|стать\w*|ст\.|part|часть|№|no\.|number|"
    r"tel\.?|phone|телефон\w*|номер\w*|\+|бап|бабы|kzt|usd|eur|rub|\$|€|£)\s*$"
)
# a document's parts: "footnote 22", "Figure 1", "page 88", "сноска 3", "рис. 2" (not
# "Official figures: 225 killed")
_PART_OF_A_DOCUMENT_BEFORE = re.compile(
    r"(?<!\w)(?:footnote|figure|fig\.|table|page|p\.|pp\.|сноск\w*|рис\.|таблиц[аыуе]|стр\.|"
    r"с\.|paragraphs?|para\.|абзац\w*|пункт\w*|тармақ\w*|chapter|глав[аеуы])\s*$"
)
_RANGE_OF_DAYS = re.compile(rf"^\s*(?:and|to|-|–|и|по|мен|—)\s*\d{{1,2}}\s+(?:{lx.MONTHS})(?!\w)")
_LIST_OF_UNITS = re.compile(
    rf"(?:\s*(?:,|and|or|и|или|және|мен)\s*[\w-]+){{1,4}}\s*(?:-|‑)?\s*"
    rf"(?:{lx.NOT_PEOPLE_UNITS})(?!\w)"
)
# "от трёх до восьми лет", "18 бен 29 жас аралығындағы": the first of a range of units
_RANGE_OF_UNITS = re.compile(
    rf"\s*(?:до|to|-|–|—|бен|мен|пен|and|и)\s*[\w-]+\s+(?:{lx.NOT_PEOPLE_UNITS})(?!\w)"
)
_NOT_A_SINGLE = re.compile(r"(?:not a |ни )$")
_A_FATE_RIGHT_AFTER = re.compile(r"\s+(?:dead|killed|injured|wounded|detained|arrested|missing)\b")
_POPULATION_BEFORE = re.compile(
    r"(?:town|city|village|settlement|community|population|с населением|населени\w*|"
    r"халқ(?:ы|ының) саны) "
    r"(?:of )?(?:about |around |some |nearly |almost |over |more than |около |почти |более )?$"
)


_FATES = lx.FATE_GROUP_PATTERNS
_PLACE_OF_DETENTION = re.compile(
    r"(?:temporary )?detention (?:facility|centre|center)|изолятор\w*|ивс|сизо|спецприемник\w*"
)
_AGED_BEFORE = re.compile(
    r"(?<!\w)(?:aged|в возрасте|(?:man|woman|boy|girl) of)\s*$"
    # a patient's sex, then the age: "male, approx. 30", "женщина, ~45"
    r"|(?<!\w)(?:male|female|мужчина|женщина|муж\.|жен\.),?\s*(?:approx\.|about|around|около|~)?"
    r"\s*$"
    # "The youngest of those still held is 17"
    r"|(?<!\w)(?:the )?(?:youngest|oldest)(?: [\w-]+){0,6} (?:is|was|are|were)\s*$"
)
# the people who live in a place: "Кетпенде 4 мыңға жуық адам тұрады", "живут около 5 тысяч"
_LIVE_THERE_AFTER = re.compile(
    r"(?:-?[а-яәғқңөұүһі]*)?(?:\s+(?:мыңға|мың|тыс\.|тысяч\w*))?(?:\s+(?:жуық|астам|тарта))?"
    r"\s+(?:адам|тұрғын\w*|человек)\s+(?:тұрады|тұратын|проживает|живут|проживают)(?!\w)"
)
# "a building designed for twelve detainees": how many a place holds, not who were in it
_CAPACITY_BEFORE = re.compile(
    r"(?:designed|built|intended|meant) for\s*$|capacity of\s*$|рассчитан\w* на\s*$|"
    r"(?:вместимост\w*|сыйымдылығы)\s*$|"
    # "14 people in a cell for 6", "в камере на четверых"
    r"(?:cell|камер\w*) (?:for|на)\s*$"
)
# "around 120 officers arrived", "200-ге жуық полиция қызметкері жеткізілді": forces sent
# in, not people something happened to
_FORCE_NOUNS = (
    r"(?:officers|policemen|police|troops|soldiers|servicemen|guardsmen|сотрудник\w* полиции|"
    r"полицейск\w*|военнослужащ\w*|бойц\w*|полиция қызметкер\w*|әскери\w*|сарбаз\w*)(?!\w)"
)
_FORCES_SENT = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,2}}?{_FORCE_NOUNS}\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:arrived|were deployed|were sent|were brought in|were drafted in|прибыл\w*|"
    r"направлен\w*|стянут\w*|переброшен\w*|жеткізілді|әкелінді|келді|жіберілді)(?!\w)"
    # not "were sent to prison", "sent to hospital": something happened to them
    r"(?! to (?:prison|jail|hospital|court))"
)
# the forces right after the count, a word or two between that say who they are ("600
# National Guard troops"), not what was done to the people counted ("300 detained by police")
_FORCES = re.compile(
    rf"\s*(?:(?!detained|arrested|held|injured|wounded|killed|taken)[\w-]+\s+){{0,2}}?{_FORCE_NOUNS}"
)
_KEEPING_ORDER = re.compile(
    r"(?<!\w)(?:обеспечива\w*|охраня\w*|патрулир\w*|дежури\w*|қамтамасыз ет\w*|күзет\w*|"
    r"patroll\w*|on duty|kept order|keeping order|remain(?:ed)? in the city|were deployed|"
    # brought in: "в село введены около 150 военнослужащих"
    r"введен\w*|ввели|(?:were|was) (?:sent|brought) in|енгізілді)(?!\w)"
)
# a Kazakh collective numeral, in any case: "екеуі", "екеуіне", "үшеуін", "төртеуінің"
_COLLECTIVE = re.compile(r"(?:еу|ау)(?:і|ы)(?:не|на|н|нің|ның|нен|нан|мен)?$")
# a sum in millions or thousands: "по пятьсот тысяч" each, "36,4 миллиона —" (a count of
# people is no fraction), "плюс 900 тысяч", "She charges 300,000 for …"
_PER_OR_PLUS_BEFORE = re.compile(r"(?<!\w)(?:по|each|әрқайсысына|плюс|plus)\s+$")
_IN_THOUSANDS = re.compile(rf"(?:{MULTIPLIER_WORDS})$")
_FRACTION_OF_MILLIONS = re.compile(r"^\d+[,.]\d+\s*(?:миллион\w*|млн\.?|million)$")
_MONEY_VERB_BEFORE = re.compile(
    # (not "transferred": "transferred 40 detainees to the SIZO" counts people)
    r"(?<!\w)(?:charges|costs?|a fee of|paid|pays|raised|donated)\s+$"
)
_MONEY_AFTER = re.compile(
    r"\s*(?:(?:миллион\w*|млн\.?|million)\s+)?\d[\d\s,.]*\s*(?:мың|тыс\.?|тысяч\w*|thousand)\s*"
    r"(?:теңге|тенге|tenge|рубл\w*|доллар\w*|dollars)"
)


# a table row's first cell holding a person's name, then the cell the number is ("Vlasenko,
# Igor P. | 34 |", "Sh. Kusainov | 45 |", "Бекжанов Нұрсұлтан | 19 |")
_NAME_CELL_BEFORE = re.compile(
    r"(?:^|\n)[^\S\n]*\|?[^\S\n]*(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’.-]*,?[^\S\n]+){1,3}"
    r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*\.?[^\S\n]*\|[^\S\n]*$"
)
# the cell after it holds words, as a list's "home" or "what happened" does (a table of
# figures goes on with figures)
_WORDS_CELL_AFTER = re.compile(r"[^\S\n]*\|[^\S\n]*[^\W\d_]")


_LINE_ENDS = re.compile(r"[^\S\n]*\n")
# columns lined up with spaces after a row's number, then a name or word in capitals
_ROW_NUMBER_AFTER = re.compile(r"(?:[^\S\n]{2,}|\t)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")


def _a_rows_number_or_age(text: str, number: NumberMention, after: str) -> bool:
    """Whether ``number`` is a table's or a list's row number, or the age in a row of names."""
    if re.match(r"[^\S\n]*\|", after) and re.search(
        r"(?:^|\n)[^\S\n]*(?:\|[^\S\n]*)?$", text[: number.start]
    ):
        return True  # "2 | Қоңыратбаев Ерлан | …", "| 3 | Кенжалин Серик |": a row's number
    if (
        len(number.written) <= 3
        and _ROW_NUMBER_AFTER.match(text, number.end)
        and opens_its_line(text, number.start)
    ):
        return True  # "1   АБИЛЬГАЗИН Ержан Муратович   1994": a list's row number, lined up
    # "Vlasenko, Igor P. | 34 | Ruzayevka | Detained …": a list's age column
    if _NAME_CELL_BEFORE.search(text, 0, number.start) and _WORDS_CELL_AFTER.match(
        text, number.end
    ):
        return True
    return _a_number_in_a_persons_row(text, number, after)


_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
# a cell naming a person: a surname in capitals before a given name ("OGAI Denis", "ЛИГАЙ Вадим
# Олегович"), or two or three words in title case, one of a surname's shape ("Мирзахмедова
# Шахноза", "Зуев Константин"; not "-ин", "-in", which end "Main Square" and "Константин" alike)
_CAPITALS_THEN_GIVEN = re.compile(
    rf"^[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?,?\s+[{_UPPER}][{_LOWER}]+"
)
_TITLE_CASE_NAME = re.compile(rf"^[{_UPPER}][{_LOWER}'’-]+(?:\s+[{_UPPER}][{_LOWER}'’-]+){{1,2}}$")
_SURNAME_ENDING = re.compile(
    r"(?:ов|ев|ёв|ова|ева|ёва|ұлы|улы|қызы|кызы|ov|ev|ova|eva|uly|kyzy)\b", re.IGNORECASE
)
# the number alone in its cell, maybe after a mask ("| 40331 |", "| 04****60455 |", "| 2 140 000 |")
_ALONE_IN_CELL_BEFORE = re.compile(r"\|[^\S\n]*[\d*]*$")
# … or with a class's letter after it ("| 11 А |")
_ALONE_IN_CELL_AFTER = re.compile(r"[^\S\n]*(?:[^\W\d_]\b[^\S\n]*)?\|")


def _names_a_person(cell: str) -> bool:
    cell = cell.strip()
    if _CAPITALS_THEN_GIVEN.match(cell):
        return True
    if not _TITLE_CASE_NAME.match(cell):
        return False
    words = cell.split()
    # "Штольц Андрей", "Андрей Штольц": a surname of no telling ending, told by the given name
    # the dictionary knows beside it
    return (
        bool(_SURNAME_ENDING.search(cell))
        or given_name_before_surname(words[1], words[0])
        or given_name_before_surname(words[0], words[1])
    )


def _a_number_in_a_persons_row(text: str, number: NumberMention, after: str) -> bool:
    """Whether ``number`` stands alone in a cell of a row that names a person before it: a row
    of one person holds his staff number, loan, year, unit or ID there, never a count of
    people ("| 5 | OGAI Denis | 40331 | Surveyor | Detained 6.01 |")."""
    line = text[text.rfind("\n", 0, number.start) + 1 : number.start]
    if not (_ALONE_IN_CELL_AFTER.match(after) and _ALONE_IN_CELL_BEFORE.search(line)):
        return False
    return any(_names_a_person(cell) for cell in line.split("|")[:-1])


def _the_whole_of_a_part(before: str, after: str) -> bool:
    """Whether the number is the whole, told before, that a part is of ("two of those three",
    "three of the seven were released", "девять из восемнадцати позже освобождены")."""
    if _PART_OF_A_WHOLE_BEFORE.search(before):
        return True
    if _PART_OF_THE_BEFORE.search(before) and _NOTHING_COUNTED_AFTER.match(after):
        return True
    return bool(
        _RU_PART_OF_BEFORE.search(before)
        and not _PEOPLE.match(after.lstrip())
        and not _CASES_OR_SUCH_AFTER.match(after)
    )


def _a_quarter_a_sum_or_a_family(folded: str, number: NumberMention, after: str) -> bool:
    """Whether what follows ``number`` makes it a quarter of the year, a sum, a family or the
    people who live somewhere rather than a count of victims."""
    if number.written.lower() == "тоқсан" and _A_QUARTER_AFTER.match(after):
        return True  # "тоқсан ішінде" (within the quarter): "тоқсан" is ninety, and a quarter
    if _SUM_IN_WORDS_AFTER.match(folded, number.end):
        return True  # "47 812 300 (қырық жеті миллион …) теңге": a sum, its words in brackets
    if _CHILDRENS_PARENT_AFTER.match(after):
        return True  # "үш баланың әкесі Болат Ерменбай": a father of three, not three victims
    return _LIVE_THERE_AFTER.match(folded, number.end) is not None  # "4 мыңға жуық адам тұрады"


def written_as_one_of_them(number: NumberMention) -> bool:
    """Whether ``number`` is the Kazakh "one of them" ("біреуі", "біреуін")."""
    return number.written.casefold().startswith("біреу")


_CLAUSE_ENDS = re.compile(r"[,;:.!?()«»\"—–]|\s-\s|$")


def _a_fate_in_its_clause(folded: str, end: int) -> bool:
    """Whether a fate word follows ``end`` before its clause ends."""
    clause_end = _CLAUSE_ENDS.search(folded, end)
    stop = clause_end.start() if clause_end else len(folded)
    return any(
        pattern.search(folded, end, stop)
        for group, pattern in lx.FATE_GROUP_PATTERNS.items()
        if group != "no_group"
    )


def _a_register_number_or_one_described(folded: str, number: NumberMention, after: str) -> bool:
    """Whether ``number`` is a register's "0412", an identity number masked as "8904********",
    or one of them described or named ("біреуі сақалын қырынбаған", "біреуі — Нұрбек")."""
    if re.fullmatch(r"0\d+", number.written) or after.startswith("*"):
        return True
    return written_as_one_of_them(number) and not _a_fate_in_its_clause(folded, number.end)


def is_not_a_count(text: str, folded: str, number: NumberMention) -> bool:
    """Whether ``number`` in a sentence (``folded``: the same folded) counts something other
    than people: a date, an age, a duration, a sentence length, an article, a phone number, a
    hotline, a footnote, places or things, a town's population, a place's capacity, forces
    sent in, or a figure told before."""
    after, before = (
        folded[number.end : number.end + 20],
        folded[max(0, number.start - 25) : number.start],
    )
    # (the unit may come after the number written again in words: "300 (үш жүз) айлық …")
    unit = folded[number.end : number.end + 60]
    if _NOT_PEOPLE.match(unit) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if _DIGITS_THEN_BRACKET.search(text, 0, number.start) and after.startswith(")"):
        return True  # "7 (seven) students": the number written again in words
    if _PRESENT_AT_THE_MEETING.search(text, 0, number.start):
        return True  # "Қатысқандар: 14 адам": those present at a meeting
    if _a_register_number_or_one_described(folded, number, after):
        return True
    if _a_rows_number_or_age(text, number, after):
        return True
    if _the_whole_of_a_part(before, after):
        return True
    if _MONEY_AFTER.match(folded, number.end):
        return True  # "1 миллион 240 мың теңге": a sum, its thousands told apart
    written = number.written.casefold()
    if _FRACTION_OF_MILLIONS.match(written) or (
        _IN_THOUSANDS.search(written) and _PER_OR_PLUS_BEFORE.search(before)
    ):
        return True  # "36,4 миллиона", "по пятьсот тысяч": sums
    if _MONEY_VERB_BEFORE.search(before):
        return True  # "She charges 300,000 for the investigation stage"
    if is_item_number(text, number.start, number.end):
        return True  # "2. МУХТАРОВ Ильяс": a list's item number
    if _RANGE_OF_DAYS.match(after) or _RANGE_OF_UNITS.match(folded, number.end):
        return True  # "between 4 and 10 January", "от трёх до восьми лет"
    if _DAY_AFTER_A_DATE.search(before):
        return True  # "between January 5 and 8"
    if _LIST_OF_UNITS.match(folded, number.end):
        return True  # "sentenced to 16, 15 and three years in prison"
    if _PART_OF_A_DOCUMENT_BEFORE.search(before):
        return True
    if _ARTICLE_BEFORE.search(before) or re.match(r"^(?:[-‑(]\s*|\s+\()\d(?![\d,.]*\s*%)", after):
        return True
    wider = folded[number.end : number.end + 40]
    if _FACILITIES.match(wider.lstrip()):
        return True  # "6 изоляторов", "11 places of detention": places, not people
    if (
        _THINGS.match(wider)
        and not _PEOPLE.match(wider.lstrip())
        and not _WHERE.match(wider)
        # (not a figure alone on its line, what it counts told below: "12\nАудан полициясы …
        # ұстаған тұрғындар" is twelve residents, not districts)
        and not _LINE_ENDS.match(text, number.end)
    ):
        return True  # "two main hospitals", "8 сожжённых автомобилях" (not "2,600 in hospitals")
    one_of = _ONE_OF.match(after) and not lx.ONE_OF_THEM_DID.match(text, number.end)
    if number.value == 1 and (one_of or fold(number.written).endswith("бірі")):
        return True  # "one of them", "один из", "солардың бірі": a person, not a count
    if number.value == 1 and (
        "бірде-бір" in folded[max(0, number.start - 6) : number.end + 4]
        or _NOT_A_SINGLE.search(folded, 0, number.start)
    ):
        return True  # "бірде-бір полиция қызметкері", "not a single officer": nobody
    name_before = text[max(0, number.start - 40) : number.start]
    if re.search(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:[\w'’-]+|\.),\s*$", name_before) and re.match(
        r"^\s*[,)|]", after
    ):
        return True  # an age beside a name: "Serik Abenov, 34, was detained", "| Abenov N., 19 |"
    if re.search(r"(?<!\w)(?:he|she) (?:was|is)(?: only| just)?\s+$", before) and re.match(
        r"^\s*[,)]", after
    ):
        return True  # "He was 62, a retired railway signalman", "(he is only 19)": an age
    if _CAPACITY_BEFORE.search(before):
        return True
    # forces sent in or keeping order, unless the sentence says what happened to anyone
    # ("1,300 police officers were injured while keeping order")
    forces = _FORCES_SENT.match(folded, number.end)
    if forces is None and _KEEPING_ORDER.search(folded):
        forces = _FORCES.match(folded, number.end)
    if forces is not None:
        # what the words just before the count and just after the forces tell of them
        near = folded[max(0, number.start - 40) : number.start] + " " + folded[forces.end() :][:60]
        near = _PLACE_OF_DETENTION.sub(" ", near)  # where they were on duty, not a fate
        if not any(p.search(near) for g, p in _FATES.items() if g != "no_group"):
            return True  # "Порядок на площади обеспечивали 40 сотрудников полиции"
    if _AGED_BEFORE.search(folded, max(0, number.start - 60), number.start):
        return True  # "Mr Bekzat Toleuov, aged 22, a student": an age
    if re.search(r"(?:[(+]|\+\d{1,3})\s*$", before) or re.match(r"^[\s)]*\d{2}[-\s]\d{2}", after):
        return True  # a phone number: "8 (701) 555-12-34"
    hotline = _HOTLINE_BEFORE.search(folded, max(0, number.start - 50), number.start)
    if len(number.written) == 3 and hotline:
        return True  # "Горячая линия для родственников задержанных — 102"
    if before.endswith("[") and after.startswith("]"):
        return True  # a footnote: "he was 17 years old[3]"
    if _OF_THOSE_BEFORE.search(before) and after.startswith(","):
        return True  # "Of those 31, 23 are held": the figure told before, not a new one
    if _PARENT_BEFORE.search(before) and _CHILDREN_AFTER.match(after):
        return True  # "у него двое детей", "a father of three children": a family, not victims
    if _a_quarter_a_sum_or_a_family(folded, number, after):
        return True
    if _STREET_BEFORE.search(text, max(0, number.start - 40), number.start) or _STREET_AFTER.match(
        text, number.end
    ):
        return True  # an address: "ул. Сатпаева, 104", "at 16 Metallurgov Avenue"
    if re.match(r"\s+бөлігі", after) and number.value == 1:
        return True  # "тұрғындарының бір бөлігі": a part of them, not one person
    if _TIME_OF_DAY_BEFORE.search(before):
        return True  # "Түнгі он бірлер шамасында": about eleven at night
    if _POPULATION_BEFORE.search(before) and not _A_FATE_RIGHT_AFTER.match(after):
        # "a railway town of about 40,000 people": who live there (not "reports from
        # Karaganda city of 1 dead and 12 injured")
        return True
    if re.match(r"\s+(?:де|да)(?!\w)", after) and _COLLECTIVE.search(fold(number.written)):
        # "Екеуі де 7 қаңтарда ұсталған", "Екеуіне де айып тағылды": both of the two just named
        return True
    # A year is never a count unless a noun of people follows it ("2022 people" is rare).
    year = number.written.isdigit() and len(number.written) == 4 and 1900 <= number.value <= 2100
    return year and not _PEOPLE.match(after.lstrip())
