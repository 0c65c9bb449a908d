"""Information, entropy, cross-entropy and KL divergence of discrete distributions.

Conventions shared by every function here:

* **Unit.** ``base=2`` (the default) gives bits; ``base=np.e`` gives nats, ``base=10``
  gives hartleys. Any finite base greater than 1 is allowed.
* **Zeros.** ``0 * log 0 = 0``: an outcome with ``p = 0`` contributes nothing, whatever
  ``q`` says about it. An outcome with ``p > 0`` but ``q = 0`` makes cross-entropy and
  KL divergence ``+inf``, never ``nan`` and never a clipped number.
* **Return types.** A reduction over a 1-D input returns a Python ``float``; over an
  N-D input it returns an ``ndarray`` with ``axis`` removed.
* **Bad input** (NaN or inf, negative values, empty input, shapes that differ, sums off
  1 by more than :data:`infotheory.SUM_TOLERANCE`, a bad base) raises ``ValueError``
  with a message that says how to fix it. Nothing is renormalised silently: call
  :func:`normalize` explicitly if your numbers are weights or counts.

References
----------
C. E. Shannon, "A Mathematical Theory of Communication", Bell System Technical
Journal 27 (1948). T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
2nd ed., Wiley (2006), chapter 2.
"""

from __future__ import annotations

import math

import numpy as np

from ._units import as_result, log_function, log_scale
from ._validation import (
    SUM_TOLERANCE,
    as_float_array,
    as_real_array,
    bad_entry,
    check_axis,
    check_base,
    check_finite,
    check_non_negative,
    distribution_and_minimum,
)

__all__ = [
    "SUM_TOLERANCE",
    "cross_entropy",
    "entropy",
    "information",
    "kl_divergence",
    "normalize",
]


def information(p, base=2):
    """Information (surprisal) of an event of probability ``p``: ``-log_base(p)``.

    Rare events carry much information, certain events none. Information of
    independent events adds because their probabilities multiply:
    ``information(p * q) == information(p) + information(q)``.

    Parameters
    ----------
    p : float or array_like
        Probabilities in ``[0, 1]``, applied elementwise.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.

    Returns
    -------
    float or ndarray
        ``-log_base(p)``; ``+inf`` where ``p == 0``, ``0.0`` where ``p == 1``. A float
        for a scalar ``p``, an array of the same shape otherwise.

    Raises
    ------
    ValueError
        If ``p`` is empty, not finite, negative or above 1, or ``base`` is invalid.

    References
    ----------
    Shannon (1948), section 6; Cover & Thomas (2006), section 2.1.

    Examples
    --------
    >>> information(0.5)          # a fair coin lands heads: one bit
    1.0
    >>> information(1 / 8)        # one of eight equally likely outcomes
    3.0
    >>> information([1, 0.25, 0])
    array([ 0.,  2., inf])
    >>> round(information(0.5, base=np.e), 6)   # in nats: ln 2
    0.693147
    """
    p = _as_probabilities(p, "p")
    log = log_function(check_base(base))
    with np.errstate(divide="ignore"):
        result = 0.0 - log(p)  # 0.0 - x, unlike -x, never gives -0.0 (for p == 1)
    return float(result) if result.ndim == 0 else result


def entropy(p, base=2, axis=-1):
    """Entropy of a distribution: ``H(P) = -sum(p * log_base(p))``.

    The expected information of an outcome drawn from ``p``: how surprised you are on
    average. It describes a whole distribution, never a single event. In bits it is a
    lower bound on the average number of yes/no questions (or code bits) per outcome:
    every uniquely decodable code needs at least ``H`` bits on average (exactly ``H``
    only when every ``p`` is a power of 1/2), the best code for single outcomes needs
    fewer than ``H + 1`` (when at least two outcomes are possible), and codes for long
    blocks of outcomes approach ``H``.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis``, non-negative and summing to 1.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.
    axis : int, default -1
        The axis that holds the outcomes.

    Returns
    -------
    float or ndarray
        The entropy, ``>= 0``. A float for 1-D ``p``; otherwise an array with ``axis``
        removed.

    Notes
    -----
    Outcomes with ``p == 0`` contribute ``0 * log 0 = 0``, so ``entropy([1, 0]) == 0``.
    The maximum over ``n`` outcomes is ``log_base(n)``, reached by the uniform
    distribution.

    References
    ----------
    Shannon (1948), section 6; Cover & Thomas (2006), section 2.1 and theorems 5.3.1,
    5.4.1, 5.4.2 and 5.5.1.

    Examples
    --------
    >>> entropy([0.5, 0.5])                 # a fair coin
    1.0
    >>> entropy([1/2, 1/4, 1/8, 1/8])
    1.75
    >>> entropy([1, 0])                     # a certain outcome
    0.0
    >>> entropy([[0.5, 0.5], [0.25, 0.75]]).round(4)
    array([1.    , 0.8113])
    """
    p, smallest = distribution_and_minimum(p, "p", axis)
    log = log_function(check_base(base))
    # Where p == 0, log(TINY) is finite and 0 * finite = 0: the convention 0 log 0 = 0.
    return as_result(0.0 - _sum_p_log(p, p, None, log, axis, clamp=smallest == 0))


