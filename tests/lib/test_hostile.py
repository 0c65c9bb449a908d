"""The hostile battery: every public function against every kind of bad input.

Each public name of ``infotheory.__all__`` has valid baseline arguments (``BASELINES``);
each argument has a kind, and every hostile variant of that kind replaces it in turn:
NaN and infinities anywhere, subnormals, overflowing sums, huge and tiny values, empty
and 0-d input, ragged lists, every dtype (bool, integers, float16/32, longdouble,
object, complex, text, dates), masked arrays, non-contiguous and Fortran-order arrays,
bad axes and bases, and torch tensors (that require grad) when torch is installed.

Every call must end in one of two ways: a result without NaN anywhere (``inf`` is a
correct answer where a model rules out what happens), or a ``ValueError`` whose
message names the argument (and, for counts, samples, grids and the like, does not
talk about probabilities). No other exception, no warning. Variants that do not change
the numbers (another float precision holding the same values, a list, a strided or
Fortran-order copy, a masked array with nothing masked, an object array, a torch
tensor) must give the baseline's result, to rounding (BLAS may sum in another order).
"""

import dataclasses
import inspect
import math
import re
import warnings
from fractions import Fraction

import numpy as np
import pytest

import infotheory
from infotheory import (
    CharNgramModel,
    SoftmaxClassifier,
    arithmetic_encode,
    train_softmax_classifier,
)

try:  # optional: torch tensors are one more kind of hostile input
    import torch
except ImportError:  # pragma: no cover - depends on the environment
    torch = None

# ------------------------------------------------------------------------- baselines

P = np.array([0.5, 0.25, 0.125, 0.125])
Q = np.array([0.25, 0.25, 0.25, 0.25])
P2 = np.array([[0.5, 0.5], [0.25, 0.75]])
Q2 = np.array([[0.75, 0.25], [0.5, 0.5]])
LOGITS = np.array([[2.0, 1.0, 0.5], [0.0, -1.0, 0.25]])
SOFT = np.array([[0.5, 0.25, 0.25], [0.0, 0.5, 0.5]])
CODE = {"a": "0", "b": "10", "c": "11"}
GRID = np.linspace(-2.0, 2.0, 9)
X = np.array([[-1.0], [-0.5], [0.5], [1.0]])
MODEL = train_softmax_classifier(X, [0, 0, 1, 1], steps=5)
PXY = np.array([[0.25, 0.25], [0.125, 0.375]])
ABC = np.array([0.5, 0.25, 0.25])
BITS = arithmetic_encode("abca", ABC, symbols="abc")
NGRAM = CharNgramModel("abracadabra", n=3)

