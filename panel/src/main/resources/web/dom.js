// DOM helpers. Everything here writes text through textContent or text nodes: caller-controlled
// strings are never parsed as HTML (no HTML-parsing DOM property is used anywhere in the panel).

export const $ = (id) => document.getElementById(id);

/** Sets an element's text ("" for null/undefined). */
export function setText(id, value) {
  $(id).textContent = value == null ? '' : String(value);
}

/** Creates an element; string children become text nodes, attrs are set as properties/attributes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c == null) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Replaces an element's children. */
export function fill(id, nodes) {
  $(id).replaceChildren(...nodes);
}

export function show(id, visible) {
  $(id).hidden = !visible;
}

/** "1:05:09" / "-0:03:00" for a number of seconds. */
export function clock(seconds) {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return sign + (h ? h + ':' : '') + mm + ':' + String(s).padStart(2, '0');
}

/** A live countdown element; tickCountdowns() refreshes all of them. */
export function countdown(dueIso) {
  const span = el('span', { class: 'countdown' });
  if (dueIso) {
    span.dataset.due = dueIso;
  } else {
    span.textContent = 'no deadline';
  }
  return span;
}

export function tickCountdowns(now = Date.now()) {
  for (const span of document.querySelectorAll('.countdown[data-due]')) {
    const left = (Date.parse(span.dataset.due) - now) / 1000;
    span.textContent = left < 0 ? 'overdue ' + clock(-left) : clock(left);
    span.classList.toggle('late', left < 0);
    span.classList.toggle('soon', left >= 0 && left < 3600);
  }
}
