"""The .deb for Debian 12 / UOS / Kylin (packaging/deb.py), built and installed for real.

Slow (three to four minutes: two PyInstaller builds and a virtual environment for the older
one), so only with BIZENV_BUILD_TEST=1, like the build test in test_release.py. It builds the
released 0.1.0 (commit RELEASE, its own dependencies) and this tree, packs both with
packaging/deb.py, unpacks the older into a temporary root with `dpkg -x`, runs the installed
`bizenv init` and `indicators --json` with a temporary HOME, adds evidence and a backup with
0.1.0's own code, then puts the newer package over it (the older package's files removed, as
dpkg does) and checks the user's database and evidence are untouched until the new program
opens them, then upgraded (the schema has changed since 0.1.0) with every row and file kept,
and that 0.1.0's backup still restores.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from bizenv_desktop import __version__
from bizenv_desktop.storage.database import CURRENT_VERSION

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "4a0de1c61aa348cae8e5f0b55370545f731ac1a0"  # "Release: …", version 0.1.0, schema 3
NEWER = f"{__version__}+test1"
REAL_HOME = os.environ.get("HOME", "")

pytestmark = [
    pytest.mark.skipif(os.environ.get("BIZENV_BUILD_TEST") != "1",
                       reason="slow (3-4 minutes): BIZENV_BUILD_TEST=1 builds two .deb packages and installs them"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a .deb is for Linux"),
]


def run(argv: list[str], **kw) -> subprocess.CompletedProcess[str]:
    kw.setdefault("timeout", 1800)
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", errors="replace", **kw)
    assert proc.returncode == 0, f"{argv}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def build_old(tmp: Path) -> Path:
    """The PyInstaller folder of release 0.1.0, from git, in a virtual environment of its own."""
    if subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{RELEASE}^{{commit}}"]).returncode != 0:
        pytest.fail(f"release 0.1.0 ({RELEASE[:7]}) is not in this clone: fetch the full history")
    tree = tmp / "release-0.1.0"
    tree.mkdir()
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", RELEASE], capture_output=True,
                          check=True).stdout
    tar_path = tmp / "release.tar"
    tar_path.write_bytes(data)
    with tarfile.open(tar_path) as tar:
        tar.extractall(tree, filter="tar")
    base = getattr(sys, "_base_executable", sys.executable)
    run([base, "-m", "venv", str(tree / ".venv")])
    run([str(tree / ".venv" / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         str(tree), "pyinstaller==6.*"], env={**os.environ, "HOME": REAL_HOME})
    run(["bash", "packaging/build.sh"], cwd=tree, env={**os.environ, "HOME": REAL_HOME})
    return tree


def pack(dist: Path, version: str, out: Path) -> Path:
    proc = run([sys.executable, str(ROOT / "packaging" / "deb.py"), "--dist", str(dist), "--version", version,
                "--out", str(out)])
    return Path(proc.stdout.strip().splitlines()[-1])


def contents(deb: Path) -> list[str]:
    """The package's paths as dpkg installs them (leading ./ dropped)."""
    proc = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True)
    return [line.split(None, 5)[5].split(" -> ")[0].removeprefix("./") for line in proc.stdout.splitlines()]


def upgrade(root: Path, old: Path, new: Path) -> None:
    """What dpkg -i of the newer package does to the files: the older package's files go, the
    newer's come (no maintainer scripts: they only refresh the menu and icon caches)."""
    for relative in sorted(contents(old), key=len, reverse=True):
        path = root / relative
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    run(["dpkg", "-x", str(new), str(root)])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(db: Path, tables: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of the given tables, in the given columns (those of the older schema)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid").fetchall()
                for t, cols in tables.items()}
    finally:
        conn.close()


def columns(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name NOT LIKE 'sqlite_%'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in names}
    finally:
        conn.close()


ADD_EVIDENCE = """
import sys
from pathlib import Path
from bizenv_desktop.services import dispatch, evidence
from bizenv_desktop.services.workspace import Workspace
ws = Workspace.open(sys.argv[1])
ws.apply("开始", lambda w: dispatch.start_month(w, "2026-06"))
rows = dispatch.load_month(ws.db, "2026-06").rows
for i, source in enumerate(sys.argv[2:]):
    ws.apply("佐证", lambda w, s=source, i=i: evidence.attach(w, ws.path, s, "dispatch_row", rows[i].id))
ws.close()
"""


