#!/usr/bin/env bash
# Runs every wsprobe test on this machine: installs missing test peers, checks formatting and warnings,
# runs `swift test` (unit, loopback and interop tests against independent peers), then the Autobahn
# conformance run (with and without permessage-deflate) and a short fuzzing pass.
#
#   scripts/test.sh            # everything
#   SKIP_AUTOBAHN=1 scripts/test.sh   # skip the ~16-minute conformance run while iterating
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
step() { printf '\n== %s (%ds)\n' "$1" "$(( $(date +%s) - started ))"; }

step "installing missing test peers"
scripts/install-test-peers.sh

step "swift format lint"
swift format lint --strict --recursive Sources Tests Fuzz Benchmarks

step "build (warnings in our code fail the run)"
log="$(mktemp)"
if ! swift build --build-tests >"$log" 2>&1; then
    grep -E "error:" "$log" | head -60 >&2 || tail -60 "$log" >&2
    exit 1
fi
tail -1 "$log"
if grep -E "^$ROOT/(Sources|Tests)/.*: warning:" "$log"; then
    echo "build: warnings in wsprobe's own code (above)" >&2; exit 1
fi
rm -f "$log"

# Tests that measure wall-clock timeouts on real sockets (idle cutoffs, delayed upgrades) run after the others: with hundreds of
# loopback tests in parallel on 2 cores, a timer can fire a second late, and these tests assert sub-second
# accuracy of what they measure. Everything else runs in parallel first.
timing='IdleProbeEchoServerTests|IdleProbeProxyTests|ServerMisbehaviourTests'

step "swift test"
# Bounded: a hung peer process must fail CI, not stall it.
timeout --kill-after=30s 25m swift test --skip-build --skip "$timing"

step "swift test: timing-sensitive tests"
timeout --kill-after=30s 10m swift test --skip-build --filter "$timing"

if [[ -z "${SKIP_AUTOBAHN:-}" ]]; then
    step "Autobahn|Testsuite conformance"
    WSPROBE_BIN="$(swift build --show-bin-path)/wsprobe" scripts/autobahn.sh
fi

if [[ -x scripts/fuzz.sh && -z "${SKIP_FUZZ:-}" ]]; then
    step "fuzzing (short bounded pass)"
    scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
fi
step "all tests passed"
