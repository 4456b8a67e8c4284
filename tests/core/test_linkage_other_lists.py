"""Linkage on lists shaped as others keep them: each class of miss measured on the outside
development lists, as a case. Scored with the prior model, so every case is judged by the same
parameters whatever the batch size; each failed on the linker before these cases were written
(no candidate pair at all, or an initials entry that joined nobody)."""

from __future__ import annotations

import datetime
import random

import pytest

from tizim.core.linkage.clustering import cluster_pairs
from tizim.core.linkage.features import (
    LinkRecord,
    birth_dates_differ,
    evidently_different,
    features_row,
    name_variants,
    near_names,
    within_one_slip,
)
from tizim.core.linkage.initials import attach_initials, is_initials_entry
from tizim.core.linkage.probabilistic import train_and_score
from tizim.core.names.split import split_full_name

THRESHOLD = 0.8
D = datetime.date


def rec(i, name, *, born=None, years=None, place="almaty", fate="", source="list", sex=""):
    parts = split_full_name(name)
    lo, hi = years if years else ((born.year, born.year) if born else (None, None))
    return LinkRecord(
        i, source, parts.surname, parts.given_name, parts.patronymic, sex, born, lo, hi, place, fate
    )


def probability(a, b):
    model = train_and_score([a, b], train=False)
    return next((p.probability for p in model.pairs), 0.0)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # both name parts misspelt, or a Kazakh letter and a typo together
        ("Стаыбаева Индира", "Сатыбаева Індира"),
        ("Жолдсабаев Талғатбек", "Жолдасбаев Талгатбек"),
        ("Ришат Брдибеков", "Ришат Бердібеков"),
        ("Токмагамбетов Улан", "Ұлан Тоқмағабметов"),
        # order swapped with a patronymic, and a doubled letter
        ("Талгатбек Рахымовв Бакытжанович", "Рахымов Талгатбек"),
        # Latin spellings other than BGN: the 2021 Kazakh alphabet, passport forms
        ("Qanapiaev Nūrlan", "Қанапияев Нұрлан"),
        ("Jaqsylyqov Erlan", "Жақсылықов Ерлан"),
        ("Iuliia Smagulova", "Юлия Смағұлова"),
        ("Şalabaev Bolatbek", "Шалабаев Болатбек"),
        # a space typed in the wrong place, or not at all
        ("Гауха рМахамбетова", "Гаухар Махамбетова"),
        ("ЖусиповАнсар", "Ансар Жусипов"),
        ("ЖасұланШ алабаев", "Жасұлан Шалабаев"),
    ],
)
def test_spellings_of_one_person_meet_and_link(left, right):
    # With a birth year on both sides they link; as most rows of a volunteers' sheet (no birth
    # year, a city, a status) they are at least a candidate pair the model weighs.
    a = rec(1, left, years=(1980, 1980), fate="detained")
    b = rec(2, right, years=(1980, 1981), fate="detained")
    assert probability(a, b) >= THRESHOLD, (features_row(a), features_row(b))
    a = rec(1, left, fate="detained")
    b = rec(2, right, fate="missing")
    assert probability(a, b) > 0.0, (features_row(a), features_row(b))


def test_one_slip_is_one_dropped_doubled_or_swapped_letter():
    assert within_one_slip("satibaeva", "stabaeva") is False  # two slips
    for a, b in [("berdibekov", "brdibekov"), ("rakimov", "rakiomv"), ("aman", "amman")]:
        assert within_one_slip(a, b) and within_one_slip(b, a)
    assert not within_one_slip("asel", "asem")  # another name, not a slip
    assert not within_one_slip("erlan", "ernar")


def test_name_variants_meet_only_within_one_slip_of_one_part():
    assert set(name_variants("satibaev", "indira")) & set(name_variants("stibaev", "indira"))
    assert not set(name_variants("satibaev", "indira")) & set(name_variants("stibaev", "indra"))


def test_namesakes_born_decades_apart_stay_apart():
    a = rec(1, "Ерлан Серікбаев", born=D(1962, 7, 2))
    b = rec(2, "Серикбаев Ерлан", born=D(1985, 3, 12))
    assert probability(a, b) < 0.2


# --- the official list of the dead in surnames and initials -----------------------------------


