// The search page: filters, newest first, "More" follows the server's keyset cursor; the CSV
// export link carries the same filters.
import { $, el, fill } from './dom.js';
import { get } from './api.js';

const FIELDS = { number: 's-number', caller: 's-caller', kind: 's-kind', status: 's-status', line: 's-line',
  owner: 's-owner', from: 's-from', to: 's-to', q: 's-text' };

export function initSearch({ attempt, open, exporter }) {
  let params = null;
  let next = null;
  let items = [];

  function query() {
    const p = new URLSearchParams();
    for (const [name, id] of Object.entries(FIELDS)) {
      const v = $(id).value.trim();
      if (v) p.set(name, v);
    }
    return p;
  }

  async function page(more) {
    const p = new URLSearchParams(params);
    if (more && next) p.set('cursor', next);
    const r = await attempt(() => get('/api/tickets?' + p));
    if (!r) return;
    items = more ? items.concat(r.tickets) : r.tickets;
    next = r.next;
    fill('s-results', items.length ? items.map((t) => el('li', { onclick: () => open(t.id), dataset: { id: t.id } },
      el('strong', {}, t.number), ' ', t.status.replace('_', ' '), ' · ', t.kind ?? '?', ' · ',
      t.callerNumber ?? '', ' · ', new Date(t.createdAt).toLocaleString()))
      : [el('li', { class: 'muted' }, 'No ticket matches.')]);
    $('s-more').hidden = !next;
  }

  $('s-form').addEventListener('submit', (e) => {
    e.preventDefault();
    params = query();
    const link = $('s-export');
    link.href = '/api/exports/tickets.csv?' + params;
    link.hidden = !exporter();
    page(false);
  });
  $('s-more').addEventListener('click', () => page(true));
}
