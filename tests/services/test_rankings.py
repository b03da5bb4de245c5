"""Rankings of ranking-kind indicators ((7)): whole numbers, rank within the field, benchmark 长春市
by default and editable, data year, source, evidence; dispatch figures of (7) are ranks too."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import dispatch, evidence, rankings


def run(ws: Any, fn: Any) -> Any:
    out: list[Any] = []
    ws.apply("t", lambda w: out.append(fn(w)))
    return out[0]


def test_a_ranking_with_its_benchmark_year_source_and_evidence(workspace: Any, ind: Any, tmp_path: Path) -> None:
    seven = ind("(7)")
    rid = run(workspace, lambda w: rankings.set_ranking(w, seven, 3, 40, data_year="2025", source="国家发展改革委评价报告"))
    got = rankings.rankings(workspace.db, 2026)[seven]
    assert (got.rank, got.field_size, got.benchmark, got.data_year, got.source) == (3, 40, "长春市", 2025,
                                                                                 "国家发展改革委评价报告")
    assert got.text == "长春市 第 3 名 / 共 40（2025 年数据）"
    # a later change keeps what it does not name; the benchmark can be changed
    assert run(workspace, lambda w: rankings.set_ranking(w, seven, "5", "41", benchmark=" 吉林市 ")) == rid
    got = rankings.ranking_of(workspace.db, seven)
    assert got is not None and (got.rank, got.field_size, got.benchmark, got.data_year) == (5, 41, "吉林市", 2025)
    src = tmp_path / "排名通报.pdf"
    src.write_bytes(b"%PDF-1.4 ranking")
    run(workspace, lambda w: evidence.attach(w, workspace.path, src, "ranking", rid))
    assert rankings.ranking_of(workspace.db, seven).evidence == ("排名通报.pdf",)  # type: ignore[union-attr]


@pytest.mark.parametrize("rank, field, message", [
    (5.5, 40, "不是整数"), ("3.0x", 40, "不是整数"), (0, 40, "至少为 1"), (3, 0, "至少为 1"), (41, 40, "大于参评总数"),
    (True, 40, "不是整数"), (-2, 40, "至少为 1")])
def test_rank_validation(workspace: Any, ind: Any, snapshot: Any, rank: Any, field: Any, message: str) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match=message):
        run(workspace, lambda w: rankings.set_ranking(w, ind("(7)"), rank, field))
    assert snapshot() == before


def test_only_ranking_indicators_take_a_ranking(workspace: Any, ind: Any) -> None:
    with pytest.raises(InvalidInput, match="不是按排名评价的指标") as err:
        run(workspace, lambda w: rankings.set_ranking(w, ind("(10)"), 1, 10))
    assert "not scored by ranking" in err.value.text("en")
    with pytest.raises(InvalidInput, match="四位年份"):
        run(workspace, lambda w: rankings.set_ranking(w, ind("(7)"), 1, 10, data_year="25"))
    with pytest.raises(NotFound):
        run(workspace, lambda w: rankings.set_ranking(w, 999999, 1, 10))


def test_clearing_and_undo(workspace: Any, ind: Any) -> None:
    seven = ind("(7)")
    run(workspace, lambda w: rankings.set_ranking(w, seven, 2, 9))
    changes = workspace.apply("清除", lambda w: rankings.clear_ranking(w, seven))
    assert rankings.ranking_of(workspace.db, seven) is None
    workspace.undo(changes)
    assert rankings.ranking_of(workspace.db, seven).rank == 2  # type: ignore[union-attr]


def test_the_dispatch_figure_of_a_ranking_indicator_is_a_rank(workspace: Any) -> None:
    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-05"))
    row = next(r for r in dispatch.load_month(workspace.db, "2026-05").rows if r.indicator_code == "(7)")
    with pytest.raises(InvalidInput, match="整数"):
        workspace.apply("f", lambda w: dispatch.update_row(w, row.id, value="5.5"))
    workspace.apply("f", lambda w: dispatch.update_row(w, row.id, value="4"))
    assert next(r for r in dispatch.load_month(workspace.db, "2026-05").rows if r.id == row.id).value == 4