#: For each public function: the callable and valid arguments, each with its kind
#: (which decides the hostile variants it meets). A new public name without an entry
#: here fails test_every_public_name_faces_the_battery.
BASELINES = {
    "information": (
        infotheory.information,
        {"p": ("probability", 0.25), "base": ("base", 2)},
    ),
    "entropy": (
        infotheory.entropy,
        {
            "p": ("distribution", P),
            "base": ("base", 2),
            "axis": ("axis", -1),
            "keepdims": ("flag", False),
        },
    ),
    "cross_entropy": (
        infotheory.cross_entropy,
        {
            "p": ("distribution", P),
            "q": ("distribution", Q),
            "base": ("base", 2),
            "axis": ("axis", 0),
            "keepdims": ("flag", True),
        },
    ),
    "kl_divergence": (
        infotheory.kl_divergence,
        {
            "p": ("distributions", P2),
            "q": ("distributions", Q2),
            "base": ("base", 2),
            "axis": ("axis", -1),
            "keepdims": ("flag", False),
        },
    ),
    "kl_divergence_from_log_probs": (
        infotheory.kl_divergence_from_log_probs,
        {"log_p": ("log_probs", np.log(P)), "log_q": ("log_probs", np.log(Q))},
    ),
    "cross_entropy_from_log_probs": (
        infotheory.cross_entropy_from_log_probs,
        {"log_p": ("log_probs", np.log(P)), "log_q": ("log_probs", np.log(Q))},
    ),
    "normalize": (
        infotheory.normalize,
        {"weights": ("weights", np.array([3.0, 1.0, 0.0])), "axis": ("axis", -1)},
    ),
    "average_length": (
        infotheory.average_length,
        {
            "p": ("distribution", np.array([0.5, 0.25, 0.25])),
            "code": ("code", CODE),
            "symbols": ("symbols", "abc"),
        },
    ),
    "block_distribution": (
        infotheory.block_distribution,
        {"p": ("distribution", np.array([0.75, 0.25])), "k": ("count", 2)},
    ),
    "code_lengths": (
        infotheory.code_lengths,
        {"code": ("code", CODE), "symbols": ("symbols", "cb")},
    ),
    "decode": (
        infotheory.decode,
        {"bits": ("bits", "0101100"), "code": ("code", CODE)},
    ),
    "encode": (
        infotheory.encode,
        {"message": ("message", "abcab"), "code": ("code", CODE)},
    ),
    "fixed_length_code": (
        infotheory.fixed_length_code,
        {"symbols": ("symbols", "abc")},
    ),
    "huffman_code": (
        infotheory.huffman_code,
        {"p": ("distribution", P), "symbols": ("symbols", "abcd")},
    ),
    "ideal_lengths": (infotheory.ideal_lengths, {"p": ("distribution", P)}),
    "is_prefix_free": (infotheory.is_prefix_free, {"code": ("code", CODE)}),
    "kraft_sum": (
        infotheory.kraft_sum,
        {"code_or_lengths": ("lengths", np.array([1.0, 2.0, 2.0]))},
    ),
    "shannon_code": (
        infotheory.shannon_code,
        {"p": ("distribution", P), "symbols": ("symbols", "abcd")},
    ),
    "additive_smoothing": (
        infotheory.additive_smoothing,
        {
            "counts": ("counts", np.array([3.0, 1.0, 0.0, 4.0])),
            "alpha": ("number", 0.5),
        },
    ),
    "bin_counts": (
        infotheory.bin_counts,
        {
            "samples": ("samples", np.array([0.5, 1.5, 2.5])),
            "edges": ("edges", np.array([0.0, 1.0, 2.0, 3.0])),
        },
    ),
    "histogram": (
        infotheory.histogram,
        {
            "samples": ("samples", np.array([0.5, 1.5, 2.5])),
            "edges": ("edges", np.array([0.0, 1.0, 2.0, 3.0])),
            "alpha": ("number", 0.5),
        },
    ),
    "kl_from_samples": (
        infotheory.kl_from_samples,
        {
            "samples_p": ("samples", np.array([0.5, 1.5, 2.5])),
            "samples_q": ("samples", np.array([0.5, 0.75, 2.5])),
            "edges": ("edges", np.array([0.0, 1.0, 2.0, 3.0])),
            "alpha": ("number", 0.5),
            "base": ("base", 2),
        },
    ),
    "gaussian": (
        infotheory.gaussian,
        {"grid": ("grid", GRID), "mean": ("number", 0.5), "std": ("number", 1.0)},
    ),
    "gaussian_mixture": (
        infotheory.gaussian_mixture,
        {
            "grid": ("grid", GRID),
            "means": ("samples", np.array([-1.0, 1.0])),
            "stds": ("samples", np.array([0.5, 1.0])),
            "weights": ("distribution", np.array([0.75, 0.25])),
        },
    ),
    "gaussian_divergences": (
        infotheory.gaussian_divergences,
        {
            "p": ("distribution", infotheory.gaussian(GRID, 0.0, 1.0)),
            "grid": ("grid", GRID),
            "means": ("samples", np.array([-0.5, 0.5])),
            "stds": ("samples", np.array([0.5, 1.0])),
            "direction": ("choice", "reverse"),
            "base": ("base", 2),
        },
    ),
    "fit_gaussian": (
        infotheory.fit_gaussian,
        {
            "p": ("distribution", infotheory.gaussian(GRID, 0.25, 1.0)),
            "grid": ("grid", GRID),
            "direction": ("choice", "forward"),
            "base": ("base", 2),
        },
    ),
    "mean_and_std": (
        infotheory.mean_and_std,
        {
            "p": ("distribution", np.array([0.5, 0.5])),
            "grid": ("grid", np.array([-1.0, 1.0])),
        },
    ),
    "mix_with_uniform": (
        infotheory.mix_with_uniform,
        {"p": ("distributions", P2), "weight": ("number", 0.25)},
    ),
    "mixture": (
        infotheory.mixture,
        {
            "weights": ("distribution", np.array([0.5, 0.5])),
            "components": ("distributions", P2),
        },
    ),
    "cross_entropy_loss": (
        infotheory.cross_entropy_loss,
        {
            "logits": ("logits", LOGITS),
            "target": ("labels", np.array([0, 2])),
            "base": ("base", 2),
            "reduction": ("choice", "sum"),
        },
    ),
    "cross_entropy_loss_gradient": (
        infotheory.cross_entropy_loss_gradient,
        {
            "logits": ("logits", LOGITS),
            "target": ("distributions", SOFT),
            "base": ("base", 2),
        },
    ),
    "log_softmax": (
        infotheory.log_softmax,
        {"logits": ("logits", LOGITS), "axis": ("axis", -1)},
    ),
    "logsumexp": (
        infotheory.logsumexp,
        {"logits": ("logits", LOGITS), "axis": ("axis", -1)},
    ),
    "softmax": (
        infotheory.softmax,
        {"logits": ("logits", LOGITS), "axis": ("axis", -1)},
    ),
    "one_hot": (
        infotheory.one_hot,
        {"labels": ("labels", np.array([0, 2])), "n_classes": ("count", 3)},
    ),
    "smooth_labels": (
        infotheory.smooth_labels,
        {
            "labels": ("labels", np.array([0, 2])),
            "n_classes": ("count", 3),
            "smoothing": ("number", 0.25),
        },
    ),
    "train_softmax_classifier": (
        infotheory.train_softmax_classifier,
        {
            "x": ("features", X),
            "target": ("labels", np.array([0, 0, 1, 1])),
            "n_classes": ("count", 2),
            "steps": ("count", 3),
            "learning_rate": ("number", 0.5),
            "base": ("base", 2),
            "callback": ("callback", None),
        },
    ),
    # the methods of the fitted model
    "SoftmaxClassifier.logits": (MODEL.logits, {"x": ("features", X)}),
    "SoftmaxClassifier.predict": (MODEL.predict, {"x": ("features", X)}),
    "SoftmaxClassifier.predict_proba": (MODEL.predict_proba, {"x": ("features", X)}),
    "SoftmaxClassifier.accuracy": (
        MODEL.accuracy,
        {"x": ("features", X), "labels": ("labels", np.array([0, 0, 1, 1]))},
    ),
    "joint_entropy": (
        infotheory.joint_entropy,
        {"pxy": ("joint", PXY), "base": ("base", 2)},
    ),
    "conditional_entropy": (
        infotheory.conditional_entropy,
        {"pxy": ("joint", PXY), "base": ("base", 2), "given": ("choice", "columns")},
    ),
    "mutual_information": (
        infotheory.mutual_information,
        {"pxy": ("joint", PXY), "base": ("base", 2)},
    ),
    "marginals": (infotheory.marginals, {"pxy": ("joint", PXY)}),
    "arithmetic_encode": (
        infotheory.arithmetic_encode,
        {
            "message": ("message", "abca"),
            "model": ("distribution", ABC),
            "symbols": ("symbols", "abc"),
        },
    ),
    "arithmetic_decode": (
        infotheory.arithmetic_decode,
        {
            "bits": ("bits", BITS),
            "model": ("distribution", ABC),
            "length": ("count", 4),
            "symbols": ("symbols", "abc"),
        },
    ),
    "arithmetic_length_bound": (
        infotheory.arithmetic_length_bound,
        {
            "message": ("message", "abca"),
            "model": ("distribution", ABC),
            "symbols": ("symbols", "abc"),
        },
    ),
    "message_information": (
        infotheory.message_information,
        {
            "message": ("message", "abca"),
            "model": ("distributions", np.array([ABC, ABC[::-1], ABC, ABC])),
            "symbols": ("symbols", "abc"),
            "base": ("base", 2),
        },
    ),
    "quantize_distribution": (
        infotheory.quantize_distribution,
        {"p": ("distribution", P)},
    ),
    "sigmoid": (infotheory.sigmoid, {"logits": ("logits", LOGITS)}),
    "binary_cross_entropy_loss": (
        infotheory.binary_cross_entropy_loss,
        {
            "logits": ("logits", np.array([2.0, -1.0, 0.5])),
            "target": ("targets", np.array([1.0, 0.0, 0.25])),
            "base": ("base", 2),
            "reduction": ("choice", "none"),
        },
    ),
    "reliability_table": (
        infotheory.reliability_table,
        {
            "probabilities": ("distributions", SOFT),
            "labels": ("labels", np.array([0, 2])),
            "n_bins": ("count", 4),
        },
    ),
    "expected_calibration_error": (
        infotheory.expected_calibration_error,
        {
            "probabilities": ("distributions", SOFT),
            "labels": ("labels", np.array([0, 2])),
            "n_bins": ("count", 4),
        },
    ),
    "fit_temperature": (
        infotheory.fit_temperature,
        {
            "logits": ("logits", LOGITS),
            "target": ("labels", np.array([1, 0])),
            "low": ("number", 0.01),
            "high": ("number", 100.0),
            "tol": ("number", 1e-7),
        },
    ),
    "split": (
        infotheory.split,
        {
            "n": ("count", 10),
            "fractions": ("distribution", np.array([0.5, 0.25, 0.25])),
            "seed": ("count", 3),
        },
    ),
    "CharNgramModel": (
        infotheory.CharNgramModel,
        {
            "text": ("message", "abracadabra"),
            "n": ("count", 3),
            "discount": ("number", 0.75),
            "alphabet": ("symbols", "abcdrz"),
        },
    ),
    "CharNgramModel.__call__": (NGRAM, {"past": ("message", "abr")}),
    "CharNgramModel.counts": (
        NGRAM.counts,
        {"text": ("message", "cab"), "context": ("message", "ra")},
    ),
    "CharNgramModel.probabilities": (
        NGRAM.probabilities,
        {"text": ("message", "cab"), "context": ("message", "ra")},
    ),
    "CharNgramModel.distributions": (
        NGRAM.distributions,
        {"text": ("message", "cab"), "context": ("message", "ra")},
    ),
    "CharNgramModel.cross_entropy": (
        NGRAM.cross_entropy,
        {
            "text": ("message", "cab"),
            "context": ("message", "ra"),
            "base": ("base", 2),
        },
    ),
    "CharNgramModel.cross_entropy_by_order": (
        NGRAM.cross_entropy_by_order,
        {
            "text": ("message", "cab"),
            "context": ("message", "ra"),
            "base": ("base", 2),
        },
    ),
    "CharNgramModel.perplexity": (
        NGRAM.perplexity,
        {"text": ("message", "cab"), "context": ("message", "ra")},
    ),
    "CharNgramModel.generate": (
        NGRAM.generate,
        {
            "length": ("count", 5),
            "seed": ("count", 1),
            "prompt": ("message", "ab"),
        },
    ),
    "CharNgramModel.with_discount": (
        NGRAM.with_discount,
        {"discount": ("number", 0.5)},
    ),
    "CharNgramModel.with_order": (NGRAM.with_order, {"n": ("count", 2)}),
}

