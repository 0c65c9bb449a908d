"""infotheory: the information measures behind the book *Entropy, cross-entropy and KL divergence*.

The math lives in small modules that import only numpy:

* :mod:`infotheory.measures`: information, entropy, cross-entropy, KL divergence.
* :mod:`infotheory.coding`: prefix codes: Huffman codes, the Kraft sum, encode/decode.

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
from .measures import cross_entropy, entropy, information, kl_divergence, normalize

__all__ = [
    "SUM_TOLERANCE",
    "average_length",
    "block_distribution",
    "code_lengths",
    "cross_entropy",
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
    "normalize",
]
