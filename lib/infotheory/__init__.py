"""infotheory: the information measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.
* :mod:`infotheory.distributions`: distributions on a grid (discretised Gaussians,
  mixtures), histograms and smoothing, and Gaussians fitted by forward or reverse KL.

Plotting (:mod:`infotheory.plots`) and interactive explorers (:mod:`infotheory.widgets`)
are imported explicitly, so ``import infotheory`` stays light and free of side effects.
Every function measures in bits unless you pass ``base=np.e`` (nats).
"""

from ._validation import SUM_TOLERANCE
from .distributions import (
    GaussianFit,
    additive_smoothing,
    bin_counts,
    fit_gaussian,
    gaussian,
    gaussian_divergences,
    gaussian_mixture,
    histogram,
    kl_from_samples,
    mean_and_std,
    mix_with_uniform,
    mixture,
)
from .measures import cross_entropy, entropy, information, kl_divergence, normalize

__all__ = [
    "SUM_TOLERANCE",
    "GaussianFit",
    "additive_smoothing",
    "bin_counts",
    "cross_entropy",
    "entropy",
    "fit_gaussian",
    "gaussian",
    "gaussian_divergences",
    "gaussian_mixture",
    "histogram",
    "information",
    "kl_divergence",
    "kl_from_samples",
    "mean_and_std",
    "mix_with_uniform",
    "mixture",
    "normalize",
]
