// The reviewers' console: sign-in, navigation (navigo, hash routes), shortcuts, and the three views.
import * as auth from './auth.js';
import { t, language, setLanguage, translateStatic } from './i18n.js';
import { h, clear, main, banner } from './dom.js';
import { syncClock } from './time.js';
import { queueView } from './queue.js';
import { caseView } from './case.js';
import { authorityView } from './authority.js';

dayjs.extend(window.dayjs_plugin_utc);
dayjs.extend(window.dayjs_plugin_duration);
dayjs.extend(window.dayjs_plugin_relativeTime);
setLanguage(language());

const STAFF = ['reviewer', 'admin', 'authority'];
let router;
let active = null; // the current view: { stop(), key(k) , render() }
let rerender = () => {};

async function loadConfig() {
  const sent = Date.now();
  const response = await fetch('config.json', { cache: 'no-store', credentials: 'omit' });
  const config = await response.json();
  syncClock(config.now, sent, Date.now());
  return config;
}

function can(...roles) {
  const mine = auth.roles();
  return roles.some(r => mine.includes(r));
}

export const roles = { can };

function header() {
  translateStatic();
  document.title = t('brand');
  const langButton = document.getElementById('lang');
  langButton.textContent = t('lang.switch');
  langButton.lang = language() === 'en' ? 'zh-CN' : 'en';
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  const signedIn = !!auth.accessToken();
  nav.hidden = !signedIn || !can(...STAFF);
  nav.querySelector('[data-nav=queue]').hidden = !can('reviewer', 'admin');
  nav.querySelector('[data-nav=authority]').hidden = !can('authority', 'admin', 'reviewer');
  document.getElementById('sign-out').hidden = !signedIn;
  const who = document.getElementById('whoami');
  who.textContent = signedIn ? `${auth.displayName()} (${auth.roles().filter(r => STAFF.includes(r)).join(', ')})` : '';
}

function markNav(name) {
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

function show(name, factory) {
  if (active && active.stop) active.stop();
  markNav(name);
  const root = clear(main());
  active = factory(root);
  rerender = () => { if (active && active.render) active.render(); };
  main().focus({ preventScroll: true });
}

function welcome(notStaff) {
  if (active && active.stop) active.stop();
  active = null;
  const root = clear(main());
  root.append(h('section', { class: 'welcome' },
    h('h1', {}, t('welcome.title')),
    h('p', {}, notStaff ? t('welcome.notStaff') : t('welcome.text')),
    notStaff ? null : h('button', { type: 'button', class: 'primary', id: 'sign-in', onclick: () => auth.signIn(language()) }, t('signIn'))));
  rerender = () => welcome(notStaff);
}

function routes() {
  router = new Navigo('/', { hash: true });
  router
    .on('/queue', () => show('queue', queueView))
    .on('/cases/:id', ({ data }) => show('queue', root => caseView(root, data.id, router)))
    .on('/authority', () => show('authority', authorityView))
    .notFound(() => router.navigate(can('reviewer', 'admin') ? '/queue' : '/authority'));
  router.on('/', () => router.navigate(can('reviewer', 'admin') ? '/queue' : '/authority'));
  router.resolve();
}

function shortcuts(event) {
  if (!document.getElementById('shortcuts-on').checked) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target.closest && target.closest('input, textarea, select, [contenteditable], dialog[open]')) return;
  if (active && active.key && active.key(event.key, event) === true) event.preventDefault();
}

async function boot() {
  document.getElementById('lang').addEventListener('click', () => {
    setLanguage(language() === 'en' ? 'zh-CN' : 'en');
    header();
    rerender();
  });
  document.getElementById('sign-out').addEventListener('click', () => auth.signOut());
  const toggle = document.getElementById('shortcuts-on');
  toggle.checked = localStorage.getItem('beian.console.shortcuts') !== 'off';
  toggle.addEventListener('change', () => localStorage.setItem('beian.console.shortcuts', toggle.checked ? 'on' : 'off'));
  document.addEventListener('keydown', shortcuts);
  header();

  const config = await loadConfig();
  setInterval(() => loadConfig().catch(() => {}), 60000);
  auth.init(config, language());
  auth.onChange((what, detail) => {
    if (what === 'renewed') header();
    if (what === 'expired') { banner(t('session.expired'), 'warn'); header(); }
    if (what === 'renew-error') banner(t('session.renewFailed', { msg: detail && detail.message }), 'warn');
  });
  let user = null;
  try {
    user = await auth.start();
  } catch (e) {
    banner(String(e.message || e), 'error');
  }
  header();
  if (!user) { welcome(false); return; }
  if (!can(...STAFF)) { welcome(true); return; }
  routes();
}

// For the end-to-end tests and for operators: the console's own state, nothing that carries a credential.
window.beianConsole = { renew: () => auth.renew().then(u => u.expires_at), accountId: () => auth.accountId() };

boot().catch(e => banner(String(e.message || e), 'error'));
