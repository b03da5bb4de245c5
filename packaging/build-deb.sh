#!/usr/bin/env bash
# Builds the .deb for Debian 12 / UOS / Kylin: the PyInstaller folder (packaging/build.sh),
# then packaging/deb.py packs it (dpkg-deb). The .deb lands in dist/; its path is the last line.
#
# Usage: bash packaging/build-deb.sh [--version V]   (default: bizenv_desktop.__version__)
# The .deb needs at least the C library of the machine it was built on (its Depends says which):
# build it on the oldest system it must run on (see the README, "Installation").
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/build.sh >&2
.venv/bin/python packaging/deb.py "$@"
