"""A full disk and a read-only folder: a clear message, and nothing lost.

A full disk is a real `bizenv` process run with a file-size limit (RLIMIT_FSIZE; SIGXFSZ
ignored, so a write beyond the limit fails with EFBIG as it would with ENOSPC). A read-only
folder is a 0o555 folder; when the tests run as root, who ignores permissions, the child
drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH before it starts (worker.obey_permissions),
and the folder tests skip if even that does not make the folder read-only.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bizenv_desktop.services.restore import verify as verify_backup

from .conftest import FORMS_MARK, FORMS_MONTH, Template, counts
from .worker import bizenv, file_size_limit, obey_permissions, run_worker

pytestmark = pytest.mark.reliability

CJK = re.compile(r"[\u4e00-\u9fff]")

BUG_BACKUP_MESSAGE = (
    "BUG: make_backup turns only OSError into its clear BizenvError (“无法写入备份…数据库本身没有受到影响”); "
    "SQLite's own errors while writing the copy (disk full, read-only or missing folder: "
    "sqlite3.OperationalError) escape as they are: the CLI says “无法读写数据库：disk I/O error”, which blames "
    "the database and names no backup, and the window's backup_now (except BizenvError) and the "
    "background backup (except BizenvError, OSError) show nothing at all")
BUG_READ_ONLY_FOLDER = (
    "BUG: a database in a read-only folder cannot be read: the writer lock fails, Workspace falls back "
    "to open_reader, whose mode=ro connection cannot create the -shm a WAL-mode file needs "
    "(“attempt to write a readonly database”); open_reader should open such a file with immutable=1")


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _clear_error(proc: subprocess.CompletedProcess) -> None:
    """Exit 2, one Chinese sentence on stderr, no Python traceback."""
    assert proc.returncode == 2, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert proc.stderr.startswith("错误：") and CJK.search(proc.stderr[3:]), proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


def _checks_ok(db: Path) -> None:
    proc = bizenv(db, "check")
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stdout + proc.stderr


@pytest.fixture
def db(template: Template, tmp_path: Path) -> Path:
    return template.copy_to(tmp_path / "data")


# -- a full disk ------------------------------------------------------------------------------

WRITES = {
    "init": (("init", "--year", "2027"), "SELECT count(*) FROM plan_year WHERE year = 2027"),
    "restore": (("restore", "BACKUP"), "SELECT count(*) FROM plan_year WHERE year = 2026"),
    "import": (("import", "indicators", "TABLE", "--year", "2027"), "SELECT count(*) FROM plan_year WHERE year = 2027"),
}


@pytest.mark.parametrize("limit", [48 << 10, 512 << 10, 16 << 20], ids=["48K", "512K", "16M"])
@pytest.mark.parametrize("command", list(WRITES))
def test_full_disk_write_is_all_or_nothing_with_a_clear_message(db: Path, template: Template, command: str,
                                                                 limit: int) -> None:
    """The fault (import): SQLite rolls back by itself on a full disk, and the ROLLBACK after it
    said "cannot rollback - no transaction is active" instead of what happened."""
    args, done_sql = WRITES[command]
    if "TABLE" in args:
        assert template.indicator_table is not None, template.import_error
        args = tuple(str(template.indicator_table) if a == "TABLE" else a for a in args)
    if "BACKUP" in args:
        backup = bizenv(db, "backup", "-o", str(db.parent / "copy.sqlite3"))
        assert backup.returncode == 0, backup.stderr
        args = tuple(str(db.parent / "copy.sqlite3") if a == "BACKUP" else a for a in args)
    before = _dump(db)
    proc = bizenv(db, *args, preexec_fn=file_size_limit(limit))
    if proc.returncode == 0:  # it fitted: then it happened completely
        after = _dump(db)
        assert set(before) <= set(after), "an earlier row went missing"
        conn = sqlite3.connect(db)
        try:
            assert conn.execute(done_sql).fetchone()[0] == 1
        finally:
            conn.close()
    else:
        _clear_error(proc)
        assert "cannot rollback" not in proc.stderr, proc.stderr
        assert "磁盘" in proc.stderr, f"the message does not say the disk is full: {proc.stderr}"
        assert _dump(db) == before, "a failed write changed the database"
    if limit <= 96 << 10:
        assert proc.returncode == 2, "this limit is too small for the write: it must have failed"
    _checks_ok(db)
    again = bizenv(db, *args)  # room again: the same command works
    assert again.returncode == 0, again.stderr
    _checks_ok(db)


def test_full_disk_in_a_large_import_says_the_disk_is_full(db: Path, template: Template) -> None:
    """The fault: a transaction big enough to spill pages before COMMIT meets a full disk; SQLite
    rolls it back by itself, and the app's ROLLBACK after it raised "cannot rollback - no
    transaction is active", hiding the real cause (and escaping as a bare sqlite3 error)."""
    proc = run_worker("import-report", db, 8000, preexec_fn=file_size_limit(2 << 20))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "error" in result, f"the limit is too large for this import: {result}"
    assert result["bizenv_error"], f"{result['error']}: {result['message']}"
    assert "cannot rollback" not in result["message"] and "磁盘" in result["message"], result["message"]
    assert counts(db)["subtask"] == template.counts["subtask"], "part of the import was written"
    _checks_ok(db)


