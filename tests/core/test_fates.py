"""The fate vocabulary in Kazakh, Russian and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.errors import ParseError
from tizim.core.fates import FATE_CHOICES, Fate, parse_fate

VOCABULARY: dict[Fate, tuple[str, ...]] = {
    Fate.KILLED: (
        "погиб",
        "Погибла",
        "погибли",
        "погибший",
        "убит",
        "убита",
        "убиты",
        "был убит",
        "застрелен",
        "застрелена",
        "умер",
        "умерла",
        "скончался",
        "скончалась",
        "скончался от ран",
        "умер в больнице",
        "найден мёртвым",
        "найден мертвым",
        "найдена мёртвой",
        "найден в морге",
        "найдена в морге",
        "тело найдено",
        "тело найдено в морге",
        "қаза тапты",
        "қайтыс болды",
        "атып өлтірілді",
        "мерт болды",
        "өлді",
        "killed",
        "dead",
        "died",
        "died in hospital",
        "shot dead",
        "was shot dead",
        "found dead",
        "found in morgue",
        "found in a morgue",
    ),
    Fate.DIED_IN_CUSTODY: (
        "умер в заключении",
        "умер под стражей",
        "умерла под стражей",
        "умер в СИЗО",
        "умерла в СИЗО",
        "умер в ИВС",
        "скончался в ИВС",
        "скончалась в заключении",
        "умер в изоляторе",
        "погиб под стражей",
        "умер в СИЗО после пыток",
        "найден мертвым в СИЗО",
        "в СИЗО умер",
        "қамауда қайтыс болды",
        "died in custody",
        "died in police custody",
        "died in detention",
        "killed in detention",
    ),
    Fate.MISSING: (
        "пропал без вести",
        "пропала без вести",
        "пропал",
        "пропала",
        "без вести пропавший",
        "без вести пропавшая",
        "без вести",
        "местонахождение неизвестно",
        "не найден",
        "хабарсыз кетті",
        "хабар-ошарсыз жоғалды",
        "із-түзсіз жоғалды",
        "жоғалып кетті",
        "missing",
        "whereabouts unknown",
        "Пропал без вести!",
    ),
    Fate.DISAPPEARED: (
        "насильственно исчез",
        "насильственно исчезла",
        "исчез",
        "исчезла",
        "насильственное исчезновение",
        "күштеп жоғалтылды",
        "disappeared",
        "forcibly disappeared",
        "enforced disappearance",
    ),
    Fate.DETAINED: (
        "задержан",
        "задержана",
        "задержаны",
        "ЗАДЕРЖАН",
        "  задержан. ",
        "задержан 7 января",
        "задержан полицией",
        "в ИВС",
        "содержится в ИВС",
        "в изоляторе",
        "под стражей",
        "содержится",
        "ұсталды",
        "ұсталған",
        "қамауда",
        "detained",
        "in custody",
        "held",
    ),
    Fate.ARRESTED: (
        "арестован",
        "арестована",
        "арестованы",
        "под арестом",
        "взят под стражу",
        "взята под стражу",
        "в СИЗО",
        "содержится в СИЗО",
        "санкционирован арест",
        "қамауға алынды",
        "тұтқындалды",
        "arrested",
        "remanded",
    ),
    Fate.CHARGED: (
        "обвиняется",
        "предъявлено обвинение",
        "обвиняемый",
        "обвиняемая",
        "возбуждено дело",
        "возбуждено уголовное дело",
        "айып тағылды",
        "айыпталуда",
        "charged",
        "accused",
        "indicted",
    ),
    Fate.CONVICTED: (
        "осужден",
        "осуждена",
        "осуждён",
        "приговорён",
        "приговорена",
        "приговорен к 5 годам",
        "признан виновным",
        "сотталды",
        "үкім шығарылды",
        "convicted",
        "sentenced",
        "sentenced to 5 years",
        "found guilty",
    ),
    Fate.RELEASED: (
        "освобожден",
        "освобождена",
        "освобождён",
        "отпущен",
        "отпущена",
        "вышел на свободу",
        "вышла на свободу",
        "освобожден под залог",
        "босатылды",
        "бостандыққа шықты",
        "released",
        "Released on bail",
        "freed",
    ),
    Fate.INJURED: (
        "ранен",
        "ранена",
        "Ранен.",
        "ранены",
        "тяжело ранен",
        "ранен в ногу",
        "ранение",
        "огнестрельное ранение",
        "получил ранение",
        "госпитализирован",
        "госпитализирована",
        "жараланды",
        "жарақат алды",
        "injured",
        "wounded",
        "shot",
        "Shot",
        "hospitalised",
        "hospitalized",
    ),
    Fate.FOUND: (
        "найден",
        "найдена",
        "найден живым",
        "найдена живой",
        "табылды",
        "тірі табылды",
        "found",
        "found alive",
    ),
}


def test_every_fate_has_words():
    assert set(VOCABULARY) == set(Fate)


@pytest.mark.parametrize(
    ("text", "fate"), [(text, fate) for fate, texts in VOCABULARY.items() for text in texts]
)
def test_statuses_in_three_languages(text, fate):
    assert parse_fate(text) is fate


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        # volunteers append updates: the last status stated wins
        ("ранен, затем задержан", Fate.DETAINED),
        ("ранен и задержан", Fate.DETAINED),
        ("пропал; найден в морге", Fate.KILLED),
        ("задержан, освобожден 20.01", Fate.RELEASED),
        ("задержан и освобожден", Fate.RELEASED),
        ("освобожден, затем снова задержан", Fate.DETAINED),
        ("missing, then detained", Fate.DETAINED),
        ("shot, then died", Fate.KILLED),
        ("ранен, скончался", Fate.KILLED),
        ("возбуждено дело, обвиняется", Fate.CHARGED),
        ("задержан; умер в ИВС", Fate.DIED_IN_CUSTODY),
        ("ұсталды, кейін босатылды", Fate.RELEASED),
        # the more specific phrase wins over the words inside it
        ("найден в морге", Fate.KILLED),
        ("умер в СИЗО", Fate.DIED_IN_CUSTODY),
        ("найден живым", Fate.FOUND),
    ],
)
def test_the_last_status_stated_wins(text, fate):
    assert parse_fate(text) is fate


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        ("задержан, не освобожден", Fate.DETAINED),
        ("ранен, не задержан", Fate.INJURED),
        ("не найден", Fate.MISSING),
        ("тело не найдено", Fate.MISSING),
        ("not yet found", Fate.MISSING),
        ("табылған жоқ", Fate.MISSING),
        ("detained, not released", Fate.DETAINED),
        ("пропал после задержания", Fate.MISSING),
        ("умер в больнице после задержания", Fate.KILLED),
        ("missing after arrest", Fate.MISSING),
        ("задержан без предъявления обвинения", Fate.DETAINED),
        ("пропал; ұсталған емес", Fate.MISSING),
    ],
)
def test_negated_and_earlier_events_are_not_the_status(text, fate):
    assert parse_fate(text) is fate


@pytest.mark.parametrize(
    "text",
    [
        "???",
        "",
        "   ",
        "уточняется",
        "неизвестно",
        "ok",
        "вышел",
        "не задержан",
        # house arrest is neither custody nor release: left for a person to decide
        "домашний арест",
        "под домашним арестом",
        "house arrest",
        "задержан, затем домашний арест",
        # torture is not a fate of its own
        "пытки",
        "tortured",
    ],
)
def test_unknown_statuses_are_refused(text):
    with pytest.raises(ParseError, match=r"^unknown status: '"):
        parse_fate(text)


def test_the_reason_quotes_the_text_and_nothing_else():
    with pytest.raises(ParseError) as caught:
        parse_fate("  что-то   непонятное ")
    assert caught.value.reason == "unknown status: 'что-то непонятное'"


def test_a_later_status_after_house_arrest_counts():
    assert parse_fate("домашний арест, затем освобожден") is Fate.RELEASED


def test_groups_of_fates():
    assert Fate.KILLED.is_death and Fate.DIED_IN_CUSTODY.is_death and not Fate.MISSING.is_death
    assert Fate.DETAINED.is_custody and Fate.CONVICTED.is_custody
    assert not Fate.RELEASED.is_custody
    assert len(FATE_CHOICES) == len(Fate)


@given(st.text(max_size=40))
def test_any_text_is_a_fate_or_a_parse_error(text):
    try:
        assert isinstance(parse_fate(text), Fate)
    except ParseError as exc:
        assert exc.reason.startswith("unknown status: '")


@given(st.lists(st.sampled_from(list(Fate)), min_size=1, max_size=4))
def test_of_appended_statuses_the_last_wins(fates):
    cell = "; ".join(VOCABULARY[fate][0] for fate in fates)
    assert parse_fate(cell) is fates[-1]
