// One playlist. Its owner renames and describes it, adds songs from search, reorders them by drag
// or with the move buttons (keyboard), and removes them; everyone else plays it.
import {h, icon, clear, duration, plural, announce, debounce} from '/app/dom.js';
import {rest, restPost, list} from '/app/rest.js';
import {cover, trackList, notice, markPlaying} from '/app/ui.js';
import {player} from '/app/player.js';
import {session} from '/app/session.js';
import {navigate} from '/app/router.js';

export async function render(main, ctx) {
  let playlist = (await rest('getPlaylist', {id: ctx.params.id})).playlist;
  if (!ctx.current()) return;
  ctx.title(playlist.name);
  let songs = list(playlist.entry);
  // a readonly playlist (made from listening, or mirroring a watched one) follows the server, not its owner
  const mine = playlist.owner === session.user.username && !playlist.readonly;
  const status = h('p', {class: 'muted small', role: 'status'});
  const tracks = h('div');

  /** Saves the whole order (createPlaylist with playlistId replaces the songs, in one transaction). */
  const saveOrder = async (focusIndex, message) => {
    try {
      await restPost('createPlaylist', {playlistId: playlist.id, songId: songs.map(s => s.id)});
      drawTracks(focusIndex);
      announce(message);
    } catch (e) {
      announce(e.message);
    }
  };
  const move = (from, to) => {
    if (to < 0 || to >= songs.length || from === to) return;
    const [song] = songs.splice(from, 1);
    songs.splice(to, 0, song);
    saveOrder(to, `${song.title} moved to position ${to + 1}`);
  };
  const drawTracks = focusIndex => {
    const extra = mine ? (song, i) => [
      h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Move ${song.title} up`, disabled: i === 0, onclick: () => move(i, i - 1)}, icon('up')),
      h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Move ${song.title} down`, disabled: i === songs.length - 1, onclick: () => move(i, i + 1)}, icon('down')),
      h('button', {class: 'icon quiet', type: 'button', 'aria-label': `Remove ${song.title} from the playlist`, onclick: async () => {
        try {
          await rest('updatePlaylist', {playlistId: playlist.id, songIndexToRemove: i});
          songs.splice(i, 1);
          drawTracks(Math.min(i, songs.length - 1));
          announce(`${song.title} removed`);
        } catch (e) { announce(e.message); }
      }}, icon('remove'))] : null;
    const listEl = songs.length ? trackList(songs, {numbers: 'index', extra, label: `Songs of ${playlist.name}`})
      : h('p', {class: 'empty'}, mine ? 'No songs yet: add some below, or from an album or the player.' : 'No songs yet.');
    if (mine && songs.length) draggable(listEl, move);
    clear(tracks, listEl);
    status.textContent = `${plural(songs.length, 'track')} · ${duration(songs.reduce((t, s) => t + (s.duration || 0), 0))}`;
    if (focusIndex !== undefined && focusIndex >= 0) {
      const row = listEl.children[focusIndex];
      const button = row && row.querySelector('button:not([disabled])');
      if (button) button.focus();
    }
    markPlaying();
  };

  main.append(h('div', {class: 'head'},
    cover(playlist.coverArt, 600, ''),
    h('div', null, h('p', {class: 'kicker'}, `${playlist.public ? 'Public' : 'Private'} playlist by ${playlist.owner}`),
      h('h1', null, playlist.name),
      playlist.comment ? h('p', {class: 'muted'}, playlist.comment) : null,
      status,
      h('p', {class: 'row'},
        h('button', {class: 'primary', type: 'button', disabled: !songs.length, onclick: () => player.play(songs, 0)}, 'Play'),
        h('button', {type: 'button', onclick: () => player.enqueue(songs)}, 'Add to queue')))),
  tracks);
  drawTracks();
  if (!mine) return;

  main.append(h('h2', null, 'Add songs'), adder(playlist, added => {
    songs.push(...added);
    drawTracks();
    announce(`${added[0].title} added`);
  }));
  main.append(h('h2', null, 'Details'), details(playlist, updated => { playlist = {...playlist, ...updated}; }));
}

