// Ballot methods among options through the real UI, beside methods.test.mjs (Schulze, budget):
// a single choice tapped on a phone, approval with a limit on how many may be approved, an
// instant-runoff ballot ranked by tapping, and one vote per household (每户一票) refused to the
// second member of a household, and owners by floor area (业主, double majority). Each closed
// ballot's bulletin recounts with yishi-tally to the server's published result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  env, startAll, stopAll, sessionUnderway, yishiTally, openClient, key, sqlOn, api, apiLogin,
} from './harness.mjs';

const DESKTOP = { width: 1920, height: 1080, scale: 1 };
const PHONE = { width: 390, height: 844, scale: 2, mobile: true };
let db, server, browser, url, sessionId, items;
const tokens = {};
const sql = (q) => sqlOn(db, q);
const memberId = (login) => sql(`SELECT id FROM members WHERE login = '${login}'`);
const find = (st, k) => st.widgets.find((w) => w.id.endsWith('##' + k));

before(async () => {
  ({ db, server, browser } = await startAll({ tally: true }));
  url = server.url;
  for (let n = 1; n <= 8; ++n) tokens[n] = await apiLogin(url, `demo0${n}`);
  // Five listed issues for the agenda: the convenor accepts collecting ones when too few are.
  const listed = () => sql("SELECT id FROM issues WHERE stage = 'listed' AND council_id = (SELECT id FROM councils WHERE name = '春晖社区居民议事会') ORDER BY id").split('\n').filter(Boolean).map(Number);
  for (const id of sql("SELECT id FROM issues WHERE stage = 'collecting' AND council_id = (SELECT id FROM councils WHERE name = '春晖社区居民议事会') ORDER BY id").split('\n').filter(Boolean).map(Number)) {
    if (listed().length >= 5) break;
    await api(url, `/api/issues/${id}/accept`, { token: tokens[1], method: 'POST' });
  }
  items = listed().slice(0, 5);
  assert.equal(items.length, 5, 'five listed issues for the agenda');
  sessionId = await sessionUnderway(url, tokens[1], items, '测试：多种表决方式',
    [1, 2, 3, 4, 5, 6, 7, 8].map((n) => tokens[n]));
});

after(() => stopAll({ server, browser }));

// A fresh page (so the console's form starts empty) at `hash`, logged in.
async function page(login, hash, size, password) {
  const c = await openClient(browser, url, size);
  await c.login(login, password);
  await c.route('#/home');
  await c.page.evaluate((h) => { location.hash = h; }, hash);
  await c.route(hash);
  return c;
}

// The convenor picks the method, types the options (one a line) and whatever `extra` does.
async function openBallot(convenor, issue, method, options, extra) {
  await convenor.click(key(`method-${method}`));
  if (options) {
    await convenor.click(key('ballot-options'));
    await convenor.page.keyboard.press('Control+A');
    await convenor.page.keyboard.press('Backspace');
    for (const [i, o] of options.entries()) {
      if (i) await convenor.page.keyboard.press('Enter');
      await convenor.page.keyboard.insertText(o);
    }
  }
  if (extra) await extra();
  await convenor.click(key(`open-ballot-${issue}`));
  await convenor.until((st) => st.notice === '表决已开始' && st, `ballot on ${issue} opened`);
  const ballot = Number(sql(`SELECT id FROM ballots WHERE session_id = ${sessionId} AND issue_id = ${issue}`));
  assert.ok(ballot > 0, 'the ballot is stored');
  return ballot;
}

async function closeBallot(convenor, issue) {
  await convenor.click(key(`close-ballot-${issue}`));
  await convenor.until((st) => st.notice === '表决已结束，结果已公示' && st, `ballot on ${issue} closed`);
}

// The published bulletin, recounted by the real yishi-tally binary: equal to its `result`.
async function recount(ballot) {
  const bulletin = await api(url, `/api/ballots/${ballot}/bulletin`, { token: tokens[2] });
  const file = path.join(env.shots, `choices-bulletin-${ballot}.json`);
  writeFileSync(file, JSON.stringify(bulletin));
  const again = yishiTally(file);
  assert.deepEqual(again, bulletin.result, 'yishi-tally recounts the bulletin to the published result');
  return bulletin;
}

// The resident's page turns to the result once closed; every winner is named in `winners`.
async function resultShown(resident, bulletin) {
  await resident.until((st) => find(st, 'ballot-state')?.value === '已结束', 'closed on the resident\'s page', 15000);
  const shown = await resident.reveal(key('winners'), 'the winners');
  assert.ok(bulletin.result.winners.length > 0, 'someone won');
  for (const w of bulletin.result.winners) assert.ok(shown.value.includes(w), `${w} shown as winner: ${shown.value}`);
  return shown;
}

