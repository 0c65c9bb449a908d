"""Keep only the page assets readers use.

The site needs no Thebe (lessons open live in Binder or Colab instead) and draws its
few icons with the Font Awesome web fonts that the theme's stylesheet already
declares, so Font Awesome's 1.5 MB script is not needed. sphinx-thebe and the theme
add both to every page, and the theme adds Sphinx's search index to every page for
an inline search the book leaves off; after the build this extension removes their
tags from the pages (the search page keeps its index) and the unused files from the
site. The icon fonts themselves (270 KB) are cut down to
the few dozen glyphs the site shows (a few KB, with fontTools, which matplotlib
already installs).

MathJax starts from its small loader instead of the combined ``tex-chtml.js``, which
bundles a 400 KB context menu; ``mathjax3_config`` in ``_config.yml`` lists the
components the loader fetches.
"""

from __future__ import annotations

import re
from pathlib import Path

from fontTools import subset

UNUSED_TAGS = [
    re.compile(r'\s*<script defer src="[^"]*/fontawesome\.js[^"]*"></script>'),
    re.compile(r'\s*<link rel="stylesheet" [^>]*href="[^"]*sphinx-thebe\.css[^"]*" />'),
    re.compile(r'\s*<script async="async" src="[^"]*sphinx-thebe\.js[^"]*"></script>'),
    re.compile(r"\s*<script>const THEBE_JS_URL = [^<]*</script>"),
    re.compile(r'\s*<script type="text/x-thebe-config">.*?</script>', re.S),
]
UNUSED_FILES = [
    "scripts/fontawesome.js",
    "scripts/fontawesome.js.map",
    "scripts/fontawesome.js.LICENSE.txt",
    "sphinx-thebe.js",
    "sphinx-thebe.css",
]


#: Sphinx's search scripts and index (100 KB), which the theme adds to every page
#: for a search-as-you-type box that the book does not turn on: its search box
#: opens the search page, the one page that needs them.
SEARCH_TAGS = re.compile(
    r'\s*<script src="[^"]*(?:searchtools\.js|language_data\.js|searchindex\.js)'
    r'[^"]*"></script>'
)


def lean(html: str, search_page: bool = False) -> str:
    """The page without the tags of assets nobody uses."""
    for pattern in UNUSED_TAGS:
        html = pattern.sub("", html)
    if not search_page:
        html = SEARCH_TAGS.sub("", html)
    return html


FONTS = "_static/vendor/fontawesome/webfonts"
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
#: A rule of the theme's stylesheet that draws an icon: .fa-bars:before{content:"\f0c9"}
ICON_RULE = re.compile(
    r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"\\([0-9a-f]{4})"\}'
)
WOFF2_SOURCE = re.compile(r'url\([^)]*\.woff2\) format\("woff2"\),')


def icon_codepoints(site: Path) -> set[int]:
    """The Font Awesome glyphs the site can show: icons named by a class in a page,
    and icons the stylesheets draw by themselves (chevrons, admonition marks)."""
    theme = (site / THEME_CSS).read_text(encoding="utf-8")
    glyph_of = {}
    for rule in ICON_RULE.finditer(theme):
        for name in re.findall(r"\.(fa-[a-z0-9-]+)", rule[1]):
            glyph_of[name] = int(rule[2], 16)
    styles = ICON_RULE.sub("", theme) + "".join(
        path.read_text(encoding="utf-8")
        for path in (site / "_static").rglob("*.css")
        if path != site / THEME_CSS
    )
    codepoints = {int(h, 16) for h in re.findall(r"\\([ef][0-9a-f]{3})\b", styles)}
    for page in site.rglob("*.html"):
        names = set(re.findall(r"\bfa-[a-z0-9-]+", page.read_text(encoding="utf-8")))
        codepoints.update(glyph_of[name] for name in names if name in glyph_of)
    return codepoints


def subset_icon_fonts(site: Path) -> None:
    """Keep only the glyphs the site shows, as TrueType fonts the stylesheet loads."""
    codepoints = icon_codepoints(site)
    for woff2 in (site / FONTS).glob("*.woff2"):
        options = subset.Options()
        options.ignore_missing_unicodes = True
        font = subset.load_font(str(woff2.with_suffix(".ttf")), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        subset.save_font(font, str(woff2.with_suffix(".ttf")), options)
        woff2.unlink()
    css = site / THEME_CSS
    text = css.read_text(encoding="utf-8")
    css.write_text(WOFF2_SOURCE.sub("", text), encoding="utf-8")


def _on_build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        leaner = lean(text, search_page=page == site / "search.html")
        if leaner != text:
            page.write_text(leaner, encoding="utf-8")
    for name in UNUSED_FILES:
        (site / "_static" / name).unlink(missing_ok=True)
    if (site / FONTS).is_dir() and any((site / FONTS).glob("*.woff2")):
        subset_icon_fonts(site)


def _use_mathjax_loader(app, config) -> None:
    config.mathjax_path = "mathjax/startup.js"


def setup(app):
    app.connect("config-inited", _use_mathjax_loader, priority=900)
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
