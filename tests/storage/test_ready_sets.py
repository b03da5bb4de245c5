"""A set of files made all or none (storage/files.py): written into a temp_dir, marked ready,
renamed into place. A run killed during the renames is finished by the next sweep; a set not
marked ready is thrown away."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bizenv_desktop.storage import files


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _staging(folder: Path, names: list[str], ready: bool) -> Path:
    staging = folder / f".bizenv-forms-{_dead_pid()}-x1"  # a killed run's folder
    staging.mkdir()
    for name in names:
        (staging / name).write_text(name, encoding="utf-8")
    if ready:
        files.mark_ready(staging)
    return staging


def test_a_ready_set_killed_during_its_renames_is_finished_by_the_sweep(tmp_path: Path) -> None:
    names = [f"2026-06 月调度表（处{i}）.xlsx" for i in range(6)]
    staging = _staging(tmp_path, names, ready=True)
    for name in names[:4]:  # four renamed, then the kill
        os.replace(staging / name, tmp_path / name)
    assert len(list(tmp_path.glob("*.xlsx"))) == 4
    files.sweep(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == sorted(names)
    assert not staging.exists() and all((tmp_path / n).read_text(encoding="utf-8") == n for n in names)


def test_a_set_not_marked_ready_is_thrown_away(tmp_path: Path) -> None:
    (tmp_path / "2026-06 月调度表（处0）.xlsx").write_text("older", encoding="utf-8")
    staging = _staging(tmp_path, [f"2026-06 月调度表（处{i}）.xlsx" for i in range(6)], ready=False)
    files.sweep(tmp_path)
    assert not staging.exists()
    assert [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.xlsx")] == ["older"]  # as it was
