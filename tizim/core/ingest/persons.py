"""The people a text says something happened to, as person proposals.

Names are found per language (``names_in_text``): Russian by natasha's NER, put back into the
nominative (``names_ru``); Kazakh and English as runs of capitalised words that are not places
or organisations, Kazakh case endings taken off the last word. A fate word or an act of the
Acts vocabulary is given to the nearest name in its sentence that is not only speaking ("…,
said Ms Struthers"), or, in a sentence that names nobody else, to the person last told of when
a pronoun carries on ("His lawyer told the BBC that he had been beaten"), or to one who spoke
and tells it in the first person ("“… and I got shot,” he said"). Someone who only speaks or
reports — a lawyer, a spokesman, a director, anyone named after such a title or as a relative
— is never proposed unless a verb right after the name says what happened to them
(``how_named`` tells who they are).
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass

from tizim.core.acts.matching import parse_act_types
from tizim.core.fates import Fate
from tizim.core.ingest import lexicon, personal
from tizim.core.ingest.how_named import SPEECH_AFTER, how_named
from tizim.core.ingest.named_before import Mention, PersonTold, key_for
from tizim.core.ingest.names_in_text import names_in, places_told, russian_names
from tizim.core.ingest.personal import ANY_FATE, FATE_WORDS, GROUP_WORDS
from tizim.core.ingest.text import Sentence, fold
from tizim.core.ingest.when import DateMention, days_later, find_dates
from tizim.core.places import fold_place

_FATE_WEIGHT = {fate: len(FATE_WORDS) - i for i, (fate, _) in enumerate(FATE_WORDS)}
# "по его словам", "according to him", "— деді ол", "— сказал он": the pronoun is the one who
# speaks, not the one spoken of.
_SPEECH_BEFORE_PRONOUN = re.compile(
    rf"(?:(?<!\w)(?:по|according to)|[»\"”][\s,]*[—–-]*\s*(?:{personal.SPEECH}))\s*$",
    re.IGNORECASE,
)
_PLURAL_BETWEEN = re.compile(rf"(?<!\w)(?:{personal.PLURAL_PEOPLE})(?!\w)", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?<!\w)(?:me|my|меня|мне|мені|маған)(?!\w)", re.IGNORECASE)
# One telling what happened to themselves: "I got shot", "меня задержали", "Ұстап алып …
# әкелді … жүгіріп келдім" (a Kazakh verb in the first person singular).
_FIRST_PERSON_SUBJECT = re.compile(
    r"(?<!\w)(?:I|(?i:me|я|меня|мне|мені|маған))(?!\w)"
    # not an accusative after -м: "тізімін" (the list)
    r"|(?<!\w)\w{2,}(?:дым|дім|тым|тім|(?<![ыі])(?:мын|мін|пын|пін))(?!\w)"
)
# What happened, opening a sentence with no subject: of one person, the one just named.
_SUBJECTLESS = re.compile(
    # (a register's label may open it: "Суть: задержан 6 января", "Мәні: 7 қаңтарда …")
    r"^(?:(?:суть|мәні|what happened|status|статус|итог|тағдыры|тогда|сейчас|then|now)\s*:\s*)?"
    r"(?:\d{1,2}\s+[а-яё]+\s+|on \d{1,2} [a-z]+,?\s+)?"
    r"(?:killed|detained|arrested|shot|wounded|injured|beaten|sentenced|released|charged|"
    r"convicted|picked up|taken away|hit|reported missing|found|under house arrest|"
    # "One of the two residents charged in May 2023."
    r"one of the (?:[\w-]+ ){0,2}?(?:charged|detained|arrested|convicted|released)|"
    r"(?:задержан|убит|ранен|арестован|избит|освобожден|освобожд[её]н|осужден|осужд[её]н|"
    r"доставлен)а?|погиб(?:ла)?|пропал[а]?|скончал(?:ся|ась)|получил[а]? (?:\w+ )?ранени[ея]|"
    # an impersonal "they": "Выпустили 8.01 в 21:30" (not "Задержали более 200 человек")
    r"(?:выпустили|отпустили|задержали|забрали|увезли|освободили|арестовали)"
    r"(?!\s+(?:\w+\s+)?\d+\s*(?:человек|чел\.|людей|жителей|протестующих)))"
    # (not a participle before the people it describes, "Detained protesters told him …", nor
    # "Shot on a phone, the video …")
    r"(?!\w)(?! (?:protesters|people|men|women|persons|residents|on a phone|on camera|on video))",
    re.IGNORECASE,
)
# "Hit by rubber bullets, dozens of protesters lay on the square": the subject comes later
_SUBJECT_LATER = re.compile(r", (?:dozens|hundreds|many|several|some|most) of ", re.IGNORECASE)
# a label's count ending the line: "Charged (criminal): 11"
_COUNT_LAST = re.compile(r"(?<![\d.])[:—–-]\s*\d[\d\s,]*\.?$")  # not "06.01–16.01."
_REACH = 16  # words between a name and what happened for it to be that person's
_NAMING = re.compile(
    r"(?<!\w)(?:named|names|identified|includes|included|назвал\w*|"
    r"(?:их )?имена|включа\w+|есімдері|аты-жөні|тізімінде)(?!\w)",
    re.IGNORECASE,
)
# a name said alone right after what happened: "менің ағам да ұсталған. Дәулетжан Есенов."
_NAME_ALONE = re.compile(r"^\s*[^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+){1,2}[.!]?\s*$")
# a search post's name and age right after what happened, in the same paragraph: "her brother
# has been missing since the 7th. Bekzat Omirzakov, 24 y.o., tall"
_NAME_AND_AGE = re.compile(
    r"^[\w'’ -]{3,60}, \d{1,2}(?: y\.?o\.?| years? old| жаста| лет| года?)(?!\w)"
)
# what happened, a few words at most, then a colon and the names it is said of
# (a number written again in words may stand in brackets: "3 (три) человека:")
_LABEL_THEN_NAMES = re.compile(r"[\w-]+(?:\s+(?:[\w-]+|\([^()\n]{1,20}\))){0,4}\s*:\s*")
# Kazakh puts the verb last: "Бауырым Ерболат Сәрсенбаев 6 қаңтар күні … жерде ұсталды"
_KAZAKH_REACH = 26
_AMONG = tuple(
    (fate, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")) for fate, pattern in personal.AMONG
)
# "Солардың ішінде … Нұрсұлтан Әбдірахманов бар", "among them was …": of the people just told
_AMONG_THEM = re.compile(
    r"(?<!\w)(?:(?:солардың|олардың) (?:ішінде|бірі)|among them|среди них|в их числе|"
    # "Қалған бесеудің бірі — досым Мейрамбек": one of the five told of
    r"\w+(?:еудің|ауының|еуінің) бірі|"
    # "One of those still inside is …", "One of them, Gulnar Seitkali, …"
    r"^one of (?:them|those)|"
    # "Two of those three have been charged. One of the two is Yerzhan Tulegenov"
    r"^one of the (?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?= (?:is|was)\b)|"
    # "20 people were killed in one night, including Nurbolat Alpamys" (not "including one
    # headed by …": a name comes next)
    r"(?<=, )including(?= (?!one |a |an |the |some |several |groups? |organi[sz]ations? )\w)|"
    # "Әкімшілік қамаққа алынғандардың арасында …": among those a participle names
    r"\w+(?:ғандардың|гендердің|қандардың|кендердің) арасында)(?!\w)"
)
# an item of a list: "1) ", "2. ", "• ", "– " before a name
_LIST_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[•·*–—-])\s+")
_KK_DATE_FIRST = re.compile(r"\d{1,2}\s+[а-яәғқңөұүһі]+(?:да|де|та|те)\s", re.IGNORECASE)
# "They", "Олар", "Все они" opening a sentence: the people just listed
_THEY = re.compile(
    r"^\W*(?:they|all of them|both of them|они|все они|оба|обе|олар|олардың барлығы|бәрі|"
    r"екеуі де|үшеуі де)(?!\w)",
    re.IGNORECASE,
)
# "Біреуі — …", "Екіншісі — …", "The other was …": one of a list, told one to a sentence
_ONE_BY_ONE = re.compile(
    r"^\W*(?:біреуі|екіншісі|үшіншісі|one(?: of them)?|the other|the second|the third|"
    r"один из них|одна из них|второй|вторая|третий|третья|другой|другая)(?!\w)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(rf"(?<!\w)(?:{personal.PRONOUNS})(?!\w)", re.IGNORECASE)
_AGE_AFTER = re.compile(
    r"^,\s*(?P<age>\d{1,2})(?:,| years? old|\s*(?:лет|года|год|жаста\w*))|^\s*\((?P<age2>\d{1,2})\)"
)
_AGE_BEFORE = re.compile(r"(?P<age>\d{1,2})[-\s](?:year-old|летн\w+|жастағы)\s+(?:[\w-]+\s+){0,3}$")
_DATELINE = re.compile(r"^\s*(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,})(?:,\s*[\w ]+)?\s*[–—-]")


@dataclass
class PersonProposal:
    """A person the text says something happened to; ``text[start:end]`` is the quote."""

    name: str
    surname: str
    given_name: str
    patronymic: str
    fate: str | None
    date: datetime.date | None
    age: int | None
    place: str | None
    acts: list[str]
    quote: str
    start: int
    end: int
    #: None when the rules read it; the second reader's chance that something happened to
    #: the person, when only it did (:mod:`tizim.core.ingest.person_reader`)
    chance: float | None = None


@dataclass
class Unfated:
    """A person the text names but gives, by the rules, no fate and no act: ``proposal`` with
    no fate, quoting the first sentence naming them that holds any word of what happened (else
    the first naming them), and every sentence that names them."""

    proposal: PersonProposal
    mentions: list[tuple[Sentence, Mention]]


@dataclass
class PersonsRead:
    """What the rules read of people: the proposed, and those named with nothing told."""

    proposals: list[PersonProposal]
    unfated: list[Unfated]


def read_persons(
    text: str, sentences: list[Sentence], language: str, published: datetime.date | None
) -> PersonsRead:
    """The people ``text`` says something happened to, in the order first told, and those it
    names with nothing told of them."""
    ru_names = russian_names(text) if language == "ru" else []
    places = places_told(text) if language == "en" else frozenset()
    people: dict[str, PersonTold] = {}
    dateline = _DATELINE.match(_first_body_line(text))
    focus: str | None = None
    focus_age = 0
    # the last who spoke of their own accord, for what they tell in the first person
    witness: str | None = None
    witness_age = 0
    # what the sentence before told of people it did not name ("Three men have not been
    # heard from"), for a sentence that names them ("Their families have named A and B")
    unnamed: list[tuple[str, str, int]] = []
    unnamed_end = 0  # where the sentence that told it ends
    last_fate: Fate | None = None  # the last fate told, of anyone
    listed: Fate | None = None  # what a heading says of the list under it ("Задержаны …:")
    named: list[str] = []  # the people the sentence before listed with nothing told
    one_by_one = False  # whether they were listed one to a sentence ("One is … The other …")
    list_opened = False  # whether that sentence opened with "they" ("Олар – A, B, C.")
    for sentence in sentences:
        mentions = _mentions(sentence, language, ru_names, people, places)
        events = _events(sentence)
        for mention in mentions:
            _note_age(people[mention.key], sentence.text, mention)
            people[mention.key].mentions.append((sentence, mention))
        victims = [m for m in mentions if not m.speaker or m.self_report]
        pronoun = _tells_on(sentence.text, bool(mentions), language)
        listed = _list_goes_on(text, sentence, listed)
        item = _LIST_ITEM.match(sentence.text)
        if listed is not None and item is not None and victims and not events:
            first = victims[0]
            if first.start <= item.end() + 1:  # "1) Абдрахманов Ж.Б., 1988 г.р., …"
                _apply(people[first.key], "fate", listed.value, sentence, published, first.start)
        naming = _NAMING.search(sentence.text) is not None or (
            (_NAME_AND_AGE.match(sentence.text) or _NAME_ALONE.match(sentence.text)) is not None
            and "\n" not in text[unnamed_end : sentence.start]
        )
        if victims and not events and unnamed and naming:
            for kind, value, _ in unnamed:
                for victim in victims:
                    _apply(people[victim.key], kind, value, sentence, published, victim.start)
        unnamed = []
        # "Five of them are … A, B, C. They are accused …", "Олар – A, B, C. … айып тағылған":
        # what the sentence after a list of names tells, of them all
        of_the_list = [] if mentions or not (list_opened or _THEY.match(sentence.text)) else named
        for kind, value, position in events:
            if kind == "act" and _names_role(sentence.text, position, mentions):
                continue
            if of_the_list and kind in ("fate", "act") and _of_them(sentence.text[:position]):
                for each in of_the_list:
                    _apply(people[each], kind, value, sentence, published, position)
                continue
            if kind == "among_them":
                # "…әлі табылмаған үш адам бар, олардың ішінде Жандос Қабдолов та бар"; those a
                # participle names are of what it says, not of a fate told before
                # ("Митингке шыққандардың арасында …": who went to the rally)
                told = _last_fate(sentence.text[:position])
                if told is None and not fold(sentence.text[:position]).endswith("арасында"):
                    told = last_fate
                value, kind = (told.value if told else ""), "among"
                named_before = _named_before_one_of_them(sentence.text, position, victims)
            else:
                named_before = None
            if kind == "among":  # "Among the dead was 17-year-old schoolboy Aslan …"
                key = next((m.key for m in victims if m.start >= position), named_before)
                key = key if value else None
                kind = "fate"
            else:
                reach = _KAZAKH_REACH if language == "kk" else _REACH
                key = _owner(victims, position, sentence.text, reach)
            # "His lawyer told the BBC that he had been beaten" carries on to the person last
            # told of, unless others are the subject ("10,000 people have been arrested")
            carries_on = pronoun and focus is not None and focus_age <= 3 and not victims
            if (
                key is None
                and carries_on
                and not _PLURAL_BETWEEN.search(sentence.text[max(0, position - 30) : position])
            ):
                key = focus
            if (
                key is None
                and not victims
                and witness is not None
                and witness_age <= 3
                and _FIRST_PERSON_SUBJECT.search(
                    sentence.text, max(0, position - 20), position + 20
                )
            ):
                key = witness  # "“… I went there and I got shot,” he said"
            if key is None:
                if kind == "fate" and not mentions:
                    unnamed.append((kind, value, position))
                    unnamed_end = sentence.end
                continue
            for each in [key, *_joined_to(key, victims, sentence.text)]:
                _apply(people[each], kind, value, sentence, published, position)
        named, one_by_one = _listed(sentence, victims, bool(events), named if one_by_one else [])
        list_opened = bool(_THEY.match(sentence.text))
        said = _last_fate(sentence.text)
        last_fate = said or last_fate
        if sentence.text.rstrip().endswith(":"):
            listed = said
        if victims:
            focus, focus_age = victims[-1].key, 0
        else:
            focus_age += 1
        speakers = [m for m in mentions if not m.role]
        if speakers:
            witness, witness_age = speakers[-1].key, 0
        elif not mentions and _FIRST_PERSON_SUBJECT.search(sentence.text):
            witness_age = 0  # still telling their own story
        else:
            witness_age += 1
    return _read_out(text, people, dateline, published)


def _listed(
    sentence: Sentence, victims: list[Mention], events: bool, one_by_one: list[str]
) -> tuple[list[str], bool]:
    """The people a sentence lists with nothing told of them, for a next sentence that tells
    it of them all, and whether they are being listed one to a sentence ("Біреуі — Ділмұрат
    … . Екіншісі — Әлібек … . Екеуі де оқ тиіп қаза тапқан"), ``one_by_one`` so far."""
    if len(victims) == 1 and not events and _ONE_BY_ONE.match(sentence.text):
        return [*one_by_one, victims[0].key], True
    return ([m.key for m in victims] if len(victims) >= 2 and not events else []), False


def _of_them(before: str) -> bool:
    """Whether what happened after ``before`` is of the people listed just before: not of
    others ("They said hundreds of protesters were detained")."""
    return personal.SPEECH_WORD.search(before) is None and _PLURAL_BETWEEN.search(before) is None


def _tells_on(sentence: str, names_anyone: bool, language: str) -> bool:
    """Whether ``sentence`` may tell of someone named before without naming them."""
    pronouns = [
        bool(SPEECH_AFTER.match(sentence[m.end() :]))
        or bool(_SPEECH_BEFORE_PRONOUN.search(sentence[: m.start()]))
        for m in _PRONOUN.finditer(sentence)
    ]
    # "He was beaten" carries on; "…," he said does only when he speaks of himself ("me")
    pronoun = (not all(pronouns)) or bool(_FIRST_PERSON.search(sentence))
    # "Bakhytzhan Ormanov, 19, student. Killed by a gunshot wound …", "Задержан 7 января":
    # a sentence that opens with what happened, with no subject, is of the one just named
    # (not a line of figures: "Detained at some point: 19")
    subjectless = _SUBJECTLESS.match(sentence) and not _SUBJECT_LATER.search(sentence)
    pronoun = pronoun or (bool(subjectless) and not _COUNT_LAST.search(sentence))
    # "6 қаңтарда ұсталды.": a Kazakh sentence that opens with its date and names nobody
    return pronoun or (
        language == "kk" and not names_anyone and bool(_KK_DATE_FIRST.match(sentence))
    )


def _read_out(
    text: str,
    people: dict[str, PersonTold],
    dateline: re.Match[str] | None,
    published: datetime.date | None,
) -> PersonsRead:
    """The people read, proposed or left, the place of the dateline standing for theirs."""
    place_default = None
    if dateline is not None:
        found = fold_place(dateline["place"].title())
        place_default = dateline["place"].title() if found else None
    return PersonsRead(
        [_proposal(text, p, place_default) for p in people.values() if p.fate or p.acts],
        [
            _unfated(text, p, place_default, published)
            for p in people.values()
            if not (p.fate or p.acts)
        ],
    )


def _first_body_line(text: str) -> str:
    for line in text.splitlines()[1:6]:
        if _DATELINE.match(line):
            return line
    return ""


def _mentions(
    sentence: Sentence,
    language: str,
    ru_names: list[tuple[int, int, str]],
    people: dict[str, PersonTold],
    places: frozenset[str],
) -> list[Mention]:
    mentions: list[Mention] = []
    names = names_in(sentence, language, ru_names)
    first = min((found[0] for found in names), default=0)
    for start, end, name, surname_only in names:
        if surname_only and name.lower() in places:
            continue  # "a market trader from Tauturgen" told of a village the text names

        child = _CHILD_BEFORE.search(sentence.text, 0, start)
        parent = None
        if child is not None:
            parent = mentions[-1].key if mentions else next(reversed(people), None)
        if child is not None and len(name.split()) == 1 and parent is not None:
            # "Виктор Ткаченко …: его сын Максим … был ранен": the son takes his surname
            name = f"{name} {_childs_surname(people[parent].parts[0], child['child'])}".strip()
            surname_only = not people[parent].parts[0]
        key = key_for(name, surname_only, people)
        if key is None:
            continue
        speaker, self_report, role = how_named(sentence.text, language, (start, end), name, first)
        after = sentence.text[end:]
        if child is not None and len(name.split()) > 1 and ANY_FATE.search(fold(after)):
            # "его сын Максим, студент, был ранен": the son named is the one told of, a
            # relative who speaks only when a verb of saying follows him (not "His son Daulet
            # showed me the certificate": nothing happens to him)
            speaker = speaker and SPEECH_AFTER.match(after) is not None
        mentions.append(Mention(key, start, end, speaker and not self_report, self_report, role))
    # "судьялар Р. Мұхамбетов пен А. Қуанышев", "Judges A and B": a title is said of all
    for a, b in itertools.pairwise(mentions):
        between = sentence.text[a.end : b.start]
        if a.role and a.speaker and _JOINED.fullmatch(between) and _AND.search(between):
            b.role, b.speaker, b.self_report = True, True, False
    return mentions


# whose child the name after is: "его сын Максим", "Его сына Дмитрия", "her daughter Aruzhan"
_CHILD_BEFORE = re.compile(
    r"(?<!\w)(?:его|её|ее|их|his|her|their)\s+(?P<child>сын\w*|доч\w*|son|daughter)\s*,?\s*$",
    re.IGNORECASE,
)


def _childs_surname(surname: str, child: str) -> str:
    """A parent's surname as their son or daughter bears it (Воронин → Воронина for a
    daughter; Ахметова → Ахметов for a son; Ткаченко for either)."""
    daughter = child.lower().startswith(("доч", "daughter"))
    stem = re.fullmatch(r"(?P<stem>.+(?:ов|ев|ёв|ин|ын|ov|ev|in|yn))(?P<a>а|a)?", surname)
    if stem is None:
        return surname
    return stem["stem"] + ("a" if surname.isascii() else "а") * daughter


def _list_goes_on(text: str, sentence: Sentence, listed: Fate | None) -> Fate | None:
    """The fate a heading gave the list under it, while the list goes on: a new paragraph that
    is not an item ends it."""
    before = text[max(0, sentence.start - 40) : sentence.start]  # not the whole text again
    new_paragraph = sentence.start == 0 or before.rstrip(" \t").endswith("\n")
    if new_paragraph and not _LIST_ITEM.match(sentence.text):
        return None
    return listed


def _last_fate(text: str) -> Fate | None:
    """The fate of the last word of what happened in ``text``, said of one or of many."""
    folded = fold(text)
    found = [
        (m.end(), fate)
        for fate, pattern in (*FATE_WORDS, *GROUP_WORDS)
        if fate != Fate.FOUND
        for m in pattern.finditer(folded)
    ]
    return max(found)[1] if found else None


# "убит горем": stricken with grief, neither a death nor an act of killing
_GRIEF = re.compile(r"убит\w* горем")
# a document's list of what is attached ("Приложения: копии приговора (Габдуллин А.С.), ответа
# о розыске (Кусаинов Т.)"): it names papers about people, and tells nothing new of them
_ATTACHMENTS = re.compile(
    r"\s*(?:Приложени[ея]|Annex(?:es)?|Attachments?|Enclosures?|Қосымша(?:лар)?)\s*:", re.IGNORECASE
)


def _events(sentence: Sentence) -> list[tuple[str, str, int]]:
    if _ATTACHMENTS.match(sentence.text):
        return []
    folded = fold(sentence.text)
    events: list[tuple[str, str, int]] = []
    taken: list[tuple[int, int]] = []
    for fate, pattern in FATE_WORDS:
        for m in pattern.finditer(folded):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if personal.denied(folded, m.start(), fate) or _GRIEF.match(folded, m.start()):
                continue
            events.append(("fate", fate.value, m.start()))
    for fate, pattern in _AMONG:
        for m in pattern.finditer(folded):
            events.append(("among", fate.value, m.end()))
    for m in _AMONG_THEM.finditer(folded):
        events.append(("among_them", "", m.end()))
    for act in parse_act_types(sentence.text):
        if not _GRIEF.match(folded, act.start):
            events.append(("act", act.code.value, act.start))
    events.sort(key=lambda e: e[2])
    return events


_AND = re.compile(rf"(?<!\w)(?:{lexicon.AND_WORDS})(?!\w)")
# "A and B", "A, B, and C", "A and officers B, C": what is said of one is said of all
_JOINED = re.compile(
    # after the first may stand an age ("Yerlan Sarsenbayev, 33, or Vitaly Tsoi"), where they
    # were from, in brackets ("Rakhat Slanbekov (Taraz), Rinat Kambetov"), or a court list's
    # year of birth ("TANATAROV Arman, b. 1996; BERDALIYEV Ruslan")
    r"(?:,\s*\d{1,2}|\s*\([^()\n]{1,40}\)|,\s*b\.\s*\d{4})?\s*(?:,|;|,?\s*(?:and|or)|и|или|мен|бен|пен|және|немесе|"
    r",?\s*(?:сондай-ақ|а также|as well as))\s*"
    # "пен оның досы", "and his son", "and officers", "и сержанта полиции"
    # "и бывший его заместитель", ", and another former deputy,"
    r"(?:(?:his|her|their|его|ее|её|их|оның)\s+\w+\s*,?\s*|(?:[a-zа-яёәғқңөұүһі]+\s+){1,2}|"
    r"(?:[a-zа-яёәғқңөұүһі]+\s+){2}[a-zа-яёәғқңөұүһі]+,?\s+)?"
    # a Kazakh title of the second between: "… пен Ұлттық ұланның әскери қызметшісі Әділет"
    r"|\s*(?:мен|бен|пен|және)\s+(?:[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+\s+){1,4}"
)


def _joined_to(key: str, victims: list[Mention], sentence: str) -> list[str]:
    """The people named together with ``key`` ("Dana Zhanbolatova and Askar Tleuov were
    released", "Дана Жанболатова мен Асқар Тілеуов"): what is said of one is said of both."""
    ordered = sorted(victims, key=lambda m: m.start)
    index = next((i for i, m in enumerate(ordered) if m.key == key), None)
    if index is None:
        return []
    joined: list[str] = []
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(ordered):
            a, b = sorted((ordered[i], ordered[i + step]), key=lambda m: m.start)
            if not _JOINED.fullmatch(sentence[a.end : b.start]):
                break
            i += step
            if ordered[i].key != key:
                joined.append(ordered[i].key)
    return joined


def _names_role(sentence: str, position: int, mentions: list[Mention]) -> bool:
    """Whether the word at ``position`` is the role written before a name ("Адвокат Жанна
    Ибраева"): a lawyer named is not a lawyer denied."""
    word = re.match(r"[\w-]+", sentence[position:])
    end = position + (word.end() if word else 0)
    return any(sentence[end : m.start].strip() == "" and m.start > end for m in mentions)


def _named_before_one_of_them(text: str, position: int, victims: list[Mention]) -> str | None:
    """The victim named right before "one of them" ending at ``position`` ("Ержан Шағырбаев
    солардың бірі"), if the words are that."""
    if not fold(text[:position]).endswith("бірі"):
        return None
    return next((m.key for m in reversed(victims) if m.end < position), None)


def _owner(victims: list[Mention], position: int, sentence: str, reach: int = _REACH) -> str | None:
    """The name an event at ``position`` belongs to: the nearest before it, else after it,
    unless other people ("protesters", "loved ones") or too many words stand between."""
    before = [m for m in victims if m.end <= position]
    after = [m for m in victims if m.start >= position]
    if after and _LABEL_THEN_NAMES.fullmatch(sentence, position, after[0].start):
        return after[0].key  # "the names of the missing men: A, B and C", "Погибшие: A, B"
    for mention in ([before[-1]] if before else []) + ([after[0]] if after else []):
        a, b = (
            sorted((mention.end, position))
            if mention.end <= position
            else (position, mention.start)
        )
        between = sentence[a:b]
        # the one name a sentence opens with is its subject further on: "Ilyas Zhaksybekov,
        # 19, from Berezovka, went to Pavlodar … to pick up his sister … and didn't come back"
        subject = len(victims) == 1 and mention.end <= position
        # (after a rank or title in capitals: "Police Major Kanat Uskenbayev, 44, …, was killed")
        subject = subject and _words_in_lower_case(sentence[: mention.start]) <= 1
        if len(between.split()) > reach * (2 if subject else 1) or _PLURAL_BETWEEN.search(between):
            continue
        if mention.start >= position and _PLURAL_BETWEEN.search(
            sentence[max(0, position - 30) : position]
        ):
            continue  # "protesters being arrested or taken away, Bahytzhan Toreghozhina…"
        return mention.key
    return None


def _words_in_lower_case(text: str) -> int:
    return sum(1 for word in text.split() if not word[:1].isupper())


def _apply(
    person: PersonTold,
    kind: str,
    value: str,
    sentence: Sentence,
    published: datetime.date | None,
    position: int,
) -> None:
    person.first_sentence = person.first_sentence or sentence
    dates = _dates_in(sentence.text, published)
    later = days_later(sentence.text)
    for place in _places(sentence.text):
        if place not in person.places:
            person.places.append(place)
    if kind == "act":
        if value not in person.acts:
            person.acts.append(value)
        return
    fate = Fate(value)
    date = _date_near(dates, position)
    if date is None and later is not None and person.last_date is not None:
        date = person.last_date + datetime.timedelta(days=later)
    if date is not None:
        person.last_date = date
    if person.fate is None or _FATE_WEIGHT[fate] > _FATE_WEIGHT[person.fate]:
        person.fate, person.fate_sentence, person.date = fate, sentence, date


def _dates_in(sentence: str, published: datetime.date | None) -> list[DateMention]:
    """The dates of ``sentence``; "on Tuesday" only when the article's date is known."""
    return [d for d in find_dates(sentence, published=published) if not d.relative or published]


def _date_near(dates: list[DateMention], position: int) -> datetime.date | None:
    after = [d for d in dates if d.start >= position]
    if after:
        return after[0].value
    return dates[-1].value if dates else None


def _places(sentence: str) -> list[str]:
    found = []
    for m in re.finditer(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+", sentence):
        word = re.sub(r"(?:'s|’s)$", "", m[0])
        place = fold_place(word) or fold_place(_strip_kazakh_locative(word))
        if place is not None:
            found.append(word if fold_place(word) else _strip_kazakh_locative(word))
    return found


def _strip_kazakh_locative(word: str) -> str:
    for ending in ("ында", "інде", "нда", "нде", "да", "де", "та", "те", "ның", "нің", "е"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _note_age(person: PersonTold, sentence: str, mention: Mention) -> None:
    if person.age is not None:
        return
    m = _AGE_AFTER.match(sentence[mention.end :])
    if m:
        person.age = int(m["age"] or m["age2"])
        return
    m = _AGE_BEFORE.search(sentence[: mention.start])
    if m:
        person.age = int(m["age"])


def _proposal(text: str, person: PersonTold, place_default: str | None) -> PersonProposal:
    surname, given, patronymic = person.parts
    quote_sentence = person.fate_sentence or person.first_sentence
    assert quote_sentence is not None
    return PersonProposal(
        name=" ".join(p for p in (surname, given, patronymic) if p),
        surname=surname,
        given_name=given,
        patronymic=patronymic,
        fate=person.fate.value if person.fate else None,
        date=person.date,
        age=person.age,
        place=person.places[0] if person.places else place_default,
        acts=person.acts,
        quote=quote_sentence.text,
        start=quote_sentence.start,
        end=quote_sentence.end,
    )


def _unfated(
    text: str, person: PersonTold, place_default: str | None, published: datetime.date | None
) -> Unfated:
    """``person``, to whom the rules found nothing happened, for the second reader: quoted
    from the first sentence naming them beside a word of what happened, else the first."""
    sentence, mention = next(
        ((s, m) for s, m in person.mentions if ANY_FATE.search(fold(s.text))),
        person.mentions[0],
    )
    person.first_sentence = sentence
    person.date = _date_near(_dates_in(sentence.text, published), mention.start)
    person.places = person.places or _places(sentence.text)
    return Unfated(_proposal(text, person, place_default), person.mentions)