#: Public names that are not functions of user input, and why they face no battery.
NOT_BATTERED = {
    "SUM_TOLERANCE": "a constant",
    "GaussianFit": "a record (named tuple) that fit_gaussian fills; it checks nothing",
    "SoftmaxClassifier": "a record of fitted parameters; its methods are battered",
    "ReliabilityTable": "a record that reliability_table fills; it checks nothing",
    "load_digits": "reads a file, not arrays: test_datasets gives it broken files",
}

# --------------------------------------------------------------------- the variants


def _torch(values, grad):
    tensor = torch.tensor(np.asarray(values, dtype=np.float64))
    return tensor.requires_grad_(True) if grad else tensor


def array_variants(value, numeric=True):
    """``(label, hostile value, same)``: ``same`` when the numbers do not change."""
    array = np.asarray(value)
    floats = array.astype(np.float64) if array.dtype.kind in "biuf" else None
    out = [
        ("empty list", [], False),
        ("empty 2-D", np.zeros((2, 0)), False),
        ("0-d", np.float64(0.5), False),
        ("scalar 0", 0, False),
        ("ragged", [[0.5], [0.25, 0.25]], False),
        ("text", "abc", False),
        ("bytes", b"01", False),
        ("None", None, False),
        ("None inside", [0.5, None], False),
        ("dict", {"a": 1}, False),
        ("complex", np.array([0.5 + 0.5j, 0.5]), False),
        ("datetime", np.array(["2024-01-01"], dtype="datetime64[D]"), False),
        ("timedelta", np.array([1, 2], dtype="timedelta64[s]"), False),
        ("strings array", np.array(["0.5", "0.5"]), False),
        ("nan", [math.nan, 0.5], False),
        ("inf", [math.inf, 0.5], False),
        ("-inf", [-math.inf, 0.5], False),
        ("huge", [1e308, 1e308], False),
        ("huge negative", [-1e308, 1e308], False),
        ("tiny", [5e-324, 1.0], False),
        ("subnormals", [1e-310, 3e-310], False),
        ("negative", [-0.5, 1.5], False),
        ("bools", np.array([True, False]), False),
        ("longdouble beyond float64", np.array([np.longdouble("1e4000"), 1]), False),
        ("masked", np.ma.array([0.5, 0.5], mask=[False, True]), False),
        ("nested object", np.array([np.array([0.5]), 0.5], dtype=object), False),
        (
            "Fraction object",
            np.array([Fraction(1, 2), Fraction(1, 2)], dtype=object),
            False,
        ),
    ]
    if floats is not None and numeric:
        wide = np.zeros((*floats.shape, 2))
        wide[..., 0] = floats
        first = np.arange(floats.size).reshape(floats.shape) == 0

        def exact(dtype):  # a precision that holds these numbers exactly
            return np.array_equal(floats.astype(dtype).astype(np.float64), floats)

        out += [
            ("list", floats.tolist(), True),
            ("float32", floats.astype(np.float32), exact(np.float32)),
            ("float16", floats.astype(np.float16), exact(np.float16)),
            ("longdouble", floats.astype(np.longdouble), True),
            ("object", floats.astype(object), True),
            ("strided", wide[..., 0], True),
            ("Fortran", np.asfortranarray(floats), True),
            ("masked, nothing masked", np.ma.array(floats, mask=False), True),
            ("big-endian", floats.astype(">f8"), True),
            ("extra axis", floats[None], False),
            ("nan inside", np.where(first, np.nan, floats), False),
            ("inf inside", np.where(first, np.inf, floats), False),
            ("scaled huge", floats * 1e300, False),
            ("scaled tiny", floats * 1e-300, False),
            ("subnormal", floats * 5e-320, False),
            ("negated", -floats, False),
            ("int", floats.astype(np.int64), False),
            ("uint8", np.abs(floats).astype(np.uint8), False),
            ("bool", floats.astype(bool), False),
        ]
        if torch is not None:
            out += [
                ("torch", _torch(floats, grad=False), True),
                ("torch requires grad", _torch(floats, grad=True), False),
            ]
    return out


