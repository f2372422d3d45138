// 期限看板 / the deadline board (issue 16, PER-07): a Cockpit plugin through Cockpit's own plugin
// mechanism (config.js customScripts → the default export's plugins): a page at #/deadline-board,
// its link in the header and a summary on the dashboard. It reads GET /api/deadlines/board
// (deadlines/DeadlineBoard: the open tasks with a due date the user may read, counted per
// procedure, unit and officer) with the Cockpit session and changes nothing. Every list entry
// opens its instance in Cockpit. The server selects the list (status, procedure, unit, officer) and
// sends at most its first 200 entries with the number that match; the dashboard asks for the counts
// only (limit=0): a unit with 20,000 dated tasks is otherwise 9 MB per view (issue #17 item 4).

const BOARD = '/api/deadlines/board';
const STATUS = { OVERDUE: '已逾期', SOON: '即将到期', OPEN: '未到期' };
const STATUS_CLASS = { OVERDUE: 'danger', SOON: 'warning', OPEN: '' };

function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

async function load(filter = {}) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.dimension) { query.set('dimension', filter.dimension); query.set('id', filter.id ?? ''); }
  if (filter.limit !== undefined) query.set('limit', String(filter.limit));
  const url = query.toString() ? `${BOARD}?${query}` : BOARD;
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = `读取期限看板失败（${response.status}）`;
    try { message += '：' + ((await response.json()).message || ''); } catch (e) { /* no body */ }
    throw new Error(message);
  }
  return response.json();
}

function instanceLink(entry) {
  return `#/process-instance/${encodeURIComponent(entry.processInstanceId)}/runtime`;
}

function countTable(title, rows, dimension) {
  const body = rows.map((row) => `
    <tr>
      <td>${escape(row.name || '（无）')}</td>
      <td><a href="#" data-dimension="${dimension}" data-id="${escape(row.id)}" data-status="OVERDUE">${row.overdue}</a></td>
      <td><a href="#" data-dimension="${dimension}" data-id="${escape(row.id)}" data-status="SOON">${row.soon}</a></td>
      <td><a href="#" data-dimension="${dimension}" data-id="${escape(row.id)}" data-status="PROVISIONAL">${row.provisional}</a></td>
      <td><a href="#" data-dimension="${dimension}" data-id="${escape(row.id)}" data-status="">${row.open}</a></td>
    </tr>`).join('');
  return `
    <div class="col-md-4">
      <h4>${title}</h4>
      <table class="table table-condensed table-bordered enf-board-counts">
        <thead><tr><th></th><th>已逾期</th><th>即将到期</th><th>期限暂定</th><th>未办结</th></tr></thead>
        <tbody>${body || '<tr><td colspan="5">无</td></tr>'}</tbody>
      </table>
    </div>`;
}

function taskRows(board) {
  const rows = board.tasks.map((entry) => `
    <tr class="${STATUS_CLASS[entry.status]} enf-board-task" data-status="${entry.status}">
      <td>${STATUS[entry.status]}</td>
      <td><a href="${instanceLink(entry)}">${escape(entry.taskName)}</a></td>
      <td>${escape(entry.procedureName)}</td>
      <td>${escape(entry.businessKey || '')}</td>
      <td>${escape(entry.unitNames.join('、'))}</td>
      <td>${escape(entry.assigneeName)}</td>
      <td>${escape(entry.due)}${entry.provisional ? '（期限暂定）' : ''}</td>
    </tr>`).join('');
  return rows || '<tr><td colspan="7">没有符合条件的任务</td></tr>';
}

function describe(filter, board) {
  const parts = [];
  if (filter.status) parts.push({ ...STATUS, PROVISIONAL: '期限暂定' }[filter.status]);
  const list = { procedure: board.byProcedure, unit: board.byUnit, officer: board.byOfficer }[filter.dimension];
  const row = list && list.find((r) => r.id === filter.id);
  if (row) parts.push(row.name);
  return parts.length ? `（${parts.join('，')}）` : '（全部）';
}

