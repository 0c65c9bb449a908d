"""The lessons: stored outputs are reproducible, and drift in code or library is caught.

nbval (run on every lesson by ``make test``) compares stored and fresh outputs cell by
cell. These tests prove the properties that make that comparison worth having.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from lessons import COLAB_CELL_ID, COLAB_SOURCE, LESSONS, ROOT, WIDGET_VIEW, execute, jupyterlab_collapse

def comparable(notebook):
    """Everything a reader sees in the outputs, in order."""
    return [
        [{k: v for k, v in output.items() if k != "execution_count"} for output in cell.get("outputs", [])]
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def test_there_are_lessons():
    assert [path.name for path in LESSONS][:2] == ["01-probability.ipynb", "02-information.ipynb"]


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_is_stored_executed_and_clean(path):
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "run `make execute`: some cells have no stored run"
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), (
        "cells were run out of order; run `make execute`"
    )
    for cell in code:
        for output in cell.outputs:
            assert output.output_type != "error", f"stored error in {path.name}: {output.get('evalue')}"
            assert output.get("name") != "stderr", f"stored warning in {path.name}: {output.text[:200]}"
            assert WIDGET_VIEW not in output.get("data", {}), "widget views must not be stored"
    assert "widgets" not in notebook.metadata
    for cell in code:
        wanted = jupyterlab_collapse(cell)
        shown = {k: v for k, v in cell.metadata.get("jupyter", {}).items() if k in wanted}
        assert shown == wanted, f"JupyterLab would not collapse {cell.source[:60]!r}; run `make execute`"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_starts_with_the_hidden_colab_install_cell(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.get("id") == COLAB_CELL_ID and first.source == COLAB_SOURCE, "run `make execute`"
    assert "remove-cell" in first.metadata.get("tags", [])
    assert first.outputs == []  # it does nothing outside Colab


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_executing_again_reproduces_every_stored_output(path):
    stored = nbformat.read(path, as_version=4)
    fresh = execute(path)
    assert comparable(fresh) == comparable(stored)


def run_nbval(notebook: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--nbval",
         "--nbval-sanitize-with", str(ROOT / "tests" / "sanitize.cfg"), str(notebook)],
        capture_output=True, text=True, cwd=notebook.parent, env=env,
    )


def test_nbval_fails_when_a_probability_in_a_lesson_changes(tmp_path):
    lesson = ROOT / "book" / "01-probability.ipynb"
    notebook = nbformat.read(lesson, as_version=4)
    original = "p = np.array([0.4, 0.3, 0.2, 0.1])"
    cells = [cell for cell in notebook.cells if original in cell.source]
    assert len(cells) == 1, "the drift test needs its anchor line in lesson 01"
    cells[0].source = cells[0].source.replace(original, "p = np.array([0.4, 0.3, 0.1, 0.2])")
    copy = tmp_path / lesson.name
    nbformat.write(notebook, copy)
    result = run_nbval(copy)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Cell outputs differ" in result.stdout


def test_nbval_fails_when_the_library_changes_a_number(tmp_path):
    library = tmp_path / "lib" / "infotheory"
    shutil.copytree(ROOT / "lib" / "infotheory", library)
    measures = library / "measures.py"
    source = measures.read_text()
    anchor = "result = 0.0 - log(p)"
    assert anchor in source, "the drift test needs its anchor line in information()"
    measures.write_text(source.replace(anchor, anchor + " * 1.001"))
    lesson = tmp_path / "02-information.ipynb"
    shutil.copy(ROOT / "book" / "02-information.ipynb", lesson)
    env = {**os.environ, "PYTHONPATH": str(library.parent)}
    result = run_nbval(lesson, env=env)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "Cell outputs differ" in result.stdout
