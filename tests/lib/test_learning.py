"""Tests of infotheory.learning: softmax, the loss from logits, its gradient, labels."""

import math

import numpy as np
import pytest
import scipy.special
from hypothesis import given
from hypothesis import strategies as st

from infotheory import (
    cross_entropy,
    entropy,
    kl_divergence,
)
from infotheory.learning import (
    binary_cross_entropy_loss,
    cross_entropy_loss,
    cross_entropy_loss_gradient,
    log_softmax,
    logsumexp,
    one_hot,
    sigmoid,
    smooth_labels,
    softmax,
)
from tests.lib.strategies import (
    finite_logits,
    logit_batches,
    logits_and_labels,
    logits_and_targets,
)

LN2 = math.log(2)

# ------------------------------------------------------------------------- known values


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


# -------------------------------------------------------------------------------- scipy


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


# ---------------------------------------------------------------- huge logits and masks


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


# -------------------------------------------------------------------------- tiny losses


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


# ----------------------------------------------------------------------------- gradient


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


# ---------------------------------------------------------------------------- bad input


Z = np.zeros((2, 3))

# Each message names the argument, says what is wrong and how to fix it.
BAD_INPUTS = [
    (
        lambda: softmax([0.0, float("nan")]),
        r"^logits contains nan at index 1; a logit must be a real number \(or -inf to "
        r"mask a class out\), so find where the NaN comes from",
    ),
    (
        lambda: cross_entropy_loss([[0.0, 1.0], [np.nan, 0.0]], [0, 1]),
        r"^logits contains nan at index \(1, 0\)",
    ),
    (
        lambda: log_softmax([0.0, np.inf]),
        r"^logits contains inf at index 1, and a softmax of \+inf is undefined; pass "
        r"finite logits",
    ),
    (
        lambda: softmax([[0.0, 1.0], [-np.inf, -np.inf]]),
        r"^logits is -inf for every class in row 1: every class is masked out, .*keep "
        r"at least one class with a finite logit",
    ),
    (
        lambda: softmax(np.full((2, 2, 2), -np.inf)),
        r"^logits is -inf for every class in row \(0, 0\)",
    ),
    (lambda: logsumexp([-np.inf]), r"^logits is -inf for every class: every class"),
    (
        lambda: softmax([]),
        r"^logits is empty; pass at least one logit, for example \[2\.0, 1\.0, 0\.1\]",
    ),
    (
        lambda: softmax(2.0),
        r"^logits is a single number \(2\.0\), but a softmax needs one logit per "
        r"class; pass a sequence",
    ),
    (
        lambda: softmax(["a", "b"]),
        r"^logits must be a number or an array of numbers",
    ),
    (lambda: softmax([0.0, 1.0], axis=1), r"^axis 1 is out of range"),
    (lambda: logsumexp([0.0, 1.0], axis=0.5), r"^axis must be an integer"),
    (
        lambda: cross_entropy_loss(Z, [0, 3]),
        r"^target contains 3 at index 1, but the logits have 3 classes, so a label "
        r"must be between 0 and 2",
    ),
    (lambda: cross_entropy_loss(Z, [-1, 0]), r"^target contains -1 at index 0"),
    (
        lambda: cross_entropy_loss(Z, [0.0, 1.0]),
        r"^target must be integers, but got floating-point numbers \(float64\); "
        r"convert them with target\.astype\(int\)",
    ),
    (
        lambda: cross_entropy_loss(Z, [0.5, 1.0]),
        r"^target must be whole class indices from 0 to 2, but contains 0\.5 at index "
        r"0; to give probabilities per class instead, pass an array with the shape",
    ),
    (
        lambda: cross_entropy_loss(Z, [True, False]),
        r"^target must be class indices \(integers\), but got booleans; convert them "
        r"with target\.astype\(int\)",
    ),
    (
        lambda: cross_entropy_loss(Z, np.array(["a", "b"])),
        r"^target must be class indices \(integers\), but got values of type <U1",
    ),
    (
        lambda: cross_entropy_loss(Z, [0, 1, 2]),
        r"^target has shape \(3,\), but the logits need one class index per row, "
        r"shape \(2,\); pass labels of that shape \(nothing is broadcast\)",
    ),
    (
        lambda: cross_entropy_loss(Z, np.zeros((2, 4))),
        r"^target has shape \(2, 4\), which fits logits of shape \(2, 3\) neither as "
        r"class labels \(shape \(2,\)\) nor as probabilities per class .*nothing is "
        r"broadcast",
    ),
    (
        lambda: cross_entropy_loss(Z, [[0.5, 0.5, 0.5], [1, 0, 0]]),
        r"^target must sum to 1, but its entries along axis 1 at index 0 sum to 1\.5",
    ),
    (
        lambda: cross_entropy_loss(Z, [[1.5, -0.5, 0], [1, 0, 0]]),
        r"^target contains -0\.5 at index \(0, 1\), but probabilities cannot be",
    ),
    (
        lambda: cross_entropy_loss(Z, [[np.nan, 1, 0], [1, 0, 0]]),
        r"^target contains nan at index \(0, 0\)",
    ),
    (
        lambda: cross_entropy_loss(Z, [0, 1], base=1),
        r"^base must be a finite number greater than 1",
    ),
    (
        lambda: cross_entropy_loss(Z, [0, 1], reduction="average"),
        r"^reduction must be 'mean', 'sum' or 'none', but got 'average'",
    ),
    (
        lambda: cross_entropy_loss_gradient(Z, [0, 1], reduction="batchmean"),
        r"^reduction must be 'mean', 'sum' or 'none', but got 'batchmean'",
    ),
    (lambda: cross_entropy_loss_gradient(Z, [0, 5]), r"^target contains 5 at index 1"),
    (
        lambda: one_hot([0, 2], 2),
        r"^labels contains 2 at index 1, but n_classes is 2, so a label must be "
        r"between 0 and 1",
    ),
    (
        lambda: cross_entropy_loss(Z, [[0], [1, 1]]),
        r"^target must be a number or an array of numbers, but got",
    ),
    (lambda: one_hot("01", 2), r"^labels must be class indices \(integers\), but got"),
    (
        lambda: one_hot([0], 0),
        r"^n_classes must be a whole number of classes, at least 1, but got 0",
    ),
    (
        lambda: one_hot([0, 1], 10**12),
        r"^one_hot of 2 labels with n_classes=1,000,000,000,000 would hold "
        r"2,000,000,000,000 numbers, more than the 134,217,728 \(1 GiB\)",
    ),
    (
        lambda: softmax([1.0 + 2j, 0.0]),
        r"^logits must contain real numbers, but got complex values; pass real logits",
    ),
    (
        lambda: cross_entropy_loss([0.0, 1.0, 2.0], [0, 2, 1]),
        r"^target holds integers with the shape of logits \(3,\), so it would be "
        r"probabilities per class, .*logits needs a class axis",
    ),
    (
        lambda: one_hot([0.5], 2),
        r"^labels must be whole class indices from 0 to 1, but contains 0\.5 at index "
        r"0; pass whole numbers",
    ),
    (
        lambda: one_hot(np.ma.array([0, 1], mask=[0, 1]), 2),
        r"^labels is a masked array with 1 masked entry",
    ),
    (
        lambda: smooth_labels([0], 2, 1.5),
        r"^smoothing must be a single finite number, at least 0 and at most 1, but got "
        r"1\.5; pass for example 0\.1",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_targets_are_never_renormalised_silently():
    with pytest.raises(ValueError, match="normalize"):
        cross_entropy_loss([0.0, 0.0], [3.0, 1.0])


# ------------------------------------------------------------------------------- memory


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


def test_torch_tensors_are_read_or_refused_by_name():
    torch = pytest.importorskip("torch")
    logits = torch.tensor([[2.0, 0.0], [0.0, 1.0]], requires_grad=True)
    with pytest.raises(ValueError, match=r"^logits must be a number or an array of "):
        cross_entropy_loss(logits, [0, 1])
    with pytest.raises(
        ValueError, match=r"pass logits\.detach\(\)\.cpu\(\)\.numpy\(\)"
    ):
        softmax(logits)
    with pytest.raises(ValueError, match=r"^target must be .*target\.detach\(\)"):
        cross_entropy_loss([[2.0, 0.0]], torch.tensor([0.5, 0.5], requires_grad=True))
    detached = logits.detach()
    assert cross_entropy_loss(detached, [0, 1]) == cross_entropy_loss(
        detached.numpy(), [0, 1]
    )


# -------------------------------------------------------- two classes: sigmoid, binary


def test_sigmoid_known_values():
    assert sigmoid(0.0) == 0.5
    assert type(sigmoid(0.0)) is float
    np.testing.assert_allclose(
        sigmoid([math.log(3.0), -math.log(3.0)]), [0.75, 0.25], rtol=1e-15
    )
    np.testing.assert_array_equal(sigmoid([-np.inf, np.inf]), [0.0, 1.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # no warning
        np.testing.assert_array_equal(sigmoid([-1e308, 1e308]), [0.0, 1.0])


@pytest.mark.parametrize("scale", [1.0, 30.0, 700.0])
def test_sigmoid_agrees_with_scipy_expit(scale):
    z = np.random.default_rng(3).normal(size=200) * scale
    np.testing.assert_allclose(
        sigmoid(z), scipy.special.expit(z), rtol=1e-15, atol=1e-300
    )


def test_sigmoid_is_the_softmax_of_zero_and_the_logit():
    z = np.linspace(-30, 30, 121)
    two = np.column_stack([np.zeros_like(z), z])
    np.testing.assert_allclose(sigmoid(z), softmax(two)[:, 1], rtol=1e-14)


def test_binary_loss_known_values():
    assert binary_cross_entropy_loss(0.0, 1) == 1.0  # a coin flip: one bit
    assert binary_cross_entropy_loss(0.0, 0.5) == 1.0
    assert binary_cross_entropy_loss(math.log(3.0), 1, base=np.e) == pytest.approx(
        math.log(4 / 3), rel=1e-15
    )
    assert binary_cross_entropy_loss(math.log(3.0), 0, base=np.e) == pytest.approx(
        math.log(4.0), rel=1e-15
    )
    # soft target t = q: the loss is the binary entropy of t
    assert binary_cross_entropy_loss(math.log(3.0), 0.75) == pytest.approx(
        entropy([0.25, 0.75]), rel=1e-14
    )


def test_binary_loss_reductions_and_types():
    rng = np.random.default_rng(4)
    z, t = rng.normal(size=(5, 3)), rng.integers(0, 2, (5, 3))
    each = binary_cross_entropy_loss(z, t, reduction="none")
    assert each.shape == (5, 3)
    assert binary_cross_entropy_loss(z, t) == pytest.approx(
        each.mean(), rel=1e-15
    )  # mean over entries
    assert binary_cross_entropy_loss(z, t, reduction="sum") == pytest.approx(
        each.sum(), rel=1e-15
    )
    assert type(binary_cross_entropy_loss(z, t)) is float
    assert type(binary_cross_entropy_loss(0.5, 1, reduction="none")) is float
    assert binary_cross_entropy_loss(z, t.astype(bool)) == binary_cross_entropy_loss(
        z, t
    )  # booleans are labels 0 and 1


def test_binary_loss_agrees_with_scipy_log_expit():
    z = np.random.default_rng(5).normal(size=300) * 50
    np.testing.assert_allclose(
        binary_cross_entropy_loss(z, np.ones_like(z), base=np.e, reduction="none"),
        -scipy.special.log_expit(z),
        rtol=1e-14,
        atol=1e-300,
    )
    np.testing.assert_allclose(
        binary_cross_entropy_loss(z, np.zeros_like(z), base=np.e, reduction="none"),
        -scipy.special.log_expit(-z),
        rtol=1e-14,
        atol=1e-300,
    )


@pytest.mark.parametrize("z", [-700.0, -40.0, -3.5, 0.0, 1e-9, 2.0, 40.0, 700.0])
@pytest.mark.parametrize("t", [0.0, 0.3, 1.0])
def test_binary_loss_matches_high_precision_arithmetic(z, t):
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 60
    z_, t_ = mpmath.mpf(z), mpmath.mpf(t)
    # -log(q) = log(1 + e^-z) and -log(1 - q) = log(1 + e^z), for q = 1 / (1 + e^-z)
    exact = t_ * mpmath.log1p(mpmath.exp(-z_)) + (1 - t_) * mpmath.log1p(mpmath.exp(z_))
    assert binary_cross_entropy_loss(z, t, base=np.e) == pytest.approx(
        float(exact), rel=1e-14, abs=1e-300
    )
    assert binary_cross_entropy_loss(z, t) == pytest.approx(
        float(exact / mpmath.log(2)), rel=1e-14
    )


def test_a_tiny_binary_loss_keeps_its_digits():
    assert binary_cross_entropy_loss(40.0, 1, base=np.e) == pytest.approx(
        math.log1p(math.exp(-40)), rel=1e-15
    )
    assert -math.log(sigmoid(40.0)) == 0.0  # what the route through q gives


def test_infinite_logits_mean_certainty():
    z = np.array([np.inf, np.inf, -np.inf, -np.inf, np.inf])
    t = np.array([1.0, 0.0, 0.0, 1.0, 0.5])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        each = binary_cross_entropy_loss(z, t, reduction="none")
    np.testing.assert_array_equal(each, [0.0, np.inf, 0.0, np.inf, np.inf])


def test_binary_gradient_is_sigmoid_minus_target():
    for z, t in [(0.3, 1.0), (-2.0, 0.0), (1.5, 0.25)]:
        numeric = central_difference(
            lambda v, t=t: binary_cross_entropy_loss(float(v[0]), t, base=np.e), [z]
        )
        assert numeric[0] == pytest.approx(sigmoid(z) - t, abs=1e-8)


@given(st.lists(st.tuples(finite_logits, st.floats(0, 1)), min_size=1, max_size=8))
def test_binary_loss_is_the_two_class_softmax_loss(pairs):
    z = np.array([p[0] for p in pairs])
    t = np.array([p[1] for p in pairs])
    two_logits = np.column_stack([np.zeros_like(z), z])
    two_targets = np.column_stack([1 - t, t])
    np.testing.assert_allclose(
        binary_cross_entropy_loss(z, t, reduction="none"),
        cross_entropy_loss(two_logits, two_targets, reduction="none"),
        rtol=1e-12,
        atol=1e-12,
    )


@given(finite_logits, st.floats(0, 1))
def test_binary_loss_is_never_below_the_binary_entropy_of_the_target(z, t):
    floor = entropy([1 - t, t])
    assert binary_cross_entropy_loss(z, t) >= floor - 1e-12


@given(st.floats(1e-6, 1 - 1e-6))
def test_binary_loss_reaches_its_floor_at_the_log_odds_of_the_target(t):
    log_odds = math.log(t) - math.log1p(-t)
    assert binary_cross_entropy_loss(log_odds, t) == pytest.approx(
        entropy([1 - t, t]), rel=1e-9, abs=1e-12
    )


@given(finite_logits, st.sampled_from([np.e, 10.0, 3.0]))
def test_binary_loss_base_change(z, base):
    assert binary_cross_entropy_loss(z, 1, base=base) == pytest.approx(
        binary_cross_entropy_loss(z, 1) / math.log2(base), rel=1e-12, abs=1e-300
    )


BINARY_BAD_INPUTS = [
    (
        lambda: sigmoid([0.0, np.nan]),
        r"^logits contains nan at index 1; a logit must be a real number",
    ),
    (lambda: sigmoid([]), r"^logits is empty; pass at least one logit"),
    (lambda: sigmoid("abc"), r"^logits must contain numbers, but got the text"),
    (
        lambda: binary_cross_entropy_loss([0.0, 1.0], [1, 0, 1]),
        r"^target has shape \(3,\), but logits has shape \(2,\); pass one target",
    ),
    (
        lambda: binary_cross_entropy_loss([0.0, 1.0], [1, 2]),
        r"^target contains 2\.0 at index 1, but a target is the probability of class "
        r"1, between 0 and 1; pass labels 0 and 1, or probabilities",
    ),
    (
        lambda: binary_cross_entropy_loss([0.0, 1.0], [np.nan, 1]),
        r"^target contains nan at index 0, but a target is the probability",
    ),
    (
        lambda: binary_cross_entropy_loss([0.0], [-0.5]),
        r"^target contains -0\.5 at index 0",
    ),
    (
        lambda: binary_cross_entropy_loss(np.nan, 1),
        r"^logits contains nan; a logit must be a real number",
    ),
    (
        lambda: binary_cross_entropy_loss(0.0, 1, base=0.5),
        r"^base must be a finite number greater than 1",
    ),
    (
        lambda: binary_cross_entropy_loss(0.0, 1, reduction="batchmean"),
        r"^reduction must be 'mean', 'sum' or 'none', but got 'batchmean'",
    ),
]


@pytest.mark.parametrize(
    "call, pattern", BINARY_BAD_INPUTS, ids=[p for _, p in BINARY_BAD_INPUTS]
)
def test_binary_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
