// The hotline panel. Plain ES module, no build step. Every string from the server (caller names,
// notes, descriptions...) is written with textContent through dom.js; nothing is parsed as HTML.
import { $, setText, el, fill, show, clock, countdown, tickCountdowns } from './dom.js';
import { ApiError, get, post, put, del, setCsrf } from './api.js';
import { Live } from './live.js';
import { initAdmin } from './admin.js';
import { initSearch } from './search.js';
import { initReports } from './reports.js';
import * as charts from './charts.js';

const MANAGERS = ['supervisor', 'duty_manager', 'senior_manager', 'admin'];
const EXPORTERS = ['supervisor', 'duty_manager', 'tip_off_handler', 'senior_manager', 'admin'];
let me = null;
let live = null;
let current = null;      // the ticket shown: { ticket, history, caller }
let departments = [];

// ---- banner

function banner(message, kind = 'error') {
  const b = $('banner');
  b.textContent = message;
  b.className = 'banner' + (kind === 'info' ? ' info' : '');
  b.hidden = false;
  clearTimeout(banner.timer);
  banner.timer = setTimeout(() => { b.hidden = true; }, kind === 'info' ? 3000 : 8000);
}

async function attempt(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showLogin();
      banner('Your session ended; log in again.');
      return undefined;
    }
    banner(e.message || String(e));
    if (e instanceof ApiError && e.code === 'version_conflict' && current) {
      await openTicket(current.ticket.id);
    }
    return undefined;
  }
}

// ---- log-in

function showLogin() {
  live?.stop();
  live = null;
  me = null;
  for (const id of ['agent-view', 'board-view', 'agent-state', 'logout', 'password-view', 'search-view', 'reports-view', 'admin-view', 'nav']) show(id, false);
  setText('whoami', '');
  show('login-view', true);
  $('login-user').focus();
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = $('login-user').value;
  const password = $('login-password').value;
  const session = await attempt(() => post('/api/login', { username, password }));
  $('login-password').value = '';
  if (session) start(session);
});

$('logout').addEventListener('click', async () => {
  await attempt(() => post('/api/logout'));
  sessionStorage.clear();
  showLogin();
});

// ---- views: work (queue, ticket, wallboard), search, admin

function view(name) {
  const manager = me && MANAGERS.includes(me.role);
  show('agent-view', name === 'work');
  show('board-view', name === 'work' && manager);
  show('search-view', name === 'search');
  show('admin-view', name === 'admin');
  show('reports-view', name === 'reports' && manager);
  if (name === 'admin') admin.load();
  if (name === 'reports' && manager) reports.load();
}

const admin = initAdmin({ attempt, banner });
initSearch({ attempt, open: (id) => { view('work'); openTicket(id); }, exporter: () => me && EXPORTERS.includes(me.role) });
$('nav-work').addEventListener('click', () => view('work'));
$('nav-search').addEventListener('click', () => view('search'));
$('nav-admin').addEventListener('click', () => view('admin'));
const reports = initReports({ attempt });
$('nav-reports').addEventListener('click', () => view('reports'));

$('pw-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if ($('pw-new').value !== $('pw-again').value) {
    banner('The two new passwords differ.');
    return;
  }
  const session = await attempt(() => post('/api/session/password',
    { currentPassword: $('pw-current').value, newPassword: $('pw-new').value }));
  for (const id of ['pw-current', 'pw-new', 'pw-again']) $(id).value = '';
  if (session) {
    banner('Password changed.', 'info');
    start(session);
  }
});

function start(session) {
  me = session;
  setCsrf(session.csrfToken);
  show('login-view', false);
  show('logout', true);
  setText('whoami', session.displayName + ' (' + session.role.replaceAll('_', ' ') + ')');
  if (session.mustChangePassword) {
    show('password-view', true);
    $('pw-current').focus();
    return;
  }
  show('password-view', false);
  const manager = MANAGERS.includes(session.role);
  show('nav', true);
  show('nav-admin', session.role === 'admin');
  show('nav-reports', manager);
  view('work');
  show('agent-state', session.role !== 'admin');
  for (const f of document.querySelectorAll('.sup-only')) f.hidden = !manager;
  show('duty-card', session.role === 'duty_manager' || session.role === 'supervisor' || session.role === 'admin');
  live = new Live(session.username, { pop: onPop, deadline: onDeadline, board: renderBoard, status: liveStatus, queue: loadQueue });
  live.start();
  loadDepartments();
  loadQueue();
  loadMine();
  loadHandover();
  loadState();
  loadAlerts();
  if (manager) {
    loadRoster();
    loadDuty();
  }
}

