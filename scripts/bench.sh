#!/usr/bin/env bash
# Client benchmarks W1–W4 of issue 4 against the independent Go echo server in ../shared/bench, with the same
# workloads run by py_client.py (picows) for the ratio. Loopback only; release build. Figures, not tests.
#
#   scripts/bench.sh            # all workloads
#   scripts/bench.sh W1 W4      # some
# Env: BENCH_DIR (default ../shared/bench), DURATION (default 10 s per workload), PORT (default 18901),
#      W2_CONNS (default "10000 50000"), SOURCES (default 127.0.0.2-127.0.0.20), SKIP_PY=1 to skip picows.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${BENCH_DIR:-$HERE/../shared/bench}"
[[ -d "$BENCH" ]] || BENCH="/work/shared/bench"
DURATION="${DURATION:-10}"
PORT="${PORT:-18901}"
W2_CONNS="${W2_CONNS:-10000 50000}"
SOURCES="${SOURCES:-127.0.0.2-127.0.0.20}"
URL="ws://127.0.0.1:$PORT/"
WORK="$(mktemp -d)"
trap '"$BENCH/echo-server.sh" stop "$PORT" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

(cd "$HERE" && swift build -c release --product wsprobe >&2)
BIN="$HERE/.build/release/wsprobe"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"$BENCH/echo-server.sh" start "$PORT" >/dev/null

scenario() { # name conns size type duration
  cat > "$WORK/$1.yaml" <<YAML
name: $1
duration: ${5}s
load:
  connections: $2
steps:
  - repeat:
      steps:
        - send:
            type: $4
            size: $3
        - expect:
            timeout: 10s
YAML
}

