"""Counted events of indicators (20)–(23) on a real database: register, validate, count, undo."""
from __future__ import annotations

from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import events, years


def add(workspace: Any, *args: Any, **kw: Any) -> int:
    out: list[int] = []
    workspace.apply("登记事件", lambda w: out.append(events.add_event(w, *args, **kw)))
    return out[0]


def refused(workspace: Any, snapshot: Any, fn: Any, *words: str) -> None:
    before = snapshot(with_audit=True)
    with pytest.raises(InvalidInput) as info:
        workspace.apply("test", fn)
    assert snapshot(with_audit=True) == before
    for word in words:
        assert word in str(info.value), str(info.value)


def test_kinds_and_levels() -> None:
    assert events.EVENT_KINDS == {"commendation": "通报表扬", "media": "媒体宣传", "briefing": "简报刊发",
                                  "promotion": "全省推广"}
    assert set(events.MEDIA_LEVELS) <= set(events.LEVELS)


def test_add_picks_the_indicator_of_its_kind_and_year(workspace: Any, ind: Any) -> None:
    for kind, code in (("commendation", "(20)"), ("media", "(21)"), ("briefing", "(22)"), ("promotion", "(23)")):
        assert events.default_indicator(workspace.db, kind, 2026) == ind(code)
    eid = add(workspace, "media", " 2026-03-05 ", " 优化营商环境经验 ", level="省级", outlet=" 云南日报 ")
    [e] = events.list_events(workspace.db)
    assert (e.id, e.kind, e.kind_name, e.date, e.level, e.title, e.outlet) == \
        (eid, "media", "媒体宣传", "2026-03-05", "省级", "优化营商环境经验", "云南日报")
    assert (e.indicator_id, e.indicator_code, e.indicator_name, e.evidence_count) == (ind("(21)"), "(21)", "媒体宣传", 0)


def test_validation_messages(workspace: Any, ind: Any, snapshot: Any) -> None:
    refused(workspace, snapshot, lambda w: events.add_event(w, "award", "2026-01-02", "x"), "未知的事件类别")
    refused(workspace, snapshot, lambda w: events.add_event(w, "briefing", "", "x"), "请填写事件日期")
    refused(workspace, snapshot, lambda w: events.add_event(w, "briefing", "2026-02-30", "x"), "2026-02-30", "年-月-日")
    refused(workspace, snapshot, lambda w: events.add_event(w, "briefing", "2026-02-03", "  "), "请填写事件标题")
    refused(workspace, snapshot, lambda w: events.add_event(w, "media", "2026-02-03", "报道"), "国家级或省级")
    refused(workspace, snapshot, lambda w: events.add_event(w, "media", "2026-02-03", "报道", level="其他"),
            "国家级或省级")
    refused(workspace, snapshot, lambda w: events.add_event(w, "briefing", "2026-02-03", "x", level="市级"),
            "未知的级别")
    refused(workspace, snapshot, lambda w: events.add_event(w, "briefing", "2027-02-03", "x"),
            "2027 年度方案中没有统计“简报刊发”")
    refused(workspace, snapshot,
            lambda w: events.add_event(w, "briefing", "2026-02-03", "x", indicator_id=ind("(21)")),
            "(21) 媒体宣传", "不能计入简报刊发")
    refused(workspace, snapshot,
            lambda w: events.add_event(w, "briefing", "2026-02-03", "x", indicator_id=ind("6")), "一级指标")


def test_explicit_indicator_must_be_of_the_events_year(workspace: Any, ind: Any, snapshot: Any) -> None:
    workspace.apply("2027", lambda w: years.create_builtin_year(w, 2027))
    refused(workspace, snapshot,
            lambda w: events.add_event(w, "briefing", "2026-05-01", "x", indicator_id=ind("(22)", 2027)),
            "2027 年度方案", "2026 年")
    # a qualitative indicator without an event type may be chosen
    eid = add(workspace, "briefing", "2026-05-01", "专报", indicator_id=ind("(3)"))
    assert events.list_events(workspace.db)[0].indicator_id == ind("(3)") and eid


