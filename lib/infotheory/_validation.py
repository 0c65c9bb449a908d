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


def as_float_array(
    values, name: str, what: str = "probability", example: str = "[1.0]"
) -> np.ndarray:
    """Return ``values`` as a non-empty float64 array of real numbers, or raise.

    The values themselves are not looked at (NaN and infinities pass), so callers that
    can check them more cheaply do it themselves. A float64 array is returned as is.
    """
    if type(values) is np.ndarray and values.dtype == np.float64:
        array = values  # the common case, kept fast
    else:
        array = _convert(values, name)
    if array.size == 0:
        raise ValueError(
            f"{name} is empty; pass at least one {what}, for example {example}."
        )
    return array


def as_real_array(values, name: str) -> np.ndarray:
    """Return ``values`` as a float64 array of finite real numbers, or raise."""
    array = as_float_array(values, name)
    if not np.isfinite(array).all():
        _check_finite(array, name)
    return array


def as_probabilities(values, name: str) -> np.ndarray:
    """Return ``values`` as a float64 array of numbers in [0, 1], or raise."""
    array = as_float_array(values, name)
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


def distribution_and_minimum(
    values, name: str, axis: int = -1
) -> tuple[np.ndarray, float]:
    """Like :func:`as_distribution`, also returning the smallest entry.

    The minimum comes free with the checks and tells callers whether the fast paths
    without zero handling apply. One pass for the sums and one for the minimum: the
    detailed diagnosis runs only when something is wrong.
    """
    array = as_float_array(values, name)
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


def check_same_shape(
    p: np.ndarray, q: np.ndarray, p_name: str = "p", q_name: str = "q"
) -> None:
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


def as_logits(values, name: str = "logits") -> np.ndarray:
    """Return ``values`` as a float64 array of logits, classes on the last axis, or raise.

    Only the type and shape are checked here: NaN, ``+inf`` and rows that are all
    ``-inf`` are caught by :func:`check_row_maxima` from the row maxima that every
    softmax computes anyway, which costs nothing on a large batch. A float64 input is
    not copied.
    """
    array = as_float_array(values, name, what="logit", example="[2.0, 1.0, 0.1]")
    if array.ndim == 0:
        raise ValueError(
            f"{name} is a single number ({float(array)!r}), but a softmax needs one logit "
            f"per class; pass a sequence such as [2.0, 1.0, 0.1] (classes on the last axis)."
        )
    return array


def check_row_maxima(
    maxima: np.ndarray, logits: np.ndarray, name: str = "logits"
) -> None:
    """Raise unless every row maximum of ``logits`` is finite.

    ``np.argmax`` picks a NaN as the maximum, so a finite maximum in every row means the
    row holds no NaN, no ``+inf``, and at least one class that is not masked out with
    ``-inf``. Only when that fails is the whole array searched, to say where.
    """
    if np.isfinite(maxima).all():
        return
    if np.isnan(logits).any():
        value, where = _bad_entry(logits, np.isnan(logits))
        raise ValueError(
            f"{name} contains {value}{where}; a logit must be a real number (or -inf to "
            f"mask a class out), so find where the NaN comes from, such as 0/0 or inf - inf "
            f"upstream, instead of passing it on."
        )
    if np.isposinf(logits).any():
        value, where = _bad_entry(logits, np.isposinf(logits))
        raise ValueError(
            f"{name} contains {value}{where}, and a softmax of +inf is undefined; pass "
            f"finite logits (only -inf is allowed, to mask a class out)."
        )
    row = int(np.flatnonzero(np.isneginf(maxima))[0]) if maxima.ndim else None
    where = (
        ""
        if row is None
        else (
            f" in row {row}"
            if maxima.ndim == 1
            else f" in row {tuple(int(i) for i in np.unravel_index(row, maxima.shape))}"
        )
    )
    raise ValueError(
        f"{name} is -inf for every class{where}: every class is masked out, so no "
        f"distribution is left; keep at least one class with a finite logit."
    )


