"""Interactive explorers for the lessons, built on :mod:`infotheory.plots`.

Every explorer is an :class:`Explorer`: a row of controls above a picture. When a
control moves, the explorer updates the data of the artists it drew once (no new
figure, no new axes) and sends one PNG to the browser, which keeps updates fast.
The drawing helpers that only explorers use live here, next to the explorer that
calls them; the figure helpers lessons share live in :mod:`infotheory.plots`.

Where no live kernel is attached (a notebook opened before it is run), the explorer's
stored output is a picture of its default setting (SVG, with a PNG copy), so the page
never shows an empty box or a slider that does nothing. The stored output also holds
the explorer's *recipe* (:meth:`Explorer.recipe`: its class and the arguments it was
built with), from which the website's build makes it again with the current library
and pre-renders its pictures along every control (:meth:`Explorer.frames`), so that
it moves on the static site too (:mod:`infotheory.sphinxext`).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import importlib
import inspect
import io
import json
import textwrap
from typing import ClassVar

import ipywidgets as w
import matplotlib as mpl
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.text import Text

from . import figure_words, plots
from .coding import average_length, huffman_code, ideal_lengths
from .distributions import fit_gaussian, gaussian_mixture
from .figure_words import FIGURE_MIME, template, translated
from .learning import (
    cross_entropy_loss,
    cross_entropy_loss_gradient,
    smooth_labels,
    softmax,
)
from .measures import cross_entropy, entropy, information, kl_divergence, normalize

#: Resolution of the live PNG, in dots per inch: sharp on high-density screens.
LIVE_DPI = 110
#: Resolution of the pictures inside an SVG (an image such as a heat map), in dpi.
SVG_DPI = 100
#: The mime type of an explorer's recipe in its stored output (see Explorer.recipe).
RECIPE_MIME = "application/vnd.infotheory.explorer+json"
#: How many positions of a slider a static page offers, at most (and at least when
#: the slider has that many).
STOPS = (15, 25)
#: At most this many pictures per explorer on a static page: beyond it, sliders offer
#: fewer positions (down to MIN_STOPS).
MAX_STATES = 160
MIN_STOPS = 7


def widget_figure(
    width: float | None = None,
    height: float | None = None,
    ncols: int = 1,
    width_ratios=None,
) -> tuple[Figure, np.ndarray]:
    """A figure that pyplot does not manage (never shown automatically), for widgets."""
    with mpl.rc_context(plots.STYLE):
        default_width, default_height = plots.STYLE["figure.figsize"]
        fig = Figure(
            figsize=(width or default_width, height or default_height),
            layout="constrained",
        )
        axes = fig.subplots(1, ncols, squeeze=False, width_ratios=width_ratios)[0]
    return fig, axes


#: The kinds of slider an explorer has.
SLIDERS = (w.FloatSlider, w.IntSlider, w.SelectionSlider)
#: A slider's track is never narrower than this (in CSS pixels), so that a range from
#: 0 to 1 moves in fine steps under a finger or a mouse.
SLIDER_TRACK_PX = 160
#: Room for the value a slider reads out, and for one character of its label.
READOUT_PX, CHARACTER_PX = 80, 7


def make_readable(slider) -> None:
    """Show a slider's whole label and a track of at least ``SLIDER_TRACK_PX``.

    The label takes its natural width; the slider is made wide enough for it, the
    track and the readout, or keeps the width it was given if that is wider.
    """
    slider.style.description_width = "initial"
    label_px = CHARACTER_PX * len(slider.description) + 12
    needed = label_px + SLIDER_TRACK_PX + READOUT_PX
    given = slider.layout.width or ""
    given = int(given[:-2]) if given.endswith("px") else 0
    slider.layout.width = f"{max(needed, given)}px"


class Explorer(w.VBox):
    """Controls above a figure whose artists follow them.

    Subclasses build their figure and artists, then call
    ``super().__init__(controls, figure, description, moving=[...])`` and implement
    :meth:`draw`, which updates the existing artists to match the control values it
    receives as keyword arguments. ``moving`` lists the artists that change on a
    typical update; only they are redrawn, over a saved picture of everything else
    (blitting). :meth:`draw` returns ``True`` when it changed something outside them
    (an axis limit, a label), which makes the next picture a full redraw, and
    ``False`` otherwise.

    Every explorer remembers the arguments it was built with (:meth:`recipe`), so it
    can be built again (:meth:`from_recipe`), and renders its pictures along each
    control for a page without a kernel (:meth:`frames`). Those pictures follow the
    same protocol: one picture of everything that does not move, and for each setting
    a picture of only the ``moving`` artists (or a full picture where :meth:`draw`
    returns ``True``). The arguments must be numbers, strings, lists, dicts or numpy
    arrays, which JSON can hold.
    """

    #: The controls a static page moves (None: all of them). An explorer with many
    #: controls can name a few here; the others stay at their setting.
    site_controls: ClassVar[tuple[str, ...] | None] = None
    #: Named settings a static page offers besides moving one control at a time:
    #: name -> the values of the controls that differ from the explorer's setting.
    presets: ClassVar[dict[str, dict]] = {}
    #: The Chinese edition's word list (:class:`infotheory.figure_words.FigureWords`),
    #: set by its build: pictures, labels and alt text are then in Chinese, and the
    #: texts it has no entry for are collected in ``untranslated``.
    word_list = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _explorer_init(cls.__init__)

    def __init__(self, controls: dict, figure, description: str, moving=()):
        self.controls = controls
        self.figure = figure
        self.description = description
        self.moving = list(moving)
        self.image = w.Image(
            format="png", layout=w.Layout(width="100%", max_width="780px")
        )
        for control in controls.values():
            if isinstance(control, SLIDERS):
                make_readable(control)
            control.observe(self._on_change, names="value")
        control_box = w.HBox(
            list(controls.values()), layout=w.Layout(flex_flow="row wrap")
        )
        super().__init__([control_box, self.image])
        self.figure.set_dpi(LIVE_DPI)
        self._canvas = FigureCanvasAgg(self.figure)
        self.draw(**self.values)
        # In the book's style whatever the global settings, so that the explorer
        # looks the same in a lesson and where the site's build makes it again.
        with mpl.rc_context(plots.STYLE):
            self._canvas.draw()  # lay out once, then freeze the layout so
        self.figure.set_layout_engine("none")  # the axes never jump between updates
        for artist in self.moving:
            artist.set_animated(True)
        self._background = None
        self._render()

    @property
    def values(self) -> dict:
        """The current value of every control, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def draw(self, **values) -> bool:  # pragma: no cover - abstract
        """Update the artists to show ``values``.

        Returns True if more than the ``moving`` artists changed, else False.
        """
        raise NotImplementedError

    def update(self, **values) -> None:
        """Set controls by name, as a reader would, and redraw once."""
        for name, value in values.items():
            self.controls[name].unobserve(self._on_change, names="value")
            self.controls[name].value = value
            self.controls[name].observe(self._on_change, names="value")
        self._on_change()

    def _on_change(self, change=None) -> None:
        if self.draw(**self.values):
            self._background = None
        self._render()

    def _render(self) -> None:
        with mpl.rc_context(plots.STYLE):
            self._blit()

    def _blit(self) -> None:
        canvas = self._canvas
        if self._background is None:
            canvas.draw()  # everything but the moving artists
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        picture = PIL.Image.frombuffer(
            "RGBA", canvas.get_width_height(), canvas.buffer_rgba()
        )
        buffer = io.BytesIO()
        picture.convert("RGB").save(buffer, format="png", compress_level=1)
        self.image.value = buffer.getvalue()

    def _in_words(self):
        """Inside the block, the figure reads :attr:`word_list` (if set)."""
        if self.word_list is None:
            return contextlib.nullcontext(set())
        return translated(self.figure, self.word_list)

    def say(self, text: str) -> str:
        """``text``, a label of this explorer, in :attr:`word_list` (if set)."""
        if self.word_list is None:
            return text
        said = self.word_list.translate(text)
        if said is None:
            self.__dict__.setdefault("untranslated", set()).add(template(text)[0])
        return text if said is None else said

    def svg(self) -> str:
        """The figure at its current setting as deterministic SVG text."""
        return self._saved("svg").decode()

    def _saved(self, kind: str) -> bytes:
        """The figure at its current setting, saved as ``kind`` (svg or png)."""
        buffer = io.BytesIO()
        # A figure leaves out its animated artists (a suptitle) even when saved.
        for artist in self.moving:
            artist.set_animated(False)
        dpi = SVG_DPI if kind == "svg" else LIVE_DPI
        try:
            with mpl.rc_context(plots.STYLE), self._in_words() as missing:
                self.figure.savefig(
                    buffer, format=kind, dpi=dpi, metadata={"Date": None}
                )
            self._missing(missing)
        finally:
            for artist in self.moving:
                artist.set_animated(True)
        return buffer.getvalue()

    def _chinese_drawing(self, words) -> dict:
        """The picture in the Chinese edition (:data:`FIGURE_MIME`), as a lesson's
        figures carry it (:mod:`infotheory.figure_words`)."""
        kept, self.word_list = self.word_list, words
        self.__dict__.pop("untranslated", None)
        try:
            svg, png = self._saved("svg"), self._saved("png")
        finally:
            self.word_list = kept
        return {
            "image/svg+xml": svg.decode(),
            "image/png": base64.b64encode(png).decode("ascii"),
            "untranslated": sorted(self.__dict__.pop("untranslated", ())),
        }

    def _background_svg(self) -> str:
        """SVG of everything but the moving artists, on the opaque figure."""
        shown = [artist.get_visible() for artist in self.moving]
        # Drawing an axes places its title from the title's extent, which is wrong
        # for a hidden title: keep the places the texts have.
        places = [
            a.get_position() if isinstance(a, Text) else None for a in self.moving
        ]
        for artist in self.moving:
            artist.set_visible(False)
        try:
            return self.svg()
        finally:
            for artist, visible, place in zip(self.moving, shown, places):
                artist.set_visible(visible)
                if place is not None:
                    artist.set_position(place)

    def _overlay_svg(self) -> str:
        """SVG of only the moving artists, on a transparent background, at the size
        and position they have in :meth:`svg` (as :meth:`_render` blits them)."""
        buffer = io.StringIO()
        figure = self.figure
        dpi = figure.dpi
        figure.dpi = 72  # what savefig does for SVG: one unit is one point
        try:
            with mpl.rc_context(plots.STYLE), self._in_words() as missing:
                width, height = figure.get_size_inches()
                renderer = MixedModeRenderer(
                    figure,
                    width,
                    height,
                    SVG_DPI,
                    RendererSVG(
                        width * 72,
                        height * 72,
                        buffer,
                        image_dpi=SVG_DPI,
                        metadata={"Date": None},
                    ),
                )
                for artist in sorted(self.moving, key=lambda a: a.get_zorder()):
                    artist.draw(renderer)
                renderer.finalize()
            self._missing(missing)
        finally:
            figure.dpi = dpi
        return buffer.getvalue()

    def _missing(self, templates) -> None:
        if templates:
            self.__dict__.setdefault("untranslated", set()).update(templates)

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = (
            f"{self.description} (interactive when the notebook runs in Jupyter)"
        )
        bundle["image/svg+xml"] = self.svg()
        # A PNG copy for notebooks JupyterLab has not run (it shows no untrusted SVG).
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        if figure_words.active() is not None:  # the picture in the Chinese edition
            bundle[FIGURE_MIME] = self._chinese_drawing(figure_words.active())
        # How the website's build makes this explorer again and renders its frames.
        # An explorer built from objects JSON cannot hold (a trained model) has no
        # recipe: the site shows its picture at the default setting.
        if not self.__dict__.get("_arguments", ({}, None))[1]:
            bundle[RECIPE_MIME] = self.recipe()
        return bundle

    # ------------------------------------------------ pages without a kernel

    def recipe(self) -> dict:
        """How to build this explorer again: its class and the arguments it was given.

        JSON-ready: numpy arrays become lists, or ``{"numpy.linspace": [start, stop,
        num]}`` for an evenly spaced grid. Raises ``TypeError`` if an argument is
        something JSON cannot hold.

        Examples
        --------
        >>> InformationExplorer(p=0.5).recipe()
        {'class': 'infotheory.widgets.InformationExplorer', 'arguments': {'p': 0.5}}
        """
        arguments, problem = self.__dict__.get("_arguments", ({}, None))
        if problem:
            raise TypeError(problem)
        cls = type(self)
        return {
            "class": f"{cls.__module__}.{cls.__qualname__}",
            "arguments": dict(arguments),
        }

    @classmethod
    def from_recipe(cls, recipe: dict) -> Explorer:
        """Build the explorer a :meth:`recipe` describes, with the current library."""
        module, _, name = str(recipe.get("class", "")).rpartition(".")
        try:
            found = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError):
            found = None
        if not (isinstance(found, type) and issubclass(found, cls)):
            raise ValueError(
                f"the recipe names {recipe.get('class')!r}, which is not an explorer "
                f"that can be imported; define explorers in a module (such as "
                f"infotheory.widgets), not in a notebook cell."
            )
        return found(**_from_json(dict(recipe.get("arguments", {}))))

    def frames(self) -> dict:
        """The explorer's pictures along its controls, for a page without a kernel.

        Controls move one at a time from the current setting (the others stay
        there), through the positions :func:`control_positions` offers, and to each
        of :attr:`presets`. Before each setting the explorer is drawn back at the
        current setting, and a setting is a whole picture whenever the figure then
        differs from the background in more than the moving artists. The explorer
        is left at its current setting.

        Returns a dict of JSON-ready data:

        ``background``
            SVG of everything that does not move, on the figure's opaque background.
        ``pictures``
            Distinct SVG pictures: of only the moving artists on a transparent
            background, to lay over ``background``, or, where a setting changes more
            than them (:meth:`draw` returned True), of the whole figure.
        ``states``
            One per setting shown, the current one first: ``values`` of the controls,
            ``picture`` (an index into ``pictures``), ``full`` (True for a whole
            figure) and ``alt``, a sentence for the picture (:meth:`alt_text`).
        ``controls``
            One per control that moves: ``name``, ``label``, ``kind`` (``"range"``
            for a slider, ``"select"`` for options), ``options`` (the label of each
            position), ``states`` (the state each position shows) and ``start`` (the
            position of the current setting).
        ``presets``
            One per preset: ``name``, ``state`` and ``positions`` (the position of
            each control nearest to the preset's setting).
        """
        start = self.values
        names = [
            name
            for name in self.controls
            if self.site_controls is None or name in self.site_controls
        ]
        positions = _site_positions({name: self.controls[name] for name in names})
        pictures, picture_index = [], {}
        states, state_index = [], {}
        # Whether the figure, back at the start, still has the background drawn
        # first; checked again whenever draw says more than the moving artists
        # changed (an explorer may keep an axis it widened, for instance).
        same_background, changed = True, False

        def state(values: dict) -> int:
            nonlocal same_background, changed
            key = json.dumps(_jsonable(values, "a control value"), sort_keys=True)
            if key not in state_index:
                if self.draw(**start) or changed:  # back to the start, so that
                    same_background = self._background_svg() == background
                changed = bool(self.draw(**values))  # draw says whether more than
                full = changed or not same_background  # the moving artists changed
                svg = self.svg() if full else self._overlay_svg()
                picture_index.setdefault((svg, full), len(pictures))
                if picture_index[(svg, full)] == len(pictures):
                    pictures.append(svg)
                state_index[key] = len(states)
                states.append(
                    {
                        "values": _jsonable(values, "a control value"),
                        "picture": picture_index[(svg, full)],
                        "full": full,
                        "alt": self.alt_text(values),
                    }
                )
            return state_index[key]

        try:
            self.draw(**start)
            background = self._background_svg()
            state(start)
            controls = []
            for name in names:
                control = self.controls[name]
                options = positions[name]
                controls.append(
                    {
                        "name": name,
                        "label": self.say(control.description or name),
                        "kind": "range" if _is_slider(control) else "select",
                        "options": [self.say(label) for label, _ in options],
                        "states": [
                            state({**start, name: value}) for _, value in options
                        ],
                        "start": _position_of(options, start[name]),
                    }
                )
            presets = []
            for preset, changes in self.presets.items():
                values = {**start, **changes}
                presets.append(
                    {
                        "name": self.say(preset),
                        "state": state(values),
                        "positions": {
                            name: _position_of(positions[name], values[name])
                            for name in names
                        },
                    }
                )
        finally:
            self.draw(**start)
            self._background = None
        return {
            "background": background,
            "pictures": pictures,
            "states": states,
            "controls": controls,
            "presets": presets,
        }

    def alt_text(self, values: dict | None = None) -> str:
        """A sentence for the picture at ``values`` (default: the current setting):
        the explorer's description, the setting of its controls and the text of its
        moving titles (call :meth:`draw` with ``values`` first)."""
        values = self.values if values is None else values
        setting = ", ".join(
            f"{self.say(control.description or name)} "
            f"{self.say(readout(control, values[name]))}"
            for name, control in self.controls.items()
        )
        texts = [a for a in self.moving if isinstance(a, Text) and a.get_visible()]
        titles = {getattr(self.figure, "_suptitle", None)} | {
            ax.title for ax in self.figure.axes
        }
        shown = [a for a in texts if a in titles] or texts
        words = " ".join(
            a.get_text() if figure_words.is_verbatim(a) else self.say(a.get_text())
            for a in shown
        ).replace("$", "")
        words = " ".join(words.split())
        if self.word_list is not None:  # the Chinese edition
            return f"{self.say(self.description)}，{setting}" + (
                f"：{words}" if words else ""
            )
        return f"{self.description} at {setting}" + (f": {words}" if words else "")


