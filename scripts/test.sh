#!/usr/bin/env bash
# Runs every check: lint, typecheck, the first-load size budget of the pages members open on
# their phones, unit + integration tests on PGlite, the same suite on a PostgreSQL server when
# TEST_DATABASE_URL is set, and the browser journeys in Chromium. Prints each phase's duration
# before the closing "N passed, M failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
set -e
# no terminal needed (see scripts/start.sh)
pnpm install --frozen-lockfile --config.confirmModulesPurge=false
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() { echo "==> $*"; "$@" 2>&1 | tee -a "$log"; }
# phase durations, printed at the end: phase <name> <command…>
phases=()
phase() {
  local name=$1 start=$SECONDS rc=0
  shift
  "$@" || rc=$?
  phases+=("$(printf '%-12s %4d s' "$name" $((SECONDS - start)))")
  return "$rc"
}

phase lint run pnpm lint
phase typecheck run pnpm typecheck
# the first-load budget (decisions/0030), early: a page grown over it fails in a minute, not after
# the whole suite; the journeys reuse this build (build-web.mjs skips unchanged sources)
web_dist="${E2E_WEB_DIST:-apps/web/dist}"
size_budget() { node scripts/build-web.mjs --out "$web_dist" && node scripts/size-budget.mjs --dist "$web_dist"; }
phase size-budget run size_budget || { echo "a page's first load is over the size budget"; exit 1; }
# The tests run in a shuffled order (sequence.shuffle). Here the order is one that has been run
# green on both engines, so the suite answers the same every time; `VITEST_SEED=<n>` tries another
# (a plain `vitest run` draws a new one each time and prints it).
seed="${VITEST_SEED:-1796379629444}"
unit() { pnpm exec turbo run test --concurrency=1 -- --sequence.seed="$seed"; }
server_url="${TEST_DATABASE_URL:-}"
echo "==> tests on PGlite"
TEST_DATABASE_URL= phase PGlite run unit
if [ -n "$server_url" ]; then
  echo "==> tests on PostgreSQL ($server_url)"
  TEST_DATABASE_URL="$server_url" phase PostgreSQL run unit
fi
# The browser journeys write to a file, not a pipe: the API they start inherits the output.
echo "==> pnpm e2e"
e2e_log=$(mktemp)
e2e_rc=0
e2e_start=$SECONDS
pnpm e2e > "$e2e_log" 2>&1 || e2e_rc=$?
phases+=("$(printf '%-12s %4d s' e2e $((SECONDS - e2e_start)))")
cat "$e2e_log"; cat "$e2e_log" >> "$log"; rm -f "$e2e_log"
[ "$e2e_rc" -eq 0 ] || { echo "browser journeys failed (exit $e2e_rc)"; exit "$e2e_rc"; }

# One closing line in the plain form: vitest and Playwright summaries added up
# (grep finds nothing for '0 failed': no pipefail or -e from here on).
set +e +o pipefail
clean=$(sed -e 's/\x1b\[[0-9;]*m//g' "$log")
passed=$(printf '%s\n' "$clean" | grep -E '(^|:)\s+Tests\s+[0-9]' | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(printf '%s\n' "$clean" | grep -E '(^|:)\s+Tests\s+[0-9]' | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
e2e=$(printf '%s\n' "$clean" | grep -E '^\s+[0-9]+ passed \(' | grep -oE '^\s+[0-9]+' | awk '{s+=$1} END {print s+0}')
echo "==> duration by phase"
printf '  %s\n' "${phases[@]}"
echo "$((passed + e2e)) passed, ${failed} failed"
