"""Tests of infotheory.calibration: reliability, calibration error, temperature."""

import math

import numpy as np
import pytest
import scipy.optimize
from hypothesis import assume, given
from hypothesis import strategies as st

from infotheory import cross_entropy_loss, softmax
from infotheory.calibration import (
    ReliabilityTable,
    expected_calibration_error,
    fit_temperature,
    reliability_table,
)
from tests.lib.strategies import logits_and_labels


@st.composite
def noisy_model_outputs(draw):
    """Logits of a model that is informative but mistaken now and then, and labels."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n, k = draw(st.integers(20, 80)), draw(st.integers(2, 6))
    labels = rng.integers(0, k, n)
    z = rng.normal(size=(n, k)) * draw(st.floats(0.5, 5.0))
    z[np.arange(n), labels] += draw(st.floats(0.5, 3.0))
    return z, labels


def ece_by_loops(q, labels, n_bins):
    """The expected calibration error written out plainly, bin by bin, from scratch."""
    total, n = 0.0, len(q)
    for b in range(n_bins):
        low, high = b / n_bins, (b + 1) / n_bins
        members = [
            i
            for i in range(n)
            if (low < max(q[i]) <= high) or (b == 0 and max(q[i]) == 0)
        ]
        if members:
            confidence = sum(max(q[i]) for i in members) / len(members)
            right = sum(int(np.argmax(q[i]) == labels[i]) for i in members)
            total += len(members) / n * abs(right / len(members) - confidence)
    return total


# ------------------------------------------------------------------------- known values


def test_reliability_table_by_hand():
    q = [[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.3, 0.7]]
    table = reliability_table(q, [0, 1, 0, 0], n_bins=5)
    assert isinstance(table, ReliabilityTable)
    np.testing.assert_array_equal(table.lower, [0.4, 0.6, 0.8])
    np.testing.assert_array_equal(table.upper, [0.6, 0.8, 1.0])
    np.testing.assert_array_equal(table.count, [1, 1, 2])
    np.testing.assert_allclose(table.confidence, [0.6, 0.7, 0.9])
    np.testing.assert_array_equal(table.accuracy, [1.0, 0.0, 0.5])


def test_a_confidence_on_an_edge_belongs_to_the_bin_below():
    # 0.3 is the upper edge of (0.2, 0.3]; np.linspace would put the edge at
    # 0.30000000000000004 and 0.3 would still land right, but 0.7 would not.
    q = [[0.3, 0.3, 0.2, 0.2], [0.7, 0.1, 0.1, 0.1]]
    table = reliability_table(q, [0, 0], n_bins=10)
    np.testing.assert_array_equal(table.upper, [0.3, 0.7])


def test_expected_calibration_error_known_values():
    assert expected_calibration_error([[0.9, 0.1]] * 4, [0, 0, 1, 1]) == (
        pytest.approx(0.4, abs=1e-15)
    )
    # 8 of 10 right at confidence 0.8, 1 of 2 at 0.5: calibrated, ECE 0
    q = [[0.8, 0.2]] * 10 + [[0.5, 0.5]] * 2
    labels = [0] * 8 + [1] * 2 + [0, 1]
    assert expected_calibration_error(q, labels) == pytest.approx(0.0, abs=1e-15)
    # one bin: |overall accuracy - mean confidence|
    assert expected_calibration_error(q, labels, n_bins=1) == pytest.approx(
        abs(9 / 12 - (0.8 * 10 + 0.5 * 2) / 12), abs=1e-15
    )


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n_bins", [1, 3, 10, 15])
def test_expected_calibration_error_matches_a_plain_loop(seed, n_bins):
    rng = np.random.default_rng(seed)
    q = softmax(rng.normal(size=(60, 4)) * 2)
    labels = rng.integers(0, 4, 60)
    assert expected_calibration_error(q, labels, n_bins) == pytest.approx(
        ece_by_loops(q, labels, n_bins), abs=1e-14
    )


# --------------------------------------------------------------------------- properties


@given(logits_and_labels(), st.integers(1, 20))
def test_the_table_accounts_for_every_example(pair, n_bins):
    z, labels = pair
    q = softmax(z)
    table = reliability_table(q, labels, n_bins)
    assert table.count.sum() == len(z)
    assert (table.count > 0).all()
    assert ((table.confidence > table.lower - 1e-12) | (table.lower == 0)).all()
    assert (table.confidence <= table.upper + 1e-12).all()
    assert ((table.accuracy >= 0) & (table.accuracy <= 1)).all()
    error = expected_calibration_error(q, labels, n_bins)
    assert 0.0 <= error <= 1.0


@given(st.one_of(logits_and_labels(), noisy_model_outputs()))
def test_the_fitted_temperature_is_a_minimum(pair):
    z, labels = pair
    try:
        t = fit_temperature(z, labels)
    except ValueError:  # the best T is 0 or infinity for these logits: checked below
        return
    best = cross_entropy_loss(z / t, labels)
    for factor in (0.9, 0.99, 1.01, 1.1):
        assert cross_entropy_loss(z / (t * factor), labels) >= best - 1e-12


@given(noisy_model_outputs(), st.sampled_from([0.5, 3.0, 10.0]))
def test_scaling_the_logits_scales_the_temperature(pair, c):
    z, labels = pair
    try:
        t = fit_temperature(z, labels, low=1e-3, high=1e3)
    except ValueError:
        return
    assume(1e-2 < t < 1e2)
    assert fit_temperature(c * z, labels, low=1e-3, high=1e4) == pytest.approx(
        c * t, rel=1e-5
    )


# ---------------------------------------------------------------------- the temperature


@pytest.mark.parametrize("share", [0.6, 0.75, 0.9, 0.99])
def test_temperature_known_values(share):
    # logits (1, 0) everywhere, the first class right with frequency `share`: the
    # best model says `share`, so exp(1 / T) = share / (1 - share)
    n = 100
    right = round(share * n)
    labels = [0] * right + [1] * (n - right)
    t = fit_temperature([[1.0, 0.0]] * n, labels)
    assert t == pytest.approx(1 / math.log(share / (1 - share)), rel=1e-6)


@pytest.mark.parametrize("seed", range(5))
def test_temperature_agrees_with_scipy(seed):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 5, 300)
    z = rng.normal(size=(300, 5)) * 3
    z[np.arange(300), labels] += 2.0  # an informative but overconfident model

    def loss(log_t):
        return cross_entropy_loss(z / np.exp(log_t), labels)

    found = scipy.optimize.minimize_scalar(
        loss, bounds=(-5, 5), method="bounded", options={"xatol": 1e-10}
    )
    assert fit_temperature(z, labels) == pytest.approx(np.exp(found.x), rel=1e-6)


def test_temperature_with_soft_targets_and_masks():
    z = np.array([[2.0, 0.0, -np.inf], [0.0, 2.0, -np.inf]])
    p = np.array([[0.75, 0.25, 0.0], [0.25, 0.75, 0.0]])
    # the best model gives 0.75: exp(2 / T) = 3
    assert fit_temperature(z, p) == pytest.approx(2 / math.log(3), rel=1e-6)


def test_the_gradient_of_the_loss_vanishes_at_the_fitted_temperature():
    rng = np.random.default_rng(9)
    labels = rng.integers(0, 3, 200)
    z = rng.normal(size=(200, 3)) * 4
    z[np.arange(200), labels] += 3.0
    t = fit_temperature(z, labels)
    h = 1e-4
    slope = (
        cross_entropy_loss(z / (t * (1 + h)), labels)
        - cross_entropy_loss(z / (t * (1 - h)), labels)
    ) / (2 * h)
    assert abs(slope) < 1e-7


# ---------------------------------------------------------------------------- bad input

Q = [[0.9, 0.1], [0.2, 0.8]]

BAD_INPUTS = [
    (
        lambda: reliability_table([[0.9, 0.2]], [0]),
        r"^probabilities must sum to 1, but its entries along axis 1 at index 0 sum",
    ),
    (
        lambda: reliability_table([0.9, 0.1], [0]),
        r"^probabilities must have shape \(n, k\), one distribution per example, but "
        r"has shape \(2,\); for a single example pass \[q\]",
    ),
    (
        lambda: reliability_table(Q, [0, 2]),
        r"^labels contains 2 at index 1, but there are 2 classes",
    ),
    (
        lambda: reliability_table(Q, [0]),
        r"^labels has shape \(1,\), but the logits need one class index per row",
    ),
    (
        lambda: expected_calibration_error(Q, [0, 1], n_bins=0),
        r"^n_bins must be a whole number of bins, at least 1, but got 0",
    ),
    (
        lambda: expected_calibration_error(Q, [0.0, 1.0]),
        r"^labels must be integers, but got floating-point numbers",
    ),
    (
        lambda: fit_temperature([[1.0, 0.0], [0.0, 1.0]], [0, 1]),
        r"^the cross-entropy is lowest at the edge of the range, T = low = 0\.01, and "
        r"keeps falling towards T = 0.*every example's label already has the largest "
        r"of its logits",
    ),
    (
        lambda: fit_temperature([[1.0, 0.0], [0.0, 1.0]], [1, 0]),
        r"^the cross-entropy is lowest at the edge of the range, T = high = 100\.0, "
        r"and keeps falling as T grows: the logits predict the targets no better than "
        r"a uniform guess",
    ),
    (
        lambda: fit_temperature([[1.0, 1.0], [0.0, 0.0]], [0, 1]),
        r"^logits are equal within every row, so every temperature gives the same",
    ),
    (
        lambda: fit_temperature([[1.0, np.nan]], [0]),
        r"^logits contains nan at index \(0, 1\)",
    ),
    (
        lambda: fit_temperature([[1.0, 0.0]], [3]),
        r"^target contains 3 at index 0, but the logits have 2 classes",
    ),
    (
        lambda: fit_temperature([[1.0, 0.0]], [0], low=0.0),
        r"^low must be a single finite number, greater than 0, but got 0\.0",
    ),
    (
        lambda: fit_temperature([[1.0, 0.0]], [0], low=5.0, high=2.0),
        r"^low must be below high, but got low=5\.0 and high=2\.0",
    ),
    (
        lambda: fit_temperature([[1.0, 0.0]], [0], tol=-1.0),
        r"^tol must be a single finite number, at least 1e-12 and at most 1, "
        r"but got -1\.0",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