def _explorer_init(init):
    """Wrap an explorer's ``__init__`` so that the explorer keeps, as JSON-ready data,
    the arguments it was built with (those of the outermost class's ``__init__``), and
    is built in the book's style whatever the global settings: the same in a lesson
    and where the site's build makes it again from its recipe."""
    signature = inspect.signature(init)

    @functools.wraps(init)
    def wrapper(self, *args, **kwargs):
        if "_arguments" not in self.__dict__:
            bound = signature.bind(self, *args, **kwargs)
            arguments, problem = {}, None
            for name, value in list(bound.arguments.items())[1:]:
                kind = signature.parameters[name].kind
                if kind is inspect.Parameter.VAR_POSITIONAL:
                    if value:
                        problem = (
                            f"{type(self).__name__} was given {len(value)} extra "
                            "positional arguments, which a recipe cannot name; "
                            "pass them by keyword."
                        )
                    continue
                given = (
                    value if kind is inspect.Parameter.VAR_KEYWORD else {name: value}
                )
                for key, item in given.items():
                    try:
                        arguments[key] = _jsonable(item, f"argument {key!r}")
                    except TypeError as error:
                        problem = f"{type(self).__name__} cannot be rebuilt: {error}"
            self.__dict__["_arguments"] = (arguments, problem)
        with mpl.rc_context(plots.STYLE):
            init(self, *args, **kwargs)

    return wrapper


