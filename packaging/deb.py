"""Pack the PyInstaller folder into a .deb for Debian 12, UOS and Kylin (dpkg-deb, no fakeroot).

    /opt/bizenv-desktop/                      the PyInstaller folder (bizenv-desktop, bizenv, _internal/)
    /usr/bin/bizenv, /usr/bin/bizenv-desktop  relative symbolic links into it (the frozen app finds
                                              its _internal/ through the link)
    /usr/share/applications/bizenv-desktop.desktop, /usr/share/icons/hicolor/256x256/apps/bizenv-desktop.png
    /usr/share/doc/bizenv-desktop/            README.md, CHANGELOG.md, copyright

The user's data never lives here: the database is in ~/.local/share/bizenv-desktop/ (or where
--db says), so removing or upgrading the package leaves it alone.

Usage: python packaging/deb.py [--dist dist/bizenv-desktop] [--version V] [--out dist]
Prints the path of the .deb. `bash packaging/build-deb.sh` builds the folder first.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = "bizenv-desktop"

# What the frozen Qt needs from the system (Qt itself is inside): the xcb platform plugin's
# libraries, OpenGL/EGL, fontconfig, D-Bus, GLib. Chinese glyphs need one CJK font.
DEPENDS = ["libgl1", "libegl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
           "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
           "libxcb-render-util0", "libxcb-image0", "libxcb-randr0", "libxcb-xinerama0"]
RECOMMENDS = ["fonts-wqy-microhei | fonts-wqy-zenhei | fonts-noto-cjk"]

POSTINST = """#!/bin/sh
set -e
if [ "$1" = configure ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""
POSTRM = """#!/bin/sh
set -e
# The users' databases and evidence are in their home folders: never touched here.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
exit 0
"""


def version_of_source() -> str:
    text = (ROOT / "bizenv_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    assert match, "no __version__"
    return match.group(1)


def architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def glibc() -> str:
    """The C library of the build machine: the frozen Python and Qt need at least this one."""
    version = platform.libc_ver()[1]
    return version or "2.28"


def installed_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024 + 1


def control(version: str, arch: str, size_kb: int) -> str:
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {version}",
        f"Architecture: {arch}",
        "Maintainer: bizenv-desktop maintainers <bizenv-desktop@users.noreply.example>",
        f"Installed-Size: {size_kb}",
        f"Depends: libc6 (>= {glibc()}), {', '.join(DEPENDS)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: misc",
        "Priority: optional",
        "Homepage: https://example.invalid/bizenv-desktop",
        "Description: 营商环境考核评价工作台 (business-environment assessment workbench)",
        " An offline desktop workbench for the business-environment liaison of a provincial",
        " department: the assessment plan as a living indicator table, the monthly dispatch,",
        " supervised items, evidence, deadlines on the Chinese working-day calendar and",
        " GB/T 9704 PDF reports. The window is bizenv-desktop, the command line bizenv.",
        "",
    ])


def _debian_version(version: str) -> str:
    """A Debian version: 0.1.0, 0.1.0+20261127 … (dpkg refuses '_' and most punctuation)."""
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", version):
        raise SystemExit(f"deb.py: {version!r} is not a Debian version")
    return version


def build(dist: Path, version: str, out: Path) -> Path:
    if not (dist / "bizenv").is_file() or not (dist / "bizenv-desktop").is_file():
        raise SystemExit(f"deb.py: {dist} is not a PyInstaller build (run bash packaging/build.sh)")
    version = _debian_version(version)
    arch = architecture()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bizenv-deb-") as tmp:
        root = Path(tmp) / "root"
        opt = root / "opt" / PACKAGE
        shutil.copytree(dist, opt, symlinks=True)
        for name in ("bizenv-desktop.desktop", "bizenv.png"):  # installed under /usr/share instead
            (opt / name).unlink(missing_ok=True)
        bindir = root / "usr" / "bin"
        bindir.mkdir(parents=True)
        for exe in ("bizenv", "bizenv-desktop"):
            (bindir / exe).symlink_to(f"../../opt/{PACKAGE}/{exe}")
        apps = root / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        shutil.copyfile(HERE / "bizenv-desktop.desktop", apps / "bizenv-desktop.desktop")
        icons = root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
        icons.mkdir(parents=True)
        shutil.copyfile(HERE / "bizenv.png", icons / "bizenv-desktop.png")
        doc = root / "usr" / "share" / "doc" / PACKAGE
        doc.mkdir(parents=True)
        for name in ("README.md", "CHANGELOG.md"):
            shutil.copyfile(ROOT / name, doc / name)
        (doc / "copyright").write_text(
            "bizenv-desktop: MIT License.\nBundled fonts: see /opt/bizenv-desktop/_internal/bizenv_desktop/"
            "resources/fonts (AR PL UMing: Arphic Public License; WenQuanYi Micro Hei: Apache 2.0 / GPLv3; "
            "LXGW WenKai: OFL 1.1).\nQt (PySide6): LGPLv3.\n", encoding="utf-8")
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(version, arch, installed_size(root)), encoding="utf-8")
        for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
            (debian / name).write_text(text, encoding="utf-8")
            (debian / name).chmod(0o755)
        for path in [root, *root.rglob("*")]:  # 0755 folders and executables, 0644 the rest
            if path.is_symlink():
                continue
            executable = path.is_dir() or os.access(path, os.X_OK)
            path.chmod(0o755 if executable else 0o644)
        target = out / f"{PACKAGE}_{version}_{arch}.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pack the PyInstaller folder into a .deb")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--version", default=None, help="Debian version (default: bizenv_desktop.__version__)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    print(build(args.dist, args.version or version_of_source(), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
