"""What the dashboard flags about the plan's records (services.assessment_flags, issue 16): (1) the
plan published, (15) a quarter without a policy publication, the ranking of (7), the divisions'
work plans once their due date has passed, and the supervised items warned red or yellow."""
from __future__ import annotations

from datetime import date
from typing import Any

from bizenv_desktop.core import messages
from bizenv_desktop.services import assessment_flags, publications, rankings, supervision, work_plans

OWNERS = ["法规处", "规划处", "办公室", "审批办", "诚信处", "机关党委"]


def shown(ws: Any, today: date) -> dict[str, tuple[str, bool]]:
    return {f.label: (f.text, f.flagged) for f in assessment_flags.flags(ws.db, 2026, today)}


def test_a_bare_year_is_flagged_where_the_plan_asks_for_a_record(workspace: Any) -> None:
    got = shown(workspace, date(2026, 7, 10))
    assert list(got) == ["(1) 年度实施方案公开", "(15) 政策措施公布", "(7) 完成国标任务", "处室工作方案", "督办预警"]
    assert got["(1) 年度实施方案公开"] == ("尚未登记公开", True)
    assert got["(15) 政策措施公布"] == ("第1季度 0 次（缺），第2季度 0 次（缺），第3季度 0 次", True)
    assert got["(7) 完成国标任务"] == ("尚未登记排名", True)
    assert got["处室工作方案"][0].startswith("未交 6 个（截止 2026-03-31）：") and got["处室工作方案"][1]
    assert got["督办预警"] == ("红 0 项，黄 0 项", False)
    # before the work plans are due, missing ones are listed but not flagged
    assert shown(workspace, date(2026, 3, 10))["处室工作方案"][1] is False


def test_records_clear_the_flags_and_warnings_count_red_and_yellow(workspace: Any, ind: Any, div: Any) -> None:
    today = date(2026, 7, 10)  # a Friday
    workspace.apply("公开", lambda w: publications.add_publication(
        w, "2026年营商环境建设实施方案", "2026-02-10", "plan", outlet="厅门户网站", indicator_id=ind("(1)")))
    for day in ("2026-01-20", "2026-05-12"):
        workspace.apply("公开", lambda w, day=day: publications.add_publication(w, "政策措施", day))
    workspace.apply("排名", lambda w: rankings.set_ranking(w, ind("(7)"), 3, 40, data_year=2025))
    for name in OWNERS:
        workspace.apply("收", lambda w, n=name: work_plans.receive(w, 2026, div(n), "2026-03-25"))
    for content, deadline in (("红", "2026-07-13"), ("黄", "2026-07-15"), ("远", "2026-08-31")):
        workspace.apply("督", lambda w, c=content, d=deadline: supervision.add_item(w, c, received_on="2026-07-01",
                                                                                 deadline=d))
    got = shown(workspace, today)
    assert got["(1) 年度实施方案公开"] == ("已于 2026-02-10 公开（厅门户网站）", False)
    assert got["(15) 政策措施公布"] == ("第1季度 1 次，第2季度 1 次，第3季度 0 次", False)
    assert got["(7) 完成国标任务"] == ("长春市 第 3 名 / 共 40（2025 年数据）", False)
    assert got["处室工作方案"] == ("已全部收到（6 个）", False)
    assert got["督办预警"] == ("红 1 项，黄 1 项", True)
    messages.set_language("en")
    try:
        english = {f.label: f.text for f in assessment_flags.flags(workspace.db, 2026, today)}
    finally:
        messages.set_language("zh")
    assert english["(7) 完成国标任务"] == "长春市: 3 of 40 (2025 data)"
    assert english["Supervision warnings"] == "red 1, yellow 1"
    assert english["(15) Policy measures published"] == "Q1: 1, Q2: 1, Q3: 0"
