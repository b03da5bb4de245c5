"""The reports on a realistic year (tests/services/report_fixture.py), built through the command
line and build_report and read back from the PDF files: what each kind says, figures as of the
period's end, 未报送 divisions, events, no internal notes for the province, errors."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import dispatch, plan_edit, plan_read
from bizenv_desktop.services.pdf.reports import KINDS, ReportRequest, build_report
from bizenv_desktop.services.self_evaluation import load_evaluations
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.storage.database import open_reader

import report_fixture as fx
from reading import body_pages, check_pdf, flat, info, text_of

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo")),
                                reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed")

YEAR = fx.YEAR
TODAY = date(2026, 10, 9)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One realistic database file for the module (the reports only read it)."""
    folder = tmp_path_factory.mktemp("reports")
    path = folder / "sample.sqlite3"
    ws = open_workspace(path, first_year=YEAR)
    try:
        fx.build(ws, folder / "evidence")
    finally:
        ws.close()
    return path


@pytest.fixture
def reader(sample: Path) -> Any:
    db = open_reader(sample)
    yield db
    db.close()


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=180, env={**os.environ})


def names(db: Any) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.query(
        "SELECT i.code, i.name FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
        " WHERE d.year = ? AND i.level = 2 ORDER BY i.id", (YEAR,))]


def between(body: str, start: str, end: str | None = None) -> str:
    a = body.index(start)
    return body[a:body.index(end, a)] if end else body[a:]


# -- what each report must say ---------------------------------------------------------------

def expect_assignment(db: Any, text: str) -> None:
    assert len(names(db)) == 23
    for code, name in names(db):
        assert code in text and flat(name) in flat(text), (code, name)
    for name, _division, person, deadline in fx.SUBTASKS:
        assert flat(name) in flat(text) and person in text and deadline in text


def expect_plan(db: Any, text: str) -> None:
    for code, name in names(db):
        assert code.replace("(", "（").replace(")", "）") + flat(name) in flat(text), (code, name)


def expect_monthly(db: Any, text: str) -> None:
    body = flat(text)
    m = dispatch.load_month(db, "2026-11")
    silent = [r for r in m.rows if r.division_name in fx.SILENT]
    assert silent and all(not r.progress for r in silent)
    summary = between(body, "一、总体情况", "二、需关注事项")
    # the silent divisions are named and their rows counted as 未报送, not as 未启动
    assert f"未报送{len(silent)}项" in summary and "诚信处、机关党委未报送" in summary
    assert "应报送处室6个，已报送4个" in summary and "未启动" not in summary
    attention = between(body, "二、需关注事项", "三、配合处室意见")
    assert "(3)-3科技计划项目申报材料精简" in attention and "(7)完成国标任务" in attention
    assert attention.count("12月底前完成协调") == 2 and "(14)" not in attention  # 诚信处 said nothing
    opinions = between(body, "三、配合处室意见", "四、定量指标完成情况")
    assert "(11)一窗受理（审批办牵头）。规划处：" + flat(fx.OPINION) in opinions
    figures = between(body, "四、定量指标完成情况", "五、与上月相比")
    assert "(10)一网通办" in figures and "93%" in figures and "91.2%" in figures and "≥90%" in figures
    appendix = between(body, "附件各项指标推进情况表")
    for code, _name in names(db):
        assert code in appendix, code


def expect_provincial(db: Any, text: str) -> None:
    body = flat(text)
    assert body.startswith("吉林省科学技术厅关于2026年第三季度营商环境建设重点工作任务推进落实情况的报告省软环境建设办公室：")
    assert "按照《吉林省营商环境考核评价实施方案（试行）》关于每季度前5个工作日内" in body
    # no internal notes, no filler about other quarters, nothing from the remarks column
    for word in ("报送时限", "日历未确认", "工作日历尚未确认", "第一季度", "第二季度", "未开展月调度", "【", "月调度）",
                 "2026-10月调度", fx.OPINION[:10]):
        assert word not in body, word
    tasks = between(body, "二、重点工作任务推进情况", "三、存在的问题")
    assert tasks.startswith("二、重点工作任务推进情况（一）基础建设和执行协同1.加强基础建设（1）制定年度营商环境建设实施计划")
    assert "（10）一网通办。推进中，省级政务服务事项网上可办率89%（未达标）" in tasks
    # (17) from the supervised-items ledger: TS-2026-04, closed on 10-25, was open on 9-30
    ledger = between(tasks, "（17）落实交办、督办事项。", "（二）创新提升影响力")
    assert "本季度收到交办、督办等事项4项" in ledger and "已办结2项、正在办理2项，其中逾期1项" in ledger
    counted = between(tasks, "（二）创新提升影响力")
    assert "（21）媒体宣传。本季度媒体宣传报道2篇" in counted and "科技日报" in counted
    assert "（22）简报刊发。本季度简报刊发1期" in counted and "（23）" not in counted  # its event is in October
    assert "（14）信用联合奖惩" in tasks and "诚信处" not in tasks  # a silent division is not reported on
    assert "特此报告。" in body and "（联系人：陈静，联系电话：0431-88880000）" in body


def expect_leadership(db: Any, text: str) -> None:
    body = flat(text)
    assert body.startswith("关于2026年第三季度营商环境建设工作情况的汇报2026年第三季度，我厅")
    overview = between(body, "一、总体进展", "二、主要工作及成效")
    assert "纳入调度的任务共32项，其中已完成4项、推进中21项、滞后3项、不适用1项" in overview
    assert "诚信处、机关党委未报送9月调度情况，所涉3项按未报送统计" in overview
    assert "滞后事项涉及规划处2项、审批办1项" in overview
    # as of 9-30: TS-2026-04 (closed 10-25) still open, DB-2026-02 overdue, JB-2026-05 (November) not yet there
    assert "截至2026年9月30日，2026年共有交办、督办等事项4项，已办结2项，正在办理2项，其中逾期1项" in overview
    assert "尚未评价5项" in overview and "第三季度已完成自我评价18项" in overview
    assert "本季度媒体宣传报道2篇、简报刊发1期" in overview
    assert "规划处：" in between(body, "三、存在的问题", "四、下一步工作安排")
    coordination = between(body, "五、需要领导协调解决的事项", "附件：")
    assert "(11)一窗受理（审批办）" in coordination and "DB-2026-02" in coordination
    assert "附件：1.各项指标推进情况表2.滞后事项和逾期未办结事项清单3.定量指标完成情况表" in body
    late = between(body, "附件2滞后事项和逾期未办结事项清单", "附件3")
    assert "DB-2026-02" in late and "20天" in late and "TS-2026-04" not in late
    figures = between(body, "附件3定量指标完成情况表")
    assert "87.5%" in figures and "≥90%" in figures and "(12)最多跑一次改革" in figures


def expect_selfeval(db: Any, text: str, quarter: int | None = 3) -> None:
    body = flat(text)
    period = f"{YEAR}Q{quarter}" if quarter else str(YEAR)
    evals = load_evaluations(db, YEAR, [period])
    missing = [e for e in evals if e.missing]
    table, rest = body.index("二、逐项自我评价情况"), body.index("三、尚未评价的指标")
    for e in evals:
        assert e.code + flat(e.name) in body[table:rest]
        if not e.missing:
            assert flat(e.narrative) in body[table:rest]
    assert missing and all(e.code + flat(e.name) in body[rest:] for e in missing)
    assert f"已完成自我评价{len(evals) - len(missing)}项，尚未评价{len(missing)}项" in body
    if quarter:
        assert "共附佐证材料2份" in body and body.count("1份") >= 2


CASES = {  # kind: (command-line period, request fields, orientation, title, check)
    "assignment": ((), {}, "landscape", "2026年度营商环境考核评价任务分工表", expect_assignment),
    "plan": ((), {}, "portrait", "吉林省科学技术厅营商环境考核评价实施方案", expect_plan),
    "monthly": (("--month", "2026-11"), {"month": 11}, "portrait", "2026年11月营商环境建设工作月调度情况",
                expect_monthly),
    "provincial": (("--quarter", "3"), {"quarter": 3}, "portrait",
                   "吉林省科学技术厅关于2026年第三季度营商环境建设重点工作任务推进落实情况的报告", expect_provincial),
    "leadership": (("--quarter", "3"), {"quarter": 3}, "portrait", "关于2026年第三季度营商环境建设工作情况的汇报",
                   expect_leadership),
    "selfeval": (("--quarter", "3"), {"quarter": 3}, "portrait", "2026年第三季度营商环境考核评价自我评价报告",
                 expect_selfeval),
}


