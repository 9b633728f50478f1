// Me: password, time zone, stream quality, what friends see of my listening, ListenBrainz and my
// listens in and out, API keys, signing out.
import {h, clear, date, announce, plural} from '/app/dom.js';
import {api} from '/app/api.js';
import {session} from '/app/session.js';
import {copy} from '/app/ui.js';
import {SHORTCUTS} from '/app/player.js';
import {streamLimit, setStreamLimit} from '/app/rest.js';
import {privacyStatement} from '/app/privacy.js';

export async function render(main, ctx) {
  ctx.title('Me');
  const user = session.user;
  main.append(h('h1', null, user.username),
    h('p', {class: 'muted'}, [user.role === 'owner' ? 'Owner' : 'Friend', user.download || user.role === 'owner' ? 'may download' : null,
      user.role === 'owner' || user.ingest ? 'may add music' : null].filter(Boolean).join(' · ')),
    h('p', {class: 'row'}, h('a', {class: 'button primary', href: '/connect'}, 'Connect an app'),
      h('button', {type: 'button', onclick: async () => {
        await session.signOut();
        // a fresh page: the player, its queue and every key in memory are gone with the old one
        location.assign('/');
      }}, 'Sign out')),
    passwordForm(), await timeZoneForm(), streamQualityForm(), await listeningForm(), await listenBrainz(ctx),
    listensInAndOut(), await apiKeys(ctx),
    h('h2', null, 'Keyboard shortcuts'),
    h('dl', {class: 'facts'}, SHORTCUTS.map(([keys, what]) => [h('dt', null, h('kbd', null, keys)), h('dd', null, what)])));
}

function passwordForm() {
  const current = h('input', {type: 'password', id: 'current-password', autocomplete: 'current-password', required: true});
  const next = h('input', {type: 'password', id: 'new-password', autocomplete: 'new-password', minlength: '8', maxlength: '128', required: true});
  const again = h('input', {type: 'password', id: 'new-password-again', autocomplete: 'new-password', required: true});
  const said = h('p', {role: 'status', class: 'small'});
  return h('form', {class: 'panel', 'aria-labelledby': 'password-h', onsubmit: async event => {
    event.preventDefault();
    if (next.value !== again.value) { said.textContent = 'The two new passwords differ.'; return; }
    try {
      await api.post('/api/me/password', {currentPassword: current.value, newPassword: next.value});
      event.target.reset();
      said.textContent = 'Password changed. Other browsers are signed out; apps need the new password.';
    } catch (e) {
      said.textContent = e.status === 403 ? 'The current password is wrong.' : e.message;
    }
  }},
  h('h2', {id: 'password-h'}, 'Password'),
  h('div', {class: 'grid-2'},
    h('div', null, h('label', {for: 'current-password'}, 'Current password'), current),
    h('div', null, h('label', {for: 'new-password'}, 'New password'), next),
    h('div', null, h('label', {for: 'new-password-again'}, 'New password again'), again)),
  said, h('button', {type: 'submit', class: 'primary'}, 'Change password'));
}

async function timeZoneForm() {
  const profile = await api.get('/api/stats/profile');
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [here];
  const select = h('select', {id: 'time-zone'}, [...new Set([profile.timeZone, ...zones])].map(zone => h('option', {value: zone}, zone)));
  select.value = profile.timeZone;
  const said = h('p', {role: 'status', class: 'small'});
  const save = async zone => {
    try {
      await api.put('/api/stats/profile', {timeZone: zone});
      select.value = zone;
      said.textContent = `Saved: your stats now use ${zone}.`;
    } catch (e) { said.textContent = e.message; }
  };
  return h('form', {class: 'panel', 'aria-labelledby': 'zone-h', onsubmit: event => { event.preventDefault(); save(select.value); }},
    h('h2', {id: 'zone-h'}, 'Time zone'),
    h('p', {class: 'muted small'}, 'Your stats count days and hours in this zone; changing it places your past listens again.'),
    h('label', {for: 'time-zone'}, 'Zone'), select, said,
    h('p', {class: 'row'}, h('button', {type: 'submit', class: 'primary'}, 'Save'),
      here && here !== profile.timeZone ? h('button', {type: 'button', onclick: () => save(here)}, `Use this device’s (${here})`) : null));
}

