"""Tests of infotheory.ngram: the smoothing from scratch, distributions, bad input."""

import codecs
import contextlib
import heapq
import io
import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from infotheory import (
    CharNgramModel,
    arithmetic_decode,
    arithmetic_encode,
    arithmetic_length_bound,
    message_information,
)
from tests.lib.strategies import texts

# ------------------------------------------------------------ interpolated Kneser-Ney


def kneser_ney(train, n, alphabet, discount=None):
    """Interpolated Kneser-Ney from its definition, with dictionaries of strings.

    Returns ``prob(w, past)``. Raw counts at the top level, continuation counts (in
    how many distinct contexts a sequence appears) below it, a uniform distribution
    under the shortest level; discounts estimated as n1 / (n1 + 2 n2) unless given.
    """
    raw = {
        k: Counter(train[t - k + 1 : t + 1] for t in range(k - 1, len(train)))
        for k in range(1, n + 1)
    }
    cont = {k: Counter(gram[1:] for gram in raw[k + 1]) for k in range(1, n)}

    def estimate(counts):
        n1 = sum(1 for c in counts.values() if c == 1)
        n2 = sum(1 for c in counts.values() if c == 2)
        return n1 / (n1 + 2 * n2) if n1 else 0.5

    def p(w, h, k, top):
        if k == 0:
            return 1 / len(alphabet)
        counts = raw[k] if top else cont[k]
        lower = p(w, h[1:], k - 1, False)
        total = sum(counts[h + v] for v in alphabet)
        if total == 0:
            return lower
        kinds = sum(1 for v in alphabet if counts[h + v] > 0)
        d = discount if discount is not None else estimate(counts)
        return (max(counts[h + w] - d, 0) + d * kinds * lower) / total

    def prob(w, past):
        k = min(n, len(past) + 1)
        return p(w, past[len(past) - k + 1 :] if k > 1 else "", k, True)

    return prob


TRAIN = "abracadabra arbadacarba cabbage"
TEST = "abacab cadabra zz"


@pytest.mark.parametrize("n", [1, 2, 3, 4])
@pytest.mark.parametrize("discount", [None, 0.3, 1.0])
@pytest.mark.parametrize("context", ["", "r", "cabra"])
def test_probabilities_match_the_smoothing_computed_from_scratch(n, discount, context):
    model = CharNgramModel(TRAIN, n=n, discount=discount, alphabet="z")
    prob = kneser_ney(TRAIN, n, model.symbols, discount)
    full = context + TEST
    expected = [prob(full[t], full[:t]) for t in range(len(context), len(full))]
    np.testing.assert_allclose(
        model.probabilities(TEST, context=context), expected, rtol=1e-13, atol=0
    )
    for t in range(len(context), len(full)):
        np.testing.assert_allclose(
            model(full[:t]), [prob(w, full[:t]) for w in model.symbols], rtol=1e-13
        )


def test_the_worked_example_by_hand():
    # "abracadabra", n = 2, after "b". Bigram counts: ab 2, br 2, ra 2, ac, ca, ad,
    # da 1 each, so D2 = 4 / (4 + 2 * 3) = 0.4. Continuation counts of the letters
    # (how many distinct letters precede them): a 3, b 1, c 1, d 1, r 1, so
    # D1 = 4 / 4 = 1 and p1 = (a 3/7, the others 1/7).
    model = CharNgramModel("abracadabra", n=2)
    assert model.discounts == (1.0, 0.4)
    p1 = np.array([3, 1, 1, 1, 1]) / 7
    by_hand = (np.array([0, 0, 0, 0, 2]) - 0.4).clip(0) + 0.4 * 1 * p1
    np.testing.assert_allclose(model("ab"), by_hand / 2, rtol=1e-15)


