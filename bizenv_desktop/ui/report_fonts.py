"""The report dialog's fonts notice: which official fonts are missing and what stands in.

GB/T 9704 asks for 方正小标宋 (title), 仿宋_GB2312 or 仿宋 (text), 黑体 and 楷体 (headings).
services.pdf.fonts picks each from the fonts folder set in 文件 › 设置 (pdf/font_folder), the
system's folders, or a bundled substitute; finding them walks the font folders, so `missing`
runs on a worker. The notice links to the settings, where the folder is chosen.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

@dataclass(frozen=True)
class Missing:
    role: str
    file: str      # the substitute's file name


def missing(font_folder: str | None) -> list[Missing]:
    """The roles whose official font was not found (worker thread: walks the font folders)."""
    from ..services.pdf.fonts import choose_fonts

    return [Missing(role, choice.path.name) for role, choice in choose_fonts(font_folder or None).items()
            if not choice.official]


class FontsNotice(QWidget):
    """A line over the preview; hidden when every official font is there."""

    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setOpenExternalLinks(False)
        self.label.linkActivated.connect(lambda _link: self.settings_requested.emit())
        self.label.setStyleSheet("QLabel { background: #fff4ce; border: 1px solid #e0c36c; padding: 4px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.missing: list[Missing] = []
        self.hide()

    def official_name(self, role: str) -> str:
        names = {"title": self.tr("方正小标宋（标题）"), "body": self.tr("仿宋_GB2312 或 仿宋（正文）"),
                 "heading1": self.tr("黑体（一级标题）"), "heading2": self.tr("楷体（二级标题）"),
                 "number": self.tr("宋体（页码）")}
        return names.get(role, role)

    def substitute_name(self, file: str) -> str:
        names = {"wqy-microhei.ttf": self.tr("文泉驿微米黑"), "uming-cn.ttf": self.tr("AR PL UMing（明体）"),
                 "LXGWWenKai-Regular.ttf": self.tr("霞鹜文楷")}
        return names.get(file, file)

    def show_missing(self, found: list[Missing]) -> None:
        self.missing = found
        if not found:
            self.hide()
            return
        by_substitute: dict[str, list[str]] = {}
        for m in found:
            by_substitute.setdefault(self.substitute_name(m.file), []).append(self.official_name(m.role))
        parts = [self.tr("%1 暂用 %2").replace("%1", self.tr("、").join(roles)).replace("%2", name)
                 for name, roles in by_substitute.items()]
        text = (self.tr("未找到正式字体：") + self.tr("；").join(parts) + self.tr("。")
                + self.tr("把正式字体文件（simfang.ttf、simhei.ttf、simkai.ttf、方正小标宋简体.ttf 等）放在一个文件夹里，"
                          "在<a href=\"settings\">文件 › 设置 › 报告字体</a>中选择该文件夹。"))
        self.label.setText(text)
        self.show()
