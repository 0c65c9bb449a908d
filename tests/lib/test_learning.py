"""Tests of infotheory.learning: softmax, the loss from logits, its gradient, the trainer."""

import math

import numpy as np
import pytest
import scipy.special
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from infotheory import (
    cross_entropy,
    cross_entropy_loss,
    cross_entropy_loss_gradient,
    entropy,
    kl_divergence,
    log_softmax,
    logsumexp,
    normalize,
    one_hot,
    smooth_labels,
    softmax,
    train_softmax_classifier,
)

LN2 = math.log(2)

# --------------------------------------------------------------------------- strategies

finite_logits = st.floats(min_value=-50, max_value=50, allow_nan=False)


@st.composite
def logit_batches(draw, max_rows=6, max_classes=8):
    """A batch of logits, shape (n, k)."""
    n = draw(st.integers(1, max_rows))
    k = draw(st.integers(1, max_classes))
    return draw(hnp.arrays(np.float64, (n, k), elements=finite_logits))


@st.composite
def logits_and_labels(draw):
    z = draw(logit_batches())
    labels = np.array(
        draw(st.lists(st.integers(0, z.shape[1] - 1), min_size=len(z), max_size=len(z)))
    )
    return z, labels


@st.composite
def logits_and_targets(draw):
    """Logits and soft targets (probabilities per row) of the same shape."""
    z = draw(logit_batches())
    rows = [
        draw(
            st.lists(
                st.floats(0, 1e3), min_size=z.shape[1], max_size=z.shape[1]
            ).filter(lambda w: sum(w) > 0)
        )
        for _ in range(len(z))
    ]
    return z, normalize(np.array(rows))


CENTRES = np.array([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.5]])


def blobs(seed=2026, per_class=100, spread=0.9):
    """Three Gaussian blobs in the plane, shuffled: features (n, 2) and labels (n,)."""
    rng = np.random.default_rng(seed)
    centres = CENTRES
    x = np.concatenate([rng.normal(c, spread, size=(per_class, 2)) for c in centres])
    y = np.repeat(np.arange(3), per_class)
    order = rng.permutation(len(y))
    return x[order], y[order]


# --------------------------------------------------------------------------- known values


def test_equal_logits_give_a_uniform_distribution():
    np.testing.assert_array_equal(softmax([0.0, 0.0]), [0.5, 0.5])
    np.testing.assert_array_equal(softmax([7.0, 7.0, 7.0, 7.0]), [0.25] * 4)


def test_a_coin_flip_model_costs_one_bit_or_ln2_nats():
    assert cross_entropy_loss([0.0, 0.0], 0) == 1.0
    assert cross_entropy_loss([0.0, 0.0], 0, base=np.e) == pytest.approx(LN2, rel=1e-15)
    assert cross_entropy_loss(np.zeros((5, 8)), np.arange(5)) == pytest.approx(
        3.0, rel=1e-15
    )


def test_known_softmax_values():
    np.testing.assert_allclose(
        softmax([1.0, 2.0, 3.0]),
        np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum(),
        rtol=1e-15,
    )
    np.testing.assert_allclose(
        softmax([np.log(1.0), np.log(3.0)]), [0.25, 0.75], rtol=1e-15
    )


def test_loss_of_one_example_is_minus_log_of_its_probability():
    z = np.array([1.0, 2.0, 0.5])
    q = np.exp(z) / np.exp(z).sum()
    for label in range(3):
        assert cross_entropy_loss(z, label) == pytest.approx(
            -math.log2(q[label]), rel=1e-14
        )


def test_reductions():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=(6, 4)), rng.integers(0, 4, 6)
    each = cross_entropy_loss(z, y, reduction="none")
    assert each.shape == (6,)
    assert cross_entropy_loss(z, y) == pytest.approx(each.mean(), rel=1e-15)
    assert cross_entropy_loss(z, y, reduction="sum") == pytest.approx(
        each.sum(), rel=1e-15
    )
    assert type(cross_entropy_loss(z, y)) is float
    assert type(cross_entropy_loss(z[0], y[0], reduction="none")) is float