def test_update_moves_to_the_indicator_of_the_new_kind_or_year(workspace: Any, ind: Any, snapshot: Any) -> None:
    workspace.apply("2027", lambda w: years.create_builtin_year(w, 2027))
    eid = add(workspace, "briefing", "2026-04-01", "信息采用", outlet="省软环境办")
    workspace.apply("改类别", lambda w: events.update_event(w, eid, kind="promotion", title="经验介绍"))
    e = events.list_events(workspace.db)[0]
    assert (e.kind, e.title, e.indicator_id) == ("promotion", "经验介绍", ind("(23)"))
    workspace.apply("改日期", lambda w: events.update_event(w, eid, date="2027-01-10"))
    assert events.list_events(workspace.db)[0].indicator_id == ind("(23)", 2027)
    workspace.apply("改备注", lambda w: events.update_event(w, eid, note="会议纪要"))
    assert events.list_events(workspace.db)[0].indicator_id == ind("(23)", 2027)
    refused(workspace, snapshot, lambda w: events.update_event(w, eid, kind="media"), "国家级或省级")
    refused(workspace, snapshot, lambda w: events.update_event(w, eid, date="2027-13-01"), "2027-13-01")
    refused(workspace, snapshot, lambda w: events.update_event(w, eid, title=""), "请填写事件标题")
    refused(workspace, snapshot, lambda w: events.update_event(w, eid, colour="red"), "不能修改的字段")


def test_list_filters_and_orders_by_date(workspace: Any) -> None:
    workspace.apply("2027", lambda w: years.create_builtin_year(w, 2027))
    c = add(workspace, "briefing", "2026-09-01", "C")
    a = add(workspace, "media", "2026-01-15", "A", level="国家级", outlet="人民日报")
    b = add(workspace, "briefing", "2026-03-01", "B")
    d = add(workspace, "promotion", "2027-02-01", "D")
    assert [e.id for e in events.list_events(workspace.db)] == [a, b, c, d]
    assert [e.id for e in events.list_events(workspace.db, year=2026)] == [a, b, c]
    assert [e.id for e in events.list_events(workspace.db, year=2026, kind="briefing")] == [b, c]
    assert [e.id for e in events.list_events(workspace.db, kind="promotion")] == [d]
    assert events.event_years(workspace.db) == [2026, 2027]
    assert events.kind_counts(events.list_events(workspace.db, year=2026)) == \
        {"commendation": 0, "media": 1, "briefing": 2, "promotion": 0}


def test_counts_per_indicator_and_year(workspace: Any, ind: Any) -> None:
    workspace.apply("2027", lambda w: years.create_builtin_year(w, 2027))
    assert events.counts(workspace.db, 2026) == {ind(c): 0 for c in ("(20)", "(21)", "(22)", "(23)")}
    for day in ("2026-01-10", "2026-06-10", "2026-12-31"):
        add(workspace, "media", day, "报道", level="国家级")
    add(workspace, "briefing", "2026-02-01", "专报")
    add(workspace, "briefing", "2026-02-01", "专报二", indicator_id=ind("(3)"))
    add(workspace, "briefing", "2027-01-01", "次年专报")
    assert events.counts(workspace.db, 2026) == {ind("(20)"): 0, ind("(21)"): 3, ind("(22)"): 1, ind("(23)"): 0,
                                                 ind("(3)"): 1}
    assert events.counts(workspace.db, 2027)[ind("(22)", 2027)] == 1
    statements: list[str] = []
    workspace.db.conn.set_trace_callback(statements.append)
    try:
        events.counts(workspace.db, 2026)
        events.list_events(workspace.db, 2026)
    finally:
        workspace.db.conn.set_trace_callback(None)
    assert len(statements) == 2


def test_delete_refused_with_evidence_and_undo(workspace: Any, snapshot: Any) -> None:
    eid = add(workspace, "commendation", "2026-07-01", "国务院通报表扬", level="国家级")

    def link(w: Any) -> None:
        ev = w.insert("evidence", {"sha256": "b" * 64, "original_name": "通报.pdf", "size": 1,
                                   "added_at": w.at, "added_by": "t"})
        w.insert("evidence_link", {"evidence_id": ev, "target_kind": "event", "target_id": eid})
    link_changes = workspace.apply("link", link)
    assert events.list_events(workspace.db)[0].evidence_count == 1
    refused(workspace, snapshot, lambda w: events.delete_event(w, eid), "国务院通报表扬", "请先移除佐证材料")
    workspace.undo(link_changes)
    before = snapshot()
    changes = workspace.apply("删除事件", lambda w: events.delete_event(w, eid))
    assert events.list_events(workspace.db) == []
    workspace.undo(changes)
    assert snapshot() == before
