// Test harness: starts the real server on 127.0.0.1, launches headless Chromium, and finds
// widgets through the client's window.yishi.snapshot() hook.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const env = {
  server: process.env.YISHI_SERVER,
  dist: process.env.YISHI_WEB_DIST,
  shots: process.env.YISHI_SHOTS || path.join(tmpdir(), 'yishi-shots'),
};

export function requireEnv() {
  for (const [k, v] of Object.entries({ YISHI_SERVER: env.server, YISHI_WEB_DIST: env.dist })) {
    if (!v || !existsSync(v)) throw new Error(`${k} is not set or missing: ${v}`);
  }
  if (!existsSync(path.join(env.dist, 'app.wasm'))) throw new Error(`no app.wasm in ${env.dist}`);
  mkdirSync(env.shots, { recursive: true });
}

export function tempDb() {
  return path.join(mkdtempSync(path.join(tmpdir(), 'yishi-browser-')), 'yishi.db');
}

// Starts yishi-server on a free loopback port; resolves with { url, stop(), output() }.
// `seed: false` starts it on an empty database, which prints its one-time setup link.
export function startServer(db, { seed = true } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(env.server, ['serve', '--host', '127.0.0.1', '--port', '0', '--db', db,
      '--web', env.dist, ...(seed ? ['--seed-demo'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('server did not start: ' + out)); }, 60000);
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/Yishi listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          output: () => out,
          stop: () => new Promise((res) => {
            if (proc.exitCode !== null) return res();
            proc.once('exit', () => res());
            proc.kill('SIGTERM');
          }),
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (d) => { out += d.toString(); });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${out}`)); });
  });
}

// What a test file needs: a server on a fresh database and a headless Chromium. Used as
//   before(async () => ({ db, server, browser } = await startAll()));
//   after(() => stopAll({ server, browser }));
// `tally`: the file also runs the yishi-tally binary (YISHI_TALLY).
export async function startAll({ tally = false } = {}) {
  requireEnv();
  if (tally && !process.env.YISHI_TALLY) throw new Error('YISHI_TALLY (the yishi-tally binary) is not set');
  const db = tempDb();
  const server = await startServer(db);
  const browser = await launchBrowser();
  return { db, server, browser };
}

export async function stopAll({ server, browser }) {
  if (browser) await browser.close();
  if (server) await server.stop();
  // The server's Content-Security-Policy must allow everything the client does.
  if (cspViolations.length) throw new Error('Content Security Policy violations:\n' + cspViolations.join('\n'));
}

// Console messages of any page that report a blocked load or script.
const cspViolations = [];

// ./yishi tally's binary on a bulletin file: the result it prints, parsed.
export function yishiTally(file) {
  return JSON.parse(execFileSync(process.env.YISHI_TALLY, [file], { encoding: 'utf8' }));
}

// A regular session under way: planned to start in 3 s with `agenda` (issue ids), noticed late
// with `reason`, opened once it starts, and every token of `present` signed in. Its id.
export async function sessionUnderway(url, convenorToken, agenda, reason, present) {
  const startsAt = Math.floor(Date.now() / 1000) + 3;
  const s = await api(url, '/api/councils/1/sessions', { token: convenorToken, body: { kind: 'regular', starts_at: startsAt } });
  await api(url, `/api/sessions/${s.id}/notice`, { token: convenorToken, body: { agenda: agenda.map((issue_id) => ({ issue_id })), override_reason: reason } });
  while (Math.floor(Date.now() / 1000) < startsAt) await new Promise((r) => setTimeout(r, 200));
  await api(url, `/api/sessions/${s.id}/open`, { token: convenorToken, body: {} });
  for (const token of present) await api(url, `/api/sessions/${s.id}/sign-in`, { token, body: {} });
  return s.id;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

// One user's page: a browser context of its own (own localStorage) at a given size.
// `hash` opens a deep link (e.g. '#/issue/7') instead of the bare address.
export async function openClient(browser, url, { width = 1280, height = 800, scale = 2, mobile = false, hash = '' } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: scale, isMobile: mobile, hasTouch: mobile,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => {
    logs.push(m.text());
    if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => logs.push('pageerror: ' + e.message));
  await page.goto(url + '/' + hash);
  await page.waitForFunction(() => window.yishi && window.yishi.ready === true, null, { timeout: 60000 });
  return new Client(page, logs);
}

export class Client {
  constructor(page, logs) { this.page = page; this.logs = logs; }

  snapshot() { return this.page.evaluate(() => window.yishi.snapshot()); }

  // Polls the snapshot until `pred(snapshot)` returns something truthy; returns it.
  async until(pred, what, timeout = 20000) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      last = await this.snapshot();
      const r = pred(last);
      if (r) return r;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${what}; last snapshot: ${JSON.stringify(last).slice(0, 3000)}\nconsole: ${this.logs.slice(-20).join('\n')}`);
  }

  widget(match, what, timeout) {
    const test = typeof match === 'function' ? match
      : (w) => w.label === match || w.id === match;
    return this.until((s) => s.widgets.find((w) => test(w) && w.w > 0 && w.h > 0), what || String(match), timeout);
  }

  // The widget once drawn; when it stays out of sight (below the fold: a taller form, a
  // banner, a phone), the screen is scrolled to it as a user would.
  async visible(match, what) {
    try {
      return await this.widget(match, what, 5000);
    } catch (e) {
      return this.reveal(match, what).catch(() => { throw e; });
    }
  }

  route(hash) { return this.until((s) => s.route === hash && !s.loading && s, `route ${hash}`); }

  async click(match, what) {
    const w = await this.visible(match, what);
    await this.page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    return w;
  }

  // Clicks a widget by its id after "##" (e.g. 'nav-issues' for 议题##nav-issues).
  nav(id) { return this.click((w) => w.id.endsWith('##' + id), id); }

  // Scrolls the screen with the mouse wheel until the widget is wholly in view; returns it.
  async reveal(match, what) {
    const test = typeof match === 'function' ? match : (w) => w.label === match || w.id === match;
    const { height } = this.page.viewportSize();
    for (let i = 0; i < 40; ++i) {
      const s = await this.snapshot();
      const w = s.widgets.find((w) => test(w) && w.h > 0);
      if (w && w.y + w.h < height - 4) return w;
      await this.page.mouse.move(this.page.viewportSize().width / 2, height / 2);
      await this.page.mouse.wheel(0, 200);
      await this.page.waitForTimeout(100);
    }
    throw new Error(`could not scroll ${what || String(match)} into view`);
  }

  // Starts watching, inside the page, for the widget with key `k` whose value matches
  // `pattern`; resolves with the page clock's time (ms) of the first snapshot that shows it.
  // In the page, so that the test's own round trips do not count as the client's delay.
  async watch(k, pattern, timeout = 15000) {
    const tag = await this.page.evaluate(([k, src]) => {
      window.__watch = window.__watch || { n: 0, seen: {} };
      const tag = ++window.__watch.n;
      const re = new RegExp(src);
      const timer = setInterval(() => {
        const s = window.yishi.snapshot();
        if (s && s.widgets.some((w) => w.id.endsWith('##' + k) && re.test(w.value))) {
          window.__watch.seen[tag] = Date.now();
          clearInterval(timer);
        }
      }, 20);
      return tag;
    }, [k, pattern.source]);
    return () => this.page.waitForFunction((tag) => window.__watch.seen[tag], tag, { timeout })
      .then((h) => h.jsonValue());
  }

  async tap(match, what) {
    const w = await this.visible(match, what);
    await this.page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
    return w;
  }

  async focusField(label) {
    await this.click(label);
    await this.until((s) => s.widgets.find((w) => w.label === label && w.focused), `${label} focused`);
  }

  // Logs in through the login screen as a user would: click, type, click 登录.
  async login(account, password = 'yishi2026') {
    await this.focusField('账号');
    await this.page.keyboard.type(account);
    await this.focusField('密码');
    await this.page.keyboard.type(password);
    await this.click('登录');
  }

  async shot(name) {
    await this.page.waitForTimeout(100);
    await this.page.screenshot({ path: path.join(env.shots, name + '.png') });
  }
}

