#!/usr/bin/env bash
# Restores a backup into an EMPTY database (create it first, owned by the tables' owner; the
# desk's role, csirt_desk by default, must exist: the dump grants it what the migrations did).
# Then checks every stored message and attachment against its SHA-256.
#   deploy/restore.sh file target-database
# Connection: see connection.sh; PGDATABASE there is ignored, the target is named here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 2 ] || { echo "usage: $0 backup-file target-database" >&2; exit 2; }
# shellcheck source=connection.sh
. "$here/connection.sh"
file="$1" target="$2"
tables="$(psql --no-password -d "$target" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [ "$tables" != "0" ]; then
  echo "$target is not empty ($tables tables): restore into a new database" >&2
  exit 2
fi
pg_restore --no-password --exit-on-error --dbname="$target" "$file"
bad="$(psql --no-password -d "$target" -Atc "
  SELECT (SELECT count(*) FROM message WHERE raw_sha256 <> encode(sha256(raw), 'hex'))
       + (SELECT count(*) FROM attachment WHERE sha256 <> encode(sha256(content), 'hex'))")"
checked="$(psql --no-password -d "$target" -Atc "SELECT (SELECT count(*) FROM message) || ' messages, '
  || (SELECT count(*) FROM attachment) || ' attachments'")"
if [ "$bad" != "0" ]; then
  echo "RESTORED, BUT $bad stored items do not match their SHA-256 ($checked checked)" >&2
  exit 1
fi
echo "restored into $target; $checked match their SHA-256"
