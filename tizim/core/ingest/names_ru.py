"""Russian names in running text: natasha finds them and puts them in the nominative.

``тело Ерлана Жагипарова`` → ``Жагипаров Ерлан``. natasha's ``normalize`` also makes a woman's
surname that was already nominative a man's (``Айман Умарова`` → ``Умаров``); that is undone
when the given name did not change (decision 0015).
The models are loaded once per process, from files inside the packages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tizim.core.ingest.names_ru_together import names_read_together
from tizim.core.ingest.names_ru_words import (
    NOMINATIVE_PATRONYMIC,
    SURNAME_BEFORE,
    consonant_a,
    dictionary,
    first_reading,
)
from tizim.core.names.split import PLAIN_SURNAMES


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any, Any]:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), dictionary()


def given_name_before_surname(first: str, second: str) -> bool:
    """Whether the dictionary knows ``first`` as a given name in the nominative and not
    ``second``: "Константин Фаст", "Ерсайын Жубанышев" are a given name and a surname, though
    "-ин" and "-ын" end surnames too (Кузьмин, which it knows as one)."""
    if not re.fullmatch(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+", first):
        return False
    first_read, second_read = (
        first_reading(first, dictionary()),
        first_reading(second, dictionary()),
    )
    return (
        "Name" in first_read.tag
        and first_read.tag.case == "nomn"
        and not ("Name" in second_read.tag and second_read.tag.case == "nomn")
    )


_FEMININE = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")


def russian_person_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name in the nominative) of every person natasha finds in ``text``."""
    from natasha import Doc

    segmenter, ner, tagger, vocab = _models()
    # Lists write surnames in capitals ("ЖУМАБАЕВ Нурсултан Ерланович"), which natasha does
    # not take for names; the same letters in title case keep every offset.
    doc = Doc(_CAPITALS.sub(lambda m: _capitalised(m[0], vocab), _shouting_recased(text, vocab)))
    doc.segment(segmenter)
    doc.tag_morph(tagger)
    doc.tag_ner(ner)
    names: list[tuple[int, int, str]] = []
    for span in (piece for found in doc.spans for piece in _pieces(doc.text, found, vocab)):
        span.normalize(vocab)
        written, normal, start = span.text, span.normal or span.text, span.start
        capitals = _CAPITALS_BEFORE.search(text, 0, start)
        if capitals is not None and not _abbreviation(capitals[1].lower(), vocab):
            # "ТУРСЫНОВ Аслан Маратович": natasha left the surname in capitals out
            surname = capitals[1].capitalize()
            written, normal, start = f"{surname} {written}", f"{surname} {normal}", capitals.start()
        surname_before = SURNAME_BEFORE.search(text, 0, start)
        if surname_before is not None and _GIVEN_AND_PATRONYMIC.fullmatch(written):
            # "Сейтжанова Мадина Ержановна, 1993 г.р.": natasha left the surname out
            surname = surname_before[1]
            written, normal = f"{surname} {written}", f"{surname} {normal}"
            start = surname_before.start(1)
            # "житель Качара Ахметов Бауыржан Серикович": natasha's name before, which ended
            # with this surname, took the place before it for a given name
            names = [n for n in names if n[1] != surname_before.end(1)]
        # natasha sometimes takes the word before a name into it ("Тело Нурсултана Бекова",
        # "житель Аральска Бекзат Иманов")
        while len(written.split()) > 2 and (
            _a_place(written.split()[0]) or _SETTLEMENT_BEFORE.search(text, 0, start)
        ):
            first = written.split()[0]
            start += len(first) + 1
            written = written[len(first) + 1 :]
            normal = " ".join(normal.split()[1:])
        while (
            len(written.split()) > 1
            and (
                _ROLE_WORD.match(written.split()[0].lower())
                or _common_noun_before_a_name(written.split(), vocab)
                or (
                    sum(len(w) > 2 for w in written.split()[1:]) >= 2  # not "Ли В. С."
                    and not text[start : start + 2].isupper()
                    # not "Ли Виктор Сергеевич": a surname before a given name and patronymic
                    and not _GIVEN_AND_PATRONYMIC.fullmatch(written.split(maxsplit=1)[1])
                    and first_reading(written.split()[0], vocab).tag.POS in _FUNCTION_WORDS
                )
            )
        ):  # "полицейский Иванов", "Кто есть кто\nТулегенов Ермек" (not "ЛИ Виктория")
            first = written.split()[0]
            start += len(first) + 1
            written = written[len(first) + 1 :]
            normal = " ".join(normal.split()[1:]) if len(normal.split()) > 1 else written
        if (normal == written or _given_unchanged(written, normal)) and not (
            normal == written and _tagged_nominative(span)
        ):
            # natasha left the name, or changed the surname only ("Исатая Донбаев"); not a
            # name the tagger reads as nominative ("Евгений Морозов", not "Евгения")
            normal = _by_endings(written, vocab)
        if _already_nominative(written, normal, vocab) or _womans_nominative(span, written):
            normal = written
        normal = _surname_after_given(written, _keep_feminine(written, normal, span))
        normal = _surname_after_patronymic(written, normal)
        normal = _dative_or_accusative(span, written, normal)
        normal = _initials_surname(span, written, normal)
        written, normal, start = _dependent_name_off(written, normal, start, vocab)
        normal = _given_as_the_dictionary_reads_it(written, normal, vocab)
        normal = _declined_with_patronymic(written, normal, vocab)
        normal = _keep_yo(written, normal)
        normal = _of_a_relative(text[:start], written, normal)
        normal = _given_before_a_korean_surname(written, normal, vocab)
        if _PREPOSITION_FIRST.match(written):
            continue  # "По Петропавлу": a place after a preposition, not a person
        if " " not in written.strip(" |") and _VILLAGE_BEFORE.search(text, 0, start):
            continue  # "с. Баскудук": a village, not a surname
        if not _NOT_A_PERSON.search(written) and not _STREET_BEFORE.search(text, 0, start):
            names.append((start, span.stop, normal))
    return names_read_together(text, names + _surnames_and_initials_missed(text, names))


