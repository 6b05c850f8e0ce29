#!/usr/bin/env bash
# Backs the desk's database up, while the desk runs: pg_dump, custom format (compressed,
# restorable table by table), one consistent snapshot. The evidence (raw mail, attachments)
# is in the database; the IMAP folders are the mail server's to back up.
#   deploy/backup.sh [file]     default: csirt-maildesk-YYYYMMDD-HHMMSS.dump
# Connection: see connection.sh (PG*, CSIRT_DB_URL + CSIRT_DB_OWNER, or the embedded default).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=connection.sh
. "$here/connection.sh"
out="${1:-csirt-maildesk-$(date -u +%Y%m%d-%H%M%S).dump}"
pg_dump --format=custom --no-password --file="$out" "$PGDATABASE"
echo "backup of $PGDATABASE on $PGHOST:$PGPORT written to $out ($(stat -c %s "$out") bytes)"
