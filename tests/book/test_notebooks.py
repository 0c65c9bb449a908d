"""The lessons: stored outputs are current, and drift in code or library is caught.

nbval (run on every lesson by ``make test``) compares stored and fresh outputs cell by
cell. These tests prove the properties that make that comparison worth having.
"""

import itertools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import nbformat
import pytest

from infotheory.figure_words import FIGURE_MIME
from infotheory.prose import EDITIONS, PROSE_MIME
from tools.lessons import (
    COLAB_CELL_ID,
    COLAB_SOURCE,
    EXPLORER_CELL,
    LESSONS,
    ROOT,
    RUN_NOTE,
    WIDGET_VIEW,
    is_stale,
    jupyterlab_collapse,
)


def test_there_are_lessons():
    assert [path.name for path in LESSONS][:2] == [
        "01-probability.ipynb",
        "02-information.ipynb",
    ]


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_is_stored_executed_and_clean(path):
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), (
        "run `make execute`: some cells have no stored run"
    )
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), (
        "cells were run out of order; run `make execute`"
    )
    for cell in code:
        for output in cell.outputs:
            assert output.output_type != "error", (
                f"stored error in {path.name}: {output.get('evalue')}"
            )
            assert output.get("name") != "stderr", (
                f"stored warning in {path.name}: {output.text[:200]}"
            )
            assert WIDGET_VIEW not in output.get("data", {}), (
                "widget views must not be stored"
            )
    assert "widgets" not in notebook.metadata
    for cell in code:
        wanted = jupyterlab_collapse(cell)
        shown = {
            k: v for k, v in cell.metadata.get("jupyter", {}).items() if k in wanted
        }
        assert shown == wanted, (
            f"JupyterLab would not collapse {cell.source[:60]!r}; run `make execute`"
        )


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_opens_on_its_title_then_the_hidden_colab_install_cell(path):
    title, install = nbformat.read(path, as_version=4).cells[:2]
    assert title.cell_type == "markdown" and title.source.startswith("# ")
    assert install.get("id") == COLAB_CELL_ID and install.source == COLAB_SOURCE, (
        "run `make execute`"
    )
    assert "remove-cell" in install.metadata.get("tags", [])
    assert install.outputs == []  # it does nothing outside Colab


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_a_note_before_each_explorer_says_running_it_makes_it_live(path):
    cells = nbformat.read(path, as_version=4).cells
    for before, cell in itertools.pairwise(cells):
        if cell.cell_type == "code" and EXPLORER_CELL.search(cell.source):
            assert before.cell_type == "markdown" and before.source == RUN_NOTE, (
                "run `make execute`"
            )
            assert before.metadata.get("tags") == ["remove-cell"]  # not on the site
            shown = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert shown, f"the explorer cell shows no explorer: {cell.source[:60]!r}"
    notes = [c for c in cells if c.cell_type == "markdown" and c.source == RUN_NOTE]
    explorers = [
        c for c in cells if c.cell_type == "code" and EXPLORER_CELL.search(c.source)
    ]
    assert len(notes) == len(explorers)


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_solution_is_folded_and_ends_in_a_folded_answer(path):
    # Folded, JupyterLab shows a cell's first line: it must give nothing away. Run,
    # the cell shows its Answer folded (infotheory.prose), not its sentence.
    solutions = [
        cell
        for cell in nbformat.read(path, as_version=4).cells
        if cell.source.startswith("# Solution")
    ]
    assert solutions, f"{path.name} has no exercise with a solution"
    for cell in solutions:
        assert "hide-cell" in cell.metadata.get("tags", [])
        assert cell.source.splitlines()[0] == "# Solution"
        assert re.search(r"^Answer\(", cell.source, re.M), cell.source


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_was_executed_with_the_current_code_library_and_data(path):
    assert not is_stale(path), (
        f"{path.name} was executed with other code; run `make execute`"
    )


