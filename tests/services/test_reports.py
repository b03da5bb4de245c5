"""The PDF reports on a realistic year, built through the command line and build_report and
read back with poppler (pdftotext, pdffonts, pdfinfo): content, page size, fonts, page numbers."""
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
from bizenv_desktop.core.workdays import WorkCalendar
from bizenv_desktop.services import dispatch, evidence, plan_edit, plan_read
from bizenv_desktop.services.liaisons import add_liaison
from bizenv_desktop.services.pdf.reports import KINDS, ReportRequest, build_report
from bizenv_desktop.services.self_evaluation import load_evaluations, save_evaluation
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.storage.database import open_reader

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo")),
                                reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed")

YEAR = 2026
TODAY = date(2026, 10, 9)
MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11")
A4 = (595.28, 841.89)  # points, as pdfinfo rounds them ("595.276 x 841.89 pts (A4)")
SUBTASKS = (
    ("梳理《吉林省优化营商环境条例》涉及我厅的重点内容，形成任务清单", "法规处", "张明", "2026-06-30"),
    ("科技成果转化政策兑现“免申即享”改革，编制清单并在厅网站公开", "规划处", "李华", "2026-09-30"),
    ("科技计划项目申报材料精简，实现高频事项“最多跑一次”", "审批办", "王芳", "2026-11-30"),
    ("建立科研诚信失信行为信用修复工作机制", "诚信处", "赵磊", "2026-12-15"),
)
LONG_PROBLEM = ("部分处室对指标要求理解不一致，佐证材料收集不及时，个别事项需要与省直有关部门、"
                "市州科技局协调推进，协调周期较长，影响整体进度。")
# status of an indicator (or "(code)division", "(3)#n" for sub-task n) in July … November
STATUS = {
    "(1)": ["已完成"] * 5, "(2)": ["推进中"] + ["已完成"] * 4, "(3)#1": ["已完成"] * 5,
    "(3)#2": ["推进中", "推进中", "滞后", "推进中", "已完成"], "(3)#3": ["未启动", "推进中", "推进中", "推进中", "滞后"],
    "(3)#4": ["未启动", "未启动", "推进中", "推进中", "推进中"], "(4)": ["推进中"] * 3 + ["已完成"] * 2,
    "(7)": ["推进中"] * 3 + ["滞后"] * 2, "(8)规划处": ["推进中", "滞后", "滞后", "推进中", "推进中"],
    "(9)": ["推进中"] * 4 + ["已完成"], "(10)": ["推进中"] * 4 + ["已完成"],
    "(11)": ["推进中", "推进中", "滞后", "推进中", "推进中"], "(14)诚信处": ["推进中"] * 4 + ["滞后"],
    "(16)": ["已完成"] * 5, "(20)": ["不适用"] * 5,
}
FIGURES = {"(10)": [{"value": v} for v in (85, 87.5, 89, 91.2, 93)],
           "(11)": [{"numerator": n, "denominator": 100} for n in (52, 58, 61, 66, 72)],
           "(12)": [{"value": v} for v in (45, 50, 55, 58, 62)]}
# no, source, received, content, deadline, status, done on, lead division
SUPERVISED = (
    ("JB-2026-01", "省软环境办交办", "2026-07-06", "办理企业反映科技型中小企业评价入库审核时限过长问题", "2026-07-31",
     "已销号", "2026-07-28", "法规处"),
    ("DB-2026-02", "省软环境办督办", "2026-08-10", "核查某高新技术企业认定申报材料重复提交问题并反馈整改情况",
     "2026-09-10", "办理中", "", "规划处"),
    ("MC-2026-03", "明察暗访", "2026-09-02", "政务服务窗口一次性告知不到位，限期整改并报送整改报告", "2026-09-25",
     "已办结", "2026-09-20", "审批办"),
    ("TS-2026-04", "投诉", "2026-09-15", "企业投诉科技项目验收结论迟迟未出", "2026-10-15", "待签收", "", "办公室"),
    ("JB-2026-05", "省软环境办交办", "2026-11-02", "报送优化营商环境典型经验做法材料", "2026-12-20", "办理中", "",
     "法规处"),
)


