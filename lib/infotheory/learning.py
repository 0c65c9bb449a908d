"""Cross-entropy as a loss: softmax, log-softmax, losses from logits and their gradient.

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

import numpy as np

from ._units import as_result, log_scale
from ._validation import (
    as_array,
    as_distribution,
    as_float_array,
    bad_entry,
    check_axis,
    check_base,
    check_choice,
    check_integer,
    check_number,
)

__all__ = [
    "binary_cross_entropy_loss",
    "cross_entropy_loss",
    "cross_entropy_loss_gradient",
    "log_softmax",
    "logsumexp",
    "one_hot",
    "sigmoid",
    "smooth_labels",
    "softmax",
]

#: The most numbers :func:`one_hot` builds: 2**27 float64, 1 GiB.
_MAX_ONE_HOT = 2**27

#: What :func:`cross_entropy_loss` can do with the losses of the examples.
_REDUCTIONS = ("mean", "sum", "none")


# ------------------------------------------------------------------------------ softmax


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
    return np.moveaxis(_softmax(z), -1, axis)


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
    return as_result(m + np.log1p(rest))


# ------------------------------------------------------------------------------ targets


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
    n_classes = check_integer(n_classes, "n_classes", "classes")
    labels = as_array(labels, "labels")
    labels = _as_labels(
        labels, "labels", labels.shape, n_classes, classes=f"n_classes is {n_classes}"
    )
    if labels.size * n_classes > _MAX_ONE_HOT:
        raise ValueError(
            f"one_hot of {labels.size:,} labels with n_classes={n_classes:,} would "
            f"hold {labels.size * n_classes:,} numbers, more than the {_MAX_ONE_HOT:,} "
            f"(1 GiB) this function builds; check n_classes, or work with the labels "
            f"themselves (cross_entropy_loss takes them directly)."
        )
    out = np.zeros((*labels.shape, n_classes))
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
    smoothing = check_number(smoothing, "smoothing", "0.1", low=0, high=1)
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
    z = _as_logits(logits)
    scale = log_scale(check_base(base))
    reduction = check_choice(reduction, "reduction", _REDUCTIONS)
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
    z = _as_logits(logits)
    scale = log_scale(check_base(base))
    reduction = check_choice(reduction, "reduction", _REDUCTIONS)
    kind, t = _as_target(target, z)
    gradient = _softmax_minus_target(z, kind, t)
    if reduction == "mean":
        scale /= max(z.size // z.shape[-1], 1)
    if scale != 1.0:
        gradient *= scale
    return gradient


# ------------------------------------------------------------------------------- checks


def _as_logits(values, name="logits"):
    """Return ``values`` as float64 logits, classes on the last axis, or raise.

    Only the type and shape are checked here: NaN, ``+inf`` and rows that are all
    ``-inf`` are caught by :func:`_check_row_maxima` from the row maxima that every
    softmax computes anyway, which costs nothing on a large batch. A float64 input is
    not copied.
    """
    array = as_float_array(values, name, what="logit", example="[2.0, 1.0, 0.1]")
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number ({float(array)!r}), but a softmax needs one "
            f"logit per class; pass a sequence such as [2.0, 1.0, 0.1] (classes on the "
            f"last axis)."
        )
    return array


def _logits_on_last_axis(logits, axis):
    """Checked logits with the class ``axis`` moved last, and that axis."""
    z = _as_logits(logits)
    axis = check_axis(axis, z.ndim)
    return np.moveaxis(z, axis, -1), axis


def _check_row_maxima(maxima, logits, name="logits"):
    """Raise unless every row maximum of ``logits`` is finite.

    ``np.argmax`` picks a NaN as the maximum, so a finite maximum in every row means the
    row holds no NaN, no ``+inf``, and at least one class that is not masked out with
    ``-inf``. Only when that fails is the whole array searched, to say where.
    """
    if np.isfinite(maxima).all():
        return
    if np.isnan(logits).any():
        value, where = bad_entry(logits, np.isnan(logits))
        raise ValueError(
            f"{name} contains {value}{where}; a logit must be a real number (or -inf "
            f"to mask a class out), so find where the NaN comes from, such as 0/0 or "
            f"inf - inf upstream, instead of passing it on."
        )
    if np.isposinf(logits).any():
        value, where = bad_entry(logits, np.isposinf(logits))
        raise ValueError(
            f"{name} contains {value}{where}, and a softmax of +inf is undefined; pass "
            f"finite logits (only -inf is allowed, to mask a class out)."
        )
    where = ""
    if maxima.ndim:
        row = np.unravel_index(np.flatnonzero(np.isneginf(maxima))[0], maxima.shape)
        row = tuple(int(i) for i in row)
        where = f" in row {row[0] if maxima.ndim == 1 else row}"
    raise ValueError(
        f"{name} is -inf for every class{where}: every class is masked out, so no "
        f"distribution is left; keep at least one class with a finite logit."
    )


def _as_labels(values, name, shape, n_classes, rows="the logits need", classes=None):
    """Return ``values`` as integer class indices of ``shape`` in ``[0, n_classes)``.

    ``rows`` says what asks for ``shape`` (``"x has 4 rows and needs"``) and
    ``classes`` what sets the number of classes (``"n_classes is 3"``), for the
    messages.
    """
    if isinstance(values, (str, bytes)):
        raise ValueError(
            f"{name} must be class indices (integers), but got the text {values!r}."
        )
    array = as_array(values, name)
    if array.dtype.kind == "b":
        raise ValueError(
            f"{name} must be class indices (integers), but got booleans; convert them "
            f"with {name}.astype(int) if True means class 1."
        )
    if array.dtype.kind == "f":
        whole = np.isfinite(array) & (array == np.round(array))
        if whole.all():
            raise ValueError(
                f"{name} must be integers, but got floating-point numbers "
                f"({array.dtype}); convert them with {name}.astype(int)."
            )
        value, where = bad_entry(array, ~whole)
        fix = (
            "to give probabilities per class instead, pass an array with the shape of "
            "the logits"
            if name == "target"
            else "pass whole numbers such as [0, 2, 1]"
        )
        raise ValueError(
            f"{name} must be whole class indices from 0 to {n_classes - 1}, but "
            f"contains {value}{where}; {fix}."
        )
    if array.dtype.kind not in "iu":
        raise ValueError(
            f"{name} must be class indices (integers), but got values of type "
            f"{array.dtype}."
        )
    if array.shape != tuple(shape):
        raise ValueError(
            f"{name} has shape {array.shape}, but {rows} one class index per "
            f"row, shape {tuple(shape)}; pass labels of that shape (nothing is "
            f"broadcast)."
        )
    if array.size:
        low, high = array.min(), array.max()
        if low < 0 or high >= n_classes:
            value = array.flat[
                int(np.flatnonzero((array < 0) | (array >= n_classes))[0])
            ]
            _, where = bad_entry(array, (array < 0) | (array >= n_classes))
            classes = classes or f"there are {n_classes} classes"
            raise ValueError(
                f"{name} contains {int(value)}{where}, but {classes}, so a label must "
                f"be between 0 and {n_classes - 1}."
            )
    return array


def _as_target(target, z):
    """Whether ``target`` holds labels or probabilities for logits ``z``, checked."""
    if isinstance(target, (str, bytes)):
        as_float_array(target, "target")  # raises with a clear message
    array = as_array(target, "target")
    if array.shape == z.shape:
        if (
            array.dtype.kind in "iu"
            and z.ndim == 1
            and not (array.sum() == 1 and array.min() >= 0)
        ):
            raise ValueError(
                f"target holds integers with the shape of logits {z.shape}, so it "
                f"would be probabilities per class, but they are not a distribution; "
                f"for class labels, logits needs a class axis: one row of "
                f"{z.shape[-1]} logits per example, shape (n, k), one label per row."
            )
        return "probabilities", as_distribution(array, "target")
    if array.ndim == z.ndim - 1:
        classes = f"the logits have {z.shape[-1]} classes"
        return "labels", _as_labels(
            array, "target", z.shape[:-1], z.shape[-1], classes=classes
        )
    raise ValueError(
        f"target has shape {array.shape}, which fits logits of shape {z.shape} neither "
        f"as class labels (shape {z.shape[:-1]}) nor as probabilities per class (shape "
        f"{z.shape}); pass one of those (nothing is broadcast)."
    )


# ------------------------------------------------------------------------------ helpers


def _shifted_exp(z):
    """The pieces every softmax quantity is made of, for logits of shape ``(..., k)``.

    Returns ``top`` (index of the largest logit, shape ``(..., 1)``), ``m`` (that
    logit), ``e = exp(z - m)`` with the top entry set to 0, and ``rest = e.sum(-1)``,
    so that ``logsumexp(z) = m + log1p(rest)`` keeps the digits of tiny ``rest``.
    Also validates ``z``: the row maxima are finite exactly when no row holds NaN or
    ``+inf`` or is entirely ``-inf``.
    """
    top = np.argmax(z, axis=-1)[..., None]
    m = np.take_along_axis(z, top, axis=-1)
    _check_row_maxima(m[..., 0], z)
    with np.errstate(over="ignore"):  # a gap beyond the float range: exp gives 0
        e = np.subtract(z, m)
    np.exp(e, out=e)
    np.put_along_axis(e, top, 0.0, axis=-1)
    return top, m, e, e.sum(axis=-1)


def _softmax(z):
    """The softmax of logits ``z`` along the last axis, as a new array.

    ``exp(z - m) / (1 + rest)`` from the pieces of :func:`_shifted_exp`, where the top
    class gets ``exp(0) = 1``.
    """
    top, _, q, rest = _shifted_exp(z)
    np.put_along_axis(q, top, 1.0, axis=-1)
    q /= (1.0 + rest)[..., None]
    return q


#: Entries of logits handled at a time by :func:`_log_normalizer`: 2 MiB of float64,
#: small enough for the processor's cache, so a large batch is read from memory once.
_BLOCK_ENTRIES = 1 << 18


def _log_normalizer(z, t=None):
    """``m``, ``rest`` and optionally ``gaps`` per row of logits of shape ``(..., k)``.

    ``m`` is the largest logit and ``rest`` the sum of ``exp(z - m)`` over every class
    but the top one, so ``logsumexp(z) = m + log1p(rest)``. With probabilities ``t`` of
    the same shape, ``gaps`` is ``sum(t * (m - z))``, where a class with ``t = 0`` adds
    0 even if it is masked out. The rows are processed in blocks of about
    :data:`_BLOCK_ENTRIES` entries that stay in cache, with no temporary array the size
    of ``z``. Validates ``z`` through the row maxima afterwards (NaN and infinities
    pass through the arithmetic silently and are reported by name).
    """
    k = z.shape[-1]
    rows = z.reshape(-1, k)
    targets = None if t is None else t.reshape(-1, k)
    n = rows.shape[0]
    m, rest = np.empty(n), np.empty(n)
    gaps = None if t is None else np.empty(n)
    step = max(1, _BLOCK_ENTRIES // k)
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
            # b = z - m is <= 0, and -inf for a masked class
            np.subtract(block, m[start:stop, None], out=b)
            if t is not None:
                w = np.multiply(b, targets[start:stop], out=weighted[:size])
                sums = w.sum(axis=1)
                if np.isnan(sums).any():  # 0 * -inf: a class the target rules out
                    w[np.isnan(w)] = 0.0  # costs 0
                    sums = w.sum(axis=1)
                np.negative(sums, out=gaps[start:stop])
            np.exp(b, out=b)
            b[inside, top] = 0.0
            b.sum(axis=1, out=rest[start:stop])
    shape = z.shape[:-1]
    m = m.reshape(shape)
    _check_row_maxima(m, z)
    return m, rest.reshape(shape), None if gaps is None else gaps.reshape(shape)


def _softmax_minus_target(z, kind, t):
    """``softmax(z) - p``, the gradient of the loss in nats per example."""
    q = _softmax(z)
    if kind == "labels":
        index = t[..., None]
        np.put_along_axis(
            q, index, np.take_along_axis(q, index, axis=-1) - 1.0, axis=-1
        )
    else:
        q -= t
    return q


def _reduce(losses, reduction, scale):
    """The losses per example reduced as asked, in the unit of ``scale``."""
    if reduction == "mean":
        value = losses.mean()
    elif reduction == "sum":
        value = losses.sum()
    else:
        value = losses
    if scale != 1.0:
        value = value * scale
    return as_result(value + 0.0)


# ------------------------------------------------------------ two classes: the sigmoid


def sigmoid(logits):
    """The logistic function ``1 / (1 + exp(-z))``, elementwise: a logit's probability.

    With two classes a model needs one logit ``z``, the log-odds ``log(q / (1 - q))``
    of class 1, and ``q = sigmoid(z)``. It is the softmax of the two logits ``(0, z)``.
    Computed as ``1 / (1 + exp(-z))`` for ``z >= 0`` and ``exp(z) / (1 + exp(z))``
    below, so no exponential overflows; ``-inf`` gives exactly 0 and ``+inf`` exactly 1.

    Parameters
    ----------
    logits : float or array_like
        Real numbers (log-odds), applied elementwise; ``-inf`` and ``+inf`` allowed.

    Returns
    -------
    float or ndarray
        Probabilities in ``[0, 1]``: a float for a scalar, an array of the same shape
        otherwise.

    Raises
    ------
    ValueError
        If ``logits`` is empty, is not numeric or holds ``NaN``.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), sections 3.10 and 6.2.2.2.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([np.log(3.0), -np.log(3.0)])      # odds 3 : 1 and 1 : 3
    array([0.75, 0.25])
    >>> sigmoid([-1000.0, 1000.0])                 # no overflow
    array([0., 1.])
    """
    z = _as_binary_logits(logits)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    q = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return as_result(q)


def binary_cross_entropy_loss(logits, target, base=2, reduction="mean"):
    """Binary cross-entropy of logits ``z`` against probabilities ``t`` of class 1.

    For one logit ``z`` (the model says ``q = sigmoid(z)``) and target ``t`` (a label 0
    or 1, or a soft probability) the loss is
    ``-(t * log_base(q) + (1 - t) * log_base(1 - q))``: the cross-entropy of the
    two-outcome distributions ``(1 - t, t)`` and ``(1 - q, q)``. It equals
    :func:`cross_entropy_loss` of the two logits ``(0, z)``. Every entry is its own
    two-class problem, so an array of logits is also a *multi-label* problem: one
    independent yes/no question per entry.

    Parameters
    ----------
    logits : float or array_like
        One logit (log-odds of class 1) per entry, any shape; ``-inf`` and ``+inf``
        mean a model certain of class 0 or class 1.
    target : float or array_like
        The probability of class 1 for each entry, between 0 and 1, with exactly the
        shape of ``logits`` (nothing is broadcast). Labels 0 and 1 are the usual case.
    base : float, default 2
        2 gives bits; ``np.e`` gives nats, the unit machine-learning frameworks report.
    reduction : {"mean", "sum", "none"}, default "mean"
        Average over every entry (as PyTorch's ``BCEWithLogitsLoss`` does: bits per
        yes/no decision), add them up, or return one loss per entry.

    Returns
    -------
    float or ndarray
        The loss, ``>= 0``; ``+inf`` if the model is certain (an infinite logit) of
        the outcome the target rules out. A float for ``"mean"``, ``"sum"`` or a
        single entry; otherwise an array of the shape of ``logits``.

    Raises
    ------
    ValueError
        For ``NaN`` logits, targets outside ``[0, 1]`` or of another shape, a bad
        ``base`` or ``reduction``.

    Notes
    -----
    Computed from the logit, never from ``q``: per entry, in nats,
    ``t * softplus(-z) + (1 - t) * softplus(z)`` with
    ``softplus(u) = log(1 + exp(u)) = max(u, 0) + log1p(exp(-|u|))``, because
    ``-log(sigmoid(z)) = softplus(-z)`` and ``-log(1 - sigmoid(z)) = softplus(z)``.
    Nothing overflows, and a confident right answer keeps its tiny loss: ``z = 40``
    with ``t = 1`` costs ``log1p(exp(-40))``, about ``4.2e-18`` nats, where
    ``-log(sigmoid(40))`` gives 0. A term whose weight (``t`` or ``1 - t``) is 0 adds 0
    even when its logit is infinite. The gradient with respect to ``z`` is
    ``sigmoid(z) - t`` in nats, the two-class case of ``q - p``.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), sections 6.2.2.2 and 3.13; Cover & Thomas
    (2006), section 2.3.

    Examples
    --------
    >>> binary_cross_entropy_loss(0.0, 1)            # a coin flip: one bit
    1.0
    >>> round(binary_cross_entropy_loss(np.log(3.0), 1, base=np.e), 6)  # ln(4/3)
    0.287682
    >>> losses = binary_cross_entropy_loss([2.0, -1.0], [1, 0], reduction="none")
    >>> losses.round(4)
    array([0.1831, 0.4519])
    >>> binary_cross_entropy_loss(40.0, 1, base=np.e)   # not rounded to 0
    4.248354255291589e-18
    >>> binary_cross_entropy_loss([[0.0, 0.0]], [[0.25, 1.0]])   # multi-label, soft
    1.0
    """
    z = _as_binary_logits(logits)
    t = _as_binary_target(target, z.shape)
    scale = log_scale(check_base(base))
    reduction = check_choice(reduction, "reduction", _REDUCTIONS)
    shared = np.log1p(np.exp(-np.abs(z)))  # softplus(u) = max(u, 0) + this, u = +-z
    with np.errstate(invalid="ignore"):  # 0 * inf where a weight is 0: set to 0 below
        to_one = t * (np.maximum(-z, 0.0) + shared)  # t * -log(q)
        to_zero = (1.0 - t) * (np.maximum(z, 0.0) + shared)  # (1 - t) * -log(1 - q)
    losses = np.where(t == 0, 0.0, to_one) + np.where(t == 1, 0.0, to_zero)
    return _reduce(losses, reduction, scale)


def _as_binary_logits(values):
    """Return ``values`` as float64 logits for :func:`sigmoid`, or raise on NaN."""
    z = as_float_array(values, "logits", what="logit", example="[2.0, -1.0]")
    if np.isnan(z).any():
        value, where = bad_entry(z, np.isnan(z))
        raise ValueError(
            f"logits contains {value}{where}; a logit must be a real number (or +-inf "
            f"for a certain model), so find where the NaN comes from, such as 0/0 or "
            f"inf - inf upstream, instead of passing it on."
        )
    return z


def _as_binary_target(values, shape):
    """Return ``values`` as probabilities of class 1 of ``shape``, or raise."""
    t = as_float_array(values, "target", example="[1.0, 0.0]")
    if t.shape != shape:
        raise ValueError(
            f"target has shape {t.shape}, but logits has shape {shape}; pass one "
            f"target (the probability of class 1) per logit (nothing is broadcast)."
        )
    inside = (t >= 0) & (t <= 1)  # NaN fails both comparisons
    if not inside.all():
        value, where = bad_entry(t, ~inside)
        raise ValueError(
            f"target contains {value}{where}, but a target is the probability of "
            f"class 1, between 0 and 1; pass labels 0 and 1, or probabilities."
        )
    return t