def _jsonable(value, what: str):
    """``value`` as JSON-ready data (numpy arrays become lists); TypeError if it
    holds something JSON cannot."""
    if isinstance(value, np.ndarray):
        if _is_linspace(value):  # a grid: three numbers instead of all its points
            return {LINSPACE: [float(value[0]), float(value[-1]), len(value)]}
        value = value.tolist()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        raise TypeError(f"{what} is {value}, which JSON cannot hold.")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(item, what) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: _jsonable(item, what) for key, item in value.items()}
    raise TypeError(
        f"{what} is of type {type(value).__name__}, which JSON cannot hold; pass "
        "numbers, strings, lists, dicts or numpy arrays."
    )


#: How a recipe writes an evenly spaced grid: {LINSPACE: [start, stop, num]}.
LINSPACE = "numpy.linspace"


def _is_linspace(array: np.ndarray) -> bool:
    """True for a 1-D float array that ``np.linspace`` makes again exactly."""
    return (
        array.ndim == 1
        and array.size >= 3
        and array.dtype == np.float64
        and np.array_equal(array, np.linspace(array[0], array[-1], array.size))
    )


def _from_json(value):
    """Recipe data back to arguments: grids written as LINSPACE become arrays."""
    if isinstance(value, dict):
        if set(value) == {LINSPACE}:
            start, stop, num = value[LINSPACE]
            return np.linspace(start, stop, int(num))
        return {key: _from_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    return value


def _is_slider(control) -> bool:
    """True for a control that moves along a track (numeric or selection slider)."""
    return isinstance(control, w.SelectionSlider) or (
        hasattr(control, "min") and hasattr(control, "max") and hasattr(control, "step")
    )


def readout(control, value) -> str:
    """How ``control`` shows ``value``: the label of an option, a number in the
    slider's format, or on/off."""
    if isinstance(control, w.Checkbox | w.ToggleButton):
        return "on" if value else "off"
    values = getattr(control, "_options_values", None)
    if values is not None:
        for label, option in zip(control._options_labels, values):
            if option == value:
                return label
        return str(value)
    if isinstance(control, w.FloatLogSlider):
        return format(value, ".3g")
    try:
        return format(value, getattr(control, "readout_format", "") or "")
    except (TypeError, ValueError):
        return str(value)


def control_positions(control, most: int = STOPS[1], fewest: int = STOPS[0]) -> list:
    """The settings of ``control`` a page without a kernel offers: (label, value).

    Every option of a selection (dropdown, toggle buttons, selection slider) and both
    states of a checkbox. Along a numeric slider, every value if it has at most
    ``most``; else round values on its step (multiples of 1, 2, 2.5 or 5 times a power
    of ten), ``fewest`` to ``most`` of them, or else ``most`` evenly spaced values on
    its step; always with its two ends and its current value (in place of the
    nearest stop, if there is no room).

    Examples
    --------
    >>> control_positions(w.IntSlider(value=3, min=0, max=99))[:4]
    [('0', 0), ('3', 3), ('5', 5), ('10', 10)]
    >>> len(control_positions(w.FloatSlider(value=0.5, min=0, max=1, step=0.01)))
    21
    """
    if isinstance(control, w.Checkbox | w.ToggleButton):
        return [("off", False), ("on", True)]
    values = getattr(control, "_options_values", None)
    if values is not None:
        return list(zip(control._options_labels, values))
    if not _is_slider(control):
        raise TypeError(
            f"a page without a kernel cannot offer the settings of a "
            f"{type(control).__name__}; use a slider or a selection, or leave it out "
            "of the explorer's site_controls."
        )
    log = isinstance(control, w.FloatLogSlider)
    low, high, step = control.min, control.max, control.step
    current = np.log(control.value) / np.log(control.base) if log else control.value
    count = round((high - low) / step) + 1
    if count <= most:
        grid = [low + i * step for i in range(count)]
    else:
        grid = _round_stops(low, high, step, most, fewest) or [
            low + round(i * (count - 1) / (most - 1)) * step for i in range(most)
        ]
    grid = _distinct(grid)
    if min(abs(stop - current) for stop in grid) > 1e-9:
        if len(grid) >= most:  # make room: the stop nearest the value makes way
            inner = np.abs(np.array(grid[1:-1]) - current)
            del grid[1 + int(np.argmin(inner))]
        grid = _distinct([*grid, current])
    if isinstance(control.value, int) and not log:
        grid = [round(v) for v in grid]
    if log:
        return [
            (readout(control, control.base**v), float(control.base**v)) for v in grid
        ]
    return [(readout(control, v), v) for v in grid]


def _round_stops(low, high, step, most, fewest) -> list | None:
    """``fewest`` to ``most`` round values from ``low`` to ``high`` (both included),
    multiples of the smallest 1, 2, 2.5 or 5 times a power of ten that is a multiple of
    ``step`` and gives few enough; None if there is no such spacing."""
    for power in range(-8, 9):
        for mantissa in (1, 2, 2.5, 5):
            nice = mantissa * 10.0**power
            ratio = nice / step
            if ratio < 1 - 1e-9 or abs(ratio - round(ratio)) > 1e-6:
                continue
            first = int(np.ceil(low / nice - 1e-9))
            last = int(np.floor(high / nice + 1e-9))
            stops = _distinct([low, *(k * nice for k in range(first, last + 1)), high])
            if len(stops) <= most:
                return stops if len(stops) >= fewest else None
    return None


def _distinct(values) -> list:
    """Sorted values without near-duplicates, rounded to 12 significant digits."""
    rounded = sorted({float(f"{float(v):.12g}") for v in values})
    return [v for i, v in enumerate(rounded) if i == 0 or v - rounded[i - 1] > 1e-9]


def _site_positions(controls: dict) -> dict:
    """The positions of each control (:func:`control_positions`), with fewer per
    numeric slider when all of them together would exceed :data:`MAX_STATES`."""
    most, fewest = STOPS[1], STOPS[0]
    while True:
        positions = {
            name: control_positions(control, most, min(fewest, most))
            for name, control in controls.items()
        }
        total = sum(len(options) for options in positions.values())
        if total <= MAX_STATES or most <= MIN_STOPS:
            return positions
        most -= 2


def _position_of(options: list, value) -> int:
    """The index of the option whose value is (nearest to) ``value``."""
    for i, (_, option) in enumerate(options):
        if option == value:
            return i
    numbers = [o for _, o in options]
    return int(np.argmin(np.abs(np.asarray(numbers, dtype=float) - float(value))))


def weight_sliders(weights, labels, width="240px") -> dict:
    """One slider from 0 to 1 per outcome, named ``w0``, ``w1``, ...; read back with
    :func:`weights_from`. Explorers normalise the weights explicitly."""
    if len(weights) != len(labels):
        raise ValueError(
            f"weights has {len(weights)} entries but labels has {len(labels)}; "
            f"give one label per outcome."
        )
    return {
        f"w{i}": w.FloatSlider(
            value=float(weight),
            min=0.0,
            max=1.0,
            step=0.01,
            description=str(label),
            readout_format=".2f",
            layout=w.Layout(width=width),
        )
        for i, (weight, label) in enumerate(zip(weights, labels))
    }


def weights_from(values: dict, n: int, prefix: str = "w") -> np.ndarray:
    """The weights set on the sliders ``{prefix}0``, ``{prefix}1``, ..., in order."""
    return np.array([values[f"{prefix}{i}"] for i in range(n)])


def explain_zero_weights(title, weights, item="outcome", of="") -> bool:
    """If every weight is zero, say so in the ``title`` text and return True.

    No distribution can be made from weights that are all zero; an explorer then
    leaves its picture as it was and tells the reader how to go on. ``item`` names
    what the weights belong to, ``of`` the distribution, if there are several.
    """
    if np.sum(weights) != 0:
        return False
    owner = f" of {of}" if of else ""
    title.set_text(
        f"Every weight{owner} is zero: give at least one {item} a positive weight"
    )
    return True


class DistributionSampler(Explorer):
    """Shape a distribution over a few outcomes, draw samples, compare frequencies.

    Sliders set a weight per outcome (shown normalised, via :func:`normalize`), the
    number of samples, and the seed of the random generator.
    """

    SIZES = (10, 30, 100, 300, 1_000, 3_000, 10_000, 100_000)

    def __init__(
        self,
        weights=(0.4, 0.3, 0.2, 0.1),
        labels=("sun", "cloud", "rain", "snow"),
        n=100,
        seed=0,
    ):
        if n not in self.SIZES:
            raise ValueError(f"n must be one of {self.SIZES}, but got {n!r}.")
        self.labels = list(labels)
        controls = weight_sliders(weights, labels, width="240px")
        controls["n"] = w.SelectionSlider(
            options=self.SIZES,
            value=n,
            description="samples",
            layout=w.Layout(width="300px"),
        )
        controls["seed"] = w.IntSlider(
            value=seed,
            min=0,
            max=99,
            description="seed",
            layout=w.Layout(width="240px"),
        )
        figure, (ax,) = widget_figure(height=3.0)
        zeros = np.zeros(len(labels))
        self.p_bars, self.f_bars = plots.compare_bars(
            ax,
            zeros + 1 / len(labels),
            zeros,
            self.labels,
            p_label="probability",
            q_label="observed frequency",
        )
        ax.set_ylim(0, 1)
        self.title = ax.set_title(" ")
        super().__init__(
            controls,
            figure,
            "Sampling from a distribution",
            moving=[*self.p_bars, *self.f_bars, self.title],
        )

    def draw(self, n, seed, **weights) -> bool:
        raw = weights_from(weights, len(self.labels))
        if explain_zero_weights(self.title, raw):
            return False
        p = normalize(raw)
        counts = np.bincount(
            np.random.default_rng(seed).choice(len(p), size=n, p=p), minlength=len(p)
        )
        frequencies = counts / n
        for bar, value in zip(self.p_bars, p):
            bar.set_height(value)
        for bar, value in zip(self.f_bars, frequencies):
            bar.set_height(value)
        gap = float(np.max(np.abs(frequencies - p)))
        self.title.set_text(
            f"{n:,} samples: largest gap between frequency and probability {gap:.3f}"
        )
        return False


class InformationExplorer(Explorer):
    """Move the probability of an event; read its information on the -log p curve."""

    UNITS: ClassVar[dict[str, float]] = {
        "bits": 2.0,
        "nats": float(np.e),
        "hartleys": 10.0,
    }
    P_MIN = 0.001

    def __init__(self, p=0.25, unit="bits"):
        if unit not in self.UNITS:
            raise ValueError(
                f"unit must be one of {list(self.UNITS)}, but got {unit!r}."
            )
        controls = {
            "p": w.FloatSlider(
                value=p,
                min=self.P_MIN,
                max=1.0,
                step=0.001,
                readout_format=".3f",
                description="p",
                layout=w.Layout(width="420px"),
            ),
            "unit": w.ToggleButtons(
                options=list(self.UNITS),
                value=unit,
                description="unit",
                style={"button_width": "80px"},
            ),
        }
        figure, (ax,) = widget_figure(height=3.2)
        self.grid = np.linspace(self.P_MIN, 1.0, 600)
        self.curve = plots.information_curve(
            ax, base=self.UNITS[unit], p_min=self.P_MIN, unit=unit
        )
        (self.marker,) = ax.plot(
            [], [], "o", color=plots.COLORS["accent"], ms=8, zorder=3
        )
        (self.guide,) = ax.plot([], [], ":", color=plots.COLORS["accent"], lw=1.2)
        self.ax = ax
        self.title = ax.set_title(" ")
        self.unit = None
        super().__init__(
            controls,
            figure,
            "Information of an event",
            moving=[self.marker, self.guide, self.title],
        )

    def draw(self, p, unit) -> bool:
        base = self.UNITS[unit]
        unit_changed = unit != self.unit
        if unit_changed:
            self.unit = unit
            self.curve.set_ydata(information(self.grid, base=base))
            self.ax.set_ylim(0, information(self.P_MIN, base=base) * 1.05)
            self.ax.set_ylabel(f"information $-\\log p$ ({unit})")
        value = information(p, base=base)
        self.marker.set_data([p], [value])
        self.guide.set_data([0, p, p], [value, value, 0])
        coins = information(p)
        self.title.set_text(
            f"p = {p:.3f}: {value:.3f} {unit}, like {coins:.2f} fair coins all heads"
        )
        return unit_changed


#: Height of the equilateral probability triangle with unit sides.
SIMPLEX_HEIGHT = float(np.sqrt(3) / 2)


def simplex_xy(p):
    """Where the distributions ``p``, of shape ``(..., 3)``, sit in the triangle.

    Outcome 0 is the bottom-left corner, outcome 1 the bottom-right, outcome 2 the top.
    Returns the ``x`` and ``y`` coordinates as arrays of shape ``p.shape[:-1]``.
    """
    p = np.asarray(p, dtype=float)
    return p[..., 1] + 0.5 * p[..., 2], SIMPLEX_HEIGHT * p[..., 2]


def simplex_points(resolution=200):
    """The distributions at the pixels of a ``resolution``-wide picture of the triangle.

    Returns an array of shape ``(rows, resolution, 3)``: the three probabilities at the
    centre of each pixel (row 0 at the bottom), and NaN for pixels outside the triangle.
    """
    rows = round(resolution * SIMPLEX_HEIGHT)
    x = (np.arange(resolution) + 0.5) / resolution
    y = (np.arange(rows) + 0.5) / rows * SIMPLEX_HEIGHT
    x, y = np.meshgrid(x, y)
    p2 = y / SIMPLEX_HEIGHT
    p1 = x - 0.5 * p2
    p0 = 1.0 - p1 - p2
    points = np.stack([p0, p1, p2], axis=-1)
    points[(points < 0).any(axis=-1)] = np.nan
    return points


def simplex_heatmap(
    ax, values, labels=("1", "2", "3"), label="entropy (bits)", vmax=None
):
    """Colour the probability triangle by ``values``, one per pixel.

    The pixels are those of :func:`simplex_points`.

    ``values`` has the shape of ``simplex_points(...)[..., 0]``, NaN outside the
    triangle. Corners are labelled with ``labels``. Returns the colourbar.
    """
    values = np.ma.masked_invalid(values)
    image = ax.imshow(
        values,
        origin="lower",
        extent=(0, 1, 0, SIMPLEX_HEIGHT),
        cmap="viridis",
        vmin=0,
        vmax=vmax,
        interpolation="nearest",
    )
    corners = np.array([[0, 0], [1, 0], [0.5, SIMPLEX_HEIGHT], [0, 0]])
    ax.plot(corners[:, 0], corners[:, 1], color=plots.COLORS["ink"], lw=1)
    offsets = [
        (-6, -6, "right", "top"),
        (6, -6, "left", "top"),
        (0, 8, "center", "bottom"),
    ]
    for (x, y), text, (dx, dy, ha, va) in zip(corners[:3], labels, offsets):
        ax.annotate(
            text,
            (x, y),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=10,
            fontweight="bold",
        )
    ax.set_xlim(-0.12, 1.12)
    ax.set_ylim(-0.1, SIMPLEX_HEIGHT + 0.12)
    ax.set_aspect("equal")
    ax.axis("off")
    colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    colorbar.set_label(label)
    return colorbar


class SimplexExplorer(Explorer):
    """Move a distribution over three outcomes around the probability triangle.

    Two sliders set the first two probabilities; the third is what is left. The
    triangle is coloured by entropy (computed once), the point marks the current
    distribution, and a line on the colour bar marks its entropy.
    """

    RESOLUTION = 240
    TOLERANCE = 1e-9

    def __init__(self, p=(0.5, 0.3), labels=("A", "B", "C")):
        if len(p) != 2:
            raise ValueError(
                "p must hold the first two probabilities (the third is the "
                f"remainder), but got {len(p)} values."
            )
        if len(labels) != 3:
            raise ValueError(
                f"labels must name the three outcomes, but got {len(labels)} labels."
            )
        if not all(0 <= float(v) <= 1 for v in p) or sum(p) > 1 + self.TOLERANCE:
            raise ValueError(
                f"p must be two probabilities between 0 and 1 with a sum of at most 1, "
                f"but got {tuple(p)}."
            )
        self.labels = list(labels)
        controls = {
            f"p{i}": w.FloatSlider(
                value=float(v),
                min=0.0,
                max=1.0,
                step=0.01,
                readout_format=".2f",
                description=f"p({label})",
                layout=w.Layout(width="300px"),
            )
            for i, (v, label) in enumerate(zip(p, labels[:2]))
        }
        figure, (ax, bars_ax) = widget_figure(
            width=7.4, height=3.6, ncols=2, width_ratios=(1.7, 1)
        )
        points = simplex_points(self.RESOLUTION)
        inside = ~np.isnan(points[..., 0])
        values = np.full(points.shape[:2], np.nan)
        values[inside] = entropy(np.clip(points[inside], 0, 1))
        colorbar = simplex_heatmap(ax, values, self.labels, vmax=float(np.log2(3)))
        (self.marker,) = ax.plot(
            [],
            [],
            "o",
            ms=11,
            mfc="white",
            mec=plots.COLORS["accent"],
            mew=2.5,
            zorder=4,
        )
        self.level = colorbar.ax.axhline(0, color=plots.COLORS["accent"], lw=3)
        self.bars = plots.distribution_bars(
            bars_ax, [1 / 3] * 3, self.labels, values=False
        )
        bars_ax.set_ylim(0, 1)
        bars_ax.set_ylabel("")
        bars_ax.set_title("probabilities", fontsize=10, fontweight="normal")
        figure.get_layout_engine().set(w_pad=0.02, wspace=0.12)
        self.title = figure.suptitle(" ", fontsize=11, fontweight="bold")
        super().__init__(
            controls,
            figure,
            "Entropy of three outcomes",
            moving=[self.marker, self.level, *self.bars, self.title],
        )

    def draw(self, p0, p1) -> bool:
        rest = 1.0 - p0 - p1
        if rest < -self.TOLERANCE:
            self.marker.set_visible(False)
            self.level.set_visible(False)
            for bar, value in zip(self.bars, (p0, p1, 0.0)):
                bar.set_height(value)
            first, second = self.labels[:2]
            self.title.set_text(
                f"p({first}) + p({second}) = {p0 + p1:.2f} is more than 1: "
                "lower one of them"
            )
            return False
        p = np.array([p0, p1, max(rest, 0.0)])
        h = entropy(p)
        x, y = simplex_xy(p)
        self.marker.set_data([x], [y])
        self.marker.set_visible(True)
        self.level.set_ydata([h, h])
        self.level.set_visible(True)
        for bar, value in zip(self.bars, p):
            bar.set_height(value)
        self.title.set_text(
            f"P = ({p[0]:.2f}, {p[1]:.2f}, {p[2]:.2f}):  H = {h:.3f} bits"
        )
        return False


class CodeExplorer(Explorer):
    """Shape a distribution over a few symbols and watch its Huffman code change.

    Sliders set a weight per symbol (shown normalised, via :func:`normalize`). Bars
    show each codeword's length, black ticks the ideal length ``-log2 p``, and the
    title the average length L against the entropy H.
    """

    YMAX = 9.0

    def __init__(
        self, weights=(0.4, 0.3, 0.15, 0.1, 0.05), labels=("A", "B", "C", "D", "E")
    ):
        controls = weight_sliders(weights, labels, width="220px")
        if not 2 <= len(labels) <= 8:
            raise ValueError(
                f"the explorer shows 2 to 8 symbols, but got {len(labels)}."
            )
        self.labels = list(labels)
        figure, (ax,) = widget_figure(height=3.4)
        n = len(labels)
        artists = plots.code_length_bars(
            ax,
            self.labels,
            {"Huffman code length": np.ones(n)},
            ideal=np.ones(n),
            codewords=["0"] * n,
            ymax=self.YMAX,
        )
        self.bars = artists["bars"]["Huffman code length"]
        self.ideal, self.words = artists["ideal"], artists["words"]
        for text in self.words:
            text.set_rotation(0)
        # Few glyphs per update keep it fast: the "p =" is drawn once, the numbers move.
        ax.text(
            -0.47,
            self.YMAX * 0.82,
            "p =",
            ha="left",
            va="bottom",
            fontsize=9,
            color=plots.COLORS["ink"],
        )
        self.probabilities = [
            ax.text(
                i,
                self.YMAX * 0.82,
                "",
                ha="center",
                va="bottom",
                fontsize=9,
                color=plots.COLORS["ink"],
            )
            for i in range(n)
        ]
        self.title = ax.set_title(" ")
        super().__init__(
            controls,
            figure,
            "Huffman code of a distribution",
            moving=[
                *self.bars,
                self.ideal,
                *self.words,
                *self.probabilities,
                self.title,
            ],
        )

    def draw(self, **weights) -> bool:
        raw = weights_from(weights, len(self.labels))
        if explain_zero_weights(self.title, raw, item="symbol"):
            return False
        p = normalize(raw)
        code = huffman_code(p, self.labels)
        ideal = ideal_lengths(p)
        ideal[np.isinf(ideal)] = np.nan  # no tick for a symbol that never occurs
        lengths = [len(code.get(label, "")) for label in self.labels]
        heights = plots.codeword_heights(lengths, ideal, self.YMAX)
        for i, label in enumerate(self.labels):
            self.bars[i].set_height(lengths[i])
            self.words[i].set_text(code.get(label, "no codeword"))
            self.words[i].set_y(heights[i])
            self.probabilities[i].set_text(f"{p[i]:.2f}")
        self.ideal.set_ydata(ideal)
        length = average_length(p, code, self.labels)
        self.title.set_text(f"L = {length:.3f} bits,  H = {entropy(p):.3f} bits")
        return False


def measure_bars(ax, values, labels, colors=None, unit="bits", xmax=None):
    """Horizontal bars of information measures, each labelled with its value.

    A value beyond ``xmax`` (infinity included) draws a bar to the right edge with its
    label inside. Returns ``(bars, texts)``; :func:`set_measure_bars` moves them to new
    values.
    """
    values = [float(v) for v in values]
    finite = [v for v in values if np.isfinite(v)]
    xmax = xmax or max([1.0, *finite]) * 1.3
    y = np.arange(len(values))
    colors = colors or [plots.COLORS["p"]] * len(values)
    bars = ax.barh(y, np.zeros(len(values)), color=colors, height=0.65)
    ink = plots.COLORS["ink"]
    texts = [ax.text(0, yi, "", va="center", fontsize=9, color=ink) for yi in y]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, xmax)
    ax.set_xlabel(unit)
    ax.grid(axis="y", visible=False)
    set_measure_bars(bars, texts, values, xmax, unit)
    return bars, texts


