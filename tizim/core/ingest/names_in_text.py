"""Names in a sentence: Russian ones found by natasha (``names_ru``), Kazakh and English ones
as runs of capitalised words that are not places, streets, organisations or laws, with Kazakh
case endings taken off, and a surname in the plural shared by the names joined to it.

``persons`` decides which of the names found something happened to.
"""

from __future__ import annotations

import re

from tizim.core.ingest import lexicon, personal
from tizim.core.ingest.text import Sentence
from tizim.core.places import fold_place

# an initial, one letter or the two Latin letters of one Cyrillic ("Ye.", "Zh."): "Kempirbayev
# Ye. S.", "Ye. Sugirbayev"
_INITIAL = rf"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|{lexicon.LATIN_DIGRAPH_INITIALS})\."
_CAP = rf"(?!{_INITIAL})[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*[\w]"
# Up to four capitalised words: a name with a patronymic, or a name after a place and a title
# ("Almaty Police Berik Abilbekov"), whose leading words are then trimmed.
# An initial or two may stand before the surname ("Mr A. Zhaksylykov", "Қ. Мұратбековтың").
_INITIALS = rf"(?:{_INITIAL}\s?){{1,2}}(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]*\w)"
_NAME_RUN = re.compile(
    rf"(?:(?P<title>Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>(?:{_INITIALS})?{_CAP}(?:\s+{_CAP}){{0,3}}"
    # a list's surname, then initials: "Әлімжанов Б.", "Қалиев Н.Т." (not the first of the
    # next name's: "Resident A. B. Nurlybayev")
    rf"(?:\s(?:{_INITIAL}){{1,2}}(?!\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))?"
    # the same, two initials apart: "Kempirbayev Ye. S."
    rf"(?:(?<=\.)\s{_INITIAL}(?![\w.]))?)"
)
_IN_BRACKETS_LABEL = re.compile(r"\)\s*:")
_KK_ENDINGS = sorted(
    (
        "ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті да де та те нда нде дан ден "
        "тан тен нан нен мен бен пен ға ке"
    ).split(),
    key=len,
    reverse=True,
)
_SURNAME_SHAPE = re.compile(
    r"(?:ов|ев|ин|ова|ева|ина|ұлы|улы|қызы|кызы|бек|бай|baev|ov|ev|in|ova|eva|ina|uly|kyzy)$",
    re.IGNORECASE,
)
_OBLIQUE_KK = re.compile(
    r"(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|да|де|та|те|дан|ден|тан|"
    r"тен|нан|нен|сы|сі|ы|і|мен|бен|пен|лар|лер|дар|дер|тар|тер)$"
)
_KAZAKH_THING = re.compile(rf"(?:{personal.KAZAKH_THING_STEMS})")
_KAZAKH_NAME = re.compile(rf"(?:{personal.KAZAKH_NAME_ENDINGS})$", re.IGNORECASE)
_ENGLISH_WORD = re.compile(rf"(?:{personal.ENGLISH_WORD_ENDINGS})$", re.IGNORECASE)
# a surname in the plural: "Әбеновтер" (the Abenovs)
_KK_PLURAL_SURNAME = re.compile(
    r"(?P<stem>\w+(?:ов|ев|ин|ова|ева|ина))(?:тер|тар|лар|лер|дар|дер)$"
)
# the Kazakh locative and ablative endings: where, or where from ("Шиеліде", "Алматыдан")
_KK_WHERE_ENDINGS = "нда|нде|да|де|та|те|дан|ден|тан|тен|нан|нен"
_KK_WHERE = re.compile(rf"\w{{3,}}(?:{_KK_WHERE_ENDINGS})$")
_DEMONYM = re.compile(r"\w{3,}(?:лық|лік|тық|тік)$")  # not "-дық": "Қуандық", "Сыздық"
# "-дық" too before a given name and a surname ("Ұланбелдік Ғалым Сәрсенбаев")
_DEMONYM_D = re.compile(r"\w{4,}(?:дық|дік)$")
_JOINED_BY_AND = re.compile(rf"\s+(?:{lexicon.AND_WORDS})\s+")


