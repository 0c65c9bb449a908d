"""The answer of a lesson's exercise, folded until the reader asks for it.

A lesson's solution cell ends with ``Answer(text)`` where it would show a sentence.
Run in JupyterLab, Colab or VS Code, the sentence appears folded: a *Show the
answer* line that opens it, so running every cell does not print the solutions
under their questions. The site and the PDF already hide or place the whole solution
cell; there the book's own script opens the fold (the PDF, which keeps no HTML, shows
the sentence).
"""

from __future__ import annotations

__all__ = ["Answer"]

#: What the folded answer says before it is opened.
SUMMARY = "Show the answer"


class Answer:
    """A sentence in Markdown, shown folded behind :data:`SUMMARY` in a notebook.

    Parameters
    ----------
    text : str
        The answer, in Markdown (``$...$`` for math).

    Examples
    --------
    >>> answer = Answer("$H$ = 1 bit.")
    >>> print(answer._repr_markdown_())
    <details class="answer">
    <summary>Show the answer</summary>
    <BLANKLINE>
    $H$ = 1 bit.
    <BLANKLINE>
    </details>
    >>> answer
    $H$ = 1 bit.
    """

    def __init__(self, text: str):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(
                f"text must be the answer as a non-empty string, but got {text!r}."
            )
        self.text = text

    def _repr_markdown_(self) -> str:
        # Blank lines around the text let Markdown (and its math) render inside.
        return (
            f'<details class="answer">\n<summary>{SUMMARY}</summary>\n\n'
            f"{self.text}\n\n</details>"
        )

    def __repr__(self) -> str:
        return self.text
