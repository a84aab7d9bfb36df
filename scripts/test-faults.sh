#!/usr/bin/env bash
# pnpm test:faults — the fault suite (issue 14): its own PostgreSQL 15 cluster on a spare port
# (Debian's pg_createcluster), the API as a child process under a steady write load, then a database
# restart, a hard stop (-m immediate) and start, and kill -9 of the API; checks in apps/api/src/faults/faults.ts.
# The cluster is ALWAYS dropped afterwards (trap). Never touches the 5432 cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() { echo "test:faults: SKIPPED — $1"; exit 0; }
for t in pg_createcluster pg_ctlcluster pg_dropcluster psql; do command -v "$t" >/dev/null 2>&1 || skip "$t not found (Debian's postgresql-common is needed)"; done
[ -d /usr/lib/postgresql/15/bin ] || skip "PostgreSQL 15 server binaries not installed"
[ "$(id -u)" = 0 ] || skip "pg_createcluster needs root here (run as root, e.g. in CI)"

# a spare port: 5433…5499 with neither a cluster configured nor a listener
port=""
for p in $(seq 5540 5599); do
  pg_lsclusters -h 2>/dev/null | awk '{print $3}' | grep -qx "$p" && continue
  (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
  port=$p; break
done
[ -n "$port" ] || skip "no spare port in 5540–5599"
[ "$port" != 5432 ] || exit 1
name="ucfaults_$$"

cleanup() {
  pg_dropcluster --stop 15 "$name" >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

pg_createcluster 15 "$name" -p "$port" --start-conf=manual -- --auth=trust >/dev/null
pg_ctlcluster 15 "$name" start
source scripts/toolchain.sh >/dev/null
cd apps/api
node --import tsx src/faults/faults.ts 15 "$name" "$port"
