"""Tests of infotheory.arithmetic: round trips, the length bound, bad input."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from infotheory import (
    arithmetic_decode,
    arithmetic_encode,
    arithmetic_length_bound,
    encode,
    huffman_code,
    message_information,
    quantize_distribution,
)
from tests.lib.strategies import (
    distributions,
    distributions_and_messages,
    edge_probabilities,
    step_models_and_messages,
)

SCALE = 2**32


# ------------------------------------------------------------ from-scratch references


def frequencies(q):
    """The coder's frequencies, from the documented rule, in Python integers."""
    return [math.floor(float(x) * SCALE) + 1 if x > 0 else 0 for x in q]


def bound(message, rows, symbols):
    """The documented bound, from scratch: 2 bits, plus per step the information,
    the cost of rounding to frequencies and the cost of integer division."""
    if not message:
        return 0.0
    total = 2.0
    for symbol, q in zip(message, rows):
        f_total = sum(frequencies(q))
        total += -math.log2(q[symbols.index(symbol)])
        total += math.log2(f_total / SCALE) - math.log2(1 - f_total / 2**62)
    return total


def rows_of(model, message):
    """The distribution of every step of a static, per-step or adaptive model."""
    if callable(model):
        return [np.asarray(model(list(message[:t]))) for t in range(len(message))]
    model = np.asarray(model, dtype=float)
    return [model] * len(message) if model.ndim == 1 else list(model)


def check_round_trip(message, model, symbols=None):
    """Encode, decode, and hold the length to the bound; return the bits."""
    bits = arithmetic_encode(message, model, symbols=symbols)
    decoded = arithmetic_decode(bits, model, length=len(message), symbols=symbols)
    assert decoded == list(message)
    if symbols is not None:
        names = list(symbols)
    elif hasattr(model, "symbols"):
        names = list(model.symbols)
    else:
        names = list(range(np.shape(model)[-1]))
    expected = bound(list(message), rows_of(model, list(message)), names)
    assert len(bits) <= expected + 1e-9
    assert arithmetic_length_bound(message, model, symbols=symbols) == pytest.approx(
        expected, rel=1e-12, abs=1e-9
    )
    return bits


# ------------------------------------------------------------------------ known values


def test_a_dyadic_message_costs_its_information_and_at_most_two_bits_more():
    p = [0.5, 0.25, 0.25]
    bits = check_round_trip("abacab", p, symbols="abc")
    assert bits == "0100110100"
    assert message_information("abacab", p, symbols="abc") == 9.0
    assert 9 <= len(bits) <= 11


def test_the_empty_message_is_the_empty_string():
    assert arithmetic_encode("", [0.5, 0.5], symbols="ab") == ""
    assert arithmetic_decode("", [0.5, 0.5], length=0, symbols="ab") == []
    assert arithmetic_length_bound("", [0.5, 0.5], symbols="ab") == 0.0
    assert message_information([], [1.0]) == 0.0


@pytest.mark.parametrize("length", [1, 2, 1000, 100_000])
def test_a_certain_symbol_costs_nothing_however_often_it_comes(length):
    bits = check_round_trip([0] * length, [1.0])
    assert len(bits) == 2  # only the end of the message


def test_one_symbol_messages_of_every_symbol():
    p = [0.7, 0.2, 0.1]
    for symbol in range(3):
        bits = check_round_trip([symbol], p)
        assert len(bits) <= math.ceil(-math.log2(p[symbol])) + 2


@pytest.mark.parametrize("symbol, length", [(0, 50_000), (1, 2_000)])
def test_long_runs_of_the_likely_and_of_the_unlikely_symbol(symbol, length):
    p = [0.999, 0.001]
    bits = check_round_trip([symbol] * length, p)
    information = length * -math.log2(p[symbol])
    assert information <= len(bits) <= information + 2.01


@pytest.mark.parametrize(
    "tiny", [5e-324, 1e-300, 1e-100, 1e-20, 2**-40, 1e-9], ids=lambda x: f"{x:g}"
)
def test_symbols_of_probability_near_zero_and_near_one(tiny):
    p = [1 - tiny, tiny]
    message = [0] * 500 + [1] + [0] * 500 + [1]
    bits = check_round_trip(message, p)
    # each rare symbol costs at most about 32 bits: its frequency is at least 1 of 2**32
    assert len(bits) <= 2 * (32 + 1e-6) + 1001 * 1e-6 + 2


def test_a_model_that_changes_every_step():
    rng = np.random.default_rng(7)
    rows = rng.dirichlet(np.full(5, 0.3), size=400)
    message = [int(rng.choice(5, p=row)) for row in rows]
    check_round_trip(message, rows)

    def rotating(past):  # a callable that changes its mind at every step
        return np.roll([0.6, 0.3, 0.1, 0.0], len(past))

    message = [t % 4 for t in range(300)]  # always the symbol of probability 0.6
    check_round_trip(message, rotating, symbols=[0, 1, 2, 3])


