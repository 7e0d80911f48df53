#!/usr/bin/env bash
# Builds yishi-server into the normal native build dir and runs bench/hall.py against it on
# loopback: a normal request's latency under idle, slowloris and header-flooding connections,
# then a vote's p50/p99 with 60 voters polling the live ballot while 32 others log in
# (a benchmark, not a test: it prints figures and asserts nothing; about two minutes).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target yishi-server >&2
exec python3 "$ROOT/bench/hall.py" "$BUILD/server/yishi-server"
