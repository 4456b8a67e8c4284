"""Dates as lists write them: ``06.01.2022``, ``6 января``, ``6 қаңтар 2022``, ``January 6, 2022``,
``1985 г.р.``, ``37 лет`` — and an age becomes a birth-year range relative to the event date.

A date without a year (``06.01``, ``6 января``) takes the caller's default year: the importer
passes the year of the date the list was obtained, since volunteers leave the year out of
events of that same winter."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from anyascii import anyascii

from tizim.core.errors import ParseError

# Month words by their stems: Russian (genitive and nominative), Kazakh (with case endings),
# English; matched on the start of the word so "января", "январь", "қаңтарда" all resolve.
_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
    ("қаңтар", 1),
    ("каңтар", 1),
    ("кантар", 1),
    ("ақпан", 2),
    ("акпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("сауир", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("шилде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("кыркуйек", 9),
    ("қазан", 10),
    ("казан", 10),
    ("қараша", 11),
    ("караша", 11),
    ("желтоқсан", 12),
    ("желтоксан", 12),
)
# Longest stems first, so "мамыр" is tried before "ма" and "маусым" before both.
_MONTHS = sorted(_MONTH_STEMS, key=lambda s: -len(s[0]))
# Whole words only: English names and abbreviations, and the Russian abbreviations, which
# as prefixes would swallow unrelated words ("decent", "марк").
_MONTH_WORDS: dict[str, int] = {
    **{
        word: number
        for number, words in enumerate(
            (
                ("january", "jan"),
                ("february", "feb"),
                ("march", "mar"),
                ("april", "apr"),
                ("may",),
                ("june", "jun"),
                ("july", "jul"),
                ("august", "aug"),
                ("september", "sep", "sept"),
                ("october", "oct"),
                ("november", "nov"),
                ("december", "dec"),
            ),
            start=1,
        )
        for word in words
    },
    **{
        word: number
        for number, words in enumerate(
            (
                ("янв",),
                ("фев", "февр"),
                ("мар",),
                ("апр",),
                (),
                ("июн",),
                ("июл",),
                ("авг",),
                ("сен", "сент"),
                ("окт",),
                ("ноя", "нояб"),
                ("дек",),
            ),
            start=1,
        )
        for word in words
    },
}
# Kazakh months in the 2021 Latin alphabet, compared after folding (see _latin_month_key).
_KK_LATIN_MONTHS: tuple[tuple[str, int], ...] = (
    ("kantar", 1),
    ("akpan", 2),
    ("nauriz", 3),
    ("sauir", 4),
    ("mamir", 5),
    ("mausim", 6),
    ("silde", 7),
    ("tamiz", 8),
    ("kirkuiek", 9),
    ("kirkuek", 9),
    ("kazan", 10),
    ("karasa", 11),
    ("jeltoksan", 12),
)

_NUMERIC = re.compile(
    r"^(\d{1,2})[./\-](\d{1,2})[./\-](\d{2}|\d{4})(?:\s*(?:г\.?|ж\.?|года|жылы|жылғы))?$"
)
# Day and month without a year ("06.01", "6.1", "06/01"), as volunteers write the days of the
# crackdown. Not with a dash: "6-7" is a range of days far more often than the 6th of July.
_DAY_MONTH = re.compile(r"^(\d{1,2})[./](\d{1,2})\.?$")
# Year first: ISO, and the same with dots or slashes.
_ISO = re.compile(r"^(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?:\s*(?:г\.?|ж\.?))?$")
# A time after a date, as spreadsheets and exports add it ("2022-01-06 00:00:00",
# "2022-01-06T14:30:00Z", "06.01.2022 14:30"); the time is dropped.
_TIME = re.compile(r"(?:(?<=\d)t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$")
_YEAR = re.compile(
    r"^(?:b\.?|born|род\.?|туған)?\s*(\d{4})(?:\.0+)?"
    r"(?:\s*(?:г\.?\s*р\.?|ж\.?\s*т\.?|ж\.?|г\.?|года?\s+рождения|года?|жылы|жылғы|жыл))?\.?$"
)
_AGE = re.compile(
    r"^(\d{1,3})(?:[.,]\d+)?\s*"
    r"(?:лет|л|года?|год|жаста|жасар|жас|years?(?:\s+old)?|y\.?\s*o|yrs?)?\.?$"
)


@dataclass(frozen=True)
class BirthInfo:
    """What is known of a birth: a full date, or a range of years (both None: nothing)."""

    date: datetime.date | None
    year_min: int | None
    year_max: int | None


def _clean(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    return text.casefold().replace("ё", "е")


def _latin_month_key(word: str) -> str:
    """A Kazakh Latin month word folded so that Qañtar, qantar and kantar compare equal."""
    word = word.replace("ş", "s").replace("sh", "s").replace("ñ", "n").replace("ng", "n")
    word = anyascii(word).lower().replace("zh", "j").replace("q", "k").replace("y", "i")
    return word.replace("ı", "i")


def _month(word: str) -> int | None:
    word = word.strip(".,-")
    if not word:
        return None
    if word in _MONTH_WORDS:
        return _MONTH_WORDS[word]
    if word.isascii() or any(c in word for c in "şñğıäöü"):
        key = _latin_month_key(word)
        for stem, month in _KK_LATIN_MONTHS:
            if key.startswith(stem):
                return month
        return None
    for stem, month in _MONTHS:
        # "ма" alone would swallow "мамыр"/"маусым"/"март": require the Russian May forms.
        if stem == "ма":
            if word in ("мая", "май", "мае"):
                return 5
            continue
        if word.startswith(stem):
            return month
    return None


def _make(year: int, month: int, day: int, original: str) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ParseError(f"no such date: {original}") from None


def _full_year(two_digits: int) -> int:
    this_year = datetime.date.today().year % 100
    return 2000 + two_digits if two_digits <= this_year else 1900 + two_digits


#: The first day an event of the registry may fall on, unless the instance says otherwise
#: (``TIZIM_EVENTS_BEGIN``): a month before the protests of January 2022. An earlier date in a
#: list is a slip (1900 for a missing year, 2021 typed in January).
EVENTS_BEGIN = datetime.date(2021, 12, 1)
#: How long after the day a list was obtained its dates may fall: a list cannot report what had
#: not happened yet, but a volunteer may date a planned release or a hearing a little ahead.
AFTER_OBTAINED = datetime.timedelta(days=31)


def implausible_event_date(
    day: datetime.date, obtained: datetime.date, events_begin: datetime.date = EVENTS_BEGIN
) -> str | None:
    """Why ``day`` cannot be the date of an event in a list obtained on ``obtained`` (None if
    it can): before the events began (``events_begin``), or well after the list was obtained
    (2099)."""
    if day < events_begin:
        return (
            f"{day.isoformat()} is before the events this registry documents "
            f"(from {events_begin.isoformat()})"
        )
    if day > obtained + AFTER_OBTAINED:
        return f"{day.isoformat()} is after the list was obtained ({obtained.isoformat()})"
    return None


def parse_date(
    text: str, *, default_year: int | None = None, month_first: bool = False
) -> datetime.date:
    """A date from the ways lists write one (day first); ParseError with the reason otherwise.

    A date written without a year ("06.01", "6 января") is in ``default_year``; without one
    it is refused ("no year in date"). ``month_first`` reads dates written in figures as the
    United States writes them ("1/8/2022": 8 January); see ``reads_month_first``."""
    found = _date_or_reason(text, default_year, month_first)
    if isinstance(found, str):
        raise ParseError(found)
    return found


def reads_month_first(values: Iterable[str], *, clustered: bool = False) -> bool:
    """Whether a column's dates in figures are written month first ("1/8/2022", "12/25/2021").

    Only the values themselves can say: a first number above 12 is a day ("25.01.2022"), a
    second above 12 is a day written second ("1/25/2022"); month first when more values say
    so than say the opposite. When none tells (every number 12 or below), dates that are
    ``clustered`` — the days of one crackdown, not births — are read the way that keeps them
    together: "01/05/2022" … "01/10/2022" are six days of January, not six months of 2022
    (month first only when that halves their spread). Otherwise day first, as Kazakhstan,
    Russia and most of the world write dates."""
    texts = list(values)
    day_first = month_first = 0
    for value in texts:
        cleaned = _without_time(_clean(value))
        if m := _NUMERIC.match(cleaned) or _DAY_MONTH.match(cleaned):
            first, second = int(m[1]), int(m[2])
            day_first += first > 12 >= second
            month_first += second > 12 >= first
    if month_first != day_first or not clustered:
        return month_first > day_first
    return 2 * _spread(texts, month_first=True) < _spread(texts, month_first=False)


def _spread(values: Sequence[str], *, month_first: bool) -> int:
    """Days between the 10th and the 90th percentile of the dates ``values`` read as (a typo
    of a year or two does not decide); 0 for fewer than two dates."""
    days = []
    for value in values:
        try:
            days.append(parse_date(value, month_first=month_first).toordinal())
        except ParseError:
            continue
    if len(days) < 2:
        return 0
    days.sort()
    cut = len(days) // 10
    return days[len(days) - 1 - cut] - days[cut]


# Dates repeat endlessly in a list (a crackdown has few days); each distinct text is parsed once.
@lru_cache(maxsize=65_536)
def _date_or_reason(
    text: str, default_year: int | None, month_first: bool = False
) -> datetime.date | str:
    try:
        return _parse_date(text, default_year=default_year, month_first=month_first)
    except ParseError as exc:
        return exc.reason


def _without_time(cleaned: str) -> str:
    """A cleaned date without the time a spreadsheet added, its figures' separators closed up
    ("06 . 01 . 2022 00:00" → "06.01.2022")."""
    return re.sub(r"(?<=\d)\s*([./-])\s*(?=\d)", r"\1", _TIME.sub("", cleaned))


def _month_and_day(found: re.Match[str], month_first: bool) -> tuple[int, int]:
    """The month and the day of a date in figures, day first unless ``month_first``."""
    first, second = int(found[1]), int(found[2])
    return (first, second) if month_first else (second, first)


def _parse_date(
    text: str, *, default_year: int | None = None, month_first: bool = False
) -> datetime.date:
    original = " ".join(text.split())
    cleaned = _clean(text)
    if not cleaned:
        raise ParseError("empty date")
    cleaned = _without_time(cleaned)
    if m := _ISO.match(cleaned):
        return _make(int(m[1]), int(m[3]), int(m[4]), original)
    if m := _NUMERIC.match(cleaned):
        written = int(m[3])
        full = _full_year(written) if len(m[3]) == 2 else written
        return _make(full, *_month_and_day(m, month_first), original)
    if m := _DAY_MONTH.match(cleaned):
        if default_year is None:
            raise ParseError(f"no year in date: {original}")
        return _make(default_year, *_month_and_day(m, month_first), original)
    words = re.sub(r"(\d)-?(?:го|ое|е|ші|шы|сы|сі|th|st|nd|rd)\b", r"\1", cleaned)
    # "2022г." and "6января" are written glued together often enough
    words = re.sub(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)", " ", words)
    words = re.sub(
        r"\b(?:г|ж|жылғы|жылы|жылдың|жыл|jylğy|jylgy|jyly|jyl|года|году|год|of|the|year)\b\.?",
        " ",
        words,
    )
    tokens = [t for t in re.split(r"[\s,./-]+", words) if t]
    day: int | None = None
    month: int | None = None
    year: int | None = None
    for token in tokens:
        if token.isascii() and token.isdigit():
            number = int(token)
            if len(token) == 4 and year is None:
                year = number
            elif day is None and 1 <= number <= 31:
                day = number
            elif len(token) == 2 and month is not None and year is None:
                year = _full_year(number)  # "6 марта 22"
            else:
                raise ParseError(f"not a date: {original}")
        elif (found := _month(token)) is not None and month is None:
            month = found
        else:
            raise ParseError(f"not a date: {original}")
    if day is None or month is None:
        raise ParseError(f"not a date: {original}")
    if year is None:
        if default_year is None:
            raise ParseError(f"no year in date: {original}")
        year = default_year
    return _make(year, month, day, original)


def parse_birth(
    birth_text: str,
    age_text: str = "",
    *,
    reference_date: datetime.date | None,
    month_first: bool = False,
) -> BirthInfo:
    """What a list says of a birth: a date, a year, or an age (relative to ``reference_date``,
    the event date, so "37 лет" on 6 January 2022 means born in 1984 or 1985); a date in
    figures read month first with ``month_first`` (see ``parse_date``)."""
    found = _birth_or_reason(birth_text, age_text, reference_date, month_first)
    if isinstance(found, str):
        raise ParseError(found)
    return found


@lru_cache(maxsize=65_536)
def _birth_or_reason(
    birth_text: str, age_text: str, reference_date: datetime.date | None, month_first: bool
) -> BirthInfo | str:
    try:
        return _parse_birth(
            birth_text, age_text, reference_date=reference_date, month_first=month_first
        )
    except ParseError as exc:
        return exc.reason


def _parse_birth(
    birth_text: str,
    age_text: str = "",
    *,
    reference_date: datetime.date | None,
    month_first: bool = False,
) -> BirthInfo:
    birth = _clean(birth_text)
    age = _clean(age_text)
    info = BirthInfo(None, None, None)
    birth_age: int | None = None  # an age written in the birth column ("37 лет")
    if birth:
        if m := _YEAR.match(birth):
            year = int(m[1])
            info = BirthInfo(None, year, year)
        elif _AGE.match(birth) and not re.search(r"\d{4}", birth):
            # A bare "37" in a birth column is an age, not the year 1937 or 2037.
            birth_age = _age(birth, birth_text)
        else:
            date = parse_date(birth_text, month_first=month_first)
            info = BirthInfo(date, date.year, date.year)
        if info.year_min is not None:
            latest = reference_date or datetime.date.today()
            if info.year_min > latest.year or info.year_min < latest.year - 120:
                raise ParseError(f"birth year {info.year_min} is not possible")
            if info.date is not None and info.date > latest:
                raise ParseError(f"born {info.date.isoformat()}, after {latest.isoformat()}")
    years = _age(age, age_text) if age else None
    if years is not None and birth_age is not None and abs(years - birth_age) > 1:
        raise ParseError(f"two ages given: {birth_text.strip()} and {age_text.strip()}")
    if years is None:
        years = birth_age
    if years is None:
        return info
    if reference_date is None:
        raise ParseError("age needs an event date to count from")
    low, high = reference_date.year - years - 1, reference_date.year - years
    if info.year_min is None or info.year_max is None:
        return BirthInfo(None, low, high)
    # One year of slack either way: lists count ages on the day they were written, not on the
    # event date, and sometimes as a difference of years.
    if info.year_max < low - 1 or info.year_min > high + 1:
        raise ParseError(
            f"age {years} does not fit birth {birth_text.strip()} (on {reference_date.isoformat()})"
        )
    return info


def _age(cleaned: str, original: str) -> int:
    """Whole years from an age text (ParseError when it is not one, or not 0–120)."""
    m = _AGE.match(cleaned)
    if not m:
        raise ParseError(f"not an age: {original.strip()}")
    years = int(m[1])
    if years > 120:
        raise ParseError(f"age {years} is not possible")
    return years


def agreed_birth(
    dates: Iterable[datetime.date], year_lows: Iterable[int], year_highs: Iterable[int]
) -> tuple[str, datetime.date | None]:
    """What several records of one person agree on about a birth: the year (``"1985"``) or
    year range (``"1980–1985"``) all of them allow, ``""`` when they disagree or say nothing;
    and the full date when exactly one is given."""
    distinct = set(dates)
    lows = [*year_lows, *(d.year for d in distinct)]
    highs = [*year_highs, *(d.year for d in distinct)]
    year = ""
    if lows and highs:
        low, high = max(lows), min(highs)
        if low == high:
            year = str(low)
        elif low < high:
            year = f"{low}–{high}"
    return year, (distinct.pop() if len(distinct) == 1 else None)


# --- partial date-times ----------------------------------------------------------------------

Precision = Literal["year", "month", "day", "hour", "minute"]
_EARLIEST_YEAR, _LATEST_YEAR = 1900, 2100


@dataclass(frozen=True)
class PartialDateTime:
    """A moment known only as precisely as a witness said it: "6 January", "about 20:00 on
    6 January", "January 2022". Wall-clock time where the act happened, without a zone.

    Fields after the first missing one are missing too. ``approximate`` records "about";
    it does not widen ``earliest()``/``latest()``, which bound what was written.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        fields = (self.month, self.day, self.hour, self.minute)
        known = [value is not None for value in fields]
        if known != sorted(known, reverse=True):
            raise ParseError(f"a date-time cannot skip a part: {self!r}")
        if not datetime.MINYEAR <= self.year <= datetime.MAXYEAR:
            raise ParseError(f"no such year: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ParseError(f"no such month: {self.month}")
        if self.day is not None:
            try:
                datetime.date(self.year, self.month or 1, self.day)
            except ValueError:
                raise ParseError(
                    f"no such date: {self.year:04d}-{self.month:02d}-{self.day:02d}"
                ) from None
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise ParseError(f"no such hour: {self.hour}")
        if self.minute is not None and not 0 <= self.minute <= 59:
            raise ParseError(f"no such minute: {self.minute}")

    @property
    def precision(self) -> Precision:
        if self.minute is not None:
            return "minute"
        if self.hour is not None:
            return "hour"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def earliest(self) -> datetime.datetime:
        """The first moment this could mean."""
        return datetime.datetime(
            self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0
        )

    def latest(self) -> datetime.datetime:
        """The last moment this could mean (to the microsecond)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        hour = 23 if self.hour is None else self.hour
        minute = 59 if self.minute is None else self.minute
        return datetime.datetime(self.year, month, day, hour, minute, 59, 999_999)

    def contains(self, moment: datetime.datetime) -> bool:
        """Whether ``moment`` is one this could mean."""
        return self.earliest() <= moment <= self.latest()

    def sort_key(self) -> tuple[datetime.datetime, datetime.datetime, bool]:
        """For ``sorted(..., key=PartialDateTime.sort_key)``: by the earliest moment, the
        vaguer of two that start together last, exact before approximate."""
        return (self.earliest(), self.latest(), self.approximate)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}"
        if self.minute is not None:
            text += f":{self.minute:02d}"
        return f"~{text}" if self.approximate else text


# ISO and its reduced forms, as __str__ writes them: 2022, 2022-01, 2022-01-06, 2022-01-06T19,
# 2022-01-06T19:54, and a time written with a space or with seconds.
_ISO_MOMENT = re.compile(
    r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[t ](\d{1,2})(?::(\d{2})(?::\d{2}(?:[.,]\d+)?)?)?)?)?)?$"
)
# "About": Russian, English and Kazakh words, and the tilde.
_APPROXIMATE = re.compile(
    r"(?:^|(?<=\s))~|(?<![\w-])(?:около|примерно|приблизительно|ориентировочно|где-то|"
    r"порядка|ок\.|прибл\.|about|around|approximately|approx\.?|circa|ca\.|c\.|roughly|"
    r"some ?time|шамамен|шамасында|шамасы|шақта|шамалы|жуық)(?!\w)"
)
# Parts of a month: the text keeps month precision and becomes approximate.
_PART_OF_MONTH = re.compile(
    r"(?<![\w-])(?:early|mid-?|late|beginning of|start of|middle of|end of|"
    r"начал[еоа]|середин[еаы]|конц[еа]|конец|первых числах|последних числах|"
    r"басында|басы|ортасында|ортасы|соңында|соңы|аяғында|аяғы)(?!\w)"
)
_AM_PM = r"(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)"
# Words for a part of the day: they turn "8" into 20:00 and are otherwise dropped.
_DAY_PART = (
    r"(?P<part>утра|утром|дня|днем|вечера|вечером|ночи|ночью|morning|afternoon|evening|night|"
    r"таңертең|таңғы|түсте|күндіз|күндізгі|кешке|кешкі|түнде|түнгі)"
)
_KK_CASE = r"(?:-?(?:де|да|те|та|ге|ға|ке|қа|ден|дан|тен|тан|нан|нен))?"
_TIMES: tuple[re.Pattern[str], ...] = (
    # 19:54, 7:54 pm, 19:54:00, 20:00-де
    re.compile(
        rf"(?<![\w.:/-])(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::\d{{2}})?{_KK_CASE}"
        rf"(?:\s*{_AM_PM})?(?![\w:])"
    ),
    # в 19.54, at 19.54 (dots only after a preposition: 06.01 is a date)
    re.compile(r"(?:(?<=\bв )|(?<=\bat ))(?P<h>\d{1,2})\.(?P<m>\d{2})(?![\d.])"),
    # 20 ч 30 мин, в 20 часов, 8 часов вечера
    re.compile(
        r"(?<![\w.:/-])(?P<h>\d{1,2})\s*(?:ч\.?|час(?:а|ов)?)(?!\w)"
        r"(?:\s*(?P<m>\d{1,2})\s*(?:мин(?:ут[аы]?)?\.?))?"
    ),
    # 7 pm, 7pm, 8 o'clock
    re.compile(rf"(?<![\w.:/-])(?P<h>\d{{1,2}})\s*(?:{_AM_PM}|o'clock)(?!\w)"),
    # сағат 8-де, сағат 20
    re.compile(rf"(?<=сағат )(?P<h>\d{{1,2}}){_KK_CASE}(?![\w:.])"),
    # в 8 вечера
    re.compile(rf"(?<![\w.:/-])(?P<h>\d{{1,2}})\s+(?=(?:in the )?{_DAY_PART}(?!\w))"),
)
_DAY_PART_RE = re.compile(rf"(?<![\w-]){_DAY_PART}(?!\w)")
_AFTERNOON = {"дня", "днем", "вечера", "вечером", "afternoon", "evening", "түсте", "кешке", "кешкі"}
_NIGHT = {"ночи", "ночью", "night", "түнде", "түнгі"}
_FILLER = re.compile(
    r"(?<![\w-])(?:в|во|на|on|at|in|the|of|сағат|часов|час|күні|числа|"
    r"г|гг|года|году|год|ж|жылғы|жылы|жылдың|жыл|year|айы|айының|айында)(?!\w)\.?"
)
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_MONTH_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{4})$")


def parse_partial_datetime(text: str, *, default_year: int = 2022) -> PartialDateTime:
    """A date-time as precise as the text: "6 января 2022 в 19:54", "около 20:00 6 января",
    "7:54 pm on 6 January", "6 қаңтар, шамамен 20:00", "06.01.2022 19:54",
    "2022-01-06T19:54", "January 2022", "early January" (approximate), "~2022-01-06T19".

    A date without a year is in ``default_year``. Raises ParseError saying why otherwise.
    """
    original = " ".join(text.split())
    cleaned = original.casefold().replace("ё", "е").replace("\u2009", " ")
    if not cleaned:
        raise ParseError("empty date and time")
    approximate = False
    if _APPROXIMATE.search(cleaned):
        approximate = True
        cleaned = _APPROXIMATE.sub(" ", cleaned)
    if _PART_OF_MONTH.search(cleaned):
        approximate = True
        cleaned = _PART_OF_MONTH.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split())
    if m := _ISO_MOMENT.match(cleaned):
        values = [int(group) if group is not None else None for group in m.groups()]
        if m[0].endswith((" 00:00:00", "t00:00:00")):
            # Spreadsheet exports write a date as "2022-01-06 00:00:00": midnight to the
            # second is a date without a time, not a witness's "at midnight".
            values[3] = values[4] = None
        year = values[0]
        assert year is not None
        return _checked(original, year, *values[1:], approximate=approximate)
    hour, minute, cleaned = _take_time(cleaned, original)
    year, month, day = _date_part(cleaned, original, default_year, timed=hour is not None)
    return _checked(original, year, month, day, hour, minute, approximate=approximate)


def _checked(
    original: str,
    year: int,
    month: int | None,
    day: int | None,
    hour: int | None = None,
    minute: int | None = None,
    *,
    approximate: bool,
) -> PartialDateTime:
    if not _EARLIEST_YEAR <= year <= _LATEST_YEAR:
        raise ParseError(f"year {year} is not plausible in '{original}'")
    try:
        return PartialDateTime(year, month, day, hour, minute, approximate)
    except ParseError as exc:
        raise ParseError(f"{exc.reason} in '{original}'") from None


def _take_time(cleaned: str, original: str) -> tuple[int | None, int | None, str]:
    """The time written in a text, and the text without it (and without day-part words)."""
    found: list[re.Match[str]] = []
    for pattern in _TIMES:
        for m in pattern.finditer(cleaned):
            if not any(m.start() < other.end() and other.start() < m.end() for other in found):
                found.append(m)
    if len(found) > 1:
        raise ParseError(
            f"two times in '{original}': give the start and the end of a range separately"
        )
    part_match = _DAY_PART_RE.search(cleaned)
    part = part_match["part"] if part_match else None
    if not found:
        return None, None, _DAY_PART_RE.sub(" ", cleaned)
    m = found[0]
    hour = int(m["h"])
    minute = int(m["m"]) if m.groupdict().get("m") else None
    ampm = (m.groupdict().get("ampm") or "").replace(".", "").replace(" ", "")
    written = m[0].strip()
    if hour > 23 or (minute is not None and minute > 59):
        raise ParseError(f"no such time: '{written}' in '{original}'")
    if ampm:
        if not 1 <= hour <= 12:
            raise ParseError(f"no such time: '{written}' in '{original}'")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif part in _AFTERNOON and hour < 12:
        hour += 12
    elif part in _NIGHT and 9 <= hour <= 12:
        hour = (hour + 12) % 24
    rest = cleaned[: m.start()] + " " + cleaned[m.end() :]
    return hour, minute, _DAY_PART_RE.sub(" ", rest)


def _date_part(
    cleaned: str, original: str, default_year: int, *, timed: bool
) -> tuple[int, int | None, int | None]:
    """(year, month, day) from the date left once the time is taken out."""
    bare = " ".join(_FILLER.sub(" ", cleaned).replace(",", " ").split()).strip(" .-")
    if not bare:
        raise ParseError(f"no date in '{original}'" if timed else "empty date and time")
    if (m := _ISO_MOMENT.match(bare)) and m[4] is None:
        return int(m[1]), _int_or_none(m[2]), _int_or_none(m[3])
    try:
        date = parse_date(bare, default_year=default_year)
    except ParseError as exc:
        if exc.reason.startswith("no such date"):
            raise ParseError(f"{exc.reason} in '{original}'") from None
    else:
        return date.year, date.month, date.day
    if m := _YEAR_ONLY.match(bare):
        return int(m[1]), None, None
    if m := _MONTH_NUMERIC.match(bare):
        return int(m[2]), int(m[1]), None
    year: int | None = None
    month: int | None = None
    for token in bare.split():
        if token.isdigit() and len(token) == 4 and year is None:
            year = int(token)
        elif month is None and (found := _month(token)) is not None:
            month = found
        else:
            raise ParseError(f"not a date and time: '{original}'")
    if month is None:
        raise ParseError(f"not a date and time: '{original}'")
    return (year if year is not None else default_year), month, None


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text is not None else None
