"""Reading the site on a desktop and on a phone: navigation, code, weight, focus."""

import contextlib

import pytest

from tools.lessons import LESSONS, PAGES

PHONE = {"width": 390, "height": 844}
DESKTOPS = [1024, 1280, 1440]
LAST_PAGE = PAGES[-1]


def visit(new_page, served_site, page_path, width=1280, height=800):
    page, traffic = new_page(served_site, width=width, height=height)
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(message.text),
    )
    page.goto(f"{served_site}/{page_path}.html", wait_until="networkidle")
    return page, traffic, problems


def test_a_phone_reader_opens_the_contents_and_follows_a_link(new_page, served_site):
    page, traffic, _ = visit(new_page, served_site, "book/03-entropy", **PHONE)
    page.locator("button.primary-toggle:visible").click()
    contents = page.locator("dialog#pst-primary-sidebar-modal")
    contents.wait_for(state="visible")
    target = f"{PAGES[-2].split('/')[-1]}.html"
    contents.locator(f"a[href$='{target}']").click()
    page.wait_for_url(f"**/{target}")
    assert traffic.external == [] and traffic.failed == []


def test_a_phone_reader_opens_the_page_outline(new_page, served_site):
    page, _, _ = visit(new_page, served_site, "book/03-entropy", **PHONE)
    page.locator("button.secondary-toggle:visible").click()
    outline = page.locator("dialog#pst-secondary-sidebar-modal")
    outline.wait_for(state="visible")
    assert outline.locator("a").count() > 3


def test_the_desktop_toggle_hides_and_shows_the_contents(new_page, served_site):
    page, _, _ = visit(new_page, served_site, "book/03-entropy")
    sidebar = page.locator("#pst-primary-sidebar")
    toggle = page.locator("button.primary-toggle:visible")
    toggle.click()
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
        ".visibility === 'hidden'"
    )
    toggle.click()
    sidebar.wait_for(state="visible")


@pytest.mark.parametrize("page_path", PAGES + [f"zh/{page}" for page in PAGES])
def test_pages_log_no_errors_and_show_one_search_box(
    new_page, served_site, site_zh, page_path
):
    for width in (1280, PHONE["width"]):
        page, _, problems = visit(new_page, served_site, page_path, width=width)
        assert problems == [], problems
        searches = page.locator(
            ".search-button-field:visible, button.search-button:visible"
        )
        assert searches.count() == 1, f"{searches.count()} search boxes at {width} px"


@pytest.mark.parametrize("page_path", [f"book/{path.stem}" for path in LESSONS])
def test_no_code_is_cut_at_the_right_edge(new_page, served_site, page_path):
    cut = """(selector) => [...document.querySelectorAll(selector)]
        .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
        .map(pre => pre.innerText.split('\\n').reduce((a, b) => a.length > b.length
                                                        ? a : b))"""
    page, _, _ = visit(new_page, served_site, page_path, width=DESKTOPS[0])
    for size in [{"width": width, "height": 800} for width in DESKTOPS] + [PHONE]:
        page.set_viewport_size(size)  # the page is laid out again at that size
        assert page.evaluate(cut, "div.cell pre") == [], f"cut at {size['width']} px"


@pytest.mark.parametrize("page_path", PAGES)
def test_a_cold_page_weighs_under_2_mib(new_page, served_site, page_path):
    page, _ = new_page(served_site)
    sizes = []

    def count(response):
        # An explorer's frames load only as the reader scrolls to it: not part of
        # the cold page. A redirect or an aborted request carries no body.
        if "/_static/explorers/" in response.url:
            return
        with contextlib.suppress(Exception):
            sizes.append(len(response.body()))

    page.on("response", count)
    page.goto(f"{served_site}/{page_path}.html", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert sum(sizes) < 2 * 1024 * 1024, f"{sum(sizes) / 2**20:.2f} MiB"


def test_landing_on_the_last_page_keeps_the_book_title_in_view(new_page, served_site):
    page, _, _ = visit(new_page, served_site, LAST_PAGE)
    page.wait_for_load_state("load")
    title = page.locator(".bd-sidebar-primary .navbar-brand").first
    box = title.bounding_box()
    assert box is not None and box["y"] >= 0, box


def test_header_buttons_show_keyboard_focus_and_copy_buttons_have_names(
    new_page, served_site
):
    page, _, _ = visit(new_page, served_site, "book/02-information")
    page.wait_for_load_state("load")
    names = page.eval_on_selector_all(
        "button.copybtn", "buttons => buttons.map(b => b.getAttribute('aria-label'))"
    )
    assert names and all(names), names
    page.locator(".bd-header-article button.primary-toggle").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.className, s.outlineStyle, s.outlineWidth]; }"
    )
    assert "primary-toggle" in outline[0] and outline[1] != "none", outline


def test_tables_and_equations_scroll_sideways_on_a_phone(new_page, served_site):
    page, _, _ = visit(new_page, served_site, LAST_PAGE, **PHONE)
    overflow = page.eval_on_selector_all(
        "article table, article div.math",
        "nodes => nodes.map(n => getComputedStyle(n).overflowX)",
    )
    assert overflow and set(overflow) == {"auto"}, overflow
    assert (
        page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    ), "the page itself scrolls sideways"


@pytest.mark.parametrize("page_path", [f"book/{path.stem}" for path in LESSONS])
def test_figures_on_a_phone_keep_readable_labels(new_page, served_site, page_path):
    page, _, _ = visit(new_page, served_site, page_path, **PHONE)
    page.wait_for_load_state("load")
    scales = page.eval_on_selector_all(
        "article img",
        "images => images.filter(i => i.naturalWidth)"
        ".map(i => [i.getAttribute('alt'), i.clientWidth / i.naturalWidth])",
    )
    assert scales, "a lesson without figures"
    small = [(alt, round(scale, 2)) for alt, scale in scales if scale < 0.79]
    assert small == [], "figures too small to read on a phone"
    assert (
        page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    ), "the page itself scrolls sideways"
