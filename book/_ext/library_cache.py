"""Empty the execution cache when the infotheory library changes.

jupyter-cache keys a notebook by its code cells only, so after a change in ``lib/`` a
cached build would keep the old outputs. This extension hashes every file of the
library and, when the hash differs from the one stored beside the cache, deletes the
cache so that every lesson is executed again.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.util import logging

LIBRARY = Path(__file__).resolve().parents[2] / "lib" / "infotheory"
STAMP = "infotheory-library.sha256"

logger = logging.getLogger(__name__)


def library_hash(library: Path = LIBRARY) -> str:
    """SHA-256 over the relative paths and contents of the library's Python files."""
    digest = hashlib.sha256()
    for path in sorted(library.rglob("*.py")):
        digest.update(path.relative_to(library).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def refresh_cache(cache: Path, library: Path = LIBRARY) -> bool:
    """Delete ``cache`` if it was filled with another version of the library.

    Returns True if the cache was deleted. The current hash is written beside it.
    """
    current = library_hash(library)
    stamp = cache.parent / STAMP
    stale = stamp.exists() and stamp.read_text().strip() != current or (cache.exists() and not stamp.exists())
    if stale and cache.exists():
        shutil.rmtree(cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")
    return bool(stale)


def _on_builder_inited(app) -> None:
    configured = app.config.nb_execution_cache_path
    cache = Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"
    if refresh_cache(cache):
        logger.info("infotheory changed since the last build: executing every lesson again")


def setup(app):
    app.connect("builder-inited", _on_builder_inited, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