SCALAR_VARIANTS = [
    ("nan", math.nan),
    ("inf", math.inf),
    ("-inf", -math.inf),
    ("zero", 0),
    ("negative", -1.5),
    ("huge", 1e308),
    ("huge int", 10**400),
    ("tiny", 5e-324),
    ("bool", True),
    ("text", "2"),
    ("None", None),
    ("list", [2.0, 2.0]),
    ("0-d array", np.array(2.0)),
    ("complex", 2 + 0j),
    ("float32", np.float32(0.5)),
    ("int64", np.int64(2)),
    ("Fraction", Fraction(1, 2)),
]

AXIS_VARIANTS = [
    ("2", 2),
    ("-3", -3),
    ("half", 0.5),
    ("True", True),
    ("text", "0"),
    ("None", None),
    ("int64", np.int64(0)),
    ("huge", 10**20),
    ("tuple", (0, 1)),
]

BASE_VARIANTS = [
    ("1", 1),
    ("0", 0),
    ("-2", -2),
    ("inf", math.inf),
    ("nan", math.nan),
    ("text", "2"),
    ("True", True),
    ("an array (scipy's qk)", [0.5, 0.5]),
    ("rounds to 1", 1 + 1e-17),
    ("just above 1", 1.0000001),
    ("float32", np.float32(2)),
    ("complex", 2 + 0j),
    ("huge int", 10**400),
    ("e", math.e),
]

