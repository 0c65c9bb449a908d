"""Tests of infotheory.classifier: the softmax classifier and its trainer."""

import math

import numpy as np
import pytest

from infotheory import entropy
from infotheory.classifier import SoftmaxClassifier, train_softmax_classifier
from infotheory.learning import (
    cross_entropy_loss,
    cross_entropy_loss_gradient,
    smooth_labels,
    softmax,
)

LN2 = math.log(2)

CENTRES = np.array([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]])


def blobs(seed=2026, per_class=100, spread=0.9):
    """Three Gaussian blobs in the plane, shuffled: features (n, 2) and labels (n,)."""
    rng = np.random.default_rng(seed)
    centres = CENTRES
    x = np.concatenate([rng.normal(c, spread, size=(per_class, 2)) for c in centres])
    y = np.repeat(np.arange(3), per_class)
    order = rng.permutation(len(y))
    return x[order], y[order]


# ---------------------------------------------------------------------------- the model


def test_the_model_is_softmax_of_an_affine_map():
    weights, bias = np.array([[1.0, -1.0, 0.0], [0.5, 0.0, 2.0]]), np.array([0, 1, -1])
    model = SoftmaxClassifier(weights, bias, history=np.array([1.5]), base=2.0)
    x = np.array([[1.0, 2.0], [-1.0, 0.0], [0.0, 0.5]])
    np.testing.assert_array_equal(model.logits(x), x @ weights + bias)
    np.testing.assert_array_equal(model.predict_proba(x), softmax(x @ weights + bias))
    assert model.predict(x).tolist() == [2, 1, 1]
    assert model.accuracy(x, [2, 1, 0]) == pytest.approx(2 / 3)
    assert type(model.accuracy(x, np.array([2, 1, 1]))) is float


# -------------------------------------------------------------------------- the trainer


def test_trainer_reduces_the_loss_and_separates_the_blobs():
    x, y = blobs()
    model = train_softmax_classifier(x, y, steps=300, learning_rate=0.5)
    assert model.history[0] == pytest.approx(math.log2(3), rel=1e-15)  # uniform
    assert len(model.history) == 301
    assert (np.diff(model.history) < 0).all()  # every step lowers the loss
    assert model.history[-1] < 0.25
    # The blobs overlap; the best possible rule (nearest centre, for equal round blobs)
    # is linear, so the classifier should nearly match it.
    best = np.mean(np.argmin(((x[:, None, :] - CENTRES) ** 2).sum(-1), axis=1) == y)
    assert best > 0.93
    assert model.accuracy(x, y) >= best - 0.01
    assert model.weights.shape == (2, 3) and model.bias.shape == (3,)
    np.testing.assert_allclose(model.predict_proba(x).sum(axis=1), 1.0)


def test_trainer_history_matches_the_loss_of_its_parameters():
    x, y = blobs(per_class=20)
    seen = []
    model = train_softmax_classifier(
        x, y, steps=10, base=np.e, callback=lambda s, w, b: seen.append((s, w, b))
    )
    assert [s for s, _, _ in seen] == list(range(11))
    for step, weights, bias in seen:
        assert model.history[step] == pytest.approx(
            cross_entropy_loss(x @ weights + bias, y, base=np.e), rel=1e-13
        )
    np.testing.assert_array_equal(seen[-1][1], model.weights)


def test_trainer_is_deterministic():
    x, y = blobs(per_class=30)
    first = train_softmax_classifier(x, y, steps=50)
    second = train_softmax_classifier(x, y, steps=50)
    np.testing.assert_array_equal(first.weights, second.weights)
    np.testing.assert_array_equal(first.history, second.history)


def test_trainer_takes_gradient_steps_on_the_loss_in_nats_whatever_the_base():
    x, y = blobs(per_class=20)
    bits = train_softmax_classifier(x, y, steps=20)
    nats = train_softmax_classifier(x, y, steps=20, base=np.e)
    np.testing.assert_array_equal(bits.weights, nats.weights)
    np.testing.assert_allclose(bits.history, nats.history / LN2, rtol=1e-14)


def test_trainer_with_smoothed_labels_stays_above_their_entropy():
    x, y = blobs(per_class=40)
    p = smooth_labels(y, 3, 0.2)
    model = train_softmax_classifier(x, p, steps=200)
    floor = entropy(p[0])
    assert (model.history > floor).all()
    assert model.history[-1] - floor < 0.2
    assert model.accuracy(x, y) >= 0.9


def test_zero_steps_return_the_untrained_model():
    x, y = blobs(per_class=5)
    model = train_softmax_classifier(x, y, steps=0)
    assert model.history.tolist() == [pytest.approx(math.log2(3))]
    assert not model.weights.any()


