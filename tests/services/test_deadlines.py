"""Deadlines on the Chinese working-day calendar, from a real database."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core.workdays import WorkCalendar, library_knows
from bizenv_desktop.services import calendar, deadlines, dispatch, liaisons, plan_edit, plan_read


def by_kind(items: list[deadlines.Deadline], kind: str) -> list[deadlines.Deadline]:
    return [d for d in items if d.kind == kind]


def test_working_days_across_national_day_2026() -> None:
    cal = WorkCalendar()
    assert cal.nth_workday_from(date(2026, 10, 1), 5).day == date(2026, 10, 13)
    assert cal.is_workday(date(2026, 9, 20)) and cal.is_workday(date(2026, 10, 10))  # 调休 weekends
    assert not cal.is_workday(date(2026, 10, 1)) and not cal.is_workday(date(2026, 10, 7))
    assert cal.workdays_between(date(2026, 9, 30), date(2026, 10, 13)) == 5
    assert cal.add_workdays(date(2026, 9, 30), 1).day == date(2026, 10, 8)


def test_user_override_moves_the_fifth_working_day(workspace: Any) -> None:
    changes = workspace.apply("休", lambda w: calendar.set_override(w, "2026-10-12", False, "临时调整"))
    cal = calendar.load_calendar(workspace.db)
    assert cal.nth_workday_from(date(2026, 10, 1), 5).day == date(2026, 10, 14)
    q3 = [d for d in deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 10, 31))
          if d.kind == "provincial_quarterly_report"]
    assert [(d.due, d.period) for d in q3] == [(date(2026, 10, 14), "2026Q3")]
    workspace.undo(changes)
    assert calendar.load_calendar(workspace.db).nth_workday_from(date(2026, 10, 1), 5).day == date(2026, 10, 13)


def test_a_year_the_library_does_not_know_is_unconfirmed(workspace: Any) -> None:
    assert not library_knows(2027)
    assert calendar.year_status(workspace.db, 2027) == "unconfirmed"
    report = deadlines.due_report(workspace.db, date(2026, 12, 20), 30)
    q4 = next(i for i in report["items"] if i["kind"] == "provincial_quarterly_report")
    assert q4["period"] == "2026Q4" and q4["confirmed"] is False and q4["due"].startswith("2027-01")
    dec = next(i for i in report["items"] if i["period"] == "2026-12")
    assert dec["confirmed"] is True
    workspace.apply("确认", lambda w: calendar.confirm_year(w, 2027, "国办发明电〔2026〕X号"))
    assert calendar.year_status(workspace.db, 2027) == "user"
    report = deadlines.due_report(workspace.db, date(2026, 12, 20), 30)
    assert next(i for i in report["items"] if i["kind"] == "provincial_quarterly_report")["confirmed"] is True


def test_plan_deadlines_of_a_quarter(workspace: Any) -> None:
    items = deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 12, 31))
    assert [(d.due.isoformat(), d.period) for d in by_kind(items, "monthly_dispatch")] == [
        ("2026-10-30", "2026-10"), ("2026-11-30", "2026-11"), ("2026-12-31", "2026-12")]
    assert [(d.due.isoformat(), d.period) for d in by_kind(items, "leadership_quarterly_report")] == [
        ("2026-12-31", "2026Q4")]
    assert [(d.due.isoformat(), d.period) for d in by_kind(items, "provincial_quarterly_report")] == [
        ("2026-10-13", "2026Q3")]


def test_the_provincial_report_goes_to_the_superior_office_of_the_settings(workspace: Any) -> None:
    from bizenv_desktop.core import messages
    from bizenv_desktop.services.department import set_superior

    def title(lang: str) -> str:
        messages.set_language(lang)
        try:
            items = deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 10, 31))
        finally:
            messages.set_language("zh")
        return by_kind(items, "provincial_quarterly_report")[0].title
    assert title("zh") == "向省软环境办报送2026年第三季度重点工作任务推进落实情况"
    assert title("en") == "Report to the provincial soft-environment office on the key tasks of Q3 2026"
    changes = workspace.apply("上级", lambda w: set_superior(w, "江川市优化营商环境建设办公室", "市营商办"))
    assert title("zh") == "向市营商办报送2026年第三季度重点工作任务推进落实情况"
    assert title("en") == "Report to 市营商办 on the key tasks of Q3 2026"
    workspace.undo(changes)
    assert title("zh").startswith("向省软环境办报送")


def test_overdue_done_and_closed_months(workspace: Any) -> None:
    today = date(2026, 11, 5)
    items = deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 11, 30))
    oct_dispatch = next(d for d in items if d.period == "2026-10")
    assert oct_dispatch.overdue(today)
    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-10"))
    workspace.apply("关闭", lambda w: dispatch.close_month(w, "2026-10"))
    items = deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 11, 30))
    assert not next(d for d in items if d.period == "2026-10").overdue(today)  # the closed month is done
    report = next(d for d in items if d.kind == "provincial_quarterly_report")
    assert report.overdue(today)
    workspace.apply("完成", lambda w: deadlines.mark_done(w, report.key, "2026-10-12", note="已报送"))
    items = deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 11, 30))
    assert next(d for d in items if d.key == report.key).done_on == "2026-10-12"


def test_mark_done_keeps_the_file_as_evidence(workspace: Any, tmp_path: Any) -> None:
    sent = tmp_path / "三季度报告.pdf"
    sent.write_bytes(b"%PDF-1.4 report")
    workspace.apply("完成", lambda w: deadlines.mark_done(w, "provincial_quarterly_report:2026Q3", "2026-10-12",
                                                        file=sent, db_path=workspace.path))
    row = workspace.db.execute("SELECT d.done_on, e.original_name FROM deadline_done d JOIN evidence e"
                               " ON e.id = d.evidence_id").fetchone()
    assert tuple(row) == ("2026-10-12", "三季度报告.pdf")


def test_subtask_supervision_and_liaison_deadlines(workspace: Any) -> None:
    three = next(i for i in plan_read.load_plan(workspace.db, 2026).second_level() if i.code == "(3)")
    workspace.apply("子任务", lambda w: plan_edit.add_subtask(w, three.id, "制定任务清单", deadline="2026-11-20"))
    workspace.apply("联络员", lambda w: liaisons.add_liaison(w, "李娜", "2026-11-13"))
    workspace.apply("督办", lambda w: w.insert("supervision_item", {"no": "DB-2026-001", "content": "整改问题",
                                                                     "deadline": "2026-11-25", "status": "办理中"}))
    items = deadlines.list_deadlines(workspace.db, date(2026, 11, 1), date(2026, 11, 30))
    assert [(d.title, d.due.isoformat()) for d in by_kind(items, "subtask")] == [("子任务：制定任务清单", "2026-11-20")]
    assert [d.due.isoformat() for d in by_kind(items, "liaison_report")] == ["2026-11-16"]  # Friday + 1 working day
    assert by_kind(items, "supervision")[0].overdue(date(2026, 11, 26))
    overdue, soon = deadlines.reminders(workspace.db, date(2026, 11, 24))
    assert {d.kind for d in overdue} >= {"subtask", "liaison_report"}
    assert {d.kind for d in soon} >= {"supervision", "monthly_dispatch"}


def test_cli_due_json(workspace: Any, db_path: Any) -> None:
    workspace.close()
    out = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db_path), "due", "--today",
                          "2026-10-05", "--days", "10", "--json"], capture_output=True, check=True)
    data = json.loads(out.stdout.decode("utf-8"))
    assert data["today"] == "2026-10-05"
    assert data["items"] == [
        {"kind": "leadership_quarterly_report", "title": "2026年第三季度工作情况向厅主要领导汇报",
         "due": "2026-09-30", "period": "2026Q3", "overdue": True, "confirmed": True, "warning": None},
        {"kind": "monthly_dispatch", "title": "2026-09 月调度", "due": "2026-09-30", "period": "2026-09",
         "overdue": True, "confirmed": True, "warning": None},
        {"kind": "provincial_quarterly_report", "title": "向省软环境办报送2026年第三季度重点工作任务推进落实情况",
         "due": "2026-10-13", "period": "2026Q3", "overdue": False, "confirmed": True,
         "warning": None}]
    for item in json.loads(subprocess.run(
            [sys.executable, "-m", "bizenv_desktop", "--db", str(db_path), "due", "--today", "2026-11-26",
             "--json"], capture_output=True, check=True).stdout)["items"]:
        assert set(item) == {"kind", "title", "due", "period", "overdue", "confirmed", "warning"}
        assert item["overdue"] == (item["due"] < "2026-11-26")


@pytest.mark.parametrize("args", [["--today", "2026-02-30"], ["--days", "-1"]])
def test_cli_due_rejects_bad_arguments(workspace: Any, db_path: Any, args: list[str]) -> None:
    workspace.close()
    out = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db_path), "due", *args],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "错误" in out.stderr
