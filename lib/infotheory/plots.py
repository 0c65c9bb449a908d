"""The book's figure style, and the figure helpers that several lessons share.

A figure that one lesson draws lives in that lesson, as a hidden cell the reader can
open; what only the explorers draw lives in :mod:`infotheory.widgets`. What stays here
is the style every figure uses and the helpers that two or more lessons (or a lesson
and an explorer) call. Each helper takes the numbers to draw, computed by the lesson,
and draws them into an ``ax`` you pass.

Figures are drawn on an opaque white background so that they stay readable in the
book's dark mode, with the colour-blind-safe Okabe-Ito palette.
"""

from __future__ import annotations

import os

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from .measures import information

#: Okabe-Ito colours, readable by colour-blind readers. P (the truth) is always blue,
#: Q (the model) always orange.
COLORS = {
    "p": "#0072B2",
    "q": "#E69F00",
    "accent": "#D55E00",
    "good": "#009E73",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "grey": "#7F7F7F",
    "ink": "#222222",
}

#: The book's matplotlib settings.
STYLE = {
    "figure.figsize": (7.0, 3.2),
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.edgecolor": "#444444",
    "axes.labelcolor": COLORS["ink"],
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.prop_cycle": mpl.cycler(
        color=[COLORS[k] for k in ("p", "q", "accent", "good", "sky", "purple")]
    ),
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "font.size": 11,
    "lines.linewidth": 2.0,
    "figure.constrained_layout.use": True,
    # Deterministic SVG: same ids, no timestamp; re-running a lesson changes nothing.
    "svg.hashsalt": "infotheory",
    "svg.fonttype": "path",
}


def use_book_style() -> None:
    """Apply the book's matplotlib style, and in Jupyter store every figure twice.

    Figures are shown as crisp SVG (the website uses it), with a PNG copy for
    JupyterLab, which does not render SVG outputs of a notebook it has not run itself
    (an untrusted notebook). When the environment variable ``INFOTHEORY_FIGURE_WORDS``
    names the Chinese edition's word list, as in the book's own runs of the lessons,
    each figure also carries its drawing in Chinese
    (:func:`infotheory.figure_words.use_figure_words`). Called once at the top of
    every lesson; outside IPython only the style is applied.
    """
    mpl.rcParams.update(STYLE)
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # plain Python: nothing to configure
        return
    if get_ipython() is not None:
        set_matplotlib_formats("svg", "png", metadata={"Date": None})
    from .figure_words import WORD_LIST_VARIABLE, use_figure_words

    words = os.environ.get(WORD_LIST_VARIABLE)
    if words:  # after the formats: choosing them resets every formatter
        use_figure_words(words)


def subplots(
    ncols: int = 1,
    nrows: int = 1,
    width: float | None = None,
    height: float | None = None,
    **kwargs,
):
    """``plt.subplots`` with the book's figure size: returns ``(fig, axes)``."""
    default_width, default_height = STYLE["figure.figsize"]
    figsize = (width or default_width, height or default_height)
    return plt.subplots(nrows, ncols, figsize=figsize, **kwargs)


def plain_log_ticks(axis, ticks=None):
    """Label a log-scale ``axis`` (``ax.xaxis`` or ``ax.yaxis``) with plain numbers.

    Ticks read 0.01 or 1,000: easier to read than powers of ten, and much faster to
    draw than the mathtext labels matplotlib uses by default. Minor ticks are left
    out; ``ticks`` places the major ticks.
    """
    if ticks is not None:
        axis.set_ticks(ticks)
    axis.set_major_formatter(
        mpl.ticker.FuncFormatter(lambda x, _: f"{x:,.0f}" if x >= 1 else f"{x:g}")
    )
    axis.set_minor_locator(mpl.ticker.NullLocator())


def distribution_bars(
    ax, p, labels=None, color=None, label=None, offset=0.0, width=0.8, values=True
):
    """Draw the probabilities ``p`` as bars on ``ax``; returns the bar container.

    ``offset`` and ``width`` place several distributions side by side; ``values`` writes
    each probability above its bar.
    """
    p = np.asarray(p, dtype=float)
    x = np.arange(len(p)) + offset
    bars = ax.bar(x, p, width=width, color=color or COLORS["p"], label=label)
    if values:
        for xi, pi in zip(x, p):
            ax.annotate(
                f"{pi:.2f}",
                (xi, pi),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
                color=COLORS["ink"],
            )
    ax.set_xticks(
        np.arange(len(p)),
        labels if labels is not None else [str(i) for i in range(len(p))],
    )
    ax.set_ylim(0, max(1.0, float(p.max()) * 1.15) if values else None)
    ax.set_ylabel("probability")
    ax.grid(axis="x", visible=False)
    return bars


