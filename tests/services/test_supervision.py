"""交办督办事项台账 on a real database: workflow and dates, deadlines as written, overdue, counts, undo."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import calendar, supervision
from bizenv_desktop.services.supervision import STATUSES, SupervisionItem

TODAY = date(2026, 5, 20)  # a Wednesday


def run(workspace: Any, fn: Any, label: str = "督办") -> Any:
    out: list[Any] = []
    workspace.apply(label, lambda w: out.append(fn(w)))
    return out[0]


def add(workspace: Any, content: str = "清理拖欠企业账款", **kw: Any) -> int:
    kw.setdefault("today", TODAY)
    return run(workspace, lambda w: supervision.add_item(w, content, **kw))


def item(workspace: Any, item_id: int, today: date = TODAY) -> SupervisionItem:
    return next(i for i in supervision.list_items(workspace.db, today=today) if i.id == item_id)


def refused(workspace: Any, snapshot: Any, fn: Any, *words: str) -> str:
    before = snapshot(with_audit=True)
    with pytest.raises(InvalidInput) as info:
        workspace.apply("test", fn)
    assert snapshot(with_audit=True) == before
    for word in words:
        assert word in str(info.value), str(info.value)
    return str(info.value)


def test_constants() -> None:
    assert STATUSES == ("待签收", "办理中", "已办结", "已报结", "已销号")
    assert list(supervision.STATUS_DATES.values()) == ["received_on", "signed_on", "done_on", "reported_on",
                                                       "closed_on"]
    assert supervision.SOURCES[:6] == ("省软环境办交办", "省软环境办督办", "明察暗访", "投诉", "领导批示", "会议议定")


def test_the_sources_name_the_superior_office_of_the_settings(workspace: Any) -> None:
    from bizenv_desktop.services.department import set_superior

    assert supervision.sources(workspace.db) == supervision.SOURCES
    workspace.apply("上级", lambda w: set_superior(w, "江川市优化营商环境建设办公室", "市营商办"))
    assert supervision.sources(workspace.db) == ("市营商办交办", "市营商办督办", "明察暗访", "投诉", "领导批示", "会议议定",
                                                 "其他")


def test_add_numbers_divisions_and_listing(workspace: Any, div: Any) -> None:
    a = add(workspace, " 清理拖欠企业账款 ", source="省软环境办交办", received_on="2026-03-02", deadline="2026-06-30",
            lead=[div("法规处")], cooperating=[div("办公室"), div("相关处室")], progress="已摸底")
    b = add(workspace, "政务服务投诉核查", source="投诉", received_on="2026-04-01")
    c = add(workspace, "2025年遗留事项", received_on="2025-12-30")
    d = add(workspace, "自定编号", no="省软办〔2026〕12号")
    e = add(workspace, "无交办日期")
    assert [i.no for i in supervision.list_items(workspace.db, today=TODAY)] == \
        ["DB-2025-001", "DB-2026-001", "DB-2026-002", "DB-2026-003", "省软办〔2026〕12号"]
    first = item(workspace, a)
    assert (first.content, first.status, first.source, first.progress) == ("清理拖欠企业账款", "待签收", "省软环境办交办", "已摸底")
    assert (first.deadline, first.deadline_text, first.deadline_date) == ("2026-06-30", "", date(2026, 6, 30))
    assert first.lead_names == ["法规处"] and first.cooperating_names == ["办公室", "相关处室"]
    assert first.lead_ids == [div("法规处")] and first.evidence_count == 0
    assert item(workspace, e).no == "DB-2026-003" and item(workspace, c).no == "DB-2025-001"
    assert {b, d} < {i.id for i in supervision.list_items(workspace.db)}


def test_add_refusals(workspace: Any, snapshot: Any, div: Any) -> None:
    add(workspace, no="DB-2026-007")
    refused(workspace, snapshot, lambda w: supervision.add_item(w, "  "), "请填写事项内容")
    refused(workspace, snapshot, lambda w: supervision.add_item(w, "x", no="DB-2026-007"), "DB-2026-007", "已被另一事项使用")
    refused(workspace, snapshot, lambda w: supervision.add_item(w, "x", received_on="2026-02-30"), "交办日期", "2026-02-30")
    refused(workspace, snapshot, lambda w: supervision.add_item(w, "x", lead=[div("法规处")], cooperating=[div("法规处")]),
            "法规处", "既是牵头处室又是配合处室")
    with pytest.raises(NotFound):
        workspace.apply("x", lambda w: supervision.add_item(w, "x", lead=[9999]))
    assert run(workspace, lambda w: supervision.add_item(w, "下一个", received_on="2026-01-05")) is not None
    assert supervision.list_items(workspace.db)[0].no == "DB-2026-008"  # after the highest; undated last


def test_deadline_text_kept_as_written_with_a_derived_date(workspace: Any) -> None:
    with pytest.raises(InvalidInput, match="2025-06-30.*2025-11-10"):  # June before November: write the year
        add(workspace, received_on="2025-11-10", deadline="6月底前")
    a = add(workspace, received_on="2025-03-10", deadline="6月底前")
    b = add(workspace, deadline="持续推进")
    c = add(workspace, received_on="2026-03-02", deadline=" 2026年第三季度 ")
    d = add(workspace, received_on="2026-05-15", deadline="5个工作日内")  # a Friday
    assert (item(workspace, a).deadline_text, item(workspace, a).deadline) == ("6月底前", "2025-06-30")
    assert item(workspace, a).deadline_shown == "6月底前（2025-06-30）"
    assert (item(workspace, b).deadline_text, item(workspace, b).deadline, item(workspace, b).deadline_date) == \
        ("持续推进", "", None)
    assert item(workspace, b).deadline_shown == "持续推进" and not item(workspace, b).overdue
    assert item(workspace, c).deadline == "2026-09-30"
    assert item(workspace, d).deadline == "2026-05-22"  # working days by the calendar
    # the text is read again against a new date received
    run(workspace, lambda w: supervision.update_item(w, a, received_on="2026-01-04"))
    assert (item(workspace, a).deadline_text, item(workspace, a).deadline) == ("6月底前", "2026-06-30")
    run(workspace, lambda w: supervision.update_item(w, a, deadline="2026-07-15"))
    assert (item(workspace, a).deadline_text, item(workspace, a).deadline) == ("", "2026-07-15")
    run(workspace, lambda w: supervision.update_item(w, a, deadline=""))
    assert (item(workspace, a).deadline_text, item(workspace, a).deadline) == ("", "")


def test_deadline_working_days_follow_the_users_calendar(workspace: Any) -> None:
    run(workspace, lambda w: calendar.set_override(w, "2026-05-19", False, "临时放假"))
    d = add(workspace, received_on="2026-05-15", deadline="3个工作日内")
    assert item(workspace, d).deadline == "2026-05-21"


def test_workflow_sets_and_clears_dates(workspace: Any, snapshot: Any) -> None:
    a = add(workspace, received_on="2026-03-02")
    assert run(workspace, lambda w: supervision.advance(w, a, on="2026-03-03")) == "办理中"
    assert run(workspace, lambda w: supervision.advance(w, a, "已办结", date(2026, 4, 1), "已全部清偿")) == "已办结"
    i = item(workspace, a)
    assert (i.status, i.signed_on, i.done_on, i.reported_on, i.closure_report) == \
        ("已办结", "2026-03-03", "2026-04-01", "", "已全部清偿")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, "办理中"), "已是“已办结”", "退回上一步")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, on="2026-03-31"), "报结日期", "不能早于办结日期")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, "作废"), "未知的状态")
    run(workspace, lambda w: supervision.advance(w, a, on="2026-04-02"))
    run(workspace, lambda w: supervision.advance(w, a, on="2026-04-10"))
    i = item(workspace, a)
    assert (i.status, i.reported_on, i.closed_on, i.status_date) == ("已销号", "2026-04-02", "2026-04-10", "2026-04-10")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a), "已销号", "没有下一步")
    assert run(workspace, lambda w: supervision.revert(w, a)) == "已报结"
    assert (item(workspace, a).status, item(workspace, a).closed_on) == ("已报结", "")
    for expected in ("已办结", "办理中", "待签收"):
        assert run(workspace, lambda w: supervision.revert(w, a)) == expected
    i = item(workspace, a)
    assert (i.signed_on, i.done_on, i.reported_on, i.received_on) == ("", "", "", "2026-03-02")
    refused(workspace, snapshot, lambda w: supervision.revert(w, a), "待签收", "不能再退回")


def test_jump_forward_fills_skipped_dates_and_needs_a_report(workspace: Any, snapshot: Any) -> None:
    a = add(workspace, received_on="2026-03-02")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, "已报结", "2026-03-20"), "办结报告")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, "办理中", "2026-03-01"), "不能早于交办日期")
    run(workspace, lambda w: supervision.advance(w, a, "已报结", "2026-03-20", "整改完成，报告已报送"))
    i = item(workspace, a)
    assert (i.status, i.signed_on, i.done_on, i.reported_on, i.closure_report) == \
        ("已报结", "2026-03-20", "2026-03-20", "2026-03-20", "整改完成，报告已报送")
    b = add(workspace)
    run(workspace, lambda w: supervision.advance(w, b, on=TODAY, text="已召开专题会"))
    assert (item(workspace, b).progress, item(workspace, b).closure_report) == ("已召开专题会", "")
    run(workspace, lambda w: supervision.update_item(w, b, closure_report="已办结"))
    run(workspace, lambda w: supervision.advance(w, b, "已报结", TODAY))  # report already stored
    assert item(workspace, b).status == "已报结"
    refused(workspace, snapshot, lambda w: supervision.update_item(w, b, closure_report=" "), "办结报告")
    refused(workspace, snapshot, lambda w: supervision.update_item(w, b, signed_on=""), "签收日期不能为空")
    refused(workspace, snapshot, lambda w: supervision.update_item(w, b, closed_on="2026-06-01"), "尚未到“已销号”")
    run(workspace, lambda w: supervision.update_item(w, b, signed_on="2026-05-18", done_on="2026-05-19"))
    assert (item(workspace, b).signed_on, item(workspace, b).done_on) == ("2026-05-18", "2026-05-19")


def test_verified_complaint_needs_accountability_before_closing(workspace: Any, snapshot: Any) -> None:
    a = add(workspace, "企业反映审批超时", source="投诉", received_on="2026-03-02")
    run(workspace, lambda w: supervision.advance(w, a, "已报结", "2026-03-10", "经核查投诉属实，已整改"))
    run(workspace, lambda w: supervision.set_accountability(w, a, True, ""))
    assert item(workspace, a).needs_accountability
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, on="2026-03-12"), "投诉经查属实", "问责记录")
    refused(workspace, snapshot, lambda w: supervision.advance(w, a, "已销号", "2026-03-12", "x"), "问责记录")
    run(workspace, lambda w: supervision.set_accountability(w, a, True, "对责任人诫勉谈话（某纪〔2026〕3号）"))
    run(workspace, lambda w: supervision.advance(w, a, on="2026-03-12"))
    i = item(workspace, a)
    assert (i.status, i.complaint_verified, i.accountability) == ("已销号", True, "对责任人诫勉谈话（某纪〔2026〕3号）")
    refused(workspace, snapshot, lambda w: supervision.set_accountability(w, a, True, ""), "问责记录")
    refused(workspace, snapshot, lambda w: supervision.update_item(w, a, source="明察暗访"), "只有来源为“投诉”")
    # a complaint not found true closes without a record
    b = add(workspace, "投诉不属实", source="投诉", received_on="2026-03-02")
    run(workspace, lambda w: supervision.advance(w, b, "已销号", "2026-03-05", "经核查不属实，已反馈"))
    assert item(workspace, b).status == "已销号"
    c = add(workspace, "暗访问题", source="明察暗访")
    refused(workspace, snapshot, lambda w: supervision.set_accountability(w, c, True, "x"), "只有来源为“投诉”")


def test_overdue_around_today(workspace: Any) -> None:
    a = add(workspace, "到期日当天", received_on="2026-03-02", deadline="2026-05-20")
    b = add(workspace, "已过期", received_on="2026-03-02", deadline="5月15日前")
    c = add(workspace, "已办结不算", received_on="2026-03-02", deadline="2026-04-30")
    d = add(workspace, "长期", received_on="2026-03-02", deadline="常态化")
    run(workspace, lambda w: supervision.advance(w, c, "已办结", "2026-05-06", "办结"))
    assert not item(workspace, a).overdue
    assert item(workspace, a, date(2026, 5, 21)).overdue and item(workspace, a, date(2026, 5, 21)).days_overdue == 1
    assert item(workspace, b).overdue and item(workspace, b).days_overdue == 5
    assert not item(workspace, c).overdue and item(workspace, c).finished_late
    assert not item(workspace, d).overdue
    overdue = supervision.list_items(workspace.db, overdue_only=True, today=TODAY)
    assert [i.id for i in overdue] == [b]
    assert [i.id for i in supervision.list_items(workspace.db, overdue_only=True, today=date(2026, 5, 21))] == [a, b]
    left = supervision.workdays_left(workspace.db, supervision.list_items(workspace.db, today=TODAY), TODAY)
    assert left == {a: 0}


def test_counts(workspace: Any) -> None:
    assert supervision.counts(workspace.db, TODAY) == {**dict.fromkeys(STATUSES, 0), "overdue": 0, "due_soon": 0}
    add(workspace, deadline="2026-05-19")             # overdue
    add(workspace, deadline="2026-05-20")             # due today
    add(workspace, deadline="2026-05-27")             # 5 working days on
    add(workspace, deadline="2026-05-28")             # 6 working days on
    add(workspace, deadline="持续推进")
    done = add(workspace, deadline="2026-05-01")
    run(workspace, lambda w: supervision.advance(w, done, "已办结", TODAY, "完成"))
    assert supervision.counts(workspace.db, TODAY) == {"待签收": 5, "办理中": 0, "已办结": 1, "已报结": 0, "已销号": 0,
                                                      "overdue": 1, "due_soon": 2}


def test_search_and_filters(workspace: Any, div: Any) -> None:
    a = add(workspace, "清理拖欠中小企业账款", lead=[div("法规处")], progress="已清偿 80%")
    b = add(workspace, "窗口服务投诉", source="投诉", cooperating=[div("法规处")], lead=[div("审批办")])
    c = add(workspace, "简化审批流程", lead=[div("审批办")], deadline="2026-05-01")
    run(workspace, lambda w: supervision.advance(w, c, on=TODAY))
    ids = lambda **kw: [i.id for i in supervision.list_items(workspace.db, today=TODAY, **kw)]  # noqa: E731
    assert ids(text="账款") == [a]
    assert ids(text="80%") == [a] and ids(text="100%") == []
    assert ids(text="审批") == [b, c]                   # content or a division's name
    assert ids(text="审批 投诉") == [b]                  # every word
    assert ids(text="DB-2026-003") == [c]
    assert ids(division_id=div("法规处")) == [a, b]      # lead or cooperating
    assert ids(status="办理中") == [c]
    assert ids(status="待签收", division_id=div("审批办")) == [b]
    assert ids(overdue_only=True) == [c]
    assert ids(overdue_only=True, text="账款") == []
    [shown] = supervision.list_items(workspace.db, division_id=div("法规处"), text="投诉", today=TODAY)
    assert shown.lead_names == ["审批办"] and shown.cooperating_names == ["法规处"]  # all of its divisions


def test_update_divisions_and_delete(workspace: Any, snapshot: Any, div: Any) -> None:
    a = add(workspace, lead=[div("法规处")], cooperating=[div("办公室")])
    run(workspace, lambda w: supervision.update_item(w, a, lead=[div("办公室"), div("规划处")], cooperating=[]))
    i = item(workspace, a)
    assert i.lead_names == ["办公室", "规划处"] and i.cooperating_names == []
    run(workspace, lambda w: supervision.update_item(w, a, cooperating=[div("诚信处")]))
    assert item(workspace, a).lead_names == ["办公室", "规划处"] and item(workspace, a).cooperating_names == ["诚信处"]
    refused(workspace, snapshot, lambda w: supervision.update_item(w, a, status="已销号"), "不能修改的字段")
    refused(workspace, snapshot, lambda w: supervision.update_item(w, a, no=""), "编号不能为空")

    def link(w: Any) -> None:
        ev = w.insert("evidence", {"sha256": "d" * 64, "original_name": "办结报告.pdf", "size": 1,
                                   "added_at": w.at, "added_by": "t"})
        w.insert("evidence_link", {"evidence_id": ev, "target_kind": "supervision_item", "target_id": a})
    changes = workspace.apply("附佐证", link)
    assert item(workspace, a).evidence_count == 1
    refused(workspace, snapshot, lambda w: supervision.delete_item(w, a), "1 份佐证材料", "请先移除")
    workspace.undo(changes)
    before = snapshot()
    deleted = workspace.apply("删除", lambda w: supervision.delete_item(w, a))
    assert supervision.list_items(workspace.db) == []
    assert workspace.db.scalar("SELECT count(*) FROM supervision_division") == 0
    workspace.undo(deleted)
    assert snapshot() == before


def test_every_action_is_one_undo_step(workspace: Any, snapshot: Any, div: Any) -> None:
    before = snapshot()
    added = workspace.apply("新增", lambda w: supervision.add_item(w, "事项", lead=[div("法规处")], today=TODAY))
    a = added.created_id("supervision_item")
    after_add = snapshot()
    moved = workspace.apply("推进", lambda w: supervision.advance(w, a, "已报结", TODAY, "报告"))
    workspace.undo(moved)
    assert snapshot() == after_add
    workspace.redo(moved)
    assert item(workspace, a).status == "已报结"
    workspace.undo(moved)
    workspace.undo(added)
    assert snapshot() == before
    audit = workspace.db.query("SELECT DISTINCT entity FROM audit WHERE action LIKE '新增%'")
    assert {r[0] for r in audit} == {"supervision_item", "supervision_division"}


# -- ItemBatch: many items at once (an import) ------------------------------------------------------

def _plan(div: Any) -> list[tuple[dict[str, Any], list[tuple[str, str, str]]]]:
    """(add_item arguments, [(status, date, text) of each advance]) of a mixed lot of items."""
    law, plan, office = div("法规处"), div("规划处"), div("办公室")
    return [
        ({"content": "清理拖欠", "no": "DB-2026-010", "source": "投诉", "received_on": "2026-03-02",
          "deadline": "6月底前", "lead": [law], "cooperating": [plan, office], "progress": "已摸底"}, []),
        ({"content": "无编号甲", "received_on": "2026-04-01", "deadline": "3个工作日内", "lead": [plan, plan]}, [
            ("办理中", "2026-04-02", ""), ("已办结", "2026-04-20", "已完成")]),
        ({"content": "无编号乙", "received_on": "2025-12-30", "cooperating": [law]}, [("已报结", "2026-01-05", "报告")]),
        ({"content": "无交办日期", "note": " 备注 "}, [("办理中", "2026-05-01", "推进中")]),
        ({"content": "无编号丙", "received_on": "2026-05-06", "deadline": "2026-12-31"}, []),
    ]


def _one_by_one(w: Any, lot: list) -> list[int]:
    ids = []
    for kwargs, moves in lot:
        ids.append(supervision.add_item(w, today=TODAY, **kwargs))
        for status, day, text in moves:
            supervision.advance(w, ids[-1], status, day, text)
    return ids


def _batched(w: Any, lot: list) -> list[int]:
    batch = supervision.ItemBatch(w, TODAY)
    items = []
    for kwargs, moves in lot:
        items.append(batch.add_item(**kwargs))
        for status, day, text in moves:
            batch.advance(items[-1], status, day, text)
    batch.flush()
    return [i.id for i in items]


def _audit(db: Any, since: int) -> list[tuple]:
    """The audit rows after since, without id and time, in a set order (a batch writes them
    grouped by table, one call after another one item after another)."""
    return sorted((tuple(r)[2:] for r in db.query("SELECT * FROM audit WHERE id > ?", (since,))), key=repr)


def _rows(db: Any) -> dict[str, list[tuple]]:
    """Every row of every table but the audit trail."""
    tables = [r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                                     " AND name <> 'audit'")]
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")] for t in tables}


def test_batch_writes_what_add_item_and_advance_write(workspace: Any, div: Any, tmp_path: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime

    from bizenv_desktop.services.startup import open_workspace
    from bizenv_desktop.storage import changes

    class Still(datetime):  # both files written in the same second (a second ticking between them differed)
        @classmethod
        def now(cls, tz: Any = None) -> Still:  # type: ignore[override]
            return cls(2026, 11, 20, 9, 30, 0)
    monkeypatch.setattr(changes, "datetime", Still)

    run(workspace, lambda w: supervision.add_item(w, "已有事项", received_on="2026-01-05", today=TODAY))  # DB-2026-001
    other = open_workspace(tmp_path / "one-by-one.sqlite3", first_year=2026)
    try:
        run(other, lambda w: supervision.add_item(w, "已有事项", received_on="2026-01-05", today=TODAY))
        since = workspace.db.scalar("SELECT max(id) FROM audit")
        assert other.db.scalar("SELECT max(id) FROM audit") == since
        single = other.apply("登记", lambda w: _one_by_one(w, _plan(div)))
        batched = workspace.apply("登记", lambda w: _batched(w, _plan(div)))
        assert _rows(workspace.db) == _rows(other.db)  # the same rows and ids
        assert [i.no for i in supervision.list_items(workspace.db)] == [  # by date received, undated last
            "DB-2025-001", "DB-2026-001", "DB-2026-010", "DB-2026-011", "DB-2026-013", "DB-2026-012"]
        assert _audit(workspace.db, since) == _audit(other.db, since)
        assert sorted(map(repr, batched.changes)) == sorted(map(repr, single.changes))
        after = _rows(workspace.db)
        workspace.undo(batched)
        assert [i.no for i in supervision.list_items(workspace.db)] == ["DB-2026-001"]
        other.undo(single)
        assert _rows(workspace.db) == _rows(other.db)
        workspace.redo(batched)
        assert _rows(workspace.db) == after
        assert workspace.db.query("PRAGMA foreign_key_check") == []
    finally:
        other.close()


def test_batch_refuses_what_add_item_refuses(workspace: Any, snapshot: Any, div: Any) -> None:
    add(workspace, no="DB-2026-007")

    def batch(*adds: dict[str, Any]) -> Any:
        def action(w: Any) -> None:
            b = supervision.ItemBatch(w, TODAY)
            for kwargs in adds:
                b.add_item(**kwargs)
            b.flush()
        return action
    refused(workspace, snapshot, batch({"content": "  "}), "请填写事项内容")
    refused(workspace, snapshot, batch({"content": "x", "no": "DB-2026-007"}), "DB-2026-007", "已被另一事项使用")
    refused(workspace, snapshot, batch({"content": "x", "no": "甲"}, {"content": "y", "no": "甲"}), "“甲”已被另一事项使用")
    refused(workspace, snapshot, batch({"content": "x", "received_on": "2026-02-30"}), "交办日期", "2026-02-30")
    refused(workspace, snapshot, batch({"content": "x", "lead": [div("法规处")], "cooperating": [div("法规处")]}),
            "法规处", "既是牵头处室又是配合处室")
    with pytest.raises(NotFound):
        workspace.apply("x", batch({"content": "x", "lead": [9999]}))

    def moves(w: Any) -> None:
        b = supervision.ItemBatch(w, TODAY)
        item = b.add_item("x", received_on="2026-03-02")
        b.advance(item, "已报结", "2026-03-20")
    refused(workspace, snapshot, moves, "办结报告")


def test_batch_keeps_numbers_right_around_changes_of_stored_items(workspace: Any, snapshot: Any) -> None:
    a = add(workspace, no="旧-1", received_on="2026-02-01")
    b = add(workspace, no="DB-2026-009", received_on="2026-02-01")

    def action(w: Any) -> list[str]:
        batch = supervision.ItemBatch(w, TODAY)
        first = batch.add_item("甲", received_on="2026-03-01")          # after DB-2026-009
        batch.update_item(a, no="新-1")                                  # writes 甲 first
        second = batch.add_item("乙", no="旧-1")                         # free again
        batch.update_item(b, no="B-9")                                   # DB-2026-010 stays the highest
        third = batch.add_item("丙", received_on="2026-03-02")
        assert batch.advance(b, "办理中", "2026-02-02") == "办理中"      # a stored item: at once
        batch.flush()
        return [first.current["no"], second.current["no"], third.current["no"]]
    assert run(workspace, action) == ["DB-2026-010", "旧-1", "DB-2026-011"]
    assert item(workspace, b).status == "办理中"
    refused(workspace, snapshot, lambda w: supervision.ItemBatch(w, TODAY).add_item("丁", no="新-1"), "已被另一事项使用")
