"""Evidence (佐证材料): files kept in a store beside the database, named by content hash.

The store of `plan.sqlite3` is `plan-evidence/` in the same folder; a file lives at
`<sha256[:2]>/<sha256>` (no extension), and its row in `evidence` holds the original name,
size, date and who added it. The same content is stored once however often it is attached.

Ordering rule: the file is copied (hashed, fsynced, renamed into place) before its row is
written, so a crash leaves at worst a file with no row (harmless), never a row with no file.
Files are never deleted by ordinary actions: detaching keeps the evidence row and the file;
only the explicit purge_unused() deletes unused rows and their files. The year's package (zip
with 索引.csv) is made in evidence_package.

No Qt. Not thread-safe: one Database per thread, like the rest of the services.
"""
from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..core import messages
from ..core.errors import BizenvError, InvalidInput, NotFound
from ..storage import files
from ..storage.changes import Writer, current_user
from ..storage.database import Database

TARGET_KINDS = ("dispatch_row", "self_evaluation", "event", "supervision_item", "indicator", "ranking", "publication",
                "work_plan", "inspection")
CHUNK = 1 << 20
_BAD_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class EvidenceItem:
    """One file attached to one record (a link), with where its stored copy lives."""

    link_id: int
    evidence_id: int
    sha256: str
    original_name: str
    size: int
    added_at: str
    added_by: str
    path: Path
    missing: bool


# -- the store -------------------------------------------------------------------------------

def evidence_dir(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-evidence"


def stored_path(db_path: str | Path, sha256: str) -> Path:
    return evidence_dir(db_path) / sha256[:2] / sha256


def _copy_hashing(src: BinaryIO, dst: BinaryIO) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: src.read(CHUNK), b""):
        digest.update(chunk)
        dst.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


messages.register({
    "evidence.no_file": ("找不到文件“{path}”，它可能已被移动或删除；请重新选择文件。",
                         "File “{path}” was not found; it may have been moved or deleted. Choose the file again."),
    "evidence.is_folder": ("“{path}”是文件夹，不能作为佐证材料；请选择其中的文件。",
                           "“{path}” is a folder and cannot be evidence; choose a file in it."),
    "evidence.unreadable": ("无法读取文件“{path}”（{detail}）；请检查文件权限，或关闭正在占用它的程序后重试。",
                            "Cannot read file “{path}” ({detail}); check the file's permissions, or close the "
                            "program that holds it and try again."),
    "evidence.cannot_store": ("无法把“{path}”复制到佐证材料库“{store}”（{detail}）；请检查磁盘空间和文件夹权限。",
                              "Cannot copy “{path}” into the evidence store “{store}” ({detail}); check the free "
                              "disk space and the folder's permissions."),
    "evidence.bad_target": ("佐证材料不能关联到“{kind}”，只能关联到月调度行、自评、事件、督办事项、指标、排名、公开记录、工作方案或督查。",
                            "Evidence cannot be attached to “{kind}”; only to a monthly dispatch row, a self-"
                            "evaluation, an event, a supervision item, an indicator, a ranking, a publication, a "
                            "work plan or an inspection."),
    "evidence.no_target": ("要关联佐证材料的记录（{kind} {target_id}）不存在，可能已被删除；请刷新后重试。",
                           "The record to attach evidence to ({kind} {target_id}) does not exist; it may have been "
                           "deleted. Refresh and try again."),
    "evidence.month_closed": ("{month} 的月调度已关闭（已上报），不能添加或移除佐证材料；如需修改，请先“重新打开”该月并说明原因。",
                              "The monthly dispatch of {month} is closed (reported): evidence cannot be added or "
                              "removed. To change it, first “Reopen” the month and give the reason."),
    "evidence.already_attached": ("“{name}”（或内容相同的文件）已经是该记录的佐证材料，无需重复添加。",
                                  "“{name}” (or a file with the same content) is already evidence of this record; "
                                  "there is no need to add it again."),
    "evidence.no_link": ("该佐证材料已不在此记录上，可能已被移除；请刷新后重试。",
                         "This evidence is no longer on the record; it may have been removed. Refresh and try "
                         "again."),
    "evidence.file_lost": ("佐证材料“{name}”的存储文件已丢失（{path}）；请从备份恢复佐证材料文件夹，或移除后重新添加原件。",
                           "The stored file of evidence “{name}” is missing ({path}); restore the evidence folder "
                           "from a backup, or remove the evidence and add the original again."),
    "evidence.file_changed": ("佐证材料“{name}”的存储文件已被改动，与添加时的内容不一致（{path}）；请从备份恢复该文件，或移除后重新添加原件。",
                              "The stored file of evidence “{name}” was changed and no longer matches what was "
                              "added ({path}); restore the file from a backup, or remove the evidence and add the "
                              "original again."),
    "evidence.cannot_open": ("无法打开佐证材料“{name}”（{detail}）。", "Cannot open evidence “{name}” ({detail})."),
    "evidence.no_year": ("数据库中没有 {year} 年度的方案。", "The database has no plan for {year}."),
    "evidence.cannot_write_zip": ("无法写入佐证材料包“{path}”（{detail}）；未生成任何文件，请检查磁盘空间和文件夹权限。",
                                  "Cannot write the evidence package “{path}” ({detail}); no file was made. Check "
                                  "the free disk space and the folder's permissions."),
})


