"""Tests of infotheory.distributions: grids, mixtures, histograms, smoothing, fits."""

import itertools
import math

import numpy as np
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

from infotheory import (
    additive_smoothing,
    bin_counts,
    cross_entropy,
    entropy,
    fit_gaussian,
    gaussian,
    gaussian_divergences,
    gaussian_mixture,
    histogram,
    kl_divergence,
    kl_from_samples,
    mean_and_std,
    mix_with_uniform,
    mixture,
    normalize,
)
from tests.lib.strategies import counts, means, stds, two_peaks, wide_stds

WIDE = np.linspace(-16, 16, 321)  # holds the tails of every distribution used below
WIDER = np.linspace(
    -24, 24, 481
)  # the tails beyond 8 standard deviations, for tight tolerances


def gaussian_kl(m1, s1, m2, s2):
    """D(N(m1, s1^2) || N(m2, s2^2)) in bits, the continuous closed form."""
    nats = math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5
    return nats / math.log(2)


# ---------------------------------------------------------------------------- gaussians


def test_gaussian_is_the_normal_density_normalised_on_the_grid():
    grid = np.linspace(-3, 5, 81)
    expected = scipy.stats.norm.pdf(grid, loc=1.0, scale=0.7)
    np.testing.assert_allclose(
        gaussian(grid, 1.0, 0.7), expected / expected.sum(), rtol=1e-12
    )
    assert gaussian(grid, 1.0, 0.7).sum() == pytest.approx(1.0, abs=1e-15)


def test_gaussian_far_off_the_grid_is_still_a_distribution():
    grid = np.linspace(0, 1, 11)
    p = gaussian(grid, 100.0, 0.01)  # every density underflows; the nearest point wins
    assert p.tolist() == [0.0] * 10 + [1.0]
    assert entropy(p) == 0.0


@pytest.mark.parametrize(
    "m1, s1, m2, s2", [(0, 1, 1, 1), (0, 1, 0, 2), (-1, 0.5, 2, 1.5), (3, 2, -2, 1)]
)
def test_kl_of_discretised_gaussians_matches_the_continuous_closed_form(m1, s1, m2, s2):
    p, q = gaussian(WIDE, m1, s1), gaussian(WIDE, m2, s2)
    assert kl_divergence(p, q) == pytest.approx(gaussian_kl(m1, s1, m2, s2), rel=1e-9)


def test_mean_and_std_of_a_gaussian_are_its_parameters():
    mean, std = mean_and_std(gaussian(WIDE, 1.5, 2.0), WIDE)
    assert mean == pytest.approx(1.5, abs=1e-9) and std == pytest.approx(2.0, rel=1e-9)


def test_mixture_mixes_rows_by_weight():
    np.testing.assert_allclose(
        mixture([0.25, 0.75], [[1, 0, 0], [0, 0.5, 0.5]]), [0.25, 0.375, 0.375]
    )


def test_gaussian_mixture_has_the_mixture_moments():
    p = gaussian_mixture(WIDE, [-2, 3], [1, 0.5], [0.3, 0.7])
    mean, std = mean_and_std(p, WIDE)
    expected_mean = 0.3 * -2 + 0.7 * 3
    expected_var = 0.3 * (1 + 4) + 0.7 * (0.25 + 9) - expected_mean**2
    assert mean == pytest.approx(expected_mean, abs=1e-9)
    assert std == pytest.approx(math.sqrt(expected_var), rel=1e-9)


@settings(max_examples=50)
@given(means, wide_stds, means, wide_stds, st.sampled_from([161, 321, 641]))
def test_kl_of_gaussians_does_not_depend_on_the_grid_but_entropy_does(
    m1, s1, m2, s2, points
):
    # D = H(P, Q) - H(P): each term grows by log2(1 / spacing) on a finer grid, the
    # difference stays the continuous divergence.
    grid = np.linspace(-24, 24, points)
    p, q = gaussian(grid, m1, s1), gaussian(grid, m2, s2)
    spacing = grid[1] - grid[0]
    differential = 0.5 * math.log2(2 * math.pi * math.e * s1**2)
    assert entropy(p) == pytest.approx(differential - math.log2(spacing), abs=1e-9)
    assert cross_entropy(p, q) - entropy(p) == pytest.approx(
        gaussian_kl(m1, s1, m2, s2), abs=1e-8
    )
    assert kl_divergence(p, q) == pytest.approx(
        gaussian_kl(m1, s1, m2, s2), rel=1e-9, abs=1e-12
    )


