// Evidence inside the case (issue 15): an officer uploads a recording from the activity-record task
// in Tasklist (音像资料 tab: drag and drop, progress bar, metadata prefilled from the task) and then
// finds it in the form's list 本次活动的音像资料; the approver of the decision sees the warnings the
// store computed at upload (here REC-02: an audio file where the activity needs audio and video);
// the case goes on to its archive, and the records office downloads the package and verifies it (REC-13).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { launchBrowser, pageFor, login, screenshot, rest, openTask, submitTask, findTask, restVariables, completeButton,
  BASE, ROOT, wav } from '../lib/harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * yyyy-MM-ddTHH:mm in Beijing time, about {@code minutesAgo} (at most 30) before now, but never
 * before today's Beijing midnight: the case is filed today (server date) and an activity may not
 * end before the filing (PER-06). Just after midnight every time moves forward by the same amount,
 * so a start stays before its end; in the first minute after midnight the caller waits (see below).
 */
function beijingInput(minutesAgo) {
  const beijingNow = Date.now() + 8 * 3600 * 1000;
  const sinceMidnight = Math.floor((beijingNow % 86400000) / 60000);
  const shift = Math.max(0, 30 - sinceMidnight);
  return new Date(beijingNow - Math.max(0, minutesAgo - shift) * 60000).toISOString().slice(0, 16);
}

/** Waits out the first minute after Beijing midnight, where no earlier minute of today exists. */
async function afterFirstMinuteOfTheDay() {
  const intoDay = (Date.now() + 8 * 3600 * 1000) % 86400000;
  if (intoDay < 61000) {
    await new Promise((resolve) => setTimeout(resolve, 61000 - intoDay));
  }
}

