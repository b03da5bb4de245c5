"""The 看板 tab's panels: the status grid, the small tables and the chart, laid out for the
screen (side panels beside or below the grid) and for one A4 landscape page, and filled from
one dashboard_read.DashboardData on the GUI thread.

Statuses are written as words as well as coloured, so a black-and-white print reads alike.
The chart is drawn by chart_widget.QuantChart with QPainter, as services.charts draws it for
the PDF reports, so the tab does not need reportlab.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHeaderView, QLabel, QTableView, QTableWidget,
                               QTableWidgetItem, QWidget)

from ..core import dispatch as rules
from ..services import dashboard
from .chart_widget import QuantChart
from .month_model import STATUS_COLORS, status_label

if TYPE_CHECKING:
    from .dashboard_read import DashboardData

CHART_SIZE = (800, 300)
ROW_HEIGHT = 22
FLAGGED = (248, 208, 206)  # a record that needs the liaison's attention


_FONTS: list[QFont] = []
_BRUSHES: dict[str, QBrush] = {}
_DISPLAY, _BACKGROUND, _FONT, _ALIGNMENT, _TOOLTIP, _USER = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))
# asked for every cell at every repaint, never answered
_UNUSED_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole,
                                           Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.SizeHintRole))
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def _bold() -> QFont:
    """One bold font for every cell and header that needs it (made after the QApplication)."""
    if not _FONTS:
        font = QFont()
        font.setBold(True)
        _FONTS.append(font)
    return _FONTS[0]


def _status_brush(status: str) -> QBrush:
    brush = _BRUSHES.get(status)
    if brush is None:
        brush = _BRUSHES[status] = QBrush(QColor(STATUS_COLORS.get(status, "#ffffff")))
    return brush


class StatusGridModel(QAbstractTableModel):
    """Rows: second-level indicators; columns: the twelve months; cells: the most urgent status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.indicators: list[tuple[int, str, str]] = []
        self.months: list[str] = []
        self.cells: dict[tuple[int, str], str | None] = {}
        self.current = ""  # the 截至 month, shown in bold
        # what the cells ask for at every repaint, worked out once per refresh
        self._statuses: list[list[str | None]] = []
        self._words: dict[str | None, str] = {}
        self._month_words: list[str] = []

    def set_grid(self, grid: tuple[list[Any], list[str], dict[Any, str | None]], current: str) -> None:
        self.beginResetModel()
        self.indicators, self.months, self.cells = grid
        self.current = current
        self._statuses = [[self.cells.get((ind_id, month)) for month in self.months]
                          for ind_id, _code, _name in self.indicators]
        self._month_words = [self.tr("%1月").replace("%1", str(int(month[5:7]))) for month in self.months]
        self._words = {rules.DONE: self.tr("完成"), rules.IN_PROGRESS: self.tr("推进"), rules.LATE: self.tr("滞后"),
                       rules.NOT_STARTED: self.tr("未启"), rules.NOT_APPLICABLE: self.tr("不适用")}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.indicators)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.months)

    def short(self, status: str | None) -> str:
        """The status in a word that fits a cell (and reads without its colour)."""
        return self._words.get(status, "—")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._month_words[section]
            if role == Qt.ItemDataRole.FontRole and self.months[section] == self.current:
                return _bold()
            return None
        _id, code, name = self.indicators[section]
        return f"{code} {name}" if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _UNUSED_ROLES or not index.isValid():
            return None
        status = self._statuses[index.row()][index.column()]
        if role == _DISPLAY:
            return self._words.get(status, "—")
        if role == _BACKGROUND:
            return None if status is None else _status_brush(status)
        if role == _FONT:
            return _bold() if status == rules.LATE else None
        if role == _ALIGNMENT:
            return _CENTER
        if role == _USER:
            return status
        if role == _TOOLTIP:
            _id, code, name = self.indicators[index.row()]
            what = status_label(status) if status else self.tr("本月未调度")
            return self.tr("%1 %2，%3：%4").replace("%1", code).replace("%2", name) \
                .replace("%3", self.months[index.column()]).replace("%4", what)
        return None


def small_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: list[list[str]], centered: tuple[int, ...]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in centered:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)