# a surname of a telling ending and its initials: "Учащийся Мамбеталиев Д. (17 лет) …", which
# natasha passes over after a capitalised noun
_SURNAME_AND_INITIALS = re.compile(
    r"(?<![\w.-])(?P<surname>[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ко|ук|юк))"
    r"\s(?P<initials>[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?)(?![\w.])"
)


# a table's cell of a surname of no telling ending before a given name, maybe a patronymic:
# "| Штольц Андрей |", which natasha passes over
_SURNAME_GIVEN_CELL = re.compile(
    r"(?m)(?:^|\|)[^\S\n]*(?P<name>(?P<surname>[А-ЯЁ][а-яё]+)[^\S\n](?P<given>[А-ЯЁ][а-яё]+)"
    r"(?:[^\S\n][А-ЯЁ][а-яё]+(?:вич|вна|чна))?)[^\S\n]*(?=\|)"
)


def _surnames_and_initials_missed(
    text: str, names: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A surname and its initials, or a table's cell of a surname and a given name the
    dictionary knows, natasha passed over, as written: lists write them in the nominative."""
    found = [
        (m.start(), m.end(), f"{m['surname']} {m['initials']}")
        for m in _SURNAME_AND_INITIALS.finditer(text)
    ]
    found += [
        # two words in running order, which a register's surname of no telling ending is not
        # read back from; with a patronymic, the order of the cell is read as any is
        (m.start("name"), m.end("name"), m["name"] if m["name"].count(" ") == 2 else
         f"{m['given']} {m['surname']}")
        for m in _SURNAME_GIVEN_CELL.finditer(text)
        if given_name_before_surname(m["given"], m["surname"])
    ]  # fmt: skip
    return [
        (s, e, name)
        for s, e, name in found
        if not any(start < e and s < end for start, end, _ in names)
    ]


def _pieces(text: str, span: Any, vocab: Any) -> list[Any]:
    """natasha's person ``span`` cut where no name goes on: at a line break ("Шевчук Т." on a
    log's line, "Коле" starting the next), at a bracket ("Серику (Мамыров Серик)": whom a
    parcel went to, then who that is), at a table's cell or a change of script ("Хан Олег |
    KHAN OLEG"), and after a surname's initials, where the next word starts another name or,
    when the dictionary knows it as an ordinary word, the next sentence ("Сулейменов Д.
    Протокол задержания …"). A span of some other type is no person: none."""
    from natasha.doc import DocSpan

    if span.type != "PER":
        return []
    groups: list[list[Any]] = [[]]
    for token in span.tokens:
        previous = groups[-1][-1] if groups[-1] else None
        if token.text in "()[]|":
            groups.append([])
            continue
        gap = text[previous.stop : token.start] if previous is not None else ""
        if previous is not None and ("|" in gap or _another_script(previous.text, token.text)):
            groups.append([])  # a table's next cell, a name spelt again in Latin letters
        if previous is not None and "\n" in gap and (previous.text == "." or "\n\n" in gap):
            groups.append([])  # not a name wrapped across a line: "Ерлан\nСулейменов"
        elif _after_initials(groups[-1]) and len(token.text) > 1:
            if _ordinary(token.text, vocab):
                break
            groups.append([])
        groups[-1].append(token)
    groups = [group for group in groups if any(t.text[:1].isupper() for t in group)]
    if len(groups) == 1 and len(groups[0]) == len(span.tokens):
        return [span]
    return [
        DocSpan(g[0].start, g[-1].stop, span.type, text[g[0].start : g[-1].stop], tokens=g)
        for g in groups
    ]


def _another_script(word: str, next_word: str) -> bool:
    """Whether one of two words is in Latin letters and the other in Cyrillic."""
    latin = [bool(re.search(r"[A-Za-z]", w)) for w in (word, next_word)]
    cyrillic = [bool(re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", w)) for w in (word, next_word)]
    return (latin[0] and cyrillic[1]) or (cyrillic[0] and latin[1])


def _after_initials(tokens: list[Any]) -> bool:
    """Whether ``tokens`` are a word, then initials with their full stops ("Сулейменов Д.")."""
    words = [t.text for t in tokens]
    return len(words) >= 3 and words[-1] == "." and len(words[-2]) == 1 and len(words[0]) > 1


def _ordinary(word: str, vocab: Any) -> bool:
    """Whether the dictionary knows ``word`` and never as a name."""
    lower = word.lower()
    return vocab.word_is_known(lower) and not any(
        {"Name", "Surn", "Patr"} & set(parse.tag.grammemes) for parse in vocab.parse(lower)
    )


def _capitalised(word: str, vocab: Any) -> str:
    """A word in capitals as a name is written, unless it is an abbreviation ("СИЗО", "ИВС",
    "МВД": not a surname in capitals before a name)."""
    return word if _abbreviation(word.lower(), vocab) else word.capitalize()


def _abbreviation(word: str, vocab: Any) -> bool:
    return _abbreviation_as_known(word, vocab.word_is_known(word), vocab.parse(word))


def _abbreviation_as_known(word: str, known: bool, parses: list[Any]) -> bool:
    """Whether ``word`` (in lower case) is an abbreviation, by what the dictionary knows of it."""
    if not known:
        return len(word) <= 4 and len(_VOWELS.findall(word)) <= 1  # "ИВС", "КНБ", "ДП"
    return "Abbr" in parses[0].tag


def _shouting_recased(text: str, vocab: Any) -> str:
    """The lines written all in capitals (a news ticker, a headline: "ДАУРЕН ОМИРБЕКОВ,
    ЗАДЕРЖАННЫЙ 6 ЯНВАРЯ, ОСВОБОЖДЁН") in ordinary case, which natasha needs to see a name:
    each word in lower case, and capitalised where it may be a name or a place, as far as the
    dictionary knows its words (an unknown word is most often a Kazakh name). Same length,
    so every offset holds."""

    def recased(line: re.Match[str]) -> str:
        return _WORD_IN_CAPITALS.sub(lambda m: _as_written(m, vocab), line[0])

    return _SHOUTING_LINE.sub(recased, text)


def _as_written(found: re.Match[str], vocab: Any) -> str:
    word = found[0]
    lower = word.lower()
    if len(word) == 1 and not _SETTLEMENT.search(found.string, 0, found.start()):
        return word if found.string.startswith(".", found.end()) else lower  # an initial
    if len(word) == 1:
        return lower  # "ЖИТЕЛЬ С. САРЫБУЛАК": the village's "с.", not an initial
    known, parses = vocab.word_is_known(lower), vocab.parse(lower)
    if _abbreviation_as_known(lower, known, parses):
        return word
    named = (
        not known
        or (
            parses[0].tag.POS not in _FUNCTION_WORDS
            and any(tag in p.tag for p in parses for tag in ("Name", "Surn", "Patr", "Geox"))
        )
        # how the dictionary reads a surname it does not know: "КАЛИЕВ" as a short adjective
        or (_SURNAME_ENDING.search(lower) is not None and parses[0].tag.POS in ("ADJS", "ADJF"))
    )
    written = lower.capitalize() if named else lower
    return written if len(written) == len(word) else word


# a line of at least three words with no lower-case letter
_SHOUTING_LINE = re.compile(r"(?m)^(?=(?:[^\n]*?(?<!\w)[А-ЯЁ]{2,}(?!\w)){3})[^a-zа-яё\n]+$")
_WORD_IN_CAPITALS = re.compile(r"(?<!\w)[А-ЯЁ]+(?!\w)")
_SETTLEMENT = re.compile(
    r"(?:ЖИТЕЛ[ЬЯИЕЙ]\w*|УРОЖЕН\w*|В|ВО|ИЗ|ПОД|СЕЛА|СЕЛЕ|ГОРОДА|ГОРОДЕ|ПОС[ЕЁ]ЛКА)\s+$"
)
# "житель с. Сарыбулак Даурен Омирбеков": the village natasha took into the name
_SETTLEMENT_BEFORE = re.compile(r"(?<!\d\s)(?<!\d)(?<!\w)(?:с|г|п|пос|аул|ст)\.\s*$", re.IGNORECASE)
# the same in small letters on the name's own line (not a list's "Баймагамбетова Г.\nЕрику")
_VILLAGE_BEFORE = re.compile(r"(?<!\w)(?:с|г|п|пос|аул|ст)\.[^\S\n]*$")
_SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына)$")
_FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "ADVB", "NUMR", "PRED"})
_VOWELS = re.compile(r"[аеёиоуыэюя]")