def _initials_case():
    return [
        rec(1, "Серикбаев Ерлан Болатович", born=D(1985, 3, 12), fate="killed"),
        rec(2, "Алтынбекова Гульнара Тимуровна", years=(1990, 1990), place="shymkent"),
        rec(3, "Алтынбеков Асет", years=(1970, 1970), place="shymkent", fate="killed"),
        # namesakes: one released, one dead, initials fit both
        rec(4, "Оспанов Марат", place="taraz", fate="released"),
        rec(5, "Оспанов Мурат", place="taraz", fate="killed"),
        # two dead men whose initials fit one entry
        rec(6, "Байжанов Тимур", place="astana", fate="killed"),
        rec(7, "Байжанов Талгат", place="astana", fate="killed"),
        # the official entries, region only, all dead
        rec(10, "Серикбаев Е.Б.", place="almaty", fate="killed", source="official"),
        rec(11, "Алтынбекова Г. Т.", place="shymkent", fate="killed", source="official"),
        rec(12, "Оспанов М.", place="taraz", fate="killed", source="official"),
        rec(13, "Байжанов Т.", place="astana", fate="killed", source="official"),
        rec(14, "Серикбаев Е.Б.", place="atyrau", fate="killed", source="official"),
    ]


def test_an_initials_entry_joins_the_one_person_it_fits():
    records = _initials_case()
    assert [r.record_id for r in records if is_initials_entry(r)] == [10, 11, 12, 13, 14]
    singletons = [[r.record_id] for r in records]
    outcome = attach_initials(records, singletons)
    assert outcome.joined[10] == 1  # same surname, initials, region
    assert outcome.joined[11] == 2  # a woman: not her namesake brother-in-law Асет
    assert outcome.joined[12] == 5  # the dead namesake, not the one released
    assert 13 not in outcome.joined and 14 not in outcome.joined  # two fit; another region
    question = next(q for q in outcome.questions if q.record == 13)
    assert question.candidates == (6, 7)
    assert sorted(map(sorted, outcome.clusters)) == sorted(
        [[1, 10], [2, 11], [3], [4], [5, 12], [6], [7], [13], [14]]
    )


def test_a_rejected_pair_keeps_an_initials_entry_from_its_fit():
    records = _initials_case()
    outcome = attach_initials(records, [[r.record_id] for r in records], cannot_link=[(1, 10)])
    assert 10 not in outcome.joined


def test_two_entries_fitting_one_person_are_asked_not_joined():
    records = [
        rec(1, "Усенов Серик Ускенович", place="almaty", fate="killed"),
        rec(2, "Усенов С.У.", place="almaty", fate="killed", source="official"),
        rec(3, "Усенов С.", place="almaty", fate="killed", source="official"),
    ]
    outcome = attach_initials(records, [[1], [2], [3]])
    assert outcome.joined == {}
    assert {q.record for q in outcome.questions} == {2, 3}


def test_linking_does_not_depend_on_the_order_records_arrive_in():
    records = [
        rec(i, name, years=(1970 + i % 7, 1970 + i % 7), place=place, fate="detained")
        for i, (name, place) in enumerate(
            [
                ("Сабиров Шавкат", "almaty"),
                ("Шавкат Сабиров", "almaty"),
                ("Shavkat Sabirov", "astana"),
                ("Сабиров Шавкат", "taraz"),
                ("Нурахунов Ильхам", "almaty"),
                ("Ilkham Nurakhunov", "almaty"),
                ("Нурахунов Ильхам", "almaty"),
                ("Ыбыраев Жигер", "karaganda"),
                ("Жигер Ыбыраев", "karaganda"),
            ]
            * 3,
            start=1,
        )
    ]
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)

    def clusters(batch):
        model = train_and_score(batch, train=False)
        pairs = [(p.left, p.right, p.probability) for p in model.pairs]
        return cluster_pairs([r.record_id for r in batch], pairs, THRESHOLD).clusters

    assert clusters(records) == clusters(shuffled) == clusters(list(reversed(records)))


def test_two_documents_birth_dates_make_two_people_unless_one_slip_apart():
    def born(i, day):
        return rec(i, "Нурахунов Ильхам", born=day)

    assert birth_dates_differ(born(1, D(2002, 11, 16)), born(2, D(1967, 2, 4)))
    assert not birth_dates_differ(born(1, D(1967, 2, 4)), born(2, D(1967, 4, 2)))  # day/month
    assert not birth_dates_differ(born(1, D(1967, 2, 4)), born(2, D(1976, 2, 4)))  # swapped
    assert not birth_dates_differ(born(1, D(1988, 2, 4)), born(2, D(1989, 2, 4)))  # a digit
    assert not birth_dates_differ(
        born(1, D(1967, 2, 4)), rec(2, "Нурахунов Ильхам", years=(1959, 1959))
    )