/** Kept in this browser: a phone on mobile data and a desktop at home want different things. */
function streamQualityForm() {
  const choices = [[0, 'Original files'], [320, '320 kbit/s'], [192, '192 kbit/s'], [128, '128 kbit/s'],
    [96, '96 kbit/s'], [64, '64 kbit/s']];
  const select = h('select', {id: 'stream-quality'}, choices.map(([kbps, label]) => h('option', {value: String(kbps)}, label)));
  select.value = String(streamLimit());
  const said = h('p', {role: 'status', class: 'small'});
  select.addEventListener('change', () => {
    setStreamLimit(Number(select.value));
    said.textContent = Number(select.value)
      ? `Saved: songs larger than ${select.value} kbit/s now play as MP3 at that rate in this browser.`
      : 'Saved: songs play as their original files in this browser.';
  });
  return h('section', {class: 'panel', 'aria-labelledby': 'quality-h'},
    h('h2', {id: 'quality-h'}, 'Stream quality'),
    h('p', {class: 'muted small'}, 'On a slow connection, a lower rate keeps songs from stalling. It applies to this browser, from the next song; apps have a setting of their own.'),
    h('label', {for: 'stream-quality'}, 'Stream at most'), select, said);
}

const FRIENDS_SEE = [
  ['nothing', 'Nothing', 'Friends see nothing of your listening, and your listens stay out of the circle’s lists.'],
  ['top-lists', 'Top lists', 'Friends see how much you listened, your awards, and your listens count in “The circle this week”.'],
  ['everything', 'Everything', 'All of that, and what you are playing right now.'],
];

async function listeningForm() {
  const settings = await api.get('/api/stats/settings');
  const said = h('p', {role: 'status', class: 'small'});
  const radios = FRIENDS_SEE.map(([value, label, what]) => h('div', {class: 'choice'},
    h('input', {type: 'radio', name: 'friends-see', id: `friends-see-${value}`, value, checked: settings.friendsSee === value}),
    h('label', {for: `friends-see-${value}`}, h('strong', null, label), ' · ', h('span', {class: 'muted'}, what))));
  const made = h('input', {type: 'checkbox', id: 'made-playlists', checked: settings.madePlaylists});
  return h('form', {class: 'panel', 'aria-labelledby': 'listening-h', onsubmit: async event => {
    event.preventDefault();
    const friendsSee = event.target.querySelector('input[name="friends-see"]:checked').value;
    try {
      await api.put('/api/stats/settings', {friendsSee, madePlaylists: made.checked});
      said.textContent = 'Saved.';
    } catch (e) { said.textContent = e.message; }
  }},
  h('h2', {id: 'listening-h'}, 'Your listening'),
  h('fieldset', null, h('legend', null, 'What your friends see'), radios),
  privacyStatement(),
  h('div', {class: 'choice'}, made, h('label', {for: 'made-playlists'},
    'Make playlists from my listening (“Top 25 this week”, “On repeat”, “Rediscover”, a mix for your persona) in every app')),
  said, h('button', {type: 'submit', class: 'primary'}, 'Save'));
}

/** The link to the user's ListenBrainz account: the token goes in once and is never shown back. */
async function listenBrainz(ctx) {
  const state = h('div', {'aria-live': 'polite'});
  const token = h('input', {type: 'password', id: 'lb-token', autocomplete: 'off', required: true, spellcheck: 'false'});
  const said = h('p', {role: 'status', class: 'small'});
  const show = link => {
    if (!ctx.current()) return;
    clear(state, link.connected
      ? h('div', null,
        h('p', null, 'Connected as ', h('strong', null, link.userName || 'your account'),
          link.sending ? '' : ' · not sending: connect again with a valid token'),
        h('p', {class: 'muted small'}, [`${plural(link.queued, 'listen')} waiting`,
          link.lastSubmittedAt ? `last sent ${date(link.lastSubmittedAt)}` : 'nothing sent yet'].join(' · ')),
        link.lastError ? h('p', {class: 'error small'}, link.lastError) : null,
        h('button', {type: 'button', class: 'danger', onclick: async () => {
          try {
            await api.del('/api/me/listenbrainz');
            show(await api.get('/api/me/listenbrainz'));
            said.textContent = 'Disconnected: the token is forgotten.';
          } catch (e) { said.textContent = e.message; }
        }}, 'Disconnect'))
      : h('p', {class: 'muted small'}, 'Not connected.'));
  };
  show(await api.get('/api/me/listenbrainz'));
  return h('form', {class: 'panel', 'aria-labelledby': 'lb-h', onsubmit: async event => {
    event.preventDefault();
    said.textContent = 'Checking the token with ListenBrainz…';
    try {
      show(await api.put('/api/me/listenbrainz', {token: token.value.trim()}));
      token.value = '';
      said.textContent = 'Connected: your listens from now on go to ListenBrainz.';
    } catch (e) { said.textContent = e.message; }
  }},
  h('h2', {id: 'lb-h'}, 'ListenBrainz'),
  h('p', {class: 'muted small'}, 'Send your listens to your ListenBrainz account as they are counted, and what you play now. Your user token is on listenbrainz.org under Settings; it is kept sealed on this server and never shown again.'),
  state,
  h('label', {for: 'lb-token'}, 'User token'), h('div', {class: 'row'}, token, h('button', {type: 'submit', class: 'primary'}, 'Connect')),
  said);
}

