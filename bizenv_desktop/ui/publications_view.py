"""公开发布 (the publications register): what was published for indicators (1) and (15), with
(1)'s state for the year (the plan published, or not yet) and (15)'s publications per quarter,
an ended quarter without one flagged. Reads through services.publications; adding, editing and
deleting are one undo step each.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout,
                               QWidget)

from ..core.errors import NotFound
from ..services import plan_read
from ..services import publications as pub
from ..services.publications import Publication
from .evidence_panel import EvidencePanel
from .lazy import ReloadWhenShown
from .record_page import RecordPage, record_table
from .rows_model import RowsModel
from .tr_marks import QT_TRANSLATE_NOOP

CTX = "PublicationsView"
HEADERS = (QT_TRANSLATE_NOOP("PublicationsView", "公开日期"), QT_TRANSLATE_NOOP("PublicationsView", "类别"),
           QT_TRANSLATE_NOOP("PublicationsView", "标题"), QT_TRANSLATE_NOOP("PublicationsView", "公开渠道"),
           QT_TRANSLATE_NOOP("PublicationsView", "链接"), QT_TRANSLATE_NOOP("PublicationsView", "指标"),
           QT_TRANSLATE_NOOP("PublicationsView", "佐证"))
KIND_NAMES = {"plan": QT_TRANSLATE_NOOP("PublicationsView", "年度实施方案"),
              "policy": QT_TRANSLATE_NOOP("PublicationsView", "政策措施"),
              "other": QT_TRANSLATE_NOOP("PublicationsView", "其他")}
QUARTERS = (QT_TRANSLATE_NOOP("PublicationsView", "第一季度"), QT_TRANSLATE_NOOP("PublicationsView", "第二季度"),
            QT_TRANSLATE_NOOP("PublicationsView", "第三季度"), QT_TRANSLATE_NOOP("PublicationsView", "第四季度"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 41
FLAG = "#c00000"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class PublicationsModel(RowsModel):
    CONTEXT, HEADERS, ROW_ROLE = CTX, HEADERS, ROW_ROLE

    def text(self, p: Publication, col: int) -> str:
        return (p.published_on, tr(KIND_NAMES.get(p.kind, p.kind)), p.title, p.outlet, p.url, p.indicator_code,
                str(p.evidence_count) if p.evidence_count else "")[col]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and self.rows[index.row()].note:
            p = self.rows[index.row()]
            return self.text(p, index.column()) + "\n" + p.note  # the note in every cell's tip
        return super().data(index, role)


class PublicationDialog(QDialog):
    """One publication's fields; values() gives them for services.publications."""

    def __init__(self, indicators_of: Callable[[int], list[Any]], p: Publication | None = None, year: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑公开记录") if p else self.tr("登记公开发布"))
        self.indicators_of = indicators_of
        self.kind = QComboBox()
        for key, name in KIND_NAMES.items():
            self.kind.addItem(tr(name), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind if p else "policy")))
        self.title = QLineEdit(p.title if p else "")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        d = date.fromisoformat(p.published_on) if p else (date.today() if year in (0, date.today().year)
                                                          else date(year, 1, 1))
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(p.year if p else (year or d.year))
        self.year.setToolTip(self.tr("计入哪一年度的方案（上年年底公开的下年方案计入下年）"))
        self.outlet = QLineEdit(p.outlet if p else "")
        self.outlet.setPlaceholderText(self.tr("如 本单位门户网站、省级日报"))
        self.url = QLineEdit(p.url if p else "")
        self.url.setPlaceholderText("https://")
        self.note = QLineEdit(p.note if p else "")
        self.indicator = QComboBox()
        self._fill_indicators(p.indicator_id if p else None)
        form = QFormLayout(self)
        for label, widget in ((self.tr("类别"), self.kind), (self.tr("标题"), self.title), (self.tr("公开日期"), self.date),
                              (self.tr("计入年度"), self.year), (self.tr("公开渠道"), self.outlet),
                              (self.tr("链接"), self.url), (self.tr("关联指标"), self.indicator),
                              (self.tr("备注"), self.note)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.year.valueChanged.connect(lambda _v: self._fill_indicators(self.indicator.currentData()))
        self.resize(480, 320)

    def _fill_indicators(self, chosen: int | None) -> None:
        self.indicator.clear()
        self.indicator.addItem(self.tr("（不关联）"), None)
        for ind in self.indicators_of(self.year.value()):
            self.indicator.addItem(f"{ind.code} {ind.name}".strip(), ind.id)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(chosen)))

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind.currentData(), "title": self.title.text(),
                "published_on": self.date.date().toString("yyyy-MM-dd"), "year": self.year.value(),
                "outlet": self.outlet.text(), "url": self.url.text(), "note": self.note.text(),
                "indicator_id": self.indicator.currentData()}


