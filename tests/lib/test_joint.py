"""Tests of infotheory.joint: known values, identities, properties, bad input."""

import math
from fractions import Fraction

import numpy as np
import pytest
import scipy.stats
from hypothesis import given
from hypothesis import strategies as st

from infotheory import (
    conditional_entropy,
    entropy,
    joint_entropy,
    kl_divergence,
    marginals,
    mutual_information,
)
from tests.lib.strategies import distributions, joint_tables

# ---------------------------------------------------------------- Cover & Thomas 2.2.1

# The joint table of Example 2.2.1 as the book prints it: one row per value of Y,
# one column per value of X.
AS_PRINTED = [
    [Fraction(1, 8), Fraction(1, 16), Fraction(1, 32), Fraction(1, 32)],
    [Fraction(1, 16), Fraction(1, 8), Fraction(1, 32), Fraction(1, 32)],
    [Fraction(1, 16), Fraction(1, 16), Fraction(1, 16), Fraction(1, 16)],
    [Fraction(1, 4), Fraction(0), Fraction(0), Fraction(0)],
]
#: The same table in the library's orientation: rows are X, columns Y.
PXY = np.array(AS_PRINTED, dtype=float).T


def exact_entropy(probabilities):
    """Entropy in bits of dyadic probabilities, as an exact fraction."""
    total = Fraction(0)
    for p in probabilities:
        if p:
            exponent = p.denominator.bit_length() - 1
            assert p.numerator == 1 and p.denominator == 2**exponent
            total += p * exponent  # -p log2 p, with p = 2**-exponent
    return total


def test_cover_thomas_example_2_2_1_marginals():
    px, py = marginals(PXY)
    assert px.tolist() == [1 / 2, 1 / 4, 1 / 8, 1 / 8]
    assert py.tolist() == [1 / 4] * 4


def test_cover_thomas_example_2_2_1_exact_values():
    px, py = marginals(PXY)
    assert entropy(px) == 7 / 4  # H(X)
    assert entropy(py) == 2.0  # H(Y)
    assert conditional_entropy(PXY, given="columns") == 11 / 8  # H(X | Y)
    assert conditional_entropy(PXY) == 13 / 8  # H(Y | X)
    assert joint_entropy(PXY) == 27 / 8  # H(X, Y)
    assert mutual_information(PXY) == pytest.approx(3 / 8, rel=1e-15)  # I(X; Y)


def test_cover_thomas_example_2_2_1_from_fractions():
    # The same six values from scratch, in exact arithmetic on the printed table.
    cells = [p for row in AS_PRINTED for p in row]
    h_xy = exact_entropy(cells)
    h_x = exact_entropy([sum(column) for column in zip(*AS_PRINTED)])
    h_y = exact_entropy([sum(row) for row in AS_PRINTED])
    assert (h_x, h_y, h_xy) == (Fraction(7, 4), Fraction(2), Fraction(27, 8))
    assert h_xy - h_y == Fraction(11, 8)  # H(X | Y), by the chain rule
    assert h_xy - h_x == Fraction(13, 8)  # H(Y | X)
    assert h_x + h_y - h_xy == Fraction(3, 8)  # I(X; Y)
    assert joint_entropy(PXY) == float(h_xy)
    assert conditional_entropy(PXY, given="columns") == float(h_xy - h_y)
    assert conditional_entropy(PXY) == float(h_xy - h_x)


def test_one_observation_can_raise_the_uncertainty_but_not_the_average():
    # Example 2.2.1: seeing Y = 3 leaves X uniform, 2 bits, more than H(X) = 7/4;
    # on average, H(X | Y) = 11/8 is less than H(X).
    px, py = marginals(PXY)
    h_x_given_each_y = entropy(PXY.T / py[:, None])
    assert h_x_given_each_y.tolist() == [7 / 4, 7 / 4, 2.0, 0.0]
    assert h_x_given_each_y[2] > entropy(px)
    assert np.dot(py, h_x_given_each_y) == conditional_entropy(PXY, given="columns")


