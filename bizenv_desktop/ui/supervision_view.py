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
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMenu, QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ..services import plan_read, supervision, supervision_links, supervision_watch
from ..services.supervision import STATUSES, SupervisionItem
from ..services.supervision_watch import Watch
from ..storage.database import Database
from .columns import ColumnChooser, widen_to_titles
from .evidence_panel import EvidencePanel
from .frozen_columns import FrozenColumns
from .lazy import ReloadWhenShown
from .rows_model import RowsModel
from .supervision_chase import FeedbackDialog, ReminderDialog, RemindersList, warning_label
from .supervision_dialog import AdvanceDialog, ItemDialog, source_label, status_label
from .tasks import Latest, quiet_read
from .text_line import TextLine

if TYPE_CHECKING:  # PySide6's stub returns object; the marked text is the string itself
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["ItemDialog", "AdvanceDialog", "SupervisionModel", "SupervisionView"]

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


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


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


class SupervisionView(ReloadWhenShown, QWidget):
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

    # -- actions (no modal input; each is one undo step) -----------------------------
    def _name(self, item_id: int) -> str:
        item = next((i for i in self.model.rows if i.id == item_id), None)
        if item is None:
            return str(item_id)
        return item.no or (item.content[:20] + ("…" if len(item.content) > 20 else ""))

    def add(self, **fields: Any) -> int | None:
        """Register an item (fields as ItemDialog.values()); its id, or None when refused."""
        content = fields.pop("content", "")
        extra = {k: fields.pop(k) for k in ("closure_report", "complaint_verified", "accountability") if k in fields}
        codes = fields.pop("indicator_codes", "")
        new_id: list[int] = []

        def action(w: Any) -> None:
            new_id.append(supervision.add_item(w, content, today=self.today, **fields))
            if extra:
                supervision.update_item(w, new_id[0], **extra)
            if codes.strip():
                _set_codes(w, new_id[0], codes, self.today)
        label = self.tr("新增督办事项“%1”").replace("%1", content.strip()[:20])
        if self.controller.run(label, action) and new_id:
            self._select_after_reload = new_id[0]
            return new_id[0]
        return None

    def edit(self, item_id: int, **fields: Any) -> bool:
        label = self.tr("修改督办事项“%1”").replace("%1", self._name(item_id))
        codes = fields.pop("indicator_codes", None)

        def action(w: Any) -> None:
            supervision.update_item(w, item_id, **fields)
            if codes is not None:
                _set_codes(w, item_id, codes, self.today)
        return bool(self.controller.run(label, action))

    def remind(self, item_id: int, on: date | str | None = None, division_id: int | None = None,
               recipient: str = "", method: str = "", note: str = "") -> bool:
        """Record a 催办 of the item (one undo step)."""
        label = self.tr("催办督办事项“%1”").replace("%1", self._name(item_id))
        return bool(self.controller.run(label, lambda w: supervision_watch.add_reminder(
            w, item_id, on, division_id, recipient, method, note, self.today)))

    def give_feedback(self, item_id: int, due_on: str, given_on: str | None = None, text: str = "") -> bool:
        """Record the feedback for one due date of the item's 反馈周期 (one undo step)."""
        label = self.tr("督办事项“%1”定期反馈（%2）").replace("%1", self._name(item_id)).replace("%2", due_on)
        return bool(self.controller.run(label, lambda w: supervision_watch.record_feedback(
            w, item_id, due_on, given_on, text, self.today)))

    def watch_of(self, item_id: int) -> Watch | None:
        return self._watch.get(item_id)

    def advance(self, item_id: int, to_status: str | None = None, on: date | str | None = None,
                text: str = "") -> bool:
        """Move forward to to_status (default the next step) on the date (default today)."""
        item = next((i for i in self.model.rows if i.id == item_id), None)
        target = to_status or (item.next_status if item else None) or ""
        label = (self.tr("督办事项“%1”推进到“%2”").replace("%1", self._name(item_id))
                 .replace("%2", status_label(target)))
        return bool(self.controller.run(label, lambda w: supervision.advance(
            w, item_id, to_status, on or self.today, text)))

    def revert(self, item_id: int) -> bool:
        label = self.tr("督办事项“%1”退回上一步").replace("%1", self._name(item_id))
        return bool(self.controller.run(label, lambda w: supervision.revert(w, item_id)))

    def delete(self, item_id: int) -> bool:
        label = self.tr("删除督办事项“%1”").replace("%1", self._name(item_id))
        return bool(self.controller.run(label, lambda w: supervision.delete_item(w, item_id)))

    # -- interactive ----------------------------------------------------------------
    def ask_add(self) -> None:
        dialog = ItemDialog(plan_read.list_divisions(self.controller.db), None, self.today, self,
                            sources=supervision.sources(self.controller.db))
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.add(**values)

    def ask_edit(self) -> None:
        item = self.selected()
        if item is None:
            return
        links = supervision_links.indicators_of(self.controller.db, [item.id]).get(item.id, [])
        codes = self.tr("、").join(code.strip("()（）") for _i, code in links)
        dialog = ItemDialog(plan_read.list_divisions(self.controller.db), item, self.today, self, codes,
                            sources=supervision.sources(self.controller.db))
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.edit(item.id, **values)

    def ask_advance(self) -> None:
        item = self.selected()
        if item is None or item.next_status is None:
            return
        dialog = AdvanceDialog(item, self.today, self)
        accepted, (to_status, on, text) = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.advance(item.id, to_status, on, text)

    def ask_revert(self) -> None:
        item = self.selected()
        if item is not None and item.step > 0:
            self.revert(item.id)

    def ask_delete(self) -> None:
        item = self.selected()
        if item is not None and QMessageBox.question(
                self, self.tr("确认删除"), self.tr("删除督办事项“%1”？此操作可以撤销。").replace("%1", self._name(item.id))
        ) == QMessageBox.StandardButton.Yes:
            self.delete(item.id)

    def ask_remind(self) -> None:
        item = self.selected()
        if item is None:
            return
        divisions = list(zip(item.lead_ids + item.cooperating_ids, item.lead_names + item.cooperating_names))
        dialog = ReminderDialog(self._name(item.id), divisions, self.today, self)
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.remind(item.id, **values)

    def ask_feedback(self) -> None:
        item = self.selected()
        watch = self._watch.get(item.id) if item else None
        if item is None or watch is None or not watch.feedback:
            return
        dialog = FeedbackDialog(self._name(item.id), watch.cycle, watch.feedback, self.today, self)
        accepted, (due, given, text) = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted and due:
            self.give_feedback(item.id, due, given, text)

    # -- the printable 催办单 (services.reminder_notice; the file is written in a worker) ------------
    def make_notice(self, path: str | Path, item_ids: list[int] | None = None, division_id: int | None = None,
                    record: bool = True) -> None:
        """Write the 催办单 of the items (or of the division's open items) to path, off the GUI thread;
        then, with record, keep one 催办 (方式 催办单) per item as one undo step."""
        from ..services import reminder_notice

        today = self.today
        self._notice_pending = (str(path), record)
        self._notice_task = self.controller.tasks.read(
            self.tr("正在生成催办单…"), lambda db, _progress: _write_notice(
                db, Path(path), item_ids, division_id, today, reminder_notice),
            done=self._notice_done, parent=self.window())

    @property
    def notice_busy(self) -> bool:
        return self._notice_task is not None and self._notice_task.running

    def _notice_done(self, result: Any) -> None:
        from ..services import reminder_notice

        pending, self._notice_pending = self._notice_pending, None
        if isinstance(result, Exception):
            self.controller.report(result)
            return
        if pending is None:
            return
        path, record = pending
        notice = result
        if record:
            self.controller.run(self.tr("打印催办单（%1 项）").replace("%1", str(len(notice.item_ids))),
                                lambda w: reminder_notice.record(w, notice, self.today))
        self.summary.setText(self.tr("已生成催办单：%1").replace("%1", path))

    def ask_notice(self, division: bool) -> None:
        from . import file_dialogs

        item = self.selected()
        division_id = self.division_box.currentData() if division else None
        if (division and division_id is None) or (not division and item is None):
            return
        name = (self.division_box.currentText() if division else (item.no if item else "")) or self.tr("催办单")
        path = file_dialogs.save_file(self, "reports", self.tr("保存催办单"), self.tr("催办单（%1）.pdf").replace("%1", name),
                                      self.tr("PDF 文件 (*.pdf);;Word 文档 (*.docx)"))
        if not path:
            return
        record = QMessageBox.question(self, self.tr("催办单"), self.tr("是否同时登记为一次催办（方式：催办单）？")
                                      ) == QMessageBox.StandardButton.Yes
        self.make_notice(path, None if division else [item.id] if item else None, division_id, record)


def _write_notice(db: Database, path: Path, item_ids: list[int] | None, division_id: int | None, today: date,
                  reminder_notice: Any) -> Any:
    """In the worker: build and write the notice; an error comes back as the result."""
    from ..core.errors import BizenvError

    try:
        notice = reminder_notice.build(db, item_ids, division_id, today)
        reminder_notice.write(notice.document, path)
        return notice
    except BizenvError as exc:
        return exc


def _set_codes(w: Any, item_id: int, codes: str, today: date) -> None:
    """Link the item to the indicators numbered in codes ('17、5'), of the year it was received."""
    from ..services.lookup import indicator_by_code

    row = w.get("supervision_item", item_id) or {}
    year = int(row["received_on"][:4]) if row.get("received_on") else today.year
    parts = [c for c in codes.replace("，", "、").replace(",", "、").replace(" ", "、").split("、") if c.strip()]
    supervision_links.set_indicators(w, item_id, [indicator_by_code(w.db, year, c) for c in parts])
