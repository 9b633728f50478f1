// An album: its cover, its songs, play, shuffle, queue, add to a playlist.
import {h, duration, plural, announce} from '/app/dom.js';
import {rest, list} from '/app/rest.js';
import {cover, trackList, addToPlaylist} from '/app/ui.js';
import {player} from '/app/player.js';

export async function render(main, ctx) {
  const album = (await rest('getAlbum', {id: ctx.params.id})).album;
  if (!ctx.current()) return;
  ctx.title(album.name);
  const songs = list(album.song);
  main.append(h('div', {class: 'head'},
    cover(album.coverArt, 600, `Cover of ${album.name}`),
    h('div', null, h('p', {class: 'kicker'}, 'Album'), h('h1', null, album.name),
      h('p', null, album.artistId ? h('a', {href: `/artists/${encodeURIComponent(album.artistId)}`}, album.artist) : album.artist,
        h('span', {class: 'muted'}, [album.year, plural(songs.length, 'track'), duration(album.duration)].filter(Boolean).map(x => ` · ${x}`).join(''))),
      h('p', {class: 'row'},
        h('button', {class: 'primary', type: 'button', onclick: () => player.play(songs, 0)}, 'Play'),
        h('button', {type: 'button', onclick: () => player.play([...songs].sort(() => Math.random() - 0.5), 0)}, 'Shuffle'),
        h('button', {type: 'button', onclick: () => { player.enqueue(songs); announce(`${album.name} added to the queue`); }}, 'Add to queue'),
        h('button', {type: 'button', onclick: () => addToPlaylist(songs)}, 'Add to playlist')))),
  trackList(songs, {showArtist: songs.some(s => s.artist !== album.artist), label: `Tracks of ${album.name}`}));
}
