// Managers and rule owners in Cockpit: running instances, timers, incidents, DMN tables and
// the decisions they took.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, pageFor, login, screenshot, rest, BASE, submitTask, restVariables } from '../lib/harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const retentionFacts = {
  activity: 'DAILY_PATROL', usedAsEvidence: false, involvesMoneyOrGoods: false, disputeOrComplaint: false,
  obstruction: false, reviewOrLitigation: false, massIncidentOrEmergency: false, priorConflict: false,
  otherLongTermReason: false,
};

test('规则维护人员在 Cockpit 中查看决策表及其决策实例 / a rule owner sees a DMN table and its decision instances', async () => {
  const variables = Object.fromEntries(Object.entries(retentionFacts).map(([k, v]) => [k, { value: v }]));
  const evaluated = await rest('rules1', 'POST', '/engine-rest/decision-definition/key/retention-class/evaluate', { variables });
  assert.equal(evaluated.status, 200, JSON.stringify(evaluated.body));
  assert.equal(evaluated.body[0].retentionClass.value, 'SIX_MONTHS');
  const definition = await rest('rules1', 'GET', '/engine-rest/decision-definition/key/retention-class');

  const page = await pageFor(browser);
  await login(page, 'rules1', 'cockpit');
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/decisions`);
  await page.getByText(definition.body.name).first().waitFor({ timeout: 20000 });
  await screenshot(page, 'cockpit-rules1-decisions');

  await page.goto(`${BASE}/camunda/app/cockpit/default/#/decision-definition/${definition.body.id}`);
  // the table itself, rendered by dmn-js, with the rule owners' Chinese labels
  await page.locator('.tjs-container').first().waitFor({ timeout: 20000 });
  await page.getByText('保存类别', { exact: false }).first().waitFor({ timeout: 10000 });
  // and the decisions it took
  await page.locator('[cam-searchable-area] table tbody tr, .decision-instance-table tbody tr').first().waitFor({ timeout: 20000 });
  await screenshot(page, 'cockpit-rules1-decision-table');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('督察人员在 Cockpit 中查看运行中的实例、征求意见计时器和事件 / a supervisor sees running instances, the consultation timer and an incident', async () => {
  const started = await rest('director1', 'POST', '/engine-rest/process-definition/key/major-decision/submit-form', {
    businessKey: `DEC-COCKPIT-${Date.now()}`,
    variables: restVariables({ title: '城区停车收费调整方案', category: 'FEE_OR_PRICE', proposedBy: 'DIRECTOR', outsideCatalogueReason: '年内须出台，未列入年度目录',
      proposer: '局长办公室', proposalSummary: '调整城区停车收费', leadUnit: '市政科' }),
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const id = started.body.id;
  await submitTask('officer1', id, 'Task_ResearchDraft', { draftPlan: '方案：分时段收费', draftExplanation: '必要、合法、可行',
    contested: false, confidential: false, franchiseGrantOrWithdrawal: false, majorLicenceOrPenaltyHearing: false,
    publicFeeOrPrice: false, normativeDocumentPublicInterest: false, majorPublicDisagreement: false, requiredByLaw: false });
  await submitTask('head1', id, 'Task_SelectExperts', { experts: ['expert1', 'expert2', 'expert3'], expertSelectionMethod: 'RANDOM',
    selectionNote: '随机抽取', noConflictOfInterest: true });
  for (const expert of ['expert1', 'expert2', 'expert3']) {
    await submitTask(expert, id, 'Task_ExpertOpinion', { expertOpinion: `${expert}：可行`, signed: true });
  }
  for (let i = 0; i < 3; i++) {
    await submitTask('officer1', id, 'Task_HandleExpertOpinion', { expertOpinionClass: 'SUPPORT', expertAdopted: true });
  }
  // the consultation opens today: consultationStart is a planned day, not before the step (PER-06)
  const consultationStart = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // Beijing day
  await submitTask('head1', id, 'Task_PublishDraft', { consultationStart, consultationDays: 20,
    shortPeriodReason: '年底前须出台', submissionMethods: '信函、电子邮件', contactUnit: '市政科', contactAddress: '某路1号',
    contactPhone: '0735-0000000', contactEmail: 'sz@example.gov.cn', publicationChannel: '县政府门户网站' });
  const timers = await rest('admin', 'GET', `/engine-rest/job?processInstanceId=${id}&timers=true`);
  assert.equal(timers.body.length, 1, 'one consultation timer');
  const due = new Date(timers.body[0].dueDate);
  assert.ok(due.toISOString().endsWith('T16:00:00.000Z'), `24:00 of a day in Beijing, was ${due.toISOString()}`);
  assert.ok(due.getTime() >= Date.parse(`${consultationStart}T16:00:00Z`) + 20 * 86400 * 1000, 'at least 20 days after the start');
  // an incident on the waiting consultation, as the evidence fixity check raises one
  const tree = await rest('admin', 'GET', `/engine-rest/process-instance/${id}/activity-instances`);
  // the registration is inside the consultation sub-process (opinions can be registered until the timer fires)
  const flatten = (a) => [a, ...(a.childActivityInstances ?? []).flatMap(flatten)];
  const waiting = flatten(tree.body).find((a) => a.activityId === 'Task_RegisterOpinions');
  const incident = await rest('admin', 'POST', `/engine-rest/execution/${waiting.executionIds[0]}/create-incident`,
    { incidentType: 'fixityMismatch', configuration: 'e2e', message: '音像资料指纹校验不一致（测试）' });
  assert.equal(incident.status, 200, JSON.stringify(incident.body));

  const page = await pageFor(browser);
  await login(page, 'supervisor1', 'cockpit');
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/dashboard`);
  await page.getByText('运行中的流程实例', { exact: false }).first().waitFor({ timeout: 20000 });
  // the 期限看板 summary is the dashboard's last part to load (GET /api/deadlines/board?limit=0)
  await page.getByText(/已逾期 \d+ 件/).first().waitFor({ timeout: 20000 });
  await screenshot(page, 'cockpit-supervisor1-dashboard');
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-instance/${id}/runtime`);
  await page.getByText('作业', { exact: true }).first().click();
  // the consultation timer: due 24:00 of its last day in Beijing, shown as the next day's 00:00
  const shown = `${new Date(due.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)}T00:00:00`;
  await page.getByText(shown).first().waitFor({ timeout: 20000 });
  await page.getByText('征求意见期满').first().waitFor({ timeout: 20000 });
  await screenshot(page, 'cockpit-supervisor1-consultation-timer');
  await page.getByText('事件', { exact: true }).first().click();
  await page.getByText('音像资料指纹校验不一致', { exact: false }).first().waitFor({ timeout: 20000 });
  await screenshot(page, 'cockpit-supervisor1-incident');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