def _status(r: dispatch.DispatchRow, k: int, subtask_no: dict[int, int]) -> str:
    keys = [f"{r.indicator_code}#{subtask_no.get(r.subtask_id or 0)}", f"{r.indicator_code}{r.division_name}",
            r.indicator_code]
    return next((STATUS[x][k] for x in keys if x in STATUS), rules.IN_PROGRESS if k else rules.NOT_STARTED)


def build_sample(ws: Any, evidence_folder: Path) -> None:
    """Sub-tasks of (3), five months of dispatch (July–October closed), supervised items,
    self-evaluations with evidence, a liaison: all through the services (items through a Writer)."""
    plan = plan_read.load_plan(ws.db, YEAR)
    divisions = {d.name: d.id for d in plan_read.list_divisions(ws.db)}
    three = next(i for i in plan.second_level() if i.code == "(3)")
    ids = []
    ws.apply("分解", lambda w: ids.extend(plan_edit.add_subtask(w, three.id, name, division_id=divisions[dv],
                                                               person=person, deadline=due, note="按季度报送进展")
                                         for name, dv, person, due in SUBTASKS))
    subtask_no = {sub_id: n for n, sub_id in enumerate(ids, 1)}
    for k, month in enumerate(MONTHS):
        ws.apply(f"开始 {month}", lambda w, month=month: dispatch.start_month(w, month))
        m = dispatch.load_month(ws.db, month)

        def fill(w: Any, m: dispatch.Month = m, k: int = k) -> None:
            for r in m.rows:
                status = _status(r, k, subtask_no)
                fields: dict[str, Any] = {"status": status, "person": "联络人",
                                          "progress": f"{r.indicator_name}{'已完成' if status == '已完成' else '按计划推进'}"}
                if status == rules.LATE:
                    fields.update(problems=LONG_PROBLEM, next_steps=f"{int(m.month[5:]) + 1}月底前完成协调，形成书面材料。")
                elif status == rules.IN_PROGRESS:
                    fields.update(problems="", next_steps="继续按计划推进。")
                fields.update(FIGURES.get(r.indicator_code, [{}] * 5)[k])
                dispatch.update_row(w, r.id, **fields)
        ws.apply(f"填写 {month}", fill)
        if month <= "2026-10":
            ws.apply(f"关闭 {month}", lambda w, month=month: dispatch.close_month(w, month))

    def supervised(w: Any) -> None:
        for no, source, received, content, deadline, status, done, lead in SUPERVISED:
            item = w.insert("supervision_item", {"no": no, "source": source, "received_on": received,
                                                 "content": content, "deadline": deadline, "status": status,
                                                 "done_on": done})
            w.insert("supervision_division", {"item_id": item, "division_id": divisions[lead], "role": "lead"})
    ws.apply("督办事项", supervised)

    def evaluations(w: Any) -> None:
        for n, ind in enumerate(plan.second_level()):
            if n % 4 != 3:  # every fourth is not evaluated yet
                rating = ("优秀", "良好", "一般")[n % 3]
                save_evaluation(w, ind.id, f"{YEAR}Q3", rating=rating, narrative=f"{ind.name}：对照考评标准逐项自查，{rating}。")
            if n % 2 == 0:
                save_evaluation(w, ind.id, str(YEAR), rating="良好", narrative=f"全年自评：{ind.name}达到标准要求。")
    ws.apply("自评", evaluations)
    evidence_folder.mkdir(exist_ok=True)
    for n, ev in enumerate([e for e in load_evaluations(ws.db, YEAR, [f"{YEAR}Q3"]) if e.id][:2]):
        source = evidence_folder / f"佐证{n}.txt"
        source.write_text(f"佐证材料 {n}", encoding="utf-8")
        ws.apply("佐证", lambda w, s=source, e=ev: evidence.attach(w, ws.path, s, "self_evaluation", e.id))
    ws.apply("联络员", lambda w: add_liaison(w, "陈静", "2026-01-05", division_id=divisions["法规处"],
                                          phone="0431-88880000", reported_on="2026-01-06"))


