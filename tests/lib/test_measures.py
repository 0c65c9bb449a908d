"""Tests of infotheory.measures: known values, properties, scipy, bad input."""

import math

import numpy as np
import pytest
import scipy.special
import scipy.stats
from hypothesis import given
from hypothesis import strategies as st

from infotheory import (
    cross_entropy,
    cross_entropy_from_log_probs,
    entropy,
    information,
    kl_divergence,
    kl_divergence_from_log_probs,
    log_softmax,
    normalize,
    softmax,
)
from tests.lib.strategies import distribution_pairs, distributions, normal_probabilities

# ------------------------------------------------------------------------- known values


def test_fair_coin_is_one_bit():
    assert entropy([0.5, 0.5]) == 1.0


def test_dyadic_distribution_is_exactly_1_75_bits():
    assert entropy([1 / 2, 1 / 4, 1 / 8, 1 / 8]) == 1.75


@pytest.mark.parametrize("n", [1, 2, 3, 6, 8, 27, 52, 1000])
def test_uniform_over_n_is_log2_n(n):
    assert entropy(np.full(n, 1 / n)) == pytest.approx(
        math.log2(n), rel=1e-14, abs=1e-15
    )


def test_horse_race_of_cover_and_thomas_is_two_bits():
    # Cover & Thomas, Example 2.1.2: eight horses with these winning chances.
    p = [1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 64, 1 / 64, 1 / 64, 1 / 64]
    assert entropy(p) == 2.0
    assert cross_entropy(p, np.full(8, 1 / 8)) == 3.0  # a fixed 3-bit code


def test_cover_thomas_example_2_3_1():
    # p = (1 - r, r), q = (1 - s, s) with r = 1/2, s = 1/4.
    p, q = [0.5, 0.5], [0.75, 0.25]
    assert kl_divergence(p, q) == pytest.approx(1 - 0.5 * math.log2(3), rel=1e-15)
    assert kl_divergence(q, p) == pytest.approx(0.75 * math.log2(3) - 1, rel=1e-14)
    assert round(kl_divergence(p, q), 4) == 0.2075
    assert round(kl_divergence(q, p), 4) == 0.1887


def test_information_of_classic_events():
    assert information(0.5) == 1.0
    assert information(1 / 4) == 2.0  # a heart from a shuffled deck
    assert information(1 / 52) == pytest.approx(math.log2(52))
    assert information(1.0) == 0.0 and math.copysign(1, information(1.0)) == 1.0
    assert information(0.0) == math.inf


def test_nats_and_hartleys():
    assert entropy([0.5, 0.5], base=np.e) == pytest.approx(math.log(2))
    assert information(0.01, base=10) == pytest.approx(2.0)
    assert information(1 / 9, base=3) == pytest.approx(2.0)


# -------------------------------------------------------------------------------- zeros


def test_zero_probability_outcomes_contribute_nothing():
    assert entropy([1.0]) == 0.0
    assert entropy([1.0, 0.0, 0.0]) == 0.0
    assert entropy([0.5, 0.0, 0.5]) == 1.0
    assert cross_entropy([1.0, 0.0], [0.5, 0.5]) == 1.0
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert kl_divergence([1.0, 0.0], [0.25, 0.75]) == 2.0
    assert kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_support_mismatch_is_infinite_not_nan():
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence(
        [[0.5, 0.5], [0.5, 0.5]], [[1.0, 0.0], [0.5, 0.5]]
    ).tolist() == [
        math.inf,
        0.0,
    ]


@given(distributions())
def test_divergence_from_itself_is_exactly_zero(p):
    assert kl_divergence(p, p) == 0.0


# ------------------------------------------------------------------------- return types


def test_one_dimensional_reductions_return_python_floats():
    for value in (
        entropy([0.5, 0.5]),
        cross_entropy([1.0], [1.0]),
        kl_divergence([1.0], [1.0]),
    ):
        assert type(value) is float
    assert type(information(0.5)) is float
    assert isinstance(information([0.5]), np.ndarray)


def test_axis_selects_the_outcomes():
    p = np.array([[0.5, 0.25], [0.5, 0.75]])
    assert entropy(p, axis=0).tolist() == [1.0, pytest.approx(0.8112781244591328)]
    assert entropy(p.T).tolist() == entropy(p, axis=0).tolist()
    batch = np.full((3, 4, 2), 0.5)
    assert entropy(batch).shape == (3, 4)
    assert kl_divergence(batch, batch, axis=2).shape == (3, 4)