def set_measure_bars(bars, texts, values, xmax, unit="bits"):
    """Give the bars and labels of :func:`measure_bars` new ``values``.

    ``xmax`` is where the axis ends: a bar that leaves no room for its label after it
    carries the label inside, and stops at ``xmax`` if it is longer.
    """
    for bar, text, value in zip(bars, texts, values):
        value = float(value)
        if value <= xmax * 0.8:  # room for the label after the bar
            bar.set_width(value)
            text.set_text(f" {value:.3f} {unit}".rstrip())
            text.set_x(value)
            text.set_horizontalalignment("left")
            text.set_color(plots.COLORS["ink"])
        else:  # the label goes inside the bar, which stops at the axis end
            bar.set_width(min(value, xmax))
            text.set_text(
                f"{value:.3f} {unit}".rstrip() + " " if np.isfinite(value) else "∞ "
            )
            text.set_x(min(value, xmax))
            text.set_horizontalalignment("right")
            text.set_color("white")


class CrossEntropyExplorer(Explorer):
    """Shape two distributions P and Q; read their entropies and cross-entropies.

    A slider per outcome sets the weight of that outcome in P (and in Q); the weights
    are turned into probabilities explicitly with :func:`infotheory.normalize`. The
    bars on the right show ``H(P)``, ``H(P, Q)``, ``H(Q)`` and ``H(Q, P)`` in bits.
    """

    LABELS = ("$H(P)$", "$H(P, Q)$", "$H(Q)$", "$H(Q, P)$")
    #: The bits axis is fixed, so that an update never redraws the whole figure; longer
    #: bars stop at its end and show their value inside.
    XMAX = 6.0

    def __init__(
        self,
        p=(0.5, 0.25, 0.125, 0.125),
        q=(0.25, 0.125, 0.125, 0.5),
        labels=("A", "B", "C", "D"),
    ):
        if not len(p) == len(q) == len(labels):
            raise ValueError(
                f"p has {len(p)} weights, q has {len(q)} and labels has {len(labels)}; "
                f"give one weight in each and one label per outcome."
            )
        for name, weights in (("p", p), ("q", q)):
            if any(not 0 <= float(x) <= 1 for x in weights):
                raise ValueError(
                    f"{name} weights must lie between 0 and 1 (the slider range), "
                    f"but got {list(weights)}."
                )
        self.labels = list(labels)
        self.n = len(labels)
        # A browser slider holds only multiples of its step: on first render it moves
        # any other value to the nearest step and sends that back, so the live page
        # would start at other numbers than the stored picture and the prose. A step
        # of 0.005 holds eighths exactly (0.125 is 25 steps); a default off the steps
        # is refused rather than shown wrong.
        step = 0.005
        controls = {}
        for name, weights in (("p", p), ("q", q)):
            for i, (weight, label) in enumerate(zip(weights, labels)):
                steps = float(weight) / step
                if abs(steps - round(steps)) > 1e-9:
                    raise ValueError(
                        f"{name} weight {float(weight)!r} ({label}) is not a multiple "
                        f"of the slider step {step}, so the live slider would move it; "
                        f"round the weights to multiples of {step}."
                    )
                controls[f"{name}{i}"] = w.FloatSlider(
                    value=float(weight),
                    min=0.0,
                    max=1.0,
                    step=step,
                    readout_format=".3f",
                    description=f"{name.upper()}: {label}",
                    layout=w.Layout(width="190px"),
                )
        figure, (bars_ax, measures_ax) = widget_figure(width=7.0, height=3.0, ncols=2)
        uniform = np.full(self.n, 1 / self.n)
        self.p_bars, self.q_bars = plots.compare_bars(
            bars_ax, uniform, uniform, self.labels
        )
        bars_ax.set_ylim(0, 1)
        colors = [
            plots.COLORS["p"],
            plots.COLORS["sky"],
            plots.COLORS["q"],
            plots.COLORS["purple"],
        ]
        self.measure_bars, self.measure_texts = measure_bars(
            measures_ax, [0.0] * 4, self.LABELS, colors, xmax=self.XMAX
        )
        measures_ax.set_xlabel("bits")
        self.title = figure.suptitle(" ", fontsize=11)
        super().__init__(
            controls,
            figure,
            "Cross-entropy of two distributions",
            moving=[
                *self.p_bars,
                *self.q_bars,
                *self.measure_bars,
                *self.measure_texts,
                self.title,
            ],
        )

    def draw(self, **values) -> bool:
        raw_p = weights_from(values, self.n, prefix="p")
        raw_q = weights_from(values, self.n, prefix="q")
        for name, raw in (("P", raw_p), ("Q", raw_q)):
            if explain_zero_weights(self.title, raw, of=name):
                return False
        p, q = normalize(raw_p), normalize(raw_q)
        for bar, value in zip(self.p_bars, p):
            bar.set_height(value)
        for bar, value in zip(self.q_bars, q):
            bar.set_height(value)
        measures = [
            entropy(p),
            cross_entropy(p, q),
            entropy(q),
            cross_entropy(q, p),
        ]
        set_measure_bars(
            self.measure_bars, self.measure_texts, measures, self.XMAX, unit=""
        )
        gaps = [
            f"{g:.3f}" if np.isfinite(g) else "∞"
            for g in (measures[1] - measures[0], measures[3] - measures[2])
        ]
        self.title.set_text(f"extra bits: {gaps[0]} on P's data, {gaps[1]} on Q's")
        return False


