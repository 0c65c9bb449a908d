"""infotheory: the information measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.
* :mod:`infotheory.coding`: prefix codes: Huffman codes, the Kraft sum, encode/decode.
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
    "SoftmaxClassifier",
    "average_length",
    "block_distribution",
    "code_lengths",
    "cross_entropy",
    "cross_entropy_loss",
    "cross_entropy_loss_gradient",
    "decode",
    "encode",
    "entropy",
    "fixed_length_code",
    "huffman_code",
    "ideal_lengths",
    "information",
    "is_prefix_free",
    "kl_divergence",
    "kraft_sum",
    "log_softmax",
    "logsumexp",
    "normalize",
    "one_hot",
    "smooth_labels",
    "softmax",
    "train_softmax_classifier",
]
