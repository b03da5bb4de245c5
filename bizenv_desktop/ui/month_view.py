"""The month view of the monthly dispatch: pick a month, fill rows, see what changed, close.

Reads through services.dispatch.load_month (two queries per month); every edit, start,
close and reopen is one controller action (one transaction, one undo step).

This module holds the view (layout, loading, counts, selection and the month's actions); the
grid, its 状态 editor and filters are in month_table, the state, ranking and 与上月相比 lines
in month_state.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QPushButton, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from ..core import dispatch as rules
from ..core.errors import BizenvError
from ..services import dispatch
from .columns import ColumnChooser
from .evidence_panel import EvidencePanel
from .frozen_columns import FrozenColumns
from .lazy import ReloadWhenShown
from .month_model import COL_DIVISION, COL_INDICATOR, COL_SUBTASK, FIELD_OF, ROW_ROLE, MonthModel, status_label
from .month_state import _SHOWN, MonthLines
from .month_table import MonthFilter, StatusDelegate, month_table
from .returns_panel import ReturnsPanel
from .text_line import TextLine

if TYPE_CHECKING:
    from ..storage.touched import Scope


class MonthView(ReloadWhenShown, MonthLines, QWidget):
    """The 月调度 tab."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "deadline_done", "dimension", "dispatch_month", "dispatch_row", "division",
                         "evidence", "evidence_link", "form_return", "form_sendback", "indicator", "quarter_snapshot",
                         "ranking", "subtask"})

    month_changed = Signal(str)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.current: str = ""
        self.model = MonthModel(controller, self)
        self.proxy = MonthFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = month_table(self, self.proxy)
        header = self.table.horizontalHeader()
        self.columns = ColumnChooser(header, "month", keep=(COL_INDICATOR, COL_DIVISION))
        self.frozen = FrozenColumns(self.table, (COL_INDICATOR, COL_DIVISION))
        self.month_box = QComboBox(self)
        self.month_box.setMinimumContentsLength(12)
        self._month_items: list[tuple[str, str]] = []  # what month_box lists: (text, month)
        self.start_button = QPushButton(self.tr("开始本月…"), self)
        self.fill_button = QPushButton(self.tr("补充新增行"), self)
        self.fill_button.setToolTip(self.tr("把本月开始后计划中新增的指标、子任务或处室加入本月"))
        self.close_button = QPushButton(self.tr("关闭本月"), self)
        self.close_button.setToolTip(self.tr("本月已上报：关闭后只读"))
        self.reopen_button = QPushButton(self.tr("重新打开…"), self)
        self.state_label = TextLine(self)  # these two change at every month switch: see TextLine
        self.ranking_label = TextLine(self)  # the recorded ranking of ranking-kind indicators ((7)), if any
        self.ranking_label.hide()
        self.division_box = QComboBox(self)
        self.status_box = QComboBox(self)
        self.status_box.addItem(self.tr("全部状态"), "")
        for status in rules.STATUSES:
            self.status_box.addItem(status_label(status), status)
        self.text_edit = QLineEdit(self)
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setPlaceholderText(self.tr("筛选指标、进展、问题……"))
        self.changed_only = QCheckBox(self.tr("只看与上月相比有变化的行"), self)
        self.count_label = TextLine(self)
        # A QPlainTextEdit lays out only the lines in view: a QTextBrowser laid out the whole list
        # (hundreds of rows change in a month of the test data) at every month switch.
        self.changes = QPlainTextEdit(self)
        self.changes.setReadOnly(True)
        self.changes.setMinimumWidth(160)
        self._changes_for: dispatch.Month | None = _SHOWN  # the month the changes panel has yet to show
        # a scroll bar coming and going with the length of the list would lay the text out again
        self.changes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.evidence = EvidencePanel(controller, self)
        self.returns = ReturnsPanel(controller, self)
        from .snapshot_panel import SnapshotPanel

        self.snapshot = SnapshotPanel(controller, self)
        self._layout()
        self.month_box.activated.connect(lambda _i: self.show_month(self.month_box.currentData()))
        self.start_button.clicked.connect(lambda: self.start_month())
        self.fill_button.clicked.connect(self.add_missing_rows)
        self.close_button.clicked.connect(lambda: self.close_month())
        self.reopen_button.clicked.connect(lambda: self.reopen_month())
        self.division_box.activated.connect(lambda _i: self.proxy.set(division=self.division_box.currentData()))
        self.status_box.activated.connect(lambda _i: self.proxy.set(status=self.status_box.currentData()))
        self.text_edit.textChanged.connect(lambda t: self.proxy.set(text=t.strip()))
        self.changed_only.toggled.connect(lambda on: self.proxy.set(changed_only=on))
        self.proxy.layoutChanged.connect(self._update_counts)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_evidence())
        self.proxy.modelReset.connect(self._show_evidence)
        self.watch(controller)
        self.reload()  # at once (40 ms): the window asks which month is current before the tab is shown

    def _show_evidence(self) -> None:
        row = self.selected_row()
        closed = self.model.month is not None and self.model.month.closed
        self.evidence.set_target("dispatch_row" if row else None, row.id if row else None, read_only=closed)

    def set_round_actions(self, actions: list[Any]) -> None:
        """The monthly round's steps (the window's 月调度 menu) as a toolbar above the grid; they
        replace this view's own start and close buttons."""
        bar = QToolBar(self.tr("月调度步骤"), self)
        bar.setObjectName("round_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for i, action in enumerate(actions):
            if i:
                arrow = QLabel("→", bar)
                arrow.setObjectName("round_arrow")
                bar.addWidget(arrow)
            bar.addAction(action)
        self.round_bar = bar
        self.start_button.hide()
        self.close_button.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, bar)

    def show_returns(self) -> None:
        """Bring the 报送情况 panel (who sent the form back, who is to chase) to the front."""
        self.side_tabs.setCurrentWidget(self.returns)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("月份：")))
        top.addWidget(self.month_box)
        for w in (self.start_button, self.fill_button, self.close_button, self.reopen_button):
            top.addWidget(w)
        top.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("处室：")))
        filters.addWidget(self.division_box)
        filters.addWidget(QLabel(self.tr("状态：")))
        filters.addWidget(self.status_box)
        filters.addWidget(self.text_edit, 1)
        filters.addWidget(self.changed_only)
        # one panel at a time beside the table, so the view fits a 1366 x 768 screen
        side = QTabWidget(self)
        side.addTab(self.changes, self.tr("与上月相比"))
        side.addTab(self.returns, self.tr("报送情况"))
        side.addTab(self.evidence, self.tr("佐证材料"))
        side.addTab(self.snapshot, self.tr("季度快照"))
        self.side_tabs = side
        side.currentChanged.connect(lambda _i: self._side_shown())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.ranking_label)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    # -- loading ----------------------------------------------------------------
    def watch_scope(self) -> Scope | None:
        """Rows of months neither shown nor compared with change nothing here (a month started,
        closed or reopened does: dispatch_month is not limited)."""
        month = self.model.month
        if month is None:
            return None
        return {"dispatch_row": {"month": {self.current, month.month, month.previous_month}}}

    def reload(self) -> None:
        heads = dispatch.month_heads(self.controller.db)
        names = [month for month, _closed in heads]
        if self.current not in names:  # first shown: the month that is due, if it has started
            due = dispatch.due_month(self.controller.db, date.today(), heads) if names else ""
            self.current = due if due in names else (names[-1] if names else "")
        self._fill_month_box(heads)
        month = None
        if self.current:
            try:
                month = dispatch.load_month(self.controller.db, self.current)
            except BizenvError:
                month = None
        selected = self.selected_row()
        was_reset = self.model.set_month(month)
        self._refresh_filters(month)
        self._update_state(month)
        self._update_ranking(month)
        self._update_changes(month)
        self._update_counts()
        if was_reset and selected is not None:
            self.select_row_id(selected.id)
        self.returns.set_month(self.current)
        if self.side_tabs.currentWidget() is self.snapshot:
            self.snapshot.set_month(self.current)

    def _fill_month_box(self, heads: list[tuple[str, str | None]]) -> None:
        """The picker lists every month; rebuilt only when a month was started, closed or reopened."""
        closed_word = self.tr("（已关闭）")
        items = [(f"{month}{closed_word if closed else ''}", month) for month, closed in heads]
        self.month_box.blockSignals(True)
        if items != self._month_items:
            self._month_items = items
            self.month_box.clear()
            for text, month in items:
                self.month_box.addItem(text, month)
        self.month_box.setCurrentIndex(self.month_box.findData(self.current))
        self.month_box.blockSignals(False)

    def show_month(self, month: str) -> None:
        self.current = month
        self.reload()
        self.month_changed.emit(month)

    def _refresh_filters(self, month: dispatch.Month | None) -> None:
        chosen = self.division_box.currentData() or ""
        self.division_box.blockSignals(True)
        self.division_box.clear()
        self.division_box.addItem(self.tr("全部处室"), "")
        names = sorted({r.division_name for r in month.rows if r.division_name}) if month else []
        for name in names:
            self.division_box.addItem(name, name)
        self.division_box.setCurrentIndex(max(0, self.division_box.findData(chosen)))
        self.division_box.blockSignals(False)
        if chosen and chosen not in names:
            self.proxy.set(division="")

    def _side_shown(self) -> None:
        if self.side_tabs.currentWidget() is self.changes:
            self._show_changes()
        elif self.side_tabs.currentWidget() is self.snapshot:
            self.snapshot.set_month(self.current)

    def _filters_set(self) -> bool:
        p = self.proxy
        return bool(p.division or p.status or p.text or p.changed_only)

    def _update_counts(self) -> None:
        if self._filters_set():  # count what is shown
            model = self.model
            statuses = [model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).status
                        for r in range(self.proxy.rowCount())]
        else:  # every row is shown: no need to go through the proxy's indexes
            statuses = [r.status for r in self.model.month.rows] if self.model.month else []
        total, counts = rules.count_line(statuses)
        parts = self.tr("，").join(f"{status_label(s)} {n}" for s, n in counts)
        self.count_label.setText(self.tr("%n 项：%2", "", total).replace("%2", parts))

    # -- selection --------------------------------------------------------------
    def selected_row(self) -> dispatch.DispatchRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_row_id(self, row_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, COL_INDICATOR)
            if index.data(ROW_ROLE).id == row_id:
                self.table.setCurrentIndex(index)
                return

    # -- actions ------------------------------------------------------------------
    def start_month(self, month: str | None = None) -> bool:
        if month is None:  # a month from a list, the one due first (it was free text)
            from .modal import modal
            from .month_picker import MonthPickerDialog

            with modal(MonthPickerDialog(self.controller.db, date.today(), self)) as picker:
                if not picker.exec() or not picker.month():
                    return False
                month = picker.month()
        try:
            month = rules.check_month(month)
        except BizenvError as exc:
            self.controller.report(exc)
            return False
        if self.controller.run(self.tr("开始 %1 月调度").replace("%1", month),
                               lambda w: dispatch.start_month(w, month)):
            self.current = month  # the queued reload after the change shows it
            return True
        return False

    def add_missing_rows(self) -> None:
        month = self.current
        self.controller.run(self.tr("补充 %1 新增行").replace("%1", month),
                            lambda w: dispatch.add_missing_rows(w, month))

    def close_month(self, confirm: bool = True) -> bool:
        month = self.current
        if confirm and QMessageBox.question(
                self, self.tr("关闭本月"),
                self.tr("关闭 %1 的月调度？关闭后只读；如需修改须说明原因后重新打开。").replace("%1", month)) \
                != QMessageBox.StandardButton.Yes:
            return False
        return self.controller.run(self.tr("关闭 %1 月调度").replace("%1", month),
                                   lambda w: dispatch.close_month(w, month))

    def reopen_month(self, reason: str | None = None) -> None:
        month = self.current
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("重新打开"),
                                              self.tr("重新打开 %1 的原因（记入修改记录）：").replace("%1", month))
            if not ok:
                return
        self.controller.run(self.tr("重新打开 %1 月调度").replace("%1", month),
                            lambda w: dispatch.reopen_month(w, month, reason or ""))


__all__ = ["MonthView", "MonthFilter", "StatusDelegate", "COL_DIVISION", "COL_SUBTASK", "FIELD_OF"]
