// How the client behaves as a page, through the real UI: deep links and Back/Forward, the
// settings (text size, contrast, language) kept across reloads, no redrawing while nothing
// changes (idle pages and live ones), Tab between fields on a desktop, and on a phone:
// raising and co-signing by touch, the on-screen keyboard, and drag-to-scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  env, startAll, stopAll, openClient, key, sqlOn, pixel, touchDrag,
} from './harness.mjs';

const DESKTOP = { width: 1920, height: 1080, scale: 1 };
const PHONE = { width: 390, height: 844, scale: 3, mobile: true };

let db, server, browser;
const sql = (q) => sqlOn(db, q);

before(async () => ({ db, server, browser } = await startAll()));

after(() => stopAll({ server, browser }));

const close = (c) => c.page.context().close();

test('a deep link to an issue survives the login and lands on that issue', async () => {
  const id = Number(sql("SELECT id FROM issues WHERE stage = 'listed' ORDER BY id LIMIT 1"));
  const title = sql(`SELECT title FROM issues WHERE id = ${id}`);
  const c = await openClient(browser, server.url, { ...DESKTOP, hash: `#/issue/${id}` });
  await c.route('#/login');
  assert.equal(await c.page.evaluate(() => location.hash), '#/login');
  await c.login('demo06');
  const s = await c.route(`#/issue/${id}`);
  assert.equal(await c.page.evaluate(() => location.hash), `#/issue/${id}`);
  await c.until((s) => s.widgets.some((w) => w.role === 'text' && w.value === title), 'the issue\'s title');
  // The flow timeline: five steps, the current one marked.
  const steps = s.widgets.filter((w) => /##step-[0-4]$/.test(w.id));
  assert.equal(steps.length, 5, 'five steps 提 议 定 办 评');
  assert.ok(s.widgets.some(key('flow-current')), 'the current step is named');
  await c.shot('deep-link-issue');

  // Back and Forward between screens, as the browser's buttons do.
  await c.nav('nav-issues');
  await c.route('#/issues');
  await c.nav('nav-settings');
  await c.route('#/settings');
  await c.page.goBack();
  await c.route('#/issues');
  await c.page.goBack();
  await c.route(`#/issue/${id}`);
  await c.page.goForward();
  await c.route('#/issues');
  await c.page.goForward();
  await c.route('#/settings');
  // A reload keeps both the login and the screen.
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  await c.route('#/settings');
  await close(c);
});

test('Tab moves from 账号 to 密码 on a desktop and Enter logs in', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.focusField('账号');
  await c.page.keyboard.type('demo07');
  await c.page.keyboard.press('Tab');
  const s = await c.until((s) => s.widgets.find((w) => w.label === '密码' && w.focused) && s, '密码 focused by Tab');
  assert.ok(!s.widgets.find((w) => w.label === '账号').focused, '账号 no longer focused');
  assert.equal(s.widgets.find((w) => w.label === '账号').value, 'demo07');
  await c.page.keyboard.type('yishi2026');
  assert.equal((await c.widget('密码')).value, '*********');
  await c.page.keyboard.press('Enter');
  await c.route('#/home');
  await close(c);
});

test('text size 特大 makes text taller and is kept after a reload', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo08');
  await c.route('#/home');
  await c.nav('nav-settings');
  await c.route('#/settings');
  const normal = await c.widget(key('size-sample'));
  await c.click(key('size-2'));
  const larger = await c.until((s) => {
    const w = s.widgets.find(key('size-sample'));
    return s.ready && w && w.h > normal.h * 1.2 && s.widgets.find(key('size-2')).selected && w;
  }, 'a taller sample');
  assert.ok(larger.h > normal.h * 1.2, `sample ${normal.h} → ${larger.h} px high`);
  assert.equal(await c.page.evaluate(() => localStorage.getItem('yishi.text_size')), '2');
  await c.shot('settings-text-larger');
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  await c.route('#/settings');
  const again = await c.widget(key('size-sample'));
  assert.ok(Math.abs(again.h - larger.h) < 1, `after reload ${again.h} px, before ${larger.h}`);
  assert.ok((await c.snapshot()).widgets.find(key('size-2')).selected);
  await c.click(key('size-0'));
  await c.until((s) => Math.abs(s.widgets.find(key('size-sample')).h - normal.h) < 1, 'back to 标准');
  await close(c);
});

