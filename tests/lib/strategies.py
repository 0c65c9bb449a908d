"""Hypothesis strategies shared by the library's tests: distributions, logits, labels.

Import them as ``from tests.lib.strategies import distributions``. The examples they
draw are the same on every run (see the profile in ``conftest.py``).
"""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from infotheory import gaussian_mixture, normalize

# ------------------------------------------------------------------------ distributions


@st.composite
def distributions(draw, min_size=1, max_size=12, positive=False):
    """A probability vector of ``min_size`` to ``max_size`` entries.

    Entries may be 0 unless ``positive``, which keeps every one of them positive.
    """
    n = draw(st.integers(min_size, max_size))
    low = 1e-3 if positive else 0.0
    weights = draw(
        st.lists(st.floats(low, 1e3), min_size=n, max_size=n).filter(
            lambda w: sum(w) > 0
        )
    )
    return normalize(weights)


@st.composite
def distribution_pairs(draw, positive_q=True):
    """Two distributions ``(p, q)`` over the same outcomes; ``q`` positive if asked."""
    n = draw(st.integers(1, 12))
    return draw(distributions(n, n)), draw(distributions(n, n, positive=positive_q))


@st.composite
def distributions_and_messages(draw):
    """A distribution and a message of up to 60 of its possible symbols (indices)."""
    p = draw(distributions())
    possible = [i for i in range(len(p)) if p[i] > 0]
    return p, draw(st.lists(st.sampled_from(possible), max_size=60))


#: Probabilities whose products stay normal floats (no underflow to subnormals).
normal_probabilities = st.floats(min_value=1e-150, max_value=1.0)

#: Counts of outcomes, for histograms and smoothing.
counts = st.lists(st.integers(0, 50), min_size=2, max_size=10)

# ---------------------------------------------------------------------------- on a grid

means = st.floats(-4, 4)
stds = st.floats(0.5, 2.5)
#: Narrower Gaussians far apart underflow to 0 in each other's tails: KL is inf.
wide_stds = st.floats(1.0, 2.5)


@st.composite
def two_peaks(draw, grid):
    """A two-component Gaussian mixture on ``grid``."""
    weight = draw(st.floats(0.1, 0.9))
    return gaussian_mixture(
        grid,
        [draw(means), draw(means)],
        [draw(stds), draw(stds)],
        [weight, 1 - weight],
    )


# ------------------------------------------------------------------------------- logits

finite_logits = st.floats(min_value=-50, max_value=50, allow_nan=False)


@st.composite
def logit_batches(draw, max_rows=6, max_classes=8):
    """A batch of logits, shape (n, k)."""
    n = draw(st.integers(1, max_rows))
    k = draw(st.integers(1, max_classes))
    return draw(hnp.arrays(np.float64, (n, k), elements=finite_logits))


@st.composite
def logits_and_labels(draw):
    """A batch of logits and one class label per row."""
    z = draw(logit_batches())
    labels = draw(
        st.lists(st.integers(0, z.shape[1] - 1), min_size=len(z), max_size=len(z))
    )
    return z, np.array(labels)


@st.composite
def logits_and_targets(draw):
    """Logits and soft targets (probabilities per row) of the same shape."""
    z = draw(logit_batches())
    k = z.shape[1]
    rows = [
        draw(
            st.lists(st.floats(0, 1e3), min_size=k, max_size=k).filter(
                lambda w: sum(w) > 0
            )
        )
        for _ in range(len(z))
    ]
    return z, normalize(np.array(rows))


# ------------------------------------------------------------------------- joint tables


@st.composite
def joint_tables(draw, max_rows=6, max_columns=6):
    """A joint table of two variables, shape (nx, ny), whose entries sum to 1."""
    nx = draw(st.integers(1, max_rows))
    ny = draw(st.integers(1, max_columns))
    return draw(distributions(nx * ny, nx * ny)).reshape(nx, ny)


# ----------------------------------------------------------------- coding and language


@st.composite
def step_models_and_messages(draw, max_symbols=6, max_length=40):
    """A message and one distribution per step (rows may hold zeros), each step's
    symbol drawn from the positive entries of its row: a model that changes every
    step."""
    k = draw(st.integers(1, max_symbols))
    length = draw(st.integers(0, max_length))
    rows = [draw(distributions(k, k)) for _ in range(length)]
    message = [
        draw(st.sampled_from([i for i in range(k) if row[i] > 0])) for row in rows
    ]
    return np.array(rows).reshape(length, k), message


#: Probabilities from the edges: near 0 (down to the smallest subnormal) and near 1.
edge_probabilities = st.sampled_from(
    [5e-324, 1e-300, 1e-100, 1e-20, 1e-9, 1e-3, 0.5, 1 - 1e-3, 1 - 1e-9, 1 - 2**-52]
)


@st.composite
def texts(draw, alphabet="abc d", min_size=1, max_size=60):
    """A short text over a small alphabet."""
    return draw(st.text(alphabet=alphabet, min_size=min_size, max_size=max_size))