def test_namesakes_of_one_town_do_not_merge_through_rows_without_a_birth_date():
    # Two men of one name and town with documents' birth dates decades apart (1, 2) and four
    # rows that give no date (3-6), scored as a model trained on namesake-rich lists scores
    # them: the dateless rows fit both men, and the two men's own pair is merely doubtful.
    records = {
        1: rec(1, "Нурахунов Ильхам", born=D(2002, 11, 16)),
        2: rec(2, "Нурахунов Ильхам", born=D(1967, 2, 4)),
        **{i: rec(i, "Нурахунов Ильхам") for i in range(3, 7)},
    }
    pairs = [(1, 2, 0.3)] + [
        (a, b, 0.97) for a in range(1, 7) for b in range(a + 1, 7) if (a, b) != (1, 2)
    ]
    different = evidently_different(records, pairs, THRESHOLD)
    assert different == [(1, 2)]
    merged = cluster_pairs(records, pairs, THRESHOLD)  # without the evidence: one person
    assert [1, 2, 3, 4, 5, 6] in merged.clusters
    clusters = cluster_pairs(records, pairs, THRESHOLD, different=different)
    assert not any(1 in c and 2 in c for c in clusters.clusters)
    assert any("two different birth dates" in r.reason for r in clusters.refused)


def test_two_birth_dates_keep_namesakes_apart_when_their_own_pair_was_never_scored():
    # At a million records the pair of the two dated men (1, 2) may not be among the scored
    # pairs at all (dropped below the kept probability, or never a candidate); a row with an
    # age (3) fits both and would chain them into one person.
    records = {
        1: rec(1, "Ибрабеков Амангелді", born=D(1982, 12, 31)),
        2: rec(2, "Ибрабеков Амангелді", born=D(1985, 5, 10)),
        3: rec(3, "Amangeldi Ibrabekov", years=(1984, 1985)),
    }
    pairs = [(2, 3, 0.99), (1, 3, 0.95)]
    assert evidently_different(records, pairs, THRESHOLD) == []
    chained = cluster_pairs(records, pairs, THRESHOLD)
    assert [1, 2, 3] in chained.clusters
    dates = {i: r.birth_date for i, r in records.items() if r.birth_date}
    clusters = cluster_pairs(records, pairs, THRESHOLD, birth_dates=dates)
    assert [2, 3] in clusters.clusters and [1] in clusters.clusters
    assert [r.reason for r in clusters.refused] == ["their records give two different birth dates"]
    # The model's own verdict on that very pair (a shared identifier, say) still joins them.
    assert [1, 2, 3] in cluster_pairs(
        records, [*pairs, (1, 2, 0.9)], THRESHOLD, birth_dates=dates
    ).clusters


def test_an_initials_entry_with_an_age_does_not_join_a_man_born_years_apart():
    records = [
        rec(1, "Оразланов Марат Нұрланұлы", born=D(1964, 5, 7), place="atyrau"),
        rec(2, "Оразланов М.", years=(1951, 1952), place="atyrau", source="official"),
        rec(3, "Оразланов М.", years=(1963, 1964), place="atyrau", source="press"),
    ]
    alone = attach_initials(records[:2], [[1], [2]])
    assert alone.joined == {} and alone.questions == []
    near = attach_initials([records[0], records[2]], [[1], [3]])
    assert near.joined == {3: 1}  # an age a year off is the same man


def test_near_names_are_found_once_per_spelling_not_per_record():
    rows = [
        features_row(rec(i, name))
        for i, name in enumerate(
            [
                "Сатыбаева Индира",
                "Сатыбаева Индира",  # the same spelling: not a near name of itself
                "Стыбаева Индира",  # one slip in one part
                "Гауха рМахамбетова",  # the space misplaced
                "Гаухар Махамбетова",
                "Стабаева Индра",  # two slips: not near
            ]
        )
    ]
    names = [row["names"] for row in rows]
    near = near_names(rows)
    assert near[names[0]] == (names[2],) and near[names[2]] == (names[0],)
    assert near[names[3]] == (names[4],)
    assert names[5] not in near


def test_a_slip_level_is_one_dropped_doubled_or_swapped_letter_in_sql_too():
    # The model's SQL (guarded for speed) says what ``within_one_slip`` says, on every pair.
    import duckdb

    from tizim.core.linkage.probabilistic import _slip_level

    words = ["berdibekov", "brdibekov", "berdibeokv", "berdibekkov", "berdibekova", "asel"]
    words += ["asem", "erlan", "ernar", "rakimov", "rakiomv", "aman", "amman", "amna", "ma"]
    sql = _slip_level("sn").get_comparison_level("duckdb").as_dict()["sql_condition"]
    pairs = [(a, b) for a in words for b in words if a != b]
    connection = duckdb.connect()
    got = connection.execute(
        f"SELECT sn_l, sn_r, {sql} FROM (SELECT unnest($1) AS sn_l, unnest($2) AS sn_r)",
        [[a for a, _ in pairs], [b for _, b in pairs]],
    ).fetchall()
    assert len(got) == len(pairs)
    assert [(a, b) for a, b, slip in got if slip != within_one_slip(a, b)] == []
