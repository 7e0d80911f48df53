// A resident who cannot see the screen: everything is found in Chromium's accessibility tree
// (CDP Accessibility.getFullAXTree, and getByRole, which reads the same tree) and done with
// keys on its nodes, never at canvas coordinates. The path: a wrong password is refused out
// loud, log in, open an issue and read its title, open the ballot from 首页, Escape closes the
// confirmation, vote, hear "您的投票已计入" in the live region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, stopAll, openClient, sqlOn, api, apiLogin, sessionUnderway } from './harness.mjs';

let db, server, browser, c;
let issueId, ballotId;
const sql = (q) => sqlOn(db, q);

before(async () => {
  ({ db, server, browser } = await startAll());
  // A session under way with a listed issue on its agenda, demo05 signed in, a ballot open.
  issueId = Number(sql("SELECT id FROM issues WHERE stage = 'listed' AND council_id = 1 ORDER BY id LIMIT 1"));
  const convenor = await apiLogin(server.url, 'demo01');
  const resident = await apiLogin(server.url, 'demo05');
  const sessionId = await sessionUnderway(server.url, convenor, [issueId], '无障碍测试临时增开', [resident]);
  ballotId = (await api(server.url, `/api/sessions/${sessionId}/ballots`, { token: convenor, body: { issue_id: issueId } })).id;
});

after(() => stopAll({ server, browser }));

// The accessibility tree as Chromium gives it to screen readers: the nodes not ignored, each
// { role, name, focused, checked, children } (children: indexes into the same list).
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const prop = (n, name) => (n.properties || []).find((p) => p.name === name)?.value.value;
  const out = nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value, name: n.name?.value || '', focused: prop(n, 'focused') === true,
    node: n,
  }));
  // The text under a node (a live region's sentence).
  const text = (n) => (n.childIds || []).map((id) => byId.get(id)).filter(Boolean)
    .map((k) => (k.role?.value === 'StaticText' ? k.name?.value || '' : text(k))).join('');
  return { nodes: out, text };
}

async function untilTree(pred, what, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await axTree(c.page);
    const r = pred(last);
    if (r) return r;
    await c.page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; tree: ${last.nodes.map((n) => `${n.role}:${n.name}`).join(' | ').slice(0, 3000)}`);
}

const node = (role, name) => (t) => t.nodes.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));

// Moves the keyboard to the node (as a screen reader's "focus this") and presses `key` there.
async function pressOn(role, name, key = 'Enter') {
  await untilTree(node(role, name), `${role} ${name}`);
  const el = c.page.getByRole(role, { name, exact: true }).first();
  await el.focus();
  await untilTree((t) => t.nodes.find((n) => n.role === role && n.name === name && n.focused), `${name} focused`);
  await c.page.keyboard.press(key);
}

async function typeInto(name, text) {
  await c.page.getByRole('textbox', { name, exact: true }).focus();
  await untilTree((t) => t.nodes.find((n) => n.role === 'textbox' && n.name === name && n.focused), `${name} focused`);
  await c.page.keyboard.press('Control+A');
  await c.page.keyboard.type(text);
}

test('the login screen reads as a form, and a wrong password is announced', async () => {
  c = await openClient(browser, server.url, { width: 1280, height: 800, scale: 1 });
  const t = await untilTree((t) => node('textbox', '密码')(t) && t, 'the login form');
  assert.ok(node('heading', '登录议事')(t), 'the screen\'s title is a heading');
  assert.ok(node('textbox', '账号')(t), 'a textbox named 账号');
  assert.ok(node('button', '登录')(t), 'a button named 登录');
  await typeInto('账号', 'demo05');
  await typeInto('密码', 'wrong-password');
  await c.page.keyboard.press('Enter');
  const alert = await untilTree((t) => t.nodes.find((n) => n.role === 'alert' && t.text(n.node).includes('账号或密码错误')), 'the refusal as an alert');
  assert.ok(alert);
});

test('a resident logs in with the keyboard in the tree\'s text boxes', async () => {
  await typeInto('密码', 'yishi2026');
  await c.page.keyboard.press('Enter');
  await c.route('#/home');
  await untilTree(node('heading', /^您好/), 'the greeting on 首页');
  const s = await c.snapshot();
  assert.equal(s.member, 'demo05');
});

test('she opens an issue from the list and its title is the page\'s heading', async () => {
  await pressOn('radio', '议题');  // the navigation is a group of choices
  await c.route('#/issues');
  await untilTree(node('button', '查看详情'), 'an issue to open');
  await c.page.getByRole('button', { name: '查看详情', exact: true }).first().focus();
  await c.page.keyboard.press('Enter');
  const s = await c.until((s) => /^#\/issue\/\d+$/.test(s.route) && !s.loading && s, 'an issue\'s page');
  const title = sql(`SELECT title FROM issues WHERE id = ${s.route.split('/')[2]}`);
  await untilTree(node('heading', title), 'the issue\'s title as a heading');
});

test('she opens the ballot from 首页, Escape closes the confirmation, and her vote is announced', async () => {
  await pressOn('radio', '首页');
  await c.route('#/home');
  await pressOn('button', '去投票');
  await c.route(`#/ballot/${ballotId}`);
  const title = sql(`SELECT title FROM issues WHERE id = ${issueId}`);
  await untilTree(node('heading', title), 'the ballot\'s question');

  // 赞成 opens the confirmation, a modal dialog that takes the focus; Escape closes it.
  await pressOn('button', '赞成', ' ');
  let t = await untilTree((t) => t.nodes.find((n) => n.role === 'dialog' && n.name === '确认投票') &&
    t.nodes.find((n) => n.focused && n.role === 'button') && t, 'the confirmation dialog with the focus');
  const focused = t.nodes.find((n) => n.focused && n.role === 'button');
  assert.equal(focused.name, '确认投票', 'the dialog\'s first button has the focus');
  await c.page.keyboard.press('Escape');
  await c.until((s) => s.route === `#/ballot/${ballotId}` && s, 'the confirmation closed');
  t = await untilTree((t) => !t.nodes.some((n) => n.role === 'dialog') && t, 'no dialog');
  assert.equal(sql(`SELECT COUNT(*) FROM votes WHERE ballot_id = ${ballotId}`), '0', 'Escape sent nothing');

  await pressOn('button', '赞成', ' ');
  await untilTree((t) => t.nodes.find((n) => n.role === 'button' && n.name === '确认投票' && n.focused), 'the confirm button focused');
  await c.page.keyboard.press('Enter');
  await untilTree((t) => t.nodes.find((n) => n.role === 'status' && t.text(n.node) === '您的投票已计入'), 'the confirmation in the live region');
  assert.equal(sql(`SELECT v.choice FROM votes v JOIN members m ON m.id = v.member_id WHERE v.ballot_id = ${ballotId} AND m.login = 'demo05'`), 'yes');
});

test('the mirror keeps an idle page idle', async () => {
  // Once the vote's last frames are drawn (half a second of frames follows any event).
  let before = (await c.snapshot()).frames;
  for (let last = -1; before !== last;) {
    await c.page.waitForTimeout(700);
    [last, before] = [before, (await c.snapshot()).frames];
  }
  await c.page.waitForTimeout(2000);
  const s = await c.snapshot();
  // A live page polls each second; an unchanged reply draws nothing.
  assert.ok(s.frames - before <= 2, `frames drawn on an idle ballot page: ${s.frames - before}`);
  assert.ok(await c.page.evaluate(() => document.querySelectorAll('#mirror .m').length) > 0);
  await c.page.context().close();
});
