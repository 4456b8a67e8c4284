"""Claims in the reader's language: who claimed a figure, what it counts, and the figure itself.

Claims keep their words as the claimant or the article wrote them (``Claim.claimant``,
``Claim.counted``), mostly in English from the seed articles. Shown on Kazakh and Russian pages,
known claimants and counted phrases are given in the page's language from the vocabulary below
(the original stays beside them); unknown ones are shown as written. Framework-free: no Django.

Kazakh puts "nearly" and "more than" after the number, with a case suffix that follows the last
word of the number as spoken: ``10 000-ға жуық`` (он мың-ға), ``4 000-нан астам`` (төрт мың-нан).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Term:
    """One claimant or counted phrase: its forms per language and the writings that name it."""

    kk: str
    ru: str
    en: str
    # Regular expressions over the folded text (lower case, single spaces), matched whole.
    writings: tuple[str, ...] = ()

    def form(self, language: str) -> str:
        """The term in ``language`` (English for a language it has no form in)."""
        return str(getattr(self, language, self.en) if language in LANGUAGES else self.en)


CLAIMANTS: tuple[Term, ...] = (
    Term(
        "Ішкі істер министрлігі",
        "Министерство внутренних дел",
        "Ministry of Internal Affairs",
        (
            r"(?:the )?ministry of (?:internal affairs|the interior|interior)",
            r"(?:the )?(?:kazakh(?:stan(?:'s)?)? )?(?:interior|internal affairs) ministry",
            r"мвд(?: рк)?",
            r"министерство внутренних дел",
            r"ішкі істер министрлігі",
            r"іім",
        ),
    ),
    Term(
        "Денсаулық сақтау министрлігі",
        "Министерство здравоохранения",
        "Ministry of Health",
        (
            r"(?:the )?ministry of health",
            r"(?:the )?(?:kazakh(?:stan(?:'s)?)? )?health ministry",
            r"минздрав",
            r"министерство здравоохранения",
            r"денсаулық сақтау министрлігі",
        ),
    ),
    Term(
        "Бас прокуратура",
        "Генеральная прокуратура",
        "Prosecutor General's Office",
        (
            r"(?:the )?(?:prosecutor general(?:'s office)?|general prosecutor(?:'s office)?)",
            r"генпрокуратура|генеральная прокуратура",
            r"бас прокуратура",
        ),
    ),
    Term(
        "Қазақстан үкіметі",
        "Правительство Казахстана",
        "Government of Kazakhstan",
        (
            r"(?:the )?government of kazakhstan",
            r"(?:the )?(?:kazakh )?government",
            r"правительство(?: казахстана| рк)?",
            r"(?:қазақстан )?үкіметі?",
        ),
    ),
    Term(
        "Қазақстан билігі",
        "Власти Казахстана",
        "Authorities of Kazakhstan",
        (
            r"(?:the )?authorities of kazakhstan",
            r"(?:the )?(?:kazakh )?authorities",
            r"власти(?: казахстана)?",
            r"(?:қазақстан )?билігі",
        ),
    ),
    Term("ресми тұлғалар", "официальные лица", "officials", (r"(?:the )?officials",)),
    Term("полиция", "полиция", "police", (r"(?:the )?police", r"полиция")),
    Term(
        "Үкіметпен байланысты Telegram-арна",
        "Telegram-канал, связанный с правительством",
        "Telegram channel associated with the government",
        (r"(?:a )?telegram channel associated with the government",),
    ),
    Term(
        "ҮЕҰ тізімі (Бақытжан Төрегожина)",
        "Список НКО (Бахытжан Торегожина)",
        "NGO list (Bakhytzhan Toregozhina)",
        (r"ngo list \(bakhytzhan toregozhina\)",),
    ),
    Term(
        "Human Rights Watch", "Human Rights Watch", "Human Rights Watch", (r"human rights watch",)
    ),
    Term(
        "Amnesty International",
        "Amnesty International",
        "Amnesty International",
        (r"amnesty international",),
    ),
    Term(
        "Азаттық радиосы",
        "Радио Азаттык",
        "Radio Azattyq",
        (r"radio (?:liberty|azattyq)", r"радио азаттык", r"азаттық(?: радиосы)?"),
    ),
)

COUNTED: tuple[Term, ...] = (
    Term("қаза болғандар", "погибших", "deaths", (r"deaths", r"dead", r"people dead")),
    Term(
        "адам қаза тапты",
        "человек погибли",
        "people killed",
        (r"(?:people|persons) (?:were )?killed", r"killed"),
    ),
    Term(
        "адам қаза тапты, оның ішінде 19 полиция қызметкері",
        "человек погибли, в том числе 19 полицейских",
        "people killed, including 19 policemen",
        (r"people (?:were )?killed, including 19 policemen",),
    ),
    Term(
        "құқық қорғау органдарының қызметкері қаза тапты",
        "сотрудников правоохранительных органов погибли",
        "law enforcement officers killed",
        (r"law enforcement officers (?:had been |were )?killed",),
    ),
    Term(
        "адам қамауға алынды",
        "человек арестованы",
        "people arrested",
        (r"(?:people|persons) (?:have been |were )?arrested", r"arrested"),
    ),
    Term(
        "адам ұсталды",
        "человек задержаны",
        "people detained",
        (r"(?:people|persons) (?:have been |were )?detained", r"detained"),
    ),
    Term(
        "адам жараланды",
        "человек ранены",
        "people injured",
        (r"(?:people|persons) (?:have been |were )?injured", r"injured"),
    ),
    Term(
        "адамның қамауда екені расталды",
        "человек под стражей (подтверждено)",
        "people confirmed in custody",
        (r"people confirmed in custody",),
    ),
    Term(
        "адам қамауда",
        "человек под стражей",
        "people in custody",
        (r"(?:people|persons) (?:are |were )?(?:held )?in custody", r"in custody"),
    ),
    Term(
        "адамның тізімі анықталды",
        "погибших установлены поимённо",
        "dead identified by name",
        (r"(?:dead|people killed) identified(?: by name)?",),
    ),
    Term(
        "адам хабар-ошарсыз кетті",
        "человек пропали без вести",
        "people missing",
        (r"(?:people|persons) (?:are )?(?:still )?missing", r"missing"),
    ),
    Term(
        "қылмыстық іс қозғалды",
        "уголовных дел возбуждено",
        "criminal cases opened",
        (r"criminal cases(?: opened)?",),
    ),
)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .,;:")


def _find(terms: tuple[Term, ...], text: str) -> Term | None:
    folded = _fold(text)
    for term in terms:
        if folded == _fold(term.en) or any(re.fullmatch(w, folded) for w in term.writings):
            return term
    return None


def claimant_in(text: str, language: str) -> str | None:
    """The claimant ``text`` names, in ``language``; None when the vocabulary does not know it."""
    term = _find(CLAIMANTS, text)
    return term.form(language) if term else None


def counted_in(text: str, language: str) -> str | None:
    """What ``text`` says is counted, in ``language``; None when the vocabulary does not know it."""
    term = _find(COUNTED, text)
    return term.form(language) if term else None


def group_thousands(value: int, separator: str = "\u00a0") -> str:
    """``10000`` → ``10 000`` (a no-break space, which no line breaks inside)."""
    return f"{value:,}".replace(",", separator)


# The last word of a number as spoken in Kazakh decides its case suffix: back or front vowels
# (harmony), and whether it ends in a vowel or voiced consonant, a voiceless one, or a nasal.
_UNITS = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_BACK_VOWELS = set("аоұыя")
_VOICELESS = set("пфктсшщхцчқ")
_NASALS = set("мнң")
_VOWELS = set("аәеиоөұүыіуэюя")


def _last_spoken_word(value: int) -> str:
    if value == 0 or value % 10:
        return _UNITS[value % 10]
    if value % 100:
        return _TENS[(value % 100) // 10]
    if value % 1000:
        return "жүз"
    if value % 1_000_000:
        return "мың"
    if value % 1_000_000_000:
        return "миллион"
    return "миллиард"


def kazakh_case_suffix(value: int, case: str) -> str:
    """The suffix of ``value`` in the dative (``"dative"``: -ға/-ге/-қа/-ке) or the ablative
    (``"ablative"``: -дан/-ден/-тан/-тен/-нан/-нен), as written after a hyphen: ``10 000-ға``."""
    word = _last_spoken_word(abs(value))
    back = any(ch in _BACK_VOWELS for ch in word) and not any(ch in "әөүіе" for ch in word[-3:])
    last = "т" if word == "миллиард" else word[-1]  # a final д is said т
    if case == "dative":
        voiceless = last in _VOICELESS
        return ("қа" if back else "ке") if voiceless else ("ға" if back else "ге")
    if case == "ablative":
        if last in _NASALS:
            return "нан" if back else "нен"
        if last in _VOICELESS:
            return "тан" if back else "тен"
        return "дан" if back else "ден"
    raise ValueError(f"unknown case {case!r}")


# Qualifier → how the figure is written: ``{n}`` the grouped number, ``{dat}``/``{abl}`` its
# Kazakh dative and ablative suffixes.
_FIGURES: dict[str, dict[str, str]] = {
    "exact": {"kk": "{n}", "ru": "{n}", "en": "{n}"},
    "at_least": {"kk": "кемінде {n}", "ru": "не менее {n}", "en": "at least {n}"},
    "about": {"kk": "шамамен {n}", "ru": "около {n}", "en": "about {n}"},
    "more_than": {"kk": "{n}-{abl} астам", "ru": "более {n}", "en": "more than {n}"},
    "nearly": {"kk": "{n}-{dat} жуық", "ru": "почти {n}", "en": "nearly {n}"},
}


def figure_phrase(qualifier: str, value: int, language: str) -> str:
    """A claimed figure with its qualifier, in ``language``'s word order:
    ``nearly 10 000``, ``почти 10 000``, ``10 000-ға жуық``."""
    forms = _FIGURES.get(qualifier, _FIGURES["exact"])
    pattern = forms.get(language, forms["en"])
    return pattern.format(
        n=group_thousands(value),
        dat=kazakh_case_suffix(value, "dative") if "{dat}" in pattern else "",
        abl=kazakh_case_suffix(value, "ablative") if "{abl}" in pattern else "",
    )