def test_labels_and_their_one_hot_targets_give_the_same_loss():
    rng = np.random.default_rng(1)
    z, y = rng.normal(size=(10, 5)) * 4, rng.integers(0, 5, 10)
    np.testing.assert_allclose(
        cross_entropy_loss(z, y, reduction="none"),
        cross_entropy_loss(z, one_hot(y, 5), reduction="none"),
        rtol=1e-14,
        atol=1e-15,
    )


def test_batches_with_more_axes():
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=(3, 4, 5)), rng.integers(0, 5, (3, 4))
    each = cross_entropy_loss(z, y, reduction="none")
    assert each.shape == (3, 4)
    np.testing.assert_allclose(
        each,
        cross_entropy_loss(z.reshape(12, 5), y.ravel(), reduction="none").reshape(3, 4),
    )
    assert cross_entropy_loss_gradient(z, y).shape == (3, 4, 5)


def test_one_hot_and_smoothed_labels():
    np.testing.assert_array_equal(one_hot([1, 0], 2), [[0, 1], [1, 0]])
    np.testing.assert_allclose(smooth_labels([2], 3, 0.3), [[0.1, 0.1, 0.8]])
    np.testing.assert_array_equal(smooth_labels([0, 1], 2, 0.0), one_hot([0, 1], 2))
    np.testing.assert_allclose(smooth_labels([0], 4, 1.0), [[0.25] * 4])


# --------------------------------------------------------------------------- scipy


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("scale", [1.0, 30.0, 1e4])
def test_agrees_with_scipy_log_softmax_and_logsumexp(seed, scale):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(7, int(rng.integers(1, 50)))) * scale
    np.testing.assert_allclose(
        log_softmax(z), scipy.special.log_softmax(z, axis=-1), rtol=1e-13, atol=1e-13
    )
    np.testing.assert_allclose(
        softmax(z), scipy.special.softmax(z, axis=-1), rtol=1e-12, atol=1e-300
    )
    np.testing.assert_allclose(
        logsumexp(z), scipy.special.logsumexp(z, axis=-1), rtol=1e-14
    )


def test_agrees_with_scipy_along_another_axis():
    z = np.random.default_rng(3).normal(size=(4, 5, 6)) * 10
    for axis in (0, 1, -1):
        np.testing.assert_allclose(
            log_softmax(z, axis=axis),
            scipy.special.log_softmax(z, axis=axis),
            atol=1e-13,
        )
        np.testing.assert_allclose(
            softmax(z, axis=axis), scipy.special.softmax(z, axis=axis), rtol=1e-12
        )
        np.testing.assert_allclose(
            logsumexp(z, axis=axis), scipy.special.logsumexp(z, axis=axis), rtol=1e-14
        )


def test_loss_agrees_with_scipy_log_softmax():
    rng = np.random.default_rng(4)
    z, y = rng.normal(size=(64, 10)) * 5, rng.integers(0, 10, 64)
    expected = -scipy.special.log_softmax(z, axis=-1)[np.arange(64), y]
    np.testing.assert_allclose(
        cross_entropy_loss(z, y, base=np.e, reduction="none"), expected, rtol=1e-13
    )
    np.testing.assert_allclose(
        cross_entropy_loss(z, y, reduction="none"), expected / LN2, rtol=1e-13
    )


# --------------------------------------------------------------------------- huge logits and masks