def test_every_registered_kind_is_tested_and_on_the_command_line() -> None:
    from bizenv_desktop.commands.report import REPORT_KINDS

    assert set(CASES) == set(KINDS) == set(REPORT_KINDS)
    assert {k: v.title for k, v in KINDS.items()} == REPORT_KINDS
    assert all(KINDS[k].orientation == CASES[k][2] for k in KINDS)
    assert KINDS["monthly"].needs == ("month",) and KINDS["selfeval"].needs == ("quarter",)
    assert KINDS["provincial"].needs == KINDS["leadership"].needs == ("quarter!",)


@pytest.mark.parametrize("kind", list(CASES))
def test_report_through_the_command_line(kind: str, sample: Path, reader: Any, tmp_path: Path) -> None:
    period, _fields, orientation, title, expect = CASES[kind]
    out = tmp_path / f"{kind}.pdf"
    proc = cli(sample, "report", kind, "--year", "2026", *period, "--date", "2026-10-09", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    pages = int(info(out)["Pages"])
    assert proc.stdout.strip() == f"已生成 {out}（{pages} 页）" and proc.stderr == ""
    expect(reader, check_pdf(out, orientation, title))
    assert "2026年10月9日" in text_of(out)  # the 成文日期 under the office's name
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left beside it


@pytest.mark.parametrize("kind", list(CASES))
def test_report_through_build_report(kind: str, reader: Any, tmp_path: Path) -> None:
    _period, fields, orientation, title, expect = CASES[kind]
    out = tmp_path / f"{kind}.pdf"
    pages = build_report(reader, ReportRequest(kind, YEAR, today=TODAY, **fields), out)
    text = check_pdf(out, orientation, title)
    assert int(info(out)["Pages"]) == pages
    expect(reader, text)


def word_text(docx_path: Path) -> str:
    """A .docx's text in the body's order: paragraphs, and each table row's cells (python-docx)."""
    from docx import Document as WordDocument
    from docx.oxml.ns import qn

    doc = WordDocument(str(docx_path))
    out: list[str] = []
    for el in doc.element.body:
        if el.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
        elif el.tag == qn("w:tbl"):
            for tr in el.iter(qn("w:tr")):
                out.append(" ".join("".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))))
    return "\n".join(out)


@pytest.mark.parametrize("kind", list(CASES))
def test_the_word_file_says_what_the_pdf_says(kind: str, reader: Any, tmp_path: Path) -> None:
    """The same checks of content (未报送 divisions named, events counted, figures as of the
    period's end, no internal notes …) on the .docx, read back with python-docx."""
    _period, fields, _orientation, title, expect = CASES[kind]
    out = tmp_path / f"{kind}.docx"
    build_report(reader, ReportRequest(kind, YEAR, today=TODAY, **fields), out)
    text = word_text(out)
    assert flat(title) in flat(text) and "2026年10月9日" in text
    expect(reader, text)


