"""Input checks shared by every public function, and the messages they raise.

Every check raises ``ValueError`` with a message that names the argument, says what
is wrong with it and how to fix it. Nothing here renormalises, clips or broadcasts
silently.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

#: How far (absolutely) the entries of a distribution may sum away from 1.
SUM_TOLERANCE = 1e-6


def as_numbers(values, name: str) -> np.ndarray:
    """Return ``values`` as a non-empty float64 array, or raise (finiteness unchecked)."""
    if type(values) is np.ndarray and values.dtype == np.float64:
        array = values  # the common case, kept fast
    else:
        array = _convert(values, name)
    if array.size == 0:
        raise ValueError(
            f"{name} is empty; pass at least one probability, for example [1.0]."
        )
    return array


def as_real_array(values, name: str) -> np.ndarray:
    """Return ``values`` as a float64 array of finite real numbers, or raise."""
    array = as_numbers(values, name)
    if not np.isfinite(array).all():
        _check_finite(array, name)
    return array


def as_probabilities(values, name: str) -> np.ndarray:
    """Return ``values`` as a float64 array of numbers in [0, 1], or raise."""
    array = as_numbers(values, name)
    if not (array.min() >= 0 and array.max() <= 1):  # NaN fails both comparisons
        _check_finite(array, name)
        _check_non_negative(array, name)
        value, where = _bad_entry(array, array > 1)
        raise ValueError(
            f"{name} contains {value}{where}, but a probability "
            f"cannot exceed 1; pass values between 0 and 1."
        )
    return array


def as_distribution(values, name: str, axis: int = -1) -> np.ndarray:
    """Return ``values`` as float64 distributions along ``axis``, or raise.

    The entries must be finite, non-negative and sum to 1 along ``axis`` within
    :data:`SUM_TOLERANCE`.
    """
    return distribution_and_minimum(values, name, axis)[0]


def distribution_and_minimum(values, name: str, axis: int = -1) -> tuple[np.ndarray, float]:
    """Like :func:`as_distribution`, also returning the smallest entry.

    The minimum comes free with the checks and tells callers whether the fast paths
    without zero handling apply. One pass for the sums and one for the minimum: the
    detailed diagnosis runs only when something is wrong.
    """
    array = as_numbers(values, name)
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number ({float(array)!r}), but a distribution needs one "
            f"probability per outcome; pass a sequence such as [{float(array)!r}, "
            f"{1 - float(array)!r}]."
        )
    axis = check_axis(axis, array.ndim)
    minimum = float(np.minimum.reduce(array, axis=None))
    if array.ndim == 1:
        sums = float(np.add.reduce(array))
        finite = math.isfinite(sums)
    else:
        sums = np.add.reduce(array, axis=axis)
        finite = np.isfinite(sums).all()
    if not (minimum >= 0 and finite):  # NaN fails the comparison
        _check_finite(array, name)
        _check_non_negative(array, name)
    if array.ndim == 1:
        bad_sum = abs(sums - 1.0) > SUM_TOLERANCE
    else:
        bad_sum = bool((np.abs(sums - 1.0) > SUM_TOLERANCE).any())
    if bad_sum:
        sums = np.asarray(sums)
        total, where = _bad_entry(sums, np.abs(sums - 1.0) > SUM_TOLERANCE)
        where = where and f" along axis {axis}{where}"
        raise ValueError(
            f"{name} must sum to 1, but its entries{where} sum to {total} "
            f"(tolerance {SUM_TOLERANCE:g}); fix the probabilities, or call "
            f"infotheory.normalize({name}) to rescale them explicitly."
        )
    return array, minimum


def as_weights(values, name: str, axis: int = -1) -> np.ndarray:
    """Return ``values`` as non-negative float64 weights with a positive sum along ``axis``."""
    array = as_real_array(values, name)
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number; pass one weight per outcome, for example [3, 1]."
        )
    axis = check_axis(axis, array.ndim)
    _check_non_negative(array, name)
    sums = array.sum(axis=axis)
    if (sums <= 0).any():
        raise ValueError(
            f"{name} has only zero weights{'' if sums.ndim == 0 else ' in some slice'}, "
            f"so there is nothing to normalise; give at least one outcome a positive weight."
        )
    return array


def check_same_shape(p: np.ndarray, q: np.ndarray, p_name: str = "p", q_name: str = "q") -> None:
    """Raise unless ``p`` and ``q`` have exactly the same shape (no broadcasting)."""
    if p.shape != q.shape:
        raise ValueError(
            f"{p_name} and {q_name} must describe the same outcomes, but {p_name} has "
            f"shape {p.shape} and {q_name} has shape {q.shape}; pass arrays of the same "
            f"shape (nothing is broadcast)."
        )


def check_axis(axis, ndim: int) -> int:
    """Return ``axis`` as a non-negative index into ``ndim`` dimensions, or raise."""
    if type(axis) is int and -ndim <= axis < ndim:  # the common case, kept fast
        return axis % ndim
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise ValueError(f"axis must be an integer, but got {axis!r}.")
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"axis {axis} is out of range for an array with {ndim} dimension(s); "
            f"use an axis between {-ndim} and {ndim - 1}."
        )
    return int(axis) % ndim


def check_base(base) -> float:
    """Return ``base`` as a float if it is a valid logarithm base, or raise."""
    if type(base) in (int, float) and 1 < base < math.inf:  # the common case, kept fast
        return float(base)
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise ValueError(
            f"base must be a real number such as 2 (bits) or np.e (nats), but got {base!r}."
        )
    base = float(base)
    if not math.isfinite(base) or base <= 1:
        raise ValueError(
            f"base must be a finite number greater than 1, but got {base!r}; "
            f"use 2 for bits or np.e for nats (a base below 1 would make information negative)."
        )
    return base


def _convert(values, name: str) -> np.ndarray:
    if isinstance(values, (str, bytes)):
        raise ValueError(
            f"{name} must contain numbers, but got the text {values!r}; "
            f"pass numbers such as [0.5, 0.5]."
        )
    try:
        array = np.asarray(values)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"{name} must be a number or an array of numbers, but got {values!r} "
            f"({error}); pass numbers such as [0.5, 0.5]."
        ) from None
    if array.dtype.kind == "c":
        raise ValueError(
            f"{name} must contain real numbers, but got complex values; pass the real "
            f"probabilities (for example np.abs(z)**2 if that is what you mean)."
        )
    if array.dtype.kind not in "biuf":
        raise ValueError(
            f"{name} must be a number or an array of numbers, but got {values!r} "
            f"(of type {array.dtype}); pass numbers such as [0.5, 0.5]."
        )
    return array.astype(np.float64, copy=False)


def _check_finite(array: np.ndarray, name: str) -> None:
    finite = np.isfinite(array)
    if not finite.all():
        value, where = _bad_entry(array, ~finite)
        raise ValueError(
            f"{name} contains {value}{where}; every entry must be a "
            f"finite number, so remove or replace NaN and infinite values."
        )


def _check_non_negative(array: np.ndarray, name: str) -> None:
    if (array < 0).any():
        value, where = _bad_entry(array, array < 0)
        raise ValueError(
            f"{name} contains {value}{where}, but probabilities cannot "
            f"be negative; pass values of 0 or more."
        )


def _bad_entry(array: np.ndarray, mask: np.ndarray) -> tuple[str, str]:
    """The first entry of ``array`` where ``mask`` holds, and where it is, as text."""
    flat = int(np.flatnonzero(mask)[0])
    value = repr(float(array.flat[flat]))
    if array.ndim == 0:
        return value, ""
    if array.ndim == 1:
        return value, f" at index {flat}"
    index = tuple(int(i) for i in np.unravel_index(flat, array.shape))
    return value, f" at index {index}"
