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
import copy
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po
from jupyter_book.sphinx import build_sphinx

from infotheory.figure_words import FIGURE_MIME
from tools.lessons import FIGURE_WORDS

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
BUILD = ROOT / "_build"
LANGUAGE = "zh_CN"
#: The book's title and authors in Chinese.
TITLE, AUTHOR = "熵、交叉熵与 KL 散度", "infotheory 的作者们"
#: The names LaTeX gives the parts of a book, in Chinese, set as the document begins:
#: babel sets its English names then, over any the preamble gives.
LATEX_NAMES = r"""
\AtBeginDocument{%
  \renewcommand{\contentsname}{目录}%
  \renewcommand{\bibname}{参考文献}%
  \renewcommand{\chaptername}{}%
  \renewcommand{\partname}{}%
  \renewcommand{\figurename}{图}%
  \renewcommand{\tablename}{表}%
}
"""
LOCALES = ROOT / "locales"
#: The book's terms, for the search index's Chinese word splitting (jieba), which
#: would otherwise cut 交叉熵 into 交叉 and 熵.
SEARCH_WORDS = LOCALES / LANGUAGE / "search-words.txt"
#: The Chinese site, inside the English one: the same page paths under ``zh/``.
HTML = BUILD / "html" / "zh"
LATEX = BUILD / LANGUAGE / "latex"
GETTEXT = BUILD / "gettext"


def edition_files(folder: Path) -> tuple[Path, Path]:
    """The configuration and table of contents of the Chinese edition, written into
    ``folder``: the English ones with the book's title and its parts' titles in
    Chinese (from the catalogue of the first page, which lists the parts), and the
    settings of the edition."""
    config = copy.deepcopy(CONFIG)
    config["title"], config["author"] = TITLE, AUTHOR  # the site's and the PDF's
    sphinx = config["sphinx"]
    sphinx["local_extensions"] = {
        name: str(ROOT / path) for name, path in sphinx["local_extensions"].items()
    }
    settings = sphinx["config"]
    settings["language"] = LANGUAGE
    settings["html_search_options"] = {"dict": str(SEARCH_WORDS)}
    # Figures show their Chinese drawing, and explorers draw theirs, with the words
    # of the word list (infotheory.figure_words).
    settings["infotheory_figure_words"] = str(FIGURE_WORDS)
    settings["nb_mime_priority_overrides"] = [
        *settings["nb_mime_priority_overrides"],
        *([kind, FIGURE_MIME, 5] for kind in ("html", "latex")),
    ]
    settings["latex_elements"]["preamble"] += LATEX_NAMES
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    with (LOCALES / LANGUAGE / "LC_MESSAGES" / f"{toc['root']}.po").open("rb") as file:
        translated = {m.id: m.string for m in read_po(file) if m.id}
    for part in toc["parts"]:
        part["caption"] = translated[part["caption"]]
    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / f"_config.{LANGUAGE}.yml", folder / f"_toc.{LANGUAGE}.yml"
    for path, content in zip(paths, (config, toc)):
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return paths


def sphinx(
    builder: str, output: Path, language: str | None, strict: bool, nitpicky=False
) -> None:
    """Build the book with ``builder`` into ``output``, as ``jupyter-book build``
    does, in ``language``; fail on any warning if ``strict``."""
    folder = output.parent  # its doctrees go beside it, as MyST-NB's outputs do
    config, toc = ROOT / "_config.yml", ROOT / "_toc.yml"
    if language:
        config, toc = edition_files(folder / f".{builder}-{language}")
    overrides = {
        "external_toc_path": toc.as_posix(),
        "latex_individualpages": False,
        "nitpicky": nitpicky,
    }
    result = build_sphinx(
        ROOT,
        output,
        noconfig=True,
        path_config=str(config),
        confoverrides=overrides,
        doctreedir=folder / f".doctrees-{builder}-{language or 'en'}",
        builder=builder,
        warningiserror=strict,
        keep_going=strict,
    )
    if result:
        sys.exit(f"The {builder} build of the {language or 'en'} edition failed.")


def html(output: Path = HTML) -> None:
    """The Chinese site, built in its own folder beside the English build (MyST-NB
    keeps files beside the site it builds), then copied into ``output``."""
    site = output.parent.parent / LANGUAGE / "html"
    sphinx("html", site, LANGUAGE, strict=True, nitpicky=True)
    shutil.rmtree(output, ignore_errors=True)
    shutil.copytree(site, output)
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
