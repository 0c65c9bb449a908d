"""Calibration: do a classifier's probabilities mean what they say?

A classifier is *calibrated* when, among the examples to which it gives its top class
a probability of about 0.8, about 80 % are right. :func:`reliability_table` groups the
examples by that confidence and compares it with the accuracy in each group;
:func:`expected_calibration_error` summarises the table in one number; and
:func:`fit_temperature` repairs a model's confidence with one parameter, the
temperature ``T`` that divides every logit, fitted by minimising the cross-entropy on
held-out data.

Why cross-entropy can fit a confidence: it is a *proper scoring rule*. For outcomes
drawn from ``p``, the expected loss ``-sum(p * log q)`` of a forecast ``q`` is the
cross-entropy ``H(p, q)``, which Gibbs' inequality puts above ``H(p)`` unless
``q = p``: honest probabilities score best.

References
----------
C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger, "On Calibration of Modern Neural
Networks", ICML (2017). M. P. Naeini, G. F. Cooper and M. Hauskrecht, "Obtaining Well
Calibrated Probabilities Using Bayesian Binning", AAAI (2015). T. Gneiting and A. E.
Raftery, "Strictly Proper Scoring Rules, Prediction, and Estimation", JASA 102 (2007).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

import numpy as np

from ._validation import as_distribution, check_integer, check_number
from .learning import _as_labels, _as_logits, cross_entropy_loss

#: The most bins a reliability table has (far more than any data set fills).
MAX_BINS = 10**6

__all__ = [
    "ReliabilityTable",
    "expected_calibration_error",
    "fit_temperature",
    "reliability_table",
]


@dataclass(frozen=True, eq=False)
class ReliabilityTable:
    """Confidence against accuracy, bin by bin: what :func:`reliability_table` returns.

    Only bins that hold at least one example are listed, so every entry is defined.

    Attributes
    ----------
    lower, upper : ndarray
        The edges of each bin: it holds the confidences ``c`` with
        ``lower < c <= upper`` (the first bin of the grid also holds ``c = 0``).
    count : ndarray
        The number of examples in each bin (integers, all positive).
    confidence : ndarray
        The mean confidence (the probability of the predicted class) in each bin.
    accuracy : ndarray
        The share of the bin's examples whose predicted class is their label.

    Examples
    --------
    >>> table = ReliabilityTable(
    ...     lower=np.array([0.5]), upper=np.array([1.0]), count=np.array([4]),
    ...     confidence=np.array([0.75]), accuracy=np.array([0.5]),
    ... )
    >>> float(table.confidence[0] - table.accuracy[0])   # overconfident by 0.25
    0.25
    """

    lower: np.ndarray
    upper: np.ndarray
    count: np.ndarray
    confidence: np.ndarray
    accuracy: np.ndarray


def reliability_table(probabilities, labels, n_bins=10):
    """Group examples by the model's confidence; compare confidence and accuracy.

    The confidence of a prediction is the probability the model gives its predicted
    class, ``max(q)`` (the first class on ties, as ``np.argmax``). The interval
    ``[0, 1]`` is cut into ``n_bins`` bins of equal width, ``(i / n_bins,
    (i + 1) / n_bins]`` (the first also holds 0); in each bin the mean confidence is
    compared with the share of correct predictions. A calibrated model has the two
    equal in every bin; plotted against each other, they make a *reliability diagram*.

    Parameters
    ----------
    probabilities : array_like
        The model's distributions, shape ``(n, k)``: one row per example, summing to 1.
    labels : array_like of int
        The true class of each example, shape ``(n,)``.
    n_bins : int, default 10
        The number of bins of equal width, from 1 to 1,000,000.

    Returns
    -------
    ReliabilityTable
        Edges, counts, mean confidence and accuracy of every bin that holds an example.

    Raises
    ------
    ValueError
        If ``probabilities`` is not a 2-D array of distributions, ``labels`` does not
        hold one class index per row, or ``n_bins`` is not a positive integer.

    References
    ----------
    Guo et al. (2017), section 2; Naeini, Cooper & Hauskrecht (2015).

    Examples
    --------
    >>> q = [[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.3, 0.7]]
    >>> table = reliability_table(q, [0, 1, 0, 0], n_bins=5)
    >>> table.upper, table.count
    (array([0.6, 0.8, 1. ]), array([1, 1, 2]))
    >>> table.confidence, table.accuracy
    (array([0.6, 0.7, 0.9]), array([1. , 0. , 0.5]))
    """
    confidence, correct = _confidence_and_correct(probabilities, labels)
    n_bins = check_integer(n_bins, "n_bins", "bins", maximum=MAX_BINS)
    edges = np.arange(n_bins + 1) / n_bins  # i / n_bins exactly, unlike np.linspace
    # bin i holds (edges[i], edges[i + 1]]; a confidence of 0 joins the first bin
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, n_bins - 1)
    count = np.bincount(index, minlength=n_bins)
    used = count > 0
    sums = np.bincount(index, weights=confidence, minlength=n_bins)
    hits = np.bincount(index, weights=correct, minlength=n_bins)
    return ReliabilityTable(
        lower=edges[:-1][used],
        upper=edges[1:][used],
        count=count[used],
        confidence=sums[used] / count[used],
        accuracy=hits[used] / count[used],
    )


def expected_calibration_error(probabilities, labels, n_bins=10):
    """Expected calibration error: ``sum(count / n * |accuracy - confidence|)``.

    The gap between confidence and accuracy in each bin of :func:`reliability_table`
    (``n_bins`` bins of equal width on ``[0, 1]``), weighted by the share of examples
    in the bin. It is 0 for a calibrated model and at most 1. It is a probability, not
    a number of bits, and it depends on the binning: always say how many bins.

    Parameters
    ----------
    probabilities : array_like
        The model's distributions, shape ``(n, k)``.
    labels : array_like of int
        The true class of each example, shape ``(n,)``.
    n_bins : int, default 10
        The number of bins of equal width, from 1 to 1,000,000.

    Returns
    -------
    float
        The expected calibration error, between 0 and 1.

    Raises
    ------
    ValueError
        As for :func:`reliability_table`.

    References
    ----------
    Naeini, Cooper & Hauskrecht (2015); Guo et al. (2017), equation (3).

    Examples
    --------
    Four predictions made with confidence 0.9, of which two are right:

    >>> q = [[0.9, 0.1]] * 4
    >>> round(expected_calibration_error(q, [0, 0, 1, 1]), 12)
    0.4
    """
    table = reliability_table(probabilities, labels, n_bins)
    gaps = np.abs(table.accuracy - table.confidence)
    return float(np.sum(table.count * gaps) / np.sum(table.count))


def fit_temperature(logits, target, low=0.01, high=100.0, tol=1e-7):
    """The temperature ``T > 0`` that minimises the cross-entropy of ``softmax(z / T)``.

    Temperature scaling divides every logit by one number ``T``: above 1 it softens an
    overconfident model, below 1 it sharpens an underconfident one, and it never
    changes which class is predicted. ``T`` is fitted on held-out data (not the
    training data) by minimising the mean cross-entropy
    ``cross_entropy_loss(logits / T, target)``.

    The loss is a convex function of ``1 / T`` (a log-sum-exp of linear functions
    minus a linear one), so it has one minimum; it is found by golden-section search
    on ``ln T`` between ``ln(low)`` and ``ln(high)``, until the bracket is narrower
    than ``tol``. The result is the minimiser to within a factor ``exp(tol)``, that is
    a relative error of about ``tol``.

    Parameters
    ----------
    logits : array_like
        Shape ``(n, k)`` (or ``(..., k)``): the model's logits on held-out examples.
    target : array_like
        Their class labels, shape ``(n,)``, or probabilities, shape ``(n, k)``.
    low, high : float, default 0.01 and 100
        The range searched, ``0 < low < high``.
    tol : float, default 1e-7
        The width of the final bracket on ``ln T``, from 1e-12 to 1.

    Returns
    -------
    float
        The fitted temperature. Divide the logits by it: ``softmax(logits / T)``.

    Raises
    ------
    ValueError
        For bad logits, targets, ``low``, ``high`` or ``tol``; if every row of
        ``logits`` is constant (the temperature changes nothing); or if the best ``T``
        lies at ``low`` or ``high``. That happens when the loss keeps falling beyond
        the range, for example as ``T`` goes to 0 when the top logit of every example is
        its label, where no finite temperature is best.

    References
    ----------
    Guo et al. (2017), section 4.2; J. Kiefer, "Sequential minimax search for a
    maximum", Proc. AMS 4 (1953) (golden-section search).

    Examples
    --------
    Logits ``(1, 0)`` for every example, and the first class right 3 times out of 4:
    the best model says 3/4, so ``exp(1 / T) = 3`` and ``T = 1 / ln 3``.

    >>> logits = [[1.0, 0.0]] * 4
    >>> T = fit_temperature(logits, [0, 0, 0, 1])
    >>> round(T, 6), round(1 / math.log(3), 6)
    (0.910239, 0.910239)
    """
    z = _as_logits(logits)
    cross_entropy_loss(z, target)  # checks the logits and the target, with messages
    low = check_number(low, "low", "0.01", low=0, low_open=True)
    high = check_number(high, "high", "100.0", low=0, low_open=True)
    if not low < high:
        raise ValueError(
            f"low must be below high, but got low={low!r} and high={high!r}; pass a "
            f"range such as low=0.01, high=100.0."
        )
    tol = check_number(tol, "tol", "1e-7", low=1e-12, high=1.0)
    finite = np.where(np.isfinite(z), z, np.nan)  # -inf masks a class out
    largest = float(np.max(np.abs(finite), initial=0.0, where=~np.isnan(finite)))
    if largest > low * (sys.float_info.max / 4):  # z / low and differences stay finite
        raise ValueError(
            f"logits as large as {largest:.3g} overflow when divided by low = {low!r}; "
            f"scale the logits down or pass a larger low."
        )
    with np.errstate(invalid="ignore"):
        spread = np.nanmax(finite, axis=-1) - np.nanmin(finite, axis=-1)
    if not (spread > 0).any():
        raise ValueError(
            "logits are equal within every row, so every temperature gives the same "
            "(uniform) prediction and none is best; fit the temperature on the logits "
            "of a trained model."
        )

    def loss(log_t):
        return cross_entropy_loss(z / math.exp(log_t), target, base=math.e)

    a, b = math.log(low), math.log(high)
    ratio = (math.sqrt(5.0) - 1.0) / 2.0  # 1 / golden ratio
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    loss_c, loss_d = loss(c), loss(d)
    while b - a > tol:
        if loss_c <= loss_d:  # the minimum lies in [a, d]
            b, d, loss_d = d, c, loss_c
            c = b - ratio * (b - a)
            loss_c = loss(c)
        else:  # in [c, b]
            a, c, loss_c = c, d, loss_d
            d = a + ratio * (b - a)
            loss_d = loss(d)
    log_t = (a + b) / 2.0
    if log_t - math.log(low) < 2 * tol:
        raise ValueError(
            f"the cross-entropy is lowest at the edge of the range, T = low = {low!r}, "
            f"and keeps falling towards T = 0, so no temperature in the range is best. "
            f"This happens when every example's label already has the largest of its "
            f"logits; "
            f"use more held-out examples, or pass a smaller low."
        )
    if math.log(high) - log_t < 2 * tol:
        raise ValueError(
            f"the cross-entropy is lowest at the edge of the range, T = high = "
            f"{high!r}, and keeps falling as T grows: the logits predict the targets "
            f"no better than a uniform guess. Check that logits and targets belong "
            f"together, or pass a larger high."
        )
    return math.exp(log_t)


# ------------------------------------------------------------------------------- checks


def _confidence_and_correct(probabilities, labels):
    """The top probability of each row and whether its class is the label."""
    q = as_distribution(probabilities, "probabilities")
    if q.ndim != 2:
        raise ValueError(
            f"probabilities must have shape (n, k), one distribution per example, but "
            f"has shape {q.shape}; for a single example pass [q]."
        )
    labels = _as_labels(labels, "labels", q.shape[:1], q.shape[1])
    predicted = np.argmax(q, axis=1)
    confidence = q[np.arange(len(q)), predicted]
    return confidence, (predicted == labels).astype(float)
