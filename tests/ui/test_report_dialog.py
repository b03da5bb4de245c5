"""The report dialog on a realistic year (tests/services/report_fixture.py): a section edited, saved,
found again when the dialog is reopened and undone from the dialog's 编辑 menu; add, drop,
restore, reorder and regenerate; heading levels; the document fields remembered; the fonts
notice; the preview's pages, zoom and navigation; .pdf and .docx saved and read back; printing."""
from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from bizenv_desktop.services import audit, drafting, plan_read
from bizenv_desktop.services.drafting.kinds import ReportRequest
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.ui import settings
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.report_dialog import ReportDialog
from tests.services import report_fixture as fx
from tests.ui.test_translations import assert_english, english, widget_texts  # noqa: F401 (english: a fixture)

Q3 = ReportRequest("leadership", 2026, quarter=3)
EDIT = "此外，我厅组织开展营商环境专题培训两次，参训干部一百二十人次。"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-ui")
    path = folder / "sample.sqlite3"
    ws = open_workspace(path, first_year=2026)
    try:
        fx.build(ws, folder / "evidence")
    finally:
        ws.close()
    return path


@pytest.fixture
def controller(built: Path, tmp_path: Path) -> Iterator[Controller]:
    copy = tmp_path / "work.sqlite3"
    shutil.copyfile(built, copy)
    workspace = open_workspace(copy)
    yield Controller(workspace)
    workspace.close()


def open_dialog(qtbot: Any, controller: Controller, kind: str = "leadership", **period: Any) -> ReportDialog:
    dialog = ReportDialog(controller, None, 2026)
    qtbot.addWidget(dialog)
    dialog.select(kind, 2026, **(period or ({"quarter": 3} if kind == "leadership" else {})))
    dialog.show()
    settle(qtbot, dialog)
    return dialog


def settle(qtbot: Any, dialog: ReportDialog) -> None:
    """Every read and write the dialog asked for has come back."""
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.state.request == dialog.request, timeout=30000)
    assert dialog.jobs.wait(30000)


def choose(dialog: ReportDialog, key: str) -> None:
    items = dialog.sections.sections
    row = next(i for i in range(items.count()) if items.item(i).data(Qt.ItemDataRole.UserRole) == key)
    items.setCurrentRow(row)
    assert dialog.sections.key == key


