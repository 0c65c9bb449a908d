"""The explorers: controls move the picture, fast paths stay correct, pictures exist."""

import base64
import contextlib
import json
import re
from typing import ClassVar

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from infotheory import entropy, huffman_code, information, widgets


def test_information_explorer_follows_its_slider():
    explorer = widgets.InformationExplorer(p=0.25)
    before = explorer.image.value
    explorer.update(p=0.5)
    assert explorer.image.value != before
    assert explorer.marker.get_data()[1][0] == information(0.5)
    assert explorer.title.get_text().startswith("p = 0.500: 1.000 bits")


def test_information_explorer_changes_unit_with_a_full_redraw():
    explorer = widgets.InformationExplorer(p=0.5)
    explorer.update(unit="nats")
    assert "nats" in explorer.ax.get_ylabel()
    assert explorer.curve.get_ydata()[-1] == 0.0
    assert explorer.marker.get_data()[1][0] == pytest.approx(0.6931471805599453)
    assert explorer.ax.get_ylim()[1] == pytest.approx(
        information(0.001, base=2.718281828459045) * 1.05
    )
    assert explorer.draw(p=0.5, unit="hartleys") is True  # the axis changed too
    assert explorer.draw(p=0.25, unit="hartleys") is False  # only the point moved


def test_sampler_draws_the_requested_number_of_samples():
    explorer = widgets.DistributionSampler(weights=(1, 0, 0, 0), n=100, seed=3)
    heights = [bar.get_height() for bar in explorer.f_bars]
    assert heights == [1.0, 0.0, 0.0, 0.0]
    explorer.update(w0=0.5, w1=0.5, n=10_000)
    heights = [bar.get_height() for bar in explorer.f_bars]
    assert sum(heights) == pytest.approx(1.0)
    assert heights[0] == pytest.approx(0.5, abs=0.03) and heights[2] == 0.0
    assert explorer.title.get_text().startswith("10,000 samples")


def test_sampler_explains_all_zero_weights_instead_of_failing():
    explorer = widgets.DistributionSampler()
    explorer.update(w0=0.0, w1=0.0, w2=0.0, w3=0.0)
    assert "give at least one outcome a positive weight" in explorer.title.get_text()


def all_explorers():
    return sorted(widgets.Explorer.__subclasses__(), key=lambda cls: cls.__name__)


def lowest(control):
    """The first option of a control, or the low end of a slider."""
    options = getattr(control, "options", None)
    if not options:
        return type(control.value)(control.min)
    return options[0][1] if isinstance(options[0], tuple) else options[0]


@pytest.mark.parametrize("cls", all_explorers(), ids=lambda cls: cls.__name__)
def test_draw_says_whether_more_than_the_moving_artists_changed(cls):
    explorer = cls()
    assert explorer.draw(**explorer.values) is False  # nothing new to show
    low = {name: lowest(control) for name, control in explorer.controls.items()}
    for name in explorer.controls:
        changed = explorer.draw(**{**explorer.values, name: low[name]})
        assert type(changed) is bool, f"{cls.__name__}.draw returned {changed!r}"
    # Every control at its low end at once: all weights zero, where there are any.
    assert type(explorer.draw(**low)) is bool


def test_zero_weights_are_explained_in_the_title():
    fig, (ax,) = widgets.widget_figure()
    title = ax.set_title(" ")
    assert not widgets.explain_zero_weights(title, [0.0, 0.5])
    assert title.get_text() == " "
    assert widgets.explain_zero_weights(title, [0.0, 0.0], item="symbol", of="P")
    assert title.get_text() == (
        "Every weight of P is zero: give at least one symbol a positive weight"
    )


def test_static_picture_is_deterministic_and_shows_the_moving_artists():
    first, second = widgets.InformationExplorer(), widgets.InformationExplorer()
    svg = first.svg()
    assert svg == second.svg()
    assert "<dc:date>" not in svg
    first.update(p=0.9)
    assert first.svg() != svg  # the picture follows the controls


def test_display_carries_widget_view_and_static_picture():
    bundle = widgets.DistributionSampler()._repr_mimebundle_()
    assert set(bundle) == {
        "text/plain",
        "image/svg+xml",
        "image/png",
        "application/vnd.jupyter.widget-view+json",
        "application/vnd.infotheory.explorer+json",
    }
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert "interactive" in bundle["text/plain"]


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda: widgets.DistributionSampler(weights=(1, 1), labels=("a",)),
            "give one label per outcome",
        ),
        (lambda: widgets.DistributionSampler(n=7), "n must be one of"),
        (lambda: widgets.InformationExplorer(unit="bytes"), "unit must be one of"),
        (
            lambda: widgets.CrossEntropyExplorer(
                p=(1, 1), q=(1, 1, 1), labels=("a", "b")
            ),
            "q has 3",
        ),
        (
            lambda: widgets.CrossEntropyExplorer(p=(2, 1), q=(1, 1), labels=("a", "b")),
            "between 0 and 1",
        ),
        (
            lambda: widgets.GaussianFitExplorer(separation=3.3),
            "separation must be one of",
        ),
    ],
)
def test_bad_settings_get_clear_messages(make, message):
    with pytest.raises(ValueError, match=message):
        make()


# ------------------------------------------------------------------ entropy and codes


def test_simplex_points_are_distributions_inside_the_triangle_and_nan_outside():
    points = widgets.simplex_points(60)
    inside = ~np.isnan(points[..., 0])
    assert 0.4 < inside.mean() < 0.6  # the triangle covers half of its bounding box
    np.testing.assert_allclose(points[inside].sum(axis=-1), 1.0, atol=1e-12)
    assert (points[inside] >= -1e-12).all()
    assert np.isnan(points[~inside]).all()


