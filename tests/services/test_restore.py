"""Restore on real files: verified before anything is touched, evidence written whole (temp,
fsync, rename) and repaired by running it again, older backups (bare databases, older schemas)
still restore, damaged backups are refused with a sentence, a damaged database is replaced."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from bizenv_desktop.core.errors import BizenvError, InvalidInput, NewerDatabase
from bizenv_desktop.services import backup, evidence, restore
from bizenv_desktop.services.integrity import check
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.services.workspace import Workspace

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.sqlite3"


def store_files(db_path: Path) -> dict[str, bytes]:
    store = evidence.evidence_dir(db_path)
    return {p.name: p.read_bytes() for p in store.rglob("*") if p.is_file()} if store.is_dir() else {}


def dump(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [line for line in conn.iterdump() if "INSERT INTO \"audit\"" not in line]
    finally:
        conn.close()


@pytest.fixture
def made(workspace: Workspace, tmp_path: Path, attach_files) -> dict[str, bytes]:
    return attach_files(workspace, tmp_path / "in")


def test_a_whole_backup_restores_database_and_evidence_into_a_new_place(
        workspace: Workspace, made: dict, tmp_path: Path) -> None:
    source = backup.make_backup(workspace.db, "manual", tmp_path / "b.zip")
    expected = dump(workspace.path)
    other = open_workspace(tmp_path / "elsewhere" / "new.sqlite3", first_year=2027)
    try:
        result = restore.restore(other.path, source, other.db)
        assert result.evidence_written == len(made) and not result.evidence_missing
        assert check(other.db) == []
    finally:
        other.close()
    assert dump(other.path) == expected
    assert {hashlib.sha256(b).hexdigest() for b in store_files(other.path).values()} == set(made)


def test_restore_verifies_the_manifest_before_touching_anything(
        workspace: Workspace, made: dict, tmp_path: Path) -> None:
    good = backup.make_backup(workspace.db, "manual", tmp_path / "b.zip")
    bad = tmp_path / "tampered.zip"
    victim = next(iter(made))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, b"tampered" if info.filename.endswith(victim) else data)
    shutil.rmtree(evidence.evidence_dir(workspace.path))  # the store would need every file back
    before_db, before_backups = dump(workspace.path), list(backup.backup_dir(workspace.path).glob("*"))
    with pytest.raises(InvalidInput, match="已损坏") as caught:
        restore.restore(workspace.path, bad, workspace.db)
    assert victim[:12] in str(caught.value)
    assert dump(workspace.path) == before_db
    assert store_files(workspace.path) == {}, "evidence was written from a backup that failed its check"
    assert list(backup.backup_dir(workspace.path).glob("*")) == before_backups, "a safety backup was made"


def test_a_torn_evidence_file_is_repaired_by_restoring_again(
        workspace: Workspace, made: dict, tmp_path: Path) -> None:
    """The fault: restore copied evidence straight onto its final name, so a killed restore left
    truncated files under their hash names, and a second restore repaired none (it only added
    missing names). Here the store holds what such a run leaves."""
    source = backup.make_backup(workspace.db, "manual", tmp_path / "b.zip")
    torn = []
    for sha in made:
        path = evidence.stored_path(workspace.path, sha)
        path.write_bytes(path.read_bytes()[:100])  # truncated, as a killed copy leaves it
        torn.append(path)
    assert len(check(workspace.db)) == len(made)
    result = restore.restore(workspace.path, source, workspace.db)
    assert result.evidence_written == len(made)
    for sha in made:
        assert evidence.file_sha256(evidence.stored_path(workspace.path, sha)) == sha
    assert check(workspace.db) == []
    assert restore.restore(workspace.path, source, workspace.db).evidence_written == 0  # nothing left to do


def test_an_old_bare_database_backup_still_restores_with_its_shared_evidence(
        workspace: Workspace, made: dict, tmp_path: Path) -> None:
    folder = backup.backup_dir(workspace.path)
    folder.mkdir()
    legacy = folder / "plan-20261120-090000-daily.sqlite3"  # what version 0.1.0 wrote
    copy = sqlite3.connect(legacy)
    workspace.db.conn.backup(copy)
    copy.close()
    for sha, data in made.items():  # and its shared evidence folder
        (folder / "evidence" / sha[:2]).mkdir(parents=True, exist_ok=True)
        (folder / "evidence" / sha[:2] / sha).write_bytes(data)
    expected = dump(workspace.path)
    target = open_workspace(tmp_path / "new" / "plan.sqlite3", first_year=2027)
    try:
        shutil.copytree(folder, backup.backup_dir(target.path))  # restore reads the copies there
        result = restore.restore(target.path, backup.backup_dir(target.path) / legacy.name, target.db)
        assert result.evidence_written == len(made) and check(target.db) == []
    finally:
        target.close()
    assert dump(target.path) == expected


def test_a_backup_of_an_older_schema_is_upgraded_and_restored(workspace: Workspace) -> None:
    result = restore.restore(workspace.path, FIXTURE_V1, workspace.db)
    assert result.upgraded_from == 1
    assert workspace.db.scalar("PRAGMA user_version") == workspace.db.scalar("PRAGMA user_version")
    from bizenv_desktop.storage.database import CURRENT_VERSION

    assert workspace.db.scalar("PRAGMA user_version") == CURRENT_VERSION
    assert workspace.db.scalar("SELECT count(*) FROM subtask") > 0
    assert check(workspace.db) == []


def test_a_newer_backup_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(FIXTURE_V1, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(NewerDatabase) as caught:
        restore.restore(workspace.path, newer, workspace.db)
    assert str(newer) in str(caught.value)


@pytest.mark.parametrize("kind", ["bare", "archive"])
def test_a_damaged_backup_is_refused_with_a_sentence(workspace: Workspace, tmp_path: Path, damage, kind: str) -> None:
    """The fault: restoring from a damaged backup gave a traceback."""
    bare = tmp_path / "bare.sqlite3"
    copy = sqlite3.connect(bare)
    workspace.db.conn.backup(copy)
    copy.execute("PRAGMA journal_mode = DELETE")
    copy.close()
    damage(bare)
    source = bare
    if kind == "archive":
        source = tmp_path / "damaged.zip"
        with zipfile.ZipFile(source, "w") as zf:  # a manifest that matches the damaged bytes
            from bizenv_desktop.services.backup_archive import Manifest

            data = bare.read_bytes()
            zf.writestr("database.sqlite3", data)
            zf.writestr("manifest.json", Manifest("2026-11-26T10:00:00", "manual", "plan.sqlite3", 3,
                                                  hashlib.sha256(data).hexdigest(), len(data)).to_json())
    before = dump(workspace.path)
    with pytest.raises(BizenvError, match="已损坏") as caught:
        restore.restore(workspace.path, source, workspace.db)
    assert str(source) in str(caught.value)
    assert dump(workspace.path) == before
    assert restore.verify(source), "verify() passes a damaged backup"


@pytest.mark.parametrize("garbage", [b"", b"PK\x03\x04 not really a zip", b"just text"])
def test_a_file_that_is_no_backup_is_refused(workspace: Workspace, tmp_path: Path, garbage: bytes) -> None:
    source = tmp_path / "x.zip"
    source.write_bytes(garbage)
    with pytest.raises(InvalidInput):
        restore.restore(workspace.path, source, workspace.db)


def test_a_damaged_database_is_replaced_and_kept_aside(workspace: Workspace, made: dict, tmp_path: Path,
                                                        damage) -> None:
    source = backup.make_backup(workspace.db, "manual", tmp_path / "b.zip")
    expected = dump(workspace.path)
    path = workspace.path
    workspace.close()
    damage(path, heavy=True)
    damaged_bytes = path.read_bytes()
    result = restore.restore(path, source, None)
    assert result.replaced_file and result.safety is None
    assert result.damaged_copy is not None and result.damaged_copy.read_bytes() == damaged_bytes
    assert dump(path) == expected
    ws = Workspace.open(path)
    try:
        assert check(ws.db) == []
    finally:
        ws.close()
    workspace.db = ws.db  # the fixture closes it again


def test_the_newest_good_backup_skips_damaged_ones(workspace: Workspace, damage) -> None:
    good = backup.make_backup(workspace.db, "daily")
    newest = backup.make_backup(workspace.db, "daily")
    with zipfile.ZipFile(newest) as zf:
        data = bytearray(zf.read("database.sqlite3"))
    data[len(data) // 2: len(data) // 2 + 8000] = b"\xff" * 8000
    rebuilt = newest.with_name("rebuilt.tmp")
    with zipfile.ZipFile(newest) as src, zipfile.ZipFile(rebuilt, "w") as dst:  # hash no longer matches
        dst.writestr("database.sqlite3", bytes(data))
        dst.writestr("manifest.json", src.read("manifest.json"))
    rebuilt.replace(newest)
    assert restore.verify(newest)
    found = restore.newest_good_backup(workspace.path)
    assert found is not None and found.path == good
    assert str(good) in restore.damage_advice(workspace.path)
    assert "restore" in restore.damage_advice(workspace.path)
