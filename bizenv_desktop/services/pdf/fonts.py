"""Which TrueType font serves each role of an official document, and registering it.

The official fonts (仿宋 simfang.ttf, 黑体 simhei.ttf, 楷体 simkai.ttf, 宋体 simsun.ttc,
方正小标宋) are used when the computer has them — in a folder the user chose, in the
Windows fonts folder, or in the usual Linux font folders; otherwise the TrueType fonts
shipped in resources/fonts. reportlab embeds TrueType outlines only (never a viewer-
substituted CID font), so every candidate here is a .ttf or a .ttc face.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFError

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
    for role in ROLES:
        for file_name, index in OFFICIAL[role]:
            path = available.get(file_name.lower())
            if path is not None and _registrable(path, index):
                chosen[role] = FontChoice(role, f"bizenv-{role}-{path.stem}", path, index, True)
                break
        else:
            file_name, index = BUNDLED[role]
            chosen[role] = FontChoice(role, f"bizenv-{role}-{Path(file_name).stem}", PACKAGE_FONTS / file_name,
                                      index, False)
    for choice in chosen.values():
        if choice.name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(choice.name, str(choice.path), subfontIndex=choice.subfont))
    return chosen


def _registrable(path: Path, index: int) -> bool:
    """Only TrueType outlines can be embedded; skip a file reportlab cannot read."""
    try:
        TTFont(f"probe-{path.name}-{index}", str(path), subfontIndex=index)
    except (TTFError, OSError, IndexError):
        return False
    return True