test('single choice: tapped on a phone, confirmed by name, counted; winners and counts shown, recount equal', async () => {
  const issue = items[0];
  const convenor = await page('demo01', `#/session/${sessionId}`, DESKTOP);
  const ballot = await openBallot(convenor, issue, 'single', ['东门', '西门', '南门']);
  assert.equal(sql(`SELECT method || ' ' || unit FROM ballot_specs WHERE ballot_id = ${ballot}`), 'single member');
  const resident = await page('demo02', `#/ballot/${ballot}`, PHONE);
  assert.equal((await resident.widget(key('vote-opt-1'))).label, '西门');
  await resident.tap(key('vote-opt-1'));
  const confirm = (await resident.widget(key('confirm-text'))).value;
  assert.match(confirm, /西门/);
  assert.doesNotMatch(confirm, /东门|南门/);
  await resident.shot('choices-single-confirm');
  await resident.tap(key('confirm-vote'));
  await resident.widget(key('counted'), 'counted');
  assert.equal(JSON.parse(sql(`SELECT content FROM ballot_voters WHERE ballot_id = ${ballot} AND member_id = (SELECT id FROM members WHERE login = 'demo02')`)).choice, '西门');
  for (const [n, choice] of [[3, '西门'], [4, '东门'], [5, '南门'], [6, '西门'], [7, '东门']])
    await api(url, `/api/ballots/${ballot}/votes`, { token: tokens[n], body: { choice } });
  await closeBallot(convenor, issue);
  const bulletin = await recount(ballot);
  assert.deepEqual(bulletin.result.winners, ['西门']);
  await resultShown(resident, bulletin);
  const counts = await resident.reveal(key('counts'), 'the counts');
  for (const [o, n] of Object.entries(bulletin.result.counts)) assert.ok(counts.value.includes(`${o} ${n}`), `${o} ${n} in ${counts.value}`);
  assert.equal(counts.value, '东门 2 · 西门 3 · 南门 1', 'in the order of the options');
  // An open roll (记名): once closed, what each member cast.
  assert.equal((await resident.reveal(key(`roll-cast-${memberId('demo02')}`))).value, '王秀英：西门');
  assert.equal((await resident.reveal(key(`roll-cast-${memberId('demo07')}`))).value, '赵德明：东门');
  await resident.shot('choices-single-result');
  await convenor.page.context().close();
  await resident.page.context().close();
});

test('approval limited to two: a third pick is refused on the screen, the limit is published', async () => {
  const issue = items[1];
  const convenor = await page('demo01', `#/session/${sessionId}`, DESKTOP);
  const ballot = await openBallot(convenor, issue, 'approval', ['路灯', '长椅', '健身器材', '花坛'], async () => {
    await convenor.click(key('ballot-max-choices'));
    await convenor.page.keyboard.press('Control+A');
    await convenor.page.keyboard.press('Backspace');
    await convenor.page.keyboard.insertText('2');
  });
  assert.equal(sql(`SELECT method || ' ' || json_extract(spec, '$.max_choices') FROM ballot_specs WHERE ballot_id = ${ballot}`), 'approval 2');
  assert.equal((await api(url, `/api/ballots/${ballot}`, { token: tokens[1] })).max_choices, 2);
  const resident = await page('demo02', `#/ballot/${ballot}`, DESKTOP);
  const note = await resident.widget(key('max-note'), 'the limit note');
  assert.match(note.value, /最多.*2/);
  for (const i of [0, 1, 2]) {
    await resident.click(key(`pick-opt-${i}`));
    await resident.page.waitForTimeout(150);
  }
  const st = await resident.until((s) => find(s, 'pick-opt-1')?.selected && s, 'two picked');
  assert.ok(find(st, 'pick-opt-0').selected, 'first pick selected');
  assert.ok(find(st, 'pick-opt-1').selected, 'second pick selected');
  assert.ok(!find(st, 'pick-opt-2').selected, 'third pick refused: at most two');
  assert.ok(!find(st, 'pick-opt-3').selected);
  await resident.shot('choices-approval-limit');
  await resident.click(key('submit-picks'));
  const confirm = (await resident.widget(key('confirm-text'))).value;
  assert.match(confirm, /路灯、长椅/);
  assert.doesNotMatch(confirm, /健身器材/);
  await resident.click(key('confirm-vote'));
  await resident.widget(key('counted'), 'counted');
  // Three approvals from another phone are refused by the server as well.
  await assert.rejects(api(url, `/api/ballots/${ballot}/votes`, { token: tokens[3], body: { approve: ['路灯', '长椅', '花坛'] } }), /too_many_choices/);
  for (const [n, approve] of [[3, ['长椅', '花坛']], [4, ['长椅']], [5, ['路灯', '长椅']], [6, ['花坛']]])
    await api(url, `/api/ballots/${ballot}/votes`, { token: tokens[n], body: { approve } });
  await closeBallot(convenor, issue);
  const bulletin = await recount(ballot);
  assert.equal(bulletin.max_choices, 2, 'the bulletin carries the limit');
  assert.deepEqual(bulletin.result.winners, ['长椅']);
  await resultShown(resident, bulletin);
  const counts = await resident.reveal(key('counts'), 'the counts');
  assert.ok(counts.value.includes('长椅 4'), counts.value);
  await resident.shot('choices-approval-result');
  await convenor.page.context().close();
  await resident.page.context().close();
});

