"""The 待办 panel: every deadline around today, overdue and due-soon ones highlighted."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QPoint,
                            Qt, Signal)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QMessageBox,
                               QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from ..core.workdays import WorkCalendar
from . import file_dialogs
from .lazy import ReloadWhenShown
from .widgets import as_record_list

if TYPE_CHECKING:
    from ..services.deadlines import Deadline


def _deadlines() -> Any:
    from ..services import deadlines  # read after the window's first paint, not before it

    return deadlines

COL_DUE, COL_TITLE, COL_STATE = range(3)


class DeadlineStates(QObject):
    """Where a deadline stands, counted as the panel and the dashboard both count it: overdue
    by calendar days past the date, or working days left (Chinese working days); counts in
    Qt's plural forms (1 day / 2 days)."""

    def text(self, d: Deadline, today: date, calendar: WorkCalendar) -> str:
        if d.done_on:
            return self.tr("已完成 %1").replace("%1", d.done_on[:10])
        if d.overdue(today):
            return self.tr("逾期 %n 天", "", (today - d.due).days)
        left = calendar.workdays_between(today, d.due)
        text = self.tr("今天到期") if d.due == today else self.tr("剩 %n 个工作日", "", left)
        return text if d.confirmed else text + "?"  # as the date: the tool tip says the calendar is not confirmed


_STATES: list[DeadlineStates] = []


def state_text(d: Deadline, today: date, calendar: WorkCalendar) -> str:
    if not _STATES:
        _STATES.append(DeadlineStates())
    return _STATES[0].text(d, today, calendar)


ROW_ROLE = Qt.ItemDataRole.UserRole + 30
OVERDUE_COLOR, SOON_COLOR, DONE_COLOR = QColor("#ffcdd2"), QColor("#fff3c4"), QColor("#e8f5e9")


class DeadlineModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Deadline] = []
        self.today = date.today()
        self.calendar = WorkCalendar()
        self.soon_days = 5

    def set_items(self, items: list[Deadline], today: date, calendar: WorkCalendar, soon_days: int) -> None:
        self.beginResetModel()
        self.items, self.today, self.calendar, self.soon_days = items, today, calendar, soon_days
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("期限"), self.tr("事项"), self.tr("状态"))[section]
        return None

    def is_soon(self, d: Deadline) -> bool:
        return not d.done_on and self.today <= d.due and \
            self.calendar.workdays_between(self.today, d.due) <= self.soon_days

    def state(self, d: Deadline) -> str:
        return state_text(d, self.today, self.calendar)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d, col = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (d.due.isoformat() + ("?" if not d.confirmed else ""), d.title, self.state(d))[col]
        if role == ROW_ROLE:
            return d
        if role == Qt.ItemDataRole.BackgroundRole:
            if d.done_on:
                return QBrush(DONE_COLOR)
            if d.overdue(self.today):
                return QBrush(OVERDUE_COLOR)
            if self.is_soon(d):
                return QBrush(SOON_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not d.confirmed:
                return self.tr("该日期依据尚未公布的节假日安排推算，请在“工作日历”中核对并确认。")
            return d.title
        return None


class DeadlinePanel(ReloadWhenShown, QWidget):
    """List of deadlines from 60 days back to 120 days ahead, with done marks. Double-click or
    Enter opens the item a deadline comes from (open_requested; the window goes there); the
    right-click menu opens, marks done or undone, and copies."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "calendar_year", "deadline_done", "dimension", "dispatch_month",
                         "dispatch_row", "division", "evidence_link", "indicator", "liaison", "plan_year",
                         "setting", "subtask", "supervision_item", "work_plan", "workday_override"})

    open_requested = Signal(object)  # the Deadline

    def __init__(self, controller: Any, parent: QWidget | None = None, today: date | None = None,
                 load: bool = True) -> None:
        """load=False: the owner calls reload() later (the main window, after its first paint)."""
        super().__init__(parent)
        self.controller = controller
        self.fixed_today = today
        self.model = DeadlineModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        as_record_list(self.table)
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(COL_DUE, 84)
        self.table.horizontalHeader().resizeSection(COL_STATE, 110)
        self.table.setWordWrap(True)
        self.soon_box = QSpinBox(self)
        self.soon_box.setRange(1, 30)
        self.soon_box.setValue(5)
        self.soon_box.setSuffix(self.tr(" 个工作日内"))
        self.show_done = QCheckBox(self.tr("显示已完成"), self)
        self.done_button = QPushButton(self.tr("标记完成…"), self)
        self.undone_button = QPushButton(self.tr("取消完成"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("提醒：")))
        top.addWidget(self.soon_box)
        top.addWidget(self.show_done)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.undone_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.soon_box.valueChanged.connect(lambda _v: self.reload())
        self.show_done.toggled.connect(lambda _v: self.reload())
        self.done_button.clicked.connect(lambda: self.ask_mark_done())
        self.undone_button.clicked.connect(lambda: self.unmark(self.selected()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._sync())
        self.table.activated.connect(lambda index: self.open_item(index.data(ROW_ROLE)))  # double-click, Enter
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.watch(controller)
        if load:
            self.reload()
        else:
            self.summary.setText(self.tr("正在读取期限……"))

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def reload(self) -> None:
        from ..services.calendar import load_calendar

        db = self.controller.db
        today = self.today
        items = _deadlines().list_deadlines(db, today - timedelta(days=60), today + timedelta(days=120))
        if not self.show_done.isChecked():
            items = [d for d in items if not d.done_on]
        self.model.set_items(items, today, load_calendar(db), self.soon_box.value())
        for col in (COL_DUE, COL_STATE):  # "2027-01-08?" and "剩 27 个工作日?" were cut at 1366
            self.table.resizeColumnToContents(col)
        overdue = sum(1 for d in items if d.overdue(today))
        soon = sum(1 for d in items if self.model.is_soon(d))
        self.summary.setText(self.tr("逾期 %n 项，", "", overdue) +
                             self.tr("%1 个工作日内到期 %n 项", "", soon).replace("%1", str(self.soon_box.value())))
        self._sync()

    def open_item(self, d: Deadline | None) -> None:
        if d is not None:
            self.open_requested.emit(d)

    def menu_for(self, d: Deadline) -> QMenu:
        """打开 / 标记完成… / 取消完成 / 复制 for one deadline (the right-click menu)."""
        menu = QMenu(self)
        items: list[tuple[str, Any, bool]] = [
            (self.tr("打开"), lambda: self.open_item(d), True),
            (self.tr("标记完成…"), lambda: self.ask_mark_done(d), not d.done_on),
            (self.tr("取消完成"), lambda: self.unmark(d), bool(d.done_on)),
            (self.tr("复制"), lambda: QApplication.clipboard().setText(self.copy_text(d)), True)]
        for text, slot, enabled in items:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _c=False, f=slot: f())
            menu.addAction(action)
        menu.actions()[0].setShortcut(QKeySequence(Qt.Key.Key_Return))
        menu.setDefaultAction(menu.actions()[0])
        return menu

    def copy_text(self, d: Deadline) -> str:
        return f"{d.due.isoformat()} {d.title}（{self.model.state(d)}）"

    def _show_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        menu = self.menu_for(index.data(ROW_ROLE))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def selected(self) -> Deadline | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _sync(self) -> None:
        d = self.selected()
        self.done_button.setEnabled(d is not None and not d.done_on)
        self.undone_button.setEnabled(d is not None and bool(d.done_on))

    def ask_mark_done(self, d: Deadline | None = None) -> None:
        d = d or self.selected()
        if d is None:
            return
        answer = QMessageBox.question(
            self, self.tr("标记完成"), self.tr("“%1”已完成。要附上报送的文件吗？").replace("%1", d.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return
        file = None
        if answer == QMessageBox.StandardButton.Yes:
            file = file_dialogs.open_file(self, "submitted", self.tr("选择报送的文件"))
            if not file:
                return
        self.mark_done(d, file=file)

    def mark_done(self, d: Deadline, done_on: str = "", file: str | None = None) -> bool:
        path = self.controller.workspace.path
        return self.controller.run(self.tr("完成“%1”").replace("%1", d.title),
                                   lambda w: _deadlines().mark_done(w, d.key, done_on, file=file, db_path=path))

    def unmark(self, d: Deadline | None) -> bool:
        if d is None:
            return False
        return self.controller.run(self.tr("取消完成“%1”").replace("%1", d.title),
                                   lambda w: _deadlines().unmark_done(w, d.key))


def reminder_html(db: Any, today: date, parent: QWidget) -> str | None:
    """What to say when the app opens: overdue items and those due within 5 working days."""
    from html import escape

    overdue, soon = _deadlines().reminders(db, today)
    if not overdue and not soon:
        return None
    parts = []
    for title, items in ((QCoreApplication.translate("DeadlinePanel", "已逾期"), overdue),
                         (QCoreApplication.translate("DeadlinePanel", "5 个工作日内到期"), soon)):
        if items:
            lines = "".join(f"<li>{d.due.isoformat()} {escape(d.title)}</li>" for d in items[:15])
            counted = QCoreApplication.translate("DeadlinePanel", "%1（%2）")  # "Overdue (3)" in English
            more = f"<li>{counted.replace('%1', '…').replace('%2', str(len(items) - 15))}</li>" \
                if len(items) > 15 else ""
            heading = escape(counted.replace("%1", title).replace("%2", str(len(items))))
            parts.append(f"<p><b>{heading}</b></p><ul>{lines}{more}</ul>")
    return "".join(parts)
