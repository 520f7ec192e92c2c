#!/usr/bin/env bash
# Renders the login dialog (error, re-prompt, busy), the main window with accounts in different
# states and the tray menu to PNGs in docs/screenshots/, against the in-process fake server.
#   usage: scripts/screenshots.sh [output-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
BUILD="${TOKENKEEPER_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"

bash "$ROOT/scripts/deps.sh"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTOKENKEEPER_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD" -j2 --target tk-screenshots
mkdir -p "$OUT"
# Offscreen renders widgets without a display server; the menu is grabbed as a widget.
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$(mktemp -d)" "$BUILD/tests/ui/tk-screenshots" "$OUT"
