"""The `bizenv` command line, run as a real process on real files."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bizenv_desktop import __version__


def run(*args: str, env: dict | None = None, errors: str = "strict") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", *args], capture_output=True,
                          text=True, encoding="utf-8", errors=errors, env={**os.environ, **(env or {})},
                          timeout=120)


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"bizenv-desktop {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", __version__)


def test_bizenv_script_is_installed(tmp_path: Path) -> None:
    script = shutil.which("bizenv", path=str(Path(sys.executable).parent)) or shutil.which("bizenv")
    if script is None:
        pytest.skip("the bizenv console script is not installed in this environment")
    proc = subprocess.run([script, "--db", str(tmp_path / "f.sqlite3"), "init", "--year", "2026"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "2026" in proc.stdout


def test_init_creates_the_builtin_plan(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite3"
    proc = run("--db", str(db), "init", "--year", "2026")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert str(db) in proc.stdout and "2026" in proc.stdout and "创建" in proc.stdout
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT year FROM plan_year").fetchall() == [(2026,)]
        assert conn.execute("SELECT count(*) FROM indicator WHERE level = 2").fetchone()[0] == 23
    finally:
        conn.close()


def test_init_defaults_to_this_year(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite3"
    assert run("--db", str(db), "init").returncode == 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT year FROM plan_year").fetchall() == [(date.today().year,)]
    finally:
        conn.close()


def test_init_second_year_in_same_file(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite3"
    assert run("--db", str(db), "init", "--year", "2026").returncode == 0
    assert run("--db", str(db), "init", "--year", "2027").returncode == 0
    out = run("--db", str(db), "indicators", "--year", "2027")
    assert out.returncode == 0 and out.stdout.startswith("2027 年度")


def test_indicators_text_output(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite3"
    run("--db", str(db), "init", "--year", "2026")
    proc = run("--db", str(db), "indicators", "--year", "2026")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "2026 年度 吉林省科学技术厅营商环境考核评价实施方案"
    assert "（一）基础建设和执行协同" in lines and "（二）创新提升影响力" in lines
    assert "  1、加强基础建设" in lines and "  6、获得推广" in lines
    second = [ln for ln in lines if ln.startswith("    (")]
    assert len(second) == 23
    assert "    (1) 制定年度营商环境建设实施计划，并在部门网站公开  —  法规处[responsible]" in lines
    assert "    (12) 最多跑一次改革  —  法规处[lead]；审批办[cooperate]；相关业务处室[cooperate]" in lines
    assert "    (20) 通报表扬  —  厅内各处室[responsible]" in lines


def test_indicators_on_a_new_file_installs_the_plan(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    proc = run("--db", str(db), "indicators", "--json")
    assert proc.returncode == 0, proc.stderr
    assert '"year": ' in proc.stdout and db.exists()


def test_missing_year_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite3"
    run("--db", str(db), "init", "--year", "2026")
    proc = run("--db", str(db), "indicators", "--year", "2030")
    assert proc.returncode == 2
    assert "2030" in proc.stderr and proc.stdout == ""


@pytest.mark.parametrize("command", [["init", "--year", "2026"], ["indicators"], ["indicators", "--json"]])
@pytest.mark.parametrize("content", [b"hello, this is text\n", os.urandom(4096)], ids=["text", "random"])
def test_bad_file_exit_code_2_and_message_naming_file(tmp_path: Path, command, content: bytes) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    proc = run("--db", str(bad), *command)
    assert proc.returncode == 2
    assert str(bad) in proc.stderr
    assert proc.stderr.startswith("错误：") and "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_newer_file_exit_code_2(tmp_path: Path) -> None:
    from bizenv_desktop.storage.database import APPLICATION_ID, CURRENT_VERSION

    db = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.execute("CREATE TABLE x (id INTEGER)")
    conn.commit()
    conn.close()
    proc = run("--db", str(db), "indicators")
    assert proc.returncode == 2
    assert str(db) in proc.stderr and "更新版本" in proc.stderr


def test_unreachable_path_exit_code_2(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    proc = run("--db", str(folder), "init")
    assert proc.returncode == 2
    assert "错误" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_command_is_a_usage_error() -> None:
    proc = run("frobnicate")
    assert proc.returncode == 2
    assert "usage" in proc.stderr.lower()


def test_error_message_is_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("hello")
    proc = run("--db", str(bad), "init", env={"PYTHONIOENCODING": "cp1252"}, errors="replace")
    assert proc.returncode == 2
    assert "不是本程序的数据库" in proc.stderr


def test_help_works_whatever_the_console_encoding() -> None:
    proc = run("--help", env={"PYTHONIOENCODING": "cp1252"}, errors="replace")
    assert proc.returncode == 0, proc.stderr[-300:]
    assert "营商环境考核评价工作台" in proc.stdout