def listed(dialog: ReportDialog) -> list[str]:
    items = dialog.sections.sections
    return [str(items.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(items.count())]


def saved_text(controller: Controller, key: str, request: ReportRequest = Q3) -> str:
    section = drafting.document(controller.db, request).section(key)
    assert section is not None
    return section.text


def when_modal(act: Callable[[QDialog], None]) -> list[QDialog]:
    """Run act on the next modal dialog once it is up, then close it."""
    seen: list[QDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible() and not isinstance(dialog, ReportDialog):
            seen.append(dialog)
            act(dialog)
            if dialog.isVisible():
                dialog.reject()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)
    return seen


# -- a draft, then a document -------------------------------------------------------------------

def test_an_edit_is_saved_found_again_on_reopening_and_undone(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller)
    assert listed(dialog)[:6] == ["opening", "overview", "work", "problems", "next", "coordination"]
    assert not drafting.has_draft(controller.db, Q3)
    choose(dialog, "work")
    drafted = dialog.sections.editor.text()
    assert drafted == saved_text(controller, "work") and drafted
    dialog.sections.editor.setFocus()
    dialog.sections.editor.moveCursor(dialog.sections.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.sections.editor, Qt.Key.Key_Return)
    dialog.sections.editor.insertPlainText(EDIT)
    assert dialog.act_undo.text() == "撤销输入"          # typing not saved yet: Ctrl+Z takes it back first
    qtbot.keyClick(dialog.sections.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # 保存本部分
    settle(qtbot, dialog)
    assert saved_text(controller, "work").endswith(EDIT) and drafting.has_draft(controller.db, Q3)
    assert dialog.act_undo.text() == "撤销 修改报告部分“主要工作及成效”" and dialog.act_undo.isEnabled()
    assert controller.undo_stack.undoText() == "修改报告部分“主要工作及成效”"
    assert "已改写" in dialog.sections.sections.currentItem().text()
    assert "本期草稿已保存" in dialog.draft_status.text()
    entries, _total = audit.query(controller.db, entity="report_section")
    assert any(e.action.startswith("修改报告部分“主要工作及成效”") and EDIT in (e.new or "") for e in entries)
    dialog.accept()

    again = open_dialog(qtbot, controller)  # reopened: the edit is there
    choose(again, "work")
    assert again.sections.editor.text().endswith(EDIT)
    assert "本期草稿已保存" in again.draft_status.text()
    qtbot.keyClick(again.sections.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing typed: the saved step
    settle(qtbot, again)
    assert again.sections.editor.text() == drafted and saved_text(controller, "work") == drafted
    assert not drafting.has_draft(controller.db, Q3)
    assert again.act_redo.text() == "重做 修改报告部分“主要工作及成效”"
    again.act_redo.trigger()
    settle(qtbot, again)
    assert again.sections.editor.text().endswith(EDIT)


def test_typing_is_undone_before_the_saved_steps(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller)
    choose(dialog, "next")
    editor = dialog.sections.editor
    before = editor.text()
    editor.setFocus()
    qtbot.keyClicks(editor, "ab")  # (QTest types ASCII only)
    assert editor.text() != before and dialog.sections.dirty()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == before and not dialog.sections.dirty()
    assert controller.undo_stack.count() == 0  # nothing was saved, nothing undone on the stack


def test_choosing_another_section_saves_the_one_edited(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller)
    choose(dialog, "next")
    dialog.sections.heading.setText("下一步工作打算")
    dialog.sections.editor.setPlainText("（一）抓好整改落实。逐项对账销号。\n（二）做好年度自评。")
    choose(dialog, "work")
    settle(qtbot, dialog)
    doc = drafting.document(controller.db, Q3)
    assert doc.numbered_headings()["next"] == "四、下一步工作打算"
    assert doc.section("next").text.startswith("（一）抓好整改落实。")  # type: ignore[union-attr]
    assert "四、下一步工作打算" in dialog.sections.sections.item(listed(dialog).index("next")).text()


def test_add_drop_restore_move_and_regenerate(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller)
    pages = dialog.sections
    # add: a new body section after 二、, selected for editing
    choose(dialog, "work")
    pages.act_add_body.trigger()
    settle(qtbot, dialog)
    keys = listed(dialog)
    new = keys[keys.index("work") + 1]
    assert new.startswith("custom-") and pages.key == new and pages.heading.text() == "新的部分"
    pages.heading.setText("优化营商环境宣传")
    pages.editor.setPlainText("开展“营商环境宣传月”活动。")
    pages.flush()
    settle(qtbot, dialog)
    assert drafting.document(controller.db, Q3).numbered_headings()[new] == "三、优化营商环境宣传"
    assert not pages.regenerate_button.isEnabled()  # nothing to regenerate a section of one's own from
    # drop 三、存在的问题 (drafted), then restore it from the 恢复 menu
    choose(dialog, "problems")
    pages.drop_button.click()
    settle(qtbot, dialog)
    assert "problems" not in listed(dialog) and controller.undo_stack.undoText() == "删除报告部分“存在的问题”"
    assert pages.restore_button.isEnabled() and [a.text() for a in pages.restore_menu.actions()] == ["存在的问题"]
    pages.restore_menu.actions()[0].trigger()
    settle(qtbot, dialog)
    assert "problems" in listed(dialog) and pages.key == "problems"
    # move: 下一步 up one place
    choose(dialog, "next")
    at = listed(dialog).index("next")
    pages.up_button.click()
    settle(qtbot, dialog)
    assert listed(dialog).index("next") == at - 1 and pages.key == "next"
    assert [s.key for s in drafting.document(controller.db, Q3).sections].index("next") == at - 1
    # or dragged in the list: 下一步 back down one place
    from PySide6.QtCore import QModelIndex

    assert pages.sections.model().moveRow(QModelIndex(), at - 1, QModelIndex(), at + 1)
    settle(qtbot, dialog)
    assert listed(dialog).index("next") == at and controller.undo_stack.undoText() == "移动报告部分“下一步工作安排”"
    dialog.act_undo.trigger()
    settle(qtbot, dialog)
    assert listed(dialog).index("next") == at - 1
    # regenerate an edited drafted section from the data: one click, undoable
    choose(dialog, "overview")
    drafted = pages.editor.text()
    pages.editor.setPlainText("总体进展顺利。")
    pages.flush()
    settle(qtbot, dialog)
    assert saved_text(controller, "overview") == "总体进展顺利。"
    pages.regenerate_button.click()
    settle(qtbot, dialog)
    assert pages.editor.text() == drafted and saved_text(controller, "overview") == drafted
    assert controller.undo_stack.undoText() == "按数据重新生成报告部分“总体进展”"
    dialog.act_undo.trigger()
    settle(qtbot, dialog)
    assert pages.editor.text() == "总体进展顺利。"
    # undo back through the move, the restore and the drop
    for _ in range(3):  # the edit, the move, the restore
        dialog.act_undo.trigger()
        settle(qtbot, dialog)
    assert "problems" not in listed(dialog) and dialog.act_undo.text() == "撤销 删除报告部分“存在的问题”"
    dialog.act_undo.trigger()
    settle(qtbot, dialog)
    assert "problems" in listed(dialog)


def test_the_title_and_discarding_the_draft(qtbot: Any, controller: Controller, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = open_dialog(qtbot, controller)
    drafted = dialog.sections.title.text()
    dialog.sections.title.setText("关于第三季度营商环境工作的汇报")
    dialog.sections.title.editingFinished.emit()
    settle(qtbot, dialog)
    assert drafting.document(controller.db, Q3).title == "关于第三季度营商环境工作的汇报"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.discard_button.isEnabled()
    dialog.discard_button.click()
    settle(qtbot, dialog)
    assert not drafting.has_draft(controller.db, Q3) and dialog.sections.title.text() == drafted
    assert "按数据起草" in dialog.draft_status.text() and not dialog.discard_button.isEnabled()


def test_heading_levels_are_set_per_paragraph(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller)
    choose(dialog, "next")
    editor = dialog.sections.editor
    editor.setPlainText("抓好整改落实\n对滞后事项逐项对账销号。\n做好年度自评\n按时报送自评报告。")
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # （一）
    assert dialog.sections.level.currentData() == 2
    block = editor.document().findBlockByNumber(2)
    cursor.setPosition(block.position())
    editor.setTextCursor(cursor)
    dialog.sections.level.setCurrentIndex(dialog.sections.level.findData(2))
    dialog.sections.level.activated.emit(dialog.sections.level.currentIndex())
    assert editor.text().split("\n") == ["（一）抓好整改落实", "对滞后事项逐项对账销号。", "（二）做好年度自评",
                                         "按时报送自评报告。"]
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # back to body text: renumbered
    assert editor.text().split("\n")[0::2] == ["抓好整改落实", "（一）做好年度自评"]
    editor.undo()  # one step of the editor's own undo per level change
    assert editor.text().split("\n")[0] == "（一）抓好整改落实"
    dialog.sections.flush()
    settle(qtbot, dialog)
    from bizenv_desktop.core.document import paragraphs

    levels = [(p.level, p.head) for p in paragraphs(saved_text(controller, "next"))]
    assert levels == [(2, "（一）抓好整改落实"), (0, ""), (2, "（二）做好年度自评"), (0, "")]


# -- document fields ------------------------------------------------------------------------------

def test_document_fields_are_remembered(qtbot: Any, controller: Controller) -> None:
    from PySide6.QtCore import QDate

    dialog = open_dialog(qtbot, controller)
    dialog.tabs.setCurrentWidget(dialog.fields)
    f = dialog.fields
    assert f.date.date() == QDate.currentDate()  # no date chosen yet: today
    f.edits["issuer"].setText("吉林省科学技术厅办公室")
    f.edits["doc_no"].setText("吉科办〔2026〕31号")
    f.edits["addressee"].setText("厅党组")
    f.edits["contact"].setText("联系人：陈静，联系电话：0431-88880000")
    f.edits["cc"].setText("厅领导，各处室")
    f.date.setDate(QDate(2026, 10, 9))
    f.printed.setChecked(True)
    f.printed_on.setDate(QDate(2026, 10, 10))
    f.auto_attachments.setChecked(False)
    assert f.attachments.count() == 3  # the attachment sections' headings, to edit
    f.attachments.item(2).setText("定量指标表")
    dialog.tabs.setCurrentWidget(dialog.sections)  # leaving the page saves it
    settle(qtbot, dialog)
    fields = drafting.document(controller.db, Q3).fields
    assert (fields.issuer, fields.date, fields.doc_no, fields.addressee, fields.cc, fields.printed_on) == (
        "吉林省科学技术厅办公室", "2026-10-09", "吉科办〔2026〕31号", "厅党组", "厅领导，各处室", "2026-10-10")
    assert fields.attachments is not None and fields.attachments[2] == "定量指标表"
    assert controller.undo_stack.undoText() == "修改报告的文件要素"
    dialog.accept()
    again = open_dialog(qtbot, controller)
    assert again.fields.edits["doc_no"].text() == "吉科办〔2026〕31号"
    assert again.fields.date.date() == QDate(2026, 10, 9) and again.fields.printed.isChecked()
    assert not again.fields.auto_attachments.isChecked()
    # the next quarter's draft takes the issuer and the 主送机关, not the date or the 文号
    again.select("leadership", 2026, quarter=4)
    settle(qtbot, again)
    assert again.fields.edits["issuer"].text() == "吉林省科学技术厅办公室"
    assert again.fields.edits["addressee"].text() == "厅党组" and again.fields.edits["doc_no"].text() == ""


# -- fonts ---------------------------------------------------------------------------------------

def test_the_fonts_notice_names_what_is_missing_and_links_to_the_settings(qtbot: Any, controller: Controller,
                                                                         tmp_path: Path) -> None:
    from bizenv_desktop.services.pdf.fonts import PACKAGE_FONTS, choose_fonts

    dialog = open_dialog(qtbot, controller)
    qtbot.waitUntil(lambda: dialog.fonts.missing != [] or not choose_fonts(None)["title"].official is False)
    official = {role for role, choice in choose_fonts(None).items() if choice.official}
    text = dialog.fonts.label.text()
    if "title" not in official:
        assert dialog.fonts.isVisible() and "方正小标宋（标题）" in text and "文泉驿微米黑" in text
    if "body" not in official:
        assert "仿宋_GB2312 或 仿宋（正文）" in text
    assert "文件 › 设置 › 报告字体" in text and 'href="settings"' in text
    # a fonts folder with 黑体 in it, chosen through the settings the notice links to
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copyfile(PACKAGE_FONTS / "wqy-microhei.ttf", folder / "simhei.ttf")

    def choose_folder(settings_dialog: QDialog) -> None:
        settings_dialog.font_folder.setText(str(folder))  # type: ignore[attr-defined]
        settings_dialog.accept()
    seen = when_modal(choose_folder)
    dialog.fonts.label.linkActivated.emit("settings")
    assert seen and type(seen[0]).__name__ == "SettingsDialog"
    assert settings.get("pdf/font_folder") == str(folder)
    qtbot.waitUntil(lambda: "heading1" not in {m.role for m in dialog.fonts.missing}, timeout=20000)
    assert "黑体（一级标题）" not in dialog.fonts.label.text()


# -- the preview ----------------------------------------------------------------------------------

def test_preview_pages_zoom_and_navigation(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller, "monthly", month=11)
    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.preview.page_count > 2, timeout=30000)
    pane = dialog.preview
    count = pane.page_count
    assert pane.of.text() == f"页，共 {count} 页" and pane.page.value() == 1
    assert pane.fit_button.isChecked()  # fit width to begin with
    qtbot.waitUntil(lambda: 0 in pane.drawn, timeout=20000)
    first = pane.page_labels()[0]
    assert abs(first.width() - (pane.area.viewport().width() - 20)) <= 25
    assert not first.pixmap().isNull() and abs(first.pixmap().width() - first.width()) <= 1
    pane.next_button.click()
    assert pane.current_page() == 1 and pane.page.value() == 2
    pane.page.setValue(count)
    assert pane.current_page() == count - 1 and not pane.next_button.isEnabled()
    qtbot.waitUntil(lambda: count - 1 in pane.drawn, timeout=20000)
    assert count >= 6 and not set(range(2, count - 3)) & set(pane.drawn)  # only pages shown are drawn
    pane.previous_page()
    assert pane.current_page() == count - 2
    # zoom: in by a step, out by a step, a typed value; the page stays in view
    pane.set_zoom(100)
    assert not pane.fit_button.isChecked() and pane.zoom_box.value() == 100
    width = pane.page_labels()[0].width()
    assert abs(width - 595.3 / 72 * 96) <= 2  # A4 at its printed size
    pane.zoom_in.click()
    assert pane.zoom == 125 and abs(pane.page_labels()[0].width() - width * 1.25) <= 2
    assert pane.current_page() == count - 2
    pane.zoom_out.click()
    pane.zoom_out.click()
    assert pane.zoom == 75
    qtbot.waitUntil(lambda: pane.drawn.get(count - 2) == pytest.approx(96 * 0.75 * pane.devicePixelRatioF()),
                    timeout=20000)
    pane.fit_button.click()
    assert pane.fit_button.isChecked() and pane.zoom != 75


def test_the_preview_follows_the_saved_draft(qtbot: Any, controller: Controller) -> None:
    dialog = open_dialog(qtbot, controller)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30000)
    choose(dialog, "work")
    dialog.sections.editor.setPlainText(EDIT)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30000):
        dialog.preview.refresh_button.click()  # saves what is typed, then builds again
    assert dialog.pdf_state is dialog.state
    with pdfplumber.open(dialog.pdf) as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages).replace("\n", "")
    assert EDIT.replace("，", "，") in text.replace(" ", "")


