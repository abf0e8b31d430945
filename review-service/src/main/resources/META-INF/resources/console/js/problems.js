// Problems (RFC 9457) in words a reviewer understands: the 409 codes of the queue, field errors, the rest.
import { t } from './i18n.js';
import { pathLabel } from './i18n.js';

export function explain(err, context = {}) {
  if (!err || err.status === undefined) return String(err && err.message ? err.message : err);
  const p = err.problem || {};
  if (err.status === 0) return t('err.network', { msg: err.message });
  if (err.status === 409 && p.code) {
    const key = `err.${p.code}`;
    const text = t(key, { seen: context.seen, current: p.currentVersion, items: (p.unansweredItems || []).join(', ') });
    if (text !== key) return text;
  }
  if (err.status === 400 && Array.isArray(p.errors) && p.errors.length) {
    return `${t('err.validation')} ${p.errors.map(x => `${x.field ? pathLabel(x.field) + '（' + x.field + '）' : ''}${x.message || x.code}`).join('；')}`;
  }
  if (err.status === 403) return t('err.forbidden');
  if (err.status === 404) return t('err.notFound');
  return t('err.generic', { status: err.status, msg: p.detail || p.title || err.message });
}
