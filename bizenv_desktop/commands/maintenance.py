"""`bizenv backup`, `bizenv restore FILE` and `bizenv check`.

Exit codes: 0 done (check: all sound), 1 check found problems (a damaged file included: the
sentence names the newest sound backup and the command that restores it), 2 an error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import messages


def register(sub: Any) -> dict[str, Any]:
    backup = sub.add_parser("backup", help="立即备份数据库和佐证材料")
    backup.add_argument("-o", "--output", type=Path,
                        help="备份到指定文件：一个完整的备份包（数据库和全部佐证材料），"
                             "默认：数据库旁的备份文件夹，自动轮换")
    restore = sub.add_parser("restore", help="从备份恢复数据库和佐证材料（恢复前会先备份当前数据）")
    restore.add_argument("file", type=Path)
    sub.add_parser("check", help="检查数据库完整性、外键和每个佐证材料文件的哈希")
    return {"backup": cmd_backup, "restore": cmd_restore, "check": cmd_check}


def _path(args: argparse.Namespace) -> Path:
    from ..services.startup import default_database_path

    return Path(args.db or default_database_path())


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.backup import make_backup
    from ..services.backup_archive import BackupFile
    from ..services.workspace import Workspace

    ws = Workspace.open(_path(args))
    try:
        path = make_backup(ws.db, "manual", args.output)
    finally:
        ws.close()
    print(messages.render("cli.backup_done", {"path": str(path)}))
    manifest = BackupFile.open(path).manifest
    if manifest is not None and manifest.missing:
        names = [m.get("name") or m["sha256"][:12] for m in manifest.missing]
        print(messages.render("cli.backup_missing", {"count": len(names), "names": names[:10]}), file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..core.errors import DatabaseDamaged
    from ..services.restore import restore
    from ..services.workspace import Workspace
    from ..storage.lock import WriterLock

    path = _path(args)
    try:
        ws = Workspace.open(path)
    except DatabaseDamaged:  # restoring is what a damaged file needs: under the lock alone
        lock = WriterLock(path)
        lock.acquire()
        try:
            result = restore(path, args.file, None)
        finally:
            lock.release()
    else:
        try:
            result = restore(path, args.file, ws.db)
        finally:
            ws.close()
    _print_restored(result)
    return 0


def _print_restored(result: Any) -> None:
    print(messages.render("cli.restored", {"source": str(result.source)}))
    if result.safety:
        print(messages.render("cli.restored_safety", {"path": str(result.safety)}))
    if result.damaged_copy:
        print(messages.render("cli.restored_damaged_copy", {"path": str(result.damaged_copy)}))
    if result.upgraded_from is not None:
        print(messages.render("cli.restored_upgraded", {"version": result.upgraded_from}))
    if result.evidence_written:
        print(messages.render("cli.restored_evidence", {"count": result.evidence_written}))
    if result.evidence_missing:
        print(messages.render("cli.restored_missing", {"count": len(result.evidence_missing),
                                                       "names": result.evidence_missing[:10]}), file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from ..core.errors import DatabaseDamaged
    from ..services.integrity import check_report
    from ..services.restore import damage_advice
    from ..services.workspace import Workspace

    path = _path(args)
    try:
        ws = Workspace.open(path, read_only_ok=True)
    except DatabaseDamaged as exc:
        print(str(exc))
        print(damage_advice(path))
        return 1
    try:
        problems, damaged = check_report(ws.db)
    finally:
        ws.close()
    if not problems:
        print("ok")
        return 0
    for line in problems:
        print(line)
    if damaged:
        print(damage_advice(path))
    return 1


messages.register({
    "cli.backup_done": ("已备份到 {path}", "Backed up to {path}"),
    "cli.backup_missing": ("注意：{count} 个佐证材料文件在材料库中缺失或已被改动，未能备份：{names}。"
                           "请运行 bizenv check 查看。",
                           "Note: {count} evidence files are missing from the store or changed, and were not "
                           "backed up: {names}. Run bizenv check for details."),
    "cli.restored": ("已从 {source} 恢复。", "Restored from {source}."),
    "cli.restored_safety": ("恢复前的数据已备份到 {path}", "The data as it was before is backed up in {path}"),
    "cli.restored_damaged_copy": ("恢复前已损坏的数据库文件原样保存在 {path}",
                                  "The damaged database file as it was is kept in {path}"),
    "cli.restored_upgraded": ("备份来自数据库版本 {version}，已升级到当前版本。",
                              "The backup had database version {version}; it was upgraded to the current one."),
    "cli.restored_evidence": ("放回了 {count} 个佐证材料文件。", "{count} evidence files were put back."),
    "cli.restored_missing": ("注意：恢复的数据引用的 {count} 个佐证材料文件不在备份中：{names}。"
                             "请运行 bizenv check 查看。",
                             "Note: {count} evidence files the restored data refers to are not in the backup: "
                             "{names}. Run bizenv check for details."),
})
