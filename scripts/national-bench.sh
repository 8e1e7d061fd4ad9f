#!/usr/bin/env bash
# The national-scale benchmark of issue 10, on a throwaway PostgreSQL (scripts/with-postgres.sh):
#   1. builds the national set: `kinerja demo --pemda N --measured` (Kota Contoh and N-1 generated Pemda, each signed
#      and measured in bulk), timed;
#   2. runs `kinerja capaian recompute` over the generated Pemda (CapaianBoard + KinerjaFigures, the pages' path);
#   3. times a raw `COPY (…) TO STDOUT > /dev/null` of CapaianBoard's statements 1 and 2 for all those Pemda at once;
#   and prints the ratio recompute ÷ COPY (the target is at most 1.5).
# Usage: scripts/national-bench.sh [N]   (default 546; RUNS=3 timed runs of each, the best is kept;
#        KINERJA_BIN=… to measure another build; DATABASE_URL=… to use a server that already holds the national set,
#        which skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
pemda="${1:-546}"
runs="${RUNS:-3}"
year=2026
if [ -z "${KINERJA_BIN:-}" ]; then
  swift build -c release --product kinerja
  KINERJA_BIN=.build/release/kinerja
fi
export KINERJA_BIN pemda runs year

bench() {
  set -euo pipefail
  data=$(mktemp -d /tmp/kinerja-national.XXXXXX)
  trap 'rm -rf "$data"' EXIT
  export KINERJA_DATA_DIR="$data"
  psql() { command psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }
  now() { date +%s.%N; }
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "## building the national set: demo --year $year --pemda $pemda --measured"
    t0=$(now)
    "$KINERJA_BIN" demo --year "$year" --pemda "$pemda" --measured --env production 2>&1 | grep -v '^\[' || true
    t1=$(now)
    build=$(echo "$t1 - $t0" | bc)
    echo "build_seconds=$build"
    psql -c "VACUUM ANALYZE" >/dev/null
  fi
  psql -At -c "SELECT 'database_size=' || pg_size_pretty(pg_database_size(current_database()))"
  # CapaianBoard.load's statements 1 and 2, the text it sends, for every generated Pemda at once.
  pemda_ids="SELECT id FROM pemda WHERE code LIKE '98.%'"
  signed="'ditandatangani', 'diterbitkan'"
  s1="SELECT p.id AS pk_id, p.jabatan_id, p.unit_id, p.level, p.version, p.status,
         r.key, r.sasaran, r.indikator, r.satuan, r.spec, r.target, r.tw1, r.tw2, r.tw3, r.tw4,
         i.weight, i.owner_kind, i.owner_id, p.pemda_id
  FROM pk p JOIN pk_indikator r ON r.pk_id = p.id
  LEFT JOIN indikator i ON i.id = r.source_indikator_id AND i.pemda_id = p.pemda_id
  WHERE p.pemda_id IN ($pemda_ids) AND r.pemda_id = p.pemda_id AND p.year = $year AND p.status IN ($signed)
    AND NOT EXISTS (SELECT 1 FROM pk n WHERE n.pemda_id = p.pemda_id AND n.jabatan_id = p.jabatan_id AND n.year = p.year
                    AND n.version > p.version AND n.status IN ($signed))
  ORDER BY p.level, p.unit_id, p.jabatan_id, r.sort_order"
  s2="SELECT r.jabatan_id, r.row_key, r.period, r.month, r.seq, r.status, r.value, r.judgement, r.forecast,
         COALESCE(b.n, 0) AS bukti, r.pemda_id
  FROM realisasi r
  LEFT JOIN (SELECT jabatan_id, row_key, period, COUNT(*) AS n FROM realisasi_bukti
             WHERE pemda_id IN ($pemda_ids) AND year = $year GROUP BY jabatan_id, row_key, period) b
    ON b.jabatan_id = r.jabatan_id AND b.row_key = r.row_key AND b.period = r.period
  WHERE r.pemda_id IN ($pemda_ids) AND r.year = $year
  ORDER BY r.seq"
  rows1=$(psql -c "COPY ($s1) TO STDOUT" | wc -l)
  rows2=$(psql -c "COPY ($s2) TO STDOUT" | wc -l)
  echo "copy_rows statement1=$rows1 statement2=$rows2"
  best_copy=""
  for i in $(seq 1 "$runs"); do
    t0=$(now)
    psql -c "COPY ($s1) TO STDOUT" >/dev/null
    psql -c "COPY ($s2) TO STDOUT" >/dev/null
    t1=$(now)
    copy=$(echo "$t1 - $t0" | bc)
    echo "copy run $i: $copy s"
    if [ -z "$best_copy" ] || [ "$(echo "$copy < $best_copy" | bc)" = 1 ]; then best_copy=$copy; fi
  done
  best_re=""
  for i in $(seq 1 "$runs"); do
    t0=$(now)
    out=$("$KINERJA_BIN" capaian recompute --year "$year" --pemda-prefix 98. --env production 2>&1 | grep -v '^\[')
    t1=$(now)
    process=$(echo "$t1 - $t0" | bc)
    [ "$i" = 1 ] && echo "$out" | grep -v '^RECOMPUTE'
    re=$(echo "$out" | sed -n 's/^RECOMPUTE seconds=\([0-9.]*\).*/\1/p')
    echo "recompute run $i: $re s (process $process s)"
    if [ -z "$best_re" ] || [ "$(echo "$re < $best_re" | bc)" = 1 ]; then best_re=$re; fi
  done
  echo "$out" | grep '^RECOMPUTE'
  echo "best: recompute $best_re s, COPY $best_copy s, ratio $(echo "scale=2; $best_re / $best_copy" | bc) (target <= 1.5)"
}
export -f bench
if [ -n "${DATABASE_URL:-}" ]; then
  SKIP_BUILD="${SKIP_BUILD:-1}" bench
else
  scripts/with-postgres.sh bash -c bench
fi