function liveStatus(on) {
  const s = $('live');
  s.textContent = on ? 'live' : 'reconnecting';
  s.className = 'live ' + (on ? 'on' : 'off');
}

// ---- agent state

async function loadState() {
  const s = await attempt(() => get('/api/agent/state'));
  if (!s) return;
  if (s.state !== 'offline') $('state-select').value = s.state;
  show('pause-reason', $('state-select').value === 'paused');
}

$('state-select').addEventListener('change', () => show('pause-reason', $('state-select').value === 'paused'));
$('state-apply').addEventListener('click', async () => {
  const state = $('state-select').value;
  const r = await attempt(() => put('/api/agent/state', { state, reason: $('pause-reason').value || null }));
  if (r) banner('State: ' + r.state.replace('_', '-') + (r.reason ? ' (' + r.reason + ')' : ''), 'info');
});

// ---- lists

function ticketItem(t, onClick) {
  return el('li', { onclick: onClick, dataset: { id: t.id } },
    el('span', { class: 'badge urg-' + t.urgency }, t.urgency),
    el('strong', {}, t.number),
    el('span', { class: 'who' }, [t.kind ?? 'unknown kind', t.callerName || t.callerNumber || ''].filter(Boolean).join(' · ')),
    countdown(t.dueAt));
}

const QUEUE_PAGE = 25;
let queueOffset = 0;

async function loadQueue() {
  const p = new URLSearchParams({ limit: QUEUE_PAGE, offset: queueOffset });
  if ($('queue-kind').value) p.set('kind', $('queue-kind').value);
  if ($('queue-line').value.trim()) p.set('line', $('queue-line').value.trim());
  const q = await attempt(() => get('/api/queue?' + p));
  if (!q) return;
  $('queue-prev').disabled = queueOffset === 0;
  $('queue-next').disabled = q.length < QUEUE_PAGE;
  fill('queue', q.length ? q.map((x) => ticketItem(x.ticket, () => openTicket(x.ticket.id)))
    : [el('li', { class: 'muted' }, 'Nobody is waiting.')]);
  tickCountdowns();
}

async function loadMine() {
  const mine = await attempt(() => get('/api/tickets/mine'));
  if (!mine) return;
  fill('mine', mine.length ? mine.map((t) => ticketItem(t, () => openTicket(t.id)))
    : [el('li', { class: 'muted' }, 'No open tickets.')]);
  tickCountdowns();
}

$('queue-refresh').addEventListener('click', loadQueue);
$('queue-kind').addEventListener('change', () => { queueOffset = 0; loadQueue(); });
$('queue-line').addEventListener('change', () => { queueOffset = 0; loadQueue(); });
$('queue-prev').addEventListener('click', () => { queueOffset = Math.max(0, queueOffset - QUEUE_PAGE); loadQueue(); });
$('queue-next').addEventListener('click', () => { queueOffset += QUEUE_PAGE; loadQueue(); });
$('claim-next').addEventListener('click', async () => {
  const d = await attempt(() => post('/api/queue/claim'));
  if (d) {
    render(d);
    banner('Claimed ' + d.ticket.number, 'info');
    loadQueue();
    loadMine();
  }
});

async function loadDepartments() {
  departments = (await attempt(() => get('/api/departments'))) ?? [];
  const options = () => departments.map((d) => el('option', { value: d.id }, d.name));
  fill('a-dispatch-dept', options());
  fill('a-redispatch-dept', [el('option', { value: '' }, '(same department)'), ...options()]);
  fill('a-callback-result', ['satisfied', 'unsatisfied', 'no_answer'].map((r) => el('option', { value: r }, r.replace('_', ' '))));
}

// ---- screen pop and the ticket

const POP_LABELS = { RINGING: 'Incoming call', ANSWERED: 'On call', ENDED: 'Call ended', MISSED: 'Missed call' };

/** The caller's earlier tickets and the repeat flag the pop carries (none on a first call). */
function popHistory(msg) {
  const n = msg.previousTickets;
  if (n == null) {
    show('pop-history', false);
    return;
  }
  const parts = [el('span', { class: 'count' }, n === 0 ? 'First call from this number'
    : n + ' previous ticket' + (n === 1 ? '' : 's') + ': ' + (msg.previousNumbers ?? []).join(', '))];
  if (msg.repeat) parts.unshift(el('span', { class: 'badge warn', id: 'pop-repeat' }, 'repeat'));
  fill('pop-history', parts);
  show('pop-history', true);
}

