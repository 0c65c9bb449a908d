"""Information, entropy, cross-entropy and KL divergence of discrete distributions.

Conventions shared by every function here:

* **Unit.** ``base=2`` (the default) gives bits; ``base=np.e`` gives nats, ``base=10``
  gives hartleys. Any finite base greater than 1 is allowed.
* **Zeros.** ``0 * log 0 = 0``: an outcome with ``p = 0`` contributes nothing, whatever
  ``q`` says about it. An outcome with ``p > 0`` but ``q = 0`` makes cross-entropy and
  KL divergence ``+inf``, never ``nan`` and never a clipped number.
* **Axes.** ``axis`` (default ``-1``) holds the outcomes; every other axis indexes
  distributions, computed independently. ``axis=None`` makes the whole array one
  distribution (all entries are its outcomes, as for a joint table ``p[x, y]``).
* **Return types.** A reduction over a 1-D input (or with ``axis=None``) returns a
  Python ``float``; over an N-D input it returns an ``ndarray`` with ``axis`` removed.
  ``keepdims=True`` keeps the reduced axis (all axes for ``axis=None``) with length 1
  and always returns an ``ndarray``, ready to broadcast against the input.
* **Bad input** (NaN or inf, negative values, empty input, shapes that differ, sums off
  1 by more than :data:`infotheory.SUM_TOLERANCE`, a bad base) raises ``ValueError``
  with a message that says how to fix it. Nothing is renormalised silently: call
  :func:`normalize` explicitly if your numbers are weights or counts.
* **Log space.** :func:`kl_divergence_from_log_probs` and
  :func:`cross_entropy_from_log_probs` take log-probabilities (such as
  :func:`infotheory.log_softmax` of logits) and stay exact where the probabilities
  themselves underflow to 0.

References
----------
C. E. Shannon, "A Mathematical Theory of Communication", Bell System Technical
Journal 27 (1948). T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
2nd ed., Wiley (2006), chapter 2.
"""

from __future__ import annotations

import bisect
import math
import threading

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
    distribution_stats,
)

