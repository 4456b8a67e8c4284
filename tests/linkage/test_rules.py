"""The conservative rule-based linker: joins what is unambiguous, keeps namesakes apart."""

from __future__ import annotations

from tizim.core.linkage.rules import LinkInput, cluster_by_rules


def rec(i, surname, given, patronymic="", sex="", years=None):
    lo, hi = years if years else (None, None)
    return LinkInput(i, surname, given, patronymic, sex, lo, hi)


def clusters_of(items):
    return [c for c in cluster_by_rules(items) if len(c) > 1]


def test_one_woman_across_scripts_and_transliterations():
    items = [
        rec(1, "Төрегожина", "Бақытжан", sex="f", years=(1970, 1970)),
        rec(2, "Торегожина", "Бахытжан", sex="f"),
        rec(3, "Toregozhina", "Bakhytzhan", years=(1969, 1970)),
        rec(4, "Toreghozhina", "Bahytzhan"),
    ]
    assert clusters_of(items) == [[1, 2, 3, 4]]


def test_namesakes_with_different_birth_years_stay_apart():
    items = [
        rec(1, "Серікбаев", "Ерлан", years=(1985, 1985)),
        rec(2, "Серикбаев", "Ерлан", years=(1962, 1962)),
        rec(3, "Serikbayev", "Yerlan", years=(1984, 1985)),
        rec(4, "Serikbaev", "Erlan"),  # fits both: left alone
    ]
    assert clusters_of(items) == [[1, 3]]


def test_brothers_and_father_and_son_stay_apart():
    items = [
        rec(1, "Абенов", "Нурлан", "Маратович", years=(1990, 1990)),
        rec(2, "Абенов", "Нуржан", "Маратович", years=(1992, 1992)),
        rec(3, "Абенов", "Марат", "Серикович", years=(1965, 1965)),
        rec(4, "Абенов", "Нурлан", "Серикович", years=(1990, 1990)),  # a cousin, same age
    ]
    assert clusters_of(items) == []


def test_initials_join_the_one_person_they_fit():
    items = [
        rec(1, "Серикбаев", "Ерлан", "Болатович", years=(1985, 1985)),
        rec(2, "СЕРИКБАЕВ", "Е.", "Б.", years=(1985, 1985)),
        rec(3, "Серикбаев", "Асет", "Болатович", years=(1988, 1988)),
    ]
    assert clusters_of(items) == [[1, 2]]


def test_initials_that_fit_two_people_join_neither():
    items = [
        rec(1, "Серикбаев", "Ерлан", years=(1985, 1985)),
        rec(2, "Серикбаев", "Ержан", years=(1985, 1985)),
        rec(3, "Серикбаев", "Е."),
    ]
    assert clusters_of(items) == []


def test_name_order_is_free():
    items = [
        rec(1, "Ерлан", "Серикбаев"),  # swapped by a volunteer
        rec(2, "Серикбаев", "Ерлан"),
        rec(3, "Serikbayev", "Yerlan", sex="m"),
    ]
    assert clusters_of(items) == [[1, 2, 3]]


def test_name_order_is_free_for_women_too():
    items = [
        rec(1, "Асель", "Абенова", sex="f"),  # swapped by a volunteer
        rec(2, "Абенова", "Асель", sex="f"),
        rec(3, "Abenova", "Asel"),
    ]
    assert clusters_of(items) == [[1, 2, 3]]


def test_a_bare_latin_initial_joins_its_one_candidate():
    items = [rec(1, "Серикбаев", "Ерлан", years=(1985, 1985)), rec(2, "SERIKBAYEV", "Y.")]
    assert clusters_of(items) == [[1, 2]]


def test_records_of_another_sex_are_not_joined():
    items = [
        rec(1, "Жумабекова", "Асель", sex="f", years=(1990, 1990)),
        rec(2, "Жумабеков", "Асель", sex="m", years=(1990, 1990)),
    ]
    assert clusters_of(items) == []


def test_every_record_is_in_exactly_one_cluster():
    items = [rec(i, "Оспанов", "Нурлан" if i % 2 else "Данияр") for i in range(1, 40)]
    items.append(rec(99, "", ""))
    clusters = cluster_by_rules(items)
    flat = sorted(r for c in clusters for r in c)
    assert flat == sorted(i.record_id for i in items)
