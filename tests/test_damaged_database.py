"""A damaged database file, met by the real `bizenv` command line: a sentence in every command
(never a traceback), `check` exits 1, the newest sound backup and the command that restores it
are named, and that command works. Also `backup -o B` then `restore B` elsewhere: the same data
and every evidence file, hashes equal."""
from __future__ import annotations

import hashlib
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The built-in plan, a started month with two evidence files, and one rotating backup."""
    from bizenv_desktop.services import dispatch, evidence
    from bizenv_desktop.services.startup import open_workspace

    path = tmp_path / "data" / "plan.sqlite3"
    path.parent.mkdir()
    ws = open_workspace(path, first_year=2026)
    try:
        ws.apply("m", lambda w: dispatch.start_month(w, "2026-06"))
        rows = dispatch.load_month(ws.db, "2026-06").rows
        for i in range(2):
            src = tmp_path / f"材料{i}.pdf"
            src.write_bytes(f"%PDF 材料 {i}".encode() * 300)
            ws.apply("e", lambda w, src=src, i=i: evidence.attach(w, ws.path, src, "dispatch_row", rows[i].id))
    finally:
        ws.close()
    return path


def evidence_hashes(db_path: Path) -> dict[str, str]:
    store = db_path.parent / f"{db_path.stem}-evidence"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in store.rglob("*") if p.is_file()}


def test_backup_to_a_file_and_restore_it_elsewhere_reproduces_everything(db: Path, tmp_path: Path) -> None:
    whole = tmp_path / "整份备份.zip"
    made = run(db, "backup", "-o", str(whole))
    assert made.returncode == 0, made.stderr
    new = tmp_path / "other" / "new.sqlite3"
    restored = run(new, "restore", str(whole))
    assert restored.returncode == 0, restored.stderr
    assert "放回了 2 个佐证材料文件" in restored.stdout
    assert [line for line in dump(new) if "\"audit\"" not in line] == \
        [line for line in dump(db) if "\"audit\"" not in line]
    assert evidence_hashes(new) == evidence_hashes(db) and len(evidence_hashes(db)) == 2
    assert all(name == digest for name, digest in evidence_hashes(new).items())
    check = run(new, "check")
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr


COMMANDS = [
    ("indicators", "--json"),
    ("dispatch", "--month", "2026-06", "--json"),
    ("due", "--today", "2026-06-01", "--json"),
    ("init", "--year", "2027"),
    ("backup",),
    ("backup", "-o", "OUT/copy.zip"),
    ("export", "indicators", "-o", "OUT/x.xlsx"),
    ("report", "assignment", "--year", "2026", "-o", "OUT/x.pdf"),
    ("forms", "make", "--month", "2026-06", "-o", "OUT/forms"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:2]) for a in COMMANDS])
def test_every_command_says_the_file_is_damaged_and_how_to_restore(db: Path, tmp_path: Path,
                                                                     args: tuple[str, ...], damage) -> None:
    """The fault: a traceback in every command (only OperationalError was caught); `backup`
    said the database itself was unaffected."""
    assert run(db, "backup").returncode == 0
    good = sorted((db.parent / "plan-backups").glob("*.zip"))[-1]
    damage(db, heavy=True)
    out = tmp_path / "out"
    out.mkdir()
    proc = run(db, *(a.replace("OUT", str(out)) for a in args))
    assert proc.returncode == 2, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    assert proc.stderr.startswith("错误：") and "已损坏" in proc.stderr, proc.stderr
    assert "没有受到影响" not in proc.stderr
    assert str(good) in proc.stderr and "restore" in proc.stderr, proc.stderr


@pytest.mark.parametrize("heavy", [True, False], ids=["heavy", "light"])
def test_check_on_a_damaged_file_prints_a_sentence_exits_1_and_the_command_restores(
        db: Path, heavy: bool, damage) -> None:
    assert run(db, "backup").returncode == 0
    expected = dump(db)
    damage(db, heavy=heavy)
    proc = run(db, "check")
    assert proc.returncode == 1, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    assert "损坏" in proc.stdout or "完整性" in proc.stdout, proc.stdout
    command = next(line for line in proc.stdout.splitlines() if "restore" in line).split("：", 1)[1]
    argv = shlex.split(command)
    assert argv[:3] == ["bizenv", "--db", str(db)] and argv[3] == "restore"
    restored = run(db, *argv[3:])
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "损坏的数据库文件原样保存在" in restored.stdout or "恢复前的数据已备份到" in restored.stdout
    check = run(db, "check")
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr
    assert dump(db) == expected


def test_check_with_no_backup_says_so(db: Path, damage) -> None:
    damage(db, heavy=True)
    proc = run(db, "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "没有找到完好的备份" in proc.stdout, proc.stdout


def test_restoring_from_a_damaged_backup_is_refused_with_a_sentence(db: Path, tmp_path: Path, damage) -> None:
    copy = tmp_path / "copy.sqlite3"
    conn = sqlite3.connect(db)
    target = sqlite3.connect(copy)
    conn.backup(target)
    target.execute("PRAGMA journal_mode = DELETE")
    target.close()
    conn.close()
    damage(copy)
    before = dump(db)
    proc = run(db, "restore", str(copy))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("错误：") and "已损坏" in proc.stderr and str(copy) in proc.stderr
    assert dump(db) == before