# a Kazakh passive or negative participle ("ұсталған", "жараланған", "танылмаған"), which
# opens a sentence with a capital before a name; no name ends so ("Төлеген", "Ізтұрған" do not)
_KAZAKH_PARTICIPLE = re.compile(r"(?:л|н|ма|ме|па|пе|ба|бе)(?:ған|ген)$")


# surnames short enough to pass for an abbreviation when a list writes them in capitals
_SHORT_SURNAMES = frozenset(
    "ким пак цой ли тен тян нам шин хван огай kim pak park li lee ten tsoi tsoy nam".split()
)


def is_name_word(word: str, *, beside_surname: bool = False) -> bool:
    """Whether ``word`` may be part of a name; a town's name may, beside a surname
    ("Нұрсұлтан Беков": Nursultan is a given name as well as the capital's old name)."""
    folded = word.lower().strip("'’")
    if folded in personal.NOT_NAMES or len(folded) < 2:
        return False
    if "-" in folded and all(part in personal.NOT_NAMES for part in folded.split("-")):
        return False  # "Prosecutor-General"
    if re.search(r"(?:мыз|міз|ымыз|іміз|ларымыз|леріміз)$", folded):
        return False  # "Тыңдармандарымыз" (our listeners): a Kazakh "our", never a name
    if len(folded) >= 6 and _KAZAKH_PARTICIPLE.search(folded):
        return False  # "Жараланған Нұрболат Ақыланов": the wounded one, not his given name
    if "year-old" in folded or "жастағы" in folded:
        return False  # "Nineteen-year-old Timur Bekov": his age, not his name
    if re.search(r"[а-яәғқңөұүһі](?:дағы|дегі|тағы|тегі)$", folded):
        return False  # "Қызылордадағы" (the one in Kyzylorda): a place's adjective
    if re.search(
        r"[a-z]{3}(?:ally|ently|antly|ively|ously|ately|edly|ingly|fully|lessly)$", folded
    ):
        return False  # "Nationally, the authorities report …": an adverb opening a sentence
    if re.fullmatch(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}-\w+", word):
        return False  # "ҚК-нің", "ҚР-да": an abbreviation with a case ending
    if re.fullmatch(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,4}", word) and folded not in _SHORT_SURNAMES:
        return False  # "ҚПК 35-бабы", "БҰҰ": an abbreviation, not "ЛИ" or "КИМ" in a list
    if not _SURNAME_SHAPE.search(folded) and any(
        folded.startswith(stem)
        for stem in personal.NOT_NAMES
        if len(stem) >= 5 and not stem.isascii()
    ):
        return False  # "Тыңдармандарымыз…", but "Досымов" is a surname, not "досым" (my friend)
    if _kazakh_place_in_a_case(word):
        return False  # "Қайрат Әбілқасымов Ақтөбеде": in Aktobe, even beside a surname
    return beside_surname or fold_place(word) is None


_KK_PLACE_CASES = re.compile(rf"(?:{_KK_WHERE_ENDINGS}|ға|ге|қа|ке|ның|нің|дың|дің|тың|тің)$")


# A word the text itself shows to be a place: after "from", "in", "near", "village of", or
# as a dateline's town ("TAUTURGEN, Kazakhstan, Jan 6"), or "Tauturgen, a village of …"
_PLACE_TOLD = re.compile(
    r"(?<!\w)(?i:from|in|near|outside|(?:village|town|city|settlement) of)\s+"
    r"(?P<after>[A-Z][\w-]+)(?![\w'’-])(?!\s+[A-Z])"
    r"|(?<![\w'’-])(?P<before>[A-Z][\w-]+),\s+(?:Kazakhstan|a (?:village|town|settlement))\b"
)
# a capitalised word before another: a given name when the other has a surname's ending
_GIVEN_BEFORE_SURNAME = re.compile(r"(?<![\w-])([A-Z][a-z]+)\s+([A-Z][a-z]+)(?![\w-])")


def places_told(text: str) -> frozenset[str]:
    """The words, in lower case, an English text shows to be places no list of towns knows
    ("a market trader from Tauturgen", "In Aryqbalyq today"): a surname alone that is one of
    them names no one. None has a surname's ending."""
    words = {(m["after"] or m["before"]) for m in _PLACE_TOLD.finditer(text)}
    # not a given name the text writes before a surname ("away from Ruslan": Ruslan Abenov)
    given = {m[1] for m in _GIVEN_BEFORE_SURNAME.finditer(text) if _SURNAME_SHAPE.search(m[2])}
    return frozenset(
        w.lower()
        for w in words - given
        if not _SURNAME_SHAPE.search(w) and w.lower() not in _SHORT_SURNAMES
    )


