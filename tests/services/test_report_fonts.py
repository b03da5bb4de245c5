"""Which official fonts the reports miss and what stands in for them (the dialog shows it)."""
from __future__ import annotations

import shutil
from pathlib import Path

from bizenv_desktop.core import messages
from bizenv_desktop.services.pdf.fonts import PACKAGE_FONTS, ROLES, font_report, substitution_notice


def test_missing_official_fonts_are_named_with_their_substitutes(tmp_path: Path, monkeypatch: object) -> None:
    from bizenv_desktop.services.pdf import fonts

    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])  # type: ignore[attr-defined]
    fonts.choose_fonts.cache_clear()
    try:
        report = font_report(None)
        assert [s.role for s in report] == list(ROLES) and all(s.substituted for s in report)
        assert {s.role: s.used for s in report}["body"] == "uming-cn.ttf"
        notice = substitution_notice(report)
        assert "方正小标宋简体" in notice and "仿宋_GB2312" in notice and "--fonts" in notice
        assert "uming-cn.ttf（仿宋_GB2312（仿宋））" in notice
        # a folder with 仿宋 and 黑体 (here: the bundled files under the official names)
        folder = tmp_path / "fonts"
        folder.mkdir()
        shutil.copyfile(PACKAGE_FONTS / "uming-cn.ttf", folder / "simfang.ttf")
        shutil.copyfile(PACKAGE_FONTS / "wqy-microhei.ttf", folder / "simhei.ttf")
        report = {s.role: s for s in font_report(str(folder))}
        assert not report["body"].substituted and not report["heading1"].substituted
        assert report["title"].substituted and report["title"].used == "simhei.ttf"  # 黑体 for 小标宋: still a stand-in
        notice = substitution_notice(list(report.values()))
        assert "黑体" not in notice.split("。")[0] and "方正小标宋简体" in notice
        messages.set_language("en")
        try:
            assert substitution_notice(list(report.values())).startswith("Official fonts not found")
        finally:
            messages.set_language("zh")
    finally:
        fonts.choose_fonts.cache_clear()


def test_each_font_file_is_read_once_and_every_role_registered(tmp_path: Path, monkeypatch: object) -> None:
    """A face serving two roles (黑体 for 小标宋 and 黑体) is read from its file once, probe included."""
    from reportlab.pdfbase import pdfmetrics

    from bizenv_desktop.services.pdf import fonts

    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copyfile(PACKAGE_FONTS / "uming-cn.ttf", folder / "simfang.ttf")
    shutil.copyfile(PACKAGE_FONTS / "wqy-microhei.ttf", folder / "simhei.ttf")
    reads: list[str] = []
    real = fonts.TTFont

    def counting(name: str, path: str, *args: object, **kwargs: object) -> object:
        reads.append(Path(path).name)
        return real(name, path, *args, **kwargs)
    monkeypatch.setattr(fonts, "system_font_dirs", lambda: [])  # type: ignore[attr-defined]
    monkeypatch.setattr(fonts, "TTFont", counting)  # type: ignore[attr-defined]
    fonts.choose_fonts.cache_clear()
    try:
        chosen = fonts.choose_fonts(str(folder))
        assert chosen["title"].path.name == chosen["heading1"].path.name == "simhei.ttf"
        assert sorted(reads) == sorted(set(reads))  # no file read twice
        for choice in chosen.values():
            assert pdfmetrics.getFont(choice.name).stringWidth("营商环境", 16) > 0  # registered, usable
    finally:
        fonts.choose_fonts.cache_clear()
