// 请你来协商, the CPPCC member's path in the real client: the chair proposes a topic, plans it,
// notes a field visit, schedules the meeting with its participants, records a speech on the
// secretary's record screen (Enter records and moves to the next speaker), closes the meeting,
// drafts a recommendation traced to that speech, sends the outcome and hands the
// recommendation to a department; once the department has replied, the member who proposed it
// rates the reply on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, stopAll, openClient, key, api, cppccSetup } from './harness.mjs';

let db, server, browser, org, chair, topicId;

before(async () => {
  ({ db, server, browser } = await startAll());
  org = await cppccSetup(server.url, 'a');
});
after(() => stopAll({ server, browser }));

const DESKTOP = { width: 1280, height: 900, scale: 1 };
const PHONE = { width: 390, height: 844, scale: 2, mobile: true };

async function fill(client, k, text) {
  await toTop(client);
  await client.click(key(k), k);
  await client.until((s) => s.widgets.find((w) => key(k)(w) && w.focused), `${k} focused`);
  await client.page.keyboard.press('Control+A');
  await client.page.keyboard.press('Delete');
  await client.page.keyboard.insertText(text);
  await client.until((s) => s.widgets.find((w) => key(k)(w) && w.value === text), `${k} typed`);
}

async function toTop(client) {
  const { width, height } = client.page.viewportSize();
  await client.page.mouse.move(width / 2, height / 2);
  await client.page.mouse.wheel(0, -20000);
  await client.page.waitForTimeout(150);
}

async function press(client, k) {
  await toTop(client);
  await client.click(key(k), k);
}

const notice = (client, text) =>
  client.until((s) => s.notice === text && !s.loading && s, `notice ${text}`);

// Presses a form's button and waits for its confirmation; the last one is dismissed first, so
// that the same confirmation twice in a row is not taken for the second.
async function submit(client, k, text) {
  const s = await client.snapshot();
  if (s.notice) {
    await press(client, 'dismiss-notice');
    await client.until((s) => !s.notice && s, 'the last notice dismissed');
  }
  await press(client, k);
  return notice(client, text);
}
const value = (s, k) => (s.widgets.find(key(k)) || {}).value;
const consultation = () => api(server.url, `/api/consultations/${topicId}`, { token: org.chair.token });

async function loginAs(client, login) {
  await client.login(login);
  await client.until((s) => s.loggedIn && s.member === login && !s.loading && s, `${login} logged in`);
}

