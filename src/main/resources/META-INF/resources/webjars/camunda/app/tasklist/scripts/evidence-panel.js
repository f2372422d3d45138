// 音像资料 (evidence) tab on every Tasklist task: the case's recordings from the evidence store and an
// upload panel (drag and drop, progress bar, metadata prefilled from the task). A Tasklist plugin
// (plugin point tasklist.task.detail) registered in config.js customScripts. The file is streamed
// to POST /api/recordings as multipart by XMLHttpRequest, authenticated by the Tasklist session and
// its CSRF token (identity/WebappSession); nothing goes into process variables. After an upload the
// server renews the task's pick list (recordingOptions); the form tab re-reads it when it is shown again.
// Viewing a recording goes through GET /api/recordings/{id}/content, which enforces ACC-03 and
// audits every view.

const ACTIVITIES = {
  COMPLAINT_HOTLINE: '受理投诉举报电话', DAILY_PATROL: '日常巡查', RANDOM_INSPECTION: '随机抽查',
  ONSITE_INSPECTION: '现场检查(勘验)', COMPLAINT_ONSITE: '处理投诉举报现场执法', GENERAL_VIOLATION_ONSITE: '一般违法行为现场处理',
  MINOR_CORRECTION: '轻微违法劝阻纠正', GUARD_DUTY: '重点点位盯守/大型活动秩序', INTERVIEW: '询问当事人/证人',
  OFFICE_INTERVIEW: '约谈/稽查询问(机关内)', EVIDENCE_COLLECTION: '调查取证', EVIDENCE_PRESERVATION: '证据保全/先行登记保存',
  SAMPLING: '抽样取证', HEARING: '听证', REVIEW_HEARING: '行政复议听证', COERCIVE_MEASURE: '行政强制',
  SERVICE_DIRECT: '直接送达', SERVICE_LODGED: '留置送达', SERVICE_MAIL: '邮寄送达', SERVICE_PUBLIC_NOTICE: '公告送达',
  DOCUMENT_WORK: '文书制作等内部事务',
};

// retention-class outputs (RET-01..05) and media kinds, as staff read them
const RETENTION = { LONG_TERM: '长期保存', WITH_CASE_FILE: '随案卷保存', ONE_YEAR: '一年', SIX_MONTHS: '六个月' };
const KINDS = { audio: '音频', video: '视频', image: '图片' };

/** 音频（wav） for audio/wav. */
function mediaText(type) {
  if (!type) return '';
  const [kind, sub] = String(type).split('/');
  return `${KINDS[kind] || '其他'}${sub ? `（${sub}）` : ''}`;
}

/** The Chinese sentences of a recording's warnings (the server keeps code and English beside them). */
function warningTexts(r) {
  return r.warningTexts || (r.warnings || []).map((w) => String(w).replace(/^[A-Z]{2,4}-\d{2}( [A-Z_]+)?([:：]\s*|\s+)/, '').split(' / ')[0]);
}

const STYLE = `
.ev-panel { padding: 12px 16px; font-size: 14px; }
.ev-panel h4 { margin: 12px 0 8px; font-weight: 600; }
.ev-panel table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
.ev-panel th, .ev-panel td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
.ev-panel .ev-warn { color: #a94400; }
.ev-panel .ev-drop { border: 2px dashed #999; border-radius: 6px; padding: 18px; text-align: center; margin: 8px 0;
  background: #fafafa; cursor: pointer; }
.ev-panel .ev-drop.ev-over { border-color: #2c72c7; background: #eef5ff; }
.ev-panel .ev-grid { display: grid; grid-template-columns: 10em 1fr; gap: 6px 10px; align-items: center; max-width: 720px; }
.ev-panel .ev-grid input, .ev-panel .ev-grid select, .ev-panel .ev-grid textarea { width: 100%; }
.ev-panel progress { width: 100%; height: 18px; }
.ev-panel .ev-error { color: #b00020; white-space: pre-wrap; }
.ev-panel .ev-ok { color: #1b6e20; }
.ev-panel .ev-muted { color: #666; }
`;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** A variable's plain value from /form-variables (JSON values arrive as strings). */
function value(variables, name) {
  const v = variables[name];
  if (!v || v.value === null || v.value === undefined) return null;
  if (v.type === 'Json' && typeof v.value === 'string') {
    try { return JSON.parse(v.value); } catch (e) { return v.value; }
  }
  return v.value;
}

function list(v) {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  return String(v).replace(/[\[\]"]/g, '').split(/[,，;；\s]+/).filter(Boolean);
}

/**
 * yyyy-MM-dd HH:mm in Beijing time. The time fields are text, not the browser's datetime-local:
 * its widget follows the browser's language (mm/dd/yyyy, AM/PM in an English chromium) whatever
 * the webapp's language (issue 16: dates yyyy-MM-dd everywhere).
 */
function localInput(date) {
  const beijing = new Date(date.getTime() + 8 * 3600 * 1000);
  return beijing.toISOString().slice(0, 16).replace('T', ' ');
}

const TIME_FORMAT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

/** A typed Beijing time as ISO-8601 with offset (the API's format); '' if empty, null if malformed. */
function isoBeijing(text) {
  if (!text) return '';
  const match = TIME_FORMAT.exec(text.trim());
  return match ? `${match[1]}T${match[2]}${match[3] || ':00'}+08:00` : null;
}

function beijingText(iso) {
  if (!iso) return '';
  return localInput(new Date(iso));
}

function message(body, status) {
  if (body && body.message) return body.message;
  if (status === 413) return '文件超过上传大小限制 / the file is larger than allowed';
  return `上传失败（HTTP ${status}） / upload failed`;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) throw new Error(message(body, response.status));
  return body;
}

function render(node, { api, taskId }) {
  node.innerHTML = '';
  const root = el('div', { class: 'ev-panel', 'data-evidence-panel': '' });
  root.append(el('style', {}, STYLE));
  node.append(root);
  const status = el('div', { class: 'ev-muted' }, '正在读取本任务的案件信息…');
  root.append(status);
  const engine = (api && api.engineApi) || '/camunda/api/engine/engine/default';
  Promise.all([
    getJson(`${engine}/task/${taskId}`),
    getJson(`${engine}/task/${taskId}/form-variables?deserializeValues=false`),
  ]).then(([task, variables]) => build(root, status, api, task, variables))
    .catch((error) => { status.className = 'ev-error'; status.textContent = `无法读取任务：${error.message}`; });
}

function build(root, status, api, task, variables) {
  status.remove();
  const caseNumber = value(variables, 'recordingCaseNumber') || value(variables, 'caseNumber') || '';
  const activity = value(variables, 'recordingActivity') || value(variables, 'activity') || '';
  const officers = list(value(variables, 'activityOfficers')).length ? list(value(variables, 'activityOfficers'))
    : list(value(variables, 'investigators'));
  const party = value(variables, 'partyName') || value(variables, 'recipientName') || '';
  const endedAt = value(variables, 'activityEndedAt');

  // --- the case's recordings ----------------------------------------------------------------
  const listBox = el('div', { 'data-evidence-list': '' });
  const notice = el('div');
  // the case file (案卷): every step's record, the recordings with their digests, the deadlines; once
  // archived, its package for download (records office, legal unit, leaders)
  const caseFileLink = caseNumber ? el('p', {}, el('a', { href: `/api/cases/${encodeURIComponent(caseNumber)}/file.html`,
    target: '_blank', rel: 'noopener', 'data-case-file-link': '' }, '打开本案案卷（新窗口）')) : null;
  root.append(el('h4', {}, `本案音像资料${caseNumber ? `（${caseNumber}）` : ''}`), caseFileLink, listBox, notice);

  async function refreshList() {
    if (!caseNumber) {
      listBox.replaceChildren(el('p', { class: 'ev-muted' }, '本任务尚无案号；上传时请填写案号。'));
      return;
    }
    listBox.replaceChildren(el('p', { class: 'ev-muted' }, '正在读取…'));
    try {
      const recordings = await getJson(`/api/recordings?caseNumber=${encodeURIComponent(caseNumber)}`);
      if (!recordings.length) {
        listBox.replaceChildren(el('p', { class: 'ev-muted' }, '证据库中尚无本案的音像资料。'));
        return;
      }
      const rows = recordings.map((r) => el('tr', { 'data-recording-id': r.id },
        el('td', {}, r.clientFileName || r.id.slice(0, 8)),
        el('td', {}, ACTIVITIES[r.activity] || r.activity || ''),
        el('td', {}, `${beijingText(r.startedAt)} – ${beijingText(r.endedAt).slice(11)}`),
        el('td', {}, mediaText(r.mediaType), r.durationSeconds ? `，${Math.round(r.durationSeconds)} 秒` : ''),
        el('td', { title: `SHA-256 ${r.sha256}\nSM3 ${r.sm3}` }, `${(r.sha256 || '').slice(0, 12)}…`),
        el('td', { class: 'ev-warn' }, warningTexts(r).length
          ? el('ul', {}, warningTexts(r).map((w) => el('li', {}, w))) : el('span', { class: 'ev-muted' }, '无')),
        el('td', {}, el('button', { type: 'button', class: 'btn btn-default btn-xs', onclick: () => view(r) }, '查看'))));
      listBox.replaceChildren(el('table', {},
        el('thead', {}, el('tr', {}, ['文件', '活动', '录制时间（北京时间）', '类型', '摘要', '核查提示', ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, rows)));
    } catch (error) {
      listBox.replaceChildren(el('p', { class: 'ev-error' }, `无法读取音像资料：${error.message}`));
    }
  }

  // ACC-03: the server decides (the case's officers within 24 h of their upload, others with a
  // grant) and audits every view; a refusal is shown here in Chinese.
  async function view(r) {
    notice.replaceChildren();
    try {
      const response = await fetch(`/api/recordings/${encodeURIComponent(r.id)}/content`, { credentials: 'same-origin' });
      if (!response.ok) {
        let body = null;
        try { body = await response.json(); } catch (e) { body = null; }
        notice.replaceChildren(el('p', { class: 'ev-error' },
          `${message(body, response.status)}${response.status === 403 ? '。如需查看，请发起“音像资料调取申请”。' : ''}`));
        return;
      }
      const blob = await response.blob();
      const link = el('a', { href: URL.createObjectURL(blob), download: r.clientFileName || r.id });
      document.body.append(link);
      link.click();
      link.remove();
      notice.replaceChildren(el('p', { class: 'ev-ok' }, '已调取（本次查看已记入审计日志）。'));
    } catch (error) {
      notice.replaceChildren(el('p', { class: 'ev-error' }, `调取失败：${error.message}`));
    }
  }

  // --- the upload panel ---------------------------------------------------------------------
  const activitySelect = el('select', { name: 'activity', class: 'form-control' },
    el('option', { value: '' }, '请选择'),
    Object.entries(ACTIVITIES).map(([code, name]) => el('option', { value: code, selected: code === activity }, name)));
  const fields = {
    caseNumber: el('input', { name: 'caseNumber', class: 'form-control', value: caseNumber }),
    activity: activitySelect,
    deviceNumber: el('input', { name: 'deviceNumber', class: 'form-control',
      value: localStorage.getItem('evidence.deviceNumber') || '', placeholder: '执法记录仪编号' }),
    officers: el('input', { name: 'officers', class: 'form-control', value: officers.join(','), placeholder: 'officer1,officer2' }),
    partyName: el('input', { name: 'partyName', class: 'form-control', value: party }),
    startedAt: el('input', { name: 'startedAt', class: 'form-control', placeholder: '例：2026-12-01 09:30', autocomplete: 'off' }),
    endedAt: el('input', { name: 'endedAt', class: 'form-control', placeholder: '例：2026-12-01 10:05', autocomplete: 'off',
      value: endedAt ? localInput(new Date(endedAt)) : '' }),
  };
  const stopped = el('input', { type: 'checkbox', name: 'recordingStopped' });
  const stopReason = el('textarea', { name: 'interruptionReason', class: 'form-control', rows: 2,
    placeholder: '录制无法继续时必填：原因（如设备故障、电量耗尽）' });
  const fileInput = el('input', { type: 'file', name: 'file', accept: 'audio/*,video/*,image/*', style: 'display:none' });
  const chosen = el('span', { class: 'ev-muted' }, '把音像文件拖到这里，或点击选择文件');
  const drop = el('div', { class: 'ev-drop', 'data-evidence-drop': '' }, chosen);
  const progress = el('progress', { max: 100, value: 0, hidden: true, 'data-evidence-progress': '' });
  const percent = el('span', { class: 'ev-muted' });
  const result = el('div', { 'data-evidence-result': '' });
  const submit = el('button', { type: 'button', class: 'btn btn-primary', 'data-evidence-upload': '' }, '上传');
  let file = null;

  function choose(f) {
    file = f;
    chosen.textContent = f ? `${f.name}（${(f.size / 1024).toFixed(1)} KB）` : '把音像文件拖到这里，或点击选择文件';
    chosen.className = f ? '' : 'ev-muted';
  }
  drop.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => choose(fileInput.files[0] || null));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('ev-over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('ev-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('ev-over');
    if (e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });

  submit.addEventListener('click', () => {
    result.replaceChildren();
    if (!file) {
      result.append(el('p', { class: 'ev-error' }, '请先选择要上传的文件 / choose a file first'));
      return;
    }
    const malformed = ['startedAt', 'endedAt'].filter((name) => isoBeijing(fields[name].value) === null);
    if (malformed.length) {
      result.append(el('p', { class: 'ev-error', 'data-evidence-error': '' },
        '录制时间的格式应为 yyyy-MM-dd HH:mm（北京时间），例如 2026-12-01 09:30'));
      return;
    }
    localStorage.setItem('evidence.deviceNumber', fields.deviceNumber.value.trim());
    const body = new FormData();
    // the metadata first: the server checks it before it stores a single byte of the file
    for (const [name, input] of Object.entries(fields)) {
      const text = name === 'startedAt' || name === 'endedAt' ? isoBeijing(input.value) : input.value.trim();
      if (text) body.append(name, text);
    }
    if (stopped.checked) {
      body.append('recordingStopped', 'true');
      if (stopReason.value.trim()) body.append('interruptionReason', stopReason.value.trim());
    }
    body.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/recordings');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken(api));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        percent.textContent = ` ${progress.value}%`;
      }
    });
    xhr.addEventListener('load', () => {
      submit.disabled = false;
      let answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      if (xhr.status === 201) {
        progress.value = 100;
        percent.textContent = ' 100%';
        result.append(el('p', { class: 'ev-ok' }, `已上传：${file.name}，SHA-256 ${answer.sha256.slice(0, 16)}…，保存期限：${RETENTION[answer.retentionClass] || answer.retentionClass}。`
          + '表单中的音像资料列表已更新（切换到“表单”标签页即可选中）。'));
        if (warningTexts(answer).length) {
          result.append(el('ul', { class: 'ev-warn' }, warningTexts(answer).map((w) => el('li', {}, w))));
        }
        choose(null);
        refreshList();
      } else {
        result.append(el('p', { class: 'ev-error', 'data-evidence-error': '' }, `服务器拒绝了上传：${message(answer, xhr.status)}`));
      }
    });
    xhr.addEventListener('error', () => {
      submit.disabled = false;
      result.append(el('p', { class: 'ev-error' }, '网络错误，上传未完成 / network error, the upload did not complete'));
    });
    progress.hidden = false;
    progress.value = 0;
    percent.textContent = ' 0%';
    submit.disabled = true;
    xhr.send(body);
  });

  const row = (label, input) => [el('label', {}, label), input];
  root.append(el('h4', {}, '上传音像资料'),
    el('p', { class: 'ev-muted' }, '文件直接存入证据库（计算 SHA-256 与 SM3，按内容识别类型），不写入流程变量；元数据已按本任务预填，请核对。'),
    el('div', { class: 'ev-grid' },
      row('案号', fields.caseNumber), row('执法活动', fields.activity), row('执法记录仪编号', fields.deviceNumber),
      row('执法人员（账号，逗号分隔）', fields.officers), row('当事人', fields.partyName),
      row('录制开始（北京时间，yyyy-MM-dd HH:mm）', fields.startedAt), row('录制结束（北京时间，yyyy-MM-dd HH:mm）', fields.endedAt),
      row('录制无法继续', el('span', {}, stopped, ' 是（将立即通知科室负责人，并生成书面说明任务）')),
      row('中断原因', stopReason)),
    drop, fileInput, el('div', {}, progress, percent), el('p', {}, submit), result);
  refreshList();
}

export default [{
  id: 'enforcement-evidence-panel',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  render,
  properties: { label: '音像资料' },
}];