__all__ = [
    "SUM_TOLERANCE",
    "cross_entropy",
    "cross_entropy_from_log_probs",
    "entropy",
    "information",
    "kl_divergence",
    "kl_divergence_from_log_probs",
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
        Probabilities in ``[0, 1]``, applied elementwise. As in a distribution, a
        probability may exceed 1 by rounding, up to :data:`SUM_TOLERANCE` (its
        information is then a tiny negative number, not a clipped 0).
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


def entropy(p, base=2, axis=-1, keepdims=False):
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
    axis : int or None, default -1
        The axis that holds the outcomes; ``None`` makes the whole array one
        distribution (the joint entropy of a table ``p[x, y]``).
    keepdims : bool, default False
        Keep the reduced axis with length 1 (see the module notes).

    Returns
    -------
    float or ndarray
        The entropy, ``>= 0``. A float for 1-D ``p`` or ``axis=None``; otherwise an
        array with ``axis`` removed.

    Notes
    -----
    Outcomes with ``p == 0`` contribute ``0 * log 0 = 0``, so ``entropy([1, 0]) == 0``.
    The maximum over ``n`` outcomes is ``log_base(n)``, reached by the uniform
    distribution. ``entropy`` takes one distribution: the second positional argument is
    ``base``. For two distributions use :func:`cross_entropy` or :func:`kl_divergence`
    (SciPy's ``scipy.stats.entropy(p, q)`` is ``kl_divergence(p, q, base=np.e)``, after
    it has normalised both silently).

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
    >>> entropy([[0.25, 0.25], [0.25, 0.25]], axis=None)   # joint entropy of a table
    2.0
    """
    _check_not_a_second_distribution(base)
    p, smallest, _ = distribution_stats(p, "p", axis)
    log = log_function(check_base(base))
    shape, p, axis = _outcomes(p, axis)
    # Where p == 0, log(TINY) is finite and 0 * finite = 0: the convention 0 log 0 = 0.
    value = 0.0 - _sum_p_log(p, p, None, log, axis, clamp=smallest == 0)
    return _reduced(value, keepdims, shape, axis)


def cross_entropy(p, q, base=2, axis=-1, keepdims=False):
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
    axis : int or None, default -1
        The axis that holds the outcomes; ``None`` makes each whole array one
        distribution.
    keepdims : bool, default False
        Keep the reduced axis with length 1 (see the module notes).

    Returns
    -------
    float or ndarray
        The cross-entropy; ``+inf`` if some outcome has ``p > 0`` but ``q == 0``. A
        float for 1-D inputs or ``axis=None``; otherwise an array with ``axis`` removed.

    Notes
    -----
    Outcomes with ``p == 0`` contribute nothing, even where ``q == 0``. The function
    is not symmetric: ``cross_entropy(p, q) != cross_entropy(q, p)`` in general. From
    log-probabilities (or logits, through :func:`infotheory.log_softmax`) use
    :func:`cross_entropy_from_log_probs`.

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
    (p, _, _), (q, q_smallest, _) = _two_distributions(p, q, axis)
    log = log_function(check_base(base))
    shape, p, axis = _outcomes(p, axis)
    if shape is not None:  # axis=None: one distribution of all entries
        q = q.reshape(-1)
    if q_smallest > 0:
        return _reduced(0.0 - _sum_p_log(p, q, None, log, axis), keepdims, shape, axis)
    with np.errstate(divide="ignore"):
        logs = log(np.where(p > 0, q, 1.0))  # -inf only where p > 0 and q == 0
    return _reduced(0.0 - _weighted_sum(p, logs, axis), keepdims, shape, axis)


def kl_divergence(p, q, base=2, axis=-1, keepdims=False):
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
    axis : int or None, default -1
        The axis that holds the outcomes; ``None`` makes each whole array one
        distribution.
    keepdims : bool, default False
        Keep the reduced axis with length 1 (see the module notes).

    Returns
    -------
    float or ndarray
        The divergence, ``>= 0``; ``+inf`` if some outcome has ``p > 0`` but
        ``q == 0``. A float for 1-D inputs or ``axis=None``; otherwise an array with
        ``axis`` removed.

    Notes
    -----
    **What is computed.** Floating-point arrays rarely sum to exactly 1 (``0.4 + 0.3 +
    0.2 + 0.1`` does not), so the function computes the divergence in the form that
    treats ``p`` and ``q`` as the distributions they stand for:
    ``D = sum(p * ln(p / q) - p + q)`` (in nats, then divided by ``ln(base)``), the sum
    of ``scipy.special.kl_div(p, q)``. Every term is ``>= 0``, so ``D >= 0`` and
    ``D == 0`` exactly when ``p == q``. When both arrays sum to exactly 1 it is the
    textbook ``sum(p * ln(p / q))``; otherwise the two differ by ``sum(q) - sum(p)``,
    at most ``2 * SUM_TOLERANCE``.

    **How, and how accurately.** With ``d = (p - q) / q`` each term is
    ``q * ((1 + d) ln(1 + d) - d)``. Nearly equal distributions (every ``|d|`` at most
    0.063) are summed from its power series in ``d``, as many terms as the largest
    ``|d|`` needs: no logarithm, no cancellation, every term exact to about ``2**-54``
    relative, so tiny divergences keep their digits where a plain
    ``sum(scipy.special.rel_entr(p, q))`` loses them, and ``kl_divergence(p, p)`` is
    exactly 0. Other distributions take one logarithm per outcome,
    ``sum(p * ln(p / q))``, plus ``sum(q) - sum(p)`` from the float sums when these
    differ by more than their rounding error (``2**-50``): trusted for divergences of
    ``1e-3`` nats and more, it is within about ``1e-15`` nats of ``D``. Below that, or
    where it overflows, the divergence is recomputed term by term (the series for
    ``|d| <= 0.063``, ``log1p`` or ``log`` beyond, each term within about ``1e-14``
    relative). Everything is vectorised, in blocks that stay in the processor's cache;
    the accuracy is measured against a 50-digit mpmath evaluation of ``D`` (see
    ``bench/results.md``).

    A term with ``p == 0`` contributes ``q`` (``0 log 0 = 0``); ``p > 0 == q`` gives
    ``+inf``. Where probabilities underflow (``softmax([0, -800])`` has an exact 0),
    pass log-probabilities to :func:`kl_divergence_from_log_probs` instead.

    References
    ----------
    S. Kullback and R. A. Leibler, "On Information and Sufficiency", Annals of
    Mathematical Statistics 22 (1951); Cover & Thomas (2006), section 2.3;
    I. Csiszar, "I-divergence geometry of probability distributions", Annals of
    Probability 3 (1975) (the generalized form).

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
    >>> kl_divergence([[0.5, 0.5], [1.0, 0.0]], [[0.5, 0.5], [0.5, 0.5]], keepdims=True)
    array([[0.],
           [1.]])
    """
    small = _kl_small(p, q, base, axis, keepdims)
    if small is not None:
        return small
    p, p_min, p_sums = distribution_stats(p, "p", axis)
    # Beyond a vector of _CHUNK entries, q's smallest entry (its sign check) waits
    # until it is needed: near distributions are computed without it, because
    # |p - q| <= 0.07 q with p >= 0 implies q > 0.
    vector = p.ndim == 1 or axis is None
    short = vector and p.size <= _CHUNK
    q, q_min, q_sums = distribution_stats(q, "q", axis, minimum=short)
    _check_same_shape(p, q)
    scale = log_scale(check_base(base))
    given_q = q
    shape, p, axis = _outcomes(p, axis)
    if shape is not None:  # axis=None: one distribution of all entries
        q = q.reshape(-1)
    if short:
        nats = _kl_vector(p, q, p_min, q_min, p_sums, q_sums)
        if not keepdims:
            return max(nats * scale, 0.0)
        return _reduced(np.maximum(nats * scale, 0.0), keepdims, shape, axis)
    lead = p.shape[:axis] + p.shape[axis + 1 :]
    rows = _as_rows(p, axis), _as_rows(q, axis)
    sums = np.asarray(p_sums).reshape(-1), np.asarray(q_sums).reshape(-1)

    def q_has_zeros(which=None):
        """Check q's signs (all rows, or the rows ``which``); whether it has a 0."""
        checked = rows[1] if which is None else rows[1][which]
        smallest = float(np.minimum.reduce(checked, axis=None))
        if smallest < 0:
            check_non_negative(given_q, "q")
        return smallest == 0

    nats = _kl_rows(*rows, *sums, p_min == 0, q_has_zeros).reshape(lead)
    if p.ndim == 1 and not keepdims:
        return max(float(nats) * scale, 0.0)
    return _reduced(np.maximum(nats * scale, 0.0), keepdims, shape, axis)


def kl_divergence_from_log_probs(log_p, log_q, base=2, axis=-1, keepdims=False):
    """KL divergence ``D(P || Q)`` from log-probabilities ``log_p`` and ``log_q``.

    The same divergence as :func:`kl_divergence`, for distributions given by their
    natural logarithms, as models and losses produce them: pass
    ``infotheory.log_softmax(logits)`` for logits. Exact where the probabilities
    underflow: ``softmax([0, -800])`` rounds its second entry to 0, which makes
    ``kl_divergence`` infinite, while its log-probabilities keep it.

    Parameters
    ----------
    log_p : array_like
        ``ln p``, the reference distribution (the data); ``-inf`` for probability 0.
    log_q : array_like
        ``ln q``, the approximating distribution (the model); same shape as ``log_p``.
    base : float, default 2
        Unit of the result: 2 gives bits, ``np.e`` nats. The inputs are always
        natural logarithms.
    axis : int or None, default -1
        The axis that holds the outcomes; ``None`` makes each whole array one
        distribution.
    keepdims : bool, default False
        Keep the reduced axis with length 1.

    Returns
    -------
    float or ndarray
        ``D(P || Q) >= 0``, as :func:`kl_divergence` returns it.

    Raises
    ------
    ValueError
        For NaN or ``+inf`` entries, log-probabilities whose exponentials do not sum
        to 1 within :data:`SUM_TOLERANCE` (nothing is renormalised: use
        :func:`infotheory.log_softmax`), shapes that differ, a bad ``base`` or ``axis``.

    Notes
    -----
    With ``delta = log_p - log_q`` and ``p = exp(log_p)``, each outcome contributes
    ``p * (delta - 1 + exp(-delta))``, which is ``p ln(p/q) - p + q`` (the form
    :func:`kl_divergence` computes), evaluated by its series where ``delta`` is small
    and as ``q - p + p * delta`` where ``exp(-delta)`` would overflow.

    **Compared with PyTorch.** ``torch.nn.functional.kl_div(input, target,
    reduction="batchmean", log_target=True)`` computes the same divergence with the
    arguments the other way round (``input`` is the model's ``log q``, ``target`` the
    data's ``log p``), in nats, averaged over the rows of a batch: it equals
    ``kl_divergence_from_log_probs(target, input, base=np.e).mean()``. PyTorch's
    default ``reduction="mean"`` divides by the number of entries, not of rows, and
    is not a KL divergence; without ``log_target=True`` its ``target`` is a
    probability.

    Examples
    --------
    >>> from infotheory import log_softmax
    >>> kl_divergence_from_log_probs(np.log([0.5, 0.5]), np.log([0.75, 0.25])) > 0.2
    True
    >>> log_p, log_q = log_softmax([0.0, -700.0]), log_softmax([0.0, -800.0])
    >>> f"{kl_divergence_from_log_probs(log_p, log_q, base=np.e):.3e}"   # 99 e^-700
    '9.761e-303'
    >>> kl_divergence_from_log_probs([0.0, -np.inf], [-np.inf, 0.0])
    inf
    """
    (log_p, p), (log_q, q) = _two_log_distributions(log_p, log_q, axis)
    scale = log_scale(check_base(base))
    shape, log_p, axis = _outcomes(log_p, axis)
    if shape is not None:
        log_q, p, q = log_q.reshape(-1), p.reshape(-1), q.reshape(-1)
    with np.errstate(all="ignore"):
        delta = log_p - log_q  # NaN where both are -inf: p = 0 there
        near = np.abs(delta) <= _LOG_SERIES_REACH
        x = np.where(near, delta, 0.0)
        series = np.zeros_like(x)
        for coefficient in _LOG_SERIES:
            series = series * x + coefficient
        phi = np.where(near, x * x * series, delta + np.expm1(-delta))
        terms = np.where(delta > -700.0, p * phi, q - p + p * delta)
        terms[p == 0] = q[p == 0]  # 0 ln 0 - 0 + q
    value = np.sum(terms, axis=axis) * scale
    return _reduced(value + 0.0, keepdims, shape, axis)


def cross_entropy_from_log_probs(log_p, log_q, base=2, axis=-1, keepdims=False):
    """Cross-entropy ``H(P, Q) = -sum(p * ln q)`` from log-probabilities.

    The same cross-entropy as :func:`cross_entropy`, for distributions given by their
    natural logarithms: ``p = exp(log_p)`` weighs the model's ``log_q`` directly, so
    nothing underflows. For a model's logits, pass ``infotheory.log_softmax(logits)``
    (or use :func:`infotheory.cross_entropy_loss`, which takes logits and labels).

    Parameters
    ----------
    log_p : array_like
        ``ln p``, the reference distribution (the data); ``-inf`` for probability 0.
    log_q : array_like
        ``ln q``, the model; same shape as ``log_p``.
    base : float, default 2
        Unit of the result: 2 gives bits, ``np.e`` nats.
    axis : int or None, default -1
        The axis that holds the outcomes; ``None``: each whole array.
    keepdims : bool, default False
        Keep the reduced axis with length 1.

    Returns
    -------
    float or ndarray
        The cross-entropy; ``+inf`` if ``log_q`` is ``-inf`` where ``p > 0``.

    Notes
    -----
    PyTorch's ``torch.nn.functional.cross_entropy(input, target)`` with probability
    targets computes ``-sum(target * log_softmax(input))`` averaged over the rows
    (``reduction="mean"``), in nats: for log-probabilities ``log_q`` and a
    distribution ``p`` that is ``cross_entropy_from_log_probs(np.log(p), log_q,
    base=np.e).mean()``.

    Examples
    --------
    >>> cross_entropy_from_log_probs(np.log([0.5, 0.5]), np.log([0.5, 0.5]))
    1.0
    >>> cross_entropy_from_log_probs([0.0, -np.inf], [-1000.0, 0.0], base=np.e)
    1000.0
    """
    (log_p, p), (log_q, _) = _two_log_distributions(log_p, log_q, axis)
    scale = log_scale(check_base(base))
    shape, log_p, axis = _outcomes(log_p, axis)
    if shape is not None:
        log_q, p = log_q.reshape(-1), p.reshape(-1)
    with np.errstate(invalid="ignore"):
        terms = p * log_q
    terms[p == 0] = 0.0  # 0 * (-inf): an impossible outcome costs nothing
    value = 0.0 - np.sum(terms, axis=axis) * scale
    return _reduced(value, keepdims, shape, axis)


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
        ``weights / weights.sum(axis, keepdims=True)`` as float64. Where that sum
        overflows (weights near the float64 maximum) the weights are first divided by
        their largest entry, so the result is still a distribution.

    Examples
    --------
    >>> normalize([3, 1])
    array([0.75, 0.25])
    >>> normalize([[1, 1], [0, 2]])
    array([[0.5, 0.5],
           [0. , 1. ]])
    >>> normalize([1e308, 1e308])
    array([0.5, 0.5])
    """
    weights, axis = _as_weights(weights, "weights", axis)
    with np.errstate(over="ignore"):
        sums = weights.sum(axis=axis, keepdims=True)
    if np.isinf(sums).any():  # the sum overflows: scale by the largest weight first
        weights = weights / weights.max(axis=axis, keepdims=True)
        sums = weights.sum(axis=axis, keepdims=True)
    return weights / sums


# ------------------------------------------------------------------------------- checks


def _as_probabilities(values, name):
    """Return ``values`` as a float64 array of probabilities, or raise.

    Entries lie in ``[0, 1]``, and may exceed 1 by rounding up to
    :data:`SUM_TOLERANCE`, as the entries of a distribution may.
    """
    array = as_float_array(values, name)
    if not (array.min() >= 0 and array.max() <= 1 + SUM_TOLERANCE):  # NaN fails both
        check_finite(array, name)
        check_non_negative(array, name)
        value, where = bad_entry(array, array > 1 + SUM_TOLERANCE)
        raise ValueError(
            f"{name} contains {value}{where}, but a probability "
            f"cannot exceed 1; pass values between 0 and 1."
        )
    return array


def _as_weights(values, name, axis):
    """Non-negative weights with positive sums along ``axis``, and that axis."""
    array = as_real_array(values, name, what="weight", example="[3, 1]")
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number; pass one weight per outcome, "
            f"for example [3, 1]."
        )
    axis = check_axis(axis, array.ndim)
    check_non_negative(array, name, what="weights")
    if (array.max(axis=axis) <= 0).any():
        raise ValueError(
            f"{name} has only zero weights"
            f"{'' if array.ndim == 1 else ' in some slice'}, so there is nothing to "
            f"normalise; give at least one outcome a positive weight."
        )
    return array, axis


def _check_same_shape(p, q, names=("p", "q")):
    """Raise unless ``p`` and ``q`` have exactly the same shape (no broadcasting)."""
    if p.shape != q.shape:
        a, b = names
        raise ValueError(
            f"{a} and {b} must describe the same outcomes, but {a} has shape "
            f"{p.shape} and {b} has shape {q.shape}; pass arrays of the same shape "
            f"(nothing is broadcast)."
        )


def _check_not_a_second_distribution(base):
    """Raise if ``base`` is an array: ``entropy(p, q)``, SciPy's habit, was meant."""
    if isinstance(base, (str, bytes)):
        return
    try:
        ndim = np.ndim(base)
    except Exception:  # whatever it is, check_base names it
        return
    if ndim > 0:
        raise ValueError(
            "entropy takes one distribution, but its second argument, base, got an "
            "array; for two distributions use cross_entropy(p, q) or "
            "kl_divergence(p, q) (scipy.stats.entropy(p, q) is "
            "kl_divergence(p, q, base=np.e), after normalising both silently)."
        )


def _two_distributions(p, q, axis, q_min=True):
    """Validate both distributions: ``(p, min p, sums), (q, min q, sums)``.

    With ``q_min=False``, q's minimum is None and its signs are left to the caller.
    """
    p_checked = distribution_stats(p, "p", axis)
    q_checked = distribution_stats(q, "q", axis, minimum=q_min)
    _check_same_shape(p_checked[0], q_checked[0])
    return p_checked, q_checked


def _as_log_distribution(values, name, axis):
    """Log-probabilities along ``axis`` and their exponentials, or raise."""
    array = as_float_array(
        values, name, what="log-probability", example="np.log([0.5, 0.5])"
    )
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number ({float(array)!r}), but a distribution needs "
            f"one log-probability per outcome; pass a sequence such as "
            f"np.log([0.5, 0.5])."
        )
    checked, axis = (
        (array.reshape(-1), 0)
        if axis is None
        else (array, check_axis(axis, array.ndim))
    )
    bad = np.isnan(array) | np.isposinf(array)
    if bad.any():
        value, where = bad_entry(array, bad)
        raise ValueError(
            f"{name} contains {value}{where}, but a log-probability is a number up to "
            f"0, or -inf for probability 0; find where the {value} comes from."
        )
    with np.errstate(over="ignore"):
        probabilities = np.exp(array)
        sums = np.add.reduce(probabilities.reshape(checked.shape), axis=axis)
    off = np.abs(np.asarray(sums) - 1.0) > SUM_TOLERANCE
    if off.any():
        total, where = bad_entry(np.asarray(sums), off)
        where = where and f" along axis {axis}{where}"
        raise ValueError(
            f"{name} must hold log-probabilities, whose exponentials sum to 1, but "
            f"its exponentials{where} sum to {total} (tolerance "
            f"{SUM_TOLERANCE:g}); for logits pass infotheory.log_softmax({name})."
        )
    return array, probabilities


