"""The book's style, and the figure helpers lessons share."""

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


def test_subplots_use_the_book_size_unless_told_otherwise():
    fig, ax = plots.subplots()
    assert tuple(fig.get_size_inches()) == plots.STYLE["figure.figsize"]
    fig, axes = plots.subplots(ncols=2, width=5)
    assert len(axes) == 2 and fig.get_size_inches()[0] == 5


def test_plain_log_ticks_write_plain_numbers_without_minor_ticks():
    fig, ax = plots.subplots()
    ax.plot([0.01, 1000], [1, 2])
    ax.set_xscale("log")
    plots.plain_log_ticks(ax.xaxis, ticks=[0.01, 0.1, 1, 10, 1000])
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["0.01", "0.1", "1", "10", "1,000"]
    assert ax.xaxis.get_minor_locator().tick_values(0.01, 1000) == []


def test_distribution_bars_have_the_probabilities_as_heights():
    fig, ax = plots.subplots()
    bars = plots.distribution_bars(ax, [0.5, 0.25, 0.25], ["a", "b", "c"])
    assert [b.get_height() for b in bars] == [0.5, 0.25, 0.25]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]


def test_compare_bars_put_p_and_q_side_by_side():
    fig, ax = plots.subplots()
    p_bars, q_bars = plots.compare_bars(ax, [0.5, 0.5], [0.9, 0.1], ["a", "b"])
    assert [b.get_height() for b in q_bars] == [0.9, 0.1]
    assert p_bars[0].get_x() < q_bars[0].get_x()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["P", "Q"]


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


def test_density_fits_return_the_lines_to_move():
    fig, ax = plots.subplots()
    x = np.linspace(-1, 1, 5)
    p_line, (first, second) = plots.density_fits(
        ax, x, np.ones(5), [np.zeros(5), np.full(5, 2.0)], ["P", "f", "r"]
    )
    assert list(second.get_ydata()) == [2.0] * 5
    assert ax.get_ylim()[1] == pytest.approx(2.0 * 1.15)