# ----------------------------------------------------------------------------- accuracy


def generalized_kl(p, q, base=math.e):
    """The reference: sum(p ln(p/q) - p + q) at 50 digits, over the floats as given."""
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 50
    total = mpmath.mpf(0)
    for a, b in zip(np.ravel(p).tolist(), np.ravel(q).tolist()):
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        if a == 0:
            total += b
        elif b == 0:
            return math.inf
        else:
            total += a * mpmath.log(a / b) - a + b
    return float(total / mpmath.log(base))


def test_kl_of_nearly_equal_distributions_keeps_its_digits():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 50
    eps = 1e-9
    p = np.array([0.3, 0.7])
    q = np.array([0.3 + eps, 0.7 - eps])
    exact = generalized_kl(p, q, base=2)
    assert kl_divergence(p, q) == pytest.approx(exact, rel=1e-14, abs=0)
    naive = float(np.sum(p * np.log2(p / q)))
    assert abs(naive - exact) > 1e-3 * exact  # the naive formula loses it


def test_what_is_computed_is_the_divergence_of_the_distributions_the_arrays_stand_for():
    # The floats 0.3 and 0.7 do not sum to exactly 1 (nor do those of q): the literal
    # sum(p ln(p/q)) over them is negative (-5.3e-17 nats), below the true divergence
    # 2.38e-18 nats, which the generalized form sum(p ln(p/q) - p + q) gives.
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 50
    p, q = np.array([0.3, 0.7]), np.array([0.3 + 1e-9, 0.7 - 1e-9])
    literal = float(
        sum(
            mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
            for a, b in zip(p, q)
        )
    )
    assert literal < 0
    assert kl_divergence(p, q, base=np.e) == pytest.approx(
        2.3809524282902576e-18, rel=1e-14
    )


@pytest.mark.parametrize("n", [5, 50, 5000, 50_000])
def test_arrays_whose_sums_differ_within_the_tolerance_get_the_generalized_form(n):
    rng = np.random.default_rng(n)
    p = normalize(rng.random(n))
    near = p * (1 + 1e-7)  # sums to 1 + 1e-7: D = (1+e) ln(1+e) - e, about e**2 / 2
    far = normalize(rng.random(n)) * (1 - 5e-7)
    for q in (near, far):
        exact = generalized_kl(p, q)
        assert kl_divergence(p, q, base=np.e) == pytest.approx(exact, rel=1e-12, abs=0)
    # the literal sum is -ln(1 + 1e-7) < 0 here; the generalized form is e**2/2 > 0
    assert kl_divergence(p, near, base=np.e) == pytest.approx(5e-15, rel=1e-6)


@pytest.mark.parametrize("n", [3, 40, 3000, 20_000])
@pytest.mark.parametrize("eps", [0.0, 1e-12, 1e-8, 1e-5, 1e-3, 1e-2, 0.05, 0.2, 3.0])
def test_kl_is_exact_against_a_50_digit_reference_on_every_kind_of_input(n, eps):
    rng = np.random.default_rng(int(eps * 1e6) + n)
    p = normalize(rng.random(n))
    q = normalize(p * np.exp(eps * rng.standard_normal(n)))
    exact = generalized_kl(p, q)
    # Every term keeps its relative precision, except the one-logarithm evaluation
    # (divergences of 1e-3 nats and more), within 1e-16 nats.
    tolerance = 2e-15 * exact + (2e-16 if exact >= 1e-3 else 0.0)
    assert abs(kl_divergence(p, q, base=np.e) - exact) <= tolerance


def test_every_evaluation_agrees_with_every_other():
    # Short vectors (Python), vectors (numpy), long rows (tiles) and batches of rows
    # compute the same divergence.
    rng = np.random.default_rng(3)
    for eps in (1e-9, 1e-4, 0.03, 1.0):
        p = normalize(rng.random((40, 500)))
        q = normalize(p * np.exp(eps * rng.standard_normal(p.shape)))
        batch = kl_divergence(p, q, base=np.e)
        one_by_one = [kl_divergence(a, b, base=np.e) for a, b in zip(p, q)]
        whole = kl_divergence(p.ravel() / 40, q.ravel() / 40, base=np.e)
        along_0 = kl_divergence(p.T, q.T, base=np.e, axis=0)
        np.testing.assert_allclose(batch, one_by_one, rtol=1e-14)
        np.testing.assert_allclose(along_0, batch, rtol=1e-14)
        assert whole == pytest.approx(np.sum(batch) / 40, rel=1e-13)
        short = kl_divergence(p[0, :20] / p[0, :20].sum(), q[0, :20] / q[0, :20].sum())
        assert short == pytest.approx(
            generalized_kl(p[0, :20] / p[0, :20].sum(), q[0, :20] / q[0, :20].sum(), 2),
            rel=1e-13,
            abs=1e-16,
        )


