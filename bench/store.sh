#!/usr/bin/env bash
# Builds yishi-server, starts a throwaway PostgreSQL cluster in a temporary folder on a loopback
# port, and runs bench/store.py: votes per second and p50/p99 on SQLite, on PostgreSQL, and on two
# instances sharing one PostgreSQL (a benchmark, not a test: it prints figures and asserts
# nothing; a few minutes). The cluster is stopped and removed on exit, also on failure.
# YISHI_SERVER=path skips the build; PG_BIN=dir picks the PostgreSQL binaries (default: newest);
# arguments go to store.py (--members N, --ballots K, --clients C).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ -z "${YISHI_SERVER:-}" ]]; then
    BUILD="$ROOT/build"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target yishi-server >&2
    YISHI_SERVER="$BUILD/server/yishi-server"
fi

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ ! -x "$PG_BIN/initdb" ]]; then
    echo "store.sh: no PostgreSQL server found (install Debian's postgresql package or set PG_BIN)" >&2
    exit 1
fi

# initdb refuses root: as root the cluster belongs to the postgres user, otherwise to us.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

CLUSTER="$(mktemp -d /tmp/yishi-bench-pg.XXXXXX)"
cleanup() {
    if [[ -f "$CLUSTER/data/postmaster.pid" ]]; then
        as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$CLUSTER"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
[[ $(id -u) -eq 0 ]] && chown postgres "$CLUSTER"

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_owner "$PG_BIN/initdb" -D "$CLUSTER/data" -A trust -U yishi -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/log" -w \
    -o "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1" start >/dev/null

BASE="postgresql://yishi@127.0.0.1:$PORT"
for db in yishi_one yishi_two; do
    "$PG_BIN/psql" -X -q -d "$BASE/postgres" -c "CREATE DATABASE $db"
done
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway cluster in $CLUSTER)"

python3 "$ROOT/bench/store.py" "$YISHI_SERVER" "$BASE/yishi_one" "$BASE/yishi_two" "$@"
