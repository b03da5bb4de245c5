"""The 上级肯定与推广 tab: commendations, media reports, briefings and talks (indicators (20)–(23)).

Reads through services.events.list_events (one query per year); adding, editing and
deleting an event is one controller action each (one undo step).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)
from PySide6.QtWidgets import (QSplitter, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..core.errors import NotFound
from ..services import events, plan_read
from ..services.events import Event
from .columns import widen_to_titles
from .evidence_panel import EvidencePanel
from .lazy import ReloadWhenShown
from .rows_model import RowsModel
from .widgets import as_record_list

CTX = "EventsView"
COL_DATE, COL_KIND, COL_LEVEL, COL_TITLE, COL_OUTLET, COL_INDICATOR, COL_EVIDENCE = range(7)
HEADERS = (QT_TRANSLATE_NOOP("EventsView", "日期"), QT_TRANSLATE_NOOP("EventsView", "类别"),
           QT_TRANSLATE_NOOP("EventsView", "级别"), QT_TRANSLATE_NOOP("EventsView", "标题"),
           QT_TRANSLATE_NOOP("EventsView", "媒体/会议"), QT_TRANSLATE_NOOP("EventsView", "指标"),
           QT_TRANSLATE_NOOP("EventsView", "佐证"))
KIND_NAMES = {"commendation": QT_TRANSLATE_NOOP("EventsView", "通报表扬"),
              "media": QT_TRANSLATE_NOOP("EventsView", "媒体宣传"),
              "briefing": QT_TRANSLATE_NOOP("EventsView", "简报刊发"),
              "promotion": QT_TRANSLATE_NOOP("EventsView", "全省推广")}
LEVEL_NAMES = {v: v for v in (QT_TRANSLATE_NOOP("EventsView", "国家级"), QT_TRANSLATE_NOOP("EventsView", "省级"),
                              QT_TRANSLATE_NOOP("EventsView", "其他"))}
ROW_ROLE = Qt.ItemDataRole.UserRole + 30


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def kind_label(kind: str) -> str:
    return tr(KIND_NAMES.get(kind, kind))


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else day


class EventsModel(RowsModel):
    CONTEXT, HEADERS = CTX, HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Event] = []

    def set_rows(self, rows: list[Event]) -> None:
        self.replace_rows(rows)

    def text(self, e: Event, col: int) -> str:
        return (e.date, kind_label(e.kind), tr(LEVEL_NAMES[e.level]) if e.level in LEVEL_NAMES else e.level,
                e.title, e.outlet, f"{e.indicator_code} {e.indicator_name}".strip(),
                str(e.evidence_count) if e.evidence_count else "")[col]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(e, index.column())
            if index.column() == COL_TITLE and e.note:
                return text + "\n" + e.note
            return text or None
        if role == ROW_ROLE:
            return e
        return None


class KindFilter(QSortFilterProxyModel):
    kind = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, EventsModel)
        return not self.kind or model.rows[source_row].kind == self.kind


class EventDialog(QDialog):
    """Form for one event; the indicator list follows the date's year, the default follows the kind."""

    def __init__(self, indicators_of: Callable[[int], list[Any]], event: Event | None = None,
                 kind: str = "media", day: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑事件") if event else self.tr("登记事件"))
        self.indicators_of = indicators_of
        self.kind = QComboBox()
        for key in events.EVENT_KINDS:
            self.kind.addItem(kind_label(key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(event.kind if event else kind)))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        d = date.fromisoformat(event.date if event else day or date.today().isoformat())
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.level = QComboBox()
        self.level.addItem(self.tr("（未指定）"), "")
        for level in events.LEVELS:
            self.level.addItem(tr(LEVEL_NAMES[level]), level)
        self.level.setCurrentIndex(max(0, self.level.findData(event.level if event else "")))
        self.title = QLineEdit(event.title if event else "")
        self.outlet = QLineEdit(event.outlet if event else "")
        self.outlet.setPlaceholderText(self.tr("媒体名称、简报期号或会议名称"))
        self.note = QLineEdit(event.note if event else "")
        self.indicator = QComboBox()
        self._year = 0
        self._fill_indicators(event.indicator_id if event else None)
        form = QFormLayout(self)
        for label, widget in ((self.tr("类别"), self.kind), (self.tr("日期"), self.date), (self.tr("级别"), self.level),
                              (self.tr("标题"), self.title), (self.tr("媒体/会议"), self.outlet),
                              (self.tr("备注"), self.note), (self.tr("计入指标"), self.indicator)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._select_default())
        self.date.dateChanged.connect(lambda d: self._fill_indicators(None) if d.year() != self._year else None)
        self.resize(460, 300)

    def _fill_indicators(self, chosen: int | None) -> None:
        self._year = self.date.date().year()
        self._items = self.indicators_of(self._year)
        self.indicator.clear()
        self.indicator.addItem(self.tr("（按类别自动选择）"), None)
        for ind in self._items:
            self.indicator.addItem(f"{ind.code} {ind.name}".strip(), ind.id)
        if chosen is None or self.indicator.findData(chosen) < 0:
            self._select_default()
        else:
            self.indicator.setCurrentIndex(self.indicator.findData(chosen))

    def _select_default(self) -> None:
        kind = self.kind.currentData()
        match = next((ind.id for ind in self._items if ind.event_type == kind), None)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(match)) if match is not None else 0)

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "date": self.date.date().toString("yyyy-MM-dd"),
                "level": self.level.currentData(), "title": self.title.text(), "outlet": self.outlet.text(),
                "note": self.note.text(), "indicator_id": self.indicator.currentData()}


