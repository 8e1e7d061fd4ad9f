#!/usr/bin/env bash
# Builds the release server, builds Kota Contoh with its PK round in a throwaway database (SQLite, or PostgreSQL
# with ENGINE=postgres), starts the server and runs scripts/loadtest.py against it.
# Usage: scripts/loadtest.sh [loadtest.py options]   (KINERJA_BIN=… to measure another build)
# Runs twice: with the page cache (what users get) and without it (KINERJA_PAGE_CACHE_MB=0: each page as built).
# CACHE=on or CACHE=off runs one of the two.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"; $sudo_cmd apt-get install -y -qq wrk >/dev/null; }
if [ -z "${KINERJA_BIN:-}" ]; then
  swift build -c release --product kinerja
  kinerja_bin=.build/release/kinerja
else
  kinerja_bin="$KINERJA_BIN"
fi
run() {
  data=$(mktemp -d /tmp/kinerja-load.XXXXXX)
  export KINERJA_DATA_DIR="$data" KINERJA_SQL_COUNT=1
  port="${KINERJA_LOAD_PORT:-18180}"
  if [ -n "${DATABASE_URL:-}" ]; then "$kinerja_bin" migrate --revert --yes >/dev/null 2>&1 || true; fi
  "$kinerja_bin" demo --year 2026 --reset --pk --env production >/dev/null
  "$kinerja_bin" serve --hostname 127.0.0.1 --port "$port" --env production >"$data/serve.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  python3 scripts/loadtest.py "http://127.0.0.1:$port" "$@"
}
measure() {
  if [ "${ENGINE:-sqlite}" = postgres ]; then
    export -f run; export kinerja_bin
    scripts/with-postgres.sh bash -c 'run "$@"' _ "$@"
  else
    (run "$@")
  fi
}
if [ "${CACHE:-both}" != off ]; then echo "## pages kept (PageCache on)"; KINERJA_PAGE_CACHE_MB=64 measure "$@"; fi
if [ "${CACHE:-both}" != on ]; then echo "## pages as built (KINERJA_PAGE_CACHE_MB=0)"; KINERJA_PAGE_CACHE_MB=0 measure "$@"; fi
