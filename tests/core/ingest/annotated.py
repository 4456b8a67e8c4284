"""Annotated texts for the training tests: the ones shipped in ``tests/ingest/data`` (shared
with ``bench/``) and small ones written on the spot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tizim.core.ingest.linear_model import LinearModel

DATA = Path(__file__).parents[2] / "ingest" / "data"
ANNOTATED = [*sorted(DATA.glob("corpus*")), DATA / "seeds"]


def write_annotated(
    folder: Path, name: str, text: str, claims: list[dict], persons: list[dict] | None = None
) -> Path:
    """Write ``NAME.txt`` and its expected list, in English of 20 January 2022, into ``folder``."""
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text)
    expected = {"language": "en", "published": "2022-01-20", "claims": claims,
                "persons": persons or []}  # fmt: skip
    (folder / f"{name}.expected.json").write_text(json.dumps(expected))
    return folder / f"{name}.txt"


def assert_trains_the_same(retrained: LinearModel, shipped: LinearModel, features: list) -> None:
    """The model trained again on the annotated texts is the one shipped: the same classes and
    features, and the same probabilities (to 0.01) for the ``features`` sampled."""
    assert retrained.classes == shipped.classes
    assert retrained.weights.keys() == shipped.weights.keys()
    for one in features:
        again, before = retrained.probabilities(one), shipped.probabilities(one)
        assert again == pytest.approx(before, abs=0.01), "train it again (README, Ingest)"
