"""Prefix codes: Huffman and Shannon codes, code lengths, the Kraft sum, encode, decode.

A binary code gives each symbol a *codeword*, a string of ``'0'`` and ``'1'``. A code
is a plain ``dict`` from symbols to codewords, such as
``{'a': '0', 'b': '10', 'c': '11'}``. In a *prefix code* no codeword is the start of
another, so a stream of codewords decodes without separators.

Conventions shared by every function here:

* **Unit.** Lengths are counted in bits (binary codes), so entropy comparisons use
  base 2.
* **Distributions and symbols.** A distribution ``p`` is a flat sequence of
  probabilities summing to 1; ``symbols`` names its entries (``range(len(p))`` when
  omitted, or a string such as ``"abc"`` for single letters).
* **Zero probabilities.** A symbol with probability 0 gets **no codeword**: its ideal
  length ``-log2 0`` is infinite, and a codeword for it would only lengthen the
  codewords of symbols that do occur. Encoding such a symbol raises ``ValueError``,
  the coding side of an infinite cross-entropy.
* **One symbol.** A certain symbol carries no information (``ceil(-log2 1) = 0``), and
  a receiver who knows how many symbols were sent needs no bits at all. But a code
  whose only codeword is empty cannot be decoded from the bits alone: the empty string
  would stand for one symbol, two or a hundred, so the code is not uniquely decodable.
  So that every code here decodes a bit string without being told its length, a single
  possible symbol gets the codeword ``'0'``, one bit that marks that a symbol was sent.
  It is the one case where Huffman's and Shannon's codes reach ``L = H + 1``; with two
  or more possible symbols ``H <= L < H + 1``.
* **Determinism.** Huffman's algorithm breaks ties between equal weights by the order
  of the symbols, and codewords are then assigned canonically (shorter first, ties in
  symbol order, counting up in binary), so the same input always gives the same code.
* **Bad input** (an empty or non-normalised ``p``, symbols that repeat, codewords that
  are not bit strings or not prefix-free, a symbol without a codeword, a bit string
  that does not decode) raises ``ValueError`` with a message that says how to fix it.

References
----------
D. A. Huffman, "A Method for the Construction of Minimum-Redundancy Codes",
Proceedings of the IRE 40 (1952). L. G. Kraft, "A device for quantizing, grouping,
and coding amplitude-modulated pulses", MS thesis, MIT (1949). T. M. Cover and
J. A. Thomas, *Elements of Information Theory*, 2nd ed., Wiley (2006), chapter 5.
"""

from __future__ import annotations

import heapq
import itertools
import math

import numpy as np

from ._validation import (
    as_distribution,
    as_float_array,
    bad_entry,
    check_finite,
    check_integer,
)
from .measures import information

__all__ = [
    "average_length",
    "block_distribution",
    "code_lengths",
    "decode",
    "encode",
    "fixed_length_code",
    "huffman_code",
    "ideal_lengths",
    "is_prefix_free",
    "kraft_sum",
    "shannon_code",
]

#: The most blocks :func:`block_distribution` builds (``len(p) ** k``).
_MAX_BLOCKS = 2**16
#: The most symbols per block (with a single symbol there is only one block).
_MAX_BLOCK_LENGTH = 1024


