"""The act, unit and facility vocabularies: every code has kk/ru/en labels, distinct and Kazakh
where Kazakh is asked for."""

from __future__ import annotations

import datetime
from enum import StrEnum

import pytest

from tizim.core.acts.vocabulary import (
    ACT_TERMS,
    ACT_TYPES,
    FACILITY_KINDS,
    FACILITY_TERMS,
    LANGUAGES,
    UNIT_KINDS,
    UNIT_TERMS,
    ActType,
    FacilityKind,
    UnitKind,
    act_label,
    facility_label,
    unit_label,
)

DT = datetime.datetime
A = ActType
VOCABULARIES: dict[str, tuple[type[StrEnum], dict, tuple[tuple[str, str], ...]]] = {
    "acts": (ActType, ACT_TERMS, ACT_TYPES),
    "units": (UnitKind, UNIT_TERMS, UNIT_KINDS),
    "facilities": (FacilityKind, FACILITY_TERMS, FACILITY_KINDS),
}


# --- the vocabularies ------------------------------------------------------------------------


@pytest.mark.parametrize("name", VOCABULARIES)
def test_every_code_has_a_term_with_three_labels(name: str) -> None:
    enum, terms, choices = VOCABULARIES[name]
    assert set(terms) == set(enum)
    for code, term in terms.items():
        assert term.code == code.value
        for language in LANGUAGES:
            assert term.label(language).strip(), (code, language)
            assert code.label(language) == term.label(language)
        assert term.definition.strip(), code
    assert [code for code, _ in choices] == [code.value for code in enum]
    assert all(label == terms[enum(code)].label_en for code, label in choices)


@pytest.mark.parametrize("name", VOCABULARIES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_distinct_within_a_language(name: str, language: str) -> None:
    _, terms, _ = VOCABULARIES[name]
    labels = [term.label(language).casefold() for term in terms.values()]
    assert len(labels) == len(set(labels))


def test_kazakh_labels_are_kazakh_not_copies_of_russian() -> None:
    differing = [t for t in ACT_TERMS.values() if t.label_kk != t.label_ru]
    assert len(differing) == len(ACT_TERMS)


def test_methods_of_torture_have_torture_as_parent() -> None:
    methods = [code for code in ActType if "." in code.value]
    assert {code.parent for code in methods} == {ActType.TORTURE}
    assert {
        "torture.beating",
        "torture.electric_shock",
        "torture.suffocation",
        "torture.sexual_violence",
    } <= {code.value for code in methods}
    for code in ActType:
        assert code.parent is None or code.parent in ActType
        if "." not in code.value:
            assert code.parent is None


def test_codes_named_in_the_issue_exist() -> None:
    for code in (
        "killing",
        "shooting",
        "arbitrary_arrest",
        "incommunicado_detention",
        "torture",
        "threats",
        "forced_confession",
        "denial_of_counsel",
        "denial_of_medical_care",
        "enforced_disappearance",
        "removal_from_hospital",
    ):
        assert ActType(code).value == code
    assert {u.value for u in UnitKind} >= {
        "police",
        "special_police",
        "national_guard",
        "knb",
        "army",
        "csto",
        "unknown",
        "other",
    }
    assert {f.value for f in FacilityKind} >= {
        "police_station",
        "temporary_detention",
        "pretrial_detention",
        "interior_ministry",
        "knb_building",
        "hospital",
        "morgue",
        "other",
    }


def test_label_helpers() -> None:
    assert act_label("torture.beating", "kk") == "ұрып-соғу"
    assert act_label("torture.beating", "ru") == "избиение"
    assert act_label("torture.beating") == "beating"
    assert unit_label("national_guard", "kk") == "Ұлттық ұлан"
    assert unit_label("national_guard", "ru") == "Национальная гвардия"
    assert facility_label("pretrial_detention", "ru") == "следственный изолятор (СИЗО)"
    assert facility_label("temporary_detention", "kk").startswith("уақытша ұстау изоляторы")
