"""infotheory: the information measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.

Plotting (:mod:`infotheory.plots`) and interactive explorers (:mod:`infotheory.widgets`)
are imported explicitly, so ``import infotheory`` stays light and free of side effects.
Every function measures in bits unless you pass ``base=np.e`` (nats).
"""

from ._validation import SUM_TOLERANCE
from .measures import cross_entropy, entropy, information, kl_divergence, normalize

__all__ = [
    "SUM_TOLERANCE",
    "cross_entropy",
    "entropy",
    "information",
    "kl_divergence",
    "normalize",
]
