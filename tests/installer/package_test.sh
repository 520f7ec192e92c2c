#!/usr/bin/env bash
# tst_package: builds the .deb with CPack into a scratch directory (the build tree is only read),
# installs it with dpkg into an empty root, runs the installed binary, checks the package's
# metadata and file list, removes it with dpkg and checks that nothing is left behind.
#
# Why dpkg --root and not dpkg-deb -x: installing and removing through dpkg's own database tests
# what a user's "apt install" / "apt remove" does with our file list (directory ownership, removal
# of emptied directories), not just the archive's contents. --force-depends because the empty root
# has no Qt packages; the binary still runs because the host's dynamic linker finds the host's Qt
# (absolute library paths are not resolved inside the root).
#   usage: package_test.sh <build dir> <version> <app id> [cpack]
set -euo pipefail
BUILD="$1" VERSION="$2" APPID="$3" CPACK="${4:-cpack}"
export PATH="$PATH:/usr/sbin:/sbin"   # dpkg wants ldconfig and start-stop-daemon in PATH
WORK="$(mktemp -d /tmp/tk-package-test.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack -G DEB"
"$CPACK" -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 \
  || { cat "$WORK/cpack.log"; fail "cpack failed"; }
shopt -s nullglob
debs=("$WORK"/pkg/*.deb)
[ "${#debs[@]}" -eq 1 ] || fail "expected one .deb, got: ${debs[*]:-none}"
DEB="${debs[0]}"
ARCH="$(dpkg --print-architecture)"
[ "$(basename "$DEB")" = "tokenkeeper_${VERSION}_${ARCH}.deb" ] || fail "unexpected name $DEB"

echo "== control fields"
field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = tokenkeeper ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$VERSION" ] || fail "Version: $(field Version)"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
DEPENDS="$(field Depends)"
echo "Depends: $DEPENDS"
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libqt6keychain1 qt6-qpa-plugins libqt6svg6; do
  grep -Eq "(^|, )$dep( |,|$)" <<<"$DEPENDS" || fail "Depends lacks $dep"
done
grep -Eq '(^|, )gnome-keyring \| kwalletmanager(,|$)' <<<"$(field Recommends)" \
  || fail "Recommends: $(field Recommends)"

echo "== install into an empty root"
ROOT="$WORK/root"
mkdir -p "$ROOT/var/lib/dpkg/info" "$ROOT/var/lib/dpkg/updates" "$ROOT/var/lib/dpkg/triggers"
touch "$ROOT/var/lib/dpkg/status" "$ROOT/var/lib/dpkg/available"
snapshot() { (cd "$ROOT" && find . -path ./var/lib/dpkg -prune -o -print | sort); }
snapshot >"$WORK/before.txt"
DPKG=(dpkg --root="$ROOT" --log=/dev/null --force-not-root)
"${DPKG[@]}" --force-depends -i "$DEB" >"$WORK/dpkg-i.log" 2>&1 \
  || { cat "$WORK/dpkg-i.log"; fail "dpkg -i failed"; }
status="$(dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${db:Status-Abbrev}' tokenkeeper)"
[ "${status:0:2}" = "ii" ] || fail "status after install: '$status'"

echo "== file list"
"${DPKG[@]}" -L tokenkeeper | sort >"$WORK/files.txt"
required=(
  /usr/bin/tokenkeeper
  "/usr/share/applications/$APPID.desktop"
  "/usr/share/metainfo/$APPID.metainfo.xml"
  /usr/share/icons/hicolor/scalable/apps/tokenkeeper.svg
)
for size in 16 22 24 32 48 64 128 256; do
  required+=("/usr/share/icons/hicolor/${size}x${size}/apps/tokenkeeper.png")
done
for f in "${required[@]}"; do
  grep -qxF "$f" "$WORK/files.txt" || fail "package lacks $f"
  [ -f "$ROOT$f" ] || fail "$f not installed"
done
grep -Eqx '/usr/share/man/man1/tokenkeeper\.1(\.gz)?' "$WORK/files.txt" || fail "no man page"
# Nothing that belongs in a -dev package or a test tree.
if grep -E '\.(a|h|cmake)$|/include/|/tst_|/lib/cmake/' "$WORK/files.txt"; then
  fail "development or test files in the package (above)"
fi
for size in 16 48 256; do
  png="$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/tokenkeeper.png"
  file -b "$png" | grep -q "PNG image data, $size x $size" || fail "$png: $(file -b "$png")"
done
desktop-file-validate "$ROOT/usr/share/applications/$APPID.desktop" \
  || fail "installed desktop file does not validate"
if ldd "$ROOT/usr/bin/tokenkeeper" | grep 'not found'; then fail "unresolved libraries"; fi

echo "== run the installed binary"
# A scratch HOME and XDG dirs, so the run cannot touch the real user's settings or runtime dir.
mkdir -p "$WORK/home" "$WORK/runtime" && chmod 700 "$WORK/runtime"
out="$(HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_RUNTIME_DIR="$WORK/runtime" \
       QT_QPA_PLATFORM=offscreen timeout 30 "$ROOT/usr/bin/tokenkeeper" --version 2>&1)" \
  || fail "tokenkeeper --version exited $?: $out"
echo "$out"
grep -qx "tokenkeeper $VERSION" <<<"$out" || fail "--version printed '$out'"

echo "== remove"
"${DPKG[@]}" -r tokenkeeper >"$WORK/dpkg-r.log" 2>&1 \
  || { cat "$WORK/dpkg-r.log"; fail "dpkg -r failed"; }
status="$(dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${db:Status-Abbrev}' tokenkeeper \
          2>/dev/null || true)"
case "$status" in ""|"un "*|"pn "*) ;; *) fail "status after remove: '$status'" ;; esac
snapshot >"$WORK/after.txt"
if ! diff -u "$WORK/before.txt" "$WORK/after.txt"; then
  fail "files or directories left behind after dpkg -r (diff above)"
fi
if ls "$ROOT/var/lib/dpkg/info/" | grep -q '^tokenkeeper\.'; then
  fail "dpkg database still lists tokenkeeper files"
fi
echo "PASS: $(wc -l <"$WORK/files.txt") paths installed and removed cleanly"
