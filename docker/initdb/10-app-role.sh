#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: creates the application role with
# its password. The migrations (run by the app as the owner) grant it what it needs; they
# create the role only when it is missing, so the password set here is kept.
set -eu
app_password="${UC_APP_PASSWORD:-}"
if [ -n "${UC_APP_PASSWORD_FILE:-}" ]; then app_password=$(cat "$UC_APP_PASSWORD_FILE"); fi
if [ -z "$app_password" ]; then
  echo "10-app-role.sh: UC_APP_PASSWORD (or UC_APP_PASSWORD_FILE) is required" >&2
  exit 1
fi
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$app_password" <<'SQL'
CREATE ROLE uc_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
SQL
