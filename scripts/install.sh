#!/bin/sh
# The installed layout of modegate, in one place: `make install`, `make uninstall`, `make dist`
# and the end-to-end test of an installed binary (InstallLayoutTests) all go through here.
#
#   scripts/install.sh install BUILD_DIR ROOT    copy a build (.build/release, .build/debug) under ROOT
#   scripts/install.sh uninstall ROOT            remove what install put there
#
# ROOT is $(DESTDIR)$(PREFIX). The binary finds the rest relative to its own resolved path
# (Sources/ModegateCore/Foundation/InstallLayout.swift), so this layout and that file move together:
#   ROOT/bin/modegate
#   ROOT/lib/modegate/libModegateSandboxEngine.so     loaded by sandbox worker processes
#   ROOT/share/modegate/presets/*.yaml                the built-in presets (and presets/examples)
#   ROOT/share/modegate/gates/                        the default gate and the examples, to copy
set -eu

usage() {
  echo "usage: $0 install BUILD_DIR ROOT | uninstall ROOT" >&2
  exit 64
}
repository=$(cd "$(dirname "$0")/.." && pwd)

case "${1:-}" in
install)
  [ $# -eq 3 ] && [ -n "$3" ] || usage
  build=$2
  root=$3
  for file in modegate libModegateSandboxEngine.so; do
    if [ ! -f "$build/$file" ]; then
      echo "$0: $build/$file is missing: build it first (make release)" >&2
      exit 1
    fi
  done
  install -d "$root/bin" "$root/lib/modegate" "$root/share/modegate"
  install -m 755 "$build/modegate" "$root/bin/modegate"
  install -m 755 "$build/libModegateSandboxEngine.so" "$root/lib/modegate/libModegateSandboxEngine.so"
  # Replaced whole, so a preset deleted from the checkout does not live on as a built-in.
  rm -rf "$root/share/modegate/presets" "$root/share/modegate/gates"
  install -d "$root/share/modegate/presets"
  install -m 644 "$repository"/presets/*.yaml "$root/share/modegate/presets/"
  cp -R "$repository/presets/examples" "$root/share/modegate/presets/examples"
  cp -R "$repository/gates" "$root/share/modegate/gates"
  ;;
uninstall)
  [ $# -eq 2 ] && [ -n "$2" ] || usage
  root=$2
  rm -f "$root/bin/modegate"
  rm -rf "$root/lib/modegate" "$root/share/modegate"
  ;;
*)
  usage
  ;;
esac
