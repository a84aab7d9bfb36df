#!/bin/sh
# Reads secrets mounted as files: for NAME in the list, NAME_FILE=/run/secrets/x sets NAME to
# that file's content (trailing newline removed). Then runs the command (migrations run at start).
set -eu
for name in DATABASE_URL MIGRATION_DATABASE_URL MEMBER_ID_KEY AUDIT_KEY SMTP_URL SMS_TOKEN; do
  file_var="${name}_FILE"
  eval "file=\${$file_var:-}"
  if [ -n "$file" ]; then
    if [ ! -r "$file" ]; then
      echo "uc-entrypoint: $file_var=$file is not readable" >&2
      exit 1
    fi
    value=$(cat "$file")
    export "$name=$value"
    unset "$file_var"
  fi
done
exec "$@"
