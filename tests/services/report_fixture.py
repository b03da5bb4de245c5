"""A realistic year for the report tests, built through the services as the liaison would.

Five months of dispatch (July–November 2026; July–October closed), long progress texts and
empty fields, late items, two of the six divisions (诚信处, 机关党委) that reported nothing in
September and November, a cooperating division's opinions, a row and a supervised item flagged
for the leaders, counted events for (20)–(23), supervised items (one closed on 10-25, after
the quarter's end; one overdue on 9-30; one received in November), self-evaluations with
evidence, the liaison.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.services import dispatch, evidence, plan_edit, plan_read
from bizenv_desktop.services.coordination import set_needs_coordination
from bizenv_desktop.services.events import add_event
from bizenv_desktop.services.liaisons import add_liaison
from bizenv_desktop.services.self_evaluation import load_evaluations, save_evaluation

YEAR = 2026
MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10", "2026-11")
SILENT = ("诚信处", "机关党委")           # report nothing in September and November
SILENT_MONTHS = ("2026-09", "2026-11")
SUBTASKS = (
    ("梳理《吉林省优化营商环境条例》涉及我厅的重点内容，形成任务清单", "法规处", "张明", "2026-06-30"),
    ("科技成果转化政策兑现“免申即享”改革，编制清单并在厅网站公开", "规划处", "李华", "2026-09-30"),
    ("科技计划项目申报材料精简，实现高频事项“最多跑一次”", "审批办", "王芳", "2026-11-30"),
    ("建立科研诚信失信行为信用修复工作机制", "诚信处", "赵磊", "2026-12-15"),
)
LONG_PROBLEM = ("部分处室对指标要求理解不一致，佐证材料收集不及时，个别事项需要与省直有关部门、"
                "市州科技局协调推进，协调周期较长，影响整体进度。")
LONG_PROGRESS = ("对照《吉林省优化营商环境条例》逐条梳理涉及我厅的职责事项，召开专题会议研究部署，"
                 "形成任务清单和责任清单，明确每项任务的责任处室、责任人和完成时限；会同审批办对政务服务"
                 "事项办事指南逐项核对，修改完善申报条件和申报材料表述，删除兜底性条款，"
                 "按月跟踪推进情况并形成台账。")
OPINION = "建议将免申即享清单与项目管理系统对接，减少企业重复填报。"
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
# no, source, received, content, deadline, lead division, [(status, date)…], flagged
SUPERVISED = (
    ("JB-2026-01", "省软环境办交办", "2026-07-06", "办理企业反映科技型中小企业评价入库审核时限过长问题", "2026-07-31",
     "法规处", [("办理中", "2026-07-07"), ("已办结", "2026-07-28"), ("已报结", "2026-07-29"),
              ("已销号", "2026-08-05")], False),
    ("DB-2026-02", "省软环境办督办", "2026-08-10", "核查某高新技术企业认定申报材料重复提交问题并反馈整改情况",
     "2026-09-10", "规划处", [("办理中", "2026-08-11")], True),
    ("MC-2026-03", "明察暗访", "2026-09-02", "政务服务窗口一次性告知不到位，限期整改并报送整改报告", "2026-09-25",
     "审批办", [("办理中", "2026-09-03"), ("已办结", "2026-09-20")], False),
    ("TS-2026-04", "投诉", "2026-09-15", "企业投诉科技项目验收结论迟迟未出", "2026-10-31", "办公室",
     [("办理中", "2026-09-16"), ("已办结", "2026-10-25")], False),
    ("JB-2026-05", "省软环境办交办", "2026-11-02", "报送优化营商环境典型经验做法材料", "2026-12-20", "法规处",
     [("办理中", "2026-11-03")], False),
)
# kind, date, level, title, outlet
EVENTS = (
    ("media", "2026-07-05", "省级", "我厅推行科技成果转化“免申即享”", "吉林日报"),
    ("media", "2026-08-15", "国家级", "吉林科技政务服务“最多跑一次”见成效", "科技日报"),
    ("briefing", "2026-09-10", "省级", "我厅优化科技项目评审流程经验", "省软环境办简报"),
    ("promotion", "2026-10-20", "省级", "在全省软环境建设推进会上作经验介绍", "全省软环境建设推进会"),
)


def _status(r: dispatch.DispatchRow, k: int, subtask_no: dict[int, int]) -> str:
    keys = [f"{r.indicator_code}#{subtask_no.get(r.subtask_id or 0)}", f"{r.indicator_code}{r.division_name}",
            r.indicator_code]
    return next((STATUS[x][k] for x in keys if x in STATUS), rules.IN_PROGRESS if k else rules.NOT_STARTED)


def build(ws: Any, evidence_folder: Path) -> None:
    plan = plan_read.load_plan(ws.db, YEAR)
    divisions = {d.name: d.id for d in plan_read.list_divisions(ws.db)}
    three = next(i for i in plan.second_level() if i.code == "(3)")
    ids: list[int] = []
    ws.apply("分解", lambda w: ids.extend(plan_edit.add_subtask(w, three.id, name, division_id=divisions[dv],
                                                               person=person, deadline=due, note="按季度报送进展")
                                         for name, dv, person, due in SUBTASKS))
    subtask_no = {sub_id: n for n, sub_id in enumerate(ids, 1)}
    for k, month in enumerate(MONTHS):
        ws.apply(f"开始 {month}", lambda w, month=month: dispatch.start_month(w, month))
        m = dispatch.load_month(ws.db, month)

        def fill(w: Any, m: dispatch.Month = m, k: int = k) -> None:
            for r in m.rows:
                if m.month in SILENT_MONTHS and r.division_name in SILENT:
                    continue  # nothing reported this month
                status = _status(r, k, subtask_no)
                long = r.indicator_code == "(13)" or (r.indicator_code == "(3)" and k % 2 == 0)
                fields: dict[str, Any] = {
                    "status": status, "person": "联络人" if r.indicator_code != "(9)" else "",
                    "progress": LONG_PROGRESS if long else
                    f"{r.indicator_name}{'已完成' if status == '已完成' else '按计划推进'}，{m.month[5:]}月形成阶段性成果"}
                if status == rules.LATE:
                    fields.update(problems=LONG_PROBLEM, next_steps=f"{int(m.month[5:]) + 1}月底前完成协调，形成书面材料。")
                elif status == rules.IN_PROGRESS:
                    fields.update(problems="", next_steps="" if r.indicator_code == "(15)" else "继续按计划推进。")
                if r.indicator_code == "(11)":
                    fields["remarks"] = f"【规划处】{OPINION}"
                fields.update(FIGURES.get(r.indicator_code, [{}] * 5)[k])
                dispatch.update_row(w, r.id, **fields)
                if m.month == "2026-09" and r.indicator_code == "(11)":
                    set_needs_coordination(w, "dispatch_row", r.id)
        ws.apply(f"填写 {month}", fill)
        if month <= "2026-10":
            ws.apply(f"关闭 {month}", lambda w, month=month: dispatch.close_month(w, month))

    def supervised(w: Any) -> None:
        for no, source, received, content, deadline, lead, steps, flagged in SUPERVISED:
            row: dict[str, Any] = {"no": no, "source": source, "received_on": received, "content": content,
                                   "deadline": deadline, "progress": "已约谈企业，正在组织专家复核。" if flagged else ""}
            for status, day in steps:
                row["status"] = status
                row[{"办理中": "signed_on", "已办结": "done_on", "已报结": "reported_on", "已销号": "closed_on"}[status]] = day
            if row.get("done_on"):
                row["closure_report"] = "已按要求整改并报送整改报告。"
            item = w.insert("supervision_item", row)
            w.insert("supervision_division", {"item_id": item, "division_id": divisions[lead], "role": "lead"})
            if flagged:
                set_needs_coordination(w, "supervision_item", item)
    ws.apply("督办事项", supervised)
    ws.apply("事件", lambda w: [add_event(w, kind, day, title, level, outlet)
                              for kind, day, level, title, outlet in EVENTS])

    def evaluations(w: Any) -> None:
        for n, ind in enumerate(plan.second_level()):
            if n % 4 != 3:  # every fourth is not evaluated yet
                rating = ("优秀", "良好", "一般")[n % 3]
                save_evaluation(w, ind.id, f"{YEAR}Q3", rating=rating,
                                narrative=f"{ind.name}：对照考评标准逐项自查，{rating}。")
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
