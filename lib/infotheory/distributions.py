"""Distributions on a grid: Gaussians, mixtures, histograms, smoothing and KL fits.

The measures of :mod:`infotheory.measures` work on discrete distributions. A
continuous distribution enters them through a **grid**: evenly spaced points, each
standing for a cell of equal width, and the probability of a cell proportional to the
density at its point. On a fine grid the measures of these discrete distributions
approach their continuous counterparts (for KL divergence the grid spacing cancels).

Conventions shared by every function here:

* Every returned distribution is normalised explicitly, so that it passes the checks
  of :func:`infotheory.kl_divergence` (sum 1 within :data:`infotheory.SUM_TOLERANCE`).
* Divergences are in bits unless you pass ``base=np.e`` (nats).
* Nothing is smoothed silently: smoothing is a separate, explicit step
  (:func:`additive_smoothing`, :func:`mix_with_uniform`, or ``alpha`` where offered).
* Bad input raises ``ValueError`` with a message that names the argument and says how
  to fix it.

References
----------
T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley (2006),
sections 2.3 and 8.3 (relative entropy; quantised continuous variables). C. M. Bishop,
*Pattern Recognition and Machine Learning*, Springer (2006), section 10.1.2 (the two
directions of KL divergence when fitting a simpler model).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ._validation import (
    as_distribution,
    as_real_array,
    check_base,
    check_choice,
    check_non_negative,
    check_number,
)
from .measures import kl_divergence, normalize

__all__ = [
    "GaussianFit",
    "additive_smoothing",
    "bin_counts",
    "fit_gaussian",
    "gaussian",
    "gaussian_divergences",
    "gaussian_mixture",
    "histogram",
    "kl_from_samples",
    "mean_and_std",
    "mix_with_uniform",
    "mixture",
]

#: How many local minima of the first, coarse lattice :func:`fit_gaussian` refines.
_STARTS = 3

#: The two ways to fit a model ``Q`` to a reference ``P`` by KL divergence.
_DIRECTIONS = ("forward", "reverse")


# ---------------------------------------------------------------------------- on a grid


def gaussian(grid, mean, std):
    """A Gaussian ``N(mean, std**2)`` discretised on an evenly spaced ``grid``.

    The probability of each grid point is proportional to the normal density there,
    ``exp(-(x - mean)**2 / (2 * std**2))``, normalised to sum to 1 over the grid.

    Parameters
    ----------
    grid : array_like
        Evenly spaced, strictly increasing points (for example ``np.linspace``).
    mean : float
        Centre of the Gaussian; it may lie outside the grid.
    std : float
        Standard deviation, ``> 0``.

    Returns
    -------
    ndarray
        Probabilities, one per grid point, summing to 1. Points so far out that the
        density underflows get probability exactly 0.

    Notes
    -----
    The weights are computed relative to the largest one (in the log domain), so a
    narrow Gaussian far from the grid still gives a valid distribution rather than
    ``0 / 0``. Only the part of the Gaussian on the grid is kept: a grid that cuts off
    its tails truncates it.

    Examples
    --------
    >>> grid = np.linspace(-1, 1, 5)
    >>> gaussian(grid, 0.0, 1.0).round(3)
    array([0.152, 0.222, 0.251, 0.222, 0.152])
    >>> float(gaussian(grid, 0.0, 1.0).sum())
    1.0
    """
    grid = _as_grid(grid)
    mean = check_number(mean, "mean", "0.0")
    std = check_number(std, "std", "1.0", low=0, low_open=True)
    return _gaussian_rows(grid, np.array([mean]), np.array([std]))[0]


def mixture(weights, components):
    """The mixture ``sum_k weights[k] * components[k]`` of distributions.

    The components are distributions over the same outcomes.

    Parameters
    ----------
    weights : array_like
        Mixing weights, one per component, non-negative and summing to 1.
    components : array_like
        A 2-D array, one distribution per row, all over the same outcomes.

    Returns
    -------
    ndarray
        The mixture distribution, normalised to sum to 1.

    Examples
    --------
    >>> mixture([0.5, 0.5], [[1.0, 0.0], [0.5, 0.5]])
    array([0.75, 0.25])
    """
    weights = _as_weights(weights)
    components = as_distribution(components, "components")
    if components.ndim != 2 or components.shape[0] != weights.size:
        raise ValueError(
            f"components must hold one distribution per weight (shape "
            f"({weights.size}, n)), but has shape {components.shape}; stack the "
            f"components as the rows of a 2-D array."
        )
    return normalize(weights @ components)


def gaussian_mixture(grid, means, stds, weights):
    """A mixture of Gaussians on ``grid``: ``sum_k w_k N(means[k], stds[k]**2)``.

    Each component is discretised with :func:`gaussian`, then mixed with
    :func:`mixture`.

    Parameters
    ----------
    grid : array_like
        Evenly spaced, strictly increasing points.
    means, stds : array_like
        The centre and standard deviation (``> 0``) of each component.
    weights : array_like
        Mixing weights, summing to 1.

    Returns
    -------
    ndarray
        Probabilities, one per grid point, summing to 1.

    Examples
    --------
    A two-peaked distribution, heavier on the left:

    >>> grid = np.linspace(-4, 4, 9)
    >>> p = gaussian_mixture(grid, [-2, 2], [0.5, 0.5], [0.6, 0.4])
    >>> int(np.argmax(p)), float(grid[np.argmax(p)])
    (2, -2.0)
    """
    grid = _as_grid(grid)
    means = _as_vector(means, "means", "mean", "[-2.0, 2.0]")
    stds = _as_vector(stds, "stds", "standard deviation", "[1.0, 0.5]")
    _check_same_length(means, stds, "means", "stds")
    _check_positive_stds(stds)
    weights = _as_weights(weights)
    _check_same_length(means, weights, "means", "weights")
    return mixture(weights, _gaussian_rows(grid, means, stds))


def mean_and_std(p, grid):
    """Mean and standard deviation of a distribution ``p`` over the points of ``grid``.

    ``mean = sum(p * grid)`` and ``std = sqrt(sum(p * (grid - mean)**2))``, also for
    points near the float64 maximum (computed rescaled; a std beyond the float range
    is ``inf``).

    Examples
    --------
    >>> mean_and_std([0.5, 0.5], [-1.0, 1.0])
    (0.0, 1.0)
    """
    p = as_distribution(p, "p")
    grid = _as_vector(grid, "grid", "grid point", "np.linspace(-5, 5, 101)")
    _check_same_length(p, grid, "p", "grid")
    if p.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D), but has shape {p.shape}.")
    with np.errstate(over="ignore"):
        mean = float(np.sum(p * grid))
        spread = float(np.sqrt(np.sum(p * (grid - mean) ** 2)))
    if not math.isfinite(mean + spread):  # points near the float64 maximum: rescale
        scale = float(np.abs(grid).max())
        mean = float(np.sum(p * (grid / scale))) * scale
        spread = float(np.sqrt(np.sum(p * (grid / scale - mean / scale) ** 2))) * scale
    return mean, spread


# ------------------------------------------------------------------------- from samples


def bin_counts(samples, edges):
    """How many ``samples`` fall into each bin between consecutive ``edges``.

    Bins are half-open, ``[edges[i], edges[i + 1])``, except the last, which also
    holds its right edge (as in ``np.histogram``).

    Raises
    ------
    ValueError
        If a sample lies outside ``[edges[0], edges[-1]]``: it would be dropped
        silently otherwise, and the histogram would describe other data.

    Examples
    --------
    >>> bin_counts([0.1, 0.2, 0.7, 1.0], [0.0, 0.5, 1.0])
    array([2, 2])
    """
    return _bin_counts(samples, edges, "samples")


def _bin_counts(samples, edges, name):
    samples = _as_vector(samples, name, "sample", "[0.1, 0.7]")
    edges = _as_increasing(edges, "edges", "edge", "np.linspace(0, 1, 11)")
    outside = (samples < edges[0]) | (samples > edges[-1])
    if outside.any():
        first = float(samples[np.flatnonzero(outside)[0]])
        raise ValueError(
            f"{name} has {int(outside.sum())} value(s) outside the edges "
            f"[{edges[0]:g}, {edges[-1]:g}] (the first is {first!r}); widen the edges, "
            f"or drop those samples explicitly before counting."
        )
    counts, _ = np.histogram(samples, bins=edges)
    return counts


def additive_smoothing(counts, alpha=1.0):
    """Counts turned into a distribution after adding ``alpha`` to every count.

    ``q_i = (n_i + alpha) / (N + alpha * K)`` for ``K`` outcomes and ``N`` counts in
    all. ``alpha = 1`` is Laplace's rule of succession, ``alpha = 0.5`` the
    Krichevsky-Trofimov (Jeffreys) estimate, ``alpha = 0`` the plain frequencies.
    Any ``alpha > 0`` gives every outcome a positive probability, so a model built from
    the counts never rules out an outcome it has not seen yet.

    Parameters
    ----------
    counts : array_like
        Non-negative counts (whole numbers or not), 1-D.
    alpha : float, default 1.0
        The pseudo-count added to every outcome, ``>= 0``.

    Returns
    -------
    ndarray
        The smoothed distribution.

    References
    ----------
    Laplace (1814); Cover & Thomas (2006), section 13.2 (the KT estimate).

    Examples
    --------
    >>> additive_smoothing([3, 1, 0], alpha=1)
    array([0.57142857, 0.28571429, 0.14285714])
    >>> additive_smoothing([3, 1, 0], alpha=0)
    array([0.75, 0.25, 0.  ])
    """
    counts = _as_vector(counts, "counts", "count", "[3, 1, 0]")
    alpha = check_number(alpha, "alpha", "0.5", low=0)
    check_non_negative(counts, "counts", what="counts")
    if alpha == 0 and counts.sum() == 0:
        raise ValueError(
            "counts are all zero and alpha is 0, so there is nothing to turn into a "
            "distribution; pass some counts or a positive alpha."
        )
    return normalize(counts + alpha)


def mix_with_uniform(p, weight):
    """Mix ``p`` with the uniform distribution: ``(1 - weight) * p + weight / K``.

    The other common way, besides :func:`additive_smoothing`, to make sure a model
    gives every one of its ``K`` outcomes at least ``weight / K``.

    Examples
    --------
    >>> mix_with_uniform([1.0, 0.0], 0.1)
    array([0.95, 0.05])
    """
    p = as_distribution(p, "p")
    weight = check_number(weight, "weight", "0.01", low=0, high=1)
    return normalize((1 - weight) * p + weight / p.shape[-1], axis=-1)


def histogram(samples, edges, alpha=0.0):
    """The distribution of ``samples`` over the bins between ``edges``.

    :func:`bin_counts`, then :func:`additive_smoothing` with ``alpha`` (``0``: the plain
    frequencies, so bins without samples get probability 0).

    Examples
    --------
    >>> histogram([0.1, 0.2, 0.7, 0.9], [0.0, 0.5, 1.0, 1.5])
    array([0.5, 0.5, 0. ])
    >>> histogram([0.1, 0.2, 0.7, 0.9], [0.0, 0.5, 1.0, 1.5], alpha=1).round(3)
    array([0.429, 0.429, 0.143])
    """
    return additive_smoothing(bin_counts(samples, edges), alpha)


def kl_from_samples(samples_p, samples_q, edges, alpha=0.0, base=2):
    """Histogram ("plug-in") estimate of ``D(P || Q)`` from samples of ``P`` and ``Q``.

    Both samples are binned on the same ``edges``, optionally smoothed with ``alpha``,
    and compared with :func:`infotheory.kl_divergence`.

    Parameters
    ----------
    samples_p, samples_q : array_like
        Samples of ``P`` and of ``Q`` (1-D; their sizes may differ).
    edges : array_like
        Strictly increasing bin edges covering every sample.
    alpha : float, default 0.0
        Pseudo-count added to every bin of both histograms (see
        :func:`additive_smoothing`).
        With ``alpha = 0`` a bin that holds samples of ``P`` but none of ``Q`` makes the
        estimate ``inf``.
    base : float, default 2
        2 gives bits, ``np.e`` nats.

    Returns
    -------
    float
        The estimate. It depends on the bins. Binning the *exact* distributions can
        only lower the divergence (merging two outcomes never adds divergence: the
        log-sum inequality), so too few bins lose divergence. An estimate from
        samples can land on either side of the exact value: sampling noise adds
        divergence of its own, most with many bins and few samples, while
        pseudo-counts (``alpha > 0``) pull both histograms towards the uniform
        distribution, and the estimate towards 0, once they outweigh the counts.

    References
    ----------
    Cover & Thomas (2006), Theorem 2.7.1 (log-sum inequality) and section 8.3
    (quantised continuous variables).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x, y = rng.normal(0, 1, 10_000), rng.normal(1, 1, 10_000)
    >>> edges = np.linspace(-8, 9, 35)
    >>> round(kl_from_samples(x, y, edges, alpha=0.5), 1)   # exact: 0.721 bits
    0.7
    """
    edges = _as_increasing(edges, "edges", "edge", "np.linspace(0, 1, 11)")
    alpha = check_number(alpha, "alpha", "0.5", low=0)
    p = additive_smoothing(_bin_counts(samples_p, edges, "samples_p"), alpha)
    q = additive_smoothing(_bin_counts(samples_q, edges, "samples_q"), alpha)
    return kl_divergence(p, q, base=base)


# ------------------------------------------------------------------------------ fitting


class GaussianFit(NamedTuple):
    """The Gaussian found by :func:`fit_gaussian`: ``(mean, std, divergence, q)``.

    A named tuple: read the fields by name, or unpack it.

    Examples
    --------
    >>> grid = np.linspace(-8, 8, 161)
    >>> fit = fit_gaussian(gaussian(grid, 1.0, 2.0), grid)
    >>> round(fit.mean, 3), round(fit.std, 3)
    (1.0, 2.0)
    >>> mean, std, divergence, q = fit
    >>> bool(divergence < 1e-9), q.shape
    (True, (161,))
    """

    mean: float
    std: float
    #: The divergence it reaches: ``D(P || Q)`` (forward) or ``D(Q || P)`` (reverse).
    divergence: float
    #: The fitted Gaussian as a distribution on the grid.
    q: np.ndarray


def gaussian_divergences(p, grid, means, stds, direction="forward", base=2):
    """KL divergence between ``p`` and every Gaussian ``N(mean, std**2)`` on ``grid``.

    Parameters
    ----------
    p : array_like
        The reference distribution, one probability per grid point.
    grid : array_like
        Evenly spaced, strictly increasing points.
    means, stds : array_like
        The candidate means and standard deviations (``> 0``), 1-D.
    direction : {"forward", "reverse"}
        ``"forward"`` measures ``D(P || Q)``, ``"reverse"`` measures ``D(Q || P)``,
        with ``Q`` the discretised Gaussian (see :func:`fit_gaussian`).
    base : float, default 2
        2 gives bits, ``np.e`` nats.

    Returns
    -------
    ndarray
        Shape ``(len(stds), len(means))``: row ``j``, column ``i`` holds the divergence
        for ``stds[j]`` and ``means[i]``; ``inf`` where one distribution gives
        probability 0 to a point the other allows.

    Examples
    --------
    >>> grid = np.linspace(-8, 8, 401)
    >>> p = gaussian(grid, 1.0, 1.0)
    >>> gaussian_divergences(p, grid, [0.0, 1.0], [1.0]).round(4)
    array([[0.7213, 0.    ]])

    The first entry is the continuous value ``1 / (2 ln 2)`` bits to four decimals.
    """
    p = as_distribution(p, "p")
    grid = _as_grid(grid)
    _check_same_length(p, grid, "p", "grid")
    means = _as_vector(means, "means", "mean", "[0.0, 1.0]")
    stds = _as_vector(stds, "stds", "standard deviation", "[1.0, 2.0]")
    _check_positive_stds(stds)
    check_choice(direction, "direction", _DIRECTIONS)
    check_base(base)
    mean_lattice, std_lattice = np.meshgrid(means, stds)
    q = _gaussian_rows(grid, mean_lattice.ravel(), std_lattice.ravel())
    reference = np.broadcast_to(p, q.shape)
    if direction == "forward":
        divergence = kl_divergence(reference, q, base=base)
    else:
        divergence = kl_divergence(q, reference, base=base)
    return divergence.reshape(std_lattice.shape)


def fit_gaussian(p, grid, direction="forward", base=2):
    """The Gaussian on ``grid`` that minimises a KL divergence to ``p``.

    ``direction="forward"`` minimises ``D(P || Q)``: ``Q`` must put probability
    wherever ``P`` has some, so a single Gaussian fitted to several peaks spreads over
    all of them (*mode covering*); on a grid that holds its tails this is the Gaussian
    with the mean and standard deviation of ``p``. ``direction="reverse"`` minimises
    ``D(Q || P)``: ``Q`` is punished wherever it puts probability that ``P`` lacks, so
    it settles on one peak (*mode seeking*).

    Parameters
    ----------
    p : array_like
        The reference distribution, one probability per grid point.
    grid : array_like
        Evenly spaced, strictly increasing points.
    direction : {"forward", "reverse"}
        Which divergence to minimise.
    base : float, default 2
        Unit of the reported divergence: 2 gives bits, ``np.e`` nats.

    Returns
    -------
    GaussianFit
        ``(mean, std, divergence, q)``.

    Notes
    -----
    A numpy-only coarse-to-fine grid search. Means range over the grid, standard
    deviations (searched on a log scale) from the grid spacing to the grid's width.
    A first lattice of 25 x 25 candidates finds the basins: each of its points lower
    than its eight neighbours (the lowest three) starts a pattern search, which
    evaluates 7 x 7 candidates within one span of the best so far, moves when the best
    is on the edge of that window and zooms in threefold when it is inside, until the
    span is below 1e-3 of the grid spacing (and 1e-4 in log std). The result is the
    lowest of these local minima. Reverse KL on a symmetric mixture has two basins of
    equal depth; then either may be returned.

    Raises
    ------
    ValueError
        If every candidate Gaussian gives an infinite divergence (for example, in the
        reverse direction, when ``p`` is zero on much of the grid): smooth ``p`` first
        with :func:`mix_with_uniform`.

    References
    ----------
    Bishop (2006), section 10.1.2 and figure 10.3.

    Examples
    --------
    >>> grid = np.linspace(-16, 16, 321)
    >>> p = gaussian_mixture(grid, [-3, 3], [1, 1], [0.5, 0.5])
    >>> wide = fit_gaussian(p, grid, "forward")
    >>> round(wide.mean, 3) + 0.0, round(wide.std, 3)       # covers both peaks
    (0.0, 3.162)
    >>> narrow = fit_gaussian(p, grid, "reverse")
    >>> round(abs(narrow.mean), 2), round(narrow.std, 2)    # sits on one of them
    (2.98, 1.02)
    """
    p = as_distribution(p, "p")
    grid = _as_grid(grid)
    _check_same_length(p, grid, "p", "grid")
    check_choice(direction, "direction", _DIRECTIONS)
    check_base(base)
    spacing = (grid[-1] - grid[0]) / (grid.size - 1)
    mean_low, mean_high = float(grid[0]), float(grid[-1])
    log_low, log_high = math.log(spacing), math.log(grid[-1] - grid[0])

    def surface(means, log_stds):
        return gaussian_divergences(p, grid, means, np.exp(log_stds), direction, base)

    # Coarse lattice: each point lower than its eight neighbours starts a search.
    means = np.linspace(mean_low, mean_high, 25)
    log_stds = np.linspace(log_low, log_high, 25)
    coarse = surface(means, log_stds)
    starts = _lattice_minima(coarse)[:_STARTS]
    if not starts:
        raise ValueError(
            f"every Gaussian on this grid gives an infinite {direction} divergence, "
            f"because p is zero where the Gaussians are not (or the reverse); smooth p "
            f"first, for example with infotheory.mix_with_uniform(p, 1e-6)."
        )
    best = None
    for j, i in starts:
        found = _refine(
            surface,
            means[i],
            log_stds[j],
            means[1] - means[0],
            log_stds[1] - log_stds[0],
            (mean_low, mean_high),
            (log_low, log_high),
            (1e-3 * spacing, 1e-4),
        )
        if best is None or found[2] < best[2]:
            best = found
    mean, log_std, divergence = best
    std = math.exp(log_std)
    return GaussianFit(
        mean,
        std,
        divergence,
        _gaussian_rows(grid, np.array([mean]), np.array([std]))[0],
    )


# ------------------------------------------------------------------------------- checks


def _as_vector(values, name, what="number", example="[0.5, 1.5]"):
    """Return ``values`` as a non-empty 1-D array of finite numbers, or raise.

    ``what`` names one entry and ``example`` is a valid value, for the messages.
    """
    array = as_real_array(values, name, what, example)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be a flat sequence of numbers (1-D), but has shape "
            f"{array.shape}; pass a 1-D array, for example with np.ravel({name})."
        )
    return array


def _as_increasing(values, name, what="grid point", example="np.linspace(-5, 5, 101)"):
    """Return ``values`` as at least two strictly increasing numbers (1-D), or raise."""
    array = _as_vector(values, name, what, example)
    if array.size < 2:
        raise ValueError(
            f"{name} has {array.size} point, but needs at least two; pass for example "
            f"{example}."
        )
    with np.errstate(over="ignore"):
        steps = np.diff(array)
    if np.isinf(steps).any() or not np.isfinite(array[-1] - array[0]):
        raise ValueError(
            f"{name} spans {float(array[0])!r} to {float(array[-1])!r}, a width beyond "
            f"the float64 range; rescale it (a Gaussian on it could not be computed)."
        )
    if (steps <= 0).any():
        index = int(np.flatnonzero(steps <= 0)[0]) + 1
        raise ValueError(
            f"{name} must be strictly increasing, but entry {index} "
            f"({float(array[index])!r}) is not larger than the one before it "
            f"({float(array[index - 1])!r}); sort it and drop repeats."
        )
    return array


def _as_grid(values, name="grid"):
    """Return ``values`` as an evenly spaced, strictly increasing 1-D grid, or raise."""
    array = _as_increasing(values, name)
    steps = np.diff(array)
    spacing = (array[-1] - array[0]) / (array.size - 1)
    if np.abs(steps - spacing).max() > 1e-6 * spacing:
        raise ValueError(
            f"{name} must be evenly spaced (each point stands for a cell of equal "
            f"width), but its steps range from {float(steps.min())!r} to "
            f"{float(steps.max())!r}; build it with np.linspace(start, stop, n)."
        )
    return array


def _as_weights(values):
    """Mixing weights: one flat distribution, one weight per component."""
    weights = as_distribution(values, "weights")
    if weights.ndim != 1:
        raise ValueError(
            f"weights must be one flat distribution, one weight per component, but "
            f"has shape {weights.shape}; pass a 1-D sequence such as [0.6, 0.4]."
        )
    return weights


def _check_positive_stds(stds):
    """Raise unless every standard deviation in ``stds`` is greater than 0."""
    if (stds <= 0).any():
        raise ValueError(
            f"stds must all be positive, but the smallest is {float(stds.min())!r}; "
            f"pass standard deviations > 0."
        )


def _check_same_length(a, b, a_name, b_name):
    """Raise unless the 1-D arrays ``a`` and ``b`` have the same length."""
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(
            f"{a_name} and {b_name} must have one entry per point, but {a_name} has "
            f"{a.shape[-1]} and {b_name} has {b.shape[-1]}; pass them on the same grid."
        )


# ------------------------------------------------------------------------------ helpers


def _lattice_minima(surface: np.ndarray) -> list[tuple[int, int]]:
    """Finite lattice points no higher than their eight neighbours, lowest first."""
    padded = np.pad(surface, 1, constant_values=np.inf)
    rows, cols = surface.shape
    lowest = np.isfinite(surface)
    for dj in (-1, 0, 1):
        for di in (-1, 0, 1):
            if dj or di:
                lowest &= (
                    surface <= padded[1 + dj : 1 + dj + rows, 1 + di : 1 + di + cols]
                )
    order = np.argsort(surface[lowest], kind="stable")
    points = np.argwhere(lowest)[order]
    return [(int(j), int(i)) for j, i in points]


def _refine(
    surface, mean, log_std, mean_span, log_span, mean_bounds, log_bounds, tolerance
):
    """Pattern search: 7 x 7 candidates within one span of the best so far.

    Moves when the best is on the edge of the window; zooms in when it is inside.
    """
    value = math.inf
    for _ in range(
        1000
    ):  # a guard only: each move lowers the value, each zoom shrinks the span
        if mean_span <= tolerance[0] and log_span <= tolerance[1]:
            break
        means = np.clip(
            np.linspace(mean - mean_span, mean + mean_span, 7), *mean_bounds
        )
        log_stds = np.clip(
            np.linspace(log_std - log_span, log_std + log_span, 7), *log_bounds
        )
        values = surface(means, log_stds)
        j, i = np.unravel_index(np.argmin(values), values.shape)
        lower = values[j, i] < value
        mean, log_std, value = float(means[i]), float(log_stds[j]), float(values[j, i])
        # On the edge of the window (and not at a bound) the minimum may lie beyond it:
        # move there with the same span; otherwise zoom in threefold.
        on_edge = (i in (0, 6) and mean not in mean_bounds) or (
            j in (0, 6) and log_std not in log_bounds
        )
        if not (on_edge and lower):
            mean_span, log_span = mean_span / 3, log_span / 3
    return mean, log_std, value


def _gaussian_rows(grid: np.ndarray, means: np.ndarray, stds: np.ndarray) -> np.ndarray:
    """One discretised Gaussian per (mean, std) pair, as the rows of a 2-D array.

    The exponents are ``-z**2 / 2`` relative to the largest, ``z = (x - mean) / std``.
    Where ``z**2`` overflows, or the mean is so far from the grid (beyond
    :data:`_FAR` standard deviations) that the differences of ``z**2`` would round
    away, the row is recomputed by :func:`_gaussian_rows_far`.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        z = grid[None, :] - means[:, None]
        z /= stds[:, None]
        z *= z
        smallest = z.min(axis=1, keepdims=True)
        z -= smallest  # the largest weight becomes exp(0) = 1
        z *= -0.5
        weights = np.exp(z, out=z)
        sums = weights.sum(axis=1, keepdims=True)
        weights /= sums
    far = ~((smallest[:, 0] <= _FAR**2) & np.isfinite(sums[:, 0]))  # NaN: far too
    if far.any():
        weights[far] = _gaussian_rows_far(grid, means[far], stds[far])
    return weights