def test_an_adaptive_model_that_learns_from_the_past():
    alphabet = "ab"

    def laplace(past):  # add-one counts of what came before
        counts = np.array([past.count(c) + 1 for c in alphabet], dtype=float)
        return counts / counts.sum()

    message = "a" * 300 + "b" * 20 + "a" * 300
    bits = check_round_trip(message, laplace, symbols=alphabet)
    # under the Laplace rule a sequence with k b's in n costs log2((n + 1) C(n, k))
    n, k = len(message), message.count("b")
    ideal = math.log2(n + 1) + math.log2(math.comb(n, k))
    assert message_information(message, laplace, symbols=alphabet) == pytest.approx(
        ideal, rel=1e-12
    )
    assert len(bits) <= ideal + 2.01


def test_a_model_with_a_symbols_attribute_needs_no_symbols_argument():
    class Uniform:
        symbols = "xyz"

        def __call__(self, past):
            return np.full(3, 1 / 3)

    bits = check_round_trip("zyxxyz", Uniform())
    assert len(bits) <= 6 * math.log2(3) + 2


class Laplace:
    """Add-one counts of the past, step by step or for a whole stretch at once."""

    symbols = "ab"

    def __call__(self, past):
        counts = np.array([list(past).count(c) + 1 for c in self.symbols], float)
        return counts / counts.sum()

    def distributions(self, message, past):
        past, rows = list(past), []
        for symbol in message:
            rows.append(self(past))
            past.append(symbol)
        return np.array(rows).reshape(len(rows), len(self.symbols))


def test_a_model_with_a_distributions_method_answers_for_whole_stretches(
    monkeypatch,
):
    from infotheory import arithmetic

    message = "ab" * 40 + "a" * 120
    model = Laplace()
    step_by_step = arithmetic_encode(message, model.__call__, symbols="ab")
    assert arithmetic_encode(message, model) == step_by_step
    monkeypatch.setattr(arithmetic, "_BATCH", 7)  # many stretches, same bits
    assert arithmetic_encode(message, model) == step_by_step
    assert arithmetic_encode(list(message), model) == step_by_step
    assert "".join(arithmetic_decode(step_by_step, model, len(message))) == message
    assert message_information(message, model) == pytest.approx(
        message_information(message, model.__call__, symbols="ab"), rel=1e-12
    )
    check_round_trip(message, model)


class Broken(Laplace):
    def __init__(self, rows):
        self.rows = rows

    def distributions(self, message, past):
        return self.rows(len(message))


@pytest.mark.parametrize(
    "rows, pattern",
    [
        (
            lambda n: np.full((n, 3), 1 / 3),
            r"model.distributions\(...\) returned an array of shape \(3, 3\) for "
            r"positions 0 to 2, but it must have one row per position and one column "
            r"per symbol: \(3, 2\)",
        ),
        (
            lambda n: np.full((n, 2), 0.4),
            r"for positions 0 to 2, model.distributions\(...\) must sum to 1",
        ),
    ],
)
def test_a_broken_distributions_method_is_refused(rows, pattern):
    with pytest.raises(ValueError, match=pattern):
        arithmetic_encode("aba", Broken(rows))


def test_decoding_fewer_symbols_gives_the_start_of_the_message():
    p = [0.5, 0.3, 0.2]
    message = [0, 2, 1, 1, 0, 2, 2, 0]
    bits = arithmetic_encode(message, p)
    for length in range(len(message) + 1):
        assert arithmetic_decode(bits, p, length=length) == message[:length]


def test_arithmetic_coding_beats_huffman_where_whole_bits_hurt():
    rng = np.random.default_rng(3)
    p = np.array([0.9, 0.05, 0.05])
    message = rng.choice(3, size=20_000, p=p).tolist()
    code = huffman_code(p)
    huffman_bits = len(encode(message, code))
    arithmetic_bits = len(check_round_trip(message, p))
    information = message_information(message, p)
    assert arithmetic_bits <= information + 2.01
    # Huffman spends at least one bit per symbol, far above about 0.57
    assert huffman_bits >= len(message) > 1.5 * arithmetic_bits


def test_on_a_dyadic_source_huffman_and_arithmetic_coding_agree_within_two_bits():
    p = [1 / 2, 1 / 4, 1 / 8, 1 / 8]
    rng = np.random.default_rng(5)
    message = rng.choice(4, size=5_000, p=p).tolist()
    huffman_bits = len(encode(message, huffman_code(p)))
    arithmetic_bits = len(check_round_trip(message, p))
    assert huffman_bits == message_information(message, p)  # dyadic: exact
    assert huffman_bits <= arithmetic_bits <= huffman_bits + 2


def test_message_information_in_bits_and_nats():
    p = [0.5, 0.25, 0.25]
    bits = message_information([0, 1, 2, 0], p)
    assert bits == 6.0
    assert message_information([0, 1, 2, 0], p, base=np.e) == pytest.approx(
        6 * math.log(2), rel=1e-15
    )
    assert message_information([1], [1.0, 0.0]) == math.inf