OTHER_VARIANTS = {
    "code": [
        ("empty", {}),
        ("list", ["0", "10"]),
        ("not bits", {"a": "0", "b": "1x"}),
        ("not prefix-free", {"a": "0", "b": "01"}),
        ("empty word", {"a": "", "b": "1"}),
        ("int word", {"a": 0, "b": "1"}),
        ("None", None),
        ("unhashable symbols still fine", {("a",): "0", ("b",): "1"}),
    ],
    "symbols": [
        ("too few", "ab"),
        ("repeated", "aab"),
        ("unhashable", [[1], [2], [3]]),
        ("number", 3),
        ("None", None),
        ("nan", math.nan),
    ],
    "bits": [
        ("text", "012"),
        ("list", [0, 1]),
        ("bytes", b"01"),
        ("cut", "01011"),
        ("empty", ""),
    ],
    "message": [
        ("unknown symbol", "abz"),
        ("number", 5),
        ("None", None),
        ("empty", ""),
    ],
    "choice": [("unknown", "sideways"), ("None", None), ("number", 1)],
    "flag": [("text", "yes"), ("True", True), ("None", None)],
    "callback": [("number", 5), ("text", "print"), ("a function", lambda *args: None)],
}


def variants_for(kind, value):
    if kind in ("base",):
        return [(label, v, False) for label, v in BASE_VARIANTS]
    if kind == "axis":
        return [(label, v, False) for label, v in AXIS_VARIANTS]
    if kind in ("number", "count", "probability"):
        out = [(label, v, False) for label, v in SCALAR_VARIANTS]
        if torch is not None:
            out.append(("torch scalar requiring grad", _torch(value, grad=True), False))
        return out
    if kind in OTHER_VARIANTS:
        return [(label, v, False) for label, v in OTHER_VARIANTS[kind]]
    return array_variants(value)


