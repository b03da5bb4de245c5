"""督查 records (四（三）): date, scope (indicators, divisions), findings, follow-up items that can
become supervised items."""
from __future__ import annotations

from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import inspections as insp
from bizenv_desktop.services import supervision, supervision_links


def run(ws: Any, fn: Any) -> Any:
    out: list[Any] = []
    ws.apply("t", lambda w: out.append(fn(w)))
    return out[0]


def test_an_inspection_with_scope_findings_and_a_follow_up_made_a_supervised_item(workspace: Any, ind: Any,
                                                                                   div: Any) -> None:
    iid = run(workspace, lambda w: insp.add_inspection(
        w, "2026-03-28", "第一季度营商环境考核评价工作督查", findings="（10）网上可办率统计口径不一；（13）服务指南未全部公开。",
        indicators=[ind("(10)"), ind("(13)")], divisions=[div("审批办")]))
    fid = run(workspace, lambda w: insp.add_followup(w, iid, "统一网上可办率统计口径", div("审批办"), "2026-04-30"))
    run(workspace, lambda w: insp.add_followup(w, iid, "补充公开服务指南"))
    got = insp.list_inspections(workspace.db, 2026)
    assert len(got) == 1 and got[0].indicator_codes == ["(10)", "(13)"] and got[0].divisions == ["审批办"]
    assert [(f.content, f.division, f.deadline) for f in got[0].followups] == [
        ("统一网上可办率统计口径", "审批办", "2026-04-30"), ("补充公开服务指南", "", "")]
    item_id = run(workspace, lambda w: insp.promote_followup(w, fid))
    item = supervision.list_items(workspace.db)[0]
    assert (item.id, item.source, item.received_on, item.deadline, item.lead_names, item.status) == (
        item_id, "厅内督查", "2026-03-28", "2026-04-30", ["审批办"], "待签收")
    assert [code for _i, code in supervision_links.indicators_of(workspace.db)[item_id]] == ["(10)", "(13)"]
    assert insp.list_inspections(workspace.db)[0].followups[0].item_no == item.no
    with pytest.raises(InvalidInput, match="已转为督办事项"):
        run(workspace, lambda w: insp.promote_followup(w, fid))
    with pytest.raises(InvalidInput, match="不能删除"):
        run(workspace, lambda w: insp.delete_inspection(w, iid))
    # deleting the supervised item frees the follow-up again
    run(workspace, lambda w: supervision.delete_item(w, item_id))
    assert insp.list_inspections(workspace.db)[0].followups[0].item_id is None
    run(workspace, lambda w: insp.delete_inspection(w, iid))
    assert insp.list_inspections(workspace.db) == []


def test_bad_inspections_are_refused(workspace: Any, snapshot: Any) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match="督查的名称"):
        run(workspace, lambda w: insp.add_inspection(w, "2026-03-28", "  "))
    with pytest.raises(InvalidInput, match="督查日期"):
        run(workspace, lambda w: insp.add_inspection(w, "", "督查"))
    iid = run(workspace, lambda w: insp.add_inspection(w, "2026-06-30", "半年督查"))
    with pytest.raises(InvalidInput, match="整改"):
        run(workspace, lambda w: insp.add_followup(w, iid, ""))
    with pytest.raises(InvalidInput, match="整改时限"):
        run(workspace, lambda w: insp.add_followup(w, iid, "x", deadline="7月底"))
    run(workspace, lambda w: insp.update_inspection(w, iid, title="半年工作督查", findings="总体推进有序"))
    assert [(i.title, i.findings) for i in insp.list_inspections(workspace.db)] == [("半年工作督查", "总体推进有序")]
    run(workspace, lambda w: insp.delete_inspection(w, iid))
    assert {k: v for k, v in snapshot().items()} == before
