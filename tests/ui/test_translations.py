"""The English UI: i18n/bizenv_en.ts is complete and current, and the real windows show English.

Chinese is the source language of every UI string. `bash .ci/update-translations` extracts the
strings into i18n/bizenv_en.ts and compiles bizenv_desktop/i18n/bizenv_en.qm; these tests fail
when a string is missing, unfinished or still Chinese, or when the .qm is out of date.
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QTabWidget, QTableView, QTableWidget, QToolBar, QWidget)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "bizenv_en.ts"
QM = ROOT / "bizenv_desktop" / "i18n" / "bizenv_en.qm"
UPDATE = ".ci/update-translations"
CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
PLACEHOLDER = re.compile(r"%[1-9]")
ACCELERATOR = re.compile(r"&[^&\s]")

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


def messages(path: Path) -> dict[Key, ET.Element]:
    """Every <message> of a .ts file by (context, source, comment)."""
    out: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "", message.findtext("comment") or "")] = message
    return out


def qt_tool(name: str) -> str | None:
    """A PySide6 tool from this interpreter's venv, else from PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def cjk_in(text: str) -> str:
    return "".join(CJK.findall(text))


def without(text: str, *data: str) -> str:
    """text with the given pieces of data from the database (names, codes, the path) taken out."""
    for piece in sorted((d for d in data if d), key=len, reverse=True):
        text = text.replace(piece, "")
    return text


# -- (a) the .ts file -----------------------------------------------------------------------

def test_every_message_is_translated_into_english() -> None:
    found = messages(TS)
    assert len(found) > 200, "i18n/bizenv_en.ts is missing or nearly empty: run bash .ci/update-translations"
    problems: list[str] = []
    for (context, source, _comment), message in found.items():
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
        if message.get("numerus") == "yes":  # plural forms (%n): English has one and other
            if len(forms) != 2 or not all(f.strip() for f in forms):
                problems.append(f"{where} needs its two English plural forms")
                continue
            if any("%n" not in f for f in forms):
                problems.append(f"{where} -> {forms!r}: a plural form lost %n")
            text = " ".join(forms)
        elif translation is None or not (translation.text or "").strip():
            problems.append(f"{where} has no translation")
            continue
        else:
            text = translation.text or ""
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where} is {translation.get('type')}")
        if cjk_in(text):
            problems.append(f"{where} -> {text!r} still has Chinese: {cjk_in(text)}")
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text)):
            problems.append(f"{where} -> {text!r}: placeholders differ")
        if bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
            problems.append(f"{where} -> {text!r}: the &accelerator is lost or added")
        if re.findall(r"</?\w+", source) != re.findall(r"</?\w+", text):
            problems.append(f"{where} -> {text!r}: HTML tags differ")
    assert not problems, "i18n/bizenv_en.ts:\n" + "\n".join(problems)


# -- (b) the .ts file covers the current sources ------------------------------------------------

