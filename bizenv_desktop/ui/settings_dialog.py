"""设置: UI language, the folder with official fonts (and which font serves each role),
how many automatic backups to keep."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..services.department import default_short, get_department, set_department
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
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.font_folder, 1)
        folder_row.addWidget(browse)
        unit_box = QGroupBox(self.tr("本单位"))
        unit_form = QFormLayout(unit_box)
        unit_form.addRow(self.tr("单位名称"), self.department_name)
        unit_form.addRow(self.tr("简称（报告中的自称）"), self.department_short)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (unit_box, ui_box, pdf_box, backup_box, buttons):
            layout.addWidget(w)
        self.show_fonts()
        fit_size(self, 720, 640)

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
        settings.put("ui/language", self.language.currentData())
        settings.put("pdf/font_folder", self.font_folder.text().strip())
        keep, daily = self.keep.value(), self.daily.isChecked()
        self.controller.run(self.tr("修改备份设置"), lambda w: (set_setting(w, "backup.keep", keep),
                                                              set_setting(w, "backup.daily", daily)))
        super().accept()
