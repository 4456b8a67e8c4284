"""Matching keys: one name across scripts and spelling systems; different names stay apart.

The spelling pairs live in ``data/name_pairs.csv`` (a, b, expect = match|nonmatch, why). Rows
whose ``why`` starts with "KNOWN LIMITATION" are pairs the key is known to get wrong on purpose
(see the fold table in ``tizim/core/names/keys.py``); they are checked to *still* be wrong, so
that a change that fixes or breaks one is noticed and the file updated.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.names import (
    full_name_keys,
    initial_key,
    initials_compatible,
    is_initial,
    is_patronymic,
    name_key,
    names_may_match,
    patronymic_key,
    surname_key,
    to_latin,
)

PAIRS_FILE = Path(__file__).parent / "data" / "name_pairs.csv"
LIMITATION = "KNOWN LIMITATION"


def _pairs() -> list[dict[str, str]]:
    with PAIRS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


PAIRS = _pairs()
MATCH = [r for r in PAIRS if r["expect"] == "match" and not r["why"].startswith(LIMITATION)]
NONMATCH = [r for r in PAIRS if r["expect"] == "nonmatch" and not r["why"].startswith(LIMITATION)]
LIMITATIONS = [r for r in PAIRS if r["why"].startswith(LIMITATION)]


def test_pairs_file_is_well_formed():
    assert {r["expect"] for r in PAIRS} == {"match", "nonmatch"}
    assert all(r["a"] and r["b"] and r["why"] for r in PAIRS)
    assert len(MATCH) >= 200
    assert len(NONMATCH) >= 60
    pairs = [(r["a"], r["b"]) for r in PAIRS]
    assert len(pairs) == len(set(pairs)), "a pair is listed twice"


@pytest.mark.parametrize("row", MATCH, ids=lambda r: f"{r['a']}={r['b']}")
def test_spellings_of_one_name_share_a_key(row):
    assert name_key(row["a"]) == name_key(row["b"]), row["why"]


@pytest.mark.parametrize("row", NONMATCH, ids=lambda r: f"{r['a']}!={r['b']}")
def test_different_names_keep_different_keys(row):
    assert name_key(row["a"]) != name_key(row["b"]), row["why"]


@pytest.mark.parametrize("row", LIMITATIONS, ids=lambda r: f"{r['a']}?{r['b']}")
def test_known_limitations_are_still_what_the_file_says(row):
    same = name_key(row["a"]) == name_key(row["b"])
    # A limitation row says the truth in "expect" and that the key gets it wrong.
    assert same != (row["expect"] == "match"), "this limitation is gone: update name_pairs.csv"


def test_names_of_different_people_in_the_file_never_share_a_key():
    # The first column of the match rows, where it is Cyrillic, is one name per group.
    heads = sorted({r["a"] for r in MATCH if not r["a"].isascii()})
    keys = [name_key(head) for head in heads]
    assert len(set(keys)) == len(keys), [h for h in heads if keys.count(name_key(h)) > 1]


def test_public_names_from_january_2022():
    assert full_name_keys("Бақытжан Төрегожина") == full_name_keys("Bakhytzhan Toregozhina")
    assert full_name_keys("ТОРЕГОЖИНА БАХЫТЖАН") == full_name_keys("Bahytzhan Toreghozhina")
    assert full_name_keys("Baqytjan Töregojina") == full_name_keys("Бахытжан Торегожина")
    assert full_name_keys("Ерлан Жағыпаров") == full_name_keys("Yerlan Zhagiparov")
    assert full_name_keys("Ерлан Жағыпаров") == full_name_keys("Jagiparov Yerlan")
    assert full_name_keys("Мұратбек Есенғазы") == full_name_keys("Muratbek Yesengazy")
    assert full_name_keys("Махамбет Абжан") == full_name_keys("Makhambet Abzhan")
    assert full_name_keys("Асет Абишев") == full_name_keys("Asset Abishev")
    assert full_name_keys("Дәурен Достияров") == full_name_keys("Dauren Dostiyarov")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Абенова", "Абенов"),
        ("Toregozhina", "Торегожин"),
        ("Серікбаева", "Serikbayev"),
        ("Serikbayeva", "SERIKBAEV"),
        ("Зайцева", "Zaitsev"),
        ("Никитина", "Nikitin"),
        ("Жанұзақова", "Zhanuzakov"),
        ("Сухомлинская", "Sukhomlinsky"),
        ("Sukhomlinskaya", "Sukhomlinskiy"),
        ("Sukhomlinskii", "Сухомлинский"),
        ("Ковалёва", "Kovalyov"),
        ("Алиева", "Aliyev"),
        ("Aliyeva", "Алиев"),
        ("Қасымова", "Kasymov"),
        ("Кенжебаева", "Kenzhebayev"),
        ("Жұмабекқызы", "Жұмабекұлы"),
        ("Zhumabekkyzy", "Жумабекулы"),
        ("Толстая", "Толстой"),
        ("Досмұхамбетова", "Dosmukhambetov"),
        ("Ильина", "Ilyin"),
        ("Сыздыкова", "SYZDYKOV"),
    ],
)
def test_surname_gender_forms_fold(a, b):
    assert surname_key(a) == surname_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ахметова", "Ахмедов"), ("Абенова", "Абишев"), ("Ина", "Ин"), ("Ева", "Ев")],
)
def test_surname_folding_keeps_different_surnames_apart(a, b):
    assert surname_key(a) != surname_key(b)


@pytest.mark.parametrize(
    "surname",
    [
        "Абенов",
        "Серікбаев",
        "Serikbayev",
        "Toregozhin",
        "Ильин",
        "Сухомлинский",
        "Sukhomlinskiy",
        "Толстой",
        "Жұмабекұлы",
        "Есенғазы",
        "Абжан",
        "Ким",
        "Ерлан",
    ],
)
def test_masculine_surnames_keep_their_name_key(surname):
    # Linkage compares surname_key with name_key when a list swaps the name order.
    assert surname_key(surname) == name_key(surname)


def test_surname_folding_leaves_short_words_alone():
    assert surname_key("Ина") == name_key("Ина")
    assert surname_key("Ева") == name_key("Ева")


MUKHTAR = [
    "Мухтарович",
    "Мұхтарұлы",
    "Мухтар улы",
    "Мұхтар ұлы",
    "Мұхтар-ұлы",
    "Мухтарулы",
    "Mukhtaruly",
    "Mukhtar uly",
    "Mukhtarovich",
    "MUKHTAROVICH",
    "Muhtarūly",
    "Мухтаровна",
    "Мұхтарқызы",
    "Мұхтар қызы",
    "Mukhtarkyzy",
    "Mukhtarqyzy",
    "Mūhtarqyzy",
    "Mukhtarovna",
]


@pytest.mark.parametrize("text", MUKHTAR)
def test_patronymics_fold_to_the_fathers_name(text):
    assert is_patronymic(text)
    assert patronymic_key(text) == name_key("Мухтар") == name_key("Mukhtar")


@pytest.mark.parametrize(
    ("patronymic", "father"),
    [
        ("Сергеевич", "Сергей"),
        ("Sergeyevich", "Sergey"),
        ("Сергеевна", "Sergei"),
        ("Николаевич", "Николай"),
        ("Дмитриевич", "Dmitriy"),
        ("Юрьевич", "Юрий"),
        ("Yuryevna", "Yuri"),
        ("Васильевич", "Василий"),
        ("Игоревич", "Igor"),
        ("Жұмабаевич", "Жұмабай"),
        ("Абайұлы", "Абай"),
        ("Есенгазиевич", "Есенғазы"),
        ("Болатович", "Bolat"),
        ("Болатовна", "Болат"),
        ("Bolatuly", "Болат"),
        ("Қайратқызы", "Kairat"),
        ("Kairatovna", "Қайрат"),
        ("Серікұлы", "Serik"),
        ("Ильич", "Илья"),
        ("Ильинична", "Ilya"),
        ("Никитич", "Никита"),
        ("Мамедоглы", "Мамед"),
    ],
)
def test_patronymics_of_other_names(patronymic, father):
    assert is_patronymic(patronymic)
    assert patronymic_key(patronymic) == name_key(father)


def test_patronymics_of_different_fathers_differ():
    assert patronymic_key("Ерланович") != patronymic_key("Ернарұлы")
    assert patronymic_key("Маратович") != patronymic_key("Muratovich")
    assert patronymic_key("Серикович") != patronymic_key("Сергеевич")


@pytest.mark.parametrize(
    "text", ["Мухтар", "Ерлан", "Серикбаев", "Абенова", "Асель", "Бабич", "Гули", "Yerlan", ""]
)
def test_plain_names_are_not_patronymics(text):
    assert not is_patronymic(text)
    assert patronymic_key(text) == name_key(text)


@pytest.mark.parametrize(
    ("initial", "full"),
    [
        ("Е.", "Yerlan"),
        ("Е.", "Erlan"),
        ("Е", "Ерлан"),
        ("Ye.", "Ерлан"),
        ("E.", "Ерлан"),
        ("Y.", "Yerlan"),
        ("Ж.", "Zhanna"),
        ("Ж.", "Jandos"),
        ("Zh.", "Жандос"),
        ("Z.", "Жандос"),
        ("J.", "Жандос"),
        ("Х.", "Khalida"),
        ("Х.", "Halida"),
        ("Kh.", "Халида"),
        ("Қ.", "Qairat"),
        ("К.", "Kairat"),
        ("Ш.", "Shyngys"),
        ("Sh.", "Шыңғыс"),
        ("Ч.", "Chingiz"),
        ("Ch.", "Чингиз"),
        ("Ю.", "Yuliya"),
        ("Yu.", "Юлия"),
        ("Я.", "Yana"),
        ("Ы.", "Ilyas"),
        ("І.", "Ильяс"),
        ("Б.", "Bolatovich"),
        ("Д.", "Джамбул"),
        ("Д.", "Jambul"),
        ("Ц.", "Tsoy"),
        ("Ә.", "Alisher"),
        ("Ө.", "Omirzak"),
        ("Ғ.", "Galymzhan"),
    ],
)
def test_initials_match_full_names_in_any_script(initial, full):
    assert initials_compatible(initial, full)


@pytest.mark.parametrize(
    ("initial", "full"),
    [
        ("Е.", "Асет"),
        ("Ш.", "Serik"),
        ("Ч.", "Shyngys"),
        ("Ж.", "Serik"),
        ("Я.", "Ilyas"),
        ("Ю.", "Yana"),
        ("И.", "Yuliya"),
        ("Е.", "Yana"),
        ("", "Yerlan"),
        ("Е.", ""),
    ],
)
def test_initials_that_do_not_match(initial, full):
    assert not initials_compatible(initial, full)


def test_initial_keys():
    assert initial_key("Е.") == initial_key("Yerlan") == initial_key("Erlan") == "e"
    assert initial_key("Ж") == initial_key("Zhanna") == initial_key("Jandos")
    assert initial_key("Ю.") == initial_key("Yuliya") == initial_key("Iuliia") == "iu"
    assert initial_key("Я.") == initial_key("Yana") == "ia"
    assert initial_key("") == ""
    assert initial_key("...") == ""


@pytest.mark.parametrize("text", ["Е.", "Е", "Ye.", "Zh.", "b"])
def test_initials_are_recognised(text):
    assert is_initial(text)


@pytest.mark.parametrize("text", ["Ерлан", "Ким", "Ли", ""])
def test_names_are_not_initials(text):
    assert not is_initial(text)


def test_full_name_keys_ignore_order_and_initials():
    assert full_name_keys("Торегожина Бахытжан") == full_name_keys("Bakhytzhan Toregozhina")
    assert full_name_keys("Серикбаев Е.Б.") == (name_key("Серикбаев"),)
    assert full_name_keys("Серикбаев Е. Б.") == (name_key("Серикбаев"),)
    assert full_name_keys("Серікбаев, Ерлан Болатұлы") == full_name_keys(
        "Yerlan Bolatuly SERIKBAYEV"
    )
    assert full_name_keys("Жағыпаров Ерлан Мұхтар ұлы") == full_name_keys(
        "Zhagyparov Yerlan Mukhtaruly"
    )
    assert full_name_keys("") == ()
    assert full_name_keys(" , . ") == ()


def test_full_name_keys_keep_different_people_apart():
    assert full_name_keys("Ерлан Серикбаев") != full_name_keys("Ернар Серикбаев")
    assert full_name_keys("Мухтар Ерланович") != full_name_keys("Ерлан Мухтарович")


@pytest.mark.parametrize(
    ("mixed", "clean"),
    [
        ("Серiкбаев", "Серікбаев"),  # Latin i typed for і
        ("Cерик", "Серик"),  # Latin C
        ("HУРЛАН", "НУРЛАН"),  # Latin H
        ("BОЛКОВ", "ВОЛКОВ"),  # Latin B
        ("Ахмeтов", "Ахметов"),  # Latin e
    ],
)
def test_latin_look_alikes_inside_cyrillic_words(mixed, clean):
    assert name_key(mixed) == name_key(clean)


def test_keys_are_short_lowercase_ascii():
    for row in PAIRS:
        for text in (row["a"], row["b"]):
            key = name_key(text)
            assert key.isascii()
            assert key == key.lower()
            assert key.isalnum()
            assert len(key) <= len(text) + 2


# Name-like words: consonant-vowel syllables in the Kazakh alphabet. (Letter soup would test
# clusters no name has, such as с+һ written "sh", where Latin spelling is truly ambiguous.)
SYLLABLE = st.tuples(
    st.sampled_from(list("бвгғджзйклмнңпрстфхцчшщқһ")),
    st.sampled_from(list("аәеиоөуұүыіюяё")),
)
KAZAKH = st.builds(
    lambda syllables, end: "".join(c + v for c, v in syllables) + end,
    st.lists(SYLLABLE, min_size=1, max_size=5),
    st.sampled_from(["", "н", "р", "й", "ң", "қ", "т", "в", "ь", "ль", "ов", "ова", "ев", "ий"]),
)
# Russian words with the signs: ь and ъ before vowels (Юрьев, Ильяс, Подъячев), э, ё.
RUSSIAN = st.lists(
    st.tuples(
        st.sampled_from(list("бвгдзклмнпрстфхцчшщ")),
        st.sampled_from(["", "ь", "ъ"]),
        st.sampled_from(list("аеёиоуыэюя")),
    ),
    min_size=1,
    max_size=4,
).map(lambda parts: "".join(c + s + v for c, s, v in parts))


def _spellable(word: str) -> bool:
    # ы or й before о/ё have no Latin spelling that is not also ё (Fyodorov), and no name has
    # them.
    return not any(pair in word for pair in ("ыо", "ыё", "йё"))


NAMELIKE = st.one_of(KAZAKH, RUSSIAN).filter(_spellable)


@given(KAZAKH.filter(_spellable))
def test_latin_rendering_keeps_the_key(word):
    assert name_key(to_latin(word)) == name_key(word)
    assert name_key(to_latin(word.upper())) == name_key(word)


@given(RUSSIAN.filter(_spellable))
def test_latin_rendering_of_russian_keeps_the_key(word):
    assert name_key(to_latin(word)) == name_key(word)


@given(st.one_of(KAZAKH, RUSSIAN))
def test_keys_ignore_case(word):
    assert name_key(word.upper()) == name_key(word) == name_key(word.capitalize())
    latin = to_latin(word)
    assert name_key(latin.upper()) == name_key(latin.lower()) == name_key(latin)


@given(NAMELIKE)
def test_keys_are_stable_on_their_latin_form(word):
    latin = to_latin(word)
    assert name_key(to_latin(latin)) == name_key(latin)
    assert surname_key(latin) == surname_key(word)
    assert patronymic_key(latin) == patronymic_key(word)


@given(NAMELIKE)
def test_key_of_a_key_is_stable_for_plain_letters(word):
    # Keys with no 1/2/3 (the sh, ch, ts codes) are Latin words themselves.
    key = name_key(word)
    if key.isalpha():
        assert name_key(key) == key


@given(st.text(max_size=30))
def test_never_raises(text):
    assert isinstance(name_key(text), str)
    assert isinstance(surname_key(text), str)
    assert isinstance(patronymic_key(text), str)
    assert isinstance(is_patronymic(text), bool)
    assert isinstance(initial_key(text), str)
    assert isinstance(initials_compatible(text, text), bool)
    assert isinstance(full_name_keys(text), tuple)
    assert name_key(text).isascii()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Торегожина Бахытжан", "Bakhytzhan Toregozhina"),
        ("Торегожина Бахытжан", "Төрегожина Бақытжан"),
        ("Торегожена Бахытжан", "Торегожина Бахытжан"),  # a spelling fixed
        ("Нурлан", "Абенов Нурлан"),  # a surname added
        ("", "Абенов Нурлан"),  # no name: nothing contradicts
    ],
)
def test_names_that_may_be_one_person(a, b):
    assert names_may_match(a, b) and names_may_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Абенов Нурлан", "Ахметов Нурлан"),  # neighbours sharing a given name
        ("Абенов Нурлан", "Абенов Ерлан"),  # brothers
        ("Абенова Айгуль", "Абенова Сауле"),  # sisters
    ],
)
def test_names_of_different_people(a, b):
    assert not names_may_match(a, b) and not names_may_match(b, a)