function onPop(msg) {
  const state = String(msg.state || 'RINGING').toUpperCase();
  const label = POP_LABELS[state] ?? 'Call';
  const ended = state === 'ENDED' || state === 'MISSED';
  if (ended && (!current || !msg.ticket || current.ticket.id !== msg.ticket.id)) {
    banner(label + ': ' + (msg.ticket?.number ?? msg.ticketNumber ?? msg.callerNumber ?? ''), 'info');
    loadMine();
    return;
  }
  setText('pop-flag', label);
  show('no-ticket', false);
  show('ticket-card', true);
  show('pop-flag', true);
  if (msg.hidden) {
    show('pop-history', false);
    setText('t-number', 'Confidential call');
    setText('t-caller-number', '');
    setText('t-caller-name', '');
    return;
  }
  setText('t-caller-number', msg.callerNumber);
  setText('t-caller-name', msg.callerName);
  popHistory(msg);
  if (msg.ticket) {
    if (!ended) render({ ticket: msg.ticket, history: [], caller: null }, true);
    openTicket(msg.ticket.id, true);
    loadMine();
  }
}

// ---- deadline alerts (reminders while at risk, escalation when missed)

const DEADLINE_LABELS = { 'at-risk': 'at risk', missed: 'missed' };

function onDeadline(msg) {
  const state = DEADLINE_LABELS[msg.state] ?? String(msg.state ?? '');
  const due = msg.due ? new Date(msg.due).toLocaleString() : '';
  const item = el('li', { class: 'deadline ' + (msg.state === 'missed' ? 'missed' : 'at-risk'),
      onclick: () => { if (msg.ticketId) openTicket(msg.ticketId); } },
    el('span', { class: 'badge ' + (msg.state === 'missed' ? 'warn' : '') }, state),
    el('strong', {}, msg.ticketNumber ?? ''),
    el('span', { class: 'who' }, (msg.step ?? '') + (due ? ' · due ' + due : '')));
  const list = $('deadlines');
  list.prepend(item);
  while (list.children.length > 20) list.lastChild.remove();
  show('deadline-card', true);
  if (msg.state === 'missed') banner('Deadline missed: ' + (msg.ticketNumber ?? '') + ' ' + (msg.step ?? ''), 'info');
}

async function openTicket(id, popped = false) {
  const d = await attempt(() => get('/api/tickets/' + id));
  if (d) render(d, popped);
}

// ---- the claim's lease: renewed while the agent has their claimed ticket open; it returns to
// the queue when they go away (page closed, logged out) and the lease runs out on the server

const HOLD_EVERY_MS = 60_000;
const BEFORE_DISPATCH = ['accepted', 'missed', 'abandoned'];
let holdTimer = null;

function keepHold(t) {
  clearInterval(holdTimer);
  holdTimer = null;
  const mine = me && t.owner === me.username && BEFORE_DISPATCH.includes(t.status);
  show('t-hold', !!mine);
  if (!mine) return;
  const renew = async () => {
    try {
      await post('/api/tickets/' + t.id + '/hold');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        clearInterval(holdTimer);
        show('t-hold', false);
        banner(t.number + ' went back to the queue: ' + e.message);
      }
    }
  };
  holdTimer = setInterval(renew, HOLD_EVERY_MS);
}

$('give-back').addEventListener('click', async () => {
  if (!current) return;
  const d = await attempt(() => del('/api/tickets/' + current.ticket.id + '/hold'));
  if (d) {
    render(d);
    banner(d.ticket.number + ' given back to the queue', 'info');
    loadMine();
    loadQueue();
  }
});

