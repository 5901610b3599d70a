#!/usr/bin/env bash
# Sourced by .ci/run (or by hand: `source scripts/ci-postgres.sh`): starts a throw-away PostgreSQL 15
# as user postgres on 127.0.0.1, on a free port, in a temp folder, and exports TEST_DATABASE_URL so
# the server suite runs on its second driver. Installs postgresql-15 first on a fresh Debian machine.
# Written to be sourced: no `set -e` of its own, errors return instead of exiting the caller.

ci_pg_start() {
  local bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$bin/pg_ctl" ]; then
    echo "ci-postgres: installing postgresql-15"
    export DEBIAN_FRONTEND=noninteractive
    # Not root (a developer's machine): through sudo, which asks for the password once.
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo -E)
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq postgresql-15 >/dev/null || return 1
  fi
  local dir port
  dir=$(mktemp -d /tmp/ci-postgres.XXXXXX) || return 1
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir" || return 1; fi
  chmod 700 "$dir" || return 1
  # A free port: ask the kernel for one, then hand it to PostgreSQL.
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})') || return 1
  local run=(runuser -u postgres --)
  [ "$(id -u)" -ne 0 ] && run=()
  "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null || {
    cat "$dir/log"
    return 1
  }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export CI_POSTGRES_DIR="$dir"
  echo "ci-postgres: PostgreSQL 15 on port $port (TEST_DATABASE_URL exported; stop: ci_pg_stop)"
}

ci_pg_stop() {
  [ -n "${CI_POSTGRES_DIR:-}" ] || return 0
  local run=(runuser -u postgres --)
  [ "$(id -u)" -ne 0 ] && run=()
  "${run[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$CI_POSTGRES_DIR/data" -m fast -w stop >/dev/null
  rm -rf "$CI_POSTGRES_DIR"
  unset CI_POSTGRES_DIR
}

ci_pg_start || { echo "ci-postgres: could not start PostgreSQL" >&2; return 1 2>/dev/null || exit 1; }
# Stop it when the sourcing shell exits, unless that shell already has an exit trap of its own.
if [ -z "$(trap -p EXIT)" ]; then trap ci_pg_stop EXIT; fi
