// The first visit (a benchmark, not a test): bytes on the wire until the login screen draws
// (window.yishi.ready) and the time to that first frame, on loopback and on a throttled mobile
// link (1.6 Mbps down, 150 ms latency, Chromium's network emulation), each in a fresh browser
// context (nothing cached), median of YISHI_BENCH_RUNS; then a second visit in the same context,
// whose hashed files come from the browser's cache. Prints one line a figure, with the target.
//   YISHI_SERVER=... YISHI_WEB_DIST=... node bench/first_visit.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { requireEnv, tempDb, startServer, launchBrowser } =
  await import(path.join(here, '../tests/browser/harness.mjs'));

requireEnv();
const RUNS = Number(process.env.YISHI_BENCH_RUNS || 3);
const MIB = 1024 * 1024;
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

// One visit: bytes received (bodies and headers, as Chromium counts them) and requests until
// ready, and the ms from navigation start to ready.
async function visit(page, cdp, url) {
  let bytes = 0;
  let requests = 0;
  let ready = false;
  const onFinished = (e) => { if (!ready) { bytes += e.encodedDataLength; ++requests; } };
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(url);
  await page.waitForFunction(() => window.yishi && window.yishi.ready, null, { timeout: 120000, polling: 20 });
  ready = true;
  const ms = await page.evaluate(() => performance.now());
  cdp.off('Network.loadingFinished', onFinished);
  return { bytes, requests, ms };
}

async function run(browser, url, conditions) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  const first = await visit(page, cdp, url);
  const again = await visit(page, cdp, url);
  await context.close();
  return { first, again };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await startServer(tempDb());
const browser = await launchBrowser();
try {
  for (const [name, conditions, targetMs] of [['loopback', null, 1000], ['1.6 Mbps / 150 ms', SLOW, 5000]]) {
    const runs = [];
    for (let i = 0; i < RUNS; ++i) runs.push(await run(browser, server.url + '/', conditions));
    const bytes = median(runs.map((r) => r.first.bytes));
    const ms = median(runs.map((r) => r.first.ms));
    const againBytes = median(runs.map((r) => r.again.bytes));
    const againMs = median(runs.map((r) => r.again.ms));
    const met = (ok) => (ok ? 'met' : 'NOT met');
    if (!conditions) {
      console.log(`first visit, bytes until the login screen: ${(bytes / MIB).toFixed(3)} MiB in ${runs[0].first.requests} requests` +
        ` (target ≤ 1 MiB: ${met(bytes <= MIB)})`);
    }
    console.log(`first frame, ${name}: median ${ms.toFixed(0)} ms of ${RUNS} [${runs.map((r) => r.first.ms.toFixed(0)).join(', ')}]` +
      ` (target < ${targetMs} ms: ${met(ms < targetMs)})`);
    console.log(`second visit, ${name}: ${(againBytes / 1024).toFixed(1)} KiB, first frame ${againMs.toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}
