// The library: the album grid, sortable, a page at a time.
import {h} from '/app/dom.js';
import {rest, list} from '/app/rest.js';
import {albumCard, notice} from '/app/ui.js';

const PAGE = 60;
const ORDERS = [['alphabeticalByName', 'A–Z'], ['alphabeticalByArtist', 'By artist'], ['newest', 'Newest'],
  ['frequent', 'Most played'], ['recent', 'Recently played'], ['random', 'Random']];

export async function render(main, ctx) {
  ctx.title('Library');
  const order = ORDERS.some(([key]) => key === ctx.query.get('sort')) ? ctx.query.get('sort') : 'alphabeticalByName';
  const grid = h('div', {class: 'cards', id: 'albums'});
  const more = h('button', {type: 'button', hidden: true}, 'Show more');
  const status = h('p', {class: 'muted small', role: 'status'});
  let offset = 0;

  const load = async () => {
    more.disabled = true;
    try {
      const albums = list((await rest('getAlbumList2', {type: order, size: PAGE, offset})).albumList2.album);
      if (!ctx.current()) return;
      albums.forEach(album => grid.append(albumCard(album)));
      offset += albums.length;
      more.hidden = albums.length < PAGE;
      status.textContent = offset ? `${offset.toLocaleString()} albums shown` : 'No albums yet.';
    } catch (error) {
      grid.after(notice(error));
    }
    more.disabled = false;
  };
  more.addEventListener('click', async () => {
    const first = offset;
    await load();
    const next = grid.children[first];
    if (next) next.focus();
  });

  main.append(h('h1', null, 'Library'),
    h('nav', {class: 'tabs', 'aria-label': 'Library views'},
      h('a', {href: '/library', 'aria-current': 'page'}, 'Albums'), h('a', {href: '/library/artists'}, 'Artists')),
    h('div', {class: 'row'}, h('label', {for: 'sort', class: 'visually-hidden'}, 'Sort albums'),
      sortSelect(order)),
    status, grid, h('p', null, more));
  await load();
}

function sortSelect(order) {
  const select = h('select', {id: 'sort', class: 'sort'}, ORDERS.map(([key, label]) => h('option', {value: key}, label)));
  select.value = order;
  select.addEventListener('change', () => {
    history.replaceState(null, '', `/library?sort=${select.value}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  return select;
}
