#!/usr/bin/env bash
# Holds CONNECTIONS concurrent WebSocket connections on loopback from one machine, past a per-process
# open-files limit: N `wsprobe serve` processes and N `wsprobe run --shard i/N` processes (one server per
# shard, each process well under its descriptor limit), then `wsprobe merge` of the N results.
#
#   scripts/scale-demo.sh                    # 50,000 connections over 3 shards
#   CONNECTIONS=20000 SHARDS=2 scripts/scale-demo.sh
#
# Environment: CONNECTIONS (default 50000), SHARDS (default 3), RAMP (default 20s), HOLD (default 20s),
# BASE_PORT (default 18960), WSPROBE_BIN (default: release build, built if missing), KEEP=1 keeps the folder.
# Prints connections held, upgrades/s, client RSS per connection and the merged totals. Loopback only.
set -euo pipefail
connections="${CONNECTIONS:-50000}"
shards="${SHARDS:-3}"
ramp="${RAMP:-20s}"
hold="${HOLD:-20s}"
base_port="${BASE_PORT:-18960}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${WSPROBE_BIN:-$root/.build/release/wsprobe}"
if [[ ! -x "$bin" ]]; then
    (cd "$root" && swift build -c release --product wsprobe >&2)
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
per_shard=$(( (connections + shards - 1) / shards ))
if (( per_shard + 100 > $(ulimit -n) )); then
    echo "each shard would hold $per_shard connections but a process may open $(ulimit -n) files; raise SHARDS" >&2
    exit 2
fi
work="$(mktemp -d)"
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ -n "${KEEP:-}" ]] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
cat >"$work/scale.yaml" <<YAML
name: scale
description: Hold $connections connections, one echo each.
load:
  connections: $connections
  rampUp: $ramp
  hold: $hold
steps:
  - send: hello {{conn}}
  - expect:
      timeout: 30s
  - sleep: 10m
thresholds:
  - rate(upgrade_ok) == 100%
YAML
for ((i = 0; i < shards; i++)); do
    "$bin" serve --port $((base_port + i)) --id "s$i" >"$work/serve$i.log" 2>&1 &
    servers+=("$!")
done
sleep 1
pids=()
for ((i = 0; i < shards; i++)); do
    "$bin" run "$work/scale.yaml" --shard "$i/$shards" --url "ws://127.0.0.1:$((base_port + i))/" --quiet \
        --out "$work/shard$i" >"$work/run$i.log" 2>&1 &
    pids+=("$!")
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
for ((i = 0; i < shards; i++)); do
    echo "shard $i/$shards: $(grep -E '^(engine|client):' "$work/run$i.log" | tr '\n' ' ')"
done
"$bin" merge "$work"/shard*/report.json -o "$work/merged.json" >/dev/null
jq -r '"merged: \(.metrics.counters.upgrades_ok // .metrics.counters["upgrades_ok"]) upgrades, peak open \([.timeSeries[]?.connectionsOpen] | max), verdict \(.verdict)"' \
    "$work/merged.json" 2>/dev/null || "$bin" report "$work/merged.json" --console | head -20
exit "$status"
