// Add music: paste one or many Spotify or YouTube links. Each job appears at once and its tracks
// move live, one progress bar each, from the server-sent events of /api/ingest/events. A reload or
// a dropped connection loses nothing: the list is read again, and the event stream (which
// reconnects by itself) starts with the current state of every job. Deciders also see friends' requests
// here, kept current by /api/requests/events, and approve or decline them; and everyone who may add
// music watches playlists here (pages/watches.js).
import {h, icon, announce, date} from '/app/dom.js';
import {api} from '/app/api.js';
import {rest} from '/app/rest.js';
import {player} from '/app/player.js';
import {session} from '/app/session.js';
import {requestCard} from '/app/pages/requests.js';
import {watchesSection} from '/app/pages/watches.js';

const STATE_WORDS = {queued: 'Waiting', running: 'Downloading', succeeded: 'Done', partial: 'Partly done',
  failed: 'Failed', cancelled: 'Cancelled'};

/** What to do about an error, in plain words. */
export function advice(error) {
  const text = (error || '').toLowerCase();
  if (text.includes('javascript runtime')) return session.owner ? 'Install Deno for yt-dlp (sudo minstrel-setup downloaders), then press Try again.' : 'Tell the owner: yt-dlp needs Deno on the server.';
  if (text.includes('disk is full')) return session.owner ? 'Free some space on the music disk, then press Try again.' : 'Tell the owner: the server\'s disk is full.';
  if (text.includes('bot check')) return 'YouTube is checking for bots. Minstrel tries again by itself; or try again in a few hours.';
  if (text.includes('spotify refused')) return session.owner ? 'Set your own Spotify app in the settings (see docs/ingest.md), then press Try again.' : 'Spotify refused the request: tell the owner.';
  if (text.includes('could not be started')) return session.owner ? 'Reinstall the downloader (Circle → Tools shows how), then press Try again.' : 'The downloader is broken on the server: tell the owner.';
  if (/spotdl|yt-dlp/.test(text) && /install|not found/.test(text)) {
    return session.owner ? 'Install the downloader (Circle → Tools shows how), then press Try again: no restart is needed.'
      : 'The downloader is not installed on the server: tell the owner.';
  }
  if (text.includes('ffmpeg')) return session.owner ? 'Install FFmpeg (sudo apt install ffmpeg), then press Try again.' : 'Tell the owner: FFmpeg is missing on the server.';
  if (text.includes('rate') && text.includes('limit')) return 'Spotify is limiting requests. Minstrel tries again by itself; or try again later.';
  if (text.includes('no match') || text.includes('not found') || text.includes('no results')) return 'This song could not be found on YouTube Music. Try a YouTube link of it instead.';
  if (text.includes('unavailable') || text.includes('private') || text.includes('age')) return 'The video cannot be downloaded (private, removed or age-restricted). Try another link.';
  if (text.includes('space')) return 'The music disk is nearly full: free some space, then try again.';
  if (text.includes('network') || text.includes('connection') || text.includes('blocked')) return 'The server could not reach the service. Try again later.';
  if (text) return 'Try again; if it fails again, try another link.';
  return '';
}