@given(means, means, wide_stds)
def test_gaussians_of_equal_width_diverge_symmetrically(m1, m2, s):
    p, q = gaussian(WIDER, m1, s), gaussian(WIDER, m2, s)
    assert kl_divergence(p, q) == pytest.approx(
        kl_divergence(q, p), rel=1e-9, abs=1e-12
    )


@given(means, stds, st.floats(1.2, 3.0))
def test_a_wider_model_costs_less_than_a_narrower_one_by_the_same_factor(m, s, factor):
    # Asymmetry: D(N(m, s) || N(m, k s)) < D(N(m, k s) || N(m, s)) for k > 1.
    p, q = gaussian(WIDE, m, s), gaussian(WIDE, m, s * factor)
    assert kl_divergence(p, q) < kl_divergence(q, p)


# ------------------------------------------------------------------------------ samples


def test_bin_counts_agrees_with_numpy_histogram():
    rng = np.random.default_rng(1)
    samples = rng.normal(size=1000)
    edges = np.linspace(-5, 5, 21)
    assert (
        bin_counts(samples, edges).tolist() == np.histogram(samples, edges)[0].tolist()
    )
    assert bin_counts([1.0], [0.0, 0.5, 1.0]).tolist() == [
        0,
        1,
    ]  # the last edge belongs to the last bin


def test_histogram_is_the_share_of_samples_per_bin():
    np.testing.assert_allclose(
        histogram([0.1, 0.6, 0.7, 0.8], [0, 0.5, 1]), [0.25, 0.75]
    )


def test_laplace_smoothing_adds_one_to_every_count():
    np.testing.assert_allclose(
        additive_smoothing([8, 0, 2], alpha=1), [9 / 13, 1 / 13, 3 / 13]
    )
    np.testing.assert_allclose(additive_smoothing([8, 0, 2], alpha=0), [0.8, 0.0, 0.2])


@given(counts, st.floats(1e-3, 10))
def test_smoothing_gives_every_outcome_a_chance(c, alpha):
    q = additive_smoothing(c, alpha)
    assert (q > 0).all() and q.sum() == pytest.approx(1.0)
    p = normalize(np.ones(len(c)))
    assert math.isfinite(kl_divergence(p, q))


@given(counts.filter(lambda c: sum(c) > 0))
def test_heavier_smoothing_moves_towards_uniform(c):
    uniform = np.full(len(c), 1 / len(c))
    divergences = [
        kl_divergence(uniform, additive_smoothing(c, a)) for a in (0.5, 2, 8, 32)
    ]
    assert all(a >= b - 1e-12 for a, b in itertools.pairwise(divergences))


@given(counts.filter(lambda c: sum(c) > 0), st.floats(1e-4, 1.0))
def test_mixing_with_uniform_bounds_the_divergence(c, weight):
    # Every q_i >= weight / K, so D(P || Q) <= log2(K / weight) for any P.
    q = mix_with_uniform(normalize(c), weight)
    k = len(c)
    assert q.min() >= weight / k * (1 - 1e-12)
    p = np.eye(k)[int(np.argmin(q))]  # the worst case: P sure of Q's least likely
    assert kl_divergence(p, q) <= math.log2(k / weight) + 1e-9


@given(two_peaks(WIDE), st.sampled_from([2, 4, 5, 8]))
def test_merging_bins_never_increases_the_divergence(p, factor):
    # Data processing: coarser outcomes can only hide differences. Used by the
    # lesson on estimating KL from histograms.
    q = gaussian(WIDE, 0.5, 2.0)
    cells = (len(WIDE) - 1) // factor * factor

    def merge(r):
        return np.append(r[:cells].reshape(-1, factor).sum(axis=1), r[cells:].sum())

    assert kl_divergence(merge(p), merge(q)) <= kl_divergence(p, q) + 1e-12


def test_raw_samples_as_outcomes_make_even_equal_distributions_infinitely_apart():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=100), rng.normal(size=100)  # the same distribution
    values = np.union1d(x, y)
    p = normalize(np.isin(values, x).astype(float))
    q = normalize(np.isin(values, y).astype(float))
    assert kl_divergence(p, q) == math.inf


def test_histogram_estimate_approaches_the_exact_divergence_with_enough_data():
    rng = np.random.default_rng(2026)
    x, y = rng.normal(0, 1, 200_000), rng.normal(1, 1.5, 200_000)
    exact = gaussian_kl(0, 1, 1, 1.5)
    edges = np.linspace(-12, 12, 241)
    assert kl_from_samples(x, y, edges, alpha=0.5) == pytest.approx(exact, abs=0.01)
    coarse = np.linspace(-12, 12, 4)  # three bins lose most of the divergence
    assert kl_from_samples(x, y, coarse, alpha=0.5) < 0.6 * exact


