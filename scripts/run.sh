#!/usr/bin/env bash
# Builds and runs Tokenkeeper. With no argument it starts the built-in demo authorization server
# (all three dialects on 127.0.0.1) and opens the app with demo accounts ready to sign in.
#   usage: scripts/run.sh            # demo server + app
#          scripts/run.sh --real     # the app with your own accounts only
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# A release configuration of its own, apart from the test build: no crash-injection points
# (an environment variable must not be able to kill the app that holds your tokens), not
# dumpable (QT_NO_DEBUG enables the core-dump guard), optimised. The demo server comes from the
# test sources, so they are configured, but only the two programs are built.
BUILD="${TOKENKEEPER_RUN_BUILD_DIR:-$ROOT/build-run}"

bash "$ROOT/scripts/deps.sh"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOKENKEEPER_BUILD_TESTS=ON \
      -DTOKENKEEPER_FAULT_POINTS=OFF >/dev/null
cmake --build "$BUILD" -j2 --target tokenkeeper tk-demo-server

APP="$BUILD/app/tokenkeeper"
if [ "${1:-}" = "--real" ]; then
  shift
  exec "$APP" "$@"
fi

PORTFILE="$(mktemp)"
# The demo server keeps its port and its grants in a state file, so a second run finds the demo
# accounts' server where they expect it, and stopping and starting it shows what "survives
# outages" means (the tokens in it are fake demo tokens).
STATE_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/Tokenkeeper-demo"
mkdir -p "$STATE_DIR"
"$BUILD/tests/fakeserver/tk-demo-server" --port-file "$PORTFILE" \
    --state-file "$STATE_DIR/demo-server-state.json" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -f "$PORTFILE"' EXIT
for _ in $(seq 1 100); do [ -s "$PORTFILE" ] && break; sleep 0.05; done
PORT="$(cat "$PORTFILE")"
echo "[run] demo server on http://127.0.0.1:$PORT  (user: demo, password: demo)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "[run] no display found; starting under Xvfb (screenshots only)"
  exec xvfb-run -a "$APP" --demo-server "http://127.0.0.1:$PORT" "$@"
fi
"$APP" --demo-server "http://127.0.0.1:$PORT" "$@"
