"""Build the book's Chinese edition, and keep its translation catalogues current.

The English edition is the book as written (``jupyter-book build .``, into
``_build/html``). The Chinese edition is the same sources built with Sphinx's
``language`` set to ``zh_CN``, into ``_build/html/zh``: gettext replaces each text
of the lessons by its translation from ``locales/zh_CN/LC_MESSAGES/<page>.po``, and
the computed sentences come in Chinese from the lessons' stored outputs
(book/_ext/editions.py).

* ``python -m tools.editions html`` builds the Chinese site (``make book`` runs it);
* ``python -m tools.editions pdf`` builds the Chinese PDF (``make pdf`` runs it);
* ``python -m tools.editions extract`` writes the English texts to translate, one
  ``.pot`` file per page (Sphinx's gettext builder);
* ``python -m tools.editions catalogues`` extracts them and brings every catalogue up
  to date (sphinx-intl): a new or changed English text appears there untranslated,
  and ``make test`` fails until it has its translation.

* ``python -m tools.editions figure-words`` lists, by lesson, the words drawn in
  figures and explorers that ``locales/zh_CN/figures.json`` has no entry for.

``--output DIR`` builds elsewhere (the tests build into temporary folders).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from jupyter_book.sphinx import build_sphinx

from infotheory.figure_words import FIGURE_MIME

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
BUILD = ROOT / "_build"
LANGUAGE = "zh_CN"
#: The book's title in Chinese.
TITLE = "熵、交叉熵与 KL 散度"
LOCALES = ROOT / "locales"
#: The book's terms, for the search index's Chinese word splitting (jieba), which
#: would otherwise cut 交叉熵 into 交叉 and 熵.
SEARCH_WORDS = LOCALES / LANGUAGE / "search-words.txt"
#: The words inside figures and explorers, English to Chinese.
FIGURE_WORDS = LOCALES / LANGUAGE / "figures.json"
#: The Chinese site, inside the English one: the same page paths under ``zh/``.
HTML = BUILD / "html" / "zh"
LATEX = BUILD / "latex-zh"
GETTEXT = BUILD / "gettext"


def sphinx(
    builder: str, output: Path, language: str | None, strict: bool, nitpicky=False
) -> None:
    """Build the book with ``builder`` into ``output``, as ``jupyter-book build``
    does, in ``language``; fail on any warning if ``strict``."""
    overrides = {
        "external_toc_path": (ROOT / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "nitpicky": nitpicky,
    }
    if language:
        overrides["language"] = language
        overrides["html_search_options"] = {"dict": str(SEARCH_WORDS)}
        overrides["html_title"] = overrides["project"] = TITLE
        # Figures show their Chinese drawing, and explorers draw theirs, with the
        # words of the word list (infotheory.figure_words).
        overrides["infotheory_figure_words"] = str(FIGURE_WORDS)
        overrides["nb_mime_priority_overrides"] = [
            *CONFIG["sphinx"]["config"]["nb_mime_priority_overrides"],
            *([kind, FIGURE_MIME, 5] for kind in ("html", "latex")),
        ]
    # Beside the output; for the book's own folders, with the English build's.
    folder = BUILD if output.resolve().is_relative_to(BUILD) else output.parent
    result = build_sphinx(
        ROOT,
        output,
        noconfig=True,
        path_config=str(ROOT / "_config.yml"),
        confoverrides=overrides,
        doctreedir=folder / f".doctrees-{builder}-{language or 'en'}",
        builder=builder,
        warningiserror=strict,
        keep_going=strict,
    )
    if result:
        sys.exit(f"The {builder} build of the {language or 'en'} edition failed.")


def html(output: Path = HTML) -> None:
    sphinx("html", output, LANGUAGE, strict=True, nitpicky=True)
    print(f"The Chinese edition is ready: open file://{output}/index.html")


def pdf(output: Path = LATEX) -> None:
    sphinx("latex", output, LANGUAGE, strict=False)
    subprocess.run(
        ["latexmk", "-xelatex", "-quiet", "book.tex"], cwd=output, check=True
    )
    target = BUILD / "html" / "book-zh.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(output / "book.pdf", target)
    print(f"The Chinese PDF is ready: {output / 'book.pdf'}")


def extract(output: Path = GETTEXT) -> None:
    shutil.rmtree(output, ignore_errors=True)
    sphinx("gettext", output, None, strict=True)


def catalogues(output: Path = GETTEXT) -> None:
    extract(output)
    update = ["update", "--pot-dir", str(output), "--locale-dir", str(LOCALES)]
    options = ["--language", LANGUAGE, "--line-width", "-1"]
    subprocess.run([sys.executable, "-m", "sphinx_intl", *update, *options], check=True)


def untranslated_figure_words() -> dict[str, list[str]]:
    """The figure texts with no entry in the word list, by lesson: those the stored
    outputs name, and those the lesson's explorers draw on the site."""
    import contextlib
    import json

    import nbformat

    from infotheory.figure_words import FigureWords
    from infotheory.sphinxext import RECIPE_MIME, render
    from tools.lessons import LESSONS

    words = FigureWords.read(FIGURE_WORDS)
    found = {}
    for path in LESSONS:
        missing = set()
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                missing.update(data.get(FIGURE_MIME, {}).get("untranslated", []))
                if RECIPE_MIME in data:
                    with contextlib.chdir(path.parent):
                        recipe = json.loads(json.dumps(data[RECIPE_MIME]))
                        missing.update(render(recipe, words)["untranslated"])
        if missing:
            found[path.stem] = sorted(missing)
    return found


def figure_words() -> None:
    """Print the figure texts the word list lacks, as JSON entries to fill in."""
    import json

    missing = untranslated_figure_words()
    entries = {text: "" for texts in missing.values() for text in texts}
    print(json.dumps(missing, ensure_ascii=False, indent=1))
    print(f"{len(entries)} texts have no entry in {FIGURE_WORDS}", file=sys.stderr)


ACTIONS = {
    "html": html,
    "pdf": pdf,
    "extract": extract,
    "catalogues": catalogues,
    "figure-words": figure_words,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("--output", type=Path, help="build here instead")
    arguments = parser.parse_args(argv)
    output = [arguments.output] if arguments.output else []
    ACTIONS[arguments.action](*output)


if __name__ == "__main__":
    main()
