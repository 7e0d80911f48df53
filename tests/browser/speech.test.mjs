// 朗读, the questions before 退出登录 and 宣布闭会, and the convenor's 首页, through the real UI.
// The speech engine is wrapped before the page loads: each utterance's text and language are
// recorded in window.__spoken (then handed to the real engine), each cancel in
// window.__cancels. Expected texts are the demo seed's own words (server/seed/*.cpp).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startAll, stopAll, openClient, key, sqlOn, apiLogin, sessionUnderway,
} from './harness.mjs';

const DESKTOP = { width: 1280, height: 800, scale: 1 };

let db, server, browser;
const sql = (q) => sqlOn(db, q);

before(async () => ({ db, server, browser } = await startAll()));
after(() => stopAll({ server, browser }));

// Headless Chromium has no voice: its engine fails every utterance at once. The real engine
// still gets a copy of each; the page's own utterance goes on speaking until it is cancelled
// or the test lets it finish (window.__finish()), as a voice reading a long text would.
function recordSpeech() {
  window.__spoken = [];
  window.__cancels = 0;
  const synth = window.speechSynthesis;
  const speak = synth.speak.bind(synth);
  const cancel = synth.cancel.bind(synth);
  let current = null;
  const finish = (event) => {
    const u = current;
    current = null;
    if (u) u.dispatchEvent(event);
  };
  synth.speak = (u) => {
    window.__spoken.push({ text: u.text, lang: u.lang });
    current = u;
    const copy = new SpeechSynthesisUtterance(u.text);
    copy.lang = u.lang;
    speak(copy);
  };
  synth.cancel = () => {
    window.__cancels += 1;
    cancel();
    finish(Object.assign(new Event('error'), { error: 'interrupted' }));
  };
  window.__finish = () => finish(new Event('end'));
}

// A client whose speech engine is recorded, logged in as `login` on its home page.
async function listening(login) {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.page.addInitScript(recordSpeech);
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  await c.login(login);
  await c.route('#/home');
  return c;
}

async function go(c, hash) {
  await c.page.evaluate((h) => { location.hash = h; }, hash);
  return c.route(hash);
}

const spoken = (c, n, what) => c.page.waitForFunction((n) => window.__spoken.length >= n, n, { timeout: 20000 })
  .then(() => c.page.evaluate(() => window.__spoken), () => { throw new Error(`no utterance: ${what}`); });
const label = async (c) => (await c.widget(key('read-aloud'))).label;

// The demo council's first issue (seed_demo_issues), word for word.
const CHARGERS = '在3号楼车棚加装电动车充电桩';
const CHARGERS_BODY = '3号楼和5号楼之间的车棚里，每天晚上都有十几辆电动车从楼道窗户拉线充电，电线挂在半空，'
  + '下雨天特别危险。去年隔壁小区就因为飞线充电起过火。建议在车棚加装集中充电桩，扫码按次'
  + '付费，由物业公司负责日常维护，并请消防部门来看一看安全距离是否达标。';
// The quarter's first two ballots (play_demo_quarter), both 赞成/反对/弃权.
const FLOOD = '暴雨后地下室积水，请尽快清淤抽排';
const MEALS = '社区增设老年助餐点';
const yesNo = (title) => `表决：${title}。选项一：赞成。选项二：反对。选项三：弃权。`;

