"""Help in the app (menu 帮助, F1): the offline user guide at the topic of the tab in front
(context help; also the 帮助 button at the right of the tabs), the guide's main sections, and
the first-start page again. The guide is resources/help/guide_<lang>.html (ui/help_window)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolButton

from . import make_action

if TYPE_CHECKING:
    from ..main_window import MainWindow

# the guide's topic for each tab (window_tabs keys, and "plan" for the tree)
TAB_TOPICS = {"plan": "plan", "dashboard": "dashboard", "month": "month", "self_eval": "selfeval",
              "events": "events", "supervision": "supervision"}


class HelpOps(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.act_context = make_action(w, self.tr("本页帮助(&H)"), self.context_help,
                                       QKeySequence(QKeySequence.StandardKey.HelpContents),
                                       self.tr("用户指南中说明当前选项卡的一节"))
        self.act_guide = make_action(w, self.tr("用户指南(&G)"), lambda: self.open(""))
        self.act_start = make_action(w, self.tr("开始使用"), lambda: self.open("start"))
        self.act_round = make_action(w, self.tr("月调度的步骤"), lambda: self.open("month"))
        self.act_backup = make_action(w, self.tr("备份与恢复"), lambda: self.open("backup"))
        self.act_keys = make_action(w, self.tr("快捷键"), lambda: self.open("keys"))
        self.act_first_start = make_action(w, self.tr("本单位信息（首次使用）…"), self.first_start)
        w.menus.add("help", "help", self.act_context, self.act_guide, self.act_start, self.act_round,
                    self.act_backup, self.act_keys, self.act_first_start)
        # context help from each tab: a button at the right end of the tab bar
        self.tab_button = QToolButton(w.tabs)
        self.tab_button.setDefaultAction(self.act_context)
        self.tab_button.setAutoRaise(True)
        w.tabs.setCornerWidget(self.tab_button)

    def topic(self) -> str:
        return TAB_TOPICS.get(self.window.tab_key(), "")

    def context_help(self) -> None:
        self.open(self.topic())

    def open(self, topic: str) -> None:
        from ..help_window import show_help

        show_help(self.window, topic)

    def first_start(self) -> None:
        from ..first_start import FirstStartDialog
        from ..modal import run_modal

        run_modal(FirstStartDialog(self.window.controller, self.window))