# -- files and printing ------------------------------------------------------------------------------

def test_save_as_pdf_and_word(qtbot: Any, controller: Controller, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    dialog = open_dialog(qtbot, controller)
    choose(dialog, "work")
    dialog.sections.editor.setPlainText(EDIT)  # not saved yet: saving the file saves it first
    dialog.fields.edits["doc_no"].setText("吉科办〔2026〕31号")
    assert dialog.output.default_name() == "2026年第3季度季度汇报（厅主要领导）.pdf"
    with qtbot.waitSignal(dialog.output.saved, timeout=60000) as saved:
        dialog.output.save_as(tmp_path / "汇报.pdf")
    assert saved.args == [str(tmp_path / "汇报.pdf")]
    with pdfplumber.open(tmp_path / "汇报.pdf") as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages).replace("\n", "").replace(" ", "")
        assert len(pdf.pages) >= 2
    assert EDIT in text and "吉科办〔2026〕31号" in text and "二、主要工作及成效" in text
    with qtbot.waitSignal(dialog.output.saved, timeout=60000):
        dialog.output.save_as(tmp_path / "汇报.docx", fmt=".docx")
    word = docx.Document(str(tmp_path / "汇报.docx"))
    paragraphs = [p.text for p in word.paragraphs]
    assert EDIT in paragraphs and "二、主要工作及成效" in paragraphs
    assert len(word.tables) >= 2  # the attachments' tables, real Word tables
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇报.docx", "汇报.pdf"]  # no .part left


