"""The book's two editions, English and Chinese, built from the same lessons.

The Chinese edition is the English one built with ``language: zh_CN``
(``python -m tools.editions``): Sphinx's gettext translates every text the lessons
write (paragraphs, headings, tables, captions) from the catalogues under
``locales/``. The lessons' computed sentences are outputs of code, already written in
both languages (:class:`infotheory.prose.Prose`), and are never offered to gettext
(:class:`OutputsNotTranslated`). This extension also names the book's own buttons in
the edition's language and links every page to the same page in the other edition.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

#: Where each edition's pages go, under the site's root.
FOLDERS = {"en": "", "zh_CN": "zh/"}
#: What the switch to each edition says (in that edition's own language).
SWITCH = {"en": "English", "zh_CN": "中文"}
#: The labels of folded cells (MyST-NB's, and those the lessons give), in the
#: Chinese edition.
LABELS = {
    "zh_CN": {
        "Show code cell source": "显示代码",
        "Hide code cell source": "隐藏代码",
        "Show code cell outputs": "显示输出",
        "Hide code cell outputs": "隐藏输出",
        "Show code cell content": "显示单元格",
        "Hide code cell content": "隐藏单元格",
        "Show solution": "显示解答",
        "Hide solution": "隐藏解答",
        "Show the check in code": "显示代码验证",
        "Hide the check": "隐藏验证",
    }
}


#: What MyST-NB's label of a folded cell names, by the cell's tag (else "content").
FOLDED = {"tag_hide-input": "source", "tag_hide-output": "outputs"}


def label(text: str, language: str | None) -> str:
    """``text``, a label of the book's own, in the edition of ``language``."""
    return LABELS.get(language or "en", {}).get(text, text)


class OutputsNotTranslated(SphinxTransform):
    """Keep the text of code outputs out of gettext; captions stay translatable.

    Runs before Sphinx's ``Locale`` transform (priority 20)."""

    default_priority = 10

    def apply(self, **kwargs) -> None:
        for output in self.document.findall(nodes.container):
            if output.get("nb_element") != "cell_code_output":
                continue
            for node in output.findall(nodes.TextElement):
                if not _in_caption(node):
                    node["translatable"] = False


class CellLabels(SphinxTransform):
    """The labels of folded cells (``code_prompt_show``/``hide``) in the edition's
    language. MyST-NB's own label names what is folded, ``{type}``, when the page is
    written; here it is named already, as MyST-NB would."""

    default_priority = 10

    def apply(self, **kwargs) -> None:
        language = self.config.language
        for cell in self.document.findall(nodes.container):
            folded = next(
                (kind for tag, kind in FOLDED.items() if tag in cell["classes"]),
                "content",
            )
            for key in ("prompt_show", "prompt_hide"):
                if key in cell:
                    text = cell[key].replace("{type}", folded)
                    cell[key] = label(text, language)


def _in_caption(node) -> bool:
    while node is not None:
        if isinstance(node, nodes.caption):
            return True
        node = node.parent
    return False


def _switch(app, pagename, templatename, context, doctree) -> None:
    """The link from this page to the same page in the other edition."""
    here = app.config.language if app.config.language in FOLDERS else "en"
    there = "zh_CN" if here == "en" else "en"
    root = "../" * pagename.count("/") + ("../" if FOLDERS[here] else "")
    context["edition_switch"] = {
        "url": f"{root}{FOLDERS[there]}{pagename}.html",
        "label": SWITCH[there],
        "language": there.replace("_", "-"),
    }


def setup(app):
    app.add_transform(OutputsNotTranslated)
    app.add_transform(CellLabels)
    app.connect("html-page-context", _switch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
