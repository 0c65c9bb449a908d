"""Real data for the lessons: the handwritten digits, and seeded splits of a data set.

The files live in the repository's ``data/`` folder (credited in ``data/README.md``);
nothing is downloaded. :func:`load_digits` reads and checks the digits file, and
:func:`split` cuts a data set into training, validation and test parts reproducibly.

References
----------
E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine
Learning Repository (1998), https://doi.org/10.24432/C50P49 (CC BY 4.0).
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import numpy as np

from ._validation import SUM_TOLERANCE, as_real_array, check_integer, check_seed

#: The most examples :func:`split` shuffles (their indices take 8 GB).
MAX_EXAMPLES = 10**9

__all__ = ["load_digits", "split"]

#: Pixels per digit (8 x 8) and the largest pixel value of the digits file.
_PIXELS, _DEPTH = 64, 16


def load_digits(path):
    """The handwritten digits: pixels scaled to ``[0, 1]`` and the digit each shows.

    Reads a CSV file (gzip-compressed or not) with one image per line: 64 pixel
    values, whole numbers from 0 (white) to 16 (black), row by row of an 8 x 8 image,
    then the digit 0-9. The file ``data/digits.csv.gz`` of the book holds the 1,797
    digits of the test part of the UCI "Optical Recognition of Handwritten Digits"
    data set, as scikit-learn ships it.

    Parameters
    ----------
    path : str or path-like
        Where the file is, such as ``"../data/digits.csv.gz"`` from a lesson.

    Returns
    -------
    pixels : ndarray
        Shape ``(n, 64)``, float64: each pixel value divided by 16. Use
        ``pixels.reshape(-1, 8, 8)`` for images.
    labels : ndarray
        Shape ``(n,)``, integers 0-9.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If the file is empty or a line does not hold 64 whole numbers from 0 to 16
        followed by a digit from 0 to 9; the message names the line.

    References
    ----------
    Alpaydin & Kaynak (1998), UCI Machine Learning Repository.

    Examples
    --------
    A file with two digits, an empty 3 and a black 9:

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "two.csv"
    >>> _ = path.write_text("0," * 64 + "3\\n" + "16," * 64 + "9\\n")
    >>> pixels, labels = load_digits(path)
    >>> pixels.shape, labels
    ((2, 64), array([3, 9]))
    >>> float(pixels[0].max()), float(pixels[1].min())
    (0.0, 1.0)
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"no digits file at {str(path)!r}; the book's copy is data/digits.csv.gz "
            f"in the repository (from a lesson in book/: '../data/digits.csv.gz')."
        )
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # the gzip magic number
        raw = gzip.decompress(raw)
    lines = raw.decode("ascii", errors="replace").splitlines()
    rows = [(number, line) for number, line in enumerate(lines, 1) if line.strip()]
    if not rows:
        raise ValueError(
            f"{str(path)!r} holds no digits; pass the digits file, one image per line "
            f"(64 pixels, then the label)."
        )
    values = _parse_quickly([line for _, line in rows])
    if values is None:  # a line is unusual or wrong: check each, saying where
        values = np.array([_digit_row(line, number, path) for number, line in rows])
    return values[:, :_PIXELS] / float(_DEPTH), values[:, _PIXELS].astype(np.int64)


