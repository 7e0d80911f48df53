#!/usr/bin/env bash
# Builds yishi-server and runs bench/followup.py: a street of 20 communities with 100,000 issues
# and 20,000 tasks bulk-loaded into a SQLite file, then the medians of GET /api/report, pages of
# GET /api/board and the board's CSV against the 200 ms target (a benchmark, not a test: it prints figures and
# asserts nothing; about a minute). YISHI_SERVER=path skips the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${YISHI_SERVER:-}" ]]; then
    BUILD="$ROOT/build"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target yishi-server >&2
    YISHI_SERVER="$BUILD/server/yishi-server"
fi
exec python3 "$ROOT/bench/followup.py" "$YISHI_SERVER"