test('high contrast changes the page\'s colours and is kept after a reload', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo09');
  await c.route('#/home');
  await c.nav('nav-settings');
  await c.route('#/settings');
  const bar = () => pixel(c.page, 4, 4);                       // the top bar
  const page = () => pixel(c.page, 4, DESKTOP.height - 4);     // the page around the column
  assert.deepEqual(await bar(), [183, 28, 28], 'the red bar of the normal theme');
  assert.deepEqual(await page(), [244, 245, 247], 'the grey page of the normal theme');
  await c.click(key('contrast-high'));
  await c.until((s) => s.widgets.find(key('contrast-high')).selected, 'high contrast chosen');
  assert.deepEqual(await bar(), [0, 0, 0], 'a black bar');
  assert.deepEqual(await page(), [255, 255, 255], 'a white page');
  assert.equal(await c.page.evaluate(() => localStorage.getItem('yishi.contrast')), '1');
  await c.shot('settings-high-contrast');
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  await c.route('#/settings');
  assert.deepEqual(await bar(), [0, 0, 0], 'still black after a reload');
  await close(c);
});

test('English switches the labels, and back to Chinese', async () => {
  const en = JSON.parse(readFileSync(path.join(env.dist, 'i18n', 'en.json'), 'utf8'));
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo10');
  await c.route('#/home');
  await c.nav('nav-settings');
  await c.route('#/settings');
  await c.click(key('lang-en'));
  const s = await c.until((s) => s.language === 'en' && s, 'English');
  const label = (k) => s.widgets.find(key(k)).label;
  assert.equal(label('nav-issues'), en.nav.issues);
  assert.equal(label('nav-settings'), en.nav.settings);
  assert.equal(label('size-2'), en.settings.size_larger);
  await c.shot('settings-english');
  await c.click(key('lang-zh'));
  const zh = await c.until((s) => s.language === 'zh-CN' && s, 'Chinese again');
  assert.equal(zh.widgets.find(key('nav-issues')).label, '议题');
  await close(c);
});

// Waits until the page has stopped drawing (after an event the client draws 30 more frames
// for hover and animations to settle; slow on a busy machine), at most 15 s.
async function settle(c) {
  let last = (await c.snapshot()).frames;
  for (const end = Date.now() + 15000; Date.now() < end;) {
    await c.page.waitForTimeout(500);
    const now = (await c.snapshot()).frames;
    if (now === last) return;
    last = now;
  }
  throw new Error('the page never stopped drawing');
}

// Frames drawn while the page is left alone for `ms`.
async function framesWhileIdle(c, ms) {
  const f0 = (await c.snapshot()).frames;
  await c.page.waitForTimeout(ms);
  return (await c.snapshot()).frames - f0;
}

test('a page left alone draws no frames, a live console neither while nothing changes', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo11');
  await c.route('#/home');
  await c.nav('nav-issues');
  await c.route('#/issues');
  await c.page.mouse.move(1, DESKTOP.height - 1);  // off every widget: no hover to settle
  await settle(c);
  assert.ok((await c.snapshot()).frames > 0, 'the counter counts');
  assert.equal(await framesWhileIdle(c, 2000), 0, 'frames drawn on an idle list in 2 s');

  // The noticed session's console asks every 1.5 s whether its council changed: an unchanged
  // version fetches nothing and draws nothing.
  const live = sql("SELECT id FROM sessions WHERE state = 'noticed' ORDER BY id LIMIT 1");
  await c.page.evaluate((id) => { location.hash = `#/session/${id}`; }, live);
  await c.route(`#/session/${live}`);
  await c.page.mouse.move(1, DESKTOP.height - 1);
  await c.page.waitForTimeout(2000);  // the first polls come back (they may differ once)
  await settle(c);
  const polls = [];
  c.page.on('request', (r) => { if (/\/api\/councils\/\d+\/version$/.test(new URL(r.url()).pathname)) polls.push(r.url()); });
  const drawn = await framesWhileIdle(c, 4000);
  assert.ok(polls.length >= 2, `the console kept polling (${polls.length} polls)`);
  assert.ok(drawn <= 2, `frames drawn on a quiet live console in 4 s: ${drawn}`);
  await close(c);
});

// Goes to `hash`, moves the pointer off every widget and returns the frames drawn in 2 s once
// the page has settled.
async function idleFramesOn(c, hash) {
  await c.page.evaluate((h) => { location.hash = h; }, hash);
  await c.route(hash);
  await c.page.mouse.move(1, DESKTOP.height - 1);
  await settle(c);
  return framesWhileIdle(c, 2000);
}

