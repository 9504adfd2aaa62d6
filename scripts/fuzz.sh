#!/usr/bin/env bash
# A bounded libFuzzer pass over the protocol core (issue 2 item 7): builds the fuzz executables with
# `-sanitize=fuzzer,address` in their own scratch path (.build-fuzz, cached between runs), then runs each
# target for SECONDS / (number of targets) seconds on its corpus. The corpus lives in the cache folder
# (FUZZ_CACHE, default .build-fuzz/corpus) and is seeded from inputs the harness builds
# (Fuzz/Harness/*Fuzz.swift `seeds`) plus the committed crash inputs in Tests/WSProtocolTests/FuzzRegressions.
#
#   scripts/fuzz.sh [SECONDS]            # default 60 seconds in all
#   FUZZ_TARGETS="inflater" scripts/fuzz.sh 30
#   FUZZ_CONFIG=debug scripts/fuzz.sh    # debug build: quicker to build from cold, ~5x slower to run
#
# Prints one line per target (runs, coverage, corpus size). Exits non-zero on any crash, sanitizer
# report, failed invariant, timeout or out-of-memory, after printing the path of the input that caused it;
# reproduce with `.build-fuzz/<config>/<Executable> <input>`, and commit it under
# Tests/WSProtocolTests/FuzzRegressions/<target>/ with the fix.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

total="${1:-60}"
config="${FUZZ_CONFIG:-release}"
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
cache="${FUZZ_CACHE:-$ROOT/$scratch/corpus}"
rss_limit="${FUZZ_RSS_LIMIT_MB:-1024}"
# executable:target folder (FuzzTarget raw value)
all=(FuzzClientHandshake:client-handshake FuzzClientConnection:client-connection
    FuzzServerHandshake:server-handshake FuzzInflater:inflater)
selected=()
for entry in "${all[@]}"; do
    if [[ -z "${FUZZ_TARGETS:-}" || " ${FUZZ_TARGETS} " == *" ${entry#*:} "* ]]; then selected+=("$entry"); fi
done
(( ${#selected[@]} > 0 )) || { echo "fuzz: no target matches FUZZ_TARGETS=${FUZZ_TARGETS:-}" >&2; exit 2; }
per=$(( total / ${#selected[@]} )); (( per >= 1 )) || per=1

# The Swift runtime's crash backtracer reads memory in ways AddressSanitizer reports as a bug of its own,
# hiding the real failure: let libFuzzer and the sanitizer report instead.
export SWIFT_BACKTRACE=enable=no

started=$(date +%s)
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
for entry in "${selected[@]}"; do
    exe="${entry%%:*}"
    if ! WSPROBE_FUZZ=1 swift build -c "$config" --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$exe" >"$build_log" 2>&1; then
        grep -E "error:" "$build_log" | head -40 >&2 || tail -40 "$build_log" >&2
        echo "fuzz: building $exe failed" >&2
        exit 1
    fi
done
bin="$scratch/$config"
echo "fuzz: built ${#selected[@]} targets ($config) in $(( $(date +%s) - started ))s; ${per}s each"

failed=0
for entry in "${selected[@]}"; do
    exe="${entry%%:*}"
    name="${entry#*:}"
    corpus="$cache/$name"
    artifacts="$cache/crashes/$name"
    mkdir -p "$corpus" "$artifacts"
    if [[ -z "$(ls -A "$corpus")" ]]; then
        WSPROBE_FUZZ_WRITE_SEEDS="$corpus" "$bin/$exe"
    fi
    regressions="Tests/WSProtocolTests/FuzzRegressions/$name"
    if [[ -d "$regressions" ]]; then cp -f "$regressions"/* "$corpus"/ 2>/dev/null || true; fi
    log="$cache/$name.log"
    set +e
    "$bin/$exe" "$corpus" -max_total_time="$per" -rss_limit_mb="$rss_limit" -timeout=10 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
    runs="$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' || true)"
    cov="$(sed -nE 's/.* cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+)\/([^ ]+) .*/cov \1, features \2, corpus \3 (\4)/p' <<<"$done_line")"
    if (( status == 0 )); then
        printf 'fuzz: %-18s ok: %s runs in %ss, %s\n' "$name" "${runs:-?}" "$per" "${cov:-no stats}"
    else
        failed=1
        crash="$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -1)"
        printf 'fuzz: %-18s FAILED (exit %s): %s\n' "$name" "$status" \
            "$(grep -m1 -E 'ERROR: |Precondition failed|Fatal error|Assertion failed' "$log" || echo "see $log")"
        echo "fuzz:   input: ${crash:-none written}  log: $log"
        echo "fuzz:   reproduce: $bin/$exe ${crash:-<input>}"
    fi
done
echo "fuzz: finished in $(( $(date +%s) - started ))s"
exit "$failed"