def huffman_code(p, symbols=None):
    """An optimal binary prefix code for the distribution ``p`` (Huffman's algorithm).

    Repeatedly merge the two least likely entries (a symbol or an already merged
    group) into one whose probability is their sum; every merge adds one bit to the
    codewords of all symbols inside the two. The resulting lengths minimise the
    average length ``sum(p * lengths)`` over all prefix codes and, by McMillan's
    inequality, over all uniquely decodable codes that give each symbol its own
    codeword (coding blocks of symbols can do better). With two or more possible
    symbols they satisfy ``H(p) <= L < H(p) + 1`` bits; a single possible symbol gets
    the one-bit codeword ``'0'``, so there ``L = 1 = H + 1`` (see the module notes).

    Parameters
    ----------
    p : array_like
        Probabilities of the symbols, non-negative and summing to 1.
    symbols : sequence, optional
        A distinct label for each probability; ``range(len(p))`` by default. A string
        such as ``"abc"`` gives one symbol per character.

    Returns
    -------
    dict
        Symbol -> codeword (a string of ``'0'`` and ``'1'``), in the order of
        ``symbols``. Symbols with probability 0 are left out (see Notes).

    Raises
    ------
    ValueError
        If ``p`` is empty, not one-dimensional, not a distribution, or ``symbols`` do
        not match it.

    Notes
    -----
    Ties between equal probabilities go to the symbol (or group) that came first, and
    codewords are assigned canonically from the lengths: shorter codewords first, ties
    in symbol order, each codeword the previous one plus 1 in binary, shifted left when
    the length grows. Symbols with ``p == 0`` get no codeword, because their ideal
    length ``-log2 0`` is infinite; a single possible symbol gets the codeword ``'0'``
    (see the module notes on one symbol).

    References
    ----------
    Huffman (1952); McMillan (1956); Cover & Thomas (2006), sections 5.5, 5.6 and 5.8.

    Examples
    --------
    The horse race of Cover & Thomas (2006), chapter 1:

    >>> p = [1/2, 1/4, 1/8, 1/16, 1/64, 1/64, 1/64, 1/64]
    >>> huffman_code(p, symbols="abcdefgh")  # doctest: +NORMALIZE_WHITESPACE
    {'a': '0', 'b': '10', 'c': '110', 'd': '1110',
     'e': '111100', 'f': '111101', 'g': '111110', 'h': '111111'}
    >>> huffman_code([0.6, 0.4, 0.0])       # the impossible symbol 2 gets no codeword
    {0: '0', 1: '1'}
    >>> huffman_code([1.0], symbols=["sure"])
    {'sure': '0'}
    """
    p = _as_distribution_1d(p, "p")
    symbols = _as_symbols(symbols, len(p))
    keep = [i for i in range(len(p)) if p[i] > 0]
    lengths = _huffman_lengths([float(p[i]) for i in keep])
    words = _canonical_codewords(lengths)
    return {symbols[i]: word for i, word in zip(keep, words)}


def shannon_code(p, symbols=None):
    """The Shannon code for ``p``: a prefix code with lengths ``ceil(-log2 p)`` (>= 1).

    Rounding every ideal length up keeps the Kraft sum at most 1, so a prefix code
    with these lengths exists. With two or more possible symbols its average length
    lies in ``[H(p), H(p) + 1)``; used on data from another distribution ``P``, in
    ``[H(P, p), H(P, p) + 1)``: cross-entropy as a code length. On data from ``p``
    itself, Huffman's code is never longer on average. A single possible symbol gets
    ``'0'`` (its ideal length is 0 bits, but a codeword needs at least one), as in
    :func:`huffman_code`.

    Parameters
    ----------
    p : array_like
        Probabilities of the symbols, non-negative and summing to 1.
    symbols : sequence, optional
        A distinct label for each probability, as in :func:`huffman_code`.

    Returns
    -------
    dict
        Symbol -> codeword, canonical like :func:`huffman_code`'s; symbols with
        probability 0 get no codeword.

    Raises
    ------
    ValueError
        For the bad inputs of :func:`huffman_code`, and when rounding made ``p`` sum to
        1 although it exceeds 1 (such as ``(1/2, 1/2, 1e-100)``): then the Shannon
        lengths break the Kraft inequality.

    References
    ----------
    Shannon (1948), section 9; Cover & Thomas (2006), section 5.4.

    Examples
    --------
    >>> shannon_code([0.4, 0.3, 0.2, 0.1], symbols=["sun", "cloud", "rain", "snow"])
    {'sun': '00', 'cloud': '01', 'rain': '100', 'snow': '1010'}
    >>> shannon_code([0.5, 0.25, 0.25])         # dyadic: the same lengths as Huffman's
    {0: '0', 1: '10', 2: '11'}
    """
    p = _as_distribution_1d(p, "p")
    symbols = _as_symbols(symbols, len(p))
    keep = [i for i in range(len(p)) if p[i] > 0]
    lengths = [max(1, math.ceil(float(information(p[i])))) for i in keep]
    longest = max(lengths)
    if sum(1 << (longest - length) for length in lengths) > 1 << longest:  # Kraft
        total = math.fsum(map(float, p))
        raise ValueError(
            f"p sums to more than 1 before rounding (to {total!r} in floating point), "
            f"so the lengths ceil(-log2 p) break the Kraft inequality and no prefix "
            f"code has them; drop the negligible probabilities or use huffman_code(p)."
        )
    words = _canonical_codewords(lengths)
    return {symbols[i]: word for i, word in zip(keep, words)}


