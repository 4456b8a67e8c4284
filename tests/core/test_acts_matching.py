"""Finding acts, units and facility kinds in free text, with negation.

Phrases are paraphrases of the seed articles (NYT, BBC, Euronews, Amnesty, January 2022).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.acts.matching import (
    act_codes,
    parse_act_types,
    parse_facility_kind,
    parse_facility_kinds,
    parse_unit,
    parse_units,
)
from tizim.core.acts.vocabulary import (
    ACT_TERMS,
    FACILITY_TERMS,
    LANGUAGES,
    UNIT_TERMS,
    ActType,
    FacilityKind,
    Term,
    UnitKind,
)

A = ActType


def _sample(phrase: str) -> str:
    """The plainest text a synonym should match: first alternatives, stems without endings."""
    words = []
    for slot in phrase.split():
        if slot == "...":
            continue
        words.append(slot.rstrip("?").split("|")[0].replace("*", ""))
    return " ".join(words)


def _synonyms(terms: dict) -> list[tuple[str, str]]:
    return [(term.code, phrase) for term in terms.values() for phrase in term.synonyms if phrase]


@pytest.mark.parametrize(("code", "phrase"), _synonyms(ACT_TERMS))
def test_every_act_synonym_finds_its_act(code: str, phrase: str) -> None:
    assert code in act_codes(_sample(phrase))


@pytest.mark.parametrize(("code", "phrase"), _synonyms(UNIT_TERMS))
def test_every_unit_synonym_finds_its_unit(code: str, phrase: str) -> None:
    assert code in parse_units(_sample(phrase))


@pytest.mark.parametrize(("code", "phrase"), _synonyms(FACILITY_TERMS))
def test_every_facility_synonym_finds_its_facility(code: str, phrase: str) -> None:
    assert code in parse_facility_kinds(_sample(phrase))


def test_a_term_refuses_an_unknown_language() -> None:
    term = Term("x", "kk", "ru", "en", "definition")
    assert [term.label(lang) for lang in LANGUAGES] == ["kk", "ru", "en"]
    with pytest.raises(ValueError):
        term.label("fr")


# --- acts in free text -----------------------------------------------------------------------

SEED_PHRASES: list[tuple[str, set[ActType] | None]] = [
    # the issue's own examples
    ("избивали, пытали током", {A.TORTURE_BEATING, A.TORTURE_ELECTRIC_SHOCK}),
    ("били", {A.TORTURE_BEATING}),
    ("ұрып-соқты", {A.TORTURE_BEATING}),
    ("не пускали адвоката", {A.DENIAL_OF_COUNSEL}),
    # an electrician held eight days in a basement cell of the Interior Ministry (NYT)
    (
        "He was held in a basement cell and beaten for eight days; interrogators beat him on "
        "the genitals, used electric shocks and forced other detainees to beat him.",
        {A.TORTURE_BEATING, A.TORTURE_SEXUAL_VIOLENCE, A.TORTURE_ELECTRIC_SHOCK},
    ),
    (
        "Его восемь дней держали в подвале и избивали, били по половым органам, пытали током.",
        {A.TORTURE_BEATING, A.TORTURE_SEXUAL_VIOLENCE, A.TORTURE_ELECTRIC_SHOCK},
    ),
    (
        "Оны сегіз күн бойы ұрып-соқты, токпен азаптады.",
        {A.TORTURE_BEATING, A.TORTURE_ELECTRIC_SHOCK},
    ),
    ("He was told many times he would never come out alive.", {A.THREATS}),
    ("Ему много раз говорили, что он живым не выйдешь.", {A.THREATS}),
    (
        "He has never had access to an attorney or medical assistance.",
        {A.DENIAL_OF_COUNSEL, A.DENIAL_OF_MEDICAL_CARE},
    ),
    (
        "Адвоката к нему не допускали, медицинскую помощь не оказывали.",
        {A.DENIAL_OF_COUNSEL, A.DENIAL_OF_MEDICAL_CARE},
    ),
    (
        "Адвокат берілмеді, медициналық көмек көрсетілмеді.",
        {A.DENIAL_OF_COUNSEL, A.DENIAL_OF_MEDICAL_CARE},
    ),
    # a man detained by the National Guard, found in a morgue six days later (NYT)
    (
        "He called a friend to say he had been detained by the National Guard.",
        {A.DETENTION},
    ),
    (
        "His right hand was broken, he was still handcuffed, with gunshot wounds near the heart.",
        {A.TORTURE_BEATING, A.SHOOTING},
    ),
    ("Задержан Нацгвардией, через шесть дней найден в морге с огнестрельными ранениями.", None),
    # the hospital raids (BBC)
    (
        "Armed men in uniform checked every ward, looking for people wounded in the unrest.",
        {A.REMOVAL_FROM_HOSPITAL, A.SHOOTING},
    ),
    ("'If you go out to protest again, we will kill you'", {A.THREATS}),
    ("Раненых забирали из больницы прямо в ИВС.", {A.SHOOTING, A.REMOVAL_FROM_HOSPITAL}),
    ("Жараланғандарды ауруханадан алып кетті.", {A.SHOOTING, A.REMOVAL_FROM_HOSPITAL}),
    ("people injured in the unrest were taken from hospital beds to prison", None),
    # arrests, torture and confessions (Euronews, HRW, NYT)
    (
        "He was arrested on a bus by police, held without charge and tortured for a week.",
        {A.DETENTION, A.ARBITRARY_ARREST, A.TORTURE},
    ),
    (
        "They beat me on my chest with their fists, on my back with a stick and a rifle butt.",
        {A.TORTURE_BEATING},
    ),
    (
        "Young men had plastic bags put over their heads, were thrown to the ground, jumped on.",
        {A.TORTURE_SUFFOCATION, A.TORTURE_BEATING},
    ),
    ("Им надевали пакет на голову.", {A.TORTURE_SUFFOCATION}),
    ("They had broken ribs but received no medical attention.", None),
    (
        "Security forces arbitrarily arrested peaceful protesters and denied them access to "
        "lawyers.",
        {A.ARBITRARY_ARREST, A.DENIAL_OF_COUNSEL},
    ),
    ("They try to force confessions out of them.", {A.FORCED_CONFESSION}),
    ("Из них выбивают признательные показания.", {A.FORCED_CONFESSION}),
    ("Күштеп мойындатты.", {A.FORCED_CONFESSION}),
    (
        "Riot police stormed in and dragged him away; he was beaten and threatened all night.",
        {A.HOME_RAID, A.TORTURE_BEATING, A.THREATS},
    ),
    ("At around 7pm the military opened fire.", {A.SHOOTING}),
    ("Его увезли в неизвестном направлении.", {A.ENFORCED_DISAPPEARANCE}),
    ("Ол белгісіз бағытқа алып кетілді.", None),
    ("Родственникам не сообщили, где он.", {A.INCOMMUNICADO_DETENTION}),
    ("Атып өлтірілді.", {A.KILLING}),
    ("shot dead on the square", {A.KILLING}),
]


@pytest.mark.parametrize(("text", "expected"), [p for p in SEED_PHRASES if p[1] is not None])
def test_seed_phrases_map_to_their_acts(text: str, expected: set[ActType]) -> None:
    assert set(act_codes(text)) == expected


def test_seed_phrases_without_an_exact_set_still_find_the_key_act() -> None:
    assert {A.DETENTION, A.SHOOTING} <= set(
        act_codes(
            "Задержан Нацгвардией, через шесть дней найден в морге с огнестрельными ранениями."
        )
    )
    assert A.REMOVAL_FROM_HOSPITAL in act_codes(
        "people injured in the unrest were taken from hospital beds to prison"
    )
    assert set(act_codes("They had broken ribs but received no medical attention.")) == {
        A.TORTURE_BEATING,
        A.DENIAL_OF_MEDICAL_CARE,
    }


def test_a_general_mention_of_torture_gives_way_to_its_method() -> None:
    assert act_codes("пытали") == [A.TORTURE]
    assert act_codes("пытали током") == [A.TORTURE_ELECTRIC_SHOCK]
    assert act_codes("Его пытали: избивали дубинками") == [A.TORTURE_BEATING]


def test_matches_point_into_the_original_text() -> None:
    text = "Түнде ҰРЫП-СОҚТЫ, then Tortured with ELECTRIC SHOCKS."
    matches = parse_act_types(text)
    assert [m.code for m in matches] == [A.TORTURE_BEATING, A.TORTURE_ELECTRIC_SHOCK]
    for m in matches:
        assert text[m.start : m.end] == m.matched
    assert matches[0].matched == "ҰРЫП-СОҚТЫ"


def test_each_mention_is_returned_and_codes_are_distinct() -> None:
    text = "били ночью, били утром"
    assert len(parse_act_types(text)) == 2
    assert act_codes(text) == [A.TORTURE_BEATING]


def test_kazakh_typed_with_russian_letters_matches() -> None:
    assert act_codes("урып-сокты") == [A.TORTURE_BEATING]


@pytest.mark.parametrize(
    "text",
    [
        "не били",
        "Его не избивали",
        "не пытали",
        "не был избит",
        "He was not beaten",
        "They never tortured him",
        "wasn't beaten",
        "was not tortured or beaten",
        "не били и не пытали",
        "Authorities have denied torturing anyone",
        "ұрған жоқ",
        "азаптаған жоқ",
        "ұрмады",
        "The lawyer said he was not beaten",
    ],
)
def test_negated_acts_do_not_count(text: str) -> None:
    assert act_codes(text) == []


def test_negation_reaches_only_its_own_clause() -> None:
    assert act_codes("не били, но пытали током") == [A.TORTURE_ELECTRIC_SHOCK]
    assert act_codes("He was not charged, but beaten") == [A.TORTURE_BEATING]
    assert act_codes("не только били, но и пытали током") == [
        A.TORTURE_BEATING,
        A.TORTURE_ELECTRIC_SHOCK,
    ]


def test_a_lawyer_or_a_doctor_alone_is_no_denial() -> None:
    assert act_codes("His lawyer told the BBC that he had been beaten in detention") == [
        A.TORTURE_BEATING,
        A.DETENTION,
    ]
    assert act_codes("адвокат пришёл на допрос") == []
    assert act_codes("врач осмотрел его") == []
    assert act_codes("без адвоката") == [A.DENIAL_OF_COUNSEL]


def test_text_without_acts() -> None:
    assert parse_act_types("") == []
    assert parse_act_types("Он электрик, недавно женился.") == []
    assert act_codes("попытка") == []  # "пытк" inside another word


@given(st.text(max_size=200))
def test_parsing_any_text_is_safe(text: str) -> None:
    for m in parse_act_types(text):
        assert text[m.start : m.end] == m.matched
        assert m.code in ActType


# --- units and facilities --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("полиция", UnitKind.POLICE),
        ("сотрудники полиции", UnitKind.POLICE),
        ("полицейлер", UnitKind.POLICE),
        ("сотрудники ДП г. Алматы", UnitKind.POLICE),
        ("МВД", UnitKind.POLICE),
        ("Almaty police", UnitKind.POLICE),
        ("СОБР", UnitKind.SPECIAL_POLICE),
        ("ОМОН ДП", UnitKind.SPECIAL_POLICE),
        ("спецназ", UnitKind.SPECIAL_POLICE),
        ("riot police", UnitKind.SPECIAL_POLICE),
        ("special police forces or security services", UnitKind.SPECIAL_POLICE),
        ("Ұлттық ұлан", UnitKind.NATIONAL_GUARD),
        ("Ұлттық ұланның әскери қызметшілері", UnitKind.NATIONAL_GUARD),
        ("Национальная гвардия", UnitKind.NATIONAL_GUARD),
        ("военнослужащие Нацгвардии", UnitKind.NATIONAL_GUARD),
        ("detained by the National Guard", UnitKind.NATIONAL_GUARD),
        ("КНБ", UnitKind.KNB),
        ("ДКНБ по г. Алматы", UnitKind.KNB),
        ("ҰҚК", UnitKind.KNB),
        ("Комитет национальной безопасности", UnitKind.KNB),
        ("National Security Committee", UnitKind.KNB),
        ("военные", UnitKind.ARMY),
        ("әскерилер", UnitKind.ARMY),
        ("the military opened fire", UnitKind.ARMY),
        ("a group of troops", UnitKind.ARMY),
        ("ОДКБ", UnitKind.CSTO),
        ("ҰҚШҰ әскерлері", UnitKind.CSTO),
        ("CSTO troops", UnitKind.CSTO),
        ("миротворцы", UnitKind.CSTO),
        ("Russian-led alliance troops", UnitKind.CSTO),
        ("неизвестные в масках", UnitKind.UNKNOWN),
        ("люди в военной форме без опознавательных знаков", UnitKind.UNKNOWN),
        ("armed men in uniforms", UnitKind.UNKNOWN),
        ("белгісіз адамдар", UnitKind.UNKNOWN),
        ("прокуратура", UnitKind.OTHER),
    ],
)
def test_units(text: str, unit: UnitKind) -> None:
    assert parse_unit(text) == unit


def test_units_in_order_of_mention() -> None:
    assert parse_units("полиция, потом военные ОДКБ") == [
        UnitKind.POLICE,
        UnitKind.ARMY,
        UnitKind.CSTO,
    ]
    assert parse_unit("") is None
    assert parse_unit("соседи") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ИВС ДП г. Алматы", FacilityKind.TEMPORARY_DETENTION),
        ("изолятор временного содержания", FacilityKind.TEMPORARY_DETENTION),
        ("уақытша ұстау изоляторы", FacilityKind.TEMPORARY_DETENTION),
        ("temporary detention centre", FacilityKind.TEMPORARY_DETENTION),
        ("СИЗО-1", FacilityKind.PRETRIAL_DETENTION),
        ("СИЗО КНБ", FacilityKind.PRETRIAL_DETENTION),
        ("следственный изолятор", FacilityKind.PRETRIAL_DETENTION),
        ("тергеу изоляторында", FacilityKind.PRETRIAL_DETENTION),
        ("pre-trial detention centre", FacilityKind.PRETRIAL_DETENTION),
        ("спецприёмник", FacilityKind.SPECIAL_RECEPTION),
        ("ДП г. Алматы", FacilityKind.INTERIOR_MINISTRY),
        ("ДВД", FacilityKind.INTERIOR_MINISTRY),
        ("здание МВД", FacilityKind.INTERIOR_MINISTRY),
        ("ІІМ ғимараты", FacilityKind.INTERIOR_MINISTRY),
        ("Алматы қаласының Полиция департаменті", FacilityKind.INTERIOR_MINISTRY),
        (
            "a basement cell of the Almaty Interior Ministry headquarters",
            FacilityKind.INTERIOR_MINISTRY,
        ),
        ("Медеуский ОП", FacilityKind.POLICE_STATION),
        ("отдел полиции", FacilityKind.POLICE_STATION),
        ("РОВД", FacilityKind.POLICE_STATION),
        ("the local police station", FacilityKind.POLICE_STATION),
        ("полиция бөлімі", FacilityKind.POLICE_STATION),
        ("здание КНБ", FacilityKind.KNB_BUILDING),
        ("ҰҚК ғимараты", FacilityKind.KNB_BUILDING),
        ("больница", FacilityKind.HOSPITAL),
        ("ГКБ №7", FacilityKind.HOSPITAL),
        ("ауруханада", FacilityKind.HOSPITAL),
        ("a hospital in Almaty", FacilityKind.HOSPITAL),
        ("морг", FacilityKind.MORGUE),
        ("найден в морге", FacilityKind.MORGUE),
        ("a city morgue", FacilityKind.MORGUE),
        ("мәйітхана", FacilityKind.MORGUE),
        ("морг городской больницы", FacilityKind.MORGUE),
        ("спортзал", FacilityKind.OTHER),
    ],
)
def test_facility_kinds(text: str, kind: FacilityKind) -> None:
    assert parse_facility_kind(text) == kind


def test_facilities_in_order_of_mention() -> None:
    text = "first the local police station, then the Interior Ministry headquarters"
    assert parse_facility_kinds(text) == [
        FacilityKind.POLICE_STATION,
        FacilityKind.INTERIOR_MINISTRY,
    ]
    assert parse_facility_kind("дома") is None