test('the convenor\'s home lists the collecting issues that wait for them, oldest first', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo01');
  await c.route('#/home');
  // seed_demo_issues: issues 2–6 stay under the threshold of 5 co-signs (3, 4, 2, 1 and 0);
  // the quarter's tasks are both concluded with their result notices: nothing else waits.
  const expected = [
    [2, '楼道保洁改为每周两次'],
    [3, '7号楼加装电梯，请街道介绍补贴政策'],
    [4, '北门垃圾分类投放点异味大、投放时间短'],
    [5, '南门到菜市场的小路路灯坏了'],
    [6, '晚间广场舞音响音量过大'],
  ];
  const s = await c.until((s) => s.widgets.filter((w) => /##todo-list-\d+$/.test(w.id)).length === 5 && s,
    'five issues to list');
  const items = s.widgets.filter((w) => /##todo-text-list-\d+$/.test(w.id));
  assert.deepEqual(items.map((w) => w.value),
    expected.map(([, t]) => `新议题待处理（列入清单、合并或不予列入）：${t}`));
  assert.ok(!s.widgets.some((w) => /##todo-(conclude|result)-\d+$/.test(w.id)), 'no task waits');
  assert.ok(!s.widgets.some(key('nothing')), 'home does not say there is nothing to do');
  await c.shot('convenor-home-todos');
  await c.click(key('todo-list-2'));
  await c.route('#/issue/2');
  await c.widget(key('accept'), 'the 列入 button of the issue');
  await c.page.context().close();
});

test('朗读 reads an issue\'s title and body in Mandarin and a second press stops it', async () => {
  const c = await listening('demo02');
  await go(c, '#/issue/1');
  assert.equal(await label(c), '朗读');
  await c.click(key('read-aloud'));
  const [u] = await spoken(c, 1, 'the issue');
  assert.deepEqual(u, { text: `议题：${CHARGERS}。${CHARGERS_BODY}`, lang: 'zh-CN' });
  await c.until((s) => s.widgets.find((w) => key('read-aloud')(w) && w.label === '停止朗读'), '停止朗读');
  const cancels = await c.page.evaluate(() => window.__cancels);
  await c.click(key('read-aloud'));
  await c.page.waitForFunction((n) => window.__cancels > n, cancels, { timeout: 20000 });
  await c.until((s) => s.widgets.find((w) => key('read-aloud')(w) && w.label === '朗读'), '朗读 again');
  assert.equal((await c.page.evaluate(() => window.__spoken)).length, 1, 'the second press said nothing');
  // Read to its end: the engine's end event turns the button back by itself.
  await c.click(key('read-aloud'));
  await spoken(c, 2, 'read again');
  await c.until((s) => s.widgets.find((w) => key('read-aloud')(w) && w.label === '停止朗读'), '停止朗读');
  await c.page.evaluate(() => window.__finish());
  await c.until((s) => s.widgets.find((w) => key('read-aloud')(w) && w.label === '朗读'), '朗读 after the end');
  assert.equal(await c.page.evaluate(() => window.__cancels), cancels + 1, 'the end needed no cancel');
  await c.page.context().close();
});

test('a device without a Mandarin voice is told so when 朗读 is pressed', async () => {
  // The bare headless engine: no voice, so the utterance fails at once.
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo05');
  await c.route('#/home');
  await go(c, '#/issue/1');
  await c.click(key('read-aloud'));
  await c.until((s) => s.error === '无法朗读：本设备没有可用的普通话语音，或浏览器不允许朗读。' && s, 'the refusal');
  await c.widget((w) => key('read-aloud')(w) && w.label === '朗读', 'the button back to 朗读');
  await c.page.context().close();
});

test('朗读 reads a ballot\'s question then each option, and the setting reads it as it opens', async () => {
  const c = await listening('demo03');
  await go(c, '#/ballot/1');
  await c.widget(key('ballot-title'));
  assert.equal((await c.page.evaluate(() => window.__spoken)).length, 0, 'not read unasked');
  await c.click(key('read-aloud'));
  const [u] = await spoken(c, 1, 'the ballot');
  assert.deepEqual(u, { text: yesNo(FLOOD), lang: 'zh-CN' });

  await go(c, '#/settings');
  await c.click(key('read-ballot-on'));
  await c.until((s) => s.widgets.find((w) => key('read-ballot-on')(w) && w.selected), 'the setting on');
  await go(c, '#/ballot/2');
  const heard = await spoken(c, 2, 'the ballot read as it opened');
  assert.deepEqual(heard[1], { text: yesNo(MEALS), lang: 'zh-CN' });
  // Kept across visits, like the text size.
  assert.equal(await c.page.evaluate(() => localStorage.getItem('yishi.read_ballot')), '1');
  await c.page.reload();
  await c.page.waitForFunction(() => window.yishi && window.yishi.ready === true);
  await c.route('#/ballot/2');
  await go(c, '#/settings');
  await c.until((s) => s.widgets.find((w) => key('read-ballot-on')(w) && w.selected), 'still on after a reload');
  await c.page.context().close();
});

test('退出登录 asks first: 取消 and Escape keep the session, 确认退出 ends it', async () => {
  const c = await openClient(browser, server.url, DESKTOP);
  await c.login('demo04');
  await c.route('#/home');
  await c.click(key('logout'));
  await c.widget(key('confirm-logout'), 'the question');
  await c.click(key('cancel-logout'));
  await c.until((s) => s.route === '#/home' && !s.widgets.some(key('confirm-logout')) && s, 'closed by 取消');
  await c.click(key('logout'));
  await c.widget(key('confirm-logout'));
  await c.page.keyboard.press('Escape');
  await c.until((s) => s.route === '#/home' && !s.widgets.some(key('confirm-logout')) && s, 'closed by Escape');
  await c.click(key('logout'));
  await c.click(key('confirm-logout'));
  await c.route('#/login');
  await c.page.context().close();
});

test('宣布闭会 asks first, and closes only when confirmed', async () => {
  const token = await apiLogin(server.url, 'demo01');
  // On the agenda: the listed charging-point issue, never balloted (closing returns it).
  const sessionId = await sessionUnderway(server.url, token, [1], '测试闭会确认', []);
  const c = await openClient(browser, server.url, { ...DESKTOP, hash: `#/session/${sessionId}` });
  await c.login('demo01');
  await c.route(`#/session/${sessionId}`);
  await c.click(key('close-session'));
  await c.widget(key('confirm-close-session'), 'the question');
  await c.click(key('cancel-close-session'));
  await c.until((s) => !s.widgets.some(key('confirm-close-session')) && s, 'closed by 取消');
  assert.equal(sql(`SELECT state FROM sessions WHERE id = ${sessionId}`), 'open');
  await c.click(key('close-session'));
  await c.click(key('confirm-close-session'));
  await c.until((s) => !s.widgets.some(key('close-session')) && s, 'the console closed');
  assert.equal(sql(`SELECT state FROM sessions WHERE id = ${sessionId}`), 'closed');
  await c.page.context().close();
});
