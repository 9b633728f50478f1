// Client-side routing with the History API: the shell stays, so the player keeps playing while
// pages change. To add a page: write /app/pages/<name>.js exporting render(main, ctx), add its
// route here, and its path to WebPageConfiguration.PAGE_ROUTES on the server (see docs/web.md).
import {h, clear} from '/app/dom.js';
import {session} from '/app/session.js';

/**
 * [pattern, page module, who may see it: anyone, user, ingest (may add music), asker (a user who may
 * not, and asks instead) or owner]; ':name' is a parameter, '*' the rest of the path.
 */
const ROUTES = [
  ['/', 'home', 'user'],
  ['/join', 'join', 'anyone'],
  ['/join/:code', 'join', 'anyone'],
  ['/welcome', 'welcome', 'user'],
  ['/library', 'library', 'user'],
  ['/library/artists', 'artists', 'user'],
  ['/artists/:id', 'artist', 'user'],
  ['/albums/:id', 'album', 'user'],
  ['/search', 'search', 'user'],
  ['/add', 'add', 'ingest'],
  ['/requests', 'requests', 'user'],
  ['/playlists', 'playlists', 'user'],
  ['/playlists/:id', 'playlist', 'user'],
  ['/stats', 'stats', 'user'],
  ['/stats/users/:username', 'stats', 'owner'],
  ['/stats/server', 'stats', 'owner'],
  ['/circle', 'circle', 'owner'],
  ['/circle/:tab', 'circle', 'owner'],
  ['/me', 'me', 'user'],
  ['/connect', 'connect', 'user'],
];

/** The main navigation, in order; `who` as in ROUTES. */
export const NAV = [
  ['/', 'Home', 'user'],
  ['/library', 'Library', 'user'],
  ['/playlists', 'Playlists', 'user'],
  ['/stats', 'Stats', 'user'],
  ['/add', 'Add music', 'ingest'],
  ['/requests', 'Ask for music', 'asker'],
  ['/circle', 'Circle', 'owner'],
  ['/me', 'Me', 'user'],
];

export function allowed(who) {
  if (who === 'anyone') return true;
  if (!session.user) return false;
  return who === 'user' || (who === 'ingest' && session.mayIngest) || (who === 'asker' && !session.mayIngest)
    || (who === 'owner' && session.owner);
}

function match(path) {
  for (const [pattern, page, who] of ROUTES) {
    const names = [];
    const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; }) + '/?$');
    const found = regex.exec(path);
    if (found) {
      const params = {};
      names.forEach((name, i) => { params[name] = decodeURIComponent(found[i + 1]); });
      return {page, who, params};
    }
  }
  return {page: 'notfound', who: 'anyone', params: {}};
}

let cleanup = null;
let rendering = 0;
const listeners = [];

/** Called after every page change with the new path (the nav marks the current page). */
export function onNavigate(listener) {
  listeners.push(listener);
}

export function navigate(path, {replace = false} = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  return render(true);
}

export async function render(moveFocus = false) {
  const main = document.getElementById('main');
  const ticket = ++rendering;
  const path = location.pathname;
  let {page, who, params} = match(path);
  if (!session.user && who !== 'anyone') page = 'signin';
  else if (!allowed(who)) page = 'forbidden';
  if (cleanup) { try { cleanup(); } catch (ignored) { /* the old page is gone anyway */ } cleanup = null; }
  main.className = '';
  clear(main, h('p', {class: 'spinner'}, 'Loading…'));
  const ctx = {
    params,
    query: new URLSearchParams(location.search),
    title: text => { document.title = text ? `${text} · Minstrel` : 'Minstrel'; },
    current: () => ticket === rendering,
  };
  try {
    const module = await import(`/app/pages/${page}.js`);
    if (ticket !== rendering) return;
    clear(main);
    cleanup = (await module.render(main, ctx)) || null;
  } catch (error) {
    if (ticket !== rendering) return;
    clear(main, h('h1', {tabindex: '-1'}, 'Something went wrong'),
      h('p', {class: 'notice bad', role: 'alert'}, error.message || String(error)),
      h('p', null, h('a', {href: path}, 'Try again')));
  }
  listeners.forEach(listener => listener(path));
  if (moveFocus) {
    const heading = main.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({preventScroll: true}); }
    window.scrollTo(0, 0);
  }
}

/** Same-origin links to page routes change the page without reloading it. */
export function start() {
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/rest/') || url.pathname.startsWith('/api/')) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => render(true));
  return render(false);
}
