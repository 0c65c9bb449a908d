"""A tiny softmax classifier, trained by gradient descent on the cross-entropy loss.

The classifier is multinomial logistic regression: logits ``z = x @ weights + bias``,
probabilities ``q = softmax(z)``. Training minimises the mean cross-entropy of the
targets relative to ``q``, using the loss and the gradient of
:mod:`infotheory.learning`, so the book's model learns by exactly the formulas the
book teaches.

References
----------
I. Goodfellow, Y. Bengio and A. Courville, *Deep Learning*, MIT Press (2016),
sections 5.5 and 6.2.2.3. C. M. Bishop, *Pattern Recognition and Machine Learning*,
Springer (2006), section 4.3.4.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._units import log_scale
from ._validation import (
    as_array,
    as_distribution,
    as_real_array,
    check_base,
    check_integer,
    check_number,
)
from .learning import (
    _as_labels,
    cross_entropy_loss,
    cross_entropy_loss_gradient,
    softmax,
)

__all__ = ["SoftmaxClassifier", "train_softmax_classifier"]

#: Training has diverged when the loss exceeds this many times that of the untrained
#: model (every class equally likely: ln k nats), or 1 nat if that is smaller.
_DIVERGED = 100.0
#: The most gradient steps one call takes.
_MAX_STEPS = 10**7
#: The most parameters (weights and biases) one classifier has: 2**27 floats, 1 GiB.
_MAX_PARAMETERS = 2**27


@dataclass(frozen=True, eq=False)
class SoftmaxClassifier:
    """A fitted softmax classifier: ``q = softmax(x @ weights + bias)``.

    Also known as multinomial logistic regression. :func:`train_softmax_classifier`
    returns one.

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

    Examples
    --------
    One feature, two classes: class 0 for positive ``x``, class 1 for negative.

    >>> model = SoftmaxClassifier(
    ...     weights=np.array([[1.0, -1.0]]), bias=np.zeros(2),
    ...     history=np.array([1.0]), base=2.0,
    ... )
    >>> model.logits([[2.0], [-3.0]])
    array([[ 2., -2.],
           [-3.,  3.]])
    >>> model.predict([[2.0], [-3.0]])
    array([0, 1])
    >>> model.predict_proba([[0.0]])
    array([[0.5, 0.5]])
    >>> model.accuracy([[2.0], [-3.0], [1.0]], [0, 1, 1])
    0.6666666666666666
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
        """The share of rows of ``x`` whose predicted class is its label, a float."""
        predicted = self.predict(x)
        labels = _as_labels(
            labels,
            "labels",
            predicted.shape,
            self.bias.shape[0],
            rows=f"x has {len(predicted)} rows and needs",
            classes=f"the model has {self.bias.shape[0]} classes",
        )
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
        ``step`` steps, for ``step = 0, ..., steps``: to record anything else on the
        way.

    Returns
    -------
    SoftmaxClassifier
        The fitted weights and bias, and the loss after each step in ``history``.

    Raises
    ------
    ValueError
        For bad features, labels or targets, a bad ``steps``, ``learning_rate`` or
        ``base``, or when training diverges (the learning rate is too large): the logits
        stop being finite, or the loss exceeds 100 times that of the untrained model.

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
            f"x must be a 2-D array with one row per example and one column per "
            f"feature, but has shape {x.shape}; use x.reshape(-1, 1) for a single "
            f"feature."
        )
    n, d = x.shape
    steps = check_integer(
        steps, "steps", "gradient steps", minimum=0, maximum=_MAX_STEPS
    )
    learning_rate = check_number(
        learning_rate, "learning_rate", "0.5", low=0, low_open=True
    )
    scale = log_scale(check_base(base))
    if n_classes is not None:
        n_classes = check_integer(n_classes, "n_classes", "classes")
    if callback is not None and not callable(callback):
        raise ValueError(
            f"callback must be a function, called as callback(step, weights, bias), "
            f"or None, but got {callback!r}."
        )
    target, k = _training_target(target, n, n_classes)
    if (d + 1) * k > _MAX_PARAMETERS:
        raise ValueError(
            f"a classifier of {d} features and {k:,} classes (n_classes) would have "
            f"{(d + 1) * k:,} parameters, more than the {_MAX_PARAMETERS:,} this "
            f"function trains; check n_classes and the labels in target."
        )
    weights, bias = np.zeros((d, k)), np.zeros(k)
    history = np.empty(steps + 1)
    for step in range(steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):  # checked right below
            z = x @ weights + bias
        try:  # the loss and its gradient in nats, per example
            loss = cross_entropy_loss(z, target, base=np.e)
            gradient = cross_entropy_loss_gradient(
                z, target, base=np.e, reduction="sum"
            )
        except ValueError:  # the logits are no longer finite
            raise ValueError(
                f"training diverged at step {step}: the logits are no longer finite; "
                f"use a smaller learning_rate than {learning_rate!r}, or rescale x "
                f"(features of order 1 train best)."
            ) from None
        if loss > _DIVERGED * max(history[0] / scale if step else loss, 1.0):
            raise ValueError(
                f"training diverged at step {step}: the loss rose to "
                f"{loss * scale:.3g} from {history[0]:.3g} for the untrained model (in "
                f"the unit of base {float(base):g}); use a smaller learning_rate than "
                f"{learning_rate!r}, or rescale x (features of order 1 train best)."
            )
        history[step] = loss * scale
        if callback is not None:
            callback(step, weights.copy(), bias.copy())
        if step == steps:
            break
        gradient /= n
        with np.errstate(over="ignore", invalid="ignore"):  # shows in the next logits
            weights -= learning_rate * (x.T @ gradient)
            bias -= learning_rate * gradient.sum(axis=0)
    return SoftmaxClassifier(
        weights=weights, bias=bias, history=history, base=float(base)
    )


# ------------------------------------------------------------------------------- checks


def _training_target(target, n, n_classes):
    """The validated ``target`` for ``n`` examples and its number of classes."""
    array = (
        as_array(target, "target") if not isinstance(target, (str, bytes)) else target
    )
    if np.ndim(array) == 2:
        p = as_distribution(array, "target")
        if p.shape[0] != n:
            raise ValueError(
                f"x has {n} rows but target has {p.shape[0]}; give one target per "
                f"example."
            )
        if n_classes is not None and p.shape[1] != n_classes:
            raise ValueError(
                f"target gives probabilities for {p.shape[1]} classes, but n_classes "
                f"is {n_classes}; make them agree."
            )
        return p, p.shape[1]
    if np.ndim(array) != 1 or np.shape(array)[0] != n:
        raise ValueError(
            f"target must hold one class label per row of x (shape ({n},)) or "
            f"probabilities of shape ({n}, k), but has shape {np.shape(array)}."
        )
    classes = None if n_classes is None else f"n_classes is {n_classes}"
    if n_classes is None:
        is_integer = getattr(array, "dtype", np.dtype(float)).kind in "iu"
        n_classes = max(int(array.max()) + 1, 1) if is_integer else 1
    rows = f"x has {n} rows and needs"
    labels = _as_labels(array, "target", (n,), n_classes, rows=rows, classes=classes)
    return labels, n_classes


def _features(x, d):
    """Return ``x`` as features of shape ``(n, d)``, like the training features."""
    x = as_real_array(x, "x")
    if x.ndim != 2 or x.shape[1] != d:
        raise ValueError(
            f"x must have shape (n, {d}) like the training features, but has shape "
            f"{x.shape}."
        )
    return x