/** Taking listens away (downloads) and bringing them in (an export file). */
function listensInAndOut() {
  const file = h('input', {type: 'file', id: 'listens-file', accept: '.json,.jsonl,.csv,application/json,text/csv', required: true});
  const said = h('p', {role: 'status', class: 'small'});
  return h('form', {class: 'panel', 'aria-labelledby': 'listens-h', onsubmit: async event => {
    event.preventDefault();
    if (!file.files.length) return;
    said.textContent = 'Importing…';
    try {
      const report = await api.post('/api/me/listens/import', file.files[0]);
      said.textContent = `Imported ${plural(report.imported, 'listen')} (${report.matched} of songs in the library), `
        + `${report.duplicates} already there.` + (report.unmatchedExamples.length
        ? ` Not in the library, kept by name: ${report.unmatchedExamples.join('; ')}.` : '');
      event.target.reset();
    } catch (e) { said.textContent = e.message; }
  }},
  h('h2', {id: 'listens-h'}, 'Your listens in and out'),
  h('p', {class: 'row'}, h('a', {class: 'button', href: '/api/me/listens/export', download: ''}, 'Download (ListenBrainz JSON)'),
    h('a', {class: 'button', href: '/api/me/listens/export?format=csv', download: ''}, 'Download (CSV)')),
  h('p', {class: 'muted small'}, 'Import a ListenBrainz export (JSON, or a .jsonl file from its zip) or a Last.fm export (CSV from lastfm-to-csv, or recent-tracks JSON), up to 50 MB. Listens already here are not added twice.'),
  h('label', {for: 'listens-file'}, 'Export file'), h('div', {class: 'row'}, file, h('button', {type: 'submit', class: 'primary'}, 'Import')),
  said);
}

async function apiKeys(ctx) {
  const listEl = h('div');
  const shown = h('div', {'aria-live': 'polite'});
  const name = h('input', {type: 'text', id: 'key-name', maxlength: '100', required: true, placeholder: 'Symfonium on my phone'});
  const refresh = async () => {
    const keys = await api.get('/api/me/api-keys');
    if (!ctx.current()) return;
    clear(listEl, keys.length ? h('div', {class: 'table-wrap'}, h('table', null,
      h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Name'), h('th', {scope: 'col'}, 'Made'), h('th', {scope: 'col'}, 'Last used'), h('th', null, h('span', {class: 'visually-hidden'}, 'Actions')))),
      h('tbody', null, keys.map(key => h('tr', null, h('td', null, key.name), h('td', null, date(key.createdAt)),
        h('td', null, key.lastUsedAt ? date(key.lastUsedAt) : 'never'),
        h('td', null, h('button', {type: 'button', class: 'danger', 'aria-label': `Revoke ${key.name}`, onclick: async () => {
          await api.del(`/api/me/api-keys/${encodeURIComponent(key.id)}`).catch(e => announce(e.message));
          announce(`${key.name} revoked`);
          refresh();
        }}, 'Revoke')))))))
      : h('p', {class: 'empty'}, 'No API keys.'));
  };
  await refresh();
  return h('section', {class: 'panel', 'aria-labelledby': 'keys-h'},
    h('h2', {id: 'keys-h'}, 'API keys'),
    h('p', {class: 'muted small'}, 'Apps that support OpenSubsonic API keys can use one instead of your password; revoke it any time.'),
    h('form', {onsubmit: async event => {
      event.preventDefault();
      try {
        clear(shown, newKey(await api.post('/api/me/api-keys', {name: name.value.trim()})));
        name.value = '';
        await refresh();
      } catch (e) { clear(shown, h('p', {class: 'error', role: 'alert'}, e.message)); }
    }}, h('label', {for: 'key-name'}, 'Name of the new key'), h('div', {class: 'row'}, name, h('button', {type: 'submit', class: 'primary'}, 'Make a key'))),
    shown, listEl);
}

/** A key just made: shown this once. */
export function newKey(created) {
  const copyButton = h('button', {type: 'button', onclick: () => copy(created.key, copyButton)}, 'Copy');
  return h('div', {class: 'panel', id: 'new-key'},
    h('p', null, h('strong', null, created.name), ': copy it now, it is not shown again.'),
    h('div', {class: 'secret'}, h('code', {id: 'api-key'}, created.key), copyButton));
}
