#!/usr/bin/env bash
# The browser client's weight and start (a benchmark, not a test): gzip -9 sizes of app.wasm +
# app.js and of the font, and the time from navigation start to the first drawn frame
# (window.yishi.ready) in headless Chromium against the real server on loopback, median of 3.
# Then a council list of 5,000 more issues: shown, scrolled by the wheel, searched
# (bench/issue_list.mjs), and the screen-reader mirror's cost there: frame time with it and
# without it (?mirror=0), and the DOM nodes it keeps. Builds nothing: run ./yishi build first,
# or pass the dirs.
#   bench/web.sh [WEB_DIST] [YISHI_SERVER]
# defaults: build-web/web/dist and build/server/yishi-server under the repository root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$(cd "${1:-$ROOT/build-web/web/dist}" && pwd)"
SERVER="${2:-$ROOT/build/server/yishi-server}"
RUNS="${YISHI_BENCH_RUNS:-3}"
for f in "$DIST/app.wasm" "$DIST/app.js" "$DIST/fonts/yishi-cjk.ttf" "$SERVER"; do
  [[ -e "$f" ]] || { echo "missing $f (build first: ./yishi build)" >&2; exit 1; }
done

gz() { gzip -9 -c "$@" | wc -c; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
wasm_raw=$(stat -c %s "$DIST/app.wasm"); js_raw=$(stat -c %s "$DIST/app.js")
font_raw=$(stat -c %s "$DIST/fonts/yishi-cjk.ttf")
wasm_gz=$(gz "$DIST/app.wasm"); js_gz=$(gz "$DIST/app.js"); font_gz=$(gz "$DIST/fonts/yishi-cjk.ttf")
printf '%-26s %12s %14s\n' 'file' 'raw' 'gzip -9'
printf '%-26s %12s %14s\n' app.wasm "$(kib "$wasm_raw")" "$(kib "$wasm_gz")"
printf '%-26s %12s %14s\n' app.js "$(kib "$js_raw")" "$(kib "$js_gz")"
printf '%-26s %12s %14s\n' 'app.wasm + app.js' "$(kib $((wasm_raw + js_raw)))" "$(kib $((wasm_gz + js_gz)))"
printf '%-26s %12s %14s\n' fonts/yishi-cjk.ttf "$(kib "$font_raw")" "$(kib "$font_gz")"

# Time to the first drawn frame: a fresh browser context each run (nothing cached), the
# server on a temporary database on 127.0.0.1. Uses the browser tests' harness.
cd "$ROOT/tests/browser"
[[ -d node_modules/playwright-core ]] || npm install --no-audit --no-fund >&2
YISHI_SERVER="$SERVER" YISHI_WEB_DIST="$DIST" YISHI_BENCH_RUNS="$RUNS" node --input-type=module -e '
import { env, requireEnv, tempDb, startServer, launchBrowser } from "./harness.mjs";
requireEnv();
const server = await startServer(tempDb());
const browser = await launchBrowser();
const times = [];
try {
  for (let i = 0; i < Number(process.env.YISHI_BENCH_RUNS); ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    // Notes the moment shell.js sets window.yishi.ready, in ms since navigation start.
    await page.addInitScript(() => {
      let api;
      Object.defineProperty(window, "yishi", { configurable: true, get: () => api, set(v) {
        let ready = v.ready;
        Object.defineProperty(v, "ready", { configurable: true, enumerable: true, get: () => ready,
          set(x) { if (x && !ready) window.__yishiReadyAt = performance.now(); ready = x; } });
        api = v;
      } });
    });
    await page.goto(server.url + "/");
    await page.waitForFunction(() => window.__yishiReadyAt !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__yishiReadyAt));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`first drawn frame (loopback, headless Chromium, login screen): median ${median.toFixed(0)} ms of ${times.length} runs [${times.map((t) => t.toFixed(0)).join(", ")}]`);
'

# A list of 5,000 more issues: shown, scrolled, searched (bench/issue_list.mjs).
YISHI_SERVER="$SERVER" YISHI_WEB_DIST="$DIST" node "$ROOT/bench/issue_list.mjs"
