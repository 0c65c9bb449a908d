"""Tests of infotheory/figure_words.py: the words of figures in the Chinese edition."""

import base64
import json

import matplotlib
import pytest

matplotlib.use("agg")
import matplotlib.pyplot as plt

from infotheory.figure_words import (
    FigureWords,
    _drawings,
    has_font,
    has_words,
    template,
    translated,
    verbatim,
)

WORDS = FigureWords(
    {
        "probability": "概率",
        "entropy (bits)": "熵（比特）",
        "H = ⟨1⟩ bits after ⟨2⟩ draws": "抽取 ⟨2⟩ 次后 H = ⟨1⟩ 比特",
        "sun": "晴",
        "entropy $H_⟨1⟩(p)$ (bits)": "熵 $H_⟨1⟩(p)$（比特）",
        "rain": "雨",
    }
)


def figure():
    fig, ax = plt.subplots()
    ax.bar([0, 1], [0.6, 0.4])
    ax.set_xticks([0, 1], ["sun", "rain"])
    ax.set_xlabel("probability")
    ax.set_ylabel("entropy (bits)")
    ax.set_title("H = 0.97 bits after 1,000 draws")
    ax.annotate("p = 0.6", (0, 0.6))
    return fig


def texts(fig):
    fig.draw_without_rendering()
    return {t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()}


def test_numbers_leave_the_entry_and_come_back_in_the_translation():
    assert template("1.5 bits, 2 bits") == ("⟨1⟩ bits, ⟨2⟩ bits", ["1.5", "2"])
    assert WORDS.translate("H = 0.5 bits after 20 draws") == "抽取 20 次后 H = 0.5 比特"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("p = 0.5", False),
        ("$D_{KL}(P \\Vert Q)$", False),
        ("0.25", False),
        ("KL", True),
        ("entropy $H$", True),
        ("$p$ of heads", True),
    ],
)
def test_only_texts_with_words_need_an_entry(text, words):
    assert has_words(text) is words
    assert (FigureWords({}).translate(text) is None) is words


def test_inside_the_block_the_figure_reads_chinese_and_afterwards_english():
    fig = figure()
    english = texts(fig)
    with translated(fig, WORDS) as missing:
        chinese = texts(fig)
        assert {
            "概率",
            "熵（比特）",
            "抽取 1,000 次后 H = 0.97 比特",
            "晴",
            "雨",
        } <= chinese
        assert "p = 0.6" in chinese
        assert missing == set()
    assert texts(fig) == english
    plt.close(fig)


def test_texts_without_an_entry_stay_english_and_are_named():
    fig = figure()
    fig.suptitle("new words")
    with translated(fig, WORDS) as missing:
        assert "new words" in texts(fig)
    assert missing == {"new words"}
    plt.close(fig)


def test_the_chinese_drawing_has_svg_png_and_what_had_no_entry():
    fig = figure()
    drawing = _drawings(fig, WORDS)
    assert drawing["image/svg+xml"].lstrip().startswith("<?xml")
    assert base64.b64decode(drawing["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert drawing["untranslated"] == []
    assert json.dumps(drawing)  # an output a notebook can store
    plt.close(fig)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"entropy": ""}, "needs its translation as a non-empty string"),
        ({"entropy": None}, "needs its translation as a non-empty string"),
        ({"⟨1⟩ bits": "比特"}, "must keep the same numbered slots"),
        ({"bits": "⟨1⟩ 比特"}, "must keep the same numbered slots"),
    ],
)
def test_a_word_list_with_a_broken_entry_is_refused(entries, message):
    with pytest.raises(ValueError, match=message):
        FigureWords(entries)


def test_the_word_list_is_read_from_json(tmp_path):
    path = tmp_path / "figures.json"
    path.write_text(json.dumps({"probability": "概率"}, ensure_ascii=False), "utf-8")
    assert FigureWords.read(path).translate("probability") == "概率"


def test_chinese_words_are_drawn_in_the_chinese_font(recwarn):
    assert has_font(), "install the font for Chinese: apt-get install fonts-noto-cjk"
    fig = figure()
    fig.axes[0].set_ylabel("entropy $H_2(p)$ (bits)")  # words around math
    drawing = _drawings(fig, WORDS)
    assert drawing["untranslated"] == []
    assert not [w for w in recwarn if "glyph" in str(w.message).lower()]
    plt.close(fig)


def test_a_quotation_stays_as_it_is():
    fig = figure()
    ax = fig.axes[0]
    verbatim(ax.text(0.5, 0.5, "ROMEO: What light"))
    with translated(fig, WORDS) as missing:
        assert "ROMEO: What light" in texts(fig)
    assert missing == set()
    plt.close(fig)


@pytest.fixture
def shell_formatters(monkeypatch):
    """The display formatters of a stand-in IPython shell, empty to begin with."""
    import types

    from infotheory import figure_words

    monkeypatch.setattr(figure_words, "_ACTIVE", [])  # put back after the test
    IPython = pytest.importorskip("IPython")  # in every environment with widgets
    formatter = types.SimpleNamespace(formatters={})
    shell = types.SimpleNamespace(display_formatter=formatter)
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    return formatter.formatters


def test_without_a_word_list_figures_are_drawn_as_always(tmp_path, shell_formatters):
    from infotheory.figure_words import FIGURE_MIME, use_figure_words

    use_figure_words(tmp_path / "missing.json")  # a lesson downloaded on its own
    assert FIGURE_MIME not in shell_formatters
    (tmp_path / "words.json").write_text("{}", encoding="utf-8")
    use_figure_words(tmp_path / "words.json")
    assert FIGURE_MIME in shell_formatters


def test_only_the_books_own_runs_draw_in_chinese(
    tmp_path, monkeypatch, shell_formatters
):
    from infotheory import plots
    from infotheory.figure_words import FIGURE_MIME, WORD_LIST_VARIABLE

    backend = pytest.importorskip("matplotlib_inline.backend_inline")
    monkeypatch.setattr(backend, "set_matplotlib_formats", lambda *args, **kw: None)
    (tmp_path / "words.json").write_text("{}", encoding="utf-8")
    with matplotlib.rc_context():
        monkeypatch.delenv(WORD_LIST_VARIABLE, raising=False)
        plots.use_book_style()  # a reader's run
        assert FIGURE_MIME not in shell_formatters
        monkeypatch.setenv(WORD_LIST_VARIABLE, str(tmp_path / "words.json"))
        plots.use_book_style()  # make execute, make test
        assert FIGURE_MIME in shell_formatters