def test_a_step_descends_the_mean_loss_by_its_gradient():
    x, y = blobs(per_class=10)
    seen = []
    train_softmax_classifier(
        x, y, steps=1, learning_rate=0.3, callback=lambda s, w, b: seen.append((w, b))
    )
    (w0, b0), (w1, b1) = seen
    gradient = cross_entropy_loss_gradient(x @ w0 + b0, y, base=np.e)
    np.testing.assert_allclose(w1, w0 - 0.3 * x.T @ gradient, rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(b1, b0 - 0.3 * gradient.sum(axis=0), atol=1e-16)


def test_the_number_of_classes_can_exceed_the_labels_seen():
    x, y = blobs(per_class=5)
    model = train_softmax_classifier(x, y, n_classes=5, steps=3)
    assert model.weights.shape == (2, 5)
    assert model.history[0] == pytest.approx(math.log2(5), rel=1e-15)
    assert set(model.predict(x)) <= {0, 1, 2}


# ---------------------------------------------------------------------------- bad input

X = np.array([[0.0], [1.0]])
MODEL = train_softmax_classifier(X, [0, 1], steps=1)

# Each message names the argument, says what is wrong and how to fix it.
BAD_INPUTS = [
    (
        lambda: train_softmax_classifier([1.0, 2.0], [0, 1]),
        r"^x must be a 2-D array with one row per example and one column per feature, "
        r"but has shape \(2,\); use x\.reshape\(-1, 1\)",
    ),
    (
        lambda: train_softmax_classifier([[np.nan], [1.0]], [0, 1]),
        r"^x contains nan at index \(0, 0\); every entry must be a finite number",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1, 1]),
        r"^target must hold one class label per row of x \(shape \(2,\)\) or "
        r"probabilities of shape \(2, k\), but has shape \(3,\)",
    ),
    (
        lambda: train_softmax_classifier(X, "01"),
        r"^target must hold one class label per row of x",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1], n_classes=1),
        r"^target contains 1 at index 1, but n_classes is 1, so a label must be",
    ),
    (
        lambda: train_softmax_classifier(X, [0.0, 1.0]),
        r"^target must be integers, but got floating-point numbers .*astype\(int\)",
    ),
    (
        lambda: train_softmax_classifier(X, [[0.5, 0.5]]),
        r"^x has 2 rows but target has 1; give one target per example",
    ),
    (
        lambda: train_softmax_classifier(X, [[0.5, 0.5]] * 2, n_classes=3),
        r"^target gives probabilities for 2 classes, but n_classes is 3; make them "
        r"agree",
    ),
    (
        lambda: train_softmax_classifier(X, [[0.5, 0.6]] * 2),
        r"^target must sum to 1, .*normalize\(target\)",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1], n_classes=0),
        r"^n_classes must be a whole number of classes, at least 1, but got 0",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1], steps=-1),
        r"^steps must be a whole number of gradient steps, at least 0, but got -1",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1], steps=2.0),
        r"^steps must be a whole number of gradient steps",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1], learning_rate=0),
        r"^learning_rate must be a single finite number, greater than 0, but got 0\.0; "
        r"pass for example 0\.5",
    ),
    (
        lambda: train_softmax_classifier(X, [0, 1], base=1),
        r"^base must be a finite number greater than 1",
    ),
    (
        lambda: train_softmax_classifier(
            np.array([[1e300], [-1e300]]), [0, 1], steps=5, learning_rate=1e300
        ),
        r"^training diverged at step 1: the logits are no longer finite; use a "
        r"smaller learning_rate than 1e\+300",
    ),
    (
        lambda: MODEL.predict([[0.0, 1.0]]),
        r"^x must have shape \(n, 1\) like the training features, but has shape "
        r"\(1, 2\)",
    ),
    (lambda: MODEL.predict_proba([[np.inf]]), r"^x contains inf at index \(0, 0\)"),
    (
        lambda: MODEL.accuracy(X, [0, 2]),
        r"^labels contains 2 at index 1, but the model has 2 classes, so a label",
    ),
    (
        lambda: MODEL.accuracy(X, [0]),
        r"^labels has shape \(1,\), but x has 2 rows and needs one class index per "
        r"row, shape \(2,\)",
    ),
    (
        lambda: MODEL.accuracy(X, [[0], [1, 1]]),
        r"^labels must be a number or an array of numbers, but got "
        r"\[\[0\], \[1, 1\]\], whose rows",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_a_loss_that_explodes_is_divergence_even_while_finite():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(50, 2)) * 3
    y = (x[:, 0] > 0).astype(int)
    with pytest.raises(
        ValueError,
        match=r"^training diverged at step 1: the loss rose to .* from 1 for the "
        r"untrained model .*use a smaller learning_rate than 100000\.0, or rescale x",
    ):
        train_softmax_classifier(x, y, steps=20, learning_rate=1e5)
    model = train_softmax_classifier(x, y, steps=20, learning_rate=1.0)
    assert model.history[-1] < model.history[0]


def test_a_callback_that_cannot_be_called_and_a_huge_class_count_are_named():
    with pytest.raises(ValueError, match=r"^callback must be a function, called as"):
        train_softmax_classifier(X, [0, 1], callback="print")
    with pytest.raises(ValueError, match=r"classes \(n_classes\) would have"):
        train_softmax_classifier(X, [0, 1], n_classes=10**9)
