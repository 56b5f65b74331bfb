#!/usr/bin/env bash
# Builds Centrale in release mode and installs the `centrale` binary into $PREFIX/bin
# (default /usr/local/bin), so that every command in the README runs as printed.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
swift build -c release --product centrale
prefix="${PREFIX:-/usr/local}"
install -d "$prefix/bin"
install -m 755 .build/release/centrale "$prefix/bin/centrale"
echo "installed $prefix/bin/centrale: $("$prefix/bin/centrale" --version)"
