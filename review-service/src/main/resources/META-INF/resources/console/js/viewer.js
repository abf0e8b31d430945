// The full-size image viewer (zoom with buttons, + / - / 0 keys and the mouse wheel; Esc closes) and the
// confirmation dialog, both native <dialog> elements (focus kept inside, Esc closes).
import { t } from './i18n.js';

const STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
let scale = 1;
let fit = true;

function apply() {
  const img = document.getElementById('viewer-img');
  const out = document.getElementById('viewer-scale');
  if (fit) {
    img.classList.add('fit');
    img.style.width = '';
    out.textContent = t('viewer.fit');
  } else {
    img.classList.remove('fit');
    img.style.width = `${Math.round(img.naturalWidth * scale)}px`;
    out.textContent = `${Math.round(scale * 100)}%`;
  }
}

function zoom(what) {
  const dialog = document.getElementById('viewer');
  if (what === 'close') { dialog.close(); return; }
  if (what === 'fit') { fit = true; apply(); return; }
  const i = STEPS.findIndex(s => s >= scale);
  if (fit) { fit = false; scale = 1; } else if (what === 'in') scale = STEPS[Math.min(STEPS.length - 1, (STEPS[i] === scale ? i : i - 1) + 1)];
  else scale = STEPS[Math.max(0, (i < 0 ? STEPS.length : i) - 1)];
  apply();
}

export function openViewer(src, name) {
  const dialog = document.getElementById('viewer');
  document.getElementById('viewer-title').textContent = name;
  const img = document.getElementById('viewer-img');
  img.alt = name;
  img.src = src;
  fit = true;
  scale = 1;
  dialog.querySelectorAll('[data-zoom]').forEach(b => { b.textContent = t(`viewer.${b.dataset.zoom}`); });
  img.onload = apply;
  apply();
  dialog.showModal();
}

function install() {
  const dialog = document.getElementById('viewer');
  dialog.querySelectorAll('[data-zoom]').forEach(b => b.addEventListener('click', () => zoom(b.dataset.zoom)));
  dialog.addEventListener('keydown', ev => {
    if (ev.key === '+' || ev.key === '=') { zoom('in'); ev.preventDefault(); }
    if (ev.key === '-') { zoom('out'); ev.preventDefault(); }
    if (ev.key === '0') { zoom('fit'); ev.preventDefault(); }
  });
  dialog.querySelector('.viewer-stage').addEventListener('wheel', ev => {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 'in' : 'out');
  }, { passive: false });
}

/** Asks; answers true when confirmed (Enter on the focused confirm button), false on cancel or Esc. */
export function confirm(text, yes) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  const ok = document.getElementById('confirm-yes');
  const no = document.getElementById('confirm-no');
  ok.textContent = yes;
  no.textContent = t('cancel');
  return new Promise(resolve => {
    const done = value => { ok.onclick = null; no.onclick = null; dialog.onclose = null; if (dialog.open) dialog.close(); resolve(value); };
    ok.onclick = () => done(true);
    no.onclick = () => done(false);
    dialog.onclose = () => done(false);
    dialog.showModal();
    ok.focus();
  });
}

install();
