"""Units and result types shared by the math modules: logarithms to a base, floats.

Every measure in the package takes ``base`` (2 for bits, ``np.e`` for nats); these
helpers turn a validated base into the logarithm or the rescaling factor to use, and
turn 0-d results into Python floats.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["as_result", "log_function", "log_scale"]

_EXACT_LOGS = {2.0: np.log2, math.e: np.log, 10.0: np.log10}


def log_function(base: float):
    """The logarithm to ``base`` as a ufunc-like callable accepting ``out=``.

    Exact ufuncs for the common bases 2, e and 10 (so that, for example,
    ``entropy([0.5, 0.5]) == 1.0`` exactly); natural log and a rescaling otherwise.
    """
    if base in _EXACT_LOGS:
        return _EXACT_LOGS[base]
    scale = 1.0 / math.log(base)

    def log(x, out=None):
        if out is None:
            return np.log(x) * scale
        return np.multiply(np.log(x, out=out), scale, out=out)

    return log


def log_scale(base: float) -> float:
    """The factor that turns natural logarithms into logarithms to ``base``."""
    return 1.0 if base == math.e else 1.0 / math.log(base)


def as_result(value):
    """A Python float for a 0-d result, the array otherwise."""
    return value if type(value) is np.ndarray and value.ndim else float(value)
