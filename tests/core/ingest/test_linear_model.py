"""The model both second readers read with: its chances, how it is stored, and what is
refused as one."""

from __future__ import annotations

import json
import math

import pytest

from tizim.core.ingest.linear_model import LinearModel

NOT_A_FIGURE = "not_a_figure"
ZORGS = LinearModel(
    classes=("dead", "none", NOT_A_FIGURE, "released"),
    intercepts=(0.0, 0.0, 2.0, 0.0),
    weights={"R1=zorgs": (6.0, 0.0, 0.0, 0.0), "lang=en": (0.0, 0.0, 0.5, 0.0)},
)


def test_the_chances_are_the_softmax_of_the_summed_weights():
    chances = ZORGS.probabilities(["R1=zorgs", "lang=en", "never seen"])
    scores = {"dead": 6.0, "none": 0.0, NOT_A_FIGURE: 2.5, "released": 0.0}
    total = sum(math.exp(s) for s in scores.values())
    assert chances == pytest.approx({c: math.exp(s) / total for c, s in scores.items()})
    assert ZORGS.probabilities([])[NOT_A_FIGURE] == pytest.approx(math.exp(2) / (math.exp(2) + 3))


def test_a_model_is_stored_and_read_back_the_same():
    assert (
        LinearModel.from_json(json.loads(json.dumps(ZORGS.as_json())), NOT_A_FIGURE, "figures")
        == ZORGS
    )


@pytest.mark.parametrize(
    "broken",
    [
        {"classes": ["dead", "released"], "intercepts": [0, 0], "weights": {}},
        {"classes": ["dead", NOT_A_FIGURE], "intercepts": [0, 0], "weights": {"a": [1.0]}},
        {"classes": ["dead", NOT_A_FIGURE], "intercepts": [0], "weights": {}},
        {"classes": ["dead", NOT_A_FIGURE]},
        {"classes": ["dead", NOT_A_FIGURE], "intercepts": [0, 0], "weights": ["a"]},
    ],
)
def test_a_stored_model_that_does_not_hold_together_is_refused(broken):
    with pytest.raises(ValueError, match="not a model of figures"):
        LinearModel.from_json(broken, NOT_A_FIGURE, "figures")
