"""Which TrueType font serves each role of an official document, and registering it.

The official fonts (仿宋 simfang.ttf, 黑体 simhei.ttf, 楷体 simkai.ttf, 宋体 simsun.ttc,
方正小标宋) are used when the computer has them — in a folder the user chose, in the
Windows fonts folder, or in the usual Linux font folders; otherwise the TrueType fonts
shipped in resources/fonts. reportlab embeds TrueType outlines only (never a viewer-
substituted CID font), so every candidate here is a .ttf or a .ttc face.
"""
from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFError

from ...core import messages
from ...paths import resource_dir

PACKAGE_FONTS = resource_dir() / "fonts"
ROLES = ("title", "body", "heading1", "heading2", "number")
# Role names for the settings dialog; the UI translates them (context "SettingsDialog").
ROLE_NAMES = {"title": "标题（小标宋）", "body": "正文（仿宋）", "heading1": "一级标题（黑体）",
              "heading2": "二级标题（楷体）", "number": "页码（宋体）"}

# (file name, subfont index) in order of preference for each role.
OFFICIAL = {
    "title": [("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXiaoBiaoSong-B05S.ttf", 0), ("simhei.ttf", 0)],
    "body": [("simfang.ttf", 0), ("FangSong_GB2312.ttf", 0), ("simsun.ttc", 0)],
    "heading1": [("simhei.ttf", 0)],
    "heading2": [("simkai.ttf", 0), ("KaiTi_GB2312.ttf", 0)],
    "number": [("simsun.ttc", 0), ("simsun.ttf", 0)],
}
BUNDLED = {
    "title": ("wqy-microhei.ttf", 0), "body": ("uming-cn.ttf", 0), "heading1": ("wqy-microhei.ttf", 0),
    "heading2": ("LXGWWenKai-Regular.ttf", 0), "number": ("uming-cn.ttf", 0),
}


@dataclass(frozen=True)
class FontChoice:
    role: str
    name: str        # the name registered with reportlab
    path: Path
    subfont: int
    official: bool   # False when a bundled substitute is used


def system_font_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
            Path.home() / "AppData/Local/Microsoft/Windows/Fonts",
            Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
            Path.home() / ".local/share/fonts", Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    return [d for d in dirs if _is_dir(d)]


def _is_dir(path: Path) -> bool:
    """is_dir() that says False for a folder the user may not look into (an unreadable parent
    raises PermissionError): a font folder that cannot be read is skipped, not fatal."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _index(folders: list[Path]) -> dict[str, Path]:
    """Lower-case file name -> first path found, one walk of each folder."""
    found: dict[str, Path] = {}
    for folder in folders:
        for root, _dirs, files in os.walk(folder):  # an unreadable folder inside is skipped (onerror)
            for name in files:
                found.setdefault(name.lower(), Path(root) / name)
    return found


@lru_cache(maxsize=8)
def choose_fonts(user_folder: str | None = None) -> dict[str, FontChoice]:
    """The font for each role: the official one if found, else the bundled substitute."""
    folders = ([Path(user_folder)] if user_folder and _is_dir(Path(user_folder)) else []) + system_font_dirs()
    available = _index(folders)
    chosen: dict[str, FontChoice] = {}
    parsed: dict[tuple[str, int], TTFont] = {}  # each file read once (a face often serves two roles)
    for role in ROLES:
        for file_name, index in OFFICIAL[role]:
            path = available.get(file_name.lower())
            if path is not None and _registrable(path, index, parsed):
                chosen[role] = FontChoice(role, f"bizenv-{role}-{path.stem}", path, index, True)
                break
        else:
            file_name, index = BUNDLED[role]
            chosen[role] = FontChoice(role, f"bizenv-{role}-{Path(file_name).stem}", PACKAGE_FONTS / file_name,
                                      index, False)
    for choice in chosen.values():
        if choice.name not in pdfmetrics.getRegisteredFontNames():
            key = (str(choice.path), choice.subfont)
            font = parsed.get(key)
            if font is None:
                font = parsed[key] = TTFont(choice.name, str(choice.path), subfontIndex=choice.subfont)
            else:  # the face already read: reportlab registers the name for the font of that face
                font = copy.copy(font)
                font.fontName = choice.name
            pdfmetrics.registerFont(font)
    return chosen


def _registrable(path: Path, index: int, parsed: dict[tuple[str, int], TTFont]) -> bool:
    """Only TrueType outlines can be embedded; skip a file reportlab cannot read (one read, kept
    for registering)."""
    key = (str(path), index)
    if key in parsed:
        return True
    try:
        parsed[key] = TTFont(f"probe-{path.name}-{index}", str(path), subfontIndex=index)
    except (TTFError, OSError, IndexError):
        return False
    return True


# -- which official fonts are missing (the report dialog says so) -----------------------------

# the official typeface of each role, and the files that are it (not a fallback such as 黑体 for 小标宋)
WANTED = {"title": "方正小标宋简体", "body": "仿宋_GB2312（仿宋）", "heading1": "黑体",
          "heading2": "楷体_GB2312（楷体）", "number": "宋体"}
GENUINE = {"title": {"fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxiaobiaosong-b05s.ttf"},
           "body": {"simfang.ttf", "fangsong_gb2312.ttf"}, "heading1": {"simhei.ttf"},
           "heading2": {"simkai.ttf", "kaiti_gb2312.ttf"}, "number": {"simsun.ttc", "simsun.ttf"}}

messages.register({
    "report.fonts_substituted": (
        "未找到正式字体：{missing}。报告中暂以 {used} 代替（已嵌入 PDF，版式不变）。如电脑上有这些字体，"
        "请在“文件 › 设置 › 报告字体”中选择存放它们的文件夹（命令行：--fonts 文件夹）。",
        "Official fonts not found: {missing}. The reports use {used} instead (embedded in the PDF, same "
        "layout). If the computer has these fonts, choose the folder that holds them under File › Settings › "
        "Report fonts (command line: --fonts FOLDER)."),
})


@dataclass(frozen=True)
class FontStatus:
    role: str
    wanted: str       # the official typeface (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体)
    used: str         # the file the reports use for it
    path: Path
    substituted: bool


def font_report(user_folder: str | None = None) -> list[FontStatus]:
    """Which official font each role of a report uses, and which are substituted (and by what)."""
    return [FontStatus(role, WANTED[role], c.path.name, c.path, c.path.name.lower() not in GENUINE[role])
            for role, c in choose_fonts(user_folder).items()]


def substitution_notice(statuses: list[FontStatus]) -> str:
    """The sentence the dialog shows when an official font is missing ('' when none is), in the
    UI language."""
    missing = [s for s in statuses if s.substituted]
    if not missing:
        return ""
    wanted = list(dict.fromkeys(s.wanted for s in missing))
    used = list(dict.fromkeys(f"{s.used}（{s.wanted}）" for s in missing))
    return messages.render("report.fonts_substituted", {"missing": "、".join(wanted), "used": "、".join(used)})
