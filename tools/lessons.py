"""Execute the lessons and store their outputs: the one way the book's outputs are made.

Lessons are committed executed. Their stored outputs are what the site shows, what
JupyterLab opens with, and what nbval compares with a fresh run in ``make test``.

Each executed lesson carries a stamp in its metadata: a SHA-256 over its own code cells,
the library (``lib/infotheory``) and the data (``data/``) it was executed with. When
any of them changes, the stamp no longer matches and the lesson is *stale*:

* ``python -m tools.lessons execute [PATH ...]`` (``make execute``) runs the given
  lessons, or all of them, and stores their outputs and stamp;
* ``python -m tools.lessons refresh`` (run by ``make book``) executes only the stale
  lessons, so the site never shows numbers the current code would not print.

Every lesson starts with a hidden cell that installs the library when the lesson runs
in Colab, and cells the site hides are collapsed in JupyterLab too; both are done
here, so a new lesson needs no extra work. Widget views, which need a live kernel, are
not stored (every explorer also carries a static picture of its default setting).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import time
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

from infotheory.figure_words import WORD_LIST_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
_TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
#: Every page of the book in reading order, without suffix (book/01-probability).
PAGES = [_TOC["root"]] + [
    chapter["file"] for part in _TOC["parts"] for chapter in part["chapters"]
]
#: The pages that are notebooks: the lessons that run.
LESSONS = [
    ROOT / f"{page}.ipynb" for page in PAGES if (ROOT / f"{page}.ipynb").exists()
]
#: The Chinese edition's words inside figures and explorers, English to Chinese: the
#: book's own runs of the lessons draw every figure with them too.
FIGURE_WORDS = ROOT / "locales" / "zh_CN" / "figures.json"
#: What a lesson's outputs depend on besides its own code.
INPUTS = [ROOT / "lib" / "infotheory", ROOT / "data"]
STAMP_KEY = "infotheory"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
REPOSITORY = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
COLAB_CELL_ID = "colab-install"
COLAB_SOURCE = (
    "# In Colab only: fetch the book (its library and data) and run from its lessons.\n"
    "import sys\n"
    "\n"
    'if "google.colab" in sys.modules:\n'
    f'    repository = "{REPOSITORY}"\n'
    "    !git clone --quiet --depth 1 {repository} /content/book\n"
    '    %pip install --quiet "/content/book[widgets]"\n'
    "    %cd /content/book/book"
)

#: A cell that builds an explorer (``widgets.SoftmaxExplorer(...)`` and the like).
EXPLORER_CELL = re.compile(r"\bwidgets\.[A-Z]\w*\(")
#: The note before each explorer in a notebook (the site's explorers move already).
RUN_NOTE_ID = "run-to-explore"
RUN_NOTE = (
    "*Run the next cell (Shift+Enter) to make the explorer live: until then it is a "
    "picture of its starting setting.*"
)


def prepare(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Make a lesson ready to run and to read in JupyterLab, whoever wrote it.

    The hidden Colab install cell (added or refreshed) follows the title cell, which
    stays first: JupyterLab opens a notebook with its first cell selected. Before each
    explorer a note, removed on the site, says that running its cell makes it live.
    Every code cell that the site hides is collapsed in JupyterLab too.
    """
    cells = [
        cell
        for cell in notebook.cells
        if cell.get("id") != COLAB_CELL_ID
        and not cell.get("id", "").startswith(RUN_NOTE_ID)
    ]
    cell = nbformat.v4.new_code_cell(COLAB_SOURCE, id=COLAB_CELL_ID)
    cell.metadata = {"tags": ["remove-cell"], "jupyter": {"source_hidden": True}}
    noted = [cells[0], cell]
    for cell in cells[1:]:
        if cell.cell_type == "code" and EXPLORER_CELL.search(cell.source):
            note_id = (
                f"{RUN_NOTE_ID}-{sum(RUN_NOTE_ID in c.get('id', '') for c in noted)}"
            )
            note = nbformat.v4.new_markdown_cell(RUN_NOTE, id=note_id)
            note.metadata = {"tags": ["remove-cell"]}
            noted.append(note)
        noted.append(cell)
    notebook.cells = noted
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


def inputs_digest(notebook: nbformat.NotebookNode) -> str:
    """SHA-256 over the notebook's code cells and every file of the library and data."""
    digest = hashlib.sha256()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode() + b"\0")
    for folder in INPUTS:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            name = path.relative_to(folder.parent).as_posix()
            digest.update(name.encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_stale(path: Path) -> bool:
    """True if the lesson's stored outputs were made by other code, library or data."""
    notebook = prepare(nbformat.read(path, as_version=4))
    stamp = notebook.metadata.get(STAMP_KEY, {}).get("inputs_sha256")
    return stamp != inputs_digest(notebook)


def execute(path: Path, editions: bool = True) -> nbformat.NotebookNode:
    """Run the lesson at ``path`` top to bottom in a fresh kernel; return it cleaned
    and stamped (the file is not written).

    With ``editions`` every figure also stores its drawing for the Chinese edition, as
    the book stores them; without, the lesson runs as a reader's does.
    """
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
    client.execute(stderr=subprocess.DEVNULL, env=kernel_environment(editions))
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    notebook.metadata[STAMP_KEY] = {"inputs_sha256": inputs_digest(notebook)}
    return notebook


def kernel_environment(editions: bool) -> dict[str, str]:
    """The environment of a lesson's kernel: with or without the Chinese edition's
    figure words (see :func:`infotheory.plots.use_book_style`)."""
    environment = dict(os.environ)
    environment.pop(WORD_LIST_VARIABLE, None)
    if editions:
        environment[WORD_LIST_VARIABLE] = str(FIGURE_WORDS)
    return environment


def store(path: Path) -> None:
    """Execute the lesson at ``path`` and write its outputs back to it."""
    start = time.perf_counter()
    nbformat.write(execute(path), path)
    print(f"{path.relative_to(ROOT)}: executed in {time.perf_counter() - start:.1f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tools.lessons", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("execute", help="execute lessons and store their outputs")
    run.add_argument(
        "paths", nargs="*", type=Path, help="lessons to run (default: all)"
    )
    commands.add_parser(
        "refresh", help="execute the lessons whose code, library or data changed"
    )
    arguments = parser.parse_args(argv)
    if arguments.command == "execute":
        for path in arguments.paths or LESSONS:
            store(path.resolve())
        return
    stale = [path for path in LESSONS if is_stale(path)]
    for path in stale:
        print(
            f"{path.relative_to(ROOT)}: its code, lib/ or data/ changed "
            "since it was executed"
        )
        store(path)
    if stale:
        print(
            "Stored outputs refreshed: review them with `git diff book/`, "
            "then commit them."
        )


if __name__ == "__main__":
    main()
