"""Strings lupdate cannot see, listed for .ci/update-translations (never imported).

pyside6-lupdate does not look inside f-strings, so a self.tr("…") written inside an
f"…{…}" expression is translated at run time but never extracted into bizenv_en.ts.
Until those calls move out of their f-strings, each one is repeated here with its
context (the class whose self.tr() it is). tests/ui/test_translations.py checks that
every tr() inside an f-string is listed in the .ts file.
"""
from PySide6.QtCore import QT_TRANSLATE_NOOP

# bizenv_desktop/ui/detail_view.py (DetailView.show_node, _indicator_html, _subtask_html)
QT_TRANSLATE_NOOP("DetailView", "选择左侧的一行查看详情。")
QT_TRANSLATE_NOOP("DetailView", "维度")
QT_TRANSLATE_NOOP("DetailView", "一级指标 %1 个，二级指标 %2 个")
QT_TRANSLATE_NOOP("DetailView", "考评内容及标准")
QT_TRANSLATE_NOOP("DetailView", "任务分解")
QT_TRANSLATE_NOOP("DetailView", "子任务")

# bizenv_desktop/ui/month_view.py (MonthView._update_changes)
QT_TRANSLATE_NOOP("MonthView", "上月没有调度记录，无可比较。")
QT_TRANSLATE_NOOP("MonthView", "无")
QT_TRANSLATE_NOOP("MonthView", "有变化的行：%1")

