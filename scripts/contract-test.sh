#!/usr/bin/env bash
# Builds Kota Contoh in a throwaway SQLite file (or the DATABASE_URL database), starts the server, and checks every
# documented API answer against openapi.yaml.
set -euo pipefail
bin="${KINERJA_BIN:-.build/debug/kinerja}"
data=$(mktemp -d /tmp/kinerja-contract.XXXXXX)
port="${KINERJA_CONTRACT_PORT:-18080}"
export KINERJA_DATA_DIR="$data"
if [ -n "${DATABASE_URL:-}" ]; then "$bin" migrate --revert >/dev/null 2>&1 || true; fi
"$bin" demo --year 2026 --reset --pk >/dev/null
"$bin" serve --hostname 127.0.0.1 --port "$port" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
python3 scripts/contract-test.py "http://127.0.0.1:$port"
