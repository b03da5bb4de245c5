"""The audit trail as services.audit reads it: real edits, filters, search, paging, CSV, summaries."""
from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import audit, calendar, liaisons
from bizenv_desktop.services import plan_edit as pe
from bizenv_desktop.services.audit import AuditEntry
from bizenv_desktop.storage.changes import TABLES


def rename(workspace, indicator_id: int, name: str) -> None:
    workspace.apply(f"修改指标名称为“{name}”", lambda w: pe.update_indicator(w, indicator_id, name=name))


def backdate(workspace, ids: list[int], at: str) -> None:
    """Test-only: move entries to another time (the app itself never edits audit rows)."""
    with workspace.db.transaction():
        workspace.db.execute(f"UPDATE audit SET at = ? WHERE id IN ({', '.join('?' * len(ids))})", [at, *ids])


def test_names_cover_every_tracked_table() -> None:
    assert set(audit.ENTITY_NAMES) == set(TABLES)
    assert audit.ENTITY_NAMES["indicator"] == "指标" and audit.ENTITY_NAMES["supervision_division"] == "督办分工"
    assert audit.FIELD_NAMES["name"] == "名称" and audit.FIELD_NAMES["criteria"] == "考评内容及标准"


def test_real_edit_appears_first_and_is_described(workspace, ind) -> None:
    iid = ind("(3)")
    old = workspace.db.scalar("SELECT name FROM indicator WHERE id = ?", (iid,))
    _, before = audit.query(workspace.db)
    rename(workspace, iid, "一网通办理")
    entries, total = audit.query(workspace.db)
    assert total == before + 1
    e = entries[0]  # newest first
    assert (e.entity, e.entity_id, e.field, e.old, e.new) == ("indicator", iid, "name", old, "一网通办理")
    assert e.verb == "update" and e.label == "修改指标名称为“一网通办理”"
    assert audit.describe(e) == f"指标 #{iid} 名称：{old} → 一网通办理"


def test_insert_delete_and_empty_values_are_described(workspace) -> None:
    cs = workspace.apply("登记联络员", lambda w: liaisons.add_liaison(w, "张三", "2026-03-01"))
    lid = cs.created_id("liaison")
    workspace.apply("修改电话", lambda w: liaisons.update_liaison(w, lid, phone="0431-1234"))
    workspace.apply("删除联络员", lambda w: liaisons.delete_liaison(w, lid))
    entries, total = audit.query(workspace.db, entity="liaison")
    assert total == 3
    deleted, phone, added = entries
    assert audit.describe(added) == f"新增联络员 #{lid}：张三"
    assert audit.describe(phone) == f"联络员 #{lid} 电话：（空） → 0431-1234"
    assert audit.describe(deleted) == f"删除联络员 #{lid}：张三"
    assert [e.verb for e in entries] == ["delete", "update", "insert"]
    assert audit.describe(AuditEntry(1, "2026-01-01T00:00:00", "u", "x [update]", "mystery", None, "col",
                                     "a" * 100, None)).startswith("mystery col：" + "a" * 59 + "…")


def test_undo_and_calendar_changes_are_audited(workspace) -> None:
    cs = workspace.apply("将 2026-10-12 设为休息日",
                         lambda w: calendar.set_override(w, "2026-10-12", False, "调休"))
    workspace.undo(cs)
    entries, total = audit.query(workspace.db, entity="workday_override")
    assert total == 2
    assert entries[0].verb == "delete" and entries[0].label.startswith("撤销：")
    assert audit.describe(entries[1]).startswith("新增工作日调整 #")
    assert audit.describe(entries[1]).endswith("：2026-10-12")


def test_filters_by_entity_and_dates(workspace, ind) -> None:
    rename(workspace, ind("(3)"), "甲")
    rename(workspace, ind("(4)"), "乙")
    ids = [e.id for e in audit.query(workspace.db, entity="indicator")[0]]
    assert len(ids) >= 2
    backdate(workspace, ids[:1], "2025-03-01T09:00:00")  # the newest one moves into 2025
    old, n_old = audit.query(workspace.db, date_to="2025-03-01")
    assert n_old == 1 and old[0].new == "乙"
    assert audit.query(workspace.db, date_from=date(2025, 3, 1), date_to=date(2025, 3, 1))[1] == 1
    assert audit.query(workspace.db, date_from="2025-03-02", date_to="2025-12-31")[1] == 0
    today = date.today()
    recent, n_recent = audit.query(workspace.db, date_from=today - timedelta(days=1))
    assert all(e.at >= (today - timedelta(days=1)).isoformat() for e in recent)
    assert n_recent == audit.query(workspace.db)[1] - 1
    assert audit.query(workspace.db, entity="event") == ([], 0)
    with pytest.raises(InvalidInput, match="2025-13-01"):
        audit.query(workspace.db, date_from="2025-13-01")


