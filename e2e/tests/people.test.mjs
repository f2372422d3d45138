// Staff at work in Tasklist: an officer starts a case from its start form and the right people
// complete its steps in turn; auxiliary staff cannot see or complete a deciding task; the
// director completes a deliberation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, pageFor, login, screenshot, rest, BASE, fillForm, formSchema, openTask, completeButton,
  submitTask, findTask, restVariables } from '../lib/harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function completeInTasklist(user, task, values, shot) {
  const page = await pageFor(browser);
  await login(page, user);
  await openTask(page, task.id);
  if (!task.assignee) {
    await page.locator('.task-card, body').getByText('签收', { exact: true }).first().click();
  }
  await fillForm(page, formSchema(task.camundaFormRef?.key), values);
  await screenshot(page, shot);
  await completeButton(page).click();
  try {
    await page.locator('.fjs-container').first().waitFor({ state: 'detached', timeout: 20000 });
  } finally {
    await screenshot(page, `${shot}-after`);
  }
  assert.deepEqual(page.consoleErrors, [], `console errors while ${user} completed ${task.taskDefinitionKey}`);
  await page.context().close();
}

test('执法人员从启动表单发起案件，相关人员依次办理 / an officer starts a case and the right users complete it in turn', async () => {
  const party = `某商贸有限公司-${Date.now()}`;
  const page = await pageFor(browser);
  await login(page, 'officer1');
  await page.getByText('本组待办').first().waitFor();
  await screenshot(page, 'tasklist-officer1-filters');
  await page.getByText('发起流程').first().click();
  await page.locator('.modal .processes li a', { hasText: '行政执法案件' }).first().click();
  await page.locator('.modal .fjs-container').waitFor({ timeout: 20000 });
  await fillForm(page, formSchema('case-start'), { source: 'INSPECTION', partyName: party, partyType: 'LEGAL_PERSON' });
  await screenshot(page, 'tasklist-officer1-start-case');
  await page.locator('.modal button[ng-click="startProcessInstance()"]').click();
  await page.locator('.modal').waitFor({ state: 'detached', timeout: 20000 });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();

  const instances = await rest('admin', 'GET',
    `/engine-rest/process-instance?processDefinitionKey=enforcement-case&variables=partyName_eq_${encodeURIComponent(party)}`);
  assert.equal(instances.body.length, 1, 'the case was started');
  const caseId = instances.body[0].id;

  const proposal = await findTask('officer1', caseId, 'Task_ProposeFiling');
  await completeInTasklist('officer1', proposal, { caseNumber: `云建罚〔2026〕${Date.now() % 1000}号` }, 'tasklist-officer1-propose-filing');

  const approval = await findTask('head1', caseId, 'Task_ApproveFiling');
  assert.ok(approval, 'the section head has the filing approval');
  // auxiliary staff neither see nor complete the approval
  const auxView = await rest('aux1', 'GET', `/engine-rest/task?processInstanceId=${caseId}`);
  assert.deepEqual(auxView.body.map((t) => t.taskDefinitionKey), []);
  const auxComplete = await rest('aux1', 'POST', `/engine-rest/task/${approval.id}/submit-form`,
    { variables: restVariables({ filingApproved: true, filingApprovalOpinion: '同意' }) });
  assert.equal(auxComplete.status, 403);
  const auxPage = await pageFor(browser);
  await login(auxPage, 'aux1');
  // the list Tasklist renders is the server's answer to the filter: wait for that answer (a positive
  // signal), check the approval is not in it, then that the page shows none of it
  const listed = auxPage.waitForResponse((r) => /\/filter\/[^/]+\/list/.test(r.url()) && r.request().method() === 'POST'
    && r.status() === 200);
  await auxPage.getByText('本组待办').first().click();
  const list = await (await listed).json();
  const listedIds = (list._embedded?.task ?? list._embedded?.tasks ?? []).map((t) => t.id);
  assert.ok(!listedIds.includes(approval.id), 'aux1 must not be given the approval');
  assert.equal(await auxPage.getByText(approval.name).count(), 0, 'aux1 must not see the approval');
  await screenshot(auxPage, 'tasklist-aux1-no-deciding-task');
  await auxPage.context().close();

  // PER-06: the form no longer asks for the filing date; the case is filed on the server's today (Asia/Shanghai),
  // and its 75/90-day periods are computed even where they reach a year without a notice (PER-05, provisional)
  await completeInTasklist('head1', approval, { filingApproved: true }, 'tasklist-head1-approve-filing');
  assert.ok(await findTask('head1', caseId, 'Task_AssignInvestigators'), 'after filing, investigators are assigned');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const filedOn = await rest('admin', 'GET', `/engine-rest/process-instance/${caseId}/variables/filedOn`);
  assert.equal(filedOn.body.value, today, 'filed on the server date of the approval');
  const warning = await rest('admin', 'GET', `/engine-rest/job?processInstanceId=${caseId}&timers=true`);
  assert.ok(warning.body.length >= 1 && warning.body.every((job) => job.dueDate), 'the 75-day warning timer has a due date');
});