def test_cover_thomas_example_2_6_1():
    # Rows X in {1, 2}, columns Y in {1, 2}: H(X | Y = 2) = 1 bit > H(X).
    pxy = np.array([[0, 1 / 8], [3 / 4, 1 / 8]])
    assert entropy(marginals(pxy)[0]) == pytest.approx(0.5435644431995964)
    assert conditional_entropy(pxy, given="columns") == 0.25


def test_orientation_rows_are_x_and_h_y_given_x_is_the_default():
    pxy = np.array([[0.5, 0.0, 0.0], [0.0, 0.25, 0.25]])  # Y = 0 exactly when X = 0
    assert conditional_entropy(pxy) == 0.5  # H(Y | X): a fair coin when X = 1
    assert conditional_entropy(pxy, given="columns") == 0.0  # X is a function of Y
    assert conditional_entropy(pxy.T, given="columns") == conditional_entropy(pxy)
    assert conditional_entropy(pxy.T) == conditional_entropy(pxy, given="columns")


# ------------------------------------------------------------------------------- zeros


def test_a_function_of_the_known_variable_leaves_exactly_zero():
    pxy = np.array([[0.1, 0.0], [0.0, 0.3], [0.6, 0.0]])  # Y is a function of X
    assert conditional_entropy(pxy) == 0.0
    assert mutual_information(pxy) == pytest.approx(entropy(marginals(pxy)[1]))


def test_values_that_never_happen_change_nothing():
    pxy = np.array([[0.25, 0.25], [0.0, 0.0], [0.25, 0.25]])
    assert conditional_entropy(pxy) == 1.0
    assert conditional_entropy(pxy, given="columns") == 1.0
    assert mutual_information(pxy) == 0.0
    assert joint_entropy(pxy) == 2.0


def test_a_single_cell_has_no_information():
    for function in (joint_entropy, conditional_entropy, mutual_information):
        assert function([[1.0]]) == 0.0


def test_subnormal_cells_stay_finite():
    pxy = np.array([[1.0 - 5e-324, 5e-324], [0.0, 0.0]])
    assert math.isfinite(conditional_entropy(pxy))
    assert math.isfinite(mutual_information(pxy))


# ------------------------------------------------------------------------ return types


def test_a_table_gives_a_float_and_a_stack_gives_one_value_per_table():
    stack = np.array([PXY, np.full((4, 4), 1 / 16)])
    for function in (joint_entropy, conditional_entropy, mutual_information):
        assert type(function(PXY)) is float
        values = function(stack)
        assert isinstance(values, np.ndarray) and values.shape == (2,)
        assert values[0] == pytest.approx(function(PXY), rel=1e-15)
        assert values[1] == pytest.approx(function(stack[1]), abs=1e-15)
    px, py = marginals(stack)
    assert px.shape == py.shape == (2, 4)


def test_marginals_are_float64_row_and_column_sums():
    px, py = marginals([[1, 0], [0, 0]])
    assert px.dtype == py.dtype == np.float64
    assert px.tolist() == [1.0, 0.0] and py.tolist() == [1.0, 0.0]


# ----------------------------------------------------------------------------- units


def test_nats_are_bits_times_ln_2():
    assert joint_entropy(PXY, base=np.e) == pytest.approx(27 / 8 * math.log(2))
    assert conditional_entropy(PXY, base=np.e) == pytest.approx(13 / 8 * math.log(2))
    assert mutual_information(PXY, base=np.e) == pytest.approx(3 / 8 * math.log(2))
    assert mutual_information(PXY, base=10) == pytest.approx(3 / 8 * math.log10(2))


# ------------------------------------------------------------------------- identities


@given(joint_tables())
def test_chain_rule(pxy):
    px, py = marginals(pxy)
    h_xy = joint_entropy(pxy)
    assert h_xy == pytest.approx(entropy(px) + conditional_entropy(pxy), abs=1e-12)
    assert h_xy == pytest.approx(
        entropy(py) + conditional_entropy(pxy, given="columns"), abs=1e-12
    )