def _readable_source(source: str | Path) -> Path:
    source = Path(source)
    if not source.exists():
        raise InvalidInput("evidence.no_file", path=str(source))
    if source.is_dir():
        raise InvalidInput("evidence.is_folder", path=str(source))
    try:
        with open(source, "rb") as f:
            f.read(1)
    except OSError as exc:
        raise InvalidInput("evidence.unreadable", path=str(source), detail=exc.strerror or str(exc)) from exc
    return source


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); best effort, some file systems cannot sync a folder."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def store_file(db_path: str | Path, source: str | Path) -> tuple[str, int]:
    """Copy source into the store; returns (sha256, size). Existing content is verified and reused."""
    source = _readable_source(source)
    store = evidence_dir(db_path)
    tmp: Path | None = None
    try:
        files.private_dir(store)
        fd, name = tempfile.mkstemp(prefix=".incoming-", dir=store)
        tmp = Path(name)
        with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
            sha, size = _copy_hashing(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        final = stored_path(db_path, sha)
        if final.is_file() and final.stat().st_size == size and file_sha256(final) == sha:
            tmp.unlink()
            return sha, size
        files.private_dir(final.parent)
        os.replace(tmp, final)  # also repairs a damaged copy of the same content
        tmp = None
        _fsync_dir(final.parent)
        return sha, size
    except OSError as exc:
        raise BizenvError("evidence.cannot_store", path=str(source), store=str(store),
                          detail=exc.strerror or str(exc)) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


# -- attaching and detaching -----------------------------------------------------------------

def _check_target(w: Writer, target_kind: str, target_id: int, must_exist: bool = True) -> None:
    if target_kind not in TARGET_KINDS:
        raise InvalidInput("evidence.bad_target", kind=target_kind)
    row = w.get(target_kind, target_id)
    if row is None and not must_exist:  # a link left by a deleted record may always be removed
        return
    if row is None:
        raise NotFound("evidence.no_target", kind=target_kind, target_id=target_id)
    if target_kind == "dispatch_row":
        closed = w.db.scalar("SELECT closed_at FROM dispatch_month WHERE month = ?", (row["month"],))
        if closed is not None:
            raise InvalidInput("evidence.month_closed", month=row["month"])


def store_evidence(w: Writer, db_path: str | Path, source: str | Path) -> tuple[int, bool]:
    """Copy source into the store and return (evidence id, whether the row is new)."""
    source = Path(source)
    sha, size = store_file(db_path, source)
    evidence_id = w.db.scalar("SELECT id FROM evidence WHERE sha256 = ?", (sha,))
    if evidence_id is not None:
        return evidence_id, False
    return w.insert("evidence", {"sha256": sha, "original_name": source.name, "size": size,
                                 "added_at": w.at, "added_by": current_user()}), True


def attach(w: Writer, db_path: str | Path, source: str | Path, target_kind: str, target_id: int) -> int:
    """Store source and link it to a record; returns the evidence id.

    Runs inside the caller's transaction: the file is stored before any row is written.
    """
    _check_target(w, target_kind, target_id)
    source = Path(source)
    evidence_id, created = store_evidence(w, db_path, source)
    if not created and w.db.scalar("SELECT id FROM evidence_link WHERE evidence_id = ? AND target_kind = ? AND target_id = ?",
                     (evidence_id, target_kind, target_id)) is not None:
        raise InvalidInput("evidence.already_attached", name=source.name)
    w.insert("evidence_link", {"evidence_id": evidence_id, "target_kind": target_kind,
                               "target_id": target_id, "name": source.name})
    return evidence_id


def detach(w: Writer, link_id: int) -> None:
    """Remove one link. The evidence row and its file stay (other records may use them);
    the app never deletes stored files except through purge_unused()."""
    link = w.get("evidence_link", link_id)
    if link is None:
        raise NotFound("evidence.no_link")
    _check_target(w, link["target_kind"], link["target_id"], must_exist=False)
    w.delete("evidence_link", link_id)


def purge_unused(w: Writer, db_path: str | Path) -> int:
    """Delete evidence rows no record links to, and their stored files; returns the count.

    Explicit and separate on purpose: undo brings the rows back but not the files (they
    show as missing). Run it as the only thing in its action.
    """
    rows = w.db.query("SELECT id, sha256 FROM evidence e WHERE NOT EXISTS"
                      " (SELECT 1 FROM evidence_link l WHERE l.evidence_id = e.id)")
    for row in rows:
        w.delete("evidence", row["id"])
    for row in rows:
        stored_path(db_path, row["sha256"]).unlink(missing_ok=True)
    return len(rows)


# -- reading and opening ---------------------------------------------------------------------

def links_for(db: Database, target_kind: str, target_id: int) -> list[EvidenceItem]:
    rows = db.query("SELECT l.id AS link_id, l.name, e.* FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id"
                    " WHERE l.target_kind = ? AND l.target_id = ? ORDER BY l.id", (target_kind, target_id))
    items = []
    for r in rows:
        path = stored_path(db.path, r["sha256"])
        items.append(EvidenceItem(r["link_id"], r["id"], r["sha256"], r["name"] or r["original_name"], r["size"],
                                  r["added_at"], r["added_by"], path, not path.is_file()))
    return items


def safe_name(name: str, limit: int = 120) -> str:
    """name usable as a file or folder name on Windows too."""
    name = _BAD_CHARS.sub("_", name).strip().rstrip(". ") or "_"
    if _RESERVED.match(name):
        name = "_" + name
    if len(name) > limit:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:limit - len(ext) - 1] + "." + ext) if dot and len(ext) <= 10 else name[:limit]
    return name


