// The JSON API client: same-origin fetch with the session cookie, the CSRF header on every
// state-changing call, and errors turned into ApiError carrying the server's message.

let csrfToken = null;

export function setCsrf(token) { csrfToken = token; }

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function call(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) {
    throw new ApiError(res.status, data?.error ?? 'http_' + res.status,
      data?.message ?? 'The server answered ' + res.status + '.');
  }
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);
export const put = (path, body = {}) => call('PUT', path, body);
export const del = (path) => call('DELETE', path);
