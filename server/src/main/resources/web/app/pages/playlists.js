// Playlists: everyone sees the public ones (here and in every app); anyone can make their own.
import {h, plural, duration} from '/app/dom.js';
import {rest, list} from '/app/rest.js';
import {cover} from '/app/ui.js';
import {navigate} from '/app/router.js';
import {session} from '/app/session.js';

export async function render(main, ctx) {
  ctx.title('Playlists');
  const lists = list((await rest('getPlaylists')).playlists.playlist);
  if (!ctx.current()) return;
  const name = h('input', {type: 'text', id: 'playlist-name', maxlength: '200', required: true});
  const comment = h('input', {type: 'text', id: 'playlist-comment', maxlength: '1000'});
  const shared = h('input', {type: 'checkbox', id: 'playlist-public', checked: session.owner});
  const error = h('p', {class: 'error', role: 'alert'});
  main.append(h('h1', null, 'Playlists'),
    lists.length ? h('div', {class: 'cards'}, lists.map(p => h('a', {class: 'card', href: `/playlists/${encodeURIComponent(p.id)}`},
      cover(p.coverArt, 300), h('div', {class: 'title'}, p.name),
      h('div', {class: 'sub'}, `${plural(p.songCount || 0, 'track')} · ${duration(p.duration)} · ${p.public ? 'public' : 'private'} · ${p.owner}`))))
      : h('p', {class: 'empty'}, 'No playlists yet.'),
    h('h2', null, 'New playlist'),
    h('form', {class: 'panel', onsubmit: async event => {
      event.preventDefault();
      try {
        const created = (await rest('createPlaylist', {name: name.value.trim()})).playlist;
        await rest('updatePlaylist', {playlistId: created.id, comment: comment.value.trim(), public: String(shared.checked)});
        navigate(`/playlists/${encodeURIComponent(created.id)}`);
      } catch (e) {
        error.textContent = e.message;
      }
    }},
    h('div', {class: 'grid-2'},
      h('div', null, h('label', {for: 'playlist-name'}, 'Name'), name),
      h('div', null, h('label', {for: 'playlist-comment'}, 'Description'), comment)),
    h('label', {class: 'check', for: 'playlist-public'}, shared, 'Public: everyone in the circle sees it, here and in their apps'),
    error, h('button', {type: 'submit', class: 'primary'}, 'Create')));
}