def _two_log_distributions(log_p, log_q, axis):
    """Validate both log-distributions: ``(log_p, p), (log_q, q)``."""
    p_checked = _as_log_distribution(log_p, "log_p", axis)
    q_checked = _as_log_distribution(log_q, "log_q", axis)
    _check_same_shape(p_checked[0], q_checked[0], ("log_p", "log_q"))
    return p_checked, q_checked


# ------------------------------------------------------------------------------- axes


def _outcomes(array, axis):
    """``(shape, array, axis)`` ready for a reduction along ``axis``.

    ``shape`` is the input's shape for ``axis=None`` (the array is then flattened and
    reduced along axis 0), and None otherwise (``axis`` is made non-negative).
    """
    if axis is None:
        return array.shape, array.reshape(-1), 0
    return None, array, check_axis(axis, array.ndim)


def _reduced(value, keepdims, shape, axis):
    """The result of a reduction, with the reduced axis kept if asked.

    ``shape`` is the input's shape when ``axis`` was None (every axis reduced).
    """
    if not keepdims:
        return as_result(value)
    if shape is not None:
        return np.reshape(value, (1,) * len(shape))
    return np.expand_dims(value, axis)


def _as_rows(array, axis):
    """``array`` as a C-contiguous 2-D array, one distribution per row."""
    if axis != array.ndim - 1:
        array = np.moveaxis(array, axis, -1)
    return np.ascontiguousarray(array.reshape(-1, array.shape[-1]))