def test_a_batch_of_far_rows_with_one_nearly_equal_row_keeps_that_row_exact():
    rng = np.random.default_rng(4)
    p, q = normalize(rng.random((300, 1000))), normalize(rng.random((300, 1000)))
    q[7] = normalize(p[7] * (1 + 1e-6 * rng.standard_normal(1000)))
    values = kl_divergence(p, q, base=np.e)
    assert values[7] == pytest.approx(generalized_kl(p[7], q[7]), rel=1e-14)
    assert values[8] == pytest.approx(generalized_kl(p[8], q[8]), rel=1e-14)


@pytest.mark.parametrize("n", [10, 700])  # dot products per row, matrix products
@pytest.mark.parametrize("eps", [1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.04])
def test_batches_are_exact_with_every_number_of_series_terms(n, eps):
    # eps from 1e-12 to 0.04 needs from one to twelve terms of the series
    rng = np.random.default_rng(n + int(1e6 * eps))
    p = normalize(rng.random((3, n)))
    q = normalize(p * (1 + eps * rng.uniform(-1, 1, p.shape)))
    values = kl_divergence(p, q, base=np.e)
    for value, a, b in zip(values, p, q):
        assert value == pytest.approx(generalized_kl(a, b), rel=1e-14)


def test_a_large_batch_names_a_bad_entry_in_its_last_rows():
    rng = np.random.default_rng(6)
    p, q = normalize(rng.random((400, 1000))), normalize(rng.random((400, 1000)))
    late = 350  # beyond the first tile of rows
    bad_p = p.copy()
    bad_p[late, 3] = np.nan
    with pytest.raises(ValueError, match=r"p contains nan at index \(350, 3\)"):
        kl_divergence(bad_p, q)
    bad_q = q.copy()
    bad_q[late] *= 1.01
    with pytest.raises(ValueError, match="q must sum to 1"):
        kl_divergence(p, bad_q)
    with pytest.raises(ValueError, match="p contains nan"):  # p is checked first
        kl_divergence(bad_p, bad_q)
    # a negative q hides nowhere: where p is 0, where p > 0, and where both are < 0
    zero_p = p.copy()
    zero_p[late, :2] = 0.0
    zero_p[late] /= zero_p[late].sum()
    for where, p_given in ((0, zero_p), (5, p)):
        negative = q.copy()
        negative[late, where + 1] += negative[late, where] + 1e-9  # the same sum
        negative[late, where] = -1e-9
        with pytest.raises(ValueError, match="q contains -1e-09"):
            kl_divergence(p_given, negative)
    both = p.copy(), p.copy()
    for array in both:
        array[late, 0] = -1e-9
        array[late, 1] += 1e-9
    with pytest.raises(ValueError, match="p contains -1e-09"):
        kl_divergence(*both)


def test_zeros_in_either_distribution_on_every_path():
    rng = np.random.default_rng(5)
    for n in (4, 100, 20_000):
        p = normalize(rng.random(n))
        q = normalize(p * (1 + 1e-6 * rng.standard_normal(n)))
        p[::3] = 0.0
        q[::3] = 0.0  # zero where the other is zero: no cost
        p, q = normalize(p), normalize(q)
        assert kl_divergence(p, q, base=np.e) == pytest.approx(
            generalized_kl(p, q), rel=1e-13
        )
        q_far = normalize(rng.random(n))
        q_far[1] = 0.0  # p > 0 there: infinite
        assert kl_divergence(p, normalize(q_far)) == math.inf
        r = normalize(rng.random(n))
        assert kl_divergence(p, r, base=np.e) == pytest.approx(
            generalized_kl(p, r), rel=1e-13
        )


