"""Real .xls and .ods files for the tests, made from the tests' own .xlsx files by LibreOffice
(`soffice --headless --convert-to`), as a WPS or LibreOffice user would save them. .ci/setup
installs libreoffice-calc-nogui; a test that needs it fails (never skips) without it."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def convert(paths: list[Path] | Path, fmt: str, out_dir: Path | None = None) -> list[Path]:
    """Each .xlsx in paths saved as fmt ('xls' or 'ods') beside it (or in out_dir), in one run of
    soffice; returns the new files in the same order."""
    files = [paths] if isinstance(paths, Path) else list(paths)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is not installed: run bash .ci/setup"
    target = out_dir or files[0].parent
    with tempfile.TemporaryDirectory(prefix="bizenv-soffice-") as profile:  # own profile: parallel runs never clash
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", fmt, "--outdir", str(target), *map(str, files)],
                       check=True, capture_output=True, timeout=240)
    out = [target / (f.stem + "." + fmt) for f in files]
    missing = [p.name for p in out if not p.is_file()]
    assert not missing, f"soffice made no {missing}"
    return out
