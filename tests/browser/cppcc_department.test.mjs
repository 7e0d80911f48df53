// The department's reply path in the real client, on a phone: a recommendation handed to the
// department (set up through the API up to 交办) → its staff member finds it under 建议办理,
// states the position (部分采纳, reason, due date), posts progress, then the formal reply; the
// consultation's page then shows the position and the reply to the CPPCC.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, stopAll, openClient, key, api, cppccSetup } from './harness.mjs';

let db, server, browser, org, topicId, taskId;

const PHONE = { width: 390, height: 844, scale: 2, mobile: true };

// A consultation carried through the API from topic to a recommendation handed to the department.
async function handedOver(url) {
  const chair = org.chair.token;
  const post = (path, body) => api(url, path, { token: chair, body });
  const c = await post(`/api/cppccs/${org.cppccId}/topics`, { title: '老旧小区加装电梯', body: '', source: 'government' });
  const id = c.id;
  await post(`/api/consultations/${id}/plan`, { year: 2026, committee_id: org.committeeId, lead_vice_chair_id: org.vice.id });
  await post(`/api/consultations/${id}/meeting`, { held_on: '2026-06-18', place: '市政协会议室', chair: '钱主席' });
  let v = await post(`/api/consultations/${id}/participants`, { name: '吴委员', title: '委员', affiliation: '市政协', kind: 'member', member_id: org.member.id });
  const speaker = v.meeting.participants[0].id;
  v = await post(`/api/consultations/${id}/items`, { kind: 'speech', speaker_id: speaker, summary: '加装电梯应简化审批', to_participant_id: null, answers_item_id: null });
  const item = v.meeting.items[0].id;
  await post(`/api/consultations/${id}/close-meeting`, {});
  v = await post(`/api/consultations/${id}/recommendations`, { text: '简化加装电梯审批流程', proposer_ids: [org.member.id], item_ids: [item], section_ids: [] });
  const rec = v.recommendations[0].id;
  await post(`/api/consultations/${id}/sendings`, { recipient: '市政府', sent_on: '2026-07-01', received_by: '市政府办公室' });
  v = await post(`/api/recommendations/${rec}/hand-over`, { unit: '住建局', responsible_member_id: org.department.id, due_at: Math.floor(Date.now() / 1000) + 86400 * 60 });
  return { id, task: v.recommendations[0].tasks[0].id };
}

before(async () => {
  ({ db, server, browser } = await startAll());
  org = await cppccSetup(server.url, 'b');
  ({ id: topicId, task: taskId } = await handedOver(server.url));
});
after(() => stopAll({ server, browser }));

async function toTop(client) {
  const { width, height } = client.page.viewportSize();
  await client.page.mouse.move(width / 2, height / 2);
  await client.page.mouse.wheel(0, -20000);
  await client.page.waitForTimeout(150);
}

async function fill(client, k, text) {
  await toTop(client);
  await client.tap(key(k), k);
  await client.until((s) => s.widgets.find((w) => key(k)(w) && w.focused), `${k} focused`);
  await client.page.keyboard.press('Control+A');
  await client.page.keyboard.press('Delete');
  await client.page.keyboard.insertText(text);
  await client.until((s) => s.widgets.find((w) => key(k)(w) && w.value === text), `${k} typed`);
}

async function press(client, k) {
  await toTop(client);
  await client.tap(key(k), k);
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
const task = async () => (await api(server.url, `/api/consultations/${topicId}`, { token: org.chair.token }))
  .recommendations[0].tasks[0];

let dept;

test('the department finds the recommendation handed to it under 建议办理', async () => {
  dept = await openClient(browser, server.url, PHONE);
  await dept.login(org.department.login);
  await dept.until((s) => s.loggedIn && s.member === org.department.login && !s.loading && s, 'logged in');
  await press(dept, 'nav-consultation-tasks');
  const s = await dept.until((s) => s.route === '#/my-consultation-tasks' && value(s, `ctask-rec-${taskId}`) && s, 'the list');
  assert.equal(value(s, `ctask-rec-${taskId}`), '简化加装电梯审批流程');
  assert.equal(value(s, `ctask-topic-${taskId}`), '老旧小区加装电梯');
  assert.equal(value(s, `ctask-adoption-${taskId}`), '办理意见：待表态 ');
});

test('the department states a partly adopted position with its reason and due date', async () => {
  await press(dept, `position-${taskId}-partly`);
  await fill(dept, `position-reason-${taskId}`, '涉及规划调整，分步实施');
  await fill(dept, `position-due-${taskId}`, '2030-06-30');
  const s = await submit(dept, `position-submit-${taskId}`, '办理意见已提交');
  assert.equal(value(s, `ctask-adoption-${taskId}`), '办理意见：部分采纳 涉及规划调整，分步实施');
  const t = await task();
  assert.equal(t.adoption, 'partly');
  assert.equal(t.position_reason, '涉及规划调整，分步实施');
});

test('the department posts progress, then the formal reply', async () => {
  await fill(dept, `ctask-text-${taskId}`, '已召开专题协调会');
  let s = await submit(dept, `ctask-progress-${taskId}`, '进展已填报');
  assert.match(value(s, `ctask-progress-${taskId}-0`), /已召开专题协调会$/);
  await fill(dept, `ctask-text-${taskId}`, '审批流程已由 60 天压缩至 30 天');
  await press(dept, `ctask-reply-${taskId}`);
  s = await dept.until((s) => value(s, `ctask-reply-${taskId}-0`) && !s.loading && s, 'the reply listed');
  assert.match(value(s, `ctask-reply-${taskId}-0`), /审批流程已由 60 天压缩至 30 天/);
  const t = await task();
  assert.equal(t.state, 'answered');
  assert.equal(t.progress.length, 1);
  assert.equal(t.replies.length, 1);
});