// --- helpers for the flow tests (session, task, settings, navigation) ---

// Matches a widget by its stable key, the part after "##" (e.g. 'vote-yes').
export const key = (k) => (w) => w.id.endsWith('##' + k);

// Runs a query on the test's database with the sqlite3 command; returns its trimmed output.
export function sqlOn(db, query) {
  return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
}

// The API straight from the test, for what other people in the room do (members signing in
// and voting at their own phones): resolves with the parsed JSON, throws on a refusal.
export async function api(url, pathname, { token, method, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(url + pathname, {
    method: method || (body === undefined ? 'GET' : 'POST'), headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method || (body === undefined ? 'GET' : 'POST')} ${pathname}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function apiLogin(url, login, password = 'yishi2026') {
  return (await api(url, '/api/login', { body: { login, password } })).token;
}

// A finger dragged over the canvas (CDP touch events: the page sees touch pointer events).
export async function touchDrag(page, x, y, dx, dy, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const point = (px, py) => [{ x: px, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x, y) });
  for (let i = 1; i <= steps; ++i) {
    await cdp.send('Input.dispatchTouchEvent',
      { type: 'touchMove', touchPoints: point(x + (dx * i) / steps, y + (dy * i) / steps) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// The colour [r, g, b] the user sees at CSS (x, y): a screenshot of that pixel, decoded by the
// browser itself (the WebGL canvas cannot be read back after it was shown).
export async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0, 1, 1);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

// --- 政协 (请你来协商): a committee set up through the administration API ---

// A staff account made by the platform administrator (`place`: {street_id} or {department_id})
// and activated with its one-time code; resolves with { id, token, login }.
export async function staffAccount(url, adminToken, role, name, place, login) {
  const made = await api(url, '/api/admin/staff', { token: adminToken, body: { role, name, ...place } });
  const reg = await api(url, '/api/register', { body: { code: made.code, login, password: 'yishi2026' } });
  return { id: reg.member.id, token: reg.token, login };
}

// A CPPCC at the demo's first street with a special committee, a chair, a vice-chair, a
// secretary and a member seated, and a department's staff member (民政局).
export async function cppccSetup(url, tag) {
  const admin = await apiLogin(url, 'admin');
  const tree = await api(url, '/api/admin/tree', { token: admin });
  const street = tree.streets[0];
  const cppcc = await api(url, '/api/admin/cppccs', { token: admin, body: { street_id: street.id, name: `城南政协${tag}` } });
  const committee = await api(url, `/api/admin/cppccs/${cppcc.id}/committees`, { token: admin, body: { name: '社会和法制委员会' } });
  const department = await api(url, '/api/admin/departments', { token: admin, body: { street_id: street.id, name: `民政局${tag}` } });
  const people = {};
  for (const [who, name, post] of [['chair', '钱主席', 'chair'], ['vice', '孙副主席', 'vice_chair'],
    ['secretary', '周秘书', 'secretariat'], ['member', '吴委员', 'member']]) {
    people[who] = await staffAccount(url, admin, 'cppcc_member', name, { street_id: street.id }, `${who}${tag}`);
    await api(url, `/api/admin/cppccs/${cppcc.id}/seats`, { token: admin,
      body: { member_id: people[who].id, post, committee_id: committee.id, title: '' } });
  }
  people.department = await staffAccount(url, admin, 'department', '郑科长', { department_id: department.id }, `dept${tag}`);
  return { cppccId: cppcc.id, committeeId: committee.id, ...people };
}