def test_huge_logits_stay_exact():
    z = np.array([1e4, 0.0, -1e4])
    np.testing.assert_array_equal(softmax(z), [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(log_softmax(z), [0.0, -1e4, -2e4])
    assert logsumexp(z) == 1e4
    assert cross_entropy_loss(z, 1, base=np.e) == 1e4
    assert cross_entropy_loss(z, 2, base=np.e) == 2e4
    assert (
        cross_entropy_loss(z, 0, base=np.e) == 0.0
    )  # exp(-1e4) is below the smallest float
    np.testing.assert_array_equal(
        cross_entropy_loss_gradient(z, 1, base=np.e), [1.0, -1.0, 0.0]
    )


def test_logits_at_the_edge_of_the_float_range_raise_no_warning():
    # 1e308 - (-1e308) overflows; the result must still be right (a probability of 0)
    # and, with RuntimeWarnings turned into errors by the test settings, silent.
    z = np.array([1e308, -1e308])
    np.testing.assert_array_equal(softmax(z), [1.0, 0.0])
    np.testing.assert_array_equal(log_softmax(z), [0.0, -np.inf])
    assert cross_entropy_loss(z, 0) == 0.0 and cross_entropy_loss(z, 1) == math.inf


def test_equal_huge_logits_split_evenly():
    np.testing.assert_array_equal(softmax([1e4, 1e4]), [0.5, 0.5])
    assert cross_entropy_loss([1e4, 1e4], 1) == 1.0


def test_minus_infinity_masks_a_class_out():
    z = np.array([[1.0, -np.inf, 1.0], [0.0, 0.0, -np.inf]])
    np.testing.assert_array_equal(softmax(z), [[0.5, 0.0, 0.5], [0.5, 0.5, 0.0]])
    np.testing.assert_array_equal(log_softmax(z)[:, 1], [-np.inf, -LN2])
    np.testing.assert_allclose(log_softmax(z), scipy.special.log_softmax(z, axis=-1))
    np.testing.assert_array_equal(
        cross_entropy_loss(z, [0, 1], reduction="none"), [1.0, 1.0]
    )
    gradient = cross_entropy_loss_gradient(z, [0, 1], base=np.e, reduction="sum")
    np.testing.assert_array_equal(gradient, [[-0.5, 0.0, 0.5], [0.5, -0.5, 0.0]])


def test_the_truth_in_a_masked_class_costs_infinity_not_nan():
    z = np.array([0.0, -np.inf, 0.0])
    assert cross_entropy_loss(z, 1) == math.inf
    assert cross_entropy_loss(z, [0.5, 0.5, 0.0]) == math.inf
    assert cross_entropy_loss(z, [0.5, 0.0, 0.5]) == 1.0  # p = 0 where q = 0: no cost
    assert np.isfinite(cross_entropy_loss_gradient(z, 1)).all()


def test_masks_in_a_batch_with_soft_targets():
    z = np.array([[0.0, -np.inf, 0.0], [0.0, 0.0, 0.0]])
    p = np.array([[0.5, 0.0, 0.5], [0.2, 0.3, 0.5]])
    expected = [1.0, cross_entropy(p[1], [1 / 3] * 3)]
    np.testing.assert_allclose(
        cross_entropy_loss(z, p, reduction="none"), expected, rtol=1e-15
    )


# --------------------------------------------------------------------------- tiny losses


def test_a_tiny_loss_keeps_its_digits():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 50
    z = [40.0, 0.0, 0.0]
    exact = mpmath.log(1 + 2 * mpmath.exp(-40))  # about 8.5e-18 nats
    assert cross_entropy_loss(z, 0, base=np.e) == pytest.approx(float(exact), rel=1e-15)
    assert cross_entropy_loss(z, 0) == pytest.approx(
        float(exact / mpmath.log(2)), rel=1e-15
    )
    assert cross_entropy_loss(z, [1.0, 0.0, 0.0], base=np.e) == pytest.approx(
        float(exact), rel=1e-15
    )
    assert -log_softmax(z)[0] == pytest.approx(float(exact), rel=1e-15)
    naive = scipy.special.logsumexp(z) - z[0]
    assert naive == 0.0  # what the usual formula gives


@pytest.mark.parametrize("seed", range(10))
def test_losses_match_high_precision_arithmetic(seed):
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 60
    rng = np.random.default_rng(seed)
    z = rng.normal(size=5) * 20
    p = rng.dirichlet(np.ones(5))
    lse = mpmath.log(sum(mpmath.exp(mpmath.mpf(v)) for v in z))
    for label in range(5):
        exact = lse - mpmath.mpf(z[label])
        assert cross_entropy_loss(z, label, base=np.e) == pytest.approx(
            float(exact), rel=1e-13, abs=1e-300
        )
    exact_soft = sum(mpmath.mpf(pi) * (lse - mpmath.mpf(zi)) for pi, zi in zip(p, z))
    assert cross_entropy_loss(z, p, base=np.e) == pytest.approx(
        float(exact_soft), rel=1e-13
    )


# --------------------------------------------------------------------------- gradient


def central_difference(f, z, h=1e-6):
    z = np.array(z, dtype=float)
    grad = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[index] += h
        down[index] -= h
        grad[index] = (f(up) - f(down)) / (2 * h)
    return grad


@pytest.mark.parametrize("base", [2, np.e])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("soft", [False, True])
def test_gradient_matches_finite_differences(base, reduction, soft):
    rng = np.random.default_rng(5)
    z = rng.normal(size=(4, 3)) * 2
    target = rng.dirichlet(np.ones(3), size=4) if soft else rng.integers(0, 3, 4)
    analytic = cross_entropy_loss_gradient(z, target, base=base, reduction=reduction)
    numeric = central_difference(
        lambda v: cross_entropy_loss(v, target, base=base, reduction=reduction), z
    )
    np.testing.assert_allclose(analytic, numeric, atol=1e-8)


def test_gradient_is_q_minus_p_and_the_mean_divides_by_the_batch():
    rng = np.random.default_rng(6)
    z, y = rng.normal(size=(8, 4)), rng.integers(0, 4, 8)
    q_minus_p = softmax(z) - one_hot(y, 4)
    np.testing.assert_allclose(
        cross_entropy_loss_gradient(z, y, base=np.e, reduction="sum"),
        q_minus_p,
        atol=1e-16,
    )
    np.testing.assert_allclose(
        cross_entropy_loss_gradient(z, y, base=np.e, reduction="none"),
        q_minus_p,
        atol=1e-16,
    )
    np.testing.assert_allclose(
        cross_entropy_loss_gradient(z, y, base=np.e), q_minus_p / 8, atol=1e-16
    )
    np.testing.assert_allclose(
        cross_entropy_loss_gradient(z, y), q_minus_p / 8 / LN2, atol=1e-16
    )


@given(logits_and_targets())
def test_gradient_rows_sum_to_zero(pair):
    z, p = pair
    rows = cross_entropy_loss_gradient(z, p, base=np.e, reduction="sum").sum(axis=-1)
    np.testing.assert_allclose(rows, 1.0 - p.sum(axis=-1), atol=1e-12)


# --------------------------------------------------------------------------- properties


@given(logit_batches())
def test_softmax_is_a_distribution(z):
    q = softmax(z)
    assert (q >= 0).all() and (q <= 1).all()
    np.testing.assert_allclose(q.sum(axis=-1), 1.0, rtol=1e-14)
    assert (log_softmax(z) <= 0).all()


@given(logits_and_labels(), st.floats(-1e3, 1e3))
def test_adding_a_constant_to_a_row_changes_nothing(pair, c):
    z, y = pair
    shifted = z + c * np.arange(1, len(z) + 1)[:, None]  # a different constant per row
    np.testing.assert_allclose(softmax(shifted), softmax(z), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(
        cross_entropy_loss(shifted, y, reduction="none"),
        cross_entropy_loss(z, y, reduction="none"),
        rtol=1e-9,
        atol=1e-9,
    )


@given(logits_and_labels())
def test_loss_is_never_negative(pair):
    assert (cross_entropy_loss(*pair, reduction="none") >= 0.0).all()


@given(logits_and_targets())
def test_soft_target_loss_is_never_below_the_entropy_of_the_target(pair):
    z, p = pair
    loss = cross_entropy_loss(z, p, reduction="none")
    assert (loss >= entropy(p) - 1e-9).all()


@given(logits_and_targets())
def test_loss_is_cross_entropy_of_the_softmax_and_exceeds_entropy_by_kl(pair):
    z, p = pair
    q = softmax(z)
    loss = cross_entropy_loss(z, p, reduction="none")
    np.testing.assert_allclose(loss, cross_entropy(p, q), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(
        loss - entropy(p), kl_divergence(p, q), rtol=1e-7, atol=1e-8
    )


@given(logit_batches(), st.sampled_from([np.e, 10.0, 3.0]))
def test_base_change_rescales_the_loss(z, base):
    y = np.zeros(len(z), dtype=int)
    assert cross_entropy_loss(z, y, base=base) == pytest.approx(
        cross_entropy_loss(z, y) / math.log2(base), rel=1e-12, abs=1e-300
    )


# --------------------------------------------------------------------------- the trainer


def test_trainer_reduces_the_loss_and_separates_the_blobs():
    x, y = blobs()
    model = train_softmax_classifier(x, y, steps=300, learning_rate=0.5)
    assert model.history[0] == pytest.approx(
        math.log2(3), rel=1e-15
    )  # zero weights: uniform
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


def test_a_diverging_run_is_reported():
    x = np.array([[1e300], [-1e300]])
    with pytest.raises(
        ValueError, match="training diverged at step 1: .* use a smaller learning_rate"
    ):
        train_softmax_classifier(x, [0, 1], steps=5, learning_rate=1e300)


# --------------------------------------------------------------------------- bad input


Z = np.zeros((2, 3))

BAD_INPUTS = [
    (
        lambda: softmax([0.0, float("nan")]),
        "logits contains nan at index 1; a logit must be a real number (or -inf",
    ),
    (
        lambda: cross_entropy_loss([[0.0, 1.0], [np.nan, 0.0]], [0, 1]),
        "logits contains nan at index (1, 0)",
    ),
    (
        lambda: log_softmax([0.0, np.inf]),
        "logits contains inf at index 1, and a softmax of +inf is undefined",
    ),
    (
        lambda: softmax([[0.0, 1.0], [-np.inf, -np.inf]]),
        "logits is -inf for every class in row 1: every class is masked out",
    ),
    (
        lambda: logsumexp([-np.inf]),
        "logits is -inf for every class: every class is masked out",
    ),
    (
        lambda: softmax([]),
        "logits is empty; pass at least one logit, for example [2.0, 1.0, 0.1]",
    ),
    (
        lambda: softmax(2.0),
        "logits is a single number (2.0), but a softmax needs one logit per class",
    ),
    (lambda: softmax(["a", "b"]), "logits must be a number or an array of numbers"),
    (lambda: softmax([0.0, 1.0], axis=1), "axis 1 is out of range"),
    (
        lambda: cross_entropy_loss(Z, [0, 3]),
        "target contains 3 at index 1, but there are 3 classes, so a label must be between 0 and 2",
    ),
    (lambda: cross_entropy_loss(Z, [-1, 0]), "target contains -1 at index 0"),
    (
        lambda: cross_entropy_loss(Z, [0.0, 1.0]),
        "target must be integers, but got floating-point numbers (float64); convert them with target.astype(int)",
    ),
    (
        lambda: cross_entropy_loss(Z, [0.5, 1.0]),
        "target must be whole class indices from 0 to 2, but contains 0.5 at index 0",
    ),
    (
        lambda: cross_entropy_loss(Z, [True, False]),
        "target must be class indices (integers), but got booleans",
    ),
    (
        lambda: cross_entropy_loss(Z, [0, 1, 2]),
        "target has shape (3,), but the logits need one class index per row, shape (2,)",
    ),
    (
        lambda: cross_entropy_loss(Z, np.zeros((2, 4))),
        "target has shape (2, 4), which fits logits of shape (2, 3) neither as class labels",
    ),
    (
        lambda: cross_entropy_loss(Z, [[0.5, 0.5, 0.5], [1, 0, 0]]),
        "target must sum to 1, but its entries along axis 1 at index 0 sum to 1.5",
    ),
    (
        lambda: cross_entropy_loss(Z, [[1.5, -0.5, 0], [1, 0, 0]]),
        "target contains -0.5 at index (0, 1), but probabilities cannot be negative",
    ),
    (
        lambda: cross_entropy_loss(Z, [[np.nan, 1, 0], [1, 0, 0]]),
        "target contains nan at index (0, 0)",
    ),
    (
        lambda: cross_entropy_loss(Z, [0, 1], base=1),
        "base must be a finite number greater than 1",
    ),
    (
        lambda: cross_entropy_loss(Z, [0, 1], reduction="average"),
        "reduction must be 'mean', 'sum' or 'none', but got 'average'",
    ),
    (lambda: cross_entropy_loss_gradient(Z, [0, 5]), "target contains 5 at index 1"),
    (
        lambda: one_hot([0, 2], 2),
        "labels contains 2 at index 1, but there are 2 classes",
    ),
    (
        lambda: one_hot([0], 0),
        "n_classes must be a whole number of classes, at least 1, but got 0",
    ),
    (
        lambda: smooth_labels([0], 2, 1.5),
        "smoothing must be a single finite number, at least 0 and at most 1",
    ),
    (
        lambda: train_softmax_classifier([1.0, 2.0], [0, 1]),
        "x must be a 2-D array with one row per example",
    ),
    (
        lambda: train_softmax_classifier([[np.nan], [1.0]], [0, 1]),
        "x contains nan at index (0, 0)",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [0, 1, 1]),
        "target must hold one class label per row of x (shape (2,))",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [0, 1], n_classes=1),
        "target contains 1 at index 1, but there are 1 classes",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [0.0, 1.0]),
        "target must be integers, but got floating-point numbers",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [[0.5, 0.5]]),
        "x has 2 rows but target has 1",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [[0.5, 0.5]] * 2, n_classes=3),
        "target gives probabilities for 2 classes, but n_classes is 3",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [0, 1], steps=-1),
        "steps must be a whole number of gradient steps, at least 0, but got -1",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [0, 1], learning_rate=0),
        "learning_rate must be a single finite number, greater than 0, but got 0.0",
    ),
    (
        lambda: train_softmax_classifier([[0.0], [1.0]], [0, 1]).predict([[0.0, 1.0]]),
        "x must have shape (n, 1) like the training features",
    ),
]