def fixed_length_code(symbols):
    """A code that gives every symbol a codeword of the same length.

    With ``n`` symbols each codeword has ``ceil(log2 n)`` bits, at least 1 (so a single
    symbol gets ``'0'``, see the module notes): symbol number ``i`` gets ``i`` written
    in binary.

    Parameters
    ----------
    symbols : int or sequence
        The number of symbols (then the symbols are ``0, ..., n - 1``) or their labels.

    Returns
    -------
    dict
        Symbol -> codeword, in the order of ``symbols``.

    Examples
    --------
    >>> fixed_length_code("abc")
    {'a': '00', 'b': '01', 'c': '10'}
    >>> fixed_length_code(1)
    {0: '0'}
    """
    if isinstance(symbols, (int, np.integer)) and not isinstance(symbols, bool):
        symbols = range(check_integer(symbols, "symbols", "symbols"))
    try:
        n = len(symbols)
    except TypeError:
        raise ValueError(
            f"symbols must be a number of symbols or a sequence of labels, "
            f"but got {symbols!r}."
        ) from None
    if n == 0:
        raise ValueError("symbols is empty; a code needs at least one symbol.")
    symbols = _as_symbols(symbols, n)
    width = max(1, (n - 1).bit_length())
    return {symbol: format(i, f"0{width}b") for i, symbol in enumerate(symbols)}


def code_lengths(code, symbols=None):
    """The length in bits of each codeword of ``code``.

    Parameters
    ----------
    code : dict
        Symbol -> codeword.
    symbols : sequence, optional
        The symbols whose lengths to return, in this order; all symbols of ``code`` in
        its own order by default.

    Returns
    -------
    ndarray of int
        The codeword lengths.

    Raises
    ------
    ValueError
        If ``code`` is not a code or a symbol has no codeword.

    Examples
    --------
    >>> code_lengths({'a': '0', 'b': '10', 'c': '11'})
    array([1, 2, 2])
    >>> code_lengths({'a': '0', 'b': '10', 'c': '11'}, symbols="cb")
    array([2, 2])
    """
    code = _as_code(code, prefix_free=False)
    if symbols is None:
        return np.array([len(word) for word in code.values()], dtype=np.int64)
    words = [
        _codeword(code, symbol, "symbols", i)
        for i, symbol in enumerate(_as_list(symbols))
    ]
    return np.array([len(word) for word in words], dtype=np.int64)