def cross_entropy(p, q, base=2, axis=-1):
    """Cross-entropy of ``q`` relative to ``p``: ``H(P, Q) = -sum(p * log_base(q))``.

    The average information of outcomes drawn from ``p`` when each is scored with the
    probability ``q`` gives it; equivalently, the average code length for data from
    ``p`` coded with the ideal code for ``q``. By Gibbs' inequality
    ``cross_entropy(p, q) >= entropy(p)``, with equality only when ``q == p``.

    Parameters
    ----------
    p : array_like
        The reference distribution (the data, the truth).
    q : array_like
        The distribution used to score the outcomes (the model); same shape as ``p``.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.
    axis : int, default -1
        The axis that holds the outcomes.

    Returns
    -------
    float or ndarray
        The cross-entropy; ``+inf`` if some outcome has ``p > 0`` but ``q == 0``. A
        float for 1-D inputs; otherwise an array with ``axis`` removed.

    Notes
    -----
    Outcomes with ``p == 0`` contribute nothing, even where ``q == 0``. The function
    is not symmetric: ``cross_entropy(p, q) != cross_entropy(q, p)`` in general.

    References
    ----------
    Cover & Thomas (2006), section 2.3 and problem 5.28.

    Examples
    --------
    >>> cross_entropy([0.5, 0.5], [0.5, 0.5])
    1.0
    >>> cross_entropy([1/2, 1/4, 1/8, 1/8], [1/4, 1/4, 1/4, 1/4])
    2.0
    >>> cross_entropy([0.5, 0.5], [1.0, 0.0])      # q rules out what p allows
    inf
    >>> cross_entropy([1.0, 0.0], [0.5, 0.5])      # p = 0 where q = 0.5: no cost
    1.0
    """
    (p, _), (q, q_smallest) = _two_distributions(p, q, axis)
    log = log_function(check_base(base))
    if q_smallest > 0:
        return as_result(0.0 - _sum_p_log(p, q, None, log, axis))
    with np.errstate(divide="ignore"):
        logs = log(np.where(p > 0, q, 1.0))  # -inf only where p > 0 and q == 0
    return as_result(0.0 - _weighted_sum(p, logs, axis))


