#!/usr/bin/env bash
# Installs the independent peers wsprobe's tests run against, when they are missing:
# Debian: haproxy, nginx (ALB stand-ins), openssl (test certificates), iproute2 (ss), python3 when missing;
# PyPI: websockets >= 13 (an independent WebSocket server; Tests/Peers/*.py use its asyncio API). Autobahn|Testsuite is installed by autobahn.sh.
# Idempotent; needs root for apt-get (as on the CI and developer machines here).
set -euo pipefail
packages=(haproxy nginx openssl iproute2 libssl-dev zlib1g-dev libxml2-utils chromium)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "test peers: apt-get install ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v python3 >/dev/null; then
    echo "test peers: apt-get install python3 python3-pip"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3 python3-pip >/dev/null
fi
# The test peers use the websockets.asyncio API (websockets 13 or later); Debian's package is older.
if ! python3 -c 'import websockets.asyncio.server, jsonschema, yaml' 2>/dev/null; then
    echo "test peers: pip install websockets jsonschema pyyaml"
    python3 -m pip install -q --disable-pip-version-check --upgrade 'websockets>=13' jsonschema pyyaml 2>/dev/null ||
        python3 -m pip install -q --disable-pip-version-check --upgrade --break-system-packages 'websockets>=13' jsonschema pyyaml
fi
echo "test peers: haproxy $(haproxy -v 2>/dev/null | head -1 | awk '{print $3}'), nginx $(nginx -v 2>&1 | sed 's/.*\///'), python websockets $(python3 -c 'import websockets; print(websockets.__version__)')"
