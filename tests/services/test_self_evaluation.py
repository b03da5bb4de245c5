"""Self-evaluation service on a real database: periods, validation, missing list, undo."""
from __future__ import annotations

from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import plan_edit, plan_read, self_evaluation as se, years


def apply(workspace: Any, fn: Any) -> Any:
    out: list[Any] = []
    changes = workspace.apply("test", lambda w: out.append(fn(w)))
    return out[0], changes


def refused(workspace: Any, snapshot: Any, fn: Any, *words: str) -> str:
    """fn is refused with InvalidInput naming every word, and nothing is written."""
    before = snapshot(with_audit=True)
    with pytest.raises(InvalidInput) as info:
        workspace.apply("test", fn)
    assert snapshot(with_audit=True) == before
    for word in words:
        assert word in str(info.value), str(info.value)
    return str(info.value)


def second_level_codes(workspace: Any) -> list[str]:
    return [i.code for i in plan_read.load_plan(workspace.db, 2026).second_level()]


def test_periods() -> None:
    assert se.periods_of(2026) == ["2026Q1", "2026Q2", "2026Q3", "2026Q4", "2026"]
    assert se.check_period(" 2026q3 ") == "2026Q3"
    assert se.check_period("2026") == "2026"
    for bad in ("2026Q5", "26Q1", "2026-Q1", "", "1999", "全年"):
        with pytest.raises(InvalidInput, match="2026Q1 至 2026Q4"):
            se.check_period(bad)
    assert se.period_text("2026Q2") == "2026 年第二季度"
    assert se.period_text("2026") == "2026 年全年"


def test_save_inserts_then_updates_the_one_row(workspace: Any, ind: Any) -> None:
    new_id, changes = apply(workspace, lambda w: se.save_evaluation(w, ind("(3)"), "2026Q1", "良好", None,
                                                                     " 按时完成 "))
    assert changes.created_id("self_evaluation") == new_id
    row = dict(workspace.db.execute("SELECT * FROM self_evaluation WHERE id = ?", (new_id,)).fetchone())
    assert (row["rating"], row["score"], row["narrative"], row["period"]) == ("良好", None, "按时完成", "2026Q1")
    assert len(row["updated_at"]) == 19 and row["updated_at"][10] == "T"  # ISO seconds
    same_id, changes = apply(workspace, lambda w: se.save_evaluation(w, ind("(3)"), "2026q1", "优秀"))
    assert same_id == new_id and changes
    assert workspace.db.scalar("SELECT count(*) FROM self_evaluation") == 1
    assert workspace.db.scalar("SELECT rating || '|' || narrative FROM self_evaluation") == "优秀|"
    # the same values again change nothing (no undo step)
    _, changes = apply(workspace, lambda w: se.save_evaluation(w, ind("(3)"), "2026Q1", "优秀"))
    assert not changes
    # nothing entered where there is no row: nothing is inserted
    none_id, changes = apply(workspace, lambda w: se.save_evaluation(w, ind("(4)"), "2026Q1"))
    assert none_id is None and not changes


def test_edit_keeps_other_fields(workspace: Any, ind: Any) -> None:
    apply(workspace, lambda w: se.edit_evaluation(w, ind("(5)"), "2026", rating="一般"))
    apply(workspace, lambda w: se.edit_evaluation(w, ind("(5)"), "2026", narrative="已整改"))
    row = se.find_evaluation(workspace.db, ind("(5)"), "2026")
    assert row is not None and (row["rating"], row["narrative"]) == ("一般", "已整改")
    with pytest.raises(InvalidInput, match="不能修改的字段"):
        workspace.apply("t", lambda w: se.edit_evaluation(w, ind("(5)"), "2026", colour="red"))


def test_validation_refuses_and_writes_nothing(workspace: Any, ind: Any, snapshot: Any) -> None:
    i3 = ind("(3)")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2026Q1", "很好"), "很好", "优秀、良好、一般或较差")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2026Q7", "良好"), "2026Q7")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, ind("1"), "2026Q1", "良好"), "一级指标", "二级指标")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2027Q1", "良好"), "2026 年度", "2027 年第一季度")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2026Q1", score=5), "没有设定分值")


def test_score_only_within_the_indicators_score(workspace: Any, ind: Any, snapshot: Any) -> None:
    i3 = ind("(3)")
    workspace.apply("分值", lambda w: plan_edit.update_indicator(w, i3, score=10.0))
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2026Q2", score=10.5), "0 到 10", "10.5")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2026Q2", score=-1), "0 到 10")
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i3, "2026Q2", score="八"), "不是数字")
    eid, _ = apply(workspace, lambda w: se.save_evaluation(w, i3, "2026Q2", score="8.5"))
    assert workspace.db.scalar("SELECT score FROM self_evaluation WHERE id = ?", (eid,)) == 8.5
    apply(workspace, lambda w: se.save_evaluation(w, i3, "2026Q3", "优秀", 10))