# "на проспекте Машхур Жусупа", "ул. Абая": a street named after someone
_STREET_BEFORE = re.compile(
    r"(?:улиц\w*|проспект\w*|ул\.|пр\.|бульвар\w*|переул\w*|микрорайон\w*|мкр\.?|площад\w*)"
    r"\s+$",
    re.IGNORECASE,
)
_PREPOSITION_FIRST = re.compile(r"(?:По|В|Во|На|Из|С|К|У|О|Об|За|От|До)\s")
# "ТОО «КокшеСтрой»", "АО …": a company natasha took for a person
_NOT_A_PERSON = re.compile(r"[«»\"]|^(?:ТОО|АО|ИП|ОО|ОФ|РОО)\s")


def _a_place(word: str) -> bool:
    """Whether ``word`` is a known place, as written or in an oblique case ("Аральска")."""
    from tizim.core.places import fold_place

    return any(
        fold_place(form) is not None
        for form in (word, word[:-1], word[:-2] + "ь", word[:-1] + "ь")
        if len(form) > 2
    )


def _dative_or_accusative(span: Any, written: str, normal: str) -> str:
    """A given name natasha does not know, ending in "-у" after a consonant, beside a surname
    in "-ову": a man's dative ("Мирасу Тулегенову" → "Мирас Тулегенов") or a woman's
    accusative ("Гульнару Сапарову" → "Гульнара Сапарова"), as natasha's tagger reads the
    case in the sentence; in "-аю", a man's dative ("Ертаю Жунусбекову" → "Ертай
    Жунусбеков")."""
    words, normals = written.split(), normal.split()
    given = words[0]
    if len(words) != 2 or len(normals) != 2 or not span.tokens:
        return normal
    surname = _OBLIQUE_SURNAME.fullmatch(words[1])
    tagged = span.tokens[0].feats or {}
    case = tagged.get("Case")
    if given.endswith("аю") and surname is not None and surname["ending"] == "у":
        # natasha may take it for a woman's accusative ("Ертая Жунусбекова"), its tagger
        # for a nominative; a man's accusative would be "-ая"
        if case == "Dat" or tagged.get("Gender") == "Masc":
            return f"{given[:-1]}й {surname['stem']}"
        return normal
    if normals[0] != given:
        return normal
    if not (given.endswith("у") and consonant_a(given[:-1] + "а")) or surname is None:
        return normal
    if surname["ending"] != "у":
        return normal
    if case == "Dat":
        return f"{given[:-1]} {surname['stem']}"
    if case == "Acc":
        return f"{given[:-1]}а {surname['stem']}а"
    return normal


