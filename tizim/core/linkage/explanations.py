"""Why the model thinks two records are (or are not) one person, in plain words.

A scored pair carries, for each comparison of ``tizim.core.linkage.probabilistic``, the label
of the level it fell in ("Exact match on sn", "birth years within 2") and the weight of that
level. Those labels are Splink's and name the model's columns; a reviewer — a lawyer, a
relative, a volunteer — needs one sentence per field instead: "same surname, written in another
alphabet", "birth year 1986 vs 1987", "no birth date on one of the records".

Every (comparison, level) of the model has its sentence in ``SENTENCES`` (a test enumerates
the levels from the comparison definitions, so a new level without words fails it). A sentence
may take the two records' values: ``explain`` fills them in from the records' parsed fields.

Framework-free: sentences are returned as ``Words`` — an English message with named
parameters — which the web layer translates (the message is a gettext msgid) before filling in.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field


def _(message: str) -> str:
    """Marks a message for translation without translating it: the name gettext's extraction
    (``makemessages``) looks for; the web layer translates the message when it shows it."""
    return message


@dataclass(frozen=True)
class Words:
    """One sentence: an English message (a translation catalogue's msgid) and its values."""

    message: str
    params: Mapping[str, str] = field(default_factory=dict)
    #: The params that are messages themselves ("surname"), to be translated too.
    translated: frozenset[str] = frozenset()

    def __str__(self) -> str:
        return self.message % dict(self.params) if self.params else self.message


# The frequency adjustment's note the scorer appends to an exact name level's label.
_FREQUENCY = re.compile(r"\s*\(name frequency ([+-]?\d+(?:\.\d+)?)\)\s*$")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")

# Splink's own labels for the levels of the model's comparisons, by the column they read.
NULL, ELSE = "{} is NULL", "All other comparisons"
EXACT = "Exact match on {}"
SWAPPED = "same names, other order"
SPACE = "same letters, space misplaced"
SLIP = "one letter dropped, doubled or swapped"
INITIAL = "initial fits"


def _jaro(column: str, threshold: str) -> str:
    return f"Jaro-Winkler distance of {column} >= {threshold}"


# (comparison, level label) → sentence. "%(left)s"/"%(right)s" are the two records' values of
# the field the comparison reads; "%(value)s" the value they share.
SENTENCES: dict[tuple[str, str], str] = {
    ("surname", NULL.format("sn")): _("no surname on one of the records"),
    ("surname", EXACT.format("sn")): _("same surname"),
    ("surname", SWAPPED): _("same names, with surname and first name in the other order"),
    ("surname", SPACE): _("same letters, with the space between the names in another place"),
    ("surname", SLIP): _("surnames differ by one letter dropped, doubled or swapped"),
    ("surname", _jaro("sn", "0.92")): _("surnames are almost the same (%(left)s / %(right)s)"),
    ("surname", _jaro("sn", "0.8")): _("surnames are somewhat alike (%(left)s / %(right)s)"),
    ("surname", ELSE): _("different surnames (%(left)s / %(right)s)"),
    ("given_name", NULL.format("gi")): _("no first name on one of the records"),
    ("given_name", EXACT.format("gn")): _("same first name"),
    ("given_name", SWAPPED): _("same names, with surname and first name in the other order"),
    ("given_name", SLIP): _("first names differ by one letter dropped, doubled or swapped"),
    ("given_name", _jaro("gn", "0.92")): _(
        "first names are almost the same (%(left)s / %(right)s)"
    ),
    ("given_name", INITIAL): _("the initial on one record fits the first name on the other"),
    ("given_name", _jaro("gn", "0.8")): _("first names are somewhat alike (%(left)s / %(right)s)"),
    ("given_name", ELSE): _("different first names (%(left)s / %(right)s)"),
    ("patronymic", NULL.format("pi")): _("no patronymic on one of the records"),
    ("patronymic", EXACT.format("pn")): _("same patronymic"),
    ("patronymic", _jaro("pn", "0.9")): _("patronymics are almost the same (%(left)s / %(right)s)"),
    ("patronymic", INITIAL): _("the initial on one record fits the patronymic on the other"),
    ("patronymic", ELSE): _("different patronymics (%(left)s / %(right)s)"),
    ("birth", NULL.format("by_min")): _("no birth date or age on one of the records"),
    ("birth", EXACT.format("bd")): _("same birth date (%(value)s)"),
    ("birth", "birth dates one slip apart"): _(
        "birth dates differ by one typed digit (%(left)s / %(right)s)"
    ),
    ("birth", "same birth year (or an age that fits it)"): _(
        "same birth year (%(left)s / %(right)s)"
    ),
    ("birth", "birth years within 2"): _("birth year %(left)s vs %(right)s"),
    ("birth", "birth years within 6"): _("birth year %(left)s vs %(right)s: a few years apart"),
    ("birth", ELSE): _("birth years far apart (%(left)s / %(right)s)"),
    ("sex", NULL.format("sex")): _("sex not given on one of the records"),
    ("sex", EXACT.format("sex")): _("same sex"),
    ("sex", ELSE): _("different sex"),
    ("place", NULL.format("region")): _("no place on one of the records"),
    ("place", EXACT.format("place")): _("same town or village"),
    ("place", EXACT.format("region")): _(
        "same region, but another town (or only the region) on one record"
    ),
    ("place", ELSE): _("different places (%(left)s / %(right)s)"),
    ("event_date", NULL.format("ev")): _("no date of what happened on one of the records"),
    ("event_date", EXACT.format("ev")): _("same date of what happened (%(value)s)"),
    ("event_date", ELSE): _("different dates of what happened (%(left)s / %(right)s)"),
    ("fate", NULL.format("fate")): _("what happened is not given on one of the records"),
    ("fate", EXACT.format("fate")): _("same fate (%(value)s)"),
    ("fate", EXACT.format("fate_group")): _(
        "what happened differs but fits one story (%(left)s, then %(right)s)"
    ),
    ("fate", ELSE): _("different fates (%(left)s / %(right)s)"),
}

# Exact name levels compare canonical keys: the same key may be written differently.
_SAME_NAME_OTHER_SCRIPT = _("same %(part)s, written in another alphabet")
_SAME_NAME_OTHER_SPELLING = _("same %(part)s, spelled differently (%(left)s / %(right)s)")
_NAME_PART = {
    "surname": _("surname"),
    "given_name": _("first name"),
    "patronymic": _("patronymic"),
}
_RARE_NAME = _("a rare name, so this agreement counts for more")
_COMMON_NAME = _("a common name, so this agreement counts for less")
UNDESCRIBED = _("this field was compared (no description of the result yet)")

# Extra identifier and text columns (``id_*``, ``text_*``) get Splink's stock comparisons,
# one per column a source brings, so their labels are matched by pattern.
_EXTRA_NULL = re.compile(r"^(?P<col>(?:id|text)_\w+) is NULL$")
_EXTRA_EXACT = re.compile(r"^Exact match on (?P<col>(?:id|text)_\w+)$")
_EXTRA_JARO = re.compile(r"^Jaro-Winkler distance of (?P<col>(?:id|text)_\w+) >= [\d.]+$")
_EXTRA = (
    (_EXTRA_NULL, _("%(column)s not given on one of the records")),
    (_EXTRA_EXACT, _("same %(column)s")),
    (_EXTRA_JARO, _("%(column)s almost the same")),
)
_EXTRA_ELSE = _("different %(column)s")

# Which parsed fields each comparison speaks to (its "left"/"right" values).
_FIELDS = {
    "surname": ("surname",),
    "given_name": ("given_name",),
    "patronymic": ("patronymic",),
    "sex": ("sex",),
    "place": ("place_text", "place_code"),
    "event_date": ("event_date",),
    "fate": ("fate",),
}


def level_has_words(comparison: str, label: str) -> bool:
    """Whether ``explain`` has a sentence of its own for this level (not the fallback)."""
    label = _FREQUENCY.sub("", label)
    if (comparison, label) in SENTENCES:
        return True
    if comparison.startswith(("id_", "text_")):
        return label == ELSE or any(pattern.match(label) for pattern, _words in _EXTRA)
    return False


def explain(
    comparison: str,
    label: str,
    left: Mapping[str, object],
    right: Mapping[str, object],
) -> list[Words]:
    """The sentences for one comparison of a pair: the level in words, and, for an exact name
    level adjusted by how common the name is, whether that made it count more or less.

    ``left`` and ``right`` are the two records' parsed fields (``surname``, ``birth_date``,
    ``birth_year_min``…); missing ones are treated as blank.
    """
    adjustment = _FREQUENCY.search(label)
    label = _FREQUENCY.sub("", label)
    words = [_level_words(comparison, label, left, right)]
    if adjustment:
        bits = float(adjustment.group(1))
        if abs(bits) >= 0.5:
            words.append(Words(_RARE_NAME if bits > 0 else _COMMON_NAME))
    return words


def _level_words(
    comparison: str, label: str, left: Mapping[str, object], right: Mapping[str, object]
) -> Words:
    if comparison.startswith(("id_", "text_")):
        column = comparison.split("_", 1)[1].replace("_", " ")
        for pattern, extra in _EXTRA:
            if pattern.match(label):
                return Words(extra, {"column": column})
        if label == ELSE:
            return Words(_EXTRA_ELSE, {"column": column})
        return Words(UNDESCRIBED)
    message = SENTENCES.get((comparison, label))
    if message is None:
        return Words(UNDESCRIBED)
    a, b = _shown(comparison, left), _shown(comparison, right)
    exact = label.startswith("Exact match on")
    if comparison in _NAME_PART and exact and a and b and a.casefold() != b.casefold():
        return _same_name_written_apart(comparison, a, b)
    params = {"left": a or "—", "right": b or "—", "value": a or b or "—"}
    return Words(message, {k: v for k, v in params.items() if f"%({k})s" in message})


def _same_name_written_apart(comparison: str, a: str, b: str) -> Words:
    """One name key, two writings: another alphabet, or another spelling or form."""
    if _script(a) and _script(b) and _script(a) != _script(b):
        part = {"part": _NAME_PART[comparison]}
        return Words(_SAME_NAME_OTHER_SCRIPT, part, frozenset(part))
    params = {"part": _NAME_PART[comparison], "left": a, "right": b}
    return Words(_SAME_NAME_OTHER_SPELLING, params, frozenset({"part"}))


def _script(text: str) -> str:
    if _CYRILLIC.search(text):
        return "cyrillic"
    return "latin" if _LATIN.search(text) else ""


def _shown(comparison: str, values: Mapping[str, object]) -> str:
    """The value a sentence quotes for one record."""
    if comparison == "birth":
        return birth_in_words(values)
    for name in _FIELDS.get(comparison, ()):
        value = values.get(name)
        if value not in (None, ""):
            return _text(value)
    return ""


def birth_in_words(values: Mapping[str, object]) -> str:
    """A record's birth as a reviewer reads it: the date, the year, or the years an age allows
    ("1985–1986")."""
    date = values.get("birth_date")
    if isinstance(date, datetime.date):
        return date.isoformat()
    low, high = values.get("birth_year_min"), values.get("birth_year_max")
    if low and high and low != high:
        return f"{low}–{high}"
    return _text(low or high or "")


def _text(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def weight_in_words(weight: float | None) -> str:
    """How much one field's agreement or disagreement moved the verdict, in words."""
    if weight is None:
        return ""
    if weight >= 4:
        return _("strongly for the same person")
    if weight >= 0.5:
        return _("for the same person")
    if weight > -0.5:
        return _("hardly matters")
    if weight > -4:
        return _("against")
    return _("strongly against")


def percent(probability: float) -> int:
    """A probability as a whole percentage, never rounding a doubt away: 0.996 is 99 %, not
    100 %, and 0.004 is 1 %, not 0 %, unless it really is 0 or 1."""
    if probability <= 0:
        return 0
    if probability >= 1:
        return 100
    return min(99, max(1, round(probability * 100)))


# Why a pair waits for a reviewer, as the linker stores it (``CandidatePair.why_queued``):
# pattern → sentence. The stored probabilities are of *other* pairs of records than the one on
# the page, so the sentences say whose they are, and say them as percentages.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^uncertain: p = (?P<p>[\d.]+)$"),
        _("The model is not sure enough to decide alone."),
    ),
    (
        re.compile(r"^two of their records are judged different people \(p = (?P<p>[\d.]+)\)$"),
        _(
            "The model did not join them alone: two other records of these persons look like "
            "different people (same person: %(percent)s %%)."
        ),
    ),
    (
        re.compile(r"^only (?P<p>[\d.]+) on average between the two groups' records$"),
        _(
            "The model did not join them alone: the other records of the two persons fit "
            "each other less well (same person: %(percent)s %% on average)."
        ),
    ),
    (
        re.compile(r"^would make one person of (?P<n>\d+) records$"),
        _("Joining them would make one person of %(n)s records, too many to join unchecked."),
    ),
    (
        re.compile(r"^a reviewer marked records of these persons as different people$"),
        _("A reviewer marked records of these persons as different people."),
    ),
    (
        re.compile(r"^both persons were settled earlier; joining them is a reviewer's decision$"),
        _("Reviewers settled both persons earlier; only a reviewer can join them."),
    ),
    (
        re.compile(r"^their records give two different birth dates$"),
        _("The model did not join them alone: their records give two different birth dates."),
    ),
    (
        re.compile(r"^one of the two fits two different people about equally$"),
        _(
            "The model did not join them alone: one of the two fits two different people "
            "about equally."
        ),
    ),
    (
        re.compile(r"^initials fit (?P<k>\d+) persons equally: one of these (?P<n>\d+)$"),
        _("Surname and initials fit %(k)s persons equally well: which one is it?"),
    ),
    (
        re.compile(r"^(?P<k>\d+) initials entries fit one person: one of these (?P<n>\d+)$"),
        _("%(k)s entries with initials fit one person: which one is it?"),
    ),
)
_OTHER_REASON = _("The model asks a reviewer: %(reason)s.")


def reason_in_words(why_queued: str) -> Words:
    """Why a pair is in the review queue, for a reviewer (from the stored reason)."""
    for pattern, message in _REASONS:
        found = pattern.match(why_queued.strip())
        if found:
            params = dict(found.groupdict())
            if "p" in params:
                params["percent"] = str(percent(float(params.pop("p"))))
            return Words(message, {k: v for k, v in params.items() if f"%({k})s" in message})
    return Words(_OTHER_REASON, {"reason": why_queued})