def kl_divergence(p, q, base=2, axis=-1):
    """Kullback-Leibler divergence ``D(P || Q) = sum(p * log_base(p / q))``.

    The extra information paid, on average, for using ``q`` when outcomes come from
    ``p``: ``D(P || Q) = H(P, Q) - H(P)``. It is ``>= 0``, and ``0`` only when
    ``q == p`` (Gibbs' inequality). It is not symmetric and not a distance.

    Parameters
    ----------
    p : array_like
        The reference distribution (the data, the truth).
    q : array_like
        The approximating distribution (the model); same shape as ``p``.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.
    axis : int, default -1
        The axis that holds the outcomes.

    Returns
    -------
    float or ndarray
        The divergence; ``+inf`` if some outcome has ``p > 0`` but ``q == 0``. A float
        for 1-D inputs; otherwise an array with ``axis`` removed.

    Notes
    -----
    Terms with ``p == 0`` are 0. Divergences of 1e-3 nats and more take a fast path
    (one logarithm per outcome, error below 1e-16 nats). Smaller ones, from nearly
    equal distributions, are recomputed as a sum of non-negative terms
    ``p ln(p/q) - p + q``, evaluated with a series near ``p == q``, which keeps the
    digits that ``log(p / q)`` would round away: small divergences keep their relative
    precision, and ``kl_divergence(p, p) == 0`` exactly.

    References
    ----------
    S. Kullback and R. A. Leibler, "On Information and Sufficiency", Annals of
    Mathematical Statistics 22 (1951); Cover & Thomas (2006), section 2.3.

    Examples
    --------
    Cover & Thomas, Example 2.3.1, with ``r = 1/2`` and ``s = 1/4``:

    >>> p, q = [1/2, 1/2], [3/4, 1/4]
    >>> round(kl_divergence(p, q), 4)
    0.2075
    >>> round(kl_divergence(q, p), 4)
    0.1887
    >>> kl_divergence(p, p)
    0.0
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])
    inf
    """
    (p, p_smallest), (q, q_smallest) = _two_distributions(p, q, axis)
    scale = log_scale(check_base(base))
    divergence = None
    if q_smallest > 0:
        # Fast path: one division, one logarithm, one dot product. Rounding the ratio
        # costs at most ~1e-16 nats in all, negligible unless the divergence is tiny.
        if q_smallest > _NO_OVERFLOW:
            divergence = _sum_p_log(p, p, q, np.log, axis, clamp=p_smallest == 0)
        else:  # p / q may overflow: then the careful path takes over
            with np.errstate(over="ignore"):
                divergence = _sum_p_log(p, p, q, np.log, axis, clamp=p_smallest == 0)
        if p.ndim == 1:
            trusted = _FAST_PATH_FLOOR <= divergence < math.inf
        else:
            trusted = ((divergence >= _FAST_PATH_FLOOR) & (divergence < math.inf)).all()
        if not trusted:
            divergence = None  # tiny, or overflowed
    if divergence is None:
        divergence = _careful_kl(p, q, axis)
    # Rounding can leave a tiny negative sum for nearly equal p and q; the exact
    # value is never negative (Gibbs' inequality).
    if p.ndim == 1:
        return max(float(divergence) * scale, 0.0)
    return np.maximum(divergence * scale, 0.0)


def normalize(weights, axis=-1):
    """Rescale non-negative ``weights`` so that they sum to 1 along ``axis``.

    The explicit way to turn counts or unnormalised weights into a distribution; no
    other function in this package renormalises its input.

    Parameters
    ----------
    weights : array_like
        Non-negative finite numbers with a positive sum along ``axis``.
    axis : int, default -1
        The axis to normalise along.

    Returns
    -------
    ndarray
        ``weights / weights.sum(axis, keepdims=True)`` as float64.

    Examples
    --------
    >>> normalize([3, 1])
    array([0.75, 0.25])
    >>> normalize([[1, 1], [0, 2]])
    array([[0.5, 0.5],
           [0. , 1. ]])
    """
    weights = _as_weights(weights, "weights", axis)
    return weights / weights.sum(axis=axis, keepdims=True)


# ------------------------------------------------------------------------------- checks


def _as_probabilities(values, name):
    """Return ``values`` as a float64 array of numbers in [0, 1], or raise."""
    array = as_float_array(values, name)
    if not (array.min() >= 0 and array.max() <= 1):  # NaN fails both comparisons
        check_finite(array, name)
        check_non_negative(array, name)
        value, where = bad_entry(array, array > 1)
        raise ValueError(
            f"{name} contains {value}{where}, but a probability "
            f"cannot exceed 1; pass values between 0 and 1."
        )
    return array


def _as_weights(values, name, axis):
    """Return ``values`` as non-negative weights with positive sums along ``axis``."""
    array = as_real_array(values, name)
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number; pass one weight per outcome, "
            f"for example [3, 1]."
        )
    axis = check_axis(axis, array.ndim)
    check_non_negative(array, name)
    sums = array.sum(axis=axis)
    if (sums <= 0).any():
        raise ValueError(
            f"{name} has only zero weights"
            f"{'' if sums.ndim == 0 else ' in some slice'}, so there is nothing to "
            f"normalise; give at least one outcome a positive weight."
        )
    return array


