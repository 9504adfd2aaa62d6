#!/usr/bin/env bash
# Micro-benchmarks of the protocol core (Benchmarks/WSProtocolBenchmarks, ordo-one/package-benchmark), built
# in release mode in their own scratch path (.build-bench). Prints package-benchmark's markdown tables, then
# one summary table per operation (time, throughput, allocations per operation).
#
#   scripts/bench-micro.sh                       # every benchmark
#   scripts/bench-micro.sh --filter 'mask.*'     # extra arguments go to `swift package benchmark`
#
# The raw output is kept in .build-bench/bench-micro.md. To compare against a saved baseline:
#   WSPROBE_BENCHMARKS=1 swift package --scratch-path .build-bench --disable-sandbox benchmark baseline update main
#   WSPROBE_BENCHMARKS=1 swift package --scratch-path .build-bench --disable-sandbox benchmark baseline compare main
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p .build-bench
raw=.build-bench/bench-micro.md
WSPROBE_BENCHMARKS=1 swift package --scratch-path .build-bench --disable-sandbox benchmark \
    --format markdown --no-progress "$@" | tee "$raw" | grep -vE '^\[[0-9]+/[0-9]+\]' || true
[[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "bench-micro: benchmark run failed" >&2; exit 1; }
python3 scripts/bench-summary.py "$raw"
