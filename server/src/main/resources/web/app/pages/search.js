// The search page (Enter in the search box): more of everything search3 finds.
import {h} from '/app/dom.js';
import {rest, list} from '/app/rest.js';
import {albumGrid, trackList} from '/app/ui.js';

export async function render(main, ctx) {
  const query = ctx.query.get('q') || '';
  ctx.title(query ? `Search: ${query}` : 'Search');
  main.append(h('h1', null, query ? `Results for “${query}”` : 'Search'));
  if (!query) {
    main.append(h('p', {class: 'muted'}, 'Type in the search box at the top.'));
    return;
  }
  const found = (await rest('search3', {query, artistCount: 20, albumCount: 40, songCount: 50})).searchResult3 || {};
  if (!ctx.current()) return;
  const artists = list(found.artist);
  const albums = list(found.album);
  const songs = list(found.song);
  if (!artists.length && !albums.length && !songs.length) {
    main.append(h('p', {class: 'empty'}, 'Nothing found.'));
    return;
  }
  if (artists.length) main.append(h('h2', null, 'Artists'), h('ul', {class: 'tracks'}, artists.map(a => h('li', {class: 'track'},
    h('span', {class: 'n'}, '♪'), h('div', {class: 't'}, h('a', {href: `/artists/${encodeURIComponent(a.id)}`, class: 'name'}, a.name)),
    h('span', {class: 'd'}, `${a.albumCount || 0} albums`), h('span')))));
  if (albums.length) main.append(h('h2', null, 'Albums'), albumGrid(albums));
  if (songs.length) main.append(h('h2', null, 'Songs'), trackList(songs, {numbers: 'index', label: 'Songs found'}));
}
