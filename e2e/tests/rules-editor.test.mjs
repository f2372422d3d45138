// Issue 16: rule owners edit a rule table in the browser (/rules-editor.html) instead of a desktop
// Modeler plus a hand-attached CSV. RET-01 RET-05: the rule owner rules1 changes "6 months" to
// "1 year" in a cell of the bpmn.io DMN editor, the dry run (nothing deployed) marks the cases that
// now fail, the rule owner fixes those cases, deploys through the gate, and the active version then
// answers ONE_YEAR; the version history names rules1 and the changed cells. No English on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, pageFor, screenshot, BASE, rest } from '../lib/harness.mjs';

const KEY = 'retention-class';
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Words that may show although they are ASCII: the contract's codes and abbreviations (DAILY_PATROL,
// P6M, RET-01, YX …), rule ids, FEEL's literals, the contract's input and output names, user ids.
const NAMES = new Set(['activity', 'usedAsEvidence', 'involvesMoneyOrGoods', 'disputeOrComplaint', 'obstruction',
  'reviewOrLitigation', 'massIncidentOrEmergency', 'priorConflict', 'otherLongTermReason', 'retentionClass',
  'minimumRetention', 'longTermMedium', 'error', 'note', 'true', 'false', 'not', 'null', 'rules1', 'officer1']);

/** English words visible on the page (text, and the title/placeholder of visible elements). */
async function englishWords(page) {
  const texts = await page.evaluate(() => {
    const out = [document.body.innerText];
    for (const element of document.querySelectorAll('[title], [placeholder]')) {
      if (element.offsetParent === null) continue; // not shown
      if (element.closest('.bjs-powered-by')) continue; // the bpmn.io watermark, kept unchanged as its license asks
      out.push(element.getAttribute('title') || '', element.getAttribute('placeholder') || '');
    }
    for (const button of document.querySelectorAll('button, option, select')) {
      if (button.offsetParent !== null) out.push(button.textContent);
    }
    return out.join('\n');
  });
  const words = texts.match(/[A-Za-z][A-Za-z0-9_\-]*/g) ?? [];
  // element ids of the table's rules (Rule_08_MinorDaily, DecisionRule_1x2y…) are names, not words
  return [...new Set(words.filter(w => !/^[A-Z0-9_\-]+$/.test(w) && !/^(Decision)?Rule_\w+$/.test(w) && !NAMES.has(w)))];
}

function serious(errors) {
  // the vendored dmn-js bundle itself logs Inferno's development-build notice
  return errors.filter(e => !e.includes('development build of Inferno'));
}

async function openEditor(page, user) {
  await page.goto(`${BASE}/rules-editor.html`);
  await page.fill('#user', user);
  await page.fill('#password', 'demo');
  await page.click('#login');
}

/** Types into a cell of the dmn-js decision table (its contenteditable), replacing what it held. */
async function editCell(page, ruleId, columnId, text) {
  const cell = page.locator(`td[data-row-id="${ruleId}"][data-col-id="${columnId}"] [contenteditable]`);
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.locator('#dmn h2, section h2').first().click(); // leave the cell
  assert.equal((await cell.innerText()).trim(), text);
}

function caseRow(page, index) {
  return page.locator('#cases tbody tr').nth(index);
}

async function caseInput(page, index, column) {
  return caseRow(page, index).locator(`input[data-column="${column}"]`);
}