class EventsView(ReloadWhenShown, QWidget):
    """The register of counted events, filtered by year and kind, with counts per kind."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"dimension", "event", "evidence", "evidence_link", "indicator", "plan_year"})

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year: int | None = year
        self._year_chosen = year is not None
        self.model = EventsModel(self)
        self.proxy = KindFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        as_record_list(self.table)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col, width in enumerate((90, 80, 70, 300, 180, 140, 50)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        widen_to_titles(header)  # the English titles are longer
        self.year_box = QComboBox(self)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("全部类别"), "")
        for key in events.EVENT_KINDS:
            self.kind_box.addItem(kind_label(key), key)
        self.add_button = QPushButton(self.tr("新增…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.summary = QLabel(self)
        self.evidence = EvidencePanel(controller, self)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("年度：")), self.year_box, QLabel(self.tr("类别：")), self.kind_box, None,
                  self.add_button, self.edit_button, self.delete_button):
            if w is None:
                top.addStretch(1)
            else:
                top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        self.year_box.activated.connect(lambda _i: self.set_year(self.year_box.currentData()))
        self.kind_box.activated.connect(lambda _i: self.set_kind(self.kind_box.currentData()))
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.edit_button.clicked.connect(lambda: self.ask_edit())
        self.delete_button.clicked.connect(lambda: self.ask_delete())
        self.table.doubleClicked.connect(lambda _i: self.ask_edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_evidence())
        self.proxy.modelReset.connect(self._show_evidence)
        self.watch(controller)
        self.reload()

    def _show_evidence(self) -> None:
        event = self.selected()
        self.evidence.set_target("event" if event else None, event.id if event else None)

    # -- reading ------------------------------------------------------------------
    def rows(self) -> list[Event]:
        """The events shown (after the kind filter), by date."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def selected(self) -> Event | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, event_id: int) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ROW_ROLE).id == event_id:
                self.table.setCurrentIndex(self.proxy.index(r, COL_TITLE))
                return True
        return False

    def summary_text(self) -> str:
        return self.summary.text()

    def reload(self) -> None:
        db = self.controller.db
        years = sorted(set(plan_read.list_years(db)) | set(events.event_years(db)))
        if not self._year_chosen:
            self.year = date.today().year if date.today().year in years else (years[-1] if years else None)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        self.year_box.addItem(self.tr("全部年份"), None)
        for y in sorted(set(years) | ({self.year} if self.year else set())):
            self.year_box.addItem(self.tr("%1 年").replace("%1", str(y)), y)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(self.year)))
        self.year_box.blockSignals(False)
        keep = self.selected()
        self.model.set_rows(events.list_events(db, self.year))
        counts = events.kind_counts(self.model.rows)
        parts = self.tr("，").join(kind_label(k) + " " + str(n) for k, n in counts.items())
        head = self.tr("%1 年").replace("%1", str(self.year)) if self.year else self.tr("全部年份")
        self.summary.setText(self.tr("%1：%2").replace("%1", head).replace("%2", parts))
        if keep is not None:
            self.select(keep.id)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def set_year(self, year: int | None) -> None:
        self.year, self._year_chosen = year, True
        self.reload()

    def set_kind(self, kind: str | None) -> None:
        self.proxy.beginFilterChange()
        self.proxy.kind = kind or ""
        self.proxy.endFilterChange()
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind or "")))
        self._sync_buttons()

    # -- actions (no modal input; each is one undo step) -----------------------------
    def add(self, kind: str, day: date | str, title: str, level: str = "", outlet: str = "", note: str = "",
            indicator_id: int | None = None) -> int | None:
        """Register an event; its id, or None (after a message) when refused."""
        new_id: list[int] = []
        fields = {"level": level, "outlet": outlet, "note": note, "indicator_id": indicator_id}
        label = self.tr("登记%1“%2”").replace("%1", kind_label(kind)).replace("%2", title.strip())
        ok = self.controller.run(label, lambda w: new_id.append(events.add_event(w, kind, _iso(day), title, **fields)))
        return new_id[0] if ok and new_id else None

    def _title(self, event_id: int) -> str:
        return next((e.title for e in self.model.rows if e.id == event_id), str(event_id))

    def edit(self, event_id: int, **fields: Any) -> bool:
        """Change fields of an event (kind, date, level, title, outlet, note, indicator_id)."""
        fields = {k: _iso(v) if isinstance(v, date) else v for k, v in fields.items()}
        label = self.tr("修改事件“%1”").replace("%1", self._title(event_id))
        return bool(self.controller.run(label, lambda w: events.update_event(w, event_id, **fields)))

    def delete(self, event_id: int) -> bool:
        label = self.tr("删除事件“%1”").replace("%1", self._title(event_id))
        return bool(self.controller.run(label, lambda w: events.delete_event(w, event_id)))

    # -- interactive ----------------------------------------------------------------
    def _indicators_of(self, year: int) -> list[Any]:
        try:
            return plan_read.load_plan(self.controller.db, year).second_level()
        except NotFound:
            return []

    def ask_add(self) -> None:
        today = date.today()
        day = today.isoformat() if self.year in (None, today.year) else f"{self.year}-01-01"
        dialog = EventDialog(self._indicators_of, None, self.proxy.kind or "media", day, self)
        accepted, v = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.add(v.pop("kind"), v.pop("date"), v.pop("title"), **v)

    def ask_edit(self) -> None:
        e = self.selected()
        if e is None:
            return
        dialog = EventDialog(self._indicators_of, e, parent=self)
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.edit(e.id, **values)

    def ask_delete(self) -> None:
        e = self.selected()
        if e is not None and QMessageBox.question(
                self, self.tr("确认删除"), self.tr("删除事件“%1”（%2）？此操作可以撤销。").replace("%1", e.title)
                .replace("%2", e.date)) == QMessageBox.StandardButton.Yes:
            self.delete(e.id)
