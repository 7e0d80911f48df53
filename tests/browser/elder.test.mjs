// Every screen of the demo on a 390x844 phone, measured (measure.mjs) in the normal mode at
// each text size (标准, 大, 特大) against the normal numbers and in 长辈版 against the
// age-friendly ones, each screen scrolled to its bottom. A failure lists the offending
// widgets by id, with the screen and the number they miss.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startAll, stopAll, openClient, sqlOn, api, apiLogin, sessionUnderway, key,
} from './harness.mjs';
import { measure, wholeSizes, ELDER, NORMAL } from './measure.mjs';

const PHONE = { width: 390, height: 844, scale: 1, mobile: true };
const MODES = [
  { name: '标准', elder: false, size: 0, numbers: NORMAL },
  { name: '大', elder: false, size: 1, numbers: NORMAL },
  { name: '特大', elder: false, size: 2, numbers: NORMAL },
  { name: '长辈版', elder: true, size: 0, numbers: ELDER },
  { name: '长辈版 特大', elder: true, size: 2, numbers: ELDER },
];

let db, server, browser;
const sql = (q) => sqlOn(db, q);
const one = (q) => Number(sql(q).split('\n')[0]);
// Each person's screens: [{ hash, open }] (`open`: a widget key tapped, then measured again).
const people = [];
const pages = new Map();  // login → Client, kept across the modes

before(async () => {
  ({ db, server, browser } = await startAll());
  const url = server.url;
  const council = one("SELECT id FROM councils WHERE name = '春晖社区居民议事会'");
  const inCouncil = `council_id = ${council}`;
  const convenor = await apiLogin(url, 'demo01');
  // A session under way with an open ballot: the vote buttons and the convenor's console.
  const listed = sql(`SELECT id FROM issues WHERE stage = 'listed' AND ${inCouncil} ORDER BY id`)
    .split('\n').filter(Boolean).map(Number);
  assert.ok(listed.length >= 2, 'two listed issues for the agenda');
  const present = [];
  for (let n = 1; n <= 6; ++n) present.push(n === 1 ? convenor : await apiLogin(url, `demo0${n}`));
  const live = await sessionUnderway(url, convenor, listed.slice(0, 2), '测试：适老化检查', present);
  await api(url, `/api/sessions/${live}/ballots`, { token: convenor, body: { issue_id: listed[0] } });
  const open = one(`SELECT id FROM ballots WHERE session_id = ${live}`);

  const collecting = one(`SELECT id FROM issues WHERE stage = 'collecting' AND ${inCouncil} ORDER BY id`);
  const resolved = one(`SELECT id FROM issues WHERE stage = 'resolved' AND ${inCouncil} ORDER BY id`);
  const closedSession = one(`SELECT id FROM sessions WHERE state = 'closed' AND ${inCouncil} ORDER BY id`);
  const noticed = one(`SELECT id FROM sessions WHERE state = 'noticed' AND ${inCouncil} ORDER BY id`);
  const closedBallot = one(`SELECT id FROM ballots WHERE state = 'closed' AND ${inCouncil} ORDER BY id`);
  const task = one(`SELECT id FROM tasks WHERE ${inCouncil} ORDER BY id`);
  const wuyeTask = one(`SELECT t.id FROM tasks t JOIN members m ON m.id = t.responsible_member_id WHERE m.login = 'wuye' ORDER BY t.id`);
  const community = one('SELECT id FROM communities ORDER BY id');
  const cppcc = one('SELECT id FROM cppccs ORDER BY id');
  const topics = sql('SELECT id FROM topics ORDER BY id').split('\n').filter(Boolean).map(Number).slice(0, 2);
  const s = (...hashes) => hashes.filter((h) => !/\/(NaN|0)(\/|$)/.test(h)).map((h) => (typeof h === 'string' ? { hash: h } : h));

  people.push({ login: null, screens: s('#/login', '#/register', '#/reset') });
  people.push({ login: 'demo02', screens: [
    ...s('#/home', '#/issues', `#/issue/${collecting}`, `#/issue/${resolved}`, '#/new', '#/sessions',
      `#/session/${closedSession}`, `#/ballot/${open}`,
      `#/ballot/${closedBallot}`, '#/notices', '#/tasks', `#/task/${task}`, '#/notifications',
      '#/cppcc', ...topics.map((t) => `#/consultation/${t}`)),
    // The confirmation lies over the ballot's page: only the dialog's widgets are targets then.
    { hash: `#/ballot/${open}/confirm-yes` },
    { hash: '#/issues', open: 'filters-toggle' },
    { hash: '#/settings', open: 'nav-more' },
  ] });
  people.push({ login: 'demo01', screens: s('#/home', `#/session/${live}`, `#/session/${noticed}`,
    `#/ballot/${open}`, `#/issue/${listed[1]}`, '#/sessions') });
  people.push({ login: 'wangge', screens: s('#/home', '#/new') });
  people.push({ login: 'wuye', screens: s('#/home', '#/tasks', `#/task/${wuyeTask}`, '#/board') });
  people.push({ login: 'minzhengju', screens: s('#/home', '#/my-consultation-tasks') });
  people.push({ login: 'cppcc_chair', screens: s('#/home', `#/cppcc/${cppcc}`, ...topics.map((t) => `#/consultation/${t}`)) });
  people.push({ login: 'admin', screens: s('#/home', '#/admin', `#/community/${community}`, '#/board', '#/report') });
});

after(() => stopAll({ server, browser }));

