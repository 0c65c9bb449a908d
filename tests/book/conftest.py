import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.lessons import ROOT

# ipykernel's notice that its local sockets are plain TCP: not a problem of the book.
KERNEL_NOTICE = "[IPKernelApp] WARNING | Kernel is running over TCP without encryption"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The book built from its stored outputs, warnings as errors: its html folder."""
    out = tmp_path_factory.mktemp("site")
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
    return out / "_build" / "html"


@pytest.fixture(scope="session")
def site_zh(site):
    """The Chinese edition built into the English site's ``zh`` folder, where `make
    book` puts it, warnings as errors: its html folder."""
    out = site / "zh"
    command = [sys.executable, "-m", "tools.editions", "html", "--output", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    problems = [line for line in log.splitlines() if re.search(r"WARNING|ERROR", line)]
    assert not problems, "\n".join(problems)
    return out