def test_estimated_discounts_are_n1_over_n1_plus_2_n2():
    text = "the cat sat on the mat with the hat"
    model = CharNgramModel(text, n=3)
    trigrams = Counter(text[t : t + 3] for t in range(len(text) - 2))
    n1 = sum(1 for c in trigrams.values() if c == 1)
    n2 = sum(1 for c in trigrams.values() if c == 2)
    assert model.discounts[-1] == n1 / (n1 + 2 * n2)
    assert model.with_discount(0.25).discounts == (0.25, 0.25, 0.25)


# -------------------------------------------------------------------------- properties


@given(texts(), st.integers(1, 4), st.sampled_from([None, 0.1, 0.5, 1.0]), st.data())
def test_distributions_sum_to_one_and_allow_every_symbol(train, n, discount, data):
    model = CharNgramModel(train, n=n, discount=discount, alphabet="xyz")
    past = data.draw(texts(alphabet=model.symbols, min_size=0, max_size=8))
    q = model(past)
    assert q.shape == (len(model.symbols),)
    assert (q > 0).all()
    assert math.fsum(q) == pytest.approx(1.0, abs=1e-12)


@given(texts(), st.integers(1, 4), texts(min_size=0, max_size=30), st.data())
def test_every_way_to_ask_gives_the_same_numbers(train, n, text, data):
    model = CharNgramModel(train, n=n, alphabet="abc d")
    context = data.draw(texts(min_size=0, max_size=5))
    rows = model.distributions(text, context=context)
    assert rows.shape == (len(text), len(model.symbols))
    index = [model.symbols.index(c) for c in text]
    np.testing.assert_array_equal(
        rows[np.arange(len(text)), index], model.probabilities(text, context)
    )
    for t in range(len(text)):
        np.testing.assert_array_equal(rows[t], model(context + text[:t]))


@given(texts(), st.integers(1, 5), texts(), st.sampled_from([None, 0.2, 0.9]))
def test_cross_entropy_by_order_is_each_order_exactly(train, n, text, discount):
    model = CharNgramModel(train, n=n, discount=discount, alphabet="abc d")
    by_order = model.cross_entropy_by_order(text)
    for k in range(1, n + 1):
        alone = CharNgramModel(train, n=k, discount=discount, alphabet="abc d")
        assert by_order[k - 1] == model.with_order(k).cross_entropy(text)
        assert by_order[k - 1] == alone.cross_entropy(text)


@given(texts(), texts())
def test_cross_entropy_perplexity_and_units_agree(train, text):
    model = CharNgramModel(train, n=3, alphabet="abc d")
    bits = model.cross_entropy(text)
    p = model.probabilities(text)
    assert bits == pytest.approx(-np.mean(np.log2(p)), rel=1e-12)
    assert model.cross_entropy(text, base=np.e) == pytest.approx(
        bits * math.log(2), rel=1e-12
    )
    assert model.perplexity(text) == pytest.approx(2**bits, rel=1e-12)


# -------------------------------------------------------------------- counts and more


def test_counts_are_the_training_counts_of_each_n_gram():
    model = CharNgramModel(TRAIN, n=3, alphabet="z")
    full = "ca" + TEST
    expected = [TRAIN.count(full[t - 2 : t + 1]) for t in range(2, len(full))]
    # str.count skips overlapping matches: count them one by one instead
    expected = [
        sum(TRAIN.startswith(full[t - 2 : t + 1], i) for i in range(len(TRAIN)))
        for t in range(2, len(full))
    ]
    assert model.counts(TEST, context="ca").tolist() == expected


def test_a_lower_order_is_the_model_trained_with_that_order():
    model = CharNgramModel(TRAIN, n=4)
    for k in (1, 2, 3):
        alone = CharNgramModel(TRAIN, n=k)
        assert model.with_order(k).discounts == alone.discounts
        np.testing.assert_array_equal(
            model.with_order(k).distributions(TEST[:6]), alone.distributions(TEST[:6])
        )


