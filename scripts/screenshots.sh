#!/usr/bin/env bash
# Renders the login dialog (error, re-prompt, busy), the main window (accounts in different
# states, a copied token, empty and empty in demo mode) and the tray menu to PNGs in
# docs/screenshots/, against the in-process fake server: light and dark, English and German.
#   usage: scripts/screenshots.sh [output-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
BUILD="${TOKENKEEPER_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/docs/screenshots}"

bash "$ROOT/scripts/deps.sh"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTOKENKEEPER_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD" -j2 --target tk-screenshots
mkdir -p "$OUT"
RUNTIME="$(mktemp -d)"
trap 'rm -rf "$RUNTIME"' EXIT
# Offscreen renders widgets without a display server; the menu is grabbed as a widget.
for variant in "" "--dark" "--lang de" "--dark --lang de"; do
  # shellcheck disable=SC2086
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$RUNTIME" HOME="$RUNTIME" \
    "$BUILD/tests/ui/tk-screenshots" "$OUT" $variant
done