def _kazakh_place_in_a_case(word: str) -> bool:
    """Whether ``word`` is a town's Kazakh name with a case ending ("Ақтөбеде", "Алматыдан")."""
    ending = _KK_PLACE_CASES.search(word)
    return ending is not None and fold_place(word[: ending.start()]) is not None


# the consonants after which a Kazakh ending starts with "т" ("Мараттан", "Ақжігітті"), with
# the "в", "б", "д", "г" of Russian and foreign names, said voiceless at the end
# ("Сыздықовтың", "Шерзодты")
_VOICELESS = frozenset("кқпстшфхцчщвбдг")


def strip_kazakh_case(word: str, *, any_surname: bool = False) -> str:
    """A Kazakh surname without its case ending ("Жақыповтың" → "Жақыпов"); with
    ``any_surname``, also one of no telling shape after a given name ("Қасым Аманжолды")."""
    if re.search(r"(?:ұлы|улы|қызы|кызы)н$", word, re.IGNORECASE):
        return word[:-1]  # the accusative after a vowel: "Марат Жұмабайұлын"
    for ending in _KK_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)]
            if ending[0] in "тқк" and stem[-1].lower() not in _VOICELESS:
                # "Нұрсұлтан", "Байсерке": after "л" or "р" an ending would be "-дан" or
                # "-ге"; "-тан" and "-ке" are the name's own
                continue
            if _SURNAME_SHAPE.search(stem) or (any_surname and not _KAZAKH_NAME.search(word)):
                return stem
    return word


def names_in(
    sentence: Sentence, language: str, ru_names: list[tuple[int, int, str]]
) -> list[tuple[int, int, str, bool]]:
    """(start, end, normalised name, surname only) of each name in the sentence; a name with
    digits is none ("Январь-2022 Именно": natasha's span over a platform's name and the next
    word; "FY22 EBITDA" in a broker's note)."""
    return [
        found
        for found in _names_in(sentence, language, ru_names)
        if not any(c.isdigit() for c in found[2])
    ]


