// Test harness: starts the real server on 127.0.0.1, launches headless Chromium, and finds
// widgets through the client's window.yishi.snapshot() hook.
import { spawn } from 'node:child_process';
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

// Starts yishi-server on a free loopback port; resolves with { url, stop() }.
export function startServer(db) {
  return new Promise((resolve, reject) => {
    const proc = spawn(env.server, ['serve', '--host', '127.0.0.1', '--port', '0', '--db', db,
      '--web', env.dist, '--seed-demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('server did not start: ' + out)); }, 60000);
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/Yishi listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
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
export async function openClient(browser, url, { width = 1280, height = 800, scale = 2, mobile = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: scale, isMobile: mobile, hasTouch: mobile,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push('pageerror: ' + e.message));
  await page.goto(url + '/');
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

  widget(match, what) {
    const test = typeof match === 'function' ? match
      : (w) => w.label === match || w.id === match;
    return this.until((s) => s.widgets.find((w) => test(w) && w.w > 0 && w.h > 0), what || String(match));
  }

  route(hash) { return this.until((s) => s.route === hash && !s.loading && s, `route ${hash}`); }

  async click(match, what) {
    const w = await this.widget(match, what);
    await this.page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    return w;
  }

  // Clicks a widget by its id after "##" (e.g. 'nav-issues' for 议题##nav-issues).
  nav(id) { return this.click((w) => w.id.endsWith('##' + id), id); }

  async tap(match, what) {
    const w = await this.widget(match, what);
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