def test_a_cancelled_save_leaves_no_file(qtbot: Any, controller: Controller, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    dialog = open_dialog(qtbot, controller)
    dialog.output.save_as(tmp_path / "汇报.pdf")
    from bizenv_desktop.ui.report_output import Progress

    running = dialog.findChildren(Progress)
    assert running
    running[0].cancelled = True  # as the progress window's Cancel does
    assert dialog.jobs.wait(60000)
    assert list(tmp_path.iterdir()) == [] and dialog.info.text() == "已取消，未保存。"


def test_print_and_print_preview(qtbot: Any, controller: Controller, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, controller, "assignment")
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30000)
    pages = dialog.preview.page_count
    assert pages >= 2 and dialog.preview.page_labels()[0].width() > dialog.preview.page_labels()[0].height()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.output.printed, timeout=60000) as printed:
        dialog.output.print_report(printer)
    assert printed.args == [pages]
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True,
                          check=True).stdout
    assert f"Pages:           {pages}" in info and "842 x 595" in info  # A4 landscape
    seen = when_modal(lambda window: None)
    dialog.output.print_preview()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert type(seen[0]).__name__ == "QPrintPreviewDialog" and dialog.output.preview_pages == pages


# -- the GUI thread ------------------------------------------------------------------------------------

def test_drafts_are_composed_and_saved_off_the_gui_thread(qtbot: Any, controller: Controller,
                                                          monkeypatch: Any) -> None:
    """Composing a draft of a large database takes longer than the GUI thread may block: the dialog
    never does it on the GUI thread, neither to show a draft nor to save an edit."""
    on_gui: list[str] = []
    real = drafting.document

    def watched(db: Any, request: ReportRequest) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_gui.append(request.kind)
        return real(db, request)
    monkeypatch.setattr(drafting, "document", watched)
    import bizenv_desktop.ui.report_state as report_state

    monkeypatch.setattr(report_state.drafting, "document", watched)
    dialog = open_dialog(qtbot, controller)
    choose(dialog, "work")
    dialog.sections.editor.setPlainText(EDIT)
    dialog.sections.flush()
    settle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30000)
    assert saved_text(controller, "work") == EDIT  # (this read is the test's own, on the GUI thread)
    on_gui.pop()
    assert on_gui == []


