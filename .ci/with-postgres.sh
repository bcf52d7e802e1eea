#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on a loopback port, exported as
# BAYREADY_TEST_PG_URL; stops and deletes the cluster afterwards. Without PostgreSQL binaries the
# command runs without the variable and the postgres-marked tests are skipped with a reason.
set -u
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
if [ -z "$initdb" ]; then
  echo "with-postgres: PostgreSQL not found; classroom tests will be skipped" >&2
  exec "$@"
fi
bindir=$(dirname "$initdb")
dir=$(mktemp -d /tmp/bayready-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
owner=""
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
  id -u postgres >/dev/null 2>&1 || useradd -r -M postgres
  chown postgres "$dir"
  owner="postgres"
fi
as_owner() { if [ -n "$owner" ]; then su -s /bin/sh "$owner" -c "$*"; else sh -c "$*"; fi; }
as_owner "'$bindir/initdb' -D '$dir/data' -U bayready -A trust --no-sync -E UTF8" >/dev/null
as_owner "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off\" start" >/dev/null
cleanup() { as_owner "'$bindir/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
export BAYREADY_TEST_PG_URL="postgresql+psycopg://bayready@127.0.0.1:$port/postgres"
"$@"
