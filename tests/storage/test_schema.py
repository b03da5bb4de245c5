"""The schema of a new file, the numbered upgrade steps, and the kept version-1 fixture file."""
from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from bizenv_desktop.storage import database, migrations
from bizenv_desktop.storage.database import APPLICATION_ID, CURRENT_VERSION, open_database

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "schema_v1.sqlite3"
FIXTURE_HOWTO = f"""\
The fixture database {FIXTURE} is missing. It is a file written by schema version 1 and must
be kept (never regenerated with a newer schema) so that upgrades of real users' files stay
tested. To recreate it with a version-1 checkout of the program:

    bizenv --db tests/fixtures/schema_v1.sqlite3 init --year 2026
    # add one liaison and one sub-task through the services, e.g.
    python -c "from bizenv_desktop.services.workspace import Workspace; ..."
    sqlite3 tests/fixtures/schema_v1.sqlite3 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;'

See tests/fixtures/README.md.
"""


# -- what db_schema.sql declares ---------------------------------------------------

def _index_columns(text: str) -> list[str | None]:
    """Column names of an index definition; None for an expression such as coalesce(x, 0)."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() if re.fullmatch(r"\s*\w+\s*", p) else None for p in parts]


def _declared() -> tuple[dict[str, tuple[list[str], bool]], dict[str, tuple[str, list[str]]]]:
    """{table: ([columns], strict)}, {index: (table, [columns])} parsed from db_schema.sql."""
    sql = re.sub(r"--[^\n]*", "", database.schema_sql())
    tables: dict[str, tuple[list[str], bool]] = {}
    for name, body, strict in re.findall(r"CREATE TABLE (\w+) \((.*?)\n\)\s*(STRICT)?\s*;", sql, re.S):
        columns = []
        for line in body.splitlines():
            match = re.match(r"\s*([a-z_][a-z0-9_]*)\s+(INTEGER|TEXT|REAL|BLOB|ANY)\b", line)
            if match:
                columns.append(match.group(1))
        tables[name] = (columns, bool(strict))
    indexes = {name: (table, _index_columns(cols))
               for name, table, cols in re.findall(r"CREATE (?:UNIQUE )?INDEX (\w+) ON (\w+)\((.*?)\);", sql)}
    return tables, indexes


def test_schema_declares_the_expected_tables() -> None:
    tables, indexes = _declared()
    assert set(tables) >= {"plan_year", "plan_section", "dimension", "indicator", "division",
                           "assignment", "subtask", "liaison", "audit"}
    assert all(strict for _, strict in tables.values()), "every table is declared STRICT"
    assert indexes, "the parser found the indexes"


def test_new_file_has_exactly_the_declared_schema(db_path: Path) -> None:
    tables, indexes = _declared()
    db = open_database(db_path)
    try:
        found_tables = {r["name"]: r["strict"] for r in db.query("PRAGMA table_list")
                        if r["schema"] == "main" and not r["name"].startswith("sqlite_")}
        assert set(found_tables) == set(tables)
        for name, (columns, strict) in tables.items():
            assert bool(found_tables[name]) == strict, f"{name} STRICT"
            assert [r["name"] for r in db.query(f"PRAGMA table_info({name})")] == columns, name
        found_indexes = {r["name"]: r["tbl_name"] for r in db.query(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")}
        assert set(found_indexes) == set(indexes)
        for name, (table, columns) in indexes.items():
            assert found_indexes[name] == table
            assert [r["name"] for r in db.query(f"PRAGMA index_info({name})")] == columns, name
        # declared UNIQUE constraints exist as automatic indexes
        unique = {tuple(r["name"] for r in db.query(f"PRAGMA index_info({i['name']})"))
                  for t in tables for i in db.query(f"PRAGMA index_list({t})") if i["origin"] == "u"}
        assert unique >= {("name",), ("indicator_id", "division_id")}
        assert db.query("PRAGMA foreign_key_check") == []
        assert db.scalar("PRAGMA integrity_check") == "ok"
    finally:
        db.close()


def test_root_schema_copy_matches_packaged_schema() -> None:
    """db_schema.sql at the repository root documents the schema the package ships."""
    root_copy = ROOT / "db_schema.sql"
    if not root_copy.exists():
        pytest.skip("no db_schema.sql at the repository root")
    assert root_copy.read_text(encoding="utf-8") == database.schema_sql()


def test_every_version_after_1_has_an_upgrade_step() -> None:
    assert sorted(migrations.STEPS) == list(range(2, CURRENT_VERSION + 1))


def _signature(path: Path) -> tuple:
    """The schema as SQLite sees it (not the stored CREATE text, which ALTER TABLE rewrites):
    marks, tables with STRICT, columns, indexes and foreign keys."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        q = lambda sql: [tuple(r) for r in conn.execute(sql).fetchall()]  # noqa: E731
        tables = sorted(r[1] for r in q("PRAGMA table_list") if r[0] == "main" and not r[1].startswith("sqlite_"))
        out = [q("PRAGMA application_id"), q("PRAGMA user_version")]
        for t in tables:
            out.append((t, [r[5] for r in q("PRAGMA table_list") if r[1] == t],
                        sorted(r[1:] for r in q(f"PRAGMA table_xinfo({t})")),
                        sorted(r[2:] for r in q(f"PRAGMA foreign_key_list({t})"))))
            for idx in sorted(q(f"PRAGMA index_list({t})"), key=lambda r: r[1]):
                name = idx[1] if not idx[1].startswith("sqlite_autoindex") else "auto"
                out.append((t, name, idx[2:], q(f"PRAGMA index_info({idx[1]})")))
        return tuple(map(repr, out))
    finally:
        conn.close()


