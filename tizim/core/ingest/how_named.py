"""Who a name in a sentence is: someone who speaks ("…, said Ms Struthers", "AITZHANOV:", a
chat's sender), someone telling of themselves ("“… and I got shot,” he said"), or someone named
after a title or as a relative or a lawyer ("Lawyer Aigerim Tulegenova", "Айжан Надирбек, дочь
активистки"). ``persons`` proposes none of them as a victim unless a verb right after the name
says what happened to them.
"""

from __future__ import annotations

import re

from tizim.core.ingest import personal
from tizim.core.ingest.personal import ANY_FATE, FATE_WORDS
from tizim.core.ingest.text import fold

# "NURGUL BAIMUKHANOVA (Qazaq Radiosy):", "AITZHANOV:": a transcript's label of who speaks,
# and the outlet in brackets after it.
_LABEL_AFTER = re.compile(r"\s*(?:\([^)]{1,60}\))?\s*:")
SPEECH_AFTER = re.compile(
    # (past a patronymic's initial the name left out: "Қалиев Д. Н. түсіндірді")
    rf"^(?:\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)*(?:,\s*[^,.]{{0,90}}?,)?,?\s*(?:\d{{1,2}},\s*)?"
    r"(?:who\s+(?:has\s+|had\s+)?)?"
    rf"(?:{personal.SPEECH})(?!\w)"
)
_SPEECH_VERB = re.compile(rf"(?<!\w)(?:{personal.SPEECH})\s*[:,]?\s+", re.IGNORECASE)
_SELF = re.compile(
    rf"^(?:,\s*[^,.]{{0,90}}?,)?,?\s*(?:\d{{1,2}},\s*)?(?:{personal.SPEECH})\s+"
    rf"(?:(?!(?:he|she|i|он|она|я)\s)[\w,]+\s+){{0,3}}?(?:{personal.SELF_REPORT})"
)
# After "said her son, Yerbol Iskakov, 24," a verb says the name is the one spoken of.
_PREDICATE_AFTER = re.compile(
    r"^(?:,\s*\d{1,2}(?:\s*(?:years old|лет|года|год|жаста\w*))?\s*,?)?,?\s*"
    # (a relative's own fate in a clause: "his cousin, Ruslan Baimyrzayev, who was detained")
    r"(?:who\s+|который\s+|которая\s+)?"
    r"(?:was|were|is|are|has|had|remains|died|был\w*|находит\w*|содерж\w*|погиб\w*|умер\w*)"
    r"(?!\w)"
)
# "Канат Оспанов сегодня на брифинге сообщил": a verb of saying a few words after the name
_SPEECH_A_FEW_WORDS_ON = re.compile(
    rf"^(?P<gap>(?:\s+(?!(?:that|что|деп)\b)[a-zа-яёәғқңөұүһі]+){{1,4}})\s+(?:{personal.SPEECH})(?!\w)"
)
# "СИНХРОН, Гульмира Есенова, заместитель главного врача: «…»": a name, who they are, and
# what they said.
_QUOTED_AFTER = re.compile(r"^,[^.:«»\"“”]{1,120}:\s*[«\"“]")
# "Полиция полковнигі Серік Бейсенов … тойтарылғанын мәлімдеді": a Kazakh sentence that ends
# in a verb of saying is what its subject said.
_ENDS_SAID = re.compile(rf"(?<!\w)(?:{personal.SPEECH})\W*$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(personal.RELATIVE_BEFORE, re.IGNORECASE)
# a relative's word, then a few words of whom: "отец ученицы 7 класса", "the father of pupil"
_WHOSE_KIN_BEFORE = re.compile(
    r"(?<!\w)(?:отец|мать|брат|сестра|сын|дочь|муж|жена|father|mother|brother|sister|son|"
    r"daughter|husband|wife)(?:\s+of)?\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# … and the relative named right after the name, set off by commas
_KIN_NAMED_AFTER = re.compile(
    r",\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’.-]+){1,2},"
)
_OPENING_TITLES = frozenset({"", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."})
_IN_BRACKETS_TURN = re.compile(r"[^()]{0,60}\)\s*:")
_TIMESTAMP = re.compile(r"\s*\[?[\d.,:/ ]{4,24}\]?\s*[-–—]?\s*")
_RELATIVE_AFTER = re.compile(
    # "Мурат Абдирайым, чей 19-летний сын Нурболат погиб": whose son
    r"^,\s*(?:(?:чей|чья|чьи|whose)\s+(?:[\w-]+\s+){0,2})?"
    r"(?:дочь|сын|мать|отец|брат|сестра|жена|муж|вдова|daughter|son|mother|father|"
    r"brother|sister|wife|husband|widow)(?!\w)"
    # not "Жанбота Ерназарова, мать троих детей": who she is, not whose
    r"(?!\s+(?:of\s+)?(?:\w+\s+)?(?:детей|children|kids)(?!\w))"
    # not "Женя Лысенко, сын моей соседки": the teller's neighbour's son, the one named
    r"(?!\s+(?:of\s+)?(?:мое\w*|моей|моих|моего|наше\w*|нашей|наших|нашего|my|our)(?!\w))",
    re.IGNORECASE,
)
# "Нурланова Гульмира (мать) | Нурланов Ерсин": a list's relative who came to ask, marked so,
# or a member of a commission by their work
_KIN_OR_WORK_IN_BRACKETS = re.compile(
    r"^\s*\((?:мать|отец|брат|сестра|супруга|супруг|жена|муж|сын|дочь|тётя|тетя|дядя|бабушка|"
    r"дедушка|mother|father|brother|sister|wife|husband|son|daughter|aunt|uncle|grandmother|"
    r"grandfather|анасы|әкесі|ағасы|інісі|әйелі|күйеуі|апасы|қарындасы|әпкесі|сіңлісі|"
    # a commission's members by their work: "Шайхиев Т. Б. (травматолог)"
    r"хирург|травматолог|невролог|терапевт|врач|заведующ\w*(?: [^()]{0,40})?|секретар\w*|"
    r"председател\w*|surgeon|doctor|nurse|secretary|chair\w*)\)",
    re.IGNORECASE,
)
_KK_GENITIVE_NAME = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
_KK_RELATIVE_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:анасы|әкесі|ағасы|інісі|әйелі|күйеуі|баласы|ұлы|қызы|бауыры|"
    r"қарындасы|әпкесі|сіңлісі)(?!\w)"
)
# "former president Nursultan Nazarbayev", "Minister Arman Dosov", "вице-министрі Айнұр
# Бекболатова", "Defence lawyer Gaukhar Sadykova", "Прокурор Костанайской области А. Жакупов":
# officials, lawyers and spokespeople named after their title act or speak for others; nothing
# is done to them unless a verb right after the name says so ("Адвокат X был задержан"). The
# title may be followed by whose or where it is ("адвокат Алимжанова", "облысының заңгері").
_TITLES = (
    r"(?<!\w)(?:president|prime minister|minister|vice-minister|mayor|akim|judge|prosecutor|"
    r"ombudsman|lawyer|attorney|advocate|spokesman|spokeswoman|spokesperson|rapporteur|"
    r"начальник\w*|руководител\w*|бастығы|басшысы|төрағасы|орынбасары|"
    r"өкілі|представител\w*|"
    r"президент\w*|премьер-министр\w*|министр\w*|вице-министр\w*|аким\w*|"
    r"судья\w*|судьи|прокурор\w*|обвинител\w*|омбудсмен\w*|депутат\w*|елбасы\w*|әкім\w*|адвокат\w*|"
    r"(?<!право)защитник\w*|юрист\w*|пресс-секретар\w*|спикер\w*|заңгер\w*|(?<!құқық )қорғаушы\w*|"
    r"корреспондент\w*|correspondent|"
    r"баспасөз хатшысы|имам\w*|imam|мулла|молда\w*|хирург\w*|surgeon|врач\w*|"
    r"бас дәрігер\w*|меңгерушісі)"
)
_OFFICIAL_BEFORE = re.compile(
    _TITLES + r"(?:\s+(?:[\w-]*(?:ской|ского|ной|ного|ова|ева|ина|области|района|города|облысының|"
    r"ауданының|қаласының)|of [A-Z][\w-]+(?: [A-Z][\w-]+)?|в регионе|in the region)){0,2}"
    r"\s*,?\s*$",
    re.IGNORECASE,
)
# "пресс-секретарь Минздрава Казахстана Асель Артакшинова": a title, the office it speaks for,
# then the name (no comma: "адвоката Айман Умаровой, Муратбека …" names two people)
_OFFICE_BEFORE = re.compile(
    _TITLES + r"(?:\s+(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)){1,3}\s+$", re.IGNORECASE
)


_BYLINE_BEFORE = re.compile(
    r"(?:^|[(;]\s*)(?:by|(?:additional )?reporting by|editing by|written by|photos? by|"
    r"автор(?:ы)?:?|текст:|фото:|авторы материала:?)\s*$",
    re.IGNORECASE,
)
_CITED_AFTER = re.compile(
    r"[^\n]{0,160}?\s//\s"
    # 'Sh. Temirkhanova and P. Lindqvist, "Policing the Periphery …", Working Paper No. 2023/07'
    r"|(?:\s+and\s+[^,\n]{2,40})?,\s+[\"“][^\"”\n]{5,200}[\"”],\s+[^\n]{0,60}?"
    r"(?:Working Paper|Journal|Review|Press|Report|vol\.|pp\.|No\.)"
)
_BYLINE_ENDS = re.compile(
    r"\s*(?:$|\n|[;)]|,\s*(?:additional|editing|photo|фото|текст))", re.IGNORECASE
)


# another's fate: "ұлының ұсталғанын" (his son's detention)
_KK_ANOTHERS = re.compile(
    r"(?<!\w)(?:ұлы|қызы|баласы|ағасы|інісі|әкесі|анасы|бауыры)(?:ның|нің)(?!\w)", re.IGNORECASE
)
# a Kazakh relative word with its own possessive right before a name: "әкесі Ерболат …"
_KK_RELATIVE_WORD_BEFORE = re.compile(
    r"(?<!\w)(?:әкесі|анасы|ағасы|інісі|әйелі|күйеуі|қарындасы|әпкесі)\s+$",
    re.IGNORECASE,
)


# what a label says, in quotes after its colon
_QUOTE_AFTER_LABEL = re.compile(r"\s*:\s*[«\"“]")
# nothing before the name on its line but a title: "Имам", "Imam", "Судья"
_LINE_OPENS_WITH_A_TITLE = re.compile(
    r"(?:^|\n)[^\S\n]*(?:" + _TITLES + r"|имам|imam)[^\S\n]+$",
    re.IGNORECASE,
)
# a relative's word set off after another name, then a few words of whom: "Данияр Шамшиев,
# сын нашего егеря " (the name next is the father's)
_APPOSED_KIN_BEFORE = re.compile(
    r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+,\s*(?:сын|дочь|son|daughter)(?:\s+of)?\s+(?:[\w-]+\s+){0,3}$"
)
# the work a name does, set off after it: ", HR manager,", ", head of the …"
_WORK_AFTER = re.compile(
    r",\s*(?:the\s+)?(?:HR\s+|human resources\s+|deputy\s+|acting\s+)?(?:manager|director|head "
    r"of|chief|accountant|secretary|spokes(?:wo)?man|spokesperson|inspector|investigator|"
    r"chair(?:man|woman|person)?)(?!\w)",
    re.IGNORECASE,
)
_INITIALS_THEN_SURNAME = re.compile(r"(?:[^\W\d_]\.\s?){1,3}\s*[^\W\d_][\w'’-]+")


def how_named(
    text: str, language: str, span: tuple[int, int], name: str, first: int
) -> tuple[bool, bool, bool]:
    """Whether the name at ``span`` speaks, tells of themselves, and is named by a title or as
    someone's relative or lawyer (``first``: where the sentence's first name starts)."""
    start, end = span
    after, before = text[end:], text[:start]
    titled = (
        _OFFICIAL_BEFORE.search(before) is not None or _OFFICE_BEFORE.search(before) is not None
    )
    # "Айжан Надирбек, дочь активистки …", "Айдос Мелдеханның жуырда анасы көз жұмған": a
    # relative of the one something happened to, named first
    # "Оның әкесі Дәурен Бекбауловтың … қаза тапқанына": the relative named in the genitive is
    # the subject of the fate right after, and so its victim
    # "Әкесі Ерболат Қайпенов 6 қаңтарда Өскеменде ұсталды": the relative named in the
    # nominative is the subject of the fate right after too, in a sentence of no saying
    relative_named_by_fate = (
        language == "kk"
        and (
            _KK_GENITIVE_NAME.search(text[start:end]) is not None
            or (
                _KK_RELATIVE_WORD_BEFORE.search(before) is not None
                and personal.SPEECH_WORD.search(after) is None  # "… ұсталғанын айтты."
                and _KK_ANOTHERS.search(after[:40]) is None
            )
        )
        and _fate_soon(after)
        and _SPEECH_VERB.search(after[:40]) is None
    )
    relative = (
        (_RELATIVE_BEFORE.search(before) is not None and not relative_named_by_fate)
        # "отец ученицы 7 класса Полины Дегтярёвой, Дегтярёв Сергей Иванович, получил …": whose
        # relative is named next, set off by commas, with what happened to him
        or (
            _WHOSE_KIN_BEFORE.search(before) is not None
            and _KIN_NAMED_AFTER.match(after) is not None
        )
        # "Данияр Шамшиев, сын нашего егеря Кайрата Шамшиева, лежит в больнице": whose son
        or _APPOSED_KIN_BEFORE.search(before) is not None
        # "(decision of I. Shestopalov, HR manager, 10.01)": named by the work he does (not
        # "Mr Ruslan Tleuov, deputy chairperson of the union, was detained")
        or (_WORK_AFTER.match(after) is not None and not _tells_a_fate(after[:80]))
        or _RELATIVE_AFTER.match(after) is not None
        or _KIN_OR_WORK_IN_BRACKETS.match(after) is not None
        or (
            language == "kk"
            and _KK_GENITIVE_NAME.search(text[start:end]) is not None
            and _KK_RELATIVE_AFTER.match(after) is not None
            and ANY_FATE.search(fold(before)) is None  # not "Оққа ұшқан Ерлан Тәжібаевтың әкесі"
        )
    )
    nominative = name.split()[-1] == text[start:end].split()[-1]
    # the subject of a Kazakh sentence that ends in "мәлімдеді", "айтады"
    said_last = (
        language == "kk" and nominative and _ENDS_SAID.search(text) is not None and start == first
    )
    # not "Данияр Есжанов әлі хабарсыз, полиция да білмейміз дейді": what the next words
    # tell happened to the one named, and another says it
    said_last = said_last and not _tells_a_fate(" ".join(after.split()[:2]))
    # nor "Құлжанов Тимур … өзін полиция бөлімінде ұстағанын айтты": what was done to himself
    said_last = said_last and not re.search(r"(?<!\w)өзі(?:н|нің|не)(?!\w)", after)
    # (a title may stand before: "MS D. ORAZOVA (Qazyna Pension Fund):")
    label = _LABEL_AFTER.match(after) is not None and before.strip().lower() in _OPENING_TITLES
    # "AITZHANOV:", "Zhumagaliyeva:" opening a transcript's or an interview's turn
    # (or "А.Ж. Дүйсенбаев:", a surname after initials)
    label = label and (
        text[start:end].isupper()
        or len(text[start:end].split()) == 1
        or _INITIALS_THEN_SURNAME.fullmatch(text[start:end]) is not None
    )
    # "Имам Дүйсенқұлов Ерғали: «Жамағат, …»": a name opening its line, a title before it, what
    # it says in quotes after the colon
    label = label or (
        _QUOTE_AFTER_LABEL.match(after) is not None
        and _LINE_OPENS_WITH_A_TITLE.search(before) is not None
    )
    # "17.01.2022, 14:05 - Дина Ахметова:", "[09.01.2022 09:17] Bolat R.:": a chat's sender
    label = label or (_LABEL_AFTER.match(after) is not None and bool(_TIMESTAMP.fullmatch(before)))
    # "QUESTION (Ruslan Temirbekov, Qaraghandy Online):": who asks, in brackets
    label = label or (before.rstrip().endswith("(") and bool(_IN_BRACKETS_TURN.match(after)))
    # "By Dana Ospanova", "(Reporting by …; Editing by …)", "Автор: …": who wrote it, the
    # name ending the line or its part (not "By Serik Abenov's own account, he …")
    byline = _BYLINE_BEFORE.search(before) is not None and _BYLINE_ENDS.match(after) is not None
    # a bibliography's entry: "1. Сейтқожин Б. Ауылдан алты жігіт ұсталды // Дала дидары. –
    # 2022": its author, the title after them telling of others
    byline = byline or bool(_CITED_AFTER.match(after))
    label = label or byline
    speaker = (
        # not "Марата Искакова, задержанного 8 января, по словам родных": what the aside says
        # happened to the name before the verb of saying
        bool(SPEECH_AFTER.match(after) and not _aside_tells_a_fate(after))
        or bool(_QUOTED_AFTER.match(after))
        or (nominative and _speaks_after_a_while(after))
        or label
        or said_last
        or (
            (_said_before(before) or relative or titled)
            and not (_PREDICATE_AFTER.match(after) and _fate_soon(after))
        )
    )
    # "Lawyer Aigerim Tulegenova said she had been unable to meet any clients": a lawyer
    # speaking of herself speaks of her work
    self_report = not titled and (
        bool(_SELF.match(after))
        or bool(re.match(r"^,\s*(?:a|an)\s[^,]{0,60},\s*said (?:she|he) was", after))
    )
    return speaker, self_report, titled or relative


def _tells_a_fate(words: str) -> bool:
    """Whether ``words`` say what happened to one person (any of the person fates)."""
    folded = fold(words)
    return any(pattern.search(folded) for _, pattern in FATE_WORDS)


def _aside_tells_a_fate(after: str) -> bool:
    """Whether an aside between commas right after a name says what happened to them."""
    aside = re.match(r"^,([^,.]{0,90}),", after)
    return aside is not None and _tells_a_fate(aside[1])


def _fate_soon(after: str) -> bool:
    """Whether something happens within a few words after a name ("Адвокат X был задержан"),
    not "his lawyer, Olga Pak, was finally allowed to see him"."""
    return _tells_a_fate(after[:40])


def _speaks_after_a_while(after: str) -> bool:
    """ "Канат Оспанов сегодня на брифинге сообщил", "Dana Ormanova on Monday told": a verb of
    saying a few words on, with nothing that happened to the speaker between."""
    m = _SPEECH_A_FEW_WORDS_ON.match(after)
    return m is not None and not _tells_a_fate(m["gap"])


def _said_before(before: str) -> bool:
    """Whether a verb of saying stands right before a name, with only a role between ("said
    his brother, 44-year-old", "said Ms"): "told reporters that his client" is not that."""
    for m in _SPEECH_VERB.finditer(before, max(0, len(before) - 80)):
        if before[m.end() :].lstrip().startswith(":"):
            continue  # "рассказал: его сын Максим был ранен": what he told, not who told it
        words = re.findall(r"[\w'-]+", before[m.end() :])
        happened = ANY_FATE.search(fold(before[m.end() :])) is not None
        if len(words) <= 6 and all(_speaker_filler(w) for w in words) and not happened:
            return True  # not "подтвердили смерть Марата Есенгельдиева"
    return False


def _speaker_filler(word: str) -> bool:
    """A word between "said" and a name that describes the speaker ("his brother", "deputy
    mayor", "заместитель акима", "44-year-old"), not one that starts what was said."""
    folded = word.lower()
    if folded in personal.SPEAKER_FILLERS or re.fullmatch(r"\d+-year-old", folded):
        return True
    return word.islower() and folded not in personal.CLAUSE_OPENERS
