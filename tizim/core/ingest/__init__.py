"""Reading articles: the figures about people a text states (claims) and the people it says
something happened to (persons), each with the sentence it comes from and its span.

Framework-free: no Django. ``extract(text, language=..., published=...)`` is the entry point;
``tizim.ingest`` stores and reviews what it proposes.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from tizim.core.ingest import person_reader, second_reader
from tizim.core.ingest.claim_details import ClaimProposal
from tizim.core.ingest.claims import claims_in_sentence
from tizim.core.ingest.linear_model import LinearModel
from tizim.core.ingest.mending import Mended, mend
from tizim.core.ingest.numbers import NumberMention
from tizim.core.ingest.person_reader import second_reading_of_persons
from tizim.core.ingest.persons import PersonProposal, read_persons
from tizim.core.ingest.second_reader import second_reading
from tizim.core.ingest.text import Sentence, detect_language, split_sentences
from tizim.core.ingest.told import (
    NOT_PEOPLE,
    Told,
    column_fate,
    column_fates,
    fate_asked,
    heading_fate,
    is_a_row,
)


@dataclass
class Extraction:
    """What one text proposes: claims and persons, in the order the text gives them."""

    language: str
    published: datetime.date | None
    claims: list[ClaimProposal] = field(default_factory=list)
    persons: list[PersonProposal] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The shape ``tizim ingest --dry-run --json`` prints (dates ISO, absent values null)."""
        return {
            "published": _iso(self.published),
            "claims": [
                {key: _iso(value) for key, value in asdict(claim).items()} for claim in self.claims
            ],
            "persons": [
                {key: _iso(value) for key, value in asdict(person).items()}
                for person in self.persons
            ],
        }


@dataclass(frozen=True)
class SecondReaders:
    """The models the second readers read with; None leaves that reader out."""

    figures: LinearModel | None
    persons: LinearModel | None

    @classmethod
    def shipped(cls) -> SecondReaders:
        """The models trained on the annotated texts of this release."""
        return cls(second_reader.shipped_model(), person_reader.shipped_model())


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def extract(
    text: str,
    *,
    language: str | None = None,
    published: datetime.date | None = None,
    learned: SecondReaders | bool = True,
) -> Extraction:
    """Claims and persons proposed by ``text`` (kk, ru or en; detected when not given).

    The rules read first; ``learned`` adds what the second readers read among the numbers
    and the people they passed over (True: the models shipped; False: the rules alone; or
    models of one's own)."""
    verbatim = text
    mended = mend(text.translate(_BOX_DRAWING))
    text = mended.text
    language = language or detect_language(text)
    sentences = split_sentences(text)
    claims: list[ClaimProposal] = []
    asked, answer = None, (0, 0)
    told_values: set[tuple[int, str | None]] = set()  # grown as claims are read, not rebuilt
    columns: tuple[str | None, ...] = ()  # the fates a table's header names, while it goes on
    in_force: dict[int, tuple[str | None, ...]] = {}  # the header each row stands under
    for sentence in sentences:
        if not answer[0] <= sentence.start < answer[1] or sentence.text.rstrip().endswith("?"):
            asked = None
        if not is_a_row(sentence.text):
            columns = ()
        told = Told(
            any_figure=bool(claims),
            group=claims[-1].fate_group if claims else None,
            values=told_values,
            asked=asked,
            columns=columns,
        )
        in_force[sentence.start] = columns
        read = claims_in_sentence(sentence, language, published, told)
        claims.extend(read)
        told_values.update((claim.value, claim.fate_group) for claim in read)
        columns = column_fates(sentence.text) or columns
        question = fate_asked(sentence.text)
        if question is not None:
            asked, answer = question, _answer(text, sentence.end)
        elif _a_line_of_its_own(text, sentence) and (heading := heading_fate(sentence.text)):
            asked, answer = heading, _rows_under(text, sentence.end)
    claims = _once(claims, _lead_end(text))
    persons_read = read_persons(text, sentences, language, published)
    persons = persons_read.proposals
    readers = SecondReaders.shipped() if learned is True else learned or SecondReaders(None, None)
    if readers.figures is not None:

        def no_people(sentence: Sentence, number: NumberMention) -> bool:
            # "| 31 |" under "Возраст", "| 96 800 |" under "тенге"
            header = in_force.get(sentence.start, ())
            return column_fate(header, sentence.text, number.start) == NOT_PEOPLE

        claims = sorted(
            claims
            + second_reading(sentences, language, published, claims, readers.figures, no_people),
            key=lambda claim: claim.start,
        )
    if readers.persons is not None:
        # after the rules' own, which keep their order (the order first told)
        persons = persons + second_reading_of_persons(
            persons_read.unfated, language, sentences, readers.persons
        )
    if text != verbatim:  # spans and quotes where the text as given has them, box-drawing and all
        claims = [_claim_as_given(verbatim, mended, c) for c in claims]
        persons = [_person_as_given(verbatim, mended, p) for p in persons]
    return Extraction(language, published, claims, persons)


def _claim_as_given(verbatim: str, mended: Mended, claim: ClaimProposal) -> ClaimProposal:
    """``claim``, read from the mended text, with its number's span and its sentence as the
    given text has them."""
    quote_start = mended.text.find(claim.quote, max(0, claim.end - len(claim.quote)))
    quote_end = quote_start + len(claim.quote)
    return replace(
        claim,
        quote=verbatim[mended.given(quote_start) : mended.given(quote_end, end=True)],
        start=mended.given(claim.start),
        end=mended.given(claim.end, end=True),
    )


