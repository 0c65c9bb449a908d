"""Cross-entropy as a loss: softmax, losses from logits, their gradient, a tiny classifier.

A classifier outputs one real number per class, its *logits* ``z``; the softmax turns
them into a distribution ``q = softmax(z)``, and the loss is the cross-entropy
``H(p, q)`` of the truth ``p`` (a class label or a distribution over the classes)
relative to ``q``. Everything here works from the logits directly, as machine-learning
frameworks do, which keeps every result exact where the naive route through ``q``
overflows or rounds to zero.

Conventions, shared with :mod:`infotheory.measures`:

* **Classes** lie on the last axis of ``logits``; every other axis indexes examples.
* **Unit.** Losses take ``base=2`` (bits) by default; ``base=np.e`` gives nats, the
  unit PyTorch, TensorFlow and JAX report. :func:`log_softmax` and :func:`logsumexp`
  are natural logarithms, like theirs and SciPy's.
* **Masks.** A logit of ``-inf`` removes its class: it gets probability exactly 0.
  ``NaN`` and ``+inf`` logits, and a row whose logits are all ``-inf``, raise
  ``ValueError``.
* **Targets.** Integer class labels with the shape of the logits minus the class axis,
  or probabilities (soft labels) with the shape of the logits. Nothing is broadcast
  or renormalised silently.

References
----------
I. Goodfellow, Y. Bengio and A. Courville, *Deep Learning*, MIT Press (2016),
sections 5.5 and 6.2.2. T. M. Cover and J. A. Thomas, *Elements of Information
Theory*, 2nd ed., Wiley (2006), section 2.3.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._units import as_result as _as_result
from ._units import log_scale as _log_scale
from ._validation import (
    as_distribution,
    as_float_array,
    as_labels,
    as_logits,
    as_real_array,
    check_axis,
    check_base,
    check_count,
    check_fraction,
    check_positive,
    check_row_maxima,
)

__all__ = [
    "SoftmaxClassifier",
    "cross_entropy_loss",
    "cross_entropy_loss_gradient",
    "log_softmax",
    "logsumexp",
    "one_hot",
    "smooth_labels",
    "softmax",
    "train_softmax_classifier",
]

REDUCTIONS = ("mean", "sum", "none")


# ----------------------------------------------------------------------------- softmax


def softmax(logits, axis=-1):
    """The distribution ``q = exp(z) / sum(exp(z))`` of the logits ``z`` along ``axis``.

    Computed as ``exp(z - max(z))`` divided by its sum, so that no exponential can
    overflow: adding the same constant to every logit of a row changes nothing.

    Parameters
    ----------
    logits : array_like
        Real numbers; ``-inf`` masks a class out (probability 0).
    axis : int, default -1
        The axis that holds the classes.

    Returns
    -------
    ndarray
        Probabilities of the same shape, summing to 1 along ``axis``.

    Raises
    ------
    ValueError
        If ``logits`` is empty, holds ``NaN`` or ``+inf``, or a row is all ``-inf``.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), section 6.2.2.3.

    Examples
    --------
    >>> softmax([0.0, 0.0])
    array([0.5, 0.5])
    >>> softmax([1000.0, 1000.0 + np.log(3)])     # no overflow
    array([0.25, 0.75])
    >>> softmax([2.0, -np.inf, 2.0])              # a masked class
    array([0.5, 0. , 0.5])
    """
    z, axis = _logits_on_last_axis(logits, axis)
    top, _, e, rest = _shifted_exp(z)
    np.put_along_axis(e, top, 1.0, axis=-1)
    e /= (1.0 + rest)[..., None]
    return np.moveaxis(e, -1, axis)


def log_softmax(logits, axis=-1):
    """The natural logarithm of :func:`softmax`: ``z - logsumexp(z)``, in nats.

    Exact where ``np.log(softmax(z))`` fails: a class far below the others keeps its
    (large negative) log-probability instead of ``log 0 = -inf``, and the class on
    top keeps a tiny negative value instead of rounding to 0 (it is computed as
    ``-log1p(sum of the other shifted exponentials)``).

    Parameters
    ----------
    logits : array_like
        Real numbers; ``-inf`` masks a class out (its log-probability is ``-inf``).
    axis : int, default -1
        The axis that holds the classes.

    Returns
    -------
    ndarray
        Log-probabilities (natural logarithms, ``<= 0``) of the same shape. Divide by
        ``np.log(2)`` for base-2 logarithms.

    Raises
    ------
    ValueError
        If ``logits`` is empty, holds ``NaN`` or ``+inf``, or a row is all ``-inf``.

    Examples
    --------
    >>> log_softmax([0.0, 0.0]).round(6)
    array([-0.693147, -0.693147])
    >>> log_softmax([0.0, -1e4])                  # np.log(softmax(...)) gives -inf
    array([     0., -10000.])
    >>> float(log_softmax([40.0, 0.0, 0.0])[0])   # not rounded to 0
    -8.496708510583178e-18
    """
    z, axis = _logits_on_last_axis(logits, axis)
    _, m, e, rest = _shifted_exp(z)
    with np.errstate(over="ignore"):
        out = np.subtract(z, m, out=e)
    out -= np.log1p(rest)[..., None]
    return np.moveaxis(out, -1, axis)


def logsumexp(logits, axis=-1):
    """``log(sum(exp(z)))`` along ``axis`` without overflow, in nats.

    The normaliser of the softmax: ``log_softmax(z) = z - logsumexp(z)``. Computed as
    ``max(z) + log1p(sum(exp(z - max(z))) - 1)``, with the ``- 1`` done exactly.

    Parameters
    ----------
    logits : array_like
        Real numbers; ``-inf`` entries contribute nothing.
    axis : int, default -1
        The axis to reduce.

    Returns
    -------
    float or ndarray
        A float for 1-D input, otherwise an array with ``axis`` removed.

    Examples
    --------
    >>> logsumexp([1000.0, 1000.0])              # 1000 + ln 2, no overflow
    1000.6931471805599
    >>> logsumexp([0.0, -np.inf])
    0.0
    """
    z, _ = _logits_on_last_axis(logits, axis)
    m, rest, _ = _log_normalizer(z)
    return _as_result(m + np.log1p(rest))


# ----------------------------------------------------------------------------- targets


def one_hot(labels, n_classes):
    """Class labels as one-hot distributions: row ``i`` is 1 at ``labels[i]``, else 0.

    Parameters
    ----------
    labels : array_like of int
        Class indices between 0 and ``n_classes - 1``.
    n_classes : int
        The number of classes.

    Returns
    -------
    ndarray
        Shape ``labels.shape + (n_classes,)``, float64.

    Examples
    --------
    >>> one_hot([2, 0], 3)
    array([[0., 0., 1.],
           [1., 0., 0.]])
    """
    n_classes = check_count(n_classes, "n_classes")
    labels = as_labels(labels, "labels", np.shape(labels), n_classes)
    out = np.zeros(labels.shape + (n_classes,))
    np.put_along_axis(out, labels[..., None], 1.0, axis=-1)
    return out


def smooth_labels(labels, n_classes, smoothing):
    """Label smoothing: ``(1 - smoothing) * one_hot(labels) + smoothing / n_classes``.

    The convention of PyTorch's ``CrossEntropyLoss(label_smoothing=...)``: a share
    ``smoothing`` of the probability is spread evenly over all classes. The targets
    then have entropy above 0, which is the least cross-entropy any model can reach.

    Parameters
    ----------
    labels : array_like of int
        Class indices between 0 and ``n_classes - 1``.
    n_classes : int
        The number of classes.
    smoothing : float
        Between 0 (one-hot) and 1 (uniform).

    Returns
    -------
    ndarray
        Distributions of shape ``labels.shape + (n_classes,)``.

    References
    ----------
    C. Szegedy et al., "Rethinking the Inception Architecture for Computer Vision",
    CVPR (2016), section 7.

    Examples
    --------
    >>> smooth_labels([0], 4, 0.2)
    array([[0.85, 0.05, 0.05, 0.05]])
    """
    smoothing = check_fraction(smoothing, "smoothing", "0.1")
    return (1.0 - smoothing) * one_hot(labels, n_classes) + smoothing / n_classes


# ----------------------------------------------------------------------------- the loss


def cross_entropy_loss(logits, target, base=2, reduction="mean"):
    """Cross-entropy ``H(p, softmax(z))`` of the model's logits ``z`` against the truth.

    For one example with logits ``z`` and target distribution ``p`` the loss is
    ``-sum(p * log_base(softmax(z)))``; for a class label ``y`` (``p`` one-hot) it is
    ``-log_base(softmax(z)[y])``, the negative log-likelihood of the label. Averaged
    over a data set it is the cross-entropy of the model against the empirical
    distribution of the data, and minimising it is maximum likelihood.

    Parameters
    ----------
    logits : array_like
        Shape ``(..., k)``: ``k`` logits per example, classes on the last axis.
        ``-inf`` masks a class out.
    target : array_like
        Either integer class labels of shape ``(...)`` (one per example), or
        probabilities of shape ``(..., k)`` that sum to 1 per example (soft labels).
    base : float, default 2
        2 gives bits; ``np.e`` gives nats, the unit machine-learning frameworks report.
    reduction : {"mean", "sum", "none"}, default "mean"
        Average over the examples (the batch mean, as frameworks do), add them up, or
        return one loss per example.

    Returns
    -------
    float or ndarray
        The loss, ``>= 0``; ``+inf`` if the target gives probability to a masked class.
        A float for ``"mean"``, ``"sum"`` or a single example; otherwise an array of
        shape ``(...)``.

    Raises
    ------
    ValueError
        For ``NaN`` or ``+inf`` logits, a row masked out entirely, labels that are not
        integers or not between 0 and ``k - 1``, targets that are not distributions,
        shapes that do not fit, a bad ``base`` or ``reduction``.

    Notes
    -----
    Per example the loss is ``(max(z) - z[y]) + log1p(s)`` in nats, where ``s`` sums
    ``exp(z - max(z))`` over every class but the top one. Nothing overflows, and a
    confident correct prediction keeps its tiny loss: logits ``[40, 0, 0]`` with label
    0 cost ``log(1 + 2 exp(-40))``, about ``8.5e-18`` nats, which ``logsumexp(z) -
    z[y]`` rounds to 0. With soft targets the loss is never below ``entropy(p)``
    (Gibbs' inequality); the gap is the KL divergence ``D(p || softmax(z))``.

    A large batch is processed in blocks that fit the processor's cache, without any
    temporary array the size of ``logits``; the checks for NaN, ``+inf`` and fully
    masked rows come from the row maxima and cost nothing extra.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), sections 5.5 and 6.2.2.3; Cover & Thomas
    (2006), section 2.3.

    Examples
    --------
    >>> cross_entropy_loss([0.0, 0.0], 1)                 # a coin flip: one bit
    1.0
    >>> logits = [[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> cross_entropy_loss(logits, [0, 2], reduction="none").round(4)
    array([0.3456, 1.585 ])
    >>> round(cross_entropy_loss(logits, [0, 2], base=np.e), 4)   # mean, in nats
    0.6691
    >>> cross_entropy_loss([0.0, 0.0], [0.5, 0.5])        # soft target
    1.0
    >>> cross_entropy_loss([40.0, 0.0, 0.0], 0, base=np.e)
    8.496708510583178e-18
    """
    z = as_logits(logits)
    scale = _log_scale(check_base(base))
    reduction = _check_reduction(reduction)
    kind, t = _as_target(target, z)
    if kind == "labels":
        m, rest, _ = _log_normalizer(z)
        losses = np.log1p(rest)
        picked = np.take_along_axis(z, t[..., None], axis=-1)[..., 0]
        with np.errstate(over="ignore"):  # a gap beyond the float range is +inf
            losses += m - picked
    else:
        _, rest, gaps = _log_normalizer(z, t)
        losses = np.log1p(rest) * t.sum(axis=-1) + gaps
    return _reduce(losses, reduction, scale)


def cross_entropy_loss_gradient(logits, target, base=2, reduction="mean"):
    """Gradient of :func:`cross_entropy_loss` with respect to the logits: ``q - p``.

    For one example, ``d/dz H(p, softmax(z)) = softmax(z) - p`` in nats: the model's
    probabilities minus the target's. With ``reduction="mean"`` (the default, as for
    the loss) each row is divided by the number of examples, because the loss is the
    batch mean; with ``"sum"`` or ``"none"`` it is not (each example's loss depends
    only on its own logits). In base ``b`` the gradient is divided by ``ln b``, so the
    default (bits) is ``(q - p) / ln 2``; pass ``base=np.e`` for exactly ``q - p``.

    Parameters
    ----------
    logits, target, base, reduction
        As for :func:`cross_entropy_loss`.

    Returns
    -------
    ndarray
        Same shape as ``logits``. Each row sums to 0, and a masked class gets 0.

    Examples
    --------
    >>> cross_entropy_loss_gradient([0.0, 0.0], 1, base=np.e)
    array([ 0.5, -0.5])
    >>> cross_entropy_loss_gradient([[0.0, 0.0], [0.0, 0.0]], [1, 1], base=np.e)
    array([[ 0.25, -0.25],
           [ 0.25, -0.25]])
    """
    z = as_logits(logits)
    scale = _log_scale(check_base(base))
    reduction = _check_reduction(reduction)
    kind, t = _as_target(target, z)
    gradient = _softmax_minus_target(z, kind, t)
    if reduction == "mean":
        scale /= max(z.size // z.shape[-1], 1)
    if scale != 1.0:
        gradient *= scale
    return gradient


# ----------------------------------------------------------------------------- a classifier


@dataclass(frozen=True, eq=False)
class SoftmaxClassifier:
    """A fitted softmax (multinomial logistic) classifier: ``q = softmax(x @ weights + bias)``.

    Attributes
    ----------
    weights : ndarray
        Shape ``(d, k)``: one column of feature weights per class.
    bias : ndarray
        Shape ``(k,)``.
    history : ndarray
        The mean cross-entropy loss on the training data after ``0, 1, ..., steps``
        steps (so ``history[0]`` is the untrained model), in the unit of ``base``.
    base : float
        The base of the logarithm ``history`` is measured in.
    """

    weights: np.ndarray
    bias: np.ndarray
    history: np.ndarray
    base: float

    def logits(self, x):
        """The logits ``x @ weights + bias``, shape ``(n, k)``."""
        return _features(x, self.weights.shape[0]) @ self.weights + self.bias

    def predict_proba(self, x):
        """The model's distribution over the classes for each row of ``x``."""
        return softmax(self.logits(x))

    def predict(self, x):
        """The most probable class of each row of ``x``."""
        return np.argmax(self.logits(x), axis=-1)

    def accuracy(self, x, labels):
        """The share of rows of ``x`` whose predicted class equals its label, as a float."""
        predicted = self.predict(x)
        labels = as_labels(labels, "labels", predicted.shape, self.bias.shape[0])
        return float(np.mean(predicted == labels))


def train_softmax_classifier(
    x, target, n_classes=None, steps=200, learning_rate=1.0, base=2, callback=None
):
    """Fit a softmax classifier to ``(x, target)`` by full-batch gradient descent.

    Starts from zero weights (every class equally likely, a loss of ``log k``) and takes
    ``steps`` steps of ``parameters -= learning_rate * gradient`` on the mean
    cross-entropy in nats, whose gradient is ``x.T @ (q - p) / n`` for the weights and
    the column sums of ``(q - p) / n`` for the bias. Deterministic: no randomness.

    Parameters
    ----------
    x : array_like
        Features, shape ``(n, d)``. Features of order 1 train best; standardise others.
    target : array_like
        Integer class labels of shape ``(n,)``, or probabilities of shape ``(n, k)``
        (soft or smoothed labels).
    n_classes : int, optional
        The number of classes ``k``; by default ``max(labels) + 1``, or the width of the
        probability targets.
    steps : int, default 200
        Gradient steps to take.
    learning_rate : float, default 1.0
        Step size, for the loss in nats (so it does not depend on ``base``).
    base : float, default 2
        Unit of the recorded ``history``: 2 for bits, ``np.e`` for nats.
    callback : callable, optional
        Called as ``callback(step, weights, bias)`` with copies of the parameters after
        ``step`` steps, for ``step = 0, ..., steps``: to record anything else on the way.

    Returns
    -------
    SoftmaxClassifier
        The fitted weights and bias, and the loss after each step in ``history``.

    Raises
    ------
    ValueError
        For bad features, labels or targets, a bad ``steps``, ``learning_rate`` or
        ``base``, or when training diverges (the learning rate is too large).

    Examples
    --------
    >>> x = np.array([[-1.0], [-0.5], [0.5], [1.0]])
    >>> model = train_softmax_classifier(x, [0, 0, 1, 1], steps=100)
    >>> model.predict(x)
    array([0, 0, 1, 1])
    >>> float(model.history[0]), bool(model.history[-1] < 0.2)
    (1.0, True)
    """
    x = as_real_array(x, "x")
    if x.ndim != 2:
        raise ValueError(
            f"x must be a 2-D array with one row per example and one column per feature, "
            f"but has shape {x.shape}; use x.reshape(-1, 1) for a single feature."
        )
    n, d = x.shape
    steps = check_count(steps, "steps", minimum=0)
    learning_rate = check_positive(learning_rate, "learning_rate", "0.5")
    scale = _log_scale(check_base(base))
    if n_classes is not None:
        n_classes = check_count(n_classes, "n_classes")
    kind, t, k = _training_target(target, n, n_classes)
    weights, bias = np.zeros((d, k)), np.zeros(k)
    history = np.empty(steps + 1)
    for step in range(steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):  # checked right below
            z = x @ weights + bias
        try:
            loss, gradient = _loss_and_gradient(z, kind, t)
        except ValueError:
            raise ValueError(
                f"training diverged at step {step}: the logits are no longer finite; "
                f"use a smaller learning_rate than {learning_rate!r}."
            ) from None
        history[step] = loss * scale
        if callback is not None:
            callback(step, weights.copy(), bias.copy())
        if step == steps:
            break
        gradient /= n
        with np.errstate(
            over="ignore", invalid="ignore"
        ):  # divergence shows in the next logits
            weights -= learning_rate * (x.T @ gradient)
            bias -= learning_rate * gradient.sum(axis=0)
    return SoftmaxClassifier(
        weights=weights, bias=bias, history=history, base=float(base)
    )


# ----------------------------------------------------------------------------- internals


def _logits_on_last_axis(logits, axis):
    z = as_logits(logits)
    axis = check_axis(axis, z.ndim)
    return np.moveaxis(z, axis, -1), axis


def _shifted_exp(z):
    """The pieces every softmax quantity is made of, for logits ``z`` of shape ``(..., k)``.

    Returns ``top`` (index of the largest logit, shape ``(..., 1)``), ``m`` (that
    logit), ``e = exp(z - m)`` with the top entry set to 0, and ``rest = e.sum(-1)``,
    so that ``logsumexp(z) = m + log1p(rest)`` keeps the digits of tiny ``rest``.
    Also validates ``z``: the row maxima are finite exactly when no row holds NaN or
    ``+inf`` or is entirely ``-inf``.
    """
    top = np.argmax(z, axis=-1)[..., None]
    m = np.take_along_axis(z, top, axis=-1)
    check_row_maxima(m[..., 0], z)
    with np.errstate(
        over="ignore"
    ):  # a gap beyond the float range is -inf: exp gives 0
        e = np.subtract(z, m)
    np.exp(e, out=e)
    np.put_along_axis(e, top, 0.0, axis=-1)
    return top, m, e, e.sum(axis=-1)


#: Entries of logits handled at a time by :func:`_log_normalizer`: 2 MiB of float64,
#: small enough for the processor's cache, so a large batch is read from memory once.
BLOCK_ENTRIES = 1 << 18


def _log_normalizer(z, t=None):
    """``m``, ``rest`` and optionally ``gaps`` per row of logits ``z`` (shape ``(..., k)``).

    ``m`` is the largest logit and ``rest`` the sum of ``exp(z - m)`` over every class
    but the top one, so ``logsumexp(z) = m + log1p(rest)``. With probabilities ``t`` of
    the same shape, ``gaps`` is ``sum(t * (m - z))``, where a class with ``t = 0`` adds
    0 even if it is masked out. The rows are processed in blocks of about
    :data:`BLOCK_ENTRIES` entries that stay in cache, with no temporary array the size
    of ``z``. Validates ``z`` through the row maxima afterwards (NaN and infinities
    pass through the arithmetic silently and are reported by name).
    """
    k = z.shape[-1]
    rows = z.reshape(-1, k)
    targets = None if t is None else t.reshape(-1, k)
    n = rows.shape[0]
    m, rest = np.empty(n), np.empty(n)
    gaps = None if t is None else np.empty(n)
    step = max(1, BLOCK_ENTRIES // k)
    shifted = np.empty((min(step, n), k))
    weighted = None if t is None else np.empty_like(shifted)
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, n, step):
            block = rows[start : start + step]
            size = len(block)
            stop = start + size
            b = shifted[:size]
            inside = np.arange(size)
            top = np.argmax(block, axis=1)
            m[start:stop] = block[inside, top]
            np.subtract(
                block, m[start:stop, None], out=b
            )  # <= 0; -inf for a masked class
            if t is not None:
                w = np.multiply(b, targets[start:stop], out=weighted[:size])
                sums = w.sum(axis=1)
                if np.isnan(
                    sums
                ).any():  # 0 * -inf: a class the target rules out costs 0
                    w[np.isnan(w)] = 0.0
                    sums = w.sum(axis=1)
                np.negative(sums, out=gaps[start:stop])
            np.exp(b, out=b)
            b[inside, top] = 0.0
            b.sum(axis=1, out=rest[start:stop])
    shape = z.shape[:-1]
    m = m.reshape(shape)
    check_row_maxima(m, z)
    return m, rest.reshape(shape), None if gaps is None else gaps.reshape(shape)


def _softmax_minus_target(z, kind, t):
    """``softmax(z) - p`` in place of a fresh array (the gradient in nats per example)."""
    top, _, q, rest = _shifted_exp(z)
    np.put_along_axis(q, top, 1.0, axis=-1)
    q /= (1.0 + rest)[..., None]
    if kind == "labels":
        index = t[..., None]
        np.put_along_axis(
            q, index, np.take_along_axis(q, index, axis=-1) - 1.0, axis=-1
        )
    else:
        q -= t
    return q


def _loss_and_gradient(z, kind, t):
    """Mean loss in nats and the per-example gradient ``q - p`` of 2-D logits ``z``."""
    top, m, q, rest = _shifted_exp(z)
    log_norm = np.log1p(rest)
    with np.errstate(over="ignore", invalid="ignore"):
        if kind == "labels":
            losses = log_norm + (
                m[:, 0] - np.take_along_axis(z, t[:, None], axis=-1)[:, 0]
            )
        else:
            gaps = t * (m - z)
    if kind != "labels":
        losses = log_norm * t.sum(axis=-1) + _sum_of_gaps(gaps)
    np.put_along_axis(q, top, 1.0, axis=-1)
    q /= (1.0 + rest)[:, None]
    if kind == "labels":
        q[np.arange(len(t)), t] -= 1.0
    else:
        q -= t
    return float(losses.mean()), q


def _sum_of_gaps(gaps):
    """Row sums of ``p * (max(z) - z)``, where ``0 * inf`` (a masked class the target
    rules out) counts 0. The terms are never negative, so a NaN sum can only come from
    such a product, and the common unmasked case costs no extra pass."""
    sums = gaps.sum(axis=-1)
    if np.isnan(sums).any():
        gaps[np.isnan(gaps)] = 0.0
        sums = gaps.sum(axis=-1)
    return sums


def _as_target(target, z):
    """Decide whether ``target`` holds labels or probabilities for logits ``z``; validate it."""
    try:
        array = np.asarray(target)
    except (TypeError, ValueError):
        as_float_array(target, "target")  # raises with a clear message
        raise
    if array.shape == z.shape:
        return "probabilities", as_distribution(array, "target")
    if array.ndim == z.ndim - 1:
        return "labels", as_labels(array, "target", z.shape[:-1], z.shape[-1])
    raise ValueError(
        f"target has shape {array.shape}, which fits logits of shape {z.shape} neither as "
        f"class labels (shape {z.shape[:-1]}) nor as probabilities per class (shape "
        f"{z.shape}); pass one of those (nothing is broadcast)."
    )


def _training_target(target, n, n_classes):
    array = np.asarray(target) if not isinstance(target, (str, bytes)) else target
    if np.ndim(array) == 2:
        p = as_distribution(array, "target")
        if p.shape[0] != n:
            raise ValueError(
                f"x has {n} rows but target has {p.shape[0]}; give one target per example."
            )
        if n_classes is not None and p.shape[1] != n_classes:
            raise ValueError(
                f"target gives probabilities for {p.shape[1]} classes, but n_classes is "
                f"{n_classes}; make them agree."
            )
        return "probabilities", p, p.shape[1]
    if np.ndim(array) != 1 or np.shape(array)[0] != n:
        raise ValueError(
            f"target must hold one class label per row of x (shape ({n},)) or probabilities "
            f"of shape ({n}, k), but has shape {np.shape(array)}."
        )
    if n_classes is None:
        is_integer = getattr(array, "dtype", np.dtype(float)).kind in "iu"
        n_classes = max(int(array.max()) + 1, 1) if is_integer else 1
    return "labels", as_labels(array, "target", (n,), n_classes), n_classes


def _features(x, d):
    x = as_real_array(x, "x")
    if x.ndim != 2 or x.shape[1] != d:
        raise ValueError(
            f"x must have shape (n, {d}) like the training features, but has shape {x.shape}."
        )
    return x


def _check_reduction(reduction):
    if reduction not in REDUCTIONS:
        raise ValueError(
            f"reduction must be one of {REDUCTIONS}, but got {reduction!r}."
        )
    return reduction


def _reduce(losses, reduction, scale):
    if reduction == "mean":
        value = losses.mean()
    elif reduction == "sum":
        value = losses.sum()
    else:
        value = losses
    if scale != 1.0:
        value = value * scale
    return _as_result(value + 0.0)
