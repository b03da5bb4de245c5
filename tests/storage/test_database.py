"""Opening, creating and refusing database files: real SQLite files in tmp_path."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from bizenv_desktop.core.errors import NewerDatabase, NotOurDatabase
from bizenv_desktop.storage import database
from bizenv_desktop.storage.database import APPLICATION_ID, CURRENT_VERSION, open_database


def _fingerprint(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns


def _side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


# -- a new file ---------------------------------------------------------------

def test_new_file_is_marked_versioned_and_configured(db_path: Path) -> None:
    assert not db_path.exists()
    db = open_database(db_path)
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert db.scalar("PRAGMA application_id") == APPLICATION_ID
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA busy_timeout") == 5000
        assert db.path == db_path
        assert db.upgrade_backup is None
    finally:
        db.close()


def test_schema_version_matches_db_schema_sql() -> None:
    assert CURRENT_VERSION == database.schema_version() >= 1
    assert f"PRAGMA application_id = {APPLICATION_ID}" in database.schema_sql()


def test_every_connection_has_foreign_keys_on(db_path: Path) -> None:
    first = open_database(db_path)
    second = open_database(db_path)  # existing file, second connection
    try:
        for db in (first, second):
            assert db.scalar("PRAGMA foreign_keys") == 1
            assert db.scalar("PRAGMA journal_mode") == "wal"
            with pytest.raises(sqlite3.IntegrityError):
                with db.transaction():
                    db.execute("INSERT INTO assignment (indicator_id, division_id, role)"
                               " VALUES (999, 999, 'lead')")
    finally:
        first.close()
        second.close()


def test_reopening_keeps_data_and_version(db_path: Path) -> None:
    db = open_database(db_path)
    with db.transaction():
        db.execute("INSERT INTO division (name) VALUES ('法规处')")
    db.close()
    db = open_database(db_path)
    try:
        assert db.scalar("SELECT name FROM division") == "法规处"
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert db.upgrade_backup is None
    finally:
        db.close()
    assert not list(db_path.parent.glob("*.bak")), "no backup without an upgrade"


def test_create_false_refuses_missing_file(db_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        open_database(db_path, create=False)
    assert not db_path.exists()


def test_new_file_in_missing_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "plan.sqlite3"
    db = open_database(path)
    db.close()
    assert path.is_file()


def test_empty_file_is_initialised(db_path: Path) -> None:
    db_path.write_bytes(b"")
    db = open_database(db_path)
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert db.scalar("PRAGMA application_id") == APPLICATION_ID
        assert db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'indicator'") == 1
    finally:
        db.close()


# -- files that are not ours ----------------------------------------------------

def _text_file(path: Path) -> None:
    path.write_text("这不是数据库。\nnot a database\n", encoding="utf-8")


def _random_file(path: Path) -> None:
    path.write_bytes(os.urandom(16384))


def _other_app_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts (name) VALUES ('张三')")
    conn.commit()
    conn.close()


def _newer_file(path: Path) -> None:
    """Our application_id, but a schema version this program does not know."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.execute("CREATE TABLE future_thing (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


def _other_app_wal_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def _newer_wal_file(path: Path) -> None:
    """A file this app created (WAL mode) that a newer version has since upgraded."""
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()


REFUSED = [
    ("text", _text_file, NotOurDatabase),
    ("random", _random_file, NotOurDatabase),
    ("other-app", _other_app_file, NotOurDatabase),
    ("newer", _newer_file, NewerDatabase),
    ("other-app-wal", _other_app_wal_file, NotOurDatabase),
    ("newer-wal", _newer_wal_file, NewerDatabase),
]


@pytest.mark.parametrize("make, error", [(m, e) for _, m, e in REFUSED], ids=[n for n, _, _ in REFUSED])
def test_foreign_or_newer_file_is_refused_and_left_unchanged(tmp_path: Path, make, error) -> None:
    path = tmp_path / "chosen.db"
    make(path)
    assert _side_files(path) == []
    before = _fingerprint(path)
    with pytest.raises(error) as info:
        open_database(path)
    assert str(path) in str(info.value), "the message names the file"
    assert info.value.path == str(path)
    assert "未作任何改动" in str(info.value)
    assert _fingerprint(path) == before, "the refused file must stay byte-for-byte unchanged"
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.parametrize("make", [m for n, m, _ in REFUSED if not n.endswith("-wal")],
                         ids=[n for n, _, _ in REFUSED if not n.endswith("-wal")])
def test_refusing_a_rollback_journal_file_leaves_nothing_beside_it(tmp_path: Path, make) -> None:
    path = tmp_path / "chosen.db"
    make(path)
    with pytest.raises((NotOurDatabase, NewerDatabase)):
        open_database(path)
    assert _side_files(path) == []


@pytest.mark.parametrize("make", [_other_app_wal_file, _newer_wal_file], ids=["other-app-wal", "newer-wal"])
def test_refusing_a_wal_file_leaves_nothing_beside_it(tmp_path: Path, make) -> None:
    path = tmp_path / "chosen.db"
    make(path)
    assert _side_files(path) == []
    with pytest.raises((NotOurDatabase, NewerDatabase)):
        open_database(path)
    assert _side_files(path) == []


def test_newer_database_reports_versions(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _newer_file(path)
    with pytest.raises(NewerDatabase) as info:
        open_database(path)
    assert info.value.found == CURRENT_VERSION + 1
    assert info.value.supported == CURRENT_VERSION


def test_unmarked_empty_sqlite_file_is_refused(tmp_path: Path) -> None:
    """A valid SQLite file with no tables and no application_id is not silently taken over."""
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # makes SQLite write the header page
    conn.commit()
    conn.close()
    before = _fingerprint(path)
    with pytest.raises(NotOurDatabase) as info:
        open_database(path)
    assert str(path) in str(info.value)
    assert _fingerprint(path) == before




def _crashed_mid_upgrade(tmp_path: Path) -> Path:
    """A version-1 file whose upgrade committed into the WAL, then the program died before
    the WAL was checkpointed: the main file's header still says version 1, the WAL says current."""
    from bizenv_desktop.storage import migrations

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite3"
    if not fixture.exists():
        pytest.fail(f"missing {fixture}; see tests/fixtures/README.md", pytrace=False)
    live = tmp_path / "live" / "plan.sqlite3"
    live.parent.mkdir()
    shutil.copyfile(fixture, live)
    conn = sqlite3.connect(live, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        migrations.run(conn, 1, CURRENT_VERSION)
        crashed = tmp_path / "plan.sqlite3"
        for suffix in ("", "-wal"):  # what is on disk at the moment of the crash
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
    finally:
        conn.close()
    return crashed


@pytest.mark.skipif(CURRENT_VERSION < 2, reason="needs an upgrade step")
def test_open_after_crash_mid_upgrade_uses_the_wal(tmp_path: Path) -> None:
    crashed = _crashed_mid_upgrade(tmp_path)
    assert int.from_bytes(crashed.read_bytes()[60:64], "big") == 1, "stale header, as after a crash"
    db = open_database(crashed)
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert db.upgrade_backup is None, "nothing to upgrade: the WAL already holds it"
        assert db.scalar("SELECT count(*) FROM indicator WHERE level = 2") == 23
    finally:
        db.close()


def test_newer_version_hidden_in_wal_is_refused(tmp_path: Path) -> None:
    """Another (newer) program has the file open and has bumped the version in its WAL."""
    path = tmp_path / "plan.sqlite3"
    open_database(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
        if int.from_bytes(path.read_bytes()[60:64], "big") != CURRENT_VERSION:
            pytest.skip("SQLite checkpointed the header; nothing stale to test")
        with pytest.raises(NewerDatabase):
            db = open_database(path)
            db.close()
    finally:
        other.close()


# -- transactions -------------------------------------------------------------

def test_transaction_commits(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.transaction():
            db.execute("INSERT INTO division (name) VALUES ('法规处')")
            db.execute("INSERT INTO division (name) VALUES ('规划处')")
        assert not db.conn.in_transaction
        assert db.scalar("SELECT count(*) FROM division") == 2
    finally:
        db.close()


def test_transaction_rolls_back_everything_on_error(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.transaction():
            db.execute("INSERT INTO division (name) VALUES ('办公室')")
        with pytest.raises(RuntimeError, match="boom"):
            with db.transaction():
                db.execute("INSERT INTO division (name) VALUES ('法规处')")
                db.execute("UPDATE division SET name = '改名' WHERE name = '办公室'")
                db.execute("INSERT INTO plan_year (year, title, created_at) VALUES (2026, 't', 'now')")
                raise RuntimeError("boom")
        assert not db.conn.in_transaction
        assert [r[0] for r in db.query("SELECT name FROM division")] == ["办公室"]
        assert db.scalar("SELECT count(*) FROM plan_year") == 0
    finally:
        db.close()
    # and nothing of it reached the file
    other = open_database(db_path)
    try:
        assert [r[0] for r in other.query("SELECT name FROM division")] == ["办公室"]
    finally:
        other.close()


def test_transaction_rolls_back_on_constraint_error(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            with db.transaction():
                db.execute("INSERT INTO division (name) VALUES ('法规处')")
                db.execute("INSERT INTO division (name) VALUES ('法规处')")  # UNIQUE
        assert db.scalar("SELECT count(*) FROM division") == 0
    finally:
        db.close()


def test_nested_transaction_joins_outer(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with pytest.raises(ValueError):
            with db.transaction():
                db.execute("INSERT INTO division (name) VALUES ('法规处')")
                with db.transaction():
                    db.execute("INSERT INTO division (name) VALUES ('规划处')")
                assert db.conn.in_transaction, "the inner block must not commit the outer one"
                raise ValueError
        assert db.scalar("SELECT count(*) FROM division") == 0
    finally:
        db.close()


def test_strict_tables_refuse_wrong_types(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            with db.transaction():
                db.execute("INSERT INTO plan_year (year, title, created_at) VALUES ('abc', 't', 'now')")
    finally:
        db.close()


def test_backup_copy_is_a_valid_identical_database(db_path: Path) -> None:
    db = open_database(db_path)
    with db.transaction():
        db.execute("INSERT INTO division (name) VALUES ('法规处')")
    db.close()
    copy = database.backup_copy(db_path, "manual")
    assert copy.parent == db_path.parent
    assert copy.name.startswith(db_path.name + ".manual-") and copy.suffix == ".bak"
    conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert conn.execute("SELECT name FROM division").fetchall() == [("法规处",)]
    finally:
        conn.close()


# -- a full disk, a damaged file, a long name ---------------------------------

def test_a_full_disk_inside_a_transaction_reports_the_real_cause(db_path: Path) -> None:
    """The fault: SQLite rolls back by itself on SQLITE_FULL; the ROLLBACK after it failed with
    "cannot rollback - no transaction is active" and hid "database or disk is full"."""
    from bizenv_desktop.core.errors import StorageFull

    db = open_database(db_path)
    try:
        db.execute("CREATE TABLE filler (x TEXT)")
        db.execute(f"PRAGMA max_page_count = {db.scalar('PRAGMA page_count') + 4}")  # the disk, as SQLite sees it
        with pytest.raises(StorageFull) as caught:
            with db.transaction():
                for _ in range(200):
                    db.execute("INSERT INTO filler VALUES (?)", ("营商环境" * 500,))
        text = str(caught.value)
        assert "磁盘已满" in text and "cannot rollback" not in text and str(db_path) in text
        assert "disk is full" in caught.value.text("en")
        assert not db.conn.in_transaction
        assert db.scalar("SELECT count(*) FROM filler") == 0
        db.execute("PRAGMA max_page_count = 1073741823")
        with db.transaction():  # room again: the next write works
            db.execute("INSERT INTO filler VALUES ('x')")
        assert db.scalar("SELECT count(*) FROM filler") == 1
    finally:
        db.close()


def test_a_damaged_file_is_said_to_be_damaged(db_path: Path, damage) -> None:
    from bizenv_desktop.core.errors import DatabaseDamaged

    open_database(db_path).close()
    damage(db_path, heavy=True)
    with pytest.raises(DatabaseDamaged) as caught:
        db = open_database(db_path)
        try:
            with db.transaction():
                db.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
        finally:
            db.close()
    assert str(db_path) in str(caught.value) and "已损坏" in str(caught.value)


def test_a_database_name_too_long_for_its_side_files_is_refused_clearly(tmp_path: Path) -> None:
    """The fault: from ~250 bytes every command failed with a vague message (the -journal or the
    .lock name was over the system's 255)."""
    from bizenv_desktop.core.errors import InvalidInput
    from bizenv_desktop.services.workspace import Workspace
    from bizenv_desktop.storage.names import MAX_NAME_BYTES

    long = tmp_path / ("营" * 81 + ".sqlite3")  # 243 + 8 bytes
    with pytest.raises(InvalidInput, match="太长") as caught:
        Workspace.open(long)
    assert str(MAX_NAME_BYTES) in str(caught.value)
    assert list(tmp_path.iterdir()) == [], "something was made beside a name that cannot work"
    fits = tmp_path / ("营" * 79 + ".sqlite3")  # 237 + 8 = 245 bytes
    ws = Workspace.open(fits)
    try:
        with ws.db.transaction():
            ws.db.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
    finally:
        ws.close()
    assert database.backup_copy(fits, "before-upgrade-v2").is_file()
