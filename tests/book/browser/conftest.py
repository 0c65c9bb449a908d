"""Real-browser tests: Debian's chromium, driven headless by playwright.

They run whenever /usr/bin/chromium exists (``.ci/run`` installs it) and are skipped,
with the reason printed, when it does not.
"""

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

from tools.lessons import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests skipped: {CHROMIUM} not found (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):  # the page went away
            return
        super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def served_site(site):
    """The built site served over HTTP on the loopback interface: its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class Traffic:
    """Every request a page makes: external ones blocked and recorded, failures too."""

    def __init__(self, page, base_url):
        self.external, self.failed = [], []
        page.route("**/*", self._route)
        page.on("requestfailed", lambda request: self.failed.append(request.url))
        page.on(
            "response",
            lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"),
        )
        self.base_url = base_url

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(base_url, color_scheme="light", width=1200, height=900):
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        return page, Traffic(page, base_url)

    yield make
    for context in contexts:
        context.close()
