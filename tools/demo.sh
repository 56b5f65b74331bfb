#!/usr/bin/env bash
# Builds Centrale in release mode and runs `centrale demo` on centrale.sqlite in the
# repository folder (or --db PATH / CENTRALE_DB). Extra arguments go to `centrale demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
swift build -c release --product centrale
exec .build/release/centrale demo "$@"
