"""The compiled Gibbs sampler of the latent-class model (numba), one chain at a time.

The model and the steps are Manrique-Vallier's (2016), on aggregated counts: every observed
cell's people are allocated to classes with one multinomial draw; the people on no list are
the data augmentation — their number is drawn from its negative binomial conditional (the
``1/N`` prior) and allocated to classes. Capture probabilities (beta), the truncated
stick-breaking weights (through log-gamma draws, stable for tiny weights) and the concentration
``alpha`` (gamma) follow. One sweep costs cells × classes × lists, whatever the number of
people.

Two additions to the plain Gibbs sweep, both leaving the posterior unchanged:

* a *two-class start*: a chain's first ``two_class`` sweeps use two classes only (the others
  empty), so that it starts where the posterior mass is. On tables like the UK 2013 one a
  chain started with all classes in use may settle for a long time (10^5 sweeps) in a
  configuration where the observed people are spread over three or more mid-sized classes and
  far fewer people are unseen; the posterior holds little mass there, but plain Gibbs leaves
  it slowly. Starting from two classes, the chains find the bulk of the posterior at once and
  spread into more classes as the data ask.
* Metropolis-Hastings moves of the unseen count of one class with the capture probabilities
  and the weights integrated out (``_move_unseen``): given those, the unseen count is pinned
  to within a few per cent, so Gibbs steps alone crawl along its posterior.

The random stream is numba's own, seeded at each call: the same seed gives the same draws.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from numba import njit

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
_MAX_UNSEEN_SHARE = 1.0 - 1e-9
_FEW = 6  # cells of at most this many people are allocated person by person


@njit(cache=True)
def _log_gamma_draw(shape: float) -> float:  # pragma: no cover - compiled
    """log of a Gamma(shape, 1) draw, exact for tiny shapes (where the draw underflows)."""
    if shape < 1.0:
        return math.log(np.random.gamma(shape + 1.0, 1.0)) + math.log(np.random.random()) / shape
    return math.log(np.random.gamma(shape, 1.0))


@njit(cache=True)
def _categorical(total: int, weights: FloatArray, out: FloatArray) -> None:  # pragma: no cover
    """``out`` ← class counts of ``total`` people drawn one by one (cheaper than binomials
    for a few people, the usual case in the cells of a stratum)."""
    classes = weights.shape[0]
    out[:] = 0.0
    whole = 0.0
    for k in range(classes):
        whole += weights[k]
    if whole <= 0.0:
        out[0] = total
        return
    for _ in range(total):
        pick = np.random.random() * whole
        k = 0
        reach = weights[0]
        while pick >= reach and k < classes - 1:
            k += 1
            reach += weights[k]
        while weights[k] <= 0.0:  # rounding at the top end: the last class with weight
            k -= 1
        out[k] += 1.0


@njit(cache=True)
def _multinomial(total: int, weights: FloatArray, out: FloatArray) -> None:  # pragma: no cover
    """``out`` ← a multinomial draw of ``total`` over unnormalised ``weights`` (sequential
    binomials; a class of weight zero never gets anyone)."""
    classes = weights.shape[0]
    if total <= _FEW:
        _categorical(total, weights, out)
        return
    suffix = np.empty(classes + 1)
    suffix[classes] = 0.0
    for k in range(classes - 1, -1, -1):
        suffix[k] = suffix[k + 1] + weights[k]
    left = total
    for k in range(classes):
        if left == 0 or weights[k] <= 0.0:
            out[k] = 0.0
        elif suffix[k + 1] <= 0.0:
            out[k] = left
            left = 0
        else:
            drawn = np.random.binomial(left, min(weights[k] / suffix[k], 1.0))
            out[k] = drawn
            left -= drawn
    if left > 0:
        # Every weight was zero (underflow): the people go to the first class.
        out[0] += left


@njit(cache=True)
def _allocate_seen(
    patterns: IntArray,
    counts: IntArray,
    lam: FloatArray,
    weights: FloatArray,
    in_class: FloatArray,
    on_list: FloatArray,
) -> None:  # pragma: no cover - compiled
    """Allocate every observed cell's people to classes; tally people per class and per
    (list, class)."""
    cells, lists = patterns.shape
    classes = weights.shape[0]
    probs = np.empty(classes)
    drawn = np.empty(classes)
    in_class[:] = 0.0
    on_list[:] = 0.0
    for m in range(cells):
        if counts[m] == 0:
            continue
        for k in range(classes):
            p = weights[k]
            for j in range(lists):
                p *= lam[j, k] if patterns[m, j] == 1 else 1.0 - lam[j, k]
            probs[k] = p
        _multinomial(counts[m], probs, drawn)
        for k in range(classes):
            in_class[k] += drawn[k]
            for j in range(lists):
                if patterns[m, j] == 1:
                    on_list[j, k] += drawn[k]


@njit(cache=True)
def _stick_marginal(sizes: FloatArray, alpha: float) -> float:  # pragma: no cover - compiled
    """log of the stick-breaking prior of the class sizes, the weights integrated out."""
    later = 0.0
    for k in range(sizes.shape[0]):
        later += sizes[k]
    total = 0.0
    for k in range(sizes.shape[0] - 1):
        later -= sizes[k]
        total += (
            math.lgamma(1.0 + sizes[k])
            + math.lgamma(alpha + later)
            - math.lgamma(1.0 + alpha + sizes[k] + later)
        )
    return total


@njit(cache=True)
def _capture_marginal(size: float, on_list: FloatArray, k: int) -> float:  # pragma: no cover
    """log of one class's capture likelihood with its Beta(1, 1) probabilities integrated
    out (the terms that depend on the class size)."""
    total = 0.0
    for j in range(on_list.shape[0]):
        total += math.lgamma(1.0 + size - on_list[j, k]) - math.lgamma(2.0 + size)
    return total


@njit(cache=True)
def _move_unseen(
    unseen: FloatArray,
    in_class: FloatArray,
    on_list: FloatArray,
    observed: int,
    alpha: float,
    moves: int,
) -> None:  # pragma: no cover - compiled
    """Metropolis-Hastings moves of one class's unseen count, targeting
    p(unseen per class | the observed people's classes, alpha) with the capture
    probabilities and weights integrated out:

        log Γ(N) − Σ_k log Γ(u_k + 1) + stick-breaking marginal of the class sizes
        + Σ_k Σ_j [log Γ(1 + m_k − s_jk) − log Γ(2 + m_k)]

    (``u_k`` unseen and ``m_k`` all people in class k, ``s_jk`` of them on list j). A class is
    chosen with probability (u_k + 1) / (U + classes), the step is symmetric at scales from 1
    to twice the observed count."""
    classes = unseen.shape[0]
    sizes = in_class + unseen
    total_unseen = 0.0
    for k in range(classes):
        total_unseen += unseen[k]
    stick = _stick_marginal(sizes, alpha)
    log_top = math.log(2.0 * max(observed, 5))
    for _ in range(moves):
        pick = np.random.random() * (total_unseen + classes)
        k = 0
        reach = unseen[0] + 1.0
        while pick > reach and k < classes - 1:
            k += 1
            reach += unseen[k] + 1.0
        step = np.rint(math.exp(np.random.random() * log_top) * np.random.standard_normal())
        if step == 0.0:
            step = -1.0 if np.random.random() < 0.5 else 1.0
        old_u = unseen[k]
        new_u = old_u + step
        if new_u < 0.0:
            continue
        old_size = sizes[k]
        sizes[k] = old_size + step
        new_stick = _stick_marginal(sizes, alpha)
        total = observed + total_unseen
        log_ratio = (
            math.lgamma(total + step)
            - math.lgamma(total)
            - math.lgamma(new_u + 1.0)
            + math.lgamma(old_u + 1.0)
            + new_stick
            - stick
            + _capture_marginal(sizes[k], on_list, k)
            - _capture_marginal(old_size, on_list, k)
            + math.log((new_u + 1.0) / (total_unseen + step + classes))
            - math.log((old_u + 1.0) / (total_unseen + classes))
        )
        if math.log(np.random.random()) < log_ratio:
            unseen[k] = new_u
            total_unseen += step
            stick = new_stick
        else:
            sizes[k] = old_size


@njit(cache=True)
def _draw_weights(
    sizes: FloatArray, alpha: float, active: int, weights: FloatArray
) -> float:  # pragma: no cover - compiled
    """Stick-breaking weights over the first ``active`` classes given the class sizes (the
    others get none); returns log of the last active weight, Σ log(1 − V_k)."""
    classes = sizes.shape[0]
    later = 0.0
    for k in range(active):
        later += sizes[k]
    log_rest = 0.0
    for k in range(active - 1):
        later -= sizes[k]
        head = _log_gamma_draw(1.0 + sizes[k])
        tail = _log_gamma_draw(alpha + later)
        top = max(head, tail)
        log_sum = top + math.log(math.exp(head - top) + math.exp(tail - top))
        weights[k] = math.exp(head - log_sum + log_rest)
        log_rest += tail - log_sum
    weights[active - 1] = math.exp(log_rest)
    for k in range(active, classes):
        weights[k] = 0.0
    return log_rest


# nogil: a chain runs without holding the interpreter, so the simulation check on a table's
# shape (tizim.core.estimation.shape_check) samples in a thread beside the report's own chains.
# Each thread has its own random stream, seeded by seed_numba in that thread.
@njit(cache=True, nogil=True)
def run_chain(
    patterns: IntArray,
    counts: IntArray,
    lam: FloatArray,
    weights: FloatArray,
    unseen: FloatArray,
    alpha: FloatArray,
    sweeps: int,
    thin: int,
    two_class: int,
    skip: int,
    moves: int,
    alpha_shape: float,
    alpha_rate: float,
    totals: FloatArray,
) -> None:  # pragma: no cover - compiled
    """Run one chain for ``sweeps`` sweeps from its state (``lam`` lists × classes,
    ``weights`` and ``unseen`` per class, ``alpha[0]``), updated in place; the total of
    every ``thin``-th sweep after the first ``skip`` goes to ``totals``. The first
    ``two_class`` sweeps (at most ``skip``) use two classes and keep alpha fixed."""
    lists, classes = lam.shape
    observed = 0
    for m in range(counts.shape[0]):
        observed += counts[m]
    in_class = np.empty(classes)
    on_list = np.empty((lists, classes))
    miss = np.empty(classes)
    for sweep in range(sweeps):
        starting = sweep < two_class
        active = min(classes, 2) if starting else classes
        _allocate_seen(patterns, counts, lam, weights, in_class, on_list)
        if moves > 0 and not starting:
            _move_unseen(unseen, in_class, on_list, observed, alpha[0], moves)
        for j in range(lists):
            for k in range(classes):
                seen_on = on_list[j, k]
                lam[j, k] = np.random.beta(1.0 + seen_on, 1.0 + in_class[k] + unseen[k] - seen_on)
        log_rest = _draw_weights(in_class + unseen, alpha[0], active, weights)
        p_unseen = 0.0
        for k in range(classes):
            p = weights[k]
            for j in range(lists):
                p *= 1.0 - lam[j, k]
            miss[k] = p
            p_unseen += p
        p_unseen = min(p_unseen, _MAX_UNSEEN_SHARE)
        # Negative binomial (failures before ``observed`` successes) as a gamma-Poisson mix.
        unseen_total = np.random.poisson(np.random.gamma(observed, p_unseen / (1.0 - p_unseen)))
        _multinomial(unseen_total, miss, unseen)
        if not starting:
            alpha[0] = np.random.gamma(alpha_shape + classes - 1.0, 1.0 / (alpha_rate - log_rest))
        if sweep >= skip and (sweep - skip) % thin == thin - 1:
            totals[(sweep - skip) // thin] = observed + unseen_total


@njit(cache=True)
def seed_numba(seed: int) -> None:  # pragma: no cover - compiled
    """Seed the compiled code's random stream (the calling thread's: each thread has its own)."""
    np.random.seed(seed)
