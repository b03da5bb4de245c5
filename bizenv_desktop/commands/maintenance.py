"""`bizenv backup`, `bizenv restore FILE` and `bizenv check`."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> dict[str, Any]:
    backup = sub.add_parser("backup", help="立即备份数据库和佐证材料")
    backup.add_argument("-o", "--output", type=Path, help="备份到指定文件（默认：数据库旁的备份文件夹，自动轮换）")
    restore = sub.add_parser("restore", help="从备份文件恢复（恢复前会先备份当前数据）")
    restore.add_argument("file", type=Path)
    sub.add_parser("check", help="检查数据库完整性、外键和每个佐证材料文件的哈希")
    return {"backup": cmd_backup, "restore": cmd_restore, "check": cmd_check}


def _open(args: argparse.Namespace) -> Any:
    from ..services.startup import default_database_path
    from ..services.workspace import Workspace

    return Workspace.open(args.db or default_database_path())


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.backup import make_backup

    ws = _open(args)
    try:
        path = make_backup(ws.db, "manual", args.output)
    finally:
        ws.close()
    print(f"已备份到 {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services.backup import restore

    ws = _open(args)
    try:
        safety = restore(ws.db, args.file)
    finally:
        ws.close()
    print(f"已从 {args.file} 恢复。恢复前的数据已备份到 {safety}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..services.integrity import check
    from ..services.startup import default_database_path
    from ..services.workspace import Workspace

    ws = Workspace.open(args.db or default_database_path(), read_only_ok=True)
    try:
        problems = check(ws.db)
    finally:
        ws.close()
    if not problems:
        print("ok")
        return 0
    for line in problems:
        print(line)
    return 1
