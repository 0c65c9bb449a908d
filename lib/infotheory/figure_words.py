"""The words inside the book's figures, in its Chinese edition.

A figure's words (axis labels, titles, legends, notes) are matplotlib texts. The
Chinese edition draws each figure a second time with every text replaced by its
translation from a word list, ``locales/zh_CN/figures.json``: a JSON object from
English text to Chinese text. A text's numbers are not part of its entry: they are
written ``⟨1⟩``, ``⟨2⟩``... (:func:`template`), so that ``"H = 1.85 bits"`` and
``"H = 0.97 bits"`` share the entry ``"H = ⟨1⟩ bits"``, and the drawing puts the
figure's own numbers back. Texts without words (numbers, math, one-letter names such
as ``p``) stay as they are.

:func:`use_figure_words` makes every figure a lesson shows carry its Chinese drawing
(mime type :data:`FIGURE_MIME`: SVG for the site, PNG for the PDF, and the texts that
had no entry), where the font for Chinese, :data:`FONT`, is installed; the Chinese
edition's build shows it instead of the English one
(:mod:`infotheory.sphinxext`). Explorers draw their frames through :func:`translated`.
The lessons ask for it through :data:`WORD_LIST_VARIABLE`, which only the book's own
runs set: a reader's run does not spend time on drawings it never shows.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import weakref
from pathlib import Path

from matplotlib.ticker import Formatter

__all__ = [
    "FIGURE_MIME",
    "FONT",
    "FigureWords",
    "has_font",
    "has_words",
    "is_verbatim",
    "template",
    "translated",
    "use_figure_words",
    "verbatim",
]

#: The mime type of a figure's drawing in the Chinese edition.
FIGURE_MIME = "application/vnd.infotheory.figure+json"
#: The environment variable that names the word list for
#: :func:`infotheory.plots.use_book_style`: set by the book's own runs of the lessons
#: (``make execute``, ``make test``), unset in a reader's.
WORD_LIST_VARIABLE = "INFOTHEORY_FIGURE_WORDS"
#: The font of Chinese words in figures (Debian's fonts-noto-cjk), after the style's
#: own font, which keeps every Latin letter, digit and symbol.
FONT = "Noto Sans CJK SC"

_VERBATIM = weakref.WeakSet()
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SLOT = re.compile(r"⟨(\d+)⟩")
_MATH = re.compile(r"\$[^$]*\$")
_WORD = re.compile(r"[A-Za-z]{2,}")


def template(text: str) -> tuple[str, list[str]]:
    """``text`` with its numbers taken out: the entry it has in a word list, and the
    numbers, in order.

    Examples
    --------
    >>> template("H = 1.85 bits after 1,000 draws")
    ('H = ⟨1⟩ bits after ⟨2⟩ draws', ['1.85', '1,000'])
    """
    numbers = _NUMBER.findall(text)
    count = iter(range(1, len(numbers) + 1))
    return _NUMBER.sub(lambda _: f"⟨{next(count)}⟩", text), numbers


def has_words(text: str) -> bool:
    """Whether ``text`` has words to translate: two Latin letters in a row outside
    its math.

    Examples
    --------
    >>> has_words("p = 0.5"), has_words("$H_2(p)$"), has_words("entropy $H$")
    (False, False, True)
    """
    return bool(_WORD.search(_MATH.sub("", text)))


class FigureWords:
    """A word list: English figure texts (as :func:`template` writes them) to their
    translation, which keeps the same numbered slots.

    Parameters
    ----------
    entries : dict
        English template to translated template.

    Raises
    ------
    ValueError
        If an entry's translation is not a non-empty string with the same slots.

    Examples
    --------
    >>> words = FigureWords({"entropy (bits)": "熵（比特）", "⟨1⟩ draws": "⟨1⟩ 次"})
    >>> words.translate("entropy (bits)"), words.translate("500 draws")
    ('熵（比特）', '500 次')
    >>> words.translate("p = 0.5"), words.translate("new words") is None
    ('p = 0.5', True)
    """

    def __init__(self, entries: dict):
        for english, chinese in entries.items():
            if not isinstance(chinese, str) or not chinese.strip():
                raise ValueError(
                    f"the figure text {english!r} needs its translation as a "
                    f"non-empty string, but has {chinese!r}."
                )
            if sorted(_SLOT.findall(english)) != sorted(_SLOT.findall(chinese)):
                raise ValueError(
                    f"the translation {chinese!r} of the figure text {english!r} "
                    "must keep the same numbered slots ⟨1⟩, ⟨2⟩..."
                )
        self.entries = dict(entries)

    @classmethod
    def read(cls, path) -> FigureWords:
        """The word list in the JSON file at ``path``."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def translate(self, text: str) -> str | None:
        """``text`` translated, with its numbers; itself if it has no words; None if
        it has words and no entry."""
        if not has_words(text):
            return text
        key, numbers = template(text)
        if key not in self.entries:
            return None
        return _SLOT.sub(lambda slot: numbers[int(slot[1]) - 1], self.entries[key])


def verbatim(text):
    """Mark the matplotlib ``text`` as a quotation (a sample of English text, a
    name) that the Chinese edition shows as it is; returns it."""
    _VERBATIM.add(text)
    return text