def _dependent_name_off(written: str, normal: str, start: int, vocab: Any) -> tuple[str, str, int]:
    """ "Друг Азамата Ерасыл Токтаров": a given name in an oblique case before a given name and
    a surname in the nominative is someone else's (whose friend), not part of the name."""
    words = written.split()
    if len(words) != 3 or NOMINATIVE_PATRONYMIC.search(words[2]):
        return written, normal, start
    first, second = first_reading(words[0], vocab), first_reading(words[1], vocab)
    if not ("Name" in first.tag and first.tag.case in ("gent", "accs", "datv", "ablt")):
        return written, normal, start
    if not ("Name" in second.tag and second.tag.case == "nomn"):
        return written, normal, start
    if not re.search(r"(?:ов|ев|ёв|ин|ын|ова|ева|ина)$", words[2]):
        return written, normal, start
    rest = " ".join(words[1:])
    return rest, rest, start + len(words[0]) + 1


def _given_as_the_dictionary_reads_it(written: str, normal: str, vocab: Any) -> str:
    """Where natasha put a given name or patronymic the dictionary reads in one case only in
    another: "Виталий Гончаренко" (a surname that does not decline) stays as written;
    "Тлеубердина Алмата Серикбаевича" has its given name and patronymic in the genitive."""
    words, normals = written.split(), normal.split()
    if len(words) != len(normals) or len(words) < 2:
        return normal
    mans_patronymic = any(re.search(r"вич\w{0,2}$", word) for word in words)
    if not mans_patronymic and any(
        re.search(r"(?:ова|ева|ёва|ина|ына|ову|еву|ину|ой)$", w) for w in words
    ):
        return normal  # a woman's name, or may be: "Камила Юсупова", "Жанару Тулегенову"
    out = list(normals)
    with_patronymic = any("Patr" in first_reading(word, vocab).tag for word in words)
    for i, (word, natasha_form) in enumerate(zip(words, normals, strict=True)):
        if word.endswith(".") or len(word) < 3:
            continue
        parses = [p for p in vocab.parse(word.lower()) if "Name" in p.tag or "Patr" in p.tag]
        if not parses or re.search(r"(?:ов|ев|ёв|ин|ын)$", word):
            continue  # "Сейдахметов" is a surname, not the plural of "Сейдахмет"
        singular = [p for p in parses if "sing" in p.tag]
        nominative = all(p.tag.case == "nomn" and "masc" in p.tag for p in singular)
        if natasha_form != word and singular and nominative:
            out[i] = word  # natasha declined a nominative: "Виталия" for "Виталий"
        elif (
            with_patronymic
            and natasha_form == word
            and "masc" in parses[0].tag
            and "sing" in parses[0].tag  # one man's name: not "Бахром" as "Бахрома"'s plural
            and parses[0].tag.case in ("gent", "datv", "accs", "ablt")
        ):
            out[i] = parses[0].normal_form.capitalize()  # "Алмата Серикбаевича"
    return " ".join(out)


