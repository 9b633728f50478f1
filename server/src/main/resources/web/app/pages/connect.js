// Connect an app: the address to type, the username, an API key on request, and a short guide for
// each app friends use.
import {h, clear} from '/app/dom.js';
import {api} from '/app/api.js';
import {session} from '/app/session.js';
import {copy} from '/app/ui.js';
import {newKey} from '/app/pages/me.js';

/** [app, platforms, steps]; "the address" etc. refer to the facts at the top of the page. */
const GUIDES = [
  ['Symfonium', 'Android', ['Add media provider → Subsonic (OpenSubsonic).', 'Enter the address, your username and your password (or an API key in the API key field).', 'Leave “legacy authentication” off.']],
  ['DSub', 'Android', ['Settings → Servers → Add server.', 'Server URL: the address; then your username and password.', 'Press “Test connection”.']],
  ['Ultrasonic', 'Android', ['Settings → Server → Add server.', 'Server address: the address; username and password.', 'Leave “Plain text password” off.']],
  ['Substreamer', 'Android and iOS', ['Add server → Subsonic.', 'Enter the address, your username and password.']],
  ['Amperfy', 'iPhone and iPad', ['On the login screen choose Subsonic.', 'Server URL: the address; your username and password.']],
  ['Feishin', 'Windows, macOS, Linux', ['Add server → Subsonic / OpenSubsonic.', 'URL: the address; your username and password.', 'Tick “Save password” to stay signed in.']],
  ['Tempo', 'Android', ['Add server: a name, the address, username and password.', 'Leave “Use legacy authentication” off.']],
];

export function render(main, ctx) {
  ctx.title('Connect an app');
  const address = session.server.address;
  const addressButton = h('button', {type: 'button', onclick: () => copy(address, addressButton)}, 'Copy');
  const shown = h('div', {'aria-live': 'polite'});
  main.append(h('h1', null, 'Connect an app'),
    h('p', null, 'Any Subsonic app works with Minstrel. Add a server with these:'),
    h('dl', {class: 'facts'},
      h('dt', null, 'Server address'), h('dd', null, h('span', {class: 'secret'}, h('code', {id: 'server-address'}, address), addressButton)),
      h('dt', null, 'Username'), h('dd', null, h('code', {id: 'connect-username'}, session.user.username)),
      h('dt', null, 'Password'), h('dd', null, 'the one you sign in with here')),
    session.server.configured ? null : h('p', {class: 'muted small'}, 'This is the address this page was opened at. '
      + 'If friends reach Minstrel elsewhere (through the tunnel), the owner can set MINSTREL_WEB_PUBLIC_URL.'),
    h('p', {class: 'muted small'}, 'No “/rest” at the end: the app adds it.'),
    h('h2', null, 'An API key instead of the password'),
    h('p', null, 'Apps with OpenSubsonic API keys (Symfonium, Feishin…) can use a key: it can be revoked on its own, and the password never travels.'),
    h('p', null, h('button', {type: 'button', class: 'primary', id: 'make-key', onclick: async event => {
      event.target.disabled = true;
      try {
        clear(shown, newKey(await api.post('/api/me/api-keys', {name: `App key ${new Date().toLocaleDateString()}`})),
          h('p', {class: 'muted small'}, 'Keys are listed, and revoked, on ', h('a', {href: '/me'}, 'your page'), '.'));
      } catch (e) {
        clear(shown, h('p', {class: 'error', role: 'alert'}, e.message));
      }
      event.target.disabled = false;
    }}, 'Make an API key')),
    shown,
    h('h2', null, 'App by app'),
    GUIDES.map(([app, platforms, steps]) => h('details', {class: 'guide'},
      h('summary', null, `${app} `, h('span', {class: 'muted small'}, `(${platforms})`)),
      h('ol', null, steps.map(step => h('li', null, step))))));
}
