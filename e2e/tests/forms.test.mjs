// Every form in forms/ opens in Tasklist and renders without a console error, found generically:
// a new form is covered without new test code. Each form is shown on a task of a throwaway
// process that only references it, so the form is seen as staff see it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, pageFor, login, openTask, screenshot, rest, completeButton } from '../lib/harness.mjs';

const forms = readdirSync(join(ROOT, 'forms')).filter((f) => f.endsWith('.form')).sort()
  .map((file) => ({ file, schema: JSON.parse(readFileSync(join(ROOT, 'forms', file), 'utf8')) }));

let browser;
let deploymentId;
const taskByForm = new Map();

function showcaseProcess(formIds) {
  const tasks = formIds.map((id, i) => `
    <bpmn:sequenceFlow id="Flow_${i}" sourceRef="Gateway_Split" targetRef="Task_${i}"/>
    <bpmn:userTask id="Task_${i}" name="${id}" camunda:formRef="${id}" camunda:formRefBinding="latest" camunda:assignee="admin"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    id="Definitions_E2eForms" targetNamespace="http://bureau.example/e2e">
  <bpmn:process id="e2e-form-showcase" name="表单展示(测试)" isExecutable="true" camunda:historyTimeToLive="1">
    <bpmn:startEvent id="Event_Start"/>
    <bpmn:sequenceFlow id="Flow_Start" sourceRef="Event_Start" targetRef="Gateway_Split"/>
    <bpmn:parallelGateway id="Gateway_Split"/>${tasks}
  </bpmn:process>
</bpmn:definitions>`;
}

before(async () => {
  assert.ok(forms.length > 0, 'forms/ has no forms');
  const ids = forms.map((f) => f.schema.id);
  const body = new FormData();
  body.append('deployment-name', 'e2e-form-showcase');
  body.append('showcase.bpmn', new Blob([showcaseProcess(ids)], { type: 'application/xml' }), 'showcase.bpmn');
  const deployed = await rest('admin', 'POST', '/engine-rest/deployment/create', body);
  assert.equal(deployed.status, 200, JSON.stringify(deployed.body));
  deploymentId = deployed.body.id;
  const started = await rest('admin', 'POST', '/engine-rest/process-definition/key/e2e-form-showcase/start', {});
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const tasks = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${started.body.id}`);
  for (const task of tasks.body) taskByForm.set(task.name, task.id);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (deploymentId) await rest('admin', 'DELETE', `/engine-rest/deployment/${deploymentId}?cascade=true`);
});

for (const { file, schema } of forms) {
  test(`表单 ${file} 在 Tasklist 中正常显示 / renders without console errors`, async () => {
    const page = await pageFor(browser);
    await login(page, 'admin');
    await openTask(page, taskByForm.get(schema.id));
    const labels = await page.locator('.fjs-container label').allInnerTexts();
    // fields shown from the start: a field hidden by a condition appears only once it applies
    const expected = (function collect(components) {
      return components.filter((c) => !c.conditional?.hide)
        .flatMap((c) => [c.label, ...(c.components ? collect(c.components) : [])]).filter(Boolean);
    })(schema.components);
    if (expected.length > 0) {
      assert.ok(labels.length > 0, `${file} shows no field`);
    } else {
      // a confirmation form (only text: e.g. the date is the server's): it still shows what is confirmed
      const text = await page.locator('.fjs-container').first().innerText();
      assert.ok(text.trim().length > 0, `${file} shows nothing`);
    }
    for (const label of expected.slice(0, 3)) {
      assert.ok(labels.some((l) => l.includes(label)), `label ${label} not shown in ${file}: ${labels.join(' | ')}`);
    }
    await screenshot(page, `form-${file.replace('.form', '')}`);
    assert.deepEqual(page.consoleErrors, [], `console errors in ${file}`);
    await page.context().close();
  });
}

test('必填项未填时显示错误且不提交 / an empty required field shows the error and submits nothing', async () => {
  const withRequired = forms.find(({ schema }) => JSON.stringify(schema).includes('"required":true'));
  assert.ok(withRequired, 'no form has a required field');
  const taskId = taskByForm.get(withRequired.schema.id);
  const page = await pageFor(browser);
  await login(page, 'admin');
  await openTask(page, taskId);
  await completeButton(page).click();
  await page.locator('.fjs-form-field-error').first().waitFor({ timeout: 10000 });
  await screenshot(page, 'form-required-error');
  const task = await rest('admin', 'GET', `/engine-rest/task/${taskId}`);
  assert.equal(task.status, 200, 'the task must still exist');
  const variables = await rest('admin', 'GET', `/engine-rest/task/${taskId}/variables`);
  assert.deepEqual(Object.keys(variables.body), [], 'nothing may be submitted');
  await page.context().close();
});