def test_the_deb_installs_runs_and_upgrades_without_touching_the_users_data(tmp_path: Path) -> None:
    started = time.monotonic()
    new_build = run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, env={**os.environ, "HOME": REAL_HOME})
    assert new_build.returncode == 0
    new = pack(ROOT / "dist" / "bizenv-desktop", NEWER, tmp_path / "debs")
    old_tree = build_old(tmp_path)
    old = pack(old_tree / "dist" / "bizenv-desktop", "0.1.0", tmp_path / "debs")
    built = time.monotonic() - started
    run(["dpkg", "--compare-versions", NEWER, "gt", "0.1.0"])

    # -- what is in the package
    fields = run(["dpkg-deb", "-f", str(new), "Package", "Version", "Architecture", "Depends"]).stdout
    assert "Package: bizenv-desktop" in fields and f"Version: {NEWER}" in fields and "libc6 (>=" in fields
    listed = contents(new)
    for path in ("opt/bizenv-desktop/bizenv", "opt/bizenv-desktop/bizenv-desktop", "opt/bizenv-desktop/_internal/",
                 "usr/bin/bizenv", "usr/bin/bizenv-desktop", "usr/share/applications/bizenv-desktop.desktop",
                 "usr/share/icons/hicolor/256x256/apps/bizenv-desktop.png"):
        assert path in listed, path
    assert not [p for p in listed if p.startswith(("home/", "root/", "var/lib/bizenv"))], "data shipped in the package"

    # -- the older package, installed; the user's first steps
    root, home = tmp_path / "root", tmp_path / "home"
    home.mkdir()
    run(["dpkg", "-x", str(old), str(root)])
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"), "LANG": "C.UTF-8"}
    env.pop("PYTHONPATH", None)
    bizenv = root / "usr" / "bin" / "bizenv"
    assert bizenv.is_symlink() and run([str(bizenv), "--version"], env=env).stdout.strip() == "bizenv-desktop 0.1.0"
    run([str(bizenv), "init", "--year", "2026"], env=env)
    plan = json.loads(run([str(bizenv), "indicators", "--json"], env=env).stdout)
    assert sum(len(f["children"]) for d in plan["dimensions"] for f in d["indicators"]) == 23
    db = home / ".local" / "share" / "bizenv-desktop" / "bizenv.sqlite3"
    assert db.is_file() and root not in db.parents, "the data folder must never be inside the install folder"
    sources = []
    for i in range(3):
        src = tmp_path / f"佐证材料{i}.pdf"
        src.write_bytes(f"%PDF-1.4 佐证 {i}\n".encode() * (200 + i))
        sources.append(str(src))
    run([str(old_tree / ".venv" / "bin" / "python"), "-c", ADD_EVIDENCE, str(db), *sources], cwd=old_tree,
        env={**env, "PYTHONPATH": str(old_tree)})
    run([str(bizenv), "backup"], env=env)  # a backup as 0.1.0 made them: a bare database
    old_backup = next((db.parent / "bizenv-backups").glob("*.sqlite3"))
    store = db.parent / "bizenv-evidence"
    evidence = {p.name: digest(p) for p in store.rglob("*") if p.is_file()}
    assert len(evidence) == 3 and all(name == value for name, value in evidence.items())
    old_columns = columns(db)
    before_rows = rows(db, old_columns)
    before_db = digest(db)
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 3

    # -- the newer package over it
    upgrade(root, old, new)
    assert not (root / "opt" / "bizenv-desktop" / "_internal" / "filelock").exists(), "0.1.0's files were left"
    assert digest(db) == before_db, "installing the package touched the user's database"
    assert {p.name: digest(p) for p in store.rglob("*") if p.is_file()} == evidence
    assert run([str(bizenv), "--version"], env=env).stdout.strip() == f"bizenv-desktop {__version__}"
    plan = json.loads(run([str(bizenv), "indicators", "--json"], env=env).stdout)
    assert sum(len(f["children"]) for d in plan["dimensions"] for f in d["indicators"]) == 23
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION, "not upgraded"
    finally:
        conn.close()
    assert list(db.parent.glob("bizenv.sqlite3.before-upgrade-v3-*.bak")), "no copy was kept before the upgrade"
    assert rows(db, old_columns) == before_rows, "a row of the user's data changed in the upgrade"
    assert {p.name: digest(p) for p in store.rglob("*") if p.is_file()} == evidence
    check = run([str(bizenv), "check"], env=env)
    assert check.stdout.strip() == "ok", check.stdout

    # -- 0.1.0's backup restores with the newer program (upgraded on the way), evidence included
    elsewhere = tmp_path / "elsewhere" / "restored.sqlite3"
    run([str(bizenv), "--db", str(elsewhere), "restore", str(old_backup)], env=env)
    assert run([str(bizenv), "--db", str(elsewhere), "check"], env=env).stdout.strip() == "ok"
    restored = {p.name: digest(p) for p in (elsewhere.parent / "restored-evidence").rglob("*") if p.is_file()}
    assert restored == evidence
    shutil.rmtree(root)
    print(f"deb: built both in {built:.0f} s, whole test {time.monotonic() - started:.0f} s; "
          f"{new.name} {new.stat().st_size >> 20} MB")
