"""Names in a sentence: what the text itself shows to be a place is no one's name."""

from __future__ import annotations

import pytest

from tizim.core.ingest.names_in_text import names_in, places_told
from tizim.core.ingest.text import split_sentences


def test_a_village_the_text_names_is_a_place_and_a_given_name_before_a_surname_is_not():
    text = (
        "TAUTURGEN, Kazakhstan, Jan 6 - Police detained 31 people overnight in\n"
        "Tauturgen, a village of some 6,500 people. Memet Khashimov, a trader from\n"
        "Aryqbalyq, died. An officer pulled Ruslan Abenov away; he fell away from Ruslan.\n"
        "In Almaty the count was higher; nobody was killed in Kim's street, from Abenov's"
    )
    assert places_told(text) == {"tauturgen", "aryqbalyq", "almaty"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a salutation is no given name
        ("Құрметті Гүлнар Сейітқызы!", "kk", ["Гүлнар Сейітқызы"]),
        # words in capitals of no name's shape head a section; a name in capitals has its
        # life dates after it
        ("ТУЫСТАРЫН ІЗДЕУ", "kk", []),
        ("АСҚАР БЕКМАҒАМБЕТ (1978–2022)", "kk", ["АСҚАР БЕКМАҒАМБЕТ"]),
        # English words are no names
        ("Verified Purchase", "en", []),
        ("the next UK-Kazakhstan Strategic Dialogue", "en", []),
    ],
)
def test_a_salutation_a_heading_in_capitals_and_english_words_are_no_names(
    text, language, expected
):
    sentence = split_sentences(text)[0]
    assert [name for _, _, name, _ in names_in(sentence, language, [])] == expected
