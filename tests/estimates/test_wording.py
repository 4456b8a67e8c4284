"""The estimators' warnings in the reader's language (``tizim.estimates.wording``)."""

from __future__ import annotations

import pytest
from django.utils import translation

from tizim.core.estimation import CaptureHistoryTable, estimate_all
from tizim.estimates.wording import WARNINGS, warning_in_words

SPARSE = {
    "code": "sparse_cells",
    "message": "5 of the 7 combinations of lists hold fewer than 3 people (2 are empty): …",
    "details": {"small_cells": 5, "empty_cells": 2, "cells": 7},
}


def test_english_readers_get_the_estimators_own_message():
    with translation.override("en"):
        assert warning_in_words(SPARSE) == SPARSE["message"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "В 5 из 7 сочетаний списков очень мало людей (2 пусты)"),
        ("kk", "Тізімдердің 7 тіркесімінің 5-інде адам өте аз (2 бос)"),
    ],
)
def test_a_warning_is_said_in_the_readers_language_with_its_figures(language, expected):
    with translation.override(language):
        assert warning_in_words(SPARSE).startswith(expected)


def test_numbers_are_written_as_the_language_writes_them():
    unstable = {
        "code": "unstable_models",
        "message": "The models disagree",
        "details": {"lowest": 11313.0, "highest": 22990.0, "ratio": 2.03},
    }
    with translation.override("ru"):
        said = warning_in_words(unstable)
    assert "от 11\u00a0313 до 22\u00a0990" in said or "от 11 313 до 22 990" in said, said


def test_every_warning_the_estimators_give_has_words():
    """Every code a real run gives (here: a table built to give many) has a sentence."""
    table = CaptureHistoryTable.from_csv_text(
        "a,b,c,count\n1,0,0,40\n0,1,0,1\n1,1,0,0\n0,0,1,30\n1,0,1,2\n0,1,1,0\n1,1,1,0\n"
    )
    report = estimate_all(table)
    codes = {w.code for w in report.warnings} | {
        w.code for e in report.estimates for w in e.warnings
    }
    assert codes and codes <= set(WARNINGS), codes - set(WARNINGS)


def test_a_stored_warning_without_figures_keeps_its_message():
    old = {"code": "not_converged", "message": "The model fit did not converge."}
    with translation.override("kk"):
        assert "Модель жинақталмады" in warning_in_words(old)
    unknown = {"code": "something_new", "message": "A new warning."}
    with translation.override("kk"):
        assert warning_in_words(unknown) == "A new warning."


def test_what_a_report_leads_with_and_why_in_the_readers_language():
    from tizim.estimates.wording import lead_in_words

    report = {
        "recommendation": "Recommended: stepwise_aic (profile-likelihood interval).",
        "lead": {
            "kind": "estimate",
            "method": "stepwise_aic",
            "reasons": [
                "latent_class: not usable (not_converged, open_interval).",
                "graphical_bma: its posterior has more than one mode.",
            ],
        },
        "estimates": [
            {"method": "stepwise_aic", "interval_kind": "profile-likelihood", "recommended": True}
        ],
    }
    with translation.override("en"):
        lead, reasons = lead_in_words(report)
    assert lead == "Recommended: log-linear models chosen by AIC (profile-likelihood interval)."
    assert (
        reasons[0] == "latent-class model (LCMCR): not usable (did not converge, no upper bound)."
    )
    with translation.override("ru"):
        lead, reasons = lead_in_words(report)
    assert lead.startswith("Рекомендуется: ") and "stepwise_aic" not in lead
    assert "не сошлась, нет верхней границы" in reasons[0]
    assert "больше одной моды" in reasons[1]
    ranged = {
        "lead": {"kind": "range", "low": 9000.0, "high": 21000.0, "lower": 8000.0, "upper": 33000.0}
    }
    with translation.override("kk"):
        lead, _ = lead_in_words(ranged)
    assert "аралығын келтіріңіз" in lead and "stepwise" not in lead


def test_models_that_agree_but_have_several_answers_are_not_said_to_disagree():
    agreeing = {
        "code": "unstable_models",
        "message": "The models' medians agree (stepwise_aic 11,313; graphical_bma 11,718), but …",
        "details": {"lowest": 11313.0, "highest": 11718.0, "ratio": 1.04, "multimodal": ["x"]},
    }
    with translation.override("ru"):
        said = warning_in_words(agreeing)
    assert said.startswith("Медианы моделей согласуются") and "расходятся" not in said


def test_a_lead_widened_by_the_simulation_check_is_said_with_its_figures():
    """A real run on a table shaped like a registry stratum: the check fails, and the lead, its
    warning and the quotable method are said in each language with the check's figures."""
    from tizim.core.estimation.simulate import latent_class_cells, simulate_table
    from tizim.estimates.wording import lead_in_words, method_name

    cells = latent_class_cells(
        [0.3, 0.7], [[0.5, 0.4, 0.6, 0.3, 0.5, 0.4], [0.1, 0.05, 0.15, 0.1, 0.08, 0.12]]
    )
    report = estimate_all(simulate_table(400, cells, seed=3), seed=1).to_dict()
    check = report["lead"]["shape_check"]
    assert report["lead"]["why"] == "shape_check" and not check["passed"]
    failed = next(w for w in report["warnings"] if w["code"] == "shape_check_failed")
    expected = {
        "en": ("widened from", "the model's own interval held the true total in only"),
        "ru": ("расширенным с", "лишь в"),
        "kk": ("кеңейтілген", "тек"),
    }
    for language, (widened, only) in expected.items():
        with translation.override(language):
            lead, _ = lead_in_words(report)
            warning = warning_in_words(failed)
            method = method_name("latent_class_widened")
        assert widened in lead and only in lead and "%(" not in lead, lead
        assert f"{check['held']}" in lead and "70" in lead and "4" in lead
        assert "%(" not in warning and str(check["held"]) in warning, warning
        assert method != "latent_class_widened"
    with translation.override("ru"):
        assert "в 4,5 раза труднее" in warning_in_words(failed)


def test_a_passed_simulation_check_is_given_as_a_reason():
    from tizim.estimates.wording import lead_in_words

    report = {
        "lead": {
            "kind": "estimate",
            "method": "latent_class",
            "shape_check": {
                "tables": 20,
                "held": 19,
                "population": 1200,
                "passed": True,
                "hard_share": 0.7,
                "harder": 4.0,
            },
        },
        "estimates": [
            {"method": "latent_class", "interval_kind": "bayesian-credible", "recommended": True}
        ],
    }
    with translation.override("kk"):
        lead, reasons = lead_in_words(report)
    assert lead.startswith("Ұсынылады:")
    assert reasons == [
        "Осындай пішінді кестелердегі симуляциялық тексерістен өтті: адамдардың 70%-ы "
        "басқаларға қарағанда 4 есе қиын тіркелетін жиынтықтан алынған осындай пішінді 20 "
        "кестеде модель аралығы нақты санды 19 рет қамтыды."
    ]
