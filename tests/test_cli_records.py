"""The record commands of issue 16 as real processes on a real file: the two examples of the
issue's "Done when", and the same refusals and messages as the window's services."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def bizenv(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ}, timeout=120)


def ok(db: Path, *args: str) -> Any:
    proc = bizenv(db, *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout) if "--json" in args else proc.stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "F.sqlite3"
    ok(path, "init", "--year", "2026")
    return path


def _indicator(data: dict, code: str) -> dict:
    return next(c for d in data["dimensions"] for f in d["indicators"] for c in f["children"] if c["code"] == code)


def test_ranking_set_then_indicators_carries_the_ranking(db: Path) -> None:
    set_out = ok(db, "ranking", "set", "--year", "2026", "--indicator", "7", "--rank", "3", "--of", "40", "--json")
    assert set_out["indicator"] == "(7)" and set_out["ranking"]["rank"] == 3 and set_out["ranking"]["of"] == 40
    seven = _indicator(ok(db, "indicators", "--year", "2026", "--json"), "(7)")
    assert seven["ranking"]["rank"] == 3 and seven["ranking"]["of"] == 40 and seven["ranking"]["benchmark"] == "长春市"
    assert "ranking" not in _indicator(ok(db, "indicators", "--year", "2026", "--json"), "(10)")
    bad = bizenv(db, "ranking", "set", "--indicator", "7", "--rank", "5.5", "--of", "40")
    assert bad.returncode == 2 and "不是整数" in bad.stderr
    bad = bizenv(db, "--lang", "en", "ranking", "set", "--indicator", "7", "--rank", "41", "--of", "40")
    assert bad.returncode == 2 and "cannot exceed" in bad.stderr


def test_supervision_add_then_list_returns_the_item_with_its_warning_level(db: Path) -> None:
    added = ok(db, "supervision", "add", "--content", "按要求报送营商环境整改落实情况", "--source", "省软环境办督办",
               "--received", "2026-06-01", "--deadline", "2026-06-17", "--lead", "法规处", "--indicator", "17",
               "--today", "2026-06-15", "--json")
    assert added["no"] == "DB-2026-001" and added["warning"] == "红" and added["indicators"] == ["(17)"]
    listed = ok(db, "supervision", "list", "--year", "2026", "--today", "2026-06-15", "--json")
    assert [(i["no"], i["warning"], i["workdays_left"]) for i in listed["items"]] == [("DB-2026-001", "红", 2)]
    assert ok(db, "supervision", "list", "--year", "2025", "--json")["items"] == []
    # the same refusals as the window
    bad = bizenv(db, "supervision", "add", "--content", "x", "--received", "2026-06-01", "--deadline", "2026-05-01")
    assert bad.returncode == 2 and "不能早于交办日期" in bad.stderr
    bad = bizenv(db, "supervision", "advance", "DB-2026-001", "--to", "已办结")
    assert bad.returncode == 2 and "办结报告" in bad.stderr
    ok(db, "supervision", "remind", "DB-2026-001", "--on", "2026-06-16", "--division", "法规处", "--how", "电话", "--json")
    notice = ok(db, "supervision", "notice", "DB-2026-001", "-o", str(db.parent / "催办单.pdf"), "--record",
                "--today", "2026-06-16", "--json")
    assert (notice["items"], notice["pages"], notice["recorded"]) == (["DB-2026-001"], 1, True)
    assert (db.parent / "催办单.pdf").read_bytes().startswith(b"%PDF")
    done = ok(db, "supervision", "advance", "DB-2026-001", "--to", "已办结", "--on", "2026-06-17", "--text", "已整改",
              "--json")
    assert (done["status"], done["warning"], done["reminders"]) == ("已办结", None, 2)
    bad = bizenv(db, "supervision", "notice", "DB-2026-001", "-o", str(db.parent / "again.pdf"))
    assert bad.returncode == 2 and "不需要催办单" in bad.stderr


def test_publication_workplan_event_selfeval_liaison(db: Path, tmp_path: Path) -> None:
    shot = tmp_path / "截图.png"
    shot.write_bytes(b"png")
    ok(db, "publication", "add", "--title", "2026年营商环境建设实施方案", "--date", "2026-02-10", "--kind", "plan",
       "--where", "厅门户网站", "--indicator", "1", "--evidence", str(shot), "--json")
    listed = ok(db, "publication", "list", "--year", "2026", "--today", "2026-08-01", "--json")
    assert listed["plan_published"] and [q["flagged"] for q in listed["policy_quarters"]] == [True, True, False, False]
    plans = ok(db, "workplan", "receive", "--year", "2026", "--division", "规划处", "--on", "2026-03-20", "--json")
    assert plans["received_on"] == "2026-03-20"
    assert "规划处" not in ok(db, "workplan", "list", "--year", "2026", "--json")["missing"]
    ev = ok(db, "event", "add", "--kind", "media", "--date", "2026-05-10", "--title", "吉林日报报道", "--level", "省级",
            "--json")
    assert ev["indicator"] == "(21)"
    assert [e["title"] for e in ok(db, "event", "list", "--year", "2026", "--json")["events"]] == ["吉林日报报道"]
    bad = bizenv(db, "event", "add", "--kind", "media", "--date", "2026-05-10", "--title", "x", "--level", "其他")
    assert bad.returncode == 2 and "国家级或省级" in bad.stderr
    se = ok(db, "selfeval", "set", "--indicator", "7", "--period", "2026q3", "--rating", "良好", "--json")
    assert (se["indicator"], se["period"], se["rating"]) == ("(7)", "2026Q3", "良好")
    got = ok(db, "selfeval", "list", "--year", "2026", "--period", "2026Q3", "--json")["evaluations"]
    assert [e["rating"] for e in got if e["indicator"] == "(7)"] == ["良好"]
    ok(db, "liaison", "add", "--name", "王明", "--start", "2026-01-05", "--division", "法规处", "--json")
    bad = bizenv(db, "liaison", "add", "--name", "赵敏", "--start", "2025-12-01")
    assert bad.returncode == 2 and "任期重叠" in bad.stderr
    assert ok(db, "liaison", "report", "--name", "王明", "--on", "2026-01-06", "--json")["reported_on"] == "2026-01-06"
    assert [li["name"] for li in ok(db, "liaison", "list", "--year", "2026", "--json")["liaisons"]] == ["王明"]


def test_monthly_send_back_returns_auto_close_and_compare(db: Path, tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.utils import get_column_letter

    from bizenv_desktop.services import forms

    ok(db, "dispatch", "--month", "2026-03", "--start")
    ok(db, "forms", "make", "--month", "2026-03", "-o", str(tmp_path / "out"))
    form = next((tmp_path / "out").glob("*法规处*.xlsx"))
    wb = openpyxl.load_workbook(form)
    wb["月调度表"][f"{get_column_letter(forms.COL['progress'])}4"] = "三月进展"  # 本月进展, where the form has it
    wb.save(form)
    ok(db, "forms", "collect", str(form), "--month", "2026-03")
    sent = ok(db, "monthly", "send-back", "--month", "2026-03", "--division", "法规处", "--reason", "请补充数据",
              "-o", str(tmp_path / "again"), "--json")
    again = openpyxl.load_workbook(sent["form"])["月调度表"]["A2"].value
    assert "请补充数据" in again
    returns = ok(db, "monthly", "returns", "--year", "2026", "--today", "2026-04-15", "--json")
    assert [e["kind"] for e in returns["history"] if e["division"] == "法规处"] == ["returned", "sent_back"]
    assert any(t["division"] == "法规处" for t in returns["on_time"])
    assert ok(db, "monthly", "auto-close", "--today", "2026-12-31", "--json")["closed"] == []  # off by default
    bad = bizenv(db, "monthly", "compare", "--quarter", "2026Q1")
    assert bad.returncode == 2 and "快照" in bad.stderr


def test_supervision_update_and_feedback_with_the_services_refusals(db: Path) -> None:
    ok(db, "supervision", "add", "--content", "按月报送整改进展", "--received", "2026-03-10", "--deadline", "2026-09-30",
       "--feedback-cycle", "每月25日前", "--lead", "审批办", "--json")
    bad = bizenv(db, "supervision", "update", "DB-2026-001", "--deadline", "2026-03-01")
    assert bad.returncode == 2 and "不能早于交办日期" in bad.stderr
    moved = ok(db, "supervision", "update", "DB-2026-001", "--indicator", "17", "--deadline", "2026-10-30", "--json")
    assert (moved["indicators"], moved["deadline"]) == (["(17)"], "2026-10-30")
    listed = ok(db, "supervision", "list", "--today", "2026-05-20", "--json")["items"][0]
    # the feedback dates follow the working-day calendar: 4-25 is a Saturday, so 4-24
    assert [f["due"] for f in listed["feedback_due"][:3]] == ["2026-03-25", "2026-04-24", "2026-05-25"]
    assert (listed["next_due"], listed["warning"]) == ("2026-03-25", "红")  # March not given: red
    ok(db, "supervision", "feedback", "DB-2026-001", "--due", "2026-03-25", "--on", "2026-03-24", "--json")
    given = ok(db, "supervision", "feedback", "DB-2026-001", "--due", "2026-04-24", "--on", "2026-04-24",
               "--today", "2026-05-20", "--json")
    assert (given["next_due"], given["warning"]) == ("2026-05-25", "黄")
    bad = bizenv(db, "--lang", "en", "supervision", "feedback", "DB-2026-001", "--due", "2026-04-25")
    assert bad.returncode == 2 and "2026-04-24" in bad.stderr and "错误" not in bad.stderr