_OBLIQUE_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _declined_with_patronymic(written: str, normal: str, vocab: Any) -> str:
    """A name with a patronymic in an oblique case, surname first as a verdict lists them
    ("— Сулейманову Ильясу Абдуллаевичу, — 5 лет", "Асановой Динаре Руслановне"): the
    patronymic says the case and the gender, and every word is put in the nominative."""
    words = written.split()
    if len(words) != 3:
        return normal
    patronymic = next(
        (
            p
            for p in vocab.parse(words[2].lower())
            if "Patr" in p.tag and p.tag.case in _OBLIQUE_CASES
        ),
        None,
    )
    if patronymic is None:
        return normal
    case, feminine = patronymic.tag.case, "femn" in patronymic.tag
    given = next(
        (
            p
            for p in vocab.parse(words[1].lower())
            if "Name" in p.tag and p.tag.case == case and ("femn" in p.tag) == feminine
        ),
        None,
    )
    if given is None:
        return normal
    if feminine:
        middle = re.sub(r"(вн|чн)(?:е|ы|у|ой)$", r"\1а", words[2])
        surname = re.sub(r"(ов|ев|ёв|ин|ын)(?:ой|у)$", r"\1а", words[0])
    else:
        middle = patronymic.normal_form.capitalize()
        stem = _OBLIQUE_SURNAME.fullmatch(words[0])
        surname = stem["stem"] if stem is not None and stem["ending"] != "ой" else words[0]
        if stem is None and case in ("datv", "loct") and words[0].endswith("е"):
            surname = words[0][:-1] + "а"  # "Дзюбе" of Дзюба
        elif stem is None and case in ("gent", "accs") and consonant_a(words[0]):
            surname = words[0][:-1]  # "Гаврилюка Сергея Ивановича" of Гаврилюк
    # a woman's name that does not decline stays as written ("Сагындыковой Жанар Толеуовны")
    declined = not feminine or re.search(r"[еыуиюя]$|ой$", words[1]) is not None
    first = given.normal_form.capitalize() if declined else words[1]
    return f"{surname} {first} {middle}"


def _keep_yo(written: str, normal: str) -> str:
    """natasha writes "ё" as "е" ("Ковальчука Артёма" → "Артем"): the letter as written."""
    if "ё" not in written.lower():
        return normal
    out = []
    for word in normal.split():
        plain = word.replace("ё", "е")
        source = next((w for w in written.split() if w.replace("ё", "е")[:4] == plain[:4]), "")
        yo = [i for i, ch in enumerate(source) if ch in "ёЁ" and i < len(word)]
        out.append("".join("ё" if i in yo and ch == "е" else ch for i, ch in enumerate(word)))
    return " ".join(out)


def _initials_surname(span: Any, written: str, normal: str) -> str:
    """A surname after initials, in a man's oblique case ("О судьбе Д. Смагулова"): natasha
    leaves it as written; the tagger's case of the surname says it is not a woman's
    nominative, and its ending gives the stem."""
    words = written.split()
    if len(words) >= 2 and all(re.fullmatch(r"(?:\w\.)+", w) for w in words[1:]):
        # "Токтаров Е.М." in a list: the surname first, nominative unless the tagger says not;
        # "-ой" is a woman's oblique case whatever the tagger says ("Тлеубаевой С.Б.")
        woman = re.fullmatch(r"(?P<stem>\w+(?:ов|ев|ёв|ин|ын))ой", words[0])
        if woman is not None:
            return " ".join([woman["stem"] + "а", *words[1:]])
        man = re.fullmatch(r"(?P<stem>\w+(?:ов|ев|ёв|ин|ын))(?:у|ым)", words[0])
        if man is not None:  # "Сейткалиеву Е.Б. предъявлено обвинение": a man's dative
            return " ".join([man["stem"], *words[1:]])
        case = (span.tokens[0].feats or {}).get("Case") if span.tokens else None
        return written if case in (None, "Nom") else normal
    if len(words) < 2 or not all(re.fullmatch(r"\w\.", w) for w in words[:-1]):
        return normal
    surname = _OBLIQUE_SURNAME.fullmatch(words[-1])
    last = (span.tokens[-1].feats or {}) if span.tokens else {}
    his_dative = last.get("Case") == "Dat" and last.get("Gender") == "Masc"
    if surname is not None and surname["ending"] == "у" and his_dative:
        return " ".join([*words[:-1], surname["stem"]])  # "осужденному Ж. Мухаметкалиеву"
    if surname is None or surname["ending"] not in ("а", "у", "ым", "е") or normal != written:
        return normal
    case = last.get("Case")
    if case in (None, "Nom"):
        return normal
    return " ".join([*words[:-1], surname["stem"]])