def test_a_library_change_makes_every_lesson_stale(tmp_path, monkeypatch):
    from tools import lessons

    library = tmp_path / "lib" / "infotheory"
    shutil.copytree(
        ROOT / "lib" / "infotheory",
        library,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    monkeypatch.setattr(lessons, "INPUTS", [library, ROOT / "data"])
    lesson = ROOT / "book" / "02-information.ipynb"
    assert not lessons.is_stale(lesson)
    (library / "measures.py").write_text(
        (library / "measures.py").read_text() + "\n# a change\n"
    )
    assert lessons.is_stale(lesson)


def run_nbval(notebook: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "--nbval",
            "--nbval-sanitize-with",
            str(ROOT / "tests" / "book" / "sanitize.cfg"),
            str(notebook),
        ],
        capture_output=True,
        text=True,
        cwd=notebook.parent,
        env=env,
    )


def test_nbval_fails_when_a_probability_in_a_lesson_changes(tmp_path):
    lesson = ROOT / "book" / "01-probability.ipynb"
    notebook = nbformat.read(lesson, as_version=4)
    pattern = re.compile(r"np\.array\(\[([^\]]+)\]\)")
    cell = next(
        cell
        for cell in notebook.cells
        if cell.cell_type == "code" and pattern.search(cell.source)
    )
    numbers = pattern.search(cell.source)[1].split(",")
    cell.source = pattern.sub(
        f"np.array([{','.join(reversed(numbers))}])", cell.source, count=1
    )
    copy = tmp_path / lesson.name
    nbformat.write(notebook, copy)
    result = run_nbval(copy)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Cell outputs differ" in result.stdout


def test_nbval_fails_when_the_library_changes_a_number(tmp_path):
    library = tmp_path / "lib" / "infotheory"
    shutil.copytree(
        ROOT / "lib" / "infotheory",
        library,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    with (library / "measures.py").open("a") as measures:  # information() off by 0.1 %
        measures.write(
            "\n_exact_information = information\n"
            "def information(p, base=2):\n"
            "    return _exact_information(p, base) * 1.001\n"
        )
    lesson = tmp_path / "02-information.ipynb"
    shutil.copy(ROOT / "book" / "02-information.ipynb", lesson)
    env = {**os.environ, "PYTHONPATH": str(library.parent)}
    result = run_nbval(lesson, env=env)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Cell outputs differ" in result.stdout


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_computed_passage_is_written_in_both_editions(path):
    # A Markdown output would show English in the Chinese edition: every passage a
    # cell prints is a Prose (or an Answer), which carries both (infotheory.prose).
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            data = output.get("data", {})
            if "text/markdown" in data:
                assert PROSE_MIME in data, cell.source[:200]
                assert set(data[PROSE_MIME]) == set(EDITIONS)


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_figure_carries_its_chinese_drawing_with_every_word_translated(path):
    # The Chinese edition shows it (infotheory.figure_words); a figure text with no
    # entry in locales/zh_CN/figures.json would stay English there.
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" not in data:
                continue
            assert FIGURE_MIME in data, f"no Chinese drawing: {cell.source[:80]!r}"
            drawing = data[FIGURE_MIME]
            assert set(drawing) == {"image/svg+xml", "image/png", "untranslated"}
            assert drawing["untranslated"] == [], (
                f"{drawing['untranslated']} have no entry in figures.json (run "
                "`python -m tools.editions figure-words`)"
            )


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_code_the_site_shows_fits_its_code_column(path):
    # 80 columns (a Chinese character takes two) fit the code column at 1280 px;
    # the browser tests measure it. Hidden cells may use ruff's 88.
    def width(line):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)

    for cell in nbformat.read(path, as_version=4).cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or {"remove-input", "remove-cell"} & set(tags):
            continue
        wide = [line for line in cell.source.splitlines() if width(line) > 80]
        assert not wide, wide