async function caseAtActivityRecord(caseNumber) {
  const party = `某建材有限公司-${Date.now()}`;
  const started = await rest('officer1', 'POST', '/engine-rest/process-definition/key/enforcement-case/submit-form', {
    variables: restVariables({ source: 'INSPECTION', partyName: party, partyType: 'LEGAL_PERSON',
      partyAddress: '云和县某路 1 号', cause: '未经许可擅自施工', clueDescription: '巡查发现工地未办理施工许可' }),
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const id = started.body.id;
  await submitTask('officer1', id, 'Task_ProposeFiling', { caseNumber, filingFacts: '现场照片', suspectedViolation: '《建筑法》第七条',
    filingOpinion: '建议立案' });
  await submitTask('head1', id, 'Task_ApproveFiling', { filingApproved: true, filingApprovalOpinion: '同意立案' });
  const assign = await findTask('head1', id, 'Task_AssignInvestigators');
  await rest('head1', 'POST', `/engine-rest/task/${assign.id}/claim`, { userId: 'head1' });
  const assigned = await rest('head1', 'POST', `/engine-rest/task/${assign.id}/submit-form`, { variables: {
    investigators: { value: JSON.stringify(['officer1', 'officer2']), type: 'Json' } } });
  assert.equal(assigned.status, 204, JSON.stringify(assigned.body));
  await submitTask('officer1', id, 'Task_PlanActivity', { activity: 'ONSITE_INSPECTION', exemption: 'NONE',
    affectsLibertyLifeOrMajorProperty: false });
  return { id, party };
}

test('执法人员在“记录调查取证活动”任务中上传音像资料，看到进度条并在表单列表中选中；审批人看到核查提示 / upload from the task, pick it in the form, the approver sees the warnings', async () => {
  const caseNumber = `云建罚〔${today.slice(0, 4)}〕E${Date.now() % 100000}号`;
  const { id, party } = await caseAtActivityRecord(caseNumber);
  const record = await findTask('officer1', id, 'Task_RecordActivity');
  assert.ok(record, 'the activity-record task is open');

  const page = await pageFor(browser);
  await login(page, 'officer1');
  await openTask(page, record.id);
  await page.getByText('音像资料', { exact: true }).first().click();
  const panel = page.locator('[data-evidence-panel]');
  await panel.waitFor({ timeout: 20000 });
  // prefilled from the task: case number, activity, officers, party
  assert.equal(await panel.locator('input[name="caseNumber"]').inputValue(), caseNumber);
  assert.equal(await panel.locator('select[name="activity"]').inputValue(), 'ONSITE_INSPECTION');
  assert.equal(await panel.locator('input[name="officers"]').inputValue(), 'officer1,officer2');
  assert.equal(await panel.locator('input[name="partyName"]').inputValue(), party);
  await panel.getByText('证据库中尚无本案的音像资料。').waitFor();

  // the server's refusal in Chinese: no device number, no times
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0, 1, 2])], 'bad.txt', { type: 'text/plain' }));
    document.querySelector('[data-evidence-drop]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
  });
  await panel.locator('[data-evidence-upload]').click();
  const refusal = panel.locator('[data-evidence-error]');
  await refusal.waitFor({ timeout: 20000 });
  // named as the panel labels it, so the officer finds the empty field
  assert.match(await refusal.innerText(), /服务器拒绝了上传：缺少字段 deviceNumber（执法记录仪编号）/);
  await refusal.scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-upload-refused');
  // that 400 was the point of this step; only what follows counts
  page.consoleErrors.length = 0;

  // drag and drop the real recording, with the recording's times
  await afterFirstMinuteOfTheDay();
  await panel.locator('input[name="deviceNumber"]').fill('DSJ-0042');
  await panel.locator('input[name="startedAt"]').fill(beijingInput(30));
  await panel.locator('input[name="endedAt"]').fill(beijingInput(29));
  const bytes = [...wav(2)];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], '现场检查录音.wav', { type: 'audio/wav' }));
    document.querySelector('[data-evidence-drop]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
  }, bytes);
  await panel.getByText('现场检查录音.wav').first().waitFor();
  await panel.locator('[data-evidence-upload]').click();
  const progress = panel.locator('[data-evidence-progress]');
  await progress.waitFor({ state: 'visible' });
  await panel.locator('[data-evidence-result] .ev-ok').waitFor({ timeout: 30000 });
  assert.equal(await progress.evaluate((p) => p.value), 100, 'the progress bar is full');
  const row = panel.locator('[data-recording-id]');
  await row.first().waitFor({ timeout: 20000 });
  assert.match(await row.first().innerText(), /现场检查\(勘验\)/);
  // REC-02 as staff read it: the Chinese sentence, no rule code, no English
  const uploadedText = await panel.locator('[data-evidence-result]').innerText();
  assert.match(uploadedText, /该执法活动要求.*上传的文件为音频文件/);
  assert.doesNotMatch(uploadedText, /MEDIA_MISMATCH|ONE_YEAR|SIX_MONTHS|WITH_CASE_FILE|LONG_TERM|the activity requires/);
  const recordingId = await row.first().getAttribute('data-recording-id');
  await panel.locator('[data-evidence-result]').scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-uploaded-in-task');

  // back in the form: the recording is in 本次活动的音像资料 (renewed from the store)
  await page.locator('.nav-tabs a, .tabs a, a').getByText('表单', { exact: true }).first().click();
  await page.locator('.fjs-container').first().waitFor({ timeout: 20000 });
  const list = page.locator('.fjs-form-field-checklist').filter({ hasText: '本次活动的音像资料' });
  await list.getByText('现场检查录音.wav', { exact: false }).first().waitFor({ timeout: 20000 });
  await list.scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-in-activity-form');
  assert.deepEqual(page.consoleErrors, [], 'console errors in the evidence panel');
  await page.context().close();

  // the rest of the way to the approval, as scripts would
  const recordTask = await findTask('officer1', id, 'Task_RecordActivity');
  await rest('officer1', 'POST', `/engine-rest/task/${recordTask.id}/claim`, { userId: 'officer1' });
  const endedAt = `${beijingInput(29)}:00+08:00`;
  const recorded = await rest('officer1', 'POST', `/engine-rest/task/${recordTask.id}/submit-form`, { variables: {
    ...restVariables({ credentialsShown: true, activityDate: today, activityEndedAt: endedAt, activityRecord: '现场检查笔录',
      moreActivities: false, recordingNoticeGiven: true }),
    activityOfficers: { value: JSON.stringify(['officer1', 'officer2']), type: 'Json' },
    activityRecordingIds: { value: JSON.stringify([recordingId]), type: 'Json' },
  } });
  assert.equal(recorded.status, 204, JSON.stringify(recorded.body));
  await submitTask('officer1', id, 'Task_NotifyRights', { rightsNoticeNumber: '云建告〔1〕号', intendedPenalty: '罚款五万元',
    hearingRightGranted: true, rightsNoticeServedOn: today });
  // CASE-03: "no hearing" inside the request window is the party's written waiver, recorded by an officer
  await submitTask('officer1', id, 'Task_RecordPartyResponse', { hearingRequested: false, partyStatement: '无异议',
    hearingWaiverDocument: '当事人书面放弃听证声明', hearingWaiverReceivedOn: today });
  await submitTask('officer1', id, 'Task_DraftDecision', { decisionSummary: '罚款五万元', decisionType: 'PENALTY',
    penaltyContent: '罚款五万元', legalBasis: '《建筑法》第六十四条', evidenceList: '笔录、音像资料', factorsConsidered: '首次违法',
    majorPublicInterest: false, majorRightsAfterHearing: false, complexOrMultipleRelations: false, requiredByLaw: false,
    complexCase: false, serviceMethod: 'DIRECT', complianceDays: 15 });
  const approval = await findTask('director1', id, 'Task_ApproveDecision');
  assert.ok(approval, 'the decision waits for the director');

  const reviewer = await pageFor(browser);
  await login(reviewer, 'director1');
  await openTask(reviewer, approval.id);
  const warnings = reviewer.locator('.fjs-container').getByText('上传的文件为音频', { exact: false }).first();
  await warnings.waitFor({ timeout: 20000 });
  await screenshot(reviewer, 'evidence-warnings-for-approver');
  await reviewer.getByText('音像资料', { exact: true }).first().click();
  await reviewer.locator('[data-recording-id] .ev-warn').getByText('上传的文件为音频', { exact: false }).first().waitFor({ timeout: 20000 });
  assert.doesNotMatch(await reviewer.locator('[data-evidence-panel]').innerText(), /MEDIA_MISMATCH|REC-02/);
  await screenshot(reviewer, 'evidence-panel-for-approver');
  assert.deepEqual(reviewer.consoleErrors, [], 'console errors for the approver');
  await reviewer.context().close();

  // REC-13: approved, served, complied, closed (as scripts would); the records office archives in Tasklist
  await submitTask('director1', id, 'Task_ApproveDecision', { decisionApproved: true, decisionNumber: `云建罚决〔${today.slice(0, 4)}〕E号`,
    approvalOpinion: '同意' });
  await submitTask('officer1', id, 'Task_ServeDirectly', { served: true, receiptSignedBy: '张三', signerRelation: 'RECIPIENT',
    serviceDate: today, servedBy: 'officer1' });
  await submitTask('officer1', id, 'Task_CheckCompliance', { complied: true, complianceRecord: '已缴纳罚款' });
  await submitTask('head1', id, 'Task_CloseCase', { closureReason: 'EXECUTED', closureReport: '结案报告' });
  const archiveTask = await findTask('records1', id, 'Task_ArchiveCase');
  assert.ok(archiveTask, 'the archiving waits for the records office');

  const records = await pageFor(browser);
  await login(records, 'records1');
  await openTask(records, archiveTask.id);
  await records.locator('button.claim:visible').click(); // 签收
  await records.locator('button.claim:visible').waitFor({ state: 'detached', timeout: 20000 });
  const archived = records.locator('.fjs-form-field-checklist').filter({ hasText: '随卷归档的音像资料' });
  await archived.getByText('现场检查录音.wav', { exact: false }).first().click();
  await records.locator('.fjs-form-field-textfield').filter({ hasText: '档案号' }).locator('input').fill(`A-${Date.now() % 100000}`);
  await screenshot(records, 'archive-task-form');
  // the case file link, from the task's 音像资料 tab
  await records.getByText('音像资料', { exact: true }).first().click();
  const caseFileHref = await records.locator('[data-case-file-link]').getAttribute('href');
  assert.ok(caseFileHref.startsWith('/api/cases/'), caseFileHref);
  await records.locator('.nav-tabs a, .tabs a, a').getByText('表单', { exact: true }).first().click();
  await records.locator('.fjs-container').first().waitFor({ timeout: 20000 });
  await archived.getByText('现场检查录音.wav', { exact: false }).first().waitFor();
  // the tab switch re-renders the form from the task: pick again what the new rendering shows unpicked
  if (!(await archived.locator('input[type="checkbox"]').first().isChecked())) {
    await archived.locator('input[type="checkbox"]').first().check();
  }
  const number = records.locator('.fjs-form-field-textfield').filter({ hasText: '档案号' }).locator('input');
  if (!(await number.inputValue())) await number.fill(`A-${Date.now() % 100000}`);
  await completeButton(records).click();
  // completed: Tasklist closes the form, and the task is gone
  await records.locator('.fjs-container').first().waitFor({ state: 'detached', timeout: 30000 });
  assert.equal(await findTask('records1', id, 'Task_ArchiveCase'), undefined, 'the archiving task is completed');

  // the case file shows the archive package; records1 downloads it and it verifies offline (verify/Verify.java)
  await records.goto(`${BASE}${caseFileHref}`);
  const link = records.locator('[data-archive-link]');
  await link.waitFor({ timeout: 20000 });
  await records.screenshot({ path: join(ROOT, 'e2e', 'screenshots', 'case-file-archived.png') }); // the top: the link and the record's start
  const [download] = await Promise.all([records.waitForEvent('download'), link.click()]);
  const zip = join(mkdtempSync(join(tmpdir(), 'archive-')), 'package.zip');
  await download.saveAs(zip);
  const verified = spawnSync('java', [join(ROOT, 'verify', 'Verify.java'), zip], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /VERIFIED: \d+ items match the manifest/);
  assert.match(verified.stdout, new RegExp(caseNumber.replace(/[〔〕()]/g, '.')));
  assert.deepEqual(records.consoleErrors, [], 'console errors for the records office');
  await records.context().close();
});
