// Watched playlists, a section of the add-music page: a Spotify or YouTube playlist downloaded now,
// checked again on a schedule (daily by default), its new songs downloaded and the whole mirrored, in
// the source's order, as a read-only playlist every app sees. Each watch shows its state, its songs,
// when it was and will be checked, and why its last sync failed with what to do about it. The list is
// read again every few seconds while the page is open (a sync's progress is in its download below).
import {h, announce, date, plural} from '/app/dom.js';
import {api} from '/app/api.js';

const STATE_WORDS = {watching: 'Watching', syncing: 'Syncing', failing: 'Failing'};
const BADGES = {watching: 'succeeded', syncing: 'running', failing: 'failed'};
const REFRESH_MILLIS = 5000;

/**
 * The section's elements, and a function that stops its refreshing.
 * @param advice what to do about a failure's plain-words cause
 */
export function watchesSection(advice) {
  const url = h('input', {id: 'watch-url', name: 'url', type: 'url', required: true, autocapitalize: 'none',
    spellcheck: 'false', placeholder: 'https://open.spotify.com/playlist/…', 'aria-describedby': 'watch-hint watch-error'});
  const error = h('p', {class: 'error', role: 'alert', id: 'watch-error'});
  const button = h('button', {type: 'submit'}, 'Watch');
  const list = h('ul', {class: 'jobs', 'aria-label': 'Watched playlists'});

  let shown = '';
  const show = async () => {
    try {
      const {watches} = await api.get('/api/watches');
      // redrawn only when something changed, so a refresh never takes the focus from a button
      const now = JSON.stringify(watches);
      if (now === shown) return;
      shown = now;
      list.replaceChildren(...(watches.length ? watches.map(w => watchCard(w, advice, show))
        : [h('li', {class: 'empty'}, 'No playlist is watched.')]));
    } catch (e) {
      shown = '';
      list.replaceChildren(h('li', {class: 'notice bad'}, e.message));
    }
  };

  const form = h('form', {'aria-describedby': 'watch-error', onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      const watch = await api.post('/api/watches', {url: url.value.trim()});
      url.value = '';
      announce(`Watching ${watch.name}: downloading it now`);
      await show();
    } catch (e) {
      error.textContent = e.message;
    }
    button.disabled = false;
  }},
  h('label', {for: 'watch-url'}, 'Spotify or YouTube playlist'), url,
  h('p', {class: 'hint', id: 'watch-hint'}, 'Downloaded now and checked again every day: new songs are added, and the '
    + 'playlist appears, read-only and in the same order, in every app.'),
  error, h('p', null, button));

  show();
  const timer = setInterval(show, REFRESH_MILLIS);
  return {elements: [h('h2', null, 'Watched playlists'), form, list], stop: () => clearInterval(timer)};
}

function watchCard(watch, advice, changed) {
  const act = async (call, done) => {
    try {
      await call();
      announce(done);
      await changed();
    } catch (e) {
      announce(e.message);
    }
  };
  const checked = watch.lastChecked ? `checked ${date(watch.lastChecked)}` : 'not checked yet';
  const next = watch.state === 'syncing' ? 'checking now' : `next check ${date(watch.nextCheck)}`;
  return h('li', {class: 'job', 'data-watch': watch.id, 'data-state': watch.state},
    h('header', null,
      h('div', {class: 't'},
        h('strong', null, watch.playlistId ? h('a', {href: `/playlists/${encodeURIComponent(watch.playlistId)}`}, watch.name) : watch.name),
        h('div', {class: 'url'}, `${watch.url} · ${plural(watch.trackCount, 'song')} · ${checked} · ${next}`)),
      h('div', {class: 'row'},
        h('span', {class: `badge ${BADGES[watch.state] || ''}`}, STATE_WORDS[watch.state] || watch.state),
        watch.state === 'syncing' ? null : h('button', {type: 'button', onclick: () =>
          act(() => api.post(`/api/watches/${watch.id}/check`), `Checking ${watch.name} now`)}, 'Check now'),
        h('button', {type: 'button', class: 'quiet', onclick: () =>
          act(() => api.del(`/api/watches/${watch.id}`), `${watch.name} is no longer watched; its songs stay`)}, 'Remove'),
        h('button', {type: 'button', class: 'quiet', 'data-keep': '', onclick: () =>
          act(() => api.del(`/api/watches/${watch.id}?keepPlaylist=true`), `${watch.name} is no longer watched; its playlist is yours to change`)},
        'Remove, keep the playlist'))),
    watch.lastError ? h('p', {class: 'why error'}, watch.lastError, ' ',
      h('span', {class: 'muted'}, watch.state === 'failing'
        ? `${advice(watch.lastError)} Failed ${plural(watch.failures, 'time')} in a row; Minstrel waits longer before each new try.`
        : advice(watch.lastError))) : null);
}
