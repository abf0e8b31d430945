// The queue: kinds, provinces, SLA countdowns and overdue marks, filters, claim next or a chosen case, cases claimed
// by others shown as such; polled every few seconds so another reviewer's claim shows without a reload.
import { api, review, ApiError } from './api.js';
import * as auth from './auth.js';
import { t, e } from './i18n.js';
import { h, clear, banner, shortId } from './dom.js';
import { at, clock, sla } from './time.js';
import { explain } from './problems.js';

const POLL_MS = 4000;
const FILTERS = 'beian.console.queue-filters';

export function queueView(root) {
  const saved = JSON.parse(sessionStorage.getItem(FILTERS) || '{}');
  const state = { kind: saved.kind || '', province: saved.province || '', status: saved.status || 'OPEN',
    overdue: !!saved.overdue, mine: !!saved.mine, items: [], more: null, updated: null, timer: null, tick: null,
    focus: 0 };

  const kind = h('select', { id: 'f-kind' });
  const province = h('select', { id: 'f-province' });
  const status = h('select', { id: 'f-status' });
  const overdue = h('input', { type: 'checkbox', id: 'f-overdue' });
  const mine = h('input', { type: 'checkbox', id: 'f-mine' });
  const claimNext = h('button', { type: 'button', class: 'primary', id: 'claim-next', 'aria-keyshortcuts': 'n' });
  const refresh = h('button', { type: 'button', id: 'refresh', 'aria-keyshortcuts': 'r' });
  const summary = h('p', { id: 'queue-summary', class: 'muted', 'aria-live': 'polite' });
  const table = h('table', { class: 'queue', id: 'queue-table' });
  const more = h('button', { type: 'button', id: 'more', hidden: true });
  const heading = h('h1', {});
  const labels = {};
  const label = (key, control) => { labels[key] = h('span', {}); return h('label', { for: control.id }, labels[key], control); };
  root.append(h('section', { class: 'queue-view' }, heading,
    h('form', { class: 'filters', role: 'search', onsubmit: ev => ev.preventDefault() },
      label('queue.kind', kind), label('queue.province', province), label('queue.status', status),
      h('label', { class: 'check', for: 'f-overdue' }, overdue, labels['queue.overdueOnly'] = h('span', {})),
      h('label', { class: 'check', for: 'f-mine' }, mine, labels['queue.mineOnly'] = h('span', {})),
      h('span', { class: 'spacer' }), refresh, claimNext),
    summary, table, more));

  function options(select, values, value, render) {
    clear(select);
    values.forEach(v => select.append(h('option', { value: v, selected: v === value }, render(v))));
  }

  function save() {
    sessionStorage.setItem(FILTERS, JSON.stringify({ kind: state.kind, province: state.province, status: state.status,
      overdue: state.overdue, mine: state.mine }));
  }

  function visible() {
    const me = auth.accountId();
    return state.items.filter(c => (!state.province || c.province === state.province)
      && (!state.overdue || c.overdue) && (!state.mine || c.claimedBy === me));
  }

  function claimCell(c) {
    const pill = claimPill(c);
    // Four-eyes: an approval waits for a second reviewer (not the one who asked, who cannot confirm it).
    if (c.status !== 'OPEN' || !c.approvalRequestedBy) return pill;
    return h('span', {}, pill, ' ', h('span', { class: 'pill four-eyes', 'data-four-eyes': c.approvalRequestedBy === auth.accountId() ? 'mine' : 'other' },
      c.approvalRequestedBy === auth.accountId() ? t('queue.fourEyesMine') : t('queue.fourEyes', { who: shortId(c.approvalRequestedBy) })));
  }

  function claimPill(c) {
    const me = auth.accountId();
    if (c.status !== 'OPEN' && c.status !== 'ASSEMBLING') {
      return h('span', { class: `pill status-${c.status}` }, e('status', c.status));
    }
    if (!c.complete) {
      return h('span', { class: 'pill assembling' },
        t('claim.assembling', { missing: (c.missing || []).map(m => t(`missing.${m}`)).join('、') }));
    }
    if (c.claimedBy && c.claimedBy === me) {
      return h('span', { class: 'pill mine' }, t('claim.mine', { until: clock(c.leaseUntil) }));
    }
    if (c.claimedBy) {
      return h('span', { class: 'pill other', 'data-claimed-by': 'other' },
        t('claim.other', { who: shortId(c.claimedBy), until: clock(c.leaseUntil) }));
    }
    return h('span', { class: 'pill free' }, t('claim.free'));
  }

  function slaCell(c) {
    if (c.status !== 'OPEN' && c.status !== 'ASSEMBLING') return h('span', { class: 'muted' }, at(c.decidedAt));
    const s = sla(c.dueAt);
    const overdueMark = c.overdue || s.overdue;
    return h('span', { class: overdueMark ? 'sla overdue' : 'sla', 'data-due': c.dueAt, title: t('sla.due', { at: at(c.dueAt) }) },
      overdueMark ? '⚠ ' : '', s.text);
  }

  function renderTable() {
    const rows = visible();
    clear(table);
    table.append(h('caption', { class: 'sr-only' }, t('queue.caption')),
      h('thead', {}, h('tr', {}, ...['col.kind', 'col.type', 'col.province', 'col.order', 'col.submission', 'col.opened',
        'col.due', 'col.status', 'col.actions'].map(k => h('th', { scope: 'col' }, t(k))))));
    const body = h('tbody', {});
    const me = auth.accountId();
    rows.forEach((c, i) => {
      const claimable = c.status === 'OPEN' && c.complete && (!c.claimedBy || c.claimedBy === me);
      const open = h('a', { href: `#/cases/${c.id}`, class: 'button', 'data-action': 'open' }, t('row.open'));
      const claim = h('button', { type: 'button', 'data-action': 'claim', disabled: !claimable || c.claimedBy === me,
        'aria-label': `${t('row.claim')} ${e('kind', c.kind)} ${shortId(c.orderId)}`, onclick: () => claimOne(c) }, t('row.claim'));
      body.append(h('tr', { 'data-case-id': c.id, 'data-order-id': c.orderId, 'data-version': c.version,
        class: [c.overdue ? 'overdue' : '', c.claimedBy && c.claimedBy !== me ? 'claimed-other' : '',
          i === state.focus ? 'focused' : ''].join(' ').trim() },
        h('td', {}, h('span', { class: `kind kind-${c.kind}` }, e('kind', c.kind))),
        h('td', {}, e('type', c.type)),
        h('td', {}, e('province', c.province)),
        h('td', { class: 'mono', title: c.orderId }, shortId(c.orderId)),
        h('td', {}, t('row.submissionCount', { n: c.submissionCount })),
        h('td', {}, at(c.openedAt)),
        h('td', {}, slaCell(c)),
        h('td', {}, claimCell(c)),
        h('td', { class: 'actions' }, open, claim)));
    });
    table.append(body);
    if (!rows.length) table.append(h('tbody', {}, h('tr', {}, h('td', { colspan: 9, class: 'empty' }, t('queue.empty')))));
    summary.textContent = state.updated
      ? t('queue.count', { n: state.items.length, shown: rows.length, at: dayjs(state.updated).format('HH:mm:ss') }) : t('loading');
    more.hidden = !state.more;
  }

  function render() {
    heading.textContent = t('queue.title');
    Object.entries(labels).forEach(([k, el]) => { el.textContent = t(k); });
    options(kind, ['', 'INITIAL', 'PHOTO', 'RE_REVIEW'], state.kind, v => v ? e('kind', v) : t('queue.all'));
    const provinces = [...new Set(['', state.province, ...state.items.map(c => c.province)].filter(p => p !== undefined))];
    options(province, provinces, state.province, v => v ? e('province', v) : t('queue.all'));
    options(status, ['OPEN', 'APPROVED', 'REJECTED', 'CANCELLED'], state.status, v => v === 'OPEN' ? t('queue.open') : e('status', v));
    overdue.checked = state.overdue;
    mine.checked = state.mine;
    claimNext.textContent = `${t('queue.claimNext')} (N)`;
    refresh.textContent = `${t('queue.refresh')} (R)`;
    more.textContent = t('more');
    renderTable();
  }

  function query(cursor) {
    const p = new URLSearchParams({ limit: '100' });
    if (state.kind) p.set('kind', state.kind);
    if (state.status === 'OPEN') { p.append('status', 'OPEN'); p.append('status', 'ASSEMBLING'); } else p.set('status', state.status);
    if (cursor) p.set('cursor', cursor);
    return review(`/review-cases?${p}`);
  }

  async function load() {
    try {
      const page = await api('GET', query());
      state.items = page.items;
      state.more = page.nextCursor || null;
      state.updated = Date.now();
      render();
    } catch (err) {
      banner(explain(err), 'error');
    }
  }

  async function loadMore() {
    if (!state.more) return;
    const page = await api('GET', query(state.more));
    state.items = state.items.concat(page.items);
    state.more = page.nextCursor || null;
    render();
  }

  async function claimOne(c) {
    try {
      const claimed = await api('POST', review(`/review-cases/${c.id}/claim`));
      banner(t('claimed.toast'), 'ok');
      location.hash = `#/cases/${claimed.id}`;
    } catch (err) {
      banner(explain(err), 'warn');
      load();
    }
  }

  async function claimNextCase() {
    try {
      const p = state.kind ? `?kind=${state.kind}` : '';
      const claimed = await api('POST', review(`/review-cases/claim${p}`));
      if (!claimed) { banner(t('queue.nothingToClaim'), 'info'); load(); return; }
      banner(t('claimed.toast'), 'ok');
      location.hash = `#/cases/${claimed.id}`;
    } catch (err) {
      banner(explain(err), 'warn');
    }
  }

  kind.addEventListener('change', () => { state.kind = kind.value; save(); load(); });
  status.addEventListener('change', () => { state.status = status.value; save(); load(); });
  province.addEventListener('change', () => { state.province = province.value; save(); renderTable(); });
  overdue.addEventListener('change', () => { state.overdue = overdue.checked; save(); renderTable(); });
  mine.addEventListener('change', () => { state.mine = mine.checked; save(); renderTable(); });
  claimNext.addEventListener('click', claimNextCase);
  refresh.addEventListener('click', load);
  more.addEventListener('click', () => loadMore().catch(err => banner(explain(err), 'error')));

  render();
  load();
  state.timer = setInterval(load, POLL_MS);
  state.tick = setInterval(renderTable, 30000);

  function moveFocus(delta) {
    const rows = visible();
    if (!rows.length) return;
    state.focus = Math.max(0, Math.min(rows.length - 1, state.focus + delta));
    renderTable();
    const link = table.querySelectorAll('tbody tr')[state.focus]?.querySelector('a');
    if (link) link.focus();
  }

  return {
    render,
    stop() { clearInterval(state.timer); clearInterval(state.tick); },
    key(k) {
      if (k === 'n') { claimNextCase(); return true; }
      if (k === 'r') { load(); return true; }
      if (k === 'j' || k === 'ArrowDown') { moveFocus(1); return true; }
      if (k === 'k' || k === 'ArrowUp') { moveFocus(-1); return true; }
      return false;
    },
  };
}

export { ApiError };
