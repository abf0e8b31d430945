// Authority staff: the submissions waiting on the administration, and recording an outcome by hand (for an
// administration reached only through its portal). Reviewers and admins see the list; only `authority` records.
import { api, review } from './api.js';
import * as auth from './auth.js';
import { t, e } from './i18n.js';
import { h, clear, banner, shortId } from './dom.js';
import { at } from './time.js';
import { explain } from './problems.js';
import { confirm } from './viewer.js';

const POLL_MS = 10000;
const WAITING = new Set(['PENDING', 'SUBMITTED']);

export function authorityView(root) {
  const state = { items: [], waitingOnly: true, orderId: '', recording: null, timer: null };
  const mayRecord = auth.roles().includes('authority');

  const heading = h('h1', {});
  const waiting = h('input', { type: 'checkbox', id: 'a-waiting', checked: true });
  const waitingLabel = h('span', {});
  const orderId = h('input', { type: 'search', id: 'a-order', size: 38, autocomplete: 'off' });
  const orderLabel = h('span', {});
  const table = h('table', { class: 'submissions', id: 'submissions' });
  const formHolder = h('div', { id: 'outcome-form-holder' });
  const readOnly = h('p', { class: 'muted', hidden: mayRecord });
  root.append(h('section', {}, heading,
    h('form', { class: 'filters', role: 'search', onsubmit: ev => { ev.preventDefault(); state.orderId = orderId.value.trim(); load(); } },
      h('label', { class: 'check', for: 'a-waiting' }, waiting, waitingLabel),
      h('label', { for: 'a-order' }, orderLabel, orderId)),
    readOnly, table, formHolder));

  waiting.addEventListener('change', () => { state.waitingOnly = waiting.checked; renderTable(); });

  function rows() {
    return state.items.filter(s => !state.waitingOnly || WAITING.has(s.status));
  }

  function renderTable() {
    clear(table);
    const cols = ['col.submissionId', 'col.order', 'col.submission', 'col.status', 'col.sms', 'col.attempts', 'col.created',
      'col.submitted', 'col.decidedAt', 'col.actions'];
    table.append(h('caption', { class: 'sr-only' }, t('auth.caption')),
      h('thead', {}, h('tr', {}, ...cols.map(k => h('th', { scope: 'col' }, t(k))))));
    const body = h('tbody', {});
    rows().forEach(s => body.append(h('tr', { 'data-submission-id': s.submissionId, 'data-status': s.status },
      h('td', { class: 'mono', title: s.submissionId }, `${shortId(s.orderId)}:${s.submissionCount}`),
      h('td', { class: 'mono', title: s.orderId }, shortId(s.orderId)),
      h('td', {}, t('row.submissionCount', { n: s.submissionCount })),
      h('td', {}, h('span', { class: `pill sub-${s.status}` }, e('submissionStatus', s.status)),
        s.lastError ? h('div', { class: 'small error' }, s.lastError) : null),
      h('td', {}, s.smsStatus ? e('sms', s.smsStatus) : '—'),
      h('td', {}, String(s.attempts)),
      h('td', {}, at(s.createdAt)), h('td', {}, at(s.submittedAt)), h('td', {}, at(s.decidedAt)),
      h('td', {}, mayRecord && WAITING.has(s.status)
        ? h('button', { type: 'button', 'data-action': 'record', onclick: () => { state.recording = s; renderForm(); } }, t('auth.record'))
        : ''))));
    if (!rows().length) body.append(h('tr', {}, h('td', { colspan: cols.length, class: 'empty' }, t('auth.empty'))));
    table.append(body);
  }

  function rowsEditor(list, fields, addLabel, make) {
    const holder = h('div', { class: 'rows' });
    const draw = () => {
      clear(holder);
      list.forEach((item, i) => {
        holder.append(h('fieldset', { class: 'row-edit' }, ...fields.map(([key, label]) => {
          const id = `${key}-${i}-${Math.random().toString(36).slice(2, 7)}`;
          const input = h('input', { id, name: key, value: item[key] || '', autocomplete: 'off' });
          input.addEventListener('input', () => { item[key] = input.value; });
          return h('label', { for: id }, label, input);
        }), h('button', { type: 'button', class: 'link', onclick: () => { list.splice(i, 1); draw(); } }, t('auth.remove'))));
      });
      holder.append(h('button', { type: 'button', onclick: () => { list.push(make()); draw(); } }, addLabel));
    };
    draw();
    return holder;
  }

  function renderForm() {
    clear(formHolder);
    const s = state.recording;
    if (!s) return;
    const model = { outcome: 'APPROVED', subjectFilingNumber: '', websites: [{ name: '', domains: '', websiteFilingNumber: '' }],
      reasons: [{ code: '', message: '', field: '' }] };
    const outcome = h('select', { id: 'outcome' }, ...['APPROVED', 'REJECTED', 'RETURNED'].map(o => h('option', { value: o }, e('outcome', o))));
    const subjectNumber = h('input', { id: 'subject-number', autocomplete: 'off' });
    const approved = h('div', { class: 'approved-part' },
      h('label', { for: 'subject-number' }, t('auth.subjectNumber'), subjectNumber),
      h('h3', {}, t('auth.websites')),
      rowsEditor(model.websites, [['name', t('auth.websiteName')], ['domains', t('auth.domains')], ['websiteFilingNumber', t('auth.websiteNumber')]],
        t('auth.addWebsite'), () => ({ name: '', domains: '', websiteFilingNumber: '' })));
    const reasons = h('div', { class: 'reasons-part', hidden: true }, h('h3', {}, t('auth.reasons')),
      rowsEditor(model.reasons, [['code', t('auth.reasonCode')], ['message', t('auth.reasonMessage')], ['field', t('auth.reasonField')]],
        t('auth.addReason'), () => ({ code: '', message: '', field: '' })));
    outcome.addEventListener('change', () => { model.outcome = outcome.value; approved.hidden = model.outcome !== 'APPROVED'; reasons.hidden = model.outcome === 'APPROVED'; });
    subjectNumber.addEventListener('input', () => { model.subjectFilingNumber = subjectNumber.value; });
    const form = h('form', { class: 'outcome-form', 'aria-labelledby': 'outcome-h', onsubmit: async ev => {
      ev.preventDefault();
      const body = { outcome: model.outcome };
      if (model.outcome === 'APPROVED') {
        body.subjectFilingNumber = model.subjectFilingNumber.trim();
        body.websites = model.websites.filter(w => w.websiteFilingNumber.trim()).map(w => ({ name: w.name.trim() || undefined,
          domains: w.domains.split(/[,，\s]+/).filter(Boolean), websiteFilingNumber: w.websiteFilingNumber.trim() }));
      } else {
        body.reasons = model.reasons.filter(r => r.code.trim() || r.message.trim()).map(r => ({ code: r.code.trim().toUpperCase(),
          message: r.message.trim(), field: r.field.trim() || undefined }));
      }
      if (!(await confirm(`${t('auth.recordFor', { id: s.submissionId })} — ${e('outcome', model.outcome)}`, t('auth.submit')))) return;
      try {
        await api('POST', review(`/authority-submissions/${encodeURIComponent(s.submissionId)}/outcome`), body);
        state.recording = null;
        renderForm();
        banner(t('auth.recorded'), 'ok');
        load();
      } catch (err) { banner(explain(err), 'error'); }
    } },
    h('h2', { id: 'outcome-h' }, t('auth.recordFor', { id: s.submissionId })),
    h('label', { for: 'outcome' }, t('auth.outcome'), outcome), approved, reasons,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'record-outcome' }, t('auth.submit')),
      h('button', { type: 'button', onclick: () => { state.recording = null; renderForm(); } }, t('cancel'))));
    formHolder.append(form);
    outcome.focus();
  }

  function render() {
    heading.textContent = t('auth.title');
    waitingLabel.textContent = t('auth.waitingOnly');
    orderLabel.textContent = t('auth.orderId');
    readOnly.textContent = t('auth.readOnly');
    renderTable();
    renderForm();
  }

  async function load() {
    try {
      // The newest 100 (one page); an order's are never that many.
      const q = state.orderId ? `&orderId=${encodeURIComponent(state.orderId)}` : '';
      state.items = (await api('GET', review(`/authority-submissions?limit=100${q}`))).items;
      renderTable();
    } catch (err) { banner(explain(err), 'error'); }
  }

  render();
  load();
  state.timer = setInterval(load, POLL_MS);
  return {
    render,
    stop() { clearInterval(state.timer); },
    key(k) { if (k === 'r') { load(); return true; } return false; },
  };
}
