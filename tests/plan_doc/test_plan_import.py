"""Importing a plan document as a plan year: exactly the built-in plan from its own source, the
diff against the year before, all or nothing, one undo step, refusals that change nothing."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core.errors import BizenvError
from bizenv_desktop.services import dispatch
from bizenv_desktop.services.plan_doc import read_plan_document, read_plan_text
from bizenv_desktop.services.plan_import import apply_plan_import, preview_plan_import
from bizenv_desktop.services.plan_read import load_plan, plan_to_json
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.services.years import create_builtin_year

from .fixtures import SEED, seed_text


def year_rows(db: Any, year: int) -> dict[str, list[tuple]]:
    """Everything a plan year is made of, without row ids and times."""
    return {
        "plan_year": [tuple(r) for r in db.query("SELECT title, office FROM plan_year WHERE year = ?", (year,))],
        "plan_section": [tuple(r) for r in db.query(
            "SELECT position, heading, body, is_indicator_table FROM plan_section WHERE year = ? ORDER BY position",
            (year,))],
        "dimension": [tuple(r) for r in db.query(
            "SELECT code, name, position FROM dimension WHERE year = ? ORDER BY position", (year,))],
        "indicator": [tuple(r) for r in db.query(
            "SELECT d.position, i.level, p.code, i.code, i.name, i.criteria, i.kind, i.target_op, i.target_value,"
            " i.target_unit, i.target_metric, i.event_type, i.score, i.deadline, i.position"
            " FROM indicator i JOIN dimension d ON d.id = i.dimension_id LEFT JOIN indicator p ON p.id = i.parent_id"
            " WHERE d.year = ? ORDER BY d.position, i.level, i.position", (year,))],
        "assignment": [tuple(r) for r in db.query(
            "SELECT i.code, dv.name, dv.kind, a.role, a.position FROM assignment a JOIN indicator i ON i.id = a.indicator_id"
            " JOIN division dv ON dv.id = a.division_id JOIN dimension d ON d.id = i.dimension_id"
            " WHERE d.year = ? ORDER BY i.code, a.position", (year,))],
        "division": [tuple(r) for r in db.query("SELECT name, kind, position FROM division ORDER BY position")],
    }


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_seed_imported_into_an_empty_file_is_the_builtin_plan_row_for_row(tmp_path: Path) -> None:
    builtin = Workspace.open(tmp_path / "builtin.sqlite3")
    imported = Workspace.open(tmp_path / "imported.sqlite3")
    try:
        builtin.apply("内置", lambda w: create_builtin_year(w, 2026))
        imported.apply("导入", lambda w: apply_plan_import(w, read_plan_document(SEED), 2026))
        assert year_rows(imported.db, 2026) == year_rows(builtin.db, 2026)
        assert plan_to_json(load_plan(imported.db, 2026)) == plan_to_json(load_plan(builtin.db, 2026))
    finally:
        builtin.close()
        imported.close()


def test_next_year_by_default_no_differences_and_the_preview_is_what_is_written(workspace: Workspace) -> None:
    plan = read_plan_document(SEED)
    preview = preview_plan_import(workspace.db, plan)
    assert (preview.year, preview.base_year, preview.replaces) == (2027, 2026, False)
    assert preview.diff.entries == [] and preview.new_divisions == [] and preview.notes == []
    workspace.apply("导入", lambda w: apply_plan_import(w, plan))
    assert preview.tree == plan_to_json(load_plan(workspace.db, 2027))
    assert year_rows(workspace.db, 2027)["indicator"] == year_rows(workspace.db, 2026)["indicator"]


def test_one_undo_step_takes_the_whole_import_back(workspace: Workspace) -> None:
    def everything() -> dict[str, list[tuple]]:
        tables = [r[0] for r in workspace.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit') AND name NOT LIKE 'sqlite_%'")]
        return {t: [tuple(r) for r in workspace.db.query(f"SELECT * FROM {t} ORDER BY rowid")] for t in tables}
    text = seed_text().replace("责任处室：规划处", "责任处室：规划处、新设的数据处")
    before = everything()
    changes = workspace.apply("导入", lambda w: apply_plan_import(w, read_plan_text(text)))
    assert "新设的数据处" in [r[1] for r in everything()["division"]]
    workspace.undo(changes)
    assert everything() == before
    workspace.redo(changes)
    assert plan_to_json(load_plan(workspace.db, 2027))["dimensions"][0]["indicators"][1]["children"][2]["divisions"] \
        == [{"name": "规划处", "role": "responsible"}, {"name": "新设的数据处", "role": "responsible"}]


def test_the_year_in_the_title_is_the_default(workspace: Workspace) -> None:
    text = seed_text().replace("吉林省科学技术厅营商环境考核评价实施方案", "吉林省科学技术厅2028年营商环境考核评价实施方案", 1)
    plan = read_plan_text(text)
    assert plan.year == 2028 and plan.office == "吉林省科学技术厅"
    assert preview_plan_import(workspace.db, plan).year == 2028


def test_an_existing_year_is_refused_and_nothing_changes(workspace: Workspace) -> None:
    path = workspace.path
    workspace.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = sha(path)
    with pytest.raises(BizenvError) as err:
        workspace.apply("导入", lambda w: apply_plan_import(w, read_plan_document(SEED), 2026))
    assert "2026 年度已存在" in str(err.value) and "--year" in str(err.value)
    assert "The year 2026 exists" in err.value.text("en")
    workspace.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert sha(path) == before


def test_replacing_a_year_that_holds_no_records_yet(workspace: Workspace) -> None:
    """The first start: the built-in plan was put in; the department imports its own instead."""
    text = seed_text().replace("（23）全省推广。", "（23）全省推广交流。")
    preview = workspace.apply("导入", lambda w: apply_plan_import(w, read_plan_text(text), 2026, replace=True))
    assert preview
    names = [s["name"] for s in plan_to_json(load_plan(workspace.db, 2026))["dimensions"][1]["indicators"][2]["children"]]
    assert names[-1] == "全省推广交流"
    workspace.apply("开始月调度", lambda w: dispatch.start_month(w, "2026-05"))
    with pytest.raises(BizenvError, match="已有 1 条月调度"):
        preview_plan_import(workspace.db, read_plan_text(text), 2026, replace=True)


def test_the_diff_names_added_removed_reworded_and_changed_divisions(workspace: Workspace) -> None:
    text = (seed_text()
            .replace("省级政务服务事项网上可办率不低于90%。", "省级政务服务事项网上可办率不低于95%。")
            .replace("（19）研究“一招鲜”工作举措。", "（19）研究“一招鲜”创新举措。")
            .replace("责任处室：规划处", "责任处室：规划处牵头，办公室配合")
            .replace("（23）全省推广。\n    考评内容及标准：在全省软环境建设相关会议上作经验介绍。",
                     "（23）营商环境满意度。\n    考评内容及标准：企业满意度不低于85%。"))
    preview = preview_plan_import(workspace.db, read_plan_text(text))
    diff = {(e.change, e.code): e for e in preview.diff.entries if e.level == 2}
    assert set(diff) == {("reworded", "(10)"), ("reworded", "(19)"), ("divisions", "(9)"), ("added", "(23)"),
                         ("removed", "(23)")}
    assert diff[("reworded", "(10)")].fields == ("criteria",) and "95%" in diff[("reworded", "(10)")].new
    assert (diff[("reworded", "(19)")].old, diff[("reworded", "(19)")].new) == ("研究“一招鲜”工作举措", "研究“一招鲜”创新举措")
    assert (diff[("divisions", "(9)")].old, diff[("divisions", "(9)")].new) == ("规划处", "规划处牵头，办公室配合")
    assert preview.diff.counts() == {"added": 1, "removed": 1, "reworded": 2, "divisions": 1}
    seconds = [s for d in preview.tree["dimensions"] for f in d["indicators"] for s in f["children"]]
    # the reworded standard is read again: the target follows the new text
    assert seconds[9]["target"] == {"op": ">=", "value": 95, "unit": "%"}
    assert seconds[22]["kind"] == "quantitative" and seconds[22]["target"]["value"] == 85


# -- the command line ------------------------------------------------------------------------------

def bizenv(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ}, timeout=120)


def test_cli_dry_run_prints_the_tree_the_import_then_makes(tmp_path: Path) -> None:
    db = str(tmp_path / "f.sqlite3")
    assert bizenv("--db", db, "init", "--year", "2026").returncode == 0
    dry = bizenv("--db", db, "import", "plan", str(SEED), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    real = bizenv("--db", db, "import", "plan", str(SEED), "--json")
    assert real.returncode == 0, real.stderr
    shown = bizenv("--db", db, "indicators", "--year", "2027", "--json")
    assert json.loads(dry.stdout) == json.loads(real.stdout) == json.loads(shown.stdout)
    assert json.loads(shown.stdout)["year"] == 2027
    builtin = json.loads(bizenv("--db", db, "indicators", "--year", "2026", "--json").stdout)
    assert json.loads(shown.stdout)["dimensions"] == builtin["dimensions"]


def test_cli_text_output_and_a_dry_run_on_no_file(tmp_path: Path) -> None:
    db = tmp_path / "none.sqlite3"
    proc = bizenv("--db", str(db), "import", "plan", str(SEED), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "2 个维度、6 个一级指标、23 个二级指标" in proc.stdout
    assert "(11) 一窗受理  —  审批办[lead]；相关业务处室[cooperate]" in proc.stdout
    assert "试运行" in proc.stdout and not db.exists()


def test_cli_refusals_name_the_file_and_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "f.sqlite3"
    assert bizenv("--db", str(db), "init", "--year", "2026").returncode == 0
    before = sha(db)
    bad = tmp_path / "会议纪要.txt"
    bad.write_text("会议纪要\n一、会议情况\n会议听取了汇报。\n二、下步工作\n抓好落实。\n", encoding="utf-8")
    proc = bizenv("--db", str(db), "import", "plan", str(bad))
    assert proc.returncode == 2 and "会议纪要.txt" in proc.stderr and "没有找到指标" in proc.stderr
    proc = bizenv("--db", str(db), "--lang", "en", "import", "plan", str(SEED), "--year", "2026")
    assert proc.returncode == 2 and "The year 2026 exists" in proc.stderr
    assert sha(db) == before


def test_units_are_mapped_not_invented(workspace: Workspace) -> None:
    """A near match (政策法规处 ~ 法规处) is proposed, not applied until confirmed; a confirmed one
    is remembered for the next document; people named as units are left out."""
    text = (seed_text().replace("责任处室：规划处", "责任处室：政策法规处、张三")
            .replace("（23）全省推广。\n    考评内容及标准：在全省软环境建设相关会议上作经验介绍。\n\n责任处室：法规处",
                     "（23）全省推广。\n    考评内容及标准：在全省软环境建设相关会议上作经验介绍。\n\n责任处室：数据管理处"))
    plan = read_plan_text(text)
    preview = preview_plan_import(workspace.db, plan)
    assert {u.name: (u.kind, u.division, u.suggested) for u in preview.units if u.kind != "existing"} == {
        "政策法规处": ("alias", "法规处", True), "张三": ("not_unit", "", False), "数据管理处": ("new", "", False),
        "相关业务处室": ("group", "相关业务处室", False), "相关处室": ("group", "相关处室", False),
        "机关各业务处室": ("group", "机关各业务处室", False), "厅内各处室": ("group", "厅内各处室", False)}
    assert preview.new_divisions == ["政策法规处", "数据管理处"]
    said = [n.text() for n in preview.notes]
    assert any("“政策法规处”可能就是“法规处”" in s for s in said) and any("“张三”不是单位" in s for s in said)
    seconds = [s for d in preview.tree["dimensions"] for f in d["indicators"] for s in f["children"]]
    assert seconds[8]["divisions"] == [{"name": "政策法规处", "role": "responsible"}]  # unconfirmed: as written
    # the liaison confirms the near match: it is written as 法规处 and remembered
    units = preview.units
    units.choose("政策法规处", "alias", "法规处")
    confirmed = preview_plan_import(workspace.db, plan, units=units)
    seconds = [s for d in confirmed.tree["dimensions"] for f in d["indicators"] for s in f["children"]]
    assert seconds[8]["divisions"] == [{"name": "法规处", "role": "responsible"}]
    workspace.apply("导入", lambda w: apply_plan_import(w, plan, units=units))
    assert plan_to_json(load_plan(workspace.db, 2027)) == confirmed.tree
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name IN ('政策法规处', '张三')") == 0
    again = preview_plan_import(workspace.db, read_plan_text(text), 2028)
    assert (again.units["政策法规处"].kind, again.units["政策法规处"].remembered) == ("alias", True)
    assert again.units["张三"].kind == "not_unit" and again.units["张三"].remembered