def test_quantized_frequencies_follow_the_documented_rule():
    p = [0.5, 0.25, 0.25, 0.0]
    assert quantize_distribution(p).tolist() == frequencies(p)
    assert quantize_distribution([1.0]).tolist() == [SCALE + 1]
    rows = quantize_distribution([[0.5, 0.5], [1.0, 0.0]])
    assert rows.tolist() == [[SCALE // 2 + 1, SCALE // 2 + 1], [SCALE + 1, 0]]


# -------------------------------------------------------------------------- properties


@given(distributions_and_messages())
def test_round_trip_and_bound_for_static_models(case):
    p, message = case
    check_round_trip(message, p)


@given(step_models_and_messages())
def test_round_trip_and_bound_for_models_that_change_every_step(case):
    rows, message = case
    check_round_trip(message, rows)


@given(st.lists(edge_probabilities, min_size=1, max_size=5), st.data())
def test_round_trip_and_bound_with_extreme_probabilities(weights, data):
    q = np.array(weights) / math.fsum(weights)
    possible = [i for i in range(len(q)) if q[i] > 0]
    message = data.draw(st.lists(st.sampled_from(possible), max_size=80))
    check_round_trip(message, q)


@given(distributions_and_messages())
def test_the_length_is_within_two_bits_of_the_information_plus_tiny_costs(case):
    p, message = case
    bits = arithmetic_encode(message, p)
    information = sum(-math.log2(p[s]) for s in message)
    k = len(p)
    # rounding costs below log2(1 + k / 2**32) and division below 2**-29 bits a step
    slack = len(message) * (math.log2(1 + k / SCALE) + 2**-29)
    assert len(bits) <= (information + 2 + slack if message else 0)


@given(distributions())
def test_every_possible_symbol_gets_a_frequency_above_its_scaled_probability(p):
    f = quantize_distribution(p)
    assert ((f > 0) == (p > 0)).all()
    assert (f[p > 0] > p[p > 0] * SCALE).all()
    assert f.tolist() == frequencies(p)


@given(distributions_and_messages())
def test_encoding_is_deterministic(case):
    p, message = case
    assert arithmetic_encode(message, p) == arithmetic_encode(list(message), list(p))


# --------------------------------------------------------------------------- bad input


def ask(past):
    return [0.5, 0.5]


@pytest.mark.parametrize(
    "call, pattern",
    [
        (
            lambda: arithmetic_encode("ab", [1.0, 0.0], symbols="ab"),
            r"message contains 'b' at position 1, to which the model gives "
            r"probability 0.*smoothing",
        ),
        (
            lambda: arithmetic_encode("abz", [0.5, 0.5], symbols="ab"),
            r"message contains 'z' at position 2, which is not one of the model's "
            r"2 symbols.*pass symbols=",
        ),
        (
            lambda: arithmetic_encode("ab", [0.5, 0.4], symbols="ab"),
            r"model must sum to 1.*normalize",
        ),
        (
            lambda: arithmetic_encode("ab", [1.5, -0.5], symbols="ab"),
            r"model contains -0.5 at index 1.*cannot be negative",
        ),
        (
            lambda: arithmetic_encode("ab", [np.nan, 1.0], symbols="ab"),
            r"model contains nan.*finite",
        ),
        (
            lambda: arithmetic_encode("ab", lambda past: [0.5, 0.6], symbols="ab"),
            r"at position 0, model\(past\) must sum to 1",
        ),
        (
            lambda: arithmetic_encode("ab", lambda past: [1.0], symbols="ab"),
            r"at position 0, model\(past\) returned an array of shape \(1,\).*one "
            r"probability per symbol",
        ),
        (
            lambda: arithmetic_encode("ab", ask),
            r"symbols is needed with a callable model",
        ),
        (
            lambda: arithmetic_encode("ab", np.full((2, 2, 2), 0.5), symbols="ab"),
            r"model must be one distribution \(1-D\) or one distribution per step",
        ),
        (
            lambda: arithmetic_encode("abab", [[0.5, 0.5]] * 3, symbols="ab"),
            r"model has a distribution for 3 steps but message has 4 symbols",
        ),
        (
            lambda: arithmetic_encode("ab", [0.5, 0.5], symbols="abc"),
            r"symbols has 3 labels but model has 2 probabilities",
        ),
        (
            lambda: arithmetic_decode("0120", [0.5, 0.5], length=2),
            r"bits must contain only the characters 0 and 1",
        ),
        (
            lambda: arithmetic_decode("01", [0.5, 0.5], length=-1),
            r"length must be a whole number of symbols to decode, at least 0",
        ),
        (
            lambda: arithmetic_decode("01", [[0.5, 0.5]], length=2),
            r"model has a distribution for 1 steps but length is 2",
        ),
        (
            lambda: arithmetic_length_bound("b", [1.0, 0.0], symbols="ab"),
            r"probability 0",
        ),
        (
            lambda: message_information("c", [0.5, 0.5], symbols="ab"),
            r"'c' at position 0, which is not one of the model's",
        ),
        (
            lambda: quantize_distribution([0.2, 0.2]),
            r"p must sum to 1",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
