"""Evidence store on a real database and real files: hashing, sharing, undo, closed months, export."""
from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core.errors import BizenvError, InvalidInput, NotFound
from bizenv_desktop.services import dispatch, evidence
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.storage.changes import current_user

MONTH = "2026-11"


@pytest.fixture
def rows(workspace: Workspace) -> list[dispatch.DispatchRow]:
    workspace.apply("s", lambda w: dispatch.start_month(w, MONTH))
    return dispatch.load_month(workspace.db, MONTH).rows


def make(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def attach(ws: Workspace, source: Path, kind: str, target_id: int) -> Any:
    return ws.apply("attach", lambda w: evidence.attach(w, ws.path, source, kind, target_id))


def row_of(rows: list[dispatch.DispatchRow], code: str, division: str = "") -> dispatch.DispatchRow:
    return next(r for r in rows if r.indicator_code == code and (not division or r.division_name == division))


def count(ws: Workspace, table: str) -> int:
    return ws.db.scalar(f"SELECT count(*) FROM {table}")


def test_attach_copies_into_the_store_named_by_hash(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    data = "整改报告正文".encode() * 1000
    src = make(tmp_path / "in", "整改报告.pdf", data)
    sha = hashlib.sha256(data).hexdigest()
    attach(workspace, src, "dispatch_row", rows[0].id)
    store = tmp_path / "plan-evidence"
    assert evidence.evidence_dir(workspace.path) == store
    assert (store / sha[:2] / sha).read_bytes() == data
    assert [p for p in store.rglob("*") if p.is_file()] == [store / sha[:2] / sha]  # no temp file left
    ev = workspace.db.query("SELECT * FROM evidence")
    assert [(r["sha256"], r["original_name"], r["size"], r["added_by"]) for r in ev] == \
        [(sha, "整改报告.pdf", len(data), current_user())]
    assert ev[0]["added_at"].startswith(date.today().isoformat()) and len(ev[0]["added_at"]) == 19
    [item] = evidence.links_for(workspace.db, "dispatch_row", rows[0].id)
    assert (item.original_name, item.size, item.sha256, item.missing) == ("整改报告.pdf", len(data), sha, False)
    assert item.path == store / sha[:2] / sha
    assert dispatch.load_month(workspace.db, MONTH).rows[0].evidence_count == 1
    assert workspace.db.scalar("SELECT count(*) FROM audit WHERE entity = 'evidence_link'") == 1


def test_same_content_on_two_rows_is_stored_once(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    a = make(tmp_path / "a", "通知.docx", b"same bytes")
    b = make(tmp_path / "b", "通知副本.docx", b"same bytes")
    first = attach(workspace, a, "dispatch_row", rows[0].id)
    second = attach(workspace, b, "dispatch_row", rows[1].id)
    assert first.created_id("evidence") is not None and second.created_id("evidence") is None
    assert count(workspace, "evidence") == 1 and count(workspace, "evidence_link") == 2
    assert len([p for p in evidence.evidence_dir(workspace.path).rglob("*") if p.is_file()]) == 1
    assert evidence.links_for(workspace.db, "dispatch_row", rows[1].id)[0].original_name == "通知副本.docx"


def test_same_file_twice_on_one_target_is_refused(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    src = make(tmp_path, "台账.xlsx", b"x")
    attach(workspace, src, "dispatch_row", rows[0].id)
    with pytest.raises(InvalidInput, match="台账.xlsx"):
        attach(workspace, src, "dispatch_row", rows[0].id)
    assert count(workspace, "evidence_link") == 1


def test_opening_works_after_the_original_is_deleted(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    data = bytes(range(256)) * 50
    src = make(tmp_path / "in", "现场照片.jpg", data)
    attach(workspace, src, "dispatch_row", rows[0].id)
    src.unlink()
    [item] = evidence.links_for(workspace.db, "dispatch_row", rows[0].id)
    opened = evidence.materialize(workspace.path, item)
    assert opened.name == "现场照片.jpg" and opened.read_bytes() == data
    assert opened.parent != src.parent and not opened.is_relative_to(evidence.evidence_dir(workspace.path))
    assert evidence.materialize(workspace.path, item) == opened  # again: same copy


def test_detach_keeps_the_file_and_the_other_link(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    src = make(tmp_path, "会议纪要.pdf", b"minutes")
    attach(workspace, src, "dispatch_row", rows[0].id)
    attach(workspace, src, "dispatch_row", rows[1].id)
    [link] = evidence.links_for(workspace.db, "dispatch_row", rows[0].id)
    workspace.apply("detach", lambda w: evidence.detach(w, link.link_id))
    assert evidence.links_for(workspace.db, "dispatch_row", rows[0].id) == []
    [other] = evidence.links_for(workspace.db, "dispatch_row", rows[1].id)
    assert other.path.read_bytes() == b"minutes" and not other.missing
    # the last link going keeps the row and the file too; only purge_unused deletes them
    workspace.apply("detach", lambda w: evidence.detach(w, other.link_id))
    assert count(workspace, "evidence") == 1 and other.path.is_file()
    changes = workspace.apply("purge", lambda w: evidence.purge_unused(w, workspace.path))
    assert count(workspace, "evidence") == 0 and not other.path.exists()
    workspace.undo(changes)  # the row comes back, the file does not: shown as missing
    assert count(workspace, "evidence") == 1


def test_undo_of_attach_removes_the_link(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    src = make(tmp_path, "自查报告.pdf", b"report")
    changes = attach(workspace, src, "dispatch_row", rows[0].id)
    workspace.undo(changes)
    assert evidence.links_for(workspace.db, "dispatch_row", rows[0].id) == []
    assert count(workspace, "evidence") == 0 and count(workspace, "evidence_link") == 0
    workspace.redo(changes)
    [item] = evidence.links_for(workspace.db, "dispatch_row", rows[0].id)
    assert not item.missing  # the stored file was never deleted


def test_attaching_to_a_closed_month_is_refused(workspace: Workspace, rows: list, tmp_path: Path,
                                                snapshot: Any) -> None:
    src = make(tmp_path, "材料.pdf", b"late")
    attach(workspace, src, "dispatch_row", rows[1].id)
    workspace.apply("close", lambda w: dispatch.close_month(w, MONTH))
    before = snapshot(with_audit=True)
    with pytest.raises(InvalidInput, match="已关闭.*重新打开"):
        attach(workspace, make(tmp_path, "新材料.pdf", b"new"), "dispatch_row", rows[0].id)
    [link] = evidence.links_for(workspace.db, "dispatch_row", rows[1].id)
    with pytest.raises(InvalidInput, match="已关闭"):
        workspace.apply("detach", lambda w: evidence.detach(w, link.link_id))
    assert snapshot(with_audit=True) == before
    sha = hashlib.sha256(b"new").hexdigest()
    assert not evidence.stored_path(workspace.path, sha).exists()  # refused before copying


def test_bad_source_paths_are_named(workspace: Workspace, rows: list, tmp_path: Path, snapshot: Any) -> None:
    before = snapshot()
    missing = tmp_path / "不存在" / "通报.pdf"
    with pytest.raises(InvalidInput) as err:
        attach(workspace, missing, "dispatch_row", rows[0].id)
    assert str(missing) in str(err.value)
    with pytest.raises(InvalidInput, match="文件夹") as err:
        attach(workspace, tmp_path, "dispatch_row", rows[0].id)
    assert str(tmp_path) in str(err.value)
    with pytest.raises(NotFound):
        attach(workspace, make(tmp_path, "a.txt", b"a"), "event", 999999)
    with pytest.raises(InvalidInput):
        attach(workspace, make(tmp_path, "a.txt", b"a"), "plan_year", 2026)  # not a kind evidence can support
    assert snapshot() == before


def test_materialize_detects_a_tampered_or_missing_file(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    attach(workspace, make(tmp_path, "原件.pdf", b"original"), "dispatch_row", rows[0].id)
    [item] = evidence.links_for(workspace.db, "dispatch_row", rows[0].id)
    item.path.write_bytes(b"changed!")
    with pytest.raises(BizenvError, match="已被改动"):
        evidence.materialize(workspace.path, item)
    item.path.unlink()
    assert evidence.links_for(workspace.db, "dispatch_row", rows[0].id)[0].missing
    with pytest.raises(BizenvError, match="丢失"):
        evidence.materialize(workspace.path, item)
    # attaching the original again repairs the store
    attach(workspace, make(tmp_path, "原件.pdf", b"original"), "dispatch_row", rows[1].id)
    assert evidence.materialize(workspace.path, item).read_bytes() == b"original"


def add_self_evaluation_and_event(ws: Workspace, indicator_id: int) -> tuple[int, int, int]:
    ids: dict[str, int] = {}

    def add(w: Any) -> None:
        ids["se"] = w.insert("self_evaluation", {"indicator_id": indicator_id, "period": "2026Q3",
                                                 "updated_at": "2026-10-01T09:00:00"})
        ids["ev"] = w.insert("event", {"indicator_id": indicator_id, "kind": "media",
                                       "date": "2026-09-15", "title": "省报报道一网通办"})
        ids["old"] = w.insert("event", {"indicator_id": indicator_id, "kind": "media",
                                        "date": "2025-09-15", "title": "去年的报道"})
    ws.apply("add", add)
    return ids["se"], ids["ev"], ids["old"]


def read_index(zf: zipfile.ZipFile) -> list[dict[str, str]]:
    raw = zf.read("索引.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_export_package(workspace: Workspace, rows: list, tmp_path: Path) -> None:
    r10 = row_of(rows, "(10)", "法规处")
    r8a, r8b = row_of(rows, "(8)", "法规处"), row_of(rows, "(8)", "规划处")
    se, ev, old = add_self_evaluation_and_event(workspace, r10.indicator_id)
    src = tmp_path / "in"
    attach(workspace, make(src, "办件统计.xlsx", b"stats"), "dispatch_row", r10.id)
    attach(workspace, make(src, "办件统计.xlsx", b"stats"), "self_evaluation", se)  # same file, 2 supports
    attach(workspace, make(src / "b", "办件统计.xlsx", b"other stats"), "event", ev)  # same name, other bytes
    attach(workspace, make(src, "公开目录.pdf", b"list"), "dispatch_row", r8a.id)
    attach(workspace, make(src, "公开目录.pdf", b"list"), "dispatch_row", r8b.id)
    attach(workspace, make(src, "旧.pdf", b"old"), "event", old)  # 2025: not in the package
    loose = [workspace.apply("e", lambda w, n=n: w.insert("event", {"kind": "briefing", "date": f"2026-0{n}-01",
                                                                      "title": f"简报{n}"})).created_id("event")
             for n in (3, 4)]
    for n, event_id in zip((3, 4), loose):
        attach(workspace, make(src, f"简报{n}.pdf", f"b{n}".encode()), "event", event_id)
    out = tmp_path / "out" / "佐证材料2026.zip"
    out.parent.mkdir()
    summary = evidence.export_package(workspace.db, workspace.path, 2026, out)
    assert (summary.files, summary.problems, summary.folders) == (5, [], 24)
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp file left
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert "(10) 一网通办/" in names and "(1) 制定年度营商环境建设实施计划，并在部门网站公开/" in names
        f10 = "(10) 一网通办"
        assert zf.read(f"{f10}/办件统计.xlsx") == b"stats"
        assert zf.read(f"{f10}/办件统计 (2).xlsx") == b"other stats"
        f8 = "(8) 公共资源配置领域政府信息公开"
        assert zf.read(f"{f8}/公开目录.pdf") == b"list"
        assert not any("旧.pdf" in n for n in names)
        index = read_index(zf)
        assert list(index[0]) == evidence.INDEX_COLUMNS
        by_file = {(r["文件夹"], r["文件名"]): r for r in index}
        assert len(index) == 5
        assert zf.read(f"{evidence.OTHER_FOLDER}/简报4.pdf") == b"b4"
        assert by_file[(evidence.OTHER_FOLDER, "简报3.pdf")]["支撑内容"] == "事件：2026-03-01 简报3"
        stats = by_file[(f10, "办件统计.xlsx")]
        assert stats["支撑内容"] == "2026-11 月调度 (10) 一网通办 法规处；2026Q3 自评"
        assert stats["大小(字节)"] == "5" and stats["SHA-256"] == hashlib.sha256(b"stats").hexdigest()
        assert stats["添加人"] == current_user() and stats["添加日期"].startswith(date.today().isoformat())
        assert by_file[(f10, "办件统计 (2).xlsx")]["支撑内容"] == "事件：2026-09-15 省报报道一网通办"
        assert by_file[(f8, "公开目录.pdf")]["支撑内容"] == \
            "2026-11 月调度 (8) 公共资源配置领域政府信息公开 法规处；2026-11 月调度 (8) 公共资源配置领域政府信息公开 规划处"
        txt = zf.read("索引.txt").decode("utf-8-sig")
        assert "2026Q3 自评" in txt and "办件统计 (2).xlsx" in txt


def test_export_reports_missing_files_and_failures_leave_no_zip(workspace: Workspace, rows: list,
                                                                tmp_path: Path) -> None:
    attach(workspace, make(tmp_path, "丢失.pdf", b"gone"), "dispatch_row", rows[0].id)
    evidence.stored_path(workspace.path, hashlib.sha256(b"gone").hexdigest()).unlink()
    out = tmp_path / "pkg.zip"
    summary = evidence.export_package(workspace.db, workspace.path, 2026, out)
    assert summary.files == 0 and len(summary.problems) == 1 and "丢失.pdf" in summary.problems[0]
    with zipfile.ZipFile(out) as zf:
        assert read_index(zf) == [] and "丢失.pdf" in zf.read("索引.txt").decode("utf-8-sig")
    with pytest.raises(BizenvError, match="未生成任何文件"):
        evidence.export_package(workspace.db, workspace.path, 2026, tmp_path / "no such folder" / "x.zip")
    assert not (tmp_path / "no such folder").exists()
    with pytest.raises(NotFound):
        evidence.export_package(workspace.db, workspace.path, 2031, tmp_path / "y.zip")


def test_safe_names_for_windows() -> None:
    assert evidence.safe_name('a<b>c:d"e/f\\g|h?i*j. ') == "a_b_c_d_e_f_g_h_i_j"
    assert evidence.safe_name("CON.txt") == "_CON.txt"
    long = evidence.safe_name("长" * 300 + ".pdf")
    assert len(long) == 120 and long.endswith(".pdf")
