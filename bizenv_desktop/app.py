"""Start-up of the window: QApplication, translations, the workspace, the main window."""
from __future__ import annotations

import gc

# Importing Qt and the window's modules makes objects that live as long as the process: the
# cyclic collector would scan them again and again while they load (about 70 collections,
# 8-9 ms of start-up). It waits until they are in, then they are kept out of its passes.
_collecting = gc.isenabled()
gc.disable()

import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any, cast

# Before Qt: PySide6 reads the source of every module imported after it (shibokensupport's
# check for `from __feature__ import`, 60-100 µs a module); the window's services come first.
from . import APP_NAME, __version__
from .core.errors import BizenvError, DatabaseDamaged
from .paths import resource_dir
from .services import dispatch, events, plan_read  # noqa: F401  (the first screen's reads)
from .services.startup import default_database_path, open_workspace
from .services.workspace import Workspace
from .storage import changes, faults  # noqa: F401  (changes: the controller's undo stack)

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .ui import screen_fit, settings
from .ui.collector import GuiThreadCollector
from .ui.controller import Controller
from .ui.main_window import MainWindow

PACKAGE_DIR = Path(__file__).resolve().parent
gc.freeze()  # what the imports made: alive until the process ends, never scanned again
if _collecting:
    gc.enable()


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """English comes from i18n/bizenv_en.qm; Chinese is the source language of the UI."""
    translators: list[QTranslator] = []
    if lang == "en":
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.English), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        ours = QTranslator(app)
        if ours.load(str(PACKAGE_DIR / "i18n" / "bizenv_en.qm")):
            translators.append(ours)
    else:
        from .ui.qt_zh import QtChineseFixes

        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
        translators.append(QtChineseFixes(app))  # what qtbase_zh_CN lacks (installed last: asked first)
    for t in translators:
        app.installTranslator(t)
    return translators


def app_icon() -> QIcon:
    return QIcon(str(resource_dir() / "icons" / "bizenv.svg"))


def open_main_window(controller: Controller) -> MainWindow:
    """The main window, shown. What the first screen does not need waits for its first
    paint: the reminders, the start-up backup and the other tabs (MainWindow builds them)."""
    collecting = gc.isenabled()
    gc.disable()  # building the window: objects that live with it (the collector runs on its timer after)
    try:
        window = MainWindow(controller)
    finally:
        if collecting:
            gc.enable()
    GuiThreadCollector(window)  # the cyclic collector never runs in a worker thread

    def after_first_paint() -> None:
        from .ui.maintenance import BackupScheduler  # services.backup: not needed to show the window

        from .ui.first_start import offer  # the department not set yet: ask first, remind after

        from .ui.auto_close import close_due_months  # months past their deadline + N working days

        close_due_months(window, controller)
        page = offer(window, controller)
        if page is None:
            window.show_reminders()
        else:
            page.finished.connect(lambda _result: window.show_reminders())
        backups = BackupScheduler(controller, window)
        backups.failed.connect(lambda message: window.statusBar().showMessage(message, 15000))
        backups.start()
        if controller.workspace.read_only:
            window.statusBar().showMessage(window.tr("另一个窗口正在使用此数据库：此窗口以只读方式打开，可以查看、"
                                                     "导出和打印，不能修改。"))
    window.first_shown.connect(after_first_paint)
    # What start-up made lives as long as the window: keep it out of the collector's full
    # passes, which otherwise scan it all again (30-40 ms on the GUI thread) during some edit.
    window.ready.connect(gc.freeze)
    window.show()
    return window


def clean_scratch_folders() -> threading.Thread:
    """The report dialog's scratch folders a crash left behind (over a day old), removed off the
    GUI thread (hundreds of them take longer than a frame)."""
    from .ui.report_tmp import remove_stale

    worker = threading.Thread(target=remove_stale, name="bizenv-clean-tmp", daemon=True)
    worker.start()
    return worker


def run_gui(db_path: Path | None, lang: str | None = None) -> int:
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    language = lang or settings.get("ui/language")
    install_translators(app, language)
    screen_fit.install(app)  # every dialog inside the screen it opens on
    from .core import messages

    messages.set_language(language)  # the services' messages in the UI language
    path = Path(db_path) if db_path else default_database_path()
    while True:
        opened = _open_window(app, path)
        if isinstance(opened, tuple):
            break
        if opened is None:  # restored from a backup: open it again
            continue
        return opened
    workspace, window = opened
    watches: list[Any] = []

    def watch_damage() -> None:  # after the first paint: ui.maintenance loads backups, restore, zipfile …
        from .ui.maintenance import DamageWatch

        watches.append(DamageWatch(window.controller, window))  # damage met later: the same offer, not a traceback
    window.first_shown.connect(watch_damage)
    window.first_shown.connect(clean_scratch_folders)  # its thread would share the interpreter with start-up
    code = app.exec()
    for watch in watches:
        watch.remove()
    workspace.close()
    return code


def _open_window(app: QApplication, path: Path) -> tuple[Workspace, MainWindow] | int | None:
    """(workspace, shown window); an exit code after telling the user; None after a restore.

    A second window while another holds the database opens read-only. A damaged file (found
    opening it, or reading it for the first screen) gets the offer to restore a backup."""
    workspace = None
    try:
        workspace = open_workspace(path, read_only_ok=True)
        return workspace, open_main_window(Controller(workspace))
    except (BizenvError, OSError, sqlite3.DatabaseError) as exc:
        if workspace is not None:
            workspace.close()
        problem = faults.translate(exc, path) if isinstance(exc, sqlite3.Error) else exc
        if isinstance(problem, DatabaseDamaged):
            from .ui.maintenance import recover_at_start

            return None if recover_at_start(path, problem) else 2
        if problem is None:
            raise
        QMessageBox.critical(None, app.translate("App", "无法打开数据库"), str(problem))
        return 2


def main() -> int:
    """Entry point of `bizenv-desktop` (the window); takes --db and --lang like `bizenv`."""
    from .cli import parser_for

    args = parser_for(sys.argv[1:]).parse_args(sys.argv[1:])
    return run_gui(args.db, args.lang)


if __name__ == "__main__":
    sys.exit(main())
