// Search as you type in the header: a combobox (ARIA 1.2 pattern) over search3, debounced, its
// results grouped (artists, albums, songs) in the server's ranking. Arrow keys move through them,
// Enter opens one (a song plays), Escape closes; Enter with nothing chosen opens the search page.
import {h, clear, icon, debounce, announce} from '/app/dom.js';
import {rest, coverUrl, list} from '/app/rest.js';
import {navigate} from '/app/router.js';
import {player} from '/app/player.js';

export function searchBox() {
  const input = h('input', {type: 'search', id: 'search-box', name: 'q', placeholder: 'Search music', autocomplete: 'off',
    role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'search-results', 'aria-autocomplete': 'list',
    'aria-label': 'Search artists, albums and songs'});
  const results = h('ul', {class: 'results', id: 'search-results', role: 'listbox', 'aria-label': 'Search results', hidden: true});
  let options = [];
  let active = -1;
  let asked = 0;

  const close = () => {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = i => {
    options.forEach((o, j) => o.el.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', options[i].el.id);
      options[i].el.scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const open = option => {
    close();
    option.go();
  };

  const lookup = debounce(async query => {
    const ticket = ++asked;
    if (!query) { close(); return; }
    let found;
    try {
      found = (await rest('search3', {query, artistCount: 4, albumCount: 6, songCount: 8})).searchResult3 || {};
    } catch (error) {
      return;
    }
    if (ticket !== asked) return;
    options = [];
    const groups = [
      ['Artists', list(found.artist), a => ({label: a.name, sub: `${a.albumCount || 0} albums`, art: a.coverArt,
        go: () => navigate(`/artists/${encodeURIComponent(a.id)}`)})],
      ['Albums', list(found.album), a => ({label: a.name, sub: a.artist, art: a.coverArt,
        go: () => navigate(`/albums/${encodeURIComponent(a.id)}`)})],
      ['Songs', list(found.song), s => ({label: s.title, sub: [s.artist, s.album].filter(Boolean).join(' · '), art: s.coverArt,
        go: () => { player.play([s]); announce(`Playing ${s.title}`); }})],
    ];
    clear(results);
    for (const [name, items, describe] of groups) {
      if (!items.length) continue;
      results.append(h('li', {class: 'group', role: 'presentation'}, name));
      for (const item of items) {
        const option = describe(item);
        option.el = h('li', {role: 'option', id: `search-option-${options.length}`, 'aria-selected': 'false'},
          option.art ? h('img', {src: coverUrl(option.art, 96), alt: '', width: 35, height: 35, loading: 'lazy'}) : h('span', {class: 'ph'}),
          h('div', {class: 'what'}, h('div', null, option.label), h('div', {class: 'muted small'}, option.sub || '')));
        option.el.addEventListener('mousedown', event => event.preventDefault());
        option.el.addEventListener('click', () => open(option));
        options.push(option);
        results.append(option.el);
      }
    }
    if (!options.length) results.append(h('li', {class: 'group', role: 'presentation'}, 'Nothing found'));
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
    announce(options.length ? `${options.length} results` : 'Nothing found');
  }, 200);

  input.addEventListener('input', () => lookup(input.value.trim()));
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      if (results.hidden) { results.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Escape') {
      if (!results.hidden) { event.preventDefault(); close(); } else { input.value = ''; }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0 && !results.hidden) open(options[active]);
      else if (input.value.trim()) { close(); navigate(`/search?q=${encodeURIComponent(input.value.trim())}`); }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  const form = h('form', {role: 'search', action: '/search', onsubmit: event => event.preventDefault()},
    icon('search', 'glass'), input, results);
  return form;
}
