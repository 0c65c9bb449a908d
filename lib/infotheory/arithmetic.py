"""Arithmetic coding: a whole message as one number, in almost exactly its information.

A prefix code (:mod:`infotheory.coding`) spends a whole number of bits on every
symbol, so it loses up to one bit per symbol against the ideal ``-log2 q``. Arithmetic
coding codes the whole message at once: it narrows the interval ``[0, 1)`` step by
step to the sub-interval the model gives the next symbol, whose width is the model's
probability of that symbol, and finally sends just enough bits to name a point inside
the last interval, whose width is the probability of the whole message. The length
is within about 2 bits of the model's total information ``-sum(log2 q(x_t | past))``,
however long the message.

The model
---------
Every function takes the model in one of three forms, with ``symbols`` naming the
outcomes (by default ``model.symbols`` if the model has that attribute, otherwise
``0, 1, ..., len(p) - 1``; a string means one symbol per character):

* a **static distribution**: a flat sequence ``p``, used at every step;
* **one distribution per step**: a 2-D array whose row ``t`` is the distribution of
  symbol ``t`` (at least as many rows as symbols to code);
* an **adaptive model**: a callable ``model(past)`` that returns the distribution of
  the next symbol given ``past``, the list of the symbols before it. The coder hands
  it the same growing list at every step: read it, never change it. Encoder and
  decoder must get the same answers from it for the same past. If the model also has
  a method ``distributions(symbols, past)`` that returns, for a stretch of the
  message after ``past``, the distribution of each of its steps at once (one row per
  symbol, exactly what ``model`` would give step by step), the encoder uses it,
  stretch by stretch, instead of one call per step. The decoder cannot: it learns the
  past one symbol at a time. :class:`infotheory.CharNgramModel` is such a model.

Conventions
-----------
* **Exact integers.** Each distribution is turned into whole-number frequencies by
  :func:`quantize_distribution` (every symbol of positive probability gets at least
  1), and the coder works with Python integers on 64-bit code values, the
  bit-plus-follow scheme of Witten, Neal and Cleary (1987). Nothing is rounded
  differently on another machine, so encoder and decoder agree bit for bit.
* **Length.** ``len(arithmetic_encode(...)) <= arithmetic_length_bound(...)``: the
  information plus 2 bits for the end of the message, plus what rounding to
  frequencies costs (below ``log2(1 + k / 2**32)`` bits per symbol with ``k``
  symbols) and what integer division costs (below ``3e-9`` bits per symbol with up to
  ``2**32`` symbols).
* **The message length** is not part of the bits: the decoder is told how many
  symbols to read (send it separately, in a few bytes).
* **Bad input** (a symbol the model does not know, a symbol the model gives
  probability 0, a model output that is not a distribution) raises ``ValueError``
  with a message that says how to fix it. Bits alone cannot reveal a wrong model:
  decoding with another model than the encoder's gives other symbols, silently.

References
----------
I. H. Witten, R. M. Neal and J. G. Cleary, "Arithmetic Coding for Data
Compression", Communications of the ACM 30 (1987). T. M. Cover and J. A. Thomas,
*Elements of Information Theory*, 2nd ed., Wiley (2006), sections 5.9 and 13.3.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from ._units import log_function
from ._validation import as_distribution, check_base, check_integer
from .coding import _as_bits, _as_list, _as_symbols
from .measures import information

__all__ = [
    "arithmetic_decode",
    "arithmetic_encode",
    "arithmetic_length_bound",
    "message_information",
    "quantize_distribution",
]

#: The most symbols :func:`arithmetic_decode` decodes in one call.
MAX_LENGTH = 10**9

#: Bits of the coder's integer code values.
_CODE_BITS = 64
_TOP = (1 << _CODE_BITS) - 1
_HALF = 1 << (_CODE_BITS - 1)
_QUARTER = 1 << (_CODE_BITS - 2)
_THREE_QUARTERS = _HALF + _QUARTER
#: Probabilities are scaled by this before rounding down to frequencies.
_SCALE = 1 << 32
#: Format specifications for n bits, n = 0 ... 64.
_FORMATS = [f"0{n}b" for n in range(_CODE_BITS + 1)]
#: Steps whose distributions are quantised at once (bounds the memory of 2-D models).
_CHUNK = 4096
#: Steps whose distributions an adaptive model's ``distributions`` method gives at once.
_BATCH = 65536


def quantize_distribution(p):
    """The whole-number frequencies an arithmetic coder uses for the distribution ``p``.

    Each probability is scaled by ``2**32``, rounded down, and given 1 more:
    ``f = floor(p * 2**32) + 1`` where ``p > 0``, and ``f = 0`` where ``p == 0``. So
    every symbol the model allows gets a frequency of at least 1 (a sub-interval to
    code it in), and every ``f`` exceeds ``p * 2**32``: a symbol's coded probability
    ``f / sum(f)`` is at least ``p * 2**32 / sum(f)``, which costs it at most
    ``log2(sum(f) / 2**32) < log2(1 + k / 2**32)`` bits more than ``-log2 p`` with
    ``k`` symbols. The rule involves no ties and no sums of floats, so it gives the
    same integers on every machine.

    Parameters
    ----------
    p : array_like
        A distribution over the last axis (non-negative, summing to 1).

    Returns
    -------
    ndarray of int64
        The frequencies, the shape of ``p``.

    Raises
    ------
    ValueError
        If ``p`` is not a distribution.

    References
    ----------
    Witten, Neal and Cleary (1987), on frequencies for arithmetic coding.

    Examples
    --------
    >>> quantize_distribution([0.5, 0.25, 0.25, 0.0])
    array([2147483649, 1073741825, 1073741825,          0])
    >>> quantize_distribution([1 - 1e-15, 1e-15])   # a tiny probability still counts
    array([4294967296,          1])
    """
    p = as_distribution(p, "p")
    return _quantize(p)


def _quantize(p: np.ndarray) -> np.ndarray:
    """:func:`quantize_distribution` without the checks."""
    # p * 2**32 is exact and non-negative, so truncating to an integer rounds down
    frequencies = (p * _SCALE).astype(np.int64)
    frequencies += p > 0
    return frequencies


def arithmetic_encode(message, model, symbols=None):
    """Encode ``message`` with arithmetic coding under ``model``; return the bits.

    At step ``t`` the coder takes the model's distribution ``q_t`` of the next
    symbol, turns it into frequencies (:func:`quantize_distribution`) and narrows
    its interval to the part that belongs to the symbol ``x_t``. After the last
    symbol it sends 2 more bits (and any it still owes), which name a point inside
    the final interval whatever bits follow.

    Parameters
    ----------
    message : sequence
        The symbols to send (a string is a sequence of characters).
    model : array_like or callable
        A static distribution, one distribution per step (a 2-D array), or a
        callable ``model(past)`` giving the next symbol's distribution after the list
        ``past`` (see the module documentation).
    symbols : sequence, optional
        The symbol of each probability; ``model.symbols`` if the model has it,
        otherwise ``0, 1, ..., len(p) - 1``.

    Returns
    -------
    str
        The code, a string of ``'0'`` and ``'1'``; ``''`` for an empty message.
        Its length in bits is at most :func:`arithmetic_length_bound`, within about
        2 bits of :func:`message_information`.

    Raises
    ------
    ValueError
        If the message holds a symbol outside ``symbols`` or one to which the model
        gives probability 0, or the model gives something that is not a
        distribution over ``symbols``.

    Notes
    -----
    The code values have 64 bits and the frequencies of one step sum to at most
    ``2**32 + k`` for ``k`` symbols, far below the ``2**62`` the scheme allows, so
    every symbol of positive frequency keeps a non-empty interval at every step.

    References
    ----------
    Witten, Neal and Cleary (1987); Cover & Thomas (2006), section 13.3.

    Examples
    --------
    >>> p = [0.5, 0.25, 0.25]
    >>> bits = arithmetic_encode("abacab", p, symbols="abc")
    >>> bits
    '0100110100'
    >>> message_information("abacab", p, symbols="abc")   # 9 bits of information
    9.0
    >>> "".join(arithmetic_decode(bits, p, length=6, symbols="abc"))
    'abacab'
    """
    coder = _Coder(model, symbols)
    indices = coder.indices(message)
    if not indices:
        return ""
    lows, highs, totals = coder.intervals(indices)
    return _encode_intervals(lows, highs, totals)


def arithmetic_decode(bits, model, length, symbols=None):
    """Decode ``length`` symbols from bits made by :func:`arithmetic_encode`.

    The decoder repeats the encoder's steps: it asks the model for the same
    distribution (it knows the same past, the symbols decoded so far), finds the
    symbol whose sub-interval holds the number the bits spell, and narrows the
    interval as the encoder did. Bits beyond the end of ``bits`` are read as 0.

    Parameters
    ----------
    bits : str
        A string of ``'0'`` and ``'1'``.
    model : array_like or callable
        The model the message was encoded with (see :func:`arithmetic_encode`).
    length : int
        How many symbols to decode, from 0 to 10**9. Decoding fewer symbols than were
        encoded gives the start of the message.
    symbols : sequence, optional
        As in :func:`arithmetic_encode`.

    Returns
    -------
    list
        The decoded symbols.

    Raises
    ------
    ValueError
        If ``bits`` is not a string of 0s and 1s, ``length`` is not a whole number
        of 0 or more, or the model gives something that is not a distribution.

    References
    ----------
    Witten, Neal and Cleary (1987).

    Examples
    --------
    >>> arithmetic_decode("0100110100", [0.5, 0.25, 0.25], length=6, symbols="abc")
    ['a', 'b', 'a', 'c', 'a', 'b']
    >>> arithmetic_decode("", [0.5, 0.5], length=0)
    []
    """
    bits = _as_bits(bits)
    length = check_integer(
        length, "length", "symbols to decode", minimum=0, maximum=MAX_LENGTH
    )
    coder = _Coder(model, symbols)
    if coder.steps is not None and coder.steps < length:
        raise ValueError(
            f"model has a distribution for {coder.steps} steps but length is "
            f"{length}; give one row per symbol to decode."
        )
    decoded = []
    padded = bits + "0" * _CODE_BITS  # bits beyond the end are read as 0
    value = int(padded[:_CODE_BITS], 2)
    position = _CODE_BITS
    low, high = 0, _TOP
    for t in range(length):
        cumulative = coder.cumulative(t, decoded)
        total = cumulative[-1]
        span = high - low + 1
        target = ((value - low + 1) * total - 1) // span
        index = bisect_right(cumulative, target) - 1
        high = low + span * cumulative[index + 1] // total - 1
        low = low + span * cumulative[index] // total
        while True:
            shared = low ^ high
            if shared < _HALF:  # n settled bits: shift them out, read n new ones
                n = _CODE_BITS - shared.bit_length()
                if position + n > len(padded):
                    padded += "0" * (position + n + _CODE_BITS - len(padded))
                low = (low << n) & _TOP
                high = ((high << n) & _TOP) | ((1 << n) - 1)
                value = ((value << n) & _TOP) | int(padded[position : position + n], 2)
                position += n
            elif low >= _QUARTER and high < _THREE_QUARTERS:
                if position + 1 > len(padded):
                    padded += "0" * _CODE_BITS
                low = (low - _QUARTER) << 1
                high = ((high - _QUARTER) << 1) | 1
                value = ((value - _QUARTER) << 1) | (padded[position] == "1")
                position += 1
            else:
                break
        decoded.append(coder.symbols[index])
    return decoded


def message_information(message, model, symbols=None, base=2):
    """The model's total information about ``message``: ``-sum(log q_t(x_t))``.

    The ideal code length of the whole message under the model, and the number
    arithmetic coding reaches to within a few bits. Divided by the number of symbols
    it is the model's cross-entropy on the message, per symbol.

    Parameters
    ----------
    message : sequence
        The symbols.
    model : array_like or callable
        As in :func:`arithmetic_encode`.
    symbols : sequence, optional
        As in :func:`arithmetic_encode`.
    base : float, default 2
        Base of the logarithm: 2 gives bits, ``np.e`` nats.

    Returns
    -------
    float
        The total information; ``0.0`` for an empty message, ``inf`` if the model
        gives some symbol of the message probability 0.

    Raises
    ------
    ValueError
        If the message holds a symbol outside ``symbols``, the model is not a
        distribution, or ``base`` is invalid.

    References
    ----------
    Shannon (1948); Cover & Thomas (2006), section 5.4.

    Examples
    --------
    >>> message_information("aab", [0.5, 0.5], symbols="ab")
    3.0
    >>> message_information("abc", [0.5, 0.25, 0.25], symbols="abc")
    5.0
    >>> message_information("ab", [1.0, 0.0], symbols="ab")   # ruled out: no code
    inf
    """
    log = log_function(check_base(base))
    coder = _Coder(model, symbols, allow_zero=True)
    indices = coder.indices(message)
    if not indices:
        return 0.0
    probabilities = coder.probabilities(indices)
    with np.errstate(divide="ignore"):
        return float(0.0 - np.sum(log(probabilities)))


def arithmetic_length_bound(message, model, symbols=None):
    """The most bits :func:`arithmetic_encode` can spend on ``message``.

    ``2 + sum(-log2 q_t(x_t) + log2(F_t / 2**32) - log2(1 - F_t / 2**62))`` for a
    message of one symbol or more, ``0`` for an empty one. Here ``F_t`` is the sum
    of the frequencies at step ``t``. The three terms: the ideal length
    (:func:`message_information`); rounding to frequencies, which can make a symbol's
    coded probability smaller than ``q`` by at most the factor ``2**32 / F_t``
    (:func:`quantize_distribution`); integer division, which shortens an interval of
    at least ``2**62`` units by less than one unit per step. The 2 bits end the
    message.

    Parameters
    ----------
    message, model, symbols
        As in :func:`arithmetic_encode`.

    Returns
    -------
    float
        The bound, in bits.

    Raises
    ------
    ValueError
        For the bad inputs of :func:`arithmetic_encode`.

    Notes
    -----
    Why: each step multiplies the width of the interval by at least
    ``(f / F) * (1 - F / 2**62)``. The coder sends a bit each time it doubles the
    interval, and it can only double while the interval is at most half the code
    range, so it sends at most ``-log2`` of the final width before the 2 closing
    bits. See Witten, Neal and Cleary (1987) and the lesson on language models.

    References
    ----------
    Witten, Neal and Cleary (1987); Cover & Thomas (2006), section 5.9.

    Examples
    --------
    >>> p = [0.5, 0.25, 0.25]
    >>> round(arithmetic_length_bound("abacab", p, symbols="abc"), 6)
    11.0
    >>> len(arithmetic_encode("abacab", p, symbols="abc"))
    10
    """
    coder = _Coder(model, symbols)
    indices = coder.indices(message)
    if not indices:
        return 0.0
    probabilities = coder.probabilities(indices)
    totals = np.asarray(coder.intervals(indices)[2], dtype=np.float64)
    slack = np.log2(totals / _SCALE) - np.log2(1.0 - totals / _QUARTER)
    return float(2.0 + np.sum(information(probabilities) + slack))


# ------------------------------------------------------------------------------- coder


def _encode_intervals(lows, highs, totals) -> str:
    """The bits for a message whose step ``t`` keeps ``[lows[t], highs[t]) / totals[t]``
    of the current interval (Witten, Neal and Cleary's bit-plus-follow scheme)."""
    low, high, pending = 0, _TOP, 0
    out = []
    append = out.append
    for lo, hi, total in zip(lows, highs, totals):
        span = high - low + 1
        high = low + span * hi // total - 1
        low = low + span * lo // total
        shared = low ^ high
        while True:
            if shared < _HALF:
                # low and high start with the same n bits: those bits are settled.
                # Send them (the first followed by the owed opposite bits) and
                # shift them out, doubling the interval n times.
                n = _CODE_BITS - shared.bit_length()
                settled = format(low >> (_CODE_BITS - n), _FORMATS[n])
                if pending:
                    follow = "0" if settled[0] == "1" else "1"
                    append(settled[0] + follow * pending + settled[1:])
                    pending = 0
                else:
                    append(settled)
                low = (low << n) & _TOP
                high = ((high << n) & _TOP) | ((1 << n) - 1)
            elif low >= _QUARTER and high < _THREE_QUARTERS:
                # straddling the middle: the next bit is not known yet, but it will
                # be followed by its opposite; owe that bit and zoom in on the middle
                pending += 1
                low = (low - _QUARTER) << 1
                high = ((high - _QUARTER) << 1) | 1
            else:
                break
            shared = low ^ high
    # The interval now holds [1/4, 1/2] or [1/2, 3/4] of the range: two bits (and the
    # owed ones) name a quarter inside it, whatever bits come after.
    pending += 1
    append("0" + "1" * pending if low < _QUARTER else "1" + "0" * pending)
    return "".join(out)


def _no_steps(model) -> bool:
    """Whether ``model`` is one distribution per step for no steps at all (shape
    ``(0, k)``): the model of an empty message, with nothing to check."""
    try:
        shape = np.shape(model) if not isinstance(model, (str, bytes)) else ()
    except ValueError:  # ragged: as_distribution explains it
        return False
    return len(shape) == 2 and shape[0] == 0 and shape[1] > 0


class _Coder:
    """The model of one encoding or decoding: its symbols and distributions.

    ``kind`` is ``"static"`` (one distribution), ``"steps"`` (one row per step) or
    ``"adaptive"`` (a callable).
    """

    def __init__(self, model, symbols, allow_zero=False):
        self.allow_zero = allow_zero
        self.steps = None
        if symbols is None:
            symbols = getattr(model, "symbols", None)
        if callable(model) and not isinstance(model, np.ndarray):
            self.kind = "adaptive"
            self.model = model
            self.batch = getattr(model, "distributions", None)
            if symbols is None:
                raise ValueError(
                    "symbols is needed with a callable model (or a model with a "
                    "symbols attribute): name the outcome of each probability it "
                    "returns, for example symbols='abc'."
                )
            self.symbols = _as_symbols(symbols, len(_as_list(symbols)))
        else:
            self.batch = None
            array = np.asarray(model, dtype=np.float64) if _no_steps(model) else None
            if array is None:
                array = as_distribution(model, "model")
            if array.ndim not in (1, 2):
                raise ValueError(
                    f"model must be one distribution (1-D) or one distribution per "
                    f"step (2-D), but has shape {array.shape}."
                )
            self.kind = "static" if array.ndim == 1 else "steps"
            if array.ndim == 2:
                self.steps = len(array)
            k = array.shape[-1]
            self.symbols = _as_symbols(symbols, k, of="model")
            self.model = array
            self.static = None
            if array.ndim == 1:
                frequencies = _quantize(array)
                self.static = [0, *np.cumsum(frequencies).tolist()]
        self.index = {symbol: i for i, symbol in enumerate(self.symbols)}

    # -------------------------------------------------------------------- messages

    def indices(self, message) -> list[int]:
        self.message = message if isinstance(message, str) else None
        message = _as_list(message, "message")
        if self.message is None:
            self.message = message
        try:
            indices = [self.index[symbol] for symbol in message]
        except (KeyError, TypeError):
            for position, symbol in enumerate(message):
                if not self._known(symbol):
                    shown = ", ".join(map(repr, self.symbols[:8]))
                    more = ", ..." if len(self.symbols) > 8 else ""
                    raise ValueError(
                        f"message contains {symbol!r} at position {position}, which "
                        f"is not one of the model's {len(self.symbols)} symbols "
                        f"({shown}{more}); pass symbols= that include it, or build the "
                        f"model over an alphabet that contains it."
                    ) from None
            raise  # pragma: no cover - one of the symbols was unknown
        if self.kind == "steps" and self.steps < len(indices):
            raise ValueError(
                f"model has a distribution for {self.steps} steps but message has "
                f"{len(indices)} symbols; give one row per symbol."
            )
        return indices

    def _known(self, symbol) -> bool:
        try:
            return symbol in self.index
        except TypeError:
            return False

    # ---------------------------------------------------------------- distributions

    def _adaptive(self, t: int, past: list) -> np.ndarray:
        """The callable model's distribution at step ``t``, checked."""
        try:
            q = as_distribution(self.model(past), "model(past)")
        except ValueError as error:
            raise ValueError(f"at position {t}, {error}") from None
        if q.shape != (len(self.symbols),):
            raise ValueError(
                f"at position {t}, model(past) returned an array of shape {q.shape}, "
                f"but there are {len(self.symbols)} symbols; return one probability "
                f"per symbol."
            )
        return q

    def _refuse_zero(self, t: int, index: int) -> None:
        raise ValueError(
            f"message contains {self.symbols[index]!r} at position {t}, to which the "
            f"model gives probability 0: no code can send it (its information is "
            f"infinite); give every symbol that can occur a positive probability, for "
            f"example by smoothing the model."
        )

    def probabilities(self, indices: list[int]) -> np.ndarray:
        """``q_t(x_t)`` for every step."""
        if self.kind == "static":
            q = self.model[indices]
        elif self.kind == "steps" or self.batch is not None:
            q = self._row_pass(indices)[0]
        else:
            q = np.empty(len(indices))
            past = []
            for t, index in enumerate(indices):
                q[t] = self._adaptive(t, past)[index]
                past.append(self.symbols[index])
        if not self.allow_zero and not q.all():
            t = int(np.flatnonzero(q == 0)[0])
            self._refuse_zero(t, indices[t])
        return q

    def intervals(self, indices: list[int]) -> tuple[list, list, list]:
        """For every step: the symbol's cumulative frequency below it, up to its end,
        and the total frequency."""
        if self.kind == "static":
            self.probabilities(indices)  # refuses a symbol of probability 0
            cumulative = self.static
            lows = [cumulative[i] for i in indices]
            highs = [cumulative[i + 1] for i in indices]
            return lows, highs, [cumulative[-1]] * len(indices)
        if self.kind == "steps" or self.batch is not None:
            self.probabilities(indices)
            return self._row_pass(indices)[1:]
        lows, highs, totals = [], [], []
        past = []
        for t, index in enumerate(indices):
            cumulative = self._cumulative_from(self._adaptive(t, past), t, index)
            lows.append(cumulative[index])
            highs.append(cumulative[index + 1])
            totals.append(cumulative[-1])
            past.append(self.symbols[index])
        return lows, highs, totals

    def _rows(self, start: int, end: int) -> np.ndarray:
        """The distributions of steps ``start .. end - 1``, checked."""
        if self.kind == "steps":
            return self.model[start:end]
        try:
            rows = as_distribution(
                self.batch(self.message[start:end], self.message[:start]),
                "model.distributions(...)",
            )
        except ValueError as error:
            raise ValueError(f"for positions {start} to {end - 1}, {error}") from None
        if rows.shape != (end - start, len(self.symbols)):
            raise ValueError(
                f"model.distributions(...) returned an array of shape {rows.shape} "
                f"for positions {start} to {end - 1}, but it must have one row per "
                f"position and one column per symbol: "
                f"{(end - start, len(self.symbols))}."
            )
        return rows

    def _row_pass(self, indices: list[int]):
        """One pass over the distributions of every step (a 2-D model, or the
        ``distributions`` method of an adaptive one), in chunks: the probability of
        each symbol, and the lows, highs and totals of :meth:`intervals`."""
        if getattr(self, "_passed", None) is not None:
            return self._passed
        chunk = _CHUNK if self.kind == "steps" else _BATCH
        chosen = np.asarray(indices, dtype=np.int64)
        q, lows, highs, totals = np.empty(len(indices)), [], [], []
        for start in range(0, len(indices), chunk):
            end = min(start + chunk, len(indices))
            rows = self._rows(start, end)
            here, steps = chosen[start:end], np.arange(end - start)
            q[start:end] = rows[steps, here]
            frequencies = _quantize(rows)
            cumulative = np.cumsum(frequencies, axis=1)
            ends = cumulative[steps, here]
            highs += ends.tolist()
            lows += (ends - frequencies[steps, here]).tolist()
            totals += cumulative[:, -1].tolist()
        self._passed = q, lows, highs, totals
        return self._passed

    def _cumulative_from(self, q, t, index=None) -> list[int]:
        if index is not None and q[index] == 0:
            self._refuse_zero(t, index)
        return [0, *np.cumsum(_quantize(q)).tolist()]

    def cumulative(self, t: int, past: list) -> list[int]:
        """The cumulative frequencies ``[0, f_0, f_0 + f_1, ...]`` at step ``t``."""
        if self.kind == "static":
            return self.static
        if self.kind == "steps":
            start = t - t % _CHUNK
            if getattr(self, "_chunk_start", None) != start:
                rows = _quantize(self.model[start : start + _CHUNK])
                self._chunk = np.cumsum(rows, axis=1)
                self._chunk_start = start
            return [0, *self._chunk[t - start].tolist()]
        return self._cumulative_from(self._adaptive(t, past), t)