def average_length(p, code, symbols=None):
    """The expected codeword length ``L = sum(p * lengths)``, in bits per symbol.

    Parameters
    ----------
    p : array_like
        Probabilities of the symbols, summing to 1.
    code : dict
        Symbol -> codeword; must cover every symbol with ``p > 0``.
    symbols : sequence, optional
        The symbol of each probability; ``range(len(p))`` by default.

    Returns
    -------
    float
        The average number of bits per symbol.

    Raises
    ------
    ValueError
        If ``p`` is not a distribution, or a symbol with ``p > 0`` has no codeword.

    Notes
    -----
    Symbols with ``p == 0`` contribute 0 and need no codeword.

    References
    ----------
    Cover & Thomas (2006), section 5.1.

    Examples
    --------
    >>> p = [0.25, 0.25, 0.2, 0.15, 0.15]
    >>> round(average_length(p, huffman_code(p)), 10)
    2.3
    >>> average_length([0.5, 0.5, 0.0], {0: '0', 1: '1'})
    1.0
    """
    p = _as_distribution_1d(p, "p")
    symbols = _as_symbols(symbols, len(p))
    code = _as_code(code, prefix_free=False)
    total = 0.0
    for i, (pi, symbol) in enumerate(zip(p, symbols)):
        if pi > 0:
            word = _codeword(code, symbol, "symbols", i, f" has probability {pi:g} but")
            total += pi * len(word)
    return float(total)


def kraft_sum(code_or_lengths):
    """The Kraft sum ``sum(2 ** -length)`` over the codewords of a code.

    A prefix code exists with given codeword lengths exactly when their Kraft sum is
    at most 1 (the Kraft inequality). A codeword of length ``l`` uses up the fraction
    ``2 ** -l`` of all bit strings, those that start with it. A Huffman code for two
    or more symbols uses up everything: its Kraft sum is exactly 1.

    Parameters
    ----------
    code_or_lengths : dict or array_like
        A code (symbol -> codeword) or the codeword lengths (whole numbers >= 1).

    Returns
    -------
    float
        The Kraft sum, computed exactly (it is a sum of powers of two) and rounded
        once to float64; a codeword longer than 1074 bits adds less than the smallest
        positive float.

    References
    ----------
    Kraft (1949); Cover & Thomas (2006), theorem 5.2.1.

    Examples
    --------
    >>> kraft_sum({'a': '0', 'b': '10', 'c': '11'})
    1.0
    >>> kraft_sum([1, 2, 3])
    0.875
    >>> kraft_sum([1, 1, 2])     # too short: no prefix code has these lengths
    1.25
    """
    if hasattr(code_or_lengths, "items"):
        code = _as_code(code_or_lengths, "code_or_lengths", prefix_free=False)
        lengths = [len(word) for word in code.values()]
    else:
        lengths = _as_code_lengths(code_or_lengths, "code_or_lengths")
    # 2**-length underflows to 0 beyond 1074 bits; the exponent is capped below that
    # so that math.ldexp never sees an integer too large for C.
    return math.fsum(math.ldexp(1.0, -min(length, 1100)) for length in lengths)


def ideal_lengths(p):
    """The ideal codeword lengths ``-log2(p)``, in bits: the information of each symbol.

    Whole-bit codewords can match them only where ``p`` is a power of 1/2. Their
    average is the entropy: a lower bound on the average length of every uniquely
    decodable code, reached only when every ``p`` is a power of 1/2.

    Parameters
    ----------
    p : array_like
        Probabilities of the symbols, summing to 1.

    Returns
    -------
    ndarray
        ``information(p)``: ``inf`` where ``p == 0``. An entry that exceeds 1 by
        rounding (a distribution may, within :data:`infotheory.SUM_TOLERANCE`) gets
        a tiny negative length rather than an error.

    Examples
    --------
    >>> ideal_lengths([0.5, 0.25, 0.25])
    array([1., 2., 2.])
    >>> ideal_lengths([0.9, 0.1, 0.0]).round(3)
    array([0.152, 3.322,   inf])
    """
    return information(_as_distribution_1d(p, "p"))


def is_prefix_free(code):
    """Whether no codeword of ``code`` is the start of another (nor equal to it).

    Examples
    --------
    >>> is_prefix_free({'a': '0', 'b': '10', 'c': '11'})
    True
    >>> is_prefix_free({'a': '0', 'b': '01', 'c': '11'})    # '0' starts '01'
    False
    """
    return _prefix_clash(_as_code(code, prefix_free=False)) is None


