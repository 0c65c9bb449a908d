"""The whole book as one PDF, in each edition: every lesson, every solution, Chinese
terms included."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from babel.messages.pofile import read_po

from tools.lessons import LESSONS, ROOT


def needs_latex():
    if shutil.which("xelatex") is None or shutil.which("pdftotext") is None:
        pytest.skip(
            "PDF tests skipped: xelatex or pdftotext not found "
            "(apt-get install texlive-xetex poppler-utils; .ci/run lists the rest)"
        )


def text_of(pdf: Path) -> str:
    log = pdf.with_suffix(".log").read_text(errors="replace")
    assert "Missing character" not in log, "a character has no font in the PDF"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", text).replace("’", "'")


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    needs_latex()
    out = tmp_path_factory.mktemp("pdf")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(ROOT), "--builder", "pdflatex"]
    result = subprocess.run(
        [*command, "--path-output", str(out)],
        capture_output=True,
        text=True,
    )
    pdf = out / "_build" / "latex" / "book.pdf"
    assert result.returncode == 0 and pdf.exists(), (result.stdout + result.stderr)[
        -4000:
    ]
    return text_of(pdf)


@pytest.fixture(scope="module")
def pdf_text_zh(tmp_path_factory):
    needs_latex()
    out = tmp_path_factory.mktemp("pdf-zh") / "latex"
    command = [sys.executable, "-m", "tools.editions", "pdf", "--output", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    pdf = out / "book.pdf"
    assert result.returncode == 0 and pdf.exists(), (result.stdout + result.stderr)[
        -4000:
    ]
    return text_of(pdf)


def title(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    heading = next(c.source for c in notebook.cells if c.cell_type == "markdown")
    return heading.splitlines()[0].lstrip("# ").strip()


def test_the_pdf_has_every_lesson(pdf_text):
    for path in LESSONS:
        assert title(path) in pdf_text, path.name


def test_the_pdf_has_every_solution(pdf_text):
    solutions = sum(
        "hide-cell" in cell.metadata.get("tags", [])
        for path in LESSONS
        for cell in nbformat.read(path, as_version=4).cells
    )
    assert pdf_text.count("Solution.") >= solutions > 0


def test_the_pdf_sets_chinese_terms(pdf_text):
    assert "信息量" in pdf_text and "交叉熵" in pdf_text


def test_the_chinese_pdf_has_every_lesson_and_solution_in_chinese(pdf_text_zh):
    catalogues = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
    for path in LESSONS:
        with (catalogues / "book" / f"{path.stem}.po").open("rb") as file:
            translated = {m.id: m.string for m in read_po(file) if m.id}
        assert translated[title(path)] in pdf_text_zh, path.name
    solutions = sum(
        "hide-cell" in cell.metadata.get("tags", [])
        for path in LESSONS
        for cell in nbformat.read(path, as_version=4).cells
    )
    assert pdf_text_zh.count("解答。") >= solutions > 0
    assert "Solution." not in pdf_text_zh
