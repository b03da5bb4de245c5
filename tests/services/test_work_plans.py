"""Division work plans (四（二）): who owes one, received on, file, missing list, a 待办 deadline
and a chase-list line."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import deadlines, settings_store, work_plans as wp

OWNERS = ["法规处", "规划处", "办公室", "审批办", "诚信处", "机关党委"]  # lead/responsible in the built-in plan


def test_who_owes_a_plan_and_receiving_one_with_its_file(workspace: Any, div: Any, tmp_path: Path) -> None:
    plans = wp.list_work_plans(workspace.db, 2026)
    assert sorted(p.division for p in plans) == sorted(OWNERS)
    assert all(p.missing and p.due_on == "2026-03-31" for p in plans)  # 31 March 2026 is a Tuesday
    f = tmp_path / "法规处2026年营商环境工作方案.docx"
    f.write_bytes(b"docx")
    workspace.apply("收", lambda w: wp.receive(w, 2026, div("法规处"), "2026-03-20", title="法规处工作方案", file=f))
    got = {p.division: p for p in wp.list_work_plans(workspace.db, 2026)}
    assert (got["法规处"].received_on, got["法规处"].title, got["法规处"].evidence_count) == ("2026-03-20",
                                                                                           "法规处工作方案", 1)
    assert "法规处" not in [p.division for p in wp.missing(workspace.db, 2026)]


def test_owing_can_be_changed_and_the_due_date_set(workspace: Any, div: Any) -> None:
    workspace.apply("免", lambda w: wp.set_owes(w, 2026, div("机关党委"), False))
    assert "机关党委" not in [p.division for p in wp.list_work_plans(workspace.db, 2026)]
    assert "机关党委" in [p.division for p in wp.list_work_plans(workspace.db, 2026, include_not_owed=True)]
    with pytest.raises(InvalidInput, match="不在 2026 年度须报送"):
        workspace.apply("收", lambda w: wp.receive(w, 2026, div("机关党委"), "2026-03-01"))
    group = workspace.db.scalar("SELECT id FROM division WHERE kind = 'group' LIMIT 1")
    with pytest.raises(InvalidInput, match="处室组"):
        workspace.apply("收", lambda w: wp.receive(w, 2026, group, "2026-03-01"))
    workspace.apply("期", lambda w: wp.set_due(w, 2026, "2026-04-15"))
    assert {p.due_on for p in wp.list_work_plans(workspace.db, 2026)} == {"2026-04-15"}
    # the default follows the setting, moved back to a working day (2026-05-01 is 劳动节)
    workspace.apply("设", lambda w: settings_store.set_setting(w, "workplan.due", "05-01"))
    assert wp.default_due(workspace.db, 2026) == "2026-04-30"


def test_missing_plans_are_a_deadline_and_a_chase_line(workspace: Any, div: Any) -> None:
    def deadline() -> deadlines.Deadline:
        found = [d for d in deadlines.list_deadlines(workspace.db, date(2026, 3, 1), date(2026, 4, 30))
                 if d.kind == "work_plan"]
        assert len(found) == 1
        return found[0]
    d = deadline()
    assert d.due == date(2026, 3, 31) and not d.done_on and "未交 6 个" in d.title and d.overdue(date(2026, 4, 1))
    assert wp.chase_line(workspace.db, 2026).startswith("2026 年度工作方案未交（截止 2026-03-31）：")
    # the month's 催报名单 names them only once the deadline has passed
    assert wp.chase_line(workspace.db, 2026, date(2026, 3, 31)) == ""
    assert wp.chase_line(workspace.db, 2026, date(2026, 4, 1)) == wp.chase_line(workspace.db, 2026)
    for name in OWNERS:
        workspace.apply("收", lambda w, n=name: wp.receive(w, 2026, div(n), "2026-03-25"))
    assert deadline().done_on == "2026-03-25" and "已全部收到" in deadline().title
    assert wp.chase_line(workspace.db, 2026) == ""
    workspace.apply("撤", lambda w: wp.unreceive(w, 2026, div("规划处")))
    assert "规划处" in wp.chase_line(workspace.db, 2026)


def test_the_chase_line_in_english_joins_the_names_the_english_way(workspace: Any, div: Any) -> None:
    from bizenv_desktop.core import messages

    for name in OWNERS[2:]:
        workspace.apply("收", lambda w, n=name: wp.receive(w, 2026, div(n), "2026-03-25"))
    assert wp.chase_line(workspace.db, 2026) == "2026 年度工作方案未交（截止 2026-03-31）：法规处、规划处"
    messages.set_language("en")
    try:
        assert wp.chase_line(workspace.db, 2026) == "2026 work plans not yet in (due 2026-03-31): 法规处, 规划处"
    finally:
        messages.set_language("zh")
