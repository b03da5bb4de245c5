"""督查 (四（三）定期对考核评价工作进行督查): each inspection with its scope and findings, and
its follow-up items, each of which can be made a supervised item. Reads through
services.inspections; every action is one undo step.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..services import inspections as insp
from ..services import plan_read
from ..services.inspections import Followup, Inspection
from ..services.lookup import indicator_by_code
from .evidence_panel import EvidencePanel
from .lazy import ReloadWhenShown
from .record_page import RecordPage, record_table
from .rows_model import RowsModel
from .supervision_dialog import _division_list, checked_ids
from .tr_marks import QT_TRANSLATE_NOOP

CTX = "InspectionsView"
HEADERS = (QT_TRANSLATE_NOOP("InspectionsView", "日期"), QT_TRANSLATE_NOOP("InspectionsView", "名称"),
           QT_TRANSLATE_NOOP("InspectionsView", "督查指标"), QT_TRANSLATE_NOOP("InspectionsView", "督查处室"),
           QT_TRANSLATE_NOOP("InspectionsView", "整改事项"), QT_TRANSLATE_NOOP("InspectionsView", "佐证"))
FOLLOW_HEADERS = (QT_TRANSLATE_NOOP("InspectionsView", "整改事项"), QT_TRANSLATE_NOOP("InspectionsView", "责任处室"),
                  QT_TRANSLATE_NOOP("InspectionsView", "整改时限"), QT_TRANSLATE_NOOP("InspectionsView", "督办事项"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 43


class InspectionsModel(RowsModel):
    CONTEXT, HEADERS, ROW_ROLE = CTX, HEADERS, ROW_ROLE

    def text(self, i: Inspection, col: int) -> str:
        sep = self.tr("、")
        made = sum(1 for f in i.followups if f.item_id)
        follow = self.tr("%1 项（已转督办 %2）").replace("%1", str(len(i.followups))).replace("%2", str(made)) \
            if i.followups else ""
        return (i.date, i.title, sep.join(i.indicator_codes), sep.join(i.divisions), follow,
                str(i.evidence_count) if i.evidence_count else "")[col]


class FollowupsModel(RowsModel):
    CONTEXT, HEADERS, ROW_ROLE = CTX, FOLLOW_HEADERS, ROW_ROLE

    def text(self, f: Followup, col: int) -> str:
        return (f.content, f.division, f.deadline, f.item_no or self.tr("（未转）"))[col]


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class InspectionDialog(QDialog):
    """Date, title, findings and scope (indicator numbers, divisions) of one 督查."""

    def __init__(self, divisions: list[Any], inspection: Inspection | None, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑督查") if inspection else self.tr("登记督查"))
        self.date = _date_edit(date.fromisoformat(inspection.date) if inspection else today)
        self.title = QLineEdit(inspection.title if inspection else "")
        self.title.setPlaceholderText(self.tr("如 第一季度营商环境考核评价工作督查"))
        self.indicators = QLineEdit(self.tr("、").join(c.strip("()（）") for c in inspection.indicator_codes)
                                    if inspection else "")
        self.indicators.setPlaceholderText(self.tr("督查的二级指标编号，如 10、13"))
        ids = inspection.division_ids if inspection else []
        self.divisions = _division_list(divisions, ids, set(ids))
        self.findings = QPlainTextEdit(inspection.findings if inspection else "")
        self.findings.setFixedHeight(110)
        self.note = QLineEdit(inspection.note if inspection else "")
        form = QFormLayout(self)
        for label, widget in ((self.tr("督查日期"), self.date), (self.tr("名称"), self.title),
                              (self.tr("督查指标"), self.indicators), (self.tr("督查处室"), self.divisions),
                              (self.tr("督查发现"), self.findings), (self.tr("备注"), self.note)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 460)

    def values(self) -> dict[str, Any]:
        codes = [c for c in self.indicators.text().replace("，", "、").replace(",", "、").replace(" ", "、").split("、")
                 if c.strip()]
        return {"date": self.date.date().toString("yyyy-MM-dd"), "title": self.title.text(),
                "findings": self.findings.toPlainText(), "note": self.note.text(), "codes": codes,
                "divisions": checked_ids(self.divisions)}


class FollowupDialog(QDialog):
    def __init__(self, divisions: list[Any], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增整改事项"))
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(80)
        self.division = QComboBox()
        self.division.addItem(self.tr("（未指定）"), None)
        for d in divisions:
            if d.retired_on is None and d.kind != "group":
                self.division.addItem(d.name, d.id)
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(self.tr("如 2026-04-30，可留空"))
        form = QFormLayout(self)
        form.addRow(self.tr("整改事项"), self.content)
        form.addRow(self.tr("责任处室"), self.division)
        form.addRow(self.tr("整改时限"), self.deadline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, int | None, str]:
        return self.content.toPlainText(), self.division.currentData(), self.deadline.text().strip()


class InspectionsView(RecordPage[Inspection], ReloadWhenShown, QWidget):
    ROW_ROLE, SELECT_COLUMN = ROW_ROLE, 1

    """The year's 督查, the selected one's findings and follow-up items, and its evidence."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"division", "evidence", "evidence_link", "indicator", "inspection", "inspection_followup",
                         "inspection_scope", "plan_year", "supervision_item"})

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year = year
        self.fixed_today = today
        self.model = InspectionsModel(self)
        self.table = record_table(self, self.model, (90, 260, 110, 150, 140, 50))
        self.followups = FollowupsModel(self)
        self.follow_table = record_table(self, self.followups, (300, 100, 100, 110))
        self.findings = QPlainTextEdit(self)
        self.findings.setReadOnly(True)
        self.findings.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("登记督查…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.add_follow_button = QPushButton(self.tr("新增整改事项…"), self)
        self.promote_button = QPushButton(self.tr("转为督办事项"), self)
        self.delete_follow_button = QPushButton(self.tr("删除整改事项"), self)
        self.evidence = EvidencePanel(controller, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("四（三）定期对考核评价工作进行督查"), self), 1)
        for b in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(b)
        follow_buttons = QHBoxLayout()
        follow_buttons.addWidget(QLabel(self.tr("督查发现与整改事项"), self), 1)
        for b in (self.add_follow_button, self.promote_button, self.delete_follow_button):
            follow_buttons.addWidget(b)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(follow_buttons)
        lower_layout.addWidget(self.findings)
        lower_layout.addWidget(self.follow_table, 1)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(lower)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.edit_button.clicked.connect(lambda: self.ask_edit())
        self.delete_button.clicked.connect(lambda: self.ask_delete())
        self.add_follow_button.clicked.connect(lambda: self.ask_add_followup())
        self.promote_button.clicked.connect(lambda: self._promote_selected())
        self.delete_follow_button.clicked.connect(lambda: self._delete_followup_selected())
        self.table.doubleClicked.connect(lambda _i: self.ask_edit())
        self.follow_table.selectionModel().currentRowChanged.connect(lambda *_: self._sync_buttons())
        self.follow_selection(controller)

    def selected_followup(self) -> Followup | None:
        index = self.follow_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def reload(self) -> None:
        db = self.controller.db
        years = plan_read.list_years(db)
        if self.year is None and years:
            self.year = self.today.year if self.today.year in years else years[-1]
        keep = self.selected()
        keep_follow = self.selected_followup()
        self.model.replace_rows(insp.list_inspections(db, self.year))
        if keep is not None:
            self.select(keep.id)
        elif self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, 1))
        self._selection_changed()
        if keep_follow is not None:
            for r, f in enumerate(self.followups.rows):
                if f.id == keep_follow.id:
                    self.follow_table.setCurrentIndex(self.followups.index(r, 0))

    def _selection_changed(self) -> None:
        i = self.selected()
        self.followups.replace_rows(list(i.followups) if i else [])
        self.findings.setPlainText(i.findings if i else "")
        self.evidence.set_target("inspection" if i else None, i.id if i else None)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        i, f = self.selected(), self.selected_followup()
        for b in (self.edit_button, self.delete_button, self.add_follow_button):
            b.setEnabled(i is not None)
        self.promote_button.setEnabled(bool(f and f.item_id is None))
        self.delete_follow_button.setEnabled(bool(f and f.item_id is None))

    # -- actions (each one undo step) ------------------------------------------------
    def _codes(self, day: str, codes: list[str]) -> list[int] | None:
        try:
            return [indicator_by_code(self.controller.db, int(day[:4]), c) for c in codes]
        except BizenvError as exc:
            self.controller.report(exc)
            return None

    def add_inspection(self, day: str, title: str, findings: str = "", note: str = "", codes: list[str] = (),  # type: ignore[assignment]
                       divisions: list[int] = ()) -> int | None:  # type: ignore[assignment]
        indicators = self._codes(day, list(codes))
        if indicators is None:
            return None
        new_id: list[int] = []
        label = self.tr("登记督查“%1”").replace("%1", title.strip()[:20])
        ok = self.controller.run(label, lambda w: new_id.append(insp.add_inspection(
            w, day, title, findings, note, indicators, divisions)))
        return new_id[0] if ok and new_id else None

    def edit_inspection(self, inspection_id: int, **fields: Any) -> bool:
        if "codes" in fields:
            indicators = self._codes(fields.get("date") or self._date(inspection_id), fields.pop("codes"))
            if indicators is None:
                return False
            fields["indicators"] = indicators
        label = self.tr("修改督查“%1”").replace("%1", self._title(inspection_id))
        return bool(self.controller.run(label, lambda w: insp.update_inspection(w, inspection_id, **fields)))

    def delete_inspection(self, inspection_id: int) -> bool:
        label = self.tr("删除督查“%1”").replace("%1", self._title(inspection_id))
        return bool(self.controller.run(label, lambda w: insp.delete_inspection(w, inspection_id)))

    def add_followup(self, inspection_id: int, content: str, division_id: int | None = None,
                     deadline: str = "") -> int | None:
        new_id: list[int] = []
        label = self.tr("新增整改事项“%1”").replace("%1", content.strip()[:20])
        ok = self.controller.run(label, lambda w: new_id.append(insp.add_followup(
            w, inspection_id, content, division_id, deadline)))
        return new_id[0] if ok and new_id else None

    def promote(self, followup_id: int) -> int | None:
        new_id: list[int] = []
        label = self.tr("整改事项转为督办事项")
        ok = self.controller.run(label, lambda w: new_id.append(insp.promote_followup(w, followup_id, self.today)))
        return new_id[0] if ok and new_id else None

    def delete_followup(self, followup_id: int) -> bool:
        return bool(self.controller.run(self.tr("删除整改事项"), lambda w: insp.delete_followup(w, followup_id)))

    def _title(self, inspection_id: int) -> str:
        return next((i.title[:20] for i in self.model.rows if i.id == inspection_id), str(inspection_id))

    def _date(self, inspection_id: int) -> str:
        return next((i.date for i in self.model.rows if i.id == inspection_id), self.today.isoformat())

    def _promote_selected(self) -> None:
        f = self.selected_followup()
        if f is not None and f.item_id is None:
            self.promote(f.id)

    def _delete_followup_selected(self) -> None:
        f = self.selected_followup()
        if f is not None and f.item_id is None:
            self.delete_followup(f.id)

    # -- interactive --------------------------------------------------------------------
    def ask_add(self) -> None:
        v = self.ask(InspectionDialog(plan_read.list_divisions(self.controller.db), None, self.today, self))
        if v is not None:
            self.add_inspection(v["date"], v["title"], v["findings"], v["note"], v["codes"], v["divisions"])

    def ask_edit(self) -> None:
        i = self.selected()
        if i is None:
            return
        v = self.ask(InspectionDialog(plan_read.list_divisions(self.controller.db), i, self.today, self))
        if v is not None:
            self.edit_inspection(i.id, **v)

    def ask_delete(self) -> None:
        i = self.selected()
        if i is not None and self.confirm_delete(self.tr("删除督查“%1”？此操作可以撤销。").replace("%1", i.title)):
            self.delete_inspection(i.id)

    def ask_add_followup(self) -> None:
        i = self.selected()
        if i is None:
            return
        values = self.ask(FollowupDialog(plan_read.list_divisions(self.controller.db), self.today, self))
        if values is not None:
            self.add_followup(i.id, *values)