test('every screen left alone draws no frames, the login and register screens included', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  // The login and register screens open with a field focused: its caret blinks a while after
  // the last key or touch, then stays lit, and the page stops drawing.
  await c.route('#/login');
  await c.until((s) => s.textInput, 'a focused field on the login screen');
  assert.equal(await idleFramesOn(c, '#/login'), 0, 'frames drawn on an idle login screen in 2 s');
  assert.equal(await idleFramesOn(c, '#/register'), 0, 'frames drawn on an idle register screen');
  await c.page.evaluate(() => { location.hash = '#/login'; });
  await c.login('demo01');
  await c.route('#/home');
  const one = (q) => Number(sql(q));
  const screens = [
    '#/home', '#/issues', `#/issue/${one("SELECT id FROM issues ORDER BY id LIMIT 1")}`, '#/new',
    '#/sessions', '#/notices', '#/tasks', `#/task/${one('SELECT id FROM tasks ORDER BY id LIMIT 1')}`,
    '#/settings',
  ];
  for (const hash of screens)
    assert.equal(await idleFramesOn(c, hash), 0, `frames drawn on an idle ${hash} in 2 s`);
  // Live screens poll; identical replies draw nothing (a reply that differs once may draw).
  const live = [
    `#/session/${one("SELECT id FROM sessions WHERE state = 'closed' ORDER BY id LIMIT 1")}`,
    `#/ballot/${one("SELECT id FROM ballots WHERE state = 'closed' ORDER BY id LIMIT 1")}`,
  ];
  for (const hash of live) {
    const drawn = await idleFramesOn(c, hash);
    assert.ok(drawn <= 2, `frames drawn on an idle ${hash} in 2 s: ${drawn}`);
  }
  await close(c);
});

test('on a phone a resident raises an issue and another co-signs it, by touch', async () => {
  const TITLE = '单元门口台阶加装扶手';
  const BODY = '2号楼单元门口的台阶很陡，老人进出不方便，建议加装不锈钢扶手。';
  const a = await openClient(browser, server.url, PHONE);
  await a.login('demo12');
  await a.route('#/home');
  await a.tap(key('nav-issues'));
  await a.route('#/issues');
  await a.tap(key('new-issue'));
  await a.route('#/new');
  await a.tap('标题');
  // The on-screen keyboard: the hidden textarea holds the focus while a field is edited.
  await a.until((s) => s.textInput && s.widgets.find((w) => w.label === '标题' && w.focused), '标题 focused');
  assert.equal(await a.page.evaluate(() => document.activeElement && document.activeElement.id), 'ime');
  await a.page.keyboard.insertText(TITLE);
  await a.tap('内容');
  await a.until((s) => s.widgets.find((w) => w.label === '内容' && w.focused), '内容 focused');
  await a.page.keyboard.insertText(BODY);
  await a.shot('phone-raise');
  await a.tap(key('submit'));
  await a.route('#/issues');
  const id = Number(sql(`SELECT id FROM issues WHERE title = '${TITLE}'`));
  assert.ok(id > 0, 'stored');
  assert.equal(sql(`SELECT body FROM issues WHERE id = ${id}`), BODY);
  // Marked as my own, on one line (not squeezed into a column of single characters).
  const own = await a.reveal(key(`own-${id}`));
  const count = (await a.snapshot()).widgets.find(key(`count-${id}`));
  assert.ok(own.h < count.h * 1.5, `我提出的议题 is ${own.h} px high, one line is ${count.h}`);
  assert.ok(own.x + own.w <= PHONE.width, 'inside the screen');
  await a.shot('phone-raised');
  await close(a);

  const b = await openClient(browser, server.url, PHONE);
  await b.login('demo13');
  await b.route('#/home');
  await b.tap(key('nav-issues'));
  await b.route('#/issues');
  const cosign = await b.reveal(key(`cosign-${id}`));
  assert.ok(cosign.x + cosign.w <= PHONE.width - 16, '附议 inside the card on a phone');
  await b.tap(key(`cosign-${id}`));
  await b.until((s) => s.widgets.some(key(`cosigned-${id}`)), '已附议');
  assert.match((await b.widget(key(`count-${id}`))).value, /1/);
  assert.equal(sql(`SELECT COUNT(*) FROM cosigns WHERE issue_id = ${id}`), '1');
  await b.shot('phone-cosigned');
  await close(b);
});

test('on a phone a finger drag scrolls the issue list without opening anything', async () => {
  const c = await openClient(browser, server.url, PHONE);
  await c.login('demo14');
  await c.route('#/home');
  await c.tap(key('nav-issues'));
  const s = await c.route('#/issues');
  // The lowest item of the screen wholly in view: it must move up by about the drag.
  const low = s.widgets.filter((w) => w.y > 300 && w.y + w.h < PHONE.height - 2 && w.h > 0)
    .sort((a, b) => b.y - a.y)[0];
  assert.ok(low, 'something low on the screen');
  await c.shot('phone-list-before-drag');
  await touchDrag(c.page, 195, 700, 0, -300);
  const moved = await c.until((s) => {
    const w = s.widgets.find((w) => w.id === low.id);
    return w && w.y < low.y - 150 && w;
  }, 'the title moved up with the finger');
  assert.ok(low.y - moved.y > 150, `moved ${low.y - moved.y} px for a 300 px drag`);
  await c.page.waitForTimeout(300);
  assert.equal((await c.snapshot()).route, '#/issues', 'a drag is not a tap');
  await c.shot('phone-list-after-drag');
  await close(c);
});
