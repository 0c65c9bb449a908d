"""The static site works offline: math, figures, alt text, search, dark mode."""

import pytest

from tools.lessons import LESSONS, PAGES

MATHJAX_DONE = (
    "() => window.MathJax && MathJax.startup"
    " && MathJax.startup.promise.then(() => true)"
)

# Text of the article outside code blocks: raw TeX delimiters there mean MathJax failed.
PROSE_TEXT = """() => {
  const article = document.querySelector('article').cloneNode(true);
  article.querySelectorAll('pre, code, .cell_input, script').forEach(e => e.remove());
  return article.innerText;
}"""

IMAGES = """() => [...document.querySelectorAll('article img')].map(img => ({
  src: img.getAttribute('src'), alt: img.getAttribute('alt') || '',
  loaded: img.complete && img.naturalWidth > 0}))"""


def open_page(new_page, served_site, page_path, **kwargs):
    page, traffic = new_page(served_site, **kwargs)
    page.goto(f"{served_site}/{page_path}.html", wait_until="networkidle")
    page.wait_for_function(MATHJAX_DONE)
    return page, traffic


@pytest.mark.parametrize("page_path", PAGES + [f"zh/{page}" for page in PAGES])
def test_page_is_complete_offline(new_page, served_site, site_zh, artifacts, page_path):
    page, traffic = open_page(new_page, served_site, page_path)
    assert traffic.external == [], "the page asked the internet for assets"
    assert traffic.failed == []
    math = page.evaluate(
        "() => [...document.querySelectorAll('.math')]"
        ".map(e => !!e.querySelector('mjx-container'))"
    )
    assert all(math), f"{math.count(False)} of {len(math)} formulas were not typeset"
    prose = page.evaluate(PROSE_TEXT)
    for raw in ("\\(", "\\[", "$$", "\\frac", "\\log"):
        assert raw not in prose, f"raw TeX {raw!r} left on the page"
    for image in page.evaluate(IMAGES):
        assert image["loaded"], f"image did not load: {image['src']}"
        assert image["alt"].strip(), f"image without alt text: {image['src']}"
    page.screenshot(
        path=str(artifacts / f"{page_path.replace('/', '_')}.png"), full_page=True
    )


def test_search_finds_lessons_offline(new_page, served_site):
    page, traffic = new_page(served_site)
    page.goto(f"{served_site}/search.html?q=information", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15_000)
    titles = page.eval_on_selector_all(
        "#search-results li a", "links => links.map(a => a.innerText)"
    )
    assert any("information" in t.lower() for t in titles), titles
    assert traffic.external == [] and traffic.failed == []


def test_sidebar_lists_the_lessons_in_order(new_page, served_site):
    page, _ = open_page(new_page, served_site, PAGES[0])
    links = page.eval_on_selector_all(
        "nav.bd-docs-nav a.reference.internal",
        "links => links.map(a => a.getAttribute('href'))",
    )
    order = [link.split("/")[-1].removesuffix(".html") for link in links]
    expected = [p.split("/")[-1] for p in PAGES[1:]]
    assert [name for name in order if name in expected] == expected


# Mean brightness and opacity of a figure's border (its background, outside the axes).
BORDER = """async (img) => {
  const canvas = document.createElement('canvas');
  const w = canvas.width = img.naturalWidth, h = canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, w, h).data;
  let light = 0, alpha = 0, count = 0;
  const add = (x, y) => { const i = 4 * (y * w + x);
    light += (data[i] + data[i + 1] + data[i + 2]) / 3;
    alpha += data[i + 3]; count += 1; };
  const m = 3;  // a few pixels in: the very edge is anti-aliased
  for (let x = m; x < w - m; x++) { add(x, m); add(x, h - 1 - m); }
  for (let y = m; y < h - m; y++) { add(m, y); add(w - 1 - m, y); }
  return {light: light / count, alpha: alpha / count};
}"""


@pytest.mark.parametrize("page_path", [f"book/{path.stem}" for path in LESSONS])
def test_figures_stay_readable_in_dark_mode(
    new_page, served_site, artifacts, page_path
):
    page, traffic = open_page(new_page, served_site, page_path)
    for _ in range(3):  # the theme button cycles light, dark and auto
        if page.evaluate("() => document.documentElement.dataset.theme") == "dark":
            break
        page.locator("button.theme-switch-button").first.click()
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    channels = [
        int(c) for c in background[background.index("(") + 1 : -1].split(",")[:3]
    ]
    assert sum(channels) / 3 < 80, f"dark mode is not dark: {background}"
    figures = page.query_selector_all("article figure img, article .cell_output img")
    assert figures, "a lesson without figures"
    for figure in figures:
        # An opaque light background keeps the figure's dark ink readable in dark mode.
        border = figure.evaluate(BORDER)
        assert border["alpha"] > 250 and border["light"] > 235, (
            figure.get_attribute("alt"),
            border,
        )
    page.screenshot(
        path=str(artifacts / f"dark_{page_path.replace('/', '_')}.png"), full_page=True
    )


def test_the_chinese_edition_searches_in_chinese_offline(
    new_page, served_site, site_zh
):
    page, traffic = new_page(served_site)
    page.goto(f"{served_site}/zh/search.html?q=交叉熵", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15_000)
    titles = page.eval_on_selector_all(
        "#search-results li a", "links => links.map(a => a.innerText)"
    )
    assert any("交叉熵" in t for t in titles), titles
    assert traffic.external == [] and traffic.failed == []


def test_the_edition_switch_leads_to_the_same_page_in_the_other_edition(
    new_page, served_site, site_zh
):
    page, traffic = new_page(served_site)
    page.goto(f"{served_site}/book/03-entropy.html", wait_until="networkidle")
    for url, language in (
        ("/zh/book/03-entropy.html", "zh-CN"),
        ("/book/03-entropy.html", "en"),
    ):
        page.locator("a.edition-switch").click()
        page.wait_for_load_state("networkidle")
        assert page.url == served_site + url
        assert page.locator("html").get_attribute("lang") == language
    assert traffic.external == [] and traffic.failed == []
