"""Schema upgrades of real old files: every kept tests/fixtures/schema_v<N>.sqlite3 (a file made
by a released version of the program) is upgraded by this version, with a backup first, to
exactly the schema of a new file, keeping all its data. See tests/fixtures/README.md."""
from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from bizenv_desktop.storage import database, migrations
from bizenv_desktop.storage.database import APPLICATION_ID, CURRENT_VERSION, open_database

from .worker import ROOT, bizenv

pytestmark = pytest.mark.reliability

FIXTURES = ROOT / "tests" / "fixtures"

# Schema versions that never reached a user's machine, so need no fixture. Every other version
# below CURRENT_VERSION was released and must have tests/fixtures/schema_v<N>.sqlite3. When a
# schema change is released, its version simply stays out of this list.
NOT_RELEASED: dict[int, str] = {
    2: "development only: only the version-1 file is kept from before the first release",
    4: "development only: steps 4 (issue 13), 5 (issue 16) and 6 (issue 11) landed before the next release",
    5: "development only: released together with 4 and 6 (schema_v6.sqlite3 holds all three)",
}

HOWTO = """\
No fixture for released schema version(s) {missing} in tests/fixtures. A file written by
each released schema version must be kept so that upgrading real users' files stays tested:
make it with a checkout of the release that had that version, by the recipe in
tests/fixtures/README.md (“Adding the next fixture”), as tests/fixtures/schema_v<N>.sqlite3.
If a version was never released, list it in NOT_RELEASED in {test} with the reason."""


def _fixtures() -> dict[int, Path]:
    found = {}
    for path in sorted(FIXTURES.glob("schema_v*.sqlite3")):
        match = re.fullmatch(r"schema_v(\d+)\.sqlite3", path.name)
        assert match, f"unexpected fixture name {path.name} (schema_v<N>.sqlite3)"
        found[int(match[1])] = path
    return found


FOUND = _fixtures()


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _norm(sql: str | None) -> str | None:
    """CREATE text without comments and with canonical spacing."""
    if sql is None:
        return None
    sql = re.sub(r"--[^\n]*", "", sql)
    sql = re.sub(r"\s+", " ", sql).strip()
    return re.sub(r"\s*([(),])\s*", r"\1", sql)