def test_simplex_xy_puts_the_certain_outcomes_at_the_corners():
    x, y = widgets.simplex_xy(np.eye(3))
    np.testing.assert_allclose(x, [0, 1, 0.5])
    np.testing.assert_allclose(y, [0, 0, widgets.SIMPLEX_HEIGHT])
    x, y = widgets.simplex_xy([1 / 3, 1 / 3, 1 / 3])
    assert (x, y) == pytest.approx((0.5, widgets.SIMPLEX_HEIGHT / 3))


def test_simplex_heatmap_masks_the_outside_and_labels_the_corners():
    fig, (ax,) = widgets.widget_figure()
    points = widgets.simplex_points(40)
    values = points[..., 0]  # any number per pixel
    colorbar = widgets.simplex_heatmap(ax, values, labels=("x", "y", "z"), vmax=1)
    image = ax.get_images()[0]
    assert image.get_array().mask.sum() == np.isnan(values).sum()
    assert [t.get_text() for t in ax.texts] == ["x", "y", "z"]
    assert colorbar.ax.get_ylabel() == "entropy (bits)"


def test_simplex_explorer_moves_its_point_and_reads_the_entropy():
    explorer = widgets.SimplexExplorer(p=(0.5, 0.3))
    axes = len(explorer.figure.axes)
    explorer.update(p0=0.2, p1=0.3)
    x, y = widgets.simplex_xy([0.2, 0.3, 0.5])
    assert explorer.marker.get_data()[0][0] == pytest.approx(x)
    assert explorer.marker.get_data()[1][0] == pytest.approx(y)
    assert explorer.level.get_ydata()[0] == pytest.approx(entropy([0.2, 0.3, 0.5]))
    assert [bar.get_height() for bar in explorer.bars] == pytest.approx([0.2, 0.3, 0.5])
    assert "H = 1.485 bits" in explorer.title.get_text()
    assert len(explorer.figure.axes) == axes  # no new axes


def test_simplex_explorer_says_when_the_two_probabilities_exceed_one():
    explorer = widgets.SimplexExplorer()
    explorer.update(p0=0.8, p1=0.5)
    assert "= 1.30 is more than 1: lower one of them" in explorer.title.get_text()
    assert not explorer.marker.get_visible()
    explorer.update(p1=0.2)
    assert explorer.marker.get_visible() and explorer.title.get_text().startswith(
        "P = (0.80, 0.20, 0.00)"
    )


def test_code_explorer_shows_the_huffman_code_of_its_weights():
    explorer = widgets.CodeExplorer(weights=(0.4, 0.3, 0.15, 0.1, 0.05))
    code = huffman_code([0.4, 0.3, 0.15, 0.1, 0.05], "ABCDE")
    assert [t.get_text() for t in explorer.words] == list(code.values())
    explorer.update(w0=0.25, w1=0.25, w2=0.25, w3=0.25, w4=0.0)
    assert [bar.get_height() for bar in explorer.bars] == [2, 2, 2, 2, 0]
    assert explorer.words[4].get_text() == "no codeword"
    assert (
        np.isnan(explorer.ideal.get_ydata()[4]) and explorer.ideal.get_ydata()[0] == 2.0
    )
    assert explorer.title.get_text() == "L = 2.000 bits,  H = 2.000 bits"
    assert explorer.probabilities[0].get_text() == "0.25"