def test_histogram_estimate_without_smoothing_can_be_infinite():
    x, y = [0.1, 0.9], [0.2, 0.3]
    assert kl_from_samples(x, y, [0, 0.5, 1]) == math.inf
    assert math.isfinite(kl_from_samples(x, y, [0, 0.5, 1], alpha=0.5))


def test_estimate_is_in_nats_when_asked():
    x, y = [0.1, 0.9, 0.8], [0.2, 0.3, 0.7]
    bits = kl_from_samples(x, y, [0, 0.5, 1], alpha=1)
    assert kl_from_samples(x, y, [0, 0.5, 1], alpha=1, base=np.e) == pytest.approx(
        bits * math.log(2)
    )


# --------------------------------------------------------------------------------- fits


def test_divergence_surface_agrees_with_single_evaluations():
    p = gaussian_mixture(WIDE, [-2, 2], [1, 1], [0.5, 0.5])
    m, s = np.array([-1.0, 0.0, 2.5]), np.array([0.8, 2.0])
    forward = gaussian_divergences(p, WIDE, m, s, "forward")
    reverse = gaussian_divergences(p, WIDE, m, s, "reverse")
    assert forward.shape == reverse.shape == (2, 3)
    for j, sj in enumerate(s):
        for i, mi in enumerate(m):
            q = gaussian(WIDE, mi, sj)
            assert forward[j, i] == pytest.approx(kl_divergence(p, q), rel=1e-12)
            assert reverse[j, i] == pytest.approx(kl_divergence(q, p), rel=1e-12)


@pytest.mark.parametrize("direction", ["forward", "reverse"])
def test_fitting_a_gaussian_to_a_gaussian_recovers_it(direction):
    fit = fit_gaussian(gaussian(WIDE, 1.3, 0.8), WIDE, direction)
    assert fit.mean == pytest.approx(1.3, abs=1e-4) and fit.std == pytest.approx(
        0.8, rel=1e-4
    )
    assert fit.divergence == pytest.approx(0.0, abs=1e-8)
    np.testing.assert_allclose(fit.q, gaussian(WIDE, fit.mean, fit.std))


@settings(max_examples=25)
@given(two_peaks(WIDE))
def test_forward_fit_matches_the_mean_and_std(p):
    # Minimising D(P || Q) over Gaussians is moment matching (on a grid that holds
    # the tails).
    fit = fit_gaussian(p, WIDE, "forward")
    mean, std = mean_and_std(p, WIDE)
    assert fit.mean == pytest.approx(mean, abs=1e-3)
    assert fit.std == pytest.approx(std, rel=1e-3)


def neighbours(fit, h=1e-3):
    yield from ((fit.mean + dm, fit.std) for dm in (-h, h))
    yield from ((fit.mean, fit.std * f) for f in (1 - h, 1 + h))


@settings(max_examples=25)
@given(two_peaks(WIDE), st.sampled_from(["forward", "reverse"]))
def test_a_fit_beats_its_neighbours(p, direction):
    fit = fit_gaussian(p, WIDE, direction)
    for m, s in neighbours(fit):
        q = gaussian(WIDE, m, s)
        other = kl_divergence(p, q) if direction == "forward" else kl_divergence(q, p)
        assert fit.divergence <= other + 1e-12


@settings(max_examples=25)
@given(two_peaks(WIDE))
def test_each_fit_wins_its_own_contest(p):
    forward, reverse = (
        fit_gaussian(p, WIDE, "forward"),
        fit_gaussian(p, WIDE, "reverse"),
    )
    assert kl_divergence(p, forward.q) <= kl_divergence(p, reverse.q) + 1e-12
    assert kl_divergence(reverse.q, p) <= kl_divergence(forward.q, p) + 1e-12


def test_reverse_fit_is_the_best_of_a_dense_search():
    p = gaussian_mixture(WIDE, [-3, 2], [1, 0.7], [0.45, 0.55])
    fit = fit_gaussian(p, WIDE, "reverse")
    dense = gaussian_divergences(
        p, WIDE, np.linspace(-6, 6, 121), np.geomspace(0.3, 6, 100), "reverse"
    )
    assert fit.divergence <= dense.min() + 1e-9


