// A council with 5,000 more issues (a benchmark, not a test: the list should scroll smoothly):
// the real server on a temporary database with the demo data plus N issues inserted with
// sqlite3, the real client in headless Chromium (software GL) on loopback. Prints how long the
// list takes to show after navigating to it, the frames drawn and the frame intervals while the
// mouse wheel scrolls it, and how long a search takes to narrow it to one issue. Then the
// screen-reader mirror's cost: the same scrolling with the mirror and without (?mirror=0), the
// time the page's frames take (the app's frame and the browser's style and layout of the
// mirror's elements), and the DOM nodes the mirror keeps.
// Run by bench/web.sh; env: YISHI_SERVER, YISHI_WEB_DIST, YISHI_BENCH_ISSUES (default 5000).
import {
  requireEnv, tempDb, startServer, launchBrowser, openClient, key, sqlOn,
} from '../tests/browser/harness.mjs';

requireEnv();
const n = Number(process.env.YISHI_BENCH_ISSUES || 5000);
const db = tempDb();
const server = await startServer(db);
// Titles reuse the demo's own characters (the font is built from the catalogs and demo data).
sqlOn(db, `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
  INSERT INTO issues (council_id, title, body, author_id, created_at, stage, category, tag)
  SELECT 1, '第' || i || '号：' || (SELECT title FROM issues WHERE id = 1 + i % 5),
         (SELECT body FROM issues WHERE id = 1 + i % 5), 2, 1700000000 + i, 'collecting', '', ''
  FROM k`);
const browser = await launchBrowser();
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

// Scrolls the list 30 wheel steps 100 ms apart; requestAnimationFrame stamps every frame the
// page gets, and each animation frame's callbacks are timed with the style and layout they
// leave to do. Returns the frames drawn, the intervals, and the times of the drawn frames.
async function scroll(c) {
  await c.page.mouse.move(640, 500);
  await c.page.evaluate(() => {
    window.__stamps = [];
    window.__costs = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => {
      const start = performance.now();
      cb(t);
      document.body.getBoundingClientRect();  // the mirror's elements laid out now, not later
      window.__costs.push(performance.now() - start);
    });
    const tick = (t) => { window.__stamps.push(t); if (!window.__stop) raf(tick); };
    raf(tick);
  });
  const framesBefore = (await c.snapshot()).frames;
  const t0 = Date.now();
  for (let i = 0; i < 30; ++i) {
    await c.page.mouse.wheel(0, 120);
    await c.page.waitForTimeout(100);
  }
  const ms = Date.now() - t0;
  const { stamps, costs } = await c.page.evaluate(() => {
    window.__stop = true;
    return { stamps: window.__stamps, costs: window.__costs };
  });
  const drawn = (await c.snapshot()).frames - framesBefore;
  // The app's loop runs every animation frame but draws only when something happened: the
  // `drawn` most expensive callbacks are the drawn frames.
  const cost = [...costs].sort((a, b) => b - a).slice(0, Math.max(1, drawn));
  return { ms, drawn, gaps: stamps.slice(1).map((t, i) => t - stamps[i]), cost };
}

// A page opened at `query` ('' or '?mirror=0'), logged in as demo01, navigated to the list:
// the client, the list's snapshot and the time it took to show after navigating.
async function listAt(query) {
  const c = await openClient(browser, server.url, { width: 1280, height: 800, scale: 1, hash: query });
  await c.login('demo01');
  await c.route('#/home');
  const t0 = Date.now();
  await c.page.evaluate(() => { location.hash = '#/issues'; });
  const st = await c.until((s) => s.route === '#/issues' && !s.loading &&
    s.widgets.find(key('found')) && s, 'the list', 120000);
  return { c, st, ms: Date.now() - t0 };
}

try {
  const { c, st, ms: listMs } = await listAt('');
  const found = st.widgets.find(key('found')).value;

  const { ms: scrollMs, drawn, gaps } = await scroll(c);

  // A search narrows the whole list to the one issue.
  await c.page.mouse.wheel(0, -100000);
  await c.click(key('search'));
  const needle = `第${n - 1}号`;
  const t0 = Date.now();
  await c.page.keyboard.insertText(needle);
  await c.until((s) => s.widgets.find((w) => key('found')(w) && w.value === '共 1 个议题'), 'one found', 60000);
  const searchMs = Date.now() - t0;

  console.log(`issue list, ${found} (${n} inserted; loopback, headless Chromium, software GL, 1280x800):`);
  console.log(`  shown ${listMs} ms after navigating to #/issues`);
  console.log(`  30 wheel steps in ${(scrollMs / 1000).toFixed(1)} s: ${drawn} frames drawn; ` +
    `frame interval median ${percentile(gaps, 0.5).toFixed(1)} ms, p90 ${percentile(gaps, 0.9).toFixed(1)} ms`);
  console.log(`  search "${needle}": 共 1 个议题 shown ${searchMs} ms after typing`);
  await c.page.context().close();

  // The screen-reader mirror's cost, the same scrolling with it and without it.
  console.log('screen-reader mirror, the same 30 wheel steps on the list:');
  for (const [name, query] of [['with the mirror', ''], ['without (?mirror=0)', '?mirror=0']]) {
    const { c: m } = await listAt(query);
    const r = await scroll(m);
    const nodes = await m.page.evaluate(() => {
      const root = document.getElementById('mirror');
      return root ? root.querySelectorAll('*').length + 1 : 0;
    });
    console.log(`  ${name.padEnd(20)} ${r.drawn} frames drawn; frame time median ` +
      `${percentile(r.cost, 0.5).toFixed(2)} ms, p90 ${percentile(r.cost, 0.9).toFixed(2)} ms; ` +
      `interval median ${percentile(r.gaps, 0.5).toFixed(1)} ms; mirror DOM nodes ${nodes}`);
    await m.page.context().close();
  }
} finally {
  await browser.close();
  await server.stop();
}
