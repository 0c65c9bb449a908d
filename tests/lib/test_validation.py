"""Tests of infotheory._validation: the checks several modules share, their messages.

Each message must name the argument, say what is wrong and say how to fix it; the
tests match those key phrases. The checks only one module uses are tested with it.
"""

import math
from fractions import Fraction

import numpy as np
import pytest

from infotheory._validation import (
    SUM_TOLERANCE,
    as_distribution,
    as_float_array,
    as_real_array,
    bad_entry,
    check_axis,
    check_base,
    check_choice,
    check_finite,
    check_integer,
    check_non_negative,
    check_number,
    distribution_and_minimum,
)

# ------------------------------------------------------------------------------- arrays


def test_numbers_become_float64_arrays_and_float64_arrays_are_not_copied():
    assert as_float_array([1, 2], "p").dtype == np.float64
    assert as_float_array(True, "p").tolist() == 1.0
    array = np.array([0.25, 0.75])
    assert as_float_array(array, "p") is array
    assert as_distribution(array, "p") is array


@pytest.mark.parametrize(
    "values, pattern",
    [
        ([], r"^p is empty; pass at least one probability, for example \[1\.0\]\.$"),
        (np.zeros((2, 0)), r"p is empty"),
        ("0.5", r"p must contain numbers, but got the text '0\.5'; pass numbers"),
        (b"01", r"p must contain numbers, but got the text b'01'"),
        ([0.5, "a"], r"p must be a number or an array of numbers, .*'a'.*pass numbers"),
        ([[0.5], [0.5, 0.5]], r"p must be a number or an array of numbers.*inhomogen"),
        (
            [None],
            r"p must be a number or an array of numbers, but contains None at index 0",
        ),
        ([0.5 + 1j], r"p must contain real numbers, but got complex.*np\.abs\(z\)"),
    ],
)
def test_what_is_not_an_array_of_numbers_is_named(values, pattern):
    with pytest.raises(ValueError, match=pattern):
        as_float_array(values, "p")


def test_an_empty_array_message_can_name_what_is_missing():
    with pytest.raises(ValueError, match=r"pass at least one logit, for example \[2"):
        as_float_array([], "logits", what="logit", example="[2.0, 1.0]")


def test_real_arrays_must_be_finite():
    assert as_real_array([1, -2], "x").tolist() == [1.0, -2.0]
    with pytest.raises(ValueError, match=r"x contains inf at index \(1, 0\); .*finite"):
        as_real_array([[0.0], [np.inf]], "x")


# ------------------------------------------------------------------------ distributions


def test_a_distribution_comes_with_its_smallest_entry():
    array, smallest = distribution_and_minimum([0.25, 0.0, 0.75], "p")
    assert array.tolist() == [0.25, 0.0, 0.75] and smallest == 0.0
    assert distribution_and_minimum([[0.5, 0.5], [0.1, 0.9]], "p")[1] == 0.1


def test_sums_are_checked_along_the_axis_within_the_tolerance():
    as_distribution([0.5, 0.5 + SUM_TOLERANCE / 2], "p")
    as_distribution([[0.5, 0.1], [0.5, 0.9]], "p", axis=0)
    with pytest.raises(
        ValueError, match=r"entries sum to 1\.00000.* \(tolerance 1e-06\)"
    ):
        as_distribution([0.5, 0.5 + 2 * SUM_TOLERANCE], "p")
    with pytest.raises(ValueError, match=r"along axis 0 at index 1 sum to 0\.75 "):
        as_distribution([[0.5, 0.25], [0.5, 0.5]], "p", axis=0)


@pytest.mark.parametrize(
    "values, pattern",
    [
        # name, problem, fix
        (
            [0.5, 0.4],
            r"^p must sum to 1, but its entries sum to 0\.9 \(tolerance 1e-06\); "
            r"fix the probabilities, or call infotheory\.normalize\(p\)",
        ),
        ([[0.5, 0.5], [0.5, 0.4]], r"p must sum to 1, .*along axis 1 at index 1"),
        ([0.5, np.nan], r"p contains nan at index 1; .*remove or replace NaN"),
        ([[1.5, -0.5]], r"p contains -0\.5 at index \(0, 1\), .*cannot be negative; "),
        (
            0.5,
            r"p is a single number \(0\.5\), .*one probability per outcome; .*\[0\.5",
        ),
    ],
)
def test_what_is_not_a_distribution_is_named(values, pattern):
    with pytest.raises(ValueError, match=pattern):
        as_distribution(values, "p")


def test_nothing_is_renormalised_silently():
    with pytest.raises(ValueError, match=r"infotheory\.normalize\(counts\)"):
        as_distribution([3, 1], "counts")


def test_entries_are_checked_one_by_one():
    check_finite(np.array([1.0, 2.0]), "p")
    check_non_negative(np.array([0.0, 2.0]), "p")
    with pytest.raises(ValueError, match=r"^p contains -inf; every entry must be"):
        check_finite(np.array(-np.inf), "p")
    with pytest.raises(ValueError, match=r"p contains -1\.0 at index 2, .*0 or more"):
        check_non_negative(np.array([0.0, 1.0, -1.0, -2.0]), "p")


