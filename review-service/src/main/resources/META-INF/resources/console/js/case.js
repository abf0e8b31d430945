// One case: the snapshot (every field a button that pins a rejection reason to its field key), the materials as
// images (full size and zoom; in photo review the curtain photo next to the ID photo), the earlier decisions, the
// findings (with rule ids), the province's checklist (tick / fail with a reason), history, notes and audit trail; and
// the decision panel: claim, renew, release, approve (four-eyes where the case needs it), reject.
import { api, blobUrl, review } from './api.js';
import * as auth from './auth.js';
import { t, e, fieldLabel, pathLabel } from './i18n.js';
import { h, clear, banner, shortId } from './dom.js';
import { at, clock, sla, span, now } from './time.js';
import { explain } from './problems.js';
import { openViewer, confirm } from './viewer.js';

const POLL_MS = 4000;
const DRAFTS = 'beian.console.drafts.';
let reasonCodes = null;

async function codes() {
  if (!reasonCodes) reasonCodes = (await api('GET', review('/review-reason-codes'))).items;
  return reasonCodes;
}

/** The reason code a reviewer most likely means for a field; they can pick another. */
function guessCode(key) {
  if (/curtainPhoto$/.test(key)) return 'PHOTO_UNCLEAR';
  if (/^materials\[\d+\]/.test(key)) return 'MATERIAL_UNCLEAR';
  if (/^websites\[\d+\]\.name$/.test(key)) return 'WEBSITE_NAME_NOT_COMPLIANT';
  if (/^websites\[\d+\]\.domains/.test(key)) return 'DOMAIN_NOT_VERIFIED';
  if (/^websites\[\d+\]\.principal/.test(key)) return 'PRINCIPAL_INFO_WRONG';
  if (/^websites/.test(key)) return 'WEBSITE_INFO_INCOMPLETE';
  if (/Address$/.test(key)) return 'ADDRESS_NOT_DETAILED';
  if (/^subject\.principal/.test(key)) return 'PRINCIPAL_INFO_WRONG';
  if (/certificate/i.test(key)) return 'CERTIFICATE_INVALID';
  if (/^subject/.test(key)) return 'SUBJECT_INFO_WRONG';
  return 'OTHER';
}

const ENUM_FIELDS = { type: 'type', province: 'province', nature: 'nature', certificateType: 'certificateType', kind: 'material',
  serviceContent: 'serviceContent' };
const HIDDEN = new Set(['subjectId', 'materialId', 'sha256', 'objectKey', 'contentType', 'sizeBytes', 'version', 'websiteId', 'id', 'width', 'height', 'uploadedAt']);

