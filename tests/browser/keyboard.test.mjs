// The convenor's session without a mouse: sign in to Yishi, open the session's console, 宣布开会,
// 签到, open a ballot (the method picked with arrows), close it; only Tab, Shift+Tab, Enter,
// Space and arrows. Each widget Tab reaches is reported focused and outlined on the canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, stopAll, openClient, key, sqlOn, api, apiLogin, pixel } from './harness.mjs';

const DESKTOP = { width: 1280, height: 900, scale: 1 };
const RING = [0, 90, 200];  // the focus ring's colour (web/mirror.cpp)

let db, server, browser, c;
let sessionId, issueId;
const sql = (q) => sqlOn(db, q);

before(async () => {
  ({ db, server, browser } = await startAll());
  // A session noticed with one listed issue on its agenda, starting in 3 s.
  issueId = Number(sql("SELECT id FROM issues WHERE stage = 'listed' AND council_id = 1 ORDER BY id LIMIT 1"));
  const convenor = await apiLogin(server.url, 'demo01');
  const startsAt = Math.floor(Date.now() / 1000) + 3;
  sessionId = (await api(server.url, '/api/councils/1/sessions', { token: convenor, body: { kind: 'regular', starts_at: startsAt } })).id;
  await api(server.url, `/api/sessions/${sessionId}/notice`, { token: convenor,
    body: { agenda: [{ issue_id: issueId }], override_reason: '键盘测试临时增开' } });
});

after(() => stopAll({ server, browser }));

const press = (k) => c.page.keyboard.press(k);

const focusedKey = () => c.page.evaluate(() => document.activeElement?.dataset?.k || '');

// Presses Tab until the widget with key `k` has the focus (then Shift+Tab, should it lie
// above where the screen scrolled to); returns the snapshot.
async function tabTo(k, max = 60) {
  for (const back of [false, true]) {
    for (let i = 0; i < max; ++i) {
      const was = await focusedKey();
      const s = await c.snapshot();
      if (was === k && s.focus === k) return s;
      await press(back ? 'Shift+Tab' : 'Tab');
      // The focus moves (after the screen scrolled, past the last element), then the app hears.
      await c.page.waitForFunction((was) => (document.activeElement?.dataset?.k || '') !== was, was,
        { timeout: 3000 }).catch(() => {});
      await c.page.waitForFunction(() => window.yishi.snapshot().focus === (document.activeElement?.dataset?.k || ''),
        null, { timeout: 10000 });
    }
  }
  throw new Error(`Tab never reached ${k}; focus is on ${(await c.snapshot()).focus}`);
}

// The focused widget is reported focused and a ring is drawn just outside it.
async function assertRing(k) {
  const s = await c.until((s) => s.focus === k && s.widgets.find((w) => key(k)(w) && w.focused) && s, `${k} focused`);
  const w = s.widgets.find(key(k));
  await c.page.waitForTimeout(100);
  const [r, g, b] = await pixel(c.page, Math.round(w.x - 4), Math.round(w.y + w.h / 2));
  const near = Math.abs(r - RING[0]) + Math.abs(g - RING[1]) + Math.abs(b - RING[2]);
  assert.ok(near < 90, `a ring left of ${k}: ${[r, g, b]}`);
}

test('the convenor signs in to Yishi with the keyboard', async () => {
  c = await openClient(browser, server.url, DESKTOP);
  // The login screen opens with 账号 focused.
  await c.until((s) => s.widgets.find((w) => key('login')(w) && w.focused), '账号 focused');
  await c.page.keyboard.type('demo01');
  await press('Tab');
  await c.until((s) => s.widgets.find((w) => key('password')(w) && w.focused), '密码 focused');
  await c.page.keyboard.type('yishi2026');
  await press('Enter');
  await c.route('#/home');
});

test('Tab reaches 会议 with a visible focus ring, Shift+Tab goes back', async () => {
  await tabTo('nav-sessions');
  await assertRing('nav-sessions');
  await press('Shift+Tab');
  const s = await c.until((s) => s.focus && s.focus !== 'nav-sessions' && s, 'the focus moved back');
  await tabTo('nav-sessions');
  assert.ok(s.focus !== 'nav-sessions');
  await press('Enter');
  await c.route('#/sessions');
  await tabTo(`open-session-${sessionId}`);
  await press('Enter');
  await c.route(`#/session/${sessionId}`);
});

test('宣布开会 and 签到 with Enter and Space', async () => {
  const start = Number(sql(`SELECT starts_at FROM sessions WHERE id = ${sessionId}`)) * 1000 + 300;
  if (start > Date.now()) await c.page.waitForTimeout(start - Date.now());
  await tabTo('open-session');
  await assertRing('open-session');
  await press('Enter');
  await c.widget(key('close-session'), 'the session open');
  assert.equal(sql(`SELECT state FROM sessions WHERE id = ${sessionId}`), 'open');
  await tabTo('sign-in');
  await press(' ');
  await c.widget(key('you-signed-in'), 'signed in');
  assert.equal(sql(`SELECT COUNT(*) FROM session_signins WHERE session_id = ${sessionId}`), '1');
});

test('arrows move within the ballot methods; Enter opens the ballot and closes it', async () => {
  await tabTo('method-yes_no');
  await press('ArrowRight');
  await c.until((s) => s.focus === 'method-single' && s, 'ArrowRight moves to 单选');
  await press('ArrowLeft');
  await c.until((s) => s.focus === 'method-yes_no' && s, 'ArrowLeft comes back');
  await press(' ');
  await c.until((s) => s.widgets.find((w) => key('method-yes_no')(w) && w.selected && w.aria === 'radio' && w.checked === true), '赞成/反对 chosen');
  await tabTo(`open-ballot-${issueId}`);
  await assertRing(`open-ballot-${issueId}`);
  await press('Enter');
  await c.widget(key(`votes-cast-${issueId}`), 'the ballot open');
  const ballot = sql(`SELECT id || '|' || state FROM ballots WHERE session_id = ${sessionId} AND issue_id = ${issueId}`);
  assert.match(ballot, /^\d+\|open$/);
  await tabTo(`close-ballot-${issueId}`);
  await press('Enter');
  await c.until((s) => s.notice === '表决已结束，结果已公示' && s, 'the ballot closed');
  assert.equal(sql(`SELECT state FROM ballots WHERE session_id = ${sessionId} AND issue_id = ${issueId}`), 'closed');
});
