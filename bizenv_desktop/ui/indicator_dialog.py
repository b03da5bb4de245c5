"""Dialog for everything about one indicator: wording, kind and target, score, divisions."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from ..core.model import COMPARATORS, KINDS, Division, Indicator, Target
from ..services import plan_edit
from .assignment_editor import AssignmentEditor
from .plan_model import kind_label
from .settings import PreserveGeometry


class IndicatorDialog(PreserveGeometry, QDialog):
    def __init__(self, indicator: Indicator, divisions: list[Division], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        level = self.tr("一级指标") if indicator.level == 1 else self.tr("二级指标")
        self.setWindowTitle(self.tr("%1 %2 %3").replace("%1", level).replace("%2", indicator.code)
                            .replace("%3", indicator.name))
        self.code = QLineEdit(indicator.code)
        self.name = QLineEdit(indicator.name)
        self.criteria = QPlainTextEdit(indicator.criteria)
        self.criteria.setTabChangesFocus(True)
        self.deadline = QLineEdit(indicator.deadline)
        self.deadline.setPlaceholderText(self.tr("例如：2026-12-31、每季度前5个工作日内"))
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(KINDS.index(indicator.kind))
        self.has_score = QCheckBox(self.tr("有分值"))
        self.score = QDoubleSpinBox()
        self.score.setRange(0, 1000)
        self.score.setDecimals(1)
        self.has_score.setChecked(indicator.score is not None)
        self.score.setValue(indicator.score or 0)
        self.metric_edit = QLineEdit(indicator.target.metric if indicator.target else "")
        self.metric_edit.setPlaceholderText(self.tr("考核的数值，例如：网上可办率"))
        self.op = QComboBox()
        for op in COMPARATORS:
            self.op.addItem({">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}[op], op)
        self.value = QDoubleSpinBox()
        self.value.setRange(-1e9, 1e9)
        self.value.setDecimals(2)
        self.unit = QLineEdit(indicator.target.unit if indicator.target else "%")
        if indicator.target:
            self.op.setCurrentIndex(COMPARATORS.index(indicator.target.op))
            self.value.setValue(indicator.target.value)
        form = QFormLayout()
        form.addRow(self.tr("编号"), self.code)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("考评内容及标准"), self.criteria)
        form.addRow(self.tr("完成时限"), self.deadline)
        score_row = QHBoxLayout()
        score_row.addWidget(self.has_score)
        score_row.addWidget(self.score)
        score_row.addStretch(1)
        self.kind_group = QGroupBox(self.tr("类型与目标"))
        kind_form = QFormLayout(self.kind_group)
        kind_form.addRow(self.tr("指标类型"), self.kind)
        target_row = QHBoxLayout()
        for w in (self.op, self.value, self.unit):
            target_row.addWidget(w)
        kind_form.addRow(self.tr("目标数值项"), self.metric_edit)
        kind_form.addRow(self.tr("目标"), target_row)
        kind_form.addRow(self.tr("分值"), score_row)
        self.kind_group.setVisible(indicator.level == 2)
        self.assignments = AssignmentEditor(divisions)
        self.assignments.set_value(indicator.assignments)
        division_group = QGroupBox(self.tr("责任处室"))
        QVBoxLayout(division_group).addWidget(self.assignments)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.kind_group)
        layout.addWidget(division_group)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._sync)
        self.has_score.toggled.connect(self._sync)
        self._sync()
        self.resize(720, 640)
        self.restore_geometry()

    def _sync(self) -> None:
        quantitative = self.kind.currentData() == "quantitative"
        for w in (self.metric_edit, self.op, self.value, self.unit):
            w.setEnabled(quantitative)
        self.score.setEnabled(self.has_score.isChecked())

    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)

    def changes(self) -> dict[str, Any]:
        """The indicator fields as the user left them (for plan_edit.update_indicator)."""
        kind = self.kind.currentData()
        fields: dict[str, Any] = {
            "code": self.code.text().strip(), "name": self.name.text(),
            "criteria": self.criteria.toPlainText().strip(), "deadline": self.deadline.text().strip(),
            "kind": kind, "score": self.score.value() if self.has_score.isChecked() else None,
        }
        if kind == "quantitative":
            fields["target"] = Target(self.op.currentData(), self.value.value(), self.unit.text().strip(),
                                      self.metric_edit.text().strip())
        else:
            fields["target"] = None
        return fields

    def apply(self, w: Any) -> None:
        """The whole dialog as one action (one undo step)."""
        plan_edit.update_indicator(w, self.indicator.id, **self.changes())
        plan_edit.set_assignments(w, self.indicator.id, self.assignments.value())
