"""Forms of the 督办事项 tab: ItemDialog (all fields of one item) and AdvanceDialog (next step).

Both only collect values; SupervisionView applies them through the supervision service in
one controller.run each. The deadline preview reads the text with core.deadline_text
(pure, no database).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from ..core.deadline_text import derive_deadline
from ..core.model import Division
from ..services.supervision import COMPLAINT, SOURCES, STATUSES, SupervisionItem

CTX = "SupervisionView"
STATUS_NAMES = {s: s for s in (
    QT_TRANSLATE_NOOP("SupervisionView", "待签收"), QT_TRANSLATE_NOOP("SupervisionView", "办理中"),
    QT_TRANSLATE_NOOP("SupervisionView", "已办结"), QT_TRANSLATE_NOOP("SupervisionView", "已报结"),
    QT_TRANSLATE_NOOP("SupervisionView", "已销号"))}
SOURCE_NAMES = {s: s for s in (
    QT_TRANSLATE_NOOP("SupervisionView", "省软环境办交办"), QT_TRANSLATE_NOOP("SupervisionView", "省软环境办督办"),
    QT_TRANSLATE_NOOP("SupervisionView", "明察暗访"), QT_TRANSLATE_NOOP("SupervisionView", "投诉"),
    QT_TRANSLATE_NOOP("SupervisionView", "领导批示"), QT_TRANSLATE_NOOP("SupervisionView", "会议议定"),
    QT_TRANSLATE_NOOP("SupervisionView", "其他"))}
DIVISION_ROLE = Qt.ItemDataRole.UserRole


def status_label(status: str) -> str:
    return QCoreApplication.translate(CTX, STATUS_NAMES[status]) if status in STATUS_NAMES else status


# what another superior office (文件 › 设置) hands down or supervises: 市营商办交办 → "Assigned by 市营商办"
_BY_OFFICE: tuple[tuple[str, str], ...] = (("交办", str(QT_TRANSLATE_NOOP("SupervisionView", "%1交办"))),
                                           ("督办", str(QT_TRANSLATE_NOOP("SupervisionView", "%1督办"))))


def source_label(source: str) -> str:
    if source in SOURCE_NAMES:
        return QCoreApplication.translate(CTX, SOURCE_NAMES[source])
    for suffix, text in _BY_OFFICE:
        if len(source) > len(suffix) and source.endswith(suffix):
            return QCoreApplication.translate(CTX, text).replace("%1", source[:-len(suffix)])
    return source


def _text_box(text: str, height: int = 56) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _division_list(divisions: list[Division], checked: list[int], shown: set[int]) -> QListWidget:
    """Checkable list of the divisions in use (and of retired ones the item already names)."""
    widget = QListWidget()
    for d in divisions:
        if d.retired_on is None or d.id in shown:
            row = QListWidgetItem(d.name)
            row.setData(DIVISION_ROLE, d.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if d.id in checked else Qt.CheckState.Unchecked)
            widget.addItem(row)
    widget.setFixedHeight(110)
    return widget


def checked_ids(widget: QListWidget) -> list[int]:
    return [widget.item(r).data(DIVISION_ROLE) for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked]


class ItemDialog(QDialog):
    """Every field of one item; values() gives them for supervision.add_item / update_item."""

    def __init__(self, divisions: list[Division], item: SupervisionItem | None = None,
                 today: date | None = None, parent: QWidget | None = None, indicator_codes: str = "",
                 sources: tuple[str, ...] = SOURCES) -> None:
        """sources: the ledger's sources, the superior office's first (supervision.sources)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑督办事项") if item else self.tr("新增督办事项"))
        self.today = today or date.today()
        self.no = QLineEdit(item.no if item else "")
        self.no.setPlaceholderText(self.tr("留空则自动编号（DB-年份-序号）"))
        self.source = QComboBox()
        self.source.setEditable(True)
        for s in sources:
            self.source.addItem(source_label(s), s)
        current = item.source if item else sources[0]
        if self.source.findData(current) >= 0:
            self.source.setCurrentIndex(self.source.findData(current))
        else:
            self.source.setEditText(current)
        self.received_on = QLineEdit(item.received_on if item else self.today.isoformat())
        self.received_on.setPlaceholderText(self.tr("例如 2026-03-15"))
        self.content = _text_box(item.content if item else "", 70)
        self.deadline = QLineEdit((item.deadline_text or item.deadline) if item else "")
        self.deadline.setPlaceholderText(self.tr("日期如 2026-06-30，或照文件写：6月底前、持续推进"))
        self.deadline_hint = QLabel()
        shown = set((item.lead_ids + item.cooperating_ids) if item else [])
        self.lead = _division_list(divisions, item.lead_ids if item else [], shown)
        self.cooperating = _division_list(divisions, item.cooperating_ids if item else [], shown)
        self.progress = _text_box(item.progress if item else "")
        self.closure_report = _text_box(item.closure_report if item else "")
        self.complaint_verified = QCheckBox(self.tr("投诉经查属实"))
        self.complaint_verified.setChecked(bool(item and item.complaint_verified))
        self.accountability = _text_box(item.accountability if item else "")
        self.accountability.setPlaceholderText(self.tr("问责对象、方式和文号；投诉属实的须填写后才能销号"))
        self.note = QLineEdit(item.note if item else "")
        units = QHBoxLayout()
        for title, widget in ((self.tr("牵头处室"), self.lead), (self.tr("配合处室"), self.cooperating)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            units.addLayout(column)
        form = QFormLayout()
        rows: list[tuple[str, Any]] = [
            (self.tr("编号"), self.no), (self.tr("来源"), self.source), (self.tr("交办日期"), self.received_on),
            (self.tr("事项内容"), self.content), (self.tr("办结时限"), self.deadline), ("", self.deadline_hint),
            (self.tr("责任处室"), units), (self.tr("办理进度"), self.progress),
            (self.tr("办结报告"), self.closure_report), (self.tr("投诉核查"), self.complaint_verified),
            (self.tr("问责记录"), self.accountability), (self.tr("备注"), self.note)]
        if item is not None:
            dates = [status_label(s) + " " + getattr(item, col) for s, col in
                     (("办理中", "signed_on"), ("已办结", "done_on"), ("已报结", "reported_on"), ("已销号", "closed_on"))
                     if getattr(item, col)]
            rows.insert(0, (self.tr("状态"), QLabel(status_label(item.status) + (
                self.tr("（%1）").replace("%1", self.tr("，").join(dates)) if dates else ""))))
        for label, widget in rows:
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tabs = QTabWidget()
        main = QWidget()
        main.setLayout(form)
        self.tabs.addTab(main, self.tr("事项"))
        self.tabs.addTab(self._ledger_page(item), self.tr("台账信息"))
        self.indicator_codes.setText(indicator_codes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.deadline.textChanged.connect(lambda _t: self._show_deadline())
        self.received_on.textChanged.connect(lambda _t: self._show_deadline())
        self._show_deadline()
        self.resize(560, 720)

    def _ledger_page(self, item: SupervisionItem | None) -> QWidget:
        """What full ledgers carry besides: 督办内容及要求, 督办类型, 紧急程度, 分管领导, 反馈周期,
        完成进度, 催办次数 (as written; 分管领导 are people, not divisions)."""
        def combo(current: str, choices: list[str]) -> QComboBox:
            box = QComboBox()
            box.setEditable(True)
            box.addItems(choices)
            box.setEditText(current)
            return box
        self.requirements = _text_box(item.requirements if item else "", 110)
        self.supervision_type = combo(item.supervision_type if item else "",
                                      [self.tr("专项督办"), self.tr("重点督办"), self.tr("日常督办"), self.tr("限时督办")])
        self.urgency = combo(item.urgency if item else "", [self.tr("特急"), self.tr("紧急"), self.tr("一般")])
        self.leader = QLineEdit(item.leader if item else "")
        self.leader.setPlaceholderText(self.tr("分管厅领导的姓名（不是处室）"))
        self.feedback_cycle = combo(item.feedback_cycle if item else "",
                                    [self.tr("每周"), self.tr("每半月"), self.tr("每月"), self.tr("每季度"), self.tr("办结后")])
        self.completion = QLineEdit(item.completion if item else "")
        self.completion.setPlaceholderText(self.tr("例如 60%、基本完成"))
        self.urge_count = QSpinBox()
        self.urge_count.setRange(0, 999)
        self.urge_count.setValue(item.urge_count if item else 0)
        self.urge_count.setSuffix(self.tr(" 次"))
        self.urge_count.setToolTip(self.tr("台账中的催办次数（起始数）；在程序中登记的每次催办另行累加"))
        self.indicator_codes = QLineEdit()
        self.indicator_codes.setPlaceholderText(self.tr("关联的二级指标编号，如 17；多个用顿号分隔"))
        page = QWidget()
        form = QFormLayout(page)
        for label, widget in ((self.tr("督办内容及要求"), self.requirements), (self.tr("督办类型"), self.supervision_type),
                              (self.tr("紧急程度"), self.urgency), (self.tr("分管领导"), self.leader),
                              (self.tr("反馈周期"), self.feedback_cycle), (self.tr("完成进度"), self.completion),
                              (self.tr("催办次数"), self.urge_count), (self.tr("关联指标"), self.indicator_codes)):
            form.addRow(label, widget)
        return page

    def _show_deadline(self) -> None:
        text = self.deadline.text().strip()
        try:
            reference = date.fromisoformat(self.received_on.text().strip())
        except ValueError:
            reference = self.today
        derived = derive_deadline(text, reference) if text else None
        if not text:
            self.deadline_hint.setText(self.tr("未定时限：不计逾期"))
        elif derived is None and "工作日" in text:
            self.deadline_hint.setText(self.tr("按工作日历计算，保存后显示日期"))
        elif derived is None:
            self.deadline_hint.setText(self.tr("未能读出日期（如“持续推进”）：照写保存，不计逾期"))
        else:
            self.deadline_hint.setText(self.tr("按 %1 计算逾期").replace("%1", derived.isoformat()))

    def source_value(self) -> str:
        index = self.source.currentIndex()
        text = self.source.currentText().strip()
        if index >= 0 and text == self.source.itemText(index):
            return str(self.source.itemData(index))
        return text

    def values(self) -> dict[str, Any]:
        return {"no": self.no.text(), "source": self.source_value(), "received_on": self.received_on.text().strip(),
                "content": self.content.toPlainText(), "deadline": self.deadline.text(),
                "lead": checked_ids(self.lead), "cooperating": checked_ids(self.cooperating),
                "progress": self.progress.toPlainText(), "closure_report": self.closure_report.toPlainText(),
                "complaint_verified": self.complaint_verified.isChecked(),
                "accountability": self.accountability.toPlainText(), "note": self.note.text(),
                "requirements": self.requirements.toPlainText(), "supervision_type": self.supervision_type.currentText(),
                "urgency": self.urgency.currentText(), "leader": self.leader.text(),
                "feedback_cycle": self.feedback_cycle.currentText(), "completion": self.completion.text(),
                "urge_count": self.urge_count.value(), "indicator_codes": self.indicator_codes.text()}


class AdvanceDialog(QDialog):
    """Which step to move to, on which date, with the progress or the closure report."""

    def __init__(self, item: SupervisionItem, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("推进督办事项"))
        self.target = QComboBox()
        for status in STATUSES[item.step + 1:]:
            self.target.addItem(status_label(status), status)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        d = today or date.today()
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.text_label = QLabel()
        self.text = _text_box("", 90)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("当前状态"), QLabel(status_label(item.status)))
        form.addRow(self.tr("推进到"), self.target)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.text_label, self.text)
        form.addRow(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.target.currentIndexChanged.connect(lambda _i: self._follow_target())
        self._follow_target()
        self.resize(480, 300)

    def _follow_target(self) -> None:
        target = STATUSES.index(self.target.currentData() or STATUSES[-1])
        report = target >= STATUSES.index("已办结")
        self.text_label.setText(self.tr("办结报告") if report else self.tr("办理进度"))
        self.text.setPlainText(self.item.closure_report if report else self.item.progress)
        hints = []
        if target > self.item.step + 1:
            hints.append(self.tr("跳过的步骤记同一日期。"))
        if target >= STATUSES.index("已办结"):
            hints.append(self.tr("办结须填写办结报告。"))
        if target == len(STATUSES) - 1 and self.item.source == COMPLAINT and self.item.needs_accountability:
            hints.append(self.tr("该投诉经查属实，须先在“编辑…”中填写问责记录才能销号。"))
        self.hint.setText("".join(hints))

    def values(self) -> tuple[str, str, str]:
        """(to_status, date, text); text is '' when left as it was."""
        report = STATUSES.index(self.target.currentData()) >= STATUSES.index("已办结")
        before = self.item.closure_report if report else self.item.progress
        text = self.text.toPlainText().strip()
        return self.target.currentData(), self.date.date().toString("yyyy-MM-dd"), "" if text == before else text
