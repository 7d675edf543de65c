#!/bin/sh
# First start: a cluster owned by POSTGRES_USER with its password, and POSTGRES_DB; then postgres
# in the foreground, reachable from the compose network with a password (scram-sha-256). The
# first start's temporary server listens on a private socket only, so the health check
# (pg_isready on the default socket) does not pass before the real server runs.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > "$pwfile"
  initdb -D "$PGDATA" -U "${POSTGRES_USER:-postgres}" --pwfile="$pwfile" --auth=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  init_socket=$(mktemp -d)
  postgres -D "$PGDATA" -c listen_addresses='' -c unix_socket_directories="$init_socket" &
  pid=$!
  until pg_isready -q -h "$init_socket"; do
    kill -0 "$pid" 2>/dev/null || { echo "postgres did not start" >&2; exit 1; }
    sleep 0.2
  done
  db=${POSTGRES_DB:-${POSTGRES_USER:-postgres}}
  if [ "$db" != postgres ]; then
    PGPASSWORD="$POSTGRES_PASSWORD" psql -h "$init_socket" -U "${POSTGRES_USER:-postgres}" -d postgres -q \
      -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\""
  fi
  kill -INT "$pid"; wait "$pid" || true
  rmdir "$init_socket"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql
