// Minstrel's own JSON API (/api): the session cookie goes along by itself; every state-changing
// request echoes the XSRF-TOKEN cookie in a header (double-submit), as docs/api.md describes.
// Errors are RFC 9457 problem details; their `detail` is written for people, so the page shows it.

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

async function request(method, path, body) {
  const headers = {'Accept': 'application/json'};
  if (method !== 'GET') {
    if (!cookie('XSRF-TOKEN')) await fetch('/api/me', {credentials: 'same-origin'}).catch(() => {});
    headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || '';
  }
  // a file (an import) goes as it is; anything else as JSON
  const file = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = file ? body.type || 'application/octet-stream' : 'application/json';
  let reply;
  try {
    reply = await fetch(path, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : file ? body : JSON.stringify(body)});
  } catch (offline) {
    throw new ApiError(0, 'Minstrel cannot be reached: check the connection and try again.');
  }
  if (reply.status === 204) return null;
  const type = reply.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await reply.json().catch(() => null) : await reply.text();
  if (!reply.ok) {
    const error = new ApiError(reply.status, data && data.detail, data);
    if (reply.status === 401 && !path.startsWith('/api/auth/')) {
      window.dispatchEvent(new CustomEvent('minstrel:signed-out'));
    }
    throw error;
  }
  return data;
}

export const api = {
  get: path => request('GET', path),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: path => request('DELETE', path),
};
