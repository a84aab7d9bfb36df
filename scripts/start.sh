#!/usr/bin/env bash
# Installs everything and starts Union Commons on the embedded database (PGlite in .data/)
# with demo data. Set DATABASE_URL (and MIGRATION_DATABASE_URL) to use a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
# no terminal needed: when PNPM_HOME (set by toolchain.sh) differs from the one node_modules was
# installed with, pnpm would ask before purging node_modules and abort without a TTY
pnpm install --frozen-lockfile --config.confirmModulesPurge=false
# the SPA is rebuilt only when its sources or the lockfile changed (apps/web/dist/.build-hash)
node scripts/build-web.mjs
exec pnpm --filter @uc/api start