function render(node, board, filter) {
  const total = board.total;
  node.innerHTML = `
    <div class="enf-deadline-board" data-status="${escape(filter.status || '')}" style="padding: 15px 20px">
      <h2>期限看板</h2>
      <p>今天 ${escape(board.today)}；“即将到期”指最后一日不晚于 ${escape(board.soonUntil)}（3 个工作日内）。
        只读查看，办理请由承办人在任务列表中进行。</p>
      <p class="enf-board-totals">
        <a href="#" data-status="OVERDUE" class="label label-danger">已逾期 ${total.overdue}</a>
        <a href="#" data-status="SOON" class="label label-warning">即将到期 ${total.soon}</a>
        <a href="#" data-status="PROVISIONAL" class="label label-info">期限暂定 ${total.provisional}</a>
        <a href="#" data-status="" class="label label-default">未办结（有期限） ${total.open}</a>
      </p>
      <div class="row">
        ${countTable('按程序', board.byProcedure, 'procedure')}
        ${countTable('按承办单位', board.byUnit, 'unit')}
        ${countTable('按承办人', board.byOfficer, 'officer')}
      </div>
      <h4>任务${describe(filter, board)}</h4>
      ${board.matching > board.tasks.length ? `<p class="enf-board-truncated text-muted">共 ${board.matching} 件，按状态和期限显示前 ${board.tasks.length} 件；
        点击上方的数字可只看某一程序、单位或承办人。</p>` : ''}
      <table class="table table-condensed enf-board-tasks">
        <thead><tr><th>状态</th><th>任务</th><th>程序</th><th>业务编号</th><th>承办单位</th><th>承办人</th><th>期限（最后一日）</th></tr></thead>
        <tbody>${taskRows(board)}</tbody>
      </table>
    </div>`;
  for (const link of node.querySelectorAll('a[data-status]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      show(node, { status: link.dataset.status, dimension: link.dataset.dimension, id: link.dataset.id });
    });
  }
}

function show(node, filter = { status: '' }) {
  const board = node.querySelector('.enf-deadline-board');
  if (board) board.style.opacity = '0.5'; // the counts stay in view while the selection loads
  else node.innerHTML = '<div style="padding: 15px 20px">正在读取期限看板…</div>';
  // only the latest selection is drawn: two quick clicks may be answered out of order
  const request = String(Number(node.dataset.boardRequest || 0) + 1);
  node.dataset.boardRequest = request;
  const latest = () => node.dataset.boardRequest === request;
  load(filter).then((result) => { if (latest()) render(node, result, filter); })
    .catch((error) => { if (latest()) node.innerHTML = `<div class="alert alert-danger" style="margin: 15px 20px">${escape(error.message)}</div>`; });
}

export default [
  {
    id: 'enforcement.deadlineBoard.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {
      pagePath: '#/deadline-board',
      label: '期限看板',
      checkActive: (path) => path.indexOf('#/deadline-board') > -1,
    },
    render: (node) => { node.innerHTML = '<a href="#/deadline-board">期限看板</a>'; },
  },
  {
    id: 'enforcement.deadlineBoard.page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/deadline-board', label: '期限看板' },
    render: (node) => show(node),
  },
  {
    id: 'enforcement.deadlineBoard.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => {
      node.innerHTML = '<section class="enf-board-summary"><h3 class="section-title">期限看板</h3><p>正在读取…</p></section>';
      load({ limit: 0 }).then((board) => {
        node.querySelector('p').innerHTML = `<a href="#/deadline-board">已逾期 ${board.total.overdue} 件，`
          + `即将到期 ${board.total.soon} 件，期限暂定 ${board.total.provisional} 件</a>`;
      }).catch((error) => { node.querySelector('p').textContent = error.message; });
    },
  },
];
