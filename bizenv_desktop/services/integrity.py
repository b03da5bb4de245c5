"""`bizenv check`: is the database sound and is every evidence file what it claims to be."""
from __future__ import annotations

import sqlite3

from ..core import messages
from ..storage import faults
from ..storage.database import Database
from .evidence import file_sha256, stored_path


def check(db: Database) -> list[str]:
    """Problems found (empty when all is well): SQLite integrity and foreign keys, evidence
    files missing or changed. A damaged file is one problem, never an exception."""
    return check_report(db)[0]


def check_report(db: Database) -> tuple[list[str], bool]:
    """(problems, whether the database file itself is damaged)."""
    problems: list[str] = []
    try:
        for (line,) in db.query("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(messages.render("check.integrity", {"line": line}))
        if problems:  # the rest reads the damaged pages
            return problems, True
        for row in db.query("PRAGMA foreign_key_check"):
            problems.append(messages.render("check.foreign_key", {"table": row[0], "row": row[1], "parent": row[2]}))
        rows = db.query("SELECT id, sha256, original_name FROM evidence ORDER BY id")
    except sqlite3.DatabaseError as exc:
        if not faults.is_damage(exc):
            raise
        return problems + [messages.render("check.damaged", {"path": str(db.path), "detail": str(exc)})], True
    for r in rows:
        path = stored_path(db.path, r["sha256"])
        args = {"id": r["id"], "name": r["original_name"], "path": str(path)}
        try:
            if not path.is_file():
                problems.append(messages.render("check.evidence_missing", args))
            elif file_sha256(path) != r["sha256"]:
                problems.append(messages.render("check.evidence_changed", args))
        except OSError as exc:
            problems.append(messages.render("check.evidence_unreadable", {**args, "detail": exc.strerror or str(exc)}))
    return problems, False


messages.register({
    "check.integrity": ("数据库完整性：{line}", "Database integrity: {line}"),
    "check.damaged": ("数据库文件“{path}”已损坏（{detail}）。", "The database file “{path}” is damaged ({detail})."),
    "check.foreign_key": ("外键：表 {table} 第 {row} 行引用的 {parent} 不存在",
                          "Foreign key: row {row} of table {table} refers to a {parent} that does not exist"),
    "check.evidence_missing": ("佐证材料缺失：#{id}“{name}”（应在 {path}）",
                               "Evidence missing: #{id} “{name}” (expected at {path})"),
    "check.evidence_changed": ("佐证材料已被改动：#{id}“{name}”（{path} 的内容与登记的哈希不符）",
                               "Evidence changed: #{id} “{name}” (the content of {path} does not match its hash)"),
    "check.evidence_unreadable": ("佐证材料无法读取：#{id}“{name}”（{path}：{detail}）",
                                  "Evidence unreadable: #{id} “{name}” ({path}: {detail})"),
})
