// The services' REST APIs, called with the signed-in user's bearer token and nothing else (no cookies, no keys).
import { accessToken } from './auth.js';
import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  get code() { return this.problem.code; }
}

/** {@code extra}: further request headers, e.g. the If-Match a checklist answer needs. */
export async function api(method, url, body, extra = {}) {
  const token = accessToken();
  const headers = { Accept: 'application/json', 'Accept-Language': language() === 'en' ? 'en' : 'zh-CN', ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { detail: e.message });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** An image (or any file) read with the token, as an object URL the page can show; revoke it when done. */
export async function blobUrl(url) {
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${accessToken()}` }, credentials: 'omit', cache: 'no-store',
  });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  return URL.createObjectURL(await response.blob());
}

export const review = (path) => `${location.origin}/api/v1${path}`;
