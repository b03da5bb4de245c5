"""设置: UI language, the folder with official fonts (and which font serves each role),
how many automatic backups to keep."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..services.department import default_short, get_department, set_department, set_superior
from ..services.pdf.fonts import ROLE_NAMES, choose_fonts
from ..services.settings_store import get_setting, set_setting
from . import file_dialogs, settings
from .screen_fit import fit_size

# lupdate sees the role names here (they live in services.pdf.fonts, which has no Qt)
_ROLE_LABELS = (QT_TRANSLATE_NOOP("SettingsDialog", "标题（小标宋）"), QT_TRANSLATE_NOOP("SettingsDialog", "正文（仿宋）"),
                QT_TRANSLATE_NOOP("SettingsDialog", "一级标题（黑体）"), QT_TRANSLATE_NOOP("SettingsDialog", "二级标题（楷体）"),
                QT_TRANSLATE_NOOP("SettingsDialog", "页码（宋体）"))


class SettingsDialog(QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.font_folder = QLineEdit(settings.get("pdf/font_folder"))
        self.font_folder.setPlaceholderText(self.tr("（可选）存放 simfang.ttf、simhei.ttf 等字体的文件夹"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        self.fonts = QTableWidget(0, 3)
        self.fonts.setHorizontalHeaderLabels([self.tr("用途"), self.tr("字体文件"), self.tr("来源")])
        self.fonts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fonts.verticalHeader().setVisible(False)
        self.font_folder.editingFinished.connect(self.show_fonts)
        self.keep = QSpinBox()
        self.keep.setRange(1, 500)
        self.keep.setValue(int(get_setting(controller.db, "backup.keep")))
        self.daily = QCheckBox(self.tr("每天自动备份一次"))
        self.daily.setChecked(bool(get_setting(controller.db, "backup.daily")))
        department = get_department(controller.db)
        self.department_name = QLineEdit(department.name)
        self.department_name.setPlaceholderText(self.tr("如：××省××厅"))
        from .first_start import short_box

        self.department_short = short_box(department.short)
        self.department_name.textEdited.connect(lambda text: self.department_short.setCurrentText(default_short(text)))
        divisions = QPushButton(self.tr("处室管理…"))
        divisions.clicked.connect(self._divisions)
        self._department = (department.name, department.short, department.configured)
        from .first_start import superior_fields

        self.superior_name, self.superior_short = superior_fields(department.superior)
        self._superior = (department.superior.name, department.superior.short)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.font_folder, 1)
        folder_row.addWidget(browse)
        unit_box = QGroupBox(self.tr("本单位"))
        unit_form = QFormLayout(unit_box)
        unit_form.addRow(self.tr("单位名称"), self.department_name)
        unit_form.addRow(self.tr("简称（报告中的自称）"), self.department_short)
        unit_form.addRow(self.tr("上级办公室（全称）"), self.superior_name)
        unit_form.addRow(self.tr("上级办公室（简称）"), self.superior_short)
        unit_form.addRow(self.tr("处室"), divisions)
        ui_box = QGroupBox(self.tr("界面"))
        ui_form = QFormLayout(ui_box)
        ui_form.addRow(self.tr("界面语言（重新启动后生效）"), self.language)
        pdf_box = QGroupBox(self.tr("报告字体"))
        pdf_layout = QVBoxLayout(pdf_box)
        pdf_layout.addLayout(folder_row)
        pdf_layout.addWidget(self.fonts)
        note = QLabel(self.tr("有正式字体（仿宋、黑体、楷体、宋体、方正小标宋）时优先使用；否则使用随程序提供的字体。"
                              "所有字体都嵌入 PDF。"))
        note.setWordWrap(True)  # one line of it was wider than a 1366 screen in English
        pdf_layout.addWidget(note)
        backup_box = QGroupBox(self.tr("备份"))
        backup_form = QFormLayout(backup_box)
        backup_form.addRow(self.tr("保留自动备份份数"), self.keep)
        backup_form.addRow(self.daily)
        round_box = self._round_box(controller)
        lower = QHBoxLayout()
        lower.addWidget(backup_box)
        lower.addWidget(round_box, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (unit_box, ui_box, pdf_box):
            layout.addWidget(w)
        layout.addLayout(lower)
        layout.addWidget(buttons)
        self.show_fonts()
        fit_size(self, 720, 700)  # bounded by the screen (1366 x 768 has room)

    def _round_box(self, controller: Any) -> QGroupBox:
        """督办 warnings (working days ahead), closing a month on its own, the work-plan deadline."""
        db = controller.db
        self.warn_yellow, self.warn_red, self.auto_close = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, key, top in ((self.warn_yellow, "supervision.warn_yellow", 60),
                               (self.warn_red, "supervision.warn_red", 59),
                               (self.auto_close, "dispatch.auto_close_workdays", 60)):
            spin.setRange(0, top)
            spin.setValue(int(get_setting(db, key)))
            spin.setSuffix(self.tr(" 个工作日"))
        self.auto_close.setSpecialValueText(self.tr("不自动关闭"))
        self.workplan_due = QLineEdit(str(get_setting(db, "workplan.due")))
        self.workplan_due.setPlaceholderText(self.tr("月-日，如 03-31"))
        box = QGroupBox(self.tr("督办预警与月调度"))
        form = QFormLayout(box)
        form.addRow(self.tr("黄色预警：到期前"), self.warn_yellow)
        form.addRow(self.tr("红色预警：到期前"), self.warn_red)
        form.addRow(self.tr("截止后自动关闭月份"), self.auto_close)
        form.addRow(self.tr("处室工作方案报送期限"), self.workplan_due)
        return box

    def _browse(self) -> None:
        folder = file_dialogs.existing_dir(self, "fonts", self.tr("选择字体文件夹"), self.font_folder.text())
        if folder:
            self.font_folder.setText(folder)
            self.show_fonts()

    def show_fonts(self) -> None:
        chosen = choose_fonts(self.font_folder.text().strip() or None)
        self.fonts.setRowCount(0)
        for role, choice in chosen.items():
            row = self.fonts.rowCount()
            self.fonts.insertRow(row)
            source = self.tr("正式字体") if choice.official else self.tr("随程序提供（替代）")
            for col, text in enumerate((self.tr(ROLE_NAMES[role]), str(choice.path), source)):
                self.fonts.setItem(row, col, QTableWidgetItem(text))

    def _divisions(self) -> None:
        from .divisions_dialog import DivisionsDialog

        DivisionsDialog(self.controller, self).exec()

    def accept(self) -> None:
        name, short = self.department_name.text().strip(), self.department_short.currentText().strip()
        if (name, short, True) != self._department and (name or self._department[2]):
            if not self.controller.run(self.tr("修改本单位信息"), lambda w: set_department(w, name, short)):
                return  # the message said what is wrong; the dialog stays open
        superior = (self.superior_name.text().strip(), self.superior_short.text().strip())
        if superior != self._superior:
            if not self.controller.run(self.tr("修改上级办公室"), lambda w: set_superior(w, *superior)):
                return
            self._superior = superior
        settings.put("ui/language", self.language.currentData())
        settings.put("pdf/font_folder", self.font_folder.text().strip())
        keep, daily = self.keep.value(), self.daily.isChecked()
        self.controller.run(self.tr("修改备份设置"), lambda w: (set_setting(w, "backup.keep", keep),
                                                              set_setting(w, "backup.daily", daily)))
        if not self._save_round():
            return  # the message said what is wrong; the dialog stays open
        super().accept()

    def _save_round(self) -> bool:
        from ..services import supervision_watch, work_plans

        yellow, red, close = self.warn_yellow.value(), self.warn_red.value(), self.auto_close.value()
        due = self.workplan_due.text().strip()
        db = self.controller.db
        current = (int(get_setting(db, "supervision.warn_yellow")), int(get_setting(db, "supervision.warn_red")),
                   int(get_setting(db, "dispatch.auto_close_workdays")), str(get_setting(db, "workplan.due")))
        if (yellow, red, close, due) == current:
            return True

        def action(w: Any) -> None:
            supervision_watch.set_levels(w, yellow, red)
            set_setting(w, "dispatch.auto_close_workdays", close)
            set_setting(w, "workplan.due", due)
            work_plans.default_due(w.db, date.today().year)  # refuses a deadline that is no MM-DD
        return bool(self.controller.run(self.tr("修改督办预警与月调度设置"), action))