# A surname in capitals right before the name natasha found, which it left out ("ТУРСЫНОВ
# Аслан Маратович"): a surname's ending, or as short as Korean surnames are (ЛИ, КИМ).
_CAPITALS_BEFORE = re.compile(
    r"(?<!\w)([А-ЯЁ]{2,3}|[А-ЯЁ]+(?:ОВ|ЕВ|ЁВ|ИН|ЫН|ОВА|ЕВА|ИНА|ЫНА|КО|УК|ЮК|ИЙ|АЯ))\s+$"
)
# a surname in capitals before a given name or initials ("ЛИ Виктория", "ТОКТАРОВ Е.М."), not a
# heading ("ДЕПУТАТСКИЙ ЗАПРОС")
_CAPITALS = re.compile(r"(?<!\w)[А-ЯЁ]{2,}(?=\s+[А-ЯЁ](?:[а-яё]|\.))")
_GIVEN_AND_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(?:вич|вна|чна|ична)")

_ROLE_WORD = re.compile(
    r"(?:тел[оаеу]|труп|журналист|активист|адвокат|студент|правозащитни|задержанн|погибш|азаттык|"
    r"пострадавш|сотрудник|родственни|брат|сестр|сын|доч|жен[аеуы]|муж|полицейск|житель|жительниц)\w*$"
)


def _common_noun_before_a_name(words: list[str], vocab: Any) -> bool:
    """Whether a name natasha found opens with a common noun before a given name and a
    surname ("Риелтор Жамиля Бурабаева", who she is), not a surname before a given name and
    patronymic ("Волк Сергей Иванович")."""
    if len(words) != 3:
        return False
    first, given, last = (first_reading(w, vocab) for w in words)
    if first.tag.POS != "NOUN" or {"Name", "Surn", "Patr", "Geox"} & set(first.tag.grammemes):
        return False
    return "Name" in given.tag and "Patr" not in last.tag


def _already_nominative(written: str, normal: str, vocab: Any) -> bool:
    """natasha sometimes lengthens a nominative name it does not know (``Аслан Нурпеисов`` →
    ``Аслана``): a given name that is a name in the nominative singular stays as written; so
    does a name ending in a nominative patronymic."""
    words = written.split()
    if len(words) == 3 and NOMINATIVE_PATRONYMIC.search(words[-1]):
        return True
    if (
        len(words) == 2
        and re.search(r"(?:ов|ев|ин|ова|ева|ина)$", words[0])
        and any("Name" in p.tag and p.tag.case == "nomn" for p in vocab.parse(words[1]))
    ):
        return True  # "Джумагалиев Нурсултан, 2001 г.р.": a list's surname first
    normals = normal.split()
    if (
        len(words) == len(normals) == 2
        and re.search(r"(?:ов|ев|ин|ын)$", words[0])
        and normals[1] == words[1]
        and not vocab.word_is_known(words[1].lower())
    ):
        return True  # "Сыздыков Куаныш, 44 года": not "Сыздык", a Kazakh name it does not know
    given, normal_given = words[0], normal.split()[0]
    if len(normal_given) > len(given):
        return any(
            "Name" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing"
            for p in vocab.parse(given)
        )
    return False


def _womans_nominative(span: Any, written: str) -> bool:
    """``Алия Нуртазина`` is read as a man's genitive (``Алий Нуртазин``) by the dictionary
    alone; natasha's tagger, which sees the sentence, says whether it is a woman's name in the
    nominative ("Наш корреспондент Алия Нуртазина была задержана", not "Журналиста Дамира
    Сулейменова освободили")."""
    words = written.split()
    if len(words) != 2 or not _FEMININE.search(words[1].lower()) or not span.tokens:
        return False
    if _only_a_mans_oblique(words[0], dictionary()):
        return False  # "Жена вахтовика Айбека Далабаева": "Айбека" is only ever his genitive
    feats = span.tokens[0].feats or {}
    return feats.get("Case") == "Nom" and feats.get("Gender") == "Fem"


def _only_a_mans_oblique(given: str, vocab: Any) -> bool:
    """Whether the dictionary reads ``given`` as a name only in a man's oblique case."""
    names = [p for p in vocab.parse(given) if "Name" in p.tag]
    return bool(names) and all("masc" in p.tag and p.tag.case != "nomn" for p in names)