def _names_in(
    sentence: Sentence, language: str, ru_names: list[tuple[int, int, str]]
) -> list[tuple[int, int, str, bool]]:
    if language == "ru":
        return [
            (s - sentence.start, e - sentence.start, name, len(name.split()) == 1)
            for s, e, name in ru_names
            if sentence.start <= s < sentence.end
        ]
    text = sentence.text
    found = _surnames_first(text) if language == "en" else []
    found += _surname_in_brackets(text)
    if language == "kk":
        found += _a_familys_child(text)
    for m in _NAME_RUN.finditer(text):
        if any(start <= m.start() < end for start, end, _, _ in found):
            continue
        words = m["name"].split()
        if language == "en" and not _surname_in(words) and _a_title(text, m.start(), words):
            continue  # "== OPEN FILES ==", "The Steppe Signal": a heading, a title
        if _IN_BRACKETS_LABEL.match(text, m.end()) and text[: m.start()].rstrip().endswith("("):
            continue  # "(Qazaq Radiosy):" an outlet in a transcript's label
        if text[: m.start()].endswith(("«", '"', "“")) and text[m.end() : m.end() + 1] in '»"”':
            continue  # "«Әділет Жолы»": a party, an outlet, a company in quotes
        if _names_a_thing(words, text[m.end() :]):
            continue  # "Aiteke Bi Street", "Criminal Code", "Steppe Wire"
        beside = len(words) > 1 and any(_SURNAME_SHAPE.search(strip_kazakh_case(w)) for w in words)
        while words and not is_name_word(words[-1], beside_surname=beside):
            words = words[:-1]
        before = [i for i, w in enumerate(words) if not is_name_word(w, beside_surname=beside)]
        if before:  # "Oral Police Serik Abenov": the name is what follows the last non-name
            words = words[before[-1] + 1 :]
        if not words:
            continue
        after = re.match(rf"\s?({_CAP})", text[m.end() :])
        if len(words) == 1 and re.fullmatch(r"\w\.", words[0]) and after and is_name_word(after[1]):
            # "Resident B. Nurmagambetov": the initial after a word of no name is the next
            # word's, not a list's surname-then-initial
            start = m.start("name") + m["name"].rindex(words[0])
            found.append((start, m.end() + after.end(), f"{words[0]} {after[1]}", False))
            continue
        if (
            language == "kk"
            and len(words) == 3
            and (_DEMONYM.search(words[0]) or _DEMONYM_D.search(words[0]))
            and _SURNAME_SHAPE.search(strip_kazakh_case(words[2]))
            and not _SURNAME_SHAPE.search(words[1])
        ):
            words = words[1:]  # "Торғайлық Қайрат Сәрсенов": a man from Torgai
        if (
            language == "kk"
            and len(words) == 3
            and (_KK_WHERE.search(words[2]) or fold_place(words[2]) is not None)
            and _SURNAME_SHAPE.search(words[1])
            and not _SURNAME_SHAPE.search(words[0])
        ):
            words = words[:2]  # "Мұрат Қожахметов Шиеліде", "Сәкен Мұратов Атырау қаласында"
        if len(words) > 1 and not _may_be_a_name(words, language, text[m.end() :]):
            continue  # "Civic Freedoms", "Мәжілістің Ұсынымдары"
        start = m.start("name") + m["name"].index(words[0])
        end = start + len(" ".join(words))
        if language == "kk":
            words[-1] = strip_kazakh_case(words[-1], any_surname=len(words) == 2)
        name = " ".join(w[:-2] if w.endswith(("'s", "’s")) else w for w in words)
        if len(words) == 1:
            # "Mr. Kim", or "Sarsenov was detained": a person told of before, if any
            found.append((m.start() if m["title"] else start, end, name, True))
        else:
            found.append((start, end, name, False))
        if len(words) == 1 and start == 0 and re.match(r"^,\s*(?:a|an|who|the)\s", text[end:]):
            found[-1] = (start, end, name, False)  # "Asel, a protester going by a pseudonym"
    if language == "kk":
        return _kazakh_family(text, found)
    return _english_siblings(text, found) if language == "en" else found


# A list's or a case file's name, surname in capitals first (another spelling may follow in
# brackets), then a comma and the given name or initial: "#03 ABENOV, Yerlan, b. 1987",
# "MUKHAMETZHANOVA, A., b. 2001", "ZHUMABAYEV (Jumabaev), Nurlan"
_SURNAME_COMMA_GIVEN = re.compile(
    r"(?<![\w-])(?P<surname>[A-Z][A-Z'’-]{2,})(?:\s*\([^()\n]{1,40}\))?,\s+"
    r"(?P<given>[A-Z][a-z'’-]+|[A-Z]\.)(?!\w)"
    r"(?:\s+(?P<patronymic>[A-Z][a-z]+(?:ovich|evich|ovna|evna|uly|kyzy))(?!\w))?"
)
# … or with no comma, as a register's cell writes it: "TSKHAI Viktor (45)", "OGAI Denis"
_SURNAME_CAPITALS_GIVEN = re.compile(
    r"(?<![\w-])(?P<surname>[A-Z][A-Z'’-]{2,})\s+(?P<given>[A-Z][a-z'’-]+)(?![\w-])"
)
# a line with no lower-case letter from the capitals on: a heading
_HEADING = re.compile(r"[^a-z\n]*(?:\n|$)")


# the same in mixed case, where the surname shows itself by its ending: "Concerns: Amanzholov,
# Ruslan, 22", "Vlasenko, Igor P.", "Kim, Vadim", "Tursynbek, Ye."
_SURNAME_COMMA_GIVEN_MIXED = re.compile(
    r"(?<![\w-])(?P<surname>[A-Z][a-z'’-]{1,}),\s+"
    r"(?P<given>[A-Z][a-z'’-]+|[A-Z][a-z]?\.)(?:\s+[A-Z]\.)?(?![\w'’-])(?!\s+[A-Z][a-z])"
)