function render(d, popped = false) {
  current = d;
  const t = d.ticket;
  keepHold(t);
  show('no-ticket', false);
  show('ticket-card', true);
  show('pop-flag', popped);
  setText('t-number', t.number);
  setText('t-status', t.status.replace('_', ' '));
  show('t-conf', t.confidential);
  setText('t-caller-number', t.callerNumber);
  setText('t-caller-name', t.callerName);
  setText('t-line', t.line);
  setText('t-owner', t.owner ?? '—');
  setText('t-department', t.department ?? '—');
  const dl = $('t-deadline');
  dl.replaceChildren(t.dueAt ? countdown(t.dueAt) : document.createTextNode('—'));
  setText('t-plan', t.plan ?? '—');
  setText('t-resolution', t.resolution ? t.resolution + (t.resolvedBy ? ' (' + t.resolvedBy + ')' : '') : '—');
  setText('t-classification', t.classification ? t.classification.replaceAll('_', ' ') : '—');
  setText('t-explanation', t.explanation
    ? t.explanation + (t.explanationAccepted ? ' (accepted by the caller)' : ' (not accepted)') : '—');
  setText('t-duty-told', t.dutyTold ?? '—');
  setText('t-linked', d.linked ? d.linked.number + ' (' + d.linked.reason.replace('-', ' ') + ', line ' + d.linked.line + ')'
    : '—');
  if (d.proposedDepartment && !t.department) $('a-dispatch-dept').value = d.proposedDepartment;
  $('f-kind').value = t.kind ?? '';
  $('f-urgency').value = t.urgency;
  $('f-callback').value = t.callbackNumber ?? '';
  $('f-location').value = t.location ?? '';
  $('f-description').value = t.description ?? '';
  if (d.caller) {
    show('t-repeat', d.caller.repeat);
    fill('t-caller-history', d.caller.previous.map((p) =>
      el('li', {}, p.number + ' · ' + (p.kind ?? '?') + ' · ' + p.status + ' · ' + new Date(p.createdAt).toLocaleDateString())));
    // the caller's earlier tickets are what this one can be linked to (the server checks the rest)
    const earlier = d.caller.previous.filter((p) => new Date(p.createdAt) <= new Date(t.createdAt));
    fill('a-link-earlier', earlier.map((p) => el('option', { value: p.number }, p.number + ' · ' + (p.kind ?? '?') + ' · ' + p.line)));
    show('a-link', earlier.length > 0);
  }
  fill('t-history', (d.history ?? []).map((e) =>
    el('li', {}, new Date(e.at).toLocaleString() + ' — ' + e.actor + ': ' + e.action
      + (e.to && e.to !== e.from ? ' → ' + e.to : '') + (e.note ? ' — ' + e.note : '')
      + (e.data && e.data.recording ? ' [recording ' + e.data.recording + ']' : ''))));
  tickCountdowns();
}

async function act(body) {
  if (!current) return false;
  const d = await attempt(() => post('/api/tickets/' + current.ticket.id + '/actions',
    { ...body, version: current.ticket.version }));
  if (d) {
    render(d);
    banner(current.ticket.number + ': ' + body.type.replace('-', ' ') + ' done', 'info');
    loadMine();
    loadQueue();
    return true;
  }
  return false;
}

function onSubmit(id, build, keep = false) {
  $(id).addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await act(build()) && !keep) $(id).reset();
  });
}

onSubmit('intake-form', () => ({
  type: 'edit-intake', kind: $('f-kind').value || null, urgency: $('f-urgency').value,
  callbackNumber: $('f-callback').value, location: $('f-location').value, description: $('f-description').value,
}), true);
onSubmit('a-note', () => ({ type: 'note', note: $('a-note-text').value }));
onSubmit('a-dispatch', () => ({ type: 'dispatch', department: $('a-dispatch-dept').value, note: $('a-dispatch-note').value }));
onSubmit('a-plan', () => ({ type: 'record-plan', plan: $('a-plan-text').value, deadline: $('a-plan-deadline').value || null }));
onSubmit('a-progress', () => ({ type: 'start-progress', note: $('a-progress-note').value }));
onSubmit('a-resolve', () => ({ type: 'resolve', summary: $('a-resolve-summary').value, by: $('a-resolve-by').value }));
onSubmit('a-callback', () => ({ type: 'record-callback', result: $('a-callback-result').value, note: $('a-callback-note').value }));
onSubmit('a-classify', () => ({ type: 'classify', classification: $('a-classify-value').value }));
onSubmit('a-explain', () => ({ type: 'record-explanation', explanation: $('a-explain-text').value, accepted: $('a-explain-accepted').checked }));
onSubmit('a-close', () => ({ type: 'close', note: $('a-close-note').value }));
onSubmit('a-link', () => ({ type: 'link-earlier', earlier: $('a-link-earlier').value, reason: $('a-link-reason').value, note: $('a-link-note').value }));
onSubmit('a-redispatch', () => ({ type: 'redispatch', reason: $('a-redispatch-reason').value, department: $('a-redispatch-dept').value || null }));

