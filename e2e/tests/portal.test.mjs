// Issue #18: the public portal /public read as a citizen would, on a phone and on a desk, with an
// en-US browser (still Chinese), and a crawler that walks every portal link and asserts that no
// withdrawn or withheld item and no unmasked personal data appears anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, BASE, rest, restVariables, submitTask } from '../lib/harness.mjs';

let browser;
const run = Math.random().toString(36).slice(2, 8);
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const published = `云建罚决〔2026〕E${run}号`;
const revoked = `云建罚决〔2026〕R${run}号`;
const withheld = `云建罚决〔2026〕W${run}号`;
const person = '欧阳明' + run.slice(0, 1).toUpperCase();
const idNumber = '330123199001011234';
const advanceTitle = `行政处罚裁量基准（${run}）`;

async function startDisclosure(decisionNumber, partyName, partyType) {
  const caseNumber = `云建罚〔2026〕${decisionNumber}`;
  // started as the system would (a case's Task_StartDisclosure): legal1 reviews, so must not be the requester
  const started = await rest('admin', 'POST', '/engine-rest/process-definition/key/disclosure/submit-form', {
    businessKey: caseNumber,
    variables: restVariables({ disclosureType: 'PENALTY', caseNumber, decisionNumber, decidedOn: today, partyName, partyType,
      disclosureSummary: '罚款' }),
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return started.body.id;
}

async function prepareAndReview(pi, facts, extra = {}) {
  await submitTask('records1', pi, 'Task_PrepareDisclosure', { resultFacts: facts,
    resultBasis: '《城市市容和环境卫生管理条例》第三十六条', resultOutcome: '罚款五百元', contentExcluded: false, ...extra });
  await submitTask('legal1', pi, 'Task_ReviewDisclosure', { contentApproved: true, disclosureReviewOpinion: '同意',
    ...(extra.contentExcluded ? { exclusionReasonApproved: true } : {}) });
}

before(async () => {
  browser = await launchBrowser();
  // a natural person's penalty, published
  const a = await startDisclosure(published, person, 'NATURAL_PERSON');
  await prepareAndReview(a, `${person}（身份证号 ${idNumber}）在人行道上占道经营`);
  await submitTask('records1', a, 'Task_PublishResult', { publicationUrl: 'https://www.example.gov.cn/gs' });
  // one published, then revoked (PUB-05)
  const b = await startDisclosure(revoked, '某某建材有限公司', 'LEGAL_PERSON');
  await prepareAndReview(b, '违法建设');
  await submitTask('records1', b, 'Task_PublishResult', { publicationUrl: 'https://www.example.gov.cn/gs' });
  const message = await rest('admin', 'POST', '/engine-rest/message', { messageName: 'DecisionRevoked', processInstanceId: b,
    processVariables: { revocationType: { value: 'REVOKED' }, revocationExplanation: { value: '经行政复议撤销' } } });
  assert.ok(message.status < 300, JSON.stringify(message.body));
  // one withheld entirely (PUB-03)
  const c = await startDisclosure(withheld, '王小五', 'NATURAL_PERSON');
  await prepareAndReview(c, '涉及未成年人', { contentExcluded: true, exclusionGround: 'PRIVACY', exclusionReason: '未成年人个人信息',
    withheldEntirely: true });
  // advance disclosure: drafted by the office, approved by the legal unit (PUB-06, PUB-01)
  const adv = await rest('records1', 'POST', '/engine-rest/process-definition/key/advance-disclosure/submit-form', {
    variables: restVariables({ advanceSection: 'LEGAL_BASIS', advanceTitle, advanceAction: 'PUBLISH',
      advanceBody: '占道经营：首次违法的，责令限期改正；逾期不改正的，处五十元以上二百元以下罚款。' }),
  });
  assert.equal(adv.status, 200, JSON.stringify(adv.body));
  await submitTask('legal1', adv.body.id, 'Task_ReviewAdvance', { advanceApproved: true, advanceReviewOpinion: '同意' });
  // DEC-18: the director adopts (and thereby publishes) next year's catalogue
  const catalogue = await rest('director1', 'PUT', `/api/decision-catalogue/${Number(today.slice(0, 4)) + 1}`, {
    items: [{ title: `老城区停车收费调整（${run}）`, category: 'FEE_OR_PRICE' }, { title: '城区夜市设置规划', category: 'PLANNING' }] });
  assert.equal(catalogue.status, 200, JSON.stringify(catalogue.body));
});
after(async () => { await browser?.close(); });

async function pageIn(locale, viewport) {
  const context = await browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport, isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  return page;
}

test('PUB-06 PUB-07 手机上的 en-US 浏览器看到中文公示栏目：事前公开、按文号查询、结果分项、人员名单 / a phone with an en-US browser reads the Chinese portal', async () => {
  const page = await pageIn('en-US', { width: 390, height: 844 });
  const response = await page.goto(`${BASE}/public`);
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.getByRole('heading', { name: '执法依据及裁量基准' }).waitFor();
  const home = await page.evaluate(() => document.body.innerText);
  assert.match(home, /事前公开/);
  assert.ok(home.includes(advanceTitle), 'the approved advance disclosure is shown');
  assert.doesNotMatch(home, /\b(Search|Results|Not Found|Error)\b/);
  // the page fits the phone: nothing wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `horizontal overflow ${overflow}px`);
  await screenshot(page, 'portal-phone-home');

  await page.getByRole('link', { name: '执法结果公示' }).first().click();
  await page.getByRole('searchbox').fill(published);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('共 1 条').waitFor();
  await page.getByRole('link', { name: published }).click();
  await page.getByRole('heading', { name: '行政处罚结果公示' }).waitFor();
  const detail = await page.evaluate(() => document.body.innerText);
  for (const label of ['决定书文号', '当事人', '违法事实', '处罚依据', '处罚结果', '决定日期']) assert.ok(detail.includes(label), label);
  assert.ok(detail.includes('欧阳某'), 'the natural person is masked (compound family name kept)');
  assert.ok(!detail.includes(person) && !detail.includes(idNumber), 'no full name, no identity number');
  await screenshot(page, 'portal-phone-result');

  await page.getByRole('link', { name: '执法人员' }).first().click();
  await page.getByRole('heading', { name: '执法辅助人员名单' }).waitFor();
  const staff = await page.evaluate(() => document.body.innerText);
  assert.match(staff, /33112300005/);
  assert.match(staff, /YXFZ-2026-001/);
  await screenshot(page, 'portal-phone-staff');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('DEC-18 DEC-15 桌面浏览器：重大行政决策目录与结果 / the major-decision page on a desk', async () => {
  const page = await pageIn('en-US', { width: 1280, height: 900 });
  await page.goto(`${BASE}/public/decisions`);
  await page.getByRole('heading', { name: '年度重大行政决策事项目录' }).waitFor();
  await page.getByRole('heading', { name: '重大行政决策结果公开' }).waitFor();
  await page.getByText(`老城区停车收费调整（${run}）`).waitFor();
  assert.match(await page.evaluate(() => document.body.innerText), /收费与政府定价/);
  await screenshot(page, 'portal-desk-decisions');
  await page.goto(`${BASE}/public/results?q=${encodeURIComponent(published)}`);
  await screenshot(page, 'portal-desk-results');
  await page.context().close();
});

test('PUB-03 PUB-05 PUB-07 爬虫遍历公示栏目的每个链接：不出现撤下、不予公开或未隐去的个人信息 / a crawler walks every portal link', async () => {
  const page = await pageIn('zh-CN', { width: 1280, height: 900 });
  const start = [`${BASE}/public`, `${BASE}/public/results`, `${BASE}/public/staff`, `${BASE}/public/decisions`,
    ...[published, revoked, withheld, '欧', person].map((q) => `${BASE}/public/results?q=${encodeURIComponent(q)}`),
    `${BASE}/public/api/results`, `${BASE}/public/api/advance`, `${BASE}/public/api/officers`, `${BASE}/public/api/auxiliary-staff`,
    `${BASE}/public/api/decisions`, `${BASE}/public/api/results?q=${encodeURIComponent(revoked)}`];
  const seen = new Set();
  const queue = [...start];
  const forbidden = [revoked, withheld, person, idNumber, '王小五', '13812345678', 'aux1', '@bureau.example', 'Exception', 'org.camunda'];
  let detailPages = 0;
  while (queue.length && seen.size < 300) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    assert.equal(response.status(), 200, url);
    let text = url.includes('/api/') ? await response.text() : await page.content();
    // a search page repeats what was asked (the box, "查询…"); that is the visitor's own text, not the portal's data
    const asked = new URL(url).searchParams.get('q');
    if (asked) text = text.split(asked).join('');
    for (const word of forbidden) assert.ok(!text.includes(word), `${word} on ${url}`);
    if (/\/public\/results\/[0-9a-f]{24}$/.test(url)) detailPages++;
    if (url.includes('/api/')) continue;
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const link of links) {
      assert.ok(link.startsWith(`${BASE}/public`), `a portal page links only inside the portal: ${link} on ${url}`);
      if (!seen.has(link)) queue.push(link);
    }
  }
  assert.ok(detailPages >= 1, 'the crawler reached the published result');
  assert.ok(seen.size > 10, `pages walked: ${seen.size}`);
  await page.context().close();
});
