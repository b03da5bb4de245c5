"""Remembered places: each kind of file opens where it was last chosen; Qt's dialogs speak Chinese."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QFileIconProvider, QLabel, QWidget

from bizenv_desktop.ui import file_dialogs, settings


class FakeChooser:
    """Stands in for the user in front of QFileDialog's static functions: records the folder
    the dialog would open in and answers with a chosen path."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
        self.starts: list[str] = []
        self.answer = answer
        for name in ("getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, self._file)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._files)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._dir)

    def _file(self, _parent: Any, _title: str, start: str, _filters: str = "") -> tuple[str, str]:
        self.starts.append(start)
        return self.answer, ""

    def _files(self, _parent: Any, _title: str, start: str, _filters: str = "") -> tuple[list[str], str]:
        self.starts.append(start)
        return ([self.answer] if self.answer else []), ""

    def _dir(self, _parent: Any, _title: str, start: str) -> str:
        self.starts.append(start)
        return self.answer


def test_each_kind_of_file_remembers_its_own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    qapp: QApplication) -> None:
    returned = tmp_path / "returned forms"
    reports = tmp_path / "reports"
    for folder in (returned, reports):
        folder.mkdir()
    first = file_dialogs.folder("forms_in")
    assert first == file_dialogs.default_folder() and Path(first).is_dir()
    fake = FakeChooser(monkeypatch, str(returned / "法规处.xlsx"))
    assert file_dialogs.open_files(None, "forms_in", "选择交回的调度表") == [str(returned / "法规处.xlsx")]
    assert fake.starts[-1] == first
    fake.answer = str(reports / "2026年11月月调度.pdf")
    assert file_dialogs.save_file(None, "reports", "另存为 PDF", "2026年11月月调度.pdf")
    assert fake.starts[-1] == str(Path(first) / "2026年11月月调度.pdf")
    # next time each kind opens where it was left, the other kinds are not disturbed
    fake.answer = ""
    file_dialogs.open_files(None, "forms_in", "选择交回的调度表")
    assert fake.starts[-1] == str(returned)
    file_dialogs.save_file(None, "reports", "另存为 PDF", "2026年12月月调度.pdf")
    assert fake.starts[-1] == str(reports / "2026年12月月调度.pdf")
    file_dialogs.open_file(None, "evidence", "选择佐证材料")
    assert fake.starts[-1] == first
    assert settings.get("folders/forms_in") == str(returned)
    # a remembered folder that is gone: back to Documents, not an error
    returned.rename(tmp_path / "moved")
    assert file_dialogs.folder("forms_in") == first


def test_the_forms_dialogs_and_evidence_use_the_remembered_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.forms_dialog import CollectFormsDialog, MakeFormsDialog

    out = tmp_path / "sent"
    out.mkdir()
    settings.put("folders/forms_out", str(out))
    controller = Controller(workspace)
    make = MakeFormsDialog(controller, "2026-11")
    qtbot.addWidget(make)
    assert Path(make.folder.text()).parent == out  # not the database's folder, not the working directory
    fake = FakeChooser(monkeypatch, "")
    collect = CollectFormsDialog(controller, "2026-11")
    qtbot.addWidget(collect)
    back = tmp_path / "back"
    back.mkdir()
    settings.put("folders/forms_in", str(back))
    collect.choose_files()
    assert fake.starts[-1] == str(back)


def english_words(widget: QWidget) -> list[str]:
    texts = [label.text() for label in widget.findChildren(QLabel)]
    texts += [b.text() for b in widget.findChildren(QAbstractButton)] + [b.toolTip() for b in
                                                                         widget.findChildren(QAbstractButton)]
    return [t for t in texts if re.search(r"[A-Za-z]{3,}", t.replace("Excel", "").replace("xlsx", ""))]


def test_qts_file_dialog_is_chinese_in_the_chinese_ui(qapp: QApplication, qtbot: Any, tmp_path: Path) -> None:
    from bizenv_desktop.app import install_translators

    (tmp_path / "folder").mkdir()
    translators = install_translators(qapp, "zh")
    try:
        dialog = QFileDialog(None, "选择交回的调度表", str(tmp_path), "Excel 工作簿 (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        assert english_words(dialog) == []
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        from PySide6.QtCore import QCoreApplication

        # the fixes answer only their own strings: everything else is still found (Chinese source text)
        assert QCoreApplication.translate("MainWindow", "退出(&X)") == "退出(&X)"
        assert QCoreApplication.translate("QFileDialog", "&Open") == "打开(&O)"
        folder = QFileInfo(str(tmp_path / "folder"))
        assert QFileIconProvider().type(folder) == "文件夹"  # the 类型 column of the dialog
    finally:
        for t in translators:
            qapp.removeTranslator(t)
