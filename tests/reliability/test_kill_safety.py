"""The kill harness (test_kill.kill_campaign) on the paths that keep the data safe:

- restore-evidence: `bizenv restore WHOLE.zip` (database and 30 evidence files) onto a copy of
  the template, killed at random: the database is the old one or the restored one, every file
  in the evidence store is whole (its content hashes to its name), and running the same restore
  again completes it (every evidence file back, `check` ok);
- backup-whole: `bizenv backup -o WHOLE.zip` of a database with 30 evidence files: the zip is
  absent or a complete, verified backup with every evidence file inside; the next one works and
  removes what the killed one left;
- backup-clock-behind: eight rotating backups in a row with the clock three days behind
  (faketime) and backup.keep = 3, over three backups made on time: the backup the child last
  reported made is always there, the folder never holds more than keep + 1;
- forms-make: `bizenv forms make` killed at random: all forms or none;
- forms-make-full-disk: the same with room for the smaller forms only (a file-size limit):
  never a form, the message names the full disk, and with room again all forms are made.
"""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bizenv_desktop.services.backup import list_backups
from bizenv_desktop.services.backup_archive import BackupFile
from bizenv_desktop.storage import files

from .conftest import FORMS_MONTH, Template, counts
from .test_kill import (TEMP_NAME, Operation, _cli_output, _scalar, _start_cli, _valid_backup, kill_campaign,
                        verify_backup)
from .worker import bizenv, file_size_limit, run_worker, start_worker

pytestmark = pytest.mark.reliability

EVIDENCE_FILES = 30
KEEP = 3
BEHIND = "-3d"
BACKUPS_BEHIND = 8


# -- sources, made once per session beside the template ----------------------------------------

def _with_evidence(t: Template) -> Path:
    """A copy of the template with the 30 evidence files attached (the store beside it)."""
    folder = t.db.parent / "with-evidence"
    db = folder / "plan.sqlite3"
    if not db.exists():
        t.copy_to(folder)
        proc = run_worker("evidence", db, t.evidence_sources)
        assert proc.returncode == 0, proc.stderr
    return db


def _copy_with_store(source: Path, db: Path) -> None:
    """source's database, evidence store and backup folder in place of db (a template copy)."""
    shutil.copyfile(source, db)
    for suffix in ("-evidence", "-backups"):
        from_dir = source.parent / f"{source.stem}{suffix}"
        if from_dir.is_dir():
            shutil.copytree(from_dir, db.parent / f"{db.stem}{suffix}", dirs_exist_ok=True)


def _whole(t: Template) -> Path:
    target = t.db.parent / "with-evidence" / "whole.zip"
    if not target.exists():
        proc = bizenv(_with_evidence(t), "backup", "-o", str(target))
        assert proc.returncode == 0, proc.stderr
    return target


def _store_is_whole(db: Path) -> int:
    """Every file of the store is named by its content's hash (a temp file may be left); the count."""
    store = db.parent / f"{db.stem}-evidence"
    whole = 0
    for path in store.rglob("*") if store.is_dir() else []:
        if path.is_file() and not path.name.startswith("."):
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name, f"torn evidence file {path.name}"
            whole += 1
    return whole


# -- restore with evidence ---------------------------------------------------------------------

def _start_restore(db: Path, t: Template) -> subprocess.Popen:
    return _start_cli(db, "restore", str(_whole(t)))


def _verify_restore(db: Path, t: Template, lines: list[str], base: dict) -> str:
    source = counts(_with_evidence(t))
    rows = _scalar(db, "SELECT count(*) FROM evidence")
    assert rows in (0, EVIDENCE_FILES), f"{rows} evidence rows: part of the restore is in the database"
    state = "after" if rows else "before"
    expected = source if rows else t.counts
    for table in ("evidence_link", "dispatch_row", "subtask", "audit"):
        assert _scalar(db, f"SELECT count(*) FROM {table}") == expected[table], f"{table} is neither old nor restored"
    present = _store_is_whole(db)
    if rows:
        assert present == EVIDENCE_FILES, "the database was restored before its evidence"
    again = bizenv(db, "restore", str(_whole(t)))  # the same restore again completes it
    assert again.returncode == 0, again.stdout + again.stderr
    assert _scalar(db, "SELECT count(*) FROM evidence") == EVIDENCE_FILES
    assert _store_is_whole(db) == EVIDENCE_FILES
    check = bizenv(db, "check")
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr
    seen = base.setdefault("present", [])
    seen.append(present)
    base["note"] = f"evidence files whole in the store when killed: {sorted(seen)}"
    return state


# -- a whole backup ----------------------------------------------------------------------------

def _start_whole_backup(db: Path, t: Template) -> subprocess.Popen:
    _copy_with_store(_with_evidence(t), db)
    return _start_cli(db, "backup", "-o", str(db.parent / "whole.zip"))


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _verify_whole_backup(db: Path, t: Template, lines: list[str], base: dict) -> str:
    target = db.parent / "whole.zip"
    for name in _hidden(db.parent):
        assert TEMP_NAME.match(name), f"unexpected hidden file {name}"
    state = "before"
    if target.exists():
        assert not verify_backup(target), verify_backup(target)
        manifest = BackupFile.open(target).manifest
        assert manifest is not None and sum(e.inside for e in manifest.evidence) == EVIDENCE_FILES
        state = "after"
    base["leftovers"] = base.get("leftovers", 0) + len(_hidden(db.parent))
    again = bizenv(db, "backup", "-o", str(db.parent / "again.zip"))
    assert again.returncode == 0, again.stderr
    assert not verify_backup(db.parent / "again.zip") and _hidden(db.parent) == [], _hidden(db.parent)
    return state


# -- rotation with the clock behind ------------------------------------------------------------

