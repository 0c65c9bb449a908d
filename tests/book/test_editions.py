"""The Chinese edition: every English text has its translation, which keeps the
text's markup and numbers; the edition builds without warnings, links to the English
one page by page, prints the same computed numbers and can be searched in Chinese."""

import json
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from tools.editions import LANGUAGE, LOCALES
from tools.lessons import PAGES

CATALOGUES = LOCALES / LANGUAGE / "LC_MESSAGES"

ROLE = re.compile(r"\{([a-z:-]+)\}`(?:[^`<]*<([^`>]*)>|([^`]*))`")


def roles(text):
    """Each MyST role of ``text`` with its target; a role's own words (``{doc}`the
    previous lesson <01-probability>```) are translated."""
    return [(name, target or whole) for name, target, whole in ROLE.findall(text)]


# What a translation must keep as the English text has it.
MARKUP = {
    "numbers": lambda text: re.findall(r"\d+(?:[.,]\d+)*", ROLE.sub("", text)),
    "math delimiters": lambda text: re.findall(r"\$+", text),
    "roles and their targets": roles,
    "link targets": lambda text: re.findall(r"\]\(([^)]*)\)", text),
    "code": lambda text: re.findall(r"`[^`$]+`", ROLE.sub("", text)),
}


def read(path):
    with path.open("rb") as file:
        return read_po(file)


def messages(catalogue):
    return {message.id: message for message in catalogue if message.id}


@pytest.fixture(scope="session")
def english(build_once):
    """The texts of the English edition to translate: page -> set of texts."""
    with build_once("gettext") as (folder, to_build):
        out = folder / "gettext"
        if to_build:
            command = [
                *(sys.executable, "-m", "tools.editions", "extract"),
                *("--output", str(out)),
            ]
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
        for what, found in MARKUP.items():
            english, chinese = Counter(found(text)), Counter(found(message.string))
            if english != chinese:
                problems.append(
                    f"{what}: {sorted((english - chinese).elements())} became "
                    f"{sorted((chinese - english).elements())} in\n  {text[:160]}"
                )
    assert not problems, "\n".join(problems[:10])


def output_text(html: str) -> str:
    """The text of a page's code-cell outputs (computed sentences, answers,
    captions, tables), without its tags."""
    parser = _OutputText()
    parser.feed(html)
    return " ".join(parser.text)


class _OutputText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0  # open elements inside an output, the output included
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth or "cell_output" in (dict(attrs).get("class") or "").split():
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr", "col", "area"}


def test_every_page_has_its_chinese_page_and_each_links_to_the_other(site, site_zh):
    for page in PAGES:
        english, chinese = site / f"{page}.html", site_zh / f"{page}.html"
        assert '<html lang="zh-CN"' in chinese.read_text(), page
        for here, there in ((english, chinese), (chinese, english)):
            switch = re.search(
                r'class="[^"]*edition-switch"\s+href="([^"]+)"', here.read_text()
            )
            assert switch, f"{here} has no link to the other edition"
            assert (here.parent / switch[1]).resolve() == there.resolve()


@pytest.mark.parametrize("page", PAGES)
def test_the_editions_print_the_same_computed_numbers(site, site_zh, page):
    english, chinese = (
        Counter(MARKUP["numbers"](output_text((root / f"{page}.html").read_text())))
        for root in (site, site_zh)
    )
    assert english == chinese, (
        f"only in English: {sorted((english - chinese).elements())[:10]}; "
        f"only in Chinese: {sorted((chinese - english).elements())[:10]}"
    )


def test_the_chinese_pages_are_in_chinese(site_zh):
    for page in PAGES:
        text = re.sub(r"<[^>]+>", " ", (site_zh / f"{page}.html").read_text())
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        assert han > 300, f"{page}: only {han} Chinese characters"


def test_the_chinese_search_index_has_the_books_terms(site_zh):
    script = (site_zh / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    for term in ("交叉熵", "互信息", "条件熵", "霍夫曼编码"):
        assert term in terms["terms"], term
