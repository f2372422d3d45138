// Issue 16, the people's view: Chinese whatever the browser says (English selectable), no English
// words on the main pages of each role, yyyy-MM-dd dates, no 新建任务, the server's reason for a
// refused start form, and a hint beside a greyed-out 完成.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, screenshot, BASE, rest, restVariables, openTask, completeButton } from '../lib/harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A browser whose only language is the given one (navigator.languages and Accept-Language). */
async function pageIn(locale) {
  const context = await browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return page;
}

// Latin words that may stay: product names in the header and footer, file formats, the time zone's
// name, the language switch's own label. Codes with digits or hyphens (business keys, versions) are no words.
const ALLOWED = new Set(['Camunda', 'Platform', 'Cockpit', 'Tasklist', 'Admin', 'Welcome', 'Optimize', 'BPMN', 'DMN', 'DRD',
  'CSV', 'JSON', 'ID', 'Asia', 'Shanghai', 'English', 'UTC', 'GMT', 'EMS',
  // Cockpit's 键 column: the contract's process keys are identifiers, shown beside the Chinese name
  'disclosure']);

async function englishWords(page) {
  const text = await page.evaluate(() => document.body.innerText);
  const words = (text.match(/(?<![\w-])[A-Za-z]{2,}(?![\w-])/g) ?? []).filter((w) => !ALLOWED.has(w));
  return [...new Set(words)];
}

/** The page is rendered: its view is in place and none of its parts (Camunda's loaders, the dashboard's sections) still loads. */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.locator('.ctn-main:visible, .ctn-view:visible, .tasks-list:visible, [cam-tasks]:visible').first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('.loading, [loading-state="LOADING"], [loading-state="INITIAL"]'),
    null, { timeout: 20000 });
}

test('en-US 浏览器仍显示中文，可切换为英文 / an en-US browser gets Chinese; English can be chosen', async () => {
  const page = await pageIn('en-US');
  await login(page, 'officer1');
  await page.getByText('本组待办').first().waitFor();
  await settle(page);
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /发起流程/);
  assert.doesNotMatch(text, /Start process|Create task|It is time to migrate/);
  assert.equal(await page.locator('li.create-task-action:visible').count(), 0, '新建任务 is not offered');
  await screenshot(page, 'locale-en-US-browser-tasklist');

  await page.locator('.enf-locale-switch').click();
  await page.getByText('Start process').first().waitFor({ timeout: 20000 });
  await screenshot(page, 'locale-english-chosen');
  await page.locator('.enf-locale-switch').click();
  await page.getByText('发起流程').first().waitFor({ timeout: 20000 });
  await page.context().close();
});

const ROLES = [
  { user: 'officer1', apps: ['tasklist'] },
  { user: 'aux1', apps: ['tasklist'] },
  { user: 'head1', apps: ['tasklist', 'cockpit'] },
  { user: 'director1', apps: ['tasklist', 'cockpit'] },
  { user: 'supervisor1', apps: ['tasklist', 'cockpit'] },
  { user: 'rules1', apps: ['tasklist', 'cockpit'] },
];

// 人工任务 (#/tasks) is offered to those who may read all tasks (the managers), not to the rule owner
const COCKPIT_PAGES = ['#/dashboard', '#/processes', '#/decisions', '#/tasks', '#/deadline-board'];
const RULE_OWNER_PAGES = ['#/dashboard', '#/processes', '#/decisions', '#/deadline-board'];

