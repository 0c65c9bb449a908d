"""The figure helpers draw the numbers they are given, in the book's style."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from infotheory import information, plots  # noqa: E402


@pytest.fixture(autouse=True)
def book_style():
    with matplotlib.rc_context():
        plots.use_book_style()
        yield
    matplotlib.pyplot.close("all")


def test_style_gives_opaque_white_figures_with_deterministic_svg():
    assert matplotlib.rcParams["figure.facecolor"] == "white"
    assert matplotlib.rcParams["svg.hashsalt"] == "infotheory"


def test_distribution_bars_have_the_probabilities_as_heights():
    fig, ax = plots.subplots()
    bars = plots.distribution_bars(ax, [0.5, 0.25, 0.25], ["a", "b", "c"])
    assert [b.get_height() for b in bars] == [0.5, 0.25, 0.25]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]


def test_information_curve_plots_minus_log_p():
    fig, ax = plots.subplots()
    line = plots.information_curve(ax, base=2)
    x, y = line.get_data()
    np.testing.assert_array_equal(y, information(x))


def test_halving_steps_counts_questions():
    fig, ax = plots.subplots()
    assert plots.halving_steps(ax, 52) == [52, 26, 13, 7, 4, 2, 1]


def test_frequency_convergence_draws_one_line_and_one_guide_per_outcome():
    fig, ax = plots.subplots()
    sizes = np.array([1, 10, 100])
    plots.frequency_convergence(ax, sizes, np.full((3, 2), 0.5), [0.5, 0.5], ["x", "y"])
    assert len(ax.get_lines()) == 4