def test_code_explorer_explains_all_zero_weights_instead_of_failing():
    explorer = widgets.CodeExplorer()
    explorer.update(w0=0.0, w1=0.0, w2=0.0, w3=0.0, w4=0.0)
    assert "give at least one symbol a positive weight" in explorer.title.get_text()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: widgets.SimplexExplorer(p=(0.8, 0.5)), "with a sum of at most 1"),
        (lambda: widgets.SimplexExplorer(p=(-0.1, 0.5)), "between 0 and 1"),
        (
            lambda: widgets.SimplexExplorer(p=(0.2, 0.3, 0.5)),
            "the third is the remainder",
        ),
        (
            lambda: widgets.SimplexExplorer(labels=("a", "b")),
            "labels must name the three outcomes",
        ),
        (
            lambda: widgets.CodeExplorer(weights=(1, 1), labels=("a",)),
            "give one label per outcome",
        ),
        (
            lambda: widgets.CodeExplorer(weights=(1,), labels=("a",)),
            "shows 2 to 8 symbols",
        ),
    ],
)
def test_bad_explorer_settings_get_clear_messages(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_gradient_bars_point_both_ways():
    fig, (ax,) = widgets.widget_figure()
    bars = widgets.gradient_bars(ax, [-0.5, 0.25, 0.25], ["a", "b", "c"])
    assert [b.get_height() for b in bars] == [-0.5, 0.25, 0.25]
    assert ax.get_ylim() == (-1.0, 1.0)


def test_softmax_explorer_follows_its_logits():
    from infotheory import cross_entropy_loss, one_hot, softmax

    explorer = widgets.SoftmaxExplorer(logits=(2.0, 1.0, 0.1), label=0)
    before = explorer.image.value
    explorer.update(z1=3.0)
    assert explorer.image.value != before
    q = softmax([2.0, 3.0, 0.1])
    assert [bar.get_height() for bar in explorer.q_bars] == pytest.approx(
        q.tolist(), rel=1e-14
    )
    assert [bar.get_height() for bar in explorer.gradient_bars] == pytest.approx(
        (q - one_hot([0], 3)[0]).tolist()
    )
    bits = cross_entropy_loss([2.0, 3.0, 0.1], 0)
    assert explorer.loss_title.get_text().startswith(f"loss H(P,Q) = {bits:.3f} bits")


def test_softmax_explorer_temperature_flattens_the_model():
    from infotheory import entropy

    explorer = widgets.SoftmaxExplorer(logits=(3.0, 0.0, -1.0))
    sharp = entropy([bar.get_height() for bar in explorer.q_bars])
    explorer.update(temperature=3.0)
    flat = [bar.get_height() for bar in explorer.q_bars]
    assert entropy(flat) > sharp + 0.5
    assert flat[0] == pytest.approx(
        float(np.exp(1.0) / (np.exp(1.0) + 1 + np.exp(-1 / 3)))
    )


def test_softmax_explorer_label_and_smoothing_move_the_target():
    from infotheory import entropy, smooth_labels

    explorer = widgets.SoftmaxExplorer()
    explorer.update(label=2, smoothing=0.3)
    p = smooth_labels([2], 3, 0.3)[0]
    assert [bar.get_height() for bar in explorer.p_bars] == pytest.approx(p.tolist())
    assert f"floor H(P) {entropy(p):.3f}" in explorer.loss_title.get_text()
    assert sum(bar.get_height() for bar in explorer.gradient_bars) == pytest.approx(
        0.0, abs=1e-12
    )


@pytest.mark.parametrize(
    "settings, message",
    [
        (dict(logits=(1.0, 2.0)), "logits has 2 entries but class_names has 3"),
        (dict(logits=(1.0, 2.0, 9.0)), "every logit must lie between -6.0 and 6.0"),
        (dict(label=3), "label must be a class index from 0 to 2, but got 3"),
        (
            dict(temperature=0.0),
            "temperature must lie between 0.25 and 4.0, but got 0.0",
        ),
        (dict(smoothing=0.9), "smoothing must lie between 0.0 and 0.5, but got 0.9"),
    ],
)
def test_softmax_explorer_rejects_bad_settings(settings, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.SoftmaxExplorer(**settings)


def test_measure_bars_show_values_and_infinity():
    fig, (ax,) = widgets.widget_figure()
    bars, texts = widgets.measure_bars(ax, [1.5, float("inf")], ["a", "b"], xmax=4.0)
    assert [b.get_width() for b in bars] == [1.5, 4.0]  # infinity reaches the edge
    assert (
        texts[0].get_text().strip() == "1.500 bits"
        and texts[1].get_text().strip() == "∞"
    )
    widgets.set_measure_bars(bars, texts, [2.0, 5.0], 4.0, unit="")
    assert [b.get_width() for b in bars] == [2.0, 4.0]  # too long: stops at the edge
    assert texts[0].get_text().strip() == "2.000" and texts[0].get_position()[0] == 2.0
    assert (
        texts[1].get_text().strip() == "5.000"
        and texts[1].get_horizontalalignment() == "right"
    )


def test_cross_entropy_explorer_shows_the_four_measures():
    explorer = widgets.CrossEntropyExplorer()
    assert [bar.get_width() for bar in explorer.measure_bars] == [
        1.75,
        2.25,
        1.75,
        2.375,
    ]
    assert explorer.title.get_text() == "extra bits: 0.500 on P's data, 0.625 on Q's"


def test_cross_entropy_explorer_normalises_the_weights_it_is_given():
    explorer = widgets.CrossEntropyExplorer()
    before = explorer.image.value
    explorer.update(q0=0.5, q1=0.25, q2=0.125, q3=0.125)  # Q = P
    assert explorer.image.value != before
    widths = [bar.get_width() for bar in explorer.measure_bars]
    assert widths[1] == widths[0] == 1.75
    explorer.update(p0=1.0, p1=1.0, p2=1.0, p3=1.0)  # weights, not probabilities
    assert [bar.get_height() for bar in explorer.p_bars] == [0.25] * 4
    assert explorer.measure_bars[0].get_width() == 2.0


def test_cross_entropy_explorer_handles_zero_probability():
    explorer = widgets.CrossEntropyExplorer()
    explorer.update(q0=0.0)
    assert explorer.measure_bars[1].get_width() == explorer.XMAX
    assert explorer.measure_texts[1].get_text().strip() == "∞"
    assert explorer.title.get_text().startswith("extra bits: ∞ on P's data, ")


def test_cross_entropy_explorer_keeps_its_axis_and_labels_long_bars_inside():
    explorer = widgets.CrossEntropyExplorer()
    explorer.update(
        q0=0.01, p0=1.0, p1=0.0, p2=0.0, p3=0.0
    )  # H(P, Q) = -log2(0.01 / 0.76)
    measures_ax = explorer.figure.axes[1]
    assert measures_ax.get_xlim()[1] == explorer.XMAX
    assert explorer.measure_bars[1].get_width() == explorer.XMAX
    assert explorer.measure_texts[1].get_text().strip() == "6.248"
    assert explorer.measure_texts[1].get_horizontalalignment() == "right"


def test_cross_entropy_explorer_explains_all_zero_weights():
    explorer = widgets.CrossEntropyExplorer()
    explorer.update(p0=0.0, p1=0.0, p2=0.0, p3=0.0)
    assert "Every weight of P is zero" in explorer.title.get_text()


def test_gaussian_fit_explorer_swaps_in_the_fits_for_each_separation():
    explorer = widgets.GaussianFitExplorer(separation=0.0)
    x = explorer.p_line.get_xdata()
    together = explorer.reverse_line.get_ydata().copy()
    explorer.update(separation=7.0)
    apart = explorer.reverse_line.get_ydata()
    assert abs(x[np.argmax(together)]) < 0.2  # one peak in the middle
    assert x[np.argmax(apart)] == pytest.approx(
        -3.5, abs=0.2
    )  # on the taller, left peak
    forward = explorer.fits[7.0][1]
    assert forward.std > 3  # covers both peaks
    assert explorer.title.get_text().startswith(
        f"forward: mean {forward.mean:.2f}, std {forward.std:.2f}"
    )


def test_gaussian_fit_explorer_curves_are_the_fitted_densities():
    explorer = widgets.GaussianFitExplorer(separation=4.0)
    p, forward, reverse = explorer.fits[4.0]
    spacing = 32 / 160
    shown = np.abs(np.linspace(-16, 16, 161)) <= 9
    np.testing.assert_allclose(explorer.p_line.get_ydata(), p[shown] / spacing)
    np.testing.assert_allclose(
        explorer.forward_line.get_ydata(), forward.q[shown] / spacing
    )


# -------------------------------------------------- live defaults equal stored pictures
# A browser slider holds only ``min + k * step``. On first render the frontend moves any
# other value to the nearest step and sends it back to the kernel, which redraws: the
# live explorer would then start at other numbers than its stored picture and the prose.

#: Every explorer as its lesson builds it (keep in step with the lessons' cells).
LESSON_EXPLORERS = {
    "01 sampler": lambda: widgets.DistributionSampler(
        weights=(0.4, 0.3, 0.2, 0.1),
        labels=("sun", "cloud", "rain", "snow"),
        n=100,
        seed=0,
    ),
    "02 information": lambda: widgets.InformationExplorer(p=13 / 52, unit="bits"),
    "03 simplex": lambda: widgets.SimplexExplorer(
        p=(0.5, 0.3), labels=("sun", "cloud", "rain")
    ),
    "04 code": lambda: widgets.CodeExplorer(
        weights=(0.4, 0.3, 0.15, 0.1, 0.05), labels=("A", "B", "C", "D", "E")
    ),
    "05 cross-entropy": lambda: widgets.CrossEntropyExplorer(
        p=(1 / 2, 1 / 4, 1 / 8, 1 / 8),
        q=(1 / 4, 1 / 8, 1 / 8, 1 / 2),
        labels=("A", "B", "C", "D"),
    ),
    "06 gaussian fit": lambda: widgets.GaussianFitExplorer(
        separation=6.0, weights=(0.6, 0.4), grid=np.linspace(-16, 16, 161)
    ),
    "07 joint": lambda: widgets.JointExplorer(
        p_x=0.25,
        p_y_given_x=(0.0, 0.5),
        x_labels=["clear", "cloudy"],
        y_labels=["dry", "rain"],
    ),
    "08 softmax": lambda: widgets.SoftmaxExplorer(
        logits=(2.0, 1.0, 0.1), label=0, temperature=1.0, smoothing=0.0
    ),
}


def snapped_in_browser(control):
    """The value a browser slider settles on for ``control.value``: the nearest step.

    Selection sliders, dropdowns and buttons hold exactly one of their options.
    """
    step = getattr(control, "step", None)
    if step is None or isinstance(control.value, (bool, str)):
        return control.value
    # JavaScript's Math.round: halves go up (Python's round would go to even).
    steps = np.floor((control.value - control.min) / step + 0.5)
    return float(min(max(control.min + steps * step, control.min), control.max))


def figure_texts(explorer):
    return [t.get_text() for t in explorer.figure.findobj(matplotlib.text.Text)]


@pytest.mark.parametrize("make", LESSON_EXPLORERS.values(), ids=LESSON_EXPLORERS.keys())
def test_live_default_gives_the_stored_picture(make):
    explorer = make()
    stored_svg, stored_texts = explorer.svg(), figure_texts(explorer)
    live = {name: snapped_in_browser(c) for name, c in explorer.controls.items()}
    for name, control in explorer.controls.items():
        assert live[name] == pytest.approx(control.value, abs=1e-12), (
            f"{name} = {control.value!r} is not a step of its slider; "
            f"the browser would show {live[name]!r}"
        )
    explorer.update(**live)
    assert figure_texts(explorer) == stored_texts
    assert explorer.svg() == stored_svg


def test_cross_entropy_explorer_refuses_weights_its_sliders_cannot_hold():
    with pytest.raises(ValueError, match=r"not a multiple of the slider step 0\.005"):
        widgets.CrossEntropyExplorer(p=(0.5, 0.25, 0.1234, 0.1266))


# ------------------------------------------------------------------ joint distributions


def test_joint_explorer_default_is_the_sky_and_rain_table():
    from infotheory import conditional_entropy, joint_entropy, mutual_information

    explorer = widgets.JointExplorer()
    assert explorer.pxy.tolist() == [[0.75, 0.0], [0.125, 0.125]]
    shown = explorer.values_shown
    assert shown["H(X,Y)"] == joint_entropy(explorer.pxy)
    assert shown["H(Y|X)"] == conditional_entropy(explorer.pxy) == 0.25
    assert shown["I(X;Y)"] == mutual_information(explorer.pxy)
    assert explorer.title.get_text().endswith(f"{shown['I(X;Y)']:.3f} bits shared")
    assert [t.get_text() for t in explorer.cell_texts] == [
        "0.750",
        "0.000",
        "0.125",
        "0.125",
    ]


def test_joint_explorer_bars_add_up():
    explorer = widgets.JointExplorer()
    explorer.update(p_x=0.3, p_y0=0.2, p_y1=0.7)
    spans = [(bar.get_x(), bar.get_x() + bar.get_width()) for bar in explorer.bars]
    joint, x, y, x_given_y, shared, y_given_x = spans
    assert joint[0] == x[0] == x_given_y[0] == 0.0
    assert x_given_y[1] == shared[0] == y[0]  # H(X | Y) then I(X; Y) ...
    assert shared[1] == x[1] == y_given_x[0]  # ... then H(Y | X)
    assert y_given_x[1] == y[1] == joint[1]
    shown = explorer.values_shown
    assert shown["H(X)"] + shown["H(Y|X)"] == pytest.approx(shown["H(X,Y)"])
    assert shown["H(Y)"] + shown["H(X|Y)"] == pytest.approx(shown["H(X,Y)"])
    widths = [bar.get_width() for bar in explorer.bars]
    assert widths == pytest.approx(list(shown.values()))


def test_joint_explorer_says_when_the_variables_are_independent():
    explorer = widgets.JointExplorer()
    before = explorer.image.value
    explorer.update(p_y0=0.5)  # rain as likely after a clear sky as after clouds
    assert explorer.image.value != before
    assert explorer.title.get_text().startswith("X and Y are independent")
    assert explorer.values_shown["I(X;Y)"] == pytest.approx(0.0, abs=1e-15)
    assert explorer.bars[4].get_width() == pytest.approx(0.0, abs=1e-15)
    explorer.update(p_y0=0.2, p_x=0.0)  # X is certain
    assert explorer.title.get_text().startswith("X and Y are independent")
    explorer.update(p_x=0.4)
    assert "bits shared" in explorer.title.get_text()


def test_joint_explorer_names_the_values_on_its_sliders():
    explorer = widgets.JointExplorer(
        x_labels=("clear", "cloudy"), y_labels=("dry", "rain")
    )
    assert [c.description for c in explorer.controls.values()] == [
        "P(cloudy)",
        "P(rain | clear)",
        "P(rain | cloudy)",
    ]
    assert all(c.step == 0.01 for c in explorer.controls.values())


@pytest.mark.parametrize(
    "settings, message",
    [
        (dict(p_x=0.125), "p_x must be a multiple of 0.01 between 0 and 1"),
        (dict(p_x=1.5), "p_x must be a multiple of 0.01 between 0 and 1"),
        (dict(p_y_given_x=(0.5, -0.1)), r"p_y_given_x\[1\] must be a multiple"),
        (dict(p_y_given_x=(0.5,)), "p_y_given_x must hold two probabilities"),
        (dict(x_labels=("a", "b", "c")), "x_labels and y_labels must name the two"),
    ],
)
def test_joint_explorer_rejects_bad_settings(settings, message):
    with pytest.raises(ValueError, match=message):
        widgets.JointExplorer(**settings)


# -------------------------------------------------------------------- language models


def small_ngram_explorer(**settings):
    from infotheory import CharNgramModel

    text = "the cat sat on the mat; the rat sat on the hat. " * 8
    model = CharNgramModel(text[:300], n=4, alphabet=text)
    return widgets.NgramExplorer(model, text[300:], **settings), model, text[300:]


def test_ngram_explorer_shows_the_numbers_the_model_gives():
    explorer, model, held_out = small_ngram_explorer(n=3, seed=2)
    bits = model.with_order(3).cross_entropy(held_out)
    assert explorer.marker.get_data()[1][0] == bits
    np.testing.assert_array_equal(
        explorer.line.get_ydata(), model.cross_entropy_by_order(held_out)
    )
    assert explorer.title.get_text() == (
        f"n = 3, discount estimated: {bits:.3f} bits per character "
        f"(perplexity {2**bits:.2f})"
    )
    sample = model.with_order(3).generate(200, seed=2)
    shown = explorer.sample.get_text().replace("\n", "")
    assert shown and sample.replace("\n", "").startswith(shown)


def test_ngram_explorer_follows_order_discount_and_seed():
    explorer, model, held_out = small_ngram_explorer()
    default_n = explorer.values["n"]
    assert explorer.marker.get_data()[1][0] == min(explorer.curve("estimated"))
    before = explorer.image.value
    explorer.update(n=1, discount=0.3, seed=5)
    assert explorer.image.value != before
    curve = model.with_discount(0.3).cross_entropy_by_order(held_out)
    np.testing.assert_array_equal(explorer.line.get_ydata(), curve)
    assert explorer.marker.get_data() == ([1], [curve[0]])
    assert explorer.title.get_text().startswith("n = 1, discount 0.3: ")
    assert explorer.sampled(1, 0.3, 5) == model.with_order(1).with_discount(
        0.3
    ).generate(200, seed=5)
    assert default_n in range(1, model.n + 1)


def test_ngram_explorer_makes_room_when_a_curve_climbs():
    explorer, _, _ = small_ngram_explorer()
    top = explorer.ax.get_ylim()[1]
    assert top >= max(explorer.curve("estimated"))
    assert explorer._set_top(explorer.curve(0.5)) is False  # fits: no redraw
    assert explorer._set_top([2 * top]) is True  # a full redraw
    assert explorer.ax.get_ylim()[1] > 2 * top
    assert explorer.draw(**explorer.values) is False


def test_ngram_explorer_default_runs_on_text_that_ships_with_python():
    explorer = widgets.NgramExplorer()
    assert explorer.model.n == 6
    assert "bits per character" in explorer.title.get_text()
    assert explorer.sample.get_text()


@pytest.mark.parametrize(
    "settings, message",
    [
        (dict(discount=0.35), "discount must be one of"),
        (dict(n=0), "n must be an order from 1 to 4"),
        (dict(n=5), "n must be an order from 1 to 4"),
    ],
)
def test_ngram_explorer_rejects_bad_settings(settings, message):
    with pytest.raises(ValueError, match=message):
        small_ngram_explorer(**settings)


def test_ngram_explorer_from_a_corpus_is_the_model_of_its_first_share(tmp_path):
    from infotheory import CharNgramModel

    text = "the cat sat on the mat; the rat sat on the hat. " * 8
    (tmp_path / "corpus.txt").write_text(text, encoding="utf-8")
    corpus = {"path": "corpus.txt", "share": 0.75, "order": 3, "alphabet": "xyz"}
    with contextlib.chdir(tmp_path):  # a path is read where the lesson runs
        explorer = widgets.NgramExplorer(corpus=corpus, n=2, seed=4)
    cut = int(0.75 * len(text))
    model = CharNgramModel(text[:cut], n=3, alphabet="xyz")
    assert explorer.model.symbols == model.symbols
    np.testing.assert_array_equal(
        explorer.curve("estimated"), model.cross_entropy_by_order(text[cut:])
    )
    recipe = explorer.recipe()  # the site can build it again
    assert recipe["arguments"]["corpus"] == corpus
    with contextlib.chdir(tmp_path):
        again = widgets.NgramExplorer.from_recipe(json.loads(json.dumps(recipe)))
    assert again.svg() == explorer.svg()


def test_ngram_explorer_of_a_trained_model_has_no_recipe():
    explorer, _, _ = small_ngram_explorer()
    bundle = explorer._repr_mimebundle_()
    assert widgets.RECIPE_MIME not in bundle and "image/png" in bundle


@pytest.mark.parametrize(
    "settings, message",
    [
        (dict(text="the rat sat on"), "model and text are not what corpus makes"),
        (dict(corpus_order=2), "model and text are not what corpus makes"),
        (dict(share=1.0), "corpus share must be between"),
    ],
)
def test_ngram_explorer_corpus_is_checked(tmp_path, settings, message):
    explorer, model, held_out = small_ngram_explorer()
    text = "the cat sat on the mat; the rat sat on the hat. " * 8
    (tmp_path / "corpus.txt").write_text(text, encoding="utf-8")
    corpus = {
        "path": str(tmp_path / "corpus.txt"),
        "share": settings.get("share", 300 / len(text)),
        "order": settings.get("corpus_order", 4),
        "alphabet": text,
    }
    with pytest.raises(ValueError, match=message):
        widgets.NgramExplorer(model, settings.get("text", held_out), corpus=corpus)


def test_ngram_explorer_with_a_corpus_reuses_the_lesson_s_model(tmp_path):
    _, model, held_out = small_ngram_explorer()
    text = "the cat sat on the mat; the rat sat on the hat. " * 8
    (tmp_path / "corpus.txt").write_text(text, encoding="utf-8")
    corpus = {"path": "corpus.txt", "share": 300 / len(text), "order": 4}
    corpus["alphabet"] = text
    with contextlib.chdir(tmp_path):
        explorer = widgets.NgramExplorer(model, held_out, corpus=corpus)
        rebuilt = widgets.NgramExplorer.from_recipe(explorer.recipe())
    assert explorer.model is model  # not trained again
    assert explorer.recipe()["arguments"] == {"corpus": corpus}
    assert rebuilt.svg() == explorer.svg()


def test_ngram_explorer_needs_a_model_and_a_text():
    with pytest.raises(ValueError, match="model must be a CharNgramModel"):
        widgets.NgramExplorer(model="not a model", text="abc")
    _, model, _ = small_ngram_explorer()
    with pytest.raises(ValueError, match="text is needed"):
        widgets.NgramExplorer(model)


# ------------------------------------------ recipes and frames: pages without a kernel


def drawn_elements(svg):
    """The leaf elements an SVG draws (outside its definitions), without ids, as a
    multiset: what a picture shows, whatever its grouping."""
    from collections import Counter

    svg = re.sub(r"<defs>.*?</defs>", "", svg, flags=re.S)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    leaves = re.findall(r"<(?:path|use|rect|image|circle)\b[^>]*/>", svg, flags=re.S)
    return Counter(re.sub(r'\s+id="[^"]*"', "", leaf) for leaf in leaves)


@pytest.mark.parametrize("cls", all_explorers(), ids=lambda cls: cls.__name__)
def test_an_explorer_is_built_again_from_its_recipe(cls):
    explorer = cls()
    recipe = explorer.recipe()
    assert recipe == {"class": f"infotheory.widgets.{cls.__name__}", "arguments": {}}
    assert json.loads(json.dumps(recipe)) == recipe
    again = widgets.Explorer.from_recipe(recipe)
    assert type(again) is cls and again.svg() == explorer.svg()
    assert explorer._repr_mimebundle_()[widgets.RECIPE_MIME] == recipe


def test_a_recipe_holds_the_arguments_as_json_and_rebuilds_the_same_explorer():
    grid = np.linspace(-16, 16, 161)
    explorer = widgets.GaussianFitExplorer(6.0, weights=np.array([0.6, 0.4]), grid=grid)
    recipe = explorer.recipe()
    assert recipe["arguments"] == {
        "separation": 6.0,
        "weights": [0.6, 0.4],
        "grid": {"numpy.linspace": [-16.0, 16.0, 161]},  # a grid: three numbers
    }
    assert len(json.dumps(recipe)) < 300  # the notebook stores a recipe, not frames
    again = widgets.Explorer.from_recipe(json.loads(json.dumps(recipe)))
    assert again.svg() == explorer.svg()


def test_a_recipe_names_only_what_json_can_hold():
    explorer = widgets.InformationExplorer(p=np.float64(0.5), unit="nats")
    assert explorer.recipe()["arguments"] == {"p": 0.5, "unit": "nats"}
    assert type(explorer.recipe()["arguments"]["p"]) is float

    class Odd(widgets.InformationExplorer):
        def __init__(self, p=0.25, extra=None, **kwargs):
            super().__init__(p=p, **kwargs)

    odd = Odd(0.5, unit="bits")  # the outermost class's arguments, **kwargs spread
    assert odd.recipe()["arguments"] == {"p": 0.5, "unit": "bits"}
    arrays = {
        "extra": {"a": np.array([[0, 1], [3, 4]]), "b": np.linspace(0, 1, 5)},
    }
    assert Odd(**arrays).recipe()["arguments"]["extra"] == {
        "a": [[0, 1], [3, 4]],
        "b": {"numpy.linspace": [0.0, 1.0, 5]},
    }
    with pytest.raises(
        TypeError, match="argument 'extra' is of type object, which JSON"
    ):
        Odd(extra=object()).recipe()
    with pytest.raises(TypeError, match="JSON cannot hold"):
        Odd(extra=float("nan")).recipe()


def test_a_recipe_of_an_unknown_class_is_refused_clearly():
    for name in (
        "infotheory.widgets.Nothing",
        "__main__.Mine",
        "infotheory.plots.STYLE",
    ):
        with pytest.raises(ValueError, match="not an explorer that can be imported"):
            widgets.Explorer.from_recipe({"class": name, "arguments": {}})


def test_sliders_offer_15_to_25_round_positions_with_their_ends_and_value():
    import ipywidgets as w

    seed = widgets.control_positions(w.IntSlider(value=7, min=0, max=99))
    assert [v for _, v in seed] == [0, 5, 7, *range(10, 96, 5), 99]
    assert all(type(v) is int for _, v in seed)
    weight = widgets.control_positions(
        w.FloatSlider(value=0.125, min=0, max=1, step=0.01, readout_format=".2f")
    )
    assert [v for _, v in weight][:4] == [0.0, 0.05, 0.1, 0.125]
    assert [label for label, _ in weight][-1] == "1.00" and len(weight) == 22
    for low, high, step in [(0.25, 4, 0.05), (0, 0.5, 0.01), (-6, 6, 0.1)]:
        stops = widgets.control_positions(
            w.FloatSlider(value=low, min=low, max=high, step=step)
        )
        values = [v for _, v in stops]
        assert 15 <= len(stops) <= 25 and values[0] == low and values[-1] == high
        steps = np.array(values) / step
        np.testing.assert_allclose(steps, np.round(steps), atol=1e-6)  # on the step
    few = widgets.control_positions(w.IntSlider(value=2, min=0, max=5))
    assert [v for _, v in few] == [0, 1, 2, 3, 4, 5]  # every value
    log = widgets.control_positions(
        w.FloatLogSlider(value=10, base=10, min=-2, max=2, step=0.1)
    )
    assert log[0][1] == pytest.approx(0.01) and log[-1][1] == pytest.approx(100)


def test_options_offer_every_option_and_checkboxes_both_states():
    import ipywidgets as w

    toggle = w.ToggleButtons(options=[("cat", 0), ("dog", 1)], value=1)
    assert widgets.control_positions(toggle) == [("cat", 0), ("dog", 1)]
    sizes = w.SelectionSlider(options=(10, 100, 1000), value=100)
    assert widgets.control_positions(sizes) == [
        ("10", 10),
        ("100", 100),
        ("1000", 1000),
    ]
    assert widgets.control_positions(w.Checkbox(value=True)) == [
        ("off", False),
        ("on", True),
    ]
    with pytest.raises(TypeError, match="cannot offer the settings of a Text"):
        widgets.control_positions(w.Text())


#: Every explorer, built with its defaults, has a recipe the site rebuilds it from.
SITE_EXPLORERS = all_explorers()


@pytest.mark.parametrize("cls", SITE_EXPLORERS, ids=lambda cls: cls.__name__)
def test_frames_move_every_control_from_the_start_and_leave_the_explorer_as_it_was(
    cls,
):
    explorer = cls()
    before, picture = explorer.values, explorer.svg()
    frames = explorer.frames()
    assert explorer.values == before and explorer.svg() == picture
    states, pictures = frames["states"], frames["pictures"]
    assert states[0]["values"] == json.loads(json.dumps(before))
    assert [c["name"] for c in frames["controls"]] == list(explorer.controls)
    start = states[0]["values"]
    for control in frames["controls"]:
        name, options = control["name"], control["options"]
        if control["kind"] == "range" and not hasattr(
            explorer.controls[name], "options"
        ):
            slider = explorer.controls[name]
            steps = round((slider.max - slider.min) / slider.step) + 1
            assert min(15, steps) <= len(options) <= 25, name  # short: every value
        assert len(control["states"]) == len(options)
        assert control["states"][control["start"]] == 0  # the start is state 0
        for index in control["states"]:  # one control moves, the others stay
            moved = states[index]["values"]
            assert {**moved, name: start[name]} == start
        assert len({states[i]["alt"] for i in control["states"]}) > 1
    assert len(states) <= widgets.MAX_STATES
    assert all(0 <= s["picture"] < len(pictures) for s in states)
    assert len(set(pictures)) == len(pictures)  # each distinct picture once
    assert frames["background"].count('style="fill: #ffffff"') >= 1  # opaque
    assert all(s["alt"].startswith(explorer.description + " at ") for s in states)


@pytest.mark.parametrize("cls", SITE_EXPLORERS, ids=lambda cls: cls.__name__)
def test_background_and_overlay_together_draw_the_whole_figure(cls):
    explorer = cls()
    start = explorer.values
    frames = explorer.frames()
    background = drawn_elements(frames["background"])
    for control in frames["controls"]:
        every = max(1, len(control["states"]) // 3)
        for index in control["states"][::every]:
            state = frames["states"][index]
            explorer.draw(**start)
            explorer.draw(**state["values"])
            shown = drawn_elements(frames["pictures"][state["picture"]])
            if not state["full"]:
                shown = background + shown
            assert shown == drawn_elements(explorer.svg()), (control["name"], index)
    explorer.draw(**start)


def test_a_setting_that_changes_more_than_the_moving_artists_is_a_whole_picture():
    explorer = widgets.InformationExplorer()
    frames = explorer.frames()
    (unit,) = [c for c in frames["controls"] if c["name"] == "unit"]
    assert unit["options"] == ["bits", "nats", "hartleys"]
    full = [frames["states"][i]["full"] for i in unit["states"]]
    assert full == [False, True, True]
    nats = frames["pictures"][frames["states"][unit["states"][1]]["picture"]]
    assert "(nats)" in nats and 'style="fill: #ffffff"' in nats
    (p,) = [c for c in frames["controls"] if c["name"] == "p"]
    overlay = frames["pictures"][frames["states"][p["states"][-1]]["picture"]]
    assert "p = 1.000: 0.000 bits" in overlay  # the moving title...
    assert "probability of the event" not in overlay  # ...and nothing that stays
    assert 'style="fill: #ffffff"' not in overlay  # on a transparent background
    assert "probability of the event" in frames["background"]
    assert "p = 0.250" not in frames["background"]


def test_alt_text_says_the_setting_and_the_title():
    explorer = widgets.InformationExplorer(p=0.5)
    assert explorer.alt_text() == (
        "Information of an event at p 0.500, unit bits: "
        "p = 0.500: 1.000 bits, like 1.00 fair coins all heads"
    )
    sampler = widgets.CrossEntropyExplorer()
    assert sampler.alt_text().endswith(": extra bits: 0.500 on P's data, 0.625 on Q's")


class _ManySliders(widgets.Explorer):
    """Twelve sliders: more positions than a page shows, so fewer per slider."""

    presets: ClassVar[dict] = {"all high": {"s0": 0.9, "s1": 0.9}}

    def __init__(self, n=12):
        controls = {
            f"s{i}": __import__("ipywidgets").FloatSlider(
                value=0.5, min=0, max=1, step=0.01, description=f"s{i}"
            )
            for i in range(n)
        }
        figure, (ax,) = widgets.widget_figure()
        self.title = ax.set_title(" ")
        super().__init__(controls, figure, "Many sliders", moving=[self.title])

    def draw(self, **values) -> bool:
        self.title.set_text(" ".join(f"{v:.2f}" for v in values.values()))
        return False


def test_an_explorer_with_many_controls_gets_fewer_positions_per_slider():
    frames = _ManySliders().frames()
    counts = [len(c["options"]) for c in frames["controls"]]
    assert len(counts) == 12 and all(widgets.MIN_STOPS <= n < 15 for n in counts)
    assert len(frames["states"]) <= widgets.MAX_STATES


def test_site_controls_and_presets_choose_what_a_page_offers(monkeypatch):
    monkeypatch.setattr(_ManySliders, "site_controls", ("s0", "s3"))
    explorer = _ManySliders()
    frames = explorer.frames()
    assert [c["name"] for c in frames["controls"]] == ["s0", "s3"]
    assert all(len(c["options"]) == 21 for c in frames["controls"])
    (preset,) = frames["presets"]
    assert preset["name"] == "all high"
    state = frames["states"][preset["state"]]
    assert state["values"]["s0"] == state["values"]["s1"] == 0.9
    assert state["values"]["s2"] == 0.5
    s0 = frames["controls"][0]
    assert s0["options"][preset["positions"]["s0"]] == "0.90"
    assert preset["positions"]["s3"] == s0["start"]


class _GrowingAxis(widgets.Explorer):
    """An explorer that widens its axis for a long line and never narrows it."""

    def __init__(self, top=1.0):
        import ipywidgets as w

        controls = {"top": w.FloatSlider(value=top, min=0.5, max=3.0, step=0.5)}
        figure, (ax,) = widgets.widget_figure()
        self.ax, self.limit = ax, 0.0
        (self.line,) = ax.plot([0, 1], [0, 0])
        super().__init__(controls, figure, "A growing axis", moving=[self.line])

    def draw(self, top) -> bool:
        self.line.set_ydata([0, top])
        if top <= self.limit:
            return False
        self.limit = top
        self.ax.set_ylim(0, top)
        return True


def test_frames_stay_true_when_an_explorer_keeps_a_widened_axis():
    frames = _GrowingAxis().frames()
    states = frames["states"]
    (top,) = frames["controls"]
    full = [states[i]["full"] for i in top["states"]]
    assert top["options"] == ["0.50", "1.00", "1.50", "2.00", "2.50", "3.00"]
    assert full == [False, False, True, True, True, True]  # the axis never narrows
    replay, background = _GrowingAxis(), drawn_elements(frames["background"])
    for state in states:  # the same draws in the same order: the same pictures
        replay.draw(top=1.0)
        replay.draw(**state["values"])
        shown = drawn_elements(frames["pictures"][state["picture"]])
        if not state["full"]:
            shown = background + shown
        assert shown == drawn_elements(replay.svg())
