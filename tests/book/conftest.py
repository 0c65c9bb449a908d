import contextlib
import fcntl
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from infotheory.figure_words import WORD_LIST_VARIABLE
from tools.lessons import FIGURE_WORDS, ROOT

# ipykernel's notice that its local sockets are plain TCP: not a problem of the book.
KERNEL_NOTICE = "[IPKernelApp] WARNING | Kernel is running over TCP without encryption"


def pytest_configure(config):
    """Lessons run by the tests draw their figures for the Chinese edition too, as
    ``make execute`` stores them, so that nbval compares those drawings."""
    os.environ[WORD_LIST_VARIABLE] = str(FIGURE_WORDS)


@pytest.fixture(scope="session")
def build_once(tmp_path_factory):
    """``build_once(name)``: a context giving a folder ``name`` shared by every test
    process (``make test`` runs three) and whether it still has to be built. The first
    process to get there builds it while the others wait; then they all use it."""
    root = tmp_path_factory.getbasetemp()
    if root.name.startswith("popen-gw"):  # a worker's folder: share its parent
        root = root.parent

    @contextlib.contextmanager
    def once(name):
        with open(root / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            done = root / f"{name}.built"
            yield root / name, not done.exists()
            done.touch()

    return once


@pytest.fixture(scope="session")
def site(build_once):
    """The book built from its stored outputs, warnings as errors: its html folder."""
    with build_once("site") as (out, to_build):
        if to_build:
            build_site(out)
    return out / "_build" / "html"


def build_site(out: Path) -> None:
    """Build the English site into ``out``, failing on any warning."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [
            str(jupyter_book),
            "build",
            str(ROOT),
            "--path-output",
            str(out),
            "-W",
            "-n",
            "--keep-going",
        ],
        capture_output=True,
        text=True,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    problems = [
        line
        for line in log.splitlines()
        if re.search(r"WARNING|ERROR", line) and KERNEL_NOTICE not in line
    ]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def site_zh(site, build_once):
    """The Chinese edition built into the English site's ``zh`` folder, where `make
    book` puts it, warnings as errors: its html folder."""
    out = site / "zh"
    with build_once("site-zh") as (_, to_build):
        if to_build:
            build_site_zh(out)
    return out


def build_site_zh(out: Path) -> None:
    """Build the Chinese edition into ``out``, failing on any warning."""
    command = [sys.executable, "-m", "tools.editions", "html", "--output", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    problems = [line for line in log.splitlines() if re.search(r"WARNING|ERROR", line)]
    assert not problems, "\n".join(problems)