test('the chair finds the committee from the navigation and proposes a topic', async () => {
  chair = await openClient(browser, server.url, DESKTOP);
  await loginAs(chair, org.chair.login);
  await chair.nav('nav-cppcc');
  let s = await chair.until((s) => (s.route === `#/cppcc/${org.cppccId}` || s.route === '#/cppcc') && !s.loading && s, 'the committees');
  if (s.route === '#/cppcc') await chair.click(key(`cppcc-open-${org.cppccId}`));
  await chair.route(`#/cppcc/${org.cppccId}`);
  await fill(chair, 'topic-title', '城市社区治理');
  await fill(chair, 'topic-body', '推进城市社区治理体系和治理能力现代化');
  await press(chair, 'source-members');
  s = await submit(chair, 'topic-submit', '议题已提出');
  const m = s.route.match(/^#\/consultation\/(\d+)$/);
  assert.ok(m, 'the new topic page opens: ' + s.route);
  topicId = Number(m[1]);
  assert.equal(value(s, 'consultation-title'), '城市社区治理');
  assert.equal(value(s, 'consultation-stage'), '已提出');
});

test('the chair puts the topic into the annual plan with its committee and vice-chair', async () => {
  await press(chair, 'tab-topic');
  await fill(chair, 'plan-year', '2026');
  await press(chair, `plan-committee-${org.committeeId}`);
  await press(chair, `plan-vice-${org.vice.id}`);
  const s = await submit(chair, 'plan-submit', '已列入年度协商计划');
  assert.match(value(s, 'plan-line'), /2026 年度协商计划 · 社会和法制委员会 · 牵头副主席 孙副主席/);
  assert.equal((await consultation()).plan.year, 2026);
});

test('a field visit is noted in the research tab', async () => {
  await press(chair, 'tab-research');
  await fill(chair, 'visit-date', '2026-03-15');
  await fill(chair, 'visit-place', '城南街道幸福里社区');
  await fill(chair, 'visit-notes', '走访居民议事会，听取意见');
  const s = await submit(chair, 'visit-submit', '调研记录已添加');
  const visit = (await consultation()).visits[0];
  assert.equal(value(s, `visit-${visit.id}`), '2026-03-15 · 城南街道幸福里社区：走访居民议事会，听取意见');
});

test('the meeting is scheduled with its participants', async () => {
  await press(chair, 'tab-meeting');
  await fill(chair, 'meeting-date', '2026-06-18');
  await fill(chair, 'meeting-place', '市政协会议室');
  await fill(chair, 'meeting-chair', '钱主席');
  await submit(chair, 'meeting-submit', '协商会已安排');
  for (const [name, title, affiliation, kind, id] of [
    ['吴委员', '委员', '市政协', 'member', org.member.id],
    ['郑科长', '科长', '民政局', 'department_head', org.department.id]]) {
    await fill(chair, 'participant-name', name);
    await fill(chair, 'participant-title', title);
    await fill(chair, 'participant-affiliation', affiliation);
    await press(chair, `participant-kind-${kind}`);
    await fill(chair, 'participant-member', String(id));
    await submit(chair, 'participant-submit', '参会人员已添加');
  }
  assert.equal((await consultation()).meeting.participants.length, 2);
});

test('on the record screen Enter records the speech and moves to the next speaker', async () => {
  await press(chair, 'open-record');
  let s = await chair.route(`#/consultation/${topicId}/record`);
  const [first, second] = (await consultation()).meeting.participants;
  s = await chair.until((s) => s.widgets.find((w) => key(`speaker-${first.id}`)(w) && w.selected) && s, 'the first speaker picked');
  // Down picks the next speaker, Up comes back; the summary field keeps the focus.
  await chair.until((s) => s.widgets.find((w) => key('summary')(w) && w.focused), 'summary focused');
  await chair.page.keyboard.press('ArrowDown');
  await chair.until((s) => s.widgets.find((w) => key(`speaker-${second.id}`)(w) && w.selected), 'Down picks the second');
  await chair.page.keyboard.press('ArrowUp');
  await chair.until((s) => s.widgets.find((w) => key(`speaker-${first.id}`)(w) && w.selected), 'Up picks the first');
  await chair.page.keyboard.insertText('建议建立社区议事协商清单');
  await chair.page.keyboard.press('Enter');
  s = await notice(chair, '已记录');
  const item = (await consultation()).meeting.items[0];
  assert.equal(item.kind, 'speech');
  assert.equal(item.speaker_id, first.id);
  assert.equal(value(s, `recent-${item.id}`), '【发言】吴委员：建议建立社区议事协商清单');
  s = await chair.until((s) => s.widgets.find((w) => key(`speaker-${second.id}`)(w) && w.selected) &&
    s.widgets.find((w) => key('summary')(w) && w.value === '' && w.focused) && s, 'the next speaker, the summary cleared and focused');
  await chair.click(key('record-back'));
  await chair.route(`#/consultation/${topicId}`);
  await press(chair, 'tab-meeting');
  await submit(chair, 'close-meeting', '协商会已结束');
});

test('a recommendation traced to the speech is drafted and the outcome sent', async () => {
  await press(chair, 'tab-outcome');
  const item = (await consultation()).meeting.items[0];
  await fill(chair, 'rec-text', '建立社区议事协商清单制度');
  await press(chair, `rec-proposer-${org.member.id}`);
  await press(chair, `rec-item-${item.id}`);
  let s = await submit(chair, 'rec-submit', '建议已添加');
  const rec = (await consultation()).recommendations[0];
  assert.deepEqual(rec.proposer_ids, [org.member.id]);
  assert.deepEqual(rec.item_ids, [item.id]);
  assert.match(value(s, `rec-sources-${rec.id}`), /吴委员发言/);
  await fill(chair, 'send-recipient', '市委');
  await fill(chair, 'send-date', '2026-07-01');
  await fill(chair, 'send-received-by', '市委办公室');
  await submit(chair, 'send-submit', '协商成果已报送');
  await toTop(chair);
  s = await chair.until((s) => value(s, 'consultation-stage') === '已报送' && s, 'the stage 已报送');
});

test('the chair hands the recommendation to the department by its member id', async () => {
  await press(chair, 'tab-handling');
  const rec = (await consultation()).recommendations[0];
  await fill(chair, `handover-unit-${rec.id}`, '民政局');
  await fill(chair, `handover-member-${rec.id}`, String(org.department.id));
  await fill(chair, `handover-due-${rec.id}`, '2030-12-31');
  const s = await submit(chair, `handover-submit-${rec.id}`, '已交办');
  const task = (await consultation()).recommendations[0].tasks[0];
  assert.equal(task.responsible_member_id, org.department.id);
  assert.equal(value(s, `task-unit-${task.id}`), '责任单位：民政局');
});

test('the proposer follows on a phone, sees the reply arrive and rates it', async () => {
  const member = await openClient(browser, server.url, { ...PHONE, hash: `#/consultation/${topicId}` });
  await loginAs(member, org.member.login);
  await member.route(`#/consultation/${topicId}`);
  await press(member, 'tab-handling');
  const task = (await consultation()).recommendations[0].tasks[0];
  // The department answers meanwhile: the open page shows it without a reload.
  const dept = org.department.token;
  await api(server.url, `/api/tasks/${task.id}/position`, { token: dept,
    body: { adoption: 'adopted', reason: '纳入年度工作计划', due_at: Math.floor(Date.now() / 1000) + 86400 * 90 } });
  await api(server.url, `/api/tasks/${task.id}/reply`, { token: dept, body: { text: '已建立社区议事协商清单制度' } });
  let s = await member.until((s) => value(s, `task-reply-${task.id}-0`) && s, 'the reply on the open page', 15000);
  assert.match(value(s, `task-reply-${task.id}-0`), /已建立社区议事协商清单制度/);
  assert.match(value(s, `task-adoption-${task.id}`), /采纳/);
  await press(member, `rate-${task.id}-satisfied`);
  await notice(member, '评价已提交');
  // The notice's banner pushes the page down: the lines under the rating come back into view.
  await member.visible(key(`you-rated-${task.id}`), 'rated');
  s = await member.snapshot();
  assert.match(value(s, `task-ratings-${task.id}-0`), /满意 1/);
  const after = (await consultation()).recommendations[0].tasks[0];
  assert.equal(after.replies[0].ratings.satisfied, 1);
});