class GaussianFitExplorer(Explorer):
    """Fit one Gaussian to two peaks by forward and reverse KL as the peaks move apart.

    ``P`` mixes two Gaussians of width ``std`` whose centres lie ``separation`` apart.
    The forward fit minimises ``D(P || Q)`` and the reverse fit ``D(Q || P)``, both with
    :func:`infotheory.fit_gaussian`; every separation the slider offers is fitted once,
    when the explorer is built, so that moving the slider only swaps curves.
    """

    SEPARATIONS = tuple(np.round(np.arange(0.0, 7.01, 0.5), 2))

    def __init__(
        self, separation=4.0, weights=(0.6, 0.4), std=1.0, grid=None, window=(-9.0, 9.0)
    ):
        if separation not in self.SEPARATIONS:
            raise ValueError(
                f"separation must be one of {list(self.SEPARATIONS)}, "
                f"but got {separation!r}."
            )
        grid = np.linspace(-16, 16, 161) if grid is None else grid
        self.fits = {}
        for s in self.SEPARATIONS:
            p = gaussian_mixture(grid, [-s / 2, s / 2], [std, std], weights)
            self.fits[s] = (
                p,
                fit_gaussian(p, grid, "forward"),
                fit_gaussian(p, grid, "reverse"),
            )
        spacing = float(grid[1] - grid[0])
        shown = (grid >= window[0]) & (grid <= window[1])
        self.curves = {
            s: tuple(d[shown] / spacing for d in (p, forward.q, reverse.q))
            for s, (p, forward, reverse) in self.fits.items()
        }
        controls = {
            "separation": w.SelectionSlider(
                options=self.SEPARATIONS,
                value=separation,
                description="separation",
                layout=w.Layout(width="420px"),
            ),
        }
        figure, (ax,) = widget_figure(height=3.4)
        first = self.curves[separation]
        self.p_line, (self.forward_line, self.reverse_line) = plots.density_fits(
            ax,
            grid[shown],
            first[0],
            first[1:],
            [
                "$P$: two peaks",
                r"forward fit, min $D(P\,\|\,Q)$",
                r"reverse fit, min $D(Q\,\|\,P)$",
            ],
            fill=False,
        )
        top = max(float(np.max(c)) for curves in self.curves.values() for c in curves)
        ax.set_ylim(0, top * 1.3)
        self.title = ax.set_title(" ", fontsize=10, fontweight="normal")
        super().__init__(
            controls,
            figure,
            "Forward and reverse KL fits",
            moving=[self.p_line, self.forward_line, self.reverse_line, self.title],
        )

    def draw(self, separation) -> bool:
        p, forward, reverse = self.curves[separation]
        self.p_line.set_ydata(p)
        self.forward_line.set_ydata(forward)
        self.reverse_line.set_ydata(reverse)
        _, f, r = self.fits[separation]
        self.title.set_text(
            f"forward: mean {f.mean:.2f}, std {f.std:.2f}    "
            f"reverse: mean {r.mean:.2f}, std {r.std:.2f}"
        )
        return False


