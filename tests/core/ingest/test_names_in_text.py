"""Names in a sentence: what the text itself shows to be a place is no one's name."""

from __future__ import annotations

from tizim.core.ingest.names_in_text import places_told


def test_a_village_the_text_names_is_a_place_and_a_given_name_before_a_surname_is_not():
    text = (
        "TAUTURGEN, Kazakhstan, Jan 6 - Police detained 31 people overnight in\n"
        "Tauturgen, a village of some 6,500 people. Memet Khashimov, a trader from\n"
        "Aryqbalyq, died. An officer pulled Ruslan Abenov away; he fell away from Ruslan.\n"
        "In Almaty the count was higher; nobody was killed in Kim's street, from Abenov's"
    )
    assert places_told(text) == {"tauturgen", "aryqbalyq", "almaty"}