@pytest.mark.parametrize("call, message", BAD_INPUTS, ids=[m for _, m in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, message):
    with pytest.raises(ValueError) as error:
        call()
    assert message in str(error.value)


def test_targets_are_never_renormalised_silently():
    with pytest.raises(ValueError, match="normalize"):
        cross_entropy_loss([0.0, 0.0], [3.0, 1.0])


# --------------------------------------------------------------------------- memory


@pytest.mark.parametrize("soft", [False, True])
def test_the_batched_loss_makes_no_copy_of_the_logits(soft):
    # A large batch is processed in cache-sized blocks: the loss never allocates an
    # array the size of the logits (as z - max(z) or exp(z) would).
    import tracemalloc

    rng = np.random.default_rng(8)
    z = rng.normal(size=(4096, 1000))  # 32 MB
    target = (
        rng.dirichlet(np.ones(1000), size=4096) if soft else rng.integers(0, 1000, 4096)
    )
    cross_entropy_loss(z, target)  # warm up
    tracemalloc.start()
    try:
        cross_entropy_loss(z, target)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    limit = (
        z.nbytes // 2 if soft else z.nbytes // 4
    )  # validating soft targets needs a mask
    assert peak < limit, f"peak {peak:,} bytes for logits of {z.nbytes:,} bytes"