# -- the upgrade mechanism ----------------------------------------------------------

def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_run_applies_steps_in_order_bumping_user_version(tmp_path: Path) -> None:
    conn = _raw(tmp_path / "m.db")
    seen: list[tuple[int, int]] = []

    def step(n: int):
        def apply(c: sqlite3.Connection) -> None:
            assert c.in_transaction, "each step runs inside a transaction"
            seen.append((n, c.execute("PRAGMA user_version").fetchone()[0]))
            c.execute(f"CREATE TABLE t{n} (x INTEGER) STRICT")
        return apply

    steps = {3: step(3), 1: step(1), 2: step(2)}  # dict order must not matter
    migrations.run(conn, 0, 3, steps)
    assert seen == [(1, 0), (2, 1), (3, 2)]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert {"t1", "t2", "t3"} <= _tables(conn)
    assert not conn.in_transaction
    migrations.run(conn, 3, 3, steps)  # nothing to do
    assert seen == [(1, 0), (2, 1), (3, 2)]
    conn.close()


def test_run_starts_after_the_found_version(tmp_path: Path) -> None:
    conn = _raw(tmp_path / "m.db")
    conn.execute("PRAGMA user_version = 1")
    ran: list[int] = []
    steps = {n: (lambda c, n=n: ran.append(n)) for n in (1, 2, 3)}
    migrations.run(conn, 1, 3, steps)
    assert ran == [2, 3]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.close()


def test_failing_step_rolls_back_only_that_step(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    conn = _raw(path)
    ran: list[int] = []

    def ok(n: int):
        def apply(c: sqlite3.Connection) -> None:
            ran.append(n)
            c.execute(f"CREATE TABLE t{n} (x INTEGER)")
            c.execute(f"INSERT INTO t{n} VALUES ({n})")
        return apply

    def fail(c: sqlite3.Connection) -> None:
        ran.append(3)
        c.execute("CREATE TABLE t3 (x INTEGER)")
        c.execute("INSERT INTO t1 VALUES (99)")
        raise RuntimeError("step 3 broke")

    with pytest.raises(RuntimeError, match="step 3 broke"):
        migrations.run(conn, 0, 4, {1: ok(1), 2: ok(2), 3: fail, 4: ok(4)})
    assert ran == [1, 2, 3], "no step after the failing one runs"
    assert not conn.in_transaction
    conn.close()
    check = _raw(path)  # what is really in the file
    assert check.execute("PRAGMA user_version").fetchone()[0] == 2
    assert {"t1", "t2"} <= _tables(check) and "t3" not in _tables(check)
    assert check.execute("SELECT x FROM t1").fetchall() == [(1,)]
    check.close()


def test_step_leaving_broken_references_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    conn = _raw(path)  # foreign keys off, as a table-rebuilding step needs them
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))")

    def broken(c: sqlite3.Connection) -> None:
        c.execute("INSERT INTO child (parent_id) VALUES (42)")

    with pytest.raises(sqlite3.IntegrityError):
        migrations.run(conn, 0, 1, {1: broken})
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM child").fetchone()[0] == 0
    conn.close()


