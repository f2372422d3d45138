// Playback checks and devices (issue 18 items 4–5): the section head registers a recording device on
// /devices.html, its responsible officer records the pre-duty check with the clock set, the register
// shows it checked today; a recording from a device nobody registered carries the REC-15 warning on
// /recordings.html; the inspection ledger page answers a section head and refuses an officer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launchBrowser, pageFor, screenshot, rest, login, openTask, completeButton, fillForm, formSchema, wav }
  from '../lib/harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function signIn(page, user) {
  await page.fill('#user', user);
  await page.fill('#password', 'demo');
}

test('科室负责人登记设备，责任人登记执勤前检查（校准时间）；未登记设备所录资料带核查提示；检查台账仅限检查人员 / device register, pre-duty check, REC-15 warning, ledger page', async () => {
  const device = 'E2E-' + Date.now();
  const head = await pageFor(browser);
  await head.goto(`${BASE}/devices.html`);
  await signIn(head, 'head1');
  await head.fill('#deviceNumber', device);
  await head.selectOption('#deviceType', 'BODY_CAMERA');
  await head.fill('#responsible', 'officer1');
  await head.fill('#unit', '城东中队');
  await head.click('#register');
  await head.getByText('已登记：' + device).waitFor();

  const officer = await pageFor(browser);
  await officer.goto(`${BASE}/devices.html`);
  await signIn(officer, 'officer1');
  await officer.fill('#checkNumber', device);
  for (const point of ['#noFault', '#batterySufficient', '#storageSufficient', '#clockSet']) await officer.check(point);
  await officer.click('#check');
  await officer.getByText('检查人 officer1，检查通过').waitFor();
  const row = officer.locator('tr', { hasText: device });
  await row.getByText('已检查').waitFor();
  await screenshot(officer, 'playback-device-checked');

  // another officer may not record the check of officer1's device
  const other = await rest('officer2', 'POST', `/api/devices/${device}/checks`,
    { noFault: true, batterySufficient: true, storageSufficient: true, clockSet: true });
  assert.equal(other.status, 403);

  // a recording from an unregistered device: the warning is on the recording for the reviewer
  const unregistered = 'NOREG-' + Date.now();
  const end = new Date(Date.now() - 60000);
  const form = new FormData();
  form.set('activity', 'ONSITE_INSPECTION');
  form.set('caseNumber', '云住建罚〔2026〕E2E' + Date.now());
  form.set('deviceNumber', unregistered);
  form.set('officers', 'officer1');
  form.set('startedAt', new Date(end.getTime() - 3000).toISOString());
  form.set('endedAt', end.toISOString());
  form.set('file', new Blob([wav(3)], { type: 'audio/wav' }), 'clip.wav');
  const uploaded = await rest('officer1', 'POST', '/api/recordings', form);
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
  assert.ok(uploaded.body.warnings.some(w => w.startsWith('REC-15 DEVICE_UNREGISTERED')));
  await head.goto(`${BASE}/recordings.html`);
  await signIn(head, 'head1');
  await head.fill('#deviceNumber', unregistered);
  await head.click('#search');
  await head.getByText('未在设备登记簿中登记', { exact: false }).first().waitFor();
  await screenshot(head, 'playback-unregistered-device-warning');

  // the ledger page: the section head reads it, an officer is refused with a reason
  await officer.goto(`${BASE}/playback-ledger.html`);
  await signIn(officer, 'officer1');
  await officer.click('#show');
  await officer.getByText('无权查看检查台账', { exact: false }).waitFor();
  await head.goto(`${BASE}/playback-ledger.html`);
  await signIn(head, 'head1');
  await head.click('#show');
  await head.getByText(/共 \d+ 条，其中存在问题 \d+ 条/).waitFor();
  await screenshot(head, 'playback-ledger-page');
});

test('回放检查：抽中的音像资料交科室负责人，在 Tasklist 中填写“存在问题”，结论记入检查台账并可导出 / playback check in Tasklist, finding in the ledger', async () => {
  // a recording of yesterday (Beijing) in a unit of its own: the period sampled ends at today's Beijing midnight
  const unit = '回放检查中队' + Date.now();
  const yesterday = new Date(Date.now() + 8 * 3600 * 1000 - 86400000).toISOString().slice(0, 10);
  const form = new FormData();
  form.set('activity', 'ONSITE_INSPECTION');
  form.set('caseNumber', '云住建罚〔2026〕PB' + Date.now());
  form.set('deviceNumber', 'PB-' + Date.now());
  form.set('officers', 'officer1');
  form.set('unit', unit);
  form.set('startedAt', `${yesterday}T10:00:00+08:00`);
  form.set('endedAt', `${yesterday}T10:00:03+08:00`);
  form.set('file', new Blob([wav(3)], { type: 'audio/wav' }), 'clip.wav');
  const uploaded = await rest('officer1', 'POST', '/api/recordings', form);
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
  const recordingId = uploaded.body.id;

  // the cycle's timer fires (here at once, by the administrator, as the job executor would on the 1st)
  const timers = await rest('admin', 'GET', '/engine-rest/job?processDefinitionKey=recording-playback-check&timers=true');
  assert.equal(timers.body.length, 1);
  assert.equal((await rest('admin', 'POST', `/engine-rest/job/${timers.body[0].id}/execute`)).status, 204);
  const tasks = (await rest('head1', 'GET', '/engine-rest/task?processDefinitionKey=recording-playback-check&taskDefinitionKey=Task_PlaybackCheck')).body;
  let task;
  for (const t of tasks) {
    const v = await rest('head1', 'GET', `/engine-rest/task/${t.id}/variables/playbackRecordingId`);
    if (v.body?.value === recordingId) task = t;
  }
  assert.ok(task, 'the recording of the unit is sampled');
  assert.match(task.name, /^回放检查：/);
  assert.equal((await rest('head1', 'POST', `/engine-rest/task/${task.id}/claim`, { userId: 'head1' })).status, 204);

  const page = await pageFor(browser);
  await login(page, 'head1');
  await openTask(page, task.id);
  const facts = page.locator('.fjs-form-field-textarea').filter({ hasText: '抽中的音像资料' }).locator('textarea');
  await facts.waitFor();
  assert.ok((await facts.inputValue()).includes(unit), 'the task shows the sampled recording');
  await fillForm(page, formSchema('recording-playback-check'), { playbackResult: 'PROBLEM' });
  await page.locator('.fjs-form-field-textarea').filter({ hasText: '存在的问题' }).locator('textarea')
    .fill('执法人员未表明身份；录像开始时未告知当事人正在录音录像');
  await screenshot(page, 'playback-check-task');
  await completeButton(page).click();
  await page.locator('.fjs-container').waitFor({ state: 'detached', timeout: 20000 });

  await page.goto(`${BASE}/playback-ledger.html`);
  await signIn(page, 'head1');
  await page.click('#show');
  const row = page.locator('tr.problem', { hasText: unit });
  await row.getByText('执法人员未表明身份', { exact: false }).waitFor();
  await screenshot(page, 'playback-ledger-finding');
  const csv = await rest('supervisor1', 'GET', '/api/playback-ledger/export');
  assert.equal(csv.status, 200);
  assert.ok(String(csv.body).includes(unit) && String(csv.body).includes('执法人员未表明身份'));
});