# the surname's ending that tells it in mixed case (not "-ina": "My dear Zarina, Alisher")
_SURNAME_FIRST_MIXED = re.compile(
    r"(?:ov|ev|ova|eva|enko|ko|sky|skiy|yan|uly|kyzy|bek|bay|in|yn)$", re.IGNORECASE
)


# a surname of no telling ending, a given name and a Russian patronymic, as an order or a
# register writes a name in English: "master's student Weber Ruslan Ernstovich"
_PLAIN_SURNAME_GIVEN_PATRONYMIC = re.compile(
    r"(?<![\w-])(?P<surname>[A-Z][a-z'’-]+)\s+(?P<given>[A-Z][a-z'’-]+)\s+"
    r"(?P<patronymic>[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna))(?![\w-])"
)


# a given name, its other spelling in brackets, then the surname: "Andrei (Andrzej) OLSHEVSKI"
_GIVEN_OTHERWISE_SURNAME = re.compile(
    r"(?<![\w-])(?P<given>[A-Z][a-z'’-]+)\s+\([A-Z][a-z'’-]+\)\s+"
    r"(?P<surname>[A-Z][A-Za-z'’-]+)(?![\w-])"
)


def _surnames_first(text: str) -> list[tuple[int, int, str, bool]]:
    """Names written surname first in capitals, then a comma ("ABENOV, Yerlan"), or before a
    given name and patronymic ("Weber Ruslan Ernstovich"), or after a given name and its other
    spelling in brackets ("Andrei (Andrzej) OLSHEVSKI"), in running order ("Yerlan Abenov",
    "Ruslan Ernstovich Weber"); the surname must be no word of a heading ("NB, Our")."""
    found = [
        (m.start(), m.end(), f"{m['given']} {m['surname'].title()}", False)
        for m in _GIVEN_OTHERWISE_SURNAME.finditer(text)
        if is_name_word(m["given"]) and is_name_word(m["surname"].title())
    ]
    for m in _PLAIN_SURNAME_GIVEN_PATRONYMIC.finditer(text):
        surname, given = m["surname"], m["given"]
        if _SURNAME_SHAPE.search(surname) or _SURNAME_SHAPE.search(given):
            continue  # "Amirkhanov Daniyar Serikovich": its ending tells the surname already
        if is_name_word(surname) and is_name_word(given):
            found.append((m.start(), m.end(), f"{given} {m['patronymic']} {surname}", False))
    commas = list(_SURNAME_COMMA_GIVEN.finditer(text))
    # (a surname of a telling ending, "KURMANTAYEV Dauren", is read as any name is)
    bare = [
        m
        for m in _SURNAME_CAPITALS_GIVEN.finditer(text)
        if not _HEADING.match(text, m.start()) and not _SURNAME_SHAPE.search(m["surname"])
    ]
    for m in [*commas, *bare]:
        if any(a <= m.start() < b for a, b, _, _ in found):
            continue
        surname = m["surname"].title()
        if fold_place(surname) is not None or not is_name_word(surname):
            continue  # "SEREBRYANSK, East Kazakhstan region —": a dateline
        if not m["given"].endswith(".") and not is_name_word(m["given"]):
            continue  # "CHINGIRLAU, Kazakhstan, Jan 7": a town the list of places lacks
        if not _may_be_a_name([m["given"], surname], "en"):
            continue
        found.append((m.start(), m.end(), f"{m['given']} {surname}", False))
    for m in _SURNAME_COMMA_GIVEN_MIXED.finditer(text):
        surname, given = m["surname"], m["given"]
        shaped = _SURNAME_FIRST_MIXED.search(surname) or surname.casefold() in _SHORT_SURNAMES
        if (
            not shaped
            or _SURNAME_SHAPE.search(given)
            or any(a <= m.start() < b for a, b, _, _ in found)
        ):
            continue
        if fold_place(surname) is not None or not is_name_word(surname):
            continue  # "Pavlodar, Kazakhstan"
        if not given.endswith(".") and (fold_place(given) is not None or not is_name_word(given)):
            continue
        found.append((m.start(), m.end("given"), f"{given} {surname}", False))
    return found