def _fake_step_2(monkeypatch: pytest.MonkeyPatch, step) -> int:
    new = CURRENT_VERSION + 1
    monkeypatch.setattr(database, "CURRENT_VERSION", new)
    monkeypatch.setattr(migrations, "STEPS", {**migrations.STEPS, new: step})
    return new


def _add_note_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE division ADD COLUMN note TEXT NOT NULL DEFAULT ''")


def test_open_older_file_backs_up_then_upgrades(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_path)
    with db.transaction():
        db.execute("INSERT INTO division (name) VALUES ('法规处')")
    db.close()
    old_signature = _signature(db_path)

    new = _fake_step_2(monkeypatch, _add_note_column)
    db = open_database(db_path)
    try:
        assert db.scalar("PRAGMA user_version") == new
        assert "note" in [r["name"] for r in db.query("PRAGMA table_info(division)")]
        assert db.scalar("SELECT name FROM division") == "法规处"
        assert db.scalar("PRAGMA foreign_keys") == 1 and db.scalar("PRAGMA journal_mode") == "wal"
        backup = db.upgrade_backup
    finally:
        db.close()

    assert backup is not None and backup.exists()
    assert backup.parent == db_path.parent
    assert re.fullmatch(re.escape(db_path.name) + rf"\.before-upgrade-v{CURRENT_VERSION}-\d{{8}}-\d{{6}}-\d{{6}}\.bak",
                        backup.name), backup.name
    assert _signature(backup) == old_signature, "the backup is the old version, untouched"
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM division").fetchall() == [("法规处",)]
    finally:
        conn.close()

    # opening again does not upgrade or back up a second time
    db = open_database(db_path)
    try:
        assert db.upgrade_backup is None
    finally:
        db.close()
    assert len(list(db_path.parent.glob("*.bak"))) == 1


def test_failed_upgrade_leaves_file_at_old_version_with_backup(db_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_path)
    with db.transaction():
        db.execute("INSERT INTO division (name) VALUES ('法规处')")
    db.close()

    def broken(conn: sqlite3.Connection) -> None:
        _add_note_column(conn)
        raise RuntimeError("upgrade failed half-way")

    _fake_step_2(monkeypatch, broken)
    with pytest.raises(RuntimeError, match="half-way"):
        open_database(db_path)
    assert len(list(db_path.parent.glob("*.bak"))) == 1
    monkeypatch.undo()

    db = open_database(db_path)  # the real program still opens it as it was
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert "note" not in [r["name"] for r in db.query("PRAGMA table_info(division)")]
        assert db.scalar("SELECT name FROM division") == "法规处"
    finally:
        db.close()


# -- the kept version-1 file ----------------------------------------------------------

@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    if not FIXTURE.exists():
        pytest.fail(FIXTURE_HOWTO, pytrace=False)
    copy = tmp_path / "schema_v1-copy.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_fixture_is_a_single_version_1_file() -> None:
    if not FIXTURE.exists():
        pytest.fail(FIXTURE_HOWTO, pytrace=False)
    header = FIXTURE.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18] == header[19] == 1, "rollback-journal mode, so the file stands alone"
    assert int.from_bytes(header[60:64], "big") == 1, "user_version of the fixture must stay 1"
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert not Path(f"{FIXTURE}-wal").exists() and not Path(f"{FIXTURE}-shm").exists()


def test_opening_a_copy_of_the_v1_fixture_works(fixture_copy: Path) -> None:
    from bizenv_desktop.services.plan_read import list_liaisons, list_years, load_plan

    before = hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    db = open_database(fixture_copy)
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert (db.upgrade_backup is None) == (CURRENT_VERSION == 1)
        assert list_years(db) == [2026]
        plan = load_plan(db, 2026)
        assert len(plan.dimensions) == 2
        assert sum(len(d.indicators) for d in plan.dimensions) == 6
        assert len(plan.second_level()) == 23
        subtasks = [s for i in plan.second_level() for s in i.subtasks]
        assert len(subtasks) >= 1 and all(s.name for s in subtasks)
        assert len(list_liaisons(db)) >= 1
        assert db.query("PRAGMA foreign_key_check") == []
    finally:
        db.close()
    assert hashlib.sha256(FIXTURE.read_bytes()).hexdigest() == before, "only the copy is opened"


def test_v1_fixture_upgrades_to_the_same_schema_as_a_new_file(fixture_copy: Path, db_path: Path) -> None:
    open_database(fixture_copy).close()
    open_database(db_path).close()
    assert _signature(fixture_copy) == _signature(db_path)