def gradient_bars(ax, gradient, labels=None, limit=1.0):
    """The gradient of the loss with respect to each logit, as bars around zero.

    Negative bars (the logit should rise) point down, positive ones up. Returns the
    bar container.
    """
    gradient = np.asarray(gradient, dtype=float)
    x = np.arange(len(gradient))
    bars = ax.bar(x, gradient, width=0.6, color=plots.COLORS["accent"])
    ax.axhline(0.0, color=plots.COLORS["ink"], lw=0.8)
    ax.set_xticks(x, labels if labels is not None else [str(i) for i in x])
    ax.set_ylim(-limit, limit)
    ax.set_ylabel("gradient of the loss")
    ax.grid(axis="x", visible=False)
    return bars


class SoftmaxExplorer(Explorer):
    """Move the logits, the temperature, the true class and the label smoothing of a
    softmax classifier's output; watch its probabilities, its loss and its gradient.

    The model's distribution is ``q = softmax(z / T)``; the target ``p`` is the true
    class, smoothed by ``smoothing``. The left panel shows ``p`` and ``q`` and the loss
    in bits and nats with its floor ``H(P)``; the right panel the gradient of the loss
    in nats with respect to the logits the softmax receives, ``z / T``: ``q - p``
    (with respect to ``z`` itself it is ``(q - p) / T``). It always lies between -1
    and 1, so its axis never has to change.
    """

    LOGIT_RANGE = (-6.0, 6.0)
    TEMPERATURE_RANGE = (0.25, 4.0)
    SMOOTHING_RANGE = (0.0, 0.5)

    def __init__(
        self,
        logits=(2.0, 1.0, 0.1),
        label=0,
        temperature=1.0,
        smoothing=0.0,
        class_names=("cat", "dog", "bird"),
    ):
        logits = [float(v) for v in logits]
        if len(logits) != len(class_names):
            raise ValueError(
                f"logits has {len(logits)} entries but class_names has "
                f"{len(class_names)}; give one logit per class."
            )
        low, high = self.LOGIT_RANGE
        if not all(low <= v <= high for v in logits):
            raise ValueError(
                f"every logit must lie between {low} and {high} (the slider range), "
                f"but got {logits}."
            )
        if label not in range(len(class_names)):
            raise ValueError(
                f"label must be a class index from 0 to {len(class_names) - 1}, "
                f"but got {label!r}."
            )
        for name, value, (low, high) in (
            ("temperature", temperature, self.TEMPERATURE_RANGE),
            ("smoothing", smoothing, self.SMOOTHING_RANGE),
        ):
            if not low <= value <= high:
                raise ValueError(
                    f"{name} must lie between {low} and {high}, but got {value!r}."
                )
        self.class_names = list(class_names)
        slider = dict(
            min=self.LOGIT_RANGE[0],
            max=self.LOGIT_RANGE[1],
            step=0.1,
            readout_format=".1f",
            layout=w.Layout(width="250px"),
        )
        controls = {
            f"z{i}": w.FloatSlider(value=v, description=f"z {name}", **slider)
            for i, (v, name) in enumerate(zip(logits, class_names))
        }
        controls["temperature"] = w.FloatSlider(
            value=temperature,
            min=self.TEMPERATURE_RANGE[0],
            max=self.TEMPERATURE_RANGE[1],
            step=0.05,
            description="temperature",
            readout_format=".2f",
            layout=w.Layout(width="250px"),
        )
        controls["smoothing"] = w.FloatSlider(
            value=smoothing,
            min=self.SMOOTHING_RANGE[0],
            max=self.SMOOTHING_RANGE[1],
            step=0.01,
            description="smoothing",
            readout_format=".2f",
            layout=w.Layout(width="250px"),
        )
        controls["label"] = w.ToggleButtons(
            options=[(name, i) for i, name in enumerate(class_names)],
            value=label,
            description="true class",
            style={"button_width": "60px"},
        )
        figure, (left, right) = widget_figure(width=7.6, height=3.3, ncols=2)
        k = len(class_names)
        self.p_bars, self.q_bars = plots.compare_bars(
            left,
            np.full(k, 1 / k),
            np.full(k, 1 / k),
            self.class_names,
            p_label="target P",
            q_label="model Q",
        )
        left.set_ylim(0, 1.05)
        self.gradient_bars = gradient_bars(
            right, np.zeros(k), self.class_names, limit=1.05
        )
        right.set_ylabel(r"$\partial L / \partial (z_j / T)$ (nats)")
        self.loss_title = left.set_title(" \n ", fontsize=10)
        right.set_title("gradient q \u2212 p of the loss", fontsize=10)
        super().__init__(
            controls,
            figure,
            "Softmax, loss and gradient",
            moving=[*self.p_bars, *self.q_bars, *self.gradient_bars, self.loss_title],
        )

    def draw(self, temperature, smoothing, label, **logits) -> bool:
        z = (
            np.array([logits[f"z{i}"] for i in range(len(self.class_names))])
            / temperature
        )
        p = smooth_labels([label], len(z), smoothing)[0]
        q = softmax(z)
        bits = cross_entropy_loss(z, p)
        nats = cross_entropy_loss(z, p, base=np.e)
        gradient = cross_entropy_loss_gradient(z, p, base=np.e)
        for bars, values in (
            (self.p_bars, p),
            (self.q_bars, q),
            (self.gradient_bars, gradient),
        ):
            for bar, value in zip(bars, values):
                bar.set_height(value)
        self.loss_title.set_text(
            f"loss H(P,Q) = {bits:.3f} bits = {nats:.3f} nats\n"
            f"= floor H(P) {entropy(p):.3f} + KL {kl_divergence(p, q):.3f} bits"
        )
        return False


