// Managers and rule owners in Cockpit: running instances, timers, incidents, DMN tables and
// the decisions they took.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, pageFor, login, screenshot, rest, BASE } from '../lib/harness.mjs';

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