# ------------------------------------------------------------------------------ helpers

#: The smallest positive float: log(_TINY) is finite, and 0 * log(_TINY) == 0.
_TINY = np.nextafter(0.0, 1.0)
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


# -------------------------------------------------------------------- the KL divergence
#
# kl_divergence computes D = sum(g) with g = p ln(p/q) - p + q >= 0 along the rows of
# two (rows, n) arrays, one tile of about _TILE entries at a time (whole short rows, or
# a span of one long row). A tile is first tried as "near": d = (p - q) / q is computed
# (p - q exactly, by Sterbenz's lemma) and, if every |d| is small (max(d**2), one
# reduction), g = t d F(d) with t = p - q and F the power series of
# ((1 + d) ln(1 + d) - d) / d**2, summed as moments sum(t d**(k+1)): a few multiplies
# and matrix products, no logarithm. Otherwise the tile is "literal": sum(p ln(p/q)),
# one division, one logarithm and one dot product, plus sum(q) - sum(p); the guess for
# the next tile follows the last one. A literal row below _LITERAL_FLOOR nats, or
# infinite, is recomputed exactly (near where it can, else term by term). Every pass
# over a tile is one numpy call; only the sums of products are cut into chunks of
# _CHUNK.

#: Rows of at least this many nats are trusted to the one-logarithm evaluation.
_LITERAL_FLOOR = 1e-3
#: Float sums closer than this are treated as equal: their own rounding error.
_SUM_RESOLUTION = 2.0**-50
#: Entries per tile: its temporaries stay in cache, and the per-call cost is spread.
_TILE = 1 << 17
#: The longest row of one dot product: OpenBLAS threads dot products of more than
#: 10,000 entries, which stalls on a busy machine; longer rows are cut into chunks.
_CHUNK = 1 << 13
#: Rows of at least this many outcomes take their moment sums as matrix products.
_PRODUCT_FROM = 512
#: Entries sampled by _looks_near, for inputs larger than _PROBE_FROM.
_PROBE, _PROBE_FROM = 64, _CHUNK
#: Each thread's scratch buffers (see _buffers).
_SCRATCH = threading.local()
#: Coefficients of F(d) = ((1 + d) ln(1 + d) - d) / d**2 = sum (-d)**j / ((j+1)(j+2)).
_SERIES = tuple((-1) ** j / ((j + 1) * (j + 2)) for j in range(12))
_SERIES_BACKWARDS = _SERIES[::-1]
#: _SERIES_WEIGHTS[terms]: the first ``terms`` coefficients, then zeros.
_SERIES_WEIGHTS = tuple(
    np.array(_SERIES[:terms] + (0.0,) * (len(_SERIES) - terms))
    for terms in range(len(_SERIES) + 1)
)
#: _SERIES_REACH[k]: the largest |d| for which k + 1 terms of F are exact to 2**-54
#: (relative): the truncation error is about 2 |d|**K / ((K + 1)(K + 2)). With all 12
#: terms the reach is 0.063, where the literal sum takes over (D is then >= 2e-3).
_SERIES_REACH = tuple(
    (2.0**-54 * (k + 2) * (k + 3) / 2) ** (1 / (k + 1)) for k in range(len(_SERIES))
)
#: Their squares: the near check reads max(d**2), one reduction instead of min and max.
_SERIES_REACH_SQUARED = tuple(reach * reach for reach in _SERIES_REACH)
#: Up to this many outcomes a 1-D divergence is computed from Python lists.
_SMALL = 32
#: 1 / ln 2: nats to bits.
_LOG2_E = 1 / math.log(2)
_FLOAT64 = np.dtype(np.float64)
#: Below this normal floats end: a ratio there has lost relative precision.
_NORMAL = float(np.finfo(np.float64).tiny)