def test_separated_peaks_split_the_two_directions():
    p = gaussian_mixture(WIDE, [-3, 3], [1, 1], [0.6, 0.4])
    forward, reverse = (
        fit_gaussian(p, WIDE, "forward"),
        fit_gaussian(p, WIDE, "reverse"),
    )
    assert forward.std > 2.5  # one wide bump over both peaks
    assert reverse.mean == pytest.approx(-3, abs=0.1) and reverse.std == pytest.approx(
        1, abs=0.1
    )


def test_fit_reports_the_divergence_in_the_requested_unit():
    p = gaussian_mixture(WIDE, [-2, 2], [1, 1], [0.5, 0.5])
    bits = fit_gaussian(p, WIDE, "forward")
    nats = fit_gaussian(p, WIDE, "forward", base=np.e)
    assert nats.divergence == pytest.approx(bits.divergence * math.log(2), rel=1e-6)


# ---------------------------------------------------------------------------- bad input

GRID = np.linspace(-1, 1, 5)

# Each message names the argument, says what is wrong and how to fix it.
BAD_INPUTS = [
    (
        lambda: gaussian([0, 1, 1, 2], 0, 1),
        r"^grid must be strictly increasing, but entry 2 \(1\.0\) is not larger than "
        r"the one before it \(1\.0\); sort it and drop repeats",
    ),
    (
        lambda: gaussian([0, 1, 3], 0, 1),
        r"^grid must be evenly spaced .*steps range from 1\.0 to 2\.0; build it with "
        r"np\.linspace",
    ),
    (
        lambda: gaussian([0.0], 0, 1),
        r"^grid has 1 point, but needs at least two; pass for example np\.linspace",
    ),
    (
        lambda: gaussian(np.ones((2, 2)), 0, 1),
        r"^grid must be a flat sequence of numbers \(1-D\), but has shape \(2, 2\); "
        r"pass a 1-D array",
    ),
    (lambda: gaussian([0, np.nan, 2], 0, 1), r"^grid contains nan at index 1"),
    (
        lambda: gaussian(GRID, 0, 0),
        r"^std must be a single finite number, greater than 0, but got 0\.0; pass for "
        r"example",
    ),
    (lambda: gaussian(GRID, np.nan, 1), r"^mean must be a single finite number, .*nan"),
    (lambda: gaussian(GRID, [0, 1], 1), r"^mean must be a single finite number, .*\["),
    (
        lambda: mixture([0.5, 0.5], [[1, 0], [0, 1], [0.5, 0.5]]),
        r"^components must hold one distribution per weight \(shape \(2, n\)\), but "
        r"has shape \(3, 2\); stack the components as the rows",
    ),
    (lambda: mixture([0.5, 0.6], [[1, 0], [0, 1]]), r"^weights must sum to 1"),
    (lambda: mixture([0.5, 0.5], [[1, 0], [0, 2]]), r"^components must sum to 1"),
    (
        lambda: gaussian_mixture(GRID, [0, 1], [1], [0.5, 0.5]),
        r"^means and stds must have one entry per point, but means has 2 and stds has "
        r"1; pass them on the same grid",
    ),
    (
        lambda: gaussian_mixture(GRID, [0, 1], [1, -1], [0.5, 0.5]),
        r"^stds must all be positive, but the smallest is -1\.0; pass standard "
        r"deviations > 0",
    ),
    (
        lambda: gaussian_mixture(GRID, [0, 1], [1, 1], [1.0]),
        r"^means and weights must have one entry per point",
    ),
    (
        lambda: mean_and_std([0.5, 0.5], [0, 1, 2]),
        r"^p and grid must have one entry per point, but p has 2 and grid has 3",
    ),
    (
        lambda: mean_and_std([[0.5, 0.5]], [0, 1]),
        r"^p must be one distribution \(1-D\), but has shape \(1, 2\)",
    ),
    (
        lambda: bin_counts([0.5, 2.0, 3.0], [0, 1]),
        r"^samples has 2 value\(s\) outside the edges \[0, 1\] \(the first is 2\.0\); "
        r"widen the edges, or drop those samples",
    ),
    (lambda: bin_counts([0.5], [1, 0]), r"^edges must be strictly increasing"),
    (
        lambda: kl_from_samples([0.5], [7.0], [0, 1]),
        r"^samples_q has 1 value\(s\) outside the edges",
    ),
    (
        lambda: kl_from_samples([0.5], [[0.5]], [0, 1]),
        r"^samples_q must be a flat sequence of numbers",
    ),
    (
        lambda: kl_from_samples([0.5], [0.5], [0, 1], alpha=-1),
        r"^alpha must be a single finite number, at least 0, but got -1\.0",
    ),
    (
        lambda: additive_smoothing([1, 2], alpha=np.inf),
        r"^alpha must be a single finite number, at least 0, but got inf",
    ),
    (
        lambda: additive_smoothing([1, -2], alpha=1),
        r"^counts contains -2\.0 at index 1, but counts cannot be negative; pass",
    ),
    (lambda: additive_smoothing([]), r"^counts is empty; pass at least one count"),
    (lambda: bin_counts([], [0, 1]), r"^samples is empty; pass at least one sample"),
    (lambda: gaussian([], 0, 1), r"^grid is empty; pass at least one grid point"),
    (
        lambda: gaussian_mixture(GRID, [0, 1], [1, 1], [[0.5, 0.5]]),
        r"^weights must be one flat distribution, one weight per component, but has "
        r"shape \(1, 2\)",
    ),
    (
        lambda: mixture([[0.5, 0.5]], [[1.0, 0.0], [0.5, 0.5]]),
        r"^weights must be one flat distribution",
    ),
    (
        lambda: gaussian([-1e308, 1e308], 0, 1),
        r"^grid spans -1e\+308 to 1e\+308, a width beyond the float64 range",
    ),
    (
        lambda: additive_smoothing([0, 0], alpha=0),
        r"^counts are all zero and alpha is 0, so there is nothing to turn into a "
        r"distribution; pass some counts or a positive alpha",
    ),
    (
        lambda: mix_with_uniform([0.5, 0.5], 1.5),
        r"^weight must be a single finite number, at least 0 and at most 1, but got "
        r"1\.5; pass for example",
    ),
    (lambda: mix_with_uniform([0.5, 0.6], 0.1), r"^p must sum to 1"),
    (
        lambda: fit_gaussian(gaussian(GRID, 0, 1), GRID, "sideways"),
        r"^direction must be 'forward' or 'reverse', but got 'sideways'",
    ),
    (
        lambda: fit_gaussian([0.5, 0.5], GRID),
        r"^p and grid must have one entry per point",
    ),
    (
        lambda: fit_gaussian(gaussian(GRID, 0, 1), GRID, base=1),
        r"^base must be a finite number greater than 1",
    ),
    (
        lambda: gaussian_divergences(gaussian(GRID, 0, 1), GRID, [0], [0.0]),
        r"^stds must all be positive, but the smallest is 0\.0",
    ),
    (
        lambda: gaussian_divergences(gaussian(GRID, 0, 1), GRID, [0], [1], "up"),
        r"^direction must be 'forward' or 'reverse', but got 'up'",
    ),
    (
        lambda: fit_gaussian(np.eye(201)[100], np.linspace(-1, 1, 201), "reverse"),
        r"^every Gaussian on this grid gives an infinite reverse divergence, .*smooth "
        r"p first, for example with infotheory\.mix_with_uniform\(p, 1e-6\)",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


# --------------------------------------------------------------- far from the grid


@pytest.mark.parametrize(
    "mean, std, expected",
    [
        (0.1, 1e-300, [0, 0, 1, 0, 0]),  # tiny std: all on the nearest point
        (0.25, 1e-300, [0, 0, 0.5, 0.5, 0]),  # halfway between two points
        (1e200, 1.0, [0, 0, 0, 0, 1]),  # the mean far beyond the grid
        (1e150, 1.0, [0, 0, 0, 0, 1]),  # z**2 finite, but its differences round away
        (-1.7e308, 1e-300, [1, 0, 0, 0, 0]),
        (0.0, 1e308, [0.2] * 5),  # a huge std: flat
    ],
)
def test_gaussians_far_from_the_grid_are_distributions_not_nan(mean, std, expected):
    np.testing.assert_allclose(gaussian(GRID, mean, std), expected, atol=1e-300)


def test_mixtures_and_divergences_of_far_gaussians_have_no_nan():
    p = gaussian_mixture(GRID, [0.0, 1e200], [1.0, 1e-300], [0.5, 0.5])
    assert np.isfinite(p).all() and p.sum() == pytest.approx(1.0) and p[-1] > 0.5
    for direction in ("forward", "reverse"):
        values = gaussian_divergences(
            gaussian(GRID, 0, 1), GRID, [0.0, 1e200], [1e-300, 1.0], direction
        )
        assert not np.isnan(values).any()


def test_huge_counts_are_smoothed_into_a_distribution():
    np.testing.assert_array_equal(additive_smoothing([1e308, 1e308]), [0.5, 0.5])
