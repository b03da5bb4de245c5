"""Small file-system rules every writer follows: modes, durable renames, temporary names.

File modes (README, "Files and permissions"): the liaison's data — the database and its side
files, the evidence store, backups, the lock — is private to the user (0600, folders 0700);
documents made to be passed on — Excel exports, CSV, division forms, PDFs, the evidence
package — are ordinary documents (0666 less the umask, usually 0644). Windows ignores both.

Temporary files are named `.bizenv-<kind>-<pid>-<random><suffix>` so that the next run can
tell a leftover of a killed process (its pid is gone) from the work of a running one, and
remove it (sweep()).
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_TEMP = re.compile(r"^\.bizenv-[a-z]+-(?P<pid>\d+)-")
LEGACY_AGE = 24 * 3600  # a temp file without a pid (older versions) is a leftover after a day


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def document_mode() -> int:
    return 0o666 & ~_umask()


def make_document(path: str | Path) -> None:
    """An exported document: readable as any file the user saves (umask applies)."""
    with contextlib.suppress(OSError):
        os.chmod(path, document_mode())


def make_private(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR if Path(path).is_dir() else PRIVATE_FILE)


def private_dir(path: Path) -> Path:
    """mkdir -p with the private mode for every folder it makes."""
    if not path.is_dir():
        if not path.parent.is_dir():
            private_dir(path.parent)
        path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    return path


def create_private(path: Path) -> None:
    """Make an empty file with the private mode (before SQLite opens it, so its side files,
    which SQLite gives the database's mode, are private too)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)


def temp_file(folder: Path, kind: str, suffix: str = "") -> Path:
    """A new empty private file in folder, named for sweep()."""
    import tempfile  # here: every command imports this module, few make a file

    fd, name = tempfile.mkstemp(prefix=f".bizenv-{kind}-{os.getpid()}-", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def temp_dir(folder: Path, kind: str) -> Path:
    """A new private folder in folder, named for sweep() (a set of files made all or none)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f".bizenv-{kind}-{os.getpid()}-", dir=folder))


READY = ".ready"  # in a temp_dir: every file of the set is written; only the renames remain


def mark_ready(staging: Path) -> None:
    """Say the set in staging is whole: a run killed during its renames is finished by sweep()."""
    marker = staging / READY
    marker.write_bytes(b"")
    fsync_file(marker)
    fsync_dir(staging)


def finish_set(staging: Path, folder: Path) -> int:
    """Rename what a killed run left of a ready set into folder (roll forward); how many."""
    if not (staging / READY).exists():
        return 0
    moved = 0
    for entry in os.scandir(staging):
        if entry.name != READY and entry.is_file(follow_symlinks=False):
            os.replace(entry.path, folder / entry.name)
            moved += 1
    fsync_dir(folder)
    return moved


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable (POSIX); best effort, some file systems cannot."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's)
    return True


def sweep(folder: Path, legacy_prefixes: tuple[str, ...] = ()) -> int:
    """Remove what killed runs left in folder: `.bizenv-*-<pid>-*` files and folders whose
    process is gone, and files with one of legacy_prefixes older than a day. Returns how many
    were removed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    removed = 0
    now = time.time()
    for entry in entries:
        if not entry.name.startswith("."):
            continue
        match = _TEMP.match(entry.name)
        try:
            if match:
                stale = not _alive(int(match["pid"]))
            elif entry.name.startswith(legacy_prefixes):
                stale = now - entry.stat(follow_symlinks=False).st_mtime > LEGACY_AGE
            else:
                continue
            if stale and entry.is_dir(follow_symlinks=False):
                import shutil

                finish_set(Path(entry.path), folder)  # a set marked ready goes on into place
                shutil.rmtree(entry.path)
                removed += 1
            elif stale:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue  # gone already, or not ours to remove
    return removed
