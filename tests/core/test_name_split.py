"""Splitting full names in any order into surname, given name, patronymic."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.errors import ParseError
from tizim.core.names.split import NameParts, guess_sex, split_full_name


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Торегожина Бахытжан", ("Торегожина", "Бахытжан", "")),
        ("Бақытжан Төрегожина", ("Төрегожина", "Бақытжан", "")),
        ("ТОРЕГОЖИНА БАХЫТЖАН КАЙРАТОВНА", ("Торегожина", "Бахытжан", "Кайратовна")),
        ("Серикбаев Е.Б.", ("Серикбаев", "Е.", "Б.")),
        ("Серикбаев Е. Б.", ("Серикбаев", "Е.", "Б.")),
        ("Е.Б. Серикбаев", ("Серикбаев", "Е.", "Б.")),
        ("Yerlan Zhagiparov", ("Zhagiparov", "Yerlan", "")),
        ("Zhagiparov Yerlan", ("Zhagiparov", "Yerlan", "")),
        ("Жагипаров Ерлан Мухтарулы", ("Жагипаров", "Ерлан", "Мухтарулы")),
        ("Ерлан Мұхтарұлы Жағыпаров", ("Жағыпаров", "Ерлан", "Мұхтарұлы")),
        ("Жағыпаров Ерлан Мұхтар ұлы", ("Жағыпаров", "Ерлан", "Мұхтар ұлы")),
        ("Серикбаев Ерлан Болатович", ("Серикбаев", "Ерлан", "Болатович")),
        ("Muratbek Yesengazy", ("Yesengazy", "Muratbek", "")),
        ("Dostyarev Dauren", ("Dostyarev", "Dauren", "")),
        ("Иванова Анна-Мария", ("Иванова", "Анна-Мария", "")),
        ("  Оспанов   Нурлан ", ("Оспанов", "Нурлан", "")),
    ],
)
def test_names_split_in_any_order(text, parts):
    assert split_full_name(text) == NameParts(*parts)


def test_a_lone_word_is_a_surname_only_when_it_looks_like_one():
    assert split_full_name("Серикбаев") == NameParts("Серикбаев", "", "")
    assert split_full_name("Асель") == NameParts("", "Асель", "")


@pytest.mark.parametrize("text", ["", "   ", "123", "—"])
def test_no_name(text):
    with pytest.raises(ParseError):
        split_full_name(text)


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Торегожина Бахытжан", "f"),
        ("Серикбаев Ерлан", "m"),
        ("Ахметова Асель Маратқызы", "f"),
        ("Ахметов Нурлан Маратұлы", "m"),
        ("Иванов Сергей Петрович", "m"),
        ("Ким Ольга Викторовна", "f"),
        ("Yerlan Zhagiparov", "m"),
        ("Asel Abenova", "f"),
        ("Ким Тимур", ""),
    ],
)
def test_sex_from_patronymic_or_surname(text, sex):
    assert guess_sex(split_full_name(text)) == sex


@given(
    st.lists(
        st.sampled_from(
            ["Ерлан", "Серикбаев", "Болатович", "Е.", "Асель", "Ким", "Zhagiparov", "ұлы", "Мұхтар"]
        ),
        min_size=1,
        max_size=5,
    )
)
def test_no_word_is_lost(words):
    parts = split_full_name(" ".join(words))
    kept = " ".join([parts.surname, parts.given_name, parts.patronymic]).split()
    assert sorted(w.lower() for w in kept) == sorted(w.lower() for w in words)