export function caseView(root, caseId, router) {
  const state = {
    detail: null, seenVersion: null, drafts: JSON.parse(sessionStorage.getItem(DRAFTS + caseId) || '[]'),
    images: new Map(), timer: null, tick: null, busy: false, changed: null, failing: null,
  };

  const layout = h('div', { class: 'case-layout' });
  root.append(layout);

  const me = () => auth.accountId();
  const c = () => state.detail && state.detail.reviewCase;
  const holding = () => c() && c().status === 'OPEN' && c().claimedBy === me();
  const saveDrafts = () => sessionStorage.setItem(DRAFTS + caseId, JSON.stringify(state.drafts));

  async function load(note) {
    try {
      const detail = await api('GET', review(`/review-cases/${caseId}`));
      const links = new Map((detail.materialLinks || []).map(l => [l.fieldKey, l]));
      // Images are read once per material with the reviewer's token; masked views have no links.
      for (const [key, url] of state.images) {
        if (!links.has(key)) { URL.revokeObjectURL(url); state.images.delete(key); }
      }
      // A photo case's snapshot is the submission's; the curtain photos came after it, so they are read from
      // materials-service's list of the order's current materials (the claim holder may read them).
      detail.curtains = [];
      if (detail.reviewCase.kind === 'PHOTO' && detail.materialLinks && detail.materialLinks.length) {
        const base = detail.materialLinks[0].content.replace(/\/materials\/[^/]+\/content$/, '');
        try {
          const list = await api('GET', `${base}/materials`);
          detail.curtains = (list.items || []).filter(m => m.kind === 'CURTAIN_PHOTO')
            .map(m => ({ kind: m.kind, ownerRef: m.ownerRef, key: `curtain:${m.id}`, content: `${base}/materials/${m.id}/content` }));
          detail.curtains.forEach(m => links.set(m.key, { content: m.content }));
        } catch (err) {
          banner(explain(err), 'warn');
        }
      }
      state.detail = detail;
      state.seenVersion = detail.reviewCase.version;
      state.changed = null;
      (await codes());
      render();
      if (note) banner(note, 'info');
      loadImages(links);
    } catch (err) {
      banner(explain(err), 'error');
    }
  }

  async function loadImages(links) {
    for (const [key, link] of links) {
      if (state.images.has(key)) continue;
      try {
        state.images.set(key, await blobUrl(link.content));
      } catch (err) {
        state.images.set(key, { error: explain(err) });
      }
      document.querySelectorAll(`[data-image-key="${CSS.escape(key)}"]`).forEach(el => fillImage(el, key));
    }
  }

  function fillImage(holder, key) {
    const src = state.images.get(key);
    clear(holder);
    const name = holder.dataset.imageName;
    if (!src) { holder.append(h('span', { class: 'muted' }, state.detail.personalData === 'FULL' ? t('loading') : t('case.noImage'))); return; }
    if (src.error) { holder.append(h('span', { class: 'error' }, t('case.imageError', { msg: src.error }))); return; }
    const img = h('img', { src, alt: name, 'data-loaded-key': key });
    holder.append(h('button', { type: 'button', class: 'thumb', 'aria-label': t('case.viewImage', { name }),
      onclick: () => openViewer(src, name) }, img));
  }

  // ---- the snapshot, every field a pin button -------------------------------------------------------------
  function fieldButton(key, text) {
    const pinned = state.drafts.some(d => d.fieldKey === key);
    return h('button', {
      type: 'button', class: pinned ? 'field pinned' : 'field', 'data-field-key': key,
      'aria-pressed': pinned ? 'true' : 'false', disabled: !holding(),
      'aria-label': `${t('case.pinField', { field: pathLabel(key) })}: ${text}`,
      onclick: () => pin(key),
    }, text === '' ? '—' : text);
  }

  function valueText(key, value) {
    if (value === true) return '✓';
    if (value === false) return '✗';
    return ENUM_FIELDS[key] ? `${e(ENUM_FIELDS[key], value)}` : String(value);
  }

  function fieldsOf(obj, path) {
    const dl = h('dl', { class: 'fields' });
    for (const [key, value] of Object.entries(obj || {})) {
      if (HIDDEN.has(key)) continue;
      const p = path ? `${path}.${key}` : key;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        dl.append(h('div', { class: 'nested' }, h('dt', {}, fieldButton(p, fieldLabel(key))), h('dd', {}, fieldsOf(value, p))));
      } else if (Array.isArray(value)) {
        dl.append(h('div', {}, h('dt', {}, fieldLabel(key)), h('dd', {}, h('ul', { class: 'inline' },
          ...value.map((v, i) => h('li', {}, typeof v === 'object' && v !== null
            ? fieldsOf(v, `${p}[${i}]`) : fieldButton(`${p}[${i}]`, valueText(key, v))))))));
      } else {
        dl.append(h('div', {}, h('dt', {}, fieldLabel(key)), h('dd', {}, fieldButton(p, valueText(key, value)))));
      }
    }
    return dl;
  }

  function materialFigure(m, i) {
    const key = `materials[${i}]`;
    const name = `${e('material', m.kind)}${m.ownerRef ? ' · ' + m.ownerRef : ''}`;
    const holder = h('div', { class: 'image', 'data-image-key': key, 'data-image-name': name });
    fillImage(holder, key);
    return h('figure', { class: 'material', 'data-material-kind': m.kind }, holder,
      h('figcaption', {}, fieldButton(key, name)));
  }

  function curtainFigure(m) {
    const name = `${e('material', m.kind)}${m.ownerRef ? ' · ' + m.ownerRef : ''}`;
    const holder = h('div', { class: 'image', 'data-image-key': m.key, 'data-image-name': name });
    fillImage(holder, m.key);
    return h('figure', { class: 'material', 'data-material-kind': m.kind }, holder, h('figcaption', {}, name));
  }

  function photoCompare(snap) {
    const materials = snap.materials || [];
    const curtains = (state.detail.curtains || []).map(m => ({ m, i: -1 }));
    const section = h('section', { class: 'compare', id: 'photo-compare', 'aria-labelledby': 'compare-h' },
      h('h2', { id: 'compare-h' }, t('case.compare')));
    if (!curtains.length) { section.append(h('p', { class: 'muted' }, t('case.compare.none'))); return section; }
    curtains.forEach(({ m, i }) => {
      const owner = m.ownerRef || '';
      // The ID photo of the same person: the same owner's front (or both sides), else the subject principal's.
      const id = materials.map((x, j) => ({ x, j })).find(({ x }) => (x.kind === 'ID_FRONT' || x.kind === 'ID_BOTH_SIDES') && x.ownerRef === owner)
        || materials.map((x, j) => ({ x, j })).find(({ x }) => x.kind === 'ID_FRONT' || x.kind === 'ID_BOTH_SIDES');
      // The material's owner names the website (by its id) whose principal is photographed.
      const found = (snap.websites || []).findIndex(w => w.websiteId && owner.includes(w.websiteId));
      const index = found >= 0 ? found : 0;
      const pinKey = `websites[${index}].principal.curtainPhoto`;
      const principal = ((snap.websites || [])[index] || {}).principal || {};
      section.append(h('div', { class: 'pair', 'data-owner': owner },
        h('p', { class: 'pair-title' }, t('case.compare.for', { who: `${pathLabel(`websites[${index}].principal`)} ${principal.name || ''}` }),
          ' ', fieldButton(pinKey, pathLabel(pinKey))),
        h('div', { class: 'pair-images' },
          id ? materialFigure(id.x, id.j) : h('p', { class: 'muted' }, t('case.noImage')),
          curtainFigure(m))));
    });
    return section;
  }

  function snapshotView(snap) {
    const parts = [];
    if (c().kind === 'PHOTO') parts.push(photoCompare(snap));
    parts.push(h('section', { 'aria-labelledby': 'ov-h' }, h('h2', { id: 'ov-h' }, t('case.overview')),
      fieldsOf({ type: snap.type, province: snap.province }, '')));
    parts.push(h('section', { 'aria-labelledby': 'subj-h' }, h('h2', { id: 'subj-h' }, t('case.subject')),
      fieldsOf(snap.subject, 'subject')));
    (snap.websites || []).forEach((w, i) => {
      parts.push(h('section', { 'aria-labelledby': `w${i}-h`, class: 'website' },
        h('h2', { id: `w${i}-h` }, t('case.website', { n: i + 1 }), ' ', h('span', { class: 'title-name' }, w.name || '')),
        fieldsOf(w, `websites[${i}]`)));
    });
    parts.push(h('section', { 'aria-labelledby': 'mat-h' }, h('h2', { id: 'mat-h' }, t('case.materials')),
      h('div', { class: 'gallery' }, ...(snap.materials || []).map(materialFigure))));
    return parts;
  }

  // ---- reasons -------------------------------------------------------------------------------------------
  function pin(key) {
    if (!holding()) { banner(t('decide.notMine'), 'warn'); return; }
    let draft = state.drafts.find(d => d.fieldKey === key);
    if (!draft) {
      const code = guessCode(key);
      const known = reasonCodes.find(r => r.code === code) || reasonCodes[reasonCodes.length - 1];
      draft = { fieldKey: key, code: known.code, suggestion: known.defaultSuggestion, edited: false };
      state.drafts.push(draft);
      saveDrafts();
    }
    render();
    const select = document.querySelector(`select[data-reason-for="${CSS.escape(key)}"]`);
    if (select) select.focus();
  }

  function reasonEditor(d, i) {
    const select = h('select', { id: `reason-code-${i}`, 'data-reason-for': d.fieldKey },
      ...reasonCodes.map(r => h('option', { value: r.code, selected: r.code === d.code }, `${e('reason', r.code)} (${r.code})`)));
    const text = h('textarea', { id: `reason-text-${i}`, rows: 2, maxlength: 500, 'data-suggestion-for': d.fieldKey }, d.suggestion);
    select.addEventListener('change', () => {
      const before = reasonCodes.find(r => r.code === d.code);
      d.code = select.value;
      const now = reasonCodes.find(r => r.code === d.code);
      if (!d.edited || (before && d.suggestion === before.defaultSuggestion)) { d.suggestion = now.defaultSuggestion; text.value = d.suggestion; d.edited = false; }
      saveDrafts();
    });
    text.addEventListener('input', () => { d.suggestion = text.value; d.edited = true; saveDrafts(); });
    return h('li', { class: 'reason', 'data-reason-field': d.fieldKey },
      h('div', { class: 'reason-field' }, h('strong', {}, pathLabel(d.fieldKey)), ' ', h('code', {}, d.fieldKey)),
      h('label', { for: select.id }, t('decide.code')), select,
      h('label', { for: text.id }, t('decide.suggestion')), text,
      h('button', { type: 'button', class: 'link', onclick: () => { state.drafts.splice(i, 1); saveDrafts(); render(); } }, t('decide.remove')));
  }

  // ---- moves ---------------------------------------------------------------------------------------------
  async function move(what) {
    if (state.busy) return;
    const current = c();
    if (!current) return;
    state.busy = true;
    try {
      if (what === 'claim') {
        await api('POST', review(`/review-cases/${caseId}/claim`));
        await load(t('claimed.toast'));
      } else if (what === 'release') {
        await api('POST', review(`/review-cases/${caseId}/release`));
        await load(t('decide.released'));
      } else if (what === 'approve') {
        if (!holding()) { banner(t('decide.notMine'), 'warn'); return; }
        const fourEyes = !c().approvalRequestedBy && state.detail.approval && state.detail.approval.secondReviewerRequired;
        const second = c().approvalRequestedBy && c().approvalRequestedBy !== me();
        const question = second ? t('decide.confirmSecond', { who: who(c().approvalRequestedBy) })
          : fourEyes ? t('decide.confirmApproveFourEyes') : t('decide.confirmApprove');
        if (!(await confirm(question, t('decide.approve')))) return;
        await decide({ version: state.seenVersion, decision: 'APPROVE' }, t('decide.approved'));
      } else if (what === 'reject') {
        if (!holding()) { banner(t('decide.notMine'), 'warn'); return; }
        if (!state.drafts.length) { banner(t('decide.noReasons'), 'warn'); return; }
        if (!(await confirm(t('decide.confirmReject', { n: state.drafts.length }), t('decide.reject')))) return;
        await decide({ version: state.seenVersion, decision: 'REJECT',
          reasons: state.drafts.map(d => ({ fieldKey: d.fieldKey, code: d.code, suggestion: d.suggestion })) },
        t('decide.rejected'));
      }
    } catch (err) {
      await refused(err);
    } finally {
      state.busy = false;
    }
  }

  async function refused(err) {
    const seen = state.seenVersion;
    const message = explain(err, { seen });
    if (err.status === 409 || err.status === 412) {
      // Someone (or another tab) moved the case: say so in words, show the case as it is now.
      await load();
      banner(message, 'warn', h('span', { class: 'stale-code', 'data-problem-code': err.code || '' }, err.code ? ` [${err.code}]` : ''));
    } else {
      banner(message, 'error');
    }
  }

  async function decide(body, done) {
    const decided = await api('POST', review(`/review-cases/${caseId}/decision`), body);
    state.drafts = [];
    saveDrafts();
    await load();
    // 202: an approval over a blocking finding or a failed item waits for a second reviewer (four-eyes).
    if (decided && decided.status === 'OPEN' && decided.approvalRequestedBy) banner(t('decide.approvalRequested'), 'info');
    else banner(done, 'ok');
  }

  // ---- the checklist -------------------------------------------------------------------------------------
  async function answer(itemId, outcome, reason) {
    if (state.busy) return;
    state.busy = true;
    try {
      // An answer is a write to the case: it names the version seen and moves it on (the next decision names the new one).
      await api('PUT', review(`/review-cases/${caseId}/checklist/${encodeURIComponent(itemId)}`),
        reason ? { outcome, reason } : { outcome }, { 'If-Match': `"${state.seenVersion}"` });
      state.failing = null;
      await load();
    } catch (err) {
      await refused(err);
    } finally {
      state.busy = false;
    }
  }

  function checklistItem(item, i, editable) {
    const li = h('li', { class: `check ${item.outcome ? item.outcome.toLowerCase() : 'open'}`, 'data-item-id': item.itemId,
      'data-outcome': item.outcome || '' },
      h('div', {}, h('code', {}, item.itemId), ' ', item.text || ''),
      h('div', { class: 'muted small' }, item.outcome
        ? `${e('check', item.outcome)} · ${who(item.answeredBy)} · ${at(item.answeredAt)}${item.reason ? ' — ' + item.reason : ''}`
        : t('check.unanswered')));
    if (!editable) return li;
    const buttons = h('div', { class: 'check-actions' },
      h('button', { type: 'button', 'data-check': 'tick', 'aria-label': t('check.tickItem', { id: item.itemId }),
        onclick: () => answer(item.itemId, 'TICKED') }, t('check.tick')),
      h('button', { type: 'button', 'data-check': 'fail', 'aria-label': t('check.failItem', { id: item.itemId }),
        onclick: () => { state.failing = item.itemId; render(); const el = document.getElementById(`check-reason-${i}`); if (el) el.focus(); } },
      t('check.fail')));
    li.append(buttons);
    if (state.failing === item.itemId) {
      const text = h('textarea', { id: `check-reason-${i}`, rows: 2, maxlength: 500 });
      li.append(h('form', { class: 'check-fail', onsubmit: ev => {
        ev.preventDefault();
        if (!text.value.trim()) { banner(t('check.reasonNeeded'), 'warn'); return; }
        answer(item.itemId, 'FAILED', text.value.trim());
      } }, h('label', { for: text.id }, t('check.reason')), text,
      h('button', { type: 'submit' }, t('check.failConfirm')),
      h('button', { type: 'button', class: 'link', onclick: () => { state.failing = null; render(); } }, t('check.cancel'))));
    }
    return li;
  }

  function checklist(d) {
    const items = d.checklist || [];
    const editable = holding() && !c().approvalRequestedBy;
    return h('section', { id: 'checklist', 'aria-labelledby': 'check-h' }, h('h2', { id: 'check-h' }, t('case.checklist')),
      items.length ? h('ol', { class: 'checklist' }, ...items.map((item, i) => checklistItem(item, i, editable)))
        : h('p', { class: 'muted' }, t('case.noChecklist')));
  }

  // ---- side panels ---------------------------------------------------------------------------------------
  function who(id) {
    return id === me() ? t('me') : `${t('other')} ${shortId(id)}`;
  }

  function auditTable(rows, id) {
    if (!rows || !rows.length) return h('p', { class: 'muted' }, '—');
    return h('table', { class: 'audit', id },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('col.opened')), h('th', { scope: 'col' }, t('col.status')),
        h('th', { scope: 'col' }, t('col.actions')), h('th', { scope: 'col' }, t('case.version')))),
      h('tbody', {}, ...rows.map(a => h('tr', { 'data-action': a.action },
        h('td', {}, at(a.at)), h('td', {}, e('action', a.action)), h('td', {}, who(a.actorId), a.detail ? h('div', { class: 'muted small' }, a.detail) : null),
        h('td', {}, a.caseVersion ?? '')))));
  }

  function earlierDecisions(d) {
    const rows = (d.orderHistory || []).filter(a => (a.action === 'APPROVED' || a.action === 'REJECTED') && a.caseId !== caseId);
    return h('section', { class: 'earlier', 'aria-labelledby': 'earlier-h' }, h('h2', { id: 'earlier-h' }, t('case.earlier')),
      rows.length ? h('ul', {}, ...rows.map(a => h('li', { 'data-earlier': a.action },
        `${at(a.at)} · ${e('decision', a.action)} · ${who(a.actorId)}`))) : h('p', { class: 'muted' }, t('case.noEarlier')));
  }

  function rejections(d) {
    const list = d.rejections || [];
    return h('section', { 'aria-labelledby': 'rej-h' }, h('h2', { id: 'rej-h' }, t('case.rejections')),
      list.length ? h('ol', { class: 'rejections' }, ...list.map(r => h('li', {},
        h('div', {}, `${at(r.at)} · ${r.kind} · ${r.source}`),
        h('ul', {}, ...(r.reasons || []).map(x => h('li', {}, h('strong', {}, pathLabel(x.fieldKey || '')), ' ',
          h('code', {}, x.fieldKey || ''), ` — ${e('reason', x.code)}: ${x.suggestion || ''}`))))))
        : h('p', { class: 'muted' }, t('case.noRejections')));
  }

  function findings(d) {
    const list = d.findings || [];
    return h('section', { 'aria-labelledby': 'find-h' }, h('h2', { id: 'find-h' }, t('case.findings')),
      list.length ? h('ul', { class: 'findings' }, ...list.map(f => h('li', { class: `finding ${String(f.severity || '').toLowerCase()}` },
        (f.ruleId || f.rule) ? h('code', { 'data-rule-id': f.ruleId || f.rule }, f.ruleId || f.rule) : null, ' ',
        f.severity ? h('span', { class: 'severity' }, e('severity', f.severity)) : null, ' ',
        (f.fieldKey || f.field) ? h('code', {}, f.fieldKey || f.field) : null, ' ', f.message || f.code || JSON.stringify(f),
        h('span', { class: 'muted small' }, ` (${f.owner})`))))
        : h('p', { class: 'muted' }, t('case.noFindings')));
  }

  function notes(d) {
    const input = h('textarea', { id: 'note-text', rows: 2, maxlength: 2000 });
    const form = h('form', { class: 'note-form', onsubmit: async ev => {
      ev.preventDefault();
      if (!input.value.trim()) return;
      try {
        await api('POST', review(`/review-cases/${caseId}/notes`), { text: input.value });
        input.value = '';
        await load();
      } catch (err) { banner(explain(err), 'error'); }
    } }, h('label', { for: 'note-text' }, t('case.noteLabel')), input, h('button', { type: 'submit' }, t('case.addNote')));
    return h('section', { 'aria-labelledby': 'notes-h' }, h('h2', { id: 'notes-h' }, t('case.notes')),
      (d.notes || []).length ? h('ul', { class: 'notes' }, ...d.notes.map(n => h('li', {}, h('div', { class: 'muted small' }, `${at(n.at)} · ${who(n.authorId)}`), n.text)))
        : h('p', { class: 'muted' }, t('case.noNotes')), form);
  }

  function decisionPanel() {
    const cur = c();
    const mine = holding();
    const open = cur.status === 'OPEN';
    const panel = h('aside', { class: 'decide', 'aria-labelledby': 'decide-h' }, h('h2', { id: 'decide-h' }, t('decide.title')));
    const meta = h('dl', { class: 'meta' },
      h('div', {}, h('dt', {}, t('case.status')), h('dd', { id: 'case-status', 'data-status': cur.status }, e('status', cur.status))),
      h('div', {}, h('dt', {}, t('case.version')), h('dd', { id: 'case-version' }, String(cur.version))),
      h('div', {}, h('dt', {}, t('case.order')), h('dd', { class: 'mono', title: cur.orderId }, shortId(cur.orderId))),
      h('div', {}, h('dt', {}, t('case.submission')), h('dd', {}, t('row.submissionCount', { n: cur.submissionCount }))),
      h('div', {}, h('dt', {}, t('case.opened')), h('dd', {}, at(cur.openedAt))),
      open ? h('div', {}, h('dt', {}, t('case.due')), h('dd', { class: (cur.overdue || sla(cur.dueAt).overdue) ? 'sla overdue' : 'sla', id: 'case-sla' }, sla(cur.dueAt).text)) : null,
      open ? h('div', {}, h('dt', {}, t('case.claim')), h('dd', { id: 'case-claim' },
        !cur.claimedBy ? t('claim.free') : cur.claimedBy === me()
          ? `${t('claim.mine', { until: clock(cur.leaseUntil) })} · ${t('decide.leaseLeft', { d: span(dayjs(cur.leaseUntil).valueOf() - now()) })}`
          : t('claim.other', { who: shortId(cur.claimedBy), until: clock(cur.leaseUntil) }))) : null,
      open && cur.approvalRequestedBy ? h('div', {}, h('dt', {}, t('case.secondApproval')), h('dd', { id: 'case-second-approval' },
        t('second.waiting', { who: who(cur.approvalRequestedBy), at: at(cur.approvalRequestedAt) }))) : null,
      cur.decidedBy ? h('div', {}, h('dt', {}, t('case.decided')), h('dd', { id: 'case-decided' },
        t('case.decidedBy', { decision: e('decision', cur.status), who: who(cur.decidedBy), at: at(cur.decidedAt) }))) : null);
    panel.append(meta);
    const approval = state.detail.approval;
    if (open && approval && approval.secondReviewerRequired && !cur.approvalRequestedBy) {
      const why = [...(approval.blockingFindings || []), ...(approval.failedItems || [])].join(', ');
      panel.append(h('p', { class: 'four-eyes-note', id: 'four-eyes', role: 'note' }, t('second.needed', { why })));
    }
    if (state.changed) {
      panel.append(h('div', { class: 'changed', role: 'status', id: 'case-changed' }, t('case.changed', state.changed), ' ',
        h('button', { type: 'button', onclick: () => load(t('case.reloaded', { v: state.changed.now })) }, t('case.reload'))));
    }
    const actions = h('div', { class: 'actions' });
    if (open && cur.complete && (!cur.claimedBy || !mine)) {
      actions.append(h('button', { type: 'button', class: 'primary', id: 'claim', 'aria-keyshortcuts': 'c',
        disabled: !!cur.claimedBy && !mine, onclick: () => move('claim') }, `${t('decide.claim')} (C)`));
    }
    if (mine) {
      actions.append(
        h('button', { type: 'button', class: 'approve', id: 'approve', 'aria-keyshortcuts': 'a', onclick: () => move('approve') }, `${t('decide.approve')} (A)`),
        h('button', { type: 'button', class: 'reject', id: 'reject', 'aria-keyshortcuts': 'x', disabled: !state.drafts.length, onclick: () => move('reject') }, `${t('decide.reject')} (X)`),
        h('button', { type: 'button', id: 'renew', 'aria-keyshortcuts': 'c', onclick: () => move('claim') }, `${t('decide.renew')} (C)`),
        h('button', { type: 'button', id: 'release', 'aria-keyshortcuts': 'l', onclick: () => move('release') }, `${t('decide.release')} (L)`));
    }
    if (!open) actions.append(h('p', { class: 'muted' }, t('decide.closed')));
    panel.append(actions);
    if (mine) {
      panel.append(h('h3', { id: 'reasons-h' }, t('decide.reasons', { n: state.drafts.length })),
        state.drafts.length ? h('ol', { class: 'reasons', 'aria-labelledby': 'reasons-h' }, ...state.drafts.map(reasonEditor))
          : h('p', { class: 'muted' }, t('decide.noReasons')));
    }
    panel.append(h('p', { class: 'hint small muted' }, `${t('keys.title')}: C ${t('keys.c')} · A ${t('keys.a')} · X ${t('keys.x')} · L ${t('keys.l')} · Q ${t('keys.q')}`));
    return panel;
  }

  function render() {
    const d = state.detail;
    clear(layout);
    if (!d) { layout.append(h('p', {}, t('loading'))); return; }
    const cur = d.reviewCase;
    const doc = h('div', { class: 'case-doc' },
      h('p', {}, h('a', { href: '#/queue' }, `← ${t('case.back')}`)),
      h('h1', { id: 'case-title' }, t('case.title', { kind: e('kind', cur.kind), type: e('type', cur.type), province: e('province', cur.province) })),
      h('p', { class: d.personalData === 'FULL' ? 'notice full' : 'notice masked', id: 'personal-data', 'data-personal-data': d.personalData },
        d.personalData === 'FULL' ? t('case.full') : t('case.masked')),
      holding() ? h('p', { class: 'hint small' }, t('case.fieldHint')) : null,
      ...snapshotView(d.snapshot || {}),
      findings(d), checklist(d), rejections(d),
      h('section', { 'aria-labelledby': 'hist-h' }, h('h2', { id: 'hist-h' }, t('case.history')), auditTable(d.orderHistory, 'order-history')),
      h('section', { 'aria-labelledby': 'trail-h' }, h('h2', { id: 'trail-h' }, t('case.trail')), auditTable(d.auditTrail, 'audit-trail')));
    const side = h('div', { class: 'case-side' }, decisionPanel(), earlierDecisions(d), notes(d));
    layout.append(doc, side);
  }

  // Live: the case's queue entry, polled (it records no personal-data read); a change made elsewhere is announced.
  async function poll() {
    const cur = c();
    if (!cur) return;
    try {
      const p = new URLSearchParams({ orderId: cur.orderId, limit: '100' });
      ['ASSEMBLING', 'OPEN', 'APPROVED', 'REJECTED', 'CANCELLED'].forEach(s => p.append('status', s));
      const page = await api('GET', review(`/review-cases?${p}`));
      const entry = page.items.find(x => x.id === caseId);
      if (entry && entry.version !== state.seenVersion && !state.busy) {
        const changed = { seen: state.seenVersion, now: entry.version };
        if (!state.changed || state.changed.now !== changed.now) { state.changed = changed; render(); }
      }
    } catch (err) { /* the next poll tries again */ }
  }

  load();
  state.timer = setInterval(poll, POLL_MS);
  state.tick = setInterval(() => {
    const el = document.getElementById('case-sla');
    if (el && c()) el.textContent = sla(c().dueAt).text;
  }, 30000);

  return {
    render,
    stop() {
      clearInterval(state.timer);
      clearInterval(state.tick);
      for (const url of state.images.values()) if (typeof url === 'string') URL.revokeObjectURL(url);
    },
    key(k) {
      if (k === 'c') { move('claim'); return true; }
      if (k === 'a') { move('approve'); return true; }
      if (k === 'x') { move('reject'); return true; }
      if (k === 'l') { move('release'); return true; }
      if (k === 'q') { router.navigate('/queue'); return true; }
      return false;
    },
  };
}
