"""The figure helpers draw the numbers they are given, in the book's style."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from infotheory import information, plots


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


def test_code_length_bars_show_lengths_ideal_ticks_and_codewords():
    fig, ax = plots.subplots()
    artists = plots.code_length_bars(
        ax,
        ["a", "b", "c"],
        {"Huffman": [1, 2, 2], "fixed": [2, 2, 2]},
        ideal=[1.0, 2.0, np.inf],
        codewords=["0", "10", "11"],
    )
    assert [bar.get_height() for bar in artists["bars"]["Huffman"]] == [1, 2, 2]
    assert [bar.get_height() for bar in artists["bars"]["fixed"]] == [2, 2, 2]
    assert list(artists["ideal"].get_ydata()[:2]) == [1.0, 2.0]
    assert [t.get_text() for t in artists["words"]] == ["0", "10", "11"]


def test_codeword_heights_clear_bars_and_finite_ticks_only():
    heights = plots.codeword_heights([1, 2, 3], ideal=[1.5, 1.0, np.inf], ymax=4)
    np.testing.assert_allclose(heights, [1.7, 2.2, 3.2])
    assert plots.codeword_heights([9], ymax=8)[0] == pytest.approx(6.2)


def test_decision_regions_show_each_class_with_its_points():
    fig, ax = plots.subplots()
    gx, gy = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 4))
    predicted = (gx > 0).astype(int)
    x = np.array([[-0.5, 0.0], [0.5, 0.0], [0.6, 0.2]])
    plots.decision_regions(ax, gx, gy, predicted, x, [0, 1, 1], ["left", "right"])
    from matplotlib.collections import PathCollection

    points = [
        c.get_offsets().tolist()
        for c in ax.collections
        if isinstance(c, PathCollection)
    ]
    assert points == [[[-0.5, 0.0]], [[0.5, 0.0], [0.6, 0.2]]]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["left", "right"]
    assert ax.get_xlim() == (-1.0, 1.0)


def test_training_curves_draw_the_values_and_the_floor():
    fig, ax = plots.subplots()
    lines = plots.training_curves(
        ax,
        {"cross-entropy": [3.0, 2.0, 1.5], "KL": [2.0, 1.0, 0.5]},
        floor=(1.0, "H(P)"),
    )
    assert lines[0].get_ydata().tolist() == [3.0, 2.0, 1.5]
    assert lines[1].get_xdata().tolist() == [0, 1, 2]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "cross-entropy",
        "KL",
        "H(P)",
    ]


def test_margin_losses_draw_one_line_per_target_and_the_floors():
    fig, ax = plots.subplots()
    margins = np.linspace(0, 5, 6)
    plots.margin_losses(
        ax,
        margins,
        {"one-hot": margins[::-1] / 5, "smoothed": margins * 0 + 0.5},
        floors=[(0.4, "H(P)")],
    )
    assert len(ax.get_lines()) == 3
    assert ax.get_lines()[0].get_ydata().tolist() == (margins[::-1] / 5).tolist()


def test_density_fits_return_the_lines_to_move():
    fig, ax = plots.subplots()
    x = np.linspace(-1, 1, 5)
    p_line, (first, second) = plots.density_fits(
        ax, x, np.ones(5), [np.zeros(5), np.full(5, 2.0)], ["P", "f", "r"]
    )
    assert list(second.get_ydata()) == [2.0] * 5
    assert ax.get_ylim()[1] == pytest.approx(2.0 * 1.15)
