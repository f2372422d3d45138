// 网页应用的中文补充（issue 16）/ What the webapps' locale files do not reach, for every webapp.
//
// Loaded by each app's scripts/config.js through `customScripts` (the webapps' own extension
// mechanism: an ES module imported before the app starts). config.js chooses the language:
// Chinese unless the person chose English with the 中文/English switch this script adds
// (localStorage `enforcement.locale`), whatever the browser's language. Here:
//   - texts built into the bundled libraries, which have no locale files: form-js validation
//     messages and "Select"/"Search", the date picker (flatpickr) month and weekday names, the DMN
//     table viewer (Hit policy / When / And / Then …), engine messages that reach a notification
//     ("The user with id … does not have …", "Cannot submit task form …: ");
//   - dates as yyyy-MM-dd: form-js formats dates in the browser's locale format, which is asked for
//     as Intl.DateTimeFormat('default'); "3 minutes ago" in Tasklist's list becomes the date itself;
//   - the server's refusal text under 提交任务表单时发生错误 / 流程发起失败 when the notification has none;
//   - a hint beside a greyed-out 完成 button, and read-only tasks marked as such (no 签收 offered);
//   - actions nobody may take are not offered (新建任务), and the Camunda 8 migration banner is hidden.
// Nothing here decides anything: the server refuses what is not allowed whatever this script shows.

const LOCALE_KEY = 'enforcement.locale';
const english = (() => {
  try { return window.localStorage.getItem(LOCALE_KEY) === 'en'; } catch (e) { return false; }
})();

// ------------------------------------------------------------------ styles
const style = document.createElement('style');
style.textContent = `
  .ce-eol-banner { display: none !important; }
  li.create-task-action { display: none !important; }
  .enf-refusal { display: block; margin-top: 6px; white-space: pre-wrap; font-weight: normal; }
  .enf-complete-hint { display: inline-block; margin-right: 12px; color: #8a6d3b; }
  .enf-readonly-note { margin: 6px 0; padding: 6px 10px; background: #fcf8e3; border: 1px solid #faebcc; color: #8a6d3b; }
  .enf-readonly button.claim, .enf-readonly .task-actions, .enf-readonly [ng-click*="startEditing"],
  .enf-readonly [ng-click*="reset"], .enf-readonly [ng-click*="Reset"], .enf-readonly [ng-click*="remove"] { display: none !important; }
  .enf-readonly .task-card-details a { pointer-events: none; }
  .enf-locale-switch { position: fixed; left: 8px; bottom: 30px; z-index: 2000; font-size: 12px; padding: 1px 6px; background: #fff; border: 1px solid #ddd; border-radius: 3px; }
`;
document.head.appendChild(style);

// ------------------------------------------------------------------ yyyy-MM-dd in form-js
// form-js asks the browser for its date pattern with Intl.DateTimeFormat('default'); sv-SE is the
// locale whose short date is yyyy-MM-dd. Only that call is changed; every other use stays as it is.
const NativeDateTimeFormat = Intl.DateTimeFormat;
function DateTimeFormat(locales, options) {
  const wanted = locales === 'default' && options === undefined ? 'sv-SE' : locales;
  return new NativeDateTimeFormat(wanted, options);
}
DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = DateTimeFormat;

// ------------------------------------------------------------------ texts of the bundled libraries
const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮件地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请输入有效的国际电话号码（例如 +8657112345678）。',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'Date': '日期',
  'Time': '时间',
  'January': '一月', 'February': '二月', 'March': '三月', 'April': '四月', 'May': '五月', 'June': '六月',
  'July': '七月', 'August': '八月', 'September': '九月', 'October': '十月', 'November': '十一月', 'December': '十二月',
  'Sun': '日', 'Mon': '一', 'Tue': '二', 'Wed': '三', 'Thu': '四', 'Fri': '五', 'Sat': '六',
};
// only inside the DMN table viewer, where such short words are the table's frame
const DMN = {
  'Hit policy:': '命中策略：', 'Hit Policy:': '命中策略：', 'When': '当', 'And': '且', 'Then': '则', 'Annotation': '注释',
  'Annotations': '注释', 'View DRD': '查看决策需求图', 'Unique': '唯一（Unique）', 'First': '首条（First）',
  'Priority': '优先（Priority）', 'Any': '任一（Any）', 'Collect': '汇总（Collect）', 'Rule order': '规则顺序（Rule order）',
  'Output order': '输出顺序（Output order）', 'Collect (Sum)': '汇总（求和）', 'Collect (Min)': '汇总（最小值）',
  'Collect (Max)': '汇总（最大值）', 'Collect (Count)': '汇总（计数）', 'boolean': '布尔', 'string': '文本', 'integer': '整数',
  'long': '整数', 'double': '小数', 'date': '日期',
};
const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '数值不得小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '数值不得大于 $1。'],
  [/^Field must have minimum length of (.+)\.$/, '长度不得少于 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '长度不得超过 $1 个字符。'],
  [/^Field must match pattern (.+)\.$/, '格式不符合要求（$1）。'],
  [/^Cannot submit task form [^:]*: /, ''],
  [/^Cannot instantiate process definition [^:]*: /, ''],
  [/^(?:Error: )?The user with id '([^']*)' does not have (?:one of the following permissions: )?.*$/s,
    '用户 $1 没有执行此操作的权限（只能查看，或该操作不属于其职责）。'],
];

function chinese(text, inDmn) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) return text.replace(trimmed, EXACT[trimmed]);
  if (inDmn && Object.prototype.hasOwnProperty.call(DMN, trimmed)) return text.replace(trimmed, DMN[trimmed]);
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) return text.replace(trimmed, trimmed.replace(pattern, replacement));
  }
  return null;
}

const DMN_SCOPE = '.dmn-decision-table-container, .tjs-container, .dmn-js-parent, .decision-table';

function translateTree(root) {
  if (english || !root) return;
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node);
  for (const element of [root, ...root.querySelectorAll('[placeholder], [title]')]) {
    for (const attribute of ['placeholder', 'title']) {
      const value = element.getAttribute && element.getAttribute(attribute);
      const replaced = value && chinese(value, false);
      if (replaced !== null && replaced !== undefined && replaced !== value) element.setAttribute(attribute, replaced);
    }
  }
}

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || parent.closest('script, style, textarea, [contenteditable="true"], .fjs-input, input')) return;
  const replaced = chinese(node.nodeValue, !!parent.closest(DMN_SCOPE));
  if (replaced !== null && replaced !== node.nodeValue) node.nodeValue = replaced;
}

// ------------------------------------------------------------------ dates instead of "3 minutes ago"
// Tasklist writes the date with the app's long format (config.js: YYYY-MM-DD HH:mm:ss) into the
// tooltip of each relative time; the list shows that date (to the minute) instead.
function absoluteDates(root) {
  if (!root.querySelectorAll) return;
  for (const element of root.querySelectorAll('[am-time-ago][uib-tooltip]')) {
    const date = (element.getAttribute('uib-tooltip') || '').slice(0, 16);
    if (/^\d{4}-\d{2}-\d{2}/.test(date) && element.textContent !== date) element.textContent = date;
  }
}

// ------------------------------------------------------------------ the server's refusal in the notification
let lastRefusal = null;

function remember(method, url, status, body) {
  if (status < 400 || !/post|put/i.test(method || '') || !/\/api\/engine\//.test(url || '')) return;
  let message = '';
  try {
    const parsed = JSON.parse(body);
    message = parsed.message || '';
    if (Array.isArray(parsed.violations) && parsed.violations.length > 1) {
      message = parsed.violations.map((v) => '· ' + v.message).join('\n');
    }
  } catch (e) { /* not JSON: nothing to show */ }
  if (message) lastRefusal = { message: chinese(message, false) ?? message, at: Date.now() };
}

const nativeOpen = XMLHttpRequest.prototype.open;
const nativeSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function open(method, url, ...rest) {
  this.enfMethod = method;
  this.enfUrl = String(url);
  return nativeOpen.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function send(...args) {
  this.addEventListener('loadend', () => {
    try { remember(this.enfMethod, this.enfUrl, this.status, this.responseText); } catch (e) { /* ignore */ }
  });
  return nativeSend.apply(this, args);
};
const nativeFetch = window.fetch && window.fetch.bind(window);
if (nativeFetch) {
  window.fetch = async (input, init = {}) => {
    const response = await nativeFetch(input, init);
    if (response.status >= 400) {
      response.clone().text().then((body) => remember(init.method || 'GET', String(input.url || input), response.status, body))
        .catch(() => {});
    }
    return response;
  };
}

const REFUSAL_TITLES = ['提交任务表单时发生错误', '流程发起失败', 'Could not complete the task', 'The process could not be started'];

// the form itself refused (form-js validation): the fields say what is missing
const CHECK_FIELDS = '请检查表单中标红的字段：带 * 的为必填项。';

function showRefusals() {
  const recent = lastRefusal && Date.now() - lastRefusal.at < 15000 ? lastRefusal.message : null;
  for (const alert of document.querySelectorAll('.alert')) {
    const text = alert.textContent || '';
    if (!REFUSAL_TITLES.some((title) => text.includes(title)) || alert.querySelector('.enf-refusal')) continue;
    const first = recent && recent.split(/[\n/；]/)[0].replace(/^· /, '').trim();
    if (first && text.includes(first)) continue;
    const said = text.replace(/×/g, '').trim();
    if (!recent && !REFUSAL_TITLES.some((title) => said === title || said === title + '。')) continue;
    const reason = document.createElement('span');
    reason.className = 'enf-refusal';
    reason.textContent = recent || (english ? 'Check the fields marked in red; those with * are required.' : CHECK_FIELDS);
    (alert.querySelector('.message') || alert).appendChild(reason);
  }
}

// ------------------------------------------------------------------ 完成 greyed out: say why
const COMPLETE_HINT = '“完成”为灰色时：请先签收任务，并填写所有带 * 的必填项（见红色提示）。';

function completeHints() {
  for (const button of document.querySelectorAll('button[ng-click="complete()"]')) {
    let hint = button.parentElement.querySelector('.enf-complete-hint');
    if (button.disabled) {
      if (!hint) {
        hint = document.createElement('span');
        hint.className = 'enf-complete-hint';
        button.parentElement.insertBefore(hint, button);
      }
      const readOnly = !!button.closest('.enf-readonly');
      const text = readOnly ? (english ? 'Read-only task: it is completed by its own group.' : '只读任务：由其承办组办理。')
        : english ? 'Complete is disabled: claim the task and fill in every field marked *.' : COMPLETE_HINT;
      if (hint.textContent !== text) hint.textContent = text;
      if (button.title !== text) button.title = text;
    } else if (hint) {
      hint.remove();
      button.removeAttribute('title');
    }
  }
}

// ------------------------------------------------------------------ read-only tasks: no 签收 offered
// A manager reads the unit's tasks (READ_TASK) but may not claim or work on them; the engine's own
// authorization check says which, for the open task.
const workable = new Map();

function engineApi() {
  const base = document.querySelector('base');
  return base ? base.getAttribute('engine-api') + 'engine/default' : null;
}

function checkTask(taskId) {
  if (workable.has(taskId) || !engineApi()) return;
  workable.set(taskId, null);
  const check = (permission) => fetch(`${engineApi()}/authorization/check?permissionName=${permission}&resourceName=Task&resourceType=7&resourceId=${encodeURIComponent(taskId)}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : { authorized: true }));
  Promise.all([check('UPDATE'), check('TASK_WORK'), check('TASK_ASSIGN')])
    .then((answers) => { workable.set(taskId, answers.some((a) => a.authorized)); readOnlyTasks(); })
    .catch(() => workable.set(taskId, true));
}

function readOnlyTasks() {
  if (!document.querySelector('base[app-name="tasklist"]')) return;
  const taskId = new URLSearchParams((window.location.hash.split('?')[1] || '')).get('task');
  const card = document.querySelector('.task-details .task-card');
  if (!taskId || !card) return;
  checkTask(taskId);
  const readOnly = workable.get(taskId) === false;
  card.classList.toggle('enf-readonly', readOnly);
  const note = card.querySelector('.enf-readonly-note');
  if (readOnly && !note) {
    const element = document.createElement('div');
    element.className = 'enf-readonly-note';
    element.textContent = english ? 'Read-only: you may look at this task but neither claim nor complete it.'
      : '只读：您可以查看此任务，但不能签收、办理或修改（由其承办组办理）。';
    card.insertBefore(element, card.firstChild);
  } else if (!readOnly && note) {
    note.remove();
  }
}

// ------------------------------------------------------------------ Cockpit: 人工任务 only for who may read tasks
// Cockpit's 人工任务 lists every open task and needs READ on all tasks (managers have it, AccessPolicy.
// UNIT_MANAGERS); for anybody else it would only show a permission error, so it is not offered.
let readsAllTasks = null;

function cockpitTasksLink() {
  const links = document.querySelectorAll('a[href="#/tasks"], a[ng-href="#/tasks"]');
  // the header shows the link only after the login; asked before, the check would answer 401
  if (!document.querySelector('base[app-name="cockpit"]') || !engineApi() || !links.length) return;
  if (readsAllTasks === null) {
    readsAllTasks = 'pending';
    fetch(`${engineApi()}/authorization/check?permissionName=READ&resourceName=Task&resourceType=7&resourceId=*`,
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .then((answer) => { readsAllTasks = answer ? answer.authorized === true : null; schedule(); })
      .catch(() => { readsAllTasks = true; });
    return;
  }
  if (readsAllTasks !== false) return;
  for (const link of links) {
    const item = link.closest('li') || link;
    if (item.style.display !== 'none') item.style.display = 'none';
  }
}

// ------------------------------------------------------------------ the language switch
function localeSwitch() {
  if (document.querySelector('.enf-locale-switch') || !document.body) return;
  const link = document.createElement('a');
  link.className = 'enf-locale-switch';
  link.href = '#';
  link.textContent = english ? '中文' : 'English';
  link.title = english ? '切换为中文界面' : 'Switch to English';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    try {
      if (english) window.localStorage.removeItem(LOCALE_KEY); else window.localStorage.setItem(LOCALE_KEY, 'en');
    } catch (e) { /* private mode: stays Chinese */ }
    window.location.reload();
  });
  document.body.appendChild(link);
}

// ------------------------------------------------------------------ run on every change of the page
let scheduled = false;
function pass() {
  scheduled = false;
  translateTree(document.body);
  absoluteDates(document);
  showRefusals();
  completeHints();
  readOnlyTasks();
  cockpitTasksLink();
  localeSwitch();
}
function schedule() {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame ? window.requestAnimationFrame(pass) : setTimeout(pass, 16);
  }
}
function start() {
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['disabled', 'uib-tooltip', 'placeholder'] });
  window.addEventListener('hashchange', schedule);
  schedule();
}
if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);

export default [];