def test_the_leaders_read_at_most_four_pages(reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "lead.pdf"
    build_report(reader, ReportRequest("leadership", YEAR, quarter=3, today=TODAY), out)
    assert body_pages(out, "2026年10月9日") <= 4


def test_whole_year_self_evaluation(reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "year.pdf"
    build_report(reader, ReportRequest("selfeval", YEAR, today=TODAY), out)
    expect_selfeval(reader, check_pdf(out, "portrait", "2026年度营商环境考核评价自我评价报告"), quarter=None)


def test_fourth_quarter_is_about_the_fourth_quarter_only(reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "q4.pdf"
    build_report(reader, ReportRequest("provincial", YEAR, quarter=4, today=date(2027, 1, 4)), out)
    body = flat(check_pdf(out, "portrait"))
    assert "2026年第四季度" in body and "第三季度" not in body
    assert "（23）全省推广。本季度全省推广经验介绍1次" in body  # the October event
    assert "JB-2026-05" not in body and "本季度收到交办、督办等事项1项" in body
    out = tmp_path / "lead4.pdf"
    build_report(reader, ReportRequest("leadership", YEAR, quarter=4, today=date(2026, 12, 31)), out)
    body = flat(check_pdf(out, "portrait"))
    assert "截至11月调度" in body and "与上季度末（9月调度）相比" in body
    # on 12-31 TS-2026-04 is closed: 2026 had 5 items, 3 closed
    assert "2026年共有交办、督办等事项5项，已办结3项，正在办理2项" in body


def test_quarter_without_dispatch_still_builds(reader: Any, tmp_path: Path) -> None:
    for kind in ("provincial", "leadership"):
        out = tmp_path / f"{kind}.pdf"
        build_report(reader, ReportRequest(kind, YEAR, quarter=1, today=TODAY), out)
        assert "尚未开展月调度" in flat(check_pdf(out, "portrait"))


def test_department_name_comes_from_the_database(sample: Path, tmp_path: Path) -> None:
    from bizenv_desktop.services.department import set_department

    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(sample, copy)
    ws = open_workspace(copy)
    try:
        ws.apply("单位", lambda w: set_department(w, "某某省交通运输厅"))
        out = tmp_path / "p.pdf"
        build_report(ws.db, ReportRequest("provincial", YEAR, quarter=3, today=TODAY), out)
    finally:
        ws.close()
    body = flat(check_pdf(out, "portrait", author="某某省交通运输厅"))
    assert body.startswith("某某省交通运输厅关于2026年第三季度") and "现将我厅2026年第三季度" in body
    assert body.count("吉林省科学技术厅") == 0


def test_division_sheet_holds_only_that_divisions_indicators(sample: Path, reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "gh.pdf"
    proc = cli(sample, "report", "assignment", "--division", "规划处", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = check_pdf(out, "landscape", "2026年度营商环境考核评价任务分工表")
    assert "（规划处）" in text
    assert set(re.findall(r"\((\d+)\)", text)) == {"3", "8", "9"}  # (3) through its sub-task (3)-2
    assert flat("科技成果转化政策兑现“免申即享”改革") in flat(text)
    assert "一网通办" not in text and "制定年度营商环境建设实施计划" not in text


def test_five_hundred_rows_of_assignment(workspace: Any, tmp_path: Path) -> None:
    plan = plan_read.load_plan(workspace.db, YEAR)
    indicators = plan.second_level()
    divisions = [d.id for d in plan_read.list_divisions(workspace.db, False)]
    workspace.apply("500", lambda w: [plan_edit.add_subtask(
        w, indicators[n % 23].id, f"分解任务{n:04d}", division_id=divisions[n % len(divisions)],
        person=f"责任人{n:03d}", deadline="2026-12-31") for n in range(500)])
    out = tmp_path / "big.pdf"
    pages = build_report(workspace.db, ReportRequest("assignment", YEAR, today=TODAY), out)
    text = check_pdf(out, "landscape")
    body = flat(text)
    assert pages > 20
    assert all(f"分解任务{n:04d}" in body and f"责任人{n:03d}" in body for n in range(500))
    with_rows = [page for page in text.split("\f") if "分解任务" in page]
    assert len(with_rows) >= pages - 1 and all("序号" in page for page in with_rows)  # the header on every page


@pytest.mark.parametrize("args, words", [
    (("monthly", "--month", "13"), ("月份", "13")),
    (("monthly", "--month", "2026-13"), ("2026-13", "无效")),
    (("monthly", "--month", "3"), ("2026-03", "尚未开始")),
    (("monthly",), ("需要月份",)),
    (("assignment", "--division", "不存在处"), ("不存在处", "可用的处室")),
    (("provincial", "--quarter", "5"), ("季度", "5")),
    (("leadership",), ("需要季度",)),
    (("selfeval", "--year", "2030"), ("2030",)),
    (("plan", "--month", "3"), ("不按月份",)),
    (("nonsense",), ("未知的报告类型",)),
    (("plan", "--date", "2026-02-30"), ("--date", "2026-02-30")),
])
def test_command_line_errors_write_nothing(sample: Path, tmp_path: Path, args: tuple, words: tuple) -> None:
    out = tmp_path / "out.pdf"
    proc = cli(sample, "report", *args, "-o", str(out))
    assert proc.returncode == 2, proc.stdout
    assert proc.stderr.startswith("错误：") and "Traceback" not in proc.stderr and proc.stdout == ""
    assert all(w in proc.stderr for w in words), proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_command_line_output_must_be_pdf_or_docx(sample: Path, tmp_path: Path) -> None:
    for args in (("-o", str(tmp_path / "out.txt")), ()):
        proc = cli(sample, "report", "plan", *args)
        assert proc.returncode == 2 and ".docx" in proc.stderr and proc.stdout == ""
    proc = cli(sample, "--lang", "en", "report", "plan", "-o", str(tmp_path / "out.odt"))
    assert proc.returncode == 2 and proc.stderr.startswith("Error:") and ".docx" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_command_line_default_year_and_month_forms(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    proc = cli(sample, "report", "monthly", "--month", "11", "-o", str(out))  # year: this year or the latest
    assert proc.returncode == 0, proc.stderr
    assert info(out)["Title"] == "2026年11月营商环境建设工作月调度情况"


def test_service_refuses_bad_requests(reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(InvalidInput, match="季度"):
        build_report(reader, ReportRequest("provincial", YEAR, quarter=5), out)
    with pytest.raises(InvalidInput, match="需要季度"):
        build_report(reader, ReportRequest("leadership", YEAR), out)
    with pytest.raises(NotFound, match="2026-02"):
        build_report(reader, ReportRequest("monthly", YEAR, month=2), out)
    with pytest.raises(NotFound, match="2030"):
        build_report(reader, ReportRequest("selfeval", 2030), out)
    with pytest.raises(InvalidInput, match=".docx"):
        build_report(reader, ReportRequest("plan", YEAR), tmp_path / "x.rtf")
    assert not out.exists()


def test_a_progress_report_longer_than_a_page_breaks_inside_its_row(workspace: Any, tmp_path: Path) -> None:
    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-11"))
    row = next(r for r in dispatch.load_month(workspace.db, "2026-11").rows if r.indicator_code == "(1)")
    long = "".join(f"第{n:03d}项工作已按要求推进，" for n in range(120))  # ~1,300 characters in a narrow column
    workspace.apply("填写", lambda w: dispatch.update_row(w, row.id, status=rules.IN_PROGRESS, progress=long))
    out = tmp_path / "long.pdf"
    build_report(workspace.db, ReportRequest("monthly", YEAR, month=11, today=TODAY), out)
    body = flat(check_pdf(out, "portrait", "2026年11月营商环境建设工作月调度情况"))
    # nothing cut off (the cell continues in the next rows, so other cells' text may come in between
    # where a piece ends, even inside a number)
    assert body.count("项工作已按要求推进") == 120
    assert sum(f"第{n:03d}项" in body for n in range(120)) >= 110


def test_the_assignment_signature_never_stands_alone_on_its_last_page(workspace: Any, tmp_path: Path) -> None:
    """Sub-tasks added one by one move the table's end down every page; whatever the fill,
    the last page holds a table row (under the repeated header) as well as the signature."""
    plan = plan_read.load_plan(workspace.db, YEAR)
    first = plan.second_level()[0]
    division = plan_read.list_divisions(workspace.db, False)[0]
    signature_lines = {plan.office, "2026年10月9日"}
    fills = set()
    for n in range(30):
        workspace.apply("一项", lambda w, n=n: plan_edit.add_subtask(
            w, first.id, f"分解任务{n:02d}：落实相关工作要求并按期报送进展情况", division_id=division.id,
            person=f"责任人{n:02d}", deadline="2026-12-31"))
        out = tmp_path / f"a{n}.pdf"
        pages = build_report(workspace.db, ReportRequest("assignment", YEAR, division=division.name, today=TODAY),
                             out)
        last = [line.strip() for line in text_of(out).split("\f")[pages - 1].splitlines() if line.strip()]
        assert signature_lines <= set(last), last
        rows = [line for line in last if line not in signature_lines and not re.fullmatch(r"— \d+ —", line)]
        assert rows and rows[0].startswith("序号") and len(rows) >= 2, (n, pages, last)  # header + a row
        fills.add(pages)
    assert len(fills) >= 2  # the table did cross a page end on the way


def test_self_evaluation_with_nothing_evaluated_lists_each_indicator_once(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "fresh.sqlite3", first_year=2026)
    try:
        out = tmp_path / "fresh-selfeval.pdf"
        build_report(ws.db, ReportRequest("selfeval", 2026, quarter=3, today=TODAY), out)
    finally:
        ws.close()
    body = flat(check_pdf(out, "portrait"))
    assert "（未评价）" not in body and "本期尚无指标完成自我评价" in body
    assert "以下23项指标尚未填写自我评价" in body
    assert body.count("(7)") == 1  # once, in the list of section 三 (it was in both tables)
