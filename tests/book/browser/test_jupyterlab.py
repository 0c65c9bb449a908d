"""Every lesson in JupyterLab, as a reader runs it: every cell, then a slider."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from infotheory.figure_words import WORD_LIST_VARIABLE
from tools.lessons import LESSONS, ROOT, WIDGET_VIEW

#: The SHA-256 of the PNG an image shows: its pixels, read without needing the image
#: on screen (JupyterLab may be re-laying out the notebook while a slider moves).
DIGEST = """img => fetch(img.src)
    .then(response => response.arrayBuffer())
    .then(bytes => crypto.subtle.digest("SHA-256", bytes))
    .then(hash => Array.from(new Uint8Array(hash)).join(","))"""


#: For each rendered slider: its label, whether the label is cut, its track's width.
SLIDER_SIZES = """() => [...document.querySelectorAll(".widget-slider")]
    .filter(slider => slider.offsetWidth > 0)
    .map(slider => {
        const label = slider.querySelector(".widget-label");
        const track = slider.querySelector(".noUi-target");
        return [label.innerText, label.scrollWidth > label.clientWidth + 1,
                track.getBoundingClientRect().width];
    })"""


def picture_moves(page, handle, picture, before) -> bool:
    """Press the arrow keys on a slider's handle until its picture changes (a slider
    may start at either end), giving the kernel a few seconds to answer each time."""
    for key, presses in (("ArrowRight", 30), ("ArrowLeft", 60)) * 2:
        for _ in range(presses):
            handle.press(key)  # focuses the handle first, whatever took the focus
        for _ in range(25):
            if picture.evaluate(DIGEST) != before:
                return True
            page.wait_for_timeout(200)
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab on loopback, with a token, serving a copy of the lessons (and of
    what they read from ``../data``), whose kernels run as a reader's do."""
    home = tmp_path_factory.mktemp("lab")
    shutil.copytree(
        ROOT / "book",
        home / "book",
        ignore=shutil.ignore_patterns("_ext", "*.md", "*.bib"),
    )
    shutil.copytree(ROOT / "data", home / "data")
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **{k: v for k, v in os.environ.items() if k != WORD_LIST_VARIABLE},
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyter"),
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={home / 'book'}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--ServerApp.port_retries=0",
            "--allow-root",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start within 60 s")
            time.sleep(0.5)
    yield base, token
    server.terminate()
    server.wait(timeout=20)


#: Lessons with an explorer (lessons without one are run by nbval all the same).
EXPLORING = [
    path.name
    for path in LESSONS
    if "interactive when the notebook runs in Jupyter" in path.read_text()
]


@pytest.mark.parametrize("lesson", EXPLORING)
def test_lesson_runs_in_jupyterlab_and_its_explorer_responds(
    jupyterlab, new_page, artifacts, lesson
):
    base, token = jupyterlab
    page, traffic = new_page(base, width=1400, height=1000)
    # A workspace of its own, reset, so no other lesson's tab is restored beside it.
    workspace = lesson.removesuffix(".ipynb")
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{lesson}?token={token}&reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)

    # Before running: the stored figures and sentences already read well.
    page.wait_for_selector(".jp-RenderedImage img", timeout=30_000)
    sentences = page.locator(".jp-OutputArea-output[data-mime-type='text/markdown']")
    sentences.first.wait_for(state="attached", timeout=30_000)
    sentences.first.scroll_into_view_if_needed()
    page.wait_for_function(  # JupyterLab renders cells lazily, as they come in view
        '() => document.querySelector(".jp-OutputArea-output'
        "[data-mime-type='text/markdown']\")?.innerText.trim()",
        timeout=30_000,
    )
    sentence = sentences.first.inner_text()
    assert sentence.strip() and "$" not in sentence and "\\(" not in sentence

    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_selector(
        ".widget-slider .noUi-handle, .widget-slider input", timeout=90_000
    )
    page.wait_for_function(
        "() => document.querySelector('.jp-Notebook-ExecutionIndicator')"
        "?.dataset.status === 'idle'"
        " && ![...document.querySelectorAll('.jp-InputPrompt')]"
        ".some(p => p.innerText.includes('*'))",
        timeout=90_000,
    )
    errors = page.locator(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    )
    assert errors.count() == 0, errors.first.inner_text()
    assert (
        page.locator(
            ".jp-OutputArea-output .jp-RenderedText:has-text('Traceback')"
        ).count()
        == 0
    )
    # Run All leaves every exercise's answer folded, its sentence out of sight.
    answers = page.locator(".jp-OutputArea-output details.answer")
    answers.first.scroll_into_view_if_needed()
    # (Read from the DOM: JupyterLab lays out only the cells in view.)
    page.wait_for_function(
        "() => document.querySelector('.jp-OutputArea-output details.answer summary')"
        "?.textContent.trim() === 'Show the answer'",
        timeout=30_000,
    )
    assert page.evaluate(
        "() => [...document.querySelectorAll('details.answer')].every(d => !d.open)"
    )

    explorer = page.locator(".jupyter-widgets.widget-vbox").first
    explorer.scroll_into_view_if_needed()
    # Every slider shows its whole label and a track long enough for fine steps.
    sliders = page.evaluate(SLIDER_SIZES)
    assert sliders, "no slider rendered"
    for label, cut, track in sliders:
        assert not cut, f"the label {label!r} is cut"
        assert track >= 150, f"the slider {label!r} has a track of {track} px"
    picture = explorer.locator("img").first
    before = picture.evaluate(DIGEST)
    handle = explorer.locator(".noUi-handle").first
    assert picture_moves(page, handle, picture, before), (
        "the slider moved but the picture did not change"
    )
    page.screenshot(
        path=str(artifacts / f"jupyterlab_{lesson.removesuffix('.ipynb')}.png")
    )
    assert traffic.external == [], "JupyterLab asked the internet for something"

    # Saved after running, the lesson keeps its explorers' widget state, so it reopens
    # without its kernel showing them rather than "model not found".
    page.locator(".lm-MenuBar-itemLabel", has_text="File").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Save Notebook").first.click()
    page.wait_for_function(
        "() => !document.querySelector('.jp-mod-dirty')", timeout=30_000
    )
    api = f"{base}/api/contents/{lesson}?token={token}&content=1"
    saved = json.load(urllib.request.urlopen(api, timeout=30))["content"]
    widget_state = "application/vnd.jupyter.widget-state+json"
    state = saved["metadata"].get("widgets", {}).get(widget_state, {}).get("state", {})
    views = [
        output["data"][WIDGET_VIEW]["model_id"]
        for cell in saved["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    ]
    assert views and all(view in state for view in views), "widget state not saved"
    sessions = json.load(
        urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10)
    )
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE"
        )
        urllib.request.urlopen(request, timeout=30)
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{lesson}?token={token}&reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_timeout(2_000)
    assert page.get_by_text("model not found").count() == 0