# -- English ---------------------------------------------------------------------------------------

@pytest.mark.usefixtures("english")
def test_the_dialog_in_english(qtbot: Any, controller: Controller) -> None:
    from PySide6.QtWidgets import QComboBox

    dialog = open_dialog(qtbot, controller)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30000)
    assert dialog.windowTitle() == "Reports and Printing"
    choose(dialog, "att_late")  # an attachment with tables: the note under the editor shows
    assert dialog.sections.note.text().startswith("This section also has 2 tables")
    state = dialog.state
    assert state is not None
    data = [state.doc.author, state.doc.title, *(s.heading for s in state.doc.sections),
            *state.printed.values(), *(d.name for d in plan_read.list_divisions(controller.db)),
            *(s.text.strip().split("\n")[0][:14] for s in state.doc.sections)]  # an untitled one's first words
    texts = widget_texts(dialog)
    for box in dialog.findChildren(QComboBox):
        texts += [("combo", box.itemText(i)) for i in range(box.count())]
    for menu in dialog.menu_bar.actions():
        texts.append(("menu", menu.text()))
        texts += [("menu item", a.text()) for a in menu.menu().actions() if not a.isSeparator()]
    items = dialog.sections.sections
    texts += [("section", items.item(i).text()) for i in range(items.count())]
    texts.append(("number", dialog.sections.number.text()))
    texts += [("draft status", dialog.draft_status.text()), ("info", dialog.info.text())]
    assert dialog.draft_status.text() == "Drafted from the data, not changed yet"
    assert [a.text() for a in dialog.menu_bar.actions()] == ["&File", "&Edit"]
    assert "Official fonts not found" in dialog.fonts.label.text() or not dialog.fonts.isVisible()
    assert_english(texts, *data, "一、", "二、", "三、", "四、", "五、")
    dialog.sections.editor.setPlainText("改")
    dialog.sections.flush()
    settle(qtbot, dialog)
    assert dialog.act_undo.text() == "Undo Edit report section “滞后事项和逾期未办结事项清单”"


def test_the_scratch_folder_goes_with_the_dialog_however_it_ends(qtbot: Any, controller: Controller) -> None:
    """done() removed the previews' folder; a dialog destroyed with its parent window (never
    closed) left it behind: 322 of them in /tmp on one machine. Now it goes then too, and at exit."""
    from shiboken6 import delete

    from bizenv_desktop.ui import report_tmp
    from PySide6.QtWidgets import QWidget

    closed = open_dialog(qtbot, controller)
    qtbot.waitUntil(lambda: closed.pdf is not None, timeout=30000)
    first = closed.tmpdir
    assert first.is_dir() and any(first.iterdir())  # the preview is there
    closed.reject()
    assert not first.exists()

    parent = QWidget()
    dialog = ReportDialog(controller, parent, 2026)
    dialog.select("leadership", 2026, quarter=3)
    dialog.show()
    settle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30000)
    assert dialog.jobs.wait(30000)
    folder = dialog.tmpdir
    assert folder.is_dir()
    delete(parent)  # the dialog goes with it, without done()
    assert not folder.exists()

    left = ReportDialog(controller, None, 2026)  # open when the process ends
    qtbot.addWidget(left)
    assert left.tmpdir.is_dir()
    report_tmp._remove_live()  # what atexit runs
    assert not left.tmpdir.exists()


