"""Files around the database: what a killed report build leaves is gone after the next run, an
unreadable font folder is skipped, and the files the app makes follow one mode policy (README,
"Files and permissions")."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import FORMS_MONTH, Template
from .worker import ROOT, bizenv, bizenv_argv, child_env, obey_permissions

pytestmark = pytest.mark.reliability


@pytest.fixture
def db(template: Template, tmp_path: Path) -> Path:
    return template.copy_to(tmp_path / "data")


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_report_build_leaves_nothing_after_the_next_run(db: Path, tmp_path: Path) -> None:
    """The fault: killed report builds left .bizenv-*.pdf files in the output folder for good."""
    out = tmp_path / "reports"
    out.mkdir()
    target = out / "任务分工表.pdf"
    args = ("report", "assignment", "--year", "2026", "-o", str(target))
    proc = subprocess.Popen(bizenv_argv(db, *args), cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not _hidden(out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    left = _hidden(out)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert left, "the build finished before its temporary file could be seen: nothing was tested"
    assert not target.exists()
    again = bizenv(db, *args)
    assert again.returncode == 0, again.stderr
    assert target.is_file() and _hidden(out) == [], f"left behind: {_hidden(out)}"


def test_an_unreadable_font_folder_is_skipped(db: Path, tmp_path: Path, read_only_works: None) -> None:
    """The fault: a font folder the user may not read (here ~/.local, mode 000) aborted every report."""
    home = tmp_path / "home"
    (home / ".local" / "share" / "fonts").mkdir(parents=True)
    (home / ".fonts").mkdir()
    (home / ".fonts").chmod(0)
    (home / ".local").chmod(0)
    try:
        out = tmp_path / "x.pdf"
        proc = bizenv(db, "report", "assignment", "--year", "2026", "-o", str(out), preexec_fn=obey_permissions,
                      env={"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")})
        assert proc.returncode == 0, proc.stderr
        assert out.is_file()
    finally:
        (home / ".local").chmod(0o755)
        (home / ".fonts").chmod(0o755)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_follow_one_mode_policy(db: Path, tmp_path: Path) -> None:
    """The fault: the database was 0644 and evidence, forms and PDFs 0600, with no rule. The rule:
    the liaison's data (database, evidence store, backups) is private, 0600 (folders 0700);
    documents made to be passed on (exports, forms, PDFs, the evidence package) are 0644 (umask)."""
    umask = os.umask(0o022)
    os.umask(umask)
    document = 0o666 & ~umask
    new = tmp_path / "new" / "plan.sqlite3"
    assert bizenv(new, "init", "--year", "2026").returncode == 0
    src = tmp_path / "材料.pdf"
    src.write_bytes(b"%PDF-1.4 x" * 100)
    from bizenv_desktop.services import dispatch, evidence
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(new)
    try:
        ws.apply("m", lambda w: dispatch.start_month(w, FORMS_MONTH))
        row = ws.db.scalar("SELECT id FROM dispatch_row LIMIT 1")
        ws.apply("e", lambda w: evidence.attach(w, ws.path, src, "dispatch_row", row))
    finally:
        ws.close()
    out = tmp_path / "out"
    out.mkdir()
    for args in (("backup",), ("backup", "-o", str(out / "whole.zip")), ("export", "indicators", "-o", str(out / "i.xlsx")),
                 ("report", "plan", "--year", "2026", "-o", str(out / "p.pdf")),
                 ("forms", "make", "--month", FORMS_MONTH, "-o", str(out / "forms"))):
        proc = bizenv(new, *args)
        assert proc.returncode == 0, proc.stderr
    private = [new, *evidence.evidence_dir(new).rglob("*"), *(new.parent / "plan-backups").rglob("*"), out / "whole.zip"]
    for path in private:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(_mode(path))}"
    for path in (out / "i.xlsx", out / "p.pdf", *(out / "forms").glob("*.xlsx")):
        assert _mode(path) == document, f"{path}: {oct(_mode(path))}"
