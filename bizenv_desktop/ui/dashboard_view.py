"""The 看板 tab: where the year stands, on one screen and one printed A4 landscape page.

Each panel is one call of services.dashboard (a few queries each); the chart is drawn by
chart_widget.QuantChart with QPainter, as services.charts draws it for the PDF reports,
so the tab does not need reportlab.
Statuses are written as words as well as coloured, so a black-and-white print reads alike.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QRegion
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..core import dispatch as rules
from ..services import dashboard, plan_read
from ..services import dispatch as dispatch_service
from .chart_widget import QuantChart
from .lazy import ReloadWhenShown
from .month_model import STATUS_COLORS, status_label

CHART_SIZE = (800, 300)
ROW_HEIGHT = 22
PRINT_SCALE = 3.0  # screen pixels to image pixels when printing: about 300 dpi on A4


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


def _small_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], centered: tuple[int, ...]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in centered:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)


class DashboardView(ReloadWhenShown, QWidget):
    """The 看板 tab: status grid, late items per division, the quantitative chart,
    supervised items by status and the next deadlines."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "calendar_year", "deadline_done", "dimension", "dispatch_month",
                         "dispatch_row", "division", "evidence", "evidence_link", "form_return", "form_sendback",
                         "indicator", "liaison", "plan_year", "publication", "ranking", "setting", "subtask",
                         "supervision_division", "supervision_feedback", "supervision_item",
                         "supervision_reminder", "work_plan", "workday_override"})

    def __init__(self, controller: Any, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.today = today  # None: the real today, read at each refresh
        self.year = 0
        self.month = ""
        self.year_box = QComboBox(self)
        self.month_box = QComboBox(self)
        for m in range(1, 13):
            self.month_box.addItem(self.tr("%1月").replace("%1", str(m)), m)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.content = QWidget(self)
        self.title = QLabel(self.content)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.grid_model = StatusGridModel(self)
        self.grid = QTableView(self.content)
        self.grid.setModel(self.grid_model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.grid.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid.verticalHeader().setMaximumWidth(260)
        self.grid.horizontalHeader().setDefaultSectionSize(46)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.late_caption = QLabel(self.content)
        self.late_table = _small_table(self.content, [self.tr("处室"), self.tr("滞后（月调度）"),
                                                      self.tr("逾期督办（牵头）")])
        self.chart = QuantChart(self.content)
        self.chart.setFixedSize(*CHART_SIZE)
        self.supervision_table = _small_table(self.content, [
            self.tr("待签收"), self.tr("办理中"), self.tr("已办结"), self.tr("已报结"), self.tr("已销号"),
            self.tr("逾期")])
        self.supervision_table.setFixedHeight(ROW_HEIGHT * 2 + 8)
        self.supervision_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.supervision_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.late_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.deadline_table = _small_table(self.content, [self.tr("期限"), self.tr("状态"), self.tr("事项")])
        # what the plan asks the liaison to keep, flagged, and the divisions' on-time returns (issue 16)
        self.flags_table = _small_table(self.content, [self.tr("考评记录"), self.tr("情况")])
        self.flags_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rates_caption = QLabel(self.content)
        self.rates_table = _small_table(self.content, [self.tr("处室"), self.tr("应交"), self.tr("按时"), self.tr("逾期"),
                                                       self.tr("未交"), self.tr("退回"), self.tr("按时交回率")])
        self.rates_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._layout()
        self.year_box.activated.connect(lambda _i: self.set_year(self.year_box.currentData()))
        self.month_box.activated.connect(lambda _i: self.set_month(self.month_box.currentData()))
        self.print_button.clicked.connect(self.print_dashboard)
        self.watch(controller)
        # Read once this event-loop turn is over (the window may set the year first), shown or
        # not: a tab built after the window's first paint then only paints when first shown.
        self._stale = True
        QTimer.singleShot(0, self._read_ahead)

    def _read_ahead(self) -> None:
        if self._stale and not self.isVisible() and not getattr(self.controller.db, "closed", False):
            self._stale = False
            self.refresh()

    def reload(self) -> None:
        self.refresh()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度：")))
        top.addWidget(self.year_box)
        top.addWidget(QLabel(self.tr("截至：")))
        top.addWidget(self.month_box)
        top.addStretch(1)
        top.addWidget(self.print_button)
        body = QGridLayout(self.content)
        body.addWidget(self.title, 0, 0, 1, 2)
        body.addWidget(QLabel(self.tr("各指标月度状态（取各处室、子任务中最紧要者）"), self.content), 1, 0)
        body.addWidget(self.grid, 2, 0, 3, 1)
        body.addWidget(QLabel(self.tr("量化指标与目标"), self.content), 5, 0)
        body.addWidget(self.chart, 6, 0, 2, 1)
        body.addWidget(QLabel(self.tr("考评记录（需关注的标为【缺】或红色）"), self.content), 8, 0)
        body.addWidget(self.flags_table, 9, 0)
        self.body = body
        self.side = [self.late_caption, self.late_table, QLabel(self.tr("交办督办事项"), self.content),
                     self.supervision_table, QLabel(self.tr("近期待办"), self.content), self.deadline_table]
        self.wide = False
        self._arrange(True)
        scroll = QScrollArea(self)
        scroll.setWidget(self.content)
        scroll.setWidgetResizable(True)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def _arrange(self, wide: bool) -> None:
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

    SIDE_WIDTH = 420  # what the side panels need beside the grid

    def _fit_layout(self) -> None:
        room = self.scroll_area.viewport().width()
        self._arrange(room >= self.grid.minimumWidth() + self.SIDE_WIDTH + 40)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_layout()

    # -- what is shown ------------------------------------------------------------------
    def _today(self) -> date:
        return self.today or date.today()

    def _default_month(self, year: int) -> str:
        months = [m["month"] for m in dispatch_service.list_months(self.controller.db, year)]
        today = self._today()
        if months:
            return months[-1]
        return f"{year:04d}-{today.month if today.year == year else 12:02d}"

    def refresh(self) -> None:
        db = self.controller.db
        years = plan_read.list_years(db)
        if self.year not in years:
            today = self._today().year
            self.year = today if today in years else (years[-1] if years else today)
            self.month = ""
        if not self.month or int(self.month[:4]) != self.year:
            self.month = self._default_month(self.year)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in years:
            self.year_box.addItem(self.tr("%1年").replace("%1", str(y)), y)
        self.year_box.setCurrentIndex(self.year_box.findData(self.year))
        self.year_box.blockSignals(False)
        self.month_box.setCurrentIndex(self.month_box.findData(int(self.month[5:7])))
        self.title.setText(self.tr("营商环境工作看板：%1年，截至%2月")
                           .replace("%1", str(self.year)).replace("%2", str(int(self.month[5:7]))))
        self.grid_model.set_grid(dashboard.status_grid(db, self.year), self.month)
        frame = 2 * self.grid.frameWidth()  # the whole grid shows, on screen and on paper
        self.grid.setFixedHeight(self.grid.horizontalHeader().sizeHint().height()
                                 + self.grid.verticalHeader().length() + frame)
        self.grid.setMinimumWidth(self.grid.verticalHeader().sizeHint().width()
                                  + self.grid.horizontalHeader().length() + frame)
        self._show_late(db)
        self._show_chart(db)
        today = self._today()
        counts = dashboard.supervision_by_status(db, today)
        _fill(self.supervision_table, [[str(counts[s]) for s in (*dashboard.SUPERVISION_STATUSES,
                                                                   dashboard.OVERDUE)]], tuple(range(6)))
        # the same items and working-day counts as the 待办 panel (it counted calendar days and
        # left out what was overdue)
        from ..services.calendar import load_calendar
        from .deadline_panel import OVERDUE_COLOR, state_text

        calendar, day = load_calendar(db), self._today()
        items = dashboard.next_deadlines(db, day)
        _fill(self.deadline_table, [[d.due.isoformat(), state_text(d, day, calendar), d.title] for d in items], (1,))
        for row, d in enumerate(items):
            for col in range(3) if d.overdue(day) else ():
                cell = self.deadline_table.item(row, col)
                if cell is not None:
                    cell.setBackground(OVERDUE_COLOR)
        self.deadline_table.resizeColumnToContents(0)
        self.deadline_table.resizeColumnToContents(1)
        self._show_records(db, self._today())
        self._fit_layout()

    def _show_records(self, db: Any, today: date) -> None:
        """The flags of the plan's records and each division's on-time return rate (DHIS2-style)."""
        from ..services import assessment_flags, sendbacks

        found = assessment_flags.flags(db, self.year, today)
        _fill(self.flags_table, [[f.label, f.text] for f in found], ())
        for r, f in enumerate(found):
            if f.flagged:
                for c in range(2):
                    cell = self.flags_table.item(r, c)
                    assert cell is not None
                    cell.setBackground(QBrush(QColor(248, 208, 206)))
                    if c == 1:
                        cell.setText(self.tr("【缺】%1").replace("%1", f.text))
        self.flags_table.resizeColumnToContents(0)
        self.flags_table.setFixedHeight(ROW_HEIGHT * (len(found) + 1) + 8)
        rates = sendbacks.on_time_rates(db, self.year, today)
        self.rates_caption.setText(self.tr("各处室按时交回率（%1年，截止当月最后一个工作日）").replace("%1", str(self.year)))
        _fill(self.rates_table, [[t.division, str(t.expected), str(t.on_time), str(t.late), str(t.missing),
                                  str(t.sent_back), "—" if t.rate is None else f"{t.rate:g}%"] for t in rates],
              (1, 2, 3, 4, 5, 6))

    def _show_late(self, db: Any) -> None:
        rows = dashboard.late_by_division(db, self.month, self._today())
        month_text = self.tr("%1年%2月").replace("%1", self.month[:4]).replace("%2", str(int(self.month[5:7])))
        if rows:
            self.late_caption.setText(self.tr("各处室滞后与逾期：%1").replace("%1", month_text))
        else:
            self.late_caption.setText(self.tr("各处室滞后与逾期：%1，没有滞后或逾期事项").replace("%1", month_text))
        _fill(self.late_table, [[name or self.tr("（未指定处室）"), str(late), str(overdue)]
                                for name, late, overdue in rows], (1, 2))

    def _show_chart(self, db: Any) -> None:
        labels = [self.tr("%1月").replace("%1", str(m)) for m in range(1, 13)]
        self.chart.set_series(dashboard.quantitative_series(db, self.year), labels, self.tr("目标"))

    # -- for the user and for tests -------------------------------------------------------
    def set_year(self, year: int) -> None:
        if year != self.year:  # the same year: nothing to read again (changes come by controller.changed)
            self.year, self.month = int(year), ""
            self.reload_when_shown()

    def set_month(self, month: int | str) -> None:
        """The 截至 month: 11 (of the shown year) or '2026-11' (which also picks the year)."""
        if isinstance(month, str):
            month = rules.check_month(month)
            self.year = int(month[:4])
            self.month = month
        else:
            self.month = f"{self.year:04d}-{int(month):02d}"
        self.refresh()

    def render_to(self, painter: QPainter, width: float, height: float) -> None:
        """Paint the dashboard (without its tool bar) scaled to fit width × height, side panels
        beside the grid (one A4 landscape page) whatever the tab's width on screen."""
        with self._on_paper():
            self._render(painter, width, height)

    @contextmanager
    def _on_paper(self) -> Iterator[None]:
        narrow = not self.wide
        if narrow:
            self._arrange(True)
            self.content.resize(self.content.minimumSizeHint().expandedTo(self.content.size()))
        try:
            yield
        finally:
            if narrow:
                self._fit_layout()

    def _render(self, painter: QPainter, width: float, height: float) -> None:
        size = self.content.size()
        scale = min(width / max(1, size.width()), height / max(1, size.height()))
        filled = self.content.autoFillBackground()  # set by the scroll area
        self.content.setAutoFillBackground(False)  # no grey window background: the page stays white
        painter.save()
        try:
            painter.scale(scale, scale)
            self.content.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
        finally:
            painter.restore()
            self.content.setAutoFillBackground(filled)

    def print_to(self, printer: QPrinter) -> None:
        """Print on one page. Qt would paint a widget for a printer through a pixmap as large as the
        page at the printer's resolution (13 700 px wide at 1200 dpi, 7 MB of PDF, seconds of work);
        an image at about 300 dpi, drawn scaled onto the page, prints as sharp and stays small."""
        with self._on_paper():
            self._print(printer)

    def _print(self, printer: QPrinter) -> None:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        size = self.content.size()
        scale = min(page.width() / max(1, size.width()), page.height() / max(1, size.height()))
        sharp = min(scale, PRINT_SCALE)
        image = QImage(max(1, round(size.width() * sharp)), max(1, round(size.height() * sharp)),
                       QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        image_painter = QPainter(image)
        try:
            self._render(image_painter, image.width(), image.height())
        finally:
            image_painter.end()
        painter = QPainter(printer)
        try:
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
        finally:
            painter.end()

    @staticmethod
    def make_printer() -> QPrinter:
        """A printer set to A4 landscape, the page the dashboard is laid out for."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return printer

    def print_dashboard(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印看板"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def render_to_image(self, path: str | Path) -> bool:
        """Save the dashboard as an image (PNG by the file's suffix)."""
        with self._on_paper():
            return self.content.grab().save(str(path))