test('instant runoff: ranked by tapping in order, an elimination round, rounds and winner shown', async () => {
  const issue = items[2];
  const convenor = await page('demo01', `#/session/${sessionId}`, DESKTOP);
  const ballot = await openBallot(convenor, issue, 'irv', ['东门', '西门', '南门']);
  assert.equal(sql(`SELECT method FROM ballot_specs WHERE ballot_id = ${ballot}`), 'irv');
  const resident = await page('demo02', `#/ballot/${ballot}`, PHONE);
  await resident.tap(key('pick-opt-2'));
  await resident.until((s) => find(s, 'pick-opt-2')?.selected, '南门 picked');
  await resident.tap(key('pick-opt-0'));
  const st = await resident.until((s) => find(s, 'pick-opt-0')?.selected && s, '东门 picked');
  assert.match(find(st, 'pick-opt-2').label, /^1\. 南门/);
  assert.match(find(st, 'pick-opt-0').label, /^2\. 东门/);
  assert.equal(find(st, 'pick-opt-1').label, '西门', 'unpicked: no rank');
  await resident.tap(key('submit-picks'));
  assert.match((await resident.widget(key('confirm-text'))).value, /南门 > 东门/);
  await resident.tap(key('confirm-vote'));
  await resident.widget(key('counted'), 'counted');
  // First preferences 东门 3, 西门 2, 南门 1: no majority of 6; 南门 goes, its vote joins 东门.
  for (const [n, ranking] of [[3, [['东门']]], [4, [['东门'], ['西门']]], [5, [['东门']]], [6, [['西门'], ['东门']]], [7, [['西门']]]])
    await api(url, `/api/ballots/${ballot}/votes`, { token: tokens[n], body: { ranking } });
  await closeBallot(convenor, issue);
  const bulletin = await recount(ballot);
  const rounds = bulletin.result.rounds.length;
  assert.ok(rounds >= 2, `at least one elimination (rounds: ${rounds})`);
  assert.deepEqual(bulletin.result.winners, ['东门']);
  await resultShown(resident, bulletin);
  const shown = await resident.reveal(key('rounds'), 'the rounds');
  assert.match(shown.value, new RegExp(`${rounds}\\s*轮`), `${rounds} rounds in ${shown.value}`);
  // Round by round: who was still in with how many votes, and who was eliminated.
  assert.equal((await resident.reveal(key('round-1'))).value, '第 1 轮：东门 3 · 西门 2 · 南门 1；淘汰 南门');
  assert.equal((await resident.reveal(key('round-2'))).value, '第 2 轮：东门 4 · 西门 2');
  assert.equal((await resident.reveal(key(`roll-cast-${memberId('demo02')}`))).value, '王秀英：南门 > 东门');
  await resident.shot('choices-irv-result');
  await convenor.page.context().close();
  await resident.page.context().close();
});

