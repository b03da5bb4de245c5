"""File names the app makes beside the database, kept within the system's limit.

A name may hold at most 255 bytes (NAME_MAX on Linux; Chinese characters take three bytes
each in UTF-8, Windows' limit of 255 UTF-16 units is looser). Beside `plan.sqlite3` SQLite and
the app make `plan.sqlite3-journal`, `-wal`, `-shm`, `.lock`, `plan-evidence/` and
`plan-backups/`, so the database's own name may hold at most MAX_NAME_BYTES; names the app
chooses (backups, upgrade copies, temporary files) shorten the database's stem to fit.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..core import messages
from ..core.errors import InvalidInput

NAME_MAX = 255
SIDE_SUFFIXES = ("-journal", "-wal", "-shm", ".lock")
MAX_NAME_BYTES = NAME_MAX - max(len("-evidence"), *(len(s) for s in SIDE_SUFFIXES))  # 246


def name_bytes(name: str) -> int:
    return len(os.fsencode(name))


def check_database_name(path: str | Path) -> None:
    """InvalidInput naming the limit when the database's name is too long for its side files."""
    name = Path(path).name
    if name_bytes(name) > MAX_NAME_BYTES:
        raise InvalidInput("db.name_too_long", path=str(path), length=name_bytes(name), limit=MAX_NAME_BYTES)


def shorten(text: str, max_bytes: int) -> str:
    """text cut to at most max_bytes of UTF-8, never inside a character."""
    if max_bytes <= 0:
        return ""
    raw = os.fsencode(text)
    if len(raw) <= max_bytes:
        return text
    return raw[:max_bytes].decode("utf-8", errors="ignore").rstrip(" .")


def fitted(stem: str, rest: str, limit: int = NAME_MAX) -> str:
    """stem + rest, the stem shortened so the whole name is at most limit bytes."""
    return shorten(stem, limit - name_bytes(rest)) + rest


messages.register({
    "db.name_too_long": ("数据库文件名“{path}”太长（{length} 字节，最多 {limit} 字节；一个汉字占 3 字节），"
                         "无法在它旁边建立锁文件、日志和备份。请把文件改成较短的名称后再打开。",
                         "The database file name “{path}” is too long ({length} bytes; at most {limit}, a Chinese "
                         "character takes 3): its lock, journal and backups could not be made beside it. Rename "
                         "the file to a shorter name and open it again."),
})
