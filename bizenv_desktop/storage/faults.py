"""What a SQLite error means for the user: a damaged file, a full disk, or something else.

SQLite reports a damaged file as SQLITE_CORRUPT ("database disk image is malformed") or
SQLITE_NOTADB, a full disk as SQLITE_FULL, and a write the system refused (a full disk seen
through a file-size limit, a failing drive) as SQLITE_IOERR. The faces (cli.py, app.py, the
controller) call translate() at their edge so the user reads a sentence, never a traceback.
"""
from __future__ import annotations

import gc
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from ..core import messages
from ..core.errors import BizenvError, DatabaseDamaged, StorageFull

SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 10, 11, 13, 26
_DAMAGE_WORDS = ("malformed", "file is not a database", "database corrupt")


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damage(exc: BaseException) -> bool:
    """True for SQLite's 'the file is damaged' errors."""
    if isinstance(exc, DatabaseDamaged):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    return primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB) or any(w in str(exc) for w in _DAMAGE_WORDS)


def is_full(exc: BaseException) -> bool:
    """True for a write refused for want of room (SQLITE_FULL, or the OS's ENOSPC/EFBIG, also
    as lxml reports it when openpyxl writes a workbook through it: "IO_ENOSPC")."""
    if isinstance(exc, StorageFull):
        return True
    if isinstance(exc, sqlite3.DatabaseError):
        return primary_code(exc) == SQLITE_FULL or "database or disk is full" in str(exc)
    if isinstance(exc, OSError):
        return exc.errno in (28, 27)  # ENOSPC, EFBIG
    return any(code in str(exc) for code in ("IO_ENOSPC", "IO_EFBIG"))


@cache
def write_errors() -> tuple[type[BaseException], ...]:
    """What writing a file (a workbook too) raises when the disk fails (also as WRITE_ERRORS)."""
    try:
        from lxml.etree import SerialisationError  # type: ignore[import-untyped]
    except ImportError:  # openpyxl then writes with the standard library: OSError
        return (OSError,)
    return (OSError, SerialisationError)


def __getattr__(name: str) -> Any:
    if name == "WRITE_ERRORS":  # looked up when first used: importing lxml costs every command ~10 ms
        return write_errors()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class WriteOutcome:
    """What a quiet_write_cleanup block says about itself: failed = a save went wrong (a writer
    may be left behind to free). An exception out of the block counts as failed too."""

    failed = False


@contextmanager
def quiet_write_cleanup() -> Iterator[WriteOutcome]:
    """Around a workbook save that may fail: openpyxl leaves a suspended writer generator behind
    whose clean-up fails again when it is freed, and Python prints that ("Exception ignored
    in …", a traceback) on stderr. The failure itself is reported; its echo is not.
    Only after a failure is the collector run here: a full collection on a worker holds the
    interpreter for 0.1-0.4 s on a large heap (the window stops answering meanwhile), and a
    save that went well leaves nothing behind."""
    previous = sys.unraisablehook
    outcome = WriteOutcome()

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, write_errors()):
            previous(unraisable)
    sys.unraisablehook = hook
    try:
        yield outcome
    except BaseException:
        outcome.failed = True
        raise
    finally:
        if outcome.failed:
            gc.collect()  # the generator may sit in a reference cycle: free it now, quietly
        sys.unraisablehook = previous


def translate(exc: BaseException, path: str | Path) -> BizenvError | None:
    """The app's own error for a SQLite error on the file at path, or None if it is none of
    these (a busy file, a bug): the caller then shows its generic message."""
    if isinstance(exc, BizenvError):
        return exc
    if is_damage(exc):
        return DatabaseDamaged(str(path), str(exc))
    if is_full(exc):
        return StorageFull("db.disk_full", path=str(path), detail=str(exc))
    if isinstance(exc, sqlite3.DatabaseError) and primary_code(exc) == SQLITE_IOERR:
        return StorageFull("db.io_error", path=str(path), detail=str(exc))
    return None


messages.register({
    "db.damaged": ("数据库文件“{path}”已损坏（{detail}），无法继续读写。",
                   "The database file “{path}” is damaged ({detail}) and cannot be read or written."),
    "db.disk_full": ("磁盘已满（或超出文件大小限制），无法写入“{path}”（{detail}）。本次操作未写入任何内容；"
                     "请腾出磁盘空间后重试。",
                     "The disk is full (or a file-size limit was reached): “{path}” could not be written "
                     "({detail}). Nothing of this action was saved; free some disk space and try again."),
    "db.io_error": ("无法写入“{path}”：磁盘读写出错（{detail}），可能是磁盘已满或有故障。本次操作未写入任何内容；"
                    "请检查磁盘空间后重试。",
                    "“{path}” could not be written: a disk error ({detail}), perhaps a full or failing disk. "
                    "Nothing of this action was saved; check the disk space and try again."),
})
