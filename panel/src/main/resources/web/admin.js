// The administrator's view: users (create, deactivate, reset a password) and departments.
// Every server string is written as text (dom.js); nothing is parsed as HTML.
import { $, el, fill, show } from './dom.js';
import { get, post, call } from './api.js';

const csv = (s) => s.split(',').map((x) => x.trim()).filter((x) => x);

export function initAdmin({ attempt, banner }) {
  async function loadUsers() {
    const users = await attempt(() => get('/api/users'));
    if (!users) return;
    fill('u-rows', users.map((u) => el('tr', { dataset: { user: u.username } },
      el('td', {}, u.username), el('td', {}, u.displayName), el('td', {}, u.role.replaceAll('_', ' ')),
      el('td', {}, u.department ?? '—'), el('td', {}, u.phone ?? '—'), el('td', {}, u.active ? 'yes' : 'no'),
      el('td', {},
        el('button', { class: 'small', type: 'button', onclick: () => edit(u) }, 'Edit'),
        el('button', { class: 'small', type: 'button', onclick: () => reset(u.username) }, 'Reset password'),
        u.active ? el('button', { class: 'small', type: 'button', onclick: () => deactivate(u.username) }, 'Deactivate') : null))));
  }

  async function loadDepartments() {
    const deps = await attempt(() => get('/api/departments?all=true'));
    if (!deps) return;
    fill('dep-rows', deps.map((d) => el('tr', {}, el('td', {}, d.id), el('td', {}, d.name), el('td', {}, d.manager ?? '—'),
      el('td', {}, d.kinds.join(', ')), el('td', {}, d.lines.join(', ')), el('td', {}, d.active ? 'yes' : 'no'))));
    fill('u-department', [el('option', { value: '' }, '(none)'),
      ...deps.filter((d) => d.active).map((d) => el('option', { value: d.id }, d.name))]);
  }

  let editing = null; // the user name being edited, or null when the form creates

  function edit(u) {
    editing = u.username;
    $('u-username').value = u.username;
    $('u-username').disabled = true;
    $('u-name').value = u.displayName;
    $('u-role').value = u.role;
    $('u-department').value = u.department ?? '';
    $('u-phone').value = u.phone ?? '';
    $('u-roster').value = u.rosterPerson ?? '';
    $('u-submit').textContent = 'Save ' + u.username;
  }

  function endEdit() {
    editing = null;
    $('u-username').disabled = false;
    $('u-submit').textContent = 'Create user';
    $('u-form').reset();
  }

  function oneTime(username, password) {
    const p = $('u-otp');
    p.textContent = 'One-time password for ' + username + ': ' + password + ' (shown once; the user must change it at log-in)';
    p.dataset.password = password;
    p.hidden = false;
  }

  async function reset(username) {
    const r = await attempt(() => post('/api/users/' + encodeURIComponent(username) + '/password', {}));
    if (r) oneTime(username, r.oneTimePassword);
  }

  async function deactivate(username) {
    const r = await attempt(() => call('PATCH', '/api/users/' + encodeURIComponent(username), { active: false }));
    if (r) { banner(username + ' is deactivated; their sessions ended.', 'info'); loadUsers(); }
  }

  $('u-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      displayName: $('u-name').value, role: $('u-role').value,
      department: $('u-department').value || null, phone: $('u-phone').value || null,
      rosterPerson: $('u-roster').value || null,
    };
    if (editing) {
      const name = editing;
      const u = await attempt(() => call('PATCH', '/api/users/' + encodeURIComponent(name), body));
      if (!u) return;
      banner(name + ' saved.', 'info');
      endEdit();
      loadUsers();
      return;
    }
    const u = await attempt(() => post('/api/users', { username: $('u-username').value, ...body }));
    if (!u) return;
    oneTime(u.username, u.oneTimePassword);
    endEdit();
    loadUsers();
  });

  $('dep-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      id: $('dep-id').value, name: $('dep-name').value, manager: $('dep-manager').value || null,
      kinds: csv($('dep-kinds').value), lines: csv($('dep-lines').value),
    };
    const d = await attempt(() => post('/api/departments', body));
    if (!d) return;
    banner('Department ' + d.name + ' created.', 'info');
    $('dep-form').reset();
    loadDepartments();
  });

  return { load: () => { show('u-otp', false); loadDepartments().then(loadUsers); } };
}