def test_small_ratios_use_the_plain_logarithm():
    # log1p((p - q) / q) would lose p entirely here; log(p / q) keeps it.
    p, q = np.array([1e-300, 1 - 1e-300]), np.array([0.5, 0.5])
    assert np.isfinite(kl_divergence(p, q))
    assert kl_divergence(p, q) == pytest.approx(1.0, rel=1e-12)


def test_extreme_ratios_stay_finite_and_accurate():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 60
    p = np.array([1 - 1e-300, 1e-300])
    q = np.array([1e-310, 1 - 1e-310])  # p / q overflows float64 in the first outcome
    exact = sum(
        mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b), 2)
        for a, b in zip(p, q)
    )
    assert kl_divergence(p, q) == pytest.approx(float(exact), rel=1e-14)
    assert cross_entropy(p, q) == pytest.approx(
        float(-sum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(b), 2) for a, b in zip(p, q))),
        rel=1e-14,
    )


def nearly_equal_pair(rng, n, shift):
    """Dyadic p and q, both summing to exactly 1; q moves p by up to 2**(shift - 40)."""
    counts = rng.multinomial(2**20 - n, np.ones(n) / n) + 1  # every outcome possible
    p = counts / 2**20  # exact
    moves = rng.integers(1, 2**shift + 1, size=n // 2) * rng.choice(
        [-1, 1], size=n // 2
    )
    delta = np.zeros(n)
    delta[0::2][: n // 2], delta[1::2][: n // 2] = (
        moves,
        -moves,
    )  # cancel exactly in pairs
    return p, p + delta / 2**40  # exact: p has few significant bits


@pytest.mark.parametrize("shift", [20, 12, 6, 2])
def test_kl_of_nearly_equal_distributions_is_as_accurate_as_scipy_rel_entr(shift):
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 60
    p, q = nearly_equal_pair(np.random.default_rng(shift), 50, shift)
    assert p.sum() == q.sum() == 1.0 and (p != q).any()
    exact = float(
        sum(
            mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
            for a, b in zip(p, q)
        )
    )
    ours = abs(kl_divergence(p, q, base=np.e) - exact)
    theirs = abs(float(np.sum(scipy.special.rel_entr(p, q))) - exact)
    assert ours <= max(theirs, 1e-14 * exact)
    assert ours <= 1e-9 * exact


# -------------------------------------------------------------------- log-probabilities


def test_log_probabilities_stay_exact_where_probabilities_underflow():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 400  # 1 + e**-700 must not round to 1
    log_p, log_q = log_softmax([0.0, -700.0]), log_softmax([0.0, -800.0])
    assert kl_divergence(softmax([0.0, -700.0]), softmax([0.0, -800.0])) == math.inf
    lp = [-mpmath.log1p(mpmath.e**-700), -700 - mpmath.log1p(mpmath.e**-700)]
    lq = [-mpmath.log1p(mpmath.e**-800), -800 - mpmath.log1p(mpmath.e**-800)]
    exact = float(sum(mpmath.e**a * (a - b) for a, b in zip(lp, lq)))  # 99 e**-700
    assert exact == pytest.approx(9.761079778322173e-303, rel=1e-15)
    value = kl_divergence_from_log_probs(log_p, log_q, base=np.e)
    assert value == pytest.approx(exact, rel=1e-14)
    cross = cross_entropy_from_log_probs(log_q, log_p, base=np.e)  # about 700 e**-800
    assert cross > 0 and math.isfinite(cross)


@given(distribution_pairs())
def test_log_space_entry_points_agree_with_the_probability_ones(pair):
    p, q = pair
    with np.errstate(divide="ignore"):
        log_p, log_q = np.log(p), np.log(q)
    assert kl_divergence_from_log_probs(log_p, log_q) == pytest.approx(
        kl_divergence(p, q), rel=1e-9, abs=1e-12
    )
    assert cross_entropy_from_log_probs(log_p, log_q) == pytest.approx(
        cross_entropy(p, q), rel=1e-12, abs=1e-12
    )


def test_log_space_zeros_and_masks():
    assert kl_divergence_from_log_probs([0.0, -np.inf], [-np.inf, 0.0]) == math.inf
    assert kl_divergence_from_log_probs([0.0, -np.inf], [0.0, -np.inf]) == 0.0
    assert cross_entropy_from_log_probs([0.0, -np.inf], [0.0, -np.inf]) == 0.0
    assert cross_entropy_from_log_probs([0.0, -np.inf], [-np.inf, 0.0]) == math.inf
    half = np.log([0.5, 0.5])
    assert kl_divergence_from_log_probs(half, half) == 0.0


