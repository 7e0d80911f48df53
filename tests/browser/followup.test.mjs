// Follow-through in the real client: a street administrator reads the accountability board
// (督办台账) and the monthly needs report (群众需求月报) of the demo street and downloads a closed
// session's minutes (会议纪要) as a PDF; a resident already on 首页 sees the unread badge once the
// convenor opens a ballot (through the API, as from the meeting room), sees the ballot on 首页
// without navigating away, and follows the notification to the ballot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startAll, stopAll, openClient, key, api, apiLogin, sqlOn, staffAccount, sessionUnderway, env } from './harness.mjs';

let db, server, browser, url;
const sql = (q) => sqlOn(db, q);
const find = (s, k) => s.widgets.find(key(k));
const DESKTOP = { width: 1280, height: 900, scale: 1 };

before(async () => {
  ({ db, server, browser } = await startAll());
  url = server.url;
});
after(() => stopAll({ server, browser }));

async function toTop(client) {
  const { width, height } = client.page.viewportSize();
  await client.page.mouse.move(width / 2, height / 2);
  await client.page.mouse.wheel(0, -20000);
  await client.page.waitForTimeout(150);
}

// The first second of the current month in China time (UTC+8), and of the next one.
function monthBounds(now = Date.now()) {
  const china = new Date(now + 8 * 3600 * 1000);
  const y = china.getUTCFullYear(), m = china.getUTCMonth();
  const start = Date.UTC(y, m, 1) / 1000 - 8 * 3600;
  const end = Date.UTC(y, m + 1, 1) / 1000 - 8 * 3600;
  return { start, end };
}

