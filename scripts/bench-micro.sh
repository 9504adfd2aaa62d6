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
if ! WSPROBE_BENCHMARKS=1 swift package --scratch-path .build-bench --disable-sandbox benchmark \
    --format markdown --no-progress "$@" >"$raw" 2>&1; then
    grep -E "error" "$raw" >&2 || tail -40 "$raw" >&2
    echo "bench-micro: the benchmark run failed (full output in $raw)" >&2
    exit 1
fi
sed -n '/^## /,$p' "$raw"
python3 scripts/bench-summary.py "$raw"
