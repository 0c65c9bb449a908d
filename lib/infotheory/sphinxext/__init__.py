"""Explorers that move on the static site: a MyST-NB mime renderer and a Sphinx
extension.

An explorer's stored output carries its recipe (:meth:`Explorer.recipe
<infotheory.widgets.Explorer.recipe>`, mime type :data:`RECIPE_MIME`): its class and
the arguments it was built with, a few hundred bytes, never pictures. When the book is
built, :class:`ExplorerRenderer` (registered for MyST-NB under the entry point group
``myst_nb.mime_renderers``) builds the explorer again from that recipe with the current
library and renders its pictures along every control (:meth:`Explorer.frames
<infotheory.widgets.Explorer.frames>`). The page gets the picture at the explorer's
setting (an ordinary image, complete without JavaScript), real HTML controls labelled
like the live ones, and a small script; the pictures go, packed by :func:`pack`, into
one script file per explorer under ``_static/explorers/``, which the page loads when
the explorer comes near the screen. It works from ``file://`` and offline.

The :func:`setup` extension (``sphinx: extra_extensions`` in ``_config.yml``) adds the
script and style to the pages that have explorers, writes the frame files, and
re-reads those pages whenever the library changes, so the site never shows pictures
the current library would not draw.

JupyterLab, Colab and nbval see the recipe as one more entry of the output: JupyterLab
and Colab do not render it (the live widget or the stored picture shows), and nbval
compares it like text.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import re
from pathlib import Path

from ..figure_words import FIGURE_MIME, FigureWords
from ..prose import EDITIONS, PROSE_MIME
from ..widgets import RECIPE_MIME, Explorer

__all__ = [
    "FIGURE_MIME",
    "PROSE_MIME",
    "RECIPE_MIME",
    "ExplorerRenderer",
    "FigureRenderer",
    "ProseRenderer",
    "controls_html",
    "frames_script",
    "library_digest",
    "minify",
    "pack",
    "render",
    "setup",
]

#: The script and style the pages with explorers load.
STATIC = Path(__file__).parent / "static"
SCRIPT, STYLE = "infotheory-explorer.js", "infotheory-explorer.css"
#: Where the frame files go, under the site's ``_static``.
FRAMES_FOLDER = "explorers"
#: The global the frame files fill in, by key.
REGISTRY = "infotheoryExplorerFrames"

_DEFS = re.compile(r"<defs>(.*?)</defs>", re.S)
_DEFINITION = re.compile(r'<path id="([^"]+)"[^>]*/>', re.S)
_NOISE = re.compile(
    r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<metadata>.*?</metadata>\s*|<!--.*?-->\s*",
    re.S,
)
_DECIMALS = re.compile(r"-?\d+\.\d{3,}")


def _two_decimals(match) -> str:
    return f"{float(match[0]):.2f}".rstrip("0").rstrip(".")


def minify(svg: str) -> str:
    """Matplotlib SVG made smaller without a visible change: no prolog, metadata,
    comments, indentation or element ids, and positions to 1/100 point."""
    svg = _NOISE.sub("", svg)
    svg = re.sub(r">\s+<", "><", svg)
    svg = re.sub(r"\s*\n\s*", " ", svg)
    svg = re.sub(
        r' (d|x|y)="([^"]*)"',
        lambda m: f' {m[1]}="{_DECIMALS.sub(_two_decimals, m[2]).strip()}"',
        svg,
    )
    svg = re.sub(
        r"translate\(([^)]*)\)",
        lambda m: f"translate({_DECIMALS.sub(_two_decimals, m[1])})",
        svg,
    )
    # A glyph placed by a translation along the line: the same, shorter.
    svg = re.sub(
        r'<use xlink:href="(#[^"]+)" transform="translate\(([-\d.]+) 0\)"/>',
        r'<use xlink:href="\1" x="\2"/>',
        svg,
    )
    return re.sub(r'<g id="[A-Za-z]+_\d+">', "<g>", svg)


def pack(frames: dict) -> dict:
    """An explorer's :meth:`frames <infotheory.widgets.Explorer.frames>` made small
    for a page: every picture minified (:func:`minify`), and the definitions that
    pictures share (the glyphs of the text, the markers) stored once, in ``defs``,
    by id. The page's script puts back into each picture the definitions it uses.
    A definition whose id stands for different shapes in two pictures stays where
    it is."""
    svgs = [minify(frames["background"]), *map(minify, frames["pictures"])]
    shapes: dict[str, set[str]] = {}
    for svg in svgs:
        for block in _DEFS.findall(svg):
            for definition in _DEFINITION.finditer(block):
                shapes.setdefault(definition[1], set()).add(definition[0])
    defs = {key: next(iter(found)) for key, found in sorted(shapes.items())}
    defs = {key: value for key, value in defs.items() if len(shapes[key]) == 1}

    def shared(svg: str) -> str:
        svg = _DEFS.sub(
            lambda block: (
                "<defs>"
                + _DEFINITION.sub(lambda d: "" if d[1] in defs else d[0], block[1])
                + "</defs>"
            ),
            svg,
        )
        return svg.replace("<defs></defs>", "")

    return {
        "defs": defs,
        "background": shared(svgs[0]),
        "pictures": [shared(svg) for svg in svgs[1:]],
        "states": [[s["picture"], int(s["full"]), s["alt"]] for s in frames["states"]],
        "controls": [
            {key: control[key] for key in ("name", "options", "states", "start")}
            for control in frames["controls"]
        ],
        "presets": frames["presets"],
    }


def frames_script(key: str, packed: dict) -> str:
    """The frame file of one explorer: a script that files its packed frames under
    ``key`` (a script, not JSON, so that pages opened from ``file://`` can load it)."""
    data = json.dumps(packed, separators=(",", ":"), ensure_ascii=False)
    return f'(window.{REGISTRY} = window.{REGISTRY} || {{}})["{key}"] = {data};\n'


def controls_html(prefix: str, key: str, frames: dict, language: str = "en") -> str:
    """The explorer's controls as HTML, hidden until the script has the pictures: a
    range input per slider, a select per set of options, labelled like the live
    controls, and a select of the presets, if any."""
    rows = []
    for control in frames["controls"]:
        name, options, start = control["name"], control["options"], control["start"]
        ident = f"{prefix}-{re.sub(r'[^A-Za-z0-9_-]', '_', name)}"
        label = html.escape(control["label"])
        if control["kind"] == "range":
            widget = (
                f'<input type="range" id="{ident}" data-control="{html.escape(name)}" '
                f'min="0" max="{len(options) - 1}" step="1" value="{start}" '
                f'aria-valuetext="{html.escape(options[start])}" disabled>'
                f'<output for="{ident}">{html.escape(options[start])}</output>'
            )
        else:
            choices = "".join(
                f'<option value="{i}"{" selected" if i == start else ""}>'
                f"{html.escape(option)}</option>"
                for i, option in enumerate(options)
            )
            widget = (
                f'<select id="{ident}" data-control="{html.escape(name)}" disabled>'
                f"{choices}</select>"
            )
        rows.append(
            f'<div class="explorer-control"><label for="{ident}">{label}</label>'
            f"{widget}</div>"
        )
    if frames["presets"]:
        ident = f"{prefix}-preset"
        setting, unset = PAGE_WORDS[language]["setting"], PAGE_WORDS[language]["unset"]
        choices = f'<option value="">{unset}</option>' + "".join(
            f'<option value="{i}">{html.escape(preset["name"])}</option>'
            for i, preset in enumerate(frames["presets"])
        )
        rows.append(
            f'<div class="explorer-control"><label for="{ident}">{setting}</label>'
            f'<select id="{ident}" data-preset disabled>{choices}</select></div>'
        )
    return (
        f'<div class="explorer-controls" data-frames="{FRAMES_FOLDER}/{key}.js" '
        f'data-key="{key}" hidden>{"".join(rows)}</div>'
    )


#: What a page says around an explorer, in each edition.
PAGE_WORDS = {
    "en": {
        "note": "Pictures computed when the book was built: one control moves at a "
        "time. Run the lesson for the live explorer.",
        "setting": "setting",
        "unset": "(move the controls)",
    },
    "zh_CN": {
        "note": "这些图片在构建本书时算好：每次只移动一个控件。"
        "运行本课即可得到实时的交互图。",
        "setting": "设置",
        "unset": "（移动控件）",
    },
}


def note(language: str = "en") -> str:
    """The note under an explorer, and the place its script reports what it shows."""
    return (
        f'<p class="explorer-note" hidden>{PAGE_WORDS[language]["note"]}</p>'
        '<p class="explorer-status" aria-live="polite"></p>'
    )


def render(recipe: dict, words: FigureWords | None = None) -> dict:
    """Everything a page needs for the explorer of ``recipe``, drawn now by the
    current library: its ``frames`` (:meth:`Explorer.frames
    <infotheory.widgets.Explorer.frames>`), their ``key`` (a hash of the packed
    frames), the ``script`` of its frame file and the SVG of the picture at its
    setting (``start``). With ``words``, in the Chinese edition, whose texts without
    an entry are listed in ``untranslated``."""
    explorer = Explorer.from_recipe(recipe)
    explorer.word_list = words
    start = explorer.svg()  # before the frames, which leave some explorers changed
    frames = explorer.frames()
    packed = pack(frames)
    digest = hashlib.sha256(json.dumps(packed, sort_keys=True).encode())
    key = digest.hexdigest()[:20]
    return {
        "key": key,
        "frames": frames,
        "script": frames_script(key, packed),
        "start": start,
        "untranslated": sorted(explorer.__dict__.get("untranslated", ())),
    }


class ExplorerRenderer:
    """MyST-NB mime renderer of explorer recipes (:data:`RECIPE_MIME`).

    The site's builders put the recipe first (``nb_mime_priority_overrides`` in
    ``_config.yml``); others, such as LaTeX, pick the stored picture.
    """

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        """The explorer's nodes for the page, or None for any other mime type."""
        if data.mime_type != RECIPE_MIME:
            return None
        from docutils import nodes

        env = getattr(renderer.renderer, "sphinx_env", None)
        # In the lesson's folder, as when it runs: a recipe may name a data file.
        folder = Path(env.doc2path(env.docname)).parent if env else Path.cwd()
        language = _edition(env)
        path = env.config.infotheory_figure_words if env is not None else None
        words = FigureWords.read(path) if path else None
        try:
            with contextlib.chdir(folder):
                drawn = render(dict(data.content), words)
        except Exception as error:  # any failure must fail the build loudly
            renderer.logger.warning(
                f"the explorer of cell {(data.cell_index or 0) + 1} cannot be drawn "
                f"for the site: {type(error).__name__}: {error}",
                subtype="explorer",
                line=data.line,
            )
            return []
        if drawn["untranslated"]:
            renderer.logger.warning(
                f"the explorer of cell {(data.cell_index or 0) + 1} has texts with no "
                f"entry in {path}: {drawn['untranslated']}",
                subtype="explorer",
                line=data.line,
            )
        key, frames, start = drawn["key"], drawn["frames"], drawn["start"]
        if env is not None:
            store = _frames_store(env)
            store.setdefault(env.docname, {})[key] = drawn["script"]
        # The picture at the explorer's setting: what the page shows before, or
        # without, its script.
        uri = renderer.write_file(
            [f"{hashlib.sha256(start.encode()).hexdigest()}.svg"],
            start.encode(),
            overwrite=False,
            exists_ok=True,
        )
        options = renderer.renderer.get_cell_level_config(
            "render_image_options", data.cell_metadata, line=data.line
        )
        image = nodes.image(
            uri=uri,
            alt=str(options.get("alt") or frames["states"][0]["alt"]),
            classes=["explorer-frame"],
        )
        prefix = f"explorer-{data.cell_index}-{data.output_index}"
        # The frame the theme gives pictures goes around the stack of the picture and
        # its overlay, so that the two always line up.
        stack = nodes.container(
            "",
            image,
            nodes.raw("", '<div class="explorer-overlay"></div>', format="html"),
            classes=["explorer-stack"],
        )
        picture = nodes.container("", stack, classes=["explorer-picture"])
        return [
            nodes.container(
                "",
                nodes.raw(
                    "", controls_html(prefix, key, frames, language), format="html"
                ),
                picture,
                nodes.raw("", note(language), format="html"),
                classes=["infotheory-explorer"],
            )
        ]


def _edition(env) -> str:
    """The edition a build makes (a key of :data:`infotheory.prose.EDITIONS`): its
    Sphinx language, or English."""
    language = env.config.language if env is not None else "en"
    return language if language in EDITIONS else "en"


class ProseRenderer:
    """MyST-NB mime renderer of the lessons' computed prose (:data:`PROSE_MIME`): the
    passage in the language of the edition being built, parsed as Markdown.

    Every builder puts it first. It is the text of a code cell's output, so it is
    never offered to gettext: its translation is already in the output
    (:class:`infotheory.prose.Prose`).
    """

    mime_priority_overrides = (("*", PROSE_MIME, 1),)

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        """The passage's nodes, or None for any other mime type."""
        if data.mime_type != PROSE_MIME:
            return None
        import dataclasses

        text = data.content[_edition(getattr(renderer.renderer, "sphinx_env", None))]
        markdown = dataclasses.replace(data, mime_type="text/markdown", content=text)
        if inline:
            return renderer.render_markdown_inline(markdown)
        return renderer.render_markdown(markdown)


class FigureRenderer:
    """MyST-NB mime renderer of a figure's Chinese drawing (:data:`FIGURE_MIME`,
    :mod:`infotheory.figure_words`): SVG on the site, PNG in the PDF, with the
    caption and alt text the cell gives the figure.

    Only the Chinese edition's build puts it first (``tools/editions.py``); the
    English one shows the figure's own drawing.
    """

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        """The drawing's nodes, or None for any other mime type."""
        if data.mime_type != FIGURE_MIME:
            return None
        import dataclasses

        env = getattr(renderer.renderer, "sphinx_env", None)
        printed = env is not None and env.app.builder.format == "latex"
        kind = "image/png" if printed else "image/svg+xml"
        drawing = dataclasses.replace(data, mime_type=kind, content=data.content[kind])
        return renderer.render_image(drawing)


# ------------------------------------------------------------------ Sphinx extension


def _frames_store(env) -> dict:
    """Frame files by page and key, kept in the build environment with the pages."""
    if not hasattr(env, "infotheory_explorer_frames"):
        env.infotheory_explorer_frames = {}
    return env.infotheory_explorer_frames


def library_digest() -> str:
    """SHA-256 of the library's files: the pictures depend on all of it."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _add_static_path(app, config) -> None:
    config.html_static_path.append(str(STATIC))


def _outdated(app, env, added, changed, removed) -> list[str]:
    """Pages with explorers drawn by another version of the library: read them again."""
    current = library_digest()
    previous = getattr(env, "infotheory_library", None)
    env.infotheory_library = current
    if previous in (None, current):
        return []
    return sorted(set(_frames_store(env)) - set(removed))


def _purge(app, env, docname) -> None:
    _frames_store(env).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    store = _frames_store(env)
    for docname in docnames:
        if docname in _frames_store(other):
            store[docname] = _frames_store(other)[docname]


def _page(app, pagename, templatename, context, doctree) -> None:
    if _frames_store(app.env).get(pagename):
        app.add_js_file(SCRIPT, loading_method="defer")
        app.add_css_file(STYLE)


def _write_frames(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / "_static" / FRAMES_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {}
    for files in _frames_store(app.env).values():
        wanted.update(files)
    for old in folder.glob("*.js"):
        if old.stem not in wanted:
            old.unlink()
    for key, script in wanted.items():
        path = folder / f"{key}.js"
        if not path.exists() or path.read_text(encoding="utf-8") != script:
            path.write_text(script, encoding="utf-8")


def setup(app) -> dict:
    """Register the extension: static files, frame files, re-reading on library
    changes."""
    # The Chinese edition's word list (tools/editions.py): explorers drawn in Chinese.
    app.add_config_value("infotheory_figure_words", None, "env")
    app.connect("config-inited", _add_static_path)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _write_frames)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
