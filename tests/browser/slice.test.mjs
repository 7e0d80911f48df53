// The walking skeleton through the real client: log in, raise an issue typed in Chinese
// (typed, IME-inserted, pasted), co-sign it from a second member's browser, restart the
// server and find everything still there. Screenshots go to $YISHI_SHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { env, startAll, stopAll, startServer, openClient } from './harness.mjs';

const TITLE = '北门路灯不亮，夜间出行不便龘';   // ends with a rare character (U+9F98)
const BODY_TYPED = '三号楼北侧路灯坏了两周，';
const BODY_PASTED = '老人晚上散步看不清台阶。';

let db, server, browser;

function sql(query) {
  return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
}

before(async () => ({ db, server, browser } = await startAll()));

after(() => stopAll({ server, browser }));

test('a wrong password is refused with the server\'s Chinese message', async () => {
  const c = await openClient(browser, server.url);
  await c.route('#/login');
  await c.shot('login');
  await c.focusField('账号');
  await c.page.keyboard.type('demo03');
  await c.focusField('密码');
  await c.page.keyboard.type('wrong-password');
  await c.click('登录');
  const s = await c.until((s) => s.error && s, 'an error message');
  assert.equal(s.error, '账号或密码错误');
  assert.equal(s.route, '#/login');
  await c.page.context().close();
});

test('a first visit loads files named by their hash, kept a year, and the base font without slices', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const seen = [];
  page.on('response', (r) => seen.push({ path: new URL(r.url()).pathname, cache: r.headers()['cache-control'] }));
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.yishi && window.yishi.ready, null, { timeout: 60000 });
  const index = seen.find((r) => r.path === '/');
  assert.equal(index && index.cache, 'no-cache', 'index.html is revalidated');
  const files = seen.filter((r) => r.path !== '/' && !r.path.startsWith('/api/'));
  for (const f of files) {
    assert.match(f.path, /\.[0-9a-f]{16}\.[a-z0-9]+$/, `${f.path} is named by its hash`);
    assert.equal(f.cache, 'public, max-age=31536000, immutable', `${f.path} is kept a year`);
  }
  const paths = files.map((f) => f.path);
  for (const name of [/\/app\.[0-9a-f]{16}\.wasm$/, /\/fonts\/base\.[0-9a-f]{16}\.ttf$/, /\/i18n\/zh-CN\.[0-9a-f]{16}\.json$/])
    assert.ok(paths.some((p) => name.test(p)), `${name} among ${paths.join(', ')}`);
  assert.ok(!paths.some((p) => p.includes('slice-')), `no font slice before a rare character: ${paths.join(', ')}`);
  await context.close();
});

let author, issueId;

test('a resident logs in and sees the council\'s issue list in Chinese', async () => {
  author = await openClient(browser, server.url);
  await author.focusField('账号');
  await author.page.keyboard.type('demo03');
  await author.focusField('密码');
  await author.page.keyboard.type('yishi2026');
  await author.page.keyboard.press('Enter');
  await author.route('#/home');
  await author.nav('nav-issues');
  const s = await author.route('#/issues');
  const [newestId, newestTitle] = sql('SELECT id, title FROM issues ORDER BY created_at DESC, id DESC LIMIT 1').split('|');
  const shown = s.widgets.find((w) => w.id.endsWith(`##title-${newestId}`));
  assert.ok(shown, 'the newest seeded issue is listed');
  assert.equal(shown.value, newestTitle);
  assert.ok(s.widgets.some((w) => w.id.endsWith(`##count-${newestId}`)), 'its co-sign count is shown');
  await author.shot('issues');
});

test('Back and Forward move between the list and the raise screen', async () => {
  await author.click('提出新议题');
  await author.route('#/new');
  await author.page.goBack();
  await author.route('#/issues');
  await author.page.goForward();
  await author.route('#/new');
});

test('a title and body typed in Chinese, with a paste, are kept exactly', async () => {
  await author.focusField('标题');
  // IME commits arrive as text insertion into the focused textarea bridge.
  await author.page.keyboard.insertText('北门路灯');
  await author.page.keyboard.type('xy');
  await author.page.keyboard.press('Backspace');
  await author.page.keyboard.press('Backspace');
  await author.page.keyboard.insertText('不亮，夜间出行不便龘');
  await author.until((s) => s.widgets.find((w) => w.label === '标题' && w.value === TITLE),
    'the typed title, with the two Backspaces applied');

  await author.focusField('内容');
  await author.page.keyboard.insertText(BODY_TYPED);
  // Paste through the browser's clipboard (Ctrl+V), as a user would.
  await author.page.evaluate((t) => navigator.clipboard.writeText(t), BODY_PASTED);
  await author.page.keyboard.press('Control+V');
  await author.until((s) => s.widgets.find((w) => w.label === '内容' && w.value === BODY_TYPED + BODY_PASTED),
    'pasted text in the body');
  await author.shot('raise');
  const glyphs = (await author.snapshot()).fontGlyphs;
  assert.ok(glyphs > 0, 'the font atlas holds glyphs');
  // 龘 is not among the base font's common characters: its slice is fetched, then drawn.
  await author.page.waitForFunction(() => window.yishi.hasGlyph(0x9F98), null, { timeout: 30000 });
});

