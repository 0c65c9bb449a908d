"""infotheory: the information measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.
* :mod:`infotheory.learning`: softmax, cross-entropy loss from logits and its gradient,
  a tiny softmax classifier.

Plotting (:mod:`infotheory.plots`) and interactive explorers (:mod:`infotheory.widgets`)
are imported explicitly, so ``import infotheory`` stays light and free of side effects.
Every function measures in bits unless you pass ``base=np.e`` (nats).
"""

from ._validation import SUM_TOLERANCE
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
    "SoftmaxClassifier",
    "cross_entropy",
    "cross_entropy_loss",
    "cross_entropy_loss_gradient",
    "entropy",
    "information",
    "kl_divergence",
    "log_softmax",
    "logsumexp",
    "normalize",
    "one_hot",
    "smooth_labels",
    "softmax",
    "train_softmax_classifier",
]
