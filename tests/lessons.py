"""Execute the lessons and store their outputs the way the book keeps them.

Run as ``python tests/lessons.py book/01-probability.ipynb ...`` (``make execute``) to
refresh stored outputs; the tests import :func:`execute` to prove that a fresh run
reproduces them exactly.

Every lesson starts with a hidden cell that installs the library when the lesson runs
in Colab (where the repository is not installed), and cells the site hides are
collapsed in JupyterLab too; both are done here, so a new lesson needs no extra work.

Stored outputs are cleaned so that a notebook opened without a kernel still reads well:
widget views, which need a live kernel, are dropped (every explorer also carries a
static picture of its default setting), and no widget state or timing is kept.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "book").glob("[0-9][0-9]-*.ipynb"))
_TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
#: Every page of the book in reading order, as paths without suffix (book/01-probability).
PAGES = [_TOC["root"]] + [chapter["file"] for part in _TOC["parts"] for chapter in part["chapters"]]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
REPOSITORY = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
COLAB_CELL_ID = "colab-install"
COLAB_SOURCE = f"""\
# In Colab only: install the book's library, infotheory, from its repository.
import sys
if "google.colab" in sys.modules:
    %pip install --quiet git+{REPOSITORY}"""


def prepare(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Make a lesson ready to run and to read in JupyterLab, whoever wrote it.

    The first cell becomes the hidden Colab install cell (added or refreshed), and
    every code cell that the site hides is collapsed in JupyterLab too.
    """
    cells = [cell for cell in notebook.cells if cell.get("id") != COLAB_CELL_ID]
    cell = nbformat.v4.new_code_cell(COLAB_SOURCE, id=COLAB_CELL_ID)
    cell.metadata = {"tags": ["remove-cell"], "jupyter": {"source_hidden": True}}
    notebook.cells = [cell, *cells]
    for cell in cells:
        collapsed = jupyterlab_collapse(cell)
        if collapsed:
            cell.metadata.setdefault("jupyter", {}).update(collapsed)
    return notebook


def jupyterlab_collapse(cell) -> dict:
    """The JupyterLab collapse state that matches a code cell's tags on the site."""
    tags = set(cell.metadata.get("tags", []))
    if cell.cell_type != "code":
        return {}
    if "hide-cell" in tags:
        return {"source_hidden": True, "outputs_hidden": True}
    if tags & {"remove-input", "hide-input", "remove-cell"}:
        return {"source_hidden": True}
    return {}


def execute(path: Path) -> nbformat.NotebookNode:
    """Run the lesson at ``path`` top to bottom in a fresh kernel; return it cleaned."""
    notebook = prepare(nbformat.read(path, as_version=4))
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    # The kernel's own log (a notice about its local sockets) is not the lesson's
    # output; cell errors and warnings still arrive as outputs and are kept.
    client.execute(stderr=subprocess.DEVNULL)
    return clean(notebook)


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what only a live kernel can use: widget views and widget state."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return notebook


def main(paths: list[str]) -> None:
    for name in paths or [str(p) for p in LESSONS]:
        path = Path(name)
        start = time.perf_counter()
        notebook = execute(path)
        nbformat.write(notebook, path)
        print(f"{path}: executed in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
