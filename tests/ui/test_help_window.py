"""The offline user guide: both languages hold every topic, links resolve, the window opens at a topic."""
from __future__ import annotations

import re

import pytest

from bizenv_desktop.paths import resource_dir
from bizenv_desktop.ui import help_window
from bizenv_desktop.ui.help_window import TOPICS, HelpWindow, show_help

CJK = re.compile(r"[\u4e00-\u9fff]")


def _guide(lang: str) -> str:
    return (resource_dir() / "help" / f"guide_{lang}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_topic_and_link_is_in_the_guide(lang: str) -> None:
    text = _guide(lang)
    anchors = set(re.findall(r'<a name="([^"]+)">', text))
    assert set(TOPICS) <= anchors
    assert set(re.findall(r'href="#([^"]+)"', text)) <= anchors


def test_the_english_guide_is_english() -> None:
    body = re.sub(r"<[^>]+>", "", _guide("en"))
    assert not CJK.search(body), CJK.findall(body)[:10]
    assert len(CJK.findall(_guide("zh"))) > 1500


def test_opens_at_a_topic_and_fits_a_small_screen(qtbot) -> None:
    window = show_help(None, "month")
    qtbot.addWidget(window)
    assert window.isVisible()
    text = window.browser.toPlainText()
    assert "月调度（每月一轮）" in text and "收回调度表" in text
    assert window.browser.source().fragment() == "month"
    screen = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= screen.width() and window.frameGeometry().height() <= screen.height()
    assert show_help(None, "backup") is window  # one window, brought forward at the new topic
    assert window.browser.source().fragment() == "backup"
    window.close()
    help_window._window = None


def test_english_window(qtbot) -> None:
    window = HelpWindow(None, lang="en")
    qtbot.addWidget(window)
    window.open_topic("reports")
    assert "Reports and printing" in window.browser.toPlainText()
    window.open_topic("no-such-topic")  # unknown topics open the contents
    assert window.browser.source().fragment() == ""