@pytest.mark.parametrize(
    "array, expected",
    [
        (np.array(7.0), ("7.0", "")),
        (np.array([1.0, 7.0, 7.0]), ("7.0", " at index 1")),
        (np.array([[1.0, 2.0], [7.0, 3.0]]), ("7.0", " at index (1, 0)")),
        (np.array([1, 7]), ("7.0", " at index 1")),
    ],
)
def test_the_first_bad_entry_is_shown_with_its_index(array, expected):
    assert bad_entry(array, array == 7) == expected


# ------------------------------------------------------------------------------ scalars


@pytest.mark.parametrize(
    "axis, ndim, expected", [(0, 1, 0), (-1, 3, 2), (np.int64(1), 2, 1), (-2, 2, 0)]
)
def test_axes_count_from_either_end(axis, ndim, expected):
    assert check_axis(axis, ndim) == expected


@pytest.mark.parametrize(
    "axis, pattern",
    [
        (1, r"^axis 1 is out of range for an array with 1 dimension\(s\); use an axis"),
        (-2, r"axis -2 is out of range.*between -1 and 0"),
        (0.5, r"^axis must be an integer, but got 0\.5"),
        (True, r"axis must be an integer, but got True"),
    ],
)
def test_bad_axes_are_named(axis, pattern):
    with pytest.raises(ValueError, match=pattern):
        check_axis(axis, 1)


@pytest.mark.parametrize("base", [2, 2.0, np.e, 10, np.float64(3), 1.5, Fraction(3)])
def test_any_finite_base_above_one_is_a_float(base):
    assert check_base(base) == float(base) and type(check_base(base)) is float


@pytest.mark.parametrize(
    "base, pattern",
    [
        (1, r"^base must be a finite number greater than 1, but got 1\.0; use 2 for"),
        (0.5, r"a base below 1 would make information negative"),
        (-2, r"but got -2\.0; use 2 for bits or np\.e for nats"),
        (math.inf, r"base must be a finite number greater than 1, but got inf"),
        (math.nan, r"base must be a finite number greater than 1, but got nan"),
        ("2", r"^base must be a real number such as 2 \(bits\) or np\.e \(nats\)"),
        (True, r"base must be a real number .*but got True"),
    ],
)
def test_bad_bases_are_named(base, pattern):
    with pytest.raises(ValueError, match=pattern):
        check_base(base)


def test_numbers_within_their_range_become_floats():
    assert check_number(3, "mean", "0.0") == 3.0
    assert type(check_number(np.float32(0.5), "w", "0.1", low=0, high=1)) is float
    assert check_number(0, "alpha", "0.5", low=0) == 0.0
    assert check_number(1, "weight", "0.1", low=0, high=1) == 1.0
    assert check_number(Fraction(1, 4), "w", "0.1", low=0, high=1) == 0.25


@pytest.mark.parametrize(
    "value, bounds, pattern",
    [
        # name, what is wrong, a value to pass instead
        (
            0,
            {"low": 0, "low_open": True},
            r"^std must be a single finite number, greater than 0, but got 0\.0; "
            r"pass for example 1\.0\.$",
        ),
        (-1, {"low": 0}, r"std must be .*, at least 0, but got -1\.0; pass for"),
        (1.5, {"low": 0, "high": 1}, r"std must be .*, at least 0 and at most 1, but"),
        (math.nan, {}, r"^std must be a single finite number, but got nan; pass"),
        (math.inf, {"low": 0}, r"std must be a single finite number, .*but got inf"),
        ([1.0], {}, r"std must be a single finite number, but got \[1\.0\]; pass"),
        ("1", {}, r"std must be a single finite number, but got '1'; pass"),
        (True, {}, r"std must be a single finite number, but got True; pass"),
        (np.array(1.0), {}, r"std must be a single finite number, but got array"),
    ],
)
def test_bad_numbers_are_named_with_their_range(value, bounds, pattern):
    with pytest.raises(ValueError, match=pattern):
        check_number(value, "std", "1.0", **bounds)


def test_whole_numbers_become_ints():
    assert check_integer(3, "k", "symbols") == 3
    assert type(check_integer(np.int64(2), "k", "symbols")) is int
    assert check_integer(0, "steps", "steps", minimum=0) == 0


@pytest.mark.parametrize("value", [0, -3, 2.0, True, "2", None])
def test_bad_whole_numbers_are_named_with_what_they_count(value):
    with pytest.raises(
        ValueError,
        match=r"^n_classes must be a whole number of classes, at least 1, but got ",
    ):
        check_integer(value, "n_classes", "classes")


def test_choices():
    assert check_choice("sum", "reduction", ("mean", "sum")) == "sum"
    with pytest.raises(
        ValueError,
        match=r"^reduction must be 'mean', 'sum' or 'none', but got 'average'\.$",
    ):
        check_choice("average", "reduction", ("mean", "sum", "none"))
    with pytest.raises(ValueError, match=r"must be 'forward' or 'reverse', but got 1"):
        check_choice(1, "direction", ("forward", "reverse"))