test('局长在 Tasklist 中完成集体讨论决定 / the director completes a deliberation', async () => {
  const started = await rest('director1', 'POST', '/engine-rest/process-definition/key/major-decision/submit-form', {
    businessKey: `DEC-E2E-${Date.now()}`,
    variables: restVariables({ title: '城区占道经营管理办法', category: 'OTHER', proposedBy: 'DIRECTOR', outsideCatalogueReason: '年内须出台，未列入年度目录', proposer: '局长办公室',
      proposalSummary: '规范城区占道经营', leadUnit: '市容科' }),
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const id = started.body.id;
  await submitTask('officer1', id, 'Task_ResearchDraft', { draftPlan: '方案：划定临时摊区', draftExplanation: '必要、合法、可行',
    contested: false, confidential: true, confidentialityBasis: '涉及安保部署', franchiseGrantOrWithdrawal: false,
    majorLicenceOrPenaltyHearing: false, publicFeeOrPrice: false, normativeDocumentPublicInterest: false,
    majorPublicDisagreement: false, requiredByLaw: false });
  await submitTask('head1', id, 'Task_SelectExperts', { experts: ['expert1', 'expert2', 'expert3'], expertSelectionMethod: 'RANDOM',
    selectionNote: '随机抽取，含持不同意见专家', noConflictOfInterest: true });
  for (const expert of ['expert1', 'expert2', 'expert3']) {
    await submitTask(expert, id, 'Task_ExpertOpinion', { expertOpinion: `${expert}：方案可行`, signed: true });
  }
  for (let i = 0; i < 3; i++) {
    await submitTask('officer1', id, 'Task_HandleExpertOpinion', { expertOpinionClass: 'SUPPORT', expertAdopted: true });
  }
  await submitTask('deputy1', id, 'Task_ReviewDraft', { deputyApproved: true, deputyOpinion: '同意提交' });
  const findings = Object.fromEntries(['findingBody', 'findingOfficers', 'findingAuthority', 'findingFacts', 'findingEvidence',
    'findingLegalBasis', 'findingProcedure', 'findingDiscretion', 'findingDocuments'].map((k) => [k, 'CONFORMS']));
  await submitTask('legal1', id, 'Task_ReviewLegality', { reviewOutcome: 'PASS', reviewOpinion: '合法性审查意见',
    extensionRequested: false, findingCrimeReferral: 'NO_REFERRAL', ...findings });
  await submitTask('aux1', id, 'Task_PrepareMeeting', { meetingDate: '2026-11-10', meetingMaterials: '草案、说明、审查意见',
    assistedOfficer: 'officer1' });

  const deliberation = await findTask('director1', id, 'Task_Deliberate');
  assert.ok(deliberation, 'the deliberation is the director\'s');
  const auxTry = await rest('aux1', 'POST', `/engine-rest/task/${deliberation.id}/claim`, { userId: 'aux1' });
  assert.equal(auxTry.status, 403, 'aux1 may not take the deliberation');
  await completeInTasklist('director1', deliberation, { majorityView: 'APPROVE',
    deliberationOutcome: 'APPROVE', higherApprovalRequired: false }, 'tasklist-director1-deliberation');
  const after = await rest('admin', 'GET', `/engine-rest/history/activity-instance?processInstanceId=${id}&activityId=Task_Deliberate&finished=true`);
  assert.equal(after.body.length, 1, 'the deliberation is completed');
  assert.equal(after.body[0].assignee, 'director1');
});
