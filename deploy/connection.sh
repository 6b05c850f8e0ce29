# Sourced by backup.sh and restore.sh: the desk's database as libpq's PG* variables.
# Where PGHOST is set, those are used as they are. Else CSIRT_DB_URL (jdbc:postgresql://host:port/db)
# with CSIRT_DB_OWNER / CSIRT_DB_OWNER_PASSWORD (the tables' owner: it reads everything).
# Else the embedded default's PostgreSQL, running now from ${CSIRT_DATA_DIR:-./data}.
set -euo pipefail

if [ -z "${PGHOST:-}" ] && [ -n "${CSIRT_DB_URL:-}" ]; then
  if [[ "$CSIRT_DB_URL" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
    export PGHOST="${BASH_REMATCH[1]}" PGPORT="${BASH_REMATCH[3]:-5432}" PGDATABASE="${BASH_REMATCH[4]}"
    export PGUSER="${CSIRT_DB_OWNER:-${CSIRT_DB_USER:-}}" PGPASSWORD="${CSIRT_DB_OWNER_PASSWORD:-${CSIRT_DB_PASSWORD:-}}"
  else
    echo "CSIRT_DB_URL is not jdbc:postgresql://host[:port]/database: $CSIRT_DB_URL" >&2
    exit 2
  fi
elif [ -z "${PGHOST:-}" ]; then
  data="${CSIRT_DATA_DIR:-./data}"
  pid="$data/postgres/postmaster.pid"
  if [ ! -r "$pid" ]; then
    echo "no database named (PGHOST or CSIRT_DB_URL) and no embedded PostgreSQL running from $data" >&2
    exit 2
  fi
  export PGHOST=localhost PGPORT="$(sed -n 4p "$pid")" PGDATABASE=postgres PGUSER=postgres
  PGPASSWORD="$(cat "$data/secrets/postgres-owner.password")"
  export PGPASSWORD
fi
