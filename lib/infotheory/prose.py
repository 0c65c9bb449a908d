"""The lessons' computed prose, in the book's two editions.

A sentence that carries a computed number is the output of a code cell, so that it
cannot drift from the code. The book has an English and a Chinese edition built from
the same lessons, so such a cell shows a :class:`Prose`: the sentence in both
languages, formatted from the same values. Its output carries both (mime type
:data:`PROSE_MIME`); each edition's build renders its own language
(:mod:`infotheory.sphinxext`), and a notebook shows the English. A translation that
loses or changes a number is refused when the cell runs, so the editions always
print the same numbers.

An exercise's solution ends with an :class:`Answer`: the same, shown folded in a
notebook behind *Show the answer*, so that running every cell does not print the
solutions under their questions. The site and the PDF hide or place the whole
solution cell already; there the book's build takes the fold away.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

__all__ = ["EDITIONS", "PROSE_MIME", "Answer", "Prose", "numbers"]

#: The book's editions: the language each one is written in, by Sphinx language code.
EDITIONS = {"en": "English", "zh_CN": "Chinese"}
#: The mime type of the output that carries a passage in every edition.
PROSE_MIME = "application/vnd.infotheory.prose+json"

# A number as a reader sees it: digits, with decimals or thousands separators.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> list[str]:
    """The numbers written in ``text``, in order, as they are written.

    Examples
    --------
    >>> numbers("H = 1.846 bits over 1,059,580 letters, $\\\\log_2 8$ = 3.")
    ['1.846', '1,059,580', '2', '8', '3']
    """
    return _NUMBER.findall(text)


class Prose:
    r"""A passage of Markdown written in every edition of the book.

    Parameters
    ----------
    en : str
        The passage in English, in Markdown (``$...$`` for math).
    zh : str
        The same passage in Chinese. It must write the same numbers as ``en``, in
        any order: every number of one, as many times, and no other.

    Raises
    ------
    ValueError
        If a passage is empty, or the two do not write the same numbers.

    Examples
    --------
    >>> bits = 1.5
    >>> passage = Prose(en=f"It takes {bits} bits.", zh=f"需要 {bits} 比特。")
    >>> passage.text["zh_CN"]
    '需要 1.5 比特。'
    >>> passage
    It takes 1.5 bits.
    >>> Prose(en="It takes 1.5 bits.", zh="需要 1.50 比特。")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: the two editions must write the same numbers, but only en writes...
    """

    def __init__(self, en: str, zh: str):
        self.text = {"en": _checked(en, "en"), "zh_CN": _checked(zh, "zh")}
        in_english, in_chinese = Counter(numbers(en)), Counter(numbers(zh))
        if in_english != in_chinese:
            raise ValueError(
                "the two editions must write the same numbers, but "
                + " and ".join(
                    f"only {name} writes {', '.join(sorted(extra.elements()))}"
                    for name, extra in (
                        ("en", in_english - in_chinese),
                        ("zh", in_chinese - in_english),
                    )
                    if extra
                )
                + "; write each number in the same way in both."
            )

    def _shown(self, language: str) -> str:
        return self.text[language]

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        shown = {language: self._shown(language) for language in EDITIONS}
        return {"text/markdown": shown["en"], PROSE_MIME: shown}

    def __repr__(self) -> str:
        return self.text["en"]


class Answer(Prose):
    """The answer of an exercise: a :class:`Prose` shown folded in a notebook.

    Examples
    --------
    >>> answer = Answer(en="$H$ = 1 bit.", zh="$H$ = 1 比特。")
    >>> print(answer._repr_mimebundle_()["text/markdown"])
    <details class="answer">
    <summary>Show the answer</summary>
    <BLANKLINE>
    $H$ = 1 bit.
    <BLANKLINE>
    </details>
    >>> answer
    $H$ = 1 bit.
    """

    #: What the folded answer says before it is opened, in each edition.
    SUMMARY: ClassVar[dict[str, str]] = {"en": "Show the answer", "zh_CN": "显示答案"}

    def _shown(self, language: str) -> str:
        # Blank lines around the text let Markdown (and its math) render inside.
        return (
            f'<details class="answer">\n<summary>{self.SUMMARY[language]}</summary>'
            f"\n\n{self.text[language]}\n\n</details>"
        )


def _checked(text, edition: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValueError(
            f"{edition} must be the passage as a non-empty string, but got {text!r}."
        )
    return text
