#!/usr/bin/env bash
# Re-extracts every translatable string of the app (tk_core, tk_oauth, tk_store, tk_session, tk_agent,
# tk_ui, tokenkeeper) into resources/translations/tokenkeeper_de.ts with lupdate, keeping the
# existing German. Then translate the entries marked unfinished (Qt Linguist:
# `linguist resources/translations/tokenkeeper_de.ts`, or any editor) and run
# `ctest -R tst_translations` to confirm nothing is left.
#   usage: scripts/update-translations.sh            (uses $TOKENKEEPER_BUILD_DIR or build-i18n)
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
BUILD="${TOKENKEEPER_BUILD_DIR:-$ROOT/build-i18n}"
# Configuring is enough: the lupdate target reads sources and builds nothing else.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$BUILD" --target update_translations
TS="$ROOT/resources/translations/tokenkeeper_de.ts"
left="$(grep -c 'type="unfinished"' "$TS" || true)"
echo "[i18n] $TS: $left string(s) still need German"
