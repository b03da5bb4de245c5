"""One writer per database file: an OS lock on <file>.lock held while the file is open.

The operating system releases the lock when the process ends, even on a crash or kill,
so a stale lock never blocks the liaison.
"""
from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from ..core.errors import DatabaseBusy


class WriterLock:
    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(f"{Path(db_path).resolve()}.lock")  # one lock however the file is reached
        self._lock = FileLock(str(self.path), timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise DatabaseBusy(
                f"“{self.path.with_suffix('')}”正由本程序的另一个窗口或另一个命令使用。为防止两处同时写入，"
                f"此处不能打开它；请先关闭另一处，再重试。") from None
        except OSError as exc:  # a read-only folder: no lock file can be made
            raise DatabaseBusy(f"无法在“{self.path.parent}”中建立锁文件（{exc.strerror or exc}）；"
                               f"请检查该文件夹是否可写。") from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked
