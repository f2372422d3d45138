// Driver of e2e/cluster.sh. Phase "cluster": timers, uploads and form submissions through two nodes
// on one database; asserts no job ran twice (side effects counted), no 5xx, the audit chain
// verifies, both serve Tasklist. Phase "restored": the app started on a restored backup; every
// recording's digest and the audit chain verify. Exits non-zero on the first failed assertion.
import { readFileSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const [phase, ...bases] = process.argv.slice(2);
const clip = readFileSync(new URL('../src/test/resources/evidence-test/clip.mp4', import.meta.url));
const serverErrors = [];
const auth = (user) => 'Basic ' + Buffer.from(`${user}:demo`).toString('base64');

async function call(base, method, path, user, body, headers = {}) {
  const options = { method, headers: { ...headers }, redirect: 'manual' };
  if (user) options.headers.Authorization = auth(user);
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) { options.body = JSON.stringify(body); options.headers['Content-Type'] = 'application/json'; }
  const response = await fetch(base + path, options);
  const text = await response.text();
  if (response.status >= 500) serverErrors.push(`${response.status} ${method} ${base}${path}: ${text.slice(0, 300)}`);
  let json = null;
  try { json = JSON.parse(text); } catch { /* HTML or empty */ }
  return { status: response.status, json, text, headers: response.headers };
}

async function ok(base, method, path, user, body) {
  const answer = await call(base, method, path, user, body);
  assert.ok(answer.status >= 200 && answer.status < 300, `${method} ${base}${path} as ${user}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.json;
}

const camundaDate = (date) => date.toISOString().replace('Z', '+0000');
const beijing = (date) => new Date(date.getTime() + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';

async function upload(base, caseNumber) {
  const end = new Date(Date.now() - 60e3);
  const form = new FormData();
  const fields = { activity: 'ONSITE_INSPECTION', caseNumber, deviceNumber: 'DSJ-0042', officers: 'officer1,officer2',
    partyName: '某某建筑公司', startedAt: beijing(new Date(end.getTime() - 3000)), endedAt: beijing(end) };
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([clip], { type: 'video/mp4' }), 'clip.mp4');
  const answer = await call(base, 'POST', '/api/recordings', 'officer1', form);
  assert.equal(answer.status, 201, `upload through ${base}: ${answer.text.slice(0, 300)}`);
  return answer.json;
}

async function until(what, check, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function verifyAudit(base) {
  const verify = await ok(base, 'GET', '/api/audit/verify', 'admin');
  assert.equal(verify.valid, true, `audit chain on ${base}: ${JSON.stringify(verify)}`);
  return verify;
}

async function cluster([a, b]) {
  const nodes = [a, b];
  const run = Date.now().toString(36);
  const timers = Number(process.env.CLUSTER_TIMERS ?? 40);
  // 1. timers: recording-upload-deadline instances whose deadline passes in a few seconds, started
  //    alternately on both nodes; both job executors then race for the due timers
  const due = camundaDate(new Date(Date.now() + 8000));
  const instances = [];
  await Promise.all(Array.from({ length: timers }, async (_, i) => {
    const started = await ok(nodes[i % 2], 'POST', '/engine-rest/process-definition/key/recording-upload-deadline/start', 'admin', {
      businessKey: `CL-${run}-${i}`,
      variables: { caseNumber: { value: `集群测试〔${run}〕${i}号` }, activity: { value: 'ONSITE_INSPECTION' },
        uploadDeadline: { value: due, type: 'Date' } },
    });
    instances.push(started.id);
  }));
  // 2. uploads through both nodes while the timers come due
  const recordings = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(nodes[i % 2], `集群上传〔${run}〕${i}号`)));
  // 3. form submissions: legal reviews started through the start form on both nodes, and one refused
  for (let i = 0; i < 4; i++) {
    await ok(nodes[i % 2], 'POST', '/engine-rest/process-definition/key/legal-review/submit-form', 'head1', {
      businessKey: `LR-${run}-${i}`, variables: { subject: { value: '对某公司违法建设作出拆除决定' },
        investigators: { value: 'officer1,officer2' }, reviewMaterials: { value: '案卷一册' } } });
  }
  const refused = await call(b, 'POST', '/engine-rest/process-definition/key/legal-review/submit-form', 'head1', { variables: {} });
  assert.equal(refused.status, 400, `an incomplete start form is a 400: ${refused.text}`);

  // every timer fired: no job of these instances left
  const key = 'processDefinitionKey=recording-upload-deadline';
  await until('the timers to fire on the two nodes', async () => {
    const jobs = await ok(a, 'GET', `/engine-rest/job/count?${key}`, 'admin');
    return jobs.count === 0;
  });
  // side effects, counted: each instance reached its warning task once, and wrote one audit entry
  const reached = await ok(a, 'GET', `/engine-rest/history/activity-instance?activityId=Task_ReviewLateUpload&${key}&maxResults=10000`, 'admin');
  const perInstance = new Map();
  for (const activity of reached.filter((x) => instances.includes(x.processInstanceId))) {
    perInstance.set(activity.processInstanceId, (perInstance.get(activity.processInstanceId) ?? 0) + 1);
  }
  assert.equal(perInstance.size, timers, 'every instance reached its warning task');
  assert.deepEqual([...new Set(perInstance.values())], [1], 'no instance reached its warning task twice');
  const successes = await ok(a, 'GET', `/engine-rest/history/job-log?successLog=true&${key}&maxResults=10000`, 'admin');
  const perJob = new Map();
  for (const log of successes.filter((x) => instances.includes(x.processInstanceId))) {
    perJob.set(log.jobId, (perJob.get(log.jobId) ?? 0) + 1);
  }
  assert.equal(perJob.size, timers, 'one successful timer job per instance');
  assert.deepEqual([...new Set(perJob.values())], [1], 'no job succeeded twice');
  const byNode = {};
  for (const log of successes.filter((x) => instances.includes(x.processInstanceId))) byNode[log.hostname] = (byNode[log.hostname] ?? 0) + 1;
  const day = (offset) => new Date(Date.now() + offset * 86400e3).toISOString().slice(0, 10);
  const audit = await ok(a, 'GET', `/api/audit?from=${day(-2)}&to=${day(2)}`, 'admin');
  const targets = new Set(instances.map((id) => `process-instance/${id}`));
  const overdue = audit.filter((e) => targets.has(e.target) && e.action === 'DEADLINE_OVERDUE');
  assert.equal(overdue.length, timers, `one audit entry per fired timer (found ${overdue.length})`);

  // the warning tasks, completed through their form on the node that did not start them
  const tasks = await ok(a, 'GET', `/engine-rest/task?${key}&maxResults=10000`, 'admin');
  const ours = tasks.filter((t) => instances.includes(t.processInstanceId)).slice(0, 6);
  for (const [i, task] of ours.entries()) {
    const node = nodes[(i + 1) % 2];
    await ok(node, 'POST', `/engine-rest/task/${task.id}/claim`, 'head1', { userId: 'head1' });
    if (i === 0) {
      const empty = await call(node, 'POST', `/engine-rest/task/${task.id}/submit-form`, 'head1', { variables: {} });
      assert.equal(empty.status, 400, `a warning task submitted without its explanation is a 400: ${empty.text}`);
    }
    await ok(node, 'POST', `/engine-rest/task/${task.id}/submit-form`, 'head1', { variables: { explanation: { value: '已督促执法人员补传' } } });
  }

  // both nodes serve Tasklist: the page, its login, its REST API; the session lives on one node
  const sessions = [];
  for (const node of nodes) {
    // a cookie jar as the browser keeps it: the page's GET sets the session and the CSRF token
    const jar = new Map();
    const keep = (response) => {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    };
    const cookies = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const pageResponse = await fetch(`${node}/camunda/app/tasklist/default/`);
    keep(pageResponse);
    const page = await pageResponse.text();
    assert.equal(pageResponse.status, 200, `Tasklist page on ${node}`);
    assert.match(page, /tasklist/i);
    const probe = await fetch(`${node}/camunda/api/engine/engine/`, { headers: { Cookie: cookies() } });
    keep(probe);
    const login = await fetch(`${node}/camunda/api/admin/auth/user/default/login/tasklist`, {
      method: 'POST', body: 'username=head1&password=demo',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies(), 'X-XSRF-TOKEN': jar.get('XSRF-TOKEN') ?? '' } });
    keep(login);
    assert.equal(login.status, 200, `Tasklist login on ${node}: ${await login.text()}`);
    const cookie = cookies();
    const count = await call(node, 'GET', '/camunda/api/engine/engine/default/task/count', null, undefined, { Cookie: cookie });
    assert.equal(count.status, 200, `Tasklist's API on ${node} with its session`);
    const rest = await ok(node, 'GET', '/engine-rest/task?maxResults=15', 'head1');
    assert.ok(Array.isArray(rest));
    sessions.push(cookie);
  }
  const foreign = await call(b, 'GET', '/camunda/api/engine/engine/default/task/count', null, undefined, { Cookie: sessions[0] });
  assert.equal(foreign.status, 401, 'a webapp session is held in memory by the node that made it (sticky sessions)');

  // the operator's metrics (docs/operations.md "Metrics"), per node: both executors worked off the
  // timers between them; the models were deployed (and the rule gate ran) by one node only
  const metrics = [];
  for (const node of nodes) {
    const text = (await call(node, 'GET', '/actuator/prometheus', 'admin')).text;
    const sample = (name) => Number((text.match(new RegExp(`^${name} (\\S+)$`, 'm')) ?? [])[1] ?? NaN);
    metrics.push({ jobs: sample('camunda_job_successful_total'), gate: sample('enforcement_rule_gate_runs_total') });
  }
  assert.ok(metrics[0].jobs + metrics[1].jobs >= timers, `job executions by node ${JSON.stringify(metrics)}`);
  assert.equal(metrics.filter((m) => m.gate > 0).length, 1, `the rule gate ran on one node only: ${JSON.stringify(metrics)}`);

  for (const node of nodes) await verifyAudit(node);
  assert.deepEqual(serverErrors, [], 'no 5xx answer');
  writeFileSync(process.env.CLUSTER_STATE ?? '/dev/null', JSON.stringify({ recordings: recordings.map((r) => r.id) }));
  console.log(`cluster: ${timers} timers fired once each (successful job executions by node: ${JSON.stringify(byNode)}; metrics ${JSON.stringify(metrics)}), `
    + `${recordings.length} uploads, 4 start forms + ${ours.length} task forms, 2 refusals (400), no 5xx, audit chain valid on both nodes`);
}

