"""Tests of infotheory.coding: known codes, properties, optimality, bad input."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from infotheory import (
    average_length,
    block_distribution,
    code_lengths,
    cross_entropy,
    decode,
    encode,
    entropy,
    fixed_length_code,
    huffman_code,
    ideal_lengths,
    is_prefix_free,
    kraft_sum,
    shannon_code,
)
from tests.lib.strategies import distributions, distributions_and_messages

# -------------------------------------------------------------------------- known codes


def test_cover_thomas_example_5_6_1():
    p = [0.25, 0.25, 0.2, 0.15, 0.15]
    code = huffman_code(p)
    assert code_lengths(code).tolist() == [2, 2, 2, 3, 3]
    assert average_length(p, code) == pytest.approx(2.3, abs=1e-15)
    assert entropy(p) < 2.3 < entropy(p) + 1


def test_horse_race_huffman_reaches_the_entropy_and_the_fixed_code_does_not():
    p = [1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 64, 1 / 64, 1 / 64, 1 / 64]
    code = huffman_code(p)
    assert list(code.values()) == [
        "0",
        "10",
        "110",
        "1110",
        "111100",
        "111101",
        "111110",
        "111111",
    ]
    assert average_length(p, code) == entropy(p) == 2.0
    assert average_length(p, fixed_length_code(8)) == 3.0


@pytest.mark.parametrize(
    "p",
    [
        [1.0],
        [0.5, 0.5],
        [0.5, 0.25, 0.25],
        [1 / 2, 1 / 4, 1 / 8, 1 / 8],
        [1 / 4] * 4,
        [1 / 8] * 8,
        [1 / 2, 1 / 8, 1 / 4, 1 / 16, 1 / 16],
        [2.0**-k for k in range(1, 30)] + [2.0**-29],
    ],
)
def test_dyadic_distributions_are_coded_at_exactly_their_entropy(p):
    code = huffman_code(p)
    if len(p) > 1:
        assert average_length(p, code) == entropy(p)
        np.testing.assert_array_equal(code_lengths(code), ideal_lengths(p))


def test_ties_are_broken_by_symbol_order_and_codewords_are_canonical():
    assert huffman_code([1 / 3, 1 / 3, 1 / 3], symbols="xyz") == {
        "x": "10",
        "y": "11",
        "z": "0",
    }
    assert huffman_code([0.25] * 4, symbols="abcd") == {
        "a": "00",
        "b": "01",
        "c": "10",
        "d": "11",
    }
    p = [0.1, 0.2, 0.2, 0.2, 0.3]
    assert huffman_code(p) == huffman_code(list(p))  # same input, same code


def test_one_symbol_gets_a_one_bit_codeword():
    assert huffman_code([1.0], symbols=["only"]) == {"only": "0"}
    assert huffman_code([0.0, 1.0, 0.0]) == {1: "0"}
    assert average_length([1.0], {0: "0"}) == 1.0
    assert kraft_sum({0: "0"}) == 0.5
    assert encode([1, 1, 1], {1: "0"}) == "000" and decode("000", {1: "0"}) == [1, 1, 1]


def test_a_sure_symbol_is_the_one_case_where_L_is_H_plus_one():
    # A certain symbol carries no information, but an empty codeword could not be
    # decoded from the bits alone ("" would be one symbol or a hundred): it gets '0'.
    for build in (huffman_code, shannon_code):
        code = build([1.0])
        assert code == {0: "0"}
        assert average_length([1.0], code) == entropy([1.0]) + 1
    for k in (1, 2, 8):  # blocks share the bit: 1/k per symbol, down towards H = 0
        p_blocks, blocks = block_distribution([1.0], k)
        assert average_length(p_blocks, huffman_code(p_blocks, blocks), blocks) == 1
    with pytest.raises(ValueError, match="could not tell how many symbols were sent"):
        encode("aa", {"a": ""})


def test_zero_probability_symbols_get_no_codeword_and_cost_nothing():
    p = [0.5, 0.0, 0.25, 0.25]
    code = huffman_code(p, symbols="abcd")
    assert set(code) == {"a", "c", "d"}
    assert average_length(p, code, symbols="abcd") == 1.5 == entropy(p)
    assert kraft_sum(code) == 1.0
    with pytest.raises(ValueError, match="'b' at position 1, which has no codeword"):
        encode("ab", code)


def test_average_length_needs_the_symbols_of_the_code():
    code = huffman_code([0.5, 0.5], symbols="ht")
    assert average_length([0.5, 0.5], code, symbols="ht") == 1.0
    with pytest.raises(
        ValueError,
        match=r"0 at position 0, which has probability 0\.5 but has no codeword",
    ):
        average_length([0.5, 0.5], code)


@pytest.mark.parametrize(
    "n, width", [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (8, 3), (9, 4), (27, 5)]
)
def test_fixed_length_code_uses_ceil_log2_n_bits(n, width):
    code = fixed_length_code(n)
    assert set(code_lengths(code).tolist()) == {width}
    assert is_prefix_free(code) and len(set(code.values())) == n


def test_code_lengths_in_a_chosen_order():
    code = {"a": "0", "b": "10", "c": "11"}
    assert code_lengths(code, symbols=["c", "a"]).tolist() == [2, 1]


def test_kraft_sum_of_codes_and_lengths():
    assert kraft_sum({"a": "0", "b": "10", "c": "11"}) == 1.0
    assert kraft_sum([1, 2, 3]) == 0.875
    assert kraft_sum([1, 1, 2]) == 1.25
    assert kraft_sum([60] * 4) == 4 * 2.0**-60


def test_is_prefix_free_spots_a_word_that_starts_another():
    assert is_prefix_free({"a": "0", "b": "10", "c": "11"})
    assert not is_prefix_free({"a": "0", "b": "01", "c": "11"})
    assert not is_prefix_free({"a": "01", "b": "1", "c": "0110"})
    assert not is_prefix_free({"a": "1", "b": "1"})


def test_encode_and_decode_a_known_message():
    code = {"a": "0", "b": "10", "c": "11"}
    assert encode("abcab", code) == "01011010"
    assert decode("01011010", code) == list("abcab")
    assert encode([], code) == "" and decode("", code) == []
    assert encode(np.array(["a", "c"]), code) == "011"


def test_ideal_lengths_are_the_information_of_each_symbol():
    np.testing.assert_array_equal(
        ideal_lengths([0.5, 0.25, 0.25, 0.0]), [1, 2, 2, np.inf]
    )


def test_block_distribution_is_the_product_of_its_symbols():
    p_blocks, blocks = block_distribution([0.7, 0.2, 0.1], 3, symbols="xyz")
    assert len(blocks) == 27 and blocks[5] == ("x", "y", "z")
    assert p_blocks[5] == pytest.approx(0.7 * 0.2 * 0.1)
    assert p_blocks.sum() == pytest.approx(1.0)
    assert entropy(p_blocks) == pytest.approx(3 * entropy([0.7, 0.2, 0.1]))


def test_block_coding_approaches_the_entropy():
    p = [0.71, 0.29]
    h = entropy(p)
    per_symbol = []
    for k in range(1, 9):
        p_blocks, _ = block_distribution(p, k)
        per_symbol.append(average_length(p_blocks, huffman_code(p_blocks)) / k)
        assert h <= per_symbol[-1] < h + 1 / k
    assert per_symbol[-1] < per_symbol[0] - 0.1


def test_a_long_sample_is_coded_at_about_the_average_length():
    rng = np.random.default_rng(5)
    p = np.array([0.4, 0.3, 0.2, 0.1])
    code = huffman_code(p)
    message = rng.choice(len(p), size=50_000, p=p).tolist()
    bits = encode(message, code)
    assert decode(bits, code) == message
    assert len(bits) / len(message) == pytest.approx(average_length(p, code), abs=0.02)


# --------------------------------------------------------------------------- properties


@given(distributions())
def test_huffman_codes_are_prefix_free(p):
    assert is_prefix_free(huffman_code(p))


@given(distributions())
def test_kraft_sum_is_one_for_two_or_more_symbols(p):
    code = huffman_code(p)
    assert kraft_sum(code) <= 1.0
    if len(code) >= 2:
        assert kraft_sum(code) == 1.0
    else:
        assert kraft_sum(code) == 0.5


@given(distributions())
def test_average_length_lies_between_entropy_and_entropy_plus_one(p):
    length, h = average_length(p, huffman_code(p)), entropy(p)
    assert h <= length + 1e-12
    if np.count_nonzero(p) == 1:  # a sure symbol costs the bit that marks it was sent
        assert length == 1.0 and h == 0.0
    else:
        assert length - 1 < h  # L < H + 1, written so that a tiny H is not rounded away


@given(distributions(positive=True))
def test_huffman_is_no_longer_than_the_shannon_code(p):
    # Shannon's code gives each symbol ceil(-log2 p) bits (at least one). Positive
    # weights keep the float sum of p honest: with p = (1/2, 1/2, 1e-100), which sums
    # to 1 only after rounding, those lengths would break the Kraft inequality.
    shannon = np.maximum(1, np.ceil(ideal_lengths(p)[p > 0]))
    assert kraft_sum(shannon) <= 1.0
    assert (
        average_length(p, huffman_code(p)) <= float(np.dot(p[p > 0], shannon)) + 1e-12
    )


def test_shannon_code_rounds_ideal_lengths_up():
    code = shannon_code([0.4, 0.3, 0.2, 0.1], symbols=["sun", "cloud", "rain", "snow"])
    assert code_lengths(code, ["sun", "cloud", "rain", "snow"]).tolist() == [2, 2, 3, 4]
    assert shannon_code([0.5, 0.25, 0.25]) == huffman_code([0.5, 0.25, 0.25])
    assert shannon_code([1.0, 0.0]) == {0: "0"}


@given(distributions(min_size=2, positive=True), st.data())
def test_shannon_code_costs_between_cross_entropy_and_one_bit_more(q, data):
    # Two or more symbols: a single one costs exactly one bit more (see above), and
    # the tolerance below only absorbs rounding.
    p = data.draw(distributions(min_size=len(q), max_size=len(q)))
    code = shannon_code(q)
    assert is_prefix_free(code) and kraft_sum(code) <= 1.0
    length = float(np.dot(p, code_lengths(code)))
    assert cross_entropy(p, q) - 1e-9 <= length < cross_entropy(p, q) + 1 + 1e-9
    assert average_length(q, huffman_code(q)) <= average_length(q, code) + 1e-12


@given(distributions_and_messages())
def test_decode_inverts_encode(case):
    p, message = case
    code = huffman_code(p)
    assert decode(encode(message, code), code) == message


@given(distributions(min_size=2), st.randoms(use_true_random=False))
def test_average_length_does_not_depend_on_the_order_of_the_symbols(p, random):
    order = list(range(len(p)))
    random.shuffle(order)
    shuffled = p[order]
    assert average_length(shuffled, huffman_code(shuffled)) == pytest.approx(
        average_length(p, huffman_code(p)), abs=1e-12
    )


# --------------------------------------------------------------------------- optimality


def _all_prefix_code_lengths(n):
    """Every length vector of a prefix code for n symbols, codewords of <= n - 1 bits.

    An optimal code never needs more than n - 1 bits: its code tree is full, and a
    full binary tree with n leaves is at most n - 1 deep.
    """
    words = [
        "".join(bits)
        for size in range(1, n)
        for bits in itertools.product("01", repeat=size)
    ]
    found = set()
    for chosen in itertools.permutations(words, n):
        if is_prefix_free(dict(enumerate(chosen))):
            found.add(tuple(len(word) for word in chosen))
    return found


PREFIX_CODE_LENGTHS = {n: _all_prefix_code_lengths(n) for n in (2, 3, 4)}
KRAFT_LENGTHS = {
    n: {
        lengths
        for lengths in itertools.product(range(1, n), repeat=n)
        if kraft_sum(lengths) <= 1
    }
    for n in (2, 3, 4, 5)
}


def test_prefix_codes_exist_exactly_for_lengths_with_kraft_sum_at_most_one():
    for n, lengths in PREFIX_CODE_LENGTHS.items():
        assert lengths == KRAFT_LENGTHS[n]


@given(distributions(min_size=2, max_size=4, positive=True))
def test_huffman_beats_every_prefix_code_on_tiny_alphabets(p):
    best = min(float(np.dot(p, lengths)) for lengths in PREFIX_CODE_LENGTHS[len(p)])
    assert average_length(p, huffman_code(p)) == pytest.approx(best, abs=1e-12)


@given(distributions(min_size=2, max_size=5, positive=True))
def test_huffman_beats_every_length_assignment_that_satisfies_kraft(p):
    best = min(float(np.dot(p, lengths)) for lengths in KRAFT_LENGTHS[len(p)])
    assert average_length(p, huffman_code(p)) == pytest.approx(best, abs=1e-12)


def _is_uniquely_decodable(words):
    """Sardinas-Patterson: no bit string has two readings as a sequence of words.

    Follow the "dangling suffixes": what is left over when one reading of a string
    is ahead of another. The code is ambiguous exactly when a dangling suffix is
    itself a codeword (or empty), and the set of suffixes is finite, so the search
    ends.
    """
    words = set(words)

    def dangling(a, b):  # what is left of a word of b after a word of a starts it
        return {y[len(x) :] for x in a for y in b if y.startswith(x) and y != x}

    suffixes, seen = dangling(words, words), set()
    while suffixes:
        if "" in suffixes or suffixes & words:
            return False
        if frozenset(suffixes) in seen:
            return True
        seen.add(frozenset(suffixes))
        suffixes = dangling(words, suffixes) | dangling(suffixes, words)
    return True


WORDS_UP_TO_3_BITS = [
    "".join(bits) for size in (1, 2, 3) for bits in itertools.product("01", repeat=size)
]
#: Every uniquely decodable code of n codewords of at most 3 bits, prefix or not.
DECODABLE = {
    n: [
        words
        for words in itertools.combinations(WORDS_UP_TO_3_BITS, n)
        if _is_uniquely_decodable(words)
    ]
    for n in (2, 3, 4)
}
#: Their codeword lengths, handed to the symbols in every order.
DECODABLE_LENGTHS = {
    n: {
        lengths
        for words in codes
        for lengths in itertools.permutations(len(word) for word in words)
    }
    for n, codes in DECODABLE.items()
}


def test_sardinas_patterson_tells_decodable_codes_from_ambiguous_ones():
    assert _is_uniquely_decodable(["0", "01", "011", "111"])  # decodable, not prefix
    assert not _is_uniquely_decodable(["0", "1", "01", "10"])  # the careless code
    assert not _is_uniquely_decodable(["0", "01", "10"])  # "010": 0|10 or 01|0
    assert all(
        _is_uniquely_decodable(words)
        for words in itertools.combinations(WORDS_UP_TO_3_BITS, 4)
        if is_prefix_free(dict(enumerate(words)))
    )
    assert any(not is_prefix_free(dict(enumerate(c))) for c in DECODABLE[4])


def test_every_decodable_code_on_tiny_alphabets_satisfies_kraft():  # McMillan
    for codes in DECODABLE.values():
        assert all(kraft_sum(dict(enumerate(words))) <= 1 for words in codes)


@given(distributions(min_size=2, max_size=4, positive=True))
def test_huffman_beats_every_decodable_code_on_tiny_alphabets(p):
    best = min(float(np.dot(p, lengths)) for lengths in DECODABLE_LENGTHS[len(p)])
    assert average_length(p, huffman_code(p)) <= best + 1e-12


# ---------------------------------------------------------------------------- bad input

CODE = {"a": "0", "b": "10", "c": "11"}

# Each message names the argument, says what is wrong and how to fix it.
BAD_INPUTS = [
    (lambda: huffman_code([]), r"^p is empty; pass at least one probability"),
    (lambda: huffman_code([0.5, 0.4]), r"^p must sum to 1, .*normalize\(p\)"),
    (
        lambda: huffman_code([0.5, -0.5, 1.0]),
        r"^p contains -0\.5 at index 1, .*negative",
    ),
    (
        lambda: huffman_code([[0.5, 0.5]]),
        r"^p must be one-dimensional, one probability per symbol, but has shape "
        r"\(1, 2\); pass a flat sequence",
    ),
    (
        lambda: shannon_code([0.5, 0.5], symbols="abc"),
        r"^symbols has 3 labels but p has 2 probabilities; give exactly one label",
    ),
    (
        lambda: huffman_code([0.5, 0.5], symbols="aa"),
        r"^symbols contains 'a' twice \(again at index 1\); every label must be "
        r"distinct",
    ),
    (
        lambda: huffman_code([0.5, 0.5], symbols=[[1], [2]]),
        r"^symbols contains \[1\] at index 0, which cannot be a dictionary key; use "
        r"strings, numbers or tuples",
    ),
    (
        lambda: huffman_code([0.5, 0.5], symbols=3),
        r"^symbols must be a sequence of labels, one per probability, but got 3",
    ),
    (
        lambda: encode("abz", CODE),
        r"^message contains 'z' at position 2, which has no codeword in code; the code "
        r"covers the symbols 'a', 'b', 'c'\. Build the code from a distribution",
    ),
    (
        lambda: encode([[1]], CODE),
        r"^message contains \[1\] at position 0, which has no",
    ),
    (lambda: encode(5, CODE), r"^message must be a sequence of symbols, but got 5"),
    (
        lambda: encode("ab", {"a": "0", "b": "01"}),
        r"^code is not a prefix code: the codeword '0' of 'a' is the start of the "
        r"codeword '01' of 'b', .*make sure no codeword starts another",
    ),
    (
        lambda: decode("0", {"a": "1", "b": "1"}),
        r"^code is not a prefix code: 'a' and 'b' share the codeword '1'",
    ),
    (lambda: encode("a", {}), r"^code is empty; a code needs a codeword for at least"),
    (
        lambda: encode("a", ["0"]),
        r"^code must be a mapping from symbols to codewords, such as \{'a': '0'",
    ),
    (
        lambda: encode("a", {"a": 0}),
        r"^the codeword of 'a' in code must be a string of the characters 0 and 1, "
        r"such as '0110', but got 0 of type int",
    ),
    (
        lambda: is_prefix_free({"a": "0a"}),
        r"^the codeword of 'a' in code must contain only the characters 0 and 1, "
        r"but '0a' contains 'a'",
    ),
    (
        lambda: code_lengths({"a": ""}),
        r"^the codeword of 'a' in code is empty; every codeword needs at least one bit",
    ),
    (
        lambda: decode("012", CODE),
        r"^bits must contain only the characters 0 and 1, but has '2' at position 2",
    ),
    (
        lambda: decode([0, 1], CODE),
        r"^bits must be a string of the characters 0 and 1, .*but got list; join a "
        r"list of bits with ''\.join",
    ),
    (lambda: decode(b"01", CODE), r"^bits must be a string .*but got bytes"),
    (
        lambda: decode("01", {"a": "0", "b": "11"}),
        r"^bits ends with '1' at position 1, which is only the start of a codeword; "
        r"the bit string was cut short",
    ),
    (
        lambda: decode("010", {"a": "0", "b": "11"}),
        r"^bits cannot be decoded at position 1: no codeword of code starts '10'; the "
        r"bit string was encoded with another code",
    ),
    (
        lambda: average_length([0.5, 0.5], {"a": "0", "b": "1"}),
        r"^symbols contains 0 at position 0, which has probability 0\.5 but has no "
        r"codeword in code; the code covers the symbols 'a', 'b'\. Build the code",
    ),
    (
        lambda: code_lengths(CODE, symbols="ax"),
        r"^symbols contains 'x' at position 1, which has no codeword",
    ),
    (
        lambda: kraft_sum([0, 1]),
        r"^code_or_lengths contains 0\.0 at index 0, but a codeword length is a whole "
        r"number of bits, at least 1",
    ),
    (lambda: kraft_sum([1.5]), r"^code_or_lengths contains 1\.5 at index 0, but"),
    (lambda: kraft_sum([1, np.inf]), r"^code_or_lengths contains inf at index 1"),
    (
        lambda: kraft_sum([[1, 2]]),
        r"^code_or_lengths must be a flat sequence of codeword lengths, but has shape "
        r"\(1, 2\)",
    ),
    (
        lambda: kraft_sum([]),
        r"^code_or_lengths is empty; pass at least one codeword length, for example",
    ),
    (lambda: ideal_lengths([0.5]), r"^p must sum to 1"),
    (
        lambda: block_distribution([0.5, 0.5], 0),
        r"^k must be a whole number of symbols per block, at least 1, but got 0",
    ),
    (lambda: block_distribution([0.5, 0.5], 2.0), r"^k must be a whole number .*2\.0"),
    (
        lambda: block_distribution([0.5, 0.5], 17),
        r"^blocks of k=17 symbols over 2 symbols make 131,072 blocks, more than the "
        r"65,536 this function builds; use a smaller k",
    ),
    (
        lambda: fixed_length_code(0),
        r"^symbols must be a whole number of symbols, at least 1, but got 0",
    ),
    (lambda: fixed_length_code([]), r"^symbols is empty; a code needs at least one"),
    (
        lambda: fixed_length_code(2.5),
        r"^symbols must be a number of symbols or a sequence of labels, but got 2\.5",
    ),
    (
        lambda: block_distribution([0.5, 0.5], 10**9),
        r"^k must be at most 1024 symbols per block, but got 1000000000",
    ),
    (
        lambda: block_distribution([0.25] * 4, 100),
        r"^blocks of k=100 symbols over 4 symbols make about 10\*\*60 blocks",
    ),
    (lambda: kraft_sum([]), r"pass at least one codeword length"),
    (
        lambda: shannon_code([0.5, 0.5, 1e-100]),
        r"^p sums to more than 1 before rounding .*break the Kraft inequality .*drop "
        r"the negligible probabilities or use huffman_code\(p\)",
    ),
]


@pytest.mark.parametrize("call, pattern", BAD_INPUTS, ids=[p for _, p in BAD_INPUTS])
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_huge_codeword_lengths_add_nothing_to_the_kraft_sum():
    assert kraft_sum([1e20]) == 0.0
    assert kraft_sum([2**63, 1]) == 0.5
    assert kraft_sum([1, 1075, 2000]) == 0.5


def test_the_coding_functions_accept_every_distribution_the_measures_accept():
    # One contract: an entry may exceed 1 by rounding, within the sum tolerance.
    p = [1 + 5e-7]
    assert ideal_lengths(p)[0] == pytest.approx(-7.2134752e-07)
    assert shannon_code(p) == {0: "0"}
    assert huffman_code(p) == {0: "0"}
    assert shannon_code([0.5, 0.5 + 5e-7]) == {0: "0", 1: "1"}
