import re
import subprocess
import sys
from pathlib import Path

import pytest

# tests/lessons.py is shared by the tests and `make execute`.
sys.path.insert(0, str(Path(__file__).parent))

from lessons import ROOT  # noqa: E402

# ipykernel's notice that its local sockets are plain TCP: not a problem of the book.
KERNEL_NOTICE = "[IPKernelApp] WARNING | Kernel is running over TCP without encryption"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The book built from scratch (empty cache) with warnings as errors: its html folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
         "--path-output", str(out), "-W", "-n", "--keep-going"],
        capture_output=True, text=True,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    problems = [
        line for line in log.splitlines()
        if re.search(r"WARNING|ERROR", line) and KERNEL_NOTICE not in line
    ]
    assert not problems, "\n".join(problems)
    return out / "_build" / "html"

from hypothesis import HealthCheck, settings

# The same examples on every machine and every run: a property test must not pass on
# one CI run and fail on the next by luck. Deadlines are off: timing is for benchmarks.
settings.register_profile("book", derandomize=True, deadline=None, max_examples=200,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("book")
