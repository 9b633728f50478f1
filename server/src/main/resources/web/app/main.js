// The page's entry point: who is signed in, the header (navigation and search), then the router
// draws the page. Everything else loads on demand, page by page.
import {h, clear} from '/app/dom.js';
import {session} from '/app/session.js';
import {NAV, allowed, onNavigate, render, start} from '/app/router.js';
import {player, savedQueue, SHORTCUTS} from '/app/player.js';
import {choose} from '/app/ui.js';
import {searchBox} from '/app/search.js';

function drawHeader() {
  const top = document.getElementById('top');
  top.hidden = !session.user;
  if (!session.user) return;
  const nav = document.getElementById('nav');
  clear(nav, NAV.filter(([, , who]) => allowed(who)).map(([path, label]) => h('a', {href: path}, label)));
  clear(document.getElementById('search'), searchBox());
  markCurrent(location.pathname);
}

function markCurrent(path) {
  document.querySelectorAll('#nav a').forEach(link => {
    const target = link.getAttribute('href');
    const current = target === '/' ? path === '/' : path === target || path.startsWith(target + '/');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

/** After signing in or up: the header appears and the saved queue comes back (paused). */
export async function signedIn() {
  drawHeader();
  savedQueue().then(saved => saved && player.restore(saved.songs, saved.current, saved.position)).catch(() => {});
}

window.addEventListener('minstrel:signed-in', () => signedIn());
window.addEventListener('minstrel:signed-out', () => {
  if (!session.user) return;
  session.forget();
  player.audio.pause();
  drawHeader();
  render(true);
});
window.addEventListener('minstrel:shortcuts', () => choose('Keyboard shortcuts', () => h('dl', {class: 'facts'},
  SHORTCUTS.map(([keys, what]) => [h('dt', null, h('kbd', null, keys)), h('dd', null, what)]))));
onNavigate(markCurrent);

(async () => {
  try {
    if (await session.resume()) await signedIn();
  } catch (error) {
    clear(document.getElementById('main'), h('p', {class: 'notice bad', role: 'alert'}, error.message));
    return;
  }
  await start();
})();
