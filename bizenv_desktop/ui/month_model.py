"""Table model of one month's dispatch rows, with last month's values for comparison.

Holds a services.dispatch.Month loaded in two queries; cell edits go to the controller
as one action each. Changed cells (against last month) are marked for the view.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core import dispatch as rules
from ..services import dispatch
from ..services.dispatch_read import DispatchRow, Month

(COL_INDICATOR, COL_SUBTASK, COL_DIVISION, COL_STATUS, COL_PROGRESS, COL_PROBLEMS, COL_NEXT, COL_PERSON,
 COL_NUMERATOR, COL_DENOMINATOR, COL_VALUE, COL_TARGET, COL_MET, COL_REMARKS, COL_EVIDENCE) = range(15)
FIELD_OF = {COL_STATUS: "status", COL_PROGRESS: "progress", COL_PROBLEMS: "problems", COL_NEXT: "next_steps",
            COL_PERSON: "person", COL_NUMERATOR: "numerator", COL_DENOMINATOR: "denominator", COL_VALUE: "value",
            COL_REMARKS: "remarks"}
HEADERS = (QT_TRANSLATE_NOOP("MonthModel", "指标"), QT_TRANSLATE_NOOP("MonthModel", "子任务"),
           QT_TRANSLATE_NOOP("MonthModel", "责任处室"), QT_TRANSLATE_NOOP("MonthModel", "状态"),
           QT_TRANSLATE_NOOP("MonthModel", "本月进展"), QT_TRANSLATE_NOOP("MonthModel", "存在问题"),
           QT_TRANSLATE_NOOP("MonthModel", "下步打算"), QT_TRANSLATE_NOOP("MonthModel", "责任人"),
           QT_TRANSLATE_NOOP("MonthModel", "分子"), QT_TRANSLATE_NOOP("MonthModel", "分母"),
           QT_TRANSLATE_NOOP("MonthModel", "数值"), QT_TRANSLATE_NOOP("MonthModel", "目标"),
           QT_TRANSLATE_NOOP("MonthModel", "达标"), QT_TRANSLATE_NOOP("MonthModel", "配合处室意见"),
           QT_TRANSLATE_NOOP("MonthModel", "佐证"))
STATUS_NAMES = {s: s for s in (QT_TRANSLATE_NOOP("MonthModel", "未启动"), QT_TRANSLATE_NOOP("MonthModel", "推进中"),
                               QT_TRANSLATE_NOOP("MonthModel", "已完成"), QT_TRANSLATE_NOOP("MonthModel", "滞后"),
                               QT_TRANSLATE_NOOP("MonthModel", "不适用"))}
STATUS_COLORS = {rules.DONE: "#c8e6c9", rules.LATE: "#ffcdd2", rules.IN_PROGRESS: "#fff9c4",
                 rules.NOT_STARTED: "#eceff1", rules.NOT_APPLICABLE: "#f5f5f5"}
CHANGED_COLOR = QColor("#fff3c4")
STATUS_ROLE = Qt.ItemDataRole.UserRole + 10  # the stored (Chinese) status of the row
ROW_ROLE = Qt.ItemDataRole.UserRole + 11      # the DispatchRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 12     # plan order for the indicator, numbers as numbers
_DISPLAY, _EDIT, _BACKGROUND, _FONT, _ALIGNMENT, _TOOLTIP = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole))
# asked for every cell, never answered: decoration, check box, text colour, size hint
_UNUSED_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole,
                                           Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.SizeHintRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_BRUSHES: dict[str, QBrush] = {}
_FONTS: list[QFont] = []


def _brushes() -> dict[str, QBrush]:
    """Cell backgrounds by status ('' for others), plus 'changed', 'met' and 'not met'; made
    on first use (after the QApplication) and shared by every cell."""
    if not _BRUSHES:
        _BRUSHES.update({s: QBrush(QColor(c)) for s, c in STATUS_COLORS.items()})
        _BRUSHES.update({"": QBrush(QColor("#ffffff")), "changed": QBrush(CHANGED_COLOR),
                         "met": QBrush(QColor("#c8e6c9")), "not met": QBrush(QColor("#ffcdd2"))})
    return _BRUSHES


def _bold_font() -> QFont:
    if not _FONTS:
        font = QFont()
        font.setBold(True)
        _FONTS.append(font)
    return _FONTS[0]


STATUS_ORDER = {s: i for i, s in enumerate((rules.LATE, rules.NOT_STARTED, rules.IN_PROGRESS, rules.DONE,
                                            rules.NOT_APPLICABLE))}


def translated(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("MonthModel", …)."""
    return QCoreApplication.translate("MonthModel", text)