def _master(path: Path) -> dict[tuple[str, str, str], str | None]:
    conn = _ro(path)
    try:
        return {(t, n, tb): _norm(s) for t, n, tb, s in
                conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")}
    finally:
        conn.close()


def _shape(path: Path) -> list[tuple]:
    """The schema as SQLite reads it: columns (type, null, default, key), foreign keys, indexes."""
    conn = _ro(path)
    try:
        out: list[tuple] = []
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for t in tables:
            out.append((t, [tuple(r) for r in conn.execute(f"PRAGMA table_xinfo({t})")],
                        sorted(tuple(r)[2:] for r in conn.execute(f"PRAGMA foreign_key_list({t})"))))
            for idx in sorted(conn.execute(f"PRAGMA index_list({t})"), key=lambda r: r[1]):
                name = "auto" if idx[1].startswith("sqlite_autoindex") else idx[1]
                out.append((t, name, tuple(idx)[2:], [tuple(r) for r in conn.execute(f"PRAGMA index_info({idx[1]})")]))
        return out
    finally:
        conn.close()


def _rows(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (or of the given tables, only the given columns), sorted."""
    conn = _ro(path)
    try:
        if columns is None:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " AND name NOT LIKE 'sqlite_%'")]
            columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
        return {t: sorted(tuple(r) for r in conn.execute(f"SELECT {', '.join(cols)} FROM {t}"))
                for t, cols in columns.items()}
    finally:
        conn.close()


def _columns(path: Path) -> dict[str, list[str]]:
    conn = _ro(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'sqlite_%'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    finally:
        conn.close()


def _moved_by_steps(old_rows: dict[str, list[tuple]], version: int
                    ) -> tuple[dict[str, list[tuple]], dict[str, tuple[list[str], list[tuple]]]]:
    """(the old rows as they stay where they were, {table: (columns, rows)} that steps moved).

    Step 7 moves the form returns, deadline_done rows keyed "dispatch_return:<month>:<id>",
    into form_return (month, division_id, returned_on, note)."""
    kept = dict(old_rows)
    moved: dict[str, tuple[list[str], list[tuple]]] = {}
    if version < 7 and "deadline_done" in old_rows:  # (id, key, done_on, evidence_id, note)
        returns = [r for r in old_rows["deadline_done"] if str(r[1]).startswith("dispatch_return:")]
        kept["deadline_done"] = [r for r in old_rows["deadline_done"] if r not in returns]
        moved["form_return"] = (["month", "division_id", "returned_on", "note"], sorted(
            (r[1].split(":")[1], int(r[1].split(":")[2]), r[2], r[4]) for r in returns))
    return kept, moved


def _facts(conn: sqlite3.Connection) -> None:
    """What tests/fixtures/README.md says every fixture holds."""
    q = lambda sql, *p: conn.execute(sql, p).fetchall()  # noqa: E731
    assert q("SELECT year FROM plan_year") == [(2026,)]
    assert q("SELECT count(*) FROM dimension WHERE year = 2026") == [(2,)]
    assert q("SELECT level, count(*) FROM indicator GROUP BY level ORDER BY level") == [(1, 6), (2, 23)]
    assert q("SELECT l.name, d.name, l.start_date, l.reported_on, l.phone FROM liaison l"
             " JOIN division d ON d.id = l.division_id") == [("王明", "法规处", "2026-01-05", "2026-01-08", "0431-88888888")]
    assert q("SELECT i.code, s.name, d.name, s.person, s.deadline, s.note FROM subtask s"
             " JOIN indicator i ON i.id = s.indicator_id JOIN division d ON d.id = s.division_id") == [
        ("(3)", "细化分解《吉林省优化营商环境条例》重点内容", "法规处", "王明", "2026-06-30", "每月调度")]


# -- the set of fixtures ----------------------------------------------------------------------

def test_there_is_a_fixture_for_every_released_version() -> None:
    required = [v for v in range(1, CURRENT_VERSION) if v not in NOT_RELEASED]
    missing = [v for v in required if v not in FOUND]
    assert not missing, HOWTO.format(missing=", ".join(map(str, missing)), test=Path(__file__).name)
    assert all(v < CURRENT_VERSION for v in NOT_RELEASED), "NOT_RELEASED lists a version not yet replaced"
    assert not set(NOT_RELEASED) & set(FOUND), "a version with a fixture is listed as never released"
    assert all(v <= CURRENT_VERSION for v in FOUND), "a fixture newer than this program"


def test_every_schema_step_has_a_way_in() -> None:
    """Each released version is upgraded by the steps after it (no gap in migrations.STEPS)."""
    for version in FOUND:
        assert all(v in migrations.STEPS for v in range(version + 1, CURRENT_VERSION + 1)), version


@pytest.fixture(params=sorted(FOUND), ids=[f"v{v}" for v in sorted(FOUND)])
def fixture(request: pytest.FixtureRequest) -> tuple[int, Path]:
    return request.param, FOUND[request.param]


def test_fixture_is_a_single_file_of_its_version(fixture: tuple[int, Path]) -> None:
    version, path = fixture
    header = path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[60:64], "big") == version, "the name says another version"
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert header[18] == header[19] == 1, "rollback-journal mode, so the file stands alone"
    for side in ("-wal", "-shm", "-journal"):
        assert not Path(f"{path}{side}").exists(), f"{path.name}{side} beside the fixture"
    conn = _ro(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        _facts(conn)
    finally:
        conn.close()


# -- upgrading a copy -------------------------------------------------------------------------

def test_copy_is_upgraded_after_a_backup(fixture: tuple[int, Path], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    version, original = fixture
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(original, copy)
    old_columns = _columns(copy)
    old_rows = _rows(copy)

    seen: list[list[Path]] = []
    real_run = migrations.run

    def run(conn: sqlite3.Connection, found: int, target: int, steps=None) -> None:
        seen.append(sorted(tmp_path.glob("*.bak")))  # what was on disk when the first step began
        assert found == version
        real_run(conn, found, target, steps)
    monkeypatch.setattr(migrations, "run", run)

    db = open_database(copy)
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.query("PRAGMA foreign_key_check") == []
        assert db.scalar("PRAGMA integrity_check") == "ok"
        backup = db.upgrade_backup
    finally:
        db.close()

    if version == CURRENT_VERSION:
        assert backup is None and seen == []
        return
    assert len(seen) == 1 and backup is not None
    assert seen[0] == [backup], "the backup was not there, complete, before the upgrade began"
    assert backup.parent == copy.parent
    assert re.fullmatch(re.escape(copy.name) + rf"\.before-upgrade-v{version}-\d{{8}}-\d{{6}}-\d{{6}}\.bak",
                        backup.name), backup.name
    conn = _ro(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()
    assert _rows(backup) == old_rows, "the backup does not hold the old data"
    assert _master(backup) == _master(original), "the backup does not have the old schema"

    # the same schema as a new file, and every old row still there
    fresh = tmp_path / "fresh.sqlite3"
    open_database(fresh).close()
    assert _master(copy) == _master(fresh)
    assert _shape(copy) == _shape(fresh)
    kept, moved = _moved_by_steps(old_rows, version)
    assert _rows(copy, old_columns) == kept, "rows changed or went missing in the upgrade"
    assert _rows(copy, {t: cols for t, (cols, _rows_) in moved.items()}) == {
        t: rows for t, (_cols, rows) in moved.items()}, "rows a step moves did not arrive"
    conn = _ro(copy)
    try:
        _facts(conn)
    finally:
        conn.close()

    # opening again neither upgrades nor backs up again; the kept fixture was never touched
    db = open_database(copy)
    try:
        assert db.upgrade_backup is None
    finally:
        db.close()
    assert sorted(tmp_path.glob("*.bak")) == [backup]
    assert hashlib.sha256(original.read_bytes()).hexdigest() == digest


def test_the_cli_upgrades_a_copy_too(fixture: tuple[int, Path], tmp_path: Path) -> None:
    version, original = fixture
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(original, copy)
    proc = bizenv(copy, "check")
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stdout + proc.stderr
    assert len(list(tmp_path.glob("*.bak"))) == (0 if version == CURRENT_VERSION else 1)
    proc = bizenv(copy, "indicators", "--year", "2026", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "细化分解《吉林省优化营商环境条例》重点内容" in proc.stdout
    conn = _ro(copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == database.CURRENT_VERSION
    finally:
        conn.close()
