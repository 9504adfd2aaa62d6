#!/usr/bin/env bash
# Autobahn|Testsuite conformance run of wsprobe's WebSocket client.
#
# Installs Autobahn|Testsuite 25.10.1 into pyenv's Python 2.7 (once, cached), starts its fuzzingserver on
# loopback with every case, runs `wsprobe autobahn` as the testee without and with permessage-deflate (the
# two runs in parallel, each against its own fuzzingserver), writes the HTML/JSON reports under
# reports/autobahn/, prints a summary, and exits non-zero unless every case is OK, NON-STRICT or
# INFORMATIONAL. Cases 12.* and 13.* (permessage-deflate) run only in the deflate run: without an offer they
# are unimplemented by definition.
#
# Env: WSPROBE_BIN (a built wsprobe; default: build debug), AUTOBAHN_PYTHON, AUTOBAHN_DIR, AUTOBAHN_CASES
#      (a JSON list of case patterns for a quick run, e.g. '["1.*","7.*"]'), AUTOBAHN_MODES ("plain deflate").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY2="${AUTOBAHN_PYTHON:-$HOME/.pyenv/versions/2.7.18/bin/python}"
AB_DIR="${AUTOBAHN_DIR:-$HOME/.cache/wsprobe/autobahntestsuite-25.10.1}"
OUT="$ROOT/reports/autobahn"
MODES="${AUTOBAHN_MODES:-plain deflate}"

install_autobahn() {
    if [[ -x "$AB_DIR/bin/wstest" ]]; then return; fi
    [[ -x "$PY2" ]] || { echo "autobahn: Python 2.7 not found at $PY2 (set AUTOBAHN_PYTHON)" >&2; exit 1; }
    echo "autobahn: installing autobahntestsuite==25.10.1 into $AB_DIR"
    "$PY2" -m pip install -q --disable-pip-version-check --target "$AB_DIR" autobahntestsuite==25.10.1 2>&1 \
        | grep -v DEPRECATION || true
    touch "$AB_DIR/zope/__init__.py"
    [[ -x "$AB_DIR/bin/wstest" ]] || { echo "autobahn: install failed" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_mode() {  # run_mode plain|deflate
    local mode="$1" port dir cases agent flags=() pid
    port="$(free_port)"; dir="$OUT/$mode"; agent="wsprobe-$mode"
    rm -rf "$dir"; mkdir -p "$dir"
    if [[ -n "${AUTOBAHN_CASES:-}" ]]; then cases="$AUTOBAHN_CASES"
    else cases='["*"]'; fi
    local exclude='[]'
    [[ "$mode" == plain ]] && exclude='["12.*", "13.*"]'
    [[ "$mode" == deflate ]] && flags=(--deflate)
    cat >"$dir/spec.json" <<JSON
{"url": "ws://127.0.0.1:$port", "outdir": "$dir", "cases": $cases, "exclude-cases": $exclude,
 "exclude-agent-cases": {}}
JSON
    (cd "$dir" && PYTHONPATH="$AB_DIR" exec "$PY2" "$AB_DIR/bin/wstest" -m fuzzingserver -s spec.json -u 0) \
        >"$dir/fuzzingserver.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        ss -Hltn "sport = :$port" | grep -q . && break
        kill -0 "$pid" 2>/dev/null || { cat "$dir/fuzzingserver.log" >&2; return 1; }
        sleep 0.1
    done
    local status=0
    "$WSPROBE" autobahn --url "ws://127.0.0.1:$port" --agent "$agent" "${flags[@]}" >"$dir/testee.log" 2>&1 \
        || status=$?
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ $status -ne 0 ]]; then
        echo "autobahn[$mode]: testee exited $status; last lines:" >&2; tail -20 "$dir/testee.log" >&2
    fi
    return $status
}

install_autobahn
if [[ -z "${WSPROBE_BIN:-}" ]]; then
    (cd "$ROOT" && swift build --product wsprobe >/dev/null)
    WSPROBE="$(cd "$ROOT" && swift build --show-bin-path)/wsprobe"
else
    WSPROBE="$WSPROBE_BIN"
fi

pids=(); started=$(date +%s)
for mode in $MODES; do run_mode "$mode" & pids+=($!); done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
echo "autobahn: both runs took $(( $(date +%s) - started )) s"
for mode in $MODES; do
    python3 "$ROOT/scripts/autobahn_summary.py" "$OUT/$mode/index.json" "$mode" || failed=1
done
exit $failed