def encode(message, code):
    """Encode a sequence of symbols as one bit string: the codewords one after another.

    Parameters
    ----------
    message : iterable
        The symbols to send, in order (a string is a sequence of one-letter symbols).
    code : dict
        A prefix code, symbol -> codeword.

    Returns
    -------
    str
        The concatenated codewords; ``''`` for an empty message.

    Raises
    ------
    ValueError
        If ``code`` is not a prefix code, or the message holds a symbol without a
        codeword.

    Examples
    --------
    >>> code = {'a': '0', 'b': '10', 'c': '11'}
    >>> encode("abac", code)
    '010011'
    >>> decode(encode("abac", code), code)
    ['a', 'b', 'a', 'c']
    """
    code = _as_code(code)
    message = _as_list(message, "message")
    try:
        return "".join([code[symbol] for symbol in message])
    except (KeyError, TypeError):
        for i, symbol in enumerate(message):
            _codeword(code, symbol, "message", i)
        raise  # pragma: no cover - _codeword raised for the missing symbol


def decode(bits, code):
    """Decode a bit string made by :func:`encode` back into the list of its symbols.

    Reading left to right, the first codeword that matches is the only one that can:
    in a prefix code no codeword starts another, so no separators are needed.

    Parameters
    ----------
    bits : str
        A string of ``'0'`` and ``'1'``.
    code : dict
        The prefix code the bits were encoded with.

    Returns
    -------
    list
        The symbols, in order; ``[]`` for ``''``.

    Raises
    ------
    ValueError
        If ``code`` is not a prefix code, ``bits`` contains other characters, no
        codeword matches at some position, or the bits end inside a codeword.

    Examples
    --------
    >>> decode("0110", {'a': '0', 'b': '10', 'c': '11'})
    ['a', 'c', 'a']
    """
    code = _as_code(code)
    bits = _as_bits(bits)
    lookup = {word: symbol for symbol, word in code.items()}
    sizes = sorted({len(word) for word in lookup})
    symbols, position, end = [], 0, len(bits)
    while position < end:
        for size in sizes:
            symbol = lookup.get(bits[position : position + size], lookup)
            if symbol is not lookup:
                symbols.append(symbol)
                position += size
                break
        else:
            rest = bits[position : position + sizes[-1]]
            if len(rest) < sizes[-1] and any(word.startswith(rest) for word in lookup):
                raise ValueError(
                    f"bits ends with {rest!r} at position {position}, which is only "
                    f"the start of a codeword; the bit string was cut short or encoded "
                    f"with another code."
                )
            raise ValueError(
                f"bits cannot be decoded at position {position}: no codeword of code "
                f"starts {rest!r}; the bit string was encoded with another code or "
                f"corrupted."
            )
    return symbols


def block_distribution(p, k, symbols=None):
    """The distribution of blocks of ``k`` independent symbols drawn from ``p``.

    Coding blocks instead of single symbols spreads the up-to-one bit lost to whole-bit
    codewords over ``k`` symbols: a Huffman code for the blocks spends fewer than
    ``H(p) + 1/k`` bits per symbol when at least two symbols are possible (a single
    possible symbol costs exactly ``1/k``).

    Parameters
    ----------
    p : array_like
        Probabilities of the single symbols, summing to 1.
    k : int
        Symbols per block, at least 1 (at most ``len(p) ** k`` = 65,536 blocks).
    symbols : sequence, optional
        Labels of the single symbols; ``range(len(p))`` by default.

    Returns
    -------
    p_blocks : ndarray
        The probability of each block, the product of its symbols' probabilities.
    blocks : list of tuple
        The blocks, as tuples of ``k`` symbols in lexicographic order (the order of
        ``itertools.product``), matching ``p_blocks``.

    References
    ----------
    Cover & Thomas (2006), section 5.4.

    Examples
    --------
    >>> p_blocks, blocks = block_distribution([0.75, 0.25], 2, symbols="ab")
    >>> p_blocks
    array([0.5625, 0.1875, 0.1875, 0.0625])
    >>> blocks
    [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]
    """
    p = _as_distribution_1d(p, "p")
    symbols = _as_symbols(symbols, len(p))
    k = _check_block_size(k, len(p), _MAX_BLOCKS)
    p_blocks = p
    for _ in range(k - 1):
        p_blocks = np.multiply.outer(p_blocks, p).ravel()
    return p_blocks, list(itertools.product(symbols, repeat=k))


