#!/usr/bin/env bash
# Shard-and-merge on one machine: N `wsprobe run --shard i/N` processes against ONE shared
# `wsprobe serve` on 127.0.0.1, then `wsprobe merge`, then the merged totals next to the sum of the
# shards' totals (they must be equal: see docs/distributed.md).
#
#   scripts/shard-merge-demo.sh [N]          # N shards, default 3
#
# Environment:
#   WSPROBE_BIN   the wsprobe executable (default: .build/debug/wsprobe, built if missing)
#   CONNECTIONS   load.connections of the whole run (default 100: 34/33/33 over 3 shards)
#   HOLD          load.hold (default 6s); ramps are 2s each
#   KEEP=1        keep the temporary folder with the shard and merged reports
#
# Exit status: 0 when every total matches (whatever the scenario's verdict), 1 when a total differs,
# 2 when `wsprobe run` is not available or the arguments are wrong, 3 when a shard or the server failed.
# Loopback only: nothing leaves 127.0.0.1.
set -euo pipefail

shards="${1:-3}"
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [N]   (N, the number of shards, is a positive integer)" >&2
    exit 2
fi
connections="${CONNECTIONS:-100}"
hold="${HOLD:-6s}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bin="${WSPROBE_BIN:-}"
if [[ -z "$bin" ]]; then
    bin="$root/.build/debug/wsprobe"
    if [[ ! -x "$bin" ]]; then
        echo "building wsprobe (swift build --product wsprobe)" >&2
        swift build --product wsprobe >&2
    fi
fi
if [[ ! -x "$bin" ]]; then
    echo "no wsprobe executable at $bin" >&2
    exit 2
fi
# `wsprobe run --help` must succeed AND describe run's own options: without a `run` subcommand,
# ArgumentParser answers `--help` with the root help and status 0.
run_help="$("$bin" run --help 2>&1)" || run_help=""
if ! grep -q -- '--shard' <<<"$run_help"; then
    echo "this wsprobe ($bin) has no 'run' command with --shard yet: the shard-and-merge demo needs" \
        "'wsprobe run SCENARIO --shard i/N --out DIR'. Build a version that has it and try again." >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is needed to compare the totals" >&2
    exit 2
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/wsprobe-shards.XXXXXX")"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP:-0}" == "1" ]]; then
        echo "reports kept in $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

# One shared target for all shards, as one service behind a load balancer would be.
"$bin" serve --host 127.0.0.1 --port 0 --id demo >"$tmp/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
    url="$(sed -n 's/^listening on \(ws:\/\/127\.0\.0\.1:[0-9]*\/\).*/\1/p' "$tmp/serve.log" | head -n 1)"
    [[ -n "$url" ]] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "wsprobe serve did not start:" >&2
    cat "$tmp/serve.log" >&2
    exit 3
fi
echo "target: $url (wsprobe serve, shared by all $shards shards)"

# `--url` if this wsprobe run has it, else the equivalent scenario override.
if grep -q -- '--url' <<<"$run_help"; then
    target=(--url "$url")
else
    target=(--set "target.url=$url")
fi
# A short version of echo-load.yaml: ramp 2s, hold, ramp 2s; the send loop lasts as long.
hold_seconds="${hold%s}"
overrides=(
    --set "load.connections=$connections"
    --set "load.rampUp=2s" --set "load.hold=$hold" --set "load.rampDown=2s"
    --set "steps[0].repeat.for=$((hold_seconds + 3))s"
)

pids=()
for ((i = 0; i < shards; i++)); do
    "$bin" run scenarios/echo-load.yaml --shard "$i/$shards" "${overrides[@]}" "${target[@]}" \
        --out "$tmp/shard-$i" --quiet >"$tmp/shard-$i.log" 2>&1 &
    pids+=($!)
done
failed=0
for ((i = 0; i < shards; i++)); do
    status=0
    wait "${pids[$i]}" || status=$?
    # 0 passed, 1 thresholds failed on this shard's share: both wrote a report; the merge decides.
    if [[ ! -f "$tmp/shard-$i/report.json" ]] || ((status > 1)); then
        echo "shard $i/$shards ended with status $status:" >&2
        cat "$tmp/shard-$i.log" >&2
        failed=1
    fi
done
if ((failed)); then exit 3; fi

mkdir -p "$tmp/merged"
merge_status=0
"$bin" merge "$tmp"/shard-*/report.json -o "$tmp/merged/report.json" --html --junit \
    >"$tmp/merge.log" 2>&1 || merge_status=$?
if ((merge_status > 1)); then
    echo "wsprobe merge failed with status $merge_status:" >&2
    cat "$tmp/merge.log" >&2
    exit 3
fi
echo "merge: status $merge_status ($( ((merge_status == 0)) && echo passed || echo 'thresholds or checks failed'))," \
    "wrote report.json, report.html and junit.xml"

python3 - "$tmp" "$shards" <<'PY'
import json, sys
from collections import Counter

folder, shards = sys.argv[1], int(sys.argv[2])
parts = [json.load(open(f"{folder}/shard-{i}/report.json")) for i in range(shards)]
merged = json.load(open(f"{folder}/merged/report.json"))

def totals(result):
    metrics = result["metrics"]
    row = dict(metrics["counters"])
    row["errors (all codes)"] = sum(metrics["errors"].values())
    for name in ("message_rtt", "connect_total"):
        row[f"{name} samples"] = metrics["histograms"].get(name, {}).get("totalCount", 0)
    return row

def buckets(result, name):
    counts = Counter()
    for low, count in result["metrics"]["histograms"].get(name, {}).get("buckets", []):
        counts[low] += count
    return counts

rows = [totals(p) for p in parts]
whole = totals(merged)
names = sorted(set(whole) | {k for r in rows for k in r})
width = max(len(n) for n in names)
print()
print(f"{'total':<{width}}  " + "  ".join(f"{'shard ' + str(i):>10}" for i in range(shards))
      + f"  {'sum':>10}  {'merged':>10}")
mismatches = 0
for name in names:
    values = [r.get(name, 0) for r in rows]
    total, got = sum(values), whole.get(name, 0)
    flag = "" if total == got else "   <-- differs"
    mismatches += total != got
    print(f"{name:<{width}}  " + "  ".join(f"{v:>10}" for v in values) + f"  {total:>10}  {got:>10}{flag}")

for name in ("message_rtt", "connect_total"):
    union = Counter()
    for p in parts:
        union += buckets(p, name)
    same = union == buckets(merged, name)
    mismatches += not same
    print(f"{name} histogram: merged buckets {'equal' if same else 'DIFFER from'} the union of the shards' buckets")

print()
for t in merged.get("thresholds", []):
    print(f"  {'PASS' if t['passed'] else 'FAIL'}  {t['expression']}  (observed {t.get('observedText', '-')})")
print(f"merged verdict: {merged['verdict']}; shards: " + ", ".join(p.get("shard", "?") for p in parts))
sys.exit(1 if mismatches else 0)
PY
