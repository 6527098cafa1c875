#!/bin/sh
# `make dist`: the installed layout as a tarball that runs unpacked anywhere on Debian with only
# JavaScriptCore (libjavascriptcoregtk-4.1-0) and the C, C++ and curl libraries of the base system.
#
#   scripts/dist.sh BUILD_DIR OUT_DIR     writes OUT_DIR/modegate-VERSION-linux-ARCH.tar.gz
#
# The Swift runtime is shipped, not linked statically: the binary dlopen's the engine library in
# its worker processes, and the two must share one Swift runtime (a static one inside the binary
# and the dynamic one the engine needs would be two runtimes in one process). So every library
# that ldd resolves from the Swift toolchain is copied into lib/modegate, and the run paths are
# rewritten (patchelf): bin/modegate looks in $ORIGIN/../lib/modegate, the libraries there in
# $ORIGIN. System libraries (glib, JavaScriptCore, libcurl, libstdc++) stay the system's.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR OUT_DIR" >&2; exit 64; }
build=$1
out=$2
command -v patchelf >/dev/null || { echo "$0: patchelf is missing (apt-get install patchelf)" >&2; exit 1; }

version=$("$build/modegate" --version)
name=modegate-$version-linux-$(uname -m)
stage=$out/$name
rm -rf "$stage" "$out/$name.tar.gz"
mkdir -p "$out"
"$(dirname "$0")/install.sh" install "$build" "$stage"

# The toolchain's runtime folder is wherever the binary's libswiftCore.so comes from.
core=$(ldd "$stage/bin/modegate" | awk '$1 == "libswiftCore.so" { print $3 }')
[ -n "$core" ] || { echo "$0: $build/modegate does not link libswiftCore.so dynamically" >&2; exit 1; }
toolchain=$(dirname "$core")
for object in "$stage/bin/modegate" "$stage/lib/modegate/libModegateSandboxEngine.so"; do
  ldd "$object" | awk -v folder="$toolchain/" 'index($3, folder) == 1 { print $3 }'
done | sort -u | while read -r library; do
  install -m 644 "$library" "$stage/lib/modegate/"
done

# Debug information is most of the binary's size and no use to someone running it. Stripped
# before patchelf touches the files: strip can undo patchelf's section moves.
strip --strip-debug "$stage/bin/modegate" "$stage/lib/modegate/libModegateSandboxEngine.so"
patchelf --set-rpath '$ORIGIN/../lib/modegate' "$stage/bin/modegate"
for library in "$stage"/lib/modegate/*.so; do
  patchelf --set-rpath '$ORIGIN' "$library"
done

# Nothing may be missing, and nothing may still come from the toolchain.
for object in "$stage/bin/modegate" "$stage"/lib/modegate/*.so; do
  if ldd "$object" | grep -F -e "not found" -e "$toolchain/"; then
    echo "$0: $object still needs the libraries above" >&2
    exit 1
  fi
done

tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"