def status_label(status: str) -> str:
    return translated(STATUS_NAMES.get(status, status))


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class MonthModel(QAbstractTableModel):
    def __init__(self, controller: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.month: Month | None = None

    def set_month(self, month: Month | None) -> bool:
        """Show month; when it has the same rows as now, only cell data changes, so an
        editor the user opened on another cell stays open. True if the model was reset."""
        same = (month is not None and self.month is not None and month.month == self.month.month
                and [r.id for r in month.rows] == [r.id for r in self.month.rows])
        if same:
            old, self.month = self.month, month
            last = len(HEADERS) - 1
            for i, (before, after) in enumerate(zip(old.rows, month.rows)):
                if before != after or self._change(old, before) != self._change(month, after):
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return False
        self.beginResetModel()
        self.month = month
        self.endResetModel()
        return True

    @staticmethod
    def _change(month: Month, row: DispatchRow) -> Any:
        return month.diff.changes.get(row.key), month.previous.get(row.key)

    def row_at(self, row: int) -> DispatchRow:
        assert self.month is not None
        return self.month.rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.month is None else len(self.month.rows)

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        # The proxy asks for a source index for every role of every painted cell; Qt's own index()
        # would call rowCount and columnCount here (two calls into Python) each time: one call does.
        if self.month is None or not (0 <= row < len(self.month.rows) and 0 <= column < len(HEADERS)) \
                or parent.isValid():
            return QModelIndex()
        return self.createIndex(row, column)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return translated(HEADERS[section]) if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def changed_fields(self, row: DispatchRow) -> tuple[str, ...]:
        if self.month is None or not self.month.previous:
            return ()
        change = self.month.diff.changes.get(row.key)
        return change.fields if change else ()

    def text(self, row: DispatchRow, col: int) -> str:
        if col == COL_INDICATOR:
            return f"{row.indicator_code} {row.indicator_name}"
        if col == COL_SUBTASK:
            return row.subtask_name
        if col == COL_DIVISION:
            return row.division_name
        if col == COL_STATUS:
            return status_label(row.status)
        if col in (COL_NUMERATOR, COL_DENOMINATOR, COL_VALUE):
            if col == COL_VALUE and row.kind == "quantitative" and row.value is None:
                return number_text(row.figure)  # the computed rate
            return number_text(getattr(row, FIELD_OF[col]))
        if col == COL_TARGET:
            return row.target.text() if row.target else ""
        if col == COL_MET:
            return {True: self.tr("达标"), False: self.tr("未达标"), None: ""}[row.target_met]
        if col == COL_EVIDENCE:
            return str(row.evidence_count) if row.evidence_count else ""
        return str(getattr(row, FIELD_OF[col]))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked some seven times per visible cell on every repaint: the roles the view asks
        # for most are answered first, and the brushes are made once (see _brushes).
        if role in _UNUSED_ROLES or self.month is None or not index.isValid():
            return None
        row, col = self.month.rows[index.row()], index.column()
        if role == _DISPLAY:
            return self.text(row, col)
        if role == _BACKGROUND:
            brushes = _brushes()
            if col == COL_STATUS:
                return brushes.get(row.status, brushes[""])
            field = FIELD_OF.get(col)
            if field and field in self.changed_fields(row):
                return brushes["changed"]
            if col == COL_MET and row.target_met is not None:
                return brushes["met" if row.target_met else "not met"]
            return None
        if role == _FONT:
            return _bold_font() if col == COL_STATUS and "status" in self.changed_fields(row) else None
        if role == _ALIGNMENT:
            return _RIGHT if col in (COL_NUMERATOR, COL_DENOMINATOR, COL_VALUE) else None
        field = FIELD_OF.get(col)
        if role == _EDIT:
            if col == COL_STATUS:
                return row.status
            value = getattr(row, field) if field else None
            return number_text(value) if col in (COL_NUMERATOR, COL_DENOMINATOR, COL_VALUE) else value
        if role == STATUS_ROLE:
            return row.status
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            if col == COL_INDICATOR:
                return index.row()
            if col == COL_STATUS:
                return STATUS_ORDER.get(row.status, 9)
            if col in (COL_NUMERATOR, COL_DENOMINATOR, COL_VALUE):
                value = row.figure if col == COL_VALUE and row.value is None else getattr(row, field or "")
                return float("-inf") if value is None else value
            return self.text(row, col)
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        return None

    def _tooltip(self, row: DispatchRow, col: int) -> str | None:
        field = FIELD_OF.get(col)
        if self.month is None or field is None or field not in self.changed_fields(row):
            return self.text(row, col) or None
        old = self.month.previous.get(row.key)
        if old is None:
            return self.tr("上月没有这一行")
        before = getattr(old, field)
        shown = status_label(before) if field == "status" else ("" if before is None else str(before))
        return self.tr("上月：%1").replace("%1", shown or self.tr("（空）"))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if self.month is not None and not self.month.closed and index.column() in FIELD_OF:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.month is None:
            return False
        row, field = self.month.rows[index.row()], FIELD_OF.get(index.column())
        if field is None:
            return False
        current = getattr(row, field)
        if (number_text(current) if isinstance(current, float) or current is None else current) == (value or ""):
            return False
        label = self.tr("填写 %1 %2 的%3").replace("%1", row.month).replace("%2", row.label) \
            .replace("%3", translated(HEADERS[index.column()]))
        row_id = row.id
        return self.controller.run(label, lambda w: dispatch.update_row(w, row_id, **{field: value}))
