// The player at the bottom of every page: one <audio> element that outlives page changes, a
// queue, shuffle and repeat, keyboard shortcuts, the Media Session API (a phone's lock screen shows
// the title, the art and the controls), and the listening rules every Subsonic app follows: "now
// playing" when a track starts, a submission once it has really been played (30 s, or the whole
// of a shorter track; seeking ahead does not count). The queue is saved with savePlayQueue, so
// "continue where you stopped" works here and in apps that sync the play queue.
import {h, icon, clear, duration, announce, typing} from '/app/dom.js';
import {rest, restForm, restPost, streamUrl, coverUrl, list} from '/app/rest.js';
import {session} from '/app/session.js';
import {addToPlaylist} from '/app/ui.js';

const LISTEN_SECONDS = 30;
const SAVE_EVERY_MS = 20000;

const audio = new Audio();
audio.preload = 'auto';

let queue = [];
let index = -1;
let shuffled = false;
let unshuffled = null;
let repeat = 'off';
let play = null; // the listening state of the current play: {id, startedAt, played, lastTime, submitted}
let lastSave = 0;
let bar = null;
let ui = {};

export const player = {
  get current() { return queue[index] || null; },
  get queue() { return queue.slice(); },
  get index() { return index; },
  audio,

  /** Replaces the queue with these songs and plays from `start`. */
  play(songs, start = 0) {
    queue = songs.slice();
    unshuffled = null;
    if (shuffled) shuffleAfter(start);
    load(start, true);
  },

  /** Adds songs at the end of the queue (starting playback when nothing is loaded). */
  enqueue(songs) {
    if (!queue.length) return this.play(songs, 0);
    queue.push(...songs);
    if (unshuffled) unshuffled.push(...songs);
    drawQueue();
    save();
  },

  /** Loads a saved queue at its position without playing (the "continue" of the home page plays it). */
  restore(songs, currentId, positionMs) {
    if (queue.length || !songs.length) return;
    queue = songs.slice();
    const at = Math.max(0, queue.findIndex(s => s.id === currentId));
    load(at, false, (positionMs || 0) / 1000);
  },

  toggle() {
    if (!this.current) return;
    if (audio.paused) audio.play().catch(refused);
    else audio.pause();
  },
  next() { step(1, true); },
  previous() {
    if (audio.currentTime > 3 || index <= 0) { audio.currentTime = 0; return; }
    load(index - 1, true);
  },
  seek(seconds) {
    if (!this.current) return;
    audio.currentTime = Math.max(0, Math.min(seconds, audio.duration || this.current.duration || 0));
  },
  removeAt(i) {
    if (i === index) return;
    const [gone] = queue.splice(i, 1);
    if (unshuffled) unshuffled.splice(unshuffled.indexOf(gone), 1);
    if (i < index) index--;
    drawQueue();
    save();
  },
};
session.playing = () => !audio.paused;

function load(at, autoplay, startAt = 0) {
  if (at < 0 || at >= queue.length) return;
  index = at;
  const song = queue[index];
  play = {id: song.id, startedAt: 0, played: 0, lastTime: startAt, submitted: false, nowPlaying: false};
  // a restored queue fetches nothing until play is pressed: a phone on a metered line pays only for music it hears
  audio.preload = autoplay ? 'auto' : 'none';
  audio.src = streamUrl(song.id);
  if (startAt) audio.currentTime = startAt;
  show();
  drawNow();
  drawQueue();
  mediaSession(song);
  if (autoplay) audio.play().catch(refused);
  window.dispatchEvent(new CustomEvent('minstrel:track', {detail: song}));
  save();
}

function refused(error) {
  if (error && error.name === 'NotAllowedError') announce('Press play to start listening.');
}

/** Moves by `delta` in the queue; at the end, repeat-all starts over, else playback stops. */
function step(delta, userAsked) {
  if (!queue.length) return;
  if (!userAsked && repeat === 'one') { load(index, true); return; }
  let next = index + delta;
  if (next >= queue.length) {
    if (repeat !== 'all' && !userAsked) { audio.pause(); audio.currentTime = 0; return; }
    next = repeat === 'all' ? 0 : queue.length - 1;
    if (next === index && !userAsked) return;
  }
  if (next < 0) next = 0;
  load(next, true);
}

