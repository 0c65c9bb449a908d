"""infotheory: the measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.
* :mod:`infotheory.joint`: joint distributions of two variables: marginals, joint and
  conditional entropy, mutual information.
* :mod:`infotheory.coding`: prefix codes: Huffman and Shannon codes, the Kraft sum,
  encode/decode.
* :mod:`infotheory.arithmetic`: arithmetic coding under a static or adaptive model,
  in exact integer arithmetic.
* :mod:`infotheory.distributions`: distributions on a grid (discretised Gaussians,
  mixtures), histograms and smoothing, and Gaussians fitted by forward or reverse KL.
* :mod:`infotheory.learning`: softmax, cross-entropy loss from logits and its gradient;
  the sigmoid and binary cross-entropy.
* :mod:`infotheory.classifier`: a tiny softmax classifier trained on that loss.
* :mod:`infotheory.calibration`: reliability tables, expected calibration error and
  temperature scaling.
* :mod:`infotheory.datasets`: the handwritten digits of ``data/`` and seeded splits.
* :mod:`infotheory.ngram`: a character n-gram language model with Kneser-Ney
  smoothing.

The package exports the public names of these modules (each module's ``__all__``),
so ``from infotheory import entropy`` works. Plotting (:mod:`infotheory.plots`),
interactive explorers (:mod:`infotheory.widgets`) and the lessons' computed prose in
both editions of the book (:mod:`infotheory.prose`) are imported explicitly, so
``import infotheory`` stays light and free of side effects. Every function measures
in bits unless you pass ``base=np.e`` (nats).
"""

from . import (
    arithmetic,
    calibration,
    classifier,
    coding,
    datasets,
    distributions,
    joint,
    learning,
    measures,
    ngram,
)

_MODULES = (
    measures,
    joint,
    coding,
    arithmetic,
    distributions,
    learning,
    classifier,
    calibration,
    datasets,
    ngram,
)

__all__ = [name for module in _MODULES for name in module.__all__]

# The public names of the modules, bound here too: infotheory.entropy and so on.
globals().update(
    {name: getattr(module, name) for module in _MODULES for name in module.__all__}
)