_session_dir: Path | None = None


def _session() -> Path:
    global _session_dir
    if _session_dir is None or not _session_dir.is_dir():
        _session_dir = Path(tempfile.mkdtemp(prefix="bizenv-evidence-"))
        atexit.register(shutil.rmtree, _session_dir, True)
    return _session_dir


def _verified(item: EvidenceItem) -> None:
    if not item.path.is_file():
        raise BizenvError("evidence.file_lost", name=item.original_name, path=str(item.path))
    if file_sha256(item.path) != item.sha256:
        raise BizenvError("evidence.file_changed", name=item.original_name, path=str(item.path))


def materialize(db_path: str | Path, item: EvidenceItem) -> Path:
    """A copy of the stored file under its original name in this session's temp folder."""
    path = stored_path(db_path, item.sha256)
    item = replace(item, path=path)
    _verified(item)
    folder = _session() / item.sha256[:16]
    folder.mkdir(exist_ok=True)
    target = folder / safe_name(item.original_name)
    if target.is_file() and target.stat().st_size == item.size and file_sha256(target) == item.sha256:
        return target  # opened before in this session (and perhaps still open in its program)
    try:
        with open(path, "rb") as src, open(target, "wb") as dst:
            sha, _size = _copy_hashing(src, dst)
    except OSError as exc:
        raise BizenvError("evidence.cannot_open", name=item.original_name, detail=exc.strerror or str(exc)) from exc
    if sha != item.sha256:
        target.unlink(missing_ok=True)
        _verified(item)
    return target


# the evidence package of a year (re-exported: `evidence.export_package` keeps working)
from .evidence_package import INDEX_COLUMNS, OTHER_FOLDER, ExportSummary, export_package  # noqa: E402,F401