def test_other_year_indicator_belongs_to_its_year(workspace: Any, ind: Any, snapshot: Any) -> None:
    workspace.apply("2027", lambda w: years.create_builtin_year(w, 2027))
    i27 = ind("(3)", 2027)
    refused(workspace, snapshot, lambda w: se.save_evaluation(w, i27, "2026", "良好"), "2027 年度")
    apply(workspace, lambda w: se.save_evaluation(w, i27, "2027", "良好"))
    assert [e.period for e in se.load_evaluations(workspace.db, 2027) if not e.missing] == ["2027"]
    assert all(e.missing for e in se.load_evaluations(workspace.db, 2026))


def test_load_is_every_indicator_by_period_in_plan_order(workspace: Any, ind: Any) -> None:
    codes = second_level_codes(workspace)
    apply(workspace, lambda w: se.save_evaluation(w, ind("(2)"), "2026Q2", "较差", None, "联络员未报备"))
    rows = se.load_evaluations(workspace.db, 2026)
    assert len(rows) == 5 * len(codes)
    assert [r.code for r in rows[::5]] == codes
    assert [r.period for r in rows[:5]] == se.periods_of(2026)
    done = [r for r in rows if not r.missing]
    assert [(r.code, r.period, r.rating, r.narrative, r.evidence_count) for r in done] == \
        [("(2)", "2026Q2", "较差", "联络员未报备", 0)]
    assert done[0].id is not None and done[0].criteria
    q2 = se.load_evaluations(workspace.db, 2026, ["2026Q2"])
    assert [r.code for r in q2] == codes
    with pytest.raises(InvalidInput, match="不属于 2026 年度"):
        se.load_evaluations(workspace.db, 2026, ["2027Q1"])


def test_load_uses_one_query(workspace: Any) -> None:
    statements: list[str] = []
    workspace.db.conn.set_trace_callback(statements.append)
    try:
        se.load_evaluations(workspace.db, 2026)
    finally:
        workspace.db.conn.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 1


def test_missing_list(workspace: Any, ind: Any) -> None:
    codes = second_level_codes(workspace)
    assert len(se.missing(workspace.db, 2026)) == 5 * len(codes)
    first = se.missing(workspace.db, 2026, ["2026Q1"])
    assert [c for c, _n, _p in first] == codes and first[0][2] == "2026Q1"
    apply(workspace, lambda w: se.save_evaluation(w, ind(codes[0]), "2026Q1", "优秀"))
    apply(workspace, lambda w: se.save_evaluation(w, ind(codes[1]), "2026Q1", narrative="说明而未评级"))
    left = se.missing(workspace.db, 2026, ["2026Q1"])
    assert [c for c, _n, _p in left] == codes[2:]
    name = plan_read.load_plan(workspace.db, 2026).second_level()[2].name
    assert left[0] == (codes[2], name, "2026Q1")
    # clearing everything makes it missing again
    apply(workspace, lambda w: se.save_evaluation(w, ind(codes[0]), "2026Q1"))
    assert [c for c, _n, _p in se.missing(workspace.db, 2026, ["2026Q1"])][0] == codes[0]


def test_delete_refused_with_evidence_then_allowed_and_undone(workspace: Any, ind: Any, snapshot: Any) -> None:
    eid, _ = apply(workspace, lambda w: se.save_evaluation(w, ind("(3)"), "2026Q4", "良好"))

    def link(w: Any) -> None:
        ev = w.insert("evidence", {"sha256": "a" * 64, "original_name": "总结.pdf", "size": 1,
                                   "added_at": w.at, "added_by": "t"})
        w.insert("evidence_link", {"evidence_id": ev, "target_kind": "self_evaluation", "target_id": eid})
    link_changes = workspace.apply("link", link)
    assert se.load_evaluations(workspace.db, 2026, ["2026Q4"])[2].evidence_count == 1  # (3) is third
    refused(workspace, snapshot, lambda w: se.delete_evaluation(w, eid), "1 份佐证材料", "请先移除佐证材料")
    workspace.undo(link_changes)
    before = snapshot()
    changes = workspace.apply("删除自评", lambda w: se.delete_evaluation(w, eid))
    assert workspace.db.scalar("SELECT count(*) FROM self_evaluation") == 0
    workspace.undo(changes)
    assert snapshot() == before