def _behind_source(t: Template) -> Path:
    """A template copy with backup.keep = 3 and three backups made on time (a real clock)."""
    folder = t.db.parent / "clock-behind"
    db = folder / "plan.sqlite3"
    if not db.exists():
        t.copy_to(folder)
        conn = sqlite3.connect(db)
        conn.execute("INSERT INTO setting (key, value) VALUES ('backup.keep', ?)", (str(KEEP),))
        conn.commit()
        conn.close()
        for _ in range(KEEP):
            assert bizenv(db, "backup").returncode == 0
    return db


def _libfaketime() -> str:
    """The faketime package's library. Preloaded into the child itself rather than run through
    the `faketime` command, which forks: a SIGKILL would reach the wrapper, not the backup."""
    if shutil.which("faketime") is None:
        pytest.fail("faketime is not installed: .ci/setup installs it (apt-get install faketime)")
    found = sorted(Path("/usr/lib").glob("*/faketime/libfaketime.so.1")) + \
        sorted(Path("/usr/lib/faketime").glob("libfaketime.so.1"))
    if not found:
        pytest.fail("faketime is installed but libfaketime.so.1 was not found under /usr/lib")
    return str(found[0])


def _start_behind(db: Path, t: Template) -> subprocess.Popen:
    _copy_with_store(_behind_source(t), db)
    return start_worker("backup", db, BACKUPS_BEHIND,
                        env={"LD_PRELOAD": _libfaketime(), "FAKETIME": BEHIND, "FAKETIME_DONT_FAKE_MONOTONIC": "1"})


def _verify_behind(db: Path, t: Template, lines: list[str], base: dict) -> str:
    backups = list_backups(db)
    on_time = list_backups(_behind_source(t))
    assert 1 <= len(backups) <= KEEP + 1, f"{len(backups)} backups with backup.keep = {KEEP}"
    for info in backups:
        _valid_backup(info.path, t)
    reported = [Path(line.split(" ", 2)[2]) for line in lines if line.startswith("commit ")]
    if reported:
        last = reported[-1]
        assert last.is_file(), f"the backup just made ({last.name}) was deleted: the clock is behind"
        info = next(b for b in backups if b.path == last)
        assert backups[-1].sequence >= info.sequence, "a backup older than the one just made counts as newest"
        assert info.made < on_time[0].made, "the clock was not behind (faketime)"
    made_behind = len(reported)
    return "before" if made_behind == 0 else "after" if made_behind == BACKUPS_BEHIND else "partial"


# -- forms make, and on a full disk ------------------------------------------------------------

def _form_sizes(t: Template) -> list[int]:
    folder = t.db.parent / "fresh-forms"
    if not folder.exists():
        proc = bizenv(_with_evidence(t), "forms", "make", "--month", FORMS_MONTH, "-o", str(folder))
        assert proc.returncode == 0, proc.stderr
    return sorted(p.stat().st_size for p in folder.glob("*.xlsx"))


def _start_forms_make(db: Path, t: Template) -> subprocess.Popen:
    return _start_cli(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(db.parent / "forms-out"))


_KEPT: dict[Path, sqlite3.Connection] = {}


def _start_forms_full(db: Path, t: Template) -> subprocess.Popen:
    sizes = _form_sizes(t)
    conn = sqlite3.connect(db)  # its 32 KB -shm made now: the limit stops only the forms
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    _KEPT[db] = conn
    return _start_cli(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(db.parent / "forms-out"),
                      preexec_fn=file_size_limit((sizes[0] + sizes[-1]) // 2))


def _verify_forms_made(full_disk: bool):
    def verify(db: Path, t: Template, lines: list[str], base: dict) -> str:
        conn = _KEPT.pop(db, None)
        if conn is not None:
            conn.close()
        out = db.parent / "forms-out"
        if out.is_dir():  # as the next run does first: a set killed during its renames is finished
            files.sweep(out)
        made = sorted(out.glob("*.xlsx")) if out.is_dir() else []
        expected = len(_form_sizes(t))
        assert len(made) in (0, expected), f"{len(made)} of {expected} forms: a partial set"
        for name in _hidden(out) if out.is_dir() else []:
            assert TEMP_NAME.match(name), f"unexpected hidden file {name}"
        if full_disk:
            assert not made, "a form was made on a full disk"
            said = _cli_output(db)
            assert not said or "磁盘已满" in said or said.strip() == "", said
        again = bizenv(db, "forms", "make", "--month", FORMS_MONTH, "-o", str(out), "--force")
        assert again.returncode == 0, again.stderr
        assert len(list(out.glob("*.xlsx"))) == expected and _hidden(out) == [], _hidden(out)
        return "after" if made else "before"
    return verify


SAFETY_OPERATIONS = [
    Operation("restore-evidence", 16, _start_restore, _verify_restore, says_ready=False,
              ready_when=lambda db: Path(f"{db}-wal").exists()),
    Operation("backup-whole", 12, _start_whole_backup, _verify_whole_backup, says_ready=False,
              ready_when=lambda db: Path(f"{db}-wal").exists()),
    Operation("backup-clock-behind", 8, _start_behind, _verify_behind),
    Operation("forms-make", 8, _start_forms_make, _verify_forms_made(False), says_ready=False,
              ready_when=lambda db: Path(f"{db}-wal").exists()),
    Operation("forms-make-full-disk", 6, _start_forms_full, _verify_forms_made(True), says_ready=False,
              exit_code=2, state_after_full_run="before"),
]


@pytest.mark.parametrize("op", SAFETY_OPERATIONS, ids=[o.name for o in SAFETY_OPERATIONS])
def test_killed_at_random_moments(op: Operation, template: Template, tmp_path: Path) -> None:
    kill_campaign(op, template, tmp_path)
