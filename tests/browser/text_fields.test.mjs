// Text as a phone shows it: a multi-line field wraps at its width and grows taller while the
// stored text keeps exactly what was typed, and the hidden textarea (the IME's anchor) follows
// the caret inside the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, stopAll, openClient, key, sqlOn } from './harness.mjs';

const PHONE = { width: 390, height: 844, scale: 3, mobile: true };

let db, server, browser;
const sql = (q) => sqlOn(db, q);

before(async () => ({ db, server, browser } = await startAll()));

after(() => stopAll({ server, browser }));

const close = (c) => c.page.context().close();
const labelled = (label) => (w) => w.label === label;

// Taps a field, waits until it has the focus, and types `text` as an IME commits it.
async function typeInto(c, match, text) {
  const field = await c.tap(match);
  await c.until((s) => s.widgets.find((w) => match(w) && w.focused), `${field.id} focused`);
  if (text) await c.page.keyboard.insertText(text);
  return field;
}

// 80 characters, no line break among them.
const BODY = '小区东门外的人行道上常年停着电动车和共享单车，老人推轮椅、家长推婴儿车都只能走到机动车道上，' +
  '非常危险。建议划出停车线，安排专人每天清理，并在路口立一块警示标牌。';

test('on a phone the issue body wraps, grows taller and keeps the text as typed', async () => {
  assert.equal([...BODY].length, 80);
  const c = await openClient(browser, server.url, PHONE);
  await c.login('demo12');
  await c.route('#/home');
  await c.tap(key('nav-issues'));
  await c.route('#/issues');
  await c.tap(key('new-issue'));
  await c.route('#/new');
  await typeInto(c, labelled('标题'), '人行道被电动车占满');
  const empty = await typeInto(c, labelled('内容'), '');
  // Typed a few characters at a time, as an IME commits them.
  for (let i = 0; i < BODY.length; i += 4) await c.page.keyboard.insertText(BODY.slice(i, i + 4));
  // The field takes its new height in the frame after the text: wait for both. It grows by at
  // least two more lines than its empty three (a line is at least the font's size).
  const grown = await c.until((s) => {
    const w = s.widgets.find((w) => w.label === '内容');
    return w && w.value === BODY && w.h - empty.h >= 2 * w.font && w;
  }, `the whole body in the field, grown from ${empty.h} px`);
  assert.ok(grown.x + grown.w <= PHONE.width, 'the field stays inside the screen');

  // The IME's anchor sits at the caret, which is at the end of the text, inside the field.
  const ime = await c.page.evaluate(() => {
    const r = document.getElementById('ime').getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  assert.ok(ime.x >= grown.x - 2 && ime.x <= grown.x + grown.w, `IME x ${ime.x} inside the field`);
  assert.ok(ime.y >= grown.y + grown.h / 3 && ime.y <= grown.y + grown.h,
    `IME y ${ime.y} on the field's later lines (${grown.y}..${grown.y + grown.h})`);
  await c.shot('phone-body-wrapped');

  await c.tap(key('submit'));
  await c.route('#/issues');
  assert.equal(sql("SELECT body FROM issues WHERE title = '人行道被电动车占满'"), BODY,
    'stored without any line break the user did not type');
  await close(c);
});

test('a grid worker finds a resident by household, or raises for one without an account', async () => {
  const TITLE = '3栋楼道灯不亮';
  const c = await openClient(browser, server.url, PHONE);
  await c.login('wangge');
  await c.route('#/home');
  await c.page.evaluate(() => { location.hash = '#/new'; });
  await c.route('#/new');
  await typeInto(c, labelled('标题'), TITLE);
  await typeInto(c, labelled('内容'), '楼道灯坏了一周，晚上上下楼看不见台阶。');

  // By household: only 王秀英 lives in 3栋2单元 in the demo community.
  await typeInto(c, key('on-behalf-search'), '3栋2');
  const wang = Number(sql("SELECT id FROM members WHERE name = '王秀英'"));
  const found = await c.until((s) => {
    const choices = s.widgets.filter((w) => /##on-behalf-\d+$/.test(w.id));
    return choices.length > 0 && choices;
  }, 'the search\'s results');
  assert.deepEqual(found.map((w) => w.id), [`王秀英（3栋2单元502）##on-behalf-${wang}`]);

  // A resident without an account: name and household only.
  await typeInto(c, key('raised-for-name'), '陈阿婆');
  await typeInto(c, key('raised-for-household'), '3栋1单元102');
  await c.tap(key('submit'));
  await c.route('#/issues');
  const grid = sql("SELECT id FROM members WHERE login = 'wangge'");
  assert.equal(sql(`SELECT author_id || '|' || raised_for_name || '|' || raised_for_household FROM issues WHERE title = '${TITLE}'`),
    `${grid}|陈阿婆|3栋1单元102`);
  const id = sql(`SELECT id FROM issues WHERE title = '${TITLE}'`);
  await c.page.evaluate((id) => { location.hash = '#/issue/' + id; }, id);
  await c.route(`#/issue/${id}`);
  const line = await c.visible(key('raised-for'));
  assert.equal(line.value, '代 陈阿婆（3栋1单元102）提出');
  await c.shot('phone-raised-for');
  await close(c);
});
