"""The offline user guide (F1): resources/help/guide_<lang>.html in a text browser.

One window for the whole app (`show_help(parent, topic)`), opened at a topic's anchor: each tab
asks for its own topic (context help), F1 anywhere else opens the contents. The guide is
shipped as a resource file per UI language, so nothing needs the network.
"""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout,
                               QWidget)

from ..core import messages
from ..paths import resource_dir
from .settings import PreserveGeometry

# topic -> anchor in the guide; the tabs' context help and the first-start page use these
TOPICS = ("start", "year", "plan", "month", "supervision", "selfeval", "events", "dashboard", "reports",
          "backup", "keys", "cli")

_window: HelpWindow | None = None


def guide_url(lang: str | None = None, topic: str = "") -> QUrl:
    # the language the UI runs in (run_gui sets it, from --lang or the setting), not only the setting
    lang = "en" if (lang or messages.language()) == "en" else "zh"
    url = QUrl.fromLocalFile(str(resource_dir() / "help" / f"guide_{lang}.html"))
    if topic:
        url.setFragment(topic)
    return url


class HelpWindow(PreserveGeometry, QDialog):
    """The guide, non-modal, with back / forward / contents; fits the screen it opens on."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("用户指南"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        back, forward, home = (QPushButton(t, self) for t in (self.tr("后退"), self.tr("前进"), self.tr("目录")))
        back.clicked.connect(self.browser.backward)
        forward.clicked.connect(self.browser.forward)
        home.clicked.connect(lambda: self.open_topic(""))
        self.browser.backwardAvailable.connect(back.setEnabled)
        self.browser.forwardAvailable.connect(forward.setEnabled)
        back.setEnabled(False)
        forward.setEnabled(False)
        nav = QHBoxLayout()
        for b in (back, forward, home):
            nav.addWidget(b)
        nav.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)
        self._size_to_screen()
        self.restore_geometry()

    def _size_to_screen(self) -> None:
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(900, screen.width() - 40), min(700, screen.height() - 60))

    def open_topic(self, topic: str = "") -> None:
        self.browser.setSource(guide_url(self.lang, topic if topic in TOPICS else ""))
        if topic in TOPICS:
            self.browser.scrollToAnchor(topic)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)


def show_help(parent: QWidget | None = None, topic: str = "") -> HelpWindow:
    """Open (or bring forward) the one guide window at topic."""
    global _window
    if _window is None:
        _window = HelpWindow(parent.window() if parent else None)
        _window.destroyed.connect(_forget)
    _window.open_topic(topic)
    _window.show()
    _window.raise_()
    _window.activateWindow()
    return _window


def _forget() -> None:
    global _window
    _window = None