# Everything below reads the run's report.json (schema: docs/report.schema.json).
# Steady-state figures from the per-second counters: skip the first second (connecting) and the last (partial).
steady() { # report.json → msgs/s MB/s
  jq -r '[.timeSeries[1:-2][]] as $p | ($p|length) as $n
    | if $n == 0 then "0 0" else
      "\(([$p[].messagesReceived]|add)/$n|floor) \(([$p[].payloadBytesReceived]|add)/$n/1e6|.*10|floor/10)" end' "$1"
}
# message_rtt percentiles in ms over the steady seconds, from the per-second summaries of report.json: the median
# of the seconds' p50s and the largest of their p99s and p99.9s (an upper bound: per-second percentiles do not
# combine exactly); the whole run's histogram (metrics) when no steady second measured a round trip.
lat() {
  jq -r '[.timeSeries[1:-2][] | select((.rttCount // 0) > 0)] as $p
    | if ($p | length) > 0 then
        ([$p[].rttP50] | sort | .[(length / 2 | floor)]) as $p50
        | "p50 \($p50 / 1000) ms  p99 \([$p[].rttP99] | max / 1000) ms  p99.9 \([$p[].rttP999] | max / 1000) ms (steady seconds, worst second)"
      else
        (.metrics.histograms.message_rtt.buckets // []) as $b | ($b | map(.[1]) | add // 0) as $n
        | def pct(p): ($n * p / 100 | ceil) as $k
            | reduce $b[] as $x ({c: 0, v: null}; if .v == null then (.c += $x[1]) | (if .c >= $k then .v = $x[0] else . end) else . end)
            | (.v // 0) / 1000;
          "p50 \(pct(50)) ms  p99 \(pct(99)) ms  p99.9 \(pct(99.9)) ms (whole run)"
      end' "$1"
}
cpu() { jq -r '.loadDetails.clientCost | ((.usage.userCPUSeconds + .usage.systemCPUSeconds) - (.baseline.userCPUSeconds + .baseline.systemCPUSeconds)) as $c | "\($c*100|floor/100) s cpu"' "$1"; }
# picows (py_client.py) on the same workload; prints '{}' when it fails (e.g. out of descriptors).
py() {
  [[ "${SKIP_PY:-0}" == 1 ]] && { echo '{}'; return; }
  local out; out="$(python3 "$BENCH/clients/py_client.py" --url "$URL" --duration "$DURATION" "$@" 2>/dev/null | tail -1)" || true
  [[ -n "$out" ]] && echo "$out" || echo '{}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }

run_w1() {
  scenario w1 100 64B binary $((DURATION + 2))
  "$BIN" run "$WORK/w1.yaml" --url "$URL" --in-flight 16 --quiet --out "$WORK/w1" >/dev/null || true
  read -r rate _ < <(steady "$WORK/w1/report.json")
  local p; p="$(py --conns 100 --window 16 --size 64 --binary)"
  local prate; prate="$(jq -r '.msgs_per_s // 0' <<<"$p")"
  echo "W1 100 conns × 64 B, 16 in flight: wsprobe $rate msg/s, $(lat "$WORK/w1/report.json"), $(cpu "$WORK/w1/report.json");" \
       "picows $prate msg/s p50 $(jq -r .p50_ms <<<"$p") ms p99 $(jq -r .p99_ms <<<"$p") ms; ratio $(ratio "$rate" "$prate")"
}

run_w2() {
  for n in $W2_CONNS; do
    cat > "$WORK/w2-$n.yaml" <<YAML
name: w2-$n
load:
  connections: $n
steps:
  - sleep: ${DURATION}s
  - close
YAML
    "$BIN" run "$WORK/w2-$n.yaml" --url "$URL" --source "$SOURCES" --quiet --out "$WORK/w2-$n" >"$WORK/w2-$n.txt" 2>&1 || true
    local r="$WORK/w2-$n/report.json"
    if [[ -f "$r" ]]; then
      echo "W2 hold $n: wsprobe $(jq -r '.metrics.counters.upgrades_ok' "$r") open," \
           "$(jq -r '(.loadDetails.connectionsPerSecond // 0) | floor' "$r") conn/s," \
           "$(jq -r '(.loadDetails.clientCost.rssBytesPerConnection // 0) / 1024 | .*10 | floor / 10' "$r") KiB peak RSS/conn," \
           "$(jq -r '(.loadDetails.clientCost.heldRSSBytesPerConnection // 0) / 1024 | .*10 | floor / 10' "$r") KiB held RSS/conn," \
           "limit hit: $(jq -r '.loadDetails.limitHit // "none"' "$r"), nofile $(jq -r '.loadDetails.clientCost.fileLimit.soft' "$r")"
    else
      echo "W2 hold $n: no result ($(tail -1 "$WORK/w2-$n.txt"))"
    fi
    local p; p="$(py --mode hold --conns "$n")"
    echo "   picows: $(jq -c 'del(.url)' <<<"$p")"
  done
}

run_w3() {
  scenario w3 10 64KiB binary $((DURATION + 2))
  "$BIN" run "$WORK/w3.yaml" --url "$URL" --in-flight 4 --quiet --out "$WORK/w3" >/dev/null || true
  read -r _ mbps < <(steady "$WORK/w3/report.json")
  local p; p="$(py --conns 10 --window 4 --size 65536 --binary)"
  local pm; pm="$(jq -r '.mbytes_per_s // 0' <<<"$p")"
  echo "W3 10 conns × 64 KiB, 4 in flight: wsprobe $mbps MB/s, $(cpu "$WORK/w3/report.json"); picows $pm MB/s; ratio $(ratio "$mbps" "$pm")"
}

run_w4() {
  cat > "$WORK/w4.yaml" <<YAML
name: w4
duration: $((DURATION + 2))s
load:
  connections: 1000
  messages:
    rate: 20000/s
    per: total
    spacing: constant
steps:
  - repeat:
      steps:
        - send:
            type: binary
            size: 64B
        - expect:
            timeout: 10s
YAML
  "$BIN" run "$WORK/w4.yaml" --url "$URL" --quiet --out "$WORK/w4" >/dev/null || true
  read -r rate _ < <(steady "$WORK/w4/report.json")
  local p; p="$(py --conns 1000 --rate 20000 --size 64 --binary)"
  echo "W4 1000 conns at 20k msg/s: wsprobe $rate msg/s, $(lat "$WORK/w4/report.json"), $(cpu "$WORK/w4/report.json");" \
       "picows p50 $(jq -r .p50_ms <<<"$p") ms p99 $(jq -r .p99_ms <<<"$p") ms p99.9 $(jq -r .p999_ms <<<"$p") ms"
}

workloads=("$@"); [[ ${#workloads[@]} -gt 0 ]] || workloads=(W1 W2 W3 W4)
for w in "${workloads[@]}"; do
  case "$w" in W1) run_w1 ;; W2) run_w2 ;; W3) run_w3 ;; W4) run_w4 ;; *) echo "unknown workload $w" >&2 ;; esac
done
