#!/usr/bin/env bash
# Installs the Debian packages Qt needs (offscreen tests and a real X11 window) when missing.
# Usage: .ci/system-deps.sh [--postgres]
set -eu
want_pg=0
[ "${1:-}" = "--postgres" ] && want_pg=1
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libGL.so.1 || need+=(libgl1)
have_lib libEGL.so.1 || need+=(libegl1)
have_lib libxkbcommon.so.0 || need+=(libxkbcommon0)
have_lib libxkbcommon-x11.so.0 || need+=(libxkbcommon-x11-0)
have_lib libfontconfig.so.1 || need+=(libfontconfig1)
have_lib libdbus-1.so.3 || need+=(libdbus-1-3)
have_lib libxcb-cursor.so.0 || need+=(libxcb-cursor0)
have_lib libxcb-icccm.so.4 || need+=(libxcb-icccm4)
have_lib libxcb-keysyms.so.1 || need+=(libxcb-keysyms1)
have_lib libxcb-image.so.0 || need+=(libxcb-image0)
have_lib libxcb-render-util.so.0 || need+=(libxcb-render-util0)
have_lib libxcb-shape.so.0 || need+=(libxcb-shape0)
have_lib libxcb-randr.so.0 || need+=(libxcb-randr0)
have_lib libxcb-xinerama.so.0 || need+=(libxcb-xinerama0)
have_lib libxcb-xkb.so.1 || need+=(libxcb-xkb1)
have_lib libnss3.so || need+=(libnss3)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ $want_pg = 1 ]; then  # the test set-up
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  # tests/packaging validates the desktop entry and the AppStream metadata
  command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
  command -v appstreamcli >/dev/null || need+=(appstream)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "system-deps: please install: ${need[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
echo "system-deps: installing ${need[*]}" >&2
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
