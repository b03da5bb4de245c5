"""The report dialog's 文件要素 page: what a document says besides its text (GB/T 9704 elements).

Shows the fields of core.document.Fields and gives back what was changed (`changes()`); the
dialog saves them with drafting.set_fields, which also remembers them for the next draft of
that kind. 成文日期 is chosen on a calendar (today when the draft has none); 印发日期 and the
附件 list are optional.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QToolButton, QVBoxLayout, QWidget)

from ..core.document import Document, Fields
from .screen_fit import scrolling

TEXT_FIELDS = ("issuer", "doc_no", "addressee", "signer", "contact", "cc", "printed_by")


def _qdate(iso: str) -> QDate:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        day = date.today()
    return QDate(day.year, day.month, day.day)


def _iso(value: QDate) -> str:
    return date(value.year(), value.month(), value.day()).isoformat()


class FieldsPage(QWidget):
    save_requested = Signal(dict)   # the fields changed, as set_fields takes them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: dict[str, Any] = {}
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        e = self.edits
        e["doc_no"].setPlaceholderText(self.tr("如：吉科法〔2026〕12号（可不填）"))
        e["addressee"].setPlaceholderText(self.tr("如：省优化营商环境建设领导小组办公室"))
        e["signer"].setPlaceholderText(self.tr("上报的报告填写（可不填）"))
        e["contact"].setPlaceholderText(self.tr("如：联系人：陈静，联系电话：0431-88880000"))
        e["cc"].setPlaceholderText(self.tr("如：厅领导，各处室"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = QPushButton(self.tr("今天"))
        today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addWidget(today)
        date_row.addStretch(1)
        self.printed = QCheckBox(self.tr("印发日期"))
        self.printed_on = QDateEdit()
        self.printed_on.setCalendarPopup(True)
        self.printed_on.setDisplayFormat("yyyy-MM-dd")
        self.printed.toggled.connect(self.printed_on.setEnabled)
        printed_row = QHBoxLayout()
        printed_row.addWidget(self.printed)
        printed_row.addWidget(self.printed_on)
        printed_row.addStretch(1)
        self.auto_attachments = QCheckBox(self.tr("按附件部分的标题列出"))
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(90)
        self.add_attachment = QToolButton()
        self.add_attachment.setText(self.tr("添加"))
        self.remove_attachment = QToolButton()
        self.remove_attachment.setText(self.tr("删除"))
        self.add_attachment.clicked.connect(self._add_attachment)
        self.remove_attachment.clicked.connect(self._remove_attachment)
        self.auto_attachments.toggled.connect(self._auto_toggled)
        attach_tools = QHBoxLayout()
        attach_tools.addWidget(self.auto_attachments, 1)
        attach_tools.addWidget(self.add_attachment)
        attach_tools.addWidget(self.remove_attachment)
        attach_box = QVBoxLayout()
        attach_box.addLayout(attach_tools)
        attach_box.addWidget(self.attachments)
        main = QGroupBox(self.tr("发文"))
        form = QFormLayout(main)
        form.addRow(self.tr("发文机关署名"), e["issuer"])
        form.addRow(self.tr("成文日期"), date_row)
        form.addRow(self.tr("发文字号"), e["doc_no"])
        form.addRow(self.tr("主送机关"), e["addressee"])
        form.addRow(self.tr("签发人"), e["signer"])
        form.addRow(self.tr("附件说明"), attach_box)
        form.addRow(self.tr("附注（联系人）"), e["contact"])
        record = QGroupBox(self.tr("版记（可不填）"))
        record_form = QFormLayout(record)
        record_form.addRow(self.tr("抄送"), e["cc"])
        record_form.addRow(self.tr("印发机关"), e["printed_by"])
        record_form.addRow(printed_row)
        self.save_button = QPushButton(self.tr("保存文件要素"))
        self.save_button.clicked.connect(self.flush)
        self.hint = QLabel(self.tr("这些要素按报告类型记住，下一期的报告沿用（成文日期、文号和附件除外）。"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(main)
        inner.addWidget(record)
        inner.addWidget(self.hint)
        inner.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content, self), 1)
        layout.addLayout(buttons)
        self.setEnabled(False)

    # -- showing --------------------------------------------------------------------------------
    def show_document(self, doc: Document) -> None:
        """Show doc's fields; what the liaison changed and has not saved is kept."""
        unsaved = self.changes()
        f = doc.fields
        self.edits["issuer"].setPlaceholderText(doc.author)
        for name, edit in self.edits.items():
            edit.setText(getattr(f, name))
        self.date.setDate(_qdate(f.date))
        self.printed.setChecked(bool(f.printed_on))
        self.printed_on.setDate(_qdate(f.printed_on))
        self.printed_on.setEnabled(bool(f.printed_on))
        self.auto_attachments.setChecked(f.attachments is None)
        self._fill_attachments(f.attachments if f.attachments is not None else doc.attachment_names())
        self._auto_toggled(f.attachments is None)
        self._shown = self.values()
        self.setEnabled(True)
        self._restore(unsaved)

    def _restore(self, unsaved: dict[str, Any]) -> None:
        for name, value in unsaved.items():
            if name in self.edits:
                self.edits[name].setText(value)
            elif name == "date":
                self.date.setDate(_qdate(value))
            elif name == "printed_on":
                self.printed.setChecked(bool(value))
                if value:
                    self.printed_on.setDate(_qdate(value))
            elif name == "attachments":
                self.auto_attachments.setChecked(value is None)
                if value is not None:
                    self._fill_attachments(value)

    def _fill_attachments(self, names: list[str]) -> None:
        self.attachments.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.attachments.addItem(item)

    # -- values ----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: edit.text().strip() for name, edit in self.edits.items()}
        out["date"] = _iso(self.date.date())
        out["printed_on"] = _iso(self.printed_on.date()) if self.printed.isChecked() else ""
        out["attachments"] = None if self.auto_attachments.isChecked() else [
            t for t in (self.attachments.item(i).text().strip() for i in range(self.attachments.count())) if t]
        return Fields.from_dict(out).as_dict()

    def changes(self) -> dict[str, Any]:
        if not self._shown:
            return {}
        now = self.values()
        return {k: v for k, v in now.items() if v != self._shown.get(k)}

    def flush(self) -> bool:
        """Save what was changed; True when a save was asked."""
        changed = self.changes()
        if not changed:
            return False
        self._shown = self.values()
        self.save_requested.emit(changed)
        return True

    # -- the attachment list ------------------------------------------------------------------
    def _auto_toggled(self, auto: bool) -> None:
        for w in (self.attachments, self.add_attachment, self.remove_attachment):
            w.setEnabled(not auto)

    def _add_attachment(self) -> None:
        item = QListWidgetItem(self.tr("附件名称"))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.attachments.addItem(item)
        self.attachments.setCurrentItem(item)
        self.attachments.editItem(item)

    def _remove_attachment(self) -> None:
        row = self.attachments.currentRow()
        if row >= 0:
            self.attachments.takeItem(row)