$('a-reassign').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!current) return;
  const d = await attempt(() => post('/api/tickets/' + current.ticket.id + '/reassign',
    { owner: $('a-reassign-owner').value, version: current.ticket.version }));
  if (d) { render(d); banner('Reassigned to ' + d.ticket.owner, 'info'); }
});

// ---- handover

async function loadHandover() {
  const h = await attempt(() => get('/api/handover'));
  if (!h) return;
  const last = h.recent[0];
  const box = $('handover-previous');
  box.replaceChildren(last
    ? el('div', {}, el('strong', {}, new Date(last.at).toLocaleString()), ' — ' + last.handedOverBy + ' → ' + last.onDuty
      + ', ' + last.openItems + ' open. ', last.followUp ?? '', last.notes ? ' (' + last.notes + ')' : '')
    : document.createTextNode('No previous handover.'));
}

$('handover-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const people = $('handover-people').value.split(',').map((p) => p.trim()).filter((p) => p);
  const r = await attempt(() => post('/api/handover',
    { onDuty: $('handover-to').value, people, followUp: $('handover-notes').value }));
  if (r) {
    banner('Handover recorded: ' + r.openTickets + ' open ticket(s), ' + r.pendingCallbacks + ' call-back(s) pending, '
      + r.unacknowledgedAlerts + ' alert(s) not acknowledged', 'info');
    loadHandover();
  }
});

// ---- wallboard, roster, duty

function renderBoard(b) {
  setText('w-waiting', b.callsWaiting);
  setText('w-longest', clock(b.longestWaitSeconds));
  setText('w-offered', b.offered);
  setText('w-answered', b.answered);
  setText('w-abandoned', b.abandoned);
  setText('w-forwarded', b.forwarded);
  fill('w-agents', b.agents.map((a) => el('li', {}, el('span', {}, a.agent), el('span', { class: 'badge' }, a.state.replace('_', '-') + (a.reason ? ' · ' + a.reason : '')))));
  const item = (t) => el('li', { onclick: () => openTicket(t.id) }, el('strong', {}, t.number),
    el('span', { class: 'who' }, (t.kind ?? '?') + ' · ' + (t.owner ?? 'unowned')), countdown(t.dueAt));
  fill('w-risk', b.atRisk.map(item));
  fill('w-overdue', b.overdue.map(item));
  tickCountdowns();
  boardCharts(b.today);
}

// The wallboard's charts: today by hour and the last 14 days, from the stored facts. Redrawn at
// most once a minute (and when the day changes), not on every board push.
const BOARD_CHARTS_EVERY_MS = 60000;
let boardChartsAt = 0;
let boardChartsDay = null;
async function boardCharts(today) {
  if (!today || !me || !MANAGERS.includes(me.role) || $('board-view').hidden) return;
  if (today === boardChartsDay && Date.now() - boardChartsAt < BOARD_CHARTS_EVERY_MS) return;
  boardChartsAt = Date.now();
  boardChartsDay = today;
  const first = new Date(Date.parse(today + 'T00:00:00Z') - 13 * 86400000).toISOString().slice(0, 10);
  try {
    const [day, fortnight] = await Promise.all([get('/api/reports/kpis/series?from=' + today + '&to=' + today),
      get('/api/reports/kpis/series?from=' + first + '&to=' + today)]);
    charts.callsByHour('w-c-hours', day);
    charts.serviceLevelByHour('w-c-service', day);
    charts.backlog('w-c-backlog', fortnight);
    charts.deadlineCompliance('w-c-deadlines', fortnight);
    charts.satisfaction('w-c-satisfaction', fortnight);
  } catch (e) {
    boardChartsAt = Date.now() - BOARD_CHARTS_EVERY_MS + 10000;   // the counters still update; charts again in 10 s
  }
}

