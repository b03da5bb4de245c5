"""The 督办事项 tab: the ledger of items handed down or supervised (交办督办事项台账).

Reads through services.supervision (two queries per reload, plus the counts), in the
background after a change (5 000 items take longer to read than a click may wait): until
the new rows arrive the table keeps the old ones and the count line says they are being
updated, and the buttons that act on the selected item wait. Adding,
editing, moving an item along its workflow, moving it back and deleting it are one
controller action each (one undo step). Overdue rows have a red background and say
“逾期 N 天”, so they read in black and white too; rows warned of (预警 黄/红, a set number of
working days before the deadline or a feedback date, services.supervision_watch) are tinted
and say 黄 or 红. 催办 and periodic feedback are recorded here too (supervision_chase).

This module holds the view (its filters, count line and background reading); the table model
and the read are in supervision_model, the item actions and the 催办单 in supervision_actions.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMenu, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ..services import supervision_watch
from ..services.supervision import STATUSES, SupervisionItem
from ..services.supervision_watch import Watch
from .columns import ColumnChooser, widen_to_titles
from .evidence_panel import EvidencePanel
from .frozen_columns import FrozenColumns
from .lazy import ReloadWhenShown
from .supervision_actions import SupervisionActions
from .supervision_chase import RemindersList
from .supervision_dialog import AdvanceDialog, ItemDialog, status_label
from .supervision_model import (COL_CONTENT, COL_DUE, COL_NO, COL_STATUS, OVERDUE_BG, ROW_ROLE, WARNING_BG, Ledger,
                                SupervisionModel, read_ledger)
from .tasks import Latest, quiet_read
from .text_line import TextLine

# where other modules and the tests import them from
__all__ = ["ItemDialog", "AdvanceDialog", "SupervisionModel", "SupervisionView", "COL_DUE", "COL_NO", "COL_STATUS",
           "OVERDUE_BG", "WARNING_BG"]


class SupervisionView(ReloadWhenShown, SupervisionActions, QWidget):
    """The ledger with its filters, counts, actions and the selected item's evidence."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "calendar_year", "division", "evidence", "evidence_link", "indicator",
                         "setting", "subtask", "supervision_division", "supervision_feedback",
                         "supervision_indicator", "supervision_item", "supervision_reminder", "workday_override"})

    def __init__(self, controller: Any, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.fixed_today = today  # tests pin the date; None follows the clock
        self._select_after_reload: int | None = None
        self.model = SupervisionModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col, width in enumerate((100, 110, 90, 280, 110, 110, 150, 200, 70, 110, 60, 60)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        # at 1366 x 768 the ledger scrolls sideways: which item and where it stands stay in view
        widen_to_titles(header, {COL_STATUS: [status_label(s) for s in STATUSES]})
        self.columns = ColumnChooser(header, "supervision", keep=(COL_NO, COL_STATUS, COL_CONTENT))
        self.frozen = FrozenColumns(self.table, (COL_NO, COL_STATUS))
        self.status_box = QComboBox(self)
        self.status_box.addItem(self.tr("全部状态"), "")
        for status in STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.division_box = QComboBox(self)
        self.division_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "All divisions" was cut
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索编号、内容、进度、处室…"))
        self.search.setClearButtonEnabled(True)
        self.overdue_box = QCheckBox(self.tr("只看逾期"), self)
        self.add_button = QPushButton(self.tr("新增…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.advance_button = QPushButton(self.tr("推进到下一步…"), self)
        self.revert_button = QPushButton(self.tr("退回上一步"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.remind_button = QPushButton(self.tr("催办…"), self)
        self.remind_button.setToolTip(self.tr("登记一次催办：日期、对象、方式"))
        self.feedback_button = QPushButton(self.tr("定期反馈…"), self)
        self.feedback_button.setToolTip(self.tr("按反馈周期登记一期反馈"))
        self.notice_button = QPushButton(self.tr("催办单…"), self)
        self.notice_button.setToolTip(self.tr("打印催办单（PDF 或 Word，公文格式）：所选事项，或筛选出的处室牵头的全部未办结事项"))
        notice_menu = QMenu(self.notice_button)
        self.notice_item_action = notice_menu.addAction(self.tr("所选事项的催办单…"))
        self.notice_division_action = notice_menu.addAction(self.tr("所选处室牵头的全部未办结事项…"))
        self.notice_button.setMenu(notice_menu)
        self.notice_item_action.triggered.connect(lambda: self.ask_notice(division=False))
        self.notice_division_action.triggered.connect(lambda: self.ask_notice(division=True))
        self._notice_task: Any = None
        self._notice_pending: tuple[str, Any] | None = None
        self.reminders = RemindersList(self)
        self.summary = TextLine(self)  # changes at every keystroke in the search box: see TextLine
        self.evidence = EvidencePanel(controller, self)
        filters = QHBoxLayout()
        for w in (QLabel(self.tr("状态：")), self.status_box, QLabel(self.tr("处室：")), self.division_box,
                  self.search, self.overdue_box):
            filters.addWidget(w)
        filters.setStretchFactor(self.search, 1)
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.advance_button, self.revert_button, self.delete_button,
                  self.remind_button, self.feedback_button, self.notice_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.evidence, 1)
        side_layout.addWidget(self.reminders)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        self._all: list[SupervisionItem] = []  # every item, read once per change; filters work on it
        self._left: dict[int, int] = {}
        self._counts: dict[str, int] = {}
        self._haystack: dict[int, str] = {}
        self._watch: dict[int, Watch] = {}
        self._read_once = False
        self._read_pending = False  # a read asked for, to start after this event-loop turn
        self.loader = Latest(self)  # the newest read wins (ui/tasks.py)
        self.status_box.activated.connect(lambda _i: self.apply_filter())
        self.division_box.activated.connect(lambda _i: self.apply_filter())
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.overdue_box.toggled.connect(lambda _c: self.apply_filter())
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.edit_button.clicked.connect(lambda: self.ask_edit())
        self.advance_button.clicked.connect(lambda: self.ask_advance())
        self.revert_button.clicked.connect(lambda: self.ask_revert())
        self.delete_button.clicked.connect(lambda: self.ask_delete())
        self.remind_button.clicked.connect(lambda: self.ask_remind())
        self.feedback_button.clicked.connect(lambda: self.ask_feedback())
        self.table.doubleClicked.connect(lambda _i: self.ask_edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self.watch(controller)
        # read when first shown (in the background): 5 000 items cost 15 MB, which a window that
        # is never switched to this tab need not hold
        self._stale = True

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    # -- reading ------------------------------------------------------------------
    def rows(self) -> list[SupervisionItem]:
        return list(self.model.rows)

    def selected(self) -> SupervisionItem | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, item_id: int) -> bool:
        for r, item in enumerate(self.model.rows):
            if item.id == item_id:
                self.table.setCurrentIndex(self.model.index(r, COL_CONTENT))
                return True
        self._select_after_reload = item_id  # still being read (a to-do opened it): once it arrives
        return False

    def summary_text(self) -> str:
        return self.summary.text()

    def set_filter(self, status: str | None = None, division_id: int | None = None, text: str = "",
                   overdue_only: bool = False) -> None:
        """Show only the items matching all of these (None / '' / False: no restriction)."""
        for box, value in ((self.status_box, status or ""), (self.division_box, division_id)):
            box.setCurrentIndex(max(0, box.findData(value)))
        for widget in (self.search, self.overdue_box):
            widget.blockSignals(True)
        self.search.setText(text)
        self.overdue_box.setChecked(overdue_only)
        for widget in (self.search, self.overdue_box):
            widget.blockSignals(False)
        self.apply_filter()

    def _filtered(self) -> bool:
        return bool(self.status_box.currentData() or self.division_box.currentData() is not None
                    or self.search.text().strip() or self.overdue_box.isChecked())

    @property
    def loading(self) -> bool:
        """The rows shown are being read again (after a change): they may be out of date."""
        return self._read_pending or self.loader.busy

    def reload(self) -> None:
        """Re-read the ledger now, on this thread: every item, the counts and the divisions."""
        self._show_ledger(read_ledger(self.controller.db, self.today))

    def reload_in_background(self) -> None:
        """Re-read the ledger in a worker; until it arrives the old rows stay, marked as updating."""
        if not self._read_pending:
            self._read_pending = True
            # started after this event-loop turn: the tab first paints (the worker's Python would
            # compete with the paint's calls into Python for the interpreter lock)
            QTimer.singleShot(0, self, self._start_read)
        self._show_state()  # the count line says so; the buttons wait

    def _start_read(self) -> None:
        self._read_pending = False
        if not self._closed():
            path, today = self.controller.workspace.path, self.today
            self.loader.request(lambda: quiet_read(path, lambda db: read_ledger(db, today), self),
                                done=self._read_done,
                                failed=lambda exc: self._read_failed(str(exc) or type(exc).__name__))

    def refresh_stale(self) -> None:
        self.reload_in_background()

    def _closed(self) -> bool:
        """The file was closed while a worker read it (the app quits, another file is opened)."""
        return bool(getattr(self.controller.db, "closed", False))

    def _read_done(self, ledger: Ledger) -> None:
        if not self._closed():
            self._show_ledger(ledger)

    def _read_failed(self, message: str) -> None:
        """The worker could not read (its own connection): read here, as before the worker,
        so the user sees the ledger or the usual error."""
        del message
        if not self._closed():
            self.reload()

    def _show_ledger(self, ledger: Ledger) -> None:
        self._read_once = True
        chosen = self.division_box.currentData()
        self.division_box.clear()
        self.division_box.addItem(self.tr("全部处室"), None)
        for division_id, name in ledger.divisions:
            self.division_box.addItem(name, division_id)
        self.division_box.setCurrentIndex(max(0, self.division_box.findData(chosen)))
        self._all, self._left, self._counts, self._haystack = ledger.items, ledger.left, ledger.counts, ledger.haystack
        self._watch = ledger.watch
        self.apply_filter()

    def _matches(self, item: SupervisionItem, status: str, division_id: int | None, words: list[str],
                 overdue_only: bool) -> bool:
        """What supervision.list_items(status, division_id, text, overdue_only) selects."""
        if status and item.status != status:
            return False
        if division_id is not None and division_id not in item.lead_ids and division_id not in item.cooperating_ids:
            return False
        if overdue_only and not item.overdue:
            return False
        hay = self._haystack[item.id]
        return all(word in hay for word in words)

    def apply_filter(self) -> None:
        """Show the items the filters select (no database reading: the ledger is in memory)."""
        keep = self._select_after_reload or (self.selected().id if self.selected() else None)
        if not self.loading:  # an item just added is selected once the rows that hold it are in
            self._select_after_reload = None
        status, division_id = self.status_box.currentData() or "", self.division_box.currentData()
        words = self.search.text().lower().split()
        overdue_only = self.overdue_box.isChecked()
        items = [i for i in self._all if self._matches(i, status, division_id, words, overdue_only)]
        self.model.set_rows(items, {i.id: self._left[i.id] for i in items if i.id in self._left}, self._watch)
        if keep is not None:
            self.select(keep)
        self._show_state()

    def _show_state(self) -> None:
        """The count line (saying when the rows are being read) and the buttons."""
        n = self._counts or dict.fromkeys((*STATUSES, "overdue", "due_soon"), 0)
        parts = self.tr("，").join(status_label(s) + " " + str(n[s]) for s in STATUSES)
        text = (self.tr("共 %1 项：%2；逾期 %3，5 个工作日内到期 %4").replace("%1", str(sum(n[s] for s in STATUSES)))
                .replace("%2", parts).replace("%3", str(n["overdue"])).replace("%4", str(n["due_soon"])))
        red = sum(1 for w in self._watch.values() if w.level == "红")
        yellow = sum(1 for w in self._watch.values() if w.level == "黄")
        if red or yellow:
            text += self.tr("；预警：红 %1，黄 %2").replace("%1", str(red)).replace("%2", str(yellow))
        if self._filtered():
            text += self.tr("（筛选后显示 %1 项）").replace("%1", str(self.model.rowCount()))
        if not self._read_once:
            text = self.tr("正在读取督办事项……")
        elif self.loading:
            text += self.tr("（正在更新……）")
        self.summary.setText(text)
        self._selection_changed()

    def _selection_changed(self) -> None:
        item = self.selected()
        self.evidence.set_target("supervision_item" if item else None, item.id if item else None)
        if self.loading:
            item = None  # the row may be out of date: acting on it waits for the fresh rows
        self.edit_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)
        self.advance_button.setEnabled(item is not None and item.next_status is not None)
        self.revert_button.setEnabled(item is not None and item.step > 0)
        watch = self._watch.get(item.id) if item is not None else None
        self.remind_button.setEnabled(item is not None and item.status not in supervision_watch.FINISHED)
        self.feedback_button.setEnabled(bool(watch and watch.feedback))
        self.notice_item_action.setEnabled(item is not None and item.status in supervision_watch.OPEN)
        self.notice_division_action.setEnabled(self.division_box.currentData() is not None)
        shown = self.selected()
        if shown is None:
            self.reminders.show_item([], 0, [], self.today)
        else:
            self.reminders.show_item(supervision_watch.reminders(self.controller.db, shown.id), shown.urge_count,
                                     watch.feedback if watch else [], self.today)
