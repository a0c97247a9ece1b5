// The reports page (managers): the KPIs of a period from the stored facts, with their CSV and their
// charts over time (charts.js), and the generated reports (daily, weekly hot topics, monthly, the quarterly
// analysis of repeats) to open for print or download.
import { $, el, fill } from './dom.js';
import { get } from './api.js';
import * as charts from './charts.js';

const LABELS = [
  ['offered', 'Calls offered'], ['answered', 'Answered'], ['serviceLevel', 'Service level (15 s)', 'rate'],
  ['averageSpeedOfAnswerSeconds', 'Average speed of answer', 'seconds'], ['abandonedInIvr', 'Abandoned in the menu'],
  ['abandonedInQueue', 'Abandoned waiting'], ['forwardedToDuty', 'Forwarded to duty'],
  ['answeredByDutyA', 'Answered by duty A'], ['answeredByDutyB', 'Answered by duty B'],
  ['answeredByNobody', 'Forwarded, answered by nobody'], ['tickets', 'Tickets'],
  ['timelyHandlingRate', 'Timely handling', 'rate'], ['delayRate', 'Delay rate', 'rate'],
  ['redispatchRate', 'Re-dispatch rate', 'rate'], ['repeatComplaintRate', 'Repeat complaints', 'rate'],
  ['callbackAttemptRate', 'Call-backs attempted', 'rate'], ['callbackReachRate', 'Call-backs reached', 'rate'],
  ['satisfactionRate', 'Satisfaction', 'rate'],
];

function value(v, how) {
  if (v == null) return 'n/a';
  if (how === 'rate') return (v * 100).toFixed(1) + '%';
  if (how === 'seconds') return v.toFixed(1) + ' s';
  return String(v);
}

export function initReports({ attempt }) {
  function params() {
    const p = new URLSearchParams();
    for (const [name, id] of [['from', 'k-from'], ['to', 'k-to'], ['line', 'k-line'], ['kind', 'k-kind']]) {
      const v = $(id).value.trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  async function kpis() {
    const p = params();
    const r = await attempt(() => get('/api/reports/kpis?' + p));
    if (!r) return;
    $('k-csv').href = '/api/reports/kpis?' + p + '&format=csv';
    $('k-csv').hidden = false;
    fill('k-rows', LABELS.map(([key, label, how]) => el('tr', {}, el('th', {}, label),
      el('td', { dataset: { kpi: key } }, value(r.total[key], how)))));
    $('k-period').textContent = r.from + ' to ' + r.to + ' · ' + r.workingDays + ' working days'
      + (r.asteriskCallRecords == null ? '' : ' · ' + r.asteriskCallRecords + ' calls in Asterisk\'s records');
    const s = await attempt(() => get('/api/reports/kpis/series?' + p));
    if (!s) return;
    $('k-charts').hidden = false;   // shown before drawing, so the charts have their size
    charts.callsByHour('c-hours', s);
    charts.serviceLevelByDay('c-service', s);
    charts.backlog('c-backlog', s);
    charts.deadlineCompliance('c-deadlines', s);
    charts.satisfaction('c-satisfaction', s);
  }

  async function list() {
    const r = await attempt(() => get('/api/reports'));
    if (!r) return;
    fill('g-rows', r.reports.length ? r.reports.map((x) => el('tr', { dataset: { id: x.id } },
      el('td', {}, x.title), el('td', {}, x.status),
      el('td', {}, el('a', { href: '/api/reports/' + x.id + '?format=html', target: '_blank', rel: 'noopener' }, 'print'),
        ' · ', el('a', { href: '/api/reports/' + x.id + '?format=csv' }, 'CSV'),
        ' · ', el('a', { href: '/api/reports/' + x.id + '?format=xlsx' }, 'XLSX'))))
      : [el('tr', {}, el('td', { class: 'muted', colspan: 3 }, 'No report generated yet.'))]);
  }

  $('k-form').addEventListener('submit', (e) => {
    e.preventDefault();
    kpis();
  });
  return { load: () => { kpis(); list(); } };
}