def split(n, fractions, seed):
    """Cut ``n`` examples at random into parts of the given ``fractions``: indices.

    The indices ``0, ..., n - 1`` are shuffled by ``np.random.default_rng(seed)`` and
    cut into consecutive pieces: part ``i`` gets ``floor(fractions[i] * n)`` indices,
    the last part the rest. The same ``seed`` always gives the same parts. Within a
    part the order stays random, so its first ``m`` indices are a random sample of
    ``m`` examples.

    Parameters
    ----------
    n : int
        The number of examples, from 1 to 10**9.
    fractions : sequence of float
        The share of each part, positive and summing to 1, such as
        ``(0.5, 0.25, 0.25)`` for training, validation and test.
    seed : int
        The seed of the random generator.

    Returns
    -------
    tuple of ndarray
        One array of indices per part. Together they hold every index once.

    Raises
    ------
    ValueError
        If ``n`` is not a positive integer, ``fractions`` are not positive or do not
        sum to 1, a part would be empty, or ``seed`` is not a non-negative integer.

    Examples
    --------
    >>> train, test = split(10, (0.8, 0.2), seed=0)
    >>> len(train), len(test)
    (8, 2)
    >>> sorted(np.concatenate([train, test]).tolist()) == list(range(10))
    True
    >>> bool((split(10, (0.8, 0.2), seed=0)[1] == test).all())   # reproducible
    True
    """
    n = check_integer(n, "n", "examples", maximum=MAX_EXAMPLES)
    shares = as_real_array(fractions, "fractions")
    if shares.ndim != 1:
        raise ValueError(
            f"fractions must be a sequence of shares, one per part, such as "
            f"(0.5, 0.25, 0.25), but has shape {shares.shape}."
        )
    with np.errstate(over="ignore"):  # huge shares sum to inf: refused below
        total = float(shares.sum())
    if (shares <= 0).any() or abs(total - 1.0) > SUM_TOLERANCE:
        raise ValueError(
            f"fractions must be positive and sum to 1, but got "
            f"{[float(f) for f in shares]} ("
            f"{f'sum {total!r}' if math.isfinite(total) else 'a sum beyond floats'}); "
            f"pass shares "
            f"such as (0.5, 0.25, 0.25)."
        )
    seed = check_seed(seed)
    sizes = [math.floor(share * n) for share in shares[:-1]]
    sizes.append(n - sum(sizes))
    if min(sizes) < 1:
        part = sizes.index(min(sizes))
        raise ValueError(
            f"part {part} of the split would be empty: n = {n} examples times "
            f"fractions[{part}] = {float(shares[part])!r} is less than one example; "
            f"pass a larger fraction or a larger n."
        )
    order = np.random.default_rng(seed).permutation(n)
    return tuple(np.split(order, np.cumsum(sizes)[:-1]))


def _parse_quickly(lines):
    """The values of a well-formed digits file as an array, or None if any is odd."""
    if any(line.count(",") != _PIXELS for line in lines):
        return None
    try:
        values = np.array(list(map(int, ",".join(lines).split(","))), dtype=np.int64)
    except ValueError:  # not all plain integers
        return None
    values = values.reshape(len(lines), _PIXELS + 1)
    pixels, labels = values[:, :_PIXELS], values[:, _PIXELS]
    good = pixels.min() >= 0 and pixels.max() <= _DEPTH
    good = good and labels.min() >= 0 and labels.max() <= 9
    return values if good else None


def _digit_row(line, number, path):
    """The 65 integers of one line of the digits file, or raise naming the line."""
    fields = line.split(",")
    if len(fields) != _PIXELS + 1:
        raise ValueError(
            f"line {number} of {str(path)!r} has {len(fields)} values, but a digit "
            f"needs {_PIXELS + 1}: {_PIXELS} pixels, then the label; pass the digits "
            f"file (data/digits.csv.gz)."
        )
    try:
        row = [int(float(field)) for field in fields]
        whole = all(float(field) == value for field, value in zip(fields, row))
    except (ValueError, OverflowError):  # text, NaN or infinity
        row, whole = [], False
    if not whole:
        raise ValueError(
            f"line {number} of {str(path)!r} holds something other than whole "
            f"numbers: {line[:60]!r}; every value must be a whole number."
        )
    pixels, label = row[:_PIXELS], row[_PIXELS]
    if min(pixels) < 0 or max(pixels) > _DEPTH:
        raise ValueError(
            f"line {number} of {str(path)!r} has a pixel value outside 0 to {_DEPTH} "
            f"({min(pixels) if min(pixels) < 0 else max(pixels)}); the digits file "
            f"stores pixels as whole numbers from 0 to {_DEPTH}."
        )
    if not 0 <= label <= 9:
        raise ValueError(
            f"line {number} of {str(path)!r} ends with the label {label}, but a label "
            f"is a digit from 0 to 9."
        )
    return row