async function loadRoster() {
  const roster = $('r-roster').value || 'main';
  const [rows, days] = await Promise.all([attempt(() => get('/api/roster/overrides')),
    attempt(() => get('/api/roster/days?roster=' + encodeURIComponent(roster) + '&days=21'))]);
  if (days) {
    fill('r-days', days.days.map((d) => el('tr', { 'data-date': d.date }, el('td', {}, d.date),
      el('td', { class: 'duty-a' }, d.dutyA ?? '—'), el('td', { class: 'duty-b' }, d.dutyB ?? '—'),
      el('td', { class: 'lunch-a' }, d.lunchA ?? '—'), el('td', { class: 'lunch-b' }, d.lunchB ?? '—'),
      el('td', {}, d.overridden ? el('span', { class: 'badge' }, 'changed') : ''))));
  }
  if (!rows) return;
  fill('r-rows', rows.map((o) => el('tr', { 'data-date': o.date }, el('td', {}, o.roster), el('td', {}, o.date),
    el('td', {}, o.dutyA ?? ''), el('td', {}, o.dutyB ?? ''), el('td', {}, o.lunchA ?? ''), el('td', {}, o.lunchB ?? ''),
    el('td', {}, o.note ?? ''),
    el('td', {}, el('button', { class: 'link', type: 'button', onclick: () => editOverride(o) }, 'edit'), ' ',
      el('button', { class: 'link', type: 'button', onclick: async () => {
        const ok = await attempt(() => del('/api/roster/overrides/' + encodeURIComponent(o.roster) + '/' + o.date));
        if (ok !== undefined) loadRoster();
      } }, 'remove')))));
}

// A saved override is replaced whole: editing one fills the form with both of its slots.
function editOverride(o) {
  $('r-roster').value = o.roster;
  $('r-date').value = o.date;
  $('r-a').value = o.dutyA ?? '';
  $('r-b').value = o.dutyB ?? '';
  $('r-la').value = o.lunchA ?? '';
  $('r-lb').value = o.lunchB ?? '';
  $('r-note').value = o.note ?? '';
}

$('r-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await attempt(() => put('/api/roster/overrides', {
    roster: $('r-roster').value, date: $('r-date').value, dutyA: $('r-a').value || null, dutyB: $('r-b').value || null,
    lunchA: $('r-la').value || null, lunchB: $('r-lb').value || null, note: $('r-note').value || null,
  }));
  if (r) { banner('Override saved for ' + r.date, 'info'); loadRoster(); }
});

$('sw-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await attempt(() => post('/api/roster/swaps', {
    roster: $('r-roster').value || 'main', slot: $('sw-slot').value, date: $('sw-date').value, person: $('sw-person').value,
    withDate: $('sw-with-date').value || null, withPerson: $('sw-with').value, note: $('sw-note').value || null,
  }));
  if (r) {
    banner('Swapped ' + r.audit.detail.person + ' and ' + r.audit.detail.withPerson + ' (' + r.audit.detail.slot + ')', 'info');
    loadRoster();
  }
});

async function loadAlerts() {
  const r = await attempt(() => get('/api/alerts'));
  if (!r) return;
  fill('al-list', r.alerts.length ? r.alerts.map((a) => el('li', { 'data-alert': String(a.id) },
    el('strong', {}, a.subject), el('span', { class: 'who' }, a.kind + ' · ' + new Date(a.raisedAt).toLocaleString()),
    a.ticketId ? el('button', { class: 'link', type: 'button', onclick: () => openTicket(a.ticketId) }, 'open') : '',
    el('button', { class: 'ack', type: 'button', onclick: async () => {
      const done = await attempt(() => post('/api/alerts/' + a.id + '/acknowledge'));
      if (done) { banner('Acknowledged by ' + done.acknowledgedBy, 'info'); loadAlerts(); }
    } }, 'Acknowledge'))) : [el('li', { class: 'muted' }, 'None.')]);
}

async function loadDuty() {
  const d = await attempt(() => get('/api/duty'));
  if (!d) return;
  fill('d-forwarded', d.forwarded.length ? d.forwarded.map((t) => ticketItem(t, () => openTicket(t.id))) : [el('li', { class: 'muted' }, 'None.')]);
  fill('d-after', d.afterHours.length ? d.afterHours.map((t) => ticketItem(t, () => openTicket(t.id))) : [el('li', { class: 'muted' }, 'None.')]);
}

// ---- boot

setInterval(() => tickCountdowns(), 1000);
setInterval(() => { if (me && MANAGERS.includes(me.role)) loadDuty(); }, 30000);
setInterval(() => { if (me && !document.hidden) loadAlerts(); }, 30000);
setInterval(() => { if (me && !document.hidden) loadQueue(); }, 10000);

(async () => {
  try {
    start(await get('/api/session'));
  } catch (e) {
    showLogin();
  }
})();
