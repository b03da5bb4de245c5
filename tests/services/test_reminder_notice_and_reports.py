"""The printable 催办单 (PDF and .docx in the report style, read back from the files) and what the
leadership and provincial reports say of rankings, publications and 催办 (issue 16)."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import (dispatch, liaisons, publications, rankings, reminder_notice, supervision,
                                     supervision_watch)
from bizenv_desktop.services.pdf.reports import ReportRequest, build_report
from reading import text_of

TODAY = date(2026, 9, 28)


def run(ws: Any, fn: Any) -> Any:
    out: list[Any] = []
    ws.apply("t", lambda w: out.append(fn(w)))
    return out[0]


def flat(text: str) -> str:
    """The text without spaces, line breaks or page numbers (— 1 —)."""
    return re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))


@pytest.fixture
def items(workspace: Any, div: Any) -> dict[str, int]:
    fg, gh = div("法规处"), div("规划处")
    run(workspace, lambda w: liaisons.add_liaison(w, "陈静", "2026-01-05", division_id=fg, phone="0431-88880000",
                                                  reported_on="2026-01-06"))
    return {
        "late": run(workspace, lambda w: supervision.add_item(
            w, "按要求报送营商环境问题整改落实情况", no="DB-2026-011", source="省软环境办督办", received_on="2026-08-20",
            deadline="2026-09-15", lead=[gh])),
        "soon": run(workspace, lambda w: supervision.add_item(
            w, "核查企业反映的科技项目申报材料重复提交问题", no="DB-2026-012", source="投诉", received_on="2026-09-10",
            deadline="2026-09-30", lead=[gh], feedback_cycle="每月25日前")),
        "done": run(workspace, lambda w: supervision.add_item(
            w, "已办结的事项", no="DB-2026-013", received_on="2026-07-01", lead=[gh])),
    }


def test_a_notice_for_one_item_in_pdf_and_docx(workspace: Any, items: dict[str, int], tmp_path: Path) -> None:
    notice = reminder_notice.build(workspace.db, [items["late"]], today=TODAY)
    pdf, word = tmp_path / "催办单.pdf", tmp_path / "催办单.docx"
    assert reminder_notice.write(notice.document, pdf) == 1
    reminder_notice.write(notice.document, word)
    text = flat(text_of(pdf))
    assert text.startswith("督办事项催办单（DB-2026-011）规划处：")
    assert "2026年8月20日交办的“按要求报送营商环境问题整改落实情况”（编号DB-2026-011，来源：省软环境办督办）" in text
    assert "办结时限为2026年9月15日。截至2026年9月28日，该事项待签收，已逾期13天。" in text
    assert "于2026年10月8日前将办理进展报送法规处" in text  # 3 working days, over 国庆 (10-1…10-7 off)
    assert "法规处2026年9月28日" in text and "联系人：陈静，联系电话：0431-88880000" in text
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert paragraphs[0] == "督办事项催办单" and "规划处：" in paragraphs
    table = docx.Document(str(word)).tables[0]
    assert [c.text for c in table.rows[0].cells] == reminder_notice.HEADER
    assert [c.text for c in table.rows[1].cells][:2] == ["DB-2026-011", "按要求报送营商环境问题整改落实情况"]


def test_a_notice_for_a_division_and_the_reminders_it_records(workspace: Any, items: dict[str, int], div: Any,
                                                              tmp_path: Path) -> None:
    run(workspace, lambda w: supervision.advance(w, items["done"], "已办结", "2026-09-01", "已办结"))
    run(workspace, lambda w: supervision_watch.add_reminder(w, items["late"], "2026-09-20", method="电话"))
    notice = reminder_notice.build(workspace.db, division_id=div("规划处"), today=TODAY)
    assert notice.item_ids == [items["late"], items["soon"]]  # the one done is not chased
    pdf = tmp_path / "规划处催办单.pdf"
    reminder_notice.write(notice.document, pdf)
    text = flat(text_of(pdf))
    assert "你处牵头办理的交办督办事项尚有2项未办结，其中已逾期1项、临近办结时限1项" in text
    assert "DB-2026-011" in text and "DB-2026-012" in text and "DB-2026-013" not in text
    assert "2次" in text  # the 电话 reminder, and this notice
    run(workspace, lambda w: reminder_notice.record(w, notice, TODAY))
    got = supervision_watch.reminders(workspace.db, division_id=div("规划处"))
    assert [(r.item_id, r.method, r.date) for r in got if r.method == "催办单"] == [
        (items["late"], "催办单", "2026-09-28"), (items["soon"], "催办单", "2026-09-28")]
    with pytest.raises(InvalidInput, match="已办结"):
        reminder_notice.build(workspace.db, [items["done"]], today=TODAY)
    with pytest.raises(InvalidInput, match="诚信处没有待签收或办理中"):
        reminder_notice.build(workspace.db, division_id=div("诚信处"), today=TODAY)
    with pytest.raises(InvalidInput, match=r"\.txt"):
        reminder_notice.write(notice.document, tmp_path / "x.txt")


def test_leadership_and_provincial_reports_show_rankings_publications_and_reminders(
        workspace: Any, items: dict[str, int], ind: Any, tmp_path: Path) -> None:
    for m in ("2026-07", "2026-08", "2026-09"):
        run(workspace, lambda w, m=m: dispatch.start_month(w, m))
    run(workspace, lambda w: rankings.set_ranking(w, ind("(7)"), 3, 40, data_year=2025, source="国家营商环境评价报告"))
    run(workspace, lambda w: publications.add_publication(w, "2026年营商环境建设实施方案", "2026-02-10", "plan",
                                                          outlet="厅门户网站", indicator_id=ind("(1)")))
    run(workspace, lambda w: publications.add_publication(w, "科技成果转化若干措施", "2026-08-05", "policy",
                                                          indicator_id=ind("(15)")))
    run(workspace, lambda w: supervision_watch.add_reminder(w, items["late"], "2026-09-16", method="电话"))
    run(workspace, lambda w: supervision_watch.add_reminder(w, items["late"], "2026-09-22", method="催办单"))
    run(workspace, lambda w: supervision_watch.add_reminder(w, items["soon"], "2026-10-08", method="电话"))  # after Q3
    lead = tmp_path / "leadership.pdf"
    build_report(workspace.db, ReportRequest("leadership", 2026, quarter=3, today=date(2026, 10, 9)), lead)
    text = flat(text_of(lead))
    assert "（六）排名、公开和催办情况。(7)长春市排名第3位（共40个，2025年数据，来源：国家营商环境评价报告）。" in text
    assert "2026年度实施方案已于2026年2月10日在厅门户网站公开。" in text
    assert "本期公布落实政策的具体措施1次（《科技成果转化若干措施》）。" in text
    assert "本期对1项交办督办事项催办2次。" in text  # as of 9-30: the 10-08 reminder is not counted
    province_pdf = tmp_path / "provincial.pdf"
    build_report(workspace.db, ReportRequest("provincial", 2026, quarter=3, today=date(2026, 10, 9)), province_pdf)
    text = flat(text_of(province_pdf))
    assert "完成国标任务。长春市排名第3位（共40个，2025年数据，来源：国家营商环境评价报告）" in text
    assert "2026年度实施方案已于2026年2月10日在厅门户网站公开" in text
    assert "本期公布落实政策的具体措施1次（《科技成果转化若干措施》）" in text
    assert "本期对1项交办督办事项催办2次。" in text
    province = tmp_path / "provincial.docx"
    build_report(workspace.db, ReportRequest("provincial", 2026, quarter=3, today=date(2026, 10, 9)), province)
    body = flat("\n".join(p.text for p in docx.Document(str(province)).paragraphs))
    assert "完成国标任务。长春市排名第3位（共40个" in body
    assert "2026年度实施方案已于2026年2月10日在厅门户网站公开" in body
    assert "本期公布落实政策的具体措施1次" in body
    assert "本期对1项交办督办事项催办2次。" in body