export async function render(main, ctx) {
  ctx.title('Add music');
  const links = h('textarea', {id: 'links', name: 'links', rows: '4', required: true, spellcheck: 'false', autocapitalize: 'none',
    'aria-describedby': 'links-hint', placeholder: 'https://open.spotify.com/album/…'});
  const error = h('p', {class: 'error', role: 'alert', id: 'add-error'});
  const button = h('button', {type: 'submit', class: 'primary'}, 'Add');
  const jobsList = h('ul', {class: 'jobs', 'aria-label': 'Downloads'});
  const connection = h('p', {class: 'muted small', role: 'status'});
  const jobs = new Map();
  const watches = watchesSection(advice);
  const requestsList = h('ul', {class: 'jobs', 'aria-label': 'Requests from friends'});
  const showRequests = async () => {
    try {
      const {requests} = await api.get('/api/requests?limit=50');
      requestsList.replaceChildren(...(requests.length ? requests.map(r => requestCard(r, decisions(r, showRequests)))
        : [h('li', {class: 'empty'}, 'No requests from friends.')]));
    } catch (e) {
      requestsList.replaceChildren(h('li', {class: 'notice bad'}, e.message));
    }
  };

  const draw = job => {
    const existing = jobs.get(job.id);
    const card = jobCard(job);
    if (existing) existing.card.replaceWith(card);
    else jobsList.prepend(card);
    if (existing && existing.job.state !== job.state && ['succeeded', 'partial', 'failed'].includes(job.state)) {
      announce(`${jobTitle(job)}: ${STATE_WORDS[job.state]}`);
    }
    jobs.set(job.id, {job, card});
  };
  const updateItem = (jobId, index, item) => {
    const known = jobs.get(jobId);
    if (!known || !known.job.items[index]) return;
    known.job.items[index] = item;
    const row = known.card.querySelector(`[data-index="${index}"]`);
    if (row) row.replaceWith(itemRow(item, index, known.job));
  };

  main.append(h('h1', null, 'Add music'),
    h('form', {'aria-describedby': 'add-error', onsubmit: async event => {
      event.preventDefault();
      error.textContent = '';
      const urls = links.value.split(/\s+/).map(s => s.trim()).filter(Boolean);
      if (!urls.length) return;
      button.disabled = true;
      const refused = [];
      for (const url of urls) {
        try {
          draw(await api.post('/api/ingest', {url}));
        } catch (e) {
          refused.push(`${url}: ${e.message}`);
        }
      }
      links.value = refused.length ? urls.filter(u => refused.some(r => r.startsWith(u + ':'))).join('\n') : '';
      error.textContent = refused.join(' ');
      announce(refused.length ? 'Some links were refused' : `${urls.length === 1 ? 'Link' : 'Links'} added`);
      button.disabled = false;
    }},
    h('label', {for: 'links'}, 'Spotify or YouTube links'), links,
    h('p', {class: 'hint', id: 'links-hint'}, 'A track, album, playlist or artist on Spotify; a video or playlist on YouTube. One per line.'),
    error, h('p', null, button)),
    h('h2', null, 'Requests from friends'), requestsList,
    ...watches.elements,
    h('h2', null, 'Downloads'), connection,
    h('p', null, h('button', {type: 'button', class: 'quiet', id: 'retry-failed', onclick: () => act(async () => {
      const {jobs: retried} = await api.post('/api/ingest/retry-failed');
      retried.forEach(draw);
      return retried.length ? `${retried.length} failed ${retried.length === 1 ? 'download' : 'downloads'} queued again` : 'Nothing had failed';
    })}, 'Retry all failed')),
    jobsList);

  try {
    const page = await api.get('/api/ingest?limit=30');
    page.jobs.slice().reverse().forEach(draw);
    if (!page.jobs.length) jobsList.append(h('li', {class: 'empty', id: 'no-jobs'}, 'Nothing downloaded yet.'));
  } catch (e) {
    jobsList.append(h('li', {class: 'notice bad'}, e.message));
  }

  await showRequests();
  // a friend's new request, or another decider's answer, redraws the list (once per burst)
  const requestEvents = new EventSource('/api/requests/events');
  let redraw = null;
  requestEvents.addEventListener('request', () => { clearTimeout(redraw); redraw = setTimeout(showRequests, 300); });

  const events = new EventSource('/api/ingest/events');
  events.addEventListener('open', () => { connection.textContent = 'Live'; });
  events.addEventListener('error', () => { connection.textContent = 'Reconnecting…'; });
  events.addEventListener('job', e => {
    const data = JSON.parse(e.data);
    const none = document.getElementById('no-jobs');
    if (none) none.remove();
    draw(data.job);
  });
  events.addEventListener('item', e => {
    const data = JSON.parse(e.data);
    updateItem(data.jobId, data.index, data.item);
  });
  return () => {
    events.close();
    requestEvents.close();
    watches.stop();
    clearTimeout(redraw);
  };
}

