// A few DOM helpers: elements built with textContent only (never innerHTML), so no value from an API is markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function main() {
  return document.getElementById('main');
}

let bannerTimer;

/** A message for everyone (role=alert): kind info, ok, warn or error; info and ok fade after a while. */
export function banner(text, kind = 'info', ...extra) {
  const el = document.getElementById('banner');
  clear(el);
  clearTimeout(bannerTimer);
  if (!text) { el.hidden = true; return; }
  el.className = `banner ${kind}`;
  el.append(h('span', { class: 'banner-text' }, text), ...extra);
  el.hidden = false;
  if (kind === 'info' || kind === 'ok') bannerTimer = setTimeout(() => { el.hidden = true; }, 8000);
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '';
}
