#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller: dist/bizenv-desktop/ holding the executables
# bizenv-desktop (the window) and bizenv (the command line), sharing _internal/.
#
# Usage: bash packaging/build.sh [extra PyInstaller options, e.g. --clean]
# Needs the project venv (.venv, made by `bash .ci/setup`); installs PyInstaller 6 into it
# if it is not there. Intermediate files go to build/pyinstaller/ (both are in .gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."

python=""
for candidate in .venv/bin/python .venv/Scripts/python.exe; do  # Linux, or Git Bash on Windows
  [ -x "$candidate" ] && python="$candidate" && break
done
if [ -z "$python" ]; then
  echo "no .venv here: run bash .ci/setup first" >&2
  exit 1
fi

if ! "$python" -c 'import PyInstaller' >/dev/null 2>&1; then
  echo "installing PyInstaller 6 into .venv"
  "$python" -m pip install -q --disable-pip-version-check "pyinstaller==6.*"
fi

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$@" packaging/bizenv-desktop.spec

out=dist/bizenv-desktop
cli="$out/bizenv"
[ -x "$cli" ] || cli="$out/bizenv.exe"
"$cli" --version  # the frozen app starts
echo "built $out in $(( $(date +%s) - start )) s, $(du -sh "$out" | cut -f1)"