CASES = [
    (name, argument)
    for name, (_, arguments) in BASELINES.items()
    for argument in arguments
]

# ----------------------------------------------------------------------- the checks


def has_nan(result):
    if dataclasses.is_dataclass(result) and not isinstance(result, SoftmaxClassifier):
        return has_nan(dataclasses.astuple(result))
    if isinstance(result, SoftmaxClassifier):
        return any(has_nan(v) for v in (result.weights, result.bias, result.history))
    if isinstance(result, dict):
        return any(has_nan(v) for v in result.values())
    if isinstance(result, (tuple, list)):
        return any(has_nan(v) for v in result)
    if isinstance(result, np.ndarray):
        return result.dtype.kind in "fc" and bool(np.isnan(result).any())
    if isinstance(result, (float, np.floating)):
        return math.isnan(result)
    return False


def same(a, b):
    if dataclasses.is_dataclass(a) and not isinstance(a, SoftmaxClassifier):
        return type(a) is type(b) and same(
            dataclasses.astuple(a), dataclasses.astuple(b)
        )
    if isinstance(a, SoftmaxClassifier):
        return all(
            same(getattr(a, f), getattr(b, f)) for f in ("weights", "bias", "history")
        )
    if isinstance(a, dict):
        return (
            isinstance(b, dict)
            and a.keys() == b.keys()
            and all(same(a[k], b[k]) for k in a)
        )
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype.kind == "f" and b.dtype.kind == "f":  # to rounding: BLAS may sum in
        return a.shape == b.shape and np.allclose(a, b, rtol=1e-14, atol=1e-15)
    return np.array_equal(a, b)


