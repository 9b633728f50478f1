// An artist: their albums, and their most played songs.
import {h, plural} from '/app/dom.js';
import {rest, list} from '/app/rest.js';
import {albumGrid, cover, trackList} from '/app/ui.js';
import {player} from '/app/player.js';

export async function render(main, ctx) {
  const artist = (await rest('getArtist', {id: ctx.params.id})).artist;
  if (!ctx.current()) return;
  ctx.title(artist.name);
  const albums = list(artist.album);
  main.append(h('div', {class: 'head'},
    cover(artist.coverArt, 600, ''),
    h('div', null, h('p', {class: 'kicker'}, 'Artist'), h('h1', null, artist.name),
      h('p', {class: 'muted'}, plural(albums.length, 'album')),
      h('p', {class: 'row'}, h('button', {class: 'primary', type: 'button', onclick: () => playAll(albums, false)}, 'Play all'),
        h('button', {type: 'button', onclick: () => playAll(albums, true)}, 'Shuffle')))),
  h('h2', null, 'Albums'), albumGrid(albums));
  try {
    const top = list((await rest('getTopSongs', {artist: artist.name, count: 10})).topSongs.song);
    if (top.length && ctx.current()) main.append(h('h2', null, 'Most played'), trackList(top, {numbers: 'index', label: 'Most played'}));
  } catch (ignored) { /* no plays yet */ }
}

async function playAll(albums, shuffle) {
  const songs = [];
  for (const album of albums) songs.push(...list((await rest('getAlbum', {id: album.id})).album.song));
  if (shuffle) songs.sort(() => Math.random() - 0.5);
  player.play(songs, 0);
}
