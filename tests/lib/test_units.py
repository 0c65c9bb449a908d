"""Tests of infotheory._units: logarithms to a base, Python floats for 0-d results."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from infotheory._units import as_result, log_function, log_scale


def test_common_bases_use_exact_logarithms():
    # A rescaled natural logarithm would round some of these away from the integers.
    assert log_function(2.0)(np.array([2.0, 8.0, 2.0**-1074])).tolist() == [1, 3, -1074]
    assert log_function(10.0)(np.array([10.0, 1e-300])).tolist() == [1, -300]
    assert log_function(math.e)(np.array([math.e]))[0] == 1.0


@given(
    st.floats(1.01, 100).filter(lambda b: b not in (2.0, 10.0)),
    st.floats(1e-300, 1e300),
)
def test_any_base_rescales_the_natural_logarithm(base, x):
    log = log_function(base)
    expected = math.log(x) / math.log(base)
    assert log(np.array([x]))[0] == pytest.approx(expected, rel=1e-13, abs=1e-300)
    assert math.log(x) * log_scale(base) == pytest.approx(expected, rel=1e-13)


@pytest.mark.parametrize("base", [2.0, math.e, 3.0])
def test_logarithms_can_write_into_a_buffer(base):
    out = np.empty(2)
    result = log_function(base)(np.array([1.0, base**2]), out=out)
    assert result is out
    np.testing.assert_allclose(out, [0.0, 2.0], rtol=1e-15)


def test_natural_logarithms_need_no_rescaling():
    assert log_scale(math.e) == 1.0
    assert log_scale(2.0) == 1 / math.log(2)


def test_zero_dimensional_results_become_python_floats():
    assert type(as_result(np.float64(0.5))) is float
    assert type(as_result(np.array(0.5))) is float
    assert type(as_result(2)) is float
    array = np.array([0.5, 0.25])
    assert as_result(array) is array
