"""Text as machines broke it, mended before it is read: words an OCR'd or typeset page
hyphenated at a line's end ("беспоряд-\\nков"), numbers an OCR read with letters for digits
("l979 г. р.", "2О22 г."), the marks an e-mail puts before the lines it quotes ("> "), and
auto-generated captions, one short line to each timestamp, which run a sentence over many
lines ("00:01:32 он екі азамат\\n00:01:36 ұсталды"). What is proposed from the mended text
is mapped back to the text as given, so every span and quote stands where the given text has
it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

# a word broken at a line's end, its second half in small letters on the next ("обра-\n
# тились"; not "Усть-\nКаменогорск", a name of two words)
_HYPHENATED = re.compile(r"(?<=[^\W\d_]{2})[-\u00ad][ \t]*\n[ \t]*(?=[a-zа-яёәғқңөұүһі]{2})")
# a number an OCR read with letters for digits: "l979", "2О22" (two digits at least, so that
# a word is never taken for one)
_OCR_NUMBER = re.compile(
    r"(?<![\w.,])(?=[\dOoОоlI]*[OoОоlI])(?=(?:[OoОоlI]*\d){2})[\dOoОоlI]{3,}(?![\w])"
)
_OCR_DIGITS = str.maketrans("OoОоlI", "000011")
# the marks an e-mail puts before the lines it quotes, on two lines or more in a row ("> ",
# ">> "): taken out, so that the lines run on as any wrapped paragraph does
_QUOTED_LINES = re.compile(r"(?m)^(?:>[ \t]?)+")
# an auto-caption's line: its timestamp ("0:12", "00:01:36", "[05:52]"), then the words said
_CAPTION_LINE = re.compile(
    r"(?m)^[ \t]*\[?(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>[0-5]\d)\]?[ \t]+(?=\S)"
)
# seconds between two lines of captions that run one sentence on (a pause ends it)
_RUN_ON = 4
# a line that ends its sentence
_ENDS = re.compile(r"[.!?…:]\s*$")
# a line of no speech ("[Music]", "[шу]")
_NO_SPEECH = re.compile(r"\s*\[[^\]]*\]\s*$")


@dataclass(frozen=True)
class Mended:
    """The mended ``text`` and where characters of the given text were taken out of it:
    ``cuts`` holds (position in the mended text, characters taken out before it in all)."""

    text: str
    cuts: tuple[tuple[int, int], ...] = ()

    def given(self, position: int, *, end: bool = False) -> int:
        """Where ``position`` of the mended text stands in the given text; an ``end`` (a
        span's end, exclusive) at a cut stays before what was taken out there."""
        find = bisect.bisect_left if end else bisect.bisect_right
        index = find([at for at, _ in self.cuts], position)
        return position + (self.cuts[index - 1][1] if index else 0)


def mend(text: str) -> Mended:
    """``text`` with hyphenated words made whole, OCR's letters in numbers made digits, an
    e-mail's quote marks taken out and runs of caption lines joined."""
    cuts = [(m.start(), m.end(), "") for m in _HYPHENATED.finditer(text)]
    cuts += [(m.start(), m.end(), m[0].translate(_OCR_DIGITS)) for m in _OCR_NUMBER.finditer(text)]
    cuts += [(m.start(), m.end(), "") for m in _QUOTED_LINES.finditer(text) if _quoted_run(text, m)]
    cuts += _caption_joins(text)
    if not cuts:
        return Mended(text)
    pieces, taken, at, mended_at = [], 0, 0, 0
    where: list[tuple[int, int]] = []
    for start, end, put in sorted(cuts):
        if start < at:
            continue  # overlapping: the first cut made stands
        pieces.append(text[at:start] + put)
        mended_at += start - at + len(put)
        taken += end - start - len(put)
        where.append((mended_at, taken))
        at = end
    pieces.append(text[at:])
    return Mended("".join(pieces), tuple(where))


def _quoted_run(text: str, mark: re.Match[str]) -> bool:
    """Whether the quoting ``mark`` opens a line next to another line so marked."""
    line_start = text.rfind("\n", 0, mark.start()) + 1
    if mark.start() != line_start:
        return False
    before = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    after = text.find("\n", mark.end()) + 1
    return (line_start > 0 and text.startswith(">", before)) or (
        after > 0 and text.startswith(">", after)
    )


def _caption_joins(text: str) -> list[tuple[int, int, str]]:
    """A line break and the timestamp after it, as one space, where a caption's line runs
    on the line before it: within a few seconds, the line before ending no sentence."""
    joins = []
    lines = list(_CAPTION_LINE.finditer(text))
    for before, line in pairwise(lines):
        line_break = text.rfind("\n", 0, line.start())
        previous_end = text.find("\n", before.end())
        if line_break != previous_end or previous_end < 0:
            continue  # not the very next line
        gap = _seconds(line) - _seconds(before)
        said_before = text[before.end() : previous_end]
        said = text[line.end() : text.find("\n", line.end()) % (len(text) + 1)]
        if (
            0 <= gap <= _RUN_ON
            and not _ENDS.search(said_before)
            and not any(_NO_SPEECH.match(words) for words in (said_before, said))
        ):
            joins.append((line_break, line.end(), " "))
    return joins


def _seconds(line: re.Match[str]) -> int:
    return int(line["h"] or 0) * 3600 + int(line["m"]) * 60 + int(line["s"])