@given(joint_tables())
def test_mutual_information_three_ways(pxy):
    px, py = marginals(pxy)
    i = mutual_information(pxy)
    assert i == pytest.approx(
        entropy(px) - conditional_entropy(pxy, given="columns"), abs=1e-12
    )
    assert i == pytest.approx(entropy(py) - conditional_entropy(pxy), abs=1e-12)
    assert i == pytest.approx(entropy(px) + entropy(py) - joint_entropy(pxy), abs=1e-12)
    independent = np.outer(px, py).ravel()
    if (independent[pxy.ravel() > 0] > 0).all():  # no product underflowed to 0
        assert i == pytest.approx(kl_divergence(pxy.ravel(), independent), abs=1e-12)


@given(joint_tables())
def test_bounds(pxy):
    px, py = marginals(pxy)
    h_x, h_y = entropy(px), entropy(py)
    i = mutual_information(pxy)
    assert 0 <= i <= min(h_x, h_y) + 1e-12
    assert 0 <= conditional_entropy(pxy) <= h_y + 1e-12  # conditioning reduces entropy
    assert 0 <= conditional_entropy(pxy, given="columns") <= h_x + 1e-12
    assert max(h_x, h_y) - 1e-12 <= joint_entropy(pxy) <= h_x + h_y + 1e-12


@given(joint_tables())
def test_mutual_information_is_symmetric(pxy):
    assert mutual_information(pxy.T) == pytest.approx(
        mutual_information(pxy), rel=1e-12, abs=1e-15
    )
    assert joint_entropy(pxy.T) == pytest.approx(joint_entropy(pxy), rel=1e-14)


@given(distributions(max_size=8), distributions(max_size=8))
def test_independent_variables_share_nothing(px, py):
    pxy = np.outer(px, py)
    assert mutual_information(pxy) == pytest.approx(0.0, abs=1e-14)
    assert joint_entropy(pxy) == pytest.approx(entropy(px) + entropy(py), abs=1e-12)
    assert conditional_entropy(pxy) == pytest.approx(entropy(py), abs=1e-12)


@given(joint_tables())
def test_zero_mutual_information_only_for_independent_variables(pxy):
    px, py = marginals(pxy)
    assert mutual_information(pxy) > 0 or np.allclose(pxy, np.outer(px, py))


def test_nearly_independent_variables_keep_their_small_mutual_information():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 50
    eps = 1e-9
    pxy = np.array([[0.25 + eps, 0.25 - eps], [0.25 - eps, 0.25 + eps]])
    # Uniform marginals: I = 1 - H2(1/2 + 2 eps) bits.
    q = mpmath.mpf(1) / 2 + 2 * mpmath.mpf(eps)
    exact = 1 + q * mpmath.log(q, 2) + (1 - q) * mpmath.log(1 - q, 2)
    assert mutual_information(pxy) == pytest.approx(float(exact), rel=1e-6)


@given(joint_tables())
def test_agrees_with_a_computation_from_scratch(pxy):
    nx, ny = pxy.shape
    px = [sum(pxy[x, y] for y in range(ny)) for x in range(nx)]
    py = [sum(pxy[x, y] for x in range(nx)) for y in range(ny)]
    h_xy = h_y_given_x = i = 0.0
    for x in range(nx):
        for y in range(ny):
            p = pxy[x, y]
            if p > 0:
                h_xy -= p * math.log2(p)
                h_y_given_x -= p * math.log2(p / px[x])
                i += p * (math.log2(p) - math.log2(px[x]) - math.log2(py[y]))
    assert joint_entropy(pxy) == pytest.approx(h_xy, abs=1e-12)
    assert conditional_entropy(pxy) == pytest.approx(h_y_given_x, abs=1e-12)
    assert mutual_information(pxy) == pytest.approx(max(i, 0.0), abs=1e-12)


@given(joint_tables())
def test_agrees_with_scipy(pxy):
    px, py = marginals(pxy)
    assert joint_entropy(pxy) == pytest.approx(
        scipy.stats.entropy(pxy.ravel(), base=2), abs=1e-12
    )
    independent = np.outer(px, py).ravel()
    if (independent[pxy.ravel() > 0] > 0).all():  # no product underflowed to 0
        assert mutual_information(pxy) == pytest.approx(
            scipy.stats.entropy(pxy.ravel(), independent, base=2), abs=1e-12
        )


