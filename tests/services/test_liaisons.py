"""The liaison registry (联络员, seed indicator (2)) in a real file."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import liaisons as lz
from bizenv_desktop.services.plan_read import list_liaisons


def refused(ws, snapshot, fn, error=InvalidInput, match=None):
    before = snapshot(with_audit=True)
    with pytest.raises(error, match=match):
        ws.apply("refused", fn)
    assert snapshot(with_audit=True) == before


def test_add_first_liaison(workspace, div) -> None:
    cs = workspace.apply("联络员", lambda w: lz.add_liaison(
        w, " 王明 ", "2026-01-05", division_id=div("法规处"), phone="0431-88888888", note=" 兼任 "))
    [one] = list_liaisons(workspace.db)
    assert one.id == cs.created_id("liaison")
    assert (one.name, one.division_name, one.phone, one.start_date, one.end_date, one.reported_on) == (
        "王明", "法规处", "0431-88888888", "2026-01-05", "", "")
    assert one.current


def test_new_liaison_ends_current_one_the_day_before(workspace, snapshot, div) -> None:
    workspace.apply("1", lambda w: lz.add_liaison(w, "王明", "2026-01-05", division_id=div("法规处"),
                                                  reported_on="2026-01-06"))
    before = snapshot()
    cs = workspace.apply("2", lambda w: lz.add_liaison(w, "李华", "2026-03-01", division_id=div("法规处")))
    first, second = list_liaisons(workspace.db)
    assert (first.name, first.end_date, first.current) == ("王明", "2026-02-28", False)
    assert (second.name, second.start_date, second.end_date, second.current) == ("李华", "2026-03-01", "", True)
    assert [l.current for l in list_liaisons(workspace.db)].count(True) == 1
    workspace.undo(cs)
    assert snapshot() == before

    workspace.redo(cs)
    workspace.apply("3", lambda w: lz.add_liaison(w, "赵敏", "2027-01-01"))
    assert [(l.name, l.start_date, l.end_date) for l in list_liaisons(workspace.db)] == [
        ("王明", "2026-01-05", "2026-02-28"), ("李华", "2026-03-01", "2026-12-31"), ("赵敏", "2027-01-01", "")]


def test_ended_entries_are_not_touched(workspace) -> None:
    workspace.apply("1", lambda w: lz.add_liaison(w, "王明", "2025-01-01", end_date="2025-06-30"))
    workspace.apply("2", lambda w: lz.add_liaison(w, "李华", "2026-01-01"))
    assert [(l.name, l.end_date) for l in list_liaisons(workspace.db)] == [("王明", "2025-06-30"), ("李华", "")]


def test_unreported_list(workspace) -> None:
    ids: list[int] = []
    workspace.apply("1", lambda w: ids.append(lz.add_liaison(w, "王明", "2026-01-05", reported_on="2026-01-06")))
    workspace.apply("2", lambda w: ids.append(lz.add_liaison(w, "李华", "2026-03-01")))
    workspace.apply("3", lambda w: ids.append(lz.add_liaison(w, "赵敏", "2025-11-01", end_date="2025-12-31")))
    pending = lz.unreported_changes(workspace.db)
    assert [p["name"] for p in pending] == ["赵敏", "李华"], "unreported, by start date"
    workspace.apply("报备", lambda w: lz.update_liaison(w, ids[1], reported_on="2026-03-02"))
    assert [p["name"] for p in lz.unreported_changes(workspace.db)] == ["赵敏"]
    # a Writer works as well as the Database
    seen: list[list] = []
    workspace.apply("读", lambda w: seen.append(lz.unreported_changes(w)))
    assert [p["name"] for p in seen[0]] == ["赵敏"]


def test_update_liaison(workspace, snapshot) -> None:
    lid = workspace.apply("1", lambda w: lz.add_liaison(w, "王明", "2026-01-05")).created_id("liaison")
    workspace.apply("改", lambda w: lz.update_liaison(w, lid, phone="13800000000", end_date="2026-12-31"))
    [one] = list_liaisons(workspace.db)
    assert (one.phone, one.end_date) == ("13800000000", "2026-12-31")
    refused(workspace, snapshot, lambda w: lz.update_liaison(w, lid, end_date="2025-12-31"), match="早于")
    refused(workspace, snapshot, lambda w: lz.update_liaison(w, lid, name=" "), match="不能为空")
    refused(workspace, snapshot, lambda w: lz.update_liaison(w, lid, start_date=""), match="开始日期")
    refused(workspace, snapshot, lambda w: lz.update_liaison(w, lid, reported_on="2026-1-5x"), match="不是有效日期")
    refused(workspace, snapshot, lambda w: lz.update_liaison(w, 999999, phone="1"), error=NotFound)


@pytest.mark.parametrize("name, start, fields, match", [
    ("", "2026-01-01", {}, "不能为空"),
    ("王明", "", {}, "开始日期"),
    ("王明", "2026-02-30", {}, "不是有效日期"),
    ("王明", "2026-01-01", {"end_date": "2025-12-31"}, "早于"),
    ("王明", "2026-01-01", {"reported_on": "明天"}, "不是有效日期"),
])
def test_add_liaison_refuses_invalid_input(workspace, snapshot, name, start, fields, match) -> None:
    workspace.apply("现任", lambda w: lz.add_liaison(w, "现任", "2025-01-01"))
    refused(workspace, snapshot, lambda w: lz.add_liaison(w, name, start, **fields), match=match)
    assert [l.current for l in list_liaisons(workspace.db)] == [True], "the current one is not ended"


def test_delete_liaison_and_undo(workspace, snapshot) -> None:
    lid = workspace.apply("1", lambda w: lz.add_liaison(w, "王明", "2026-01-05")).created_id("liaison")
    before = snapshot()
    cs = workspace.apply("删", lambda w: lz.delete_liaison(w, lid))
    assert list_liaisons(workspace.db) == []
    workspace.undo(cs)
    assert snapshot() == before


def test_overlapping_terms_are_refused(workspace, snapshot) -> None:
    workspace.apply("1", lambda w: lz.add_liaison(w, "王明", "2026-01-05"))
    workspace.apply("2", lambda w: lz.add_liaison(w, "李华", "2026-03-01"))  # ends 王明 on 02-28: no overlap
    before = snapshot()
    with pytest.raises(InvalidInput, match=r"任期重叠：王明（2026-01-05 至 2026-02-28） 与 赵敏（2026-02-01 至 今）|"
                                           r"任期重叠：王明（2026-01-05 至 2026-02-28）与 赵敏") as err:
        workspace.apply("3", lambda w: lz.add_liaison(w, "赵敏", "2026-02-01", end_date=""))
    assert "overlap" in err.value.text("en")
    with pytest.raises(InvalidInput, match="任期重叠"):  # an earlier start left open would run into 王明's term
        workspace.apply("3", lambda w: lz.add_liaison(w, "赵敏", "2025-12-01"))
    li = workspace.db.scalar("SELECT id FROM liaison WHERE name = '王明'")
    with pytest.raises(InvalidInput, match="任期重叠"):
        workspace.apply("4", lambda w: lz.update_liaison(w, li, end_date=""))
    assert snapshot() == before


def test_an_unreported_change_is_a_deadline_until_reported(workspace) -> None:
    from datetime import date, timedelta

    from bizenv_desktop.services import deadlines

    ids: list[int] = []
    workspace.apply("1", lambda w: ids.append(lz.add_liaison(w, "王明", "2026-01-05")))

    def report(today: date) -> list:
        return [d for d in deadlines.list_deadlines(workspace.db, today - timedelta(days=30), today + timedelta(days=30))
                if d.kind == "liaison_report"]
    found = report(date(2026, 9, 1))  # long after the change: still listed, overdue
    assert [(d.due, d.done_on, d.overdue(date(2026, 9, 1))) for d in found] == [(date(2026, 1, 6), "", True)]
    overdue, _soon = deadlines.reminders(workspace.db, date(2026, 9, 1))  # looking back 60 days, still there
    assert [d.kind for d in overdue if d.kind == "liaison_report"] == ["liaison_report"]
    assert deadlines.due_report(workspace.db, date(2026, 9, 1))["items"][0]["kind"] == "liaison_report"
    workspace.apply("报备", lambda w: lz.update_liaison(w, ids[0], reported_on="2026-09-02"))
    assert report(date(2026, 9, 1)) == []