# a given name, perhaps with "aga"/"аға" (elder brother, a respectful address), then the
# surname in brackets, as chats write it: "Ruslan aga (Sadvakasov)", "Azamat (Kuttybayev, for
# the ppl asking in DMs)"
_GIVEN_SURNAME_IN_BRACKETS = re.compile(
    r"(?<![\w-])(?P<given>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+)"
    r"(?:\s+(?:aga|apa|ага|апа|аға|әпке|ағай))?\s+\((?P<surname>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]"
    r"[a-zа-яёәғқңөұүһі'’-]+)[,)]"
)


# a family's child: "Әбдіровтердің ұлы Нұрболат" (the Abdirovs' son Nurbolat), "Тоқтарбаевтардың
# Мақсаты" (the Toktarbayevs' Maksat), "Сұлтановтар әулетінің баласы Дархан"
_FAMILYS_CHILD = re.compile(
    r"(?<![\w-])(?P<family>[А-ЯӘҒҚҢӨҰҮҺІЁ][\w-]+?(?:ов|ев|ёв|ин))(?:тер|тар|дер|дар|лер|лар)"
    r"(?:дың|дің|тың|тің|нің|ның)?(?:\s+әулетінің)?\s+(?P<kin>(?:ұлы|қызы|баласы|немересі)\s+)?"
    r"(?P<given>[А-ЯӘҒҚҢӨҰҮҺІЁ][а-яәғқңөұүһіё]{2,})(?![\w-])"
)


def _a_familys_child(text: str) -> list[tuple[int, int, str, bool]]:
    """A child named by given name after the family's surname in the plural: the child's
    name, with the surname in the singular and the given name without "its" ("Мақсаты")."""
    found = []
    for m in _FAMILYS_CHILD.finditer(text):
        given = m["given"]
        if m["kin"] is None and re.search(r"[^аеёиоуыэюяәөұүі](?:ы|і)$", given) and len(given) > 4:
            given = given[:-1]  # "Тоқтарбаевтардың Мақсаты": their Maksat
        if not is_name_word(given) or _SURNAME_SHAPE.search(given):
            continue
        found.append((m.start(), m.end(), f"{given} {m['family']}", False))
    return found


def _surname_in_brackets(text: str) -> list[tuple[int, int, str, bool]]:
    """Chats' "Ruslan aga (Sadvakasov)": a given name, its surname in brackets, one name."""
    found = []
    for m in _GIVEN_SURNAME_IN_BRACKETS.finditer(text):
        if not _SURNAME_SHAPE.search(m["surname"]) or not is_name_word(m["given"]):
            continue
        found.append((m.start(), m.end("surname"), f"{m['given']} {m['surname']}", False))
    return found


def _a_title(text: str, start: int, words: list[str]) -> bool:
    """Whether English capitalised ``words`` at ``start`` are in a heading all in capitals or
    in title case, or after "the": a show, a paper, a group ("THE STEPPE SIGNAL", "to the
    Steppe Signal", "Man Shot In Bloody Kazakh Unrest Boycotts Election, Wants Change")."""
    after_the = words[0].lower() == "the" or text[:start].lower().endswith("the ")
    return after_the or _HEADING.match(text, start) is not None or _title_case(text, start)


def _title_case(text: str, start: int) -> bool:
    """Whether the line around ``start`` is a headline in title case: six words or more,
    nearly all capitalised (short function words aside)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[line_start : line_end if line_end >= 0 else None])
    words = [w for w in words if w.lower() not in _SMALL_TITLE_WORDS]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 6 and capitalised >= 0.85 * len(words)


# words a headline in title case may leave in small letters
_SMALL_TITLE_WORDS = frozenset("a an the and or of in on at to for by with as from".split())


def _surname_in(words: list[str]) -> bool:
    """Whether a word has a surname's ending, and is a word names are made of (not "IN")."""
    return any(_SURNAME_SHAPE.search(word) and is_name_word(word) for word in words)


