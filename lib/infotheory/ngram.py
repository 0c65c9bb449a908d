"""A character n-gram language model with interpolated Kneser-Ney smoothing.

An *n-gram model* predicts the next character from the ``n - 1`` characters before
it, with probabilities counted in a training text. Counts alone give probability 0
to everything the training text never showed, and a language model must never do
that: one unseen character would cost infinitely many bits. *Smoothing* moves some
probability from what was seen to what was not.

Why interpolated Kneser-Ney
---------------------------
* **It works best.** In Chen and Goodman's comparison of smoothing methods (1999),
  interpolated Kneser-Ney gave the lowest cross-entropy on held-out text across
  corpora and training sizes; Witten-Bell, the other classic, was consistently
  worse.
* **Its idea is the right one.** Each seen count is lowered by a *discount* ``D``,
  and the probability set free is shared out by the model one character shorter.
  That shorter model matters only when the long context says little, so it should
  predict how readily a character appears *after contexts not seen before*: it
  counts in how many different contexts a character sequence appeared (its
  *continuation count*), not how often.
* **One parameter with a meaning.** The discount is the number of occurrences taken
  from every seen event: more discount, more smoothing. It is estimated from the
  training counts, ``D = n1 / (n1 + 2 n2)`` with ``n1`` and ``n2`` the numbers of
  sequences seen exactly once and twice (Ney, Essen and Kneser 1994), or set by
  hand.

The formula
-----------
For the next character ``w`` after the context ``h`` (the ``k - 1`` characters
before it), with ``h'`` the context without its first character::

    p_k(w | h) = (max(c(h w) - D, 0) + D * N(h) * p_{k-1}(w | h')) / T(h)

where ``T(h) = sum(c(h v) for every v)`` and ``N(h)`` is the number of characters
``v`` with ``c(h v) > 0``. If the training text never shows ``h`` followed by a
character (``T(h) == 0``), then ``p_k(w | h) = p_{k-1}(w | h')``. Below the
shortest level is the uniform distribution ``p_0(w) = 1 / V`` over the alphabet of
``V`` characters. The counts ``c`` are the raw counts at the model's own order
``n`` and continuation counts ``c(h w) = |{v : v h w occurs}|`` at every level
below it. So every character of the alphabet gets a positive probability, and each
distribution sums to 1.

Conventions
-----------
* **Alphabet.** The characters of the training text, plus any given as
  ``alphabet``; sorted, as :attr:`CharNgramModel.symbols`. A character outside the
  alphabet raises ``ValueError``.
* **Unit.** Cross-entropy in bits per character by default (``base=np.e`` for nats).
* **Speed.** Counts live in sorted numpy arrays of integer keys (one per character
  sequence), so training and scoring are a few sorts and binary searches: a million
  characters train a 6-gram model in well under a second.

References
----------
R. Kneser and H. Ney, "Improved Backing-Off for M-gram Language Modeling", ICASSP
(1995). S. F. Chen and J. Goodman, "An Empirical Study of Smoothing Techniques for
Language Modeling", Computer Speech & Language 13 (1999). H. Ney, U. Essen and
R. Kneser, "On Structuring Probabilistic Dependences in Stochastic Language
Modelling", Computer Speech & Language 8 (1994). C. E. Shannon, "Prediction and
Entropy of Printed English", Bell System Technical Journal 30 (1951).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._units import log_function
from ._validation import check_base, check_integer, check_number, check_seed

__all__ = ["CharNgramModel"]

#: Keys of character sequences must stay below this (int64, with room for one more).
_KEY_LIMIT = 2**62
#: The highest order (an alphabet of 2 characters reaches the key limit at 62).
MAX_ORDER = 61
#: The most characters :meth:`CharNgramModel.generate` writes in one call.
MAX_LENGTH = 10**9
#: Probabilities of full distributions built at once (bounds the memory used).
_CHUNK = 2**21
#: Distributions remembered by ``model(past)``, by context.
_CACHE_SIZE = 100_000
#: Texts whose count look-ups a model and its variants remember.
_TEXTS_REMEMBERED = 3


@dataclass(frozen=True)
class _Level:
    """The counts of the character sequences of one length ``k`` in a training text.

    ``keys`` are the sorted distinct sequences, as integers in base ``V``; ``raw``
    their counts and ``cont`` their continuation counts (``None`` for the longest
    sequences counted). ``contexts`` are the distinct first ``k - 1`` characters of
    the keys, with the total and the number of distinct followers under each count.
    """

    keys: np.ndarray
    raw: np.ndarray
    cont: np.ndarray | None
    contexts: np.ndarray
    raw_total: np.ndarray
    raw_types: np.ndarray
    cont_total: np.ndarray | None
    cont_types: np.ndarray | None
    raw_discount: float
    cont_discount: float | None


class CharNgramModel:
    """A character n-gram model with interpolated Kneser-Ney smoothing.

    Trained on ``text``, it gives the distribution of the next character after any
    past (:meth:`__call__`), the probability of each character of a text
    (:meth:`probabilities`), its cross-entropy and perplexity on a text, the full
    distribution at every position (:meth:`distributions`), and sampled text
    (:meth:`generate`). The smoothing formula and why it was chosen are in the
    module documentation. The model itself can drive
    :func:`infotheory.arithmetic_encode` and :func:`infotheory.arithmetic_decode`:
    it has the ``symbols`` they need, answers ``model(past)``, and gives the encoder
    whole stretches of distributions at once through :meth:`distributions`.

    Parameters
    ----------
    text : str
        The training text, at least one character.
    n : int, default 3
        The order: the model looks at the ``n - 1`` characters before each one.
        ``V ** n`` must stay below ``2**62`` for an alphabet of ``V`` characters.
    discount : float, optional
        The Kneser-Ney discount ``D``, in ``(0, 1]``, used at every level. By
        default each level estimates its own, ``n1 / (n1 + 2 n2)`` (0.5 if no
        sequence was seen exactly once).
    alphabet : str, optional
        Characters to include besides those of ``text`` (each gets a small positive
        probability even if the text never shows it).

    Attributes
    ----------
    symbols : str
        The alphabet, sorted; distributions list their probabilities in this order.
    n : int
        The order.
    discounts : tuple of float
        The discount of each level, from the unigram level ``k = 1`` up to ``n``.

    Raises
    ------
    ValueError
        If ``text`` is empty or not a string, ``n`` is not a whole number of at
        least 1 or too large for the alphabet, or ``discount`` is not in ``(0, 1]``.

    References
    ----------
    Kneser & Ney (1995); Chen & Goodman (1999); Ney, Essen & Kneser
    (1994) for the estimated discount.

    Examples
    --------
    >>> model = CharNgramModel("abracadabra", n=2)
    >>> model.symbols
    'abcdr'
    >>> model("ab").round(3)             # after a "b", most likely an "r"
    array([0.086, 0.029, 0.029, 0.029, 0.829])
    >>> round(model.cross_entropy("abra", context="cad"), 3)   # bits per character
    0.499
    >>> model.generate(11, seed=1)
    'baccabracac'
    """

    def __init__(self, text, n=3, discount=None, alphabet=None):
        text = _as_text(text, "text")
        if not text:
            raise ValueError(
                "text is empty; train the model on at least one character."
            )
        self.n = check_integer(
            n, "n", "characters of context plus one", maximum=MAX_ORDER
        )
        extra = "" if alphabet is None else _as_text(alphabet, "alphabet")
        self.symbols = "".join(sorted(set(text) | set(extra)))
        size = len(self.symbols)
        if size**self.n >= _KEY_LIMIT:
            raise ValueError(
                f"n={self.n} with an alphabet of {size:,} characters makes keys up to "
                f"{size}**{self.n}, beyond 64-bit integers; use a smaller n."
            )
        self._points = np.array([ord(c) for c in self.symbols], dtype=np.int64)
        self._levels = _count(self._codes(text, "text"), size, self.n)
        self._fixed = None if discount is None else _check_discount(discount)
        self._cache = {}
        self._terms = {}  # shared with every variant

    # ----------------------------------------------------------------- variants

    def with_order(self, n):
        """The model of order ``n`` (at most this one's) on the same training text.

        It shares this model's counts, so making it costs nothing, and it is exactly
        the model ``CharNgramModel(text, n, ...)`` would train.

        Examples
        --------
        >>> CharNgramModel("abracadabra", n=3).with_order(1).n
        1
        """
        n = check_integer(n, "n", "characters of context plus one", maximum=MAX_ORDER)
        if n > len(self._levels):
            raise ValueError(
                f"n={n} is larger than the order {len(self._levels)} this model was "
                f"trained with; train a model with n={n}."
            )
        return self._variant(n, self._fixed)

    def with_discount(self, discount):
        """The same model with another discount (``None``: estimate it per level).

        Examples
        --------
        >>> CharNgramModel("abracadabra", n=2).with_discount(0.9).discounts
        (0.9, 0.9)
        """
        return self._variant(
            self.n, None if discount is None else _check_discount(discount)
        )

    def _variant(self, n, fixed):
        other = object.__new__(CharNgramModel)
        other.__dict__.update(self.__dict__)
        other.n, other._fixed, other._cache = n, fixed, {}
        return other

    @property
    def discounts(self) -> tuple[float, ...]:
        if self._fixed is not None:
            return (self._fixed,) * self.n
        return tuple(
            level.raw_discount if k == self.n else level.cont_discount
            for k, level in enumerate(self._levels[: self.n], start=1)
        )

    # ----------------------------------------------------------------- scoring

    def __call__(self, past=""):
        """The distribution of the next character after ``past``.

        Parameters
        ----------
        past : str or sequence of str
            The text so far; only its last ``n - 1`` characters matter. With fewer,
            the model of the order they allow answers.

        Returns
        -------
        ndarray
            One probability per character of :attr:`symbols`, all positive,
            summing to 1 (read-only: it is remembered for the next call).

        Examples
        --------
        >>> model = CharNgramModel("abracadabra", n=2)
        >>> float(model("abr").sum())
        1.0
        """
        try:
            context = "".join(past[-(self.n - 1) :]) if self.n > 1 else ""
        except TypeError:
            context = _as_text(past, "past")  # raises, naming what past is
        q = self._cache.get(context)
        if q is None:
            codes = self._codes(context, "past").tolist()
            model = self
            if len(codes) < self.n - 1:  # a short past: the order it allows
                model = self._variant(len(codes) + 1, self._fixed)
            q = model._single_row(codes)
            q.flags.writeable = False
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[context] = q
        return q

    def probabilities(self, text, context=""):
        """The model's probability of each character of ``text`` given the ones
        before it (and ``context`` before those).

        Parameters
        ----------
        text : str
            The characters to score.
        context : str, optional
            Text that comes before ``text`` (such as the end of the training text):
            it gives the first characters their context and is not scored.

        Returns
        -------
        ndarray
            ``q(x_t | past)`` for each character ``x_t`` of ``text``.

        Examples
        --------
        >>> CharNgramModel("abracadabra", n=2).probabilities("abr").round(3)
        array([0.455, 0.443, 0.829])
        """
        full, start = self._full(text, context)
        terms = self._terms_for(text, context)
        p = np.empty(len(full) - start)
        for lo, hi, model in self._segments(start, len(full)):
            p[lo - start : hi - start] = model._probabilities(full, lo, hi, terms)
        return p

    def cross_entropy(self, text, context="", base=2):
        """The model's cross-entropy on ``text``: ``-mean(log q(x_t | past))``.

        The average information per character; in bits (``base=2``) it is the size
        per character that arithmetic coding with this model reaches.

        Parameters
        ----------
        text : str
            The characters to score, at least one.
        context : str, optional
            Text before ``text``, as in :meth:`probabilities`.
        base : float, default 2
            Base of the logarithm: 2 gives bits per character, ``np.e`` nats.

        Returns
        -------
        float
            Bits (or nats) per character.

        References
        ----------
        Shannon (1951); Cover & Thomas (2006), section 2.3.

        Examples
        --------
        >>> model = CharNgramModel("abracadabra", n=2)
        >>> round(model.cross_entropy("abracadabra"), 4)
        0.898
        """
        log = log_function(check_base(base))
        if not _as_text(text, "text"):
            raise ValueError("text is empty; score at least one character.")
        return float(-np.mean(log(self.probabilities(text, context))))

    def perplexity(self, text, context=""):
        """The perplexity on ``text``: ``2 ** cross_entropy`` (in bits).

        The number of equally likely characters that would be as surprising on
        average; the same whatever the unit (``e ** nats == 2 ** bits``).

        Examples
        --------
        >>> model = CharNgramModel("abracadabra", n=2)
        >>> round(model.perplexity("abracadabra"), 4)
        1.8635
        """
        return float(2.0 ** self.cross_entropy(text, context))

    def cross_entropy_by_order(self, text, context="", base=2):
        """The cross-entropy on ``text`` of the models of every order ``1 .. n``.

        Entry ``k - 1`` equals ``self.with_order(k).cross_entropy(text, context,
        base)`` exactly, but the orders share their work: the order-``k`` model is
        the continuation levels ``1 .. k - 1``, which every longer model also
        uses, topped by the raw counts of level ``k``.

        Parameters
        ----------
        text, context, base
            As in :meth:`cross_entropy`.

        Returns
        -------
        ndarray
            ``n`` cross-entropies, for the orders 1 to ``n``.

        Examples
        --------
        >>> model = CharNgramModel("abracadabra", n=3)
        >>> model.cross_entropy_by_order("abracadabra").round(4)
        array([2.0404, 0.898 , 0.6815])
        """
        log = log_function(check_base(base))
        if not _as_text(text, "text"):
            raise ValueError("text is empty; score at least one character.")
        full, start = self._full(text, context)
        terms = self._terms_for(text, context)
        end = len(full)
        # from here on every order has a full context
        first = min(max(start, len(self._levels) - 1), end)
        lower = np.full(end - first, 1.0 / len(self.symbols))
        result = np.empty(self.n)
        for k in range(1, self.n + 1):
            model = self._variant(k, self._fixed)
            p = np.empty(end - start)
            for lo, hi, part in model._segments(start, first):
                p[lo - start : hi - start] = part._probabilities(full, lo, hi, terms)
            key = (first, end, k, True)
            if key not in terms:
                terms[key] = self._level_terms(full, first, end, k, True)
            p[first - start :] = _interpolate(*terms[key], model._discount(k), lower)
            result[k - 1] = -np.mean(log(p))
            if k < self.n:  # the continuation level k, for the longer orders
                key = (first, end, k, False)
                if key not in terms:
                    terms[key] = self._level_terms(full, first, end, k, False)
                lower = _interpolate(*terms[key], self._discount(k), lower)
        return result

    def counts(self, text, context=""):
        """How often the training text shows each character of ``text`` after its
        context: the count of the ``n`` characters ending there (fewer at the start
        of a text without ``context``).

        A count of 0 means the model never saw this character after this context
        and must rely on its shorter levels: the sparsity that limits long contexts.

        Examples
        --------
        >>> CharNgramModel("abracadabra", n=2).counts("abr")
        array([5, 2, 2])
        """
        full, start = self._full(text, context)
        terms = self._terms_for(text, context)
        result = np.empty(len(full) - start, dtype=np.int64)
        for lo, hi, model in self._segments(start, len(full)):
            key = (lo, hi, model.n, True)
            if key not in terms:
                terms[key] = model._level_terms(full, lo, hi, model.n, True)
            result[lo - start : hi - start] = terms[key][0]
        return result

    def distributions(self, text, context=""):
        """The full distribution of the next character at every position of ``text``.

        Row ``t`` is ``model(context + text[:t])``, computed for all positions at
        once: the input :func:`infotheory.arithmetic_encode` takes as one
        distribution per step.

        Parameters
        ----------
        text : str
            The characters whose positions to predict.
        context : str, optional
            Text before ``text``, as in :meth:`probabilities`.

        Returns
        -------
        ndarray
            Shape ``(len(text), len(symbols))``; every row a distribution.

        Examples
        --------
        >>> model = CharNgramModel("abracadabra", n=2)
        >>> rows = model.distributions("ab")
        >>> bool(np.array_equal(rows[1], model("a")))
        True
        """
        full, start = self._full(text, context)
        rows = np.empty((len(full) - start, len(self.symbols)))
        for lo, hi, model in self._segments(start, len(full)):
            model._rows(full[:hi], lo, out=rows[lo - start : hi - start])
        return rows

    def generate(self, length, seed=0, prompt=""):
        """Sample ``length`` characters, each from the model's distribution after the
        text so far.

        Each character is drawn level by level, which gives exactly the
        distribution of :meth:`__call__` without building it: at the longest level
        whose context was seen, a follower ``w`` is chosen with probability
        ``(c(h w) - D) / T(h)``; with the probability ``D * N(h) / T(h)`` that is
        left, the next shorter level chooses instead, and below the shortest level
        a uniform draw from the alphabet.

        Parameters
        ----------
        length : int
            How many characters to sample, from 0 to 10**9.
        seed : int, default 0
            Seed of the random generator (``np.random.default_rng(seed)``), 0 or
            more: the same seed gives the same text.
        prompt : str, optional
            Text to continue (not repeated in the result).

        Returns
        -------
        str
            The sampled characters.

        Examples
        --------
        >>> model = CharNgramModel("abracadabra", n=3)
        >>> model.generate(8, seed=0, prompt="ab")
        'racadaab'
        """
        length = check_integer(
            length, "length", "characters", minimum=0, maximum=MAX_LENGTH
        )
        codes = self._codes(_as_text(prompt, "prompt"), "prompt").tolist()
        rng = np.random.default_rng(check_seed(seed))
        size = len(self.symbols)
        sampled = []
        for _ in range(length):
            top = min(self.n, len(codes) + 1)
            model = self if top == self.n else self._variant(top, self._fixed)
            index = None
            for k in range(top, 0, -1):
                level = self._levels[k - 1]
                begin, end = _follower_slice(level, _key(codes, k - 1, size), size)
                counts = (level.raw if k == top else level.cont)[begin:end]
                total = counts.sum()
                if total == 0:  # context never seen: the shorter level decides
                    continue
                mass = np.cumsum(np.maximum(counts - model._discount(k), 0.0))
                u = rng.random() * total
                if u < mass[-1]:
                    chosen = begin + int(np.searchsorted(mass, u, side="right"))
                    index = int(level.keys[chosen] % size)
                    break
            if index is None:
                index = min(int(rng.random() * size), size - 1)
            codes.append(index)
            sampled.append(self.symbols[index])
        return "".join(sampled)

    def __repr__(self):
        return (
            f"CharNgramModel(n={self.n}, {len(self.symbols)} characters, "
            f"discounts {tuple(round(d, 3) for d in self.discounts)})"
        )

    # ----------------------------------------------------------------- internals

    def _codes(self, text, name) -> np.ndarray:
        """The alphabet index of each character of ``text``, or a ValueError."""
        if not text:
            return np.zeros(0, dtype=np.int64)
        points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.int64)
        codes = np.searchsorted(self._points, points)
        inside = codes < len(self._points)
        known = inside.copy()
        known[inside] = self._points[codes[inside]] == points[inside]
        if not known.all():
            position = int(np.flatnonzero(~known)[0])
            raise ValueError(
                f"{name} contains {text[position]!r} at position {position}, which is "
                f"not in the model's alphabet of {len(self.symbols)} characters; "
                f"train the model with alphabet= including it (then it gets a small "
                f"positive probability), or remove it from {name}."
            )
        return codes

    def _full(self, text, context):
        text = _as_text(text, "text")
        keep = len(self._levels) - 1  # the most context any order looks at
        context = _as_text(context, "context")
        context = context[len(context) - keep :] if keep else ""
        full = np.concatenate(
            [self._codes(context, "context"), self._codes(text, "text")]
        )
        return full, len(full) - len(text)

    def _segments(self, start, end):
        """Split positions ``start .. end - 1`` into (lo, hi, model) pieces in which
        every position has a full context for ``model``: the first ``n - 1``
        positions of a text have fewer characters before them, and the model of
        the order they allow scores them. The rest is cut where every order the
        counts allow has a full context, so that all the orders of one model
        look up the same stretch of text (and share what they looked up)."""
        for t0 in range(start, min(end, self.n - 1)):
            yield t0, t0 + 1, self._variant(t0 + 1, self._fixed)
        first = max(start, self.n - 1)
        cut = min(max(first, len(self._levels) - 1), end)
        if first < cut:
            yield first, cut, self
        if cut < end:
            yield cut, end, self

    def _discount(self, k):
        if self._fixed is not None:
            return self._fixed
        level = self._levels[k - 1]
        return level.raw_discount if k == self.n else level.cont_discount

    def _level_terms(self, full, lo, hi, k, raw):
        """For positions ``lo .. hi - 1`` of ``full`` (each with at least ``k - 1``
        characters before it): the count of the sequence of ``k`` characters ending
        there, and the total and number of followers of its context, under the raw
        or the continuation counts of level ``k``."""
        size = len(self.symbols)
        keys = np.zeros(hi - lo, dtype=np.int64)
        for j in range(k):  # the k characters ending at each position
            keys = keys * size + full[lo - k + 1 + j : hi - k + 1 + j]
        level = self._levels[k - 1]
        # Sorted queries find their keys in the sorted tables much faster (they
        # walk the tables in order), and sorting the sequences sorts their contexts.
        order = np.argsort(keys)
        keys = keys[order]
        counts = _lookup(level.keys, keys, level.raw if raw else level.cont)
        context_index, seen = _find(level.contexts, keys // size)
        totals = level.raw_total if raw else level.cont_total
        types = level.raw_types if raw else level.cont_types
        terms = np.empty((3, len(keys)), dtype=np.int64)
        terms[0, order] = counts
        terms[1, order] = _take(types, context_index, seen)
        terms[2, order] = _take(totals, context_index, seen)
        return terms[0], terms[1], terms[2]

    def _terms_for(self, text, context) -> dict:
        """The remembered level terms of ``text`` after ``context``: they depend on
        neither the order nor the discount, so every variant of the model shares
        them, and scoring one text at several orders and discounts looks each count
        up only once."""
        key = (text, context)
        terms = self._terms.get(key)
        if terms is None:
            if len(self._terms) >= _TEXTS_REMEMBERED:
                self._terms.pop(next(iter(self._terms)))
            terms = self._terms[key] = {}
        return terms

    def _probabilities(self, full, lo, hi, terms):
        """``q(x_t | past)`` at positions ``lo .. hi - 1`` (full contexts)."""
        p = np.full(hi - lo, 1.0 / len(self.symbols))
        for k in range(1, self.n + 1):
            key = (lo, hi, k, k == self.n)
            if key not in terms:
                terms[key] = self._level_terms(full, lo, hi, k, k == self.n)
            p = _interpolate(*terms[key], self._discount(k), p)
        return p

    def _rows(self, full, first, out=None):
        """The full next-character distributions at positions ``first ..
        len(full) - 1`` of ``full`` (each with a full context; the character at a
        position itself is not used), written to ``out`` if given."""
        size = len(self.symbols)
        context = np.zeros(len(full) - first, dtype=np.int64)
        for j in range(self.n - 1):  # the n - 1 characters before each position
            start = first - self.n + 1 + j
            context = context * size + full[start : start + len(context)]
        # A distribution depends on the context only: build one per distinct context.
        contexts, inverse = np.unique(context, return_inverse=True)
        rows = np.empty((len(contexts), size))
        chunk = max(1, _CHUNK // size)
        for begin in range(0, len(contexts), chunk):
            rows[begin : begin + chunk] = self._context_rows(
                contexts[begin : begin + chunk]
            )
        return np.take(rows, inverse, axis=0, out=out)

    def _context_rows(self, contexts):
        """The next-character distribution after each context of ``n - 1``
        characters (given as sorted, distinct keys).

        Level by level from the shortest: each distinct context of ``k - 1``
        characters gets its row once, built on the row of its own context one
        character shorter, so short contexts shared by many long ones cost once.
        """
        size = len(self.symbols)
        rows = np.full((1, size), 1.0 / size)  # below level 1: uniform
        shorter = np.zeros(1, dtype=np.int64)  # the contexts of the rows so far
        for k in range(1, self.n + 1):
            level = self._levels[k - 1]
            raw = k == self.n
            # this level's contexts: the last k - 1 characters of the long ones
            unique = np.unique(contexts % size ** (k - 1))
            parent = np.searchsorted(shorter, unique % size ** max(k - 2, 0))
            begin = np.searchsorted(level.keys, unique * size)
            end = np.searchsorted(level.keys, unique * size + size)
            lengths = end - begin
            owner = np.repeat(np.arange(len(unique)), lengths)
            where = np.arange(lengths.sum()) + np.repeat(
                begin - np.cumsum(lengths) + lengths, lengths
            )
            counts = np.zeros((len(unique), size))
            values = level.raw if raw else level.cont
            counts[owner, level.keys[where] % size] = values[where]
            context_index, seen = _find(level.contexts, unique)
            totals = level.raw_total if raw else level.cont_total
            types = level.raw_types if raw else level.cont_types
            total = _take(totals, context_index, seen)[:, None]
            kinds = _take(types, context_index, seen)[:, None]
            rows = _interpolate(counts, kinds, total, self._discount(k), rows[parent])
            shorter = unique
        return rows

    def _single_row(self, codes):
        """The next-character distribution after the context ``codes`` (a list of at
        least ``n - 1`` alphabet indices): :meth:`_context_rows` for one context,
        with the same arithmetic, without the overhead of whole arrays."""
        size = len(self.symbols)
        row = np.full(size, 1.0 / size)
        for k in range(1, self.n + 1):
            level = self._levels[k - 1]
            raw = k == self.n
            context = _key(codes, k - 1, size)
            begin, end = _follower_slice(level, context, size)
            counts = np.zeros(size)
            counts[level.keys[begin:end] % size] = (level.raw if raw else level.cont)[
                begin:end
            ]
            at = int(np.searchsorted(level.contexts, context))
            total = kinds = 0
            if at < len(level.contexts) and level.contexts[at] == context:
                total = (level.raw_total if raw else level.cont_total)[at]
                kinds = (level.raw_types if raw else level.cont_types)[at]
            row = _interpolate(counts, kinds, total, self._discount(k), row)
        return row


# ---------------------------------------------------------------------- counting


def _count(codes: np.ndarray, size: int, n: int) -> list[_Level]:
    """The counts of every sequence of 1 to ``n`` characters in the coded text."""
    uniques = _distinct_sequences(codes, size, n)
    levels = []
    for k in range(1, n + 1):
        keys, raw = uniques[k - 1]
        cont = None
        if k < n:  # in how many contexts does each sequence appear?
            suffixes, number = np.unique(uniques[k][0] % size**k, return_counts=True)
            cont = np.zeros_like(raw)
            cont[np.searchsorted(keys, suffixes)] = number
        context = keys // size
        starts = np.flatnonzero(np.r_[True, context[1:] != context[:-1]])
        starts = starts[: len(keys)]  # no sequences (a text shorter than k): none
        levels.append(
            _Level(
                keys=keys,
                raw=raw,
                cont=cont,
                contexts=context[starts],
                raw_total=np.add.reduceat(raw, starts),
                raw_types=np.diff(np.r_[starts, len(keys)]),
                cont_total=None if cont is None else np.add.reduceat(cont, starts),
                cont_types=None
                if cont is None
                else np.add.reduceat((cont > 0).astype(np.int64), starts),
                raw_discount=_estimate_discount(raw),
                cont_discount=None if cont is None else _estimate_discount(cont),
            )
        )
    return levels


def _distinct_sequences(codes: np.ndarray, size: int, n: int) -> list:
    """For k = 1 .. n: the distinct sequences of k characters, sorted, as integer
    keys in base ``size`` (first character most significant), and their counts.

    The start positions are sorted one level after the other, as in a suffix sort:
    sequences of ``k`` characters order by their first character and then by the
    sequence of ``k - 1`` characters after it, whose order is already known, so each
    level needs only a stable sort by one character (a radix sort in numpy).
    """
    small = codes.astype(
        np.uint8 if size <= 2**8 else np.uint16 if size <= 2**16 else np.int64
    )
    keys = codes.astype(np.int64)  # the key of the sequence starting at each position
    order = np.argsort(small, kind="stable")
    found = []
    for k in range(1, n + 1):
        if k > 1:
            keys = codes[: max(len(keys) - 1, 0)] * size ** (k - 1) + keys[1:]
            after = order[order > 0] - 1  # sorted by the k - 1 characters after them
            order = after[np.argsort(small[after], kind="stable")]
        ordered = keys[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        starts = starts[: len(ordered)]  # none for a text shorter than k
        found.append((ordered[starts], np.diff(np.r_[starts, len(ordered)])))
    return found


def _estimate_discount(counts: np.ndarray) -> float:
    """``n1 / (n1 + 2 n2)`` (Ney, Essen and Kneser 1994); 0.5 without singletons."""
    n1 = int(np.count_nonzero(counts == 1))
    n2 = int(np.count_nonzero(counts == 2))
    return n1 / (n1 + 2 * n2) if n1 else 0.5


def _key(codes: list, length: int, size: int) -> int:
    """The key of the last ``length`` characters of ``codes`` (0 for none)."""
    key = 0
    for code in codes[len(codes) - length :] if length else ():
        key = key * size + code
    return key


def _follower_slice(level: _Level, context: int, size: int) -> tuple[int, int]:
    """Where the sequences that start with ``context`` are in ``level.keys``."""
    begin, end = np.searchsorted(level.keys, (context * size, context * size + size))
    return int(begin), int(end)


def _find(sorted_keys: np.ndarray, keys: np.ndarray):
    """Where each of ``keys`` is in ``sorted_keys``, and whether it is there."""
    if not len(sorted_keys):
        return np.zeros(np.shape(keys), dtype=np.int64), np.zeros(np.shape(keys), bool)
    index = np.searchsorted(sorted_keys, keys)
    index[index == len(sorted_keys)] = 0
    return index, sorted_keys[index] == keys


def _take(values: np.ndarray, index: np.ndarray, seen: np.ndarray):
    """``values[index]`` where ``seen``, 0 elsewhere."""
    if not len(values):
        return np.zeros(np.shape(index), dtype=np.int64)
    return np.where(seen, values[index], 0)


def _lookup(sorted_keys: np.ndarray, keys: np.ndarray, values: np.ndarray):
    """``values`` at the positions of ``keys`` in ``sorted_keys``; 0 for absent keys."""
    return _take(values, *_find(sorted_keys, keys))


def _interpolate(counts, kinds, total, discount, lower):
    """One level of interpolated Kneser-Ney: discounted counts plus the freed
    probability spread as the level below says; the level below alone where the
    context was never seen (``total == 0``)."""
    seen = total > 0
    mixed = np.subtract(counts, discount, dtype=np.float64)
    np.maximum(mixed, 0.0, out=mixed)
    mixed += lower * (discount * kinds)
    mixed /= np.where(seen, total, 1)
    return np.where(seen, mixed, lower)


# ------------------------------------------------------------------------ checks


def _as_text(value, name) -> str:
    if not isinstance(value, str):
        if isinstance(value, (list, tuple)) and all(
            isinstance(c, str) and len(c) == 1 for c in value
        ):
            return "".join(value)
        raise ValueError(
            f"{name} must be a string of characters, but got {type(value).__name__}."
        )
    return value


def _check_discount(discount) -> float:
    return check_number(discount, "discount", "0.75", low=0.0, high=1.0, low_open=True)
