// Pieces several pages share: cover art, album cards, track lists, dialogs, error notices.
import {h, icon, duration, announce} from '/app/dom.js';
import {rest, restPost, coverUrl, list} from '/app/rest.js';
import {player} from '/app/player.js';
import {session} from '/app/session.js';

/** Cover art at a size the server keeps a thumbnail of (300 for cards, 600 for page heads). */
export function cover(coverArt, size, alt = '') {
  const url = coverUrl(coverArt, size);
  if (!url) return h('div', {class: 'cover none', role: alt ? 'img' : null, 'aria-label': alt || null}, '♪');
  return h('img', {class: 'cover', src: url, alt, width: size, height: size, loading: 'lazy', decoding: 'async'});
}

export function albumCard(album) {
  return h('a', {class: 'card', href: `/albums/${encodeURIComponent(album.id)}`},
    cover(album.coverArt, 300),
    h('div', {class: 'title'}, album.name),
    h('div', {class: 'sub'}, [album.artist, album.year].filter(Boolean).join(' · ')));
}

export function albumGrid(albums, emptyText = 'Nothing here yet.') {
  if (!albums.length) return h('p', {class: 'empty'}, emptyText);
  return h('div', {class: 'cards'}, albums.map(albumCard));
}

export function notice(error) {
  return h('p', {class: 'notice bad', role: 'alert'}, error.message || String(error));
}

export function loading() {
  return h('p', {class: 'spinner'}, 'Loading…');
}

/**
 * A list of songs: each plays the whole list from itself, can be queued, and (for playlists the
 * user owns) added to a playlist. `extra(song, index)` adds per-row buttons (a playlist's remove).
 */
export function trackList(songs, {numbers = 'track', showArtist = true, extra = null, label = 'Tracks'} = {}) {
  const ul = h('ul', {class: 'tracks', 'aria-label': label});
  songs.forEach((song, index) => {
    const n = numbers === 'track' ? (song.track || '') : index + 1;
    const row = h('li', {class: 'track', 'data-id': song.id},
      h('span', {class: 'n'}, n),
      h('div', {class: 't'},
        h('div', {class: 'name'}, song.title),
        showArtist ? h('div', {class: 'by'}, [song.artist, song.album].filter(Boolean).join(' · ')) : null),
      h('span', {class: 'd'}, duration(song.duration)),
      h('div', {class: 'acts'},
        h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Play ${song.title}`,
          onclick: () => player.play(songs, index)}, icon('play')),
        h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Add ${song.title} to the queue`,
          onclick: () => { player.enqueue([song]); announce(`${song.title} added to the queue`); }}, icon('queue')),
        h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Add ${song.title} to a playlist`,
          onclick: () => addToPlaylist([song])}, icon('add')),
        extra ? extra(song, index) : null));
    ul.append(row);
  });
  markPlaying(ul);
  return ul;
}

/** Highlights the row of the song playing now, in every track list on the page. */
export function markPlaying(root = document) {
  const id = player.current && player.current.id;
  root.querySelectorAll('.track').forEach(row => row.classList.toggle('playing', row.dataset.id === id));
}
window.addEventListener('minstrel:track', () => markPlaying());

/** A modal dialog (the browser's own: focus stays inside, Escape closes). Resolves with the chosen value or null. */
export function choose(title, build) {
  return new Promise(resolve => {
    const dialog = h('dialog', {class: 'panel', 'aria-label': title});
    const done = value => { dialog.close(); dialog.remove(); resolve(value); };
    dialog.addEventListener('cancel', () => done(null));
    dialog.append(h('h2', null, title), build(done),
      h('p', null, h('button', {type: 'button', onclick: () => done(null)}, 'Cancel')));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Asks which of the user's playlists (or a new one) gets these songs, and adds them. The ids go as a
 * form: a long queue does not fit in a URL.
 */
export async function addToPlaylist(songs) {
  let playlists;
  try {
    playlists = list((await rest('getPlaylists')).playlists.playlist).filter(p => p.owner === session.user.username && !p.readonly);
  } catch (error) {
    announce(error.message);
    return;
  }
  const choice = await choose('Add to playlist', done => {
    const name = h('input', {type: 'text', id: 'new-playlist-name', maxlength: '200', placeholder: 'New playlist name'});
    return h('div', null,
      playlists.length ? h('ul', {class: 'tracks'}, playlists.map(p => h('li', null,
        h('button', {type: 'button', class: 'quiet', onclick: () => done({id: p.id, name: p.name})}, p.name)))) : null,
      h('form', {onsubmit: event => { event.preventDefault(); if (name.value.trim()) done({name: name.value.trim()}); }},
        h('label', {for: 'new-playlist-name'}, 'Or a new playlist'), name,
        h('p', null, h('button', {type: 'submit', class: 'primary'}, 'Create and add'))));
  });
  if (!choice) return;
  try {
    if (choice.id) {
      await restPost('updatePlaylist', {playlistId: choice.id, songIdToAdd: songs.map(s => s.id)});
    } else {
      await restPost('createPlaylist', {name: choice.name, songId: songs.map(s => s.id)});
    }
    announce(`Added to ${choice.name}`);
  } catch (error) {
    announce(error.message);
  }
}

/** Copies text and says so; the button's label changes for a moment. */
export async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1500);
    announce('Copied');
  } catch (refused) {
    announce('Copying is not allowed here: select the text and copy it.');
  }
}