def is_verbatim(text) -> bool:
    """Whether the matplotlib ``text`` is marked :func:`verbatim`."""
    return text in _VERBATIM


@contextlib.contextmanager
def translated(figure, words: FigureWords):
    """Inside the block, every text of ``figure`` reads its translation and Chinese
    characters have a font; yields the set of templates that have no entry (those
    texts stay in English), complete once the figure is drawn. Everything is put
    back afterwards."""
    import matplotlib as mpl
    from matplotlib.text import Text

    missing = set()

    def translation(text: str) -> str:
        translated = words.translate(text)
        if translated is None:
            missing.add(template(text)[0])
        return text if translated is None else translated

    figure.draw_without_rendering()  # places every text, tick labels included
    texts = [t for t in figure.findobj(Text) if t.get_text() and t not in _VERBATIM]
    originals = [t.get_text() for t in texts]
    families = [t.get_fontfamily() for t in texts]
    # Tick labels are written again at every drawing, by their axis's formatters:
    # for the block, each formatter's labels pass through the translation.
    axes = [axis for ax in figure.axes for axis in (ax.xaxis, ax.yaxis)]
    kept = [(axis.major.formatter, axis.minor.formatter) for axis in axes]
    # A glyph a text's own font lacks comes from the next family: for the texts
    # there are, and for those a drawing makes (new tick labels).
    fallback = {"font.family": [*mpl.rcParams["font.family"], FONT]}
    try:
        for axis, (major, minor) in zip(axes, kept):
            axis.major.formatter = _Translating(major, translation)
            axis.minor.formatter = _Translating(minor, translation)
        for text, original, family in zip(texts, originals, families):
            text.set_text(translation(original))
            # Math text draws its words in the text's first font only.
            math = _MATH.search(text.get_text())
            text.set_fontfamily([FONT, *family] if math else [*family, FONT])
        with mpl.rc_context(fallback):
            yield missing  # filled as the figure is drawn
    finally:
        for axis, (major, minor) in zip(axes, kept):
            axis.major.formatter, axis.minor.formatter = major, minor
        for text, original, family in zip(texts, originals, families):
            text.set_text(original)
            text.set_fontfamily(family)


class _Translating(Formatter):
    """A tick formatter that writes what ``formatter`` writes, translated."""

    def __init__(self, formatter, translation):
        self.formatter, self.translation = formatter, translation

    def __call__(self, x, pos=None):
        return self.translation(self.formatter(x, pos))

    def format_ticks(self, values):
        return list(map(self.translation, self.formatter.format_ticks(values)))

    def set_locs(self, locs):
        self.formatter.set_locs(locs)

    def get_offset(self):
        return self.formatter.get_offset()


def has_font() -> bool:
    """Whether matplotlib can draw Chinese words with :data:`FONT`: the font is
    installed and, if matplotlib's list of fonts is older than the font, added."""
    from matplotlib import font_manager

    def found() -> bool:
        try:
            font_manager.findfont(FONT, fallback_to_default=False)
        except ValueError:
            return False
        return True

    if not found():
        for path in font_manager.findSystemFonts():
            if Path(path).name.startswith("NotoSansCJK-Regular"):
                font_manager.fontManager.addfont(path)
    return found()


def _drawings(figure, words: FigureWords) -> dict:
    """The figure's Chinese drawing as SVG and PNG, drawn as IPython draws the
    English one (``IPython.core.pylabtools.print_figure``), and its texts without
    entry."""
    import io

    def drawn(kind: str) -> bytes:
        buffer = io.BytesIO()
        figure.canvas.print_figure(
            buffer,
            format=kind,
            facecolor=figure.get_facecolor(),
            edgecolor=figure.get_edgecolor(),
            dpi=figure.dpi,
            bbox_inches="tight",
            metadata={"Date": None},
        )
        return buffer.getvalue()

    with translated(figure, words) as missing:
        svg, png = drawn("svg"), drawn("png")
    return {
        "image/svg+xml": svg.decode(),
        "image/png": base64.b64encode(png).decode(),
        "untranslated": sorted(missing),
    }


_ACTIVE: list[FigureWords] = []


def active() -> FigureWords | None:
    """The word list :func:`use_figure_words` put to use, if any: explorers then
    carry their Chinese picture too."""
    return _ACTIVE[-1] if _ACTIVE else None


def use_figure_words(path) -> None:
    """Make every figure IPython shows carry its Chinese drawing (:data:`FIGURE_MIME`),
    with the words of the word list at ``path``.

    Outside IPython, without the font for Chinese, or without the word list (a
    lesson downloaded on its own), nothing changes: the figures are drawn as always,
    in English. The book's tests require the drawing of every stored figure."""
    try:
        from IPython import get_ipython
        from IPython.core.formatters import JSONFormatter
        from matplotlib.figure import Figure
        from traitlets import Unicode
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or not Path(path).is_file() or not has_font():
        return
    words = FigureWords.read(path)

    class _ChineseDrawing(JSONFormatter):
        format_type = Unicode(FIGURE_MIME)

    formatters = shell.display_formatter.formatters
    formatter = _ChineseDrawing()
    formatter.for_type(Figure, lambda figure: _drawings(figure, words))
    formatters[FIGURE_MIME] = formatter
    _ACTIVE[:] = [words]