def _check_same_shape(p, q):
    """Raise unless ``p`` and ``q`` have exactly the same shape (no broadcasting)."""
    if p.shape != q.shape:
        raise ValueError(
            f"p and q must describe the same outcomes, but p has shape {p.shape} and "
            f"q has shape {q.shape}; pass arrays of the same shape (nothing is "
            f"broadcast)."
        )


# ------------------------------------------------------------------------------ helpers

#: The smallest positive float: log(_TINY) is finite, and 0 * log(_TINY) == 0.
_TINY = np.nextafter(0.0, 1.0)
#: Below this many nats the fast KL path is not trusted; the careful one takes over.
_FAST_PATH_FLOOR = 1e-3


def _two_distributions(p, q, axis):
    """Validate both distributions; return ``(p, min p), (q, min q)``."""
    p_checked = distribution_and_minimum(p, "p", axis)
    q_checked = distribution_and_minimum(q, "q", axis)
    _check_same_shape(p_checked[0], q_checked[0])
    return p_checked, q_checked


#: Above this, p / q cannot overflow for entries of a distribution (at most ~1).
_NO_OVERFLOW = 1e-300
#: Outcomes per block in the 1-D loops: a few temporaries of this size stay in cache.
_BLOCK = 1 << 14


def _weighted_sum(p, values, axis):
    """``sum(p * values)`` along ``axis``, with one fused pass for 1-D input."""
    if p.ndim == 1:
        return np.dot(p, values)
    return np.sum(p * values, axis=axis)


def _sum_p_log(p, x, y, log, axis, clamp=False):
    """``sum(p * log(x / y))`` along ``axis`` (``y=None``: ``sum(p * log(x))``).

    ``clamp`` raises the argument of the logarithm to the smallest positive float, so
    that outcomes with ``p == 0`` (hence ``x == 0``) contribute ``0 * finite = 0``.
    One-dimensional input is processed in cache-sized blocks, reusing one buffer: the
    division, the logarithm and the dot product then read memory once, not three times.
    """
    if p.ndim != 1 or p.size <= _BLOCK:
        arg = x if y is None else x / y
        if clamp:
            arg = np.maximum(arg, _TINY)
        return _weighted_sum(p, log(arg), axis)
    buffer = np.empty(min(p.size, _BLOCK))
    total = 0.0
    for start in range(0, p.size, _BLOCK):
        stop = min(start + _BLOCK, p.size)
        block = buffer[: stop - start]
        if y is None and not clamp:
            log(x[start:stop], out=block)
        else:
            if y is None:
                np.maximum(x[start:stop], _TINY, out=block)
            else:
                np.divide(x[start:stop], y[start:stop], out=block)
                if clamp:
                    np.maximum(block, _TINY, out=block)
            log(block, out=block)
        total += np.dot(p[start:stop], block)
    return total


def _careful_kl(p, q, axis):
    """KL divergence in nats to full relative precision, even for nearly equal p and q.

    Writes ``D = sum(g) + (sum(p) - sum(q))`` with the terms
    ``g = p ln(p/q) - p + q = q f(d)``, ``d = (p - q) / q``,
    ``f(d) = (1 + d) ln(1 + d) - d``. Every ``g`` is ``>= 0``, so their sum has no
    cancellation; near ``d = 0`` the series ``f(d) = d**2/2 - d**3/6 + ...`` keeps
    every digit. ``p == 0`` gives ``g = q``; ``p > 0 == q`` gives ``+inf``.
    """
    with np.errstate(all="ignore"):
        g = p * (np.log(p) - np.log(q)) - p + q  # accurate where p / q is far from 1
        g[p == 0] = q[p == 0]
        ratio = p / q
        near = (ratio >= 0.5) & (ratio <= 2.0)
        d = (p[near] - q[near]) / q[near]  # p - q is exact here (Sterbenz)
        f = (1 + d) * np.log1p(d) - d
        small = np.abs(d) < 0.01
        f[small] = d[small] ** 2 * np.polyval(_F_SERIES, d[small])
        g[near] = q[near] * f
        return np.sum(g, axis=axis) + (np.sum(p, axis=axis) - np.sum(q, axis=axis))


#: Coefficients of f(d) / d**2 = sum over k >= 2 of (-1)**k d**(k-2) / (k (k-1)),
#: highest power first, enough for |d| < 0.01 to double precision.
_F_SERIES = np.array([(-1) ** k / (k * (k - 1)) for k in range(12, 1, -1)])