async function restored([base]) {
  const { recordings } = JSON.parse(readFileSync(process.env.CLUSTER_STATE, 'utf8'));
  const verify = await verifyAudit(base);
  let checked = 0;
  for (const id of recordings) {
    const meta = await ok(base, 'GET', `/api/recordings/${id}`, 'officer1');
    // the content is served only after the server re-hashed the original against its stored digests
    const content = await fetch(`${base}/api/recordings/${id}/content`, { headers: { Authorization: auth('officer1') } });
    assert.equal(content.status, 200, `content of ${id} from the restored store`);
    const digest = content.headers.get('digest');
    assert.equal(digest, 'sha-256=' + Buffer.from(meta.sha256, 'hex').toString('base64'), `Digest of ${id}`);
    await content.arrayBuffer();
    checked++;
  }
  assert.deepEqual(serverErrors, [], 'no 5xx answer');
  console.log(`restored: ${checked} recordings re-hashed by the server and served, audit chain valid (${verify.rows} rows, head ${verify.lastSeq})`);
}

try {
  await (phase === 'cluster' ? cluster(bases) : restored(bases));
} catch (error) {
  console.error(error.message ?? error);
  if (serverErrors.length) console.error('5xx answers:\n' + serverErrors.join('\n'));
  process.exit(1);
}