def test_more_context_fits_the_training_text_better():
    text = "she sells sea shells by the sea shore " * 20
    model = CharNgramModel(text, n=5)
    in_sample = model.cross_entropy_by_order(text)
    assert (np.diff(in_sample) < 0).all()


def test_generated_text_is_seeded_and_follows_the_model():
    model = CharNgramModel(TRAIN, n=3)
    assert model.generate(40, seed=1) == model.generate(40, seed=1)
    assert model.generate(40, seed=1) != model.generate(40, seed=2)
    assert model.generate(0, seed=1) == ""
    assert len(model.generate(25, seed=3, prompt="ab")) == 25
    for prompt in ["", "c", "ab", "zz"[:0] + "ra"]:
        draws = Counter(model.generate(1, seed=s, prompt=prompt) for s in range(4000))
        frequencies = np.array([draws[c] / 4000 for c in model.symbols])
        np.testing.assert_allclose(frequencies, model(prompt), atol=0.03)


def test_arithmetic_coding_with_the_model_reaches_its_cross_entropy():
    with contextlib.redirect_stdout(io.StringIO()):
        import this
    train = heapq.__about__
    text = codecs.decode(this.s, "rot13")
    model = CharNgramModel(train, n=4, alphabet=text)
    rows = model.distributions(text)
    bits = arithmetic_encode(text, rows, symbols=model.symbols)
    assert arithmetic_encode(text, model) == bits  # the model asked for stretches
    assert "".join(arithmetic_decode(bits, model, length=len(text))) == text
    information = message_information(text, model)
    assert information == pytest.approx(
        model.cross_entropy(text) * len(text), rel=1e-12
    )
    assert (
        information <= len(bits) <= arithmetic_length_bound(text, rows, model.symbols)
    )
    assert len(bits) <= information + 2.001


def test_a_big_alphabet_with_a_short_context():
    text = "".join(chr(0x4E00 + i % 3000) for i in range(9000))
    model = CharNgramModel(text, n=5)
    assert len(model.symbols) == 3000
    assert model.cross_entropy(text[:50]) < 1.0  # the text repeats: n-grams know it


def test_repr_names_the_order_and_the_alphabet():
    assert repr(CharNgramModel("abab", n=2)).startswith(
        "CharNgramModel(n=2, 2 characters"
    )


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "call, pattern",
    [
        (lambda: CharNgramModel(""), r"text is empty; train the model on at least one"),
        (lambda: CharNgramModel(b"abc"), r"text must be a string of characters"),
        (lambda: CharNgramModel("abc", n=0), r"n must be a whole number"),
        (lambda: CharNgramModel("abc", n=2.5), r"n must be a whole number"),
        (
            lambda: CharNgramModel("".join(map(chr, range(65, 65 + 3000))), n=6),
            r"n=6 with an alphabet of 3,000 characters.*use a smaller n",
        ),
        (
            lambda: CharNgramModel("abc", discount=0),
            r"discount must be a single finite number, greater than 0 and at most 1",
        ),
        (
            lambda: CharNgramModel("abc", discount=1.5),
            r"discount must be a single finite number, greater than 0 and at most 1",
        ),
        (
            lambda: CharNgramModel("abc").probabilities("abx"),
            r"text contains 'x' at position 2, which is not in the model's alphabet "
            r"of 3 characters; train the model with alphabet= including it",
        ),
        (
            lambda: CharNgramModel("abc")("q"),
            r"past contains 'q' at position 0",
        ),
        (
            lambda: CharNgramModel("abc").cross_entropy(""),
            r"text is empty; score at least one character",
        ),
        (
            lambda: CharNgramModel("abc", n=2).with_order(3),
            r"n=3 is larger than the order 2 this model was trained with",
        ),
        (
            lambda: CharNgramModel("abc").generate(-1),
            r"length must be a whole number of characters, at least 0",
        ),
        (
            lambda: CharNgramModel("abc").generate(3, prompt="xyz"),
            r"prompt contains 'x' at position 0",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()
