"""infotheory: the information measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.
* :mod:`infotheory.coding`: prefix codes: Huffman codes, the Kraft sum, encode/decode.
* :mod:`infotheory.distributions`: distributions on a grid (discretised Gaussians,
  mixtures), histograms and smoothing, and Gaussians fitted by forward or reverse KL.
* :mod:`infotheory.learning`: softmax, cross-entropy loss from logits and its gradient,
  a tiny softmax classifier.

Plotting (:mod:`infotheory.plots`) and interactive explorers (:mod:`infotheory.widgets`)
are imported explicitly, so ``import infotheory`` stays light and free of side effects.
Every function measures in bits unless you pass ``base=np.e`` (nats).
"""

from ._validation import SUM_TOLERANCE
from .coding import (
    average_length,
    block_distribution,
    code_lengths,
    decode,
    encode,
    fixed_length_code,
    huffman_code,
    ideal_lengths,
    is_prefix_free,
    kraft_sum,
    shannon_code,
)
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
from .learning import (
    SoftmaxClassifier,
    cross_entropy_loss,
    cross_entropy_loss_gradient,
    log_softmax,
    logsumexp,
    one_hot,
    smooth_labels,
    softmax,
    train_softmax_classifier,
)
from .measures import cross_entropy, entropy, information, kl_divergence, normalize

__all__ = [
    "SUM_TOLERANCE",
    "GaussianFit",
    "SoftmaxClassifier",
    "additive_smoothing",
    "average_length",
    "bin_counts",
    "block_distribution",
    "code_lengths",
    "cross_entropy",
    "cross_entropy_loss",
    "cross_entropy_loss_gradient",
    "decode",
    "encode",
    "entropy",
    "fit_gaussian",
    "fixed_length_code",
    "gaussian",
    "gaussian_divergences",
    "gaussian_mixture",
    "histogram",
    "huffman_code",
    "ideal_lengths",
    "information",
    "is_prefix_free",
    "kl_divergence",
    "kl_from_samples",
    "kraft_sum",
    "log_softmax",
    "logsumexp",
    "mean_and_std",
    "mix_with_uniform",
    "mixture",
    "normalize",
    "one_hot",
    "shannon_code",
    "smooth_labels",
    "softmax",
    "train_softmax_classifier",
]