def _person_as_given(verbatim: str, mended: Mended, person: PersonProposal) -> PersonProposal:
    """``person``, read from the mended text, with its quote's span as the given text has it."""
    start, end = mended.given(person.start), mended.given(person.end, end=True)
    return replace(person, quote=verbatim[start:end], start=start, end=end)


# a table drawn with box-drawing characters ("│ 1 │ Жамалбеков Асқар │ 24 │") is read as one
# drawn with bars and dashes, one character for one (the spans stay the same)
_BOX_DRAWING = str.maketrans(
    {**dict.fromkeys("│┃║┆┊├┤┼┌┐└┘┬┴╟╢╫╠╣╬╔╗╚╝╦╩╤╧╪", "|"), **dict.fromkeys("─━═┄┈", "-")}
)


def _answer(text: str, question_end: int) -> tuple[int, int]:
    """Where the paragraph answering a question that ends at ``question_end`` starts and
    ends: an interview's answer, a phone-in's reply on the next line (not the rest of the
    question's own paragraph: a list of questions)."""
    answer = re.compile(r"[^\n]*\n\s*(\S[^\n]*)").match(text, question_end)
    return (answer.start(1), answer.end(1)) if answer else (question_end, question_end)


def _a_line_of_its_own(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` is a line of its own, or the words of a table's caption after its
    number ("4.1-кесте. Ұсталғандар саны, күндер бойынша", "Table 2. Detained, by day")."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    before = text[line_start : sentence.start].strip()
    return text.startswith("\n", sentence.end) and (not before or bool(_CAPTION.fullmatch(before)))


# a table's number before its caption: "4.1-кесте.", "Таблица 1.", "Table 2."
_CAPTION = re.compile(r"[\d.–-]*\s*(?:кесте|таблица|table)?\s*[\d.]*\.?", re.IGNORECASE)
# the rows under a heading, two at least, each a few words, a dash or a colon and a figure
# that ends the line, a word of people and a bracket at most after it ("5 қаңтар — 12 адам",
# "Барлығы — 48 адам", "– освобождены — 61 (33,2%);"); one blank line after the heading
_ROW = (
    r"[^\n]{0,80}?[—–:-][ \t]*\D{0,12}\d[\d  ]*[ \t]*(?:[^\W\d]{1,12}\.?)?[ \t]*"
    r"(?:\([^)\n]*\))?[.;,]?[ \t]*"
)
_ROWS = re.compile(rf"[ \t]*\n(?:[ \t]*\n)?({_ROW}(?:\n{_ROW})+)(?=\n|$)")


def _rows_under(text: str, heading_end: int) -> tuple[int, int]:
    """Where the lines under a heading start and end: up to the next blank line ("4.1-кесте.
    Ұсталғандар саны" over "5 қаңтар — 12 адам", "Барлығы — 48 адам")."""
    rows = _ROWS.match(text, heading_end)
    return (rows.start(1), rows.end(1)) if rows else (heading_end, heading_end)


def _lead_end(text: str) -> int:
    """Where the headline and the paragraph after it end: the lead, which the body restates."""
    lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:2]
    return lines[-1].end() if lines else 0


def _once(claims: list[ClaimProposal], lead_end: int = 0) -> list[ClaimProposal]:
    """A figure the text states again in the same words — a headline and its lead, a summary
    and its body — is proposed once: where it is said with most (who claims it, the date it
    is for, a status, a region), else where it is stated last (the body, after the
    headline). Figures of two regions are two figures; one that names no region is either's;
    the same number said of other people ("seven killed, two of them police officers"; "two
    were found dead in the morgue") is another figure, unless one is in the headline or the
    lead (``lead_end``), which the body restates in other words."""
    kept: list[ClaimProposal] = []
    for claim in claims:
        same = next((i for i, k in enumerate(kept) if _restates(claim, k, lead_end)), None)
        if same is None:
            kept.append(claim)
        elif _said_with(claim) >= _said_with(kept[same]):
            kept[same] = claim
    return sorted(kept, key=lambda claim: claim.start)


def _restates(claim: ClaimProposal, other: ClaimProposal, lead_end: int = 0) -> bool:
    """Whether ``claim`` states ``other``'s figure again: the same number of the same fate and
    region, in the lead ("death toll rises to 14" before "at least 14 people were killed"),
    or with the same qualifier and a word of what is counted in common."""
    if (claim.value, claim.fate_group) != (other.value, other.fate_group):
        return False
    if claim.quote == other.quote:
        return False  # "3 in Almaty and 3 in Taraz": a sentence does not restate itself
    if not (claim.region is None or other.region is None or claim.region == other.region):
        return False
    if min(claim.start, other.start) < lead_end:
        return True
    same_words = bool(_stems(claim.counted) & _stems(other.counted))
    return claim.qualifier == other.qualifier and same_words


def _stems(words: str) -> set[str]:
    """The first five letters of each word of four letters or more: "detained" and
    "detainees", "погибли" and "погибших" share one."""
    return {w[:5] for w in re.findall(r"\w{4,}", words.casefold())}


def _said_with(claim: ClaimProposal) -> int:
    return sum(
        value is not None for value in (claim.claimant, claim.as_of, claim.status, claim.region)
    )
