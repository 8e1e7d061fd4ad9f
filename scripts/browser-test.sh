#!/usr/bin/env bash
# Starts the server on a throwaway SQLite file with Kota Contoh and runs the Selenium tests in Tests/e2e against it.
set -euo pipefail
bin="${KINERJA_BIN:-.build/debug/kinerja}"
data=$(mktemp -d /tmp/kinerja-e2e.XXXXXX)
port="${KINERJA_E2E_PORT:-18090}"
export KINERJA_DATA_DIR="$data"
"$bin" demo --year 2026 >/dev/null
"$bin" serve --hostname 127.0.0.1 --port "$port" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
KINERJA_BASE_URL="http://127.0.0.1:$port" python3 -m pytest -q Tests/e2e
