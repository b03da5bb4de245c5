"""The evidence package of a year (佐证材料包): one folder per second-level indicator (and per
kind of record evidence_sources adds), the files under their original names, 索引.csv and
索引.txt; written to a temporary file and renamed, so a failure or a cancel leaves no zip.
Files are checked against their hash first (services.evidence). No Qt."""
from __future__ import annotations

import csv
import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.cell_safety import csv_text
from ..core.errors import BizenvError, NotFound
from ..core.progress import Progress, step
from ..storage import files
from ..storage.database import Database
from .evidence import EvidenceItem, _verified, safe_name, stored_path

INDEX_COLUMNS = ["文件夹", "文件名", "大小(字节)", "SHA-256", "支撑内容", "添加日期", "添加人"]
OTHER_FOLDER = "其他（未关联二级指标）"


@dataclass
class ExportSummary:
    path: Path
    year: int
    folders: int = 0
    files: int = 0
    total_bytes: int = 0
    problems: list[str] = field(default_factory=list)  # files that could not be packed, and why


_COLS = "e.id AS evidence_id, e.sha256, e.original_name, e.size, e.added_at, e.added_by, l.name AS link_name"
_DISPATCH_SQL = f"""
SELECT {_COLS}, r.indicator_id, r.month, i.code, i.name, coalesce(s.name, '') AS sub, coalesce(dv.name, '') AS division
FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id
JOIN dispatch_row r ON l.target_kind = 'dispatch_row' AND r.id = l.target_id
JOIN indicator i ON i.id = r.indicator_id
LEFT JOIN subtask s ON s.id = r.subtask_id LEFT JOIN division dv ON dv.id = r.division_id
WHERE r.month LIKE ? ORDER BY r.month, r.position, r.id, l.id"""
_SELF_SQL = f"""
SELECT {_COLS}, se.indicator_id, se.period FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id
JOIN self_evaluation se ON l.target_kind = 'self_evaluation' AND se.id = l.target_id
WHERE se.period = ? OR se.period LIKE ? ORDER BY se.period, l.id"""
_EVENT_SQL = f"""
SELECT {_COLS}, ev.indicator_id, ev.date, ev.title FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id
JOIN event ev ON l.target_kind = 'event' AND ev.id = l.target_id
WHERE ev.date LIKE ? ORDER BY ev.date, ev.id, l.id"""


def _unique(name: str, used: set[str]) -> str:
    """name, or 'stem (2).ext', 'stem (3).ext' … if the folder already has it (case-insensitively)."""
    stem, ext = os.path.splitext(name)
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{stem} ({n}){ext}"
    used.add(candidate.lower())
    return candidate


def _supports(db: Database, year: int) -> Iterator[tuple[int | None, Any, str, str, str | None]]:
    """(indicator id, evidence+link row, what the file supports, sub-folder, top folder or None)
    for every link of the year; evidence_sources adds indicators, rankings, supervised items,
    publications, work plans and 督查, each in a sub-folder that names the record."""
    from .evidence_sources import extra_supports

    for r in db.query(_DISPATCH_SQL, (f"{year}-%",)):
        what = f"{r['month']} 月调度 {r['code']} {r['name']}" + (f" / {r['sub']}" if r["sub"] else "")
        yield r["indicator_id"], r, what + (f" {r['division']}" if r["division"] else ""), "", None
    for r in db.query(_SELF_SQL, (str(year), f"{year}Q%")):
        yield r["indicator_id"], r, f"{r['period']} 自评", "", None
    for r in db.query(_EVENT_SQL, (f"{year}-%",)):
        yield r["indicator_id"], r, f"事件：{r['date']} {r['title']}", "", None
    yield from extra_supports(db, year)


