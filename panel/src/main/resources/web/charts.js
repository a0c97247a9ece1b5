// The KPI charts of the reports page and the wallboard, drawn with Chart.js (window.Chart, from
// /vendor/chartjs.js, which the build takes from npm into the jar; see panel/npm-vendor.sh).
// Data: GET /api/reports/kpis/series (routing/KPIS.md, "Over time"). Rates arrive as fractions
// 0-1 or null (nothing to count): drawn as percentages, null as a gap, never as 0.

const COLORS = { offered: '#1565c0', answered: '#2e7d32', abandoned: '#c62828', line: '#0d2a4a', target: '#b26a00' };
const pct = (v) => (v == null ? null : Math.round(v * 1000) / 10);

function common(percent) {
  return {
    animation: false,            // drawn at once: on the wallboard's refresh, on paper, in tests
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    scales: {
      y: percent ? { min: 0, max: 100, ticks: { callback: (v) => v + '%' } } : { beginAtZero: true, ticks: { precision: 0 } },
    },
  };
}

/** Draws (or redraws with new data) the chart on the canvas with this id. */
function draw(id, type, labels, datasets, percent, summary) {
  const canvas = document.getElementById(id);
  if (!canvas) return;
  if (typeof window.Chart !== 'function') {
    canvas.replaceWith(Object.assign(document.createElement('p'), { className: 'muted', textContent: 'Charts unavailable: the charting library did not load.' }));
    return;
  }
  canvas.setAttribute('aria-label', summary);
  const existing = window.Chart.getChart(canvas);
  if (existing && existing.config.type === type) {
    existing.data.labels = labels;
    existing.data.datasets = datasets;
    existing.update('none');
    return;
  }
  existing?.destroy();
  new window.Chart(canvas, { type, data: { labels, datasets }, options: common(percent) });
}

function line(label, data, color) {
  return { label, data, borderColor: color, backgroundColor: color, spanGaps: false, tension: 0.2, pointRadius: 3, clip: false };
}

function bar(label, data, color) {
  return { label, data, backgroundColor: color };
}

const hourLabel = (h) => String(h).padStart(2, '0') + ':00';
const dayLabel = (d) => d.date.slice(5);   // MM-DD
const abandoned = (k) => k.abandonedInIvr + k.abandonedInQueue;

/** Calls by hour of the day: offered, answered, abandoned. */
export function callsByHour(id, series) {
  const h = series.hours;
  draw(id, 'bar', h.map((x) => hourLabel(x.hour)), [
    bar('Offered', h.map((x) => x.kpis.offered), COLORS.offered),
    bar('Answered', h.map((x) => x.kpis.answered), COLORS.answered),
    bar('Abandoned', h.map((x) => abandoned(x.kpis)), COLORS.abandoned),
  ], false, 'Calls by hour of the day, ' + series.from + ' to ' + series.to);
}

/** Service level (answered within 15 s of the first ring), by hour of the day. */
export function serviceLevelByHour(id, series) {
  const h = series.hours;
  draw(id, 'line', h.map((x) => hourLabel(x.hour)),
    [line('Service level (15 s)', h.map((x) => pct(x.kpis.serviceLevel)), COLORS.line)], true,
    'Service level by hour of the day, ' + series.from + ' to ' + series.to);
}

/** Service level, by day. */
export function serviceLevelByDay(id, series) {
  const d = series.days;
  draw(id, 'line', d.map(dayLabel), [line('Service level (15 s)', d.map((x) => pct(x.kpis.serviceLevel)), COLORS.line)],
    true, 'Service level by day, ' + series.from + ' to ' + series.to);
}

/** Open tickets at the end of each day (today: now). */
export function backlog(id, series) {
  const d = series.days;
  draw(id, 'line', d.map(dayLabel), [line('Open tickets', d.map((x) => x.backlog), COLORS.offered)], false,
    'Backlog of open tickets by day, ' + series.from + ' to ' + series.to);
}

/** Deadline compliance: deadline steps met on time, of the tickets accepted each day. */
export function deadlineCompliance(id, series) {
  const d = series.days;
  draw(id, 'line', d.map(dayLabel), [line('Steps on time', d.map((x) => pct(x.kpis.timelyHandlingRate)), COLORS.answered)],
    true, 'Deadline compliance by day, ' + series.from + ' to ' + series.to);
}

/** Satisfaction of the callers reached by a call-back, of the tickets accepted each day. */
export function satisfaction(id, series) {
  const d = series.days;
  draw(id, 'line', d.map(dayLabel), [line('Satisfied', d.map((x) => pct(x.kpis.satisfactionRate)), COLORS.target)],
    true, 'Satisfaction by day, ' + series.from + ' to ' + series.to);
}

// Paper is narrower than the screen: resize every chart for print and back (Chart.js's advice).
for (const ev of ['beforeprint', 'afterprint']) {
  window.addEventListener(ev, () => {
    if (typeof window.Chart !== 'function') return;
    for (const c of Object.values(window.Chart.instances)) c.resize();
  });
}
