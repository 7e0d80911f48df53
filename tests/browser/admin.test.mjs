// From an empty database to a first session, through the real client only: the setup link the
// server prints → the platform administrator with a street and a community → a council
// (居民议事会) → a GB18030 roster with one bad row, previewed then imported → the invite sheet
// as a PDF → a resident registers with a code from it → made convenor → plans the first session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env, requireEnv, tempDb, startServer, launchBrowser, openClient, stopAll, key, sqlOn } from './harness.mjs';

let db, server, browser, admin, resident;
let communityId, councilId, code, residentName;

before(async () => {
  requireEnv();
  db = tempDb();
  server = await startServer(db, { seed: false });
  browser = await launchBrowser();
});
after(() => stopAll({ server, browser }));

const DESKTOP = { width: 1280, height: 900, scale: 1 };
const sql = (q) => sqlOn(db, q);

// The roster as a street office exports it from Excel: GB18030, a header of Chinese names,
// line 4 without a name (refused), three residents of two households.
const ROSTER = [
  '姓名,楼栋,单元,房号,网格,专有面积(㎡),手机号',
  '王秀英,3,1,201,第一网格,89.50,',
  '李建国,3,1,202,第一网格,90.00,13800000000',
  ',3,1,203,第一网格,88.00,',
  '陈静,3,2,101,第一网格,76.25,',
].join('\r\n') + '\r\n';
const IMPORTED = ['王秀英', '李建国', '陈静'];
const gb18030 = (text) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });

// Types into the field with key `k` (clicked, focused, then the text inserted as an IME would).
async function fill(client, k, text) {
  await client.click(key(k), k);
  await client.until((s) => s.widgets.find((w) => key(k)(w) && w.focused), `${k} focused`);
  await client.page.keyboard.press('Control+A');
  await client.page.keyboard.press('Delete');
  await client.page.keyboard.insertText(text);
  const shown = /password/.test(k) ? '*'.repeat([...text].length) : text;
  await client.until((s) => s.widgets.find((w) => key(k)(w) && w.value === shown), `${k} typed`);
}

// Back to the top of a long screen (the harness's reveal scrolls downwards only).
async function toTop(client) {
  const { width, height } = client.page.viewportSize();
  await client.page.mouse.move(width / 2, height / 2);
  await client.page.mouse.wheel(0, -20000);
  await client.page.waitForTimeout(200);
}

const notice = (client, text) =>
  client.until((s) => s.notice === text && !s.loading && s, `notice ${text}`);

