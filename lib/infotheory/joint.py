"""Joint distributions of two variables: joint, conditional entropy, mutual information.

Every function here takes a **joint table** ``pxy`` whose entry ``pxy[x, y]`` is the
probability that ``X = x`` and ``Y = y``: **rows are X, columns are Y**. The whole
table is one distribution, so its entries must sum to 1 (a stack of tables, shape
``(..., nx, ny)``, holds one distribution per table). To get the table with the
roles swapped, pass ``pxy.T``.

Conventions, as in :mod:`infotheory.measures`:

* **Unit.** ``base=2`` (the default) gives bits; ``base=np.e`` gives nats.
* **Zeros.** ``0 * log 0 = 0``: cells of probability 0 contribute nothing. A variable
  that is a function of the other leaves exactly ``0.0`` of conditional entropy.
* **Return types.** A 2-D table gives a Python ``float``; a stack of tables gives an
  ``ndarray`` with one value per table.
* **Bad input** (NaN or inf, negative entries, fewer than two dimensions, a table whose
  entries do not sum to 1 within :data:`infotheory.SUM_TOLERANCE`, a bad base) raises
  ``ValueError`` with a message that says how to fix it. A table is never
  renormalised silently: divide counts by their total, ``counts / counts.sum()``.

References
----------
T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley
(2006), sections 2.2 to 2.5 and 2.8.
"""

from __future__ import annotations

import numpy as np

from ._units import as_result, log_function
from ._validation import (
    SUM_TOLERANCE,
    as_float_array,
    check_base,
    check_choice,
    check_finite,
    check_non_negative,
)
from .measures import entropy, kl_divergence

__all__ = [
    "conditional_entropy",
    "joint_entropy",
    "marginals",
    "mutual_information",
]

#: The example of a valid joint table shown in messages.
_EXAMPLE = "[[0.5, 0.0], [0.0, 0.5]]"


def marginals(pxy):
    """The marginal distributions of a joint table: ``(px, py)``.

    ``px[x] = sum over y of pxy[x, y]`` (the row sums) and ``py[y] = sum over x of
    pxy[x, y]`` (the column sums).

    Parameters
    ----------
    pxy : array_like, shape (..., nx, ny)
        A joint table, rows X and columns Y, whose entries sum to 1.

    Returns
    -------
    px : ndarray, shape (..., nx)
        The distribution of X.
    py : ndarray, shape (..., ny)
        The distribution of Y.

    References
    ----------
    Cover & Thomas (2006), section 2.2.

    Examples
    --------
    >>> px, py = marginals([[0.75, 0.0], [0.125, 0.125]])
    >>> px
    array([0.75, 0.25])
    >>> py
    array([0.875, 0.125])
    """
    pxy = _as_joint(pxy)
    return pxy.sum(axis=-1), pxy.sum(axis=-2)


def joint_entropy(pxy, base=2):
    """Joint entropy ``H(X, Y) = -sum(pxy * log_base(pxy))`` over the whole table.

    The entropy of the pair ``(X, Y)`` taken as one variable: the average information
    of learning both values. It is at most ``H(X) + H(Y)``, with equality exactly when
    X and Y are independent. Not to be confused with the cross-entropy ``H(P, Q)``
    of two distributions of one variable (:func:`infotheory.cross_entropy`).

    Parameters
    ----------
    pxy : array_like, shape (..., nx, ny)
        A joint table, rows X and columns Y, whose entries sum to 1.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.

    Returns
    -------
    float or ndarray
        ``H(X, Y) >= 0``. A float for a 2-D table, one value per table otherwise.

    Notes
    -----
    Cells with ``pxy == 0`` contribute ``0 * log 0 = 0``.

    References
    ----------
    Cover & Thomas (2006), definition in section 2.2 (equation 2.8).

    Examples
    --------
    >>> joint_entropy([[0.25, 0.25], [0.25, 0.25]])   # two fair coins
    2.0
    >>> joint_entropy([[0.5, 0.0], [0.0, 0.5]])       # one coin, seen twice
    1.0
    """
    pxy = _as_joint(pxy)
    return entropy(pxy.reshape(*pxy.shape[:-2], -1), base=base)