# ------------------------------------------------------------------------------- checks


def _as_distribution_1d(values, name):
    """Return ``values`` as one flat distribution (a probability per symbol)."""
    array = as_distribution(values, name)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be one-dimensional, one probability per symbol, but has "
            f"shape {array.shape}; pass a flat sequence such as [0.5, 0.25, 0.25]."
        )
    return array


def _as_symbols(symbols, n, name="symbols", of="p"):
    """Return ``symbols`` as a list of ``n`` distinct hashable labels, or raise.

    ``None`` stands for ``range(n)``; a string for its characters. ``of`` names the
    argument that holds the ``n`` probabilities, for the message.
    """
    if symbols is None:
        return list(range(n))
    if isinstance(symbols, (str, bytes)):
        symbols = list(symbols)  # "abc" means the symbols "a", "b", "c"
    try:
        symbols = list(symbols)
    except TypeError:
        raise ValueError(
            f"{name} must be a sequence of labels, one per probability, "
            f"but got {symbols!r}."
        ) from None
    if len(symbols) != n:
        raise ValueError(
            f"{name} has {len(symbols)} labels but {of} has {n} probabilities; "
            f"give exactly one label per probability."
        )
    seen = set()
    for index, symbol in enumerate(symbols):
        try:
            duplicate = symbol in seen
        except TypeError:
            raise ValueError(
                f"{name} contains {symbol!r} at index {index}, which cannot be a "
                f"dictionary key; use strings, numbers or tuples as labels."
            ) from None
        if duplicate:
            raise ValueError(
                f"{name} contains {symbol!r} twice (again at index {index}); every "
                f"label must be distinct, so that each symbol gets its own codeword."
            )
        seen.add(symbol)
    return symbols


def _as_code(code, name="code", prefix_free=True):
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
        _check_codeword(word, f"the codeword of {symbol!r} in {name}")
    if prefix_free:
        clash = _prefix_clash(code)
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


def _check_codeword(word, name):
    """Raise unless ``word`` is a non-empty string of the characters 0 and 1."""
    if not isinstance(word, str):
        raise ValueError(
            f"{name} must be a string of the characters 0 and 1, such as '0110', "
            f"but got {word!r} of type {type(word).__name__}."
        )
    if word.strip("01"):
        bad = next(c for c in word if c not in "01")
        raise ValueError(
            f"{name} must contain only the characters 0 and 1, but {word!r} "
            f"contains {bad!r}."
        )
    if not word:
        raise ValueError(
            f"{name} is empty; every codeword needs at least one bit, or a bit string "
            f"could not tell how many symbols were sent (a one-symbol code uses '0')."
        )


def _prefix_clash(code):
    """The first two items ``(symbol, word)`` where one word starts the other, or None.

    In sorted order a word that starts others comes right before one of them.
    """
    entries = sorted(code.items(), key=lambda item: item[1])
    for (a, word_a), (b, word_b) in itertools.pairwise(entries):
        if word_b.startswith(word_a):
            return (a, word_a), (b, word_b)
    return None


def _as_bits(bits, name="bits"):
    """Return ``bits`` if it is a string of 0s and 1s (possibly empty), or raise."""
    if not isinstance(bits, str):
        raise ValueError(
            f"{name} must be a string of the characters 0 and 1, such as '0110', "
            f"but got {type(bits).__name__}; join a list of bits with ''.join(...)."
        )
    if bits.strip("01"):
        index = next(i for i, c in enumerate(bits) if c not in "01")
        raise ValueError(
            f"{name} must contain only the characters 0 and 1, but has "
            f"{bits[index]!r} at position {index}."
        )
    return bits


