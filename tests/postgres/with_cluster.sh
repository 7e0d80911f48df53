#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: a temporary folder, a free loopback
# port, YISHI_TEST_DATABASE set to its address; the cluster is stopped and the folder removed
# however the command ends. Usage: with_cluster.sh COMMAND [ARG...]; exits with COMMAND's status.
set -uo pipefail

PG_BIN="${YISHI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

log() { printf '[with_cluster] %s\n' "$*" >&2; }

# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` system user
# that Debian's package creates; otherwise it runs as the caller.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || {
      # pg_ctl could not stop it: end the postmaster this cluster recorded, and only it.
      local pid
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
      [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
    }
  fi
  rm -rf "$dir"
}

# The watchdog: when the wrapper is killed outright (no trap runs), stops its cluster anyway.
if [ "${1:-}" = "--watch" ]; then
  while kill -0 "$2" 2>/dev/null; do sleep 1; done
  stop_cluster "$3"
  exit 0
fi

[ $# -ge 1 ] || { log "usage: with_cluster.sh COMMAND [ARG...]"; exit 2; }
[ -x "$PG_BIN/initdb" ] || { log "PostgreSQL not found (looked in ${PG_BIN:-/usr/lib/postgresql})"; exit 2; }

DIR=$(mktemp -d "${TMPDIR:-/tmp}/yishi-pg.XXXXXX") || exit 2
child=""
cleanup() {
  trap - EXIT INT TERM HUP
  [ -n "$child" ] && kill "$child" 2>/dev/null && wait "$child" 2>/dev/null
  stop_cluster "$DIR"
}
trap 'cleanup' EXIT
trap 'cleanup; exit 143' INT TERM HUP
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
# Detached (a subshell's orphan, in its own session) so that killing the wrapper's process tree,
# as ctest does on a timeout, leaves it to do its work.
( setsid "$0" --watch $$ "$DIR" </dev/null >/dev/null 2>&1 & )

if ! as_owner "$PG_BIN/initdb" -D "$DIR/data" -A trust -U yishi -E UTF8 --locale=C.UTF-8 \
     >"$DIR/initdb.log" 2>&1; then
  log "initdb failed:"; cat "$DIR/initdb.log" >&2; exit 2
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# fsync=off: the cluster lives for one run and is deleted after it, so a crash of the machine
# loses nothing worth keeping; with fsync on, every CREATE and DROP DATABASE (one each per
# test) waits for the disk, which made the suite minutes slower. Commits are still written
# before they are acknowledged, so a killed server process (PostgreSQL itself keeps running)
# loses no acknowledged write.
SETTINGS="-c listen_addresses=127.0.0.1 -c fsync=off"

# A port found free may be taken before the server binds it: try a few.
port=""
for attempt in 1 2 3 4 5; do
  candidate=$(free_port) || break
  if as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/data/server.log" -w -t 60 \
       -o "-p $candidate -k $DIR $SETTINGS" start >/dev/null 2>&1; then
    port=$candidate
    break
  fi
done
if [ -z "$port" ]; then
  log "the cluster did not start:"; cat "$DIR/data/server.log" >&2 2>/dev/null; exit 2
fi

export YISHI_TEST_DATABASE="postgresql://yishi@127.0.0.1:$port/postgres"
# The command's own temporary files go with the cluster, even when it is killed outright.
mkdir -p "$DIR/tmp" && export TMPDIR="$DIR/tmp"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# In the background so that a signal reaches the trap while the command runs.
"$@" &
child=$!
wait "$child"
status=$?
child=""
exit "$status"