def test_stale_scratch_folders_are_removed_at_start_up(tmp_path: Path, monkeypatch: Any) -> None:
    import os
    import tempfile
    import time

    from bizenv_desktop.app import clean_scratch_folders
    from bizenv_desktop.ui import report_tmp

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    day = 24 * 3600
    old = [tmp_path / f"bizenv-report-old{n}" for n in range(3)]
    young, other = tmp_path / "bizenv-report-young", tmp_path / "someone-else-old"
    for path in (*old, young, other):
        path.mkdir()
        (path / "preview-1.pdf").write_bytes(b"%PDF-1.4")
    for path in (*old, other):
        os.utime(path, (time.time() - 2 * day, time.time() - 2 * day))
    live = report_tmp.make()  # a dialog open now, however old its folder
    os.utime(live, (time.time() - 2 * day, time.time() - 2 * day))
    clean_scratch_folders().join(10)
    assert [p.exists() for p in old] == [False] * 3
    assert young.exists() and other.exists() and live.exists()
    report_tmp.remove(live)
    assert report_tmp.remove_stale(tmp_path / "missing") == 0


def test_the_kinds_are_named_for_the_database_s_department(qtbot: Any, controller: Controller) -> None:
    """Nothing department-specific in code: a city bureau reporting to its own office sees its names."""
    from bizenv_desktop.services import department

    assert controller.run("本单位", lambda w: (department.set_department(w, "长春市商务局"),
                                               department.set_superior(w, "长春市优化营商环境建设办公室", "市营商办")))
    dialog = open_dialog(qtbot, controller)
    names = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert "季度报告（报市营商办）" in names and "季度汇报（局主要领导）" in names
    assert not any("省软环境办" in n or "厅" in n for n in names)
    assert dialog.output.default_name() == "2026年第3季度季度汇报（局主要领导）.pdf"
