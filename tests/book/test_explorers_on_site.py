"""Explorers on the static site: the lessons store recipes, never pictures, and the
build draws every explorer's pictures from them with the current library
(infotheory.sphinxext)."""

import gzip
import json
import re
from types import SimpleNamespace

import nbformat
import pytest

from infotheory import sphinxext, widgets
from infotheory.figure_words import FIGURE_MIME
from tools.lessons import LESSONS, ROOT


def stored_explorers():
    """(lesson, output data) of every explorer the lessons store."""
    found = []
    for path in LESSONS:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                if widgets.RECIPE_MIME in output.get("data", {}):
                    found.append((path.stem, json.loads(json.dumps(output["data"]))))
    return found


EXPLORERS = stored_explorers()
#: Explorers with few pictures: cheap enough to draw again in a test.
CHEAP = ("InformationExplorer", "GaussianFitExplorer", "SimplexExplorer")


def test_lessons_store_a_small_recipe_beside_the_picture_and_no_frames():
    assert len(EXPLORERS) >= 7
    for lesson, data in EXPLORERS:
        assert set(data) == {
            "text/plain",
            "image/svg+xml",
            "image/png",
            widgets.RECIPE_MIME,
            FIGURE_MIME,  # its picture in the Chinese edition's PDF
        }, lesson
        recipe = data[widgets.RECIPE_MIME]
        assert len(json.dumps(recipe)) < 400, lesson
        assert recipe["class"].startswith("infotheory.widgets."), lesson


def test_the_site_has_the_frames_the_current_library_draws(site):
    lessons = {}
    for lesson, data in EXPLORERS:
        lessons.setdefault(lesson, []).append(data)
    for lesson, stored in lessons.items():
        html = (site / "book" / f"{lesson}.html").read_text()
        keys = re.findall(r'data-key="([0-9a-f]+)"', html)
        assert len(keys) == len(stored), f"{lesson}: an explorer does not move"
        assert "infotheory-explorer.js" in html and "infotheory-explorer.css" in html
        for data, key in zip(stored, keys):
            frame_file = site / "_static" / "explorers" / f"{key}.js"
            assert frame_file.is_file(), lesson
            size = len(gzip.compress(frame_file.read_bytes()))
            assert size < 60_000, f"{lesson}: {size} bytes gzipped"
            recipe = data[widgets.RECIPE_MIME]
            if recipe["class"].rpartition(".")[2] in CHEAP:
                drawn = sphinxext.render(recipe)
                assert drawn["key"] == key
                assert frame_file.read_text() == drawn["script"]
    for page in ("00-intro", "11-summary"):
        html = (site / "book" / f"{page}.html").read_text()
        assert "infotheory-explorer" not in html  # no script where nothing moves


def test_frames_are_drawn_by_the_library_of_the_build_not_a_stored_copy(monkeypatch):
    recipe = {
        "class": "infotheory.widgets.InformationExplorer",
        "arguments": {"p": 0.25},
    }
    before = sphinxext.render(recipe)
    draw = widgets.InformationExplorer.draw

    def retitled(self, **values):
        changed = draw(self, **values)
        self.title.set_text(self.title.get_text() + " (new library)")
        return changed

    monkeypatch.setattr(widgets.InformationExplorer, "draw", retitled)
    after = sphinxext.render(recipe)
    assert after["key"] != before["key"] and after["script"] != before["script"]
    assert all(s["alt"].endswith("(new library)") for s in after["frames"]["states"])
    assert "(new library)" in after["start"]


def test_pages_with_explorers_are_read_again_when_the_library_changes():
    env = SimpleNamespace(
        infotheory_explorer_frames={"book/02-information": {"k": "..."}},
        infotheory_library="an older library",
    )
    assert sphinxext._outdated(None, env, set(), set(), set()) == [
        "book/02-information"
    ]
    assert env.infotheory_library == sphinxext.library_digest()
    assert sphinxext._outdated(None, env, set(), set(), set()) == []


def test_packing_stores_shared_definitions_once_and_keeps_clashing_ones():
    def svg(d, glyph):
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
            f'<defs><path id="G" d="{glyph}"/><path id="M" d="M 0 0"/></defs>'
            f'<path d="{d}"/><use xlink:href="#G" x="1.234567"/></svg>'
        )

    frames = {
        "background": svg("M 0 0 L 1.23456 1", "M 1 1"),
        "pictures": [svg("M 0 0", "M 1 1"), svg("M 1 1", "M 2 2")],
        "states": [{"picture": 0, "full": False, "alt": "a"}],
        "controls": [],
        "presets": [],
    }
    packed = sphinxext.pack(frames)
    assert packed["defs"] == {"M": '<path id="M" d="M 0 0"/>'}  # G differs: kept
    assert 'id="G" d="M 2 2"' in packed["pictures"][1]
    assert 'id="M"' not in packed["pictures"][1]
    assert 'd="M 0 0 L 1.23 1"' in packed["background"]  # 1/100 point
    assert 'x="1.23"' in packed["background"]
    assert packed["states"] == [[0, 0, "a"]]


def test_controls_are_labelled_like_the_live_ones_and_hidden_until_they_work():
    frames = widgets.InformationExplorer().frames()
    html = sphinxext.controls_html("explorer-3-0", "abc", frames)
    assert html.startswith('<div class="explorer-controls"') and " hidden>" in html
    assert '<label for="explorer-3-0-p">p</label>' in html
    assert 'type="range" id="explorer-3-0-p"' in html and 'max="20"' in html
    assert 'aria-valuetext="0.250"' in html
    assert '<option value="1">nats</option>' in html
    assert html.count("disabled") == 2


@pytest.mark.parametrize("lesson, data", EXPLORERS, ids=[e[0] for e in EXPLORERS])
def test_every_stored_explorer_can_be_built_again(lesson, data, monkeypatch):
    monkeypatch.chdir(ROOT / "book")  # where the lesson ran: a recipe may name a file
    explorer = widgets.Explorer.from_recipe(data[widgets.RECIPE_MIME])
    assert explorer.recipe() == data[widgets.RECIPE_MIME]
    assert explorer.svg() == data["image/svg+xml"]  # the stored picture, exactly