def test_log_space_batches_match_torch_kl_div_batchmean():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(6)
    log_p = log_softmax(rng.normal(size=(8, 5)))
    log_q = log_softmax(rng.normal(size=(8, 5)))
    theirs = torch.nn.functional.kl_div(
        torch.tensor(log_q),  # input: the model
        torch.tensor(log_p),  # target: the data
        reduction="batchmean",
        log_target=True,
    ).item()
    ours = kl_divergence_from_log_probs(log_p, log_q, base=np.e).mean()
    assert ours == pytest.approx(theirs, rel=1e-12)


@pytest.mark.parametrize(
    "call, pattern",
    [
        (
            lambda: kl_divergence_from_log_probs([0.0, 0.0], [-0.7, -0.7]),
            r"^log_p must hold log-probabilities, whose exponentials sum to 1, but its "
            r"exponentials sum to 2\.0 .*log_softmax\(log_p\)",
        ),
        (
            lambda: kl_divergence_from_log_probs(np.log([0.5, 0.5]), [np.nan, 0.0]),
            r"^log_q contains nan at index 0, but a log-probability is",
        ),
        (
            lambda: cross_entropy_from_log_probs([np.inf, 0.0], [0.0, -np.inf]),
            r"^log_p contains inf at index 0",
        ),
        (
            lambda: kl_divergence_from_log_probs(np.log([0.5, 0.5]), [0.0]),
            r"^log_p and log_q must describe the same outcomes, but log_p has shape",
        ),
        (
            lambda: kl_divergence_from_log_probs(-0.5, -0.5),
            r"^log_p is a single number \(-0\.5\), but a distribution needs",
        ),
        (
            lambda: kl_divergence_from_log_probs([], []),
            r"^log_p is empty; pass at least one log-probability",
        ),
    ],
)
def test_log_space_bad_input(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


# ---------------------------------------------------------------- axis=None, keepdims


def test_axis_none_makes_the_whole_array_one_distribution():
    joint = np.array([[0.25, 0.25], [0.125, 0.375]])
    assert entropy(joint, axis=None) == entropy(joint.ravel())
    q = np.full((2, 2), 0.25)
    assert kl_divergence(joint, q, axis=None) == kl_divergence(joint.ravel(), q.ravel())
    assert cross_entropy(joint, q, axis=None) == 2.0
    assert kl_divergence_from_log_probs(np.log(joint), np.log(q), axis=None) == (
        pytest.approx(kl_divergence(joint, q, axis=None))
    )
    with pytest.raises(
        ValueError,
        match=r"p must sum to 1, but its entries \(all of them: axis=None makes the "
        r"whole array one distribution\) sum to 2\.0",
    ):
        entropy(
            np.full((2, 2), 0.5), axis=None
        )  # the rows sum to 1, the table does not


@pytest.mark.parametrize(
    "function", [entropy, cross_entropy, kl_divergence, kl_divergence_from_log_probs]
)
def test_keepdims_keeps_the_reduced_axis(function):
    rows = normalize(np.random.default_rng(1).random((3, 4, 5)))
    whole = rows / rows.sum()
    if function is kl_divergence_from_log_probs:
        rows, whole = np.log(rows), np.log(whole)

    def call(x, **options):
        return (
            function(x, **options) if function is entropy else function(x, x, **options)
        )

    assert call(rows, keepdims=True).shape == (3, 4, 1)
    assert call(whole, axis=None, keepdims=True).shape == (1, 1, 1)
    kept = call(rows[0, 0], keepdims=True)
    assert isinstance(kept, np.ndarray) and kept.shape == (1,)
    assert kept[0] == call(rows[0, 0])


def test_keepdims_results_broadcast_against_the_input():
    p = normalize(np.random.default_rng(2).random((3, 4)))
    h = entropy(p, base=np.e, keepdims=True)
    np.testing.assert_allclose((-p * np.log(p)).sum(axis=-1, keepdims=True), h)


# ------------------------------------------------------------------------ normalisation


def test_normalize_of_huge_weights_is_a_distribution():
    np.testing.assert_array_equal(normalize([1e308, 1e308]), [0.5, 0.5])
    np.testing.assert_array_equal(
        normalize([[1e308, 1e308], [1, 3]]), [[0.5, 0.5], [0.25, 0.75]]
    )
    assert normalize([1.7e308, 1e308, 5e-324]).sum() == pytest.approx(1.0)


def test_a_probability_may_exceed_1_by_the_tolerance_as_in_a_distribution():
    assert information(1 + 5e-7) == pytest.approx(-math.log2(1 + 5e-7))
    with pytest.raises(ValueError, match=r"cannot exceed 1"):
        information(1 + 2e-6)


# --------------------------------------------------------------------------- properties


@given(distribution_pairs(positive_q=False))
def test_gibbs_inequality(pair):
    p, q = pair
    assert cross_entropy(p, q) >= entropy(p) - 1e-12


@given(distribution_pairs(positive_q=False))
def test_kl_is_non_negative(pair):
    assert kl_divergence(*pair) >= 0.0


@given(distribution_pairs())
def test_kl_is_zero_only_for_equal_distributions(pair):
    p, q = pair
    if kl_divergence(p, q) == 0.0:
        assert np.allclose(p, q, atol=1e-6)
    if not np.allclose(p, q, atol=1e-3):
        assert kl_divergence(p, q) > 0.0


@given(distribution_pairs())
def test_kl_is_cross_entropy_minus_entropy(pair):
    p, q = pair
    assert kl_divergence(p, q) == pytest.approx(
        cross_entropy(p, q) - entropy(p), abs=1e-9
    )


@given(normal_probabilities, normal_probabilities)
def test_information_of_independent_events_adds(a, b):
    assert information(a * b) == pytest.approx(
        information(a) + information(b), rel=1e-12, abs=1e-12
    )


@given(st.floats(0, 1))
def test_an_impossible_event_makes_any_joint_event_infinitely_informative(a):
    assert information(a * 0.0) == math.inf


@given(distributions(), distributions())
def test_entropy_of_independent_pair_adds(p, q):
    joint = np.outer(p, q).ravel()
    assert entropy(joint) == pytest.approx(entropy(p) + entropy(q), abs=1e-9)


@given(distribution_pairs(), st.sampled_from([np.e, 10.0, 3.0, 1.5]))
def test_base_change_rescales_by_log_of_the_base(pair, base):
    p, q = pair
    factor = math.log2(base)
    assert entropy(p, base=base) == pytest.approx(entropy(p) / factor, abs=1e-12)
    assert cross_entropy(p, q, base=base) == pytest.approx(
        cross_entropy(p, q) / factor, abs=1e-12
    )
    assert kl_divergence(p, q, base=base) == pytest.approx(
        kl_divergence(p, q) / factor, abs=1e-12
    )


@given(distributions())
def test_entropy_lies_between_zero_and_log_n(p):
    assert 0.0 <= entropy(p) <= math.log2(len(p)) + 1e-12


# -------------------------------------------------------------------------------- scipy


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_scipy_on_random_distributions(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 2000))
    p = rng.dirichlet(np.full(n, rng.uniform(0.1, 5)))
    q = rng.dirichlet(np.full(n, rng.uniform(0.1, 5)))
    p[rng.random(n) < 0.1] = 0.0  # some impossible outcomes in p
    p = normalize(p) if p.sum() > 0 else np.full(n, 1 / n)
    for base in (2, np.e):
        assert entropy(p, base=base) == pytest.approx(
            scipy.stats.entropy(p, base=base), rel=1e-12
        )
        assert kl_divergence(p, q, base=base) == pytest.approx(
            scipy.stats.entropy(p, q, base=base), rel=1e-12
        )
        expected_ce = -np.sum(scipy.special.xlogy(p, q)) / math.log(base)
        assert cross_entropy(p, q, base=base) == pytest.approx(expected_ce, rel=1e-12)


