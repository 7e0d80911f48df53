#!/usr/bin/env bash
# Times a roster of 5,000 residents (GB18030 CSV) previewed and imported, and their invite sheet
# printed, on SQLite and on a throwaway PostgreSQL cluster (a benchmark: prints figures, asserts
# nothing). YISHI_SERVER=path skips the build; arguments go to roster.py (--rows N).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${YISHI_SERVER:-}" ]]; then
    cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$ROOT/build" -j "$(nproc 2>/dev/null || echo 2)" --target yishi-server >&2
    YISHI_SERVER="$ROOT/build/server/yishi-server"
fi
# The cluster wrapper of the tests: started as an unprivileged user on loopback, removed after.
exec "$ROOT/tests/postgres/with_cluster.sh" \
    bash -c 'python3 "$0"/bench/roster.py "$1" "$YISHI_TEST_DATABASE" "${@:2}"' "$ROOT" "$YISHI_SERVER" "$@"