class PublicationsView(RecordPage[Publication], ReloadWhenShown, QWidget):
    ROW_ROLE, SELECT_COLUMN = ROW_ROLE, 2

    """The year's publications, (1)'s and (15)'s state, and the selected one's evidence."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"dimension", "evidence", "evidence_link", "indicator", "plan_year", "publication"})

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year = year
        self.fixed_today = today
        self.model = PublicationsModel(self)
        self.table = record_table(self, self.model, (90, 100, 300, 120, 160, 50, 50))
        self.plan_state = QLabel(self)
        self.quarter_state = QLabel(self)
        for label in (self.plan_state, self.quarter_state):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("登记…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.evidence = EvidencePanel(controller, self)
        top = QHBoxLayout()
        top.addWidget(self.plan_state, 1)
        for b in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(b)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quarter_state)
        layout.addWidget(splitter, 1)
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.edit_button.clicked.connect(lambda: self.ask_edit())
        self.delete_button.clicked.connect(lambda: self.ask_delete())
        self.table.doubleClicked.connect(lambda _i: self.ask_edit())
        self.follow_selection(controller)

    def reload(self) -> None:
        db = self.controller.db
        self.year = self.year_to_show(plan_read.list_years(db))
        keep = self.selected()
        if self.year is None:
            self.model.replace_rows([])
            self.plan_state.setText("")
            self.quarter_state.setText("")
            return
        self.model.replace_rows(pub.list_publications(db, self.year))
        plan = pub.plan_publication(db, self.year)
        if plan is not None:
            self.plan_state.setText(self.tr("(1) %1 年度实施方案：已于 %2 公开（%3）").replace("%1", str(self.year))
                                    .replace("%2", plan.published_on).replace("%3", plan.outlet or plan.title))
        else:
            self.plan_state.setText(f'<span style="color:{FLAG}">'
                                    + self.tr("(1) %1 年度实施方案：尚未登记公开").replace("%1", str(self.year))
                                    + "</span>")
        self.quarter_state.setText(self.tr("(15) 政策措施公布：") + self.tr("，").join(
            self._quarter_text(q) for q in pub.policy_quarters(db, self.year, self.today)))
        if keep is not None:
            self.select(keep.id)
        self._selection_changed()

    def _quarter_text(self, q: pub.QuarterCount) -> str:
        name = tr(QUARTERS[q.quarter - 1])
        if q.state == "missing":
            return f'<span style="color:{FLAG}"><b>' + self.tr("%1 0 次（缺）").replace("%1", name) + "</b></span>"
        if q.state == "future":
            return self.tr("%1 —").replace("%1", name)
        return self.tr("%1 %2 次").replace("%1", name).replace("%2", str(q.count))

    def flags(self) -> list[int]:
        """The quarters flagged (ended without a policy publication)."""
        return [q.quarter for q in pub.policy_quarters(self.controller.db, self.year, self.today)
                if q.flagged] if self.year else []

    def _selection_changed(self) -> None:
        p = self.selected()
        self.evidence.set_target("publication" if p else None, p.id if p else None)
        self.edit_button.setEnabled(p is not None)
        self.delete_button.setEnabled(p is not None)

    # -- actions (each one undo step) ------------------------------------------------
    def add(self, **fields: Any) -> int | None:
        new_id: list[int] = []
        label = self.tr("登记公开发布“%1”").replace("%1", str(fields.get("title", "")).strip()[:20])
        ok = self.controller.run(label, lambda w: new_id.append(pub.add_publication(w, **fields)))
        return new_id[0] if ok and new_id else None

    def edit(self, publication_id: int, **fields: Any) -> bool:
        label = self.tr("修改公开记录“%1”").replace("%1", self._title(publication_id))
        return bool(self.controller.run(label, lambda w: pub.update_publication(w, publication_id, **fields)))

    def delete(self, publication_id: int) -> bool:
        label = self.tr("删除公开记录“%1”").replace("%1", self._title(publication_id))
        return bool(self.controller.run(label, lambda w: pub.delete_publication(w, publication_id)))

    def _title(self, publication_id: int) -> str:
        return next((p.title[:20] for p in self.model.rows if p.id == publication_id), str(publication_id))

    # -- interactive --------------------------------------------------------------------
    def _indicators_of(self, year: int) -> list[Any]:
        try:
            return plan_read.load_plan(self.controller.db, year).second_level()
        except NotFound:
            return []

    def ask_add(self) -> None:
        values = self.ask(PublicationDialog(self._indicators_of, None, self.year or 0, self))
        if values is not None:
            self.add(**values)

    def ask_edit(self) -> None:
        p = self.selected()
        if p is None:
            return
        values = self.ask(PublicationDialog(self._indicators_of, p, p.year, self))
        if values is not None:
            self.edit(p.id, **values)

    def ask_delete(self) -> None:
        p = self.selected()
        if p is not None and self.confirm_delete(self.tr("删除公开记录“%1”？此操作可以撤销。").replace("%1", p.title)):
            self.delete(p.id)
