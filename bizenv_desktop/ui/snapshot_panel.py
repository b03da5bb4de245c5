"""与季度快照比较: what changed in a quarter since the snapshot kept when its last month was
closed (services.snapshots). A side panel of the month view: set_month(month) picks the quarter;
it reads when shown (a comparison reads the quarter's rows twice).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..core.errors import BizenvError
from ..services import snapshots

if TYPE_CHECKING:  # PySide6's stub returns object; the marked text is the string itself
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CTX = "SnapshotPanel"
AREAS = {"dispatch": QT_TRANSLATE_NOOP("SnapshotPanel", "月调度"),
         "supervision": QT_TRANSLATE_NOOP("SnapshotPanel", "督办事项"),
         "self_evaluation": QT_TRANSLATE_NOOP("SnapshotPanel", "自评"),
         "ranking": QT_TRANSLATE_NOOP("SnapshotPanel", "排名")}
FIELDS = {"status": QT_TRANSLATE_NOOP("SnapshotPanel", "状态"), "progress": QT_TRANSLATE_NOOP("SnapshotPanel", "进展"),
          "problems": QT_TRANSLATE_NOOP("SnapshotPanel", "存在问题"),
          "next_steps": QT_TRANSLATE_NOOP("SnapshotPanel", "下步打算"),
          "numerator": QT_TRANSLATE_NOOP("SnapshotPanel", "分子"), "denominator": QT_TRANSLATE_NOOP("SnapshotPanel", "分母"),
          "value": QT_TRANSLATE_NOOP("SnapshotPanel", "数值"), "deadline": QT_TRANSLATE_NOOP("SnapshotPanel", "办结时限"),
          "done_on": QT_TRANSLATE_NOOP("SnapshotPanel", "办结日期"),
          "reported_on": QT_TRANSLATE_NOOP("SnapshotPanel", "报结日期"),
          "closed_on": QT_TRANSLATE_NOOP("SnapshotPanel", "销号日期"), "rating": QT_TRANSLATE_NOOP("SnapshotPanel", "等次"),
          "score": QT_TRANSLATE_NOOP("SnapshotPanel", "得分"), "rank": QT_TRANSLATE_NOOP("SnapshotPanel", "名次"),
          "of": QT_TRANSLATE_NOOP("SnapshotPanel", "参评总数"), "benchmark": QT_TRANSLATE_NOOP("SnapshotPanel", "对标地区")}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class SnapshotPanel(QWidget):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.quarter = ""
        self.picker = QComboBox(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("季度：")))
        top.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        self.picker.activated.connect(lambda _i: self.show_quarter(self.picker.currentData()))

    def set_month(self, month: str) -> None:
        """Offer the quarters with snapshots; start at the month's quarter (or the latest)."""
        periods = list(dict.fromkeys(p for _id, p, _at in snapshots.list_snapshots(self.controller.db)))
        wanted = f"{month[:4]}Q{(int(month[5:7]) - 1) // 3 + 1}" if month else ""
        self.picker.clear()
        for p in sorted(periods, reverse=True):
            self.picker.addItem(self.tr("%1年第%2季度").replace("%1", p[:4]).replace("%2", p[5]), p)
        chosen = wanted if wanted in periods else (max(periods) if periods else "")
        self.picker.setCurrentIndex(max(0, self.picker.findData(chosen)))
        self.show_quarter(chosen)

    def show_quarter(self, period: str) -> None:
        self.quarter = period or ""
        if not period:
            self.text.setPlainText(self.tr("还没有季度快照：关闭某季度最后一个月的月调度时自动保存。"))
            return
        try:
            diff = snapshots.compare(self.controller.db, period)
        except BizenvError as exc:
            self.text.setPlainText(str(exc))
            return
        lines = [self.tr("与 %1 保存的快照相比：%2 处变化").replace("%1", diff.taken_at.replace("T", " "))
                 .replace("%2", str(len(diff.differences)))]
        for d in diff.differences:
            area = _tr(AREAS.get(d.area, d.area))
            if not d.field:
                change = self.tr("快照后新增") if d.before is None else self.tr("快照后删除")
                lines.append(f"• [{area}] {d.label}：{change}")
            else:
                field = _tr(FIELDS.get(d.field, d.field))
                before = "" if d.before is None else str(d.before)
                after = "" if d.after is None else str(d.after)
                empty = self.tr("（空）")
                lines.append(f"• [{area}] {d.label} {field}：{before or empty} → {after or empty}")
        self.text.setPlainText("\n".join(lines))

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()
