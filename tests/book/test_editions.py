"""The Chinese edition: every English text has its translation, which keeps the
text's markup and numbers; the edition builds without warnings, links to the English
one page by page, prints the same computed numbers and can be searched in Chinese."""

import re
import subprocess
import sys
from collections import Counter

import pytest
from babel.messages.pofile import read_po

from tools.editions import LANGUAGE, LOCALES
from tools.lessons import PAGES

CATALOGUES = LOCALES / LANGUAGE / "LC_MESSAGES"

# What a translation must keep as the English text has it.
MARKUP = {
    "numbers": re.compile(r"\d+(?:[.,]\d+)*"),
    "math delimiters": re.compile(r"\$+"),
    "roles and their targets": re.compile(r"\{[a-z:-]+\}`[^`]*`"),
    "link targets": re.compile(r"\]\(([^)]*)\)"),
    "code": re.compile(r"(?<![}`])`[^`$]+`"),
}


def read(path):
    with path.open("rb") as file:
        return read_po(file)


def messages(catalogue):
    return {message.id: message for message in catalogue if message.id}


@pytest.fixture(scope="session")
def english(tmp_path_factory):
    """The texts of the English edition to translate: page -> set of texts."""
    out = tmp_path_factory.mktemp("gettext") / "gettext"
    command = [sys.executable, "-m", "tools.editions", "extract", "--output", str(out)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
    return {page: set(messages(read(out / f"{page}.pot"))) for page in PAGES}


@pytest.mark.parametrize("page", PAGES)
def test_every_english_text_has_its_chinese_translation(english, page):
    path = CATALOGUES / f"{page}.po"
    assert path.is_file(), (
        f"{path} is missing: run `python -m tools.editions catalogues`"
    )
    translated = messages(read(path))
    missing = [
        text
        for text in sorted(english[page])
        if text not in translated
        or not translated[text].string
        or translated[text].fuzzy
    ]
    assert not missing, (
        f"{len(missing)} texts of {page} have no Chinese translation (run `python -m "
        f"tools.editions catalogues` and translate them in {path}), the first:\n"
        + "\n".join(missing[:5])
    )


@pytest.mark.parametrize("page", PAGES)
def test_catalogues_hold_only_texts_the_book_has(english, page):
    catalogue = read(CATALOGUES / f"{page}.po")
    stale = sorted(set(messages(catalogue)) - english[page])
    stale += [str(key) for key in catalogue.obsolete]
    assert not stale, (
        f"{page}.po translates texts the book no longer has (run `python -m "
        "tools.editions catalogues`, then remove the obsolete '#~' entries):\n"
        + "\n".join(stale[:5])
    )


@pytest.mark.parametrize("page", PAGES)
def test_translations_keep_the_markup_and_numbers_of_the_english(page):
    problems = []
    for text, message in messages(read(CATALOGUES / f"{page}.po")).items():
        if not message.string:
            continue
        for what, pattern in MARKUP.items():
            english, chinese = (
                Counter(pattern.findall(text)),
                Counter(pattern.findall(message.string)),
            )
            if english != chinese:
                problems.append(
                    f"{what}: {sorted((english - chinese).elements())} became "
                    f"{sorted((chinese - english).elements())} in\n  {text[:160]}"
                )
    assert not problems, "\n".join(problems[:10])
