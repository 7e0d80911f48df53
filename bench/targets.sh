#!/usr/bin/env bash
# Every speed and size target in one run (a benchmark, not a test: it prints figures beside their
# targets and asserts nothing; about ten minutes on 2 cores). Builds the native server and tools
# (the web client must be built: ./yishi build), then runs, one after another so that they do not
# share the cores:
#   first visit: bytes until the login screen, first frame on loopback and at 1.6 Mbps / 150 ms
#     (bench/first_visit.mjs);
#   votes per second and p50/p99 at 8 and 50 connections on SQLite and PostgreSQL beside
#     GET /api/version, and the issue page read alone and under the vote load (bench/store.sh);
#   an issue page of a 50,000-issue council beside GET /api/version (bench/issue_page.py);
#   2,000 clients polling a live ballot page (bench/live.py);
#   recounting 1,000,000 yes/no and 100,000 ranked ballots (bench/tally.sh).
#   bench/targets.sh [WEB_DIST]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build"
DIST="$(cd "${1:-$ROOT/build-web/web/dist}" && pwd)"
[[ -e "$DIST/fonts/slices.json" ]] || { echo "no web client in $DIST (./yishi build first)" >&2; exit 1; }
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target yishi-server yishi-tally yishi-bench-tally >&2
SERVER="$BUILD/server/yishi-server"

section() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

section "first visit"
(cd "$ROOT/tests/browser" && { [[ -d node_modules/playwright-core ]] || npm install --no-audit --no-fund >&2; } &&
  YISHI_SERVER="$SERVER" YISHI_WEB_DIST="$DIST" node "$ROOT/bench/first_visit.mjs")

for clients in 8 50; do
    section "votes at $clients connections (targets: at least 0.5x GET /api/version, p99 < 20 ms at 50)"
    YISHI_SERVER="$SERVER" "$ROOT/bench/store.sh" --clients "$clients"
done

section "an issue page of a 50,000-issue council"
python3 "$ROOT/bench/issue_page.py" "$SERVER"

section "a live ballot page polled by 2,000 clients"
python3 "$ROOT/bench/live.py" "$SERVER"

section "tally (target: under 0.2 s each)"
"$BUILD/bench/yishi-bench-tally" "$BUILD/tally/yishi-tally"