def test_agrees_with_scipy_along_an_axis():
    rng = np.random.default_rng(7)
    p = rng.dirichlet(np.ones(5), size=(4, 3)).transpose(2, 0, 1)  # outcomes on axis 0
    q = rng.dirichlet(np.ones(5), size=(4, 3)).transpose(2, 0, 1)
    np.testing.assert_allclose(
        entropy(p, axis=0), scipy.stats.entropy(p, base=2, axis=0), rtol=1e-12
    )
    np.testing.assert_allclose(
        kl_divergence(p, q, axis=0),
        scipy.stats.entropy(p, q, base=2, axis=0),
        rtol=1e-12,
    )


# ---------------------------------------------------------------------------- bad input

# Each message names the argument, says what is wrong and how to fix it. The shared
# checks are tested in test_validation.py; here, that every function applies them to
# the right arguments, and the checks of this module.
BAD_INPUTS = [
    (
        lambda: information(1.2),
        r"^p contains 1\.2, but a probability cannot exceed 1; pass values between",
    ),
    (lambda: information([0.5, -0.1]), r"p contains -0\.1 at index 1, .*negative"),
    (lambda: information([0.5, np.nan]), r"p contains nan at index 1; .*finite"),
    (lambda: information([]), r"^p is empty; pass at least one probability"),
    (lambda: information(0.5, base=1), r"^base must be a finite number greater than 1"),
    (lambda: entropy([0.5, 0.4]), r"^p must sum to 1, .*normalize\(p\)"),
    (lambda: entropy([[0.5, 0.5]], axis=2), r"^axis 2 is out of range"),
    (lambda: entropy([0.5, 0.5], base="2"), r"^base must be a real number"),
    (lambda: cross_entropy([0.5, 0.5], [0.3, 0.3]), r"^q must sum to 1"),
    (lambda: kl_divergence([0.5, 0.5], [0.5, np.inf]), r"^q contains inf at index 1"),
    (
        lambda: kl_divergence([0.5, 0.5], [1 / 3] * 3),
        r"^p and q must describe the same outcomes, but p has shape \(2,\) and q has "
        r"shape \(3,\); pass arrays of the same shape",
    ),
    (lambda: cross_entropy([[0.5, 0.5]], [0.5, 0.5]), r"nothing is broadcast"),
    (
        lambda: normalize([0, 0]),
        r"^weights has only zero weights, so there is nothing to normalise; give at "
        r"least one outcome a positive weight",
    ),
    (lambda: normalize([[1, 1], [0, 0]]), r"only zero weights in some slice"),
    (lambda: normalize([1, -1]), r"^weights contains -1\.0 at index 1, .*0 or more"),
    (lambda: normalize([1, np.nan]), r"^weights contains nan at index 1"),
    (
        lambda: normalize(2.0),
        r"^weights is a single number; pass one weight per outcome, for example",
    ),
    (lambda: normalize([1, 1], axis=1), r"^axis 1 is out of range"),
    (lambda: normalize([1, -1]), r"but weights cannot be negative"),
    (
        lambda: normalize([]),
        r"^weights is empty; pass at least one weight, for example",
    ),
    (
        lambda: entropy([0.5, 0.5], [0.9, 0.1]),
        r"^entropy takes one distribution, but its second argument, base, got an "
        r"array; for two distributions use cross_entropy\(p, q\) or "
        r"kl_divergence\(p, q\)",
    ),
    (
        lambda: entropy([[0.5, 0.5]], axis=1.0),
        r"^axis must be an integer, but got 1\.0",
    ),
    (
        lambda: kl_divergence(np.ma.array([0.5, 0.5], mask=[0, 1]), [0.5, 0.5]),
        r"^p is a masked array with 1 masked entry, and masks are not honoured; drop",
    ),
    (
        lambda: kl_divergence([0.5, 0.5], [0.25 + 0j, 0.75]),
        r"^q must contain real numbers, but got complex values; pass the real "
        r"probabilities",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


@pytest.mark.parametrize("function", [entropy, cross_entropy, kl_divergence])
def test_nothing_is_renormalised_silently(function):
    arguments = [[0.6, 0.6]] * (1 if function is entropy else 2)
    with pytest.raises(ValueError, match="normalize"):
        function(*arguments)


def test_threads_computing_divergences_at_once_do_not_share_scratch_memory():
    from concurrent.futures import ThreadPoolExecutor

    rng = np.random.default_rng(9)
    pairs = []
    for eps in (1e-6, 1.0, 1e-3, 0.5):
        p = normalize(rng.random(30_000))
        pairs.append((p, normalize(p * np.exp(eps * rng.standard_normal(p.size)))))
    expected = [kl_divergence(p, q) for p, q in pairs]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(5):
            assert list(pool.map(lambda pair: kl_divergence(*pair), pairs)) == expected