class SharedMemoryKept:
    """A read connection held open by the test, so the child finds the database's 32 KB -shm
    file already made: a file-size limit below 32 KB then stops only the files it writes."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db)
        self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def __enter__(self) -> SharedMemoryKept:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _form_sizes(db: Path, folder: Path) -> list[int]:
    proc = bizenv(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(folder))
    assert proc.returncode == 0, proc.stderr
    return sorted(p.stat().st_size for p in folder.glob("*.xlsx"))


def test_full_disk_forms_make_writes_all_forms_or_none(db: Path, tmp_path: Path) -> None:
    """The fault: on a full disk `forms make` left 2-5 of the 6 forms, and then refused to run
    again without --force. Here the disk has room for the smaller forms only."""
    sizes = _form_sizes(db, tmp_path / "reference")
    assert len(sizes) >= 3 and sizes[0] < sizes[-1], sizes
    limit = (sizes[0] + sizes[-1]) // 2  # some forms fit, some do not
    out = tmp_path / "out"
    with SharedMemoryKept(db):
        proc = bizenv(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(out), preexec_fn=file_size_limit(limit))
    _clear_error(proc)
    assert "磁盘已满" in proc.stderr and str(out) in proc.stderr, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [], "a part of the set of forms was left"
    again = bizenv(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(out))  # room again, no --force
    assert again.returncode == 0, again.stderr
    assert len(list(out.glob("*.xlsx"))) == len(sizes)


def test_full_disk_forms_make_over_older_forms_leaves_them_as_they_were(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    sizes = _form_sizes(db, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with SharedMemoryKept(db):
        proc = bizenv(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(out), "--force",
                      preexec_fn=file_size_limit((sizes[0] + sizes[-1]) // 2))
    _clear_error(proc)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_full_disk_forms_collect_lists_every_file_with_its_outcome(db: Path, template: Template) -> None:
    """The fault: on a full disk `forms collect` wrote some files and printed one bare error."""
    assert template.forms and not template.forms_error, template.forms_error
    files = [str(p) for p in template.forms]
    before = counts(db)
    proc = bizenv(db, "forms", "collect", "--month", FORMS_MONTH, *files, preexec_fn=file_size_limit(200 << 10))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    listed = [line for line in proc.stdout.splitlines() if line[:1] in "✓✗"]
    assert len(listed) == len(files), proc.stdout
    for path, line in zip(template.forms, listed):  # every file, in order, with what became of it
        assert path.name in line and ("已写入" in line or "未写入" in line), line
    failed = [line for line in listed if line.startswith("✗")]
    assert failed and all("磁盘" in line for line in failed), proc.stdout
    assert "无法读写数据库" not in proc.stderr
    written = sum(line.startswith("✓") for line in listed)
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        marked = conn.execute("SELECT count(*) FROM dispatch_row WHERE progress = ?", (FORMS_MARK,)).fetchone()[0]
    finally:
        conn.close()
    assert (marked == 0) == (written == 0), "rows were written for files reported as not written"
    assert counts(db)["dispatch_row"] == before["dispatch_row"]
    _checks_ok(db)
    again = bizenv(db, "forms", "collect", "--month", FORMS_MONTH, *files)  # room again
    assert again.returncode == 0, again.stdout + again.stderr


def test_full_disk_backup_fails_clearly_and_leaves_no_half_backup(db: Path, template: Template) -> None:
    before = _dump(db)
    proc = bizenv(db, "backup", preexec_fn=file_size_limit(64 << 10))
    _clear_error(proc)
    assert _dump(db) == before
    folder = db.parent / f"{db.stem}-backups"
    assert not list(folder.glob("*.zip")), "a half backup carries a backup's name"
    _checks_ok(db)
    proc = bizenv(db, "backup")  # room again: a leftover .part does not get in the way
    assert proc.returncode == 0, proc.stderr
    made = list(folder.glob("*.zip"))
    assert len(made) == 1 and not verify_backup(made[0])
    restored = db.parent / "restored.sqlite3"
    assert bizenv(restored, "restore", str(made[0])).returncode == 0
    assert counts(restored)["dispatch_row"] == template.counts["dispatch_row"]


def test_full_disk_backup_message_names_the_backup(db: Path) -> None:
    proc = bizenv(db, "backup", preexec_fn=file_size_limit(64 << 10))
    _clear_error(proc)
    assert "备份" in proc.stderr and f"{db.stem}-backups" in proc.stderr, proc.stderr


def test_full_disk_backup_raises_the_apps_own_error(db: Path) -> None:
    """What the window gets from services.backup.make_backup on a full disk."""
    proc = run_worker("backup-report", db, preexec_fn=file_size_limit(64 << 10))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "error" in result, result
    assert result["bizenv_error"], f"{result['error']}: {result['message']}"


# -- a read-only folder -----------------------------------------------------------------------

@pytest.fixture
def read_only(tmp_path: Path, read_only_works: None):
    """A read-only folder (to a child run with obey_permissions); writable again afterwards."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    made: list[Path] = [folder]

    def seal(*paths: Path) -> None:
        for p in paths:
            p.chmod(0o555)
            made.append(p)
    yield folder, seal
    for p in made:
        p.chmod(0o755)


