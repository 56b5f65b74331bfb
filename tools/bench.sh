#!/usr/bin/env bash
# Builds the benchmarks in release mode and prints their figures.
# Usage: tools/bench.sh [all | dispatch | dispatch-day | dispatch-year | log-import | report | tui | plan-day | confirm | beneficiaries | serve-load] [--seed N] [--year YYYY] [--convention FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
swift build -c release --product centrale-bench
exec .build/release/centrale-bench "$@"