# -- reading the PDFs back ----------------------------------------------------------------

def text_of(pdf: Path, *options: str) -> str:
    """pdftotext in content order (-raw: each table cell's lines stay together)."""
    return subprocess.run(["pdftotext", *(options or ("-raw",)), str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def flat(text: str) -> str:
    """Text without page numbers and white space: wrapped lines and split paragraphs joined again."""
    return re.sub(r"\s+", "", re.sub(r"— \d+ —", "", text))


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def fonts(pdf: Path) -> list[list[str]]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [line.split() for line in lines[2:] if line.strip()]


def check_pdf(pdf: Path, orientation: str, title: str, pages: int | None = None) -> str:
    """Size, fonts, page numbers and title of a report; returns its text."""
    meta = info(pdf)
    width, height = map(float, re.match(r"([\d.]+) x ([\d.]+) pts", meta["Page size"]).groups())
    expected = A4 if orientation == "portrait" else A4[::-1]
    assert abs(width - expected[0]) < 0.01 and abs(height - expected[1]) < 0.01, meta["Page size"]
    assert meta["Title"] == title
    assert meta["Author"] == "吉林省科学技术厅"
    count = int(meta["Pages"])
    assert pages is None or count == pages
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    for row in rows:  # name type encoding emb sub uni object ID: every font embedded, none a base-14 font
        assert row[-5] == "yes", f"font not embedded: {row}"
        assert "Helvetica" not in row[0] and "Times" not in row[0], row
    text = text_of(pdf)
    per_page = text.split("\f")[:count]
    assert [re.findall(r"— (\d+) —", page) for page in per_page] == [[str(n)] for n in range(1, count + 1)]
    return text


# -- fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One realistic database file for the module (the reports only read it)."""
    folder = tmp_path_factory.mktemp("reports")
    path = folder / "sample.sqlite3"
    ws = open_workspace(path, first_year=YEAR)
    try:
        build_sample(ws, folder / "evidence")
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


# -- what each report must say ---------------------------------------------------------------

def expect_assignment(db: Any, text: str) -> None:
    assert len(names(db)) == 23
    for code, name in names(db):
        assert code in text and flat(name) in flat(text), (code, name)
    for name, _division, person, deadline in SUBTASKS:
        assert flat(name) in flat(text) and person in text and deadline in text


def expect_plan(db: Any, text: str) -> None:
    for code, name in names(db):
        assert code.replace("(", "（").replace(")", "）") + flat(name) in flat(text), (code, name)


def expect_monthly(db: Any, text: str) -> None:
    m = dispatch.load_month(db, "2026-11")
    body = flat(text)
    assert "本月共调度32项：已完成8，推进中20，滞后3，不适用1。" in body
    assert len([r for r in m.rows if r.status == rules.LATE]) == 3
    attention, details = body.index("二、需关注事项"), body.index("三、各项指标推进情况")
    figures, compared = body.index("四、定量指标完成情况"), body.index("五、与上月相比")
    assert attention < details < figures < compared
    needs = body[attention:details]  # the late rows: indicator, division, problem, next steps
    for label, division in (("(3)-3科技计划项目申报材料精简", "审批办"), ("(7)完成国标任务", "法规处"),
                            ("(14)信用联合奖惩", "诚信处")):
        assert label in needs and division in needs
    assert needs.count(flat(LONG_PROBLEM)) == 3 and needs.count("12月底前完成协调") == 3
    for code, _name in names(db):
        assert code in body[details:figures], code
    quantitative = body[figures:compared]
    assert "(10)一网通办" in quantitative and "93%" in quantitative and "91.2%" in quantitative
    assert "≥90%" in quantitative and quantitative.count("达标") == 1 + 3 and "未达标" not in quantitative
    assert "完成状态变化5项，其中新完成3项、新增滞后2项" in body[compared:]
    assert body.count("新增滞后") >= 3 and "吉林省科学技术厅" in body[compared:]


def expect_provincial(db: Any, text: str) -> None:
    body = flat(text)
    fifth = WorkCalendar().nth_workday_from(date(2026, 10, 1), 5).day
    assert f"报送时限：{fifth.year}年{fifth.month}月{fifth.day}日前" in body
    assert body.index("吉林省科学技术厅关于2026年第三季度营商环境建设重点工作任务推进落实情况的报告") == 0
    assert "省软环境建设办公室：" in body and "特此报告。" in body
    assert "第一季度：未开展月调度" in body and "第二季度：未开展月调度" in body
    for code, name in names(db):
        assert code.replace("(", "（").replace(")", "）") + flat(name) in body, code
    for name, division, person, _due in SUBTASKS:
        assert flat(name) in body and f"{division}，责任人{person}" in body
    assert "第三季度（9月调度）：滞后。" in body and flat(LONG_PROBLEM) in body
    assert "省级政务服务事项网上可办率89%（未达标）" in body
    assert "（联系人：陈静，联系电话：0431-88880000）" in body


def expect_leadership(db: Any, text: str) -> None:
    body = flat(text)
    assert body.startswith("关于2026年第三季度营商环境建设工作情况的汇报（截至9月调度）")
    assert "共32项，其中已完成4项、推进中24项、滞后3项、不适用1项" in body
    overview = body[:body.index("三、交办督办事项办理情况")]
    assert "滞后3项，涉及规划处2项、审批办1项。" in overview and "(11)一窗受理" in overview
    supervision = body[body.index("三、交办督办事项办理情况"):body.index("四、定量指标完成情况")]
    assert "截至2026年9月30日，共有交办、督办事项4项，未办结2项，其中逾期1项。" in supervision
    assert "DB-2026-02" in supervision and "20天" in supervision and "TS-2026-04" not in supervision
    figures = body[body.index("四、定量指标完成情况"):body.index("五、下季度")]
    assert "87.5%" in figures and "目标≥90%" in figures and "(12)最多跑一次改革" in figures
    deadlines = body[body.index("五、下季度（2026年第四季度）重点时间节点"):body.index("附件：各项指标推进情况")]
    assert "向省软环境办报送2026年第三季度重点工作任务推进落实情况" in deadlines and "督办事项TS-2026-04" in deadlines
    attachment = body[body.rindex("附件"):]
    for code, _name in names(db):
        assert code in attachment


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
    "plan": ((), {}, "portrait", "吉林省科学技术厅营商环境考核评价实施方案（2026年度）", expect_plan),
    "monthly": (("--month", "2026-11"), {"month": 11}, "portrait", "2026年11月营商环境建设工作月调度情况",
                expect_monthly),
    "provincial": (("--quarter", "3"), {"quarter": 3}, "portrait",
                   "吉林省科学技术厅关于2026年第三季度营商环境建设重点工作任务推进落实情况的报告", expect_provincial),
    "leadership": (("--quarter", "3"), {"quarter": 3}, "portrait", "2026年第三季度营商环境建设工作情况汇报",
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
    assert "2026年10月9日" in text_of(out)  # the issue date under the office's name
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left beside it


@pytest.mark.parametrize("kind", list(CASES))
def test_report_through_build_report(kind: str, reader: Any, tmp_path: Path) -> None:
    _period, fields, orientation, title, expect = CASES[kind]
    out = tmp_path / f"{kind}.pdf"
    pages = build_report(reader, ReportRequest(kind, YEAR, today=TODAY, **fields), out)
    text = check_pdf(out, orientation, title, pages)
    expect(reader, text)
    assert "吉林省科学技术厅" in text and "2026年10月9日" in text


def test_whole_year_self_evaluation(reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "year.pdf"
    build_report(reader, ReportRequest("selfeval", YEAR, today=TODAY), out)
    expect_selfeval(reader, check_pdf(out, "portrait", "2026年度营商环境考核评价自我评价报告"), quarter=None)


def test_fourth_quarter_reports_both_quarters_and_next_years_due_date(reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "q4.pdf"
    build_report(reader, ReportRequest("provincial", YEAR, quarter=4, today=date(2027, 1, 4)), out)
    body = flat(check_pdf(out, "portrait", "吉林省科学技术厅关于2026年第四季度营商环境建设重点工作任务推进落实情况的报告"))
    assert "第三季度：以9月调度为准" in body and "第四季度（11月调度）" in body and "第三季度（9月调度）" in body
    assert "报送时限：2027年1月" in body and "2027年1月4日" in body
    out = tmp_path / "lead4.pdf"
    build_report(reader, ReportRequest("leadership", YEAR, quarter=4, today=date(2026, 12, 31)), out)
    body = flat(check_pdf(out, "portrait", "2026年第四季度营商环境建设工作情况汇报"))
    assert "（截至11月调度）" in body and "逾期" in body


def test_quarter_without_dispatch_still_builds(reader: Any, tmp_path: Path) -> None:
    for kind in ("provincial", "leadership"):
        out = tmp_path / f"{kind}.pdf"
        build_report(reader, ReportRequest(kind, YEAR, quarter=1, today=TODAY), out)
        assert "第一季度尚未开展月调度" in flat(check_pdf(out, "portrait", info(out)["Title"]))


def test_division_sheet_holds_only_that_divisions_indicators(sample: Path, reader: Any, tmp_path: Path) -> None:
    out = tmp_path / "gh.pdf"
    proc = cli(sample, "report", "assignment", "--division", "规划处", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = check_pdf(out, "landscape", "2026年度营商环境考核评价任务分工表（规划处）")
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
    text = check_pdf(out, "landscape", "2026年度营商环境考核评价任务分工表", pages)
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
])
def test_command_line_errors_write_nothing(sample: Path, tmp_path: Path, args: tuple, words: tuple) -> None:
    out = tmp_path / "out.pdf"
    proc = cli(sample, "report", *args, "-o", str(out))
    assert proc.returncode == 2, proc.stdout
    assert proc.stderr.startswith("错误：") and "Traceback" not in proc.stderr and proc.stdout == ""
    assert all(w in proc.stderr for w in words), proc.stderr
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
    assert not out.exists()


def test_a_progress_report_longer_than_a_page_breaks_inside_its_row(workspace: Any, tmp_path: Path) -> None:
    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-11"))
    row = next(r for r in dispatch.load_month(workspace.db, "2026-11").rows if r.indicator_code == "(1)")
    long = "".join(f"第{n:03d}项工作已按要求推进，" for n in range(120))  # ~1,300 characters in a narrow column
    workspace.apply("填写", lambda w: dispatch.update_row(w, row.id, status=rules.IN_PROGRESS, progress=long))
    out = tmp_path / "long.pdf"
    pages = build_report(workspace.db, ReportRequest("monthly", YEAR, month=11, today=TODAY), out)
    body = flat(check_pdf(out, "portrait", "2026年11月营商环境建设工作月调度情况", pages))
    # nothing cut off (the cell continues in the next rows, so other cells' text may come in between)
    assert all(f"第{n:03d}项" in body for n in range(120)) and body.count("要求推进") >= 110


def test_the_assignment_signature_never_stands_alone_on_its_last_page(workspace: Any, tmp_path: Path) -> None:
    """Sub-tasks added one by one move the table's end down every page; whatever the fill,
    the last page holds a table row (under the repeated header) as well as the signature."""
    from bizenv_desktop.services.pdf.common import chinese_date

    plan = plan_read.load_plan(workspace.db, YEAR)
    first = plan.second_level()[0]
    division = plan_read.list_divisions(workspace.db, False)[0]
    signature_lines = {plan.office, chinese_date(TODAY)}
    fills = set()
    for n in range(34):
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
