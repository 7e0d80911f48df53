#!/usr/bin/env bash
# The browser client's weight and start (a benchmark, not a test): raw and brotli sizes of what a
# first visit loads, then bytes on the wire and time to the first drawn frame in headless
# Chromium against the real server, on loopback and on a throttled mobile link
# (bench/first_visit.mjs). Then a council list of 5,000 more issues: shown, scrolled by the
# wheel, searched (bench/issue_list.mjs), and the screen-reader mirror's cost there: frame time
# with it and without it (?mirror=0), and the DOM nodes it keeps. Builds nothing: run
# ./yishi build first, or pass the dirs.
#   bench/web.sh [WEB_DIST] [YISHI_SERVER]
# defaults: build-web/web/dist and build/server/yishi-server under the repository root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$(cd "${1:-$ROOT/build-web/web/dist}" && pwd)"
SERVER="${2:-$ROOT/build/server/yishi-server}"
RUNS="${YISHI_BENCH_RUNS:-3}"
for f in "$DIST/app.wasm" "$DIST/app.js" "$DIST/fonts/base.ttf" "$DIST/fonts/slices.json" "$SERVER"; do
  [[ -e "$f" ]] || { echo "missing $f (build first: ./yishi build)" >&2; exit 1; }
done

kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
size_of() { if [[ -e "$1" ]]; then stat -c %s "$1"; else echo 0; fi; }
printf '%-24s %12s %12s\n' 'file' 'raw' 'brotli'
for f in app.wasm app.js fonts/base.ttf i18n/zh-CN.json shell.js mirror.js; do
  printf '%-24s %12s %12s\n' "$f" "$(kib "$(size_of "$DIST/$f")")" "$(kib "$(size_of "$DIST/$f.br")")"
done
slices=( "$DIST"/fonts/slice-??.ttf )
slice_br=0
for f in "${slices[@]}"; do slice_br=$((slice_br + $(size_of "$f.br"))); done
echo "font slices fetched on demand: ${#slices[@]}, $(kib $((slice_br / ${#slices[@]}))) each with brotli on average"

cd "$ROOT/tests/browser"
[[ -d node_modules/playwright-core ]] || npm install --no-audit --no-fund >&2
YISHI_SERVER="$SERVER" YISHI_WEB_DIST="$DIST" YISHI_BENCH_RUNS="$RUNS" node "$ROOT/bench/first_visit.mjs"

# A list of 5,000 more issues: shown, scrolled, searched (bench/issue_list.mjs).
YISHI_SERVER="$SERVER" YISHI_WEB_DIST="$DIST" node "$ROOT/bench/issue_list.mjs"