#: Means more than this many standard deviations from the nearest grid point take the
#: overflow-free evaluation of :func:`_gaussian_rows_far`.
_FAR = 32.0


def _gaussian_rows_far(grid, means, stds):
    """Discretised Gaussians whose means lie far from the grid, or whose stds are tiny.

    Relative to the grid point ``x0`` nearest the mean, a point ``x`` has the exponent
    ``-(x - x0) (x + x0 - 2 mean) / (2 std**2)``, which is ``<= 0``; it is computed from
    halves, so nothing overflows (an exponent of ``-inf`` just gives weight 0).
    """
    half = grid / 2
    nearest = np.argmin(np.abs(half[None, :] - means[:, None] / 2), axis=1)
    nearest[means >= grid[-1]] = grid.size - 1  # beyond an end, |x - mean| rounds
    nearest[means <= grid[0]] = 0
    x0_half = half[nearest][:, None]
    gap = half[None, :] - x0_half  # (x - x0) / 2
    with np.errstate(over="ignore", invalid="ignore"):
        middle = (half[None, :] + x0_half) - means[:, None]  # (x + x0) / 2 - mean
        exponent = -2.0 * (gap / stds[:, None]) * (middle / stds[:, None])
    exponent[(gap == 0) | (middle == 0)] = 0.0  # x0 itself, or a point as near as x0
    weights = np.exp(np.minimum(exponent, 0.0))  # <= 0 but for rounding
    return weights / weights.sum(axis=1, keepdims=True)
