"""The 督办事项 ledger's table: its columns, colours and model, and the one read that fills it.

read_ledger runs in a worker (supervision_view reads in the background after a change): no Qt
there. The model's headers and texts keep the SupervisionView translation context.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..services import plan_read, supervision, supervision_watch
from ..services.supervision import SupervisionItem
from ..services.supervision_watch import Watch
from ..storage.database import Database
from .rows_model import RowsModel
from .supervision_chase import warning_label
from .supervision_dialog import source_label, status_label

if TYPE_CHECKING:  # PySide6's stub returns object; the marked text is the string itself
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["SupervisionModel", "Ledger", "read_ledger"]

CTX = "SupervisionView"
(COL_NO, COL_SOURCE, COL_RECEIVED, COL_CONTENT, COL_LEAD, COL_COOP, COL_DEADLINE, COL_PROGRESS, COL_STATUS,
 COL_DUE, COL_WARNING, COL_URGED) = range(12)
HEADERS = (QT_TRANSLATE_NOOP("SupervisionView", "编号"), QT_TRANSLATE_NOOP("SupervisionView", "来源"),
           QT_TRANSLATE_NOOP("SupervisionView", "交办日期"), QT_TRANSLATE_NOOP("SupervisionView", "事项内容"),
           QT_TRANSLATE_NOOP("SupervisionView", "牵头处室"), QT_TRANSLATE_NOOP("SupervisionView", "配合处室"),
           QT_TRANSLATE_NOOP("SupervisionView", "办结时限"), QT_TRANSLATE_NOOP("SupervisionView", "办理进度"),
           QT_TRANSLATE_NOOP("SupervisionView", "状态"), QT_TRANSLATE_NOOP("SupervisionView", "逾期"),
           QT_TRANSLATE_NOOP("SupervisionView", "预警"), QT_TRANSLATE_NOOP("SupervisionView", "催办"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 31
OVERDUE_BG = QColor(248, 208, 206)
OVERDUE_FG = QColor(0, 0, 0)
WARNING_BG = {"红": QColor(252, 228, 214), "黄": QColor(255, 242, 204)}  # light: the text says 红 / 黄


class SupervisionModel(RowsModel):
    CONTEXT, HEADERS = CTX, HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SupervisionItem] = []
        self.left: dict[int, int] = {}  # item id -> working days to its deadline
        self.watch: dict[int, Watch] = {}  # item id -> warning level, next date, 催办 count

    def set_rows(self, rows: list[SupervisionItem], left: dict[int, int], watch: dict[int, Watch] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.left = rows, left
        self.watch = watch or {}
        self.endResetModel()

    def level(self, item: SupervisionItem) -> str:
        w = self.watch.get(item.id)
        return w.level if w else ""

    def warning_text(self, item: SupervisionItem) -> str:
        w = self.watch.get(item.id)
        if w is None or not w.level:
            return ""
        if w.next_kind == "feedback" and w.next_due is not None:
            return self.tr("%1（%2 应反馈）").replace("%1", warning_label(w.level)).replace("%2", w.next_due.isoformat())
        return warning_label(w.level)

    def urged_text(self, item: SupervisionItem) -> str:
        w = self.watch.get(item.id)
        return self.tr("%1 次").replace("%1", str(w.reminders)) if w and w.reminders else ""

    def due_text(self, item: SupervisionItem) -> str:
        if item.overdue:
            return self.tr("逾期 %n 天", "", item.days_overdue)
        if item.id in self.left:
            n = self.left[item.id]
            return self.tr("今日到期") if n == 0 else self.tr("剩 %n 个工作日", "", n)
        return ""

    def text(self, item: SupervisionItem, col: int) -> str:
        sep = self.tr("、")
        return (item.no, source_label(item.source), item.received_on, item.content, sep.join(item.lead_names),
                sep.join(item.cooperating_names), item.deadline_shown, item.progress, status_label(item.status),
                self.due_text(item), self.warning_text(item), self.urged_text(item))[col]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and item.overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.BackgroundRole and self.level(item) in WARNING_BG:
            return QBrush(WARNING_BG[self.level(item)])
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(OVERDUE_FG)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_STATUS and item.status_date:
                return status_label(item.status) + " " + item.status_date
            if index.column() == COL_CONTENT and item.note:
                return item.content + "\n" + item.note
            return self.text(item, index.column()) or None
        if role == ROW_ROLE:
            return item
        return None


@dataclass
class Ledger:
    """Everything the tab shows, read in one go (in a worker: no Qt here)."""

    items: list[SupervisionItem]
    left: dict[int, int]            # item id -> working days to its deadline
    counts: dict[str, int]
    haystack: dict[int, str]        # item id -> the lower-case text the search box looks in
    divisions: list[tuple[int, str]]
    watch: dict[int, Watch]         # item id -> warning level, next date, 催办 count, feedback dates


def read_ledger(db: Database, today: date) -> Ledger:
    items = supervision.list_items(db, today=today)
    haystack = {i.id: "\n".join((i.no, i.source, i.content, i.deadline_text, i.progress, i.closure_report,
                                 i.accountability, i.note, *i.lead_names, *i.cooperating_names)).lower()
                for i in items}
    return Ledger(items, supervision.workdays_left(db, items, today), supervision.counts(db, today), haystack,
                  [(d.id, d.name) for d in plan_read.list_divisions(db)], supervision_watch.watch(db, today))