/** Approve and Decline (with the reason the friend will read) for a request still waiting. */
function decisions(request, changed) {
  if (request.state !== 'pending') return [];
  const decide = (call, done) => act(async () => { await call(); await changed(); }, done);
  const reason = h('input', {'aria-label': `Why decline ${request.url}`, placeholder: 'Why (the friend reads this)', maxlength: '500'});
  return [
    h('button', {type: 'button', class: 'primary', onclick: () => decide(() => api.post(`/api/requests/${request.id}/approve`), 'Approved: downloading')}, 'Approve'),
    reason,
    h('button', {type: 'button', class: 'quiet', onclick: () => reason.value.trim()
      ? decide(() => api.post(`/api/requests/${request.id}/decline`, {reason: reason.value.trim()}), 'Declined')
      : reason.focus()}, 'Decline')];
}

function jobTitle(job) {
  const first = job.items[0];
  if (!first) return job.url;
  if (job.items.length === 1) return [first.artist, first.title].filter(Boolean).join(' – ') || job.url;
  return first.album || job.url;
}

function jobCard(job) {
  const busy = job.state === 'queued' || job.state === 'running';
  const again = ['failed', 'partial', 'cancelled'].includes(job.state);
  return h('li', {class: 'job', 'data-job': job.id, 'data-state': job.state},
    h('header', null,
      h('div', {class: 't'}, h('strong', null, jobTitle(job)), h('div', {class: 'url'}, `${job.url} · ${date(job.createdAt)}`)),
      h('div', {class: 'row'},
        h('span', {class: `badge ${job.state}`}, STATE_WORDS[job.state] || job.state),
        busy ? h('button', {type: 'button', class: 'quiet', onclick: () => act(() => api.del(`/api/ingest/${job.id}`), 'Cancelled')}, 'Cancel') : null,
        again ? h('button', {type: 'button', onclick: () => act(() => api.post(`/api/ingest/${job.id}/retry`), 'Queued again')}, 'Try again') : null)),
    job.retryAt ? h('p', {class: 'muted small'}, `Tries again by itself after ${date(job.retryAt)}.`) : null,
    job.items.length ? h('ul', {class: 'items', 'aria-label': `Tracks of ${jobTitle(job)}`}, job.items.map((item, i) => itemRow(item, i, job)))
      : h('p', {class: 'muted small'}, busy ? 'Looking up the link…' : ''),
    job.output && job.output.length ? h('details', {class: 'output'}, h('summary', null, 'What the downloader said'),
      h('pre', null, job.output.join('\n'))) : null);
}

/** @param done what to announce once the call worked, or undefined to announce what the call returns */
async function act(call, done) {
  try {
    const said = await call();
    announce(done || said);
  } catch (e) {
    announce(e.message);
  }
}

function itemRow(item, index, job) {
  const name = [item.artist, item.title].filter(Boolean).join(' – ') || `Track ${index + 1}`;
  const percent = item.state === 'succeeded' ? 100 : item.percent || 0;
  const play = item.state === 'succeeded' && item.trackId
    ? h('button', {type: 'button', class: 'icon quiet', 'aria-label': `Play ${name}`, onclick: () => playTrack(item.trackId)}, icon('play'))
    : h('span');
  const row = h('li', {class: `item ${item.state}`, 'data-index': index},
    h('div', {class: 'name'}, item.state === 'succeeded' && item.trackId
      ? h('a', {href: '#', onclick: event => { event.preventDefault(); openAlbum(item.trackId); }}, name) : name),
    h('progress', {max: '100', value: String(percent), 'aria-label': `${name}: ${STATE_WORDS[item.state] || item.state}, ${percent}%`}),
    h('div', {class: 'pct'}, `${percent}%`), play);
  if (item.error) row.append(h('p', {class: 'why error'}, item.error, ' ', h('span', {class: 'muted'}, advice(item.error))));
  if (item.note) row.append(h('p', {class: 'why muted'}, item.note));
  return row;
}

async function song(trackId) {
  return (await rest('getSong', {id: trackId})).song;
}

async function playTrack(trackId) {
  try {
    player.play([await song(trackId)], 0);
  } catch (e) {
    announce(e.message);
  }
}

async function openAlbum(trackId) {
  try {
    const {navigate} = await import('/app/router.js');
    navigate(`/albums/${encodeURIComponent((await song(trackId)).albumId)}`);
  } catch (e) {
    announce(e.message);
  }
}
