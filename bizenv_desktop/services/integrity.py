"""`bizenv check`: is the database sound and is every evidence file what it claims to be."""
from __future__ import annotations

from ..storage.database import Database
from .evidence import file_sha256, stored_path


def check(db: Database) -> list[str]:
    """Problems found (empty when all is well): SQLite integrity and foreign keys, evidence
    files missing or changed, schema version."""
    problems: list[str] = []
    for (line,) in db.query("PRAGMA integrity_check"):
        if line != "ok":
            problems.append(f"数据库完整性：{line}")
    for row in db.query("PRAGMA foreign_key_check"):
        problems.append(f"外键：表 {row[0]} 第 {row[1]} 行引用的 {row[2]} 不存在")
    for r in db.query("SELECT id, sha256, original_name FROM evidence ORDER BY id"):
        path = stored_path(db.path, r["sha256"])
        if not path.is_file():
            problems.append(f"佐证材料缺失：#{r['id']}“{r['original_name']}”（应在 {path}）")
        elif file_sha256(path) != r["sha256"]:
            problems.append(f"佐证材料已被改动：#{r['id']}“{r['original_name']}”（{path} 的内容与登记的哈希不符）")
    return problems