class DashboardPanels(QWidget):
    """What the tab shows and prints (the view puts it in a scroll area under its tool bar):
    status grid, late items per division, the quantitative chart, supervised items by status,
    the next deadlines, the plan's records flagged and the divisions' on-time returns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.grid_model = StatusGridModel(self)
        self.grid = QTableView(self)
        self.grid.setModel(self.grid_model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.grid.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid.verticalHeader().setMaximumWidth(260)
        self.grid.horizontalHeader().setDefaultSectionSize(46)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.late_caption = QLabel(self)
        self.late_table = small_table(self, [self.tr("处室"), self.tr("滞后（月调度）"), self.tr("逾期督办（牵头）")])
        self.chart = QuantChart(self)
        self.chart.setFixedSize(*CHART_SIZE)
        self.supervision_table = small_table(self, [
            self.tr("待签收"), self.tr("办理中"), self.tr("已办结"), self.tr("已报结"), self.tr("已销号"),
            self.tr("逾期")])
        self.supervision_table.setFixedHeight(ROW_HEIGHT * 2 + 8)
        self.supervision_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.supervision_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.late_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.deadline_table = small_table(self, [self.tr("期限"), self.tr("状态"), self.tr("事项")])
        # what the plan asks the liaison to keep, flagged, and the divisions' on-time returns (issue 16)
        self.flags_table = small_table(self, [self.tr("考评记录"), self.tr("情况")])
        self.flags_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rates_caption = QLabel(self)
        self.rates_table = small_table(self, [self.tr("处室"), self.tr("应交"), self.tr("按时"), self.tr("逾期"),
                                              self.tr("未交"), self.tr("退回"), self.tr("按时交回率")])
        self.rates_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        body = QGridLayout(self)
        body.addWidget(self.title, 0, 0, 1, 2)
        body.addWidget(QLabel(self.tr("各指标月度状态（取各处室、子任务中最紧要者）"), self), 1, 0)
        body.addWidget(self.grid, 2, 0, 3, 1)
        body.addWidget(QLabel(self.tr("量化指标与目标"), self), 5, 0)
        body.addWidget(self.chart, 6, 0, 2, 1)
        body.addWidget(QLabel(self.tr("考评记录（需关注的标为【缺】或红色）"), self), 8, 0)
        body.addWidget(self.flags_table, 9, 0)
        self.body = body
        self.side = [self.late_caption, self.late_table, QLabel(self.tr("交办督办事项"), self),
                     self.supervision_table, QLabel(self.tr("近期待办"), self), self.deadline_table]
        self.wide = False
        self.arrange(True)

    def arrange(self, wide: bool) -> None:
        """Side panels beside the grid and the chart (wide, and always on paper), or below
        them when the tab is narrower (1366 x 768 with the 待办 dock: they were a sliver)."""
        if wide == self.wide:
            return
        self.wide = wide
        for w in self.side:
            self.body.removeWidget(w)
        for w in (self.rates_caption, self.rates_table):
            self.body.removeWidget(w)
        for i, w in enumerate(self.side):
            row, span = (1 + i, 2 if i == len(self.side) - 1 else 1) if wide else (10 + i, 1)
            self.body.addWidget(w, row, 1 if wide else 0, span, 1)
        # the divisions' on-time returns: beside the records when wide, last when narrow
        self.body.addWidget(self.rates_caption, 8 if wide else 16, 1 if wide else 0)
        self.body.addWidget(self.rates_table, 9 if wide else 17, 1 if wide else 0)
        self.body.setColumnStretch(0, 3)
        self.body.setColumnStretch(1, 2 if wide else 0)

    # -- filled from one read -----------------------------------------------------------
    def show_data(self, data: DashboardData) -> None:
        month = data.month
        self.title.setText(self.tr("营商环境工作看板：%1年，截至%2月")
                           .replace("%1", str(data.year)).replace("%2", str(int(month[5:7]))))
        self.grid_model.set_grid(data.grid, month)
        frame = 2 * self.grid.frameWidth()  # the whole grid shows, on screen and on paper
        self.grid.setFixedHeight(self.grid.horizontalHeader().sizeHint().height()
                                 + self.grid.verticalHeader().length() + frame)
        self.grid.setMinimumWidth(self.grid.verticalHeader().sizeHint().width()
                                  + self.grid.horizontalHeader().length() + frame)
        self._show_late(data)
        labels = [self.tr("%1月").replace("%1", str(m)) for m in range(1, 13)]
        self.chart.set_series(data.series, labels, self.tr("目标"))
        counts = data.supervision
        fill(self.supervision_table, [[str(counts[s]) for s in (*dashboard.SUPERVISION_STATUSES,
                                                                dashboard.OVERDUE)]], tuple(range(6)))
        self._show_deadlines(data)
        self._show_records(data)

    def _show_late(self, data: DashboardData) -> None:
        month = data.month
        month_text = self.tr("%1年%2月").replace("%1", month[:4]).replace("%2", str(int(month[5:7])))
        if data.late:
            self.late_caption.setText(self.tr("各处室滞后与逾期：%1").replace("%1", month_text))
        else:
            self.late_caption.setText(self.tr("各处室滞后与逾期：%1，没有滞后或逾期事项").replace("%1", month_text))
        fill(self.late_table, [[name or self.tr("（未指定处室）"), str(late), str(overdue)]
                               for name, late, overdue in data.late], (1, 2))

    def _show_deadlines(self, data: DashboardData) -> None:
        """The same items and working-day counts as the 待办 panel (it counted calendar days
        and left out what was overdue)."""
        from .deadline_panel import OVERDUE_COLOR, state_text

        day, items = data.request.today, data.deadlines
        fill(self.deadline_table, [[d.due.isoformat(), state_text(d, day, data.calendar), d.title]
                                   for d in items], (1,))
        for row, d in enumerate(items):
            for col in range(3) if d.overdue(day) else ():
                cell = self.deadline_table.item(row, col)
                if cell is not None:
                    cell.setBackground(OVERDUE_COLOR)
        self.deadline_table.resizeColumnToContents(0)
        self.deadline_table.resizeColumnToContents(1)

    def _show_records(self, data: DashboardData) -> None:
        """The flags of the plan's records and each division's on-time return rate (DHIS2-style)."""
        found = data.flags
        fill(self.flags_table, [[f.label, f.text] for f in found], ())
        for r, f in enumerate(found):
            if f.flagged:
                for c in range(2):
                    cell = self.flags_table.item(r, c)
                    assert cell is not None
                    cell.setBackground(QBrush(QColor(*FLAGGED)))
                    if c == 1:
                        cell.setText(self.tr("【缺】%1").replace("%1", f.text))
        self.flags_table.resizeColumnToContents(0)
        self.flags_table.setFixedHeight(ROW_HEIGHT * (len(found) + 1) + 8)
        self.rates_caption.setText(self.tr("各处室按时交回率（%1年，截止当月最后一个工作日）").replace("%1", str(data.year)))
        fill(self.rates_table, [[t.division, str(t.expected), str(t.on_time), str(t.late), str(t.missing),
                                 str(t.sent_back), "—" if t.rate is None else f"{t.rate:g}%"] for t in data.rates],
             (1, 2, 3, 4, 5, 6))