def _kl_vector(p, q, p_min, q_min, p_sum, q_sum):
    """The divergence in nats of two 1-D float64 arrays of at most _CHUNK entries.

    The one-logarithm sum first (the common case, and the same bits as before), then
    the near series, then term by term.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = p / q
        if p_min == 0 or q_min == 0:
            np.fmax(ratio, _TINY, out=ratio)
        value = _literal_result(
            float(np.dot(p, np.log(ratio, out=ratio))), p_sum, q_sum
        )
        if value is not None:
            return value
        value = _near_tile(p, q, q_min == 0, _buffers(p.size))
        if value is None:
            value = _exact_tile(p[None], q[None])
    return float(value[0])


def _kl_rows(p, q, p_sums, q_sums, p_zeros, q_has_zeros):
    """The divergence in nats of each row of the 2-D float64 arrays ``p`` and ``q``.

    ``p_sums`` and ``q_sums`` are the rows' float sums, ``p_zeros`` whether ``p`` holds
    a 0. ``q_has_zeros(which=None)`` checks q's signs (raising for a negative entry) in
    all rows or in the rows ``which``, and says whether they hold a 0. It is called only
    when needed: a near tile implies ``q > 0``, and where ``p > 0`` everywhere a
    negative or zero ``q`` shows as a NaN or infinite literal sum, which is recomputed:
    then only the recomputed rows need the check.
    """
    rows, n = p.shape
    out = np.empty(rows)
    redo = []
    q_zeros = q_has_zeros() if p_zeros else None  # else not known yet
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        near = _looks_near(p, q)
        if n > _CHUNK:  # long rows: tiles of chunks of each row
            buffers = _buffers(_TILE)
            for i in range(rows):
                value = _near_row(p[i], q[i], bool(q_zeros), buffers) if near else None
                if value is None:
                    clamp = _clamp(p_zeros, q_zeros)
                    value = _literal_row(p[i], q[i], clamp, buffers)
                    value = _literal_result(value, p_sums[i], q_sums[i])
                    near = value is None
                    if near:
                        redo.append(i)
                out[i] = np.nan if value is None else value
        else:  # short rows: tiles of whole rows
            large = p.size > _TILE
            height = max(1, _TILE // n)
            buffers = _buffers(min(rows, height) * n)
            for start in range(0, rows, height):
                a, b = p[start : start + height], q[start : start + height]
                stop = start + len(a)
                if near:
                    value = _near_tile(a, b, bool(q_zeros), buffers)
                    if value is not None:
                        out[start:stop] = value
                        continue
                    near = False
                clamp = _clamp(p_zeros, q_zeros)
                value = _literal_tile(a, b, clamp, buffers[0], large)
                value += _corrections(p_sums[start:stop], q_sums[start:stop])
                out[start:stop] = value
                suspect = ~(value >= _LITERAL_FLOOR) | np.isinf(value)
                if suspect.any():
                    redo.extend(start + np.flatnonzero(suspect))
                    near = 2 * int(suspect.sum()) > len(suspect)
        if redo:
            if q_zeros is None:  # p > 0: the other rows have q > 0 (see above)
                q_zeros = q_has_zeros(redo)
            out[redo] = _kl_exact_rows(p[redo], q[redo], q_zeros)
    return out


def _clamp(p_zeros, q_zeros):
    """How the literal sum keeps ``0 * log 0`` at 0 (see :func:`_literal_tile`)."""
    if q_zeros:
        return "fmax"
    return "add" if p_zeros else None


def _looks_near(p, q):
    """Whether a sample of the entries of ``p`` and ``q`` is near (a guess only).

    Decides which evaluation the first tile tries; a wrong guess costs time, not
    accuracy. Small inputs are not sampled: there the attempt itself is cheap.
    """
    if p.size <= _PROBE_FROM:
        return True
    step = p.size // _PROBE
    a, b = p.reshape(-1)[::step], q.reshape(-1)[::step]
    return bool(np.abs((a - b) / b).max() <= _SERIES_REACH[-1])  # NaN: False


def _buffers(size):
    """Two scratch stacks of ``2 * size`` entries, kept for this thread's next calls.

    :func:`_near_tile` lays out ``(t, t v)`` in the first and ``(d, v)`` in the
    second. Fresh memory of this size costs a page fault per 4 KiB on first use, more
    than the arithmetic itself, so the largest stacks so far are reused (at most
    4 MiB).
    """
    cached = getattr(_SCRATCH, "buffers", None)
    if cached is None or cached[0].size < 2 * size:
        cached = _SCRATCH.buffers = tuple(np.empty(2 * size) for _ in range(2))
    return cached


def _literal_result(value, p_sum, q_sum):
    """A literal row's divergence with the sums' correction, or None if not trusted."""
    if not _LITERAL_FLOOR <= value < math.inf:
        return None
    difference = float(q_sum) - float(p_sum)
    return value + difference if abs(difference) > _SUM_RESOLUTION else value


def _corrections(p_sums, q_sums):
    """``sum(q) - sum(p)``, or 0 where the float sums agree to their rounding error."""
    difference = np.subtract(q_sums, p_sums)
    return np.where(np.abs(difference) > _SUM_RESOLUTION, difference, 0.0)


def _chunks(a):
    """A long 1-D row as tiles: groups of rows of _CHUNK entries, then the rest."""
    whole = a.size // _CHUNK * _CHUNK
    body = a[:whole].reshape(-1, _CHUNK)
    step = _TILE // _CHUNK
    tiles = [body[i : i + step] for i in range(0, len(body), step)]
    if whole < a.size:
        tiles.append(a[None, whole:])
    return tiles


def _span_dots(x, y):
    """Dot products of the 1-D spans ``x`` and ``y``: per _CHUNK entries, then the rest.

    Elementwise passes over a span take one call each, whatever its length; only the
    dot products are cut into chunks (see _CHUNK), exactly where :func:`_chunks` cuts a
    row, so the values are those of the chunked rows.
    """
    rows, rest = divmod(x.size, _CHUNK)
    out = np.empty(rows + (rest > 0))
    whole = rows * _CHUNK
    if rows:
        shape = (rows, _CHUNK)
        np.vecdot(x[:whole].reshape(shape), y[:whole].reshape(shape), out=out[:rows])
    if rest:
        out[rows] = np.dot(x[whole:], y[whole:])
    return out


def _spans(a, b):
    """Pairs of spans of at most _TILE entries of the 1-D rows ``a`` and ``b``."""
    for start in range(0, a.size, _TILE):
        yield a[start : start + _TILE], b[start : start + _TILE]


def _span_total(total, values, size):
    """``total`` plus the :func:`_span_dots` ``values`` of a span of ``size`` entries.

    The whole chunks are summed first, then the rest is added, as the chunked tiles of
    earlier versions were: the same bits.
    """
    rows = size // _CHUNK
    if rows:
        total += float(values[:rows].sum())
    if size % _CHUNK:
        total += float(values[rows])
    return total


def _near_row(a, b, q_zeros, buffers):
    """The exact divergence of one long row, span by span, or None if it is not near."""
    total = 0.0
    for x, y in _spans(a, b):
        values = _near_tile(x, y, q_zeros, buffers)
        if values is None:
            return None
        total = _span_total(total, values, x.size)
    return total


def _literal_row(a, b, clamp, buffers):
    """``sum(p * ln(p / q))`` over one long row, span by span."""
    total = 0.0
    for x, y in _spans(a, b):
        logs = _log_ratio(x, y, clamp, buffers[0][: x.size])
        total = _span_total(total, _span_dots(x, logs), x.size)
    return total


def _log_ratio(a, b, clamp, out):
    """``ln(p / q)`` into ``out``, with ``p == 0`` kept at a finite logarithm.

    ``clamp`` keeps ``p == 0`` at ``0 * finite``: ``"add"`` adds the smallest positive
    float to the ratio (enough where only p has zeros; it changes no ratio above
    ``2**-1021``), ``"fmax"`` raises it to that float, also where the ratio is NaN
    (``0 / 0``); ``p > 0 == q`` gives ``+inf``.
    """
    ratio = np.divide(a, b, out=out)
    if clamp == "fmax":
        np.fmax(ratio, _TINY, out=ratio)
    elif clamp:
        np.add(ratio, _TINY, out=ratio)
    return np.log(ratio, out=ratio)


def _literal_tile(a, b, clamp, buffer, dots=False):
    """``sum(p * ln(p / q))`` per row of the tile ``(a, b)``: the one-logarithm sum.

    ``clamp`` as for :func:`_log_ratio`. Rows are summed by dot products with ``dots``,
    and otherwise as ``np.sum`` sums them (the bits of earlier versions, for small
    batches).
    """
    ratio = _log_ratio(a, b, clamp, buffer[: a.size].reshape(a.shape))
    if len(a) == 1:
        return np.array([np.dot(a[0], ratio[0])])
    if dots:
        return np.vecdot(a, ratio)
    return np.add.reduce(np.multiply(a, ratio, out=ratio), axis=1)


def _near_tile(a, b, q_zeros, buffers):
    """The exact divergence of the tile ``(a, b)`` if p and q are near, or None.

    Near means ``|d| <= _SERIES_REACH[-1]`` for every entry, with ``d = (p - q) / q``;
    then ``g = t d F(d)`` with ``t = p - q``, summed as the moments
    ``m_k = sum(t d**(k+1))`` with as many terms of F as the largest ``|d|`` needs.
    With ``v = d**2``, one or two terms are ``dot(t, d)`` and ``dot(t, v)``; more come
    four at a time, from the products of the stacks ``(t v**2j, t v**(2j+1))`` and
    ``(d, v)`` (:func:`_moment_sums`). ``v`` also gives the reach (``max(d**2)``, NaN
    if some ``q`` is 0 or not finite). A 2-D tile gives one value per row, a 1-D span
    one per chunk of _CHUNK entries (see :func:`_span_dots`).
    """
    x, y = (stack[: 2 * a.size].reshape((2, *a.shape)) for stack in buffers)
    t, d, v = x[0], y[0], y[1]
    np.subtract(a, b, out=t)
    if q_zeros:  # 0 / 0 where both are 0: divide by the smallest float instead (t = 0)
        b = np.maximum(b, _TINY, out=v)
    np.divide(t, b, out=d)
    np.multiply(d, d, out=v)
    reach = float(np.maximum.reduce(v, axis=None))  # max d**2
    if not reach <= _SERIES_REACH_SQUARED[-1]:  # NaN fails too
        return None
    terms = bisect.bisect_left(_SERIES_REACH_SQUARED, reach) + 1
    dots = np.vecdot if a.ndim == 2 else _span_dots
    if terms <= 2:
        value = _SERIES[0] * dots(t, d)  # sum t d
        if terms == 2:
            value += _SERIES[1] * dots(t, v)  # sum t d**2
        return value
    value = 0.0
    weights = _SERIES_WEIGHTS[terms]
    for k in range(0, terms, 4):
        if k:
            np.multiply(x[1], v, out=x[0])  # t v**(k/2)
        np.multiply(x[0], v, out=x[1])
        # sum t d**(k+1), ... sum t d**(k+4), weighted by their terms of F (or 0)
        value = value + _moment_sums(x, y).reshape(-1, 4) @ weights[k : k + 4]
    return value


def _moment_sums(x, y):
    """``sum(x[i] * y[j])`` for i, j in 0, 1: per row of a tile, or per chunk.

    ``x`` and ``y`` are stacks of two tiles ``(2, rows, n)`` or two 1-D spans
    ``(2, size)``; the result has shape ``(rows, 2, 2)``, or one row per chunk of
    _CHUNK entries of a span (then one for the rest). Long rows take one matrix
    product each (BLAS reads each array once for four sums); short rows, where a
    product per row costs more than it saves, take dot products.
    """
    if x.ndim == 3:
        if x.shape[2] < _PRODUCT_FROM:
            return np.moveaxis(np.vecdot(x[:, None], y[None]), 2, 0)
        return np.matmul(x.transpose(1, 0, 2), y.transpose(1, 2, 0))
    rows, rest = divmod(x.shape[1], _CHUNK)
    whole = rows * _CHUNK
    parts = []
    if rows:
        shape = (2, rows, _CHUNK)
        parts.append(
            _moment_sums(x[:, :whole].reshape(shape), y[:, :whole].reshape(shape))
        )
    if rest:
        parts.append(_moment_sums(x[:, None, whole:], y[:, None, whole:]))
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def _kl_exact_rows(p, q, q_zeros):
    """The divergence of each row, exact term by term: near tiles fast, others slow."""
    rows, n = p.shape
    out = np.zeros(rows)
    if n > _CHUNK:
        buffers = _buffers(_TILE)
        for i in range(rows):
            for a, b in zip(_chunks(p[i]), _chunks(q[i])):
                value = _near_tile(a, b, q_zeros, buffers)
                out[i] += float(
                    np.sum(value if value is not None else _exact_tile(a, b))
                )
        return out
    height = max(1, _TILE // n)
    buffers = _buffers(min(rows, height) * n)
    for start in range(0, rows, height):
        a, b = p[start : start + height], q[start : start + height]
        value = _near_tile(a, b, q_zeros, buffers)
        out[start : start + len(a)] = value if value is not None else _exact_tile(a, b)
    return out


def _exact_tile(a, b):
    """Per row, ``sum(p ln(p/q) - p + q)`` with every term to its relative precision.

    The series of F for ``|d| <= _SERIES_REACH[-1]``; beyond it ``p * L - t`` with ``L``
    from ``log1p(d)`` for ratios in [0.5, 2], ``log(p / q)`` for other normal ratios,
    and ``log(p) - log(q)`` where the ratio overflows or is subnormal.
    """
    t = a - b
    d = t / b
    near = np.abs(d) <= _SERIES_REACH[-1]
    x = np.where(near, d, 0.0)
    series = np.zeros_like(x)
    for coefficient in reversed(_SERIES):
        series = series * x + coefficient
    ratio = a / b
    plain = (ratio >= _NORMAL) & (ratio < math.inf)
    logs = np.where(plain, np.log(ratio), np.log(a) - np.log(b))
    logs = np.where((d >= -0.5) & (d <= 1.0), np.log1p(d), logs)
    terms = np.where(near, t * x * series, a * logs - t)
    terms = np.where(a == 0, b, terms)  # 0 ln 0 - 0 + q
    terms = np.where((a > 0) & (b == 0), math.inf, terms)
    return np.add.reduce(terms, axis=1)


def _kl_small(p, q, base, axis, keepdims):
    """The divergence of two short 1-D float64 arrays, from Python lists, or None.

    numpy's per-call cost would dominate here, so the checks run on lists; None
    (anything unusual, including every invalid input) hands over to the general path,
    which also words the errors. The same evaluations as for longer arrays: the
    one-logarithm sum when it is trusted, otherwise the exact terms (in Python).
    """
    if not (
        type(p) is type(q) is np.ndarray
        and p.dtype is q.dtype is _FLOAT64
        and p.ndim == 1 == q.ndim
        and p.size == q.size <= _SMALL
    ):
        return None
    if base == 2 and type(base) is int:
        scale = _LOG2_E
    elif type(base) in (int, float) and 1 < base < math.inf:
        scale = 1.0 if base == math.e else 1.0 / math.log(base)
    else:
        return None
    if type(axis) is not int or (axis != -1 and axis != 0) or keepdims is not False:
        return None
    p_list, q_list = p.tolist(), q.tolist()
    p_sum, q_sum = sum(p_list), sum(q_list)
    if not (
        abs(p_sum - 1.0) <= SUM_TOLERANCE and abs(q_sum - 1.0) <= SUM_TOLERANCE
    ):  # NaN and infinities fail too; so does an empty array
        return None
    p_min, q_min = min(p_list), min(q_list)
    if not (p_min >= 0.0 and q_min >= 0.0):
        return None
    if p_list == q_list:
        return 0.0
    if q_min > 1e-300:  # p / q cannot overflow
        # numpy's logarithm and dot product, as for longer arrays (the same bits)
        ratio = p / q
        if p_min == 0.0:
            np.maximum(ratio, _TINY, out=ratio)
        value = float(p.dot(np.log(ratio, ratio)))  # out= by position: less overhead
        if value >= _LITERAL_FLOOR:
            difference = q_sum - p_sum
            if abs(difference) > _SUM_RESOLUTION:
                value += difference
            return value * scale
    return max(_kl_terms(p_list, q_list) * scale, 0.0)


def _kl_terms(p_list, q_list):
    """``sum(p ln(p/q) - p + q)`` over lists, every term exact (as in _exact_tile)."""
    total = 0.0
    log, log1p, bisect_left, reaches = (
        math.log,
        math.log1p,
        bisect.bisect_left,
        _SERIES_REACH,
    )
    for a, b in zip(p_list, q_list):
        if a == 0.0:
            total += b
            continue
        if b == 0.0:
            return math.inf
        t = a - b
        d = t / b
        if -_SERIES_REACH[-1] <= d <= _SERIES_REACH[-1]:
            series = 0.0
            for coefficient in _SERIES_BACKWARDS[-1 - bisect_left(reaches, abs(d)) :]:
                series = series * d + coefficient
            total += t * d * series
            continue
        if -0.5 <= d <= 1.0:
            logs = log1p(d)
        else:
            ratio = a / b
            logs = log(ratio) if _NORMAL <= ratio < math.inf else log(a) - log(b)
        total += a * logs - t
    return total


#: Coefficients of (delta - 1 + exp(-delta)) / delta**2 = sum (-delta)**j / (j + 2)!,
#: highest first, for |delta| <= _LOG_SERIES_REACH (truncation below 2**-57).
_LOG_SERIES = tuple((-1) ** j / math.factorial(j + 2) for j in range(11, -1, -1))
_LOG_SERIES_REACH = 0.125
