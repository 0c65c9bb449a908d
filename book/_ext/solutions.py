"""Solutions on the site and in the PDF.

On the site a solution is a code cell tagged ``hide-cell``, folded behind "Show
solution"; its sentence is an :class:`infotheory.prose.Answer`, which a notebook
shows folded once more, behind "Show the answer", so that running every cell does not
reveal it. Here the cell's own fold is enough: :class:`AnswersUnfolded` takes the
sentence out of that second fold.

Jupyter Book's LaTeX writer drops ``hide-cell`` cells altogether, so a printed reader
would get the questions without their answers. Before it does,
:class:`SolutionsInPrint` turns each of them, for the LaTeX builder only, into an
ordinary cell that opens with "Solution.".
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

HIDDEN_CELL = "tag_hide-cell"
#: What opens a solution in print, in each edition of the book.
SOLUTION = {"en": "Solution.", "zh_CN": "解答。"}
#: The HTML an Answer wraps its sentence in (see infotheory.prose).
FOLD_OPENS, FOLD_CLOSES = '<details class="answer">', "</details>"


class AnswersUnfolded(SphinxPostTransform):
    """Drop the fold around each answer in a cell's output (every builder)."""

    default_priority = 380

    def run(self, **kwargs) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            text = raw.astext().strip()
            folds = text.startswith(FOLD_OPENS) or text == FOLD_CLOSES
            if folds and _in_output(raw):
                raw.parent.remove(raw)


class SolutionsInPrint(SphinxPostTransform):
    """Unfold ``hide-cell`` cells and label them as solutions (LaTeX only)."""

    default_priority = 390  # before sphinx-jupyterbook-latex hides them (400)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for cell in list(self.document.findall(nodes.container)):
            if HIDDEN_CELL not in cell.get("classes", []):
                continue
            cell["classes"] = [c for c in cell["classes"] if c != HIDDEN_CELL]
            solution = SOLUTION.get(self.config.language, SOLUTION["en"])
            heading = nodes.paragraph("", "", nodes.strong("", solution))
            cell.parent.insert(cell.parent.index(cell), heading)


def _in_output(node) -> bool:
    while node is not None:
        if "cell_output" in node.get("classes", []):
            return True
        node = node.parent
    return False


def setup(app):
    app.add_post_transform(AnswersUnfolded)
    app.add_post_transform(SolutionsInPrint)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
