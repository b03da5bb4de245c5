"""The report dialog's scratch folders (/tmp/bizenv-report-*, one per dialog, for its previews).

A folder goes with its dialog however the dialog ends: done() (closed, Esc, the window's X),
the dialog destroyed without it (its parent window closed first), or the process ending with it
open (atexit). Folders that outlived a crash are removed at start-up once a day old (a dialog
of another running window keeps writing its previews, so its folder is young).
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from pathlib import Path

PREFIX = "bizenv-report-"
STALE_SECONDS = 24 * 3600
_live: set[Path] = set()


def make() -> Path:
    path = Path(tempfile.mkdtemp(prefix=PREFIX))
    _live.add(path)
    return path


def remove(path: Path) -> None:
    """Remove a dialog's folder (again: harmless)."""
    _live.discard(path)
    shutil.rmtree(path, ignore_errors=True)


def ensure(path: Path) -> bool:
    """The folder of a dialog still open, made again if something removed it; False once removed."""
    if path not in _live:
        return False
    path.mkdir(exist_ok=True)
    return True


@atexit.register
def _remove_live() -> None:
    for path in list(_live):
        remove(path)


def remove_stale(root: Path | None = None, older_than: float = STALE_SECONDS, now: float | None = None) -> int:
    """Remove the report folders under root (the temp folder) last written more than older_than
    seconds ago; returns how many. For a background thread: nothing here touches Qt."""
    root = Path(root or tempfile.gettempdir())
    limit = (now if now is not None else time.time()) - older_than
    removed = 0
    try:
        found = list(root.glob(PREFIX + "*"))
    except OSError:
        return 0
    for path in found:
        try:
            if path in _live or not path.is_dir() or path.stat().st_mtime > limit:
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed += not path.exists()
    return removed