function shuffleAfter(at) {
  unshuffled = queue.slice();
  const head = queue.slice(0, at + 1);
  const tail = queue.slice(at + 1);
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [tail[i], tail[j]] = [tail[j], tail[i]];
  }
  queue = head.concat(tail);
}

function setShuffle(on) {
  shuffled = on;
  if (on && queue.length) {
    shuffleAfter(index);
  } else if (!on && unshuffled) {
    const current = queue[index];
    queue = unshuffled;
    unshuffled = null;
    index = Math.max(0, queue.indexOf(current));
  }
  ui.shuffle.setAttribute('aria-pressed', String(on));
  drawQueue();
  announce(on ? 'Shuffle on' : 'Shuffle off');
}

function cycleRepeat() {
  repeat = repeat === 'off' ? 'all' : repeat === 'all' ? 'one' : 'off';
  clear(ui.repeat, icon(repeat === 'one' ? 'repeatOne' : 'repeat'));
  ui.repeat.setAttribute('aria-pressed', String(repeat !== 'off'));
  ui.repeat.setAttribute('aria-label', `Repeat: ${repeat === 'off' ? 'off' : repeat === 'all' ? 'the queue' : 'this track'}`);
  announce(ui.repeat.getAttribute('aria-label'));
}

// ---- listening: now playing at the start, a submission once the rules are met, playback reports ----

function threshold() {
  const length = audio.duration && isFinite(audio.duration) ? audio.duration : (player.current && player.current.duration) || 0;
  return length > 0 ? Math.min(LISTEN_SECONDS, length) : LISTEN_SECONDS;
}

// the playback reports (OpenSubsonic reportPlayback) tell the server how long a track was really
// heard, pauses left out: the stats' listening time
function report(state) {
  if (!play) return;
  rest('reportPlayback', {mediaId: play.id, mediaType: 'song', state,
    positionMs: Math.floor((audio.currentTime || 0) * 1000)}).catch(() => {});
}

audio.addEventListener('play', () => {
  if (!play) return;
  if (play.nowPlaying) { report('playing'); return; }
  play.nowPlaying = true;
  play.startedAt = Date.now();
  report('starting');
  rest('scrobble', {id: play.id, submission: 'false'}).catch(() => {});
});

audio.addEventListener('timeupdate', () => {
  if (!play) return;
  const delta = audio.currentTime - play.lastTime;
  if (delta > 0 && delta < 1.5 && !audio.paused) play.played += delta;
  play.lastTime = audio.currentTime;
  if (!play.submitted && play.nowPlaying && play.played >= threshold()) submit();
  drawTime();
  if (Date.now() - lastSave > SAVE_EVERY_MS && !audio.paused) save();
});

audio.addEventListener('seeked', () => {
  if (play) play.lastTime = audio.currentTime;
  drawTime();
  positionState();
});

audio.addEventListener('ended', () => {
  // the last timeupdate may fall a fraction short of the end of a short track
  if (play && !play.submitted && play.nowPlaying && play.played >= threshold() - 0.75) submit();
  report('stopped');
  step(1, false);
});

audio.addEventListener('pause', () => { drawPlaying(); save(); if (play && !audio.ended) report('paused'); });
audio.addEventListener('playing', drawPlaying);
audio.addEventListener('loadedmetadata', () => { drawTime(); positionState(); });
audio.addEventListener('error', () => {
  if (!player.current) return;
  announce(`${player.current.title} cannot be played.`);
  ui.title && (ui.title.textContent = `${player.current.title} (cannot be played)`);
});

function submit() {
  play.submitted = true;
  rest('scrobble', {id: play.id, submission: 'true', time: play.startedAt}).catch(() => { play.submitted = false; });
}

// ---- the play queue, saved for "continue where you stopped" ----

function save() {
  if (!queue.length || !session.user) return;
  lastSave = Date.now();
  restPost('savePlayQueue', saveParams()).catch(() => {});
}

function saveParams() {
  return {id: queue.map(s => s.id), current: queue[index] && queue[index].id,
    position: Math.floor((audio.currentTime || 0) * 1000)};
}

window.addEventListener('pagehide', () => {
  if (!queue.length || !session.user) return;
  const {url, body} = restForm('savePlayQueue', saveParams());
  navigator.sendBeacon(url, body);
});

/** The saved queue of this user (from any app), or null. */
export async function savedQueue() {
  const reply = await rest('getPlayQueue');
  const saved = reply.playQueue;
  const entries = saved ? list(saved.entry) : [];
  return entries.length ? {songs: entries, current: saved.current, position: saved.position || 0} : null;
}

