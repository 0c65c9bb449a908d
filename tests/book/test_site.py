"""The static site: builds with warnings as errors from the stored outputs."""

import re
from pathlib import Path

from tools.lessons import LESSONS, PAGES, ROOT


def test_every_lesson_in_the_toc_becomes_a_page(site):
    for page in PAGES:
        assert (site / f"{page}.html").is_file(), page
    assert {p.stem for p in (ROOT / "book").glob("[0-9][0-9]-*.*")} <= {
        Path(p).name for p in PAGES
    }


def test_pages_show_computed_numbers_and_static_pictures_of_widgets(site):
    html = (site / "book" / "01-probability.html").read_text()
    assert (
        "sun&#8217;s share is 146 / 365 = 0.400" in html
        or "sun’s share is 146 / 365 = 0.400" in html
    )
    assert "widget-view" not in html  # no dead widget boxes
    assert "interactive when the notebook runs" not in html  # the picture, not the text
    assert html.count("<img") >= 3


def test_lessons_offer_binder_colab_and_notebook_download(site):
    for path in LESSONS:
        html = (site / "book" / f"{path.stem}.html").read_text()
        assert (
            f"/main?urlpath=lab/tree/book/{path.name}" in html
        )  # Binder, JupyterLab, main
        assert (
            "colab.research.google.com/github/" in html
            and f"/blob/main/book/{path.name}" in html
        )
        assert f"_sources/book/{path.name}" in html  # download as .ipynb


def test_summary_cites_its_sources_from_the_bibliography(site):
    html = (site / "book" / "11-summary.html").read_text()
    for entry in (
        "A mathematical theory of communication",
        "Elements of Information Theory",
        "On information and sufficiency",
        "Deep Learning",
    ):
        assert entry in html, entry
    cited = set(
        re.findall(
            r'class="reference internal" href="#id\d+" title="[^"]*">([^<]+)</a>', html
        )
    )
    assert cited == {
        "Sha48",
        "CT06",
        "KL51",
        "Mac03",
        "GBC16",
        "Mur22",
        "SVI+16",
        "HVD15",
        "BHH21",
        "Fel68",
        "Jay03",
        "Ola15",
        "WNC87",
    }