test('one vote per household: a second member of 3栋2单元502 is refused in the client', async () => {
  const issue = items[3];
  const invite = await api(url, '/api/invites', { token: tokens[1], body: { name: '王小明', council_id: 1, household: '3栋2单元502', floor_area: '75.60' } });
  assert.equal(invite.household, '3栋2单元502');
  const reg = await api(url, '/api/register', { body: { code: invite.code, login: 'wang_xiaoming', password: 'chunhui2026' } });
  const newcomer = reg.member.id;
  assert.equal(sql(`SELECT COUNT(DISTINCT household_id) FROM members WHERE id IN ((SELECT id FROM members WHERE login = 'demo02'), ${newcomer})`), '1', 'same household as demo02');
  await api(url, `/api/sessions/${sessionId}/sign-in`, { token: reg.token, body: {} });

  const convenor = await page('demo01', `#/session/${sessionId}`, DESKTOP);
  const ballot = await openBallot(convenor, issue, 'yes_no', null, async () => {
    await convenor.click(key('unit-household'));
    await convenor.until((s) => find(s, 'unit-household')?.selected, 'household unit chosen');
  });
  assert.equal(sql(`SELECT method || ' ' || unit FROM ballot_specs WHERE ballot_id = ${ballot}`), 'yes_no household');
  const open = await api(url, `/api/ballots/${ballot}`, { token: tokens[1] });
  assert.equal(open.unit, 'household');
  assert.ok(open.roll.includes(newcomer), 'the newcomer is on the roll');
  await api(url, `/api/ballots/${ballot}/votes`, { token: tokens[2], body: { choice: 'yes' } });

  const member = await page('wang_xiaoming', `#/ballot/${ballot}`, PHONE, 'chunhui2026');
  const note = await member.visible(key('unit-note'), 'the one-vote-per-household note');
  assert.match(note.value, /每户一票/);
  // The roll while open: who has voted, never how.
  const voted = await member.reveal(key('roll-voted'));
  assert.equal(voted.value, '已投票（1 人）：王秀英');
  assert.match((await member.reveal(key('roll-not-voted'))).value, /王小明/);
  await member.page.mouse.move(195, 400);
  await member.page.mouse.wheel(0, -5000);
  await member.tap(key('vote-yes'));
  await member.tap(key('confirm-vote'));
  const refused = '您所在的户已有成员投票，每户只计一票';
  // The confirmation closes so that the reason is seen, and the buttons are not offered again.
  const st = await member.until((s) => s.error === refused && !find(s, 'confirm-vote') &&
    find(s, 'refusal')?.value === refused && s, 'the household refusal, modal closed');
  assert.ok(!find(st, 'counted'), 'not shown as counted');
  assert.ok(!find(st, 'vote-yes'), 'no vote buttons after the refusal');
  assert.equal(st.route, `#/ballot/${ballot}`);
  await member.shot('choices-household-refused');
  const household = `(SELECT household_id FROM members WHERE login = 'demo02')`;
  assert.equal(sql(`SELECT COUNT(*) FROM ballot_voters v JOIN members m ON m.id = v.member_id WHERE v.ballot_id = ${ballot} AND m.household_id = ${household}`), '1');
  assert.equal(sql(`SELECT m.login FROM ballot_voters v JOIN members m ON m.id = v.member_id WHERE v.ballot_id = ${ballot}`), 'demo02');
  await convenor.page.context().close();
  await member.page.context().close();
});

test('owners by floor area: chosen at the console, the double majority shown in heads and square metres', async () => {
  const issue = items[4];
  for (let n = 9; n <= 15; ++n) {
    tokens[n] = await apiLogin(url, `demo${String(n).padStart(2, '0')}`);
    await api(url, `/api/sessions/${sessionId}/sign-in`, { token: tokens[n], body: {} });
  }
  const convenor = await page('demo01', `#/session/${sessionId}`, DESKTOP);
  const ballot = await openBallot(convenor, issue, 'yes_no', null, async () => {
    await convenor.click(key('unit-owners'));
    await convenor.until((s) => find(s, 'unit-owners')?.selected, 'owners chosen');
  });
  assert.equal(sql(`SELECT method || ' ' || unit FROM ballot_specs WHERE ballot_id = ${ballot}`), 'yes_no owners');
  const resident = await page('demo02', `#/ballot/${ballot}`, PHONE);
  assert.match((await resident.visible(key('unit-note'))).value, /业主表决/);
  await resident.tap(key('vote-yes'));
  await resident.tap(key('confirm-vote'));
  await resident.widget(key('counted'), 'counted');
  const choices = ['yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'yes', 'yes', 'no', 'yes', 'yes'];
  for (const [i, choice] of choices.entries())
    await api(url, `/api/ballots/${ballot}/votes`, { token: tokens[3 + i], body: { choice } });
  await closeBallot(convenor, issue);
  const bulletin = await recount(ballot);
  assert.equal(bulletin.rule, 'owners_ordinary');
  assert.equal(bulletin.result.participating_owners, 12);
  assert.ok(bulletin.ballots.every((b) => /^\d+\.\d{2}$/.test(b.area)), 'every ballot carries its floor area');
  await resident.until((st) => find(st, 'ballot-state')?.value === '已结束', 'closed on the resident\'s page', 15000);
  const shown = await resident.reveal(key('owners-result'), 'the owners\' result');
  const r = bulletin.result;
  assert.equal(shown.value, `业主：赞成 ${r.yes} 人，参与表决 ${r.participating_owners} 人；赞成面积 ${r.yes_area} 平方米，参与表决面积 ${r.participating_area} 平方米`);
  // The chart's lines are the owners' preset's (participation at least 2/3), not the council's.
  assert.equal((await resident.reveal(key(`lines-${ballot}`))).value, '竖线：通过线（赞成超过 1/2）；法定人数线（到会达到 2/3）');
  const outcome = await resident.reveal(key(`outcome-${ballot}`));
  const words = { passed: '通过', failed: '未通过', no_quorum: '未达法定人数', deferred: '意见分歧较大，暂缓决策' };
  assert.equal(outcome.value, words[r.outcome]);
  await resident.shot('choices-owners-result');
  await convenor.page.context().close();
  await resident.page.context().close();
});
