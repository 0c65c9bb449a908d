"""Benchmarks of the book: lessons, explorers, build and test, library, page weight.

Run with ``make bench`` (``python -m bench.run``): prints a markdown report and writes
it to ``bench/results.md``; ``python -m bench.run library accuracy`` runs chosen
sections and only prints. Benchmarks measure and print; they never fail. Every figure
is the median of several runs (``BENCH_REPEAT``, default 3), except where the table
says otherwise.

The library is timed single-threaded, in this process, on float64 data, against
scipy and against "the floor": one ``np.log`` pass over an array of the same size.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"  # single-threaded, before numpy is imported

import html.parser
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import timeit
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
RESULTS = ROOT / "bench" / "results.md"


def median_time(action, repeat=REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(header, rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


# -------------------------------------------------------------------------- 1. lessons


def bench_lessons():
    from tools.lessons import LESSONS, execute

    rows, total = [], 0.0
    for path in LESSONS:
        seconds = median_time(lambda: execute(path, editions=False))
        total += seconds
        rows.append([path.stem, f"{seconds:.2f}", mark(seconds < 5)])
    rows.append(["**whole book**", f"{total:.2f}", mark(total < 30)])
    return (
        "Lesson execution as a reader runs it, top to bottom in a fresh kernel (kernel "
        "start included; without the drawings of the figures for the Chinese edition, "
        "which only the book's own runs make); targets: each under 5 s, the book "
        "under 30 s.",
        table(["lesson", "seconds (median)", "on target"], rows),
    )


# ------------------------------------------------------------------------ 2. explorers


def typical_changes(control):
    """A sweep of values a reader would set: ten slider stops, or every option."""
    options = getattr(control, "options", None)
    if options:
        values = [
            option[1] if isinstance(option, tuple) else option for option in options
        ]
        return values[1:] + values[:1]
    low, high = control.min, control.max
    values = np.linspace(low, high, 12)[1:-1]
    return [type(control.value)(v) for v in values]


def all_explorers():
    from infotheory import widgets

    found, stack = [], [widgets.Explorer]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            found.append(sub)
            stack.append(sub)
    return sorted(found, key=lambda cls: cls.__name__)


def bench_explorers():
    import matplotlib

    matplotlib.use("Agg")
    from infotheory import plots

    plots.use_book_style()
    rows = []
    for cls in all_explorers():
        explorer = cls()
        seconds = []
        for _ in range(REPEAT):
            for name, control in explorer.controls.items():
                for value in typical_changes(control):
                    start = time.perf_counter()
                    explorer.update(**{name: value})
                    seconds.append(time.perf_counter() - start)
        times = np.array(seconds) * 1e3
        median, worst = float(np.median(times)), float(times.max())
        rows.append(
            [
                cls.__name__,
                len(times),
                f"{median:.1f}",
                f"{worst:.1f}",
                mark(median < 30 and worst < 100),
            ]
        )
    return (
        "Explorer latency: one update (control set, artists moved, picture encoded), "
        "timed around `explorer.update`, for a sweep of every control; targets: "
        "median under 30 ms, worst under 100 ms.",
        table(["explorer", "updates", "median ms", "worst ms", "on target"], rows),
    )


# ---------------------------------------------------------------------- 3. build, test


def run(command):
    subprocess.run(
        command,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def bench_build_and_test():
    def clean_build():
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
        run(["make", "book"])

    clean = median_time(clean_build)
    rebuild = median_time(lambda: run(["make", "book"]))
    test_runs = int(os.environ.get("BENCH_TEST_REPEAT", "1"))
    test = median_time(lambda: run(["make", "test"]), repeat=test_runs)
    rows = [
        ["`make book` from a clean `_build`", f"{clean:.1f}", "60", mark(clean < 60)],
        [
            "`make book` again, nothing changed",
            f"{rebuild:.1f}",
            "10",
            mark(rebuild < 10),
        ],
        [
            f"`make test` (median of {test_runs})",
            f"{test:.1f}",
            "300",
            mark(test < 300),
        ],
    ]
    return (
        "Build and test wall time.",
        table(["command", "seconds", "target", "on target"], rows),
    )


# -------------------------------------------------------------------------- 4. library


def best_time(function, n) -> float:
    number = max(1, int(2e6 // n))
    return min(timeit.repeat(function, number=number, repeat=7)) / number


def random_distribution(rng, n):
    weights = rng.random(n)
    return weights / weights.sum()


def bench_library():
    import scipy.special
    import scipy.stats

    from infotheory import cross_entropy, entropy, kl_divergence

    rng = np.random.default_rng(2026)
    rows = []
    for n in (10**3, 10**5, 10**7):
        p, q = random_distribution(rng, n), random_distribution(rng, n)
        floor = best_time(lambda: np.log(p), n)
        cases = [
            (
                "entropy",
                lambda: entropy(p),
                2.0,
                [
                    ("scipy.stats.entropy", lambda: scipy.stats.entropy(p, base=2)),
                    ("sum(special.entr)", lambda: scipy.special.entr(p).sum()),
                ],
            ),
            (
                "kl_divergence",
                lambda: kl_divergence(p, q),
                3.0,
                [
                    (
                        "scipy.stats.entropy(p, q)",
                        lambda: scipy.stats.entropy(p, q, base=2),
                    ),
                    (
                        "sum(special.rel_entr)",
                        lambda: scipy.special.rel_entr(p, q).sum(),
                    ),
                ],
            ),
            (
                "cross_entropy",
                lambda: cross_entropy(p, q),
                None,
                [("-sum(special.xlogy)", lambda: -scipy.special.xlogy(p, q).sum())],
            ),
        ]
        for name, ours, target, others in cases:
            ours_time = best_time(ours, n)
            other_times = {label: best_time(f, n) for label, f in others}
            fastest_other = min(other_times.values())
            if n >= 10**5 and target:
                on_target = mark(
                    ours_time / floor <= target and ours_time < fastest_other
                )
            elif n == 10**3:
                on_target = mark(
                    (ours_time - floor) * 1e6 < 10 and ours_time < fastest_other
                )
            else:
                on_target = mark(ours_time < fastest_other)
            rows.append(
                [
                    name,
                    f"{n:.0e}",
                    f"{ours_time * 1e6:,.1f}",
                    f"{ours_time / floor:.2f}",
                    "; ".join(
                        f"{label} {t * 1e6:,.1f} ({t / floor:.1f}x)"
                        for label, t in other_times.items()
                    ),
                    on_target,
                ]
            )
    text = (
        "Library against scipy and the floor (one `np.log` pass over the same array), "
        "float64, single-threaded, validation included. Targets: at n >= 1e5 entropy "
        "within 2x the floor and KL within 3x; at n = 1e3 under 10 us of overhead "
        "beyond the floor; always faster than scipy. Times in microseconds, best of 7."
    )
    kl_text, kl_table = bench_kl_cases()
    small_text, small_table = bench_kl_small()
    body = "\n\n".join(
        [
            table(
                ["function", "n", "us", "x floor", "scipy (x floor)", "on target"],
                rows,
            ),
            kl_text,
            kl_table,
            small_text,
            small_table,
        ]
    )
    return text, body


def kl_cases(rng, shape):
    """Pairs (p, q) of the kinds KL divergence meets, along the last axis of ``shape``.

    equal: q is a copy of p; nearly equal: q = p (1 + 1e-6 noise), renormalised; far:
    independent uniform draws; zeros: p is 0 on a tenth of the outcomes; close (shown
    for information, no target): q = p (1 + 1e-2 noise). Batches also get one nearly
    equal row among far ones.
    """

    def normalized(x):
        return x / x.sum(axis=-1, keepdims=True)

    p = normalized(rng.random(shape))
    far = normalized(rng.random(shape))
    zeros = p.copy()
    zeros[rng.random(shape) < 0.1] = 0.0
    cases = {
        "equal": (p, p.copy()),
        "nearly equal": (p, normalized(p * (1 + 1e-6 * rng.standard_normal(shape)))),
        "far": (p, far),
        "zeros": (normalized(zeros), far),
        "close (1e-2)": (p, normalized(p * (1 + 1e-2 * rng.standard_normal(shape)))),
    }
    if len(shape) == 2:
        mixed = far.copy()
        mixed[0] = cases["nearly equal"][1][0]
        cases["one nearly equal row"] = (p, mixed)
    return cases


def bench_kl_cases():
    import scipy.special

    from infotheory import kl_divergence

    rng = np.random.default_rng(2027)
    rows = []
    for label, shape in (
        ("1e5", (10**5,)),
        ("1e7", (10**7,)),
        ("1000x1000", (1000, 1000)),
    ):
        size = int(np.prod(shape))
        for case, (p, q) in kl_cases(rng, shape).items():
            positive = p if case != "zeros" else q  # the floor: a log of no zeros
            floor = best_time(lambda: np.log(positive), size)
            ours = best_time(lambda: kl_divergence(p, q), size)
            theirs = best_time(lambda: scipy.special.rel_entr(p, q).sum(axis=-1), size)
            informational = case.startswith("close")
            rows.append(
                [
                    label,
                    case,
                    f"{ours * 1e3:,.2f}",
                    f"{ours / floor:.2f}",
                    f"{theirs / floor:.2f}",
                    "(information)" if informational else mark(ours / floor <= 3),
                ]
            )
    text = (
        "KL divergence on every kind of input, against the floor (one `np.log` pass "
        "over an array of the same size) and `scipy.special.rel_entr(p, q).sum(-1)`. "
        "Target: within 3x the floor for equal, nearly equal, far and with-zeros "
        "inputs, at n = 1e5 and 1e7 and for 1000 x 1000 batches (one distribution per "
        "row). Times in milliseconds, best of 7."
    )
    return text, table(
        ["n", "case", "ms", "x floor", "rel_entr x floor", "on target"], rows
    )


def bench_kl_small():
    import scipy.special

    from infotheory import kl_divergence

    rng = np.random.default_rng(2028)
    rows = []
    for case, (p, q) in kl_cases(rng, (10,)).items():
        if case == "zeros" and not (p == 0).any():
            p = p.copy()
            p[0] = 0.0
            p /= p.sum()
        theirs = best_time(lambda: scipy.special.rel_entr(p, q).sum(), 10)
        ours = best_time(lambda: kl_divergence(p, q), 10)
        target = case == "far"
        rows.append(
            [
                case,
                f"{ours * 1e6:.2f}",
                f"{theirs * 1e6:.2f}",
                f"{ours / theirs:.2f}",
                mark(ours / theirs <= 2) if target else "(information)",
            ]
        )
    text = (
        "Per-call overhead at n = 10: `kl_divergence(p, q)` with every check against "
        "scipy's bare `rel_entr(p, q).sum()` (no checks). Target: within 2x for the "
        "typical, far-apart input (zeros in p cost one more numpy call, which keeps "
        "the bits of longer arrays; nearly equal inputs take the exact series, in "
        "Python). Times in microseconds, best of 7."
    )
    return text, table(["case", "us", "rel_entr us", "ratio", "on target"], rows)


def generalized_kl(p, q):
    """sum(p ln(p/q) - p + q) in nats at 50 digits: the reference for kl_divergence."""
    import mpmath

    mpmath.mp.dps = 50
    total = mpmath.mpf(0)
    for a, b in zip(np.ravel(p).tolist(), np.ravel(q).tolist()):
        a, b = mpmath.mpf(a), mpmath.mpf(b)
        total += b if a == 0 else a * mpmath.log(a / b) - a + b
    return float(total)


def bench_accuracy():
    import mpmath
    import scipy.special

    from infotheory import kl_divergence

    mpmath.mp.dps = 60
    rng = np.random.default_rng(7)
    rows = []
    for shift in (20, 12, 6, 2):
        n = 64
        counts = rng.multinomial(2**20 - n, np.ones(n) / n) + 1
        p = counts / 2**20
        moves = rng.integers(1, 2**shift + 1, size=n // 2) * rng.choice(
            [-1, 1], size=n // 2
        )
        delta = np.zeros(n)
        delta[0::2], delta[1::2] = moves, -moves
        q = p + delta / 2**40
        exact = float(
            sum(
                mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
                for a, b in zip(p, q)
            )
        )
        ours = abs(kl_divergence(p, q, base=np.e) - exact) / exact
        theirs = abs(float(scipy.special.rel_entr(p, q).sum()) - exact) / exact
        rows.append(
            [f"{exact:.3e}", f"{ours:.1e}", f"{theirs:.1e}", mark(ours <= theirs)]
        )
    general_text, general_table = bench_accuracy_general()
    body = "\n\n".join(
        [
            table(
                [
                    "exact KL (nats)",
                    "infotheory",
                    "sum(rel_entr)",
                    "at least as accurate",
                ],
                rows,
            ),
            general_text,
            general_table,
        ]
    )
    return (
        "KL of nearly equal distributions (exact sums, dyadic entries), relative error "
        "against a 60-digit mpmath reference.",
        body,
    )


def accuracy_cases(rng):
    """Named pairs (p, q): nearly equal at many scales, far, with zeros, off sums."""
    cases = {}
    for n in (10, 1000, 100_000):
        p = random_distribution(rng, n)
        for eps in (1e-9, 1e-6, 1e-3, 1e-2, 0.1):
            q = p * (1 + eps * rng.standard_normal(n))
            cases[f"n={n:,}, q = p (1 + {eps:g} noise)"] = (p, q / q.sum())
        cases[f"n={n:,}, far"] = (p, random_distribution(rng, n))
        zeros = p.copy()
        zeros[rng.random(n) < 0.2] = 0.0
        cases[f"n={n:,}, zeros in p"] = (
            zeros / zeros.sum(),
            random_distribution(rng, n),
        )
    cases["[0.3, 0.7] vs [0.3 + 1e-9, 0.7 - 1e-9]"] = (
        np.array([0.3, 0.7]),
        np.array([0.3 + 1e-9, 0.7 - 1e-9]),
    )
    p = random_distribution(rng, 50)
    cases["q = p (1 + 1e-7): q sums to 1 + 1e-7"] = (p, p * (1 + 1e-7))
    return cases


def bench_accuracy_general():
    import scipy.special

    from infotheory import kl_divergence

    rng = np.random.default_rng(8)
    rows = []
    for name, (p, q) in accuracy_cases(rng).items():
        exact = generalized_kl(p, q)

        def error(value):
            return abs(value - exact) / exact

        ours = error(kl_divergence(p, q, base=np.e))
        literal = error(float(scipy.special.rel_entr(p, q).sum()))
        generalized = error(float(scipy.special.kl_div(p, q).sum()))
        rows.append(
            [
                name,
                f"{exact:.3e}",
                f"{ours:.1e}",
                f"{literal:.1e}",
                f"{generalized:.1e}",
                mark(ours <= max(2e-15, 1e-15 / exact)),
            ]
        )
    text = (
        "KL divergence on every kind of input, relative error against a 50-digit "
        "mpmath reference of what `kl_divergence` computes: the generalized form "
        "`sum(p ln(p/q) - p + q)`, which is the divergence of the distributions the "
        "float arrays stand for (they rarely sum to exactly 1). scipy's "
        "`rel_entr(p, q).sum()` is the textbook sum, `kl_div(p, q).sum()` the "
        "generalized one, both summed naively. Target: within 2e-15 relative, or "
        "1e-15 nats (the one-logarithm evaluation of divergences of 1e-3 nats and "
        "more)."
    )
    return text, table(
        [
            "case",
            "exact (nats)",
            "infotheory",
            "sum(rel_entr)",
            "sum(kl_div)",
            "on target",
        ],
        rows,
    )


def bench_logits():
    import scipy.special

    from infotheory import learning

    rng = np.random.default_rng(2026)
    logits = rng.normal(0, 3, size=(4096, 1000))
    labels = rng.integers(0, 1000, size=4096)

    def handwritten():
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_q = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_q[np.arange(len(labels)), labels].mean()

    def with_scipy():
        return -scipy.special.log_softmax(logits, axis=1)[
            np.arange(len(labels)), labels
        ].mean()

    loss = learning.cross_entropy_loss
    ours = best_time(lambda: loss(logits, labels, base=np.e), logits.size)
    floor = best_time(lambda: np.exp(logits), logits.size)
    rows = [
        [
            "infotheory.learning",
            f"{ours * 1e3:.1f}",
            f"{ours / floor:.2f}",
            mark(ours / floor <= 3),
        ],
        [
            "hand-written log-sum-exp",
            f"{best_time(handwritten, logits.size) * 1e3:.1f}",
            f"{best_time(handwritten, logits.size) / floor:.2f}",
            "",
        ],
        [
            "scipy.special.log_softmax",
            f"{best_time(with_scipy, logits.size) * 1e3:.1f}",
            f"{best_time(with_scipy, logits.size) / floor:.2f}",
            "",
        ],
    ]
    return (
        "Batched cross-entropy from logits, 4096 x 1000, integer labels, in nats; the "
        "floor is one `np.exp` pass. Target: within 3x the floor.",
        table(["implementation", "ms", "x floor", "on target"], rows),
    )


# ----------------------------------------------------------------------------- 5. pages


class _Assets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.shared = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src"):
            self.images.append(attrs["src"])
        elif tag == "script" and attrs.get("src"):
            self.shared.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") == "stylesheet" and attrs.get("href"):
            self.shared.append(attrs["href"])


def bench_pages():
    from tools.lessons import PAGES

    site = ROOT / "_build" / "html"
    run(["make", "book"])  # up to date with every lesson (fast when nothing changed)
    rows, shared = [], set()
    for page in PAGES:
        path = site / f"{page}.html"
        parser = _Assets()
        parser.feed(path.read_text())
        local = lambda ref: (path.parent / ref.split("?")[0]).resolve()  # noqa: E731
        images = sum(
            local(src).stat().st_size
            for src in parser.images
            if not src.startswith("data:")
        )
        inline = sum(len(src) for src in parser.images if src.startswith("data:"))
        shared.update(
            local(ref) for ref in parser.shared if not re.match(r"https?:", ref)
        )
        html_bytes = path.stat().st_size
        rows.append(
            [
                page.split("/")[-1],
                f"{html_bytes / 1024:.0f}",
                len(parser.images),
                f"{(images + inline) / 1024:.0f}",
                f"{(html_bytes + images) / 1024:.0f}",
            ]
        )
    shared_bytes = sum(p.stat().st_size for p in shared if p.exists())
    mathjax = sum(
        p.stat().st_size
        for p in (site / "_static" / "mathjax").rglob("*")
        if p.is_file()
    )
    text = (
        "Page weight of the built site. Shared assets every page loads (CSS and "
        f"scripts): {shared_bytes / 1024:,.0f} KiB, cached after the first page; "
        "MathJax, served from the site and loaded piecewise on demand: "
        f"{mathjax / 1024 / 1024:.1f} MiB on disk."
    )
    return text, table(
        ["page", "HTML KiB", "images", "images KiB", "page + images KiB"], rows
    )


# ----------------------------------------------------------------------------- report


SECTIONS = [
    ("Lessons", bench_lessons),
    ("Explorers", bench_explorers),
    ("Library", bench_library),
    ("Accuracy", bench_accuracy),
    ("Logits", bench_logits),
    ("Pages", bench_pages),
    ("Build and test", bench_build_and_test),
]


def main(selected: list[str]) -> None:
    chosen = [
        (title, f)
        for title, f in SECTIONS
        if not selected or title.lower().split()[0] in selected
    ]
    parts = [
        f"Measured on {date.today().isoformat()}: {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}; median of {REPEAT} runs unless stated."
    ]
    for title, function in chosen:
        print(f"== {title} ...", file=sys.stderr, flush=True)
        text, body = function()
        parts.append(f"### {title}\n\n{text}\n\n{body}".rstrip())
        print(parts[-1] + "\n", flush=True)
    report = "\n\n".join(parts) + "\n"
    if not selected:
        RESULTS.write_text(
            "# Benchmark results\n\nWritten by `make bench`.\n\n" + report
        )


if __name__ == "__main__":
    main([name.lower() for name in sys.argv[1:]])