#: Words that would point the wrong way for an argument of this kind.
MISLEADING = {
    kind: ("pass at least one probability", "probabilities cannot be negative")
    for kind in ("counts", "samples", "grid", "edges", "lengths", "features", "weights")
}
MISLEADING["logits"] = (*MISLEADING["samples"], "real probabilities")
#: ... or for an argument of this function (``accuracy`` has no logits argument).
MISLEADING_HERE = {"SoftmaxClassifier.accuracy": ("logits",)}


def outcome(function, arguments):
    """``("ok", result)`` or ``("error", message)``; other endings fail the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return "ok", function(**arguments)
        except ValueError as error:
            return "error", str(error)


@pytest.mark.parametrize("name, argument", CASES, ids=[f"{n}-{a}" for n, a in CASES])
def test_hostile_input_ends_in_a_result_without_nan_or_a_named_value_error(
    name, argument
):
    function, spec = BASELINES[name]
    baseline = {key: value for key, (_, value) in spec.items()}
    kind, value = spec[argument]
    status, expected = outcome(function, baseline)
    assert status == "ok", f"the baseline of {name} fails: {expected}"
    failures = []
    for label, hostile, same_numbers in variants_for(kind, value):
        try:
            status, result = outcome(function, {**baseline, argument: hostile})
        except Exception as error:  # any other exception or a warning: a failure
            failures.append(f"{label}: {type(error).__name__}: {error}")
            continue
        if status == "error":
            if not re.search(
                rf"(?<![\w.]){re.escape(argument.split('.')[-1])}(?!\w)", result
            ):
                failures.append(
                    f"{label}: the message does not name {argument}: {result}"
                )
            for phrase in (*MISLEADING.get(kind, ()), *MISLEADING_HERE.get(name, ())):
                if phrase in result:
                    failures.append(f"{label}: misleading message: {result}")
            if "inf]" in result or "inf)" in result:  # a range that accepts inf
                failures.append(f"{label}: a range that seems to accept inf: {result}")
        elif has_nan(result):
            failures.append(f"{label}: NaN in the result {result!r}")
        elif same_numbers and not same(result, expected):
            failures.append(
                f"{label}: {result!r} differs from the baseline {expected!r}"
            )
    assert not failures, f"{name}({argument}=...):\n" + "\n".join(failures)


def test_every_public_name_faces_the_battery():
    for name in infotheory.__all__:
        value = getattr(infotheory, name)
        if name in NOT_BATTERED:
            continue
        assert name in BASELINES, f"{name} is public but has no baseline in the battery"
        assert BASELINES[name][0] is value
    for cls in (SoftmaxClassifier, CharNgramModel):
        for method, _ in inspect.getmembers(cls, inspect.isfunction):
            if not method.startswith("_") or method == "__call__":
                assert f"{cls.__name__}.{method}" in BASELINES


def test_the_battery_is_sizeable():
    total = sum(
        len(variants_for(kind, value))
        for _, spec in BASELINES.values()
        for kind, value in spec.values()
    )
    assert total >= 1000