// One snapshot once a frame newer than `since` has been drawn (the wheel's effect).
async function freshSnapshot(c, since) {
  const end = Date.now() + 1500;
  for (;;) {
    const s = await c.snapshot();
    if (s.frames >= since + 2 || Date.now() > end) return s;
    await c.page.waitForTimeout(20);
  }
}

// The screen from its top to its bottom: the snapshots taken on the way down.
async function scrollThrough(c) {
  const { width, height } = c.page.viewportSize();
  await c.page.mouse.move(width / 2, height * 0.75);
  let s = await c.snapshot();
  await c.page.mouse.wheel(0, -20000);
  s = await freshSnapshot(c, s.frames);
  const shots = [s];
  const where = (snap) => snap.widgets.map((w) => `${w.id}@${w.y}`).join('|');
  // The longest screen (the CPPCC chair's handling of eight recommendations at 特大) takes
  // about fifty steps; one that never reaches its bottom is a failure, not a shorter check.
  for (let i = 0; i < 150; ++i) {
    await c.page.mouse.wheel(0, 220);  // 2.2 wheel steps: less than a view even in 长辈版 特大
    const next = await freshSnapshot(c, s.frames);
    if (where(next) === where(s)) return shots;  // the bottom: nothing moved
    shots.push(next);
    s = next;
  }
  throw new Error(`${s.route}: no bottom after 150 steps`);
}

async function visit(c, hash) {
  await c.page.evaluate((h) => { location.hash = h; }, hash);
  // A modal's hash shows its page underneath: wait for the page, not the exact hash.
  const page = hash.replace(/\/confirm-[a-z-]+$/, '');
  await c.until((s) => s.route.startsWith(page) && !s.loading && s.ready && s, `route ${hash}`);
  await c.page.waitForTimeout(150);  // replies that follow the first (the console's votes)
}

// Offences of every screen of `person` in `mode`: lines "screen · id · problem".
async function measurePerson(person, mode) {
  let c = pages.get(person.login);
  if (!c) {
    c = await openClient(browser, server.url, PHONE);
    if (person.login) {
      await c.login(person.login);
      await c.until((s) => s.loggedIn && s.member === person.login && s.route !== '#/login' && s, 'logged in');
    }
    pages.set(person.login, c);
  }
  await c.page.evaluate(({ elder, size }) => {
    localStorage.setItem('yishi.elder', elder ? '1' : '0');
    localStorage.setItem('yishi.text_size', String(size));
  }, mode);
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true, null, { timeout: 60000 });
  const found = [];
  for (const screen of person.screens) {
    await visit(c, screen.hash);
    let shots = await scrollThrough(c);
    if (screen.open) {
      await c.page.mouse.wheel(0, -20000);  // back to the top, where the folded part is
      await c.page.waitForTimeout(150);
      await c.tap(key(screen.open));
      await c.page.waitForTimeout(100);
      shots = await scrollThrough(c);
    }
    const sizes = wholeSizes(shots);
    const name = `${person.login || '未登录'} ${screen.hash}${screen.open ? ' +' + screen.open : ''}`;
    for (const s of shots) {
      // With a modal open, the page under it is dimmed and takes no taps: not measured.
      const modal = s.widgets.some((w) => w.modal);
      const shown = { ...s, widgets: s.widgets.filter((w) => !modal || w.modal) };
      for (const o of measure(shown, mode.numbers, sizes)) found.push(`${name} · ${o.id} · ${o.problem}`);
    }
  }
  return [...new Set(found)];
}

for (const mode of MODES) {
  test(`every screen on a phone meets the ${mode.elder ? '长辈版' : 'normal'} numbers at ${mode.name}`, async () => {
    // Each person's page in the one browser at once: the pages wait on the server and on
    // their own frames, not on each other.
    const all = (await Promise.all(people.map((p) => measurePerson(p, mode)))).flat();
    assert.deepEqual(all, [], `${all.length} offences at ${mode.name}:\n${all.join('\n')}`);
  });
}

test('长辈版 is one tap on the login screen and in 设置, and is kept after a reload', async () => {
  const c = await openClient(browser, server.url, PHONE);
  await c.page.evaluate(() => localStorage.clear());
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  const before = await c.widget(key('login-subtitle'));
  await c.tap(key('elder-toggle'));
  const after = await c.until((s) => {
    const t = s.widgets.find(key('elder-toggle'));
    return t && t.selected && s;
  }, '长辈版 on');
  const body = after.widgets.find(key('login-subtitle'));
  assert.ok(body.font >= 24, `body text ${body.font} px in 长辈版`);
  assert.ok(after.widgets.find(key('login-title')).font >= 30, 'titles at least 30 px');
  assert.ok(after.widgets.find(key('login-submit')).h >= 60, '登录 at least 60 px high');
  assert.ok(before.font < 24, `the normal body text is ${before.font} px`);
  assert.equal(await c.page.evaluate(() => localStorage.getItem('yishi.elder')), '1');
  await c.login('demo03');
  await c.route('#/home');
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  await c.page.evaluate(() => { location.hash = '#/settings'; });
  await c.route('#/settings');
  const on = await c.visible(key('elder-on'));
  assert.ok(on.selected, '设置 shows 长辈版 on after the reload');
  await c.tap(key('elder-off'));
  const s = await c.until((s) => s.widgets.find((w) => w.id.endsWith('##elder-off') && w.selected) && s, '长辈版 off');
  assert.ok(s.widgets.find(key('elder-off')).font < 24, 'back to the normal sizes');
  assert.equal(await c.page.evaluate(() => localStorage.getItem('yishi.elder')), '0');
  await c.page.context().close();
});
