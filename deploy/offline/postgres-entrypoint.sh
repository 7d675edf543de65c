#!/bin/sh
# First start: a cluster owned by POSTGRES_USER with its password, and POSTGRES_DB; then postgres
# in the foreground, reachable from the compose network with a password (scram-sha-256).
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > "$pwfile"
  initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile="$pwfile" --auth=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  postgres -D "$PGDATA" -c listen_addresses='' -c unix_socket_directories=/var/run/postgresql &
  pid=$!
  until pg_isready -q -h /var/run/postgresql; do sleep 0.2; done
  PGPASSWORD="$POSTGRES_PASSWORD" psql -h /var/run/postgresql -U "${POSTGRES_USER:-postgres}" -d postgres -q \
    -c "CREATE DATABASE \"${POSTGRES_DB:-${POSTGRES_USER:-postgres}}\"" 2>/dev/null || true
  kill -INT "$pid"; wait "$pid" || true
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql
