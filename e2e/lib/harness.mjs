// Shared by the browser tests: the running app (E2E_BASE_URL, started by run.sh), Debian's
// chromium driven by playwright-core, logins, REST calls as the demo users, screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
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

/** Logs into a webapp (tasklist, cockpit, admin) through its own login form. */
export async function login(page, user, app = 'tasklist') {
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  await page.locator('form[name="signinForm"] input[type="text"]').fill(user);
  await page.locator('form[name="signinForm"] input[type="password"]').fill(PASSWORD);
  await page.locator('form[name="signinForm"] button[type="submit"]').click();
  await page.locator('form[name="signinForm"]').waitFor({ state: 'detached', timeout: 20000 });
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