def _keep_feminine(written: str, normal: str, span: Any = None) -> str:
    """natasha turns ``Айман Умарова`` (already nominative) into ``Айман Умаров``: when the
    given name did not change, the written surname was nominative already — unless the
    tagger, which sees the sentence, reads it as a man's oblique case ("троих жителей —
    Тлеугали Мамырова": a given name that does not decline)."""
    words, normals = written.split(), normal.split()
    if len(words) != len(normals) or words[0] != normals[0]:
        return normal
    last = (span.tokens[-1].feats or {}) if span is not None and span.tokens else {}
    if last.get("Gender") == "Masc" and last.get("Case") in ("Gen", "Acc"):
        return normal
    return " ".join(
        w if _FEMININE.search(w.lower()) else n for w, n in zip(words, normals, strict=True)
    )


def _surname_after_patronymic(written: str, normal: str) -> str:
    """A man's name with a patronymic in an oblique case ("Кайрата Жумабековича Есенжолова"):
    when natasha put the given name and patronymic back but not the surname, so does this."""
    words, normals = written.split(), normal.split()
    if len(words) != 3 or len(normals) != 3 or not re.search(r"вич(?:а|у|ем|е)$", words[1]):
        return normal
    surname = _OBLIQUE_SURNAME.fullmatch(normals[2])
    if surname is None or surname["ending"] == "ой" or normals[2] != words[2]:
        return normal
    return f"{normals[0]} {normals[1]} {surname['stem']}"


def _tagged_nominative(span: Any) -> bool:
    """Whether natasha's tagger reads every word of a man's name in the nominative."""
    words = span.text.split()
    if len(words) < 2 or not re.search(r"(?:ов|ев|ёв|ин|ын|ий)$", words[-1]):
        return False  # a surname of a man's nominative shape, not "Динаре Абишевой"
    return bool(span.tokens) and all(
        (token.feats or {}).get("Case") == "Nom" for token in span.tokens
    )


# whose relative: "Жена Руслана Бисенова сообщила": the name after it is in the genitive
_KIN_BEFORE = re.compile(
    r"(?:жена|вдова|мать|отец|сын|дочь|брат|сестра|супруга|родные|родственники|адвокат)"
    r"\s+$",
    re.IGNORECASE,
)


def _of_a_relative(before: str, written: str, normal: str) -> str:
    """A man's name in the genitive after whose relative it names ("Жена Руслана Бисенова"),
    which natasha left as written, taking it for a woman's ("Руслана Бисенова")."""
    words = written.split()
    if normal != written or len(words) != 2 or not _KIN_BEFORE.search(before):
        return normal
    given, surname = words
    if not (consonant_a(given) and re.search(r"(?:ов|ев|ёв|ин|ын)а$", surname)):
        return normal
    return f"{given[:-1]} {surname[:-1]}"


def _given_before_a_korean_surname(written: str, normal: str, vocab: Any) -> str:
    """ "про Константина Ли": a given name in an oblique case before a surname that does not
    decline, which natasha left as written."""
    words = written.split()
    if len(words) != 2 or words[1].lower() not in PLAIN_SURNAMES or normal != written:
        return normal
    given = first_reading(words[0], vocab)
    if "Name" not in given.tag or given.tag.case == "nomn":
        return normal
    return f"{given.normal_form.capitalize()} {words[1]}"


def _given_unchanged(written: str, normal: str) -> bool:
    """Whether natasha left the first word as written: the given name, unless the name is
    written surname first with a patronymic that natasha put back ("Коваленко Андрея
    Петровича" → "Коваленко Андрей Петрович": a surname that does not decline)."""
    words, normals = written.split(), normal.split()
    put_back = len(words) == len(normals) == 3 and words[2] != normals[2]
    if put_back and re.search(r"(?:вич|вна)$", normals[2]):
        return False
    # natasha writes "ё" as "е": "Серёжу" left as "Сережу" is left as written
    return len(words) == len(normals) >= 2 and words[0].replace("ё", "е") == normals[0]


# Kazakh surnames without a Russian ending, in a man's genitive or accusative: "Ошакбая",
# "Сейтбека" (of Ошакбай, Сейтбек).
_OBLIQUE_KAZAKH_SURNAME = re.compile(r"(?P<stem>\w+[ае])я$|(?P<bek>\w+бек)а$")