def conditional_entropy(pxy, base=2, given="rows"):
    """Conditional entropy ``H(Y | X) = -sum(pxy * log_base(pxy / px))``.

    The information left in Y, on average, once X is known: the entropy of each
    conditional distribution ``P(Y | X = x)``, averaged with the weights ``P(X = x)``.
    By default the rows (X) are given; ``given="columns"`` gives ``H(X | Y)``.

    Parameters
    ----------
    pxy : array_like, shape (..., nx, ny)
        A joint table, rows X and columns Y, whose entries sum to 1.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.
    given : {"rows", "columns"}, default "rows"
        The variable that is known: ``"rows"`` gives ``H(Y | X)``, ``"columns"``
        gives ``H(X | Y)``.

    Returns
    -------
    float or ndarray
        The conditional entropy, between 0 and the entropy of the unknown variable.
        A float for a 2-D table, one value per table otherwise.

    Notes
    -----
    The chain rule ties it to the joint entropy:
    ``H(X, Y) = H(X) + H(Y | X) = H(Y) + H(X | Y)``. Cells with ``pxy == 0`` contribute
    0, and values of the known variable that never happen are skipped. The result is
    exactly ``0.0`` when the unknown variable is a function of the known one.

    References
    ----------
    Cover & Thomas (2006), section 2.2 (equations 2.10 to 2.13, theorem 2.2.1).

    Examples
    --------
    Cover & Thomas, Example 2.2.1, with rows X and columns Y (the book prints the
    table with Y down the side, so this is its transpose):

    >>> pxy = np.array([[1/8, 1/16, 1/16, 1/4],
    ...                 [1/16, 1/8, 1/16, 0],
    ...                 [1/32, 1/32, 1/16, 0],
    ...                 [1/32, 1/32, 1/16, 0]])
    >>> conditional_entropy(pxy)                    # H(Y | X) = 13/8
    1.625
    >>> conditional_entropy(pxy, given="columns")   # H(X | Y) = 11/8
    1.375
    >>> conditional_entropy([[0.5, 0.0], [0.0, 0.5]])   # Y is a function of X
    0.0
    """
    pxy = _as_joint(pxy)
    check_choice(given, "given", ("rows", "columns"))
    log = log_function(check_base(base))
    # The probability of the known value, beside each cell: row or column sums.
    known = pxy.sum(axis=-1 if given == "rows" else -2, keepdims=True)
    # A rounded sum of non-negative numbers is never below one of them, so every
    # ratio is at most 1 and every term is >= 0. Empty cells get a ratio of 1 (no
    # term); the floor keeps a subnormal cell's ratio from rounding to 0.
    ratio = np.where(pxy > 0, pxy / np.where(known > 0, known, 1.0), 1.0)
    terms = pxy * log(np.maximum(ratio, _TINY))
    return as_result(0.0 - terms.sum(axis=(-2, -1)))


def mutual_information(pxy, base=2):
    """Mutual information ``I(X; Y) = sum(pxy * log_base(pxy / (px * py)))``.

    The information X and Y share: how much knowing one reduces the uncertainty
    about the other, ``I(X; Y) = H(Y) - H(Y | X) = H(X) - H(X | Y)``. It is the KL
    divergence of the joint table from the table of independent variables with the
    same marginals, ``D(P_XY || P_X P_Y)``, so it is ``>= 0``, and 0 exactly when X
    and Y are independent. It is symmetric: the table and its transpose give the
    same value.

    Parameters
    ----------
    pxy : array_like, shape (..., nx, ny)
        A joint table, rows X and columns Y, whose entries sum to 1.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.

    Returns
    -------
    float or ndarray
        ``0 <= I(X; Y) <= min(H(X), H(Y))``. A float for a 2-D table, one value per
        table otherwise.

    Notes
    -----
    Computed as the average divergence of each conditional distribution from the
    marginal, ``sum over x of px * D(P(Y | X = x) || P_Y)``, with
    :func:`infotheory.kl_divergence`: every term is ``>= 0``, nearly independent
    variables keep the digits of their small mutual information, and no product
    ``px * py`` can underflow. Cells with ``pxy == 0`` contribute 0.

    References
    ----------
    Cover & Thomas (2006), section 2.4 (equation 2.28) and theorem 2.6.3.

    Examples
    --------
    >>> mutual_information([[0.5, 0.0], [0.0, 0.5]])   # each tells the other: 1 bit
    1.0
    >>> mutual_information([[0.25, 0.25], [0.25, 0.25]])   # independent coins
    0.0
    >>> round(mutual_information([[0.75, 0.0], [0.125, 0.125]]), 4)
    0.2936
    """
    pxy = _as_joint(pxy)
    base = check_base(base)
    px, py = pxy.sum(axis=-1), pxy.sum(axis=-2)
    # I(X; Y) = sum over x of px * D(P(Y | X = x) || P_Y): no product px * py that
    # could underflow, and every term is >= 0. Rows of X values that never happen
    # are replaced by py itself, which makes their divergence exactly 0.
    seen = px[..., None] > 0
    rows = np.where(seen, pxy / np.where(seen, px[..., None], 1.0), py[..., None, :])
    py_per_row = np.broadcast_to(py[..., None, :], rows.shape)
    divergences = kl_divergence(rows, py_per_row, base=base)
    return as_result(np.sum(px * divergences, axis=-1))


# ------------------------------------------------------------------------------- checks

#: The smallest positive float: log(_TINY) is finite.
_TINY = np.nextafter(0.0, 1.0)


def _as_joint(values, name="pxy"):
    """Return ``values`` as float64 joint tables over the last two axes, or raise.

    The entries must be finite and non-negative, and each table (the last two axes)
    must sum to 1 within :data:`SUM_TOLERANCE`.
    """
    array = as_float_array(values, name, example=_EXAMPLE)
    if array.ndim < 2:
        raise ValueError(
            f"{name} must be a joint table with one row per value of X and one "
            f"column per value of Y, but it has shape {array.shape}; pass a 2-D "
            f"array such as {_EXAMPLE} (np.outer(px, py) makes the table of two "
            f"independent variables)."
        )
    if not np.isfinite(array).all():
        check_finite(array, name)
    check_non_negative(array, name)
    sums = np.asarray(array.sum(axis=(-2, -1)))
    off = np.abs(sums - 1.0) > SUM_TOLERANCE
    if off.any():
        first = np.unravel_index(int(np.flatnonzero(off)[0]), sums.shape)
        total = repr(float(sums[first]))
        where = f" in table {tuple(int(i) for i in first)}" if sums.ndim else ""
        raise ValueError(
            f"{name} must sum to 1 over the whole table, but its entries{where} sum "
            f"to {total} (tolerance {SUM_TOLERANCE:g}); fix the probabilities, or, if "
            f"they are counts or weights, divide them by their total "
            f"({name} / {name}.sum()) to rescale them explicitly."
        )
    return array