// ---- Media Session: the lock screen and headphone buttons ----

function mediaSession(song) {
  if (!('mediaSession' in navigator)) return;
  const art = [96, 300, 600].map(size => ({src: new URL(coverUrl(song.coverArt, size) || '/', location.href).href,
    sizes: `${size}x${size}`, type: 'image/jpeg'}));
  navigator.mediaSession.metadata = new MediaMetadata({title: song.title, artist: song.artist || '',
    album: song.album || '', artwork: song.coverArt ? art : []});
}

function positionState() {
  if (!('mediaSession' in navigator) || !isFinite(audio.duration)) return;
  try {
    navigator.mediaSession.setPositionState({duration: audio.duration, position: Math.min(audio.currentTime, audio.duration),
      playbackRate: audio.playbackRate});
  } catch (ignored) { /* an inconsistent position while a new source loads */ }
}

if ('mediaSession' in navigator) {
  const actions = {
    play: () => audio.play().catch(refused),
    pause: () => audio.pause(),
    previoustrack: () => player.previous(),
    nexttrack: () => player.next(),
    seekbackward: d => player.seek(audio.currentTime - (d.seekOffset || 10)),
    seekforward: d => player.seek(audio.currentTime + (d.seekOffset || 10)),
    seekto: d => player.seek(d.seekTime),
  };
  for (const [action, handler] of Object.entries(actions)) {
    try { navigator.mediaSession.setActionHandler(action, handler); } catch (unsupported) { /* older browsers */ }
  }
}

// ---- keyboard shortcuts ----

export const SHORTCUTS = [
  ['Space or K', 'Play or pause'], ['J / L', 'Back / forward 10 seconds'], ['N / P', 'Next / previous track'],
  ['S', 'Shuffle on or off'], ['R', 'Repeat: off, queue, track'], ['M', 'Mute'], ['Q', 'Show the queue'],
  ['/', 'Search'], ['?', 'These shortcuts'],
];

document.addEventListener('keydown', event => {
  if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  const onControl = event.target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(event.target.tagName);
  const actions = {
    'k': () => player.toggle(),
    ' ': () => { if (!onControl) player.toggle(); else return false; },
    'j': () => player.seek(audio.currentTime - 10),
    'l': () => player.seek(audio.currentTime + 10),
    'n': () => player.next(),
    'p': () => player.previous(),
    's': () => player.current && setShuffle(!shuffled),
    'r': () => player.current && cycleRepeat(),
    'm': () => { audio.muted = !audio.muted; announce(audio.muted ? 'Muted' : 'Sound on'); },
    'q': () => player.current && toggleQueue(),
    '/': () => { const box = document.getElementById('search-box'); if (box) box.focus(); },
    '?': () => window.dispatchEvent(new CustomEvent('minstrel:shortcuts')),
  };
  const action = actions[key];
  if (action && action() !== false) event.preventDefault();
});

// ---- drawing ----