def _english_siblings(
    text: str, found: list[tuple[int, int, str, bool]]
) -> list[tuple[int, int, str, bool]]:
    """A given name alone joined by "and" to a full name shares its surname ("the mother of
    Nurbol and Yerlan Seitkali, brothers"), unless the lone word has a surname's shape
    ("Abenov and Yerlan Seitkali" are two families)."""
    out = list(found)
    for i in range(1, len(found)):
        first, second = found[i - 1], found[i]
        words = second[2].split()
        if not first[3] or len(words) != 2 or _SURNAME_SHAPE.search(first[2]):
            continue
        if words[0].endswith("."):
            continue  # "Temirkhanova and P. Lindqvist": authors, each with a surname
        if re.fullmatch(r"\s+and\s+", text[first[1] : second[0]]):
            out[i - 1] = (first[0], first[1], f"{first[2]} {words[1]}", False)
    return out


def _kazakh_family(
    text: str, found: list[tuple[int, int, str, bool]]
) -> list[tuple[int, int, str, bool]]:
    """A given name joined to a name with a surname in the plural: both take the surname
    ("Мұхтар мен Арман Әбеновтер" → Мұхтар Әбенов, Арман Әбенов)."""
    out = list(found)
    for i in range(len(found)):
        words = found[i][2].split()
        plural = _KK_PLURAL_SURNAME.fullmatch(words[-1]) if len(words) == 2 else None
        if plural is None:
            continue
        out[i] = (found[i][0], found[i][1], f"{words[0]} {plural['stem']}", False)
        if i and found[i - 1][3] and _JOINED_BY_AND.fullmatch(text, found[i - 1][1], found[i][0]):
            first = found[i - 1]
            out[i - 1] = (first[0], first[1], f"{first[2]} {plural['stem']}", False)
    return out


def _may_be_a_name(words: list[str], language: str, after: str = "") -> bool:
    """Whether a run of capitalised words may be a person's name by the shape of its words
    (and, for words in capitals, by the life dates or the age ``after`` them)."""
    if language == "kk":  # in Cyrillic: "Halyq Uni" is an outlet
        cyrillic = all(re.search(r"[а-яёәғқңөұүһі]", w.lower()) for w in words)
        shaped = any(_KAZAKH_NAME.search(strip_kazakh_case(w)) for w in words)
        # "Қасым Аманжол", "Бек Байтас": a given name and a surname of no telling ending, but
        # neither in an oblique case nor possessive as "Мәжілістің Ұсынымдары" are
        # (an ending after a stem of three letters at least: "Дидар" is no plural)
        oblique = _OBLIQUE_KK.search(words[0].lower())
        plain = len(words) == 2 and (oblique is None or oblique.start() < 3)
        # "ДАУЫСТАП АЙТПА", "ТУЫСТАРЫН ІЗДЕУ": words in capitals of no name's shape shout
        # or head a section
        # (not "АСҚАР БЕКМАҒАМБЕТ (1978–2022)": a name, its life dates after it)
        shouted = all(len(w) > 2 and w.isupper() for w in words) and not _LIFE_OR_AGE.match(after)
        return cyrillic and (shaped or (plain and not shouted))
    return not all(_ENGLISH_WORD.search(w) for w in words)


_LIFE_OR_AGE = re.compile(r"\s*(?:\(\d{4}|,\s*\d{1,2}(?!\d))")


def _names_a_thing(words: list[str], after: str) -> bool:
    """Whether capitalised ``words`` name a street, an organisation or a law: one of them is
    such a word, or the word right after them is."""
    following = re.match(r"\s+([\w-]+)", after)
    heads = [w.lower() for w in words] + ([following[1].lower()] if following else [])
    # a Kazakh thing is named by the last word ("Полиция Мөлдір Исаеваны" is a name after
    # the police, "ҰҚК Шекара академиясының" an academy), which takes the possessive: a word
    # after the name with a bare case ending is where the one named is ("Мұхтар Балтақаев
    # ауруханада жатыр", "… бөлімге жеткізілді")
    thing = _KAZAKH_THING.match(heads[-1])
    if thing is not None and following is not None and heads[-1][thing.end() :] in _BARE_CASE:
        thing = None
    return any(word in personal.NAME_OF_A_THING for word in heads) or thing is not None


_BARE_CASE = frozenset(
    "да де та те дан ден тан тен нан нен ға ге қа ке ны ні ды ді ты ті мен бен пен".split()
)


def russian_names(text: str) -> list[tuple[int, int, str]]:
    from tizim.core.ingest.names_ru import russian_person_names

    return russian_person_names(text)