def as_labels(values, name: str, shape: tuple, n_classes: int) -> np.ndarray:
    """Return ``values`` as integer class indices of ``shape`` in ``[0, n_classes)``, or raise."""
    if isinstance(values, (str, bytes)):
        raise ValueError(
            f"{name} must be class indices (integers), but got the text {values!r}."
        )
    try:
        array = np.asarray(values)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"{name} must be an array of class indices, but got {values!r} ({error})."
        ) from None
    if array.dtype.kind == "b":
        raise ValueError(
            f"{name} must be class indices (integers), but got booleans; convert them with "
            f"{name}.astype(int) if True means class 1."
        )
    if array.dtype.kind == "f":
        whole = np.isfinite(array) & (array == np.round(array))
        if whole.all():
            raise ValueError(
                f"{name} must be integers, but got floating-point numbers ({array.dtype}); "
                f"convert them with {name}.astype(int)."
            )
        value, where = _bad_entry(array, ~whole)
        raise ValueError(
            f"{name} must be whole class indices from 0 to {n_classes - 1}, but contains "
            f"{value}{where}; to give probabilities per class instead, pass an array with "
            f"the shape of the logits."
        )
    if array.dtype.kind not in "iu":
        raise ValueError(
            f"{name} must be class indices (integers), but got values of type {array.dtype}."
        )
    if array.shape != tuple(shape):
        raise ValueError(
            f"{name} has shape {array.shape}, but the logits need one class index per row, "
            f"shape {tuple(shape)}; pass labels of that shape (nothing is broadcast)."
        )
    if array.size:
        low, high = array.min(), array.max()
        if low < 0 or high >= n_classes:
            value, where = _bad_entry(array, (array < 0) | (array >= n_classes))
            raise ValueError(
                f"{name} contains {int(float(value))}{where}, but there are {n_classes} "
                f"classes, so a label must be between 0 and {n_classes - 1}."
            )
    return array


def check_positive(value, name: str, example: str) -> float:
    """Return ``value`` as a float if it is a finite number greater than 0, or raise."""
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not (math.isfinite(float(value)) and float(value) > 0)
    ):
        raise ValueError(
            f"{name} must be a finite number greater than 0, such as {example}, but got {value!r}."
        )
    return float(value)


def check_fraction(value, name: str, example: str) -> float:
    """Return ``value`` as a float if it is a number between 0 and 1, or raise."""
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or not 0 <= float(value) <= 1
    ):
        raise ValueError(
            f"{name} must be a number between 0 and 1, such as {example}, but got {value!r}."
        )
    return float(value)


def check_count(value, name: str, minimum: int = 1) -> int:
    """Return ``value`` as an int if it is a whole number of at least ``minimum``, or raise."""
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Integral)
        or value < minimum
    ):
        raise ValueError(
            f"{name} must be a whole number of at least {minimum}, but got {value!r}."
        )
    return int(value)


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


# ----------------------------------------------------------------------------- codes


def as_distribution_1d(values, name: str) -> np.ndarray:
    """Return ``values`` as one flat float64 distribution (one probability per symbol), or raise."""
    array = as_distribution(values, name)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be one-dimensional, one probability per symbol, but has shape "
            f"{array.shape}; pass a flat sequence such as [0.5, 0.25, 0.25]."
        )
    return array


def as_symbols(symbols, n: int, name: str = "symbols") -> list:
    """Return ``symbols`` as a list of ``n`` distinct hashable labels (``range(n)`` for None), or raise."""
    if symbols is None:
        return list(range(n))
    if isinstance(symbols, (str, bytes)):
        symbols = list(symbols)  # "abc" means the symbols "a", "b", "c"
    try:
        symbols = list(symbols)
    except TypeError:
        raise ValueError(
            f"{name} must be a sequence of labels, one per probability, but got {symbols!r}."
        ) from None
    if len(symbols) != n:
        raise ValueError(
            f"{name} has {len(symbols)} labels but there are {n} probabilities; "
            f"give exactly one label per probability."
        )
    seen = set()
    for index, symbol in enumerate(symbols):
        try:
            duplicate = symbol in seen
        except TypeError:
            raise ValueError(
                f"{name} contains {symbol!r} at index {index}, which cannot be a dictionary key; "
                f"use strings, numbers or tuples as labels."
            ) from None
        if duplicate:
            raise ValueError(
                f"{name} contains {symbol!r} twice (again at index {index}); every label must "
                f"be distinct, so that each symbol gets its own codeword."
            )
        seen.add(symbol)
    return symbols


