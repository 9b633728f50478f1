// Who is signed in, and keeping the web session alive while the person uses the page. The session
// cookie lasts 30 minutes unused (minstrel.security.session-ttl) and is renewed by /api requests;
// listening only calls /rest, so while someone is active (or music is playing) the page touches
// /api/me every few minutes. An idle, silent page lets the session end as designed.
import {api} from '/app/api.js';
import {usePlayerKey, forgetPlayerKey} from '/app/rest.js';

const HEARTBEAT_MS = 4 * 60 * 1000;

export const session = {
  user: null,
  server: null,
  lastActivity: Date.now(),
  playing: () => false,

  get owner() { return this.user && this.user.role === 'owner'; },
  get mayIngest() { return this.user && (this.user.role === 'owner' || this.user.ingest); },

  /** Resumes an existing session; false when nobody is signed in. */
  async resume() {
    try {
      this.user = await api.get('/api/me');
    } catch (e) {
      if (e.status === 401) return false;
      throw e;
    }
    await this.connect();
    return true;
  },

  async signIn(username, password) {
    this.user = await api.post('/api/auth/login', {username, password});
    await this.connect();
  },

  async signUp(inviteCode, username, password) {
    this.user = await api.post('/api/auth/signup', {inviteCode, username, password});
    await this.connect();
  },

  async connect() {
    const [playerKey, server] = await Promise.all([api.post('/api/web/player-key'), api.get('/api/web/server')]);
    usePlayerKey(playerKey.apiKey, playerKey.client);
    this.server = server;
  },

  async signOut() {
    await api.post('/api/auth/logout').catch(() => {});
    this.forget();
  },

  forget() {
    this.user = null;
    forgetPlayerKey();
  },
};

for (const type of ['pointerdown', 'keydown']) {
  window.addEventListener(type, () => { session.lastActivity = Date.now(); }, {passive: true, capture: true});
}

setInterval(() => {
  const active = Date.now() - session.lastActivity < HEARTBEAT_MS || session.playing();
  if (session.user && active) api.get('/api/me').catch(() => {});
}, HEARTBEAT_MS);