def _surname_after_given(written: str, normal: str) -> str:
    """When natasha put a man's given name back in the nominative ("Токтара" → "Токтар") but
    left a Kazakh surname it does not decline ("Ошакбая"), the surname follows."""
    words, normals = written.split(), normal.split()
    if len(words) != 2 or len(normals) != 2 or words[0] == normals[0] or words[1] != normals[1]:
        return normal
    instrumental = re.fullmatch(r"(?P<stem>\w+[ая])ем", words[1])
    if words[0].endswith(("ом", "ем")) and instrumental is not None:
        return f"{normals[0]} {instrumental['stem']}й"  # "Жанболатом Мамаем" → Жанболат Мамай
    if words[0].endswith(("ом", "ем")) and words[1].endswith(("ым", "им")):
        adjective = first_reading(words[1], dictionary())
        if adjective.tag.POS == "ADJF":  # "Сергеем Луговым" → Сергей Луговой
            return f"{normals[0]} {adjective.normal_form.capitalize()}"
    russian = _OBLIQUE_SURNAME.fullmatch(normals[1])
    if words[0] == normals[0] + "у" and russian is not None and russian["ending"] == "у":
        return f"{normals[0]} {russian['stem']}"  # "Жандосу Тастемирову": a man's dative
    if not words[0].endswith(("а", "я")):
        return normal
    if russian is not None and russian["ending"] == "а":
        return f"{normals[0]} {russian['stem']}"  # "Бекзата Алимжанова"
    m = _OBLIQUE_KAZAKH_SURNAME.fullmatch(normals[1])
    if m is None:
        return normal
    surname = m["stem"] + "й" if m["stem"] else m["bek"]
    return f"{normals[0]} {surname}"


_OBLIQUE_SURNAME = re.compile(r"(?P<stem>\w+?(?:ов|ев|ёв|ин|ын))(?P<ending>у|ой|ым|е|а)$")


def _by_endings(written: str, vocab: Any) -> str:
    """A name natasha left as written (it does not know it: ``Гульнару Сапарову``): the given
    name from the dictionary, the surname by its ending, in the given name's gender."""
    words = written.split()
    if len(words) < 2:
        return written
    # not a plural: the dictionary guesses "Дильназ" for the genitive plural of "Дильназа"
    parses = [
        p
        for p in vocab.parse(words[0])
        if "Name" in p.tag and p.tag.case != "nomn" and p.tag.number != "plur"
    ]
    surname_first = _OBLIQUE_SURNAME.fullmatch(words[0])
    given_after = [
        p
        for p in vocab.parse(words[1])
        if "Name" in p.tag and "masc" in p.tag and p.tag.case != "nomn"
    ]
    # a man's surname written first, in an oblique case ("от Калиева Бауыржана"); not "-у":
    # "Тулегенову Жанару" may be hers
    if (
        len(words) == 2
        and not parses
        and surname_first
        and given_after
        and surname_first["ending"] in ("ым", "е", "а")
    ):
        return f"{surname_first['stem']} {given_after[0].normal_form.capitalize()}"
    # a surname that does not decline, written first ("про Ткаченко Виталика"): the given
    # name alone says the case, when the dictionary never reads it as a nominative name
    nominative = any("Name" in p.tag and p.tag.case == "nomn" for p in vocab.parse(words[1]))
    if len(words) == 2 and not parses and words[0][-1] in "оеиу" and given_after:
        return written if nominative else f"{words[0]} {given_after[0].normal_form.capitalize()}"
    if not parses:
        # A given name that does not decline is a woman's ("Айман Умарову": a man's would be
        # "Айману"), so "-ову" is her accusative.
        m = _OBLIQUE_SURNAME.fullmatch(words[-1])
        if len(words) == 2 and m is not None and m["ending"] in ("у", "ой"):
            # "-ой" is only ever a woman's surname: "Ляззат Досмамбетовой"
            return f"{words[0]} {m['stem']}а"
        # A man's genitive whose given name the dictionary takes for a word ("Каната" of
        # "канат"), unless it is a woman's name in the nominative ("Динара Беккулова").
        womans = any("Name" in p.tag and "femn" in p.tag for p in vocab.parse(words[0]))
        if len(words) == 2 and m is not None and m["ending"] == "а" and not womans:
            return f"{words[0][:-1]} {m['stem']}" if consonant_a(words[0]) else written
        kazakh = _OBLIQUE_KAZAKH_SURNAME.fullmatch(words[-1])
        if len(words) == 2 and kazakh is not None and consonant_a(words[0]) and not womans:
            # "ищут Каната Укибая": the same, with a Kazakh surname of no Russian ending
            surname = kazakh["stem"] + "й" if kazakh["stem"] else kazakh["bek"]
            return f"{words[0][:-1]} {surname}"
        return written
    given, feminine = parses[0], "femn" in parses[0].tag
    out = [given.normal_form.capitalize()]
    for word in words[1:]:
        m = _OBLIQUE_SURNAME.fullmatch(word)
        if m is None:
            out.append(word)
        elif feminine:
            out.append(m["stem"] + "а" if m["ending"] in ("у", "ой") else word)
        else:
            out.append(m["stem"] if m["ending"] in ("у", "ым", "е", "а") else word)
    return " ".join(out)