def _no_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


def test_backup_into_a_read_only_folder_fails_clearly(db: Path, read_only) -> None:
    folder, seal = read_only
    seal(folder)
    before = _dump(db)
    proc = bizenv(db, "backup", "-o", str(folder / "copy.sqlite3"), preexec_fn=obey_permissions)
    _clear_error(proc)
    assert _no_files(folder) == []
    assert _dump(db) == before
    _checks_ok(db)


def test_rotating_backup_into_a_read_only_backup_folder_fails_clearly(db: Path, read_only) -> None:
    _folder, seal = read_only
    backups = db.parent / f"{db.stem}-backups"
    backups.mkdir()
    seal(backups)
    proc = bizenv(db, "backup", preexec_fn=obey_permissions)
    _clear_error(proc)
    assert _no_files(backups) == []
    _checks_ok(db)


def test_backup_into_a_read_only_folder_message_names_the_backup(db: Path, read_only) -> None:
    folder, seal = read_only
    seal(folder)
    target = folder / "copy.sqlite3"
    proc = bizenv(db, "backup", "-o", str(target), preexec_fn=obey_permissions)
    _clear_error(proc)
    assert "备份" in proc.stderr and str(target) in proc.stderr, proc.stderr


def test_backup_under_a_file_fails_clearly(db: Path, tmp_path: Path) -> None:
    """A target folder that cannot exist (a file is in the way) - works even as root."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    target = blocker / "copy.sqlite3"
    proc = bizenv(db, "backup", "-o", str(target))
    _clear_error(proc)
    assert str(target) in proc.stderr and "数据库本身没有受到影响" in proc.stderr, proc.stderr
    _checks_ok(db)


@pytest.fixture
def db_in_read_only_folder(template: Template, read_only) -> Path:
    folder, seal = read_only
    db = template.copy_to(folder)
    seal(folder)
    return db


def test_writing_to_a_database_in_a_read_only_folder_is_refused_clearly(db_in_read_only_folder: Path) -> None:
    db = db_in_read_only_folder
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    for args in (("backup",), ("init", "--year", "2027"), ("dispatch", "--month", "2026-06", "--start")):
        _clear_error(bizenv(db, *args, preexec_fn=obey_permissions))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest, "the file changed"
    assert _no_files(db.parent) == [db.name], "something was made beside the file"


@pytest.mark.parametrize("args", [
    ("check",),
    ("indicators", "--json"),
], ids=["check", "indicators"])
def test_reading_a_database_in_a_read_only_folder_works(db_in_read_only_folder: Path, args) -> None:
    db = db_in_read_only_folder
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    proc = bizenv(db, *args, preexec_fn=obey_permissions)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok" or proc.stdout.lstrip().startswith("{")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
