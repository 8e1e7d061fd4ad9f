#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback, runs the given command with DATABASE_URL pointing at it, and
# removes the cluster afterwards, whatever the command's outcome.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port="${KINERJA_PG_PORT:-54329}"
dir=$(mktemp -d /tmp/kinerja-pg.XXXXXX)
chmod 755 "$dir"
run_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$dir"; su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
run_as_pg "'$bin/initdb' -D '$dir/data' -A trust -U postgres --no-sync >/dev/null"
run_as_pg "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400 -c full_page_writes=off -c synchronous_commit=off\" -l '$dir/log' -w start >/dev/null"
cleanup() { run_as_pg "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true; rm -rf "$dir"; }
trap cleanup EXIT
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE kinerja_test" >/dev/null
DATABASE_URL="postgres://postgres@127.0.0.1:$port/kinerja_test" "$@"
