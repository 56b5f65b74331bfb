#!/usr/bin/env bash
# Runs every test (unit, SQLite integration, CLI end-to-end, TUI through tmux).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh tmux chromium
swift build --build-tests
swift test --skip-build "$@"
