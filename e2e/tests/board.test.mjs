// Issue 16: managers see the unit's open tasks read-only (Tasklist 本单位待办, Cockpit 人工任务) and the
// deadline board inside Cockpit lists an overdue task and opens its instance.
//
// The overdue task is made by the engine's own means, no test-only path: a disclosure registered
// for a penalty decided on 2026-10-09 must be published within 7 working days of the decision
// (PUB-02), so its first task is already overdue when it is created.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, pageFor, login, screenshot, BASE, rest, restVariables } from '../lib/harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function lateDisclosure() {
  const businessKey = `DIS-E2E-LATE-${Date.now()}`;
  const started = await rest('legal1', 'POST', '/engine-rest/process-definition/key/disclosure/submit-form', {
    businessKey,
    variables: restVariables({ disclosureType: 'PENALTY', caseNumber: '云建罚〔2026〕9号', decisionNumber: '云建罚决〔2026〕9号',
      decidedOn: '2026-10-09', partyName: '某建材有限公司', partyType: 'LEGAL_PERSON', disclosureSummary: '处罚决定摘要' }),
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return { id: started.body.id, businessKey };
}

test('Cockpit 期限看板列出已逾期任务并可打开其流程实例 / the deadline board lists an overdue task and opens its instance', async () => {
  const late = await lateDisclosure();
  const page = await pageFor(browser);
  await login(page, 'supervisor1', 'cockpit');
  await page.locator('a[href="#/deadline-board"]').first().click();
  await page.locator('.enf-deadline-board').waitFor({ timeout: 20000 });
  const row = page.locator('tr.enf-board-task', { hasText: late.businessKey });
  await row.waitFor({ timeout: 20000 });
  assert.equal(await row.getAttribute('data-status'), 'OVERDUE');
  assert.match(await row.innerText(), /已逾期/);
  assert.match(await row.innerText(), /办公室\(档案\)/);
  await screenshot(page, 'board-supervisor1');

  // the counts filter the list: only overdue tasks
  await page.locator('.enf-board-totals a[data-status="OVERDUE"]').click();
  // the server selects the list: the page is re-rendered once the selection has arrived
  await page.locator('.enf-deadline-board[data-status="OVERDUE"]').waitFor({ timeout: 20000 });
  assert.ok(await page.locator('tr.enf-board-task', { hasText: late.businessKey }).isVisible());
  assert.equal(await page.locator('tr.enf-board-task:not([data-status="OVERDUE"])').count(), 0);
  await screenshot(page, 'board-supervisor1-overdue-only');

  await page.locator('tr.enf-board-task', { hasText: late.businessKey }).locator('a').first().click();
  await page.waitForURL(new RegExp(`#/process-instance/${late.id}`), { timeout: 20000 });
  // the instance view is complete once its diagram shows the waiting task's token count
  await page.locator('.djs-container .badge.instance-count').first().waitFor({ timeout: 20000 });
  await screenshot(page, 'board-supervisor1-instance');
  assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), []);
  await page.context().close();
});

test('期限看板只画出最后一次点击的选择，即使较早的回答后到 / the board draws the latest selection even when an earlier answer arrives later', async () => {
  await lateDisclosure();
  const page = await pageFor(browser);
  // every board answer the page has finished with: a task queued after the answer's JSON is read runs after
  // the board's own continuations (load, then render), which are microtasks of that read
  await page.addInitScript(() => {
    window.enfBoardAnswers = [];
    const json = Response.prototype.json;
    Response.prototype.json = async function () {
      const value = await json.call(this);
      if (this.url.includes('/api/deadlines/board')) setTimeout(() => window.enfBoardAnswers.push(this.url), 0);
      return value;
    };
  });
  await login(page, 'supervisor1', 'cockpit');
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/deadline-board`);
  await page.locator('.enf-deadline-board').waitFor({ timeout: 20000 });
  // the answer to the first click (已逾期) is held back until the second click (期限暂定) has been drawn
  let releaseOverdue;
  const overdueHeld = new Promise((resolve) => { releaseOverdue = resolve; });
  await page.route(/\/api\/deadlines\/board\?status=OVERDUE/, async (route) => { await overdueHeld; await route.continue(); });
  await page.locator('.enf-board-totals a[data-status="OVERDUE"]').click();
  await page.locator('.enf-board-totals a[data-status="PROVISIONAL"]').click();
  await page.locator('.enf-deadline-board[data-status="PROVISIONAL"]').waitFor({ timeout: 20000 });
  releaseOverdue();
  await page.waitForFunction(() => window.enfBoardAnswers.some((url) => url.includes('status=OVERDUE')), null, { timeout: 20000 });
  assert.equal(await page.locator('.enf-deadline-board').getAttribute('data-status'), 'PROVISIONAL',
    'the late answer to the earlier click does not replace the later selection');
  assert.deepEqual(page.consoleErrors.filter((e) => !/favicon/.test(e)), []);
  await page.context().close();
});

test('管理人员在 Tasklist 和 Cockpit 中只读查看本单位任务 / managers read the unit\'s tasks in Tasklist and Cockpit', async () => {
  const late = await lateDisclosure();
  for (const manager of ['supervisor1', 'head1']) {
    const page = await pageFor(browser);
    await login(page, manager);
    await page.getByText('本单位已逾期').first().click();
    const task = page.locator('.task', { hasText: '拟定公示内容' }).first();
    await task.waitFor({ timeout: 20000 });
    await task.click();
    await page.locator('.enf-readonly-note').waitFor({ timeout: 20000 });
    assert.ok(await page.locator('.enf-readonly-note').isVisible(), 'the task is marked read-only');
    assert.equal(await page.locator('button.claim:visible').count(), 0, `${manager} is not offered 签收`);
    await screenshot(page, `board-${manager}-tasklist-readonly`);
    const claim = await rest(manager, 'POST', `/engine-rest/task/${(await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${late.id}`)).body[0].id}/claim`, { userId: manager });
    assert.equal(claim.status, 403, `${manager} may not claim`);

    await page.context().close();
    const cockpit = await pageFor(browser);
    await login(cockpit, manager, 'cockpit');
    await cockpit.goto(`${BASE}/camunda/app/cockpit/default/#/tasks`);
    // the dashboard has loaded once its tables show counts (a refused count query would leave them empty)
    await cockpit.locator('.tasks-dashboard td', { hasText: /^\s*\d+\s*$/ }).first().waitFor({ timeout: 20000 });
    const errors = await cockpit.locator('.notifications .alert-danger, .page-notifications .alert-danger').allInnerTexts();
    assert.deepEqual(errors, [], `人工任务 opens for ${manager}`);
    await screenshot(cockpit, `board-${manager}-cockpit-human-tasks`);
    await cockpit.context().close();
  }
});
