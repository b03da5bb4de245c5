"""One writer per database file: an OS lock on <file>.lock held while the file is open.

The operating system releases the lock when the process ends, even on a crash or kill,
so a stale lock never blocks the liaison. Written on the OS calls directly (flock on POSIX,
msvcrt.locking on Windows) rather than with the filelock package: filelock 4 imports
asyncio and its settings machinery, 120 ms of every start-up for two system calls.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core import messages
from ..core.errors import DatabaseBusy

if sys.platform == "win32":  # pragma: no cover - tested on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # one byte at offset 0 marks the writer
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


messages.register({
    "lock.cannot_create": ("无法在“{folder}”中建立锁文件（{detail}）；请检查该文件夹是否可写。",
                           "Cannot make the lock file in “{folder}” ({detail}); check that the folder can be "
                           "written to."),
    "lock.cannot_lock": ("无法锁定“{path}”（{detail}）；请检查该文件夹是否可写。",
                         "Cannot lock “{path}” ({detail}); check that the folder can be written to."),
    "lock.in_use": ("“{path}”正由本程序的另一个窗口或另一个命令使用。为防止两处同时写入，此处不能打开它；请先关闭另一处，再重试。",
                    "“{path}” is in use by another window or command of this program. So that two places never "
                    "write at once it cannot be opened here; close the other one first, then try again."),
})


class WriterLock:
    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(f"{Path(db_path).resolve()}.lock")  # one lock however the file is reached
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now or raise DatabaseBusy; never waits."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:  # a read-only folder: no lock file can be made
            raise DatabaseBusy("lock.cannot_create", folder=str(self.path.parent),
                               detail=exc.strerror or str(exc)) from None
        try:
            locked = _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise DatabaseBusy("lock.cannot_lock", path=str(self.path), detail=exc.strerror or str(exc)) from None
        if not locked:
            os.close(fd)
            raise DatabaseBusy("lock.in_use", path=str(self.path.with_suffix("")))
        self._fd = fd

    def release(self) -> None:
        # The lock file stays: deleting it would let a third process lock a fresh inode
        # while a second one still waits on the old one.
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None