/** Search the library and add a song with one press. */
function adder(playlist, onAdded) {
  const box = h('input', {type: 'search', id: 'playlist-search', autocomplete: 'off', 'aria-describedby': 'playlist-search-hint'});
  const found = h('div', {'aria-live': 'polite'});
  const lookup = debounce(async () => {
    const query = box.value.trim();
    if (!query) { clear(found); return; }
    try {
      const songs = list(((await rest('search3', {query, artistCount: 0, albumCount: 0, songCount: 15})).searchResult3 || {}).song);
      clear(found, songs.length ? h('ul', {class: 'tracks', 'aria-label': 'Songs found'}, songs.map(song => h('li', {class: 'track'},
        h('span', {class: 'n'}, '+'),
        h('div', {class: 't'}, h('div', {class: 'name'}, song.title), h('div', {class: 'by'}, [song.artist, song.album].filter(Boolean).join(' · '))),
        h('span', {class: 'd'}, duration(song.duration)),
        h('div', {class: 'acts'}, h('button', {type: 'button', class: 'quiet', 'aria-label': `Add ${song.title}`, onclick: async () => {
          try {
            await rest('updatePlaylist', {playlistId: playlist.id, songIdToAdd: song.id});
            onAdded([song]);
          } catch (e) { announce(e.message); }
        }}, 'Add'))))) : h('p', {class: 'empty'}, 'Nothing found.'));
    } catch (e) {
      clear(found, notice(e));
    }
  }, 250);
  box.addEventListener('input', lookup);
  return h('div', null, h('label', {for: 'playlist-search'}, 'Find songs'), box,
    h('p', {class: 'hint', id: 'playlist-search-hint'}, 'Songs can also be added from an album page or a search result.'), found);
}

function details(playlist, onSaved) {
  const name = h('input', {type: 'text', id: 'pl-name', maxlength: '200', required: true, value: playlist.name});
  const comment = h('textarea', {id: 'pl-comment', maxlength: '1000', rows: '2'});
  comment.value = playlist.comment || '';
  const shared = h('input', {type: 'checkbox', id: 'pl-public', checked: !!playlist.public});
  const said = h('p', {role: 'status', class: 'muted small'});
  return h('form', {class: 'panel', onsubmit: async event => {
    event.preventDefault();
    try {
      await rest('updatePlaylist', {playlistId: playlist.id, name: name.value.trim(), comment: comment.value.trim(), public: String(shared.checked)});
      onSaved({name: name.value.trim(), comment: comment.value.trim(), public: shared.checked});
      said.textContent = 'Saved.';
      document.querySelector('h1').textContent = name.value.trim();
    } catch (e) { said.textContent = e.message; }
  }},
  h('label', {for: 'pl-name'}, 'Name'), name,
  h('label', {for: 'pl-comment'}, 'Description'), comment,
  h('label', {class: 'check', for: 'pl-public'}, shared, 'Public: everyone in the circle sees it'),
  said,
  h('p', {class: 'row'}, h('button', {type: 'submit', class: 'primary'}, 'Save'),
    h('button', {type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Delete the playlist “${playlist.name}”?`)) return;
      try {
        await rest('deletePlaylist', {id: playlist.id});
        navigate('/playlists');
      } catch (e) { said.textContent = e.message; }
    }}, 'Delete playlist')));
}

/** Drag a row onto another to move it there (the move buttons do the same from the keyboard). */
function draggable(listEl, move) {
  let from = -1;
  [...listEl.children].forEach((row, i) => {
    row.draggable = true;
    row.addEventListener('dragstart', event => { from = i; event.dataTransfer.effectAllowed = 'move'; });
    row.addEventListener('dragover', event => {
      event.preventDefault();
      row.classList.toggle('drop-before', i < from);
      row.classList.toggle('drop-after', i > from);
    });
    row.addEventListener('dragleave', () => row.classList.remove('drop-before', 'drop-after'));
    row.addEventListener('drop', event => {
      event.preventDefault();
      row.classList.remove('drop-before', 'drop-after');
      if (from >= 0) move(from, i);
      from = -1;
    });
  });
}