for (const { user, apps } of ROLES) {
  test(`${user} 的主要页面没有英文 / no English words on ${user}'s main pages`, async () => {
    const found = {};
    for (const app of apps) {
      const page = await pageIn('en-US');
      await login(page, user, app);
      const pages = app !== 'cockpit' ? [''] : user === 'rules1' ? RULE_OWNER_PAGES : COCKPIT_PAGES;
      for (const hash of pages) {
        if (hash) await page.goto(`${BASE}/camunda/app/cockpit/default/${hash}`);
        await settle(page);
        const name = `locale-scan-${user}-${app}${hash.replace('#/', '-')}`;
        await screenshot(page, name);
        if (app === 'cockpit') {
          assert.equal(await page.locator('a[href="#/tasks"]:visible').count() > 0, user !== 'rules1', '人工任务 is offered to managers only');
        }
        const words = await englishWords(page);
        if (words.length) found[name] = words;
        const errors = await page.locator('.notifications .alert-danger, .page-notifications .alert-danger').allInnerTexts();
        if (errors.length) found[`${name} (error notification)`] = errors;
      }
      await page.context().close();
    }
    assert.deepEqual(found, {}, 'English words outside the allow-list, or an error notification');
  });
}

test('启动表单被服务端拒绝时，显示服务端的理由 / a start form refused by the server shows the server\'s reason', async () => {
  const page = await pageIn('zh-CN');
  await login(page, 'officer1');
  await page.getByText('发起流程').first().click();
  await page.locator('.modal .processes li a', { hasText: '文书送达' }).first().click();
  const modal = page.locator('.modal');
  await modal.locator('.fjs-container').waitFor({ timeout: 20000 });
  const field = (label) => modal.locator('.fjs-form-field').filter({ hasText: label }).first();
  await field('文书名称').locator('input').fill('行政处罚决定书');
  await field('受送达人').locator('input').fill('某商贸有限公司');
  await field('送达地址').locator('input').fill('云和县某路 1 号');
  await field('送达方式').locator('.fjs-input-group, input').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: '公告' }).first().click();
  await screenshot(page, 'refusal-start-form-filled');
  await modal.locator('button[ng-click="startProcessInstance()"]').click();
  // SVC-05: public notice only after other methods failed — the server says so, and the person reads it
  const alert = page.locator('.alert', { hasText: '流程发起失败' }).first();
  await alert.waitFor({ timeout: 20000 });
  // the alert opens before the server's reason is written into it: wait for the reason itself
  await alert.getByText(/公告送达须在其他方式均未能送达后采用/).waitFor({ timeout: 20000 });
  await screenshot(page, 'refusal-start-form-reason');
  assert.match(await alert.innerText(), /公告送达须在其他方式均未能送达后采用/);
  assert.doesNotMatch(await alert.innerText(), /Cannot instantiate/);
  await page.context().close();
});

test('“完成”为灰色时有提示，日期为 yyyy-MM-dd / a greyed-out 完成 says why; dates are yyyy-MM-dd', async () => {
  const started = await rest('legal1', 'POST', '/engine-rest/process-definition/key/disclosure/submit-form', {
    businessKey: `DIS-E2E-HINT-${Date.now()}`,
    variables: restVariables({ disclosureType: 'INSPECTION', caseNumber: '云建检〔2026〕3号', decisionNumber: '云建检〔2026〕3号',
      decidedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
      partyName: '某餐饮店', partyType: 'LEGAL_PERSON', disclosureSummary: '检查结果摘要' }),
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const tasks = await rest('records1', 'GET', `/engine-rest/task?processInstanceId=${started.body.id}`);
  const page = await pageIn('en-US');
  await login(page, 'records1');
  await page.getByText('本组待办').first().click();
  const listed = page.locator('li.task', { hasText: tasks.body[0].name }).first();
  await listed.waitFor({ timeout: 20000 });
  // the list shows dates, not "3 minutes ago"
  assert.match((await listed.locator('.creation-date [am-time-ago]').innerText()).trim(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await openTask(page, tasks.body[0].id);
  await settle(page);
  assert.ok(await completeButton(page).isDisabled(), '完成 is greyed out before the task is claimed');
  await page.locator('.enf-complete-hint').first().waitFor({ timeout: 5000 });
  assert.match(await page.locator('.enf-complete-hint').first().innerText(), /签收/);
  await screenshot(page, 'complete-hint-and-dates');
  await page.context().close();
});
