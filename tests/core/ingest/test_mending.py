"""Mending what machines broke before the text is read, and mapping back to it as given."""

from __future__ import annotations

import datetime

import pytest

from tizim.core.ingest import extract
from tizim.core.ingest.mending import mend

PUBLISHED = datetime.date(2022, 1, 20)


@pytest.mark.parametrize(
    ("given", "mended"),
    [
        # a word hyphenated at a line's end, the rest of it in small letters on the next
        ("обра-\nтились 12 жителей", "обратились 12 жителей"),
        ("were de-\n   tained", "were detained"),
        # … not a name of two words, nor a list's dash, nor a number's range
        ("Усть-\nКаменогорск", "Усть-\nКаменогорск"),
        ("Detained:\n-\nreleased", "Detained:\n-\nreleased"),
        ("5-\n7 January", "5-\n7 January"),
        # a number an OCR read with letters for digits; not a word, nor one digit and a letter
        (
            "Кувшинов Г. П., l979 г. р., скончался 7 января 2О22 г.",
            "Кувшинов Г. П., 1979 г. р., скончался 7 января 2022 г.",
        ),
        ("Ol Zhas, lOl, 1O people", "Ol Zhas, lOl, 1O people"),
        # an e-mail's marks before the lines it quotes, two lines or more in a row
        (
            ">> I hold an offer\n>> 2022 (app). My\n>>\n>> brother",
            "I hold an offer\n2022 (app). My\n\nbrother",
        ),
        ("Hello\n> one line only\nend > not", "Hello\n> one line only\nend > not"),
        # caption lines a few seconds apart run one sentence on
        (
            "00:01:32 он екі азамат\n00:01:36 ұсталды оның тоғызы\n00:01:40 босатылды",
            "00:01:32 он екі азамат ұсталды оның тоғызы босатылды",
        ),
        # … not over a pause, a line that ends its sentence, or one that is no speech
        (
            "5:36 it's what\n5:39 he saw\n5:52 from our village",
            "5:36 it's what he saw\n5:52 from our village",
        ),
        ("0:09 welcome back.\n0:12 so i am home", "0:09 welcome back.\n0:12 so i am home"),
        ("1:01 so\n1:03 [Music]\n1:05 six guys", "1:01 so\n1:03 [Music]\n1:05 six guys"),
    ],
)
def test_what_is_mended(given, mended):
    assert mend(given).text == mended


def test_every_position_maps_back_to_the_text_as_given():
    given = "a-\nb 0:01 x\n0:03 yz-\nzy"
    mended = mend(given)
    kept = [i for i, c in enumerate(mended.text)]
    assert "".join(given[mended.given(i)] for i in kept) == mended.text
    assert mended.given(len(mended.text), end=True) == len(given)


@pytest.mark.parametrize(
    ("text", "language", "expected", "number_as_given"),
    [
        (
            "За медицинской по-\nмощью с травмами обра-\nтились 12 жителей сельского округа.",
            "ru",
            [(12, "injured")],
            "12",
        ),
        (
            "5:24 my uncle says about forty people were\n5:27 detained there on the fifth\n"
            "5:36 i don't know if that's true",
            "en",
            [(40, "custody")],
            "forty",
        ),
        (
            "00:01:32 ауылдық округ бойынша он екі азамат\n00:01:36 ұсталды оның тоғызы үш күн "
            "ішінде\n00:01:40 босатылды",
            "kk",
            [(12, "custody"), (9, "released")],
            "он екі",
        ),
    ],
)
def test_a_figure_read_across_what_was_mended_quotes_the_text_as_given(
    text, language, expected, number_as_given
):
    found = extract(text, language=language, published=PUBLISHED, learned=False)
    assert [(c.value, c.fate_group) for c in found.claims] == expected
    first = found.claims[0]
    assert text[first.start : first.end] == number_as_given
    assert first.quote in text and "\n" in first.quote