test('the setup link printed on an empty database creates the platform administrator', async () => {
  const printed = await (async () => {
    for (let i = 0; i < 200; ++i) {
      const m = server.output().match(/\/#\/setup\/([A-Z0-9]{5}-[A-Z0-9]{5})/);
      if (m) return m[1];
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no setup link in the server output: ' + server.output());
  })();
  admin = await openClient(browser, server.url, { ...DESKTOP, hash: '#/setup/' + printed });
  await admin.route('#/setup/' + printed);
  const codeField = await admin.widget(key('code'), 'the setup code field');
  assert.equal(codeField.value, printed, 'the code comes from the link');
  await fill(admin, 'login', 'zhaozr');
  await fill(admin, 'name', '赵主任');
  await fill(admin, 'password', 'street-office-1');
  await fill(admin, 'password-again', 'street-office-1');
  await fill(admin, 'street', '幸福街道');
  await fill(admin, 'community', '幸福里社区');
  await admin.click(key('setup-submit'));
  const s = await notice(admin, '初始设置已完成，您已作为平台管理员登录');
  assert.equal(s.route, '#/admin');
  assert.equal(s.member, 'zhaozr');
  await admin.widget(key('nav-admin'), '管理 in the navigation');
  const street = await admin.widget((w) => /##street-\d+$/.test(w.id), 'the street');
  assert.equal(street.label, '幸福街道');
  const community = await admin.widget((w) => /##community-\d+$/.test(w.id), 'the community');
  assert.equal(community.label, '幸福里社区');
  communityId = Number(community.id.split('community-')[1]);
  assert.equal(sql('SELECT count(*) FROM members'), '1');

  // The link is spent: a second visit says so in Chinese.
  const again = await openClient(browser, server.url, { ...DESKTOP, hash: '#/setup/' + printed });
  const done = await again.widget(key('setup-done'), 'setup already done');
  assert.equal(done.label, '已完成初始设置，请登录');
  await again.page.context().close();
});

test('the administrator creates a 居民议事会 in the community', async () => {
  await admin.click(key('open-community-' + communityId));
  await admin.route('#/community/' + communityId);
  await fill(admin, 'council-name', '幸福里居民议事会');
  const kind = await admin.widget(key('kind-residents_council'), 'the council kinds');
  assert.equal(kind.label, '居民议事会');
  assert.equal(kind.selected, true, '居民议事会 is offered first');
  await admin.click(key('add-council'));
  await notice(admin, '议事机构已添加');
  const council = await admin.widget((w) => /##council-\d+$/.test(w.id), 'the new council');
  assert.equal(council.label, '幸福里居民议事会（居民议事会）· 0 人');
  councilId = Number(council.id.split('council-')[1]);
});

test('a GB18030 roster is previewed with its bad row refused by line, then imported', async () => {
  await admin.reveal(key('roster-pick'));
  const [chooser] = await Promise.all([
    admin.page.waitForEvent('filechooser'),
    admin.click(key('roster-pick')),
  ]);
  await chooser.setFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: gb18030(ROSTER) });
  const accepted = await admin.widget(key('roster-accepted'), 'the preview');
  assert.equal(accepted.label, '可导入 3 人');
  const refused = await admin.visible(key('refused-4'), 'the refused line 4');
  assert.match(refused.label, /^第 4 行：/);
  assert.equal((await admin.widget(key('roster-refused'))).label, '不能导入 1 行');
  assert.equal(sql('SELECT count(*) FROM members'), '1', 'the preview writes nothing');

  await admin.click(key('roster-confirm'));
  await notice(admin, '已导入 3 人');
  assert.equal(sql('SELECT count(*) FROM members'), '4');
  const count = await admin.visible(key('members-count'), 'the member list');
  assert.equal(count.label, '共 3 人');
  for (const n of IMPORTED)
    await admin.visible((w) => /##member-\d+$/.test(w.id) && w.label.startsWith(n + '（未激活）'), `${n} listed, not activated`);
});

test('the invite sheet downloads as a PDF naming every resident with a code', async () => {
  await toTop(admin);
  await admin.reveal(key('invite-sheet'));
  const [download] = await Promise.all([
    admin.page.waitForEvent('download'),
    admin.click(key('invite-sheet')),
  ]);
  assert.equal(download.suggestedFilename(), '邀请单.pdf');
  const file = path.join(env.shots, 'admin-invite-sheet.pdf');
  await download.saveAs(file);
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
  for (const n of IMPORTED) assert.ok(text.includes(n), `${n} is on the sheet`);
  const codes = [...new Set(text.match(/[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}/g) || [])];
  assert.equal(codes.length, 3, 'one code per resident: ' + codes.join(' '));
  code = codes[0];
});

test('a resident registers with a code from the sheet', async () => {
  resident = await openClient(browser, server.url, { ...DESKTOP, hash: '#/register/' + code });
  const field = await resident.widget(key('code'), 'the invite code field');
  assert.equal(field.value, code, 'the code comes from the link');
  await fill(resident, 'login', 'jumin01');
  await fill(resident, 'password', 'my-own-pass-1');
  await resident.click(key('register-submit'));
  const s = await resident.until((s) => s.loggedIn && s.member === 'jumin01' && !s.loading && s, 'registered');
  residentName = sql("SELECT name FROM members WHERE login = 'jumin01'");
  assert.ok(IMPORTED.includes(residentName), `${residentName} is one of the imported residents`);
  assert.ok(!(s.widgets.some((w) => key('nav-admin')(w))), 'no 管理 for a resident');
});

test('the administrator makes the resident convenor of the council', async () => {
  await toTop(admin);
  await admin.reveal(key('filter-apply'));
  await admin.click(key('filter-apply'));
  const row = await admin.visible((w) => /##member-\d+$/.test(w.id) &&
    w.label.startsWith(residentName + '（jumin01）'), 'the registered resident in the list');
  const m = row.id.split('member-')[1];
  await admin.click(key(`role-${m}-convenor`));
  await notice(admin, '角色已变更');
  assert.equal(sql(`SELECT role FROM members WHERE id = ${m}`), 'convenor');
});

test('the new convenor plans the council\'s first session', async () => {
  await resident.page.reload();
  await resident.page.waitForFunction(() => window.yishi && window.yishi.ready === true, null, { timeout: 60000 });
  await resident.until((s) => s.loggedIn && !s.loading && s, 'the session restored');
  await resident.nav('nav-sessions');
  await resident.route('#/sessions');
  const text = await resident.page.evaluate(() => {
    const at = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    const p = (n) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} 19:00`;
  });
  await fill(resident, 'starts-at', text);
  await resident.click(key('plan-submit'));
  const s = await resident.until((s) => /^#\/session\/\d+$/.test(s.route) && !s.loading && s, 'the new session\'s console');
  const sessionId = Number(s.route.split('/')[2]);
  assert.equal(sql(`SELECT council_id || '|' || state FROM sessions WHERE id = ${sessionId}`), `${councilId}|planned`);
});

test('管理 fits a phone: the tree and its forms in 390 px', async () => {
  const phone = await openClient(browser, server.url, { width: 390, height: 844, scale: 2, mobile: true, hash: '#/admin' });
  await phone.login('zhaozr', 'street-office-1');
  await phone.route('#/admin');
  const street = await phone.widget((w) => /##street-\d+$/.test(w.id), 'the street on a phone');
  assert.ok(street.x >= 0 && street.x + street.w <= 390);
  const add = await phone.visible(key('add-street'), 'the street form');
  assert.ok(add.x + add.w <= 390, 'the button stays on the screen');
  await phone.shot('admin-phone');
  await phone.page.context().close();
});