# ----------------------------------------------------------------- joint distributions

from .joint import (  # noqa: E402 (imported with the explorer that uses it)
    conditional_entropy,
    joint_entropy,
    marginals,
    mutual_information,
)


class JointExplorer(Explorer):
    """Shape the joint table of two yes/no variables and watch its entropies add up.

    Three sliders set ``P(X = 1)``, ``P(Y = 1 | X = 0)`` and ``P(Y = 1 | X = 1)``; they
    fix the 2x2 joint table, shown on the left (rows X, columns Y, with the marginals
    beside and below). On the right, bars to scale on one axis of bits: ``H(X, Y)``;
    ``H(X)`` from its left end and ``H(Y)`` from its right end; and below them
    ``H(X | Y)``, ``I(X; Y)`` and ``H(Y | X)``, which fill ``H(X, Y)`` exactly, so that
    ``H(X) = H(X | Y) + I(X; Y)`` and ``H(Y) = I(X; Y) + H(Y | X)`` can be read off.
    X and Y are independent exactly when the two conditional sliders agree (or X is
    certain): then ``I(X; Y)`` vanishes and the title says so.

    Every slider moves in steps of 0.01, and the values it starts at must be on those
    steps (a browser snaps a slider to its steps, so the live explorer would not
    start where its static picture is).
    """

    STEP = 0.01
    LABELS = (
        "$H(X, Y)$",
        "$H(X)$",
        "$H(Y)$",
        "$H(X \\mid Y)$",
        "$I(X; Y)$",
        "$H(Y \\mid X)$",
    )
    #: The bits axis: a 2x2 table has at most 2 bits; the rest is room for values.
    XMAX = 2.45

    def __init__(
        self,
        p_x=0.25,
        p_y_given_x=(0.0, 0.5),
        x_labels=("X = 0", "X = 1"),
        y_labels=("Y = 0", "Y = 1"),
    ):
        if len(p_y_given_x) != 2:
            raise ValueError(
                f"p_y_given_x must hold two probabilities, P(Y = 1 | X = 0) and "
                f"P(Y = 1 | X = 1), but got {p_y_given_x!r}."
            )
        for name, value in (
            ("p_x", p_x),
            ("p_y_given_x[0]", p_y_given_x[0]),
            ("p_y_given_x[1]", p_y_given_x[1]),
        ):
            value = float(value)
            if not (0 <= value <= 1 and value == round(value / self.STEP) * self.STEP):
                raise ValueError(
                    f"{name} must be a multiple of {self.STEP} between 0 and 1 (the "
                    f"slider's steps), but got {value!r}; round it to two decimals."
                )
        if len(x_labels) != 2 or len(y_labels) != 2:
            raise ValueError(
                f"x_labels and y_labels must name the two values of X and of Y, but "
                f"got {list(x_labels)} and {list(y_labels)}."
            )
        self.x_labels, self.y_labels = list(x_labels), list(y_labels)
        slider = dict(
            min=0.0,
            max=1.0,
            step=self.STEP,
            readout_format=".2f",
            layout=w.Layout(width="330px"),
        )
        yes = y_labels[1]
        controls = {
            "p_x": w.FloatSlider(
                value=float(p_x), description=f"P({x_labels[1]})", **slider
            ),
            "p_y0": w.FloatSlider(
                value=float(p_y_given_x[0]),
                description=f"P({yes} | {x_labels[0]})",
                **slider,
            ),
            "p_y1": w.FloatSlider(
                value=float(p_y_given_x[1]),
                description=f"P({yes} | {x_labels[1]})",
                **slider,
            ),
        }
        figure, (self.ax_table, self.ax_bars) = widget_figure(
            width=7.6, height=3.3, ncols=2, width_ratios=[1, 1.5]
        )
        self._build_table(self.ax_table)
        self._build_bars(self.ax_bars)
        self.title = figure.suptitle(" ", fontsize=11)
        super().__init__(
            controls,
            figure,
            "Joint entropy, conditional entropy and mutual information",
            moving=[
                self.table_image,
                *self.cell_texts,
                *self.margin_texts,
                *self.bars,
                *self.bar_texts,
                *self.guides,
                self.title,
            ],
        )

    def _build_table(self, ax):
        ink = plots.COLORS["ink"]
        self.table_image = ax.imshow(
            np.zeros((2, 2)),
            cmap="Blues",
            vmin=0,
            vmax=1,
            extent=(-0.5, 1.5, 1.5, -0.5),
        )
        self.cell_texts = [
            ax.text(j, i, "", ha="center", va="center", fontsize=11)
            for i in range(2)
            for j in range(2)
        ]
        # Marginals: P(X) to the right of each row, P(Y) below each column.
        self.margin_texts = [
            ax.text(1.95, i, "", ha="center", va="center", fontsize=10, color=ink)
            for i in range(2)
        ] + [
            ax.text(j, 1.95, "", ha="center", va="center", fontsize=10, color=ink)
            for j in range(2)
        ]
        ax.text(1.95, -0.75, "P(X)", ha="center", va="center", fontsize=10)
        ax.text(-0.85, 1.95, "P(Y)", ha="right", va="center", fontsize=10)
        ax.set_xlim(-0.5, 2.4)
        ax.set_ylim(2.4, -0.5)
        ax.set_xticks([0, 1], self.y_labels)
        ax.set_yticks([0, 1], self.x_labels)
        ax.xaxis.tick_top()
        ax.xaxis.set_label_position("top")
        ax.set_xlabel("Y")
        ax.set_ylabel("X", rotation=0, labelpad=10)
        ax.tick_params(length=0)
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_aspect("equal")

    def _build_bars(self, ax):
        colors = [
            plots.COLORS["grey"],
            plots.COLORS["p"],
            plots.COLORS["q"],
            plots.COLORS["sky"],
            plots.COLORS["good"],
            plots.COLORS["accent"],
        ]
        y = np.arange(len(self.LABELS))
        self.bars = list(ax.barh(y, np.zeros(len(y)), color=colors, height=0.62))
        self.bar_texts = [
            ax.text(0, yi, "", va="center", fontsize=9, color=plots.COLORS["ink"])
            for yi in y
        ]
        self.guides = [
            ax.axvline(0, color=plots.COLORS["grey"], lw=0.8, ls=":") for _ in range(3)
        ]
        ax.set_yticks(y, self.LABELS)
        ax.invert_yaxis()
        ax.set_xlim(0, self.XMAX)
        ax.set_xticks([0, 0.5, 1, 1.5, 2])
        ax.set_xlabel("bits")
        ax.grid(axis="y", visible=False)

    def draw(self, p_x, p_y0, p_y1):
        pxy = np.array(
            [[(1 - p_x) * (1 - p_y0), (1 - p_x) * p_y0], [p_x * (1 - p_y1), p_x * p_y1]]
        )
        self.pxy = pxy
        px, py = marginals(pxy)
        h_x, h_y, h_xy = entropy(px), entropy(py), joint_entropy(pxy)
        h_y_given_x = conditional_entropy(pxy)
        h_x_given_y = conditional_entropy(pxy, given="columns")
        i = mutual_information(pxy)
        self.values_shown = {
            "H(X,Y)": h_xy,
            "H(X)": h_x,
            "H(Y)": h_y,
            "H(X|Y)": h_x_given_y,
            "I(X;Y)": i,
            "H(Y|X)": h_y_given_x,
        }
        self.table_image.set_data(pxy)
        for text, value in zip(self.cell_texts, pxy.ravel()):
            text.set_text(f"{value:.3f}")
            text.set_color("white" if value > 0.55 else plots.COLORS["ink"])
        for text, value in zip(self.margin_texts, [*px, *py]):
            text.set_text(f"{value:.3f}")
        # MacKay's layout: the three parts of H(X, Y) side by side, H(X) and H(Y)
        # over the parts they are made of.
        cut_left, cut_right = h_x_given_y, h_x_given_y + i
        spans = [
            (0.0, h_xy),
            (0.0, cut_right),
            (cut_left, h_xy),
            (0.0, cut_left),
            (cut_left, cut_right),
            (cut_right, h_xy),
        ]
        for bar, text, (start, end), value in zip(
            self.bars, self.bar_texts, spans, self.values_shown.values()
        ):
            bar.set_x(start)
            bar.set_width(end - start)
            text.set_x(end + 0.03)
            text.set_text(f"{value:.3f}")
        for guide, x in zip(self.guides, (cut_left, cut_right, h_xy)):
            guide.set_xdata([x, x])
        independent = p_y0 == p_y1 or p_x in (0.0, 1.0)
        if independent:
            self.title.set_text(
                "X and Y are independent: I(X;Y) = 0 and H(X,Y) = H(X) + H(Y)"
            )
        else:
            self.title.set_text(
                f"I(X;Y) = H(X) + H(Y) \u2212 H(X,Y) = {i:.3f} bits shared"
            )
        return False