function show() {
  if (bar) return;
  bar = document.getElementById('player');
  const button = (name, label, onclick) => h('button', {class: 'icon quiet', type: 'button', 'aria-label': label, onclick}, icon(name));
  ui.art = h('div', {class: 'ph'});
  ui.title = h('a', {href: '/'});
  ui.artist = h('div', {class: 'by'});
  ui.shuffle = button('shuffle', 'Shuffle', () => setShuffle(!shuffled));
  ui.shuffle.setAttribute('aria-pressed', 'false');
  ui.shuffle.classList.add('wide');
  ui.repeat = button('repeat', 'Repeat: off', cycleRepeat);
  ui.repeat.setAttribute('aria-pressed', 'false');
  ui.repeat.classList.add('wide');
  ui.toggle = button('play', 'Play', () => player.toggle());
  ui.queueButton = button('queue', 'Queue', toggleQueue);
  ui.queueButton.setAttribute('aria-expanded', 'false');
  ui.queueButton.setAttribute('aria-controls', 'queue');
  ui.elapsed = h('span', null, '0:00');
  ui.total = h('span', null, '0:00');
  ui.seek = h('input', {type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Seek'});
  ui.seek.addEventListener('input', () => { ui.elapsed.textContent = duration(ui.seek.valueAsNumber); });
  ui.seek.addEventListener('change', () => player.seek(ui.seek.valueAsNumber));
  ui.volume = h('input', {type: 'range', class: 'volume', min: '0', max: '1', step: '0.05', 'aria-label': 'Volume'});
  ui.volume.value = String(audio.volume);
  ui.volume.addEventListener('input', () => { audio.volume = ui.volume.valueAsNumber; });
  clear(bar,
    h('div', {class: 'now'}, ui.art, h('div', {class: 'what'}, h('div', null, ui.title), ui.artist)),
    h('div', {class: 'seek'}, ui.elapsed, ui.seek, ui.total),
    h('div', {class: 'controls'}, ui.shuffle, button('prev', 'Previous track', () => player.previous()), ui.toggle,
      button('next', 'Next track', () => player.next()), ui.repeat, ui.queueButton),
    h('div', {class: 'extra'}, icon('volume'), ui.volume),
    audio);
  bar.hidden = false;
  document.body.classList.add('has-player');
}

function drawNow() {
  const song = player.current;
  const art = song.coverArt ? h('img', {src: coverUrl(song.coverArt, 96), alt: '', width: 48, height: 48}) : h('div', {class: 'ph'});
  ui.art.replaceWith(art);
  ui.art = art;
  ui.title.textContent = song.title;
  ui.title.href = song.albumId ? `/albums/${encodeURIComponent(song.albumId)}` : '/';
  ui.artist.textContent = song.artist || '';
  document.title = `${song.title} · Minstrel`;
  drawTime();
}

function drawPlaying() {
  if (!ui.toggle) return;
  const paused = audio.paused;
  clear(ui.toggle, icon(paused ? 'play' : 'pause'));
  ui.toggle.setAttribute('aria-label', paused ? 'Play' : 'Pause');
  if ('mediaSession' in navigator) navigator.mediaSession.playbackState = paused ? 'paused' : 'playing';
}

function drawTime() {
  if (!ui.seek) return;
  const total = isFinite(audio.duration) ? audio.duration : (player.current && player.current.duration) || 0;
  ui.seek.max = String(Math.floor(total));
  if (document.activeElement !== ui.seek) ui.seek.value = String(Math.floor(audio.currentTime));
  ui.elapsed.textContent = duration(audio.currentTime);
  ui.total.textContent = duration(total);
  ui.seek.setAttribute('aria-valuetext', `${duration(audio.currentTime)} of ${duration(total)}`);
}

let queuePanel = null;

function toggleQueue() {
  if (queuePanel) {
    queuePanel.remove();
    queuePanel = null;
    ui.queueButton.setAttribute('aria-expanded', 'false');
    ui.queueButton.focus();
    return;
  }
  queuePanel = h('section', {class: 'queue', id: 'queue', 'aria-label': 'Queue', tabindex: '-1'});
  document.body.append(queuePanel);
  ui.queueButton.setAttribute('aria-expanded', 'true');
  drawQueue();
  queuePanel.focus();
}

function drawQueue() {
  if (!queuePanel) return;
  clear(queuePanel, h('h2', null, `Queue · ${queue.length} tracks`),
    h('div', {class: 'modes'},
      h('button', {type: 'button', 'aria-pressed': String(shuffled), onclick: () => setShuffle(!shuffled)}, 'Shuffle'),
      h('button', {type: 'button', 'aria-pressed': String(repeat !== 'off'), onclick: () => { cycleRepeat(); drawQueue(); }},
        `Repeat: ${repeat === 'off' ? 'off' : repeat === 'all' ? 'queue' : 'track'}`),
      h('button', {type: 'button', onclick: () => addToPlaylist(queue.slice())}, 'Save as playlist')),
    h('ol', {class: 'tracks'}, queue.map((song, i) => h('li', {class: 'track' + (i === index ? ' playing' : ''), 'data-id': song.id},
      h('span', {class: 'n'}, i + 1),
      h('div', {class: 't'}, h('div', {class: 'name'}, song.title), h('div', {class: 'by'}, song.artist || '')),
      h('span', {class: 'd'}, duration(song.duration)),
      h('div', {class: 'acts'},
        h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Play ${song.title}`, onclick: () => load(i, true)}, icon('play')),
        i === index ? null : h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Remove ${song.title} from the queue`,
          onclick: () => player.removeAt(i)}, icon('remove')))))));
}

document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && queuePanel) toggleQueue();
});
