// The REST API as the page uses it: the same routes, answers and errors as every other client (README, "HTTP
// endpoints"). An API token, when the user gives one, is kept for this browser tab only (sessionStorage) and sent
// as Authorization: Bearer on every call.

const TOKEN_KEY = 'cascadence.token';

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // A browser that keeps nothing: the token lasts until the page is reloaded.
  }
}

/** An answer the API refused: `status` is the HTTP status, `message` the API's own `detail`. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

export function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  const t = token();
  if (t) h.Authorization = 'Bearer ' + t;
  return h;
}

/**
 * Calls a route and returns its JSON answer; throws ApiError with the API's `detail` when it refuses, or when the
 * server cannot be reached (status 0).
 */
export async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body === undefined ? undefined : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : body,
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'Cascadence cannot be reached (is it running?)');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json && json.detail ? json.detail : text || response.statusText);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const del = (path) => call('DELETE', path);

/** A path segment, percent-encoded (task names may hold any character the API accepts). */
export const seg = (value) => encodeURIComponent(value);

/** A query string of the entries whose value is not empty. */
export function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v));
  return parts.length ? '?' + parts.join('&') : '';
}