def _python_essays() -> str:
    """English prose that ships with Python: the Zen of Python and François Pinard's
    essay on heaps (the default text of :class:`NgramExplorer`)."""
    import codecs
    import contextlib
    import heapq

    with contextlib.redirect_stdout(io.StringIO()):
        import this  # prints the Zen the first time: keep only its text
    return codecs.decode(this.s, "rot13") + "\n\n" + heapq.__about__


def _corpus_model(path, share=0.9, order=8, alphabet="", model=None, held_out=None):
    """A character model of order ``order`` trained on the first ``share`` of the
    text file at ``path`` (its alphabet: the characters trained on and those of
    ``alphabet``), and the rest of the file, held out.

    Given the ``model`` and ``held_out`` text a lesson already made, they are checked
    against the file (the held-out text, the order and the alphabet) and returned,
    which saves training the model twice.
    """
    from .ngram import CharNgramModel

    if not 0 < share < 1:
        raise ValueError(
            f"corpus share must be between 0 and 1 (the part trained on), but got "
            f"{share!r}."
        )
    with open(path, encoding="utf-8") as file:
        text = file.read()
    cut = int(share * len(text))
    if model is None and held_out is None:
        model = CharNgramModel(text[:cut], n=order, alphabet=alphabet)
        return model, text[cut:]
    symbols = "".join(sorted(set(text[:cut]) | set(alphabet)))
    if not (
        isinstance(model, CharNgramModel)
        and model.n == order
        and model.symbols == symbols
        and held_out == text[cut:]
    ):
        raise ValueError(
            "model and text are not what corpus makes: pass the model trained on the "
            "first share of the file, with its order and alphabet, and the rest of "
            "the file as text (or pass corpus alone)."
        )
    return model, held_out


class NgramExplorer(Explorer):
    """Choose the order and the discount of a character n-gram model; watch its
    cross-entropy on held-out text and a sample of the text it writes itself.

    ``model`` is a :class:`infotheory.CharNgramModel`: the slider offers its orders
    ``1 .. model.n``. ``text`` is the held-out text it is scored on. The left panel
    shows the cross-entropy in bits per character for every order at the chosen
    discount, the chosen order marked; the right panel a sample of ``length``
    characters from the chosen model (:meth:`CharNgramModel.generate` with the
    chosen seed). The cross-entropies of a discount are computed the first time it
    is chosen (:meth:`CharNgramModel.cross_entropy_by_order`, from counts looked up
    once) and remembered, and so are the samples. ``references`` draws labelled
    horizontal lines, such as the bits per character of other compressors.

    ``corpus`` names a text file and how to cut it: ``{"path": ..., "share": 0.9,
    "order": 8, "alphabet": ""}`` trains a model of order ``order`` on the first
    ``share`` of the file (knowing the characters it sees and those of ``alphabet``)
    and scores it on the rest; ``model`` and ``text``, if given too, must be that
    model and that rest (a lesson that has them saves training again). Only an
    explorer with a corpus (or the defaults) has a recipe, from which the site's
    build makes it again and draws its frames; ``path`` is read relative to the
    lesson's folder.

    By default the model is a 6-gram trained on the first 90% of two pieces of
    English prose that ship with Python (the Zen of Python and the essay on heaps in
    the ``heapq`` module) and scored on the last 10%; the lessons pass real data.
    """

    #: The discounts the slider offers; "estimated" lets every level estimate its own.
    DISCOUNTS = ("estimated", *(round(0.1 * i, 1) for i in range(1, 11)))
    #: Characters per line and lines of the sample shown.
    WIDTH, LINES = 38, 9

    def __init__(
        self,
        model=None,
        text=None,
        n=None,
        discount="estimated",
        seed=0,
        length=200,
        references=None,
        corpus=None,
    ):
        from .ngram import CharNgramModel

        if corpus is not None:
            model, text = _corpus_model(**corpus, model=model, held_out=text)
            # The recipe is the corpus: a page rebuilds the model from the file.
            arguments, problem = self.__dict__["_arguments"]
            arguments.pop("text", None)
            if problem and "argument 'model'" in problem:  # the last one that failed
                problem = None
            self.__dict__["_arguments"] = (arguments, problem)
        if model is None:
            essays = _python_essays()
            cut = int(0.9 * len(essays))
            model = CharNgramModel(essays[:cut], n=6, alphabet=essays)
            text = essays[cut:] if text is None else text
        if not isinstance(model, CharNgramModel):
            raise ValueError(
                f"model must be a CharNgramModel, but got {type(model).__name__}."
            )
        if text is None:
            raise ValueError("text is needed: the held-out text to score the model on.")
        if discount not in self.DISCOUNTS:
            raise ValueError(
                f"discount must be one of {list(self.DISCOUNTS)}, but got {discount!r}."
            )
        self.model, self.text, self.length = model, text, length
        self.curves, self.samples = {}, {}
        default = self.curve(discount)
        n = int(np.argmin(default)) + 1 if n is None else n
        if n not in range(1, model.n + 1):
            raise ValueError(
                f"n must be an order from 1 to {model.n} (the model's), but got {n!r}."
            )
        controls = {
            "n": w.IntSlider(
                value=n,
                min=1,
                max=model.n,
                description="order n",
                layout=w.Layout(width="260px"),
            ),
            "discount": w.SelectionSlider(
                options=self.DISCOUNTS,
                value=discount,
                description="discount",
                layout=w.Layout(width="330px"),
            ),
            "seed": w.IntSlider(
                value=seed,
                min=0,
                max=99,
                description="sample",
                layout=w.Layout(width="240px"),
            ),
        }
        figure, (ax, text_ax) = widget_figure(
            width=7.6, height=3.5, ncols=2, width_ratios=(1.25, 1)
        )
        orders = np.arange(1, model.n + 1)
        self.ax = ax
        ink, grey = plots.COLORS["ink"], plots.COLORS["grey"]
        for name, value in sorted((references or {}).items()):  # as JSON keeps them
            ax.plot([0.6, model.n + 0.4], [value] * 2, color=grey, lw=1, ls="--")
            ax.text(model.n + 0.5, value, name, va="center", fontsize=8, color=grey)
        (self.line,) = ax.plot(
            orders, default, "o-", color=plots.COLORS["p"], ms=4, lw=1.5
        )
        (self.marker,) = ax.plot(
            [], [], "o", ms=10, mfc="none", mec=plots.COLORS["accent"], mew=2.2
        )
        ax.set_xticks(orders)
        ax.set_xlim(0.6, model.n + (1.5 if references else 0.4))
        self.top = 0.0
        # Room for any curve a discount gives, as a rule: none costs more than the
        # log2(alphabet) bits of a uniform guess (the axis grows if one does).
        self._set_top([*default, np.log2(len(model.symbols))])
        ax.set_xlabel("order n (characters seen: n - 1)")
        ax.set_ylabel("bits per character, held out")
        text_ax.axis("off")
        text_ax.set_title(
            "a sample of the model's own text", fontsize=10, fontweight="normal"
        )
        self.sample = figure_words.verbatim(
            text_ax.text(
                0.0,
                1.0,
                "",
                va="top",
                ha="left",
                family="monospace",
                fontsize=9,
                color=ink,
                transform=text_ax.transAxes,
            )
        )
        self.title = figure.suptitle(" ", fontsize=11)
        super().__init__(
            controls,
            figure,
            "A character n-gram model",
            moving=[self.line, self.marker, self.sample, self.title],
        )

    def curve(self, discount) -> np.ndarray:
        """The held-out bits per character of every order at ``discount``."""
        if discount not in self.curves:
            model = self.model.with_discount(
                None if discount == "estimated" else discount
            )
            self.curves[discount] = model.cross_entropy_by_order(self.text)
        return self.curves[discount]

    def sampled(self, n, discount, seed) -> str:
        """``length`` characters sampled from the order-``n`` model."""
        key = (n, discount, seed)
        if key not in self.samples:
            model = self.model.with_order(n).with_discount(
                None if discount == "estimated" else discount
            )
            self.samples[key] = model.generate(self.length, seed=seed)
        return self.samples[key]

    def _set_top(self, values) -> bool:
        """Make room for ``values`` on the bits axis; True if the axis changed."""
        top = max(1.0, float(np.max(values)) * 1.12)
        if top <= self.top:
            return False
        self.top = top
        self.ax.set_ylim(0, top)
        return True

    def draw(self, n, discount, seed) -> bool:
        curve = self.curve(discount)
        changed = self._set_top(curve)
        self.line.set_ydata(curve)
        bits = float(curve[n - 1])
        self.marker.set_data([n], [bits])
        label = "estimated" if discount == "estimated" else f"{discount:.1f}"
        self.title.set_text(
            f"n = {n}, discount {label}: {bits:.3f} bits per character "
            f"(perplexity {2**bits:.2f})"
        )
        lines = []
        for line in self.sampled(n, discount, seed).split("\n"):
            lines += textwrap.wrap(line, self.WIDTH, drop_whitespace=False) or [""]
        self.sample.set_text("\n".join(lines[: self.LINES]))
        return changed
