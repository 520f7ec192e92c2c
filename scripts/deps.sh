#!/usr/bin/env bash
# Installs the Debian 12 packages Tokenkeeper needs to build, test and run (skips what is there).
# Sourced or run by run.sh and test.sh; safe to run again.
set -euo pipefail

PKGS=(cmake ninja-build g++ clang-format git
      qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      qt6-svg-dev libqrencode-dev pkg-config zbar-tools qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libgl-dev
      qt6-qpa-plugins qt6-translations-l10n
      xvfb xauth x11-utils dbus dbus-bin libglib2.0-bin gnome-keyring libsecret-tools trayer
      imagemagick chromium desktop-file-utils appstream dpkg-dev file fakeroot fonts-dejavu-core)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "[deps] installing: ${missing[*]}"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    echo "[deps] need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
