#!/usr/bin/env bash
# Runs every Tokenkeeper test headless on Debian 12: installs missing packages, configures and
# builds (-Werror, -j2), then runs the whole CTest suite inside a private D-Bus session with an
# unlocked gnome-keyring Secret Service, under Xvfb with a real tray host (trayer).
#   usage: scripts/test.sh [ctest arguments...]     e.g. scripts/test.sh -L unit
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
BUILD="${TOKENKEEPER_BUILD_DIR:-$ROOT/build}"

if [ "${1:-}" = "--inner" ]; then
  shift
  : "${DBUS_SESSION_BUS_ADDRESS:?no session bus}" "${DISPLAY:?no X display}"
  # Secret Service: create and unlock the "login" collection without a prompt.
  eval "$(printf '%s' 'tokenkeeper-ci-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  # Tests that act on the real per-user Tokenkeeper data (tokenkeeper --forget-all) run only here,
  # where HOME, the D-Bus session and the keyring are private to this run.
  export TOKENKEEPER_TEST_SESSION=1
  # The bus name is claimed ~10 ms after the daemon returns; racing it activates a second daemon.
  for _ in $(seq 1 200); do
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null \
      | grep -q true && break
    sleep 0.05
  done
  printf '%s' probe | timeout 10 secret-tool store --label='tokenkeeper self-check' tk-check 1
  [ "$(timeout 10 secret-tool lookup tk-check 1)" = probe ] \
    || { echo "[test] Secret Service self-check failed" >&2; exit 90; }
  timeout 10 secret-tool clear tk-check 1
  trayer --edge bottom --align right --widthtype pixel --width 200 --heighttype pixel \
         --height 32 --SetDockType true --tint 0x406080 --transparent true --alpha 0 \
         >"$HOME/trayer.log" 2>&1 &
  TRAYER_PID=$!
  trap 'kill "$TRAYER_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    xwininfo -root -tree 2>/dev/null | grep -q '("panel" "trayer")' && break
    sleep 0.1
  done
  echo "[test] headless session ready: DISPLAY=$DISPLAY, Secret Service unlocked, tray host up"
  set +e
  ctest --test-dir "$BUILD" --output-on-failure --timeout 300 -j2 "$@"
  exit $?
fi

bash "$ROOT/scripts/deps.sh"

START=$(date +%s)
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTOKENKEEPER_WERROR=ON \
      -DTOKENKEEPER_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD" -j2
echo "[test] build took $(( $(date +%s) - START )) s"

# Private HOME and XDG dirs made before the bus, so dbus-daemon and everything it activates
# (gnome-keyring-daemon) share them with the tests; removed afterwards.
export HOME="$(mktemp -d /tmp/tokenkeeper-home.XXXXXX)"
export XDG_RUNTIME_DIR="$(mktemp -d /tmp/tokenkeeper-xdg.XXXXXX)"
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
trap 'rm -rf "$HOME" "$XDG_RUNTIME_DIR"' EXIT
# The bus starts WITHOUT a display: a keyring prompt then fails in milliseconds instead of
# waiting forever for a person on the Xvfb screen.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XDG_CURRENT_DESKTOP KDE_SESSION_VERSION \
      KDE_FULL_SESSION DESKTOP_SESSION GNOME_KEYRING_CONTROL QT_QPA_PLATFORM
export QT_QPA_PLATFORM=xcb
T0=$(date +%s)
set +e
dbus-run-session -- xvfb-run -a -e /dev/stderr -s "-screen 0 1280x800x24 -nolisten tcp" \
  bash "$ROOT/scripts/test.sh" --inner "$@"
rc=$?
echo "[test] tests took $(( $(date +%s) - T0 )) s, total $(( $(date +%s) - START )) s; exit $rc"
exit $rc
