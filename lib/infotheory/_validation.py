"""Input checks shared by several modules, and the messages they raise.

Every check raises ``ValueError`` with a message that names the argument, says what
is wrong with it and how to fix it. Nothing here renormalises, clips or broadcasts
silently. Checks that only one module needs live in that module, as private functions.

What counts as numbers: Python numbers and sequences of them, numpy arrays of booleans,
integers or floats of any precision (converted to float64), and object arrays of real
numbers (such as ``Fraction``). Refused, with a message that says what to do instead:
text, complex values, ragged sequences, arrays with masked entries (a mask is never
honoured silently: drop or fill the masked entries first; a masked array with nothing
masked is just its data), values beyond the float64 range, and objects that numpy
cannot convert (such as a torch tensor that requires grad).
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = [
    "SUM_TOLERANCE",
    "as_array",
    "as_distribution",
    "as_float_array",
    "as_real_array",
    "bad_entry",
    "check_axis",
    "check_base",
    "check_choice",
    "check_finite",
    "check_integer",
    "check_non_negative",
    "check_number",
    "check_seed",
    "distribution_and_minimum",
    "distribution_stats",
]

#: How far (absolutely) the entries of a distribution may sum away from 1.
SUM_TOLERANCE = 1e-6


# ------------------------------------------------------------------------------- arrays


def as_float_array(
    values, name: str, what: str = "probability", example: str = "[1.0]"
) -> np.ndarray:
    """Return ``values`` as a non-empty float64 array of real numbers, or raise.

    ``what`` names one entry (``"probability"``, ``"count"``, ``"logit"``, ...) and
    ``example`` is a valid value, both for the messages. The values themselves are not
    looked at (NaN and infinities pass), so callers that can check them more cheaply do
    it themselves. A float64 array is returned as is.
    """
    if type(values) is np.ndarray and values.dtype == np.float64:
        array = values  # the common case, kept fast
    else:
        array = _convert(values, name, what)
    if array.size == 0:
        raise ValueError(
            f"{name} is empty; pass at least one {what}, for example {example}."
        )
    return array


def as_real_array(
    values, name: str, what: str = "number", example: str = "[0.5, 1.5]"
) -> np.ndarray:
    """Return ``values`` as a float64 array of finite real numbers, or raise."""
    array = as_float_array(values, name, what, example)
    if not np.isfinite(array).all():
        check_finite(array, name)
    return array


def as_array(values, name: str) -> np.ndarray:
    """Return ``values`` as a numpy array of any dtype, or raise ``ValueError``.

    The one conversion every check starts from: masked arrays with masked entries,
    ragged sequences and objects that numpy cannot convert (a torch tensor that
    requires grad, a GPU tensor) are refused with a message naming ``name``.
    """
    if type(values) is np.ndarray:
        return values
    if isinstance(values, np.ma.MaskedArray):
        masked = int(np.ma.count_masked(values))
        if masked:
            raise ValueError(
                f"{name} is a masked array with {masked} masked "
                f"entr{'y' if masked == 1 else 'ies'}, and masks are not honoured; "
                f"drop the masked entries with {name}.compressed(), or fill them "
                f"explicitly with {name}.filled(value)."
            )
        return np.asarray(values.data)
    try:
        with np.errstate(all="ignore"):
            return np.asarray(values)
    except Exception as error:  # numpy raises many types; the caller gets one
        if "inhomogeneous" in str(error):
            raise ValueError(
                f"{name} must be a number or an array of numbers, but got {values!r}, "
                f"whose rows have different lengths (inhomogeneous); pass a "
                f"rectangular array, every row of the same length."
            ) from None
        if type(values).__module__.split(".")[0] == "torch":
            fix = f"pass {name}.detach().cpu().numpy()"
        else:
            fix = "pass numbers such as [0.5, 0.5]"
        raise ValueError(
            f"{name} must be a number or an array of numbers, but could not be "
            f"converted to one ({type(error).__name__}: {error}); {fix}."
        ) from None


def as_distribution(values, name: str, axis: int | None = -1) -> np.ndarray:
    """Return ``values`` as float64 distributions along ``axis``, or raise.

    The entries must be finite, non-negative and sum to 1 along ``axis`` within
    :data:`SUM_TOLERANCE`; ``axis=None`` makes all entries one distribution.
    """
    return distribution_and_minimum(values, name, axis)[0]


def distribution_and_minimum(
    values, name: str, axis: int | None = -1
) -> tuple[np.ndarray, float]:
    """Like :func:`as_distribution`, also returning the smallest entry.

    The minimum comes free with the checks and tells callers whether the fast paths
    without zero handling apply.
    """
    array, minimum, _ = distribution_stats(values, name, axis)
    return array, minimum


def distribution_stats(values, name: str, axis: int | None = -1, minimum: bool = True):
    """Like :func:`as_distribution`, also returning the smallest entry and the sums.

    Returns ``(array, minimum, sums)``: the array keeps its shape (also for
    ``axis=None``, all entries one distribution); ``sums`` are the float sums along
    ``axis`` as numpy computes them, a float for one distribution, otherwise an array
    with ``axis`` removed. One pass for the sums and one for the minimum: the detailed
    diagnosis runs only when something is wrong. With ``minimum=False`` the minimum is
    not computed (None) and **negative entries are not looked for**: the caller must
    rule them out itself.
    """
    array = as_float_array(values, name)
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number ({float(array)!r}), but a distribution needs "
            f"one probability per outcome; pass a sequence such as "
            f"[{float(array)!r}, {1 - float(array)!r}]."
        )
    everything = axis is None
    if everything:
        checked, axis = array.reshape(-1), 0
    else:
        checked, axis = array, check_axis(axis, array.ndim)
    smallest = float(np.minimum.reduce(checked, axis=None)) if minimum else 0.0
    with np.errstate(over="ignore"):  # a sum beyond the float range is not 1 either
        if checked.ndim == 1:
            sums = float(np.add.reduce(checked))
            finite = math.isfinite(sums)
        else:
            sums = np.add.reduce(checked, axis=axis)
            finite = np.isfinite(sums).all()
    if not (smallest >= 0 and finite):  # NaN fails the comparison
        check_finite(array, name)
        check_non_negative(array, name)
    if checked.ndim == 1:
        bad_sum = abs(sums - 1.0) > SUM_TOLERANCE
    else:
        bad_sum = bool((np.abs(sums - 1.0) > SUM_TOLERANCE).any())
    if bad_sum:
        shown = np.asarray(sums)
        total, where = bad_entry(shown, np.abs(shown - 1.0) > SUM_TOLERANCE)
        where = where and f" along axis {axis}{where}"
        if everything and array.ndim > 1:
            where = " (all of them: axis=None makes the whole array one distribution)"
        raise ValueError(
            f"{name} must sum to 1, but its entries{where} sum to {total} "
            f"(tolerance {SUM_TOLERANCE:g}); fix the probabilities, or call "
            f"infotheory.normalize({name}) to rescale them explicitly."
        )
    return array, smallest if minimum else None, sums


def check_finite(array: np.ndarray, name: str) -> None:
    """Raise unless every entry of ``array`` is finite, saying where one is not."""
    finite = np.isfinite(array)
    if not finite.all():
        value, where = bad_entry(array, ~finite)
        raise ValueError(
            f"{name} contains {value}{where}; every entry must be a "
            f"finite number, so remove or replace NaN and infinite values."
        )


def check_non_negative(
    array: np.ndarray, name: str, what: str = "probabilities"
) -> None:
    """Raise if some entry of ``array`` is negative, saying where the first is.

    ``what`` names the entries in the plural (``"probabilities"``, ``"counts"``...).
    """
    if (array < 0).any():
        value, where = bad_entry(array, array < 0)
        raise ValueError(
            f"{name} contains {value}{where}, but {what} cannot "
            f"be negative; pass values of 0 or more."
        )


def bad_entry(array: np.ndarray, mask: np.ndarray) -> tuple[str, str]:
    """The first entry of ``array`` where ``mask`` holds, and where it is, as text."""
    flat = int(np.flatnonzero(mask)[0])
    value = repr(float(array.flat[flat]))
    if array.ndim == 0:
        return value, ""
    if array.ndim == 1:
        return value, f" at index {flat}"
    index = tuple(int(i) for i in np.unravel_index(flat, array.shape))
    return value, f" at index {index}"


#: What to pass instead of complex values, by what the entries are.
_COMPLEX_ADVICE = {
    "probability": "pass the real probabilities (for example np.abs(z)**2 if that is "
    "what you mean)",
    "logit": "pass real logits (z.real, if the imaginary parts are only rounding)",
}


def _convert(values, name: str, what: str = "probability") -> np.ndarray:
    if isinstance(values, (str, bytes)):
        raise ValueError(
            f"{name} must contain numbers, but got the text {values!r}; "
            f"pass numbers such as [0.5, 0.5]."
        )
    array = as_array(values, name)
    kind = array.dtype.kind
    if kind == "c":
        advice = _COMPLEX_ADVICE.get(what, "pass real numbers")
        raise ValueError(
            f"{name} must contain real numbers, but got complex values; {advice}."
        )
    if kind == "O":
        array = _from_objects(array, name)
    elif kind not in "biuf":
        shown = f"the text {values!r}" if kind in "US" else repr(values)
        raise ValueError(
            f"{name} must be a number or an array of numbers, but got {shown} "
            f"(of type {array.dtype}); pass numbers such as [0.5, 0.5]."
        )
    if array.dtype == np.float64:
        return array
    with np.errstate(over="ignore"):  # float128 beyond the float64 range: see below
        converted = array.astype(np.float64)
    if kind == "f" and array.dtype.itemsize > 8:
        lost = np.isinf(converted) & np.isfinite(array)
        if lost.any():
            _, where = bad_entry(converted, lost)
            value = array.flat[int(np.flatnonzero(lost)[0])]
            raise ValueError(
                f"{name} contains {value}{where}, beyond the float64 range that every "
                f"measure here computes in; rescale {name} first."
            )
    return converted


def _from_objects(array: np.ndarray, name: str) -> np.ndarray:
    """An object array of real numbers (Fraction, Python floats...) as float64."""
    for index, value in enumerate(array.flat):
        if not isinstance(value, numbers.Real):
            where = f" at index {index}" if array.ndim == 1 else ""
            raise ValueError(
                f"{name} must be a number or an array of numbers, but contains "
                f"{value!r}{where} (of type {type(value).__name__}); pass numbers "
                f"such as [0.5, 0.5]."
            )
    try:
        return array.astype(np.float64)
    except OverflowError:  # a Python int too large for a float
        index = next(i for i, v in enumerate(array.flat) if math.isinf(_as_float(v)))
        where = f" at index {index}" if array.ndim == 1 else ""
        raise ValueError(
            f"{name} contains an integer of {len(str(abs(array.flat[index])))} digits"
            f"{where}, beyond the float64 range that every measure here computes in; "
            f"rescale {name} first."
        ) from None


# ------------------------------------------------------------------------------ scalars


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
    if type(base) is float and 1 < base < math.inf:  # the common case, fast
        return base
    if type(base) is int and 1 < base < 2**1023:
        return float(base)
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise ValueError(
            f"base must be a real number such as 2 (bits) or np.e (nats), "
            f"but got {base!r}."
        )
    base = _as_float(base)
    if not math.isfinite(base) or base <= 1:
        raise ValueError(
            f"base must be a finite number greater than 1, but got {base!r}; "
            f"use 2 for bits or np.e for nats (a base below 1 would make information "
            f"negative)."
        )
    return base


def check_number(
    value, name: str, example: str, low=None, high=None, low_open: bool = False
) -> float:
    """Return ``value`` as a float if it is one finite real number in range, or raise.

    The range is ``[low, high]``, or ``(low, high]`` with ``low_open``; a bound of
    None leaves that side open. ``example`` is a valid value, shown in the message.
    """
    if not isinstance(value, bool) and isinstance(value, numbers.Real):
        number = _as_float(value)
        too_low = low is not None and (number <= low if low_open else number < low)
        too_high = high is not None and number > high
        if math.isfinite(number) and not (too_low or too_high):
            return number
        value = number  # shown as a plain float
    bounds = []
    if low is not None:
        bounds.append(f"greater than {low:g}" if low_open else f"at least {low:g}")
    if high is not None:
        bounds.append(f"at most {high:g}")
    wanted = f", {' and '.join(bounds)}" if bounds else ""
    raise ValueError(
        f"{name} must be a single finite number{wanted}, but got {value!r}; "
        f"pass for example {example}."
    )


def check_integer(
    value, name: str, what: str, minimum: int = 1, maximum: int | None = None
) -> int:
    """Return ``value`` as an int if it is a whole number in ``[minimum, maximum]``.

    ``what`` names what is counted (such as ``"classes"``), for the message.
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Integral)
        or value < minimum
    ):
        raise ValueError(
            f"{name} must be a whole number of {what}, at least {minimum}, "
            f"but got {value!r}."
        )
    if maximum is not None and value > maximum:
        raise ValueError(
            f"{name} must be a whole number of {what}, at most {maximum:,}, "
            f"but got {value!r}."
        )
    return int(value)


def check_seed(seed) -> int:
    """Return ``seed`` as an int if it is a whole number of 0 or more, or raise."""
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(
            f"seed must be a whole number of 0 or more, such as 2026, but got {seed!r}."
        )
    return int(seed)


def _as_float(value) -> float:
    """``float(value)``, with integers beyond the float range becoming infinite."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def check_choice(value, name: str, options: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``options``, or raise."""
    if value not in options:
        listed = ", ".join(map(repr, options[:-1])) + f" or {options[-1]!r}"
        raise ValueError(f"{name} must be {listed}, but got {value!r}.")
    return value