def compare_bars(ax, p, q, labels=None, p_label="P", q_label="Q", values=False):
    """Two distributions over the same outcomes, side by side: P blue, Q orange."""
    p_bars = distribution_bars(
        ax, p, labels, COLORS["p"], p_label, offset=-0.2, width=0.4, values=values
    )
    q_bars = distribution_bars(
        ax, q, labels, COLORS["q"], q_label, offset=0.2, width=0.4, values=values
    )
    top = max(float(np.max(p)), float(np.max(q)))
    ax.set_ylim(0, min(1.0, top * 1.25) if top > 0 else 1.0)
    ax.legend(loc="upper right")
    return p_bars, q_bars


def information_curve(ax, base=2, p_min=1e-3, marks=(), unit="bits"):
    """The curve ``-log_base(p)`` over ``(0, 1]``, with optional labelled points.

    ``marks`` is a sequence of ``(p, label)``; each is drawn on the curve.
    Returns the line artist of the curve.
    """
    p = np.linspace(p_min, 1.0, 600)
    (line,) = ax.plot(p, information(p, base=base), color=COLORS["p"])
    for p_mark, label in marks:
        y = information(p_mark, base=base)
        ax.plot([p_mark], [y], "o", color=COLORS["accent"], ms=6)
        ax.annotate(
            label, (p_mark, y), xytext=(8, 4), textcoords="offset points", fontsize=9
        )
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, float(information(p_min, base=base)) * 1.05)
    ax.set_xlabel("probability of the event $p$")
    ax.set_ylabel(f"information $-\\log p$ ({unit})")
    return line


def code_length_bars(ax, labels, lengths, ideal=None, codewords=None, ymax=None):
    """Codeword lengths per symbol as bars, for one or more codes side by side.

    ``lengths`` maps a code's name to its lengths (one per label). ``ideal`` (the
    lengths ``-log2 p``) is drawn as a black tick over each symbol, ``codewords`` as
    text above the bars of the first code. Returns a dict of the artists:
    ``bars`` (name -> BarContainer), ``ideal`` (a Line2D or None) and ``words``
    (a list of Text, empty without ``codewords``).
    """
    x = np.arange(len(labels))
    width = 0.8 / len(lengths)
    colors = [COLORS["p"], COLORS["grey"], COLORS["q"]]
    bars = {}
    for i, (name, values) in enumerate(lengths.items()):
        offset = (i - (len(lengths) - 1) / 2) * width
        bars[name] = ax.bar(
            x + offset,
            values,
            width=width * 0.95,
            color=colors[i % len(colors)],
            label=name,
        )
    first = next(iter(lengths.values()))
    first_offset = -(len(lengths) - 1) / 2 * width
    ideal_line = None
    if ideal is not None:
        (ideal_line,) = ax.plot(
            x,
            ideal,
            ls="none",
            marker="_",
            ms=26,
            mew=2.5,
            color=COLORS["ink"],
            label="ideal $-\\log_2 p$",
            zorder=3,
        )
    words = []
    if codewords is not None:
        for xi, y, word in zip(x, codeword_heights(first, ideal), codewords):
            words.append(
                ax.text(
                    xi + first_offset,
                    y,
                    word,
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    family="monospace",
                    rotation=90 if len(word) > 3 else 0,
                )
            )
    ax.set_xticks(x, labels)
    ax.set_ylabel("codeword length (bits)")
    top = ymax or max(float(np.max(v)) for v in lengths.values()) + 1.5
    ax.set_ylim(0, top)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left", ncols=len(lengths) + (ideal is not None))
    return {"bars": bars, "ideal": ideal_line, "words": words}


def codeword_heights(lengths, ideal=None, ymax=None):
    """Where to write each codeword: just above its bar and its ideal-length tick."""
    top = np.asarray(lengths, dtype=float)
    if ideal is not None:
        ideal = np.asarray(ideal, dtype=float)
        top = np.where(np.isfinite(ideal), np.fmax(top, ideal), top)
    if ymax is not None:
        top = np.minimum(top, 0.75 * ymax)
    return top + 0.2


def density_fits(ax, x, density, fits, labels, fill=True):
    """A density (P, blue) and fitted densities drawn over it.

    Returns ``(p_line, fit_lines)``, the lines an explorer moves.
    """
    styles = [(COLORS["q"], "-"), (COLORS["good"], "--"), (COLORS["purple"], ":")]
    (p_line,) = ax.plot(x, density, color=COLORS["p"], lw=2.2, label=labels[0])
    if fill:
        ax.fill_between(x, density, color=COLORS["p"], alpha=0.15, lw=0)
    fit_lines = [
        ax.plot(x, fit, color=color, ls=ls, lw=2.0, label=label)[0]
        for fit, label, (color, ls) in zip(fits, labels[1:], styles)
    ]
    ax.set_xlim(float(x[0]), float(x[-1]))
    ax.set_ylim(
        0, max(float(np.max(density)), *(float(np.max(f)) for f in fits)) * 1.15
    )
    ax.set_xlabel("$x$")
    ax.set_ylabel("density")
    ax.legend(loc="upper right")
    return p_line, fit_lines