test('a street administrator reads the board and the monthly report and downloads the minutes', async () => {
  const admin = await apiLogin(url, 'admin');
  const tree = await api(url, '/api/admin/tree', { token: admin });
  const street = tree.streets[0];
  const official = await staffAccount(url, admin, 'street_admin', '陈主任', { street_id: street.id }, 'jiedaozr');
  // A seat in the demo's council (no vote): its sessions, and so their minutes, are hers to read.
  const council = Number(sql('SELECT id FROM councils ORDER BY id LIMIT 1'));
  await api(url, `/api/admin/members/${official.id}/role`, { token: admin, body: { council_id: council } });

  const c = await openClient(browser, url, DESKTOP);
  await c.login('jiedaozr');
  await c.until((s) => s.loggedIn && s.member === 'jiedaozr' && !s.loading && s, 'logged in');

  // 督办台账: every task of the street's councils and of its CPPCC's recommendations.
  await c.nav('nav-board');
  await c.route('#/board');
  const tasks = Number(sql(`SELECT count(*) FROM tasks t
      LEFT JOIN issues i ON i.id = t.issue_id LEFT JOIN councils co ON co.id = i.council_id
      LEFT JOIN communities cm ON cm.id = co.community_id
      LEFT JOIN recommendations r ON r.id = t.recommendation_id
      LEFT JOIN topics tp ON tp.id = r.topic_id LEFT JOIN cppccs cp ON cp.id = tp.cppcc_id
      WHERE cm.street_id = ${street.id} OR cp.street_id = ${street.id}`));
  assert.ok(tasks > 0, 'the demo street has tasks');
  await c.until((s) => find(s, 'board-scope') && !s.loading && s, 'the board');
  assert.equal((await c.reveal(key('board-count'))).value, `共 ${tasks} 项`);
  let s = await c.snapshot();
  assert.ok(s.widgets.some((w) => /##row-title-\d+$/.test(w.id)), 'rows are listed');
  // Only the overdue ones when filtered by status.
  await toTop(c);
  await c.click(key('filter-status-overdue'));
  await c.until((s) => !s.loading && find(s, 'filter-status-overdue')?.selected && s, 'overdue filter');
  await c.reveal(key('board-count'));
  s = await c.snapshot();
  for (const w of s.widgets.filter((w) => /##row-status-\d+$/.test(w.id))) assert.equal(w.value, '已逾期');
  await c.reveal(key('units-title'));
  await c.visible(key('unit-name-0'), 'the units table');

  // 群众需求月报 of the street for this month: the issues raised in it, counted here by SQL.
  await toTop(c);
  await c.nav('nav-report');
  await c.route('#/report');
  const { start, end } = monthBounds();
  const raised = Number(sql(`SELECT count(*) FROM issues i JOIN councils co ON co.id = i.council_id
      JOIN communities cm ON cm.id = co.community_id
      WHERE cm.street_id = ${street.id} AND i.created_at >= ${start} AND i.created_at < ${end}`));
  await c.until((s) => find(s, 'report-month') && !s.loading && s, 'the report');
  assert.equal((await c.reveal(key('fig-raised'))).value, String(raised));
  await c.reveal(key('trend-points'));
  s = await c.snapshot();
  assert.equal(find(s, 'trend-points').value.split(' · ').length, 12, 'a 12-month trend');
  await toTop(c);
  await c.visible(key('report-pdf'), 'the PDF button');

  // 会议纪要 of the demo's finished session, from its page.
  const closed = Number(sql("SELECT id FROM sessions WHERE state = 'closed' ORDER BY id LIMIT 1"));
  await c.page.evaluate((h) => { location.hash = h; }, `#/session/${closed}`);
  await c.route(`#/session/${closed}`);
  await c.reveal(key('download-minutes'));
  const [download] = await Promise.all([
    c.page.waitForEvent('download'),
    c.click(key('download-minutes')),
  ]);
  assert.equal(download.suggestedFilename(), `会议纪要-${closed}.pdf`);
  const file = path.join(env.shots, 'followup-minutes.pdf');
  await download.saveAs(file);
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const councilName = sql(`SELECT name FROM councils WHERE id = ${council}`);
  assert.ok(text.replace(/\s+/g, '').includes(councilName), 'the minutes name the council');
});

test('a resident on 首页 sees the badge once a ballot opens and follows it to the ballot', async () => {
  const convenor = await apiLogin(url, 'demo01');
  const me = Number(sql("SELECT id FROM members WHERE login = 'demo03'"));
  const unreadInDb = () => Number(sql(`SELECT count(*) FROM notifications WHERE member_id = ${me} AND read_at IS NULL`));
  const badge = (s) => {
    const b = find(s, 'unread-badge');
    return b ? Number((b.label.match(/\d+/) || ['0'])[0]) : -1;
  };
  const resident = await openClient(browser, url, DESKTOP);
  await resident.login('demo03');
  await resident.route('#/home');

  // The convenor holds a meeting on a listed issue; demo03 signs in from a phone (those present
  // vote). Its notice is a notification too: the badge follows it.
  let issue = Number(sql("SELECT id FROM issues WHERE stage = 'listed' ORDER BY id LIMIT 1"));
  if (!issue) {
    issue = Number(sql("SELECT id FROM issues WHERE stage = 'collecting' ORDER BY id LIMIT 1"));
    await api(url, `/api/issues/${issue}/accept`, { token: convenor, method: 'POST' });
  }
  const title = sql(`SELECT title FROM issues WHERE id = ${issue}`);
  const residentToken = await apiLogin(url, 'demo03');
  const sessionId = await sessionUnderway(url, convenor, [issue], '测试：消息提醒', [convenor, residentToken]);
  const before = unreadInDb();
  await resident.until((s) => badge(s) === before && s, `the badge shows ${before}`, 30000);

  // The convenor opens a yes/no ballot: without touching the page, the badge counts one more
  // and 首页 lists the ballot.
  const ballot = await api(url, `/api/sessions/${sessionId}/ballots`, { token: convenor,
    body: { issue_id: issue, method: 'yes_no', secret: false } });
  assert.equal(unreadInDb(), before + 1, 'one notification written for demo03');
  let s = await resident.until((s) => badge(s) === before + 1 && s, 'the unread badge', 30000);
  assert.equal(s.route, '#/home');
  await resident.until((s) => find(s, `todo-ballot-${ballot.id}`) && s, '首页 shows the ballot', 30000);

  await resident.click(key('unread-badge'));
  s = await resident.until((s) => s.route === '#/notifications' && !s.loading &&
    s.widgets.some((w) => /##note-text-\d+$/.test(w.id)) && s, 'the centre');
  const note = s.widgets.find((w) => /##note-text-\d+$/.test(w.id) && w.value.includes(title));
  assert.ok(note, 'the ballot\'s notification is listed: ' + title);
  assert.ok(note.value.includes('开始表决'), note.value);
  const id = note.id.match(/(\d+)$/)[1];
  assert.ok(find(s, `note-unread-${id}`), 'marked unread');
  await resident.click(key(`note-${id}`));
  await resident.route(`#/ballot/${ballot.id}`);
  s = await resident.until((s) => badge(s) === before && s, 'the badge counts it read');
  assert.equal(unreadInDb(), before);
  assert.ok(find(s, 'vote-yes'), 'the resident may vote');
});
