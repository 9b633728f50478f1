// Artists, by letter (getArtists' index, which ignores leading articles like "The").
import {h} from '/app/dom.js';
import {rest, list} from '/app/rest.js';

export async function render(main, ctx) {
  ctx.title('Artists');
  const indexes = list((await rest('getArtists')).artists.index);
  if (!ctx.current()) return;
  const anchor = name => `letter-${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  main.append(h('h1', null, 'Library'),
    h('nav', {class: 'tabs', 'aria-label': 'Library views'},
      h('a', {href: '/library'}, 'Albums'), h('a', {href: '/library/artists', 'aria-current': 'page'}, 'Artists')),
    indexes.length ? h('nav', {class: 'letters', 'aria-label': 'Jump to a letter'},
      indexes.map(index => h('a', {href: `#${anchor(index.name)}`}, index.name))) : h('p', {class: 'empty'}, 'No artists yet.'),
    h('div', {class: 'artists'}, indexes.map(index => h('section', {'aria-labelledby': anchor(index.name)},
      h('h2', {id: anchor(index.name), tabindex: '-1'}, index.name),
      h('ul', null, list(index.artist).map(artist => h('li', null,
        h('a', {href: `/artists/${encodeURIComponent(artist.id)}`}, artist.name,
          h('span', {class: 'muted small'}, ` · ${artist.albumCount || 0}`))))))))));
}