def test_text_search(workspace, ind) -> None:
    rename(workspace, ind("(3)"), "一网通办理_100%")
    found, n = audit.query(workspace.db, text="通办理_100%")
    assert n == 1 and found[0].new == "一网通办理_100%"
    assert audit.query(workspace.db, text="通办理X100")[1] == 0  # _ and % are literal, not wildcards
    assert audit.query(workspace.db, text="修改指标名称")[1] == 1  # the action
    assert audit.query(workspace.db, text="名称", entity="indicator")[1] >= 1  # the field's Chinese name
    user = found[0].user
    assert audit.query(workspace.db, text=user)[1] == audit.query(workspace.db)[1]


def test_paging_is_stable_and_complete(workspace) -> None:
    for i in range(30):
        workspace.apply(f"添加处室{i}", lambda w, i=i: w.insert("division", {"name": f"测试处{i:02d}"}))
    everything, total = audit.query(workspace.db, entity="division")
    assert total == len(everything) >= 30
    pages = [audit.query(workspace.db, entity="division", limit=7, offset=o)[0] for o in range(0, total, 7)]
    assert [e.id for page in pages for e in page] == [e.id for e in everything]
    assert [e.id for e in everything] == sorted((e.id for e in everything), reverse=True)
    assert audit.query(workspace.db, entity="division", limit=7, offset=total) == ([], total)


def test_export_csv_is_excel_friendly(workspace, ind, tmp_path: Path) -> None:
    rename(workspace, ind("(3)"), "名称,含逗号\n和换行")
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "修改记录.csv"
    path.write_text("old export", encoding="utf-8")
    count = audit.export_csv(workspace.db, path, entity="indicator", text="含逗号")
    assert count == 1
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(audit.CSV_HEADER)
    assert rows[1][3:7] == ["指标", str(ind("(3)")), "名称", rows[1][6]]
    assert rows[1][7] == "名称,含逗号\n和换行"
    assert rows[1][8].startswith(f"指标 #{ind('(3)')} 名称：")
    assert [p.name for p in path.parent.iterdir()] == ["修改记录.csv"]  # no temporary file left
    all_count = audit.export_csv(workspace.db, path)
    assert all_count == audit.query(workspace.db)[1]


def test_failed_export_keeps_the_old_file(workspace, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "out.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(InvalidInput):
        audit.export_csv(workspace.db, path, date_from="not a date")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in path.parent.iterdir()] == ["out.csv"]


def test_nothing_here_writes_the_audit_table() -> None:
    source = Path(audit.__file__).read_text(encoding="utf-8").upper()
    assert "DELETE FROM AUDIT" not in source and "UPDATE AUDIT" not in source
    assert "INSERT INTO AUDIT" not in source


def test_a_common_and_a_rare_kind_page_the_same_as_a_full_sort(workspace, ind) -> None:
    """query() walks the trail by time for a common kind and uses the kind's index for a rare
    one; both give exactly the entries of that kind, newest first, page after page."""
    iid = ind("(3)")
    for n in range(30):  # indicator: common here; calendar_year: rare
        rename(workspace, iid, f"名称{n}")
    workspace.apply("确认 2027 年日历", lambda w: calendar.confirm_year(w, 2027))
    everything, total = audit.query(workspace.db, limit=100000)
    assert total == len(everything)
    for kind in {e.entity for e in everything}:
        expected = [e for e in everything if e.entity == kind]
        pages: list[AuditEntry] = []
        while True:
            page, count = audit.query(workspace.db, entity=kind, limit=7, offset=len(pages))
            assert count == len(expected)
            if not page:
                break
            pages += page
        assert pages == expected, kind
    common = max({e.entity for e in everything}, key=lambda k: sum(e.entity == k for e in everything))
    rare = min({e.entity for e in everything}, key=lambda k: sum(e.entity == k for e in everything))
    assert sum(e.entity == common for e in everything) * 20 >= total > sum(e.entity == rare for e in everything) * 20
