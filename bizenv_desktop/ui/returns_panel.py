"""Which divisions have returned the month's form, and which are still to chase (催报名单).

A small panel for the month view: set_month(month) when the month changes; it reloads itself
after every change (controller.changed), with one service call (a few queries).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ..core.errors import BizenvError
from ..services import dispatch
from ..services import form_returns as forms


class ReturnsPanel(QWidget):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.month = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.missing = QListWidget()
        self.missing.setToolTip(self.tr("还没有交回调度表的处室"))
        self.returned = QListWidget()
        self.returned.setToolTip(self.tr("已收回调度表的处室（交回日期）"))
        self.make_button = QPushButton(self.tr("生成调度表…"))
        self.make_button.setToolTip(self.tr("为每个处室生成本月的 Excel 调度表"))
        self.collect_button = QPushButton(self.tr("收回调度表…"))
        self.collect_button.setToolTip(self.tr("读入处室交回的调度表，检查后写入"))
        self.copy_button = QPushButton(self.tr("复制催报名单"))
        self.copy_button.setToolTip(self.tr("把未交回的处室名单复制到剪贴板"))
        self.missing_label = QLabel(self.tr("未交回（待催报）"))
        self.returned_label = QLabel(self.tr("已交回"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.collect_button)
        chase = QHBoxLayout()
        chase.addWidget(self.missing_label, 1)
        chase.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(chase)
        layout.addWidget(self.missing, 1)
        layout.addWidget(self.returned_label)
        layout.addWidget(self.returned, 1)
        layout.addLayout(buttons)
        self.make_button.clicked.connect(self.open_make)
        self.collect_button.clicked.connect(self.open_collect)
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(self.missing_text()))
        controller.changed.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        self.reload()

    def set_month(self, month: str) -> None:
        self.month = month or ""
        self.reload()

    def reload(self) -> None:
        self.missing.clear()
        self.returned.clear()
        head = dispatch.month_head(self.controller.db, self.month) if self.month else None
        returned: list[forms.DivisionReturn] = []
        missing: list[forms.DivisionReturn] = []
        if head is not None:
            try:
                returned, missing = forms.returned_divisions(self.controller.db, self.month)
            except BizenvError:
                head = None
        for r in missing:
            self.missing.addItem(r.name)
        for r in returned:
            self.returned.addItem(self.tr("%1（%2）").replace("%1", r.name).replace("%2", r.returned_on))
            self.returned.item(self.returned.count() - 1).setToolTip(r.note)
        open_month = head is not None and head["closed_at"] is None
        self.make_button.setEnabled(open_month)
        self.collect_button.setEnabled(open_month)
        self.copy_button.setEnabled(bool(missing))
        if head is None:
            self.title.setText(self.tr("处室调度表：未选择月份。"))
        else:
            self.title.setText(self.tr("%1 处室调度表：已交回 %2 个，未交回 %3 个。").replace("%1", self.month)
                               .replace("%2", str(len(returned))).replace("%3", str(len(missing))))

    def missing_text(self) -> str:
        return "、".join(self.missing.item(i).text() for i in range(self.missing.count()))

    def open_make(self) -> None:
        from .forms_dialog import MakeFormsDialog  # openpyxl: imported when the forms are used

        MakeFormsDialog(self.controller, self.month, self).exec()

    def open_collect(self) -> None:
        from .forms_dialog import CollectFormsDialog

        CollectFormsDialog(self.controller, self.month, self).exec()