# ---------------------------------------------------------------------- data processing


def markov_chain(px, a, b):
    """Joint tables of X -> Y -> Z: P(X, Y), P(Y, Z) and P(X, Z), where row x of the
    channel ``a`` is P(Y | X = x) and row y of ``b`` is P(Z | Y = y)."""
    pxy = px[:, None] * a
    py = pxy.sum(axis=0)
    return pxy, py[:, None] * b, pxy @ b


def test_data_processing_on_a_noisy_relay():
    # A fair bit X passes two binary symmetric channels, each flipping it 10% of
    # the time: Z knows less about X than Y does.
    flip = np.array([[0.9, 0.1], [0.1, 0.9]])
    pxy, pyz, pxz = markov_chain(np.array([0.5, 0.5]), flip, flip)
    assert mutual_information(pxy) == pytest.approx(1 - entropy([0.9, 0.1]))
    assert mutual_information(pxz) == pytest.approx(1 - entropy([0.82, 0.18]))
    assert mutual_information(pxz) < mutual_information(pxy)
    assert mutual_information(pxz) < mutual_information(pyz)


@st.composite
def markov_chains(draw):
    nx, ny, nz = (draw(st.integers(1, 5)) for _ in range(3))
    px = draw(distributions(nx, nx))
    a = np.array([draw(distributions(ny, ny)) for _ in range(nx)])
    b = np.array([draw(distributions(nz, nz)) for _ in range(ny)])
    return markov_chain(px, a, b)


@given(markov_chains())
def test_processing_cannot_create_information(tables):
    pxy, pyz, pxz = tables
    assert mutual_information(pxz) <= mutual_information(pxy) + 1e-12
    assert mutual_information(pxz) <= mutual_information(pyz) + 1e-12


# -------------------------------------------------------------------------- bad input

FUNCTIONS = [marginals, joint_entropy, conditional_entropy, mutual_information]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_a_table_that_sums_to_more_than_one_is_refused_not_renormalised(function):
    with pytest.raises(
        ValueError,
        match=r"^pxy must sum to 1 over the whole table, but its entries sum to "
        r"1\.1 .*divide them by their total \(pxy / pxy\.sum\(\)\)",
    ):
        function([[0.5, 0.25], [0.25, 0.1]])


BAD_INPUTS = [
    (
        lambda: joint_entropy([0.5, 0.5]),
        r"^pxy must be a joint table with one row per value of X and one column per "
        r"value of Y, but it has shape \(2,\); pass a 2-D array",
    ),
    (lambda: mutual_information(0.5), r"^pxy must be a joint table .*shape \(\)"),
    (lambda: joint_entropy([[]]), r"^pxy is empty; pass at least one probability"),
    (
        lambda: conditional_entropy([[0.6, -0.1], [0.25, 0.25]]),
        r"^pxy contains -0\.1 at index \(0, 1\), but probabilities cannot be negative",
    ),
    (
        lambda: mutual_information([[0.5, 0.5], [np.nan, 0.0]]),
        r"^pxy contains nan at index \(1, 0\); every entry must be a finite number",
    ),
    (
        lambda: marginals([[0.5, 0.5], [np.inf, 0.0]]),
        r"^pxy contains inf at index \(1, 0\)",
    ),
    (lambda: joint_entropy("0.5"), r"^pxy must contain numbers, but got the text"),
    (
        lambda: mutual_information([np.full((2, 2), 0.25), np.full((2, 2), 0.3)]),
        r"^pxy must sum to 1 over the whole table, but its entries in table \(1,\) "
        r"sum to 1\.2",
    ),
    (
        lambda: conditional_entropy([[0.5, 0.5]], given="x"),
        r"^given must be 'rows' or 'columns', but got 'x'",
    ),
    (
        lambda: conditional_entropy([[0.5, 0.5]], base=1),
        r"^base must be a finite number greater than 1",
    ),
    (
        lambda: mutual_information([[0.5, 0.5]], base="e"),
        r"^base must be a real number such as 2",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
