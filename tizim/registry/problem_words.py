"""Why a row is in quarantine, in the reader's language.

The importer (``tizim.core.rows``, ``tizim.core.dates``, ``tizim.core.fates``) writes each
problem of a row in English — "date: no such date: 31.02.2022" — and stores them joined with
"; " as the record's quarantine reason, the same in every language, for the audit and the
exports. The pages read each problem back here and say it in the reader's language, with the
values the row held left as they were written; a problem not known here is shown as stored.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

#: What a problem is about (the part before its first colon).
_FIELDS: dict[str, Promise] = {
    "date": _("date"),
    "birth": _("birth"),
    "status": _("status"),
    "name": _("name"),
}
#: Problems of the whole row.
_WHOLE: dict[str, Promise] = {
    "empty row": _("empty row"),
    "no name": _("no name"),
}
#: The problems the importer writes, as patterns of its English words.
_PROBLEMS: tuple[tuple[re.Pattern[str], Promise], ...] = (
    (re.compile(r"^no such date: (?P<text>.+)$"), _("no such date: %(text)s")),
    (re.compile(r"^empty date$"), _("empty date")),
    (re.compile(r"^no year in date: (?P<text>.+)$"), _("no year in date: %(text)s")),
    (re.compile(r"^not a date: (?P<text>.+)$"), _("not a date: %(text)s")),
    (
        re.compile(r"^birth year (?P<year>-?\d+) is not possible$"),
        _("birth year %(year)s is not possible"),
    ),
    (re.compile(r"^born (?P<day>\S+), after (?P<after>\S+)$"), _("born %(day)s, after %(after)s")),
    (
        re.compile(r"^two ages given: (?P<a>.+) and (?P<b>.+)$"),
        _("two ages given: %(a)s and %(b)s"),
    ),
    (
        re.compile(r"^age needs an event date to count from$"),
        _("age needs an event date to count from"),
    ),
    (re.compile(r"^not an age: (?P<text>.+)$"), _("not an age: %(text)s")),
    (re.compile(r"^age (?P<years>-?\d+) is not possible$"), _("age %(years)s is not possible")),
    (
        re.compile(
            r"^(?P<day>\S+) is before the events this registry documents \(from (?P<begin>\S+)\)$"
        ),
        _("%(day)s is before the events this registry documents (from %(begin)s)"),
    ),
    (
        re.compile(r"^(?P<day>\S+) is after the list was obtained \((?P<obtained>\S+)\)$"),
        _("%(day)s is after the list was obtained (%(obtained)s)"),
    ),
    (re.compile(r"^unknown status: '(?P<text>.*)'$"), _("unknown status: '%(text)s'")),
    (re.compile(r"^empty name$"), _("empty name")),
    (
        re.compile(r"^not a name \(it has digits\): (?P<text>.+)$"),
        _("not a name (it has digits): %(text)s"),
    ),
    (re.compile(r"^not a name: (?P<text>.+)$"), _("not a name: %(text)s")),
)


def problems_in_words(reason: str) -> str:
    """A quarantine reason (problems joined with "; ") in the reader's language."""
    return "; ".join(problem_in_words(part) for part in reason.split("; ") if part)


def problem_in_words(problem: str) -> str:
    """One problem of a row ("date: no such date: 31.02.2022") in the reader's language."""
    text = problem.strip()
    if text in _WHOLE:
        return str(_WHOLE[text])
    field, _colon, rest = text.partition(": ")
    if field not in _FIELDS or not rest:
        return problem
    for pattern, words in _PROBLEMS:
        found = pattern.match(rest)
        if found:
            return f"{_FIELDS[field]}: {str(words) % found.groupdict()}"
    return f"{_FIELDS[field]}: {rest}"