def _as_code_lengths(lengths, name):
    """Return ``lengths`` as a list of codeword lengths (Python ints, whole, >= 1)."""
    array = as_float_array(lengths, name, what="codeword length", example="[1, 2, 2]")
    check_finite(array, name)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be a flat sequence of codeword lengths, but has shape "
            f"{array.shape}."
        )
    if (array != np.round(array)).any() or (array < 1).any():
        value, where = bad_entry(array, (array != np.round(array)) | (array < 1))
        raise ValueError(
            f"{name} contains {value}{where}, but a codeword length is a whole number "
            f"of bits, at least 1."
        )
    return [int(length) for length in array.tolist()]  # exact, however large


def _check_block_size(k, n, limit):
    """Return ``k`` if it is a whole number >= 1 with ``n ** k <= limit``, or raise.

    ``k`` is also at most ``_MAX_BLOCK_LENGTH``, so that one block stays small when
    there is a single symbol. The number of blocks is worked out from logarithms first,
    so that a huge ``k`` is refused at once.
    """
    k = check_integer(k, "k", "symbols per block")
    if k > _MAX_BLOCK_LENGTH:
        raise ValueError(
            f"k must be at most {_MAX_BLOCK_LENGTH} symbols per block, but got {k}; "
            f"use a smaller k."
        )
    if k * math.log2(n) > math.log2(limit):
        count = (
            f"{n**k:,}"
            if k * math.log10(n) < 30
            else f"about 10**{int(k * math.log10(n))}"
        )
        raise ValueError(
            f"blocks of k={k} symbols over {n} symbols make {count} blocks, more "
            f"than the {limit:,} this function builds; use a smaller k."
        )
    return k


# ------------------------------------------------------------------------------ helpers


def _huffman_lengths(weights):
    """Huffman codeword lengths for positive ``weights``, ties broken by position."""
    n = len(weights)
    if n == 1:
        return [1]
    heap = [
        (weight, i) for i, weight in enumerate(weights)
    ]  # (weight, insertion counter)
    heapq.heapify(heap)
    parent = [0] * (2 * n - 1)
    for node in range(n, 2 * n - 1):
        weight_a, a = heapq.heappop(heap)
        weight_b, b = heapq.heappop(heap)
        parent[a] = parent[b] = node
        heapq.heappush(heap, (weight_a + weight_b, node))
    # Nodes are numbered in the order they were made, so every parent comes after its
    # children and the root is the last node: fill depths from the root down.
    depth = [0] * (2 * n - 1)
    for node in range(2 * n - 3, -1, -1):
        depth[node] = depth[parent[node]] + 1
    return depth[:n]


def _canonical_codewords(lengths):
    """Canonical prefix codewords with the given lengths (whose Kraft sum is <= 1)."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    words = [""] * len(lengths)
    value, previous = -1, lengths[order[0]]
    for i in order:
        value = (value + 1) << (lengths[i] - previous)
        previous = lengths[i]
        words[i] = format(value, f"0{lengths[i]}b")
    return words


def _as_list(values, name="symbols"):
    if isinstance(values, str):
        return list(values)
    try:
        return list(values)
    except TypeError:
        raise ValueError(
            f"{name} must be a sequence of symbols, but got {values!r}."
        ) from None


def _codeword(code, symbol, name, index, why=""):
    """The codeword of ``symbol``, or a ValueError saying where that symbol is."""
    try:
        return code[symbol]
    except (KeyError, TypeError):
        known = list(code)
        shown = ", ".join(map(repr, known[:8])) + (", ..." if len(known) > 8 else "")
        raise ValueError(
            f"{name} contains {symbol!r} at position {index}, which{why} has no "
            f"codeword in code; the code covers the symbols {shown}. Build the code "
            f"from a distribution that gives this symbol a positive probability, or "
            f"pass the matching symbols."
        ) from None
