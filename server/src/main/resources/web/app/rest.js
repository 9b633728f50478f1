// The Subsonic API (/rest, JSON) with the page's player key: a credential bound to this web
// session (POST /api/web/player-key), held only in this page's memory. Browsing, search,
// playlists, streaming and scrobbles all go this way, so what is played here counts in the stats
// under the same rules as any app.

let key = null;
let client = 'Minstrel web';

export class RestError extends Error {
  constructor(code, message) {
    super(message || `Subsonic error ${code}`);
    this.code = code;
  }
}

export function usePlayerKey(apiKey, clientName) {
  key = apiKey;
  client = clientName || client;
}

export function forgetPlayerKey() {
  key = null;
}

function query(method, params) {
  const q = new URLSearchParams({apiKey: key, v: '1.16.1', c: client, f: 'json'});
  for (const [name, value] of Object.entries(params || {})) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) q.append(name, one);
  }
  // '+' for a space is not decoded by every server; %20 always is
  return `/rest/${method}?${q.toString().replace(/\+/g, '%20')}`;
}

/** The subsonic-response of a call; throws RestError for a Subsonic error. */
export function rest(method, params) {
  return answer(query(method, params), {credentials: 'omit'});
}

/** A call whose parameters travel as a form (long id lists; sendBeacon at page close). */
export function restForm(method, params) {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== null) form.append(name, one);
  }
  return {url: query(method, {}), body: form};
}

/** As rest(), with the parameters in a POSTed form: for id lists too long for a URL. */
export function restPost(method, params) {
  const {url, body} = restForm(method, params);
  return answer(url, {method: 'POST', body, credentials: 'omit'});
}

async function answer(url, init) {
  let reply;
  try {
    reply = await fetch(url, init);
  } catch (offline) {
    throw new RestError(0, 'Minstrel cannot be reached: check the connection and try again.');
  }
  const body = (await reply.json())['subsonic-response'];
  if (body.status !== 'ok') {
    if (body.error && body.error.code === 44) window.dispatchEvent(new CustomEvent('minstrel:signed-out'));
    throw new RestError(body.error && body.error.code, body.error && body.error.message);
  }
  return body;
}

/** Where this browser keeps its stream quality: a limit in kbit/s, or nothing for the original files. */
const STREAM_LIMIT = 'minstrel.streamMaxBitRate';

/** This browser's limit in kbit/s, 0 for the original files. */
export function streamLimit() {
  const limit = Number(localStorage.getItem(STREAM_LIMIT));
  return Number.isInteger(limit) && limit > 0 ? limit : 0;
}

export function setStreamLimit(kbps) {
  if (kbps > 0) localStorage.setItem(STREAM_LIMIT, String(kbps));
  else localStorage.removeItem(STREAM_LIMIT);
}

// Under a limit the server re-encodes larger files as MP3, which every browser plays; a file
// already within the limit still comes as it is
export function streamUrl(id) {
  const limit = streamLimit();
  return query('stream', limit ? {id, format: 'mp3', maxBitRate: limit} : {id, format: 'raw'});
}

export function coverUrl(coverArt, size) {
  return coverArt ? query('getCoverArt', {id: coverArt, size}) : null;
}

/** Subsonic's lists are left out when empty; this gives [] then. */
export function list(value) {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}
