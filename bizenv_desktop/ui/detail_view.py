"""Read-only panel that shows the selected row in full: standard text, target, divisions."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..core.model import Dimension, Indicator, Subtask
from .assignment_editor import role_label
from .plan_model import Node, kind_label


class DetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.event_counts: dict[int, int] = {}  # indicator id -> events registered this year
        self.show_node(None)

    def show_node(self, node: Node | None) -> None:
        if node is None:
            self.setHtml(f"<p style='color:#666'>{escape(self.tr('选择左侧的一行查看详情。'))}</p>")
            return
        obj = node.obj
        if isinstance(obj, Dimension):
            count = sum(len(f.children) for f in obj.indicators)
            self.setHtml(f"<h3>{escape(self.tr('维度'))} {escape(obj.code)} {escape(obj.name)}</h3>"
                         f"<p>{escape(self.tr('一级指标 %1 个，二级指标 %2 个')).replace('%1', str(len(obj.indicators))).replace('%2', str(count))}</p>")
        elif isinstance(obj, Subtask):
            self.setHtml(self._subtask_html(obj))
        else:
            self.setHtml(self._indicator_html(obj))

    def _row(self, label: str, value: str) -> str:
        return f"<tr><td style='color:#555;padding-right:8px' valign='top'>{escape(label)}</td><td>{value}</td></tr>"

    def _indicator_html(self, ind: Indicator) -> str:
        level = self.tr("一级指标") if ind.level == 1 else self.tr("二级指标")
        rows = [self._row(self.tr("层级"), escape(level))]
        if ind.level == 2:
            kind = kind_label(ind.kind)
            if ind.target:
                metric = f"{escape(ind.target.metric)} " if ind.target.metric else ""
                kind += f"：{metric}{escape(ind.target.text())}"
            rows.append(self._row(self.tr("类型/目标"), escape(kind) if not ind.target else kind))
        if ind.id in self.event_counts:
            rows.append(self._row(self.tr("本年已登记"), escape(self.tr("%1 条").replace("%1", str(self.event_counts[ind.id])))))
        if ind.score is not None:
            rows.append(self._row(self.tr("分值"), f"{ind.score:g}"))
        for role in ("lead", "responsible", "cooperate"):
            names = [a.name + (self.tr("（分组）") if a.is_group else "") + (self.tr("（已停用）") if a.retired else "")
                     for a in ind.assignments if a.role == role]
            if names:
                rows.append(self._row(role_label(role), escape("、".join(names))))
        if ind.deadline:
            rows.append(self._row(self.tr("完成时限"), escape(ind.deadline)))
        html = [f"<h3>{escape(ind.code)} {escape(ind.name)}</h3><table>{''.join(rows)}</table>"]
        if ind.criteria:
            html.append(f"<h4>{escape(self.tr('考评内容及标准'))}</h4><p>{escape(ind.criteria)}</p>")
        if ind.subtasks:
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in
                           (self.tr("序号"), self.tr("任务内容"), self.tr("责任处室"), self.tr("责任人"), self.tr("完成时限")))
            body = "".join(f"<tr><td>{s.position}</td><td>{escape(s.name)}</td><td>{escape(s.division_name)}</td>"
                           f"<td>{escape(s.person)}</td><td>{escape(s.deadline)}</td></tr>" for s in ind.subtasks)
            html.append(f"<h4>{escape(self.tr('任务分解'))}</h4><table border='1' cellspacing='0' cellpadding='3'>"
                        f"<tr>{head}</tr>{body}</table>")
        return "".join(html)

    def _subtask_html(self, sub: Subtask) -> str:
        rows = [self._row(self.tr("责任处室"), escape(sub.division_name or self.tr("（未指定）"))),
                self._row(self.tr("责任人"), escape(sub.person)),
                self._row(self.tr("完成时限"), escape(sub.deadline or self.tr("（未设定）")))]
        note = f"<p>{escape(sub.note)}</p>" if sub.note else ""
        return f"<h3>{escape(self.tr('子任务'))} {sub.position}：{escape(sub.name)}</h3><table>{''.join(rows)}</table>{note}"
