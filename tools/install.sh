#!/usr/bin/env bash
# Builds Centrale in release mode and installs the `centrale` binary into $PREFIX/bin
# (default /usr/local/bin), so that every command in the README runs as printed.
#
# The HTML templates of the statements and the report are resources of CentraleRendering:
# SwiftPM puts them in a bundle folder beside the binary, where the program looks for them
# (Bundle.module: the executable's folder first). The bundle travels with the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
swift build -c release --product centrale
bin="$(swift build -c release --show-bin-path)"
prefix="${PREFIX:-/usr/local}"
install -d "$prefix/bin"
install -m 755 "$bin/centrale" "$prefix/bin/centrale"
for bundle in "$bin"/*.resources; do
  [ -d "$bundle" ] || continue
  rm -rf "$prefix/bin/$(basename "$bundle")"
  cp -R "$bundle" "$prefix/bin/"
done
echo "installed $prefix/bin/centrale: $("$prefix/bin/centrale" --version)"
