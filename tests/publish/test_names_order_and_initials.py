"""Public lists and search: one order for every script, names typed in lower case shown in
proper case, and a surname with an initial found in any script."""

from __future__ import annotations

import datetime
import re

import pytest

from tests.factories import import_rows, make_source
from tests.http_client import Browser
from tests.publish.fixtures import PRESS_HEADERS, person_of, publish_site
from tizim.core.names import proper_case, sort_key
from tizim.publish.selectors import search_published
from tizim.publish.services import publish_person
from tizim.registry.models import Record

pytestmark = pytest.mark.django_db(transaction=True)

# Four published Абдикадыровs (one written in Latin letters only) and two other dead, one typed
# all in lower case: fictional.
MORE_DEAD = [
    ("1", "Абдикадыров Даурен", "1986", "Almaty", "killed", "06.01.2022"),
    ("2", "Abdikadyrov Dias", "1990", "Almaty", "killed", "06.01.2022"),
    ("3", "Абдикадыров Джамбул", "1979", "Almaty", "killed", "06.01.2022"),
    ("4", "Абдикадыров Ерлан", "1975", "Almaty", "killed", "06.01.2022"),
    ("5", "Bekov Arman", "1984", "Almaty", "killed", "06.01.2022"),
    ("6", "ахметова сауле", "1992", "Almaty", "killed", "06.01.2022"),
]


@pytest.fixture
def site(tmp_path, transactional_db):
    people = publish_site(tmp_path)
    make_source("press2", kind="press_list", title="Another newspaper's list")
    import_rows(tmp_path, MORE_DEAD, source="press2", headers=PRESS_HEADERS,
                filename="press2.csv", obtained_on=datetime.date(2022, 1, 20))  # fmt: skip
    for row in range(2, len(MORE_DEAD) + 2):  # row 1 is the header
        publish_person(person_of("press2", row), basis="confirmed_source", actor="t")
    return people


def _names(results) -> list[str]:
    return [person.name for person in results]


@pytest.mark.parametrize(
    "query", ["Абдикадыров Д.", "Abdikadyrov D", "Д. Абдикадыров", "абдикадыров д"]
)
def test_a_surname_with_an_initial_finds_every_name_it_may_stand_for(site, query):
    assert sorted(_names(search_published(query))) == sorted(
        ["Абдикадыров Даурен", "Abdikadyrov Dias", "Абдикадыров Джамбул"]
    )


def test_the_surname_alone_finds_all_four_in_both_scripts(site):
    assert len(search_published("Абдикадыров")) == 4
    assert len(search_published("Abdikadyrov")) == 4


def test_another_initial_finds_only_its_own(site):
    assert _names(search_published("Абдикадыров Е.")) == ["Абдикадыров Ерлан"]


def test_latin_and_cyrillic_names_interleave_on_the_list(live_server, site):
    page = Browser(live_server.url).get("/en/killed/")
    shown = re.findall(r'<span class="name">([^<]+)</span>', page.text)
    assert shown.index("Ахметова Сауле") < shown.index("Bekov Arman")
    assert shown.index("Абдикадыров Ерлан") < shown.index("Bekov Arman")
    assert [sort_key(n) for n in shown] == sorted(sort_key(n) for n in shown)


def test_a_name_typed_in_lower_case_is_shown_in_proper_case(live_server, site):
    page = Browser(live_server.url).get("/en/killed/")
    assert "Ахметова Сауле" in page.text and "ахметова сауле" not in page.text
    # display only: the record keeps what the list said
    assert Record.objects.get(source__name="press2", row_number=7).full_name == "ахметова сауле"


def test_proper_case():
    assert proper_case("ахметова сауле") == "Ахметова Сауле"
    assert proper_case("Мұхтар ұлы") == "Мұхтар ұлы"
    assert proper_case("сейткали-улы") == "Сейткали-Улы"
    assert proper_case("McLean ДЖАКУПОВ") == "McLean ДЖАКУПОВ"


def test_sort_key_is_the_same_across_scripts():
    assert sort_key("Абенов") == sort_key("Abenov")
    assert sort_key("Абенов") < sort_key("Bekov") < sort_key("Жагипаров")
