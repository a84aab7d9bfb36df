#!/usr/bin/env bash
# Installs everything and starts Union Commons on the embedded database (PGlite in .data/)
# with demo data. Set DATABASE_URL (and MIGRATION_DATABASE_URL) to use a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
pnpm install --frozen-lockfile
pnpm --filter @uc/web build
exec pnpm --filter @uc/api start