test('RET-01 RET-05 规则维护人员在浏览器中修改决策表：试运行标出不通过的用例，修改用例后部署，新版本给出新结果 / edit a cell, see the failing cases, fix them, deploy, see the new answer', async () => {
  const before = await rest('rules1', 'GET', `/api/rules/${KEY}`);
  assert.equal(before.status, 200, JSON.stringify(before.body));
  const version = before.body.version;

  const page = await pageFor(browser);
  await openEditor(page, 'rules1');
  await page.locator('#tableBar:not([hidden])').waitFor();
  await page.selectOption('#key', KEY);
  await page.click('#open');
  await page.locator('td[data-row-id="Rule_08_MinorDaily"][data-col-id="Output_RetentionClass"]').waitFor({ timeout: 20000 });
  assert.match(await page.locator('#opened').innerText(), new RegExp(`当前生效第 ${version} 版`));
  assert.match(await page.locator('.hit-policy').innerText(), /首条命中/);
  assert.deepEqual(await englishWords(page), [], 'no English words on the opened editor');
  await screenshot(page, 'rules-editor-opened');

  // the rule owner changes "6 months" to "1 year" for minor daily recordings (the agency alternative of RET-01)
  await editCell(page, 'Rule_08_MinorDaily', 'Output_RetentionClass', '"ONE_YEAR"');
  await editCell(page, 'Rule_08_MinorDaily', 'Output_MinimumRetention', '"P1Y"');

  // dry run: the cases that expect six months fail and are marked; nothing is deployed
  await page.click('#dryRun');
  await page.locator('#result.refused').waitFor();
  assert.match(await page.locator('#result').innerText(), /试运行（未部署）：\d+ 个用例中 2 个不通过/);
  const failing = page.locator('#cases tbody tr.failing');
  assert.equal(await failing.count(), 2);
  const failingIndexes = [];
  for (let i = 0; i < await page.locator('#cases tbody tr').count(); i++) {
    if (await caseRow(page, i).evaluate(tr => tr.classList.contains('failing'))) failingIndexes.push(i);
  }
  for (const index of failingIndexes) {
    assert.equal(await (await caseInput(page, index, 'retentionClass')).inputValue(), 'SIX_MONTHS');
    assert.match(await caseRow(page, index).locator('.status').innerText(), /不通过[\s\S]*实际得到：保存类别 = ONE_YEAR[\s\S]*Rule_08_MinorDaily/);
  }
  assert.equal((await rest('rules1', 'GET', `/api/rules/${KEY}`)).body.version, version, 'the dry run deployed nothing');
  assert.deepEqual(await englishWords(page), [], 'no English words after the dry run');
  await failing.first().scrollIntoViewIfNeeded();
  await page.locator('td[data-row-id="Rule_08_MinorDaily"][data-col-id="Output_RetentionClass"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'rules-editor-dry-run-failing');

  // deploying now is refused by the gate, the same rows marked
  await page.click('#deploy');
  await page.locator('#result.refused').filter({ hasText: '部署已拒绝' }).waitFor();
  assert.equal(await page.locator('#cases tbody tr.failing').count(), 2);
  assert.equal((await rest('rules1', 'GET', `/api/rules/${KEY}`)).body.version, version, 'the refused deployment made no version');
  assert.deepEqual(serious(page.consoleErrors).filter(e => !e.includes('400')), []);
  page.consoleErrors.length = 0; // the refusal's 400 was the point

  // the rule owner fixes the two cases: they now expect one year
  for (const index of failingIndexes) {
    await (await caseInput(page, index, 'retentionClass')).fill('ONE_YEAR');
    await (await caseInput(page, index, 'minimumRetention')).fill('P1Y');
  }
  await page.click('#dryRun');
  await page.locator('#result.done').waitFor();
  assert.match(await page.locator('#result').innerText(), /全部 \d+ 个用例通过/);
  assert.equal(await page.locator('#cases tbody tr.failing').count(), 0);

  // deploy: a new version through the gate
  await page.click('#deploy');
  await page.locator('#result.done').filter({ hasText: '已部署' }).waitFor();
  assert.match(await page.locator('#result').innerText(), new RegExp(`已部署第 ${version + 1} 版`));
  assert.match(await page.locator('#opened').innerText(), new RegExp(`当前生效第 ${version + 1} 版`));

  // the new version answers: a daily patrol without money or goods is now kept one year
  const patrolIndex = failingIndexes[0];
  assert.equal(await (await caseInput(page, patrolIndex, 'activity')).inputValue(), 'DAILY_PATROL');
  await caseRow(page, patrolIndex).locator('button.evaluate').click();
  await page.locator('#answer:not([hidden])').waitFor();
  assert.match(await page.locator('#answer').innerText(), new RegExp(`当前生效第 ${version + 1} 版的回答：保存类别 = ONE_YEAR，最短保存期限（ISO-8601） = P1Y`));

  // the version history: who, when, what changed
  const newest = page.locator(`#history tr[data-version="${version + 1}"]`);
  await newest.waitFor();
  const history = await newest.innerText();
  assert.match(history, /rules1/);
  assert.match(history, /规则编辑器/);
  assert.match(history, /第 8 条规则 结果“保存类别”："SIX_MONTHS" → "ONE_YEAR"/);
  assert.match(history, /第 8 条规则 结果“最短保存期限（ISO-8601）”："P6M" → "P1Y"/);
  assert.match(history, /用例：新增 2 行，删除 2 行/);
  assert.match(history, /\d{4}\/\d{1,2}\/\d{1,2}/);
  assert.deepEqual(await englishWords(page), [], 'no English words after the deployment');
  assert.deepEqual(serious(page.consoleErrors), []);
  await page.locator('#answer').scrollIntoViewIfNeeded();
  await page.locator('td[data-row-id="Rule_08_MinorDaily"][data-col-id="Output_RetentionClass"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'rules-editor-deployed');

  // the engine answers so too (a business rule task binding latest would get the same)
  const evaluated = await rest('rules1', 'POST', `/engine-rest/decision-definition/key/${KEY}/evaluate`, {
    variables: Object.fromEntries([['activity', { value: 'DAILY_PATROL', type: 'String' }],
      ...['usedAsEvidence', 'involvesMoneyOrGoods', 'disputeOrComplaint', 'obstruction', 'reviewOrLitigation',
        'massIncidentOrEmergency', 'priorConflict', 'otherLongTermReason'].map(n => [n, { value: false, type: 'Boolean' }])]),
  });
  assert.equal(evaluated.status, 200, JSON.stringify(evaluated.body));
  assert.equal(evaluated.body[0].retentionClass.value, 'ONE_YEAR');
  await page.close();

  // other browser tests share this application: the shipped table and cases go back in as the next version
  const restored = await rest('rules1', 'POST', `/api/rules/${KEY}/deploy`, { table: before.body.table, cases: before.body.cases });
  assert.equal(restored.status, 200, JSON.stringify(restored.body));
  assert.equal(restored.body.version, version + 2);
});

test('RET-05 另一个用户（执法人员）不能使用规则编辑器 / an officer cannot use the rule editor', async () => {
  const page = await pageFor(browser);
  await openEditor(page, 'officer1');
  await page.locator('#result.refused').waitFor();
  assert.match(await page.locator('#result').innerText(), /无法登录或无权使用：只有规则维护人员或管理员可以查看规则编辑器/);
  assert.ok(await page.locator('#tableBar').isHidden());
  assert.deepEqual(await englishWords(page), []);
  await screenshot(page, 'rules-editor-officer-refused');
  // nor by calling the API directly
  const table = await rest('rules1', 'GET', `/api/rules/${KEY}`);
  const deploy = await rest('officer1', 'POST', `/api/rules/${KEY}/deploy`, { table: table.body.table, cases: table.body.cases });
  assert.equal(deploy.status, 403);
  await page.close();
});
