// Shared by the browser tests: the running app (E2E_BASE_URL, started by run.sh), Debian's
// chromium driven by playwright-core, logins, REST calls as the demo users, screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = join(ROOT, 'e2e', 'screenshots');
const PASSWORD = 'demo';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh browser context (own cookies) for one user, with console errors collected. */
export async function pageFor(browser) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  // a failed resource shows in the console without its address; keep the address
  page.on('response', (response) => {
    if (response.status() >= 400) page.consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  return page;
}

/**
 * Logs into a webapp (tasklist, cockpit, admin) through its own login form. Typing can land
 * before AngularJS has bound the form, leaving its model empty; so the form must read as valid
 * before it is sent, and the whole login is tried again (at most three times) if it is not.
 */
export async function login(page, user, app = 'tasklist') {
  const form = page.locator('form[name="signinForm"]');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${BASE}/camunda/app/${app}/default/`, { timeout: 60000 });
      await form.locator('input[type="text"]').fill(user);
      await form.locator('input[type="password"]').fill(PASSWORD);
      await page.locator('form[name="signinForm"].ng-valid').waitFor({ timeout: 5000 });
      await form.locator('button[type="submit"]').click();
      await form.waitFor({ state: 'detached', timeout: 30000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  // the webapps probe the session with a 404 before the login; only what follows counts
  page.consoleErrors.length = 0;
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Calls the REST API as a demo user; answers { status, body }. */
export async function rest(user, method, path, body, headers = {}) {
  const init = {
    method,
    headers: { Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'), ...headers },
  };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`${BASE}${path}`, init);
  const text = await response.text();
  let parsed = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: response.status, body: parsed };
}

/** Opens a task in Tasklist and waits until its Camunda Form is rendered. */
export async function openTask(page, taskId) {
  await page.goto(`${BASE}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('.fjs-container').first().waitFor({ timeout: 20000 });
}

/** The Complete button of the open task form. */
export function completeButton(page) {
  return page.locator('button[ng-click="complete()"]');
}

/** The schema of a form in forms/, by its id. */
export function formSchema(id) {
  const file = join(ROOT, 'forms', readdirSyncCached().find((f) => JSON.parse(readFileSync(join(ROOT, 'forms', f), 'utf8')).id === id));
  return JSON.parse(readFileSync(file, 'utf8'));
}

let formFiles;
function readdirSyncCached() {
  formFiles ??= readdirSync(join(ROOT, 'forms')).filter((f) => f.endsWith('.form'));
  return formFiles;
}

/**
 * Fills the visible required fields of a rendered Camunda Form as a person would, driven by the
 * form's schema: text gets a Chinese sample, radios and selects their first option unless
 * {@code values} says otherwise, dates today in yyyy-MM-dd. Optional fields are filled only
 * when {@code values} names them.
 */
export async function fillForm(page, schema, values = {}) {
  const components = (function flatten(list) {
    return list.flatMap((c) => [c, ...(c.components ? flatten(c.components) : [])]);
  })(schema.components);
  for (const component of components) {
    if (!component.key || !component.label) continue;
    const wanted = values[component.key];
    if (wanted === undefined && !component.validate?.required) continue;
    const field = page.locator(`.fjs-form-field-${component.type}`).filter({ hasText: component.label }).first();
    if (!(await field.isVisible())) continue;
    switch (component.type) {
      case 'textfield':
      case 'textarea':
        await field.locator('input, textarea').first().fill(String(wanted ?? `${component.label}（测试）`));
        break;
      case 'number':
        await field.locator('input').first().fill(String(wanted ?? component.validate?.min ?? 1));
        break;
      case 'radio': {
        const value = wanted ?? component.values?.[0]?.value;
        const index = component.values.findIndex((v) => v.value === value);
        await field.locator('input[type="radio"]').nth(index).check();
        break;
      }
      case 'checkbox':
        if (wanted ?? true) await field.locator('input[type="checkbox"]').check();
        break;
      case 'select': {
        const value = wanted ?? component.values?.[0]?.value;
        const option = component.values.find((v) => v.value === value);
        await field.locator('.fjs-input-group, input').first().click();
        await page.locator('.fjs-dropdownlist-item', { hasText: option.label }).first().click();
        break;
      }
      case 'datetime': {
        const input = field.locator('input').first();
        await input.fill(String(wanted ?? new Date().toISOString().slice(0, 10)));
        await input.press('Enter');
        break;
      }
      default:
        break;
    }
  }
}

/** Engine REST variables from plain values: booleans, whole numbers as Long, the rest as text. */
export function restVariables(values) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => {
    if (typeof value === 'boolean') return [name, { value, type: 'Boolean' }];
    // a checklist (pick list) arrives as JSON, as Tasklist submits it
    if (Array.isArray(value)) return [name, { value: JSON.stringify(value), type: 'Json' }];
    if (Number.isInteger(value)) return [name, { value, type: 'Long' }];
    return [name, { value: String(value), type: 'String' }];
  }));
}

/** The open task of an instance (or of its called instances) with this definition key. */
export async function findTask(user, processInstanceId, taskKey) {
  const own = await rest(user, 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${taskKey}`);
  if (own.body?.length) return own.body[0];
  const sub = await rest('admin', 'GET', `/engine-rest/process-instance?superProcessInstance=${processInstanceId}`);
  for (const child of sub.body ?? []) {
    const task = await findTask(user, child.id, taskKey);
    if (task) return task;
  }
  return undefined;
}

/** Claims a task as {@code user} and submits its form through the REST API, as a script would. */
export async function submitTask(user, processInstanceId, taskKey, values) {
  const task = await findTask(user, processInstanceId, taskKey);
  if (!task) throw new Error(`no open task ${taskKey} for ${user}`);
  if (!task.assignee) {
    const claimed = await rest(user, 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
    if (claimed.status !== 204) throw new Error(`claim ${taskKey} as ${user}: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  }
  const submitted = await rest(user, 'POST', `/engine-rest/task/${task.id}/submit-form`, { variables: restVariables(values) });
  if (submitted.status !== 204) throw new Error(`submit ${taskKey} as ${user}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
}

/** A PCM WAV of {@code seconds} (8 kHz mono 16 bit, a 440 Hz tone), as bytes: real media made small in the test. */
export function wav(seconds) {
  const samples = 8000 * seconds;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0); buffer.writeUInt32LE(36 + samples * 2, 4); buffer.write('WAVE', 8);
  buffer.write('fmt ', 12); buffer.writeUInt32LE(16, 16); buffer.writeUInt16LE(1, 20); buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24); buffer.writeUInt32LE(16000, 28); buffer.writeUInt16LE(2, 32); buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36); buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buffer.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / 8000) * 8000), 44 + i * 2);
  return buffer;
}