def export_package(db: Database, db_path: str | Path, year: int, out_zip: str | Path,
                   progress: Progress | None = None) -> ExportSummary:
    """Write the evidence package of a year: one folder per second-level indicator, the files
    under their original names, 索引.csv and 索引.txt. All or nothing: a failure (or a Cancelled
    raised by progress, called before each file) leaves no zip."""
    out_zip = Path(out_zip)
    report = step(progress)
    if db.scalar("SELECT year FROM plan_year WHERE year = ?", (year,)) is None:
        raise NotFound("evidence.no_year", year=year)
    used_folders: set[str] = set()
    folders: dict[int | None, str] = {}
    for r in db.query("SELECT i.id, i.code, i.name FROM indicator i JOIN indicator f ON f.id = i.parent_id"
                      " JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ? AND i.level = 2"
                      " ORDER BY d.position, f.position, i.position", (year,)):
        folders[r["id"]] = _unique(safe_name(f"{r['code']} {r['name']}".strip(), 80), used_folders)
    entries: dict[tuple[str, int], dict[str, Any]] = {}
    other: str | None = None
    kind_folders: dict[str, str] = {}
    for indicator_id, r, what, sub, top in _supports(db, year):
        if top is not None:
            if top not in kind_folders:
                kind_folders[top] = _unique(safe_name(top, 80), used_folders)
            folder = kind_folders[top]
        else:
            if indicator_id not in folders:  # an event with no indicator, or one of another year
                other = other or _unique(OTHER_FOLDER, used_folders)
                folders[indicator_id] = other
            folder = folders[indicator_id]
        if sub:
            folder = f"{folder}/{safe_name(sub, 60)}"
        key = (folder, r["evidence_id"])
        entry = entries.setdefault(key, {"row": r, "supports": []})
        if what not in entry["supports"]:
            entry["supports"].append(what)
    all_folders = list(dict.fromkeys([*folders.values(), *kind_folders.values(), *(f for f, _e in entries)]))
    summary = ExportSummary(out_zip, year, folders=len(set(folders.values()) | set(kind_folders.values())))
    index: list[list[str]] = []
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out_zip.stem}-", suffix=".zip.part", dir=out_zip.parent)
        os.close(fd)
        tmp = Path(name)
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for folder in all_folders:
                zf.mkdir(folder)
            used: dict[str, set[str]] = {}
            for n, ((folder, _eid), entry) in enumerate(entries.items()):
                report(n, len(entries), folder)
                r = entry["row"]
                item = EvidenceItem(0, r["evidence_id"], r["sha256"], r["link_name"] or r["original_name"],
                                    r["size"], r["added_at"], r["added_by"], stored_path(db_path, r["sha256"]), False)
                try:
                    _verified(item)
                except BizenvError as exc:
                    summary.problems.append(f"{folder}/{item.original_name}：{exc}")
                    continue
                file_name = _unique(safe_name(item.original_name), used.setdefault(folder, set()))
                zf.write(item.path, f"{folder}/{file_name}")
                summary.files += 1
                summary.total_bytes += item.size
                index.append([folder, file_name, str(item.size), item.sha256, "；".join(entry["supports"]),
                              item.added_at, item.added_by])
            safe = [[csv_text(v) for v in row] for row in index]  # a file named "=…" is no formula in Excel
            report(len(entries), len(entries), "")
            text = io.StringIO()
            csv.writer(text, lineterminator="\r\n").writerows([INDEX_COLUMNS, *safe])
            zf.writestr("索引.csv", "\ufeff" + text.getvalue())
            lines = ["\t".join(v.replace("\t", " ") for v in row) for row in [INDEX_COLUMNS, *safe]]
            if summary.problems:
                lines += ["", "未能导出的佐证材料：", *summary.problems]
            zf.writestr("索引.txt", "\ufeff" + "\r\n".join(lines) + "\r\n")
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        files.make_document(tmp)  # a document to pass on
        os.replace(tmp, out_zip)
    except OSError as exc:
        raise BizenvError("evidence.cannot_write_zip", path=str(out_zip), detail=exc.strerror or str(exc)) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return summary
