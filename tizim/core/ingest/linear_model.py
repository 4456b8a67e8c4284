"""The model both second readers use (of figures and of persons): a multinomial logistic
regression over binary features, stored as its weights and read with no library, and its
fitting, which needs scikit-learn (a development dependency) and is used only to train.

One class is the negative one — a number that counts no people, a person nothing is told
to have happened to; the chance of the rest together is what a reader weighs against its
threshold. The reader of figures proposes the likeliest of them (decision 0027); the reader of
persons proposes the fate of the nearest word of what happened, and the likeliest only where
there is none (decision 0028).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: A feature seen in fewer training examples than this is left out: it says nothing general.
MIN_COUNT = 2
#: The inverse strength of the L2 penalty (scikit-learn's C), chosen with each threshold.
PENALTY_C = 1.0


@dataclass(frozen=True)
class LinearModel:
    """Weights of a multinomial logistic regression over binary features."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """The chance of each class for an example with these ``features``."""
        scores = list(self.intercepts)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def as_json(self) -> dict[str, object]:
        """The shape a model is stored in."""
        return {
            "classes": list(self.classes),
            "intercepts": list(self.intercepts),
            "weights": {f: list(row) for f, row in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], negative: str, of: str) -> LinearModel:
        """The model stored as ``data`` (the shape of :meth:`as_json`), which must know the
        ``negative`` class; ``of`` names what it reads, for the message if it is not one."""
        try:
            classes = tuple(str(c) for c in data["classes"])
            intercepts = tuple(float(v) for v in data["intercepts"])
            weights = {str(f): tuple(float(v) for v in row) for f, row in data["weights"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"not a model of {of}: {error!r}") from error
        rows = [intercepts, *weights.values()]
        if negative not in classes or any(len(row) != len(classes) for row in rows):
            raise ValueError(f"not a model of {of}: classes and weights do not agree")
        return cls(classes, intercepts, weights)


def fit(examples: list[tuple[list[str], str]]) -> LinearModel:
    """A model fitted to ``examples`` (features, class); at least two classes are needed."""
    try:
        from sklearn.feature_extraction import DictVectorizer  # development dependency
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise RuntimeError("training needs scikit-learn: pip install -e '.[dev]'") from error
    seen = Counter(f for features, _ in examples for f in set(features))
    kept = [{f: 1 for f in features if seen[f] >= MIN_COUNT} for features, _ in examples]
    if not any(kept):
        raise ValueError(
            f"nothing to learn from: too few examples, no feature is seen in {MIN_COUNT} of them"
        )
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    fitted = LogisticRegression(C=PENALTY_C, max_iter=5000)
    fitted.fit(matrix, [label for _, label in examples])
    classes = tuple(str(c) for c in fitted.classes_)
    coefficients, intercepts = fitted.coef_, fitted.intercept_
    if len(classes) == 2:  # one row for two classes: the first scores 0 in a softmax
        coefficients = [[0.0] * coefficients.shape[1], list(coefficients[0])]
        intercepts = [0.0, float(intercepts[0])]
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): tuple(round(float(row[column]), 5) for row in coefficients)
        for column, name in enumerate(names)
    }
    return LinearModel(classes, tuple(round(float(b), 5) for b in intercepts), weights)
