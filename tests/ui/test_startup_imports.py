"""What the window loads before its first paint (docs/performance.md: start-up to first paint
against a bare window with the same tree). The modules below serve the other tabs, the 待办
list, the start-up backup or files: each was once loaded before the paint and cost start-up
time; they come after it. Run as a real start-up (app.main) in a fresh process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

AFTER_PAINT = ["openpyxl", "reportlab", "docx", "pdfplumber", "sqlite_utils",
               "bizenv_desktop.services.evidence", "bizenv_desktop.services.work_plans",
               "bizenv_desktop.services.deadlines", "bizenv_desktop.services.backup",
               "bizenv_desktop.ui.maintenance", "bizenv_desktop.ui.month_view", "bizenv_desktop.ui.supervision_view",
               "bizenv_desktop.ui.dashboard_view", "bizenv_desktop.ui.report_dialog", "bizenv_desktop.ui.import_dialog"]
PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
import bizenv_desktop.app as gui

app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            names = AFTER_PAINT
            print(json.dumps({"loaded": [m for m in names if m in sys.modules],
                              "window": type(obj).__name__}), flush=True)
            os._exit(0)
        return False

hook = FirstPaint(app)
app.installEventFilter(hook)
sys.argv = ["bizenv-desktop", "--db", sys.argv[1]]
gui.main()
""".replace("AFTER_PAINT", repr(AFTER_PAINT))


def test_the_first_paint_comes_before_what_it_does_not_show(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    db = tmp_path / "plan.sqlite3"
    made = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db), "init", "--year", "2026"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-c", PROBE, str(db)], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["window"] == "MainWindow"
    assert result["loaded"] == []