def lupdate_sources() -> list[str]:
    """The files .ci/update-translations gives lupdate (repo-relative)."""
    out = subprocess.run(["bash", UPDATE, "--list-sources"], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return [line for line in out.splitlines() if line.strip()]


def test_every_string_in_the_code_is_in_the_ts_file(tmp_path: Path) -> None:
    lupdate = qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = lupdate_sources()
    assert "bizenv_desktop/app.py" in sources and "bizenv_desktop/ui/main_window.py" in sources
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, "-silent", "-locations", "absolute", *sources, "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    extracted = messages(fresh)
    assert len(extracted) > 200, "lupdate found almost nothing; is the source list right?"
    known = messages(TS)
    missing = []
    for key, message in extracted.items():
        if key not in known:
            location = message.find("location")
            where = ""
            if location is not None and location.get("filename"):
                file = Path(location.get("filename") or "")
                file = (fresh.parent / file).resolve() if not file.is_absolute() else file
                file = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
                where = f" ({file}:{location.get('line')})"
            missing.append(f"{key[0]}: {key[1]!r}{where}")
    assert not missing, ("strings not in i18n/bizenv_en.ts -- run bash .ci/update-translations, translate them "
                         "in i18n/bizenv_en.ts, and run it again:\n" + "\n".join(sorted(missing)))


def tr_calls_inside_fstrings() -> Iterator[tuple[str, int, str, str]]:
    """(file, line, context, text) of self.tr("…") / translate("ctx", "…") inside f-strings."""
    for path in sorted((ROOT / "bizenv_desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = cls.name if isinstance(cls, ast.ClassDef) else ""
            for joined in (n for n in ast.walk(cls) if isinstance(n, ast.JoinedStr)):
                for call in (n for n in ast.walk(joined) if isinstance(n, ast.Call)):
                    func, args = call.func, call.args
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    strings = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                    if name == "tr" and context and len(strings) >= 1:
                        yield str(path.relative_to(ROOT)), call.lineno, context, strings[0]
                    elif name == "translate" and len(strings) >= 2 and not context:
                        yield str(path.relative_to(ROOT)), call.lineno, strings[0], strings[1]


def test_tr_inside_fstrings_is_listed_for_lupdate() -> None:
    """lupdate cannot see a tr() inside an f-string; i18n/lupdate_extra.py must repeat it."""
    known = {(context, source) for context, source, _comment in messages(TS)}
    calls = list(tr_calls_inside_fstrings())
    missing = [f"{file}:{line} {context}: {text!r}" for file, line, context, text in calls
               if (context, text) not in known]
    assert not missing, ("tr() inside an f-string is invisible to lupdate: take it out of the f-string, or add "
                         "QT_TRANSLATE_NOOP(context, text) to i18n/lupdate_extra.py; then run "
                         "bash .ci/update-translations and translate it:\n" + "\n".join(missing))


def test_compiled_qm_is_current(tmp_path: Path) -> None:
    lrelease = qt_tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    assert QM.is_file(), "bizenv_desktop/i18n/bizenv_en.qm is missing: run bash .ci/update-translations"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, capture_output=True, timeout=120)
    assert fresh.read_bytes() == QM.read_bytes(), \
        "bizenv_desktop/i18n/bizenv_en.qm is older than i18n/bizenv_en.ts: run bash .ci/update-translations"


# -- (c) the real windows in English ----------------------------------------------------------------

@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English translators on the global QApplication, removed again afterwards."""
    from bizenv_desktop.app import install_translators

    translators = install_translators(qapp, "en")
    try:
        assert any(t.filePath().endswith("bizenv_en.qm") for t in translators), "bizenv_en.qm did not load"
        assert QCoreApplication.translate("UndoLabels", "撤销") == "Undo"
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)
            t.deleteLater()
    assert QCoreApplication.translate("UndoLabels", "撤销") == "撤销", "other tests must stay Chinese"


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every label, button, check box, group box, placeholder and table header under root."""
    out: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for label in root.findChildren(QLabel):
        out.append((f"QLabel {label.objectName()}", label.text()))
    for button in root.findChildren(QAbstractButton):
        out.append((f"{type(button).__name__}", button.text()))
        out.append((f"{type(button).__name__} tooltip", button.toolTip()))
    for box in root.findChildren(QGroupBox):
        out.append(("QGroupBox", box.title()))
    for edit in root.findChildren(QLineEdit):
        out.append(("placeholder", edit.placeholderText()))
    for table in root.findChildren(QTableView):
        model = table.model()
        for col in range(model.columnCount()):
            out.append((f"{type(table).__name__} header {col}",
                        str(model.headerData(col, Qt.Orientation.Horizontal) or "")))
    return out


def assert_english(texts: list[tuple[str, str]], *data: str) -> None:
    """No CJK character in any text once the given database data is taken out."""
    chinese = [f"{where}: {text!r}" for where, text in texts if cjk_in(without(text, *data))]
    assert not chinese, "Chinese left in the English UI:\n" + "\n".join(chinese)


def second_level(workspace: Any, code: str) -> Any:
    from bizenv_desktop.services import plan_read

    plan = plan_read.load_plan(workspace.db, 2026)
    return next(i for i in plan.second_level() if i.code == code)


def test_main_window_in_english(english: None, qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.core.model import Indicator
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.main_window import MainWindow
    from bizenv_desktop.ui.plan_model import COL_KIND

    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20000):  # the tabs built after the first paint too
        window.show()
    qtbot.waitExposed(window)
    db_path = str(workspace.path)
    texts: list[tuple[str, str]] = [("window title", without(window.windowTitle(), db_path)),
                                    ("status line", window.status_label.text())]
    assert window.windowTitle().startswith("Business Environment Assessment Workbench")
    assert window.status_label.text().startswith("Year 2026:")
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    assert [a.text() for a in menus] == ["&File", "&Edit", "Monthly &Dispatch", "&Reports", "&Year", "&Manage", "&View",
                                        "&Help"]
    for menu_action in menus:
        texts.append(("menu", menu_action.text()))
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            for what, text in (("text", action.text()), ("tooltip", action.toolTip()),
                               ("status tip", action.statusTip()), ("what's this", action.whatsThis())):
                texts.append((f"{menu_action.text()} / {action.text()} {what}", text))
    for action in window.tree.actions():
        texts.append(("context menu", action.text()))
    for bar in window.findChildren(QToolBar):
        texts.append(("toolbar title", bar.windowTitle()))
        for action in bar.actions():
            texts.append(("toolbar action", action.text()))
            texts.append(("toolbar tooltip", action.toolTip()))
    for label in window.findChildren(QLabel):
        texts.append(("label", label.text()))
    for tabs in window.findChildren(QTabWidget):
        texts += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    texts.append(("filter placeholder", window.filter_edit.placeholderText()))
    texts += [("year box", window.year_box.itemText(i)) for i in range(window.year_box.count())]
    header = [str(window.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in range(window.proxy.columnCount())]
    assert header[:3] == ["No.", "Name", "Evaluation standard"]
    texts += [("tree header", h) for h in header]
    # the type column of the tree: the kind is ours, the target (metric, unit) is data
    model = window.model
    for node in list(model._by_key.values()):
        if node.kind == "indicator" and isinstance(node.obj, Indicator) and node.obj.level == 2:
            target = node.obj.target.text() if node.obj.target else ""
            texts.append((f"type of {node.obj.code}", without(model.cell_text(node, COL_KIND), target)))
    # the detail panel of a dimension (strings that only i18n/lupdate_extra.py gets to lupdate)
    window.tree.setCurrentIndex(window.proxy.index(0, 0))
    dimension = window.current_node().obj
    detail = window.detail.toPlainText()
    assert "first-level indicators" in detail
    texts.append(("detail panel", without(detail, dimension.code, dimension.name)))
    # an undo step's label
    window.plan_ops.add_second_level("Example indicator")
    texts.append(("undo action", window.act_undo.text()))
    assert window.act_undo.text().startswith("Undo ")
    assert_english(texts)


def test_dialogs_in_english(english: None, qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.core.model import KINDS
    from bizenv_desktop.services import plan_read
    from bizenv_desktop.ui.assignment_editor import ROLES
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.divisions_dialog import COL_KIND, COL_STATUS, DivisionsDialog, NewDivisionDialog
    from bizenv_desktop.ui.indicator_dialog import IndicatorDialog
    from bizenv_desktop.ui.liaison_dialog import LiaisonDialog, LiaisonForm
    from bizenv_desktop.ui.subtask_dialog import SubtaskDialog

    controller = Controller(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    controller.dialog_parent = parent
    divisions = plan_read.list_divisions(workspace.db)
    indicator = second_level(workspace, "(9)")  # has a responsible division
    assert indicator.assignments

    dialog = DivisionsDialog(controller, parent)
    assert dialog.windowTitle() == "Manage Divisions"
    texts = widget_texts(dialog)
    for row in range(dialog.table.rowCount()):  # the name column is data; kind and status are ours
        texts += [("kind cell", dialog.table.item(row, COL_KIND).text()),
                  ("status cell", dialog.table.item(row, COL_STATUS).text())]
    assert_english(texts)

    dialog = LiaisonDialog(controller, parent)
    assert dialog.windowTitle() == "Liaison Register"
    assert dialog.status_text().startswith("No current liaison")
    assert_english(widget_texts(dialog))

    dialog = IndicatorDialog(indicator, divisions, parent)
    assert dialog.windowTitle().startswith("Second-level indicator")
    texts = widget_texts(dialog)
    texts += [("kind", dialog.kind.itemText(i)) for i in range(dialog.kind.count())]
    assert dialog.kind.count() == len(KINDS)
    table: QTableWidget = dialog.assignments.table
    for row in range(table.rowCount()):
        roles: QComboBox = table.cellWidget(row, 1)
        assert roles.count() == len(ROLES)
        texts += [("role", roles.itemText(i)) for i in range(roles.count())]
    assert_english(texts, indicator.code, indicator.name)

    for dialog in (SubtaskDialog(divisions, None, parent, 2026), LiaisonForm(divisions, None, None, parent)):
        texts = widget_texts(dialog) + [("division box, first item", dialog.division.itemText(0))]
        assert_english(texts)
    assert SubtaskDialog(divisions, None, parent, 2026).windowTitle() == "New Sub-task"

    dialog = NewDivisionDialog(parent)
    assert_english(widget_texts(dialog) + [("kind", dialog.kind.itemText(i)) for i in range(dialog.kind.count())])
