"""Solutions stay in the PDF.

On the site a solution is a code cell tagged ``hide-cell``, folded behind "Show
solution". Jupyter Book's LaTeX writer drops such cells altogether, so a printed
reader would get the questions without their answers. Before it does, this transform
turns each of them, for the LaTeX builder only, into an ordinary cell that opens with
"Solution.".
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

HIDDEN_CELL = "tag_hide-cell"


class SolutionsInPrint(SphinxPostTransform):
    """Unfold ``hide-cell`` cells and label them as solutions (LaTeX only)."""

    default_priority = 390  # before sphinx-jupyterbook-latex hides them (400)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for cell in list(self.document.findall(nodes.container)):
            if HIDDEN_CELL not in cell.get("classes", []):
                continue
            cell["classes"] = [c for c in cell["classes"] if c != HIDDEN_CELL]
            label = nodes.paragraph("", "", nodes.strong("", "Solution."))
            cell.parent.insert(cell.parent.index(cell), label)


def setup(app):
    app.add_post_transform(SolutionsInPrint)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
