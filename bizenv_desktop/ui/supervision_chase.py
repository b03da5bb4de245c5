"""催办 and periodic feedback on a supervised item: ReminderDialog (when, whom, how),
FeedbackDialog (which due date of its 反馈周期, when, what), and the item's 催办 history
(RemindersList). They only collect and show; SupervisionView writes through
services.supervision_watch, one controller action each.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QListWidget, QVBoxLayout, QWidget)

from ..services.supervision_watch import METHODS, FeedbackDue, Reminder

if TYPE_CHECKING:  # PySide6's stub returns object; the marked text is the string itself
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CTX = "SupervisionView"
METHOD_NAMES = {m: m for m in (
    QT_TRANSLATE_NOOP("SupervisionView", "电话"), QT_TRANSLATE_NOOP("SupervisionView", "短信"),
    QT_TRANSLATE_NOOP("SupervisionView", "微信"), QT_TRANSLATE_NOOP("SupervisionView", "当面"),
    QT_TRANSLATE_NOOP("SupervisionView", "催办单"), QT_TRANSLATE_NOOP("SupervisionView", "公文"),
    QT_TRANSLATE_NOOP("SupervisionView", "其他"))}
WARNING_NAMES = {"红": QT_TRANSLATE_NOOP("SupervisionView", "红"), "黄": QT_TRANSLATE_NOOP("SupervisionView", "黄")}


def method_label(method: str) -> str:
    return QCoreApplication.translate(CTX, METHOD_NAMES[method]) if method in METHOD_NAMES else method


def warning_label(level: str) -> str:
    return QCoreApplication.translate(CTX, WARNING_NAMES[level]) if level in WARNING_NAMES else level


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ReminderDialog(QDialog):
    """One 催办: the date, the division (the item's lead ones first), the person, the way."""

    def __init__(self, item_label: str, divisions: list[tuple[int, str]], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("催办：%1").replace("%1", item_label))
        self.date = _date_edit(today)
        self.division = QComboBox()
        self.division.addItem(self.tr("（不指定处室）"), None)
        for division_id, name in divisions:
            self.division.addItem(name, division_id)
        if divisions:
            self.division.setCurrentIndex(1)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("催办对象，如 张科长"))
        self.method = QComboBox()
        self.method.setEditable(True)
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.note = QLineEdit()
        form = QFormLayout(self)
        for label, widget in ((self.tr("催办日期"), self.date), (self.tr("处室"), self.division),
                              (self.tr("催办对象"), self.recipient), (self.tr("方式"), self.method),
                              (self.tr("说明"), self.note)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        index, text = self.method.currentIndex(), self.method.currentText().strip()
        method = str(self.method.itemData(index)) if index >= 0 and text == self.method.itemText(index) else text
        return {"on": self.date.date().toString("yyyy-MM-dd"), "division_id": self.division.currentData(),
                "recipient": self.recipient.text(), "method": method, "note": self.note.text()}


class FeedbackDialog(QDialog):
    """The feedback given for one due date of the item's cycle (the first not yet given is offered)."""

    def __init__(self, item_label: str, cycle: str, dues: list[FeedbackDue], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("定期反馈：%1").replace("%1", item_label))
        self.due = QComboBox()
        first_open = -1
        for due in dues:
            text = due.due.isoformat() + (self.tr("（已于 %1 反馈）").replace("%1", due.given_on) if due.given_on else "")
            self.due.addItem(text, due.due.isoformat())
            if first_open < 0 and not due.given_on:
                first_open = self.due.count() - 1
        self.due.setCurrentIndex(max(0, first_open))
        self.date = _date_edit(today)
        self.text = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("反馈周期"), QLabel(cycle))
        form.addRow(self.tr("应反馈日期"), self.due)
        form.addRow(self.tr("反馈日期"), self.date)
        form.addRow(self.tr("反馈内容"), self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.due.currentData() or "", self.date.date().toString("yyyy-MM-dd"), self.text.text()


class RemindersList(QWidget):
    """The selected item's 催办 history and its feedback dates, as lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("催办记录"))
        self.list = QListWidget(self)
        self.list.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)

    def show_item(self, reminders: list[Reminder], base: int, feedback: list[FeedbackDue], today: date) -> None:
        self.list.clear()
        if base:
            self.list.addItem(self.tr("导入时已催办 %1 次").replace("%1", str(base)))
        for r in reminders:
            who = self.tr("、").join(x for x in (r.division, r.recipient) if x)
            self.list.addItem(self.tr("%1 %2 %3").replace("%1", r.date).replace("%2", method_label(r.method))
                              .replace("%3", who) + (self.tr("：%1").replace("%1", r.note) if r.note else ""))
        for f in feedback:
            if f.due > today and not f.given_on:
                continue
            state = (self.tr("已于 %1 反馈").replace("%1", f.given_on) if f.given_on
                     else self.tr("未反馈") if f.due < today else self.tr("今日应反馈"))
            self.list.addItem(self.tr("应反馈 %1：%2").replace("%1", f.due.isoformat()).replace("%2", state))
        self.title.setText(self.tr("催办记录（%1 次）").replace("%1", str(base + len(reminders))))

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
