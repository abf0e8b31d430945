// Times as reviewers in China read them (Asia/Shanghai, +08:00, whatever the browser's zone), and countdowns from
// the service's clock (config.json's now), not the browser's: a test stack may run on another day.
import { language, t } from './i18n.js';

let skew = 0;

export function syncClock(serverNow, sentAt, receivedAt) {
  const mid = (sentAt + receivedAt) / 2;
  skew = dayjs(serverNow).valueOf() - mid;
}

export function now() {
  return Date.now() + skew;
}

export function at(iso) {
  return iso ? dayjs(iso).utcOffset(480).format(language() === 'en' ? 'YYYY-MM-DD HH:mm' : 'YYYY年M月D日 HH:mm') : '';
}

export function clock(iso) {
  return iso ? dayjs(iso).utcOffset(480).format('HH:mm') : '';
}

export function span(ms) {
  const d = dayjs.duration(Math.abs(ms));
  const days = Math.floor(d.asDays());
  const pattern = language() === 'en'
    ? (days > 0 ? `[${days}d] H[h] m[m]` : (d.hours() > 0 ? 'H[h] m[m]' : 'm[m] s[s]'))
    : (days > 0 ? `[${days}天] H[小时]m[分]` : (d.hours() > 0 ? 'H[小时]m[分]' : 'm[分]s[秒]'));
  return d.format(pattern);
}

/** The SLA in words: time left, or overdue by how much (negative = overdue). */
export function sla(dueIso) {
  const left = dayjs(dueIso).valueOf() - now();
  return { overdue: left < 0, text: left < 0 ? t('sla.over', { d: span(left) }) : t('sla.left', { d: span(left) }) };
}
