// Ballots of other methods through the real UI: the convenor opens a secret ranked (Schulze)
// ballot from the console, a resident ranks the options by tapping them in order and gets a
// receipt, the convenor closes it, the result shows in words, and the bulletin downloaded from
// the client recounts with ./yishi tally's binary to exactly the server's published result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  env, startAll, stopAll, sessionUnderway, yishiTally, openClient, key, sqlOn, api, apiLogin,
} from './harness.mjs';

const DESKTOP = { width: 1920, height: 1080, scale: 1 };
let db, server, browser, sessionId, budgetItem, allTokens;
const sql = (q) => sqlOn(db, q);

before(async () => ({ db, server, browser } = await startAll({ tally: true })));

after(() => stopAll({ server, browser }));

test('a secret Schulze ballot is created, ranked, closed and its downloaded bulletin recounts', async () => {
  const url = server.url;
  const tokens = {};
  for (const n of [1, 2, 3, 4, 5, 6]) tokens[n] = await apiLogin(url, `demo0${n}`);
  // A session starting in three seconds (a short notice needs its reason), opened, six present.
  const [issue, second] = sql("SELECT id FROM issues WHERE stage = 'listed' ORDER BY id LIMIT 2").split('\n').map(Number);
  budgetItem = second;
  sessionId = await sessionUnderway(url, tokens[1], [issue, second], '测试：选址需尽快决定',
    [1, 2, 3, 4, 5, 6].map((n) => tokens[n]));
  allTokens = tokens;

  // The convenor opens the item's ballot from the console: ranked, three options, secret.
  const convenor = await openClient(browser, url, DESKTOP);
  await convenor.login('demo01');
  await convenor.route('#/home');
  await convenor.page.evaluate((h) => { location.hash = h; }, `#/session/${sessionId}`);
  await convenor.route(`#/session/${sessionId}`);
  await convenor.click(key('method-schulze'));
  await convenor.click(key('ballot-options'));
  await convenor.page.keyboard.insertText('东门');
  await convenor.page.keyboard.press('Enter');
  await convenor.page.keyboard.insertText('西门');
  await convenor.page.keyboard.press('Enter');
  await convenor.page.keyboard.insertText('南门');
  await convenor.click(key('ballot-secret'));
  // A secret ballot offers receipts or none, saying what a receipt also allows.
  assert.match((await convenor.visible(key('receipts-help'), 'the receipts help')).value, /证明/);
  await convenor.click(key('receipts-without'));
  await convenor.until((st) => st.widgets.find((w) => w.id.endsWith('##receipts-without') && w.selected) && st, 'without receipts picked');
  await convenor.click(key('receipts-with'));
  await convenor.until((st) => st.widgets.find((w) => w.id.endsWith('##receipts-with') && w.selected) && st, 'with receipts picked');
  await convenor.click(key(`open-ballot-${issue}`));
  await convenor.until((st) => st.notice === '表决已开始' && st, 'ballot opened');
  const ballot = Number(sql(`SELECT id FROM ballots WHERE session_id = ${sessionId} AND issue_id = ${issue}`));
  assert.ok(ballot > 0, 'the ballot is stored');
  assert.equal(sql(`SELECT method || ' ' || secret FROM ballot_specs WHERE ballot_id = ${ballot}`), 'schulze 1');
  await convenor.shot('method-ballot-opened');

  // A resident ranks 西门 > 南门 by tapping them in order (东门 untouched: ranks last).
  const resident = await openClient(browser, url, { width: 390, height: 844, scale: 2, mobile: true });
  await resident.login('demo02');
  await resident.route('#/home');
  await resident.page.evaluate((h) => { location.hash = h; }, `#/ballot/${ballot}`);
  await resident.route(`#/ballot/${ballot}`);
  await resident.tap(key('pick-opt-1'));
  await resident.tap(key('pick-opt-2'));
  const picked = await resident.until((st) => st.widgets.find((w) => w.id.endsWith('##pick-opt-2') && w.selected) && st, 'two picked');
  assert.match(picked.widgets.find((w) => w.id.endsWith('##pick-opt-1')).label, /^1\. 西门/);
  assert.match(picked.widgets.find((w) => w.id.endsWith('##pick-opt-2')).label, /^2\. 南门/);
  await resident.tap(key('submit-picks'));
  const confirm = await resident.widget(key('confirm-text'));
  assert.match(confirm.value, /西门 > 南门/);
  await resident.shot('method-rank-confirm');
  await resident.tap(key('confirm-vote'));
  const receipt = await resident.widget(key('receipt'), 'the receipt');
  const code = receipt.value.match(/[A-Z0-9]{6,}/)[0];
  await resident.shot('method-receipt');
  // Secret: while open the content is sealed, the receipt inside it.
  assert.equal(sql(`SELECT COUNT(*) FROM sealed_contents WHERE ballot_id = ${ballot}`), '1');
  assert.equal(sql(`SELECT COUNT(*) FROM secret_contents WHERE ballot_id = ${ballot}`), '0');

  // Four more voters from their phones (the API), then the convenor closes from the console.
  const rankings = [[['东门'], ['西门']], [['东门'], ['南门'], ['西门']], [['西门'], ['东门']], [['南门']]];
  for (const [i, ranking] of rankings.entries())
    await api(url, `/api/ballots/${ballot}/votes`, { token: tokens[3 + i], body: { ranking } });
  await convenor.click(key(`close-ballot-${issue}`));
  await convenor.until((st) => st.notice === '表决已结束，结果已公示' && st, 'closed');
  // Closed: opened, kept beside the receipt and no member; the sealed rows are gone.
  assert.equal(sql(`SELECT COUNT(*) FROM secret_contents WHERE ballot_id = ${ballot} AND receipt = '${code}'`), '1');
  assert.equal(sql(`SELECT COUNT(*) FROM sealed_contents WHERE ballot_id = ${ballot}`), '0');

  // The resident sees the result in words, and downloads the bulletin.
  await resident.until((st) => st.widgets.some((w) => w.id.endsWith('##ballot-state') && w.value === '已结束'), 'closed on the resident\'s page', 15000);
  const shown = await resident.reveal(key('winners'), 'the winners');
  const published = await api(url, `/api/ballots/${ballot}/bulletin`, { token: tokens[2] });
  assert.ok(published.result.winners.length > 0);
  for (const w of published.result.winners) assert.ok(shown.value.includes(w), `${w} shown`);
  const order = await resident.reveal(key('order'));
  assert.ok(order.value.includes(' > '));
  // Secret: the roll names who voted, never what.
  assert.match((await resident.reveal(key('roll-voted'))).value, /^已投票（5 人）：.*王秀英/);
  await resident.reveal(key('roll-secret'));
  assert.ok(!(await resident.snapshot()).widgets.some((w) => /##roll-cast-/.test(w.id)), 'no one\'s ranking shown');
  await resident.page.mouse.wheel(0, -5000);
  await resident.reveal(key('download-bulletin'));
  const [download] = await Promise.all([
    resident.page.waitForEvent('download'),
    resident.tap(key('download-bulletin')),
  ]);
  const file = path.join(env.shots, `bulletin-${ballot}.json`);
  await download.saveAs(file);
  const bulletin = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(bulletin.method, 'schulze');
  assert.ok(bulletin.ballots.some((b) => b.receipt === code), 'my receipt is on the bulletin');
  const recount = yishiTally(file);
  assert.deepEqual(recount, published.result, 'yishi-tally recounts the downloaded bulletin to the published result');
  await resident.shot('method-result');
  await convenor.page.context().close();
  await resident.page.context().close();
});

test('a participatory budget is opened with costs, approved by tapping and shows what is funded', async () => {
  const url = server.url;
  const convenor = await openClient(browser, url, DESKTOP);
  await convenor.login('demo01');
  await convenor.route('#/home');
  await convenor.page.evaluate((h) => { location.hash = h; }, `#/session/${sessionId}`);
  await convenor.route(`#/session/${sessionId}`);
  await convenor.click(key('method-budget'));
  await convenor.click(key('ballot-options'));
  await convenor.page.keyboard.insertText('路灯改造 1200.00');
  await convenor.page.keyboard.press('Enter');
  await convenor.page.keyboard.insertText('长椅 300');
  await convenor.page.keyboard.press('Enter');
  await convenor.page.keyboard.insertText('健身器材 900.50');
  await convenor.click(key('ballot-budget'));
  await convenor.page.keyboard.insertText('1500.00');
  await convenor.click(key(`open-ballot-${budgetItem}`));
  await convenor.until((st) => st.notice === '表决已开始' && st, 'budget ballot opened');
  const ballot = Number(sql(`SELECT id FROM ballots WHERE session_id = ${sessionId} AND issue_id = ${budgetItem}`));
  assert.equal(sql(`SELECT method FROM ballot_specs WHERE ballot_id = ${ballot}`), 'budget');

  const resident = await openClient(browser, url, DESKTOP);
  await resident.login('demo03');
  await resident.route('#/home');
  await resident.page.evaluate((h) => { location.hash = h; }, `#/ballot/${ballot}`);
  await resident.route(`#/ballot/${ballot}`);
  await resident.click(key('pick-opt-0'));
  await resident.click(key('pick-opt-1'));
  await resident.click(key('submit-picks'));
  assert.match((await resident.widget(key('confirm-text'))).value, /路灯改造、长椅/);
  await resident.click(key('confirm-vote'));
  await resident.widget(key('counted'), 'counted');
  for (const [n, approve] of [[4, ['路灯改造']], [5, ['健身器材', '长椅']], [6, ['路灯改造', '健身器材']]])
    await api(url, `/api/ballots/${ballot}/votes`, { token: allTokens[n], body: { approve } });
  await convenor.click(key(`close-ballot-${budgetItem}`));
  await convenor.until((st) => st.notice === '表决已结束，结果已公示' && st, 'closed');
  const published = await api(url, `/api/ballots/${ballot}/bulletin`, { token: allTokens[3] });
  const funded = await resident.reveal(key('funded'), 'funded projects');
  for (const p of published.result.funded) assert.ok(funded.value.includes(p), `${p} shown as funded`);
  assert.ok(funded.value.includes(published.result.spent));
  await resident.shot('budget-result');
  await convenor.page.context().close();
  await resident.page.context().close();
});
