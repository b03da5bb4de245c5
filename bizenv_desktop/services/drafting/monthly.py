"""月调度情况: one month's dispatch for the department (internal).

Who reported and who did not (named 未报送, not counted as 未启动), what needs attention,
cooperating divisions' opinions, the quantitative figures, what changed since last month;
every indicator's progress as 附件.
"""
from __future__ import annotations

from datetime import date

from ...core import dispatch as rules
from ...core.document import ATTACHMENT, Document, Section, Table
from .context import Context
from .facts import month_facts
from .tables import progress_table
from .words import Text, chinese_date, count_phrase, figure_text, label_maker, met_text, month_word


def title_of(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月营商环境建设工作月调度情况"


def draft(ctx: Context) -> Document:
    month = f"{ctx.year:04d}-{ctx.request.month or 0:02d}"
    facts = month_facts(ctx.db, month)
    m = facts.month
    label = label_maker(ctx.plan)
    statuses = facts.statuses()
    owners = facts.divisions
    summary = Text().add("本月共调度{total}项，其中{counts}。{reporting}", total=len(statuses),
                         counts=count_phrase(statuses, (*rules.STATUSES[2:3], rules.IN_PROGRESS, rules.LATE,
                                                        rules.NOT_STARTED, rules.NOT_APPLICABLE, "未报送")),
                         reporting=(f"应报送处室{len(owners)}个，已报送{len(owners) - len(facts.not_reported)}个；"
                                    f"{'、'.join(facts.not_reported)}未报送，所涉"
                                    f"{sum(1 for r in m.rows if r.division_id in facts.silent_ids)}项未计入各状态。"
                                    if facts.not_reported else "各处室均已报送。"))
    figures = [r for r in facts.reported_rows() if r.kind == "quantitative"]
    if figures:
        met = sum(1 for r in figures if r.target_met is True)
        unmet = sum(1 for r in figures if r.target_met is False)
        summary.add("定量指标{n}项：达标{met}项，未达标{unmet}项{blank}。", n=len(figures), met=met, unmet=unmet,
                    blank=f"，未填报数值{len(figures) - met - unmet}项" if len(figures) - met - unmet else "")
    if m.closed:
        try:
            day: date | None = date.fromisoformat((m.closed_at or "")[:10])
        except ValueError:
            day = None
        if day is None or day <= ctx.day:  # (a document dated before the closing does not report it)
            summary.add("本月调度已于{closed}关闭。", closed=chinese_date(day) if day else m.closed_at or "")
    else:
        summary.add("本月调度尚未关闭，以下为截至{day}的填报情况。", day=chinese_date(ctx.day))
    late = [r for r in facts.reported_rows() if r.status == rules.LATE]
    other = [r for r in facts.reported_rows() if r.status != rules.LATE and r.problems.strip()
             and r.status not in (rules.DONE, rules.NOT_APPLICABLE)]
    attention = Text()
    tables: list[Table] = []
    if late or other:
        attention.add("滞后{late}项{other}。", late=len(late),
                      other=f"，其他反映存在问题的{len(other)}项（滞后事项列在前面）" if other else "")
        tables.append(Table(["序号", "指标", "责任处室", "状态", "存在问题", "下步打算"],
                            [[str(n), label(r), r.division_name or "—", r.status, r.problems or "—", r.next_steps or "—"]
                             for n, r in enumerate(late + other, 1)], center=[0, 2, 3]))
    else:
        attention.add("本月没有滞后或反映存在问题的事项。")
    opinions = Text()
    for n, (r, who, text) in enumerate(facts.opinions, 1):
        opinions.add("{n}.{what}（{lead}牵头）。{who}：{text}", n=n, what=label(r), lead=r.division_name or "—",
                     who=who, text=text)
    if not opinions.lines:
        opinions.add("本月配合处室未提出意见。")
    quantitative = [r for r in m.rows if r.kind == "quantitative"]
    figure_tables = []
    if quantitative:
        rows = []
        for n, r in enumerate(quantitative, 1):
            before = m.previous.get(r.key)
            rows.append([str(n), label(r), r.target.text() if r.target else "—", r.division_name or "—",
                         figure_text(r.figure, r.target), figure_text(before.figure if before else None, r.target),
                         met_text(r.target_met)])
        figure_tables.append(Table(["序号", "指标", "考核目标", "责任处室", "本月数值", "上月数值", "是否达标"], rows,
                                   center=[0, 2, 3, 4, 5, 6]))
    compared = Text()
    last = rules.previous_month(m.month)
    change_tables = []
    if not m.previous:
        compared.add("上月（{last}）未开展调度，没有可比较的数据。", last=f"{int(last[:4])}年{month_word(last)}")
    else:
        by_key = {r.key: r for r in m.rows}
        changes = [c for c in m.diff.changes.values() if c.key in by_key]
        moved = [c for c in changes if c.status_changed]
        new = [c for c in changes if c.is_new]
        compared.add("与上月相比，完成状态变化{moved}项，其中新完成{done}项、新增滞后{late}项；状态未变但填报内容有更新"
                     "{updated}项{new}。", moved=len(moved), done=sum(c.newly_done for c in moved),
                     late=sum(c.newly_late for c in moved), updated=sum(1 for c in changes if not c.is_new
                                                                        and not c.status_changed),
                     new=f"；新纳入调度{len(new)}项" if new else "")
        order = {r.key: n for n, r in enumerate(m.rows)}
        listed = sorted(moved + new, key=lambda c: order[c.key])
        if listed:
            rows = []
            for n, c in enumerate(listed, 1):
                r = by_key[c.key]
                what = ("新纳入调度" if c.is_new else "新完成" if c.newly_done else "新增滞后" if c.newly_late
                        else "状态变化")
                rows.append([str(n), label(r), r.division_name or "—", c.old_status or "—", c.new_status, what])
            change_tables.append(Table(["序号", "指标", "责任处室", "上月状态", "本月状态", "变化"], rows,
                                       center=[0, 2, 3, 4, 5]))
    sections = [Section("summary", "总体情况", summary.template, summary.values),
                Section("attention", "需关注事项", attention.template, attention.values, tables, carry=False),
                Section("opinions", "配合处室意见", opinions.template, opinions.values, carry=False),
                Section("figures", "定量指标完成情况", "" if quantitative else "本月调度中没有定量指标。", {},
                        figure_tables, carry=False),
                Section("compared", "与上月相比", compared.template, compared.values, change_tables, carry=False),
                Section("att_progress", "各项指标推进情况表", "", {}, [progress_table(ctx.plan, facts)],
                        part=ATTACHMENT, carry=False)]
    return Document("monthly", title_of(m.month), ctx.default_fields(), sections, author=ctx.department.name,
                    subject="营商环境建设工作月调度情况")