test('the raised issue appears at the top of the list and in the database', async () => {
  await author.click('提交');
  const s = await author.route('#/issues');
  const titles = s.widgets.filter((w) => w.role === 'text' && w.value === TITLE && w.id.includes('##title-'));
  assert.equal(titles.length, 1, 'new issue shown once');
  const row = sql(`SELECT id, body FROM issues WHERE title = '${TITLE}'`);
  assert.ok(row, 'issue stored');
  const [id, body] = row.split('|');
  issueId = Number(id);
  assert.equal(body, BODY_TYPED + BODY_PASTED);
  assert.equal(Number(sql('SELECT MAX(id) FROM issues')), issueId, 'newest issue');
  // The new issue is drawn above the one that was newest before it.
  const previous = sql(`SELECT id FROM issues WHERE id <> ${issueId} ORDER BY created_at DESC, id DESC LIMIT 1`);
  const mine = s.widgets.find((w) => w.id.endsWith(`##title-${issueId}`));
  assert.ok(mine, 'the new title is visible');
  const shown = s.widgets.filter((w) => /##title-\d+$/.test(w.id)).sort((a, b) => a.y - b.y);
  assert.equal(shown[0].id, mine.id, 'the new issue is the first on the list');
  const next = shown.find((w) => w.id.endsWith(`##title-${previous}`));
  if (next) assert.ok(mine.y < next.y, 'drawn above the one that was newest before it');
  assert.ok(s.widgets.some((w) => w.id.endsWith(`##own-${issueId}`)), 'marked as my own issue, no co-sign button');
  await author.shot('issues-after-raise');
});

test('an empty title is explained in Chinese before anything is sent', async () => {
  const before = sql('SELECT COUNT(*) FROM issues');
  await author.click('提出新议题');
  await author.route('#/new');
  await author.click('提交');
  const s = await author.until((s) => s.error && s, 'a validation message');
  assert.equal(s.error, '标题不能为空');
  assert.equal(sql('SELECT COUNT(*) FROM issues'), before);
  await author.click('返回');
  await author.route('#/issues');
});

test('another member co-signs and the count shows for both', async () => {
  const other = await openClient(browser, server.url);
  await other.login('demo05');
  await other.route('#/home');
  await other.nav('nav-issues');
  await other.route('#/issues');
  await other.click((w) => w.id.endsWith(`##cosign-${issueId}`), 'co-sign button');
  await other.until((s) => s.widgets.some((w) => w.id.endsWith(`##cosigned-${issueId}`)),
    'the co-signed state');
  assert.equal(sql(`SELECT COUNT(*) FROM cosigns WHERE issue_id = ${issueId}`), '1');
  const count = await other.until((s) => s.widgets.find((w) => w.id.endsWith(`##count-${issueId}`)), 'count');
  assert.match(count.value, /1/);
  await other.shot('cosigned');
  await other.page.context().close();
});

test('after a server restart everything is still there', async () => {
  await server.stop();
  server = await startServer(db);
  const c = await openClient(browser, server.url);
  await c.login('demo03');
  await c.route('#/home');
  await c.nav('nav-issues');
  const s = await c.route('#/issues');
  assert.ok(s.widgets.some((w) => w.value === TITLE), 'issue listed after restart');
  const count = s.widgets.find((w) => w.id.endsWith(`##count-${issueId}`));
  assert.ok(count, 'count shown after restart');
  assert.match(count.value, /1/);
  await c.page.context().close();
});

test('every character on the list screen is drawn from the font, not as a fallback box', async () => {
  const c = await openClient(browser, server.url);
  await c.login('demo07');
  await c.route('#/home');
  await c.nav('nav-issues');
  const s = await c.route('#/issues');
  const missingNow = (texts) => {
    const out = [];
    for (const t of texts) for (const ch of t) {
      const cp = ch.codePointAt(0);
      if (cp > 0x20 && !window.yishi.hasGlyph(cp)) out.push(ch);
    }
    return [...new Set(out)];
  };
  const missingIn = `(${missingNow})(${JSON.stringify(s.widgets.map((w) => w.label + (w.value || '')))})`;
  // Characters outside the base font come with their slices: wait for them, then name any left.
  await c.page.waitForFunction(`${missingIn}.length === 0`, null, { timeout: 30000 }).catch(() => {});
  const missing = await c.page.evaluate(missingIn);
  assert.deepEqual(missing, [], 'characters without a glyph');
  await c.page.context().close();
});

test('on a phone a resident logs in by tapping, with a crisp canvas at 3x', async () => {
  const c = await openClient(browser, server.url, { width: 390, height: 844, scale: 3, mobile: true });
  const size = await c.page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    return { w: canvas.width, h: canvas.height, cssW: window.innerWidth, cssH: window.innerHeight, dpr: window.devicePixelRatio };
  });
  assert.equal(size.dpr, 3);
  assert.equal(size.w, Math.round(size.cssW * 3), 'backing store follows devicePixelRatio');
  assert.equal(size.h, Math.round(size.cssH * 3));
  await c.tap('账号');
  await c.until((s) => s.textInput && s.widgets.find((w) => w.label === '账号' && w.focused), 'login field focused by a tap');
  await c.page.keyboard.insertText('demo09');
  await c.tap('密码');
  await c.until((s) => s.widgets.find((w) => w.label === '密码' && w.focused), 'password focused by a tap');
  await c.page.keyboard.insertText('yishi2026');
  await c.shot('phone-login');
  await c.tap('登录');
  await c.route('#/home');
  await c.shot('phone-home');
  await c.tap((w) => w.id.endsWith('##nav-issues'));
  await c.route('#/issues');
  await c.shot('phone-issues');
  await c.page.context().close();
});
