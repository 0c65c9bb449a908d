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


def as_real_array(values, name: str) -> np.ndarray:
    """Return ``values`` as a float64 array of finite real numbers, or raise."""
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
    array = array.astype(np.float64, copy=False)
    if array.size == 0:
        raise ValueError(
            f"{name} is empty; pass at least one probability, for example [1.0]."
        )
    if not np.isfinite(array).all():
        value, where = _bad_entry(array, ~np.isfinite(array))
        raise ValueError(
            f"{name} contains {value}{where}; every entry must be a "
            f"finite number, so remove or replace NaN and infinite values."
        )
    return array


def as_probabilities(values, name: str) -> np.ndarray:
    """Return ``values`` as a float64 array of numbers in [0, 1], or raise."""
    array = as_real_array(values, name)
    _check_non_negative(array, name)
    if (array > 1).any():
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
    array = as_real_array(values, name)
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number ({float(array)!r}), but a distribution needs one "
            f"probability per outcome; pass a sequence such as [{float(array)!r}, "
            f"{1 - float(array)!r}]."
        )
    axis = check_axis(axis, array.ndim)
    _check_non_negative(array, name)
    sums = array.sum(axis=axis)
    off = np.abs(sums - 1.0) > SUM_TOLERANCE
    if off.any():
        total, where = _bad_entry(sums, off)
        where = where and f" along axis {axis}{where}"
        raise ValueError(
            f"{name} must sum to 1, but its entries{where} sum to {total} "
            f"(tolerance {SUM_TOLERANCE:g}); fix the probabilities, or call "
            f"infotheory.normalize({name}) to rescale them explicitly."
        )
    return array


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


def check_number(value, name: str, low=None, high=None, low_open: bool = False) -> float:
    """Return ``value`` as a finite float within ``[low, high]`` (``(low, high]`` if ``low_open``), or raise."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise ValueError(f"{name} must be a single real number, but got {value!r}.")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, but got {value!r}.")
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and value > high
    if too_low or too_high:
        left = "(" if low_open else "["
        low_text = "-inf" if low is None else f"{low:g}"
        high_text = "inf" if high is None else f"{high:g}"
        raise ValueError(
            f"{name} must lie in {left}{low_text}, {high_text}], but got {value!r}; "
            f"pass a value in that range."
        )
    return value


def check_choice(value, name: str, options) -> str:
    """Return ``value`` if it is one of ``options``, or raise."""
    if value not in options:
        raise ValueError(
            f"{name} must be one of {list(options)}, but got {value!r}."
        )
    return value


def as_vector(values, name: str) -> np.ndarray:
    """Return ``values`` as a non-empty 1-D float64 array of finite numbers, or raise."""
    array = as_real_array(values, name)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be a flat sequence of numbers (1-D), but has shape {array.shape}; "
            f"pass a 1-D array, for example with np.ravel({name})."
        )
    return array


def as_increasing(values, name: str) -> np.ndarray:
    """Return ``values`` as a 1-D array of at least two strictly increasing numbers, or raise."""
    array = as_vector(values, name)
    if array.size < 2:
        raise ValueError(
            f"{name} has {array.size} point, but needs at least two; pass for example "
            f"np.linspace(-5, 5, 101)."
        )
    steps = np.diff(array)
    if (steps <= 0).any():
        index = int(np.flatnonzero(steps <= 0)[0]) + 1
        raise ValueError(
            f"{name} must be strictly increasing, but entry {index} ({float(array[index])!r}) is "
            f"not larger than the one before it ({float(array[index - 1])!r}); sort it and drop "
            f"repeats."
        )
    return array


def as_grid(values, name: str = "grid") -> np.ndarray:
    """Return ``values`` as an evenly spaced, strictly increasing 1-D grid, or raise."""
    array = as_increasing(values, name)
    steps = np.diff(array)
    spacing = (array[-1] - array[0]) / (array.size - 1)
    if np.abs(steps - spacing).max() > 1e-6 * spacing:
        raise ValueError(
            f"{name} must be evenly spaced (each point stands for a cell of equal width), but "
            f"its steps range from {float(steps.min())!r} to {float(steps.max())!r}; build it with "
            f"np.linspace(start, stop, n)."
        )
    return array


def check_same_length(a: np.ndarray, b: np.ndarray, a_name: str, b_name: str) -> None:
    """Raise unless the 1-D arrays ``a`` and ``b`` have the same length."""
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(
            f"{a_name} and {b_name} must have one entry per point, but {a_name} has "
            f"{a.shape[-1]} and {b_name} has {b.shape[-1]}; pass them on the same grid."
        )
