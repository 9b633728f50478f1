// Ask for music: a friend who may not add music pastes a link (and a note) for the owner to
// approve. Their requests are listed with what became of each: waiting, declined and why, or the
// download's progress once approved, kept current by the server-sent events of /api/requests/events
// (which start with the current state of every request, so a reconnect loses nothing).
import {h, announce, date} from '/app/dom.js';
import {api} from '/app/api.js';

const STATE_WORDS = {pending: 'Waiting for the owner', approved: 'Approved: downloading', done: 'In the library',
  failed: 'Approved, but the download failed', declined: 'Declined'};

export async function render(main, ctx) {
  ctx.title('Ask for music');
  const link = h('input', {id: 'request-url', name: 'url', type: 'url', required: true, autocapitalize: 'none',
    spellcheck: 'false', placeholder: 'https://open.spotify.com/album/…', 'aria-describedby': 'request-hint'});
  const note = h('input', {id: 'request-note', name: 'note', maxlength: '500', placeholder: 'Optional: why, which version…'});
  const message = h('p', {role: 'status', id: 'request-message'});
  const button = h('button', {type: 'submit', class: 'primary'}, 'Ask');
  const list = h('ul', {class: 'jobs', 'aria-label': 'Your requests'});
  const cards = new Map();
  const empty = h('li', {class: 'empty'}, 'You have not asked for anything yet.');
  list.append(empty);

  /** Draws a request, replacing its card if it is there; new ones go first. */
  const draw = request => {
    empty.remove();
    const card = requestCard(request);
    const known = cards.get(request.id);
    if (known) known.replaceWith(card);
    else list.prepend(card);
    cards.set(request.id, card);
  };

  main.append(h('h1', null, 'Ask for music'),
    h('p', null, 'Paste a Spotify or YouTube link: the owner is asked, and once they approve it the music is added to the library.'),
    h('form', {'aria-describedby': 'request-message', onsubmit: async event => {
      event.preventDefault();
      button.disabled = true;
      message.className = '';
      try {
        const answer = await api.post('/api/requests', {url: link.value.trim(), note: note.value.trim() || null});
        if (answer.inLibrary) {
          message.replaceChildren(answer.message, ' ', ...answer.songs.map(song =>
            h('a', {href: `/albums/${encodeURIComponent(song.albumId)}`}, `${song.artist} – ${song.title}`))
            .flatMap((a, i) => i ? [', ', a] : [a]));
        } else {
          message.textContent = 'Asked. You will see here what the owner decides.';
          link.value = '';
          note.value = '';
          draw(answer);
        }
      } catch (e) {
        message.className = 'error';
        message.textContent = e.message;
      }
      announce(message.textContent);
      button.disabled = false;
    }},
    h('label', {for: 'request-url'}, 'Spotify or YouTube link'), link,
    h('p', {class: 'hint', id: 'request-hint'}, 'A track, album or playlist.'),
    h('label', {for: 'request-note'}, 'Note for the owner'), note,
    message, h('p', null, button)),
    h('h2', null, 'Your requests'), list);
  // the stream starts with the current requests, oldest first, so every new one goes to the top
  const events = new EventSource('/api/requests/events');
  events.addEventListener('request', e => draw(JSON.parse(e.data)));
  return () => events.close();
}

/** One request with what became of it; shared with the owner's list on the Add music page. */
export function requestCard(request, actions) {
  const job = request.job;
  const done = job ? job.items.filter(i => i.state === 'succeeded').length : 0;
  return h('li', {class: 'job', 'data-request': request.id, 'data-state': request.state},
    h('header', null,
      h('div', {class: 't'}, h('strong', null, request.url),
        h('div', {class: 'url'}, `${request.requestedBy} · ${date(request.createdAt)}`)),
      h('div', {class: 'row'}, h('span', {class: `badge ${badge(request.state)}`}, STATE_WORDS[request.state] || request.state),
        ...(actions || []))),
    request.note ? h('p', {class: 'small'}, `“${request.note}”`) : null,
    request.reason ? h('p', {class: 'why'}, `Why: ${request.reason}`) : null,
    job && job.items.length ? h('p', {class: 'muted small'}, `${done} of ${job.items.length} ${job.items.length === 1 ? 'song' : 'songs'} in the library`) : null);
}

function badge(state) {
  return {pending: 'queued', approved: 'running', done: 'succeeded', failed: 'failed', declined: 'cancelled'}[state] || '';
}
