"""The fate vocabulary in Kazakh, Russian and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tizim.core.errors import ParseError
from tizim.core.fates import Fate, parse_fate


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        ("погиб", Fate.KILLED),
        ("Погибла", Fate.KILLED),
        ("убит", Fate.KILLED),
        ("застрелен", Fate.KILLED),
        ("қаза тапты", Fate.KILLED),
        ("killed", Fate.KILLED),
        ("shot dead", Fate.KILLED),
        ("найден в морге", Fate.KILLED),
        ("found in a morgue", Fate.KILLED),
        ("умер в СИЗО", Fate.DIED_IN_CUSTODY),
        ("died in custody", Fate.DIED_IN_CUSTODY),
        ("умерла в СИЗО", Fate.DIED_IN_CUSTODY),
        ("пропал без вести", Fate.MISSING),
        ("пропала без вести", Fate.MISSING),
        ("хабарсыз кетті", Fate.MISSING),
        ("missing", Fate.MISSING),
        ("насильственно исчез", Fate.DISAPPEARED),
        ("задержан", Fate.DETAINED),
        ("задержана", Fate.DETAINED),
        ("ұсталды", Fate.DETAINED),
        ("in custody", Fate.DETAINED),
        ("арестован", Fate.ARRESTED),
        ("қамауға алынды", Fate.ARRESTED),
        ("обвиняется", Fate.CHARGED),
        ("айып тағылды", Fate.CHARGED),
        ("осуждена", Fate.CONVICTED),
        ("сотталды", Fate.CONVICTED),
        ("освобожден", Fate.RELEASED),
        ("босатылды", Fate.RELEASED),
        ("released", Fate.RELEASED),
        ("ранен", Fate.INJURED),
        ("жараланды", Fate.INJURED),
        ("wounded", Fate.INJURED),
        ("найден живым", Fate.FOUND),
        ("табылды", Fate.FOUND),
        ("ЗАДЕРЖАН", Fate.DETAINED),
        ("  задержан. ", Fate.DETAINED),
    ],
)
def test_statuses_in_three_languages(text, fate):
    assert parse_fate(text) is fate


@pytest.mark.parametrize(
    ("text", "fate"),
    [
        ("ранен, затем задержан", Fate.DETAINED),
        ("пропал; найден в морге", Fate.KILLED),
        ("задержан, освобожден 20.01", Fate.RELEASED),
        ("missing, then detained", Fate.DETAINED),
    ],
)
def test_the_last_status_stated_wins(text, fate):
    assert parse_fate(text) is fate


@pytest.mark.parametrize("text", ["???", "", "уточняется", "ok"])
def test_unknown_statuses_are_refused(text):
    with pytest.raises(ParseError, match="unknown status"):
        parse_fate(text)


def test_groups_of_fates():
    assert Fate.KILLED.is_death and Fate.DIED_IN_CUSTODY.is_death and not Fate.MISSING.is_death
    assert Fate.DETAINED.is_custody and Fate.CONVICTED.is_custody
    assert not Fate.RELEASED.is_custody


@given(st.text(max_size=40))
def test_any_text_is_a_fate_or_a_parse_error(text):
    try:
        assert isinstance(parse_fate(text), Fate)
    except ParseError as exc:
        assert exc.reason.startswith("unknown status")