def as_codeword(word, name: str) -> str:
    """Return ``word`` if it is a non-empty string of the characters 0 and 1, or raise."""
    if not isinstance(word, str):
        raise ValueError(
            f"{name} must be a string of the characters 0 and 1, such as '0110', "
            f"but got {word!r} of type {type(word).__name__}."
        )
    if word.strip("01"):
        bad = next(c for c in word if c not in "01")
        raise ValueError(
            f"{name} must contain only the characters 0 and 1, but {word!r} contains {bad!r}."
        )
    return word


def as_code(code, name: str = "code", prefix_free: bool = True) -> dict:
    """Return ``code`` as a dict from symbols to codewords, checked, or raise.

    Every codeword must be a non-empty string of 0s and 1s; with ``prefix_free`` no
    codeword may be the start of another (otherwise messages could not be decoded).
    """
    if not hasattr(code, "items"):
        raise ValueError(
            f"{name} must be a mapping from symbols to codewords, such as "
            f"{{'a': '0', 'b': '10', 'c': '11'}}, but got {type(code).__name__}."
        )
    code = dict(code)
    if not code:
        raise ValueError(
            f"{name} is empty; a code needs a codeword for at least one symbol."
        )
    for symbol, word in code.items():
        as_codeword(word, f"the codeword of {symbol!r} in {name}")
        if not word:
            raise ValueError(
                f"the codeword of {symbol!r} in {name} is empty; every codeword needs at "
                f"least one bit (a one-symbol code uses '0')."
            )
    if prefix_free:
        clash = prefix_clash(code)
        if clash is not None:
            (a, word_a), (b, word_b) = clash
            problem = (
                f"{a!r} and {b!r} share the codeword {word_a!r}"
                if word_a == word_b
                else f"the codeword {word_a!r} of {a!r} is the start of the codeword "
                f"{word_b!r} of {b!r}"
            )
            raise ValueError(
                f"{name} is not a prefix code: {problem}, so a bit string could not be "
                f"decoded unambiguously; make sure no codeword starts another one."
            )
    return code


def prefix_clash(code: dict):
    """The first pair ``((symbol, word), (symbol, word))`` where one word starts the other, or None."""
    entries = sorted(code.items(), key=lambda item: item[1])
    for (a, word_a), (b, word_b) in zip(entries, entries[1:]):
        # In sorted order a word that starts others comes right before one of them.
        if word_b.startswith(word_a):
            return (a, word_a), (b, word_b)
    return None


def as_bits(bits, name: str = "bits") -> str:
    """Return ``bits`` if it is a string of 0s and 1s (possibly empty), or raise."""
    if not isinstance(bits, str):
        raise ValueError(
            f"{name} must be a string of the characters 0 and 1, such as '0110', "
            f"but got {type(bits).__name__}; join a list of bits with ''.join(...)."
        )
    if bits.strip("01"):
        index = next(i for i, c in enumerate(bits) if c not in "01")
        raise ValueError(
            f"{name} must contain only the characters 0 and 1, but has {bits[index]!r} at "
            f"position {index}."
        )
    return bits


def as_code_lengths(lengths, name: str = "lengths") -> np.ndarray:
    """Return ``lengths`` as a 1-D int64 array of codeword lengths (integers >= 1), or raise."""
    array = as_real_array(lengths, name)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be a flat sequence of codeword lengths, but has shape {array.shape}."
        )
    if (array != np.round(array)).any() or (array < 1).any():
        value, where = _bad_entry(array, (array != np.round(array)) | (array < 1))
        raise ValueError(
            f"{name} contains {value}{where}, but a codeword length is a whole number "
            f"of bits, at least 1."
        )
    return array.astype(np.int64)


def check_block_size(k, n: int, limit: int) -> int:
    """Return ``k`` if it is a whole number >= 1 with ``n ** k <= limit``, or raise."""
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 1:
        raise ValueError(
            f"k must be a whole number of symbols per block, at least 1, but got {k!r}."
        )
    if n ** int(k) > limit:
        raise ValueError(
            f"blocks of k={k} symbols over {n} symbols make {n ** int(k):,} blocks, more than "
            f"the {limit:,} this function builds; use a smaller k."
        )
    return int(k)


def check_number(
    value, name: str, low=None, high=None, low_open: bool = False
) -> float:
    """Return ``value`` as a finite float within ``[low, high]`` (``(low, high]`` if ``low_open``), or raise."""
    if isinstance(value, bool) or not isinstance(
        value, (numbers.Real, np.floating, np.integer)
    ):
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
        raise ValueError(f"{name} must be one of {list(options)}, but got {value!r}.")
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
